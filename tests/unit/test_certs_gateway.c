/* TLS on the gateway's listeners: the real HTTP server (gateway/) with a
 * config's tls map, driven by libcurl. The TLS cases themselves are in
 * test_certs_tls.c; this checks the wiring: handshake and read paths, the
 * handshake deadline, plain HTTP, client identity in the access record, and
 * certificates reloaded with the config while connections stay up. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <event2/event.h>
#include <event2/thread.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>

#include "gateway/server.h"
#include "policy/config.h"
#include "tests/unit/tls_curl.h"

typedef struct fixture {
    struct event_base *base;
    pthread_t thread;
    ew_config *cfg;
    ew__gateway *gw;
    int port;
    pthread_mutex_t lock;
    int records;
    char tenant[64], client[64];
    int status;
} fixture;

static void on_access(void *user, const ew__access_record *rec)
{
    fixture *fx = user;
    pthread_mutex_lock(&fx->lock);
    fx->records++;
    fx->status = rec->status;
    snprintf(fx->tenant, sizeof fx->tenant, "%s", rec->tenant ? rec->tenant : "-");
    snprintf(fx->client, sizeof fx->client, "%s", rec->tls_client ? rec->tls_client : "-");
    pthread_mutex_unlock(&fx->lock);
}

static void *loop_main(void *arg)
{
    fixture *fx = arg;
    event_base_loop(fx->base, EVLOOP_NO_EXIT_ON_EMPTY);
    return NULL;
}

static ew_config *load(const char *yaml)
{
    char name[128];
    snprintf(name, sizeof name, "%s/edgeway.yaml", dir);
    ew_config *cfg = NULL;
    ew_config_errors errs;
    if (ew_config_load_string(yaml, strlen(yaml), name, &cfg, &errs)) {
        char line[1024];
        fail_msg("config: %s", ew_error_format(&errs.items[0], line, sizeof line));
    }
    return cfg;
}

/* The gateway on its own loop thread, on an ephemeral port. */
static void start(fixture *fx, const char *yaml)
{
    memset(fx, 0, sizeof *fx);
    pthread_mutex_init(&fx->lock, NULL);
    fx->base = event_base_new();
    fx->cfg = load(yaml);
    ew__gateway_opts o = {
        .base = fx->base, .config = fx->cfg, .access_log = on_access, .access_user = fx};
    ew_error err;
    ew_error_clear(&err);
    if (ew__gateway_new(&o, &fx->gw, &err)) fail_msg("gateway: %s", err.message);
    char addr[64];
    assert_int_equal(ew__gateway_address(fx->gw, 0, addr, sizeof addr), EW_OK);
    fx->port = (int)strtol(strrchr(addr, ':') + 1, NULL, 10);
    pthread_create(&fx->thread, NULL, loop_main, fx);
}

static void stop(fixture *fx)
{
    event_base_loopexit(fx->base, NULL);
    pthread_join(fx->thread, NULL);
    ew__gateway_free(fx->gw);
    ew_config_unref(fx->cfg);
    event_base_free(fx->base);
    pthread_mutex_destroy(&fx->lock);
}

/* Runs ew__gateway_set_config on the loop thread and waits for it. */
typedef struct reload_call {
    fixture *fx;
    ew_config *cfg;
    pthread_mutex_t m;
    pthread_cond_t cv;
    bool done;
} reload_call;

static void reload_on_loop(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    reload_call *rc = arg;
    ew_error err;
    ew__gateway_set_config(rc->fx->gw, rc->cfg, &err);
    pthread_mutex_lock(&rc->m);
    rc->done = true;
    pthread_cond_signal(&rc->cv);
    pthread_mutex_unlock(&rc->m);
}

static void reload(fixture *fx, ew_config *cfg)
{
    reload_call rc = {.fx = fx, .cfg = cfg};
    pthread_mutex_init(&rc.m, NULL);
    pthread_cond_init(&rc.cv, NULL);
    event_base_once(fx->base, -1, EV_TIMEOUT, reload_on_loop, &rc, NULL);
    pthread_mutex_lock(&rc.m);
    while (!rc.done)
        pthread_cond_wait(&rc.cv, &rc.m);
    pthread_mutex_unlock(&rc.m);
    pthread_mutex_destroy(&rc.m);
    pthread_cond_destroy(&rc.cv);
    /* The gateway now uses cfg; the old one may go. */
    ew_config_unref(fx->cfg);
    fx->cfg = cfg;
}

static void expect_ok(const resp *r)
{
    if (r->rc != CURLE_OK || r->code != 200)
        fail_msg("request failed: curl %d (%s), HTTP %ld: %s", r->rc, r->errbuf, r->code, r->body);
}

static void last_access(fixture *fx, char *tenant, char *cn)
{
    pthread_mutex_lock(&fx->lock);
    snprintf(tenant, 64, "%s", fx->tenant);
    snprintf(cn, 64, "%s", fx->client);
    pthread_mutex_unlock(&fx->lock);
}

static const char *plain_tls_yaml(const char *cert, const char *key, char *out, size_t size)
{
    snprintf(out, size,
             "version: 1\n"
             "auth: {allow_anonymous_loopback: true}\n"
             "server:\n"
             "  listen:\n"
             "    - address: 127.0.0.1:0\n"
             "      tls: {cert: %s, key: %s, handshake_timeout: 300ms}\n",
             cert, key);
    return out;
}

static int setup(void **state)
{
    (void)state;
    evthread_use_pthreads();
    return pki_setup();
}

static int teardown(void **state)
{
    (void)state;
    pki_teardown();
    return 0;
}

/* ---- tests ---------------------------------------------------------------------------- */

static void test_https_and_plaintext(void **state)
{
    (void)state;
    fixture fx;
    char yaml[1024];
    start(&fx, plain_tls_yaml("server.crt", "server.key", yaml, sizeof yaml));
    resp r;
    get_port(fx.port, NULL, "localhost", "/healthz", &r);
    expect_ok(&r);
    assert_string_equal(r.body, "{\"status\":\"ok\"}");
    /* Untrusted CA. */
    client other = {.ca = pki("other/ca.crt")};
    get_port(fx.port, &other, "localhost", "/healthz", &r);
    assert_int_equal(r.rc, CURLE_PEER_FAILED_VERIFICATION);
    /* Plain HTTP to the TLS port: a 400 with an OpenAI error object. */
    CURL *h = curl_easy_init();
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/healthz", fx.port);
    perform(h, url, &r);
    curl_easy_cleanup(h);
    assert_int_equal(r.code, 400);
    assert_non_null(strstr(r.body, "\"code\":\"tls_required\""));
    /* A large body: many TLS records, read across many events. */
    size_t n = 3u << 20;
    char *body = malloc(n);
    memset(body, 'x', n);
    h = new_handle(NULL);
    snprintf(url, sizeof url, "https://localhost:%d/v1/chat/completions", fx.port);
    struct curl_slist *hd = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)n);
    perform(h, url, &r);
    curl_easy_cleanup(h);
    curl_slist_free_all(hd);
    free(body);
    assert_int_equal(r.rc, CURLE_OK);
    assert_int_equal(r.code, 400); /* the whole body arrived and was judged */
    assert_non_null(strstr(r.body, "invalid_request_error"));
    stop(&fx);
}

/* Reading a large body grows (moves) the input buffer under the parsed head;
 * plaintext and TLS alike must then still see the right path. */
static void test_large_body_moves_buffer(void **state)
{
    (void)state;
    fixture fx;
    start(&fx,
          "version: 1\nauth: {allow_anonymous_loopback: true}\nserver:\n  listen: 127.0.0.1:0\n");
    size_t n = 3u << 20;
    char *body = malloc(n);
    memset(body, 'x', n);
    CURL *h = curl_easy_init();
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/v1/chat/completions", fx.port);
    struct curl_slist *hd = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)n);
    resp r;
    perform(h, url, &r);
    curl_easy_cleanup(h);
    curl_slist_free_all(hd);
    free(body);
    assert_int_equal(r.code, 400);
    assert_non_null(strstr(r.body, "invalid_request_error"));
    stop(&fx);
}

static void test_handshake_deadline(void **state)
{
    (void)state;
    fixture fx;
    char yaml[1024];
    start(&fx, plain_tls_yaml("server.crt", "server.key", yaml, sizeof yaml));
    int fd = raw_connect(fx.port);
    char buf[16];
    double t0 = now_s();
    ssize_t n = recv(fd, buf, sizeof buf, 0); /* the server closes at the deadline */
    double waited = now_s() - t0;
    close(fd);
    assert_true(n <= 0);
    if (waited < 0.2 || waited > 2.5) fail_msg("closed after %.3f s; deadline 0.3 s", waited);
    /* After the handshake, the read timeout (30s) applies, not the handshake's. */
    CURL *h = new_handle(NULL);
    char url[128];
    snprintf(url, sizeof url, "https://localhost:%d/healthz", fx.port);
    resp r;
    perform(h, url, &r);
    expect_ok(&r);
    usleep(600 * 1000);
    perform(h, url, &r);
    expect_ok(&r);
    assert_int_equal(r.connects, 0); /* the same connection, still open */
    curl_easy_cleanup(h);
    stop(&fx);
}

static void test_mtls_tenant(void **state)
{
    (void)state;
    fixture fx;
    start(&fx, "version: 1\n"
               "server:\n"
               "  listen:\n"
               "    - address: 127.0.0.1:0\n"
               "      tls:\n"
               "        cert: server.crt\n"
               "        key: server.key\n"
               "        client_ca: ca.crt\n"
               "        client_crl: ca.crl\n"
               "        client_tenants:\n"
               "          - {match: 'email:alice@example.com', tenant: acme}\n"
               "          - {match: 'cn:bob', tenant: beta}\n");
    char tenant[64], cn[64];
    resp r;
    client alice = {.cert = "alice"}, bob = {.cert = "bob"}, eve = {.cert = "other/eve"},
           carol = {.cert = "carol-expired"}, mallory = {.cert = "mallory"};
    get_port(fx.port, &alice, "localhost", "/healthz", &r);
    expect_ok(&r);
    last_access(&fx, tenant, cn);
    assert_string_equal(tenant, "acme");
    assert_string_equal(cn, "alice");
    get_port(fx.port, &bob, "localhost", "/v1/models", &r);
    expect_ok(&r);
    last_access(&fx, tenant, cn);
    assert_string_equal(tenant, "beta");
    const client *refused[] = {NULL, &eve, &carol, &mallory};
    for (int i = 0; i < 4; i++) {
        get_port(fx.port, refused[i], "localhost", "/healthz", &r);
        if (r.rc == CURLE_OK)
            fail_msg("%s accepted", refused[i] ? refused[i]->cert : "no certificate");
    }
    pthread_mutex_lock(&fx.lock);
    int records = fx.records;
    pthread_mutex_unlock(&fx.lock);
    assert_int_equal(records, 2); /* refused handshakes never reach HTTP */
    stop(&fx);
}

static void copy_file(const char *from, const char *to)
{
    assert_int_equal(run("cp '%s' '%s.tmp' && mv '%s.tmp' '%s'", from, to, to, to), 0);
}

static void test_reload_with_config(void **state)
{
    (void)state;
    copy_file(pki("server.crt"), pki("live.crt"));
    copy_file(pki("server.key"), pki("live.key"));
    fixture fx;
    char yaml[1024];
    start(&fx, plain_tls_yaml("live.crt", "live.key", yaml, sizeof yaml));
    char url[128];
    snprintf(url, sizeof url, "https://localhost:%d/healthz", fx.port);
    CURL *a = new_handle(NULL);
    resp r;
    perform(a, url, &r);
    expect_ok(&r);
    if (!strstr(r.subject, "server") || strstr(r.subject, "server-b"))
        fail_msg("served %s", r.subject);

    /* Rotate the files, then reload the (same) config: SIGHUP's path. */
    copy_file(pki("server-b.crt"), pki("live.crt"));
    copy_file(pki("server-b.key"), pki("live.key"));
    reload(&fx, load(yaml));
    perform(a, url, &r); /* the old connection is still served */
    expect_ok(&r);
    assert_int_equal(r.connects, 0);
    CURL *b = new_handle(NULL);
    perform(b, url, &r);
    expect_ok(&r);
    assert_int_equal(r.connects, 1);
    if (!strstr(r.subject, "server-b")) fail_msg("served %s", r.subject);

    /* A broken certificate file: the config reload goes on, TLS keeps the last good set. */
    assert_int_equal(run("echo broken > '%s'", pki("live.crt")), 0);
    reload(&fx, load(yaml));
    CURL *c = new_handle(NULL);
    perform(c, url, &r);
    expect_ok(&r);
    if (!strstr(r.subject, "server-b")) fail_msg("served %s", r.subject);
    curl_easy_cleanup(a);
    curl_easy_cleanup(b);
    curl_easy_cleanup(c);
    stop(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_https_and_plaintext), cmocka_unit_test(test_large_body_moves_buffer),
        cmocka_unit_test(test_handshake_deadline),  cmocka_unit_test(test_mtls_tenant),
        cmocka_unit_test(test_reload_with_config),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
