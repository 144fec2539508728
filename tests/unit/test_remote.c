/* remote/ without a network: SSE parser (every split point), OpenAI wire
 * format, circuit breaker and health, secret redaction. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "edgeway/gateway.h"
#include "remote/health.h"
#include "remote/openai.h"
#include "remote/remote.h"
#include "remote/remote_priv.h"
#include "remote/sse.h"

/* ---- SSE ------------------------------------------------------------------------------ */

/* Events are recorded as "type|data|id\n" lines. */
typedef struct rec {
    ew_buf log;
    int n;
    int stop_at; /* return EW_ERR_CANCELLED at this event (1-based); 0 = never */
} rec;

static int rec_event(void *user, const ew__sse_event *ev)
{
    rec *r = user;
    r->n++;
    ew_buf_append(&r->log, ev->type, ev->type_len);
    ew_buf_append_char(&r->log, '|');
    ew_buf_append(&r->log, ev->data, ev->data_len);
    ew_buf_append_char(&r->log, '|');
    ew_buf_append(&r->log, ev->id, ev->id_len);
    ew_buf_append_char(&r->log, '\n');
    return r->n == r->stop_at ? EW_ERR_CANCELLED : EW_OK;
}

static void rec_init(rec *r)
{
    memset(r, 0, sizeof *r);
    ew_buf_init(&r->log, 1 << 20);
}

static const char sse_stream[] = "\xEF\xBB\xBF: opening comment\r\n"
                                 "data: {\"a\":1}\n\n"
                                 "data:x\r\ndata: y\r\n\r\n"
                                 "event: ping\ndata: p\n\n"
                                 "id: 7\rdata: z\r\r"
                                 ": keep-alive\n\n"
                                 "event: dropped\n\n"
                                 "data\n\n"
                                 "retry: 3000\n"
                                 "data:  two spaces\ndata:\n\n"
                                 "data: caf\xC3\xA9 \xF0\x9F\x98\x80\r\n\r\n"
                                 "data: [DONE]\n\n";

static const char sse_expected[] = "|{\"a\":1}|\n"
                                   "|x\ny|\n"
                                   "ping|p|\n"
                                   "|z|7\n"
                                   "||7\n"
                                   "| two spaces\n|7\n"
                                   "|caf\xC3\xA9 \xF0\x9F\x98\x80|7\n"
                                   "|[DONE]|7\n";

/* Feeds s in pieces cut at the given points; checks the events. */
static void feed_cut(const char *s, size_t len, const size_t *cuts, int n_cuts)
{
    ew__sse p;
    ew__sse_init(&p, 0, 0);
    rec r;
    rec_init(&r);
    size_t at = 0;
    for (int i = 0; i <= n_cuts; i++) {
        size_t end = i < n_cuts ? cuts[i] : len;
        /* An exact-size copy, so ASan sees any read past the piece. */
        size_t n = end - at;
        char *piece = malloc(n ? n : 1);
        memcpy(piece, s + at, n);
        ew_error err;
        int st = ew__sse_feed(&p, piece, n, rec_event, &r, &err);
        free(piece);
        if (st) fail_msg("cut at %zu: %s", at, err.message);
        at = end;
    }
    if (strcmp(r.log.data ? r.log.data : "", sse_expected))
        fail_msg("cuts %d (%zu,%zu): got\n%s", n_cuts, n_cuts > 0 ? cuts[0] : 0,
                 n_cuts > 1 ? cuts[1] : 0, r.log.data);
    assert_false(ew__sse_pending(&p));
    assert_int_equal(p.retry_ms, 3000);
    assert_int_equal(p.comments, 2);
    ew_buf_cleanup(&r.log);
    ew__sse_cleanup(&p);
}

static void test_sse_every_split(void **state)
{
    (void)state;
    size_t len = sizeof sse_stream - 1;
    feed_cut(sse_stream, len, NULL, 0);
    for (size_t a = 0; a <= len; a++)
        feed_cut(sse_stream, len, &a, 1);
    for (size_t a = 0; a <= len; a++)
        for (size_t b = a; b <= len; b += 3) {
            size_t cuts[2] = {a, b};
            feed_cut(sse_stream, len, cuts, 2);
        }
    /* One byte at a time. */
    size_t *cuts = malloc(len * sizeof *cuts);
    for (size_t i = 0; i < len; i++)
        cuts[i] = i + 1;
    feed_cut(sse_stream, len, cuts, (int)len - 1);
    free(cuts);
}

/* Feeds all of s at once and then byte by byte; both must fail alike. */
static void expect_sse_error(const char *s, size_t len, size_t max_line, size_t max_event, int want,
                             const char *where)
{
    for (int bytewise = 0; bytewise < 2; bytewise++) {
        ew__sse p;
        ew__sse_init(&p, max_line, max_event);
        rec r;
        rec_init(&r);
        ew_error err;
        memset(&err, 0, sizeof err);
        int st = EW_OK;
        for (size_t i = 0; i < len && !st; i += bytewise ? 1 : len)
            st = ew__sse_feed(&p, s + i, bytewise ? 1 : len, rec_event, &r, &err);
        if (st != want || (where && !strstr(err.message, where)))
            fail_msg("%.*s (bytewise %d): %s \"%s\", want %s with \"%s\"", (int)len, s, bytewise,
                     ew_status_name(st), err.message, ew_status_name(want), where ? where : "");
        /* Sticky: nothing more is parsed. */
        assert_int_equal(ew__sse_feed(&p, "data: x\n\n", 9, rec_event, &r, &err), want);
        ew_buf_cleanup(&r.log);
        ew__sse_cleanup(&p);
    }
}

static void test_sse_errors(void **state)
{
    (void)state;
    const char *html = "<html><body>Bad Gateway</body></html>\n";
    expect_sse_error(html, strlen(html), 0, 0, EW_ERR_PARSE, "byte 0");
    const char *late = "data: a\n\nbogus line\n";
    expect_sse_error(late, strlen(late), 0, 0, EW_ERR_PARSE, "byte 9");
    const char *nul = "data: a\n\0x\n";
    expect_sse_error(nul, 11, 0, 0, EW_ERR_PARSE, "byte 8");
    const char *utf = "data: \xFF\n\n";
    expect_sse_error(utf, strlen(utf), 0, 0, EW_ERR_UTF8, "byte 0");
    /* Line cap 16: a 16-byte line passes, 17 bytes fail, cut or not. */
    const char *ok16 = "data: 0123456789\n\n";
    ew__sse p;
    ew__sse_init(&p, 16, 0);
    rec r;
    rec_init(&r);
    assert_int_equal(ew__sse_feed(&p, ok16, strlen(ok16), rec_event, &r, NULL), EW_OK);
    assert_int_equal(r.n, 1);
    ew_buf_cleanup(&r.log);
    ew__sse_cleanup(&p);
    const char *long17 = "data: 0123456789A\n\n";
    expect_sse_error(long17, strlen(long17), 16, 0, EW_ERR_TOO_LARGE, "longer than 16");
    const char *nonl = "data: 0123456789ABCDEF";
    expect_sse_error(nonl, strlen(nonl), 16, 0, EW_ERR_TOO_LARGE, "byte 0");
    /* Event cap 10 across data lines ("aaaa\nbbbb\ncc" is 12). */
    const char *big = "data: aaaa\ndata: bbbb\ndata: cc\n\n";
    expect_sse_error(big, strlen(big), 0, 10, EW_ERR_TOO_LARGE, "event data");
}

static void test_sse_pending_and_stop(void **state)
{
    (void)state;
    ew__sse p;
    ew__sse_init(&p, 0, 0);
    rec r;
    rec_init(&r);
    assert_false(ew__sse_pending(&p));
    assert_int_equal(ew__sse_feed(&p, "data: x", 7, rec_event, &r, NULL), EW_OK);
    assert_true(ew__sse_pending(&p)); /* inside a line */
    assert_int_equal(ew__sse_feed(&p, "\n", 1, rec_event, &r, NULL), EW_OK);
    assert_true(ew__sse_pending(&p)); /* inside an event */
    assert_int_equal(ew__sse_feed(&p, "\n", 1, rec_event, &r, NULL), EW_OK);
    assert_false(ew__sse_pending(&p));
    assert_int_equal(r.n, 1);
    /* A CR ending one chunk and an LF starting the next are one line end. */
    assert_int_equal(ew__sse_feed(&p, "data: y\r", 8, rec_event, &r, NULL), EW_OK);
    assert_int_equal(ew__sse_feed(&p, "\n\r", 2, rec_event, &r, NULL), EW_OK);
    assert_int_equal(r.n, 2);
    assert_int_equal(ew__sse_feed(&p, "", 0, rec_event, &r, NULL), EW_OK);
    /* A callback's refusal stops the feed and sticks. */
    ew__sse_reset(&p);
    ew_buf_reset(&r.log);
    r.n = 0;
    r.stop_at = 2;
    const char *three = "data: 1\n\ndata: 2\n\ndata: 3\n\n";
    assert_int_equal(ew__sse_feed(&p, three, strlen(three), rec_event, &r, NULL), EW_ERR_CANCELLED);
    assert_int_equal(r.n, 2);
    assert_int_equal(ew__sse_feed(&p, "data: 4\n\n", 9, rec_event, &r, NULL), EW_ERR_CANCELLED);
    assert_int_equal(r.n, 2);
    /* Reset starts a fresh stream; ids do not leak across. */
    ew__sse_reset(&p);
    ew_buf_reset(&r.log);
    r.n = 0;
    r.stop_at = 0;
    /* An id holding NUL is ignored, as the spec says. */
    const char *ids = "id: a\ndata: 1\n\nid: b\0c\ndata: 2\n\n";
    assert_int_equal(ew__sse_feed(&p, ids, 32, rec_event, &r, NULL), EW_OK);
    assert_string_equal(r.log.data, "|1|a\n|2|a\n");
    ew__sse_reset(&p);
    ew_buf_reset(&r.log);
    const char *ids2 = "id: a\ndata: 1\n\nid\ndata: 2\n\n";
    assert_int_equal(ew__sse_feed(&p, ids2, strlen(ids2), rec_event, &r, NULL), EW_OK);
    assert_string_equal(r.log.data, "|1|a\n|2|\n");
    ew_buf_cleanup(&r.log);
    ew__sse_cleanup(&p);
}

/* ---- OpenAI wire format ---------------------------------------------------------------- */

static void test_openai_write(void **state)
{
    (void)state;
    ew_text_part part = {"Hi \"there\" \xC3\xA9", 13};
    ew_message msgs[4] = {
        {.role = EW_ROLE_SYSTEM, .content = "Be brief.", .content_len = 9},
        {.role = EW_ROLE_USER,
         .parts = &part,
         .n_parts = 1,
         .content = part.text,
         .content_len = part.len,
         .name = "ann"},
        {.role = EW_ROLE_ASSISTANT,
         .content = "",
         .content_len = 0,
         .tool_calls_json = "[{\"id\":\"c1\",\"type\":\"function\"}]"},
        {.role = EW_ROLE_TOOL, .content = "42", .content_len = 2, .tool_call_id = "c1"},
    };
    ew_request req = {
        .model = "cloud",
        .is_chat = true,
        .messages = msgs,
        .n_messages = 4,
        .stream = true,
        .max_tokens = 64,
        .temperature = 0.5,
        .top_p = NAN,
        .has_seed = true,
        .seed = -3,
        .stop = {"\n\n", "END"},
        .n_stop = 2,
        .user = "u1",
        .tools_json = "[{\"type\":\"function\"}]",
        .response_format_json = "{\"type\":\"json_object\"}",
    };
    msgs[2].tool_calls_json_len = strlen(msgs[2].tool_calls_json);
    req.tools_json_len = strlen(req.tools_json);
    req.response_format_json_len = strlen(req.response_format_json);
    ew_buf b;
    ew_buf_init(&b, 1 << 16);
    ew__openai_write_opts o = {.model = "gpt-4o-mini", .stream = true, .stream_usage = true};
    ew_error err;
    assert_int_equal(ew__openai_write_request(&b, &req, &o, &err), EW_OK);
    ew_json_doc doc;
    assert_int_equal(ew_json_parse(&doc, b.data, b.len, NULL, &err), EW_OK);
    assert_true(ew_json_string_eq(&doc, ew_json_get(&doc, 0, "model"), "gpt-4o-mini"));
    assert_true(ew_json_string_eq(&doc, ew_json_path(&doc, 0, "messages[1].content"),
                                  "Hi \"there\" \xC3\xA9"));
    assert_true(ew_json_string_eq(&doc, ew_json_path(&doc, 0, "messages[1].name"), "ann"));
    assert_true(ew_json_string_eq(&doc, ew_json_path(&doc, 0, "messages[2].role"), "assistant"));
    assert_int_equal(ew_json_type_of(&doc, ew_json_path(&doc, 0, "messages[2].content")),
                     EW_JSON_NULL);
    assert_true(
        ew_json_string_eq(&doc, ew_json_path(&doc, 0, "messages[2].tool_calls[0].id"), "c1"));
    assert_true(ew_json_string_eq(&doc, ew_json_path(&doc, 0, "messages[3].tool_call_id"), "c1"));
    bool bv = false;
    assert_int_equal(ew_json_bool(&doc, ew_json_path(&doc, 0, "stream_options.include_usage"), &bv),
                     EW_OK);
    assert_true(bv);
    int64_t v = 0;
    assert_int_equal(ew_json_int64(&doc, ew_json_get(&doc, 0, "max_tokens"), &v), EW_OK);
    assert_int_equal(v, 64);
    assert_int_equal(ew_json_int64(&doc, ew_json_get(&doc, 0, "seed"), &v), EW_OK);
    assert_int_equal(v, -3);
    assert_int_equal(ew_json_get(&doc, 0, "top_p"), -1); /* NaN = not given */
    assert_true(ew_json_string_eq(&doc, ew_json_path(&doc, 0, "stop[1]"), "END"));
    assert_true(
        ew_json_string_eq(&doc, ew_json_path(&doc, 0, "response_format.type"), "json_object"));
    assert_int_equal(ew_json_count(&doc, ew_json_get(&doc, 0, "tools")), 1);
    ew_json_doc_cleanup(&doc);

    /* Non-stream: no stream_options; keep_local never leaves. */
    ew_buf_reset(&b);
    o.stream = false;
    req.stream = false;
    assert_int_equal(ew__openai_write_request(&b, &req, &o, &err), EW_OK);
    assert_null(strstr(b.data, "stream_options"));
    msgs[1].keep_local = true;
    ew_buf_reset(&b);
    assert_int_equal(ew__openai_write_request(&b, &req, &o, &err), EW_ERR_DENIED);
    assert_non_null(strstr(err.message, "messages[1]"));
    /* An upstream on the device (a url model) may have it; the mark itself
     * is edgeway's and is not sent. */
    ew_buf_reset(&b);
    o.on_device = true;
    assert_int_equal(ew__openai_write_request(&b, &req, &o, &err), EW_OK);
    assert_non_null(strstr(b.data, "\"messages\""));
    assert_null(strstr(b.data, "x_edgeway"));
    o.on_device = false;
    msgs[1].keep_local = false;
    /* Text completions. */
    ew_request comp = {.model = "m",
                       .prompt = "Once",
                       .prompt_len = 4,
                       .max_tokens = -1,
                       .temperature = NAN,
                       .top_p = NAN};
    ew_buf_reset(&b);
    assert_int_equal(ew__openai_write_request(&b, &comp, &o, &err), EW_OK);
    assert_string_equal(b.data, "{\"model\":\"gpt-4o-mini\",\"prompt\":\"Once\",\"stream\":false}");
    assert_string_equal(ew__openai_path(&comp), "/completions");
    assert_string_equal(ew__openai_path(&req), "/chat/completions");
    /* The body cap. */
    ew_buf small;
    ew_buf_init(&small, 32);
    assert_int_equal(ew__openai_write_request(&small, &req, &o, &err), EW_ERR_TOO_LARGE);
    ew_buf_cleanup(&small);
    ew_buf_cleanup(&b);
}

/* The content of a message (and a completions prompt) as the client spelled
 * it goes out byte for byte (no unescape and escape again), and only while
 * the field still holds the text it spells: a replaced or shortened content
 * is escaped anew. */
static void test_openai_write_spelling(void **state)
{
    (void)state;
    static const char spelled[] = "tab\\t\\u00e9 \\ud83d\\ude00 \\/ \\\"q\\\" caf\xc3\xa9\\u0000!";
    char body[256];
    snprintf(body, sizeof body,
             "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"plain text\"},"
             "{\"role\":\"user\",\"content\":\"%s\"}]}",
             spelled);
    ew_request *r = NULL;
    ew_api_error e;
    assert_int_equal(ew_request_parse_json(body, strlen(body), EW_REQUEST_CHAT, &r, &e), EW_OK);
    ew_buf b;
    ew_buf_init(&b, 1 << 16);
    ew__openai_write_opts o = {.model = "up"};
    ew_error err;
    assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
    char want[300];
    snprintf(want, sizeof want,
             "{\"model\":\"up\",\"messages\":[{\"role\":\"system\",\"content\":\"plain text\"},"
             "{\"role\":\"user\",\"content\":\"%s\"}],\"stream\":false}",
             spelled);
    assert_string_equal(b.data, want);
    /* It means the same text: read back, the content is the parsed one. */
    ew_json_doc doc;
    assert_int_equal(ew_json_parse(&doc, b.data, b.len, NULL, &err), EW_OK);
    ew_arena a;
    ew_arena_init(&a, 0, 1 << 16);
    size_t n = 0;
    char *back = ew_json_string(&doc, ew_json_path(&doc, 0, "messages[1].content"), &a, &n);
    assert_int_equal(n, r->messages[1].content_len);
    assert_memory_equal(back, r->messages[1].content, n);
    ew_json_doc_cleanup(&doc);

    /* A content replaced (as the split route does) is written from its new text. */
    ew_message *m = &r->messages[1];
    const char *orig = m->content;
    size_t orig_len = m->content_len;
    m->content = "new \"text\"";
    m->content_len = strlen(m->content);
    ew_buf_reset(&b);
    assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
    assert_non_null(strstr(b.data, "\"content\":\"new \\\"text\\\"\""));
    assert_null(strstr(b.data, "ud83d"));
    /* So is a shortened one, at the same address. */
    m->content = orig;
    m->content_len = 4;
    ew_buf_reset(&b);
    assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
    assert_non_null(strstr(b.data, "\"content\":\"tab\\t\"}"));
    m->content_len = orig_len;
    ew_buf_reset(&b);
    assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
    assert_string_equal(b.data, want);
    ew_request_free(r);

    /* A completions prompt too, given as a string or as [string]. */
    for (int arr = 0; arr < 2; arr++) {
        snprintf(body, sizeof body, "{\"model\":\"m\",\"prompt\":%s\"%s\"%s}", arr ? "[" : "",
                 spelled, arr ? "]" : "");
        assert_int_equal(ew_request_parse_json(body, strlen(body), EW_REQUEST_COMPLETION, &r, &e),
                         EW_OK);
        ew_buf_reset(&b);
        assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
        snprintf(want, sizeof want, "{\"model\":\"up\",\"prompt\":\"%s\",\"stream\":false}",
                 spelled);
        assert_string_equal(b.data, want);
        r->prompt_len = 3;
        ew_buf_reset(&b);
        assert_int_equal(ew__openai_write_request(&b, r, &o, &err), EW_OK);
        assert_string_equal(b.data, "{\"model\":\"up\",\"prompt\":\"tab\",\"stream\":false}");
        ew_request_free(r);
    }
    ew_arena_cleanup(&a);
    ew_buf_cleanup(&b);
}

static void test_openai_parse(void **state)
{
    (void)state;
    ew_arena a;
    ew_arena_init(&a, 0, 1 << 20);
    ew__openai_delta d;
    ew_error err;
    const char *c1 = "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
                     "\"assistant\",\"content\":\"He\\u0000llo\\n\"},\"finish_reason\":null}]}";
    assert_int_equal(ew__openai_parse_chunk(c1, strlen(c1), NULL, &a, &d, &err), EW_OK);
    assert_true(d.has_choice);
    assert_string_equal(d.role, "assistant");
    assert_int_equal(d.content_len, 7);
    assert_memory_equal(d.content, "He\0llo\n", 7);
    assert_null(d.finish_reason);
    assert_string_equal(d.model, "m");
    assert_false(d.usage.present);

    const char *c2 = "{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}";
    assert_int_equal(ew__openai_parse_chunk(c2, strlen(c2), NULL, &a, &d, &err), EW_OK);
    assert_string_equal(d.finish_reason, "length");
    assert_null(d.content);

    const char *c3 = "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,"
                     "\"total_tokens\":12}}";
    assert_int_equal(ew__openai_parse_chunk(c3, strlen(c3), NULL, &a, &d, &err), EW_OK);
    assert_false(d.has_choice);
    assert_true(d.usage.present);
    assert_int_equal(d.usage.total_tokens, 12);

    const char *c4 = "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                     "{\"arguments\":\"{\\\"a\\\"\"}}]}}]}";
    assert_int_equal(ew__openai_parse_chunk(c4, strlen(c4), NULL, &a, &d, &err), EW_OK);
    assert_non_null(d.tool_calls);
    assert_int_equal(d.tool_calls[0], '[');
    assert_int_equal(d.tool_calls[d.tool_calls_len - 1], ']');

    const char *t1 = "{\"choices\":[{\"text\":\"abc\",\"finish_reason\":null}]}";
    assert_int_equal(ew__openai_parse_chunk(t1, strlen(t1), NULL, &a, &d, &err), EW_OK);
    assert_string_equal(d.content, "abc");

    const char *w = "{\"id\":\"r\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                    "\"whole\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,"
                    "\"completion_tokens\":2,\"total_tokens\":3}}";
    assert_int_equal(ew__openai_parse_response(w, strlen(w), &a, &d, &err), EW_OK);
    assert_string_equal(d.content, "whole");
    assert_string_equal(d.finish_reason, "stop");
    assert_int_equal(d.usage.completion_tokens, 2);

    /* Malformed and error shapes. */
    const char *bad[] = {"{\"choices\":[{\"delta\":{\"content\":\"x\"}",
                         "[1,2]",
                         "{\"choices\":{}}",
                         "{\"choices\":[{\"delta\":{\"content\":5}}]}",
                         "{\"choices\":[7]}",
                         "{\"id\":\"only\"}",
                         "{\"choices\":[{\"delta\":[]}]}",
                         "{\"choices\":[],\"usage\":{\"total_tokens\":-1}}",
                         "{\"choices\":[{\"delta\":{\"tool_calls\":{}}}]}",
                         "{\"choices\":[{\"delta\":{\"content\":\"\\ud800\"}}]}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int st = ew__openai_parse_chunk(bad[i], strlen(bad[i]), NULL, &a, &d, &err);
        if (st != EW_ERR_PARSE && st != EW_ERR_UTF8)
            fail_msg("chunk %s: %s", bad[i], ew_status_name(st));
    }
    const char *e = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";
    assert_int_equal(ew__openai_parse_chunk(e, strlen(e), NULL, &a, &d, &err), EW_ERR_UPSTREAM);
    assert_non_null(strstr(err.message, "overloaded"));
    ew_arena_cleanup(&a);
}

static void test_openai_error_message(void **state)
{
    (void)state;
    char out[64];
    const char *b1 = "{\"error\":{\"message\":\"Rate limit \\\"hit\\\"\",\"type\":\"x\"}}";
    ew__openai_error_message(b1, strlen(b1), out, sizeof out);
    assert_string_equal(out, "Rate limit \"hit\"");
    const char *b2 = "{\"error\":\"plain\"}";
    ew__openai_error_message(b2, strlen(b2), out, sizeof out);
    assert_string_equal(out, "plain");
    const char *b3 = "{\"message\":\"top\"}";
    ew__openai_error_message(b3, strlen(b3), out, sizeof out);
    assert_string_equal(out, "top");
    ew__openai_error_message("<html>\n\x01\xFFok", 11, out, sizeof out);
    assert_string_equal(out, "<html> ??ok");
    ew__openai_error_message(NULL, 0, out, sizeof out);
    assert_string_equal(out, "(empty body)");
    char tiny[8];
    const char *b4 = "{\"error\":{\"message\":\"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\"}}";
    ew__openai_error_message(b4, strlen(b4), tiny, sizeof tiny);
    assert_string_equal(tiny, "\xC3\xA9\xC3\xA9\xC3\xA9"); /* never half a character */
}

/* ---- health ------------------------------------------------------------------------------- */

static void test_breaker(void **state)
{
    (void)state;
    ew__breaker_opts o = {.failure_threshold = 3, .open_ms = 1000, .max_open_ms = 3000};
    ew__health h;
    ew__health_init(&h, "b1", &o);
    uint64_t t = 10000;
    bool probe = true;
    ew_backend_health s;
    ew__health_snapshot(&h, t, &s);
    assert_string_equal(s.name, "b1");
    assert_int_equal(s.breaker, EW_BREAKER_CLOSED);
    assert_true(s.available);
    assert_true(s.rtt_ms < 0 && s.ttfb_ms < 0);
    /* Two failures, a success resets, then three in a row open it. */
    for (int i = 0; i < 2; i++) {
        assert_true(ew__health_acquire(&h, t, &probe));
        assert_false(probe);
        ew__health_release(&h, t, probe, EW__OUTCOME_FAILURE);
    }
    assert_true(ew__health_acquire(&h, t, &probe));
    ew__health_release(&h, t, probe, EW__OUTCOME_SUCCESS);
    for (int i = 0; i < 3; i++) {
        assert_true(ew__health_acquire(&h, t, &probe));
        /* Neutral outcomes (cancel, HTTP 400) do not count. */
        ew__health_release(&h, t, probe, EW__OUTCOME_NEUTRAL);
        assert_true(ew__health_acquire(&h, t, &probe));
        ew__health_release(&h, t, probe, EW__OUTCOME_FAILURE);
    }
    ew__health_snapshot(&h, t, &s);
    assert_int_equal(s.breaker, EW_BREAKER_OPEN);
    assert_false(s.available);
    assert_int_equal(s.consecutive_failures, 3);
    assert_false(ew__health_acquire(&h, t + 999, &probe));
    /* After the cool-down: one probe at a time. */
    assert_true(ew__health_available(&h, t + 1000));
    assert_true(ew__health_acquire(&h, t + 1000, &probe));
    assert_true(probe);
    assert_false(ew__health_acquire(&h, t + 1001, &probe));
    ew__health_snapshot(&h, t + 1001, &s);
    assert_int_equal(s.breaker, EW_BREAKER_HALF_OPEN);
    assert_false(s.available);
    /* A failed probe reopens for twice as long. */
    ew__health_release(&h, t + 1100, true, EW__OUTCOME_FAILURE);
    assert_false(ew__health_acquire(&h, t + 1100 + 1999, &probe));
    assert_true(ew__health_acquire(&h, t + 1100 + 2000, &probe));
    assert_true(probe);
    /* A neutral probe frees its slot without deciding. */
    ew__health_release(&h, t + 3200, true, EW__OUTCOME_NEUTRAL);
    assert_true(ew__health_acquire(&h, t + 3200, &probe));
    assert_true(probe);
    ew__health_release(&h, t + 3300, true, EW__OUTCOME_SUCCESS);
    ew__health_snapshot(&h, t + 3300, &s);
    assert_int_equal(s.breaker, EW_BREAKER_CLOSED);
    assert_int_equal(s.in_flight, 0);
    assert_int_equal(s.consecutive_failures, 0);
    assert_true(s.error_rate > 0.3 && s.error_rate < 1.0);
    /* The cool-down is back to its start: three failures reopen for 1000 ms. */
    for (int i = 0; i < 3; i++) {
        assert_true(ew__health_acquire(&h, t + 4000, &probe));
        ew__health_release(&h, t + 4000, probe, EW__OUTCOME_FAILURE);
    }
    assert_false(ew__health_available(&h, t + 4999));
    assert_true(ew__health_available(&h, t + 5000));
    /* The cool-down doubles up to its cap. */
    for (int i = 0; i < 4; i++) {
        uint64_t now = t + 10000 * (uint64_t)(i + 1);
        assert_true(ew__health_acquire(&h, now, &probe));
        assert_true(probe);
        ew__health_release(&h, now, true, EW__OUTCOME_FAILURE);
    }
    ew__health_snapshot(&h, t + 40000, &s);
    assert_int_equal(s.breaker, EW_BREAKER_OPEN);
    assert_false(ew__health_available(&h, t + 40000 + 2999));
    assert_true(ew__health_available(&h, t + 40000 + 3000));
    assert_string_equal(ew_breaker_state_name(EW_BREAKER_HALF_OPEN), "half_open");
    ew__health_cleanup(&h);
}

static void test_health_samples(void **state)
{
    (void)state;
    ew__health h;
    ew__health_init(&h, "b2", NULL);
    uint64_t t = 5000;
    ew__health_sample_rtt(&h, 10.0);
    ew__health_sample_rtt(&h, 20.0);
    ew__health_sample_ttfb(&h, 100.0);
    ew__health_retry_after(&h, t, 2000);
    ew__health_retry_after(&h, t, 500); /* a shorter one does not shorten the block */
    ew_backend_health s;
    ew__health_snapshot(&h, t + 500, &s);
    assert_true(fabs(s.rtt_ms - 12.0) < 1e-9); /* 10 + 0.2 * (20 - 10) */
    assert_true(fabs(s.ttfb_ms - 100.0) < 1e-9);
    assert_int_equal(s.retry_after_ms, 1500);
    assert_false(s.available);
    assert_int_equal(ew__health_blocked_ms(&h, t + 1999), 1);
    /* The breaker itself is still closed: acquire is the caller's choice. */
    bool probe;
    assert_true(ew__health_acquire(&h, t, &probe));
    ew__health_release(&h, t, probe, EW__OUTCOME_SUCCESS);
    assert_true(ew__health_available(&h, t + 2000));
    /* Retry-After is capped at five minutes. */
    ew__health_retry_after(&h, t, 24LL * 3600 * 1000);
    assert_int_equal(ew__health_blocked_ms(&h, t), 5 * 60 * 1000);
    ew__health_snapshot(&h, t, &s);
    assert_int_equal(s.attempts, 1);
    assert_int_equal(s.failures, 0);
    ew__health_cleanup(&h);
}

/* ---- redaction ------------------------------------------------------------------------------ */

static void test_redact(void **state)
{
    (void)state;
    char buf[128];
    snprintf(buf, sizeof buf, "key sk-SECRET1 and sk-SECRET1!");
    ew__redact(buf, sizeof buf, "sk-SECRET1");
    assert_string_equal(buf, "key [REDACTED] and [REDACTED]!");
    /* Growing replacement truncates instead of overflowing. */
    char small[16];
    snprintf(small, sizeof small, "ab xyzw cd");
    ew__redact(small, sizeof small, "xyzw");
    assert_string_equal(small, "ab [REDACTED] c");
    /* A message cut inside the secret loses the fragment. */
    snprintf(buf, sizeof buf, "Incorrect key sk-SECR");
    ew__redact(buf, sizeof buf, "sk-SECRET1");
    assert_string_equal(buf, "Incorrect key ");
    /* Short secrets and NULLs are left alone. */
    snprintf(buf, sizeof buf, "abc abc");
    ew__redact(buf, sizeof buf, "abc");
    assert_string_equal(buf, "abc abc");
    ew__redact(buf, sizeof buf, NULL);
    ew__redact(NULL, 0, "secret");
    snprintf(buf, sizeof buf, "SECRETSECRET");
    ew__redact(buf, sizeof buf, "SECRET");
    assert_string_equal(buf, "[REDACTED][REDACTED]");
}

/* ---- curl's allocator (curl_alloc.c) --------------------------------------------------- */

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7);
}

static bool filled(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7)) return false;
    return true;
}

static void test_curl_alloc_sizes(void **state)
{
    (void)state;
    /* Class edges, curl's receive buffer (16 KiB + 1), and past every class. */
    static const size_t sizes[] = {0,    1,    15,        16,    17,    47,    48,    49,      1000,
                                   1024, 1025, 16384 + 1, 16401, 16402, 20000, 40000, 1u << 20};
    unsigned char *p[sizeof sizes / sizeof *sizes];
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        p[i] = ew__curl_malloc(sizes[i]);
        assert_non_null(p[i]);
        assert_int_equal((uintptr_t)p[i] % 16, 0);
        fill(p[i], sizes[i], (unsigned)i);
    }
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        assert_true(filled(p[i], sizes[i], (unsigned)i));
        ew__curl_free(p[i]);
    }
    /* A freed block of a class comes back for the next request of that class. */
    unsigned char *a = ew__curl_malloc(100);
    ew__curl_free(a);
    assert_ptr_equal(ew__curl_malloc(90), a);
    ew__curl_free(a);
    ew__curl_free(NULL);
    assert_null(ew__curl_malloc(SIZE_MAX));
    assert_null(ew__curl_malloc(SIZE_MAX - 8));
}

static void test_curl_alloc_realloc(void **state)
{
    (void)state;
    assert_null(ew__curl_realloc(NULL, SIZE_MAX));
    unsigned char *p = ew__curl_realloc(NULL, 10);
    fill(p, 10, 3);
    /* Within its class it stays; across classes, and into and out of
     * plain malloc, the contents move with it. */
    assert_ptr_equal(ew__curl_realloc(p, 40), p);
    fill(p, 40, 3);
    static const size_t steps[] = {100, 3000, 16385, 70000, 300000, 200, 64, 5};
    size_t have = 40;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        unsigned char *q = ew__curl_realloc(p, steps[i]);
        assert_non_null(q);
        assert_true(filled(q, have < steps[i] ? have : steps[i], 3));
        fill(q, steps[i], 3);
        have = steps[i];
        p = q;
    }
    /* A failed growth leaves the block as it was. */
    assert_null(ew__curl_realloc(p, SIZE_MAX - 4));
    assert_true(filled(p, have, 3));
    ew__curl_free(p);
}

static void test_curl_alloc_calloc_strdup(void **state)
{
    (void)state;
    unsigned char *d = ew__curl_malloc(200);
    memset(d, 0xa5, 200);
    ew__curl_free(d);
    /* A reused, dirty block comes back zeroed. */
    unsigned char *z = ew__curl_calloc(25, 8);
    assert_ptr_equal(z, d);
    for (int i = 0; i < 200; i++)
        assert_int_equal(z[i], 0);
    ew__curl_free(z);
    assert_null(ew__curl_calloc(SIZE_MAX / 2, 3));
    assert_null(ew__curl_calloc(SIZE_MAX, SIZE_MAX));
    char *s = ew__curl_strdup("Content-Type: application/json");
    assert_string_equal(s, "Content-Type: application/json");
    ew__curl_free(s);
    s = ew__curl_strdup("");
    assert_string_equal(s, "");
    ew__curl_free(s);
}

/* Asking for the lists after curl was initialised without them is too late:
 * curl keeps malloc (the blocks it holds came from there). */
static void test_curl_freelists_too_late(void **state)
{
    (void)state;
    assert_int_equal(ew__curl_init(), CURLE_OK);
    assert_false(ew__remote_curl_freelists());
}

/* Blocks cross threads both ways; a thread's free lists go back to malloc
 * when it exits (under ASan, a leak there fails the test). */
typedef struct churn {
    void *in[300];  /* allocated here, freed by the thread */
    void *out[300]; /* allocated by the thread, freed here */
} churn;

static void *churn_main(void *arg)
{
    churn *c = arg;
    for (int i = 0; i < 300; i++) {
        ew__curl_free(c->in[i]);
        c->out[i] = ew__curl_malloc((size_t)(i * 37) % 5000);
        fill(c->out[i], (size_t)(i * 37) % 5000, (unsigned)i);
    }
    for (int i = 0; i < 300; i++)
        ew__curl_free(ew__curl_malloc((size_t)i * 3));
    return NULL;
}

static void test_curl_alloc_threads(void **state)
{
    (void)state;
    static churn c;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 300; i++)
            c.in[i] = ew__curl_malloc((size_t)(i * 53) % 20000);
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, churn_main, &c), 0);
        assert_int_equal(pthread_join(t, NULL), 0);
        for (int i = 0; i < 300; i++) {
            assert_true(filled(c.out[i], (size_t)(i * 37) % 5000, (unsigned)i));
            ew__curl_free(c.out[i]);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sse_every_split),          cmocka_unit_test(test_sse_errors),
        cmocka_unit_test(test_sse_pending_and_stop),     cmocka_unit_test(test_openai_write),
        cmocka_unit_test(test_openai_write_spelling),    cmocka_unit_test(test_openai_parse),
        cmocka_unit_test(test_openai_error_message),     cmocka_unit_test(test_breaker),
        cmocka_unit_test(test_health_samples),           cmocka_unit_test(test_redact),
        cmocka_unit_test(test_curl_alloc_sizes),         cmocka_unit_test(test_curl_alloc_realloc),
        cmocka_unit_test(test_curl_alloc_calloc_strdup), cmocka_unit_test(test_curl_alloc_threads),
        cmocka_unit_test(test_curl_freelists_too_late),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
