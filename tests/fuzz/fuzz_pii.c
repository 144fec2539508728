/* libFuzzer harness for the PII scanner and the pseudonymization vault
 * (router/pii*.c, vault.c; see README.md in this folder). Byte 0 picks the
 * scanner and a cut point; the rest is text. Spans must be in bounds, sorted
 * and disjoint; restoring the pseudonymized text gives the text back (when
 * it holds nothing that looks like a placeholder), and a streamed restore cut
 * anywhere gives what a whole one gives. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "edgeway/pii.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ew_pii_scanner *deny_scanner(void)
{
    static ew_pii_scanner *sc;
    if (sc) return sc;
    ew_pii_options opt;
    ew_pii_options_init(&opt);
    static const ew_pii_deny deny[] = {
        {.pattern = "Project Falcon", .regex = false, .type = EW_PII_CUSTOM},
        {.pattern = "ab", .regex = false, .type = EW_PII_CUSTOM},
        {.pattern = "abab", .regex = false, .type = EW_PII_CUSTOM},
        {.pattern = "EMP-[0-9]{6}", .regex = true, .type = EW_PII_CUSTOM},
    };
    static const char *const allow[] = {"support@acme.com", "@example.org"};
    opt.deny = deny;
    opt.n_deny = 4;
    opt.allow = allow;
    opt.n_allow = 2;
    ew_error err;
    sc = ew_pii_scanner_new(&opt, &err);
    if (!sc) abort();
    return sc;
}

static int to_buf(void *user, const char *d, size_t n)
{
    return ew_buf_append(user, d, n);
}

static void check_spans(const ew_pii_result *res, size_t len)
{
    uint32_t prev = 0;
    for (int i = 0; i < res->n; i++) {
        const ew_pii_span *s = &res->spans[i];
        if ((unsigned)s->type >= EW_PII_TYPE_COUNT || s->start >= s->end || s->end > len ||
            s->start < prev || !(s->score > 0 && s->score <= 1.0f))
            abort();
        prev = s->end;
    }
}

/* Keeps letters (ASCII ones lowercased), digits and every non-ASCII byte. */
static size_t fold(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out[k++] = (char)c;
    }
    return k;
}

static bool same_folded(const char *a, size_t an, const char *b, size_t bn)
{
    char *fa = malloc(an + 1), *fb = malloc(bn + 1);
    size_t na = fold(a, an, fa), nb = fold(b, bn, fb);
    bool same = na == nb && !memcmp(fa, fb, na);
    free(fa);
    free(fb);
    return same;
}

/* Restores pseudo whole and streamed in two pieces; both must agree. */
static void restore(const ew_pii_vault *v, const ew_buf *pseudo, size_t cut, ew_buf *whole)
{
    int misses = 0;
    if (ew_pii_vault_restore(v, pseudo->data, pseudo->len, to_buf, whole, &misses)) abort();
    ew_buf streamed;
    ew_buf_init(&streamed, 1u << 24);
    ew_pii_stream *s = ew_pii_stream_new(v);
    if (cut > pseudo->len) cut = pseudo->len;
    if (ew_pii_stream_push(s, pseudo->data, cut, to_buf, &streamed) ||
        ew_pii_stream_push(s, pseudo->len ? pseudo->data + cut : NULL, pseudo->len - cut, to_buf,
                           &streamed) ||
        ew_pii_stream_finish(s, to_buf, &streamed))
        abort();
    if (streamed.len != whole->len ||
        (whole->len && memcmp(streamed.data, whole->data, whole->len)))
        abort();
    if (ew_pii_stream_misses(s) != misses) abort();
    ew_pii_stream_free(s);
    ew_buf_cleanup(&streamed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const ew_pii_scanner *sc = data[0] & 1 ? deny_scanner() : NULL;
    size_t len = size - 1;
    char *text = malloc(len ? len : 1); /* exact size, so ASan sees a read past the end */
    memcpy(text, data + 1, len);
    ew_pii_result res;
    ew_pii_result_init(&res);
    int st = ew_pii_scan(sc, text, len, &res);
    if (st != EW_OK && !res.failed_closed) abort();
    check_spans(&res, len);
    if (st == EW_OK) {
        ew_pii_vault *v = ew_pii_vault_new(0);
        ew_buf pseudo, back;
        ew_buf_init(&pseudo, 1u << 24);
        ew_buf_init(&back, 1u << 24);
        if (ew_pii_vault_pseudonymize(v, text, len, res.spans, res.n, to_buf, &pseudo)) abort();
        restore(v, &pseudo, (size_t)data[0] * len / 255, &back);
        /* Text that already holds a placeholder-like word can come back
         * changed. Anything else comes back whole, up to the formatting of a
         * value seen twice (one placeholder per normalised value: the first
         * spelling wins), so letters and digits are compared. */
        if (!memchr(text, '_', len) && !same_folded(back.data, back.len, text, len)) abort();
        ew_buf_cleanup(&pseudo);
        ew_buf_cleanup(&back);
        ew_pii_vault_free(v);
    }
    ew_pii_result_cleanup(&res);
    free(text);
    return 0;
}
