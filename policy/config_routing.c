/* The config sections that the privacy and routing issues use: pii, device,
 * difficulty and routing. Everything a rule names (backends, models, API
 * keys, PII types, aliases) is checked here, at the place it is written. */
#include <math.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "edgeway/pii.h"
#include "policy/config_decode.h"

/* The detector's canonical type names (edgeway/pii.h), in its enum order,
 * so a type's index here is its ew_pii_type. */
static const char *const pii_types[] = {
#define EW__PII_NAME(id, name, label) name,
    EW_PII_TYPE_MAP(EW__PII_NAME)
#undef EW__PII_NAME
        NULL};

static const char *const route_names[] = {"local",   "remote", "split", "speculative",
                                          "cascade", "deny",   NULL};
static const char *const thermal_names[] = {"nominal",  "fair",    "serious",
                                            "critical", "unknown", NULL};
static const char *const split_modes[] = {"pseudonymize", "local_prefix", NULL};

const char *const *ew_config_pii_types(void)
{
    return pii_types;
}

bool ew__config_is_pii_type(const char *name)
{
    for (int i = 0; pii_types[i]; i++)
        if (!strcmp(pii_types[i], name)) return true;
    return false;
}

/* ---- defaults ------------------------------------------------------------------ */

void ew__config_default_pii(ew_pii_cfg *p)
{
    *p = (ew_pii_cfg){
        .enabled = true, .min_score = -1, .deny_type = "custom", .max_scan_bytes = 4 << 20};
}

void ew__config_default_device(ew_device_cfg *d)
{
    *d = (ew_device_cfg){
        .source = EW_DEVICE_SOURCE_PUSH,
        .sysfs_root = "/sys/class",
        .sysfs_cache_ms = 5000,
        .max_age_ms = 300000,
        .fixed = {.battery_pct = -1, .charging = -1, .thermal = -1, .low_power = -1, .metered = -1},
        .low_battery_pct = 20,
        .battery_hysteresis_pct = 3,
        .thermal_fair_c = 45,
        .thermal_serious_c = 60,
        .thermal_critical_c = 80,
        .thermal_hysteresis_c = 2,
    };
}

void ew__config_default_difficulty(ew_difficulty_cfg *d)
{
    *d = (ew_difficulty_cfg){.enabled = true, .threshold = 0.5};
}

static ew_action_cfg default_action(ew_route route)
{
    return (ew_action_cfg){.route = route, .split_mode = -1};
}

void ew__config_default_routing(ew_routing_cfg *r)
{
    *r = (ew_routing_cfg){
        .default_action = default_action(EW_ROUTE_LOCAL),
        .never_remote_route = EW_ROUTE_LOCAL,
        .cascade = {.probe_tokens = 16, .metric = EW_CASCADE_MEAN_TOP1, .min_confidence = 0.5},
        .speculative = {.k = 4, .k_max = 16, .adaptive = true, .p_min = 0.3, .min_acceptance = 0.3},
        .split = {.mode = EW_SPLIT_PSEUDONYMIZE,
                  .prefix_system = true,
                  .prefix_min_pii = 1,
                  .max_context_tokens = 256,
                  .max_conversations = 256,
                  .conversation_ttl_ms = 3600 * 1000,
                  .vault_max_bytes = 64 * 1024},
    };
}

/* ---- shared pieces ----------------------------------------------------------------- */

/* A string or a list of strings, as (n) names. Returns 1, 0 (absent) or -1. */
static int get_names(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, const char ***out,
                     int *n)
{
    const ew_yaml_node *v = ew_yaml_map_get(map, key);
    if (!v) return 0;
    if (v->kind == EW_YAML_SEQ) return ew_yaml_to_strings(c, v, key, EW_YAML_NONEMPTY, out, n);
    const char **one = ew_arena_calloc(c->arena, 2, sizeof *one);
    if (!one || ew_yaml_to_string(c, v, key, EW_YAML_NONEMPTY, &one[0]) < 0) return -1;
    *out = one;
    *n = 1;
    return 1;
}

/* The node of item i of a name list decoded by get_names (for messages). */
static const ew_yaml_node *name_node(const ew_yaml_node *v, int i)
{
    return v->kind == EW_YAML_SEQ ? v->items[i] : v;
}

/* A PII type must be a known name and, when pii.types narrows detection, be
 * detected at all: a rule or constraint on a type nobody looks for is a trap. */
static void check_pii_type(ew_yaml_ctx *c, const ew_yaml_node *at, const ew_config *cfg,
                           const char *type)
{
    if (!ew__config_is_pii_type(type)) {
        const char *hint = ew_yaml_suggest(type, pii_types);
        if (hint)
            ew_yaml_error(c, at, "unknown PII type '%s' (did you mean '%s'?)", type, hint);
        else
            ew_yaml_error(c, at, "unknown PII type '%s' (see docs/config.md for the list)", type);
        return;
    }
    const ew_pii_cfg *p = cfg->pii;
    if (!p->enabled) {
        ew_yaml_error(c, at, "PII type '%s' is used but pii.enabled is false", type);
        return;
    }
    if (!p->n_types) return;
    for (int i = 0; i < p->n_types; i++)
        if (!strcmp(p->types[i], type)) return;
    ew_yaml_error(c, at, "PII type '%s' is not in pii.types, so it is never detected", type);
}

/* A list of PII types at map[key]. */
static int get_pii_types(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key,
                         const ew_config *cfg, bool must_detect, const char ***out, int *n)
{
    int rc = get_names(c, map, key, out, n);
    if (rc <= 0) return rc;
    const ew_yaml_node *v = ew_yaml_map_get(map, key);
    for (int i = 0; i < *n; i++) {
        if (must_detect)
            check_pii_type(c, name_node(v, i), cfg, (*out)[i]);
        else if (!ew__config_is_pii_type((*out)[i]))
            check_pii_type(c, name_node(v, i), cfg, (*out)[i]);
    }
    return rc;
}

/* Suggests among a config list's names (models, backends, keys). */
static const char *suggest_among(const char *word, const char *const *names, int n)
{
    const char *small[33];
    if (n > 32) n = 32;
    for (int i = 0; i < n; i++)
        small[i] = names[i] ? names[i] : "";
    small[n] = NULL;
    return ew_yaml_suggest(word, small);
}

static void unknown_name(ew_yaml_ctx *c, const ew_yaml_node *at, const char *what, const char *word,
                         const char *const *names, int n)
{
    const char *hint = suggest_among(word, names, n);
    if (hint)
        ew_yaml_error(c, at, "unknown %s '%s' (did you mean '%s'?)", what, word, hint);
    else if (n == 0)
        ew_yaml_error(c, at, "unknown %s '%s' (none is configured)", what, word);
    else
        ew_yaml_error(c, at, "unknown %s '%s'", what, word);
}

static void check_backend_name(ew_yaml_ctx *c, const ew_yaml_node *at, const ew_config *cfg,
                               const char *name)
{
    if (ew__config_find_backend(cfg, name) >= 0) return;
    const char *names[33];
    int n = cfg->n_backends < 32 ? cfg->n_backends : 32;
    for (int i = 0; i < n; i++)
        names[i] = cfg->backends[i].name;
    unknown_name(c, at, "backend", name, names, n);
}

static void check_model_name(ew_yaml_ctx *c, const ew_yaml_node *at, const ew_config *cfg,
                             const char *name)
{
    if (ew__config_find_model(cfg, name) >= 0) return;
    const char *names[33];
    int n = cfg->n_models < 32 ? cfg->n_models : 32;
    for (int i = 0; i < n; i++)
        names[i] = cfg->models[i].name;
    unknown_name(c, at, "model", name, names, n);
}

/* ---- pii ---------------------------------------------------------------------------- */

static void decode_min_scores(ew_yaml_ctx *c, const ew_yaml_node *n, ew_pii_cfg *p)
{
    if (n->kind != EW_YAML_MAP) {
        ew_yaml_error(c, n, "'min_scores' must be a map of PII type to score, got %s",
                      ew_yaml_describe(n));
        return;
    }
    p->min_scores = ew_arena_calloc(c->arena, (size_t)n->n + 1, sizeof *p->min_scores);
    if (!p->min_scores) return;
    p->n_min_scores = n->n;
    for (int i = 0; i < n->n; i++) {
        ew_pii_score_cfg *s = &p->min_scores[i];
        s->type = ew_arena_strndup(c->arena, n->keys[i]->str, n->keys[i]->len);
        if (s->type && !ew__config_is_pii_type(s->type)) {
            const char *hint = ew_yaml_suggest(s->type, pii_types);
            if (hint)
                ew_yaml_error(c, n->keys[i], "unknown PII type '%s' (did you mean '%s'?)", s->type,
                              hint);
            else
                ew_yaml_error(c, n->keys[i], "unknown PII type '%s'", s->type);
        }
        ew_yaml_to_double(c, n->items[i], s->type ? s->type : "score", 0, 1, &s->min_score);
    }
}

static void decode_pii_allow(ew_yaml_ctx *c, const ew_yaml_node *n, ew_pii_cfg *p)
{
    static const char *const keys[] = {"values", "domains", NULL};
    if (!ew_yaml_expect_map(c, n, "allow", keys)) return;
    ew_yaml_get_strings(c, n, "values", 0, &p->allow_values, &p->n_allow_values);
    if (ew_yaml_get_strings(c, n, "domains", 0, &p->allow_domains, &p->n_allow_domains) <= 0)
        return;
    const ew_yaml_node *list = ew_yaml_map_get(n, "domains");
    for (int i = 0; i < p->n_allow_domains; i++) {
        const char *d = p->allow_domains[i];
        bool ok = strlen(d) <= 253 && d[0] != '.' && strchr(d, '.');
        for (const char *q = d; *q && ok; q++)
            ok = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
                 *q == '-' || *q == '.';
        if (!ok) ew_yaml_error(c, list->items[i], "'domains': '%s' is not a domain name", d);
    }
}

static void decode_pii_deny(ew_yaml_ctx *c, const ew_yaml_node *n, ew_pii_cfg *p)
{
    static const char *const keys[] = {"terms", "regex", "type", NULL};
    if (!ew_yaml_expect_map(c, n, "deny", keys)) return;
    ew_yaml_get_strings(c, n, "terms", 0, &p->deny_terms, &p->n_deny_terms);
    if (ew_yaml_get_string(c, n, "type", EW_YAML_NONEMPTY, &p->deny_type) > 0 &&
        !ew__config_is_pii_type(p->deny_type))
        ew_yaml_error(c, ew_yaml_map_get(n, "type"), "'type': unknown PII type '%s'", p->deny_type);
    if (ew_yaml_get_strings(c, n, "regex", 0, &p->deny_regex, &p->n_deny_regex) <= 0) return;
    /* Compile each once here so a bad pattern is a load error, not a runtime one. */
    const ew_yaml_node *list = ew_yaml_map_get(n, "regex");
    for (int i = 0; i < p->n_deny_regex; i++) {
        regex_t re;
        int rc = regcomp(&re, p->deny_regex[i], REG_EXTENDED | REG_NOSUB);
        if (rc) {
            char msg[160];
            regerror(rc, &re, msg, sizeof msg);
            ew_yaml_error(c, list->items[i], "'regex': invalid POSIX extended regex: %s", msg);
        }
        regfree(&re);
    }
}

void ew__config_decode_pii(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"enabled", "types", "min_score",      "min_scores",
                                       "allow",   "deny",  "max_scan_bytes", NULL};
    ew_pii_cfg *p = cfg->pii;
    if (!n || !ew_yaml_expect_map(c, n, "pii", keys)) return;
    ew_yaml_get_bool(c, n, "enabled", 0, &p->enabled);
    get_pii_types(c, n, "types", cfg, false, &p->types, &p->n_types);
    ew_yaml_get_double(c, n, "min_score", 0, 0, 1, &p->min_score);
    const ew_yaml_node *v;
    if ((v = ew_yaml_map_get(n, "min_scores"))) decode_min_scores(c, v, p);
    if ((v = ew_yaml_map_get(n, "allow"))) decode_pii_allow(c, v, p);
    if ((v = ew_yaml_map_get(n, "deny"))) {
        decode_pii_deny(c, v, p);
        /* Deny matches are reported as deny.type: a type that is not detected
         * would drop every one of them. */
        const char *t = p->deny_type ? p->deny_type : "custom";
        if ((p->n_deny_terms || p->n_deny_regex) && ew__config_is_pii_type(t))
            check_pii_type(c, v, cfg, t);
    }
    ew_yaml_get_size(c, n, "max_scan_bytes", 0, 1024, (int64_t)64 << 20, &p->max_scan_bytes);
}

/* ---- device ------------------------------------------------------------------------- */

static void decode_tristate(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, int *out)
{
    bool b;
    if (ew_yaml_get_bool(c, map, key, 0, &b) > 0) *out = b;
}

static void decode_device_static(ew_yaml_ctx *c, const ew_yaml_node *n, ew_device_state_cfg *s)
{
    static const char *const keys[] = {"battery",   "charging", "thermal",
                                       "low_power", "metered",  NULL};
    static const char *const levels[] = {"nominal", "fair", "serious", "critical", NULL};
    if (!ew_yaml_expect_map(c, n, "static", keys)) return;
    ew_yaml_get_int(c, n, "battery", 0, 0, 100, &s->battery_pct);
    decode_tristate(c, n, "charging", &s->charging);
    ew_yaml_get_enum(c, n, "thermal", 0, levels, &s->thermal);
    decode_tristate(c, n, "low_power", &s->low_power);
    decode_tristate(c, n, "metered", &s->metered);
}

static void decode_device_thresholds(ew_yaml_ctx *c, const ew_yaml_node *n, ew_device_cfg *d)
{
    static const char *const keys[] = {"low_battery",
                                       "battery_hysteresis",
                                       "thermal_fair",
                                       "thermal_serious",
                                       "thermal_critical",
                                       "thermal_hysteresis",
                                       NULL};
    if (!ew_yaml_expect_map(c, n, "thresholds", keys)) return;
    ew_yaml_get_int(c, n, "low_battery", 0, -1, 100, &d->low_battery_pct);
    ew_yaml_get_int(c, n, "battery_hysteresis", 0, 0, 50, &d->battery_hysteresis_pct);
    ew_yaml_get_double(c, n, "thermal_fair", 0, 0, 200, &d->thermal_fair_c);
    ew_yaml_get_double(c, n, "thermal_serious", 0, 0, 200, &d->thermal_serious_c);
    ew_yaml_get_double(c, n, "thermal_critical", 0, 0, 200, &d->thermal_critical_c);
    ew_yaml_get_double(c, n, "thermal_hysteresis", 0, 0, 50, &d->thermal_hysteresis_c);
    if (!(d->thermal_fair_c < d->thermal_serious_c && d->thermal_serious_c < d->thermal_critical_c))
        ew_yaml_error(c, n,
                      "thermal thresholds must rise: fair (%g) < serious (%g) < critical (%g)",
                      d->thermal_fair_c, d->thermal_serious_c, d->thermal_critical_c);
}

void ew__config_decode_device(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"source",          "sysfs_root", "sysfs_cache", "max_age",
                                       "header_override", "static",     "thresholds",  NULL};
    static const char *const sources[] = {"push", "sysfs", "static", "header", NULL};
    ew_device_cfg *d = cfg->device;
    if (!n || !ew_yaml_expect_map(c, n, "device", keys)) return;
    int src;
    if (ew_yaml_get_enum(c, n, "source", 0, sources, &src) > 0) d->source = (ew_device_source)src;
    const char *root;
    if (ew_yaml_get_string(c, n, "sysfs_root", EW_YAML_NONEMPTY, &root) > 0) {
        const ew_yaml_node *at = ew_yaml_map_get(n, "sysfs_root");
        char full[4096];
        if (ew_config_resolve_path(cfg, root, full, sizeof full))
            ew_yaml_error(c, at, "'sysfs_root': the path is too long");
        else
            d->sysfs_root = ew_arena_strdup(c->arena, full);
        if (d->source != EW_DEVICE_SOURCE_SYSFS)
            ew_yaml_error(c, at, "'sysfs_root' applies only with source: sysfs");
    }
    ew_yaml_get_duration(c, n, "sysfs_cache", 0, 0, 3600000, &d->sysfs_cache_ms);
    ew_yaml_get_duration(c, n, "max_age", 0, 1000, 86400000, &d->max_age_ms);
    ew_yaml_get_bool(c, n, "header_override", 0, &d->header_override);
    const ew_yaml_node *v;
    if ((v = ew_yaml_map_get(n, "static"))) {
        decode_device_static(c, v, &d->fixed);
        if (d->source != EW_DEVICE_SOURCE_STATIC)
            ew_yaml_error(c, v, "'static' values apply only with source: static");
    }
    if ((v = ew_yaml_map_get(n, "thresholds"))) decode_device_thresholds(c, v, d);
}

/* ---- difficulty ---------------------------------------------------------------------- */

void ew__config_decode_difficulty(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"enabled", "weights", "threshold", NULL};
    ew_difficulty_cfg *d = cfg->difficulty;
    if (!n || !ew_yaml_expect_map(c, n, "difficulty", keys)) return;
    ew_yaml_get_bool(c, n, "enabled", 0, &d->enabled);
    if (ew__config_get_file(c, cfg, n, "weights", 0, &d->weights) > 0) {
        /* The router opens the file; its errors point here. */
        const ew_yaml_node *v = ew_yaml_map_get(n, "weights");
        d->weights_line = v->line;
        d->weights_column = v->column;
    }
    ew_yaml_get_double(c, n, "threshold", 0, 0, 1, &d->threshold);
}

/* ---- routing: comparisons -------------------------------------------------------------- */

typedef enum cmp_kind { CMP_NUMBER, CMP_INT, CMP_DURATION, CMP_SIZE } cmp_kind;

static int cmp_value(ew_yaml_ctx *c, const ew_yaml_node *v, const char *name, cmp_kind kind,
                     double min, double max, double *out)
{
    int64_t x;
    int rc;
    switch (kind) {
    case CMP_NUMBER:
        return ew_yaml_to_double(c, v, name, min, max, out);
    case CMP_INT:
        rc = ew_yaml_to_int64(c, v, name, (int64_t)min, (int64_t)max, &x);
        break;
    case CMP_DURATION:
        rc = ew_yaml_to_duration(c, v, name, (int64_t)min, (int64_t)max, &x);
        break;
    default:
        rc = ew_yaml_to_size(c, v, name, (int64_t)min, (int64_t)max, &x);
        break;
    }
    if (rc > 0) *out = (double)x;
    return rc;
}

/* {gt|gte: a, lt|lte: b} or {eq: a}. */
static void decode_cmp(ew_yaml_ctx *c, const ew_yaml_node *n, const char *name, cmp_kind kind,
                       double min, double max, ew_cmp_cfg *out)
{
    static const char *const ops[] = {"gt", "gte", "lt", "lte", "eq", NULL};
    if (n->kind != EW_YAML_MAP) {
        ew_yaml_error(c, n,
                      "'%s': expected a comparison such as {lt: 20}, {gte: 0.7} or "
                      "{gt: 1, lte: 5}, got %s",
                      name, ew_yaml_describe(n));
        return;
    }
    if (!ew_yaml_expect_map(c, n, name, ops)) return;
    if (n->n == 0) {
        ew_yaml_error(c, n, "'%s': the comparison is empty (use gt, gte, lt, lte or eq)", name);
        return;
    }
    double val[5];
    bool has[5], ok = true;
    for (int i = 0; i < 5; i++) {
        const ew_yaml_node *v = ew_yaml_map_get(n, ops[i]);
        has[i] = v != NULL;
        if (v && cmp_value(c, v, name, kind, min, max, &val[i]) < 0) ok = false;
    }
    if ((has[0] && has[1]) || (has[2] && has[3]) || (has[4] && n->n > 1)) {
        ew_yaml_error(c, n,
                      "'%s': conflicting bounds (give at most one lower and one upper bound, "
                      "or eq alone)",
                      name);
        return;
    }
    if (!ok) return;
    ew_cmp_cfg r = {.set = true, .lo = -INFINITY, .hi = INFINITY, .lo_incl = true, .hi_incl = true};
    if (has[4]) r.lo = r.hi = val[4];
    if (has[0] || has[1]) {
        r.lo = has[0] ? val[0] : val[1];
        r.lo_incl = has[1];
    }
    if (has[2] || has[3]) {
        r.hi = has[2] ? val[2] : val[3];
        r.hi_incl = has[3];
    }
    if (r.lo > r.hi || (r.lo == r.hi && !(r.lo_incl && r.hi_incl))) {
        ew_yaml_error(c, n, "'%s': no value can satisfy this range", name);
        return;
    }
    *out = r;
}

static void get_cmp(ew_yaml_ctx *c, const ew_yaml_node *map, const char *key, cmp_kind kind,
                    double min, double max, ew_cmp_cfg *out)
{
    const ew_yaml_node *v = ew_yaml_map_get(map, key);
    if (v) decode_cmp(c, v, key, kind, min, max, out);
}

/* ---- routing: conditions ----------------------------------------------------------------- */

static int thermal_level(ew_yaml_ctx *c, const ew_yaml_node *v, bool allow_unknown)
{
    int lvl;
    if (ew_yaml_to_enum(c, v, "thermal", thermal_names, &lvl) < 0) return -1;
    if (lvl == 4 && !allow_unknown) {
        ew_yaml_error(c, v, "'thermal': 'unknown' cannot be compared; list it instead");
        return -1;
    }
    return lvl;
}

/* thermal: serious | [serious, critical] | {gte: serious} -> a set of levels. */
static void decode_thermal(ew_yaml_ctx *c, const ew_yaml_node *v, unsigned *out)
{
    unsigned set = 0;
    if (v->kind == EW_YAML_SCALAR) {
        int l = thermal_level(c, v, true);
        if (l >= 0) set = 1u << l;
    } else if (v->kind == EW_YAML_SEQ) {
        if (v->n == 0) ew_yaml_error(c, v, "'thermal' must not be an empty list");
        for (int i = 0; i < v->n; i++) {
            int l = thermal_level(c, v->items[i], true);
            if (l >= 0) set |= 1u << l;
        }
    } else {
        static const char *const ops[] = {"gt", "gte", "lt", "lte", "eq", NULL};
        if (!ew_yaml_expect_map(c, v, "thermal", ops) || v->n == 0) {
            if (v->n == 0) ew_yaml_error(c, v, "'thermal': the comparison is empty");
            return;
        }
        set = 0xF;
        for (int i = 0; i < v->n; i++) {
            const char *op = v->keys[i]->str;
            bool known = false;
            for (int k = 0; ops[k] && !known; k++)
                known = !strcmp(op, ops[k]);
            if (!known) continue; /* reported by ew_yaml_expect_map */
            int l = thermal_level(c, v->items[i], false);
            if (l < 0) return;
            for (int k = 0; k < 4; k++) {
                bool keep = !strcmp(op, "gt")    ? k > l
                            : !strcmp(op, "gte") ? k >= l
                            : !strcmp(op, "lt")  ? k < l
                            : !strcmp(op, "lte") ? k <= l
                                                 : k == l;
                if (!keep) set &= ~(1u << k);
            }
        }
        if (!set) ew_yaml_error(c, v, "'thermal': no level can satisfy this comparison");
    }
    if (set) *out = set;
}

static void decode_pii_cond(ew_yaml_ctx *c, const ew_yaml_node *v, const ew_config *cfg,
                            ew_cond_cfg *w)
{
    static const char *const keys[] = {"any", "all", "none", "min_count", NULL};
    if (v->kind == EW_YAML_SCALAR) { /* pii: true | false */
        bool b;
        if (ew_yaml_to_bool(c, v, "pii", &b) > 0) w->pii = b;
        return;
    }
    if (v->kind == EW_YAML_SEQ) { /* pii: [email, phone] means any of them */
        if (ew_yaml_to_strings(c, v, "pii", EW_YAML_NONEMPTY, &w->pii_any, &w->n_pii_any) > 0)
            for (int i = 0; i < w->n_pii_any; i++)
                check_pii_type(c, v->items[i], cfg, w->pii_any[i]);
        return;
    }
    if (!ew_yaml_expect_map(c, v, "pii", keys)) return;
    get_pii_types(c, v, "any", cfg, true, &w->pii_any, &w->n_pii_any);
    get_pii_types(c, v, "all", cfg, true, &w->pii_all, &w->n_pii_all);
    get_pii_types(c, v, "none", cfg, true, &w->pii_none, &w->n_pii_none);
    ew_yaml_get_int(c, v, "min_count", 0, 1, 1000000, &w->pii_min_count);
    if (!w->n_pii_any && !w->n_pii_all && !w->n_pii_none && !ew_yaml_map_get(v, "any") &&
        !ew_yaml_map_get(v, "all") && !ew_yaml_map_get(v, "none"))
        ew_yaml_error(c, v, "'pii': give any, all or none (a list of PII types)");
}

static void decode_backend_cond(ew_yaml_ctx *c, const ew_yaml_node *v, const ew_config *cfg,
                                ew_cond_cfg *w)
{
    static const char *const keys[] = {"name", "breaker_open", "available", "rtt", NULL};
    if (!ew_yaml_expect_map(c, v, "backend", keys)) return;
    if (ew_yaml_get_string(c, v, "name", EW_YAML_NONEMPTY, &w->backend) > 0)
        check_backend_name(c, ew_yaml_map_get(v, "name"), cfg, w->backend);
    decode_tristate(c, v, "breaker_open", &w->breaker_open);
    decode_tristate(c, v, "available", &w->backend_available);
    get_cmp(c, v, "rtt", CMP_DURATION, 0, 3600000, &w->rtt_ms);
    if (v->n == 0 || (v->n == 1 && w->backend))
        ew_yaml_error(c, v, "'backend': give breaker_open, available or rtt");
}

/* Names a client may put in "model": reserved aliases, models, configured
 * aliases and the backends' mapped model names. */
static bool known_request_model(const ew_config *cfg, const char *name)
{
    static const char *const reserved[] = {"auto", "local", "cloud", NULL};
    for (int i = 0; reserved[i]; i++)
        if (!strcmp(reserved[i], name)) return true;
    if (ew__config_find_model(cfg, name) >= 0) return true;
    const ew_routing_cfg *r = cfg->routing;
    for (int i = 0; i < r->n_aliases; i++)
        if (r->aliases[i].name && !strcmp(r->aliases[i].name, name)) return true;
    for (int b = 0; b < cfg->n_backends; b++)
        for (int i = 0; i < cfg->backends[b].n_models; i++)
            if (cfg->backends[b].models[i].from && !strcmp(cfg->backends[b].models[i].from, name))
                return true;
    return false;
}

static void decode_names_cond(ew_yaml_ctx *c, const ew_yaml_node *map, const ew_config *cfg,
                              ew_cond_cfg *w)
{
    const ew_yaml_node *v;
    if (get_names(c, map, "model", &w->models, &w->n_models) > 0) {
        v = ew_yaml_map_get(map, "model");
        for (int i = 0; i < w->n_models; i++)
            if (!known_request_model(cfg, w->models[i]))
                ew_yaml_error(c, name_node(v, i),
                              "unknown model '%s' (not auto, local, cloud, a configured model, "
                              "an alias or a backend model)",
                              w->models[i]);
    }
    get_names(c, map, "tenant", &w->tenants, &w->n_tenants);
    if (get_names(c, map, "key", &w->keys, &w->n_keys) > 0) {
        v = ew_yaml_map_get(map, "key");
        const char *names[33];
        int n = cfg->auth.n_keys < 32 ? cfg->auth.n_keys : 32;
        for (int i = 0; i < n; i++)
            names[i] = cfg->auth.keys[i].name;
        for (int i = 0; i < w->n_keys; i++) {
            bool found = false;
            for (int k = 0; k < cfg->auth.n_keys && !found; k++)
                found = cfg->auth.keys[k].name && !strcmp(cfg->auth.keys[k].name, w->keys[i]);
            if (!found) unknown_name(c, name_node(v, i), "API key", w->keys[i], names, n);
        }
    }
}

static void cond_init(ew_cond_cfg *w)
{
    *w = (ew_cond_cfg){.pii = -1,
                       .pii_min_count = 1,
                       .hard = -1,
                       .charging = -1,
                       .low_power = -1,
                       .metered = -1,
                       .breaker_open = -1,
                       .backend_available = -1,
                       .stream = -1};
}

static void decode_when(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg, ew_cond_cfg *w)
{
    static const char *const keys[] = {
        "pii",       "difficulty",    "hard",         "battery",     "charging", "thermal",
        "low_power", "metered",       "backend",      "local_queue", "model",    "tenant",
        "key",       "prompt_tokens", "prompt_bytes", "stream",      NULL};
    if (!ew_yaml_expect_map(c, n, "when", keys)) return;
    const ew_yaml_node *v;
    if ((v = ew_yaml_map_get(n, "pii"))) decode_pii_cond(c, v, cfg, w);
    get_cmp(c, n, "difficulty", CMP_NUMBER, 0, 1, &w->difficulty);
    decode_tristate(c, n, "hard", &w->hard);
    get_cmp(c, n, "battery", CMP_INT, 0, 100, &w->battery);
    decode_tristate(c, n, "charging", &w->charging);
    if ((v = ew_yaml_map_get(n, "thermal"))) decode_thermal(c, v, &w->thermal);
    decode_tristate(c, n, "low_power", &w->low_power);
    decode_tristate(c, n, "metered", &w->metered);
    if ((v = ew_yaml_map_get(n, "backend"))) decode_backend_cond(c, v, cfg, w);
    get_cmp(c, n, "local_queue", CMP_INT, 0, 1000000, &w->local_queue);
    decode_names_cond(c, n, cfg, w);
    get_cmp(c, n, "prompt_tokens", CMP_INT, 0, 1e9, &w->prompt_tokens);
    get_cmp(c, n, "prompt_bytes", CMP_SIZE, 0, 1e12, &w->prompt_bytes);
    decode_tristate(c, n, "stream", &w->stream);
}

/* ---- routing: actions --------------------------------------------------------------------- */

static bool route_takes_backend(ew_route r)
{
    return r == EW_ROUTE_REMOTE || r == EW_ROUTE_SPLIT || r == EW_ROUTE_SPECULATIVE ||
           r == EW_ROUTE_CASCADE;
}

static bool route_takes_model(ew_route r)
{
    return r == EW_ROUTE_LOCAL || r == EW_ROUTE_SPLIT || r == EW_ROUTE_SPECULATIVE ||
           r == EW_ROUTE_CASCADE;
}

static void check_action_backend(ew_yaml_ctx *c, const ew_yaml_node *at, const ew_config *cfg,
                                 const ew_action_cfg *a)
{
    if (!route_takes_backend(a->route)) {
        ew_yaml_error(c, at, "'backend' does not apply to route '%s'", ew_route_name(a->route));
        return;
    }
    int b = ew__config_find_backend(cfg, a->backend);
    if (b < 0) {
        check_backend_name(c, at, cfg, a->backend);
        return;
    }
    if (a->route == EW_ROUTE_SPECULATIVE && strcmp(cfg->backends[b].kind, "edgeway"))
        ew_yaml_error(c, at,
                      "route 'speculative' needs a backend of kind 'edgeway' (one that offers "
                      "/v1/edgeway/verify); '%s' is of kind '%s'",
                      a->backend, cfg->backends[b].kind);
}

/* Reads the action keys of a map (a rule, or an action written as a map). */
static void decode_action_fields(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg,
                                 ew_action_cfg *a)
{
    int route;
    if (ew_yaml_get_enum(c, n, "route", EW_YAML_REQUIRED, route_names, &route) > 0)
        a->route = (ew_route)route;
    else
        return; /* the other keys cannot be judged without a route */
    const ew_yaml_node *v;
    if (ew_yaml_get_string(c, n, "backend", EW_YAML_NONEMPTY, &a->backend) > 0)
        check_action_backend(c, ew_yaml_map_get(n, "backend"), cfg, a);
    if (ew_yaml_get_string(c, n, "model", EW_YAML_NONEMPTY, &a->model) > 0) {
        v = ew_yaml_map_get(n, "model");
        if (!route_takes_model(a->route))
            ew_yaml_error(c, v,
                          "'model' does not apply to route '%s' (name the backend's model "
                          "in the backend's models map)",
                          ew_route_name(a->route));
        else
            check_model_name(c, v, cfg, a->model);
    }
    if (ew_yaml_get_string(c, n, "message", EW_YAML_NONEMPTY, &a->message) > 0) {
        if (a->route != EW_ROUTE_DENY)
            ew_yaml_error(c, ew_yaml_map_get(n, "message"),
                          "'message' applies only to route 'deny'");
        else if (strlen(a->message) > EW_CONFIG_MAX_MESSAGE)
            ew_yaml_error(c, ew_yaml_map_get(n, "message"), "'message' is longer than %d bytes",
                          EW_CONFIG_MAX_MESSAGE);
    }
    if (ew_yaml_get_enum(c, n, "mode", 0, split_modes, &a->split_mode) > 0 &&
        a->route != EW_ROUTE_SPLIT)
        ew_yaml_error(c, ew_yaml_map_get(n, "mode"), "'mode' applies only to route 'split'");
}

/* An action: a route name, or a map {route, backend, model, message, mode}. */
static void decode_action(ew_yaml_ctx *c, const ew_yaml_node *n, const char *what,
                          const ew_config *cfg, ew_action_cfg *a)
{
    static const char *const keys[] = {"route", "backend", "model", "message", "mode", NULL};
    *a = default_action(EW_ROUTE_LOCAL);
    a->line = n->line;
    a->column = n->column;
    if (n->kind == EW_YAML_SCALAR) {
        int route;
        if (ew_yaml_to_enum(c, n, what, route_names, &route) > 0) a->route = (ew_route)route;
        return;
    }
    if (ew_yaml_expect_map(c, n, what, keys)) decode_action_fields(c, n, cfg, a);
}

static void decode_fallbacks(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg,
                             ew_action_cfg **out, int *count)
{
    *count = 0;
    if (n->kind != EW_YAML_SEQ) {
        ew_yaml_error(c, n, "'fallbacks' must be a list of routes, got %s", ew_yaml_describe(n));
        return;
    }
    if (n->n > 16) {
        ew_yaml_error(c, n, "'fallbacks' has more than 16 entries");
        return;
    }
    ew_action_cfg *arr = ew_arena_calloc(c->arena, (size_t)n->n + 1, sizeof *arr);
    if (!arr) return;
    for (int i = 0; i < n->n; i++)
        decode_action(c, n->items[i], "fallback", cfg, &arr[i]);
    *out = arr;
    *count = n->n;
}

/* ---- routing: rules, aliases, route settings ------------------------------------------------ */

static void decode_rule(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg, ew_rule_cfg *r)
{
    static const char *const keys[] = {"name",  "description", "when", "route",     "backend",
                                       "model", "message",     "mode", "fallbacks", NULL};
    cond_init(&r->when);
    r->action = default_action(EW_ROUTE_LOCAL);
    r->line = r->action.line = n->line;
    r->column = r->action.column = n->column;
    if (!ew_yaml_expect_map(c, n, "a rule", keys)) return;
    if (ew_yaml_get_string(c, n, "name", EW_YAML_REQUIRED, &r->name) > 0 &&
        !ew__config_valid_name(r->name))
        ew_yaml_error(c, ew_yaml_map_get(n, "name"),
                      "'name': '%s' may use only letters, digits and _.:- (1 to 64)", r->name);
    ew_yaml_get_string(c, n, "description", EW_YAML_NONEMPTY, &r->description);
    const ew_yaml_node *v;
    if ((v = ew_yaml_map_get(n, "when"))) decode_when(c, v, cfg, &r->when);
    decode_action_fields(c, n, cfg, &r->action);
    if ((v = ew_yaml_map_get(n, "fallbacks")))
        decode_fallbacks(c, v, cfg, &r->fallbacks, &r->n_fallbacks);
}

static void decode_rules(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg,
                         ew_routing_cfg *r)
{
    if (n->kind != EW_YAML_SEQ) {
        ew_yaml_error(c, n, "'rules' must be a list, got %s", ew_yaml_describe(n));
        return;
    }
    if (n->n > 1024) {
        ew_yaml_error(c, n, "'rules' has more than 1024 entries");
        return;
    }
    r->rules = ew_arena_calloc(c->arena, (size_t)n->n + 1, sizeof *r->rules);
    if (!r->rules) return;
    r->n_rules = n->n;
    for (int i = 0; i < n->n; i++) {
        decode_rule(c, n->items[i], cfg, &r->rules[i]);
        for (int j = 0; j < i && r->rules[i].name; j++)
            if (r->rules[j].name && !strcmp(r->rules[j].name, r->rules[i].name)) {
                ew_yaml_error(c, ew_yaml_map_get(n->items[i], "name"),
                              "duplicate rule name '%s' (first at line %d)", r->rules[i].name,
                              r->rules[j].line);
                break;
            }
    }
}

static void decode_aliases(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg,
                           ew_routing_cfg *r)
{
    static const char *const reserved[] = {"auto", "local", "cloud", NULL};
    if (n->kind != EW_YAML_MAP) {
        ew_yaml_error(c, n, "'aliases' must be a map of model name to route, got %s",
                      ew_yaml_describe(n));
        return;
    }
    r->aliases = ew_arena_calloc(c->arena, (size_t)n->n + 1, sizeof *r->aliases);
    if (!r->aliases) return;
    r->n_aliases = n->n;
    for (int i = 0; i < n->n; i++) {
        ew_alias_cfg *a = &r->aliases[i];
        const ew_yaml_node *k = n->keys[i];
        a->name = ew_arena_strndup(c->arena, k->str, k->len);
        if (!a->name) return;
        bool clash = ew__config_find_model(cfg, a->name) >= 0;
        for (int j = 0; reserved[j]; j++)
            clash |= !strcmp(reserved[j], a->name);
        if (!ew__config_valid_name(a->name))
            ew_yaml_error(c, k, "alias '%.64s' may use only letters, digits and _.:- (1 to 64)",
                          k->str);
        else if (clash)
            ew_yaml_error(c, k, "alias '%s' hides a model or reserved name of the same name",
                          a->name);
        decode_action(c, n->items[i], a->name, cfg, &a->action);
    }
}

static void decode_cascade(ew_yaml_ctx *c, const ew_yaml_node *n, ew_cascade_cfg *k)
{
    static const char *const keys[] = {"probe_tokens", "metric", "min_confidence", NULL};
    static const char *const metrics[] = {"mean_top1", "margin", NULL};
    if (!ew_yaml_expect_map(c, n, "cascade", keys)) return;
    ew_yaml_get_int(c, n, "probe_tokens", 0, 1, 512, &k->probe_tokens);
    int m;
    if (ew_yaml_get_enum(c, n, "metric", 0, metrics, &m) > 0) k->metric = (ew_cascade_metric)m;
    ew_yaml_get_double(c, n, "min_confidence", 0, 0, 1, &k->min_confidence);
}

static void decode_speculative(ew_yaml_ctx *c, const ew_yaml_node *n, ew_speculative_cfg *s)
{
    static const char *const keys[] = {
        "k", "k_max", "adaptive", "p_min", "early_exit_layers", "min_acceptance", NULL};
    if (!ew_yaml_expect_map(c, n, "speculative", keys)) return;
    ew_yaml_get_int(c, n, "k", 0, 1, 64, &s->k);
    ew_yaml_get_int(c, n, "k_max", 0, 1, 64, &s->k_max);
    ew_yaml_get_bool(c, n, "adaptive", 0, &s->adaptive);
    ew_yaml_get_double(c, n, "p_min", 0, 0, 1, &s->p_min);
    ew_yaml_get_int(c, n, "early_exit_layers", 0, 0, 1024, &s->early_exit_layers);
    ew_yaml_get_double(c, n, "min_acceptance", 0, 0, 1, &s->min_acceptance);
    if (s->k > s->k_max)
        ew_yaml_error(c, ew_yaml_map_get(n, "k") ? ew_yaml_map_get(n, "k") : n,
                      "'k' (%d) is larger than 'k_max' (%d)", s->k, s->k_max);
}

static void decode_split(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg,
                         ew_split_cfg *s)
{
    static const char *const keys[] = {
        "mode", "types", "local_prefix", "max_conversations", "conversation_ttl", "vault_max_bytes",
        NULL};
    static const char *const prefix_keys[] = {"system", "min_pii", "instruction",
                                              "max_context_tokens", NULL};
    if (!ew_yaml_expect_map(c, n, "split", keys)) return;
    int mode;
    if (ew_yaml_get_enum(c, n, "mode", 0, split_modes, &mode) > 0) s->mode = (ew_split_mode)mode;
    get_pii_types(c, n, "types", cfg, true, &s->types, &s->n_types);
    ew_yaml_get_int(c, n, "max_conversations", 0, 1, 1000000, &s->max_conversations);
    ew_yaml_get_duration(c, n, "conversation_ttl", 0, 1000, 7 * 24 * 3600 * 1000LL,
                         &s->conversation_ttl_ms);
    ew_yaml_get_size(c, n, "vault_max_bytes", 0, 1024, 64 << 20, &s->vault_max_bytes);
    const ew_yaml_node *p = ew_yaml_map_get(n, "local_prefix");
    if (!p || !ew_yaml_expect_map(c, p, "local_prefix", prefix_keys)) return;
    ew_yaml_get_bool(c, p, "system", 0, &s->prefix_system);
    ew_yaml_get_int(c, p, "min_pii", 0, 1, 1000, &s->prefix_min_pii);
    ew_yaml_get_string(c, p, "instruction", EW_YAML_NONEMPTY, &s->instruction);
    ew_yaml_get_int(c, p, "max_context_tokens", 0, 16, 8192, &s->max_context_tokens);
}

static void decode_never_remote(ew_yaml_ctx *c, const ew_yaml_node *n, const ew_config *cfg,
                                ew_routing_cfg *r)
{
    static const char *const routes[] = {"local", "split", "deny", NULL};
    static const ew_route route_of[] = {EW_ROUTE_LOCAL, EW_ROUTE_SPLIT, EW_ROUTE_DENY};
    get_pii_types(c, n, "never_remote", cfg, true, &r->never_remote, &r->n_never_remote);
    int route;
    if (ew_yaml_get_enum(c, n, "never_remote_action", 0, routes, &route) > 0)
        r->never_remote_route = route_of[route];
    const ew_yaml_node *msg = ew_yaml_map_get(n, "never_remote_message");
    if (ew_yaml_get_string(c, n, "never_remote_message", EW_YAML_NONEMPTY,
                           &r->never_remote_message) > 0) {
        if (r->never_remote_route != EW_ROUTE_DENY)
            ew_yaml_error(c, msg,
                          "'never_remote_message' applies only with never_remote_action: deny");
        else if (strlen(r->never_remote_message) > EW_CONFIG_MAX_MESSAGE)
            ew_yaml_error(c, msg, "'never_remote_message' is longer than %d bytes",
                          EW_CONFIG_MAX_MESSAGE);
    }
}

void ew__config_decode_routing(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"rules",
                                       "default",
                                       "fallbacks",
                                       "never_remote",
                                       "never_remote_action",
                                       "never_remote_message",
                                       "aliases",
                                       "cascade",
                                       "speculative",
                                       "split",
                                       NULL};
    ew_routing_cfg *r = cfg->routing;
    if (!n || !ew_yaml_expect_map(c, n, "routing", keys)) return;
    const ew_yaml_node *v;
    /* Settings and aliases first: conditions on "model" may name aliases. */
    if ((v = ew_yaml_map_get(n, "cascade"))) decode_cascade(c, v, &r->cascade);
    if ((v = ew_yaml_map_get(n, "speculative"))) decode_speculative(c, v, &r->speculative);
    if ((v = ew_yaml_map_get(n, "split"))) decode_split(c, v, cfg, &r->split);
    decode_never_remote(c, n, cfg, r);
    if ((v = ew_yaml_map_get(n, "aliases"))) decode_aliases(c, v, cfg, r);
    if ((v = ew_yaml_map_get(n, "default")))
        decode_action(c, v, "default", cfg, &r->default_action);
    if ((v = ew_yaml_map_get(n, "fallbacks")))
        decode_fallbacks(c, v, cfg, &r->fallbacks, &r->n_fallbacks);
    if ((v = ew_yaml_map_get(n, "rules"))) decode_rules(c, v, cfg, r);
}
