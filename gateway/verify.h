/* The cloud side of speculative decoding: /v1/edgeway/info and
 * /v1/edgeway/verify over the embedded models.
 *
 * A verification session holds one conversation's target state: the tokens
 * committed so far and a KV cache holding all of them but (usually) the
 * last, so a round costs one forward pass over that last token and the
 * draft. Sessions are capped in count and memory (the least recently used
 * idle one is evicted for a new one) and dropped when idle too long; a
 * round naming a session that is gone, or whose length the client has
 * wrong, gets 409 session_unknown and the client starts over with its
 * whole prefix.
 *
 * Rounds run on worker threads (gateway/spec_worker.h); the loop only
 * parses, answers and keeps the session table. Everything here is on the
 * loop thread.
 *
 * Wire format (JSON):
 *   POST /v1/edgeway/verify
 *     {"model": "big", "session": "…" (omit to open one), "n_past": 0,
 *      "tokens": [ids appended since the last round], "draft": [ids],
 *      "draft_probs": [[[id, p], …] per draft token] (only when sampling),
 *      "temperature": 0, "top_k": 0, "top_p": 1, "min_p": 0, "seed": 7,
 *      "logprobs": false}
 *   ->  {"session": "…", "accepted": 2, "next_token": 17, "n_past": 31,
 *        "logprobs": [per emitted token], "passes": 1, "evaluated": 5,
 *        "eval_ms": 0.41, "target_passes": 9, "rounds": 7}
 *   n_past is the length of the committed sequence before `tokens`; the
 *   answer's n_past is the length after the round, which commits the
 *   accepted draft tokens and next_token.
 *   DELETE /v1/edgeway/sessions/{id} ends a session early.
 */
#ifndef EW_GATEWAY_VERIFY_H
#define EW_GATEWAY_VERIFY_H

#include <stdint.h>

#include "edgeway/core.h"
#include "gateway/http.h"
#include "policy/config.h"

struct event_base;

typedef struct ew__verify ew__verify;

typedef struct ew__verify_stats {
    int sessions;
    size_t memory;     /* bytes of session buffers */
    int pending;       /* rounds queued or running */
    uint64_t rounds;   /* totals since start */
    uint64_t passes;   /* target forward passes */
    uint64_t drafted;  /* draft tokens received */
    uint64_t accepted; /* draft tokens accepted */
    uint64_t evicted;  /* sessions dropped for room or idleness */
    uint64_t unknown;  /* rounds answered with session_unknown */
} ew__verify_stats;

/* Starts the workers and loads every model of the config on one of them
 * (the config is only read here); until the models are loaded, and for
 * good if they cannot be, the endpoints answer 503 (verify_loading, or
 * verify_unavailable with the reason in the log). EW_ERR_NOT_FOUND when
 * the config has no models or turns verification off: the caller then
 * serves neither endpoint. */
int ew__verify_new(struct event_base *base, const ew_config *cfg, ew__verify **out, ew_error *err);
/* Answers every round still pending with 503 and frees all. NULL is a
 * no-op. Call it before freeing the HTTP server. */
void ew__verify_free(ew__verify *v);

void ew__verify_info(ew__verify *v, ew__http_req *r);
void ew__verify_round(ew__verify *v, ew__http_req *r);
void ew__verify_delete(ew__verify *v, ew__http_req *r);
void ew__verify_stats_get(const ew__verify *v, ew__verify_stats *out);

#endif
