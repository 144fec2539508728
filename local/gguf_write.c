/* Streaming GGUF v3 writer; see gguf_write.h. */
#include <stdlib.h>
#include <string.h>

#include "local/gguf_write.h"

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


void ew__gw_arr(ew__gguf_writer *w, const char *k, ew_gguf_type et, uint64_t n, const void *data)
{
    size_t es = ew_gguf_type_size(et);
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

#define MAX_DEPTH 4 /* nested arrays, as deep as the reader accepts */

/* Bytes of a serialized value of type t at p, checked against end. The
 * reader validated the file already; the checks keep this safe on its own. */
static int value_span(const uint8_t *p, const uint8_t *end, uint32_t t, int depth, size_t *len)
{
    size_t left = (size_t)(end - p), es = ew_gguf_type_size((ew_gguf_type)t);
    uint64_t n;
    if (es) {
        *len = es;
        return es <= left ? EW_OK : EW_ERR_PARSE;
    }
    if (t == EW_GGUF_STRING) {
        if (left < 8) return EW_ERR_PARSE;
        memcpy(&n, p, 8);
        if (n > left - 8) return EW_ERR_PARSE;
        *len = 8 + (size_t)n;
        return EW_OK;
    }
    if (t != EW_GGUF_ARRAY || depth >= MAX_DEPTH || left < 12) return EW_ERR_PARSE;
    uint32_t et;
    memcpy(&et, p, 4);
    memcpy(&n, p + 4, 8);
    size_t pos = 12;
    if ((es = ew_gguf_type_size((ew_gguf_type)et))) {
        if (n > (left - pos) / es) return EW_ERR_PARSE;
        *len = pos + (size_t)n * es;
        return EW_OK;
    }
    for (uint64_t i = 0; i < n; i++) {
        size_t l;
        if (value_span(p + pos, end, et, depth + 1, &l)) return EW_ERR_PARSE;
        pos += l;
    }
    *len = pos;
    return EW_OK;
}

/* Copies the entry's bytes as they are in the file, so every type (float64,
 * nested arrays, integers of any width) comes across exactly. Keys point
 * into the mapping: the type tag follows the key, then the value. */
void ew__gw_copy_kv(ew__gguf_writer *w, const ew_gguf *g, int k)
{
    size_t kl, len;
    const char *kp = ew_gguf_key(g, k, &kl);
    const uint8_t *end = (const uint8_t *)ew_gguf_file_data(g) + ew_gguf_file_size(g);
    const uint8_t *p = kp ? (const uint8_t *)kp + kl + 4 : NULL;
    uint32_t t = (uint32_t)ew_gguf_kv_type(g, k);
    if (!p || p > end || value_span(p, end, t, 0, &len)) {
        w->status = w->status ? w->status : EW_ERR_PARSE;
        return;
    }
    put_str(w, kp, kl);
    put_u32(w, t);
    w->n_kv++;
    put(w, p, len);
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
    /* any type the reader knows, so tests can write types we do not run */
    size_t bb = ew_ggml_block_bytes(type);
    int be = ew_ggml_block_elems(type);
    size_t rb = be > 0 && ne[0] % (uint64_t)be == 0 ? (size_t)(ne[0] / (uint64_t)be) * bb : 0;
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
