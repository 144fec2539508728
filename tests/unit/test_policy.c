/* policy/: YAML tree, schema helpers and the typed config, with every error
 * checked at its exact line and column. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>

#include "policy/config.h"
#include "policy/yaml.h"

/* ---- helpers ------------------------------------------------------------------ */

static int load(const char *yaml, ew_config **cfg, ew_config_errors *errs)
{
    return ew_config_load_string(yaml, strlen(yaml), "t.yaml", cfg, errs);
}

/* Loads yaml, which must fail with exactly `count` errors. */
static void load_fails(const char *yaml, ew_config_errors *errs, int count)
{
    ew_config *cfg = (ew_config *)1;
    int st = load(yaml, &cfg, errs);
    if (errs->n != count)
        for (int i = 0; i < errs->n; i++)
            print_message("  got %d:%d: %s\n", errs->items[i].line, errs->items[i].column,
                          errs->items[i].message);
    assert_int_equal(st, EW_ERR_CONFIG);
    assert_null(cfg);
    assert_int_equal(errs->n, count);
}

/* Error i is at line:col and its message contains `text`. */
static void error_is(const ew_config_errors *errs, int i, int line, int col, const char *text)
{
    const ew_error *e = &errs->items[i];
    if (e->line != line || e->column != col || !strstr(e->message, text))
        print_message("  error %d is %d:%d: %s\n", i, e->line, e->column, e->message);
    assert_string_equal(e->file, "t.yaml");
    assert_int_equal(e->line, line);
    assert_int_equal(e->column, col);
    assert_non_null(strstr(e->message, text));
}

/* The one error of a config that must fail. */
static void only_error(const char *yaml, int line, int col, const char *text)
{
    ew_config_errors errs;
    load_fails(yaml, &errs, 1);
    error_is(&errs, 0, line, col, text);
}

static const char *shared_dir(void)
{
    const char *s = getenv("EW_SHARED");
    return s && *s ? s : "../shared";
}

/* ---- YAML syntax and structure -------------------------------------------------- */

static void test_typo_key_with_suggestion(void **state)
{
    (void)state;
    only_error("version: 1\n"
               "server:\n"
               "  lisen: [127.0.0.1:8080]\n",
               3, 3, "unknown key 'lisen' (did you mean 'listen'?)");
    /* Nothing close: no suggestion, but the section is named. */
    only_error("version: 1\nlog:\n  level: info\n  colour: red\n", 4, 3,
               "unknown key 'colour' in log");
    only_error("version: 1\nbakends: []\n", 2, 1, "did you mean 'backends'?");
}

static void test_wrong_types(void **state)
{
    (void)state;
    only_error("version: 1\nserver:\n  limits:\n    max_connections: lots\n", 4, 22,
               "'max_connections': expected an integer, got 'lots'");
    only_error("version: 1\nserver:\n  limits:\n    max_connections: \"12\"\n", 4, 22,
               "expected an integer, got the quoted string \"12\"");
    only_error("version: 1\nlog: [info]\n", 2, 6, "log must be a map, got a list");
    only_error("version: 1\nauth:\n  allow_anonymous_loopback: 1\n", 3, 29,
               "expected true or false");
    /* A quoted "yes" stays a string, so it is not a boolean ... */
    only_error("version: 1\nlog:\n  access_log: 'yes'\n", 3, 15, "(remove the quotes)");
    only_error("version: 1\nserver:\n  limits:\n    read_timeout: 30\n", 4, 19,
               "a unit is required");
    only_error("version: 1\nserver:\n  limits:\n    max_body_size: 4 apples\n", 4, 20,
               "expected a size like");
    only_error("version: 1\nmodels: {name: x}\n", 2, 9, "'models' must be a list, got a map");
}

static void test_out_of_range(void **state)
{
    (void)state;
    only_error("version: 1\nserver:\n  limits:\n    max_connections: 0\n", 4, 22,
               "'max_connections': 0 is out of range (1 to 1000000)");
    only_error("version: 1\nserver:\n  limits:\n    max_body_size: 2GiB\n", 4, 20, "out of range");
    only_error("version: 1\npii:\n  min_score: 1.5\n", 3, 14, "1.5 is out of range (0 to 1)");
    only_error("version: 2\n", 1, 10, "unsupported config version 2");
    only_error("version: 1\nserver:\n  listen: [127.0.0.1:70000]\n", 3, 12, "expected host:port");
}

static void test_missing_required(void **state)
{
    (void)state;
    only_error("server: {}\n", 1, 1, "missing required key 'version'");
    char yaml[512];
    snprintf(yaml, sizeof yaml,
             "version: 1\n"
             "models:\n"
             "  - name: tiny\n"
             "    threads: 2\n");
    only_error(yaml, 3, 5, "missing required key 'path'");
    only_error("version: 1\nbackends:\n  - name: x\n", 3, 5, "missing required key 'base_url'");
}

static void test_duplicate_key(void **state)
{
    (void)state;
    only_error("version: 1\nlog:\n  level: info\n  access_log: true\n  level: debug\n", 5, 3,
               "duplicate key 'level' (first defined at line 3)");
    only_error("version: 1\nversion: 1\n", 2, 1, "duplicate key 'version'");
}

static void test_anchor_alias_rejected(void **state)
{
    (void)state;
    only_error("version: 1\nlog: &l {level: info}\n", 2, 6, "anchors (&l)");
    /* The classic billion laughs: refused at the first anchor, nothing expanded. */
    only_error("version: 1\n"
               "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
               "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
               "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
               2, 4, "not supported");
    only_error("version: 1\nlog: !!map {level: info}\n", 2, 6, "tag");
}

static void test_syntax_error_location(void **state)
{
    (void)state;
    /* A tab where indentation is expected. */
    only_error("version: 1\nserver:\n\tlisten: []\n", 3, 1,
               "found character that cannot start any token");
    /* An unclosed flow sequence, found at the end. */
    ew_config_errors errs;
    load_fails("version: 1\nserver:\n  listen: [127.0.0.1:8080\n", &errs, 1);
    assert_int_equal(errs.items[0].line, 4);
    assert_non_null(strstr(errs.items[0].message, "YAML syntax error"));
    only_error("version: 1\n---\nversion: 1\n", 2, 1, "one YAML document");
    /* Invalid UTF-8 is placed by character, on its line. */
    only_error("version: 1\nlog: {level: \"in\xff\"}\n", 2, 17, "YAML syntax error");
}

static void test_limits(void **state)
{
    (void)state;
    char *deep = malloc(4096);
    assert_non_null(deep);
    size_t n = (size_t)snprintf(deep, 4096, "version: 1\nx: ");
    for (int i = 0; i < 100; i++)
        deep[n++] = '[';
    for (int i = 0; i < 100; i++)
        deep[n++] = ']';
    deep[n++] = '\n';
    deep[n] = '\0';
    /* The root map is level 1, so the 64th bracket (column 4 + 63) is one too many. */
    only_error(deep, 2, 67, "nested deeper than 64");
    free(deep);

    /* Node and scalar caps through the tree parser directly. */
    ew_yaml_doc doc;
    ew_error err;
    ew_yaml_limits lim = {.max_nodes = 10};
    const char *many = "[1,2,3,4,5,6,7,8,9,10,11,12]";
    assert_int_equal(ew_yaml_parse(&doc, many, strlen(many), "m", &lim, &err), EW_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "more than 10 nodes"));
    lim = (ew_yaml_limits){.max_scalar = 8};
    const char *longs = "key: abcdefghijkl\n";
    assert_int_equal(ew_yaml_parse(&doc, longs, strlen(longs), "m", &lim, &err), EW_ERR_TOO_LARGE);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 6);
    lim = (ew_yaml_limits){.max_bytes = 4};
    assert_int_equal(ew_yaml_parse(&doc, longs, strlen(longs), "m", &lim, &err), EW_ERR_TOO_LARGE);
}

static void test_tree_styles(void **state)
{
    (void)state;
    const char *y = "a: yes\nb: 'yes'\nc: |\n  text\nd: [1, {e: ~}]\n";
    ew_yaml_doc doc;
    ew_error err;
    assert_int_equal(ew_yaml_parse(&doc, y, strlen(y), "s", NULL, &err), EW_OK);
    const ew_yaml_node *r = doc.root;
    assert_int_equal(r->kind, EW_YAML_MAP);
    assert_int_equal(r->n, 4);
    assert_int_equal(ew_yaml_map_get(r, "a")->style, EW_YAML_PLAIN);
    assert_string_equal(ew_yaml_describe(ew_yaml_map_get(r, "a")), "a boolean");
    assert_int_equal(ew_yaml_map_get(r, "b")->style, EW_YAML_QUOTED);
    assert_string_equal(ew_yaml_describe(ew_yaml_map_get(r, "b")), "a string");
    assert_int_equal(ew_yaml_map_get(r, "c")->style, EW_YAML_BLOCK);
    assert_string_equal(ew_yaml_map_get(r, "c")->str, "text\n");
    const ew_yaml_node *d = ew_yaml_map_get(r, "d");
    assert_int_equal(d->kind, EW_YAML_SEQ);
    assert_int_equal(d->n, 2);
    assert_int_equal(d->line, 5);
    assert_int_equal(d->column, 4);
    assert_true(ew_yaml_is_null(ew_yaml_map_get(d->items[1], "e")));
    ew_yaml_doc_cleanup(&doc);
}

/* ---- schema helpers --------------------------------------------------------------- */

static void test_units(void **state)
{
    (void)state;
    int64_t v;
    assert_int_equal(ew_parse_duration_ms("500ms", &v), EW_OK);
    assert_int_equal(v, 500);
    assert_int_equal(ew_parse_duration_ms("30s", &v), EW_OK);
    assert_int_equal(v, 30000);
    assert_int_equal(ew_parse_duration_ms("1m30s", &v), EW_OK);
    assert_int_equal(v, 90000);
    assert_int_equal(ew_parse_duration_ms("1.5s", &v), EW_OK);
    assert_int_equal(v, 1500);
    assert_int_equal(ew_parse_duration_ms("2h", &v), EW_OK);
    assert_int_equal(v, 7200000);
    assert_int_equal(ew_parse_duration_ms("0", &v), EW_OK);
    assert_int_equal(v, 0);
    assert_int_equal(ew_parse_duration_ms("30", &v), EW_ERR_INVALID);
    assert_int_equal(ew_parse_duration_ms("30x", &v), EW_ERR_INVALID);
    assert_int_equal(ew_parse_duration_ms("-5s", &v), EW_ERR_INVALID);
    assert_int_equal(ew_parse_duration_ms("", &v), EW_ERR_INVALID);
    assert_int_equal(ew_parse_duration_ms("99999999999999999h", &v), EW_ERR_INVALID);

    assert_int_equal(ew_parse_size("4MiB", &v), EW_OK);
    assert_int_equal(v, 4 << 20);
    assert_int_equal(ew_parse_size("16KiB", &v), EW_OK);
    assert_int_equal(v, 16 << 10);
    assert_int_equal(ew_parse_size("10KB", &v), EW_OK);
    assert_int_equal(v, 10000);
    assert_int_equal(ew_parse_size("512", &v), EW_OK);
    assert_int_equal(v, 512);
    assert_int_equal(ew_parse_size("1GiB", &v), EW_OK);
    assert_int_equal(v, 1 << 30);
    assert_int_equal(ew_parse_size("1MiB2KiB", &v), EW_ERR_INVALID);
    assert_int_equal(ew_parse_size("MiB", &v), EW_ERR_INVALID);
    assert_int_equal(ew_parse_size("4 MiB", &v), EW_ERR_INVALID);
}

static void test_suggestions(void **state)
{
    (void)state;
    assert_int_equal(ew_yaml_edit_distance("lisen", "listen", 3), 1);
    assert_int_equal(ew_yaml_edit_distance("tiemout", "timeout", 3), 1); /* a swap */
    assert_int_equal(ew_yaml_edit_distance("abc", "xyz", 2), 3);         /* capped */
    static const char *const keys[] = {"listen", "limits", NULL};
    assert_string_equal(ew_yaml_suggest("lisen", keys), "listen");
    assert_string_equal(ew_yaml_suggest("Limits", keys), "limits");
    assert_null(ew_yaml_suggest("backends", keys));
    assert_null(ew_yaml_suggest("x", keys));
}

static void test_getters_report_and_continue(void **state)
{
    (void)state;
    const char *y = "s: 12\nb: on\ni: 7\nd: 0.25\nt: 250ms\nz: 2KiB\ne: f32\nl: [a, b]\n"
                    "bad_i: 7.5\nbad_e: f61\nbad_l: [a, {x: 1}]\n";
    ew_yaml_doc doc;
    ew_error err;
    assert_int_equal(ew_yaml_parse(&doc, y, strlen(y), "g.yaml", NULL, &err), EW_OK);
    ew_config_errors errs = {0};
    ew_arena arena;
    ew_arena_init(&arena, 0, 1 << 20);
    ew_yaml_ctx c = {.file = "g.yaml", .errs = &errs, .arena = &arena};
    const char *s = NULL;
    bool b = false;
    int i = 0, t = 0, e = -1, n = 0;
    double d = 0;
    int64_t z = 0;
    const char **l = NULL;
    static const char *const kinds[] = {"f16", "f32", NULL};
    const ew_yaml_node *r = doc.root;
    assert_int_equal(ew_yaml_get_string(&c, r, "s", 0, &s), 1);
    assert_string_equal(s, "12"); /* a string field takes the text as written */
    assert_int_equal(ew_yaml_get_bool(&c, r, "b", 0, &b), 1);
    assert_true(b);
    assert_int_equal(ew_yaml_get_int(&c, r, "i", 0, 0, 10, &i), 1);
    assert_int_equal(i, 7);
    assert_int_equal(ew_yaml_get_double(&c, r, "d", 0, 0, 1, &d), 1);
    assert_true(d == 0.25);
    assert_int_equal(ew_yaml_get_duration(&c, r, "t", 0, 0, 1000, &t), 1);
    assert_int_equal(t, 250);
    assert_int_equal(ew_yaml_get_size(&c, r, "z", 0, 0, 4096, &z), 1);
    assert_int_equal(z, 2048);
    assert_int_equal(ew_yaml_get_enum(&c, r, "e", 0, kinds, &e), 1);
    assert_int_equal(e, 1);
    assert_int_equal(ew_yaml_get_strings(&c, r, "l", 0, &l, &n), 1);
    assert_int_equal(n, 2);
    assert_string_equal(l[1], "b");
    assert_int_equal(errs.n, 0);
    /* Absent keys leave defaults; required ones are reported at the map. */
    i = 42;
    assert_int_equal(ew_yaml_get_int(&c, r, "nope", 0, 0, 10, &i), 0);
    assert_int_equal(i, 42);
    assert_int_equal(ew_yaml_get_int(&c, r, "nope", EW_YAML_REQUIRED, 0, 10, &i), -1);
    assert_int_equal(ew_yaml_get_int(&c, r, "bad_i", 0, 0, 10, &i), -1);
    assert_int_equal(ew_yaml_get_enum(&c, r, "bad_e", 0, kinds, &e), -1);
    assert_int_equal(ew_yaml_get_strings(&c, r, "bad_l", 0, &l, &n), -1);
    assert_int_equal(errs.n, 4);
    assert_int_equal(errs.items[0].line, 1);
    assert_non_null(strstr(errs.items[0].message, "missing required key 'nope'"));
    assert_int_equal(errs.items[1].line, 9);
    assert_int_equal(errs.items[1].column, 8);
    assert_non_null(strstr(errs.items[2].message, "did you mean 'f16'?"));
    assert_int_equal(errs.items[3].line, 11);
    assert_int_equal(errs.items[3].column, 12);
    ew_arena_cleanup(&arena);
    ew_yaml_doc_cleanup(&doc);
}

/* ---- whole configs ----------------------------------------------------------------- */

static void test_every_error_in_one_load(void **state)
{
    (void)state;
    ew_config_errors errs;
    load_fails("version: 1\n"                                  /* 1 */
               "server:\n"                                     /* 2 */
               "  limits:\n"                                   /* 3 */
               "    max_connections: -1\n"                     /* 4 */
               "    drain_timeout: soon\n"                     /* 5 */
               "log:\n"                                        /* 6 */
               "  levl: info\n"                                /* 7 */
               "backends:\n"                                   /* 8 */
               "  - name: cloud-a\n"                           /* 9 */
               "    base_url: ftp://x\n"                       /* 10 */
               "    api_key: sk-live-123\n"                    /* 11 */
               "routing:\n"                                    /* 12 */
               "  default: {route: remote, backend: clod-a}\n" /* 13 */
               "  rules:\n"                                    /* 14 */
               "    - name: r\n"                               /* 15 */
               "      when: {batery: {lt: 20}}\n"              /* 16 */
               "      route: local\n",                         /* 17 */
               &errs, 7);
    error_is(&errs, 0, 4, 22, "out of range");
    error_is(&errs, 1, 5, 20, "expected a duration");
    error_is(&errs, 2, 7, 3, "unknown key 'levl' (did you mean 'level'?)");
    error_is(&errs, 3, 10, 15, "http:// or https://");
    error_is(&errs, 4, 11, 5, "inline API key is not allowed");
    error_is(&errs, 5, 13, 37, "unknown backend 'clod-a' (did you mean 'cloud-a'?)");
    error_is(&errs, 6, 16, 14, "unknown key 'batery' (did you mean 'battery'?)");
}

static void test_error_cap(void **state)
{
    (void)state;
    char yaml[8192];
    size_t n = (size_t)snprintf(yaml, sizeof yaml, "version: 1\nlog:\n");
    for (int i = 0; i < 80; i++)
        n += (size_t)snprintf(yaml + n, sizeof yaml - n, "  bogus_%d: 1\n", i);
    ew_config_errors errs;
    load_fails(yaml, &errs, EW_CONFIG_MAX_ERRORS);
    assert_int_equal(errs.dropped, 80 - EW_CONFIG_MAX_ERRORS);
}

static void test_cross_references(void **state)
{
    (void)state;
    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "version: 1\n"
             "models:\n"
             "  - {name: small, path: %s/models/stories260K.gguf}\n"
             "backends:\n"
             "  - {name: cloud, base_url: 'https://example.com/v1'}\n"
             "auth:\n"
             "  keys: [{name: alice, sha256: '%064d'}]\n"
             "pii:\n"
             "  types: [email, phone]\n"
             "routing:\n"
             "  never_remote: [email, us_ssn]\n"
             "  rules:\n"
             "    - name: a\n"
             "      when: {model: smal, key: alise, backend: {name: clowd, breaker_open: true}}\n"
             "      route: speculative\n"
             "      backend: cloud\n"
             "    - name: b\n"
             "      route: remote\n"
             "      model: small\n",
             shared_dir(), 0);
    ew_config_errors errs;
    load_fails(yaml, &errs, 6);
    error_is(&errs, 0, 11, 25, "'us_ssn' is not in pii.types");
    error_is(&errs, 1, 14, 21, "unknown model 'smal'");
    error_is(&errs, 2, 14, 32, "unknown API key 'alise' (did you mean 'alice'?)");
    error_is(&errs, 3, 14, 55, "unknown backend 'clowd' (did you mean 'cloud'?)");
    error_is(&errs, 4, 16, 16, "needs a backend of kind 'edgeway'");
    error_is(&errs, 5, 19, 14, "'model' does not apply to route 'remote'");
}

/* Deny terms report as deny.type; a type pii.types leaves out would drop them. */
static void test_pii_deny_type_detected(void **state)
{
    (void)state;
    ew_config *cfg = NULL;
    ew_config_errors errs;
    load_fails("version: 1\npii:\n  types: [email]\n  deny: {terms: [Falcon]}\n", &errs, 1);
    error_is(&errs, 0, 4, 9, "PII type 'custom' is not in pii.types");
    load_fails("version: 1\npii:\n  enabled: false\n  deny: {regex: ['EMP-[0-9]+']}\n", &errs, 1);
    error_is(&errs, 0, 4, 9, "'custom' is used but pii.enabled is false");
    const char *ok[] = {
        "version: 1\npii:\n  types: [email, custom]\n  deny: {terms: [Falcon]}\n",
        "version: 1\npii:\n  types: [email]\n  deny: {terms: [Falcon], type: email}\n",
        "version: 1\npii:\n  deny: {terms: [Falcon]}\n",
        "version: 1\npii:\n  types: [email]\n  deny: {type: custom}\n",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(load(ok[i], &cfg, &errs), EW_OK);
        ew_config_unref(cfg);
    }
}

/* A local model served over HTTP: url on this device, or an error. */
static void test_model_url(void **state)
{
    (void)state;
    ew_config *cfg = NULL;
    ew_config_errors errs;
    const char *ok = "version: 1\n"
                     "models:\n"
                     "  - {name: llama, url: 'http://127.0.0.1:11434/v1', upstream_model: 'l:1b'}\n"
                     "  - {name: other, url: 'http://localhost:8080/v1'}\n"
                     "  - {name: six, url: 'http://[::1]:8080/v1', workers: 4}\n";
    assert_int_equal(load(ok, &cfg, &errs), EW_OK);
    assert_string_equal(cfg->models[0].url, "http://127.0.0.1:11434/v1");
    assert_string_equal(cfg->models[0].upstream_model, "l:1b");
    assert_null(cfg->models[0].path);
    assert_null(cfg->models[1].upstream_model);
    assert_int_equal(cfg->models[2].workers, 4);
    ew_config_unref(cfg);
    only_error("version: 1\nmodels:\n  - {name: far, url: 'http://10.0.0.7:11434/v1'}\n", 3, 22,
               "served on this device");
    only_error("version: 1\nmodels:\n  - {name: far, url: 'http://127.evil.com/v1'}\n", 3, 22,
               "served on this device");
    only_error("version: 1\nmodels:\n  - {name: x, url: 'http://localhost/v1', ctx: 5}\n", 3, 48,
               "'ctx' is for a model file");
    only_error("version: 1\nmodels:\n  - {name: x}\n", 3, 5, "path");
}

static void test_default_conf_loads(void **state)
{
    (void)state;
    ew_config *cfg = NULL;
    ew_config_errors errs;
    int st = ew_config_load_file("conf/edgeway.yaml", &cfg, &errs);
    for (int i = 0; i < errs.n; i++)
        print_message("  %d:%d: %s\n", errs.items[i].line, errs.items[i].column,
                      errs.items[i].message);
    assert_int_equal(st, EW_OK);
    assert_non_null(cfg);
    assert_int_equal(cfg->server.n_listeners, 1);
    assert_string_equal(cfg->server.listeners[0].host, "127.0.0.1");
    assert_int_equal(cfg->server.listeners[0].port, 8080);
    assert_true(cfg->auth.allow_anonymous_loopback);
    assert_int_equal(cfg->n_models, 1);
    assert_string_equal(cfg->models[0].name, "stories");
    assert_string_equal(cfg->models[0].path, "conf/../../shared/models/stories260K.gguf");
    assert_int_equal(access(cfg->models[0].path, R_OK), 0);
    assert_int_equal(cfg->routing->default_action.route, EW_ROUTE_LOCAL);
    assert_int_equal(cfg->n_backends, 0);
    ew_config_unref(cfg);
}

/* Every shipped example is valid. */
static void test_conf_examples_load(void **state)
{
    (void)state;
    DIR *dir = opendir("conf");
    assert_non_null(dir);
    int loaded = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 5, ".yaml")) continue;
        char path[512];
        snprintf(path, sizeof path, "conf/%s", e->d_name);
        ew_config *cfg = NULL;
        ew_config_errors errs;
        int st = ew_config_load_file(path, &cfg, &errs);
        for (int i = 0; i < errs.n; i++)
            print_message("  %s:%d:%d: %s\n", path, errs.items[i].line, errs.items[i].column,
                          errs.items[i].message);
        assert_int_equal(st, EW_OK);
        ew_config_unref(cfg);
        loaded++;
    }
    closedir(dir);
    assert_true(loaded >= 4);
}

static void test_defaults_when_sections_absent(void **state)
{
    (void)state;
    ew_config *cfg = NULL;
    ew_config_errors errs;
    assert_int_equal(load("version: 1\n", &cfg, &errs), EW_OK);
    assert_int_equal(cfg->server.n_listeners, 1);
    assert_int_equal(cfg->server.limits.max_body_bytes, 4 << 20);
    assert_int_equal(cfg->server.limits.drain_timeout_ms, 10000);
    assert_int_equal(cfg->log.level, EW_LOG_INFO);
    assert_false(cfg->auth.allow_anonymous_loopback);
    assert_true(cfg->pii->enabled);
    assert_int_equal(cfg->device->source, EW_DEVICE_SOURCE_PUSH);
    assert_int_equal(cfg->device->fixed.battery_pct, -1);
    assert_true(cfg->difficulty->enabled);
    assert_null(cfg->difficulty->weights);
    assert_int_equal(cfg->routing->n_rules, 0);
    assert_int_equal(cfg->routing->speculative.k, 4);
    /* Reference counting: the last unref frees (ASan checks the rest). */
    assert_ptr_equal(ew_config_ref(cfg), cfg);
    ew_config_unref(cfg);
    ew_config_unref(cfg);
    ew_config_unref(NULL);
}

/* Writes an empty file for the TLS and key-file keys; returns its path. */
static void temp_file(char *path, size_t size, const char *tag)
{
    snprintf(path, size, "/tmp/ew_test_policy_%s_XXXXXX", tag);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "x\n", 2), 2);
    close(fd);
}

#define FULL_CONFIG_FMT                                                                            \
    "version: 1\n"                                                                                 \
    "require_signed_config: false\n"                                                               \
    "server:\n"                                                                                    \
    "  listen:\n"                                                                                  \
    "    - 127.0.0.1:0\n"                                                                          \
    "    - {address: '[::1]:8443', tls: {cert: %s, key: %s, client_ca: %s}}\n"                     \
    "  limits: {max_connections: 64, max_body_size: 1MiB, max_header_size: 8KiB,\n"                \
    "           read_timeout: 5s, write_timeout: 6s, keepalive_timeout: 0,\n"                      \
    "           max_concurrent_streams: 8, drain_timeout: 1m}\n"                                   \
    "log: {level: debug, access_log: no}\n"                                                        \
    "auth:\n"                                                                                      \
    "  allow_anonymous_loopback: true\n"                                                           \
    "  keys:\n"                                                                                    \
    "    - {name: alice, sha256: '%064d', tenant: acme, admin: true, rps: 2.5,\n"                  \
    "       tokens_per_min: 1000}\n"                                                               \
    "models:\n"                                                                                    \
    "  - {name: stories, path: %s/models/stories260K.gguf, threads: 2, ctx: 512,\n"                \
    "     kv_type: f32, workers: 2, queue: 4,\n"                                                   \
    "     sha256: 'ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789'}\n"           \
    "backends:\n"                                                                                  \
    "  - name: cloud\n"                                                                            \
    "    base_url: https://api.example.com/v1\n"                                                   \
    "    api_key_env: EXAMPLE_KEY\n"                                                               \
    "    headers: {OpenAI-Organization: org-1}\n"                                                  \
    "    models: {smart: gpt-4o}\n"                                                                \
    "    priority: 1\n"                                                                            \
    "    weight: 3\n"                                                                              \
    "    connect_timeout: 2s\n"                                                                    \
    "    first_byte_timeout: 10s\n"                                                                \
    "    idle_timeout: 15s\n"                                                                      \
    "    total_timeout: 2m\n"                                                                      \
    "    max_retries: 1\n"                                                                         \
    "    pinned_pubkey: 'sha256//AAAA'\n"                                                          \
    "    proxy: http://proxy:3128\n"                                                               \
    "  - {name: big, base_url: 'http://10.0.0.2:8080/v1', kind: edgeway, api_key_file: %s}\n"      \
    "pii:\n"                                                                                       \
    "  types: [email, phone, secret, us_ssn, person, credit_card]\n"                               \
    "  min_score: 0.6\n"                                                                           \
    "  min_scores: {person: 0.8}\n"                                                                \
    "  allow: {values: [support@acme.com], domains: [acme.com]}\n"                                 \
    "  deny: {terms: [Project Falcon], regex: ['ACME-[0-9]{6}'], type: secret}\n"                  \
    "  max_scan_bytes: 2MiB\n"                                                                     \
    "device:\n"                                                                                    \
    "  source: static\n"                                                                           \
    "  max_age: 2m\n"                                                                              \
    "  static: {battery: 55, charging: false, thermal: fair, low_power: false, metered: true}\n"   \
    "  thresholds: {battery_hysteresis: 5, thermal_fair: 40, thermal_serious: 55,\n"               \
    "               thermal_critical: 70, thermal_hysteresis: 1.5}\n"                              \
    "difficulty: {enabled: true, threshold: 0.65}\n"                                               \
    "routing:\n"                                                                                   \
    "  never_remote: [secret, us_ssn]\n"                                                           \
    "  never_remote_action: split\n"                                                               \
    "  aliases: {fast: local, smart-local: {route: cascade, model: stories}}\n"                    \
    "  default: {route: remote, backend: cloud}\n"                                                 \
    "  fallbacks: [{route: remote, backend: big}, local]\n"                                        \
    "  cascade: {probe_tokens: 8, metric: margin, min_confidence: 0.4}\n"                          \
    "  speculative: {k: 3, k_max: 8, adaptive: false, p_min: 0.2, early_exit_layers: 2,\n"         \
    "                min_acceptance: 0.5}\n"                                                       \
    "  split:\n"                                                                                   \
    "    mode: local_prefix\n"                                                                     \
    "    types: [email, person]\n"                                                                 \
    "    local_prefix: {system: false, min_pii: 2, instruction: 'Summarize', "                     \
    "max_context_tokens: 128}\n"                                                                   \
    "  rules:\n"                                                                                   \
    "    - name: keep-secrets\n"                                                                   \
    "      description: secrets stay home\n"                                                       \
    "      when: {pii: {any: [secret], min_count: 2}}\n"                                           \
    "      route: local\n"                                                                         \
    "    - name: hard-personal\n"                                                                  \
    "      when: {pii: [person, email], difficulty: {gte: 0.7}, hard: true}\n"                     \
    "      route: split\n"                                                                         \
    "      mode: pseudonymize\n"                                                                   \
    "      backend: cloud\n"                                                                       \
    "      fallbacks: [{route: deny, message: try later}]\n"                                       \
    "    - name: battery\n"                                                                        \
    "      when: {battery: {lt: 20}, charging: false, low_power: true, metered: false}\n"          \
    "      route: remote\n"                                                                        \
    "    - name: hot\n"                                                                            \
    "      when: {thermal: {gte: serious}}\n"                                                      \
    "      route: remote\n"                                                                        \
    "    - name: health\n"                                                                         \
    "      when: {backend: {name: cloud, breaker_open: true, rtt: {gt: 800ms}}, local_queue: "     \
    "{gte: 4}}\n"                                                                                  \
    "      route: local\n"                                                                         \
    "    - name: who\n"                                                                            \
    "      when: {model: [smart, fast, auto], tenant: acme, key: alice, stream: true,\n"           \
    "             prompt_tokens: {gt: 100, lte: 2000}, prompt_bytes: {gt: 8KiB}}\n"                \
    "      route: speculative\n"                                                                   \
    "      backend: big\n"                                                                         \
    "      model: stories\n"                                                                       \
    "    - name: no-pii\n"                                                                         \
    "      when: {pii: {all: [email, phone], none: [credit_card]}, thermal: [unknown, nominal]}\n" \
    "      route: deny\n"                                                                          \
    "      message: not here\n"

static void check_full_config(const ew_config *cfg)
{
    assert_int_equal(cfg->version, 1);
    assert_int_equal(cfg->server.n_listeners, 2);
    assert_int_equal(cfg->server.listeners[0].port, 0);
    assert_string_equal(cfg->server.listeners[1].host, "::1");
    assert_int_equal(cfg->server.listeners[1].port, 8443);
    assert_non_null(cfg->server.listeners[1].tls_client_ca);
    assert_int_equal(cfg->server.limits.max_header_bytes, 8192);
    assert_int_equal(cfg->server.limits.keepalive_timeout_ms, 0);
    assert_int_equal(cfg->server.limits.drain_timeout_ms, 60000);
    assert_int_equal(cfg->log.level, EW_LOG_DEBUG);
    assert_false(cfg->log.access_log);
    assert_int_equal(cfg->auth.keys[0].sha256[31], 0);
    assert_string_equal(cfg->auth.keys[0].tenant, "acme");
    assert_true(cfg->auth.keys[0].rps == 2.5);
    assert_true(cfg->models[0].kv_f32);
    assert_int_equal(cfg->models[0].ctx, 512);
    const ew_backend_cfg *b = &cfg->backends[0];
    assert_string_equal(b->api_key_env, "EXAMPLE_KEY");
    assert_string_equal(b->headers[0].name, "OpenAI-Organization");
    assert_string_equal(b->models[0].to, "gpt-4o");
    assert_int_equal(b->total_timeout_ms, 120000);
    assert_string_equal(cfg->backends[1].kind, "edgeway");
    assert_int_equal(cfg->pii->n_types, 6);
    assert_true(cfg->pii->min_scores[0].min_score == 0.8);
    assert_string_equal(cfg->pii->deny_regex[0], "ACME-[0-9]{6}");
    assert_int_equal(cfg->pii->max_scan_bytes, 2 << 20);
    assert_int_equal(cfg->device->source, EW_DEVICE_SOURCE_STATIC);
    assert_int_equal(cfg->device->fixed.battery_pct, 55);
    assert_int_equal(cfg->device->fixed.thermal, EW_THERMAL_FAIR);
    assert_int_equal(cfg->device->fixed.metered, 1);
    assert_true(cfg->device->thermal_hysteresis_c == 1.5);
    const ew_routing_cfg *r = cfg->routing;
    assert_int_equal(r->never_remote_route, EW_ROUTE_SPLIT);
    assert_int_equal(r->n_aliases, 2);
    assert_int_equal(r->aliases[1].action.route, EW_ROUTE_CASCADE);
    assert_int_equal(r->default_action.route, EW_ROUTE_REMOTE);
    assert_string_equal(r->fallbacks[0].backend, "big");
    assert_int_equal(r->fallbacks[1].route, EW_ROUTE_LOCAL);
    assert_int_equal(r->cascade.metric, EW_CASCADE_MARGIN);
    assert_int_equal(r->speculative.early_exit_layers, 2);
    assert_int_equal(r->split.mode, EW_SPLIT_LOCAL_PREFIX);
    assert_int_equal(r->split.max_context_tokens, 128);
    assert_int_equal(r->n_rules, 7);
    assert_int_equal(r->rules[0].when.pii_min_count, 2);
    assert_int_equal(r->rules[1].when.n_pii_any, 2);
    assert_true(r->rules[1].when.difficulty.lo == 0.7 && r->rules[1].when.difficulty.lo_incl);
    assert_int_equal(r->rules[1].action.split_mode, EW_SPLIT_PSEUDONYMIZE);
    assert_int_equal(r->rules[1].fallbacks[0].route, EW_ROUTE_DENY);
    assert_true(r->rules[2].when.battery.hi == 20 && !r->rules[2].when.battery.hi_incl);
    assert_int_equal(r->rules[2].when.charging, 0);
    assert_int_equal(r->rules[3].when.thermal,
                     (1u << EW_THERMAL_SERIOUS) | (1u << EW_THERMAL_CRITICAL));
    assert_int_equal(r->rules[4].when.breaker_open, 1);
    assert_true(r->rules[4].when.rtt_ms.lo == 800);
    assert_int_equal(r->rules[5].when.n_models, 3);
    assert_true(r->rules[5].when.prompt_bytes.lo == 8192);
    assert_int_equal(r->rules[5].line, 83); /* the "- name: who" line */
    assert_int_equal(r->rules[6].when.thermal, EW_THERMAL_UNKNOWN_BIT | 1u);
    assert_string_equal(r->rules[6].action.message, "not here");
}

static void test_full_config(void **state)
{
    (void)state;
    char cert[64], key[64], ca[64], apikey[64];
    temp_file(cert, sizeof cert, "cert");
    temp_file(key, sizeof key, "key");
    temp_file(ca, sizeof ca, "ca");
    temp_file(apikey, sizeof apikey, "apikey");
    char *yaml = malloc(16384);
    assert_non_null(yaml);
    snprintf(yaml, 16384, FULL_CONFIG_FMT, cert, key, ca, 0, shared_dir(), apikey);
    ew_config *cfg = NULL;
    ew_config_errors errs;
    int st = load(yaml, &cfg, &errs);
    for (int i = 0; i < errs.n; i++)
        print_message("  %d:%d: %s\n", errs.items[i].line, errs.items[i].column,
                      errs.items[i].message);
    assert_int_equal(st, EW_OK);
    check_full_config(cfg);
    ew_config_unref(cfg);
    free(yaml);
    unlink(cert);
    unlink(key);
    unlink(ca);
    unlink(apikey);
}

static void test_routing_errors(void **state)
{
    (void)state;
    only_error("version: 1\nrouting:\n  rules:\n    - {name: x, route: remote, message: hi}\n", 4,
               41, "'message' applies only to route 'deny'");
    only_error(
        "version: 1\nrouting:\n  rules:\n    - {name: x, when: {battery: 20}, route: local}\n", 4,
        33, "expected a comparison such as {lt: 20}");
    only_error("version: 1\nrouting:\n  rules:\n"
               "    - {name: x, when: {difficulty: {gt: 0.8, lt: 0.2}}, route: local}\n",
               4, 36, "no value can satisfy");
    only_error("version: 1\nrouting:\n  rules:\n    - {name: x, route: teleport}\n", 4, 24,
               "expected one of local, remote, split, speculative, cascade, deny");
    only_error("version: 1\nrouting:\n  rules:\n    - {route: local}\n", 4, 7,
               "missing required key 'name'");
    only_error("version: 1\nrouting:\n  never_remote: [credit-card]\n", 3, 18,
               "did you mean 'credit_card'?");
    only_error("version: 1\npii: {enabled: false}\nrouting:\n  never_remote: [secret]\n", 4, 18,
               "pii.enabled is false");
    only_error("version: 1\npii:\n  deny: {regex: ['a(b']}\n", 3, 18, "invalid POSIX");
    only_error("version: 1\ndevice: {static: {battery: 50}}\n", 2, 18,
               "apply only with source: static");
    only_error("version: 1\nrouting:\n  rules:\n    - {name: x, when: {thermal: {lt: nominal}}, "
               "route: local}\n",
               4, 33, "no level can satisfy");
}

/* Every condition field with an unknown name, an unknown value or a wrong
 * type is a config error at the offending token: the column is where the
 * table's marker text starts on the rule's line. */
static void test_condition_errors(void **state)
{
    (void)state;
    static const struct {
        const char *when; /* the rule's when: map */
        const char *at;   /* the token the error points at */
        const char *text; /* in the message */
    } table[] = {
        {"{batery: {lt: 20}}", "batery", "did you mean 'battery'"},
        {"{pii: [emial]}", "emial", "did you mean 'email'"},
        {"{pii: {any: [email], all: [pasport]}}", "pasport", "did you mean 'passport'"},
        {"{pii: {none: [nope]}}", "nope", "unknown PII type 'nope'"},
        {"{pii: {any: [email], min_count: 0}}", "0}", "min_count"},
        {"{pii: {anyy: [email]}}", "anyy", "did you mean 'any'"},
        {"{pii: 3}", "3}", "pii"},
        {"{difficulty: {gt: 2}}", "2}", "difficulty"},
        {"{difficulty: {gt: hard}}", "hard}", "difficulty"},
        {"{difficulty: {above: 0.5}}", "above", "unknown key 'above'"},
        {"{hard: maybe}", "maybe", "hard"},
        {"{battery: {lt: 120}}", "120", "battery"},
        {"{charging: 2}", "2}", "charging"},
        {"{thermal: [hot]}", "hot", "thermal"},
        {"{thermal: {gte: warm}}", "warm", "thermal"},
        {"{low_power: sometimes}", "sometimes", "low_power"},
        {"{metered: [true]}", "[true]", "metered"},
        {"{backend: {name: nope, breaker_open: true}}", "nope", "unknown backend 'nope'"},
        {"{backend: {name: cloud, breaker: open}}", "breaker:", "unknown key 'breaker'"},
        {"{backend: {name: cloud, rtt: {gt: fast}}}", "fast", "rtt"},
        {"{local_queue: {gte: -1}}", "-1", "local_queue"},
        {"{model: [nope]}", "nope", "unknown model 'nope'"},
        {"{tenant: {a: b}}", "{a: b}", "tenant"},
        {"{key: nobody}", "nobody", "unknown API key 'nobody'"},
        {"{prompt_tokens: {gt: many}}", "many", "prompt_tokens"},
        {"{prompt_bytes: {gt: 5 parsecs}}", "5 parsecs", "prompt_bytes"},
        {"{stream: yes please}", "yes please", "stream"},
        {"{streaming: true}", "streaming", "unknown key 'streaming' in when"},
        {"{strem: true}", "strem", "did you mean 'stream'"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        char yaml[1024], rule[512];
        snprintf(rule, sizeof rule, "    - {name: r, when: %s, route: local}\n", table[i].when);
        snprintf(yaml, sizeof yaml,
                 "version: 1\n"
                 "backends: [{name: cloud, base_url: 'https://cloud.example/v1'}]\n"
                 "auth: {keys: [{name: alice, sha256: '%064d'}]}\n"
                 "routing:\n"
                 "  rules:\n"
                 "%s",
                 0, rule);
        ew_config *cfg = (ew_config *)1;
        ew_config_errors errs;
        int st = load(yaml, &cfg, &errs);
        int col = (int)(strstr(rule, table[i].at) - rule) + 1;
        bool ok = false;
        for (int k = 0; k < errs.n && st == EW_ERR_CONFIG; k++)
            ok |= errs.items[k].line == 6 && errs.items[k].column == col &&
                  strstr(errs.items[k].message, table[i].text) != NULL;
        if (!ok) {
            for (int k = 0; k < errs.n; k++)
                print_message("  got %d:%d: %s\n", errs.items[k].line, errs.items[k].column,
                              errs.items[k].message);
            fail_msg("when %s: want 6:%d '%s'", table[i].when, col, table[i].text);
        }
        assert_null(cfg);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typo_key_with_suggestion),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_out_of_range),
        cmocka_unit_test(test_missing_required),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_anchor_alias_rejected),
        cmocka_unit_test(test_syntax_error_location),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_tree_styles),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_suggestions),
        cmocka_unit_test(test_getters_report_and_continue),
        cmocka_unit_test(test_every_error_in_one_load),
        cmocka_unit_test(test_error_cap),
        cmocka_unit_test(test_cross_references),
        cmocka_unit_test(test_pii_deny_type_detected),
        cmocka_unit_test(test_model_url),
        cmocka_unit_test(test_default_conf_loads),
        cmocka_unit_test(test_conf_examples_load),
        cmocka_unit_test(test_defaults_when_sections_absent),
        cmocka_unit_test(test_full_config),
        cmocka_unit_test(test_routing_errors),
        cmocka_unit_test(test_condition_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
