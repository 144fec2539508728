/* AVX2 + FMA + F16C kernels: the same structure as quant_avx512.c on 256-bit
 * vectors (one legacy block or half a k-quant group per step), with
 * maddubs/madd for the int8 dot products. The k-quant kernels sum in exact
 * integers and equal the reference bit for bit. */
#include <immintrin.h>

#include "local/quant.h"

#define NC 4

static inline float f16(ew_f16 h)
{
    return _cvtsh_ss(h);
}

static inline float hsum256(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

static inline int32_t hsum_i32(__m256i v)
{
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
    return _mm_cvtsi128_si32(s);
}

/* 32 unsigned by 32 signed bytes into 8 int32 lanes (sums of 4). Callers
 * keep u <= 128 so the 16-bit pair sums cannot saturate. */
static inline __m256i dot_u8s8(__m256i u, __m256i s)
{
    return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
}

static inline __m256i dot_s8s8(__m256i w, __m256i a)
{
    return dot_u8s8(_mm256_sign_epi8(w, w), _mm256_sign_epi8(a, w));
}

/* ---- activation quantization (bit-identical to the reference) -------------------- */

static void quant_q8_0(const float *x, void *vy, int64_t n)
{
    ew_block_q8_0 *y = vy;
    const __m256 sign = _mm256_set1_ps(-0.0f);
    for (int64_t i = 0; i < n / EW_QK; i++, x += EW_QK) {
        __m256 v[4];
        __m256 m = _mm256_setzero_ps();
        for (int k = 0; k < 4; k++) {
            v[k] = _mm256_loadu_ps(x + 8 * k);
            m = _mm256_max_ps(m, _mm256_andnot_ps(sign, v[k]));
        }
        __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
        m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
        float amax = _mm_cvtss_f32(m4);
        float id = amax != 0.0f ? 127.f / amax : 0.0f;
        y[i].d = ew__f32_to_f16(amax / 127.f);
        __m256 mul = _mm256_set1_ps(id);
        __m256i q[4];
        for (int k = 0; k < 4; k++)
            q[k] = _mm256_cvtps_epi32(_mm256_mul_ps(v[k], mul));
        __m256i p =
            _mm256_packs_epi16(_mm256_packs_epi32(q[0], q[1]), _mm256_packs_epi32(q[2], q[3]));
        p = _mm256_permutevar8x32_epi32(p, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
        _mm256_storeu_si256((__m256i *)y[i].qs, p);
    }
}

static void quant_q8_K(const float *x, void *vy, int64_t n)
{
    ew_block_q8_K *y = vy;
    const __m256 sign = _mm256_set1_ps(-0.0f);
    for (int64_t i = 0; i < n / EW_QK_K; i++, x += EW_QK_K) {
        __m256 m = _mm256_setzero_ps();
        for (int j = 0; j < EW_QK_K; j += 8)
            m = _mm256_max_ps(m, _mm256_andnot_ps(sign, _mm256_loadu_ps(x + j)));
        __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
        m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
        float amax = _mm_cvtss_f32(m4);
        if (amax == 0.0f) {
            memset(&y[i], 0, sizeof y[i]);
            continue;
        }
        float max = 0;
        for (int j = 0; j < EW_QK_K; j++)
            if (x[j] == amax || x[j] == -amax) {
                max = x[j];
                break;
            }
        float iscale = -127.f / max;
        __m256 mul = _mm256_set1_ps(iscale);
        const __m256i hi = _mm256_set1_epi32(127);
        for (int j = 0; j < EW_QK_K; j += 32) {
            __m256i q[4];
            for (int k = 0; k < 4; k++)
                q[k] = _mm256_min_epi32(
                    _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + j + 8 * k), mul)), hi);
            __m256i p =
                _mm256_packs_epi16(_mm256_packs_epi32(q[0], q[1]), _mm256_packs_epi32(q[2], q[3]));
            p = _mm256_permutevar8x32_epi32(p, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
            _mm256_storeu_si256((__m256i *)(y[i].qs + j), p);
            /* two 16-element sums */
            __m256i s16 = _mm256_maddubs_epi16(_mm256_set1_epi8(1), p);
            __m256i s32 = _mm256_madd_epi16(s16, _mm256_set1_epi16(1)); /* 8 sums of 4 */
            __m128i lo = _mm256_castsi256_si128(s32), hi4 = _mm256_extracti128_si256(s32, 1);
            __m128i a = _mm_hadd_epi32(lo, hi4); /* sums of 8: [0..7][8..15][16..23][24..31] */
            a = _mm_hadd_epi32(a, a);
            y[i].bsums[j / 16] = (int16_t)_mm_cvtsi128_si32(a);
            y[i].bsums[j / 16 + 1] = (int16_t)_mm_extract_epi32(a, 1);
        }
        y[i].d = 1 / iscale;
    }
}

static void quant_f16(const float *x, void *vy, int64_t n)
{
    ew_f16 *y = vy;
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm_storeu_si128((__m128i *)(y + i),
                         _mm256_cvtps_ph(_mm256_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < n; i++)
        y[i] = ew__f32_to_f16(x[i]);
}

/* ---- drivers ---------------------------------------------------------------------------- */

#include "local/quant_gemm_cols.h"

/* ---- legacy quants x Q8_0: one block per step ---------------------------------------------- */

#define LEGACY_KERNEL(name, WBLOCK, UNPACK)                                                        \
    static inline __attribute__((always_inline)) void k_##name(                                    \
        int n, const void *vw, const void *const *va, int m, float *res)                           \
    {                                                                                              \
        const WBLOCK *w = vw;                                                                      \
        __m256 acc[NC];                                                                            \
        for (int j = 0; j < NC; j++)                                                               \
            acc[j] = _mm256_setzero_ps();                                                          \
        for (int i = 0; i < n / EW_QK; i++) {                                                      \
            __m256i wq = UNPACK(&w[i]);                                                            \
            float dw = f16(w[i].d);                                                                \
            for (int j = 0; j < m; j++) {                                                          \
                const ew_block_q8_0 *a = (const ew_block_q8_0 *)va[j] + i;                         \
                __m256i dp = dot_s8s8(wq, _mm256_loadu_si256((const __m256i *)a->qs));             \
                acc[j] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dp), _mm256_set1_ps(dw * f16(a->d)),   \
                                         acc[j]);                                                  \
            }                                                                                      \
        }                                                                                          \
        for (int j = 0; j < m; j++)                                                                \
            res[j] = hsum256(acc[j]);                                                              \
    }

static inline __m256i nibbles32(const uint8_t *qs)
{
    __m128i x = _mm_loadu_si128((const __m128i *)qs);
    __m256i both = _mm256_inserti128_si256(_mm256_castsi128_si256(x), _mm_srli_epi16(x, 4), 1);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

static inline __m256i unpack_q8_0(const ew_block_q8_0 *b)
{
    return _mm256_loadu_si256((const __m256i *)b->qs);
}

static inline __m256i unpack_q4_0(const ew_block_q4_0 *b)
{
    return _mm256_sub_epi8(nibbles32(b->qs), _mm256_set1_epi8(8));
}

/* The fifth bits as 0x10 per element: spread the 32 bits over 32 bytes. */
static inline __m256i fifth_bits(const uint8_t *qh)
{
    uint32_t h;
    memcpy(&h, qh, 4);
    __m256i v = _mm256_set1_epi32((int)h);
    v = _mm256_shuffle_epi8(
        v, _mm256_setr_epi64x(0, 0x0101010101010101ll, 0x0202020202020202ll, 0x0303030303030303ll));
    __m256i bit = _mm256_set1_epi64x((long long)0x8040201008040201ull);
    v = _mm256_cmpeq_epi8(_mm256_and_si256(v, bit), bit);
    return _mm256_and_si256(v, _mm256_set1_epi8(0x10));
}

static inline __m256i unpack_q5_0(const ew_block_q5_0 *b)
{
    return _mm256_sub_epi8(_mm256_or_si256(nibbles32(b->qs), fifth_bits(b->qh)),
                           _mm256_set1_epi8(16));
}

LEGACY_KERNEL(q8_0, ew_block_q8_0, unpack_q8_0)
GEMM_DRIVER(gemm_q8_0, dot_q8_0, k_q8_0)
LEGACY_KERNEL(q4_0, ew_block_q4_0, unpack_q4_0)
GEMM_DRIVER(gemm_q4_0, dot_q4_0, k_q4_0)
LEGACY_KERNEL(q5_0, ew_block_q5_0, unpack_q5_0)
GEMM_DRIVER(gemm_q5_0, dot_q5_0, k_q5_0)

/* ---- k-quants x Q8_K --------------------------------------------------------------------- */

static inline int32_t min_sum(const int16_t *bsums, const uint8_t *mn)
{
    __m256i b = _mm256_loadu_si256((const __m256i *)bsums);
    __m128i m8 = _mm_loadl_epi64((const __m128i *)mn);
    __m256i m16 = _mm256_cvtepu8_epi16(_mm_unpacklo_epi8(m8, m8));
    return hsum_i32(_mm256_madd_epi16(b, m16));
}

/* Sum of sub-block (32 elements) products times its scale, exact. */
static inline __m256i scaled32(__m256i acc, __m256i w, const int8_t *a, int scale)
{
    __m256i dp = dot_u8s8(w, _mm256_loadu_si256((const __m256i *)a));
    return _mm256_add_epi32(acc, _mm256_mullo_epi32(dp, _mm256_set1_epi32(scale)));
}

/* The columns' step over q4_K/q5_K super-block i: its sub-blocks 2g and
 * 2g + 1 unpacked in lo[g] and hi[g], their scales and mins in sc and mn. */
static inline __attribute__((always_inline)) void
k4_columns(const uint8_t sc[8], const uint8_t mn[8], float d, float dmin, const __m256i lo[4],
           const __m256i hi[4], const void *const *va, int i, int m, float *res)
{
    for (int j = 0; j < m; j++) {
        const ew_block_q8_K *a = (const ew_block_q8_K *)va[j] + i;
        __m256i acc = _mm256_setzero_si256();
        for (int g = 0; g < 4; g++) {
            acc = scaled32(acc, lo[g], a->qs + 64 * g, sc[2 * g]);
            acc = scaled32(acc, hi[g], a->qs + 64 * g + 32, sc[2 * g + 1]);
        }
        int32_t isum = hsum_i32(acc), imin = min_sum(a->bsums, mn);
        res[j] += d * a->d * (float)isum - dmin * a->d * (float)imin;
    }
}

static inline __attribute__((always_inline)) void k_q4_K(int n, const void *vw,
                                                         const void *const *va, int m, float *res)
{
    const ew_block_q4_K *w = vw;
    const __m256i m0f = _mm256_set1_epi8(0x0F);
    for (int j = 0; j < m; j++)
        res[j] = 0;
    for (int i = 0; i < n / EW_QK_K; i++) {
        uint8_t sc[8], mn[8];
        for (int k = 0; k < 8; k++)
            ew__k4_scale_min(k, w[i].scales, &sc[k], &mn[k]);
        __m256i lo[4], hi[4];
        for (int g = 0; g < 4; g++) {
            __m256i q = _mm256_loadu_si256((const __m256i *)(w[i].qs + 32 * g));
            lo[g] = _mm256_and_si256(q, m0f);
            hi[g] = _mm256_and_si256(_mm256_srli_epi16(q, 4), m0f);
        }
        k4_columns(sc, mn, f16(w[i].d), f16(w[i].dmin), lo, hi, va, i, m, res);
    }
}
GEMM_DRIVER(gemm_q4_K, dot_q4_K, k_q4_K)

static inline __attribute__((always_inline)) void k_q5_K(int n, const void *vw,
                                                         const void *const *va, int m, float *res)
{
    const ew_block_q5_K *w = vw;
    const __m256i m0f = _mm256_set1_epi8(0x0F), one = _mm256_set1_epi8(1);
    for (int j = 0; j < m; j++)
        res[j] = 0;
    for (int i = 0; i < n / EW_QK_K; i++) {
        uint8_t sc[8], mn[8];
        for (int k = 0; k < 8; k++)
            ew__k4_scale_min(k, w[i].scales, &sc[k], &mn[k]);
        __m256i qh = _mm256_loadu_si256((const __m256i *)w[i].qh);
        __m256i lo[4], hi[4];
        for (int g = 0; g < 4; g++) {
            __m256i q = _mm256_loadu_si256((const __m256i *)(w[i].qs + 32 * g));
            __m256i hl = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * g), one);
            __m256i hh = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * g + 1), one);
            lo[g] = _mm256_or_si256(_mm256_and_si256(q, m0f), _mm256_slli_epi16(hl, 4));
            hi[g] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 4), m0f),
                                    _mm256_slli_epi16(hh, 4));
        }
        k4_columns(sc, mn, f16(w[i].d), f16(w[i].dmin), lo, hi, va, i, m, res);
    }
}
GEMM_DRIVER(gemm_q5_K, dot_q5_K, k_q5_K)

/* q6_K: unsigned 6-bit values of elements 32k..32k+31 of half h. */
static inline __m256i q6_unsigned32(const ew_block_q6_K *b, int h, int k)
{
    const __m256i m0f = _mm256_set1_epi8(0x0F), m3 = _mm256_set1_epi8(3);
    __m256i l = _mm256_loadu_si256((const __m256i *)(b->ql + 64 * h + 32 * (k & 1)));
    __m256i qh = _mm256_loadu_si256((const __m256i *)(b->qh + 32 * h));
    __m256i nib =
        (k >> 1) ? _mm256_and_si256(_mm256_srli_epi16(l, 4), m0f) : _mm256_and_si256(l, m0f);
    __m256i hb = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * k), m3);
    return _mm256_or_si256(nib, _mm256_slli_epi16(hb, 4));
}

static inline __attribute__((always_inline)) void k_q6_K(int n, const void *vw,
                                                         const void *const *va, int m, float *res)
{
    const ew_block_q6_K *w = vw;
    for (int j = 0; j < m; j++)
        res[j] = 0;
    for (int i = 0; i < n / EW_QK_K; i++) {
        __m256i wq[8], scv[8];
        for (int q = 0; q < 8; q++) {
            wq[q] = q6_unsigned32(&w[i], q >> 2, q & 3);
            /* 32 elements = 2 sub-blocks of 16 = 4 lanes each */
            scv[q] = _mm256_setr_epi32(w[i].scales[2 * q], w[i].scales[2 * q], w[i].scales[2 * q],
                                       w[i].scales[2 * q], w[i].scales[2 * q + 1],
                                       w[i].scales[2 * q + 1], w[i].scales[2 * q + 1],
                                       w[i].scales[2 * q + 1]);
        }
        __m256i sc16 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)w[i].scales));
        float d = f16(w[i].d);
        for (int j = 0; j < m; j++) {
            const ew_block_q8_K *a = (const ew_block_q8_K *)va[j] + i;
            __m256i acc = _mm256_setzero_si256();
            for (int q = 0; q < 8; q++) {
                __m256i dp = dot_u8s8(wq[q], _mm256_loadu_si256((const __m256i *)(a->qs + 32 * q)));
                acc = _mm256_add_epi32(acc, _mm256_mullo_epi32(dp, scv[q]));
            }
            int32_t corr =
                hsum_i32(_mm256_madd_epi16(_mm256_loadu_si256((const __m256i *)a->bsums), sc16));
            int32_t isum = hsum_i32(acc) - 32 * corr;
            res[j] += d * a->d * (float)isum;
        }
    }
}
GEMM_DRIVER(gemm_q6_K, dot_q6_K, k_q6_K)

/* ---- floats ---------------------------------------------------------------------------- */

static inline __m256 load_f16x8(const ew_f16 *p)
{
    return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p));
}

static inline __m256 load_bf16x8(const ew_bf16 *p)
{
    __m256i x = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(x, 16));
}

#define FLOAT_KERNEL(name, T, LOAD, SCALAR)                                                        \
    static inline __attribute__((always_inline)) void k_##name(                                    \
        int n, const void *vw, const void *const *va, int m, float *res)                           \
    {                                                                                              \
        const T *w = vw;                                                                           \
        __m256 acc0[NC], acc1[NC];                                                                 \
        for (int j = 0; j < NC; j++)                                                               \
            acc0[j] = acc1[j] = _mm256_setzero_ps();                                               \
        int i = 0;                                                                                 \
        for (; i + 16 <= n; i += 16) {                                                             \
            __m256 w0 = LOAD(w + i), w1 = LOAD(w + i + 8);                                         \
            for (int j = 0; j < m; j++) {                                                          \
                const T *a = (const T *)va[j];                                                     \
                acc0[j] = _mm256_fmadd_ps(w0, LOAD(a + i), acc0[j]);                               \
                acc1[j] = _mm256_fmadd_ps(w1, LOAD(a + i + 8), acc1[j]);                           \
            }                                                                                      \
        }                                                                                          \
        for (int j = 0; j < m; j++) {                                                              \
            const T *a = (const T *)va[j];                                                         \
            float s = hsum256(_mm256_add_ps(acc0[j], acc1[j]));                                    \
            for (int k = i; k < n; k++)                                                            \
                s += SCALAR(w[k]) * SCALAR(a[k]);                                                  \
            res[j] = s;                                                                            \
        }                                                                                          \
    }

#define F32_ID(x) (x)
FLOAT_KERNEL(f32, float, _mm256_loadu_ps, F32_ID)
GEMM_DRIVER(gemm_f32, dot_f32, k_f32)
FLOAT_KERNEL(f16, ew_f16, load_f16x8, f16)
GEMM_DRIVER(gemm_f16, dot_f16, k_f16)
FLOAT_KERNEL(bf16, ew_bf16, load_bf16x8, ew__bf16_to_f32)
GEMM_DRIVER(gemm_bf16, dot_bf16, k_bf16)

/* ---- attention over the KV cache ------------------------------------------------------ */

static inline float f32_id(float x)
{
    return x;
}

/* One accumulator per key; 32 (then 8) elements of y in registers while
 * the rows stream by; scalar tails. */
#define KV_ROWS(name, T, LOAD, SCALAR)                                                             \
    static void dot_rows_##name(int n, const void *vx, size_t stride, int nr, const void *vq,      \
                                float *out)                                                        \
    {                                                                                              \
        const T *q = vq;                                                                           \
        for (int j = 0; j < nr; j++) {                                                             \
            const T *k = (const T *)(const void *)((const char *)vx + (size_t)j * stride);         \
            __m256 acc = _mm256_setzero_ps();                                                      \
            int i = 0;                                                                             \
            for (; i + 8 <= n; i += 8)                                                             \
                acc = _mm256_fmadd_ps(LOAD(k + i), LOAD(q + i), acc);                              \
            float s = hsum256(acc);                                                                \
            for (; i < n; i++)                                                                     \
                s += SCALAR(k[i]) * SCALAR(q[i]);                                                  \
            out[j] = s;                                                                            \
        }                                                                                          \
    }                                                                                              \
    static void axpy_rows_##name(int n, const float *a, const void *vx, size_t stride, int nr,     \
                                 float *y)                                                         \
    {                                                                                              \
        const char *x = vx;                                                                        \
        int i0 = 0;                                                                                \
        for (; i0 + 32 <= n; i0 += 32) {                                                           \
            __m256 yv[4];                                                                          \
            for (int c = 0; c < 4; c++)                                                            \
                yv[c] = _mm256_loadu_ps(y + i0 + 8 * c);                                           \
            for (int j = 0; j < nr; j++) {                                                         \
                const T *xr = (const T *)(const void *)(x + (size_t)j * stride) + i0;              \
                __m256 av = _mm256_set1_ps(a[j]);                                                  \
                for (int c = 0; c < 4; c++)                                                        \
                    yv[c] = _mm256_fmadd_ps(av, LOAD(xr + 8 * c), yv[c]);                          \
            }                                                                                      \
            for (int c = 0; c < 4; c++)                                                            \
                _mm256_storeu_ps(y + i0 + 8 * c, yv[c]);                                           \
        }                                                                                          \
        for (; i0 + 8 <= n; i0 += 8) {                                                             \
            __m256 yv = _mm256_loadu_ps(y + i0);                                                   \
            for (int j = 0; j < nr; j++)                                                           \
                yv = _mm256_fmadd_ps(_mm256_set1_ps(a[j]),                                         \
                                     LOAD((const T *)(const void *)(x + (size_t)j * stride) + i0), \
                                     yv);                                                          \
            _mm256_storeu_ps(y + i0, yv);                                                          \
        }                                                                                          \
        for (int j = 0; j < nr && i0 < n; j++) {                                                   \
            const T *xr = (const T *)(const void *)(x + (size_t)j * stride);                       \
            for (int i = i0; i < n; i++)                                                           \
                y[i] += a[j] * SCALAR(xr[i]);                                                      \
        }                                                                                          \
    }

KV_ROWS(f32, float, _mm256_loadu_ps, f32_id)
KV_ROWS(f16, ew_f16, load_f16x8, f16)

void ew__quant_patch_avx2(ew__qtype *t, int n)
{
    for (int i = 0; i < n; i++) {
        ew__qtype *q = &t[i];
        switch (q->type) {
#define SET(name) (q->dot = dot_##name, q->gemm = gemm_##name)
        case EW_GGML_F32:
            SET(f32);
            q->dot_rows = dot_rows_f32;
            q->axpy_rows = axpy_rows_f32;
            break;
        case EW_GGML_F16:
            SET(f16);
            q->quant_act = quant_f16;
            q->dot_rows = dot_rows_f16;
            q->axpy_rows = axpy_rows_f16;
            break;
        case EW_GGML_BF16:
            SET(bf16);
            break;
        case EW_GGML_Q8_0:
            SET(q8_0);
            q->quant_act = quant_q8_0;
            break;
        case EW_GGML_Q4_0:
            SET(q4_0);
            break;
        case EW_GGML_Q5_0:
            SET(q5_0);
            break;
        case EW_GGML_Q4_K:
            SET(q4_K);
            break;
        case EW_GGML_Q5_K:
            SET(q5_K);
            break;
        case EW_GGML_Q6_K:
            SET(q6_K);
            break;
        case EW_GGML_Q8_K:
            q->quant_act = quant_q8_K;
            break;
#undef SET
        default:
            break;
        }
    }
}
