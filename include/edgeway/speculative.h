/* Speculative decoding: a cheap draft proposes tokens, the target model
 * checks them all in one forward pass and keeps the longest acceptable
 * prefix plus one token of its own.
 *
 * These are the pure parts, shared by the verifying side (the cloud) and the
 * drafting side (the device): the verification rules, the random stream they
 * use, and the choice of the draft length. They never touch a model, so
 * they can be tested exactly.
 *
 * Greedy (temperature 0) verification is lossless: the output is token for
 * token what the target alone would produce. Sampling verification uses the
 * rejection rule of Leviathan et al. and Chen et al. (2023): draft token x
 * drawn from q is accepted with probability min(1, p(x)/q(x)); on the first
 * rejection a token is drawn from max(0, p - q) normalised, and when every
 * draft token is accepted a bonus token is drawn from p. Each emitted token
 * is then distributed exactly as p, whatever q is.
 */
#ifndef EDGEWAY_SPECULATIVE_H
#define EDGEWAY_SPECULATIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/core.h"
#include "edgeway/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Most draft tokens one round may carry (the wire format's bound too). */
#define EW_SPEC_MAX_DRAFT 64
/* Most tokens in a draft distribution sent for sampling verification: the
 * drafter draws from its distribution cut to this many most likely tokens
 * (renormalised), which keeps a round's request small and stays exact,
 * since the rejection rule holds for any draft distribution. */
#define EW_SPEC_MAX_Q 32

/* ---- random stream ---------------------------------------------------------------- */

/* xoshiro256**, seeded through splitmix64: the same seed gives the same
 * acceptances on every machine. */
typedef struct ew_spec_rng {
    uint64_t s[4];
} ew_spec_rng;

void ew_spec_rng_seed(ew_spec_rng *r, uint64_t seed);
/* Uniform in [0, 1) with 53 random bits. */
double ew_spec_rng_unit(ew_spec_rng *r);

/* ---- distributions -------------------------------------------------------------------- */

/* A sparse distribution: n tokens with their probabilities (summing to 1
 * up to rounding); tokens outside have probability 0. Borrowed arrays. */
typedef struct ew_spec_dist {
    int n;
    const int32_t *ids;
    const float *probs;
} ew_spec_dist;

/* Probability of token id under d (0 when absent). O(d->n). */
float ew_spec_dist_prob(const ew_spec_dist *d, int32_t id);
/* Draws a token from d with one number from r. */
int32_t ew_spec_dist_draw(const ew_spec_dist *d, ew_spec_rng *r);

/* ---- verification ---------------------------------------------------------------------- */

typedef struct ew_spec_verdict {
    int accepted;       /* draft tokens kept, 0..n_draft */
    int32_t next_token; /* the target's own token after them */
} ew_spec_verdict;

/* Greedy: target_argmax[i] (i = 0..n_draft) is the target's argmax after
 * the context plus draft[0..i). Keeps draft tokens while they equal it; the
 * next token is the argmax where they stopped. */
void ew_spec_verify_greedy(const int32_t *draft, int n_draft, const int32_t *target_argmax,
                           ew_spec_verdict *out);

/* One position of the rejection rule: whether draft token x, drawn from q,
 * is kept under the target's p (with probability min(1, p(x)/q(x))). */
bool ew_spec_accept(int32_t x, const ew_spec_dist *q, const ew_spec_dist *p, ew_spec_rng *rng);
/* After a rejection: a token drawn from max(0, p - q) normalised. scratch
 * holds n_vocab floats, zero on entry and on return. */
int32_t ew_spec_residual(const ew_spec_dist *p, const ew_spec_dist *q, float *scratch,
                         ew_spec_rng *rng);
/* Checks that q could have produced x: ids inside [0, n_vocab), q(x) > 0. */
bool ew_spec_draft_valid(int32_t x, const ew_spec_dist *q, int n_vocab);

/* Sampling: p[i] (i = 0..n_draft) is the target's sampling distribution
 * after the context plus draft[0..i), q[i] (i < n_draft) the draft's, from
 * which draft[i] was drawn. scratch holds n_vocab floats, all zero on entry
 * and on return. Fails with EW_ERR_INVALID (-2) when a token is outside
 * [0, n_vocab) or a draft token has q = 0 (it cannot have been drawn). */
int ew_spec_verify_sample(const int32_t *draft, int n_draft, const ew_spec_dist *q,
                          const ew_spec_dist *p, int n_vocab, float *scratch, ew_spec_rng *rng,
                          ew_spec_verdict *out);

/* ---- drafting --------------------------------------------------------------------------- */

typedef struct ew_spec_draft_out {
    int n; /* tokens drafted, 0..k */
    int32_t tokens[EW_SPEC_MAX_DRAFT];
    /* Sampling only: the distribution each token was drawn from. */
    int q_n[EW_SPEC_MAX_DRAFT];
    int32_t q_ids[EW_SPEC_MAX_DRAFT][EW_SPEC_MAX_Q];
    float q_probs[EW_SPEC_MAX_DRAFT][EW_SPEC_MAX_Q];
    bool low_confidence; /* stopped because the top probability fell below p_min */
    int n_eval;          /* tokens the draft session evaluated */
} ew_spec_draft_out;

/* Drafts up to k tokens. Evaluates pending[0..n_pending) (tokens the draft
 * session has not seen; at least one) and then each drafted token but the
 * last, so on return the session holds everything except out->tokens[n-1].
 * Before each token, drafting stops when the draft's top probability (plain
 * softmax) is below p_min, or when the session's context is full. smp NULL
 * means greedy (the argmax); otherwise the token is drawn with rng from the
 * sampler's distribution cut to EW_SPEC_MAX_Q tokens, recorded in out, and
 * ids/probs are the caller's scratch of n_vocab entries each. */
int ew_spec_draft(ew_session *s, ew_sampler *smp, int32_t *ids, float *probs,
                  const int32_t *pending, int n_pending, int k, double p_min, ew_spec_rng *rng,
                  ew_spec_draft_out *out, ew_error *err);

/* ---- the draft length ------------------------------------------------------------------ */

/* Adaptive k. Acceptance is modelled as independent per draft token with
 * rate alpha, estimated as an EWMA of accepted and rejected draft tokens
 * (a round that accepts everything says nothing about the next token, so
 * it only adds successes). Times are EWMAs too. The chosen k maximises the
 * expected rate
 *
 *     E[tokens per round] / (k * t_draft + rtt + t_verify * (k + 1))
 *
 * with E = (1 - alpha^(k+1)) / (1 - alpha), and stays within [1, k_max].
 * t_verify is the target's time per evaluated token, as the verifier
 * reports it. */
typedef struct ew_spec_adapt {
    int k; /* the current choice */
    int k_max;
    bool adaptive;     /* false: k stays */
    double weight;     /* EWMA weight of a new round; default 0.2 */
    double succ, fail; /* EWMA counts of accepted / rejected draft tokens */
    double rtt_ms;     /* network and overhead per round; -1 = no sample yet */
    double draft_ms;   /* per draft token; -1 = no sample yet */
    double verify_ms;  /* target time per evaluated token; -1 = no sample yet */
    uint64_t rounds, drafted, accepted;
} ew_spec_adapt;

/* k0 in [1, k_max], k_max in [1, EW_SPEC_MAX_DRAFT]. alpha starts at 0.5. */
void ew_spec_adapt_init(ew_spec_adapt *a, int k0, int k_max, bool adaptive);
/* Records one round: n_draft proposed, n_accepted kept, and timings
 * (negative = not measured this round). Then picks the next k. */
void ew_spec_adapt_update(ew_spec_adapt *a, int n_draft, int n_accepted, double rtt_ms,
                          double draft_ms_per_token, double verify_ms_per_token);
/* The EWMA acceptance rate. */
double ew_spec_adapt_alpha(const ew_spec_adapt *a);
/* Expected tokens per second of a round with k draft tokens. */
double ew_spec_expected_rate(double alpha, int k, double draft_ms, double rtt_ms, double verify_ms);
/* The best k in [1, k_max] for these figures. */
int ew_spec_best_k(double alpha, int k_max, double draft_ms, double rtt_ms, double verify_ms);

/* ---- speculation or plain streaming ----------------------------------------------------- */

/* Whether a request on a draft/target pair should speculate or stream the
 * target plainly. Speculation is expected to deliver
 * ew_spec_expected_rate(alpha, k, t_draft, rtt, t_verify) tokens per
 * second (k: the adaptive best, else the fixed one); plain streaming
 * 1000 / plain_ms tokens per second, plain_ms being the measured time per
 * token of plain streams on the backend. The gate falls back once
 * speculation is expected more than `hysteresis` (a fraction) slower, and
 * comes back once it is expected that much faster. While fallen back, every
 * probe_every-th request speculates anyway, so the pair's figures stay
 * fresh and a pair that got better is taken up again; while speculating,
 * every (4 * probe_every)-th request streams plainly to measure plain_ms
 * (while it is unknown, that is the only way a request falls back here). */
typedef enum ew_spec_choice {
    EW_SPEC_GO = 0,       /* speculate */
    EW_SPEC_GO_PROBE,     /* speculate, as a probe of a pair that fell back */
    EW_SPEC_PLAIN_SLOWER, /* stream plainly: speculation is expected slower */
    EW_SPEC_PLAIN_PROBE,  /* stream plainly, to measure plain streaming */
} ew_spec_choice;

typedef struct ew_spec_gate {
    bool plain;         /* fallen back */
    uint64_t requests;  /* decided so far */
    double spec_tps;    /* the last expected figures; 0 = unknown */
    double plain_tps;
    int k;              /* the k spec_tps assumes */
    double hysteresis;  /* default 0.1 */
    int probe_every;    /* default 8 */
} ew_spec_gate;

void ew_spec_gate_init(ew_spec_gate *g);
/* Decides one request from the pair's figures a and plain_ms (<= 0 or NaN:
 * not measured yet). While any speculative figure is unknown it speculates. */
ew_spec_choice ew_spec_gate_decide(ew_spec_gate *g, const ew_spec_adapt *a, double plain_ms);

#ifdef __cplusplus
}
#endif
#endif
