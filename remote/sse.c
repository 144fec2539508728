/* Incremental SSE parser: see sse.h. Complete lines inside a chunk are parsed
 * in place; only a line cut by the chunk's end is copied aside. */
#include <string.h>

#include "core/error.h"
#include "core/json.h"
#include "remote/sse.h"

void ew__sse_init(ew__sse *p, size_t max_line, size_t max_event)
{
    memset(p, 0, sizeof *p);
    max_line = max_line ? max_line : EW__SSE_DEFAULT_MAX_LINE;
    max_event = max_event ? max_event : EW__SSE_DEFAULT_MAX_EVENT;
    ew_buf_init(&p->line, max_line);
    ew_buf_init(&p->data, max_event);
    ew_buf_init(&p->type, max_line);
    ew_buf_init(&p->id, max_line);
    p->first_line = true;
    p->retry_ms = -1;
}

void ew__sse_cleanup(ew__sse *p)
{
    ew_buf_cleanup(&p->line);
    ew_buf_cleanup(&p->data);
    ew_buf_cleanup(&p->type);
    ew_buf_cleanup(&p->id);
}

void ew__sse_reset(ew__sse *p)
{
    ew_buf_reset(&p->line);
    ew_buf_reset(&p->data);
    ew_buf_reset(&p->type);
    ew_buf_reset(&p->id);
    p->has_data = p->after_cr = false;
    p->first_line = true;
    p->status = EW_OK;
    p->offset = p->events = p->comments = 0;
    p->retry_ms = -1;
}

bool ew__sse_pending(const ew__sse *p)
{
    return p->line.len > 0 || p->has_data || p->type.len > 0;
}

static bool name_is(const char *name, size_t n, const char *want)
{
    return n == strlen(want) && !memcmp(name, want, n);
}

/* Ends the current event at a blank line. */
static int sse_dispatch(ew__sse *p, ew__sse_event_fn fn, void *user)
{
    int st = EW_OK;
    if (p->has_data) {
        ew__sse_event ev = {
            .type = p->type.len ? p->type.data : "",
            .type_len = p->type.len,
            .data = p->data.len ? p->data.data : "",
            .data_len = p->data.len,
            .id = p->id.len ? p->id.data : "",
            .id_len = p->id.len,
        };
        p->events++;
        st = fn(user, &ev);
    }
    /* Per the spec an event without data is dropped, its type too. */
    ew_buf_reset(&p->data);
    ew_buf_reset(&p->type);
    p->has_data = false;
    return st;
}

/* Handles one field line; `at` is the line's stream offset for errors. */
static int sse_field(ew__sse *p, const char *line, size_t n, uint64_t at, ew_error *err)
{
    const char *colon = memchr(line, ':', n);
    size_t name_len = colon ? (size_t)(colon - line) : n;
    const char *value = colon ? colon + 1 : line + n;
    size_t value_len = colon ? n - name_len - 1 : 0;
    if (value_len && *value == ' ') {
        value++;
        value_len--;
    }
    int st = EW_OK;
    if (name_is(line, name_len, "data")) {
        if (p->has_data) st = ew_buf_append_char(&p->data, '\n');
        if (!st) st = ew_buf_append(&p->data, value, value_len);
        p->has_data = true;
        if (st)
            return ew__error_set(err, st, "SSE: event data over %zu bytes at byte %llu",
                                 p->data.max, (unsigned long long)at);
    } else if (name_is(line, name_len, "event")) {
        ew_buf_reset(&p->type);
        st = ew_buf_append(&p->type, value, value_len);
    } else if (name_is(line, name_len, "id")) {
        /* The spec ignores ids holding NUL. */
        if (!memchr(value, '\0', value_len)) {
            ew_buf_reset(&p->id);
            st = ew_buf_append(&p->id, value, value_len);
        }
    } else if (name_is(line, name_len, "retry")) {
        long ms = 0;
        size_t i = 0;
        while (i < value_len && value[i] >= '0' && value[i] <= '9' && ms < 100000000)
            ms = ms * 10 + (value[i++] - '0');
        if (i == value_len && i > 0) p->retry_ms = ms;
    } else {
        return ew__error_set(err, EW_ERR_PARSE,
                             "SSE: garbage at byte %llu: expected data:, event:, id:, retry: or "
                             "a comment, found \"%.*s\"",
                             (unsigned long long)at, (int)(n > 40 ? 40 : n), line);
    }
    return st;
}

/* Handles one complete line (without its terminator). */
static int sse_line(ew__sse *p, const char *line, size_t n, uint64_t at, ew__sse_event_fn fn,
                    void *user, ew_error *err)
{
    if (p->first_line) {
        p->first_line = false;
        if (n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
            line += 3;
            n -= 3;
            at += 3;
        }
    }
    if (!ew_utf8_valid(line, n))
        return ew__error_set(err, EW_ERR_UTF8, "SSE: invalid UTF-8 in the line at byte %llu",
                             (unsigned long long)at);
    if (n == 0) return sse_dispatch(p, fn, user);
    if (line[0] == ':') {
        p->comments++;
        return EW_OK;
    }
    return sse_field(p, line, n, at, err);
}

static int line_too_long(ew__sse *p, uint64_t at, ew_error *err)
{
    return ew__error_set(err, EW_ERR_TOO_LARGE, "SSE: line at byte %llu is longer than %zu bytes",
                         (unsigned long long)at, p->line.max);
}

/* Finds the first CR or LF in s[0..n), or returns n. Two memchr calls
 * (vectorized in libc) rather than a loop over each byte of a line. */
static size_t find_eol(const char *s, size_t n)
{
    const char *lf = memchr(s, '\n', n);
    size_t end = lf ? (size_t)(lf - s) : n;
    const char *cr = memchr(s, '\r', end);
    return cr ? (size_t)(cr - s) : end;
}

int ew__sse_feed(ew__sse *p, const char *data, size_t len, ew__sse_event_fn fn, void *user,
                 ew_error *err)
{
    if (p->status) return ew__error_set(err, p->status, "SSE: the stream already failed");
    size_t i = 0;
    if (p->after_cr && len && data[0] == '\n') i = 1;
    if (len) p->after_cr = false;
    int st = EW_OK;
    while (i < len && !st) {
        size_t eol = i + find_eol(data + i, len - i);
        uint64_t line_at = p->offset + i - p->line.len;
        if (eol == len) {
            /* A cut line: keep it for the next chunk. */
            if (ew_buf_append(&p->line, data + i, len - i)) st = line_too_long(p, line_at, err);
            i = len;
            break;
        }
        if (p->line.len) {
            if (ew_buf_append(&p->line, data + i, eol - i)) {
                st = line_too_long(p, line_at, err);
                break;
            }
            st = sse_line(p, p->line.data, p->line.len, line_at, fn, user, err);
            ew_buf_reset(&p->line);
        } else if (eol - i > p->line.max) {
            st = line_too_long(p, line_at, err);
            break;
        } else {
            st = sse_line(p, data + i, eol - i, line_at, fn, user, err);
        }
        if (data[eol] == '\r') {
            if (eol + 1 < len && data[eol + 1] == '\n')
                eol++;
            else if (eol + 1 == len)
                p->after_cr = true;
        }
        i = eol + 1;
    }
    p->offset += i;
    p->status = st;
    return st;
}
