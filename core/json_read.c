/* JSON reader (see json.h). jsmn tokenizes; a single linear pass then checks
 * what jsmn's strict mode still lets through, so the rest of the library can
 * trust a parsed document:
 *  - jsmn does not check separators: "[1 2]", "[1,]", "{"a" "b"}", "{"a"}",
 *    "["a":1]" and several top-level values all tokenize. The pass accounts
 *    for every byte between tokens (whitespace and exactly the one ',' or ':'
 *    the grammar expects there).
 *  - jsmn accepts any primitive spelling ("tru", "01", "0x1f", "1.") and any
 *    bytes inside strings; the pass checks literals, the RFC 8259 number
 *    grammar, escapes, surrogate pairs, control characters and UTF-8.
 *  - jsmn stops at a NUL byte, and in strict mode reports a bare top-level
 *    primitive ("42") as truncated; both are handled here.
 * The pass is iterative (parent links, no recursion) and precomputes the next
 * sibling of every value and the children of every container, so iteration,
 * ew_json_next and ew_json_at are O(1). */
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

#define JSMN_STATIC
#define JSMN_STRICT
#define JSMN_PARENT_LINKS
#include <jsmn.h>

#define JSON_DEFAULT_MAX_TOKENS 65536
#define JSON_DEFAULT_MAX_DEPTH  64

struct ew_json_tok {
    int start;  /* first content byte (strings: after the opening quote) */
    int end;    /* one past the content (strings: the closing quote) */
    int parent; /* enclosing container; for an object member's value, its key; -1 at the root */
    int next;   /* next array element or object key of the same container, or -1 */
    int count;  /* containers: elements or members */
    int kids;   /* containers: offset of the children in the kids table (after toks) */
    unsigned char type;    /* ew_json_type */
    unsigned char escaped; /* strings: holds at least one backslash escape */
    unsigned char plain;   /* strings: printable ASCII only, no escape (nothing to check) */
};

/* The children table shares the token allocation: (n) ints after (n) tokens. */
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
    return ew__error_set(err, EW_ERR_PARSE, "JSON: expected %s, found %s at byte %zu", expected,
                         byte_desc(text, len, off, tmp), off);
}

/* ---- string and primitive validation --------------------------------------- */

static inline size_t next_special(const char *s, size_t i, size_t len);

/* Checks the body of a string, text[from..to): escapes, surrogate pairs,
 * control characters and UTF-8. Sets *escaped when a backslash occurs. */
static int check_string(const char *text, size_t from, size_t to, bool *escaped, ew_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = from;
    while (i < to) {
        i = next_special(text, i, to); /* plain runs, a vector at a time */
        if (i >= to) break;
        unsigned c = s[i];
        if (c == '\\') {
            *escaped = true;
            if (i + 1 >= to)
                return ew__error_set(err, EW_ERR_PARSE, "JSON: unterminated escape at byte %zu", i);
            char e = text[i + 1];
            if (e && strchr("\"\\/bfnrt", e)) {
                i += 2;
                continue;
            }
            if (e != 'u')
                return ew__error_set(err, EW_ERR_PARSE, "JSON: invalid escape '\\%c' at byte %zu",
                                     e >= 0x21 && e < 0x7f ? e : '?', i);
            long cp = hex4(text + i + 2, to - i - 2);
            if (cp < 0)
                return ew__error_set(err, EW_ERR_PARSE, "JSON: \\u needs 4 hex digits at byte %zu",
                                     i);
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return ew__error_set(err, EW_ERR_UTF8,
                                     "JSON: lone low surrogate \\u%04lX at byte %zu", cp, i);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                long lo = -1;
                if (i + 7 < to && text[i + 6] == '\\' && text[i + 7] == 'u')
                    lo = hex4(text + i + 8, to - i - 8);
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return ew__error_set(err, EW_ERR_UTF8,
                                         "JSON: lone high surrogate \\u%04lX at byte %zu", cp, i);
                i += 6;
            }
            i += 6;
        } else if (c < 0x20) {
            return ew__error_set(err, EW_ERR_PARSE,
                                 "JSON: unescaped control character 0x%02x in string at byte %zu",
                                 c, i);
        } else if (c == '"') {
            return ew__error_set(err, EW_ERR_PARSE, "JSON: stray quote at byte %zu", i);
        } else if (c < 0x80) {
            i++;
        } else {
            int n = ew_utf8_seq_len(s + i, to - i);
            if (!n)
                return ew__error_set(err, EW_ERR_UTF8, "JSON: invalid UTF-8 in string at byte %zu",
                                     i);
            i += (size_t)n;
        }
    }
    return EW_OK;
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

/* Types a primitive token, or fails when it is no JSON literal or number. */
static int check_primitive(const char *text, ew_json_tok *t, ew_error *err)
{
    const char *s = text + t->start;
    size_t n = (size_t)(t->end - t->start);
    if ((n == 4 && !memcmp(s, "true", 4)) || (n == 5 && !memcmp(s, "false", 5))) {
        t->type = EW_JSON_BOOL;
    } else if (n == 4 && !memcmp(s, "null", 4)) {
        t->type = EW_JSON_NULL;
    } else if (number_valid(s, n)) {
        t->type = EW_JSON_NUMBER;
    } else {
        return ew__error_set(err, EW_ERR_PARSE, "JSON: invalid %s '%.*s' at byte %d",
                             (*s == '-' || (*s >= '0' && *s <= '9')) ? "number" : "literal",
                             n > 32 ? 32 : (int)n, s, t->start);
    }
    return EW_OK;
}

/* ---- tokenizing with jsmn -------------------------------------------------- */

/* Turns a jsmn failure at parser position pos into a precise error. */
static int jsmn_error(int r, const char *text, size_t len, unsigned pos, ew_error *err)
{
    if (r == JSMN_ERROR_PART) {
        const char *nul = memchr(text, '\0', len);
        if (nul)
            return ew__error_set(err, EW_ERR_PARSE, "JSON: NUL byte at byte %zu",
                                 (size_t)(nul - text));
        return ew__error_set(err, EW_ERR_PARSE, "JSON: truncated: unexpected end at byte %zu", len);
    }
    if (r == JSMN_ERROR_INVAL && pos < len && text[pos] == '"') {
        /* jsmn rewinds to the opening quote; find the exact culprit. */
        size_t end = pos + 1;
        while (end < len && text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        bool escaped = false;
        int st = check_string(text, pos + 1, end < len ? end : len, &escaped, err);
        if (st) return st;
    }
    return err_unexpected(err, text, len, pos, "a JSON value or separator");
}

/* ---- the skeleton jsmn reads ---------------------------------------------------
 *
 * jsmn walks string bodies a byte at a time (about 12 instructions a byte),
 * and string bodies are most of a chat request. So jsmn reads a skeleton of
 * the text instead: a copy in which the body of every string jsmn would
 * accept anyway is dropped (`"..."` becomes `""`). One pass builds it, 8
 * bytes at a time through string bodies, and notes each dropped body (a cut)
 * so that token extents map back to the text. jsmn's tokens and errors are
 * the same as on the text itself: only bodies it accepts are hidden, and the
 * pass tracks strings and primitives exactly as jsmn's strict mode does (a
 * quote inside a primitive, e.g. `tru"e"`, starts no string).
 *
 * The same pass bounds the bracket depth: jsmn closes a container by walking
 * parent links up from the last token, which costs O(depth) per bracket and
 * would make deep input quadratic. After a stray closer (which jsmn rejects
 * right there) the depth is no longer checked. */

/* A string body dropped from the skeleton. */
typedef struct cut {
    int at;    /* skeleton offset of the string's closing quote */
    int start; /* the body in the text: [start, end) */
    int end;
    bool plain; /* printable ASCII without escapes: nothing for check_string to find */
} cut;

/* Documents this small (a streamed chunk, a short answer) are tokenized in
 * the skel's own storage, on the caller's stack: no allocation. */
#define SKEL_SMALL_TEXT 2048
#define SKEL_SMALL_CUTS 32
#define SKEL_SMALL_TOKS 64

typedef struct skel {
    char *text; /* (len) bytes */
    size_t len;
    cut *cuts; /* (n_cuts) in text order */
    int n_cuts, cap_cuts;
    int tokens;      /* the tokens jsmn makes of it when it is valid */
    jsmntok_t *toks; /* (n_toks) from jsmn, extents in the skeleton */
    int n_toks;
    char small_text[SKEL_SMALL_TEXT];
    cut small_cuts[SKEL_SMALL_CUTS];
    jsmntok_t small_toks[SKEL_SMALL_TOKS];
} skel;

static void skel_init(skel *sk)
{
    sk->text = sk->small_text;
    sk->len = 0;
    sk->cuts = sk->small_cuts;
    sk->n_cuts = 0;
    sk->cap_cuts = SKEL_SMALL_CUTS;
    sk->tokens = 0;
    sk->toks = sk->small_toks;
    sk->n_toks = 0;
}

static void skel_cleanup(skel *sk)
{
    if (sk->text != sk->small_text) free(sk->text);
    if (sk->cuts != sk->small_cuts) free(sk->cuts);
    if (sk->toks != sk->small_toks) free(sk->toks);
}

/* Room for cap elements of size sz in *p, which holds n and may still be
 * the inline array `small`. On failure *p is unchanged. */
static int grow(void **p, const void *small, size_t n, size_t cap, size_t sz)
{
    void *q = *p == small ? malloc(cap * sz) : realloc(*p, cap * sz);
    if (!q) return EW_ERR_NOMEM;
    if (*p == small) memcpy(q, small, n * sz);
    *p = q;
    return EW_OK;
}

/* An escape at s[i] (a backslash) that jsmn accepts: one of \" \/ \\ \b
 * \f \n \r \t, or \u and four hex digits, all before len. */
static bool jsmn_escape_ok(const char *s, size_t i, size_t len)
{
    if (i + 1 >= len) return false;
    char e = s[i + 1];
    if (e != 'u') return e && strchr("\"/\\bfnrt", e);
    if (i + 6 > len) return false;
    for (size_t k = i + 2; k < i + 6; k++)
        if (hex_val(s[k]) < 0) return false;
    return true;
}

/* The first byte at or after i that a string body cannot pass unchecked
 * (json_priv.h: a quote, a backslash, a control or a non-ASCII byte), or
 * len. Most strings are keys and short values: one SSE2 look, inline, finds
 * their end; longer runs go to ew__json_special (AVX2 where the CPU has it). */
static inline size_t next_special(const char *s, size_t i, size_t len)
{
    if (i >= len) return len;
#ifdef __SSE2__
    if (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* Signed compare: bytes >= 0x80 are below 0x20 too. */
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                              _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                 _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return i + (size_t)__builtin_ctz(bits);
        i += 16;
    }
#endif
    return ew__json_special(s, i, len);
}

/* The body of a string from i (after its opening quote): returns the offset
 * of the closing quote, or len if there is none. *hide: jsmn accepts the body
 * (no control byte, only escapes it takes); *plain: printable ASCII only. */
static size_t scan_string(const char *text, size_t i, size_t len, bool *hide, bool *plain)
{
    const unsigned char *u = (const unsigned char *)text;
    *hide = *plain = true;
    for (;;) {
        i = next_special(text, i, len);
        if (i >= len) return len;
        unsigned char c = u[i];
        if (c == '"') return i;
        if (c >= 0x80) {
            /* UTF-8 is checked later (check_string); a run of it ends here. */
            *plain = false;
            while (++i < len && u[i] >= 0x80) {
            }
        } else if (c == '\\') {
            *plain = false;
            if (!jsmn_escape_ok(text, i, len)) *hide = false;
            i += 2;
        } else {
            *hide = *plain = false; /* a control byte */
            i++;
        }
    }
}

static int add_cut(skel *sk, cut c)
{
    if (sk->n_cuts == sk->cap_cuts) {
        int cap = sk->cap_cuts * 2;
        if (grow((void **)&sk->cuts, sk->small_cuts, (size_t)sk->n_cuts, (size_t)cap, sizeof(cut)))
            return EW_ERR_NOMEM;
        sk->cap_cuts = cap;
    }
    sk->cuts[sk->n_cuts++] = c;
    return EW_OK;
}

/* Copies the string whose opening quote is text[*i] into the skeleton at
 * *o, its body dropped when jsmn would accept it; advances both. */
static int skel_string(skel *sk, const char *text, size_t len, size_t *i, size_t *o)
{
    bool hide, plain;
    size_t body = *i + 1, close = scan_string(text, body, len, &hide, &plain);
    sk->text[(*o)++] = '"';
    if (close < len && hide) {
        *i = close + 1;
        sk->text[*o] = '"';
        cut c = {(int)*o, (int)body, (int)close, plain};
        (*o)++;
        return add_cut(sk, c);
    }
    size_t end = close < len ? close + 1 : len;
    memcpy(sk->text + *o, text + body, end - body);
    *o += end - body;
    *i = end;
    return EW_OK;
}

static bool ends_primitive(char c)
{
    return is_ws(c) || c == ',' || c == ']' || c == '}';
}

/* Builds the skeleton of text (sk->text has room for len bytes). */
static int skel_build(skel *sk, const char *text, size_t len, int max_depth, ew_error *err)
{
    int depth = 0, st = EW_OK;
    bool stray = false, in_prim = false;
    size_t i = 0, o = 0;
    while (i < len && !st) {
        char c = text[i];
        if (in_prim && !ends_primitive(c)) {
            sk->text[o++] = c;
            i++;
            continue;
        }
        in_prim = false;
        if (c == '"') {
            sk->tokens++;
            st = skel_string(sk, text, len, &i, &o);
            continue;
        }
        if (c == '[' || c == '{') {
            sk->tokens++;
            if (++depth > max_depth && !stray)
                return ew__error_set(err, EW_ERR_TOO_LARGE,
                                     "JSON: nesting deeper than %d at byte %zu", max_depth, i);
        } else if (c == ']' || c == '}') {
            stray = stray || --depth < 0;
        } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
            sk->tokens++;
            in_prim = true;
        }
        sk->text[o++] = c;
        i++;
    }
    sk->len = o;
    return st;
}

/* The text offset of skeleton offset p, searching the cuts from `from`:
 * p moves by what the cuts before it dropped. */
static int skel_map(const skel *sk, int from, int p)
{
    int lo = from, hi = sk->n_cuts;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (sk->cuts[mid].at < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? p + (sk->cuts[lo - 1].end - sk->cuts[lo - 1].at) : p;
}

/* Tokenizes the skeleton with jsmn into sk->toks, at most max_tokens. */
static int skel_tokenize(skel *sk, const char *text, size_t len, const ew_json_limits *lim,
                         ew_error *err)
{
    int max_tokens = lim->max_tokens;
    /* One pass: jsmn resumes where it ran out of tokens once given more;
     * the count from the skeleton is exact for valid documents. */
    jsmn_parser p;
    jsmn_init(&p);
    size_t cap = (size_t)sk->tokens + 1;
    if (cap > (size_t)max_tokens + 1) cap = (size_t)max_tokens + 1;
    if (cap > SKEL_SMALL_TOKS &&
        grow((void **)&sk->toks, sk->small_toks, 0, cap, sizeof(jsmntok_t)))
        return EW_ERR_NOMEM;
    int r;
    while ((r = jsmn_parse(&p, sk->text, sk->len, sk->toks, (unsigned)cap)) == JSMN_ERROR_NOMEM) {
        if (cap > (size_t)max_tokens)
            return ew__error_set(err, EW_ERR_TOO_LARGE, "JSON: more than %d values", max_tokens);
        size_t more = cap * 2 > (size_t)max_tokens + 1 ? (size_t)max_tokens + 1 : cap * 2;
        if (grow((void **)&sk->toks, sk->small_toks, cap, more, sizeof(jsmntok_t)))
            return EW_ERR_NOMEM;
        cap = more;
    }
    if (r < 0) return jsmn_error(r, text, len, (unsigned)skel_map(sk, 0, (int)p.pos), err);
    if (p.toknext > (unsigned)max_tokens)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "JSON: more than %d values", max_tokens);
    sk->n_toks = (int)p.toknext;
    return EW_OK;
}

/* Tokenizes text into sk->toks (extents in the skeleton), building the
 * skeleton first. */
static int tokenize(const char *text, size_t len, const ew_json_limits *lim, skel *sk,
                    ew_error *err)
{
    size_t first = 0;
    while (first < len && is_ws(text[first]))
        first++;
    if (first == len) return err_unexpected(err, text, len, len, "a JSON value");
    char c = text[first];
    if (c != '{' && c != '[' && c != '"') {
        /* A bare primitive: jsmn's strict mode needs a delimiter after it. */
        size_t end = first;
        while (end < len && !is_ws(text[end]) && !strchr(",]}:", text[end]))
            end++;
        sk->toks[0] = (jsmntok_t){JSMN_PRIMITIVE, (int)first, (int)end, 0, -1};
        sk->n_toks = 1;
        return EW_OK;
    }
    if (len > SKEL_SMALL_TEXT && !(sk->text = malloc(len))) {
        sk->text = sk->small_text;
        return EW_ERR_NOMEM;
    }
    int st = skel_build(sk, text, len, lim->max_depth, err);
    if (!st) st = skel_tokenize(sk, text, len, lim, err);
    return st;
}

/* ---- the structural pass ---------------------------------------------------- */

typedef struct walk {
    const char *text;
    size_t len;
    ew_json_doc *doc;
    int *kids;
    int kids_used;
    int cur;          /* the open container, -1 outside */
    bool key_pending; /* cur is an object whose last key still needs its value */
    int depth, max_depth;
    size_t pos; /* first byte not yet accounted for */
    ew_error *err;
} walk;

/* Outer extents of token i, quotes and brackets included. */
static size_t outer_start(const walk *w, int i)
{
    const ew_json_tok *t = &w->doc->toks[i];
    return (size_t)t->start - (t->type == EW_JSON_STRING ? 1 : 0);
}

static size_t outer_end(const walk *w, int i)
{
    const ew_json_tok *t = &w->doc->toks[i];
    return (size_t)t->end + (t->type == EW_JSON_STRING ? 1 : 0);
}

/* Accounts for text[pos..to): whitespace, then `sep` if non-zero, then
 * whitespace. `expected` names what the grammar wants, for the error. */
static int walk_gap(walk *w, size_t to, char sep, const char *expected)
{
    size_t i = w->pos;
    while (i < to && is_ws(w->text[i]))
        i++;
    if (sep) {
        if (i >= to || w->text[i] != sep)
            return err_unexpected(w->err, w->text, w->len, i, expected);
        i++;
        while (i < to && is_ws(w->text[i]))
            i++;
    }
    if (i != to) return err_unexpected(w->err, w->text, w->len, i, expected);
    w->pos = to;
    return EW_OK;
}

/* Closes the open container: checks its tail, then lists its children. */
static int walk_close(walk *w)
{
    int c = w->cur;
    ew_json_tok *t = &w->doc->toks[c];
    bool obj = t->type == EW_JSON_OBJECT;
    size_t close_at = (size_t)t->end - 1;
    if (w->key_pending) {
        size_t i = w->pos;
        while (i < close_at && is_ws(w->text[i]))
            i++;
        return err_unexpected(w->err, w->text, w->len, i, "':' and a value");
    }
    const char *want = t->count ? (obj ? "',' or '}'" : "',' or ']'")
                                : (obj ? "a string key or '}'" : "a value or ']'");
    int st = walk_gap(w, close_at, 0, want);
    if (st) return st;
    if (w->text[close_at] != (obj ? '}' : ']'))
        return err_unexpected(w->err, w->text, w->len, close_at, obj ? "'}'" : "']'");
    /* Children are linked through `next` from c + 1; flatten them for O(1) access. */
    int child = c + 1;
    for (int k = 0; k < t->count; k++) {
        w->kids[w->kids_used + k] = child;
        child = w->doc->toks[child].next;
    }
    t->kids = w->kids_used;
    w->kids_used += t->count;
    w->pos = close_at + 1;
    w->cur = t->parent;
    if (w->cur >= 0 && w->doc->toks[w->cur].type == EW_JSON_STRING)
        w->cur = w->doc->toks[w->cur].parent; /* a member value: back to its object */
    w->depth--;
    return EW_OK;
}

/* Places token i in the open container: separator, parent and sibling links. */
static int walk_place(walk *w, int i)
{
    ew_json_tok *t = &w->doc->toks[i];
    size_t os = outer_start(w, i);
    if (w->cur < 0) {
        if (i != 0)
            return err_unexpected(w->err, w->text, w->len, os, "end of input after the value");
        t->parent = -1;
        return walk_gap(w, os, 0, "a JSON value");
    }
    ew_json_tok *c = &w->doc->toks[w->cur];
    if (outer_end(w, i) > (size_t)c->end - 1)
        return err_unexpected(w->err, w->text, w->len, os, "a well-nested value");
    int st;
    if (c->type == EW_JSON_OBJECT && w->key_pending) {
        st = walk_gap(w, os, ':', "':'");
        t->parent = i - 1; /* the key, which directly precedes its value */
        w->key_pending = false;
        return st;
    }
    bool obj = c->type == EW_JSON_OBJECT;
    if (c->count == 0)
        st = walk_gap(w, os, 0, obj ? "a string key or '}'" : "a value or ']'");
    else
        st = walk_gap(w, os, ',', obj ? "',' or '}'" : "',' or ']'");
    if (st) return st;
    if (obj && t->type != EW_JSON_STRING)
        return err_unexpected(w->err, w->text, w->len, os, "a string key");
    t->parent = w->cur;
    if (c->count++ > 0)
        w->doc->toks[c->kids].next = i; /* kids holds the last child until the close */
    c->kids = i;
    w->key_pending = obj;
    return EW_OK;
}

/* Validates token i itself and opens it when it is a container. */
static int walk_token(walk *w, int i)
{
    ew_json_tok *t = &w->doc->toks[i];
    if (t->type == EW_JSON_STRING) {
        bool escaped = false;
        int st = t->plain
                     ? EW_OK
                     : check_string(w->text, (size_t)t->start, (size_t)t->end, &escaped, w->err);
        t->escaped = escaped;
        w->pos = (size_t)t->end + 1;
        return st;
    }
    if (t->type != EW_JSON_OBJECT && t->type != EW_JSON_ARRAY) {
        w->pos = (size_t)t->end;
        return check_primitive(w->text, t, w->err);
    }
    if (++w->depth > w->max_depth)
        return ew__error_set(w->err, EW_ERR_TOO_LARGE, "JSON: nesting deeper than %d at byte %d",
                             w->max_depth, t->start);
    w->cur = i;
    w->key_pending = false;
    w->pos = (size_t)t->start + 1;
    return EW_OK;
}

static int walk_all(walk *w)
{
    int st = EW_OK;
    for (int i = 0; i < w->doc->n && !st; i++) {
        size_t os = outer_start(w, i);
        if (os < w->pos)
            return err_unexpected(w->err, w->text, w->len, w->pos, "a well-formed document");
        while (!st && w->cur >= 0 && (size_t)w->doc->toks[w->cur].end <= os)
            st = walk_close(w);
        if (!st) st = walk_place(w, i);
        if (!st) st = walk_token(w, i);
    }
    while (!st && w->cur >= 0)
        st = walk_close(w);
    if (!st) st = walk_gap(w, w->len, 0, "end of input after the value");
    return st;
}

/* Copies jsmn's extents into our tokens, mapped from the skeleton back to
 * the text. Token starts grow in document order, so the cuts before each are
 * found by moving a cursor; a hidden string's extents are its cut's. */
static void convert_tokens(ew_json_doc *doc, const jsmntok_t *jt, const skel *sk)
{
    int ci = 0;
    for (int i = 0; i < doc->n; i++) {
        ew_json_tok *t = &doc->toks[i];
        memset(t, 0, sizeof *t);
        t->next = -1;
        t->parent = -1;
        while (ci < sk->n_cuts && sk->cuts[ci].at < jt[i].start)
            ci++;
        if (jt[i].type == JSMN_STRING && ci < sk->n_cuts && sk->cuts[ci].at == jt[i].start) {
            t->start = sk->cuts[ci].start;
            t->end = sk->cuts[ci].end;
            t->plain = sk->cuts[ci].plain;
        } else {
            /* No cut lies inside a primitive or a kept string: only a
             * container's end needs a search. */
            int shift = ci ? sk->cuts[ci - 1].end - sk->cuts[ci - 1].at : 0;
            bool box = jt[i].type == JSMN_OBJECT || jt[i].type == JSMN_ARRAY;
            t->start = jt[i].start + shift;
            t->end = box ? skel_map(sk, ci, jt[i].end) : jt[i].end + shift;
        }
        switch (jt[i].type) {
        case JSMN_OBJECT:
            t->type = EW_JSON_OBJECT;
            break;
        case JSMN_ARRAY:
            t->type = EW_JSON_ARRAY;
            break;
        case JSMN_STRING:
            t->type = EW_JSON_STRING;
            break;
        default:
            t->type = EW_JSON_NUMBER;
            break; /* typed by check_primitive */
        }
    }
}

static ew_json_limits limits_or_defaults(const ew_json_limits *limits)
{
    return (ew_json_limits){
        .max_tokens =
            limits && limits->max_tokens > 0 ? limits->max_tokens : JSON_DEFAULT_MAX_TOKENS,
        .max_depth = limits && limits->max_depth > 0 ? limits->max_depth : JSON_DEFAULT_MAX_DEPTH,
    };
}

int ew_json_parse(ew_json_doc *doc, const char *text, size_t len, const ew_json_limits *limits,
                  ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_json_limits lim = limits_or_defaults(limits);
    if (!text) len = 0;
    /* jsmn keeps offsets in int. */
    if (len >= INT_MAX)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "JSON: document of %zu bytes is too large",
                             len);
    skel sk;
    skel_init(&sk);
    int st = tokenize(text ? text : "", len, &lim, &sk, err);
    int n = sk.n_toks;
    if (!st && !(doc->toks = malloc((size_t)n * (sizeof(ew_json_tok) + sizeof(int)))))
        st = EW_ERR_NOMEM;
    if (!st) {
        doc->n = n;
        doc->text = text;
        doc->len = len;
        convert_tokens(doc, sk.toks, &sk);
    }
    skel_cleanup(&sk);
    if (st) return st;
    walk w = {.text = text,
              .len = len,
              .doc = doc,
              .kids = doc_kids(doc),
              .cur = -1,
              .max_depth = lim.max_depth,
              .err = err};
    st = walk_all(&w);
    if (st) ew_json_doc_cleanup(doc);
    return st;
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
    const ew_json_tok *t = tok_at(doc, v);
    return is_container(t) && t->count > 0 ? doc_kids(doc)[t->kids] : -1;
}

int ew_json_next(const ew_json_doc *doc, int v)
{
    const ew_json_tok *t = tok_at(doc, v);
    return t ? t->next : -1;
}

int ew_json_member_value(const ew_json_doc *doc, int key)
{
    const ew_json_tok *k = tok_at(doc, key);
    /* A key is a string whose parent is an object; its value follows it directly. */
    if (!k || k->type != EW_JSON_STRING || k->parent < 0 ||
        doc->toks[k->parent].type != EW_JSON_OBJECT)
        return -1;
    return key + 1;
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
    const int *kids = doc_kids(doc);
    for (int k = 0; k < t->count; k++) {
        int ki = kids[t->kids + k];
        if (string_eqn(doc, &doc->toks[ki], key, klen)) found = ki + 1;
    }
    return found;
}

void ew_json_get_many(const ew_json_doc *doc, int obj, const char *const *keys, int n, int *out)
{
    for (int i = 0; i < n; i++)
        out[i] = -1;
    const ew_json_tok *t = tok_at(doc, obj);
    if (!t || t->type != EW_JSON_OBJECT) return;
    const int *kids = doc_kids(doc);
    for (int m = 0; m < t->count; m++) {
        int ki = kids[t->kids + m];
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

/* ---- picking values in one pass ------------------------------------------------
 *
 * A recursive-descent walk with an explicit stack (no recursion on input),
 * checking what ew_json_parse checks: the grammar byte by byte, strings with
 * the skeleton's scan (printable ASCII needs no second look) and
 * check_string, primitives with check_primitive, and the same caps. Only the
 * containers the table reaches into are matched against it. The position
 * lives in a local of the walk (helpers are inlined), not in memory. */

typedef struct pick_frame {
    int v;     /* the doc value this container is, or -1 when nothing is picked in it */
    int count; /* members or elements so far */
    bool obj;
} pick_frame;

/* The bytes that end a primitive (ends_primitive), as a table. */
static const bool prim_stop[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, [']'] = 1, ['}'] = 1};

typedef struct picker {
    const char *s;
    size_t len;
    const ew_json_picks *t; /* the table */
    ew_json_tok *toks;      /* (n + 1): the doc's values */
    int tokens, max_tokens;
    ew_error *err;
} picker;

static inline size_t pick_ws(const char *s, size_t i, size_t len)
{
    /* Mostly there is none: one compare says so. */
    while (i < len && (unsigned char)s[i] <= ' ' && is_ws(s[i]))
        i++;
    return i;
}

static int pick_unexpected(const picker *p, size_t i, const char *expected)
{
    return err_unexpected(p->err, p->s, p->len, i, expected);
}

static int pick_too_many(const picker *p)
{
    return ew__error_set(p->err, EW_ERR_TOO_LARGE, "JSON: more than %d values", p->max_tokens);
}

/* True if key[0..klen) (raw, no escapes) is the NUL-terminated want. */
static inline bool key_is(const char *key, size_t klen, const char *want)
{
    for (size_t k = 0; k < klen; k++)
        if (key[k] != want[k]) return false; /* also stops at want's NUL */
    return want[klen] == '\0';
}

/* The doc value for member key s[from..to) of value `in`, or -1. */
static int pick_member(const picker *p, int in, size_t from, size_t to, bool escaped)
{
    size_t klen = to - from;
    uint64_t m = p->t->kids[in];
    /* Most keys of a document are not wanted: the first byte says so. */
    if (!escaped) m &= p->t->by_first[(klen ? (unsigned char)p->s[from] : 0) & 31];
    for (; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        const char *want = p->t->want[j].key;
        if (escaped) {
            if (!want) continue;
            ew_json_doc d = {.text = p->s, .len = p->len};
            ew_json_tok t = {.start = (int)from, .end = (int)to, .escaped = 1};
            if (string_eqn(&d, &t, want, strlen(want))) return j + 1;
        } else if (key_is(p->s + from, klen, want)) {
            return j + 1;
        }
    }
    return -1;
}

/* The doc value for element `index` of value `in`, or -1. */
static int pick_element(const picker *p, int in, int index)
{
    for (uint64_t m = p->t->kids[in]; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        if (!p->t->want[j].key && p->t->want[j].index == index) return j + 1;
    }
    return -1;
}

/* Value v starts at `at`: a duplicate key met it before, so forget what was
 * picked inside the earlier one (ew_json_get reads the last duplicate only). */
static void pick_begin(picker *p, int v, ew_json_type type, size_t at)
{
    if (p->toks[v].type != EW_JSON_NONE) {
        uint64_t gone = 1ull << v;
        for (int j = v; j < p->t->n; j++)
            if (gone >> p->t->want[j].parent & 1) {
                gone |= 1ull << (j + 1);
                p->toks[j + 1].type = EW_JSON_NONE;
            }
    }
    p->toks[v] =
        (ew_json_tok){.start = (int)at, .parent = -1, .next = -1, .type = (unsigned char)type};
}

/* The string whose opening quote is s[*i]: [*from, *to) is its body; *i
 * moves past it. Most strings here (keys, ids, deltas) are plain ASCII: 16
 * bytes a look find the closing quote with nothing to check before it;
 * anything else (escapes, UTF-8, the last bytes of the text) takes the
 * skeleton's scan and check_string. */
static inline int pick_string(picker *p, size_t *i, size_t *from, size_t *to, bool *escaped)
{
    const char *s = p->s;
    size_t body = *i + 1;
    *escaped = false;
#ifdef __SSE2__
    for (size_t k = body; k + 16 <= p->len; k += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
        unsigned q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
        /* Signed compare: bytes >= 0x80 count as below 0x20 too. */
        unsigned odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')), _mm_cmplt_epi8(x, _mm_set1_epi8(0x20))));
        if (q && !(odd & ((q & -q) - 1))) {
            *from = body;
            *to = k + (size_t)__builtin_ctz(q);
            *i = *to + 1;
            return EW_OK;
        }
        if (q | odd) break;
    }
#endif
    bool hide, plain;
    size_t close = scan_string(s, body, p->len, &hide, &plain);
    if (close >= p->len)
        return ew__error_set(p->err, EW_ERR_PARSE,
                             "JSON: truncated: unterminated string at byte %zu", *i);
    if (!plain) {
        int st = check_string(s, body, close, escaped, p->err);
        if (st) return st;
    }
    *from = body;
    *to = close;
    *i = close + 1;
    return EW_OK;
}

/* A string, number or literal at s[*i], as value v (-1: not picked). */
static inline __attribute__((always_inline)) int pick_scalar(picker *p, size_t *i, int v)
{
    ew_json_tok t = {.parent = -1, .next = -1};
    int st;
    if (p->s[*i] == '"') {
        size_t from = 0, to = 0;
        bool escaped;
        if ((st = pick_string(p, i, &from, &to, &escaped))) return st;
        t.start = (int)from;
        t.end = (int)to;
        t.type = EW_JSON_STRING;
        t.escaped = escaped;
    } else {
        size_t end = *i;
        while (end < p->len && !prim_stop[(unsigned char)p->s[end]])
            end++;
        char c = p->s[*i];
        if (c != '-' && (c < '0' || c > '9') && c != 't' && c != 'f' && c != 'n')
            return pick_unexpected(p, *i, "a JSON value");
        t.start = (int)*i;
        t.end = (int)end;
        if ((st = check_primitive(p->s, &t, p->err))) return st;
        *i = end;
    }
    if (v >= 0) {
        pick_begin(p, v, (ew_json_type)t.type, (size_t)t.start);
        p->toks[v] = t;
    }
    return EW_OK;
}

/* A key at s[*i] and its ':'; *v becomes the doc value of its member. */
static inline int pick_key(picker *p, size_t *i, const pick_frame *f, const char *expected, int *v)
{
    if (*i >= p->len || p->s[*i] != '"') return pick_unexpected(p, *i, expected);
    if (++p->tokens > p->max_tokens) return pick_too_many(p);
    size_t from = 0, to = 0;
    bool escaped;
    int st = pick_string(p, i, &from, &to, &escaped);
    if (st) return st;
    *v = f->v >= 0 ? pick_member(p, f->v, from, to, escaped) : -1;
    *i = pick_ws(p->s, *i, p->len);
    if (*i >= p->len || p->s[*i] != ':') return pick_unexpected(p, *i, "':'");
    (*i)++;
    return EW_OK;
}

/* ---- resuming over a repeated prefix (see ew_json_pick_resume) ---- */

/* The bytes and the nesting a memo keeps, at most: a stream chunk's prefix
 * (id, object, created, model, system fingerprint, the choice's index) is
 * 100-200 bytes at depth 3. */
#define MEMO_PREFIX_MAX 512
#define MEMO_DEPTH_MAX  8

struct ew_json_pick_memo {
    int at; /* the value at whose start the walk is kept */
    /* What the kept state was computed with; 0 len = nothing kept. */
    const ew_json_picks *t;
    int max_tokens, max_depth;
    size_t len; /* prefix bytes: up to and including the value's first */
    char prefix[MEMO_PREFIX_MAX];
    /* The walk's state at that point (pick_walk's locals and the picker's). */
    int depth, tokens;
    pick_frame stack[MEMO_DEPTH_MAX];
    ew_json_tok toks[EW_JSON_PICK_MAX + 1];
};

ew_json_pick_memo *ew_json_pick_memo_new(int at)
{
    ew_json_pick_memo *m = malloc(sizeof *m);
    if (!m) return NULL;
    m->at = at;
    m->t = NULL;
    m->len = 0;
    return m;
}

void ew_json_pick_memo_free(ew_json_pick_memo *m)
{
    free(m);
}

/* Keeps the walk's state as container m->at opens at s[i] (a scalar there
 * is not kept: the check costs a compare per container, not per value).
 * Everything the walk
 * did so far depended on s[0..i] alone (a string's or a primitive's end, a
 * run of whitespace: each is decided by bytes up to its last one), so any
 * text that starts with those bytes reaches this point in this state. */
static void memo_keep(ew_json_pick_memo *m, const picker *p, const pick_frame *stack, size_t i,
                      int depth, int max_depth)
{
    if (i + 1 > MEMO_PREFIX_MAX || depth > MEMO_DEPTH_MAX) return;
    m->t = p->t;
    m->max_tokens = p->max_tokens;
    m->max_depth = max_depth;
    m->len = i + 1;
    memcpy(m->prefix, p->s, i + 1);
    m->depth = depth;
    m->tokens = p->tokens;
    memcpy(m->stack, stack, (size_t)depth * sizeof *stack);
    memcpy(m->toks, p->toks, (size_t)(p->t->n + 1) * sizeof *p->toks);
}

/* Restores the kept state when p's text starts with the kept bytes (and the
 * table and limits are the same); returns the position to go on from, or 0. */
static size_t memo_resume(const ew_json_pick_memo *m, picker *p, pick_frame *stack, int max_depth,
                          int *depth)
{
    if (!m->len || m->t != p->t || m->max_tokens != p->max_tokens || m->max_depth != max_depth ||
        p->len < m->len || memcmp(p->s, m->prefix, m->len))
        return 0;
    *depth = m->depth;
    p->tokens = m->tokens;
    memcpy(stack, m->stack, (size_t)m->depth * sizeof *stack);
    memcpy(p->toks, m->toks, (size_t)(p->t->n + 1) * sizeof *p->toks);
    return m->len - 1;
}

/* The walk: a value, then separators and closers until the next value. With
 * a memo, it starts where the memo's prefix ends when the text repeats it,
 * and keeps its state where container m->at opens otherwise. */
static inline __attribute__((always_inline)) int pick_walk(picker *p, pick_frame *stack,
                                                           int max_depth, ew_json_pick_memo *m)
{
    const char *s = p->s;
    size_t len = p->len, i = 0;
    int depth = 0, v = 0, st;
    pick_frame *f = NULL;
    if (m && (i = memo_resume(m, p, stack, max_depth, &depth))) {
        v = m->at;
        goto resumed;
    }
value:
    i = pick_ws(s, i, len);
    if (i >= len) return pick_unexpected(p, i, "a JSON value");
    if (++p->tokens > p->max_tokens) return pick_too_many(p);
    if (s[i] != '{' && s[i] != '[') {
        if ((st = pick_scalar(p, &i, v))) return st;
        goto after;
    }
    if (m && v == m->at) memo_keep(m, p, stack, i, depth, max_depth);
resumed:
    if (depth == max_depth)
        return ew__error_set(p->err, EW_ERR_TOO_LARGE, "JSON: nesting deeper than %d at byte %zu",
                             max_depth, i);
    f = &stack[depth++];
    *f = (pick_frame){v, 0, s[i] == '{'};
    if (v >= 0) pick_begin(p, v, f->obj ? EW_JSON_OBJECT : EW_JSON_ARRAY, i);
    i = pick_ws(s, i + 1, len);
    if (i < len && s[i] == (f->obj ? '}' : ']')) goto close;
    if (!f->obj) {
        v = f->v >= 0 ? pick_element(p, f->v, 0) : -1;
        goto value;
    }
    if ((st = pick_key(p, &i, f, "a string key or '}'", &v))) return st;
    goto value;
close: /* the closer of f at s[i] */
    i++;
    if (f->v >= 0) p->toks[f->v].end = (int)i;
    depth--;
after:
    i = pick_ws(s, i, len);
    if (depth == 0) return i == len ? EW_OK : pick_unexpected(p, i, "end of input after the value");
    f = &stack[depth - 1];
    f->count++;
    if (i < len && s[i] == ',') {
        i = pick_ws(s, i + 1, len);
        if (!f->obj) {
            v = f->v >= 0 ? pick_element(p, f->v, f->count) : -1;
            goto value;
        }
        if ((st = pick_key(p, &i, f, "a string key", &v))) return st;
        goto value;
    }
    if (i < len && s[i] == (f->obj ? '}' : ']')) goto close;
    return pick_unexpected(p, i, f->obj ? "',' or '}'" : "',' or ']'");
}

/* Two copies of the walk: a document read without a memo (a whole answer)
 * pays nothing for it. */
static int pick_walk_plain(picker *p, pick_frame *stack, int max_depth)
{
    return pick_walk(p, stack, max_depth, NULL);
}

static int pick_walk_memo(picker *p, pick_frame *stack, int max_depth, ew_json_pick_memo *m)
{
    return pick_walk(p, stack, max_depth, m);
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
        const ew_json_want *w = &picks[j];
        if (w->parent < 0 || w->parent > j || (!w->key && w->index < 0))
            return ew__error_set(err, EW_ERR_INVALID, "JSON: bad pick table at %d", j);
        t->kids[j + 1] = 0;
        t->kids[w->parent] |= 1ull << j;
        if (w->key) t->by_first[(unsigned char)w->key[0] & 31] |= 1ull << j;
    }
    return EW_OK;
}

static int pick_run(ew_json_doc *doc, const char *text, size_t len, const ew_json_picks *t,
                    const ew_json_limits *limits, ew_json_pick_memo *m, ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_json_limits lim = limits_or_defaults(limits);
    picker p = {.s = text ? text : "",
                .len = text ? len : 0,
                .t = t,
                .max_tokens = lim.max_tokens,
                .err = err};
    if (p.len >= INT_MAX)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "JSON: document of %zu bytes is too large",
                             p.len);
    pick_frame small[JSON_DEFAULT_MAX_DEPTH];
    pick_frame *stack = lim.max_depth <= JSON_DEFAULT_MAX_DEPTH
                            ? small
                            : malloc((size_t)lim.max_depth * sizeof *stack);
    /* Only the type of an absent value is ever read (tok_at). */
    p.toks = malloc((size_t)(t->n + 1) * sizeof *p.toks);
    if (!p.toks || !stack) {
        free(p.toks);
        if (stack != small) free(stack);
        return EW_ERR_NOMEM;
    }
    for (int j = 0; j <= t->n; j++)
        p.toks[j].type = EW_JSON_NONE;
    int st =
        m ? pick_walk_memo(&p, stack, lim.max_depth, m) : pick_walk_plain(&p, stack, lim.max_depth);
    if (stack != small) free(stack);
    if (st) {
        free(p.toks);
        return st;
    }
    doc->text = p.s;
    doc->len = p.len;
    doc->toks = p.toks;
    doc->n = t->n + 1;
    return EW_OK;
}

int ew_json_pick_with(ew_json_doc *doc, const char *text, size_t len, const ew_json_picks *t,
                      const ew_json_limits *limits, ew_error *err)
{
    return pick_run(doc, text, len, t, limits, NULL, err);
}

int ew_json_pick_resume(ew_json_doc *doc, const char *text, size_t len, const ew_json_picks *t,
                        const ew_json_limits *limits, ew_json_pick_memo *m, ew_error *err)
{
    if (m && (m->at < 0 || m->at > t->n)) m = NULL;
    return pick_run(doc, text, len, t, limits, m, err);
}

int ew_json_pick(ew_json_doc *doc, const char *text, size_t len, const ew_json_want *picks, int n,
                 const ew_json_limits *limits, ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_json_picks t;
    int st = ew_json_picks_init(&t, picks, n, err);
    return st ? st : ew_json_pick_with(doc, text, len, &t, limits, err);
}
