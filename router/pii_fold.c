/* Full-width forms (U+FF01-FF5E: ＋８６ １３８－１２３４－５６７８, ａｂｃ＠ｑｑ．ｃｏｍ),
 * which a Chinese or Japanese input method types, read as their ASCII forms.
 * A text holding a full-width digit or letter is scanned as a folded copy;
 * each byte of the copy remembers where it came from, and the spans are
 * mapped back, so offsets stay the original's. Chinese punctuation
 * (，；！？：（）) stays as it is: the CJK readers know it, and its ASCII forms
 * would change how lists, labels and sentences read. */
#include <stdlib.h>

#include "router/pii_internal.h"

/* Is the three-byte sequence at p a full-width digit or letter? */
static bool fw_alnum(const unsigned char *p)
{
    if (p[1] == 0xBC) return (p[2] >= 0x90 && p[2] <= 0x99) || (p[2] >= 0xA1 && p[2] <= 0xBA);
    return p[1] == 0xBD && p[2] >= 0x81 && p[2] <= 0x9A;
}

bool ew__pii_fold_needed(const unsigned char *s, size_t n)
{
    const unsigned char *p = s, *end = s + n;
    while (end - p >= 3 && (p = memchr(p, 0xEF, (size_t)(end - p - 2))) != NULL) {
        if (fw_alnum(p)) return true;
        p++;
    }
    return false;
}

/* The ASCII form of the full-width character at p (3 bytes, EF BC/BD xx),
 * or 0 to keep it. */
static unsigned char fw_ascii(const unsigned char *p)
{
    if (p[0] != 0xEF || (p[1] != 0xBC && p[1] != 0xBD)) return 0;
    uint32_t cp = 0xF000u | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0xFF01 || cp > 0xFF5E || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF01 ||
        cp == 0xFF1F || cp == 0xFF1A || cp == 0xFF08 || cp == 0xFF09)
        return 0;
    return (unsigned char)(cp - 0xFEE0);
}

int ew__pii_fold(const unsigned char *s, size_t n, pii_fold *f)
{
    f->s = malloc(n ? n : 1);
    f->map = malloc((n + 1) * sizeof *f->map);
    if (!f->s || !f->map) {
        ew__pii_fold_free(f);
        return EW_ERR_NOMEM;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char a = i + 3 <= n ? fw_ascii(s + i) : 0;
        f->map[o] = (uint32_t)i;
        if (a) {
            f->s[o++] = a;
            i += 3;
        } else {
            f->s[o++] = s[i++];
        }
    }
    f->map[o] = (uint32_t)n;
    f->n = o;
    return EW_OK;
}

void ew__pii_fold_spans(const pii_fold *f, ew_pii_result *res)
{
    for (int k = 0; k < res->n; k++) {
        res->spans[k].start = f->map[res->spans[k].start];
        res->spans[k].end = f->map[res->spans[k].end];
    }
}

void ew__pii_fold_free(pii_fold *f)
{
    free(f->s);
    free(f->map);
    f->s = NULL;
    f->map = NULL;
}
