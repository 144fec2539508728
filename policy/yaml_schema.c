/* Schema helpers over the YAML tree: typed getters that report every problem
 * as file:line:col into an ew_config_errors list and carry on. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "policy/yaml.h"

/* ---- reporting ------------------------------------------------------------------ */

void ew_yaml_error(ew_yaml_ctx *c, const ew_yaml_node *n, const char *fmt, ...)
{
    ew_config_errors *e = c->errs;
    if (e->n >= EW_CONFIG_MAX_ERRORS) {
        e->dropped++;
        return;
    }
    ew_error *it = &e->items[e->n++];
    memset(it, 0, sizeof *it);
    it->status = EW_ERR_CONFIG;
    snprintf(it->file, sizeof it->file, "%s", c->file ? c->file : "");
    if (n) {
        it->line = n->line;
        it->column = n->column;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->message, sizeof it->message, fmt, ap);
    va_end(ap);
}

static void report_nomem(ew_yaml_ctx *c, const ew_yaml_node *n)
{
    if (!c->nomem) ew_yaml_error(c, n, "out of memory while loading the config");
    c->nomem = true;
}

/* ---- suggestions ---------------------------------------------------------------- */

#define EDIT_MAX_LEN 64

int ew_yaml_edit_distance(const char *a, const char *b, int cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > EDIT_MAX_LEN || lb > EDIT_MAX_LEN) return cap + 1;
    if ((la > lb ? la - lb : lb - la) > (size_t)cap) return cap + 1;
    /* Three rows suffice for optimal string alignment (adjacent swaps). */
    int rows[3][EDIT_MAX_LEN + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int d = prev[j] + 1;
            if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
            if (prev[j - 1] + cost < d) d = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;
            cur[j] = d;
        }
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] > cap ? cap + 1 : prev[lb];
}

const char *ew_yaml_suggest(const char *word, const char *const *candidates)
{
    size_t len = strlen(word);
    /* Short words tolerate one edit, longer ones a few more. */
    int cap = len <= 4 ? 1 : len <= 10 ? 2 : 3;
    const char *best = NULL;
    int best_d = cap + 1;
    for (const char *const *cand = candidates; *cand; cand++) {
        int d = ew_yaml_edit_distance(word, *cand, cap);
        if (d < best_d && d < (int)len) {
            best = *cand;
            best_d = d;
        }
        if (best_d > 0 && !strcasecmp(word, *cand)) {
            best = *cand;
            best_d = 0;
        }
    }
    return best;
}

/* ---- node descriptions ------------------------------------------------------------ */

bool ew_yaml_is_null(const ew_yaml_node *n)
{
    if (!n || n->kind != EW_YAML_SCALAR || n->style != EW_YAML_PLAIN) return false;
    return n->len == 0 || !strcmp(n->str, "~") || !strcmp(n->str, "null") ||
           !strcmp(n->str, "Null") || !strcmp(n->str, "NULL");
}

/* YAML 1.1 booleans, which is what people write in configs. */
static int bool_word(const char *s)
{
    static const char *const yes[] = {"true", "yes", "on", NULL};
    static const char *const no[] = {"false", "no", "off", NULL};
    for (int i = 0; yes[i]; i++) {
        if (!strcasecmp(s, yes[i])) return 1;
        if (!strcasecmp(s, no[i])) return 0;
    }
    return -1;
}

static bool looks_numeric(const char *s)
{
    if (*s == '+' || *s == '-') s++;
    if (!(*s >= '0' && *s <= '9') && *s != '.') return false;
    char *end;
    errno = 0;
    strtod(s, &end);
    return end != s && *end == '\0';
}

const char *ew_yaml_describe(const ew_yaml_node *n)
{
    if (!n) return "nothing";
    if (n->kind == EW_YAML_MAP) return "a map";
    if (n->kind == EW_YAML_SEQ) return "a list";
    if (n->style != EW_YAML_PLAIN) return "a string";
    if (ew_yaml_is_null(n)) return "null";
    if (bool_word(n->str) >= 0) return "a boolean";
    if (looks_numeric(n->str)) return "a number";
    return "a string";
}

/* "got 'abc'" for scalars (quoted when the quotes matter), "got a map" otherwise. */
static void got(const ew_yaml_node *v, char *out, size_t size)
{
    if (v->kind != EW_YAML_SCALAR || ew_yaml_is_null(v))
        snprintf(out, size, "got %s", ew_yaml_describe(v));
    else if (v->style == EW_YAML_QUOTED)
        snprintf(out, size, "got the quoted string \"%.80s\"", v->str);
    else
        snprintf(out, size, "got '%.80s'", v->str);
}

/* ---- maps ------------------------------------------------------------------------- */

bool ew_yaml_expect_map(ew_yaml_ctx *c, const ew_yaml_node *n, const char *what,
                        const char *const *allowed)
{
    if (!n || n->kind != EW_YAML_MAP) {
        ew_yaml_error(c, n, "%s must be a map, got %s", what, ew_yaml_describe(n));
        return false;
    }
    for (int i = 0; i < n->n; i++) {
        const ew_yaml_node *k = n->keys[i];
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strlen(*a) == k->len && !memcmp(*a, k->str, k->len);
        if (known) continue;
        const char *hint = ew_yaml_suggest(k->str, allowed);
        if (hint)
            ew_yaml_error(c, k, "unknown key '%.100s' (did you mean '%s'?)", k->str, hint);
        else
            ew_yaml_error(c, k, "unknown key '%.100s' in %s", k->str, what);
    }
    return true;
}

/* Looks a key up; reports a missing required key at the map. */
static const ew_yaml_node *lookup(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key,
                                  unsigned flags)
{
    const ew_yaml_node *v = ew_yaml_map_get(map, key);
    if (!v && (flags & EW_YAML_REQUIRED)) ew_yaml_error(c, map, "missing required key '%s'", key);
    return v;
}

/* ---- node conversions ------------------------------------------------------------ */

int ew_yaml_to_string(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, unsigned flags,
                      const char **out)
{
    char g[128];
    if (v->kind != EW_YAML_SCALAR || ew_yaml_is_null(v)) {
        got(v, g, sizeof g);
        ew_yaml_error(c, v, "'%s': expected a string, %s", name, g);
        return -1;
    }
    if (strlen(v->str) != v->len) {
        ew_yaml_error(c, v, "'%s': the string contains a NUL character", name);
        return -1;
    }
    if ((flags & EW_YAML_NONEMPTY) && v->len == 0) {
        ew_yaml_error(c, v, "'%s' must not be empty", name);
        return -1;
    }
    const char *s = ew_arena_strndup(c->arena, v->str, v->len);
    if (!s) {
        report_nomem(c, v);
        return -1;
    }
    *out = s;
    return 1;
}

int ew_yaml_to_bool(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, bool *out)
{
    int b = v->kind == EW_YAML_SCALAR && v->style == EW_YAML_PLAIN ? bool_word(v->str) : -1;
    if (b < 0) {
        char g[128];
        got(v, g, sizeof g);
        ew_yaml_error(c, v, "'%s': expected true or false, %s%s", name, g,
                      v->kind == EW_YAML_SCALAR && v->style == EW_YAML_QUOTED &&
                              bool_word(v->str) >= 0
                          ? " (remove the quotes)"
                          : "");
        return -1;
    }
    *out = b == 1;
    return 1;
}

/* Strict decimal integer: optional sign, digits, nothing else. */
static bool parse_int64(const char *s, int64_t *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-') p++;
    if (!*p) return false;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9') return false;
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (errno || *end) return false;
    *out = x;
    return true;
}

static bool is_plain_scalar(const ew_yaml_node *v)
{
    return v->kind == EW_YAML_SCALAR && v->style == EW_YAML_PLAIN && !ew_yaml_is_null(v);
}

int ew_yaml_to_int64(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, int64_t min,
                     int64_t max, int64_t *out)
{
    int64_t x;
    if (!is_plain_scalar(v) || !parse_int64(v->str, &x)) {
        char g[128];
        got(v, g, sizeof g);
        ew_yaml_error(c, v, "'%s': expected an integer, %s", name, g);
        return -1;
    }
    if (x < min || x > max) {
        ew_yaml_error(c, v, "'%s': %" PRId64 " is out of range (%" PRId64 " to %" PRId64 ")", name,
                      x, min, max);
        return -1;
    }
    *out = x;
    return 1;
}

/* Strict decimal number: no hex, inf or nan, which strtod would take. */
static bool parse_double(const char *s, double *out)
{
    for (const char *q = s; *q; q++)
        if (!strchr("0123456789+-.eE", *q)) return false;
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || *end || errno == ERANGE || !isfinite(x)) return false;
    *out = x;
    return true;
}

int ew_yaml_to_double(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, double min,
                      double max, double *out)
{
    double x;
    if (!is_plain_scalar(v) || !parse_double(v->str, &x)) {
        char g[128];
        got(v, g, sizeof g);
        ew_yaml_error(c, v, "'%s': expected a number, %s", name, g);
        return -1;
    }
    if (x < min || x > max) {
        ew_yaml_error(c, v, "'%s': %g is out of range (%g to %g)", name, x, min, max);
        return -1;
    }
    *out = x;
    return 1;
}

/* Reads "<number><unit>" components; units come from a table of multipliers.
 * The number may have a fraction; the total is rounded. */
typedef struct unit {
    const char *name;
    double mult;
} unit;

static int parse_units(const char *s, const unit *units, bool allow_bare, bool multi, int64_t *out)
{
    double total = 0;
    const char *p = s;
    if (!*p) return EW_ERR_INVALID;
    while (*p) {
        const char *num = p;
        while ((*p >= '0' && *p <= '9') || *p == '.')
            p++;
        if (p == num) return EW_ERR_INVALID;
        char nbuf[32];
        if ((size_t)(p - num) >= sizeof nbuf) return EW_ERR_INVALID;
        memcpy(nbuf, num, (size_t)(p - num));
        nbuf[p - num] = '\0';
        double x;
        if (!parse_double(nbuf, &x)) return EW_ERR_INVALID;
        const char *u = p;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            p++;
        size_t ulen = (size_t)(p - u);
        double mult = -1;
        for (const unit *t = units; t->name; t++)
            if (strlen(t->name) == ulen && !strncasecmp(t->name, u, ulen)) mult = t->mult;
        if (ulen == 0 && (allow_bare || (x == 0 && num == s && !*p))) mult = 1;
        if (mult < 0) return EW_ERR_INVALID;
        total += x * mult;
        if (total > 9.0e15) return EW_ERR_INVALID;
        if (!multi && *p) return EW_ERR_INVALID;
    }
    *out = (int64_t)llround(total);
    return EW_OK;
}

int ew_parse_duration_ms(const char *s, int64_t *out_ms)
{
    static const unit units[] = {{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {NULL, 0}};
    return parse_units(s, units, false, true, out_ms);
}

int ew_parse_size(const char *s, int64_t *out)
{
    static const unit units[] = {
        {"b", 1},        {"kb", 1e3},        {"mb", 1e6},           {"gb", 1e9},
        {"kib", 1024.0}, {"mib", 1048576.0}, {"gib", 1073741824.0}, {NULL, 0}};
    return parse_units(s, units, true, false, out);
}

/* Durations and sizes are text with a unit, so any non-block scalar will do. */
static int to_units(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, bool duration,
                    int64_t min, int64_t max, int64_t *out)
{
    int64_t x = 0;
    bool ok = v->kind == EW_YAML_SCALAR && v->style != EW_YAML_BLOCK && !ew_yaml_is_null(v) &&
              strlen(v->str) == v->len &&
              !(duration ? ew_parse_duration_ms(v->str, &x) : ew_parse_size(v->str, &x));
    if (!ok) {
        char g[128];
        got(v, g, sizeof g);
        ew_yaml_error(c, v, "'%s': expected %s, %s", name,
                      duration ? "a duration like 500ms, 30s, 5m or 1h (a unit is required)"
                               : "a size like 512, 64KiB, 4MiB or 1GiB",
                      g);
        return -1;
    }
    if (x < min || x > max) {
        if (duration)
            ew_yaml_error(c, v, "'%s': %s is out of range (%" PRId64 "ms to %" PRId64 "ms)", name,
                          v->str, min, max);
        else
            ew_yaml_error(c, v, "'%s': %s is out of range (%" PRId64 " to %" PRId64 " bytes)", name,
                          v->str, min, max);
        return -1;
    }
    *out = x;
    return 1;
}

int ew_yaml_to_duration(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, int64_t min_ms,
                        int64_t max_ms, int64_t *out_ms)
{
    return to_units(c, v, name, true, min_ms, max_ms, out_ms);
}

int ew_yaml_to_size(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, int64_t min,
                    int64_t max, int64_t *out)
{
    return to_units(c, v, name, false, min, max, out);
}

int ew_yaml_to_enum(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name,
                    const char *const *names, int *out)
{
    if (v->kind == EW_YAML_SCALAR && v->style != EW_YAML_BLOCK)
        for (int i = 0; names[i]; i++)
            if (strlen(names[i]) == v->len && !memcmp(names[i], v->str, v->len)) {
                *out = i;
                return 1;
            }
    char list[256] = "";
    size_t used = 0;
    for (int i = 0; names[i] && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", names[i]);
    char g[128];
    got(v, g, sizeof g);
    const char *hint = v->kind == EW_YAML_SCALAR ? ew_yaml_suggest(v->str, names) : NULL;
    if (hint)
        ew_yaml_error(c, v, "'%s': expected one of %s; %s (did you mean '%s'?)", name, list, g,
                      hint);
    else
        ew_yaml_error(c, v, "'%s': expected one of %s; %s", name, list, g);
    return -1;
}

int ew_yaml_to_strings(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, unsigned flags,
                       const char ***out, int *n)
{
    if (v->kind != EW_YAML_SEQ) {
        ew_yaml_error(c, v, "'%s': expected a list of strings, got %s", name, ew_yaml_describe(v));
        return -1;
    }
    if ((flags & EW_YAML_NONEMPTY) && v->n == 0) {
        ew_yaml_error(c, v, "'%s' must not be an empty list", name);
        return -1;
    }
    const char **arr = ew_arena_calloc(c->arena, (size_t)v->n + 1, sizeof *arr);
    if (!arr) {
        report_nomem(c, v);
        return -1;
    }
    int rc = 1;
    for (int i = 0; i < v->n; i++)
        if (ew_yaml_to_string(c, v->items[i], name, EW_YAML_NONEMPTY, &arr[i]) < 0) rc = -1;
    if (rc > 0) {
        *out = arr;
        *n = v->n;
    }
    return rc;
}

/* ---- key getters ------------------------------------------------------------------ */

int ew_yaml_get_string(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                       const char **out)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_string(c, v, key, flags, out);
}

int ew_yaml_get_bool(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                     bool *out)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_bool(c, v, key, out);
}

int ew_yaml_get_int64(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                      int64_t min, int64_t max, int64_t *out)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_int64(c, v, key, min, max, out);
}

int ew_yaml_get_int(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                    int64_t min, int64_t max, int *out)
{
    int64_t x;
    int rc = ew_yaml_get_int64(c, map, key, flags, min < INT32_MIN ? INT32_MIN : min,
                               max > INT32_MAX ? INT32_MAX : max, &x);
    if (rc > 0) *out = (int)x;
    return rc;
}

int ew_yaml_get_double(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                       double min, double max, double *out)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_double(c, v, key, min, max, out);
}

int ew_yaml_get_duration(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                         int64_t min_ms, int64_t max_ms, int *out_ms)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    int64_t x;
    int rc = ew_yaml_to_duration(c, v, key, min_ms, max_ms > INT32_MAX ? INT32_MAX : max_ms, &x);
    if (rc > 0) *out_ms = (int)x;
    return rc;
}

int ew_yaml_get_size(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                     int64_t min, int64_t max, int64_t *out)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_size(c, v, key, min, max, out);
}

int ew_yaml_get_enum(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                     const char *const *names, int *out)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_enum(c, v, key, names, out);
}

int ew_yaml_get_strings(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, unsigned flags,
                        const char ***out, int *n)
{
    const ew_yaml_node *v = lookup(c, map, key, flags);
    if (!v) return flags & EW_YAML_REQUIRED ? -1 : 0;
    return ew_yaml_to_strings(c, v, key, flags, out, n);
}
