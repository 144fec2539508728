/* Internal to the gateway: its shared state, seen by the endpoint handlers
 * (server.c), the executor (exec.c) and the route modules (route_*.c). */
#ifndef EW_GATEWAY_GW_H
#define EW_GATEWAY_GW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "edgeway/router.h"
#include "gateway/auth.h"
#include "gateway/engines.h"
#include "gateway/exec.h"
#include "gateway/http.h"
#include "gateway/loop.h"
#include "gateway/metrics.h"
#include "gateway/server.h"
#include "gateway/verify.h"

struct ew__gateway {
    struct event_base *base;
    ew_config *cfg; /* one reference: the config in force */
    ew__http_server *http;
    ew__access_fn access;
    void *access_user;
    bool listen_override;
    ew_tls_server **tls; /* (n_tls) per configured listener; NULL = plaintext */
    int n_tls;
    int64_t created; /* when the config came into force, for model objects */
    int (*reload)(void *user, ew__reload_done_fn done, void *arg);
    void *reload_user;
    ew_router *router;
    ew__engines *engines;
    ew__auth *auth;
    ew__metrics *metrics;
    ew__verify *verify; /* the cloud side of speculative decoding; NULL: no model to verify */
    struct ew__spec_edges *spec;   /* the speculative route's drafts; NULL until first used */
    ew__exec *execs;               /* requests being executed */
    struct ew__split_state *split; /* vaults and metrics of the split route; NULL until used */
    ew__spin spin;                 /* the serve loop's busy-poll (gateway/loop.c) */
};

/* exec.c: called by the gateway when it frees (no exec may call back after). */
void ew__exec_forget_all(ew__gateway *gw);

#endif
