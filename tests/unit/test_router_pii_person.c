/* People, birth dates and passports in context (session 5): each rule of
 * the round firing and not firing. A case names the type and either the
 * exact text of the span expected or NULL for "no span of that type". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/pii.h"
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

#define P EW_PII_PERSON

/* After a strong cue a lowercase given name and surname from the
 * gazetteers are one person, even when they are also words. */
static void test_lowercase_after_cue(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"my name is maria lopez.", P, "maria lopez"},  {"my name is john smith.", P, "john smith"},
        {"my name is mark and i live here", P, "mark"}, {"call me maybe", P, NULL},
        {"the name is not important", P, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Companies, shops and banks named after people; streets named after
 * people. */
static void test_org_lookalikes(void **state)
{
    (void)state;
    static const pcase k[] = {
        /* "at" a place or a firm, unless one shouts or looks at someone */
        {"We stopped at Tim Hortons for coffee.", P, NULL},
        {"She works at Morgan Stanley in New York.", P, NULL},
        {"We stopped at Dr. Oetker for breakfast.", P, NULL},
        {"Enrico shouted at Gary: hi", P, "Gary"},
        {"Meet me at John Smith's office.", P, "John Smith's"},
        {"She spent a year at Jones, Mitchell and Williams as an intern.", P, NULL},
        /* a verb that takes a firm before for/with/by */
        {"I bank with Wells Fargo and Charles Schwab.", P, NULL},
        {"I work for Wolters Kluwer", P, NULL},
        {"Follow up with Sigrid Nystrom in a week.", P, "Sigrid Nystrom"},
        {"I'd like to join accounts with ms. Marcela", P, "Marcela"},
        /* a business word after the name */
        {"Invoice 22 - Krispy Kreme catering, due today", P, NULL},
        {"Wells Fargo shares fell.", P, NULL},
        /* two single words joined by '&' */
        {"Johnson & Johnson recalled a product.", P, NULL},
        {"Ben & Jerry's makes ice cream.", P, NULL},
        {"Procter & Gamble hired Anna Lee.", P, "Anna Lee"},
        {"John & Mary came to dinner.", P, "Mary"},
        /* streets */
        {"Drive down Martin Luther King Jr Blvd to the park.", P, NULL},
        {"Home address: Str. Mihai Eminescu nr. 29, Iasi", P, NULL},
        {"Sender: Sabine Scholz, Avenida Gran Via, 31, Zaragoza", P, "Sabine Scholz"},
        /* places */
        {"Drive from Rio Grande to New York.", P, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lowercase_after_cue),
        cmocka_unit_test(test_org_lookalikes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
