/* edgeway route -c FILE [--device k=v,...]: reads an OpenAI request (chat or
 * completions JSON) on stdin and prints the policy's decision as JSON, with
 * its reasons and the features it saw (PII as type counts, never values). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "edgeway/device.h"
#include "edgeway/gateway.h"
#include "edgeway/router.h"
#include "gateway/commands.h"
#include "policy/config.h"
#include "router/router_internal.h"

#define CMD      "route"
#define MAX_DOWN 32

typedef struct route_args {
    const char *config;
    const char *tenant;
    const char *key;
    ew_route_device device;
    bool has_device;
    const char *down[MAX_DOWN]; /* backends to treat as unavailable */
    int n_down;
    int queue, capacity;
} route_args;

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway route -c FILE [--device k=v,...] [--tenant T] [--key NAME]\n"
                "                     [--down BACKEND]... [--queue N[/CAP]]\n"
                "Reads an OpenAI chat/completions request (JSON) on stdin and prints the routing\n"
                "decision as JSON: route, backend, model, rule, reasons, fallbacks and the\n"
                "features the policy saw (PII as type counts, never values).\n"
                "  --device   this request's device state, e.g. battery=15,charging=0,\n"
                "             thermal=serious,low_power=1,metered=0 (else the config's source)\n"
                "  --tenant, --key   who asks (rules match tenant and key)\n"
                "  --down     a backend whose circuit breaker is open\n"
                "  --queue    requests waiting for the local engine, and that queue's bound\n");
}

static int parse_queue(const char *s, route_args *a)
{
    char *end;
    long q = strtol(s, &end, 10);
    long cap = 0;
    if (end == s || q < 0 || q > 1000000) return -1;
    if (*end == '/') {
        const char *c = end + 1;
        cap = strtol(c, &end, 10);
        if (end == c || cap < 0 || cap > 1000000) return -1;
    }
    if (*end) return -1;
    a->queue = (int)q;
    a->capacity = (int)cap;
    return 0;
}

/* Returns 0 to go on, -1 after --help, or an exit status. */
static int parse_args(int argc, char **argv, route_args *a)
{
    ew_route_device_init(&a->device);
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
            usage(stdout);
            return -1;
        }
        if (i + 1 >= argc) break; /* every other option takes a value */
        const char *v = argv[++i];
        ew_error err;
        if (!strcmp(o, "-c") || !strcmp(o, "--config")) {
            a->config = v;
        } else if (!strcmp(o, "--tenant")) {
            a->tenant = v;
        } else if (!strcmp(o, "--key")) {
            a->key = v;
        } else if (!strcmp(o, "--device")) {
            if (ew_device_parse(v, strlen(v), &a->device, &err))
                return ew_cli_fail(CMD, "--device: %s", err.message) + 1;
            a->has_device = true;
        } else if (!strcmp(o, "--down")) {
            if (a->n_down == MAX_DOWN) return ew_cli_fail(CMD, "too many --down") + 1;
            a->down[a->n_down++] = v;
        } else if (!strcmp(o, "--queue")) {
            if (parse_queue(v, a)) return ew_cli_fail(CMD, "--queue: expected N or N/CAP") + 1;
        } else {
            a->config = NULL;
            break;
        }
    }
    if (!a->config) {
        usage(stderr);
        return 2;
    }
    return 0;
}

/* Chat unless the body has a prompt and no messages. */
static ew_request_kind request_kind(const char *json, size_t len)
{
    ew_json_doc doc;
    ew_request_kind kind = EW_REQUEST_CHAT;
    if (ew_json_parse(&doc, json, len, NULL, NULL)) return kind;
    if (ew_json_get(&doc, 0, "messages") < 0 && ew_json_get(&doc, 0, "prompt") >= 0)
        kind = EW_REQUEST_COMPLETION;
    ew_json_doc_cleanup(&doc);
    return kind;
}

/* Health from the flags: the --down backends are open and unavailable. */
static void build_health(const route_args *a, ew_backend_health *hb, ew_health *h)
{
    for (int i = 0; i < a->n_down; i++) {
        hb[i] = (ew_backend_health){
            .breaker = EW_BREAKER_OPEN, .available = false, .rtt_ms = -1, .ttfb_ms = -1};
        snprintf(hb[i].name, sizeof hb[i].name, "%s", a->down[i]);
    }
    *h = (ew_health){.backends = hb,
                     .n_backends = a->n_down,
                     .local_queue = a->queue,
                     .local_capacity = a->capacity};
}

static int decide_and_print(ew_router *r, const ew_request *req, const route_args *a)
{
    ew_backend_health hb[MAX_DOWN];
    ew_health health;
    build_health(a, hb, &health);
    ew_route_ctx ctx = {.tenant = a->tenant,
                        .key = a->key,
                        .health = &health,
                        .device = a->has_device ? &a->device : NULL};
    ew_decision *d = malloc(sizeof *d);
    char *json = malloc(32768);
    int rc = 1;
    if (!d || !json)
        ew_cli_fail(CMD, "out of memory");
    else if (ew_router_decide(r, req, &ctx, d))
        ew_cli_fail(CMD, "no decision");
    else if (ew_decision_to_json(d, json, 32768, NULL))
        ew_cli_fail(CMD, "decision too large");
    else
        rc = (printf("%s\n", json) < 0) ? 1 : 0;
    free(json);
    free(d);
    return rc;
}

int ew_cmd_route(int argc, char **argv)
{
    route_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc) return rc < 0 ? 0 : rc;
    ew_error err;
    ew_router *r;
    if (ew_router_new_file(a.config, &r, &err)) {
        char line[1024];
        fprintf(stderr, "%s\n", ew_error_format(&err, line, sizeof line));
        return 1;
    }
    for (int i = 0; i < a.n_down; i++) {
        ew_config *cfg = ew__router_config(r);
        bool known = false;
        for (int b = 0; b < cfg->n_backends && !known; b++)
            known = !strcmp(cfg->backends[b].name, a.down[i]);
        ew_config_unref(cfg);
        if (!known) {
            ew_router_free(r);
            return ew_cli_fail(CMD, "--down: no backend '%s' in %s", a.down[i], a.config);
        }
    }
    ew_buf body;
    ew_buf_init(&body, 16u << 20);
    ew_request *req = NULL;
    ew_api_error aerr;
    rc = 1;
    if (ew_cli_read_file("-", &body, &err))
        ew_cli_fail(CMD, "%s", err.message);
    else if (ew_request_parse_json(body.data ? body.data : "", body.len,
                                   request_kind(body.data ? body.data : "", body.len), &req, &aerr))
        ew_cli_fail(CMD, "bad request: %s%s%s", aerr.message, aerr.param[0] ? " at " : "",
                    aerr.param);
    else
        rc = decide_and_print(r, req, &a);
    ew_request_free(req);
    ew_buf_cleanup(&body);
    ew_router_free(r);
    return rc;
}
