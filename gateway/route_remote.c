/* The remote route: the cloud client (remote/remote.h) on the loop. Its
 * deltas are re-emitted as our own chunks, so the client sees one id, one
 * model name and our usage chunk whatever the upstream sends; when our
 * client leaves, the upstream transfer is aborted at once. Retries and
 * backend fallback before the first byte are the cloud client's; once it
 * gives up, the exec tries the policy's fallbacks. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "gateway/gw.h"
#include "gateway/routes.h"
#include "remote/remote.h"

typedef struct remote_run {
    ew__exec *x;
    ew__gateway *gw;
    ew__upstream *u;
    ew__engine *m; /* a local url model being served, or NULL */
    ew__remote_call *call;
    bool released;
} remote_run;

static void release(remote_run *rr)
{
    if (rr->released) return;
    rr->released = true;
    ew__upstream_release(rr->gw->engines, rr->u);
    if (rr->m) ew__engine_release(rr->gw->engines, rr->m);
}

static void cancel_hook(void *arg)
{
    remote_run *rr = arg;
    ew__remote_cancel(rr->call); /* silent: we end the exec ourselves */
    release(rr);
    ew__exec_fail(rr->x, EW_ERR_CANCELLED, NULL, false);
}

static void pause_hook(void *arg, bool pause)
{
    remote_run *rr = arg;
    ew__remote_pause(rr->call, pause);
}

static void on_start(void *user, const ew__remote_start_info *info)
{
    remote_run *rr = user;
    ew__exec_set_backend(rr->x, info->backend);
    if (!rr->m) ew__exec_set_model(rr->x, info->model);
}

/* Our client cannot take more: stop the upstream and end. */
static void stop(remote_run *rr, int st)
{
    ew__remote_cancel(rr->call);
    release(rr);
    ew_api_error e;
    ew_api_error_set(&e, 500, "server_error", "slow_client", NULL,
                     "The client did not read the answer fast enough.");
    ew__exec_fail(rr->x, st, &e, false);
}

static void on_delta(void *user, const ew__openai_delta *d)
{
    remote_run *rr = user;
    if (d->model && !rr->m && !ew__exec_committed(rr->x)) ew__exec_set_model(rr->x, d->model);
    int st = EW_OK;
    if (d->content_len) st = ew__exec_text(rr->x, d->content, d->content_len);
    if (!st && d->tool_calls_len) st = ew__exec_tool_calls(rr->x, d->tool_calls, d->tool_calls_len);
    if (st) stop(rr, st);
}

static void on_done(void *user, const ew__remote_result *r)
{
    remote_run *rr = user;
    release(rr);
    ew__exec_set_cancel(rr->x, NULL, NULL);
    ew__exec_set_pause(rr->x, NULL, NULL);
    if (!ew__exec_committed(rr->x)) ew__exec_set_backend(rr->x, r->backend);
    ew__exec_done(rr->x, r->finish_reason, &r->usage);
}

void ew__remote_failure_error(const ew__remote_failure *f, ew_api_error *e)
{
    const char *m = f->message ? f->message : ew_strerror(f->status);
    switch (f->status) {
    case EW_ERR_RATE_LIMIT:
        ew_api_error_set(e, 429, "rate_limit_error", "upstream_rate_limited", NULL, "%s", m);
        break;
    case EW_ERR_TIMEOUT:
        ew_api_error_set(e, 504, "server_error", "upstream_timeout", NULL, "%s", m);
        break;
    case EW_ERR_UNAVAILABLE:
        ew_api_error_set(e, 503, "server_error", "upstream_unavailable", NULL, "%s", m);
        break;
    case EW_ERR_INVALID:
        ew_api_error_set(e, 400, "invalid_request_error", "upstream_rejected", NULL, "%s", m);
        break;
    default:
        ew_api_error_set(e, 502, "server_error", "upstream_error", NULL, "%s", m);
    }
}

static void on_error(void *user, const ew__remote_failure *f)
{
    remote_run *rr = user;
    release(rr);
    ew__exec_set_cancel(rr->x, NULL, NULL);
    ew__exec_set_pause(rr->x, NULL, NULL);
    if (f->backend && !ew__exec_committed(rr->x)) ew__exec_set_backend(rr->x, f->backend);
    ew_api_error e;
    ew__remote_failure_error(f, &e);
    if (f->status == EW_ERR_RATE_LIMIT && f->retry_after_ms > 0) {
        char v[24];
        snprintf(v, sizeof v, "%lld", (long long)((f->retry_after_ms + 999) / 1000));
        ew__exec_add_header(rr->x, "Retry-After", v);
    }
    ew__warn(ew__exec_id(rr->x), "remote: %s", e.message);
    /* A request the upstream called invalid would be invalid anywhere. */
    ew__exec_fail(rr->x, f->status, &e, !f->delivered && f->status != EW_ERR_INVALID);
}

static const ew__remote_callbacks callbacks = {on_start, on_delta, on_done, on_error};

/* A call through client u: to backend (NULL = by priority), asking for
 * model (NULL = the backend's mapping); m is the local url model it serves
 * (held until the call ends), or NULL for the cloud. */
static int call_start(ew__exec *x, ew__upstream *u, const char *backend, const char *model,
                      ew__engine *m, ew_api_error *e)
{
    ew__gateway *gw = ew__exec_gw(x);
    remote_run *rr = ew_arena_calloc(ew__exec_arena(x), 1, sizeof *rr);
    if (!rr) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    rr->x = x;
    rr->gw = gw;
    rr->u = u;
    rr->m = m;
    ew__remote_call_opts o = {.req = ew__exec_request(x),
                              .backend = backend && backend[0] ? backend : NULL,
                              .model = model,
                              .request_id = ew__exec_id(x)};
    ew_error err;
    ew_error_clear(&err);
    int st = ew__remote_start(u->remote, &o, &callbacks, rr, &rr->call, &err);
    if (st) {
        if (st == EW_ERR_UNAVAILABLE || st == EW_ERR_NOT_FOUND)
            ew_api_error_set(e, 503, "server_error", "upstream_unavailable", NULL, "%s",
                             err.message[0] ? err.message : ew_strerror(st));
        else
            ew_api_error_set(e, st == EW_ERR_DENIED ? 403 : 500,
                             st == EW_ERR_DENIED ? "invalid_request_error" : "server_error",
                             st == EW_ERR_DENIED ? "policy_denied" : "internal_error", NULL, "%s",
                             err.message[0] ? err.message : ew_strerror(st));
        return st;
    }
    ew__upstream_hold(u);
    if (m) ew__engine_hold(m);
    if (backend && backend[0]) ew__exec_set_backend(x, backend);
    ew__exec_set_cancel(x, cancel_hook, rr);
    ew__exec_set_pause(x, pause_hook, rr);
    return EW_OK;
}

int ew__cloud_start(ew__exec *x, const char *backend, ew_api_error *e)
{
    ew__upstream *u = ew__engines_remote(ew__exec_gw(x)->engines);
    if (!u) {
        ew_api_error_set(e, 503, "server_error", "no_backend", NULL,
                         "No cloud backend is configured.");
        return EW_ERR_UNAVAILABLE;
    }
    return call_start(x, u, backend, NULL, NULL, e);
}

int ew__local_http_start(ew__exec *x, ew__engine *m, ew_api_error *e)
{
    ew__upstream *u = ew__engines_local_http(ew__exec_gw(x)->engines);
    if (!u) {
        ew_api_error_set(e, 503, "server_error", "no_local_model", "model",
                         "The local model '%s' is not available.", m->name);
        return EW_ERR_UNAVAILABLE;
    }
    if (m->users >= m->workers + m->queue) {
        ew__exec_add_header(x, "Retry-After", "1");
        ew_api_error_set(e, 429, "rate_limit_error", "local_queue_full", NULL,
                         "The local model '%s' is busy (%d requests); retry shortly.", m->name,
                         m->users);
        return EW_ERR_BUSY;
    }
    int st = call_start(x, u, m->name, m->upstream_model, m, e);
    if (!st) ew__exec_set_model(x, m->name);
    return st;
}

static int start(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    return ew__cloud_start(x, t->backend, e);
}

const ew__route_ops ew__route_remote = {EW_ROUTE_REMOTE, start};
