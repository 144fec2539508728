/* A small HTTPS server for the TLS tests and the TLS benchmark: a libevent
 * loop in its own thread, ew_tls_conn on each accepted socket, driven the way
 * the gateway drives it (one event per connection, re-armed for read or
 * write, the handshake deadline from the server).
 *
 * GET answers one line describing the connection:
 *   tenant=T cn=C sni=S resumed=0|1 gen=N version=V cipher=X body=0 sum=0
 * POST reads a Content-Length body and reports its length and byte sum.
 * GET /big?n=N answers N bytes of the pattern (i * 7 + 3) & 0xff.
 * Header-only parsing, good enough for curl; not a general HTTP server. */
#ifndef EW_TESTS_TLS_HARNESS_H
#define EW_TESTS_TLS_HARNESS_H

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <event2/event.h>
#include <event2/event_struct.h>
#include <event2/listener.h>
#include <event2/thread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "edgeway/certs.h"
#include "tests/unit/tls_mclient.h"

#define HARNESS_READ_TIMEOUT_MS 5000

typedef struct harness {
    struct event_base *base;
    struct evconnlistener *lis;
    ew_tls_server *tls;
    int port;
    pthread_t thread;
    pthread_mutex_t lock;
    struct hconn *head;   /* every open connection (loop thread only) */
    char last_error[256]; /* the last failed connection's ew_tls_conn_error */
    int last_status;
    int n_failed;
    _Atomic int conns;
} harness;

typedef struct hconn {
    harness *h;
    struct hconn *prev, *next;
    int fd;
    ew_tls_conn *tls;
    struct event ev;
    char in[16384];
    size_t in_len;
    /* POST body being counted. */
    long long body_left;
    size_t body_len;
    unsigned body_sum;
    char *out;
    size_t out_len, out_off;
} hconn;

static void hconn_free(hconn *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        c->h->head = c->next;
    if (c->next) c->next->prev = c->prev;
    event_del(&c->ev);
    ew_tls_conn_free(c->tls);
    close(c->fd);
    free(c->out);
    atomic_fetch_sub(&c->h->conns, 1);
    free(c);
}

static void hconn_fail(hconn *c, int status, const char *why)
{
    harness *h = c->h;
    pthread_mutex_lock(&h->lock);
    snprintf(h->last_error, sizeof h->last_error, "%s", why);
    h->last_status = status;
    h->n_failed++;
    pthread_mutex_unlock(&h->lock);
    hconn_free(c);
}

static void hconn_step(hconn *c);

static void hconn_on_event(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    hconn *c = arg;
    if (what & EV_TIMEOUT) {
        hconn_fail(c, EW_ERR_TIMEOUT,
                   ew_tls_conn_established(c->tls) ? "read timeout" : "handshake timeout");
        return;
    }
    hconn_step(c);
}

static void hconn_arm(hconn *c, short what)
{
    int ms = ew_tls_conn_established(c->tls) ? HARNESS_READ_TIMEOUT_MS
                                             : ew_tls_server_handshake_timeout_ms(c->h->tls);
    struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    event_del(&c->ev);
    event_assign(&c->ev, c->h->base, c->fd, what, hconn_on_event, c);
    event_add(&c->ev, &tv);
}

static void hconn_respond(hconn *c, const char *path)
{
    ew_tls_peer p;
    ew_tls_conn_peer(c->tls, &p);
    long long n = -1;
    if (!strncmp(path, "/big?n=", 7)) n = strtoll(path + 7, NULL, 10);
    size_t body_cap = n >= 0 ? (size_t)n : 1024;
    free(c->out);
    c->out = malloc(body_cap + 256);
    char *b = c->out + 256;
    size_t blen;
    if (n >= 0) {
        for (long long i = 0; i < n; i++)
            b[i] = (char)((i * 7 + 3) & 0xff);
        blen = (size_t)n;
    } else {
        blen = (size_t)snprintf(b, body_cap,
                                "tenant=%s cn=%s sni=%s resumed=%d gen=%llu version=%s cipher=%s "
                                "body=%zu sum=%u\n",
                                p.tenant ? p.tenant : "-", p.subject_cn ? p.subject_cn : "-",
                                p.sni ? p.sni : "-", p.resumed, (unsigned long long)p.generation,
                                p.version, p.cipher, c->body_len, c->body_sum);
    }
    char head[256];
    int hl = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n", blen);
    /* The head goes right before the body so both leave in one buffer. */
    memcpy(c->out + 256 - hl, head, (size_t)hl);
    c->out_off = 256 - (size_t)hl;
    c->out_len = 256 + blen;
    c->body_len = 0;
    c->body_sum = 0;
}

/* Consumes what is in c->in: finishes a head, counts a body, responds. */
static void hconn_parse(hconn *c)
{
    if (c->body_left > 0) {
        size_t take = c->in_len < (size_t)c->body_left ? c->in_len : (size_t)c->body_left;
        for (size_t i = 0; i < take; i++)
            c->body_sum += (unsigned char)c->in[i];
        c->body_len += take;
        c->body_left -= (long long)take;
        memmove(c->in, c->in + take, c->in_len - take);
        c->in_len -= take;
        if (c->body_left == 0) hconn_respond(c, "/");
        return;
    }
    c->in[c->in_len] = '\0';
    char *end = strstr(c->in, "\r\n\r\n");
    if (!end) return;
    size_t head_len = (size_t)(end + 4 - c->in);
    char path[256] = "/";
    sscanf(c->in, "%*s %255s", path);
    char *cl = strcasestr(c->in, "\r\nContent-Length:");
    long long clen = cl && cl < end ? strtoll(cl + 17, NULL, 10) : 0;
    memmove(c->in, c->in + head_len, c->in_len - head_len);
    c->in_len -= head_len;
    if (clen > 0) {
        c->body_left = clen;
        hconn_parse(c);
    } else {
        hconn_respond(c, path);
    }
}

static void hconn_step(hconn *c)
{
    for (;;) {
        if (c->out_off < c->out_len) {
            ssize_t n = ew_tls_conn_write(c->tls, c->out + c->out_off, c->out_len - c->out_off);
            if (n == EW_TLS_WANT_WRITE || n == EW_TLS_WANT_READ) {
                hconn_arm(c, n == EW_TLS_WANT_WRITE ? EV_WRITE : EV_READ);
                return;
            }
            if (n < 0) {
                hconn_fail(c, (int)n, ew_tls_conn_error(c->tls));
                return;
            }
            c->out_off += (size_t)n;
            continue;
        }
        c->out_len = c->out_off = 0;
        if (c->in_len > 0) {
            size_t before = c->in_len;
            hconn_parse(c);
            if (c->out_len > 0 || c->in_len != before) continue;
        }
        ssize_t n = ew_tls_conn_read(c->tls, c->in + c->in_len, sizeof c->in - 1 - c->in_len);
        if (n == EW_TLS_WANT_READ || n == EW_TLS_WANT_WRITE) {
            hconn_arm(c, n == EW_TLS_WANT_WRITE ? EV_WRITE : EV_READ);
            return;
        }
        if (n < 0) {
            hconn_fail(c, (int)n, ew_tls_conn_error(c->tls));
            return;
        }
        if (n == 0) {
            hconn_free(c);
            return;
        }
        c->in_len += (size_t)n;
    }
}

static void harness_on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
                              int socklen, void *arg)
{
    (void)l;
    (void)sa;
    (void)socklen;
    harness *h = arg;
    hconn *c = calloc(1, sizeof *c);
    ew_error err;
    if (!c || ew_tls_conn_new(h->tls, fd, &c->tls, &err)) {
        free(c);
        close(fd);
        return;
    }
    c->h = h;
    c->fd = fd;
    int one = 1; /* as the gateway does: the handshake is several small writes */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c->next = h->head;
    if (h->head) h->head->prev = c;
    h->head = c;
    atomic_fetch_add(&h->conns, 1);
    event_assign(&c->ev, h->base, fd, EV_READ, hconn_on_event, c);
    hconn_step(c);
}

static void *harness_run(void *arg)
{
    harness *h = arg;
    event_base_loop(h->base, EVLOOP_NO_EXIT_ON_EMPTY);
    return NULL;
}

/* Starts a server on 127.0.0.1 with these options; EW_OK or the error. */
static int harness_start(harness *h, const ew_tls_options *opt, ew_error *err)
{
    memset(h, 0, sizeof *h);
    static int threads_on;
    if (!threads_on++) evthread_use_pthreads();
    int st = ew_tls_server_new(opt, &h->tls, err);
    if (st) return st;
    pthread_mutex_init(&h->lock, NULL);
    h->base = event_base_new();
    struct sockaddr_in sin = {0};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    h->lis = evconnlistener_new_bind(h->base, harness_on_accept, h,
                                     LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 128,
                                     (struct sockaddr *)&sin, sizeof sin);
    if (!h->lis) return EW_ERR_IO;
    struct sockaddr_in bound;
    socklen_t len = sizeof bound;
    getsockname(evconnlistener_get_fd(h->lis), (struct sockaddr *)&bound, &len);
    h->port = ntohs(bound.sin_port);
    pthread_create(&h->thread, NULL, harness_run, h);
    return EW_OK;
}

static void harness_close_all_cb(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    harness *h = arg;
    while (h->head)
        hconn_free(h->head);
    evconnlistener_free(h->lis);
    h->lis = NULL;
    event_base_loopexit(h->base, NULL);
}

/* Closes every connection and stops the loop. */
static void harness_stop(harness *h)
{
    event_base_once(h->base, -1, EV_TIMEOUT, harness_close_all_cb, h, NULL);
    pthread_join(h->thread, NULL);
    event_base_free(h->base);
    ew_tls_server_free(h->tls);
    pthread_mutex_destroy(&h->lock);
}

#endif
