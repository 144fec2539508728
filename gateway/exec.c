/* Route execution and the OpenAI response writer (see exec.h).
 *
 * The response is written in one of two shapes from the same calls:
 *  - stream: Server-Sent Events of chat.completion.chunk (or text_completion)
 *    objects: a role chunk, content chunks, a chunk with finish_reason, a
 *    usage chunk when stream_options.include_usage asked for it, then
 *    "data: [DONE]". A failure after the first byte is one
 *    `data: {"error": {...}}` event, and the stream ends;
 *  - whole: the text is gathered and sent as one chat.completion (or
 *    text_completion) object with usage, so nothing reaches the client
 *    before the end and a failure can always fall back.
 */
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/json.h"
#include "core/log.h"
#include "gateway/gateway_internal.h"
#include "gateway/gw.h"
#include "gateway/routes.h"

/* The whole answer of a non-stream request, at most. */
#define CONTENT_MAX (8u << 20)
/* A stream's unsent output: the route pauses above HIGH, goes on below LOW. */
#define OUT_HIGH_WATER (256u << 10)
#define OUT_LOW_WATER  (64u << 10)
#define MAX_EXTRA      3
#define MAX_HOOKS      4

struct ew__exec {
    ew__gateway *gw;
    ew__http_req *hr;
    const ew_request *req;
    const ew_request *client_req; /* as parsed; req may be a route's copy */
    const ew_decision *d;
    ew__caller caller;
    ew__exec *prev, *next;
    int next_fallback; /* index into d->fallbacks of the next one to try */
    ew_route_target cur;
    bool fell_back;
    /* Response headers; they must outlive the request's head. */
    char route[16];
    char backend[EW_DECISION_NAME_MAX];
    char model[EW_DECISION_NAME_MAX];
    char extra_name[MAX_EXTRA][40];
    char extra_value[MAX_EXTRA][80];
    int n_extra;
    char retry_after[16];
    /* State. */
    bool committed; /* bytes of the answer went out */
    bool commit_failed;
    bool aborted;
    bool finished;
    void (*cancel)(void *arg);
    void *cancel_arg;
    const ew__exec_filter *filter;
    void *filter_arg;
    bool filtering;      /* inside a filter hook: its output goes straight out */
    bool keep_on_device; /* no unsanitized route may be tried any more */
    struct {
        void (*fn)(void *arg);
        void *arg;
    } hooks[MAX_HOOKS];
    int n_hooks;
    void (*pause)(void *arg, bool pause);
    void *pause_arg;
    bool paused;
    /* Output. */
    ew_buf content; /* non-stream: the text so far */
    ew_buf tool_calls;
    char id[96];
    int64_t created;
    const char *chunk_head; /* see chunk_head(); NULL until the first chunk */
    size_t chunk_head_len;
    ew__usage usage;
    uint64_t ttft_us;
};

/* ---- small helpers ----------------------------------------------------------------- */

ew__gateway *ew__exec_gw(ew__exec *x)
{
    return x->gw;
}

const ew_request *ew__exec_request(ew__exec *x)
{
    return x->req;
}

const char *ew__exec_id(ew__exec *x)
{
    return x->hr->id;
}

ew_arena *ew__exec_arena(ew__exec *x)
{
    return ew__http_req_arena(x->hr);
}

bool ew__exec_aborted(const ew__exec *x)
{
    return x->aborted;
}

bool ew__exec_committed(const ew__exec *x)
{
    return x->committed;
}

uint64_t ew__exec_elapsed_us(const ew__exec *x)
{
    return (ew__http_now_ns() - x->hr->start_ns) / 1000;
}

void ew__exec_set_backend(ew__exec *x, const char *backend)
{
    ew__str_copy(x->backend, sizeof x->backend, backend ? backend : "");
}

void ew__exec_set_model(ew__exec *x, const char *model)
{
    if (!model || !model[0] || !strcmp(model, x->model)) return;
    ew__str_copy(x->model, sizeof x->model, model);
    x->chunk_head = NULL;
}

void ew__exec_add_header(ew__exec *x, const char *name, const char *value)
{
    for (int i = 0; i < x->n_extra; i++)
        if (!strcmp(x->extra_name[i], name)) {
            ew__str_copy(x->extra_value[i], sizeof x->extra_value[i], value);
            return;
        }
    if (x->n_extra == MAX_EXTRA) return;
    ew__str_copy(x->extra_name[x->n_extra], sizeof x->extra_name[0], name);
    ew__str_copy(x->extra_value[x->n_extra], sizeof x->extra_value[0], value);
    x->n_extra++;
}

void ew__exec_set_cancel(ew__exec *x, void (*fn)(void *arg), void *arg)
{
    x->cancel = fn;
    x->cancel_arg = arg;
}

const char *ew__exec_header(ew__exec *x, const char *name, size_t *len)
{
    const ew__http_header *h = ew__http_find_header(&x->hr->head, name);
    if (!h) return NULL;
    *len = h->value_len;
    return h->value;
}

void ew__exec_set_request(ew__exec *x, const ew_request *req)
{
    x->req = req;
}

void ew__exec_set_filter(ew__exec *x, const ew__exec_filter *f, void *arg)
{
    x->filter = f;
    x->filter_arg = arg;
}

int ew__exec_on_finish(ew__exec *x, void (*fn)(void *arg), void *arg)
{
    if (x->n_hooks == MAX_HOOKS) return EW_ERR_BUSY;
    x->hooks[x->n_hooks].fn = fn;
    x->hooks[x->n_hooks++].arg = arg;
    return EW_OK;
}

static void run_hooks(ew__exec *x)
{
    x->filter = NULL;
    while (x->n_hooks > 0) {
        x->n_hooks--;
        x->hooks[x->n_hooks].fn(x->hooks[x->n_hooks].arg);
    }
}

void ew__exec_keep_on_device(ew__exec *x)
{
    x->keep_on_device = true;
}

static bool leaves_unsanitized(ew_route r)
{
    return r == EW_ROUTE_REMOTE || r == EW_ROUTE_CASCADE || r == EW_ROUTE_SPECULATIVE;
}

/* Runs a filter hook; what it writes goes out unfiltered. */
static int filtered(ew__exec *x, int (*hook)(void *, ew__exec *, const char *, size_t),
                    const char *data, size_t len)
{
    x->filtering = true;
    int st = hook(x->filter_arg, x, data, len);
    x->filtering = false;
    return st;
}

void ew__exec_set_pause(ew__exec *x, void (*fn)(void *arg, bool pause), void *arg)
{
    x->pause = fn;
    x->pause_arg = arg;
    x->paused = false;
}

static void on_writable(void *arg, ew__http_req *hr)
{
    (void)hr;
    ew__exec *x = arg;
    if (!x->paused) return;
    x->paused = false;
    if (x->pause && !x->finished) x->pause(x->pause_arg, false);
}

/* After queueing stream output: pause the route while the client lags. */
static void check_backlog(ew__exec *x)
{
    if (x->paused || !x->pause || ew__http_out_pending(x->hr) <= OUT_HIGH_WATER) return;
    x->paused = true;
    x->pause(x->pause_arg, true);
    ew__http_on_writable(x->hr, OUT_LOW_WATER, on_writable, x);
}

static void add_headers(ew__exec *x)
{
    ew__http_req *hr = x->hr;
    ew__http_add_header(hr, "x-edgeway-route", x->route);
    if (x->d->rule[0]) ew__http_add_header(hr, "x-edgeway-rule", x->d->rule);
    if (x->backend[0]) ew__http_add_header(hr, "x-edgeway-backend", x->backend);
    if (x->fell_back) ew__http_add_header(hr, "x-edgeway-fallback", "true");
    for (int i = 0; i < x->n_extra; i++)
        ew__http_add_header(hr, x->extra_name[i], x->extra_value[i]);
}

/* ---- the end of a request ----------------------------------------------------------- */

static void unlink_exec(ew__exec *x)
{
    ew__gateway *gw = x->gw;
    if (x->prev)
        x->prev->next = x->next;
    else if (gw->execs == x)
        gw->execs = x->next;
    if (x->next) x->next->prev = x->prev;
    x->prev = x->next = NULL;
}

/* Metrics and the token bucket; the HTTP layer's finish callback does the
 * access log (it reads x through hr->handler_data). */
static void account(ew__exec *x)
{
    ew__gateway *gw = x->gw;
    if (x->usage.present) {
        ew__auth_charge(gw->auth, &x->caller, x->usage.total_tokens, ew__http_now_ns() / 1000000);
    }
}

static void finish(ew__exec *x)
{
    if (x->finished) return;
    x->finished = true;
    x->cancel = NULL;
    run_hooks(x);
    x->pause = NULL;
    account(x);
    unlink_exec(x);
    ew_buf_cleanup(&x->content);
    ew_buf_cleanup(&x->tool_calls);
}

/* Answers with an error before anything was sent. */
static void respond_error(ew__exec *x, const ew_api_error *e)
{
    finish(x);
    add_headers(x);
    ew__http_respond_error(x->hr, e);
}

/* The client is gone: end the HTTP request without an answer. */
static void end_aborted(ew__exec *x)
{
    finish(x);
    if (x->committed) {
        ew__http_stream_end(x->hr);
    } else {
        ew__http_respond(x->hr, 499, NULL, NULL, 0);
    }
}

static void on_abort(void *arg, ew__http_req *hr)
{
    (void)hr;
    ew__exec *x = arg;
    if (x->finished || x->aborted) return;
    x->aborted = true;
    if (x->cancel) {
        void (*fn)(void *) = x->cancel;
        x->cancel = NULL;
        fn(x->cancel_arg); /* the route ends with ew__exec_fail(CANCELLED) */
    } else {
        end_aborted(x);
    }
}

/* ---- writing the answer ------------------------------------------------------------- */

static const char *object_name(const ew__exec *x, bool chunk)
{
    if (!x->req->is_chat) return "text_completion";
    return chunk ? "chat.completion.chunk" : "chat.completion";
}

/* The answer is written straight into a buffer, not through ew_jw: its shape
 * is fixed, and a stream writes one per token. Appends stop at the first
 * failure, which `st` keeps. Strings go through ew_json_escape (valid
 * UTF-8 out, whatever comes in); raw JSON (tool_calls) is already valid. */
typedef struct answer_buf {
    ew_buf *b;
    int st;
} answer_buf;

static inline void put(answer_buf *o, const char *s, size_t n)
{
    if (!o->st) o->st = ew_buf_put(o->b, s, n);
}

#define PUT_LIT(o, lit) put((o), (lit), sizeof(lit) - 1)

static void put_str(answer_buf *o, const char *s, size_t n)
{
    put(o, "\"", 1);
    if (!o->st) o->st = ew_json_escape(o->b, s, n);
    put(o, "\"", 1);
}

/* Counts here (usage, created) are never negative. */
static void put_int(answer_buf *o, int64_t v)
{
    char t[24];
    put(o, t, ew__str_u64(t, v > 0 ? (uint64_t)v : 0));
}

static void put_usage(answer_buf *o, const ew__usage *u)
{
    PUT_LIT(o, "{\"prompt_tokens\":");
    put_int(o, u->prompt_tokens);
    PUT_LIT(o, ",\"completion_tokens\":");
    put_int(o, u->completion_tokens);
    PUT_LIT(o, ",\"total_tokens\":");
    put_int(o, u->total_tokens);
    put(o, "}", 1);
}

/* {"id":..,"object":..,"created":..,"model":..,"choices":[ */
static void put_head(answer_buf *o, const ew__exec *x, bool chunk)
{
    PUT_LIT(o, "{\"id\":");
    put_str(o, x->id, strlen(x->id));
    PUT_LIT(o, ",\"object\":\"");
    const char *obj = object_name(x, chunk);
    put(o, obj, strlen(obj));
    PUT_LIT(o, "\",\"created\":");
    put_int(o, x->created);
    PUT_LIT(o, ",\"model\":");
    put_str(o, x->model, strlen(x->model));
    PUT_LIT(o, ",\"choices\":[");
}

/* The head of every chunk of this stream, written once into the request's
 * arena (NULL when out of memory); ew__exec_set_model drops it. */
static const char *chunk_head(ew__exec *x, size_t *len)
{
    if (!x->chunk_head) {
        ew_buf *b = ew__http_req_scratch(x->hr);
        answer_buf o = {b, EW_OK};
        put_head(&o, x, true);
        if (o.st) return NULL;
        x->chunk_head = ew_arena_strndup(ew__exec_arena(x), b->data, b->len);
        x->chunk_head_len = b->len;
    }
    *len = x->chunk_head_len;
    return x->chunk_head;
}

/* A member of an object being written: a comma before all but the first. */
static void put_key(answer_buf *o, bool *first, const char *quoted_key_colon, size_t n)
{
    if (!*first) put(o, ",", 1);
    *first = false;
    put(o, quoted_key_colon, n);
}

typedef struct chunk {
    const char *role;
    const char *text;
    size_t len;
    const char *tool_calls;
    size_t tool_calls_len;
    const char *finish;
    const ew__usage *usage; /* a usage-only chunk */
} chunk;

/* The choice of a chunk: {"index":0,"delta":{..},"logprobs":null,"finish_reason":..} */
static void put_chunk_choice(answer_buf *o, const ew__exec *x, const chunk *c)
{
    PUT_LIT(o, "{\"index\":0,");
    if (x->req->is_chat) {
        PUT_LIT(o, "\"delta\":{");
        bool first = true;
        if (c->role) {
            put_key(o, &first, "\"role\":", 7);
            put_str(o, c->role, strlen(c->role));
        }
        if (c->text) {
            put_key(o, &first, "\"content\":", 10);
            put_str(o, c->text, c->len);
        }
        if (c->tool_calls) {
            put_key(o, &first, "\"tool_calls\":", 13);
            put(o, c->tool_calls, c->tool_calls_len);
        }
        PUT_LIT(o, "},");
    } else {
        PUT_LIT(o, "\"text\":");
        put_str(o, c->text ? c->text : "", c->text ? c->len : 0);
        put(o, ",", 1);
    }
    PUT_LIT(o, "\"logprobs\":null,\"finish_reason\":");
    if (c->finish)
        put_str(o, c->finish, strlen(c->finish));
    else
        PUT_LIT(o, "null");
    put(o, "}", 1);
}

/* Writes one SSE event with a chunk and sends it. */
static int send_chunk(ew__exec *x, const chunk *c)
{
    size_t head_len;
    const char *head = chunk_head(x, &head_len);
    if (!head) return EW_ERR_NOMEM;
    ew_buf *b = ew__http_req_scratch(x->hr);
    answer_buf o = {b, EW_OK};
    PUT_LIT(&o, "data: ");
    put(&o, head, head_len);
    if (!c->usage) put_chunk_choice(&o, x, c);
    put(&o, "]", 1);
    if (c->usage) {
        PUT_LIT(&o, ",\"usage\":");
        put_usage(&o, c->usage);
    }
    PUT_LIT(&o, "}\n\n");
    if (o.st) return o.st;
    int st = ew__http_stream_write(x->hr, b->data, b->len);
    if (!st) check_backlog(x);
    return st;
}

/* Sends the headers (and, for a stream, the role chunk). */
static int commit(ew__exec *x)
{
    if (x->committed) return EW_OK;
    if (x->commit_failed) return EW_ERR_BUSY;
    if (!x->req->stream) return EW_OK; /* a whole answer commits at its end */
    add_headers(x);
    ew__http_add_header(x->hr, "Cache-Control", "no-cache");
    int st = ew__http_stream_begin(x->hr, 200, "text/event-stream");
    if (st) {
        /* Too many streams: the headers were not sent; answer 429 at the end. */
        x->hr->n_resp_headers = 0;
        x->commit_failed = true;
        return st;
    }
    x->committed = true;
    if (!x->req->is_chat) return EW_OK;
    chunk c = {.role = "assistant", .text = "", .len = 0};
    return send_chunk(x, &c);
}

static void note_first(ew__exec *x)
{
    if (!x->ttft_us) x->ttft_us = ew__exec_elapsed_us(x) + 1;
}

int ew__exec_text(ew__exec *x, const char *text, size_t len)
{
    if (x->aborted || x->finished) return EW_ERR_CANCELLED;
    if (!len) return EW_OK;
    if (x->filter && !x->filtering) return filtered(x, x->filter->text, text, len);
    if (!x->req->stream) {
        note_first(x);
        return ew_buf_append(&x->content, text, len);
    }
    int st = commit(x);
    if (st) return st;
    note_first(x);
    chunk c = {.text = text, .len = len};
    return send_chunk(x, &c);
}

int ew__exec_tool_calls(ew__exec *x, const char *json, size_t len)
{
    if (x->aborted || x->finished) return EW_ERR_CANCELLED;
    if (!x->req->is_chat || !len) return EW_OK;
    if (x->filter && !x->filtering) return filtered(x, x->filter->tool_calls, json, len);
    if (!x->req->stream) {
        ew_buf_reset(&x->tool_calls);
        return ew_buf_append(&x->tool_calls, json, len);
    }
    int st = commit(x);
    if (st) return st;
    note_first(x);
    chunk c = {.tool_calls = json, .tool_calls_len = len};
    return send_chunk(x, &c);
}

static void whole_answer(ew__exec *x, const char *finish_reason)
{
    ew_buf *b = ew__http_req_scratch(x->hr);
    answer_buf o = {b, EW_OK};
    const char *text = x->content.data ? x->content.data : "";
    put_head(&o, x, false);
    PUT_LIT(&o, "{\"index\":0,");
    if (x->req->is_chat) {
        PUT_LIT(&o, "\"message\":{\"role\":\"assistant\",\"content\":");
        if (x->content.len || !x->tool_calls.len)
            put_str(&o, text, x->content.len);
        else
            PUT_LIT(&o, "null");
        if (x->tool_calls.len) {
            PUT_LIT(&o, ",\"tool_calls\":");
            put(&o, x->tool_calls.data, x->tool_calls.len);
        }
        PUT_LIT(&o, "},");
    } else {
        PUT_LIT(&o, "\"text\":");
        put_str(&o, text, x->content.len);
        put(&o, ",", 1);
    }
    PUT_LIT(&o, "\"logprobs\":null,\"finish_reason\":");
    put_str(&o, finish_reason, strlen(finish_reason));
    PUT_LIT(&o, "}]");
    if (x->usage.present) {
        PUT_LIT(&o, ",\"usage\":");
        put_usage(&o, &x->usage);
    }
    put(&o, "}", 1);
    if (o.st) {
        ew_api_error e;
        ew_api_error_set(&e, 500, "server_error", "internal_error", NULL,
                         "The answer could not be formatted (%s).", ew_strerror(o.st));
        respond_error(x, &e);
        return;
    }
    finish(x);
    add_headers(x);
    ew__http_respond(x->hr, 200, "application/json", b->data, b->len);
}

void ew__exec_done(ew__exec *x, const char *finish_reason, const ew__usage *usage)
{
    x->cancel = NULL;
    if (x->finished) return;
    if (usage && usage->present) {
        x->usage = *usage;
        if (!x->usage.total_tokens)
            x->usage.total_tokens = x->usage.prompt_tokens + x->usage.completion_tokens;
    }
    if (x->filter && !x->aborted) {
        const ew__exec_filter *f = x->filter;
        x->filtering = true;
        int st = f->flush(x->filter_arg, x);
        x->filtering = false;
        x->filter = NULL;
        if (st && !x->aborted) {
            ew_api_error e;
            ew_api_error_set(&e, 500, "server_error", "internal_error", NULL,
                             "The answer could not be completed (%s).", ew_strerror(st));
            ew__exec_fail(x, st, &e, false);
            return;
        }
    }
    if (x->aborted) {
        end_aborted(x);
        return;
    }
    const char *fr = finish_reason && finish_reason[0] ? finish_reason : "stop";
    if (!x->req->stream) {
        whole_answer(x, fr);
        return;
    }
    /* A stream that produced no text still gets its headers and role chunk. */
    if (commit(x)) {
        ew_api_error e;
        ew_api_error_set(&e, 429, "rate_limit_error", "too_many_streams", NULL,
                         "Too many concurrent streams; retry shortly.");
        respond_error(x, &e);
        return;
    }
    chunk c = {.finish = fr};
    if (!x->req->is_chat) c.text = "";
    send_chunk(x, &c);
    if (x->req->include_usage && x->usage.present) {
        chunk u = {.usage = &x->usage};
        send_chunk(x, &u);
    }
    ew__http_stream_write(x->hr, "data: [DONE]\n\n", 14);
    finish(x);
    ew__http_stream_end(x->hr);
}

/* ---- attempts and fallbacks ---------------------------------------------------------- */

static const ew__route_ops *ops_for(ew_route r)
{
    switch (r) {
    case EW_ROUTE_LOCAL:
        return &ew__route_local;
    case EW_ROUTE_REMOTE:
        return &ew__route_remote;
    case EW_ROUTE_CASCADE:
        return &ew__route_cascade;
    case EW_ROUTE_SPECULATIVE:
        return &ew__route_speculative;
    case EW_ROUTE_SPLIT:
        return &ew__route_split;
    default:
        return NULL; /* deny is handled here */
    }
}

static void deny(ew__exec *x, const ew_decision *d)
{
    ew_api_error e;
    ew_api_error_set(&e, 403, "invalid_request_error", "policy_denied", NULL, "%s",
                     d->message[0] ? d->message : "This request is not allowed by the policy.");
    respond_error(x, &e);
}

/* Starts the target at `next` (-1 = the decision's own), then the fallbacks
 * after it, until one starts. Answers the last error when none does. */
static void attempt(ew__exec *x, int next, ew_api_error *last)
{
    const ew_decision *d = x->d;
    for (int i = next; i < d->n_fallbacks; i++) {
        const ew_route_target *t = i < 0 ? &d->target : &d->fallbacks[i];
        x->next_fallback = i + 1;
        if (x->keep_on_device && leaves_unsanitized(t->route)) {
            ew__debug(x->hr->id, "fallback %s skipped: the request must stay on the device",
                      ew_route_name(t->route));
            continue;
        }
        if (i >= 0) {
            x->fell_back = true;
            ew__metrics_fallback(x->gw->metrics, t->route);
        }
        if (t->route == EW_ROUTE_DENY) {
            ew__str_copy(x->route, sizeof x->route, ew_route_name(t->route));
            deny(x, d);
            return;
        }
        x->cur = *t;
        /* A message the client keeps on the device never leaves raw: a route
         * that would send it runs as split local-prefix (route_split.c). */
        if ((t->route == EW_ROUTE_REMOTE || t->route == EW_ROUTE_SPECULATIVE) &&
            ew__split_first_marked(x->client_req) >= 0) {
            x->cur.route = EW_ROUTE_SPLIT;
            x->cur.split_mode = EW_SPLIT_LOCAL_PREFIX;
        }
        const ew__route_ops *ops = ops_for(x->cur.route);
        x->req = x->client_req;
        x->filter = NULL;
        ew__str_copy(x->route, sizeof x->route, ew_route_name(x->cur.route));
        x->backend[0] = '\0';
        x->n_extra = 0;
        if (!ops) {
            ew_api_error_set(last, 501, "server_error", "route_unavailable", NULL,
                             "The %s route is not available in this build.",
                             ew_route_name(x->cur.route));
            continue;
        }
        int st = ops->start(x, &x->cur, last);
        if (!st) return;
        ew__debug(x->hr->id, "route %s did not start: %s", ew_route_name(x->cur.route),
                  last->message);
    }
    if (!last->http_status)
        ew_api_error_set(last, 503, "server_error", "no_backend", NULL,
                         "No route could serve this request.");
    respond_error(x, last);
}

void ew__exec_fail(ew__exec *x, int status, const ew_api_error *e, bool fallback)
{
    x->cancel = NULL;
    x->pause = NULL;
    if (x->finished) return;
    if (x->aborted || status == EW_ERR_CANCELLED) {
        end_aborted(x);
        return;
    }
    ew_api_error err;
    if (e)
        err = *e;
    else
        ew_api_error_set(&err, 500, "server_error", "internal_error", NULL, "%s",
                         ew_strerror(status));
    if (x->commit_failed) {
        ew_api_error_set(&err, 429, "rate_limit_error", "too_many_streams", NULL,
                         "Too many concurrent streams; retry shortly.");
        respond_error(x, &err);
        return;
    }
    if (!x->committed) {
        ew_buf_reset(&x->content);
        ew_buf_reset(&x->tool_calls);
        x->ttft_us = 0;
        memset(&x->usage, 0, sizeof x->usage);
        if (fallback && x->next_fallback < x->d->n_fallbacks) {
            attempt(x, x->next_fallback, &err);
            return;
        }
        respond_error(x, &err);
        return;
    }
    /* Mid-stream: one error event, then the end (no [DONE]: the answer is cut). */
    ew_buf *b = ew__http_req_scratch(x->hr);
    ew_buf_append_str(b, "data: ");
    ew__api_error_json(&err, b);
    ew_buf_append_str(b, "\n\n");
    ew__http_stream_write(x->hr, b->data, b->len);
    x->hr->log_error_type = err.type;
    finish(x);
    ew__http_stream_end(x->hr);
}

ew__exec *ew__exec_run(ew__gateway *gw, ew__http_req *hr, const ew_request *req,
                       const ew_decision *d, const ew__caller *caller)
{
    ew__exec *x = ew_arena_calloc(ew__http_req_arena(hr), 1, sizeof *x);
    if (!x) {
        ew_api_error e;
        ew_api_error_set(&e, 500, "server_error", "internal_error", NULL, "out of memory");
        ew__http_respond_error(hr, &e);
        return NULL;
    }
    x->gw = gw;
    x->hr = hr;
    x->req = req;
    x->client_req = req;
    x->d = d;
    x->caller = *caller;
    x->fell_back = d->fell_back; /* the policy's own fallback (its first choice was unavailable) */
    x->created = (int64_t)time(NULL);
    size_t n = ew__str_copy(x->id, sizeof x->id, req->is_chat ? "chatcmpl-" : "cmpl-");
    ew__str_copy(x->id + n, sizeof x->id - n, hr->id);
    ew__str_copy(x->model, sizeof x->model, req->model ? req->model : "");
    ew_buf_init(&x->content, CONTENT_MAX);
    ew_buf_init(&x->tool_calls, CONTENT_MAX);
    x->next = gw->execs;
    if (gw->execs) gw->execs->prev = x;
    gw->execs = x;
    ew__http_set_abort(hr, on_abort, x);
    ew_api_error last = {0}; /* filled by the first route that cannot start */
    attempt(x, -1, &last);
    return x;
}

void ew__exec_forget_all(ew__gateway *gw)
{
    while (gw->execs) {
        ew__exec *x = gw->execs;
        x->finished = true;
        run_hooks(x);
        unlink_exec(x);
        ew_buf_cleanup(&x->content);
        ew_buf_cleanup(&x->tool_calls);
    }
}

/* ---- for the access log and metrics (server.c) ---------------------------------------- */

void ew__exec_describe(const ew__exec *x, ew__exec_info *out)
{
    memset(out, 0, sizeof *out);
    out->route = x->route[0] ? x->route : NULL;
    out->route_id = x->route[0] ? (int)x->cur.route : -1;
    out->rule = x->d->rule[0] ? x->d->rule : NULL;
    out->backend = x->backend[0] ? x->backend : NULL;
    out->key = x->caller.key[0] ? x->caller.key : NULL;
    out->tenant = x->caller.tenant[0] ? x->caller.tenant : NULL;
    out->fell_back = x->fell_back;
    for (int i = 0; i < x->n_extra; i++)
        if (!strcmp(x->extra_name[i], "x-edgeway-split")) out->split = x->extra_value[i];
    out->ttft_us = x->ttft_us ? x->ttft_us - 1 : 0;
    out->has_ttft = x->ttft_us != 0;
    out->usage = x->usage;
    out->decision = x->d;
}
