/* Internal model and session structures shared by model.c (load and
 * validation), forward.c (the transformer) and session.c (the public API). */
#ifndef EW_LOCAL_MODEL_H
#define EW_LOCAL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/engine.h"
#include "local/gguf.h"
#include "local/pool.h"
#include "local/quant.h"

/* Limits on what a file may declare, so sizes computed from them cannot
 * overflow and a hostile header cannot ask for absurd allocations. */
#define EW_MAX_LAYERS   512
#define EW_MAX_EMBD     65536
#define EW_MAX_FF       (1 << 18)
#define EW_MAX_HEADS    1024
#define EW_MAX_HEAD_DIM 1024
#define EW_MAX_VOCAB    (1 << 22)
#define EW_MAX_CTX      (1 << 20)
#define EW_MAX_BATCH    8192
#define EW_MAX_ACT      3 /* activation types one stage may need (q, k, v) */

typedef enum ew_arch {
    EW_ARCH_LLAMA,
    EW_ARCH_QWEN2,
} ew_arch;

typedef enum ew_rope_kind {
    EW_ROPE_NORM, /* rotate adjacent pairs (x[2i], x[2i+1]) */
    EW_ROPE_NEOX, /* rotate halves (x[i], x[i + n_rot/2]) */
} ew_rope_kind;

/* A 2-D weight used in place from the mapping: rows of ne0 elements. */
typedef struct ew_weight {
    const void *data;
    const ew__qtype *qt;     /* kernels for the best ISA */
    const ew__qtype *act_qt; /* kernels of its activation type */
    uint32_t type;
    int ne0; /* row length (input dim) */
    int ne1; /* rows (output dim) */
    size_t row_bytes;
} ew_weight;

typedef struct ew_layer {
    const float *attn_norm; /* (n_embd) */
    ew_weight wq, wk, wv, wo;
    const float *bq, *bk, *bv, *bo; /* optional biases, NULL when absent */
    const float *ffn_norm;          /* (n_embd) */
    ew_weight w_gate, w_up, w_down;
    const float *b_gate, *b_up, *b_down;
} ew_layer;

typedef struct ew_hparams {
    ew_arch arch;
    int n_vocab, n_embd, n_layer, n_head, n_head_kv, head_dim, n_ff, n_ctx_train;
    int n_rot;
    float rope_base, rope_freq_scale, rms_eps;
    ew_rope_kind rope_kind;
} ew_hparams;

struct ew_model {
    ew_gguf *gguf;
    ew_tokenizer *tok;
    ew_hparams hp;
    ew_weight tok_embd; /* (n_vocab rows of n_embd) */
    ew_weight output;   /* == tok_embd when tied */
    const float *output_norm;
    const float *output_b;   /* optional */
    const float *rope_freqs; /* optional (n_rot/2) frequency divisors */
    ew_layer *layers;        /* (n_layer) */
    bool tied;
    uint32_t file_type;
    uint64_t n_params, weight_bytes;
    int max_piece; /* longest token piece in bytes */
    char name[128];
};

/* One session's state; every buffer is allocated in ew_session_new. */
struct ew_session {
    const ew_model *m;
    ew__pool *pool;
    int n_ctx, n_batch, n_threads;
    ew_kv_type kv_type;
    bool logits_all;
    int logit_rows;  /* rows of logits an eval keeps at most: n_batch, or n_logits */
    int n_layer_run; /* layers evaluated: n_layer, or fewer for an early exit */
    int n_past;
    int32_t *tokens; /* (n_ctx) ids in the cache, for prefix reuse */

    /* KV cache, per layer run: (n_layer_run, n_ctx, n_head_kv*head_dim), F16 or F32. */
    void *k_cache, *v_cache;
    size_t kv_layer_bytes, kv_row_bytes;
    size_t mem_bytes;        /* everything allocated for the session */
    const ew__qtype *f16_qt; /* F16 kernels, for the KV cache */

    /* run buffers for a batch of up to n_batch tokens */
    float *x;              /* (n_batch, n_embd) residual stream */
    float *xn;             /* (n_batch, n_embd) normalized input of a block */
    float *q;              /* (n_batch, n_head*head_dim) */
    float *k, *v;          /* (n_batch, n_head_kv*head_dim) */
    float *att;            /* (n_batch, n_head*head_dim) attention output */
    float *rope;           /* (n_batch, n_rot) cos/sin pairs per position */
    float *scores;         /* (n_threads, n_ctx) attention weights per thread */
    void *qconv;           /* (n_threads, head_dim) q converted for an F16 cache */
    void *act[EW_MAX_ACT]; /* (n_batch, row_in) a stage's n_embd-wide input in up to three types */
    void *act_mid;         /* (n_batch, row_mid) input of wo and w_down */
    void **act_priv;       /* (n_threads, EW_MAX_ACT) per-thread buffers (row_in) for one row */
    float *xn_priv;        /* (n_threads, n_embd) per-thread normalized row */
    float *xo;             /* (n_batch, n_embd) output of wo and w_down before the residual */
    float *ffn_priv;       /* (n_threads, 2, n_batch * ffn_chunk) gate and up rows of a step */
    int ffn_chunk;
    float *logits; /* (logit_rows, n_vocab) for the last positions of an eval */
    int n_logits;  /* rows of logits kept by the last eval */
    int n_last;    /* tokens in the last eval */

    char *gen_buf; /* text held back by ew_generate (stop strings, UTF-8) */

    /* the job being run by the pool */
    const int32_t *batch;
    int n_tok;
};

/* model.c */
int ew__model_load_tensors(ew_model *m, ew_error *err);
int ew__model_load_hparams(ew_model *m, ew_error *err);

/* forward.c: evaluates s->batch[0..n_tok) at positions n_past.. and fills
 * logits; s->n_past is advanced by the caller. */
void ew__forward(ew_session *s);
/* Rows of w_gate/w_up one FFN step computes, at least (rounded up to the
 * blocks of w_down's activation type). */
#define EW_FFN_CHUNK 256

/* What a session's activation buffers must hold for a model. */
typedef struct ew__act_need {
    int n_bufs;     /* activation types one n_embd-wide stage needs at most */
    size_t row_in;  /* bytes of the widest n_embd-wide activation row (act[], act_priv) */
    size_t row_mid; /* bytes of the widest input row of wo or w_down (act_mid) */
    int ffn_chunk;  /* FFN rows per step of a full batch */
} ew__act_need;
void ew__forward_act_need(const ew_model *m, int n_threads, ew__act_need *need);

#endif
