/* The local route: the embedded engine, through the model's runner (worker
 * threads with a bounded queue; see local/runner.h). A full queue is a
 * failure the exec can fall back from (to the cloud when the policy allows),
 * else the client gets 429 with Retry-After.
 *
 * Backpressure: when a stream's client falls behind (the exec's high-water
 * mark of unsent output), the generation pauses: its worker blocks until
 * the client has drained to the low-water mark. A client that leaves cancels
 * the generation at once; one that does not drain within the server's
 * write_timeout ends it with a slow_client error, so no client can hold a
 * worker for longer than that without reading. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "gateway/gw.h"
#include "gateway/routes.h"

typedef struct local_run {
    ew__exec *x;
    ew__gateway *gw;
    ew__engine *m;
    ew__runner_job *job;
    ew__local_probe probe;
    bool has_probe;
    int stop_status; /* why we cancelled the job ourselves; 0 = we did not */
    bool paused;     /* the job waits for the client to drain */
    int pause_max_ms;
} local_run;

const char *ew__finish_reason(ew_stop_reason stop)
{
    switch (stop) {
    case EW_STOP_LENGTH:
    case EW_STOP_CONTEXT:
        return "length";
    default:
        return "stop";
    }
}

static void cancel_hook(void *arg)
{
    local_run *l = arg;
    if (l->paused) l->m->stall_disconnects++;
    ew__runner_cancel(l->job); /* on_end follows with CANCELLED */
}

static void pause_hook(void *arg, bool pause)
{
    local_run *l = arg;
    if (pause && !l->paused) l->m->paused++;
    l->paused = pause;
    ew__runner_pause(l->job, pause, l->pause_max_ms);
}

static void on_probe(void *user, double confidence, bool escalate)
{
    local_run *l = user;
    char v[32];
    snprintf(v, sizeof v, "%.4f", confidence);
    ew__exec_add_header(l->x, "x-edgeway-confidence", v);
    ew__exec_add_header(l->x, "x-edgeway-cascade", escalate ? "escalated" : "local");
    ew__metrics_cascade(l->gw->metrics, escalate);
}

static void on_text(void *user, const char *text, size_t len)
{
    local_run *l = user;
    if (l->stop_status) return;
    int st = ew__exec_text(l->x, text, len);
    if (st) {
        l->stop_status = st;
        ew__runner_cancel(l->job);
    }
}

static void local_error(int status, const char *message, ew_api_error *e)
{
    switch (status) {
    case EW_ERR_TOO_LARGE:
        ew_api_error_set(e, 400, "invalid_request_error", "context_length_exceeded", "messages",
                         "%s", message);
        break;
    case EW_ERR_INVALID:
        ew_api_error_set(e, 400, "invalid_request_error", "invalid_value", NULL, "%s", message);
        break;
    default:
        ew_api_error_set(e, 500, "server_error", "local_engine_error", NULL,
                         "The local model failed: %s", message);
    }
}

static void on_end(void *user, int status, const char *message, const ew__runner_result *res)
{
    local_run *l = user;
    ew__exec *x = l->x;
    ew__exec_set_pause(x, NULL, NULL);
    ew__engine_release(l->gw->engines, l->m);
    if (status == EW_ERR_CANCELLED && l->stop_status) status = l->stop_status;
    if (status == EW_OK && res->escalate && l->has_probe) {
        ew__exec_set_cancel(x, NULL, NULL);
        l->probe.escalate(x, l->probe.arg, res->confidence);
        return;
    }
    if (status) {
        ew_api_error e;
        if (status == EW_ERR_CANCELLED)
            ew_api_error_set(&e, 499, "invalid_request_error", "cancelled", NULL, "cancelled");
        else if (status == EW_ERR_TOO_LARGE && l->stop_status)
            ew_api_error_set(&e, 500, "server_error", "slow_client", NULL,
                             "The client did not read the answer fast enough.");
        else if (status == EW_ERR_TIMEOUT) { /* only a pause times out */
            l->m->stall_timeouts++;
            ew_api_error_set(&e, 500, "server_error", "slow_client", NULL,
                             "The client did not read the answer for %d ms; the local model "
                             "stopped.",
                             l->pause_max_ms);
        } else
            local_error(status, message, &e);
        /* A client that left, or a prompt too long for this model, is not
         * the model's fault, but a bigger model elsewhere may still answer. */
        ew__exec_fail(x, status, &e,
                      status != EW_ERR_CANCELLED && !l->stop_status && status != EW_ERR_TIMEOUT);
        return;
    }
    ew__usage u = {.present = true,
                   .prompt_tokens = res->prompt_tokens,
                   .completion_tokens = res->completion_tokens,
                   .total_tokens = res->prompt_tokens + res->completion_tokens};
    ew__exec_done(x, ew__finish_reason(res->stop), &u);
}

static const ew__runner_events events = {on_probe, on_text, on_end};

int ew__check_stops(const ew_request *req, ew_api_error *e)
{
    for (int i = 0; i < req->n_stop; i++) {
        size_t n = strlen(req->stop[i]);
        if (n == 0 || n > EW_MAX_STOP_LEN) {
            ew_api_error_set(e, 400, "invalid_request_error", "invalid_value", "stop",
                             "Stop strings must have 1 to %d bytes.", EW_MAX_STOP_LEN);
            return EW_ERR_INVALID;
        }
    }
    return EW_OK;
}

/* What the request asks of the generation. */
static int gen_input(const ew_request *req, ew__gen_input *in, ew_api_error *e)
{
    memset(in, 0, sizeof *in);
    in->req = req;
    in->max_tokens = req->max_tokens;
    in->temperature = req->temperature;
    in->top_p = req->top_p;
    in->has_seed = req->has_seed;
    in->seed = req->has_seed ? (uint64_t)req->seed : 0;
    int st = ew__check_stops(req, e);
    for (int i = 0; !st && i < req->n_stop; i++)
        in->stop[in->n_stop++] = req->stop[i];
    return st;
}

int ew__local_start(ew__exec *x, const char *model, const ew__local_probe *probe, ew_api_error *e)
{
    ew__gateway *gw = ew__exec_gw(x);
    ew__engine *m = ew__engines_model(gw->engines, model);
    if (!m) {
        ew_api_error_set(e, 503, "server_error", "no_local_model", "model",
                         model && model[0] ? "The local model '%s' is not loaded."
                                           : "No local model is configured%s.",
                         model && model[0] ? model : "");
        return EW_ERR_UNAVAILABLE;
    }
    if (!m->runner) {
        /* A url model: no logits to judge a cascade's confidence by. */
        if (probe) {
            ew_api_error_set(e, 501, "server_error", "route_unavailable", "model",
                             "The local model '%s' is served over HTTP; a cascade needs an "
                             "embedded model.",
                             m->name);
            return EW_ERR_UNSUPPORTED;
        }
        return ew__local_http_start(x, m, e);
    }
    const ew_request *req = ew__exec_request(x);
    ew__gen_input in;
    int st = gen_input(req, &in, e);
    if (st) return st;
    if (!req->has_seed) {
        /* A fresh stream per request: the request id is unique. */
        uint64_t h = 1469598103934665603ull;
        for (const char *p = ew__exec_id(x); *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ull;
        in.seed = h ^ ew__exec_elapsed_us(x);
    }
    local_run *l = ew_arena_calloc(ew__exec_arena(x), 1, sizeof *l);
    if (!l) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    l->x = x;
    l->gw = gw;
    l->m = m;
    if (probe) {
        l->probe = *probe;
        l->has_probe = true;
        in.probe_tokens = probe->tokens;
        in.metric = probe->metric;
        in.min_confidence = probe->min_confidence;
    }
    st = ew__runner_submit_gen(m->runner, &in, &events, l, &l->job);
    if (st == EW_ERR_BUSY) {
        ew__exec_add_header(x, "Retry-After", "1");
        ew_api_error_set(e, 429, "rate_limit_error", "local_queue_full", NULL,
                         "The local model '%s' is busy (its queue of %d is full); retry shortly.",
                         m->name, ew__runner_capacity(m->runner));
        return st;
    }
    if (st) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "%s", ew_strerror(st));
        return st;
    }
    ew__engine_hold(m);
    ew__exec_set_backend(x, m->name);
    ew__exec_set_model(x, m->name);
    ew__exec_set_cancel(x, cancel_hook, l);
    l->pause_max_ms = gw->cfg->server.limits.write_timeout_ms;
    ew__exec_set_pause(x, pause_hook, l);
    return EW_OK;
}

static int start(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    return ew__local_start(x, t->model, NULL, e);
}

const ew__route_ops ew__route_local = {EW_ROUTE_LOCAL, start};
