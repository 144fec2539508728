/* NEON kernels for ARMv8-A (baseline AdvSIMD, no dot-product extension, so
 * they run on every aarch64 core): Q8_0 activation quantization (identical
 * to the reference), the Q8_0, Q4_0, F16 and F32 dot products that dominate
 * common files, the k-quant ones (Q4_K, Q5_K, Q6_K: Q4_K_M files), and the
 * attention kernels. Other types keep their reference kernels. */
#include <arm_neon.h>

#include "local/quant.h"

static inline float f16(ew_f16 h)
{
    return ew__f16_to_f32(h);
}

/* Same arithmetic as the reference: scale 127/amax, round half to even. */
static void quant_q8_0(const float *x, void *vy, int64_t n)
{
    ew_block_q8_0 *y = vy;
    for (int64_t i = 0; i < n / EW_QK; i++, x += EW_QK) {
        float32x4_t v[8];
        float32x4_t m = vdupq_n_f32(0.0f);
        for (int k = 0; k < 8; k++) {
            v[k] = vld1q_f32(x + 4 * k);
            m = vmaxq_f32(m, vabsq_f32(v[k]));
        }
        float amax = vmaxvq_f32(m);
        float id = amax != 0.0f ? 127.f / amax : 0.0f;
        y[i].d = ew__f32_to_f16(amax / 127.f);
        for (int k = 0; k < 8; k += 2) {
            int32x4_t a = vcvtnq_s32_f32(vmulq_n_f32(v[k], id));
            int32x4_t b = vcvtnq_s32_f32(vmulq_n_f32(v[k + 1], id));
            int16x8_t h = vcombine_s16(vqmovn_s32(a), vqmovn_s32(b));
            vst1_s8(y[i].qs + 4 * k, vqmovn_s16(h));
        }
    }
}

/* Sum of 32 int8 products. */
static inline int32_t dot32(int8x16_t a0, int8x16_t a1, int8x16_t b0, int8x16_t b1)
{
    int32x4_t acc = vdupq_n_s32(0);
    acc = vpadalq_s16(acc, vmull_s8(vget_low_s8(a0), vget_low_s8(b0)));
    acc = vpadalq_s16(acc, vmull_s8(vget_high_s8(a0), vget_high_s8(b0)));
    acc = vpadalq_s16(acc, vmull_s8(vget_low_s8(a1), vget_low_s8(b1)));
    acc = vpadalq_s16(acc, vmull_s8(vget_high_s8(a1), vget_high_s8(b1)));
    return vaddvq_s32(acc);
}

static float dot_q8_0(int n, const void *vw, const void *va)
{
    const ew_block_q8_0 *w = vw, *a = va;
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        int32_t si = dot32(vld1q_s8(w[i].qs), vld1q_s8(w[i].qs + 16), vld1q_s8(a[i].qs),
                           vld1q_s8(a[i].qs + 16));
        s += (float)si * (f16(w[i].d) * f16(a[i].d));
    }
    return s;
}

static float dot_q4_0(int n, const void *vw, const void *va)
{
    const ew_block_q4_0 *w = vw;
    const ew_block_q8_0 *a = va;
    const uint8x16_t m4 = vdupq_n_u8(0x0F);
    const int8x16_t eight = vdupq_n_s8(8);
    float s = 0;
    for (int i = 0; i < n / EW_QK; i++) {
        uint8x16_t q = vld1q_u8(w[i].qs);
        int8x16_t lo = vsubq_s8(vreinterpretq_s8_u8(vandq_u8(q, m4)), eight);
        int8x16_t hi = vsubq_s8(vreinterpretq_s8_u8(vshrq_n_u8(q, 4)), eight);
        int32_t si = dot32(lo, hi, vld1q_s8(a[i].qs), vld1q_s8(a[i].qs + 16));
        s += (float)si * (f16(w[i].d) * f16(a[i].d));
    }
    return s;
}

static float dot_f32(int n, const void *vw, const void *va)
{
    const float *w = vw, *a = va;
    float32x4_t acc0 = vdupq_n_f32(0), acc1 = vdupq_n_f32(0);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        acc0 = vfmaq_f32(acc0, vld1q_f32(w + i), vld1q_f32(a + i));
        acc1 = vfmaq_f32(acc1, vld1q_f32(w + i + 4), vld1q_f32(a + i + 4));
    }
    float s = vaddvq_f32(vaddq_f32(acc0, acc1));
    for (; i < n; i++)
        s += w[i] * a[i];
    return s;
}

static inline float32x4_t load_f16x4(const ew_f16 *p)
{
    return vcvt_f32_f16(vreinterpret_f16_u16(vld1_u16(p)));
}

static float dot_f16(int n, const void *vw, const void *va)
{
    const ew_f16 *w = vw, *a = va;
    float32x4_t acc0 = vdupq_n_f32(0), acc1 = vdupq_n_f32(0);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        acc0 = vfmaq_f32(acc0, load_f16x4(w + i), load_f16x4(a + i));
        acc1 = vfmaq_f32(acc1, load_f16x4(w + i + 4), load_f16x4(a + i + 4));
    }
    float s = vaddvq_f32(vaddq_f32(acc0, acc1));
    for (; i < n; i++)
        s += f16(w[i]) * f16(a[i]);
    return s;
}

/* ---- k-quants x Q8_K: the reference's exact integer sums, then its float
 * step per super-block, so these equal it bit for bit ---------------------------- */

/* Sum of 16 int8 products. */
static inline int32_t dot16(int8x16_t a, int8x16_t b)
{
    int32x4_t acc = vpaddlq_s16(vmull_s8(vget_low_s8(a), vget_low_s8(b)));
    acc = vpadalq_s16(acc, vmull_s8(vget_high_s8(a), vget_high_s8(b)));
    return vaddvq_s32(acc);
}

static inline int8x16_t as_s8(uint8x16_t v)
{
    return vreinterpretq_s8_u8(v);
}

/* q4_K and q5_K: blocks `bytes` apart, quants at qs_off, fifth bits at
 * qh_off (q5_K) or none (0); d, dmin and the scales lead both layouts. */
static inline float dot_k4(int n, const void *vw, size_t bytes, size_t qs_off, size_t qh_off,
                           const ew_block_q8_K *a)
{
    const uint8x16_t m4 = vdupq_n_u8(0x0F), one = vdupq_n_u8(1);
    float s = 0;
    for (int i = 0; i < n / EW_QK_K; i++) {
        const char *blk = (const char *)vw + (size_t)i * bytes;
        const ew_block_q4_K *b = (const ew_block_q4_K *)(const void *)blk;
        const uint8_t *q = (const uint8_t *)blk + qs_off;
        const uint8_t *qh = (const uint8_t *)blk + qh_off;
        const int8_t *y = a[i].qs;
        int32_t isum = 0, imin = 0;
        for (int g = 0; g < 4; g++, q += 32, y += 64) {
            uint8_t sc0, m0, sc1, m1;
            ew__k4_scale_min(2 * g, b->scales, &sc0, &m0);
            ew__k4_scale_min(2 * g + 1, b->scales, &sc1, &m1);
            uint8x16_t q0 = vld1q_u8(q), q1 = vld1q_u8(q + 16);
            uint8x16_t l0 = vandq_u8(q0, m4), l1 = vandq_u8(q1, m4);
            uint8x16_t h0 = vshrq_n_u8(q0, 4), h1 = vshrq_n_u8(q1, 4);
            if (qh_off) {
                uint8x16_t b0 = vld1q_u8(qh), b1 = vld1q_u8(qh + 16);
                int8x16_t sl = vdupq_n_s8((int8_t)(-2 * g)), sh = vdupq_n_s8((int8_t)(-2 * g - 1));
                l0 = vorrq_u8(l0, vshlq_n_u8(vandq_u8(vshlq_u8(b0, sl), one), 4));
                l1 = vorrq_u8(l1, vshlq_n_u8(vandq_u8(vshlq_u8(b1, sl), one), 4));
                h0 = vorrq_u8(h0, vshlq_n_u8(vandq_u8(vshlq_u8(b0, sh), one), 4));
                h1 = vorrq_u8(h1, vshlq_n_u8(vandq_u8(vshlq_u8(b1, sh), one), 4));
            }
            int32_t s0 = dot16(as_s8(l0), vld1q_s8(y)) + dot16(as_s8(l1), vld1q_s8(y + 16));
            int32_t s1 = dot16(as_s8(h0), vld1q_s8(y + 32)) + dot16(as_s8(h1), vld1q_s8(y + 48));
            isum += sc0 * s0 + sc1 * s1;
            imin += m0 * (a[i].bsums[4 * g] + a[i].bsums[4 * g + 1]) +
                    m1 * (a[i].bsums[4 * g + 2] + a[i].bsums[4 * g + 3]);
        }
        s += f16(b->d) * a[i].d * (float)isum - f16(b->dmin) * a[i].d * (float)imin;
    }
    return s;
}

static float dot_q4_K(int n, const void *w, const void *a)
{
    return dot_k4(n, w, sizeof(ew_block_q4_K), offsetof(ew_block_q4_K, qs), 0, a);
}

static float dot_q5_K(int n, const void *w, const void *a)
{
    return dot_k4(n, w, sizeof(ew_block_q5_K), offsetof(ew_block_q5_K, qs),
                  offsetof(ew_block_q5_K, qh), a);
}

static float dot_q6_K(int n, const void *vw, const void *va)
{
    const ew_block_q6_K *w = vw;
    const ew_block_q8_K *a = va;
    const uint8x16_t m4 = vdupq_n_u8(0x0F), m3 = vdupq_n_u8(3);
    const int8x16_t off = vdupq_n_s8(32);
    float s = 0;
    for (int i = 0; i < n / EW_QK_K; i++) {
        int32_t isum = 0;
        for (int h = 0; h < 2; h++)
            for (int k = 0; k < 4; k++)
                for (int half = 0; half < 2; half++) {
                    /* elements 128h + 32k + 16half .. +15: sub-block 8h + 2k + half */
                    uint8x16_t lq = vld1q_u8(w[i].ql + 64 * h + 32 * (k & 1) + 16 * half);
                    uint8x16_t nib = (k >> 1) ? vshrq_n_u8(lq, 4) : vandq_u8(lq, m4);
                    uint8x16_t hq = vld1q_u8(w[i].qh + 32 * h + 16 * half);
                    uint8x16_t hb = vandq_u8(vshlq_u8(hq, vdupq_n_s8((int8_t)(-2 * k))), m3);
                    int8x16_t v = vsubq_s8(as_s8(vorrq_u8(nib, vshlq_n_u8(hb, 4))), off);
                    isum += w[i].scales[8 * h + 2 * k + half] *
                            dot16(v, vld1q_s8(a[i].qs + 128 * h + 32 * k + 16 * half));
                }
        s += f16(w[i].d) * a[i].d * (float)isum;
    }
    return s;
}

#define GEMM_BY_DOT(name)                                                                          \
    static void gemm_##name(int n, const void *w, size_t ws, int nr, const void *a, size_t as,     \
                            int nc, float *out, size_t os)                                         \
    {                                                                                              \
        ew__gemm_by_dot(dot_##name, n, w, ws, nr, a, as, nc, out, os);                             \
    }
GEMM_BY_DOT(q8_0)
GEMM_BY_DOT(q4_0)
GEMM_BY_DOT(f32)
GEMM_BY_DOT(f16)
GEMM_BY_DOT(q4_K)
GEMM_BY_DOT(q5_K)
GEMM_BY_DOT(q6_K)

/* Attention over the KV cache: the dot kernels per key; y stays in
 * registers 16 elements at a time while the rows stream by, scalar tail. */
#define KV_ROWS(name, T, LOAD, SCALAR)                                                             \
    static void dot_rows_##name(int n, const void *vx, size_t stride, int nr, const void *q,       \
                                float *out)                                                        \
    {                                                                                              \
        for (int j = 0; j < nr; j++)                                                               \
            out[j] = dot_##name(n, (const char *)vx + (size_t)j * stride, q);                      \
    }                                                                                              \
    static void axpy_rows_##name(int n, const float *a, const void *vx, size_t stride, int nr,     \
                                 float *y)                                                         \
    {                                                                                              \
        const char *x = vx;                                                                        \
        int i0 = 0;                                                                                \
        for (; i0 + 16 <= n; i0 += 16) {                                                           \
            float32x4_t yv[4];                                                                     \
            for (int c = 0; c < 4; c++)                                                            \
                yv[c] = vld1q_f32(y + i0 + 4 * c);                                                 \
            for (int j = 0; j < nr; j++) {                                                         \
                const T *xr = (const T *)(const void *)(x + (size_t)j * stride) + i0;              \
                for (int c = 0; c < 4; c++)                                                        \
                    yv[c] = vfmaq_n_f32(yv[c], LOAD(xr + 4 * c), a[j]);                            \
            }                                                                                      \
            for (int c = 0; c < 4; c++)                                                            \
                vst1q_f32(y + i0 + 4 * c, yv[c]);                                                  \
        }                                                                                          \
        for (int j = 0; j < nr && i0 < n; j++) {                                                   \
            const T *xr = (const T *)(const void *)(x + (size_t)j * stride);                       \
            for (int i = i0; i < n; i++)                                                           \
                y[i] += a[j] * SCALAR(xr[i]);                                                      \
        }                                                                                          \
    }

static inline float f32_id(float x)
{
    return x;
}

KV_ROWS(f32, float, vld1q_f32, f32_id)
KV_ROWS(f16, ew_f16, load_f16x4, f16)

void ew__quant_patch_neon(ew__qtype *t, int n)
{
    for (int i = 0; i < n; i++) {
        ew__qtype *q = &t[i];
        switch (q->type) {
        case EW_GGML_F32:
            q->dot = dot_f32;
            q->gemm = gemm_f32;
            q->dot_rows = dot_rows_f32;
            q->axpy_rows = axpy_rows_f32;
            break;
        case EW_GGML_F16:
            q->dot = dot_f16;
            q->gemm = gemm_f16;
            q->dot_rows = dot_rows_f16;
            q->axpy_rows = axpy_rows_f16;
            break;
        case EW_GGML_Q8_0:
            q->dot = dot_q8_0;
            q->gemm = gemm_q8_0;
            q->quant_act = quant_q8_0;
            break;
        case EW_GGML_Q4_K:
            q->dot = dot_q4_K;
            q->gemm = gemm_q4_K;
            break;
        case EW_GGML_Q5_K:
            q->dot = dot_q5_K;
            q->gemm = gemm_q5_K;
            break;
        case EW_GGML_Q6_K:
            q->dot = dot_q6_K;
            q->gemm = gemm_q6_K;
            break;
        case EW_GGML_Q4_0:
            q->dot = dot_q4_0;
            q->gemm = gemm_q4_0;
            break;
        default:
            break;
        }
    }
}
