/* The transformer forward pass (llama and qwen2), run by every thread of the
 * session's pool as one job, with barriers between stages. Work inside a
 * stage is split so that each output value is computed by exactly one thread
 * with the same arithmetic whatever the thread count: results do not depend
 * on -t.
 *
 * The numerics follow llama.cpp: RMSNorm sums squares in double; matrix
 * products quantize activations to the weight type's dot type first; the
 * attention softmax is a plain max-subtracted softmax summed in double. */
#include <math.h>
#include <string.h>

#include "local/model.h"

#define MAX_ACT EW_MAX_ACT

typedef struct act_set {
    int n;
    uint32_t type[MAX_ACT];
    const ew__qtype *qt[MAX_ACT];
} act_set;

/* Adds w's activation type to the set (a stage has at most MAX_ACT weights,
 * so the set cannot overflow). */
static void act_set_add(act_set *a, const ew_weight *w)
{
    for (int i = 0; i < a->n; i++)
        if (a->type[i] == w->qt->act) return;
    a->type[a->n] = w->qt->act;
    a->qt[a->n] = w->act_qt;
    a->n++;
}

static act_set act_set_of(const ew_weight *a, const ew_weight *b, const ew_weight *c)
{
    act_set s;
    s.n = 0;
    act_set_add(&s, a);
    if (b) act_set_add(&s, b);
    if (c) act_set_add(&s, c);
    return s;
}

static int act_index(const act_set *a, const ew_weight *w)
{
    for (int i = 0; i < a->n; i++)
        if (a->type[i] == w->qt->act) return i;
    return 0;
}

/* RMSNorm of one row, times the norm weight. */
static void rms_norm(const float *x, const float *w, float *y, int n, float eps)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += (double)(x[i] * x[i]);
    float mean = (float)(sum / n);
    float scale = 1.0f / sqrtf(mean + eps);
    for (int i = 0; i < n; i++)
        y[i] = x[i] * scale * w[i];
}

/* Quantizes rows [lo, hi) of src (stride dim) into every type of the set. */
static void quantize_rows(void *const *bufs, const act_set *a, const float *src, int dim, int lo,
                          int hi)
{
    for (int i = 0; i < a->n; i++) {
        size_t rb = ew__row_bytes(a->type[i], dim);
        for (int t = lo; t < hi; t++)
            a->qt[i]->quant_act(src + (size_t)t * dim, (char *)bufs[i] + (size_t)t * rb, dim);
    }
}

/* Quantizes columns [lo, hi) of the n rows of src (src_stride floats apart;
 * src points at column lo) into the rows of dst, laid out as rows of dim
 * elements of type t; lo and hi are multiples of t's block. Threads that own
 * disjoint column ranges fill one buffer together. */
static void quantize_cols(const ew__qtype *qt, uint32_t type, const float *src, size_t src_stride,
                          int dim, int n, int lo, int hi, void *dst)
{
    if (lo >= hi) return;
    size_t rb = ew__row_bytes(type, dim), off = (size_t)(lo / qt->blck) * qt->bytes;
    for (int t = 0; t < n; t++)
        qt->quant_act(src + (size_t)t * src_stride, (char *)dst + (size_t)t * rb + off, hi - lo);
}

/* out[t*out_stride + r - lo] = w[r] . act[t] for r in [lo, hi), every token. */
static void gemm_into(void *const *bufs, const ew_weight *w, const act_set *a, int lo, int hi,
                      int n_tok, float *out, size_t out_stride)
{
    if (lo >= hi) return;
    int ai = act_index(a, w);
    size_t arb = ew__row_bytes(a->type[ai], w->ne0);
    w->qt->gemm(w->ne0, (const char *)w->data + (size_t)lo * w->row_bytes, w->row_bytes, hi - lo,
                bufs[ai], arb, n_tok, out, out_stride);
}

/* out[t*out_stride + r] = w[r] . act[t] for r in [lo, hi), every token. */
static void gemm_rows(void *const *bufs, const ew_weight *w, const act_set *a, int lo, int hi,
                      int n_tok, float *out, size_t out_stride)
{
    gemm_into(bufs, w, a, lo, hi, n_tok, out + lo, out_stride);
}

/* RMSNorm and activation quantization of the rows of x a stage reads. A
 * single row (generation) is done by every thread into its own buffers, so
 * no barrier is needed; a batch is split by rows and shared. Returns the
 * buffers the stage's matrix products read. */
static void *const *norm_quant(ew_session *s, const float *x, const float *w, const act_set *a,
                               int n, int ith, int nth)
{
    const ew_hparams *hp = &s->m->hp;
    if (n == 1) {
        float *xn = s->xn_priv + (size_t)ith * hp->n_embd;
        void **bufs = s->act_priv + (size_t)ith * EW_MAX_ACT;
        rms_norm(x, w, xn, hp->n_embd, hp->rms_eps);
        quantize_rows(bufs, a, xn, hp->n_embd, 0, 1);
        return bufs;
    }
    int lo, hi;
    ew__split(n, 1, ith, nth, &lo, &hi);
    for (int t = lo; t < hi; t++)
        rms_norm(x + (size_t)t * hp->n_embd, w, s->xn + (size_t)t * hp->n_embd, hp->n_embd,
                 hp->rms_eps);
    quantize_rows(s->act, a, s->xn, hp->n_embd, lo, hi);
    ew__pool_barrier(s->pool);
    return s->act;
}

static void add_bias(float *out, size_t stride, const float *b, int lo, int hi, int n_tok)
{
    if (!b) return;
    for (int t = 0; t < n_tok; t++)
        for (int r = lo; r < hi; r++)
            out[(size_t)t * stride + r] += b[r];
}

/* cos/sin pairs for every token's position, the way ggml's rope cache does:
 * theta_i = p * base^(-2i/n_rot), divided by the optional frequency factor
 * and multiplied by the linear scale. */
static void rope_cache(const ew_model *m, int pos, float *cache)
{
    const ew_hparams *hp = &m->hp;
    float theta_scale = powf(hp->rope_base, -2.0f / (float)hp->n_rot);
    float theta = (float)pos;
    for (int i = 0; i < hp->n_rot / 2; i++) {
        float ff = m->rope_freqs ? m->rope_freqs[i] : 1.0f;
        float th = hp->rope_freq_scale * (theta / ff);
        cache[2 * i] = cosf(th);
        cache[2 * i + 1] = sinf(th);
        theta *= theta_scale;
    }
}

static void rope_apply(const ew_hparams *hp, const float *cache, float *x, int n_heads)
{
    int half = hp->n_rot / 2;
    for (int h = 0; h < n_heads; h++, x += hp->head_dim) {
        for (int i = 0; i < half; i++) {
            float c = cache[2 * i], sn = cache[2 * i + 1];
            int a = hp->rope_kind == EW_ROPE_NEOX ? i : 2 * i;
            int b = hp->rope_kind == EW_ROPE_NEOX ? i + half : 2 * i + 1;
            float x0 = x[a], x1 = x[b];
            x[a] = x0 * c - x1 * sn;
            x[b] = x0 * sn + x1 * c;
        }
    }
}

static inline void *kv_at(const ew_session *s, void *cache, int layer, int pos)
{
    return (char *)cache + (size_t)layer * s->kv_layer_bytes + (size_t)pos * s->kv_row_bytes;
}

/* One query head of one token over positions 0..pos. */
static void attend(ew_session *s, int layer, int t, int h, int ith)
{
    const ew_hparams *hp = &s->m->hp;
    int hd = hp->head_dim, pos = s->n_past + t, kvh = h / (hp->n_head / hp->n_head_kv);
    const float *q = s->q + (size_t)t * hp->n_head * hd + (size_t)h * hd;
    float *out = s->att + (size_t)t * hp->n_head * hd + (size_t)h * hd;
    float *sc = s->scores + (size_t)ith * s->n_ctx;
    const ew__qtype *kq = ew__qtype_of(s->kv_type == EW_KV_F32 ? EW_GGML_F32 : EW_GGML_F16);
    const void *qv = q;
    if (s->kv_type == EW_KV_F16) {
        /* like ggml: q is rounded to the cache's type before the dot */
        void *qc = (char *)s->qconv + (size_t)ith * hd * sizeof(ew_f16);
        kq->quant_act(q, qc, hd);
        qv = qc;
    }
    size_t off = (size_t)kvh * hd * (s->kv_type == EW_KV_F32 ? 4 : 2);
    float scale = 1.0f / sqrtf((float)hd), max = -INFINITY;
    kq->dot_rows(hd, (const char *)kv_at(s, s->k_cache, layer, 0) + off, s->kv_row_bytes, pos + 1,
                 qv, sc);
    for (int j = 0; j <= pos; j++) {
        sc[j] *= scale;
        max = fmaxf(max, sc[j]);
    }
    double sum = 0;
    for (int j = 0; j <= pos; j++) {
        sc[j] = expf(sc[j] - max);
        sum += sc[j];
    }
    float inv = (float)(1.0 / sum);
    for (int j = 0; j <= pos; j++)
        sc[j] *= inv;
    memset(out, 0, (size_t)hd * sizeof *out);
    kq->axpy_rows(hd, sc, (const char *)kv_at(s, s->v_cache, layer, 0) + off, s->kv_row_bytes,
                  pos + 1, out);
}

/* Rows [lo, hi) of the joint q|k|v output are whole heads (the split is
 * aligned to head_dim): rotate them, and store this thread's k and v heads
 * in the cache, for every token. */
static void rope_and_store(ew_session *s, int il, int lo, int hi)
{
    const ew_hparams *hp = &s->m->hp;
    int hd = hp->head_dim, q_dim = hp->n_head * hd, kv_dim = hp->n_head_kv * hd;
    bool f32 = s->kv_type == EW_KV_F32;
    for (int r = lo; r < hi; r += hd) {
        for (int t = 0; t < s->n_tok; t++) {
            const float *rc = s->rope + (size_t)t * hp->n_rot;
            if (r < q_dim) {
                rope_apply(hp, rc, s->q + (size_t)t * q_dim + r, 1);
                continue;
            }
            bool is_k = r < q_dim + kv_dim;
            int off = r - q_dim - (is_k ? 0 : kv_dim);
            float *src = (is_k ? s->k : s->v) + (size_t)t * kv_dim + off;
            if (is_k) rope_apply(hp, rc, src, 1);
            char *dst = (char *)kv_at(s, is_k ? s->k_cache : s->v_cache, il, s->n_past + t) +
                        (size_t)off * (f32 ? 4 : 2);
            if (f32)
                memcpy(dst, src, (size_t)hd * sizeof(float));
            else
                s->f16_qt->quant_act(src, dst, hd);
        }
    }
}

/* Heads per unit of attention work: whole activation blocks of wo's input,
 * so a thread can quantize what it computed. 0 when blocks and heads do not
 * nest (then quantization is a stage of its own). */
static int heads_per_group(const ew_hparams *hp, const ew__qtype *act)
{
    int hd = hp->head_dim, g = act->blck;
    if (hd % g == 0) return 1;
    if (g % hd == 0 && hp->n_head % (g / hd) == 0) return g / hd;
    return 0;
}

static void attention_block(ew_session *s, int il, int ith, int nth)
{
    const ew_model *m = s->m;
    const ew_hparams *hp = &m->hp;
    const ew_layer *L = &m->layers[il];
    act_set a_qkv = act_set_of(&L->wq, &L->wk, &L->wv), a_o = act_set_of(&L->wo, NULL, NULL);
    int n = s->n_tok, lo, hi, hd = hp->head_dim;
    int q_dim = hp->n_head * hd, kv_dim = hp->n_head_kv * hd;

    void *const *bufs = norm_quant(s, s->x, L->attn_norm, &a_qkv, n, ith, nth);

    /* q, k and v rows as one range of whole heads, so every thread gets a
     * fair share and can rotate and cache its heads without waiting */
    ew__split(q_dim + 2 * kv_dim, hd, ith, nth, &lo, &hi);
    const ew_weight *ws[3] = {&L->wq, &L->wk, &L->wv};
    const float *bs[3] = {L->bq, L->bk, L->bv};
    float *outs[3] = {s->q, s->k, s->v};
    int base = 0;
    for (int i = 0; i < 3; i++) {
        int rows = ws[i]->ne1, a = lo - base, b = hi - base;
        a = a < 0 ? 0 : a;
        b = b > rows ? rows : b;
        gemm_rows(bufs, ws[i], &a_qkv, a, b, n, outs[i], (size_t)rows);
        if (a < b) add_bias(outs[i], (size_t)rows, bs[i], a, b, n);
        base += rows;
    }
    rope_and_store(s, il, lo, hi);
    ew__pool_barrier(s->pool);

    const ew__qtype *oq = a_o.qt[0];
    int gh = heads_per_group(hp, oq), groups = gh ? hp->n_head / gh : hp->n_head;
    ew__split(n * groups, 1, ith, nth, &lo, &hi);
    for (int i = lo; i < hi; i++) {
        int t = i / groups, h0 = (i % groups) * (gh ? gh : 1), h1 = h0 + (gh ? gh : 1);
        for (int h = h0; h < h1; h++)
            attend(s, il, t, h, ith);
        if (gh) {
            size_t rb = ew__row_bytes(a_o.type[0], q_dim);
            oq->quant_act(s->att + (size_t)t * q_dim + (size_t)h0 * hd,
                          (char *)s->act_mid + (size_t)t * rb +
                              (size_t)(h0 * hd / oq->blck) * oq->bytes,
                          (h1 - h0) * hd);
        }
    }
    ew__pool_barrier(s->pool);
    if (!gh) {
        ew__split(n, 1, ith, nth, &lo, &hi);
        quantize_rows(&s->act_mid, &a_o, s->att, q_dim, lo, hi);
        ew__pool_barrier(s->pool);
    }

    ew__split(hp->n_embd, 16, ith, nth, &lo, &hi);
    gemm_rows(&s->act_mid, &L->wo, &a_o, lo, hi, n, s->xo, (size_t)hp->n_embd);
    for (int t = 0; t < n; t++)
        for (int r = lo; r < hi; r++)
            s->x[(size_t)t * hp->n_embd + r] +=
                s->xo[(size_t)t * hp->n_embd + r] + (L->bo ? L->bo[r] : 0.0f);
    ew__pool_barrier(s->pool);
}

static inline float silu(float x)
{
    return x / (1.0f + expf(-x));
}

static int lcm(int a, int b)
{
    int x = a, y = b;
    while (y) {
        int r = x % y;
        x = y;
        y = r;
    }
    return a / x * b;
}

static void ffn_block(ew_session *s, int il, int ith, int nth)
{
    const ew_hparams *hp = &s->m->hp;
    const ew_layer *L = &s->m->layers[il];
    act_set a_ffn = act_set_of(&L->w_gate, &L->w_up, NULL);
    act_set a_down = act_set_of(&L->w_down, NULL, NULL);
    int n = s->n_tok, lo, hi;

    void *const *bufs = norm_quant(s, s->x, L->ffn_norm, &a_ffn, n, ith, nth);

    /* gate and up rows of one range, aligned to the blocks of w_down's input:
     * this thread applies SwiGLU to them and quantizes them for the down
     * projection without waiting for anyone. It goes a step of rows at a time
     * through its own two buffers of (n_batch * ffn_chunk) floats: ffn_chunk
     * rows for a full batch, its whole range for a single token. */
    const ew__qtype *dq = a_down.qt[0];
    int align = lcm(16, dq->blck);
    size_t cap = (size_t)s->n_batch * (size_t)s->ffn_chunk;
    int step = (int)(cap / (size_t)n / (size_t)align) * align;
    float *g = s->ffn_priv + (size_t)ith * 2 * cap, *u = g + cap;
    ew__split(hp->n_ff, align, ith, nth, &lo, &hi);
    for (int c0 = lo; c0 < hi; c0 += step) {
        int c1 = hi - c0 < step ? hi : c0 + step;
        gemm_into(bufs, &L->w_gate, &a_ffn, c0, c1, n, g, (size_t)step);
        gemm_into(bufs, &L->w_up, &a_ffn, c0, c1, n, u, (size_t)step);
        for (int t = 0; t < n; t++) {
            float *gt = g + (size_t)t * step, *ut = u + (size_t)t * step;
            for (int r = c0; r < c1; r++) {
                float gv = gt[r - c0] + (L->b_gate ? L->b_gate[r] : 0.0f);
                float uv = ut[r - c0] + (L->b_up ? L->b_up[r] : 0.0f);
                gt[r - c0] = silu(gv) * uv;
            }
        }
        quantize_cols(dq, a_down.type[0], g, (size_t)step, hp->n_ff, n, c0, c1, s->act_mid);
    }
    ew__pool_barrier(s->pool);

    ew__split(hp->n_embd, 16, ith, nth, &lo, &hi);
    gemm_rows(&s->act_mid, &L->w_down, &a_down, lo, hi, n, s->xo, (size_t)hp->n_embd);
    for (int t = 0; t < n; t++)
        for (int r = lo; r < hi; r++)
            s->x[(size_t)t * hp->n_embd + r] +=
                s->xo[(size_t)t * hp->n_embd + r] + (L->b_down ? L->b_down[r] : 0.0f);
    ew__pool_barrier(s->pool);
}

/* Final norm and the vocabulary projection for the rows that keep logits. */
static void output_block(ew_session *s, int ith, int nth)
{
    const ew_model *m = s->m;
    const ew_hparams *hp = &m->hp;
    act_set a_out = act_set_of(&m->output, NULL, NULL);
    int n_out = s->n_tok < s->logit_rows ? s->n_tok : s->logit_rows;
    int first = s->n_tok - n_out, lo, hi;

    void *const *bufs =
        norm_quant(s, s->x + (size_t)first * hp->n_embd, m->output_norm, &a_out, n_out, ith, nth);
    ew__split(hp->n_vocab, 16, ith, nth, &lo, &hi);
    gemm_rows(bufs, &m->output, &a_out, lo, hi, n_out, s->logits, (size_t)hp->n_vocab);
    add_bias(s->logits, (size_t)hp->n_vocab, m->output_b, lo, hi, n_out);
}

static void forward_job(void *ctx, int ith, int nth)
{
    ew_session *s = ctx;
    const ew_model *m = s->m;
    const ew_hparams *hp = &m->hp;
    int lo, hi;

    ew__split(s->n_tok, 1, ith, nth, &lo, &hi);
    for (int t = lo; t < hi; t++) {
        const ew_weight *e = &m->tok_embd;
        e->qt->dequant((const char *)e->data + (size_t)s->batch[t] * e->row_bytes,
                       s->x + (size_t)t * hp->n_embd, hp->n_embd);
        rope_cache(m, s->n_past + t, s->rope + (size_t)t * hp->n_rot);
    }
    ew__pool_barrier(s->pool);

    for (int il = 0; il < s->n_layer_run; il++) {
        attention_block(s, il, ith, nth);
        ffn_block(s, il, ith, nth);
    }
    output_block(s, ith, nth);
}

void ew__forward(ew_session *s)
{
    ew__pool_run(s->pool, forward_job, s);
    s->n_logits = s->n_tok < s->logit_rows ? s->n_tok : s->logit_rows;
    s->n_last = s->n_tok;
}

/* Widest activation row of ws (in their activation types) into *row_max. */
static void act_need(const act_set *a, const ew_weight *const *ws, int nw, int *n_bufs,
                     size_t *row_max)
{
    if (a->n > *n_bufs) *n_bufs = a->n;
    for (int i = 0; i < nw; i++) {
        size_t rb = ew__row_bytes(ws[i]->qt->act, ws[i]->ne0);
        if (rb > *row_max) *row_max = rb;
    }
}

void ew__forward_act_need(const ew_model *m, int n_threads, ew__act_need *need)
{
    memset(need, 0, sizeof *need);
    int align = 16, n_mid = 0;
    for (int il = 0; il < m->hp.n_layer; il++) {
        const ew_layer *L = &m->layers[il];
        const ew_weight *qkv[3] = {&L->wq, &L->wk, &L->wv}, *o[1] = {&L->wo};
        const ew_weight *ffn[2] = {&L->w_gate, &L->w_up}, *down[1] = {&L->w_down};
        act_set a = act_set_of(qkv[0], qkv[1], qkv[2]);
        act_need(&a, qkv, 3, &need->n_bufs, &need->row_in);
        a = act_set_of(o[0], NULL, NULL);
        act_need(&a, o, 1, &n_mid, &need->row_mid);
        a = act_set_of(ffn[0], ffn[1], NULL);
        act_need(&a, ffn, 2, &need->n_bufs, &need->row_in);
        a = act_set_of(down[0], NULL, NULL);
        act_need(&a, down, 1, &n_mid, &need->row_mid);
        align = lcm(align, a.qt[0]->blck);
    }
    const ew_weight *out[1] = {&m->output};
    act_set a = act_set_of(out[0], NULL, NULL);
    act_need(&a, out, 1, &need->n_bufs, &need->row_in);
    /* 256 rows of w_gate and w_up stay in L2 while every token of a batch
     * passes over them (fewer would mostly add calls); no more than a
     * thread's share, so that the threads' chunks never exceed n_ff */
    int share = (m->hp.n_ff + n_threads - 1) / n_threads;
    int ch = share < EW_FFN_CHUNK ? share : EW_FFN_CHUNK;
    need->ffn_chunk = (ch + align - 1) / align * align;
}
