/* The prompt token estimate (ew__estimate_tokens), one 64-byte block at a
 * time.
 *
 * The definition, byte by byte: a run of ASCII letters counts one token per
 * 4 bytes (rounded up), a run of digits one per 3, a byte >= 0x80 one token
 * together with the continuation bytes (10xxxxxx) that follow it, any other
 * ASCII byte but space, \t, \n and \r one each. A byte loop costs about 12
 * instructions a byte, as much as the PII scan of the same text. Here every
 * token is marked on the byte that starts it, all marks of a block are
 * disjoint bit masks, and the count is one popcount per block:
 *  - letter runs: offsets 0, 4, 8... from the run's start (ceil(L/4) marks);
 *  - digit runs: offsets 0, 3, 6... (ceil(L/3) marks);
 *  - non-ASCII: a high byte unless it is a continuation byte after a high one;
 *  - other: each such byte.
 * Runs cross blocks: each block starts from the previous block's masks.
 * Classifying a block is SSE2 on x86-64; the portable classifier takes the
 * rest, including the last partial block of every text, so both are tested
 * on every machine that has SSE2. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "router/router_internal.h"

/* Bit i of each mask is byte i of the block. */
typedef struct est_block {
    uint64_t letter, digit, other, high, cont;
} est_block;

enum { C_SPACE, C_LETTER, C_DIGIT, C_OTHER, C_LEAD, C_CONT, C_N };

static unsigned char est_class(unsigned char c)
{
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return C_LETTER;
    if (c >= '0' && c <= '9') return C_DIGIT;
    if (c >= 0x80) return (c & 0xC0) == 0x80 ? C_CONT : C_LEAD;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return C_SPACE;
    return C_OTHER;
}

/* Bytes s[0..n), n <= 64; the bytes past n read as spaces, which end runs
 * and count nothing. */
static void classify_bytes(const unsigned char *s, size_t n, est_block *b)
{
    uint64_t m[C_N] = {0};
    for (size_t i = 0; i < n; i++)
        m[est_class(s[i])] |= 1ull << i;
    *b = (est_block){m[C_LETTER], m[C_DIGIT], m[C_OTHER], m[C_LEAD] | m[C_CONT], m[C_CONT]};
}

#ifdef __SSE2__
/* The movemasks of four vectors: one bit per byte of 64. */
static uint64_t mask64(const __m128i v[4])
{
    return (uint64_t)(unsigned)_mm_movemask_epi8(v[0]) |
           (uint64_t)(unsigned)_mm_movemask_epi8(v[1]) << 16 |
           (uint64_t)(unsigned)_mm_movemask_epi8(v[2]) << 32 |
           (uint64_t)(unsigned)_mm_movemask_epi8(v[3]) << 48;
}

/* 64 bytes at s. Signed byte compares: adding 0x80 - lo maps [lo, lo + n)
 * onto [-128, -128 + n), and everything else above it. Digits and high
 * bytes are rare in most prompts, so their masks are only made when a block
 * has any. */
static void classify_sse2(const unsigned char *s, est_block *b)
{
    const __m128i case_bit = _mm_set1_epi8(0x20), to_a = _mm_set1_epi8(0x80 - 'a');
    const __m128i to_0 = _mm_set1_epi8(0x80 - '0');
    const __m128i n_letters = _mm_set1_epi8(-128 + 26), n_digits = _mm_set1_epi8(-128 + 10);
    __m128i x[4], l[4], d[4], known[4];
    for (int k = 0; k < 4; k++) {
        x[k] = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        l[k] = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x[k], case_bit), to_a), n_letters);
        d[k] = _mm_cmplt_epi8(_mm_add_epi8(x[k], to_0), n_digits);
        __m128i sp = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x[k], _mm_set1_epi8(' ')),
                                               _mm_cmpeq_epi8(x[k], _mm_set1_epi8('\n'))),
                                  _mm_or_si128(_mm_cmpeq_epi8(x[k], _mm_set1_epi8('\t')),
                                               _mm_cmpeq_epi8(x[k], _mm_set1_epi8('\r'))));
        /* Letters, digits, spaces and high bytes: all but "other". */
        known[k] = _mm_or_si128(_mm_or_si128(l[k], d[k]), _mm_or_si128(sp, x[k]));
    }
    *b = (est_block){mask64(l), 0, ~mask64(known), 0, 0};
    __m128i any_d = _mm_or_si128(_mm_or_si128(d[0], d[1]), _mm_or_si128(d[2], d[3]));
    if (_mm_movemask_epi8(any_d)) b->digit = mask64(d);
    __m128i any_x = _mm_or_si128(_mm_or_si128(x[0], x[1]), _mm_or_si128(x[2], x[3]));
    if (_mm_movemask_epi8(any_x)) {
        b->high = mask64(x);
        for (int k = 0; k < 4; k++)
            x[k] = _mm_cmplt_epi8(x[k], _mm_set1_epi8((char)0xC0));
        b->cont = mask64(x);
    }
}
#endif

static unsigned popcount64(uint64_t x)
{
#ifdef __POPCNT__
    return (unsigned)__builtin_popcountll(x);
#else
    /* Without -mpopcnt the builtin is a libgcc call; this is as short. */
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* The bytes of runs m at offsets 0, 4, 8... from their run's start; pm and
 * pq are the previous block's m and result. A mark 4 bytes on from another
 * needs the 4 bytes up to it in the run (c4); doubling the jump (4, 8, 16,
 * 32) reaches every offset below 64 in five steps. */
static uint64_t marks_by4(uint64_t m, uint64_t pm, uint64_t pq)
{
    if (!m) return 0;
    uint64_t m1 = m << 1 | pm >> 63;
    uint64_t c4 = m & m1 & (m << 2 | pm >> 62) & (m << 3 | pm >> 61);
    uint64_t q = (m & ~m1) | (pq >> 60 & c4);
    q |= q << 4 & c4;
    uint64_t c = c4 & c4 << 4;
    q |= q << 8 & c;
    c &= c << 8;
    q |= q << 16 & c;
    c &= c << 16;
    return q | (q << 32 & c);
}

/* The same for offsets 0, 3, 6...: jumps of 3, 6, 12, 24 and 48. */
static uint64_t marks_by3(uint64_t m, uint64_t pm, uint64_t pq)
{
    if (!m) return 0;
    uint64_t m1 = m << 1 | pm >> 63;
    uint64_t c3 = m & m1 & (m << 2 | pm >> 62);
    uint64_t q = (m & ~m1) | (pq >> 61 & c3);
    q |= q << 3 & c3;
    uint64_t c = c3 & c3 << 3;
    q |= q << 6 & c;
    c &= c << 6;
    q |= q << 12 & c;
    c &= c << 12;
    q |= q << 24 & c;
    c &= c << 24;
    return q | (q << 48 & c);
}

/* Runs carried from one block to the next. */
typedef struct est_carry {
    uint64_t letter, letter_marks, digit, digit_marks, high;
} est_carry;

static unsigned block_tokens(const est_block *b, est_carry *k)
{
    uint64_t ql = marks_by4(b->letter, k->letter, k->letter_marks);
    uint64_t qd = marks_by3(b->digit, k->digit, k->digit_marks);
    uint64_t hs = b->high & ~(b->cont & (b->high << 1 | k->high >> 63));
    *k = (est_carry){b->letter, ql, b->digit, qd, b->high};
    return popcount64(b->other | hs | ql | qd);
}

int64_t ew__estimate_tokens(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    est_carry k = {0};
    est_block b;
    int64_t tokens = 0;
    size_t i = 0;
#ifdef __SSE2__
    for (; i + 64 <= len; i += 64) {
        classify_sse2(s + i, &b);
        tokens += block_tokens(&b, &k);
    }
#endif
    for (; i < len; i += 64) {
        classify_bytes(s + i, len - i < 64 ? len - i : 64, &b);
        tokens += block_tokens(&b, &k);
    }
    return tokens;
}
