/* The gateway's endpoints with a hand-made config: health, readiness, the
 * model list (and its reload), 404/405, access records, listen addresses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <event2/event.h>
#include <event2/thread.h>
#include <pthread.h>

#include "gateway/server.h"
#include "http_test_client.h"

/* limits as the tests need them; models are the real tiny files in
 * $EW_SHARED/models; backends point at the discard port (nothing listens). */
static const char yaml_fmt[] =
    "version: 1\n"
    "server:\n"
    "  listen: [127.0.0.1:0]\n"
    "  limits: {max_connections: 16, max_body_size: 64KiB, max_header_size: 4KiB,\n"
    "           read_timeout: 3s, write_timeout: 3s, keepalive_timeout: 3s,\n"
    "           max_concurrent_streams: 4, drain_timeout: 1s}\n"
    "auth: {allow_anonymous_loopback: true}\n"
    "models:\n%s"
    "backends:\n%s"
    "routing:\n"
    "  default: local\n"
    "  aliases: {nope-alias: {route: deny, message: not for you}}\n";

static const char *shared(void)
{
    const char *s = getenv("EW_SHARED");
    return s ? s : "../shared";
}

static ew_config *load(const char *models, const char *backends)
{
    static char yaml[8192];
    snprintf(yaml, sizeof yaml, yaml_fmt, models, backends);
    ew_config *c = NULL;
    static ew_config_errors errs;
    if (ew_config_load_string(yaml, strlen(yaml), "test", &c, &errs))
        fail_msg("config: %s", errs.n ? errs.items[0].message : "?");
    return c;
}

static ew_config *make_config(void)
{
    char models[1024];
    snprintf(models, sizeof models,
             "  - {name: stories, path: %s/models/stories260K.gguf}\n"
             "  - {name: tiny, path: %s/models/llama-2-tiny-random.gguf}\n",
             shared(), shared());
    return load(models, "  - {name: openai, base_url: 'http://127.0.0.1:9/v1', max_retries: 0,\n"
                        "     models: {gpt-4o: gpt-4o-2024-08-06, stories: x}}\n"
                        "  - {name: other, base_url: 'http://127.0.0.1:9/v1', max_retries: 0,\n"
                        "     models: {gpt-4o: y, claude: z}}\n");
}

typedef struct fixture {
    struct event_base *base;
    ew__gateway *gw;
    ew_config *cfg;
    pthread_t thread;
    int port;
    int records;
    ew__access_record last;
    char last_path[256];
    char last_method[16];
    char last_model[64];
    char last_error_type[64];
    char last_route[32];
} fixture;

static void on_access(void *user, const ew__access_record *rec)
{
    fixture *fx = user;
    fx->records++;
    fx->last = *rec;
    snprintf(fx->last_path, sizeof fx->last_path, "%s", rec->path);
    snprintf(fx->last_method, sizeof fx->last_method, "%s", rec->method);
    snprintf(fx->last_model, sizeof fx->last_model, "%s", rec->model ? rec->model : "");
    snprintf(fx->last_route, sizeof fx->last_route, "%s", rec->route ? rec->route : "");
    snprintf(fx->last_error_type, sizeof fx->last_error_type, "%s",
             rec->error_type ? rec->error_type : "");
}

static void *loop_main(void *arg)
{
    fixture *fx = arg;
    event_base_dispatch(fx->base);
    return NULL;
}

static void run_loop(fixture *fx)
{
    assert_int_equal(pthread_create(&fx->thread, NULL, loop_main, fx), 0);
}

static void stop_loop(fixture *fx)
{
    /* loopexit, unlike loopbreak, also works if the loop has not started yet. */
    event_base_loopexit(fx->base, NULL);
    pthread_join(fx->thread, NULL);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->base = event_base_new();
    fx->cfg = make_config();
    ew__gateway_opts o = {
        .base = fx->base, .config = fx->cfg, .access_log = on_access, .access_user = fx};
    ew_error err;
    assert_int_equal(ew__gateway_new(&o, &fx->gw, &err), EW_OK);
    assert_int_equal(ew__gateway_n_addresses(fx->gw), 1);
    char addr[64];
    assert_int_equal(ew__gateway_address(fx->gw, 0, addr, sizeof addr), EW_OK);
    assert_true(strncmp(addr, "127.0.0.1:", 10) == 0);
    fx->port = (int)strtol(addr + 10, NULL, 10);
    run_loop(fx);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    stop_loop(fx);
    ew__gateway_free(fx->gw);
    ew_config_unref(fx->cfg);
    event_base_free(fx->base);
    free(fx);
    return 0;
}

static rbuf b;

static void test_health(void **state)
{
    fixture *fx = *state;
    char v[64];
    resp *r = one(fx->port, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_string_equal(r->body, "{\"status\":\"ok\"}");
    assert_string_equal(header_of(r, "content-type", v, sizeof v), "application/json");
    assert_non_null(header_of(r, "x-request-id", v, sizeof v));
    r = one(fx->port, "GET /healthz?probe=1 HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    r = one(fx->port, "GET /readyz HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_string_equal(r->body, "{\"status\":\"ready\"}");

    /* The access record says what happened, without bodies. */
    r = one(fx->port, "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Request-Id: probe-7\r\n\r\n", &b,
            NULL);
    assert_true(fx->records >= 4);
    assert_int_equal(fx->last.status, 200);
    assert_string_equal(fx->last_path, "/healthz");
    assert_string_equal(fx->last_method, "GET");
    assert_string_equal(fx->last_error_type, "");
    assert_false(fx->last.stream);
    assert_false(fx->last.aborted);
    assert_true(fx->last.bytes_in > 0 && fx->last.bytes_out > 0);
}

static void test_models(void **state)
{
    fixture *fx = *state;
    resp *r = one(fx->port, "GET /v1/models HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    /* Exact shape, with the creation time masked. */
    char masked[2048];
    size_t o = 0;
    for (const char *p = r->body; *p && o < sizeof masked - 8;) {
        if (!strncmp(p, "\"created\":", 10)) {
            memcpy(masked + o, "\"created\":T", 11);
            o += 11;
            p += 10;
            while (*p >= '0' && *p <= '9')
                p++;
        } else {
            masked[o++] = *p++;
        }
    }
    masked[o] = '\0';
    /* Every name a client may ask for, each once; a denied alias is not listed. */
    assert_string_equal(
        masked, "{\"object\":\"list\",\"data\":["
                "{\"id\":\"auto\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"},"
                "{\"id\":\"stories\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"},"
                "{\"id\":\"tiny\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"},"
                "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":T,\"owned_by\":\"openai\"},"
                "{\"id\":\"claude\",\"object\":\"model\",\"created\":T,\"owned_by\":\"other\"},"
                "{\"id\":\"local\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"},"
                "{\"id\":\"cloud\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"}]}");

    r = one(fx->port, "GET /v1/models/gpt-4o HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"id\":\"gpt-4o\""));
    assert_non_null(strstr(r->body, "\"owned_by\":\"openai\""));
    r = one(fx->port, "GET /v1/models/clau%64e HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"id\":\"claude\""));
    r = one(fx->port, "GET /v1/models/nope-alias HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 404);
    r = one(fx->port, "GET /v1/models/nope HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 404);
    assert_string_equal(r->body, "{\"error\":{\"message\":\"The model 'nope' does not exist\","
                                 "\"type\":\"invalid_request_error\",\"param\":\"model\","
                                 "\"code\":\"model_not_found\"}}");
    r = one(fx->port, "GET /v1/models/bad%zz HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 404);
    r = one(fx->port, "GET /v1/models/a%00b HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 404);
}

static void test_reload_changes_models(void **state)
{
    fixture *fx = *state;
    char models[512];
    snprintf(models, sizeof models, "  - {name: big, path: %s/models/stories260K.gguf}\n",
             shared());
    ew_config *next = load(models, "  []\n");
    ew_error err;
    stop_loop(fx);
    assert_int_equal(ew__gateway_set_config(fx->gw, next, &err), EW_OK);
    run_loop(fx);
    resp *r = one(fx->port, "GET /v1/models HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"id\":\"big\""));
    assert_null(strstr(r->body, "stories"));
    assert_null(strstr(r->body, "gpt-4o"));
    assert_null(strstr(r->body, "cloud"));
    /* A model that cannot load fails the reload and changes nothing. */
    snprintf(models, sizeof models,
             "  - {name: gone, path: %s/models/stories260K.gguf,\n"
             "     sha256: 0000000000000000000000000000000000000000000000000000000000000000}\n",
             shared());
    ew_config *bad = load(models, "  []\n");
    stop_loop(fx);
    assert_int_not_equal(ew__gateway_set_config(fx->gw, bad, &err), EW_OK);
    run_loop(fx);
    r = one(fx->port, "GET /v1/models HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_non_null(strstr(r->body, "\"id\":\"big\""));
    stop_loop(fx);
    assert_int_equal(ew__gateway_set_config(fx->gw, fx->cfg, &err), EW_OK);
    run_loop(fx);
    ew_config_unref(next);
    ew_config_unref(bad);
}

static void test_unknown_and_methods(void **state)
{
    fixture *fx = *state;
    char v[64];
    resp *r = one(fx->port, "GET /v2/nothing HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 404);
    assert_string_equal(r->body, "{\"error\":{\"message\":\"Invalid URL (GET /v2/nothing)\","
                                 "\"type\":\"invalid_request_error\",\"param\":null,"
                                 "\"code\":\"unknown_url\"}}");
    assert_string_equal(fx->last_error_type, "invalid_request_error");
    assert_int_equal(fx->last.status, 404);

    r = one(fx->port, "POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}", &b, NULL);
    assert_int_equal(r->status, 405);
    assert_string_equal(header_of(r, "allow", v, sizeof v), "GET, HEAD");
    assert_non_null(strstr(r->body, "\"code\":\"method_not_allowed\""));

    /* HEAD: the head of GET, no body: the next response follows directly. */
    int fd = client(fx->port);
    send_str(fd,
             "HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /readyz HTTP/1.1\r\nHost: t\r\n\r\n");
    rb_reset(&b);
    static resp h;
    assert_true(read_resp_ex(fd, &b, &h, false));
    assert_int_equal(h.status, 200);
    assert_string_equal(header_of(&h, "content-length", v, sizeof v), "15");
    assert_true(read_resp(fd, &b, &h));
    assert_string_equal(h.body, "{\"status\":\"ready\"}");
    close(fd);
}

static resp *post(fixture *fx, const char *path, const char *ctype, const char *body)
{
    static char req[8192];
    snprintf(req, sizeof req,
             "POST %s HTTP/1.1\r\nHost: t\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n%s",
             path, ctype, strlen(body), body);
    return one(fx->port, req, &b, NULL);
}

static void test_openai_endpoints(void **state)
{
    fixture *fx = *state;
    const char *chat =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    /* A cloud model whose backends are down: the cloud client's error, on
     * the remote route (there is no fallback in this policy). */
    resp *r = post(fx, "/v1/chat/completions", "application/json", chat);
    char rv[64];
    assert_true(r->status == 502 || r->status == 503);
    assert_string_equal(header_of(r, "x-edgeway-route", rv, sizeof rv), "remote");
    assert_non_null(strstr(r->body, "\"code\":\"upstream_"));
    assert_string_equal(fx->last_model, "gpt-4o");
    assert_string_equal(fx->last_error_type, "server_error");
    /* The embedded model answers. */
    r = post(fx, "/v1/chat/completions", "application/json; charset=utf-8",
             "{\"model\":\"stories\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\","
             "\"content\":\"hi\"}]}");
    assert_int_equal(r->status, 200);
    assert_string_equal(header_of(r, "x-edgeway-route", rv, sizeof rv), "local");
    assert_string_equal(header_of(r, "x-edgeway-backend", rv, sizeof rv), "stories");
    assert_non_null(strstr(r->body, "\"object\":\"chat.completion\""));
    assert_non_null(strstr(r->body, "\"completion_tokens\":3"));
    assert_string_equal(fx->last_route, "local");
    r = post(fx, "/v1/completions", "application/json",
             "{\"model\":\"tiny\",\"prompt\":\"p\",\"max_tokens\":2}");
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"object\":\"text_completion\""));
    r = post(fx, "/v1/chat/completions", "application/json",
             "{\"model\":\"nope-alias\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assert_int_equal(r->status, 403);
    assert_non_null(strstr(r->body, "not for you"));

    /* Malformed and invalid bodies: 400 with the parameter named. */
    r = post(fx, "/v1/chat/completions", "application/json", "{\"model\":");
    assert_int_equal(r->status, 400);
    assert_non_null(strstr(r->body, "\"code\":\"invalid_json\""));
    assert_string_equal(fx->last_model, "");
    r = post(fx, "/v1/chat/completions", "application/json",
             "{\"model\":\"m\",\"n\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assert_int_equal(r->status, 400);
    assert_non_null(strstr(r->body, "\"param\":\"n\""));
    r = post(fx, "/v1/completions", "application/json", "");
    assert_int_equal(r->status, 400);

    /* Not JSON by its Content-Type: 415. No Content-Type at all: 415 too. */
    r = post(fx, "/v1/chat/completions", "text/plain", chat);
    assert_int_equal(r->status, 415);
    assert_non_null(strstr(r->body, "\"code\":\"unsupported_media_type\""));
    assert_non_null(strstr(r->body, "got 'text/plain'"));
    r = one(fx->port,
            "POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}", &b,
            NULL);
    assert_int_equal(r->status, 415);

    /* Larger than max_body_bytes (64 KiB here): 413 before the body is read. */
    r = one(fx->port,
            "POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            "Content-Length: 70000\r\n\r\n",
            &b, NULL);
    assert_int_equal(r->status, 413);
    /* GET on a POST endpoint. */
    char v[32];
    r = one(fx->port, "GET /v1/chat/completions HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 405);
    assert_string_equal(header_of(r, "allow", v, sizeof v), "POST");
}

static void test_hostport(void **state)
{
    (void)state;
    char host[64];
    int port;
    ew_error err;
    assert_int_equal(ew__parse_hostport("127.0.0.1:8080", host, sizeof host, &port, &err), EW_OK);
    assert_string_equal(host, "127.0.0.1");
    assert_int_equal(port, 8080);
    assert_int_equal(ew__parse_hostport("[::1]:0", host, sizeof host, &port, &err), EW_OK);
    assert_string_equal(host, "::1");
    assert_int_equal(port, 0);
    assert_int_equal(ew__parse_hostport("localhost:65535", host, sizeof host, &port, &err), EW_OK);
    assert_int_equal(ew__parse_hostport(":8080", host, sizeof host, &port, &err), EW_OK);
    assert_string_equal(host, "0.0.0.0");
    assert_int_equal(port, 8080);
    const char *bad[] = {"127.0.0.1", ":",       "h:",   "h:65536",  "h:-1", "h:80x",
                         "::1:80",    "[::1]80", "[::1", "h:123456", "[]:80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ew_error_clear(&err);
        assert_int_equal(ew__parse_hostport(bad[i], host, sizeof host, &port, &err),
                         EW_ERR_INVALID);
        assert_true(err.message[0] != '\0');
    }
}

static void test_listen_errors(void **state)
{
    fixture *fx = *state;
    struct event_base *base = event_base_new();
    ew__gateway *gw = NULL;
    ew_error err;
    char busy[64];
    snprintf(busy, sizeof busy, "127.0.0.1:%d", fx->port);
    ew__gateway_opts o = {.base = base, .config = fx->cfg, .listen = busy};
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_ERR_IO);
    assert_null(gw);
    assert_non_null(strstr(err.message, "cannot listen on 127.0.0.1:"));

    ew_config *c = make_config();
    c->server.listeners[0].tls_cert = "c.pem";
    c->server.listeners[0].tls_key = "k.pem";
    o.listen = NULL;
    o.config = c;
    /* A TLS listener whose certificate is missing (certs/ loads it). */
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "c.pem"));
    c->server.n_listeners = 0;
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_ERR_CONFIG);

    /* --listen replaces the config's listeners. */
    o.listen = "127.0.0.1:0";
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_OK);
    assert_int_equal(ew__gateway_n_addresses(gw), 1);
    ew__gateway_free(gw);
    ew__gateway_free(NULL);
    ew_config_unref(c);
    event_base_free(base);
}

int main(void)
{
    evthread_use_pthreads();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_health, setup, teardown),
        cmocka_unit_test_setup_teardown(test_models, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reload_changes_models, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_and_methods, setup, teardown),
        cmocka_unit_test_setup_teardown(test_openai_endpoints, setup, teardown),
        cmocka_unit_test(test_hostport),
        cmocka_unit_test_setup_teardown(test_listen_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
