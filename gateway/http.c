/* The HTTP server: listeners, the connection limit, drain, request ids and
 * the Date header. Connections themselves are in http_conn.c. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"
#include "core/log.h"
#include "gateway/http_priv.h"

/* After an accept error (out of descriptors, say) accepting pauses this long
 * instead of spinning on a listener that stays readable. */
#define ACCEPT_PAUSE_MS 100

uint64_t ew__http_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void ew__http_format_addr(const struct sockaddr *sa, char *out, size_t size)
{
    char host[INET6_ADDRSTRLEN] = "?";
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *s = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &s->sin_addr, host, sizeof host);
        snprintf(out, size, "%s:%u", host, (unsigned)ntohs(s->sin_port));
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &s->sin6_addr, host, sizeof host);
        snprintf(out, size, "[%s]:%u", host, (unsigned)ntohs(s->sin6_port));
    } else {
        snprintf(out, size, "unknown");
    }
}

/* splitmix64's finalizer: a bijection, so distinct counters give distinct ids. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

void ew__http_server_next_id(ew__http_server *srv, char *out)
{
    uint64_t v = mix64(srv->id_seed + ++srv->id_counter);
    static const char hex[] = "0123456789abcdef";
    memcpy(out, "req_", 4);
    for (int i = 0; i < 16; i++)
        out[4 + i] = hex[(v >> (60 - 4 * i)) & 15];
    out[20] = '\0';
}

ew_buf *ew__http_server_scratch(ew__http_server *srv)
{
    ew_buf_reset(&srv->scratch);
    return &srv->scratch;
}

const char *ew__http_server_date(ew__http_server *srv)
{
    struct timeval tv;
    event_base_gettimeofday_cached(srv->base, &tv);
    if (tv.tv_sec != srv->date_sec) {
        struct tm tm;
        time_t t = tv.tv_sec;
        gmtime_r(&t, &tm);
        strftime(srv->date, sizeof srv->date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        srv->date_sec = tv.tv_sec;
    }
    return srv->date;
}

static void set_accepting(ew__http_server *srv, bool on)
{
    if (srv->accepting == on) return;
    srv->accepting = on;
    for (int i = 0; i < srv->n_listeners; i++) {
        if (on)
            evconnlistener_enable(srv->listeners[i]);
        else
            evconnlistener_disable(srv->listeners[i]);
    }
}

/* Accepting pauses at max_connections (new clients wait in the kernel's
 * backlog), while draining, and briefly after an accept error. */
static void update_accepting(ew__http_server *srv)
{
    bool paused = evtimer_pending(srv->resume_timer, NULL);
    set_accepting(srv, !srv->draining && !paused && srv->n_open < srv->limits.max_connections);
}

static void on_resume(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    update_accepting(arg);
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
                      int socklen, void *arg)
{
    ew__http_server *srv = arg;
    if (srv->draining || srv->n_open >= srv->limits.max_connections) {
        /* Accepted in the same batch as the one that reached the limit. */
        evutil_closesocket(fd);
        update_accepting(srv);
        return;
    }
    ew_tls_server *tls = NULL;
    for (int i = 0; i < srv->n_listeners; i++)
        if (srv->listeners[i] == l) tls = srv->tls[i];
    ew__http_conn *c = ew__http_conn_new(srv, fd, sa, socklen, tls);
    if (!c) {
        ew__warn(NULL, "out of memory accepting a connection");
        evutil_closesocket(fd);
        return;
    }
    srv->n_open++;
    srv->n_total++;
    update_accepting(srv);
}

static void on_accept_error(struct evconnlistener *l, void *arg)
{
    ew__http_server *srv = arg;
    (void)l;
    int e = EVUTIL_SOCKET_ERROR();
    ew__warn(NULL, "accept failed: %s; pausing %d ms", evutil_socket_error_to_string(e),
             ACCEPT_PAUSE_MS);
    struct timeval tv = {0, ACCEPT_PAUSE_MS * 1000};
    evtimer_add(srv->resume_timer, &tv);
    set_accepting(srv, false);
}

void ew__http_server_on_close(ew__http_server *srv)
{
    srv->n_open--;
    update_accepting(srv);
}

void ew__http_server_on_free(ew__http_server *srv)
{
    srv->n_total--;
    if (srv->draining && srv->n_total == 0 && srv->drained) {
        /* Report from the loop, not from inside a connection's callback. */
        struct timeval now = {0, 0};
        evtimer_add(srv->drain_timer, &now);
    }
}

static void on_drain_timer(evutil_socket_t fd, short what, void *arg)
{
    ew__http_server *srv = arg;
    (void)fd;
    (void)what;
    if (srv->n_total > 0) {
        ew__warn(NULL, "drain deadline passed with %d connection(s) left; closing them",
                 srv->n_total);
        ew__http_conn *c = srv->conns;
        while (c) {
            ew__http_conn *next = c->next;
            ew__http_conn_kill(c);
            c = next;
        }
    }
    ew__http_drained_fn done = srv->drained;
    srv->drained = NULL;
    if (done) done(srv->drained_arg);
}

int ew__http_server_new(const ew__http_server_opts *opts, ew__http_server **out)
{
    *out = NULL;
    ew__http_server *srv = calloc(1, sizeof *srv);
    if (!srv) return EW_ERR_NOMEM;
    srv->base = opts->base;
    srv->limits = opts->limits;
    srv->handler = opts->handler;
    srv->on_finish = opts->on_finish;
    srv->user = opts->user;
    srv->accepting = true;
    ew_buf_init(&srv->scratch, EW__HTTP_SCRATCH_MAX);
    srv->resume_timer = evtimer_new(srv->base, on_resume, srv);
    srv->drain_timer = evtimer_new(srv->base, on_drain_timer, srv);
    if (!srv->resume_timer || !srv->drain_timer) {
        ew__http_server_free(srv);
        return EW_ERR_NOMEM;
    }
    /* Ids only need to be unique and unguessable enough not to collide
     * across restarts; fall back to time and pid without entropy. */
    if (getrandom(&srv->id_seed, sizeof srv->id_seed, GRND_NONBLOCK) != sizeof srv->id_seed)
        srv->id_seed = mix64(ew__http_now_ns() ^ ((uint64_t)getpid() << 32));
    *out = srv;
    return EW_OK;
}

void ew__http_server_free(ew__http_server *srv)
{
    if (!srv) return;
    while (srv->conns)
        ew__http_conn_free(srv->conns);
    for (int i = 0; i < srv->n_listeners; i++)
        evconnlistener_free(srv->listeners[i]);
    if (srv->resume_timer) event_free(srv->resume_timer);
    if (srv->drain_timer) event_free(srv->drain_timer);
    ew_buf_cleanup(&srv->scratch);
    free(srv);
}

int ew__http_server_listen(ew__http_server *srv, const char *host, int port, ew_error *err)
{
    return ew__http_server_listen_tls(srv, host, port, NULL, err);
}

int ew__http_server_listen_tls(ew__http_server *srv, const char *host, int port, ew_tls_server *tls,
                               ew_error *err)
{
    if (srv->n_listeners == EW__HTTP_MAX_LISTENERS)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "at most %d listeners", EW__HTTP_MAX_LISTENERS);
    if (port < 0 || port > 65535)
        return ew__error_set(err, EW_ERR_INVALID, "invalid port %d", port);
    char portstr[8];
    snprintf(portstr, sizeof portstr, "%d", port);
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int gai = getaddrinfo(host, portstr, &hints, &ai);
    if (gai)
        return ew__error_set(err, EW_ERR_INVALID, "cannot resolve listen address '%s': %s", host,
                             gai_strerror(gai));
    unsigned flags = LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC | LEV_OPT_REUSEABLE;
    if (!srv->accepting) flags |= LEV_OPT_DISABLED;
    struct evconnlistener *l = evconnlistener_new_bind(srv->base, on_accept, srv, flags, 1024,
                                                       ai->ai_addr, (int)ai->ai_addrlen);
    int e = errno;
    freeaddrinfo(ai);
    if (!l)
        return ew__error_set(err, EW_ERR_IO, "cannot listen on %s:%d: %s", host, port, strerror(e));
    evconnlistener_set_error_cb(l, on_accept_error);
    srv->tls[srv->n_listeners] = tls;
    srv->listeners[srv->n_listeners++] = l;
    return EW_OK;
}

int ew__http_server_n_listeners(const ew__http_server *srv)
{
    return srv->n_listeners;
}

int ew__http_server_address(const ew__http_server *srv, int i, char *out, size_t size)
{
    if (i < 0 || i >= srv->n_listeners) return EW_ERR_INVALID;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(evconnlistener_get_fd(srv->listeners[i]), (struct sockaddr *)&ss, &len))
        return EW_ERR_IO;
    ew__http_format_addr((struct sockaddr *)&ss, out, size);
    return EW_OK;
}

void ew__http_server_set_limits(ew__http_server *srv, const ew_limits_cfg *limits)
{
    srv->limits = *limits;
    update_accepting(srv);
}

void ew__http_server_drain(ew__http_server *srv, int deadline_ms, ew__http_drained_fn done,
                           void *arg)
{
    if (srv->draining) return;
    srv->draining = true;
    srv->drained = done;
    srv->drained_arg = arg;
    update_accepting(srv);
    ew__http_conn *c = srv->conns;
    while (c) {
        ew__http_conn *next = c->next;
        ew__http_conn_drain(c);
        c = next;
    }
    struct timeval tv = {0, 0};
    if (srv->n_total > 0) {
        tv.tv_sec = deadline_ms / 1000;
        tv.tv_usec = (deadline_ms % 1000) * 1000;
    }
    evtimer_add(srv->drain_timer, &tv);
}

bool ew__http_server_draining(const ew__http_server *srv)
{
    return srv->draining;
}

void ew__http_server_stats(const ew__http_server *srv, ew__http_stats *out)
{
    out->connections = srv->n_open;
    out->active_requests = srv->n_active;
    out->streams = srv->n_streams;
    out->requests = srv->n_requests;
}
