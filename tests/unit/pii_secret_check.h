/* Exact checks of the secret spans a scan finds, shared by the secret unit
 * tests (include after pii_result_fixture.h). */
#ifndef EW_TEST_PII_SECRET_CHECK_H
#define EW_TEST_PII_SECRET_CHECK_H

#include <stdio.h>
#include <string.h>

#include "tests/unit/pii_result_fixture.h"

/* The secret spans of text as "a|b|" (values joined), for exact checks. */
static const char *secrets_of(const char *text)
{
    static char out[1024];
    assert_int_equal(ew_pii_scan(NULL, text, strlen(text), &res), EW_OK);
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < res.n; i++) {
        if (res.spans[i].type != EW_PII_SECRET) continue;
        int l = (int)(res.spans[i].end - res.spans[i].start);
        int w = snprintf(out + o, sizeof out - o, "%.*s|", l, text + res.spans[i].start);
        assert_true(w > 0 && (size_t)w < sizeof out - o);
        o += (size_t)w;
    }
    return out;
}

#define SECRET(text, value) assert_string_equal(secrets_of(text), value "|")
#define NO_SECRET(text)     assert_string_equal(secrets_of(text), "")

#endif
