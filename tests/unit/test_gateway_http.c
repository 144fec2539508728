/* The HTTP/1.1 layer: the byte-level parser, then a real server on loopback
 * driven by blocking client sockets (keep-alive, pipelining, limits,
 * timeouts, streams, aborts and drain). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <event2/event.h>
#include <event2/thread.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "gateway/http.h"
#include "http_test_client.h"

/* ---- parser ------------------------------------------------------------------ */

/* Into dirty memory: the parser clears what it reads (the headers past
 * n_headers stay as they were). */
static int parse(const char *text, ew__http_head *h, ew__http_fault *f)
{
    size_t len = strlen(text);
    assert_int_equal(ew__http_head_end(text, len, 0), len);
    memset(h, 0xA5, sizeof *h);
    return ew__http_parse_head(text, len, 1000, h, f);
}

static void expect_fault(const char *text, int status)
{
    ew__http_head h;
    ew__http_fault f = {0};
    size_t len = strlen(text);
    size_t end = ew__http_head_end(text, len, 0);
    assert_int_equal(end, len);
    assert_int_equal(ew__http_parse_head(text, len, 1000, &h, &f), -1);
    assert_int_equal(f.status, status);
    assert_non_null(f.message);
}

static void test_parse_request(void **state)
{
    (void)state;
    ew__http_head h;
    ew__http_fault f;
    assert_int_equal(parse("POST /v1/chat/completions?x=1&y HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Content-Type:  application/json  \r\n"
                           "Content-Length: 12\r\n"
                           "X-Empty:\r\n"
                           "\r\n",
                           &h, &f),
                     0);
    assert_int_equal(h.method, EW__HTTP_POST);
    assert_int_equal(h.minor, 1);
    assert_int_equal(h.path_len, strlen("/v1/chat/completions"));
    assert_memory_equal(h.path, "/v1/chat/completions", h.path_len);
    assert_int_equal(h.query_len, 5);
    assert_memory_equal(h.query, "x=1&y", 5);
    assert_int_equal(h.n_headers, 4);
    assert_int_equal(h.content_length, 12);
    assert_true(h.keep_alive);
    assert_false(h.chunked);
    const ew__http_header *ct = ew__http_find_header(&h, "content-type");
    assert_non_null(ct);
    assert_int_equal(ct->value_len, strlen("application/json"));
    assert_true(ew__http_media_type_is(ct->value, ct->value_len, "application/json"));
    const ew__http_header *empty = ew__http_find_header(&h, "x-empty");
    assert_non_null(empty);
    assert_int_equal(empty->value_len, 0);
    assert_null(ew__http_find_header(&h, "x-absent"));

    assert_int_equal(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", &h, &f), 0);
    assert_int_equal(h.minor, 0);
    assert_true(h.keep_alive);
    assert_int_equal(h.content_length, -1);
    assert_null(h.query);
    assert_int_equal(parse("GET / HTTP/1.0\r\n\r\n", &h, &f), 0);
    assert_false(h.keep_alive);
    assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, close\r\n\r\n", &h, &f),
                     0);
    assert_false(h.keep_alive);
    assert_int_equal(parse("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", &h, &f), 0);
    assert_int_equal(h.method, EW__HTTP_OTHER);
    assert_int_equal(parse("PUT / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n"
                           "Expect: 100-continue\r\n\r\n",
                           &h, &f),
                     0);
    assert_true(h.chunked);
    assert_true(h.expect_continue);
}

static void test_parse_faults(void **state)
{
    (void)state;
    expect_fault("GET\r\n\r\n", 400);
    expect_fault("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    expect_fault("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1 \r\nHost: x\r\n\r\n", 400);
    expect_fault("GET / HTTX/1.1\r\nHost: x\r\n\r\n", 400);
    expect_fault("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505);
    expect_fault("GET / HTTP/1.2\r\nHost: x\r\n\r\n", 505);
    expect_fault("GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1\r\nHost: a\x01b\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", 400);
    expect_fault("GET / HTTP/1.1\r\n\r\n", 400); /* no Host */
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n", 400);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                 400);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n",
                 400);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n", 413);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400);
    expect_fault("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", 417);

    /* One header too many. */
    char big[8192];
    size_t n = (size_t)snprintf(big, sizeof big, "GET / HTTP/1.1\r\n");
    for (int i = 0; i <= EW__HTTP_MAX_HEADERS; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "H%d: v\r\n", i);
    snprintf(big + n, sizeof big - n, "\r\n");
    expect_fault(big, 431);

    /* The same Content-Length twice is one length. */
    ew__http_head h;
    ew__http_fault f;
    assert_int_equal(
        parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", &h,
              &f),
        0);
    assert_int_equal(h.content_length, 5);
}

static void test_head_end(void **state)
{
    (void)state;
    const char *t = "GET / HTTP/1.1\r\nHost: x\r\n\r\nBODY";
    size_t full = strlen(t) - 4;
    /* Found from any point an earlier scan could have stopped at (it saw
     * fewer than `full` bytes), including inside the terminator. */
    for (size_t from = 0; from < full; from++)
        assert_int_equal(ew__http_head_end(t, strlen(t), from), full);
    for (size_t len = 0; len < full; len++)
        assert_int_equal(ew__http_head_end(t, len, 0), 0);
    assert_int_equal(ew__http_head_end("\n\n\r\n", 4, 0), 0);
}

static int chunked_all(const char *raw, size_t step, char *out, size_t *out_len, int64_t max,
                       ew__http_fault *f)
{
    /* Feeds raw in pieces of `step` bytes into a buffer that the decoder
     * compacts, as the connection does. */
    char buf[4096];
    size_t len = 0, body = 0, total = strlen(raw), fed = 0;
    ew__http_chunked c;
    ew__http_chunked_init(&c);
    int r = 0;
    while (fed < total) {
        size_t n = total - fed < step ? total - fed : step;
        memcpy(buf + len, raw + fed, n);
        len += n;
        fed += n;
        size_t pos = body;
        r = ew__http_chunked_feed(&c, buf, len, &pos, &body, max, 64, f);
        if (r != 0) break;
        memmove(buf + body, buf + pos, len - pos);
        len = body + (len - pos);
    }
    memcpy(out, buf, body);
    *out_len = body;
    return r;
}

static void test_chunked(void **state)
{
    (void)state;
    const char *raw = "5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n";
    for (size_t step = 1; step <= strlen(raw); step++) {
        char out[256];
        size_t n;
        ew__http_fault f;
        assert_int_equal(chunked_all(raw, step, out, &n, 1000, &f), 1);
        assert_int_equal(n, 16);
        assert_memory_equal(out, "hello 0123456789", 16);
    }
    struct {
        const char *raw;
        int status;
    } bad[] = {
        {"g\r\n", 400},
        {";x\r\n", 400},
        {"5\r\nhelloXX", 400},
        {"5\r\nhello\rX", 400},
        {"5\nhello", 400},
        {"FFFFFFFFFFFFFFFFFF\r\n", 400},
        {"3E9\r\n", 413}, /* 1001 > 1000 */
        {"0\r\nX: \x01\r\n\r\n", 400},
        {"0\r\nX: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n",
         431},
        {"0\r\n\rX", 400},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char out[256];
        size_t n;
        ew__http_fault f = {0};
        assert_int_equal(chunked_all(bad[i].raw, 7, out, &n, 1000, &f), -1);
        assert_int_equal(f.status, bad[i].status);
    }
    /* Many chunks whose sum passes the cap. */
    char many[2048];
    size_t m = 0;
    for (int i = 0; i < 30; i++)
        m += (size_t)snprintf(many + m, sizeof many - m, "28\r\n%040d\r\n", i);
    char out[4096];
    size_t n;
    ew__http_fault f = {0};
    assert_int_equal(chunked_all(many, 100, out, &n, 1000, &f), -1);
    assert_int_equal(f.status, 413);
}

static void test_small_helpers(void **state)
{
    (void)state;
    assert_true(ew__request_id_ok("abc-DEF_1.2:3", 13));
    assert_false(ew__request_id_ok("", 0));
    assert_false(ew__request_id_ok("a b", 3));
    assert_false(ew__request_id_ok("a\"b", 3));
    char long_id[80];
    memset(long_id, 'a', sizeof long_id);
    assert_true(ew__request_id_ok(long_id, EW__REQUEST_ID_MAX));
    assert_false(ew__request_id_ok(long_id, EW__REQUEST_ID_MAX + 1));
    assert_true(ew__http_media_type_is("application/json", 16, "application/json"));
    assert_true(ew__http_media_type_is("Application/JSON; charset=utf-8", 31, "application/json"));
    assert_false(ew__http_media_type_is("application/jsonx", 17, "application/json"));
    assert_false(ew__http_media_type_is("text/plain", 10, "application/json"));
    assert_string_equal(ew__http_reason(413), "Content Too Large");
}

/* ---- a live server ------------------------------------------------------------ */

typedef struct fixture {
    struct event_base *base;
    ew__http_server *srv;
    pthread_t thread;
    int port;
    int finished; /* finish callbacks seen */
    int aborts;   /* abort callbacks seen */
    int drained;  /* drain done callbacks seen */
    int last_status;
    int errors;         /* unexpected results inside handlers (no cmocka off the main thread) */
    ew__http_req *held; /* a request /hold keeps open */
} fixture;

typedef struct pending {
    fixture *fx;
    ew__http_req *req;
    struct event *timer;
} pending;

static void pending_finish(pending *p, int status)
{
    event_free(p->timer);
    p->req->handler_data = NULL;
    ew__http_respond(p->req, status, "text/plain", "late", 4);
    free(p);
}

static void on_slow_timer(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    pending_finish(arg, 200);
}

static void on_slow_abort(void *arg, ew__http_req *req)
{
    (void)req;
    pending *p = arg;
    p->fx->aborts++;
    pending_finish(p, 499);
}

static void on_hold_abort(void *arg, ew__http_req *req)
{
    fixture *fx = arg;
    fx->aborts++;
    if (fx->held == req) fx->held = NULL;
    ew__http_stream_end(req);
}

static void on_drained(void *arg)
{
    fixture *fx = arg;
    fx->drained++;
    event_base_loopbreak(fx->base);
}

static bool path_is(const ew__http_req *r, const char *p)
{
    return r->head.path_len == strlen(p) && !memcmp(r->head.path, p, r->head.path_len);
}

static void handle_stream(fixture *fx, ew__http_req *r)
{
    int st = ew__http_stream_begin(r, 200, "text/event-stream");
    if (st == EW_ERR_BUSY) {
        ew_api_error e;
        ew_api_error_set(&e, 429, "rate_limit_error", "too_many_streams", NULL, "busy");
        ew__http_respond_error(r, &e);
        return;
    }
    if (st != EW_OK) {
        fx->errors++;
        ew__http_respond(r, 500, NULL, NULL, 0);
        return;
    }
    if (path_is(r, "/hold")) {
        fx->errors += ew__http_stream_write(r, "held\n", 5) != EW_OK;
        fx->held = r;
        ew__http_set_abort(r, on_hold_abort, fx);
        return;
    }
    for (int i = 0; i < 3; i++) {
        char piece[32];
        int n = snprintf(piece, sizeof piece, "data: %d\n\n", i);
        fx->errors += ew__http_stream_write(r, piece, (size_t)n) != EW_OK;
    }
    ew__http_stream_end(r);
}

static void handler(void *user, ew__http_req *r)
{
    fixture *fx = user;
    if (path_is(r, "/echo")) {
        char len[24];
        snprintf(len, sizeof len, "%zu", r->body_len);
        ew__http_add_header(r, "x-len", len);
        ew__http_add_header(r, "x-bad", "a\r\nInjected: 1");
        ew__http_respond(r, 200, "application/octet-stream", r->body, r->body_len);
    } else if (path_is(r, "/slow")) {
        pending *p = calloc(1, sizeof *p);
        p->fx = fx;
        p->req = r;
        p->timer = evtimer_new(fx->base, on_slow_timer, p);
        int ms = r->head.query ? (int)strtol(r->head.query, NULL, 10) : 200;
        struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
        evtimer_add(p->timer, &tv);
        r->handler_data = p;
        ew__http_set_abort(r, on_slow_abort, p);
    } else if (path_is(r, "/stream") || path_is(r, "/hold")) {
        handle_stream(fx, r);
    } else if (path_is(r, "/release")) {
        if (fx->held) {
            ew__http_stream_end(fx->held);
            fx->held = NULL;
        }
        ew__http_respond(r, 200, "text/plain", "released", 8);
    } else if (path_is(r, "/drain")) {
        ew__http_respond(r, 200, "text/plain", "draining", 8);
        int ms = r->head.query ? (int)strtol(r->head.query, NULL, 10) : 2000;
        ew__http_server_drain(fx->srv, ms, on_drained, fx);
    } else {
        ew__http_respond(r, 200, "text/plain", "hello", 5);
    }
}

static void on_finish(void *user, ew__http_req *r)
{
    fixture *fx = user;
    fx->finished++;
    fx->last_status = r->status;
}

static void *loop_main(void *arg)
{
    fixture *fx = arg;
    event_base_dispatch(fx->base);
    return NULL;
}

static ew_limits_cfg test_limits(void)
{
    ew_limits_cfg l = {
        .max_connections = 64,
        .max_body_bytes = 65536,
        .max_header_bytes = 2048,
        .read_timeout_ms = 3000,
        .write_timeout_ms = 3000,
        .keepalive_timeout_ms = 3000,
        .max_concurrent_streams = 8,
        .drain_timeout_ms = 2000,
    };
    return l;
}

static fixture *start(ew_limits_cfg limits)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->base = event_base_new();
    ew__http_server_opts o = {fx->base, limits, handler, on_finish, fx};
    assert_int_equal(ew__http_server_new(&o, &fx->srv), EW_OK);
    ew_error err;
    assert_int_equal(ew__http_server_listen(fx->srv, "127.0.0.1", 0, &err), EW_OK);
    char addr[64];
    assert_int_equal(ew__http_server_address(fx->srv, 0, addr, sizeof addr), EW_OK);
    assert_true(strncmp(addr, "127.0.0.1:", 10) == 0);
    fx->port = (int)strtol(addr + 10, NULL, 10);
    assert_true(fx->port > 0);
    assert_int_equal(pthread_create(&fx->thread, NULL, loop_main, fx), 0);
    return fx;
}

static void stop(fixture *fx)
{
    /* loopexit, unlike loopbreak, also works if the loop has not started yet. */
    event_base_loopexit(fx->base, NULL);
    pthread_join(fx->thread, NULL);
    assert_int_equal(fx->errors, 0);
    ew__http_server_free(fx->srv);
    event_base_free(fx->base);
    free(fx);
}

static void test_server_basic(void **state)
{
    (void)state;
    fixture *fx = start(test_limits());
    static rbuf b;
    char v[128];
    resp *r = one(fx->port, "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_string_equal(r->body, "hello");
    assert_non_null(header_of(r, "date", v, sizeof v));
    assert_non_null(header_of(r, "x-request-id", v, sizeof v));
    assert_true(strncmp(v, "req_", 4) == 0);
    assert_int_equal(strlen(v), 20);

    /* A sane client id is echoed, a bad one replaced. */
    r = one(fx->port, "GET / HTTP/1.1\r\nHost: t\r\nX-Request-Id: abc-123\r\n\r\n", &b, NULL);
    assert_string_equal(header_of(r, "x-request-id", v, sizeof v), "abc-123");
    r = one(fx->port, "GET / HTTP/1.1\r\nHost: t\r\nX-Request-Id: a b\r\n\r\n", &b, NULL);
    assert_true(strncmp(header_of(r, "x-request-id", v, sizeof v), "req_", 4) == 0);

    /* Echo with Content-Length; headers with CR/LF are not sent. */
    r = one(fx->port, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nabcde", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_string_equal(r->body, "abcde");
    assert_string_equal(header_of(r, "x-len", v, sizeof v), "5");
    assert_null(header_of(r, "x-bad", v, sizeof v));
    assert_null(header_of(r, "injected", v, sizeof v));

    /* Chunked request body. */
    r = one(fx->port,
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
            &b, NULL);
    assert_string_equal(r->body, "abcde");

    /* HEAD: the length of the body, no body; the next response follows at once. */
    int fd = client(fx->port);
    send_str(fd, "HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
    rb_reset(&b);
    const char *second;
    while (!(second = strstr(b.data, "\r\n\r\nHTTP/1.1 200 OK\r\n")) || !strstr(second, "hello"))
        assert_true(fill(fd, &b));
    assert_non_null(strstr(b.data, "Content-Length: 5\r\n"));
    assert_true(strncmp(b.data, "HTTP/1.1 200 OK\r\n", 17) == 0);
    close(fd);
    stop(fx);
}

static void test_keepalive_and_pipelining(void **state)
{
    (void)state;
    fixture *fx = start(test_limits());
    static rbuf b;
    static resp r;
    int fd = client(fx->port);
    for (int i = 0; i < 5; i++) {
        send_str(fd, "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        assert_true(read_resp(fd, &b, &r));
        assert_int_equal(r.status, 200);
    }
    /* Three requests in one write, answered in order. */
    send_str(fd, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nA"
                 "\r\nPOST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nBB"
                 "GET /slow?50 HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(fd, &b, &r));
    assert_string_equal(r.body, "A");
    assert_true(read_resp(fd, &b, &r));
    assert_string_equal(r.body, "BB");
    assert_true(read_resp(fd, &b, &r));
    assert_string_equal(r.body, "late");
    /* Connection: close is honoured. */
    send_str(fd, "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    assert_true(read_resp(fd, &b, &r));
    char v[32];
    assert_string_equal(header_of(&r, "connection", v, sizeof v), "close");
    assert_true(closed_by_server(fd));
    close(fd);

    /* HTTP/1.0 closes unless asked to keep alive. */
    fd = client(fx->port);
    rb_reset(&b);
    send_str(fd, "GET / HTTP/1.0\r\n\r\n");
    assert_true(read_resp(fd, &b, &r));
    assert_true(closed_by_server(fd));
    close(fd);
    fd = client(fx->port);
    send_str(fd, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    assert_true(read_resp(fd, &b, &r));
    assert_string_equal(header_of(&r, "connection", v, sizeof v), "keep-alive");
    send_str(fd, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    assert_true(read_resp(fd, &b, &r));
    close(fd);
    stop(fx);
}

static void expect_error(resp *r, int status)
{
    char v[64];
    assert_int_equal(r->status, status);
    assert_string_equal(header_of(r, "content-type", v, sizeof v), "application/json");
    assert_non_null(header_of(r, "x-request-id", v, sizeof v));
    assert_non_null(strstr(r->body, "{\"error\":{\"message\":\""));
    assert_non_null(strstr(r->body, "\"type\":\"invalid_request_error\""));
}

static void test_limits_and_errors(void **state)
{
    (void)state;
    fixture *fx = start(test_limits());
    static rbuf b;
    int fd;
    char v[64];
    resp *r = one(fx->port, "GARBAGE\r\n\r\n", &b, &fd);
    expect_error(r, 400);
    assert_string_equal(header_of(r, "connection", v, sizeof v), "close");
    assert_true(closed_by_server(fd));
    close(fd);

    r = one(fx->port, "GET / HTTP/3.0\r\nHost: t\r\n\r\n", &b, NULL);
    expect_error(r, 505);

    /* Too large by Content-Length: answered before the body is sent. */
    r = one(fx->port, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 65537\r\n\r\n", &b, NULL);
    expect_error(r, 413);
    assert_non_null(strstr(r->body, "request_too_large"));

    /* Too large while chunks arrive. */
    fd = client(fx->port);
    send_str(fd, "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
    static char chunk[40000];
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 2; i++) {
        char sz[16];
        snprintf(sz, sizeof sz, "%zx\r\n", sizeof chunk - 3);
        send_str(fd, sz);
        chunk[sizeof chunk - 3] = '\r';
        chunk[sizeof chunk - 2] = '\n';
        chunk[sizeof chunk - 1] = '\0';
        send_str(fd, chunk);
    }
    rb_reset(&b);
    static resp r2;
    assert_true(read_resp(fd, &b, &r2));
    expect_error(&r2, 413);
    close(fd);

    /* Head larger than max_header_bytes (2048). */
    static char big[4096];
    int n = snprintf(big, sizeof big, "GET / HTTP/1.1\r\nHost: t\r\nX-Big: ");
    memset(big + n, 'a', 3000);
    memcpy(big + n + 3000, "\r\n\r\n", 5);
    r = one(fx->port, big, &b, NULL);
    expect_error(r, 431);

    /* After an error the server reads and drops input, but not forever. */
    fd = client(fx->port);
    send_str(fd, "BAD\r\n\r\n");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    static char junk[4096];
    memset(junk, 'j', sizeof junk - 1);
    bool closed = false;
    for (int i = 0; i < 400 && !closed; i++) {
        closed = send(fd, junk, sizeof junk - 1, MSG_NOSIGNAL) < 0;
        usleep(10 * 1000);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_true(closed);
    assert_true(t1.tv_sec - t0.tv_sec < 3 + 1);
    close(fd);

    /* Expect: 100-continue gets the interim response, then the answer. */
    fd = client(fx->port);
    rb_reset(&b);
    send_str(fd, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n"
                 "Expect: 100-continue\r\n\r\n");
    assert_true(read_resp(fd, &b, &r2));
    assert_int_equal(r2.status, 100);
    send_str(fd, "xyz");
    assert_true(read_resp(fd, &b, &r2));
    assert_int_equal(r2.status, 200);
    assert_string_equal(r2.body, "xyz");
    close(fd);
    stop(fx);
}

static bool readable_within(int fd, int ms)
{
    struct pollfd p = {fd, POLLIN, 0};
    return poll(&p, 1, ms) == 1;
}

static void test_timeouts(void **state)
{
    (void)state;
    ew_limits_cfg l = test_limits();
    l.read_timeout_ms = 200;
    l.keepalive_timeout_ms = 300;
    fixture *fx = start(l);
    static rbuf b;
    static resp r;

    /* A head that stops arriving gets 408, then the connection closes. */
    int fd = client(fx->port);
    send_str(fd, "GET / HTTP/1.1\r\nHo");
    rb_reset(&b);
    assert_true(read_resp(fd, &b, &r));
    expect_error(&r, 408);
    assert_true(closed_by_server(fd));
    close(fd);

    /* A head that trickles in still has to be complete within read_timeout. */
    fd = client(fx->port);
    send_str(fd, "GET / HTTP/1.1\r\n");
    int sent = 0;
    while (sent < 100 && !readable_within(fd, 50)) {
        send_str(fd, "X: y\r\n");
        sent++;
    }
    assert_true(sent < 100);
    rb_reset(&b);
    assert_true(read_resp(fd, &b, &r));
    expect_error(&r, 408);
    close(fd);

    /* An idle keep-alive connection is closed after keepalive_timeout. */
    fd = client(fx->port);
    send_str(fd, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(fd, &b, &r));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_true(closed_by_server(fd));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    assert_true(ms > 200 && ms < 5000);
    close(fd);

    /* A connection that never sends anything is closed after read_timeout. */
    fd = client(fx->port);
    assert_true(closed_by_server(fd));
    close(fd);
    stop(fx);

    /* keepalive_timeout 0: every response is the connection's last. */
    l.keepalive_timeout_ms = 0;
    fx = start(l);
    fd = client(fx->port);
    send_str(fd, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    rb_reset(&b);
    assert_true(read_resp(fd, &b, &r));
    char v[16];
    assert_string_equal(header_of(&r, "connection", v, sizeof v), "close");
    assert_true(closed_by_server(fd));
    close(fd);
    stop(fx);
}

static void test_max_connections(void **state)
{
    (void)state;
    ew_limits_cfg l = test_limits();
    l.max_connections = 2;
    fixture *fx = start(l);
    static rbuf b1, b3;
    static resp r;
    int c1 = client(fx->port);
    int c2 = client(fx->port);
    send_str(c1, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(c1, &b1, &r)); /* c1 is surely accepted */
    send_str(c2, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(c2, &b1, &r));
    /* The third waits in the backlog: connected, but not served. */
    int c3 = client(fx->port);
    send_str(c3, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_false(readable_within(c3, 300));
    close(c1);
    assert_true(read_resp(c3, &b3, &r));
    assert_int_equal(r.status, 200);
    close(c2);
    close(c3);
    stop(fx);
}

static void test_streams(void **state)
{
    (void)state;
    ew_limits_cfg l = test_limits();
    l.max_concurrent_streams = 1;
    fixture *fx = start(l);
    static rbuf b, bh;
    static resp r;
    resp *s = one(fx->port, "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    char v[64];
    assert_int_equal(s->status, 200);
    assert_string_equal(header_of(s, "transfer-encoding", v, sizeof v), "chunked");
    assert_string_equal(s->body, "data: 0\n\ndata: 1\n\ndata: 2\n\n");

    /* One stream held open: a second is refused while it lasts. */
    int h = client(fx->port);
    send_str(h, "GET /hold HTTP/1.1\r\nHost: t\r\n\r\n");
    while (!strstr(bh.data, "held\n"))
        assert_true(fill(h, &bh));
    s = one(fx->port, "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(s->status, 429);
    s = one(fx->port, "GET /release HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(s->status, 200);
    /* The held stream ends cleanly, and streams are possible again. */
    rb_reset(&bh);
    char *end;
    while (!(end = strstr(bh.data, "0\r\n\r\n")))
        assert_true(fill(h, &bh));
    close(h);
    s = one(fx->port, "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(s->status, 200);

    /* HTTP/1.0 streams are close-delimited. */
    int fd = client(fx->port);
    send_str(fd, "GET /stream HTTP/1.0\r\n\r\n");
    rb_reset(&b);
    while (fill(fd, &b))
        ;
    assert_non_null(strstr(b.data, "\r\n\r\ndata: 0\n\ndata: 1\n\ndata: 2\n\n"));
    assert_null(strstr(b.data, "chunked"));
    close(fd);
    (void)r;
    stop(fx);
}

static void test_client_abort(void **state)
{
    (void)state;
    fixture *fx = start(test_limits());
    static rbuf b;
    static resp r;
    int fd = client(fx->port);
    send_str(fd, "GET /slow?5000 HTTP/1.1\r\nHost: t\r\n\r\n");
    usleep(100 * 1000);
    close(fd);
    /* The abort callback runs, the handler finishes, the server lives on. */
    for (int i = 0; i < 100 && !__atomic_load_n(&fx->aborts, __ATOMIC_SEQ_CST); i++)
        usleep(10 * 1000);
    assert_int_equal(__atomic_load_n(&fx->aborts, __ATOMIC_SEQ_CST), 1);
    fd = client(fx->port);
    send_str(fd, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    rb_reset(&b);
    assert_true(read_resp(fd, &b, &r));
    assert_int_equal(r.status, 200);
    close(fd);
    stop(fx);
}

static void test_drain(void **state)
{
    (void)state;
    fixture *fx = start(test_limits());
    static rbuf ba, bb, bc;
    static resp r;
    /* A: in flight; B: idle keep-alive; C: asks for the drain. */
    int a = client(fx->port);
    send_str(a, "GET /slow?300 HTTP/1.1\r\nHost: t\r\n\r\n");
    int bfd = client(fx->port);
    send_str(bfd, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(bfd, &bb, &r));
    usleep(50 * 1000);
    int c = client(fx->port);
    send_str(c, "GET /drain?2000 HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(c, &bc, &r));
    assert_string_equal(r.body, "draining");
    assert_true(closed_by_server(bfd));
    /* The in-flight request completes, told the connection closes. */
    assert_true(read_resp(a, &ba, &r));
    assert_string_equal(r.body, "late");
    char v[32];
    assert_string_equal(header_of(&r, "connection", v, sizeof v), "close");
    pthread_join(fx->thread, NULL);
    assert_int_equal(fx->drained, 1);
    assert_int_equal(fx->aborts, 0);
    close(a);
    close(bfd);
    close(c);
    ew__http_server_free(fx->srv);
    event_base_free(fx->base);
    free(fx);
}

static void test_drain_deadline(void **state)
{
    (void)state;
    fixture *fx = start(test_limits());
    static rbuf ba, bc;
    static resp r;
    int a = client(fx->port);
    send_str(a, "GET /hold HTTP/1.1\r\nHost: t\r\n\r\n");
    while (!strstr(ba.data, "held\n"))
        assert_true(fill(a, &ba));
    int c = client(fx->port);
    send_str(c, "GET /drain?200 HTTP/1.1\r\nHost: t\r\n\r\n");
    assert_true(read_resp(c, &bc, &r));
    /* The held stream outlives the deadline: it is aborted and closed. */
    pthread_join(fx->thread, NULL);
    assert_int_equal(fx->drained, 1);
    assert_int_equal(fx->aborts, 1);
    while (fill(a, &ba))
        ;
    close(a);
    close(c);
    ew__http_server_free(fx->srv);
    event_base_free(fx->base);
    free(fx);
}

int main(void)
{
    evthread_use_pthreads();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_request),
        cmocka_unit_test(test_parse_faults),
        cmocka_unit_test(test_head_end),
        cmocka_unit_test(test_chunked),
        cmocka_unit_test(test_small_helpers),
        cmocka_unit_test(test_server_basic),
        cmocka_unit_test(test_keepalive_and_pipelining),
        cmocka_unit_test(test_limits_and_errors),
        cmocka_unit_test(test_timeouts),
        cmocka_unit_test(test_max_connections),
        cmocka_unit_test(test_streams),
        cmocka_unit_test(test_client_abort),
        cmocka_unit_test(test_drain),
        cmocka_unit_test(test_drain_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
