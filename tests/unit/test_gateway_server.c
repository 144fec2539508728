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

static ew_listener_cfg listener = {.host = "127.0.0.1", .port = 0};
static ew_model_cfg models[] = {{.name = "stories"}, {.name = "tiny"}};
static ew_model_map_cfg maps_a[] = {{"gpt-4o", "gpt-4o-2024-08-06"}, {"stories", "x"}};
static ew_model_map_cfg maps_b[] = {{"gpt-4o", "y"}, {"claude", "z"}, {"claude", "w"}};
static ew_backend_cfg backends[] = {
    {.name = "openai", .models = maps_a, .n_models = 2},
    {.name = "other", .models = maps_b, .n_models = 3},
};

static void make_config(ew_config *c)
{
    memset(c, 0, sizeof *c);
    c->refs = 1; /* the test's own: the gateway's refs never free it */
    c->path = "<test>";
    c->version = 1;
    c->server.listeners = &listener;
    c->server.n_listeners = 1;
    c->server.limits = (ew_limits_cfg){
        .max_connections = 16,
        .max_body_bytes = 65536,
        .max_header_bytes = 4096,
        .read_timeout_ms = 3000,
        .write_timeout_ms = 3000,
        .keepalive_timeout_ms = 3000,
        .max_concurrent_streams = 4,
        .drain_timeout_ms = 1000,
    };
    c->models = models;
    c->n_models = 2;
    c->backends = backends;
    c->n_backends = 2;
}

typedef struct fixture {
    struct event_base *base;
    ew__gateway *gw;
    ew_config cfg;
    pthread_t thread;
    int port;
    int records;
    ew__access_record last;
    char last_path[256];
    char last_method[16];
    char last_model[64];
    char last_error_type[64];
} fixture;

static void on_access(void *user, const ew__access_record *rec)
{
    fixture *fx = user;
    fx->records++;
    fx->last = *rec;
    snprintf(fx->last_path, sizeof fx->last_path, "%s", rec->path);
    snprintf(fx->last_method, sizeof fx->last_method, "%s", rec->method);
    snprintf(fx->last_model, sizeof fx->last_model, "%s", rec->model ? rec->model : "");
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
    make_config(&fx->cfg);
    ew__gateway_opts o = {fx->base, &fx->cfg, NULL, on_access, fx};
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
    assert_string_equal(
        masked, "{\"object\":\"list\",\"data\":["
                "{\"id\":\"stories\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"},"
                "{\"id\":\"tiny\",\"object\":\"model\",\"created\":T,\"owned_by\":\"edgeway\"},"
                "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":T,\"owned_by\":\"openai\"},"
                "{\"id\":\"claude\",\"object\":\"model\",\"created\":T,\"owned_by\":\"other\"}]}");

    r = one(fx->port, "GET /v1/models/gpt-4o HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"id\":\"gpt-4o\""));
    assert_non_null(strstr(r->body, "\"owned_by\":\"openai\""));
    r = one(fx->port, "GET /v1/models/clau%64e HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"id\":\"claude\""));
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
    static ew_model_cfg other_models[] = {{.name = "big"}};
    static ew_config next;
    make_config(&next);
    next.models = other_models;
    next.n_models = 1;
    next.n_backends = 0;
    stop_loop(fx);
    ew__gateway_set_config(fx->gw, &next);
    run_loop(fx);
    resp *r = one(fx->port, "GET /v1/models HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"id\":\"big\""));
    assert_null(strstr(r->body, "stories"));
    assert_null(strstr(r->body, "gpt-4o"));
    stop_loop(fx);
    ew__gateway_set_config(fx->gw, &fx->cfg);
    run_loop(fx);
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
    /* A valid request has nowhere to go yet: a clear 503, not a fake answer. */
    resp *r = post(fx, "/v1/chat/completions", "application/json", chat);
    assert_int_equal(r->status, 503);
    assert_string_equal(r->body, "{\"error\":{\"message\":\"No backend is configured or available "
                                 "to serve model 'gpt-4o'.\",\"type\":\"server_error\","
                                 "\"param\":null,\"code\":\"no_backend\"}}");
    assert_string_equal(fx->last_model, "gpt-4o");
    assert_string_equal(fx->last_error_type, "server_error");
    r = post(fx, "/v1/chat/completions", "application/json; charset=utf-8", chat);
    assert_int_equal(r->status, 503);
    r = post(fx, "/v1/completions", "application/json", "{\"model\":\"m\",\"prompt\":\"p\"}");
    assert_int_equal(r->status, 503);

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
    ew__gateway_opts o = {base, &fx->cfg, busy, NULL, NULL};
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_ERR_IO);
    assert_null(gw);
    assert_non_null(strstr(err.message, "cannot listen on 127.0.0.1:"));

    static ew_listener_cfg tls = {
        .host = "127.0.0.1", .port = 0, .tls_cert = "c.pem", .tls_key = "k.pem"};
    ew_config c;
    make_config(&c);
    c.server.listeners = &tls;
    o.listen = NULL;
    o.config = &c;
    /* A TLS listener whose certificate is missing (certs/ loads it). */
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "c.pem"));
    c.server.n_listeners = 0;
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_ERR_CONFIG);

    /* --listen replaces the config's listeners. */
    o.listen = "127.0.0.1:0";
    assert_int_equal(ew__gateway_new(&o, &gw, &err), EW_OK);
    assert_int_equal(ew__gateway_n_addresses(gw), 1);
    ew__gateway_free(gw);
    ew__gateway_free(NULL);
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
