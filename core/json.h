/* JSON reader on jsmn, and a writer that always emits valid, escaped UTF-8.
 *
 * Reader: ew_json_parse tokenizes a whole document (strict JSON: one value,
 * nothing but whitespace after it) with caps on tokens and depth, and checks
 * every string for valid escapes and UTF-8 up front, so lookups never fail on
 * bad input later. Values are referred to by token index (int); -1 means
 * "absent". The document borrows the text: keep it alive while using the doc.
 */
#ifndef EW_CORE_JSON_H
#define EW_CORE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "edgeway/core.h"

typedef enum ew_json_type {
    EW_JSON_NONE = 0, /* absent (index -1) */
    EW_JSON_NULL,
    EW_JSON_BOOL,
    EW_JSON_NUMBER,
    EW_JSON_STRING,
    EW_JSON_ARRAY,
    EW_JSON_OBJECT,
} ew_json_type;

typedef struct ew_json_limits {
    int max_tokens; /* default 65536 */
    int max_depth;  /* default 64 */
} ew_json_limits;

typedef struct ew_json_tok ew_json_tok;

typedef struct ew_json_doc {
    const char *text;
    size_t len;
    ew_json_tok *toks; /* (n) tokens in document order; owned */
    int n;
} ew_json_doc;

/* Parses text[0..len). limits may be NULL for defaults. On failure the doc is
 * empty and err says what and where ("byte N"). Returns EW_OK, EW_ERR_PARSE,
 * EW_ERR_UTF8, EW_ERR_TOO_LARGE (token/depth caps) or EW_ERR_NOMEM. */
int ew_json_parse(ew_json_doc *doc, const char *text, size_t len, const ew_json_limits *limits,
                  ew_error *err);
void ew_json_doc_cleanup(ew_json_doc *doc);

/* The root value is index 0 on success. */
ew_json_type ew_json_type_of(const ew_json_doc *doc, int v);
const char *ew_json_type_name(ew_json_type t);
/* Number of members of an object / elements of an array; 0 otherwise. */
int ew_json_count(const ew_json_doc *doc, int v);
/* Object member by key (exact match after unescaping), or -1. */
int ew_json_get(const ew_json_doc *doc, int obj, const char *key);
/* Several members of object obj in one pass over it: out[i] is the value of
 * keys[i] (of the last one, for duplicate keys, as with ew_json_get) or -1. */
void ew_json_get_many(const ew_json_doc *doc, int obj, const char *const *keys, int n, int *out);
/* Path lookup from v: "a.b[2].c"; keys with dots are not addressable this way. -1 if absent. */
int ew_json_path(const ew_json_doc *doc, int v, const char *path);
/* Array element i, or -1. O(i) after the first call on an array is amortised O(1). */
int ew_json_at(const ew_json_doc *doc, int arr, int i);
/* Iteration: first child (array element or object key) and the next sibling.
 * For objects, children are keys; the value of key k is k + 1... use ew_json_member_value. */
int ew_json_first(const ew_json_doc *doc, int v);
int ew_json_next(const ew_json_doc *doc, int v);
int ew_json_member_value(const ew_json_doc *doc, int key);

/* Raw source bytes of a value (strings without quotes, still escaped). */
const char *ew_json_raw(const ew_json_doc *doc, int v, size_t *len);
/* Unescaped string value into the arena (NUL-terminated; *len excludes NUL).
 * Returns NULL if v is not a string or on allocation failure. */
char *ew_json_string(const ew_json_doc *doc, int v, ew_arena *a, size_t *len);
/* Unescaped string appended to a bounded buffer. */
int ew_json_string_buf(const ew_json_doc *doc, int v, ew_buf *out);
/* True if v is a string equal to s (after unescaping). */
bool ew_json_string_eq(const ew_json_doc *doc, int v, const char *s);
/* Strict numbers: EW_ERR_INVALID when v is not a number or does not fit. */
int ew_json_double(const ew_json_doc *doc, int v, double *out);
int ew_json_int64(const ew_json_doc *doc, int v, int64_t *out);
int ew_json_bool(const ew_json_doc *doc, int v, bool *out);

/* ---- picking a few values -------------------------------------------------------
 *
 * ew_json_pick checks a whole document exactly as ew_json_parse does (it
 * accepts the same documents, under the same limits) in one pass without
 * tokenizing it, and keeps only the values a table names. For a small
 * document read once for a few members (an upstream's stream chunk) that is
 * a fraction of a parse. The doc it fills has value 0 = the root and value
 * i + 1 = picks[i] (EW_JSON_NONE when absent); the value accessors above
 * work on them, but containers there have no children to navigate (read
 * them with ew_json_raw, or pick their members too). */
typedef struct ew_json_want {
    int parent;      /* the value this is in: 0 = the root, i + 1 = picks[i] (i earlier) */
    const char *key; /* a member of that object, or NULL: */
    int index;       /* element `index` of that array */
} ew_json_want;

/* At most EW_JSON_PICK_MAX picks. Duplicate keys: the last one wins, as in
 * ew_json_get, and what was picked inside an earlier duplicate is dropped.
 * Errors as ew_json_parse (EW_ERR_INVALID for a bad table). */
#define EW_JSON_PICK_MAX 32
int ew_json_pick(ew_json_doc *doc, const char *text, size_t len, const ew_json_want *picks, int n,
                 const ew_json_limits *limits, ew_error *err);

/* A pick table checked and indexed once, for a caller that reads many
 * documents with it (every chunk of every stream): ew_json_pick prepares
 * its table on each call. `want` must outlive the prepared table. */
typedef struct ew_json_picks {
    const ew_json_want *want;
    int n;
    uint64_t kids[EW_JSON_PICK_MAX + 1]; /* (n + 1): bit j = want[j] is in that value */
    uint64_t by_first[32]; /* bit j: want[j]'s key starts with a byte of these low 5 bits */
} ew_json_picks;

/* EW_ERR_INVALID for a bad table (as ew_json_pick). */
int ew_json_picks_init(ew_json_picks *t, const ew_json_want *picks, int n, ew_error *err);
/* ew_json_pick with a prepared table. */
int ew_json_pick_with(ew_json_doc *doc, const char *text, size_t len, const ew_json_picks *t,
                      const ew_json_limits *limits, ew_error *err);

/* The chunks of one stream repeat a prefix (id, object, created, model, the
 * first choice's index) and differ from the delta on. A memo keeps the walk's
 * state where value `at` (i + 1 = picks[i]) starts when it is an object or an
 * array, with the bytes up to its opening bracket;
 * a document that starts with the same bytes, read with the same table and
 * limits, resumes there instead of walking them again. The result is always
 * ew_json_pick_with's: the state at that point depends on those bytes alone.
 * A NULL memo, or one whose `at` is not in the table, reads from the start. */
typedef struct ew_json_pick_memo ew_json_pick_memo;
ew_json_pick_memo *ew_json_pick_memo_new(int at);
void ew_json_pick_memo_free(ew_json_pick_memo *m);
int ew_json_pick_resume(ew_json_doc *doc, const char *text, size_t len, const ew_json_picks *t,
                        const ew_json_limits *limits, ew_json_pick_memo *m, ew_error *err);

/* ---- writer ---------------------------------------------------------------- */

#define EW_JW_MAX_DEPTH 64

/* Writes into a bounded ew_buf. Commas and colons are automatic. Strings are
 * escaped; invalid UTF-8 in input is replaced with U+FFFD so the output is
 * always valid. The first failure (e.g. EW_ERR_TOO_LARGE) sticks in `status`
 * and later calls do nothing, so callers check once at the end. */
typedef struct ew_jw {
    ew_buf *out;
    int status;
    int depth;
    bool need_comma[EW_JW_MAX_DEPTH];
    bool after_key;
} ew_jw;

void ew_jw_init(ew_jw *w, ew_buf *out);
void ew_jw_object_begin(ew_jw *w);
void ew_jw_object_end(ew_jw *w);
void ew_jw_array_begin(ew_jw *w);
void ew_jw_array_end(ew_jw *w);
void ew_jw_key(ew_jw *w, const char *key);
/* A key written in the code: lit must be a string literal with nothing to
 * escape in it (a name of letters, digits and '_'). It goes out in one copy,
 * with no strlen and no scan: request bodies write a dozen such keys each. */
#define EW_JW_KEY(w, lit) ew__jw_key_quoted((w), "\"" lit "\":", sizeof(lit) + 2)
void ew__jw_key_quoted(ew_jw *w, const char *quoted, size_t len);
void ew_jw_keyn(ew_jw *w, const char *key, size_t len);
void ew_jw_string(ew_jw *w, const char *s);
void ew_jw_stringn(ew_jw *w, const char *s, size_t len);
void ew_jw_int(ew_jw *w, int64_t v);
void ew_jw_uint(ew_jw *w, uint64_t v);
/* Non-finite values are written as null. Shortest round-trip form (%.17g trimmed). */
void ew_jw_double(ew_jw *w, double v);
void ew_jw_bool(ew_jw *w, bool v);
void ew_jw_null(ew_jw *w);
/* A string value from the escaped body of a JSON string (no quotes), written
 * as is: the caller guarantees it is valid (e.g. the reader checked it). */
void ew_jw_string_json(ew_jw *w, const char *body, size_t len);
/* Inserts already-serialized JSON verbatim (caller guarantees validity). */
void ew_jw_raw(ew_jw *w, const char *json, size_t len);
/* Appends the escaped body of a JSON string (no quotes) to a buffer. */
int ew_json_escape(ew_buf *out, const char *s, size_t len);

/* UTF-8 helpers shared by the reader, writer and scanners. */
/* Length of the valid UTF-8 sequence at s[0..len), or 0 if invalid. */
int ew_utf8_seq_len(const unsigned char *s, size_t len);
bool ew_utf8_valid(const char *s, size_t len);
/* Writes code point cp (<= U+10FFFF) as 1-4 bytes of UTF-8; returns the count. */
int ew_utf8_encode(uint32_t cp, char *out);

#endif
