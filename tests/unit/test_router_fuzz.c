/* Inputs the libFuzzer harnesses in tests/fuzz found breaking the router's
 * parsers (PII scanner, device state), each replayed exactly. The same
 * inputs are in tests/fuzz/corpus/<target>/ for the fuzz/<target> ctests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/pii.h"

/* An exact-size heap copy, so the sanitizers see a read past the end. */
static char *exact(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    assert_non_null(p);
    memcpy(p, s, n);
    return p;
}

/* A deny regex ran regexec on text that had no NUL after it: ASan's regexec
 * interceptor strlen()s the subject even with REG_STARTEND, reading past the
 * end of any body that held the regex's literal. */
static void test_pii_deny_regex_unterminated(void **state)
{
    (void)state;
    ew_pii_options opt;
    ew_pii_options_init(&opt);
    ew_pii_deny deny[] = {{.pattern = "EMP-[0-9]{6}", .regex = true, .type = EW_PII_CUSTOM}};
    opt.deny = deny;
    opt.n_deny = 1;
    ew_error err;
    ew_pii_scanner *sc = ew_pii_scanner_new(&opt, &err);
    assert_non_null(sc);
    static const char text[] = "Project Falcon lead EMP-123456: x";
    char *t = exact(text, sizeof text - 1);
    ew_pii_result res;
    ew_pii_result_init(&res);
    assert_int_equal(ew_pii_scan(sc, t, sizeof text - 1, &res), EW_OK);
    int found = 0;
    for (int i = 0; i < res.n; i++)
        found |= res.spans[i].type == EW_PII_CUSTOM && res.spans[i].start == 20 &&
                 res.spans[i].end == 30;
    assert_true(found);
    ew_pii_result_cleanup(&res);
    free(t);
    ew_pii_scanner_free(sc);
}

static int count_write(void *user, const char *data, size_t len)
{
    (void)data;
    *(size_t *)user += len;
    return EW_OK;
}

/* fuzz_pii on empty text: the pseudonymized output is an empty buffer whose
 * data is NULL, and streaming it pushed (NULL, 0), which the API accepts;
 * the push then computed NULL + 0 (UBSan: applying zero offset to null). */
static void test_vault_stream_empty_chunk(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(0);
    assert_non_null(v);
    ew_pii_stream *s = ew_pii_stream_new(v);
    assert_non_null(s);
    size_t written = 0;
    assert_int_equal(ew_pii_stream_push(s, NULL, 0, count_write, &written), EW_OK);
    assert_int_equal(ew_pii_stream_push(s, "[EMAIL_", 7, count_write, &written), EW_OK);
    assert_int_equal(ew_pii_stream_push(s, NULL, 0, count_write, &written), EW_OK);
    assert_int_equal(ew_pii_stream_finish(s, count_write, &written), EW_OK);
    assert_int_equal(written, 7); /* held back, then written as it was */
    assert_int_equal(ew_pii_stream_misses(s), 0);
    ew_pii_stream_free(s);
    ew_pii_vault_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pii_deny_regex_unterminated),
        cmocka_unit_test(test_vault_stream_empty_chunk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
