/* Split inference, the parts that do not depend on the executor: sanitize a
 * request into a form the cloud may see, restore the cloud's answer, and
 * keep one vault per conversation. route_split.c drives them; any other
 * route that wants to send pseudonymized text (speculative) uses them the
 * same way:
 *
 *   ew__split_sanitize(&opts, vault, req, arena, &clean, &stats, &err);
 *   ... send `clean` to the cloud ...
 *   r = ew__split_restorer_new(vault);
 *   ew__split_restore_text(r, chunk, len, write, user);    per answer chunk
 *   ew__split_restore_tool_calls(r, json, len, stream, &out);
 *   ew__split_restore_finish(r, write, user);              at the end
 *
 * Sanitizing covers every string of a request that a serializer could send:
 * message contents (each text part), names, tool_call ids, tool_calls
 * (arguments decoded and their JSON walked, so an escaped value is seen as
 * the value), tools, tool_choice, response_format, stop strings, user and a
 * completion's prompt. A scan that fails closed, a vault that is full or a
 * value that cannot be walked fails the whole request: nothing is sent
 * half-sanitized.
 */
#ifndef EW_GATEWAY_SPLIT_H
#define EW_GATEWAY_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "edgeway/pii.h"
#include "edgeway/request.h"
#include "policy/config.h"

/* ---- sanitizing ------------------------------------------------------------------ */

typedef struct ew__split_opts {
    const ew_pii_scanner *scanner; /* borrowed; NULL = no detector: every call fails */
    uint32_t replace;              /* EW_PII_BIT mask of types replaced */
    uint32_t never;                /* never_remote types (always in replace) */
} ew__split_opts;

/* The replace and never masks a config asks for: never_remote types always,
 * plus routing.split.types (every type when the list is empty). */
void ew__split_opts_from_config(const ew_config *cfg, ew__split_opts *o);

typedef struct ew__split_stats {
    int placeholders;   /* spans replaced */
    uint32_t replaced;  /* EW_PII_BIT of the types replaced */
    uint32_t found;     /* EW_PII_BIT of every type seen, replaced or not */
    uint16_t max_count; /* the most spans seen in one scanned string */
} ew__split_stats;

/* Writes text[0..len) with every span of a replaced type swapped for its
 * placeholder into the arena (*out NUL-terminated). Adds to st. Fails with
 * EW_ERR_DENIED when the scan failed closed, EW_ERR_UNAVAILABLE without a
 * scanner, EW_ERR_TOO_LARGE when the vault is full, EW_ERR_NOMEM. */
int ew__split_sanitize_text(const ew__split_opts *o, ew_pii_vault *v, const char *text, size_t len,
                            ew_arena *a, const char **out, size_t *out_len, ew__split_stats *st,
                            ew_error *err);

/* The same over a JSON value (raw text): every string, keys included, is
 * sanitized; a string that itself holds a JSON object or array (tool call
 * arguments) is walked as JSON. The result is compact JSON. */
int ew__split_sanitize_json(const ew__split_opts *o, ew_pii_vault *v, const char *json, size_t len,
                            ew_arena *a, const char **out, size_t *out_len, ew__split_stats *st,
                            ew_error *err);

/* Fills *out with a copy of in whose every string is sanitized (scalars and
 * keep_local flags copied). Strings live in the arena. Errors as above; on
 * failure *out must not be sent. */
int ew__split_sanitize(const ew__split_opts *o, ew_pii_vault *v, const ew_request *in, ew_arena *a,
                       ew_request *out, ew__split_stats *st, ew_error *err);

/* ---- restoring ------------------------------------------------------------------- */

typedef struct ew__split_restorer ew__split_restorer;

/* Borrows the vault, which must outlive the restorer. NULL on no memory. */
ew__split_restorer *ew__split_restorer_new(const ew_pii_vault *v);
void ew__split_restorer_free(ew__split_restorer *r);
/* Answer text, in order; chunks may cut a placeholder anywhere. */
int ew__split_restore_text(ew__split_restorer *r, const char *text, size_t len,
                           ew_pii_write_fn write, void *user);
/* Writes what the text restorer held back (restored when complete). */
int ew__split_restore_finish(ew__split_restorer *r, ew_pii_write_fn write, void *user);
/* A tool_calls array (raw JSON) with its strings restored, into out (reset
 * first). Whole arrays restore every string; stream deltas restore
 * function.arguments fragments through one stream restorer per call index,
 * so a placeholder cut across deltas is restored too (the held-back tail
 * comes out of ew__split_restore_tool_tail). */
int ew__split_restore_tool_calls(ew__split_restorer *r, const char *json, size_t len, bool stream,
                                 ew_buf *out);
/* Stream end: a tool_calls delta with each call's held-back arguments, or
 * nothing (out->len 0). */
int ew__split_restore_tool_tail(ew__split_restorer *r, ew_buf *out);
/* Placeholders seen in the answer ("[EMAIL_7]", case and brackets as the
 * vault tolerates) that this vault does not hold: a model that mangled one. */
int ew__split_restore_misses(const ew__split_restorer *r);

/* ---- one vault per conversation --------------------------------------------------- */

#define EW__SPLIT_KEY_LEN 32

/* The conversation's key: SHA-256 over who asks (tenant, key) and either the
 * client's conversation id or, without one, the first system and the first
 * user message as sent (a client that sends back the restored history sends
 * the same first messages, so it finds the same vault). */
void ew__split_conversation_key(const char *tenant, const char *key, const char *conversation,
                                size_t conversation_len, const ew_request *req,
                                uint8_t out[EW__SPLIT_KEY_LEN]);

typedef struct ew__vault_store ew__vault_store;

typedef struct ew__vault_store_limits {
    int max_conversations; /* vaults kept; the least recently used goes first */
    int64_t ttl_ms;        /* a vault unused this long is dropped */
    size_t vault_bytes;    /* values one vault may hold */
} ew__vault_store_limits;

ew__vault_store *ew__vault_store_new(void);
/* Zeroes and frees every vault; none may be held. NULL is a no-op. */
void ew__vault_store_free(ew__vault_store *s);
/* The vault of a conversation, created when new; held (never evicted from
 * under its user) until ew__vault_store_release. Expired vaults are dropped
 * first, then the least recently used idle one when full; NULL when every
 * slot is held or on no memory. now_ms is any monotonic clock. */
ew_pii_vault *ew__vault_store_get(ew__vault_store *s, const ew__vault_store_limits *lim,
                                  const uint8_t key[EW__SPLIT_KEY_LEN], int64_t now_ms);
void ew__vault_store_release(ew__vault_store *s, ew_pii_vault *v);
/* Vaults held in the store now. */
int ew__vault_store_size(const ew__vault_store *s);

/* ---- the gateway's split state and metrics --------------------------------------------- */

#define EW__SPLIT_PH_BUCKETS 9

typedef enum ew__split_mode_ran {
    EW__SPLIT_RAN_PSEUDONYMIZE = 0,
    EW__SPLIT_RAN_LOCAL_PREFIX,
    EW__SPLIT_RAN_COUNT
} ew__split_mode_ran;

/* Loop thread only. */
typedef struct ew__split_state {
    ew__vault_store *store;
    uint64_t requests[EW__SPLIT_RAN_COUNT];
    uint64_t placeholders[EW__SPLIT_PH_BUCKETS + 1]; /* per bucket; last = above all */
    uint64_t placeholders_sum, placeholders_n;
    uint64_t restore_misses;
    uint64_t rescan_fallbacks; /* local-prefix contexts that could not leave: ran locally */
    uint64_t kept_local;       /* requests that could not be sanitized: kept on the device */
} ew__split_state;

ew__split_state *ew__split_state_new(void);
/* After every request is gone. NULL is a no-op. */
void ew__split_state_free(ew__split_state *s);
void ew__split_note_placeholders(ew__split_state *s, int n);
/* Appends the edgeway_split_* series (zeros when s is NULL). */
void ew__split_metrics_render(const ew__split_state *s, ew_buf *out);

#endif
