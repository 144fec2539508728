/* The token estimate's whole blocks with AVX2: router/estimate.c has the
 * SSE2 code, which this follows 32 bytes at a time. */
#include <immintrin.h>

#include "router/estimate.h"

static uint64_t mask64(__m256i lo, __m256i hi)
{
    return (uint64_t)(uint32_t)_mm256_movemask_epi8(lo) |
           (uint64_t)(uint32_t)_mm256_movemask_epi8(hi) << 32;
}

/* Every CPU with AVX2 has POPCNT. Signed byte compares (AVX2 has only
 * "greater"): adding 0x80 - lo maps [lo, lo + n) onto [-128, -128 + n), and
 * everything else above it. */
__attribute__((target("popcnt"))) int64_t ew__est_blocks_avx2(const unsigned char *s, size_t n,
                                                              ew__est_carry *k)
{
    const __m256i case_bit = _mm256_set1_epi8(0x20), to_a = _mm256_set1_epi8(0x80 - 'a');
    const __m256i to_0 = _mm256_set1_epi8(0x80 - '0'), lead = _mm256_set1_epi8((char)0xC0);
    const __m256i n_letters = _mm256_set1_epi8(-128 + 26), n_digits = _mm256_set1_epi8(-128 + 10);
    const __m256i sp = _mm256_set1_epi8(' '), nl = _mm256_set1_epi8('\n');
    const __m256i tab = _mm256_set1_epi8('\t'), cr = _mm256_set1_epi8('\r');
    int64_t tokens = 0;
    for (size_t blk = 0; blk < n; blk++, s += 64) {
        __m256i x[2], l[2], d[2], known[2];
        for (int h = 0; h < 2; h++) {
            x[h] = _mm256_loadu_si256((const __m256i *)(const void *)(s + 32 * h));
            l[h] = _mm256_cmpgt_epi8(n_letters,
                                     _mm256_add_epi8(_mm256_or_si256(x[h], case_bit), to_a));
            d[h] = _mm256_cmpgt_epi8(n_digits, _mm256_add_epi8(x[h], to_0));
            __m256i space = _mm256_or_si256(
                _mm256_or_si256(_mm256_cmpeq_epi8(x[h], sp), _mm256_cmpeq_epi8(x[h], nl)),
                _mm256_or_si256(_mm256_cmpeq_epi8(x[h], tab), _mm256_cmpeq_epi8(x[h], cr)));
            known[h] = _mm256_or_si256(_mm256_or_si256(l[h], d[h]), _mm256_or_si256(space, x[h]));
        }
        ew__est_block b = {mask64(l[0], l[1]), 0, ~mask64(known[0], known[1]), 0, 0};
        __m256i any_d = _mm256_or_si256(d[0], d[1]);
        if (!_mm256_testz_si256(any_d, any_d)) b.digit = mask64(d[0], d[1]);
        if (_mm256_movemask_epi8(_mm256_or_si256(x[0], x[1]))) {
            b.high = mask64(x[0], x[1]);
            b.cont = mask64(_mm256_cmpgt_epi8(lead, x[0]), _mm256_cmpgt_epi8(lead, x[1]));
        }
        tokens += __builtin_popcountll(ew__est_block_marks(&b, k));
    }
    return tokens;
}
