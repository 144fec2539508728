/* JSON writer: always valid, escaped UTF-8 (see json.h). */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/json.h"
#include "core/json_priv.h"

int ew_utf8_seq_len(const unsigned char *s, size_t len)
{
    if (!len) return 0;
    unsigned c = s[0];
    if (c < 0x80) return 1;
    int n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80;
        c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
        c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
        c &= 0x07;
    } else {
        return 0;
    }
    if ((size_t)n > len) return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are invalid. */
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return n;
}

int ew_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool ew_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* ASCII sixteen bytes at a time with SSE2, then eight: most text is. */
#ifdef __SSE2__
        while (i + 16 <= len &&
               !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + i))))
            i += 16;
#endif
        uint64_t w;
        while (i + 8 <= len && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ull)))
            i += 8;
        if (i >= len) break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        int n = ew_utf8_seq_len(p + i, len - i);
        if (!n) return false;
        i += (size_t)n;
    }
    return true;
}

int ew_json_escape(ew_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;
    int st = EW_OK;
    while (i < len && !st) {
        /* Plain printable ASCII (no quote, backslash, control or non-ASCII
         * byte) sixteen bytes at a time with SSE2, then eight: most text is
         * such runs. */
#ifdef __SSE2__
        while (i + 16 <= len) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
            /* Signed: bytes >= 0x80 are negative, so below 0x20 too. */
            __m128i m = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
            if (_mm_movemask_epi8(m)) break;
            run += 16;
            i += 16;
        }
#endif
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            uint64_t bad = (w & highs) | ((w - ones * 0x20) & ~w & highs) |
                           ((q - ones) & ~q & highs) | ((b - ones) & ~b & highs);
            if (bad) break;
            run += 8;
            i += 8;
        }
        if (i >= len) break;
        unsigned c = p[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            run++;
            i++;
            continue;
        }
        int n = c < 0x80 ? 1 : ew_utf8_seq_len(p + i, len - i);
        if (n > 1) {
            run += (size_t)n;
            i += (size_t)n;
            continue;
        }
        /* Flush the clean run, then write the escape. */
        st = ew_buf_append(out, s + i - run, run);
        run = 0;
        if (st) break;
        char esc[8];
        size_t elen = 2;
        esc[0] = '\\';
        switch (c) {
        case '"':
            esc[1] = '"';
            break;
        case '\\':
            esc[1] = '\\';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        default:
            if (c < 0x20) {
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                elen = 6;
            } else {
                /* Invalid UTF-8 byte: U+FFFD keeps the output valid. */
                memcpy(esc, "\xEF\xBF\xBD", 3);
                elen = 3;
            }
        }
        st = ew_buf_append(out, esc, elen);
        i++;
    }
    if (!st && run) st = ew_buf_append(out, s + len - run, run);
    return st;
}

void ew_jw_init(ew_jw *w, ew_buf *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
}

static bool jw_ok(ew_jw *w)
{
    return w->status == EW_OK;
}

/* Room for n more bytes at the end of the output, or NULL (the status says
 * why). The writer fills it and calls jw_used: one check per value instead
 * of an append per piece. */
static char *jw_room(ew_jw *w, size_t n)
{
    ew_buf *b = w->out;
    if (!jw_ok(w)) return NULL;
    if (b->len + n >= b->cap && (w->status = ew_buf_reserve(b, n))) return NULL;
    return b->data + b->len;
}

static void jw_used(ew_jw *w, size_t n)
{
    w->out->len += n;
    w->out->data[w->out->len] = '\0';
}

static void jw_put(ew_jw *w, const char *s, size_t n)
{
    char *p = jw_room(w, n);
    if (!p) return;
    memcpy(p, s, n);
    jw_used(w, n);
}

/* The separator a new value needs at the current position (',' or 0). */
static char jw_take_prefix(ew_jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return 0;
    }
    if (w->depth > 0) {
        bool comma = w->need_comma[w->depth - 1];
        w->need_comma[w->depth - 1] = true;
        return comma ? ',' : 0;
    }
    return 0;
}

/* Writes the separator a new value needs at the current position. */
static void jw_value_prefix(ew_jw *w)
{
    char sep = jw_take_prefix(w);
    if (sep) jw_put(w, &sep, 1);
}

static void jw_open(ew_jw *w, char c)
{
    jw_value_prefix(w);
    if (w->depth >= EW_JW_MAX_DEPTH) {
        if (jw_ok(w)) w->status = EW_ERR_TOO_LARGE;
        return;
    }
    jw_put(w, &c, 1);
    w->need_comma[w->depth++] = false;
}

static void jw_close(ew_jw *w, char c)
{
    if (w->depth > 0) w->depth--;
    jw_put(w, &c, 1);
}

void ew_jw_object_begin(ew_jw *w)
{
    jw_open(w, '{');
}
void ew_jw_object_end(ew_jw *w)
{
    jw_close(w, '}');
}
void ew_jw_array_begin(ew_jw *w)
{
    jw_open(w, '[');
}
void ew_jw_array_end(ew_jw *w)
{
    jw_close(w, ']');
}

#define JW_SHORT 64

/* No quote, backslash, control or non-ASCII byte: written as is. */
static bool jw_plain(const char *s, size_t len)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w, q, b;
        memcpy(&w, s + i, 8);
        q = w ^ (ones * '"');
        b = w ^ (ones * '\\');
        if ((w & highs) | ((w - ones * 0x20) & ~w & highs) | ((q - ones) & ~q & highs) |
            ((b - ones) & ~b & highs))
            return false;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
    }
    return true;
}

/* sep (if any), then s[0..len) in quotes, then ':' for a key, in one
 * append; s needs no escaping. */
static void jw_quoted(ew_jw *w, char sep, const char *s, size_t len, bool colon)
{
    char *p = jw_room(w, len + 4);
    if (!p) return;
    size_t n = 0;
    if (sep) p[n++] = sep;
    p[n++] = '"';
    memcpy(p + n, s, len);
    n += len;
    p[n++] = '"';
    if (colon) p[n++] = ':';
    jw_used(w, n);
}

/* A string value, or a key when colon is set. Short plain strings (keys,
 * ids, names: most of what is written) go out with their separator in one
 * append; the general path costs four appends and an escape pass. */
static void jw_string(ew_jw *w, const char *s, size_t len, bool colon)
{
    if (!s) {
        s = "";
        len = 0;
    }
    char sep = jw_take_prefix(w);
    if (len <= JW_SHORT && jw_plain(s, len)) {
        jw_quoted(w, sep, s, len, colon);
    } else {
        if (sep) jw_put(w, &sep, 1);
        jw_put(w, "\"", 1);
        if (jw_ok(w)) w->status = ew_json_escape(w->out, s, len);
        jw_put(w, colon ? "\":" : "\"", colon ? 2 : 1);
    }
    if (colon) w->after_key = true;
}

void ew_jw_keyn(ew_jw *w, const char *key, size_t len)
{
    jw_string(w, key, len, true);
}

void ew_jw_key(ew_jw *w, const char *key)
{
    ew_jw_keyn(w, key, strlen(key));
}

void ew_jw_stringn(ew_jw *w, const char *s, size_t len)
{
    jw_string(w, s, len, false);
}

void ew_jw_string(ew_jw *w, const char *s)
{
    ew_jw_stringn(w, s, s ? strlen(s) : 0);
}

static void jw_scalar(ew_jw *w, const char *s, int n)
{
    char sep = jw_take_prefix(w);
    if (n < 0) n = 0;
    char *p = jw_room(w, (size_t)n + 1);
    if (!p) return;
    size_t k = 0;
    if (sep) p[k++] = sep;
    memcpy(p + k, s, (size_t)n);
    jw_used(w, k + (size_t)n);
}

void ew__jw_key_quoted(ew_jw *w, const char *quoted, size_t len)
{
    jw_scalar(w, quoted, (int)len);
    w->after_key = true;
}

void ew_jw_string_json(ew_jw *w, const char *body, size_t len)
{
    jw_quoted(w, jw_take_prefix(w), body, len, false);
}

/* Decimal digits of v, right-aligned in tmp[0..24); returns where they start.
 * (Integers are on every response's hot path; snprintf costs ten times this.) */
static int jw_digits(char tmp[24], uint64_t v)
{
    int i = 24;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return i;
}

void ew_jw_int(ew_jw *w, int64_t v)
{
    char tmp[24];
    uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int i = jw_digits(tmp, mag);
    if (v < 0) tmp[--i] = '-';
    jw_scalar(w, tmp + i, 24 - i);
}

void ew_jw_uint(ew_jw *w, uint64_t v)
{
    char tmp[24];
    int i = jw_digits(tmp, v);
    jw_scalar(w, tmp + i, 24 - i);
}

/* v written as m / 10^k with k <= 6 when that reads back exactly: what
 * %.15g prints for it (fixed notation, trailing zeros dropped) without
 * snprintf and strtod. Sampling parameters (0.2, 0.95, 1) are such values.
 * Returns the length, or 0 for the general path. */
static int jw_short_decimal(double v, char out[40])
{
    static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double a = fabs(v);
    /* %g is fixed-point from 1e-4 up to 10^precision. */
    if (!(a >= 1e-4 && a < 1e14)) return 0;
    for (int k = 0; k <= 6; k++) {
        double m = a * p10[k];
        /* m < 2^53 and 10^k are exact, so m / 10^k is the double nearest
         * to the decimal m e-k: the one strtod reads. */
        if (m >= 1e15 || m != (double)(uint64_t)m || m / p10[k] != a) continue;
        char dig[24];
        int nd = jw_digits(dig, (uint64_t)m), len = 24 - nd, n = 0;
        if (v < 0) out[n++] = '-';
        if (len <= k) { /* 0.00ddd */
            out[n++] = '0';
            out[n++] = '.';
            for (int z = len; z < k; z++)
                out[n++] = '0';
            memcpy(out + n, dig + nd, (size_t)len);
            n += len;
        } else {
            memcpy(out + n, dig + nd, (size_t)(len - k));
            n += len - k;
            if (k) {
                out[n++] = '.';
                memcpy(out + n, dig + nd + len - k, (size_t)k);
                n += k;
            }
        }
        while (k && out[n - 1] == '0')
            n--;
        if (out[n - 1] == '.') n--;
        return n;
    }
    return 0;
}

void ew_jw_double(ew_jw *w, double v)
{
    char tmp[40];
    if (!isfinite(v)) {
        jw_scalar(w, "null", 4);
        return;
    }
    int short_len = jw_short_decimal(v, tmp);
    if (short_len) {
        jw_scalar(w, tmp, short_len);
        return;
    }
    /* The shortest of %.15g/%.16g/%.17g that reads back exactly, in the C
     * locale: under a locale with a decimal comma "0,5" is not JSON. */
    locale_t c = ew__json_c_locale();
    locale_t old = c ? uselocale(c) : (locale_t)0;
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) break;
    }
    if (c) uselocale(old);
    jw_scalar(w, tmp, n);
}

void ew_jw_bool(ew_jw *w, bool v)
{
    jw_scalar(w, v ? "true" : "false", v ? 4 : 5);
}

void ew_jw_null(ew_jw *w)
{
    jw_scalar(w, "null", 4);
}

void ew_jw_raw(ew_jw *w, const char *json, size_t len)
{
    jw_value_prefix(w);
    jw_put(w, json, len);
}
