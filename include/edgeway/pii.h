/* edgeway public API: PII detection and the pseudonymization vault.
 *
 * ew_pii_scan finds personal data and secrets in UTF-8 text in one pass and
 * reports spans with BYTE offsets. A scanner is built once from options
 * (enabled types, thresholds, allow-list, deny terms) and is then immutable,
 * so one scanner may be shared by any number of threads.
 *
 * Fail closed: when a scan cannot complete (input over the size limit, too
 * many spans, out of memory) the result is flagged `failed_closed` and counts
 * as containing EW_PII_SECRET, the strictest class. It is never "clean".
 *
 * The vault replaces spans with typed placeholders ([EMAIL_1], [PERSON_2]) and
 * restores them in finished text or in a stream cut anywhere. Its mapping is
 * never logged and is zeroed when the vault is freed.
 */
#ifndef EDGEWAY_PII_H
#define EDGEWAY_PII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Canonical type names, in one list: enum suffix, name, placeholder label. */
#define EW_PII_TYPE_MAP(X)                                                                         \
    X(EMAIL, "email", "EMAIL")                                                                     \
    X(PHONE, "phone", "PHONE")                                                                     \
    X(CREDIT_CARD, "credit_card", "CREDIT_CARD")                                                   \
    X(IBAN, "iban", "IBAN")                                                                        \
    X(US_SSN, "us_ssn", "US_SSN")                                                                  \
    X(UK_NINO, "uk_nino", "UK_NINO")                                                               \
    X(CN_RESIDENT_ID, "cn_resident_id", "CN_RESIDENT_ID")                                          \
    X(PASSPORT, "passport", "PASSPORT")                                                            \
    X(IP_ADDRESS, "ip_address", "IP_ADDRESS")                                                      \
    X(MAC_ADDRESS, "mac_address", "MAC_ADDRESS")                                                   \
    X(CRYPTO_ADDRESS, "crypto_address", "CRYPTO_ADDRESS")                                          \
    X(SECRET, "secret", "SECRET")                                                                  \
    X(PERSON, "person", "PERSON")                                                                  \
    X(STREET_ADDRESS, "street_address", "STREET_ADDRESS")                                          \
    X(DATE_OF_BIRTH, "date_of_birth", "DATE_OF_BIRTH")                                             \
    X(CUSTOM, "custom", "CUSTOM")

typedef enum ew_pii_type {
#define EW__PII_ENUM(id, name, label) EW_PII_##id,
    EW_PII_TYPE_MAP(EW__PII_ENUM)
#undef EW__PII_ENUM
        EW_PII_TYPE_COUNT
} ew_pii_type;

#define EW_PII_BIT(t) (UINT32_C(1) << (t))
#define EW_PII_ALL    ((UINT32_C(1) << EW_PII_TYPE_COUNT) - 1)

/* "email", "phone", ...; "unknown" for out-of-range values. */
const char *ew_pii_type_name(ew_pii_type t);
/* Placeholder label: "EMAIL", "PHONE", ... */
const char *ew_pii_type_label(ew_pii_type t);
/* Parses a canonical name (case-insensitive); -1 when unknown. */
int ew_pii_type_from_name(const char *name, size_t len);

/* One finding: text[start..end) in bytes; score in (0, 1]. */
typedef struct ew_pii_span {
    ew_pii_type type;
    uint32_t start;
    uint32_t end;
    float score;
} ew_pii_span;

/* A custom deny entry: a literal term (case-insensitive, matched on word
 * boundaries) or a POSIX extended regex; reported as `type` with score 1. */
typedef struct ew_pii_deny {
    const char *pattern;
    bool regex;
    ew_pii_type type; /* usually EW_PII_CUSTOM */
} ew_pii_deny;

#define EW_PII_DEFAULT_MAX_INPUT (4u << 20) /* 4 MiB */
#define EW_PII_DEFAULT_MAX_SPANS 8192

/* Scanner options; ew_pii_options_init fills the defaults. Borrowed strings
 * are copied by ew_pii_scanner_new, so the options may be freed after it. */
typedef struct ew_pii_options {
    uint32_t enabled;                   /* EW_PII_BIT mask; default EW_PII_ALL */
    float min_score[EW_PII_TYPE_COUNT]; /* a span is reported when score >= this */
    const char *const *allow;           /* (n_allow) values never reported: a literal
                                           ("support@acme.com"), or a domain as "@acme.com"
                                           or "*.acme.com" (emails/URLs on it) */
    int n_allow;
    const ew_pii_deny *deny; /* (n_deny) */
    int n_deny;
    size_t max_input; /* bytes; larger input fails closed */
    int max_spans;    /* more findings fail closed */
} ew_pii_options;

void ew_pii_options_init(ew_pii_options *opt);

typedef struct ew_pii_scanner ew_pii_scanner;

/* Compiles the options (deny terms into one Aho-Corasick automaton, each regex
 * once). opt may be NULL for defaults. Returns owned, or NULL with err set
 * (EW_ERR_CONFIG for a bad regex or type, EW_ERR_NOMEM). */
ew_pii_scanner *ew_pii_scanner_new(const ew_pii_options *opt, ew_error *err);
void ew_pii_scanner_free(ew_pii_scanner *sc);

/* The result of a scan. Caller-allocated: pair ew_pii_result_init with
 * ew_pii_result_cleanup; one result may be reused across scans without
 * reallocating. Spans are sorted by start and do not overlap. */
typedef struct ew_pii_result {
    ew_pii_span *spans; /* (n) owned */
    int n;
    int cap;
    uint32_t types;                     /* EW_PII_BIT of every type present */
    uint16_t counts[EW_PII_TYPE_COUNT]; /* spans per type (saturating) */
    bool failed_closed;                 /* scan incomplete: treat as EW_PII_SECRET present */
    int status;                         /* why it failed closed; EW_OK otherwise */
} ew_pii_result;

void ew_pii_result_init(ew_pii_result *res);
void ew_pii_result_cleanup(ew_pii_result *res);

/* Scans text[0..len) with sc (NULL = built-in defaults). Never reports a
 * failure as clean: on any error res->failed_closed is set, res->types holds
 * EW_PII_SECRET, and the status is returned (EW_ERR_TOO_LARGE, EW_ERR_NOMEM).
 * Returns EW_OK otherwise. Thread-safe for a shared scanner. */
int ew_pii_scan(const ew_pii_scanner *sc, const char *text, size_t len, ew_pii_result *res);

/* ---- pseudonymization vault ---------------------------------------------- */

/* Receives output bytes; returns EW_OK or a negative status that stops the call. */
typedef int (*ew_pii_write_fn)(void *user, const char *data, size_t len);

typedef struct ew_pii_vault ew_pii_vault;

/* One vault per conversation. max_bytes bounds the stored values (0 = 1 MiB).
 * Returns owned or NULL on allocation failure. */
ew_pii_vault *ew_pii_vault_new(size_t max_bytes);
/* Zeroes every stored value and placeholder, then frees. NULL is a no-op. */
void ew_pii_vault_free(ew_pii_vault *v);
/* Number of distinct values held. */
int ew_pii_vault_size(const ew_pii_vault *v);

/* Writes text with each span replaced by its placeholder. The same value (of
 * the same type, compared after light normalisation: case for emails, digits
 * for numbers) always gets the same placeholder in one vault. Spans must be
 * sorted and non-overlapping (as ew_pii_scan gives them). Returns EW_OK,
 * EW_ERR_INVALID (bad spans), EW_ERR_TOO_LARGE (vault full) or the writer's
 * error; nothing should be sent on failure. */
int ew_pii_vault_pseudonymize(ew_pii_vault *v, const char *text, size_t len,
                              const ew_pii_span *spans, int n_spans, ew_pii_write_fn write,
                              void *user);

/* Writes text with every placeholder of this vault replaced by its value.
 * Tolerates changed case and dropped brackets ("EMAIL_1", "email_1",
 * "[Email_1]"). Unknown placeholders are left as they are; *misses (may be
 * NULL) counts bracketed placeholders that were not found in the vault. */
int ew_pii_vault_restore(const ew_pii_vault *v, const char *text, size_t len, ew_pii_write_fn write,
                         void *user, int *misses);

/* Streaming restore: chunks may cut a placeholder anywhere. Only a possible
 * placeholder prefix is held back (at most EW_PII_PLACEHOLDER_MAX bytes). */
#define EW_PII_PLACEHOLDER_MAX 40

typedef struct ew_pii_stream ew_pii_stream;

/* Borrows the vault, which must outlive the stream. Returns owned or NULL. */
ew_pii_stream *ew_pii_stream_new(const ew_pii_vault *v);
void ew_pii_stream_free(ew_pii_stream *s);
/* Restores what can be restored so far and writes it. */
int ew_pii_stream_push(ew_pii_stream *s, const char *chunk, size_t len, ew_pii_write_fn write,
                       void *user);
/* Ends the stream: writes whatever was held back, restored if complete. */
int ew_pii_stream_finish(ew_pii_stream *s, ew_pii_write_fn write, void *user);
/* Bracketed placeholders seen that the vault does not know. */
int ew_pii_stream_misses(const ew_pii_stream *s);

#ifdef __cplusplus
}
#endif
#endif
