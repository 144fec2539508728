/* libFuzzer harness for the HTTP request parser (gateway/http_parse.c; see
 * README.md in this folder). Byte 0 picks the body limit, byte 1 where the
 * input is cut in two "reads"; the rest is what a client sent. The head's
 * terminator must be found the same whole or read in two pieces, a parsed
 * head must point inside it and respect the limit, and a chunked body must
 * decode to the same bytes and verdict whole or cut. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gateway/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_head(const ew__http_head *h, const char *buf, size_t end, int64_t max_body)
{
    if (h->n_headers < 0 || h->n_headers > EW__HTTP_MAX_HEADERS) abort();
    if (h->path < buf || h->path + h->path_len > buf + end || h->path[0] != '/') abort();
    if (h->query && (h->query < buf || h->query + h->query_len > buf + end)) abort();
    for (int i = 0; i < h->n_headers; i++) {
        const ew__http_header *hd = &h->headers[i];
        if (!hd->name_len || hd->name < buf || hd->name + hd->name_len > buf + end) abort();
        if (hd->value < buf || hd->value + hd->value_len > buf + end) abort();
    }
    if (h->content_length > max_body || (h->chunked && h->content_length >= 0)) abort();
    const ew__http_header *ct = ew__http_find_header(h, "content-type");
    if (ct) (void)ew__http_media_type_is(ct->value, ct->value_len, "application/json");
    const ew__http_header *id = ew__http_find_header(h, "x-request-id");
    if (id) (void)ew__request_id_ok(id->value, id->value_len);
}

/* Decodes raw[0..n) as a chunked body, fed in two pieces cut at `cut`. */
static int decode(const char *raw, size_t n, size_t cut, int64_t max_body, char **out,
                  size_t *out_len, size_t *consumed)
{
    char *buf = malloc(n ? n : 1);
    memcpy(buf, raw, n);
    ew__http_chunked c;
    ew__http_chunked_init(&c);
    ew__http_fault f = {0};
    size_t pos = 0, body = 0;
    int r = ew__http_chunked_feed(&c, buf, cut, &pos, &body, max_body, 4096, &f);
    if (r == 0) r = ew__http_chunked_feed(&c, buf, n, &pos, &body, max_body, 4096, &f);
    if (body > pos || pos > n) abort();
    if (r < 0 && (f.status < 400 || !f.message)) abort();
    if (r == 1 && body > (uint64_t)max_body) abort();
    *out = buf;
    *out_len = body;
    *consumed = pos;
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    int64_t max_body = (int64_t)1 << (data[0] % 24);
    size_t n = size - 2, cut = n ? data[1] % (n + 1) : 0;
    char *buf = malloc(n ? n : 1); /* exact size, so ASan sees a read past the end */
    memcpy(buf, data + 2, n);

    size_t end = ew__http_head_end(buf, n, 0);
    size_t end2 = ew__http_head_end(buf, cut, 0);
    if (!end2) end2 = ew__http_head_end(buf, n, cut);
    if (end != end2 || end > n) abort();

    ew__http_head h;
    ew__http_fault f = {0};
    if (end && ew__http_parse_head(buf, end, max_body, &h, &f) == 0) {
        check_head(&h, buf, end, max_body);
        if (h.chunked) {
            const char *raw = buf + end;
            size_t rn = n - end, rcut = rn ? cut % (rn + 1) : 0;
            char *a, *b;
            size_t alen, blen, apos, bpos;
            int ra = decode(raw, rn, rn, max_body, &a, &alen, &apos);
            int rb = decode(raw, rn, rcut, max_body, &b, &blen, &bpos);
            if (ra != rb || (ra == 1 && (alen != blen || apos != bpos || memcmp(a, b, alen))))
                abort();
            free(a);
            free(b);
        }
    } else if (end && (f.status < 400 || f.status > 505 || !f.message)) {
        abort();
    }
    free(buf);
    return 0;
}
