/* ew__json_special with AVX2 (json_priv.h): 64 bytes a step, then 32, then
 * the SSE2 form for the tail. */
#include <immintrin.h>
#include <stdint.h>

#include "core/json_priv.h"

/* Quotes, backslashes, and (signed compare) bytes below 0x20 or >= 0x80. */
static __m256i special(__m256i x)
{
    const __m256i quote = _mm256_set1_epi8('"'), bslash = _mm256_set1_epi8('\\');
    const __m256i space = _mm256_set1_epi8(0x20);
    return _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(x, quote), _mm256_cmpeq_epi8(x, bslash)),
        _mm256_cmpgt_epi8(space, x));
}

size_t ew__json_special_avx2(const char *s, size_t i, size_t to)
{
    for (; i + 64 <= to; i += 64) {
        __m256i a = special(_mm256_loadu_si256((const __m256i *)(const void *)(s + i)));
        __m256i b = special(_mm256_loadu_si256((const __m256i *)(const void *)(s + i + 32)));
        __m256i any = _mm256_or_si256(a, b);
        if (_mm256_testz_si256(any, any)) continue;
        uint64_t bits = (uint64_t)(uint32_t)_mm256_movemask_epi8(a) |
                        (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
        return i + (size_t)__builtin_ctzll(bits);
    }
    if (i + 32 <= to) {
        unsigned bits = (unsigned)_mm256_movemask_epi8(
            special(_mm256_loadu_si256((const __m256i *)(const void *)(s + i))));
        if (bits) return i + (size_t)__builtin_ctz(bits);
        i += 32;
    }
    return ew__json_special_sse2(s, i, to);
}
