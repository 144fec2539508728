/* The gemm driver of the column-grouped kernels (quant_avx2.c, and
 * quant_avx512.c without VNNI): for each weight row, the activation columns
 * in groups of up to NC, one kernel call per group. Not a standalone header:
 * the including file defines NC (4 or 8) first. Then
 * GEMM_DRIVER(gemm, dot, kernel) defines gemm and dot for a kernel
 *   kernel(n, w, ac, m, res): one weight row against the m (<= NC) columns
 *   at ac[], results in res[],
 * calling it with a constant m so the compiler keeps its accumulators in
 * registers. */
#if NC != 4 && NC != 8
#error "GEMM_DRIVER's column cases are written for NC 4 or 8"
#endif

#define GEMM_COLS_CASE(kernel, M)                                                                  \
    case M:                                                                                        \
        kernel(n, wr, ac, M, res);                                                                 \
        break;
#if NC == 8
#define GEMM_COLS_CASES_4_7(kernel)                                                                \
    GEMM_COLS_CASE(kernel, 4)                                                                      \
    GEMM_COLS_CASE(kernel, 5) GEMM_COLS_CASE(kernel, 6) GEMM_COLS_CASE(kernel, 7)
#else
#define GEMM_COLS_CASES_4_7(kernel)
#endif

#define GEMM_DRIVER(gemm, dot, kernel)                                                             \
    static void gemm(int n, const void *w, size_t ws, int nr, const void *a, size_t as, int nc,    \
                     float *out, size_t os)                                                        \
    {                                                                                              \
        for (int r = 0; r < nr; r++) {                                                             \
            const void *wr = (const char *)w + (size_t)r * ws;                                     \
            for (int c = 0; c < nc; c += NC) {                                                     \
                int m = nc - c < NC ? nc - c : NC;                                                 \
                const void *ac[NC];                                                                \
                float res[NC];                                                                     \
                for (int j = 0; j < m; j++)                                                        \
                    ac[j] = (const char *)a + (size_t)(c + j) * as;                                \
                switch (m) {                                                                       \
                    GEMM_COLS_CASE(kernel, 1)                                                      \
                    GEMM_COLS_CASE(kernel, 2)                                                      \
                    GEMM_COLS_CASE(kernel, 3)                                                      \
                    GEMM_COLS_CASES_4_7(kernel)                                                    \
                default:                                                                           \
                    kernel(n, wr, ac, NC, res);                                                    \
                }                                                                                  \
                for (int j = 0; j < m; j++)                                                        \
                    out[(size_t)(c + j) * os + r] = res[j];                                        \
            }                                                                                      \
        }                                                                                          \
    }                                                                                              \
    static float dot(int n, const void *w, const void *a)                                          \
    {                                                                                              \
        const void *ac[1] = {a};                                                                   \
        float r;                                                                                   \
        kernel(n, w, ac, 1, &r);                                                                   \
        return r;                                                                                  \
    }
