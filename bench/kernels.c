/* Matrix kernel speed per weight type and instruction set, one thread: CPU
 * time per call of the engine's matrix kernel for a generation step (one
 * activation column) and for a prompt batch (many columns). The default
 * matrix is Qwen2.5-0.5B's ffn_down (896 x 4864): in both judged Q4_K_M
 * files only ffn_down has rows that are a multiple of 256, so it is the
 * layer that runs the k-quant kernels; it is larger than the caches, as in a
 * forward pass. CPU time is less noisy than wall time on a shared machine.
 *   bench_kernels [ROWS N [COLS]]     (COLS: prompt batch, default 128)
 * With --model FILE it measures a whole model instead, one thread: CPU ms
 * per token of pp128 (one batch) and of tg64 (one token at a time), median
 * of --reps runs (default 5). EW_ISA=avx512 etc. lowers the kernels' ISA. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edgeway.h"
#include "local/quant.h"
#include "pp_tg.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static float frand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (float)((rng >> 40) * (1.0 / 8388608.0)) - 1.0f;
}

/* Seconds of CPU per gemm call of nc columns (repeated for >= 0.3 s). */
static double time_gemm(const ew__qtype *qt, int n, const void *w, size_t ws, int rows,
                        const void *a, size_t as, int nc, float *out)
{
    int reps = 0;
    double t0 = cpu_now(), t;
    do {
        qt->gemm(n, w, ws, rows, a, as, nc, out, (size_t)rows);
        reps++;
        t = cpu_now() - t0;
    } while (t < 0.3);
    return t / reps;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* pp128 and tg64 from an empty cache, as bench_engine runs them, in CPU time. */
static int bench_model(const char *path, int reps)
{
    ew_error err;
    ew_model *m = NULL;
    ew_session *s = NULL;
    if (ew_model_open(path, NULL, &m, &err))
        return fprintf(stderr, "%s: %s\n", path, err.message), 1;
    ew_session_params sp;
    ew_session_params_init(&sp);
    sp.n_threads = 1;
    sp.n_ctx = PP + TG + 16;
    sp.n_batch = PP;
    if (ew_session_new(m, &sp, &s, &err)) {
        ew_model_close(m);
        return fprintf(stderr, "%s: %s\n", path, err.message), 1;
    }
    double pp[32], tg[32];
    bench_pp_tg(m, s, reps, cpu_now, pp, tg);
    for (int rep = 0; rep < reps; rep++) {
        pp[rep] *= 1e3 / PP;
        tg[rep] *= 1e3 / TG;
    }
    qsort(pp, (size_t)reps, sizeof pp[0], cmp_double);
    qsort(tg, (size_t)reps, sizeof tg[0], cmp_double);
    printf("%s (%s): pp%d %.3f ms/token, tg%d %.3f ms/token (CPU, 1 thread, median of %d)\n", path,
           ew__isa_name(ew__isa_best()), PP, pp[reps / 2], TG, tg[reps / 2], reps);
    ew_session_free(s);
    ew_model_close(m);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "--model")) {
        int reps = argc >= 5 && !strcmp(argv[3], "--reps") ? (int)strtol(argv[4], NULL, 10) : 5;
        if (reps < 1 || reps > 32) return fprintf(stderr, "--reps: 1..32\n"), 2;
        return bench_model(argv[2], reps);
    }
    int rows = argc > 2 ? (int)strtol(argv[1], NULL, 10) : 896;
    int n = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 4864;
    int cols = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 128;
    if (rows < 1 || rows > 65536 || n < 256 || n % 256 || n > 65536 || cols < 1 || cols > 512) {
        fprintf(stderr, "usage: bench_kernels [ROWS N [COLS]] (N a multiple of 256)\n");
        return 2;
    }
    static const uint32_t types[] = {EW_GGML_Q8_0, EW_GGML_Q4_0, EW_GGML_Q5_0,
                                     EW_GGML_Q4_K, EW_GGML_Q5_K, EW_GGML_Q6_K};
    float *x = malloc((size_t)n * sizeof *x);
    float *out = malloc((size_t)rows * cols * sizeof *out);
    size_t ab = ew__row_bytes(EW_GGML_F32, n); /* room for any activation row */
    char *act = malloc(ab * cols);
    char *w = malloc(ew__row_bytes(EW_GGML_Q8_0, n) * rows);
    if (!x || !out || !act || !w) return 1;

    printf("matrix %d x %d, batch %d columns, 1 thread, CPU ms per call\n\n", rows, n, cols);
    printf("| type | isa | gemv ms | gemv GB/s | gemm ms | gemm Gmac/s |\n");
    printf("|---|---|---:|---:|---:|---:|\n");
    for (size_t ti = 0; ti < sizeof types / sizeof types[0]; ti++) {
        size_t ws = ew__row_bytes(types[ti], n);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++)
                x[i] = frand() * 0.1f;
            ew__quantize_row(types[ti], x, w + (size_t)r * ws, n);
        }
        for (int isa = EW_ISA_AVX2; isa < EW_ISA_COUNT; isa++) {
            if (!ew__isa_available((ew__isa)isa)) continue;
            const ew__qtype *qt = ew__qtype_get(types[ti], (ew__isa)isa);
            const ew__qtype *aq = ew__qtype_get(qt->act, (ew__isa)isa);
            size_t as = ew__row_bytes(qt->act, n);
            for (int c = 0; c < cols; c++) {
                for (int i = 0; i < n; i++)
                    x[i] = frand();
                aq->quant_act(x, act + (size_t)c * as, n);
            }
            double tv = time_gemm(qt, n, w, ws, rows, act, as, 1, out);
            double tm = time_gemm(qt, n, w, ws, rows, act, as, cols, out);
            printf("| %s | %s | %.3f | %.2f | %.2f | %.1f |\n", qt->name,
                   ew__isa_name((ew__isa)isa), tv * 1e3, (double)ws * rows / tv * 1e-9, tm * 1e3,
                   (double)rows * n * cols / tm * 1e-9);
            fflush(stdout);
        }
    }
    free(x);
    free(out);
    free(act);
    free(w);
    return 0;
}
