/* Streaming GGUF v3 writer; see gguf_write.h. */
#include <stdlib.h>
#include <string.h>

#include "local/gguf_write.h"
#include "local/quant.h"

#define MAX_META    ((size_t)512 << 20)
#define MAX_TENSORS 65536

void ew__gw_init(ew__gguf_writer *w)
{
    memset(w, 0, sizeof *w);
    ew_buf_init(&w->kv, MAX_META);
    w->alignment = 32;
}

void ew__gw_cleanup(ew__gguf_writer *w)
{
    ew_buf_cleanup(&w->kv);
    free(w->tensors);
    memset(w, 0, sizeof *w);
}

static void put(ew__gguf_writer *w, const void *p, size_t n)
{
    if (!w->status) w->status = ew_buf_append(&w->kv, p, n);
}

static void put_u32(ew__gguf_writer *w, uint32_t v)
{
    put(w, &v, 4);
}

static void put_u64(ew__gguf_writer *w, uint64_t v)
{
    put(w, &v, 8);
}

static void put_str(ew__gguf_writer *w, const char *s, size_t n)
{
    put_u64(w, n);
    put(w, s, n);
}

static void key(ew__gguf_writer *w, const char *k, ew_gguf_type t)
{
    put_str(w, k, strlen(k));
    put_u32(w, (uint32_t)t);
    w->n_kv++;
}

void ew__gw_u32(ew__gguf_writer *w, const char *k, uint32_t v)
{
    key(w, k, EW_GGUF_UINT32);
    put_u32(w, v);
}

void ew__gw_i32(ew__gguf_writer *w, const char *k, int32_t v)
{
    key(w, k, EW_GGUF_INT32);
    put(w, &v, 4);
}

void ew__gw_f32(ew__gguf_writer *w, const char *k, float v)
{
    key(w, k, EW_GGUF_FLOAT32);
    put(w, &v, 4);
}

void ew__gw_bool(ew__gguf_writer *w, const char *k, bool v)
{
    uint8_t b = v;
    key(w, k, EW_GGUF_BOOL);
    put(w, &b, 1);
}

void ew__gw_strn(ew__gguf_writer *w, const char *k, const char *s, size_t n)
{
    key(w, k, EW_GGUF_STRING);
    put_str(w, s, n);
}

void ew__gw_str(ew__gguf_writer *w, const char *k, const char *s)
{
    ew__gw_strn(w, k, s, strlen(s));
}

static size_t scalar_size(ew_gguf_type t)
{
    switch (t) {
    case EW_GGUF_UINT8:
    case EW_GGUF_INT8:
    case EW_GGUF_BOOL:
        return 1;
    case EW_GGUF_UINT16:
    case EW_GGUF_INT16:
        return 2;
    case EW_GGUF_UINT32:
    case EW_GGUF_INT32:
    case EW_GGUF_FLOAT32:
        return 4;
    case EW_GGUF_UINT64:
    case EW_GGUF_INT64:
    case EW_GGUF_FLOAT64:
        return 8;
    default:
        return 0;
    }
}

void ew__gw_arr(ew__gguf_writer *w, const char *k, ew_gguf_type et, uint64_t n, const void *data)
{
    size_t es = scalar_size(et);
    if (!es || n > MAX_META / es) {
        w->status = w->status ? w->status : EW_ERR_INVALID;
        return;
    }
    key(w, k, EW_GGUF_ARRAY);
    put_u32(w, (uint32_t)et);
    put_u64(w, n);
    put(w, data, (size_t)n * es);
}

void ew__gw_arr_str(ew__gguf_writer *w, const char *k, uint64_t n,
                    const char *(*get)(void *ctx, uint64_t i, size_t *len), void *ctx)
{
    key(w, k, EW_GGUF_ARRAY);
    put_u32(w, EW_GGUF_STRING);
    put_u64(w, n);
    for (uint64_t i = 0; i < n && !w->status; i++) {
        size_t len;
        const char *s = get(ctx, i, &len);
        put_str(w, s, len);
    }
}

typedef struct src_arr {
    const ew_gguf *g;
    const char *key;
} src_arr;

static const char *src_str(void *ctx, uint64_t i, size_t *len)
{
    src_arr *a = ctx;
    const char *s = "";
    *len = 0;
    ew_gguf_arr_str(a->g, a->key, i, &s, len);
    return s;
}

void ew__gw_copy_kv(ew__gguf_writer *w, const ew_gguf *g, int k)
{
    size_t kl;
    const char *kp = ew_gguf_key(g, k, &kl);
    char name[256];
    if (!kp || kl >= sizeof name) {
        w->status = w->status ? w->status : EW_ERR_UNSUPPORTED;
        return;
    }
    memcpy(name, kp, kl);
    name[kl] = 0;
    ew_gguf_type t = ew_gguf_kv_type(g, k);
    int64_t iv;
    float fv;
    bool bv;
    const char *s;
    size_t n;
    if (t == EW_GGUF_STRING && !ew_gguf_get_str(g, name, &s, &n)) {
        ew__gw_strn(w, name, s, n);
    } else if (t == EW_GGUF_FLOAT32 && !ew_gguf_get_f32(g, name, &fv)) {
        ew__gw_f32(w, name, fv);
    } else if (t == EW_GGUF_BOOL && !ew_gguf_get_bool(g, name, &bv)) {
        ew__gw_bool(w, name, bv);
    } else if (t == EW_GGUF_ARRAY) {
        ew_gguf_type et;
        uint64_t cnt;
        const void *data;
        if (ew_gguf_get_arr(g, name, &et, &cnt, &data)) {
            w->status = w->status ? w->status : EW_ERR_UNSUPPORTED;
        } else if (et == EW_GGUF_STRING) {
            src_arr a = {g, name};
            ew__gw_arr_str(w, name, cnt, src_str, &a);
        } else {
            ew__gw_arr(w, name, et, cnt, data);
        }
    } else if (scalar_size(t) && t != EW_GGUF_FLOAT64 && !ew_gguf_get_i64(g, name, &iv)) {
        /* integers keep their width and signedness */
        key(w, name, t);
        put(w, &iv, scalar_size(t)); /* little-endian: the low bytes */
    } else {
        w->status = w->status ? w->status : EW_ERR_UNSUPPORTED;
    }
}

void ew__gw_tensor(ew__gguf_writer *w, const char *name, uint32_t type, int n_dims,
                   const uint64_t *ne)
{
    if (w->status) return;
    size_t name_len = strlen(name);
    if (n_dims < 1 || n_dims > EW_GGUF_MAX_DIMS || name_len >= sizeof w->tensors->name ||
        w->n_tensors >= MAX_TENSORS) {
        w->status = EW_ERR_INVALID;
        return;
    }
    uint64_t rows = 1;
    for (int d = 1; d < n_dims; d++)
        rows *= ne[d];
    size_t rb = ew__row_bytes(type, (int64_t)ne[0]);
    if (!rb) {
        w->status = EW_ERR_UNSUPPORTED;
        return;
    }
    if (w->n_tensors == w->cap_tensors) {
        int cap = w->cap_tensors ? 2 * w->cap_tensors : 64;
        ew__gw_tensor_desc *t = realloc(w->tensors, (size_t)cap * sizeof *t);
        if (!t) {
            w->status = EW_ERR_NOMEM;
            return;
        }
        w->tensors = t;
        w->cap_tensors = cap;
    }
    ew__gw_tensor_desc *t = &w->tensors[w->n_tensors++];
    memset(t, 0, sizeof *t);
    memcpy(t->name, name, name_len + 1);
    t->type = type;
    t->n_dims = n_dims;
    for (int d = 0; d < n_dims; d++)
        t->ne[d] = ne[d];
    t->size = rb * rows;
    t->offset = w->data_size;
    w->data_size += (t->size + w->alignment - 1) / w->alignment * w->alignment;
}

static int write_all(FILE *f, const void *p, size_t n)
{
    return fwrite(p, 1, n, f) == n ? EW_OK : EW_ERR_IO;
}

static int pad(FILE *f, uint64_t written, uint32_t align)
{
    static const char zeros[64];
    size_t n = (size_t)((align - written % align) % align);
    return n ? write_all(f, zeros, n) : EW_OK;
}

int ew__gw_write_header(ew__gguf_writer *w, FILE *f)
{
    if (w->status) return w->status;
    ew_buf hdr;
    ew_buf_init(&hdr, MAX_META);
    uint32_t version = 3;
    uint64_t nt = (uint64_t)w->n_tensors;
    int st = ew_buf_append(&hdr, "GGUF", 4);
    st = st ? st : ew_buf_append(&hdr, &version, 4);
    st = st ? st : ew_buf_append(&hdr, &nt, 8);
    st = st ? st : ew_buf_append(&hdr, &w->n_kv, 8);
    st = st ? st : ew_buf_append(&hdr, w->kv.data ? w->kv.data : "", w->kv.len);
    for (int i = 0; i < w->n_tensors && !st; i++) {
        const ew__gw_tensor_desc *t = &w->tensors[i];
        uint64_t nl = strlen(t->name);
        uint32_t nd = (uint32_t)t->n_dims;
        st = ew_buf_append(&hdr, &nl, 8);
        st = st ? st : ew_buf_append(&hdr, t->name, nl);
        st = st ? st : ew_buf_append(&hdr, &nd, 4);
        st = st ? st : ew_buf_append(&hdr, t->ne, 8 * (size_t)t->n_dims);
        st = st ? st : ew_buf_append(&hdr, &t->type, 4);
        st = st ? st : ew_buf_append(&hdr, &t->offset, 8);
    }
    if (!st) st = write_all(f, hdr.data, hdr.len);
    if (!st) st = pad(f, hdr.len, w->alignment);
    ew_buf_cleanup(&hdr);
    w->next = 0;
    return w->status = st;
}

int ew__gw_write_data(ew__gguf_writer *w, FILE *f, const void *data, uint64_t size)
{
    if (w->status) return w->status;
    if (w->next >= w->n_tensors || w->tensors[w->next].size != size)
        return w->status = EW_ERR_INVALID;
    int st = write_all(f, data, (size_t)size);
    if (!st) st = pad(f, size, w->alignment);
    w->next++;
    return w->status = st;
}
