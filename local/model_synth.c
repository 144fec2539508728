/* ew_model_synth: random-weight models of real architectures' exact shapes.
 *
 * Every weight comes from a Gaussian seeded by (seed, tensor name, row), so a
 * file is the same whatever the thread count, and a row can be made on any
 * thread. Scales keep activations and logits in a realistic range: linear
 * weights ~ N(0, 1/fan_in) scaled per role, the (tied) embedding at a scale
 * that gives logits of standard deviation ~3, norms near 1. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "edgeway/model_tools.h"
#include "local/gguf.h"
#include "local/model_vocab.h"
#include "local/model_write.h"
#include "local/quant.h"

typedef struct shape {
    const char *name, *arch, *pre, *desc;
    int n_embd, n_layer, n_head, n_head_kv, n_ff, n_vocab, n_ctx;
    float rope_base, rms_eps;
    bool tied, qkv_bias;
} shape;

static const shape shapes[] = {
    {"smollm2-135m", "llama", "smollm",
     "llama: dim 576, 30 layers, 9 heads, 3 KV heads, ffn 1536, vocab 49152, tied", 576, 30, 9, 3,
     1536, 49152, 8192, 100000.0f, 1e-5f, true, false},
    {"smollm2-360m", "llama", "smollm",
     "llama: dim 960, 32 layers, 15 heads, 5 KV heads, ffn 2560, vocab 49152, tied", 960, 32, 15, 5,
     2560, 49152, 8192, 100000.0f, 1e-5f, true, false},
    {"qwen2.5-0.5b", "qwen2", "qwen2",
     "qwen2: dim 896, 24 layers, 14 heads, 2 KV heads, ffn 4864, vocab 151936, QKV bias, tied", 896,
     24, 14, 2, 4864, 151936, 32768, 1000000.0f, 1e-6f, true, true},
    {"qwen2.5-1.5b", "qwen2", "qwen2",
     "qwen2: dim 1536, 28 layers, 12 heads, 2 KV heads, ffn 8960, vocab 151936, QKV bias, tied",
     1536, 28, 12, 2, 8960, 151936, 32768, 1000000.0f, 1e-6f, true, true},
    {"tinyllama-1.1b", "llama", "gpt-2",
     "llama: dim 2048, 22 layers, 32 heads, 4 KV heads, ffn 5632, vocab 32000, untied", 2048, 22,
     32, 4, 5632, 32000, 2048, 10000.0f, 1e-5f, false, false},
    /* Small shapes for tests: rows of 64 exercise every fallback, rows of
     * 256 the k-quants proper; MHA, GQA and MQA; tied and untied. */
    {"tiny-llama", "llama", "gpt-2",
     "llama: dim 64, 2 layers, 4 heads, 2 KV heads, ffn 160, vocab 384, tied", 64, 2, 4, 2, 160,
     384, 256, 10000.0f, 1e-5f, true, false},
    {"tiny-qwen2", "qwen2", "qwen2",
     "qwen2: dim 64, 2 layers, 4 heads, 1 KV head, ffn 128, vocab 400, QKV bias, tied", 64, 2, 4, 1,
     128, 400, 256, 1000000.0f, 1e-6f, true, true},
    {"tiny-k", "llama", "gpt-2",
     "llama: dim 256, 3 layers, 4 heads, 4 KV heads, ffn 512, vocab 1000, untied", 256, 3, 4, 4,
     512, 1000, 512, 10000.0f, 1e-5f, false, false},
};
#define N_SHAPES (int)(sizeof shapes / sizeof shapes[0])

const char *ew_synth_shape_name(int i)
{
    return i >= 0 && i < N_SHAPES ? shapes[i].name : NULL;
}

const char *ew_synth_shape_desc(int i)
{
    return i >= 0 && i < N_SHAPES ? shapes[i].desc : NULL;
}

void ew_synth_params_init(ew_synth_params *p)
{
    *p = (ew_synth_params){.shape = "tiny-llama", .ftype = EW_FTYPE_F16, .n_threads = 1};
}

/* ---- random rows ---------------------------------------------------------------------- */

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull; /* splitmix64's finalizer */
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a 64 */
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    return h;
}

/* What one tensor's rows are made of: mean + std * N(0,1). */
typedef struct gen {
    uint64_t seed; /* of the tensor */
    int64_t ne0;
    float mean, std;
    bool f16; /* round to F16 precision, as a model released in F16 */
} gen;

/* (0, 1]: never 0, so the logarithm below is finite. */
static float unit(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ull;
    return (float)((mix64(*s) >> 40) + 1) * (1.0f / 16777216.0f);
}

static void gen_row(void *ctx, int64_t row, float *out)
{
    const gen *g = ctx;
    uint64_t s = mix64(g->seed ^ mix64((uint64_t)row + 1));
    for (int64_t i = 0; i < g->ne0; i += 2) {
        /* Box-Muller: two normals from two uniforms. */
        float r = sqrtf(-2.0f * logf(unit(&s)));
        float a = 6.2831853f * unit(&s);
        float z[2] = {r * cosf(a), r * sinf(a)};
        for (int k = 0; k < 2 && i + k < g->ne0; k++) {
            float v = g->mean + g->std * z[k];
            out[i + k] = g->f16 ? ew__f16_to_f32(ew__f32_to_f16(v)) : v;
        }
    }
}

/* ---- the model's tensors ----------------------------------------------------------------- */

typedef struct tdef {
    char name[64];
    int n_dims;
    uint64_t ne[2];
    float mean, std;
} tdef;

static void add_def(tdef *t, int *n, const char *name, int n_dims, uint64_t ne0, uint64_t ne1,
                    float mean, float std)
{
    tdef *d = &t[(*n)++];
    snprintf(d->name, sizeof d->name, "%s", name);
    d->n_dims = n_dims;
    d->ne[0] = ne0;
    d->ne[1] = ne1;
    d->mean = mean;
    d->std = std;
}

/* The tensor list in llama.cpp's naming, with each tensor's init scale. */
static int list_tensors(const shape *s, tdef *t)
{
    int n = 0, hd = s->n_embd / s->n_head;
    uint64_t d = (uint64_t)s->n_embd, q = (uint64_t)s->n_head * (uint64_t)hd;
    uint64_t kv = (uint64_t)s->n_head_kv * (uint64_t)hd, ff = (uint64_t)s->n_ff;
    float in_d = 1.0f / sqrtf((float)d);
    add_def(t, &n, "token_embd.weight", 2, d, (uint64_t)s->n_vocab, 0, 3.0f * in_d);
    for (int l = 0; l < s->n_layer; l++) {
        char nm[64];
#define T(suffix, nd, a, b, mean, std)                                                             \
    do {                                                                                           \
        snprintf(nm, sizeof nm, "blk.%d." suffix, l);                                              \
        add_def(t, &n, nm, nd, a, b, mean, std);                                                   \
    } while (0)
        T("attn_norm.weight", 1, d, 1, 1.0f, 0.1f);
        T("attn_q.weight", 2, d, q, 0, 1.5f * in_d);
        if (s->qkv_bias) T("attn_q.bias", 1, q, 1, 0, 0.1f);
        T("attn_k.weight", 2, d, kv, 0, 1.5f * in_d);
        if (s->qkv_bias) T("attn_k.bias", 1, kv, 1, 0, 0.1f);
        T("attn_v.weight", 2, d, kv, 0, in_d);
        if (s->qkv_bias) T("attn_v.bias", 1, kv, 1, 0, 0.1f);
        T("attn_output.weight", 2, q, d, 0, 1.0f / sqrtf((float)q));
        T("ffn_norm.weight", 1, d, 1, 1.0f, 0.1f);
        T("ffn_gate.weight", 2, d, ff, 0, in_d);
        T("ffn_up.weight", 2, d, ff, 0, in_d);
        T("ffn_down.weight", 2, ff, d, 0, 1.0f / sqrtf((float)ff));
#undef T
    }
    add_def(t, &n, "output_norm.weight", 1, d, 1, 1.0f, 0.1f);
    if (!s->tied) add_def(t, &n, "output.weight", 2, d, (uint64_t)s->n_vocab, 0, 3.0f * in_d);
    return n;
}

/* ---- metadata ------------------------------------------------------------------------------ */

static void write_meta(ew_gguf_writer *w, const shape *s, const ew_synth_params *p)
{
    char key[96], text[160];
    ew_gguf_writer_set_cstr(w, "general.architecture", s->arch);
    ew_gguf_writer_set_cstr(w, "general.type", "model");
    snprintf(text, sizeof text, "synth-%s", s->name);
    ew_gguf_writer_set_cstr(w, "general.name", text);
    snprintf(text, sizeof text, "random-weight model of the %s shape by edgeway synth; seed=%llu",
             s->name, (unsigned long long)p->seed);
    ew_gguf_writer_set_cstr(w, "general.description", text);
#define KEY(suffix) (snprintf(key, sizeof key, "%s." suffix, s->arch), key)
    ew_gguf_writer_set_u32(w, KEY("context_length"), (uint32_t)s->n_ctx);
    ew_gguf_writer_set_u32(w, KEY("embedding_length"), (uint32_t)s->n_embd);
    ew_gguf_writer_set_u32(w, KEY("block_count"), (uint32_t)s->n_layer);
    ew_gguf_writer_set_u32(w, KEY("feed_forward_length"), (uint32_t)s->n_ff);
    ew_gguf_writer_set_u32(w, KEY("attention.head_count"), (uint32_t)s->n_head);
    ew_gguf_writer_set_u32(w, KEY("attention.head_count_kv"), (uint32_t)s->n_head_kv);
    ew_gguf_writer_set_f32(w, KEY("attention.layer_norm_rms_epsilon"), s->rms_eps);
    ew_gguf_writer_set_f32(w, KEY("rope.freq_base"), s->rope_base);
    ew_gguf_writer_set_u32(w, KEY("rope.dimension_count"), (uint32_t)(s->n_embd / s->n_head));
    ew_gguf_writer_set_u32(w, KEY("vocab_size"), (uint32_t)s->n_vocab);
#undef KEY
    ew_gguf_writer_set_u32(w, "general.file_type", (uint32_t)p->ftype);
    ew_gguf_writer_set_u32(w, "general.quantization_version", 2);
}

/* ---- writing -------------------------------------------------------------------------------- */

typedef struct planned {
    uint32_t type;
    bool fallback;
} planned;

static int declare_tensors(ew_gguf_writer *w, const shape *s, ew_ftype ftype, const tdef *t, int n,
                           planned *pl, ew_error *err)
{
    ew__mix mix;
    ew__mix_init(&mix, ftype, s->n_layer, s->n_layer, !s->tied);
    for (int i = 0; i < n; i++) {
        uint32_t src = t[i].n_dims == 1 ? EW_GGML_F32 : EW_GGML_F16;
        pl[i].type = ew__mix_type(&mix, t[i].name, t[i].n_dims, t[i].ne, src, &pl[i].fallback);
        ew_gguf_writer_add_tensor(w, t[i].name, pl[i].type, t[i].n_dims, t[i].ne);
    }
    return ew_gguf_writer_status(w, err);
}

static int write_tensors(ew_gguf_writer *w, const ew_synth_params *p, const tdef *t, int n,
                         const planned *pl, FILE *f, ew_error *err)
{
    ew__pool *pool = NULL;
    int st = EW_OK;
    if (p->n_threads > 1 && ew__pool_new(p->n_threads, &pool))
        st = ew__error_set(err, EW_ERR_NOMEM, "cannot start %d threads", p->n_threads);
    if (!st) st = ew_gguf_writer_begin(w, f, err);
    for (int i = 0; i < n && !st; i++) {
        gen g = {.seed = mix64(p->seed * 0x9e3779b97f4a7c15ull ^ name_hash(t[i].name)),
                 .ne0 = (int64_t)t[i].ne[0],
                 .mean = t[i].mean,
                 .std = t[i].std,
                 .f16 = t[i].n_dims > 1};
        st = ew__write_rows(w, pool, t[i].name, pl[i].type, g.ne0, (int64_t)t[i].ne[1], gen_row, &g,
                            err);
        if (!st && p->on_tensor) {
            ew_tensor_report r = {.index = i,
                                  .count = n,
                                  .name = t[i].name,
                                  .from = "generated",
                                  .to = ew_ggml_type_name(pl[i].type),
                                  .fallback = pl[i].fallback,
                                  .bytes = ew_gguf_writer_tensor_size(w, i)};
            p->on_tensor(p->user, &r);
        }
    }
    if (!st) st = ew_gguf_writer_finish(w, err);
    ew__pool_free(pool);
    return st;
}

static const shape *find_shape(const char *name)
{
    for (int i = 0; i < N_SHAPES; i++)
        if (!strcmp(shapes[i].name, name)) return &shapes[i];
    return NULL;
}

int ew_model_synth(const char *out, const ew_synth_params *p, ew_error *err)
{
    const shape *s = p->shape ? find_shape(p->shape) : NULL;
    if (!s)
        return ew__error_set(err, EW_ERR_NOT_FOUND, "unknown shape '%s'",
                             p->shape ? p->shape : "(none)");
    if (!ew_ftype_name(p->ftype))
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "file type %d is not supported",
                             (int)p->ftype);
    int cap = 11 * s->n_layer + 4;
    tdef *t = malloc((size_t)cap * sizeof *t);
    planned *pl = malloc((size_t)cap * sizeof *pl);
    ew_gguf_writer *w = ew_gguf_writer_new();
    int st = t && pl && w ? EW_OK : ew__error_set(err, EW_ERR_NOMEM, "no memory");
    int n = st ? 0 : list_tensors(s, t);
    if (!st) {
        write_meta(w, s, p);
        st = p->vocab_path ? ew__vocab_copy(w, p->vocab_path, s->n_vocab, err)
                           : ew__vocab_generate(w, s->n_vocab, s->pre, err);
    }
    if (!st) st = declare_tensors(w, s, p->ftype, t, n, pl, err);
    ew__out_file o;
    if (!st) st = ew__out_open(&o, out, err);
    if (!st) {
        st = write_tensors(w, p, t, n, pl, o.f, err);
        if (!st)
            st = ew__out_commit(&o, err);
        else
            ew__out_abort(&o);
    }
    ew_gguf_writer_free(w);
    free(t);
    free(pl);
    return st;
}
