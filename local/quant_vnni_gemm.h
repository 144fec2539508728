/* The gemm driver of the AVX-512 VNNI kernels, one copy for the legacy
 * quants (quant_legacy_avx512.c) and the k-quants (quant_k_avx512.c).
 * Not a standalone header: the including file first defines
 *  - GROUP (weight rows per vector), CHUNK (blocks per repacked chunk), NCOL
 *    (activation columns per tile), MIN_TILED (fewer columns: no repacking),
 *    BLOCK_ELEMS (elements per weight block) and BLOCK_VECS (vectors per
 *    repacked block);
 *  - act_block, the activation block type;
 *  - the always-inline kernels, T selecting the weight type:
 *      matvec16(T, nb, w, ws, R, a, out)  R (<= GROUP) rows, one column;
 *      repack(T, w, off, k0, kc, buf)     blocks [k0, k0 + kc) of GROUP rows;
 *      tile(T, buf, kc, ac, C, out, os, mask, first)  C (<= NCOL) columns.
 * VNNI_KERNELS(name, T) then defines gemm_<name> and dot_<name>, each
 * specialised at compile time on T and, in tile, on the column count. */

#if NCOL != 8
#error "the tile cases below are written for NCOL 8"
#endif

#define TILE_CASE(CC)                                                                              \
    case CC:                                                                                       \
        tile(T, buf, kc, ac, CC, o, os, mask, k0 == 0);                                            \
        break;

static inline __attribute__((always_inline)) void vnni_gemm(int T, int n, const void *vw, size_t ws,
                                                            int nr, const void *va, size_t as,
                                                            int nc, float *out, size_t os)
{
    const char *w = vw, *a = va;
    int nb = n / BLOCK_ELEMS;
    if (nc < MIN_TILED) {
        for (int r0 = 0; r0 < nr; r0 += GROUP)
            for (int c = 0; c < nc; c++)
                matvec16(T, nb, w + (size_t)r0 * ws, ws, nr - r0 < GROUP ? nr - r0 : GROUP,
                         (const act_block *)(const void *)(a + (size_t)c * as),
                         out + (size_t)c * os + r0);
        return;
    }
    __m512i buf[CHUNK * BLOCK_VECS];
    for (int r0 = 0; r0 < nr; r0 += GROUP) {
        int R = nr - r0 < GROUP ? nr - r0 : GROUP;
        __mmask16 mask = (__mmask16)((1u << R) - 1);
        const char *wr = w + (size_t)r0 * ws;
        __m512i off = rows16(wr, ws, R, NULL);
        for (int k0 = 0; k0 < nb; k0 += CHUNK) {
            int kc = nb - k0 < CHUNK ? nb - k0 : CHUNK;
            repack(T, wr, off, k0, kc, buf);
            for (int c0 = 0; c0 < nc; c0 += NCOL) {
                int C = nc - c0 < NCOL ? nc - c0 : NCOL;
                const act_block *ac[NCOL];
                for (int c = 0; c < C; c++)
                    ac[c] = (const act_block *)(const void *)(a + (size_t)(c0 + c) * as) + k0;
                float *o = out + (size_t)c0 * os + r0;
                /* constant column counts keep the accumulators in registers */
                switch (C) {
                    TILE_CASE(1)
                    TILE_CASE(2)
                    TILE_CASE(3)
                    TILE_CASE(4)
                    TILE_CASE(5)
                    TILE_CASE(6)
                    TILE_CASE(7)
                default:
                    tile(T, buf, kc, ac, NCOL, o, os, mask, k0 == 0);
                }
            }
        }
    }
}

#undef TILE_CASE

#define VNNI_KERNELS(name, T)                                                                      \
    static void gemm_##name(int n, const void *w, size_t ws, int nr, const void *a, size_t as,     \
                            int nc, float *out, size_t os)                                         \
    {                                                                                              \
        vnni_gemm(T, n, w, ws, nr, a, as, nc, out, os);                                            \
    }                                                                                              \
    static float dot_##name(int n, const void *w, const void *a)                                   \
    {                                                                                              \
        float r;                                                                                   \
        matvec16(T, n / BLOCK_ELEMS, w, 0, 1, a, &r);                                              \
        return r;                                                                                  \
    }
