/* The public engine API: models, sessions, evaluation and logits. Sampling is
 * in sampler.c, the generation loop in generate.c, the math in forward.c. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/log.h"
#include "local/model.h"
#include "local/stop_text.h"
#include "local/tokenizer.h"

/* ---- models ---------------------------------------------------------------------- */

static void read_name(ew_model *m)
{
    const char *s;
    size_t n;
    if (!ew_gguf_get_str(m->gguf, "general.name", &s, &n)) {
        if (n >= sizeof m->name) n = sizeof m->name - 1;
        memcpy(m->name, s, n);
        m->name[n] = 0;
    }
    uint32_t ft;
    m->file_type = ew_gguf_get_u32(m->gguf, "general.file_type", &ft) ? UINT32_MAX : ft;
}

/* Longest piece any token decodes to, for the generation loop's buffer. */
static int max_piece_len(const ew_tokenizer *tok)
{
    int n = ew_tokenizer_n_vocab(tok), max = 0;
    for (int i = 0; i < n; i++) {
        const char *p;
        size_t len;
        if (!ew_tokenizer_token_to_piece(tok, i, true, &p, &len) && (int)len > max) max = (int)len;
    }
    return max;
}

int ew_model_open(const char *path, const char *expected_sha256, ew_model **out, ew_error *err)
{
    *out = NULL;
    ew_model *m = calloc(1, sizeof *m);
    if (!m) return ew__error_set(err, EW_ERR_NOMEM, "model: out of memory");
    int st = ew_gguf_open(path, expected_sha256, &m->gguf, err);
    if (!st) st = ew__model_load_hparams(m, err);
    if (!st) st = ew__tokenizer_from_gguf(m->gguf, &m->tok, err);
    if (!st) {
        m->hp.n_vocab = ew_tokenizer_n_vocab(m->tok);
        if (m->hp.n_vocab <= 0 || m->hp.n_vocab > EW_MAX_VOCAB)
            st = ew__error_set(err, EW_ERR_UNSUPPORTED, "model: vocab size %d out of range",
                               m->hp.n_vocab);
    }
    if (!st) st = ew__model_load_tensors(m, err);
    if (st) {
        ew_model_close(m);
        return st;
    }
    read_name(m);
    m->max_piece = max_piece_len(m->tok);
    /* the tokenizer and the hyper-parameters are copied out: from here on
     * only tensor pages need to be resident */
    ew_gguf_release_header(m->gguf);
    ew__info(NULL, "model %s: %s, %d layers, n_embd %d, %d heads (%d kv), vocab %d, %.1f MiB", path,
             m->hp.arch == EW_ARCH_QWEN2 ? "qwen2" : "llama", m->hp.n_layer, m->hp.n_embd,
             m->hp.n_head, m->hp.n_head_kv, m->hp.n_vocab, (double)m->weight_bytes / 1048576.0);
    *out = m;
    return EW_OK;
}

void ew_model_close(ew_model *m)
{
    if (!m) return;
    ew_tokenizer_free(m->tok);
    free(m->layers);
    ew_gguf_close(m->gguf);
    free(m);
}

void ew_model_get_info(const ew_model *m, ew_model_info *info)
{
    const ew_hparams *hp = &m->hp;
    memset(info, 0, sizeof *info);
    snprintf(info->arch, sizeof info->arch, "%s", hp->arch == EW_ARCH_QWEN2 ? "qwen2" : "llama");
    snprintf(info->name, sizeof info->name, "%s", m->name);
    info->n_vocab = hp->n_vocab;
    info->n_embd = hp->n_embd;
    info->n_layer = hp->n_layer;
    info->n_head = hp->n_head;
    info->n_head_kv = hp->n_head_kv;
    info->head_dim = hp->head_dim;
    info->n_ff = hp->n_ff;
    info->n_ctx_train = hp->n_ctx_train;
    info->rope_freq_base = hp->rope_base;
    info->rope_freq_scale = hp->rope_freq_scale;
    info->rms_eps = hp->rms_eps;
    info->tied_embeddings = m->tied;
    info->file_type = m->file_type;
    info->n_params = m->n_params;
    info->file_size = ew_gguf_file_size(m->gguf);
    info->weight_bytes = m->weight_bytes;
    ew_tokenizer_info ti;
    ew_tokenizer_get_info(m->tok, &ti);
    info->bos_id = ti.bos;
    info->eos_id = ti.eos;
    snprintf(info->tokenizer_fingerprint, sizeof info->tokenizer_fingerprint, "%s", ti.fingerprint);
}

int ew_model_n_vocab(const ew_model *m)
{
    return m->hp.n_vocab;
}

const ew_tokenizer *ew_model_tokenizer(const ew_model *m)
{
    return m->tok;
}

int ew_model_apply_chat(const ew_model *m, const ew_message *messages, int n,
                        bool add_generation_prompt, char *out, size_t cap, size_t *len,
                        ew_error *err)
{
    return ew_tokenizer_apply_chat(m->tok, messages, n, add_generation_prompt, out, cap, len, err);
}

/* ---- sessions ---------------------------------------------------------------------- */

void ew_session_params_init(ew_session_params *p)
{
    memset(p, 0, sizeof *p);
    p->kv_type = EW_KV_F16;
}

/* Bytes of n elements of size sz, or SIZE_MAX when it would overflow. */
static size_t mul_size(size_t a, size_t b)
{
    return b && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

static void *alloc_floats(size_t a, size_t b, size_t *total)
{
    size_t n = mul_size(mul_size(a, b), sizeof(float));
    if (n == SIZE_MAX) return NULL;
    *total += n;
    return malloc(n ? n : 1);
}

static int session_alloc(ew_session *s, size_t *total)
{
    const ew_model *m = s->m;
    const ew_hparams *hp = &m->hp;
    size_t B = (size_t)s->n_batch, q_dim = (size_t)hp->n_head * hp->head_dim;
    size_t kv_dim = (size_t)hp->n_head_kv * hp->head_dim;
    size_t esz = s->kv_type == EW_KV_F32 ? 4 : 2;
    s->kv_row_bytes = kv_dim * esz;
    s->kv_layer_bytes = mul_size(s->kv_row_bytes, (size_t)s->n_ctx);
    size_t kv_bytes = mul_size(s->kv_layer_bytes, (size_t)s->n_layer_run);
    if (kv_bytes == SIZE_MAX) return EW_ERR_TOO_LARGE;
    s->k_cache = malloc(kv_bytes);
    s->v_cache = malloc(kv_bytes);
    *total += 2 * kv_bytes;
    s->tokens = malloc((size_t)s->n_ctx * sizeof *s->tokens);
    s->x = alloc_floats(B, (size_t)hp->n_embd, total);
    s->xn = alloc_floats(B, (size_t)hp->n_embd, total);
    s->q = alloc_floats(B, q_dim, total);
    s->k = alloc_floats(B, kv_dim, total);
    s->v = alloc_floats(B, kv_dim, total);
    s->att = alloc_floats(B, q_dim, total);
    s->rope = alloc_floats(B, (size_t)hp->n_rot, total);
    s->scores = alloc_floats((size_t)s->n_threads, (size_t)s->n_ctx, total);
    s->qconv = alloc_floats((size_t)s->n_threads, (size_t)hp->head_dim, total);
    s->logits = alloc_floats((size_t)s->logit_rows, (size_t)hp->n_vocab, total);
    s->gen_buf = malloc(ew__stop_text_size(m));
    ew__act_need need;
    ew__forward_act_need(m, s->n_threads, &need);
    for (int i = 0; i < need.n_bufs; i++) {
        s->act[i] = malloc(mul_size(B, need.row_in));
        *total += B * need.row_in;
        if (!s->act[i]) return EW_ERR_NOMEM;
    }
    s->act_mid = malloc(mul_size(B, need.row_mid));
    *total += B * need.row_mid;
    /* per thread: EW_MAX_ACT pointers, then the buffers they point to */
    size_t T = (size_t)s->n_threads;
    s->act_priv = malloc(T * EW_MAX_ACT * (sizeof(void *) + need.row_in));
    *total += T * EW_MAX_ACT * (sizeof(void *) + need.row_in);
    if (!s->act_mid || !s->act_priv) return EW_ERR_NOMEM;
    char *priv = (char *)(s->act_priv + T * EW_MAX_ACT);
    for (size_t i = 0; i < T * EW_MAX_ACT; i++)
        s->act_priv[i] = priv + i * need.row_in;
    s->ffn_chunk = need.ffn_chunk;
    s->ffn_priv = alloc_floats(T * 2 * B, (size_t)need.ffn_chunk, total);
    s->xn_priv = alloc_floats(T, (size_t)hp->n_embd, total);
    s->xo = alloc_floats(B, (size_t)hp->n_embd, total);
    if (!s->xn_priv || !s->xo) return EW_ERR_NOMEM;
    if (!s->k_cache || !s->v_cache || !s->tokens || !s->x || !s->xn || !s->q || !s->k || !s->v ||
        !s->att || !s->ffn_priv || !s->rope || !s->scores || !s->qconv || !s->logits || !s->gen_buf)
        return EW_ERR_NOMEM;
    return EW_OK;
}

int ew_session_new(const ew_model *m, const ew_session_params *params, ew_session **out,
                   ew_error *err)
{
    *out = NULL;
    ew_session_params p;
    if (params)
        p = *params;
    else
        ew_session_params_init(&p);
    if (p.n_ctx <= 0) p.n_ctx = m->hp.n_ctx_train < 4096 ? m->hp.n_ctx_train : 4096;
    if (p.n_batch <= 0) p.n_batch = 256;
    if (p.n_threads <= 0) p.n_threads = 1;
    if (p.n_ctx > EW_MAX_CTX || p.n_batch > EW_MAX_BATCH || p.n_threads > 256 ||
        (p.kv_type != EW_KV_F16 && p.kv_type != EW_KV_F32))
        return ew__error_set(err, EW_ERR_INVALID,
                             "session: n_ctx <= %d, n_batch <= %d, n_threads <= 256 and a valid "
                             "KV type are required",
                             EW_MAX_CTX, EW_MAX_BATCH);
    if (p.n_layer_exit < 0 || p.n_layer_exit > m->hp.n_layer)
        return ew__error_set(err, EW_ERR_INVALID, "session: n_layer_exit %d outside 0..%d",
                             p.n_layer_exit, m->hp.n_layer);
    if (p.n_batch > p.n_ctx) p.n_batch = p.n_ctx;
    ew_session *s = calloc(1, sizeof *s);
    if (!s) return ew__error_set(err, EW_ERR_NOMEM, "session: out of memory");
    s->m = m;
    s->n_ctx = p.n_ctx;
    s->n_batch = p.n_batch;
    s->n_threads = p.n_threads;
    s->kv_type = p.kv_type;
    s->logits_all = p.logits_all;
    s->logit_rows = p.logits_all ? p.n_batch : p.n_logits < 1 ? 1 : p.n_logits;
    if (s->logit_rows > p.n_batch) s->logit_rows = p.n_batch;
    s->n_layer_run = p.n_layer_exit ? p.n_layer_exit : m->hp.n_layer;
    s->f16_qt = ew__qtype_of(EW_GGML_F16);
    size_t total = 0;
    int st = session_alloc(s, &total);
    if (!st) st = ew__pool_new(p.n_threads, &s->pool);
    if (st) {
        ew_session_free(s);
        return ew__error_set(err, st, "session: cannot allocate %zu bytes of buffers", total);
    }
    s->mem_bytes = total;
    ew__info(NULL, "session: n_ctx %d, n_batch %d, %d threads, KV %s, %.1f MiB of buffers",
             s->n_ctx, s->n_batch, s->n_threads, s->kv_type == EW_KV_F32 ? "f32" : "f16",
             (double)total / 1048576.0);
    *out = s;
    return EW_OK;
}

void ew_session_free(ew_session *s)
{
    if (!s) return;
    ew__pool_free(s->pool);
    free(s->k_cache);
    free(s->v_cache);
    free(s->tokens);
    free(s->x);
    free(s->xn);
    free(s->q);
    free(s->k);
    free(s->v);
    free(s->att);
    free(s->ffn_priv);
    free(s->rope);
    free(s->scores);
    free(s->qconv);
    free(s->logits);
    free(s->gen_buf);
    for (int i = 0; i < EW_MAX_ACT; i++)
        free(s->act[i]);
    free(s->act_mid);
    free(s->act_priv);
    free(s->xn_priv);
    free(s->xo);
    free(s);
}

int ew_session_eval(ew_session *s, const int32_t *tokens, int n, ew_error *err)
{
    if (n < 1 || n > s->n_batch)
        return ew__error_set(err, EW_ERR_INVALID, "eval: %d tokens (1..%d per call)", n,
                             s->n_batch);
    if (n > s->n_ctx - s->n_past)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "eval: context full (%d of %d positions)",
                             s->n_past, s->n_ctx);
    for (int i = 0; i < n; i++)
        if (tokens[i] < 0 || tokens[i] >= s->m->hp.n_vocab)
            return ew__error_set(err, EW_ERR_INVALID, "eval: token id %d outside the vocab (%d)",
                                 (int)tokens[i], s->m->hp.n_vocab);
    s->batch = tokens;
    s->n_tok = n;
    ew__forward(s);
    memcpy(s->tokens + s->n_past, tokens, (size_t)n * sizeof *tokens);
    s->n_past += n;
    return EW_OK;
}

int ew_session_n_past(const ew_session *s)
{
    return s->n_past;
}

int ew_session_n_ctx(const ew_session *s)
{
    return s->n_ctx;
}

int ew_session_n_batch(const ew_session *s)
{
    return s->n_batch;
}

int ew_session_rewind(ew_session *s, int n_past)
{
    if (n_past < 0 || n_past > s->n_past) return EW_ERR_INVALID;
    s->n_past = n_past;
    return EW_OK;
}

const float *ew_session_logits(const ew_session *s, int i)
{
    if (s->n_last == 0) return NULL;
    if (i == -1) i = s->n_last - 1;
    if (i < 0 || i >= s->n_last) return NULL;
    int row = i - (s->n_last - s->n_logits);
    return row < 0 ? NULL : s->logits + (size_t)row * s->m->hp.n_vocab;
}

int ew_session_logprobs(const ew_session *s, int i, float *out)
{
    const float *l = ew_session_logits(s, i);
    if (!l) return EW_ERR_INVALID;
    int n = s->m->hp.n_vocab;
    double lse = ew_logsumexp(l, n);
    for (int j = 0; j < n; j++)
        out[j] = (float)(l[j] - lse);
    return EW_OK;
}

const ew_model *ew_session_model(const ew_session *s)
{
    return s->m;
}

size_t ew_session_memory(const ew_session *s, size_t *kv_bytes)
{
    if (kv_bytes) *kv_bytes = 2 * s->kv_layer_bytes * (size_t)s->n_layer_run;
    return s->mem_bytes;
}
