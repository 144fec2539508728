/* AVX-512 VNNI kernels for the legacy quants (Q8_0, Q4_0, Q5_0) against Q8_0X
 * activations.
 *
 * Every output is the reference's arithmetic: the exact integer dot of each
 * 32-block, then in block order s += (float)isum * (dw * da). So the kernels
 * equal the scalar reference bit for bit, and a token gives the same logits
 * alone or in a batch.
 *
 * One int32 lane per weight row: a vector holds 16 rows. Weights enter
 * vpdpbusd's unsigned operand as u = w + o (o = 128, 8, 16), activations its
 * signed one, and each block sum starts at -o * sum(a), which Q8_0X stores.
 *  - Many columns (prompt batches): a chunk of 16 rows x CHUNK blocks is
 *    repacked once into "row-interleaved" vectors (lane r holds four bytes of
 *    row r), then every column streams over it with one vpdpbusd per four
 *    elements and a broadcast activation dword: 16 rows x NCOL columns per
 *    step, a float multiply-add per block per 16 outputs.
 *  - Few columns (generation): two rows' blocks per vector against the
 *    activation block twice; 8 vectors for 16 rows are folded into one by a
 *    transpose-add tree. No repacking: the weights stream from memory once. */
#include "local/quant_avx512.h"

#define GROUP      16 /* weight rows per vector */
#define CHUNK      32 /* blocks per repacked chunk: 32 * (8 + 1) * 64 B = 18 KiB */
#define NCOL       8  /* activation columns per pass over a chunk */
#define MIN_TILED  6  /* fewer columns than this: no repacking */
#define BLOCK_VECS 9  /* vectors per repacked block: 8 of quants, the row scales */

enum { LQ8_0, LQ4_0, LQ5_0 };

static inline size_t wbytes(int T)
{
    return T == LQ8_0   ? sizeof(ew_block_q8_0)
           : T == LQ4_0 ? sizeof(ew_block_q4_0)
                        : sizeof(ew_block_q5_0);
}

/* log2 of the offset that makes a weight unsigned */
static inline int wshift(int T)
{
    return T == LQ8_0 ? 7 : T == LQ4_0 ? 3 : 4;
}

/* ---- activations ------------------------------------------------------------------ */

/* Bit-identical to ew__quant_q8_0x_ref (and to Q8_0 in values and scale). */
static void quant_q8_0x(const float *x, void *vy, int64_t n)
{
    ew_block_q8_0x *y = vy;
    for (int64_t i = 0; i < n / EW_QK; i++)
        y[i].d = _cvtsh_ss(ew__f32_to_f16(q8_block(x + i * EW_QK, y[i].qs, &y[i].sum)));
}

/* ---- weights, natural layout -------------------------------------------------------- */

/* One block (starting at b) as 32 unsigned bytes u = w + o. */
static inline __attribute__((always_inline)) __m256i unpack_block(int T, const char *b)
{
    const uint8_t *p = (const uint8_t *)b;
    if (T == LQ8_0)
        return _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(p + 2)),
                                _mm256_set1_epi8((char)0x80));
    if (T == LQ4_0) return nibbles32(p + 2);
    return _mm256_or_si256(nibbles32(p + 6), fifth_bits(p + 2));
}

/* Scales of block i of the 16 rows at base + off[r], as floats. */
static inline __m512 row_scales(__m512i off, const char *base)
{
    __m512i g = _mm512_i32gather_epi32(off, (const void *)base, 1);
    return _mm512_cvtph_ps(_mm512_cvtepi32_epi16(g));
}

/* Exact block sums s[r] = sum(w_r * a) of one block of 16 rows (rp: row
 * pointers at the block), before the offset correction. */
static inline __attribute__((always_inline)) __m512i block_sums16(int T, const char *const *rp,
                                                                  size_t boff, __m512i av)
{
    __m512i p[8];
#pragma GCC unroll 8
    for (int j = 0; j < 8; j++) {
        __m256i lo = unpack_block(T, rp[2 * j] + boff), hi = unpack_block(T, rp[2 * j + 1] + boff);
        __m512i u = _mm512_inserti64x4(_mm512_castsi256_si512(lo), hi, 1);
        p[j] = _mm512_dpbusd_epi32(_mm512_setzero_si512(), u, av);
    }
    return fold8(p);
}

/* out[r] for the R (<= 16) rows at w, one activation row. */
static inline __attribute__((always_inline)) void
matvec16(int T, int nb, const char *w, size_t ws, int R, const ew_block_q8_0x *a, float *out)
{
    const char *rp[GROUP];
    __m512i off = rows16(w, ws, R, rp);
    const size_t wb = wbytes(T);
    const int sh = wshift(T);
    __m512 acc = _mm512_setzero_ps();
    for (int i = 0; i < nb; i++) {
        prefetch16(w, ws, nb, i);
        __m512i av = _mm512_broadcast_i64x4(_mm256_loadu_si256((const __m256i *)a[i].qs));
        __m512i s = block_sums16(T, rp, (size_t)i * wb, av);
        s = _mm512_sub_epi32(s, _mm512_set1_epi32(a[i].sum * (1 << sh)));
        __m512 dd = _mm512_mul_ps(row_scales(off, w + (size_t)i * wb), _mm512_set1_ps(a[i].d));
        acc = _mm512_add_ps(acc, _mm512_mul_ps(_mm512_cvtepi32_ps(s), dd));
    }
    _mm512_mask_storeu_ps(out, (__mmask16)((1u << R) - 1), acc);
}

/* ---- weights, repacked -------------------------------------------------------------- */

/* Spreads the low 4 bits of each lane to bit 4 of its four bytes (the fifth
 * bits of four q5_0 elements). */
static inline __m512i spread4(__m512i x)
{
    __m512i m = _mm512_mullo_epi32(_mm512_and_si512(x, _mm512_set1_epi32(0xF)),
                                   _mm512_set1_epi32(0x00204081));
    return _mm512_slli_epi32(_mm512_and_si512(m, _mm512_set1_epi32(0x01010101)), 4);
}

/* Blocks [k0, k0 + kc) of 16 rows (at w + off[r]) into buf: per block, 8
 * vectors whose lane r holds elements 4k..4k+3 of row r (unsigned), then the
 * 16 row scales. */
static inline __attribute__((always_inline)) void repack(int T, const char *w, __m512i off, int k0,
                                                         int kc, __m512i *buf)
{
    const size_t wb = wbytes(T);
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    for (int i = 0; i < kc; i++, buf += BLOCK_VECS) {
        const char *b = w + (size_t)(k0 + i) * wb;
        if (T == LQ8_0) {
            for (int k = 0; k < 8; k++)
                buf[k] =
                    _mm512_xor_si512(_mm512_i32gather_epi32(off, (const void *)(b + 2 + 4 * k), 1),
                                     _mm512_set1_epi8((char)0x80));
        } else {
            const char *qs = b + (T == LQ4_0 ? 2 : 6);
            __m512i qh = T == LQ5_0 ? _mm512_i32gather_epi32(off, (const void *)(b + 2), 1)
                                    : _mm512_setzero_si512();
            for (int j = 0; j < 4; j++) {
                __m512i g = _mm512_i32gather_epi32(off, (const void *)(qs + 4 * j), 1);
                __m512i lo = _mm512_and_si512(g, m4);
                __m512i hi = _mm512_and_si512(_mm512_srli_epi32(g, 4), m4);
                if (T == LQ5_0) {
                    lo = _mm512_or_si512(lo, spread4(_mm512_srli_epi32(qh, 4 * j)));
                    hi = _mm512_or_si512(hi, spread4(_mm512_srli_epi32(qh, 16 + 4 * j)));
                }
                buf[j] = lo;
                buf[j + 4] = hi;
            }
        }
        buf[8] = _mm512_castps_si512(row_scales(off, b));
    }
}

/* C (<= NCOL) columns over kc repacked blocks, continuing the sums in out
 * (16 rows wide, masked) unless first. */
static inline __attribute__((always_inline)) void tile(int T, const __m512i *buf, int kc,
                                                       const ew_block_q8_0x *const *ac, int C,
                                                       float *out, size_t os, __mmask16 mask,
                                                       int first)
{
    const int sh = wshift(T);
    __m512 acc[NCOL];
    for (int c = 0; c < C; c++)
        acc[c] = first ? _mm512_setzero_ps() : _mm512_maskz_loadu_ps(mask, out + (size_t)c * os);
    for (int i = 0; i < kc; i++, buf += BLOCK_VECS) {
        __m512i s[NCOL];
        for (int c = 0; c < C; c++)
            s[c] = _mm512_set1_epi32(-ac[c][i].sum * (1 << sh));
#pragma GCC unroll 8
        for (int k = 0; k < 8; k++) {
            __m512i u = _mm512_load_si512((const void *)(buf + k));
            for (int c = 0; c < C; c++) {
                int32_t q;
                memcpy(&q, ac[c][i].qs + 4 * k, 4);
                s[c] = _mm512_dpbusd_epi32(s[c], u, _mm512_set1_epi32(q));
            }
        }
        __m512 dw = _mm512_castsi512_ps(_mm512_load_si512((const void *)(buf + 8)));
        for (int c = 0; c < C; c++) {
            __m512 dd = _mm512_mul_ps(dw, _mm512_set1_ps(ac[c][i].d));
            acc[c] = _mm512_add_ps(acc[c], _mm512_mul_ps(_mm512_cvtepi32_ps(s[c]), dd));
        }
    }
    for (int c = 0; c < C; c++)
        _mm512_mask_storeu_ps(out + (size_t)c * os, mask, acc[c]);
}

/* the driver's remaining parameters */
#define BLOCK_ELEMS EW_QK
typedef ew_block_q8_0x act_block;
#include "local/quant_vnni_gemm.h"

VNNI_KERNELS(q8_0, LQ8_0)
VNNI_KERNELS(q4_0, LQ4_0)
VNNI_KERNELS(q5_0, LQ5_0)

void ew__quant_patch_legacy_vnni(ew__qtype *t, int n)
{
    for (int i = 0; i < n; i++) {
        ew__qtype *q = &t[i];
        switch (q->type) {
#define SET(name) (q->dot = dot_##name, q->gemm = gemm_##name, q->act = EW__ACT_Q8_0X)
        case EW_GGML_Q8_0:
            SET(q8_0);
            break;
        case EW_GGML_Q4_0:
            SET(q4_0);
            break;
        case EW_GGML_Q5_0:
            SET(q5_0);
            break;
#undef SET
        case EW__ACT_Q8_0X:
            q->quant_act = quant_q8_0x;
            break;
        default:
            break;
        }
    }
}
