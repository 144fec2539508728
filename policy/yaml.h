/* YAML for the config: libyaml events -> a small node tree, and the schema
 * helpers that config decoders use.
 *
 * The tree keeps every node's place (line, column, 1-based) and every
 * scalar's style, so a quoted "yes" stays a string while a plain yes is a
 * boolean. The parser is defensive: the file size, node count, nesting depth
 * and scalar length are capped; anchors, aliases and tags other than !!str are
 * rejected (so no billion-laughs expansion can happen); duplicate keys and a
 * second document are errors.
 *
 * The schema helpers never stop at the first problem: each one reports into
 * an ew_config_errors list as `file:line:col: message` and returns, so one
 * load lists every error in the file.
 */
#ifndef EW_POLICY_YAML_H
#define EW_POLICY_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "edgeway/core.h"
#include "policy/config.h"

/* ---- the tree ---------------------------------------------------------------- */

typedef enum ew_yaml_kind {
    EW_YAML_SCALAR = 0,
    EW_YAML_SEQ,
    EW_YAML_MAP,
} ew_yaml_kind;

typedef enum ew_yaml_style {
    EW_YAML_PLAIN = 0, /* unquoted: may be null, bool or a number */
    EW_YAML_QUOTED,    /* 'single' or "double" (or tagged !!str): always a string */
    EW_YAML_BLOCK,     /* | or >: always a string */
} ew_yaml_style;

typedef struct ew_yaml_node ew_yaml_node;
struct ew_yaml_node {
    ew_yaml_kind kind;
    ew_yaml_style style; /* scalars */
    int line;            /* 1-based */
    int column;          /* 1-based, in characters */
    const char *str;     /* scalars: NUL-terminated (may hold NULs: see len) */
    size_t len;
    /* Sequences: (n) items. Maps: (n) pairs, keys[i] -> items[i]; keys are scalars. */
    ew_yaml_node **items;
    ew_yaml_node **keys;
    int n;
};

typedef struct ew_yaml_limits {
    size_t max_bytes;  /* input size; default 1 MiB */
    int max_nodes;     /* default 100000 */
    int max_depth;     /* nesting of maps and sequences; default 64 */
    size_t max_scalar; /* bytes in one scalar; default 64 KiB */
} ew_yaml_limits;

typedef struct ew_yaml_doc {
    ew_arena arena;     /* owns every node */
    const char *file;   /* name used in messages (arena copy) */
    ew_yaml_node *root; /* NULL for an empty document */
} ew_yaml_doc;

/* Parses one YAML document from text[0..len). `file` names it in errors;
 * limits may be NULL for the defaults. On failure the doc is empty and err
 * holds file, line, column and a message. Returns EW_OK, EW_ERR_PARSE,
 * EW_ERR_TOO_LARGE, EW_ERR_UNSUPPORTED (anchor, alias, tag) or EW_ERR_NOMEM. */
int ew_yaml_parse(ew_yaml_doc *doc, const char *text, size_t len, const char *file,
                  const ew_yaml_limits *limits, ew_error *err);
void ew_yaml_doc_cleanup(ew_yaml_doc *doc);

/* A map's value for key, or NULL. Linear: maps in a config are small. */
const ew_yaml_node *ew_yaml_map_get(const ew_yaml_node *map, const char *key);
/* The key node itself (for errors about a key rather than its value), or NULL. */
const ew_yaml_node *ew_yaml_map_key(const ew_yaml_node *map, const char *key);
/* "a map", "a list", "a string", "null", "a boolean", "a number" for messages. */
const char *ew_yaml_describe(const ew_yaml_node *n);
/* True for a plain null: ~, null, Null, NULL or empty. */
bool ew_yaml_is_null(const ew_yaml_node *n);

/* ---- schema helpers ------------------------------------------------------------ */

/* Where decoders report. Decoded strings and arrays are copied into `arena`. */
typedef struct ew_yaml_ctx {
    const char *file;
    ew_config_errors *errs;
    ew_arena *arena;
    bool nomem; /* set when an arena allocation failed (also reported) */
} ew_yaml_ctx;

/* Appends "file:line:col: message" at node n (n may be NULL: no place). */
void ew_yaml_error(ew_yaml_ctx *c, const ew_yaml_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Optimal-string-alignment edit distance, capped: returns cap+1 when larger. */
int ew_yaml_edit_distance(const char *a, const char *b, int cap);
/* The candidate (NULL-terminated list) close enough to `word` to suggest, or NULL. */
const char *ew_yaml_suggest(const char *word, const char *const *candidates);

/* Checks that n is a map whose keys are all in `allowed` (NULL-terminated).
 * Each unknown key is reported at its place, with a suggestion when one is
 * close: "unknown key 'lisen' (did you mean 'listen'?)". `what` names the
 * section in the not-a-map message. Returns false when n is not a map. */
bool ew_yaml_expect_map(ew_yaml_ctx *c, const ew_yaml_node *n, const char *what,
                        const char *const *allowed);

enum {
    EW_YAML_REQUIRED = 1 << 0, /* absent key -> "missing required key 'k'" at the map */
    EW_YAML_NONEMPTY = 1 << 1, /* strings and lists: empty is an error */
};

/* Typed getters. Each looks `key` up in `map` (which the caller has checked
 * with ew_yaml_expect_map) and converts it. They return 1 when the value was
 * set, 0 when the key is absent (*out is left as is, so callers pre-set
 * defaults) and -1 after reporting an error (*out is left as is). */
int ew_yaml_get_string(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                       const char **out);
int ew_yaml_get_bool(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                     bool *out);
int ew_yaml_get_int(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                    int64_t min, int64_t max, int *out);
int ew_yaml_get_int64(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                      int64_t min, int64_t max, int64_t *out);
int ew_yaml_get_double(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                       double min, double max, double *out);
/* "500ms", "30s", "5m", "2h", "1.5s", or 0; stored in milliseconds. */
int ew_yaml_get_duration(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                         int64_t min_ms, int64_t max_ms, int *out_ms);
/* "512", "16KiB", "4MiB", "1GiB", "10KB", "2MB" (KB/MB/GB are powers of 1000). */
int ew_yaml_get_size(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                     int64_t min, int64_t max, int64_t *out);
/* One of `names` (NULL-terminated); *out is its index. */
int ew_yaml_get_enum(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                     const char *const *names, int *out);
/* A list of strings, copied into the arena as (n) pointers. */
int ew_yaml_get_strings(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                        const char ***out, int *n);

/* The same conversions on a node (list items, values found by hand). `name`
 * is the key or item description used in messages. Return 1 or -1. */
int ew_yaml_to_string(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, unsigned flags,
                      const char **out);
int ew_yaml_to_bool(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, bool *out);
int ew_yaml_to_int64(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, int64_t min,
                     int64_t max, int64_t *out);
int ew_yaml_to_double(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, double min,
                      double max, double *out);
int ew_yaml_to_duration(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, int64_t min_ms,
                        int64_t max_ms, int64_t *out_ms);
int ew_yaml_to_size(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, int64_t min,
                    int64_t max, int64_t *out);
int ew_yaml_to_enum(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name,
                    const char *const *names, int *out);
int ew_yaml_to_strings(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, unsigned flags,
                       const char ***out, int *n);

/* Pure parsers behind the getters, for other inputs (CLI flags, headers).
 * Each returns EW_OK or EW_ERR_INVALID; the whole string must be consumed. */
int ew_parse_duration_ms(const char *s, int64_t *out_ms);
int ew_parse_size(const char *s, int64_t *out);

#endif
