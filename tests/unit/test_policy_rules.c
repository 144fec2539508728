/* policy/rules: table-driven scenarios (policy, features -> route, rule,
 * backend, reason) covering every condition and action, and never_remote
 * winning over every rule, fallback, alias and request. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/router.h"
#include "policy/config.h"
#include "policy/rules.h"

/* Models, backends and keys every scenario's routing section may name. */
#define BASE_FMT                                                                                   \
    "version: 1\n"                                                                                 \
    "models:\n"                                                                                    \
    "  - {name: stories, path: %s/models/stories260K.gguf}\n"                                      \
    "  - {name: tiny, path: %s/models/stories260K.gguf}\n"                                         \
    "backends:\n"                                                                                  \
    "  - {name: cloud, base_url: 'https://cloud.example/v1', priority: 1,"                         \
    " models: {gpt: gpt-4o}}\n"                                                                    \
    "  - {name: backup, base_url: 'https://backup.example/v1', priority: 2}\n"                     \
    "  - {name: edge, base_url: 'http://10.0.0.2:8080/v1', kind: edgeway,"                         \
    " priority: 3}\n"                                                                              \
    "auth:\n"                                                                                      \
    "  keys:\n"                                                                                    \
    "    - {name: alice, sha256: '%064d', tenant: acme}\n"                                         \
    "    - {name: bob, sha256: '%064d', tenant: other}\n"

static ew_policy *policy_from(const char *routing)
{
    const char *shared = getenv("EW_SHARED");
    if (!shared || !*shared) shared = "../shared";
    char *yaml = malloc(16384);
    assert_non_null(yaml);
    int n = snprintf(yaml, 16384, BASE_FMT, shared, shared, 1, 2);
    snprintf(yaml + n, 16384 - (size_t)n, "%s", routing);
    ew_config *cfg = NULL;
    ew_config_errors errs;
    int st = ew_config_load_string(yaml, strlen(yaml), "rules.yaml", &cfg, &errs);
    for (int i = 0; i < errs.n; i++)
        print_message("  %d:%d: %s\n", errs.items[i].line, errs.items[i].column,
                      errs.items[i].message);
    assert_int_equal(st, EW_OK);
    ew_policy *p = ew__policy_new(cfg);
    assert_non_null(p);
    ew_config_unref(cfg); /* the policy keeps its own reference */
    free(yaml);
    return p;
}

/* ---- a tiny language for features: "battery=15 pii=email:2,secret:1 ..." ---- */

typedef struct features {
    ew_rule_input in;
    ew_health health;
    ew_backend_health backends[4];
    char model[32], tenant[32], key[32];
} features;

static int thermal_of(const char *v)
{
    static const char *const names[] = {"nominal", "fair", "serious", "critical"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(v, names[i])) return i;
    fail_msg("bad thermal '%s'", v);
    return -1;
}

static ew_backend_health *backend_named(features *f, const char *name)
{
    for (int i = 0; i < 4; i++)
        if (!strcmp(f->backends[i].name, name)) return &f->backends[i];
    fail_msg("no backend '%s'", name);
    return NULL;
}

static void set_pii(features *f, const char *v)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", v);
    for (char *item = buf, *next; item && *item; item = next) {
        next = strchr(item, ',');
        if (next) *next++ = '\0';
        char *colon = strchr(item, ':');
        assert_non_null(colon);
        *colon = '\0';
        int t = ew__pii_type_index(item);
        assert_true(t >= 0);
        f->in.pii_counts[t] = (uint32_t)strtoul(colon + 1, NULL, 10);
    }
}

static void set_feature(features *f, const char *k, const char *v)
{
    if (!strcmp(k, "pii"))
        set_pii(f, v);
    else if (!strcmp(k, "fail"))
        f->in.pii_failed = true;
    else if (!strcmp(k, "difficulty"))
        f->in.difficulty = strtod(v, NULL);
    else if (!strcmp(k, "battery"))
        f->in.device.battery_pct = atoi(v);
    else if (!strcmp(k, "charging"))
        f->in.device.charging = atoi(v);
    else if (!strcmp(k, "thermal"))
        f->in.device.thermal = thermal_of(v);
    else if (!strcmp(k, "low_power"))
        f->in.device.low_power = atoi(v);
    else if (!strcmp(k, "metered"))
        f->in.device.metered = atoi(v);
    else if (!strcmp(k, "shared"))
        f->in.device_shared = true;
    else if (!strcmp(k, "model"))
        snprintf(f->model, sizeof f->model, "%s", v);
    else if (!strcmp(k, "tenant"))
        snprintf(f->tenant, sizeof f->tenant, "%s", v);
    else if (!strcmp(k, "key"))
        snprintf(f->key, sizeof f->key, "%s", v);
    else if (!strcmp(k, "tokens"))
        f->in.prompt_tokens = atoll(v);
    else if (!strcmp(k, "bytes"))
        f->in.prompt_bytes = atoll(v);
    else if (!strcmp(k, "stream"))
        f->in.stream = atoi(v) != 0;
    else if (!strcmp(k, "queue")) {
        f->health.local_queue = atoi(v);
        const char *slash = strchr(v, '/');
        f->health.local_capacity = slash ? atoi(slash + 1) : 0;
    } else if (!strncmp(k, "rtt.", 4))
        backend_named(f, k + 4)->rtt_ms = strtod(v, NULL);
    else if (!strcmp(v, "open")) {
        ew_backend_health *b = backend_named(f, k);
        b->breaker = EW_BREAKER_OPEN;
        b->available = false;
    } else if (!strcmp(v, "probe")) { /* half-open: a probe request is allowed */
        ew_backend_health *b = backend_named(f, k);
        b->breaker = EW_BREAKER_OPEN;
        b->available = true;
    } else
        fail_msg("bad feature '%s'", k);
}

/* Unknown device state, every backend up, nothing in the queue by default. */
static void features_parse(features *f, const char *spec)
{
    memset(f, 0, sizeof *f);
    f->in.difficulty = NAN;
    f->in.device = (ew_device_state_cfg){-1, -1, -1, -1, -1};
    /* The backends of BASE_FMT and of conf/enterprise.yaml. */
    static const char *const names[] = {"cloud", "backup", "edge", "openai"};
    for (int i = 0; i < 4; i++) {
        f->backends[i] = (ew_backend_health){.available = true, .rtt_ms = -1};
        snprintf(f->backends[i].name, sizeof f->backends[i].name, "%s", names[i]);
    }
    f->health = (ew_health){.backends = f->backends, .n_backends = 4};
    f->in.health = &f->health;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *tok = buf, *next; tok && *tok; tok = next) {
        next = strchr(tok, ' ');
        if (next) *next++ = '\0';
        char *eq = strchr(tok, '=');
        assert_non_null(eq);
        *eq = '\0';
        set_feature(f, tok, eq + 1);
    }
    f->in.model = f->model[0] ? f->model : NULL;
    f->in.tenant = f->tenant[0] ? f->tenant : NULL;
    f->in.key = f->key[0] ? f->key : NULL;
}

/* ---- scenarios -------------------------------------------------------------------- */

typedef struct scenario {
    const char *what;
    const char *features;
    const char *route;
    const char *rule;
    const char *backend; /* "" = none */
    const char *reason;  /* a substring of some reason */
} scenario;

static void run(ew_policy *p, const scenario *s, ew_decision *d)
{
    features f;
    features_parse(&f, s->features);
    ew__policy_decide(p, &f.in, d);
    bool ok = !strcmp(ew_route_name(d->target.route), s->route) && !strcmp(d->rule, s->rule) &&
              !strcmp(d->target.backend, s->backend);
    bool reason = !s->reason;
    for (int i = 0; i < d->n_reasons && !reason; i++)
        reason = strstr(d->reasons[i], s->reason) != NULL;
    if (!ok || !reason) {
        print_message("scenario '%s' [%s]: got %s rule=%s backend=%s\n", s->what, s->features,
                      ew_route_name(d->target.route), d->rule, d->target.backend);
        for (int i = 0; i < d->n_reasons; i++)
            print_message("    reason: %s\n", d->reasons[i]);
        fail_msg("want %s rule=%s backend=%s reason~'%s'", s->route, s->rule, s->backend,
                 s->reason ? s->reason : "");
    }
}

static void run_table(const char *routing, const scenario *table, size_t n)
{
    ew_policy *p = policy_from(routing);
    ew_decision d;
    for (size_t i = 0; i < n; i++)
        run(p, &table[i], &d);
    ew__policy_free(p);
}

#define RUN_TABLE(routing, table) run_table(routing, table, sizeof table / sizeof table[0])

/* One rule per condition; each scenario makes exactly one of them match. */
static const char *conditions_policy =
    "routing:\n"
    "  default: local\n"
    "  rules:\n"
    "    - {name: any-pii, when: {pii: true, tenant: pii-tenant}, route: remote}\n"
    "    - {name: no-pii, when: {pii: false, tenant: clean-tenant}, route: remote}\n"
    "    - {name: pii-list, when: {pii: [iban, passport]}, route: remote}\n"
    "    - {name: pii-count, when: {pii: {any: [phone], min_count: 3}}, route: remote}\n"
    "    - {name: pii-all, when: {pii: {all: [person, street_address]}}, route: split}\n"
    "    - {name: pii-none, when: {pii: {any: [email], none: [credit_card]}}, route: remote}\n"
    "    - {name: difficulty, when: {difficulty: {gte: 0.8}}, route: remote}\n"
    "    - {name: hard, when: {hard: true, stream: false}, route: cascade}\n"
    "    - {name: battery, when: {battery: {lt: 20}}, route: remote}\n"
    "    - {name: charging, when: {charging: true, low_power: false}, route: local, model: tiny}\n"
    "    - {name: thermal, when: {thermal: {gte: serious}}, route: remote, backend: backup}\n"
    "    - {name: thermal-list, when: {thermal: [fair]}, route: speculative}\n"
    "    - {name: low-power, when: {low_power: true}, route: remote}\n"
    "    - {name: metered, when: {metered: true}, route: local}\n"
    "    - {name: breaker, when: {backend: {name: cloud, breaker_open: true}}, route: local}\n"
    "    - {name: rtt, when: {backend: {name: backup, rtt: {gt: 500ms}}}, route: local}\n"
    "    - {name: queue, when: {local_queue: {gte: 8}}, route: remote}\n"
    "    - {name: model, when: {model: [gpt]}, route: remote}\n"
    "    - {name: tenant, when: {tenant: acme}, route: deny, message: acme is paused}\n"
    "    - {name: key, when: {key: bob}, route: split, mode: local_prefix}\n"
    "    - {name: tokens, when: {prompt_tokens: {gt: 4000}}, route: remote}\n"
    "    - {name: bytes, when: {prompt_bytes: {gt: 64KiB}}, route: remote}\n"
    "    - {name: stream, when: {stream: true}, route: remote, backend: backup}\n"
    "    - {name: backend-down, when: {backend: {name: edge, available: false}}, route: local}\n"
    "    - {name: thermal-unknown, when: {thermal: [unknown], tenant: tu}, route: local}\n"
    "    - {name: pii-all-count, when: {pii: {all: [mac_address, ip_address], min_count: 2}},"
    " route: remote}\n"
    "    - {name: difficulty-band, when: {difficulty: {gt: 0.3, lte: 0.4}}, route: remote}\n"
    "    - {name: easy, when: {difficulty: {lt: 0.05}}, route: local, model: tiny}\n";

static void test_every_condition(void **state)
{
    (void)state;
    static const scenario table[] = {
        {"nothing matches", "", "local", "default", "", "default route"},
        {"pii: true", "tenant=pii-tenant pii=email:1", "remote", "any-pii", "cloud",
         "PII present: email=1"},
        {"pii: true, no PII", "tenant=pii-tenant", "local", "default", "", NULL},
        {"pii: false", "tenant=clean-tenant", "remote", "no-pii", "cloud", "no PII"},
        {"pii: false, PII present", "tenant=clean-tenant pii=ip_address:1", "local", "default", "",
         NULL},
        {"pii list", "pii=passport:1", "remote", "pii-list", "cloud", "PII passport=1"},
        {"min_count met", "pii=phone:3", "remote", "pii-count", "cloud", "phone=3"},
        {"min_count not met", "pii=phone:2", "local", "default", "", NULL},
        {"pii all", "pii=person:1,street_address:2", "split", "pii-all", "cloud", "PII all of"},
        {"pii all, one missing", "pii=person:1", "local", "default", "", NULL},
        {"pii none holds", "pii=email:1", "remote", "pii-none", "cloud", "excluded"},
        {"pii none fails", "pii=email:1,credit_card:1", "local", "default", "", NULL},
        {"difficulty", "difficulty=0.85", "remote", "difficulty", "cloud",
         "difficulty 0.85 >= 0.8"},
        {"hard", "difficulty=0.6", "cascade", "hard", "cloud", "threshold 0.50"},
        {"hard but streaming", "difficulty=0.6 stream=1", "remote", "stream", "backup", NULL},
        {"unknown difficulty", "", "local", "default", "", NULL},
        {"battery low", "battery=15", "remote", "battery", "cloud", "battery 15% < 20"},
        {"battery ok", "battery=20", "local", "default", "", NULL},
        {"charging", "charging=1 low_power=0", "local", "charging", "", "charging"},
        {"thermal cmp", "thermal=critical", "remote", "thermal", "backup", "thermal critical"},
        {"thermal list", "thermal=fair", "speculative", "thermal-list", "edge", "thermal fair"},
        {"thermal nominal", "thermal=nominal", "local", "default", "", NULL},
        {"low power", "low_power=1", "remote", "low-power", "cloud", "low power mode"},
        {"metered", "metered=1", "local", "metered", "", "metered network"},
        {"breaker open", "cloud=open", "local", "breaker", "", "breaker open"},
        {"rtt", "rtt.backup=900", "local", "rtt", "", "RTT 900ms > 500"},
        {"rtt fast", "rtt.backup=100", "local", "default", "", NULL},
        {"queue", "queue=9", "remote", "queue", "cloud", "local queue 9 >= 8"},
        {"model", "model=gpt", "remote", "model", "cloud", "model 'gpt'"},
        {"tenant", "tenant=acme", "deny", "tenant", "", "tenant 'acme'"},
        {"key", "key=bob", "split", "key", "cloud", "key 'bob'"},
        {"tokens", "tokens=5000", "remote", "tokens", "cloud", "5000 tokens > 4000"},
        {"bytes", "bytes=70000", "remote", "bytes", "cloud", "70000 bytes > 65536"},
        {"stream", "stream=1", "remote", "stream", "backup", "streaming"},
        {"backend unavailable", "edge=open", "local", "backend-down", "", "'edge' breaker open"},
        {"thermal unknown", "tenant=tu", "local", "thermal-unknown", "", "thermal unknown"},
        {"thermal known", "tenant=tu thermal=nominal", "local", "default", "", NULL},
        {"pii all with a count", "pii=mac_address:2,ip_address:3", "remote", "pii-all-count",
         "cloud", "mac_address"},
        {"pii all, one below the count", "pii=mac_address:2,ip_address:1", "local", "default", "",
         NULL},
        {"difficulty band", "difficulty=0.35", "remote", "difficulty-band", "cloud",
         "difficulty 0.35"},
        {"difficulty band, upper end included", "difficulty=0.4", "remote", "difficulty-band",
         "cloud", NULL},
        {"difficulty band, lower end excluded", "difficulty=0.3", "local", "default", "", NULL},
        {"difficulty lt", "difficulty=0.01", "local", "easy", "", "difficulty 0.01 < 0.05"},
    };
    RUN_TABLE(conditions_policy, table);
}

static void test_first_match_and_details(void **state)
{
    (void)state;
    ew_policy *p = policy_from(conditions_policy);
    ew_decision d;
    /* Both "difficulty" and "battery" hold: the earlier rule decides. */
    scenario s = {"order", "difficulty=0.9 battery=5", "remote", "difficulty", "cloud", NULL};
    run(p, &s, &d);
    assert_string_equal(d.matched_rule, "difficulty");
    /* Action details: model, split mode, deny message. */
    s = (scenario){"local model", "charging=1 low_power=0", "local", "charging", "", NULL};
    run(p, &s, &d);
    assert_string_equal(d.target.model, "tiny");
    s = (scenario){"split mode", "key=bob", "split", "key", "cloud", NULL};
    run(p, &s, &d);
    assert_int_equal(d.target.split_mode, EW_SPLIT_LOCAL_PREFIX);
    s = (scenario){"deny", "tenant=acme", "deny", "tenant", "", NULL};
    run(p, &s, &d);
    assert_string_equal(d.message, "acme is paused");
    assert_string_equal(d.target.model, "");
    /* The feature snapshot carries PII counts, never values. */
    s = (scenario){"snapshot", "pii=email:2,secret:1 tenant=x model=auto battery=50",
                   "remote",   "pii-none",
                   "cloud",    NULL};
    run(p, &s, &d);
    assert_int_equal(d.features.n_pii, 2);
    assert_string_equal(d.features.pii[0].type, "email");
    assert_int_equal(d.features.pii[0].count, 2);
    assert_string_equal(d.features.pii[1].type, "secret");
    assert_int_equal(d.features.battery_pct, 50);
    assert_string_equal(d.features.tenant, "x");
    ew__policy_free(p);
}

static void test_battery_hysteresis(void **state)
{
    (void)state;
    ew_policy *p = policy_from("device: {thresholds: {battery_hysteresis: 5}}\n"
                               "routing:\n"
                               "  rules:\n"
                               "    - {name: save, when: {battery: {lt: 20}}, route: remote}\n");
    static const scenario steps[] = {
        {"above", "shared=1 battery=30", "local", "default", "", NULL},
        {"drops", "shared=1 battery=19", "remote", "save", "cloud", "battery 19% < 20"},
        {"inside the band", "shared=1 battery=23", "remote", "save", "cloud", "hysteresis"},
        {"leaves the band", "shared=1 battery=25", "local", "default", "", NULL},
        {"back in the band, not latched", "shared=1 battery=23", "local", "default", "", NULL},
        /* A per-request header state never uses the device's latch. */
        {"latch again", "shared=1 battery=10", "remote", "save", "cloud", NULL},
        {"header state", "battery=23", "local", "default", "", NULL},
    };
    ew_decision d;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        run(p, &steps[i], &d);
    ew__policy_free(p);
}

static void test_every_action_and_target(void **state)
{
    (void)state;
    static const scenario table[] = {
        {"remote by priority", "tenant=r", "remote", "r", "cloud", NULL},
        {"remote by priority, cloud down", "tenant=r cloud=open", "remote", "r", "backup", NULL},
        {"remote named", "tenant=rn", "remote", "rn", "backup", NULL},
        {"remote picks the backend mapping the model", "tenant=r model=gpt", "remote", "r", "cloud",
         NULL},
        {"speculative needs kind edgeway", "tenant=s", "speculative", "s", "edge", NULL},
        {"cascade", "tenant=c", "cascade", "c", "backup", NULL},
        {"split", "tenant=sp", "split", "sp", "cloud", NULL},
        {"deny", "tenant=d", "deny", "d", "", NULL},
        {"local", "tenant=l", "local", "l", "", NULL},
        {"request: cloud", "model=cloud", "remote", "request", "cloud", "asked for model 'cloud'"},
        {"request: local", "model=local", "local", "request", "", NULL},
        {"request: a model", "model=tiny", "local", "request", "", NULL},
        {"request: backend model", "model=gpt", "remote", "request", "cloud", NULL},
        {"alias", "model=smart", "remote", "alias", "backup", NULL},
        {"auto: default", "model=auto", "cascade", "default", "cloud", "default route"},
    };
    RUN_TABLE("routing:\n"
              "  default: cascade\n"
              "  aliases: {smart: {route: remote, backend: backup}}\n"
              "  rules:\n"
              "    - {name: r, when: {tenant: r}, route: remote}\n"
              "    - {name: rn, when: {tenant: rn}, route: remote, backend: backup}\n"
              "    - {name: s, when: {tenant: s}, route: speculative}\n"
              "    - {name: c, when: {tenant: c}, route: cascade, backend: backup, model: tiny}\n"
              "    - {name: sp, when: {tenant: sp}, route: split}\n"
              "    - {name: d, when: {tenant: d}, route: deny}\n"
              "    - {name: l, when: {tenant: l}, route: local}\n",
              table);
    ew_policy *p = policy_from("routing:\n  default: {route: local, model: tiny}\n");
    ew_decision d;
    scenario s = {"default model", "model=stories", "local", "request", "", NULL};
    run(p, &s, &d);
    assert_string_equal(d.target.model, "stories");
    s = (scenario){"default target", "", "local", "default", "", NULL};
    run(p, &s, &d);
    assert_string_equal(d.target.model, "tiny");
    ew__policy_free(p);
}

static void test_fallbacks(void **state)
{
    (void)state;
    static const scenario table[] = {
        {"available: no fallback", "", "remote", "default", "cloud", NULL},
        {"breaker open: first fallback", "cloud=open", "remote", "default", "backup",
         "backend 'cloud' is unavailable (circuit breaker open); fallback 1: remote via 'backup'"},
        {"both down: local", "cloud=open backup=open", "local", "default", "", "fallback 2"},
        {"half-open probe counts as available", "cloud=probe", "remote", "default", "cloud", NULL},
        {"everything down", "cloud=open backup=open queue=4/4", "remote", "default", "cloud",
         "no fallback is available"},
        {"rule's own fallbacks", "tenant=t cloud=open", "deny", "t", "", "fallback 1: deny"},
        {"local queue full", "tenant=loc queue=16/16", "remote", "loc", "cloud",
         "local queue is full (16 of 16)"},
    };
    RUN_TABLE("routing:\n"
              "  default: {route: remote, backend: cloud}\n"
              "  fallbacks: [{route: remote, backend: backup}, local]\n"
              "  rules:\n"
              "    - name: t\n"
              "      when: {tenant: t}\n"
              "      route: remote\n"
              "      backend: cloud\n"
              "      fallbacks: [{route: deny, message: busy}]\n"
              "    - {name: loc, when: {tenant: loc}, route: local, fallbacks: [remote]}\n",
              table);
    /* The decision lists what to try next, after the chosen route. */
    ew_policy *p = policy_from("routing:\n"
                               "  default: {route: remote, backend: cloud}\n"
                               "  fallbacks: [{route: remote, backend: backup}, local]\n");
    ew_decision d;
    scenario s = {"list", "", "remote", "default", "cloud", NULL};
    run(p, &s, &d);
    assert_int_equal(d.n_fallbacks, 2);
    assert_string_equal(d.fallbacks[0].backend, "backup");
    assert_int_equal(d.fallbacks[1].route, EW_ROUTE_LOCAL);
    s = (scenario){"after a fallback", "cloud=open", "remote", "default", "backup", NULL};
    run(p, &s, &d);
    assert_true(d.fell_back);
    assert_int_equal(d.n_fallbacks, 1);
    assert_int_equal(d.fallbacks[0].route, EW_ROUTE_LOCAL);
    ew__policy_free(p);
}

/* ---- never_remote ----------------------------------------------------------------------- */

#define NEVER_POLICY_FMT                                                                           \
    "routing:\n"                                                                                   \
    "  never_remote: [secret, us_ssn]\n"                                                           \
    "  never_remote_action: %s\n"                                                                  \
    "%s"                                                                                           \
    "  default: {route: %s}\n"                                                                     \
    "  fallbacks: [remote, {route: speculative}, cascade, {route: split}, local]\n"                \
    "  aliases: {smart: remote, fast: speculative}\n"                                              \
    "  rules:\n"                                                                                   \
    "    - {name: r-remote, when: {tenant: remote}, route: remote, fallbacks: [remote, "           \
    "cascade]}\n"                                                                                  \
    "    - {name: r-spec, when: {tenant: speculative}, route: speculative}\n"                      \
    "    - {name: r-cascade, when: {tenant: cascade}, route: cascade}\n"                           \
    "    - {name: r-split, when: {tenant: split}, route: split}\n"                                 \
    "    - {name: r-local, when: {tenant: local}, route: local, fallbacks: [remote]}\n"            \
    "    - {name: r-deny, when: {tenant: deny}, route: deny}\n"                                    \
    "    - {name: r-secret, when: {pii: [secret]}, route: remote}\n"

static bool leaves(const ew_route_target *t, bool failed)
{
    return t->route == EW_ROUTE_REMOTE || t->route == EW_ROUTE_SPECULATIVE ||
           t->route == EW_ROUTE_CASCADE || (t->route == EW_ROUTE_SPLIT && failed);
}

/* Every rule, the default, every alias, every requested model, every health
 * state that forces a fallback: with a never_remote type present (or PII
 * classification failed), neither the route nor any listed fallback leaves
 * the device. */
static void test_never_remote_wins(void **state)
{
    (void)state;
    static const char *const actions[] = {"local", "split", "deny"};
    static const char *const defaults[] = {"remote", "speculative", "cascade", "split"};
    static const char *const tenants[] = {"remote", "speculative", "cascade", "split",
                                          "local",  "deny",        "none"};
    static const char *const models[] = {"auto", "cloud", "gpt", "smart", "fast", "local"};
    static const char *const pii[] = {"pii=secret:1", "pii=us_ssn:2,email:1", "fail=1"};
    static const char *const health[] = {"", "cloud=open", "cloud=open backup=open edge=open",
                                         "queue=5/5"};
    int checked = 0;
    for (int a = 0; a < 3; a++)
        for (int df = 0; df < 4; df++) {
            char yaml[4096];
            snprintf(yaml, sizeof yaml, NEVER_POLICY_FMT, actions[a],
                     a == 2 ? "  never_remote_message: stays here\n" : "", defaults[df]);
            ew_policy *p = policy_from(yaml);
            for (int t = 0; t < 7; t++)
                for (int m = 0; m < 6; m++)
                    for (int x = 0; x < 3; x++)
                        for (int h = 0; h < 4; h++) {
                            char spec[160];
                            snprintf(spec, sizeof spec, "tenant=%s model=%s %s %s", tenants[t],
                                     models[m], pii[x], health[h]);
                            features f;
                            features_parse(&f, spec);
                            ew_decision d;
                            ew__policy_decide(p, &f.in, &d);
                            bool failed = x == 2;
                            if (leaves(&d.target, failed))
                                fail_msg("[%s] leaves the device: %s (action %s)", spec,
                                         ew_route_name(d.target.route), actions[a]);
                            for (int i = 0; i < d.n_fallbacks; i++)
                                if (leaves(&d.fallbacks[i], failed))
                                    fail_msg("[%s] fallback %d leaves the device", spec, i);
                            if (d.never_remote) {
                                assert_string_equal(d.rule, "never_remote");
                                if (d.target.route == EW_ROUTE_DENY)
                                    assert_string_equal(d.message, "stays here");
                            }
                            checked++;
                        }
            ew__policy_free(p);
        }
    assert_int_equal(checked, 3 * 4 * 7 * 6 * 3 * 4);
}

static void test_never_remote_details(void **state)
{
    (void)state;
    static const scenario table[] = {
        {"rule sends secrets out: overridden", "pii=secret:2", "local", "never_remote", "",
         "never_remote secret=2: remote via 'cloud' would send it off the device, so local"},
        {"no never_remote type: rule stands", "pii=email:1 tenant=remote", "remote", "r-remote",
         "cloud", NULL},
        {"split keeps never_remote types pseudonymized", "pii=secret:1 tenant=split", "split",
         "r-split", "cloud", NULL},
        {"split with failed classification: local", "fail=1 tenant=split", "local", "never_remote",
         "", "classification failed"},
        {"local stays local", "pii=us_ssn:1 tenant=local", "local", "r-local", "",
         "1 fallback that would leave the device removed"},
        {"deny stays deny", "pii=secret:1 tenant=deny", "deny", "r-deny", "", NULL},
        {"alias cannot override", "pii=us_ssn:1 model=smart tenant=none", "local", "never_remote",
         "", "remote via 'cloud' would send it off the device"},
        {"fallback cannot override", "pii=us_ssn:1 tenant=local queue=5/5", "local", "never_remote",
         "", "fallback 1: remote"},
    };
    char yaml[4096];
    snprintf(yaml, sizeof yaml, NEVER_POLICY_FMT, "local", "", "remote");
    RUN_TABLE(yaml, table);

    snprintf(yaml, sizeof yaml, NEVER_POLICY_FMT, "split", "", "remote");
    ew_policy *p = policy_from(yaml);
    ew_decision d;
    scenario s = {"never_remote_action split",
                  "pii=secret:1 tenant=cascade",
                  "split",
                  "never_remote",
                  "cloud",
                  "so split via 'cloud'"};
    run(p, &s, &d);
    assert_true(d.never_remote);
    assert_string_equal(d.matched_rule, "r-cascade");
    assert_int_equal(d.target.split_mode, EW_SPLIT_PSEUDONYMIZE);
    ew__policy_free(p);

    snprintf(yaml, sizeof yaml, NEVER_POLICY_FMT, "deny", "", "remote");
    p = policy_from(yaml);
    s = (scenario){"never_remote_action deny", "pii=secret:1", "deny", "never_remote", "", NULL};
    run(p, &s, &d);
    assert_string_equal(d.message, "the request holds data that policy keeps on this device");
    ew__policy_free(p);
}

/* The shipped enterprise example does what its comments say. */
static void test_enterprise_example(void **state)
{
    (void)state;
    ew_config *cfg = NULL;
    ew_config_errors errs;
    assert_int_equal(ew_config_load_file("conf/enterprise.yaml", &cfg, &errs), EW_OK);
    ew_policy *p = ew__policy_new(cfg);
    ew_config_unref(cfg);
    assert_non_null(p);
    static const scenario table[] = {
        {"plain question", "difficulty=0.2", "local", "default", "", NULL},
        {"an API key", "pii=secret:1 difficulty=0.9", "local", "secrets-and-ids-stay-home", "",
         "credentials and government IDs"},
        {"an internal code name", "pii=custom:1", "local", "secrets-and-ids-stay-home", "", NULL},
        {"a name and a hard question", "pii=person:1,email:1 difficulty=0.8", "split",
         "personal-data-hard-question", "openai", "PII email=1 person=1"},
        {"a name, easy question", "pii=person:1 difficulty=0.3", "local", "default", "", NULL},
        {"a hot device", "thermal=serious", "remote", "cool-a-hot-device", "openai", NULL},
        {"hot but holding an SSN", "thermal=critical pii=us_ssn:1", "local",
         "secrets-and-ids-stay-home", "", NULL},
        {"low battery", "battery=12 charging=0", "remote", "save-battery", "openai", NULL},
        {"low battery, charging", "battery=12 charging=1", "local", "default", "", NULL},
        {"queue backed up", "queue=20", "remote", "spill-over", "openai", NULL},
        {"hard, no PII", "difficulty=0.9", "remote", "hard-question", "openai", NULL},
        {"hard, openai down", "difficulty=0.9 openai=open", "remote", "hard-question", "backup",
         "fallback 1"},
        {"classification failed", "fail=1 thermal=critical", "local", "secrets-and-ids-stay-home",
         "", "fail closed"},
    };
    ew_decision d;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        run(p, &table[i], &d);
    ew__policy_free(p);
}

static void test_decision_json(void **state)
{
    (void)state;
    ew_policy *p = policy_from("routing:\n"
                               "  never_remote: [secret]\n"
                               "  rules:\n"
                               "    - {name: q, description: \"say \\\"hi\\\"\\there\","
                               " when: {difficulty: {gt: 0.5}}, route: remote}\n");
    features f;
    features_parse(&f, "difficulty=0.75 pii=email:3 battery=40 thermal=fair charging=0");
    ew_decision d;
    ew__policy_decide(p, &f.in, &d);
    char json[32768];
    size_t len;
    assert_int_equal(ew_decision_to_json(&d, json, sizeof json, &len), EW_OK);
    assert_int_equal(len, strlen(json));
    const char *want[] = {"\"route\":\"remote\"",
                          "\"backend\":\"cloud\"",
                          "\"rule\":\"q\"",
                          "\"reasons\":[\"rule 'q' matched: difficulty 0.75 > 0.5\","
                          "\"say \\\"hi\\\"\\there\"]",
                          "\"pii\":{\"email\":3}",
                          "\"difficulty\":0.75",
                          "\"battery\":40",
                          "\"charging\":false",
                          "\"thermal\":\"fair\"",
                          "\"low_power\":null",
                          "\"model\":\"auto\"",
                          "\"fallbacks\":[]"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(json, want[i])) fail_msg("missing %s in %s", want[i], json);
    assert_int_equal(ew_decision_to_json(&d, json, 16, &len), EW_ERR_TOO_LARGE);
    assert_string_equal(json, "");
    ew__policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_condition),
        cmocka_unit_test(test_first_match_and_details),
        cmocka_unit_test(test_battery_hysteresis),
        cmocka_unit_test(test_every_action_and_target),
        cmocka_unit_test(test_fallbacks),
        cmocka_unit_test(test_never_remote_wins),
        cmocka_unit_test(test_never_remote_details),
        cmocka_unit_test(test_enterprise_example),
        cmocka_unit_test(test_decision_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
