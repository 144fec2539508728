/* Per-backend health: circuit breaker, Retry-After block and moving averages.
 * Pure state, with the time passed in, so it is tested without a network.
 * A mutex guards it because the router and metrics may read it from other
 * threads than the loop that updates it. */
#ifndef EW_REMOTE_HEALTH_H
#define EW_REMOTE_HEALTH_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "edgeway/remote.h"

typedef struct ew__breaker_opts {
    int failure_threshold; /* consecutive failed attempts that open it; default 5 */
    int open_ms;           /* first cool-down; default 5000; doubles per failed probe */
    int max_open_ms;       /* cap on the cool-down; default 60000 */
    int probes;            /* concurrent probes when half-open; default 1 */
} ew__breaker_opts;

typedef enum ew__outcome {
    EW__OUTCOME_SUCCESS = 0,
    EW__OUTCOME_FAILURE, /* the backend's fault: counts for the breaker */
    EW__OUTCOME_NEUTRAL, /* cancelled, or our request was at fault (HTTP 400) */
} ew__outcome;

typedef struct ew__health {
    pthread_mutex_t mu;
    char name[EW_BACKEND_NAME_MAX];
    ew__breaker_opts opts;
    ew_breaker_state state;
    int consecutive_failures;
    int probes_in_flight;
    int cur_open_ms;
    uint64_t open_until_ms;
    uint64_t blocked_until_ms; /* Retry-After */
    double rtt_ms, ttfb_ms, error_rate;
    int in_flight;
    uint64_t attempts, failures;
} ew__health;

/* opts may be NULL for defaults; zero fields take defaults too. */
void ew__health_init(ew__health *h, const char *name, const ew__breaker_opts *opts);
void ew__health_cleanup(ew__health *h);
/* Whether a new attempt may go there now (breaker and Retry-After). */
bool ew__health_available(ew__health *h, uint64_t now_ms);
/* Milliseconds until the Retry-After block ends (0 when none). */
int64_t ew__health_blocked_ms(ew__health *h, uint64_t now_ms);
/* Starts an attempt if the breaker allows it (Retry-After is the caller's
 * choice); *probe says whether it is a half-open probe. Pair with _release. */
bool ew__health_acquire(ew__health *h, uint64_t now_ms, bool *probe);
void ew__health_release(ew__health *h, uint64_t now_ms, bool probe, ew__outcome outcome);
/* An upstream's Retry-After (429/503): no new attempts for ms (capped at 5 min). */
void ew__health_retry_after(ew__health *h, uint64_t now_ms, int64_t ms);
void ew__health_sample_rtt(ew__health *h, double ms);
void ew__health_sample_ttfb(ew__health *h, double ms);
void ew__health_snapshot(ew__health *h, uint64_t now_ms, ew_backend_health *out);

#endif
