/* The embedded engine served to an event loop: one model, a fixed set of
 * worker threads each owning one session and one sampler (allocated when the
 * runner starts, reused by every job), and a bounded FIFO of jobs waiting for
 * a worker.
 *
 * Jobs are submitted from the loop thread. A worker runs a job's function
 * with its own session; what the job emits (text) and its end are posted
 * back to the loop through a pipe the loop watches, so no callback ever runs
 * on a worker and the loop never waits for a worker.
 *
 * Callbacks (all on the loop thread): on_text zero or more times, then
 * exactly one on_end. ew__runner_cancel stops the text; on_end still comes,
 * with EW_ERR_CANCELLED, once the worker has let go of the job's inputs, so
 * a caller may free what the job borrows only in on_end. If submit fails, no
 * callback is ever called. ew__runner_free drops every pending callback.
 *
 * The generation job (ew__runner_submit_gen) renders the chat template,
 * tokenizes, applies max_tokens, stop strings and the context limit, and can
 * judge its own confidence over its first tokens before letting any text
 * out (the cascade route). Other routes (speculative drafting, local-prefix
 * condensing) submit their own function with ew__runner_submit.
 */
#ifndef EW_LOCAL_RUNNER_H
#define EW_LOCAL_RUNNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/engine.h"
#include "edgeway/request.h"

struct event_base;

typedef struct ew__runner ew__runner;
typedef struct ew__runner_job ew__runner_job;
/* A worker's view of the job it runs (valid during the job's function). */
typedef struct ew__runner_ctx ew__runner_ctx;

typedef struct ew__runner_opts {
    struct event_base *base; /* borrowed; must outlive the runner; NULL: see _attach */
    const char *name;        /* for logs */
    const char *path;        /* GGUF file */
    const char *sha256;      /* NULL = not checked */
    int workers;             /* sessions = concurrent jobs; >= 1 */
    int queue;               /* jobs waiting beyond the workers; >= 0 */
    int threads;             /* threads per session; 0 = cores / workers */
    int n_ctx;               /* 0 = min(training context, 4096) */
    bool kv_f32;
    size_t max_prompt_bytes; /* rendered prompt cap; 0 = 8 MiB */
} ew__runner_opts;

/* What a job did. Timings are milliseconds on the monotonic clock. */
typedef struct ew__runner_result {
    int prompt_tokens;
    int completion_tokens; /* sampled tokens, the end-of-generation token included */
    ew_stop_reason stop;
    /* Confidence probe (generation with probe_tokens > 0). */
    int probed;        /* tokens judged */
    double confidence; /* their mean; NaN when none was judged */
    bool escalate;     /* below min_confidence: nothing was emitted */
    double queue_ms;   /* submit to a worker taking it */
    double prompt_ms;  /* prompt evaluation */
    double gen_ms;     /* generation */
    double first_ms;   /* submit to the first emitted text; -1 = none */
} ew__runner_result;

typedef struct ew__runner_events {
    /* A generation's confidence probe decided (before any of its text);
     * may be NULL. */
    void (*on_probe)(void *user, double confidence, bool escalate);
    void (*on_text)(void *user, const char *text, size_t len);
    /* status EW_OK, EW_ERR_CANCELLED, or the job's failure; message is
     * printable (never prompt text) and valid during the call. */
    void (*on_end)(void *user, int status, const char *message, const ew__runner_result *res);
} ew__runner_events;

/* Runs on a worker. Emits text with ew__runner_emit, checks
 * ew__runner_cancelled often, fills *res; returns EW_OK or a failure with
 * err set. */
typedef int (*ew__runner_fn)(ew__runner_ctx *ctx, void *arg, ew__runner_result *res, ew_error *err);

/* Opens the model and starts the workers. With opts->base NULL it touches
 * no event loop, so it may run on any thread (loading a model blocks): the
 * runner then takes jobs only after ew__runner_attach, on the loop thread. */
int ew__runner_new(const ew__runner_opts *opts, ew__runner **out, ew_error *err);
/* Binds a runner made without a base to the loop base (loop thread). */
int ew__runner_attach(ew__runner *r, struct event_base *base, ew_error *err);
/* Stops the workers (running jobs are cancelled and joined), drops every
 * pending callback, closes the model. NULL is a no-op. */
void ew__runner_free(ew__runner *r);

const ew_model *ew__runner_model(const ew__runner *r);
int ew__runner_n_ctx(const ew__runner *r);
/* Jobs waiting for a worker, and the bound on that. Any thread. */
int ew__runner_waiting(const ew__runner *r);
int ew__runner_capacity(const ew__runner *r);
/* Jobs running on a worker now. */
int ew__runner_running(const ew__runner *r);

/* Queues fn(arg) for a worker; arg is borrowed until on_end. EW_ERR_BUSY
 * when every worker is busy and the queue is full. */
int ew__runner_submit(ew__runner *r, ew__runner_fn fn, void *arg, const ew__runner_events *ev,
                      void *user, ew__runner_job **out);
/* Stops a job's text; its on_end follows with EW_ERR_CANCELLED. */
void ew__runner_cancel(ew__runner_job *job);
/* Backpressure (loop thread): while a job is paused, its worker blocks in
 * its next ew__runner_emit (on a condition variable, the runner's lock
 * released: no spinning, the loop is never held up) until the job is
 * resumed or cancelled. A pause that lasts max_ms ends the job:
 * ew__runner_emit returns EW_ERR_TIMEOUT and on_end gets that status. */
void ew__runner_pause(ew__runner_job *job, bool pause, int max_ms);

/* ---- for job functions (worker thread) ------------------------------------------- */

ew_session *ew__runner_session(ew__runner_ctx *ctx);
ew_sampler *ew__runner_sampler(ew__runner_ctx *ctx);
const ew_model *ew__runner_ctx_model(ew__runner_ctx *ctx);
/* A reusable buffer of the worker's (emptied), for rendered prompts. */
struct ew_buf *ew__runner_scratch(ew__runner_ctx *ctx);
/* A reusable array of n_ctx token ids of the worker's. */
int32_t *ew__runner_ids(ew__runner_ctx *ctx);
bool ew__runner_cancelled(const ew__runner_ctx *ctx);
/* Posts text to the loop. Waits while the job is paused, and while 64 KiB
 * of its text is still waiting for the loop (a worker never runs far ahead
 * of its consumer). EW_ERR_CANCELLED once the job is cancelled,
 * EW_ERR_TOO_LARGE on one huge piece, EW_ERR_TIMEOUT when the job stayed
 * paused too long. */
int ew__runner_emit(ew__runner_ctx *ctx, const char *text, size_t len);

/* Posts a confidence probe's outcome; it reaches on_probe before any text
 * emitted after this call. */
void ew__runner_note_probe(ew__runner_ctx *ctx, double confidence, bool escalate);

/* ---- the generation job ------------------------------------------------------------ */

typedef enum ew__confidence_metric {
    EW__CONF_MEAN_TOP1 = 0, /* mean probability of the most likely token */
    EW__CONF_MARGIN = 1,    /* mean of top-1 minus top-2 probability */
} ew__confidence_metric;

typedef struct ew__gen_input {
    const ew_request *req;                 /* borrowed until on_end: messages (chat) or prompt */
    int max_tokens;                        /* -1 = as many as the context allows */
    const char *stop[EW_REQUEST_MAX_STOP]; /* (n_stop) each 1..EW_MAX_STOP_LEN bytes */
    int n_stop;
    double temperature; /* NaN = 1 (OpenAI's default); 0 = greedy */
    double top_p;       /* NaN = 1 */
    bool has_seed;
    uint64_t seed;
    /* Cascade: hold the text of the first probe_tokens tokens, then go on
     * only if their mean confidence reaches min_confidence. 0 = off. */
    int probe_tokens;
    ew__confidence_metric metric;
    double min_confidence;
} ew__gen_input;

/* Queues a generation; in is copied (its strings and request are borrowed
 * until on_end). Fails like ew__runner_submit. */
int ew__runner_submit_gen(ew__runner *r, const ew__gen_input *in, const ew__runner_events *ev,
                          void *user, ew__runner_job **out);

/* The confidence of one step from its logits (n values): top-1 probability
 * or the top-1 minus top-2 margin, both under the model's own distribution
 * (softmax at temperature 1, before any sampling transform). */
double ew__step_confidence(const float *logits, int n, ew__confidence_metric metric);

/* sampler.c: replaces a sampler's parameters and restarts its stream, so
 * one sampler serves every request of a worker. EW_ERR_INVALID as for
 * ew_sampler_new. */
int ew__sampler_set_params(ew_sampler *s, const ew_sampler_params *p, ew_error *err);

#endif
