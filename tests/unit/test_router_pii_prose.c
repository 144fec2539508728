/* The scanner's fast path over plain prose (plain_run in router/pii.c): runs
 * of lowercase words pass without the detectors, but a cue, a name known
 * from earlier, a birth-date cue or a digit ahead still reaches them inside
 * a run; the result does not depend on where the text sits (the fast path
 * reads eight bytes at a time, and the address reader caches words by
 * position modulo 32, so each case is also scanned after 1 to 40 leading
 * spaces and must give the same spans, shifted). Every compound street
 * ending the address reader dispatches on its last letter makes a street,
 * and streets of the longest shape pass its cheap bound (number_in_reach). */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/pii.h"
#include "router/pii_internal.h"

/* Each case: the text and, for each span expected, its type and the words
 * it must cover (their last occurrence when `last`: a name mentioned again). */
static const struct {
    const char *text;
    struct {
        ew_pii_type type;
        const char *covers;
        bool last;
    } want[3];
    int n_want;
} cases[] = {
    {"we talked with anna berg about the plan and later berg sent the notes to the team.",
     {{EW_PII_PERSON, "anna berg", false}, {EW_PII_PERSON, "berg", true}},
     2},
    {"we met anna kowtrelli at the fair and later kowtrelli sent the notes to the team.",
     {{EW_PII_PERSON, "anna kowtrelli", false}, {EW_PII_PERSON, "kowtrelli", true}},
     2},
    {"the report was written by james wilson and reviewed by mary johnson, then wilson signed it.",
     {{EW_PII_PERSON, "james wilson", false},
      {EW_PII_PERSON, "mary johnson", false},
      {EW_PII_PERSON, "wilson", true}},
     3},
    {"call me anna berg. the plan is fine and later berg sent the notes to the team.",
     {{EW_PII_PERSON, "anna berg", false}, {EW_PII_PERSON, "berg", true}},
     2},
    {"she was born on march 12, 1985 in a small town near the river and grew up there.",
     {{EW_PII_DATE_OF_BIRTH, "march 12, 1985", false}},
     1},
    {"please send the parcel to 221 baker street, london before friday, thanks a lot.",
     {{EW_PII_STREET_ADDRESS, "221 baker street", false}},
     1},
    {"the quick brown fox jumps over the lazy dog. the password is hunter2 and nothing else.",
     {{EW_PII_SECRET, "hunter2", false}},
     1},
    {"we walked along the river for an hour, then the five of us went home for dinner.",
     {{0, NULL, false}},
     0},
    {"the model reads the prompt, counts the tokens and writes a short answer back to the user.",
     {{0, NULL, false}},
     0},
    {"lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem",
     {{0, NULL, false}},
     0},
    {"the parcel for room 12 went to 14 elm street and the box to hagagatan 67, 289 28 uppsala.",
     {{EW_PII_STREET_ADDRESS, "14 elm street", false},
      {EW_PII_STREET_ADDRESS, "hagagatan 67, 289 28 uppsala", false}},
     2},
    /* the most a street name takes before its number: five words and a sign */
    {"Env\xC3\xAD"
     "alo a Calle de la Paz Mayor, n\xC2\xBA 12 por favor.",
     {{EW_PII_STREET_ADDRESS, "Calle de la Paz Mayor, n\xC2\xBA 12", false}},
     1},
    {"ship it to avenida de la paz mayor 12 please.",
     {{EW_PII_STREET_ADDRESS, "avenida de la paz mayor 12", false}},
     1},
};

static ew_pii_result res;

static int scan_shifted(const char *text, size_t shift, char *buf, size_t cap)
{
    size_t n = strlen(text);
    assert_true(shift + n < cap);
    memset(buf, ' ', shift);
    memcpy(buf + shift, text, n);
    return ew_pii_scan(NULL, buf, shift + n, &res);
}

/* A span of type t covers `what` (its first or last occurrence in text). */
static bool covered(const char *text, ew_pii_type t, const char *what, bool last)
{
    const char *p = strstr(text, what);
    assert_non_null(p);
    for (const char *q = p; last && (q = strstr(q + 1, what)) != NULL;)
        p = q;
    uint32_t a = (uint32_t)(p - text), b = a + (uint32_t)strlen(what);
    for (int i = 0; i < res.n; i++)
        if (res.spans[i].type == t && res.spans[i].start <= a && res.spans[i].end >= b) return true;
    return false;
}

static void test_cases(void **state)
{
    (void)state;
    char buf[256];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *t = cases[k].text;
        assert_int_equal(scan_shifted(t, 0, buf, sizeof buf), EW_OK);
        if (cases[k].n_want == 0 && res.n) fail_msg("expected no PII in: %s", t);
        for (int w = 0; w < cases[k].n_want; w++)
            if (!covered(t, cases[k].want[w].type, cases[k].want[w].covers, cases[k].want[w].last))
                fail_msg("'%s' not found as %s in: %s", cases[k].want[w].covers,
                         ew_pii_type_name(cases[k].want[w].type), t);
    }
}

static void test_shift_invariant(void **state)
{
    (void)state;
    char buf[256];
    ew_pii_span base[32];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        assert_int_equal(scan_shifted(cases[k].text, 0, buf, sizeof buf), EW_OK);
        int nb = res.n;
        assert_true(nb <= 32);
        memcpy(base, res.spans, (size_t)nb * sizeof *base);
        for (size_t shift = 1; shift <= 40; shift++) {
            assert_int_equal(scan_shifted(cases[k].text, shift, buf, sizeof buf), EW_OK);
            assert_int_equal(res.n, nb);
            for (int i = 0; i < nb; i++) {
                assert_int_equal(res.spans[i].type, base[i].type);
                assert_int_equal(res.spans[i].start, base[i].start + shift);
                assert_int_equal(res.spans[i].end, base[i].end + shift);
            }
        }
    }
}

/* Long clean prose, lowercase and capitalised, in one piece: nothing found;
 * then a name cue at its end still reaches the name reader. */
static void test_long_prose(void **state)
{
    (void)state;
    const char *para = "the team reviewed the draft, fixed the layout and sent it back. "
                       "after lunch we checked the charts again and agreed on the plan. ";
    size_t pl = strlen(para), n = 0;
    char *text = malloc(40 * pl + 64);
    assert_non_null(text);
    for (int r = 0; r < 40; r++, n += pl)
        memcpy(text + n, para, pl);
    assert_int_equal(ew_pii_scan(NULL, text, n, &res), EW_OK);
    assert_int_equal(res.n, 0);
    text[0] = 'T'; /* capitals seen: the name rules of English apply */
    assert_int_equal(ew_pii_scan(NULL, text, n, &res), EW_OK);
    assert_int_equal(res.n, 0);
    const char *tail = "my name is Jonas Weber.";
    memcpy(text + n, tail, strlen(tail));
    n += strlen(tail);
    assert_int_equal(ew_pii_scan(NULL, text, n, &res), EW_OK);
    assert_int_equal(res.n, 1);
    assert_int_equal(res.spans[0].type, EW_PII_PERSON);
    assert_int_equal(res.spans[0].start, n - strlen("Jonas Weber."));
    assert_int_equal(res.spans[0].end, n - 1);
    free(text);
}

/* Words recur: the driver asks its tables once per thread for a plain word
 * of up to seven letters (256-slot memos in plain_run, one scan's).
 * Each answer holds at every later occurrence, also after a hundred other
 * words went through the slots, and a name guessed in text without capitals
 * is not guessed once capitals were seen. */
static void test_recurring_words(void **state)
{
    (void)state;
    static const char *const filler =
        "the team reviewed the draft and sent it back, then we checked every chart again, "
        "agreed on a plan for next week, moved some tasks, wrote short notes about open "
        "questions, asked which parts need more tests, found two bugs in our build, fixed "
        "both after lunch, cleaned old files, renamed three pages, updated links, merged "
        "small changes, closed stale tickets, drafted slides, booked rooms, ordered coffee, "
        "called support, read logs, tuned alerts, shipped it. ";
    static const struct {
        const char *head, *tail; /* filler between them */
        ew_pii_type type;
        const char *span; /* in tail; NULL: no span of the type in tail */
    } recur[] = {
        {"anna went home early. ", "later anna kowalski called me about it.", EW_PII_PERSON,
         "anna kowalski"},
        {"the idea was born here. ", "she was born on march 12, 1985 in a town.",
         EW_PII_DATE_OF_BIRTH, "march 12, 1985"},
        {"we met anna there. ", "The team met Anna Kowalski and anna agreed.", EW_PII_PERSON,
         "Anna Kowalski"},
        {"the password is here. ", "the password is hunter2 and nothing else.", EW_PII_SECRET,
         "hunter2"},
        {"we walked home. ", "we walked home and the five of us had dinner.", EW_PII_PERSON, NULL},
    };
    char text[2048];
    for (size_t k = 0; k < sizeof recur / sizeof recur[0]; k++) {
        int n = snprintf(text, sizeof text, "%s%s%s", recur[k].head, filler, recur[k].tail);
        assert_true(n > 0 && (size_t)n < sizeof text);
        assert_int_equal(ew_pii_scan(NULL, text, (size_t)n, &res), EW_OK);
        size_t tail = (size_t)n - strlen(recur[k].tail);
        int found = 0;
        for (int i = 0; i < res.n; i++) {
            const ew_pii_span *sp = &res.spans[i];
            if (sp->type != recur[k].type || sp->start < tail) continue;
            found++;
            if (recur[k].span && (strncmp(text + sp->start, recur[k].span, sp->end - sp->start) ||
                                  strlen(recur[k].span) != sp->end - sp->start))
                fail_msg("'%.*s' instead of '%s' in: %s", (int)(sp->end - sp->start),
                         text + sp->start, recur[k].span, recur[k].tail);
        }
        if (found != (recur[k].span != NULL))
            fail_msg("%d spans of %s in: %s", found, ew_pii_type_name(recur[k].type),
                     recur[k].tail);
    }
}

/* "Bring it to Abcd<ending> 12 today.": a street with each ending; the
 * ending needs three bytes before it, and other endings make none. */
static void test_street_endings(void **state)
{
    (void)state;
    static const char *const endings[] = {
        "strasse", "strase", "str",    "gasse",  "weg",    "platz", "allee",   "damm",    "ufer",
        "straat",  "laan",   "plein",  "gracht", "kade",   "dijk",  "singel",  "vej",     "gade",
        "torv",    "gata",   "gatan",  "vagen",  "veien",  "vegen", "katu",    "kuja",    "polku",
        "tie",     "utca",   "stieg",  "steig",  "pfad",   "vei",   "veg",     "straede", "brinken",
        "backen",  "grand",  "torget", "ringen", "stigen", "sokak", "caddesi", "ulica",   "road",
        "street",  "avenue", "vejen",  "gaden",  "-ro",    "-gil",  "-daero",  "-dong"};
    static const char *const others[] = {"xyzq", "gatx", "stras", "avenu", "dongs", "katuu"};
    char text[96];
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
        int n = snprintf(text, sizeof text, "Bring it to Abcd%s 12 today.", endings[k]);
        assert_int_equal(ew_pii_scan(NULL, text, (size_t)n, &res), EW_OK);
        if (res.n != 1 || res.spans[0].type != EW_PII_STREET_ADDRESS || res.spans[0].start != 12 ||
            res.spans[0].end != (uint32_t)n - 7)
            fail_msg("no street in: %s", text);
        n = snprintf(text, sizeof text, "Bring it to A%s 12 today.", endings[k]);
        assert_int_equal(ew_pii_scan(NULL, text, (size_t)n, &res), EW_OK);
        if (res.n) fail_msg("a street in: %s", text);
    }
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
        int n = snprintf(text, sizeof text, "Bring it to Abcd%s 12 today.", others[k]);
        assert_int_equal(ew_pii_scan(NULL, text, (size_t)n, &res), EW_OK);
        if (res.n) fail_msg("a street in: %s", text);
    }
}

/* Scans do not depend on each other: scanning the same texts again, after
 * texts with and without capitals, finds the same spans. */
static void test_scans_independent(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "later anna kowalski called me about it and anna agreed.",
        "The team met Anna Kowalski and anna agreed on the plan.",
        "we walked home and the five of us had dinner with anna.",
        "she was born on march 12, 1985 in a town near the river.",
        "The password is hunter2 and the team knows it.",
    };
    enum { N = sizeof texts / sizeof texts[0] };
    ew_pii_span first[N][8];
    int nfirst[N];
    for (int round = 0; round < 3; round++)
        for (int k = 0; k < N; k++) {
            int j = round == 1 ? N - 1 - k : k; /* another order in between */
            assert_int_equal(ew_pii_scan(NULL, texts[j], strlen(texts[j]), &res), EW_OK);
            assert_true(res.n <= 8);
            if (round == 0) {
                nfirst[j] = res.n;
                memcpy(first[j], res.spans, (size_t)res.n * sizeof res.spans[0]);
                continue;
            }
            assert_int_equal(res.n, nfirst[j]);
            for (int i = 0; i < res.n; i++) {
                assert_int_equal(res.spans[i].type, first[j][i].type);
                assert_int_equal(res.spans[i].start, first[j][i].start);
                assert_int_equal(res.spans[i].end, first[j][i].end);
            }
        }
    assert_true(nfirst[0] >= 1 && nfirst[1] >= 1); /* the names are found at all */
}

/* Chinese prose is read clause by clause in one call (ew__pii_scan_cjk goes
 * on through 。，？！): a name starting the clause after each mark is still
 * read as a run's start, and a cue right before a mark still applies. */
static void test_clause_marks(void **state)
{
    (void)state;
    static const char *const marks[] = {"\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x9F",
                                        "\xEF\xBC\x81"};
    char text[128];
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        /* 今天天气很好<mark>王伟说他会来。: a name before a verb of speech */
        int n = snprintf(text, sizeof text,
                         "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88"
                         "\xE5\xA5\xBD%s\xE7\x8E\x8B\xE4\xBC\x9F\xE8\xAF\xB4\xE4\xBB\x96"
                         "\xE4\xBC\x9A\xE6\x9D\xA5\xE3\x80\x82",
                         marks[m]);
        assert_int_equal(ew_pii_scan(NULL, text, (size_t)n, &res), EW_OK);
        if (res.n != 1 || res.spans[0].type != EW_PII_PERSON || res.spans[0].start != 21 ||
            res.spans[0].end != 27)
            fail_msg("no name after mark %zu in: %s", m, text);
        /* 会议改到下周<mark>我叫张伟<mark>谢谢: a cue after the mark */
        n = snprintf(text, sizeof text,
                     "\xE4\xBC\x9A\xE8\xAE\xAE\xE6\x94\xB9\xE5\x88\xB0\xE4\xB8\x8B"
                     "\xE5\x91\xA8%s\xE6\x88\x91\xE5\x8F\xAB\xE5\xBC\xA0\xE4\xBC\x9F%s"
                     "\xE8\xB0\xA2\xE8\xB0\xA2",
                     marks[m], marks[m]);
        assert_int_equal(ew_pii_scan(NULL, text, (size_t)n, &res), EW_OK);
        if (res.n != 1 || res.spans[0].type != EW_PII_PERSON || res.spans[0].start != 27 ||
            res.spans[0].end != 33)
            fail_msg("no name after cue and mark %zu in: %s", m, text);
    }
}

/* ew__pii_next_digit (SSE2 where built for it) and its portable twin agree
 * at every start in random text, digits rare or common, at every length. */
static void test_next_digit_twins(void **state)
{
    (void)state;
    unsigned char buf[300];
    uint32_t x = 12345;
    for (int round = 0; round < 400; round++) {
        size_t n = (size_t)(round % 97) * 3 + (size_t)(round / 97);
        for (size_t k = 0; k < n; k++) {
            x = x * 1103515245u + 12345u;
            unsigned r = x >> 16;
            /* digits one byte in 2 to 1 in 256; also bytes 0x80+ and '/' ':' */
            buf[k] = (unsigned char)(r % (2u << (round % 8)) == 0 ? '0' + r % 10
                                                                  : 0x20 + (r >> 5) % 224);
            if (buf[k] >= '0' && buf[k] <= '9' && r % (2u << (round % 8)) != 0) buf[k] = ':';
        }
        for (size_t i = 0; i <= n; i++) {
            size_t want = ew__pii_next_digit_portable(buf, n, i),
                   got = ew__pii_next_digit(buf, n, i);
            if (want != got) fail_msg("length %zu from %zu: %zu, portable %zu", n, i, got, want);
            size_t ref = i;
            while (ref < n && !(buf[ref] >= '0' && buf[ref] <= '9'))
                ref++;
            assert_int_equal(want, ref);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),          cmocka_unit_test(test_shift_invariant),
        cmocka_unit_test(test_long_prose),     cmocka_unit_test(test_recurring_words),
        cmocka_unit_test(test_street_endings), cmocka_unit_test(test_scans_independent),
        cmocka_unit_test(test_clause_marks),   cmocka_unit_test(test_next_digit_twins),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ew_pii_result_cleanup(&res);
    return rc;
}
