/* SHA-256 file pinning and detached ECDSA P-256 signatures (see
 * include/edgeway/certs.h for the format). Only P-256 keys are accepted: one
 * algorithm means no downgrade or confusion between key types. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mbedtls/asn1.h>
#include <mbedtls/base64.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>

#include "certs/certs_internal.h"
#include "core/error.h"
#include "edgeway/certs.h"

#define HASH_BLOCK (1u << 20)
/* Key files are small; this refuses anything that cannot be one. */
#define KEY_FILE_MAX (64u << 10)

struct ew_sigkey {
    mbedtls_pk_context pk;
    bool has_private;
};

/* ---- SHA-256 ---------------------------------------------------------------------- */

void ew_sha256_to_hex(const uint8_t digest[32], char out[65])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}

static int hex_val(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int ew_sha256_from_hex(const char *hex, uint8_t digest[32])
{
    if (!hex || strnlen(hex, 65) != 64) return EW_ERR_INVALID;
    for (int i = 0; i < 32; i++) {
        int hi = hex_val(hex[2 * i]), lo = hex_val(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return EW_ERR_INVALID;
        digest[i] = (uint8_t)(hi << 4 | lo);
    }
    return EW_OK;
}

/* Hashes an open stream block by block, reporting progress. */
static int hash_stream(FILE *f, const char *path, uint64_t total, uint8_t digest[32],
                       ew_progress_fn progress, void *user, ew_error *err)
{
    unsigned char *block = malloc(HASH_BLOCK);
    if (!block) return ew__error_set(err, EW_ERR_NOMEM, "%s: out of memory", path);
    mbedtls_sha256_context sha;
    mbedtls_sha256_init(&sha);
    mbedtls_sha256_starts_ret(&sha, 0);
    uint64_t done = 0;
    int st = EW_OK;
    size_t n;
    while ((n = fread(block, 1, HASH_BLOCK, f)) > 0) {
        mbedtls_sha256_update_ret(&sha, block, n);
        done += n;
        if (progress && progress(user, done, total > done ? total : done)) {
            st = ew__error_set(err, EW_ERR_CANCELLED, "%s: hashing cancelled", path);
            break;
        }
    }
    if (!st && ferror(f)) st = ew__error_set(err, EW_ERR_IO, "%s: read error", path);
    if (!st) mbedtls_sha256_finish_ret(&sha, digest);
    if (!st && progress && done == 0) progress(user, 0, 0);
    mbedtls_sha256_free(&sha);
    free(block);
    return st;
}

int ew_sha256_file(const char *path, uint8_t digest[32], ew_progress_fn progress, void *user,
                   ew_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ew__error_set(err, errno == ENOENT ? EW_ERR_NOT_FOUND : EW_ERR_IO, "%s: %s", path,
                             strerror(errno));
    struct stat sb;
    uint64_t total = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : 0;
    int st = hash_stream(f, path, total, digest, progress, user, err);
    fclose(f);
    return st;
}

int ew_sha256_check_file(const char *path, const char *expected_hex, ew_progress_fn progress,
                         void *user, ew_error *err)
{
    uint8_t want[32], got[32];
    if (ew_sha256_from_hex(expected_hex, want))
        return ew__error_set(err, EW_ERR_INVALID, "%s: expected sha256 must be 64 hex digits",
                             path);
    int st = ew_sha256_file(path, got, progress, user, err);
    if (st) return st;
    if (memcmp(want, got, 32)) {
        char hex[65];
        ew_sha256_to_hex(got, hex);
        return ew__error_set(err, EW_ERR_INTEGRITY, "%s: sha256 is %s, expected %s", path, hex,
                             expected_hex);
    }
    return EW_OK;
}

/* ---- keys ------------------------------------------------------------------------- */

static int check_p256(ew_sigkey *k, const char *name, ew_error *err)
{
    if (mbedtls_pk_get_type(&k->pk) != MBEDTLS_PK_ECKEY)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "%s: not an EC key (%s); need ECDSA P-256",
                             name, mbedtls_pk_get_name(&k->pk));
    if (mbedtls_pk_ec(k->pk)->grp.id != MBEDTLS_ECP_DP_SECP256R1)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "%s: EC key on another curve; need P-256",
                             name);
    return EW_OK;
}

int ew_sigkey_parse(const void *data, size_t len, const char *name, ew_sigkey **out, ew_error *err)
{
    *out = NULL;
    name = name ? name : "<memory>";
    ew_sigkey *k = calloc(1, sizeof *k);
    /* mbedTLS wants PEM NUL-terminated with the NUL counted in the length. */
    unsigned char *buf = malloc(len + 1);
    if (!k || !buf) {
        free(k);
        free(buf);
        return ew__error_set(err, EW_ERR_NOMEM, "%s: out of memory", name);
    }
    memcpy(buf, data, len);
    buf[len] = '\0';
    size_t blen = len + (memmem(buf, len, "-----BEGIN ", 11) ? 1 : 0);
    mbedtls_pk_init(&k->pk);
    int rc = mbedtls_pk_parse_public_key(&k->pk, buf, blen);
    if (rc) {
        mbedtls_pk_free(&k->pk);
        mbedtls_pk_init(&k->pk);
        rc = mbedtls_pk_parse_key(&k->pk, buf, blen, NULL, 0);
        k->has_private = rc == 0;
    }
    mbedtls_platform_zeroize(buf, len);
    free(buf);
    int st = EW_OK;
    if (rc == MBEDTLS_ERR_PK_PASSWORD_REQUIRED)
        st = ew__error_set(err, EW_ERR_UNSUPPORTED,
                           "%s: the private key is encrypted; use an unencrypted key file "
                           "readable only by its owner",
                           name);
    else if (rc)
        st = ew__error_set(err, EW_ERR_PARSE, "%s: not a PEM or DER public key or EC private key",
                           name);
    else
        st = check_p256(k, name, err);
    if (st) {
        ew_sigkey_free(k);
        return st;
    }
    *out = k;
    return EW_OK;
}

int ew_sigkey_load(const char *path, ew_sigkey **out, ew_error *err)
{
    *out = NULL;
    unsigned char *buf;
    size_t len;
    int st = ew__read_file(path, KEY_FILE_MAX, &buf, &len, err);
    if (st == EW_ERR_TOO_LARGE)
        return ew__error_set(err, EW_ERR_PARSE, "%s: too large to be a key file", path);
    if (st) return st;
    st = ew_sigkey_parse(buf, len, path, out, err);
    mbedtls_platform_zeroize(buf, len);
    free(buf);
    return st;
}

int ew_sigkey_generate(ew_sigkey **out, ew_error *err)
{
    *out = NULL;
    ew_sigkey *k = calloc(1, sizeof *k);
    if (!k) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    mbedtls_pk_init(&k->pk);
    ew__rng rng;
    int st = ew__rng_init(&rng, "edgeway keygen", err);
    if (st) {
        ew_sigkey_free(k);
        return st;
    }
    int rc = mbedtls_pk_setup(&k->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY));
    if (!rc)
        rc = mbedtls_ecp_gen_key(MBEDTLS_ECP_DP_SECP256R1, mbedtls_pk_ec(k->pk), EW__RNG_FN,
                                 &rng.drbg);
    ew__rng_cleanup(&rng);
    if (rc) {
        char msg[128];
        ew_sigkey_free(k);
        return ew__error_set(err, EW_ERR_INTERNAL, "key generation failed: %s",
                             ew__mbedtls_strerror(rc, msg, sizeof msg));
    }
    k->has_private = true;
    *out = k;
    return EW_OK;
}

void ew_sigkey_free(ew_sigkey *k)
{
    if (!k) return;
    mbedtls_pk_free(&k->pk);
    free(k);
}

bool ew_sigkey_has_private(const ew_sigkey *k)
{
    return k && k->has_private;
}

int ew_sigkey_write_pem(const ew_sigkey *k, bool private_part, char *out, size_t size,
                        ew_error *err)
{
    if (private_part && !k->has_private)
        return ew__error_set(err, EW_ERR_INVALID, "a public key has no private part to write");
    /* The write functions take a non-const context but do not modify it. */
    mbedtls_pk_context *pk = (mbedtls_pk_context *)&k->pk;
    int rc = private_part ? mbedtls_pk_write_key_pem(pk, (unsigned char *)out, size)
                          : mbedtls_pk_write_pubkey_pem(pk, (unsigned char *)out, size);
    if (rc == MBEDTLS_ERR_BASE64_BUFFER_TOO_SMALL || rc == MBEDTLS_ERR_ASN1_BUF_TOO_SMALL)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "buffer too small for the PEM key");
    if (rc) return ew__error_set(err, EW_ERR_INTERNAL, "cannot encode the key");
    return EW_OK;
}

void ew_sigkey_fingerprint(const ew_sigkey *k, char out[72])
{
    unsigned char der[256], digest[32];
    int n = mbedtls_pk_write_pubkey_der((mbedtls_pk_context *)&k->pk, der, sizeof der);
    memcpy(out, "sha256:", 7);
    if (n <= 0) {
        snprintf(out + 7, 65, "unknown");
        return;
    }
    /* The DER is written at the end of the buffer. */
    mbedtls_sha256_ret(der + sizeof der - (size_t)n, (size_t)n, digest, 0);
    ew_sha256_to_hex(digest, out + 7);
}

/* ---- signatures ---------------------------------------------------------------------- */

/* Accepts the DER as is, or decodes base64 of it into der[EW_SIG_MAX_DER].
 * Then checks the DER shape: SEQUENCE { INTEGER r, INTEGER s } and nothing
 * after it, so that garbage is told apart from a signature that does not
 * match. */
static int decode_sig(const void *sig, size_t sig_len, unsigned char *der, size_t *der_len,
                      ew_error *err)
{
    const unsigned char *s = sig;
    if (sig_len > 0 && s[0] == 0x30) {
        if (sig_len > EW_SIG_MAX_DER) goto bad;
        memcpy(der, s, sig_len);
        *der_len = sig_len;
    } else {
        while (sig_len && isspace(s[sig_len - 1]))
            sig_len--;
        while (sig_len && isspace(s[0])) {
            s++;
            sig_len--;
        }
        if (sig_len == 0 || sig_len > 4 * ((EW_SIG_MAX_DER + 2) / 3)) goto bad;
        if (mbedtls_base64_decode(der, EW_SIG_MAX_DER, der_len, s, sig_len)) goto bad;
    }
    unsigned char *p = der, *end = der + *der_len, *seq_end;
    size_t len;
    if (mbedtls_asn1_get_tag(&p, end, &len, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE))
        goto bad;
    seq_end = p + len;
    if (seq_end != end) goto bad;
    for (int i = 0; i < 2; i++) {
        if (mbedtls_asn1_get_tag(&p, seq_end, &len, MBEDTLS_ASN1_INTEGER) || len == 0 || len > 33)
            goto bad;
        p += len;
    }
    if (p != seq_end) goto bad;
    return EW_OK;
bad:
    return ew__error_set(err, EW_ERR_PARSE,
                         "not an ECDSA P-256 signature (want DER, or base64 of it)");
}

int ew_sig_sign_digest(const ew_sigkey *k, const uint8_t digest[32], uint8_t *sig, size_t *sig_len,
                       ew_error *err)
{
    *sig_len = 0;
    if (!k->has_private)
        return ew__error_set(err, EW_ERR_INVALID, "signing needs a private key, got a public one");
    ew__rng rng;
    int st = ew__rng_init(&rng, "edgeway sign", err);
    if (st) return st;
    unsigned char buf[MBEDTLS_PK_SIGNATURE_MAX_SIZE];
    size_t n = 0;
    int rc = mbedtls_pk_sign((mbedtls_pk_context *)&k->pk, MBEDTLS_MD_SHA256, digest, 32, buf, &n,
                             EW__RNG_FN, &rng.drbg);
    ew__rng_cleanup(&rng);
    if (rc || n > EW_SIG_MAX_DER) {
        char msg[128];
        return ew__error_set(err, EW_ERR_INTERNAL, "signing failed: %s",
                             ew__mbedtls_strerror(rc, msg, sizeof msg));
    }
    memcpy(sig, buf, n);
    *sig_len = n;
    return EW_OK;
}

int ew_sig_verify_digest(const ew_sigkey *k, const uint8_t digest[32], const void *sig,
                         size_t sig_len, ew_error *err)
{
    unsigned char der[EW_SIG_MAX_DER];
    size_t der_len = 0;
    int st = decode_sig(sig, sig_len, der, &der_len, err);
    if (st) return st;
    int rc = mbedtls_pk_verify((mbedtls_pk_context *)&k->pk, MBEDTLS_MD_SHA256, digest, 32, der,
                               der_len);
    if (rc == MBEDTLS_ERR_ECP_VERIFY_FAILED)
        return ew__error_set(err, EW_ERR_INTEGRITY,
                             "signature does not match (signed by another key, or the file "
                             "changed after signing)");
    if (rc)
        return ew__error_set(err, EW_ERR_PARSE,
                             "not an ECDSA P-256 signature (want DER, or base64 of it)");
    return EW_OK;
}

int ew_sig_verify(const ew_sigkey *k, const void *data, size_t len, const void *sig, size_t sig_len,
                  ew_error *err)
{
    uint8_t digest[32];
    mbedtls_sha256_ret(data, len, digest, 0);
    return ew_sig_verify_digest(k, digest, sig, sig_len, err);
}

/* path + ".sig" when sig_path is NULL, into out[size]. */
static int sig_name(const char *path, const char *sig_path, char *out, size_t size, ew_error *err)
{
    int n = sig_path ? snprintf(out, size, "%s", sig_path) : snprintf(out, size, "%s.sig", path);
    if (n < 0 || (size_t)n >= size)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "%s: path too long", path);
    return EW_OK;
}

/* Reads a signature file, refusing anything larger than a signature could be. */
static int read_sig(const char *name, const char *signed_path, unsigned char **sig, size_t *len,
                    ew_error *err)
{
    int st = ew__read_file(name, EW_SIG_MAX_FILE, sig, len, err);
    if (st == EW_ERR_NOT_FOUND)
        return ew__error_set(err, st, "%s: no signature (sign it with: edgeway sign --key KEY %s)",
                             name, signed_path);
    if (st == EW_ERR_TOO_LARGE)
        return ew__error_set(err, EW_ERR_PARSE, "%s: too large to be a signature", name);
    return st;
}

/* Prefixes err's message with the signature file's name. */
static int sig_fail(ew_error *err, int st, const char *name)
{
    if (err) {
        char msg[sizeof err->message];
        snprintf(msg, sizeof msg, "%s", err->message);
        ew__error_set(err, st, "%s: %s", name, msg);
    }
    return st;
}

static int write_file_atomic(const char *path, const void *data, size_t len, ew_error *err)
{
    char tmp[4096];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "%s: path too long", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return ew__error_set(err, EW_ERR_IO, "%s: %s", tmp, strerror(errno));
    ssize_t w = write(fd, data, len);
    int e = errno;
    if (close(fd) != 0 && w >= 0) {
        e = errno;
        w = -1;
    }
    if (w != (ssize_t)len || rename(tmp, path) != 0) {
        if (w == (ssize_t)len) e = errno;
        unlink(tmp);
        return ew__error_set(err, EW_ERR_IO, "%s: %s", path, strerror(e));
    }
    return EW_OK;
}

int ew_sig_sign_file(const ew_sigkey *k, const char *path, const char *sig_path,
                     ew_progress_fn progress, void *user, ew_error *err)
{
    char name[4096];
    int st = sig_name(path, sig_path, name, sizeof name, err);
    if (st) return st;
    if (!k->has_private)
        return ew__error_set(err, EW_ERR_INVALID, "signing needs a private key, got a public one");
    uint8_t digest[32], sig[EW_SIG_MAX_DER];
    size_t sig_len;
    st = ew_sha256_file(path, digest, progress, user, err);
    if (!st) st = ew_sig_sign_digest(k, digest, sig, &sig_len, err);
    if (!st) st = write_file_atomic(name, sig, sig_len, err);
    return st;
}

int ew__sig_verify_file_digest(const ew_sigkey *k, const char *path, const char *sig_path,
                               const unsigned char digest[32], ew_error *err)
{
    char name[4096];
    int st = sig_name(path, sig_path, name, sizeof name, err);
    if (st) return st;
    unsigned char *sig;
    size_t sig_len;
    st = read_sig(name, path, &sig, &sig_len, err);
    if (st) return st;
    st = ew_sig_verify_digest(k, digest, sig, sig_len, err);
    if (st) sig_fail(err, st, name);
    free(sig);
    return st;
}

int ew_sig_verify_file(const ew_sigkey *k, const char *path, const char *sig_path,
                       ew_progress_fn progress, void *user, ew_error *err)
{
    /* The signature first: a missing one fails before a long hash. */
    char name[4096];
    int st = sig_name(path, sig_path, name, sizeof name, err);
    if (st) return st;
    if (access(name, F_OK) != 0)
        return ew__error_set(err, EW_ERR_NOT_FOUND,
                             "%s: no signature (sign it with: edgeway sign --key KEY %s)", name,
                             path);
    uint8_t digest[32];
    st = ew_sha256_file(path, digest, progress, user, err);
    return st ? st : ew__sig_verify_file_digest(k, path, sig_path, digest, err);
}

int ew_sig_read_verified(const ew_sigkey *k, const char *path, const char *sig_path, size_t max,
                         char **out, size_t *len, ew_error *err)
{
    *out = NULL;
    *len = 0;
    char name[4096];
    int st = sig_name(path, sig_path, name, sizeof name, err);
    if (st) return st;
    unsigned char *sig, *data;
    size_t sig_len, data_len;
    st = read_sig(name, path, &sig, &sig_len, err);
    if (st) return st;
    st = ew__read_file(path, max, &data, &data_len, err);
    if (!st) {
        st = ew_sig_verify(k, data, data_len, sig, sig_len, err);
        if (st) {
            sig_fail(err, st, name);
            free(data);
        } else {
            *out = (char *)data;
            *len = data_len;
        }
    }
    free(sig);
    return st;
}
