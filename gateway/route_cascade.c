/* The cascade route: the local model starts, holding back its text; after
 * routing.cascade.probe_tokens tokens (or the end of the answer, if sooner)
 * the mean confidence decides. At or above min_confidence the held text and
 * the rest of the answer stream out from the local model; below it, nothing
 * has reached the client yet and the request goes to the cloud.
 *
 * Confidence per token is measured on the model's own next-token
 * distribution (softmax of the logits at temperature 1, before any sampling
 * transform), at the step that produced the token:
 *  - mean_top1: the probability of the most likely token;
 *  - margin: that probability minus the second most likely one's.
 * The end-of-generation token counts as a step. The response says which way
 * it went: x-edgeway-cascade: local|escalated, x-edgeway-confidence. A
 * request with a message the client marked x_edgeway.local escalates
 * through split local-prefix (x-edgeway-split), so that message stays here. */
#include <stdio.h>

#include "gateway/gw.h"
#include "gateway/routes.h"

typedef struct cascade {
    ew_route_target t;
} cascade;

/* To the cloud; a message the client marked to stay on the device goes
 * through split local-prefix instead (condensed here), never raw. */
static int to_cloud(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    if (ew__split_first_marked(ew__exec_request(x)) >= 0) return ew__split_keep_marked(x, t, e);
    return ew__cloud_start(x, t->backend, e);
}

static void escalate(ew__exec *x, void *arg, double confidence)
{
    cascade *c = arg;
    (void)confidence; /* in x-edgeway-confidence already */
    ew_api_error e;
    int st = to_cloud(x, &c->t, &e);
    if (st) ew__exec_fail(x, st, &e, true);
}

static int start(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    ew__gateway *gw = ew__exec_gw(x);
    const ew_cascade_cfg *cc = &gw->cfg->routing->cascade;
    cascade *c = ew_arena_calloc(ew__exec_arena(x), 1, sizeof *c);
    if (!c) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    c->t = *t;
    ew__local_probe p = {.tokens = cc->probe_tokens,
                         .metric =
                             cc->metric == EW_CASCADE_MARGIN ? EW__CONF_MARGIN : EW__CONF_MEAN_TOP1,
                         .min_confidence = cc->min_confidence,
                         .escalate = escalate,
                         .arg = c};
    int st = ew__local_start(x, t->model, &p, e);
    if (st == EW_ERR_UNAVAILABLE || st == EW_ERR_BUSY || st == EW_ERR_UNSUPPORTED) {
        /* No local model to try: the cascade is the cloud's alone. */
        ew__exec_add_header(x, "x-edgeway-cascade", "escalated");
        st = to_cloud(x, t, e);
    }
    return st;
}

const ew__route_ops ew__route_cascade = {EW_ROUTE_CASCADE, start};
