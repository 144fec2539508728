/* bench_remote: the cloud client's overhead with many concurrent streams on
 * one event loop, against a loopback upstream (a small libevent SSE server in
 * a child process, so the client's CPU and memory are measured alone).
 *
 * Each round starts N streamed chat completions at once and runs the loop
 * until all end. "paced" rounds keep N streams open together (the upstream
 * sends a chunk every few ms); "burst" rounds send everything at once and
 * measure throughput. CPU is the client process's user+system time, so
 * cpu/chunk is what parsing, SSE, JSON and delivery cost per chunk. RSS after
 * each round shows whether memory stays flat.
 *
 * Usage: bench_remote [streams=1000] [chunks=20] [interval_ms=10] [rounds=4]
 */
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <malloc.h>
#include <math.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "remote/remote.h"

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* ---- the upstream (child process) ------------------------------------------------------ */

typedef struct upconn {
    struct bufferevent *bev;
    struct event *timer;
    int sent;
    int chunks;
    int interval_ms;
} upconn;

static const char chunk_json[] =
    "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,"
    "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token \"},"
    "\"finish_reason\":null}]}\n\n";
static const char tail_json[] =
    "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,"
    "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
    "data: {\"id\":\"chatcmpl-bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,"
    "\"completion_tokens\":20,\"total_tokens\":25}}\n\ndata: [DONE]\n\n";

static void put_chunk(struct evbuffer *out, const char *s, size_t n)
{
    evbuffer_add_printf(out, "%zx\r\n", n);
    evbuffer_add(out, s, n);
    evbuffer_add(out, "\r\n", 2);
}

static void up_send(evutil_socket_t fd, short kind, void *arg);

static void up_step(upconn *u)
{
    struct evbuffer *out = bufferevent_get_output(u->bev);
    do {
        if (u->sent < u->chunks) {
            put_chunk(out, chunk_json, sizeof chunk_json - 1);
            u->sent++;
        } else {
            put_chunk(out, tail_json, sizeof tail_json - 1);
            evbuffer_add(out, "0\r\n\r\n", 5);
            u->sent = -1;
            return;
        }
    } while (u->interval_ms == 0);
    struct timeval tv = {0, u->interval_ms * 1000};
    evtimer_add(u->timer, &tv);
}

static void up_send(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    up_step(arg);
}

static void up_free(upconn *u)
{
    event_free(u->timer);
    bufferevent_free(u->bev);
    free(u);
}

/* Reads one request (head + Content-Length body), then streams the answer. */
static void up_read(struct bufferevent *bev, void *arg)
{
    upconn *u = arg;
    struct evbuffer *in = bufferevent_get_input(bev);
    struct evbuffer_ptr end = evbuffer_search(in, "\r\n\r\n", 4, NULL);
    if (end.pos < 0 || u->sent >= 0) return;
    size_t head = (size_t)end.pos + 4;
    char h[8192];
    size_t hn = head < sizeof h - 1 ? head : sizeof h - 1;
    evbuffer_copyout(in, h, hn);
    h[hn] = '\0';
    const char *cl = strcasestr(h, "content-length:");
    size_t body = cl ? strtoul(cl + 15, NULL, 10) : 0;
    if (evbuffer_get_length(in) < head + body) return;
    evbuffer_drain(in, head + body);
    static const char hdr[] = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n";
    bufferevent_write(bev, hdr, sizeof hdr - 1);
    u->sent = 0;
    up_step(u);
}

static void up_event(struct bufferevent *bev, short what, void *arg)
{
    (void)bev;
    if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) up_free(arg);
}

typedef struct upserver {
    struct event_base *base;
    int chunks, interval_ms;
} upserver;

static void up_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa, int len,
                      void *arg)
{
    (void)l;
    (void)sa;
    (void)len;
    upserver *s = arg;
    upconn *u = calloc(1, sizeof *u);
    u->bev = bufferevent_socket_new(s->base, fd, BEV_OPT_CLOSE_ON_FREE);
    u->timer = evtimer_new(s->base, up_send, u);
    u->chunks = s->chunks;
    u->interval_ms = s->interval_ms;
    u->sent = -1;
    bufferevent_setcb(u->bev, up_read, NULL, up_event, u);
    bufferevent_enable(u->bev, EV_READ | EV_WRITE);
}

/* Forks the upstream; returns its pid and writes its port. */
static pid_t upstream_fork(int chunks, int interval_ms, int *port)
{
    int p[2];
    if (pipe(p)) return -1;
    pid_t pid = fork();
    if (pid != 0) {
        close(p[1]);
        if (read(p[0], port, sizeof *port) != sizeof *port) pid = -1;
        close(p[0]);
        return pid;
    }
    close(p[0]);
    upserver s = {event_base_new(), chunks, interval_ms};
    struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    struct evconnlistener *l =
        evconnlistener_new_bind(s.base, up_accept, &s, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE,
                                4096, (struct sockaddr *)&sin, sizeof sin);
    if (!l) _exit(1);
    struct sockaddr_in bound;
    socklen_t bl = sizeof bound;
    getsockname(evconnlistener_get_fd(l), (struct sockaddr *)&bound, &bl);
    int port_out = ntohs(bound.sin_port);
    if (write(p[1], &port_out, sizeof port_out) != sizeof port_out) _exit(1);
    close(p[1]);
    event_base_dispatch(s.base);
    _exit(0);
}

/* ---- the client ------------------------------------------------------------------------- */

typedef struct stream {
    uint64_t t0, t_first;
    int deltas;
    bool ok, done;
} stream;

typedef struct round_state {
    int finished;
    uint64_t chunks;
} round_state;

static round_state rs;

static void b_start(void *u, const ew__remote_start_info *i)
{
    (void)i;
    stream *s = u;
    s->t_first = now_us();
}

static void b_delta(void *u, const ew__openai_delta *d)
{
    (void)d;
    ((stream *)u)->deltas++;
    rs.chunks++;
}

static void b_done(void *u, const ew__remote_result *r)
{
    (void)r;
    stream *s = u;
    s->ok = s->done = true;
    rs.finished++;
}

static void b_error(void *u, const ew__remote_failure *f)
{
    stream *s = u;
    s->done = true;
    rs.finished++;
    static int shown;
    if (shown++ < 3) fprintf(stderr, "stream failed: %s\n", f->message);
}

static double rss_mb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
        fclose(f);
    }
    return (double)rss * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* Bytes malloc has handed out and not got back: flat across rounds means
 * nothing accumulates (RSS also counts pages malloc keeps for reuse). */
static double heap_mb(void)
{
    return (double)mallinfo2().uordblks / (1024.0 * 1024.0);
}

static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void tick(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    (void)arg;
}

/* One round of n streams at once; prints one table row. */
static void run_round(const char *mode, int round, struct event_base *base, ew__remote *r, int n,
                      int chunks)
{
    ew_message msg = {.role = EW_ROLE_USER, .content = "Tell me a story.", .content_len = 16};
    ew_request req = {.model = "bench",
                      .is_chat = true,
                      .messages = &msg,
                      .n_messages = 1,
                      .stream = true,
                      .max_tokens = -1,
                      .temperature = NAN,
                      .top_p = NAN};
    ew__remote_call_opts opts = {.req = &req};
    ew__remote_callbacks cb = {b_start, b_delta, b_done, b_error};
    stream *s = calloc((size_t)n, sizeof *s);
    memset(&rs, 0, sizeof rs);
    double c0 = cpu_ms();
    uint64_t t0 = now_us();
    for (int i = 0; i < n; i++) {
        s[i].t0 = now_us();
        ew_error err;
        if (ew__remote_start(r, &opts, &cb, &s[i], NULL, &err)) {
            fprintf(stderr, "start: %s\n", err.message);
            s[i].done = true;
            rs.finished++;
        }
    }
    struct event *t = event_new(base, -1, EV_PERSIST, tick, NULL);
    struct timeval tv = {0, 50000};
    event_add(t, &tv);
    while (rs.finished < n && now_us() - t0 < 120000000u)
        event_base_loop(base, EVLOOP_ONCE);
    event_free(t);
    double wall = (now_us() - t0) / 1e3, cpu = cpu_ms() - c0;
    uint64_t *ttfd = calloc((size_t)n, sizeof *ttfd);
    int ok = 0, m = 0;
    for (int i = 0; i < n; i++) {
        ok += s[i].ok && s[i].deltas == chunks + 1;
        if (s[i].t_first) ttfd[m++] = s[i].t_first - s[i].t0;
    }
    qsort(ttfd, (size_t)m, sizeof *ttfd, cmp_u64);
    double p50 = m ? ttfd[m / 2] / 1e3 : 0, p99 = m ? ttfd[(m * 99) / 100] / 1e3 : 0;
    printf("%-6s %5d %7d %6d %9.0f %8.0f %13.1f %12.2f %11.1f %11.1f %7.1f %7.2f\n", mode, round, n,
           ok, wall, cpu, cpu * 1e3 / n, rs.chunks ? cpu * 1e3 / (double)rs.chunks : 0, p50, p99,
           rss_mb(), heap_mb());
    free(ttfd);
    free(s);
}

static int arg(int argc, char **argv, int i, int def)
{
    return argc > i ? (int)strtol(argv[i], NULL, 10) : def;
}

int main(int argc, char **argv)
{
    int n = arg(argc, argv, 1, 1000), chunks = arg(argc, argv, 2, 20);
    int interval = arg(argc, argv, 3, 10), rounds = arg(argc, argv, 4, 4);
    signal(SIGPIPE, SIG_IGN);
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    printf("bench_remote: %d concurrent streamed completions of %d chunks on one event loop;\n"
           "upstream: libevent SSE server on loopback in a child process (HTTP/1.1).\n"
           "paced: a chunk every %d ms per stream (all streams open together); burst: no delay.\n"
           "cpu = client process user+sys; ttfd = start to first delta; heap = malloc'd bytes\n"
           "live after the round (RSS also holds pages malloc keeps for reuse).\n\n",
           n, chunks, interval);
    printf("%-6s %5s %7s %6s %9s %8s %13s %12s %11s %11s %7s %7s\n", "mode", "round", "streams",
           "ok", "wall_ms", "cpu_ms", "cpu_us/stream", "cpu_us/chunk", "ttfd_p50_ms", "ttfd_p99_ms",
           "rss_mb", "heap_mb");
    const int intervals[2] = {interval, 0};
    const char *modes[2] = {"paced", "burst"};
    for (int k = 0; k < 2; k++) {
        int port = 0;
        pid_t up = upstream_fork(chunks, intervals[k], &port);
        if (up <= 0) {
            fprintf(stderr, "cannot start the upstream\n");
            return 1;
        }
        char url[64];
        snprintf(url, sizeof url, "http://127.0.0.1:%d/v1", port);
        ew_backend_cfg b = {.name = "loopback",
                            .base_url = url,
                            .proxy = "",
                            .weight = 1,
                            .first_byte_timeout_ms = 30000,
                            .idle_timeout_ms = 30000,
                            .total_timeout_ms = 120000};
        struct event_base *base = event_base_new();
        ew__remote_opts o = {.base = base,
                             .backends = &b,
                             .n_backends = 1,
                             .max_idle_connections = n + 64,
                             .breaker = {.failure_threshold = 1 << 20}};
        ew__remote *r = NULL;
        ew_error err;
        if (ew__remote_new(&o, &r, &err)) {
            fprintf(stderr, "client: %s\n", err.message);
            return 1;
        }
        for (int i = 1; i <= rounds; i++)
            run_round(modes[k], i, base, r, n, chunks);
        ew__remote_stats st;
        ew__remote_stats_get(r, &st);
        printf("%-6s connections opened over %d rounds: %llu (reuse after round 1)\n", modes[k],
               rounds, (unsigned long long)st.connections);
        ew__remote_free(r);
        event_base_free(base);
        kill(up, SIGTERM);
        waitpid(up, NULL, 0);
    }
    return 0;
}
