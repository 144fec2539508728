/* A bounded CSV reader (RFC 4180 plus the usual leniencies) for the prompt
 * sets the difficulty trainer reads. Errors carry name:line:column. */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "router/difficulty_data.h"

void ew__csv_init(ew__csv *c, const char *data, size_t len, const char *name,
                  const ew__csv_limits *lim)
{
    memset(c, 0, sizeof *c);
    c->p = data;
    c->len = len;
    c->line = 1;
    c->name = name ? name : "<csv>";
    c->lim.max_field_bytes = lim && lim->max_field_bytes ? lim->max_field_bytes : 1u << 20;
    c->lim.max_row_bytes = lim && lim->max_row_bytes ? lim->max_row_bytes : 4u << 20;
    c->lim.max_fields = lim && lim->max_fields ? lim->max_fields : 256;
    ew_buf_init(&c->data, c->lim.max_row_bytes);
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) c->pos = 3;
}

void ew__csv_cleanup(ew__csv *c)
{
    ew_buf_cleanup(&c->data);
    free(c->start);
    free(c->flen);
    c->start = c->flen = NULL;
}

const char *ew__csv_field(const ew__csv *c, int i, size_t *len)
{
    if (i < 0 || i >= c->n_fields) return NULL;
    if (len) *len = c->flen[i];
    return c->data.data + c->start[i];
}

/* Column of byte `pos` on the current line, for messages. */
static int column_of(const ew__csv *c, size_t pos)
{
    size_t b = pos;
    while (b > 0 && c->p[b - 1] != '\n' && c->p[b - 1] != '\r')
        b--;
    return (int)(pos - b) + 1;
}

/* A line end at pos: returns its length (1 or 2) or 0. */
static size_t eol_len(const ew__csv *c, size_t pos)
{
    if (pos >= c->len) return 0;
    if (c->p[pos] == '\n') return 1;
    if (c->p[pos] == '\r') return (pos + 1 < c->len && c->p[pos + 1] == '\n') ? 2 : 1;
    return 0;
}

static int field_begin(ew__csv *c, size_t pos, ew_error *err)
{
    if (c->n_fields == c->lim.max_fields)
        return ew__error_at(err, EW_ERR_TOO_LARGE, c->name, c->line, column_of(c, pos),
                            "more than %d fields in a row", c->lim.max_fields);
    if (c->n_fields == c->cap_fields) {
        int cap = c->cap_fields ? c->cap_fields * 2 : 16;
        size_t *s = realloc(c->start, (size_t)cap * sizeof *s);
        if (!s) return ew__error_set(err, EW_ERR_NOMEM, "%s: out of memory", c->name);
        c->start = s;
        size_t *l = realloc(c->flen, (size_t)cap * sizeof *l);
        if (!l) return ew__error_set(err, EW_ERR_NOMEM, "%s: out of memory", c->name);
        c->flen = l;
        c->cap_fields = cap;
    }
    c->start[c->n_fields] = c->data.len;
    c->flen[c->n_fields] = 0;
    return EW_OK;
}

static int field_add(ew__csv *c, const char *s, size_t n, size_t pos, ew_error *err)
{
    if (c->flen[c->n_fields] + n > c->lim.max_field_bytes)
        return ew__error_at(err, EW_ERR_TOO_LARGE, c->name, c->line, column_of(c, pos),
                            "field longer than %zu bytes", c->lim.max_field_bytes);
    int st = ew_buf_append(&c->data, s, n);
    if (st == EW_ERR_TOO_LARGE)
        return ew__error_at(err, st, c->name, c->row_line, 1, "row longer than %zu bytes",
                            c->lim.max_row_bytes);
    if (st) return ew__error_set(err, st, "%s: out of memory", c->name);
    c->flen[c->n_fields] += n;
    return EW_OK;
}

static int field_end(ew__csv *c, size_t pos, ew_error *err)
{
    int st = field_add(c, "", 0, pos, err);
    if (!st) st = ew_buf_append_char(&c->data, '\0');
    if (st == EW_ERR_TOO_LARGE)
        return ew__error_at(err, st, c->name, c->row_line, 1, "row longer than %zu bytes",
                            c->lim.max_row_bytes);
    if (st) return st;
    c->n_fields++;
    return EW_OK;
}

/* Reads a quoted field whose opening quote is at c->pos. */
static int quoted_field(ew__csv *c, ew_error *err)
{
    int open_line = c->line, open_col = column_of(c, c->pos);
    size_t pos = c->pos + 1;
    for (;;) {
        size_t run = pos;
        while (run < c->len && c->p[run] != '"' && c->p[run] != '\n' && c->p[run] != '\r')
            run++;
        int st = field_add(c, c->p + pos, run - pos, pos, err);
        if (st) return st;
        pos = run;
        if (pos >= c->len)
            return ew__error_at(err, EW_ERR_PARSE, c->name, open_line, open_col,
                                "quoted field is never closed");
        size_t e = eol_len(c, pos);
        if (e) { /* an embedded line end, kept as written */
            st = field_add(c, c->p + pos, e, pos, err);
            if (st) return st;
            pos += e;
            c->line++;
            continue;
        }
        if (pos + 1 < c->len && c->p[pos + 1] == '"') { /* "" is one quote */
            st = field_add(c, "\"", 1, pos, err);
            if (st) return st;
            pos += 2;
            continue;
        }
        pos++; /* the closing quote */
        if (pos < c->len && c->p[pos] != ',' && !eol_len(c, pos))
            return ew__error_at(err, EW_ERR_PARSE, c->name, c->line, column_of(c, pos),
                                "unexpected '%c' after a closing quote", c->p[pos]);
        c->pos = pos;
        return EW_OK;
    }
}

static int plain_field(ew__csv *c, ew_error *err)
{
    size_t run = c->pos;
    while (run < c->len && c->p[run] != ',' && c->p[run] != '\n' && c->p[run] != '\r')
        run++;
    int st = field_add(c, c->p + c->pos, run - c->pos, c->pos, err);
    c->pos = run;
    return st;
}

int ew__csv_next(ew__csv *c, ew_error *err)
{
    ew_buf_reset(&c->data);
    c->n_fields = 0;
    /* Blank lines separate nothing: skip them. */
    size_t e;
    while ((e = eol_len(c, c->pos)) > 0) {
        c->pos += e;
        c->line++;
    }
    if (c->pos >= c->len) return 0;
    c->row_line = c->line;
    for (;;) {
        int st = field_begin(c, c->pos, err);
        if (!st) st = c->p[c->pos] == '"' ? quoted_field(c, err) : plain_field(c, err);
        if (!st) st = field_end(c, c->pos, err);
        if (st) return st;
        if (c->pos >= c->len) return 1;
        if (c->p[c->pos] == ',') {
            c->pos++;
            if (c->pos >= c->len || eol_len(c, c->pos)) { /* a trailing empty field */
                st = field_begin(c, c->pos, err);
                if (!st) st = field_end(c, c->pos, err);
                if (st) return st;
            } else {
                continue;
            }
        }
        e = eol_len(c, c->pos);
        c->pos += e;
        if (e) c->line++;
        return 1;
    }
}
