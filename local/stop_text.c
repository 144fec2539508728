/* Stop strings over streamed text (see stop_text.h). */
#include <string.h>

#include "local/model.h"
#include "local/stop_text.h"

size_t ew__stop_text_size(const ew_model *m)
{
    return (size_t)m->max_piece + 2 * EW_MAX_STOP_LEN + 8;
}

/* Bytes at the end of buf[0..n) that start a UTF-8 sequence not yet complete. */
static size_t utf8_incomplete_tail(const char *buf, size_t n)
{
    for (size_t back = 1; back <= 3 && back <= n; back++) {
        unsigned char c = (unsigned char)buf[n - back];
        if ((c & 0xC0) == 0x80) continue; /* continuation byte: keep looking for the lead */
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

/* Longest proper prefix of a stop string that ends the buffer. */
static size_t stop_prefix_tail(const ew__stop_text *t)
{
    size_t hold = 0;
    for (int i = 0; i < t->n_stop && t->stop[i]; i++) {
        size_t L = strlen(t->stop[i]);
        for (size_t k = L - 1; k > hold; k--)
            if (k <= t->len && !memcmp(t->buf + t->len - k, t->stop[i], k)) {
                hold = k;
                break;
            }
    }
    return hold;
}

/* Earliest occurrence of any stop string, or -1. */
static long find_stop(const ew__stop_text *t)
{
    long best = -1;
    for (int i = 0; i < t->n_stop && t->stop[i]; i++) {
        size_t L = strlen(t->stop[i]);
        for (size_t at = 0; L && at + L <= t->len; at++)
            if (!memcmp(t->buf + at, t->stop[i], L)) {
                if (best < 0 || (long)at < best) best = (long)at;
                break;
            }
    }
    return best;
}

size_t ew__stop_text_push(ew__stop_text *t, const char *piece, size_t n, bool *hit)
{
    memcpy(t->buf + t->len, piece, n);
    t->len += n;
    long at = find_stop(t);
    *hit = at >= 0;
    if (at >= 0) return (size_t)at;
    size_t hold = stop_prefix_tail(t);
    return t->len - hold - utf8_incomplete_tail(t->buf, t->len - hold);
}

void ew__stop_text_consume(ew__stop_text *t, size_t n)
{
    memmove(t->buf, t->buf + n, t->len - n);
    t->len -= n;
}
