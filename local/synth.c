/* `edgeway synth`: a random-weight GGUF with the exact shape of a real model,
 * for benchmarks and tests. Weights are seeded, so a (shape, type, seed)
 * triple always gives the same file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "local/gguf_write.h"
#include "local/quant.h"
#include "local/synth_vocab.h"
#include "local/tools.h"

typedef struct shape {
    const char *name;
    const char *arch;
    int n_embd, n_layer, n_head, n_head_kv, n_ff, n_vocab, n_ctx;
    float rope_base, rms_eps;
    bool tied, qkv_bias;
    float rope_linear; /* linear RoPE scaling factor, 0: none */
} shape;

static const shape shapes[] = {
    {"smollm2-135m", "llama", 576, 30, 9, 3, 1536, 49152, 8192, 100000.f, 1e-5f, true, false, 0},
    {"qwen2.5-0.5b", "qwen2", 896, 24, 14, 2, 4864, 151936, 32768, 1000000.f, 1e-6f, true, true, 0},
    /* small shapes for tests: GQA, MQA, tied and untied, k-quant friendly rows */
    {"llama-tiny", "llama", 256, 2, 8, 2, 512, 512, 512, 10000.f, 1e-5f, false, false, 0},
    {"qwen2-tiny", "qwen2", 256, 2, 4, 1, 768, 512, 512, 1000000.f, 1e-6f, true, true, 0},
    {"llama-tiny-rope4", "llama", 256, 2, 4, 4, 512, 512, 512, 10000.f, 1e-5f, true, false, 4.f},
    /* smollm2's layers, 8 of them, and an 8k vocab: weights, tokenizer and run
     * buffers in about the real models' proportions (the engine's RSS test) */
    {"llama-small", "llama", 576, 8, 9, 3, 1536, 8192, 2048, 100000.f, 1e-5f, true, false, 0},
};
#define N_SHAPES (int)(sizeof shapes / sizeof shapes[0])

const char *const *ew__synth_shapes(void)
{
    static const char *names[N_SHAPES + 1];
    for (int i = 0; i < N_SHAPES; i++)
        names[i] = shapes[i].name;
    return names;
}

/* Copies every tokenizer.* entry of a vocab file, its vocab cut or padded to
 * the shape's size (synth_vocab.c). */
static int copy_tokenizer(ew__gguf_writer *w, const char *path, int n_vocab, ew_error *err)
{
    ew_gguf *g;
    int st = ew_gguf_open(path, NULL, &g, err);
    if (st) return st;
    st = ew__synth_fit_vocab(w, g, path, n_vocab, err);
    ew_gguf_close(g);
    return st;
}

/* ---- weights ---------------------------------------------------------------------- */

typedef struct tdesc {
    char name[64];
    int n_dims;
    uint64_t ne[2];
    uint32_t type;
    float mean, stddev; /* the distribution of its values */
} tdesc;

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}

/* Approximately normal values (sum of four uniforms), seeded per tensor. */
static void fill_random(float *x, size_t n, uint64_t seed, float mean, float stddev)
{
    uint64_t s = mix64(seed) | 1;
    for (size_t i = 0; i < n; i++) {
        float acc = 0;
        for (int k = 0; k < 4; k++) {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            acc += (float)(s >> 40) * (1.0f / 16777216.0f);
        }
        x[i] = mean + (acc - 2.0f) * 1.7320508f * stddev; /* var of the sum = 4/12 */
    }
}

static int add(tdesc *t, int *n, const char *name, int n_dims, uint64_t ne0, uint64_t ne1,
               float mean, float sd)
{
    tdesc *d = &t[(*n)++];
    snprintf(d->name, sizeof d->name, "%s", name);
    d->n_dims = n_dims;
    d->ne[0] = ne0;
    d->ne[1] = ne1;
    d->mean = mean;
    d->stddev = sd;
    return 0;
}

/* The tensor list of a shape, in the order llama.cpp's converters write it. */
static int describe(const shape *sh, tdesc *t)
{
    int n = 0, hd = sh->n_embd / sh->n_head, kv = hd * sh->n_head_kv;
    char nm[64];
    /* Scales that give language-model-like distributions (top-1 probability
     * ~0.05-0.3, varying with the context) instead of near-uniform logits:
     * the embedding at 3/sqrt(d) (tied logits of std ~3), q/k, attn_output
     * and ffn_down at twice 1/sqrt(fan_in), the rest at 1/sqrt(fan_in). */
    float d = (float)sh->n_embd, ff = (float)sh->n_ff;
    float e_sd = 3 / sqrtf(d), qk = 2 / sqrtf(d), v = 1 / sqrtf(d), o = 2 / sqrtf(d);
    float up = 1 / sqrtf(d), down = 2 / sqrtf(ff), nn = 0.1f, out = 3 / sqrtf(d);
    add(t, &n, "token_embd.weight", 2, (uint64_t)sh->n_embd, (uint64_t)sh->n_vocab, 0, e_sd);
    for (int il = 0; il < sh->n_layer; il++) {
#define L(s) (snprintf(nm, sizeof nm, "blk.%d.%s", il, s), nm)
        add(t, &n, L("attn_norm.weight"), 1, (uint64_t)sh->n_embd, 1, 1.0f, nn);
        add(t, &n, L("attn_q.weight"), 2, (uint64_t)sh->n_embd, (uint64_t)sh->n_embd, 0, qk);
        add(t, &n, L("attn_k.weight"), 2, (uint64_t)sh->n_embd, (uint64_t)kv, 0, qk);
        add(t, &n, L("attn_v.weight"), 2, (uint64_t)sh->n_embd, (uint64_t)kv, 0, v);
        if (sh->qkv_bias) {
            add(t, &n, L("attn_q.bias"), 1, (uint64_t)sh->n_embd, 1, 0, 0.2f);
            add(t, &n, L("attn_k.bias"), 1, (uint64_t)kv, 1, 0, 0.2f);
            add(t, &n, L("attn_v.bias"), 1, (uint64_t)kv, 1, 0, 0.2f);
        }
        add(t, &n, L("attn_output.weight"), 2, (uint64_t)sh->n_embd, (uint64_t)sh->n_embd, 0, o);
        add(t, &n, L("ffn_norm.weight"), 1, (uint64_t)sh->n_embd, 1, 1.0f, nn);
        add(t, &n, L("ffn_gate.weight"), 2, (uint64_t)sh->n_embd, (uint64_t)sh->n_ff, 0, up);
        add(t, &n, L("ffn_up.weight"), 2, (uint64_t)sh->n_embd, (uint64_t)sh->n_ff, 0, up);
        add(t, &n, L("ffn_down.weight"), 2, (uint64_t)sh->n_ff, (uint64_t)sh->n_embd, 0, down);
#undef L
    }
    add(t, &n, "output_norm.weight", 1, (uint64_t)sh->n_embd, 1, 1.0f, nn);
    if (!sh->tied)
        add(t, &n, "output.weight", 2, (uint64_t)sh->n_embd, (uint64_t)sh->n_vocab, 0, out);
    return n;
}

static void write_hparams(ew__gguf_writer *w, const shape *sh, int ftype)
{
    char k[96];
#define K(s) (snprintf(k, sizeof k, "%s.%s", sh->arch, s), k)
    ew__gw_str(w, "general.architecture", sh->arch);
    ew__gw_str(w, "general.name", sh->name);
    ew__gw_u32(w, "general.file_type", (uint32_t)ftype);
    ew__gw_u32(w, "general.quantization_version", 2);
    ew__gw_u32(w, K("context_length"), (uint32_t)sh->n_ctx);
    ew__gw_u32(w, K("embedding_length"), (uint32_t)sh->n_embd);
    ew__gw_u32(w, K("block_count"), (uint32_t)sh->n_layer);
    ew__gw_u32(w, K("feed_forward_length"), (uint32_t)sh->n_ff);
    ew__gw_u32(w, K("attention.head_count"), (uint32_t)sh->n_head);
    ew__gw_u32(w, K("attention.head_count_kv"), (uint32_t)sh->n_head_kv);
    ew__gw_f32(w, K("rope.freq_base"), sh->rope_base);
    ew__gw_f32(w, K("attention.layer_norm_rms_epsilon"), sh->rms_eps);
    ew__gw_u32(w, K("rope.dimension_count"), (uint32_t)(sh->n_embd / sh->n_head));
    ew__gw_u32(w, K("vocab_size"), (uint32_t)sh->n_vocab);
    if (sh->rope_linear > 0) {
        ew__gw_str(w, K("rope.scaling.type"), "linear");
        ew__gw_f32(w, K("rope.scaling.factor"), sh->rope_linear);
    }
#undef K
}

/* Layer index of "blk.N.*", or 0. */
static int layer_of(const char *name)
{
    int il = 0;
    if (!strncmp(name, "blk.", 4))
        for (const char *p = name + 4; *p >= '0' && *p <= '9'; p++)
            il = il * 10 + (*p - '0');
    return il;
}

/* Generates, quantizes and writes each tensor in turn. */
static int write_tensors(ew__gguf_writer *w, FILE *f, const tdesc *t, int n, uint64_t seed)
{
    size_t max_elems = 0;
    for (int i = 0; i < n; i++)
        if (t[i].ne[0] * t[i].ne[1] > max_elems) max_elems = (size_t)(t[i].ne[0] * t[i].ne[1]);
    float *x = malloc(max_elems * sizeof *x);
    void *q = malloc(max_elems * sizeof(float));
    int st = x && q ? EW_OK : EW_ERR_NOMEM;
    for (int i = 0; i < n && !st; i++) {
        size_t elems = (size_t)(t[i].ne[0] * t[i].ne[1]);
        fill_random(x, elems, seed * 1000003u + (uint64_t)i, t[i].mean, t[i].stddev);
        size_t rb = ew__row_bytes(t[i].type, (int64_t)t[i].ne[0]);
        for (uint64_t r = 0; r < t[i].ne[1] && !st; r++)
            st = ew__quantize_row(t[i].type, x + r * t[i].ne[0], (char *)q + r * rb,
                                  (int64_t)t[i].ne[0]);
        if (!st) st = ew__gw_write_data(w, f, q, rb * t[i].ne[1]);
    }
    free(x);
    free(q);
    return st;
}

int ew__synth(const ew_synth_params *p, ew_error *err)
{
    const shape *sh = NULL;
    for (int i = 0; i < N_SHAPES; i++)
        if (!strcmp(p->shape, shapes[i].name)) sh = &shapes[i];
    if (!sh) return ew__error_set(err, EW_ERR_INVALID, "synth: unknown shape '%s'", p->shape);
    if (!ew__ftype_name(p->ftype))
        return ew__error_set(err, EW_ERR_INVALID, "synth: unknown type %d", p->ftype);
    int max_t = 4 + sh->n_layer * 12;
    tdesc *t = calloc((size_t)max_t, sizeof *t);
    if (!t) return ew__error_set(err, EW_ERR_NOMEM, "synth: out of memory");
    int n = describe(sh, t);
    ew__gguf_writer w;
    ew__gw_init(&w);
    write_hparams(&w, sh, p->ftype);
    int st = p->vocab_path ? copy_tokenizer(&w, p->vocab_path, sh->n_vocab, err)
                           : ew__synth_byte_tokenizer(&w, sh->n_vocab);
    if (st && !p->vocab_path)
        ew__error_set(err, st, "synth: cannot build the byte-level tokenizer");
    for (int i = 0; i < n && !st; i++) {
        ew_tensor_role role = ew__tensor_role(t[i].name, t[i].n_dims, sh->tied);
        t[i].type = ew__tensor_type_for(p->ftype, role, layer_of(t[i].name), sh->n_layer,
                                        (int64_t)t[i].ne[0]);
        ew__gw_tensor(&w, t[i].name, t[i].type, t[i].n_dims, t[i].ne);
    }
    FILE *f = NULL;
    if (!st && !(f = fopen(p->out_path, "wb")))
        st = ew__error_set(err, EW_ERR_IO, "synth: %s: %s", p->out_path, strerror(errno));
    if (!st && (st = ew__gw_write_header(&w, f)))
        ew__error_set(err, st, "synth: cannot write %s", p->out_path);
    if (!st && (st = write_tensors(&w, f, t, n, p->seed)))
        ew__error_set(err, st, "synth: cannot write %s", p->out_path);
    if (f && fclose(f) && !st)
        st = ew__error_set(err, EW_ERR_IO, "synth: %s: %s", p->out_path, strerror(errno));
    if (st && f) remove(p->out_path);
    ew__gw_cleanup(&w);
    free(t);
    return st;
}
