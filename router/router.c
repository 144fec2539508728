/* The router: a policy plus the classifiers that compute a request's
 * features, behind one pointer that a reload swaps.
 *
 * A decision takes a reference to the current snapshot under a mutex (a few
 * tens of nanoseconds, never held across work), so a reload never waits for
 * decisions and a decision never sees half a policy. The old snapshot is
 * freed by whoever drops its last reference.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/json.h"
#include "edgeway/difficulty.h"
#include "edgeway/pii.h"
#include "policy/rules.h"
#include "router/device.h"
#include "router/router_internal.h"

_Static_assert(EW_PII_TYPE_COUNT <= 32, "PII type masks are 32 bits");
_Static_assert(EW_DECISION_MAX_PII >= EW_PII_TYPE_COUNT, "the snapshot holds every type");

typedef struct snap {
    _Atomic int refs;
    ew_config *cfg;
    ew_policy *policy;
    ew_pii_scanner *scanner;   /* NULL: detection is off (then nothing may depend on it) */
    ew_difficulty *difficulty; /* NULL: difficulty is unknown (disabled, or no weights) */
    bool score_difficulty;     /* a model is loaded and some rule looks at it */
    ew_device *device;         /* the device's own state (push, sysfs); NULL for source
                                  static or header, which have none to keep */
} snap;

struct ew_router {
    pthread_mutex_t lock; /* guards cur; held only to take a reference or to swap */
    snap *cur;
};

/* ---- snapshots -------------------------------------------------------------------- */

static void snap_unref(snap *s)
{
    if (!s || atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) != 1) return;
    ew_pii_scanner_free(s->scanner);
    ew_difficulty_free(s->difficulty);
    ew_device_free(s->device);
    ew__policy_free(s->policy);
    ew_config_unref(s->cfg);
    free(s);
}

/* The scanner options the pii section asks for. Strings are borrowed from
 * the config, except the "@domain" forms built in *owned (freed by the
 * caller once the scanner, which copies them, exists). */
static int scanner_options(const ew_pii_cfg *pc, ew_pii_options *opt, const char ***allow,
                           char ***owned, ew_pii_deny **deny)
{
    ew_pii_options_init(opt);
    if (pc->n_types) opt->enabled = 0;
    for (int i = 0; i < pc->n_types; i++)
        opt->enabled |= EW_PII_BIT(ew_pii_type_from_name(pc->types[i], strlen(pc->types[i])));
    for (int t = 0; t < EW_PII_TYPE_COUNT && pc->min_score >= 0; t++)
        opt->min_score[t] = (float)pc->min_score;
    for (int i = 0; i < pc->n_min_scores; i++) {
        const ew_pii_score_cfg *m = &pc->min_scores[i];
        opt->min_score[ew_pii_type_from_name(m->type, strlen(m->type))] = (float)m->min_score;
    }
    int n_allow = pc->n_allow_values + pc->n_allow_domains;
    *allow = calloc((size_t)n_allow + 1, sizeof **allow);
    *owned = calloc((size_t)pc->n_allow_domains + 1, sizeof **owned);
    *deny = calloc((size_t)(pc->n_deny_terms + pc->n_deny_regex) + 1, sizeof **deny);
    if (!*allow || !*owned || !*deny) return EW_ERR_NOMEM;
    for (int i = 0; i < pc->n_allow_values; i++)
        (*allow)[i] = pc->allow_values[i];
    for (int i = 0; i < pc->n_allow_domains; i++) {
        size_t n = strlen(pc->allow_domains[i]) + 2;
        if (!((*owned)[i] = malloc(n))) return EW_ERR_NOMEM;
        snprintf((*owned)[i], n, "@%s", pc->allow_domains[i]);
        (*allow)[pc->n_allow_values + i] = (*owned)[i];
    }
    opt->allow = *allow;
    opt->n_allow = n_allow;
    ew_pii_type deny_type =
        (ew_pii_type)ew_pii_type_from_name(pc->deny_type, strlen(pc->deny_type));
    int nd = 0;
    for (int i = 0; i < pc->n_deny_terms; i++)
        (*deny)[nd++] = (ew_pii_deny){.pattern = pc->deny_terms[i], .type = deny_type};
    for (int i = 0; i < pc->n_deny_regex; i++)
        (*deny)[nd++] =
            (ew_pii_deny){.pattern = pc->deny_regex[i], .regex = true, .type = deny_type};
    opt->deny = *deny;
    opt->n_deny = nd;
    opt->max_input = (size_t)pc->max_scan_bytes;
    return EW_OK;
}

static int scanner_new(const ew_pii_cfg *pc, ew_pii_scanner **out, ew_error *err)
{
    *out = NULL;
    if (!pc->enabled) return EW_OK;
    ew_pii_options opt;
    const char **allow = NULL;
    char **owned = NULL;
    ew_pii_deny *deny = NULL;
    int st = scanner_options(pc, &opt, &allow, &owned, &deny);
    if (!st && !(*out = ew_pii_scanner_new(&opt, err)))
        st = err && err->status ? err->status : EW_ERR_NOMEM;
    for (int i = 0; owned && i < pc->n_allow_domains; i++)
        free(owned[i]);
    free(owned);
    free(allow);
    free(deny);
    if (st == EW_ERR_NOMEM) ew__error_set(err, st, "out of memory building the PII scanner");
    return st;
}

/* The model difficulty.weights names, else the shipped weights built into
 * the library (ew_difficulty_default). A weights file that does not load is
 * a config error, reported where the config names it. */
static int difficulty_new(const ew_config *cfg, ew_difficulty **out, ew_error *err)
{
    const ew_difficulty_cfg *dc = cfg->difficulty;
    *out = NULL;
    if (!dc->enabled) return EW_OK;
    ew_difficulty_opts o = {.weights_path = dc->weights};
    ew_error e = {0};
    int st = ew_difficulty_open(&o, out, &e);
    if (!st) return EW_OK;
    if (st != EW_ERR_NOMEM) st = EW_ERR_CONFIG;
    if (dc->weights_line)
        return ew__error_at(err, st, cfg->path, dc->weights_line, dc->weights_column,
                            "'weights': %s", e.message);
    return ew__error_set(err, st, "%s: the built-in difficulty weights: %s", cfg->path, e.message);
}

/* The device section as ew_device options. */
static void device_opts(const ew_device_cfg *dc, ew_device_opts *o)
{
    ew_device_opts_init(o);
    o->sysfs_root = dc->source == EW_DEVICE_SOURCE_SYSFS ? dc->sysfs_root : NULL;
    o->sysfs_cache_ms = dc->sysfs_cache_ms;
    o->max_age_ms = dc->max_age_ms;
    o->low_battery_pct = dc->low_battery_pct;
    o->battery_hysteresis_pct = dc->battery_hysteresis_pct;
    o->thermal_fair_c = dc->thermal_fair_c;
    o->thermal_serious_c = dc->thermal_serious_c;
    o->thermal_critical_c = dc->thermal_critical_c;
    o->thermal_hysteresis_c = dc->thermal_hysteresis_c;
}

static int device_new(const ew_config *cfg, ew_device **out, ew_error *err)
{
    const ew_device_cfg *dc = cfg->device;
    *out = NULL;
    if (dc->source != EW_DEVICE_SOURCE_PUSH && dc->source != EW_DEVICE_SOURCE_SYSFS) return EW_OK;
    ew_device_opts o;
    device_opts(dc, &o);
    ew_error e = {0};
    int st = ew_device_new(&o, out, &e);
    if (st)
        return ew__error_set(err, st == EW_ERR_NOMEM ? st : EW_ERR_CONFIG, "%s: %s", cfg->path,
                             e.message);
    return EW_OK;
}

static int snap_new(ew_config *cfg, snap **out, ew_error *err)
{
    *out = NULL;
    snap *s = calloc(1, sizeof *s);
    if (!s) return ew__error_set(err, EW_ERR_NOMEM, "out of memory building the router");
    atomic_init(&s->refs, 1);
    s->cfg = ew_config_ref(cfg);
    s->policy = ew__policy_new(cfg);
    int st = s->policy ? scanner_new(cfg->pii, &s->scanner, err)
                       : ew__error_set(err, EW_ERR_NOMEM, "out of memory building the router");
    if (!st) st = difficulty_new(cfg, &s->difficulty, err);
    if (!st) st = device_new(cfg, &s->device, err);
    if (st) {
        snap_unref(s);
        return st;
    }
    s->score_difficulty = s->difficulty && ew__policy_uses_difficulty(s->policy);
    *out = s;
    return EW_OK;
}

/* A reference to the current snapshot. */
static snap *acquire(ew_router *r)
{
    pthread_mutex_lock(&r->lock);
    snap *s = r->cur;
    atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
    pthread_mutex_unlock(&r->lock);
    return s;
}

/* Under r->lock, so that a push and a reload never cross: a push lands in
 * the snapshot in force, and a reload carries it into the next. */
int ew_router_set_device(ew_router *r, const ew_route_device *d)
{
    if (!r || !d) return EW_ERR_INVALID;
    pthread_mutex_lock(&r->lock);
    int st = r->cur->device ? ew_device_set(r->cur->device, d) : EW_ERR_STATE;
    pthread_mutex_unlock(&r->lock);
    return st;
}

/* ---- building and replacing --------------------------------------------------------- */

int ew__router_new_config(ew_config *cfg, ew_router **out, ew_error *err)
{
    *out = NULL;
    ew_router *r = calloc(1, sizeof *r);
    if (!r) return ew__error_set(err, EW_ERR_NOMEM, "out of memory building the router");
    int st = snap_new(cfg, &r->cur, err);
    if (st) {
        free(r);
        return st;
    }
    pthread_mutex_init(&r->lock, NULL);
    *out = r;
    return EW_OK;
}

int ew__router_set_config(ew_router *r, ew_config *cfg, ew_error *err)
{
    snap *s;
    int st = snap_new(cfg, &s, err);
    if (st) return st;
    pthread_mutex_lock(&r->lock);
    snap *old = r->cur;
    if (s->device && old->device) ew__device_adopt(s->device, old->device);
    r->cur = s;
    pthread_mutex_unlock(&r->lock);
    snap_unref(old);
    return EW_OK;
}

ew_config *ew__router_config(ew_router *r)
{
    snap *s = acquire(r);
    ew_config *cfg = ew_config_ref(s->cfg);
    snap_unref(s);
    return cfg;
}

const ew_pii_scanner *ew__router_scanner_hold(ew_router *r, const ew_config **cfg, void **hold)
{
    snap *s = acquire(r);
    *hold = s;
    if (cfg) *cfg = s->cfg;
    return s->scanner;
}

void ew__router_scanner_release(void *hold)
{
    snap_unref(hold);
}

/* The first of a load's errors, with a count of the others. */
static int load_error(int st, const ew_config_errors *errs, ew_error *err)
{
    if (!err) return st;
    if (!errs->n) return ew__error_set(err, st, "%s", ew_strerror(st));
    *err = errs->items[0];
    err->status = st;
    int more = errs->n - 1 + errs->dropped;
    if (more) {
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len,
                 " (and %d more error%s: run edgeway check)", more, more == 1 ? "" : "s");
    }
    return st;
}

/* Loads a config from a file (yaml NULL) or from text, then applies it. */
static int load(ew_router **made, ew_router *r, const char *path, const char *yaml, size_t len,
                const char *name, ew_error *err)
{
    ew_config *cfg = NULL;
    ew_config_errors *errs = malloc(sizeof *errs); /* ~50 KiB: keep it off the stack */
    if (!errs) return ew__error_set(err, EW_ERR_NOMEM, "out of memory loading the config");
    int st = yaml ? ew_config_load_string(yaml, len, name, &cfg, errs)
                  : ew_config_load_file(path, &cfg, errs);
    if (st) load_error(st, errs, err);
    free(errs);
    if (st) return st;
    st = made ? ew__router_new_config(cfg, made, err) : ew__router_set_config(r, cfg, err);
    ew_config_unref(cfg);
    return st;
}

int ew_router_new_file(const char *path, ew_router **out, ew_error *err)
{
    if (!out || !path) return ew__error_set(err, EW_ERR_INVALID, "no config path");
    *out = NULL;
    return load(out, NULL, path, NULL, 0, NULL, err);
}

int ew_router_new_string(const char *yaml, size_t len, const char *name, ew_router **out,
                         ew_error *err)
{
    if (!out || !yaml) return ew__error_set(err, EW_ERR_INVALID, "no config text");
    *out = NULL;
    return load(out, NULL, NULL, yaml, len, name, err);
}

int ew_router_reload_file(ew_router *r, const char *path, ew_error *err)
{
    if (!r || !path) return ew__error_set(err, EW_ERR_INVALID, "no router or config path");
    return load(NULL, r, path, NULL, 0, NULL, err);
}

int ew_router_reload_string(ew_router *r, const char *yaml, size_t len, const char *name,
                            ew_error *err)
{
    if (!r || !yaml) return ew__error_set(err, EW_ERR_INVALID, "no router or config text");
    return load(NULL, r, NULL, yaml, len, name, err);
}

void ew_router_free(ew_router *r)
{
    if (!r) return;
    snap_unref(r->cur);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

/* ---- features ----------------------------------------------------------------------- */

/* Adds one text's findings; any failure marks the request fail-closed. */
static void scan_text(const snap *s, const char *text, size_t len, ew_pii_result *res,
                      ew_rule_input *in)
{
    if (!text || !len) return;
    int st = ew_pii_scan(s->scanner, text, len, res);
    if (st || res->failed_closed) in->pii_failed = true;
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++)
        in->pii_counts[t] += res->counts[t];
}

/* JSON held in a JSON string (tool call arguments) is unescaped this many
 * levels deep; deeper nesting is scanned as it stands. */
#define JSON_NEST_MAX 4

static int json_plain(const char *json, size_t len, ew_buf *out, int depth);

/* Appends string token v unescaped; a string that is JSON itself is
 * unescaped again. */
static int json_plain_string(const ew_json_doc *doc, int v, ew_buf *out, int depth)
{
    size_t start = out->len;
    int st = ew_json_string_buf(doc, v, out);
    size_t n = out->len - start, lead = 0;
    while (lead < n && strchr(" \t\r\n", out->data[start + lead]))
        lead++;
    if (st || depth >= JSON_NEST_MAX || lead == n ||
        (out->data[start + lead] != '{' && out->data[start + lead] != '['))
        return st;
    char *inner = malloc(n);
    if (!inner) return EW_ERR_NOMEM;
    memcpy(inner, out->data + start, n);
    out->len = start;
    out->data[start] = '\0';
    st = json_plain(inner, n, out, depth + 1);
    free(inner);
    return st;
}

/* The text a reader of this JSON sees: the document with every string
 * unescaped in place (\uXXXX, \n, \/ ...), keys and structure kept so cues
 * like `"password": "..."` stay next to their values. Text that is not JSON
 * is copied as it stands. The result is never longer than the input. */
static int json_plain(const char *json, size_t len, ew_buf *out, int depth)
{
    ew_json_doc doc;
    ew_error err;
    if (ew_json_parse(&doc, json, len, NULL, &err)) return ew_buf_append(out, json, len);
    size_t at = 0;
    int st = EW_OK;
    for (int v = 0; v < doc.n && !st; v++) {
        if (ew_json_type_of(&doc, v) != EW_JSON_STRING) continue;
        size_t raw_len;
        size_t off = (size_t)(ew_json_raw(&doc, v, &raw_len) - json);
        st = ew_buf_append(out, json + at, off - at);
        if (!st) st = json_plain_string(&doc, v, out, depth);
        at = off + raw_len;
    }
    if (!st) st = ew_buf_append(out, json + at, len - at);
    ew_json_doc_cleanup(&doc);
    return st;
}

/* Raw JSON forwarded verbatim (tool calls, schemas) is scanned as plain
 * text, so no value hides behind an escape. Failing to unescape fails closed. */
static void scan_json(const snap *s, const char *json, size_t len, ew_pii_result *res,
                      ew_rule_input *in)
{
    if (!json || !len) return;
    ew_buf plain;
    ew_buf_init(&plain, len + 1);
    if (json_plain(json, len, &plain, 0))
        in->pii_failed = true;
    else
        scan_text(s, plain.data, plain.len, res, in);
    ew_buf_cleanup(&plain);
}

static void scan_str(const snap *s, const char *text, ew_pii_result *res, ew_rule_input *in)
{
    if (text) scan_text(s, text, strlen(text), res, in);
}

/* Everything of the request that could be forwarded is scanned: contents,
 * names, tool calls and their ids, schemas, stop strings, the user field. */
static void scan_request(const snap *s, const ew_request *req, ew_rule_input *in)
{
    if (!s->scanner) return;
    ew_pii_result res;
    ew_pii_result_init(&res);
    for (int i = 0; i < req->n_messages; i++) {
        const ew_message *m = &req->messages[i];
        scan_text(s, m->content, m->content_len, &res, in);
        scan_str(s, m->name, &res, in);
        scan_str(s, m->tool_call_id, &res, in);
        scan_json(s, m->tool_calls_json, m->tool_calls_json_len, &res, in);
    }
    scan_text(s, req->prompt, req->prompt_len, &res, in);
    scan_str(s, req->user, &res, in);
    for (int i = 0; i < req->n_stop; i++)
        scan_str(s, req->stop[i], &res, in);
    scan_json(s, req->tools_json, req->tools_json_len, &res, in);
    scan_json(s, req->tool_choice_json, req->tool_choice_json_len, &res, in);
    scan_json(s, req->response_format_json, req->response_format_json_len, &res, in);
    ew_pii_result_cleanup(&res);
}

static void measure_prompt(const ew_request *req, ew_rule_input *in)
{
    for (int i = 0; i < req->n_messages; i++) {
        in->prompt_bytes += (int64_t)req->messages[i].content_len;
        in->prompt_tokens +=
            ew__estimate_tokens(req->messages[i].content, req->messages[i].content_len);
    }
    if (req->prompt) {
        in->prompt_bytes += (int64_t)req->prompt_len;
        in->prompt_tokens += ew__estimate_tokens(req->prompt, req->prompt_len);
    }
}

static void to_state(const ew_route_device *d, ew_device_state_cfg *s)
{
    *s = (ew_device_state_cfg){d->battery_pct, d->charging, d->thermal, d->low_power, d->metered};
}

/* The device's own state per device.source: static values, or the pushed
 * state laid over the cached sysfs reading (each aged out after max_age).
 * Source header has none. */
static void own_device(const snap *s, ew_route_device *out)
{
    const ew_device_cfg *dc = s->cfg->device;
    if (dc->source == EW_DEVICE_SOURCE_STATIC)
        *out = (ew_route_device){dc->fixed.battery_pct, dc->fixed.charging, dc->fixed.thermal,
                                 dc->fixed.low_power, dc->fixed.metered};
    else if (s->device)
        ew_device_get(s->device, out);
    else
        ew_route_device_init(out);
}

/* The device state a decision sees, field by field: this request's own
 * (ctx->device, the x-edgeway-device header), else the device's. */
static void device_for(const snap *s, const ew_route_ctx *ctx, ew_rule_input *in)
{
    ew_route_device d;
    own_device(s, &d);
    /* The battery latch (rule hysteresis) follows the device's own level. */
    in->device_shared = !ctx->device || ctx->device->battery_pct < 0;
    if (ctx->device) ew_device_overlay(&d, ctx->device);
    to_state(&d, &in->device);
}

int ew_router_get_device(ew_router *r, ew_route_device *out)
{
    if (!r || !out) return EW_ERR_INVALID;
    snap *s = acquire(r);
    own_device(s, out);
    snap_unref(s);
    return EW_OK;
}

int ew_router_decide(ew_router *r, const ew_request *req, const ew_route_ctx *ctx, ew_decision *out)
{
    static const ew_route_ctx none;
    if (!r || !req || !out) return EW_ERR_INVALID;
    if (!ctx) ctx = &none;
    snap *s = acquire(r);
    ew_rule_input in;
    memset(&in, 0, sizeof in);
    in.difficulty = NAN;
    device_for(s, ctx, &in);
    in.health = ctx->health;
    in.model = req->model;
    in.tenant = ctx->tenant;
    in.key = ctx->key;
    in.stream = req->stream;
    scan_request(s, req, &in);
    measure_prompt(req, &in);
    /* Scored once, and only when a rule can use it: it costs about as much as the PII scan. */
    if (s->score_difficulty) in.difficulty = ew_difficulty_score_request(s->difficulty, req);
    ew__policy_decide(s->policy, &in, out);
    snap_unref(s);
    return EW_OK;
}
