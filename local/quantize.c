/* `edgeway quantize`: rewrite a GGUF with another type mixture. Metadata is
 * copied; each weight is dequantized row by row and quantized to the type the
 * recipe picks for it (recipe.c); other tensors are copied byte for byte. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/log.h"
#include "local/gguf_write.h"
#include "local/pool.h"
#include "local/quant.h"
#include "local/tools.h"

typedef struct qjob {
    const ew_gguf_tensor *src;
    uint32_t dst_type;
    void *out;
    float *scratch; /* (n_threads, ne0) */
    int status;
} qjob;

static void convert_rows(void *ctx, int ith, int nth)
{
    qjob *j = ctx;
    const ew_gguf_tensor *t = j->src;
    int64_t ne0 = (int64_t)t->ne[0];
    int rows = (int)(t->size / ew__row_bytes(t->type, ne0)), lo, hi;
    const ew__qtype *sq = ew__qtype_get(t->type, EW_ISA_REF);
    size_t srb = ew__row_bytes(t->type, ne0), drb = ew__row_bytes(j->dst_type, ne0);
    float *x = j->scratch + (size_t)ith * (size_t)ne0;
    ew__split(rows, 1, ith, nth, &lo, &hi);
    for (int r = lo; r < hi; r++) {
        sq->dequant((const char *)t->data + (size_t)r * srb, x, ne0);
        if (ew__quantize_row(j->dst_type, x, (char *)j->out + (size_t)r * drb, ne0))
            j->status = EW_ERR_UNSUPPORTED;
    }
}

/* Reads what the recipe needs from the source: arch and layer count. */
static int source_info(const ew_gguf *g, int *n_layer, ew_error *err)
{
    const char *arch;
    size_t n;
    if (ew_gguf_get_str(g, "general.architecture", &arch, &n) || n > 64)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "quantize: general.architecture missing");
    char key[96];
    snprintf(key, sizeof key, "%.*s.block_count", (int)n, arch);
    uint32_t v;
    if (ew_gguf_get_u32(g, key, &v) || v == 0 || v > 4096)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "quantize: %s missing", key);
    *n_layer = (int)v;
    return EW_OK;
}

static int layer_of(const char *name)
{
    int il = 0;
    if (!strncmp(name, "blk.", 4))
        for (const char *p = name + 4; *p >= '0' && *p <= '9' && il < 100000; p++)
            il = il * 10 + (*p - '0');
    return il;
}

static int plan(const ew_gguf *g, int ftype, int n_layer, uint32_t *types, ew__gguf_writer *w,
                ew_error *err)
{
    bool tied = ew_gguf_find_tensor(g, "output.weight") == NULL;
    for (int k = 0; k < ew_gguf_n_kv(g); k++) {
        size_t kl;
        const char *key = ew_gguf_key(g, k, &kl);
        if ((kl == 17 && !memcmp(key, "general.file_type", kl)) ||
            (kl == 28 && !memcmp(key, "general.quantization_version", kl)))
            continue;
        ew__gw_copy_kv(w, g, k);
    }
    ew__gw_u32(w, "general.file_type", (uint32_t)ftype);
    ew__gw_u32(w, "general.quantization_version", 2);
    for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        ew_tensor_role role = ew__tensor_role(t->name, t->n_dims, tied);
        types[i] = role == EW_TROLE_OTHER ? t->type
                                          : ew__tensor_type_for(ftype, role, layer_of(t->name),
                                                                n_layer, (int64_t)t->ne[0]);
        if (types[i] != t->type && !ew__qtype_get(t->type, EW_ISA_REF))
            return ew__error_set(err, EW_ERR_UNSUPPORTED,
                                 "quantize: tensor '%s' has a type we cannot read (%u)", t->name,
                                 (unsigned)t->type);
        ew__gw_tensor(w, t->name, types[i], t->n_dims, t->ne);
    }
    if (w->status) return ew__error_set(err, w->status, "quantize: cannot describe the output");
    int requantized = 0;
    for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
        uint32_t src = ew_gguf_tensor_at(g, i)->type;
        requantized +=
            types[i] != src && src != EW_GGML_F32 && src != EW_GGML_F16 && src != EW_GGML_BF16;
    }
    if (requantized)
        ew__warn(NULL,
                 "quantize: %d tensors are quantized already and are dequantized first; the "
                 "result is worse than quantizing from F16/F32",
                 requantized);
    return EW_OK;
}

static int write_all(const ew_gguf *g, const uint32_t *types, ew__gguf_writer *w, FILE *f,
                     ew__pool *pool, ew_error *err)
{
    size_t max_out = 0, max_ne0 = 0;
    for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        if (w->tensors[i].size > max_out) max_out = (size_t)w->tensors[i].size;
        if (t->ne[0] > max_ne0) max_ne0 = (size_t)t->ne[0];
    }
    qjob j = {0};
    j.out = malloc(max_out ? max_out : 1);
    j.scratch = malloc((size_t)ew__pool_size(pool) * max_ne0 * sizeof(float) + 1);
    int st = j.out && j.scratch ? EW_OK : ew__error_set(err, EW_ERR_NOMEM, "quantize: no memory");
    for (int i = 0; i < ew_gguf_n_tensors(g) && !st; i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        const void *data = t->data;
        if (types[i] != t->type) {
            j.src = t;
            j.dst_type = types[i];
            j.status = EW_OK;
            ew__pool_run(pool, convert_rows, &j);
            if ((st = j.status)) {
                ew__error_set(err, st, "quantize: cannot convert '%s'", t->name);
                break;
            }
            data = j.out;
        }
        if ((st = ew__gw_write_data(w, f, data, w->tensors[i].size)))
            ew__error_set(err, st, "quantize: write failed");
    }
    free(j.out);
    free(j.scratch);
    return st;
}

int ew__quantize_file(const char *in_path, const char *out_path, int ftype, int n_threads,
                      ew_error *err)
{
    if (!ew__ftype_name(ftype))
        return ew__error_set(err, EW_ERR_INVALID, "quantize: unknown type %d", ftype);
    ew_gguf *g = NULL;
    ew__pool *pool = NULL;
    uint32_t *types = NULL;
    FILE *f = NULL;
    ew__gguf_writer w;
    ew__gw_init(&w);
    int n_layer = 0;
    int st = ew_gguf_open(in_path, NULL, &g, err);
    if (!st) st = source_info(g, &n_layer, err);
    if (!st && !(types = calloc((size_t)ew_gguf_n_tensors(g) + 1, sizeof *types)))
        st = ew__error_set(err, EW_ERR_NOMEM, "quantize: out of memory");
    if (!st) {
        w.alignment = ew_gguf_alignment(g);
        st = plan(g, ftype, n_layer, types, &w, err);
    }
    if (!st && (st = ew__pool_new(n_threads > 0 ? n_threads : 1, &pool)))
        ew__error_set(err, st, "quantize: cannot start threads");
    if (!st && !(f = fopen(out_path, "wb")))
        st = ew__error_set(err, EW_ERR_IO, "quantize: %s: %s", out_path, strerror(errno));
    if (!st && (st = ew__gw_write_header(&w, f)))
        ew__error_set(err, st, "quantize: cannot write %s", out_path);
    if (!st) st = write_all(g, types, &w, f, pool, err);
    if (f && fclose(f) && !st)
        st = ew__error_set(err, EW_ERR_IO, "quantize: %s: %s", out_path, strerror(errno));
    if (st && f) remove(out_path);
    ew__gw_cleanup(&w);
    ew__pool_free(pool);
    free(types);
    ew_gguf_close(g);
    return st;
}
