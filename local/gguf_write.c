/* GGUF v3 writer. Metadata values are kept serialized (the exact bytes that
 * follow the type tag in the file), so writing the header is a plain copy and
 * copying an entry from another file needs no decoding. */
#include "local/gguf_write.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the GGUF writer serializes host values and needs a little-endian host"
#endif

#define GGUF_VERSION       3u
#define GGUF_DEFAULT_ALIGN 32u
#define GGUF_MAX_ALIGN     (1u << 20)
#define GGUF_MAX_DEPTH     4 /* nested arrays, as the reader allows */

typedef struct wkv {
    char *key; /* owned, NUL-terminated (keys copied from files may hold NULs) */
    size_t key_len;
    uint32_t type;
    uint8_t *val; /* owned serialized value */
    size_t val_len;
    bool removed;
} wkv;

typedef struct wtensor {
    char *name; /* owned */
    size_t name_len;
    uint32_t type;
    int n_dims;
    uint64_t ne[EW_GGUF_MAX_DIMS];
    uint64_t size;
    uint64_t offset; /* relative to the data section; set by layout() */
} wtensor;

/* Open addressing over names: slots hold index + 1, 0 = empty. */
typedef struct name_table {
    int32_t *slot;
    uint32_t mask;
    uint32_t used;
} name_table;

struct ew_gguf_writer {
    wkv *kv;
    int n_kv, cap_kv;
    wtensor *t;
    int n_t, cap_t;
    name_table kv_tab, t_tab;
    size_t meta_bytes;
    ew_error err; /* the first failure, sticky */
    FILE *f;      /* set by begin */
    uint32_t alignment;
    int cur;       /* tensor receiving data */
    uint64_t done; /* its bytes written so far */
};

static int fail(ew_gguf_writer *w, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(ew_gguf_writer *w, int status, const char *fmt, ...)
{
    if (w->err.status) return w->err.status;
    w->err.status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->err.message, sizeof w->err.message, fmt, ap);
    va_end(ap);
    return status;
}

static int report(const ew_gguf_writer *w, ew_error *err)
{
    if (err) *err = w->err;
    return w->err.status;
}

int ew_gguf_writer_status(const ew_gguf_writer *w, ew_error *err)
{
    return report(w, err);
}

ew_gguf_writer *ew_gguf_writer_new(void)
{
    ew_gguf_writer *w = calloc(1, sizeof *w);
    if (w) w->alignment = GGUF_DEFAULT_ALIGN;
    return w;
}

void ew_gguf_writer_free(ew_gguf_writer *w)
{
    if (!w) return;
    for (int i = 0; i < w->n_kv; i++) {
        free(w->kv[i].key);
        free(w->kv[i].val);
    }
    for (int i = 0; i < w->n_t; i++)
        free(w->t[i].name);
    free(w->kv);
    free(w->t);
    free(w->kv_tab.slot);
    free(w->t_tab.slot);
    free(w);
}

/* ---- name tables ------------------------------------------------------------------ */

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

typedef struct name_ref {
    const char *s;
    size_t len;
} name_ref;

typedef name_ref (*name_of_fn)(const ew_gguf_writer *w, int i);

static name_ref kv_name(const ew_gguf_writer *w, int i)
{
    return (name_ref){w->kv[i].key, w->kv[i].key_len};
}

static name_ref tensor_name(const ew_gguf_writer *w, int i)
{
    return (name_ref){w->t[i].name, w->t[i].name_len};
}

static uint32_t table_probe(const ew_gguf_writer *w, const name_table *tab, name_of_fn name_of,
                            const char *s, size_t n)
{
    uint32_t h = hash_bytes(s, n) & tab->mask;
    for (;;) {
        int32_t v = tab->slot[h];
        if (!v) return h;
        name_ref c = name_of(w, v - 1);
        if (c.len == n && !memcmp(c.s, s, n)) return h;
        h = (h + 1) & tab->mask;
    }
}

/* Index of a name, or -1. */
static int table_find(const ew_gguf_writer *w, const name_table *tab, name_of_fn name_of,
                      const char *s, size_t n)
{
    if (!tab->slot) return -1;
    return tab->slot[table_probe(w, tab, name_of, s, n)] - 1;
}

/* Adds index i (whose name is not yet present), growing at half full. */
static int table_add(const ew_gguf_writer *w, name_table *tab, name_of_fn name_of, int i)
{
    if ((tab->used + 1) * 2 > (tab->mask + 1) || !tab->slot) {
        uint32_t cap = tab->slot ? (tab->mask + 1) * 2 : 16;
        name_table nt = {calloc(cap, sizeof(int32_t)), cap - 1, 0};
        if (!nt.slot) return EW_ERR_NOMEM;
        for (uint32_t s = 0; tab->slot && s <= tab->mask; s++) {
            int32_t v = tab->slot[s];
            if (!v) continue;
            name_ref r = name_of(w, v - 1);
            nt.slot[table_probe(w, &nt, name_of, r.s, r.len)] = v;
            nt.used++;
        }
        free(tab->slot);
        *tab = nt;
    }
    name_ref r = name_of(w, i);
    tab->slot[table_probe(w, tab, name_of, r.s, r.len)] = i + 1;
    tab->used++;
    return EW_OK;
}

/* ---- metadata ---------------------------------------------------------------------- */

static size_t scalar_size(uint32_t t)
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

static int check_open(ew_gguf_writer *w)
{
    if (w->err.status) return w->err.status;
    if (w->f) return fail(w, EW_ERR_STATE, "the header is already written");
    return EW_OK;
}

/* Stores a serialized value under a key; takes val (freed on failure too). */
static int kv_put(ew_gguf_writer *w, const char *key, size_t key_len, uint32_t type, uint8_t *val,
                  size_t val_len)
{
    int st = check_open(w);
    if (!st && (!key_len || key_len > EW_GGUF_WRITE_MAX_KEY))
        st = fail(w, EW_ERR_INVALID, "metadata key of %zu bytes (1..%u allowed)", key_len,
                  EW_GGUF_WRITE_MAX_KEY);
    int i = st ? -1 : table_find(w, &w->kv_tab, kv_name, key, key_len);
    size_t old = i >= 0 && !w->kv[i].removed ? w->kv[i].key_len + w->kv[i].val_len : 0;
    if (!st && w->meta_bytes - old + key_len + val_len > EW_GGUF_WRITE_MAX_META)
        st = fail(w, EW_ERR_TOO_LARGE, "metadata larger than %zu bytes at key '%.*s'",
                  EW_GGUF_WRITE_MAX_META, (int)(key_len > 200 ? 200 : key_len), key);
    if (st) {
        free(val);
        return st;
    }
    if (i >= 0) { /* replace in place: the key keeps its position */
        free(w->kv[i].val);
        w->kv[i].val = val;
        w->kv[i].val_len = val_len;
        w->kv[i].type = type;
        w->kv[i].removed = false;
        w->meta_bytes = w->meta_bytes - old + key_len + val_len;
        return EW_OK;
    }
    if (w->n_kv >= EW_GGUF_WRITE_MAX_KV) {
        free(val);
        return fail(w, EW_ERR_TOO_LARGE, "more than %d metadata keys", EW_GGUF_WRITE_MAX_KV);
    }
    if (w->n_kv == w->cap_kv) {
        int cap = w->cap_kv ? w->cap_kv * 2 : 32;
        wkv *n = realloc(w->kv, (size_t)cap * sizeof *n);
        if (!n) {
            free(val);
            return fail(w, EW_ERR_NOMEM, "no memory for metadata");
        }
        w->kv = n;
        w->cap_kv = cap;
    }
    char *k = malloc(key_len + 1);
    if (!k) {
        free(val);
        return fail(w, EW_ERR_NOMEM, "no memory for metadata");
    }
    memcpy(k, key, key_len);
    k[key_len] = 0;
    w->kv[w->n_kv] = (wkv){k, key_len, type, val, val_len, false};
    if (table_add(w, &w->kv_tab, kv_name, w->n_kv)) {
        free(k);
        free(val);
        return fail(w, EW_ERR_NOMEM, "no memory for metadata");
    }
    w->n_kv++;
    w->meta_bytes += key_len + val_len;
    return EW_OK;
}

static uint8_t *alloc_val(ew_gguf_writer *w, size_t n)
{
    uint8_t *p = malloc(n ? n : 1);
    if (!p) fail(w, EW_ERR_NOMEM, "no memory for a metadata value of %zu bytes", n);
    return p;
}

static void put_u32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

static void put_u64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, 8);
}

int ew_gguf_writer_set(ew_gguf_writer *w, const char *key, ew_gguf_type t, const void *value)
{
    size_t sz = scalar_size(t);
    if (!sz) return fail(w, EW_ERR_INVALID, "key '%s': %d is not a scalar type", key, (int)t);
    int st = check_open(w);
    if (st) return st;
    uint8_t *v = alloc_val(w, sz);
    if (!v) return w->err.status;
    memcpy(v, value, sz);
    if (t == EW_GGUF_BOOL) v[0] = v[0] != 0;
    return kv_put(w, key, strlen(key), t, v, sz);
}

int ew_gguf_writer_set_u32(ew_gguf_writer *w, const char *key, uint32_t v)
{
    return ew_gguf_writer_set(w, key, EW_GGUF_UINT32, &v);
}

int ew_gguf_writer_set_i32(ew_gguf_writer *w, const char *key, int32_t v)
{
    return ew_gguf_writer_set(w, key, EW_GGUF_INT32, &v);
}

int ew_gguf_writer_set_f32(ew_gguf_writer *w, const char *key, float v)
{
    return ew_gguf_writer_set(w, key, EW_GGUF_FLOAT32, &v);
}

int ew_gguf_writer_set_bool(ew_gguf_writer *w, const char *key, bool v)
{
    uint8_t b = v;
    return ew_gguf_writer_set(w, key, EW_GGUF_BOOL, &b);
}

int ew_gguf_writer_set_str(ew_gguf_writer *w, const char *key, const char *s, size_t len)
{
    int st = check_open(w);
    if (st) return st;
    if (len > EW_GGUF_WRITE_MAX_META)
        return fail(w, EW_ERR_TOO_LARGE, "key '%s': string of %zu bytes", key, len);
    uint8_t *v = alloc_val(w, 8 + len);
    if (!v) return w->err.status;
    put_u64(v, len);
    if (len) memcpy(v + 8, s, len);
    return kv_put(w, key, strlen(key), EW_GGUF_STRING, v, 8 + len);
}

int ew_gguf_writer_set_cstr(ew_gguf_writer *w, const char *key, const char *s)
{
    return ew_gguf_writer_set_str(w, key, s, strlen(s));
}

int ew_gguf_writer_set_arr(ew_gguf_writer *w, const char *key, ew_gguf_type elem, uint64_t n,
                           const void *data)
{
    int st = check_open(w);
    if (st) return st;
    size_t esz = scalar_size(elem);
    if (!esz) return fail(w, EW_ERR_INVALID, "key '%s': %d is not a scalar type", key, (int)elem);
    if (n > (EW_GGUF_WRITE_MAX_META - 12) / esz)
        return fail(w, EW_ERR_TOO_LARGE, "key '%s': array of %llu elements", key,
                    (unsigned long long)n);
    size_t len = 12 + (size_t)n * esz;
    uint8_t *v = alloc_val(w, len);
    if (!v) return w->err.status;
    put_u32(v, elem);
    put_u64(v + 4, n);
    if (n) memcpy(v + 12, data, (size_t)n * esz);
    if (elem == EW_GGUF_BOOL)
        for (size_t i = 0; i < n; i++)
            v[12 + i] = v[12 + i] != 0;
    return kv_put(w, key, strlen(key), EW_GGUF_ARRAY, v, len);
}

int ew_gguf_writer_set_arr_str(ew_gguf_writer *w, const char *key, uint64_t n, const char *const *s,
                               const size_t *lens)
{
    int st = check_open(w);
    if (st) return st;
    if (n > EW_GGUF_WRITE_MAX_META / 8)
        return fail(w, EW_ERR_TOO_LARGE, "key '%s': array of %llu strings", key,
                    (unsigned long long)n);
    size_t len = 12;
    for (uint64_t i = 0; i < n; i++) {
        size_t li = lens ? lens[i] : strlen(s[i]);
        if (li > EW_GGUF_WRITE_MAX_META - len - 8)
            return fail(w, EW_ERR_TOO_LARGE, "key '%s': strings larger than %zu bytes", key,
                        EW_GGUF_WRITE_MAX_META);
        len += 8 + li;
    }
    uint8_t *v = alloc_val(w, len);
    if (!v) return w->err.status;
    put_u32(v, EW_GGUF_STRING);
    put_u64(v + 4, n);
    size_t pos = 12;
    for (uint64_t i = 0; i < n; i++) {
        size_t li = lens ? lens[i] : strlen(s[i]);
        put_u64(v + pos, li);
        if (li) memcpy(v + pos + 8, s[i], li);
        pos += 8 + li;
    }
    return kv_put(w, key, strlen(key), EW_GGUF_ARRAY, v, len);
}

/* Bytes of a serialized value of type t at p, checked against end. The reader
 * validated the file already; the checks keep this function safe on its own. */
static int value_span(const uint8_t *p, const uint8_t *end, uint32_t t, int depth, size_t *len)
{
    size_t left = (size_t)(end - p), esz = scalar_size(t);
    if (esz) {
        *len = esz;
        return esz <= left ? EW_OK : EW_ERR_PARSE;
    }
    uint64_t n;
    if (t == EW_GGUF_STRING) {
        if (left < 8) return EW_ERR_PARSE;
        memcpy(&n, p, 8);
        if (n > left - 8) return EW_ERR_PARSE;
        *len = 8 + (size_t)n;
        return EW_OK;
    }
    if (t != EW_GGUF_ARRAY || depth >= GGUF_MAX_DEPTH || left < 12) return EW_ERR_PARSE;
    uint32_t elem;
    memcpy(&elem, p, 4);
    memcpy(&n, p + 4, 8);
    size_t pos = 12;
    esz = scalar_size(elem);
    if (esz) {
        if (n > (left - pos) / esz) return EW_ERR_PARSE;
        *len = pos + (size_t)n * esz;
        return EW_OK;
    }
    for (uint64_t i = 0; i < n; i++) {
        size_t l;
        if (value_span(p + pos, end, elem, depth + 1, &l)) return EW_ERR_PARSE;
        pos += l;
    }
    *len = pos;
    return EW_OK;
}

int ew_gguf_writer_copy_kv(ew_gguf_writer *w, const ew_gguf *g, int k)
{
    int st = check_open(w);
    if (st) return st;
    size_t key_len;
    const char *key = ew_gguf_key(g, k, &key_len);
    if (!key) return fail(w, EW_ERR_INVALID, "no metadata entry %d", k);
    /* Keys point into the mapping: the type tag follows the key, then the value. */
    const uint8_t *base = ew_gguf_file_data(g);
    const uint8_t *end = base + ew_gguf_file_size(g);
    const uint8_t *p = (const uint8_t *)key + key_len + 4;
    uint32_t type = (uint32_t)ew_gguf_kv_type(g, k);
    size_t len;
    if (p > end || value_span(p, end, type, 0, &len))
        return fail(w, EW_ERR_PARSE, "metadata entry '%.*s' runs past the end of the file",
                    (int)(key_len > 200 ? 200 : key_len), key);
    uint8_t *v = alloc_val(w, len);
    if (!v) return w->err.status;
    memcpy(v, p, len);
    return kv_put(w, key, key_len, type, v, len);
}

void ew_gguf_writer_remove(ew_gguf_writer *w, const char *key)
{
    if (w->f) return;
    int i = table_find(w, &w->kv_tab, kv_name, key, strlen(key));
    if (i < 0 || w->kv[i].removed) return;
    w->meta_bytes -= w->kv[i].key_len + w->kv[i].val_len;
    w->kv[i].removed = true;
    free(w->kv[i].val);
    w->kv[i].val = NULL;
    w->kv[i].val_len = 0;
}

bool ew_gguf_writer_has(const ew_gguf_writer *w, const char *key)
{
    int i = table_find(w, &w->kv_tab, kv_name, key, strlen(key));
    return i >= 0 && !w->kv[i].removed;
}

static bool valid_alignment(uint32_t a)
{
    return a >= 8 && a <= GGUF_MAX_ALIGN && !(a & (a - 1));
}

int ew_gguf_writer_set_alignment(ew_gguf_writer *w, uint32_t alignment)
{
    if (!valid_alignment(alignment))
        return fail(w, EW_ERR_INVALID, "alignment %u is not a power of two in 8..%u", alignment,
                    GGUF_MAX_ALIGN);
    return ew_gguf_writer_set_u32(w, "general.alignment", alignment);
}

/* ---- tensors ---------------------------------------------------------------------- */

static int tensor_size(ew_gguf_writer *w, const char *name, uint32_t type, int n_dims,
                       const uint64_t *ne, uint64_t *size)
{
    int be = ew_ggml_block_elems(type);
    size_t bb = ew_ggml_block_bytes(type);
    if (!be) return fail(w, EW_ERR_UNSUPPORTED, "tensor '%s': unknown type %u", name, type);
    if (n_dims < 1 || n_dims > EW_GGUF_MAX_DIMS)
        return fail(w, EW_ERR_INVALID, "tensor '%s': %d dimensions (1..%d allowed)", name, n_dims,
                    EW_GGUF_MAX_DIMS);
    uint64_t nel = 1;
    for (int d = 0; d < n_dims; d++) {
        if (!ne[d] || ne[d] > (uint64_t)INT64_MAX / nel)
            return fail(w, EW_ERR_INVALID, "tensor '%s': dimension %d of %llu elements", name, d,
                        (unsigned long long)ne[d]);
        nel *= ne[d];
    }
    if (ne[0] % (uint64_t)be)
        return fail(w, EW_ERR_INVALID, "tensor '%s': rows of %llu are not a multiple of %s's %d",
                    name, (unsigned long long)ne[0], ew_ggml_type_name(type), be);
    *size = nel / (uint64_t)be * bb; /* nel < 2^63 and bb <= 292: no overflow */
    return EW_OK;
}

int ew_gguf_writer_add_tensor(ew_gguf_writer *w, const char *name, uint32_t type, int n_dims,
                              const uint64_t *ne)
{
    int st = check_open(w);
    if (st) return st;
    size_t len = strlen(name);
    if (!len || len > EW_GGUF_WRITE_MAX_NAME)
        return fail(w, EW_ERR_INVALID, "tensor name of %zu bytes (1..%u allowed)", len,
                    EW_GGUF_WRITE_MAX_NAME);
    if (table_find(w, &w->t_tab, tensor_name, name, len) >= 0)
        return fail(w, EW_ERR_INVALID, "duplicate tensor '%s'", name);
    if (w->n_t >= EW_GGUF_WRITE_MAX_TENSORS)
        return fail(w, EW_ERR_TOO_LARGE, "more than %d tensors", EW_GGUF_WRITE_MAX_TENSORS);
    uint64_t size = 0;
    st = tensor_size(w, name, type, n_dims, ne, &size);
    if (st) return st;
    if (w->n_t == w->cap_t) {
        int cap = w->cap_t ? w->cap_t * 2 : 64;
        wtensor *n = realloc(w->t, (size_t)cap * sizeof *n);
        if (!n) return fail(w, EW_ERR_NOMEM, "no memory for tensor infos");
        w->t = n;
        w->cap_t = cap;
    }
    char *nm = malloc(len + 1);
    if (!nm) return fail(w, EW_ERR_NOMEM, "no memory for tensor infos");
    memcpy(nm, name, len + 1);
    wtensor *t = &w->t[w->n_t];
    *t = (wtensor){.name = nm, .name_len = len, .type = type, .n_dims = n_dims, .size = size};
    for (int d = 0; d < EW_GGUF_MAX_DIMS; d++)
        t->ne[d] = d < n_dims ? ne[d] : 1;
    if (table_add(w, &w->t_tab, tensor_name, w->n_t)) {
        free(nm);
        return fail(w, EW_ERR_NOMEM, "no memory for tensor infos");
    }
    w->n_t++;
    return EW_OK;
}

int ew_gguf_writer_n_tensors(const ew_gguf_writer *w)
{
    return w->n_t;
}

uint64_t ew_gguf_writer_tensor_size(const ew_gguf_writer *w, int i)
{
    return i >= 0 && i < w->n_t ? w->t[i].size : 0;
}

/* ---- layout and output -------------------------------------------------------------- */

static uint64_t pad_to(uint64_t x, uint32_t a)
{
    return (x + a - 1) / a * a;
}

/* general.alignment (it may have come from copy_kv): 0 when invalid. */
static uint32_t alignment_of(const ew_gguf_writer *w)
{
    int i = table_find(w, &w->kv_tab, kv_name, "general.alignment", 17);
    if (i < 0 || w->kv[i].removed) return GGUF_DEFAULT_ALIGN;
    uint32_t a = 0;
    if (w->kv[i].type == EW_GGUF_UINT32) memcpy(&a, w->kv[i].val, 4);
    return valid_alignment(a) ? a : 0;
}

/* Header bytes before the data section (unpadded) and data section bytes;
 * offsets, when given, receive each tensor's offset. False on overflow. */
static bool layout(const ew_gguf_writer *w, uint32_t align, uint64_t *header, uint64_t *data,
                   wtensor *offsets)
{
    uint64_t h = 4 + 4 + 8 + 8;
    for (int i = 0; i < w->n_kv; i++)
        if (!w->kv[i].removed) h += 8 + w->kv[i].key_len + 4 + w->kv[i].val_len;
    uint64_t off = 0;
    for (int i = 0; i < w->n_t; i++) {
        h += 8 + w->t[i].name_len + 4 + 8 * (uint64_t)w->t[i].n_dims + 4 + 8;
        if (offsets) offsets[i].offset = off;
        uint64_t padded = pad_to(w->t[i].size, align);
        if (padded < w->t[i].size || off > UINT64_MAX / 2 - padded) return false;
        off += padded;
    }
    *header = h;
    *data = off;
    return true;
}

uint64_t ew_gguf_writer_file_size(const ew_gguf_writer *w)
{
    uint32_t a = alignment_of(w);
    uint64_t h, d;
    if (!a || !layout(w, a, &h, &d, NULL)) return 0;
    return pad_to(h, a) + d;
}

static int out(ew_gguf_writer *w, const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, w->f) != n)
        return fail(w, EW_ERR_IO, "write failed: %s", strerror(errno));
    return EW_OK;
}

static int out_u32(ew_gguf_writer *w, uint32_t v)
{
    return out(w, &v, 4);
}

static int out_u64(ew_gguf_writer *w, uint64_t v)
{
    return out(w, &v, 8);
}

static int out_zeros(ew_gguf_writer *w, uint64_t n)
{
    static const uint8_t zeros[256];
    int st = EW_OK;
    while (n && !st) {
        size_t k = n < sizeof zeros ? (size_t)n : sizeof zeros;
        st = out(w, zeros, k);
        n -= k;
    }
    return st;
}

static int write_header(ew_gguf_writer *w, uint64_t header)
{
    int n_kv = 0;
    for (int i = 0; i < w->n_kv; i++)
        n_kv += !w->kv[i].removed;
    int st = out(w, "GGUF", 4);
    if (!st) st = out_u32(w, GGUF_VERSION);
    if (!st) st = out_u64(w, (uint64_t)w->n_t);
    if (!st) st = out_u64(w, (uint64_t)n_kv);
    for (int i = 0; i < w->n_kv && !st; i++) {
        const wkv *kv = &w->kv[i];
        if (kv->removed) continue;
        st = out_u64(w, kv->key_len);
        if (!st) st = out(w, kv->key, kv->key_len);
        if (!st) st = out_u32(w, kv->type);
        if (!st) st = out(w, kv->val, kv->val_len);
    }
    for (int i = 0; i < w->n_t && !st; i++) {
        const wtensor *t = &w->t[i];
        st = out_u64(w, t->name_len);
        if (!st) st = out(w, t->name, t->name_len);
        if (!st) st = out_u32(w, (uint32_t)t->n_dims);
        for (int d = 0; d < t->n_dims && !st; d++)
            st = out_u64(w, t->ne[d]);
        if (!st) st = out_u32(w, t->type);
        if (!st) st = out_u64(w, t->offset);
    }
    if (!st) st = out_zeros(w, pad_to(header, w->alignment) - header);
    return st;
}

int ew_gguf_writer_begin(ew_gguf_writer *w, FILE *f, ew_error *err)
{
    if (!w->err.status && w->f) fail(w, EW_ERR_STATE, "begin called twice");
    uint32_t a = alignment_of(w);
    uint64_t header, data;
    if (!w->err.status && !a)
        fail(w, EW_ERR_INVALID, "general.alignment must be a UINT32 power of two in 8..%u",
             GGUF_MAX_ALIGN);
    if (!w->err.status && !layout(w, a, &header, &data, w->t))
        fail(w, EW_ERR_TOO_LARGE, "tensor data larger than 2^63 bytes");
    if (!w->err.status) {
        w->alignment = a;
        w->f = f;
        w->cur = 0;
        w->done = 0;
        write_header(w, header);
    }
    return report(w, err);
}

int ew_gguf_writer_write(ew_gguf_writer *w, const void *data, size_t n, ew_error *err)
{
    if (w->err.status) return report(w, err);
    if (!w->f) {
        fail(w, EW_ERR_STATE, "tensor data before the header");
        return report(w, err);
    }
    if (w->cur >= w->n_t || n > w->t[w->cur].size - w->done) {
        fail(w, EW_ERR_INVALID, "%zu bytes do not fit in tensor %s", n,
             w->cur < w->n_t ? w->t[w->cur].name : "(none left)");
        return report(w, err);
    }
    if (!out(w, data, n)) {
        const wtensor *t = &w->t[w->cur];
        w->done += n;
        if (w->done == t->size) {
            out_zeros(w, pad_to(t->size, w->alignment) - t->size);
            w->cur++;
            w->done = 0;
        }
    }
    return report(w, err);
}

int ew_gguf_writer_current(const ew_gguf_writer *w)
{
    return w->cur;
}

int ew_gguf_writer_finish(ew_gguf_writer *w, ew_error *err)
{
    if (!w->err.status && !w->f) fail(w, EW_ERR_STATE, "finish before begin");
    if (!w->err.status && w->cur < w->n_t)
        fail(w, EW_ERR_STATE, "tensor %s got %llu of its %llu bytes", w->t[w->cur].name,
             (unsigned long long)w->done, (unsigned long long)w->t[w->cur].size);
    if (!w->err.status && (fflush(w->f) || ferror(w->f)))
        fail(w, EW_ERR_IO, "write failed: %s", strerror(errno));
    return report(w, err);
}
