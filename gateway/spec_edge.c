/* The device side of speculative decoding: draft on a worker, verify over
 * the cloud client, deliver, adapt. See spec_edge.h.
 *
 * A run alternates two phases. Drafting runs on a worker: the draft
 * session catches up with the tokens committed since its last round, then
 * proposes up to k tokens. Verifying is one POST /edgeway/verify carrying
 * the tokens the verifier has not seen and the draft; its answer commits
 * the accepted prefix and the target's next token, which are delivered at
 * once.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <event2/event.h>

#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "edgeway/tokenizer.h"
#include "gateway/spec_edge_priv.h"

#define BODY_MAX (8u << 20)
/* A verifier that loses the session this many rounds in a row is not trusted. */
#define MAX_RESTARTS 3
/* Rounds before a run's own acceptance may call speculation off. */
#define WARMUP_ROUNDS 8
/* While a pair is not paying, one run in this many speculates anyway, so
 * the estimate can recover. */
#define PROBE_EVERY 8

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

const char *ew__spec_fallback_name(ew__spec_fallback f)
{
    switch (f) {
    case EW__SPEC_NO_FALLBACK:
        return "none";
    case EW__SPEC_NO_VERIFY:
        return "no_verify_api";
    case EW__SPEC_MISMATCH:
        return "tokenizer_mismatch";
    case EW__SPEC_NOT_PAYING:
        return "low_acceptance";
    }
    return "unknown";
}

/* ---- ending ------------------------------------------------------------------------ */

static void run_free(ew__spec_run *r)
{
    if (r->resume) event_free(r->resume);
    ew_session_free(r->ds);
    ew_sampler_free(r->dsmp);
    free(r->scratch_ids);
    free(r->scratch_probs);
    free(r->seq);
    free(r->text);
    ew_buf_cleanup(&r->body);
    free(r);
}

/* Frees the run unless a worker still holds its draft state (then the
 * job's done callback frees it). */
static void run_release(ew__spec_run *r)
{
    if (r->prev_run || r->e->runs == r) {
        if (r->prev_run)
            r->prev_run->next_run = r->next_run;
        else
            r->e->runs = r->next_run;
        if (r->next_run) r->next_run->prev_run = r->prev_run;
        r->prev_run = r->next_run = NULL;
    }
    r->phase = RUN_DONE;
    if (!r->job_running) run_free(r);
}

static void finish(ew__spec_run *r, int status, const char *message)
{
    if (r->call) ew__remote_cancel(r->call);
    r->call = NULL;
    ew__spec_stats *st = &r->st;
    int timed = r->st.rounds ? r->st.rounds : 1;
    st->rtt_ms = r->rtt_sum / timed;
    st->verify_ms = r->verify_ms_sum / timed;
    st->draft_ms = r->draft_rounds ? r->draft_ms_sum / r->draft_rounds : 0;
    st->k_last = r->peer ? r->peer->adapt.k : 0;
    r->in_callback = true;
    r->ev.on_end(r->user, status, message ? message : ew_strerror(status), st);
    r->in_callback = false;
    run_release(r);
}

static void fall_back(ew__spec_run *r, ew__spec_fallback why)
{
    r->st.fallback = why;
    finish(r, EW_ERR_UNSUPPORTED, ew__spec_fallback_name(why));
}

void ew__spec_cancel(ew__spec_run *r)
{
    if (!r || r->cancelled) return;
    r->cancelled = true;
    if (r->call) ew__remote_cancel(r->call);
    r->call = NULL;
    if (r->phase == RUN_WAIT_PEER && r->peer) ew__spec_peer_forget(r->peer, r);
    if (!r->in_callback) run_release(r);
}

/* ---- drafting (worker thread) ---------------------------------------------------- */

static int draft_setup(ew__spec_run *r, ew_error *err)
{
    ew__spec_edge *e = r->e;
    int st = EW_OK;
    if (!r->ds) st = ew_session_new(e->model, &e->sp, &r->ds, err);
    if (!st && r->p.sampling.temperature > 0 && !r->dsmp) {
        ew_sampler_params sp = r->p.sampling;
        sp.repeat_penalty = 1.0f;
        st = ew_sampler_new(&sp, e->info.n_vocab, &r->dsmp, err);
        r->scratch_ids = malloc((size_t)e->info.n_vocab * sizeof *r->scratch_ids);
        r->scratch_probs = malloc((size_t)e->info.n_vocab * sizeof *r->scratch_probs);
        if (!st && (!r->scratch_ids || !r->scratch_probs))
            st = ew__error_set(err, EW_ERR_NOMEM, "draft: out of memory");
    }
    return st;
}

static void draft_work(void *arg)
{
    ew__spec_run *r = arg;
    uint64_t t0 = now_us();
    ew_error err;
    ew_error_clear(&err);
    int st = draft_setup(r, &err);
    if (!st) {
        /* the cache keeps a prefix of seq; at least the last token is fed again */
        int keep = r->d_kv < r->n_seq ? r->d_kv : r->n_seq - 1;
        st = ew_session_rewind(r->ds, keep);
        if (!st)
            st =
                ew_spec_draft(r->ds, r->dsmp, r->scratch_ids, r->scratch_probs, r->seq + keep,
                              r->n_seq - keep, r->k_want, r->p.cfg.p_min, &r->rng, &r->draft, &err);
        if (!st) r->d_kv = ew_session_n_past(r->ds);
    }
    r->draft_status = st;
    if (st) snprintf(r->draft_err, sizeof r->draft_err, "%s", err.message);
    r->draft_ms = (double)(now_us() - t0) / 1000.0;
}

static void verify(ew__spec_run *r);

static void draft_done(void *arg, int status)
{
    ew__spec_run *r = arg;
    r->job_running = false;
    if (r->phase == RUN_DONE) { /* ended or cancelled while drafting */
        run_free(r);
        return;
    }
    if (status) {
        finish(r, status, "the draft worker stopped");
        return;
    }
    if (r->draft_status) {
        finish(r, r->draft_status, r->draft_err);
        return;
    }
    if (r->draft.n_eval > 0) {
        r->draft_ms_sum += r->draft_ms / r->draft.n_eval;
        r->draft_rounds++;
    }
    verify(r);
}

/* ---- verifying (loop) ---------------------------------------------------------------- */

static void write_body(ew__spec_run *r, ew_jw *w)
{
    const ew_sampler_params *sp = &r->p.sampling;
    bool sampling = sp->temperature > 0;
    ew_jw_object_begin(w);
    ew_jw_key(w, "model");
    ew_jw_string(w, r->target);
    if (r->session[0]) {
        ew_jw_key(w, "session");
        ew_jw_string(w, r->session);
    }
    ew_jw_key(w, "n_past");
    ew_jw_int(w, r->t_past);
    ew_jw_key(w, "tokens");
    ew_jw_array_begin(w);
    for (int i = r->t_past; i < r->n_seq; i++)
        ew_jw_int(w, r->seq[i]);
    ew_jw_array_end(w);
    ew_jw_key(w, "draft");
    ew_jw_array_begin(w);
    for (int i = 0; i < r->draft.n; i++)
        ew_jw_int(w, r->draft.tokens[i]);
    ew_jw_array_end(w);
    if (sampling) {
        ew_jw_key(w, "draft_probs");
        ew_jw_array_begin(w);
        for (int i = 0; i < r->draft.n; i++) {
            ew_jw_array_begin(w);
            for (int j = 0; j < r->draft.q_n[i]; j++) {
                ew_jw_array_begin(w);
                ew_jw_int(w, r->draft.q_ids[i][j]);
                ew_jw_double(w, r->draft.q_probs[i][j]);
                ew_jw_array_end(w);
            }
            ew_jw_array_end(w);
        }
        ew_jw_array_end(w);
        ew_jw_key(w, "temperature");
        ew_jw_double(w, sp->temperature);
        ew_jw_key(w, "top_k");
        ew_jw_int(w, sp->top_k);
        ew_jw_key(w, "top_p");
        ew_jw_double(w, sp->top_p);
        ew_jw_key(w, "min_p");
        ew_jw_double(w, sp->min_p);
        if (r->t_past == 0) {
            ew_jw_key(w, "seed");
            ew_jw_uint(w, sp->seed);
        }
    }
    ew_jw_object_end(w);
}

static void verify_done(void *user, const ew__remote_result *res);
static void verify_error(void *user, const ew__remote_failure *f);

static void verify(ew__spec_run *r)
{
    r->phase = RUN_VERIFYING;
    ew_buf_reset(&r->body);
    ew_jw w;
    ew_jw_init(&w, &r->body);
    write_body(r, &w);
    if (w.status) {
        finish(r, w.status, "cannot write the verify request");
        return;
    }
    ew__remote_call_opts o = {
        .path = "/edgeway/verify",
        .body = r->body.data,
        .body_len = r->body.len,
        .backend = r->backend,
        .request_id = r->rid[0] ? r->rid : NULL,
        .no_fallback = true,
    };
    static const ew__remote_callbacks cb = {NULL, NULL, verify_done, verify_error};
    ew_error err;
    r->call_start_us = now_us();
    r->st.bytes_sent += r->body.len;
    int st = ew__remote_start(r->e->remote, &o, &cb, r, &r->call, &err);
    if (st) finish(r, st, err.message);
}

static void next_round(ew__spec_run *r);

/* The answer's fields; false when it does not fit the round. */
typedef struct verdict {
    int accepted;
    int32_t next;
    int64_t n_past, passes;
    double eval_ms;
} verdict;

static bool read_verdict(ew__spec_run *r, const char *body, size_t len, verdict *v)
{
    ew_json_doc d;
    ew_json_limits lim = {.max_tokens = 4096, .max_depth = 8};
    bool ok = false;
    if (ew_json_parse(&d, body, len, &lim, NULL) == EW_OK) {
        int64_t acc, next;
        int sess = ew_json_get(&d, 0, "session");
        size_t n = 0;
        const char *sid = sess >= 0 ? ew_json_raw(&d, sess, &n) : NULL;
        ok = !ew_json_int64(&d, ew_json_get(&d, 0, "accepted"), &acc) &&
             !ew_json_int64(&d, ew_json_get(&d, 0, "next_token"), &next) &&
             !ew_json_int64(&d, ew_json_get(&d, 0, "n_past"), &v->n_past) &&
             !ew_json_int64(&d, ew_json_get(&d, 0, "passes"), &v->passes) &&
             !ew_json_double(&d, ew_json_get(&d, 0, "eval_ms"), &v->eval_ms) && acc >= 0 &&
             acc <= r->draft.n && next >= 0 && next < r->e->info.n_vocab &&
             v->n_past == r->n_seq + acc + 1 && sid && n > 0 && n < sizeof r->session;
        if (ok) {
            v->accepted = (int)acc;
            v->next = (int32_t)next;
            memcpy(r->session, sid, n);
            r->session[n] = '\0';
        }
    }
    ew_json_doc_cleanup(&d);
    return ok;
}

/* Hands the round's tokens to the caller, up to max_tokens and the first
 * end-of-generation token; true when the run is over. */
static bool deliver(ew__spec_run *r, const verdict *v)
{
    int32_t out[EW_SPEC_MAX_DRAFT + 1];
    int n = 0;
    bool eog = false, stop = false;
    for (int i = 0; i <= v->accepted && !eog; i++) {
        if (r->st.generated + n >= r->p.max_tokens) break;
        int32_t t = i < v->accepted ? r->draft.tokens[i] : v->next;
        out[n++] = t;
        eog = !r->p.ignore_eog && ew_tokenizer_is_eog(ew_model_tokenizer(r->e->model), t);
    }
    memcpy(r->seq + r->n_seq, out, (size_t)n * sizeof *out);
    r->n_seq += n;
    r->st.generated += n;
    r->in_callback = true;
    if (n) stop = r->ev.on_tokens(r->user, out, n);
    r->in_callback = false;
    if (eog) r->st.stop = EW__SPEC_STOP_EOG;
    if (stop && !eog) r->st.stop = EW__SPEC_STOP_CALLER;
    return eog || stop || r->st.generated >= r->p.max_tokens;
}

static void verify_done(void *user, const ew__remote_result *res)
{
    ew__spec_run *r = user;
    r->call = NULL;
    r->st.bytes_received += res->body_len;
    verdict v;
    if (!read_verdict(r, res->body, res->body_len, &v)) {
        finish(r, EW_ERR_UPSTREAM, "the verifier's answer does not fit the round");
        return;
    }
    double round_ms = (double)(now_us() - r->call_start_us) / 1000.0;
    double rtt = round_ms - v.eval_ms > 0 ? round_ms - v.eval_ms : 0;
    r->t_past = (int)v.n_past;
    r->restarts_in_row = 0;
    r->st.rounds++;
    r->st.drafted += r->draft.n;
    r->st.accepted += v.accepted;
    r->st.target_passes += (uint64_t)v.passes;
    r->rtt_sum += rtt;
    r->verify_ms_sum += v.eval_ms;
    int evaluated = r->draft.n + 1;
    ew_spec_adapt_update(&r->peer->adapt, r->draft.n, v.accepted, rtt,
                         r->draft.n_eval ? r->draft_ms / r->draft.n_eval : -1,
                         v.eval_ms / evaluated);
    /* the draft's cache holds seq and the draft but its last token: what
     * stays valid is seq and the accepted part of that */
    int kept = v.accepted < r->draft.n - 1 ? v.accepted : r->draft.n - 1;
    if (kept < 0) kept = 0;
    if (r->d_kv > r->n_seq + kept) r->d_kv = r->n_seq + kept;
    bool over = deliver(r, &v);
    if (r->cancelled) {
        run_release(r);
        return;
    }
    if (over) {
        finish(r, EW_OK, NULL);
        return;
    }
    if (r->p.fallback_after_output && r->st.rounds >= WARMUP_ROUNDS && r->st.drafted > 0 &&
        (double)r->st.accepted / r->st.drafted < r->p.cfg.min_acceptance) {
        fall_back(r, EW__SPEC_NOT_PAYING);
        return;
    }
    next_round(r);
}

static void verify_error(void *user, const ew__remote_failure *f)
{
    ew__spec_run *r = user;
    r->call = NULL;
    if (f->http_status == 409 && r->restarts_in_row < MAX_RESTARTS) {
        /* the verifier lost the session (evicted, expired, restarted) */
        r->st.restarts++;
        r->restarts_in_row++;
        r->session[0] = '\0';
        r->t_past = 0;
        verify(r);
        return;
    }
    finish(r, f->status ? f->status : EW_ERR_UPSTREAM, f->message);
}

/* ---- the loop -------------------------------------------------------------------------- */

static void next_round(ew__spec_run *r)
{
    spec_peer *p = r->peer;
    int room = r->n_ctx - r->n_seq - 1; /* positions left after the next token */
    if (room < 1) {
        r->st.stop = EW__SPEC_STOP_CONTEXT;
        finish(r, EW_OK, NULL);
        return;
    }
    int k = p->adapt.k < p->max_draft ? p->adapt.k : p->max_draft;
    int left = r->p.max_tokens - r->st.generated - 1; /* a round always adds the next token */
    if (k > left) k = left;
    if (k > room - 1) k = room - 1;
    r->draft.n = 0;
    r->draft.n_eval = 0;
    if (k <= 0) {
        verify(r);
        return;
    }
    r->k_want = k;
    r->phase = RUN_DRAFTING;
    r->job_running = true;
    if (ew__spec_worker_submit(r->e->worker, &r->job, draft_work, draft_done, r)) {
        r->job_running = false;
        finish(r, EW_ERR_BUSY, "every draft worker is busy");
    }
}

/* ---- tokenizing the prompt text (worker thread) ------------------------------------- */

static void tokenize_work(void *arg)
{
    ew__spec_run *r = arg;
    ew_error err;
    ew_error_clear(&err);
    size_t n = 0;
    int st = ew_tokenizer_encode(ew_model_tokenizer(r->e->model), r->text, r->text_len, true,
                                 r->p.text_special, r->seq, (size_t)r->n_ctx, &n, &err);
    if (st == EW_ERR_TOO_LARGE || (!st && n >= (size_t)r->n_ctx))
        st = ew__error_set(&err, EW_ERR_TOO_LARGE,
                           "the prompt is more tokens than the draft's context of %d leaves room "
                           "for",
                           r->n_ctx);
    else if (!st && n == 0)
        st = ew__error_set(&err, EW_ERR_INVALID, "the prompt is empty");
    r->draft_status = st;
    if (st) snprintf(r->draft_err, sizeof r->draft_err, "%s", err.message);
    r->n_seq = st ? 0 : (int)n;
}

static void tokenize_done(void *arg, int status)
{
    ew__spec_run *r = arg;
    r->job_running = false;
    if (r->phase == RUN_DONE) {
        run_free(r);
        return;
    }
    if (status || r->draft_status) {
        finish(r, status ? status : r->draft_status,
               status ? "the draft worker stopped" : r->draft_err);
        return;
    }
    free(r->text);
    r->text = NULL;
    r->st.prompt_tokens = r->n_seq;
    next_round(r);
}

/* The pair can speculate: tokenize the prompt text first, if that is what came. */
static void begin(ew__spec_run *r)
{
    if (!r->text) {
        next_round(r);
        return;
    }
    r->phase = RUN_TOKENIZING;
    r->job_running = true;
    if (ew__spec_worker_submit(r->e->worker, &r->job, tokenize_work, tokenize_done, r)) {
        r->job_running = false;
        finish(r, EW_ERR_BUSY, "every draft worker is busy");
    }
}

void ew__spec_run_peer_ready(ew__spec_run *r, int status, const char *message)
{
    spec_peer *p = r->peer;
    if (status) {
        finish(r, status, message);
        return;
    }
    if (p->state == PEER_NO_VERIFY) {
        fall_back(r, EW__SPEC_NO_VERIFY);
        return;
    }
    if (p->state == PEER_MISMATCH) {
        fall_back(r, EW__SPEC_MISMATCH);
        return;
    }
    /* a pair whose acceptance is known to be too low streams plainly, but
     * now and then a run probes again */
    bool known_low = p->adapt.rounds >= WARMUP_ROUNDS &&
                     ew_spec_adapt_alpha(&p->adapt) < r->p.cfg.min_acceptance;
    if (known_low && p->runs % PROBE_EVERY != 0) {
        fall_back(r, EW__SPEC_NOT_PAYING);
        return;
    }
    begin(r);
}

static void on_resume(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    ew__spec_run_peer_ready(arg, EW_OK, NULL);
}

static int run_init(ew__spec_edge *e, ew__spec_run *r, const ew__spec_params *p, ew_error *err)
{
    r->p = *p;
    snprintf(r->backend, sizeof r->backend, "%s", p->backend);
    snprintf(r->target, sizeof r->target, "%s", p->target_model);
    snprintf(r->rid, sizeof r->rid, "%s", p->request_id ? p->request_id : "");
    r->p.backend = r->backend;
    r->p.target_model = r->target;
    r->p.request_id = r->rid;
    r->p.prompt = NULL;
    r->p.text = NULL;
    r->n_ctx = e->sp.n_ctx;
    bool text = p->text != NULL;
    if ((!text && (p->n_prompt < 1 || p->n_prompt >= r->n_ctx)) || p->max_tokens < 1)
        return ew__error_set(err, EW_ERR_INVALID,
                             "speculative: a prompt of 1..%d tokens and max_tokens >= 1",
                             r->n_ctx - 1);
    for (int i = 0; !text && i < p->n_prompt; i++)
        if (p->prompt[i] < 0 || p->prompt[i] >= e->info.n_vocab)
            return ew__error_set(err, EW_ERR_INVALID, "speculative: token id outside the vocab");
    r->seq = malloc((size_t)r->n_ctx * sizeof *r->seq);
    r->text = text ? malloc(p->text_len + 1) : NULL;
    if (!r->seq || (text && !r->text))
        return ew__error_set(err, EW_ERR_NOMEM, "speculative: out of memory");
    if (text) {
        memcpy(r->text, p->text, p->text_len);
        r->text[p->text_len] = '\0';
        r->text_len = p->text_len;
    } else {
        memcpy(r->seq, p->prompt, (size_t)p->n_prompt * sizeof *r->seq);
        r->n_seq = p->n_prompt;
        r->st.prompt_tokens = p->n_prompt;
    }
    ew_buf_init(&r->body, BODY_MAX);
    if (!p->has_seed && getrandom(&r->p.sampling.seed, sizeof r->p.sampling.seed, 0) !=
                            (ssize_t)sizeof r->p.sampling.seed)
        r->p.sampling.seed = now_us();
    ew_spec_rng_seed(&r->rng, r->p.sampling.seed ^ 0x5eed5eed5eed5eedull);
    return EW_OK;
}

int ew__spec_start(ew__spec_edge *e, const ew__spec_params *p, const ew__spec_events *ev,
                   void *user, ew__spec_run **out, ew_error *err)
{
    *out = NULL;
    ew__spec_run *r = calloc(1, sizeof *r);
    if (!r) return ew__error_set(err, EW_ERR_NOMEM, "speculative: out of memory");
    r->e = e;
    r->ev = *ev;
    r->user = user;
    int st = run_init(e, r, p, err);
    spec_peer *peer = st ? NULL : ew__spec_peer_get(e, p->backend, p->target_model);
    if (!st && !peer) st = ew__error_set(err, EW_ERR_INVALID, "speculative: bad backend or model");
    if (st) {
        run_free(r);
        return st;
    }
    if (peer->adapt.k_max == 0) {
        int k_max = p->cfg.k_max > 0 ? p->cfg.k_max : 16;
        ew_spec_adapt_init(&peer->adapt, p->cfg.k > 0 ? p->cfg.k : 4, k_max, p->cfg.adaptive);
    }
    peer->runs++;
    r->peer = peer;
    r->phase = RUN_WAIT_PEER;
    bool waits = false;
    st = ew__spec_peer_check(e, peer, r, &waits, err);
    /* a known pair resumes on the next loop turn: no callback runs inside start */
    if (!st && !waits) {
        r->resume = evtimer_new(e->base, on_resume, r);
        struct timeval now = {0, 0};
        if (!r->resume || evtimer_add(r->resume, &now))
            st = ew__error_set(err, EW_ERR_NOMEM, "speculative: out of memory");
    }
    if (st) {
        if (waits) ew__spec_peer_forget(peer, r);
        run_free(r);
        return st;
    }
    r->next_run = e->runs;
    if (e->runs) e->runs->prev_run = r;
    e->runs = r;
    *out = r;
    return EW_OK;
}

/* ---- the edge ------------------------------------------------------------------------ */

int ew__spec_edge_new(const ew__spec_edge_opts *o, ew__spec_edge **out, ew_error *err)
{
    *out = NULL;
    ew__spec_edge *e = calloc(1, sizeof *e);
    if (!e) return ew__error_set(err, EW_ERR_NOMEM, "speculative: out of memory");
    e->base = o->base;
    e->remote = o->remote;
    e->model = o->model;
    int st = o->model ? EW_OK : ew_model_open(o->draft_path, o->draft_sha256, &e->owned, err);
    if (!o->model) e->model = e->owned;
    if (!st) {
        ew_model_get_info(e->model, &e->info);
        if (o->n_layer_exit < 0 || o->n_layer_exit > e->info.n_layer)
            st = ew__error_set(err, EW_ERR_CONFIG,
                               "speculative: early_exit_layers %d, but the draft has %d layers",
                               o->n_layer_exit, e->info.n_layer);
    }
    if (!st) {
        ew_session_params_init(&e->sp);
        int train = e->info.n_ctx_train < 4096 ? e->info.n_ctx_train : 4096;
        e->sp.n_ctx = o->n_ctx > 0 ? o->n_ctx : train;
        e->sp.n_batch = e->sp.n_ctx < 256 ? e->sp.n_ctx : 256;
        e->sp.n_threads = o->threads > 0 ? o->threads : 1;
        e->sp.n_layer_exit = o->n_layer_exit;
        st = ew__spec_worker_new(o->base, o->workers > 0 ? o->workers : 1,
                                 o->queue > 0 ? o->queue : 16, &e->worker, err);
    }
    if (st) {
        ew__spec_edge_free(e);
        return st;
    }
    *out = e;
    return EW_OK;
}

void ew__spec_edge_free(ew__spec_edge *e)
{
    if (!e) return;
    for (ew__spec_run *r = e->runs, *next; r; r = next) {
        next = r->next_run;
        ew__spec_cancel(r);
    }
    ew__spec_worker_free(e->worker);
    ew__spec_peers_free(e);
    ew_model_close(e->owned);
    free(e);
}

const ew_model *ew__spec_edge_draft_model(const ew__spec_edge *e)
{
    return e->model;
}

bool ew__spec_peer_stats_get(const ew__spec_edge *e, const char *backend, const char *model,
                             ew__spec_peer_stats *out)
{
    memset(out, 0, sizeof *out);
    for (const spec_peer *p = e->peers; p; p = p->next) {
        if (strcmp(p->backend, backend) || strcmp(p->model, model)) continue;
        out->checked = p->state != PEER_UNCHECKED && p->state != PEER_CHECKING;
        out->usable = p->state == PEER_READY;
        out->alpha = ew_spec_adapt_alpha(&p->adapt);
        out->k = p->adapt.k;
        out->rtt_ms = p->adapt.rtt_ms;
        out->rounds = p->adapt.rounds;
        out->drafted = p->adapt.drafted;
        out->accepted = p->adapt.accepted;
        return true;
    }
    return false;
}
