/* Speculative decoding's pure parts: greedy verification, the rejection rule
 * (with a chi-square test that the emitted tokens follow the target's
 * distribution, and a control showing the test catches a classic mistake),
 * the sampler's exposed distribution, and the adaptive draft length. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/engine.h"
#include "edgeway/speculative.h"
#include "ref_models.h"

/* ---- greedy -------------------------------------------------------------------------- */

static void test_greedy(void **state)
{
    (void)state;
    ew_spec_verdict v;
    const int32_t draft[4] = {5, 6, 7, 8};
    const int32_t all[5] = {5, 6, 7, 8, 9};
    ew_spec_verify_greedy(draft, 4, all, &v);
    assert_int_equal(v.accepted, 4);
    assert_int_equal(v.next_token, 9);
    const int32_t mid[5] = {5, 6, 1, 8, 9};
    ew_spec_verify_greedy(draft, 4, mid, &v);
    assert_int_equal(v.accepted, 2);
    assert_int_equal(v.next_token, 1);
    const int32_t none[5] = {4, 6, 7, 8, 9};
    ew_spec_verify_greedy(draft, 4, none, &v);
    assert_int_equal(v.accepted, 0);
    assert_int_equal(v.next_token, 4);
    ew_spec_verify_greedy(draft, 0, none, &v); /* no draft: just the target's token */
    assert_int_equal(v.accepted, 0);
    assert_int_equal(v.next_token, 4);
}

/* ---- sampling: a Markov chain target, a different chain as draft ----------------------- */

enum { V = 5, K = 3 };

/* Target P[a][.] and draft Q[a][.]: rows sum to 1. Zeros test sparse
 * supports: the target cannot emit 4 after 0, the draft never proposes 3. */
static const float P[V][V] = {
    {0.40f, 0.30f, 0.20f, 0.10f, 0.00f}, {0.10f, 0.10f, 0.50f, 0.20f, 0.10f},
    {0.25f, 0.25f, 0.25f, 0.15f, 0.10f}, {0.05f, 0.05f, 0.10f, 0.10f, 0.70f},
    {0.30f, 0.00f, 0.30f, 0.30f, 0.10f},
};
static const float Q[V][V] = {
    {0.10f, 0.60f, 0.20f, 0.00f, 0.10f}, {0.20f, 0.20f, 0.40f, 0.00f, 0.20f},
    {0.25f, 0.25f, 0.25f, 0.00f, 0.25f}, {0.50f, 0.10f, 0.10f, 0.00f, 0.30f},
    {0.30f, 0.30f, 0.20f, 0.00f, 0.20f},
};

typedef struct sparse {
    int32_t ids[V];
    float probs[V];
    ew_spec_dist d;
} sparse;

static void make_sparse(sparse *s, const float *row)
{
    int n = 0;
    for (int i = 0; i < V; i++)
        if (row[i] > 0) {
            s->ids[n] = i;
            s->probs[n++] = row[i];
        }
    s->d = (ew_spec_dist){n, s->ids, s->probs};
}

static sparse rowsP[V], rowsQ[V];

typedef enum rule { RULE_CORRECT, RULE_RESAMPLE_FROM_P } rule;

/* One round from context token c: draft K tokens from Q, verify against P.
 * Writes the emitted tokens to out; returns how many. */
static int round_once(int32_t c, ew_spec_rng *rng, rule r, float *scratch, int32_t *out)
{
    int32_t draft[K];
    ew_spec_dist q[K], p[K + 1];
    int32_t prev = c;
    for (int i = 0; i < K; i++) {
        q[i] = rowsQ[prev].d;
        p[i] = rowsP[prev].d;
        draft[i] = ew_spec_dist_draw(&q[i], rng);
        prev = draft[i];
    }
    p[K] = rowsP[prev].d;
    ew_spec_verdict v;
    if (r == RULE_CORRECT) {
        assert_int_equal(ew_spec_verify_sample(draft, K, q, p, V, scratch, rng, &v), EW_OK);
    } else { /* the classic mistake: on rejection, draw from p instead of p - q */
        v.accepted = K;
        for (int i = 0; i < K && v.accepted == K; i++) {
            float px = ew_spec_dist_prob(&p[i], draft[i]), qx = ew_spec_dist_prob(&q[i], draft[i]);
            if (!(ew_spec_rng_unit(rng) * qx < px)) v.accepted = i;
        }
        v.next_token = ew_spec_dist_draw(&p[v.accepted], rng);
    }
    memcpy(out, draft, (size_t)v.accepted * sizeof *out);
    out[v.accepted] = v.next_token;
    return v.accepted + 1;
}

/* Chi-square of the first two emitted tokens after context 0 against
 * P[0][a] * P[a][b], over n runs. */
static double chi_square_two_tokens(rule r, int n, uint64_t seed)
{
    for (int i = 0; i < V; i++) {
        make_sparse(&rowsP[i], P[i]);
        make_sparse(&rowsQ[i], Q[i]);
    }
    static long counts[V][V];
    memset(counts, 0, sizeof counts);
    float scratch[V] = {0};
    ew_spec_rng rng;
    ew_spec_rng_seed(&rng, seed);
    for (int run = 0; run < n; run++) {
        int32_t got[2 * (K + 1)];
        int have = round_once(0, &rng, r, scratch, got);
        if (have < 2) have += round_once(got[have - 1], &rng, r, scratch, got + have);
        counts[got[0]][got[1]]++;
    }
    for (int i = 0; i < V; i++)
        assert_true(scratch[i] == 0.0f);
    double chi = 0;
    for (int a = 0; a < V; a++)
        for (int b = 0; b < V; b++) {
            double e = (double)n * P[0][a] * P[a][b];
            if (e == 0) {
                assert_int_equal(counts[a][b], 0); /* an impossible pair never appears */
                continue;
            }
            chi += (counts[a][b] - e) * (counts[a][b] - e) / e;
        }
    return chi;
}

/* 19 possible pairs (P has zeros): 18 degrees of freedom, and the 0.999
 * quantile of chi-square(18) is 42.31. */
#define CHI2_18_999 42.31

static void test_sampling_matches_target_distribution(void **state)
{
    (void)state;
    double chi = chi_square_two_tokens(RULE_CORRECT, 60000, 1234);
    printf("chi-square (correct rule): %.2f (threshold %.2f)\n", chi, CHI2_18_999);
    assert_true(chi < CHI2_18_999);
    /* a second seed, so a lucky seed cannot carry the test */
    chi = chi_square_two_tokens(RULE_CORRECT, 60000, 98765);
    assert_true(chi < CHI2_18_999);
}

static void test_chi_square_catches_wrong_residual(void **state)
{
    (void)state;
    double chi = chi_square_two_tokens(RULE_RESAMPLE_FROM_P, 60000, 1234);
    printf("chi-square (resampling from p): %.2f\n", chi);
    assert_true(chi > 10 * CHI2_18_999);
}

static void test_sampling_one_hot_target_is_greedy(void **state)
{
    (void)state;
    /* With a one-hot p every verdict must equal the greedy one. */
    static const int32_t argmax[4] = {2, 0, 3, 1};
    int32_t one_ids[4][1];
    float one_p[1] = {1.0f};
    ew_spec_dist p[4];
    for (int i = 0; i < 4; i++) {
        one_ids[i][0] = argmax[i];
        p[i] = (ew_spec_dist){1, one_ids[i], one_p};
    }
    int32_t qids[V] = {0, 1, 2, 3, 4};
    float qp[V] = {0.2f, 0.2f, 0.2f, 0.2f, 0.2f};
    ew_spec_dist q[3] = {{V, qids, qp}, {V, qids, qp}, {V, qids, qp}};
    float scratch[V] = {0};
    ew_spec_rng rng;
    ew_spec_rng_seed(&rng, 7);
    for (int t = 0; t < 200; t++) {
        int32_t draft[3] = {t % V, (t / V) % V, (t / 25) % V};
        ew_spec_verdict vs, vg;
        assert_int_equal(ew_spec_verify_sample(draft, 3, q, p, V, scratch, &rng, &vs), EW_OK);
        ew_spec_verify_greedy(draft, 3, argmax, &vg);
        assert_int_equal(vs.accepted, vg.accepted);
        assert_int_equal(vs.next_token, vg.next_token);
    }
}

static void test_sampling_rejects_bad_input(void **state)
{
    (void)state;
    for (int i = 0; i < V; i++) {
        make_sparse(&rowsP[i], P[i]);
        make_sparse(&rowsQ[i], Q[i]);
    }
    float scratch[V] = {0};
    ew_spec_rng rng;
    ew_spec_rng_seed(&rng, 1);
    ew_spec_verdict v;
    ew_spec_dist q[1] = {rowsQ[0].d}, p[2] = {rowsP[0].d, rowsP[1].d};
    int32_t never_drawn[1] = {3}; /* Q[0][3] = 0 */
    assert_int_equal(ew_spec_verify_sample(never_drawn, 1, q, p, V, scratch, &rng, &v),
                     EW_ERR_INVALID);
    int32_t outside[1] = {V};
    assert_int_equal(ew_spec_verify_sample(outside, 1, q, p, V, scratch, &rng, &v), EW_ERR_INVALID);
    int32_t bad_ids[1] = {-1};
    float one[1] = {1};
    ew_spec_dist bad_p[2] = {{1, bad_ids, one}, rowsP[1].d};
    int32_t ok[1] = {1};
    assert_int_equal(ew_spec_verify_sample(ok, 1, q, bad_p, V, scratch, &rng, &v), EW_ERR_INVALID);
}

static void test_rng_deterministic(void **state)
{
    (void)state;
    ew_spec_rng a, b, c;
    ew_spec_rng_seed(&a, 42);
    ew_spec_rng_seed(&b, 42);
    ew_spec_rng_seed(&c, 43);
    int differ = 0;
    double sum = 0;
    for (int i = 0; i < 10000; i++) {
        double x = ew_spec_rng_unit(&a);
        assert_true(x >= 0 && x < 1);
        assert_true(x == ew_spec_rng_unit(&b));
        differ += x != ew_spec_rng_unit(&c);
        sum += x;
    }
    assert_true(differ > 9990);
    assert_true(fabs(sum / 10000 - 0.5) < 0.02);
}

/* ---- the sampler's distribution --------------------------------------------------------- */

enum { NV = 300 };

static void test_sampler_dist(void **state)
{
    (void)state;
    float logits[NV];
    uint32_t x = 5;
    for (int i = 0; i < NV; i++) {
        x = x * 1664525u + 1013904223u;
        logits[i] = (float)(x >> 8) / (float)(1 << 24) * 6.0f - 3.0f;
    }
    ew_sampler_params sp;
    ew_sampler_params_init(&sp);
    sp.temperature = 0.7f;
    sp.top_k = 50;
    sp.top_p = 0.9f;
    sp.min_p = 0.02f;
    sp.seed = 3;
    ew_sampler *s;
    assert_int_equal(ew_sampler_new(&sp, NV, &s, NULL), EW_OK);
    int32_t ids[NV];
    float probs[NV];
    int n = ew_sampler_dist(s, logits, ids, probs);
    assert_true(n >= 1 && n <= 50);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        sum += probs[i];
        if (i) assert_true(probs[i] <= probs[i - 1]);
    }
    assert_true(fabs(sum - 1) < 1e-5);
    /* draws land in the distribution's support, with its frequencies */
    static long counts[NV];
    memset(counts, 0, sizeof counts);
    for (int t = 0; t < 20000; t++)
        counts[ew_sampler_sample(s, logits)]++;
    ew_spec_dist d = {n, ids, probs};
    for (int i = 0; i < NV; i++) {
        float p = ew_spec_dist_prob(&d, i);
        if (p == 0)
            assert_int_equal(counts[i], 0);
        else
            assert_true(fabs(counts[i] / 20000.0 - p) < 5 * sqrt(p * (1 - p) / 20000) + 1e-3);
    }
    ew_sampler_free(s);
    /* greedy: the argmax with probability 1 */
    sp.temperature = 0;
    assert_int_equal(ew_sampler_new(&sp, NV, &s, NULL), EW_OK);
    assert_int_equal(ew_sampler_dist(s, logits, ids, probs), 1);
    assert_int_equal(ids[0], ew_sampler_sample(s, logits));
    assert_true(probs[0] == 1.0f);
    ew_sampler_free(s);
}

/* ---- adaptive k ----------------------------------------------------------------------- */

static void test_expected_rate(void **state)
{
    (void)state;
    /* alpha 0.5, k 2: E = 1 + 0.5 + 0.25 = 1.75 tokens in 2*1 + 10 + 1*3 = 15 ms */
    assert_true(fabs(ew_spec_expected_rate(0.5, 2, 1, 10, 1) - 1.75 * 1000 / 15) < 1e-9);
    /* alpha 1: every token accepted, k + 1 per round */
    assert_true(fabs(ew_spec_expected_rate(1.0, 4, 1, 10, 0) - 5 * 1000.0 / 14) < 1e-9);
}

static void test_best_k(void **state)
{
    (void)state;
    /* A long round trip pays for a long draft; a cheap link does not. */
    int k_far = ew_spec_best_k(0.8, 16, 1.0, 80, 0.5);
    int k_near = ew_spec_best_k(0.8, 16, 1.0, 0, 0.5);
    assert_true(k_far > k_near);
    assert_int_equal(k_near, 1);
    /* Better acceptance, longer drafts. */
    assert_true(ew_spec_best_k(0.95, 16, 1.0, 30, 0.5) > ew_spec_best_k(0.5, 16, 1.0, 30, 0.5));
    /* Perfect acceptance and a slow link: as long as allowed. */
    assert_int_equal(ew_spec_best_k(1.0, 8, 0.1, 100, 0.1), 8);
    /* The chosen k is the argmax of the expected rate. */
    int k = ew_spec_best_k(0.7, 16, 2.0, 30, 1.0);
    for (int j = 1; j <= 16; j++)
        assert_true(ew_spec_expected_rate(0.7, j, 2.0, 30, 1.0) <=
                    ew_spec_expected_rate(0.7, k, 2.0, 30, 1.0) + 1e-9);
}

static void test_adapt_tracks_acceptance(void **state)
{
    (void)state;
    ew_spec_adapt a;
    ew_spec_adapt_init(&a, 4, 16, true);
    assert_int_equal(a.k, 4);
    assert_true(fabs(ew_spec_adapt_alpha(&a) - 0.5) < 1e-9);
    ew_spec_rng rng;
    ew_spec_rng_seed(&rng, 11);
    /* rounds of k tokens, each accepted with probability 0.8 until the first
     * rejection, on a 30 ms link */
    for (int r = 0; r < 400; r++) {
        int acc = 0;
        while (acc < a.k && ew_spec_rng_unit(&rng) < 0.8)
            acc++;
        ew_spec_adapt_update(&a, a.k, acc, 30, 1.0, 0.5);
    }
    double alpha = ew_spec_adapt_alpha(&a);
    printf("alpha estimate %.3f (true 0.8), k %d\n", alpha, a.k);
    assert_true(fabs(alpha - 0.8) < 0.1);
    assert_int_equal(a.k, ew_spec_best_k(alpha, 16, a.draft_ms, a.rtt_ms, a.verify_ms));
    assert_true(a.k >= 4);
    /* acceptance collapses: k shrinks */
    for (int r = 0; r < 60; r++)
        ew_spec_adapt_update(&a, a.k, 0, 30, 1.0, 0.5);
    assert_true(ew_spec_adapt_alpha(&a) < 0.1);
    assert_true(a.k <= 2);
    /* not adaptive: k stays */
    ew_spec_adapt_init(&a, 3, 16, false);
    for (int r = 0; r < 20; r++)
        ew_spec_adapt_update(&a, 3, 3, 80, 0.1, 0.1);
    assert_int_equal(a.k, 3);
    assert_int_equal(a.rounds, 20);
    assert_int_equal(a.accepted, 60);
}

/* Speculate or stream plainly, from injected figures: no timing involved. */
static ew_spec_choice decide_n(ew_spec_gate *g, const ew_spec_adapt *a, double plain_ms, int n,
                               int counts[4])
{
    ew_spec_choice c = EW_SPEC_GO;
    for (int i = 0; i < n; i++) {
        c = ew_spec_gate_decide(g, a, plain_ms);
        if (counts) counts[c]++;
    }
    return c;
}

static void test_gate_weighs_speculation_against_plain(void **state)
{
    (void)state;
    ew_spec_adapt a;
    ew_spec_adapt_init(&a, 4, 16, true);
    ew_spec_gate g;
    ew_spec_gate_init(&g);
    /* nothing measured yet: speculate */
    assert_int_equal(ew_spec_gate_decide(&g, &a, 20), EW_SPEC_GO);
    assert_true(g.spec_tps == 0);
    /* acceptance 0.9 (every round accepts 9 of 10), 30 ms RTT, 1 ms/token
     * draft, 0.5 ms/token target */
    for (int r = 0; r < 200; r++)
        ew_spec_adapt_update(&a, 10, r % 10 ? 10 : 0, 30, 1.0, 0.5);
    int counts[4] = {0};
    /* plain streaming at 50 tok/s: speculation is faster; one request in 32
     * streams plainly to keep the plain figure fresh */
    decide_n(&g, &a, 20, 31, counts);
    assert_int_equal(counts[EW_SPEC_GO] + counts[EW_SPEC_PLAIN_PROBE], 31);
    assert_int_equal(counts[EW_SPEC_PLAIN_PROBE], 1);
    assert_false(g.plain);
    assert_true(g.spec_tps > g.plain_tps);
    assert_true(fabs(g.plain_tps - 50) < 1e-9);
    assert_true(fabs(g.spec_tps - ew_spec_expected_rate(ew_spec_adapt_alpha(&a), g.k, a.draft_ms,
                                                        a.rtt_ms, a.verify_ms)) < 1e-9);
    /* plain unknown: never slower_than_plain, only the occasional probe */
    memset(counts, 0, sizeof counts);
    decide_n(&g, &a, -1, 64, counts);
    assert_int_equal(counts[EW_SPEC_PLAIN_SLOWER] + counts[EW_SPEC_GO_PROBE], 0);
    assert_int_equal(counts[EW_SPEC_PLAIN_PROBE], 2);
    /* acceptance collapses: about one token per 32 ms round, under 50 tok/s */
    for (int r = 0; r < 60; r++)
        ew_spec_adapt_update(&a, a.k, 0, 30, 1.0, 0.5);
    memset(counts, 0, sizeof counts);
    decide_n(&g, &a, 20, 16, counts);
    assert_true(g.plain);
    assert_true(g.spec_tps < 0.9 * g.plain_tps);
    /* fallen back: one request in 8 speculates as a probe */
    assert_int_equal(counts[EW_SPEC_PLAIN_SLOWER], 14);
    assert_int_equal(counts[EW_SPEC_GO_PROBE], 2);
    /* hysteresis: plain only 5% slower than speculation keeps the fallback */
    double spec = g.spec_tps;
    decide_n(&g, &a, 1000.0 / (spec / 1.05), 1, NULL);
    assert_true(g.plain);
    /* ... plain 15% slower ends it */
    assert_int_not_equal(decide_n(&g, &a, 1000.0 / (spec / 1.15), 1, NULL), EW_SPEC_PLAIN_SLOWER);
    assert_false(g.plain);
    /* and speculation 5% slower than plain keeps speculating */
    decide_n(&g, &a, 1000.0 / (spec * 1.05), 1, NULL);
    assert_false(g.plain);
    decide_n(&g, &a, 1000.0 / (spec * 1.15), 1, NULL);
    assert_true(g.plain);
    /* the pair gets better (probes measure it): speculation comes back */
    for (int r = 0; r < 60; r++)
        ew_spec_adapt_update(&a, a.k, a.k, 30, 1.0, 0.5);
    ew_spec_choice c = decide_n(&g, &a, 20, 1, NULL);
    assert_true(c == EW_SPEC_GO || c == EW_SPEC_PLAIN_PROBE);
    assert_false(g.plain);
}

/* ---- drafting and a whole in-process loop on the reference models ------------------ */

static ew_session *new_session(const ew_model *m, int n_layer_exit, bool logits_all)
{
    return ref_session(m, 128, 80, n_layer_exit, logits_all);
}

static int32_t argmax(const float *l, int n)
{
    int32_t best = 0;
    for (int i = 1; i < n; i++)
        if (l[i] > l[best]) best = i;
    return best;
}

static const int32_t prompt[] = {1, 9, 33, 72, 14, 101, 5, 240};
enum { N_PROMPT = sizeof prompt / sizeof prompt[0], N_GEN = 24 };

/* Plain greedy decoding with the target, one token per eval. */
static void target_only(const ew_model *m, int32_t *out)
{
    ew_session *s = new_session(m, 0, false);
    int nv = ew_model_n_vocab(m);
    assert_int_equal(ew_session_eval(s, prompt, N_PROMPT, NULL), EW_OK);
    for (int i = 0; i < N_GEN; i++) {
        out[i] = argmax(ew_session_logits(s, -1), nv);
        assert_int_equal(ew_session_eval(s, &out[i], 1, NULL), EW_OK);
    }
    ew_session_free(s);
}

typedef struct loop_stats {
    int rounds, target_evals, drafted, accepted;
} loop_stats;

/* Greedy speculative decoding in one process: the draft is the model's first
 * L layers, the target the whole model, one target eval per round. */
static void speculative(const ew_model *m, int L, int k, int32_t *out, loop_stats *st)
{
    ew_session *t = new_session(m, 0, true), *d = new_session(m, L, false);
    int nv = ew_model_n_vocab(m);
    int32_t t_pending[EW_SPEC_MAX_DRAFT + N_PROMPT + 1], d_pending[N_PROMPT + 2];
    int n_tp = N_PROMPT, n_dp = N_PROMPT, n_out = 0;
    memcpy(t_pending, prompt, sizeof prompt);
    memcpy(d_pending, prompt, sizeof prompt);
    memset(st, 0, sizeof *st);
    while (n_out < N_GEN) {
        int want = N_GEN - n_out - 1 < k ? N_GEN - n_out - 1 : k;
        int d_base = ew_session_n_past(d);
        ew_spec_draft_out dr;
        assert_int_equal(
            ew_spec_draft(d, NULL, NULL, NULL, d_pending, n_dp, want, 0.0, NULL, &dr, NULL), EW_OK);
        assert_int_equal(ew_session_n_past(d), d_base + n_dp + (dr.n ? dr.n - 1 : 0));
        /* target: pending + draft in one eval */
        int t_base = ew_session_n_past(t);
        memcpy(t_pending + n_tp, dr.tokens, (size_t)dr.n * sizeof(int32_t));
        assert_int_equal(ew_session_eval(t, t_pending, n_tp + dr.n, NULL), EW_OK);
        st->target_evals++;
        int32_t am[EW_SPEC_MAX_DRAFT + 1];
        for (int i = 0; i <= dr.n; i++)
            am[i] = argmax(ew_session_logits(t, n_tp - 1 + i), nv);
        ew_spec_verdict v;
        ew_spec_verify_greedy(dr.tokens, dr.n, am, &v);
        assert_int_equal(ew_session_rewind(t, t_base + n_tp + v.accepted), EW_OK);
        memcpy(out + n_out, dr.tokens, (size_t)v.accepted * sizeof(int32_t));
        n_out += v.accepted;
        out[n_out++] = v.next_token;
        st->rounds++;
        st->drafted += dr.n;
        st->accepted += v.accepted;
        /* the draft keeps what it evaluated of the accepted prefix */
        int kept = v.accepted < dr.n ? v.accepted : dr.n - 1;
        if (kept < 0) kept = 0;
        assert_int_equal(ew_session_rewind(d, d_base + n_dp + kept), EW_OK);
        n_dp = 0;
        if (dr.n && v.accepted == dr.n) d_pending[n_dp++] = dr.tokens[dr.n - 1];
        d_pending[n_dp++] = v.next_token;
        t_pending[0] = v.next_token;
        n_tp = 1;
    }
    assert_int_equal(n_out, N_GEN);
    ew_session_free(t);
    ew_session_free(d);
}

static void test_draft_basics(void **state)
{
    (void)state;
    ew_model *m = ref_model_open("stories260K.gguf");
    int nv = ew_model_n_vocab(m);
    ew_session *d = new_session(m, 0, false);
    ew_spec_draft_out dr;
    /* p_min above any probability: nothing is drafted */
    assert_int_equal(ew_spec_draft(d, NULL, NULL, NULL, prompt, N_PROMPT, 4, 1.01, NULL, &dr, NULL),
                     EW_OK);
    assert_int_equal(dr.n, 0);
    assert_true(dr.low_confidence);
    assert_int_equal(ew_session_n_past(d), N_PROMPT);
    /* the whole model as its own draft is the target's greedy run */
    int32_t ref[N_GEN];
    target_only(m, ref);
    assert_int_equal(ew_spec_draft(d, NULL, NULL, NULL, prompt, 0, 4, 0, NULL, &dr, NULL),
                     EW_ERR_INVALID);
    ew_session_rewind(d, 0);
    assert_int_equal(ew_spec_draft(d, NULL, NULL, NULL, prompt, N_PROMPT, 6, 0, NULL, &dr, NULL),
                     EW_OK);
    assert_int_equal(dr.n, 6);
    assert_memory_equal(dr.tokens, ref, 6 * sizeof(int32_t));
    assert_int_equal(ew_session_n_past(d), N_PROMPT + 5);
    /* sampling: every token comes with its (cut, renormalised) distribution */
    ew_sampler_params sp;
    ew_sampler_params_init(&sp);
    sp.temperature = 1.0f;
    sp.top_k = 0;
    sp.top_p = 1.0f;
    sp.min_p = 0;
    ew_sampler *smp;
    assert_int_equal(ew_sampler_new(&sp, nv, &smp, NULL), EW_OK);
    int32_t *ids = malloc((size_t)nv * sizeof *ids);
    float *probs = malloc((size_t)nv * sizeof *probs);
    ew_spec_rng rng;
    ew_spec_rng_seed(&rng, 5);
    ew_session_rewind(d, 0);
    assert_int_equal(ew_spec_draft(d, smp, ids, probs, prompt, N_PROMPT, 8, 0, &rng, &dr, NULL),
                     EW_OK);
    assert_int_equal(dr.n, 8);
    for (int i = 0; i < dr.n; i++) {
        assert_int_equal(dr.q_n[i], EW_SPEC_MAX_Q);
        double sum = 0;
        for (int j = 0; j < dr.q_n[i]; j++)
            sum += dr.q_probs[i][j];
        assert_true(fabs(sum - 1) < 1e-5);
        ew_spec_dist q = {dr.q_n[i], dr.q_ids[i], dr.q_probs[i]};
        assert_true(ew_spec_dist_prob(&q, dr.tokens[i]) > 0);
    }
    free(ids);
    free(probs);
    ew_sampler_free(smp);
    ew_session_free(d);
    ew_model_close(m);
}

/* One of each family; test_gateway_speculative runs every reference model
 * through the HTTP path. */
static const char *const ref_models[] = {
    "stories260K.gguf",
    "llama-2-tiny-random.gguf",
    "synth-C-qwen2-gpt2-Q8_0.gguf",
};

static void test_lossless_in_process(void **state)
{
    (void)state;
    for (size_t f = 0; f < sizeof ref_models / sizeof ref_models[0]; f++) {
        ew_model *m = ref_model_open(ref_models[f]);
        ew_model_info info;
        ew_model_get_info(m, &info);
        int32_t ref[N_GEN], got[N_GEN];
        target_only(m, ref);
        for (int L = 1; L <= info.n_layer; L++) {
            loop_stats st;
            speculative(m, L, 4, got, &st);
            printf("%-32s L=%d/%d: %d rounds, acceptance %.2f, %.3f target evals per token\n",
                   ref_models[f], L, info.n_layer, st.rounds,
                   st.drafted ? (double)st.accepted / st.drafted : 0.0,
                   (double)st.target_evals / N_GEN);
            assert_memory_equal(got, ref, sizeof ref);
            /* one eval per round, and a round yields accepted + 1 tokens */
            double mean_acc = (double)st.accepted / st.rounds;
            assert_true((double)st.target_evals / N_GEN <= 1.0 / (mean_acc + 1) + 1e-9);
            if (L == info.n_layer) assert_int_equal(st.accepted, st.drafted);
        }
        ew_model_close(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greedy),
        cmocka_unit_test(test_sampling_matches_target_distribution),
        cmocka_unit_test(test_chi_square_catches_wrong_residual),
        cmocka_unit_test(test_sampling_one_hot_target_is_greedy),
        cmocka_unit_test(test_sampling_rejects_bad_input),
        cmocka_unit_test(test_rng_deterministic),
        cmocka_unit_test(test_sampler_dist),
        cmocka_unit_test(test_expected_rate),
        cmocka_unit_test(test_best_k),
        cmocka_unit_test(test_adapt_tracks_acceptance),
        cmocka_unit_test(test_gate_weighs_speculation_against_plain),
        cmocka_unit_test(test_draft_basics),
        cmocka_unit_test(test_lossless_in_process),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
