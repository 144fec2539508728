/* The OpenAI endpoints (chat, completions, models) and edgeway's own (route
 * explain, device state, reload), with the caller's identity and limits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "edgeway/device.h"
#include "gateway/api.h"
#include "gateway/gateway_internal.h"

/* A request's arena chunk follows its body size within these bounds. */
#define ARENA_CHUNK_MIN (16u << 10)
#define ARENA_CHUNK_MAX (1u << 20)
/* Backends the router is told about, at most (the rest count as available). */
#define MAX_HEALTH        64
#define DECISION_JSON_MAX (32u << 10)

/* What the gateway keeps per request (hr->handler_data). */
typedef struct reqctx {
    ew__caller caller;
    ew__exec *exec;
} reqctx;

static uint64_t now_ms(void)
{
    return ew__http_now_ns() / 1000000;
}

static reqctx *ctx_of(ew__http_req *r)
{
    return r->handler_data;
}

ew__exec *ew__request_exec(ew__http_req *r)
{
    reqctx *c = r->handler_data;
    return c ? c->exec : NULL;
}

/* ---- auth ------------------------------------------------------------------------ */

static void refuse(ew__gateway *gw, ew__http_req *r, int status, const char *code,
                   const char *message)
{
    ew__metrics_auth_failure(gw->metrics);
    if (status == 401) ew__http_add_header(r, "WWW-Authenticate", "Bearer");
    ew__respond_err(r, status, status == 401 ? "invalid_request_error" : "permission_error", code,
                    NULL, message);
}

bool ew__authenticate(ew__gateway *gw, ew__http_req *r, bool need_admin)
{
    const ew__http_header *h = ew__http_find_header(&r->head, "authorization");
    if (!h) h = ew__http_find_header(&r->head, "x-api-key");
    const char *key = NULL;
    size_t key_len = 0;
    if (h && !ew__auth_bearer(h->value, h->value_len, &key, &key_len)) {
        refuse(gw, r, 401, "invalid_api_key", "The Authorization header must be 'Bearer KEY'.");
        return false;
    }
    reqctx *c = ew_arena_calloc(ew__http_req_arena(r), 1, sizeof *c);
    if (!c) {
        ew__respond_err(r, 500, "server_error", "internal_error", NULL, "out of memory");
        return false;
    }
    ew__auth_result ar =
        ew__auth_identify(gw->auth, key, key_len, ew__auth_is_loopback(r->peer), &c->caller);
    if ((ar != EW__AUTH_OK || c->caller.anonymous) && r->tls && r->tls->client_cert &&
        r->tls->tenant) {
        /* mTLS: a verified client certificate that a tenant rule maps, unless
         * a configured key says more. SDKs always send some key, so an
         * unknown one does not hide the certificate. */
        ar = EW__AUTH_OK;
        memset(&c->caller, 0, sizeof c->caller);
        snprintf(c->caller.tenant, sizeof c->caller.tenant, "%s", r->tls->tenant);
    }
    if (ar == EW__AUTH_MISSING) {
        refuse(gw, r, 401, "missing_api_key",
               "You didn't provide an API key. Send it as 'Authorization: Bearer KEY'.");
        return false;
    }
    if (ar == EW__AUTH_UNKNOWN) {
        refuse(gw, r, 401, "invalid_api_key", "Incorrect API key provided.");
        return false;
    }
    if (need_admin && !c->caller.admin) {
        if (c->caller.anonymous)
            refuse(gw, r, 401, "missing_api_key", "This endpoint needs an admin API key.");
        else
            refuse(gw, r, 403, "permission_denied", "This endpoint needs an admin API key.");
        return false;
    }
    r->handler_data = c;
    return true;
}

/* ---- device state ---------------------------------------------------------------- */

bool ew__device_current(ew__gateway *gw, ew_route_device *out)
{
    ew_router_get_device(gw->router, out);
    return out->battery_pct >= 0 || out->charging >= 0 || out->thermal >= 0 ||
           out->low_power >= 0 || out->metered >= 0;
}

static void device_json(ew_jw *w, const ew_route_device *d, bool known)
{
    static const char *const levels[] = {"nominal", "fair", "serious", "critical"};
    ew_jw_object_begin(w);
    ew_jw_key(w, "battery");
    if (known && d->battery_pct >= 0)
        ew_jw_int(w, d->battery_pct);
    else
        ew_jw_null(w);
    const struct {
        const char *k;
        int v;
    } tri[] = {{"charging", d->charging}, {"low_power", d->low_power}, {"metered", d->metered}};
    for (int i = 0; i < 3; i++) {
        ew_jw_key(w, tri[i].k);
        if (known && tri[i].v >= 0)
            ew_jw_bool(w, tri[i].v == 1);
        else
            ew_jw_null(w);
    }
    ew_jw_key(w, "thermal");
    if (known && d->thermal >= 0 && d->thermal <= 3)
        ew_jw_string(w, levels[d->thermal]);
    else
        ew_jw_null(w);
    ew_jw_object_end(w);
}

void ew__ep_device_get(ew__gateway *gw, ew__http_req *r)
{
    ew_route_device d;
    bool known = ew__device_current(gw, &d);
    ew_buf *b = ew__http_req_scratch(r);
    ew_jw w;
    ew_jw_init(&w, b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "source");
    static const char *const sources[] = {"push", "sysfs", "static", "header"};
    ew_jw_string(&w, sources[gw->cfg->device->source]);
    ew_jw_key(&w, "device");
    device_json(&w, &d, known);
    ew_jw_object_end(&w);
    ew__http_respond(r, 200, "application/json", b->data, b->len);
}

/* A JSON body {"battery": 18, "charging": false, "thermal": "serious", ...}
 * (null = unknown) into d, through the header form's parser so both accept
 * exactly the same values. */
static int device_from_json(const char *body, size_t len, ew_route_device *d, ew_error *err)
{
    ew_json_doc doc;
    int st = ew_json_parse(&doc, body, len, NULL, err);
    if (st) return st;
    if (ew_json_type_of(&doc, 0) != EW_JSON_OBJECT) {
        ew_json_doc_cleanup(&doc);
        return ew__error_set(err, EW_ERR_INVALID, "device state: expected a JSON object");
    }
    for (int k = ew_json_first(&doc, 0); k >= 0 && !st; k = ew_json_next(&doc, k)) {
        int v = ew_json_member_value(&doc, k);
        size_t kn, vn;
        const char *ks = ew_json_raw(&doc, k, &kn);
        const char *vs = ew_json_raw(&doc, v, &vn);
        ew_json_type t = ew_json_type_of(&doc, v);
        char item[160];
        if (t == EW_JSON_NULL) {
            vs = "unknown";
            vn = 7;
        } else if (t == EW_JSON_OBJECT || t == EW_JSON_ARRAY || kn > 32 || vn > 64) {
            st = ew__error_set(err, EW_ERR_INVALID, "device state: bad value for '%.*s'",
                               (int)(kn > 32 ? 32 : kn), ks);
            break;
        }
        snprintf(item, sizeof item, "%.*s=%.*s", (int)kn, ks, (int)vn, vs);
        st = ew_device_parse(item, strlen(item), d, err);
    }
    ew_json_doc_cleanup(&doc);
    return st;
}

/* A push replaces the last one; fields it does not give are unknown. */
void ew__ep_device(ew__gateway *gw, ew__http_req *r)
{
    ew_route_device d;
    ew_route_device_init(&d);
    ew_device_source src = gw->cfg->device->source;
    if (src != EW_DEVICE_SOURCE_PUSH && src != EW_DEVICE_SOURCE_SYSFS) {
        ew__respond_err(r, 409, "invalid_request_error", "device_source", NULL,
                        "device.source is static or header: pushed state would be ignored.");
        return;
    }
    ew_error err;
    ew_error_clear(&err);
    const ew__http_header *ct = ew__http_find_header(&r->head, "content-type");
    int st = ct && ew__http_media_type_is(ct->value, ct->value_len, "application/json")
                 ? device_from_json(r->body, r->body_len, &d, &err)
                 : ew_device_parse(r->body, r->body_len, &d, &err);
    if (st) {
        ew__respond_err(r, 400, "invalid_request_error", "invalid_device_state", NULL,
                        err.message[0] ? err.message : "invalid device state");
        return;
    }
    if (ew_router_set_device(gw->router, &d)) {
        ew__respond_err(r, 409, "invalid_request_error", "device_source", NULL,
                        "the policy in force ignores pushed device state.");
        return;
    }
    ew__ep_device_get(gw, r);
}

/* ---- reload ---------------------------------------------------------------------------- */

static void reload_done(void *arg, int st, const ew_error *err)
{
    ew__http_req *r = arg;
    if (st) {
        ew__respond_err(r, 422, "invalid_request_error", "config_invalid", NULL,
                        err && err->message[0] ? err->message : "the config did not load");
        return;
    }
    ew__http_respond(r, 200, "application/json", "{\"status\":\"reloaded\"}", 21);
}

/* The answer waits for the reload, which runs off the loop (models load). */
void ew__ep_reload(ew__gateway *gw, ew__http_req *r)
{
    if (!gw->reload) {
        ew__respond_err(r, 501, "server_error", "not_supported", NULL,
                        "This server cannot reload its config.");
        return;
    }
    int st = gw->reload(gw->reload_user, reload_done, r);
    if (st == EW_ERR_BUSY)
        ew__respond_err(r, 409, "invalid_request_error", "reload_in_progress", NULL,
                        "A reload is already in progress; retry when it is over.");
    else if (st)
        ew__respond_err(r, 500, "server_error", "internal_error", NULL, ew_strerror(st));
}

/* ---- deciding ------------------------------------------------------------------------------ */

/* What the router knows of the world now: backend health and the local queue. */
static void health_now(ew__gateway *gw, ew_backend_health *hb, ew_health *h)
{
    memset(h, 0, sizeof *h);
    ew__upstream *u = ew__engines_remote(gw->engines);
    h->backends = hb;
    h->n_backends = u ? ew__remote_health(u->remote, hb, MAX_HEALTH) : 0;
    int waiting, capacity, running, workers;
    ew__engines_queue(gw->engines, &waiting, &capacity, &running, &workers);
    h->local_queue = waiting;
    h->local_capacity = capacity;
    if (capacity == 0 && workers > 0) {
        /* No waiting room: "full" means every worker is busy. The router reads
         * capacity 0 as unbounded, so say it as one slot. */
        h->local_capacity = 1;
        h->local_queue = running >= workers ? 1 : 0;
    }
}

static void decide(ew__gateway *gw, ew__http_req *r, const ew_request *req, ew_decision *d)
{
    reqctx *c = ctx_of(r);
    ew_backend_health hb[MAX_HEALTH];
    ew_health h;
    health_now(gw, hb, &h);
    ew_route_ctx rc = {.tenant = c->caller.tenant[0] ? c->caller.tenant : NULL,
                       .key = c->caller.key[0] ? c->caller.key : NULL,
                       .health = &h};
    ew_route_device dev;
    const ew_device_cfg *dc = gw->cfg->device;
    const ew__http_header *dh = ew__http_find_header(&r->head, "x-edgeway-device");
    if (dh && (dc->source == EW_DEVICE_SOURCE_HEADER || dc->header_override)) {
        ew_route_device_init(&dev);
        if (!ew_device_parse(dh->value, dh->value_len, &dev, NULL)) rc.device = &dev;
    }
    ew_router_decide(gw->router, req, &rc, d);
}

/* Parses the body into req (in the request's arena); answers and returns
 * false on a bad request. */
static bool parse_body(ew__http_req *r, ew_request_kind kind, ew_request *req)
{
    const ew__http_header *ct = ew__http_find_header(&r->head, "content-type");
    if (!ct || !ew__http_media_type_is(ct->value, ct->value_len, "application/json")) {
        ew_api_error e;
        int n = ct ? (int)(ct->value_len < 80 ? ct->value_len : 80) : 0;
        ew_api_error_set(&e, 415, "invalid_request_error", "unsupported_media_type", NULL,
                         "Content-Type must be application/json, but got '%.*s'.", n,
                         ct ? ct->value : "");
        ew__http_respond_error(r, &e);
        return false;
    }
    ew_arena *a = ew__http_req_arena(r);
    a->max = a->used + ew__request_arena_cap(r->body_len) + sizeof(ew_decision) + 65536;
    /* One chunk sized for this body (about twice its size) holds the whole
     * parse; the connection keeps it while requests stay this size, so
     * steady traffic allocates nothing. */
    size_t chunk = (2 * r->body_len + sizeof(ew_decision) + 4095) & ~(size_t)4095;
    a->chunk_size = chunk < ARENA_CHUNK_MIN   ? ARENA_CHUNK_MIN
                    : chunk > ARENA_CHUNK_MAX ? ARENA_CHUNK_MAX
                                              : chunk;
    ew_api_error e;
    if (ew__request_parse(r->body, r->body_len, kind, a, req, &e)) {
        ew__http_respond_error(r, &e);
        return false;
    }
    r->log_model = req->model;
    return true;
}

static bool admit(ew__gateway *gw, ew__http_req *r)
{
    int retry = 1;
    const char *which = "requests";
    if (ew__auth_admit(gw->auth, &ctx_of(r)->caller, now_ms(), &retry, &which)) return true;
    ew__metrics_rate_limited(gw->metrics, which);
    char *v = ew_arena_alloc(ew__http_req_arena(r), 16);
    if (v) {
        snprintf(v, 16, "%d", retry);
        ew__http_add_header(r, "Retry-After", v);
    }
    ew_api_error e;
    ew_api_error_set(&e, 429, "rate_limit_error", "rate_limit_exceeded", NULL,
                     "Rate limit reached for %s on this API key; retry in %d s.", which, retry);
    ew__http_respond_error(r, &e);
    return false;
}

static void ep_openai(ew__gateway *gw, ew__http_req *r, ew_request_kind kind)
{
    if (!admit(gw, r)) return;
    ew_arena *a = ew__http_req_arena(r);
    ew_request *req = ew_arena_calloc(a, 1, sizeof *req);
    if (!req) {
        ew__respond_err(r, 500, "server_error", "internal_error", NULL, "out of memory");
        return;
    }
    if (!parse_body(r, kind, req)) return;
    ew_decision *d = ew_arena_alloc(a, sizeof *d);
    if (!d) {
        ew__respond_err(r, 500, "server_error", "internal_error", NULL, "out of memory");
        return;
    }
    decide(gw, r, req, d);
    ew__metrics_pii(gw->metrics, &d->features);
    reqctx *c = ctx_of(r);
    c->exec = ew__exec_run(gw, r, req, d, &c->caller);
}

void ew__ep_chat(ew__gateway *gw, ew__http_req *r)
{
    ep_openai(gw, r, EW_REQUEST_CHAT);
}

void ew__ep_completions(ew__gateway *gw, ew__http_req *r)
{
    ep_openai(gw, r, EW_REQUEST_COMPLETION);
}

/* POST /v1/edgeway/route: the decision for a chat request, without running it. */
void ew__ep_route(ew__gateway *gw, ew__http_req *r)
{
    ew_arena *a = ew__http_req_arena(r);
    ew_request *req = ew_arena_calloc(a, 1, sizeof *req);
    ew_decision *d = req ? ew_arena_alloc(a, sizeof *d) : NULL;
    char *out = d ? ew_arena_alloc(a, DECISION_JSON_MAX) : NULL;
    if (!out) {
        ew__respond_err(r, 500, "server_error", "internal_error", NULL, "out of memory");
        return;
    }
    if (!parse_body(r, EW_REQUEST_CHAT, req)) return;
    decide(gw, r, req, d);
    size_t len = 0;
    if (ew_decision_to_json(d, out, DECISION_JSON_MAX, &len)) {
        ew__respond_err(r, 500, "server_error", "internal_error", NULL,
                        "the decision could not be formatted");
        return;
    }
    ew__http_respond(r, 200, "application/json", out, len);
}

/* ---- the model list ------------------------------------------------------------------------ */

/* Calls fn for every model name a client may ask for, each once: "auto",
 * the embedded models, aliases, backend mappings, then "local" and "cloud".
 * Stops early when fn returns true; returns that. */
static bool each_model(const ew_config *cfg,
                       bool (*fn)(void *arg, const char *id, const char *owner), void *arg)
{
    if (fn(arg, "auto", "edgeway")) return true;
    for (int i = 0; i < cfg->n_models; i++)
        if (fn(arg, cfg->models[i].name, "edgeway")) return true;
    for (int i = 0; i < cfg->routing->n_aliases; i++)
        if (fn(arg, cfg->routing->aliases[i].name, "edgeway")) return true;
    for (int b = 0; b < cfg->n_backends; b++) {
        const ew_backend_cfg *be = &cfg->backends[b];
        for (int m = 0; m < be->n_models; m++) {
            const char *id = be->models[m].from;
            bool dup = false;
            for (int k = 0; k < cfg->n_models && !dup; k++)
                dup = !strcmp(cfg->models[k].name, id);
            for (int k = 0; k < cfg->routing->n_aliases && !dup; k++)
                dup = !strcmp(cfg->routing->aliases[k].name, id);
            for (int pb = 0; pb <= b && !dup; pb++) {
                const ew_backend_cfg *p = &cfg->backends[pb];
                int lim = pb == b ? m : p->n_models;
                for (int pm = 0; pm < lim && !dup; pm++)
                    dup = !strcmp(p->models[pm].from, id);
            }
            if (!dup && fn(arg, id, be->name)) return true;
        }
    }
    if (cfg->n_models && fn(arg, "local", "edgeway")) return true;
    if (cfg->n_backends && fn(arg, "cloud", "edgeway")) return true;
    return false;
}

typedef struct list_ctx {
    ew__gateway *gw;
    ew__http_req *r;
    ew_jw *w;
    const char *want; /* one model (GET /v1/models/{id}), or NULL */
    bool found;
    ew_decision *d; /* scratch */
} list_ctx;

/* Whether the policy lets this caller ask for model id: the decision for an
 * empty request naming it is not a refusal. */
static bool may_use(list_ctx *x, const char *id)
{
    ew_text_part part = {"", 0};
    ew_message msg = {.role = EW_ROLE_USER, .parts = &part, .n_parts = 1, .content = ""};
    ew_request req = {.model = id,
                      .is_chat = true,
                      .messages = &msg,
                      .n_messages = 1,
                      .max_tokens = -1,
                      .temperature = NAN,
                      .top_p = NAN,
                      .frequency_penalty = NAN,
                      .presence_penalty = NAN,
                      .parallel_tool_calls = -1};
    if (!x->d && !(x->d = ew_arena_alloc(ew__http_req_arena(x->r), sizeof *x->d))) return false;
    decide(x->gw, x->r, &req, x->d);
    return x->d->target.route != EW_ROUTE_DENY;
}

static bool list_one(void *arg, const char *id, const char *owner)
{
    list_ctx *x = arg;
    if (x->want && strcmp(x->want, id)) return false;
    if (!may_use(x, id)) return x->want != NULL;
    x->found = true;
    ew_jw *w = x->w;
    ew_jw_object_begin(w);
    ew_jw_key(w, "id");
    ew_jw_string(w, id);
    ew_jw_key(w, "object");
    ew_jw_string(w, "model");
    ew_jw_key(w, "created");
    ew_jw_int(w, x->gw->created);
    ew_jw_key(w, "owned_by");
    ew_jw_string(w, owner);
    ew_jw_object_end(w);
    return x->want != NULL;
}

void ew__ep_models(ew__gateway *gw, ew__http_req *r)
{
    ew_buf *b = ew__http_req_scratch(r);
    ew_jw w;
    ew_jw_init(&w, b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "object");
    ew_jw_string(&w, "list");
    ew_jw_key(&w, "data");
    ew_jw_array_begin(&w);
    list_ctx x = {gw, r, &w, NULL, false, NULL};
    each_model(gw->cfg, list_one, &x);
    ew_jw_array_end(&w);
    ew_jw_object_end(&w);
    if (w.status) {
        ew__respond_err(r, 500, "server_error", "internal_error", NULL,
                        "the model list is not available");
        return;
    }
    ew__http_respond(r, 200, "application/json", b->data, b->len);
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
void ew__ep_model(ew__gateway *gw, ew__http_req *r)
{
    static const char prefix[] = "/v1/models/";
    char id[256];
    const char *p = r->head.path + sizeof prefix - 1;
    size_t n = r->head.path_len - (sizeof prefix - 1);
    ew_buf *b = ew__http_req_scratch(r);
    ew_jw w;
    ew_jw_init(&w, b);
    list_ctx x = {gw, r, &w, id, false, NULL};
    if (!url_decode(p, n, id, sizeof id) || !(each_model(gw->cfg, list_one, &x), x.found)) {
        ew_api_error e;
        ew_api_error_set(&e, 404, "invalid_request_error", "model_not_found", "model",
                         "The model '%.*s' does not exist", (int)(n < 200 ? n : 200), p);
        ew__http_respond_error(r, &e);
        return;
    }
    if (w.status)
        ew__respond_err(r, 500, "server_error", "internal_error", NULL, "cannot format the model");
    else
        ew__http_respond(r, 200, "application/json", b->data, b->len);
}
