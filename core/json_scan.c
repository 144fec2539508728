/* Finding the bytes of a JSON string body that need a look (json_priv.h).
 * String bodies are most of a chat request, and nearly all of their bytes
 * are printable ASCII: these loops skip such runs a word or a vector at a
 * time. The AVX2 form is in json_scan_avx2.c. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/json_priv.h"

static bool special_byte(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}

/* SWAR over 8 bytes (exact about whether a word holds such a byte; the
 * byte loop then finds which): a byte >= 0x80, below 0x20, '"' or '\'. */
#define W_ONES     0x0101010101010101ull
#define W_HIGHS    0x8080808080808080ull
#define W_ZERO(x)  (((x)-W_ONES) & ~(x)&W_HIGHS)
#define W_EQ(x, n) W_ZERO((x) ^ (W_ONES * (n)))
#define W_LT(x, n) (((x)-W_ONES * (n)) & ~(x)&W_HIGHS)

size_t ew__json_special_portable(const char *s, size_t i, size_t to)
{
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & W_HIGHS) | W_LT(w, 0x20) | W_EQ(w, '"') | W_EQ(w, '\\')) break;
    }
    for (; i < to; i++)
        if (special_byte((unsigned char)s[i])) return i;
    return to;
}

#ifdef __SSE2__
size_t ew__json_special_sse2(const char *s, size_t i, size_t to)
{
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    for (; i + 16 <= to; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* Signed compare: bytes >= 0x80 are below 0x20 too. */
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                                 _mm_cmplt_epi8(x, space));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return i + (size_t)__builtin_ctz(bits);
    }
    return ew__json_special_portable(s, i, to);
}
#endif

#if defined(__x86_64__) || defined(__i386__)
static bool have_avx2(void)
{
    /* libgcc / compiler-rt fill the CPU model before any constructor of ours. */
    return __builtin_cpu_supports("avx2");
}
#endif

size_t ew__json_special(const char *s, size_t i, size_t to)
{
#if defined(__x86_64__) || defined(__i386__)
    if (to - i >= 64 && have_avx2()) return ew__json_special_avx2(s, i, to);
#endif
#ifdef __SSE2__
    return ew__json_special_sse2(s, i, to);
#else
    return ew__json_special_portable(s, i, to);
#endif
}
