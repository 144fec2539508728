/* Runners and cloud clients across reloads (see engines.h). Retired ones are
 * freed by a deferred sweep, never from inside their own callbacks. */
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/log.h"
#include "gateway/engines.h"

struct ew__engines {
    struct event_base *base;
    ew__engine *models;   /* every model, current and retired */
    ew__engine **current; /* (n_current) the current ones, in config order */
    int n_current;
    ew__upstream *remotes; /* the current one first (if any), then retired ones */
    ew__upstream *current_remote;
    ew__upstream *current_http; /* url models */
    uint64_t due_answers_gone;  /* of clients freed: ew__engines_answer_due counts on */
    struct event *sweep;
};

static const char *str(const char *s)
{
    return s ? s : "";
}

static bool same_entry(const ew__engine *m, const ew_model_cfg *mc)
{
    return !strcmp(m->name, mc->name) && !strcmp(m->path, str(mc->path)) &&
           !strcmp(m->url, str(mc->url)) && !strcmp(m->upstream_model, str(mc->upstream_model)) &&
           !strcmp(m->sha256, mc->sha256 ? mc->sha256 : "") && m->threads == mc->threads &&
           m->ctx == mc->ctx && m->workers == mc->workers && m->queue == mc->queue &&
           m->kv_f32 == mc->kv_f32;
}

/* A model entry; its runner is made without a loop (see ew__runner_attach). */
static int engine_new(const ew_model_cfg *mc, ew__engine **out, ew_error *err)
{
    *out = NULL;
    ew__engine *m = calloc(1, sizeof *m);
    if (!m) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    snprintf(m->name, sizeof m->name, "%s", mc->name);
    snprintf(m->path, sizeof m->path, "%s", str(mc->path));
    snprintf(m->url, sizeof m->url, "%s", str(mc->url));
    snprintf(m->upstream_model, sizeof m->upstream_model, "%s",
             mc->upstream_model ? mc->upstream_model : mc->name);
    snprintf(m->sha256, sizeof m->sha256, "%s", mc->sha256 ? mc->sha256 : "");
    m->threads = mc->threads;
    m->ctx = mc->ctx;
    m->workers = mc->workers;
    m->queue = mc->queue;
    m->kv_f32 = mc->kv_f32;
    if (mc->url) {
        *out = m; /* served over HTTP: nothing to load */
        return EW_OK;
    }
    ew__runner_opts o = {.base = NULL,
                         .name = mc->name,
                         .path = mc->path,
                         .sha256 = mc->sha256,
                         .workers = mc->workers,
                         .queue = mc->queue,
                         .threads = mc->threads,
                         .n_ctx = mc->ctx,
                         .kv_f32 = mc->kv_f32};
    int st = ew__runner_new(&o, &m->runner, err);
    if (st) {
        free(m);
        return st;
    }
    *out = m;
    return EW_OK;
}

static void engine_free(ew__engine *m)
{
    ew__runner_free(m->runner);
    free(m);
}

static void upstream_free(ew__engines *e, ew__upstream *u)
{
    ew__remote_stats s;
    ew__remote_stats_get(u->remote, &s);
    e->due_answers_gone += s.due_answers;
    ew__remote_free(u->remote);
    free(u);
}

/* Frees retired models and clients nobody uses any more. */
static void on_sweep(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    ew__engines *e = arg;
    for (ew__engine **pp = &e->models; *pp;) {
        ew__engine *m = *pp;
        if (m->retired && m->users == 0 && m->pins == 0) {
            *pp = m->next;
            ew__info(NULL, "model %s unloaded", m->name);
            engine_free(m);
        } else {
            pp = &m->next;
        }
    }
    for (ew__upstream **pp = &e->remotes; *pp;) {
        ew__upstream *u = *pp;
        if (u->retired && u->users == 0) {
            *pp = u->next;
            upstream_free(e, u);
        } else {
            pp = &u->next;
        }
    }
}

static int client_new(ew__engines *e, const ew_backend_cfg *b, int n, const ew_config *cfg,
                      bool on_device, ew__upstream **out, ew_error *err)
{
    *out = NULL;
    if (!n) return EW_OK;
    ew__upstream *u = calloc(1, sizeof *u);
    if (!u) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    ew__remote_opts o = {.base = e->base,
                         .backends = b,
                         .n_backends = n,
                         .config_dir = cfg->dir,
                         .on_device = on_device,
                         .busy_poll_us = cfg->server.busy_poll_us};
    int st = ew__remote_new(&o, &u->remote, err);
    if (st) {
        free(u);
        return st;
    }
    *out = u;
    return EW_OK;
}

/* The url models as backends of their own client: one per model, named as
 * the model, no retries (a local server that fails falls back by policy). */
static int http_new(ew__engines *e, ew_config *cfg, ew__upstream **out, ew_error *err)
{
    ew_backend_cfg *b = calloc((size_t)cfg->n_models + 1, sizeof *b);
    if (!b) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    int n = 0;
    for (int i = 0; i < cfg->n_models; i++) {
        const ew_model_cfg *mc = &cfg->models[i];
        if (!mc->url) continue;
        b[n++] = (ew_backend_cfg){.name = mc->name,
                                  .base_url = mc->url,
                                  .weight = 1,
                                  .connect_timeout_ms = 2000,
                                  .first_byte_timeout_ms = 300000,
                                  .idle_timeout_ms = 60000,
                                  .total_timeout_ms = 600000,
                                  .max_retries = 0,
                                  .kind = "openai"};
    }
    /* The config allows only loopback urls: a message marked to stay on the
     * device may go there. */
    int st = client_new(e, b, n, cfg, true, out, err);
    free(b);
    return st;
}

static void install(ew__engines *e, ew__upstream **current, ew__upstream *u)
{
    if (*current) (*current)->retired = true;
    *current = u;
    if (u) {
        u->next = e->remotes;
        e->remotes = u;
    }
}

struct ew__engines_plan {
    ew__engine **held; /* (n_held) the current models when the plan began */
    int n_held;
    ew__engine **pick; /* (n_pick) per model of the new config: kept or fresh */
    int n_pick;
    ew__engine *fresh; /* loaded for it (linked by next) */
};

ew__engines_plan *ew__engines_plan_begin(ew__engines *e)
{
    ew__engines_plan *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->held = calloc((size_t)e->n_current + 1, sizeof *p->held);
    if (!p->held) {
        free(p);
        return NULL;
    }
    for (int i = 0; i < e->n_current; i++) {
        p->held[p->n_held++] = e->current[i];
        e->current[i]->pins++;
    }
    return p;
}

/* Only immutable fields of the held models are read here (their entries). */
int ew__engines_plan_load(ew__engines_plan *p, const ew_config *cfg, ew_error *err)
{
    p->pick = calloc((size_t)cfg->n_models + 1, sizeof *p->pick);
    if (!p->pick) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    for (int i = 0; i < cfg->n_models; i++) {
        const ew_model_cfg *mc = &cfg->models[i];
        for (int j = 0; j < p->n_held && !p->pick[i]; j++)
            if (same_entry(p->held[j], mc)) p->pick[i] = p->held[j];
        if (!p->pick[i]) {
            int st = engine_new(mc, &p->pick[i], err);
            if (st) return st;
            p->pick[i]->next = p->fresh;
            p->fresh = p->pick[i];
        }
        p->n_pick++;
    }
    return EW_OK;
}

void ew__engines_plan_abort(ew__engines *e, ew__engines_plan *p)
{
    if (!p) return;
    while (p->fresh) {
        ew__engine *n = p->fresh->next;
        engine_free(p->fresh);
        p->fresh = n;
    }
    for (int i = 0; i < p->n_held; i++)
        p->held[i]->pins--;
    if (p->n_held) event_active(e->sweep, EV_TIMEOUT, 0);
    free(p->held);
    free(p->pick);
    free(p);
}

int ew__engines_plan_commit(ew__engines *e, ew__engines_plan *p, ew_config *cfg, ew_error *err)
{
    int st = p->n_pick == cfg->n_models ? EW_OK : ew__error_set(err, EW_ERR_STATE, "not loaded");
    for (ew__engine *m = p->fresh; m && !st; m = m->next)
        if (m->runner) st = ew__runner_attach(m->runner, e->base, err);
    ew__upstream *u = NULL, *h = NULL;
    if (!st) st = client_new(e, cfg->backends, cfg->n_backends, cfg, false, &u, err);
    if (!st) st = http_new(e, cfg, &h, err);
    if (st) {
        if (u) upstream_free(e, u);
        ew__engines_plan_abort(e, p);
        return st;
    }
    /* Retire what the new config no longer names as it was. */
    for (ew__engine *m = e->models; m; m = m->next) {
        bool keep = false;
        for (int i = 0; i < cfg->n_models && !keep; i++)
            keep = p->pick[i] == m;
        if (!keep) m->retired = true;
    }
    free(e->current);
    e->current = p->pick;
    e->n_current = cfg->n_models;
    p->pick = NULL;
    while (p->fresh) {
        ew__engine *n = p->fresh->next;
        p->fresh->next = e->models;
        e->models = p->fresh;
        p->fresh = n;
    }
    install(e, &e->current_remote, u);
    install(e, &e->current_http, h);
    ew__engines_plan_abort(e, p); /* releases the holds; nothing fresh is left */
    event_active(e->sweep, EV_TIMEOUT, 0);
    return EW_OK;
}

int ew__engines_apply(ew__engines *e, ew_config *cfg, ew_error *err)
{
    ew__engines_plan *p = ew__engines_plan_begin(e);
    if (!p) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    int st = ew__engines_plan_load(p, cfg, err);
    if (st) {
        ew__engines_plan_abort(e, p);
        return st;
    }
    return ew__engines_plan_commit(e, p, cfg, err);
}

int ew__engines_new(struct event_base *base, ew_config *cfg, ew__engines **out, ew_error *err)
{
    *out = NULL;
    ew__engines *e = calloc(1, sizeof *e);
    if (!e) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    e->base = base;
    e->sweep = event_new(base, -1, 0, on_sweep, e);
    int st = e->sweep ? ew__engines_apply(e, cfg, err) : EW_ERR_NOMEM;
    if (st) {
        ew__engines_free(e);
        return st;
    }
    *out = e;
    return EW_OK;
}

void ew__engines_free(ew__engines *e)
{
    if (!e) return;
    while (e->models) {
        ew__engine *m = e->models;
        e->models = m->next;
        engine_free(m);
    }
    while (e->remotes) {
        ew__upstream *u = e->remotes;
        e->remotes = u->next;
        upstream_free(e, u);
    }
    if (e->sweep) event_free(e->sweep);
    free(e->current);
    free(e);
}

ew__engine *ew__engines_model(ew__engines *e, const char *name)
{
    for (int i = 0; i < e->n_current; i++)
        if (!name || !name[0] || !strcmp(e->current[i]->name, name)) return e->current[i];
    return NULL;
}

ew__upstream *ew__engines_remote(ew__engines *e)
{
    return e->current_remote;
}

ew__upstream *ew__engines_local_http(ew__engines *e)
{
    return e->current_http;
}

bool ew__engines_answer_due(ew__engines *e, uint64_t now_us, uint64_t *answers, uint64_t *expect_us)
{
    bool due = false;
    *answers = e->due_answers_gone;
    *expect_us = UINT64_MAX;
    for (ew__upstream *u = e->remotes; u; u = u->next) {
        uint64_t n, at;
        due |= ew__remote_answer_due(u->remote, now_us, &n, &at);
        *answers += n;
        if (at < *expect_us) *expect_us = at;
    }
    return due;
}

void ew__engine_queue(const ew__engine *m, int *waiting, int *capacity, int *running)
{
    if (m->runner) {
        *waiting = ew__runner_waiting(m->runner);
        *capacity = ew__runner_capacity(m->runner);
        *running = ew__runner_running(m->runner);
        return;
    }
    *running = m->users < m->workers ? m->users : m->workers;
    *waiting = m->users - *running;
    *capacity = m->queue;
}

void ew__engine_hold(ew__engine *m)
{
    m->users++;
}

void ew__engine_release(ew__engines *e, ew__engine *m)
{
    if (--m->users == 0 && m->retired && m->pins == 0) event_active(e->sweep, EV_TIMEOUT, 0);
}

void ew__upstream_hold(ew__upstream *u)
{
    u->users++;
}

void ew__upstream_release(ew__engines *e, ew__upstream *u)
{
    if (--u->users == 0 && u->retired) event_active(e->sweep, EV_TIMEOUT, 0);
}

void ew__engines_queue(ew__engines *e, int *waiting, int *capacity, int *running, int *workers)
{
    *waiting = *capacity = *running = *workers = 0;
    for (int i = 0; i < e->n_current; i++) {
        int w, c, r;
        ew__engine_queue(e->current[i], &w, &c, &r);
        *waiting += w;
        *capacity += c;
        *running += r;
        *workers += e->current[i]->workers;
    }
}

void ew__engines_each(ew__engines *e, void (*fn)(void *arg, const ew__engine *m), void *arg)
{
    for (int i = 0; i < e->n_current; i++)
        fn(arg, e->current[i]);
}
