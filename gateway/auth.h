/* API keys and per-key limits.
 *
 * A caller presents a key as "Authorization: Bearer KEY" (or "x-api-key:
 * KEY"); the gateway hashes it with SHA-256 and looks the hash up in the
 * config's auth.keys, comparing in constant time. Only hashes are ever
 * stored. Without a key (or with one that is not configured, as SDKs always
 * send one), a loopback caller is let in as anonymous when
 * auth.allow_anonymous_loopback is set; everyone else gets 401.
 *
 * Limits are token buckets per key name (so a reload keeps their state):
 *  - requests: rps per second, bursts of up to max(1, rps);
 *  - tokens: tokens_per_min, a minute's worth of burst. A request is let in
 *    while the bucket is positive and pays for its usage when it ends, so one
 *    big answer can overdraw it (down to minus one minute's worth) and later
 *    requests wait until it refills.
 * Refusals say when to come back (Retry-After, whole seconds, at least 1).
 * Loop thread only.
 */
#ifndef EW_GATEWAY_AUTH_H
#define EW_GATEWAY_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/config.h"

typedef struct ew__auth ew__auth;

typedef struct ew__caller {
    bool anonymous;
    bool admin;
    char key[EW_DECISION_NAME_MAX];    /* the key's name; "" when anonymous */
    char tenant[EW_DECISION_NAME_MAX]; /* "" when none */
} ew__caller;

ew__auth *ew__auth_new(void);
void ew__auth_free(ew__auth *a);
/* Switches to a config's keys; buckets of keys kept by name keep their level. */
int ew__auth_apply(ew__auth *a, const ew_auth_cfg *cfg);

typedef enum ew__auth_result {
    EW__AUTH_OK = 0,
    EW__AUTH_MISSING, /* no key, and not an allowed anonymous caller */
    EW__AUTH_UNKNOWN, /* a key that is not configured */
} ew__auth_result;

/* Identifies the caller from the presented key (key NULL = none given). */
ew__auth_result ew__auth_identify(const ew__auth *a, const char *key, size_t key_len, bool loopback,
                                  ew__caller *out);

/* Takes one request from the caller's buckets. Returns true when admitted;
 * otherwise *retry_after_s and *which ("requests" or "tokens") say why. */
bool ew__auth_admit(ew__auth *a, const ew__caller *c, uint64_t now_ms, int *retry_after_s,
                    const char **which);
/* Charges a finished request's tokens to the caller's token bucket. */
void ew__auth_charge(ew__auth *a, const ew__caller *c, int64_t tokens, uint64_t now_ms);

/* The key from an Authorization ("Bearer KEY") or x-api-key header value;
 * false when the value has another scheme or no key. */
bool ew__auth_bearer(const char *value, size_t len, const char **key, size_t *key_len);
/* Whether a peer "ip:port" string is a loopback address. */
bool ew__auth_is_loopback(const char *peer);

#endif
