/* Scalar reference kernels for every supported tensor type: dequantize,
 * activation quantization and dot products. They define the numbers; the SIMD
 * kernels are tested against them. */
#include <math.h>

#include "local/quant.h"

/* ---- dequantize ----------------------------------------------------------------- */

static void dequant_f32(const void *x, float *y, int64_t n)
{
    memcpy(y, x, (size_t)n * sizeof(float));
}

static void dequant_f16(const void *vx, float *y, int64_t n)
{
    const ew_f16 *x = vx;
    for (int64_t i = 0; i < n; i++)
        y[i] = ew__f16_to_f32(x[i]);
}

static void dequant_bf16(const void *vx, float *y, int64_t n)
{
    const ew_bf16 *x = vx;
    for (int64_t i = 0; i < n; i++)
        y[i] = ew__bf16_to_f32(x[i]);
}

static void dequant_q4_0(const void *vx, float *y, int64_t n)
{
    const ew_block_q4_0 *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK) {
        float d = ew__f16_to_f32(x[i].d);
        for (int j = 0; j < EW_QK / 2; j++) {
            y[j] = (float)((x[i].qs[j] & 0xF) - 8) * d;
            y[j + EW_QK / 2] = (float)((x[i].qs[j] >> 4) - 8) * d;
        }
    }
}

static void dequant_q4_1(const void *vx, float *y, int64_t n)
{
    const ew_block_q4_1 *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK) {
        float d = ew__f16_to_f32(x[i].d), m = ew__f16_to_f32(x[i].m);
        for (int j = 0; j < EW_QK / 2; j++) {
            y[j] = (float)(x[i].qs[j] & 0xF) * d + m;
            y[j + EW_QK / 2] = (float)(x[i].qs[j] >> 4) * d + m;
        }
    }
}

/* The five-bit value of element j (0..31) of a q5 block. */
static inline int q5_value(const uint8_t *qs, uint32_t qh, int j)
{
    int lo = j < 16 ? (qs[j] & 0xF) : (qs[j - 16] >> 4);
    return lo | (int)(((qh >> j) & 1) << 4);
}

static void dequant_q5_0(const void *vx, float *y, int64_t n)
{
    const ew_block_q5_0 *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK) {
        float d = ew__f16_to_f32(x[i].d);
        uint32_t qh;
        memcpy(&qh, x[i].qh, 4);
        for (int j = 0; j < EW_QK; j++)
            y[j] = (float)(q5_value(x[i].qs, qh, j) - 16) * d;
    }
}

static void dequant_q5_1(const void *vx, float *y, int64_t n)
{
    const ew_block_q5_1 *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK) {
        float d = ew__f16_to_f32(x[i].d), m = ew__f16_to_f32(x[i].m);
        uint32_t qh;
        memcpy(&qh, x[i].qh, 4);
        for (int j = 0; j < EW_QK; j++)
            y[j] = (float)q5_value(x[i].qs, qh, j) * d + m;
    }
}

static void dequant_q8_0(const void *vx, float *y, int64_t n)
{
    const ew_block_q8_0 *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK) {
        float d = ew__f16_to_f32(x[i].d);
        for (int j = 0; j < EW_QK; j++)
            y[j] = (float)x[i].qs[j] * d;
    }
}

static void dequant_q8_0x(const void *vx, float *y, int64_t n)
{
    const ew_block_q8_0x *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK)
        for (int j = 0; j < EW_QK; j++)
            y[j] = (float)x[i].qs[j] * x[i].d;
}

static void dequant_q8_1(const void *vx, float *y, int64_t n)
{
    const ew_block_q8_1 *x = vx;
    for (int64_t i = 0; i < n / EW_QK; i++, y += EW_QK) {
        float d = ew__f16_to_f32(x[i].d);
        for (int j = 0; j < EW_QK; j++)
            y[j] = (float)x[i].qs[j] * d;
    }
}

/* q4_K: 4 groups of 64 elements; in group g, the low nibbles of q[32g..32g+31]
 * are sub-block 2g and the high nibbles sub-block 2g+1. q5_K adds a fifth
 * bit: bit 2g of qh[l] for sub-block 2g, bit 2g+1 for sub-block 2g+1 (qh is
 * NULL for q4_K). The value of element l of sub-block 2g + hi: */
static inline int k4_value(const uint8_t *q, const uint8_t *qh, int g, int hi, int l)
{
    int v = hi ? q[l] >> 4 : q[l] & 0xF;
    return qh ? v | (((qh[l] >> (2 * g + hi)) & 1) << 4) : v;
}

/* One q4_K/q5_K super-block to 256 floats. */
static inline void dequant_k4_block(ew_f16 hd, ew_f16 hdmin, const uint8_t *scales,
                                    const uint8_t *q, const uint8_t *qh, float *y)
{
    float d = ew__f16_to_f32(hd), dmin = ew__f16_to_f32(hdmin);
    for (int g = 0; g < 4; g++, q += 32)
        for (int hi = 0; hi < 2; hi++) {
            uint8_t sc, m;
            ew__k4_scale_min(2 * g + hi, scales, &sc, &m);
            float d1 = d * sc, m1 = dmin * m;
            for (int l = 0; l < 32; l++)
                *y++ = d1 * (float)k4_value(q, qh, g, hi, l) - m1;
        }
}

static void dequant_q4_K(const void *vx, float *y, int64_t n)
{
    const ew_block_q4_K *x = vx;
    for (int64_t i = 0; i < n / EW_QK_K; i++, y += EW_QK_K)
        dequant_k4_block(x[i].d, x[i].dmin, x[i].scales, x[i].qs, NULL, y);
}

static void dequant_q5_K(const void *vx, float *y, int64_t n)
{
    const ew_block_q5_K *x = vx;
    for (int64_t i = 0; i < n / EW_QK_K; i++, y += EW_QK_K)
        dequant_k4_block(x[i].d, x[i].dmin, x[i].scales, x[i].qs, x[i].qh, y);
}

/* The signed 6-bit value of element e (0..255) of a q6_K block. In each half
 * of 128, element h*128 + 32*k + l takes nibble (k>>1) of ql[64h + 32*(k&1) + l]
 * and bits 2k..2k+1 of qh[32h + l]. */
static inline int q6_value(const ew_block_q6_K *b, int e)
{
    int h = e >> 7, k = (e >> 5) & 3, l = e & 31;
    uint8_t lo = b->ql[64 * h + 32 * (k & 1) + l];
    int v = (k >> 1) ? (lo >> 4) : (lo & 0xF);
    v |= ((b->qh[32 * h + l] >> (2 * k)) & 3) << 4;
    return v - 32;
}

static void dequant_q6_K(const void *vx, float *y, int64_t n)
{
    const ew_block_q6_K *x = vx;
    for (int64_t i = 0; i < n / EW_QK_K; i++, y += EW_QK_K) {
        float d = ew__f16_to_f32(x[i].d);
        for (int e = 0; e < EW_QK_K; e++)
            y[e] = d * (float)x[i].scales[e / 16] * (float)q6_value(&x[i], e);
    }
}

static void dequant_q8_K(const void *vx, float *y, int64_t n)
{
    const ew_block_q8_K *x = vx;
    for (int64_t i = 0; i < n / EW_QK_K; i++, y += EW_QK_K)
        for (int j = 0; j < EW_QK_K; j++)
            y[j] = x[i].d * (float)x[i].qs[j];
}

/* ---- activation quantization ------------------------------------------------------ */

/* Q8_0 the way ggml's x86 path does it: scale 127/amax, round half to even.
 * (The file-format reference uses 1/d and round-half-away; for activations we
 * follow the code path llama.cpp actually runs on this machine.) */
static float q8_block(const float *x, int8_t *qs, int *sum)
{
    float amax = 0.0f;
    for (int j = 0; j < EW_QK; j++)
        amax = fmaxf(amax, fabsf(x[j]));
    float d = amax / 127.f;
    float id = amax != 0.0f ? 127.f / amax : 0.0f;
    int s = 0;
    for (int j = 0; j < EW_QK; j++) {
        qs[j] = (int8_t)ew__nearest_int(x[j] * id);
        s += qs[j];
    }
    *sum = s;
    return d;
}

void ew__quant_q8_0_ref(const float *x, void *vy, int64_t n)
{
    ew_block_q8_0 *y = vy;
    for (int64_t i = 0; i < n / EW_QK; i++) {
        int sum;
        y[i].d = ew__f32_to_f16(q8_block(x + i * EW_QK, y[i].qs, &sum));
    }
}

void ew__quant_q8_0x_ref(const float *x, void *vy, int64_t n)
{
    ew_block_q8_0x *y = vy;
    for (int64_t i = 0; i < n / EW_QK; i++)
        y[i].d = ew__f16_to_f32(ew__f32_to_f16(q8_block(x + i * EW_QK, y[i].qs, &y[i].sum)));
}

void ew__quant_q8_1_ref(const float *x, void *vy, int64_t n)
{
    ew_block_q8_1 *y = vy;
    for (int64_t i = 0; i < n / EW_QK; i++) {
        int sum;
        float d = q8_block(x + i * EW_QK, y[i].qs, &sum);
        y[i].d = ew__f32_to_f16(d);
        y[i].s = ew__f32_to_f16(d * (float)sum);
    }
}

/* Q8_K: the element of largest magnitude maps to -127 (scale -127/max), with
 * sums of each 16 quants kept for the k-quants' min terms. */
void ew__quant_q8_K_ref(const float *x, void *vy, int64_t n)
{
    ew_block_q8_K *y = vy;
    for (int64_t i = 0; i < n / EW_QK_K; i++, x += EW_QK_K) {
        float max = 0, amax = 0;
        for (int j = 0; j < EW_QK_K; j++) {
            float ax = fabsf(x[j]);
            if (ax > amax) {
                amax = ax;
                max = x[j];
            }
        }
        if (amax == 0.0f) {
            memset(&y[i], 0, sizeof y[i]);
            continue;
        }
        float iscale = -127.f / max;
        for (int j = 0; j < EW_QK_K; j++) {
            int v = ew__nearest_int(iscale * x[j]);
            y[i].qs[j] = (int8_t)(v > 127 ? 127 : v);
        }
        for (int g = 0; g < EW_QK_K / 16; g++) {
            int s = 0;
            for (int l = 0; l < 16; l++)
                s += y[i].qs[16 * g + l];
            y[i].bsums[g] = (int16_t)s;
        }
        y[i].d = 1 / iscale;
    }
}

void ew__quant_f16_ref(const float *x, void *vy, int64_t n)
{
    ew_f16 *y = vy;
    for (int64_t i = 0; i < n; i++)
        y[i] = ew__f32_to_f16(x[i]);
}

void ew__quant_bf16_ref(const float *x, void *vy, int64_t n)
{
    ew_bf16 *y = vy;
    for (int64_t i = 0; i < n; i++)
        y[i] = ew__f32_to_bf16(x[i]);
}

void ew__quant_f32_ref(const float *x, void *y, int64_t n)
{
    memcpy(y, x, (size_t)n * sizeof(float));
}

/* ---- dot products -------------------------------------------------------------------- */

static float dot_f32(int n, const void *vw, const void *va)
{
    const float *w = vw, *a = va;
    double s = 0;
    for (int i = 0; i < n; i++)
        s += (double)(w[i] * a[i]);
    return (float)s;
}

static float dot_f16(int n, const void *vw, const void *va)
{
    const ew_f16 *w = vw, *a = va;
    double s = 0;
    for (int i = 0; i < n; i++)
        s += (double)(ew__f16_to_f32(w[i]) * ew__f16_to_f32(a[i]));
    return (float)s;
}

static float dot_bf16(int n, const void *vw, const void *va)
{
    const ew_bf16 *w = vw, *a = va;
    double s = 0;
    for (int i = 0; i < n; i++)
        s += (double)(ew__bf16_to_f32(w[i]) * ew__bf16_to_f32(a[i]));
    return (float)s;
}

static float dot_q4_0(int n, const void *vw, const void *va)
{
    const ew_block_q4_0 *w = vw;
    const ew_block_q8_0 *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        int si = 0;
        for (int j = 0; j < EW_QK / 2; j++) {
            si += ((w[i].qs[j] & 0xF) - 8) * a[i].qs[j];
            si += ((w[i].qs[j] >> 4) - 8) * a[i].qs[j + EW_QK / 2];
        }
        s += (float)si * (ew__f16_to_f32(w[i].d) * ew__f16_to_f32(a[i].d));
    }
    return s;
}

static float dot_q4_1(int n, const void *vw, const void *va)
{
    const ew_block_q4_1 *w = vw;
    const ew_block_q8_1 *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        int si = 0;
        for (int j = 0; j < EW_QK / 2; j++) {
            si += (w[i].qs[j] & 0xF) * a[i].qs[j];
            si += (w[i].qs[j] >> 4) * a[i].qs[j + EW_QK / 2];
        }
        s += (float)si * (ew__f16_to_f32(w[i].d) * ew__f16_to_f32(a[i].d)) +
             ew__f16_to_f32(w[i].m) * ew__f16_to_f32(a[i].s);
    }
    return s;
}

static float dot_q5_0(int n, const void *vw, const void *va)
{
    const ew_block_q5_0 *w = vw;
    const ew_block_q8_0 *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        uint32_t qh;
        memcpy(&qh, w[i].qh, 4);
        int si = 0;
        for (int j = 0; j < EW_QK; j++)
            si += (q5_value(w[i].qs, qh, j) - 16) * a[i].qs[j];
        s += (float)si * (ew__f16_to_f32(w[i].d) * ew__f16_to_f32(a[i].d));
    }
    return s;
}

static float dot_q5_1(int n, const void *vw, const void *va)
{
    const ew_block_q5_1 *w = vw;
    const ew_block_q8_1 *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        uint32_t qh;
        memcpy(&qh, w[i].qh, 4);
        int si = 0;
        for (int j = 0; j < EW_QK; j++)
            si += q5_value(w[i].qs, qh, j) * a[i].qs[j];
        s += (float)si * (ew__f16_to_f32(w[i].d) * ew__f16_to_f32(a[i].d)) +
             ew__f16_to_f32(w[i].m) * ew__f16_to_f32(a[i].s);
    }
    return s;
}

static float dot_q8_0(int n, const void *vw, const void *va)
{
    const ew_block_q8_0 *w = vw;
    const ew_block_q8_0 *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        int si = 0;
        for (int j = 0; j < EW_QK; j++)
            si += w[i].qs[j] * a[i].qs[j];
        s += (float)si * (ew__f16_to_f32(w[i].d) * ew__f16_to_f32(a[i].d));
    }
    return s;
}

/* The k-quants with mins: sum_j d*sc_j*<q_j, a_j> - dmin*m_j*sum(a_j), all in
 * integers per super-block and scaled once by the activation's d. One
 * q4_K/q5_K super-block (as in dequant_k4_block) against a: */
static inline float dot_k4_block(ew_f16 d, ew_f16 dmin, const uint8_t *scales, const uint8_t *q,
                                 const uint8_t *qh, const ew_block_q8_K *a)
{
    const int8_t *y = a->qs;
    int32_t isum = 0, imin = 0;
    for (int g = 0; g < 4; g++, q += 32, y += 64) {
        uint8_t sc0, m0, sc1, m1;
        ew__k4_scale_min(2 * g, scales, &sc0, &m0);
        ew__k4_scale_min(2 * g + 1, scales, &sc1, &m1);
        int32_t s0 = 0, s1 = 0;
        for (int l = 0; l < 32; l++) {
            s0 += k4_value(q, qh, g, 0, l) * y[l];
            s1 += k4_value(q, qh, g, 1, l) * y[l + 32];
        }
        isum += sc0 * s0 + sc1 * s1;
        imin += m0 * (a->bsums[4 * g] + a->bsums[4 * g + 1]) +
                m1 * (a->bsums[4 * g + 2] + a->bsums[4 * g + 3]);
    }
    return ew__f16_to_f32(d) * a->d * (float)isum - ew__f16_to_f32(dmin) * a->d * (float)imin;
}

static float dot_q4_K(int n, const void *vw, const void *va)
{
    const ew_block_q4_K *w = vw;
    const ew_block_q8_K *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK_K; i++)
        s += dot_k4_block(w[i].d, w[i].dmin, w[i].scales, w[i].qs, NULL, &a[i]);
    return s;
}

static float dot_q5_K(int n, const void *vw, const void *va)
{
    const ew_block_q5_K *w = vw;
    const ew_block_q8_K *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK_K; i++)
        s += dot_k4_block(w[i].d, w[i].dmin, w[i].scales, w[i].qs, w[i].qh, &a[i]);
    return s;
}

static float dot_q6_K(int n, const void *vw, const void *va)
{
    const ew_block_q6_K *w = vw;
    const ew_block_q8_K *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK_K; i++) {
        int32_t isum = 0;
        for (int g = 0; g < EW_QK_K / 16; g++) {
            int32_t sg = 0;
            for (int l = 0; l < 16; l++)
                sg += q6_value(&w[i], 16 * g + l) * a[i].qs[16 * g + l];
            isum += w[i].scales[g] * sg;
        }
        s += ew__f16_to_f32(w[i].d) * a[i].d * (float)isum;
    }
    return s;
}

static void dot_rows_f32(int n, const void *x, size_t stride, int nr, const void *q, float *out)
{
    for (int j = 0; j < nr; j++)
        out[j] = dot_f32(n, (const char *)x + (size_t)j * stride, q);
}

static void dot_rows_f16(int n, const void *x, size_t stride, int nr, const void *q, float *out)
{
    for (int j = 0; j < nr; j++)
        out[j] = dot_f16(n, (const char *)x + (size_t)j * stride, q);
}

static void axpy_rows_f32(int n, const float *a, const void *vx, size_t stride, int nr, float *y)
{
    for (int j = 0; j < nr; j++) {
        const float *x = (const float *)(const void *)((const char *)vx + (size_t)j * stride);
        for (int i = 0; i < n; i++)
            y[i] += a[j] * x[i];
    }
}

static void axpy_rows_f16(int n, const float *a, const void *vx, size_t stride, int nr, float *y)
{
    for (int j = 0; j < nr; j++) {
        const ew_f16 *x = (const ew_f16 *)(const void *)((const char *)vx + (size_t)j * stride);
        for (int i = 0; i < n; i++)
            y[i] += a[j] * ew__f16_to_f32(x[i]);
    }
}

void ew__gemm_by_dot(ew__dot_fn dot, int n, const void *w, size_t w_stride, int nr, const void *a,
                     size_t a_stride, int nc, float *out, size_t out_stride)
{
    for (int c = 0; c < nc; c++) {
        const char *ac = (const char *)a + (size_t)c * a_stride;
        for (int r = 0; r < nr; r++)
            out[(size_t)c * out_stride + r] = dot(n, (const char *)w + (size_t)r * w_stride, ac);
    }
}

#define GEMM_REF(name)                                                                             \
    static void gemm_##name(int n, const void *w, size_t ws, int nr, const void *a, size_t as,     \
                            int nc, float *out, size_t os)                                         \
    {                                                                                              \
        ew__gemm_by_dot(dot_##name, n, w, ws, nr, a, as, nc, out, os);                             \
    }
GEMM_REF(f32)
GEMM_REF(f16)
GEMM_REF(bf16)
GEMM_REF(q4_0)
GEMM_REF(q4_1)
GEMM_REF(q5_0)
GEMM_REF(q5_1)
GEMM_REF(q8_0)
GEMM_REF(q4_K)
GEMM_REF(q5_K)
GEMM_REF(q6_K)
#undef GEMM_REF

#define QT(T, BL, BY, ACT, DEQ, QACT, DOT, GEMM, KV)                                               \
    {                                                                                              \
        .type = EW_GGML_##T, .name = #T, .blck = BL, .bytes = BY, .act = EW_GGML_##ACT,            \
        .dequant = DEQ, .quant_act = QACT, .dot = DOT, .gemm = GEMM, .dot_rows = KV(dot_rows),     \
        .axpy_rows = KV(axpy_rows)                                                                 \
    }
#define KV_F32(f)  f##_f32
#define KV_F16(f)  f##_f16
#define KV_NONE(f) NULL

const ew__qtype ew__qtypes_ref[] = {
    QT(F32, 1, 4, F32, dequant_f32, ew__quant_f32_ref, dot_f32, gemm_f32, KV_F32),
    QT(F16, 1, 2, F16, dequant_f16, ew__quant_f16_ref, dot_f16, gemm_f16, KV_F16),
    QT(BF16, 1, 2, BF16, dequant_bf16, ew__quant_bf16_ref, dot_bf16, gemm_bf16, KV_NONE),
    QT(Q4_0, EW_QK, sizeof(ew_block_q4_0), Q8_0, dequant_q4_0, NULL, dot_q4_0, gemm_q4_0, KV_NONE),
    QT(Q4_1, EW_QK, sizeof(ew_block_q4_1), Q8_1, dequant_q4_1, NULL, dot_q4_1, gemm_q4_1, KV_NONE),
    QT(Q5_0, EW_QK, sizeof(ew_block_q5_0), Q8_0, dequant_q5_0, NULL, dot_q5_0, gemm_q5_0, KV_NONE),
    QT(Q5_1, EW_QK, sizeof(ew_block_q5_1), Q8_1, dequant_q5_1, NULL, dot_q5_1, gemm_q5_1, KV_NONE),
    QT(Q8_0, EW_QK, sizeof(ew_block_q8_0), Q8_0, dequant_q8_0, ew__quant_q8_0_ref, dot_q8_0,
       gemm_q8_0, KV_NONE),
    {.type = EW__ACT_Q8_0X,
     .name = "Q8_0X",
     .blck = EW_QK,
     .bytes = sizeof(ew_block_q8_0x),
     .act = EW__ACT_Q8_0X,
     .dequant = dequant_q8_0x,
     .quant_act = ew__quant_q8_0x_ref},
    QT(Q8_1, EW_QK, sizeof(ew_block_q8_1), Q8_1, dequant_q8_1, ew__quant_q8_1_ref, NULL, NULL,
       KV_NONE),
    QT(Q4_K, EW_QK_K, sizeof(ew_block_q4_K), Q8_K, dequant_q4_K, NULL, dot_q4_K, gemm_q4_K,
       KV_NONE),
    QT(Q5_K, EW_QK_K, sizeof(ew_block_q5_K), Q8_K, dequant_q5_K, NULL, dot_q5_K, gemm_q5_K,
       KV_NONE),
    QT(Q6_K, EW_QK_K, sizeof(ew_block_q6_K), Q8_K, dequant_q6_K, NULL, dot_q6_K, gemm_q6_K,
       KV_NONE),
    QT(Q8_K, EW_QK_K, sizeof(ew_block_q8_K), Q8_K, dequant_q8_K, ew__quant_q8_K_ref, NULL, NULL,
       KV_NONE),
};
#undef QT
const int ew__n_qtypes_ref = (int)(sizeof ew__qtypes_ref / sizeof ew__qtypes_ref[0]);
