/* The OpenAI request parser: a JSON body into an ew_request.
 *
 * One pass over the top-level members dispatches known parameters through a
 * table; unknown ones are dropped (only parsed fields are ever forwarded, so
 * nothing unscanned can leave the device this way). Every value is checked
 * for type and range, and every failure names its parameter the way OpenAI
 * does ("messages[2].content[0].type"). Strings are unescaped into the
 * arena; nothing else is allocated.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/json.h"
#include "gateway/gateway_internal.h"

#define MAX_MODEL_LEN 256
#define PARAM_MAX     96

enum { K_CHAT = 1, K_COMP = 2, K_BOTH = 3 };

typedef struct pctx {
    const ew_json_doc *doc;
    ew_arena *a;
    ew_request *req;
    ew_api_error *err;
    ew_request_kind kind;
    int64_t max_tokens;            /* -1 = absent */
    int64_t max_completion_tokens; /* -1 = absent */
    bool stream_options;
    bool top_logprobs;
} pctx;

const char *ew_role_name(ew_role role)
{
    static const char *const names[] = {"system", "developer", "user", "assistant", "tool"};
    return (unsigned)role < sizeof names / sizeof names[0] ? names[role] : "unknown";
}

/* ---- errors ------------------------------------------------------------------ */

__attribute__((format(printf, 5, 6))) static int fail(pctx *p, int status, const char *code,
                                                      const char *param, const char *fmt, ...)
{
    ew_api_error *e = p->err;
    e->http_status = status;
    e->type = "invalid_request_error";
    e->code = code;
    snprintf(e->param, sizeof e->param, "%s", param ? param : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return status == 413 ? EW_ERR_TOO_LARGE : EW_ERR_INVALID;
}

static const char *tname(const pctx *p, int v)
{
    return ew_json_type_name(ew_json_type_of(p->doc, v));
}

static int bad_type(pctx *p, const char *param, int v, const char *want)
{
    return fail(p, 400, "invalid_type", param,
                "Invalid type for '%s': expected %s, but got %s instead.", param, want,
                tname(p, v));
}

static int missing(pctx *p, const char *param)
{
    return fail(p, 400, "missing_required_parameter", param, "Missing required parameter: '%s'.",
                param);
}

static int nomem(pctx *p)
{
    return fail(p, 413, "request_too_large", NULL,
                "The request needs more memory than the server allows for one request.");
}

static bool absent(const pctx *p, int v)
{
    ew_json_type t = ew_json_type_of(p->doc, v);
    return t == EW_JSON_NONE || t == EW_JSON_NULL;
}

/* A parameter's name as errors spell it, made only when one is reported: a
 * fixed name, or "messages[i]", then ".content[j]" when j >= 0, then tail.
 * Spelling every message's field names on every request cost more than
 * checking the fields. */
typedef struct pname {
    const char *name;
    int i, j;
    const char *tail;
} pname;

static pname pn(const char *name)
{
    return (pname){name, -1, -1, ""};
}

static pname pn_msg(int i, int j, const char *tail)
{
    return (pname){NULL, i, j, tail};
}

static size_t msg_param(char *out, int i, int j, const char *tail);

/* The name, spelled into buf (PARAM_MAX) when it has to be. */
static const char *pn_str(pname n, char *buf)
{
    if (n.name) return n.name;
    msg_param(buf, n.i, n.j, n.tail);
    return buf;
}

/* raw[0..n), a string's body without NULs, spells s exactly. */
static bool raw_is(const char *raw, size_t n, const char *s)
{
    return (!n || raw[0] == s[0]) && !strncmp(s, raw, n) && !s[n];
}

/* ---- typed getters: each checks the type, then the range ---------------------- */

static int get_str(pctx *p, int v, pname name, const char **out, size_t *len)
{
    if (len) *len = 0;
    if (ew_json_type_of(p->doc, v) != EW_JSON_STRING) {
        char buf[PARAM_MAX];
        return bad_type(p, pn_str(name, buf), v, "a string");
    }
    size_t n;
    char *s = ew_json_string(p->doc, v, p->a, &n);
    if (!s) return nomem(p);
    *out = s;
    if (len) *len = n;
    return EW_OK;
}

static int get_num(pctx *p, int v, const char *param, double lo, double hi, double *out)
{
    if (ew_json_type_of(p->doc, v) != EW_JSON_NUMBER) return bad_type(p, param, v, "a number");
    double d;
    if (ew_json_double(p->doc, v, &d))
        return fail(p, 400, "invalid_value", param, "Invalid '%s': not a finite number.", param);
    if (d < lo)
        return fail(p, 400, "decimal_below_min_value", param,
                    "Invalid '%s': decimal below minimum value. Expected a value >= %g, but got "
                    "%g instead.",
                    param, lo, d);
    if (d > hi)
        return fail(p, 400, "decimal_above_max_value", param,
                    "Invalid '%s': decimal above maximum value. Expected a value <= %g, but got "
                    "%g instead.",
                    param, hi, d);
    *out = d;
    return EW_OK;
}

static int get_int(pctx *p, int v, const char *param, int64_t lo, int64_t hi, int64_t *out)
{
    if (ew_json_type_of(p->doc, v) != EW_JSON_NUMBER) return bad_type(p, param, v, "an integer");
    int64_t x;
    if (ew_json_int64(p->doc, v, &x)) {
        size_t n;
        const char *raw = ew_json_raw(p->doc, v, &n);
        if (memchr(raw, '.', n) || memchr(raw, 'e', n) || memchr(raw, 'E', n))
            return fail(p, 400, "invalid_type", param,
                        "Invalid type for '%s': expected an integer, but got a decimal number "
                        "instead.",
                        param);
        return fail(p, 400, raw[0] == '-' ? "integer_below_min_value" : "integer_above_max_value",
                    param, "Invalid '%s': integer out of range.", param);
    }
    if (x < lo)
        return fail(p, 400, "integer_below_min_value", param,
                    "Invalid '%s': integer below minimum value. Expected a value >= %lld, but got "
                    "%lld instead.",
                    param, (long long)lo, (long long)x);
    if (x > hi)
        return fail(p, 400, "integer_above_max_value", param,
                    "Invalid '%s': integer above maximum value. Expected a value <= %lld, but got "
                    "%lld instead.",
                    param, (long long)hi, (long long)x);
    *out = x;
    return EW_OK;
}

static int get_bool(pctx *p, int v, const char *param, bool *out)
{
    if (ew_json_bool(p->doc, v, out)) return bad_type(p, param, v, "a boolean");
    return EW_OK;
}

/* The value's JSON text, copied: strings keep their quotes. */
static int get_raw(pctx *p, int v, const char **out, size_t *len)
{
    size_t n;
    const char *r = ew_json_raw(p->doc, v, &n);
    if (ew_json_type_of(p->doc, v) == EW_JSON_STRING) {
        r--;
        n += 2;
    }
    char *c = ew_arena_strndup(p->a, r, n);
    if (!c) return nomem(p);
    *out = c;
    *len = n;
    return EW_OK;
}

static int get_raw_typed(pctx *p, int v, const char *param, ew_json_type want, const char *wname,
                         const char **out, size_t *len)
{
    if (ew_json_type_of(p->doc, v) != want) return bad_type(p, param, v, wname);
    return get_raw(p, v, out, len);
}

/* ---- messages ------------------------------------------------------------------- */

static int parse_role(pctx *p, int v, int i, ew_role *out)
{
    size_t n;
    const char *raw = ew_json_raw(p->doc, v, &n);
    if (ew_json_type_of(p->doc, v) == EW_JSON_STRING) {
        bool escaped = memchr(raw, '\\', n) != NULL;
        for (int r = EW_ROLE_SYSTEM; r <= EW_ROLE_TOOL; r++) {
            const char *name = ew_role_name((ew_role)r);
            if (escaped ? ew_json_string_eq(p->doc, v, name) : raw_is(raw, n, name)) {
                *out = (ew_role)r;
                return EW_OK;
            }
        }
    }
    char param[PARAM_MAX];
    msg_param(param, i, -1, ".role");
    if (v < 0) return missing(p, param);
    if (ew_json_type_of(p->doc, v) != EW_JSON_STRING) return bad_type(p, param, v, "a string");
    if (ew_json_string_eq(p->doc, v, "function"))
        return fail(p, 400, "unsupported_value", param,
                    "Invalid '%s': the deprecated 'function' role is not supported; use 'tool'.",
                    param);
    return fail(p, 400, "invalid_value", param,
                "Invalid value for '%s': '%.*s'. Supported values are: 'system', 'developer', "
                "'user', 'assistant', and 'tool'.",
                param, (int)(n < 40 ? n : 40), raw);
}

/* "messages[i]", then ".content[j]" when j >= 0, then tail, into out
 * (PARAM_MAX); returns the length. Parameter names are built on every
 * message's path, where snprintf would cost more than the checks. */
static size_t msg_param(char *out, int i, int j, const char *tail)
{
    size_t n = ew__str_copy(out, PARAM_MAX, "messages[");
    n += ew__str_u64(out + n, (uint64_t)i);
    out[n++] = ']';
    if (j >= 0) {
        n += ew__str_copy(out + n, PARAM_MAX - n, ".content[");
        n += ew__str_u64(out + n, (uint64_t)j);
        out[n++] = ']';
    }
    return n + ew__str_copy(out + n, PARAM_MAX - n, tail);
}

/* One element of an array content: {"type": "text", "text": "..."}. */
static int parse_part(pctx *p, int v, int i, int j, ew_text_part *out)
{
    static const char *const keys[] = {"type", "text"};
    char param[PARAM_MAX];
    if (ew_json_type_of(p->doc, v) != EW_JSON_OBJECT) {
        msg_param(param, i, j, "");
        return bad_type(p, param, v, "an object");
    }
    int f[2];
    ew_json_get_many(p->doc, v, keys, 2, f);
    int t = f[0];
    size_t n;
    const char *raw = ew_json_raw(p->doc, t, &n);
    if (ew_json_type_of(p->doc, t) != EW_JSON_STRING || !ew_json_string_eq(p->doc, t, "text")) {
        msg_param(param, i, j, ".type");
        if (absent(p, t)) return missing(p, param);
        if (ew_json_type_of(p->doc, t) != EW_JSON_STRING) return bad_type(p, param, t, "a string");
        return fail(p, 400, "unsupported_value", param,
                    "Invalid '%s': only text content parts are supported, but got '%.*s'.", param,
                    (int)(n < 40 ? n : 40), raw);
    }
    if (absent(p, f[1])) {
        msg_param(param, i, j, ".text");
        return missing(p, param);
    }
    return get_str(p, f[1], pn_msg(i, j, ".text"), &out->text, &out->len);
}

/* Keeps how the client spelled string v, now read as text[0..len), for the
 * upstream writer: every escape is longer than what it stands for, so a
 * body as long as its text has none and is that text; otherwise it is
 * copied as sent. */
static int keep_spelling(pctx *p, int v, const char *text, size_t len, ew_spelling *out)
{
    size_t n;
    const char *raw = ew_json_raw(p->doc, v, &n);
    out->json = n == len ? text : ew_arena_strndup(p->a, raw, n);
    if (!out->json) return nomem(p);
    out->json_len = n;
    out->text = text;
    out->text_len = len;
    return EW_OK;
}

/* A string is one part; an array of text parts is joined for scanners and
 * templates, with the parts kept as sent. */
static int parse_content(pctx *p, int v, int i, ew_message *m)
{
    ew_json_type t = ew_json_type_of(p->doc, v);
    if (t == EW_JSON_STRING) {
        m->parts = ew_arena_alloc(p->a, sizeof *m->parts);
        if (!m->parts) return nomem(p);
        m->n_parts = 1;
        int st = get_str(p, v, pn_msg(i, -1, ".content"), &m->parts[0].text, &m->parts[0].len);
        m->content = m->parts[0].text;
        m->content_len = m->parts[0].len;
        return st ? st : keep_spelling(p, v, m->content, m->content_len, &m->content_spelling);
    }
    char param[PARAM_MAX];
    msg_param(param, i, -1, ".content");
    if (t != EW_JSON_ARRAY) return bad_type(p, param, v, "a string or an array of text parts");
    int n = ew_json_count(p->doc, v);
    if (n == 0)
        return fail(p, 400, "empty_array", param,
                    "Invalid '%s': empty array. Expected an array with minimum length 1, but got "
                    "an empty array instead.",
                    param);
    m->parts = ew_arena_calloc(p->a, (size_t)n, sizeof *m->parts);
    if (!m->parts) return nomem(p);
    size_t total = 0;
    int j = 0;
    for (int e = ew_json_first(p->doc, v); e >= 0; e = ew_json_next(p->doc, e), j++) {
        int st = parse_part(p, e, i, j, &m->parts[j]);
        if (st) return st;
        total += m->parts[j].len;
    }
    m->n_parts = n;
    if (n == 1) {
        m->content = m->parts[0].text;
        m->content_len = m->parts[0].len;
        return EW_OK;
    }
    char *joined = ew_arena_alloc(p->a, total + 1);
    if (!joined) return nomem(p);
    size_t off = 0;
    for (int k = 0; k < n; k++) {
        memcpy(joined + off, m->parts[k].text, m->parts[k].len);
        off += m->parts[k].len;
    }
    joined[off] = '\0';
    m->content = joined;
    m->content_len = total;
    return EW_OK;
}

/* The edgeway extension on a message: {"local": true} keeps it on the device.
 * Strict, since a typo here would silently send text to the cloud. */
static int parse_x_edgeway(pctx *p, int v, int i, ew_message *m)
{
    char param[PARAM_MAX];
    msg_param(param, i, -1, ".x_edgeway");
    if (ew_json_type_of(p->doc, v) != EW_JSON_OBJECT) return bad_type(p, param, v, "an object");
    for (int k = ew_json_first(p->doc, v); k >= 0; k = ew_json_next(p->doc, k)) {
        if (!ew_json_string_eq(p->doc, k, "local")) {
            size_t n;
            const char *raw = ew_json_raw(p->doc, k, &n);
            return fail(p, 400, "unknown_parameter", param,
                        "Unrecognized key in '%s': '%.*s'. The only key is 'local'.", param,
                        (int)(n < 40 ? n : 40), raw);
        }
        msg_param(param, i, -1, ".x_edgeway.local");
        int val = ew_json_member_value(p->doc, k);
        if (!absent(p, val)) {
            int st = get_bool(p, val, param, &m->keep_local);
            if (st) return st;
        }
    }
    return EW_OK;
}

/* An optional string field of message i. */
static int opt_str(pctx *p, int v, int i, const char *tail, const char **out)
{
    return absent(p, v) ? EW_OK : get_str(p, v, pn_msg(i, -1, tail), out, NULL);
}

enum { M_ROLE, M_NAME, M_TOOL_CALL_ID, M_TOOL_CALLS, M_X_EDGEWAY, M_CONTENT, M_KEYS };

static int parse_message(pctx *p, int v, int i, ew_message *m)
{
    static const char *const keys[M_KEYS] = {"role",       "name",      "tool_call_id",
                                             "tool_calls", "x_edgeway", "content"};
    char param[PARAM_MAX];
    if (ew_json_type_of(p->doc, v) != EW_JSON_OBJECT) {
        msg_param(param, i, -1, "");
        return bad_type(p, param, v, "an object");
    }
    int f[M_KEYS];
    ew_json_get_many(p->doc, v, keys, M_KEYS, f);
    int st = parse_role(p, f[M_ROLE], i, &m->role);
    if (!st) st = opt_str(p, f[M_NAME], i, ".name", &m->name);
    if (!st) st = opt_str(p, f[M_TOOL_CALL_ID], i, ".tool_call_id", &m->tool_call_id);
    if (!st && !absent(p, f[M_TOOL_CALLS])) {
        msg_param(param, i, -1, ".tool_calls");
        st = get_raw_typed(p, f[M_TOOL_CALLS], param, EW_JSON_ARRAY, "an array",
                           &m->tool_calls_json, &m->tool_calls_json_len);
    }
    if (!st && !absent(p, f[M_X_EDGEWAY])) st = parse_x_edgeway(p, f[M_X_EDGEWAY], i, m);
    if (st) return st;
    if (!absent(p, f[M_CONTENT])) {
        st = parse_content(p, f[M_CONTENT], i, m);
    } else if (m->role != EW_ROLE_ASSISTANT || !m->tool_calls_json) {
        msg_param(param, i, -1, ".content");
        st = missing(p, param);
    } else {
        m->content = "";
    }
    if (!st && m->role == EW_ROLE_TOOL && !m->tool_call_id) {
        msg_param(param, i, -1, ".tool_call_id");
        st = missing(p, param);
    }
    return st;
}

static int f_messages(pctx *p, int v)
{
    if (ew_json_type_of(p->doc, v) != EW_JSON_ARRAY) return bad_type(p, "messages", v, "an array");
    int n = ew_json_count(p->doc, v);
    if (n == 0)
        return fail(p, 400, "empty_array", "messages",
                    "Invalid 'messages': empty array. Expected an array with minimum length 1, "
                    "but got an empty array instead.");
    ew_message *ms = ew_arena_calloc(p->a, (size_t)n, sizeof *ms);
    if (!ms) return nomem(p);
    int i = 0;
    for (int e = ew_json_first(p->doc, v); e >= 0; e = ew_json_next(p->doc, e), i++) {
        int st = parse_message(p, e, i, &ms[i]);
        if (st) return st;
    }
    p->req->messages = ms;
    p->req->n_messages = n;
    return EW_OK;
}

/* ---- the other parameters ------------------------------------------------------- */

static int f_model(pctx *p, int v)
{
    size_t n;
    int st = get_str(p, v, pn("model"), &p->req->model, &n);
    if (!st && (n == 0 || n > MAX_MODEL_LEN))
        st = fail(p, 400, "invalid_value", "model",
                  "Invalid 'model': expected 1 to %d characters, but got %zu.", MAX_MODEL_LEN, n);
    return st;
}

/* The prompt string v, its spelling kept as for message content. */
static int prompt_text(pctx *p, int v, const char *param)
{
    ew_request *r = p->req;
    int st = get_str(p, v, pn(param), &r->prompt, &r->prompt_len);
    return st ? st : keep_spelling(p, v, r->prompt, r->prompt_len, &r->prompt_spelling);
}

static int f_prompt(pctx *p, int v)
{
    ew_json_type t = ew_json_type_of(p->doc, v);
    if (t == EW_JSON_STRING) return prompt_text(p, v, "prompt");
    if (t != EW_JSON_ARRAY) return bad_type(p, "prompt", v, "a string or an array with one string");
    int n = ew_json_count(p->doc, v);
    int first = ew_json_first(p->doc, v);
    if (n == 0) return fail(p, 400, "empty_array", "prompt", "Invalid 'prompt': empty array.");
    if (ew_json_type_of(p->doc, first) != EW_JSON_STRING)
        return fail(p, 400, "unsupported_value", "prompt",
                    "Invalid 'prompt': token arrays are not supported; send the prompt as text.");
    if (n > 1)
        return fail(p, 400, "unsupported_value", "prompt",
                    "Invalid 'prompt': batched prompts are not supported; send one prompt per "
                    "request.");
    return prompt_text(p, first, "prompt[0]");
}

static int f_stream(pctx *p, int v)
{
    return get_bool(p, v, "stream", &p->req->stream);
}

static int f_stream_options(pctx *p, int v)
{
    if (ew_json_type_of(p->doc, v) != EW_JSON_OBJECT)
        return bad_type(p, "stream_options", v, "an object");
    p->stream_options = true;
    int u = ew_json_get(p->doc, v, "include_usage");
    if (absent(p, u)) return EW_OK;
    return get_bool(p, u, "stream_options.include_usage", &p->req->include_usage);
}

static int f_max_tokens(pctx *p, int v)
{
    return get_int(p, v, "max_tokens", 1, INT_MAX, &p->max_tokens);
}

static int f_max_completion_tokens(pctx *p, int v)
{
    return get_int(p, v, "max_completion_tokens", 1, INT_MAX, &p->max_completion_tokens);
}

static int f_temperature(pctx *p, int v)
{
    return get_num(p, v, "temperature", 0, 2, &p->req->temperature);
}

static int f_top_p(pctx *p, int v)
{
    return get_num(p, v, "top_p", 0, 1, &p->req->top_p);
}

static int f_frequency_penalty(pctx *p, int v)
{
    return get_num(p, v, "frequency_penalty", -2, 2, &p->req->frequency_penalty);
}

static int f_presence_penalty(pctx *p, int v)
{
    return get_num(p, v, "presence_penalty", -2, 2, &p->req->presence_penalty);
}

static int f_seed(pctx *p, int v)
{
    int st = get_int(p, v, "seed", INT64_MIN, INT64_MAX, &p->req->seed);
    p->req->has_seed = st == EW_OK;
    return st;
}

static int stop_one(pctx *p, int v, const char *param, int k)
{
    size_t n;
    int st = get_str(p, v, pn(param), &p->req->stop[k], &n);
    if (!st && n == 0)
        st = fail(p, 400, "invalid_value", param, "Invalid '%s': empty stop sequence.", param);
    return st;
}

static int f_stop(pctx *p, int v)
{
    ew_json_type t = ew_json_type_of(p->doc, v);
    if (t == EW_JSON_STRING) {
        p->req->n_stop = 1;
        return stop_one(p, v, "stop", 0);
    }
    if (t != EW_JSON_ARRAY) return bad_type(p, "stop", v, "a string or an array of strings");
    int n = ew_json_count(p->doc, v);
    if (n > EW_REQUEST_MAX_STOP)
        return fail(p, 400, "array_above_max_length", "stop",
                    "Invalid 'stop': array too long. Expected an array with maximum length %d, "
                    "but got an array with length %d instead.",
                    EW_REQUEST_MAX_STOP, n);
    int k = 0;
    for (int e = ew_json_first(p->doc, v); e >= 0; e = ew_json_next(p->doc, e), k++) {
        char param[PARAM_MAX];
        snprintf(param, sizeof param, "stop[%d]", k);
        int st = stop_one(p, e, param, k);
        if (st) return st;
    }
    p->req->n_stop = n;
    return EW_OK;
}

static int f_user(pctx *p, int v)
{
    return get_str(p, v, pn("user"), &p->req->user, NULL);
}

/* n and best_of: one choice per request is all a router can promise. */
static int must_be_one(pctx *p, int v, const char *param)
{
    int64_t n = 0;
    int st = get_int(p, v, param, INT64_MIN, INT64_MAX, &n);
    if (!st && n != 1)
        st = fail(p, 400, "unsupported_value", param,
                  "Invalid '%s': edgeway returns exactly one choice per request, so %s must be 1 "
                  "(got %lld).",
                  param, param, (long long)n);
    return st;
}

static int f_n(pctx *p, int v)
{
    return must_be_one(p, v, "n");
}

static int f_best_of(pctx *p, int v)
{
    return must_be_one(p, v, "best_of");
}

/* Chat: a boolean. Completions: how many top log probabilities, 0..5. */
static int f_logprobs(pctx *p, int v)
{
    if (p->kind == EW_REQUEST_CHAT) return get_bool(p, v, "logprobs", &p->req->logprobs);
    int64_t n = 0;
    int st = get_int(p, v, "logprobs", 0, 5, &n);
    if (!st) {
        p->req->logprobs = true;
        p->req->top_logprobs = (int)n;
    }
    return st;
}

static int f_top_logprobs(pctx *p, int v)
{
    int64_t n = 0;
    int st = get_int(p, v, "top_logprobs", 0, 20, &n);
    if (!st) {
        p->req->top_logprobs = (int)n;
        p->top_logprobs = true;
    }
    return st;
}

static int f_echo(pctx *p, int v)
{
    bool echo = false;
    int st = get_bool(p, v, "echo", &echo);
    if (!st && echo)
        st = fail(p, 400, "unsupported_value", "echo", "Invalid 'echo': echo is not supported.");
    return st;
}

static int f_suffix(pctx *p, int v)
{
    const char *s;
    size_t n;
    int st = get_str(p, v, pn("suffix"), &s, &n);
    if (!st && n > 0)
        st = fail(p, 400, "unsupported_value", "suffix",
                  "Invalid 'suffix': insertion (suffix) is not supported.");
    return st;
}

static int f_logit_bias(pctx *p, int v)
{
    return get_raw_typed(p, v, "logit_bias", EW_JSON_OBJECT, "an object", &p->req->logit_bias_json,
                         &p->req->logit_bias_json_len);
}

static int f_tools(pctx *p, int v)
{
    return get_raw_typed(p, v, "tools", EW_JSON_ARRAY, "an array", &p->req->tools_json,
                         &p->req->tools_json_len);
}

static int f_tool_choice(pctx *p, int v)
{
    ew_json_type t = ew_json_type_of(p->doc, v);
    if (t != EW_JSON_STRING && t != EW_JSON_OBJECT)
        return bad_type(p, "tool_choice", v, "a string or an object");
    return get_raw(p, v, &p->req->tool_choice_json, &p->req->tool_choice_json_len);
}

static int f_response_format(pctx *p, int v)
{
    return get_raw_typed(p, v, "response_format", EW_JSON_OBJECT, "an object",
                         &p->req->response_format_json, &p->req->response_format_json_len);
}

static int f_parallel_tool_calls(pctx *p, int v)
{
    bool b = false;
    int st = get_bool(p, v, "parallel_tool_calls", &b);
    if (!st) p->req->parallel_tool_calls = b;
    return st;
}

typedef struct field {
    const char *name;
    unsigned kinds;
    int (*fn)(pctx *p, int v);
} field;

static const field fields[] = {
    {"model", K_BOTH, f_model},
    {"messages", K_CHAT, f_messages},
    {"prompt", K_COMP, f_prompt},
    {"stream", K_BOTH, f_stream},
    {"stream_options", K_BOTH, f_stream_options},
    {"max_tokens", K_BOTH, f_max_tokens},
    {"max_completion_tokens", K_CHAT, f_max_completion_tokens},
    {"temperature", K_BOTH, f_temperature},
    {"top_p", K_BOTH, f_top_p},
    {"frequency_penalty", K_BOTH, f_frequency_penalty},
    {"presence_penalty", K_BOTH, f_presence_penalty},
    {"seed", K_BOTH, f_seed},
    {"stop", K_BOTH, f_stop},
    {"user", K_BOTH, f_user},
    {"n", K_BOTH, f_n},
    {"best_of", K_COMP, f_best_of},
    {"logprobs", K_BOTH, f_logprobs},
    {"top_logprobs", K_CHAT, f_top_logprobs},
    {"echo", K_COMP, f_echo},
    {"suffix", K_COMP, f_suffix},
    {"logit_bias", K_BOTH, f_logit_bias},
    {"tools", K_CHAT, f_tools},
    {"tool_choice", K_CHAT, f_tool_choice},
    {"response_format", K_CHAT, f_response_format},
    {"parallel_tool_calls", K_CHAT, f_parallel_tool_calls},
};

static const field *find_field(const pctx *p, int key)
{
    size_t n;
    const char *raw = ew_json_raw(p->doc, key, &n);
    bool escaped = memchr(raw, '\\', n) != NULL;
    unsigned kind = p->kind == EW_REQUEST_CHAT ? K_CHAT : K_COMP;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const field *f = &fields[i];
        if (!(f->kinds & kind)) continue;
        if (escaped ? ew_json_string_eq(p->doc, key, f->name) : raw_is(raw, n, f->name)) return f;
    }
    return NULL;
}

/* Rules that span parameters, once all are read. */
static int check_whole(pctx *p)
{
    ew_request *r = p->req;
    if (!r->model) return missing(p, "model");
    if (p->kind == EW_REQUEST_CHAT && !r->messages) return missing(p, "messages");
    if (p->kind == EW_REQUEST_COMPLETION && !r->prompt) return missing(p, "prompt");
    if (p->max_tokens >= 0 && p->max_completion_tokens >= 0 &&
        p->max_tokens != p->max_completion_tokens)
        return fail(p, 400, "invalid_value", "max_tokens",
                    "'max_tokens' and 'max_completion_tokens' disagree; send one of them.");
    r->max_tokens = (int)(p->max_completion_tokens >= 0 ? p->max_completion_tokens : p->max_tokens);
    if (p->stream_options && !r->stream)
        return fail(p, 400, "invalid_value", "stream_options",
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
    if (p->top_logprobs && !r->logprobs)
        return fail(p, 400, "invalid_value", "logprobs",
                    "'logprobs' must be true when 'top_logprobs' is given.");
    return EW_OK;
}

static void request_defaults(ew_request *r, ew_request_kind kind)
{
    memset(r, 0, sizeof *r);
    r->is_chat = kind == EW_REQUEST_CHAT;
    r->max_tokens = -1;
    r->temperature = NAN;
    r->top_p = NAN;
    r->frequency_penalty = NAN;
    r->presence_penalty = NAN;
    r->parallel_tool_calls = -1;
}

static int parse_json_error(pctx *p, int st, const ew_error *jerr)
{
    if (st == EW_ERR_NOMEM) return nomem(p);
    fail(p, 400, "invalid_json", NULL,
         st == EW_ERR_TOO_LARGE ? "The JSON body is too deeply nested or has too many values: %s"
                                : "We could not parse the JSON body of your request: %s",
         jerr->message);
    return st;
}

size_t ew__request_arena_cap(size_t body_len)
{
    /* Unescaped strings never outgrow their source, and each message or part
     * costs a bounded struct per its (larger) JSON text: 8x plus slack. */
    return body_len * 8 + 65536;
}

int ew__request_parse(const char *json, size_t len, ew_request_kind kind, ew_arena *a,
                      ew_request *out, ew_api_error *err)
{
    request_defaults(out, kind);
    pctx p = {.a = a, .req = out, .err = err, .kind = kind};
    p.max_tokens = p.max_completion_tokens = -1;
    ew_json_doc doc;
    ew_error jerr;
    jerr.message[0] = '\0'; /* the parser fills it on failure: no 780-byte clear per request */
    int st = ew_json_parse(&doc, json, len, NULL, &jerr);
    if (st) return parse_json_error(&p, st, &jerr);
    p.doc = &doc;
    if (ew_json_type_of(&doc, 0) != EW_JSON_OBJECT) {
        st = fail(&p, 400, "invalid_json", NULL,
                  "The request body must be a JSON object, but got %s.", tname(&p, 0));
        goto out;
    }
    for (int k = ew_json_first(&doc, 0); k >= 0; k = ew_json_next(&doc, k)) {
        const field *f = find_field(&p, k);
        int v = ew_json_member_value(&doc, k);
        if (f && !absent(&p, v) && (st = f->fn(&p, v))) goto out;
    }
    st = check_whole(&p);
out:
    ew_json_doc_cleanup(&doc);
    return st;
}

/* ---- the public, self-contained form ------------------------------------------- */

typedef struct owned_request {
    ew_request req; /* first: ew_request_free casts back */
    ew_arena arena;
} owned_request;

int ew_request_parse_json(const char *json, size_t len, ew_request_kind kind, ew_request **out,
                          ew_api_error *err)
{
    *out = NULL;
    owned_request *o = calloc(1, sizeof *o);
    if (!o) {
        ew_api_error_set(err, 500, "server_error", "out_of_memory", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    ew_arena_init(&o->arena, 0, ew__request_arena_cap(len));
    int st = ew__request_parse(json, len, kind, &o->arena, &o->req, err);
    if (st) {
        ew_arena_cleanup(&o->arena);
        free(o);
        return st;
    }
    *out = &o->req;
    return EW_OK;
}

void ew_request_free(ew_request *req)
{
    if (!req) return;
    owned_request *o = (owned_request *)req;
    ew_arena_cleanup(&o->arena);
    free(o);
}
