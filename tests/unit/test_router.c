/* router/: the library API end to end: real PII scans feeding the policy,
 * fail closed, device state sources, atomic policy replacement under
 * concurrent decisions. */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "edgeway/device.h"
#include "edgeway/router.h"
#include "router/difficulty.h"
#include "router/router_internal.h"
#include "scratch_dir.h"

#define POLICY_FMT                                                                                 \
    "version: 1\n"                                                                                 \
    "models: [{name: stories, path: %s/models/stories260K.gguf}]\n"                                \
    "backends: [{name: cloud, base_url: 'https://cloud.example/v1'}]\n"                            \
    "pii: {max_scan_bytes: 1KiB}\n"                                                                \
    "device: {source: %s, max_age: 1s%s}\n"                                                        \
    "routing:\n"                                                                                   \
    "  never_remote: [secret, us_ssn]\n"                                                           \
    "  default: %s\n"                                                                              \
    "  rules:\n"                                                                                   \
    "    - {name: emails-out, when: {pii: [email]}, route: remote}\n"                              \
    "    - {name: low-battery, when: {battery: {lt: 20}}, route: remote}\n"                        \
    "    - {name: long, when: {prompt_tokens: {gt: 100}}, route: remote}\n"

static char *policy(const char *source, const char *extra, const char *def)
{
    const char *shared = getenv("EW_SHARED");
    char *yaml = malloc(4096);
    assert_non_null(yaml);
    snprintf(yaml, 4096, POLICY_FMT, shared && *shared ? shared : "../shared", source, extra, def);
    return yaml;
}

static ew_router *router_new(const char *source, const char *extra, const char *def)
{
    char *yaml = policy(source, extra, def);
    ew_router *r = NULL;
    ew_error err;
    int st = ew_router_new_string(yaml, strlen(yaml), "t.yaml", &r, &err);
    if (st) print_message("%s:%d:%d: %s\n", err.file, err.line, err.column, err.message);
    assert_int_equal(st, EW_OK);
    free(yaml);
    return r;
}

/* A chat request with one user message. */
typedef struct one_msg {
    ew_request req;
    ew_message msg;
} one_msg;

static void one_msg_init(one_msg *m, const char *text)
{
    memset(m, 0, sizeof *m);
    m->msg.role = EW_ROLE_USER;
    m->msg.content = text;
    m->msg.content_len = strlen(text);
    m->req.model = "auto";
    m->req.is_chat = true;
    m->req.messages = &m->msg;
    m->req.n_messages = 1;
    m->req.max_tokens = -1;
    m->req.temperature = m->req.top_p = NAN;
}

static void decide(ew_router *r, const char *text, const ew_route_ctx *ctx, ew_decision *d)
{
    one_msg m;
    one_msg_init(&m, text);
    assert_int_equal(ew_router_decide(r, &m.req, ctx, d), EW_OK);
}

static void test_pii_drives_rules(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "local");
    ew_decision d;
    decide(r, "What is the capital of France?", NULL, &d);
    assert_string_equal(d.rule, "default");
    assert_int_equal(d.features.n_pii, 0);
    decide(r, "Please write to jane.doe@example.org about the meeting.", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    assert_string_equal(d.rule, "emails-out");
    assert_int_equal(d.features.n_pii, 1);
    assert_string_equal(d.features.pii[0].type, "email");
    /* A secret next to the email: never_remote overrides the rule. */
    decide(r, "Mail jane.doe@example.org the key AKIAZ7QWERTYUIOP1234 please", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_LOCAL);
    assert_string_equal(d.rule, "never_remote");
    assert_string_equal(d.matched_rule, "emails-out");
    /* The JSON never carries the values. */
    char json[32768];
    assert_int_equal(ew_decision_to_json(&d, json, sizeof json, NULL), EW_OK);
    assert_null(strstr(json, "jane.doe"));
    assert_null(strstr(json, "AKIA"));
    ew_router_free(r);
}

/* A decision clears only what is read (the fallbacks and reasons past
 * their counts are left as they were): decided into a dirty buffer, it
 * reads the same as decided into a clean one. */
static void test_decision_in_dirty_memory(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "local");
    static const char *const texts[] = {
        "What is the capital of France?",
        "Please write to jane.doe@example.org about the meeting.",
        "Mail jane.doe@example.org the key AKIAZ7QWERTYUIOP1234 please",
    };
    ew_decision *clean = calloc(1, sizeof *clean), *dirty = malloc(sizeof *dirty);
    assert_non_null(clean);
    assert_non_null(dirty);
    char a[32768], b[32768];
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        memset(clean, 0, sizeof *clean);
        memset(dirty, 0xA5, sizeof *dirty);
        decide(r, texts[k], NULL, clean);
        decide(r, texts[k], NULL, dirty);
        assert_true(clean->n_reasons > 0);
        assert_int_equal(ew_decision_to_json(clean, a, sizeof a, NULL), EW_OK);
        assert_int_equal(ew_decision_to_json(dirty, b, sizeof b, NULL), EW_OK);
        assert_string_equal(a, b);
        assert_memory_equal(&clean->target, &dirty->target, sizeof clean->target);
        assert_memory_equal(&clean->features, &dirty->features, sizeof clean->features);
    }
    free(clean);
    free(dirty);
    ew_router_free(r);
}

static void test_fail_closed(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "remote");
    char *big = malloc(2048);
    assert_non_null(big);
    memset(big, 'a', 2047);
    big[2047] = '\0';
    ew_decision d;
    /* Over max_scan_bytes: counted as every type, so never_remote holds. */
    decide(r, big, NULL, &d);
    assert_true(d.features.pii_failed);
    assert_int_equal(d.target.route, EW_ROUTE_LOCAL);
    assert_string_equal(d.rule, "never_remote");
    free(big);
    ew_router_free(r);
}

/* PII in fields other than the message text is found too. */
static void test_scans_every_forwarded_field(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "local");
    one_msg m;
    one_msg_init(&m, "hello there");
    ew_decision d;
    m.req.user = "bob.smith@example.com";
    assert_int_equal(ew_router_decide(r, &m.req, NULL, &d), EW_OK);
    assert_string_equal(d.rule, "emails-out");
    m.req.user = NULL;
    const char *tools = "{\"type\":\"function\",\"description\":\"mail ann@example.net\"}";
    m.req.tools_json = tools;
    m.req.tools_json_len = strlen(tools);
    assert_int_equal(ew_router_decide(r, &m.req, NULL, &d), EW_OK);
    assert_string_equal(d.rule, "emails-out");
    ew_router_free(r);
}

/* Raw JSON that is forwarded verbatim is scanned as the text it decodes to:
 * \u escapes, escaped solidi and JSON inside a JSON string (tool arguments,
 * escaped twice) hide nothing. Tool call ids are forwarded, so scanned. */
static void test_scans_through_json_escapes(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "remote");
    static const char *const hidden[] = {
        /* "SSN：023 89 3077" inside arguments, the colon escaped twice */
        "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"note\","
        "\"arguments\":\"{\\\"note\\\": \\\"SSN\\\\uff1a023 89 3077\\\"}\"}}]",
        /* a connection string with escaped slashes and a \u-escaped '@' */
        "[{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"db\","
        "\"arguments\":\"{\\\"dsn\\\": \\\"postgres:\\\\/\\\\/admin:Zq7pW2xK9mLr4T\\\\u0040"
        "db.internal.example:5432\\\\/prod\\\"}\"}}]",
    };
    ew_decision d;
    for (size_t i = 0; i < sizeof hidden / sizeof *hidden; i++) {
        one_msg m;
        one_msg_init(&m, "What did the tool get?");
        m.msg.role = EW_ROLE_ASSISTANT;
        m.msg.tool_calls_json = hidden[i];
        m.msg.tool_calls_json_len = strlen(hidden[i]);
        assert_int_equal(ew_router_decide(r, &m.req, NULL, &d), EW_OK);
        assert_int_equal(d.target.route, EW_ROUTE_LOCAL);
        assert_string_equal(d.rule, "never_remote");
    }
    /* Not JSON-looking strings and plain text stay as they are: nothing found. */
    one_msg m;
    one_msg_init(&m, "hello");
    const char *tools = "[{\"type\":\"function\",\"function\":{\"name\":\"f\","
                        "\"description\":\"{ not json \\u00e9\"}}]";
    m.req.tools_json = tools;
    m.req.tools_json_len = strlen(tools);
    assert_int_equal(ew_router_decide(r, &m.req, NULL, &d), EW_OK);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    assert_false(d.features.pii_failed);
    m.req.tools_json = NULL;
    m.req.tools_json_len = 0;
    m.msg.tool_call_id = "536-22-8174";
    assert_int_equal(ew_router_decide(r, &m.req, NULL, &d), EW_OK);
    assert_string_equal(d.rule, "never_remote");
    ew_router_free(r);
}

static void test_device_sources(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "local");
    ew_decision d;
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.battery_pct, -1);
    ew_route_device dev;
    ew_route_device_init(&dev);
    dev.battery_pct = 10;
    assert_int_equal(ew_router_set_device(r, &dev), EW_OK);
    decide(r, "hi", NULL, &d);
    assert_string_equal(d.rule, "low-battery");
    /* The request's own state wins over the pushed one. */
    ew_route_device mine;
    ew_route_device_init(&mine);
    mine.battery_pct = 90;
    ew_route_ctx ctx = {.device = &mine};
    decide(r, "hi", &ctx, &d);
    assert_string_equal(d.rule, "default");
    assert_int_equal(d.features.battery_pct, 90);
    /* Pushed state older than max_age (1s) is unknown. */
    usleep(1100 * 1000);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.battery_pct, -1);
    assert_string_equal(d.rule, "default");
    ew_router_free(r);

    r = router_new("static", ", static: {battery: 5, thermal: serious}", "local");
    decide(r, "hi", NULL, &d);
    assert_string_equal(d.rule, "low-battery");
    assert_int_equal(d.features.thermal, 2);
    ew_router_free(r);
}

/* ---- sysfs through the router ----------------------------------------------------- */

static void put_file(const char *root, const char *rel, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

/* A laptop: one battery, a mains supply, one thermal zone with a passive trip. */
static void fake_sysfs(const char *root, int battery, int online, int temp_c)
{
    char v[32];
    put_file(root, "power_supply/BAT0/type", "Battery\n");
    snprintf(v, sizeof v, "%d\n", battery);
    put_file(root, "power_supply/BAT0/capacity", v);
    put_file(root, "power_supply/BAT0/status", online ? "Charging\n" : "Discharging\n");
    put_file(root, "power_supply/AC/type", "Mains\n");
    put_file(root, "power_supply/AC/online", online ? "1\n" : "0\n");
    snprintf(v, sizeof v, "%d\n", temp_c * 1000);
    put_file(root, "thermal/thermal_zone0/temp", v);
    put_file(root, "thermal/thermal_zone0/trip_point_0_type", "passive\n");
    put_file(root, "thermal/thermal_zone0/trip_point_0_temp", "60000\n");
    put_file(root, "thermal/thermal_zone0/trip_point_1_type", "critical\n");
    put_file(root, "thermal/thermal_zone0/trip_point_1_temp", "90000\n");
}

static ew_router *sysfs_router(const char *root, const char *more)
{
    char extra[512];
    snprintf(extra, sizeof extra, ", sysfs_root: '%s', sysfs_cache: 0s%s", root, more);
    return router_new("sysfs", extra, "local");
}

/* Precedence, field by field: the request's header, then a push, then the
 * sysfs reading. */
static void test_device_sysfs_precedence(void **state)
{
    (void)state;
    char root[256];
    scratch_dir_make(root, sizeof root, "ew_router_sys");
    fake_sysfs(root, 15, 0, 40);
    ew_router *r = sysfs_router(root, "");
    ew_decision d;
    decide(r, "hi", NULL, &d);
    assert_string_equal(d.rule, "low-battery");
    assert_int_equal(d.features.battery_pct, 15);
    assert_int_equal(d.features.charging, 0);
    assert_int_equal(d.features.thermal, 0);
    assert_int_equal(d.features.low_power, 1); /* below 20 %, on battery */
    assert_int_equal(d.features.metered, -1);  /* sysfs cannot know */

    /* A push wins for the fields it knows; the others stay sysfs's. */
    ew_route_device push;
    ew_route_device_init(&push);
    push.battery_pct = 70;
    push.metered = 1;
    assert_int_equal(ew_router_set_device(r, &push), EW_OK);
    decide(r, "hi", NULL, &d);
    assert_string_equal(d.rule, "default");
    assert_int_equal(d.features.battery_pct, 70);
    assert_int_equal(d.features.metered, 1);
    assert_int_equal(d.features.charging, 0);
    ew_route_device own;
    assert_int_equal(ew_router_get_device(r, &own), EW_OK);
    assert_int_equal(own.battery_pct, 70);
    assert_int_equal(own.low_power, 1);

    /* The request's state wins over both, field by field. */
    ew_route_device hdr;
    ew_route_device_init(&hdr);
    assert_int_equal(ew_device_parse("battery=5; thermal=fair", 23, &hdr, NULL), EW_OK);
    ew_route_ctx ctx = {.device = &hdr};
    decide(r, "hi", &ctx, &d);
    assert_string_equal(d.rule, "low-battery");
    assert_int_equal(d.features.battery_pct, 5);
    assert_int_equal(d.features.thermal, 1);
    assert_int_equal(d.features.metered, 1);  /* pushed */
    assert_int_equal(d.features.charging, 0); /* sysfs */

    /* The tree changes: the next decision re-reads it (sysfs_cache: 0s).
     * Thermal has hysteresis: serious at 61 C, still serious at 59 C,
     * fair again only 2 C below the trip. */
    fake_sysfs(root, 15, 1, 61);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.charging, 1);
    assert_int_equal(d.features.thermal, 2);
    assert_int_equal(d.features.low_power, 0);
    fake_sysfs(root, 15, 1, 59);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.thermal, 2);
    fake_sysfs(root, 15, 1, 57);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.thermal, 1);

    /* A reload keeps the push. */
    char extra[512];
    snprintf(extra, sizeof extra, ", sysfs_root: '%s', sysfs_cache: 0s", root);
    char *yaml = policy("sysfs", extra, "remote");
    assert_int_equal(ew_router_reload_string(r, yaml, strlen(yaml), "again.yaml", NULL), EW_OK);
    free(yaml);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    assert_int_equal(d.features.battery_pct, 70);
    assert_int_equal(d.features.metered, 1);
    ew_router_free(r);

    /* With a cache, a changed tree is seen only once the cache expires. The
     * window is wide enough that a loaded machine (a sanitizer build beside
     * other jobs) does not let it expire between the two reads. */
    fake_sysfs(root, 50, 0, 30);
    snprintf(extra, sizeof extra, ", sysfs_root: '%s', sysfs_cache: 1500ms", root);
    r = router_new("sysfs", extra, "local");
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.battery_pct, 50);
    fake_sysfs(root, 10, 0, 30);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.battery_pct, 50); /* cached */
    usleep(1600 * 1000);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.battery_pct, 10);
    assert_string_equal(d.rule, "low-battery");
    ew_router_free(r);

    /* Sources without a device of their own refuse pushes. */
    r = router_new("static", ", static: {battery: 50}", "local");
    assert_int_equal(ew_router_set_device(r, &push), EW_ERR_STATE);
    ew_router_free(r);
    r = router_new("header", "", "local");
    assert_int_equal(ew_router_set_device(r, &push), EW_ERR_STATE);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.features.battery_pct, -1);
    decide(r, "hi", &ctx, &d);
    assert_int_equal(d.features.battery_pct, 5);
    ew_router_free(r);
    /* Out of range pushes are refused. */
    r = router_new("push", "", "local");
    push.battery_pct = 101;
    assert_int_equal(ew_router_set_device(r, &push), EW_ERR_INVALID);
    ew_router_free(r);
    scratch_dir_remove(root);
}

static void test_prompt_size(void **state)
{
    (void)state;
    assert_int_equal(ew__estimate_tokens("", 0), 0);
    assert_int_equal(ew__estimate_tokens("hello world", 11), 4); /* 5 letters = 2, twice */
    assert_int_equal(ew__estimate_tokens("a, b.", 5), 4);        /* a , b . */
    assert_int_equal(ew__estimate_tokens("2024", 4), 2);         /* digits by 3 */
    assert_int_equal(ew__estimate_tokens("\xe4\xbd\xa0\xe5\xa5\xbd", 6), 2); /* two CJK chars */
    ew_router *r = router_new("push", "", "local");
    char text[1200];
    size_t n = 0;
    for (int i = 0; i < 150; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "word ");
    ew_decision d;
    decide(r, text, NULL, &d);
    assert_int_equal(d.features.prompt_bytes, 750);
    assert_int_equal(d.features.prompt_tokens, 150);
    assert_string_equal(d.rule, "long");
    ew_router_free(r);
}

static void test_reload_is_atomic(void **state)
{
    (void)state;
    ew_router *r = router_new("push", "", "local");
    ew_decision d;
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_LOCAL);
    /* A broken policy is refused as a whole and the old one stays. */
    const char *bad = "version: 1\nrouting:\n  default: remote\n  rulez: []\n";
    ew_error err;
    assert_int_equal(ew_router_reload_string(r, bad, strlen(bad), "bad.yaml", &err), EW_ERR_CONFIG);
    assert_string_equal(err.file, "bad.yaml");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 3);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_LOCAL);
    char *good = policy("push", "", "remote");
    assert_int_equal(ew_router_reload_string(r, good, strlen(good), "good.yaml", &err), EW_OK);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    free(good);
    assert_int_equal(ew_router_reload_file(r, "does/not/exist.yaml", &err), EW_ERR_IO);
    decide(r, "hi", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    ew_router_free(r);
    ew_router_free(NULL);
}

/* Deciders on several threads while the policy flips between two versions:
 * every decision comes from one whole policy (local with rule "default", or
 * remote with rule "default"), never a mix, and nothing leaks or races. */
typedef struct race {
    ew_router *r;
    _Atomic int stop;
    _Atomic int bad;
    _Atomic long decisions;
} race;

static void *decider(void *arg)
{
    race *x = arg;
    ew_decision *d = malloc(sizeof *d);
    one_msg m;
    one_msg_init(&m, "a plain question about trees");
    while (!atomic_load(&x->stop)) {
        if (ew_router_decide(x->r, &m.req, NULL, d) || strcmp(d->rule, "default") ||
            (d->target.route != EW_ROUTE_LOCAL && d->target.route != EW_ROUTE_REMOTE) ||
            (d->target.route == EW_ROUTE_REMOTE) != (d->target.backend[0] != '\0'))
            atomic_fetch_add(&x->bad, 1);
        atomic_fetch_add(&x->decisions, 1);
    }
    free(d);
    return NULL;
}

/* Three deciders, while the main thread flips the policy and pushes device
 * state; with source sysfs the deciders also re-read a fake tree (no cache). */
static void concurrent_reload(const char *source, const char *extra)
{
    race x = {.r = router_new(source, extra, "local")};
    char *a = policy(source, extra, "local"), *b = policy(source, extra, "remote");
    pthread_t th[3];
    for (int i = 0; i < 3; i++)
        assert_int_equal(pthread_create(&th[i], NULL, decider, &x), 0);
    for (int i = 0; i < 60; i++) {
        const char *y = i % 2 ? a : b;
        assert_int_equal(ew_router_reload_string(x.r, y, strlen(y), "flip.yaml", NULL), EW_OK);
        ew_route_device dev = {.battery_pct = 50 + i % 10, -1, -1, -1, -1};
        assert_int_equal(ew_router_set_device(x.r, &dev), EW_OK);
    }
    while (atomic_load(&x.decisions) < 1000)
        usleep(1000);
    atomic_store(&x.stop, 1);
    for (int i = 0; i < 3; i++)
        pthread_join(th[i], NULL);
    assert_int_equal(atomic_load(&x.bad), 0);
    ew_route_device own;
    ew_router_get_device(x.r, &own);
    assert_int_equal(own.battery_pct, 59); /* the last push survived every reload */
    free(a);
    free(b);
    ew_router_free(x.r);
}

static void test_concurrent_reload(void **state)
{
    (void)state;
    concurrent_reload("push", "");
    char root[256];
    scratch_dir_make(root, sizeof root, "ew_router_race");
    fake_sysfs(root, 80, 1, 40);
    char extra[512];
    snprintf(extra, sizeof extra, ", sysfs_root: '%s', sysfs_cache: 0s", root);
    concurrent_reload("sysfs", extra);
    scratch_dir_remove(root);
}

static void test_new_errors(void **state)
{
    (void)state;
    ew_router *r = (ew_router *)1;
    ew_error err;
    const char *y = "version: 1\nlog: {levl: info, access_log: maybe}\n";
    assert_int_equal(ew_router_new_string(y, strlen(y), "x.yaml", &r, &err), EW_ERR_CONFIG);
    assert_null(r);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 7);
    assert_non_null(strstr(err.message, "(and 1 more error: run edgeway check)"));
    assert_int_equal(ew_router_new_file("conf/edgeway.yaml", &r, &err), EW_OK);
    ew_router_free(r);
}

/* ---- difficulty ----------------------------------------------------------------------- */

/* A tiny model whose score rises with prompt length: bias -6, and 12 on the
 * log-length feature (log1p(bytes) / 8), so a few words score ~0.01 and a
 * 600-byte prompt ~0.97. Written to dir/name. */
static void write_weights(const char *dir, const char *name)
{
    ew__dweights w;
    memset(&w, 0, sizeof w);
    ew__dcfg_default(&w.cfg);
    w.cfg.hash_bits = EW__DF_MIN_BITS;
    w.sparse = calloc((size_t)1 << w.cfg.hash_bits, sizeof *w.sparse);
    assert_non_null(w.sparse);
    w.dense[EW__DF_BIAS] = -6.0;
    w.dense[EW__DF_LOG_BYTES] = 12.0;
    ew_difficulty *m = NULL;
    ew_error err;
    assert_int_equal(ew__difficulty_from_weights(&w, &m, &err), EW_OK);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(ew__difficulty_save(m, path, &err), EW_OK);
    ew_difficulty_free(m);
    free(w.sparse);
}

#define DIFFICULTY_FMT                                                                             \
    "version: 1\n"                                                                                 \
    "models: [{name: stories, path: %s/models/stories260K.gguf}]\n"                                \
    "backends: [{name: cloud, base_url: 'https://cloud.example/v1'}]\n"                            \
    "difficulty: {threshold: 0.6, weights: %s}\n"                                                  \
    "routing:\n"                                                                                   \
    "  default: local\n"                                                                           \
    "  rules:\n"                                                                                   \
    "    - {name: %s, when: {%s}, route: remote}\n"

static int difficulty_router(const char *dir, const char *weights, const char *cond, ew_router **r,
                             ew_router *reload, ew_error *err)
{
    const char *shared = getenv("EW_SHARED");
    char yaml[2048], name[512];
    snprintf(yaml, sizeof yaml, DIFFICULTY_FMT, shared && *shared ? shared : "../shared", weights,
             cond[0] == 'h' ? "hard" : "other", cond);
    snprintf(name, sizeof name, "%s/t.yaml", dir);
    if (reload) return ew_router_reload_string(reload, yaml, strlen(yaml), name, err);
    return ew_router_new_string(yaml, strlen(yaml), name, r, err);
}

static char *long_prompt(void)
{
    static char text[640];
    size_t n = 0;
    while (n + 64 < sizeof text)
        n += (size_t)snprintf(text + n, sizeof text - n, "Prove that the sum over k of %zu... ", n);
    return text;
}

static void test_difficulty_routes(void **state)
{
    (void)state;
    char dir[] = "/tmp/ew_router_dXXXXXX";
    assert_non_null(mkdtemp(dir));
    write_weights(dir, "tiny.weights");
    ew_router *r = NULL;
    ew_error err;
    int st = difficulty_router(dir, "tiny.weights", "hard: true", &r, NULL, &err);
    if (st) print_message("%s:%d:%d: %s\n", err.file, err.line, err.column, err.message);
    assert_int_equal(st, EW_OK);

    ew_decision d;
    decide(r, "hi there", NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_LOCAL);
    assert_true(d.features.difficulty < 0.1);
    decide(r, long_prompt(), NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    assert_string_equal(d.matched_rule, "hard");
    assert_true(d.features.difficulty > 0.9);
    bool said = false;
    for (int i = 0; i < d.n_reasons; i++)
        said |= strstr(d.reasons[i], ">= threshold 0.60") != NULL;
    assert_true(said);

    /* No rule looks at difficulty: it is not computed. */
    assert_int_equal(difficulty_router(dir, "tiny.weights", "stream: true", NULL, r, &err), EW_OK);
    decide(r, long_prompt(), NULL, &d);
    assert_true(isnan(d.features.difficulty));
    assert_int_equal(difficulty_router(dir, "tiny.weights", "difficulty: {gt: 0.5}", NULL, r, &err),
                     EW_OK);
    decide(r, long_prompt(), NULL, &d);
    assert_int_equal(d.target.route, EW_ROUTE_REMOTE);
    assert_true(d.features.difficulty > 0.9);
    ew_router_free(r);

    char path[512];
    snprintf(path, sizeof path, "%s/tiny.weights", dir);
    unlink(path);
    rmdir(dir);
}

/* Without a weights key the shipped weights built into the library score;
 * difficulty.enabled: false leaves it unknown. */
static void test_difficulty_builtin(void **state)
{
    (void)state;
    static const char *const yaml[2] = {
        "version: 1\nbackends: [{name: cloud, base_url: 'https://cloud.example/v1'}]\n"
        "routing: {rules: [{name: hard, when: {hard: true}, route: remote}]}\n",
        "version: 1\nbackends: [{name: cloud, base_url: 'https://cloud.example/v1'}]\n"
        "difficulty: {enabled: false}\n"
        "routing: {rules: [{name: hard, when: {hard: true}, route: remote}]}\n"};
    ew_difficulty *m;
    assert_int_equal(ew_difficulty_default(&m, NULL), EW_OK);
    const char *q = "Prove that there are infinitely many primes p such that p + 2 is also "
                    "prime, or explain why this is open, citing the strongest known results.";
    double want = ew_difficulty_score(m, q, strlen(q), 1);
    ew_difficulty_free(m);
    for (int i = 0; i < 2; i++) {
        ew_router *r;
        assert_int_equal(ew_router_new_string(yaml[i], strlen(yaml[i]), "b.yaml", &r, NULL), EW_OK);
        ew_decision d;
        decide(r, q, NULL, &d);
        if (i == 0)
            assert_true(fabs(d.features.difficulty - want) < 1e-12);
        else
            assert_true(isnan(d.features.difficulty));
        ew_router_free(r);
    }
}

static void test_difficulty_bad_weights(void **state)
{
    (void)state;
    char dir[] = "/tmp/ew_router_dXXXXXX";
    assert_non_null(mkdtemp(dir));
    write_weights(dir, "tiny.weights");
    char bad[512];
    snprintf(bad, sizeof bad, "%s/bad.weights", dir);
    FILE *f = fopen(bad, "w");
    assert_non_null(f);
    fputs("these are not weights\n", f);
    fclose(f);

    ew_router *r = (ew_router *)1;
    ew_error err;
    assert_int_equal(difficulty_router(dir, "bad.weights", "hard: true", &r, NULL, &err),
                     EW_ERR_CONFIG);
    assert_null(r);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 39);
    assert_non_null(strstr(err.message, "'weights'"));
    assert_non_null(strstr(err.file, "t.yaml"));
    /* A missing file is caught by the config loader, at the same place. */
    assert_int_equal(difficulty_router(dir, "missing.weights", "hard: true", &r, NULL, &err),
                     EW_ERR_CONFIG);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 39);

    /* A reload with bad weights fails and keeps the policy and model in force. */
    assert_int_equal(difficulty_router(dir, "tiny.weights", "hard: true", &r, NULL, &err), EW_OK);
    assert_int_equal(difficulty_router(dir, "bad.weights", "hard: true", NULL, r, &err),
                     EW_ERR_CONFIG);
    ew_decision d;
    decide(r, long_prompt(), NULL, &d);
    assert_string_equal(d.matched_rule, "hard");
    ew_router_free(r);

    unlink(bad);
    snprintf(bad, sizeof bad, "%s/tiny.weights", dir);
    unlink(bad);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pii_drives_rules),
        cmocka_unit_test(test_decision_in_dirty_memory),
        cmocka_unit_test(test_fail_closed),
        cmocka_unit_test(test_scans_every_forwarded_field),
        cmocka_unit_test(test_scans_through_json_escapes),
        cmocka_unit_test(test_device_sources),
        cmocka_unit_test(test_device_sysfs_precedence),
        cmocka_unit_test(test_prompt_size),
        cmocka_unit_test(test_reload_is_atomic),
        cmocka_unit_test(test_concurrent_reload),
        cmocka_unit_test(test_new_errors),
        cmocka_unit_test(test_difficulty_routes),
        cmocka_unit_test(test_difficulty_builtin),
        cmocka_unit_test(test_difficulty_bad_weights),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
