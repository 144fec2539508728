/* Bounded growable byte buffer. Every growth is checked against a hard cap set
 * at init, so untrusted input can never grow memory without limit. */
#ifndef EW_CORE_BUF_H
#define EW_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "edgeway/core.h"

typedef struct ew_buf {
    char *data; /* always NUL-terminated when non-NULL (the NUL is not counted in len) */
    size_t len;
    size_t cap;
    size_t max; /* hard cap on len; growth past it fails with EW_ERR_TOO_LARGE */
} ew_buf;

/* Caller-allocated: pairs with ew_buf_cleanup. Allocates nothing yet. */
void ew_buf_init(ew_buf *b, size_t max);
void ew_buf_cleanup(ew_buf *b);
/* Keeps the allocation and cap, sets len to 0. */
void ew_buf_reset(ew_buf *b);
/* Ensures room for `extra` more bytes (plus the NUL). EW_ERR_TOO_LARGE past max. */
int ew_buf_reserve(ew_buf *b, size_t extra);
int ew_buf_append(ew_buf *b, const void *data, size_t len);
/* ew_buf_append, inline while the data fits the allocation: for writers of
 * many small pieces (a response head, an SSE chunk). */
static inline int ew_buf_put(ew_buf *b, const void *data, size_t len)
{
    if (len >= b->cap - b->len) return ew_buf_append(b, data, len);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return EW_OK;
}
int ew_buf_append_str(ew_buf *b, const char *s);
int ew_buf_append_char(ew_buf *b, char c);
int ew_buf_printf(ew_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ew_buf_vprintf(ew_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Drops the first n bytes (n <= len), moving the rest down; for stream parsers. */
void ew_buf_consume(ew_buf *b, size_t n);
/* Hands the data to the caller (free() it) and leaves b empty. May return NULL if empty. */
char *ew_buf_steal(ew_buf *b, size_t *len);

/* Bounded string copies into a fixed array of `size` bytes (size > 0): at
 * most size - 1 bytes, always NUL-terminated; return the length written.
 * They do what snprintf(dst, size, "%s", src) or "%.*s" does, at a tenth of
 * its cost, for the names and ids copied on every request. */
size_t ew__str_copy(char *dst, size_t size, const char *src);
size_t ew__str_copyn(char *dst, size_t size, const char *src, size_t n);
/* The decimal digits of v into dst (room for 21 bytes), NUL-terminated;
 * returns their count. */
size_t ew__str_u64(char *dst, uint64_t v);

#endif
