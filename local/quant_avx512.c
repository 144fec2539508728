/* AVX-512 kernels (F, BW, DQ, VL; VNNI variants where int8 dot products pay).
 *
 * Layout of the work: a gemm call takes a range of weight rows and a few
 * activation rows (columns); each weight block is unpacked once and used for
 * up to NC columns. Every output element is computed by the same sequence of
 * operations whatever the number of columns in its group, so results do not
 * depend on batching or threads.
 *
 * The k-quant kernels sum each super-block in exact integers and scale once,
 * so they equal the reference bit for bit; the legacy-quant and float kernels
 * accumulate in vector lanes and differ from it by rounding only. */
#include "local/quant_avx512.h"

#define NC 8 /* activation columns per pass over a weight row (k-quants, fallbacks) */

static inline float hsum512(__m512 v)
{
    return _mm512_reduce_add_ps(v);
}

/* [x, x, ..x (8), y, y, ..y (8)] */
static inline __m512 halves(float x, float y)
{
    return _mm512_insertf32x8(_mm512_set1_ps(x), _mm256_set1_ps(y), 1);
}

/* ---- activation quantization (bit-identical to the reference) ---------------------- */

static void quant_q8_0(const float *x, void *vy, int64_t n)
{
    ew_block_q8_0 *y = vy;
    for (int64_t i = 0; i < n / EW_QK; i++)
        y[i].d = ew__f32_to_f16(q8_block(x + i * EW_QK, y[i].qs, NULL));
}

static void quant_q8_K(const float *x, void *vy, int64_t n)
{
    ew_block_q8_K *y = vy;
    const __m512 sign = _mm512_set1_ps(-0.0f);
    for (int64_t i = 0; i < n / EW_QK_K; i++, x += EW_QK_K) {
        __m512 m = _mm512_setzero_ps();
        for (int j = 0; j < EW_QK_K; j += 16)
            m = _mm512_max_ps(m, _mm512_andnot_ps(sign, _mm512_loadu_ps(x + j)));
        float amax = _mm512_reduce_max_ps(m);
        if (amax == 0.0f) {
            memset(&y[i], 0, sizeof y[i]);
            continue;
        }
        /* the signed extreme: the first element whose magnitude is amax */
        float max = 0;
        for (int j = 0; j < EW_QK_K; j++)
            if (x[j] == amax || x[j] == -amax) {
                max = x[j];
                break;
            }
        float iscale = -127.f / max;
        __m512 mul = _mm512_set1_ps(iscale);
        const __m512i hi = _mm512_set1_epi32(127);
        for (int j = 0; j < EW_QK_K; j += 16) {
            __m512i q = _mm512_min_epi32(
                _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(x + j), mul)), hi);
            __m128i b = _mm512_cvtsepi32_epi8(q);
            _mm_storeu_si128((__m128i *)(y[i].qs + j), b);
            __m512i w = _mm512_cvtepi8_epi32(b);
            y[i].bsums[j / 16] = (int16_t)_mm512_reduce_add_epi32(w);
        }
        y[i].d = 1 / iscale;
    }
}

static void quant_f16(const float *x, void *vy, int64_t n)
{
    ew_f16 *y = vy;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16)
        _mm256_storeu_si256((__m256i *)(y + i),
                            _mm512_cvtps_ph(_mm512_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < n; i++)
        y[i] = ew__f32_to_f16(x[i]);
}

#include "local/quant_gemm_cols.h"

/* the integer types without VNNI (with it, quant_legacy_avx512.c and
 * quant_k_avx512.c take over) */
#define KS(name) name##_novnni
#include "local/quant_avx512_int.h"
#undef KS

#define TR 4 /* weight rows per float tile */
#define TC 4 /* activation columns per float tile */

/* ---- floats ----------------------------------------------------------------------------- */

static inline __m512 load_f16x16(const ew_f16 *p)
{
    return _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)p));
}

static inline __m512 load_bf16x16(const ew_bf16 *p)
{
    __m512i x = _mm512_cvtepu16_epi32(_mm256_loadu_si256((const __m256i *)p));
    return _mm512_castsi512_ps(_mm512_slli_epi32(x, 16));
}

/* Float kernels: 2 x 16 lanes per column, scalar tail. */
/* Float kernels, register-tiled like the legacy quants: TR rows x TC
 * columns per step of 16 elements, 16-lane accumulators, scalar tail. */
#define FLOAT_TILE(name, T, LOAD, SCALAR)                                                          \
    static inline __attribute__((always_inline)) void tile_##name(int n, const char *w, size_t ws, \
                                                                  int R, const char *a, size_t as, \
                                                                  int C, float res[TR][TC])        \
    {                                                                                              \
        __m512 acc[TR][TC];                                                                        \
        for (int r = 0; r < R; r++)                                                                \
            for (int c = 0; c < C; c++)                                                            \
                acc[r][c] = _mm512_setzero_ps();                                                   \
        int i = 0;                                                                                 \
        for (; i + 16 <= n; i += 16) {                                                             \
            __m512 wv[TR];                                                                         \
            _Pragma("GCC unroll 4") for (int r = 0; r < R; r++) wv[r] =                            \
                LOAD((const T *)(const void *)(w + (size_t)r * ws) + i);                           \
            _Pragma("GCC unroll 4") for (int c = 0; c < C; c++)                                    \
            {                                                                                      \
                __m512 av = LOAD((const T *)(const void *)(a + (size_t)c * as) + i);               \
                _Pragma("GCC unroll 4") for (int r = 0; r < R; r++) acc[r][c] =                    \
                    _mm512_fmadd_ps(wv[r], av, acc[r][c]);                                         \
            }                                                                                      \
        }                                                                                          \
        for (int r = 0; r < R; r++)                                                                \
            for (int c = 0; c < C; c++) {                                                          \
                const T *wr = (const T *)(const void *)(w + (size_t)r * ws);                       \
                const T *ac = (const T *)(const void *)(a + (size_t)c * as);                       \
                float s = hsum512(acc[r][c]);                                                      \
                for (int k = i; k < n; k++)                                                        \
                    s += SCALAR(wr[k]) * SCALAR(ac[k]);                                            \
                res[r][c] = s;                                                                     \
            }                                                                                      \
    }

#define FTILE_CASE(name, RR, CC)                                                                   \
    case (RR)*8 + (CC):                                                                            \
        tile_##name(n, wr, ws, RR, ac, as, CC, res);                                               \
        break;
#define FTILE_ROW(name, RR)                                                                        \
    FTILE_CASE(name, RR, 1) FTILE_CASE(name, RR, 2) FTILE_CASE(name, RR, 3) FTILE_CASE(name, RR, 4)

#define FLOAT_GEMM(name)                                                                           \
    static void gemm_##name(int n, const void *w, size_t ws, int nr, const void *a, size_t as,     \
                            int nc, float *out, size_t os)                                         \
    {                                                                                              \
        int tr = nc <= 2 ? 1 : TR;                                                                 \
        for (int r0 = 0; r0 < nr; r0 += tr) {                                                      \
            int R = nr - r0 < tr ? nr - r0 : tr;                                                   \
            const char *wr = (const char *)w + (size_t)r0 * ws;                                    \
            for (int c0 = 0; c0 < nc; c0 += TC) {                                                  \
                int C = nc - c0 < TC ? nc - c0 : TC;                                               \
                const char *ac = (const char *)a + (size_t)c0 * as;                                \
                float res[TR][TC];                                                                 \
                switch (R * 8 + C) {                                                               \
                    FTILE_ROW(name, 1) FTILE_ROW(name, 2) FTILE_ROW(name, 3) FTILE_ROW(name, 4)    \
                }                                                                                  \
                for (int r = 0; r < R; r++)                                                        \
                    for (int c = 0; c < C; c++)                                                    \
                        out[(size_t)(c0 + c) * os + r0 + r] = res[r][c];                           \
            }                                                                                      \
        }                                                                                          \
    }                                                                                              \
    static float dot_##name(int n, const void *w, const void *a)                                   \
    {                                                                                              \
        float res[TR][TC];                                                                         \
        tile_##name(n, w, 0, 1, a, 0, 1, res);                                                     \
        return res[0][0];                                                                          \
    }

#define F32_ID(x) (x)
FLOAT_TILE(f32, float, _mm512_loadu_ps, F32_ID)
FLOAT_GEMM(f32)
FLOAT_TILE(f16, ew_f16, load_f16x16, f16)
FLOAT_GEMM(f16)
FLOAT_TILE(bf16, ew_bf16, load_bf16x16, ew__bf16_to_f32)
FLOAT_GEMM(bf16)

/* ---- attention over the KV cache ------------------------------------------------------ */

static inline __m512 load_f16_mask(__mmask16 m, const ew_f16 *p)
{
    return _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(m, p));
}

static inline __m512 load_f32_mask(__mmask16 m, const float *p)
{
    return _mm512_maskz_loadu_ps(m, p);
}

static inline __mmask16 tail_mask(int left)
{
    return left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
}

/* Lane pair sums: lanes 0..7 from a's pairs, 8..15 from b's. */
static inline __m512 fold_ps(__m512 a, __m512 b)
{
    const __m512i ev = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i od = _mm512_set_epi32(31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1);
    return _mm512_add_ps(_mm512_permutex2var_ps(a, ev, b), _mm512_permutex2var_ps(a, od, b));
}

/* q . k for 16 keys at a time: one 16-lane accumulator per key, then a
 * transpose-add tree leaves key r's total in lane r. A short last group
 * repeats its last key, so every key's score comes from the same
 * operations wherever it falls. */
#define KV_ROWS(name, T, LOADM)                                                                    \
    static void dot_rows_##name(int n, const void *vx, size_t stride, int nr, const void *vq,      \
                                float *out)                                                        \
    {                                                                                              \
        const char *x = vx;                                                                        \
        const T *q = vq;                                                                           \
        for (int j = 0; j < nr; j += 16) {                                                         \
            const T *kr[16];                                                                       \
            for (int r = 0; r < 16; r++)                                                           \
                kr[r] =                                                                            \
                    (const T *)(const void *)(x + (size_t)(j + r < nr ? j + r : nr - 1) * stride); \
            __m512 acc[16];                                                                        \
            for (int r = 0; r < 16; r++)                                                           \
                acc[r] = _mm512_setzero_ps();                                                      \
            for (int i = 0; i < n; i += 16) {                                                      \
                __mmask16 m = tail_mask(n - i);                                                    \
                __m512 qv = LOADM(m, q + i);                                                       \
                for (int r = 0; r < 16; r++)                                                       \
                    acc[r] = _mm512_fmadd_ps(LOADM(m, kr[r] + i), qv, acc[r]);                     \
            }                                                                                      \
            __m512 f[8];                                                                           \
            for (int k = 0; k < 8; k++)                                                            \
                f[k] = fold_ps(acc[2 * k], acc[2 * k + 1]);                                        \
            __m512 g0 = fold_ps(f[0], f[1]), g1 = fold_ps(f[2], f[3]), g2 = fold_ps(f[4], f[5]),   \
                   g3 = fold_ps(f[6], f[7]);                                                       \
            _mm512_mask_storeu_ps(out + j, tail_mask(nr - j),                                      \
                                  fold_ps(fold_ps(g0, g1), fold_ps(g2, g3)));                      \
        }                                                                                          \
    }                                                                                              \
    /* up to 64 elements of y stay in registers while the rows stream by */                        \
    static void axpy_rows_##name(int n, const float *a, const void *vx, size_t stride, int nr,     \
                                 float *y)                                                         \
    {                                                                                              \
        const char *x = vx;                                                                        \
        for (int i0 = 0; i0 < n; i0 += 64) {                                                       \
            __m512 yv[4];                                                                          \
            __mmask16 m[4];                                                                        \
            for (int c = 0; c < 4; c++) {                                                          \
                m[c] = n - i0 - 16 * c > 0 ? tail_mask(n - i0 - 16 * c) : 0;                       \
                yv[c] = _mm512_maskz_loadu_ps(m[c], y + i0 + 16 * c);                              \
            }                                                                                      \
            for (int j = 0; j < nr; j++) {                                                         \
                const T *xr = (const T *)(const void *)(x + (size_t)j * stride) + i0;              \
                __m512 av = _mm512_set1_ps(a[j]);                                                  \
                for (int c = 0; c < 4; c++)                                                        \
                    yv[c] = _mm512_fmadd_ps(av, LOADM(m[c], xr + 16 * c), yv[c]);                  \
            }                                                                                      \
            for (int c = 0; c < 4; c++)                                                            \
                _mm512_mask_storeu_ps(y + i0 + 16 * c, m[c], yv[c]);                               \
        }                                                                                          \
    }

KV_ROWS(f32, float, load_f32_mask)
KV_ROWS(f16, ew_f16, load_f16_mask)

void ew__quant_patch_avx512(ew__qtype *t, int n, int vnni)
{
    for (int i = 0; i < n; i++) {
        ew__qtype *q = &t[i];
        switch (q->type) {
#define SET(name) (q->dot = dot_##name, q->gemm = gemm_##name)
/* with VNNI, ew__quant_patch_legacy_vnni and ew__quant_patch_k_vnni replace these */
#define SETI(name) (q->dot = dot_##name##_novnni, q->gemm = gemm_##name##_novnni)
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
            SETI(q8_0);
            q->quant_act = quant_q8_0;
            break;
        case EW_GGML_Q4_0:
            SETI(q4_0);
            break;
        case EW_GGML_Q5_0:
            SETI(q5_0);
            break;
        case EW_GGML_Q4_K:
            SETI(q4_K);
            break;
        case EW_GGML_Q5_K:
            SETI(q5_K);
            break;
        case EW_GGML_Q6_K:
            SETI(q6_K);
            break;
        case EW_GGML_Q8_K:
            q->quant_act = quant_q8_K;
            break;
#undef SET
#undef SETI
        default:
            break;
        }
    }
    if (vnni) {
        ew__quant_patch_legacy_vnni(t, n);
        ew__quant_patch_k_vnni(t, n);
    }
}
