/* bench_gateway_http: the gateway's own cost per request, before routes
 * exist. The gateway runs in this process on its loop thread (config built
 * by hand); an open-loop client sends at a fixed rate over keep-alive
 * connections and measures each response's round trip.
 *
 *   GET /healthz              HTTP layer only
 *   POST chat, 1 KiB / 16 KiB HTTP + full OpenAI parse + error response
 *
 * Then a closed loop finds requests/s at saturation. Client and server share
 * the machine, so the times include the client's own work: they bound the
 * gateway's cost from above.
 *
 * usage: bench_gateway_http [rate] [seconds] [case]   (defaults 5000, 2, all;
 *        case is a substring of the case names, e.g. "16 KiB")
 */
#include <errno.h>
#include <event2/event.h>
#include <event2/thread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "gateway/server.h"

#define NCONN       16
#define MAX_SAMPLES 2000000

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

typedef struct conn {
    int fd;
    bool busy;
    uint64_t sent_ns;
    char buf[65536];
    size_t len;
} conn;

static int dial(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
        perror("connect");
        exit(1);
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/* True when buf holds one whole response (Content-Length framed); drops it. */
static bool take_response(conn *c)
{
    c->buf[c->len] = '\0';
    char *end = strstr(c->buf, "\r\n\r\n");
    if (!end) return false;
    char *cl = strstr(c->buf, "Content-Length: ");
    size_t body = cl && cl < end ? strtoul(cl + 16, NULL, 10) : 0;
    size_t total = (size_t)(end - c->buf) + 4 + body;
    if (c->len < total) return false;
    memmove(c->buf, c->buf + total, c->len - total);
    c->len -= total;
    return true;
}

static void send_all(int fd, const char *req, size_t n)
{
    while (n) {
        ssize_t w = send(fd, req, n, MSG_NOSIGNAL);
        if (w <= 0) {
            perror("send");
            exit(1);
        }
        req += w;
        n -= (size_t)w;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Reads whatever is ready; records a sample per finished response. */
static void drain_conn(conn *c, uint64_t *lat, size_t *n)
{
    ssize_t r = recv(c->fd, c->buf + c->len, sizeof c->buf - 1 - c->len, 0);
    if (r <= 0) {
        fprintf(stderr, "connection closed by the server\n");
        exit(1);
    }
    c->len += (size_t)r;
    while (take_response(c)) {
        if (*n < MAX_SAMPLES) lat[(*n)++] = now_ns() - c->sent_ns;
        c->busy = false;
    }
}

static int idle_conn(const conn *cs)
{
    for (int i = 0; i < NCONN; i++)
        if (!cs[i].busy) return i;
    return -1;
}

static void send_on(conn *c, const char *req, size_t len, uint64_t due)
{
    c->busy = true;
    c->sent_ns = due;
    send_all(c->fd, req, len);
}

/* rate > 0: open loop, latency counted from when each request was due (so
 * queueing behind a slow response counts). rate 0: closed loop, every idle
 * connection sends at once. */
static const char *only; /* run only cases whose name contains this */

static void run(int port, const char *req, double rate, double seconds, const char *name)
{
    if (only && !strstr(name, only)) return;
    static conn cs[NCONN];
    static uint64_t lat[MAX_SAMPLES];
    struct pollfd pfd[NCONN];
    size_t n = 0, reqlen = strlen(req);
    for (int i = 0; i < NCONN; i++) {
        cs[i].fd = dial(port);
        cs[i].busy = false;
        cs[i].len = 0;
        pfd[i].fd = cs[i].fd;
        pfd[i].events = POLLIN;
    }
    uint64_t t0 = now_ns(), warm = t0 + 300000000ull;
    uint64_t stop = warm + (uint64_t)(seconds * 1e9);
    uint64_t next = t0, gap = rate > 0 ? (uint64_t)(1e9 / rate) : 0;
    for (uint64_t t = t0; t < stop; t = now_ns()) {
        int k;
        if (rate > 0) {
            while (next <= t && (k = idle_conn(cs)) >= 0) {
                send_on(&cs[k], req, reqlen, next);
                next += gap;
            }
        } else {
            while ((k = idle_conn(cs)) >= 0)
                send_on(&cs[k], req, reqlen, now_ns());
        }
        uint64_t wait = rate > 0 && next > t ? next - t : 1000000;
        if (wait > 1000000) wait = 1000000;
        struct timespec ts = {0, (long)wait};
        if (ppoll(pfd, NCONN, &ts, NULL) <= 0) continue;
        for (int i = 0; i < NCONN; i++) {
            if (!(pfd[i].revents & POLLIN)) continue;
            size_t before = n;
            drain_conn(&cs[i], lat, &n);
            if (t < warm) n = before;
        }
    }
    for (int i = 0; i < NCONN; i++)
        close(cs[i].fd);
    qsort(lat, n, sizeof lat[0], cmp_u64);
#define PCT(p) (n ? (double)lat[(size_t)((double)(n - 1) * (p))] / 1000.0 : 0.0)
    printf("%-28s %9.0f %8.1f %8.1f %8.1f %8.1f\n", name, (double)n / seconds, PCT(0.5), PCT(0.99),
           PCT(0.999), n ? (double)lat[n - 1] / 1000.0 : 0.0);
}

static void *loop_main(void *arg)
{
    event_base_dispatch(arg);
    return NULL;
}

static long rss_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t fl = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, fl)) v = strtol(line + fl, NULL, 10);
    if (f) fclose(f);
    return v;
}

static char *chat_request(size_t body_bytes)
{
    /* A user message padded so the body is body_bytes long. */
    const char *head = "{\"model\":\"auto\",\"messages\":[{\"role\":\"system\",\"content\":\"You "
                       "are terse.\"},{\"role\":\"user\",\"content\":\"";
    const char *tail = "\"}],\"temperature\":0.2,\"max_tokens\":64,\"stream\":false}";
    size_t fixed = strlen(head) + strlen(tail);
    size_t pad = body_bytes > fixed ? body_bytes - fixed : 0;
    char *body = malloc(body_bytes + 1);
    size_t o = 0;
    memcpy(body, head, strlen(head));
    o += strlen(head);
    for (size_t i = 0; i < pad; i++)
        body[o++] = "lorem ipsum dolor sit amet "[i % 27];
    memcpy(body + o, tail, strlen(tail));
    o += strlen(tail);
    char *req = malloc(o + 256);
    snprintf(req, o + 256,
             "POST /v1/chat/completions HTTP/1.1\r\nHost: b\r\nContent-Type: "
             "application/json\r\nContent-Length: %zu\r\n\r\n%.*s",
             o, (int)o, body);
    free(body);
    return req;
}

int main(int argc, char **argv)
{
    double rate = argc > 1 ? strtod(argv[1], NULL) : 5000;
    double seconds = argc > 2 ? strtod(argv[2], NULL) : 2;
    only = argc > 3 ? argv[3] : NULL;
    evthread_use_pthreads();
    struct event_base *base = event_base_new();
    static ew_listener_cfg l = {.host = "127.0.0.1", .port = 0};
    static ew_config cfg;
    cfg.refs = 1; /* ours: the gateway's references never free it */
    cfg.server.listeners = &l;
    cfg.server.n_listeners = 1;
    cfg.server.limits = (ew_limits_cfg){1024, 4 << 20, 16384, 30000, 30000, 60000, 256, 1000};
    ew__gateway *gw;
    ew__gateway_opts o = {base, &cfg, NULL, NULL, NULL};
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

    char *c1 = chat_request(1024), *c16 = chat_request(16384);
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
    printf("RSS: %ld KiB now, %ld KiB peak (client and server in one process)\n", rss_kib("VmRSS:"),
           rss_kib("VmHWM:"));
    event_base_loopexit(base, NULL);
    pthread_join(th, NULL);
    ew__gateway_free(gw);
    event_base_free(base);
    free(c1);
    free(c16);
    return 0;
}
