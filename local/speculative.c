/* Speculative decoding's verification rules and adaptive draft length. See
 * edgeway/speculative.h. */
#include <math.h>
#include <string.h>

#include "core/error.h"
#include "edgeway/core.h"
#include "edgeway/speculative.h"
#include "local/rng.h"

/* ---- random stream ---------------------------------------------------------------- */

void ew_spec_rng_seed(ew_spec_rng *r, uint64_t seed)
{
    ew__rng_seed(r->s, seed);
}

double ew_spec_rng_unit(ew_spec_rng *r)
{
    return ew__rng_unit(r->s);
}

/* ---- distributions -------------------------------------------------------------------- */

float ew_spec_dist_prob(const ew_spec_dist *d, int32_t id)
{
    for (int i = 0; i < d->n; i++)
        if (d->ids[i] == id) return d->probs[i];
    return 0.0f;
}

int32_t ew_spec_dist_draw(const ew_spec_dist *d, ew_spec_rng *r)
{
    double u = ew_spec_rng_unit(r), total = 0, cum = 0;
    for (int i = 0; i < d->n; i++)
        total += d->probs[i];
    u *= total; /* the sum may be a rounding step away from 1 */
    for (int i = 0; i < d->n; i++) {
        cum += d->probs[i];
        if (u < cum) return d->ids[i];
    }
    return d->ids[d->n - 1];
}

/* ---- verification ---------------------------------------------------------------------- */

void ew_spec_verify_greedy(const int32_t *draft, int n_draft, const int32_t *target_argmax,
                           ew_spec_verdict *out)
{
    int i = 0;
    while (i < n_draft && draft[i] == target_argmax[i])
        i++;
    out->accepted = i;
    out->next_token = target_argmax[i];
}

/* Draws from max(0, p - q) normalised. q is scattered into scratch (dense)
 * and cleared again. When p - q is zero everywhere (p == q up to rounding),
 * every token would have been accepted, so this cannot happen after a real
 * rejection; p itself is then the right answer. */
int32_t ew_spec_residual(const ew_spec_dist *p, const ew_spec_dist *q, float *scratch,
                         ew_spec_rng *rng)
{
    for (int i = 0; i < q->n; i++)
        scratch[q->ids[i]] = q->probs[i];
    double total = 0;
    for (int i = 0; i < p->n; i++) {
        double r = (double)p->probs[i] - scratch[p->ids[i]];
        if (r > 0) total += r;
    }
    int32_t tok = -1;
    if (total > 0) {
        double u = ew_spec_rng_unit(rng) * total, cum = 0;
        for (int i = 0; i < p->n && tok < 0; i++) {
            double r = (double)p->probs[i] - scratch[p->ids[i]];
            if (r <= 0) continue;
            cum += r;
            if (u < cum) tok = p->ids[i];
        }
        for (int i = p->n - 1; tok < 0 && i >= 0; i--) /* u fell on the rounding edge */
            if ((double)p->probs[i] - scratch[p->ids[i]] > 0) tok = p->ids[i];
    }
    for (int i = 0; i < q->n; i++)
        scratch[q->ids[i]] = 0.0f;
    return tok >= 0 ? tok : ew_spec_dist_draw(p, rng);
}

bool ew_spec_accept(int32_t x, const ew_spec_dist *q, const ew_spec_dist *p, ew_spec_rng *rng)
{
    double px = ew_spec_dist_prob(p, x), qx = ew_spec_dist_prob(q, x);
    /* u < p/q, written without the division; p >= q always accepts */
    return ew_spec_rng_unit(rng) * qx < px;
}

static bool ids_in_range(const ew_spec_dist *d, int n_vocab)
{
    for (int i = 0; i < d->n; i++)
        if (d->ids[i] < 0 || d->ids[i] >= n_vocab) return false;
    return d->n > 0;
}

bool ew_spec_draft_valid(int32_t x, const ew_spec_dist *q, int n_vocab)
{
    return x >= 0 && x < n_vocab && ids_in_range(q, n_vocab) && ew_spec_dist_prob(q, x) > 0;
}

int ew_spec_verify_sample(const int32_t *draft, int n_draft, const ew_spec_dist *q,
                          const ew_spec_dist *p, int n_vocab, float *scratch, ew_spec_rng *rng,
                          ew_spec_verdict *out)
{
    for (int i = 0; i <= n_draft; i++)
        if (!ids_in_range(&p[i], n_vocab)) return EW_ERR_INVALID;
    for (int i = 0; i < n_draft; i++)
        if (!ew_spec_draft_valid(draft[i], &q[i], n_vocab)) return EW_ERR_INVALID;
    for (int i = 0; i < n_draft; i++) {
        if (ew_spec_accept(draft[i], &q[i], &p[i], rng)) continue;
        out->accepted = i;
        out->next_token = ew_spec_residual(&p[i], &q[i], scratch, rng);
        return EW_OK;
    }
    out->accepted = n_draft;
    out->next_token = ew_spec_dist_draw(&p[n_draft], rng);
    return EW_OK;
}

/* ---- the draft length ------------------------------------------------------------------ */

void ew_spec_adapt_init(ew_spec_adapt *a, int k0, int k_max, bool adaptive)
{
    memset(a, 0, sizeof *a);
    if (k_max < 1) k_max = 1;
    if (k_max > EW_SPEC_MAX_DRAFT) k_max = EW_SPEC_MAX_DRAFT;
    a->k_max = k_max;
    a->k = k0 < 1 ? 1 : k0 > k_max ? k_max : k0;
    a->adaptive = adaptive;
    a->weight = 0.2;
    a->succ = a->fail = 1.0; /* a prior of alpha = 0.5 worth two tokens */
    a->rtt_ms = a->draft_ms = a->verify_ms = -1;
}

double ew_spec_adapt_alpha(const ew_spec_adapt *a)
{
    return a->succ / (a->succ + a->fail);
}

static void ewma(double *avg, double sample, double w)
{
    if (!(sample >= 0)) return;
    *avg = *avg < 0 ? sample : (1 - w) * *avg + w * sample;
}

double ew_spec_expected_rate(double alpha, int k, double draft_ms, double rtt_ms, double verify_ms)
{
    double tokens = alpha >= 1.0 ? k + 1.0 : (1.0 - pow(alpha, k + 1)) / (1.0 - alpha);
    double ms = k * fmax(draft_ms, 0) + fmax(rtt_ms, 0) + fmax(verify_ms, 0) * (k + 1);
    return ms > 0 ? tokens * 1000.0 / ms : tokens * 1e9;
}

int ew_spec_best_k(double alpha, int k_max, double draft_ms, double rtt_ms, double verify_ms)
{
    int best = 1;
    double best_rate = -1;
    for (int k = 1; k <= k_max; k++) {
        double r = ew_spec_expected_rate(alpha, k, draft_ms, rtt_ms, verify_ms);
        if (r > best_rate * (1 + 1e-9)) { /* ties keep the shorter draft */
            best_rate = r;
            best = k;
        }
    }
    return best;
}

void ew_spec_adapt_update(ew_spec_adapt *a, int n_draft, int n_accepted, double rtt_ms,
                          double draft_ms_per_token, double verify_ms_per_token)
{
    if (n_accepted < 0) n_accepted = 0;
    if (n_accepted > n_draft) n_accepted = n_draft;
    a->rounds++;
    a->drafted += (uint64_t)n_draft;
    a->accepted += (uint64_t)n_accepted;
    if (n_draft > 0) {
        double w = a->weight;
        a->succ = (1 - w) * a->succ + w * n_accepted;
        a->fail = (1 - w) * a->fail + w * (n_accepted < n_draft ? 1.0 : 0.0);
    }
    ewma(&a->rtt_ms, rtt_ms, a->weight);
    ewma(&a->draft_ms, draft_ms_per_token, a->weight);
    ewma(&a->verify_ms, verify_ms_per_token, a->weight);
    if (!a->adaptive || a->draft_ms < 0 || a->rtt_ms < 0 || a->verify_ms < 0) return;
    a->k = ew_spec_best_k(ew_spec_adapt_alpha(a), a->k_max, a->draft_ms, a->rtt_ms, a->verify_ms);
}

/* ---- speculation or plain streaming ----------------------------------------------------- */

void ew_spec_gate_init(ew_spec_gate *g)
{
    memset(g, 0, sizeof *g);
    g->hysteresis = 0.1;
    g->probe_every = 8;
}

/* The speculative rate the pair's figures promise; 0 while one is unknown. */
static double gate_spec_tps(const ew_spec_adapt *a, int *k)
{
    if (a->draft_ms < 0 || a->rtt_ms < 0 || a->verify_ms < 0) return 0;
    double alpha = ew_spec_adapt_alpha(a);
    *k = a->adaptive ? ew_spec_best_k(alpha, a->k_max, a->draft_ms, a->rtt_ms, a->verify_ms) : a->k;
    return ew_spec_expected_rate(alpha, *k, a->draft_ms, a->rtt_ms, a->verify_ms);
}

ew_spec_choice ew_spec_gate_decide(ew_spec_gate *g, const ew_spec_adapt *a, double plain_ms)
{
    uint64_t n = ++g->requests;
    uint64_t every = g->probe_every > 0 ? (uint64_t)g->probe_every : 8;
    g->spec_tps = gate_spec_tps(a, &g->k);
    g->plain_tps = plain_ms > 0 ? 1000.0 / plain_ms : 0;
    if (g->spec_tps <= 0) return EW_SPEC_GO;
    if (g->plain_tps <= 0)
        g->plain = false;
    else if (!g->plain && g->spec_tps < g->plain_tps * (1 - g->hysteresis))
        g->plain = true;
    else if (g->plain && g->spec_tps > g->plain_tps * (1 + g->hysteresis))
        g->plain = false;
    if (g->plain) return n % every == 0 ? EW_SPEC_GO_PROBE : EW_SPEC_PLAIN_SLOWER;
    return n % (4 * every) == 0 ? EW_SPEC_PLAIN_PROBE : EW_SPEC_GO;
}

/* ---- drafting --------------------------------------------------------------------------- */

/* Cuts the sampler's distribution to EW_SPEC_MAX_Q tokens (it is sorted,
 * most likely first) and renormalises it into slot i of out. */
static void keep_q(ew_spec_draft_out *out, int i, const int32_t *ids, const float *probs, int n)
{
    if (n > EW_SPEC_MAX_Q) n = EW_SPEC_MAX_Q;
    double sum = 0;
    for (int j = 0; j < n; j++)
        sum += probs[j];
    for (int j = 0; j < n; j++) {
        out->q_ids[i][j] = ids[j];
        out->q_probs[i][j] = (float)(probs[j] / sum);
    }
    out->q_n[i] = n;
}

int ew_spec_draft(ew_session *s, ew_sampler *smp, int32_t *ids, float *probs,
                  const int32_t *pending, int n_pending, int k, double p_min, ew_spec_rng *rng,
                  ew_spec_draft_out *out, ew_error *err)
{
    out->n = 0;
    out->low_confidence = false;
    out->n_eval = 0;
    if (k > EW_SPEC_MAX_DRAFT) k = EW_SPEC_MAX_DRAFT;
    if (n_pending < 1) return ew__error_set(err, EW_ERR_INVALID, "draft: nothing to evaluate");
    int n_vocab = ew_model_n_vocab(ew_session_model(s));
    int st = EW_OK;
    for (int i = 0; i < n_pending && !st;) {
        int n = n_pending - i < ew_session_n_batch(s) ? n_pending - i : ew_session_n_batch(s);
        st = ew_session_eval(s, pending + i, n, err);
        out->n_eval += n;
        i += n;
    }
    while (!st && out->n < k) {
        const float *logits = ew_session_logits(s, -1);
        int32_t top;
        float top_v, top_p;
        ew_top_k(logits, n_vocab, 1, &top, &top_v, &top_p);
        if (top_p < p_min) {
            out->low_confidence = true;
            break;
        }
        int32_t tok = top;
        if (smp) {
            int n = ew_sampler_dist(smp, logits, ids, probs);
            keep_q(out, out->n, ids, probs, n);
            ew_spec_dist q = {out->q_n[out->n], out->q_ids[out->n], out->q_probs[out->n]};
            tok = ew_spec_dist_draw(&q, rng);
        }
        out->tokens[out->n++] = tok;
        if (out->n == k || ew_session_n_past(s) >= ew_session_n_ctx(s)) break;
        st = ew_session_eval(s, &tok, 1, err);
        out->n_eval++;
    }
    return st;
}
