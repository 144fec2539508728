/* Weight quantization: float rows to the GGUF block formats, following the
 * published reference schemes of each format (round-to-scale for the legacy
 * quants; a weighted least-squares search of scale and min per sub-block for
 * the k-quants). Used by `edgeway quantize`, `edgeway synth` and tests. */
#include <float.h>
#include <math.h>

#include "local/quant.h"

#define ALL_ZERO_EPS 1e-15f

static inline int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The element of largest magnitude, with its sign. */
static float signed_absmax(const float *x, int n)
{
    float amax = 0, max = 0;
    for (int j = 0; j < n; j++)
        if (fabsf(x[j]) > amax) {
            amax = fabsf(x[j]);
            max = x[j];
        }
    return max;
}

static void make_q8_0(const float *x, ew_block_q8_0 *y, int64_t nb)
{
    for (int64_t i = 0; i < nb; i++, x += EW_QK) {
        float amax = 0;
        for (int j = 0; j < EW_QK; j++)
            amax = fmaxf(amax, fabsf(x[j]));
        float d = amax / 127.f, id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = ew__f32_to_f16(d);
        for (int j = 0; j < EW_QK; j++)
            y[i].qs[j] = (int8_t)roundf(x[j] * id);
    }
}

/* Symmetric 4/5-bit: the extreme element maps to -2^(bits-1). */
static void make_q4_0(const float *x, ew_block_q4_0 *y, int64_t nb)
{
    for (int64_t i = 0; i < nb; i++, x += EW_QK) {
        float d = signed_absmax(x, EW_QK) / -8, id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = ew__f32_to_f16(d);
        for (int j = 0; j < EW_QK / 2; j++) {
            int a = clampi((int)(x[j] * id + 8.5f), 0, 15);
            int b = clampi((int)(x[j + EW_QK / 2] * id + 8.5f), 0, 15);
            y[i].qs[j] = (uint8_t)(a | (b << 4));
        }
    }
}

static void make_q5_0(const float *x, ew_block_q5_0 *y, int64_t nb)
{
    for (int64_t i = 0; i < nb; i++, x += EW_QK) {
        float d = signed_absmax(x, EW_QK) / -16, id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = ew__f32_to_f16(d);
        uint32_t qh = 0;
        for (int j = 0; j < EW_QK / 2; j++) {
            int a = clampi((int)(x[j] * id + 16.5f), 0, 31);
            int b = clampi((int)(x[j + EW_QK / 2] * id + 16.5f), 0, 31);
            y[i].qs[j] = (uint8_t)((a & 0xF) | ((b & 0xF) << 4));
            qh |= (uint32_t)(a >> 4) << j;
            qh |= (uint32_t)(b >> 4) << (j + EW_QK / 2);
        }
        memcpy(y[i].qh, &qh, 4);
    }
}

/* Asymmetric 4/5-bit: value = q*d + min over [min, max]. */
static void minmax(const float *x, int n, float *mn, float *mx)
{
    *mn = FLT_MAX;
    *mx = -FLT_MAX;
    for (int j = 0; j < n; j++) {
        *mn = fminf(*mn, x[j]);
        *mx = fmaxf(*mx, x[j]);
    }
}

static void make_q4_1(const float *x, ew_block_q4_1 *y, int64_t nb)
{
    for (int64_t i = 0; i < nb; i++, x += EW_QK) {
        float mn, mx;
        minmax(x, EW_QK, &mn, &mx);
        float d = (mx - mn) / 15, id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = ew__f32_to_f16(d);
        y[i].m = ew__f32_to_f16(mn);
        for (int j = 0; j < EW_QK / 2; j++) {
            int a = clampi((int)((x[j] - mn) * id + 0.5f), 0, 15);
            int b = clampi((int)((x[j + EW_QK / 2] - mn) * id + 0.5f), 0, 15);
            y[i].qs[j] = (uint8_t)(a | (b << 4));
        }
    }
}

static void make_q5_1(const float *x, ew_block_q5_1 *y, int64_t nb)
{
    for (int64_t i = 0; i < nb; i++, x += EW_QK) {
        float mn, mx;
        minmax(x, EW_QK, &mn, &mx);
        float d = (mx - mn) / 31, id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = ew__f32_to_f16(d);
        y[i].m = ew__f32_to_f16(mn);
        uint32_t qh = 0;
        for (int j = 0; j < EW_QK / 2; j++) {
            int a = clampi((int)((x[j] - mn) * id + 0.5f), 0, 31);
            int b = clampi((int)((x[j + EW_QK / 2] - mn) * id + 0.5f), 0, 31);
            y[i].qs[j] = (uint8_t)((a & 0xF) | ((b & 0xF) << 4));
            qh |= (uint32_t)(a >> 4) << j;
            qh |= (uint32_t)(b >> 4) << (j + EW_QK / 2);
        }
        memcpy(y[i].qh, &qh, 4);
    }
}

/* Fits x ~ scale*L + min (min <= 0, 0 <= L <= nmax) minimizing the weighted
 * squared error: starts from the min/max grid, then tries nstep+1 slightly
 * different grid widths and solves the 2x2 least-squares system for each.
 * Returns the scale; *neg_min receives -min. */
static float fit_scale_min(int n, int nmax, const float *x, const float *w, uint8_t *L,
                           float *neg_min, float rmin, float rdelta, int nstep)
{
    float mn = x[0], mx = x[0], sw = 0, sx = 0;
    for (int i = 0; i < n; i++) {
        mn = fminf(mn, x[i]);
        mx = fmaxf(mx, x[i]);
        sw += w[i];
        sx += w[i] * x[i];
    }
    if (mn > 0) mn = 0;
    if (mx == mn) {
        memset(L, 0, (size_t)n);
        *neg_min = -mn;
        return 0.f;
    }
    float iscale = nmax / (mx - mn), scale = 1 / iscale, best = 0;
    for (int i = 0; i < n; i++) {
        L[i] = (uint8_t)clampi(ew__nearest_int(iscale * (x[i] - mn)), 0, nmax);
        float diff = scale * L[i] + mn - x[i];
        best += w[i] * diff * diff;
    }
    uint8_t trial[32];
    for (int is = 0; is <= nstep; is++) {
        iscale = (rmin + rdelta * is + nmax) / (mx - mn);
        float sl = 0, sl2 = 0, sxl = 0;
        for (int i = 0; i < n; i++) {
            int l = clampi(ew__nearest_int(iscale * (x[i] - mn)), 0, nmax);
            trial[i] = (uint8_t)l;
            sl += w[i] * l;
            sl2 += w[i] * l * l;
            sxl += w[i] * l * x[i];
        }
        float det = sw * sl2 - sl * sl;
        if (det <= 0) continue;
        float s = (sw * sxl - sx * sl) / det;
        float m = (sl2 * sx - sl * sxl) / det;
        if (m > 0) {
            m = 0;
            s = sxl / sl2;
        }
        float err = 0;
        for (int i = 0; i < n; i++) {
            float diff = s * trial[i] + m - x[i];
            err += w[i] * diff * diff;
        }
        if (err < best) {
            memcpy(L, trial, (size_t)n);
            best = err;
            scale = s;
            mn = m;
        }
    }
    *neg_min = -mn;
    return scale;
}

/* Packs 8 six-bit scales and mins into the 12-byte q4_K/q5_K layout. */
static void pack_k4_scales(const uint8_t *ls, const uint8_t *lm, uint8_t *out)
{
    memset(out, 0, EW_K_SCALE_SIZE);
    for (int j = 0; j < 8; j++) {
        if (j < 4) {
            out[j] = ls[j];
            out[j + 4] = lm[j];
        } else {
            out[j + 4] = (uint8_t)((ls[j] & 0xF) | ((lm[j] & 0xF) << 4));
            out[j - 4] |= (uint8_t)((ls[j] >> 4) << 6);
            out[j] |= (uint8_t)((lm[j] >> 4) << 6);
        }
    }
}

/* Shared by q4_K (nmax 15) and q5_K (nmax 31): fits each 32-element sub-block,
 * stores the 6-bit scales/mins relative to the largest, then requantizes
 * every element against the stored (rounded) scale and min. */
static void make_k_scaled(const float *x, int nmax, float rmin, int nstep, ew_f16 *d_out,
                          ew_f16 *dmin_out, uint8_t *scales_out, uint8_t *L)
{
    float scales[8], mins[8], w[32], max_scale = 0, max_min = 0;
    for (int j = 0; j < 8; j++) {
        const float *xs = x + 32 * j;
        float sx2 = 0;
        for (int l = 0; l < 32; l++)
            sx2 += xs[l] * xs[l];
        float av = sqrtf(sx2 / 32);
        for (int l = 0; l < 32; l++)
            w[l] = av + fabsf(xs[l]);
        scales[j] = fit_scale_min(32, nmax, xs, w, L + 32 * j, &mins[j], rmin, 0.1f, nstep);
        max_scale = fmaxf(max_scale, scales[j]);
        max_min = fmaxf(max_min, mins[j]);
    }
    float inv_s = max_scale > 0 ? 63.f / max_scale : 0.f;
    float inv_m = max_min > 0 ? 63.f / max_min : 0.f;
    uint8_t ls[8], lm[8];
    for (int j = 0; j < 8; j++) {
        ls[j] = (uint8_t)clampi(ew__nearest_int(inv_s * scales[j]), 0, 63);
        lm[j] = (uint8_t)clampi(ew__nearest_int(inv_m * mins[j]), 0, 63);
    }
    pack_k4_scales(ls, lm, scales_out);
    *d_out = ew__f32_to_f16(max_scale / 63.f);
    *dmin_out = ew__f32_to_f16(max_min / 63.f);
    float d = ew__f16_to_f32(*d_out), dmin = ew__f16_to_f32(*dmin_out);
    for (int j = 0; j < 8; j++) {
        float ds = d * ls[j];
        if (ds == 0.f) continue;
        float dm = dmin * lm[j];
        for (int l = 0; l < 32; l++)
            L[32 * j + l] = (uint8_t)clampi(ew__nearest_int((x[32 * j + l] + dm) / ds), 0, nmax);
    }
}

static void make_q4_K(const float *x, ew_block_q4_K *y, int64_t nb)
{
    uint8_t L[EW_QK_K];
    for (int64_t i = 0; i < nb; i++, x += EW_QK_K) {
        make_k_scaled(x, 15, -1.f, 20, &y[i].d, &y[i].dmin, y[i].scales, L);
        for (int g = 0; g < 4; g++)
            for (int l = 0; l < 32; l++)
                y[i].qs[32 * g + l] = (uint8_t)(L[64 * g + l] | (L[64 * g + 32 + l] << 4));
    }
}

static void make_q5_K(const float *x, ew_block_q5_K *y, int64_t nb)
{
    uint8_t L[EW_QK_K];
    for (int64_t i = 0; i < nb; i++, x += EW_QK_K) {
        make_k_scaled(x, 31, -0.5f, 15, &y[i].d, &y[i].dmin, y[i].scales, L);
        memset(y[i].qh, 0, sizeof y[i].qh);
        for (int g = 0; g < 4; g++)
            for (int l = 0; l < 32; l++) {
                int a = L[64 * g + l], b = L[64 * g + 32 + l];
                y[i].qs[32 * g + l] = (uint8_t)((a & 0xF) | ((b & 0xF) << 4));
                y[i].qh[l] |= (uint8_t)(((a >> 4) << (2 * g)) | ((b >> 4) << (2 * g + 1)));
            }
    }
}

/* Symmetric fit of 16 values to [-nmax, nmax-1] with weights x^2: tries the
 * plain absmax grid first, then 18 nearby grid widths, keeping the one whose
 * least-squares scale explains most of the signal (largest slx^2/sl2). */
static float fit_symmetric(int n, int nmax, const float *x, int8_t *L)
{
    float max = signed_absmax(x, n);
    if (fabsf(max) < ALL_ZERO_EPS) {
        memset(L, 0, (size_t)n);
        return 0.f;
    }
    float best_scale = 0, best = -1;
    int8_t trial[16];
    for (int k = 0; k < 19; k++) {
        int is = k == 0 ? 0 : k <= 9 ? k - 10 : k - 9;
        float iscale = -(nmax + 0.1f * is) / max;
        float slx = 0, sl2 = 0;
        for (int i = 0; i < n; i++) {
            int l = clampi(ew__nearest_int(iscale * x[i]), -nmax, nmax - 1);
            trial[i] = (int8_t)(l + nmax);
            float w = x[i] * x[i];
            slx += w * x[i] * l;
            sl2 += w * l * l;
        }
        if (sl2 <= 0) continue;
        if (best < 0 || slx * slx > best * sl2) {
            best_scale = slx / sl2;
            best = best_scale * slx;
            memcpy(L, trial, (size_t)n);
        }
    }
    return best_scale;
}

static void make_q6_K(const float *x, ew_block_q6_K *y, int64_t nb)
{
    int8_t L[EW_QK_K];
    float scales[EW_QK_K / 16];
    for (int64_t i = 0; i < nb; i++, x += EW_QK_K) {
        float max_scale = 0, max_abs = 0;
        for (int g = 0; g < EW_QK_K / 16; g++) {
            scales[g] = fit_symmetric(16, 32, x + 16 * g, L + 16 * g);
            if (fabsf(scales[g]) > max_abs) {
                max_abs = fabsf(scales[g]);
                max_scale = scales[g];
            }
        }
        memset(&y[i], 0, sizeof y[i]);
        if (max_abs < ALL_ZERO_EPS) continue;
        float iscale = -128.f / max_scale;
        y[i].d = ew__f32_to_f16(1 / iscale);
        for (int g = 0; g < EW_QK_K / 16; g++)
            y[i].scales[g] = (int8_t)clampi(ew__nearest_int(iscale * scales[g]), -128, 127);
        float d = ew__f16_to_f32(y[i].d);
        for (int g = 0; g < EW_QK_K / 16; g++) {
            float ds = d * y[i].scales[g];
            if (ds == 0.f) continue;
            for (int l = 0; l < 16; l++)
                L[16 * g + l] = (int8_t)(clampi(ew__nearest_int(x[16 * g + l] / ds), -32, 31) + 32);
        }
        for (int h = 0; h < 2; h++) {
            const int8_t *Lh = L + 128 * h;
            for (int l = 0; l < 32; l++) {
                y[i].ql[64 * h + l] = (uint8_t)((Lh[l] & 0xF) | ((Lh[l + 64] & 0xF) << 4));
                y[i].ql[64 * h + 32 + l] =
                    (uint8_t)((Lh[l + 32] & 0xF) | ((Lh[l + 96] & 0xF) << 4));
                y[i].qh[32 * h + l] =
                    (uint8_t)((Lh[l] >> 4) | ((Lh[l + 32] >> 4) << 2) | ((Lh[l + 64] >> 4) << 4) |
                              ((Lh[l + 96] >> 4) << 6));
            }
        }
    }
}

int ew__quantize_row(uint32_t type, const float *x, void *y, int64_t n)
{
    const ew__qtype *t = ew__qtype_get(type, EW_ISA_REF);
    if (!t || n % t->blck) return EW_ERR_UNSUPPORTED;
    int64_t nb = n / t->blck;
    switch (type) {
    case EW_GGML_F32:
        ew__quant_f32_ref(x, y, n);
        break;
    case EW_GGML_F16:
        ew__quant_f16_ref(x, y, n);
        break;
    case EW_GGML_BF16:
        ew__quant_bf16_ref(x, y, n);
        break;
    case EW_GGML_Q4_0:
        make_q4_0(x, y, nb);
        break;
    case EW_GGML_Q4_1:
        make_q4_1(x, y, nb);
        break;
    case EW_GGML_Q5_0:
        make_q5_0(x, y, nb);
        break;
    case EW_GGML_Q5_1:
        make_q5_1(x, y, nb);
        break;
    case EW_GGML_Q8_0:
        make_q8_0(x, y, nb);
        break;
    case EW_GGML_Q4_K:
        make_q4_K(x, y, nb);
        break;
    case EW_GGML_Q5_K:
        make_q5_K(x, y, nb);
        break;
    case EW_GGML_Q6_K:
        make_q6_K(x, y, nb);
        break;
    default:
        return EW_ERR_UNSUPPORTED;
    }
    return EW_OK;
}
