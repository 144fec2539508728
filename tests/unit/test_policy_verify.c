/* The config's verify section (the cloud side of speculative decoding):
 * defaults, decoding, and errors at their place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "policy/config.h"

static int load(const char *yaml, ew_config **cfg, ew_config_errors *errs)
{
    return ew_config_load_string(yaml, strlen(yaml), "t.yaml", cfg, errs);
}

static void test_defaults(void **state)
{
    (void)state;
    ew_config *cfg;
    ew_config_errors errs;
    assert_int_equal(load("version: 1\n", &cfg, &errs), EW_OK);
    const ew_verify_cfg *v = &cfg->verify;
    assert_true(v->enabled);
    assert_int_equal(v->max_sessions, 64);
    assert_true(v->max_memory == (int64_t)1 << 30);
    assert_int_equal(v->idle_timeout_ms, 60000);
    assert_int_equal(v->max_draft, 16);
    assert_int_equal(v->ctx, 0);
    assert_int_equal(v->threads, 0);
    assert_int_equal(v->workers, 1);
    assert_int_equal(v->queue, 64);
    ew_config_unref(cfg);
}

static void test_values(void **state)
{
    (void)state;
    static const char yaml[] = "version: 1\n"
                               "verify:\n"
                               "  enabled: false\n"
                               "  max_sessions: 8\n"
                               "  max_memory: 64MiB\n"
                               "  idle_timeout: 1500ms\n"
                               "  max_draft: 64\n"
                               "  ctx: 512\n"
                               "  threads: 2\n"
                               "  workers: 3\n"
                               "  queue: 0\n";
    ew_config *cfg;
    ew_config_errors errs;
    assert_int_equal(load(yaml, &cfg, &errs), EW_OK);
    const ew_verify_cfg *v = &cfg->verify;
    assert_false(v->enabled);
    assert_int_equal(v->max_sessions, 8);
    assert_true(v->max_memory == (int64_t)64 << 20);
    assert_int_equal(v->idle_timeout_ms, 1500);
    assert_int_equal(v->max_draft, 64);
    assert_int_equal(v->ctx, 512);
    assert_int_equal(v->threads, 2);
    assert_int_equal(v->workers, 3);
    assert_int_equal(v->queue, 0);
    ew_config_unref(cfg);
}

static void test_errors(void **state)
{
    (void)state;
    static const char yaml[] = "version: 1\n"
                               "verify:\n"
                               "  max_draft: 65\n"
                               "  idle_timeout: 30\n"
                               "  max_sesions: 3\n";
    ew_config *cfg = NULL;
    ew_config_errors errs;
    assert_int_equal(load(yaml, &cfg, &errs), EW_ERR_CONFIG);
    assert_null(cfg);
    assert_int_equal(errs.n, 3);
    int lines[3] = {errs.items[0].line, errs.items[1].line, errs.items[2].line};
    assert_int_equal(lines[0], 3);
    assert_int_equal(lines[1], 4);
    assert_int_equal(lines[2], 5);
    assert_non_null(strstr(errs.items[2].message, "max_sessions"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
