/* The gateway's public pieces: the OpenAI error object. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "edgeway/gateway.h"

static void test_error_object(void **state)
{
    (void)state;
    ew_api_error e;
    ew_api_error_set(&e, 400, "invalid_request_error", "unsupported_value", "n", "n must be %d", 1);
    assert_int_equal(e.http_status, 400);
    char out[512];
    size_t n = ew_api_error_format(&e, out, sizeof out);
    const char *want = "{\"error\":{\"message\":\"n must be 1\",\"type\":\"invalid_request_error\","
                       "\"param\":\"n\",\"code\":\"unsupported_value\"}}";
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));

    /* No param, no code: both null. */
    ew_api_error_set(&e, 503, "server_error", NULL, NULL, "no backend");
    ew_api_error_format(&e, out, sizeof out);
    assert_string_equal(out, "{\"error\":{\"message\":\"no backend\",\"type\":\"server_error\","
                             "\"param\":null,\"code\":null}}");
}

static void test_error_escaping_and_bounds(void **state)
{
    (void)state;
    ew_api_error e;
    /* Quotes, control bytes and invalid UTF-8 from client input stay valid JSON. */
    ew_api_error_set(&e, 400, "invalid_request_error", NULL, "messages[0].content",
                     "bad \"%s\"\n\x01 \xff", "x");
    char out[512];
    ew_api_error_format(&e, out, sizeof out);
    assert_string_equal(out, "{\"error\":{\"message\":\"bad \\\"x\\\"\\n\\u0001 \xef\xbf\xbd\","
                             "\"type\":\"invalid_request_error\",\"param\":\"messages[0].content\","
                             "\"code\":null}}");

    /* Messages are truncated to the field, never overflow it. */
    char longmsg[1000];
    memset(longmsg, 'm', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = '\0';
    ew_api_error_set(&e, 400, "invalid_request_error", NULL, NULL, "%s", longmsg);
    assert_int_equal(strlen(e.message), sizeof e.message - 1);

    /* Too small an output: the needed length, and no partial JSON. */
    char tiny[16];
    size_t need = ew_api_error_format(&e, tiny, sizeof tiny);
    assert_true(need > sizeof tiny);
    assert_string_equal(tiny, "");
    char *big = malloc(need + 1);
    assert_int_equal(ew_api_error_format(&e, big, need + 1), need);
    assert_int_equal(strlen(big), need);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_object),
        cmocka_unit_test(test_error_escaping_and_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
