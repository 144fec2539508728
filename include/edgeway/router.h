/* edgeway public API: routing decisions.
 *
 * Every request is served by one route. The policy (the `routing:` section of
 * the YAML config) picks it: ordered rules over the request's features (PII,
 * difficulty, device state, backend health, local queue, model, tenant,
 * prompt length, stream), the first match deciding; then fallbacks when the
 * chosen route is unavailable; then the hard never_remote constraints, which
 * nothing can override. The decision says what was chosen and why.
 */
#ifndef EDGEWAY_ROUTER_H
#define EDGEWAY_ROUTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/remote.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ew_route {
    EW_ROUTE_LOCAL = 0,   /* the embedded engine on this device */
    EW_ROUTE_REMOTE,      /* an OpenAI-compatible cloud backend */
    EW_ROUTE_SPLIT,       /* sensitive parts stay here, the cloud sees a sanitized form */
    EW_ROUTE_SPECULATIVE, /* local draft, cloud verification */
    EW_ROUTE_CASCADE,     /* local first, escalate when unsure */
    EW_ROUTE_DENY,        /* refused by policy */
} ew_route;

#define EW_ROUTE_COUNT 6

/* "local", "remote", "split", "speculative", "cascade", "deny"; never NULL. */
const char *ew_route_name(ew_route route);

/* ---- inputs the caller knows ------------------------------------------------- */

/* Health of one backend: ew_backend_health from the cloud client (edgeway/remote.h). */

/* Backends not listed count as available with an unknown RTT. */
typedef struct ew_health {
    const ew_backend_health *backends; /* (n_backends) */
    int n_backends;
    int local_queue;    /* requests waiting for the local engine */
    int local_capacity; /* that queue's bound; 0 = unbounded (never full) */
} ew_health;

/* ---- the decision ------------------------------------------------------------- */

#define EW_DECISION_NAME_MAX 65 /* names are at most 64 bytes */
#define EW_DECISION_MESSAGE_MAX 481
#define EW_DECISION_MAX_REASONS 8
#define EW_DECISION_REASON_MAX 256
#define EW_DECISION_MAX_FALLBACKS 16
#define EW_DECISION_MAX_PII 16

/* Where a route goes. Empty strings mean "none". */
typedef struct ew_route_target {
    ew_route route;
    char backend[EW_DECISION_NAME_MAX]; /* remote, split, speculative, cascade */
    char model[EW_DECISION_NAME_MAX];   /* local model: local, cascade, speculative draft, split */
    int split_mode;                     /* split: 0 pseudonymize, 1 local_prefix; else -1 */
} ew_route_target;

/* What the policy saw. PII appears as types with counts, never values. */
typedef struct ew_decision_features {
    struct {
        const char *type; /* static string */
        uint32_t count;
    } pii[EW_DECISION_MAX_PII]; /* (n_pii) types present */
    int n_pii;
    bool pii_failed;   /* classification failed: counted as every type present */
    double difficulty; /* [0,1]; NaN = unknown */
    int battery_pct;   /* 0..100; -1 = unknown */
    int charging;      /* tri-states: -1 unknown, 0, 1 */
    int thermal;       /* 0 nominal, 1 fair, 2 serious, 3 critical; -1 unknown */
    int low_power;
    int metered;
    int local_queue;
    int64_t prompt_tokens; /* estimated */
    int64_t prompt_bytes;
    bool stream;
    char model[EW_DECISION_NAME_MAX];  /* as requested (truncated) */
    char tenant[EW_DECISION_NAME_MAX]; /* "" = none */
} ew_decision_features;

/* A decision is a plain value: it holds no reference into the policy, so it
 * stays valid across a policy replacement. */
typedef struct ew_decision {
    ew_route_target target;
    char rule[EW_DECISION_NAME_MAX];         /* what decided: a rule's name, or "default",
                                                "request", "alias", "never_remote" */
    char matched_rule[EW_DECISION_NAME_MAX]; /* the first rule that matched; "" = none */
    char message[EW_DECISION_MESSAGE_MAX];   /* deny: for the client */
    bool never_remote;                       /* the hard constraint changed the route */
    bool fell_back;                          /* the chosen route was unavailable */
    ew_route_target fallbacks[EW_DECISION_MAX_FALLBACKS]; /* (n_fallbacks) to try next, in order,
                                                             already within the constraints */
    int n_fallbacks;
    char reasons[EW_DECISION_MAX_REASONS][EW_DECISION_REASON_MAX]; /* (n_reasons) */
    int n_reasons;
    ew_decision_features features;
} ew_decision;

/* Writes the decision as one JSON object into out (NUL-terminated). Returns
 * 0, or EW_ERR_TOO_LARGE when out is too small (32 KiB always suffices). */
int ew_decision_to_json(const ew_decision *d, char *out, size_t size, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
