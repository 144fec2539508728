/* The config keys of the trust module: a listener's tls map (SNI, mTLS, CRL,
 * tenants, sessions, handshake deadline), signing_key, require_signed_config
 * and signed models. Errors carry their file:line:col. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy/config.h"

static char dir[64];
static char name[128]; /* the config's name: relative paths resolve in dir */

static void touch(const char *file, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, file);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ew_tlscfg_XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(name, sizeof name, "%s/edgeway.yaml", dir);
    /* The loader only checks that these are readable files; certs/ parses them. */
    const char *files[] = {"s.crt", "s.key", "alt.crt", "alt.key", "ca.crt", "ca.crl", "m.gguf"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        touch(files[i], "x\n");
    ew_sigkey *k = NULL;
    ew_error err;
    char pem[1024];
    if (ew_sigkey_generate(&k, &err) || ew_sigkey_write_pem(k, false, pem, sizeof pem, &err))
        return -1;
    ew_sigkey_free(k);
    touch("admin.pub", pem);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static ew_config *load_ok(const char *yaml)
{
    ew_config *cfg = NULL;
    ew_config_errors errs;
    int st = ew_config_load_string(yaml, strlen(yaml), name, &cfg, &errs);
    if (st) {
        char line[1024];
        fail_msg("load: %s", errs.n ? ew_error_format(&errs.items[0], line, sizeof line) : "?");
    }
    return cfg;
}

/* Expects exactly one error, at line:col, whose message contains needle. */
static void expect_error(const char *yaml, int line, int col, const char *needle)
{
    ew_config *cfg = NULL;
    ew_config_errors errs;
    int st = ew_config_load_string(yaml, strlen(yaml), name, &cfg, &errs);
    assert_int_equal(st, EW_ERR_CONFIG);
    assert_null(cfg);
    char buf[1024];
    if (errs.n != 1)
        fail_msg("%d errors, first: %s", errs.n, ew_error_format(&errs.items[0], buf, sizeof buf));
    const ew_error *e = &errs.items[0];
    if (e->line != line || e->column != col || !strstr(e->message, needle))
        fail_msg("got %s, want %d:%d ...%s", ew_error_format(e, buf, sizeof buf), line, col,
                 needle);
}

static void test_tls_full(void **state)
{
    (void)state;
    ew_config *cfg = load_ok("version: 1\n"
                             "server:\n"
                             "  listen:\n"
                             "    - address: 127.0.0.1:8443\n"
                             "      tls:\n"
                             "        cert: s.crt\n"
                             "        key: s.key\n"
                             "        sni:\n"
                             "          - {cert: alt.crt, key: alt.key}\n"
                             "        client_ca: ca.crt\n"
                             "        client_crl: ca.crl\n"
                             "        client_auth: optional\n"
                             "        client_tenants:\n"
                             "          - {match: 'cn:alice', tenant: acme}\n"
                             "          - {match: 'uri:spiffe://x/bob', tenant: beta}\n"
                             "        handshake_timeout: 2s\n"
                             "        session_tickets: false\n"
                             "        session_lifetime: 10m\n"
                             "        session_cache: 0\n");
    const ew_listener_cfg *l = &cfg->server.listeners[0];
    assert_non_null(strstr(l->tls_cert, "/s.crt"));
    assert_non_null(strstr(l->tls_key, "/s.key"));
    assert_int_equal(l->n_tls_sni, 1);
    assert_non_null(strstr(l->tls_sni[0].cert_file, "/alt.crt"));
    assert_non_null(strstr(l->tls_sni[0].key_file, "/alt.key"));
    assert_non_null(strstr(l->tls_client_ca, "/ca.crt"));
    assert_non_null(strstr(l->tls_client_crl, "/ca.crl"));
    assert_true(l->tls_client_optional);
    assert_int_equal(l->n_tls_tenants, 2);
    assert_string_equal(l->tls_tenants[0].match, "cn:alice");
    assert_string_equal(l->tls_tenants[1].tenant, "beta");
    assert_int_equal(l->tls_handshake_timeout_ms, 2000);
    assert_false(l->tls_session_tickets);
    assert_int_equal(l->tls_session_lifetime_ms, 600000);
    assert_int_equal(l->tls_session_cache, 0);
    ew_config_unref(cfg);
}

static void test_tls_defaults(void **state)
{
    (void)state;
    ew_config *cfg = load_ok("version: 1\n"
                             "server:\n"
                             "  listen:\n"
                             "    - {address: ':8443', tls: {cert: s.crt, key: s.key}}\n");
    const ew_listener_cfg *l = &cfg->server.listeners[0];
    assert_null(l->tls_client_ca);
    assert_false(l->tls_client_optional);
    assert_int_equal(l->n_tls_sni, 0);
    assert_int_equal(l->tls_handshake_timeout_ms, 10000);
    assert_true(l->tls_session_tickets);
    assert_int_equal(l->tls_session_lifetime_ms, 3600000);
    assert_int_equal(l->tls_session_cache, 256);
    ew_config_unref(cfg);
}

static void test_tls_errors(void **state)
{
    (void)state;
    expect_error("version: 1\n"
                 "server:\n"
                 "  listen:\n"
                 "    - address: ':8443'\n"
                 "      tls:\n"
                 "        cert: s.crt\n"
                 "        key: s.key\n"
                 "        client_crl: ca.crl\n",
                 8, 9, "'client_crl' needs 'client_ca'");
    expect_error("version: 1\n"
                 "server:\n"
                 "  listen:\n"
                 "    - address: ':8443'\n"
                 "      tls:\n"
                 "        cert: s.crt\n"
                 "        key: s.key\n"
                 "        client_ca: ca.crt\n"
                 "        client_tenants:\n"
                 "          - {match: 'subject:alice', tenant: acme}\n",
                 10, 21, "expected cn:, dns:, email: or uri:");
    expect_error("version: 1\n"
                 "server:\n"
                 "  listen:\n"
                 "    - address: ':8443'\n"
                 "      tls: {cert: s.crt, key: s.key, client_auht: optional}\n",
                 5, 38, "did you mean 'client_auth'");
    expect_error("version: 1\n"
                 "server:\n"
                 "  listen:\n"
                 "    - address: ':8443'\n"
                 "      tls: {cert: s.crt, key: s.key, sni: [{cert: alt.crt}]}\n",
                 5, 44, "missing required key 'key'");
}

static void test_signing(void **state)
{
    (void)state;
    ew_config *cfg = load_ok("version: 1\n"
                             "require_signed_config: true\n"
                             "signing_key: admin.pub\n"
                             "models:\n"
                             "  - {name: m, path: m.gguf, signed: true}\n");
    assert_true(cfg->require_signed_config);
    assert_non_null(strstr(cfg->signing_key, "/admin.pub"));
    assert_true(cfg->models[0].signed_file);
    ew_config_unref(cfg);
    expect_error("version: 1\nrequire_signed_config: true\n", 2, 1, "needs 'signing_key'");
    expect_error("version: 1\nmodels:\n  - {name: m, path: m.gguf, signed: true}\n", 3, 29,
                 "no 'signing_key'");
    expect_error("version: 1\nsigning_key: s.key\n", 2, 14, "not a PEM or DER public key");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tls_full),
        cmocka_unit_test(test_tls_defaults),
        cmocka_unit_test(test_tls_errors),
        cmocka_unit_test(test_signing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
