/* Byte searches of the scan's hot path, with SSE2 where the compiler targets
 * it (every x86-64) and a portable twin that gives the same answer (a unit
 * test compares them on random text). */
#include <string.h>

#include "router/pii_internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t ew__pii_next_digit_portable(const unsigned char *s, size_t n, size_t i)
{
    /* sixteen bytes at a time: a byte b is a digit when (b ^ '0') < 10 (the
     * test may also flag a byte after a digit; the loop below finds the
     * digit itself) */
    const uint64_t zero = 0x3030303030303030ull, ten = 0x0A0A0A0A0A0A0A0Aull,
                   high = 0x8080808080808080ull;
    while (i + 16 <= n) {
        uint64_t x, y;
        memcpy(&x, s + i, 8);
        memcpy(&y, s + i + 8, 8);
        x ^= zero, y ^= zero;
        if ((((x - ten) & ~x) | ((y - ten) & ~y)) & high) break;
        i += 16;
    }
    while (i < n && !pii_is_digit(s[i]))
        i++;
    return i;
}

size_t ew__pii_next_digit(const unsigned char *s, size_t n, size_t i)
{
#ifdef __SSE2__
    /* signed compares: adding 0x80 - '0' maps '0'..'9' onto -128..-119 */
    const __m128i to_0 = _mm_set1_epi8((char)(0x80 - '0')), ten = _mm_set1_epi8(-128 + 10);
    while (i + 32 <= n) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
        __m128i da = _mm_cmplt_epi8(_mm_add_epi8(a, to_0), ten);
        __m128i db = _mm_cmplt_epi8(_mm_add_epi8(b, to_0), ten);
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(da, db));
        if (m) {
            unsigned ma = (unsigned)_mm_movemask_epi8(da);
            return i + (size_t)(ma ? __builtin_ctz(ma)
                                   : 16 + __builtin_ctz((unsigned)_mm_movemask_epi8(db)));
        }
        i += 32;
    }
#endif
    return ew__pii_next_digit_portable(s, n, i);
}
