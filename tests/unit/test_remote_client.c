/* The cloud client against a real loopback upstream that injects faults
 * (tests/tools/fault_upstream.py). Each scenario asserts what our caller sees:
 * retry or fallback before the first delta, a clean error after it, timeouts
 * within their bounds, no call or transfer left behind, and no secret in any
 * log line or error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/log.h"
#include "remote/remote.h"

#define TEST_KEY "sk-test-7Hq2ZpXv9LrT4mWb"
#define TLS_PIN  "sha256//FbQDcjv6yoNwGEumSNJPuW036E5DTPfuiL4+YE1cCXg="

/* ---- the upstream process ---------------------------------------------------------- */

typedef struct upstream {
    pid_t pid;
    int in_fd; /* its stdin: closing it stops the server */
    int port;
} upstream;

static upstream plain, tls;
static char record_path[256];
static char src_dir[PATH_MAX];

static void src_path(char *out, size_t size, const char *rel)
{
    snprintf(out, size, "%s/%s", src_dir, rel);
}

/* Starts fault_upstream.py with extra arguments and reads its port. */
static int upstream_start(upstream *u, const char *const *extra)
{
    int in[2], out[2];
    if (pipe(in) || pipe(out)) return -1;
    char script[PATH_MAX + 64];
    src_path(script, sizeof script, "tests/tools/fault_upstream.py");
    const char *argv[24] = {"python3", script, "--port", "0"};
    int n = 4;
    for (int i = 0; extra && extra[i] && n < 22; i++)
        argv[n++] = extra[i];
    argv[n] = NULL;
    u->pid = fork();
    if (u->pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execvp("python3", (char *const *)argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    u->in_fd = in[1];
    char line[64] = {0};
    size_t len = 0;
    struct pollfd p = {.fd = out[0], .events = POLLIN};
    while (len < sizeof line - 1 && !strchr(line, '\n') && poll(&p, 1, 10000) == 1) {
        ssize_t r = read(out[0], line + len, sizeof line - 1 - len);
        if (r <= 0) break;
        len += (size_t)r;
    }
    close(out[0]);
    return sscanf(line, "PORT %d", &u->port) == 1 ? 0 : -1;
}

static void upstream_stop(upstream *u)
{
    if (u->pid <= 0) return;
    close(u->in_fd);
    for (int i = 0; i < 100; i++) {
        if (waitpid(u->pid, NULL, WNOHANG) == u->pid) {
            u->pid = 0;
            return;
        }
        usleep(20000);
    }
    kill(u->pid, SIGKILL);
    waitpid(u->pid, NULL, 0);
    u->pid = 0;
}

/* A blocking GET to the plain upstream, for its /_stats and /_last. */
static size_t sink_body(char *p, size_t s, size_t n, void *ud)
{
    ew_buf_append(ud, p, s * n);
    return s * n;
}

static void upstream_get(const char *path, ew_buf *out)
{
    char url[256];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", plain.port, path);
    CURL *e = curl_easy_init();
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(e, CURLOPT_PROXY, "");
    ew_buf_reset(out);
    assert_int_equal(curl_easy_perform(e), CURLE_OK);
    curl_easy_cleanup(e);
}

/* How many requests the upstream saw for a scenario (from /_stats). */
static int upstream_count(const char *scenario)
{
    ew_buf b;
    ew_buf_init(&b, 1 << 20);
    upstream_get("/_stats", &b);
    char key[128];
    snprintf(key, sizeof key, "\"%s\": ", scenario);
    const char *p = strstr(b.data, key);
    int n = p ? (int)strtol(p + strlen(key), NULL, 10) : 0;
    ew_buf_cleanup(&b);
    return n;
}

/* ---- log capture -------------------------------------------------------------------- */

static ew_buf logbuf;

static void log_sink(void *user, ew_log_level level, const char *rid, const char *msg)
{
    (void)user;
    ew_buf_printf(&logbuf, "%s %s %s\n", ew_log_level_name(level), rid ? rid : "-", msg);
}

/* Every error message any test saw, for the secret check at the end. */
static ew_buf errbuf;

/* ---- running calls -------------------------------------------------------------------- */

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

typedef struct outcome {
    int starts, deltas, dones, errors;
    ew_buf content;
    char role[16];
    char backend[64];
    char finish[32];
    int http_version;
    int attempts;
    ew__usage usage;
    ew__remote_failure fail;
    char fail_msg[512];
    char fail_backend[64];
    int cancel_after; /* cancel from inside on_delta after this many deltas */
    int pause_after;  /* pause from inside on_delta after this many deltas */
    ew__remote_call *call;
    int *finished;
    uint64_t t0, t_end;
    ew_buf body; /* raw calls */
    ew__remote *r;
    int transfers_at_done; /* transfers still in curl when on_done ran */
} outcome;

static void cb_start(void *u, const ew__remote_start_info *i)
{
    outcome *o = u;
    assert_int_equal(o->deltas, 0);
    assert_int_equal(o->starts, 0);
    o->starts++;
    o->http_version = i->http_version;
    snprintf(o->backend, sizeof o->backend, "%s", i->backend);
}

static void cb_delta(void *u, const ew__openai_delta *d)
{
    outcome *o = u;
    assert_int_equal(o->starts, 1);
    o->deltas++;
    if (d->role) snprintf(o->role, sizeof o->role, "%s", d->role);
    if (d->content) ew_buf_append(&o->content, d->content, d->content_len);
    if (o->pause_after && o->deltas == o->pause_after) ew__remote_pause(o->call, true);
    if (o->cancel_after && o->deltas == o->cancel_after) {
        ew__remote_cancel(o->call);
        (*o->finished)++;
    }
}

static void cb_done(void *u, const ew__remote_result *r)
{
    outcome *o = u;
    assert_int_equal(o->dones + o->errors, 0);
    o->dones++;
    o->attempts = r->attempts;
    o->usage = r->usage;
    snprintf(o->finish, sizeof o->finish, "%s", r->finish_reason ? r->finish_reason : "");
    snprintf(o->backend, sizeof o->backend, "%s", r->backend);
    if (r->body) ew_buf_append(&o->body, r->body, r->body_len);
    if (o->r) {
        ew__remote_stats s;
        ew__remote_stats_get(o->r, &s);
        o->transfers_at_done = s.transfers;
    }
    o->t_end = now_ms();
    (*o->finished)++;
}

static void cb_error(void *u, const ew__remote_failure *f)
{
    outcome *o = u;
    assert_int_equal(o->dones + o->errors, 0);
    o->errors++;
    o->fail = *f;
    snprintf(o->fail_msg, sizeof o->fail_msg, "%s", f->message);
    o->fail.message = o->fail_msg;
    snprintf(o->fail_backend, sizeof o->fail_backend, "%s", f->backend ? f->backend : "");
    o->fail.backend = o->fail_backend;
    o->attempts = f->attempts;
    ew_buf_printf(&errbuf, "%s\n", f->message);
    o->t_end = now_ms();
    (*o->finished)++;
}

static const ew__remote_callbacks callbacks = {cb_start, cb_delta, cb_done, cb_error};

static void outcome_init(outcome *o, int *finished)
{
    memset(o, 0, sizeof *o);
    ew_buf_init(&o->content, 1 << 20);
    ew_buf_init(&o->body, 1 << 20);
    o->finished = finished;
}

static void outcome_cleanup(outcome *o)
{
    ew_buf_cleanup(&o->content);
    ew_buf_cleanup(&o->body);
}

static void tick(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    (void)arg;
}

/* Runs the loop until *count reaches want or timeout_ms passes. */
static void run_until(struct event_base *base, const int *count, int want, int timeout_ms)
{
    struct event *t = event_new(base, -1, EV_PERSIST, tick, NULL);
    struct timeval tv = {0, 20000};
    event_add(t, &tv);
    uint64_t end = now_ms() + (uint64_t)timeout_ms;
    while (*count < want && now_ms() < end)
        event_base_loop(base, EVLOOP_ONCE);
    event_free(t);
}

/* ---- fixtures --------------------------------------------------------------------------- */

static char url_pool[64][256];
static int url_next;

static ew_backend_cfg backend(const char *name, const char *scenario)
{
    char *url = url_pool[url_next++ % 64];
    snprintf(url, 256, "http://127.0.0.1:%d/s/%s/v1", plain.port, scenario);
    return (ew_backend_cfg){
        .name = name,
        .base_url = url,
        .api_key_env = "EW_TEST_KEY",
        .weight = 1,
        .connect_timeout_ms = 2000,
        .first_byte_timeout_ms = 3000,
        .idle_timeout_ms = 3000,
        .total_timeout_ms = 15000,
        .max_retries = 2,
        .proxy = "", /* loopback tests must not follow a proxy from the environment */
    };
}

typedef struct fx {
    struct event_base *base;
    ew__remote *r;
} fx;

static void fx_open(fx *f, ew_backend_cfg *b, int n, const ew__remote_opts *tweak)
{
    f->base = event_base_new();
    assert_non_null(f->base);
    ew__remote_opts o = tweak ? *tweak : (ew__remote_opts){0};
    o.base = f->base;
    o.backends = b;
    o.n_backends = n;
    if (!o.retry_base_ms) o.retry_base_ms = 20;
    if (!o.retry_max_ms) o.retry_max_ms = 80;
    ew_error err;
    int st = ew__remote_new(&o, &f->r, &err);
    if (st) fail_msg("ew__remote_new: %s", err.message);
}

/* Runs the loop until no call is left (5 s at most): a call that answered
 * at its stream's [DONE] lasts until curl has read the rest of the
 * response. */
static void wind_down(fx *f)
{
    ew__remote_stats s;
    struct event *t = event_new(f->base, -1, EV_PERSIST, tick, NULL);
    struct timeval tv = {0, 20000};
    event_add(t, &tv);
    uint64_t end = now_ms() + 5000;
    for (ew__remote_stats_get(f->r, &s); s.calls > 0 && now_ms() < end;
         ew__remote_stats_get(f->r, &s))
        event_base_loop(f->base, EVLOOP_ONCE);
    event_free(t);
}

/* Frees the client after checking nothing is left in flight. */
static void fx_close(fx *f)
{
    ew__remote_stats s;
    wind_down(f);
    ew__remote_stats_get(f->r, &s);
    assert_int_equal(s.calls, 0);
    assert_int_equal(s.transfers, 0);
    ew__remote_free(f->r);
    event_base_free(f->base);
}

static ew_message user_msg = {.role = EW_ROLE_USER, .content = "Hello there", .content_len = 11};

static ew_request request(bool stream)
{
    return (ew_request){.model = "auto",
                        .is_chat = true,
                        .messages = &user_msg,
                        .n_messages = 1,
                        .stream = stream,
                        .max_tokens = -1,
                        .temperature = NAN,
                        .top_p = NAN};
}

/* Starts one call with opts and runs it to its end. */
static void run_call(fx *f, const ew__remote_call_opts *opts, outcome *o, int timeout_ms)
{
    int finished = 0;
    outcome_init(o, &finished);
    o->r = f->r;
    ew_error err;
    o->t0 = now_ms();
    int st = ew__remote_start(f->r, opts, &callbacks, o, &o->call, &err);
    if (st) fail_msg("start: %s", err.message);
    run_until(f->base, &finished, 1, timeout_ms);
    assert_int_equal(finished, 1);
    o->finished = NULL;
}

static void run_req(fx *f, bool stream, outcome *o)
{
    ew_request req = request(stream);
    ew__remote_call_opts opts = {.req = &req, .request_id = "rid-1"};
    run_call(f, &opts, o, 20000);
}

/* One client, one call, then the client is closed (checking nothing is left in
 * flight); the outcome stays for the caller to check and clean up. */
static void run_alone(ew_backend_cfg *b, int n, const ew__remote_opts *tweak, bool stream,
                      outcome *o)
{
    fx f;
    fx_open(&f, b, n, tweak);
    run_req(&f, stream, o);
    fx_close(&f);
}

static const char answer[] =
    "Hello from the fault upstream. This answer is streamed in small pieces.";

/* ---- scenarios -------------------------------------------------------------------------- */

static void test_stream_ok(void **state)
{
    (void)state;
    ew_model_map_cfg map[] = {{"auto", "up-model"}, {"other", "x"}};
    ew_header_cfg hdr[] = {{"X-Extra", "yes"}};
    ew_backend_cfg b = backend("main", "ok");
    b.models = map;
    b.n_models = 2;
    b.headers = hdr;
    b.n_headers = 1;
    fx f;
    fx_open(&f, &b, 1, NULL);
    outcome o;
    run_req(&f, true, &o);
    assert_int_equal(o.errors, 0);
    assert_int_equal(o.dones, 1);
    assert_int_equal(o.starts, 1);
    assert_int_equal(o.deltas, 10); /* 9 pieces and the finish chunk */
    assert_string_equal(o.content.data, answer);
    assert_string_equal(o.role, "assistant");
    assert_string_equal(o.finish, "stop");
    assert_string_equal(o.backend, "main");
    assert_int_equal(o.attempts, 1);
    /* Usage is always asked for upstream, so it is always counted. */
    assert_true(o.usage.present);
    assert_true(o.usage.completion_tokens > 0);
    /* What the upstream received. */
    ew_buf last;
    ew_buf_init(&last, 1 << 20);
    upstream_get("/_last", &last);
    assert_non_null(strstr(last.data, "\"authorization\": \"Bearer " TEST_KEY "\""));
    assert_non_null(strstr(last.data, "\"x-request-id\": \"rid-1\""));
    assert_non_null(strstr(last.data, "\"x-extra\": \"yes\""));
    assert_non_null(strstr(last.data, "\"user-agent\": \"edgeway/"));
    assert_non_null(strstr(last.data, "\\\"model\\\":\\\"up-model\\\""));
    assert_non_null(strstr(last.data, "\\\"include_usage\\\":true"));
    assert_null(strstr(last.data, "\"expect\""));
    ew_buf_cleanup(&last);
    outcome_cleanup(&o);
    /* The RTT is read when the transfer ends, which may come after [DONE]
     * reached the user (the upstream writes the terminator apart). */
    wind_down(&f);
    ew_backend_health h;
    assert_int_equal(ew__remote_health(f.r, &h, 1), 1);
    assert_int_equal(h.breaker, EW_BREAKER_CLOSED);
    assert_true(h.ttfb_ms >= 0);
    assert_true(h.rtt_ms >= 0);
    assert_int_equal(h.attempts, 1);
    fx_close(&f);
}

/* A stream's end reaches the user at its [DONE], not when the upstream gets
 * round to the chunked terminator (300 ms later here). The call lasts until
 * curl has read that, and the connection is kept for the next call. */
static void test_done_before_terminator(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "late_end:300");
    fx f;
    fx_open(&f, &b, 1, NULL);
    outcome o;
    run_req(&f, true, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.content.data, answer);
    assert_string_equal(o.finish, "stop");
    assert_true(o.usage.present);
    ew__remote_stats s;
    ew__remote_stats_get(f.r, &s);
    assert_int_equal(s.calls, 1);
    outcome_cleanup(&o);
    wind_down(&f);
    run_req(&f, true, &o);
    assert_int_equal(o.dones, 1);
    outcome_cleanup(&o);
    wind_down(&f);
    ew__remote_stats_get(f.r, &s);
    assert_int_equal(s.connections, 1);
    fx_close(&f);
}

static void test_whole_ok_and_reuse(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "ok");
    fx f;
    fx_open(&f, &b, 1, NULL);
    for (int i = 0; i < 5; i++) {
        outcome o;
        run_req(&f, false, &o);
        assert_int_equal(o.dones, 1);
        assert_int_equal(o.deltas, 1);
        assert_string_equal(o.content.data, answer);
        assert_string_equal(o.finish, "stop");
        assert_true(o.usage.present);
        /* The answer reached us before its transfer left curl. */
        assert_int_equal(o.transfers_at_done, 1);
        outcome_cleanup(&o);
    }
    /* Five calls, one connection: keep-alive reuse. */
    ew__remote_stats s;
    ew__remote_stats_get(f.r, &s);
    assert_int_equal(s.connections, 1);
    assert_int_equal(s.started, 5);
    fx_close(&f);
}

/* Loop passes in ms milliseconds of an otherwise idle loop (a 20 ms tick). */
static int idle_passes(struct event_base *base, int ms)
{
    struct event *t = event_new(base, -1, EV_PERSIST, tick, NULL);
    struct timeval tv = {0, 20000};
    event_add(t, &tv);
    int n = 0;
    for (uint64_t end = now_ms() + (uint64_t)ms; now_ms() < end; n++)
        event_base_loop(base, EVLOOP_ONCE);
    event_free(t);
    return n;
}

/* The upstream closes each kept-alive connection 100 ms after its answer,
 * while the client holds it idle (its socket's event stays registered
 * between transfers). The loop must not spin on the closed socket, and the
 * next call must find the connection dead and open a new one, whether the
 * loop saw the close first or not. */
static void test_idle_connection_closed(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "idle_close:0.1");
    b.max_retries = 0;
    fx f;
    fx_open(&f, &b, 1, NULL);
    for (int i = 0; i < 3; i++) {
        outcome o;
        run_req(&f, false, &o);
        assert_int_equal(o.dones, 1);
        assert_string_equal(o.content.data, answer);
        outcome_cleanup(&o);
        if (i == 0) assert_in_range(idle_passes(f.base, 400), 1, 100);
        if (i == 1) usleep(400000);
    }
    ew__remote_stats s;
    ew__remote_stats_get(f.r, &s);
    assert_int_equal(s.connections, 3);
    fx_close(&f);
}

static void test_retry_then_fail(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "500");
    int before = upstream_count("500");
    fx f;
    fx_open(&f, &b, 1, NULL);
    outcome o;
    run_req(&f, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.starts, 0);
    assert_int_equal(o.fail.status, EW_ERR_UPSTREAM);
    assert_int_equal(o.fail.http_status, 500);
    assert_false(o.fail.delivered);
    assert_int_equal(o.attempts, 3); /* 1 + max_retries */
    assert_int_equal(upstream_count("500") - before, 3);
    assert_non_null(strstr(o.fail_msg, "injected HTTP 500"));
    ew__remote_stats s;
    ew__remote_stats_get(f.r, &s);
    assert_int_equal(s.retries, 2);
    outcome_cleanup(&o);
    fx_close(&f);
}

static void test_retry_then_succeed(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "flaky:2:500");
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.dones, 1);
    assert_int_equal(o.attempts, 3);
    assert_string_equal(o.content.data, answer);
    outcome_cleanup(&o);
}

static void test_fallback_before_first_byte(void **state)
{
    (void)state;
    const char *bad[] = {"500", "reset_before", "bad_json", "bad_sse", "503:0", "404"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ew_backend_cfg b[2] = {backend("first", bad[i]), backend("second", "ok")};
        b[0].max_retries = 1;
        b[1].priority = 1;
        fx f;
        fx_open(&f, b, 2, NULL);
        for (int stream = 0; stream < 2; stream++) {
            outcome o;
            run_req(&f, stream, &o);
            if (o.dones != 1) fail_msg("scenario %s: %s", bad[i], o.fail_msg);
            assert_string_equal(o.backend, "second");
            assert_string_equal(o.content.data, answer);
            /* 404 is not retried on the same backend; the others are once. */
            assert_int_equal(o.attempts, !strcmp(bad[i], "404") ? 2 : 3);
            outcome_cleanup(&o);
        }
        fx_close(&f);
    }
}

/* The body is written once for the first backend's model; a fallback that
 * maps the model to another name gets that name and the same rest. */
static void test_fallback_maps_model(void **state)
{
    (void)state;
    ew_model_map_cfg map_a[] = {{"auto", "model-a"}};
    ew_model_map_cfg map_b[] = {{"auto", "a-much-longer-model-name-b"}};
    ew_backend_cfg b[2] = {backend("first", "500"), backend("second", "ok")};
    b[0].models = map_a;
    b[0].n_models = 1;
    b[1].models = map_b;
    b[1].n_models = 1;
    b[1].priority = 1;
    fx f;
    fx_open(&f, b, 2, NULL);
    for (int round = 0; round < 3; round++) { /* recycled calls start clean */
        outcome o;
        run_req(&f, round % 2, &o);
        if (o.dones != 1) fail_msg("round %d: %s", round, o.fail_msg);
        assert_string_equal(o.backend, "second");
        assert_string_equal(o.content.data, answer);
        outcome_cleanup(&o);
        ew_buf last;
        ew_buf_init(&last, 1 << 20);
        upstream_get("/_last", &last);
        assert_non_null(strstr(last.data, "\\\"model\\\":\\\"a-much-longer-model-name-b\\\","));
        assert_null(strstr(last.data, "model-a"));
        if (round % 2) assert_non_null(strstr(last.data, "\\\"include_usage\\\":true"));
        assert_non_null(strstr(last.data, "\\\"content\\\":\\\""));
        /* Streams ask for SSE; whole answers send no Accept line at all (not
         * even curl's default); /_last lowercases header names. */
        if (round % 2)
            assert_non_null(strstr(last.data, "\"accept\": \"text/event-stream\""));
        else
            assert_null(strstr(last.data, "\"accept\""));
        ew_buf_cleanup(&last);
    }
    fx_close(&f);
}

static void test_retry_after(void **state)
{
    (void)state;
    /* One backend: wait as long as Retry-After says, then succeed. */
    ew_backend_cfg b = backend("main", "flaky:1:429:1");
    fx f;
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.dones, 1);
    assert_true(o.t_end - o.t0 >= 1000);
    assert_true(o.t_end - o.t0 < 3000);
    outcome_cleanup(&o);

    /* Two backends: a long Retry-After sends us to the next one at once, and
     * later calls skip the blocked backend. */
    ew_backend_cfg two[2] = {backend("limited", "429:30"), backend("spare", "ok")};
    two[1].priority = 1;
    int before = upstream_count("429:30");
    fx_open(&f, two, 2, NULL);
    for (int i = 0; i < 3; i++) {
        run_req(&f, true, &o);
        assert_int_equal(o.dones, 1);
        assert_string_equal(o.backend, "spare");
        assert_true(o.t_end - o.t0 < 1000);
        outcome_cleanup(&o);
    }
    assert_int_equal(upstream_count("429:30") - before, 1);
    ew_backend_health h[2];
    assert_int_equal(ew__remote_health(f.r, h, 2), 2);
    assert_false(h[0].available);
    assert_true(h[0].retry_after_ms > 25000);
    assert_true(h[1].available);
    fx_close(&f);

    /* A rate limit that persists past the retries is reported as such. */
    ew_backend_cfg one = backend("limited", "429:0");
    one.max_retries = 1;
    run_alone(&one, 1, NULL, false, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_RATE_LIMIT);
    assert_int_equal(o.fail.http_status, 429);
    outcome_cleanup(&o);
}

/* A failure after the first delta: no retry, a clean error that says so. */
static void expect_mid_stream_error(const char *scenario, int status, const char *msg_part,
                                    int idle_ms)
{
    ew_backend_cfg b[2] = {backend("first", scenario), backend("second", "ok")};
    b[0].idle_timeout_ms = idle_ms;
    b[1].priority = 1;
    int before = upstream_count(scenario);
    fx f;
    fx_open(&f, b, 2, NULL);
    outcome o;
    run_req(&f, true, &o);
    if (o.errors != 1) fail_msg("%s: expected an error", scenario);
    assert_int_equal(o.starts, 1);
    assert_int_equal(o.deltas, 2);
    assert_string_equal(o.content.data, "Hello from the f");
    assert_true(o.fail.delivered);
    assert_int_equal(o.attempts, 1);
    assert_string_equal(o.fail.backend, "first");
    if (o.fail.status != status || !strstr(o.fail_msg, msg_part))
        fail_msg("%s: %s \"%s\"", scenario, ew_status_name(o.fail.status), o.fail_msg);
    assert_int_equal(upstream_count(scenario) - before, 1);
    outcome_cleanup(&o);
    fx_close(&f);
}

static void test_mid_stream_failures(void **state)
{
    (void)state;
    expect_mid_stream_error("reset_mid", EW_ERR_UPSTREAM, "connection", 3000);
    expect_mid_stream_error("close_mid", EW_ERR_UPSTREAM, "first", 3000);
    expect_mid_stream_error("bad_sse_mid", EW_ERR_UPSTREAM, "garbage", 3000);
    expect_mid_stream_error("error_event", EW_ERR_UPSTREAM, "injected mid-stream error", 3000);
    expect_mid_stream_error("stall_mid:5", EW_ERR_TIMEOUT, "idle timeout", 300);
}

static void test_no_done(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "no_done");
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    assert_true(o.fail.delivered);
    assert_string_equal(o.content.data, answer);
    assert_non_null(strstr(o.fail_msg, "before [DONE]"));
    outcome_cleanup(&o);
}

/* Cut after the finish_reason: the answer is whole, so it is a success. */
static void test_reset_after_finish(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "reset_end");
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.content.data, answer);
    assert_string_equal(o.finish, "stop");
    assert_false(o.usage.present);
    outcome_cleanup(&o);
}

static void test_timeouts(void **state)
{
    (void)state;
    /* First byte: 300 ms, no retry. */
    ew_backend_cfg b = backend("main", "stall:5");
    b.first_byte_timeout_ms = 300;
    b.max_retries = 0;
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_TIMEOUT);
    assert_false(o.fail.delivered);
    assert_non_null(strstr(o.fail_msg, "first-byte timeout"));
    uint64_t took = o.t_end - o.t0;
    if (took < 290 || took > 1500)
        fail_msg("first-byte timeout took %llu ms", (unsigned long long)took);
    outcome_cleanup(&o);

    /* One retry: two timeouts plus a short backoff. */
    b.max_retries = 1;
    run_alone(&b, 1, NULL, false, &o);
    took = o.t_end - o.t0;
    assert_int_equal(o.attempts, 2);
    if (took < 590 || took > 2500)
        fail_msg("two first-byte timeouts took %llu ms", (unsigned long long)took);
    outcome_cleanup(&o);

    /* A slow drip within the idle timeout completes. */
    ew_backend_cfg d = backend("main", "drip:30");
    d.idle_timeout_ms = 300;
    run_alone(&d, 1, NULL, true, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.content.data, answer);
    outcome_cleanup(&o);

    /* The total timeout bounds a drip that is too slow overall. */
    d.total_timeout_ms = 200;
    run_alone(&d, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_TIMEOUT);
    assert_non_null(strstr(o.fail_msg, "total timeout"));
    took = o.t_end - o.t0;
    if (took < 190 || took > 1500) fail_msg("total timeout took %llu ms", (unsigned long long)took);
    outcome_cleanup(&o);

    /* Connect timeout to a blackhole address, bounded by connect_timeout_ms. */
    ew_backend_cfg c = backend("main", "ok");
    c.base_url = "http://10.255.255.1:9/v1";
    c.connect_timeout_ms = 200;
    c.max_retries = 0;
    run_alone(&c, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    took = o.t_end - o.t0;
    if (took > 2000) fail_msg("connect timeout took %llu ms", (unsigned long long)took);
    outcome_cleanup(&o);
}

static void test_caps(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "huge_line");
    b.max_retries = 0;
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_TOO_LARGE);
    assert_non_null(strstr(o.fail_msg, "longer than"));
    assert_false(o.fail.delivered);
    outcome_cleanup(&o);

    ew_backend_cfg w = backend("main", "huge_body");
    ew__remote_opts tweak = {.max_response_bytes = 1 << 20};
    run_alone(&w, 1, &tweak, false, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_TOO_LARGE);
    assert_int_equal(o.attempts, 1); /* not retried */
    outcome_cleanup(&o);
}

static void test_client_errors(void **state)
{
    (void)state;
    /* 400: our request is at fault; no retry, no fallback, upstream message kept. */
    ew_backend_cfg b[2] = {backend("first", "400"), backend("second", "ok")};
    b[1].priority = 1;
    int before = upstream_count("ok");
    fx f;
    fx_open(&f, b, 2, NULL);
    outcome o;
    run_req(&f, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_INVALID);
    assert_int_equal(o.fail.http_status, 400);
    assert_int_equal(o.attempts, 1);
    assert_non_null(strstr(o.fail_msg, "injected HTTP 400"));
    assert_int_equal(upstream_count("ok"), before);
    outcome_cleanup(&o);
    ew_backend_health h[2];
    ew__remote_health(f.r, h, 2);
    assert_true(h[0].error_rate == 0.0); /* not the backend's fault */
    fx_close(&f);

    /* 401: the upstream quotes our key back; the error must not. Then fallback. */
    ew_backend_cfg a[2] = {backend("first", "401"), backend("second", "auth")};
    a[1].priority = 1;
    run_alone(a, 2, NULL, true, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.backend, "second");
    assert_int_equal(o.attempts, 2);
    outcome_cleanup(&o);
    ew_backend_cfg one = backend("first", "401");
    run_alone(&one, 1, NULL, false, &o);
    assert_int_equal(o.fail.status, EW_ERR_AUTH);
    assert_null(strstr(o.fail_msg, TEST_KEY));
    assert_null(strstr(o.fail_msg, "sk-test"));
    outcome_cleanup(&o);
}

static void test_breaker_and_probe(void **state)
{
    (void)state;
    ew_backend_cfg b[2] = {backend("flaky", "flaky:3:500"), backend("spare", "ok")};
    b[0].max_retries = 1;
    b[1].priority = 1;
    ew__remote_opts tweak = {.breaker = {.failure_threshold = 2, .open_ms = 300}};
    fx f;
    fx_open(&f, b, 2, &tweak);
    outcome o;
    /* Two failed attempts open the breaker; the call falls back. */
    run_req(&f, true, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.backend, "spare");
    outcome_cleanup(&o);
    ew_backend_health h[2];
    ew__remote_health(f.r, h, 2);
    assert_int_equal(h[0].breaker, EW_BREAKER_OPEN);
    assert_false(h[0].available);
    /* While open, calls skip it without contacting it. */
    int before = upstream_count("flaky:3:500");
    run_req(&f, true, &o);
    assert_string_equal(o.backend, "spare");
    assert_int_equal(o.attempts, 1);
    outcome_cleanup(&o);
    assert_int_equal(upstream_count("flaky:3:500"), before);
    /* After the cool-down a probe goes through: it fails (third 500), reopens. */
    usleep(350000);
    run_req(&f, true, &o);
    assert_string_equal(o.backend, "spare");
    outcome_cleanup(&o);
    ew__remote_health(f.r, h, 2);
    assert_int_equal(h[0].breaker, EW_BREAKER_OPEN);
    /* The next probe, after a doubled cool-down, succeeds and closes it. */
    usleep(650000);
    run_req(&f, true, &o);
    assert_string_equal(o.backend, "flaky");
    outcome_cleanup(&o);
    ew__remote_health(f.r, h, 2);
    assert_int_equal(h[0].breaker, EW_BREAKER_CLOSED);
    assert_true(h[0].error_rate > 0.0);
    fx_close(&f);

    /* With every breaker open, start fails at once and no callback runs. */
    ew_backend_cfg only = backend("down", "500");
    only.max_retries = 1;
    fx_open(&f, &only, 1, &tweak);
    run_req(&f, true, &o);
    outcome_cleanup(&o);
    ew_request req = request(true);
    ew__remote_call_opts opts = {.req = &req};
    ew_error err;
    assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, NULL, NULL, &err),
                     EW_ERR_UNAVAILABLE);
    opts.backend = "nope";
    assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, NULL, NULL, &err), EW_ERR_NOT_FOUND);
    fx_close(&f);
}

static void test_weights(void **state)
{
    (void)state;
    ew_backend_cfg b[3] = {backend("a", "ok"), backend("b", "echo"), backend("c", "500")};
    b[0].weight = 3;
    b[1].weight = 1;
    b[2].priority = 5;
    fx f;
    fx_open(&f, b, 3, NULL);
    int first = 0;
    for (int i = 0; i < 60; i++) {
        outcome o;
        run_req(&f, false, &o);
        assert_int_equal(o.dones, 1);
        assert_true(!strcmp(o.backend, "a") || !strcmp(o.backend, "b"));
        first += !strcmp(o.backend, "a");
        outcome_cleanup(&o);
    }
    /* 3:1 weights: "a" about 45 of 60 (sd 3.4); never all, never half. */
    assert_true(first > 30 && first < 59);
    fx_close(&f);
}

static void test_cancel(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "drip:20");
    fx f;
    fx_open(&f, &b, 1, NULL);
    /* From inside on_delta, after two deltas: nothing follows. */
    int finished = 0;
    outcome o;
    outcome_init(&o, &finished);
    o.cancel_after = 2;
    ew_request req = request(true);
    ew__remote_call_opts opts = {.req = &req};
    assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, &o, &o.call, NULL), EW_OK);
    run_until(f.base, &finished, 1, 5000);
    int never = 0;
    run_until(f.base, &never, 1, 300); /* let anything that would follow arrive */
    assert_int_equal(o.deltas, 2);
    assert_int_equal(o.dones + o.errors, 0);
    outcome_cleanup(&o);
    /* From outside, while the upstream stalls. */
    ew_backend_cfg s = backend("main", "stall:5");
    ew__remote *r2;
    ew__remote_opts ro = {.base = f.base, .backends = &s, .n_backends = 1};
    assert_int_equal(ew__remote_new(&ro, &r2, NULL), EW_OK);
    outcome_init(&o, &finished);
    assert_int_equal(ew__remote_start(r2, &opts, &callbacks, &o, &o.call, NULL), EW_OK);
    run_until(f.base, &never, 1, 200);
    ew__remote_stats st;
    ew__remote_stats_get(r2, &st);
    assert_int_equal(st.transfers, 1);
    ew__remote_cancel(o.call);
    ew__remote_stats_get(r2, &st);
    assert_int_equal(st.transfers, 0);
    assert_int_equal(st.calls, 0);
    /* Right after start, before the loop ran. */
    assert_int_equal(ew__remote_start(r2, &opts, &callbacks, &o, &o.call, NULL), EW_OK);
    ew__remote_cancel(o.call);
    run_until(f.base, &never, 1, 100);
    assert_int_equal(o.starts + o.dones + o.errors, 0);
    /* Freeing a client with calls in flight cancels them silently. */
    assert_int_equal(ew__remote_start(r2, &opts, &callbacks, &o, &o.call, NULL), EW_OK);
    run_until(f.base, &never, 1, 100);
    ew__remote_free(r2);
    assert_int_equal(o.starts + o.dones + o.errors, 0);
    outcome_cleanup(&o);
    fx_close(&f);
}

static void test_pause(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "drip:20");
    b.idle_timeout_ms = 150;
    fx f;
    fx_open(&f, &b, 1, NULL);
    int finished = 0, never = 0;
    outcome o;
    outcome_init(&o, &finished);
    o.pause_after = 2;
    ew_request req = request(true);
    ew__remote_call_opts opts = {.req = &req};
    assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, &o, &o.call, NULL), EW_OK);
    uint64_t t0 = now_ms();
    while (o.deltas < 2 && now_ms() - t0 < 5000)
        run_until(f.base, &never, 1, 20);
    /* Paused for longer than the idle timeout: no delta, and no timeout.
     * (What the upstream sent in the read that asked for the pause is still
     * delivered: on a busy machine one read can hold several drips.) */
    int at_pause = o.deltas;
    run_until(f.base, &never, 1, 400);
    assert_true(at_pause >= 2);
    assert_int_equal(o.deltas, at_pause);
    assert_int_equal(o.dones + o.errors, 0);
    ew__remote_pause(o.call, false);
    run_until(f.base, &finished, 1, 5000);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.content.data, answer);
    outcome_cleanup(&o);
    fx_close(&f);
}

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* When the serve loop's busy-poll expects an answer (ew__remote_answer_due):
 * a new backend's at once, from its attempt's start; once the backend gave
 * 8 fast answers, not before 3/4 of the quickest first byte among them: no
 * sooner than 15 ms after the start for an upstream whose first byte takes
 * 20 ms, and no later than 3/4 of the quickest whole call. */
static void test_answer_expected(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "slow_head:20");
    ew__remote_opts tweak = {.busy_poll_us = 1000000}; /* fast: within 2 s */
    fx f;
    fx_open(&f, &b, 1, &tweak);
    uint64_t answers = 0, expect, quickest = UINT64_MAX;
    for (int i = 0; i < 9; i++) {
        ew_request req = request(false);
        ew__remote_call_opts opts = {.req = &req};
        int finished = 0;
        outcome o;
        outcome_init(&o, &finished);
        uint64_t t0 = now_us(), t1 = t0;
        assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, &o, &o.call, NULL), EW_OK);
        /* The attempt begins on the loop's next pass. */
        bool due = false;
        for (int k = 0; k < 100 && !due && !finished; k++) {
            event_base_loop(f.base, EVLOOP_NONBLOCK);
            t1 = now_us();
            due = ew__remote_answer_due(f.r, t1, &answers, &expect);
        }
        assert_true(due);
        assert_int_equal(answers, (uint64_t)i);
        if (i < 8) {
            assert_true(expect >= t0 && expect <= t1);
        } else {
            assert_true(expect >= t0 + 15000);
            assert_true(expect - t0 <= quickest / 4 * 3 + (t1 - t0));
        }
        run_until(f.base, &finished, 1, 20000);
        assert_int_equal(o.dones, 1);
        if (now_us() - t0 < quickest) quickest = now_us() - t0;
        outcome_cleanup(&o);
    }
    assert_false(ew__remote_answer_due(f.r, now_us(), &answers, &expect));
    assert_int_equal(answers, 9);
    assert_int_equal(expect, UINT64_MAX);
    fx_close(&f);
}

static void test_concurrent(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "ok");
    fx f;
    fx_open(&f, &b, 1, NULL);
    enum { N = 64 };
    outcome *o = calloc(N, sizeof *o);
    int finished = 0;
    ew_request req = request(true);
    ew__remote_call_opts opts = {.req = &req};
    for (int i = 0; i < N; i++) {
        outcome_init(&o[i], &finished);
        assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, &o[i], &o[i].call, NULL), EW_OK);
    }
    run_until(f.base, &finished, N, 20000);
    assert_int_equal(finished, N);
    for (int i = 0; i < N; i++) {
        assert_int_equal(o[i].dones, 1);
        assert_string_equal(o[i].content.data, answer);
        outcome_cleanup(&o[i]);
    }
    free(o);
    fx_close(&f);
}

static void test_proxy_and_raw(void **state)
{
    (void)state;
    /* The upstream's name does not resolve: only the proxy can reach it. */
    ew_backend_cfg b = backend("main", "ok");
    b.base_url = "http://upstream.invalid/s/ok/v1";
    char proxy[64];
    snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", plain.port);
    b.proxy = proxy;
    fx f;
    fx_open(&f, &b, 1, NULL);
    outcome o;
    run_req(&f, true, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.content.data, answer);
    outcome_cleanup(&o);
    ew_buf last;
    ew_buf_init(&last, 1 << 20);
    upstream_get("/_last", &last);
    assert_non_null(strstr(last.data, "\"proxied\": true"));
    ew_buf_cleanup(&last);
    fx_close(&f);

    /* A raw call: our body as is, the whole response back. */
    ew_backend_cfg r = backend("main", "ok");
    fx_open(&f, &r, 1, NULL);
    const char *body =
        "{\"model\":\"raw-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
    ew__remote_call_opts opts = {
        .path = "/chat/completions", .body = body, .body_len = strlen(body)};
    run_call(&f, &opts, &o, 10000);
    assert_int_equal(o.dones, 1);
    assert_int_equal(o.deltas, 0);
    assert_non_null(strstr(o.body.data, "\"model\": \"raw-model\""));
    outcome_cleanup(&o);
    fx_close(&f);
}

/* One call through a backend without a configured proxy; true when the
 * upstream saw it as a proxy's request. */
static bool env_call_proxied(const char *base_url)
{
    ew_backend_cfg b = backend("main", "ok");
    b.base_url = base_url;
    b.proxy = NULL;
    fx f;
    fx_open(&f, &b, 1, NULL);
    /* The environment is read when the client is made, not per transfer. */
    unsetenv("http_proxy");
    unsetenv("HTTP_PROXY");
    unsetenv("ALL_PROXY");
    unsetenv("no_proxy");
    outcome o;
    run_req(&f, false, &o);
    assert_int_equal(o.dones, 1);
    assert_string_equal(o.content.data, answer);
    outcome_cleanup(&o);
    fx_close(&f);
    ew_buf last;
    ew_buf_init(&last, 1 << 20);
    upstream_get("/_last", &last);
    bool proxied = strstr(last.data, "\"proxied\": true") != NULL;
    ew_buf_cleanup(&last);
    return proxied;
}

static void test_proxy_from_env(void **state)
{
    (void)state;
    char good[64], url[128];
    snprintf(good, sizeof good, "http://127.0.0.1:%d", plain.port);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/s/ok/v1", plain.port);
    const char *bad = "http://127.0.0.1:1"; /* nothing listens there */
    unsetenv("all_proxy");
    unsetenv("NO_PROXY");
    /* http_proxy: only the proxy can reach a name that does not resolve. */
    setenv("http_proxy", good, 1);
    assert_true(env_call_proxied("http://upstream.invalid/s/ok/v1"));
    /* HTTP_PROXY is not read for http (as curl does); ALL_PROXY is. */
    setenv("HTTP_PROXY", bad, 1);
    setenv("ALL_PROXY", good, 1);
    assert_true(env_call_proxied("http://upstream.invalid/s/ok/v1"));
    /* no_proxy keeps the host off the proxy. */
    setenv("http_proxy", bad, 1);
    setenv("no_proxy", "127.0.0.1", 1);
    assert_false(env_call_proxied(url));
}

static void test_tls(void **state)
{
    (void)state;
    char ca[PATH_MAX + 64], cert[PATH_MAX + 64], key[PATH_MAX + 64];
    src_path(ca, sizeof ca, "tests/data/tls/ca.pem");
    src_path(cert, sizeof cert, "tests/data/tls/client.pem");
    src_path(key, sizeof key, "tests/data/tls/client.key");
    char url[128];
    snprintf(url, sizeof url, "https://127.0.0.1:%d/s/ok/v1", tls.port);
    ew_backend_cfg b = backend("tls", "ok");
    b.base_url = url;
    b.max_retries = 0;
    /* The system trust store does not know our test CA: refused. */
    outcome o;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_INTEGRITY);
    outcome_cleanup(&o);
    /* With the CA but without the client certificate the server requires. */
    b.ca_file = ca;
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    outcome_cleanup(&o);
    /* CA, client certificate and the right pin: through. */
    b.client_cert = cert;
    b.client_key = key;
    b.pinned_pubkey = TLS_PIN;
    run_alone(&b, 1, NULL, true, &o);
    if (o.dones != 1) fail_msg("TLS: %s", o.fail_msg);
    assert_string_equal(o.content.data, answer);
    outcome_cleanup(&o);
    /* A wrong pin: refused, even though the chain verifies. */
    b.pinned_pubkey = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    run_alone(&b, 1, NULL, true, &o);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.fail.status, EW_ERR_INTEGRITY);
    outcome_cleanup(&o);
}

/* A free loopback port (nginx cannot listen on port 0 and report it). */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sin;
    bind(fd, (struct sockaddr *)&sin, sizeof sin);
    getsockname(fd, (struct sockaddr *)&sin, &len);
    close(fd);
    return ntohs(sin.sin_port);
}

static bool port_open(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sin = {.sin_family = AF_INET,
                              .sin_port = htons((uint16_t)port),
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bool ok = connect(fd, (struct sockaddr *)&sin, sizeof sin) == 0;
    close(fd);
    return ok;
}

/* HTTP/2 over TLS: concurrent streams share one connection. Needs Debian's
 * nginx (the only h2 server at hand); skipped where it is not installed. */
static void test_http2_multiplex(void **state)
{
    (void)state;
    const char *nginx = "/usr/sbin/nginx";
    if (access(nginx, X_OK) != 0) {
        print_message("nginx not installed: HTTP/2 test skipped\n");
        skip();
    }
    char dir[] = "/tmp/ew-h2-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cert[PATH_MAX + 64], key[PATH_MAX + 64], ca[PATH_MAX + 64], conf[128], elog[128];
    src_path(cert, sizeof cert, "tests/data/tls/server.pem");
    src_path(key, sizeof key, "tests/data/tls/server.key");
    src_path(ca, sizeof ca, "tests/data/tls/ca.pem");
    snprintf(conf, sizeof conf, "%s/nginx.conf", dir);
    snprintf(elog, sizeof elog, "%s/error.log", dir);
    int port = free_port();
    FILE *fp = fopen(conf, "w");
    fprintf(fp,
            "daemon off; master_process off; worker_processes 1;\n"
            "pid %s/nginx.pid; error_log %s;\n"
            "events { worker_connections 256; }\n"
            "http { access_log off; client_body_temp_path %s; proxy_temp_path %s;\n"
            "  fastcgi_temp_path %s; uwsgi_temp_path %s; scgi_temp_path %s;\n"
            "  server { listen 127.0.0.1:%d ssl http2;\n"
            "    ssl_certificate %s; ssl_certificate_key %s;\n"
            "    location / { default_type text/event-stream; return 200 "
            "\"data: {\\\"choices\\\":[{\\\"delta\\\":{\\\"content\\\":\\\"h2\\\"},"
            "\\\"finish_reason\\\":\\\"stop\\\"}]}\\n\\ndata: [DONE]\\n\\n\"; } } }\n",
            dir, elog, dir, dir, dir, dir, dir, port, cert, key);
    fclose(fp);
    pid_t pid = fork();
    if (pid == 0) {
        execl(nginx, nginx, "-p", dir, "-e", elog, "-c", conf, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 150 && !port_open(port); i++)
        usleep(20000);
    char url[96];
    snprintf(url, sizeof url, "https://127.0.0.1:%d/v1", port);
    ew_backend_cfg b = backend("h2", "ok");
    b.base_url = url;
    b.ca_file = ca;
    fx f;
    fx_open(&f, &b, 1, NULL);
    enum { N = 16 };
    outcome o[N];
    int finished = 0;
    ew_request req = request(true);
    ew__remote_call_opts opts = {.req = &req};
    for (int i = 0; i < N; i++) {
        outcome_init(&o[i], &finished);
        assert_int_equal(ew__remote_start(f.r, &opts, &callbacks, &o[i], NULL, NULL), EW_OK);
    }
    run_until(f.base, &finished, N, 10000);
    int ok = 0;
    for (int i = 0; i < N; i++) {
        ok += o[i].dones == 1 && o[i].http_version == 20 && !strcmp(o[i].content.data, "h2");
        if (o[i].errors) print_message("h2 call: %s\n", o[i].fail_msg);
        outcome_cleanup(&o[i]);
    }
    ew__remote_stats st;
    wind_down(&f); /* connections are counted as transfers leave curl */
    ew__remote_stats_get(f.r, &st);
    fx_close(&f);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    unlink(conf);
    unlink(elog);
    char pidf[160];
    snprintf(pidf, sizeof pidf, "%s/nginx.pid", dir);
    unlink(pidf);
    rmdir(dir);
    assert_int_equal(ok, N);
    assert_int_equal(st.connections, 1);
}

static void test_config_errors(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__remote *r = NULL;
    ew_error err;
    ew_backend_cfg b = backend("k", "ok");
    ew__remote_opts o = {.base = base, .backends = &b, .n_backends = 1};
    b.api_key_env = "EW_TEST_KEY_MISSING";
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    assert_non_null(strstr(err.message, "EW_TEST_KEY_MISSING"));
    assert_null(r);
    setenv("EW_TEST_KEY_BAD", "sk-bad\r\nX-Injected: 1", 1);
    b.api_key_env = "EW_TEST_KEY_BAD";
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    assert_null(strstr(err.message, "sk-bad"));
    /* A key file, relative to the config directory, trailing newline trimmed. */
    char dir[] = "/tmp/ew-remote-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/key.txt", dir);
    FILE *fp = fopen(path, "w");
    fputs("sk-file-Qw8Zr31\n", fp);
    fclose(fp);
    chmod(path, 0600);
    b = backend("k", "auth");
    b.api_key_env = NULL;
    b.api_key_file = "key.txt";
    o.config_dir = dir;
    fx f = {base, NULL};
    assert_int_equal(ew__remote_new(&o, &f.r, &err), EW_OK);
    outcome oc;
    run_req(&f, false, &oc);
    /* The upstream expects TEST_KEY: this key is refused, and not quoted back. */
    assert_int_equal(oc.fail.status, EW_ERR_AUTH);
    assert_null(strstr(oc.fail_msg, "sk-file"));
    outcome_cleanup(&oc);
    ew__remote_free(f.r);
    /* Both sources, bad headers, bad URLs, duplicate names. */
    b = backend("k", "ok");
    b.api_key_file = "key.txt";
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    assert_non_null(strstr(err.message, "not both"));
    b.api_key_file = NULL;
    ew_header_cfg h = {"X-Bad", "a\r\nInjected: yes"};
    b.headers = &h;
    b.n_headers = 1;
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    b.n_headers = 0;
    b.base_url = "file:///etc/passwd";
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    b.base_url = "http://[::1";
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    ew_backend_cfg dup[2] = {backend("same", "ok"), backend("same", "ok")};
    o.backends = dup;
    o.n_backends = 2;
    assert_int_equal(ew__remote_new(&o, &r, &err), EW_ERR_CONFIG);
    unlink(path);
    rmdir(dir);
    event_base_free(base);
}

static void test_recording(void **state)
{
    (void)state;
    ew_backend_cfg b = backend("main", "ok");
    fx f;
    fx_open(&f, &b, 1, NULL);
    ew_message m = {.role = EW_ROLE_USER, .content = "marker-4417-\xC3\xA9", .content_len = 14};
    ew_request req = request(false);
    req.messages = &m;
    ew__remote_call_opts opts = {.req = &req};
    outcome o;
    run_call(&f, &opts, &o, 10000);
    assert_int_equal(o.dones, 1);
    outcome_cleanup(&o);
    fx_close(&f);
    /* Every received byte is in the record, the request line and body included. */
    FILE *fp = fopen(record_path, "rb");
    assert_non_null(fp);
    ew_buf rec;
    ew_buf_init(&rec, 64u << 20);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        ew_buf_append(&rec, chunk, n);
    fclose(fp);
    assert_non_null(memmem(rec.data, rec.len, "POST /s/ok/v1/chat/completions HTTP/1.1", 39));
    assert_non_null(memmem(rec.data, rec.len, "marker-4417-\xC3\xA9", 14));
    ew_buf_cleanup(&rec);
}

/* Last: no log line and no error of any test above holds the key. */
static void test_no_secret_anywhere(void **state)
{
    (void)state;
    assert_true(logbuf.len > 1000); /* the tests above did log */
    const char *secrets[] = {TEST_KEY, "7Hq2ZpXv9LrT4mWb", "sk-file-Qw8Zr31", "Qw8Zr31"};
    for (size_t i = 0; i < sizeof secrets / sizeof *secrets; i++) {
        assert_null(memmem(logbuf.data, logbuf.len, secrets[i], strlen(secrets[i])));
        if (errbuf.len)
            assert_null(memmem(errbuf.data, errbuf.len, secrets[i], strlen(secrets[i])));
    }
}

/* ---- main ------------------------------------------------------------------------------------ */

static int group_setup(void **state)
{
    (void)state;
    const char *src = getenv("EW_SRC");
    /* Absolute: nginx resolves relative paths against its own prefix. */
    if (!realpath(src && *src ? src : ".", src_dir)) return -1;
    signal(SIGPIPE, SIG_IGN);
    setenv("EW_TEST_KEY", TEST_KEY, 1);
    ew_buf_init(&logbuf, 64u << 20);
    ew_buf_init(&errbuf, 16u << 20);
    ew_log_set_sink(log_sink, NULL, EW_LOG_DEBUG);
    snprintf(record_path, sizeof record_path, "/tmp/ew-record-%d.bin", (int)getpid());
    unlink(record_path);
    const char *args[] = {"--record", record_path, "--expect-key", TEST_KEY, NULL};
    if (upstream_start(&plain, args)) return -1;
    char cert[PATH_MAX + 64], key[PATH_MAX + 64], ca[PATH_MAX + 64];
    src_path(cert, sizeof cert, "tests/data/tls/server.pem");
    src_path(key, sizeof key, "tests/data/tls/server.key");
    src_path(ca, sizeof ca, "tests/data/tls/ca.pem");
    const char *targs[] = {"--tls-cert", cert, "--tls-key", key, "--tls-client-ca", ca, NULL};
    return upstream_start(&tls, targs);
}

static int group_teardown(void **state)
{
    (void)state;
    upstream_stop(&plain);
    upstream_stop(&tls);
    unlink(record_path);
    ew_log_set_sink(NULL, NULL, EW_LOG_INFO);
    ew_buf_cleanup(&logbuf);
    ew_buf_cleanup(&errbuf);
    return 0;
}

int main(void)
{
    /* As edgeway serve runs it: curl's memory from the free lists (not in
     * sanitizer builds, which must see it). */
#ifdef EW_SANITIZED
    if (ew__remote_curl_freelists()) return 1;
#else
    if (!ew__remote_curl_freelists()) return 1;
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_ok),
        cmocka_unit_test(test_fallback_maps_model),
        cmocka_unit_test(test_whole_ok_and_reuse),
        cmocka_unit_test(test_done_before_terminator),
        cmocka_unit_test(test_idle_connection_closed),
        cmocka_unit_test(test_retry_then_fail),
        cmocka_unit_test(test_retry_then_succeed),
        cmocka_unit_test(test_fallback_before_first_byte),
        cmocka_unit_test(test_retry_after),
        cmocka_unit_test(test_mid_stream_failures),
        cmocka_unit_test(test_no_done),
        cmocka_unit_test(test_reset_after_finish),
        cmocka_unit_test(test_timeouts),
        cmocka_unit_test(test_caps),
        cmocka_unit_test(test_client_errors),
        cmocka_unit_test(test_breaker_and_probe),
        cmocka_unit_test(test_weights),
        cmocka_unit_test(test_cancel),
        cmocka_unit_test(test_pause),
        cmocka_unit_test(test_concurrent),
        cmocka_unit_test(test_answer_expected),
        cmocka_unit_test(test_proxy_and_raw),
        cmocka_unit_test(test_proxy_from_env),
        cmocka_unit_test(test_tls),
        cmocka_unit_test(test_http2_multiplex),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_recording),
        cmocka_unit_test(test_no_secret_anywhere),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
