/* Early exit (n_layer_exit), the last-n logits (n_logits) and batch
 * invariance, the engine properties speculative decoding stands on: a
 * session that runs every layer equals
 * the full model bit for bit, a shallower one gives different but valid
 * logits, and logits of a position do not depend on how the tokens were
 * batched (the target verifies a whole draft in one eval, while the
 * target-only reference decodes one token at a time). */
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
#include "ref_models.h"

static const char *const models[] = {EW_TEST_REF_MODELS};

static ew_session *new_session(const ew_model *m, int n_layer_exit, bool logits_all)
{
    return ref_session(m, 64, 16, n_layer_exit, logits_all);
}

static const int32_t prompt[] = {1, 9, 33, 72, 14, 101, 5, 240};
enum { N_PROMPT = sizeof prompt / sizeof prompt[0] };

static void test_all_layers_equals_full_model(void **state)
{
    (void)state;
    ew_model *m = ref_model_open("stories260K.gguf");
    ew_model_info info;
    ew_model_get_info(m, &info);
    int nv = info.n_vocab;
    ew_session *full = new_session(m, 0, false), *same = new_session(m, info.n_layer, false);
    assert_int_equal(ew_session_eval(full, prompt, N_PROMPT, NULL), EW_OK);
    assert_int_equal(ew_session_eval(same, prompt, N_PROMPT, NULL), EW_OK);
    assert_memory_equal(ew_session_logits(full, -1), ew_session_logits(same, -1),
                        (size_t)nv * sizeof(float));
    ew_session_free(full);
    ew_session_free(same);
    ew_model_close(m);
}

static void test_shallow_exit_differs_but_is_valid(void **state)
{
    (void)state;
    ew_model *m = ref_model_open("stories260K.gguf");
    ew_model_info info;
    ew_model_get_info(m, &info);
    int nv = info.n_vocab;
    ew_session *full = new_session(m, 0, false);
    assert_int_equal(ew_session_eval(full, prompt, N_PROMPT, NULL), EW_OK);
    const float *lf = ew_session_logits(full, -1);
    for (int L = 1; L < info.n_layer; L++) {
        ew_session *s = new_session(m, L, false);
        assert_int_equal(ew_session_eval(s, prompt, N_PROMPT, NULL), EW_OK);
        const float *l = ew_session_logits(s, -1);
        assert_true(ew_session_memory(s, NULL) <
                    ew_session_memory(full, NULL)); /* fewer KV layers */
        int differ = 0;
        for (int i = 0; i < nv; i++) {
            assert_true(isfinite(l[i]));
            differ += l[i] != lf[i];
        }
        assert_true(differ > nv / 2);
        float *lp = malloc((size_t)nv * sizeof *lp);
        assert_int_equal(ew_session_logprobs(s, -1, lp), EW_OK);
        double sum = 0;
        for (int i = 0; i < nv; i++)
            sum += exp(lp[i]);
        assert_true(fabs(sum - 1.0) < 1e-4);
        free(lp);
        ew_session_free(s);
    }
    ew_session_free(full);
    ew_model_close(m);
}

static void test_exit_bounds(void **state)
{
    (void)state;
    ew_model *m = ref_model_open("stories260K.gguf");
    ew_model_info info;
    ew_model_get_info(m, &info);
    ew_session_params p;
    ew_session_params_init(&p);
    p.n_ctx = 32;
    ew_session *s = NULL;
    ew_error err;
    p.n_layer_exit = info.n_layer + 1;
    assert_int_equal(ew_session_new(m, &p, &s, &err), EW_ERR_INVALID);
    assert_null(s);
    assert_non_null(strstr(err.message, "n_layer_exit"));
    p.n_layer_exit = -1;
    assert_int_equal(ew_session_new(m, &p, &s, &err), EW_ERR_INVALID);
    ew_model_close(m);
}

/* Whatever the batching, position i's logits are the same bits: the whole
 * sequence in one eval with logits_all, token by token, and in uneven
 * pieces after a rewind (how a verify round reuses a cache). */
static void check_batch_invariance(const char *file, int n_layer_exit)
{
    ew_model *m = ref_model_open(file);
    int nv = ew_model_n_vocab(m);
    ew_session *batch = new_session(m, n_layer_exit, true);
    ew_session *step = new_session(m, n_layer_exit, false);
    assert_int_equal(ew_session_eval(batch, prompt, N_PROMPT, NULL), EW_OK);
    for (int i = 0; i < N_PROMPT; i++) {
        assert_int_equal(ew_session_eval(step, prompt + i, 1, NULL), EW_OK);
        if (memcmp(ew_session_logits(batch, i), ew_session_logits(step, -1),
                   (size_t)nv * sizeof(float)))
            fail_msg("%s (exit %d): position %d differs between batched and stepwise eval", file,
                     n_layer_exit, i);
    }
    /* rewind to 3, then 2 + 3 tokens: the tail must match again */
    assert_int_equal(ew_session_rewind(batch, 3), EW_OK);
    assert_int_equal(ew_session_eval(batch, prompt + 3, 2, NULL), EW_OK);
    assert_int_equal(ew_session_eval(batch, prompt + 5, 3, NULL), EW_OK);
    assert_int_equal(ew_session_n_past(batch), N_PROMPT);
    assert_memory_equal(ew_session_logits(batch, -1), ew_session_logits(step, -1),
                        (size_t)nv * sizeof(float));
    ew_session_free(batch);
    ew_session_free(step);
    ew_model_close(m);
}

/* n_logits keeps exactly the last rows, the same as logits_all's. */
static void test_last_n_logits(void **state)
{
    (void)state;
    ew_model *m = ref_model_open("stories260K.gguf");
    int nv = ew_model_n_vocab(m);
    ew_session *all = new_session(m, 0, true);
    ew_session_params p;
    ew_session_params_init(&p);
    p.n_ctx = 64;
    p.n_batch = 16;
    p.n_logits = 3;
    ew_session *last3 = NULL;
    assert_int_equal(ew_session_new(m, &p, &last3, NULL), EW_OK);
    assert_int_equal(ew_session_eval(all, prompt, N_PROMPT, NULL), EW_OK);
    assert_int_equal(ew_session_eval(last3, prompt, N_PROMPT, NULL), EW_OK);
    for (int i = 0; i < N_PROMPT; i++) {
        const float *l = ew_session_logits(last3, i);
        if (i < N_PROMPT - 3) {
            assert_null(l);
            continue;
        }
        assert_non_null(l);
        assert_memory_equal(l, ew_session_logits(all, i), (size_t)nv * sizeof(float));
    }
    assert_ptr_equal(ew_session_logits(last3, -1), ew_session_logits(last3, N_PROMPT - 1));
    /* an eval shorter than n_logits keeps all of its rows */
    assert_int_equal(ew_session_eval(last3, prompt, 2, NULL), EW_OK);
    assert_non_null(ew_session_logits(last3, 0));
    assert_non_null(ew_session_logits(last3, 1));
    assert_null(ew_session_logits(last3, 2));
    ew_session_free(all);
    ew_session_free(last3);
    ew_model_close(m);
}

static void test_batch_invariance(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        check_batch_invariance(models[i], 0);
        check_batch_invariance(models[i], 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_layers_equals_full_model),
        cmocka_unit_test(test_shallow_exit_differs_but_is_valid),
        cmocka_unit_test(test_exit_bounds),
        cmocka_unit_test(test_last_n_logits),
        cmocka_unit_test(test_batch_invariance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
