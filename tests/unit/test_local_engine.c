/* The engine end to end on small models: results independent of threads and
 * batching, sessions sharing a model across threads, generation with stop
 * strings and callbacks, and models with hostile metadata or corrupted bytes
 * refused with a clear error and never a crash. */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "edgeway.h"
#include "local/gguf_write.h"
#include "local/tools.h"
#include "ref_models.h"
#include "scratch_dir.h"

static char stories[1024];
static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    ref_model_path(stories, sizeof stories, "stories260K.gguf");
    scratch_dir_make(tmpdir, sizeof tmpdir, "ew_engine_test");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    scratch_dir_remove(tmpdir);
    return 0;
}

static ew_session *new_session(const ew_model *m, int threads, bool all, ew_kv_type kv)
{
    ew_session_params p;
    ew_session_params_init(&p);
    p.n_ctx = 128;
    p.n_batch = 32;
    p.n_threads = threads;
    p.logits_all = all;
    p.kv_type = kv;
    return ref_session_new(m, &p);
}

static const int32_t prompt[] = {1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 290, 280};
#define N_PROMPT (int)(sizeof prompt / sizeof prompt[0])

/* Logits of every prompt position, bit for bit, whatever the thread count or
 * the batching (one call or token by token), for both KV types. */
static void check_threads_and_batching(const char *path)
{
    ew_model *m = ref_model_open_path(path);
    int nv = ew_model_n_vocab(m);
    for (int kv = 0; kv < 2; kv++) {
        float *want = malloc((size_t)N_PROMPT * nv * sizeof *want);
        assert_non_null(want);
        ew_session *s = new_session(m, 1, true, (ew_kv_type)kv);
        assert_int_equal(ew_session_eval(s, prompt, N_PROMPT, NULL), EW_OK);
        for (int i = 0; i < N_PROMPT; i++)
            memcpy(want + (size_t)i * nv, ew_session_logits(s, i), (size_t)nv * sizeof(float));
        ew_session_free(s);
        for (int threads = 1; threads <= 3; threads++) {
            s = new_session(m, threads, false, (ew_kv_type)kv);
            for (int i = 0; i < N_PROMPT; i++) {
                assert_int_equal(ew_session_eval(s, &prompt[i], 1, NULL), EW_OK);
                assert_memory_equal(ew_session_logits(s, -1), want + (size_t)i * nv,
                                    (size_t)nv * sizeof(float));
            }
            assert_int_equal(ew_session_n_past(s), N_PROMPT);
            ew_session_free(s);
        }
        free(want);
    }
    ew_model_close(m);
}

/* stories260K (F32) and synthesized quantized models, whose kernels tile
 * rows and columns differently for one token and for a batch. */
static void test_threads_and_batching_agree(void **state)
{
    (void)state;
    check_threads_and_batching(stories);
    const char *cases[][2] = {{"llama-tiny", "Q8_0"},
                              {"qwen2-tiny", "Q4_K_M"},
                              {"llama-tiny", "Q5_K_M"},
                              {"qwen2-tiny", "Q4_0"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s-%s.gguf", tmpdir, cases[i][0], cases[i][1]);
        ew_synth_params sp = {cases[i][0], ew__ftype_parse(cases[i][1]), 3, NULL, path};
        ew_error err;
        if (ew__synth(&sp, &err)) fail_msg("synth: %s", err.message);
        check_threads_and_batching(path);
    }
}

static void test_rewind_and_limits(void **state)
{
    (void)state;
    ew_model *m = ref_model_open_path(stories);
    ew_session *s = new_session(m, 2, false, EW_KV_F16);
    int nv = ew_model_n_vocab(m);
    float *first = malloc((size_t)nv * sizeof *first);
    assert_int_equal(ew_session_eval(s, prompt, 6, NULL), EW_OK);
    memcpy(first, ew_session_logits(s, -1), (size_t)nv * sizeof *first);
    assert_int_equal(ew_session_eval(s, prompt + 6, 4, NULL), EW_OK);
    assert_int_equal(ew_session_rewind(s, 5), EW_OK); /* drop 5 positions, redo the 6th */
    assert_int_equal(ew_session_eval(s, prompt + 5, 1, NULL), EW_OK);
    assert_memory_equal(ew_session_logits(s, -1), first, (size_t)nv * sizeof *first);
    assert_int_equal(ew_session_rewind(s, 7), EW_ERR_INVALID); /* beyond n_past */
    int32_t bad = nv;
    ew_error err;
    assert_int_equal(ew_session_eval(s, &bad, 1, &err), EW_ERR_INVALID);
    assert_int_equal(ew_session_eval(s, prompt, 33, &err), EW_ERR_INVALID); /* > n_batch */
    assert_int_equal(ew_session_eval(s, prompt, 0, &err), EW_ERR_INVALID);
    float *lp = malloc((size_t)nv * sizeof *lp);
    assert_int_equal(ew_session_logprobs(s, -1, lp), EW_OK);
    double z = 0;
    for (int i = 0; i < nv; i++)
        z += exp(lp[i]);
    assert_true(fabs(z - 1.0) < 1e-4);
    /* fill the context: 4 x 32 = 128 positions */
    int32_t batch[32];
    for (int i = 0; i < 32; i++)
        batch[i] = prompt[i % N_PROMPT];
    ew_session_rewind(s, 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(ew_session_eval(s, batch, 32, NULL), EW_OK);
    assert_int_equal(ew_session_n_past(s), 128);
    assert_int_equal(ew_session_eval(s, prompt, 1, &err), EW_ERR_TOO_LARGE);
    free(lp);
    free(first);
    ew_session_free(s);
    ew_model_close(m);
}

/* ---- generation ---------------------------------------------------------------- */

typedef struct collected {
    char text[4096];
    size_t len;
    int tokens;
    int stop_after;
} collected;

static int collect(void *user, int32_t token, const char *text, size_t len)
{
    collected *c = user;
    if (c->len + len < sizeof c->text) {
        memcpy(c->text + c->len, text, len);
        c->len += len;
        c->text[c->len] = 0;
    }
    if (token >= 0) c->tokens++;
    return c->stop_after && c->tokens >= c->stop_after;
}

static ew_generate_result gen(ew_session *s, ew_sampler *smp, int max, const char *stop,
                              collected *c, int stop_after)
{
    const ew_tokenizer *tok = ew_model_tokenizer(ew_session_model(s));
    int32_t ids[64];
    size_t n;
    assert_int_equal(
        ew_tokenizer_encode(tok, "Once upon a time", 16, true, true, ids, 64, &n, NULL), EW_OK);
    ew_generate_params p;
    memset(&p, 0, sizeof p);
    p.max_tokens = max;
    p.stop[0] = stop;
    p.on_token = collect;
    memset(c, 0, sizeof *c);
    c->stop_after = stop_after;
    p.user = c;
    ew_generate_result r;
    ew_error err;
    if (ew_generate(s, smp, ids, (int)n, &p, &r, &err)) fail_msg("generate: %s", err.message);
    return r;
}

static void test_generate_story_and_stops(void **state)
{
    (void)state;
    ew_model *m = ref_model_open_path(stories);
    ew_session *s = new_session(m, 2, false, EW_KV_F16);
    ew_sampler_params sp;
    ew_sampler_params_init(&sp);
    sp.temperature = 0;
    ew_sampler *smp;
    assert_int_equal(ew_sampler_new(&sp, ew_model_n_vocab(m), &smp, NULL), EW_OK);
    collected c;
    ew_generate_result r = gen(s, smp, 40, NULL, &c, 0);
    assert_int_equal(r.stop, EW_STOP_LENGTH);
    assert_int_equal(r.n_generated, 40);
    assert_non_null(strstr(c.text, "there was a little girl named Lily"));
    /* the prompt is cached: the second run evaluates only its last token */
    ew_sampler_reset(smp);
    r = gen(s, smp, 40, " named", &c, 0);
    assert_int_equal(r.n_prompt, 1);
    assert_int_equal(r.stop, EW_STOP_STRING);
    assert_string_equal(c.text, ", there was a little girl");
    ew_sampler_reset(smp);
    r = gen(s, smp, 40, NULL, &c, 3);
    assert_int_equal(r.stop, EW_STOP_CALLBACK);
    assert_int_equal(r.n_generated, 3);
    r = gen(s, smp, 0, NULL, &c, 0);
    assert_int_equal(r.n_generated, 0);
    ew_sampler_free(smp);
    ew_session_free(s);
    ew_model_close(m);
}

/* One model, sessions generating on several threads at once. */
typedef struct worker {
    const ew_model *m;
    char text[4096];
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    ew_session *s = new_session(w->m, 1, false, EW_KV_F32);
    ew_sampler_params sp;
    ew_sampler_params_init(&sp);
    sp.temperature = 0.9f;
    sp.seed = 11;
    ew_sampler *smp;
    ew_sampler_new(&sp, ew_model_n_vocab(w->m), &smp, NULL);
    collected c;
    gen(s, smp, 48, NULL, &c, 0);
    memcpy(w->text, c.text, sizeof w->text);
    ew_sampler_free(smp);
    ew_session_free(s);
    return NULL;
}

static void test_sessions_share_a_model_across_threads(void **state)
{
    (void)state;
    ew_model *m = ref_model_open_path(stories);
    worker w[3];
    pthread_t th[3];
    for (int i = 0; i < 3; i++) {
        w[i].m = m;
        assert_int_equal(pthread_create(&th[i], NULL, worker_main, &w[i]), 0);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(th[i], NULL);
    assert_true(strlen(w[0].text) > 40);
    assert_string_equal(w[0].text, w[1].text); /* same seed, same tokens */
    assert_string_equal(w[0].text, w[2].text);
    ew_model_close(m);
}

/* ---- hostile models -------------------------------------------------------------- */

typedef struct spec {
    const char *arch;
    int64_t n_embd, n_head, n_head_kv, n_ff, key_len;
    int64_t claimed_n_ff; /* metadata value when it should differ from the tensors */
    const char *rope_scaling;
    const char *skip_tensor; /* leave this tensor out */
    const char *bad_shape;   /* give this tensor a wrong row length */
    const char *q3k_tensor;  /* store this tensor as Q3_K */
    bool eps_as_string;
    bool qwen_biases;
} spec;

static const int N_VOCAB = 300;

static void spec_default(spec *s)
{
    memset(s, 0, sizeof *s);
    s->arch = "llama";
    s->n_embd = 32;
    s->n_head = 4;
    s->n_head_kv = 2;
    s->n_ff = 64;
}

static void add_tensor(ew__gguf_writer *w, const spec *s, const char *name, uint64_t ne0,
                       uint64_t ne1, int n_dims)
{
    if (s->skip_tensor && !strcmp(name, s->skip_tensor)) return;
    uint64_t ne[2] = {ne0, ne1};
    if (s->bad_shape && !strcmp(name, s->bad_shape)) ne[0] += 32;
    uint32_t type = s->q3k_tensor && !strcmp(name, s->q3k_tensor) ? EW_GGML_Q3_K : EW_GGML_F32;
    if (type == EW_GGML_Q3_K) ne[0] = 256;
    ew__gw_tensor(w, name, type, n_dims, ne);
}

/* Writes a one-layer model; tensor data is a fixed pattern. */
static int write_model(const spec *s, const char *path)
{
    ew__gguf_writer w;
    ew__gw_init(&w);
    char k[96];
#define K(x) (snprintf(k, sizeof k, "%s.%s", s->arch, x), k)
    ew__gw_str(&w, "general.architecture", s->arch);
    ew__gw_u32(&w, K("embedding_length"), (uint32_t)s->n_embd);
    ew__gw_u32(&w, K("block_count"), 1);
    ew__gw_u32(&w, K("feed_forward_length"),
               (uint32_t)(s->claimed_n_ff ? s->claimed_n_ff : s->n_ff));
    ew__gw_u32(&w, K("attention.head_count"), (uint32_t)s->n_head);
    ew__gw_u32(&w, K("attention.head_count_kv"), (uint32_t)s->n_head_kv);
    ew__gw_u32(&w, K("context_length"), 256);
    if (s->key_len) ew__gw_u32(&w, K("attention.key_length"), (uint32_t)s->key_len);
    if (s->eps_as_string)
        ew__gw_str(&w, K("attention.layer_norm_rms_epsilon"), "1e-5");
    else
        ew__gw_f32(&w, K("attention.layer_norm_rms_epsilon"), 1e-5f);
    if (s->rope_scaling) ew__gw_str(&w, K("rope.scaling.type"), s->rope_scaling);
#undef K
    ew__synth_byte_tokenizer(&w, N_VOCAB);
    uint64_t e = (uint64_t)s->n_embd, kv = e / (uint64_t)s->n_head * (uint64_t)s->n_head_kv;
    add_tensor(&w, s, "token_embd.weight", e, N_VOCAB, 2);
    add_tensor(&w, s, "output_norm.weight", e, 1, 1);
    add_tensor(&w, s, "blk.0.attn_norm.weight", e, 1, 1);
    add_tensor(&w, s, "blk.0.attn_q.weight", e, e, 2);
    add_tensor(&w, s, "blk.0.attn_k.weight", e, kv, 2);
    add_tensor(&w, s, "blk.0.attn_v.weight", e, kv, 2);
    if (s->qwen_biases) {
        add_tensor(&w, s, "blk.0.attn_q.bias", e, 1, 1);
        add_tensor(&w, s, "blk.0.attn_k.bias", kv, 1, 1);
        add_tensor(&w, s, "blk.0.attn_v.bias", kv, 1, 1);
    }
    add_tensor(&w, s, "blk.0.attn_output.weight", e, e, 2);
    add_tensor(&w, s, "blk.0.ffn_norm.weight", e, 1, 1);
    add_tensor(&w, s, "blk.0.ffn_gate.weight", e, (uint64_t)s->n_ff, 2);
    add_tensor(&w, s, "blk.0.ffn_up.weight", e, (uint64_t)s->n_ff, 2);
    add_tensor(&w, s, "blk.0.ffn_down.weight", (uint64_t)s->n_ff, e, 2);
    FILE *f = fopen(path, "wb");
    int st = f ? ew__gw_write_header(&w, f) : EW_ERR_IO;
    for (int i = 0; i < w.n_tensors && !st; i++) {
        size_t n = (size_t)w.tensors[i].size;
        float *data = malloc(n);
        for (size_t j = 0; j < n / 4; j++)
            data[j] = (float)((j * 2654435761u) % 1000) / 1000.0f - 0.5f;
        st = ew__gw_write_data(&w, f, data, n);
        free(data);
    }
    if (f) fclose(f);
    ew__gw_cleanup(&w);
    return st;
}

static void expect_refused(const spec *s, int status, const char *needle)
{
    char path[512];
    snprintf(path, sizeof path, "%s/hostile.gguf", tmpdir);
    assert_int_equal(write_model(s, path), EW_OK);
    ew_model *m = NULL;
    ew_error err;
    ew_error_clear(&err);
    int st = ew_model_open(path, NULL, &m, &err);
    if (st != status || !strstr(err.message, needle))
        fail_msg("expected %s with '%s', got %s: %s", ew_status_name(status), needle,
                 ew_status_name(st), err.message);
    assert_null(m);
}

static void test_hostile_metadata_refused(void **state)
{
    (void)state;
    spec s;
    char path[512];
    snprintf(path, sizeof path, "%s/good.gguf", tmpdir);
    spec_default(&s);
    assert_int_equal(write_model(&s, path), EW_OK);
    ew_model *m = ref_model_open_path(path); /* the unbroken spec loads and runs */
    ew_session *sess = new_session(m, 1, false, EW_KV_F16);
    int32_t t[3] = {1, 2, 3};
    assert_int_equal(ew_session_eval(sess, t, 3, NULL), EW_OK);
    ew_session_free(sess);
    ew_model_info info;
    ew_model_get_info(m, &info);
    assert_string_equal(info.arch, "llama");
    assert_int_equal(info.n_head_kv, 2);
    assert_int_equal(strlen(info.tokenizer_fingerprint), 64);
    ew_model_close(m);

    spec_default(&s);
    s.n_head = 5;
    expect_refused(&s, EW_ERR_UNSUPPORTED, "n_head 5 does not divide n_embd 32");
    spec_default(&s);
    s.n_head_kv = 3;
    expect_refused(&s, EW_ERR_UNSUPPORTED, "does not divide n_head");
    spec_default(&s);
    s.arch = "gpt2";
    expect_refused(&s, EW_ERR_UNSUPPORTED, "unsupported architecture 'gpt2'");
    spec_default(&s);
    s.claimed_n_ff = 1 << 30;
    expect_refused(&s, EW_ERR_UNSUPPORTED, "outside the supported range");
    spec_default(&s);
    s.skip_tensor = "blk.0.ffn_up.weight";
    expect_refused(&s, EW_ERR_UNSUPPORTED, "'blk.0.ffn_up.weight' missing");
    spec_default(&s);
    s.bad_shape = "blk.0.attn_q.weight";
    expect_refused(&s, EW_ERR_UNSUPPORTED, "'blk.0.attn_q.weight' has shape");
    spec_default(&s);
    s.q3k_tensor = "blk.0.ffn_gate.weight";
    s.n_embd = 256; /* a row of one Q3_K block */
    s.n_head = 4;
    expect_refused(&s, EW_ERR_UNSUPPORTED, "unsupported type Q3_K");
    spec_default(&s);
    s.rope_scaling = "yarn";
    expect_refused(&s, EW_ERR_UNSUPPORTED, "unsupported RoPE scaling 'yarn'");
    spec_default(&s);
    s.eps_as_string = true;
    expect_refused(&s, EW_ERR_UNSUPPORTED, "is not a number");
    spec_default(&s);
    s.arch = "qwen2";
    expect_refused(&s, EW_ERR_UNSUPPORTED, "lacks its q/k/v biases");
    spec_default(&s);
    s.key_len = 12;
    expect_refused(&s, EW_ERR_UNSUPPORTED, "key_length 12 != value_length 8");
}

/* Random byte flips and truncations of a small model: every open either
 * succeeds or fails cleanly (ASan/UBSan would catch anything else). */
static void test_corrupted_files_never_crash(void **state)
{
    (void)state;
    spec s;
    spec_default(&s);
    char good[512], bad[512];
    snprintf(good, sizeof good, "%s/base.gguf", tmpdir);
    snprintf(bad, sizeof bad, "%s/mutant.gguf", tmpdir);
    assert_int_equal(write_model(&s, good), EW_OK);
    FILE *f = fopen(good, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *orig = malloc((size_t)size), *buf = malloc((size_t)size);
    assert_int_equal(fread(orig, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    uint32_t rng = 2463534242u;
    int refused = 0;
    for (int it = 0; it < 150; it++) {
        memcpy(buf, orig, (size_t)size);
        long len = size;
        rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
        if (it % 5 == 4) {
            len = (long)(rng % (uint32_t)size); /* truncate */
        } else {
            for (int k = 0; k < 1 + it % 4; k++) { /* flip bytes in the header area */
                rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
                long at = (long)(rng % (uint32_t)(size < 12000 ? size : 12000));
                buf[at] ^= (unsigned char)(1u << (rng >> 29));
            }
        }
        f = fopen(bad, "wb");
        fwrite(buf, 1, (size_t)len, f);
        fclose(f);
        ew_model *m = NULL;
        ew_error err;
        if (ew_model_open(bad, NULL, &m, &err)) {
            refused++;
            assert_true(err.message[0] != 0);
        } else {
            ew_session *sess = new_session(m, 1, false, EW_KV_F16);
            int32_t t[2] = {1, 2};
            ew_session_eval(sess, t, 2, NULL);
            ew_session_free(sess);
            ew_model_close(m);
        }
    }
    assert_true(refused > 20);
    free(orig);
    free(buf);
}

static void test_integrity_hook(void **state)
{
    (void)state;
    ew_model *m = NULL;
    ew_error err;
    assert_int_equal(
        ew_model_open(stories, "0000000000000000000000000000000000000000000000000000000000000000",
                      &m, &err),
        EW_ERR_INTEGRITY);
    assert_null(m);
    assert_int_equal(
        ew_model_open(stories, "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d",
                      &m, &err),
        EW_OK);
    ew_model_close(m);
    ew_model_close(NULL);
    ew_session_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_and_batching_agree),
        cmocka_unit_test(test_rewind_and_limits),
        cmocka_unit_test(test_generate_story_and_stops),
        cmocka_unit_test(test_sessions_share_a_model_across_threads),
        cmocka_unit_test(test_hostile_metadata_refused),
        cmocka_unit_test(test_corrupted_files_never_crash),
        cmocka_unit_test(test_integrity_hook),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
