/* bench_tls_loop: TLS handshake-and-request loop against the real gateway.
 *
 *   bench_tls_loop [N] [--resume] [--mtls] [--max-growth KIB]
 *
 * Starts the gateway on 127.0.0.1 with a TLS listener (certificates from
 * certs/dev-ca.sh; with --mtls a client CA, CRL and a tenant rule), then makes
 * N connections one after another (default 10000): handshake (every second
 * one resumed from a session ticket with --resume), GET /healthz, read the
 * answer, close_notify, close. Prints handshakes per second and the process's
 * RSS after the first 10% and at the end: it must not grow. With
 * --max-growth it exits 1 when the RSS grew by more than KIB (ctest runs a
 * short loop this way: tests/integration/test_tls_loop.sh). Run it in the
 * sanitizer build too, where leaks and errors are reported at exit.
 * Run from the source root (or set EW_SRC). */
#include <event2/event.h>
#include <event2/thread.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gateway/server.h"
#include "policy/config.h"
#include "tests/unit/tls_mclient.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void *loop_main(void *arg)
{
    event_base_loop(arg, EVLOOP_NO_EXIT_ON_EMPTY);
    return NULL;
}

/* A positive count up to 10^7, or -1. */
static long count_arg(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && !*end && v > 0 && v <= 10000000 ? v : -1;
}

int main(int argc, char **argv)
{
    int n = 10000;
    long max_growth = -1; /* KiB; -1 = report only */
    bool resume = false, mtls = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--resume")) {
            resume = true;
        } else if (!strcmp(argv[i], "--mtls")) {
            mtls = true;
        } else if (!strcmp(argv[i], "--max-growth") && i + 1 < argc && count_arg(argv[i + 1]) > 0) {
            max_growth = count_arg(argv[++i]);
        } else if (count_arg(argv[i]) > 0) {
            n = (int)count_arg(argv[i]);
        } else {
            fprintf(stderr, "usage: bench_tls_loop [N] [--resume] [--mtls] [--max-growth KIB]\n");
            return 2;
        }
    }
    char dir[64] = "/tmp/ew_tls_bench_XXXXXX", cmd[512];
    const char *src = getenv("EW_SRC") ? getenv("EW_SRC") : ".";
    if (!mkdtemp(dir)) return 1;
    snprintf(cmd, sizeof cmd, "'%s/certs/dev-ca.sh' test '%s'", src, dir);
    if (system(cmd)) {
        fprintf(stderr, "bench_tls_loop: certs/dev-ca.sh failed (run from the source root)\n");
        return 1;
    }
    char yaml[1024], name[128];
    snprintf(yaml, sizeof yaml,
             "version: 1\n"
             "server:\n"
             "  listen:\n"
             "    - address: 127.0.0.1:0\n"
             "      tls:\n"
             "        cert: server.crt\n"
             "        key: server.key\n%s",
             mtls ? "        client_ca: ca.crt\n"
                    "        client_crl: ca.crl\n"
                    "        client_tenants: [{match: 'cn:alice', tenant: acme}]\n"
                  : "");
    snprintf(name, sizeof name, "%s/edgeway.yaml", dir);
    ew_config *cfg = NULL;
    ew_config_errors errs;
    if (ew_config_load_string(yaml, strlen(yaml), name, &cfg, &errs)) return 1;

    evthread_use_pthreads();
    struct event_base *base = event_base_new();
    ew__gateway *gw = NULL;
    ew__gateway_opts o = {.base = base, .config = cfg};
    ew_error err;
    if (ew__gateway_new(&o, &gw, &err)) {
        fprintf(stderr, "bench_tls_loop: %s\n", err.message);
        return 1;
    }
    char addr[64];
    ew__gateway_address(gw, 0, addr, sizeof addr);
    int port = (int)strtol(strrchr(addr, ':') + 1, NULL, 10);
    pthread_t loop;
    pthread_create(&loop, NULL, loop_main, base);

    char ca[256], crt[256], key[256];
    snprintf(ca, sizeof ca, "%s/ca.crt", dir);
    snprintf(crt, sizeof crt, "%s/alice.crt", dir);
    snprintf(key, sizeof key, "%s/alice.key", dir);
    mclient m;
    if (mclient_init(&m, ca, mtls ? crt : NULL, mtls ? key : NULL)) return 1;
    char body[2048];
    int failed = 0, warm = n / 10 > 0 ? n / 10 : 1;
    long rss_warm = 0;
    double t0 = now_s(), t_warm = t0;
    for (int i = 0; i < n; i++) {
        if (i == warm) {
            rss_warm = rss_kib();
            t_warm = now_s();
        }
        m.resume = resume && i % 2 == 1;
        if (mclient_get(&m, port, "localhost", "/healthz", body, sizeof body) ||
            !strstr(body, "200 OK"))
            failed++;
    }
    double t1 = now_s();
    long rss_end = rss_kib();
    usleep(100 * 1000); /* the loop frees the last connection */
    ew_tls_stats st;
    ew__gateway_tls_stats(gw, 0, &st);

    printf("| connections | mode | failed | handshakes/s | resumed | RSS at %d%% | RSS at end | "
           "growth | open after |\n",
           10);
    printf("|---|---|---|---|---|---|---|---|---|\n");
    printf("| %d | %s%s | %d | %.0f | %llu | %ld KiB | %ld KiB | %+ld KiB | %lld |\n", n,
           resume ? "half resumed" : "full handshakes", mtls ? ", mTLS" : "", failed,
           (n - warm) / (t1 - t_warm), (unsigned long long)st.resumed, rss_warm, rss_end,
           rss_end - rss_warm, (long long)st.open);
    (void)t0;

    mclient_cleanup(&m);
    event_base_loopexit(base, NULL);
    pthread_join(loop, NULL);
    ew__gateway_free(gw);
    ew_config_unref(cfg);
    event_base_free(base);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd)) return 1;
    if (max_growth >= 0 && rss_end - rss_warm > max_growth) {
        fprintf(stderr, "bench_tls_loop: RSS grew by %ld KiB (bound %ld KiB)\n", rss_end - rss_warm,
                max_growth);
        return 1;
    }
    return failed ? 1 : 0;
}
