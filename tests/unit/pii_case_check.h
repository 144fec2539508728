/* One expected span per case, for the PII unit tests of people, addresses
 * and birth dates: a case names the type and either the exact text of the
 * span expected or NULL for "no span of that type" (include after
 * <cmocka.h>). */
#ifndef EW_TEST_PII_CASE_CHECK_H
#define EW_TEST_PII_CASE_CHECK_H

#include <stdio.h>
#include <string.h>

#include "tests/unit/pii_result_fixture.h"

typedef struct pcase {
    const char *text;
    ew_pii_type type;
    const char *span; /* exact span text, or NULL: no span of the type */
} pcase;

/* Checks one case; on a failure prints what the scanner found. */
static void check_case(const pcase *k)
{
    assert_int_equal(ew_pii_scan(NULL, k->text, strlen(k->text), &res), EW_OK);
    bool ok = k->span == NULL;
    uint32_t a = 0, b = 0;
    if (k->span) {
        const char *p = strstr(k->text, k->span);
        assert_non_null(p);
        a = (uint32_t)(p - k->text);
        b = a + (uint32_t)strlen(k->span);
    }
    for (int i = 0; i < res.n; i++) {
        const ew_pii_span *sp = &res.spans[i];
        if (sp->type != k->type) continue;
        if (!k->span) ok = false;
        if (k->span && sp->start == a && sp->end == b) ok = true;
    }
    if (ok) return;
    for (int i = 0; i < res.n; i++)
        fprintf(stderr, "  %s '%.*s' %.2f\n", ew_pii_type_name(res.spans[i].type),
                (int)(res.spans[i].end - res.spans[i].start), k->text + res.spans[i].start,
                (double)res.spans[i].score);
    fail_msg("%s: expected %s '%s' in: %s", k->span ? "missing" : "unexpected",
             ew_pii_type_name(k->type), k->span ? k->span : "(none)", k->text);
}

static void check_all(const pcase *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_case(&k[i]);
}

#endif
