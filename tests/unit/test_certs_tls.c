/* certs/tls*.c: TLS termination against real clients. The certificates come
 * from certs/dev-ca.sh; the server is tests/unit/tls_harness.h (driven the way
 * the gateway drives a connection); the client is libcurl with OpenSSL, so
 * every case is an interop check as well. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>

#include "certs/tls_internal.h"
#include "tests/unit/tls_curl.h"
#include "tests/unit/tls_harness.h"

static int sanitized;

/* ---- helpers ------------------------------------------------------------------- */

static ew_tls_options basic_opts(void)
{
    ew_tls_options o = {0};
    o.cert.cert_file = pki("server.crt");
    o.cert.key_file = pki("server.key");
    return o;
}

static void start(harness *h, const ew_tls_options *o)
{
    ew_error err;
    ew_error_clear(&err);
    int st = harness_start(h, o, &err);
    if (st) fail_msg("server: %s: %s", ew_status_name(st), err.message);
}

static void get(harness *s, const client *cl, const char *host, const char *path, resp *r)
{
    get_port(s->port, cl, host, path, r);
}

/* Server statistics settle after the client has moved on; wait for a field. */
static bool stats_ready(harness *s, ew_tls_stats *st, int (*ok)(const ew_tls_stats *, long),
                        long arg)
{
    for (int i = 0; i < 200; i++) {
        ew_tls_server_stats(s->tls, st);
        if (ok(st, arg)) return true;
        usleep(10000);
    }
    return false;
}

static int failed_at_least(const ew_tls_stats *st, long n)
{
    return st->failed >= (uint64_t)n;
}

static int refused_at_least(const ew_tls_stats *st, long n)
{
    return st->client_refused >= (uint64_t)n;
}

static int open_at_most(const ew_tls_stats *st, long n)
{
    return st->open <= n;
}

static int generations_at_most(const ew_tls_stats *st, long n)
{
    return st->generations <= n;
}

static void last_error(harness *s, char *out, size_t size, int *status)
{
    pthread_mutex_lock(&s->lock);
    snprintf(out, size, "%s", s->last_error);
    if (status) *status = s->last_status;
    pthread_mutex_unlock(&s->lock);
}

static void expect_ok(const resp *r)
{
    if (r->rc != CURLE_OK || r->code != 200)
        fail_msg("request failed: curl %d (%s), HTTP %ld", r->rc, r->errbuf, r->code);
}

static void expect_body(const resp *r, const char *needle)
{
    if (!strstr(r->body, needle)) fail_msg("body '%s' lacks '%s'", r->body, needle);
}

/* ---- setup ------------------------------------------------------------------------ */

static int setup(void **state)
{
    (void)state;
    sanitized = getenv("EW_SANITIZED") != NULL;
    return pki_setup();
}

static int teardown(void **state)
{
    (void)state;
    pki_teardown();
    return 0;
}

/* ---- loading ------------------------------------------------------------------------ */

static void expect_load_error(const ew_tls_options *o, int want, const char *needle)
{
    ew_tls_server *s = NULL;
    ew_error err;
    ew_error_clear(&err);
    int st = ew_tls_server_new(o, &s, &err);
    if (st != want)
        fail_msg("load: %s (%s), want %s", ew_status_name(st), err.message, ew_status_name(want));
    assert_null(s);
    if (!strstr(err.message, needle)) fail_msg("message '%s' lacks '%s'", err.message, needle);
}

static void test_load_errors(void **state)
{
    (void)state;
    ew_tls_options o = basic_opts();
    o.cert.cert_file = pki("nope.crt");
    expect_load_error(&o, EW_ERR_NOT_FOUND, "nope.crt");
    o = basic_opts();
    o.cert.key_file = pki("alt.key");
    expect_load_error(&o, EW_ERR_CONFIG, "does not belong to certificate");
    o = basic_opts();
    o.cert.cert_file = pki("ca.crl");
    expect_load_error(&o, EW_ERR_PARSE, "ca.crl");
    o = basic_opts();
    o.client_crl_file = pki("ca.crl");
    expect_load_error(&o, EW_ERR_CONFIG, "CRL needs a client CA");
    ew_tls_tenant_rule bad[] = {{"subject:alice", "acme"}};
    o = basic_opts();
    o.client_ca_file = pki("ca.crt");
    o.tenants = bad;
    o.n_tenants = 1;
    expect_load_error(&o, EW_ERR_CONFIG, "tenant rule 1");
    o.client_ca_file = NULL;
    bad[0].match = "cn:alice";
    expect_load_error(&o, EW_ERR_CONFIG, "need a client CA");
    char enc[300];
    snprintf(enc, sizeof enc, "%s/enc.key", dir);
    assert_int_equal(
        run("openssl pkcs8 -topk8 -in '%s' -out '%s' -passout pass:x", pki("server.key"), enc), 0);
    o = basic_opts();
    o.cert.key_file = enc;
    expect_load_error(&o, EW_ERR_UNSUPPORTED, "encrypted");
}

static void test_name_matching(void **state)
{
    (void)state;
    assert_true(ew__tls_name_matches("alt.localhost", "ALT.localhost", 13));
    assert_false(ew__tls_name_matches("alt.localhost", "alt.localhos", 12));
    assert_true(ew__tls_name_matches("*.example.com", "api.example.com", 15));
    assert_false(ew__tls_name_matches("*.example.com", "example.com", 11));
    assert_false(ew__tls_name_matches("*.example.com", ".example.com", 12));
    assert_false(ew__tls_name_matches("*.example.com", "a.b.example.com", 15));
}

/* ---- server authentication ------------------------------------------------------------ */

static void test_https_right_ca(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    start(&s, &o);
    resp r;
    get(&s, NULL, "localhost", "/", &r);
    expect_ok(&r);
    expect_body(&r, "version=TLSv1.2");
    expect_body(&r, "ECDHE-ECDSA");
    if (!strstr(r.body, "GCM") && !strstr(r.body, "CHACHA20-POLY1305"))
        fail_msg("not an AEAD suite: %s", r.body);
    expect_body(&r, "tenant=- cn=-");
    get(&s, NULL, "127.0.0.1", "/", &r); /* the IP address SAN */
    expect_ok(&r);
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, open_at_most, 0));
    assert_int_equal(st.handshakes, 2);
    assert_int_equal(st.failed, 0);
    harness_stop(&s);
}

static void test_untrusted_ca(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    start(&s, &o);
    client cl = {.ca = pki("other/ca.crt")};
    resp r;
    get(&s, &cl, "localhost", "/", &r);
    assert_int_equal(r.rc, CURLE_PEER_FAILED_VERIFICATION);
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, failed_at_least, 1));
    /* OpenSSL sends an unknown_ca alert and closes at once, with our last
     * records unread, so the kernel may deliver a reset before the alert. */
    char why[256];
    last_error(&s, why, sizeof why, NULL);
    if (!strstr(why, "does not trust") && !strstr(why, "closed the connection"))
        fail_msg("server saw: %s", why);
    harness_stop(&s);
}

static void test_expired_server_cert(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    o.cert.cert_file = pki("expired-server.crt");
    o.cert.key_file = pki("expired-server.key");
    start(&s, &o); /* loads, with a warning: the clock may be what is wrong */
    resp r;
    get(&s, NULL, "localhost", "/", &r);
    assert_int_equal(r.rc, CURLE_PEER_FAILED_VERIFICATION);
    if (!strstr(r.errbuf, "expired")) fail_msg("curl said: %s", r.errbuf);
    harness_stop(&s);
}

static void test_plaintext_to_tls_port(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    start(&s, &o);
    CURL *h = curl_easy_init();
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/v1/models", s.port);
    resp r;
    perform(h, url, &r);
    curl_easy_cleanup(h);
    assert_int_equal(r.rc, CURLE_OK);
    assert_int_equal(r.code, 400);
    expect_body(&r, "\"code\":\"tls_required\"");
    expect_body(&r, "use https://");
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, failed_at_least, 1));
    assert_int_equal(st.plaintext, 1);
    harness_stop(&s);
}

static void test_garbage_and_handshake_timeout(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    o.handshake_timeout_ms = 300;
    start(&s, &o);
    char buf[64];
    /* Not TLS, not HTTP: closed at once. */
    int fd = raw_connect(s.port);
    assert_int_equal(send(fd, "\x01\x02\x03\x04", 4, 0), 4);
    assert_int_equal(recv(fd, buf, sizeof buf, 0), 0);
    close(fd);
    /* A TLS record header that never completes, then silence: closed at the deadline. */
    fd = raw_connect(s.port);
    assert_int_equal(send(fd, "\x16\x03\x01\x00\x80", 5, 0), 5);
    double t0 = now_s();
    assert_int_equal(recv(fd, buf, sizeof buf, 0), 0);
    double waited = now_s() - t0;
    close(fd);
    if (waited < 0.2 || waited > 2.5) fail_msg("closed after %.3f s, deadline 0.3 s", waited);
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, open_at_most, 0));
    char why[256];
    last_error(&s, why, sizeof why, NULL);
    assert_string_equal(why, "handshake timeout");
    harness_stop(&s);
}

/* Random bytes after a plausible record header, in many shapes: every
 * connection is closed, none crashes the server or stays open. */
static void test_garbage_handshakes(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    o.handshake_timeout_ms = 2000;
    start(&s, &o);
    uint32_t x = 7;
    for (int i = 0; i < 60; i++) {
        unsigned char buf[600];
        size_t n = 5 + (size_t)(i * 37 % 590);
        for (size_t j = 0; j < n; j++) {
            x = x * 1664525u + 1013904223u;
            buf[j] = (unsigned char)(x >> 24);
        }
        buf[0] = 22; /* handshake */
        buf[1] = 3;
        buf[2] = (unsigned char)(i % 4);
        if (i % 2) { /* a record length that matches the bytes */
            buf[3] = (unsigned char)((n - 5) >> 8);
            buf[4] = (unsigned char)(n - 5);
            buf[5] = 1; /* ClientHello */
        }
        int fd = raw_connect(s.port);
        send(fd, buf, n, MSG_NOSIGNAL);
        shutdown(fd, SHUT_WR);
        char sink[256];
        while (recv(fd, sink, sizeof sink, 0) > 0) {
        }
        close(fd);
    }
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, open_at_most, 0));
    assert_int_equal(st.handshakes, 0);
    assert_int_equal(st.failed, 60);
    resp r; /* and it still serves */
    get(&s, NULL, "localhost", "/", &r);
    expect_ok(&r);
    harness_stop(&s);
}

static void test_old_cipher_refused(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    start(&s, &o);
    CURL *h = new_handle(NULL);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2);
    curl_easy_setopt(h, CURLOPT_SSL_CIPHER_LIST, "ECDHE-ECDSA-AES128-SHA");
    char url[128];
    snprintf(url, sizeof url, "https://localhost:%d/", s.port);
    resp r;
    perform(h, url, &r);
    curl_easy_cleanup(h);
    assert_int_not_equal(r.rc, CURLE_OK);
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, failed_at_least, 1));
    int status;
    char why[256];
    last_error(&s, why, sizeof why, &status);
    assert_int_equal(status, EW_ERR_UNSUPPORTED);
    harness_stop(&s);
}

static void test_sni(void **state)
{
    (void)state;
    harness s;
    ew_tls_keypair alt = {pki("alt.crt"), pki("alt.key")};
    ew_tls_options o = basic_opts();
    o.sni = &alt;
    o.n_sni = 1;
    start(&s, &o);
    resp r;
    client cl = {.resolve = "alt.localhost"};
    get(&s, &cl, "alt.localhost", "/", &r); /* verifies only if alt.crt was served */
    expect_ok(&r);
    expect_body(&r, "sni=alt.localhost");
    if (!strstr(r.subject, "CN = alt") && !strstr(r.subject, "CN=alt"))
        fail_msg("served %s", r.subject);
    get(&s, NULL, "localhost", "/", &r);
    expect_ok(&r);
    expect_body(&r, "sni=localhost");
    if (!strstr(r.subject, "server")) fail_msg("served %s", r.subject);
    /* An unknown name gets the default certificate, which does not name it. */
    client unknown = {.resolve = "other.localhost"};
    get(&s, &unknown, "other.localhost", "/", &r);
    assert_int_equal(r.rc, CURLE_PEER_FAILED_VERIFICATION);
    harness_stop(&s);
}

/* ---- client certificates ---------------------------------------------------------------- */

static ew_tls_tenant_rule rules[] = {
    {"email:Alice@Example.com", "acme"},
    {"uri:spiffe://edgeway.test/bob", "beta"},
    {"cn:mallory", "evil"},
    {"cn:eve", "evil"},
};

static ew_tls_options mtls_opts(bool optional)
{
    ew_tls_options o = basic_opts();
    o.client_ca_file = pki("ca.crt");
    o.client_crl_file = pki("ca.crl");
    o.client_optional = optional;
    o.tenants = rules;
    o.n_tenants = 4;
    return o;
}

/* Expects the handshake to be refused, and the server to say why. */
static void expect_refused(harness *s, const char *cert, const char *reason, long *refused)
{
    client cl = {.cert = cert};
    resp r;
    get(s, &cl, "localhost", "/", &r);
    if (r.rc == CURLE_OK) fail_msg("%s: accepted: %s", cert ? cert : "no cert", r.body);
    ew_tls_stats st;
    ++*refused;
    if (!stats_ready(s, &st, refused_at_least, *refused))
        fail_msg("%s: server did not count a refusal", cert ? cert : "no cert");
    char why[256];
    int status;
    last_error(s, why, sizeof why, &status);
    assert_int_equal(status, EW_ERR_AUTH);
    if (!strstr(why, reason)) fail_msg("%s: server said '%s', want '%s'", cert, why, reason);
}

static void test_mtls_required(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = mtls_opts(false);
    start(&s, &o);
    resp r;
    client alice = {.cert = "alice"}, bob = {.cert = "bob"};
    get(&s, &alice, "localhost", "/", &r);
    expect_ok(&r);
    expect_body(&r, "tenant=acme cn=alice");
    get(&s, &bob, "localhost", "/", &r);
    expect_ok(&r);
    expect_body(&r, "tenant=beta cn=bob");
    long refused = 0;
    expect_refused(&s, NULL, "no client certificate", &refused);
    expect_refused(&s, "other/eve", "not correctly signed by the trusted CA", &refused);
    expect_refused(&s, "carol-expired", "validity has expired", &refused);
    expect_refused(&s, "mallory", "revoked", &refused);
    harness_stop(&s);
}

static void test_mtls_optional(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = mtls_opts(true);
    start(&s, &o);
    resp r;
    get(&s, NULL, "localhost", "/", &r);
    expect_ok(&r);
    expect_body(&r, "tenant=- cn=-");
    client alice = {.cert = "alice"};
    get(&s, &alice, "localhost", "/", &r);
    expect_ok(&r);
    expect_body(&r, "tenant=acme cn=alice");
    long refused = 0;
    expect_refused(&s, "other/eve", "not correctly signed", &refused);
    expect_refused(&s, "mallory", "revoked", &refused);
    harness_stop(&s);
}

/* ---- sessions and reload ---------------------------------------------------------------- */

/* curl (OpenSSL) resumes by session ID: curl turns tickets off. */
static void test_session_cache_with_curl(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = mtls_opts(false);
    start(&s, &o);
    client alice = {.cert = "alice"};
    CURL *h = new_handle(&alice);
    curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
    char url[128];
    snprintf(url, sizeof url, "https://localhost:%d/", s.port);
    resp r;
    perform(h, url, &r);
    expect_ok(&r);
    expect_body(&r, "resumed=0");
    perform(h, url, &r);
    expect_ok(&r);
    assert_int_equal(r.connects, 1);
    expect_body(&r, "resumed=1"); /* and the identity survives resumption: */
    expect_body(&r, "tenant=acme cn=alice");
    /* A reload empties the cache: the next connection starts afresh. */
    ew_error err;
    assert_int_equal(ew_tls_server_reload(s.tls, NULL, &err), EW_OK);
    perform(h, url, &r);
    expect_ok(&r);
    expect_body(&r, "resumed=0");
    expect_body(&r, "gen=2");
    curl_easy_cleanup(h);
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, open_at_most, 0));
    assert_int_equal(st.resumed, 1);
    assert_int_equal(st.handshakes, 3);
    harness_stop(&s);
}

/* Resumption by session ticket alone (no session cache), with an mbedTLS
 * client; and neither when both are off. */
static void test_session_tickets(void **state)
{
    (void)state;
    for (int tickets = 1; tickets >= 0; tickets--) {
        harness s;
        ew_tls_options o = mtls_opts(false);
        o.session_cache_size = -1;
        o.no_session_tickets = !tickets;
        start(&s, &o);
        mclient m;
        assert_int_equal(mclient_init(&m, pki("ca.crt"), pki("alice.crt"), pki("alice.key")), 0);
        char body[1024];
        assert_int_equal(mclient_get(&m, s.port, "localhost", "/", body, sizeof body), 0);
        assert_non_null(strstr(body, "resumed=0"));
        assert_int_equal(mclient_get(&m, s.port, "localhost", "/", body, sizeof body), 0);
        if (!strstr(body, tickets ? "resumed=1" : "resumed=0"))
            fail_msg("tickets %s: %s", tickets ? "on" : "off", body);
        assert_non_null(strstr(body, "tenant=acme cn=alice"));
        /* A ticket from before a reload is not accepted after it. */
        ew_error err;
        assert_int_equal(ew_tls_server_reload(s.tls, NULL, &err), EW_OK);
        assert_int_equal(mclient_get(&m, s.port, "localhost", "/", body, sizeof body), 0);
        assert_non_null(strstr(body, "resumed=0"));
        mclient_cleanup(&m);
        ew_tls_stats st;
        assert_true(stats_ready(&s, &st, open_at_most, 0));
        assert_int_equal(st.resumed, tickets ? 1 : 0);
        harness_stop(&s);
    }
}

static void copy_file(const char *from, const char *to)
{
    assert_int_equal(run("cp '%s' '%s.tmp' && mv '%s.tmp' '%s'", from, to, to, to), 0);
}

static void test_reload_keeps_connections(void **state)
{
    (void)state;
    char crt[300], key[300];
    snprintf(crt, sizeof crt, "%s/live.crt", dir);
    snprintf(key, sizeof key, "%s/live.key", dir);
    copy_file(pki("server.crt"), crt);
    copy_file(pki("server.key"), key);
    harness s;
    ew_tls_options o = basic_opts();
    o.cert.cert_file = crt;
    o.cert.key_file = key;
    start(&s, &o);
    char url[128];
    snprintf(url, sizeof url, "https://localhost:%d/", s.port);
    CURL *a = new_handle(NULL);
    resp r;
    perform(a, url, &r);
    expect_ok(&r);
    expect_body(&r, "gen=1");

    /* The admin replaces the files and sends SIGHUP. */
    copy_file(pki("server-b.crt"), crt);
    copy_file(pki("server-b.key"), key);
    ew_error err;
    assert_int_equal(ew_tls_server_reload(s.tls, NULL, &err), EW_OK);
    ew_tls_stats st;
    ew_tls_server_stats(s.tls, &st);
    assert_int_equal(st.generation, 2);
    assert_int_equal(st.generations, 2); /* connection a still holds set 1 */

    perform(a, url, &r); /* the old connection keeps working, on the old set */
    expect_ok(&r);
    assert_int_equal(r.connects, 0);
    expect_body(&r, "gen=1");
    CURL *b = new_handle(NULL);
    perform(b, url, &r); /* a new one gets the new certificate */
    expect_ok(&r);
    expect_body(&r, "gen=2");
    if (!strstr(r.subject, "server-b")) fail_msg("served %s", r.subject);

    /* A broken file: the reload fails and the current set keeps serving. */
    assert_int_equal(run("echo broken > '%s'", crt), 0);
    assert_int_equal(ew_tls_server_reload(s.tls, NULL, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "live.crt"));
    CURL *c = new_handle(NULL);
    perform(c, url, &r);
    expect_ok(&r);
    expect_body(&r, "gen=2");

    curl_easy_cleanup(a); /* set 1 goes when its last connection does */
    assert_true(stats_ready(&s, &st, generations_at_most, 1));
    curl_easy_cleanup(b);
    curl_easy_cleanup(c);
    assert_true(stats_ready(&s, &st, open_at_most, 0));
    assert_int_equal(st.reloads, 1);
    harness_stop(&s);
}

/* ---- data ------------------------------------------------------------------------------- */

static unsigned long pattern_sum(size_t n)
{
    unsigned long sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (unsigned char)((i * 7 + 3) & 0xff) * (i % 251 + 1);
    return sum;
}

static void test_large_bodies(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = basic_opts();
    start(&s, &o);
    /* 24 MiB down: more than loopback buffers hold, so writes wait for the client. */
    size_t big = 24u << 20;
    char path[64];
    snprintf(path, sizeof path, "/big?n=%zu", big);
    resp r;
    get(&s, NULL, "localhost", path, &r);
    expect_ok(&r);
    assert_int_equal(r.total, big);
    assert_true(r.sum == pattern_sum(big));

    /* 3 MiB up: many records, read across many events. */
    size_t up = 3u << 20;
    char *data = malloc(up);
    unsigned sum = 0;
    for (size_t i = 0; i < up; i++) {
        data[i] = (char)(i * 13 + 1);
        sum += (unsigned char)data[i];
    }
    CURL *h = new_handle(NULL);
    char url[128], want[64];
    snprintf(url, sizeof url, "https://localhost:%d/upload", s.port);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, data);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)up);
    perform(h, url, &r);
    curl_easy_cleanup(h);
    free(data);
    expect_ok(&r);
    snprintf(want, sizeof want, "body=%zu sum=%u", up, sum);
    expect_body(&r, want);
    harness_stop(&s);
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* A loop of full handshakes plus a request each (and every fourth resumed):
 * nothing may accumulate. bench/tls_loop.c runs the same for 10k. */
static void test_handshake_loop_no_growth(void **state)
{
    (void)state;
    harness s;
    ew_tls_options o = mtls_opts(false);
    start(&s, &o);
    client alice = {.cert = "alice"};
    CURL *fresh = new_handle(&alice), *resuming = new_handle(&alice);
    curl_easy_setopt(fresh, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(fresh, CURLOPT_SSL_SESSIONID_CACHE, 0L);
    curl_easy_setopt(resuming, CURLOPT_FORBID_REUSE, 1L);
    char url[128];
    snprintf(url, sizeof url, "https://localhost:%d/", s.port);
    const int warm = 60, n = 300;
    long rss0 = 0;
    resp r;
    for (int i = 0; i < n; i++) {
        if (i == warm) rss0 = rss_kib();
        perform(i % 4 == 3 ? resuming : fresh, url, &r);
        expect_ok(&r);
        expect_body(&r, "tenant=acme");
    }
    long rss1 = rss_kib();
    curl_easy_cleanup(fresh);
    curl_easy_cleanup(resuming);
    ew_tls_stats st;
    assert_true(stats_ready(&s, &st, open_at_most, 0));
    assert_int_equal(st.handshakes, n);
    assert_true(st.resumed >= (uint64_t)(n / 4 - 1));
    assert_int_equal(st.failed, 0);
    print_message("tls loop: %d handshakes (%llu resumed), RSS %ld -> %ld KiB\n", n,
                  (unsigned long long)st.resumed, rss0, rss1);
    /* ASan's quarantine holds freed memory on purpose; LSan checks leaks there. */
    if (!sanitized && rss1 - rss0 > 1024)
        fail_msg("RSS grew by %ld KiB over %d handshakes", rss1 - rss0, n - warm);
    harness_stop(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_name_matching),
        cmocka_unit_test(test_https_right_ca),
        cmocka_unit_test(test_untrusted_ca),
        cmocka_unit_test(test_expired_server_cert),
        cmocka_unit_test(test_plaintext_to_tls_port),
        cmocka_unit_test(test_garbage_and_handshake_timeout),
        cmocka_unit_test(test_garbage_handshakes),
        cmocka_unit_test(test_old_cipher_refused),
        cmocka_unit_test(test_sni),
        cmocka_unit_test(test_mtls_required),
        cmocka_unit_test(test_mtls_optional),
        cmocka_unit_test(test_session_cache_with_curl),
        cmocka_unit_test(test_session_tickets),
        cmocka_unit_test(test_reload_keeps_connections),
        cmocka_unit_test(test_large_bodies),
        cmocka_unit_test(test_handshake_loop_no_growth),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
