/* Secrets named by the structure around them rather than next to them: a
 * column of a Markdown table, a CSV or TSV file or an SQL INSERT whose
 * header names a secret ("| User | Password |", "name,url,username,password",
 * "INSERT INTO users (login, password) VALUES (...)"), a table row whose
 * first cell names one ("| `API_TOKEN` | `x` |"), and an SQL row that stores
 * a setting by name ("SET value = 'x' WHERE name = 'payment_api_secret'"). */
#include <string.h>
#include <strings.h>

#include "router/pii_secret.h"

enum { TABLE_ROWS = 64, TABLE_LINE = 1024 };

/* The line [b, e) that holds i. */
static void line_of(const unsigned char *s, size_t n, size_t i, size_t *b, size_t *e)
{
    size_t lo = i > TABLE_LINE ? i - TABLE_LINE : 0, hi = i + TABLE_LINE < n ? i + TABLE_LINE : n;
    const unsigned char *nl = memrchr(s + lo, '\n', i - lo);
    *b = nl ? (size_t)(nl - s) + 1 : lo;
    nl = memchr(s + i, '\n', hi - i);
    *e = nl ? (size_t)(nl - s) : hi;
}

/* Cell number col of the row [b, e) split at delim, trimmed of spaces, '\r',
 * backticks, quotes and '*' (Markdown code and emphasis); false when the
 * row has no such cell. A Markdown row's leading '|' opens no cell. */
static bool cell_at(const unsigned char *s, size_t b, size_t e, unsigned delim, int col, size_t *cs,
                    size_t *ce)
{
    while (b < e && s[b] == ' ')
        b++;
    if (delim == '|' && b < e && s[b] == '|') b++;
    for (int k = 0; k < col; k++) {
        const unsigned char *d = memchr(s + b, (int)delim, e - b);
        if (!d) return false;
        b = (size_t)(d - s) + 1;
    }
    const unsigned char *d = memchr(s + b, (int)delim, e - b);
    size_t x = d ? (size_t)(d - s) : e;
    if (!d && delim == '|') return false; /* a Markdown row ends with '|' */
    while (b < x && strchr(" \r\t`\"'*", s[b]))
        b++;
    while (x > b && strchr(" \r\t`\"'*", s[x - 1]))
        x--;
    *cs = b;
    *ce = x;
    return true;
}

/* A Markdown separator row: '|', '-', ':' and spaces only, with a '-'. */
static bool separator_row(const unsigned char *s, size_t b, size_t e)
{
    bool dash = false;
    for (size_t k = b; k < e; k++) {
        if (s[k] == '-')
            dash = true;
        else if (!strchr("|: \r\t", s[k]))
            return false;
    }
    return dash;
}

/* A cell's value for a key of this kind: one token, not a word of prose
 * ("see vault", "SSO only", "Grafana"), then what the key's kind asks. */
static bool cell_value(pii_ctx *c, int kind, size_t cs, size_t ce)
{
    const unsigned char *v = c->s + cs;
    size_t vn = ce - cs;
    if (vn < 4 || vn > 256 || memchr(v, ' ', vn) || memchr(v, '\t', vn)) return false;
    if (ew__pii_prose_word(v, vn) || (pii_is_upper(v[0]) && ew__pii_prose_word(v + 1, vn - 1)))
        return false;
    if (kind != PII_KEY_PASSWORD && !ew__pii_random_looking(v, vn)) return false;
    return ew__pii_add_secret_value(c, kind, cs, ce, false) != 0;
}

/* The cells under column col of the rows after the header line ending at e
 * (Markdown's separator row skipped); rows stop at a line that is not one. */
static void column_values(pii_ctx *c, size_t e, unsigned delim, int col, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    for (int r = 0; r < TABLE_ROWS && e < n; r++) {
        size_t b = e + 1, le;
        line_of(s, n, b, &b, &le);
        if (le == b) break;
        e = le;
        if (delim == '|' && r == 0 && separator_row(s, b, le)) continue;
        if (delim == '|' && s[b] != '|') break;
        size_t cs, ce;
        if (!cell_at(s, b, le, delim, col, &cs, &ce)) break;
        cell_value(c, kind, cs, ce);
    }
}

/* How many delimiters come before i on [b, i): the cell number of i. */
static int column_of(const unsigned char *s, size_t b, size_t i, unsigned delim)
{
    int col = 0;
    for (size_t k = b; k < i; k++)
        col += s[k] == delim;
    if (delim == '|') {
        while (b < i && s[b] == ' ')
            b++;
        col -= b < i && s[b] == '|';
    }
    return col;
}

/* A delimited header line: two or more delims and only names between them
 * (letters, digits, '_', '-', ' ', quotes). */
static bool header_line(const unsigned char *s, size_t b, size_t e, unsigned delim)
{
    int delims = 0;
    for (size_t k = b; k < e; k++) {
        if (s[k] == delim)
            delims++;
        else if (!pii_is_alnum(s[k]) && !strchr("_- \r\"'`*", s[k]))
            return false;
    }
    return delims >= 2;
}

size_t ew__pii_scan_table(pii_ctx *c, size_t i, size_t ie, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b, e;
    line_of(s, n, i, &b, &e);
    size_t lb = b;
    while (lb < e && s[lb] == ' ')
        lb++;
    unsigned delim = lb < e && s[lb] == '|'                        ? '|'
                     : memchr(s + b, '\t', e - b) && s[ie] == '\t' ? '\t'
                     : s[ie] == ',' || (ie > 0 && s[i - 1] == ',') ? ','
                     : s[ie] == ';' || (ie > 0 && s[i - 1] == ';') ? ';'
                                                                   : 0;
    if (!delim) return 0;
    int col = column_of(s, b, i, delim);
    size_t cs, ce;
    /* the cue must be the whole cell: "password", not "reset your password" */
    if (col < 0 || !cell_at(s, b, e, delim, col, &cs, &ce) || cs != i || ce != ie) return 0;
    size_t nb = e + 1, ne = e;
    if (nb < n) line_of(s, n, nb, &nb, &ne);
    /* Markdown's header is the row above the separator row */
    bool header = delim == '|' ? nb < n && separator_row(s, nb, ne) : header_line(s, b, e, delim);
    if (header) {
        column_values(c, e, delim, col, kind); /* the cells under it */
        return 0;
    }
    /* "| `API_TOKEN` | `x` |": a row whose cell names the next one's value */
    if (delim == '|' && cell_at(s, b, e, delim, col + 1, &cs, &ce)) cell_value(c, kind, cs, ce);
    return 0;
}

/* "INSERT INTO t (a, password) VALUES ('x', 'y')": the cue at [i, ie) in the
 * column list; the value is the tuple's element at its place. */
size_t ew__pii_scan_sql_insert(pii_ctx *c, size_t i, size_t ie, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b = i, lim = i > 300 ? i - 300 : 0;
    int col = 0;
    while (b > lim && s[b - 1] != '(') {
        b--;
        col += s[b] == ',';
        if (s[b] == ')' || s[b] == ';' || s[b] == '\'' || s[b] == '"') return 0;
    }
    if (b == lim) return 0;
    size_t t = b - 1; /* "INSERT INTO <table> (" */
    while (t > lim && (s[t - 1] == ' ' || pii_is_alnum(s[t - 1]) || s[t - 1] == '_' ||
                       s[t - 1] == '.' || s[t - 1] == '"' || s[t - 1] == '`'))
        t--;
    if (b - t < 12 || !pii_contains(s + t, b - t, "INTO ", 5)) return 0;
    size_t k = ie;
    while (k < n && k - ie < 300 && s[k] != ')')
        k++;
    k++;
    while (k < n && s[k] == ' ')
        k++;
    if (k + 7 >= n || strncasecmp((const char *)s + k, "values", 6)) return 0;
    k += 6;
    while (k < n && s[k] == ' ')
        k++;
    pii_call_arg a[16];
    int na = ew__pii_call_args(s, n, k, a, 16);
    if (col >= na || !a[col].quoted) return 0;
    cell_value(c, kind, a[col].vs, a[col].ve);
    return 0;
}

/* "... SET value = 'x' WHERE name = 'payment_api_secret'": the quoted name
 * at [i, ie) after "name =" (or "key ="), and a "value = '<x>'" of the same
 * statement, before or after it. */
size_t ew__pii_scan_sql_pair(pii_ctx *c, size_t i, size_t ie, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b, e;
    if (i < 8 || (s[i - 1] != '\'' && s[i - 1] != '"')) return 0;
    size_t p = i - 1;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    if (p == 0 || s[p - 1] != '=') return 0;
    p--;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    if (!(p >= 4 && !strncasecmp((const char *)s + p - 4, "name", 4)) &&
        !(p >= 3 && !strncasecmp((const char *)s + p - 3, "key", 3)))
        return 0;
    line_of(s, n, i, &b, &e);
    for (size_t k = b; k + 6 < e; k++) {
        if (strncasecmp((const char *)s + k, "value", 5) || (k > b && pii_is_alnum(s[k - 1])))
            continue;
        size_t q = k + 5;
        while (q < e && s[q] == ' ')
            q++;
        if (q >= e || s[q] != '=') continue;
        q++;
        while (q < e && s[q] == ' ')
            q++;
        if (q >= e || (s[q] != '\'' && s[q] != '"')) continue;
        const unsigned char *close = memchr(s + q + 1, s[q], e - q - 1);
        if (close)
            cell_value(c, kind == PII_KEY_KEY ? PII_KEY_SECRET : kind, q + 1, (size_t)(close - s));
        break;
    }
    (void)ie;
    return 0;
}
