/* Tokenizers against llama.cpp's own test vectors ($EW_SHARED/models/vocab),
 * the stories260K vectors, and the tokens_special / tokens_plain of every
 * prompt in $EW_SHARED/models/ref/ JSON files; plus decoding, round trips,
 * special tokens, end-of-generation ids and the fingerprint. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/tokenizer.h"
#include "local/gguf.h"
#include "local/tokenizer.h"

static const char *shared_dir(void)
{
    const char *s = getenv("EW_SHARED");
    return s ? s : "../shared";
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static ew_tokenizer *open_tok(const char *rel)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", shared_dir(), rel);
    ew_tokenizer *t = NULL;
    ew_error err;
    if (ew_tokenizer_open(path, &t, &err)) fail_msg("%s: %s", path, err.message);
    return t;
}

static size_t encode(const ew_tokenizer *t, const char *s, size_t n, bool add_special,
                     bool parse_special, ew_token **ids)
{
    size_t cap = ew_tokenizer_max_ids(n), got;
    *ids = malloc(cap * sizeof **ids);
    assert_non_null(*ids);
    ew_error err;
    if (ew_tokenizer_encode(t, s, n, add_special, parse_special, *ids, cap, &got, &err))
        fail_msg("encode: %s", err.message);
    return got;
}

static void print_ids(FILE *f, const ew_token *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(f, " %d", ids[i]);
}

/* ---- llama.cpp's vectors ----------------------------------------------------------- */

#define SEP "\n__ggml_vocab_test__\n"

/* Runs one .inp/.out pair; returns the number of mismatching inputs. */
static int run_vectors(const ew_tokenizer *t, const char *inp_path, const char *out_path)
{
    size_t in_len, out_len;
    char *in = slurp(inp_path, &in_len), *out = slurp(out_path, &out_len);
    assert_non_null(in);
    assert_non_null(out);
    int bad = 0, n = 0;
    char *ip = in, *op = out;
    while (ip < in + in_len) {
        char *end = strstr(ip, SEP);
        assert_non_null(end); /* the file ends with a separator */
        char *nl = strchr(op, '\n');
        assert_non_null(nl);
        *nl = 0;
        ew_token *ids;
        size_t got = encode(t, ip, (size_t)(end - ip), false, false, &ids);
        char mine[8192] = "";
        size_t k = 0;
        for (size_t i = 0; i < got && k < sizeof mine - 16; i++)
            k += (size_t)snprintf(mine + k, sizeof mine - k, " %d", ids[i]);
        if (strcmp(mine, op)) {
            if (bad < 3)
                fprintf(stderr, "  %s #%d %.*s\n    want:%s\n    got: %s\n", inp_path, n,
                        (int)(end - ip > 60 ? 60 : end - ip), ip, op, mine);
            bad++;
        }
        free(ids);
        n++;
        ip = end + strlen(SEP);
        op = nl + 1;
    }
    assert_true(n >= 40);
    free(in);
    free(out);
    return bad;
}

static void test_vocab_vectors(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/models/vocab", shared_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n_vocabs = 0, bad = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 5, ".gguf")) continue;
        char gguf[1300], inp[1310], out[1310];
        snprintf(gguf, sizeof gguf, "models/vocab/%s", e->d_name);
        snprintf(inp, sizeof inp, "%s/%s.inp", dir, e->d_name);
        snprintf(out, sizeof out, "%s/%s.out", dir, e->d_name);
        ew_tokenizer *t = open_tok(gguf);
        FILE *f = fopen(inp, "rb");
        if (f) {
            fclose(f);
            int b = run_vectors(t, inp, out);
            if (b) fprintf(stderr, "%s: %d inputs differ\n", e->d_name, b);
            bad += b;
            n_vocabs++;
        }
        ew_tokenizer_free(t);
    }
    closedir(d);
    assert_int_equal(n_vocabs, 10);
    assert_int_equal(bad, 0);
}

static void test_stories_vectors(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/stories260K.gguf");
    char inp[1024], out[1024];
    snprintf(inp, sizeof inp, "%s/models/vocab-extra/stories260K.gguf.inp", shared_dir());
    snprintf(out, sizeof out, "%s/models/vocab-extra/stories260K.gguf.out", shared_dir());
    assert_int_equal(run_vectors(t, inp, out), 0);
    ew_tokenizer_free(t);
}

/* Vectors for vocabs that ship only as tokenizer.json (Llama 3, Qwen): the
 * integration test test_tokenizer_hf_vocabs builds their GGUFs and runs this
 * binary with EW_TOKENIZER_EXTRA_VECTORS="gguf,inp,out;...". */
static void test_extra_vectors(void **state)
{
    (void)state;
    const char *spec = getenv("EW_TOKENIZER_EXTRA_VECTORS");
    if (!spec || !*spec) skip();
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", spec);
    int bad = 0;
    for (char *item = buf, *next; item && *item; item = next) {
        next = strchr(item, ';');
        if (next) *next++ = 0;
        char *inp = strchr(item, ','), *out = inp ? strchr(inp + 1, ',') : NULL;
        assert_non_null(out);
        *inp++ = 0;
        *out++ = 0;
        ew_tokenizer *t = NULL;
        ew_error err;
        if (ew_tokenizer_open(item, &t, &err)) fail_msg("%s: %s", item, err.message);
        int b = run_vectors(t, inp, out);
        if (b) fprintf(stderr, "%s: %d inputs differ\n", item, b);
        bad += b;
        ew_tokenizer_free(t);
    }
    assert_int_equal(bad, 0);
}

/* ---- decoding ------------------------------------------------------------------------ */

static char *detok(const ew_tokenizer *t, const ew_token *ids, size_t n, bool remove_special,
                   bool unparse, size_t *len)
{
    size_t cap = 16;
    char *out = malloc(cap);
    int st;
    while ((st = ew_tokenizer_detokenize(t, ids, n, remove_special, unparse, out, cap, len)) ==
           EW_ERR_TOO_LARGE) {
        assert_true(*len + 1 > cap);
        cap = *len + 1;
        out = realloc(out, cap);
    }
    assert_int_equal(st, EW_OK);
    assert_int_equal(out[*len], 0);
    return out;
}

/* Each vector input: SentencePiece vocabs detokenize back to the text, and
 * byte-level BPE pieces concatenate back to it. */
static void test_round_trip(void **state)
{
    (void)state;
    static const char *const vocabs[] = {
        "models/vocab/ggml-vocab-llama-spm.gguf", "models/stories260K.gguf",
        "models/vocab/ggml-vocab-gpt-2.gguf", "models/vocab/ggml-vocab-deepseek-llm.gguf"};
    char path[1024];
    snprintf(path, sizeof path, "%s/models/vocab/ggml-vocab-gpt-2.gguf.inp", shared_dir());
    size_t in_len;
    char *in = slurp(path, &in_len);
    assert_non_null(in);
    for (size_t v = 0; v < sizeof vocabs / sizeof vocabs[0]; v++) {
        ew_tokenizer *t = open_tok(vocabs[v]);
        ew_tokenizer_info info;
        ew_tokenizer_get_info(t, &info);
        bool spm = !strcmp(info.model, "llama");
        for (char *ip = in, *end; (end = strstr(ip, SEP)); ip = end + strlen(SEP)) {
            size_t n = (size_t)(end - ip), got_len = 0;
            ew_token *ids;
            size_t got = encode(t, ip, n, false, false, &ids);
            char *text;
            if (spm) {
                text = detok(t, ids, got, false, false, &got_len);
            } else {
                text = malloc(8 * n + 1);
                for (size_t i = 0; i < got; i++) {
                    const char *p;
                    size_t pl;
                    assert_int_equal(ew_tokenizer_token_to_piece(t, ids[i], false, &p, &pl), 0);
                    memcpy(text + got_len, p, pl);
                    got_len += pl;
                }
            }
            if (got_len != n || memcmp(text, ip, n))
                fail_msg("%s: '%.*s' came back as '%.*s'", vocabs[v], (int)n, ip, (int)got_len,
                         text);
            free(text);
            free(ids);
        }
        ew_tokenizer_free(t);
    }
    free(in);
}

static void test_detokenize(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/vocab/ggml-vocab-gpt-2.gguf");
    ew_token *ids;
    const char *text = "Hello , world ! I 'm here .";
    size_t n = encode(t, text, strlen(text), false, false, &ids), len;
    /* GPT-2 vocabs clean spaces before punctuation and in contractions. */
    char *out = detok(t, ids, n, false, false, &len);
    assert_string_equal(out, "Hello, world! I'm here.");
    free(out);
    free(ids);
    char small[4];
    ew_token one[2] = {15496, 50256}; /* "Hello" and <|endoftext|> */
    assert_int_equal(ew_tokenizer_detokenize(t, one, 2, false, false, small, sizeof small, &len),
                     EW_ERR_TOO_LARGE);
    assert_int_equal(len, 5);
    out = detok(t, one, 2, false, true, &len);
    assert_string_equal(out, "Hello<|endoftext|>");
    free(out);
    ew_token bad = 50257;
    assert_int_equal(ew_tokenizer_detokenize(t, &bad, 1, false, false, small, sizeof small, &len),
                     EW_ERR_INVALID);
    ew_tokenizer_free(t);

    /* SentencePiece: remove_special drops the BOS the model adds, and then
     * keeps the space that follows it, as llama.cpp does. */
    t = open_tok("models/vocab/ggml-vocab-llama-spm.gguf");
    n = encode(t, "Hello world", 11, true, false, &ids);
    assert_int_equal(ids[0], 1);
    out = detok(t, ids, n, false, false, &len);
    assert_string_equal(out, " Hello world"); /* <s> renders empty without unparse */
    free(out);
    out = detok(t, ids, n, true, false, &len);
    assert_string_equal(out, " Hello world");
    free(out);
    out = detok(t, ids + 1, n - 1, true, false, &len);
    assert_string_equal(out, "Hello world");
    free(out);
    out = detok(t, ids, n, false, true, &len);
    assert_string_equal(out, "<s> Hello world");
    free(out);
    free(ids);
    ew_tokenizer_free(t);
}

static void test_pieces(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/vocab/ggml-vocab-llama-spm.gguf");
    const char *p;
    size_t n;
    ew_token id = ew_tokenizer_find(t, "\xe2\x96\x81Hello", 8);
    assert_true(id >= 0);
    assert_int_equal(ew_tokenizer_token_to_piece(t, id, false, &p, &n), EW_OK);
    assert_int_equal(n, 6);
    assert_memory_equal(p, " Hello", 6);
    assert_int_equal(ew_tokenizer_token_to_piece(t, 1, false, &p, &n), EW_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ew_tokenizer_token_to_piece(t, 1, true, &p, &n), EW_OK);
    assert_int_equal(n, 3);
    assert_memory_equal(p, "<s>", 3);
    id = ew_tokenizer_find(t, "<0x0A>", 6);
    assert_int_equal(id, 13);
    assert_int_equal(ew_tokenizer_token_to_piece(t, id, false, &p, &n), EW_OK);
    assert_int_equal(n, 1);
    assert_int_equal(p[0], '\n');
    assert_int_equal(ew_tokenizer_token_to_piece(t, -1, true, &p, &n), EW_ERR_INVALID);
    assert_int_equal(ew_tokenizer_token_to_piece(t, 32000, true, &p, &n), EW_ERR_INVALID);
    assert_memory_equal(ew_tokenizer_token_text(t, 2, &n), "</s>", 4);
    assert_int_equal(n, 4);
    assert_null(ew_tokenizer_token_text(t, 32000, &n));
    ew_tokenizer_free(t);

    t = open_tok("models/vocab/ggml-vocab-gpt-2.gguf");
    id = ew_tokenizer_find(t, "\xc4\xa0world", 7); /* "Ġworld" */
    assert_int_equal(id, 995);
    assert_int_equal(ew_tokenizer_token_to_piece(t, id, false, &p, &n), EW_OK);
    assert_int_equal(n, 6);
    assert_memory_equal(p, " world", 6);
    ew_tokenizer_free(t);
}

/* ---- special tokens ------------------------------------------------------------------- */

static void test_special_tokens(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/vocab/ggml-vocab-llama-spm.gguf");
    ew_token *a, *b, *c;
    const char *text = "<s>Hi</s> there";
    /* <s>, "Hi" (with the space SentencePiece puts after a special token),
     * </s>, " there" (likewise). */
    size_t na = encode(t, text, strlen(text), false, true, &a);
    size_t nb = encode(t, "Hi", 2, false, false, &b);
    size_t nc = encode(t, " there", 6, false, false, &c);
    assert_int_equal(na, 2 + nb + nc);
    assert_int_equal(a[0], 1);
    assert_memory_equal(a + 1, b, nb * sizeof *b);
    assert_int_equal(a[1 + nb], 2);
    assert_memory_equal(a + 2 + nb, c, nc * sizeof *c);
    free(a);
    /* Without parse_special the markers are text. */
    na = encode(t, text, strlen(text), false, false, &a);
    for (size_t i = 0; i < na; i++)
        assert_true(a[i] != 1 && a[i] != 2);
    free(a);
    /* add_special: BOS (add_bos_token is true), no EOS. */
    na = encode(t, "Hi", 2, true, false, &a);
    assert_int_equal(na, nb + 1);
    assert_int_equal(a[0], 1);
    free(a);
    na = encode(t, "", 0, true, true, &a);
    assert_int_equal(na, 1);
    free(a);
    free(b);
    free(c);

    /* Too small a buffer says how much is needed. */
    ew_token few[2];
    size_t need;
    ew_error err;
    assert_int_equal(ew_tokenizer_encode(t, text, strlen(text), true, true, few, 2, &need, &err),
                     EW_ERR_TOO_LARGE);
    assert_int_equal(need, 3 + nb + nc);
    assert_int_equal(ew_tokenizer_encode(t, text, strlen(text), true, true, NULL, 0, &need, &err),
                     EW_ERR_TOO_LARGE);
    assert_int_equal(need, 3 + nb + nc);
    ew_tokenizer_free(t);

    /* Phi-3 vocabs: special tokens swallow the white space after them. */
    t = open_tok("models/vocab/ggml-vocab-phi-3.gguf");
    ew_token u = ew_tokenizer_find(t, "<|user|>", 8);
    assert_true(u >= 0);
    na = encode(t, "<|user|>\n  Hi", 13, false, true, &a);
    nb = encode(t, "Hi", 2, false, false, &b);
    assert_int_equal(na, 1 + nb);
    assert_int_equal(a[0], u);
    assert_memory_equal(a + 1, b, nb * sizeof *b);
    free(a);
    free(b);
    ew_tokenizer_free(t);
}

static void test_info_and_eog(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/vocab/ggml-vocab-gpt-2.gguf");
    ew_tokenizer_info info;
    ew_tokenizer_get_info(t, &info);
    assert_string_equal(info.model, "gpt2");
    assert_string_equal(info.pre, "gpt-2");
    assert_int_equal(info.n_vocab, 50257);
    assert_int_equal(info.bos, 50256);
    assert_int_equal(info.eos, 50256);
    assert_int_equal(info.eot, 50256); /* found by its text <|endoftext|> */
    assert_false(info.add_bos);
    assert_false(info.add_eos);
    assert_true(ew_tokenizer_is_eog(t, 50256));
    assert_false(ew_tokenizer_is_eog(t, 0));
    assert_false(ew_tokenizer_is_eog(t, -1));
    assert_false(ew_tokenizer_is_eog(t, 50257));
    assert_int_equal(strlen(info.fingerprint), 64);
    assert_string_equal(info.fingerprint, ew_tokenizer_fingerprint(t));
    ew_tokenizer_free(t);

    t = open_tok("models/vocab/ggml-vocab-phi-3.gguf");
    ew_tokenizer_get_info(t, &info);
    assert_int_equal(info.eos, 32000);
    assert_int_equal(info.eot, ew_tokenizer_find(t, "<|end|>", 7)); /* by text, in list order */
    assert_true(ew_tokenizer_is_eog(t, 32000));                     /* <|endoftext|> */
    assert_true(ew_tokenizer_is_eog(t, ew_tokenizer_find(t, "<|end|>", 7))); /* end of turn */
    assert_true(ew_tokenizer_is_eog(t, 2));                                  /* </s> */
    assert_true(ew_tokenizer_is_control(t, ew_tokenizer_find(t, "<|end|>", 7)));
    assert_false(ew_tokenizer_is_eog(t, ew_tokenizer_find(t, "<|user|>", 8)));
    ew_tokenizer_free(t);

    /* llama.cpp's defaults when a key is absent (stories260K has no
     * add_bos_token: SentencePiece adds BOS; synth-C says false). */
    t = open_tok("models/stories260K.gguf");
    ew_tokenizer_get_info(t, &info);
    assert_true(info.add_bos);
    assert_int_equal(info.bos, 1);
    assert_int_equal(info.eos, 2);
    assert_int_equal(info.unk, 0);
    ew_tokenizer_free(t);
    t = open_tok("models/vocab/ggml-vocab-bert-bge.gguf");
    ew_tokenizer_get_info(t, &info);
    assert_int_equal(info.bos, 101);
    assert_int_equal(info.sep, 102);
    ew_token *ids;
    size_t n = encode(t, "Hello", 5, true, false, &ids);
    assert_int_equal(ids[0], 101);
    assert_int_equal(ids[n - 1], 102);
    free(ids);
    ew_tokenizer_free(t);
}

/* A real vocab with random bytes of its metadata changed: the reader or the
 * tokenizer refuses it with a message, or it loads and still encodes and
 * decodes in bounds. */
static void test_mutated_vocab(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/models/stories260K.gguf", shared_dir());
    size_t size;
    char *orig = slurp(path, &size);
    assert_non_null(orig);
    ew_gguf *g;
    ew_error err;
    assert_int_equal(ew_gguf_open_mem(orig, size, "s.gguf", NULL, &g, &err), EW_OK);
    size_t meta_end = ew_gguf_tensor_at(g, 0)->offset; /* metadata and tensor infos */
    ew_gguf_close(g);
    char *buf = malloc(size);
    uint64_t rng = 0x2545F4914F6CDD1Dull;
    int loaded = 0, refused = 0;
    const char *text = "<s>Once upon a time, \xff\xfe there was </s> a caf\xc3\xa9.";
    for (int iter = 0; iter < 400; iter++) {
        memcpy(buf, orig, size);
        for (int f = 0; f < 1 + iter % 4; f++) {
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            buf[rng % meta_end] = (char)(rng >> 32);
        }
        ew_error_clear(&err);
        if (ew_gguf_open_mem(buf, size, "s.gguf", NULL, &g, &err)) {
            assert_true(err.message[0]);
            refused++;
            continue;
        }
        ew_tokenizer *t = NULL;
        int st = ew__tokenizer_from_gguf(g, &t, &err);
        ew_gguf_close(g); /* the tokenizer keeps copies */
        if (st) {
            assert_true(err.message[0]);
            refused++;
            continue;
        }
        ew_token *ids;
        size_t n = encode(t, text, strlen(text), true, iter % 2, &ids), len;
        for (size_t i = 0; i < n; i++)
            assert_true(ids[i] >= 0 && ids[i] < ew_tokenizer_n_vocab(t));
        free(detok(t, ids, n, true, true, &len));
        free(ids);
        ew_tokenizer_free(t);
        loaded++;
    }
    assert_true(loaded > 50 && refused > 50);
    free(buf);
    free(orig);
}

/* The model's chat format comes from its template, else ChatML. */
static void test_chat(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/vocab/ggml-vocab-phi-3.gguf");
    bool detected;
    assert_int_equal(ew_tokenizer_chat_format(t, &detected), EW_CHAT_PHI3);
    assert_true(detected);
    ew_message m[2];
    memset(m, 0, sizeof m);
    m[0].role = EW_ROLE_USER;
    m[0].content = "Hi";
    m[0].content_len = 2;
    char out[256];
    size_t len;
    ew_error err;
    assert_int_equal(ew_tokenizer_apply_chat(t, m, 1, true, out, sizeof out, &len, &err), EW_OK);
    assert_string_equal(out, "<|user|>\nHi<|end|>\n<|assistant|>\n");
    /* Rendered markers become their control tokens. */
    ew_token *ids;
    size_t n = encode(t, out, len, true, true, &ids);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], ew_tokenizer_find(t, "<|user|>", 8));
    assert_int_equal(ids[n - 1], ew_tokenizer_find(t, "<|assistant|>", 13));
    free(ids);
    ew_tokenizer_free(t);

    t = open_tok("models/stories260K.gguf");
    assert_int_equal(ew_tokenizer_chat_format(t, &detected), EW_CHAT_CHATML);
    assert_false(detected);
    assert_int_equal(ew_tokenizer_apply_chat(t, m, 1, false, out, sizeof out, &len, &err), EW_OK);
    assert_string_equal(out, "<|im_start|>user\nHi<|im_end|>\n");
    ew_tokenizer_free(t);
}

/* Same vocab and behaviour: same fingerprint; any difference: another one.
 * The gpt-2 vocab file and synth-C agree (same vocab, merges and ids, no
 * BOS), and so do synth-A (pre "default") and llama-2-tiny (no pre key),
 * whose vocabs are the same Llama-2 one. */
static void test_fingerprint(void **state)
{
    (void)state;
    static const char *const files[] = {
        "models/synth-C-qwen2-gpt2-Q4_K_M.gguf", "models/synth-C-qwen2-gpt2-Q8_0.gguf",
        "models/synth-B-llama-gpt2-Q4_0.gguf",   "models/synth-A-llama-spm-Q8_0.gguf",
        "models/synth-A-llama-spm-Q4_K_M.gguf",  "models/llama-2-tiny-random.gguf",
        "models/vocab/ggml-vocab-gpt-2.gguf",    "models/stories260K.gguf",
    };
    char fp[8][65];
    for (int i = 0; i < 8; i++) {
        ew_tokenizer *t = open_tok(files[i]);
        snprintf(fp[i], sizeof fp[i], "%s", ew_tokenizer_fingerprint(t));
        ew_tokenizer_free(t);
        ew_tokenizer *again = open_tok(files[i]);
        assert_string_equal(fp[i], ew_tokenizer_fingerprint(again));
        ew_tokenizer_free(again);
    }
    static const int group[8] = {0, 0, 1, 2, 2, 2, 0, 3};
    for (int i = 0; i < 8; i++)
        for (int j = i + 1; j < 8; j++) {
            if (group[i] == group[j])
                assert_string_equal(fp[i], fp[j]);
            else
                assert_string_not_equal(fp[i], fp[j]);
        }
}

/* Arbitrary bytes: no crash, ids in range, within the documented bound. */
static void test_random_bytes(void **state)
{
    (void)state;
    static const char *const vocabs[] = {
        "models/vocab/ggml-vocab-llama-spm.gguf",      "models/vocab/ggml-vocab-gpt-2.gguf",
        "models/vocab/ggml-vocab-bert-bge.gguf",       "models/vocab/ggml-vocab-deepseek-llm.gguf",
        "models/vocab/ggml-vocab-deepseek-coder.gguf", "models/vocab/ggml-vocab-falcon.gguf",
        "models/vocab/ggml-vocab-starcoder.gguf",      "models/vocab/ggml-vocab-gpt-neox.gguf",
        "models/vocab/ggml-vocab-baichuan.gguf",
    };
    uint64_t rng = 88172645463325252ull;
    char buf[300];
    for (size_t v = 0; v < sizeof vocabs / sizeof vocabs[0]; v++) {
        ew_tokenizer *t = open_tok(vocabs[v]);
        for (int iter = 0; iter < 60; iter++) {
            size_t n = (size_t)(iter * 5);
            for (size_t i = 0; i < n; i++) {
                rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
                /* Mostly high bytes and specials' first bytes, for bad UTF-8. */
                static const char pick[] = "\xff\xc3\xe2\x80\xbf\xf0 <|>s\n\t0a'";
                buf[i] = iter % 2 ? (char)(rng >> 24) : pick[(rng >> 20) % (sizeof pick - 1)];
            }
            ew_token *ids;
            size_t got = encode(t, buf, n, true, iter % 3 == 0, &ids);
            assert_true(got <= ew_tokenizer_max_ids(n));
            for (size_t i = 0; i < got; i++)
                assert_true(ids[i] >= 0 && ids[i] < ew_tokenizer_n_vocab(t));
            size_t len;
            char *out = detok(t, ids, got, true, true, &len);
            free(out);
            free(ids);
        }
        ew_tokenizer_free(t);
    }
}

/* ---- hostile or odd metadata ------------------------------------------------------- */

typedef struct gbuf {
    uint8_t p[4096];
    size_t n;
    int n_kv;
} gbuf;

static void g_bytes(gbuf *b, const void *d, size_t n)
{
    assert_true(b->n + n <= sizeof b->p);
    memcpy(b->p + b->n, d, n);
    b->n += n;
}
static void g_u32(gbuf *b, uint32_t v)
{
    g_bytes(b, &v, 4);
}
static void g_u64(gbuf *b, uint64_t v)
{
    g_bytes(b, &v, 8);
}
static void g_str(gbuf *b, const char *s)
{
    g_u64(b, strlen(s));
    g_bytes(b, s, strlen(s));
}
static void g_key(gbuf *b, const char *k, uint32_t type)
{
    g_str(b, k);
    g_u32(b, type);
    b->n_kv++;
}
static void g_strs(gbuf *b, const char *k, const char *const *v, int n)
{
    g_key(b, k, EW_GGUF_ARRAY);
    g_u32(b, EW_GGUF_STRING);
    g_u64(b, (uint64_t)n);
    for (int i = 0; i < n; i++)
        g_str(b, v[i]);
}
static void g_i32s(gbuf *b, const char *k, uint32_t type, const int32_t *v, int n)
{
    g_key(b, k, EW_GGUF_ARRAY);
    g_u32(b, type);
    g_u64(b, (uint64_t)n);
    g_bytes(b, v, 4 * (size_t)n);
}

/* Opens the metadata in b as a tokenizer; returns the status. */
static int open_meta(const gbuf *b, ew_tokenizer **t, ew_error *err)
{
    uint8_t *file = malloc(24 + b->n);
    uint32_t head[2] = {0x46554747u, 3};
    uint64_t counts[2] = {0, (uint64_t)b->n_kv};
    memcpy(file, head, 8);
    memcpy(file + 8, counts, 16);
    memcpy(file + 24, b->p, b->n);
    ew_gguf *g = NULL;
    int st = ew_gguf_open_mem(file, 24 + b->n, "t.gguf", NULL, &g, err);
    assert_int_equal(st, EW_OK);
    st = ew__tokenizer_from_gguf(g, t, err);
    ew_gguf_close(g);
    free(file);
    return st;
}

static const char *const mini_tokens[] = {"<unk>",
                                          "<s>",
                                          "</s>",
                                          "\xe2\x96\x81",
                                          "a",
                                          "b",
                                          "\xe2\x96\x81"
                                          "a",
                                          "ab",
                                          "",
                                          "ab"};
static const int32_t mini_types[] = {2, 3, 3, 1, 1, 1, 1, 1, 1, 1};

static void expect_meta_error(gbuf *b, int want, const char *needle)
{
    ew_tokenizer *t = NULL;
    ew_error err;
    ew_error_clear(&err);
    int st = open_meta(b, &t, &err);
    if (st != want || !strstr(err.message, needle))
        fail_msg("want %s '%s', got %s '%s'", ew_status_name(want), needle, ew_status_name(st),
                 err.message);
    assert_null(t);
}

static void test_hostile_metadata(void **state)
{
    (void)state;
    gbuf b = {0};
    expect_meta_error(&b, EW_ERR_PARSE, "tokenizer.ggml.model is missing");
    g_key(&b, "tokenizer.ggml.model", EW_GGUF_STRING);
    g_str(&b, "rwkv");
    expect_meta_error(&b, EW_ERR_UNSUPPORTED, "tokenizer model 'rwkv'");

    b = (gbuf){0};
    g_key(&b, "tokenizer.ggml.model", EW_GGUF_STRING);
    g_str(&b, "gpt2");
    g_key(&b, "tokenizer.ggml.pre", EW_GGUF_STRING);
    g_str(&b, "made-up");
    expect_meta_error(&b, EW_ERR_UNSUPPORTED, "pre-tokenizer 'made-up'");

    b = (gbuf){0};
    g_key(&b, "tokenizer.ggml.model", EW_GGUF_STRING);
    g_str(&b, "gpt2");
    expect_meta_error(&b, EW_ERR_PARSE, "tokenizer.ggml.tokens is missing");
    g_strs(&b, "tokenizer.ggml.tokens", mini_tokens, 10);
    expect_meta_error(&b, EW_ERR_PARSE, "tokenizer.ggml.merges is missing");

    b = (gbuf){0};
    g_key(&b, "tokenizer.ggml.model", EW_GGUF_STRING);
    g_str(&b, "llama");
    g_i32s(&b, "tokenizer.ggml.tokens", EW_GGUF_INT32, mini_types, 10);
    expect_meta_error(&b, EW_ERR_PARSE, "tokenizer.ggml.tokens has element type");

    b = (gbuf){0};
    g_key(&b, "tokenizer.ggml.model", EW_GGUF_STRING);
    g_str(&b, "llama");
    g_strs(&b, "tokenizer.ggml.tokens", mini_tokens, 10);
    size_t base = b.n;
    int base_kv = b.n_kv;
    float scores[10] = {0, 0, 0, -1, -2, -2, 5, 3, 0, 0};
    g_i32s(&b, "tokenizer.ggml.scores", EW_GGUF_FLOAT32, (const int32_t *)(const void *)scores, 9);
    expect_meta_error(&b, EW_ERR_PARSE, "tokenizer.ggml.scores has 9 entries");
    b.n = base, b.n_kv = base_kv;
    g_i32s(&b, "tokenizer.ggml.token_type", EW_GGUF_FLOAT32, mini_types, 10);
    expect_meta_error(&b, EW_ERR_PARSE, "tokenizer.ggml.token_type has element type");

    /* A usable odd vocab: an empty token, a repeated token, a BOS id past
     * the end (ignored: the default 1 stays). */
    b.n = base, b.n_kv = base_kv;
    g_i32s(&b, "tokenizer.ggml.scores", EW_GGUF_FLOAT32, (const int32_t *)(const void *)scores, 10);
    g_i32s(&b, "tokenizer.ggml.token_type", EW_GGUF_INT32, mini_types, 10);
    g_key(&b, "tokenizer.ggml.bos_token_id", EW_GGUF_UINT32);
    g_u32(&b, 999);
    ew_tokenizer *t = NULL;
    ew_error err;
    assert_int_equal(open_meta(&b, &t, &err), EW_OK);
    size_t n;
    assert_memory_equal(ew_tokenizer_token_text(t, 8, &n), "[EMPTY_8]", 9);
    assert_int_equal(ew_tokenizer_find(t, "ab", 2), 9); /* the last of two */
    ew_tokenizer_info info;
    ew_tokenizer_get_info(t, &info);
    assert_int_equal(info.bos, 1);
    ew_token ids[8];
    /* "▁a" scores 5, "ab" 3: "a b" -> ▁a, ▁ (no "▁b" token), b. */
    assert_int_equal(ew_tokenizer_encode(t, "a b", 3, true, false, ids, 8, &n, &err), EW_OK);
    assert_int_equal(n, 4);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 6);
    assert_int_equal(ids[2], 3);
    assert_int_equal(ids[3], 5);
    /* "ab" -> ▁a + b: merges by score, best first (▁a beats ab). */
    assert_int_equal(ew_tokenizer_encode(t, "ab", 2, false, false, ids, 8, &n, &err), EW_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ids[0], 6);
    assert_int_equal(ids[1], 5);
    /* "c" has no token and no byte tokens: <unk>. */
    assert_int_equal(ew_tokenizer_encode(t, "c", 1, false, false, ids, 8, &n, &err), EW_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ids[1], 0);
    ew_tokenizer_free(t);
}

/* ---- the reference prompts ----------------------------------------------------------- */

/* Just enough JSON for the reference files: find a key's value after a
 * position, read a string (with \u escapes) or an array of integers. */
static const char *find_key(const char *p, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *q = strstr(p, pat);
    if (!q) return NULL;
    q += strlen(pat);
    while (*q == ' ')
        q++;
    return q;
}

static int hexval(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (c >= '0' && c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
    }
    return v;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) return (size_t)(o[0] = (char)cp, 1);
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 63));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | (cp >> 6 & 63));
        o[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | (cp >> 12 & 63));
    o[2] = (char)(0x80 | (cp >> 6 & 63)), o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

static size_t json_string(const char *p, char *o)
{
    assert_int_equal(*p, '"');
    size_t k = 0;
    for (p++; *p != '"'; p++) {
        if (*p != '\\') {
            o[k++] = *p;
            continue;
        }
        p++;
        switch (*p) {
        case 'n':
            o[k++] = '\n';
            break;
        case 't':
            o[k++] = '\t';
            break;
        case 'r':
            o[k++] = '\r';
            break;
        case 'b':
            o[k++] = '\b';
            break;
        case 'f':
            o[k++] = '\f';
            break;
        case 'u': {
            unsigned cp = (unsigned)hexval(p + 1);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
                cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)hexval(p + 3) - 0xDC00);
                p += 6;
            }
            k += put_utf8(o + k, cp);
            break;
        }
        default:
            o[k++] = *p;
        }
    }
    return k;
}

static size_t json_ints(const char *p, ew_token *o)
{
    assert_int_equal(*p, '[');
    size_t k = 0;
    for (p++;;) {
        while (*p == ',' || *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            p++;
        if (*p == ']') return k;
        char *end;
        assert_true(k < 4096);
        o[k++] = (ew_token)strtol(p, &end, 10);
        assert_true(end != p);
        p = end;
    }
}

static void expect_ids(const ew_tokenizer *t, const char *text, size_t n, bool add_special,
                       const ew_token *want, size_t n_want, const char *what)
{
    ew_token *ids;
    size_t got = encode(t, text, n, add_special, true, &ids);
    if (got != n_want || memcmp(ids, want, got * sizeof *ids)) {
        fprintf(stderr, "%s %.*s\n  want:", what, (int)(n > 40 ? 40 : n), text);
        print_ids(stderr, want, n_want);
        fprintf(stderr, "\n  got: ");
        print_ids(stderr, ids, got);
        fprintf(stderr, "\n");
        fail();
    }
    free(ids);
}

static void test_ref_prompts(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/models/ref", shared_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n_prompts = 0;
    struct dirent *e;
    char *text = malloc(1 << 16);
    ew_token *want = malloc(sizeof *want * 4096);
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 5, ".json")) continue;
        char path[1300], model[1300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(model, sizeof model, "models/%.*s.gguf", (int)(nl - 5), e->d_name);
        size_t len;
        char *json = slurp(path, &len);
        ew_tokenizer *t = open_tok(model);
        const char *p = find_key(json, "prompts");
        assert_non_null(p);
        while ((p = find_key(p, "text"))) {
            size_t tn = json_string(p, text);
            const char *q = find_key(p, "tokens_special");
            size_t wn = json_ints(q, want);
            expect_ids(t, text, tn, true, want, wn, e->d_name);
            q = find_key(p, "tokens_plain");
            wn = json_ints(q, want);
            expect_ids(t, text, tn, false, want, wn, e->d_name);
            p = q;
            n_prompts++;
        }
        ew_tokenizer_free(t);
        free(json);
    }
    closedir(d);
    free(text);
    free(want);
    assert_true(n_prompts >= 28);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocab_vectors), cmocka_unit_test(test_stories_vectors),
        cmocka_unit_test(test_ref_prompts),   cmocka_unit_test(test_extra_vectors),
        cmocka_unit_test(test_round_trip),    cmocka_unit_test(test_detokenize),
        cmocka_unit_test(test_pieces),        cmocka_unit_test(test_special_tokens),
        cmocka_unit_test(test_info_and_eog),  cmocka_unit_test(test_fingerprint),
        cmocka_unit_test(test_random_bytes),  cmocka_unit_test(test_hostile_metadata),
        cmocka_unit_test(test_chat),          cmocka_unit_test(test_mutated_vocab),
    };
    /* The integration test test_tokenizer_hf_vocabs runs one test by name. */
    const char *filter = getenv("EW_TEST_FILTER");
    if (filter && *filter) cmocka_set_test_filter(filter);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
