/* Sampler: greedy, determinism per seed, each filter's effect, penalties, and
 * the distribution helpers (top-k, log-sum-exp). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/engine.h"

enum { NV = 1000 };

static void make_logits(float *l, uint32_t seed)
{
    for (int i = 0; i < NV; i++) {
        seed = seed * 1664525u + 1013904223u;
        l[i] = (float)(seed >> 8) / (float)(1 << 24) * 8.0f - 4.0f;
    }
}

static ew_sampler *new_sampler(float temp, int top_k, float top_p, float min_p, uint64_t seed)
{
    ew_sampler_params p;
    ew_sampler_params_init(&p);
    p.temperature = temp;
    p.top_k = top_k;
    p.top_p = top_p;
    p.min_p = min_p;
    p.seed = seed;
    ew_sampler *s;
    assert_int_equal(ew_sampler_new(&p, NV, &s, NULL), EW_OK);
    return s;
}

static void test_greedy_is_argmax(void **state)
{
    (void)state;
    float l[NV];
    make_logits(l, 1);
    l[777] = 50;
    ew_sampler *s = new_sampler(0, 40, 0.9f, 0.1f, 1);
    assert_int_equal(ew_sampler_sample(s, l), 777);
    l[3] = 50; /* a tie goes to the lower id */
    assert_int_equal(ew_sampler_sample(s, l), 3);
    ew_sampler_free(s);
}

static void test_same_seed_same_tokens(void **state)
{
    (void)state;
    float l[NV];
    make_logits(l, 2);
    ew_sampler *a = new_sampler(1.0f, 0, 1.0f, 0, 42), *b = new_sampler(1.0f, 0, 1.0f, 0, 42);
    ew_sampler *c = new_sampler(1.0f, 0, 1.0f, 0, 43);
    int differ = 0, seq_a[64];
    for (int i = 0; i < 64; i++) {
        seq_a[i] = ew_sampler_sample(a, l);
        assert_int_equal(seq_a[i], ew_sampler_sample(b, l));
        differ += seq_a[i] != ew_sampler_sample(c, l);
    }
    assert_true(differ > 32); /* another seed gives another stream */
    ew_sampler_reset(a);      /* reset restarts the stream */
    for (int i = 0; i < 64; i++)
        assert_int_equal(ew_sampler_sample(a, l), seq_a[i]);
    ew_sampler_free(a);
    ew_sampler_free(b);
    ew_sampler_free(c);
}

/* Ranks of the logits: rank[i] = number of logits larger than l[i]. */
static int rank_of(const float *l, int id)
{
    int r = 0;
    for (int i = 0; i < NV; i++)
        r += l[i] > l[id];
    return r;
}

static void test_top_k_limits_choices(void **state)
{
    (void)state;
    float l[NV];
    make_logits(l, 3);
    ew_sampler *s = new_sampler(5.0f, 5, 1.0f, 0, 7); /* hot: would roam without top-k */
    int seen[5] = {0};
    for (int i = 0; i < 500; i++) {
        int r = rank_of(l, ew_sampler_sample(s, l));
        assert_true(r < 5);
        seen[r] = 1;
    }
    assert_int_equal(seen[0] + seen[1] + seen[2] + seen[3] + seen[4], 5);
    ew_sampler_free(s);
}

static void test_top_p_and_min_p(void **state)
{
    (void)state;
    float l[NV];
    for (int i = 0; i < NV; i++)
        l[i] = -10;
    l[10] = 2.0f; /* p ~ 0.705 */
    l[20] = 1.0f; /* p ~ 0.259 */
    l[30] = -1.0f;
    /* top_p 0.9: the nucleus is {10, 20} */
    ew_sampler *s = new_sampler(1.0f, 0, 0.9f, 0, 9);
    int n10 = 0, n20 = 0;
    for (int i = 0; i < 2000; i++) {
        int t = ew_sampler_sample(s, l);
        assert_true(t == 10 || t == 20);
        n10 += t == 10;
        n20 += t == 20;
    }
    /* renormalized 0.731 / 0.269 */
    assert_true(n10 > 1300 && n10 < 1620);
    ew_sampler_free(s);
    /* min_p 0.5: only tokens with p >= 0.5 * p(10): just 10 */
    s = new_sampler(1.0f, 0, 1.0f, 0.5f, 9);
    for (int i = 0; i < 200; i++)
        assert_int_equal(ew_sampler_sample(s, l), 10);
    ew_sampler_free(s);
}

static void test_temperature_sharpens(void **state)
{
    (void)state;
    float l[NV];
    make_logits(l, 4);
    ew_sampler *cold = new_sampler(0.2f, 0, 1.0f, 0, 5), *hot = new_sampler(2.0f, 0, 1.0f, 0, 5);
    int top_cold = 0, top_hot = 0, best = 0;
    for (int i = 1; i < NV; i++)
        if (l[i] > l[best]) best = i;
    for (int i = 0; i < 400; i++) {
        top_cold += ew_sampler_sample(cold, l) == best;
        top_hot += ew_sampler_sample(hot, l) == best;
    }
    assert_true(top_cold > top_hot);
    ew_sampler_free(cold);
    ew_sampler_free(hot);
}

static void test_repeat_penalty(void **state)
{
    (void)state;
    float l[NV];
    memset(l, 0, sizeof l);
    l[5] = 3.0f;
    l[6] = 2.0f;
    ew_sampler_params p;
    ew_sampler_params_init(&p);
    p.temperature = 0;
    p.repeat_penalty = 2.0f;
    p.repeat_last_n = 4;
    ew_sampler *s;
    assert_int_equal(ew_sampler_new(&p, NV, &s, NULL), EW_OK);
    assert_int_equal(ew_sampler_sample(s, l), 5);
    ew_sampler_accept(s, 5); /* 3.0 / 2 = 1.5 < 2.0 */
    assert_int_equal(ew_sampler_sample(s, l), 6);
    for (int i = 0; i < 4; i++) /* 5 falls out of the 4-token window */
        ew_sampler_accept(s, 100 + i);
    assert_int_equal(ew_sampler_sample(s, l), 5);
    ew_sampler_free(s);
}

static void test_bad_params(void **state)
{
    (void)state;
    ew_sampler_params p;
    ew_sampler_params_init(&p);
    ew_sampler *s;
    assert_int_equal(ew_sampler_new(&p, 0, &s, NULL), EW_ERR_INVALID);
    p.repeat_last_n = 5000;
    assert_int_equal(ew_sampler_new(&p, NV, &s, NULL), EW_ERR_INVALID);
    ew_sampler_params_init(&p);
    p.temperature = NAN;
    assert_int_equal(ew_sampler_new(&p, NV, &s, NULL), EW_ERR_INVALID);
    ew_sampler_free(NULL);
}

static void test_top_k_helper_and_lse(void **state)
{
    (void)state;
    float l[6] = {1, 5, 3, 5, -2, 4};
    int32_t ids[3];
    float v[3], p[3];
    assert_int_equal(ew_top_k(l, 6, 3, ids, v, p), 3);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 3); /* tie: lower id first */
    assert_int_equal(ids[2], 5);
    double lse = ew_logsumexp(l, 6), z = 0;
    for (int i = 0; i < 6; i++)
        z += exp(l[i]);
    assert_true(fabs(lse - log(z)) < 1e-12);
    assert_true(fabs(p[0] - exp(5 - log(z))) < 1e-6);
    float big[2] = {1000, 1000}; /* no overflow */
    assert_true(fabs(ew_logsumexp(big, 2) - (1000 + log(2))) < 1e-9);
    int32_t ids6[6];
    float v6[6];
    assert_int_equal(ew_top_k(l, 6, 10, ids6, v6, NULL), 6); /* k clamps to n */
    assert_int_equal(ids6[5], 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greedy_is_argmax),     cmocka_unit_test(test_same_seed_same_tokens),
        cmocka_unit_test(test_top_k_limits_choices), cmocka_unit_test(test_top_p_and_min_p),
        cmocka_unit_test(test_temperature_sharpens), cmocka_unit_test(test_repeat_penalty),
        cmocka_unit_test(test_bad_params),           cmocka_unit_test(test_top_k_helper_and_lse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
