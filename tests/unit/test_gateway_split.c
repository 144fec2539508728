/* Split inference without the daemon: a request sanitized in every message
 * position and content shape, serialized as the cloud would get it; fail
 * closed; the conversation's vault; and restoring a cloud stream cut at every
 * byte (SSE bytes, and placeholders cut across content deltas). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "edgeway/gateway.h"
#include "gateway/gateway_internal.h"
#include "gateway/split.h"
#include "remote/openai.h"
#include "remote/sse.h"

/* Values and the forms a JSON writer could give them. */
static const char *const secrets[] = {"ana.lopez@example.org",
                                      "4111 1111 1111 1111",
                                      "4111111111111111",
                                      "Ana Lopez",
                                      "José García",
                                      "Jos\\u00e9",
                                      "536-22-8174",
                                      "+1 (415) 555-0132",
                                      "jose.garcia@example.com"};

static const char body[] =
    "{\"model\":\"auto\",\"user\":\"ana.lopez@example.org\","
    "\"stop\":[\"Ana Lopez\"],"
    "\"messages\":["
    "{\"role\":\"system\",\"content\":\"You assist Ana Lopez (SSN 536-22-8174).\"},"
    "{\"role\":\"developer\",\"content\":\"Call +1 (415) 555-0132 if needed.\"},"
    "{\"role\":\"user\",\"name\":\"ana.lopez@example.org\",\"content\":[{\"type\":\"text\","
    "\"text\":\"My card is 4111 1111 \"},{\"type\":\"text\",\"text\":\"1111 1111, mail "
    "ana.lopez@\"},{\"type\":\"text\",\"text\":\"example.org please.\"}]},"
    "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":"
    "\"function\",\"function\":{\"name\":\"send_mail\",\"arguments\":\"{\\\"to\\\":"
    "\\\"jose.garcia@example.com\\\",\\\"name\\\":\\\"Jos\\\\u00e9 Garc\\\\u00eda\\\","
    "\\\"card\\\":\\\"4111111111111111\\\"}\"}}]},"
    "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sent to "
    "jose.garcia@example.com\"},"
    "{\"role\":\"assistant\",\"content\":\"Done, Ana Lopez.\"},"
    "{\"role\":\"user\",\"content\":\"Thanks. My email again: ana.lopez@example.org\"}],"
    "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"send_mail\",\"description\":"
    "\"Mail as ana.lopez@example.org\",\"parameters\":{\"type\":\"object\"}}}],"
    "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"r\",\"schema\":"
    "{\"description\":\"for Ana Lopez\"}}}}";

typedef struct fixture {
    ew_pii_scanner *sc;
    ew_arena arena;
    ew_request *req;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    ew_error err;
    f->sc = ew_pii_scanner_new(NULL, &err);
    assert_non_null(f->sc);
    ew_arena_init(&f->arena, 0, 64u << 20);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ew_pii_scanner_free(f->sc);
    ew_arena_cleanup(&f->arena);
    free(f);
    return 0;
}

static ew_request *parse(fixture *f, const char *json)
{
    ew_request *r = ew_arena_calloc(&f->arena, 1, sizeof *r);
    ew_api_error e;
    int st = ew__request_parse(json, strlen(json), EW_REQUEST_CHAT, &f->arena, r, &e);
    if (st) fail_msg("parse: %s", e.message);
    return r;
}

static ew__split_opts all_types(const fixture *f)
{
    return (ew__split_opts){.scanner = f->sc,
                            .replace = EW_PII_ALL,
                            .never = EW_PII_BIT(EW_PII_CREDIT_CARD) | EW_PII_BIT(EW_PII_EMAIL)};
}

/* The request body the cloud would get. */
static char *wire(const ew_request *r)
{
    ew_buf b;
    ew_buf_init(&b, 1 << 20);
    ew__openai_write_opts o = {.model = "gpt-x"};
    ew_error err;
    assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
    return ew_buf_steal(&b, NULL);
}

static void assert_clean(const char *out)
{
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
        if (strstr(out, secrets[i])) fail_msg("'%s' leaked into %s", secrets[i], out);
    /* Any digit run of a card, however spaced. */
    assert_null(strstr(out, "1111 1111"));
    assert_null(strstr(out, "@example"));
}

static void test_sanitize_every_position(void **state)
{
    fixture *f = *state;
    ew_request *r = parse(f, body);
    ew__split_opts o = all_types(f);
    ew_pii_vault *v = ew_pii_vault_new(0);
    ew_request clean;
    ew__split_stats st = {0};
    ew_error err;
    assert_int_equal(ew__split_sanitize(&o, v, r, &f->arena, &clean, &st, &err), EW_OK);
    char *out = wire(&clean);
    if (getenv("PEEK")) printf("%s\n", out);
    assert_clean(out);
    /* Each position holds its placeholder. */
    assert_non_null(strstr(out, "\"content\":\"You assist [PERSON_1] (SSN [US_SSN_1]).\""));
    assert_non_null(strstr(out, "Call [PHONE_1] if needed."));
    assert_non_null(strstr(out, "\"name\":\"EMAIL_1\"")); /* a valid OpenAI name */
    /* A card and an email cut across content parts are found whole. */
    assert_non_null(strstr(out, "My card is [CREDIT_CARD_1], mail [EMAIL_1] please."));
    /* Tool call arguments: decoded, walked, re-encoded; the same card number
     * written without spaces is the same value. */
    assert_non_null(strstr(out, "\\\"to\\\":\\\"[EMAIL_2]\\\""));
    assert_non_null(strstr(out, "\\\"card\\\":\\\"[CREDIT_CARD_1]\\\""));
    assert_non_null(strstr(out, "sent to [EMAIL_2]"));
    assert_non_null(strstr(out, "Done, [PERSON_1]."));
    assert_non_null(strstr(out, "\"user\":\"[EMAIL_1]\""));
    assert_non_null(strstr(out, "\"stop\":[\"[PERSON_1]\"]"));
    assert_non_null(strstr(out, "Mail as [EMAIL_1]"));
    assert_non_null(strstr(out, "for [PERSON_1]"));
    /* The tool call's ids and names survive. */
    assert_non_null(strstr(out, "\"tool_call_id\":\"call_1\""));
    assert_non_null(strstr(out, "send_mail"));
    assert_true(st.placeholders >= 14);
    assert_true(st.found & EW_PII_BIT(EW_PII_US_SSN));
    assert_true((st.found & o.never) == o.never);

    /* The client sends the history back: the same placeholders again. */
    ew_request again;
    ew__split_stats st2 = {0};
    assert_int_equal(ew__split_sanitize(&o, v, r, &f->arena, &again, &st2, &err), EW_OK);
    char *out2 = wire(&again);
    assert_string_equal(out, out2);
    free(out2);
    free(out);
    ew_pii_vault_free(v);
}

/* Only never_remote and configured types are replaced. */
static void test_sanitize_types(void **state)
{
    fixture *f = *state;
    ew_request *r = parse(f, body);
    ew__split_opts o = {.scanner = f->sc,
                        .never = EW_PII_BIT(EW_PII_CREDIT_CARD),
                        .replace = EW_PII_BIT(EW_PII_CREDIT_CARD) | EW_PII_BIT(EW_PII_US_SSN)};
    ew_pii_vault *v = ew_pii_vault_new(0);
    ew_request clean;
    ew__split_stats st = {0};
    ew_error err;
    assert_int_equal(ew__split_sanitize(&o, v, r, &f->arena, &clean, &st, &err), EW_OK);
    char *out = wire(&clean);
    assert_null(strstr(out, "4111"));
    assert_null(strstr(out, "536-22-8174"));
    assert_non_null(strstr(out, "ana.lopez@example.org"));
    assert_non_null(strstr(out, "Ana Lopez"));
    assert_int_equal(st.replaced, o.replace);
    assert_true(st.found & EW_PII_BIT(EW_PII_EMAIL));
    free(out);
    ew_pii_vault_free(v);
}

static void test_fail_closed(void **state)
{
    fixture *f = *state;
    ew_request *r = parse(f, body);
    ew_request clean;
    ew__split_stats st = {0};
    ew_error err;
    /* A scan that cannot complete. */
    ew_pii_options po;
    ew_pii_options_init(&po);
    po.max_input = 16;
    ew_pii_scanner *tiny = ew_pii_scanner_new(&po, &err);
    ew__split_opts o = {.scanner = tiny, .replace = EW_PII_ALL};
    ew_pii_vault *v = ew_pii_vault_new(0);
    assert_int_equal(ew__split_sanitize(&o, v, r, &f->arena, &clean, &st, &err), EW_ERR_DENIED);
    ew_pii_scanner_free(tiny);
    /* No detector at all. */
    o.scanner = NULL;
    assert_int_equal(ew__split_sanitize(&o, v, r, &f->arena, &clean, &st, &err),
                     EW_ERR_UNAVAILABLE);
    ew_pii_vault_free(v);
    /* A vault too small for the values. */
    o = all_types(f);
    v = ew_pii_vault_new(24);
    assert_int_equal(ew__split_sanitize(&o, v, r, &f->arena, &clean, &st, &err), EW_ERR_TOO_LARGE);
    ew_pii_vault_free(v);
    /* Tool calls that are not JSON cannot be walked. */
    v = ew_pii_vault_new(0);
    const char *out;
    size_t n;
    assert_int_equal(ew__split_sanitize_json(&o, v, "[\"a\",", 5, &f->arena, &out, &n, &st, &err),
                     EW_ERR_DENIED);
    ew_pii_vault_free(v);
    /* Client text naming a placeholder this conversation holds. */
    v = ew_pii_vault_new(0);
    const char *first = "mail ana.lopez@example.org";
    assert_int_equal(
        ew__split_sanitize_text(&o, v, first, strlen(first), &f->arena, &out, &n, &st, &err),
        EW_OK);
    const char *probes[] = {"what is [EMAIL_1]?", "say email_1 now", "[Email_1]"};
    for (int i = 0; i < 3; i++)
        assert_int_equal(ew__split_sanitize_text(&o, v, probes[i], strlen(probes[i]), &f->arena,
                                                 &out, &n, &st, &err),
                         EW_ERR_DENIED);
    const char *fine = "what is [EMAIL_2] or EMAIL_1x?";
    assert_int_equal(
        ew__split_sanitize_text(&o, v, fine, strlen(fine), &f->arena, &out, &n, &st, &err), EW_OK);
    ew_pii_vault_free(v);
}

/* ---- restoring ------------------------------------------------------------------------- */

static int buf_write(void *user, const char *data, size_t len)
{
    return ew_buf_append(user, data, len);
}

typedef struct sink {
    ew__split_restorer *r;
    ew_buf out;
    ew_arena a;
} sink;

static int on_event(void *user, const ew__sse_event *ev)
{
    sink *s = user;
    if (ev->data_len == 6 && !memcmp(ev->data, "[DONE]", 6)) return EW_OK;
    ew__openai_delta d;
    ew_error err;
    int st = ew__openai_parse_chunk(ev->data, ev->data_len, NULL, &s->a, &d, &err);
    if (st) return st;
    return d.content_len
               ? ew__split_restore_text(s->r, d.content, d.content_len, buf_write, &s->out)
               : EW_OK;
}

/* Builds a vault holding [EMAIL_1], [PERSON_1], [CREDIT_CARD_1]. */
static ew_pii_vault *vault_of(fixture *f)
{
    ew_pii_vault *v = ew_pii_vault_new(0);
    ew__split_opts o = all_types(f);
    ew__split_stats st = {0};
    ew_error err;
    const char *out;
    size_t n;
    const char *t = "My name is Ana Lopez, ana.lopez@example.org, card 4111 1111 1111 1111.";
    assert_int_equal(ew__split_sanitize_text(&o, v, t, strlen(t), &f->arena, &out, &n, &st, &err),
                     EW_OK);
    assert_string_equal(out, "My name is [PERSON_1], [EMAIL_1], card [CREDIT_CARD_1].");
    return v;
}

static void sse_piece(ew_buf *b, const char *text, size_t len)
{
    ew_buf_append_str(b, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
    ew_json_escape(b, text, len);
    ew_buf_append_str(b, "\"}}]}\n\n");
}

static void run_stream(const ew_pii_vault *v, const char *sse, size_t len, size_t cut,
                       const char *want)
{
    sink s;
    s.r = ew__split_restorer_new(v);
    ew_buf_init(&s.out, 1 << 16);
    ew_arena_init(&s.a, 0, 1 << 20);
    ew__sse p;
    ew__sse_init(&p, 0, 0);
    ew_error err;
    assert_int_equal(ew__sse_feed(&p, sse, cut, on_event, &s, &err), EW_OK);
    assert_int_equal(ew__sse_feed(&p, sse + cut, len - cut, on_event, &s, &err), EW_OK);
    assert_int_equal(ew__split_restore_finish(s.r, buf_write, &s.out), EW_OK);
    ew_buf_append(&s.out, "", 0);
    if (strcmp(s.out.data, want)) fail_msg("cut %zu: got '%s'", cut, s.out.data);
    assert_int_equal(ew__split_restore_misses(s.r), 0);
    ew__sse_cleanup(&p);
    ew_arena_cleanup(&s.a);
    ew_buf_cleanup(&s.out);
    ew__split_restorer_free(s.r);
}

static const char answer[] = "Dear [PERSON_1], I wrote to [EMAIL_1] about card [CREDIT_CARD_1]; "
                             "[Person_1] and email_1 too.";
static const char restored[] = "Dear Ana Lopez, I wrote to ana.lopez@example.org about card "
                               "4111 1111 1111 1111; Ana Lopez and ana.lopez@example.org too.";

/* The cloud's SSE bytes in 7-byte content pieces, cut at every byte. */
static void test_restore_sse_every_byte(void **state)
{
    fixture *f = *state;
    ew_pii_vault *v = vault_of(f);
    ew_buf sse;
    ew_buf_init(&sse, 1 << 16);
    size_t n = strlen(answer);
    for (size_t i = 0; i < n; i += 7)
        sse_piece(&sse, answer + i, n - i < 7 ? n - i : 7);
    /* A writer may escape the bracket: still the same placeholder. */
    ew_buf_append_str(&sse, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" "
                            "\\u005bEMAIL_1\\u005d\"}}]}\n\ndata: [DONE]\n\n");
    char want[512];
    snprintf(want, sizeof want, "%s ana.lopez@example.org", restored);
    for (size_t cut = 0; cut <= sse.len; cut++)
        run_stream(v, sse.data, sse.len, cut, want);
    ew_buf_cleanup(&sse);
    ew_pii_vault_free(v);
}

/* Two content deltas split the answer at every position. */
static void test_restore_delta_every_cut(void **state)
{
    fixture *f = *state;
    ew_pii_vault *v = vault_of(f);
    size_t n = strlen(answer);
    for (size_t c = 0; c <= n; c++) {
        ew_buf sse;
        ew_buf_init(&sse, 1 << 16);
        sse_piece(&sse, answer, c);
        sse_piece(&sse, answer + c, n - c);
        run_stream(v, sse.data, sse.len, sse.len / 2, restored);
        ew_buf_cleanup(&sse);
    }
    ew_pii_vault_free(v);
}

/* A placeholder the vault does not hold is a miss and stays as it is. */
static void test_restore_miss(void **state)
{
    fixture *f = *state;
    ew_pii_vault *v = vault_of(f);
    ew__split_restorer *r = ew__split_restorer_new(v);
    ew_buf out;
    ew_buf_init(&out, 4096);
    const char *t = "to [EMAIL_1] and [EMAIL_9] and [PHONE_2]";
    assert_int_equal(ew__split_restore_text(r, t, strlen(t), buf_write, &out), EW_OK);
    assert_int_equal(ew__split_restore_finish(r, buf_write, &out), EW_OK);
    ew_buf_append(&out, "", 0);
    assert_string_equal(out.data, "to ana.lopez@example.org and [EMAIL_9] and [PHONE_2]");
    assert_int_equal(ew__split_restore_misses(r), 2);
    ew_buf_cleanup(&out);
    ew__split_restorer_free(r);
    ew_pii_vault_free(v);
}

static void test_restore_tool_calls(void **state)
{
    fixture *f = *state;
    ew_pii_vault *v = vault_of(f);
    ew__split_restorer *r = ew__split_restorer_new(v);
    ew_buf out;
    ew_buf_init(&out, 1 << 16);
    /* Whole: every string, the arguments' JSON included. */
    const char *whole = "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"mail\","
                        "\"arguments\":\"{\\\"to\\\":\\\"[EMAIL_1]\\\"}\"}}]";
    assert_int_equal(ew__split_restore_tool_calls(r, whole, strlen(whole), false, &out), EW_OK);
    assert_non_null(strstr(out.data, "\\\"to\\\":\\\"ana.lopez@example.org\\\""));
    /* Stream deltas cut a placeholder; the tail comes at the end. */
    const char *d1 = "[{\"index\":0,\"function\":{\"arguments\":\"{\\\"who\\\":\\\"[PERS\"}}]";
    const char *d2 =
        "[{\"index\":0,\"function\":{\"arguments\":\"ON_1]\\\",\\\"c\\\":\\\"[CRED\"}}]";
    ew_buf all;
    ew_buf_init(&all, 1 << 16);
    assert_int_equal(ew__split_restore_tool_calls(r, d1, strlen(d1), true, &out), EW_OK);
    assert_null(strstr(out.data, "PERS"));
    ew_buf_append(&all, out.data, out.len);
    assert_int_equal(ew__split_restore_tool_calls(r, d2, strlen(d2), true, &out), EW_OK);
    assert_non_null(strstr(out.data, "Ana Lopez"));
    ew_buf_append(&all, out.data, out.len);
    assert_int_equal(ew__split_restore_tool_tail(r, &out), EW_OK);
    assert_string_equal(out.data, "[{\"index\":0,\"function\":{\"arguments\":\"[CRED\"}}]");
    ew_buf_cleanup(&all);
    ew_buf_cleanup(&out);
    ew__split_restorer_free(r);
    ew_pii_vault_free(v);
}

/* ---- conversations ----------------------------------------------------------------------- */

static void test_conversation_key(void **state)
{
    fixture *f = *state;
    ew_request *a = parse(f, "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":"
                             "\"S\"},{\"role\":\"user\",\"content\":\"first\"}]}");
    ew_request *b = parse(f, "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":"
                             "\"S\"},{\"role\":\"user\",\"content\":\"first\"},{\"role\":"
                             "\"assistant\",\"content\":\"x\"},{\"role\":\"user\",\"content\":"
                             "\"second\"}]}");
    uint8_t ka[32], kb[32], kc[32], kd[32], ke[32];
    ew__split_conversation_key("t", "k", NULL, 0, a, ka);
    ew__split_conversation_key("t", "k", NULL, 0, b, kb);
    assert_memory_equal(ka, kb, 32); /* the same conversation, later */
    ew__split_conversation_key("t2", "k", NULL, 0, a, kc);
    assert_memory_not_equal(ka, kc, 32); /* another tenant never shares it */
    ew__split_conversation_key("t", "k", "conv-1", 6, a, kd);
    ew__split_conversation_key("t", "k", "conv-1", 6, b, ke);
    assert_memory_equal(kd, ke, 32);
    assert_memory_not_equal(ka, kd, 32);
}

static void test_vault_store(void **state)
{
    (void)state;
    ew__vault_store *s = ew__vault_store_new();
    ew__vault_store_limits lim = {.max_conversations = 2, .ttl_ms = 1000, .vault_bytes = 4096};
    uint8_t k1[32] = {1}, k2[32] = {2}, k3[32] = {3};
    ew_pii_vault *v1 = ew__vault_store_get(s, &lim, k1, 0);
    assert_non_null(v1);
    assert_ptr_equal(ew__vault_store_get(s, &lim, k1, 10), v1); /* held twice now */
    ew__vault_store_release(s, v1);
    ew_pii_vault *v2 = ew__vault_store_get(s, &lim, k2, 20);
    assert_non_null(v2);
    /* Full, and both held: no room, nothing evicted from under its user. */
    assert_null(ew__vault_store_get(s, &lim, k3, 30));
    ew__vault_store_release(s, v1);
    /* Now k1 (idle, least recently used) goes. */
    ew_pii_vault *v3 = ew__vault_store_get(s, &lim, k3, 40);
    assert_non_null(v3);
    assert_int_equal(ew__vault_store_size(s), 2);
    assert_ptr_equal(ew__vault_store_get(s, &lim, k2, 50), v2);
    ew__vault_store_release(s, v2);
    ew__vault_store_release(s, v2);
    ew__vault_store_release(s, v3);
    /* Expired: a fresh vault for the same key. */
    ew_pii_vault *v2b = ew__vault_store_get(s, &lim, k2, 5000);
    assert_non_null(v2b);
    assert_int_equal(ew_pii_vault_size(v2b), 0);
    ew__vault_store_release(s, v2b);
    ew__vault_store_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sanitize_every_position, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sanitize_types, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fail_closed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restore_sse_every_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restore_delta_every_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restore_miss, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restore_tool_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conversation_key, setup, teardown),
        cmocka_unit_test(test_vault_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
