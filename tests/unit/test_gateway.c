/* The gateway's public pieces: the OpenAI request parser (every field, both
 * content forms, every refusal with its param and code) and the error object. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
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

static ew_request *parse_ok(const char *json, ew_request_kind kind)
{
    ew_request *r = NULL;
    ew_api_error e = {0};
    int st = ew_request_parse_json(json, strlen(json), kind, &r, &e);
    if (st) fail_msg("unexpected error %d: %s (param %s)", st, e.message, e.param);
    assert_non_null(r);
    return r;
}

static ew_request *chat_ok(const char *json)
{
    return parse_ok(json, EW_REQUEST_CHAT);
}

/* A refusal: the status, the param ("" = null), the code, and a piece of the message. */
static void refused(ew_request_kind kind, const char *json, int status, const char *param,
                    const char *code, const char *msg_part)
{
    ew_request *r = (ew_request *)1;
    ew_api_error e;
    memset(&e, 0, sizeof e);
    int st = ew_request_parse_json(json, strlen(json), kind, &r, &e);
    if (st == EW_OK) fail_msg("accepted: %s", json);
    assert_null(r);
    assert_int_equal(e.http_status, status);
    assert_string_equal(e.type, "invalid_request_error");
    assert_string_equal(e.param, param);
    if (code) assert_string_equal(e.code, code);
    if (!strstr(e.message, msg_part)) fail_msg("message '%s' lacks '%s'", e.message, msg_part);
}

static void chat_refused(const char *json, const char *param, const char *code,
                         const char *msg_part)
{
    refused(EW_REQUEST_CHAT, json, 400, param, code, msg_part);
}

#define USER_HI  "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"
#define USER_MSG "{\"role\":\"user\",\"content\":\"hi\"},"

static void test_parse_minimal(void **state)
{
    (void)state;
    ew_request *r = chat_ok("{\"model\":\"auto\"," USER_HI "}");
    assert_string_equal(r->model, "auto");
    assert_true(r->is_chat);
    assert_int_equal(r->n_messages, 1);
    assert_int_equal(r->messages[0].role, EW_ROLE_USER);
    assert_int_equal(r->messages[0].n_parts, 1);
    assert_string_equal(r->messages[0].content, "hi");
    assert_int_equal(r->messages[0].content_len, 2);
    assert_false(r->messages[0].keep_local);
    /* Defaults mean "not given". */
    assert_false(r->stream);
    assert_false(r->include_usage);
    assert_int_equal(r->max_tokens, -1);
    assert_true(isnan(r->temperature));
    assert_true(isnan(r->top_p));
    assert_true(isnan(r->frequency_penalty));
    assert_true(isnan(r->presence_penalty));
    assert_false(r->has_seed);
    assert_int_equal(r->n_stop, 0);
    assert_null(r->user);
    assert_false(r->logprobs);
    assert_int_equal(r->top_logprobs, 0);
    assert_int_equal(r->parallel_tool_calls, -1);
    assert_null(r->tools_json);
    assert_null(r->tool_choice_json);
    assert_null(r->response_format_json);
    assert_null(r->logit_bias_json);
    assert_null(r->prompt);
    ew_request_free(r);
    ew_request_free(NULL);
}

static void test_parse_every_field(void **state)
{
    (void)state;
    const char *json =
        "{\"model\":\"gpt-4o\",\"messages\":["
        "{\"role\":\"system\",\"content\":\"be brief\"},"
        "{\"role\":\"developer\",\"content\":\"dev\",\"name\":\"d\"},"
        "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"my card is \"},"
        "{\"type\":\"text\",\"text\":\"4111\\u00e9\"}],\"x_edgeway\":{\"local\":true}},"
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":"
        "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
        "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}],"
        "\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        "\"max_completion_tokens\":64,\"temperature\":0.7,\"top_p\":0.9,\"seed\":-12345678901,"
        "\"stop\":[\"\\n\\n\",\"END\"],\"user\":\"u-1\",\"n\":1,\"logprobs\":true,"
        "\"top_logprobs\":5,\"frequency_penalty\":-0.5,\"presence_penalty\":2,"
        "\"logit_bias\":{\"50256\":-100},"
        "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
        "\"tool_choice\":\"auto\",\"response_format\":{\"type\":\"json_object\"},"
        "\"parallel_tool_calls\":false,\"metadata\":{\"ignored\":true},\"store\":false}";
    ew_request *r = chat_ok(json);
    assert_string_equal(r->model, "gpt-4o");
    assert_int_equal(r->n_messages, 5);
    const ew_message *m = r->messages;
    assert_int_equal(m[0].role, EW_ROLE_SYSTEM);
    assert_string_equal(m[0].content, "be brief");
    assert_int_equal(m[1].role, EW_ROLE_DEVELOPER);
    assert_string_equal(m[1].name, "d");
    /* Parts kept as sent and joined; \u escapes decoded. */
    assert_int_equal(m[2].role, EW_ROLE_USER);
    assert_int_equal(m[2].n_parts, 2);
    assert_string_equal(m[2].parts[0].text, "my card is ");
    assert_string_equal(m[2].parts[1].text, "4111\xc3\xa9");
    assert_string_equal(m[2].content, "my card is 4111\xc3\xa9");
    assert_int_equal(m[2].content_len, strlen("my card is 4111\xc3\xa9"));
    assert_true(m[2].keep_local);
    assert_int_equal(m[3].role, EW_ROLE_ASSISTANT);
    assert_int_equal(m[3].content_len, 0);
    assert_int_equal(m[3].n_parts, 0);
    assert_non_null(m[3].tool_calls_json);
    assert_memory_equal(m[3].tool_calls_json, "[{\"id\":\"c1\"", 10);
    assert_int_equal(m[3].tool_calls_json[m[3].tool_calls_json_len - 1], ']');
    assert_int_equal(m[4].role, EW_ROLE_TOOL);
    assert_string_equal(m[4].tool_call_id, "c1");
    assert_string_equal(m[4].content, "42");

    assert_true(r->stream);
    assert_true(r->include_usage);
    assert_int_equal(r->max_tokens, 64);
    assert_true(r->temperature == 0.7);
    assert_true(r->top_p == 0.9);
    assert_true(r->has_seed);
    assert_true(r->seed == -12345678901LL);
    assert_int_equal(r->n_stop, 2);
    assert_string_equal(r->stop[0], "\n\n");
    assert_string_equal(r->stop[1], "END");
    assert_string_equal(r->user, "u-1");
    assert_true(r->logprobs);
    assert_int_equal(r->top_logprobs, 5);
    assert_true(r->frequency_penalty == -0.5);
    assert_true(r->presence_penalty == 2);
    assert_int_equal(r->parallel_tool_calls, 0);
    /* Raw pass-through is exact JSON text; a string keeps its quotes. */
    assert_int_equal(r->logit_bias_json_len, strlen("{\"50256\":-100}"));
    assert_memory_equal(r->logit_bias_json, "{\"50256\":-100}", r->logit_bias_json_len);
    assert_string_equal(r->tools_json, "[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]");
    assert_string_equal(r->tool_choice_json, "\"auto\"");
    assert_int_equal(r->tool_choice_json_len, 6);
    assert_string_equal(r->response_format_json, "{\"type\":\"json_object\"}");
    ew_request_free(r);

    /* The legacy max_tokens, the same value twice, tool_choice as an object. */
    r = chat_ok("{\"model\":\"m\"," USER_HI ",\"max_tokens\":7,\"stop\":\"x\","
                "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}}");
    assert_int_equal(r->max_tokens, 7);
    assert_int_equal(r->n_stop, 1);
    assert_string_equal(r->stop[0], "x");
    assert_string_equal(r->tool_choice_json,
                        "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}");
    ew_request_free(r);
    r = chat_ok("{\"model\":\"m\"," USER_HI ",\"max_tokens\":9,\"max_completion_tokens\":9}");
    assert_int_equal(r->max_tokens, 9);
    ew_request_free(r);
}

static void test_parse_nulls_and_edges(void **state)
{
    (void)state;
    /* null is "not given" for every optional parameter. */
    ew_request *r = chat_ok(
        "{\"model\":\"m\"," USER_HI ",\"stream\":null,\"stream_options\":null,\"max_tokens\":null,"
        "\"temperature\":null,\"top_p\":null,\"seed\":null,\"stop\":null,\"user\":null,\"n\":null,"
        "\"logprobs\":null,\"top_logprobs\":null,\"tools\":null,\"tool_choice\":null,"
        "\"response_format\":null,\"logit_bias\":null,\"parallel_tool_calls\":null,"
        "\"frequency_penalty\":null,\"presence_penalty\":null}");
    assert_int_equal(r->max_tokens, -1);
    assert_true(isnan(r->temperature));
    assert_int_equal(r->n_stop, 0);
    assert_null(r->tools_json);
    ew_request_free(r);

    /* Boundaries are inclusive; an empty stop array is no stop. */
    r = chat_ok("{\"model\":\"m\"," USER_HI ",\"temperature\":0,\"top_p\":1,\"stop\":[],"
                "\"max_tokens\":2147483647,\"top_logprobs\":0,\"logprobs\":true,"
                "\"stop\":[\"a\",\"b\",\"c\",\"d\"]}");
    assert_true(r->temperature == 0);
    assert_true(r->top_p == 1);
    assert_int_equal(r->max_tokens, 2147483647);
    assert_int_equal(r->n_stop, 4);
    ew_request_free(r);
    r = chat_ok("{\"model\":\"m\"," USER_HI ",\"temperature\":2.0,\"top_p\":0,\"stop\":[]}");
    assert_true(r->temperature == 2.0);
    assert_int_equal(r->n_stop, 0);
    ew_request_free(r);

    /* Escaped keys are still the keys they spell; strings may hold NUL. */
    r = chat_ok(
        "{\"mod\\u0065l\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\u0000b\"}]}");
    assert_string_equal(r->model, "m");
    assert_int_equal(r->messages[0].content_len, 3);
    assert_memory_equal(r->messages[0].content, "a\0b", 3);
    ew_request_free(r);

    /* Escaped message keys and roles too; a key that only starts like one is unknown. */
    r = chat_ok(
        "{\"model\":\"m\",\"messages\":[{\"r\\u006fle\":\"\\u0073ystem\",\"content\":\"s\"},"
        "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"nam\":1,\"c\\u006fntent\":\"t\"}]}");
    assert_int_equal(r->messages[0].role, EW_ROLE_SYSTEM);
    assert_int_equal(r->messages[1].role, EW_ROLE_TOOL);
    assert_string_equal(r->messages[1].tool_call_id, "c1");
    assert_null(r->messages[1].name);
    assert_string_equal(r->messages[1].content, "t");
    ew_request_free(r);

    /* x_edgeway local false, and an empty-string content. */
    r = chat_ok("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\","
                "\"x_edgeway\":{\"local\":false}}]}");
    assert_false(r->messages[0].keep_local);
    assert_int_equal(r->messages[0].content_len, 0);
    ew_request_free(r);
}

static void test_parse_refusals(void **state)
{
    (void)state;
    /* n other than 1, named as such. */
    chat_refused("{\"model\":\"m\"," USER_HI ",\"n\":2}", "n", "unsupported_value", "n must be 1");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"n\":0}", "n", "unsupported_value", "got 0");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"n\":\"1\"}", "n", "invalid_type", "integer");
    /* Required parameters. */
    chat_refused("{" USER_HI "}", "model", "missing_required_parameter", "'model'");
    chat_refused("{\"model\":\"m\"}", "messages", "missing_required_parameter", "'messages'");
    chat_refused("{\"model\":\"m\",\"messages\":null}", "messages", "missing_required_parameter",
                 "messages");
    chat_refused("{\"model\":\"\"," USER_HI "}", "model", "invalid_value", "1 to 256");
    chat_refused("{\"model\":7," USER_HI "}", "model", "invalid_type",
                 "expected a string, but got number");
    /* Types. */
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stream\":\"yes\"}", "stream", "invalid_type",
                 "expected a boolean, but got string");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"temperature\":\"hot\"}", "temperature",
                 "invalid_type", "number");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"max_tokens\":1.5}", "max_tokens", "invalid_type",
                 "decimal");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"seed\":1e3}", "seed", "invalid_type", "decimal");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"seed\":99999999999999999999}", "seed",
                 "integer_above_max_value", "range");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"user\":1}", "user", "invalid_type", "string");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"tools\":{}}", "tools", "invalid_type", "array");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"tool_choice\":1}", "tool_choice", "invalid_type",
                 "a string or an object");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"response_format\":\"json\"}", "response_format",
                 "invalid_type", "object");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"logit_bias\":[]}", "logit_bias", "invalid_type",
                 "object");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stream_options\":true}", "stream_options",
                 "invalid_type", "object");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stream\":true,\"stream_options\":"
                 "{\"include_usage\":1}}",
                 "stream_options.include_usage", "invalid_type", "boolean");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"parallel_tool_calls\":0}", "parallel_tool_calls",
                 "invalid_type", "boolean");
    /* Ranges. */
    chat_refused("{\"model\":\"m\"," USER_HI ",\"temperature\":2.5}", "temperature",
                 "decimal_above_max_value", "<= 2");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"temperature\":-0.1}", "temperature",
                 "decimal_below_min_value", ">= 0");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"top_p\":1.01}", "top_p", "decimal_above_max_value",
                 "<= 1");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"max_tokens\":0}", "max_tokens",
                 "integer_below_min_value", ">= 1");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"max_completion_tokens\":-5}",
                 "max_completion_tokens", "integer_below_min_value", ">= 1");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"max_tokens\":2147483648}", "max_tokens",
                 "integer_above_max_value", "<= 2147483647");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"top_logprobs\":21,\"logprobs\":true}",
                 "top_logprobs", "integer_above_max_value", "<= 20");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"presence_penalty\":3}", "presence_penalty",
                 "decimal_above_max_value", "<= 2");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"frequency_penalty\":-2.5}", "frequency_penalty",
                 "decimal_below_min_value", ">= -2");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"temperature\":1e999}", "temperature",
                 "invalid_value", "finite");
    /* Rules across parameters. */
    chat_refused("{\"model\":\"m\"," USER_HI ",\"max_tokens\":5,\"max_completion_tokens\":6}",
                 "max_tokens", "invalid_value", "disagree");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stream_options\":{\"include_usage\":true}}",
                 "stream_options", "invalid_value", "only allowed when 'stream' is enabled");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"top_logprobs\":2}", "logprobs", "invalid_value",
                 "'logprobs' must be true");
}

static void test_parse_stop(void **state)
{
    (void)state;
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}", "stop",
                 "array_above_max_length", "maximum length 4");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":[\"a\",3]}", "stop[1]", "invalid_type",
                 "string");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":[\"a\",null]}", "stop[1]", "invalid_type",
                 "null");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":\"\"}", "stop", "invalid_value", "empty");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":[\"\"]}", "stop[0]", "invalid_value",
                 "empty");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":{}}", "stop", "invalid_type",
                 "a string or an array of strings");
    chat_refused("{\"model\":\"m\"," USER_HI ",\"stop\":7}", "stop", "invalid_type", "number");
}

static void test_parse_messages(void **state)
{
    (void)state;
    chat_refused("{\"model\":\"m\",\"messages\":[]}", "messages", "empty_array", "empty array");
    chat_refused("{\"model\":\"m\",\"messages\":{}}", "messages", "invalid_type", "an array");
    chat_refused("{\"model\":\"m\",\"messages\":[\"hi\"]}", "messages[0]", "invalid_type",
                 "an object");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"content\":\"hi\"}]}", "messages[0].role",
                 "missing_required_parameter", "role");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}",
                 "messages[0].role", "invalid_value", "'robot'");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":7,\"content\":\"hi\"}]}",
                 "messages[0].role", "invalid_type", "a string");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"use\",\"content\":\"hi\"}]}",
                 "messages[0].role", "invalid_value", "'use'");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"users\",\"content\":\"hi\"}]}",
                 "messages[0].role", "invalid_value", "'users'");
    /* Names of later messages carry their index. */
    chat_refused("{\"model\":\"m\",\"messages\":[" USER_MSG USER_MSG USER_MSG USER_MSG USER_MSG
                     USER_MSG USER_MSG USER_MSG USER_MSG USER_MSG USER_MSG USER_MSG
                 "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                 "{\"type\":\"text\",\"text\":false}]}]}",
                 "messages[12].content[1].text", "invalid_type", "got boolean");
    chat_refused("{\"model\":\"m\",\"messages\":[" USER_MSG USER_MSG USER_MSG USER_MSG USER_MSG
                     USER_MSG USER_MSG USER_MSG USER_MSG USER_MSG
                 "{\"role\":\"user\",\"content\":\"x\","
                 "\"tool_call_id\":[]}]}",
                 "messages[10].tool_call_id", "invalid_type", "a string");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"function\",\"content\":\"hi\"}]}",
                 "messages[0].role", "unsupported_value", "use 'tool'");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}]}", "messages[0].content",
                 "missing_required_parameter", "content");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":null}]}",
                 "messages[0].content", "missing_required_parameter", "content");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}",
                 "messages[0].content", "invalid_type", "a string or an array of text parts");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[]}]}",
                 "messages[0].content", "empty_array", "empty array");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
                 "messages[0].tool_call_id", "missing_required_parameter", "tool_call_id");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\","
                 "\"name\":1}]}",
                 "messages[0].name", "invalid_type", "string");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":\"x\","
                 "\"tool_calls\":{}}]}",
                 "messages[0].tool_calls", "invalid_type", "array");
    /* Non-text parts get a clear refusal naming the part. */
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                 "\"a\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"look\"},"
                 "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x/y.png\"}}]}]}",
                 "messages[1].content[1].type", "unsupported_value",
                 "only text content parts are supported, but got 'image_url'");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                 "{\"type\":\"input_audio\"}]}]}",
                 "messages[0].content[0].type", "unsupported_value", "input_audio");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[\"hi\"]}]}",
                 "messages[0].content[0]", "invalid_type", "an object");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":"
                 "\"hi\"}]}]}",
                 "messages[0].content[0].type", "missing_required_parameter", "type");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                 "\"text\"}]}]}",
                 "messages[0].content[0].text", "missing_required_parameter", "text");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                 "\"text\",\"text\":[]}]}]}",
                 "messages[0].content[0].text", "invalid_type", "string");
    /* The extension is strict: a typo must not send text to the cloud. */
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\","
                 "\"x_edgeway\":{\"locale\":true}}]}",
                 "messages[0].x_edgeway", "unknown_parameter", "'locale'");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\","
                 "\"x_edgeway\":{\"local\":\"yes\"}}]}",
                 "messages[0].x_edgeway.local", "invalid_type", "boolean");
    chat_refused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\","
                 "\"x_edgeway\":true}]}",
                 "messages[0].x_edgeway", "invalid_type", "object");
}

static void test_parse_bad_json(void **state)
{
    (void)state;
    chat_refused("", "", "invalid_json", "could not parse");
    chat_refused("{\"model\":\"m\",", "", "invalid_json", "could not parse");
    chat_refused("{\"model\":\"m\"}}", "", "invalid_json", "could not parse");
    chat_refused("{'model':'m'}", "", "invalid_json", "could not parse");
    chat_refused("[1,2]", "", "invalid_json", "must be a JSON object, but got array");
    chat_refused("\"text\"", "", "invalid_json", "JSON object");
    chat_refused("{\"model\":\"\\ud800\"}", "", "invalid_json", "could not parse");
    chat_refused("{\"model\":\"\xff\"}", "", "invalid_json", "could not parse");
    /* Too deep to parse at all. */
    char deep[400];
    size_t n = 0;
    deep[n++] = '{';
    memcpy(deep + n, "\"x\":", 4);
    n += 4;
    for (int i = 0; i < 100; i++)
        deep[n++] = '[';
    for (int i = 0; i < 100; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = '\0';
    chat_refused(deep, "", "invalid_json", "too deeply nested");
}

static void test_parse_completions(void **state)
{
    (void)state;
    ew_request *r = parse_ok("{\"model\":\"m\",\"prompt\":\"Once upon\",\"max_tokens\":16,"
                             "\"logprobs\":3,\"echo\":false,\"suffix\":\"\",\"best_of\":1,"
                             "\"messages\":\"ignored here\"}",
                             EW_REQUEST_COMPLETION);
    assert_false(r->is_chat);
    assert_string_equal(r->prompt, "Once upon");
    assert_int_equal(r->prompt_len, 9);
    assert_int_equal(r->n_messages, 0);
    assert_int_equal(r->max_tokens, 16);
    assert_true(r->logprobs);
    assert_int_equal(r->top_logprobs, 3);
    ew_request_free(r);
    r = parse_ok("{\"model\":\"m\",\"prompt\":[\"one\"]}", EW_REQUEST_COMPLETION);
    assert_string_equal(r->prompt, "one");
    ew_request_free(r);

    ew_request_kind c = EW_REQUEST_COMPLETION;
    refused(c, "{\"model\":\"m\"}", 400, "prompt", "missing_required_parameter", "'prompt'");
    refused(c, "{\"model\":\"m\",\"prompt\":[1,2]}", 400, "prompt", "unsupported_value",
            "token arrays");
    refused(c, "{\"model\":\"m\",\"prompt\":[\"a\",\"b\"]}", 400, "prompt", "unsupported_value",
            "batched");
    refused(c, "{\"model\":\"m\",\"prompt\":[]}", 400, "prompt", "empty_array", "empty");
    refused(c, "{\"model\":\"m\",\"prompt\":{}}", 400, "prompt", "invalid_type", "a string");
    refused(c, "{\"model\":\"m\",\"prompt\":\"p\",\"echo\":true}", 400, "echo", "unsupported_value",
            "echo");
    refused(c, "{\"model\":\"m\",\"prompt\":\"p\",\"suffix\":\"end\"}", 400, "suffix",
            "unsupported_value", "suffix");
    refused(c, "{\"model\":\"m\",\"prompt\":\"p\",\"best_of\":3}", 400, "best_of",
            "unsupported_value", "best_of must be 1");
    refused(c, "{\"model\":\"m\",\"prompt\":\"p\",\"logprobs\":6}", 400, "logprobs",
            "integer_above_max_value", "<= 5");
    refused(c, "{\"model\":\"m\",\"prompt\":\"p\",\"logprobs\":true}", 400, "logprobs",
            "invalid_type", "integer");
    refused(c, "{\"model\":\"m\",\"prompt\":\"p\",\"n\":4}", 400, "n", "unsupported_value",
            "n must be 1");
}

static void test_parse_memory_cap(void **state)
{
    (void)state;
    /* Many small messages (within the reader's 65536 values): the parse fits
     * its own memory cap, which scales with the body. */
    size_t cap = 2 * 1024 * 1024;
    char *json = malloc(cap);
    size_t n = (size_t)snprintf(json, cap, "{\"model\":\"m\",\"messages\":[");
    for (int i = 0; i < 4000; i++)
        n += (size_t)snprintf(json + n, cap - n,
                              "%s{\"role\":\"user\",\"content\":[{\"type\":"
                              "\"text\",\"text\":\"\"},{\"type\":\"text\","
                              "\"text\":\"\"}]}",
                              i ? "," : "");
    n += (size_t)snprintf(json + n, cap - n, "]}");
    ew_request *r = NULL;
    ew_api_error e;
    assert_int_equal(ew_request_parse_json(json, n, EW_REQUEST_CHAT, &r, &e), EW_OK);
    assert_int_equal(r->n_messages, 4000);
    assert_int_equal(r->messages[3999].n_parts, 2);
    ew_request_free(r);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_minimal),
        cmocka_unit_test(test_parse_every_field),
        cmocka_unit_test(test_parse_nulls_and_edges),
        cmocka_unit_test(test_parse_refusals),
        cmocka_unit_test(test_parse_stop),
        cmocka_unit_test(test_parse_messages),
        cmocka_unit_test(test_parse_bad_json),
        cmocka_unit_test(test_parse_completions),
        cmocka_unit_test(test_parse_memory_cap),
        cmocka_unit_test(test_error_object),
        cmocka_unit_test(test_error_escaping_and_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
