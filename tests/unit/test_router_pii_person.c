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

/* Names in URL query strings. */
static void test_query_names(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"GET /signup?name=John+Smith&email=x@y.com", P, "John+Smith"},
        {"https://ex.com/f?first_name=Maria&last_name=Lopez&age=3", P, "Lopez"},
        {"https://x.io/p?customerName=maria%20lopez&id=4", P, "maria%20lopez"},
        {"see /a?username=jsmith&name=build", P, NULL},
        {"https://x.io/dl?filename=Report.pdf&hostname=Alpha", P, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

#define D  EW_PII_DATE_OF_BIRTH
#define PP EW_PII_PASSPORT

/* Birth dates and passports by the label of their column or record. */
static void test_labelled_fields(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"INSERT INTO customers (name, phone, dob) VALUES ('Ayesha Qureshi', '+880 1766 189612', "
         "'1982-06-11');",
         D, "1982-06-11"},
        {"INSERT INTO staff (name, hired) VALUES ('Anna Berg', '2019-03-04');", D, NULL},
        {"name,dob,joined\nAnna Berg,1984-07-19,2020-01-02", D, "1984-07-19"},
        {"name,joined\nAnna Berg,2020-01-02", D, NULL},
        {"| Name | Phone | Passport |\n|---|---|---|\n| Sabbir Islam | +886 912 477 229 | "
         "PA0978288 |",
         PP, "PA0978288"},
        {"| Name | Phone | Passport |\n|---|---|---|\n| Hassan Awan | (01) 729 2397 | 36059210 |",
         PP, "36059210"},
        {"| Name | Order |\n|---|---|\n| Hassan Awan | PA0978288 |", PP, NULL},
        {"Patient: Stoica, Ayesha   MRN 427   08/17/1952   Ward 4B", D, "08/17/1952"},
        {"Patient: Van der Merwe, Aoife   MRN 128   02/02/1946", D, "02/02/1946"},
        {"Patient: Anna Berg, seen on 03/04/2024", D, NULL},
        {"Dobry den, jmenuji se Vojtech Vesely, narozen 5.9.2007.", D, "5.9.2007"},
        {"Our Costa Rica branch celebrates its birthday on 15 February 2016!", D, NULL},
        {"Anna celebrates her birthday on 15 February 1990.", D, "15 February 1990"},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Single given names no gazetteer holds, by what is said around them;
 * greetings and self-introductions of more languages. */
static void test_names_by_context(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Thanks Aisyah! I'll forward it to Hafiz and Pieter.", P, "Hafiz"},
        {"Thanks Aisyah! I'll forward it to Hafiz and Pieter.", P, "Pieter"},
        {"Please ask Hafiz today.", P, "Hafiz"},
        {"Please forward it to Legal today.", P, NULL},
        {"Sorry, Sabbir here - my number changed.", P, "Sabbir"},
        {"Click here to see the Report here.", P, NULL},
        {"\xC3\x9E\xC3\xB3rir will pick up the keys.", P, "\xC3\x9E\xC3\xB3rir"},
        {"Kia ora Tane, your parcel is here.", P, "Tane"},
        {"Kia ora, thanks all.", P, NULL},
        {"A Dhaoine uaisle, is mise Oisin Gallagher agus", P, "Oisin Gallagher"},
        {"Buna ziua, numele meu este Razvan Munteanu \xC8\x99i locuiesc", P, "Razvan Munteanu"},
        {"Selamat pagi, saya Aisyah Hamid.", P, "Aisyah Hamid"},
        {"Alamat saya Str. Lipscani nr. 38, Iasi 700259.", P, NULL},
        {"For my take on Dr. Wells, see the list.", P, "Wells"},
        {"Cardholder: Aisha Al Mazrouei", P, "Aisha Al Mazrouei"},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

#define A EW_PII_STREET_ADDRESS

/* Address shapes of Romania, the Gulf and Pakistan, Czechia, Iceland. */
static void test_address_shapes(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Send it to Str. Lipscani nr. 38, bl. C1, ap. 84, Iasi 700259.", A,
         "Str. Lipscani nr. 38, bl. C1, ap. 84, Iasi 700259"},
        {"your parcel is at Block 6, Street 16, House 11, Salmiya.", A,
         "Block 6, Street 16, House 11, Salmiya"},
        {"Kuwait office: House 934, Street 7, DHA Phase 5, Islamabad. Ask", A,
         "House 934, Street 7, DHA Phase 5, Islamabad"},
        {"Kuwait office: Dlouha 1846/19, 503 51 Praha 2. Ask for Eva.", A,
         "Dlouha 1846/19, 503 51 Praha 2"},
        {"For sale: 455 Reykjavik. Viewings via Aoife on Monday.", A, NULL},
        {"We have 3 Bedrooms. Viewings on Monday.", A, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lowercase_after_cue), cmocka_unit_test(test_org_lookalikes),
        cmocka_unit_test(test_query_names),         cmocka_unit_test(test_labelled_fields),
        cmocka_unit_test(test_names_by_context),    cmocka_unit_test(test_address_shapes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
