/* Model tools: the type recipe follows llama-quantize's rules, synthetic
 * models read back with shapes that agree with their metadata and a working
 * tokenizer, synth is deterministic, quantize converts and requantizes, vocab
 * files are cut or padded to a shape's size, and failures are clean. */
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

#include "scratch_dir.h"

#include "edgeway.h"
#include "local/gguf.h"
#include "local/gguf_write.h"
#include "local/quant.h"
#include "local/synth_vocab.h"
#include "local/tools.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    scratch_dir_make(dir, sizeof dir, "ew-tools");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    scratch_dir_remove(dir);
    return 0;
}

static const char *path(const char *name)
{
    static char buf[8][256];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, 256, "%s/%s", dir, name);
    return b;
}

static const char *shared_file(const char *rel)
{
    static char buf[512];
    const char *s = getenv("EW_SHARED");
    if (!s) return NULL;
    snprintf(buf, sizeof buf, "%s/%s", s, rel);
    return access(buf, R_OK) ? NULL : buf;
}

static void synth(const char *shape, int ftype, uint64_t seed, const char *vocab, const char *out)
{
    ew_synth_params p = {shape, ftype, seed, vocab, out};
    ew_error err;
    ew_error_clear(&err);
    if (ew__synth(&p, &err)) fail_msg("synth %s: %s", shape, err.message);
}

static ew_gguf *open_gguf(const char *p)
{
    ew_gguf *g = NULL;
    ew_error err;
    if (ew_gguf_open(p, NULL, &g, &err)) fail_msg("%s: %s", p, err.message);
    return g;
}

static uint32_t u32_of(const ew_gguf *g, const char *key)
{
    uint32_t v = 0;
    if (ew_gguf_get_u32(g, key, &v)) fail_msg("no %s", key);
    return v;
}

static bool same_file(const char *a, const char *b)
{
    FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
    assert_non_null(x);
    assert_non_null(y);
    int c, d;
    do {
        c = fgetc(x);
        d = fgetc(y);
    } while (c == d && c != EOF);
    fclose(x);
    fclose(y);
    return c == d;
}

/* The first small shape, for tests that need just one. */
static const char *tiny_shape(void)
{
    for (const char *const *s = ew__synth_shapes(); *s; s++)
        if (strstr(*s, "tiny")) return *s;
    fail_msg("no tiny shape");
    return NULL;
}

/* ---- the recipe ------------------------------------------------------------------------- */

static void test_ftype_names(void **state)
{
    (void)state;
    assert_int_equal(ew__ftype_parse("q4_k_m"), EW_FTYPE_Q4_K_M);
    assert_int_equal(ew__ftype_parse("Q8_0"), 7);
    assert_int_equal(ew__ftype_parse("Q4_K_S"), -1);
    assert_int_equal(ew__ftype_parse(""), -1);
    assert_string_equal(ew__ftype_name(EW_FTYPE_Q5_K_M), "Q5_K_M");
    assert_null(ew__ftype_name(99));
}

static void test_roles(void **state)
{
    (void)state;
    assert_int_equal(ew__tensor_role("token_embd.weight", 2, true), EW_TROLE_OUTPUT);
    assert_int_equal(ew__tensor_role("token_embd.weight", 2, false), EW_TROLE_TOKEN_EMBD);
    assert_int_equal(ew__tensor_role("output.weight", 2, false), EW_TROLE_OUTPUT);
    assert_int_equal(ew__tensor_role("blk.3.attn_v.weight", 2, true), EW_TROLE_ATTN_V);
    assert_int_equal(ew__tensor_role("blk.3.ffn_down.weight", 2, true), EW_TROLE_FFN_DOWN);
    assert_int_equal(ew__tensor_role("blk.3.attn_norm.weight", 1, true), EW_TROLE_OTHER);
    assert_int_equal(ew__tensor_role("blk.3.attn_q.bias", 1, true), EW_TROLE_OTHER);
}

/* SmolLM2-135M (rows 576 and 1536, 30 layers) as Q4_K_M: llama-quantize's
 * types. 576 is no multiple of 256, so most tensors fall back. */
static void test_recipe_q4_k_m(void **state)
{
    (void)state;
    const int q = EW_FTYPE_Q4_K_M;
    assert_int_equal(ew__tensor_type_for(q, EW_TROLE_OUTPUT, 0, 30, 576), EW_GGML_Q8_0);
    assert_int_equal(ew__tensor_type_for(q, EW_TROLE_ATTN_Q, 0, 30, 576), EW_GGML_Q5_0);
    assert_int_equal(ew__tensor_type_for(q, EW_TROLE_OTHER, 0, 30, 576), EW_GGML_F32);
    for (int l = 0; l < 30; l++) {
        bool more = l < 3 || l >= 26 || (l - 3) % 3 == 2;
        assert_int_equal(ew__tensor_type_for(q, EW_TROLE_ATTN_V, l, 30, 576),
                         more ? EW_GGML_Q8_0 : EW_GGML_Q5_0);
        assert_int_equal(ew__tensor_type_for(q, EW_TROLE_FFN_DOWN, l, 30, 1536),
                         more ? EW_GGML_Q6_K : EW_GGML_Q4_K);
        assert_int_equal(ew__tensor_type_for(q, EW_TROLE_FFN_UP, l, 30, 576), EW_GGML_Q5_0);
    }
    /* Rows of 256: output Q6_K, untied token_embd the base type. */
    assert_int_equal(ew__tensor_type_for(q, EW_TROLE_OUTPUT, 0, 2, 256), EW_GGML_Q6_K);
    assert_int_equal(ew__tensor_type_for(q, EW_TROLE_TOKEN_EMBD, 0, 2, 256), EW_GGML_Q4_K);
}

static void test_recipe_other_types(void **state)
{
    (void)state;
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q8_0, EW_TROLE_OUTPUT, 0, 24, 896), EW_GGML_Q8_0);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q8_0, EW_TROLE_ATTN_V, 0, 24, 896), EW_GGML_Q8_0);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q4_0, EW_TROLE_OUTPUT, 0, 24, 896), EW_GGML_Q8_0);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q4_0, EW_TROLE_OUTPUT, 0, 24, 1024),
                     EW_GGML_Q6_K);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q4_0, EW_TROLE_ATTN_V, 0, 24, 896), EW_GGML_Q4_0);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q4_0, EW_TROLE_FFN_UP, 0, 24, 40), EW_GGML_F16);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q5_K_M, EW_TROLE_ATTN_Q, 0, 8, 800),
                     EW_GGML_Q5_1);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q5_K_M, EW_TROLE_FFN_DOWN, 0, 8, 768),
                     EW_GGML_Q6_K);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q5_K_M, EW_TROLE_FFN_DOWN, 2, 8, 768),
                     EW_GGML_Q5_K);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_Q6_K, EW_TROLE_ATTN_Q, 0, 8, 576), EW_GGML_Q8_0);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_F16, EW_TROLE_OUTPUT, 0, 8, 576), EW_GGML_F16);
    assert_int_equal(ew__tensor_type_for(EW_FTYPE_F16, EW_TROLE_OTHER, 0, 8, 576), EW_GGML_F32);
}

/* ---- synth -------------------------------------------------------------------------------- */

/* Tensor shapes agree with the hyperparameters in the same file, and the
 * tokenizer loads with the vocab size the file states. */
static void check_consistent(const char *file)
{
    ew_gguf *g = open_gguf(file);
    const char *arch;
    size_t len;
    char key[96], a[32];
    assert_int_equal(ew_gguf_get_str(g, "general.architecture", &arch, &len), EW_OK);
    snprintf(a, sizeof a, "%.*s", (int)len, arch);
#define U(suffix) (snprintf(key, sizeof key, "%s." suffix, a), u32_of(g, key))
    uint32_t d = U("embedding_length"), nl = U("block_count"), nh = U("attention.head_count");
    uint32_t kv = U("attention.head_count_kv"), ff = U("feed_forward_length");
    uint32_t nv = U("vocab_size");
    assert_int_equal(U("rope.dimension_count"), d / nh);
#undef U
    uint32_t hd = d / nh;
    const ew_gguf_tensor *t = ew_gguf_find_tensor(g, "token_embd.weight");
    assert_non_null(t);
    assert_int_equal(t->ne[0], d);
    assert_int_equal(t->ne[1], nv);
    for (uint32_t l = 0; l < nl; l++) {
        char n[64];
        snprintf(n, sizeof n, "blk.%u.attn_k.weight", l);
        t = ew_gguf_find_tensor(g, n);
        assert_non_null(t);
        assert_int_equal(t->ne[0], d);
        assert_int_equal(t->ne[1], kv * hd);
        snprintf(n, sizeof n, "blk.%u.ffn_down.weight", l);
        t = ew_gguf_find_tensor(g, n);
        assert_non_null(t);
        assert_int_equal(t->ne[0], ff);
        assert_int_equal(t->ne[1], d);
        snprintf(n, sizeof n, "blk.%u.attn_norm.weight", l);
        assert_int_equal(ew_gguf_find_tensor(g, n)->type, EW_GGML_F32);
    }
    ew_gguf_close(g);
    ew_tokenizer *tok = NULL;
    ew_error err;
    if (ew_tokenizer_open(file, &tok, &err)) fail_msg("%s: tokenizer: %s", file, err.message);
    assert_int_equal(ew_tokenizer_n_vocab(tok), nv);
    ew_tokenizer_free(tok);
}

static void test_synth_shapes(void **state)
{
    (void)state;
    int n = 0;
    bool big[2] = {false, false};
    for (const char *const *s = ew__synth_shapes(); *s; s++) {
        big[0] |= !strcmp(*s, "smollm2-135m");
        big[1] |= !strcmp(*s, "qwen2.5-0.5b");
        if (!strstr(*s, "tiny")) continue; /* the real shapes take seconds */
        synth(*s, EW_FTYPE_Q4_K_M, 1, NULL, path("s.gguf"));
        check_consistent(path("s.gguf"));
        ew_gguf *g = open_gguf(path("s.gguf"));
        assert_int_equal(u32_of(g, "general.file_type"), EW_FTYPE_Q4_K_M);
        ew_gguf_close(g);
        n++;
    }
    assert_true(big[0] && big[1]);
    assert_true(n >= 2);
}

static void test_synth_deterministic(void **state)
{
    (void)state;
    const char *shape = tiny_shape();
    synth(shape, EW_FTYPE_Q8_0, 42, NULL, path("a.gguf"));
    synth(shape, EW_FTYPE_Q8_0, 42, NULL, path("b.gguf"));
    synth(shape, EW_FTYPE_Q8_0, 43, NULL, path("c.gguf"));
    assert_true(same_file(path("a.gguf"), path("b.gguf")));
    assert_false(same_file(path("a.gguf"), path("c.gguf")));
}

/* The engine runs every small synth model, and its next-token distributions
 * are neither near-uniform nor one-hot, and they change with the context. */
static void test_synth_generates(void **state)
{
    (void)state;
    for (const char *const *sh = ew__synth_shapes(); *sh; sh++) {
        if (!strstr(*sh, "tiny")) continue;
        synth(*sh, EW_FTYPE_Q8_0, 5, NULL, path("g.gguf"));
        ew_model *m = NULL;
        ew_session *s = NULL;
        ew_error err;
        if (ew_model_open(path("g.gguf"), NULL, &m, &err)) fail_msg("%s: %s", *sh, err.message);
        ew_session_params sp;
        ew_session_params_init(&sp);
        sp.n_ctx = 64;
        sp.logits_all = true;
        assert_int_equal(ew_session_new(m, &sp, &s, &err), EW_OK);
        int nv = ew_model_n_vocab(m), n = 16, distinct = 0;
        int32_t toks[16], top[16];
        for (int i = 0; i < n; i++)
            toks[i] = (int32_t)((i * 7919 + 13) % nv);
        assert_int_equal(ew_session_eval(s, toks, n, &err), EW_OK);
        for (int i = 0; i < n; i++) {
            const float *l = ew_session_logits(s, i);
            assert_non_null(l);
            float v, p;
            assert_int_equal(ew_top_k(l, nv, 1, &top[i], &v, &p), 1);
            if (p < 10.0f / (float)nv || p > 0.99f)
                fail_msg("%s: position %d: top-1 probability %g", *sh, i, p);
            bool seen = false;
            for (int j = 0; j < i; j++)
                seen |= top[j] == top[i];
            distinct += !seen;
        }
        if (distinct < n / 2) fail_msg("%s: only %d distinct top-1 tokens of %d", *sh, distinct, n);
        ew_session_free(s);
        ew_model_close(m);
    }
}

/* ---- quantize ----------------------------------------------------------------------------- */

static void test_quantize(void **state)
{
    (void)state;
    const char *shape = tiny_shape();
    synth(shape, EW_FTYPE_F16, 3, NULL, path("f16.gguf"));
    ew_error err;
    ew_error_clear(&err);
    const int types[] = {EW_FTYPE_Q4_K_M, EW_FTYPE_Q8_0};
    for (int k = 0; k < 2; k++) {
        if (ew__quantize_file(path("f16.gguf"), path("q.gguf"), types[k], 2, &err))
            fail_msg("quantize: %s", err.message);
        ew_gguf *f = open_gguf(path("f16.gguf")), *q = open_gguf(path("q.gguf"));
        assert_int_equal(u32_of(q, "general.file_type"), types[k]);
        assert_int_equal(ew_gguf_n_tensors(q), ew_gguf_n_tensors(f));
        bool tied = ew_gguf_find_tensor(f, "output.weight") == NULL;
        uint32_t n_layer = 0;
        for (int i = 0; i < ew_gguf_n_tensors(q); i++) {
            const ew_gguf_tensor *t = ew_gguf_tensor_at(q, i);
            int il = 0;
            if (sscanf(t->name, "blk.%d.", &il) == 1 && (uint32_t)il + 1 > n_layer)
                n_layer = (uint32_t)il + 1;
        }
        for (int i = 0; i < ew_gguf_n_tensors(q); i++) {
            const ew_gguf_tensor *t = ew_gguf_tensor_at(q, i);
            int il = 0;
            sscanf(t->name, "blk.%d.", &il);
            uint32_t want = ew__tensor_type_for(types[k], ew__tensor_role(t->name, t->n_dims, tied),
                                                il, (int)n_layer, (int64_t)t->ne[0]);
            if (t->type != want)
                fail_msg("%s: %s, recipe says %s", t->name, ew_ggml_type_name(t->type),
                         ew_ggml_type_name(want));
        }
        check_consistent(path("q.gguf"));
        ew_gguf_close(f);
        ew_gguf_close(q);
    }
    /* Requantizing Q8_0 -> Q4_0 works (dequantize first). */
    if (ew__quantize_file(path("q.gguf"), path("q4.gguf"), EW_FTYPE_Q4_0, 1, &err))
        fail_msg("requantize: %s", err.message);
    check_consistent(path("q4.gguf"));
}

/* ---- vocab files -------------------------------------------------------------------------- */

/* Writes the tokenizer of `vocab` fitted to n tokens as a vocab-only GGUF. */
static void fit_vocab(const char *vocab, int n, const char *out)
{
    ew_gguf *src = open_gguf(vocab);
    ew__gguf_writer w;
    ew__gw_init(&w);
    ew__gw_str(&w, "general.architecture", "llama");
    ew_error err;
    ew_error_clear(&err);
    if (ew__synth_fit_vocab(&w, src, vocab, n, &err)) fail_msg("fit: %s", err.message);
    FILE *f = fopen(out, "wb");
    assert_int_equal(ew__gw_write_header(&w, f), EW_OK);
    fclose(f);
    ew__gw_cleanup(&w);
    ew_gguf_close(src);
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
    fit_vocab(v, 1000, path("cut.gguf"));
    ew_gguf *g = open_gguf(path("cut.gguf"));
    assert_int_equal(u32_of(g, "tokenizer.ggml.eos_token_id"), 999);
    assert_int_equal(u32_of(g, "tokenizer.ggml.bos_token_id"), 999);
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", 999, &s, &len), EW_OK);
    assert_int_equal(len, 13);
    assert_memory_equal(s, "<|endoftext|>", 13);
    uint64_t n_merges;
    ew_gguf_type et;
    assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.merges", &et, &n_merges, NULL), EW_OK);
    assert_true(n_merges > 500 && n_merges < 1000);
    ew_gguf_close(g);

    ew_tokenizer *t;
    ew_error err;
    if (ew_tokenizer_open(path("cut.gguf"), &t, &err)) fail_msg("%s", err.message);
    assert_int_equal(ew_tokenizer_n_vocab(t), 1000);
    const char *text = "Hello world, this is a test of the cut vocabulary!";
    ew_token ids[128];
    size_t n;
    encode(t, text, ids, 128, &n);
    assert_true(n > 5 && n < strlen(text));
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
    fit_vocab(v, 1000, path("pad.gguf"));
    ew_gguf *g = open_gguf(path("pad.gguf"));
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
    assert_int_equal(ew_tokenizer_open(path("pad.gguf"), &a, &err), EW_OK);
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

/* The generated vocab: n tokens with the specials last, a merge for every
 * other token, ChatML, and text that compresses and round-trips. */
static void test_generated_vocab(void **state)
{
    (void)state;
    const int sizes[] = {262, 5000};
    for (int k = 0; k < 2; k++) {
        int n = sizes[k];
        ew__gguf_writer w;
        ew__gw_init(&w);
        ew__gw_str(&w, "general.architecture", "llama");
        assert_int_equal(ew__synth_byte_tokenizer(&w, n), EW_OK);
        FILE *f = fopen(path("bpe.gguf"), "wb");
        assert_int_equal(ew__gw_write_header(&w, f), EW_OK);
        fclose(f);
        ew__gw_cleanup(&w);
        ew_gguf *g = open_gguf(path("bpe.gguf"));
        uint64_t n_merges;
        ew_gguf_type et;
        assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.merges", &et, &n_merges, NULL), EW_OK);
        assert_int_equal(n_merges, n - 256 - 3);
        assert_int_equal(u32_of(g, "tokenizer.ggml.eos_token_id"), n - 1);
        const char *s;
        size_t len;
        assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", (uint64_t)n - 1, &s, &len),
                         EW_OK);
        assert_int_equal(len, 10);
        assert_memory_equal(s, "<|im_end|>", 10);
        ew_gguf_close(g);

        ew_tokenizer *t;
        ew_error err;
        if (ew_tokenizer_open(path("bpe.gguf"), &t, &err)) fail_msg("%s", err.message);
        assert_int_equal(ew_tokenizer_n_vocab(t), n);
        assert_int_equal(ew_tokenizer_chat_format(t, NULL), EW_CHAT_CHATML);
        assert_true(ew_tokenizer_is_eog(t, n - 1));
        const char *text = "the quick brown fox jumps over the lazy dog and then it rests in the "
                           "shade of a tree, as foxes do";
        ew_token ids[256];
        size_t m;
        encode(t, text, ids, 256, &m);
        if (n > 1000 && m * 2 > strlen(text))
            fail_msg("%d tokens: %zu ids for %zu bytes", n, m, strlen(text));
        char out[256];
        assert_int_equal(ew_tokenizer_detokenize(t, ids, m, false, false, out, sizeof out, &len),
                         EW_OK);
        assert_int_equal(len, strlen(text));
        assert_memory_equal(out, text, len);
        ew_tokenizer_free(t);
    }
    ew__gguf_writer w;
    ew__gw_init(&w);
    assert_int_equal(ew__synth_byte_tokenizer(&w, 261), EW_ERR_INVALID);
    ew__gw_cleanup(&w);
}

/* A synth with a vocab file of another size gets the shape's size. */
static void test_synth_with_vocab(void **state)
{
    (void)state;
    const char *v = shared_file("models/vocab/ggml-vocab-gpt-2.gguf");
    if (!v) skip();
    synth(tiny_shape(), EW_FTYPE_Q8_0, 1, v, path("v.gguf"));
    check_consistent(path("v.gguf"));
}

/* ---- failures ----------------------------------------------------------------------------- */

static void write_q2k_file(const char *p)
{
    uint8_t buf[512] = {0};
    size_t n = 0;
#define PUT(v, sz)                                                                                 \
    do {                                                                                           \
        uint64_t tmp_ = (v);                                                                       \
        memcpy(buf + n, &tmp_, sz);                                                                \
        n += sz;                                                                                   \
    } while (0)
#define PUTS(s)                                                                                    \
    do {                                                                                           \
        PUT(strlen(s), 8);                                                                         \
        memcpy(buf + n, s, strlen(s));                                                             \
        n += strlen(s);                                                                            \
    } while (0)
    PUT(0x46554747u, 4);
    PUT(3, 4);
    PUT(1, 8); /* tensors */
    PUT(2, 8); /* kv */
    PUTS("general.architecture");
    PUT(EW_GGUF_STRING, 4);
    PUTS("llama");
    PUTS("llama.block_count");
    PUT(EW_GGUF_UINT32, 4);
    PUT(1, 4);
    PUTS("blk.0.ffn_up.weight");
    PUT(2, 4);
    PUT(256, 8);
    PUT(2, 8);
    PUT(EW_GGML_Q2_K, 4);
    PUT(0, 8);
#undef PUTS
#undef PUT
    n = (n + 31) / 32 * 32 + 2 * 84; /* aligned, then two zero Q2_K blocks */
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
}

static void test_failures(void **state)
{
    (void)state;
    ew_error err;
    ew_error_clear(&err);
    ew_synth_params p = {"gpt-9", EW_FTYPE_F16, 1, NULL, path("x.gguf")};
    assert_int_equal(ew__synth(&p, &err), EW_ERR_INVALID);
    assert_non_null(strstr(err.message, "gpt-9"));
    p.shape = tiny_shape();
    p.vocab_path = path("missing.gguf");
    assert_int_equal(ew__synth(&p, &err), EW_ERR_IO);

    /* A vocab file without tokens, and a model with a tensor type we
     * cannot read (Q2_K), made by hand. */
    write_q2k_file(path("q2k.gguf"));
    p.vocab_path = path("q2k.gguf");
    assert_int_equal(ew__synth(&p, &err), EW_ERR_INVALID);
    assert_non_null(strstr(err.message, "tokenizer.ggml.tokens"));
    assert_int_equal(ew__quantize_file(path("q2k.gguf"), path("x.gguf"), EW_FTYPE_Q8_0, 1, &err),
                     EW_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.message, "blk.0.ffn_up.weight"));
    assert_int_equal(access(path("x.gguf"), F_OK), -1); /* nothing left behind */
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_ftype_names),      T(test_roles),
        T(test_recipe_q4_k_m),    T(test_recipe_other_types),
        T(test_synth_shapes),     T(test_synth_deterministic),
        T(test_synth_generates),  T(test_quantize),
        T(test_vocab_cut),        T(test_vocab_pad),
        T(test_synth_with_vocab), T(test_generated_vocab),
        T(test_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
