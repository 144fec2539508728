/* Model tools: the type mixture follows llama.cpp's rules, synthetic models
 * read back with the right shapes, metadata, weights and tokenizer, synth is
 * deterministic, quantizing a synth F16 gives the bytes of synthesizing the
 * type directly, vocab files are fitted to the shape, and failures leave no
 * files behind. */
#include <dirent.h>
#include <math.h>
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
#include "local/gguf.h"
#include "local/gguf_write.h"
#include "local/model_write.h"
#include "local/quant.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ew-model-tools-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

/* Removes the directory; every test leaves only files it named. */
static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    if (d) closedir(d);
    return rmdir(dir);
}

static const char *path(const char *name)
{
    static char buf[8][256];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, 256, "%s/%s", dir, name);
    return b;
}

static int n_files(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void synth(const char *shape, ew_ftype t, uint64_t seed, int threads, const char *vocab,
                  const char *out)
{
    ew_synth_params p;
    ew_synth_params_init(&p);
    p.shape = shape;
    p.ftype = t;
    p.seed = seed;
    p.n_threads = threads;
    p.vocab_path = vocab;
    ew_error err;
    ew_error_clear(&err);
    if (ew_model_synth(out, &p, &err)) fail_msg("synth %s: %s", shape, err.message);
}

static void quantize(const char *in, const char *out, ew_ftype t, ew_quantize_stats *s)
{
    ew_quantize_params p;
    ew_quantize_params_init(&p);
    p.ftype = t;
    p.n_threads = 2;
    ew_error err;
    ew_error_clear(&err);
    if (ew_model_quantize(in, out, &p, s, &err)) fail_msg("quantize %s: %s", in, err.message);
}

static uint8_t *slurp(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(*n ? *n : 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static bool same_file(const char *a, const char *b)
{
    size_t na, nb;
    uint8_t *x = slurp(a, &na), *y = slurp(b, &nb);
    bool same = na == nb && !memcmp(x, y, na);
    free(x);
    free(y);
    return same;
}

static ew_gguf *open_gguf(const char *p)
{
    ew_gguf *g = NULL;
    ew_error err;
    if (ew_gguf_open(p, NULL, &g, &err)) fail_msg("%s: %s", p, err.message);
    return g;
}

static uint32_t tensor_type(const ew_gguf *g, const char *name)
{
    const ew_gguf_tensor *t = ew_gguf_find_tensor(g, name);
    if (!t) fail_msg("no tensor %s", name);
    return t->type;
}

static uint32_t u32_of(const ew_gguf *g, const char *key)
{
    uint32_t v = 0;
    if (ew_gguf_get_u32(g, key, &v)) fail_msg("no %s", key);
    return v;
}

/* ---- file types and the mixture ------------------------------------------------------- */

static void test_ftype_names(void **state)
{
    (void)state;
    ew_ftype t;
    assert_int_equal(ew_ftype_parse("q4_k_m", &t), EW_OK);
    assert_int_equal(t, EW_FTYPE_Q4_K_M);
    assert_int_equal(ew_ftype_parse("Q8_0", &t), EW_OK);
    assert_int_equal(t, 7);
    assert_int_equal(ew_ftype_parse("Q4_K_S", &t), EW_ERR_UNSUPPORTED);
    assert_int_equal(ew_ftype_parse("", &t), EW_ERR_UNSUPPORTED);
    assert_string_equal(ew_ftype_name(EW_FTYPE_Q5_K_M), "Q5_K_M");
    assert_null(ew_ftype_name((ew_ftype)99));
}

static uint32_t mix(ew__mix *m, const char *name, uint64_t ne0, uint64_t ne1, bool *fb)
{
    uint64_t ne[2] = {ne0, ne1};
    return ew__mix_type(m, name, ne1 ? 2 : 1, ne, EW_GGML_F16, fb);
}

/* SmolLM2-135M's rows (576, 1536) under Q4_K_M: the types llama-quantize picks. */
static void test_mixture_q4_k_m(void **state)
{
    (void)state;
    ew__mix m;
    bool fb;
    ew__mix_init(&m, EW_FTYPE_Q4_K_M, 30, 30, false);
    /* Tied embedding: Q6_K is wanted, 576 is no multiple of 256: Q8_0. */
    assert_int_equal(mix(&m, "token_embd.weight", 576, 49152, &fb), EW_GGML_Q8_0);
    assert_int_equal(mix(&m, "blk.0.attn_norm.weight", 576, 0, &fb), EW_GGML_F32);
    assert_int_equal(mix(&m, "blk.0.attn_q.weight", 576, 576, &fb), EW_GGML_Q5_0);
    assert_true(fb);
    for (int l = 0; l < 30; l++) {
        bool more = l < 3 || l >= 26 || (l - 3) % 3 == 2;
        /* attn_v: Q6_K -> Q8_0 or Q4_K -> Q5_0 by the fallback. */
        assert_int_equal(mix(&m, "blk.N.attn_v.weight", 576, 192, &fb),
                         more ? EW_GGML_Q8_0 : EW_GGML_Q5_0);
        /* ffn_down rows are 1536 = 6 x 256: no fallback. */
        assert_int_equal(mix(&m, "blk.N.ffn_down.weight", 1536, 576, &fb),
                         more ? EW_GGML_Q6_K : EW_GGML_Q4_K);
        assert_false(fb);
    }
    /* Untied with rows of 256: output Q6_K, token_embd keeps the base type. */
    ew__mix_init(&m, EW_FTYPE_Q4_K_M, 3, 3, true);
    assert_int_equal(mix(&m, "token_embd.weight", 256, 1000, &fb), EW_GGML_Q4_K);
    assert_int_equal(mix(&m, "output.weight", 256, 1000, &fb), EW_GGML_Q6_K);
    assert_int_equal(mix(&m, "blk.0.attn_v.weight", 256, 256, &fb), EW_GGML_Q4_K);
    assert_int_equal(mix(&m, "blk.1.attn_v.weight", 256, 256, &fb), EW_GGML_Q4_K);
    assert_int_equal(mix(&m, "blk.2.attn_v.weight", 256, 256, &fb), EW_GGML_Q6_K);
    assert_int_equal(mix(&m, "blk.0.ffn_gate.weight", 256, 512, &fb), EW_GGML_Q4_K);
}

static void test_mixture_other_types(void **state)
{
    (void)state;
    ew__mix m;
    bool fb;
    ew__mix_init(&m, EW_FTYPE_Q8_0, 24, 24, false);
    assert_int_equal(mix(&m, "token_embd.weight", 896, 151936, &fb), EW_GGML_Q8_0);
    assert_int_equal(mix(&m, "blk.0.attn_v.weight", 896, 128, &fb), EW_GGML_Q8_0);
    assert_int_equal(mix(&m, "blk.0.attn_q.bias", 896, 0, &fb), EW_GGML_F32);

    ew__mix_init(&m, EW_FTYPE_Q4_0, 24, 24, false);
    assert_int_equal(mix(&m, "token_embd.weight", 896, 151936, &fb), EW_GGML_Q8_0);
    assert_int_equal(mix(&m, "blk.0.attn_v.weight", 896, 128, &fb), EW_GGML_Q4_0);
    assert_int_equal(mix(&m, "blk.0.ffn_down.weight", 4864, 896, &fb), EW_GGML_Q4_0);
    /* Not even a multiple of 32: F16. */
    assert_int_equal(mix(&m, "blk.0.ffn_up.weight", 40, 8, &fb), EW_GGML_F16);
    assert_true(fb);

    ew__mix_init(&m, EW_FTYPE_Q5_K_M, 8, 8, true);
    assert_int_equal(mix(&m, "output.weight", 768, 10, &fb), EW_GGML_Q6_K);
    assert_int_equal(mix(&m, "blk.0.attn_k.weight", 768, 768, &fb), EW_GGML_Q5_K);
    assert_int_equal(mix(&m, "blk.0.attn_q.weight", 800, 768, &fb), EW_GGML_Q5_1);
    assert_int_equal(mix(&m, "blk.0.ffn_down.weight", 768, 768, &fb), EW_GGML_Q6_K);

    ew__mix_init(&m, EW_FTYPE_Q6_K, 8, 8, true);
    assert_int_equal(mix(&m, "blk.0.attn_q.weight", 576, 576, &fb), EW_GGML_Q8_0);
    assert_int_equal(mix(&m, "blk.0.attn_q.weight", 512, 576, &fb), EW_GGML_Q6_K);

    ew__mix_init(&m, EW_FTYPE_F16, 8, 8, true);
    assert_int_equal(mix(&m, "output.weight", 576, 10, &fb), EW_GGML_F16);
    assert_int_equal(mix(&m, "output_norm.weight", 576, 0, &fb), EW_GGML_F32);
    /* A 2-D tensor that is no weight keeps its type. */
    uint64_t ne[2] = {4, 4};
    assert_int_equal(ew__mix_type(&m, "rope_freqs", 2, ne, EW_GGML_Q8_0, &fb), EW_GGML_Q8_0);
}

/* ---- synth ---------------------------------------------------------------------------- */

static void check_shape(const char *file, const char *arch, uint32_t dim, uint32_t layers,
                        uint32_t heads, uint32_t kv, uint32_t ff, int vocab, bool tied, bool bias)
{
    ew_gguf *g = open_gguf(file);
    char key[96];
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_get_str(g, "general.architecture", &s, &len), EW_OK);
    assert_int_equal(len, strlen(arch));
    assert_memory_equal(s, arch, len);
#define KEY(suffix) (snprintf(key, sizeof key, "%s." suffix, arch), key)
    assert_int_equal(u32_of(g, KEY("embedding_length")), dim);
    assert_int_equal(u32_of(g, KEY("block_count")), layers);
    assert_int_equal(u32_of(g, KEY("attention.head_count")), heads);
    assert_int_equal(u32_of(g, KEY("attention.head_count_kv")), kv);
    assert_int_equal(u32_of(g, KEY("feed_forward_length")), ff);
    assert_int_equal(u32_of(g, KEY("rope.dimension_count")), dim / heads);
#undef KEY
    int n_expected = 2 + (int)layers * (bias ? 12 : 9) + !tied;
    assert_int_equal(ew_gguf_n_tensors(g), n_expected);
    const ew_gguf_tensor *t = ew_gguf_find_tensor(g, "token_embd.weight");
    assert_int_equal(t->ne[0], dim);
    assert_int_equal(t->ne[1], vocab);
    t = ew_gguf_find_tensor(g, "blk.1.attn_k.weight");
    assert_int_equal(t->ne[0], dim);
    assert_int_equal(t->ne[1], kv * (dim / heads));
    t = ew_gguf_find_tensor(g, "blk.1.ffn_down.weight");
    assert_int_equal(t->ne[0], ff);
    assert_int_equal(t->ne[1], dim);
    assert_int_equal(ew_gguf_find_tensor(g, "output.weight") == NULL, tied);
    assert_int_equal(ew_gguf_find_tensor(g, "blk.0.attn_v.bias") != NULL, bias);
    ew_gguf_close(g);

    ew_tokenizer *tok = NULL;
    ew_error err;
    if (ew_tokenizer_open(file, &tok, &err)) fail_msg("tokenizer: %s", err.message);
    assert_int_equal(ew_tokenizer_n_vocab(tok), vocab);
    bool detected;
    assert_int_equal(ew_tokenizer_chat_format(tok, &detected), EW_CHAT_CHATML);
    assert_true(detected);
    ew_tokenizer_free(tok);
}

static void test_synth_shapes(void **state)
{
    (void)state;
    synth("tiny-llama", EW_FTYPE_F16, 1, 1, NULL, path("a.gguf"));
    check_shape(path("a.gguf"), "llama", 64, 2, 4, 2, 160, 384, true, false);
    synth("tiny-qwen2", EW_FTYPE_Q8_0, 1, 1, NULL, path("b.gguf"));
    check_shape(path("b.gguf"), "qwen2", 64, 2, 4, 1, 128, 400, true, true);
    synth("tiny-k", EW_FTYPE_Q4_K_M, 1, 2, NULL, path("c.gguf"));
    check_shape(path("c.gguf"), "llama", 256, 3, 4, 4, 512, 1000, false, false);

    ew_gguf *g = open_gguf(path("c.gguf"));
    assert_int_equal(u32_of(g, "general.file_type"), EW_FTYPE_Q4_K_M);
    assert_int_equal(u32_of(g, "general.quantization_version"), 2);
    assert_int_equal(tensor_type(g, "output.weight"), EW_GGML_Q6_K);
    assert_int_equal(tensor_type(g, "token_embd.weight"), EW_GGML_Q4_K);
    assert_int_equal(tensor_type(g, "blk.2.ffn_down.weight"), EW_GGML_Q6_K);
    assert_int_equal(tensor_type(g, "blk.1.ffn_down.weight"), EW_GGML_Q4_K);
    assert_int_equal(tensor_type(g, "blk.0.ffn_norm.weight"), EW_GGML_F32);
    float f;
    assert_int_equal(ew_gguf_get_f32(g, "llama.rope.freq_base", &f), EW_OK);
    assert_true(f == 10000.0f);
    ew_gguf_close(g);
    g = open_gguf(path("b.gguf"));
    assert_int_equal(ew_gguf_get_f32(g, "qwen2.attention.layer_norm_rms_epsilon", &f), EW_OK);
    assert_true(f == 1e-6f);
    assert_int_equal(tensor_type(g, "blk.0.attn_q.bias"), EW_GGML_F32);
    ew_gguf_close(g);
}

/* Mean and standard deviation of a float tensor. */
static void moments(const ew_gguf_tensor *t, double *mean, double *sd)
{
    const ew__qtype *q = ew__qtype_of(t->type);
    int64_t ne0 = (int64_t)t->ne[0], rows = (int64_t)t->ne[1];
    float *row = malloc((size_t)ne0 * sizeof *row);
    double s = 0, s2 = 0;
    for (int64_t r = 0; r < rows; r++) {
        q->dequant((const uint8_t *)t->data + (size_t)r * ew__row_bytes(t->type, ne0), row, ne0);
        for (int64_t i = 0; i < ne0; i++) {
            s += row[i];
            s2 += (double)row[i] * row[i];
        }
    }
    double n = (double)(ne0 * rows);
    *mean = s / n;
    *sd = sqrt(s2 / n - *mean * *mean);
    free(row);
}

static void test_synth_weights(void **state)
{
    (void)state;
    synth("tiny-k", EW_FTYPE_F32, 7, 1, NULL, path("w.gguf"));
    ew_gguf *g = open_gguf(path("w.gguf"));
    struct {
        const char *name;
        double mean, sd;
    } want[] = {
        {"token_embd.weight", 0, 3.0 / 16},
        {"output.weight", 0, 3.0 / 16},
        {"blk.0.attn_q.weight", 0, 1.5 / 16},
        {"blk.0.attn_v.weight", 0, 1.0 / 16},
        {"blk.2.ffn_down.weight", 0, 1.0 / sqrt(512)},
        {"blk.1.attn_norm.weight", 1, 0.1},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const ew_gguf_tensor *t = ew_gguf_find_tensor(g, want[i].name);
        assert_int_equal(t->type, EW_GGML_F32);
        double m, sd;
        moments(t, &m, &sd);
        /* 256..256000 samples: a few percent of sampling error. */
        if (fabs(m - want[i].mean) > 0.03 * (want[i].mean + 1) || fabs(sd / want[i].sd - 1) > 0.12)
            fail_msg("%s: mean %g sd %g, want %g and %g", want[i].name, m, sd, want[i].mean,
                     want[i].sd);
    }
    ew_gguf_close(g);
}

static void test_synth_deterministic(void **state)
{
    (void)state;
    synth("tiny-qwen2", EW_FTYPE_Q4_K_M, 42, 1, NULL, path("s1.gguf"));
    synth("tiny-qwen2", EW_FTYPE_Q4_K_M, 42, 3, NULL, path("s2.gguf"));
    synth("tiny-qwen2", EW_FTYPE_Q4_K_M, 43, 1, NULL, path("s3.gguf"));
    assert_true(same_file(path("s1.gguf"), path("s2.gguf")));
    assert_false(same_file(path("s1.gguf"), path("s3.gguf")));
    /* Different seeds share the tokenizer. */
    ew_tokenizer *a, *b;
    ew_error err;
    assert_int_equal(ew_tokenizer_open(path("s1.gguf"), &a, &err), EW_OK);
    assert_int_equal(ew_tokenizer_open(path("s3.gguf"), &b, &err), EW_OK);
    assert_string_equal(ew_tokenizer_fingerprint(a), ew_tokenizer_fingerprint(b));
    ew_tokenizer_free(a);
    ew_tokenizer_free(b);
}

/* ---- quantize --------------------------------------------------------------------------- */

/* The promise of synth's docs: quantize(synth F16) == synth(type), byte for byte. */
static void test_quantize_matches_synth(void **state)
{
    (void)state;
    const ew_ftype types[] = {EW_FTYPE_Q8_0,   EW_FTYPE_Q4_0, EW_FTYPE_Q4_K_M,
                              EW_FTYPE_Q5_K_M, EW_FTYPE_Q6_K, EW_FTYPE_BF16};
    const char *shapes[] = {"tiny-k", "tiny-qwen2"};
    for (int s = 0; s < 2; s++) {
        synth(shapes[s], EW_FTYPE_F16, 5, 2, NULL, path("f16.gguf"));
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
            synth(shapes[s], types[i], 5, 1, NULL, path("direct.gguf"));
            ew_quantize_stats st;
            quantize(path("f16.gguf"), path("quant.gguf"), types[i], &st);
            if (!same_file(path("direct.gguf"), path("quant.gguf")))
                fail_msg("%s %s: quantized F16 differs from direct synth", shapes[s],
                         ew_ftype_name(types[i]));
            assert_int_equal(st.n_requantized, 0);
            size_t n;
            free(slurp(path("quant.gguf"), &n));
            assert_int_equal(st.bytes_out, n);
        }
    }
    assert_int_equal(n_files(), 3); /* no temporaries left */
}

static double rms_diff(const ew_gguf_tensor *a, const ew_gguf_tensor *b)
{
    int64_t ne0 = (int64_t)a->ne[0], rows = (int64_t)a->ne[1];
    float *x = malloc((size_t)ne0 * 4), *y = malloc((size_t)ne0 * 4);
    double d = 0;
    for (int64_t r = 0; r < rows; r++) {
        ew__qtype_of(a->type)->dequant((const uint8_t *)a->data + r * ew__row_bytes(a->type, ne0),
                                       x, ne0);
        ew__qtype_of(b->type)->dequant((const uint8_t *)b->data + r * ew__row_bytes(b->type, ne0),
                                       y, ne0);
        for (int64_t i = 0; i < ne0; i++)
            d += (double)(x[i] - y[i]) * (x[i] - y[i]);
    }
    free(x);
    free(y);
    return sqrt(d / (double)(ne0 * rows));
}

static void test_requantize(void **state)
{
    (void)state;
    synth("tiny-k", EW_FTYPE_Q8_0, 9, 1, NULL, path("q8.gguf"));
    synth("tiny-k", EW_FTYPE_F32, 9, 1, NULL, path("f32.gguf"));
    ew_quantize_stats st;
    quantize(path("q8.gguf"), path("q4.gguf"), EW_FTYPE_Q4_K_M, &st);
    assert_int_equal(st.n_tensors, 2 + 3 * 9 + 1);
    assert_int_equal(st.n_requantized, 3 * 7 + 2); /* every 2-D weight */
    assert_int_equal(st.n_fallback, 0);
    /* Same type: the data is copied untouched. */
    quantize(path("q8.gguf"), path("q8b.gguf"), EW_FTYPE_Q8_0, &st);
    assert_int_equal(st.n_requantized, 0);
    assert_true(same_file(path("q8.gguf"), path("q8b.gguf")));

    /* Requantized weights stay close to the originals: Q4_K's error, not more. */
    ew_gguf *q4 = open_gguf(path("q4.gguf")), *f = open_gguf(path("f32.gguf"));
    const char *name = "blk.0.ffn_up.weight";
    assert_int_equal(tensor_type(q4, name), EW_GGML_Q4_K);
    double e = rms_diff(ew_gguf_find_tensor(q4, name), ew_gguf_find_tensor(f, name));
    double sd = 1.0 / 16;
    if (e > 0.15 * sd) fail_msg("requantized rms error %g for weights of sd %g", e, sd);
    ew_gguf_close(q4);
    ew_gguf_close(f);
}

/* ---- vocab files ---------------------------------------------------------------------------- */

static const char *shared_file(const char *rel)
{
    static char buf[512];
    const char *s = getenv("EW_SHARED");
    if (!s) return NULL;
    snprintf(buf, sizeof buf, "%s/%s", s, rel);
    return access(buf, R_OK) ? NULL : buf;
}

static void encode(const ew_tokenizer *t, const char *text, ew_token *ids, size_t cap, size_t *n)
{
    ew_error err;
    if (ew_tokenizer_encode(t, text, strlen(text), false, false, ids, cap, n, &err))
        fail_msg("encode: %s", err.message);
}

/* GPT-2's 50257 tokens cut to 1000: <|endoftext|> moves to id 999, merges
 * that lost a token go, and text still round-trips. */
static void test_vocab_cut(void **state)
{
    (void)state;
    const char *v = shared_file("models/vocab/ggml-vocab-gpt-2.gguf");
    if (!v) skip();
    synth("tiny-k", EW_FTYPE_Q8_0, 1, 1, v, path("v.gguf"));
    ew_gguf *g = open_gguf(path("v.gguf"));
    assert_int_equal(u32_of(g, "tokenizer.ggml.eos_token_id"), 999);
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", 999, &s, &len), EW_OK);
    assert_int_equal(len, 13);
    assert_memory_equal(s, "<|endoftext|>", 13);
    uint64_t n_merges;
    ew_gguf_type et;
    assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.merges", &et, &n_merges, NULL), EW_OK);
    assert_true(n_merges > 100 && n_merges < 1000);
    ew_gguf_close(g);

    ew_tokenizer *t;
    ew_error err;
    if (ew_tokenizer_open(path("v.gguf"), &t, &err)) fail_msg("%s", err.message);
    assert_int_equal(ew_tokenizer_n_vocab(t), 1000);
    const char *text = "Hello world, this is a test of the cut vocabulary!";
    ew_token ids[128];
    size_t n;
    encode(t, text, ids, 128, &n);
    assert_true(n > 5);
    for (size_t i = 0; i < n; i++)
        assert_true(ids[i] >= 0 && ids[i] < 999);
    char out[256];
    assert_int_equal(ew_tokenizer_detokenize(t, ids, n, false, false, out, sizeof out, &len),
                     EW_OK);
    assert_int_equal(len, strlen(text));
    assert_memory_equal(out, text, len);
    assert_true(ew_tokenizer_is_eog(t, 999));
    ew_tokenizer_free(t);
}

/* stories260K's 512 tokens padded to 1000: the padding is UNUSED, and text
 * tokenizes exactly as with the original vocab. */
static void test_vocab_pad(void **state)
{
    (void)state;
    const char *v = shared_file("models/stories260K.gguf");
    if (!v) skip();
    synth("tiny-k", EW_FTYPE_F16, 1, 1, v, path("p.gguf"));
    ew_gguf *g = open_gguf(path("p.gguf"));
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", 600, &s, &len), EW_OK);
    assert_int_equal(len, 8);
    assert_memory_equal(s, "[PAD600]", 8);
    const void *data;
    uint64_t n;
    ew_gguf_type et;
    assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.token_type", &et, &n, &data), EW_OK);
    assert_int_equal(n, 1000);
    int32_t type;
    memcpy(&type, (const uint8_t *)data + 4 * 600, 4);
    assert_int_equal(type, 5);
    float score;
    assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.scores", &et, &n, &data), EW_OK);
    memcpy(&score, (const uint8_t *)data + 4 * 700, 4);
    assert_true(score == -1000.0f);
    ew_gguf_close(g);

    ew_tokenizer *a, *b;
    ew_error err;
    assert_int_equal(ew_tokenizer_open(path("p.gguf"), &a, &err), EW_OK);
    assert_int_equal(ew_tokenizer_open(v, &b, &err), EW_OK);
    const char *text = "Once upon a time, there was a little dog named Spot.";
    ew_token x[128], y[128];
    size_t nx, ny;
    encode(a, text, x, 128, &nx);
    encode(b, text, y, 128, &ny);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, nx * sizeof *x);
    ew_tokenizer_free(a);
    ew_tokenizer_free(b);
}

/* ---- failures ------------------------------------------------------------------------------- */

static void expect_synth_error(const char *shape, const char *vocab, const char *out, int status,
                               const char *needle)
{
    ew_synth_params p;
    ew_synth_params_init(&p);
    p.shape = shape;
    p.vocab_path = vocab;
    ew_error err;
    ew_error_clear(&err);
    assert_int_equal(ew_model_synth(out, &p, &err), status);
    char msg[1024];
    ew_error_format(&err, msg, sizeof msg);
    if (!strstr(msg, needle)) fail_msg("'%s' lacks '%s'", msg, needle);
}

/* A GGUF with one tensor of a type we cannot read (Q2_K), and no vocab. */
static void write_q2k_file(const char *p)
{
    ew_gguf_writer *w = ew_gguf_writer_new();
    uint64_t ne[2] = {256, 2};
    ew_gguf_writer_set_cstr(w, "general.architecture", "llama");
    assert_int_equal(ew_gguf_writer_add_tensor(w, "blk.0.ffn_up.weight", EW_GGML_Q2_K, 2, ne),
                     EW_OK);
    FILE *f = fopen(p, "wb");
    ew_error err;
    assert_int_equal(ew_gguf_writer_begin(w, f, &err), EW_OK);
    uint8_t zero[84 * 2] = {0};
    assert_int_equal(ew_gguf_writer_write(w, zero, sizeof zero, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_finish(w, &err), EW_OK);
    fclose(f);
    ew_gguf_writer_free(w);
}

static void test_failures(void **state)
{
    (void)state;
    int before = n_files();
    expect_synth_error("gpt-5", NULL, path("x.gguf"), EW_ERR_NOT_FOUND, "unknown shape");
    expect_synth_error("tiny-llama", path("missing.gguf"), path("x.gguf"), EW_ERR_IO,
                       "missing.gguf");
    expect_synth_error("tiny-llama", NULL, "/nonexistent-dir/x.gguf", EW_ERR_IO,
                       "/nonexistent-dir/x.gguf");
    write_q2k_file(path("q2k.gguf"));
    expect_synth_error("tiny-llama", path("q2k.gguf"), path("x.gguf"), EW_ERR_INVALID,
                       "tokenizer.ggml.tokens");

    ew_quantize_params p;
    ew_quantize_params_init(&p);
    ew_error err;
    ew_error_clear(&err);
    assert_int_equal(ew_model_quantize(path("q2k.gguf"), path("x.gguf"), &p, NULL, &err),
                     EW_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.message, "cannot read type Q2_K"));
    assert_int_equal(ew_model_quantize(path("none.gguf"), path("x.gguf"), &p, NULL, &err),
                     EW_ERR_IO);
    p.ftype = (ew_ftype)3; /* Q4_1: a real llama.cpp file type we do not write */
    assert_int_equal(ew_model_quantize(path("q2k.gguf"), path("x.gguf"), &p, NULL, &err),
                     EW_ERR_UNSUPPORTED);
    /* Nothing but the hand-made input was left behind. */
    assert_int_equal(n_files(), before + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_ftype_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mixture_q4_k_m, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mixture_other_types, setup, teardown),
        cmocka_unit_test_setup_teardown(test_synth_shapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_synth_weights, setup, teardown),
        cmocka_unit_test_setup_teardown(test_synth_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quantize_matches_synth, setup, teardown),
        cmocka_unit_test_setup_teardown(test_requantize, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vocab_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vocab_pad, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
