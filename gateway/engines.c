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

static int engine_new(struct event_base *base, const ew_model_cfg *mc, ew__engine **out,
                      ew_error *err)
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
    ew__runner_opts o = {.base = base,
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

static void upstream_free(ew__upstream *u)
{
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
        if (m->retired && m->users == 0) {
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
            upstream_free(u);
        } else {
            pp = &u->next;
        }
    }
}

static int client_new(ew__engines *e, const ew_backend_cfg *b, int n, const char *dir,
                      ew__upstream **out, ew_error *err)
{
    *out = NULL;
    if (!n) return EW_OK;
    ew__upstream *u = calloc(1, sizeof *u);
    if (!u) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    ew__remote_opts o = {.base = e->base, .backends = b, .n_backends = n, .config_dir = dir};
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
    int st = client_new(e, b, n, cfg->dir, out, err);
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

/* The model entry for mc: an unchanged current one, else a new one
 * (also pushed on *fresh). */
static int pick_model(ew__engines *e, const ew_model_cfg *mc, ew__engine **fresh, ew__engine **slot,
                      ew_error *err)
{
    for (ew__engine *m = e->models; m; m = m->next)
        if (!m->retired && same_entry(m, mc)) {
            *slot = m;
            return EW_OK;
        }
    ew__engine *m;
    int st = engine_new(e->base, mc, &m, err);
    if (st) return st;
    m->next = *fresh;
    *fresh = m;
    *slot = m;
    return EW_OK;
}

int ew__engines_apply(ew__engines *e, ew_config *cfg, ew_error *err)
{
    ew__engine *fresh = NULL;
    ew__engine **cur = calloc((size_t)cfg->n_models + 1, sizeof *cur);
    int st = cur ? EW_OK : ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    for (int i = 0; i < cfg->n_models && !st; i++)
        st = pick_model(e, &cfg->models[i], &fresh, &cur[i], err);
    ew__upstream *u = NULL, *h = NULL;
    if (!st) st = client_new(e, cfg->backends, cfg->n_backends, cfg->dir, &u, err);
    if (!st) st = http_new(e, cfg, &h, err);
    if (st) {
        ew__remote_free(u ? u->remote : NULL);
        free(u);
        free(cur);
        while (fresh) {
            ew__engine *n = fresh->next;
            engine_free(fresh);
            fresh = n;
        }
        return st;
    }
    /* Retire what the new config no longer names as it was. */
    for (ew__engine *m = e->models; m; m = m->next) {
        bool keep = false;
        for (int i = 0; i < cfg->n_models && !keep; i++)
            keep = cur[i] == m;
        if (!keep) m->retired = true;
    }
    free(e->current);
    e->current = cur;
    e->n_current = cfg->n_models;
    while (fresh) {
        ew__engine *n = fresh->next;
        fresh->next = e->models;
        e->models = fresh;
        fresh = n;
    }
    install(e, &e->current_remote, u);
    install(e, &e->current_http, h);
    event_active(e->sweep, EV_TIMEOUT, 0);
    return EW_OK;
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
        upstream_free(u);
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
    if (--m->users == 0 && m->retired) event_active(e->sweep, EV_TIMEOUT, 0);
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
