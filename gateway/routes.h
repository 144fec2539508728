/* Internal to the route modules: the pieces routes build on each other
 * with (cascade = local with a probe, then remote). */
#ifndef EW_GATEWAY_ROUTES_H
#define EW_GATEWAY_ROUTES_H

#include <stdbool.h>

#include "edgeway/gateway.h"
#include "gateway/engines.h"
#include "gateway/exec.h"
#include "local/runner.h"
#include "remote/remote.h"

/* route_local.c: a local generation on the model named `model` ("" = the
 * first). With probe set, the text waits for the confidence probe; when
 * it fails, escalate is called (instead of ew__exec_done) and nothing was
 * emitted. */
typedef struct ew__local_probe {
    int tokens;
    ew__confidence_metric metric;
    double min_confidence;
    void (*escalate)(ew__exec *x, void *arg, double confidence);
    void *arg;
} ew__local_probe;

int ew__local_start(ew__exec *x, const char *model, const ew__local_probe *probe, ew_api_error *e);

/* route_remote.c: the cloud client, on backend (NULL or "" = by priority). */
int ew__cloud_start(ew__exec *x, const char *backend, ew_api_error *e);
/* route_remote.c: a local model served over HTTP on this device (m->url);
 * EW_ERR_BUSY when it has workers + queue requests already. */
int ew__local_http_start(ew__exec *x, ew__engine *m, ew_api_error *e);

/* route_remote.c: the client's view of a cloud failure. */
void ew__remote_failure_error(const ew__remote_failure *f, ew_api_error *e);
/* route_local.c: 400 unless every stop string has 1..EW_MAX_STOP_LEN bytes. */
int ew__check_stops(const ew_request *req, ew_api_error *e);
/* route_split.c: pseudonymizes x's request (ew__exec_request returns the
 * sanitized copy from now on, for the route started next) and restores the
 * text and tool calls emitted after it, with the conversation's vault. On
 * failure x is kept on the device (no unsanitized fallback) and e says why.
 * The split route is this plus the cloud client; speculative can be this
 * plus its own verify calls. */
int ew__split_pseudonymize(ew__exec *x, const ew_route_target *t, ew_api_error *e);

/* route_split.c: the first message the client marked "x_edgeway":
 * {"local": true} (chat requests), or -1. */
int ew__split_first_marked(const ew_request *req);
/* route_split.c: x as the split route in local-prefix mode with t's backend
 * and model, for a request with marked messages that is headed off the
 * device: the marked ones are condensed on the device (or, when the request
 * cannot be made safe, it is answered here). With no local model at all it
 * fails with 403 must_stay_on_device naming the message. */
int ew__split_keep_marked(ew__exec *x, const ew_route_target *t, ew_api_error *e);

/* The OpenAI finish_reason for an engine stop. */
const char *ew__finish_reason(ew_stop_reason stop);

#endif
