/* The random generator and small shared helpers of certs/. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/error.h>

#include "certs/certs_internal.h"
#include "core/error.h"

int ew__rng_init(ew__rng *r, const char *personalization, ew_error *err)
{
    mbedtls_entropy_init(&r->entropy);
    mbedtls_ctr_drbg_init(&r->drbg);
    int rc = mbedtls_ctr_drbg_seed(&r->drbg, mbedtls_entropy_func, &r->entropy,
                                   (const unsigned char *)personalization, strlen(personalization));
    if (rc) {
        char msg[128];
        ew__rng_cleanup(r);
        return ew__error_set(err, EW_ERR_INTERNAL, "cannot seed the random generator: %s",
                             ew__mbedtls_strerror(rc, msg, sizeof msg));
    }
    return EW_OK;
}

void ew__rng_cleanup(ew__rng *r)
{
    mbedtls_ctr_drbg_free(&r->drbg);
    mbedtls_entropy_free(&r->entropy);
}

const char *ew__mbedtls_strerror(int code, char *out, size_t size)
{
    mbedtls_strerror(code, out, size);
    return out;
}

int ew__read_file(const char *path, size_t max, unsigned char **out, size_t *len, ew_error *err)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ew__error_set(err, errno == ENOENT ? EW_ERR_NOT_FOUND : EW_ERR_IO, "%s: %s", path,
                             strerror(errno));
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    int st = buf ? EW_OK : EW_ERR_NOMEM;
    while (!st) {
        if (n == cap) {
            /* One byte past max tells "exactly max" from "larger". */
            size_t limit = max == SIZE_MAX ? max : max + 1;
            size_t ncap = cap > limit / 2 ? limit : cap * 2;
            if (ncap <= cap) {
                st = ew__error_set(err, EW_ERR_TOO_LARGE, "%s: larger than %zu bytes", path, max);
                break;
            }
            unsigned char *nb = realloc(buf, ncap);
            if (!nb) {
                st = EW_ERR_NOMEM;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > max)
            st = ew__error_set(err, EW_ERR_TOO_LARGE, "%s: larger than %zu bytes", path, max);
        else if (got == 0)
            break;
    }
    if (!st && ferror(f)) st = ew__error_set(err, EW_ERR_IO, "%s: read error", path);
    fclose(f);
    if (!st && n == cap) {
        unsigned char *nb = realloc(buf, cap + 1);
        if (!nb) st = EW_ERR_NOMEM;
        buf = nb ? nb : buf;
    }
    if (st == EW_ERR_NOMEM) ew__error_set(err, st, "%s: out of memory", path);
    if (st) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return EW_OK;
}
