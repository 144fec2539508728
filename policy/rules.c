/* Rule evaluation: features in, decision out. See rules.h for the order of a
 * decision. Nothing here allocates or does I/O after ew__policy_new. */
#include <math.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "policy/config_decode.h"
#include "policy/rules.h"

typedef struct crule {
    const ew_rule_cfg *r;
    uint32_t any, all, none;   /* PII type masks */
    _Atomic int battery_latch; /* the battery condition held last time (hysteresis) */
} crule;

struct ew_policy {
    ew_config *cfg;
    crule *rules; /* (n_rules) */
    int n_rules;
    uint32_t never_mask;
    bool uses_difficulty; /* some rule has a difficulty or hard condition */
};

int ew__pii_type_index(const char *name)
{
    const char *const *t = ew_config_pii_types();
    for (int i = 0; t[i] && i < EW_RULES_PII_TYPES; i++)
        if (!strcmp(t[i], name)) return i;
    return -1;
}

static uint32_t mask_of(const char **names, int n)
{
    uint32_t m = 0;
    for (int i = 0; i < n; i++) {
        int t = ew__pii_type_index(names[i]);
        if (t >= 0) m |= 1u << t;
    }
    return m;
}

ew_policy *ew__policy_new(ew_config *cfg)
{
    ew_policy *p = calloc(1, sizeof *p);
    const ew_routing_cfg *r = cfg->routing;
    if (!p) return NULL;
    p->rules = calloc((size_t)r->n_rules + 1, sizeof *p->rules);
    if (!p->rules) {
        free(p);
        return NULL;
    }
    p->n_rules = r->n_rules;
    for (int i = 0; i < r->n_rules; i++) {
        crule *cr = &p->rules[i];
        const ew_cond_cfg *w = &r->rules[i].when;
        cr->r = &r->rules[i];
        cr->any = mask_of(w->pii_any, w->n_pii_any);
        cr->all = mask_of(w->pii_all, w->n_pii_all);
        cr->none = mask_of(w->pii_none, w->n_pii_none);
        atomic_init(&cr->battery_latch, 0);
        if (w->difficulty.set || w->hard >= 0) p->uses_difficulty = true;
    }
    p->never_mask = mask_of(r->never_remote, r->n_never_remote);
    p->cfg = ew_config_ref(cfg);
    return p;
}

void ew__policy_free(ew_policy *p)
{
    if (!p) return;
    ew_config_unref(p->cfg);
    free(p->rules);
    free(p);
}

bool ew__policy_uses_difficulty(const ew_policy *p)
{
    return p->uses_difficulty;
}

const ew_config *ew__policy_config(const ew_policy *p)
{
    return p->cfg;
}

/* ---- small helpers ---------------------------------------------------------------- */

/* Every decision copies its backend and model names: snprintf costs ten times this. */
static void copy_name(char *dst, size_t size, const char *src)
{
    ew__str_copy(dst, size, src ? src : "");
}

/* Appends to a reason line; a NULL line means "evaluating, not explaining". */
typedef struct line {
    char *s;
    size_t size;
    size_t len;
    int items;
} line;

static void note(line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(line *l, const char *fmt, ...)
{
    if (!l || l->len + 1 >= l->size) return;
    if (l->items++) {
        int n = snprintf(l->s + l->len, l->size - l->len, ", ");
        l->len += n > 0 ? (size_t)n : 0;
        if (l->len >= l->size) l->len = l->size - 1;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->s + l->len, l->size - l->len, fmt, ap);
    va_end(ap);
    l->len += n > 0 ? (size_t)n : 0;
    if (l->len >= l->size) l->len = l->size - 1;
}

static void add_reason(ew_decision *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_reason(ew_decision *d, const char *fmt, ...)
{
    if (d->n_reasons >= EW_DECISION_MAX_REASONS) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->reasons[d->n_reasons++], EW_DECISION_REASON_MAX, fmt, ap);
    va_end(ap);
}

static bool cmp_holds(const ew_cmp_cfg *c, double x)
{
    if (isnan(x)) return false;
    if (x < c->lo || (x == c->lo && !c->lo_incl)) return false;
    if (x > c->hi || (x == c->hi && !c->hi_incl)) return false;
    return true;
}

/* "< 20", ">= 0.7", "> 1 and <= 5", "= 3". */
static const char *cmp_text(const ew_cmp_cfg *c, char *buf, size_t size)
{
    if (c->lo == c->hi) {
        snprintf(buf, size, "= %g", c->lo);
    } else if (isinf(c->lo)) {
        snprintf(buf, size, "%s %g", c->hi_incl ? "<=" : "<", c->hi);
    } else if (isinf(c->hi)) {
        snprintf(buf, size, "%s %g", c->lo_incl ? ">=" : ">", c->lo);
    } else {
        snprintf(buf, size, "%s %g and %s %g", c->lo_incl ? ">=" : ">", c->lo,
                 c->hi_incl ? "<=" : "<", c->hi);
    }
    return buf;
}

static bool in_list(const char *s, const char **list, int n)
{
    if (!s) return false;
    for (int i = 0; i < n; i++)
        if (!strcmp(s, list[i])) return true;
    return false;
}

static const ew_backend_health *health_of(const ew_health *h, const char *name)
{
    if (!h || !name || !*name) return NULL;
    for (int i = 0; i < h->n_backends; i++)
        if (!strcmp(h->backends[i].name, name)) return &h->backends[i];
    return NULL;
}

static const char *thermal_name(int t)
{
    static const char *const names[] = {"nominal", "fair", "serious", "critical"};
    return t >= 0 && t < 4 ? names[t] : "unknown";
}

/* Spans of type t; every type counts as present when classification failed. */
static uint32_t pii_count(const ew_rule_input *in, int t)
{
    return in->pii_failed ? UINT32_MAX : in->pii_counts[t];
}

static uint32_t pii_present(const ew_rule_input *in, uint32_t min_count)
{
    uint32_t m = 0;
    for (int t = 0; t < EW_RULES_PII_TYPES; t++)
        if (pii_count(in, t) >= min_count && pii_count(in, t) > 0) m |= 1u << t;
    return m;
}

/* "secret=2 us_ssn=1" for the types of mask. */
static const char *pii_text(const ew_rule_input *in, uint32_t mask, char *buf, size_t size)
{
    const char *const *names = ew_config_pii_types();
    size_t len = 0;
    buf[0] = '\0';
    if (in->pii_failed) {
        snprintf(buf, size, "(classification failed: counted as present)");
        return buf;
    }
    for (int t = 0; t < EW_RULES_PII_TYPES && len + 1 < size; t++)
        if (mask & (1u << t)) {
            int n = snprintf(buf + len, size - len, "%s%s=%u", len ? " " : "", names[t],
                             in->pii_counts[t]);
            len += n > 0 ? (size_t)n : 0;
        }
    if (len >= size) buf[size - 1] = '\0';
    return buf;
}

/* ---- targets ------------------------------------------------------------------------ */

static bool route_has_backend(ew_route r)
{
    return r == EW_ROUTE_REMOTE || r == EW_ROUTE_SPLIT || r == EW_ROUTE_SPECULATIVE ||
           r == EW_ROUTE_CASCADE;
}

static bool route_has_model(ew_route r)
{
    return r == EW_ROUTE_LOCAL || r == EW_ROUTE_SPLIT || r == EW_ROUTE_SPECULATIVE ||
           r == EW_ROUTE_CASCADE;
}

static bool backend_up(const ew_rule_input *in, const char *name)
{
    const ew_backend_health *h = health_of(in->health, name);
    return !h || h->available;
}

/* The backend for a route that names none: the one that maps the requested
 * model, else the available one with the lowest priority (config order breaks
 * ties), else the lowest priority. Speculative needs kind edgeway. */
static const char *pick_backend(const ew_config *cfg, const ew_rule_input *in, ew_route route)
{
    const ew_backend_cfg *best = NULL;
    bool best_up = false;
    for (int i = 0; i < cfg->n_backends; i++) {
        const ew_backend_cfg *b = &cfg->backends[i];
        if (route == EW_ROUTE_SPECULATIVE && strcmp(b->kind, "edgeway")) continue;
        for (int m = 0; in->model && m < b->n_models; m++)
            if (!strcmp(b->models[m].from, in->model)) return b->name;
        bool up = backend_up(in, b->name);
        if (!best || (up && !best_up) || (up == best_up && b->priority < best->priority)) {
            best = b;
            best_up = up;
        }
    }
    return best ? best->name : NULL;
}

static const char *pick_model(const ew_config *cfg, const ew_rule_input *in)
{
    int m = -1;
    for (int i = 0; in->model && i < cfg->n_models; i++)
        if (!strcmp(cfg->models[i].name, in->model)) m = i;
    if (m < 0 && cfg->n_models) m = 0;
    return m >= 0 ? cfg->models[m].name : NULL;
}

static void resolve(const ew_config *cfg, const ew_action_cfg *a, const ew_rule_input *in,
                    ew_route_target *t)
{
    t->route = a->route;
    copy_name(t->backend, sizeof t->backend,
              !route_has_backend(a->route) ? NULL
              : a->backend                 ? a->backend
                                           : pick_backend(cfg, in, a->route));
    copy_name(t->model, sizeof t->model,
              !route_has_model(a->route) ? NULL
              : a->model                 ? a->model
                                         : pick_model(cfg, in));
    t->split_mode = a->route != EW_ROUTE_SPLIT ? -1
                    : a->split_mode >= 0       ? a->split_mode
                                               : (int)cfg->routing->split.mode;
}

/* Whether a target can be tried now; why says what is missing. */
static bool target_available(const ew_rule_input *in, const ew_route_target *t, char *why,
                             size_t size)
{
    const ew_health *h = in->health;
    bool local_ok = !h || h->local_capacity <= 0 || h->local_queue < h->local_capacity;
    bool needs_local = t->route == EW_ROUTE_LOCAL || t->route == EW_ROUTE_SPECULATIVE ||
                       t->route == EW_ROUTE_CASCADE ||
                       (t->route == EW_ROUTE_SPLIT && t->split_mode == EW_SPLIT_LOCAL_PREFIX);
    if (route_has_backend(t->route)) {
        const ew_backend_health *bh = health_of(h, t->backend);
        if (!t->backend[0]) {
            snprintf(why, size, "no backend is configured for route %s", ew_route_name(t->route));
            return false;
        }
        if (bh && !bh->available) {
            snprintf(why, size, "backend '%s' is unavailable%s", t->backend,
                     bh->breaker == EW_BREAKER_OPEN ? " (circuit breaker open)" : "");
            return false;
        }
    }
    if (needs_local && !local_ok) {
        snprintf(why, size, "the local queue is full (%d of %d)", h->local_queue,
                 h->local_capacity);
        return false;
    }
    return true;
}

static bool same_target(const ew_route_target *a, const ew_route_target *b)
{
    return a->route == b->route && !strcmp(a->backend, b->backend) && !strcmp(a->model, b->model) &&
           a->split_mode == b->split_mode;
}

static const char *target_text(const ew_route_target *t, char *buf, size_t size)
{
    if (t->backend[0])
        snprintf(buf, size, "%s via '%s'", ew_route_name(t->route), t->backend);
    else if (t->model[0])
        snprintf(buf, size, "%s on '%s'", ew_route_name(t->route), t->model);
    else
        snprintf(buf, size, "%s", ew_route_name(t->route));
    return buf;
}

/* ---- conditions ----------------------------------------------------------------------- */

static bool pii_holds(const crule *cr, const ew_rule_input *in, line *l)
{
    const ew_cond_cfg *w = &cr->r->when;
    char buf[160];
    uint32_t min = (uint32_t)w->pii_min_count;
    if (w->pii >= 0) {
        uint32_t any = pii_present(in, 1);
        if ((any != 0) != (w->pii == 1)) return false;
        if (any)
            note(l, "PII present: %s", pii_text(in, any, buf, sizeof buf));
        else
            note(l, "no PII");
    }
    if (cr->any) {
        uint32_t hit = pii_present(in, min) & cr->any;
        if (!hit) return false;
        note(l, "PII %s", pii_text(in, hit, buf, sizeof buf));
    }
    if (cr->all) {
        if ((pii_present(in, min) & cr->all) != cr->all) return false;
        note(l, "PII all of %s", pii_text(in, cr->all, buf, sizeof buf));
    }
    if (cr->none) {
        if (pii_present(in, 1) & cr->none) return false;
        note(l, "none of the excluded PII types");
    }
    return true;
}

/* Battery with hysteresis: once a rule's battery condition held for the
 * device's own state, its bounds widen by the configured margin until it
 * stops holding. Latches are refreshed for every rule before evaluation, so
 * a rule that was not reached last time does not keep a stale one. */
static void update_latches(ew_policy *p, const ew_rule_input *in)
{
    double hyst = p->cfg->device->battery_hysteresis_pct;
    for (int i = 0; i < p->n_rules; i++) {
        crule *cr = &p->rules[i];
        if (!cr->r->when.battery.set) continue;
        ew_cmp_cfg eff = cr->r->when.battery;
        bool latched = atomic_load_explicit(&cr->battery_latch, memory_order_relaxed);
        if (latched) {
            if (isfinite(eff.hi)) eff.hi += hyst;
            if (isfinite(eff.lo)) eff.lo -= hyst;
        }
        bool ok = in->device.battery_pct >= 0 && cmp_holds(&eff, in->device.battery_pct);
        if (ok != latched) atomic_store_explicit(&cr->battery_latch, ok, memory_order_relaxed);
    }
}

static bool battery_holds(crule *cr, const ew_rule_input *in, line *l)
{
    const ew_cmp_cfg *c = &cr->r->when.battery;
    if (in->device.battery_pct < 0) return false;
    bool strict = cmp_holds(c, in->device.battery_pct);
    bool ok =
        in->device_shared ? atomic_load_explicit(&cr->battery_latch, memory_order_relaxed) : strict;
    char buf[64];
    if (ok)
        note(l, "battery %d%% %s%s", in->device.battery_pct, cmp_text(c, buf, sizeof buf),
             strict ? "" : " (within hysteresis)");
    return ok;
}

static bool tristate_holds(int want, int have, const char *what, line *l)
{
    if (want < 0) return true;
    if (have != want) return false;
    note(l, "%s%s", want ? "" : "not ", what);
    return true;
}

static bool device_holds(crule *cr, const ew_rule_input *in, line *l)
{
    const ew_cond_cfg *w = &cr->r->when;
    if (w->battery.set && !battery_holds(cr, in, l)) return false;
    if (!tristate_holds(w->charging, in->device.charging, "charging", l)) return false;
    if (w->thermal) {
        int t = in->device.thermal;
        unsigned bit = t >= 0 && t < 4 ? 1u << t : EW_THERMAL_UNKNOWN_BIT;
        if (!(w->thermal & bit)) return false;
        note(l, "thermal %s", thermal_name(t));
    }
    if (!tristate_holds(w->low_power, in->device.low_power, "low power mode", l)) return false;
    return tristate_holds(w->metered, in->device.metered, "metered network", l);
}

static bool health_holds(ew_policy *p, crule *cr, const ew_rule_input *in, line *l)
{
    const ew_cond_cfg *w = &cr->r->when;
    char buf[64];
    if (w->breaker_open >= 0 || w->backend_available >= 0 || w->rtt_ms.set) {
        const ew_action_cfg *a = &cr->r->action;
        const char *name = w->backend   ? w->backend
                           : a->backend ? a->backend
                                        : pick_backend(p->cfg, in, EW_ROUTE_REMOTE);
        const ew_backend_health *h = health_of(in->health, name);
        bool open = h && h->breaker == EW_BREAKER_OPEN, up = !h || h->available;
        if (w->breaker_open >= 0 && open != (w->breaker_open == 1)) return false;
        if (w->backend_available >= 0 && up != (w->backend_available == 1)) return false;
        if (w->rtt_ms.set && !(h && h->rtt_ms >= 0 && cmp_holds(&w->rtt_ms, h->rtt_ms)))
            return false;
        note(l, "backend '%s'%s%s", name ? name : "", open ? " breaker open" : "",
             up ? " available" : " unavailable");
        if (w->rtt_ms.set)
            note(l, "RTT %.0fms %s", h->rtt_ms, cmp_text(&w->rtt_ms, buf, sizeof buf));
    }
    if (w->local_queue.set) {
        int q = in->health ? in->health->local_queue : 0;
        if (!cmp_holds(&w->local_queue, q)) return false;
        note(l, "local queue %d %s", q, cmp_text(&w->local_queue, buf, sizeof buf));
    }
    return true;
}

static bool request_holds(ew_policy *p, crule *cr, const ew_rule_input *in, line *l)
{
    const ew_cond_cfg *w = &cr->r->when;
    char buf[64];
    if (w->n_models) {
        const char *m = in->model ? in->model : "auto";
        if (!in_list(m, w->models, w->n_models)) return false;
        note(l, "model '%s'", m);
    }
    if (w->n_tenants) {
        if (!in_list(in->tenant, w->tenants, w->n_tenants)) return false;
        note(l, "tenant '%s'", in->tenant);
    }
    if (w->n_keys) {
        if (!in_list(in->key, w->keys, w->n_keys)) return false;
        note(l, "key '%s'", in->key);
    }
    if (w->prompt_tokens.set) {
        if (!cmp_holds(&w->prompt_tokens, (double)in->prompt_tokens)) return false;
        note(l, "prompt ~%lld tokens %s", (long long)in->prompt_tokens,
             cmp_text(&w->prompt_tokens, buf, sizeof buf));
    }
    if (w->prompt_bytes.set) {
        if (!cmp_holds(&w->prompt_bytes, (double)in->prompt_bytes)) return false;
        note(l, "prompt %lld bytes %s", (long long)in->prompt_bytes,
             cmp_text(&w->prompt_bytes, buf, sizeof buf));
    }
    (void)p;
    return tristate_holds(w->stream, in->stream, "streaming", l);
}

static bool difficulty_holds(ew_policy *p, crule *cr, const ew_rule_input *in, line *l)
{
    const ew_cond_cfg *w = &cr->r->when;
    char buf[64];
    if (w->difficulty.set) {
        if (!cmp_holds(&w->difficulty, in->difficulty)) return false;
        note(l, "difficulty %.2f %s", in->difficulty, cmp_text(&w->difficulty, buf, sizeof buf));
    }
    if (w->hard >= 0) {
        double th = p->cfg->difficulty->threshold;
        if (isnan(in->difficulty) || (in->difficulty >= th) != (w->hard == 1)) return false;
        note(l, "difficulty %.2f %s threshold %.2f", in->difficulty, w->hard ? ">=" : "<", th);
    }
    return true;
}

/* All conditions of a rule; with l set, also says which held and how. */
static bool rule_holds(ew_policy *p, crule *cr, const ew_rule_input *in, line *l)
{
    return pii_holds(cr, in, l) && difficulty_holds(p, cr, in, l) && device_holds(cr, in, l) &&
           health_holds(p, cr, in, l) && request_holds(p, cr, in, l);
}

/* ---- the decision ------------------------------------------------------------------------ */

static void snapshot(const ew_rule_input *in, ew_decision_features *f)
{
    const char *const *names = ew_config_pii_types();
    for (int t = 0; t < EW_RULES_PII_TYPES && names[t]; t++)
        if (in->pii_counts[t] && f->n_pii < EW_DECISION_MAX_PII) {
            f->pii[f->n_pii].type = names[t];
            f->pii[f->n_pii++].count = in->pii_counts[t];
        }
    f->pii_failed = in->pii_failed;
    f->difficulty = in->difficulty;
    f->battery_pct = in->device.battery_pct;
    f->charging = in->device.charging;
    f->thermal = in->device.thermal;
    f->low_power = in->device.low_power;
    f->metered = in->device.metered;
    f->local_queue = in->health ? in->health->local_queue : 0;
    f->prompt_tokens = in->prompt_tokens;
    f->prompt_bytes = in->prompt_bytes;
    f->stream = in->stream;
    copy_name(f->model, sizeof f->model, in->model ? in->model : "auto");
    copy_name(f->tenant, sizeof f->tenant, in->tenant);
}

/* Without a matching rule, what the client asked for decides: an alias,
 * "local", "cloud", a configured model or a backend's mapped model. */
static const ew_action_cfg *requested_action(const ew_config *cfg, const ew_rule_input *in,
                                             ew_action_cfg *tmp, const char **source)
{
    const ew_routing_cfg *r = cfg->routing;
    const char *m = in->model;
    *tmp = (ew_action_cfg){.route = EW_ROUTE_LOCAL, .split_mode = -1};
    *source = "request";
    if (!m || !strcmp(m, "auto")) return NULL;
    for (int i = 0; i < r->n_aliases; i++)
        if (!strcmp(r->aliases[i].name, m)) {
            *source = "alias";
            return &r->aliases[i].action;
        }
    if (!strcmp(m, "local") || ew__config_find_model(cfg, m) >= 0) return tmp;
    bool mapped = false;
    for (int b = 0; b < cfg->n_backends && !mapped; b++)
        for (int i = 0; i < cfg->backends[b].n_models && !mapped; i++)
            mapped = !strcmp(cfg->backends[b].models[i].from, m);
    if (!strcmp(m, "cloud") || mapped) {
        tmp->route = EW_ROUTE_REMOTE;
        return tmp;
    }
    return NULL;
}

/* Step 1: the first matching rule, else the request, else the default. */
static const ew_action_cfg *choose(ew_policy *p, const ew_rule_input *in, ew_decision *d,
                                   ew_action_cfg *tmp, const ew_rule_cfg **rule)
{
    *rule = NULL;
    for (int i = 0; i < p->n_rules; i++) {
        crule *cr = &p->rules[i];
        if (!rule_holds(p, cr, in, NULL)) continue;
        char conds[EW_DECISION_REASON_MAX];
        line l = {conds, sizeof conds, 0, 0};
        conds[0] = '\0';
        rule_holds(p, cr, in, &l);
        add_reason(d, "rule '%s' matched: %s", cr->r->name, l.items ? conds : "no conditions");
        if (cr->r->description) add_reason(d, "%s", cr->r->description);
        copy_name(d->rule, sizeof d->rule, cr->r->name);
        copy_name(d->matched_rule, sizeof d->matched_rule, cr->r->name);
        *rule = cr->r;
        return &cr->r->action;
    }
    const char *source;
    const ew_action_cfg *a = requested_action(p->cfg, in, tmp, &source);
    if (a) {
        copy_name(d->rule, sizeof d->rule, source);
        add_reason(d, "no rule matched; the request asked for model '%s'", in->model);
        return a;
    }
    copy_name(d->rule, sizeof d->rule, "default");
    add_reason(d, "no rule matched; default route");
    return &p->cfg->routing->default_action;
}

static void set_message(ew_decision *d, const ew_action_cfg *a, const char *fallback)
{
    if (d->target.route != EW_ROUTE_DENY) return;
    snprintf(d->message, sizeof d->message, "%s",
             a && a->message ? a->message
             : fallback      ? fallback
                             : "denied by policy");
}

/* Step 2: an unavailable route gives way to the first available fallback.
 * The fallbacks after the chosen one go into the decision, for failures
 * that happen later (before the first byte reaches the client). */
static void apply_fallbacks(ew_policy *p, const ew_rule_input *in, ew_decision *d,
                            const ew_action_cfg *chosen, const ew_action_cfg *fbs, int n_fbs)
{
    char why[160], t1[160], t2[160];
    int next = 0;
    if (!target_available(in, &d->target, why, sizeof why)) {
        ew_route_target orig = d->target;
        int i;
        for (i = 0; i < n_fbs; i++) {
            ew_route_target t;
            char why2[160];
            resolve(p->cfg, &fbs[i], in, &t);
            if (!target_available(in, &t, why2, sizeof why2)) continue;
            d->target = t;
            d->fell_back = true;
            chosen = &fbs[i];
            add_reason(d, "%s: %s; fallback %d: %s", target_text(&orig, t1, sizeof t1), why, i + 1,
                       target_text(&t, t2, sizeof t2));
            break;
        }
        if (i == n_fbs)
            add_reason(d, "%s: %s; no fallback is available, so it is tried anyway",
                       target_text(&orig, t1, sizeof t1), why);
        next = i < n_fbs ? i + 1 : n_fbs;
    }
    set_message(d, chosen, NULL);
    for (int i = next; i < n_fbs && d->n_fallbacks < EW_DECISION_MAX_FALLBACKS; i++) {
        ew_route_target *t = &d->fallbacks[d->n_fallbacks];
        resolve(p->cfg, &fbs[i], in, t);
        if (!same_target(t, &d->target)) d->n_fallbacks++;
    }
}

/* Would this route send the request's bytes off the device unsanitized?
 * Split always pseudonymizes never_remote types, unless classification
 * failed and nobody knows where they are. */
static bool leaves_device(const ew_route_target *t, bool failed)
{
    return t->route == EW_ROUTE_REMOTE || t->route == EW_ROUTE_SPECULATIVE ||
           t->route == EW_ROUTE_CASCADE || (t->route == EW_ROUTE_SPLIT && failed);
}

/* Step 3: the hard constraint. It runs last and only ever moves a route
 * onto the device (or refuses), so nothing before it can undo it. */
static void apply_never_remote(ew_policy *p, const ew_rule_input *in, ew_decision *d)
{
    uint32_t held = in->pii_failed ? p->never_mask : pii_present(in, 1) & p->never_mask;
    if (!held) return;
    bool failed = in->pii_failed;
    int kept = 0, dropped = 0;
    for (int i = 0; i < d->n_fallbacks; i++) {
        if (leaves_device(&d->fallbacks[i], failed))
            dropped++;
        else
            d->fallbacks[kept++] = d->fallbacks[i];
    }
    d->n_fallbacks = kept;
    char types[160], t1[160], t2[160];
    pii_text(in, held, types, sizeof types);
    if (!leaves_device(&d->target, failed)) {
        if (dropped)
            add_reason(d, "never_remote %s: %d fallback%s that would leave the device removed",
                       types, dropped, dropped == 1 ? "" : "s");
        return;
    }
    const ew_routing_cfg *r = p->cfg->routing;
    ew_route_target old = d->target, t = d->target;
    t.route =
        r->never_remote_route == EW_ROUTE_SPLIT && failed ? EW_ROUTE_LOCAL : r->never_remote_route;
    if (t.route != EW_ROUTE_SPLIT)
        t.backend[0] = '\0';
    else if (!t.backend[0])
        copy_name(t.backend, sizeof t.backend, pick_backend(p->cfg, in, t.route));
    if (t.route == EW_ROUTE_DENY)
        t.model[0] = '\0';
    else if (!t.model[0])
        copy_name(t.model, sizeof t.model, pick_model(p->cfg, in));
    t.split_mode = t.route == EW_ROUTE_SPLIT ? (int)r->split.mode : -1;
    d->target = t;
    d->never_remote = true;
    copy_name(d->rule, sizeof d->rule, "never_remote");
    add_reason(d, "never_remote %s: %s would send it off the device, so %s", types,
               target_text(&old, t1, sizeof t1), target_text(&t, t2, sizeof t2));
    set_message(d, NULL,
                r->never_remote_message
                    ? r->never_remote_message
                    : "the request holds data that policy keeps on this device");
}

void ew__policy_decide(ew_policy *p, const ew_rule_input *in, ew_decision *d)
{
    /* The fallbacks and reasons (4.3 KB of the 5.5) are read only up to
     * their counts: everything else is cleared. */
    memset(d, 0, offsetof(ew_decision, fallbacks));
    d->n_fallbacks = 0;
    d->n_reasons = 0;
    memset(&d->features, 0, sizeof d->features);
    snapshot(in, &d->features);
    if (in->device_shared) update_latches(p, in);
    if (in->pii_failed)
        add_reason(d, "PII classification failed: every type counts as present (fail closed)");
    ew_action_cfg tmp;
    const ew_rule_cfg *rule;
    const ew_action_cfg *a = choose(p, in, d, &tmp, &rule);
    resolve(p->cfg, a, in, &d->target);
    const ew_routing_cfg *r = p->cfg->routing;
    if (rule && rule->n_fallbacks)
        apply_fallbacks(p, in, d, a, rule->fallbacks, rule->n_fallbacks);
    else
        apply_fallbacks(p, in, d, a, r->fallbacks, r->n_fallbacks);
    apply_never_remote(p, in, d);
}
