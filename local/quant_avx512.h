/* Small helpers shared by the AVX-512 kernel files (quant_avx512.c,
 * quant_legacy_avx512.c, quant_k_avx512.c), which are built with the same
 * AVX-512 flags. Only those files include it. */
#ifndef EW_LOCAL_QUANT_AVX512_H
#define EW_LOCAL_QUANT_AVX512_H

#include <immintrin.h>

#include "local/quant.h"

static inline float f16(ew_f16 h)
{
    return _cvtsh_ss(h);
}

static inline __m512i load2x256(const void *a, const void *b)
{
    return _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)a)),
                              _mm256_loadu_si256((const __m256i *)b), 1);
}

/* One 32-block of x to int8 at qs as the reference does it (scale
 * 127 / amax, round half to even); returns amax / 127 and, if sum, the sum
 * of the quants. The Q8_0 and Q8_0X activations differ only in what they
 * keep of this. */
static inline float q8_block(const float *x, int8_t *qs, int32_t *sum)
{
    const __m512 sign = _mm512_set1_ps(-0.0f);
    __m512 v0 = _mm512_loadu_ps(x), v1 = _mm512_loadu_ps(x + 16);
    __m512 m = _mm512_max_ps(_mm512_andnot_ps(sign, v0), _mm512_andnot_ps(sign, v1));
    float amax = _mm512_reduce_max_ps(m);
    float id = amax != 0.0f ? 127.f / amax : 0.0f;
    __m512 mul = _mm512_set1_ps(id);
    __m512i i0 = _mm512_cvtps_epi32(_mm512_mul_ps(v0, mul));
    __m512i i1 = _mm512_cvtps_epi32(_mm512_mul_ps(v1, mul));
    if (sum) *sum = _mm512_reduce_add_epi32(_mm512_add_epi32(i0, i1));
    _mm_storeu_si128((__m128i *)qs, _mm512_cvtsepi32_epi8(i0));
    _mm_storeu_si128((__m128i *)(qs + 16), _mm512_cvtsepi32_epi8(i1));
    return amax / 127.f;
}

/* Nibbles of one block as 32 bytes: low nibbles are elements 0..15. */
static inline __m256i nibbles32(const uint8_t *qs)
{
    __m128i x = _mm_loadu_si128((const __m128i *)qs);
    __m256i both = _mm256_inserti128_si256(_mm256_castsi128_si256(x), _mm_srli_epi16(x, 4), 1);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

/* The fifth bits of a q5 block as 0x10 per element, 32 bytes. */
static inline __m256i fifth_bits(const uint8_t *qh)
{
    uint32_t h;
    memcpy(&h, qh, 4);
    return _mm256_maskz_mov_epi8((__mmask32)h, _mm256_set1_epi8(0x10));
}

/* The 8 six-bit scales and mins of a q4_K/q5_K block, four bytes per word,
 * unpacked from the 12-byte layout. */
static inline void k4_unpack(const uint8_t *q, uint32_t sc[2], uint32_t mn[2])
{
    const uint32_t m6 = 0x3f3f3f3f, m4 = 0x0f0f0f0f, m2 = 0x03030303;
    uint32_t s0, s1, s2;
    memcpy(&s0, q, 4);
    memcpy(&s1, q + 4, 4);
    memcpy(&s2, q + 8, 4);
    sc[0] = s0 & m6;
    mn[0] = s1 & m6;
    sc[1] = (s2 & m4) | (((s0 >> 6) & m2) << 4);
    mn[1] = ((s2 >> 4) & m4) | (((s1 >> 6) & m2) << 4);
}

/* Lane sums of two vectors' even and odd lanes: lanes 0..7 from a, 8..15 from b. */
static inline __m512i fold(__m512i a, __m512i b)
{
    const __m512i ev = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i od = _mm512_set_epi32(31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1);
    return _mm512_add_epi32(_mm512_permutex2var_epi32(a, ev, b),
                            _mm512_permutex2var_epi32(a, od, b));
}

/* 8 vectors of two rows each (lanes 0..7, 8..15) to one lane per row. */
static inline __m512i fold8(const __m512i v[8])
{
    __m512i q0 = fold(v[0], v[1]), q1 = fold(v[2], v[3]), q2 = fold(v[4], v[5]),
            q3 = fold(v[6], v[7]);
    return fold(fold(q0, q1), fold(q2, q3));
}

/* The 16 rows of a group at w, ws bytes apart, R (<= 16) of them real and
 * the last repeated: their offsets as gather indexes and, if rp, their
 * addresses. */
static inline __m512i rows16(const char *w, size_t ws, int R, const char **rp)
{
    int offs[16];
    for (int r = 0; r < 16; r++) {
        int rr = r < R ? r : R - 1;
        offs[r] = (int)((size_t)rr * ws);
        if (rp) rp[r] = w + (size_t)rr * ws;
    }
    return _mm512_loadu_si512((const void *)offs);
}

/* 16 rows read side by side are 16 streams, too many for the hardware
 * prefetchers: while block i of nb is read, fetch the same share of the
 * group after next (it follows these rows) into L2. The distance and level
 * were the fastest of those tried. */
static inline void prefetch16(const char *w, size_t ws, int nb, int i)
{
    const char *pf = w + 2 * 16 * ws;
    size_t step = 16 * ws / (size_t)nb;
    for (size_t o = (size_t)i * step; o < (size_t)(i + 1) * step; o += 64)
        _mm_prefetch(pf + o, _MM_HINT_T1);
}

#endif
