/* The gateway's endpoints on top of the HTTP server (gateway/http.h):
 * health, models, metrics and lifetime here; the OpenAI and edgeway API in
 * api.c; route execution in exec.c. */
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "certs/tls_listener.h"
#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "gateway/api.h"
#include "gateway/gateway_internal.h"
#include "gateway/gw.h"
#include "gateway/spec_edges.h"
#include "gateway/split.h"
#include "router/router_internal.h"

/* The /metrics body, at most. */
#define METRICS_MAX (1u << 20)

static void respond_json(ew__http_req *r, int status, const char *json)
{
    ew__http_respond(r, status, "application/json", json, strlen(json));
}

void ew__respond_err(ew__http_req *r, int status, const char *type, const char *code,
                     const char *param, const char *message)
{
    ew_api_error e;
    ew_api_error_set(&e, status, type, code, param, "%s", message);
    ew__http_respond_error(r, &e);
}

/* ---- health -------------------------------------------------------------------- */

static void ep_healthz(ew__gateway *gw, ew__http_req *r)
{
    (void)gw;
    respond_json(r, 200, "{\"status\":\"ok\"}");
}

static void ep_readyz(ew__gateway *gw, ew__http_req *r)
{
    if (ew__http_server_draining(gw->http)) {
        ew__respond_err(r, 503, "server_error", "not_ready", NULL, "the server is shutting down");
        return;
    }
    respond_json(r, 200, "{\"status\":\"ready\"}");
}

/* ---- metrics ------------------------------------------------------------------- */

/* The local models' families. The text format wants each family's samples in
 * one group under its TYPE line, so the models are walked once per family. */
enum {
    LOCAL_DEPTH,
    LOCAL_CAPACITY,
    LOCAL_RUNNING,
    LOCAL_PAUSED,
    LOCAL_STALL_TIMEOUTS,
    LOCAL_STALL_DISCONNECTS,
    LOCAL_FAMILIES
};

static const struct {
    const char *name, *type, *help;
} local_family[LOCAL_FAMILIES] = {
    {"edgeway_local_queue_depth", "gauge", "Requests waiting for a worker of the local model."},
    {"edgeway_local_queue_capacity", "gauge", "The bound on that queue."},
    {"edgeway_local_running", "gauge", "Requests the local model runs now."},
    {"edgeway_local_paused_total", "counter",
     "Times a local generation paused until its slow client drained its backlog."},
    {"edgeway_local_stall_timeouts_total", "counter",
     "Paused local generations ended because the client did not drain within "
     "server.limits.write_timeout."},
    {"edgeway_local_stall_disconnects_total", "counter",
     "Paused local generations cancelled because the client went away."},
};

typedef struct {
    ew_buf *b;
    int family;
} local_pass;

static void local_sample(void *arg, const ew__engine *m)
{
    const local_pass *p = arg;
    int waiting, capacity, running;
    ew__engine_queue(m, &waiting, &capacity, &running);
    double v;
    switch (p->family) {
    case LOCAL_DEPTH:
        v = waiting;
        break;
    case LOCAL_CAPACITY:
        v = capacity;
        break;
    case LOCAL_RUNNING:
        v = running;
        break;
    default:
        if (!m->runner) return; /* a url model has no generation to pause */
        v = p->family == LOCAL_PAUSED           ? (double)m->paused
            : p->family == LOCAL_STALL_TIMEOUTS ? (double)m->stall_timeouts
                                                : (double)m->stall_disconnects;
    }
    ew__prom_value(p->b, local_family[p->family].name, "model", m->name, v);
}

static void local_gauges(ew__gateway *gw, ew_buf *b)
{
    for (int f = 0; f < LOCAL_FAMILIES; f++) {
        ew__prom_help(b, local_family[f].name, local_family[f].type, local_family[f].help);
        local_pass p = {b, f};
        ew__engines_each(gw->engines, local_sample, &p);
    }
}

/* Per cloud backend (the cloud's, and the url models' named as the model),
 * one family at a time. */
static void backend_gauges(ew__gateway *gw, ew_buf *b)
{
    ew__upstream *clients[2] = {ew__engines_remote(gw->engines),
                                ew__engines_local_http(gw->engines)};
    ew_backend_health h[2][64];
    int n[2] = {0, 0};
    for (int c = 0; c < 2; c++)
        if (clients[c]) n[c] = ew__remote_health(clients[c]->remote, h[c], 64);
    ew__prom_help(b, "edgeway_backend_breaker_state", "gauge",
                  "Circuit breaker per cloud backend: 0 closed, 1 open, 2 half-open.");
    for (int c = 0; c < 2; c++)
        for (int i = 0; i < n[c]; i++)
            ew__prom_value(b, "edgeway_backend_breaker_state", "backend", h[c][i].name,
                           (double)h[c][i].breaker);
    ew__prom_help(b, "edgeway_backend_available", "gauge",
                  "1 when a new request would be sent to the backend now.");
    for (int c = 0; c < 2; c++)
        for (int i = 0; i < n[c]; i++)
            ew__prom_value(b, "edgeway_backend_available", "backend", h[c][i].name,
                           h[c][i].available ? 1 : 0);
}

static void device_gauges(ew__gateway *gw, ew_buf *b)
{
    ew__prom_help(b, "edgeway_device_state", "gauge",
                  "The device state the router sees (pushed or static); absent when unknown. "
                  "thermal: 0 nominal .. 3 critical.");
    ew_route_device d;
    if (!ew__device_current(gw, &d)) return;
    const struct {
        const char *name;
        int v;
    } f[] = {{"battery_pct", d.battery_pct},
             {"charging", d.charging},
             {"thermal", d.thermal},
             {"low_power", d.low_power},
             {"metered", d.metered}};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (f[i].v >= 0) ew__prom_value(b, "edgeway_device_state", "field", f[i].name, f[i].v);
}

static void tls_gauges(ew__gateway *gw, ew_buf *b)
{
    ew__prom_help(b, "edgeway_tls_handshakes_total", "counter",
                  "TLS handshakes per listener: completed, resumed, failed.");
    for (int i = 0; i < gw->n_tls; i++) {
        ew_tls_stats st;
        char addr[80];
        if (ew__gateway_tls_stats(gw, i, &st) || ew__gateway_address(gw, i, addr, sizeof addr))
            continue;
        ew_buf_printf(b, "edgeway_tls_handshakes_total{listener=\"%s\",result=\"ok\"} %llu\n", addr,
                      (unsigned long long)st.handshakes);
        ew_buf_printf(b, "edgeway_tls_handshakes_total{listener=\"%s\",result=\"resumed\"} %llu\n",
                      addr, (unsigned long long)st.resumed);
        ew_buf_printf(b, "edgeway_tls_handshakes_total{listener=\"%s\",result=\"failed\"} %llu\n",
                      addr, (unsigned long long)st.failed);
    }
}

static void ep_metrics(ew__gateway *gw, ew__http_req *r)
{
    ew_buf *b = ew__http_req_scratch(r);
    ew__metrics_render(gw->metrics, b);
    ew__split_metrics_render(gw->split, b);
    local_gauges(gw, b);
    ew__spec_edges_render(gw->spec, b);
    backend_gauges(gw, b);
    device_gauges(gw, b);
    tls_gauges(gw, b);
    ew__spin_render(&gw->spin, b);
    ew__http_stats hs;
    ew__http_server_stats(gw->http, &hs);
    ew__prom_help(b, "edgeway_http_connections", "gauge", "Open client connections.");
    ew__prom_value(b, "edgeway_http_connections", NULL, NULL, hs.connections);
    ew__prom_help(b, "edgeway_http_streams", "gauge", "Streaming responses in progress.");
    ew__prom_value(b, "edgeway_http_streams", NULL, NULL, hs.streams);
    ew__http_respond(r, 200, "text/plain; version=0.0.4; charset=utf-8", b->data, b->len);
}

/* ---- dispatch -------------------------------------------------------------------------- */

typedef void (*endpoint_fn)(ew__gateway *gw, ew__http_req *r);

/* The cloud side of speculative decoding (gateway/verify.h). */
static bool verify_on(ew__gateway *gw, ew__http_req *r)
{
    if (gw->verify) return true;
    ew__respond_err(r, 404, "invalid_request_error", "unknown_url", NULL,
                    "This server verifies no model (no models, or verify.enabled is false)");
    return false;
}

static void ep_verify_info(ew__gateway *gw, ew__http_req *r)
{
    if (verify_on(gw, r)) ew__verify_info(gw->verify, r);
}

static void ep_verify(ew__gateway *gw, ew__http_req *r)
{
    if (verify_on(gw, r)) ew__verify_round(gw->verify, r);
}

static void ep_verify_close(ew__gateway *gw, ew__http_req *r)
{
    if (verify_on(gw, r)) ew__verify_delete(gw->verify, r);
}

typedef struct endpoint {
    const char *path;
    bool prefix; /* path is a prefix followed by one more segment */
    ew__http_method method;
    endpoint_fn fn;
} endpoint;

static const endpoint endpoints[] = {
    {"/healthz", false, EW__HTTP_GET, ep_healthz},
    {"/readyz", false, EW__HTTP_GET, ep_readyz},
    {"/metrics", false, EW__HTTP_GET, ep_metrics},
    {"/v1/models", false, EW__HTTP_GET, ew__ep_models},
    {"/v1/models/", true, EW__HTTP_GET, ew__ep_model},
    {"/v1/chat/completions", false, EW__HTTP_POST, ew__ep_chat},
    {"/v1/completions", false, EW__HTTP_POST, ew__ep_completions},
    {"/v1/edgeway/route", false, EW__HTTP_POST, ew__ep_route},
    {"/v1/edgeway/device", false, EW__HTTP_PUT, ew__ep_device},
    {"/v1/edgeway/device", false, EW__HTTP_GET, ew__ep_device_get},
    {"/admin/reload", false, EW__HTTP_POST, ew__ep_reload},
    {"/v1/edgeway/info", false, EW__HTTP_GET, ep_verify_info},
    {"/v1/edgeway/verify", false, EW__HTTP_POST, ep_verify},
    {"/v1/edgeway/sessions/", true, EW__HTTP_DELETE, ep_verify_close},
};

static bool path_matches(const endpoint *ep, const ew__http_req *r)
{
    size_t n = strlen(ep->path);
    if (ep->prefix) return r->head.path_len > n && !memcmp(r->head.path, ep->path, n);
    return r->head.path_len == n && !memcmp(r->head.path, ep->path, n);
}

/* Everything but the health probes needs a caller the auth section knows;
 * the admin endpoints need an admin key. */
static bool open_path(const ew__http_req *r)
{
    return (r->head.path_len == 8 && !memcmp(r->head.path, "/healthz", 8)) ||
           (r->head.path_len == 7 && !memcmp(r->head.path, "/readyz", 7));
}

static void handle(void *user, ew__http_req *r)
{
    ew__gateway *gw = user;
    ew__http_method m = r->head.method;
    if (!open_path(r)) {
        bool admin = (r->head.path_len >= 7 && !memcmp(r->head.path, "/admin/", 7)) ||
                     (m == EW__HTTP_PUT && r->head.path_len == 18 &&
                      !memcmp(r->head.path, "/v1/edgeway/device", 18));
        if (!ew__authenticate(gw, r, admin)) return;
    }
    const endpoint *found = NULL;
    char allow[32] = "";
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++) {
        if (!path_matches(&endpoints[i], r)) continue;
        found = &endpoints[i];
        /* HEAD is GET without the body (the HTTP layer drops it). */
        if (m == found->method || (m == EW__HTTP_HEAD && found->method == EW__HTTP_GET)) {
            found->fn(gw, r);
            return;
        }
        const char *name = found->method == EW__HTTP_GET      ? "GET, HEAD"
                           : found->method == EW__HTTP_POST   ? "POST"
                           : found->method == EW__HTTP_DELETE ? "DELETE"
                                                              : "PUT";
        size_t o = strlen(allow);
        snprintf(allow + o, sizeof allow - o, "%s%s", o ? ", " : "", name);
    }
    ew_api_error e;
    int plen = r->head.path_len < 200 ? (int)r->head.path_len : 200;
    if (found) {
        char *a = ew_arena_strdup(ew__http_req_arena(r), allow);
        if (a) ew__http_add_header(r, "Allow", a);
        ew_api_error_set(&e, 405, "invalid_request_error", "method_not_allowed", NULL,
                         "Method %.*s is not allowed on %.*s", (int)r->head.method_len,
                         r->head.method_str, plen, r->head.path);
    } else {
        ew_api_error_set(&e, 404, "invalid_request_error", "unknown_url", NULL,
                         "Invalid URL (%.*s %.*s)", (int)r->head.method_len, r->head.method_str,
                         plen, r->head.path);
    }
    ew__http_respond_error(r, &e);
}

/* ---- access log and request metrics ------------------------------------------------------ */

static bool is_openai(const ew__http_req *r)
{
    return (r->head.path_len == 20 && !memcmp(r->head.path, "/v1/chat/completions", 20)) ||
           (r->head.path_len == 15 && !memcmp(r->head.path, "/v1/completions", 15));
}

static void on_finish(void *user, ew__http_req *r)
{
    ew__gateway *gw = user;
    ew__exec_info info;
    memset(&info, 0, sizeof info);
    info.route_id = -1;
    ew__exec *x = ew__request_exec(r);
    if (x) ew__exec_describe(x, &info);
    uint64_t dur = (r->end_ns - r->start_ns) / 1000;
    if (is_openai(r)) {
        ew__metrics_request mr = {.route =
                                      info.route_id >= 0 ? info.route_id : EW__METRICS_NO_ROUTE,
                                  .backend = info.backend,
                                  .status = r->status,
                                  .duration_us = dur,
                                  .ttft_us = info.has_ttft ? info.ttft_us : 0,
                                  .tokens_in = info.usage.prompt_tokens,
                                  .tokens_out = info.usage.completion_tokens};
        ew__metrics_request_done(gw->metrics, &mr);
    }
    if (!gw->access) return;
    char method[16] = "-", path[256] = "-";
    if (r->head.method_len)
        ew__str_copyn(method, sizeof method, r->head.method_str, r->head.method_len);
    if (r->head.path_len) ew__str_copyn(path, sizeof path, r->head.path, r->head.path_len);
    ew__access_record rec = {
        .request_id = r->id,
        .method = method,
        .path = path,
        .peer = r->peer,
        .model = r->log_model,
        .error_type = r->status >= 400 ? r->log_error_type : NULL,
        .tls_client = r->tls ? r->tls->subject_cn : NULL,
        .tenant = info.tenant ? info.tenant
                  : r->tls    ? r->tls->tenant
                              : NULL,
        .status = r->status,
        .stream = r->streaming,
        .aborted = r->aborted,
        .bytes_in = r->bytes_in,
        .bytes_out = r->bytes_out,
        .duration_us = dur,
        .route = info.route,
        .rule = info.rule,
        .backend = info.backend,
        .key = info.key,
        .fell_back = info.fell_back,
        .split = info.split,
        .has_ttft = info.has_ttft,
        .ttft_us = info.ttft_us,
        .usage_present = info.usage.present,
        .prompt_tokens = info.usage.prompt_tokens,
        .completion_tokens = info.usage.completion_tokens,
        .decision = info.decision,
    };
    gw->access(gw->access_user, &rec);
}

/* ---- lifetime --------------------------------------------------------------------------- */

int ew__parse_hostport(const char *s, char *host, size_t host_size, int *port, ew_error *err)
{
    const char *colon = strrchr(s, ':');
    const char *h = s;
    size_t hn = colon ? (size_t)(colon - s) : 0;
    if (s[0] == '[') { /* [v6]:port */
        const char *close = strchr(s, ']');
        if (!close || close[1] != ':')
            return ew__error_set(err, EW_ERR_INVALID, "'%s': expected [IPv6]:PORT", s);
        h = s + 1;
        hn = (size_t)(close - h);
        colon = close + 1;
    } else if (colon && memchr(s, ':', hn)) {
        return ew__error_set(err, EW_ERR_INVALID, "'%s': write IPv6 addresses as [ADDR]:PORT", s);
    }
    if (!colon || hn >= host_size || (hn == 0 && s[0] == '['))
        return ew__error_set(err, EW_ERR_INVALID, "'%s': expected HOST:PORT", s);
    if (hn == 0) { /* ":port": every IPv4 interface, as in the config */
        h = "0.0.0.0";
        hn = 7;
    }
    const char *ps = colon + 1;
    size_t pn = strlen(ps);
    long v = 0;
    for (size_t i = 0; i < pn; i++) {
        if (ps[i] < '0' || ps[i] > '9' || pn > 5)
            return ew__error_set(err, EW_ERR_INVALID, "'%s': invalid port", s);
        v = v * 10 + (ps[i] - '0');
    }
    if (pn == 0 || v > 65535) return ew__error_set(err, EW_ERR_INVALID, "'%s': invalid port", s);
    memcpy(host, h, hn);
    host[hn] = '\0';
    *port = (int)v;
    return EW_OK;
}

/* The config's first TLS listener, or NULL: where --listen takes its TLS from. */
static const ew_listener_cfg *first_tls_listener(const ew_server_cfg *s)
{
    for (int i = 0; i < s->n_listeners; i++)
        if (s->listeners[i].tls_cert) return &s->listeners[i];
    return NULL;
}

/* --listen [http://|https://]HOST:PORT changes where, not how: without a
 * scheme the listener keeps the TLS settings (certificates, mTLS, tickets,
 * timeouts) of the config's first TLS listener, so moving a port never turns
 * TLS off by accident; http:// asks for plaintext, https:// requires TLS.
 * out borrows the config's strings and host. */
static int override_listener(const char *spec, const ew_server_cfg *s, ew_listener_cfg *out,
                             char *host, size_t host_size, ew_error *err)
{
    bool plain = !strncmp(spec, "http://", 7), tls = !strncmp(spec, "https://", 8);
    const char *addr = spec + (plain ? 7 : tls ? 8 : 0);
    const ew_listener_cfg *from = plain ? NULL : first_tls_listener(s);
    if (tls && !from)
        return ew__error_set(err, EW_ERR_CONFIG,
                             "--listen %s: the config has no TLS listener to take the "
                             "certificates from (server.listen[].tls)",
                             spec);
    memset(out, 0, sizeof *out);
    if (from) *out = *from;
    int st = ew__parse_hostport(addr, host, host_size, &out->port, err);
    out->host = host;
    return st;
}

static int bind_listeners(ew__gateway *gw, const ew__gateway_opts *opts, ew_error *err)
{
    const ew_server_cfg *s = &opts->config->server;
    ew_listener_cfg over;
    char host[256];
    if (opts->listen) {
        int st = override_listener(opts->listen, s, &over, host, sizeof host, err);
        if (st) return st;
        if (over.tls_cert)
            ew__info(NULL, "--listen %s: TLS with the settings of the config's listener %s:%d",
                     opts->listen, first_tls_listener(s)->host, first_tls_listener(s)->port);
    } else if (s->n_listeners == 0) {
        return ew__error_set(err, EW_ERR_CONFIG, "no listeners configured (server.listen)");
    }
    int n = opts->listen ? 1 : s->n_listeners;
    gw->tls = calloc((size_t)n, sizeof *gw->tls);
    if (!gw->tls) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    gw->n_tls = n;
    for (int i = 0; i < n; i++) {
        const ew_listener_cfg *l = opts->listen ? &over : &s->listeners[i];
        int st = l->tls_cert ? ew__tls_listener_apply(l, &gw->tls[i], err) : EW_OK;
        if (!st) st = ew__http_server_listen_tls(gw->http, l->host, l->port, gw->tls[i], err);
        if (st) return st;
    }
    return EW_OK;
}

/* The parts that follow the config: router, models and clients, keys. */
static int build_state(ew__gateway *gw, ew_config *cfg, ew_error *err)
{
    int st = ew__router_new_config(cfg, &gw->router, err);
    if (!st) st = ew__engines_new(gw->base, cfg, &gw->engines, err);
    if (!st) {
        gw->auth = ew__auth_new();
        gw->metrics = ew__metrics_new();
        if (!gw->auth || !gw->metrics || ew__auth_apply(gw->auth, &cfg->auth))
            st = ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    }
    return st;
}

int ew__gateway_new(const ew__gateway_opts *opts, ew__gateway **out, ew_error *err)
{
    *out = NULL;
    ew__gateway *gw = calloc(1, sizeof *gw);
    if (!gw) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    gw->base = opts->base;
    gw->cfg = ew_config_ref(opts->config);
    gw->access = opts->access_log;
    gw->access_user = opts->access_user;
    gw->reload = opts->reload;
    gw->reload_user = opts->reload_user;
    gw->listen_override = opts->listen != NULL;
    gw->created = (int64_t)time(NULL);
    ew__http_server_opts ho = {opts->base, opts->config->server.limits, handle, on_finish, gw};
    int st = ew__http_server_new(&ho, &gw->http);
    if (st) {
        ew__gateway_free(gw);
        return ew__error_set(err, st, "cannot create the HTTP server: %s", ew_strerror(st));
    }
    st = bind_listeners(gw, opts, err);
    if (!st) st = build_state(gw, opts->config, err);
    if (!st) {
        st = ew__verify_new(opts->base, opts->config, &gw->verify, err);
        if (st == EW_ERR_NOT_FOUND) st = EW_OK; /* nothing to verify with */
    }
    if (st) {
        ew__gateway_free(gw);
        return st;
    }
    for (int i = 0; i < ew__http_server_n_listeners(gw->http); i++) {
        char addr[80];
        if (ew__http_server_address(gw->http, i, addr, sizeof addr) == EW_OK)
            ew__info(NULL, "listening on %s", addr);
    }
    *out = gw;
    return EW_OK;
}

void ew__gateway_free(ew__gateway *gw)
{
    if (!gw) return;
    /* Workers and upstream transfers stop first, with no callback after:
     * then the HTTP server may free the requests they served. */
    ew__exec_forget_all(gw);
    ew__spec_edges_free(gw->spec);
    ew__split_state_free(gw->split); /* the requests released their vaults */
    ew__engines_free(gw->engines);
    ew__verify_free(gw->verify); /* answers its pending rounds first */
    ew__http_server_free(gw->http);
    /* After the connections: each held a reference of its own anyway. */
    for (int i = 0; i < gw->n_tls; i++)
        ew_tls_server_free(gw->tls[i]);
    free(gw->tls);
    ew_router_free(gw->router);
    ew__auth_free(gw->auth);
    ew__metrics_free(gw->metrics);
    ew_config_unref(gw->cfg);
    free(gw);
}

int ew__gateway_n_addresses(const ew__gateway *gw)
{
    return ew__http_server_n_listeners(gw->http);
}

int ew__gateway_address(const ew__gateway *gw, int i, char *out, size_t size)
{
    return ew__http_server_address(gw->http, i, out, size);
}

int ew__gateway_tls_stats(const ew__gateway *gw, int i, ew_tls_stats *out)
{
    if (i < 0 || i >= gw->n_tls || !gw->tls[i]) return EW_ERR_NOT_FOUND;
    ew_tls_server_stats(gw->tls[i], out);
    return EW_OK;
}

static bool same_listeners(const ew_server_cfg *a, const ew_server_cfg *b)
{
    if (a->n_listeners != b->n_listeners) return false;
    for (int i = 0; i < a->n_listeners; i++) {
        const ew_listener_cfg *x = &a->listeners[i], *y = &b->listeners[i];
        if (x->port != y->port || strcmp(x->host, y->host) || !x->tls_cert != !y->tls_cert)
            return false;
    }
    return true;
}

/* A reload re-reads every certificate, key, CA and CRL file: this is how
 * rotated certificates take effect. Open connections keep theirs. Under
 * --listen the one listener follows the new config's first TLS listener. */
static void reload_tls(ew__gateway *gw, const ew_server_cfg *next)
{
    const ew_listener_cfg *over = gw->listen_override ? first_tls_listener(next) : NULL;
    if (gw->listen_override && gw->tls[0] && !over) {
        ew__warn(NULL, "the new config has no TLS listener; --listen keeps the previous "
                       "certificates until a restart");
        return;
    }
    if (!gw->listen_override && !same_listeners(&gw->cfg->server, next)) {
        ew__warn(NULL, "the listener list changed; it takes effect after a restart");
        return;
    }
    for (int i = 0; i < gw->n_tls; i++) {
        const ew_listener_cfg *l = over ? over : &next->listeners[i];
        ew_error e;
        if (gw->tls[i] && ew__tls_listener_apply(l, &gw->tls[i], &e))
            ew__error(NULL, "%s; still serving the previous certificates", e.message);
    }
}

ew__engines_plan *ew__gateway_reload_begin(ew__gateway *gw)
{
    return ew__engines_plan_begin(gw->engines);
}

int ew__gateway_reload_load(ew__engines_plan *p, const ew_config *config, ew_error *err)
{
    return ew__engines_plan_load(p, config, err);
}

void ew__gateway_reload_abort(ew__gateway *gw, ew__engines_plan *p)
{
    ew__engines_plan_abort(gw->engines, p);
}

int ew__gateway_set_config(ew__gateway *gw, ew_config *config, ew_error *err)
{
    ew__engines_plan *p = ew__gateway_reload_begin(gw);
    if (!p) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    int st = ew__gateway_reload_load(p, config, err);
    if (st) {
        ew__gateway_reload_abort(gw, p);
        return st;
    }
    return ew__gateway_reload_commit(gw, p, config, err);
}

int ew__gateway_reload_commit(ew__gateway *gw, ew__engines_plan *p, ew_config *config,
                              ew_error *err)
{
    /* Models first: loading one is what most often fails, and a failure
     * leaves everything as it was. */
    int st = ew__engines_plan_commit(gw->engines, p, config, err);
    if (!st) st = ew__router_set_config(gw->router, config, err);
    if (st) return st;
    if (ew__auth_apply(gw->auth, &config->auth))
        ew__error(NULL, "reload: out of memory updating the API keys; the old keys stay");
    reload_tls(gw, &config->server);
    ew_config_ref(config);
    ew_config_unref(gw->cfg);
    gw->cfg = config;
    gw->created = (int64_t)time(NULL);
    ew__http_server_set_limits(gw->http, &config->server.limits);
    return EW_OK;
}

void ew__gateway_drain(ew__gateway *gw, void (*done)(void *arg), void *arg)
{
    ew__http_server_drain(gw->http, gw->cfg->server.limits.drain_timeout_ms, done, arg);
}
