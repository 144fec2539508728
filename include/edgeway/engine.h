/* The embedded inference engine: GGUF models (llama, qwen2) run in-process.
 *
 * A model is opened once (weights stay mmapped, read-only) and can be shared
 * by any number of sessions on different threads. A session owns everything
 * a sequence needs (KV cache, run buffers, thread pool), all allocated when it
 * is created: evaluating tokens allocates nothing.
 *
 *   ew_model *m; ew_session *s; ew_sampler *smp;
 *   ew_model_open("model.gguf", NULL, &m, &err);
 *   ew_session_new(m, NULL, &s, &err);
 *   ew_sampler_new(NULL, ew_model_n_vocab(m), &smp, &err);
 *   ew_generate(s, smp, prompt_ids, n_prompt, &gen_params, &result, &err);
 */
#ifndef EDGEWAY_ENGINE_H
#define EDGEWAY_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/chat.h"
#include "edgeway/core.h"
#include "edgeway/request.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ew_model ew_model;
typedef struct ew_session ew_session;
typedef struct ew_sampler ew_sampler;
typedef struct ew_tokenizer ew_tokenizer;

/* ---- models ------------------------------------------------------------------- */

typedef struct ew_model_info {
    char arch[32];  /* "llama" or "qwen2" */
    char name[128]; /* general.name, or "" */
    int n_vocab;
    int n_embd;
    int n_layer;
    int n_head;
    int n_head_kv;
    int head_dim;
    int n_ff;
    int n_ctx_train;
    float rope_freq_base;
    float rope_freq_scale; /* 1 / linear scaling factor */
    float rms_eps;
    bool tied_embeddings;           /* output projection shares token_embd */
    uint32_t file_type;             /* general.file_type, or UINT32_MAX when absent */
    uint64_t n_params;              /* elements of all weight tensors */
    uint64_t file_size;             /* bytes */
    uint64_t weight_bytes;          /* bytes of tensor data */
    int32_t bos_id, eos_id;         /* -1 when the vocab has none */
    char tokenizer_fingerprint[65]; /* hex; equal on two machines => same tokenization */
} ew_model_info;

/* Opens a GGUF model. expected_sha256 (64 hex chars) may be NULL; when given,
 * the file is hashed and a mismatch fails with EW_ERR_INTEGRITY. An
 * unsupported architecture, tensor type or shape fails with
 * EW_ERR_UNSUPPORTED and a message naming it. */
int ew_model_open(const char *path, const char *expected_sha256, ew_model **out, ew_error *err);
/* _close(NULL) is a no-op. Every session of the model must be freed first. */
void ew_model_close(ew_model *m);
void ew_model_get_info(const ew_model *m, ew_model_info *info);
int ew_model_n_vocab(const ew_model *m);
/* The model's tokenizer; borrowed, valid until ew_model_close. Tokenize and
 * detokenize with the ew_tokenizer_* functions of edgeway/tokenizer.h. */
const ew_tokenizer *ew_model_tokenizer(const ew_model *m);
/* Renders a conversation with the model's chat template (its family, or
 * ChatML when the file has none; see edgeway/chat.h) into out[0..cap).
 * Same buffer contract as ew_chat_render; tokenize the result with
 * add_special and parse_special. */
int ew_model_apply_chat(const ew_model *m, const ew_message *messages, int n,
                        bool add_generation_prompt, char *out, size_t cap, size_t *len,
                        ew_error *err);

/* ---- sessions ----------------------------------------------------------------- */

typedef enum ew_kv_type {
    EW_KV_F16 = 0, /* default: half the memory, what llama.cpp uses by default */
    EW_KV_F32 = 1,
} ew_kv_type;

typedef struct ew_session_params {
    int n_ctx;          /* positions in the KV cache; 0: min(n_ctx_train, 4096) */
    int n_batch;        /* most tokens one ew_session_eval takes; 0: 256 */
    int n_threads;      /* threads of the session's pool (caller included); 0: 1 */
    ew_kv_type kv_type; /* EW_KV_F16 or EW_KV_F32 */
    bool logits_all;    /* keep logits of every evaluated position, not just the last */
    int n_logits;       /* without logits_all: keep the last n_logits positions'; 0: 1 */
    /* Early exit: run only the first n_layer_exit layers, then the final norm
     * and the output head (a self-draft for speculative decoding). 0 or
     * n_layer: every layer. The KV cache holds only the layers that run. */
    int n_layer_exit;
} ew_session_params;

void ew_session_params_init(ew_session_params *p);
/* Creates a session on a model (borrowed: it must outlive the session).
 * params may be NULL for defaults. Allocates the KV cache, the run buffers and
 * the thread pool. */
int ew_session_new(const ew_model *m, const ew_session_params *params, ew_session **out,
                   ew_error *err);
void ew_session_free(ew_session *s);
/* Evaluates n tokens (1 <= n <= n_batch) at positions n_past..n_past+n-1 and
 * appends them to the KV cache. Fails with EW_ERR_TOO_LARGE when the context
 * is full, EW_ERR_INVALID on a token id outside the vocab. */
int ew_session_eval(ew_session *s, const int32_t *tokens, int n, ew_error *err);
/* Tokens in the KV cache. */
int ew_session_n_past(const ew_session *s);
/* Positions the KV cache holds at most, and tokens one eval takes at most. */
int ew_session_n_ctx(const ew_session *s);
int ew_session_n_batch(const ew_session *s);
/* Forgets the positions from n_past on (0 <= n_past <= current), e.g. to
 * reuse a prompt prefix or to drop rejected speculative tokens. */
int ew_session_rewind(ew_session *s, int n_past);
/* Logits (n_vocab floats) after token i of the last ew_session_eval; i = -1
 * means the last one. Without logits_all only the last n_logits are kept
 * and other i give NULL. Borrowed until the next eval. */
const float *ew_session_logits(const ew_session *s, int i);
/* Log-probabilities (log-softmax) of the same distribution into out[n_vocab]. */
int ew_session_logprobs(const ew_session *s, int i, float *out);
const ew_model *ew_session_model(const ew_session *s);
/* Bytes the session allocated (KV cache included); *kv_bytes (may be NULL)
 * gets the KV cache's share. */
size_t ew_session_memory(const ew_session *s, size_t *kv_bytes);

/* ---- distributions -------------------------------------------------------------- */

/* log(sum(exp(logits))) over n values, computed stably in double. */
double ew_logsumexp(const float *logits, int n);
/* The k largest logits, descending (ties: lower id first). Writes
 * min(k, n) entries; returns that count. probs may be NULL; when given it
 * receives softmax probabilities over all n logits. */
int ew_top_k(const float *logits, int n, int k, int32_t *ids, float *values, float *probs);

/* ---- sampling --------------------------------------------------------------------- */

typedef struct ew_sampler_params {
    float temperature;    /* <= 0: greedy (argmax) */
    int top_k;            /* keep the k most likely; <= 0: off */
    float top_p;          /* nucleus; >= 1: off */
    float min_p;          /* drop tokens below min_p * p(max); <= 0: off */
    float repeat_penalty; /* > 1 discourages recent tokens; 1: off */
    int repeat_last_n;    /* window of recent tokens for the penalty (<= 1024) */
    uint64_t seed;        /* same seed, same logits => same tokens */
} ew_sampler_params;

/* Defaults: temperature 0.8, top_k 40, top_p 0.95, min_p 0.05, repeat_penalty
 * 1.0, repeat_last_n 64, seed 0. The order of application follows llama.cpp:
 * penalty, top-k, top-p, min-p, temperature, draw. */
void ew_sampler_params_init(ew_sampler_params *p);
int ew_sampler_new(const ew_sampler_params *params, int n_vocab, ew_sampler **out, ew_error *err);
void ew_sampler_free(ew_sampler *s);
/* Forgets the token history and restarts the random stream from the seed. */
void ew_sampler_reset(ew_sampler *s);
/* Adds a token to the history the repetition penalty looks at (prompt
 * tokens too, if they should count). */
void ew_sampler_accept(ew_sampler *s, int32_t token);
/* Picks a token from n_vocab logits. Does not accept it. */
int32_t ew_sampler_sample(ew_sampler *s, const float *logits);
/* The distribution ew_sampler_sample draws from for these logits, after the
 * penalty and every filter: n candidates, most likely first (ties: lower id
 * first), into ids[] and probs[] (room for n_vocab each); returns n. Greedy
 * gives the argmax with probability 1. Consumes no randomness. */
int ew_sampler_dist(ew_sampler *s, const float *logits, int32_t *ids, float *probs);

/* ---- generation --------------------------------------------------------------------- */

typedef enum ew_stop_reason {
    EW_STOP_LENGTH = 0,   /* max_tokens reached */
    EW_STOP_EOG = 1,      /* end-of-generation token */
    EW_STOP_STRING = 2,   /* a stop string appeared */
    EW_STOP_CALLBACK = 3, /* the callback asked to stop */
    EW_STOP_CONTEXT = 4,  /* the KV cache is full */
} ew_stop_reason;

/* Called once per generated token (the end-of-generation token included)
 * with the text it completes, possibly empty: text is held back while it
 * could be the start of a stop string or an incomplete UTF-8 sequence. Text
 * still held when generation ends is passed in one last call with token -1.
 * Return nonzero to stop. */
typedef int (*ew_token_fn)(void *user, int32_t token, const char *text, size_t len);

#define EW_MAX_STOP_STRINGS 8
#define EW_MAX_STOP_LEN     128

typedef struct ew_generate_params {
    int max_tokens;                        /* new tokens to generate at most */
    const char *stop[EW_MAX_STOP_STRINGS]; /* NUL-terminated; unused slots NULL */
    bool ignore_eog;                       /* keep going past end-of-generation */
    ew_token_fn on_token;                  /* may be NULL */
    void *user;
} ew_generate_params;

typedef struct ew_generate_result {
    int n_prompt;    /* prompt tokens evaluated (after the cache prefix kept) */
    int n_generated; /* tokens sampled, the EOG token included */
    ew_stop_reason stop;
    double prompt_ms; /* prompt processing time */
    double gen_ms;    /* generation time */
} ew_generate_result;

/* Evaluates the prompt (reusing the longest prefix already in the session's
 * cache) and samples until a stop condition. The prompt is borrowed. Text
 * reaches the caller only through on_token; the stop string itself is never
 * passed on. */
int ew_generate(ew_session *s, ew_sampler *smp, const int32_t *prompt, int n_prompt,
                const ew_generate_params *params, ew_generate_result *result, ew_error *err);

#ifdef __cplusplus
}
#endif
#endif
