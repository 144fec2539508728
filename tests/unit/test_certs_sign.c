/* certs/sign.c: SHA-256 pinning and detached ECDSA P-256 signatures. Keys
 * come from mbedTLS key generation in the test, and from the openssl CLI to
 * check that the two tools agree on the format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edgeway/certs.h"

static char tmpdir[64];

/* ---- helpers ------------------------------------------------------------------ */

static const char *tmp_path(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", tmpdir, name);
    return out;
}

static void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static size_t read_bytes(const char *path, void *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

static void write_str(const char *path, const char *s)
{
    write_bytes(path, s, strlen(s));
}

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

static ew_sigkey *gen_key(void)
{
    ew_sigkey *k = NULL;
    ew_error err;
    assert_int_equal(ew_sigkey_generate(&k, &err), EW_OK);
    assert_true(ew_sigkey_has_private(k));
    return k;
}

/* A public-only copy of k, through its PEM. */
static ew_sigkey *public_of(const ew_sigkey *k)
{
    char pem[1024];
    ew_error err;
    assert_int_equal(ew_sigkey_write_pem(k, false, pem, sizeof pem, &err), EW_OK);
    assert_non_null(strstr(pem, "BEGIN PUBLIC KEY"));
    ew_sigkey *pub = NULL;
    assert_int_equal(ew_sigkey_parse(pem, strlen(pem), "pub", &pub, &err), EW_OK);
    assert_false(ew_sigkey_has_private(pub));
    return pub;
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ew_sign_XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    run("rm -rf '%s'", tmpdir);
    return 0;
}

/* ---- sha256 ------------------------------------------------------------------- */

typedef struct progress_log {
    int calls;
    uint64_t last_done, last_total;
    int cancel_after; /* 0 = never */
} progress_log;

static int on_progress(void *user, uint64_t done, uint64_t total)
{
    progress_log *p = user;
    assert_true(done >= p->last_done);
    assert_true(done <= total);
    p->calls++;
    p->last_done = done;
    p->last_total = total;
    return p->cancel_after && p->calls >= p->cancel_after;
}

static void test_sha256_known_vector(void **state)
{
    (void)state;
    char path[512];
    write_str(tmp_path(path, sizeof path, "abc"), "abc");
    uint8_t d[32];
    char hex[65];
    ew_error err;
    assert_int_equal(ew_sha256_file(path, d, NULL, NULL, &err), EW_OK);
    ew_sha256_to_hex(d, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    uint8_t back[32];
    assert_int_equal(ew_sha256_from_hex(hex, back), EW_OK);
    assert_memory_equal(back, d, 32);
    /* Upper case is accepted; wrong length or non-hex is not. */
    assert_int_equal(ew_sha256_check_file(path,
                                          "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF6"
                                          "1F20015AD",
                                          NULL, NULL, &err),
                     EW_OK);
    assert_int_equal(ew_sha256_from_hex("ba78", back), EW_ERR_INVALID);
    hex[10] = 'g';
    assert_int_equal(ew_sha256_from_hex(hex, back), EW_ERR_INVALID);
    assert_int_equal(ew_sha256_check_file(path, hex, NULL, NULL, &err), EW_ERR_INVALID);
}

static void test_sha256_mismatch_and_missing(void **state)
{
    (void)state;
    char path[512];
    write_str(tmp_path(path, sizeof path, "model.gguf"), "not the pinned model");
    ew_error err;
    const char *pin = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_int_equal(ew_sha256_check_file(path, pin, NULL, NULL, &err), EW_ERR_INTEGRITY);
    assert_non_null(strstr(err.message, "expected ba7816bf"));
    assert_non_null(strstr(err.message, "model.gguf"));
    tmp_path(path, sizeof path, "absent.gguf");
    assert_int_equal(ew_sha256_check_file(path, pin, NULL, NULL, &err), EW_ERR_NOT_FOUND);
}

static void test_sha256_progress_and_cancel(void **state)
{
    (void)state;
    char path[512];
    size_t size = (3u << 20) + 123; /* three full blocks and a bit */
    char *data = malloc(size);
    assert_non_null(data);
    for (size_t i = 0; i < size; i++)
        data[i] = (char)(i * 31 + 7);
    write_bytes(tmp_path(path, sizeof path, "big"), data, size);
    free(data);

    progress_log log = {0};
    uint8_t d[32];
    ew_error err;
    assert_int_equal(ew_sha256_file(path, d, on_progress, &log, &err), EW_OK);
    assert_int_equal(log.calls, 4);
    assert_int_equal(log.last_done, size);
    assert_int_equal(log.last_total, size);

    progress_log stop = {.cancel_after = 2};
    assert_int_equal(ew_sha256_file(path, d, on_progress, &stop, &err), EW_ERR_CANCELLED);
    assert_int_equal(stop.calls, 2);
}

/* ---- keys ----------------------------------------------------------------------- */

static void test_key_roundtrip_and_fingerprint(void **state)
{
    (void)state;
    ew_sigkey *k = gen_key();
    char pem[1024], path[512];
    ew_error err;
    assert_int_equal(ew_sigkey_write_pem(k, true, pem, sizeof pem, &err), EW_OK);
    assert_non_null(strstr(pem, "BEGIN EC PRIVATE KEY"));
    write_str(tmp_path(path, sizeof path, "k.pem"), pem);
    ew_sigkey *again = NULL;
    assert_int_equal(ew_sigkey_load(path, &again, &err), EW_OK);
    assert_true(ew_sigkey_has_private(again));

    ew_sigkey *pub = public_of(k);
    char fa[72], fb[72], fc[72];
    ew_sigkey_fingerprint(k, fa);
    ew_sigkey_fingerprint(again, fb);
    ew_sigkey_fingerprint(pub, fc);
    assert_string_equal(fa, fb);
    assert_string_equal(fa, fc);
    assert_int_equal(strlen(fa), 7 + 64);
    assert_memory_equal(fa, "sha256:", 7);

    /* The fingerprint is sha256 of the public key's DER, as openssl sees it. */
    char pub_path[512], out_path[512], line[128] = {0};
    assert_int_equal(ew_sigkey_write_pem(pub, false, pem, sizeof pem, &err), EW_OK);
    write_str(tmp_path(pub_path, sizeof pub_path, "k.pub"), pem);
    tmp_path(out_path, sizeof out_path, "fp.txt");
    assert_int_equal(
        run("openssl pkey -pubin -in '%s' -outform DER | sha256sum > '%s'", pub_path, out_path), 0);
    read_bytes(out_path, line, 64);
    assert_memory_equal(line, fa + 7, 64);

    /* A public key cannot write a private PEM, and a small buffer is refused. */
    assert_int_equal(ew_sigkey_write_pem(pub, true, pem, sizeof pem, &err), EW_ERR_INVALID);
    assert_int_equal(ew_sigkey_write_pem(k, false, pem, 16, &err), EW_ERR_TOO_LARGE);
    ew_sigkey_free(k);
    ew_sigkey_free(again);
    ew_sigkey_free(pub);
    ew_sigkey_free(NULL);
}

static void expect_key_refused(const char *name, int want, const char *needle)
{
    char path[512];
    ew_sigkey *k = (ew_sigkey *)1;
    ew_error err;
    ew_error_clear(&err);
    assert_int_equal(ew_sigkey_load(tmp_path(path, sizeof path, name), &k, &err), want);
    assert_null(k);
    if (!strstr(err.message, needle))
        fail_msg("%s: message '%s' lacks '%s'", name, err.message, needle);
}

static void test_key_refusals(void **state)
{
    (void)state;
    char a[512], b[512];
    tmp_path(a, sizeof a, "rsa.pem");
    assert_int_equal(run("openssl genrsa -out '%s' 1024 2>/dev/null", a), 0);
    expect_key_refused("rsa.pem", EW_ERR_UNSUPPORTED, "not an EC key");
    tmp_path(a, sizeof a, "p384.pem");
    assert_int_equal(run("openssl ecparam -name secp384r1 -genkey -noout -out '%s'", a), 0);
    expect_key_refused("p384.pem", EW_ERR_UNSUPPORTED, "P-256");
    tmp_path(a, sizeof a, "p256.pem");
    tmp_path(b, sizeof b, "enc.pem");
    assert_int_equal(run("openssl ecparam -name prime256v1 -genkey -noout -out '%s' && "
                         "openssl pkcs8 -topk8 -in '%s' -out '%s' -passout pass:secret",
                         a, a, b),
                     0);
    expect_key_refused("enc.pem", EW_ERR_UNSUPPORTED, "encrypted");
    write_str(tmp_path(a, sizeof a, "junk.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n");
    expect_key_refused("junk.pem", EW_ERR_PARSE, "not a PEM or DER");
    write_bytes(tmp_path(a, sizeof a, "empty.pem"), "", 0);
    expect_key_refused("empty.pem", EW_ERR_PARSE, "not a PEM or DER");
    expect_key_refused("missing.pem", EW_ERR_NOT_FOUND, "missing.pem");
}

/* ---- signatures --------------------------------------------------------------------- */

static void test_sign_verify_file(void **state)
{
    (void)state;
    ew_sigkey *k = gen_key(), *pub = public_of(k), *other = gen_key();
    char path[512], sig[512];
    const char *cfg = "version: 1\nrequire_signed_config: true\n";
    write_str(tmp_path(path, sizeof path, "edgeway.yaml"), cfg);
    ew_error err;
    assert_int_equal(ew_sig_sign_file(k, path, NULL, NULL, NULL, &err), EW_OK);
    tmp_path(sig, sizeof sig, "edgeway.yaml.sig");
    unsigned char der[256];
    size_t n = read_bytes(sig, der, sizeof der);
    assert_true(n >= 8 && n <= EW_SIG_MAX_DER);
    assert_int_equal(der[0], 0x30);

    /* Good signature, with the public key and with the pair. */
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_OK);
    assert_int_equal(ew_sig_verify_file(k, path, sig, NULL, NULL, &err), EW_OK);
    /* Wrong key. */
    assert_int_equal(ew_sig_verify_file(other, path, NULL, NULL, NULL, &err), EW_ERR_INTEGRITY);
    assert_non_null(strstr(err.message, "edgeway.yaml.sig: signature does not match"));
    /* Tampered file: one byte changed. */
    write_str(path, "version: 1\nrequire_signed_config: false\n");
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_INTEGRITY);
    /* One byte appended. */
    write_str(path, "version: 1\nrequire_signed_config: true\n\n");
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_INTEGRITY);
    write_str(path, cfg);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_OK);

    /* Truncated, extended and garbage signatures are malformed, not mismatches. */
    write_bytes(sig, der, n - 1);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "not an ECDSA P-256 signature"));
    der[n] = 0;
    write_bytes(sig, der, n + 1);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_PARSE);
    write_str(sig, "this is not a signature at all\n");
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_PARSE);
    write_bytes(sig, "", 0);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_PARSE);
    char big[EW_SIG_MAX_FILE + 10];
    memset(big, 'A', sizeof big);
    write_bytes(sig, big, sizeof big);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "too large"));
    /* A flipped bit inside r is a well-formed signature that does not match. */
    assert_int_equal(ew_sig_sign_file(k, path, NULL, NULL, NULL, &err), EW_OK);
    n = read_bytes(sig, der, sizeof der);
    der[n - 5] ^= 0x01;
    write_bytes(sig, der, n);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_INTEGRITY);
    /* No signature file at all. */
    unlink(sig);
    assert_int_equal(ew_sig_verify_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "no signature"));
    /* A public key cannot sign. */
    assert_int_equal(ew_sig_sign_file(pub, path, NULL, NULL, NULL, &err), EW_ERR_INVALID);
    assert_int_equal(access(sig, F_OK), -1);
    ew_sigkey_free(k);
    ew_sigkey_free(pub);
    ew_sigkey_free(other);
}

static void test_base64_and_buffers(void **state)
{
    (void)state;
    ew_sigkey *k = gen_key();
    const char msg[] = "weights and biases";
    uint8_t digest[32], sig[EW_SIG_MAX_DER];
    size_t sig_len;
    ew_error err;
    char path[512], sigpath[512], b64[256];
    write_str(tmp_path(path, sizeof path, "m.bin"), msg);
    assert_int_equal(ew_sha256_file(path, digest, NULL, NULL, &err), EW_OK);
    assert_int_equal(ew_sig_sign_digest(k, digest, sig, &sig_len, &err), EW_OK);
    assert_int_equal(ew_sig_verify(k, msg, strlen(msg), sig, sig_len, &err), EW_OK);
    assert_int_equal(ew_sig_verify(k, msg, strlen(msg) - 1, sig, sig_len, &err), EW_ERR_INTEGRITY);

    /* The same signature in base64, with surrounding whitespace, via openssl. */
    write_bytes(tmp_path(sigpath, sizeof sigpath, "m.der"), sig, sig_len);
    tmp_path(b64, sizeof b64, "m.b64");
    assert_int_equal(run("(printf '  '; base64 -w0 '%s'; printf '\\n\\n') > '%s'", sigpath, b64),
                     0);
    assert_int_equal(ew_sig_verify_file(k, path, b64, NULL, NULL, &err), EW_OK);
    ew_sigkey_free(k);
}

static void test_openssl_interop(void **state)
{
    (void)state;
    char key[512], pub[512], file[512], sig[512];
    tmp_path(key, sizeof key, "ossl.key");
    tmp_path(pub, sizeof pub, "ossl.pub");
    tmp_path(file, sizeof file, "policy.yaml");
    tmp_path(sig, sizeof sig, "policy.yaml.sig");
    write_str(file, "routing: {default: local}\n");
    assert_int_equal(run("openssl ecparam -name prime256v1 -genkey -noout -out '%s' && "
                         "openssl ec -in '%s' -pubout -out '%s' 2>/dev/null && "
                         "openssl dgst -sha256 -sign '%s' -out '%s' '%s'",
                         key, key, pub, key, sig, file),
                     0);
    ew_sigkey *kpub = NULL, *kpriv = NULL;
    ew_error err;
    assert_int_equal(ew_sigkey_load(pub, &kpub, &err), EW_OK);
    assert_int_equal(ew_sig_verify_file(kpub, file, NULL, NULL, NULL, &err), EW_OK);
    /* And the other way: our signature checks with openssl. PKCS#8 and DER
     * forms of the key load too. */
    assert_int_equal(
        run("openssl pkcs8 -topk8 -nocrypt -in '%s' -outform DER -out '%s.p8'", key, key), 0);
    char p8[600];
    snprintf(p8, sizeof p8, "%s.p8", key);
    assert_int_equal(ew_sigkey_load(p8, &kpriv, &err), EW_OK);
    assert_true(ew_sigkey_has_private(kpriv));
    assert_int_equal(ew_sig_sign_file(kpriv, file, NULL, NULL, NULL, &err), EW_OK);
    assert_int_equal(
        run("openssl dgst -sha256 -verify '%s' -signature '%s' '%s' >/dev/null", pub, sig, file),
        0);
    ew_sigkey_free(kpub);
    ew_sigkey_free(kpriv);
}

static void test_read_verified(void **state)
{
    (void)state;
    ew_sigkey *k = gen_key();
    char path[512];
    const char *text = "version: 1\n";
    write_str(tmp_path(path, sizeof path, "c.yaml"), text);
    ew_error err;
    assert_int_equal(ew_sig_sign_file(k, path, NULL, NULL, NULL, &err), EW_OK);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(ew_sig_read_verified(k, path, NULL, 1024, &data, &len, &err), EW_OK);
    assert_int_equal(len, strlen(text));
    assert_string_equal(data, text);
    free(data);
    /* Too large for the bound. */
    assert_int_equal(ew_sig_read_verified(k, path, NULL, 4, &data, &len, &err), EW_ERR_TOO_LARGE);
    assert_null(data);
    /* Tampered: nothing is returned. */
    write_str(path, "version: 2\n");
    assert_int_equal(ew_sig_read_verified(k, path, NULL, 1024, &data, &len, &err),
                     EW_ERR_INTEGRITY);
    assert_null(data);
    assert_int_equal(len, 0);
    ew_sigkey_free(k);
}

static void test_empty_file(void **state)
{
    (void)state;
    ew_sigkey *k = gen_key();
    char path[512];
    write_bytes(tmp_path(path, sizeof path, "empty"), "", 0);
    ew_error err;
    progress_log log = {0};
    assert_int_equal(ew_sig_sign_file(k, path, NULL, on_progress, &log, &err), EW_OK);
    assert_int_equal(ew_sig_verify_file(k, path, NULL, NULL, NULL, &err), EW_OK);
    assert_int_equal(ew_sha256_check_file(
                         path, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                         NULL, NULL, &err),
                     EW_OK);
    ew_sigkey_free(k);
}

/* Random and mutated signatures and keys: always a clean status, never a
 * crash or an out-of-bounds read (the sanitizer build checks). */
static void test_hostile_inputs(void **state)
{
    (void)state;
    ew_sigkey *k = gen_key();
    uint8_t digest[32] = {1, 2, 3}, sig[EW_SIG_MAX_DER];
    size_t sig_len;
    ew_error err;
    assert_int_equal(ew_sig_sign_digest(k, digest, sig, &sig_len, &err), EW_OK);
    char pem[1024];
    assert_int_equal(ew_sigkey_write_pem(k, false, pem, sizeof pem, &err), EW_OK);
    size_t pem_len = strlen(pem);
    uint32_t x = 12345;
    for (int i = 0; i < 500; i++) {
        x = x * 1103515245u + 12345u;
        /* A mutated copy of a real signature, in an exactly-sized block. */
        size_t n = i % 3 == 0 ? (x >> 8) % (EW_SIG_MAX_DER + 8) : sig_len;
        uint8_t *m = malloc(n ? n : 1);
        for (size_t j = 0; j < n; j++)
            m[j] = j < sig_len ? sig[j] : (uint8_t)(x >> (j % 24));
        if (n) m[(x >> 4) % n] ^= (uint8_t)(1u << (x % 8));
        int st = ew_sig_verify_digest(k, digest, m, n, &err);
        assert_true(st == EW_ERR_PARSE || st == EW_ERR_INTEGRITY || st == EW_OK);
        free(m);
        /* A mutated public key. */
        char *kp = malloc(pem_len);
        memcpy(kp, pem, pem_len);
        kp[(x >> 3) % pem_len] = (char)(x >> 11);
        ew_sigkey *bad = NULL;
        st = ew_sigkey_parse(kp, pem_len, "mutated", &bad, &err);
        assert_true(st == EW_OK || st == EW_ERR_PARSE || st == EW_ERR_UNSUPPORTED);
        assert_true((st == EW_OK) == (bad != NULL));
        ew_sigkey_free(bad);
        free(kp);
    }
    ew_sigkey_free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_known_vector),
        cmocka_unit_test(test_sha256_mismatch_and_missing),
        cmocka_unit_test(test_sha256_progress_and_cancel),
        cmocka_unit_test(test_key_roundtrip_and_fingerprint),
        cmocka_unit_test(test_key_refusals),
        cmocka_unit_test(test_sign_verify_file),
        cmocka_unit_test(test_base64_and_buffers),
        cmocka_unit_test(test_openssl_interop),
        cmocka_unit_test(test_read_verified),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_hostile_inputs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
