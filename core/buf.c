/* Bounded growable buffer: see buf.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

void ew_buf_init(ew_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
}

void ew_buf_cleanup(ew_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void ew_buf_reset(ew_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

int ew_buf_reserve(ew_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra) return EW_ERR_TOO_LARGE;
    size_t need = b->len + extra + 1; /* + NUL */
    if (need <= b->cap) return EW_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    /* Never allocate far past the cap: +1 for the NUL. */
    if (cap > b->max + 1) cap = b->max + 1;
    char *p = realloc(b->data, cap);
    if (!p) return EW_ERR_NOMEM;
    b->data = p;
    b->cap = cap;
    return EW_OK;
}

int ew_buf_append(ew_buf *b, const void *data, size_t len)
{
    int st = ew_buf_reserve(b, len);
    if (st) return st;
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return EW_OK;
}

int ew_buf_append_str(ew_buf *b, const char *s)
{
    return ew_buf_append(b, s, strlen(s));
}

int ew_buf_append_char(ew_buf *b, char c)
{
    return ew_buf_append(b, &c, 1);
}

int ew_buf_vprintf(ew_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0) return EW_ERR_INVALID;
    if ((size_t)n < sizeof small) return ew_buf_append(b, small, (size_t)n);
    int st = ew_buf_reserve(b, (size_t)n);
    if (st) return st;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return EW_OK;
}

int ew_buf_printf(ew_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int st = ew_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return st;
}

void ew_buf_consume(ew_buf *b, size_t n)
{
    if (n >= b->len) {
        ew_buf_reset(b);
        return;
    }
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
    b->data[b->len] = '\0';
}

char *ew_buf_steal(ew_buf *b, size_t *len)
{
    char *p = b->data;
    if (len) *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

size_t ew__str_copyn(char *dst, size_t size, const char *src, size_t n)
{
    if (n >= size) n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

size_t ew__str_copy(char *dst, size_t size, const char *src)
{
    return ew__str_copyn(dst, size, src, strnlen(src, size));
}

size_t ew__str_u64(char *dst, uint64_t v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        dst[i] = tmp[n - 1 - i];
    dst[n] = '\0';
    return n;
}
