/* JSON reader (see json.h). One pass reads a document: a recursive-descent
 * walk with an explicit stack (no recursion on input) checks the grammar
 * byte by byte (exactly one ',' or ':' where it is due, nothing after the
 * value), string bodies (escapes, surrogate pairs, control bytes, UTF-8) in
 * the same scan that finds their closing quote, literals and the RFC 8259
 * number grammar, and caps the values and the depth. So the rest of the
 * library can trust a parsed document. ew_json_parse keeps every value as a
 * token in document order, each with its next sibling and arrays with a
 * table of their elements, so iteration, ew_json_next and ew_json_at are
 * O(1); ew_json_pick runs the same walk and keeps only the values a table
 * names, so the two accept the same documents with the same errors. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/error.h"
#include "core/json.h"
#include "core/json_priv.h"

#define JSON_DEFAULT_MAX_TOKENS 65536
#define JSON_DEFAULT_MAX_DEPTH  64

/* For the steps of the walk: it is specialised for each of its two modes
 * (a constant at each call site), and most of its steps are a few
 * instructions, less than a call's. */
#define ALWAYS_INLINE static inline __attribute__((always_inline))

struct ew_json_tok {
    int start;             /* first content byte (strings: after the opening quote) */
    int end;               /* one past the content (strings: the closing quote) */
    int next;              /* next array element or object key of the same container, or -1 */
    int count;             /* containers: elements or members */
    int kids;              /* arrays: offset of the elements in the kids table (after toks) */
    unsigned char type;    /* ew_json_type */
    unsigned char escaped; /* strings: holds at least one backslash escape */
    unsigned char key;     /* an object's key: its value is the next token */
};

/* The kids table shares the token allocation: ints after the (n) tokens. */
static int *doc_kids(const ew_json_doc *doc)
{
    return (int *)(void *)(doc->toks + doc->n);
}

/* Value v, or NULL; a value ew_json_pick did not find reads as absent (-1). */
static const ew_json_tok *tok_at(const ew_json_doc *doc, int v)
{
    if (!doc || !doc->toks || v < 0 || v >= doc->n) return NULL;
    return doc->toks[v].type != EW_JSON_NONE ? &doc->toks[v] : NULL;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int hex_val(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads 4 hex digits at s[0..avail); -1 if they are not there. */
static long hex4(const char *s, size_t avail)
{
    if (avail < 4) return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_val(s[i]);
        if (h < 0) return -1;
        v = v << 4 | h;
    }
    return v;
}

/* Describes the byte at off for an error message. */
static const char *byte_desc(const char *text, size_t len, size_t off, char tmp[8])
{
    unsigned char c = off < len ? (unsigned char)text[off] : 0;
    if (off >= len) return "end of input";
    if (c >= 0x21 && c < 0x7f) {
        tmp[0] = '\'';
        tmp[1] = (char)c;
        tmp[2] = '\'';
        tmp[3] = '\0';
    } else {
        static const char hex[] = "0123456789abcdef";
        memcpy(tmp, "0x", 2);
        tmp[2] = hex[c >> 4];
        tmp[3] = hex[c & 15];
        tmp[4] = '\0';
    }
    return tmp;
}

static int err_unexpected(ew_error *err, const char *text, size_t len, size_t off,
                          const char *expected)
{
    char tmp[8];
    if (off >= len)
        return ew__error_set(err, EW_ERR_PARSE, "JSON: truncated: expected %s at byte %zu, the end",
                             expected, off);
    return ew__error_set(err, EW_ERR_PARSE, "JSON: expected %s, found %s at byte %zu", expected,
                         byte_desc(text, len, off, tmp), off);
}

/* ---- string and primitive validation --------------------------------------- */

/* The escape at s[*i] (a backslash) of a string in s[..len): one of \" \\ \/
 * \b \f \n \r \t, or \u and four hex digits, a high surrogate only with a
 * low one after it. Moves *i past it. */
static int check_escape(const char *s, size_t *i, size_t len, ew_error *err)
{
    size_t at = *i;
    if (at + 1 >= len)
        return ew__error_set(err, EW_ERR_PARSE, "JSON: truncated: unterminated escape at byte %zu",
                             at);
    char e = s[at + 1];
    if (e && strchr("\"\\/bfnrt", e)) {
        *i = at + 2;
        return EW_OK;
    }
    if (e != 'u')
        return ew__error_set(err, EW_ERR_PARSE, "JSON: invalid escape '\\%c' at byte %zu",
                             e >= 0x21 && e < 0x7f ? e : '?', at);
    /* No hex digit is a quote, so reading past the string's end finds none. */
    long cp = hex4(s + at + 2, len - at - 2);
    if (cp < 0)
        return ew__error_set(err, EW_ERR_PARSE, "JSON: \\u needs 4 hex digits at byte %zu", at);
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return ew__error_set(err, EW_ERR_UTF8, "JSON: lone low surrogate \\u%04lX at byte %zu", cp,
                             at);
    *i = at + 6;
    if (cp < 0xD800 || cp > 0xDBFF) return EW_OK;
    long lo = -1;
    if (at + 7 < len && s[at + 6] == '\\' && s[at + 7] == 'u') lo = hex4(s + at + 8, len - at - 8);
    if (lo < 0xDC00 || lo > 0xDFFF)
        return ew__error_set(err, EW_ERR_UTF8, "JSON: lone high surrogate \\u%04lX at byte %zu", cp,
                             at);
    *i = at + 12;
    return EW_OK;
}

/* The string whose opening quote is s[open], checked in the one scan that
 * finds its closing quote *close: escapes, control bytes and UTF-8 (a
 * sequence never holds a quote, so it is read up to len). *escaped: the body
 * holds a backslash escape. */
static int scan_string_slow(const char *s, size_t open, size_t len, size_t *close, bool *escaped,
                            ew_error *err)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = open + 1;
    *escaped = false;
    for (;;) {
        i = ew__json_special(s, i, len);
        if (i >= len)
            return ew__error_set(err, EW_ERR_PARSE,
                                 "JSON: truncated: unterminated string at byte %zu", open);
        unsigned c = u[i];
        if (c == '"') {
            *close = i;
            return EW_OK;
        }
        if (c == '\\') {
            *escaped = true;
            int st = check_escape(s, &i, len, err);
            if (st) return st;
        } else if (c < 0x20) {
            return ew__error_set(err, EW_ERR_PARSE,
                                 "JSON: unescaped control character 0x%02x in string at byte %zu",
                                 c, i);
        } else {
            /* Non-ASCII text comes in runs: stay here while it lasts. */
            do {
                int n = ew_utf8_seq_len(u + i, len - i);
                if (!n)
                    return ew__error_set(err, EW_ERR_UTF8,
                                         "JSON: invalid UTF-8 in string at byte %zu", i);
                i += (size_t)n;
            } while (i < len && u[i] >= 0x80);
        }
    }
}

/* scan_string_slow, with the case of most strings (keys, short values)
 * inline: a quote is the first special byte of the first 16. */
ALWAYS_INLINE int scan_string(const char *s, size_t open, size_t len, size_t *close, bool *escaped,
                              ew_error *err)
{
#ifdef __SSE2__
    if (open + 17 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + open + 1));
        unsigned q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
        /* Signed compare: bytes >= 0x80 are below 0x20 too. */
        unsigned odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')), _mm_cmplt_epi8(x, _mm_set1_epi8(0x20))));
        if (q && !(odd & ((q & -q) - 1))) {
            *close = open + 1 + (size_t)__builtin_ctz(q);
            *escaped = false;
            return EW_OK;
        }
    }
#endif
    return scan_string_slow(s, open, len, close, escaped, err);
}

/* RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and nothing else. */
static bool number_valid(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-') i++;
    if (i >= n) return false;
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        return false;
    }
    if (i < n && s[i] == '.') {
        size_t d = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d) return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        size_t d = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d) return false;
    }
    return i == n;
}

/* Types a primitive token (untyped on entry), or fails when it is no JSON
 * literal or number. */
static int check_primitive(const char *text, ew_json_tok *t, ew_error *err)
{
    const char *s = text + t->start;
    size_t n = (size_t)(t->end - t->start);
    if (*s == 't' || *s == 'f') {
        if (n == 4 ? !memcmp(s, "true", 4) : n == 5 && !memcmp(s, "false", 5))
            t->type = EW_JSON_BOOL;
    } else if (*s == 'n') {
        if (n == 4 && !memcmp(s, "null", 4)) t->type = EW_JSON_NULL;
    } else if (number_valid(s, n)) {
        t->type = EW_JSON_NUMBER;
    }
    if (t->type != EW_JSON_NONE) return EW_OK;
    return ew__error_set(err, EW_ERR_PARSE, "JSON: invalid %s '%.*s' at byte %d",
                         (*s == '-' || (*s >= '0' && *s <= '9')) ? "number" : "literal",
                         n > 32 ? 32 : (int)n, s, t->start);
}

static ew_json_limits limits_or_defaults(const ew_json_limits *limits)
{
    return (ew_json_limits){
        .max_tokens =
            limits && limits->max_tokens > 0 ? limits->max_tokens : JSON_DEFAULT_MAX_TOKENS,
        .max_depth = limits && limits->max_depth > 0 ? limits->max_depth : JSON_DEFAULT_MAX_DEPTH,
    };
}

void ew_json_doc_cleanup(ew_json_doc *doc)
{
    if (!doc) return;
    free(doc->toks);
    memset(doc, 0, sizeof *doc);
}

/* ---- navigation ------------------------------------------------------------- */

ew_json_type ew_json_type_of(const ew_json_doc *doc, int v)
{
    const ew_json_tok *t = tok_at(doc, v);
    return t ? (ew_json_type)t->type : EW_JSON_NONE;
}

const char *ew_json_type_name(ew_json_type t)
{
    switch (t) {
    case EW_JSON_NONE:
        return "none";
    case EW_JSON_NULL:
        return "null";
    case EW_JSON_BOOL:
        return "boolean";
    case EW_JSON_NUMBER:
        return "number";
    case EW_JSON_STRING:
        return "string";
    case EW_JSON_ARRAY:
        return "array";
    case EW_JSON_OBJECT:
        return "object";
    }
    return "unknown";
}

static bool is_container(const ew_json_tok *t)
{
    return t && (t->type == EW_JSON_OBJECT || t->type == EW_JSON_ARRAY);
}

int ew_json_count(const ew_json_doc *doc, int v)
{
    const ew_json_tok *t = tok_at(doc, v);
    return is_container(t) ? t->count : 0;
}

int ew_json_first(const ew_json_doc *doc, int v)
{
    /* Children follow their container directly. */
    const ew_json_tok *t = tok_at(doc, v);
    return is_container(t) && t->count > 0 ? v + 1 : -1;
}

int ew_json_next(const ew_json_doc *doc, int v)
{
    const ew_json_tok *t = tok_at(doc, v);
    return t ? t->next : -1;
}

int ew_json_member_value(const ew_json_doc *doc, int key)
{
    /* A key's value follows it directly. */
    const ew_json_tok *k = tok_at(doc, key);
    return k && k->key ? key + 1 : -1;
}

int ew_json_at(const ew_json_doc *doc, int arr, int i)
{
    const ew_json_tok *t = tok_at(doc, arr);
    if (!t || t->type != EW_JSON_ARRAY || i < 0 || i >= t->count) return -1;
    return doc_kids(doc)[t->kids + i];
}

/* Duplicate keys: the last one wins, as in JavaScript and Python, so that we
 * read a document the way most upstream servers will. */
static int json_getn(const ew_json_doc *doc, int obj, const char *key, size_t klen);

int ew_json_get(const ew_json_doc *doc, int obj, const char *key)
{
    return key ? json_getn(doc, obj, key, strlen(key)) : -1;
}

/* ---- strings ---------------------------------------------------------------- */

/* Decodes the escape at s (a validated string: the escape is complete) into
 * out[0..4); returns the bytes of s it used and sets *n to the bytes written. */
static size_t unescape_one(const char *s, char *out, int *n)
{
    *n = 1;
    switch (s[1]) {
    case 'b':
        *out = '\b';
        return 2;
    case 'f':
        *out = '\f';
        return 2;
    case 'n':
        *out = '\n';
        return 2;
    case 'r':
        *out = '\r';
        return 2;
    case 't':
        *out = '\t';
        return 2;
    case 'u':
        break;
    default:
        *out = s[1];
        return 2;
    }
    uint32_t cp = (uint32_t)hex4(s + 2, 4);
    size_t used = 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo = (uint32_t)hex4(s + 8, 4);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        used = 12;
    }
    *n = ew_utf8_encode(cp, out);
    return used;
}

/* Unescapes a validated string body into out (room for len bytes: unescaping
 * never grows a string). Returns the length written. */
static size_t unescape(const char *s, size_t len, char *out)
{
    size_t i = 0, o = 0;
    while (i < len) {
        const char *bs = memchr(s + i, '\\', len - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : len - i;
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (i < len) {
            int n;
            i += unescape_one(s + i, out + o, &n);
            o += (size_t)n;
        }
    }
    return o;
}

static const ew_json_tok *string_tok(const ew_json_doc *doc, int v)
{
    const ew_json_tok *t = tok_at(doc, v);
    return t && t->type == EW_JSON_STRING ? t : NULL;
}

/* Compares a validated string token with key[0..klen) without allocating. */
static bool string_eqn(const ew_json_doc *doc, const ew_json_tok *t, const char *key, size_t klen)
{
    const char *s = doc->text + t->start;
    size_t len = (size_t)(t->end - t->start);
    if (!t->escaped) return len == klen && !memcmp(s, key, klen);
    size_t i = 0, k = 0;
    while (i < len) {
        char tmp[4];
        int n = 1;
        if (s[i] == '\\') {
            i += unescape_one(s + i, tmp, &n);
        } else {
            tmp[0] = s[i++];
        }
        if (k + (size_t)n > klen || memcmp(key + k, tmp, (size_t)n)) return false;
        k += (size_t)n;
    }
    return k == klen;
}

static int json_getn(const ew_json_doc *doc, int obj, const char *key, size_t klen)
{
    const ew_json_tok *t = tok_at(doc, obj);
    if (!t || t->type != EW_JSON_OBJECT) return -1;
    int found = -1;
    for (int ki = t->count ? obj + 1 : -1; ki >= 0; ki = doc->toks[ki].next)
        if (string_eqn(doc, &doc->toks[ki], key, klen)) found = ki + 1;
    return found;
}

void ew_json_get_many(const ew_json_doc *doc, int obj, const char *const *keys, int n, int *out)
{
    for (int i = 0; i < n; i++)
        out[i] = -1;
    const ew_json_tok *t = tok_at(doc, obj);
    if (!t || t->type != EW_JSON_OBJECT) return;
    for (int ki = t->count ? obj + 1 : -1; ki >= 0; ki = doc->toks[ki].next) {
        const ew_json_tok *k = &doc->toks[ki];
        const char *s = doc->text + k->start;
        size_t len = (size_t)(k->end - k->start);
        for (int i = 0; i < n; i++) {
            /* A plain key holds no NUL: it spells keys[i] when it agrees up
             * to its length and keys[i] ends there (no strlen per key). */
            if (k->escaped
                    ? !string_eqn(doc, k, keys[i], strlen(keys[i]))
                    : (len && s[0] != keys[i][0]) || strncmp(keys[i], s, len) || keys[i][len])
                continue;
            out[i] = ki + 1;
            break;
        }
    }
}

bool ew_json_string_eq(const ew_json_doc *doc, int v, const char *s)
{
    const ew_json_tok *t = string_tok(doc, v);
    return t && s && string_eqn(doc, t, s, strlen(s));
}

const char *ew_json_raw(const ew_json_doc *doc, int v, size_t *len)
{
    const ew_json_tok *t = tok_at(doc, v);
    if (!t) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = (size_t)(t->end - t->start);
    return doc->text + t->start;
}

char *ew_json_string(const ew_json_doc *doc, int v, ew_arena *a, size_t *len)
{
    const ew_json_tok *t = string_tok(doc, v);
    if (!t) return NULL;
    size_t raw = (size_t)(t->end - t->start);
    char *out = ew_arena_alloc(a, raw + 1);
    if (!out) return NULL;
    size_t n = raw;
    if (t->escaped)
        n = unescape(doc->text + t->start, raw, out);
    else
        memcpy(out, doc->text + t->start, raw);
    out[n] = '\0';
    if (len) *len = n;
    return out;
}

int ew_json_string_buf(const ew_json_doc *doc, int v, ew_buf *out)
{
    const ew_json_tok *t = string_tok(doc, v);
    if (!t) return EW_ERR_INVALID;
    size_t raw = (size_t)(t->end - t->start);
    /* Unescape aside first: the buffer's cap applies to the result, which is
     * never longer than the raw text but may be shorter. */
    if (!t->escaped) return ew_buf_append(out, doc->text + t->start, raw);
    char *tmp = malloc(raw);
    if (!tmp) return EW_ERR_NOMEM;
    size_t n = unescape(doc->text + t->start, raw, tmp);
    int st = ew_buf_append(out, tmp, n);
    free(tmp);
    return st;
}

/* ---- numbers and booleans ----------------------------------------------------- */

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

locale_t ew__json_c_locale(void)
{
    pthread_once(&c_locale_once, c_locale_init);
    return c_locale;
}

/* strtod in the C locale: an embedder's setlocale() must not change what "1.5" means. */
static double strtod_c(const char *s, char **end)
{
    locale_t c = ew__json_c_locale();
    return c ? strtod_l(s, end, c) : strtod(s, end);
}

/* A validated number of at most 15 digits and no exponent ("0.2", "-1.25",
 * "64") is m / 10^k with m < 2^53 and k <= 15, both exact doubles, so the
 * one division rounds exactly as strtod does (Clinger's fast path). Sampling
 * parameters are such numbers; strtod costs about ten times this. */
static bool short_decimal(const char *s, size_t n, double *out)
{
    static const double p10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    bool neg = n && s[0] == '-';
    uint64_t m = 0;
    int digits = 0, frac = -1;
    for (size_t i = neg; i < n; i++) {
        if (s[i] == '.') {
            frac = 0;
        } else if (s[i] >= '0' && s[i] <= '9') {
            m = m * 10 + (uint64_t)(s[i] - '0');
            if (++digits > 15) return false;
            if (frac >= 0) frac++;
        } else {
            return false; /* an exponent */
        }
    }
    double d = (double)m / p10[frac > 0 ? frac : 0];
    *out = neg ? -d : d;
    return true;
}

int ew_json_double(const ew_json_doc *doc, int v, double *out)
{
    const ew_json_tok *t = tok_at(doc, v);
    if (!t || t->type != EW_JSON_NUMBER) return EW_ERR_INVALID;
    size_t n = (size_t)(t->end - t->start);
    if (short_decimal(doc->text + t->start, n, out)) return EW_OK;
    char small[64];
    char *copy = n < sizeof small ? small : malloc(n + 1);
    if (!copy) return EW_ERR_NOMEM;
    memcpy(copy, doc->text + t->start, n);
    copy[n] = '\0';
    char *end;
    double d = strtod_c(copy, &end);
    bool ok = end == copy + n && isfinite(d);
    if (copy != small) free(copy);
    if (!ok) return EW_ERR_INVALID;
    *out = d;
    return EW_OK;
}

/* Integers only: a fraction or exponent ("1.0", "1e3") is EW_ERR_INVALID. */
int ew_json_int64(const ew_json_doc *doc, int v, int64_t *out)
{
    const ew_json_tok *t = tok_at(doc, v);
    if (!t || t->type != EW_JSON_NUMBER) return EW_ERR_INVALID;
    const char *s = doc->text + t->start, *end = doc->text + t->end;
    bool neg = *s == '-';
    s += neg;
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t acc = 0;
    for (; s < end; s++) {
        if (*s < '0' || *s > '9') return EW_ERR_INVALID;
        unsigned d = (unsigned)(*s - '0');
        if (acc > (limit - d) / 10) return EW_ERR_INVALID;
        acc = acc * 10 + d;
    }
    *out = neg ? (acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc) : (int64_t)acc;
    return EW_OK;
}

int ew_json_bool(const ew_json_doc *doc, int v, bool *out)
{
    const ew_json_tok *t = tok_at(doc, v);
    if (!t || t->type != EW_JSON_BOOL) return EW_ERR_INVALID;
    *out = doc->text[t->start] == 't';
    return EW_OK;
}

/* ---- paths -------------------------------------------------------------------- */

/* "a.b[2].c": names run up to '.', '[' or the end; "[N]" indexes an array.
 * A malformed path finds nothing. */
int ew_json_path(const ew_json_doc *doc, int v, const char *path)
{
    if (!path || !tok_at(doc, v)) return -1;
    const char *p = path;
    bool need_name = false;
    while (*p && v >= 0) {
        if (*p == '[') {
            p++;
            long idx = 0;
            const char *d = p;
            while (*p >= '0' && *p <= '9' && idx <= INT_MAX)
                idx = idx * 10 + (*p++ - '0');
            if (p == d || *p != ']' || idx > INT_MAX) return -1;
            p++;
            if (*p && *p != '.' && *p != '[') return -1;
            v = ew_json_at(doc, v, (int)idx);
        } else {
            size_t n = strcspn(p, ".[");
            if (n == 0) return -1;
            v = json_getn(doc, v, p, n);
            p += n;
        }
        need_name = *p == '.';
        if (need_name) p++;
        if (need_name && (*p == '\0' || *p == '.' || *p == '[')) return -1;
    }
    return v;
}

/* ---- the walk ------------------------------------------------------------------
 *
 * ew_json_parse walks `full`: every value and key becomes a token, numbered
 * in document order as the walk meets it. ew_json_pick walks for a table
 * (ew_json_want): only the containers the table reaches into are matched
 * against it, and only what it names is kept. The position lives in a local
 * of the walk (helpers are inlined), not in memory. */

typedef struct frame {
    int v;     /* the container's token (full), or its doc value (pick; -1: nothing picked in it) */
    int count; /* members or elements so far */
    int last;  /* full: its last child token (element or key) so far, -1 before the first */
    bool obj;
} frame;

/* Documents of up to this many tokens (a request, a streamed chunk) are
 * read in the walker's own storage, on the caller's stack. */
#define WALK_SMALL_TOKS 64

typedef struct walker {
    const char *s;
    size_t len;
    ew_json_tok *toks; /* full: (cap) tokens, first `small`; pick: the (n + 1) doc values */
    int cap;
    int tokens, max_tokens; /* values and keys so far (full: the tokens), and the cap */
    int elements;           /* full: array elements so far (the kids table) */
    ew_error *err;
    const ew_json_picks *t; /* pick: the table */
    ew_json_tok small[WALK_SMALL_TOKS];
} walker;

/* The bytes that end a primitive, as a table. */
static const bool prim_stop[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, [']'] = 1, ['}'] = 1};

static inline size_t walk_ws(const char *s, size_t i, size_t len)
{
    /* Mostly there is none: one compare says so. */
    while (i < len && (unsigned char)s[i] <= ' ' && is_ws(s[i]))
        i++;
    return i;
}

static int walk_unexpected(const walker *w, size_t i, const char *expected)
{
    return err_unexpected(w->err, w->s, w->len, i, expected);
}

/* Counts a value or key against the cap; full: makes room for its token. */
ALWAYS_INLINE int walk_count(walker *w, bool full)
{
    if (++w->tokens > w->max_tokens)
        return ew__error_set(w->err, EW_ERR_TOO_LARGE, "JSON: more than %d values", w->max_tokens);
    if (!full || w->tokens <= w->cap) return EW_OK;
    int cap = w->cap > w->max_tokens / 2 ? w->max_tokens : w->cap * 2;
    ew_json_tok *t = w->toks == w->small ? malloc((size_t)cap * sizeof *t)
                                         : realloc(w->toks, (size_t)cap * sizeof *t);
    if (!t) return EW_ERR_NOMEM;
    if (w->toks == w->small) memcpy(t, w->small, sizeof w->small);
    w->toks = t;
    w->cap = cap;
    return EW_OK;
}

/* Full: token v is the next child of container f. */
ALWAYS_INLINE void walk_link(walker *w, frame *f, int v)
{
    if (f->last >= 0) w->toks[f->last].next = v;
    f->last = v;
    w->elements += !f->obj;
}

/* True if key[0..klen) (raw, no escapes) is the NUL-terminated want. */
static inline bool key_is(const char *key, size_t klen, const char *want)
{
    for (size_t k = 0; k < klen; k++)
        if (key[k] != want[k]) return false; /* also stops at want's NUL */
    return want[klen] == '\0';
}

/* Pick: pick_member for a key with escapes (rare), compared unescaped. */
static int pick_member_escaped(const walker *w, uint64_t m, size_t from, size_t to)
{
    for (; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        const char *want = w->t->want[j].key;
        ew_json_doc d = {.text = w->s, .len = w->len};
        ew_json_tok t = {.start = (int)from, .end = (int)to, .escaped = 1};
        if (want && string_eqn(&d, &t, want, strlen(want))) return j + 1;
    }
    return -1;
}

/* Pick: the doc value for member key s[from..to) of value `in`, or -1. */
ALWAYS_INLINE int pick_member(const walker *w, int in, size_t from, size_t to, bool escaped)
{
    size_t klen = to - from;
    uint64_t m = w->t->kids[in];
    if (escaped) return pick_member_escaped(w, m, from, to);
    /* Most keys of a document are not wanted: the first byte says so. */
    for (m &= w->t->by_first[(klen ? (unsigned char)w->s[from] : 0) & 31]; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        if (key_is(w->s + from, klen, w->t->want[j].key)) return j + 1;
    }
    return -1;
}

/* Pick: the doc value for element `index` of value `in`, or -1. */
static int pick_element(const walker *w, int in, int index)
{
    for (uint64_t m = w->t->kids[in]; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        if (!w->t->want[j].key && w->t->want[j].index == index) return j + 1;
    }
    return -1;
}

/* Pick: value v starts; if a duplicate key met it before, forget what was
 * picked inside the earlier one (ew_json_get reads the last duplicate only). */
static void pick_begin(walker *w, int v)
{
    if (w->toks[v].type == EW_JSON_NONE) return;
    uint64_t gone = 1ull << v;
    for (int j = v; j < w->t->n; j++)
        if (gone >> w->t->want[j].parent & 1) {
            gone |= 1ull << (j + 1);
            w->toks[j + 1].type = EW_JSON_NONE;
        }
}

/* A string, number or literal at s[*i], as token or doc value v (-1: not kept). */
ALWAYS_INLINE int walk_scalar(walker *w, size_t *i, int v, bool full)
{
    ew_json_tok t = {.next = -1};
    int st;
    if (w->s[*i] == '"') {
        size_t close = 0;
        bool escaped;
        if ((st = scan_string(w->s, *i, w->len, &close, &escaped, w->err))) return st;
        t.start = (int)*i + 1;
        t.end = (int)close;
        t.type = EW_JSON_STRING;
        t.escaped = escaped;
        *i = close + 1;
    } else {
        size_t end = *i;
        while (end < w->len && !prim_stop[(unsigned char)w->s[end]])
            end++;
        char c = w->s[*i];
        if (c != '-' && (c < '0' || c > '9') && c != 't' && c != 'f' && c != 'n')
            return walk_unexpected(w, *i, "a JSON value");
        t.start = (int)*i;
        t.end = (int)end;
        if ((st = check_primitive(w->s, &t, w->err))) return st;
        *i = end;
    }
    if (v >= 0) {
        if (!full) pick_begin(w, v);
        w->toks[v] = t;
    }
    return EW_OK;
}

/* A key at s[*i] and its ':' in container f. Full: the key's token; pick:
 * *v becomes the doc value of its member. */
ALWAYS_INLINE int walk_key(walker *w, size_t *i, frame *f, const char *expected, int *v, bool full)
{
    if (*i >= w->len || w->s[*i] != '"') return walk_unexpected(w, *i, expected);
    size_t close = 0;
    bool escaped;
    int st = walk_count(w, full);
    if (!st) st = scan_string(w->s, *i, w->len, &close, &escaped, w->err);
    if (st) return st;
    if (full) {
        int k = w->tokens - 1;
        w->toks[k] = (ew_json_tok){.start = (int)*i + 1,
                                   .end = (int)close,
                                   .next = -1,
                                   .type = EW_JSON_STRING,
                                   .escaped = escaped,
                                   .key = 1};
        walk_link(w, f, k);
    } else {
        *v = f->v >= 0 ? pick_member(w, f->v, *i + 1, close, escaped) : -1;
    }
    *i = walk_ws(w->s, close + 1, w->len);
    if (*i >= w->len || w->s[*i] != ':') return walk_unexpected(w, *i, "':'");
    (*i)++;
    return EW_OK;
}

/* The walk: a value, then separators and closers until the next value. At
 * `value`, f is the container the value is in (when depth > 0). */
ALWAYS_INLINE int walk(walker *w, frame *stack, int max_depth, bool full)
{
    const char *s = w->s;
    size_t len = w->len, i = 0;
    int depth = 0, v = 0, st;
    frame *f = NULL;
value:
    i = walk_ws(s, i, len);
    if (i >= len) return walk_unexpected(w, i, "a JSON value");
    if ((st = walk_count(w, full))) return st;
    if (full) {
        v = w->tokens - 1;
        if (depth && !f->obj) walk_link(w, f, v);
    }
    if (s[i] != '{' && s[i] != '[') {
        if ((st = walk_scalar(w, &i, v, full))) return st;
        goto after;
    }
    if (depth == max_depth)
        return ew__error_set(w->err, EW_ERR_TOO_LARGE, "JSON: nesting deeper than %d at byte %zu",
                             max_depth, i);
    f = &stack[depth++];
    *f = (frame){v, 0, -1, s[i] == '{'};
    if (v >= 0) {
        if (!full) pick_begin(w, v);
        w->toks[v] = (ew_json_tok){
            .start = (int)i, .next = -1, .type = f->obj ? EW_JSON_OBJECT : EW_JSON_ARRAY};
    }
    i = walk_ws(s, i + 1, len);
    if (i < len && s[i] == (f->obj ? '}' : ']')) goto close;
    if (!f->obj) {
        if (!full) v = f->v >= 0 ? pick_element(w, f->v, 0) : -1;
        goto value;
    }
    if ((st = walk_key(w, &i, f, "a string key or '}'", &v, full))) return st;
    goto value;
close: /* the closer of f at s[i] */
    i++;
    if (f->v >= 0) w->toks[f->v].end = (int)i;
    if (full) w->toks[f->v].count = f->count; /* picked containers have no children to show */
    depth--;
after:
    i = walk_ws(s, i, len);
    if (depth == 0) return i == len ? EW_OK : walk_unexpected(w, i, "end of input after the value");
    f = &stack[depth - 1];
    f->count++;
    if (i < len && s[i] == ',') {
        i = walk_ws(s, i + 1, len);
        if (!f->obj) {
            if (!full) v = f->v >= 0 ? pick_element(w, f->v, f->count) : -1;
            goto value;
        }
        if ((st = walk_key(w, &i, f, "a string key", &v, full))) return st;
        goto value;
    }
    if (i < len && s[i] == (f->obj ? '}' : ']')) goto close;
    return walk_unexpected(w, i, f->obj ? "',' or '}'" : "',' or ']'");
}

/* Runs the walk with a stack for lim's depth. */
static int walk_run(walker *w, const ew_json_limits *lim, bool full)
{
    if (w->len >= INT_MAX)
        return ew__error_set(w->err, EW_ERR_TOO_LARGE, "JSON: document of %zu bytes is too large",
                             w->len);
    frame small[JSON_DEFAULT_MAX_DEPTH];
    frame *stack = lim->max_depth <= JSON_DEFAULT_MAX_DEPTH
                       ? small
                       : malloc((size_t)lim->max_depth * sizeof *stack);
    if (!stack) return EW_ERR_NOMEM;
    /* Two instances, so that each inlines the walk for its mode. */
    int st = full ? walk(w, stack, lim->max_depth, true) : walk(w, stack, lim->max_depth, false);
    if (stack != small) free(stack);
    return st;
}

/* Full: the tokens into one allocation with the kids table after them, the
 * elements of each array in order. */
static int walk_finish(walker *w, ew_json_doc *doc)
{
    int n = w->tokens;
    size_t size = (size_t)n * sizeof(ew_json_tok) + (size_t)w->elements * sizeof(int);
    ew_json_tok *t = w->toks == w->small ? malloc(size) : realloc(w->toks, size);
    if (!t) return EW_ERR_NOMEM;
    if (w->toks == w->small) memcpy(t, w->small, (size_t)n * sizeof *t);
    w->toks = t;
    int *kids = (int *)(void *)(t + n), used = 0;
    for (int a = 0; a < n; a++) {
        if (t[a].type != EW_JSON_ARRAY) continue;
        t[a].kids = used;
        for (int c = t[a].count ? a + 1 : -1; c >= 0; c = t[c].next)
            kids[used++] = c;
    }
    doc->text = w->s;
    doc->len = w->len;
    doc->toks = t;
    doc->n = n;
    return EW_OK;
}

int ew_json_parse(ew_json_doc *doc, const char *text, size_t len, const ew_json_limits *limits,
                  ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_json_limits lim = limits_or_defaults(limits);
    walker w;
    w.s = text ? text : "";
    w.len = text ? len : 0;
    w.toks = w.small;
    w.cap = WALK_SMALL_TOKS;
    w.tokens = w.elements = 0;
    w.max_tokens = lim.max_tokens;
    w.err = err;
    int st = walk_run(&w, &lim, true);
    if (!st) st = walk_finish(&w, doc);
    if (st && w.toks != w.small) free(w.toks);
    return st;
}

int ew_json_picks_init(ew_json_picks *t, const ew_json_want *picks, int n, ew_error *err)
{
    if (n < 0 || n > EW_JSON_PICK_MAX || (n && !picks))
        return ew__error_set(err, EW_ERR_INVALID, "JSON: bad pick table");
    t->want = picks;
    t->n = n;
    t->kids[0] = 0;
    memset(t->by_first, 0, sizeof t->by_first);
    for (int j = 0; j < n; j++) {
        const ew_json_want *p = &picks[j];
        if (p->parent < 0 || p->parent > j || (!p->key && p->index < 0))
            return ew__error_set(err, EW_ERR_INVALID, "JSON: bad pick table at %d", j);
        t->kids[j + 1] = 0;
        t->kids[p->parent] |= 1ull << j;
        if (p->key) t->by_first[(unsigned char)p->key[0] & 31] |= 1ull << j;
    }
    return EW_OK;
}

int ew_json_pick_with(ew_json_doc *doc, const char *text, size_t len, const ew_json_picks *t,
                      const ew_json_limits *limits, ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_json_limits lim = limits_or_defaults(limits);
    walker w;
    w.s = text ? text : "";
    w.len = text ? len : 0;
    w.tokens = 0;
    w.max_tokens = lim.max_tokens;
    w.err = err;
    w.t = t;
    /* Only the type of an absent value is ever read (tok_at). */
    w.toks = malloc((size_t)(t->n + 1) * sizeof *w.toks);
    if (!w.toks) return EW_ERR_NOMEM;
    for (int j = 0; j <= t->n; j++)
        w.toks[j].type = EW_JSON_NONE;
    int st = walk_run(&w, &lim, false);
    if (st) {
        free(w.toks);
        return st;
    }
    doc->text = w.s;
    doc->len = w.len;
    doc->toks = w.toks;
    doc->n = t->n + 1;
    return EW_OK;
}

int ew_json_pick(ew_json_doc *doc, const char *text, size_t len, const ew_json_want *picks, int n,
                 const ew_json_limits *limits, ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_json_picks t;
    int st = ew_json_picks_init(&t, picks, n, err);
    return st ? st : ew_json_pick_with(doc, text, len, &t, limits, err);
}
