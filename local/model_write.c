/* The tensor-type mixture, the parallel row converter and the output file
 * shared by ew_model_quantize and ew_model_synth. */
#include "local/model_write.h"

#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "local/quant.h"

/* ---- file types ------------------------------------------------------------------ */

static const struct {
    ew_ftype t;
    const char *name;
    uint32_t base;
} ftypes[] = {
    {EW_FTYPE_F32, "F32", EW_GGML_F32},        {EW_FTYPE_F16, "F16", EW_GGML_F16},
    {EW_FTYPE_BF16, "BF16", EW_GGML_BF16},     {EW_FTYPE_Q8_0, "Q8_0", EW_GGML_Q8_0},
    {EW_FTYPE_Q4_0, "Q4_0", EW_GGML_Q4_0},     {EW_FTYPE_Q4_K_M, "Q4_K_M", EW_GGML_Q4_K},
    {EW_FTYPE_Q5_K_M, "Q5_K_M", EW_GGML_Q5_K}, {EW_FTYPE_Q6_K, "Q6_K", EW_GGML_Q6_K},
};
#define N_FTYPES (int)(sizeof ftypes / sizeof ftypes[0])

int ew_ftype_parse(const char *name, ew_ftype *out)
{
    for (int i = 0; i < N_FTYPES; i++)
        if (!strcasecmp(name, ftypes[i].name)) {
            *out = ftypes[i].t;
            return EW_OK;
        }
    return EW_ERR_UNSUPPORTED;
}

const char *ew_ftype_name(ew_ftype t)
{
    for (int i = 0; i < N_FTYPES; i++)
        if (ftypes[i].t == t) return ftypes[i].name;
    return NULL;
}

uint32_t ew__ftype_base(ew_ftype t)
{
    for (int i = 0; i < N_FTYPES; i++)
        if (ftypes[i].t == t) return ftypes[i].base;
    return EW_GGML_F32;
}

/* ---- mixture --------------------------------------------------------------------- */

static bool is_float_type(uint32_t t)
{
    return t == EW_GGML_F32 || t == EW_GGML_F16 || t == EW_GGML_BF16;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !memcmp(s + n - m, suffix, m);
}

void ew__mix_init(ew__mix *m, ew_ftype ftype, int n_layer, int n_attn_v, bool has_output)
{
    *m = (ew__mix){.ftype = ftype,
                   .base = ew__ftype_base(ftype),
                   .tied = !has_output,
                   .n_layer = n_layer,
                   .n_attn_v = n_attn_v};
}

/* The first and last eighth of the layers, and every third one between:
 * the layers where extra bits pay off most (llama.cpp's "use_more_bits"). */
static bool more_bits(int i, int n)
{
    return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
}

static uint32_t fallback_type(uint32_t type, uint64_t ncols)
{
    if (ncols % (uint64_t)ew_ggml_block_elems(type) == 0) return type;
    uint32_t f = type == EW_GGML_Q4_K   ? EW_GGML_Q5_0
                 : type == EW_GGML_Q5_K ? EW_GGML_Q5_1
                 : type == EW_GGML_Q6_K ? EW_GGML_Q8_0
                                        : EW_GGML_F16;
    return ncols % (uint64_t)ew_ggml_block_elems(f) == 0 ? f : EW_GGML_F16;
}

uint32_t ew__mix_type(ew__mix *m, const char *name, int n_dims, const uint64_t *ne,
                      uint32_t src_type, bool *fallback)
{
    *fallback = false;
    if (n_dims < 2) return EW_GGML_F32;
    if (!ends_with(name, "weight") || strstr(name, "_norm.weight")) return src_type;
    if (is_float_type(m->base)) return m->base;

    uint32_t t = m->base;
    bool is_output = !strcmp(name, "output.weight");
    bool is_embd = !strcmp(name, "token_embd.weight");
    if (is_output || (m->tied && is_embd)) {
        if (ne[0] % (uint64_t)ew_ggml_block_elems(t))
            t = EW_GGML_Q8_0;
        else if (t != EW_GGML_Q8_0)
            t = EW_GGML_Q6_K;
    } else if (is_embd) {
        /* untied token_embd keeps the base type */
    } else if (strstr(name, "attn_v.weight") || strstr(name, "attn_qkv.weight")) {
        bool mix = m->ftype == EW_FTYPE_Q4_K_M || m->ftype == EW_FTYPE_Q5_K_M;
        if (mix && more_bits(m->i_attn_v, m->n_attn_v)) t = EW_GGML_Q6_K;
        m->i_attn_v++;
    } else if (strstr(name, "ffn_down")) {
        bool mix = m->ftype == EW_FTYPE_Q4_K_M || m->ftype == EW_FTYPE_Q5_K_M;
        if (mix && more_bits(m->i_ffn_down, m->n_layer)) t = EW_GGML_Q6_K;
        m->i_ffn_down++;
    }
    uint32_t f = fallback_type(t, ne[0]);
    *fallback = f != t;
    return f;
}

int ew__model_n_layer(const ew_gguf *g)
{
    const char *arch;
    size_t len;
    char key[96];
    uint32_t n;
    if (ew_gguf_get_str(g, "general.architecture", &arch, &len) || len > 64) return -1;
    snprintf(key, sizeof key, "%.*s.block_count", (int)len, arch);
    if (ew_gguf_get_u32(g, key, &n) || n > 100000) return -1;
    return (int)n;
}

/* ---- row conversion ---------------------------------------------------------------- */

#define CHUNK_BYTES ((size_t)4 << 20) /* output bytes converted per pool run */

typedef struct rows_job {
    ew__row_fn fn;
    void *ctx;
    uint32_t type;
    int64_t ne0;
    int64_t row0; /* first row of this chunk */
    int n;        /* rows in this chunk */
    size_t row_bytes;
    uint8_t *out;         /* n * row_bytes */
    float *scratch;       /* nth * ne0 */
    atomic_llong bad_row; /* first row with a non-finite value, or -1 */
    atomic_int status;
} rows_job;

static void rows_work(void *p, int ith, int nth)
{
    rows_job *j = p;
    int lo, hi;
    ew__split(j->n, 1, ith, nth, &lo, &hi);
    float *x = j->scratch + (size_t)ith * (size_t)j->ne0;
    for (int r = lo; r < hi; r++) {
        int64_t row = j->row0 + r;
        j->fn(j->ctx, row, x);
        for (int64_t i = 0; i < j->ne0; i++)
            if (!isfinite(x[i])) {
                long long expect = -1;
                atomic_compare_exchange_strong(&j->bad_row, &expect, (long long)row);
                return;
            }
        int st = ew__quantize_row(j->type, x, j->out + (size_t)r * j->row_bytes, j->ne0);
        if (st) atomic_store(&j->status, st);
    }
}

int ew__write_rows(ew_gguf_writer *w, ew__pool *pool, const char *name, uint32_t type, int64_t ne0,
                   int64_t n_rows, ew__row_fn fn, void *ctx, ew_error *err)
{
    size_t row_bytes = ew__row_bytes(type, ne0);
    if (!row_bytes)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "%s: cannot write rows of %lld as %s", name,
                             (long long)ne0, ew_ggml_type_name(type));
    int nth = pool ? ew__pool_size(pool) : 1;
    int64_t per = (int64_t)(CHUNK_BYTES / row_bytes);
    if (per < nth) per = nth;
    if (per > n_rows) per = n_rows;
    rows_job j = {.fn = fn, .ctx = ctx, .type = type, .ne0 = ne0, .row_bytes = row_bytes};
    j.out = malloc((size_t)per * row_bytes);
    j.scratch = malloc((size_t)nth * (size_t)ne0 * sizeof(float));
    int st = j.out && j.scratch ? EW_OK
                                : ew__error_set(err, EW_ERR_NOMEM, "%s: no memory for rows", name);
    for (int64_t r = 0; r < n_rows && !st; r += per) {
        j.row0 = r;
        j.n = (int)(n_rows - r < per ? n_rows - r : per);
        atomic_init(&j.bad_row, -1);
        atomic_init(&j.status, EW_OK);
        if (pool)
            ew__pool_run(pool, rows_work, &j);
        else
            rows_work(&j, 0, 1);
        long long bad = atomic_load(&j.bad_row);
        if (bad >= 0)
            st =
                ew__error_set(err, EW_ERR_INVALID, "%s: row %lld has a NaN or infinity", name, bad);
        else if ((st = atomic_load(&j.status)))
            ew__error_set(err, st, "%s: cannot quantize to %s", name, ew_ggml_type_name(type));
        else
            st = ew_gguf_writer_write(w, j.out, (size_t)j.n * row_bytes, err);
    }
    free(j.out);
    free(j.scratch);
    return st;
}

/* ---- output file -------------------------------------------------------------------- */

int ew__out_open(ew__out_file *o, const char *path, ew_error *err)
{
    *o = (ew__out_file){.path = path};
    size_t n = strlen(path);
    o->tmp = malloc(n + 16);
    if (!o->tmp) return ew__error_set(err, EW_ERR_NOMEM, "no memory");
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        return ew__error_set(err, EW_ERR_IO, "%s: cannot create a file beside it: %s", path,
                             strerror(e));
    }
    /* mkstemp makes the file private; a model is an ordinary readable file. */
    fchmod(fd, 0644);
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        close(fd);
        ew__out_abort(o);
        return ew__error_set(err, EW_ERR_IO, "%s: %s", path, strerror(errno));
    }
    return EW_OK;
}

int ew__out_commit(ew__out_file *o, ew_error *err)
{
    int st = EW_OK;
    /* No fsync: the file can be made again, and syncing hundreds of MiB
     * costs seconds. The rename still keeps readers from a partial file. */
    if (fflush(o->f))
        st = ew__error_set(err, EW_ERR_IO, "%s: %s", o->path, strerror(errno));
    if (fclose(o->f) && !st) st = ew__error_set(err, EW_ERR_IO, "%s: %s", o->path, strerror(errno));
    o->f = NULL;
    if (!st && rename(o->tmp, o->path))
        st = ew__error_set(err, EW_ERR_IO, "%s: %s", o->path, strerror(errno));
    if (st) unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return st;
}

void ew__out_abort(ew__out_file *o)
{
    if (o->f) fclose(o->f);
    o->f = NULL;
    if (o->tmp) unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
}
