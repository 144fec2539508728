/* Signed configs and verified models (see config_trust.h for the rules). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/sha256.h>

#include "certs/certs_internal.h"
#include "certs/config_trust.h"
#include "core/error.h"
#include "core/log.h"

/* The loader refuses larger configs anyway; this bounds the one read. */
#define CONFIG_READ_MAX (1u << 20)

static int fail(ew_config_errors *errs, int st, const char *path, const char *msg)
{
    memset(errs, 0, sizeof *errs);
    ew__error_at(&errs->items[0], st, path, 0, 0, "%s", msg);
    errs->n = 1;
    return st;
}

/* Verifies bytes against path's FILE.sig with k, naming the key's role. */
static int check_sig(const ew_sigkey *k, const char *role, const char *path,
                     const unsigned char *data, size_t len, ew_config_errors *errs)
{
    unsigned char digest[32];
    mbedtls_sha256_ret(data, len, digest, 0);
    ew_error e;
    ew_error_clear(&e);
    int st = ew__sig_verify_file_digest(k, path, NULL, digest, &e);
    if (!st) return EW_OK;
    char fp[72], msg[sizeof e.message + 200];
    ew_sigkey_fingerprint(k, fp);
    snprintf(msg, sizeof msg, "signature check failed (%s %s): %s", role, fp, e.message);
    return fail(errs, st, path, msg);
}

int ew__config_load_trusted(const char *path, const ew__config_trust *t, ew_config **out,
                            ew_sigkey **next_key, ew_config_errors *errs)
{
    *out = NULL;
    *next_key = NULL;
    memset(errs, 0, sizeof *errs);
    unsigned char *data;
    size_t len;
    ew_error e;
    ew_error_clear(&e);
    int st = ew__read_file(path, CONFIG_READ_MAX, &data, &len, &e);
    if (st) return fail(errs, st == EW_ERR_NOT_FOUND ? EW_ERR_IO : st, path, e.message);

    /* Before parsing: an unsigned file is not even read as YAML. */
    const ew_sigkey *before = t->pinned ? t->pinned : t->next;
    if (before) {
        st = check_sig(before, t->pinned ? "pinned key" : "signing_key of the running config", path,
                       data, len, errs);
        if (st) goto out;
    }
    ew_config *cfg = NULL;
    st = ew_config_load_string((const char *)data, len, path, &cfg, errs);
    if (st) goto out;

    ew_sigkey *next = NULL;
    if (cfg->require_signed_config) {
        st = ew_sigkey_load(cfg->signing_key, &next, &e);
        if (st) {
            fail(errs, st, cfg->signing_key, e.message);
        } else if (!before) {
            st = check_sig(next, "its own signing_key", path, data, len, errs);
        }
        if (st) {
            ew_sigkey_free(next);
            ew_config_unref(cfg);
            goto out;
        }
    }
    *next_key = next;
    *out = cfg;
out:
    free(data);
    return st;
}

void ew__config_trust_commit(ew__config_trust *t, ew_sigkey *next_key)
{
    ew_sigkey_free(t->next);
    t->next = next_key;
}

void ew__config_trust_cleanup(ew__config_trust *t)
{
    ew_sigkey_free(t->pinned);
    ew_sigkey_free(t->next);
    t->pinned = t->next = NULL;
}

int ew__model_verify(const ew_config *cfg, const ew_model_cfg *m, ew_progress_fn progress,
                     void *user, ew_error *err)
{
    if (!m->sha256 && !m->signed_file) return EW_OK;
    ew_sigkey *k = NULL;
    int st = EW_OK;
    if (m->signed_file) {
        /* The config loader refuses `signed` without a signing_key. */
        st = cfg->signing_key ? ew_sigkey_load(cfg->signing_key, &k, err)
                              : ew__error_set(err, EW_ERR_CONFIG, "no signing_key");
        if (st) return st;
    }
    unsigned char digest[32];
    st = ew_sha256_file(m->path, digest, progress, user, err);
    if (!st && m->sha256) {
        unsigned char want[32];
        char hex[65];
        ew_sha256_to_hex(digest, hex);
        if (ew_sha256_from_hex(m->sha256, want) || memcmp(want, digest, 32))
            st = ew__error_set(err, EW_ERR_INTEGRITY, "%s: sha256 is %s, the config pins %s",
                               m->path, hex, m->sha256);
    }
    if (!st && k) st = ew__sig_verify_file_digest(k, m->path, NULL, digest, err);
    ew_sigkey_free(k);
    return st;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

bool ew__model_changed(const ew_config *prev, const ew_config *cfg, const ew_model_cfg *m)
{
    for (int i = 0; prev && i < prev->n_models; i++) {
        const ew_model_cfg *p = &prev->models[i];
        if (same_str(p->name, m->name))
            return !same_str(p->path, m->path) || !same_str(p->sha256, m->sha256) ||
                   p->signed_file != m->signed_file ||
                   (m->signed_file && !same_str(prev->signing_key, cfg->signing_key));
    }
    return true;
}
