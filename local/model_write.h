/* Shared machinery of `quantize` and `synth`: the tensor-type mixture of each
 * file type, a parallel row converter that streams into a GGUF writer, and
 * an output file that appears only when complete. */
#ifndef EW_LOCAL_MODEL_WRITE_H
#define EW_LOCAL_MODEL_WRITE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "edgeway/model_tools.h"
#include "local/gguf_write.h"
#include "local/pool.h"

/* ---- mixture -------------------------------------------------------------------- */

/* Which type each tensor gets, in llama.cpp's spirit:
 * - 1-D tensors and norms stay F32; float file types convert every other
 *   weight to that type;
 * - the output projection (and token_embd when it is tied to it) gets Q6_K
 *   (Q8_0 files: Q8_0); when its rows do not divide into the base type's
 *   blocks it gets Q8_0;
 * - Q4_K_M/Q5_K_M: attn_v and ffn_down get Q6_K on the first and last eighth
 *   of the layers and every third layer in between;
 * - a row length that is not a multiple of the chosen type's block falls
 *   back: Q4_K -> Q5_0, Q5_K -> Q5_1, Q6_K -> Q8_0, and F16 when even 32
 *   does not divide it.
 * Counters follow the tensor order, so call ew__mix_type in file order. */
typedef struct ew__mix {
    ew_ftype ftype;
    uint32_t base; /* default tensor type of the file type */
    bool tied;     /* no output.weight: token_embd doubles as the output */
    int n_layer;   /* for the ffn_down rule */
    int n_attn_v;  /* attn_v tensors in the file */
    int i_attn_v, i_ffn_down;
} ew__mix;

/* Base tensor type of a file type; 0 (F32) also for EW_FTYPE_F32. */
uint32_t ew__ftype_base(ew_ftype t);
void ew__mix_init(ew__mix *m, ew_ftype ftype, int n_layer, int n_attn_v, bool has_output);
/* Target type of a tensor; *fallback tells whether the row length forced it.
 * src_type is returned unchanged for tensors that are not quantized (e.g.
 * 2-D tensors whose name does not end in "weight"), except that 1-D tensors
 * always become F32. */
uint32_t ew__mix_type(ew__mix *m, const char *name, int n_dims, const uint64_t *ne,
                      uint32_t src_type, bool *fallback);

/* ---- row conversion ---------------------------------------------------------------- */

/* Fills row `row` (ne0 floats) of the tensor being written. Called from
 * several threads at once, each with its own `out`. */
typedef void (*ew__row_fn)(void *ctx, int64_t row, float *out);

/* Converts n_rows rows of ne0 elements from fn to `type` and writes them as
 * the writer's current tensor. pool may be NULL (single thread). Fails with
 * EW_ERR_INVALID on a NaN or infinity, naming the tensor and row. */
int ew__write_rows(ew_gguf_writer *w, ew__pool *pool, const char *name, uint32_t type, int64_t ne0,
                   int64_t n_rows, ew__row_fn fn, void *ctx, ew_error *err);

/* ---- output file -------------------------------------------------------------------- */

typedef struct ew__out_file {
    FILE *f;
    char *tmp;        /* owned: the temporary beside the target */
    const char *path; /* borrowed target */
} ew__out_file;

/* Creates a temporary file in path's directory. */
int ew__out_open(ew__out_file *o, const char *path, ew_error *err);
/* Flushes and renames the temporary onto the target. */
int ew__out_commit(ew__out_file *o, ew_error *err);
/* Closes and removes the temporary (no-op after commit). */
void ew__out_abort(ew__out_file *o);

/* Number of layers from "<arch>.block_count", or -1. */
int ew__model_n_layer(const ew_gguf *g);

#endif
