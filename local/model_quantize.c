/* ew_model_quantize: every tensor of a GGUF converted to a file type's
 * mixture, all metadata carried over. Rows are dequantized to F32 and
 * quantized again a chunk at a time on a thread pool. */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/log.h"
#include "edgeway/model_tools.h"
#include "local/gguf.h"
#include "local/model_write.h"
#include "local/quant.h"

#define QUANT_VERSION 2 /* ggml's GGML_QNT_VERSION: the block layouts in quant.h */
#define COPY_CHUNK    (1u << 20)

void ew_quantize_params_init(ew_quantize_params *p)
{
    *p = (ew_quantize_params){.ftype = EW_FTYPE_Q8_0, .n_threads = 1};
}

/* One planned tensor. */
typedef struct qplan {
    const ew_gguf_tensor *src;
    uint32_t type;
    bool fallback;
} qplan;

typedef struct src_rows {
    const uint8_t *data;
    size_t row_bytes;
    ew__dequant_fn dequant;
    int64_t ne0;
} src_rows;

static void dequant_row(void *ctx, int64_t row, float *out)
{
    const src_rows *s = ctx;
    s->dequant(s->data + (size_t)row * s->row_bytes, out, s->ne0);
}

static int count_tensors(const ew_gguf *g, const char *a, const char *b)
{
    int n = 0;
    for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
        const char *name = ew_gguf_tensor_at(g, i)->name;
        n += strstr(name, a) || (b && strstr(name, b));
    }
    return n;
}

static int is_quantized(uint32_t t)
{
    return t != EW_GGML_F32 && t != EW_GGML_F16 && t != EW_GGML_BF16;
}

/* Copies the metadata, chooses every tensor's type and declares it. */
static int plan_file(const ew_gguf *g, ew_ftype ftype, ew_gguf_writer *w, qplan *plan,
                     ew_error *err)
{
    for (int k = 0; k < ew_gguf_n_kv(g); k++)
        ew_gguf_writer_copy_kv(w, g, k);
    ew_gguf_writer_set_u32(w, "general.file_type", (uint32_t)ftype);
    ew_gguf_writer_set_u32(w, "general.quantization_version", QUANT_VERSION);

    int n_layer = ew__model_n_layer(g);
    if (n_layer < 0) n_layer = count_tensors(g, "ffn_down", NULL);
    ew__mix mix;
    ew__mix_init(&mix, ftype, n_layer, count_tensors(g, "attn_v.weight", "attn_qkv.weight"),
                 ew_gguf_find_tensor(g, "output.weight") != NULL);
    for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        plan[i].src = t;
        plan[i].type = ew__mix_type(&mix, t->name, t->n_dims, t->ne, t->type, &plan[i].fallback);
        if (plan[i].type != t->type && !ew__qtype_get(t->type, EW_ISA_REF)) {
            const char *tn = ew_ggml_type_name(t->type);
            return ew__error_set(err, EW_ERR_UNSUPPORTED, "tensor %s: cannot read type %s", t->name,
                                 tn ? tn : "(unknown)");
        }
        ew_gguf_writer_add_tensor(w, t->name, plan[i].type, t->n_dims, t->ne);
    }
    return ew_gguf_writer_status(w, err);
}

/* Writes one tensor: a copy when the type stays, else a row conversion. */
static int write_tensor(ew_gguf_writer *w, ew__pool *pool, const qplan *q, ew_error *err)
{
    const ew_gguf_tensor *t = q->src;
    if (q->type == t->type) {
        int st = EW_OK;
        for (uint64_t off = 0; off < t->size && !st; off += COPY_CHUNK) {
            uint64_t n = t->size - off < COPY_CHUNK ? t->size - off : COPY_CHUNK;
            st = ew_gguf_writer_write(w, (const uint8_t *)t->data + off, (size_t)n, err);
        }
        return st;
    }
    int64_t ne0 = (int64_t)t->ne[0];
    src_rows s = {t->data, ew__row_bytes(t->type, ne0), ew__qtype_of(t->type)->dequant, ne0};
    int64_t rows = (int64_t)(t->ne[1] * t->ne[2] * t->ne[3]);
    return ew__write_rows(w, pool, t->name, q->type, ne0, rows, dequant_row, &s, err);
}

static void report_tensor(const ew_quantize_params *p, const qplan *q, int i, int n, uint64_t bytes)
{
    if (!p->on_tensor) return;
    ew_tensor_report r = {.index = i,
                          .count = n,
                          .name = q->src->name,
                          .from = ew_ggml_type_name(q->src->type),
                          .to = ew_ggml_type_name(q->type),
                          .requantized = q->type != q->src->type && is_quantized(q->src->type),
                          .fallback = q->fallback,
                          .bytes = bytes};
    p->on_tensor(p->user, &r);
}

static int write_file(const ew_gguf *g, const qplan *plan, ew_gguf_writer *w,
                      const ew_quantize_params *p, const char *out, ew_error *err)
{
    ew__out_file o;
    ew__pool *pool = NULL;
    int st = ew__out_open(&o, out, err);
    if (st) return st;
    if (p->n_threads > 1 && ew__pool_new(p->n_threads, &pool))
        st = ew__error_set(err, EW_ERR_NOMEM, "cannot start %d threads", p->n_threads);
    if (!st) st = ew_gguf_writer_begin(w, o.f, err);
    int n = ew_gguf_n_tensors(g);
    for (int i = 0; i < n && !st; i++) {
        st = write_tensor(w, pool, &plan[i], err);
        if (!st) report_tensor(p, &plan[i], i, n, ew_gguf_writer_tensor_size(w, i));
    }
    if (!st) st = ew_gguf_writer_finish(w, err);
    ew__pool_free(pool);
    if (!st) return ew__out_commit(&o, err);
    ew__out_abort(&o);
    return st;
}

int ew_model_quantize(const char *in, const char *out, const ew_quantize_params *p,
                      ew_quantize_stats *stats, ew_error *err)
{
    if (!ew_ftype_name(p->ftype))
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "file type %d is not supported",
                             (int)p->ftype);
    ew_gguf *g = NULL;
    int st = ew_gguf_open(in, NULL, &g, err);
    if (st) return st;
    int n = ew_gguf_n_tensors(g);
    qplan *plan = calloc(n ? (size_t)n : 1, sizeof *plan);
    ew_gguf_writer *w = ew_gguf_writer_new();
    if (!plan || !w) st = ew__error_set(err, EW_ERR_NOMEM, "no memory");
    if (!st) st = plan_file(g, p->ftype, w, plan, err);
    ew_quantize_stats s = {.n_tensors = n, .bytes_in = ew_gguf_file_size(g)};
    for (int i = 0; i < n && !st; i++) {
        s.n_fallback += plan[i].fallback;
        if (plan[i].type != plan[i].src->type && is_quantized(plan[i].src->type)) s.n_requantized++;
    }
    if (!st && s.n_requantized)
        ew__warn(NULL,
                 "%s: %d tensors are already quantized and are dequantized first; quality "
                 "suffers compared to quantizing from F16/F32",
                 in, s.n_requantized);
    if (!st) st = write_file(g, plan, w, p, out, err);
    s.bytes_out = st ? 0 : ew_gguf_writer_file_size(w);
    if (stats) *stats = s;
    ew_gguf_writer_free(w);
    free(plan);
    ew_gguf_close(g);
    return st;
}
