/* Token sampling: greedy, or penalty -> top-k -> top-p -> min-p -> temperature
 * -> draw, with a seeded xoshiro256** stream so a seed reproduces a run. All
 * scratch is allocated with the sampler; sampling allocates nothing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "edgeway/engine.h"
#include "local/rng.h"
#include "local/runner.h"

#define MAX_LAST_N 1024
#define MAX_VOCAB  (1 << 22)

typedef struct cand {
    int32_t id;
    float logit;
} cand;

struct ew_sampler {
    ew_sampler_params p;
    int n_vocab;
    cand *c;      /* (n_vocab) working candidates */
    float *probs; /* (n_vocab) */
    int32_t hist[MAX_LAST_N];
    int hist_len, hist_pos;
    uint64_t rng[4];
};

void ew_sampler_params_init(ew_sampler_params *p)
{
    memset(p, 0, sizeof *p);
    p->temperature = 0.8f;
    p->top_k = 40;
    p->top_p = 0.95f;
    p->min_p = 0.05f;
    p->repeat_penalty = 1.0f;
    p->repeat_last_n = 64;
    p->seed = 0;
}

void ew_sampler_reset(ew_sampler *s)
{
    ew__rng_seed(s->rng, s->p.seed);
    s->hist_len = s->hist_pos = 0;
}

static int check_params(const ew_sampler_params *p, ew_error *err)
{
    if (!(p->temperature == p->temperature) || !(p->top_p == p->top_p) || !(p->min_p == p->min_p) ||
        !(p->repeat_penalty > 0))
        return ew__error_set(err, EW_ERR_INVALID,
                             "sampler: invalid parameter (NaN or penalty <= 0)");
    if (p->repeat_last_n < 0 || p->repeat_last_n > MAX_LAST_N)
        return ew__error_set(err, EW_ERR_INVALID, "sampler: repeat_last_n must be 0..%d",
                             MAX_LAST_N);
    return EW_OK;
}

int ew__sampler_set_params(ew_sampler *s, const ew_sampler_params *p, ew_error *err)
{
    int st = check_params(p, err);
    if (st) return st;
    s->p = *p;
    ew_sampler_reset(s);
    return EW_OK;
}

int ew_sampler_new(const ew_sampler_params *params, int n_vocab, ew_sampler **out, ew_error *err)
{
    *out = NULL;
    if (n_vocab <= 0 || n_vocab > MAX_VOCAB)
        return ew__error_set(err, EW_ERR_INVALID, "sampler: vocab size %d out of range", n_vocab);
    ew_sampler_params p;
    if (params)
        p = *params;
    else
        ew_sampler_params_init(&p);
    int st = check_params(&p, err);
    if (st) return st;
    ew_sampler *s = calloc(1, sizeof *s);
    if (!s) return ew__error_set(err, EW_ERR_NOMEM, "sampler: out of memory");
    s->c = malloc((size_t)n_vocab * sizeof *s->c);
    s->probs = malloc((size_t)n_vocab * sizeof *s->probs);
    if (!s->c || !s->probs) {
        ew_sampler_free(s);
        return ew__error_set(err, EW_ERR_NOMEM, "sampler: out of memory");
    }
    s->p = p;
    s->n_vocab = n_vocab;
    ew_sampler_reset(s);
    *out = s;
    return EW_OK;
}

void ew_sampler_free(ew_sampler *s)
{
    if (!s) return;
    free(s->c);
    free(s->probs);
    free(s);
}

void ew_sampler_accept(ew_sampler *s, int32_t token)
{
    if (s->p.repeat_last_n <= 0) return;
    s->hist[s->hist_pos] = token;
    s->hist_pos = (s->hist_pos + 1) % s->p.repeat_last_n;
    if (s->hist_len < s->p.repeat_last_n) s->hist_len++;
}

/* Descending by logit, ties by lower id, so results never depend on the sort. */
static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->logit != y->logit) return x->logit > y->logit ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static inline int cand_before(const cand *x, const cand *y)
{
    return x->logit > y->logit || (x->logit == y->logit && x->id < y->id);
}

/* Moves the k best candidates to c[0..k) (unordered), in expected O(n). */
static void select_top(cand *c, int n, int k)
{
    int lo = 0, hi = n - 1;
    uint32_t seed = 12345;
    while (lo < hi) {
        seed = seed * 1103515245u + 12345u;
        cand pivot = c[lo + (int)(seed % (uint32_t)(hi - lo + 1))];
        int i = lo, j = hi;
        while (i <= j) {
            while (cand_before(&c[i], &pivot))
                i++;
            while (cand_before(&pivot, &c[j]))
                j--;
            if (i <= j) {
                cand t = c[i];
                c[i++] = c[j];
                c[j--] = t;
            }
        }
        if (k - 1 <= j)
            hi = j;
        else if (k - 1 >= i)
            lo = i;
        else
            break;
    }
}

/* Sorts the best k of n candidates to the front; returns k (clamped). */
static int sort_top(cand *c, int n, int k)
{
    if (k <= 0 || k > n) k = n;
    if (k < n) select_top(c, n, k);
    qsort(c, (size_t)k, sizeof *c, cand_cmp);
    return k;
}

static void apply_penalty(ew_sampler *s)
{
    float pen = s->p.repeat_penalty;
    if (pen == 1.0f) return;
    for (int i = 0; i < s->hist_len; i++) {
        int32_t t = s->hist[i];
        if (t < 0 || t >= s->n_vocab) continue;
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = s->hist[j] == t;
        if (seen) continue;
        float *l = &s->c[t].logit;
        *l = *l > 0 ? *l / pen : *l * pen;
    }
}

/* Softmax of the first n sorted candidates (c[0] is the max) into probs. */
static void softmax_sorted(const cand *c, int n, float temp, float *probs)
{
    double sum = 0;
    for (int i = 0; i < n; i++) {
        probs[i] = expf((c[i].logit - c[0].logit) / temp);
        sum += probs[i];
    }
    for (int i = 0; i < n; i++)
        probs[i] = (float)(probs[i] / sum);
}

/* How many leading candidates the nucleus keeps: the smallest prefix whose
 * probability (over the n candidates) reaches top_p. The sort grows only
 * as far as needed, since a nucleus is usually a few hundred tokens. */
static int nucleus(ew_sampler *s, int n, int *sorted)
{
    double total = 0;
    float max = s->c[0].logit;
    for (int i = 1; i < n; i++)
        max = fmaxf(max, s->c[i].logit);
    for (int i = 0; i < n; i++)
        total += exp((double)s->c[i].logit - max);
    int want = *sorted;
    for (;;) {
        if (want > n) want = n;
        if (want > *sorted) *sorted = sort_top(s->c, n, want);
        double cum = 0;
        for (int i = 0; i < *sorted; i++) {
            cum += exp((double)s->c[i].logit - max) / total;
            if (cum >= s->p.top_p) return i + 1;
        }
        if (*sorted >= n) return n;
        want = *sorted * 4;
    }
}

/* Leaves the distribution a draw is made from in c[0..n) and probs[0..n),
 * most likely first, and returns n; greedy is the argmax with probability 1. */
static int candidates(ew_sampler *s, const float *logits)
{
    int n = s->n_vocab;
    for (int i = 0; i < n; i++) {
        s->c[i].id = i;
        s->c[i].logit = logits[i];
    }
    apply_penalty(s);
    if (!(s->p.temperature > 0)) {
        int best = 0;
        for (int i = 1; i < n; i++)
            if (s->c[i].logit > s->c[best].logit) best = i;
        s->c[0] = s->c[best];
        s->probs[0] = 1.0f;
        return 1;
    }
    int sorted = 0;
    if (s->p.top_k > 0 && s->p.top_k < n) {
        n = sort_top(s->c, n, s->p.top_k);
        sorted = n;
    }
    if (s->p.top_p < 1.0f) {
        if (!sorted) sorted = 256;
        n = nucleus(s, n, &sorted);
    }
    if (s->p.min_p > 0) {
        /* p_i >= min_p * p_max  <=>  logit_i >= logit_max + log(min_p) */
        float max = s->c[0].logit;
        for (int i = 1; i < n; i++)
            max = fmaxf(max, s->c[i].logit);
        float floor_logit = max + logf(s->p.min_p);
        int keep = 0;
        for (int i = 0; i < n; i++)
            if (s->c[i].logit >= floor_logit)
                s->c[keep++] = s->c[i]; /* stable: a sorted prefix stays sorted */
        if (keep < n) sorted = keep < sorted ? keep : sorted;
        n = keep ? keep : 1;
    }
    if (sorted < n) n = sort_top(s->c, n, n);
    softmax_sorted(s->c, n, s->p.temperature, s->probs);
    return n;
}

int32_t ew_sampler_sample(ew_sampler *s, const float *logits)
{
    int n = candidates(s, logits);
    if (!(s->p.temperature > 0)) return s->c[0].id;
    double r = ew__rng_unit(s->rng), cum = 0;
    for (int i = 0; i < n; i++) {
        cum += s->probs[i];
        if (r < cum) return s->c[i].id;
    }
    return s->c[n - 1].id;
}

int ew_sampler_dist(ew_sampler *s, const float *logits, int32_t *ids, float *probs)
{
    int n = candidates(s, logits);
    for (int i = 0; i < n; i++) {
        ids[i] = s->c[i].id;
        probs[i] = s->probs[i];
    }
    return n;
}

double ew_logsumexp(const float *logits, int n)
{
    if (n <= 0) return -INFINITY;
    float max = logits[0];
    for (int i = 1; i < n; i++)
        max = fmaxf(max, logits[i]);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += exp((double)logits[i] - max);
    return max + log(sum);
}

int ew_top_k(const float *logits, int n, int k, int32_t *ids, float *values, float *probs)
{
    if (k > n) k = n;
    if (k <= 0) return 0;
    /* A small insertion list: k is tiny (5, 10) in every caller. */
    int m = 0;
    for (int i = 0; i < n; i++) {
        float v = logits[i];
        if (m == k && !(v > values[k - 1])) continue;
        int j = m < k ? m++ : k - 1;
        while (j > 0 && v > values[j - 1]) {
            values[j] = values[j - 1];
            ids[j] = ids[j - 1];
            j--;
        }
        values[j] = v;
        ids[j] = i;
    }
    if (probs) {
        double lse = ew_logsumexp(logits, n);
        for (int j = 0; j < m; j++)
            probs[j] = (float)exp((double)values[j] - lse);
    }
    return m;
}
