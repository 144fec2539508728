/* bench_route: one full routing decision for a 1 KiB chat prompt, on one core.
 *
 * "decide" is ew_router_decide end to end: PII scan of the request, prompt
 * size, the difficulty score (the config's weights or the built-in ones,
 * when a rule uses difficulty), device state, the rules of
 * conf/enterprise.yaml (never_remote, fallbacks) and the decision with its
 * reasons. The other rows time the parts alone: the PII scan with the
 * detector's defaults, the difficulty score, and the policy on ready-made
 * features. Times are wall clock per call; p50 is the target (<= 20 us),
 * p99 is inflated by a shared machine. The load average is printed: compare
 * runs made under similar load.
 *
 *   bench_route [CONFIG, default conf/enterprise.yaml] [ITERATIONS, default 20000]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edgeway.h"
#include "policy/rules.h"
#include "router/router_internal.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A 1 KiB prompt: ordinary prose with one email address in it. */
static void make_prompt(char *out, size_t size)
{
    static const char *const s[] = {
        "Could you help me plan the release of our mobile app next month? ",
        "We need a checklist for QA, the store listing, and the support team. ",
        "Please also draft a short note for beta testers explaining what changed. ",
        "Questions can go to maria.lopez@example.com before Friday. ",
        "Keep the tone friendly and the list short enough to read on a phone. ",
    };
    size_t n = 0;
    for (int i = 0; n + 80 < size - 1; i++) {
        const char *t = s[i % 5 == 3 && i > 5 ? 0 : i % 5];
        size_t l = strlen(t);
        if (n + l >= size - 1) break;
        memcpy(out + n, t, l);
        n += l;
    }
    while (n < size - 1)
        out[n++] = ' ';
    out[n] = '\0';
}

static void report(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    printf("| %-28s | %8.2f | %8.2f | %8.2f |\n", what, t[n / 2], t[n * 99 / 100], t[0]);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "conf/enterprise.yaml";
    int iters = argc > 2 ? atoi(argv[2]) : 20000;
    if (iters < 100) iters = 100;
    ew_router *r;
    ew_error err;
    if (ew_router_new_file(path, &r, &err)) {
        char line[1024];
        fprintf(stderr, "%s\n", ew_error_format(&err, line, sizeof line));
        return 1;
    }
    char prompt[1025];
    make_prompt(prompt, sizeof prompt);
    ew_message msg = {.role = EW_ROLE_USER, .content = prompt, .content_len = strlen(prompt)};
    ew_request req = {.model = "auto", .is_chat = true, .messages = &msg, .n_messages = 1};
    ew_backend_health hb[2] = {{.name = "openai", .available = true, .rtt_ms = 40},
                               {.name = "backup", .available = true, .rtt_ms = 60}};
    ew_health health = {.backends = hb, .n_backends = 2, .local_queue = 1, .local_capacity = 32};
    ew_route_device dev = {
        .battery_pct = 64, .charging = 0, .thermal = 0, .low_power = 0, .metered = 0};
    ew_route_ctx ctx = {.health = &health, .device = &dev};
    double *t = malloc(sizeof *t * (size_t)iters);
    ew_decision *d = malloc(sizeof *d);
    if (!t || !d) return 1;

    for (int i = 0; i < 1000; i++) /* warm caches and branch predictors */
        ew_router_decide(r, &req, &ctx, d);
    for (int i = 0; i < iters; i++) {
        double t0 = now_us();
        ew_router_decide(r, &req, &ctx, d);
        t[i] = now_us() - t0;
    }
    double load[3] = {-1, -1, -1};
    FILE *la = fopen("/proc/loadavg", "r");
    if (la) {
        if (fscanf(la, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3) load[0] = -1;
        fclose(la);
    }
    printf("bench_route: %s, prompt %zu bytes, %d iterations, load average %.2f %.2f %.2f\n"
           "decision: %s (rule %s, %d PII type%s, difficulty %s)\n\n",
           path, strlen(prompt), iters, load[0], load[1], load[2], ew_route_name(d->target.route),
           d->rule, d->features.n_pii, d->features.n_pii == 1 ? "" : "s",
           isnan(d->features.difficulty) ? "not scored" : "scored");
    printf("| %-28s | %8s | %8s | %8s |\n", "step (us per call)", "p50", "p99", "min");
    printf("|------------------------------|----------|----------|----------|\n");
    report("decide (full)", t, iters);

    /* The scan alone (a scanner with the detector's defaults). */
    ew_pii_scanner *sc = ew_pii_scanner_new(NULL, &err);
    ew_pii_result res;
    ew_pii_result_init(&res);
    for (int i = 0; sc && i < iters; i++) {
        double t0 = now_us();
        ew_pii_scan(sc, prompt, strlen(prompt), &res);
        t[i] = now_us() - t0;
    }
    if (sc) report("PII scan only", t, iters);
    ew_pii_result_cleanup(&res);
    ew_pii_scanner_free(sc);

    ew_config *cfg = ew__router_config(r);
    /* The difficulty score alone, with the weights the config names or the
     * built-in ones (the router scores only when a rule looks at difficulty). */
    ew_difficulty *dm = NULL;
    ew_difficulty_opts dopt = {.weights_path = cfg->difficulty->weights};
    if (cfg->difficulty->enabled && ew_difficulty_open(&dopt, &dm, &err) == EW_OK) {
        volatile double sink = 0;
        for (int i = 0; i < iters; i++) {
            double t0 = now_us();
            sink += ew_difficulty_score_request(dm, &req);
            t[i] = now_us() - t0;
        }
        (void)sink;
        report("difficulty only", t, iters);
    }
    ew_difficulty_free(dm);

    /* The same policy on ready-made features: the rules' share. */
    ew_policy *p = ew__policy_new(cfg);
    ew_rule_input in = {.difficulty = NAN,
                        .device = {64, 0, 0, 0, 0},
                        .health = &health,
                        .model = "auto",
                        .prompt_tokens = 230,
                        .prompt_bytes = 1024};
    in.pii_counts[EW_PII_EMAIL] = 1;
    for (int i = 0; i < iters; i++) {
        double t0 = now_us();
        ew__policy_decide(p, &in, d);
        t[i] = now_us() - t0;
    }
    report("rules only", t, iters);
    ew__policy_free(p);
    ew_config_unref(cfg);
    free(t);
    free(d);
    ew_router_free(r);
    return 0;
}
