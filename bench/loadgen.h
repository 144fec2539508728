/* A small load generator for the gateway benches (header-only: each bench
 * is one binary). Keep-alive connections on loopback, one thread, poll():
 *  - open loop (rate > 0): request i is due at start + i/rate and its latency
 *    counts from then, so waiting behind a slow response is measured too
 *    (no coordinated omission);
 *  - closed loop (rate 0): every idle connection sends at once, for the
 *    requests per second at saturation.
 * Responses are framed by Content-Length or chunked coding (streams). */
#ifndef EW_BENCH_LOADGEN_H
#define EW_BENCH_LOADGEN_H

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define LG_MAX_CONN    64
#define LG_MAX_SAMPLES 2000000
#define LG_BUF         (256u << 10)

static inline uint64_t lg_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

typedef struct lg_conn {
    int fd;
    bool busy;
    uint64_t sent_ns;
    char *buf; /* (LG_BUF) */
    size_t len;
} lg_conn;

typedef struct lg_stats {
    double rps;
    double p50_us, p99_us, p999_us, max_us;
    size_t n;      /* responses in the measured window */
    size_t n_all;  /* responses, the warm-up's included (for CPU per request) */
    size_t errors; /* responses with a status other than 200 */
} lg_stats;

static inline int lg_dial(int port)
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

/* The length of the first whole response in buf, or 0 when incomplete. */
static inline size_t lg_response_len(lg_conn *c, bool *ok)
{
    c->buf[c->len] = '\0';
    char *end = strstr(c->buf, "\r\n\r\n");
    if (!end) return 0;
    *ok = !strncmp(c->buf, "HTTP/1.1 200", 12);
    size_t head = (size_t)(end - c->buf) + 4;
    char *te = strstr(c->buf, "Transfer-Encoding: chunked");
    if (te && te < end) {
        /* The last chunk: "0" alone on a line after a chunk's CRLF. */
        char *last = strstr(c->buf + head - 2, "\r\n0\r\n\r\n");
        return last ? (size_t)(last - c->buf) + 7 : 0;
    }
    char *cl = strstr(c->buf, "Content-Length: ");
    size_t body = cl && cl < end ? strtoul(cl + 16, NULL, 10) : 0;
    return c->len >= head + body ? head + body : 0;
}

static inline void lg_send_all(int fd, const char *req, size_t n)
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

static inline int lg_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Reads whatever is ready; records a sample per finished response. */
static inline void lg_drain(lg_conn *c, uint64_t *lat, size_t *n, size_t *all, size_t *errors,
                            bool record)
{
    ssize_t r = recv(c->fd, c->buf + c->len, LG_BUF - 1 - c->len, 0);
    if (r <= 0) {
        fprintf(stderr, "connection closed by the server\n");
        exit(1);
    }
    c->len += (size_t)r;
    size_t total;
    bool ok = false;
    while ((total = lg_response_len(c, &ok)) > 0) {
        if (record && *n < LG_MAX_SAMPLES) lat[(*n)++] = lg_now_ns() - c->sent_ns;
        if (record && !ok) (*errors)++;
        (*all)++;
        memmove(c->buf, c->buf + total, c->len - total);
        c->len -= total;
        c->busy = false;
    }
}

static inline int lg_idle(const lg_conn *cs, int nconn)
{
    for (int i = 0; i < nconn; i++)
        if (!cs[i].busy) return i;
    return -1;
}

/* Runs one case against port: warm-up of 0.3 s, then `seconds` measured. */
static inline lg_stats lg_run(int port, const char *req, double rate, double seconds, int nconn)
{
    static lg_conn cs[LG_MAX_CONN];
    static uint64_t lat[LG_MAX_SAMPLES];
    struct pollfd pfd[LG_MAX_CONN];
    size_t n = 0, all = 0, errors = 0, reqlen = strlen(req);
    if (nconn > LG_MAX_CONN) nconn = LG_MAX_CONN;
    for (int i = 0; i < nconn; i++) {
        if (!cs[i].buf) cs[i].buf = malloc(LG_BUF);
        cs[i].fd = lg_dial(port);
        cs[i].busy = false;
        cs[i].len = 0;
        pfd[i].fd = cs[i].fd;
        pfd[i].events = POLLIN;
    }
    /* ppoll may wake up to the timer slack (50 us by default) after a
     * request is due; that lateness would count in every sample. */
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
    uint64_t t0 = lg_now_ns(), warm = t0 + 300000000ull;
    uint64_t stop = warm + (uint64_t)(seconds * 1e9);
    uint64_t next = t0, gap = rate > 0 ? (uint64_t)(1e9 / rate) : 0;
    for (uint64_t t = t0; t < stop; t = lg_now_ns()) {
        int k;
        while ((rate <= 0 || next <= t) && (k = lg_idle(cs, nconn)) >= 0) {
            cs[k].busy = true;
            cs[k].sent_ns = rate > 0 ? next : lg_now_ns();
            lg_send_all(cs[k].fd, req, reqlen);
            next += gap;
        }
        uint64_t wait = rate > 0 && next > t ? next - t : 1000000;
        if (wait > 1000000) wait = 1000000;
        struct timespec ts = {0, (long)wait};
        if (ppoll(pfd, (nfds_t)nconn, &ts, NULL) <= 0) continue;
        for (int i = 0; i < nconn; i++)
            if (pfd[i].revents & POLLIN)
                lg_drain(&cs[i], lat, &n, &all, &errors, lg_now_ns() >= warm);
    }
    for (int i = 0; i < nconn; i++)
        close(cs[i].fd);
    qsort(lat, n, sizeof lat[0], lg_cmp_u64);
    lg_stats s = {.n = n, .n_all = all, .errors = errors, .rps = (double)n / seconds};
#define LG_PCT(p) (n ? (double)lat[(size_t)((double)(n - 1) * (p))] / 1000.0 : 0.0)
    s.p50_us = LG_PCT(0.5);
    s.p99_us = LG_PCT(0.99);
    s.p999_us = LG_PCT(0.999);
    s.max_us = n ? (double)lat[n - 1] / 1000.0 : 0.0;
#undef LG_PCT
    return s;
}

/* A chat request whose body is body_bytes long (a padded user message). */
static inline char *lg_chat_request(size_t body_bytes, bool stream, const char *model)
{
    char head[256], tail[160];
    snprintf(head, sizeof head,
             "{\"model\":\"%s\",\"messages\":[{\"role\":\"system\",\"content\":\"You are "
             "terse.\"},{\"role\":\"user\",\"content\":\"",
             model);
    snprintf(tail, sizeof tail, "\"}],\"temperature\":0.2,\"max_tokens\":64,\"stream\":%s}",
             stream ? "true,\"stream_options\":{\"include_usage\":true}" : "false");
    size_t fixed = strlen(head) + strlen(tail);
    size_t pad = body_bytes > fixed ? body_bytes - fixed : 0;
    size_t blen = fixed + pad;
    char *req = malloc(blen + 256);
    int o = snprintf(req, 256,
                     "POST /v1/chat/completions HTTP/1.1\r\nHost: b\r\nContent-Type: "
                     "application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     blen, head);
    for (size_t i = 0; i < pad; i++)
        req[o++] = "lorem ipsum dolor sit amet "[i % 27];
    memcpy(req + o, tail, strlen(tail) + 1);
    return req;
}

/* CPU time (user + system) a process has used, in microseconds. */
static inline double lg_cpu_us(int pid)
{
    char path[64], line[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(line, 1, sizeof line - 1, f);
    fclose(f);
    line[n] = '\0';
    const char *p = strrchr(line, ')');
    unsigned long long ut = 0, st = 0;
    /* after ") ": state, then fields 4..13, then utime (14) and stime (15) */
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
        return -1;
    return (double)(ut + st) * 1e6 / (double)sysconf(_SC_CLK_TCK);
}

static inline long lg_rss_kib(const char *status_path, const char *field)
{
    FILE *f = fopen(status_path, "r");
    char line[256];
    long v = -1;
    size_t fl = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, fl)) v = strtol(line + fl, NULL, 10);
    if (f) fclose(f);
    return v;
}

#endif
