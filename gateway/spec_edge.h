/* The device side of speculative decoding: a local draft proposes tokens,
 * an edgeway "cloud" (kind: edgeway backend) verifies them, and accepted
 * tokens are handed to the caller as each round returns.
 *
 * One ew__spec_edge serves a gateway: it holds the draft model (with its
 * early-exit depth) on worker threads and, per backend and target model,
 * what was learned: whether the backend verifies at all, whether its
 * tokenizer is the draft's (checked once, through GET /edgeway/info; a
 * mismatch disables the pair with one log line), and the acceptance and
 * timing figures that choose k (edgeway/speculative.h) and decide whether
 * speculation pays off.
 *
 * A run generates one completion from token ids, or from prompt text that
 * a draft worker tokenizes first (so the loop never tokenizes). Callbacks
 * run on the loop thread: on_tokens zero or more times, then on_end exactly
 * once, unless the run is cancelled (then nothing more is called). If ew__spec_start fails,
 * no callback is ever called. A run that cannot or should not speculate ends
 * with EW_ERR_UNSUPPORTED and stats.fallback saying why; stats.generated
 * then tells how many tokens were already delivered, so the caller knows
 * whether plain remote streaming can start over or must continue.
 */
#ifndef EW_GATEWAY_SPEC_EDGE_H
#define EW_GATEWAY_SPEC_EDGE_H

#include <stdbool.h>
#include <stdint.h>

#include "edgeway/engine.h"
#include "edgeway/speculative.h"
#include "policy/config.h"
#include "remote/remote.h"

struct event_base;

typedef struct ew__spec_edge ew__spec_edge;
typedef struct ew__spec_run ew__spec_run;

typedef struct ew__spec_edge_opts {
    struct event_base *base; /* borrowed */
    ew__remote *remote;      /* borrowed: the cloud client holding the backends */
    const char *draft_path;  /* GGUF of the draft (often the target's own file) */
    const char *draft_sha256;
    const ew_model *model; /* instead of draft_path: an open model, borrowed */
    int n_layer_exit;      /* draft = the first n layers; 0 = all */
    int n_ctx;             /* draft positions; 0 = min(training context, 4096) */
    int threads;           /* per draft forward pass; 0 = 1 */
    int workers;           /* drafts computed at once; 0 = 1 */
    int queue;             /* drafts waiting; default 16 when 0 */
} ew__spec_edge_opts;

int ew__spec_edge_new(const ew__spec_edge_opts *opts, ew__spec_edge **out, ew_error *err);
/* Cancels every run still going (no callback follows). Not from inside a
 * callback of its runs. NULL is a no-op. */
void ew__spec_edge_free(ew__spec_edge *e);
const ew_model *ew__spec_edge_draft_model(const ew__spec_edge *e);

typedef enum ew__spec_fallback {
    EW__SPEC_NO_FALLBACK = 0,
    EW__SPEC_NO_VERIFY,  /* the backend does not verify (no /edgeway/info, or not this model) */
    EW__SPEC_MISMATCH,   /* its tokenizer is not the draft's */
    EW__SPEC_NOT_PAYING, /* acceptance below min_acceptance */
} ew__spec_fallback;

const char *ew__spec_fallback_name(ew__spec_fallback f);

typedef struct ew__spec_params {
    const char *backend;      /* the backend's name (kind: edgeway) */
    const char *target_model; /* the model's name on the backend */
    const int32_t *prompt;    /* (n_prompt) copied */
    int n_prompt;
    /* Instead of prompt: text (copied), tokenized on a draft worker; special
     * names control tokens (a rendered chat template). */
    const char *text;
    size_t text_len;
    bool text_special;
    int max_tokens;             /* >= 1 */
    ew_sampler_params sampling; /* temperature <= 0: greedy; the penalty is not used */
    bool has_seed;              /* else a random seed */
    bool ignore_eog;
    const char *request_id; /* for logs; may be NULL */
    ew_speculative_cfg cfg; /* k, k_max, adaptive, p_min, min_acceptance */
    /* Low acceptance may end a run that already delivered tokens (a caller
     * that can still start over); else only a run's start falls back. */
    bool fallback_after_output;
} ew__spec_params;

typedef enum ew__spec_stop {
    EW__SPEC_STOP_LENGTH = 0,
    EW__SPEC_STOP_EOG,
    EW__SPEC_STOP_CONTEXT,
    EW__SPEC_STOP_CALLER, /* on_tokens asked to stop */
} ew__spec_stop;

typedef struct ew__spec_stats {
    int prompt_tokens;
    int generated; /* tokens delivered through on_tokens */
    int rounds;
    int drafted;            /* draft tokens sent */
    int accepted;           /* of them accepted */
    int restarts;           /* the verifier had lost the session: the prefix went again */
    uint64_t target_passes; /* target forward passes for this run, as the verifier counts */
    uint64_t bytes_sent, bytes_received;
    double rtt_ms;    /* mean round time minus the verifier's eval time */
    double draft_ms;  /* mean draft time per token evaluated */
    double verify_ms; /* mean target eval time per round */
    int k_last;
    ew__spec_stop stop;
    ew__spec_fallback fallback;
} ew__spec_stats;

typedef struct ew__spec_events {
    /* Returns true to end the run here (on_end follows with EW_OK). */
    bool (*on_tokens)(void *user, const int32_t *tokens, int n);
    /* status EW_OK, EW_ERR_UNSUPPORTED (fallback), or the failure; message
     * is printable and valid during the call. */
    void (*on_end)(void *user, int status, const char *message, const ew__spec_stats *st);
} ew__spec_events;

int ew__spec_start(ew__spec_edge *e, const ew__spec_params *p, const ew__spec_events *ev,
                   void *user, ew__spec_run **out, ew_error *err);
/* Stops a run silently; may be called from inside its on_tokens. */
void ew__spec_cancel(ew__spec_run *run);

/* Learned figures of a backend/model pair, for metrics; false if unknown. */
typedef struct ew__spec_peer_stats {
    bool checked, usable;
    double alpha;
    int k;
    double rtt_ms;
    uint64_t rounds, drafted, accepted;
} ew__spec_peer_stats;
bool ew__spec_peer_stats_get(const ew__spec_edge *e, const char *backend, const char *model,
                             ew__spec_peer_stats *out);

#endif
