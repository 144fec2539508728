/* libFuzzer harness for the SSE parser (see README.md in this folder). The
 * input is fed whole and then cut at two points taken from its first bytes;
 * both feedings must produce the same events and the same verdict. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "remote/sse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int collect(void *user, const ew__sse_event *ev)
{
    ew_buf *log = user;
    ew_buf_append(log, ev->type, ev->type_len);
    ew_buf_append_char(log, '\0');
    ew_buf_append(log, ev->data, ev->data_len);
    ew_buf_append_char(log, '\0');
    return EW_OK;
}

/* Feeds s in up to three pieces; returns the final status. */
static int run(const char *s, size_t n, size_t a, size_t b, ew_buf *log)
{
    ew__sse p;
    ew__sse_init(&p, 256, 1024);
    size_t cuts[3] = {a, b, n};
    size_t at = 0;
    int st = EW_OK;
    for (int i = 0; i < 3 && !st; i++) {
        st = ew__sse_feed(&p, s + at, cuts[i] - at, collect, log, NULL);
        at = cuts[i];
    }
    ew__sse_cleanup(&p);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    size_t a = data[0] % (size - 1), b = a + data[1] % (size - 1 - a);
    const char *s = (const char *)data + 2;
    size_t n = size - 2;
    if (a > n) a = n;
    if (b > n) b = n;
    ew_buf whole, cut;
    ew_buf_init(&whole, 1 << 20);
    ew_buf_init(&cut, 1 << 20);
    int st1 = run(s, n, n, n, &whole);
    int st2 = run(s, n, a, b, &cut);
    /* A line cut across pieces is checked against its cap as it grows, so the
     * verdicts agree; on success the events must too. */
    if (st1 != st2 ||
        (!st1 && (whole.len != cut.len || (whole.len && memcmp(whole.data, cut.data, whole.len)))))
        abort();
    ew_buf_cleanup(&whole);
    ew_buf_cleanup(&cut);
    return 0;
}
