/* edgeway public API: routing decisions.
 *
 * A request is served by one of a few routes; the policy (routing rules in
 * the YAML config) picks one for every request and says why.
 */
#ifndef EDGEWAY_ROUTER_H
#define EDGEWAY_ROUTER_H

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

#ifdef __cplusplus
}
#endif
#endif
