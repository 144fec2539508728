/* bench_gateway: what the gateway adds to a request on the remote route.
 *
 * The upstream is a canned OpenAI server in this process (edgeway's own HTTP
 * layer answering a fixed completion, whole or as a stream). The gateway is
 * a real `edgeway serve` process with that upstream as its only backend and
 * `default: remote`, so each request through it is authenticated, parsed,
 * PII-scanned, decided, forwarded by the cloud client, and its answer parsed
 * and re-emitted. The same open-loop client sends the same requests, in the
 * same run, to the upstream directly and through the gateway: the added
 * latency is the difference of the two distributions (p50 and p99). Then a
 * closed loop through the gateway finds requests/s at saturation, and the
 * gateway process's RSS is read from /proc.
 *
 * The reference is nginx as a plain reverse proxy (Debian's nginx-light, one
 * process, keep-alive to the same upstream, no buffering): it parses HTTP
 * and relays bytes, nothing more, so what it adds is about the least any
 * gateway in the path can add on this machine (two more loopback hops and
 * an HTTP parse each way). It runs in the same rounds as the gateway, and
 * the table gives edgeway's added latency over nginx's as a ratio. Without
 * nginx (or with --nginx none) those columns are left out.
 *
 * usage: bench_gateway [--bin PATH/edgeway] [--rounds N] [--nginx PATH|none]
 *                      [--busy-poll US] [--no-saturation] [rate] [seconds] [case]
 *        (defaults: the edgeway beside this binary, 3 rounds, /usr/sbin/nginx
 *        when it exists, 5000 req/s,
 *        3 s; case is a substring of the case names, e.g. "16 KiB")
 *        --busy-poll sets the gateway's server.busy_poll_us (left to its
 *        default otherwise); --no-saturation skips the closed loop.
 * Each case runs N rounds, direct and through the gateway in turn, and each
 * column is the median over the rounds (the added latency: the median of
 * the per-round differences), so a burst of load from elsewhere moves one
 * round, not the result. Everything shares the machine: note its load.
 */
#include <arpa/inet.h>
#include <event2/event.h>
#include <event2/thread.h>
#include <fcntl.h>
#include <libgen.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/loadgen.h"
#include "gateway/http.h"

#define NCONN 32

/* ---- the canned upstream --------------------------------------------------------- */

static const char whole[] =
    "{\"id\":\"chatcmpl-canned\",\"object\":\"chat.completion\",\"created\":1700000000,"
    "\"model\":\"canned\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
    "\"content\":\"The quick brown fox jumps over the lazy dog.\"},\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":10,\"total_tokens\":22}}";

static const char *const stream_events[] = {
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
    "\"canned\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
    "\"finish_reason\":null}]}\n\n",
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
    "\"canned\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The quick brown fox \"},"
    "\"finish_reason\":null}]}\n\n",
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
    "\"canned\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"jumps over the lazy dog.\"},"
    "\"finish_reason\":null}]}\n\n",
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
    "\"canned\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
    "\"canned\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":10,"
    "\"total_tokens\":22}}\n\n",
    "data: [DONE]\n\n",
};

static void canned(void *user, ew__http_req *r)
{
    (void)user;
    bool stream = r->body && strstr(r->body, "\"stream\":true");
    if (!stream) {
        ew__http_respond(r, 200, "application/json", whole, sizeof whole - 1);
        return;
    }
    if (ew__http_stream_begin(r, 200, "text/event-stream")) {
        ew__http_respond(r, 503, NULL, NULL, 0);
        return;
    }
    for (size_t i = 0; i < sizeof stream_events / sizeof stream_events[0]; i++)
        ew__http_stream_write(r, stream_events[i], strlen(stream_events[i]));
    ew__http_stream_end(r);
}

static void *loop_main(void *arg)
{
    event_base_dispatch(arg);
    return NULL;
}

/* ---- the gateway process --------------------------------------------------------- */

typedef struct gateway_proc {
    pid_t pid;
    int port;
    char status[64]; /* /proc/PID/status */
} gateway_proc;

/* server.busy_poll_us for the gateway's config; -1 = its default. */
static int busy_poll = -1;

static int spawn_gateway(const char *bin, int up_port, gateway_proc *g)
{
    char dir[] = "/tmp/ew_bench_gw_XXXXXX", path[128];
    if (!mkdtemp(dir)) return -1;
    snprintf(path, sizeof path, "%s/edgeway.yaml", dir);
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "version: 1\n"
               "server:\n"
               "  listen: [127.0.0.1:0]\n"
               "  limits: {max_connections: 4096, max_concurrent_streams: 4096}\n");
    if (busy_poll >= 0) fprintf(f, "  busy_poll_us: %d\n", busy_poll);
    fprintf(f,
            "log: {level: info, access_log: false}\n"
            "auth: {allow_anonymous_loopback: true}\n"
            "backends:\n"
            "  - {name: up, base_url: 'http://127.0.0.1:%d/v1', max_retries: 0}\n"
            "routing: {default: remote}\n",
            up_port);
    fclose(f);
    int fds[2];
    if (pipe(fds)) return -1;
    g->pid = fork();
    if (g->pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        execl(bin, bin, "serve", "-c", path, "--listen", "127.0.0.1:0", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char buf[8192];
    size_t len = 0;
    g->port = 0;
    while (len < sizeof buf - 1 && !g->port) {
        ssize_t n = read(fds[0], buf + len, sizeof buf - 1 - len);
        if (n <= 0) break;
        len += (size_t)n;
        buf[len] = '\0';
        const char *m = strstr(buf, "listening on 127.0.0.1:");
        if (m) g->port = atoi(m + 23);
    }
    /* The gateway keeps logging warnings to this pipe: drain it in the background. */
    if (fork() == 0) {
        while (read(fds[0], buf, sizeof buf) > 0) {
        }
        _exit(0);
    }
    close(fds[0]);
    snprintf(g->status, sizeof g->status, "/proc/%d/status", (int)g->pid);
    return g->port ? 0 : -1;
}

/* ---- the reference proxy ------------------------------------------------------------- */

static int port_open(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sin = {.sin_family = AF_INET,
                              .sin_port = htons((uint16_t)port),
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int ok = fd >= 0 && connect(fd, (struct sockaddr *)&sin, sizeof sin) == 0;
    if (fd >= 0) close(fd);
    return ok;
}

/* A free port for nginx, which cannot report the one it got for port 0. */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sin;
    int port = 0;
    if (fd >= 0 && !bind(fd, (struct sockaddr *)&sin, sizeof sin) &&
        !getsockname(fd, (struct sockaddr *)&sin, &len))
        port = ntohs(sin.sin_port);
    if (fd >= 0) close(fd);
    return port;
}

/* nginx in the foreground, one process, proxying everything to the upstream
 * over keep-alive connections without buffering (so stream events pass at
 * once) and with keep-alive limits the runs never reach. */
static int spawn_nginx(const char *nginx, int up_port, gateway_proc *g)
{
    char dir[] = "/tmp/ew_bench_nginx_XXXXXX", conf[128], elog[128];
    if (!mkdtemp(dir)) return -1;
    snprintf(conf, sizeof conf, "%s/nginx.conf", dir);
    snprintf(elog, sizeof elog, "%s/error.log", dir);
    g->port = free_port();
    FILE *f = fopen(conf, "w");
    if (!f || !g->port) return -1;
    fprintf(f,
            "daemon off; master_process off; worker_processes 1;\n"
            "pid %s/nginx.pid; error_log %s;\n"
            "events { worker_connections 4096; }\n"
            "http { access_log off; client_body_temp_path %s; proxy_temp_path %s;\n"
            "  fastcgi_temp_path %s; uwsgi_temp_path %s; scgi_temp_path %s;\n"
            "  keepalive_requests 100000000; client_body_buffer_size 64k;\n"
            "  upstream up { server 127.0.0.1:%d; keepalive 64; keepalive_requests 100000000; }\n"
            "  server { listen 127.0.0.1:%d;\n"
            "    location / { proxy_pass http://up; proxy_http_version 1.1;\n"
            "      proxy_set_header Connection \"\"; proxy_buffering off; } } }\n",
            dir, elog, dir, dir, dir, dir, dir, up_port, g->port);
    fclose(f);
    g->pid = fork();
    if (g->pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        execl(nginx, nginx, "-p", dir, "-e", elog, "-c", conf, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 250 && !port_open(g->port); i++)
        usleep(20000);
    snprintf(g->status, sizeof g->status, "/proc/%d/status", (int)g->pid);
    return port_open(g->port) ? 0 : -1;
}

/* ---- the run -------------------------------------------------------------------------- */

static const char *only;

static int gw_pid, nginx_pid, nginx_port;

static void header(void)
{
    printf("%-16s %8s %8s %8s | %8s %8s %8s | %9s %9s | %8s", "case", "direct", "", "", "gateway",
           "", "", "added", "added", "gateway");
    if (nginx_port) printf(" | %9s %9s %8s | %8s", "nginx", "nginx", "nginx", "edgeway/");
    printf("\n%-16s %8s %8s %8s | %8s %8s %8s | %9s %9s | %8s", "", "req/s", "p50 us", "p99 us",
           "req/s", "p50 us", "p99 us", "p50 us", "p99 us", "CPU us");
    if (nginx_port) printf(" | %9s %9s %8s | %8s", "added p50", "added p99", "CPU us", "nginx p50");
    printf("\n");
}

static int rounds = 3;

#define MAX_ROUNDS 15

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

enum { D_RPS, D_P50, D_P99, G_RPS, G_P50, G_P99, A_P50, A_P99, G_CPU, N_P50, N_P99, N_CPU, N_COLS };

static void pair(int up, int gw, size_t bytes, bool stream, double rate, double seconds)
{
    char name[64];
    snprintf(name, sizeof name, "%s %zu KiB", stream ? "stream" : "whole", bytes >> 10);
    if (only && !strstr(name, only)) return;
    char *req = lg_chat_request(bytes, stream, "auto");
    double col[N_COLS][MAX_ROUNDS];
    bool errors = false;
    for (int r = 0; r < rounds; r++) {
        lg_stats d = lg_run(up, req, rate, seconds, NCONN);
        double cpu0 = lg_cpu_us(gw_pid);
        lg_stats g = lg_run(gw, req, rate, seconds, NCONN);
        /* The gateway's CPU time over every response of the run, warm-up
         * included (it is in the time too). */
        col[G_CPU][r] = (lg_cpu_us(gw_pid) - cpu0) / (double)(g.n_all ? g.n_all : 1);
        col[D_RPS][r] = d.rps, col[D_P50][r] = d.p50_us, col[D_P99][r] = d.p99_us;
        col[G_RPS][r] = g.rps, col[G_P50][r] = g.p50_us, col[G_P99][r] = g.p99_us;
        col[A_P50][r] = g.p50_us - d.p50_us, col[A_P99][r] = g.p99_us - d.p99_us;
        errors = errors || d.errors || g.errors;
        if (nginx_port) {
            cpu0 = lg_cpu_us(nginx_pid);
            lg_stats n = lg_run(nginx_port, req, rate, seconds, NCONN);
            col[N_CPU][r] = (lg_cpu_us(nginx_pid) - cpu0) / (double)(n.n_all ? n.n_all : 1);
            col[N_P50][r] = n.p50_us - d.p50_us, col[N_P99][r] = n.p99_us - d.p99_us;
            errors = errors || n.errors;
        }
    }
    double m[N_COLS];
    for (int c = 0; c < N_COLS; c++)
        m[c] = median(col[c], rounds);
    printf("%-16s %8.0f %8.1f %8.1f | %8.0f %8.1f %8.1f | %9.1f %9.1f | %8.1f", name, m[D_RPS],
           m[D_P50], m[D_P99], m[G_RPS], m[G_P50], m[G_P99], m[A_P50], m[A_P99], m[G_CPU]);
    if (nginx_port)
        printf(" | %9.1f %9.1f %8.1f | %8.2f", m[N_P50], m[N_P99], m[N_CPU],
               m[N_P50] > 0 ? m[A_P50] / m[N_P50] : 0.0);
    printf("%s\n", errors ? "  (errors!)" : "");
    free(req);
}

static void saturate(int port, size_t bytes, bool stream, double seconds, const char *who)
{
    char name[64];
    snprintf(name, sizeof name, "%s %zu KiB", stream ? "stream" : "whole", bytes >> 10);
    if (only && !strstr(name, only)) return;
    char *req = lg_chat_request(bytes, stream, "auto");
    lg_stats s = lg_run(port, req, 0, seconds, NCONN);
    printf("%-16s %-8s %9.0f req/s  p50 %8.1f us  p99 %8.1f us%s\n", name, who, s.rps, s.p50_us,
           s.p99_us, s.errors ? "  (errors!)" : "");
    free(req);
}

static void loadavg(void)
{
    FILE *f = fopen("/proc/loadavg", "r");
    char l[128] = "?";
    if (f && fgets(l, sizeof l, f)) l[strcspn(l, "\n")] = '\0';
    if (f) fclose(f);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    printf("machine: %ld cores, load average %s\n", cores, l);
}

int main(int argc, char **argv)
{
    char bin[1024];
    snprintf(bin, sizeof bin, "%s/edgeway", dirname(strdup(argv[0])));
    const char *nginx = "/usr/sbin/nginx";
    bool saturation = true;
    int a = 1;
    while (argc > a && argv[a][0] == '-' && argv[a][1] == '-') {
        if (!strcmp(argv[a], "--no-saturation")) {
            saturation = false;
            a++;
            continue;
        }
        if (argc == a + 1) {
            fprintf(stderr, "%s needs a value\n", argv[a]);
            return 2;
        }
        if (!strcmp(argv[a], "--bin")) {
            snprintf(bin, sizeof bin, "%s", argv[a + 1]);
        } else if (!strcmp(argv[a], "--busy-poll")) {
            busy_poll = (int)strtol(argv[a + 1], NULL, 10);
        } else if (!strcmp(argv[a], "--nginx")) {
            nginx = argv[a + 1];
        } else if (!strcmp(argv[a], "--rounds")) {
            rounds = (int)strtol(argv[a + 1], NULL, 10);
            if (rounds < 1 || rounds > MAX_ROUNDS) rounds = 3;
        } else {
            fprintf(stderr, "unknown option %s\n", argv[a]);
            return 2;
        }
        a += 2;
    }
    double rate = argc > a ? strtod(argv[a], NULL) : 5000;
    double seconds = argc > a + 1 ? strtod(argv[a + 1], NULL) : 3;
    only = argc > a + 2 ? argv[a + 2] : NULL;
    signal(SIGPIPE, SIG_IGN);

    evthread_use_pthreads();
    struct event_base *base = event_base_new();
    ew_limits_cfg lim = {4096, 4 << 20, 16384, 30000, 30000, 60000, 4096, 1000};
    ew__http_server_opts ho = {base, lim, canned, NULL, NULL};
    ew__http_server *up;
    ew_error err;
    if (ew__http_server_new(&ho, &up) || ew__http_server_listen(up, "127.0.0.1", 0, &err)) {
        fprintf(stderr, "upstream: cannot listen\n");
        return 1;
    }
    char addr[64];
    ew__http_server_address(up, 0, addr, sizeof addr);
    int up_port = atoi(strrchr(addr, ':') + 1);
    pthread_t th;
    pthread_create(&th, NULL, loop_main, base);

    gateway_proc g;
    if (spawn_gateway(bin, up_port, &g)) {
        fprintf(stderr, "cannot start %s serve (build it, or pass --bin)\n", bin);
        return 1;
    }
    gw_pid = (int)g.pid;
    gateway_proc ng = {0};
    if (strcmp(nginx, "none") && access(nginx, X_OK) == 0) {
        if (spawn_nginx(nginx, up_port, &ng) == 0) {
            nginx_pid = (int)ng.pid, nginx_port = ng.port;
        } else {
            fprintf(stderr, "%s did not start: the nginx columns are left out\n", nginx);
            if (ng.pid > 0) kill(ng.pid, SIGTERM);
        }
    }
    loadavg();
    printf("remote route, PII scan and decision included; %d keep-alive connections, "
           "%.0f req/s offered, %g s per run, median of %d rounds\n",
           NCONN, rate, seconds, rounds);
    if (nginx_port) printf("reference: %s as a plain reverse proxy to the same upstream\n", nginx);
    if (busy_poll >= 0) printf("gateway: server.busy_poll_us %d\n", busy_poll);
    header();
    for (int s = 0; s < 2; s++) {
        pair(up_port, g.port, 1024, s, rate, seconds);
        pair(up_port, g.port, 16384, s, rate, seconds);
    }
    long rss_load = lg_rss_kib(g.status, "VmRSS:");
    if (saturation) {
        printf("\nsaturation (closed loop, %d connections):\n", NCONN);
        for (int s = 0; s < 2; s++) {
            saturate(up_port, 1024, s, seconds, "direct");
            saturate(g.port, 1024, s, seconds, "gateway");
            if (nginx_port) saturate(nginx_port, 1024, s, seconds, "nginx");
        }
        saturate(g.port, 16384, false, seconds, "gateway");
    }
    printf("\ngateway RSS: %ld KiB after the paced runs, %ld KiB peak (VmHWM), no model loaded\n",
           rss_load, lg_rss_kib(g.status, "VmHWM:"));
    if (nginx_port) {
        printf("nginx RSS: %ld KiB peak (VmHWM)\n", lg_rss_kib(ng.status, "VmHWM:"));
        kill(ng.pid, SIGTERM);
        waitpid(ng.pid, NULL, 0);
    }
    loadavg();
    kill(g.pid, SIGTERM);
    waitpid(g.pid, NULL, 0);
    event_base_loopexit(base, NULL);
    pthread_join(th, NULL);
    ew__http_server_free(up);
    event_base_free(base);
    return 0;
}
