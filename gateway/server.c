/* The gateway's endpoints on top of the HTTP server (gateway/http.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "gateway/gateway_internal.h"
#include "gateway/http.h"
#include "certs/tls_listener.h"
#include "gateway/server.h"

/* A request's arena chunk follows its body size within these bounds. */
#define ARENA_CHUNK_MIN (16u << 10)
#define ARENA_CHUNK_MAX (1u << 20)
/* The /v1/models body is rebuilt per config; this bounds it. */
#define MODELS_JSON_MAX (1u << 20)

struct ew__gateway {
    struct event_base *base;
    ew_config *cfg; /* one reference */
    ew__http_server *http;
    ew__access_fn access;
    void *access_user;
    bool listen_override;
    ew_buf models_json;  /* empty when it could not be built */
    ew_tls_server **tls; /* (n_tls) per configured listener; NULL = plaintext */
    int n_tls;
    int64_t created; /* when the config came into force, for model objects */
};

typedef void (*endpoint_fn)(ew__gateway *gw, ew__http_req *r);

static void respond_json(ew__http_req *r, int status, const char *json)
{
    ew__http_respond(r, status, "application/json", json, strlen(json));
}

static void respond_err(ew__http_req *r, int status, const char *type, const char *code,
                        const char *param, const char *message)
{
    ew_api_error e;
    ew_api_error_set(&e, status, type, code, param, "%s", message);
    ew__http_respond_error(r, &e);
}

/* ---- the model list ----------------------------------------------------------- */

static void model_object(ew_jw *w, const char *id, const char *owner, int64_t created)
{
    ew_jw_object_begin(w);
    ew_jw_key(w, "id");
    ew_jw_string(w, id);
    ew_jw_key(w, "object");
    ew_jw_string(w, "model");
    ew_jw_key(w, "created");
    ew_jw_int(w, created);
    ew_jw_key(w, "owned_by");
    ew_jw_string(w, owner);
    ew_jw_object_end(w);
}

/* Calls fn for every model the config names, each name once: embedded
 * models first, then backend mappings in priority order of the file. Stops
 * early when fn returns true; returns that. */
static bool each_model(const ew_config *cfg,
                       bool (*fn)(void *arg, const char *id, const char *owner), void *arg)
{
    for (int i = 0; i < cfg->n_models; i++) {
        bool dup = false;
        for (int k = 0; k < i && !dup; k++)
            dup = !strcmp(cfg->models[k].name, cfg->models[i].name);
        if (!dup && fn(arg, cfg->models[i].name, "edgeway")) return true;
    }
    for (int b = 0; b < cfg->n_backends; b++) {
        const ew_backend_cfg *be = &cfg->backends[b];
        for (int m = 0; m < be->n_models; m++) {
            const char *id = be->models[m].from;
            bool dup = false;
            for (int k = 0; k < cfg->n_models && !dup; k++)
                dup = !strcmp(cfg->models[k].name, id);
            for (int pb = 0; pb <= b && !dup; pb++) {
                const ew_backend_cfg *p = &cfg->backends[pb];
                int lim = pb == b ? m : p->n_models;
                for (int pm = 0; pm < lim && !dup; pm++)
                    dup = !strcmp(p->models[pm].from, id);
            }
            if (!dup && fn(arg, id, be->name)) return true;
        }
    }
    return false;
}

typedef struct list_ctx {
    ew_jw *w;
    int64_t created;
} list_ctx;

static bool list_one(void *arg, const char *id, const char *owner)
{
    list_ctx *x = arg;
    model_object(x->w, id, owner, x->created);
    return false;
}

static void build_models_json(ew__gateway *gw)
{
    ew_buf b;
    ew_buf_init(&b, MODELS_JSON_MAX);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "object");
    ew_jw_string(&w, "list");
    ew_jw_key(&w, "data");
    ew_jw_array_begin(&w);
    list_ctx x = {&w, gw->created};
    each_model(gw->cfg, list_one, &x);
    ew_jw_array_end(&w);
    ew_jw_object_end(&w);
    ew_buf_cleanup(&gw->models_json);
    if (w.status) {
        ew__error(NULL, "cannot build the model list: %s", ew_strerror(w.status));
        ew_buf_cleanup(&b);
        ew_buf_init(&gw->models_json, MODELS_JSON_MAX);
        return;
    }
    gw->models_json = b;
}

typedef struct find_ctx {
    const char *id;
    const char *owner;
} find_ctx;

static bool find_one(void *arg, const char *id, const char *owner)
{
    find_ctx *x = arg;
    if (strcmp(id, x->id)) return false;
    x->owner = owner;
    return true;
}

/* ---- endpoints -------------------------------------------------------------------- */

static void ep_healthz(ew__gateway *gw, ew__http_req *r)
{
    (void)gw;
    respond_json(r, 200, "{\"status\":\"ok\"}");
}

static void ep_readyz(ew__gateway *gw, ew__http_req *r)
{
    if (ew__http_server_draining(gw->http)) {
        respond_err(r, 503, "server_error", "not_ready", NULL, "the server is shutting down");
        return;
    }
    respond_json(r, 200, "{\"status\":\"ready\"}");
}

static void ep_models(ew__gateway *gw, ew__http_req *r)
{
    if (!gw->models_json.len) {
        respond_err(r, 500, "server_error", "internal_error", NULL,
                    "the model list is not available");
        return;
    }
    ew__http_respond(r, 200, "application/json", gw->models_json.data, gw->models_json.len);
}

static int hexdig(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decodes s[0..n) into out; false if malformed, too long or NUL. */
static bool url_decode(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '%') {
            if (i + 2 >= n) return false;
            int hi = hexdig(s[i + 1]), lo = hexdig(s[i + 2]);
            if (hi < 0 || lo < 0) return false;
            c = hi * 16 + lo;
            i += 2;
        }
        if (c == 0 || o + 1 >= size) return false;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    return o > 0;
}

/* GET /v1/models/{id}: one model object, or 404. */
static void ep_model(ew__gateway *gw, ew__http_req *r)
{
    static const char prefix[] = "/v1/models/";
    char id[256];
    const char *p = r->head.path + sizeof prefix - 1;
    size_t n = r->head.path_len - (sizeof prefix - 1);
    find_ctx x = {id, NULL};
    if (!url_decode(p, n, id, sizeof id) || !each_model(gw->cfg, find_one, &x)) {
        ew_api_error e;
        ew_api_error_set(&e, 404, "invalid_request_error", "model_not_found", "model",
                         "The model '%.*s' does not exist", (int)(n < 200 ? n : 200), p);
        ew__http_respond_error(r, &e);
        return;
    }
    ew_buf *b = ew__http_req_scratch(r);
    ew_jw w;
    ew_jw_init(&w, b);
    model_object(&w, id, x.owner, gw->created);
    if (w.status)
        respond_err(r, 500, "server_error", "internal_error", NULL, "cannot format the model");
    else
        ew__http_respond(r, 200, "application/json", b->data, b->len);
}

/* POST /v1/chat/completions and /v1/completions: parse and validate the whole
 * request. No route can execute it yet, so a valid request gets a clear 503. */
static void ep_openai(ew__gateway *gw, ew__http_req *r, ew_request_kind kind)
{
    (void)gw;
    const ew__http_header *ct = ew__http_find_header(&r->head, "content-type");
    if (!ct || !ew__http_media_type_is(ct->value, ct->value_len, "application/json")) {
        ew_api_error e;
        int n = ct ? (int)(ct->value_len < 80 ? ct->value_len : 80) : 0;
        ew_api_error_set(&e, 415, "invalid_request_error", "unsupported_media_type", NULL,
                         "Content-Type must be application/json, but got '%.*s'.", n,
                         ct ? ct->value : "");
        ew__http_respond_error(r, &e);
        return;
    }
    ew_arena *a = ew__http_req_arena(r);
    a->max = a->used + ew__request_arena_cap(r->body_len);
    /* One chunk sized for this body (about twice its size) holds the whole
     * parse; the connection keeps it while requests stay this size, so
     * steady traffic allocates nothing. */
    size_t chunk = (2 * r->body_len + 4095) & ~(size_t)4095;
    a->chunk_size = chunk < ARENA_CHUNK_MIN   ? ARENA_CHUNK_MIN
                    : chunk > ARENA_CHUNK_MAX ? ARENA_CHUNK_MAX
                                              : chunk;
    ew_request req;
    ew_api_error e;
    if (ew__request_parse(r->body, r->body_len, kind, a, &req, &e)) {
        ew__http_respond_error(r, &e);
        return;
    }
    r->log_model = req.model;
    ew_api_error_set(&e, 503, "server_error", "no_backend", NULL,
                     "No backend is configured or available to serve model '%.*s'.", 200,
                     req.model);
    ew__http_respond_error(r, &e);
}

static void ep_chat(ew__gateway *gw, ew__http_req *r)
{
    ep_openai(gw, r, EW_REQUEST_CHAT);
}

static void ep_completions(ew__gateway *gw, ew__http_req *r)
{
    ep_openai(gw, r, EW_REQUEST_COMPLETION);
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
    {"/v1/models", false, EW__HTTP_GET, ep_models},
    {"/v1/models/", true, EW__HTTP_GET, ep_model},
    {"/v1/chat/completions", false, EW__HTTP_POST, ep_chat},
    {"/v1/completions", false, EW__HTTP_POST, ep_completions},
};

static bool path_matches(const endpoint *ep, const ew__http_req *r)
{
    size_t n = strlen(ep->path);
    if (ep->prefix) return r->head.path_len > n && !memcmp(r->head.path, ep->path, n);
    return r->head.path_len == n && !memcmp(r->head.path, ep->path, n);
}

static void handle(void *user, ew__http_req *r)
{
    ew__gateway *gw = user;
    ew__http_method m = r->head.method;
    const endpoint *found = NULL;
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++) {
        if (!path_matches(&endpoints[i], r)) continue;
        found = &endpoints[i];
        /* HEAD is GET without the body (the HTTP layer drops it). */
        if (m == found->method || (m == EW__HTTP_HEAD && found->method == EW__HTTP_GET)) {
            found->fn(gw, r);
            return;
        }
    }
    ew_api_error e;
    int plen = r->head.path_len < 200 ? (int)r->head.path_len : 200;
    if (found) {
        ew__http_add_header(r, "Allow", found->method == EW__HTTP_GET ? "GET, HEAD" : "POST");
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

/* ---- access log --------------------------------------------------------------------- */

static void on_finish(void *user, ew__http_req *r)
{
    ew__gateway *gw = user;
    if (!gw->access) return;
    char method[16] = "-", path[256] = "-";
    if (r->head.method_len)
        snprintf(method, sizeof method, "%.*s", (int)r->head.method_len, r->head.method_str);
    if (r->head.path_len) snprintf(path, sizeof path, "%.*s", (int)r->head.path_len, r->head.path);
    ew__access_record rec = {
        .request_id = r->id,
        .method = method,
        .path = path,
        .peer = r->peer,
        .model = r->log_model,
        .error_type = r->status >= 400 ? r->log_error_type : NULL,
        .tls_client = r->tls ? r->tls->subject_cn : NULL,
        .tenant = r->tls ? r->tls->tenant : NULL,
        .status = r->status,
        .stream = r->streaming,
        .aborted = r->aborted,
        .bytes_in = r->bytes_in,
        .bytes_out = r->bytes_out,
        .duration_us = (r->end_ns - r->start_ns) / 1000,
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

static int bind_listeners(ew__gateway *gw, const ew__gateway_opts *opts, ew_error *err)
{
    if (opts->listen) {
        char host[256];
        int port;
        int st = ew__parse_hostport(opts->listen, host, sizeof host, &port, err);
        return st ? st : ew__http_server_listen(gw->http, host, port, err);
    }
    const ew_server_cfg *s = &opts->config->server;
    if (s->n_listeners == 0)
        return ew__error_set(err, EW_ERR_CONFIG, "no listeners configured (server.listen)");
    gw->tls = calloc((size_t)s->n_listeners, sizeof *gw->tls);
    if (!gw->tls) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    gw->n_tls = s->n_listeners;
    for (int i = 0; i < s->n_listeners; i++) {
        const ew_listener_cfg *l = &s->listeners[i];
        int st = l->tls_cert ? ew__tls_listener_apply(l, &gw->tls[i], err) : EW_OK;
        if (!st) st = ew__http_server_listen_tls(gw->http, l->host, l->port, gw->tls[i], err);
        if (st) return st;
    }
    return EW_OK;
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
    gw->listen_override = opts->listen != NULL;
    gw->created = (int64_t)time(NULL);
    ew_buf_init(&gw->models_json, MODELS_JSON_MAX);
    ew__http_server_opts ho = {opts->base, opts->config->server.limits, handle, on_finish, gw};
    int st = ew__http_server_new(&ho, &gw->http);
    if (st) {
        ew__gateway_free(gw);
        return ew__error_set(err, st, "cannot create the HTTP server: %s", ew_strerror(st));
    }
    st = bind_listeners(gw, opts, err);
    if (st) {
        ew__gateway_free(gw);
        return st;
    }
    build_models_json(gw);
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
    ew__http_server_free(gw->http);
    /* After the connections: each held a reference of its own anyway. */
    for (int i = 0; i < gw->n_tls; i++)
        ew_tls_server_free(gw->tls[i]);
    free(gw->tls);
    ew_buf_cleanup(&gw->models_json);
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

void ew__gateway_set_config(ew__gateway *gw, ew_config *config)
{
    bool same = gw->listen_override || same_listeners(&gw->cfg->server, &config->server);
    if (!same) ew__warn(NULL, "the listener list changed; it takes effect after a restart");
    /* A reload re-reads every certificate, key, CA and CRL file: this is how
     * rotated certificates take effect. Open connections keep theirs. */
    for (int i = 0; same && i < gw->n_tls; i++) {
        ew_error e;
        if (gw->tls[i] && ew__tls_listener_apply(&config->server.listeners[i], &gw->tls[i], &e))
            ew__error(NULL, "%s; still serving the previous certificates", e.message);
    }
    ew_config_ref(config);
    ew_config_unref(gw->cfg);
    gw->cfg = config;
    gw->created = (int64_t)time(NULL);
    ew__http_server_set_limits(gw->http, &config->server.limits);
    build_models_json(gw);
}

void ew__gateway_drain(ew__gateway *gw, void (*done)(void *arg), void *arg)
{
    ew__http_server_drain(gw->http, gw->cfg->server.limits.drain_timeout_ms, done, arg);
}
