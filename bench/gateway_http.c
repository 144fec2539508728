/* bench_gateway_http: the gateway's own cost per request, without a route
 * to run (bench_gateway measures the remote route against its upstream).
 * The gateway runs in this process on its loop thread; an open-loop client sends at a fixed rate
 * over keep-alive connections and measures each response's round trip.
 *
 *   GET /healthz              HTTP layer only
 *   POST chat, 1 KiB / 16 KiB HTTP + auth + OpenAI parse + PII scan + decision,
 *                             answered 503 (no model and no backend configured)
 *
 * Then a closed loop finds requests/s at saturation. Client and server share
 * the machine, so the times include the client's own work: they bound the
 * gateway's cost from above.
 *
 * usage: bench_gateway_http [rate] [seconds] [case]   (defaults 5000, 2, all;
 *        case is a substring of the case names, e.g. "16 KiB")
 */
#include <event2/event.h>
#include <event2/thread.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/loadgen.h"
#include "gateway/server.h"

#define NCONN 16

static const char *only; /* run only cases whose name contains this */

static void run(int port, const char *req, double rate, double seconds, const char *name)
{
    if (only && !strstr(name, only)) return;
    lg_stats s = lg_run(port, req, rate, seconds, NCONN);
    printf("%-28s %9.0f %8.1f %8.1f %8.1f %8.1f\n", name, s.rps, s.p50_us, s.p99_us, s.p999_us,
           s.max_us);
}

static void *loop_main(void *arg)
{
    event_base_dispatch(arg);
    return NULL;
}

int main(int argc, char **argv)
{
    double rate = argc > 1 ? strtod(argv[1], NULL) : 5000;
    double seconds = argc > 2 ? strtod(argv[2], NULL) : 2;
    only = argc > 3 ? argv[3] : NULL;
    evthread_use_pthreads();
    struct event_base *base = event_base_new();
    /* No model and no backend: a chat request is parsed, scanned, decided
     * (local) and answered 503, so the HTTP layer, the parse and the
     * decision are what is measured. */
    static const char yaml[] = "version: 1\n"
                               "server: {listen: [127.0.0.1:0], limits: {drain_timeout: 1s}}\n"
                               "auth: {allow_anonymous_loopback: true}\n"
                               "routing: {default: local}\n";
    ew_config *cfg;
    ew_config_errors errs;
    if (ew_config_load_string(yaml, sizeof yaml - 1, "bench", &cfg, &errs)) {
        fprintf(stderr, "config: %s\n", errs.n ? errs.items[0].message : "invalid");
        return 1;
    }
    ew__gateway *gw;
    ew__gateway_opts o = {.base = base, .config = cfg};
    ew_error err;
    if (ew__gateway_new(&o, &gw, &err)) {
        fprintf(stderr, "gateway: %s\n", err.message);
        return 1;
    }
    char addr[64];
    ew__gateway_address(gw, 0, addr, sizeof addr);
    int port = (int)strtol(strrchr(addr, ':') + 1, NULL, 10);
    pthread_t th;
    pthread_create(&th, NULL, loop_main, base);

    char *c1 = lg_chat_request(1024, false, "auto"), *c16 = lg_chat_request(16384, false, "auto");
    const char *health = "GET /healthz HTTP/1.1\r\nHost: b\r\n\r\n";
    printf("gateway HTTP layer, %d keep-alive connections, %.0f req/s offered, %.0f s each\n",
           NCONN, rate, seconds);
    printf("%-28s %9s %8s %8s %8s %8s\n", "case", "req/s", "p50 us", "p99 us", "p99.9", "max us");
    run(port, health, rate, seconds, "GET /healthz");
    run(port, c1, rate, seconds, "POST chat 1 KiB (parse)");
    run(port, c16, rate, seconds, "POST chat 16 KiB (parse)");
    run(port, health, 0, seconds, "GET /healthz saturated");
    run(port, c1, 0, seconds, "POST chat 1 KiB saturated");
    run(port, c16, 0, seconds, "POST chat 16 KiB saturated");
    printf("RSS: %ld KiB now, %ld KiB peak (client and server in one process)\n",
           lg_rss_kib("/proc/self/status", "VmRSS:"), lg_rss_kib("/proc/self/status", "VmHWM:"));
    event_base_loopexit(base, NULL);
    pthread_join(th, NULL);
    ew__gateway_free(gw);
    ew_config_unref(cfg);
    event_base_free(base);
    free(c1);
    free(c16);
    return 0;
}
