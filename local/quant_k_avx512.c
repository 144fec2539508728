/* AVX-512 VNNI kernels for the k-quants (Q4_K, Q5_K, Q6_K) against Q8_K
 * activations, built like the legacy ones (quant_legacy_avx512.c).
 *
 * Every output is the reference's arithmetic: per super-block the exact
 * integer sums isum (quants times activations, times the sub-block scales)
 * and imin (mins times activation sums; for Q6_K the +32 offset term), then
 * in super-block order s += d * da * isum - dmin * da * imin with the same
 * float operations as quant_ref.c. So the kernels equal the scalar reference
 * bit for bit, and a token gives the same logits alone or in a batch.
 *
 * One int32 lane per weight row: a vector holds 16 rows.
 *  - Many columns (prompt batches): a chunk of 16 rows x CHUNK super-blocks
 *    is repacked once into row-interleaved vectors (lane r holds four
 *    unsigned quants of row r, plus per-row scale, min and d vectors), then
 *    every column streams over it with one vpdpbusd per four elements and a
 *    broadcast activation dword, one vpmulld per sub-block for its scale.
 *  - Few columns (generation): two rows' super-blocks per vector (one per
 *    256-bit half) against the activation units broadcast to both halves,
 *    from the natural layout (no repacking: the weights stream from memory
 *    once); the 8 pair vectors of 16 rows are folded into one by a
 *    transpose-add tree. */
#include "local/quant_avx512.h"

#define GROUP     16 /* weight rows per vector */
#define CHUNK     4  /* super-blocks per repacked chunk: 4 * 90 * 64 B = 22.5 KiB */
#define NCOL      8  /* activation columns per pass over a chunk */
#define MIN_TILED 4  /* fewer columns than this: no repacking */

enum { KQ4, KQ5, KQ6 };

/* Repacked super-block: the vectors' roles. */
enum {
    V_Q = 0,     /* 64: quants of 32-element unit b, dword k at b * 8 + k */
    V_SC = 64,   /* 16: sub-block scales, int32 (8 for Q4_K/Q5_K) */
    V_PAIR = 80, /* 8: int16 pairs for the bsums dwords (mins, or Q6_K's scales) */
    V_D = 88,    /* d as float */
    V_DMIN = 89, /* dmin as float (Q4_K, Q5_K) */
    V_N = 90
};

static inline size_t kbytes(int T)
{
    return T == KQ4   ? sizeof(ew_block_q4_K)
           : T == KQ5 ? sizeof(ew_block_q5_K)
                      : sizeof(ew_block_q6_K);
}

/* One step of the reference's super-block sum, lane-wise. */
static inline __m512 k_step(__m512 acc, __m512 d, __m512 dmin, float da, __m512i isum, __m512i imin,
                            int T)
{
    __m512 dav = _mm512_set1_ps(da);
    __m512 t = _mm512_mul_ps(_mm512_mul_ps(d, dav), _mm512_cvtepi32_ps(isum));
    if (T != KQ6)
        t = _mm512_sub_ps(t, _mm512_mul_ps(_mm512_mul_ps(dmin, dav), _mm512_cvtepi32_ps(imin)));
    return _mm512_add_ps(acc, t);
}

/* ---- weights, natural layout: two rows' super-blocks per vector ---------------------- */

/* The activation super-block as the pair kernels read it: each 32-element
 * unit and the 16 bsums broadcast to both 256-bit halves. */
typedef struct act_bc {
    __m512i u[8];
    __m512i bsums;
} act_bc;

static inline void act_broadcast(const ew_block_q8_K *a, act_bc *ab)
{
    for (int u = 0; u < 8; u++)
        ab->u[u] = _mm512_broadcast_i64x4(_mm256_loadu_si256((const __m256i *)(a->qs + 32 * u)));
    ab->bsums = _mm512_broadcast_i64x4(_mm256_loadu_si256((const __m256i *)a->bsums));
}

/* Scaled sum of one 32-element unit of two rows: u holds the rows' quants
 * in its halves; four products per lane stay within int16
 * (63 * 127 * 4 < 2^15), so dpwssd scales them exactly. */
static inline __m512i unit_acc(__m512i acc, __m512i u, __m512i a, __m512i scale16)
{
    return _mm512_dpwssd_epi32(acc, _mm512_dpbusd_epi32(_mm512_setzero_si512(), u, a), scale16);
}

/* Lane sums of the super-blocks of two rows (b0 in lanes 0..7, b1 in
 * 8..15): the scaled quant products in *p and the min (Q6_K: offset)
 * products in *m, both exact; per row their lane totals are the
 * reference's isum and imin (for Q6_K: isum + 32 * imin). */
static inline __attribute__((always_inline)) void
pair_sums(int T, const char *b0, const char *b1, const act_bc *ab, __m512i *p, __m512i *m)
{
    const __m512i m0f = _mm512_set1_epi8(0x0F);
    __m512i acc = _mm512_setzero_si512();
    if (T == KQ6) {
        const ew_block_q6_K *x0 = (const ew_block_q6_K *)(const void *)b0;
        const ew_block_q6_K *x1 = (const ew_block_q6_K *)(const void *)b1;
        /* int16 scales: lanes 0..15 row 0, 16..31 row 1 */
        __m512i s16 = _mm512_cvtepi8_epi16(_mm256_inserti128_si256(
            _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)x0->scales)),
            _mm_loadu_si128((const __m128i *)x1->scales), 1));
        *m = _mm512_madd_epi16(ab->bsums, s16);
        const __m512i m3 = _mm512_set1_epi8(3);
        for (int h = 0; h < 2; h++) {
            __m512i l0 = load2x256(x0->ql + 64 * h, x1->ql + 64 * h);
            __m512i l1 = load2x256(x0->ql + 64 * h + 32, x1->ql + 64 * h + 32);
            __m512i qh = load2x256(x0->qh + 32 * h, x1->qh + 32 * h);
            for (int k = 0; k < 4; k++) {
                __m512i l = (k & 1) ? l1 : l0;
                __m512i nib = (k >> 1) ? _mm512_and_si512(_mm512_srli_epi16(l, 4), m0f)
                                       : _mm512_and_si512(l, m0f);
                __m512i hb = _mm512_and_si512(_mm512_srli_epi16(qh, 2 * k), m3);
                __m512i e = _mm512_or_si512(nib, _mm512_slli_epi16(hb, 4));
                /* int32 lanes 0..3: scale 2u of row 0, 4..7: 2u+1; 8..15 row 1;
                 * the scale in the low int16, zero in the high one */
                int u = 4 * h + k;
                __m512i idx = _mm512_add_epi16(_mm512_set_epi16(0, 17, 0, 17, 0, 17, 0, 17, 0, 16,
                                                                0, 16, 0, 16, 0, 16, 0, 1, 0, 1, 0,
                                                                1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
                                               _mm512_set1_epi16((short)(2 * u)));
                __m512i sc = _mm512_maskz_permutexvar_epi16(0x55555555u, idx, s16);
                acc = unit_acc(acc, e, ab->u[u], sc);
            }
        }
    } else {
        const ew_block_q4_K *x0 = (const ew_block_q4_K *)(const void *)b0;
        const ew_block_q4_K *x1 = (const ew_block_q4_K *)(const void *)b1;
        const ew_block_q5_K *y0 = (const ew_block_q5_K *)(const void *)b0;
        const ew_block_q5_K *y1 = (const ew_block_q5_K *)(const void *)b1;
        const uint8_t *qs0 = T == KQ4 ? x0->qs : y0->qs, *qs1 = T == KQ4 ? x1->qs : y1->qs;
        uint32_t sc0[2], mn0[2], sc1[2], mn1[2];
        k4_unpack(x0->scales, sc0, mn0); /* same offset in both layouts */
        k4_unpack(x1->scales, sc1, mn1);
        /* int32 scales: lanes 0..7 row 0, 8..15 row 1 */
        __m512i s32 =
            _mm512_cvtepu8_epi32(_mm_set_epi32((int)sc1[1], (int)sc1[0], (int)sc0[1], (int)sc0[0]));
        __m128i m8 = _mm_set_epi32((int)mn1[1], (int)mn1[0], (int)mn0[1], (int)mn0[0]);
        __m256i md = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_unpacklo_epi8(m8, m8)),
                                             _mm_unpackhi_epi8(m8, m8), 1);
        *m = _mm512_madd_epi16(ab->bsums, _mm512_cvtepu8_epi16(md));
        __m512i qh = T == KQ5 ? load2x256(y0->qh, y1->qh) : _mm512_setzero_si512();
        const __m512i one = _mm512_set1_epi8(1);
        const __m512i base = _mm512_set_epi32(8, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0);
        for (int g = 0; g < 4; g++) {
            __m512i q = load2x256(qs0 + 32 * g, qs1 + 32 * g);
            __m512i lo = _mm512_and_si512(q, m0f);
            __m512i hi = _mm512_and_si512(_mm512_srli_epi16(q, 4), m0f);
            if (T == KQ5) {
                lo = _mm512_or_si512(
                    lo, _mm512_slli_epi16(_mm512_and_si512(_mm512_srli_epi16(qh, 2 * g), one), 4));
                hi = _mm512_or_si512(
                    hi,
                    _mm512_slli_epi16(_mm512_and_si512(_mm512_srli_epi16(qh, 2 * g + 1), one), 4));
            }
            __m512i i0 = _mm512_add_epi32(base, _mm512_set1_epi32(2 * g));
            __m512i i1 = _mm512_add_epi32(base, _mm512_set1_epi32(2 * g + 1));
            acc = unit_acc(acc, lo, ab->u[2 * g], _mm512_permutexvar_epi32(i0, s32));
            acc = unit_acc(acc, hi, ab->u[2 * g + 1], _mm512_permutexvar_epi32(i1, s32));
        }
    }
    *p = acc;
}

/* d (low half) and dmin (high half) of 16 rows' blocks as one int32 each. */
static inline __m512i row_header(int T, __m512i off, const char *blk)
{
    /* q6_K's d is the block's last two bytes: read the dword ending there */
    if (T == KQ6)
        return _mm512_srli_epi32(_mm512_i32gather_epi32(off, (const void *)(blk + 206), 1), 16);
    return _mm512_i32gather_epi32(off, (const void *)blk, 1);
}

static inline __m512 half_lo(__m512i h)
{
    return _mm512_cvtph_ps(_mm512_cvtepi32_epi16(h));
}

static inline __m512 half_hi(__m512i h)
{
    return _mm512_cvtph_ps(_mm512_cvtepi32_epi16(_mm512_srli_epi32(h, 16)));
}

/* out[r] for the R (<= 16) rows at w, one activation row. */
static inline __attribute__((always_inline)) void
matvec16(int T, int nb, const char *w, size_t ws, int R, const ew_block_q8_K *a, float *out)
{
    const char *rp[GROUP];
    __m512i off = rows16(w, ws, R, rp);
    const size_t kb = kbytes(T);
    __m512 acc = _mm512_setzero_ps();
    for (int i = 0; i < nb; i++) {
        prefetch16(w, ws, nb, i);
        act_bc ab;
        act_broadcast(&a[i], &ab);
        __m512i pv[8], mv[8];
        for (int j = 0; j < 8; j++)
            pair_sums(T, rp[2 * j] + (size_t)i * kb, rp[2 * j + 1] + (size_t)i * kb, &ab, &pv[j],
                      &mv[j]);
        __m512i isum = fold8(pv), imin = fold8(mv);
        __m512i hdr = row_header(T, off, w + (size_t)i * kb);
        if (T == KQ6) isum = _mm512_sub_epi32(isum, _mm512_slli_epi32(imin, 5));
        acc = k_step(acc, half_lo(hdr), half_hi(hdr), a[i].d, isum, imin, T);
    }
    _mm512_mask_storeu_ps(out, (__mmask16)((1u << R) - 1), acc);
}

/* ---- weights, repacked -------------------------------------------------------------- */

static inline __m512i gather(__m512i off, const char *p)
{
    return _mm512_i32gather_epi32(off, (const void *)p, 1);
}

/* Byte j (0..3) of each lane, zero- or sign-extended. */
static inline __m512i byte_u(__m512i x, int j)
{
    return _mm512_and_si512(_mm512_srli_epi32(x, 8 * j), _mm512_set1_epi32(0xFF));
}

static inline __m512i byte_s(__m512i x, int j)
{
    return _mm512_srai_epi32(_mm512_slli_epi32(x, 24 - 8 * j), 24);
}

static inline void repack_k4(int T, const char *b, __m512i off, __m512i *v)
{
    const __m512i m6 = _mm512_set1_epi32(0x3f3f3f3f), m4 = _mm512_set1_epi32(0x0f0f0f0f),
                  m2 = _mm512_set1_epi32(0x03030303), one = _mm512_set1_epi32(0x01010101);
    __m512i s0 = gather(off, b + 4), s1 = gather(off, b + 8), s2 = gather(off, b + 12);
    __m512i sc[2], mn[2];
    sc[0] = _mm512_and_si512(s0, m6);
    mn[0] = _mm512_and_si512(s1, m6);
    sc[1] = _mm512_or_si512(_mm512_and_si512(s2, m4),
                            _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(s0, 6), m2), 4));
    mn[1] = _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi32(s2, 4), m4),
                            _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(s1, 6), m2), 4));
    for (int u = 0; u < 8; u++) {
        v[V_SC + u] = byte_u(sc[u >> 2], u & 3);
        __m512i mu = byte_u(mn[u >> 2], u & 3);
        v[V_PAIR + u] = _mm512_or_si512(mu, _mm512_slli_epi32(mu, 16));
    }
    __m512i hdr = gather(off, b);
    v[V_D] = _mm512_castps_si512(half_lo(hdr));
    v[V_DMIN] = _mm512_castps_si512(half_hi(hdr));
    const char *qs = b + (T == KQ4 ? offsetof(ew_block_q4_K, qs) : offsetof(ew_block_q5_K, qs));
    for (int k = 0; k < 8; k++) {
        __m512i qh = T == KQ5 ? gather(off, b + offsetof(ew_block_q5_K, qh) + 4 * k)
                              : _mm512_setzero_si512();
        for (int g = 0; g < 4; g++) {
            __m512i q = gather(off, qs + 32 * g + 4 * k);
            __m512i lo = _mm512_and_si512(q, m4);
            __m512i hi = _mm512_and_si512(_mm512_srli_epi32(q, 4), m4);
            if (T == KQ5) {
                lo = _mm512_or_si512(
                    lo, _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(qh, 2 * g), one), 4));
                hi = _mm512_or_si512(
                    hi,
                    _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(qh, 2 * g + 1), one), 4));
            }
            v[V_Q + (2 * g) * 8 + k] = lo;
            v[V_Q + (2 * g + 1) * 8 + k] = hi;
        }
    }
}

/* q6_K element 128h + 32k + l: low nibble (k < 2) or high nibble of ql byte
 * 64h + 32(k & 1) + l, plus bits 2k, 2k+1 of qh byte 32h + l. */
static inline void repack_q6(const char *b, __m512i off, __m512i *v)
{
    const __m512i m4 = _mm512_set1_epi32(0x0f0f0f0f), m2 = _mm512_set1_epi32(0x03030303);
    for (int j = 0; j < 4; j++) {
        __m512i s = gather(off, b + offsetof(ew_block_q6_K, scales) + 4 * j);
        for (int e = 0; e < 4; e++)
            v[V_SC + 4 * j + e] = byte_s(s, e);
    }
    for (int k = 0; k < 8; k++)
        v[V_PAIR + k] =
            _mm512_or_si512(_mm512_and_si512(v[V_SC + 2 * k], _mm512_set1_epi32(0xFFFF)),
                            _mm512_slli_epi32(v[V_SC + 2 * k + 1], 16));
    v[V_D] = _mm512_castps_si512(half_lo(row_header(KQ6, off, b)));
    v[V_DMIN] = _mm512_setzero_si512();
    for (int h = 0; h < 2; h++)
        for (int kk = 0; kk < 8; kk++) {
            __m512i l0 = gather(off, b + 64 * h + 4 * kk);
            __m512i l1 = gather(off, b + 64 * h + 32 + 4 * kk);
            __m512i qh = gather(off, b + offsetof(ew_block_q6_K, qh) + 32 * h + 4 * kk);
            for (int k = 0; k < 4; k++) {
                __m512i l = (k & 1) ? l1 : l0;
                __m512i nib = (k >> 1) ? _mm512_and_si512(_mm512_srli_epi32(l, 4), m4)
                                       : _mm512_and_si512(l, m4);
                __m512i hb = _mm512_and_si512(_mm512_srli_epi32(qh, 2 * k), m2);
                v[V_Q + (4 * h + k) * 8 + kk] = _mm512_or_si512(nib, _mm512_slli_epi32(hb, 4));
            }
        }
}

static inline __attribute__((always_inline)) void repack(int T, const char *w, __m512i off, int k0,
                                                         int kc, __m512i *buf)
{
    for (int i = 0; i < kc; i++, buf += V_N) {
        const char *b = w + (size_t)(k0 + i) * kbytes(T);
        if (T == KQ6)
            repack_q6(b, off, buf);
        else
            repack_k4(T, b, off, buf);
    }
}

static inline int32_t dword_at(const void *p)
{
    int32_t q;
    memcpy(&q, p, 4);
    return q;
}

/* C (<= NCOL) columns over kc repacked super-blocks, continuing the sums in
 * out (16 rows wide, masked) unless first. */
static inline __attribute__((always_inline)) void tile(int T, const __m512i *buf, int kc,
                                                       const ew_block_q8_K *const *ac, int C,
                                                       float *out, size_t os, __mmask16 mask,
                                                       int first)
{
    __m512 acc[NCOL];
    for (int c = 0; c < C; c++)
        acc[c] = first ? _mm512_setzero_ps() : _mm512_maskz_loadu_ps(mask, out + (size_t)c * os);
    for (int i = 0; i < kc; i++, buf += V_N) {
        __m512i isum[NCOL], s[NCOL];
        for (int c = 0; c < C; c++)
            isum[c] = _mm512_setzero_si512();
        for (int u = 0; u < 8; u++) {
            /* Q6_K: two 16-element sub-blocks per unit, each with its scale */
            for (int half = 0; half < (T == KQ6 ? 2 : 1); half++) {
                int k0 = T == KQ6 ? 4 * half : 0, k1 = T == KQ6 ? k0 + 4 : 8;
                for (int c = 0; c < C; c++)
                    s[c] = _mm512_setzero_si512();
#pragma GCC unroll 8
                for (int k = k0; k < k1; k++) {
                    __m512i q = _mm512_load_si512((const void *)(buf + V_Q + u * 8 + k));
                    for (int c = 0; c < C; c++)
                        s[c] = _mm512_dpbusd_epi32(
                            s[c], q, _mm512_set1_epi32(dword_at(ac[c][i].qs + 32 * u + 4 * k)));
                }
                __m512i sc =
                    _mm512_load_si512((const void *)(buf + V_SC + (T == KQ6 ? 2 * u + half : u)));
                for (int c = 0; c < C; c++)
                    isum[c] = _mm512_add_epi32(isum[c], _mm512_mullo_epi32(s[c], sc));
            }
        }
        for (int c = 0; c < C; c++)
            s[c] = _mm512_setzero_si512();
        for (int k = 0; k < 8; k++) {
            __m512i pr = _mm512_load_si512((const void *)(buf + V_PAIR + k));
            for (int c = 0; c < C; c++)
                s[c] = _mm512_dpwssd_epi32(s[c], pr,
                                           _mm512_set1_epi32(dword_at(ac[c][i].bsums + 2 * k)));
        }
        __m512 d = _mm512_castsi512_ps(_mm512_load_si512((const void *)(buf + V_D)));
        __m512 dmin = _mm512_castsi512_ps(_mm512_load_si512((const void *)(buf + V_DMIN)));
        for (int c = 0; c < C; c++) {
            __m512i is = T == KQ6 ? _mm512_sub_epi32(isum[c], _mm512_slli_epi32(s[c], 5)) : isum[c];
            acc[c] = k_step(acc[c], d, dmin, ac[c][i].d, is, s[c], T);
        }
    }
    for (int c = 0; c < C; c++)
        _mm512_mask_storeu_ps(out + (size_t)c * os, mask, acc[c]);
}

/* the driver's remaining parameters */
#define BLOCK_ELEMS EW_QK_K
#define BLOCK_VECS  V_N
typedef ew_block_q8_K act_block;
#include "local/quant_vnni_gemm.h"

VNNI_KERNELS(q4_K, KQ4)
VNNI_KERNELS(q5_K, KQ5)
VNNI_KERNELS(q6_K, KQ6)

void ew__quant_patch_k_vnni(ew__qtype *t, int n)
{
    for (int i = 0; i < n; i++) {
        ew__qtype *q = &t[i];
        switch (q->type) {
#define SET(name) (q->dot = dot_##name, q->gemm = gemm_##name)
        case EW_GGML_Q4_K:
            SET(q4_K);
            break;
        case EW_GGML_Q5_K:
            SET(q5_K);
            break;
        case EW_GGML_Q6_K:
            SET(q6_K);
            break;
#undef SET
        default:
            break;
        }
    }
}
