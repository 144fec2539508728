/* Model loading: hyper-parameters from the GGUF metadata and weights used in
 * place from the mapping. Everything a file declares is checked here (limits,
 * divisibility, every tensor's shape and type), so the forward pass can trust
 * the model. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "local/model.h"

/* ---- metadata ------------------------------------------------------------------ */

static int arch_key(const ew_model *m, char *buf, size_t n, const char *suffix)
{
    const char *arch = m->hp.arch == EW_ARCH_QWEN2 ? "qwen2" : "llama";
    snprintf(buf, n, "%s.%s", arch, suffix);
    return 0;
}

/* Reads an arch-scoped integer key into *out; absent keys keep the default
 * unless required. The value must lie in [lo, hi]. */
static int get_int(ew_model *m, const char *suffix, bool required, int lo, int hi, int *out,
                   ew_error *err)
{
    char key[128];
    arch_key(m, key, sizeof key, suffix);
    int64_t v;
    int st = ew_gguf_get_i64(m->gguf, key, &v);
    if (st == EW_ERR_NOT_FOUND && !required) return EW_OK;
    if (st == EW_ERR_NOT_FOUND)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: metadata key '%s' missing", key);
    if (st)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: metadata key '%s' is not a single integer", key);
    if (v < lo || v > hi)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: %s = %" PRId64 " outside the supported range %d..%d", key, v,
                             lo, hi);
    *out = (int)v;
    return EW_OK;
}

static int get_float(ew_model *m, const char *suffix, float lo, float hi, float *out, ew_error *err)
{
    char key[128];
    arch_key(m, key, sizeof key, suffix);
    float v;
    int st = ew_gguf_get_f32(m->gguf, key, &v);
    if (st == EW_ERR_NOT_FOUND) return EW_OK;
    if (st)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: metadata key '%s' is not a number",
                             key);
    if (!(v >= lo && v <= hi))
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: %s = %g outside %g..%g", key,
                             (double)v, (double)lo, (double)hi);
    *out = v;
    return EW_OK;
}

static int load_arch(ew_model *m, ew_error *err)
{
    const char *s;
    size_t n;
    if (ew_gguf_get_str(m->gguf, "general.architecture", &s, &n))
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: general.architecture missing");
    if (n == 5 && !memcmp(s, "llama", 5)) {
        m->hp.arch = EW_ARCH_LLAMA;
        m->hp.rope_kind = EW_ROPE_NORM;
    } else if (n == 5 && !memcmp(s, "qwen2", 5)) {
        m->hp.arch = EW_ARCH_QWEN2;
        m->hp.rope_kind = EW_ROPE_NEOX;
    } else {
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: unsupported architecture '%.*s' (supported: llama, qwen2)",
                             (int)(n < 64 ? n : 64), s);
    }
    return EW_OK;
}

/* Linear RoPE scaling is supported; other schemes would silently give wrong
 * numbers, so they are refused by name. */
static int load_rope_scaling(ew_model *m, ew_error *err)
{
    char key[128];
    const char *s;
    size_t n;
    float factor = 0;
    arch_key(m, key, sizeof key, "rope.scaling.type");
    int has_type = !ew_gguf_get_str(m->gguf, key, &s, &n);
    if (has_type && !(n == 4 && !memcmp(s, "none", 4)) && !(n == 6 && !memcmp(s, "linear", 6)))
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: unsupported RoPE scaling '%.*s' (supported: none, linear)",
                             (int)(n < 32 ? n : 32), s);
    if (has_type && n == 4) return EW_OK;
    int st = get_float(m, "rope.scaling.factor", 0.0f, 1024.0f, &factor, err);
    if (!st && factor == 0) st = get_float(m, "rope.scale_linear", 0.0f, 1024.0f, &factor, err);
    if (st) return st;
    if (factor > 0 && factor != 1.0f) m->hp.rope_freq_scale = 1.0f / factor;
    return EW_OK;
}

int ew__model_load_hparams(ew_model *m, ew_error *err)
{
    ew_hparams *hp = &m->hp;
    int st = load_arch(m, err);
    if (st) return st;
    hp->n_ctx_train = 2048;
    hp->rope_base = 10000.0f;
    hp->rope_freq_scale = 1.0f;
    hp->rms_eps = 1e-5f;
    if ((st = get_int(m, "embedding_length", true, 1, EW_MAX_EMBD, &hp->n_embd, err)) ||
        (st = get_int(m, "block_count", true, 1, EW_MAX_LAYERS, &hp->n_layer, err)) ||
        (st = get_int(m, "feed_forward_length", true, 1, EW_MAX_FF, &hp->n_ff, err)) ||
        (st = get_int(m, "attention.head_count", true, 1, EW_MAX_HEADS, &hp->n_head, err)) ||
        (st = get_int(m, "context_length", false, 1, EW_MAX_CTX, &hp->n_ctx_train, err)))
        return st;
    hp->n_head_kv = hp->n_head;
    if ((st = get_int(m, "attention.head_count_kv", false, 1, EW_MAX_HEADS, &hp->n_head_kv, err)))
        return st;
    if (hp->n_embd % hp->n_head)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: n_head %d does not divide n_embd %d",
                             hp->n_head, hp->n_embd);
    hp->head_dim = hp->n_embd / hp->n_head;
    int key_len = hp->head_dim, val_len = hp->head_dim;
    if ((st = get_int(m, "attention.key_length", false, 1, EW_MAX_HEAD_DIM, &key_len, err)) ||
        (st = get_int(m, "attention.value_length", false, 1, EW_MAX_HEAD_DIM, &val_len, err)))
        return st;
    if (key_len != val_len)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: key_length %d != value_length %d",
                             key_len, val_len);
    hp->head_dim = key_len;
    if (hp->n_head % hp->n_head_kv)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: n_head_kv %d does not divide n_head %d", hp->n_head_kv,
                             hp->n_head);
    if (hp->head_dim % 2 || hp->head_dim > EW_MAX_HEAD_DIM)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: head dimension %d must be even",
                             hp->head_dim);
    hp->n_rot = hp->head_dim;
    if ((st = get_int(m, "rope.dimension_count", false, 2, EW_MAX_HEAD_DIM, &hp->n_rot, err)))
        return st;
    if (hp->n_rot != hp->head_dim)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: partial RoPE (%d of %d dims) is not supported", hp->n_rot,
                             hp->head_dim);
    if ((st = get_float(m, "rope.freq_base", 1.0f, 1e12f, &hp->rope_base, err)) ||
        (st = get_float(m, "attention.layer_norm_rms_epsilon", 0.0f, 1.0f, &hp->rms_eps, err)) ||
        (st = load_rope_scaling(m, err)))
        return st;
    if ((uint64_t)hp->n_head * hp->head_dim > EW_MAX_EMBD * 4ull)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: attention width too large");
    return EW_OK;
}

/* ---- tensors -------------------------------------------------------------------- */

static const char *type_name(uint32_t type, char *buf, size_t n)
{
    const ew__qtype *qt = ew__qtype_get(type, EW_ISA_REF);
    const char *name = qt ? qt->name : ew_ggml_type_name(type);
    if (name) return name;
    snprintf(buf, n, "type %u", (unsigned)type);
    return buf;
}

/* A tensor with the expected shape (ne1 == 1 for vectors), or NULL (absent
 * and optional). *st is set on any failure. */
static const ew_gguf_tensor *find_shaped(ew_model *m, const char *name, int ne0, int ne1,
                                         bool required, int *st, ew_error *err)
{
    const ew_gguf_tensor *t = ew_gguf_find_tensor(m->gguf, name);
    *st = EW_OK;
    if (!t) {
        if (required)
            *st = ew__error_set(err, EW_ERR_UNSUPPORTED, "model: tensor '%s' missing", name);
        return NULL;
    }
    int ok = t->ne[0] == (uint64_t)ne0 && t->ne[1] == (uint64_t)ne1;
    for (int d = 2; d < EW_GGUF_MAX_DIMS; d++)
        ok = ok && (d >= t->n_dims || t->ne[d] == 1);
    if (!ok) {
        *st = ew__error_set(err, EW_ERR_UNSUPPORTED,
                            "model: tensor '%s' has shape [%" PRIu64 ", %" PRIu64
                            "], expected [%d, %d]",
                            name, t->ne[0], t->n_dims > 1 ? t->ne[1] : 1, ne0, ne1);
        return NULL;
    }
    if ((uintptr_t)t->data % 4) {
        *st = ew__error_set(err, EW_ERR_UNSUPPORTED, "model: tensor '%s' data is misaligned", name);
        return NULL;
    }
    return t;
}

static int get_weight(ew_model *m, const char *name, int ne0, int ne1, bool required, ew_weight *w,
                      ew_error *err)
{
    int st;
    memset(w, 0, sizeof *w);
    const ew_gguf_tensor *t = find_shaped(m, name, ne0, ne1, required, &st, err);
    if (!t) return st;
    const ew__qtype *qt = ew__qtype_of(t->type);
    char tb[32];
    if (!qt || !qt->dot)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: tensor '%s' has unsupported type %s (supported: F32, F16, "
                             "BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K, Q5_K, Q6_K)",
                             name, type_name(t->type, tb, sizeof tb));
    size_t rb = ew__row_bytes(t->type, ne0);
    if (!rb || rb * (uint64_t)ne1 > t->size)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: tensor '%s': %d columns do not fit %s blocks", name, ne0,
                             qt->name);
    w->data = t->data;
    w->qt = qt;
    w->act_qt = ew__qtype_of(qt->act);
    w->type = t->type;
    w->ne0 = ne0;
    w->ne1 = ne1;
    w->row_bytes = rb;
    m->n_params += (uint64_t)ne0 * ne1;
    m->weight_bytes += rb * (uint64_t)ne1;
    return EW_OK;
}

/* An F32 vector of n elements (norm weights, biases). */
static int get_vec(ew_model *m, const char *name, int n, bool required, const float **out,
                   ew_error *err)
{
    int st;
    *out = NULL;
    const ew_gguf_tensor *t = find_shaped(m, name, n, 1, required, &st, err);
    if (!t) return st;
    char tb[32];
    if (t->type != EW_GGML_F32)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: tensor '%s' must be F32, not %s",
                             name, type_name(t->type, tb, sizeof tb));
    *out = t->data;
    m->n_params += (uint64_t)n;
    m->weight_bytes += (uint64_t)n * 4;
    return EW_OK;
}

static int load_layer(ew_model *m, int il, ew_error *err)
{
    const ew_hparams *hp = &m->hp;
    ew_layer *l = &m->layers[il];
    int q_dim = hp->n_head * hp->head_dim, kv_dim = hp->n_head_kv * hp->head_dim;
    char nm[96];
    int st;
#define NAME(suffix) (snprintf(nm, sizeof nm, "blk.%d.%s", il, suffix), nm)
    if ((st = get_vec(m, NAME("attn_norm.weight"), hp->n_embd, true, &l->attn_norm, err)) ||
        (st = get_weight(m, NAME("attn_q.weight"), hp->n_embd, q_dim, true, &l->wq, err)) ||
        (st = get_weight(m, NAME("attn_k.weight"), hp->n_embd, kv_dim, true, &l->wk, err)) ||
        (st = get_weight(m, NAME("attn_v.weight"), hp->n_embd, kv_dim, true, &l->wv, err)) ||
        (st = get_weight(m, NAME("attn_output.weight"), q_dim, hp->n_embd, true, &l->wo, err)) ||
        (st = get_vec(m, NAME("attn_q.bias"), q_dim, false, &l->bq, err)) ||
        (st = get_vec(m, NAME("attn_k.bias"), kv_dim, false, &l->bk, err)) ||
        (st = get_vec(m, NAME("attn_v.bias"), kv_dim, false, &l->bv, err)) ||
        (st = get_vec(m, NAME("attn_output.bias"), hp->n_embd, false, &l->bo, err)) ||
        (st = get_vec(m, NAME("ffn_norm.weight"), hp->n_embd, true, &l->ffn_norm, err)) ||
        (st =
             get_weight(m, NAME("ffn_gate.weight"), hp->n_embd, hp->n_ff, true, &l->w_gate, err)) ||
        (st = get_weight(m, NAME("ffn_up.weight"), hp->n_embd, hp->n_ff, true, &l->w_up, err)) ||
        (st =
             get_weight(m, NAME("ffn_down.weight"), hp->n_ff, hp->n_embd, true, &l->w_down, err)) ||
        (st = get_vec(m, NAME("ffn_gate.bias"), hp->n_ff, false, &l->b_gate, err)) ||
        (st = get_vec(m, NAME("ffn_up.bias"), hp->n_ff, false, &l->b_up, err)) ||
        (st = get_vec(m, NAME("ffn_down.bias"), hp->n_embd, false, &l->b_down, err)))
        return st;
    /* A fused QKV projection would be silently ignored above; refuse it. */
    if (ew_gguf_find_tensor(m->gguf, NAME("attn_qkv.weight")))
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: fused tensor '%s' is not supported",
                             nm);
    if (m->hp.arch == EW_ARCH_QWEN2 && !(l->bq && l->bk && l->bv))
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: qwen2 layer %d lacks its q/k/v biases", il);
#undef NAME
    return EW_OK;
}

int ew__model_load_tensors(ew_model *m, ew_error *err)
{
    ew_hparams *hp = &m->hp;
    const ew_gguf_tensor *te = ew_gguf_find_tensor(m->gguf, "token_embd.weight");
    if (!te)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "model: tensor 'token_embd.weight' missing");
    if (te->n_dims < 2 || te->ne[1] == 0 || te->ne[1] > EW_MAX_VOCAB)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "model: token_embd.weight has an unsupported vocab dimension");
    if (hp->n_vocab == 0) hp->n_vocab = (int)te->ne[1];
    int st;
    if ((st = get_weight(m, "token_embd.weight", hp->n_embd, hp->n_vocab, true, &m->tok_embd,
                         err)) ||
        (st = get_vec(m, "output_norm.weight", hp->n_embd, true, &m->output_norm, err)) ||
        (st = get_weight(m, "output.weight", hp->n_embd, hp->n_vocab, false, &m->output, err)) ||
        (st = get_vec(m, "output.bias", hp->n_vocab, false, &m->output_b, err)) ||
        (st = get_vec(m, "rope_freqs.weight", hp->n_rot / 2, false, &m->rope_freqs, err)))
        return st;
    m->tied = m->output.data == NULL;
    if (m->tied) m->output = m->tok_embd;
    m->layers = calloc((size_t)hp->n_layer, sizeof *m->layers);
    if (!m->layers) return ew__error_set(err, EW_ERR_NOMEM, "model: out of memory");
    for (int il = 0; il < hp->n_layer; il++)
        if ((st = load_layer(m, il, err))) return st;
    return EW_OK;
}
