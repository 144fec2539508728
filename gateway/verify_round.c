/* A verification round: the request body, and the work on a worker thread
 * (the target's forward pass and the verdict). See verify.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/json.h"
#include "gateway/verify_priv.h"

/* Tokens a round may carry in `tokens`: a whole prompt at most. */
#define MAX_NEW_TOKENS (1 << 20)

static int bad(ew_api_error *e, const char *param, const char *message)
{
    ew_api_error_set(e, 400, "invalid_request_error", "invalid_value", param, "%s", message);
    return EW_ERR_INVALID;
}

/* "'key' what" about one parameter. */
static int bad_key(ew_api_error *e, const char *key, const char *what)
{
    ew_api_error_set(e, 400, "invalid_request_error", "invalid_value", key, "'%s' %s", key, what);
    return EW_ERR_INVALID;
}

static int get_string(const ew_json_doc *d, const char *key, char *out, size_t size, bool required,
                      ew_api_error *e)
{
    int v = ew_json_get(d, 0, key);
    out[0] = '\0';
    if (v < 0 || ew_json_type_of(d, v) == EW_JSON_NULL)
        return required ? bad_key(e, key, "is required") : EW_OK;
    size_t n;
    const char *raw = ew_json_raw(d, v, &n);
    if (ew_json_type_of(d, v) != EW_JSON_STRING || n == 0 || n >= size ||
        memchr(raw, '\\', n)) /* names and ids never need escapes */
        return bad_key(e, key, "must be a short plain string");
    memcpy(out, raw, n);
    out[n] = '\0';
    return EW_OK;
}

static int get_number(const ew_json_doc *d, const char *key, double lo, double hi, double *out,
                      ew_api_error *e)
{
    int v = ew_json_get(d, 0, key);
    if (v < 0 || ew_json_type_of(d, v) == EW_JSON_NULL) return EW_OK;
    double x;
    if (ew_json_double(d, v, &x) || !(x >= lo && x <= hi))
        return bad_key(e, key, "is not a number in range");
    *out = x;
    return EW_OK;
}

/* An array of token ids (range checked later against the vocab). */
static int get_ids(const ew_json_doc *d, int arr, const char *key, int max, int32_t *out, int *n,
                   ew_api_error *e)
{
    *n = 0;
    if (arr < 0 || ew_json_type_of(d, arr) == EW_JSON_NULL) return EW_OK;
    if (ew_json_type_of(d, arr) != EW_JSON_ARRAY) return bad_key(e, key, "must be an array");
    if (ew_json_count(d, arr) > max) return bad_key(e, key, "is too long");
    for (int v = ew_json_first(d, arr); v >= 0; v = ew_json_next(d, v)) {
        int64_t x;
        if (ew_json_int64(d, v, &x) || x < 0 || x > INT32_MAX)
            return bad_key(e, key, "must hold token ids");
        out[(*n)++] = (int32_t)x;
    }
    return EW_OK;
}

/* draft_probs[i]: [[id, p], ...], at most EW_SPEC_MAX_Q pairs summing to 1. */
static int get_dist(const ew_json_doc *d, int arr, vround *r, int i, ew_api_error *e)
{
    if (ew_json_type_of(d, arr) != EW_JSON_ARRAY || ew_json_count(d, arr) < 1 ||
        ew_json_count(d, arr) > EW_SPEC_MAX_Q)
        return bad(e, "draft_probs", "each draft distribution is 1 to 32 [id, p] pairs");
    double sum = 0;
    int n = 0;
    for (int pair = ew_json_first(d, arr); pair >= 0; pair = ew_json_next(d, pair)) {
        int64_t id;
        double p;
        if (ew_json_type_of(d, pair) != EW_JSON_ARRAY || ew_json_count(d, pair) != 2 ||
            ew_json_int64(d, ew_json_at(d, pair, 0), &id) ||
            ew_json_double(d, ew_json_at(d, pair, 1), &p) || id < 0 || id > INT32_MAX ||
            !(p >= 0 && p <= 1))
            return bad(e, "draft_probs", "a draft probability must be [id, p in 0..1]");
        r->q_ids[i][n] = (int32_t)id;
        r->q_probs[i][n++] = (float)p;
        sum += p;
    }
    if (fabs(sum - 1.0) > 1e-3) return bad(e, "draft_probs", "a draft distribution must sum to 1");
    r->q_n[i] = n;
    return EW_OK;
}

static int get_sampling(const ew_json_doc *d, vround *r, ew_api_error *e)
{
    double temp = 0, top_k = 0, top_p = 1, min_p = 0;
    int st = get_number(d, "temperature", 0, 2, &temp, e);
    if (!st) st = get_number(d, "top_k", 0, 1 << 22, &top_k, e);
    if (!st) st = get_number(d, "top_p", 1e-9, 1, &top_p, e);
    if (!st) st = get_number(d, "min_p", 0, 1, &min_p, e);
    if (st) return st;
    ew_sampler_params_init(&r->sp);
    r->sp.temperature = (float)temp;
    r->sp.top_k = (int)top_k;
    r->sp.top_p = (float)top_p;
    r->sp.min_p = (float)min_p;
    r->sp.repeat_penalty = 1.0f; /* a penalty would need both sides' histories */
    r->sampling = temp > 0;
    int v = ew_json_get(d, 0, "seed");
    if (v >= 0 && ew_json_type_of(d, v) != EW_JSON_NULL) {
        int64_t s;
        if (ew_json_int64(d, v, &s)) return bad(e, "seed", "'seed' must be an integer");
        r->has_seed = true;
        r->seed = (uint64_t)s;
    }
    v = ew_json_get(d, 0, "logprobs");
    if (v >= 0 && ew_json_type_of(d, v) != EW_JSON_NULL && ew_json_bool(d, v, &r->want_logprobs))
        return bad(e, "logprobs", "'logprobs' must be a boolean");
    return EW_OK;
}

static int parse_doc(const ew_json_doc *d, int max_draft, vround *r, char *model, size_t model_size,
                     char *session, size_t session_size, int64_t *n_past, ew_api_error *e)
{
    if (ew_json_type_of(d, 0) != EW_JSON_OBJECT)
        return bad(e, NULL, "the body must be a JSON object");
    int st = get_string(d, "model", model, model_size, true, e);
    if (!st) st = get_string(d, "session", session, session_size, false, e);
    if (!st) st = get_sampling(d, r, e);
    if (st) return st;
    *n_past = 0;
    int v = ew_json_get(d, 0, "n_past");
    if (v >= 0 && (ew_json_int64(d, v, n_past) || *n_past < 0 || *n_past > MAX_NEW_TOKENS))
        return bad(e, "n_past", "'n_past' must be a non-negative integer");
    int toks = ew_json_get(d, 0, "tokens");
    int n = toks >= 0 && ew_json_type_of(d, toks) == EW_JSON_ARRAY ? ew_json_count(d, toks) : 0;
    if (n > MAX_NEW_TOKENS) return bad(e, "tokens", "'tokens' is too long");
    r->new_tokens = malloc((size_t)(n ? n : 1) * sizeof *r->new_tokens);
    if (!r->new_tokens) {
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
        return EW_ERR_NOMEM;
    }
    st = get_ids(d, toks, "tokens", n, r->new_tokens, &r->n_new, e);
    if (!st)
        st = get_ids(d, ew_json_get(d, 0, "draft"), "draft", max_draft, r->draft, &r->n_draft, e);
    if (st) return st;
    int probs = ew_json_get(d, 0, "draft_probs");
    if (!r->sampling || r->n_draft == 0) return EW_OK;
    if (probs < 0 || ew_json_type_of(d, probs) != EW_JSON_ARRAY ||
        ew_json_count(d, probs) != r->n_draft)
        return bad(e, "draft_probs",
                   "sampling needs 'draft_probs': one distribution per draft token");
    int i = 0;
    for (int q = ew_json_first(d, probs); q >= 0 && !st; q = ew_json_next(d, q))
        st = get_dist(d, q, r, i++, e);
    return st;
}

int ew__verify_parse(const char *body, size_t len, int max_draft, vround *r, char *model,
                     size_t model_size, char *session, size_t session_size, int64_t *n_past,
                     ew_api_error *e)
{
    /* a prompt of ids, plus the draft's distributions, plus the scalars */
    ew_json_limits lim = {.max_tokens = (int)(len / 2 + 64), .max_depth = 8};
    ew_json_doc d;
    ew_error jerr;
    int st = ew_json_parse(&d, body, len, &lim, &jerr);
    if (st) {
        ew_api_error_set(e, 400, "invalid_request_error", "invalid_json", NULL,
                         "The body is not valid JSON: %s", jerr.message);
        return st;
    }
    st = parse_doc(&d, max_draft, r, model, model_size, session, session_size, n_past, e);
    ew_json_doc_cleanup(&d);
    return st;
}

int ew__verify_check_vocab(const vround *r, int n_vocab, ew_api_error *e)
{
    for (int i = 0; i < r->n_new; i++)
        if (r->new_tokens[i] >= n_vocab)
            return bad(e, "tokens", "a token id is outside the model's vocabulary");
    for (int i = 0; i < r->n_draft; i++) {
        if (r->draft[i] >= n_vocab)
            return bad(e, "draft", "a token id is outside the model's vocabulary");
        ew_spec_dist q = {r->q_n[i], r->q_ids[i], r->q_probs[i]};
        if (r->sampling && !ew_spec_draft_valid(r->draft[i], &q, n_vocab))
            return bad(e, "draft_probs",
                       "a draft token must have a nonzero probability under its distribution, "
                       "and ids must be in the vocabulary");
    }
    return EW_OK;
}

/* ---- the worker's part ------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int32_t argmax(const float *l, int n)
{
    int32_t best = 0;
    for (int i = 1; i < n; i++)
        if (l[i] > l[best]) best = i;
    return best;
}

/* The target's sampler with this round's parameters, and its scratch. */
static int ensure_sampler(vsession *ss, const vround *r, ew_error *err)
{
    int nv = ss->vm->info.n_vocab;
    const ew_sampler_params *a = &ss->smp_params, *b = &r->sp;
    if (ss->smp && a->temperature == b->temperature && a->top_k == b->top_k &&
        a->top_p == b->top_p && a->min_p == b->min_p)
        return EW_OK;
    ew_sampler_free(ss->smp);
    ss->smp = NULL;
    if (!ss->p_ids) ss->p_ids = malloc((size_t)nv * sizeof *ss->p_ids);
    if (!ss->p_probs) ss->p_probs = malloc((size_t)nv * sizeof *ss->p_probs);
    if (!ss->dense) ss->dense = calloc((size_t)nv, sizeof *ss->dense);
    if (!ss->p_ids || !ss->p_probs || !ss->dense)
        return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    ss->smp_params = *b;
    return ew_sampler_new(b, nv, &ss->smp, err);
}

/* Walks the draft against the target's rows (row i = the distribution
 * after draft[0..i)), computing each p only when it is needed. */
static int judge(vsession *ss, vround *r, int first_row, ew_error *err)
{
    int nv = ss->vm->info.n_vocab;
    if (r->sampling) {
        int st = ensure_sampler(ss, r, err);
        if (st) return st;
    }
    for (int i = 0; i <= r->n_draft; i++) {
        const float *row = ew_session_logits(ss->s, first_row + i);
        if (!r->sampling) {
            int32_t am = argmax(row, nv);
            if (i < r->n_draft && r->draft[i] == am) continue;
            r->verdict = (ew_spec_verdict){i, am};
            return EW_OK;
        }
        int n = ew_sampler_dist(ss->smp, row, ss->p_ids, ss->p_probs);
        ew_spec_dist p = {n, ss->p_ids, ss->p_probs};
        if (i == r->n_draft) {
            r->verdict = (ew_spec_verdict){i, ew_spec_dist_draw(&p, &ss->rng)};
            return EW_OK;
        }
        ew_spec_dist q = {r->q_n[i], r->q_ids[i], r->q_probs[i]};
        if (ew_spec_accept(r->draft[i], &q, &p, &ss->rng)) continue;
        r->verdict = (ew_spec_verdict){i, ew_spec_residual(&p, &q, ss->dense, &ss->rng)};
        return EW_OK;
    }
    return EW_OK; /* not reached: i == n_draft always decides */
}

static void fill_logprobs(vsession *ss, vround *r, int first_row)
{
    int nv = ss->vm->info.n_vocab;
    for (int i = 0; i <= r->verdict.accepted; i++) {
        const float *row = ew_session_logits(ss->s, first_row + i);
        int32_t tok = i < r->verdict.accepted ? r->draft[i] : r->verdict.next_token;
        r->logprobs[i] = (float)(row[tok] - ew_logsumexp(row, nv));
    }
}

/* Evaluates tokens[n_kv..n_tokens) and the draft (placed after them in
 * ss->tokens by the loop), the last n_draft + 1 positions in one eval, so
 * their logits are kept; a long prefix goes first in whole batches. */
static int run(vsession *ss, vround *r, ew_error *err)
{
    int n_kv = ss->n_kv < ss->n_tokens ? ss->n_kv : ss->n_tokens - 1;
    int st = ew_session_rewind(ss->s, n_kv);
    if (st) return ew__error_set(err, st, "the session's cache is inconsistent");
    int total = ss->n_tokens - n_kv + r->n_draft, nb = ew_session_n_batch(ss->s);
    int last = total < nb ? total : nb, pre = total - last;
    const int32_t *seq = ss->tokens + n_kv;
    for (int i = 0; i < pre && !st;) {
        int n = pre - i < nb ? pre - i : nb;
        st = ew_session_eval(ss->s, seq + i, n, err);
        r->passes++;
        i += n;
    }
    if (!st) st = ew_session_eval(ss->s, seq + pre, last, err);
    if (st) return st;
    r->passes++;
    r->evaluated = total;
    int first_row = last - r->n_draft - 1;
    st = judge(ss, r, first_row, err);
    if (st) return st;
    if (r->want_logprobs) fill_logprobs(ss, r, first_row);
    /* keep the committed tokens and the accepted part of the draft */
    ss->n_kv = ss->n_tokens + r->verdict.accepted;
    return ew_session_rewind(ss->s, ss->n_kv);
}

void ew__verify_work(void *arg)
{
    vround *r = arg;
    double t0 = now_ms();
    ew_error err;
    ew_error_clear(&err);
    r->status = run(r->sess, r, &err);
    if (r->status) snprintf(r->message, sizeof r->message, "%s", err.message);
    r->eval_ms = now_ms() - t0;
}
