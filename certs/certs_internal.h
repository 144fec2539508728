/* Private to certs/: the random generator shared by signing and TLS, and
 * small helpers for mbedTLS error text. */
#ifndef EW_CERTS_INTERNAL_H
#define EW_CERTS_INTERNAL_H

#include <stddef.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>

#include "edgeway/core.h"

/* A CTR-DRBG seeded from the system's entropy. mbedTLS is built with
 * MBEDTLS_THREADING_C, so one generator may serve several threads. */
typedef struct ew__rng {
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
} ew__rng;

/* personalization labels the use (mixed into the seed). EW_ERR_INTERNAL
 * when the system gives no entropy. */
int ew__rng_init(ew__rng *r, const char *personalization, ew_error *err);
void ew__rng_cleanup(ew__rng *r);
/* The f_rng argument mbedTLS wants; pass &r->drbg as p_rng. */
#define EW__RNG_FN mbedtls_ctr_drbg_random

/* mbedTLS's description of an error code into out[size]; returns out. */
const char *ew__mbedtls_strerror(int code, char *out, size_t size);

/* Reads a whole file into a malloc'd, NUL-terminated buffer, refusing files
 * larger than max (EW_ERR_TOO_LARGE). A missing file is EW_ERR_NOT_FOUND,
 * other failures EW_ERR_IO. */
int ew__read_file(const char *path, size_t max, unsigned char **out, size_t *len, ew_error *err);

/* Checks path's detached signature (sig_path, or path + ".sig") against a
 * digest of path computed by the caller; errors as ew_sig_verify_file. */
struct ew_sigkey;
int ew__sig_verify_file_digest(const struct ew_sigkey *k, const char *path, const char *sig_path,
                               const unsigned char digest[32], ew_error *err);

#endif
