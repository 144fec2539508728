/* One HTTP/1.1 connection: reading and parsing requests, writing responses,
 * timeouts, and the handler contract of gateway/http.h.
 *
 * conn_advance runs the state machine until it has to wait for the socket or
 * the handler. It may call the handler, which may answer at once; frees that
 * happen meanwhile are deferred (busy/dead) so no frame touches a freed conn.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gateway/gateway_internal.h"
#include "gateway/http_priv.h"

static void on_read(evutil_socket_t fd, short what, void *arg);
static void on_write(evutil_socket_t fd, short what, void *arg);
static void conn_advance(ew__http_conn *c);

static struct timeval ms_tv(int ms)
{
    struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    return tv;
}

/* ---- output builder: appends stop at the first failure --------------------- */

typedef ew_buf_out outb;

static void ob_str(outb *o, const char *s)
{
    ew_buf_out_put(o, s, strlen(s));
}

#define OB_LIT(o, lit) ew_buf_out_put((o), (lit), sizeof(lit) - 1)

static void ob_num(outb *o, uint64_t v, int base)
{
    char t[24];
    int i = sizeof t;
    do {
        t[--i] = "0123456789abcdef"[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v);
    ew_buf_out_put(o, t + i, sizeof t - (size_t)i);
}

/* name must be a literal. */
#define OB_HEADER(o, name, value)                                                                  \
    do {                                                                                           \
        OB_LIT(o, name ": ");                                                                      \
        ob_str(o, value);                                                                          \
        OB_LIT(o, "\r\n");                                                                         \
    } while (0)

/* content_length < 0: a streamed body (chunked on HTTP/1.1, else until close). */
static void write_head(ew__http_conn *c, outb *o, int status, const char *ctype,
                       int64_t content_length)
{
    ew__http_req *r = &c->req;
    if (status == 200) {
        OB_LIT(o, "HTTP/1.1 200 OK\r\n");
    } else {
        OB_LIT(o, "HTTP/1.1 ");
        ob_num(o, (uint64_t)status, 10);
        OB_LIT(o, " ");
        ob_str(o, ew__http_reason(status));
        OB_LIT(o, "\r\n");
    }
    OB_HEADER(o, "Date", ew__http_server_date(c->srv));
    if (ctype) OB_HEADER(o, "Content-Type", ctype);
    if (content_length >= 0) {
        OB_LIT(o, "Content-Length: ");
        ob_num(o, (uint64_t)content_length, 10);
        OB_LIT(o, "\r\n");
    } else if (r->head.minor == 1) {
        OB_LIT(o, "Transfer-Encoding: chunked\r\n");
    }
    if (c->close_after)
        OB_LIT(o, "Connection: close\r\n");
    else if (r->head.minor == 0)
        OB_LIT(o, "Connection: keep-alive\r\n");
    OB_HEADER(o, "x-request-id", r->id);
    for (int i = 0; i < r->n_resp_headers; i++) {
        const ew__http_header *h = &r->resp_headers[i];
        /* A value with CR or LF would inject headers: dropped, not sent. */
        if (strpbrk(h->name, "\r\n:") || strpbrk(h->value, "\r\n")) continue;
        ob_str(o, h->name);
        OB_LIT(o, ": ");
        ob_str(o, h->value);
        OB_LIT(o, "\r\n");
    }
    OB_LIT(o, "\r\n");
}

/* ---- socket I/O -------------------------------------------------------------- */

/* TLS (certs/) in the shape of send(): -1 with errno EAGAIN while the socket
 * is full. A TLS write never needs a read here: renegotiation is off. */
static ssize_t tls_send(ew__http_conn *c)
{
    ssize_t n = ew_tls_conn_write(c->tls, c->out.data + c->out_off, c->out.len - c->out_off);
    if (n >= 0) return n;
    errno = n == EW_TLS_WANT_WRITE ? EAGAIN : EPIPE;
    return -1;
}

/* TLS in the shape of recv(), draining what the connection holds decrypted:
 * the socket will not signal those bytes again. -1 with errno EAGAIN when
 * the socket must become readable (or, for the handshake, writable: the
 * write event then retries the read). */
static ssize_t tls_recv(ew__http_conn *c, char *buf, size_t len)
{
    ssize_t n = ew_tls_conn_read(c->tls, buf, len);
    /* The deadline is for the whole handshake: every byte re-arms the read
     * event's timer, so a client that trickles one is cut here. */
    if (c->tls_hs && !ew_tls_conn_established(c->tls) &&
        ew__http_now_ns() - c->tls_hs_ns > (uint64_t)c->tls_hs_ms * 1000000u) {
        errno = ETIMEDOUT;
        return -1;
    }
    if (c->tls_hs && ew_tls_conn_established(c->tls)) {
        c->tls_hs = false;
        if (c->rd == RD_READ) { /* from the handshake's deadline to the read timeout */
            struct timeval tv = ms_tv(c->limits.read_timeout_ms);
            event_add(c->rev, &tv);
        }
    }
    if (n >= 0) return n;
    if (n == EW_TLS_WANT_WRITE && !c->wr_armed) {
        struct timeval tv = ms_tv(c->limits.write_timeout_ms);
        event_add(c->wev, &tv);
        c->wr_armed = true;
        c->tls_rd_wants_write = true;
    }
    errno = n == EW_TLS_WANT_READ || n == EW_TLS_WANT_WRITE ? EAGAIN : ECONNRESET;
    return -1;
}

/* Writes what is queued. 1: all written; 0: the rest waits for the write
 * event; -1: the connection is broken. */
static int conn_flush(ew__http_conn *c)
{
    while (c->out_off < c->out.len) {
        ssize_t n =
            c->tls ? tls_send(c)
                   : send(c->fd, c->out.data + c->out_off, c->out.len - c->out_off, MSG_NOSIGNAL);
        if (n > 0) {
            c->out_off += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!c->wr_armed) {
                struct timeval tv = ms_tv(c->limits.write_timeout_ms);
                event_add(c->wev, &tv);
                c->wr_armed = true;
            }
            return 0;
        }
        return -1;
    }
    ew_buf_reset(&c->out);
    c->out_off = 0;
    if (c->wr_armed) {
        event_del(c->wev);
        c->wr_armed = false;
    }
    return 1;
}

/* Drops written bytes from the front before queueing more. */
static void out_compact(ew__http_conn *c)
{
    if (c->out_off) {
        ew_buf_consume(&c->out, c->out_off);
        c->out_off = 0;
    }
}

/* Reads once into the input buffer. -1 on a broken connection; EOF sets eof. */
/* A parsed head points into the input buffer, which growing it for the body
 * may have moved: parse it again at its new place (it parsed before, so it
 * still does), before anything reads it. */
static void head_follow(ew__http_conn *c)
{
    if (c->state != ST_BODY || c->in.data == c->head_base) return;
    ew__http_fault f;
    ew__http_parse_head(c->in.data, c->head_len, c->limits.max_body_bytes, &c->req.head, &f);
    c->head_base = c->in.data;
}

static int conn_recv(ew__http_conn *c)
{
    /* Decrypted bytes left inside a TLS connection are taken at once: the
     * socket will not signal them again. */
    do {
        size_t want = 16384;
        if (c->in.max - c->in.len < want) want = c->in.max - c->in.len;
        if (want == 0 || ew_buf_reserve(&c->in, want)) return -1;
        head_follow(c);
        char *at = c->in.data + c->in.len;
        size_t room = c->in.cap - c->in.len - 1;
        ssize_t n = c->tls ? tls_recv(c, at, room) : recv(c->fd, at, room, 0);
        if (n > 0) {
            c->in.len += (size_t)n;
            c->in.data[c->in.len] = '\0';
            continue;
        }
        if (n == 0) {
            c->eof = true;
            return 0;
        }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
    } while (c->tls && ew_tls_conn_pending(c->tls) > 0);
    return 0;
}

static void conn_arm(ew__http_conn *c)
{
    if (c->fd < 0) return;
    rd_mode want = RD_OFF;
    switch (c->state) {
    case ST_IDLE:
        want = c->served ? RD_KEEPALIVE : RD_READ;
        break;
    case ST_HEAD:
    case ST_BODY:
        want = RD_READ;
        break;
    case ST_HANDLER:
    case ST_STREAM:
        /* After a half-close there is nothing left to notice. */
        want = c->peeked || c->eof ? RD_OFF : RD_WATCH;
        break;
    case ST_LINGER:
        want = RD_LINGER;
        break;
    default:
        break;
    }
    if (want == c->rd) return;
    c->rd = want;
    if (want == RD_OFF) {
        event_del(c->rev);
        return;
    }
    int ms = want == RD_KEEPALIVE ? c->limits.keepalive_timeout_ms
             : want == RD_LINGER  ? EW__HTTP_LINGER_MS
                                  : c->limits.read_timeout_ms;
    if (c->tls_hs) ms = c->tls_hs_ms;
    struct timeval tv = ms_tv(ms);
    event_add(c->rev, want == RD_WATCH ? NULL : &tv);
}

/* ---- lifetime ---------------------------------------------------------------- */

/* Closes the socket; the struct may live on as a zombie for its handler. */
static void conn_shut(ew__http_conn *c)
{
    if (c->fd < 0) return;
    event_del(c->rev);
    event_del(c->wev);
    ew_tls_conn_free(c->tls); /* sends close_notify first when it can */
    c->tls = NULL;
    evutil_closesocket(c->fd);
    c->fd = -1;
    c->rd = RD_OFF;
    c->wr_armed = false;
    c->flush_queued = false;
    ew__http_server_on_close(c->srv);
}

static void conn_destroy(ew__http_conn *c)
{
    ew__http_server *srv = c->srv;
    ew__http_conn_free(c);
    ew__http_server_on_free(srv);
}

static void conn_release(ew__http_conn *c)
{
    if (c->busy)
        c->dead = true;
    else
        conn_destroy(c);
}

/* Closes a connection whose handler holds no request. */
static void conn_close(ew__http_conn *c)
{
    conn_shut(c);
    conn_release(c);
}

static bool req_active(const ew__http_conn *c)
{
    return c->state == ST_HANDLER || c->state == ST_STREAM;
}

/* The client is gone or broken. A request its handler holds is aborted: the
 * struct stays until the handler finishes it. */
static void conn_fail(ew__http_conn *c)
{
    if (!req_active(c)) {
        conn_close(c);
        return;
    }
    c->req.aborted = true;
    conn_shut(c);
    /* Inside the handler's own call the return value tells it instead. */
    if (c->busy || c->in_api || !c->req.on_abort) return;
    c->req.on_abort(c->req.abort_arg, &c->req);
    /* c may be gone now. */
}

/* ---- requests ---------------------------------------------------------------- */

/* now_ns: the clock read a moment ago in the same step, or 0. */
/* Clears a request but its two header arrays (2.4 of its 3.1 KB), which are
 * read only up to their counts (each count follows its array). */
_Static_assert(offsetof(ew__http_req, head.n_headers) ==
                       offsetof(ew__http_req, head.headers) +
                           sizeof(ew__http_header[EW__HTTP_MAX_HEADERS]) &&
                   offsetof(ew__http_req, n_resp_headers) ==
                       offsetof(ew__http_req, resp_headers) +
                           sizeof(ew__http_header[EW__HTTP_MAX_RESP_HEADERS]),
               "a header array's count follows it");
static void req_clear(ew__http_req *r)
{
    const size_t rest = offsetof(ew__http_req, head.n_headers),
                 resp = offsetof(ew__http_req, resp_headers),
                 tail = offsetof(ew__http_req, n_resp_headers);
    memset(r, 0, offsetof(ew__http_req, head.headers));
    memset((char *)r + rest, 0, resp - rest);
    memset((char *)r + tail, 0, sizeof *r - tail);
}

static void req_begin_at(ew__http_conn *c, uint64_t now_ns)
{
    ew__http_req *r = &c->req;
    req_clear(r);
    r->conn = c;
    memcpy(r->peer, c->peer, sizeof r->peer);
    if (c->tls && ew_tls_conn_peer(c->tls, &c->tls_peer) == EW_OK) r->tls = &c->tls_peer;
    r->start_ns = now_ns ? now_ns : ew__http_now_ns();
    ew__http_server_next_id(c->srv, r->id);
    r->head.content_length = -1;
    r->head.keep_alive = false;
}

static void req_begin(ew__http_conn *c)
{
    req_begin_at(c, 0);
}

static void finish_req(ew__http_conn *c)
{
    ew__http_server *srv = c->srv;
    ew__http_req *r = &c->req;
    r->end_ns = ew__http_now_ns();
    if (c->dispatched) srv->n_active--;
    if (r->streaming) srv->n_streams--;
    r->on_writable = NULL;
    if (srv->on_finish) srv->on_finish(srv->user, r);
}

/* After the response is queued: write it, then retire the request. */
static void conn_send_response(ew__http_conn *c)
{
    c->state = ST_FLUSH;
    int r = conn_flush(c);
    if (r < 0) {
        conn_close(c);
        return;
    }
    if (r == 1) {
        c->state = ST_DONE;
        conn_advance(c);
        return;
    }
    if (!c->busy) conn_arm(c);
}

/* Whether this response is the connection's last: the client asked, the
 * server is draining, or keep-alive is off (keepalive_timeout 0). */
static bool must_close(const ew__http_conn *c)
{
    return !c->req.head.keep_alive || c->srv->draining || c->limits.keepalive_timeout_ms <= 0;
}

static void conn_respond(ew__http_conn *c, int status, const char *ctype, const void *body,
                         size_t len)
{
    ew__http_req *r = &c->req;
    r->status = status;
    if (c->fd < 0) { /* zombie: the client is gone */
        finish_req(c);
        conn_release(c);
        return;
    }
    c->close_after = c->close_after || must_close(c);
    out_compact(c);
    size_t mark = c->out.len;
    outb o = {&c->out, EW_OK};
    write_head(c, &o, status, ctype, (int64_t)len);
    if (r->head.method != EW__HTTP_HEAD) ew_buf_out_put(&o, body, len);
    if (o.st) { /* larger than the output cap: say so instead */
        c->out.len = mark;
        ew_api_error e;
        ew_api_error_set(&e, 500, "server_error", "response_too_large", NULL,
                         "the response exceeds the server's output limit");
        ew_buf *tmp = ew__http_server_scratch(c->srv);
        ew__api_error_json(&e, tmp);
        o.st = EW_OK;
        r->status = 500;
        write_head(c, &o, 500, "application/json", (int64_t)tmp->len);
        ew_buf_out_put(&o, tmp->data, tmp->len);
    }
    r->bytes_out += c->out.len - mark;
    finish_req(c);
    conn_send_response(c);
}

static const char *fault_code(int status)
{
    static const struct {
        int status;
        const char *code;
    } tab[] = {
        {408, "request_timeout"},
        {413, "request_too_large"},
        {417, "expectation_failed"},
        {431, "request_header_fields_too_large"},
        {501, "unsupported_transfer_coding"},
        {505, "http_version_not_supported"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (tab[i].status == status) return tab[i].code;
    return "invalid_request";
}

/* An error found by the HTTP layer; the connection closes after it. */
static void http_fail(ew__http_conn *c, int status, const char *message)
{
    c->close_after = true;
    ew_api_error e;
    ew_api_error_set(&e, status, "invalid_request_error", fault_code(status), NULL, "%s", message);
    c->req.log_error_type = e.type;
    ew_buf *b = ew__http_server_scratch(c->srv);
    ew__api_error_json(&e, b);
    conn_respond(c, status, "application/json", b->data, b->len);
}

static void take_client_id(ew__http_req *r)
{
    const ew__http_header *h = ew__http_find_header(&r->head, "x-request-id");
    if (h && ew__request_id_ok(h->value, h->value_len)) {
        memcpy(r->id, h->value, h->value_len);
        r->id[h->value_len] = '\0';
    }
}

static void send_continue(ew__http_conn *c)
{
    static const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
    out_compact(c);
    if (ew_buf_append(&c->out, cont, sizeof cont - 1) || conn_flush(c) < 0) conn_close(c);
}

static void step_head(ew__http_conn *c)
{
    /* Blank lines before a request are ignored (RFC 9112 2.2). */
    size_t skip = 0;
    while (skip < c->in.len && (c->in.data[skip] == '\r' || c->in.data[skip] == '\n'))
        skip++;
    if (skip) {
        ew_buf_consume(&c->in, skip);
        c->scan = 0;
    }
    if (c->in.len == 0) {
        c->state = ST_IDLE;
        if (c->eof) conn_close(c);
        return;
    }
    uint64_t now_ns = 0; /* a head that arrives whole starts its request now */
    if (c->state == ST_IDLE) {
        c->state = ST_HEAD;
        c->phase_ns = now_ns = ew__http_now_ns();
        c->scan = 0;
    }
    size_t lim = (size_t)c->limits.max_header_bytes;
    size_t avail = c->in.len < lim ? c->in.len : lim;
    size_t end = ew__http_head_end(c->in.data, avail, c->scan);
    if (!end) {
        c->scan = avail;
        /* The whole head must arrive within read_timeout, however it trickles. */
        bool late =
            ew__http_now_ns() - c->phase_ns > (uint64_t)c->limits.read_timeout_ms * 1000000u;
        if (late) {
            req_begin(c);
            http_fail(c, 408, "timed out reading the request head");
        } else if (c->in.len >= lim) {
            req_begin(c);
            http_fail(c, 431, "the request head exceeds the server's limit");
        } else if (c->eof) {
            conn_close(c);
        }
        return;
    }
    req_begin_at(c, now_ns);
    c->head_len = end;
    ew__http_fault f;
    c->head_base = c->in.data;
    if (ew__http_parse_head(c->in.data, end, c->limits.max_body_bytes, &c->req.head, &f)) {
        take_client_id(&c->req);
        http_fail(c, f.status, f.message);
        return;
    }
    take_client_id(&c->req);
    c->state = ST_BODY;
    c->body_len = 0;
    ew__http_chunked_init(&c->chunked);
    c->again = true;
    if (c->req.head.expect_continue && (c->req.head.content_length > 0 || c->req.head.chunked))
        send_continue(c);
}

static void step_body(ew__http_conn *c)
{
    size_t have = c->in.len - c->head_len;
    const ew__http_head *h = &c->req.head;
    if (!h->chunked) {
        size_t cl = h->content_length > 0 ? (size_t)h->content_length : 0;
        if (have < cl) {
            if (c->eof) conn_close(c);
            return;
        }
        c->body_len = cl;
        c->req_end = c->head_len + cl;
    } else {
        char *region = c->in.data + c->head_len;
        size_t pos = c->body_len; /* raw input was compacted down to here */
        ew__http_fault f;
        int r =
            ew__http_chunked_feed(&c->chunked, region, have, &pos, &c->body_len,
                                  c->limits.max_body_bytes, (size_t)c->limits.max_header_bytes, &f);
        if (r < 0) {
            http_fail(c, f.status, f.message);
            return;
        }
        if (r == 0) {
            /* Drop consumed framing so raw input never piles up. */
            memmove(region + c->body_len, region + pos, have - pos);
            c->in.len = c->head_len + c->body_len + (have - pos);
            c->in.data[c->in.len] = '\0';
            if (c->eof) conn_close(c);
            return;
        }
        c->req_end = c->head_len + pos;
    }
    c->state = ST_HANDLER;
    c->again = true;
}

static void step_dispatch(ew__http_conn *c)
{
    ew__http_server *srv = c->srv;
    ew__http_req *r = &c->req;
    char *body = c->in.data + c->head_len;
    c->saved = body[c->body_len];
    body[c->body_len] = '\0';
    r->body = body;
    r->body_len = c->body_len;
    r->bytes_in = c->req_end;
    c->dispatched = true;
    srv->n_active++;
    srv->n_requests++;
    srv->handler(srv->user, r);
}

/* The response is out: drop the request's bytes and go on, or close. */
static void step_retire(ew__http_conn *c)
{
    if (c->req_end) {
        c->in.data[c->head_len + c->body_len] = c->saved;
        ew_buf_consume(&c->in, c->req_end);
    }
    c->req_end = c->head_len = c->body_len = c->scan = 0;
    c->dispatched = c->peeked = false;
    c->served++;
    ew_arena_reset(&c->arena);
    c->arena.max = EW__HTTP_ARENA_MAX;
    if (c->in.len == 0 && c->in.cap > EW__HTTP_KEEP_BUF) ew_buf_cleanup(&c->in);
    if (c->out.cap > EW__HTTP_KEEP_BUF) ew_buf_cleanup(&c->out);
    if (c->close_after || c->srv->draining) {
        if (c->srv->draining || c->eof) {
            conn_close(c);
            return;
        }
        /* Linger: let the client read the response before it sees a reset. */
        if (c->tls) ew_tls_conn_close_notify(c->tls);
        shutdown(c->fd, SHUT_WR);
        ew_buf_reset(&c->in);
        c->state = ST_LINGER;
        c->phase_ns = ew__http_now_ns();
        return;
    }
    c->limits = c->srv->limits;
    c->in.max = (size_t)c->limits.max_header_bytes + (size_t)c->limits.max_body_bytes + 65536;
    c->state = ST_IDLE;
    c->again = true;
}

static void conn_step(ew__http_conn *c)
{
    switch (c->state) {
    case ST_IDLE:
    case ST_HEAD:
        step_head(c);
        break;
    case ST_BODY:
        step_body(c);
        break;
    case ST_HANDLER:
        if (!c->dispatched) step_dispatch(c);
        break;
    case ST_DONE:
        step_retire(c);
        break;
    default:
        break;
    }
}

static void conn_advance(ew__http_conn *c)
{
    if (c->busy) {
        c->again = true;
        return;
    }
    c->busy = true;
    do {
        c->again = false;
        conn_step(c);
    } while (c->again && !c->dead);
    c->busy = false;
    if (c->dead)
        conn_destroy(c);
    else
        conn_arm(c);
}

/* ---- events -------------------------------------------------------------------- */

static void on_read_timeout(ew__http_conn *c)
{
    if (c->state == ST_HEAD || c->state == ST_BODY) {
        if (c->state == ST_HEAD) req_begin(c);
        http_fail(c, 408, "timed out reading the request");
    } else if (c->state == ST_IDLE || c->state == ST_LINGER) {
        conn_close(c);
    }
}

/* Discards input after the last response; the linger ends at EOF or, for a
 * client that keeps sending, at its deadline (the read timeout alone would
 * restart with every read). */
static void linger_discard(ew__http_conn *c)
{
    if (ew__http_now_ns() - c->phase_ns > (uint64_t)EW__HTTP_LINGER_MS * 1000000u) {
        conn_close(c);
        return;
    }
    char sink[16384];
    for (int i = 0; i < 16; i++) {
        ssize_t n = recv(c->fd, sink, sizeof sink, 0);
        if (n > 0) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
        conn_close(c);
        return;
    }
}

/* While the handler works: notice the client leaving without consuming
 * pipelined input (the request's body still points into the buffer). */
static void watch_peek(ew__http_conn *c)
{
    char ch;
    ssize_t n = recv(c->fd, &ch, 1, MSG_PEEK);
    if (n > 0) {
        c->peeked = true;
        conn_arm(c);
    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        conn_fail(c);
    }
}

static void on_read(evutil_socket_t fd, short what, void *arg)
{
    ew__http_conn *c = arg;
    (void)fd;
    if (what & EV_TIMEOUT) {
        on_read_timeout(c);
        return;
    }
    switch (c->state) {
    case ST_LINGER:
        linger_discard(c);
        return;
    case ST_HANDLER:
    case ST_STREAM:
        watch_peek(c);
        return;
    case ST_IDLE:
    case ST_HEAD:
    case ST_BODY:
        if (conn_recv(c) < 0) {
            conn_close(c);
            return;
        }
        conn_advance(c);
        return;
    default:
        event_del(c->rev);
        c->rd = RD_OFF;
        return;
    }
}

static void on_write(evutil_socket_t fd, short what, void *arg)
{
    ew__http_conn *c = arg;
    (void)fd;
    c->flush_queued = false;
    if (what & EV_TIMEOUT) {
        conn_fail(c);
        return;
    }
    int r = conn_flush(c);
    ew__http_req *q = &c->req;
    if (r >= 0 && req_active(c) && q->on_writable && c->out.len - c->out_off <= q->writable_below) {
        ew__http_writable_fn fn = q->on_writable;
        q->on_writable = NULL;
        fn(q->writable_arg, q); /* the producer resumes: it may queue more */
        return;
    }
    if (r < 0) {
        conn_fail(c);
    } else if (r == 1 && c->state == ST_FLUSH) {
        c->state = ST_DONE;
        conn_advance(c);
    } else if (r == 1 && c->tls_rd_wants_write) {
        c->tls_rd_wants_write = false; /* the TLS handshake can write again */
        on_read(fd, EV_READ, c);
    }
}

/* ---- the handler's API ----------------------------------------------------------- */

int ew__http_add_header(ew__http_req *req, const char *name, const char *value)
{
    if (req->n_resp_headers == EW__HTTP_MAX_RESP_HEADERS) return EW_ERR_TOO_LARGE;
    ew__http_header *h = &req->resp_headers[req->n_resp_headers++];
    h->name = name;
    h->name_len = strlen(name);
    h->value = value;
    h->value_len = strlen(value);
    return EW_OK;
}

void ew__http_respond(ew__http_req *req, int status, const char *content_type, const void *body,
                      size_t len)
{
    ew__http_conn *c = req->conn;
    if (c->state == ST_STREAM) {
        ew__http_stream_end(req);
        return;
    }
    if (c->state != ST_HANDLER) return;
    conn_respond(c, status, content_type, body, len);
    /* c may be gone now (a zombie, or a failed write). */
}

void ew__http_respond_error(ew__http_req *req, const ew_api_error *e)
{
    if (!req->log_error_type) req->log_error_type = e->type;
    ew_buf *b = ew__http_req_scratch(req);
    ew__api_error_json(e, b);
    ew__http_respond(req, e->http_status, "application/json", b->data, b->len);
}

ew_buf *ew__http_req_scratch(ew__http_req *req)
{
    return ew__http_server_scratch(req->conn->srv);
}

/* Stream pieces go out once the handler's current callback is over: the
 * write event, activated here, runs later in the same loop pass, so a burst
 * of chunks (one upstream read often carries several) costs one send rather
 * than one each. A broken connection then shows as an abort. */
static void queue_flush(ew__http_conn *c)
{
    if (c->wr_armed || c->flush_queued) return; /* the socket is full: on_write comes */
    c->flush_queued = true;
    event_active(c->wev, EV_WRITE, 0);
}

int ew__http_stream_begin(ew__http_req *req, int status, const char *content_type)
{
    ew__http_conn *c = req->conn;
    ew__http_server *srv = c->srv;
    if (c->state != ST_HANDLER) return EW_ERR_STATE;
    if (c->fd < 0) return EW_ERR_CANCELLED;
    if (srv->n_streams >= c->limits.max_concurrent_streams) return EW_ERR_BUSY;
    srv->n_streams++;
    req->streaming = true;
    req->status = status;
    /* HTTP/1.0 has no chunked coding: the stream ends when the connection does. */
    c->close_after = c->close_after || must_close(c) || req->head.minor == 0;
    out_compact(c);
    size_t mark = c->out.len;
    outb o = {&c->out, EW_OK};
    write_head(c, &o, status, content_type, -1);
    if (o.st) {
        c->out.len = mark;
        srv->n_streams--;
        req->streaming = false;
        return o.st;
    }
    req->bytes_out += c->out.len - mark;
    c->state = ST_STREAM;
    queue_flush(c);
    if (!c->busy) conn_arm(c);
    return EW_OK;
}

int ew__http_stream_write(ew__http_req *req, const void *data, size_t len)
{
    ew__http_conn *c = req->conn;
    if (c->fd < 0) return EW_ERR_CANCELLED;
    if (c->state != ST_STREAM) return EW_ERR_STATE;
    if (len == 0 || req->head.method == EW__HTTP_HEAD) return EW_OK;
    out_compact(c);
    size_t mark = c->out.len;
    outb o = {&c->out, EW_OK};
    if (req->head.minor == 1) {
        ob_num(&o, len, 16);
        ew_buf_out_put(&o, "\r\n", 2);
        ew_buf_out_put(&o, data, len);
        ew_buf_out_put(&o, "\r\n", 2);
    } else {
        ew_buf_out_put(&o, data, len);
    }
    if (o.st) {
        c->out.len = mark;
        return o.st;
    }
    req->bytes_out += c->out.len - mark;
    queue_flush(c);
    return EW_OK;
}

void ew__http_stream_end(ew__http_req *req)
{
    ew__http_conn *c = req->conn;
    if (c->state != ST_STREAM) return;
    if (c->fd < 0) {
        finish_req(c);
        conn_release(c);
        return;
    }
    if (req->head.minor == 1 && req->head.method != EW__HTTP_HEAD) {
        out_compact(c);
        size_t mark = c->out.len;
        if (ew_buf_append(&c->out, "0\r\n\r\n", 5) == EW_OK)
            req->bytes_out += c->out.len - mark;
        else
            c->close_after = true; /* the client sees a truncated stream */
    }
    finish_req(c);
    conn_send_response(c);
}

ew_arena *ew__http_req_arena(ew__http_req *req)
{
    return &req->conn->arena;
}

size_t ew__http_out_pending(const ew__http_req *req)
{
    const ew__http_conn *c = req->conn;
    return c->out.len - c->out_off;
}

void ew__http_on_writable(ew__http_req *req, size_t below, ew__http_writable_fn fn, void *arg)
{
    ew__http_conn *c = req->conn;
    req->on_writable = fn;
    req->writable_arg = arg;
    req->writable_below = below;
    /* Already there: tell it from the loop, as if a write had happened. */
    if (fn && c->fd >= 0 && c->out.len - c->out_off <= below) queue_flush(c);
}

void ew__http_set_abort(ew__http_req *req, ew__http_abort_fn fn, void *arg)
{
    req->on_abort = fn;
    req->abort_arg = arg;
}

/* ---- for the server ------------------------------------------------------------ */

ew__http_conn *ew__http_conn_new(ew__http_server *srv, evutil_socket_t fd,
                                 const struct sockaddr *sa, int socklen, ew_tls_server *tls)
{
    (void)socklen;
    ew__http_conn *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    if (tls && ew_tls_conn_new(tls, fd, &c->tls, NULL)) {
        free(c);
        return NULL;
    }
    c->tls_hs = c->tls != NULL;
    c->tls_hs_ms = tls ? ew_tls_server_handshake_timeout_ms(tls) : 0;
    c->tls_hs_ns = ew__http_now_ns();
    c->srv = srv;
    c->fd = fd;
    c->rev = event_new(srv->base, fd, EV_READ | EV_PERSIST, on_read, c);
    c->wev = event_new(srv->base, fd, EV_WRITE | EV_PERSIST, on_write, c);
    if (!c->rev || !c->wev) {
        if (c->rev) event_free(c->rev);
        if (c->wev) event_free(c->wev);
        ew_tls_conn_free(c->tls);
        free(c);
        return NULL;
    }
    /* Responses go out in one write: Nagle would only add delay. */
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ew__http_format_addr(sa, c->peer, sizeof c->peer);
    c->limits = srv->limits;
    ew_buf_init(&c->in,
                (size_t)c->limits.max_header_bytes + (size_t)c->limits.max_body_bytes + 65536);
    ew_buf_init(&c->out, EW__HTTP_MAX_OUT);
    ew_arena_init(&c->arena, 0, EW__HTTP_ARENA_MAX);
    c->next = srv->conns;
    if (srv->conns) srv->conns->prev = c;
    srv->conns = c;
    c->state = ST_IDLE;
    conn_arm(c);
    return c;
}

void ew__http_conn_drain(ew__http_conn *c)
{
    c->close_after = true;
    if ((c->state == ST_IDLE && c->in.len == 0) || c->state == ST_LINGER) conn_close(c);
}

void ew__http_conn_kill(ew__http_conn *c)
{
    if (c->fd < 0) return;
    if (req_active(c))
        conn_fail(c);
    else
        conn_close(c);
}

void ew__http_conn_free(ew__http_conn *c)
{
    ew__http_server *srv = c->srv;
    if (c->prev)
        c->prev->next = c->next;
    else
        srv->conns = c->next;
    if (c->next) c->next->prev = c->prev;
    ew_tls_conn_free(c->tls);
    if (c->fd >= 0) evutil_closesocket(c->fd);
    event_free(c->rev);
    event_free(c->wev);
    ew_buf_cleanup(&c->in);
    ew_buf_cleanup(&c->out);
    ew_arena_cleanup(&c->arena);
    free(c);
}
