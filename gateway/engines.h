/* What serves requests, across config reloads: the embedded models (one
 * runner each), the cloud client, and the local-HTTP client (models with a
 * url: Ollama or llama-server on this machine, through the cloud client's
 * code).
 *
 * A reload builds what changed and retires the rest: a model whose entry is
 * unchanged keeps its runner (and its loaded weights); a retired runner or
 * client is freed once nothing uses it. Users hold a reference from the
 * start of their work to its end. Loop thread only.
 */
#ifndef EW_GATEWAY_ENGINES_H
#define EW_GATEWAY_ENGINES_H

#include <stdbool.h>

#include "local/runner.h"
#include "policy/config.h"
#include "remote/remote.h"

struct event_base;

typedef struct ew__engines ew__engines;

/* One local model: embedded (a runner), or an OpenAI-compatible server on
 * this device (url: served through the local-HTTP client, at most workers
 * requests at a time plus queue waiting, counted by users). */
typedef struct ew__engine {
    char name[EW_DECISION_NAME_MAX];
    ew__runner *runner; /* NULL for a url model */
    /* The entry it was built from, to tell whether a reload changed it. */
    char path[1024];
    char url[1024];
    char upstream_model[EW_DECISION_NAME_MAX];
    char sha256[65];
    int threads, ctx, workers, queue;
    bool kv_f32;
    int users;
    int pins; /* reloads that may keep it (not users: no capacity is taken) */
    bool retired;
    /* Backpressure on its streams (loop thread): generations paused for a
     * slow client, and ended because it did not drain in time or left. */
    uint64_t paused, stall_timeouts, stall_disconnects;
    struct ew__engine *next;
} ew__engine;

/* One cloud-client instance (the backends of one config). */
typedef struct ew__upstream {
    ew__remote *remote;
    int users;
    bool retired;
    struct ew__upstream *next;
} ew__upstream;

int ew__engines_new(struct event_base *base, ew_config *cfg, ew__engines **out, ew_error *err);
/* Joins every worker and frees all; in-flight users must be gone (their
 * callbacks are dropped). NULL is a no-op. */
void ew__engines_free(ew__engines *e);
/* Switches to cfg. On failure nothing changes and err says why. */
int ew__engines_apply(ew__engines *e, ew_config *cfg, ew_error *err);

/* The same in three steps, so the slow part (loading models) runs off the
 * loop while the loop keeps serving:
 *  - _begin (loop): holds the current models, so none is freed meanwhile;
 *  - _load (any thread, once): loads the models of cfg that are new or
 *    changed; reads nothing the loop writes;
 *  - _commit (loop): binds them to the loop, builds the cloud clients and
 *    switches, or _abort: drops them. Either consumes the plan. */
typedef struct ew__engines_plan ew__engines_plan;
ew__engines_plan *ew__engines_plan_begin(ew__engines *e);
int ew__engines_plan_load(ew__engines_plan *p, const ew_config *cfg, ew_error *err);
int ew__engines_plan_commit(ew__engines *e, ew__engines_plan *p, ew_config *cfg, ew_error *err);
void ew__engines_plan_abort(ew__engines *e, ew__engines_plan *p);

/* The current model named name (NULL or "" = the first), or NULL. */
ew__engine *ew__engines_model(ew__engines *e, const char *name);
/* The current cloud client; NULL when the config has no backends. */
ew__upstream *ew__engines_remote(ew__engines *e);
/* The client of the url models (one backend per model, named as the model);
 * NULL when there is none. */
ew__upstream *ew__engines_local_http(ew__engines *e);
/* Whether an upstream answer is due soon, from any client, current or
 * retired (ew__remote_answer_due); *answers sums their counts, *expect_us
 * is the soonest any due answer is expected. */
bool ew__engines_answer_due(ew__engines *e, uint64_t now_us, uint64_t *answers,
                            uint64_t *expect_us);
/* A model's queue: waiting, its bound, running now. */
void ew__engine_queue(const ew__engine *m, int *waiting, int *capacity, int *running);

void ew__engine_hold(ew__engine *m);
void ew__engine_release(ew__engines *e, ew__engine *m);
void ew__upstream_hold(ew__upstream *u);
void ew__upstream_release(ew__engines *e, ew__upstream *u);

/* Every current model's queue (summed), for the router and the metrics. */
void ew__engines_queue(ew__engines *e, int *waiting, int *capacity, int *running, int *workers);
/* Calls fn for every current model. */
void ew__engines_each(ew__engines *e, void (*fn)(void *arg, const ew__engine *m), void *arg);

#endif
