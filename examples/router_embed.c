/* router_embed: libedgeway as the routing policy inside a phone app.
 *
 * The app owns the UI, the local model and the network; edgeway tells it,
 * for every prompt, whether to answer on the device or in the cloud, and
 * why. The app pushes its battery/thermal state when the OS reports a change
 * and asks for a decision per request. An enterprise can push a new policy at
 * run time; a bad one is refused and the old one stays.
 *
 *   example_router_embed [POLICY.yaml]      (default conf/phone.yaml)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "edgeway.h"

/* The library never prints: the app decides where its messages go. */
static void app_log(void *user, ew_log_level level, const char *request_id, const char *msg)
{
    (void)user;
    (void)request_id;
    fprintf(stderr, "[edgeway %s] %s\n", ew_log_level_name(level), msg);
}

/* What the app would do with a decision: here, say it. */
static void act(const char *prompt, const ew_decision *d)
{
    printf("\n> %s\n  route: %s", prompt, ew_route_name(d->target.route));
    if (d->target.backend[0]) printf(" via %s", d->target.backend);
    if (d->target.model[0]) printf(" on %s", d->target.model);
    printf("  (rule %s", d->rule);
    if (!isnan(d->features.difficulty)) printf(", difficulty %.2f", d->features.difficulty);
    printf(")\n");
    for (int i = 0; i < d->n_reasons; i++)
        printf("  why: %s\n", d->reasons[i]);
    if (d->target.route == EW_ROUTE_DENY) printf("  shown to the user: %s\n", d->message);
}

/* An OpenAI-shaped request built by hand, as an app without JSON would. */
static int ask(ew_router *r, const char *prompt, const ew_health *health)
{
    ew_message msg = {.role = EW_ROLE_USER, .content = prompt, .content_len = strlen(prompt)};
    ew_text_part part = {.text = prompt, .len = strlen(prompt)};
    msg.parts = &part;
    msg.n_parts = 1;
    ew_request req = {.model = "auto", .is_chat = true, .messages = &msg, .n_messages = 1};
    req.max_tokens = -1;
    ew_route_ctx ctx = {.health = health};
    ew_decision d;
    int st = ew_router_decide(r, &req, &ctx, &d);
    if (st) {
        fprintf(stderr, "decide: %s\n", ew_strerror(st));
        return st;
    }
    act(prompt, &d);
    return 0;
}

/* What the OS reported; unknown fields stay -1. */
static void on_device_change(ew_router *r, int battery, int charging, int thermal, int low_power)
{
    ew_route_device dev;
    ew_route_device_init(&dev);
    dev.battery_pct = battery;
    dev.charging = charging;
    dev.thermal = thermal;
    dev.low_power = low_power;
    ew_router_set_device(r, &dev);
    printf("\n[device] battery %d%%, %scharging, thermal %d, low power %s\n", battery,
           charging ? "" : "not ", thermal, low_power ? "on" : "off");
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "conf/phone.yaml";
    ew_log_set_sink(app_log, NULL, EW_LOG_WARN);

    ew_router *r;
    ew_error err;
    if (ew_router_new_file(path, &r, &err)) {
        char line[1024];
        fprintf(stderr, "%s\n", ew_error_format(&err, line, sizeof line));
        return 1;
    }
    /* The cloud client's view; an app without one passes NULL health. */
    ew_backend_health cloud = {.name = "cloud",
                               .breaker = EW_BREAKER_CLOSED,
                               .available = true,
                               .rtt_ms = 85,
                               .ttfb_ms = -1};
    ew_health health = {.backends = &cloud, .n_backends = 1, .local_queue = 0, .local_capacity = 4};

    on_device_change(r, 80, 1, 0, 0);
    int rc = ask(r, "Write a two-line poem about autumn.", &health);
    rc |= ask(r,
              "Let f(x) = x^3 - 6x^2 + 11x - 6. Find all real roots, prove there are no "
              "others, and compute the area enclosed between f and the x-axis on [1, 3].",
              &health);
    rc |= ask(r, "My card is 4111 1111 1111 1111, when does it expire?", &health);

    on_device_change(r, 12, 0, 2, 1);
    rc |= ask(r, "Summarize the plot of Hamlet in three sentences.", &health);
    rc |= ask(r, "Here is my IBAN GB82 WEST 1234 5698 7654 32, is it valid?", &health);

    /* The employer pushes a stricter policy; a broken one is refused. */
    const char *broken = "version: 1\nrouting: {default: remot}\n";
    if (ew_router_reload_string(r, broken, strlen(broken), "pushed.yaml", &err)) {
        char line[1024];
        printf("\n[policy] refused: %s\n", ew_error_format(&err, line, sizeof line));
    }
    const char *strict = "version: 1\n"
                         "routing:\n"
                         "  default: {route: deny, message: cloud use is paused by IT}\n"
                         "  rules: [{name: poems-ok, when: {prompt_tokens: {lt: 20}}, "
                         "route: local}]\n";
    if (!ew_router_reload_string(r, strict, strlen(strict), "pushed.yaml", &err))
        printf("\n[policy] replaced\n");
    rc |= ask(r, "A haiku, please.", &health);
    rc |= ask(r,
              "Explain in detail how public-key cryptography protects my banking app "
              "and what could go wrong if the private key leaks.",
              &health);

    ew_router_free(r);
    return rc ? 1 : 0;
}
