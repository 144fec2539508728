/* The engine's prompt-processing and generation run, as llama-bench does it:
 * pp128 and tg64 from an empty cache on the same pseudo-random tokens. Shared
 * by bench_engine (wall time, tokens/s) and bench_kernels --model (CPU time
 * per token); header-only because each bench is one binary. */
#ifndef EW_BENCH_PP_TG_H
#define EW_BENCH_PP_TG_H

#include <stdint.h>

#include "edgeway.h"

#define PP 128
#define TG 64

/* Seconds by `clock` of each of `reps` runs into pp_s[] and tg_s[]: a PP-token
 * batch, then TG single tokens, each from an empty cache. One warm-up run
 * first faults in the weights and warms the caches. */
static void bench_pp_tg(const ew_model *m, ew_session *s, int reps, double (*clock)(void),
                        double *pp_s, double *tg_s)
{
    int32_t toks[PP];
    uint32_t x = 12345;
    for (int i = 0; i < PP; i++) {
        x = x * 1103515245u + 12345u;
        toks[i] = (int32_t)((x >> 8) % (uint32_t)ew_model_n_vocab(m));
    }
    for (int rep = -1; rep < reps; rep++) {
        ew_session_rewind(s, 0);
        double a = clock();
        ew_session_eval(s, toks, PP, NULL);
        double b = clock();
        ew_session_rewind(s, 0);
        for (int i = 0; i < TG; i++)
            ew_session_eval(s, &toks[i], 1, NULL);
        double c = clock();
        if (rep >= 0) {
            pp_s[rep] = b - a;
            tg_s[rep] = c - b;
        }
    }
}

#endif
