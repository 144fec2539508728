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

#include "edgeway/core.h"
#include "edgeway/remote.h"
#include "edgeway/request.h"

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

#define EW_DECISION_NAME_MAX      65 /* names are at most 64 bytes */
#define EW_DECISION_MESSAGE_MAX   481
#define EW_DECISION_MAX_REASONS   8
#define EW_DECISION_REASON_MAX    256
#define EW_DECISION_MAX_FALLBACKS 16
#define EW_DECISION_MAX_PII       16

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
 * stays valid across a policy replacement. Fallbacks and reasons past their
 * counts are unspecified bytes. */
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

/* ---- the router ---------------------------------------------------------------- */

/* A router holds a policy (a loaded, validated config) and what it needs to
 * compute a request's features: the PII scanner and the difficulty model. It
 * is thread-safe: any number of threads may decide while another replaces the
 * policy; each decision uses one policy from start to end. */
typedef struct ew_router ew_router;

/* Builds a router from a config file or from YAML text (name labels errors).
 * On failure *out is NULL and err holds the first error as file:line:col
 * (`edgeway check` lists them all). Returns EW_OK, EW_ERR_CONFIG, EW_ERR_IO
 * or EW_ERR_NOMEM. */
int ew_router_new_file(const char *path, ew_router **out, ew_error *err);
int ew_router_new_string(const char *yaml, size_t len, const char *name, ew_router **out,
                         ew_error *err);
/* NULL is a no-op. No decision may be running. */
void ew_router_free(ew_router *r);

/* Replaces the policy atomically. On any error the old policy stays in force
 * and err says why. */
int ew_router_reload_file(ew_router *r, const char *path, ew_error *err);
int ew_router_reload_string(ew_router *r, const char *yaml, size_t len, const char *name,
                            ew_error *err);

/* Device state as the policy sees it. Tri-states: -1 unknown, 0 no, 1 yes. */
typedef struct ew_route_device {
    int battery_pct; /* 0..100; -1 unknown */
    int charging;
    int thermal; /* 0 nominal, 1 fair, 2 serious, 3 critical; -1 unknown */
    int low_power;
    int metered;
} ew_route_device;

/* Everything unknown. ew_device_parse() (edgeway/device.h) reads the
 * header form "battery=18; charging=0; thermal=serious". */
void ew_route_device_init(ew_route_device *d);

/* The device's own state, by device.source (docs/device.md, "Precedence"):
 *   push   what ew_router_set_device() last pushed;
 *   sysfs  the cached sysfs reading (re-read on the decide path at most once
 *          per device.sysfs_cache, by one thread), with pushed fields laid
 *          over it;
 *   static the config's values; header: none (unknown).
 * Pushed state and sysfs readings older than device.max_age are unknown.
 * A request's own state (ew_route_ctx.device) is laid over all of this.
 *
 * ew_router_set_device replaces the last push (fields -1 are unknown); the
 * push survives policy reloads. Returns EW_OK, EW_ERR_INVALID for values out
 * of range, or EW_ERR_STATE when device.source (static, header) ignores
 * pushes. Thread-safe. */
int ew_router_set_device(ew_router *r, const ew_route_device *d);
/* What a decision without a request state would see now (may re-read an
 * expired sysfs cache, like a decision). Returns EW_OK or EW_ERR_INVALID. */
int ew_router_get_device(ew_router *r, ew_route_device *out);

/* Who asks, and what the caller knows about the world right now. Every
 * field is optional (zero/NULL). */
typedef struct ew_route_ctx {
    const char *tenant;      /* the caller's tenant */
    const char *key;         /* the caller's API key name */
    const ew_health *health; /* NULL: every backend available, empty local queue */
    /* This request's device state (the x-edgeway-device header): its known
     * fields win over the router's own, field by field. The gateway passes
     * it when device.source is header or device.header_override is set.
     * NULL: the router's own state only. */
    const ew_route_device *device;
} ew_route_ctx;

/* Decides where a request goes. Does no I/O and never blocks on another
 * decision. A failure to classify never yields a laxer route: it counts as
 * every PII type present (fail closed). Returns EW_OK, or EW_ERR_INVALID for
 * NULL arguments. */
int ew_router_decide(ew_router *r, const ew_request *req, const ew_route_ctx *ctx,
                     ew_decision *out);

/* Writes the decision as one JSON object into out (NUL-terminated). Returns
 * 0, or EW_ERR_TOO_LARGE when out is too small (32 KiB always suffices). */
int ew_decision_to_json(const ew_decision *d, char *out, size_t size, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
