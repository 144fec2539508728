/* The routing policy compiled from a config, and its evaluation.
 *
 * ew__policy_decide is pure: features in, decision out, no I/O, no
 * allocation, no locks. The router computes the features (PII scan,
 * difficulty, device state) and hands them over; tests can build them by hand.
 *
 * Order of a decision:
 *   1. the first rule whose conditions all hold; else the requested model
 *      (an alias, "local", "cloud", a configured model or a backend's model);
 *      else routing.default;
 *   2. if that route is unavailable (breaker open, local queue full), the
 *      first available fallback (the rule's own, else routing.fallbacks);
 *   3. the never_remote constraint: when the request holds such a type (or
 *      PII classification failed), a route that would send it off the device
 *      becomes routing.never_remote_action, and fallbacks that would are
 *      dropped. Nothing above can undo this step.
 */
#ifndef EW_POLICY_RULES_H
#define EW_POLICY_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "edgeway/pii.h"
#include "edgeway/router.h"
#include "policy/config.h"

/* PII types by their index in ew_config_pii_types(), which is their ew_pii_type. */
#define EW_RULES_PII_TYPES EW_PII_TYPE_COUNT

typedef struct ew_rule_input {
    uint32_t pii_counts[EW_RULES_PII_TYPES]; /* spans per type */
    bool pii_failed;                         /* classification failed: fail closed */
    double difficulty;                       /* [0,1]; NaN = unknown */
    ew_device_state_cfg device;              /* tri-states, -1 = unknown */
    bool device_shared; /* the device's own state (not a per-request header): hysteresis applies */
    const ew_health *health; /* NULL = everything available */
    const char *model;       /* requested; NULL = "auto" */
    const char *tenant;      /* NULL = none */
    const char *key;         /* API key name; NULL = none */
    int64_t prompt_tokens;
    int64_t prompt_bytes;
    bool stream;
} ew_rule_input;

typedef struct ew_policy ew_policy;

/* Compiles the routing section of cfg (which it references). Returns owned,
 * or NULL when out of memory. */
ew_policy *ew__policy_new(ew_config *cfg);
void ew__policy_free(ew_policy *p);
const ew_config *ew__policy_config(const ew_policy *p);
/* Whether any rule looks at difficulty (else the router need not score it). */
bool ew__policy_uses_difficulty(const ew_policy *p);

/* Decides for one request. Thread-safe on a shared policy (its only mutable
 * state is the hysteresis latches, which are atomics). */
void ew__policy_decide(ew_policy *p, const ew_rule_input *in, ew_decision *out);

/* Index of a PII type name in ew_config_pii_types(), or -1. */
int ew__pii_type_index(const char *name);

#endif
