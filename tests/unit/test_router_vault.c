/* The pseudonymization vault: placeholders, consistency within a
 * conversation, restoring finished text and streams cut at every byte, and
 * placeholders a model has mangled. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "edgeway/pii.h"

static int buf_write(void *user, const char *data, size_t len)
{
    return ew_buf_append((ew_buf *)user, data, len);
}

/* Scans and pseudonymizes text; returns the new text (caller frees). */
static char *pseudo(ew_pii_vault *v, const char *text)
{
    ew_pii_result res;
    ew_pii_result_init(&res);
    assert_int_equal(ew_pii_scan(NULL, text, strlen(text), &res), EW_OK);
    ew_buf out;
    ew_buf_init(&out, 1 << 20);
    assert_int_equal(
        ew_pii_vault_pseudonymize(v, text, strlen(text), res.spans, res.n, buf_write, &out), EW_OK);
    ew_pii_result_cleanup(&res);
    ew_buf_append(&out, "", 0);
    return ew_buf_steal(&out, NULL);
}

static char *restore(const ew_pii_vault *v, const char *text, int *misses)
{
    ew_buf out;
    ew_buf_init(&out, 1 << 20);
    assert_int_equal(ew_pii_vault_restore(v, text, strlen(text), buf_write, &out, misses), EW_OK);
    ew_buf_append(&out, "", 0);
    return ew_buf_steal(&out, NULL);
}

static const char *prompt = "Hi, my name is Kristian Herzog, email kristian.herzog@example.com, "
                            "card 4111 1111 1111 1111, phone +1 (415) 555-0132.";

static void test_round_trip(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(0);
    char *p = pseudo(v, prompt);
    assert_non_null(strstr(p, "[PERSON_1]"));
    assert_non_null(strstr(p, "[EMAIL_1]"));
    assert_non_null(strstr(p, "[CREDIT_CARD_1]"));
    assert_non_null(strstr(p, "[PHONE_1]"));
    assert_null(strstr(p, "Herzog"));
    assert_null(strstr(p, "4111"));
    assert_int_equal(ew_pii_vault_size(v), 4);
    int misses = 0;
    char *r = restore(v, p, &misses);
    assert_string_equal(r, prompt);
    assert_int_equal(misses, 0);
    free(p);
    free(r);
    ew_pii_vault_free(v);
}

/* Same value, same placeholder, across turns; a new value gets a new number. */
static void test_consistency(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(0);
    char *a = pseudo(v, "Mail KRISTIAN.Herzog@Example.com or call +1 (415) 555-0132.");
    char *b = pseudo(v, "Again: kristian.herzog@example.com, +1 415 555 0132, and bob@example.org");
    assert_string_equal(a, "Mail [EMAIL_1] or call [PHONE_1].");
    assert_string_equal(b, "Again: [EMAIL_1], [PHONE_1], and [EMAIL_2]");
    /* the first spelling seen is what comes back */
    char *r = restore(v, "[EMAIL_1] / [EMAIL_2]", NULL);
    assert_string_equal(r, "KRISTIAN.Herzog@Example.com / bob@example.org");
    free(a);
    free(b);
    free(r);
    ew_pii_vault_free(v);
}

static void test_mangled(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(0);
    free(pseudo(v, "write to ana@example.com and ben@example.com"));
    int misses = 0;
    char *r = restore(v,
                      "A: [EMAIL_1] B: email_2 C: [Email_1] D: EMAIL_1. E: [email 2] "
                      "F: [EMAIL-1] G: [EMAIL_9] H: xEMAIL_1 I: EMAIL_12 J: EMAIL_1x K: email 1",
                      &misses);
    assert_string_equal(r, "A: ana@example.com B: ben@example.com C: ana@example.com "
                           "D: ana@example.com. E: ben@example.com F: ana@example.com "
                           "G: [EMAIL_9] H: xEMAIL_1 I: EMAIL_12 J: EMAIL_1x K: email 1");
    assert_int_equal(misses, 1); /* [EMAIL_9] */
    free(r);
    ew_pii_vault_free(v);
}

/* Restores `text` as a stream cut at the given boundaries. */
static char *stream_restore(const ew_pii_vault *v, const char *text, const size_t *cuts, int ncuts)
{
    ew_pii_stream *st = ew_pii_stream_new(v);
    assert_non_null(st);
    ew_buf out;
    ew_buf_init(&out, 1 << 20);
    size_t prev = 0, len = strlen(text);
    for (int k = 0; k <= ncuts; k++) {
        size_t cut = k < ncuts ? cuts[k] : len;
        assert_int_equal(ew_pii_stream_push(st, text + prev, cut - prev, buf_write, &out), EW_OK);
        prev = cut;
    }
    assert_int_equal(ew_pii_stream_finish(st, buf_write, &out), EW_OK);
    ew_pii_stream_free(st);
    ew_buf_append(&out, "", 0);
    return ew_buf_steal(&out, NULL);
}

static void test_stream_every_cut(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(0);
    free(pseudo(v, prompt));
    const char *answer = "Sure [PERSON_1]! I'll email [EMAIL_1] (or email_1), charge "
                         "[CREDIT_CARD_1] and call [Phone_1]. Unknown: [PHONE_7], [EMA";
    char *whole = restore(v, answer, NULL);
    size_t len = strlen(answer);
    /* two chunks, cut at every position */
    for (size_t cut = 0; cut <= len; cut++) {
        char *r = stream_restore(v, answer, &cut, 1);
        assert_string_equal(r, whole);
        free(r);
    }
    /* three chunks, every pair of cuts inside the first placeholder region */
    for (size_t a = 0; a < 40; a++)
        for (size_t b = a; b < 60; b++) {
            size_t cuts[2] = {a, b};
            char *r = stream_restore(v, answer, cuts, 2);
            assert_string_equal(r, whole);
            free(r);
        }
    /* one byte at a time */
    size_t *all = malloc(len * sizeof *all);
    for (size_t k = 0; k < len; k++)
        all[k] = k;
    char *r = stream_restore(v, answer, all, (int)len);
    assert_string_equal(r, whole);
    free(r);
    free(all);
    assert_non_null(strstr(whole, "Kristian Herzog"));
    assert_non_null(strstr(whole, "4111 1111 1111 1111"));
    assert_non_null(strstr(whole, "[PHONE_7]"));
    free(whole);
    ew_pii_vault_free(v);
}

/* Held-back bytes stay bounded: a long text without placeholders flows. */
static void test_stream_holds_little(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(0);
    free(pseudo(v, "ana@example.com"));
    ew_pii_stream *st = ew_pii_stream_new(v);
    ew_buf out;
    ew_buf_init(&out, 1 << 20);
    const char *chunk = "plain words flow through the restorer without waiting. ";
    size_t pushed = 0;
    for (int i = 0; i < 100; i++) {
        assert_int_equal(ew_pii_stream_push(st, chunk, strlen(chunk), buf_write, &out), EW_OK);
        pushed += strlen(chunk);
        assert_true(pushed - out.len <= EW_PII_PLACEHOLDER_MAX);
    }
    assert_int_equal(ew_pii_stream_push(st, "[EMAIL", 6, buf_write, &out), EW_OK);
    assert_int_equal(out.len, pushed); /* the prefix is held */
    assert_int_equal(ew_pii_stream_push(st, "_1] done", 8, buf_write, &out), EW_OK);
    assert_int_equal(ew_pii_stream_finish(st, buf_write, &out), EW_OK);
    assert_int_equal(out.len, pushed + strlen("ana@example.com done"));
    assert_int_equal(ew_pii_stream_misses(st), 0);
    ew_pii_stream_free(st);
    ew_buf_cleanup(&out);
    ew_pii_vault_free(v);
}

static void test_errors_and_limits(void **state)
{
    (void)state;
    ew_pii_vault *v = ew_pii_vault_new(40);
    ew_buf out;
    ew_buf_init(&out, 1 << 20);
    const char *t = "aaaa bbbb";
    ew_pii_span overlap[2] = {{EW_PII_PERSON, 0, 4, 1}, {EW_PII_PERSON, 2, 9, 1}};
    assert_int_equal(ew_pii_vault_pseudonymize(v, t, 9, overlap, 2, buf_write, &out),
                     EW_ERR_INVALID);
    assert_int_equal(out.len, 0); /* nothing written for a bad list */
    ew_pii_span past[1] = {{EW_PII_PERSON, 5, 10, 1}};
    assert_int_equal(ew_pii_vault_pseudonymize(v, t, 9, past, 1, buf_write, &out), EW_ERR_INVALID);
    /* the byte budget bounds the vault */
    const char *big = "0123456789012345678901234567890123456789xyz";
    ew_pii_span all[1] = {{EW_PII_SECRET, 0, (uint32_t)strlen(big), 1}};
    assert_int_equal(ew_pii_vault_pseudonymize(v, big, strlen(big), all, 1, buf_write, &out),
                     EW_ERR_TOO_LARGE);
    assert_null(ew_pii_stream_new(NULL));
    ew_pii_vault_free(NULL);
    ew_pii_stream_free(NULL);
    ew_buf_cleanup(&out);
    ew_pii_vault_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_consistency),
        cmocka_unit_test(test_mangled),
        cmocka_unit_test(test_stream_every_cut),
        cmocka_unit_test(test_stream_holds_little),
        cmocka_unit_test(test_errors_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
