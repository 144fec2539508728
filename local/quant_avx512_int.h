/* Integer-dot kernels of quant_avx512.c for CPUs without VNNI (with it,
 * quant_legacy_avx512.c and quant_k_avx512.c replace them); KS(name) adds
 * the _novnni suffix to every symbol. Not a standalone header. */

/* int8 dot products of 64 unsigned by 64 signed bytes, summed in groups of
 * four into 16 int32 lanes by the maddubs/madd pair. maddubs saturates at
 * 16 bits; callers only feed it unsigned values <= 63, for which
 * 2 * 63 * 128 fits. */
static inline __m512i KS(dot_u8s8)(__m512i acc, __m512i u, __m512i s)
{
    __m512i p = _mm512_maddubs_epi16(u, s);
    return _mm512_add_epi32(acc, _mm512_madd_epi16(p, _mm512_set1_epi16(1)));
}

/* acc += lanes(v) * scale, v's lanes fitting in int16 (scale16: the scale in
 * the low half of each 32-bit lane, zero in the high half). */
static inline __m512i KS(scale_acc)(__m512i acc, __m512i v, __m512i scale16)
{
    return _mm512_add_epi32(acc, _mm512_madd_epi16(v, scale16));
}

/* ---- Q8_0 x Q8_0 ------------------------------------------------------------------------ */

/* Signed x signed bytes through the unsigned-by-signed dot: |w| times a with
 * w's sign moved onto it. Activations are in [-127, 127], so the sign flip
 * cannot overflow. */
static inline __m512i KS(dot_s8s8)(__m512i w, __m512i a)
{
    __mmask64 neg = _mm512_movepi8_mask(w);
    __m512i sa = _mm512_mask_sub_epi8(a, neg, _mm512_setzero_si512(), a);
    return KS(dot_u8s8)(_mm512_setzero_si512(), _mm512_abs_epi8(w), sa);
}

/* Legacy 32-blocks: two blocks per 512-bit step, plus a lone last block. */
#define LEGACY_KERNEL(name, WBLOCK, ABLOCK, UNPACK)                                                \
    static inline __attribute__((always_inline)) void KS(k_##name)(                                \
        int n, const void *vw, const void *const *va, int m, float *res)                           \
    {                                                                                              \
        const WBLOCK *w = vw;                                                                      \
        __m512 acc[NC];                                                                            \
        for (int j = 0; j < NC; j++)                                                               \
            acc[j] = _mm512_setzero_ps();                                                          \
        float tail[NC] = {0};                                                                      \
        int nb = n / EW_QK, i = 0;                                                                 \
        for (; i + 1 < nb; i += 2) {                                                               \
            __m512i wq = UNPACK(&w[i], &w[i + 1]);                                                 \
            float dw0 = f16(w[i].d), dw1 = f16(w[i + 1].d);                                        \
            for (int j = 0; j < m; j++) {                                                          \
                const ABLOCK *a = (const ABLOCK *)va[j] + i;                                       \
                __m512i dp = KS(dot_s8s8)(wq, load2x256(a[0].qs, a[1].qs));                        \
                acc[j] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dp),                                   \
                                         halves(dw0 * f16(a[0].d), dw1 * f16(a[1].d)), acc[j]);    \
            }                                                                                      \
        }                                                                                          \
        for (int j = 0; j < m; j++) {                                                              \
            res[j] = hsum512(acc[j]);                                                              \
            if (i < nb) tail[j] = KS(name##_ref_block)(&w[i], (const ABLOCK *)va[j] + i);          \
            res[j] += tail[j];                                                                     \
        }                                                                                          \
    }

static inline __m512i KS(unpack_q8_0)(const ew_block_q8_0 *x0, const ew_block_q8_0 *x1)
{
    return load2x256(x0->qs, x1->qs);
}

static inline float KS(q8_0_ref_block)(const ew_block_q8_0 *w, const ew_block_q8_0 *a)
{
    int s = 0;
    for (int j = 0; j < EW_QK; j++)
        s += w->qs[j] * a->qs[j];
    return (float)s * (f16(w->d) * f16(a->d));
}

LEGACY_KERNEL(q8_0, ew_block_q8_0, ew_block_q8_0, KS(unpack_q8_0))
GEMM_DRIVER(KS(gemm_q8_0), KS(dot_q8_0), KS(k_q8_0))

/* ---- Q4_0 and Q5_0 x Q8_0 ------------------------------------------------------------------- */

static inline __m512i KS(unpack_q4_0)(const ew_block_q4_0 *x0, const ew_block_q4_0 *x1)
{
    __m512i q = _mm512_inserti64x4(_mm512_castsi256_si512(nibbles32(x0->qs)), nibbles32(x1->qs), 1);
    return _mm512_sub_epi8(q, _mm512_set1_epi8(8));
}

static inline float KS(q4_0_ref_block)(const ew_block_q4_0 *w, const ew_block_q8_0 *a)
{
    int s = 0;
    for (int j = 0; j < EW_QK / 2; j++)
        s += ((w->qs[j] & 0xF) - 8) * a->qs[j] + ((w->qs[j] >> 4) - 8) * a->qs[j + 16];
    return (float)s * (f16(w->d) * f16(a->d));
}

LEGACY_KERNEL(q4_0, ew_block_q4_0, ew_block_q8_0, KS(unpack_q4_0))
GEMM_DRIVER(KS(gemm_q4_0), KS(dot_q4_0), KS(k_q4_0))

static inline __m512i KS(unpack_q5_0)(const ew_block_q5_0 *x0, const ew_block_q5_0 *x1)
{
    __m256i a = _mm256_or_si256(nibbles32(x0->qs), fifth_bits(x0->qh));
    __m256i b = _mm256_or_si256(nibbles32(x1->qs), fifth_bits(x1->qh));
    __m512i q = _mm512_inserti64x4(_mm512_castsi256_si512(a), b, 1);
    return _mm512_sub_epi8(q, _mm512_set1_epi8(16));
}

static inline float KS(q5_0_ref_block)(const ew_block_q5_0 *w, const ew_block_q8_0 *a)
{
    uint32_t qh;
    memcpy(&qh, w->qh, 4);
    int s = 0;
    for (int j = 0; j < EW_QK; j++) {
        int lo = j < 16 ? (w->qs[j] & 0xF) : (w->qs[j - 16] >> 4);
        s += ((lo | (int)(((qh >> j) & 1) << 4)) - 16) * a->qs[j];
    }
    return (float)s * (f16(w->d) * f16(a->d));
}

LEGACY_KERNEL(q5_0, ew_block_q5_0, ew_block_q8_0, KS(unpack_q5_0))
GEMM_DRIVER(KS(gemm_q5_0), KS(dot_q5_0), KS(k_q5_0))

/* ---- k-quants x Q8_K ----------------------------------------------------------------------
 *
 * Per super-block and column: exact integer sums per sub-block (scaled in
 * int32), then one float step per super-block. The min term (q4_K, q5_K) or
 * the +32 offset term (q6_K) goes to its own vector, and both are reduced
 * once per output. */

/* Scale vectors for the four 64-element groups: lanes 0..7 get the scale of
 * sub-block 2g, lanes 8..15 that of 2g+1 (in the low 16 bits). */
static inline void KS(k4_scale_vectors)(const uint32_t sc[2], __m512i scv[4])
{
    __m128i b = _mm_set_epi32(0, 0, (int)sc[1], (int)sc[0]);
    __m512i s32 = _mm512_cvtepu8_epi32(b); /* lanes 0..7: the 8 scales */
    for (int g = 0; g < 4; g++) {
        __m512i idx = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_set1_epi32(2 * g)),
                                         _mm256_set1_epi32(2 * g + 1), 1);
        scv[g] = _mm512_permutexvar_epi32(idx, s32);
    }
}

/* Each min twice, as 16 int16: pairs with the 16 bsums of a Q8_K block. */
static inline __m256i KS(k4_min_vector)(const uint32_t mn[2])
{
    __m128i m8 = _mm_set_epi32(0, 0, (int)mn[1], (int)mn[0]);
    return _mm256_cvtepu8_epi16(_mm_unpacklo_epi8(m8, m8));
}

static inline float KS(hsum256)(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/* Shared by q4_K and q5_K once the four groups are unpacked. */
#define K4_COLUMNS(m, i)                                                                           \
    for (int j = 0; j < (m); j++) {                                                                \
        const ew_block_q8_K *a = (const ew_block_q8_K *)va[j] + (i);                               \
        __m512i isum = _mm512_setzero_si512();                                                     \
        for (int g = 0; g < 4; g++) {                                                              \
            __m512i dp = KS(dot_u8s8)(_mm512_setzero_si512(), wq[g],                               \
                                      _mm512_loadu_si512((const void *)(a->qs + 64 * g)));         \
            isum = KS(scale_acc)(isum, dp, scv[g]);                                                \
        }                                                                                          \
        facc[j] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(isum), _mm512_set1_ps(d * a->d), facc[j]);    \
        __m256i mp = _mm256_madd_epi16(_mm256_loadu_si256((const __m256i *)a->bsums), mins);       \
        macc[j] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(mp), _mm256_set1_ps(dmin * a->d), macc[j]);   \
    }

#define K_ACC_INIT(m)                                                                              \
    __m512 facc[NC];                                                                               \
    __m256 macc[NC];                                                                               \
    for (int j = 0; j < (m); j++) {                                                                \
        facc[j] = _mm512_setzero_ps();                                                             \
        macc[j] = _mm256_setzero_ps();                                                             \
    }

#define K_ACC_DONE(m)                                                                              \
    for (int j = 0; j < (m); j++)                                                                  \
        res[j] = hsum512(facc[j]) - KS(hsum256)(macc[j]);

static inline __attribute__((always_inline)) void
KS(k_q4_K)(int n, const void *vw, const void *const *va, int m, float *res)
{
    const ew_block_q4_K *w = vw;
    K_ACC_INIT(m)
    for (int i = 0; i < n / EW_QK_K; i++) {
        uint32_t sc[2], mn[2];
        k4_unpack(w[i].scales, sc, mn);
        __m512i wq[4], scv[4];
        KS(k4_scale_vectors)(sc, scv);
        __m256i mins = KS(k4_min_vector)(mn);
        for (int g = 0; g < 4; g++) {
            __m256i q = _mm256_loadu_si256((const __m256i *)(w[i].qs + 32 * g));
            __m256i lo = _mm256_and_si256(q, _mm256_set1_epi8(0x0F));
            __m256i hi = _mm256_and_si256(_mm256_srli_epi16(q, 4), _mm256_set1_epi8(0x0F));
            wq[g] = _mm512_inserti64x4(_mm512_castsi256_si512(lo), hi, 1);
        }
        float d = f16(w[i].d), dmin = f16(w[i].dmin);
        K4_COLUMNS(m, i)
    }
    K_ACC_DONE(m)
}
GEMM_DRIVER(KS(gemm_q4_K), KS(dot_q4_K), KS(k_q4_K))

static inline __attribute__((always_inline)) void
KS(k_q5_K)(int n, const void *vw, const void *const *va, int m, float *res)
{
    const ew_block_q5_K *w = vw;
    const __m256i m0f = _mm256_set1_epi8(0x0F), one = _mm256_set1_epi8(1);
    K_ACC_INIT(m)
    for (int i = 0; i < n / EW_QK_K; i++) {
        uint32_t sc[2], mn[2];
        k4_unpack(w[i].scales, sc, mn);
        __m512i wq[4], scv[4];
        KS(k4_scale_vectors)(sc, scv);
        __m256i mins = KS(k4_min_vector)(mn);
        __m256i qh = _mm256_loadu_si256((const __m256i *)w[i].qh);
        for (int g = 0; g < 4; g++) {
            __m256i q = _mm256_loadu_si256((const __m256i *)(w[i].qs + 32 * g));
            __m256i hl = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * g), one);
            __m256i hh = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * g + 1), one);
            __m256i lo = _mm256_or_si256(_mm256_and_si256(q, m0f), _mm256_slli_epi16(hl, 4));
            __m256i hi = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 4), m0f),
                                         _mm256_slli_epi16(hh, 4));
            wq[g] = _mm512_inserti64x4(_mm512_castsi256_si512(lo), hi, 1);
        }
        float d = f16(w[i].d), dmin = f16(w[i].dmin);
        K4_COLUMNS(m, i)
    }
    K_ACC_DONE(m)
}
GEMM_DRIVER(KS(gemm_q5_K), KS(dot_q5_K), KS(k_q5_K))

/* q6_K: the unsigned 6-bit values (0..63) of 64 elements 32*k..32*k+63 of
 * half h (k = 0 or 2), in element order. */
static inline __m512i KS(q6_unsigned)(const ew_block_q6_K *b, int h, int k)
{
    const __m256i m0f = _mm256_set1_epi8(0x0F), m3 = _mm256_set1_epi8(3);
    __m256i l0 = _mm256_loadu_si256((const __m256i *)(b->ql + 64 * h));
    __m256i l1 = _mm256_loadu_si256((const __m256i *)(b->ql + 64 * h + 32));
    __m256i qh = _mm256_loadu_si256((const __m256i *)(b->qh + 32 * h));
    __m256i n0 = k ? _mm256_and_si256(_mm256_srli_epi16(l0, 4), m0f) : _mm256_and_si256(l0, m0f);
    __m256i n1 = k ? _mm256_and_si256(_mm256_srli_epi16(l1, 4), m0f) : _mm256_and_si256(l1, m0f);
    __m256i h0 = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * k), m3);
    __m256i h1 = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * k + 2), m3);
    __m256i e0 = _mm256_or_si256(n0, _mm256_slli_epi16(h0, 4));
    __m256i e1 = _mm256_or_si256(n1, _mm256_slli_epi16(h1, 4));
    return _mm512_inserti64x4(_mm512_castsi256_si512(e0), e1, 1);
}

static inline __attribute__((always_inline)) void
KS(k_q6_K)(int n, const void *vw, const void *const *va, int m, float *res)
{
    const ew_block_q6_K *w = vw;
    K_ACC_INIT(m)
    for (int i = 0; i < n / EW_QK_K; i++) {
        __m512i wq[4], scv[4];
        __m512i s32 = _mm512_cvtepi8_epi32(_mm_loadu_si128((const __m128i *)w[i].scales));
        for (int q = 0; q < 4; q++) {
            wq[q] = KS(q6_unsigned)(&w[i], q >> 1, (q & 1) * 2);
            /* 64 elements = 4 sub-blocks of 16 = 4 lanes each: scales 4q..4q+3 */
            __m512i idx =
                _mm512_add_epi32(_mm512_set_epi32(3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0),
                                 _mm512_set1_epi32(4 * q));
            scv[q] =
                _mm512_and_si512(_mm512_permutexvar_epi32(idx, s32), _mm512_set1_epi32(0xFFFF));
        }
        __m256i sc16 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)w[i].scales));
        float d = f16(w[i].d);
        for (int j = 0; j < m; j++) {
            const ew_block_q8_K *a = (const ew_block_q8_K *)va[j] + i;
            __m512i isum = _mm512_setzero_si512();
            for (int q = 0; q < 4; q++) {
                __m512i dp = KS(dot_u8s8)(_mm512_setzero_si512(), wq[q],
                                          _mm512_loadu_si512((const void *)(a->qs + 64 * q)));
                isum = KS(scale_acc)(isum, dp, scv[q]);
            }
            float da = d * a->d;
            facc[j] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(isum), _mm512_set1_ps(da), facc[j]);
            /* the values are stored +32: take off 32 * sum_g scale_g * bsum_g */
            __m256i cp = _mm256_madd_epi16(_mm256_loadu_si256((const __m256i *)a->bsums), sc16);
            macc[j] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(cp), _mm256_set1_ps(32.0f * da), macc[j]);
        }
    }
    K_ACC_DONE(m)
}
GEMM_DRIVER(KS(gemm_q6_K), KS(dot_q6_K), KS(k_q6_K))

#undef LEGACY_KERNEL
#undef K4_COLUMNS
#undef K_ACC_INIT
#undef K_ACC_DONE
