/* edgeway public API: trust. File pinning by SHA-256, detached ECDSA P-256
 * signatures for config and model files, and (below) TLS termination.
 *
 * A detached signature is the DER ECDSA-Sig-Value over SHA-256 of the file's
 * exact bytes, stored raw in FILE.sig. That is what
 *   openssl dgst -sha256 -sign KEY.pem -out FILE.sig FILE
 * writes, so signatures made by either tool verify with the other. Readers
 * also accept the same DER encoded in base64 (one line, surrounding
 * whitespace ignored), for signatures pasted through text-only channels.
 */
#ifndef EDGEWAY_CERTS_H
#define EDGEWAY_CERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- SHA-256 of files -------------------------------------------------------- */

/* Progress of a long file operation: `done` of `total` bytes. Called after
 * each 1 MiB block and once at the end. A nonzero return cancels the
 * operation, which then fails with EW_ERR_CANCELLED. */
typedef int (*ew_progress_fn)(void *user, uint64_t done, uint64_t total);

/* Hashes a whole file. progress may be NULL. EW_ERR_IO when it cannot be read. */
int ew_sha256_file(const char *path, uint8_t digest[32], ew_progress_fn progress, void *user,
                   ew_error *err);
/* Hashes a file and compares it with expected_hex (64 hex digits, any case).
 * EW_ERR_INTEGRITY on a mismatch (the message gives both values),
 * EW_ERR_INVALID when expected_hex is malformed. */
int ew_sha256_check_file(const char *path, const char *expected_hex, ew_progress_fn progress,
                         void *user, ew_error *err);
/* Lower-case hex of a digest into out[65] (NUL-terminated). */
void ew_sha256_to_hex(const uint8_t digest[32], char out[65]);
/* Parses exactly 64 hex digits; EW_ERR_INVALID otherwise. */
int ew_sha256_from_hex(const char *hex, uint8_t digest[32]);

/* ---- signing keys -------------------------------------------------------------- */

/* An ECDSA P-256 key: a public key, or a key pair. */
typedef struct ew_sigkey ew_sigkey;

/* Loads a key from PEM or DER: a public key ("BEGIN PUBLIC KEY"), or an
 * unencrypted private key (SEC1 "BEGIN EC PRIVATE KEY" or PKCS#8 "BEGIN
 * PRIVATE KEY"). Other key types and curves are EW_ERR_UNSUPPORTED; an
 * unreadable file EW_ERR_IO; a malformed one EW_ERR_PARSE. Returns owned. */
int ew_sigkey_load(const char *path, ew_sigkey **out, ew_error *err);
/* The same over bytes (borrowed); name labels errors (NULL: "<memory>"). */
int ew_sigkey_parse(const void *data, size_t len, const char *name, ew_sigkey **out, ew_error *err);
/* A fresh key pair from the system's entropy. Returns owned. */
int ew_sigkey_generate(ew_sigkey **out, ew_error *err);
void ew_sigkey_free(ew_sigkey *k);
bool ew_sigkey_has_private(const ew_sigkey *k);
/* PEM of the public key (private_part false) or of the private key (SEC1)
 * into out[size]; EW_ERR_TOO_LARGE when it does not fit, EW_ERR_INVALID when
 * the private part is asked of a public key. 1 KiB always suffices. */
int ew_sigkey_write_pem(const ew_sigkey *k, bool private_part, char *out, size_t size,
                        ew_error *err);
/* "sha256:" and the hex SHA-256 of the public key's DER encoding (the same
 * as `openssl pkey -pubin -outform DER | sha256sum`), into out[72]. Names a
 * key in logs and messages without printing it. */
void ew_sigkey_fingerprint(const ew_sigkey *k, char out[72]);

/* ---- detached signatures --------------------------------------------------------- */

/* The largest DER encoding of a P-256 ECDSA signature. */
#define EW_SIG_MAX_DER 72
/* Signature files larger than this are refused unread (base64 of the DER fits). */
#define EW_SIG_MAX_FILE 1024

/* Signs a SHA-256 digest with a key pair into sig[EW_SIG_MAX_DER]. */
int ew_sig_sign_digest(const ew_sigkey *k, const uint8_t digest[32], uint8_t *sig, size_t *sig_len,
                       ew_error *err);
/* Verifies sig (DER, or base64 of it) over a digest or over bytes. EW_OK when
 * it matches; EW_ERR_INTEGRITY when it does not (wrong key or changed data);
 * EW_ERR_PARSE when sig is not a well-formed signature. */
int ew_sig_verify_digest(const ew_sigkey *k, const uint8_t digest[32], const void *sig,
                         size_t sig_len, ew_error *err);
int ew_sig_verify(const ew_sigkey *k, const void *data, size_t len, const void *sig, size_t sig_len,
                  ew_error *err);

/* Hashes path and writes its signature to sig_path (NULL: path + ".sig"),
 * replacing it atomically (a temporary file, then rename). */
int ew_sig_sign_file(const ew_sigkey *k, const char *path, const char *sig_path,
                     ew_progress_fn progress, void *user, ew_error *err);
/* Hashes path and checks it against sig_path (NULL: path + ".sig"). A missing
 * signature file is EW_ERR_NOT_FOUND; otherwise as ew_sig_verify. */
int ew_sig_verify_file(const ew_sigkey *k, const char *path, const char *sig_path,
                       ew_progress_fn progress, void *user, ew_error *err);
/* Reads a whole file of at most max bytes and returns its bytes only when
 * its detached signature verifies over exactly them. The file is read once,
 * so it cannot change between the check and its use (config loading relies
 * on this). *out is owned by the caller (free()) and NUL-terminated; *len
 * excludes the NUL. Errors as ew_sig_verify_file, plus EW_ERR_TOO_LARGE. */
int ew_sig_read_verified(const ew_sigkey *k, const char *path, const char *sig_path, size_t max,
                         char **out, size_t *len, ew_error *err);

#ifdef __cplusplus
}
#endif
#endif
