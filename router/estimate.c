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
 * Blocks are classified with AVX2 or SSE2 where the CPU has them (the last
 * partial block padded with spaces), else one byte at a time. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "router/estimate.h"
#include "router/router_internal.h"

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
static void classify_bytes(const unsigned char *s, size_t n, ew__est_block *b)
{
    uint64_t m[C_N] = {0};
    for (size_t i = 0; i < n; i++)
        m[est_class(s[i])] |= 1ull << i;
    *b = (ew__est_block){m[C_LETTER], m[C_DIGIT], m[C_OTHER], m[C_LEAD] | m[C_CONT], m[C_CONT]};
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
static void classify_sse2(const unsigned char *s, ew__est_block *b)
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
    *b = (ew__est_block){mask64(l), 0, ~mask64(known), 0, 0};
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

static int64_t blocks_portable(const unsigned char *s, size_t n, ew__est_carry *k)
{
    int64_t tokens = 0;
    for (size_t i = 0; i < n; i++) {
        ew__est_block b;
        classify_bytes(s + 64 * i, 64, &b);
        tokens += popcount64(ew__est_block_marks(&b, k));
    }
    return tokens;
}

#ifdef __SSE2__
static int64_t blocks_sse2(const unsigned char *s, size_t n, ew__est_carry *k)
{
    int64_t tokens = 0;
    for (size_t i = 0; i < n; i++) {
        ew__est_block b;
        classify_sse2(s + 64 * i, &b);
        tokens += popcount64(ew__est_block_marks(&b, k));
    }
    return tokens;
}
#endif

typedef int64_t (*blocks_fn)(const unsigned char *s, size_t n, ew__est_carry *k);

/* The code for whole blocks for isa, or NULL where there is none. */
static blocks_fn blocks_for(ew__est_isa isa)
{
    switch (isa) {
    case EW__EST_PORTABLE:
        return blocks_portable;
#ifdef __SSE2__
    case EW__EST_SSE2:
        return blocks_sse2;
#endif
#if defined(__x86_64__) || defined(__i386__)
    case EW__EST_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")
                   ? ew__est_blocks_avx2
                   : NULL;
#endif
    default:
        return NULL;
    }
}

static int64_t estimate(const char *text, size_t len, blocks_fn blocks)
{
    const unsigned char *s = (const unsigned char *)text;
    ew__est_carry k = {0};
    size_t whole = len / 64;
    int64_t tokens = whole ? blocks(s, whole, &k) : 0;
    size_t rest = len % 64;
    if (rest && blocks == blocks_portable) {
        ew__est_block b;
        classify_bytes(s + 64 * whole, rest, &b);
        tokens += popcount64(ew__est_block_marks(&b, &k));
    } else if (rest) {
        /* Spaces after the end end its runs and count nothing. */
        unsigned char pad[64];
        memset(pad, ' ', sizeof pad);
        memcpy(pad, s + 64 * whole, rest);
        tokens += blocks(pad, 1, &k);
    }
    return tokens;
}

int64_t ew__estimate_tokens_isa(const char *text, size_t len, ew__est_isa isa)
{
    blocks_fn f = blocks_for(isa);
    return f ? estimate(text, len, f) : -1;
}

static blocks_fn best;
static pthread_once_t best_once = PTHREAD_ONCE_INIT;

static void pick_best(void)
{
    for (int isa = 0; isa < EW__EST_ISAS; isa++)
        if (blocks_for((ew__est_isa)isa)) best = blocks_for((ew__est_isa)isa);
}

int64_t ew__estimate_tokens(const char *text, size_t len)
{
    pthread_once(&best_once, pick_best);
    return estimate(text, len, best);
}
