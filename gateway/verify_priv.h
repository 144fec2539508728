/* Private to gateway/verify*.c: sessions and rounds. */
#ifndef EW_GATEWAY_VERIFY_PRIV_H
#define EW_GATEWAY_VERIFY_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "edgeway/engine.h"
#include "edgeway/gateway.h"
#include "edgeway/speculative.h"
#include "gateway/spec_worker.h"
#include "gateway/verify.h"

#define VERIFY_ID_LEN 32 /* hex digits of a session id: 128 random bits */

typedef struct vmodel {
    char *name; /* copies of the config's */
    char *path;
    char *sha256;
    int ctx, threads;
    bool kv_f32;
    ew_model *m;
    ew_model_info info;
    ew_session_params sp;
    size_t session_bytes; /* of the last session made; 0 before the first */
} vmodel;

/* A conversation's target state. While busy, a worker owns s, smp and the
 * scratch arrays; the loop touches only the table fields. */
typedef struct vsession {
    char id[VERIFY_ID_LEN + 1];
    vmodel *vm;
    ew_session *s;
    int32_t *tokens; /* (n_ctx) the committed sequence, then the draft of a round */
    int n_tokens;    /* committed */
    int n_kv;        /* of them in the KV cache */
    size_t bytes;
    uint64_t last_used_ms;
    bool busy;
    ew_spec_rng rng;
    /* sampling: the target's sampler and scratch, made on first use */
    ew_sampler *smp;
    ew_sampler_params smp_params;
    int32_t *p_ids; /* (n_vocab) */
    float *p_probs; /* (n_vocab) */
    float *dense;   /* (n_vocab) zeroed scratch for the residual */
    uint64_t passes, rounds;
    struct vsession *lru_prev, *lru_next; /* most recently used first */
    struct vsession *hash_next;
} vsession;

/* One request, from parse to answer. */
typedef struct vround {
    ew__verify *v;
    ew__http_req *req;
    vsession *sess;
    ew__spec_job job;
    /* the request */
    int32_t *new_tokens; /* (n_new) owned */
    int n_new;
    int n_draft;
    int32_t draft[EW_SPEC_MAX_DRAFT];
    int q_n[EW_SPEC_MAX_DRAFT];
    int32_t q_ids[EW_SPEC_MAX_DRAFT][EW_SPEC_MAX_Q];
    float q_probs[EW_SPEC_MAX_DRAFT][EW_SPEC_MAX_Q];
    bool sampling;
    ew_sampler_params sp;
    bool has_seed;
    uint64_t seed;
    bool want_logprobs;
    /* the result */
    int status;
    char message[512];
    ew_spec_verdict verdict;
    float logprobs[EW_SPEC_MAX_DRAFT + 1];
    int passes, evaluated;
    double eval_ms;
} vround;

/* verify_round.c */
/* Parses a verify body into r (fields after `req`), checking every bound
 * that does not depend on the session. model_out/session_out/n_past_out
 * point into r->new_tokens' neighbours: names are copied into the given
 * buffers. On failure e holds the 400 to send. */
int ew__verify_parse(const char *body, size_t len, int max_draft, vround *r, char *model,
                     size_t model_size, char *session, size_t session_size, int64_t *n_past,
                     ew_api_error *e);
/* Checks token ids and draft distributions against the model's vocab. */
int ew__verify_check_vocab(const vround *r, int n_vocab, ew_api_error *e);
/* The worker's part: one forward pass (more for a long prefix) and the verdict. */
void ew__verify_work(void *arg);

#endif
