/* The speculative route: the local draft model proposes, the edgeway
 * backend verifies (gateway/spec_edge.h), and the tokens each round
 * accepts go to the client at once as text.
 *
 * The request's prompt is rendered with the draft model's chat template
 * here and tokenized on a draft worker; the draft and the target share a
 * tokenizer (checked once per backend), so the target sees exactly the
 * tokens it would have tokenized itself. Stop strings, max_tokens and the
 * context apply to the text as the local route applies them.
 *
 * Plain remote streaming serves the request instead (same backend, before
 * any text) when the backend has no verify API or another tokenizer, when
 * speculation is known not to pay off for the pair (acceptance below
 * routing.speculative.min_acceptance), when the draft model is not an
 * embedded one, or when the request needs what only the target handles
 * (tools, response_format, logit_bias, logprobs), or when the draft model
 * already serves its workers + queue speculative requests (each holds a
 * draft session until it ends). The response says which:
 * x-edgeway-speculative: on, or the reason.
 *
 * A request holding a type the split route would replace runs on its
 * pseudonymized form (gateway/split.h, the conversation's vault): the draft
 * and the verifier both see placeholders, and the answer is restored on its
 * way out by the exec's filter.
 *
 * A non-stream answer is gathered here, so a run that turns out not to pay
 * off can still start over as plain remote streaming; a stream keeps
 * speculating once its first text went out. A failure (the backend gone
 * mid-generation) ends a stream with an error event, and otherwise falls
 * back as the policy says.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "edgeway/tokenizer.h"
#include "gateway/gw.h"
#include "gateway/routes.h"
#include "gateway/spec_edges.h"
#include "gateway/split.h"
#include "local/stop_text.h"

/* The rendered prompt, at most (as the local route's runner). */
#define PROMPT_MAX (8u << 20)
/* A non-stream answer, at most. */
#define ANSWER_MAX (8u << 20)

typedef struct spec_req {
    ew__exec *x;
    ew__gateway *gw;
    ew__spec_slot *slot;
    ew__spec_run *run;
    char backend[EW_DECISION_NAME_MAX];
    const ew_tokenizer *tok;
    ew__stop_text text;
    ew_buf answer;    /* non-stream: the text so far */
    ew_buf round;     /* the text of the round being delivered */
    bool emitted;     /* text went to the exec */
    bool stop_string; /* a stop string ended the answer */
    int used;         /* tokens of the answer (a stop string ends it mid-round) */
    int fail_st;      /* the client could not take more */
} spec_req;

static void release(spec_req *q)
{
    if (q->slot) ew__spec_slot_release(q->gw->spec, q->slot);
    q->slot = NULL;
    q->run = NULL;
    ew_buf_cleanup(&q->answer);
    ew_buf_cleanup(&q->round);
}

static void cancel_hook(void *arg)
{
    spec_req *q = arg;
    ew__spec_cancel(q->run);
    release(q);
    ew__exec_fail(q->x, EW_ERR_CANCELLED, NULL, false);
}

/* Decided text: to the client (stream) or to the gathered answer. */
static int put(spec_req *q, const char *s, size_t n)
{
    if (!n) return EW_OK;
    if (!ew__exec_request(q->x)->stream) return ew_buf_append(&q->answer, s, n);
    q->emitted = true;
    return ew__exec_text(q->x, s, n);
}

static bool on_tokens(void *user, const int32_t *t, int n)
{
    spec_req *q = user;
    /* one chunk per round: the round's decided text together */
    ew_buf_reset(&q->round);
    for (int i = 0; i < n && !q->fail_st && !q->stop_string; i++) {
        q->used++;
        if (ew_tokenizer_is_eog(q->tok, t[i])) continue; /* the run ends after it */
        const char *piece;
        size_t len;
        if (ew_tokenizer_token_to_piece(q->tok, t[i], false, &piece, &len)) len = 0;
        size_t emit = ew__stop_text_push(&q->text, piece, len, &q->stop_string);
        q->fail_st = ew_buf_append(&q->round, q->text.buf, emit);
        ew__stop_text_consume(&q->text, emit);
    }
    if (!q->fail_st) q->fail_st = put(q, q->round.data, q->round.len);
    return q->fail_st || q->stop_string;
}

/* The client's error for a failed run. */
static void run_error(int status, const char *message, ew_api_error *e)
{
    if (status == EW_ERR_TOO_LARGE) {
        ew_api_error_set(e, 400, "invalid_request_error", "context_length_exceeded", "messages",
                         "%s", message);
        return;
    }
    ew__remote_failure f = {.status = status, .message = message};
    ew__remote_failure_error(&f, e);
}

/* Plain remote streaming on the same backend, before any text. */
static int plain_remote(ew__exec *x, const char *backend, const char *reason, ew_api_error *e)
{
    ew__exec_add_header(x, "x-edgeway-speculative", reason);
    return ew__cloud_start(x, backend, e);
}

static const char *finish_reason(const spec_req *q, const ew__spec_stats *st)
{
    if (q->stop_string || st->stop == EW__SPEC_STOP_EOG) return "stop";
    return "length";
}

static void on_end(void *user, int status, const char *message, const ew__spec_stats *st)
{
    spec_req *q = user;
    ew__exec *x = q->x;
    ew__exec_set_cancel(x, NULL, NULL);
    bool fallback = status == EW_ERR_UNSUPPORTED && !q->emitted;
    ew__spec_edges_record(q->gw->spec,
                          fallback ? EW__SPEC_OUT_FALLBACK
                          : status ? EW__SPEC_OUT_ERROR
                                   : EW__SPEC_OUT_SPECULATED,
                          fallback ? ew__spec_fallback_name(st->fallback) : NULL, st);
    /* what a stop string's prefix held back is text after all */
    int fail = q->fail_st;
    if (!fallback && !status && !fail && !q->stop_string) fail = put(q, q->text.buf, q->text.len);
    ew_buf answer = q->answer;
    q->answer = (ew_buf){0};
    release(q);
    if (fallback) {
        ew_buf_cleanup(&answer);
        ew_api_error e;
        int rc = plain_remote(x, q->backend, ew__spec_fallback_name(st->fallback), &e);
        if (rc) ew__exec_fail(x, rc, &e, true);
        return;
    }
    if (!status && !fail && answer.len) fail = ew__exec_text(x, answer.data, answer.len);
    ew_buf_cleanup(&answer);
    ew_api_error e;
    if (fail) {
        ew_api_error_set(&e, 500, "server_error", "slow_client", NULL,
                         "The client did not read the answer fast enough.");
        ew__exec_fail(x, fail, &e, false);
        return;
    }
    if (status) {
        run_error(status, message, &e);
        ew__warn(ew__exec_id(x), "speculative: %s", e.message);
        ew__exec_fail(x, status, &e, !q->emitted && status != EW_ERR_TOO_LARGE);
        return;
    }
    ew__usage u = {.present = true,
                   .prompt_tokens = st->prompt_tokens,
                   .completion_tokens = q->used,
                   .total_tokens = st->prompt_tokens + q->used};
    ew__exec_done(x, finish_reason(q, st), &u);
}

static const ew__spec_events events = {on_tokens, on_end};

/* The prompt as text: the draft's chat template, or the completion prompt. */
static int render(const ew_request *req, const ew_model *m, ew_buf *b, ew_api_error *e)
{
    if (!req->is_chat) return ew_buf_append(b, req->prompt ? req->prompt : "", req->prompt_len);
    size_t need = 0;
    ew_error err;
    ew_error_clear(&err);
    int st = ew_buf_reserve(b, 4096);
    if (!st)
        st = ew_model_apply_chat(m, req->messages, req->n_messages, true, b->data, b->cap, &need,
                                 &err);
    if (st == EW_ERR_TOO_LARGE && !ew_buf_reserve(b, need + 1))
        st = ew_model_apply_chat(m, req->messages, req->n_messages, true, b->data, b->cap, &need,
                                 &err);
    if (st) {
        ew_api_error_set(e, 400, "invalid_request_error",
                         st == EW_ERR_TOO_LARGE ? "context_length_exceeded" : "invalid_value",
                         "messages", "%s", err.message[0] ? err.message : ew_strerror(st));
        return st;
    }
    b->len = need;
    return EW_OK;
}

/* What only the target can serve; NULL when the draft can take part. */
static const char *needs_target(const ew_request *req)
{
    if (req->tools_json || req->tool_choice_json || req->response_format_json ||
        req->logit_bias_json || req->logprobs)
        return "unsupported_request";
    return NULL;
}

static void params_of(const ew_request *req, const ew_speculative_cfg *cfg, ew__spec_params *p)
{
    memset(p, 0, sizeof *p);
    /* -1: as many as the context allows (the run stops there) */
    p->max_tokens = req->max_tokens > 0 ? req->max_tokens : 1 << 30;
    ew_sampler_params_init(&p->sampling);
    p->sampling.temperature = isnan(req->temperature) ? 1.0f : (float)req->temperature;
    p->sampling.top_p = isnan(req->top_p) ? 1.0f : (float)req->top_p;
    p->sampling.top_k = 0;
    p->sampling.min_p = 0;
    p->has_seed = req->has_seed;
    p->sampling.seed = req->has_seed ? (uint64_t)req->seed : 0;
    p->cfg = *cfg;
    p->fallback_after_output = !req->stream;
    p->text_special = req->is_chat;
}

static int run_start(spec_req *q, ew__engine *m, const char *target, ew_api_error *e)
{
    ew__exec *x = q->x;
    const ew_request *req = ew__exec_request(x);
    const ew_speculative_cfg *cfg = &q->gw->cfg->routing->speculative;
    ew_buf prompt;
    ew_buf_init(&prompt, PROMPT_MAX);
    int st = render(req, ew__runner_model(m->runner), &prompt, e);
    ew_error err;
    ew_error_clear(&err);
    /* a depth beyond the draft's own is the whole draft */
    ew_model_info mi;
    ew_model_get_info(ew__runner_model(m->runner), &mi);
    int layers = cfg->early_exit_layers < mi.n_layer ? cfg->early_exit_layers : 0;
    if (!st)
        st = ew__spec_slot_get(q->gw->spec, m, ew__engines_remote(q->gw->engines), layers, &q->slot,
                               &err);
    /* each run holds a draft session (its KV cache) until it ends: as many
     * as the model's workers and queue, the rest stream plainly */
    if (!st && q->slot->users > m->workers + m->queue) {
        ew_buf_cleanup(&prompt);
        release(q);
        return EW_ERR_BUSY;
    }
    if (!st) {
        ew__spec_params p;
        params_of(req, cfg, &p);
        p.backend = q->backend;
        p.target_model = target;
        p.text = prompt.data ? prompt.data : "";
        p.text_len = prompt.len;
        p.request_id = ew__exec_id(x);
        st = ew__spec_start(q->slot->edge, &p, &events, q, &q->run, &err);
    }
    ew_buf_cleanup(&prompt);
    if (st && err.message[0])
        ew_api_error_set(e, st == EW_ERR_CONFIG ? 500 : 503, "server_error", "speculative_failed",
                         NULL, "%s", err.message);
    if (st) release(q);
    return st;
}

/* Whether the request holds a type the split would replace (never_remote
 * types, and routing.split.types or every type): then the draft and the
 * verifier both work on its pseudonymized form. A failed classification
 * counts as holding them all (the sanitizer then fails closed). */
static bool holds_hidden_types(ew__gateway *gw, ew__exec *x)
{
    ew__split_opts o;
    ew__split_opts_from_config(gw->cfg, &o);
    ew__exec_info info;
    ew__exec_describe(x, &info);
    const ew_decision_features *f = &info.decision->features;
    if (f->pii_failed) return true;
    for (int i = 0; i < f->n_pii && i < EW_DECISION_MAX_PII; i++) {
        const char *name = f->pii[i].type;
        int type = name ? ew_pii_type_from_name(name, strlen(name)) : -1;
        if (type >= 0 && f->pii[i].count > 0 && (o.replace & EW_PII_BIT(type))) return true;
    }
    return false;
}

static int start(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    ew__gateway *gw = ew__exec_gw(x);
    ew__upstream *u = ew__engines_remote(gw->engines);
    const ew_request *req = ew__exec_request(x);
    const char *target = u ? ew__remote_model_for(u->remote, t->backend, req->model) : NULL;
    if (!target) {
        ew_api_error_set(e, 503, "server_error", "no_backend", NULL,
                         "The speculative route's backend '%s' is not configured.", t->backend);
        return EW_ERR_UNAVAILABLE;
    }
    if (!gw->spec && !(gw->spec = ew__spec_edges_new(gw->base, gw->engines))) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    ew__exec_set_backend(x, t->backend);
    if (holds_hidden_types(gw, x)) {
        int st = ew__split_pseudonymize(x, t, e);
        if (st) return st;
        req = ew__exec_request(x);
    }
    ew__engine *m = ew__engines_model(gw->engines, t->model);
    const char *why = !m || !m->runner ? "no_draft_model" : needs_target(req);
    if (why) {
        ew__spec_edges_record(gw->spec, EW__SPEC_OUT_FALLBACK, why, NULL);
        return plain_remote(x, t->backend, why, e);
    }
    int st = ew__check_stops(req, e);
    if (st) return st;
    spec_req *q = ew_arena_calloc(ew__exec_arena(x), 1, sizeof *q);
    const ew_model *draft = ew__runner_model(m->runner);
    if (!q || !(q->text.buf = ew_arena_alloc(ew__exec_arena(x), ew__stop_text_size(draft)))) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    q->x = x;
    q->gw = gw;
    snprintf(q->backend, sizeof q->backend, "%s", t->backend);
    q->tok = ew_model_tokenizer(draft);
    q->text.stop = req->stop;
    q->text.n_stop = req->n_stop;
    ew_buf_init(&q->answer, ANSWER_MAX);
    ew_buf_init(&q->round, ANSWER_MAX);
    st = run_start(q, m, target, e);
    if (st == EW_ERR_BUSY) {
        ew__spec_edges_record(gw->spec, EW__SPEC_OUT_FALLBACK, "draft_busy", NULL);
        return plain_remote(x, t->backend, "draft_busy", e);
    }
    if (st) return st;
    ew__exec_set_model(x, target);
    ew__exec_add_header(x, "x-edgeway-speculative", "on");
    ew__exec_set_cancel(x, cancel_hook, q);
    return EW_OK;
}

const ew__route_ops ew__route_speculative = {EW_ROUTE_SPECULATIVE, start};
