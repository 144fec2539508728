/* API keys by SHA-256 and per-key token buckets (see auth.h). */
#include <mbedtls/sha256.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gateway/auth.h"

typedef struct bucket {
    double level;
    uint64_t at_ms; /* when level was last brought up to date */
} bucket;

typedef struct key {
    char name[EW_DECISION_NAME_MAX];
    char tenant[EW_DECISION_NAME_MAX];
    uint8_t sha256[32];
    bool admin;
    double rps, tpm;
    bucket req, tok;
} key;

struct ew__auth {
    key *keys; /* (n) */
    int n;
    bool anonymous_loopback;
};

ew__auth *ew__auth_new(void)
{
    return calloc(1, sizeof(ew__auth));
}

void ew__auth_free(ew__auth *a)
{
    if (!a) return;
    free(a->keys);
    free(a);
}

static const key *find_name(const ew__auth *a, const char *name)
{
    for (int i = 0; i < a->n; i++)
        if (!strcmp(a->keys[i].name, name)) return &a->keys[i];
    return NULL;
}

int ew__auth_apply(ew__auth *a, const ew_auth_cfg *cfg)
{
    key *keys = calloc((size_t)cfg->n_keys + 1, sizeof *keys);
    if (!keys) return EW_ERR_NOMEM;
    for (int i = 0; i < cfg->n_keys; i++) {
        const ew_key_cfg *kc = &cfg->keys[i];
        key *k = &keys[i];
        snprintf(k->name, sizeof k->name, "%s", kc->name);
        snprintf(k->tenant, sizeof k->tenant, "%s", kc->tenant ? kc->tenant : kc->name);
        memcpy(k->sha256, kc->sha256, 32);
        k->admin = kc->admin;
        k->rps = kc->rps;
        k->tpm = kc->tokens_per_min;
        /* A new key starts with full buckets; a kept one keeps its level. */
        k->req.level = k->rps > 1 ? k->rps : 1;
        k->tok.level = k->tpm;
        const key *old = find_name(a, k->name);
        if (old) {
            k->req = old->req;
            k->tok = old->tok;
        }
    }
    free(a->keys);
    a->keys = keys;
    a->n = cfg->n_keys;
    a->anonymous_loopback = cfg->allow_anonymous_loopback;
    return EW_OK;
}

static bool same_hash(const uint8_t *x, const uint8_t *y)
{
    unsigned d = 0;
    for (int i = 0; i < 32; i++)
        d |= (unsigned)(x[i] ^ y[i]);
    return d == 0;
}

ew__auth_result ew__auth_identify(const ew__auth *a, const char *k, size_t len, bool loopback,
                                  ew__caller *out)
{
    memset(out, 0, sizeof *out);
    if (!k || !len) {
        if (!a->anonymous_loopback || !loopback) return EW__AUTH_MISSING;
        out->anonymous = true;
        return EW__AUTH_OK;
    }
    uint8_t h[32];
    if (mbedtls_sha256_ret((const unsigned char *)k, len, h, 0)) return EW__AUTH_UNKNOWN;
    /* Every entry is compared, so timing says nothing about which matched. */
    const key *found = NULL;
    for (int i = 0; i < a->n; i++)
        if (same_hash(h, a->keys[i].sha256)) found = &a->keys[i];
    if (!found) {
        /* SDKs always send some key; where anonymous loopback use is allowed,
         * an unknown key there gains nothing over sending none. */
        if (!a->anonymous_loopback || !loopback) return EW__AUTH_UNKNOWN;
        out->anonymous = true;
        return EW__AUTH_OK;
    }
    out->admin = found->admin;
    snprintf(out->key, sizeof out->key, "%s", found->name);
    snprintf(out->tenant, sizeof out->tenant, "%s", found->tenant);
    return EW__AUTH_OK;
}

/* Brings a bucket up to now: rate per second, capped at cap. */
static void refill(bucket *b, double rate_per_s, double cap, uint64_t now_ms)
{
    if (now_ms > b->at_ms) {
        b->level += rate_per_s * (double)(now_ms - b->at_ms) / 1000.0;
        if (b->level > cap) b->level = cap;
    }
    b->at_ms = now_ms;
}

static int seconds_until(double missing, double rate_per_s)
{
    double s = missing / rate_per_s;
    int r = (int)s;
    if ((double)r < s) r++;
    return r < 1 ? 1 : r > 3600 ? 3600 : r;
}

bool ew__auth_admit(ew__auth *a, const ew__caller *c, uint64_t now_ms, int *retry_after_s,
                    const char **which)
{
    key *k = c->anonymous ? NULL : (key *)find_name(a, c->key);
    if (!k) return true;
    if (k->tpm > 0) {
        refill(&k->tok, k->tpm / 60.0, k->tpm, now_ms);
        if (k->tok.level <= 0) {
            *retry_after_s = seconds_until(1 - k->tok.level, k->tpm / 60.0);
            *which = "tokens";
            return false;
        }
    }
    if (k->rps > 0) {
        refill(&k->req, k->rps, k->rps > 1 ? k->rps : 1, now_ms);
        if (k->req.level < 1) {
            *retry_after_s = seconds_until(1 - k->req.level, k->rps);
            *which = "requests";
            return false;
        }
        k->req.level -= 1;
    }
    return true;
}

void ew__auth_charge(ew__auth *a, const ew__caller *c, int64_t tokens, uint64_t now_ms)
{
    key *k = c->anonymous ? NULL : (key *)find_name(a, c->key);
    if (!k || k->tpm <= 0 || tokens <= 0) return;
    refill(&k->tok, k->tpm / 60.0, k->tpm, now_ms);
    k->tok.level -= (double)tokens;
    if (k->tok.level < -k->tpm) k->tok.level = -k->tpm;
}

bool ew__auth_bearer(const char *v, size_t len, const char **k, size_t *klen)
{
    if (len > 7 && !strncasecmp(v, "bearer ", 7)) {
        v += 7;
        len -= 7;
        while (len && *v == ' ') {
            v++;
            len--;
        }
    }
    if (!len || memchr(v, ' ', len)) return false;
    *k = v;
    *klen = len;
    return true;
}

bool ew__auth_is_loopback(const char *peer)
{
    return !strncmp(peer, "127.", 4) || !strncmp(peer, "[::1]", 5) ||
           !strncmp(peer, "[::ffff:127.", 12);
}
