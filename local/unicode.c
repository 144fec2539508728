/* Lookups over the generated Unicode tables, and UTF-8 coding with the exact
 * error behaviour the tokenizers need. */
#include "local/unicode_data.h"

static unsigned flags_slow(uint32_t cp)
{
    if (cp >= 0x110000) return EW_UC_UNDEF;
    int lo = 0, hi = ew__uc_cat_n - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (ew__uc_cat_start[mid] <= cp)
            lo = mid;
        else
            hi = mid - 1;
    }
    unsigned f = ew__uc_cat_class[lo];
    /* White_Space (PropList.txt): a short fixed list. */
    if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
        (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000)
        f |= EW_UC_WS;
    return f;
}

unsigned ew__uc_flags(uint32_t cp)
{
    return cp < 128 ? ew__uc_ascii[cp] : flags_slow(cp);
}

uint32_t ew__uc_tolower(uint32_t cp)
{
    int lo = 0, hi = ew__uc_lower_n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ew__uc_lower[mid][0] == cp) return ew__uc_lower[mid][1];
        if (ew__uc_lower[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return cp;
}

uint32_t ew__uc_nfd_first(uint32_t cp)
{
    int lo = 0, hi = ew__uc_nfd_n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < ew__uc_nfd[mid][0])
            hi = mid - 1;
        else if (cp > ew__uc_nfd[mid][1])
            lo = mid + 1;
        else
            return ew__uc_nfd[mid][2];
    }
    return cp;
}

int ew__utf8_lead_len(unsigned char c)
{
    static const unsigned char len[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
    return len[c >> 4];
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Like llama.cpp: the lead byte picks the length, continuation bytes are
 * checked, overlong forms and surrogates are let through. Values past
 * U+10FFFF cannot be re-encoded, so they are errors here. */
uint32_t ew__utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    *len = 1;
    if (c < 0x80) return c;
    if (!(c & 0x40)) return 0xFFFD;
    if (!(c & 0x20)) {
        if (n < 2 || !is_cont(s[1])) return 0xFFFD;
        *len = 2;
        return (uint32_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
    }
    if (!(c & 0x10)) {
        if (n < 3 || !is_cont(s[1]) || !is_cont(s[2])) return 0xFFFD;
        *len = 3;
        return (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    }
    if (!(c & 0x08)) {
        if (n < 4 || !is_cont(s[1]) || !is_cont(s[2]) || !is_cont(s[3])) return 0xFFFD;
        uint32_t cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
                      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
        if (cp > 0x10FFFF) return 0xFFFD;
        *len = 4;
        return cp;
    }
    return 0xFFFD;
}

