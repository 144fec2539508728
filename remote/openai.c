/* OpenAI wire format for upstreams: see openai.h. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/json.h"
#include "remote/openai.h"

const char *ew__openai_path(const ew_request *req)
{
    return req->is_chat ? "/chat/completions" : "/completions";
}

/* The wire names of roles. (ew_role_name, declared in edgeway/request.h,
 * belongs to the request parser; this file must not depend on who defines it.) */
static const char *role_wire_name(ew_role r)
{
    switch (r) {
    case EW_ROLE_SYSTEM:
        return "system";
    case EW_ROLE_DEVELOPER:
        return "developer";
    case EW_ROLE_USER:
        return "user";
    case EW_ROLE_ASSISTANT:
        return "assistant";
    case EW_ROLE_TOOL:
        return "tool";
    }
    return "user";
}

/* A string field as the client spelled it while it still holds that text,
 * else escaped again. */
static void write_text(ew_jw *w, const char *text, size_t len, const ew_spelling *sp)
{
    if (sp->json && text == sp->text && len == sp->text_len)
        ew_jw_string_json(w, sp->json, sp->json_len);
    else
        ew_jw_stringn(w, text, len);
}

static void write_message(ew_jw *w, const ew_message *m)
{
    ew_jw_object_begin(w);
    EW_JW_KEY(w, "role");
    const char *role = role_wire_name(m->role);
    ew_jw_string_json(w, role, strlen(role)); /* nothing to escape */
    EW_JW_KEY(w, "content");
    /* An assistant turn that only calls tools has content null. */
    if (m->content_len == 0 && m->tool_calls_json)
        ew_jw_null(w);
    else
        write_text(w, m->content, m->content_len, &m->content_spelling);
    if (m->name) {
        EW_JW_KEY(w, "name");
        ew_jw_string(w, m->name);
    }
    if (m->tool_call_id) {
        EW_JW_KEY(w, "tool_call_id");
        ew_jw_string(w, m->tool_call_id);
    }
    if (m->tool_calls_json) {
        EW_JW_KEY(w, "tool_calls");
        ew_jw_raw(w, m->tool_calls_json, m->tool_calls_json_len);
    }
    ew_jw_object_end(w);
}

static void write_sampling(ew_jw *w, const ew_request *req)
{
    if (req->max_tokens >= 0) {
        EW_JW_KEY(w, "max_tokens");
        ew_jw_int(w, req->max_tokens);
    }
    if (!isnan(req->temperature)) {
        EW_JW_KEY(w, "temperature");
        ew_jw_double(w, req->temperature);
    }
    if (!isnan(req->top_p)) {
        EW_JW_KEY(w, "top_p");
        ew_jw_double(w, req->top_p);
    }
    if (req->has_seed) {
        EW_JW_KEY(w, "seed");
        ew_jw_int(w, req->seed);
    }
    if (req->n_stop > 0) {
        EW_JW_KEY(w, "stop");
        ew_jw_array_begin(w);
        for (int i = 0; i < req->n_stop && i < EW_REQUEST_MAX_STOP; i++)
            ew_jw_string(w, req->stop[i]);
        ew_jw_array_end(w);
    }
    if (req->user) {
        EW_JW_KEY(w, "user");
        ew_jw_string(w, req->user);
    }
    if (req->logprobs) {
        EW_JW_KEY(w, "logprobs");
        ew_jw_bool(w, true);
        if (req->top_logprobs > 0) {
            EW_JW_KEY(w, "top_logprobs");
            ew_jw_int(w, req->top_logprobs);
        }
    }
}

/* Verbatim pass-through fields, already validated JSON from our parser. */
static void write_raw_field(ew_jw *w, const char *key, const char *json, size_t len)
{
    if (!json || !len) return;
    ew_jw_key(w, key);
    ew_jw_raw(w, json, len);
}

int ew__openai_write_request(ew_buf *out, const ew_request *req, const ew__openai_write_opts *o,
                             ew_error *err)
{
    if (!o->model || !*o->model)
        return ew__error_set(err, EW_ERR_INVALID, "no upstream model name");
    if (req->is_chat && req->n_messages <= 0)
        return ew__error_set(err, EW_ERR_INVALID, "a chat request needs messages");
    for (int i = 0; req->is_chat && !o->on_device && i < req->n_messages; i++)
        if (req->messages[i].keep_local)
            return ew__error_set(err, EW_ERR_DENIED,
                                 "messages[%d] is marked x_edgeway.local (it stays on this "
                                 "device); this upstream is not on the device",
                                 i);
    ew_jw w;
    ew_jw_init(&w, out);
    ew_jw_object_begin(&w);
    EW_JW_KEY(&w, "model");
    ew_jw_string(&w, o->model);
    if (req->is_chat) {
        EW_JW_KEY(&w, "messages");
        ew_jw_array_begin(&w);
        for (int i = 0; i < req->n_messages; i++)
            write_message(&w, &req->messages[i]);
        ew_jw_array_end(&w);
    } else {
        EW_JW_KEY(&w, "prompt");
        write_text(&w, req->prompt, req->prompt_len, &req->prompt_spelling);
    }
    EW_JW_KEY(&w, "stream");
    ew_jw_bool(&w, o->stream);
    if (o->stream && (o->stream_usage || req->include_usage)) {
        EW_JW_KEY(&w, "stream_options");
        ew_jw_raw(&w, "{\"include_usage\":true}", 22);
    }
    write_sampling(&w, req);
    write_raw_field(&w, "tools", req->tools_json, req->tools_json_len);
    write_raw_field(&w, "tool_choice", req->tool_choice_json, req->tool_choice_json_len);
    write_raw_field(&w, "response_format", req->response_format_json,
                    req->response_format_json_len);
    ew_jw_object_end(&w);
    if (w.status)
        return ew__error_set(err, w.status, "upstream request body: %s", ew_strerror(w.status));
    return EW_OK;
}

/* ---- responses ----------------------------------------------------------------- */

/* An optional string member v (named key, for the error): absent or null
 * leave *out NULL. */
static int get_string(const ew_json_doc *doc, int v, const char *key, ew_arena *a, const char **out,
                      size_t *len, ew_error *err)
{
    ew_json_type t = ew_json_type_of(doc, v);
    if (t == EW_JSON_NONE || t == EW_JSON_NULL) return EW_OK;
    if (t != EW_JSON_STRING)
        return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: \"%s\" is a %s, not a string", key,
                             ew_json_type_name(t));
    size_t n = 0;
    *out = ew_json_string(doc, v, a, &n);
    if (!*out) return EW_ERR_NOMEM;
    if (len) *len = n;
    return EW_OK;
}

/* The members an answer is read for, picked in one pass over its text
 * (ew_json_pick: a chunk is read once, and most of it is not needed): doc
 * value V_x is picks[V_x - 1]. `msg` is "delta" in a chunk, "message" in a
 * whole response. */
enum {
    V_ERROR = 1,
    V_MODEL,
    V_USAGE,
    V_PROMPT_TOKENS,
    V_COMPLETION_TOKENS,
    V_TOTAL_TOKENS,
    V_CHOICES,
    V_CHOICE,
    V_FINISH,
    V_TEXT,
    V_MSG,
    V_ROLE,
    V_CONTENT,
    V_TOOL_CALLS,
    V_COUNT = V_TOOL_CALLS
};
/* clang-format off */
#define ANSWER_PICKS(msg) {                                                                        \
    {0, "error", 0}, {0, "model", 0}, {0, "usage", 0},                                             \
    {V_USAGE, "prompt_tokens", 0}, {V_USAGE, "completion_tokens", 0},                              \
    {V_USAGE, "total_tokens", 0},                                                                  \
    {0, "choices", 0}, {V_CHOICES, NULL, 0},                                                       \
    {V_CHOICE, "finish_reason", 0}, {V_CHOICE, "text", 0}, {V_CHOICE, msg, 0},                     \
    {V_MSG, "role", 0}, {V_MSG, "content", 0}, {V_MSG, "tool_calls", 0}}
/* clang-format on */
static const ew_json_want chunk_picks[] = ANSWER_PICKS("delta");
static const ew_json_want response_picks[] = ANSWER_PICKS("message");
_Static_assert(sizeof chunk_picks / sizeof *chunk_picks == V_COUNT, "one pick per value");

/* usage members (picked only when usage is an object). */
static int get_usage(const ew_json_doc *doc, ew__usage *u, ew_error *err)
{
    if (ew_json_type_of(doc, V_USAGE) != EW_JSON_OBJECT) return EW_OK; /* absent or null */
    static const char *const keys[] = {"prompt_tokens", "completion_tokens", "total_tokens"};
    int64_t *dst[] = {&u->prompt_tokens, &u->completion_tokens, &u->total_tokens};
    for (int i = 0; i < 3; i++) {
        int v = V_PROMPT_TOKENS + i;
        if (ew_json_type_of(doc, v) == EW_JSON_NONE) continue;
        if (ew_json_int64(doc, v, dst[i]) || *dst[i] < 0)
            return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: bad usage.%s", keys[i]);
    }
    u->present = true;
    return EW_OK;
}

/* An in-band error object: {"error": {...}} or {"error": "text"}. */
static int check_error(const ew_json_doc *doc, ew_error *err)
{
    ew_json_type t = ew_json_type_of(doc, V_ERROR);
    if (t == EW_JSON_NONE || t == EW_JSON_NULL) return EW_OK;
    char msg[256];
    ew__openai_error_message(doc->text, doc->len, msg, sizeof msg);
    return ew__error_set(err, EW_ERR_UPSTREAM, "upstream error: %s", msg);
}

/* The message (or delta) object of the first choice. */
static int parse_message(const ew_json_doc *doc, ew_arena *a, ew__openai_delta *d, ew_error *err)
{
    int st = get_string(doc, V_ROLE, "role", a, &d->role, NULL, err);
    if (!st) st = get_string(doc, V_CONTENT, "content", a, &d->content, &d->content_len, err);
    ew_json_type tt = ew_json_type_of(doc, V_TOOL_CALLS);
    if (!st && tt != EW_JSON_NONE && tt != EW_JSON_NULL) {
        if (tt != EW_JSON_ARRAY)
            return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: tool_calls is not an array");
        d->tool_calls = ew_json_raw(doc, V_TOOL_CALLS, &d->tool_calls_len);
        /* The raw text lives in the caller's buffer; copy it so it lives as long as d. */
        d->tool_calls = ew_arena_strndup(a, d->tool_calls, d->tool_calls_len);
        if (!d->tool_calls) return EW_ERR_NOMEM;
    }
    return st;
}

/* Fills d from the picked document; `msg_key` names the message member. */
static int parse_doc(const ew_json_doc *doc, const char *msg_key, ew_arena *a, ew__openai_delta *d,
                     ew_error *err)
{
    memset(d, 0, sizeof *d);
    if (ew_json_type_of(doc, 0) != EW_JSON_OBJECT)
        return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: not an object");
    int st = check_error(doc, err);
    if (!st) st = get_string(doc, V_MODEL, "model", a, &d->model, NULL, err);
    if (!st) st = get_usage(doc, &d->usage, err);
    if (st) return st;
    ew_json_type ct = ew_json_type_of(doc, V_CHOICES);
    if (ct == EW_JSON_NONE && !d->usage.present)
        return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: no choices");
    if (ct != EW_JSON_NONE && ct != EW_JSON_ARRAY)
        return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: choices is not an array");
    ew_json_type c = ew_json_type_of(doc, V_CHOICE);
    if (c == EW_JSON_NONE) return EW_OK;
    if (c != EW_JSON_OBJECT)
        return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: choices[0] is not an object");
    d->has_choice = true;
    st = get_string(doc, V_FINISH, "finish_reason", a, &d->finish_reason, NULL, err);
    /* Text completions carry "text" on the choice itself. */
    if (!st) st = get_string(doc, V_TEXT, "text", a, &d->content, &d->content_len, err);
    ew_json_type m = ew_json_type_of(doc, V_MSG);
    if (st || m == EW_JSON_NONE || m == EW_JSON_NULL) return st;
    if (m != EW_JSON_OBJECT)
        return ew__error_set(err, EW_ERR_PARSE, "upstream JSON: choices[0].%s is not an object",
                             msg_key);
    return parse_message(doc, a, d, err);
}

/* The tables prepared once: every chunk of every stream is read with them. */
static ew_json_picks chunk_table, response_table;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_init(void)
{
    /* Both tables are constants that ew_json_picks_init accepts (a test reads with each). */
    ew_json_picks_init(&chunk_table, chunk_picks, V_COUNT, NULL);
    ew_json_picks_init(&response_table, response_picks, V_COUNT, NULL);
}

static int parse_with(const char *json, size_t len, const ew_json_picks *picks,
                      ew_json_pick_memo *memo, const char *msg_key, ew_arena *a,
                      ew__openai_delta *d, ew_error *err)
{
    ew_json_doc doc;
    ew_error jerr;
    int st = ew_json_pick_resume(&doc, json, len, picks, NULL, memo, &jerr);
    if (st) {
        memset(d, 0, sizeof *d);
        return ew__error_set(err, st, "upstream sent malformed JSON: %s", jerr.message);
    }
    st = parse_doc(&doc, msg_key, a, d, err);
    ew_json_doc_cleanup(&doc);
    return st;
}

int ew__openai_parse_chunk(const char *json, size_t len, ew_json_pick_memo *memo, ew_arena *a,
                           ew__openai_delta *d, ew_error *err)
{
    pthread_once(&tables_once, tables_init);
    return parse_with(json, len, &chunk_table, memo, "delta", a, d, err);
}

/* A chunk's walk is kept where its delta starts: before it, the chunks of
 * one stream are the same bytes. */
ew_json_pick_memo *ew__openai_chunk_memo_new(void)
{
    return ew_json_pick_memo_new(V_MSG);
}

int ew__openai_parse_response(const char *json, size_t len, ew_arena *a, ew__openai_delta *d,
                              ew_error *err)
{
    pthread_once(&tables_once, tables_init);
    return parse_with(json, len, &response_table, NULL, "message", a, d, err);
}

/* Copies s[0..n) into out as printable text: control bytes and invalid UTF-8
 * become '?', so a message is safe for a log line or an error body. */
static void copy_printable(char *out, size_t size, const char *s, size_t n)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n && o + 1 < size;) {
        int k = p[i] < 0x80 ? 1 : ew_utf8_seq_len(p + i, n - i);
        if (k <= 1) {
            out[o++] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : (p[i] == '\n' ? ' ' : '?');
            i++;
        } else if (o + (size_t)k < size) {
            memcpy(out + o, p + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        } else {
            break;
        }
    }
    out[o] = '\0';
}

void ew__openai_error_message(const char *body, size_t len, char *out, size_t size)
{
    if (!size) return;
    ew_json_doc doc;
    if (body && ew_json_parse(&doc, body, len, NULL, NULL) == EW_OK) {
        int e = ew_json_get(&doc, 0, "error");
        int m = ew_json_type_of(&doc, e) == EW_JSON_STRING ? e : ew_json_get(&doc, e, "message");
        if (m < 0) m = ew_json_get(&doc, 0, "message");
        if (ew_json_type_of(&doc, m) == EW_JSON_STRING) {
            ew_buf b;
            ew_buf_init(&b, len);
            if (ew_json_string_buf(&doc, m, &b) == EW_OK && b.data) {
                copy_printable(out, size, b.data, b.len);
                ew_buf_cleanup(&b);
                ew_json_doc_cleanup(&doc);
                return;
            }
            ew_buf_cleanup(&b);
        }
        ew_json_doc_cleanup(&doc);
    }
    copy_printable(out, size, body ? body : "", body ? (len > 200 ? 200 : len) : 0);
    if (!out[0]) snprintf(out, size, "(empty body)");
}
