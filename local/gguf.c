/* GGUF reader: one pass over the header with a bounds-checked cursor, then
 * every tensor is checked against the file before anyone can touch its data.
 * Nothing here trusts a count or a length read from the file: each is
 * compared with the bytes that remain before it is used, so a hostile file
 * costs at most O(file size) work and memory. */
#include "local/gguf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mbedtls/sha256.h>

#include "core/error.h"

#define GGUF_MAGIC            0x46554747u /* "GGUF" read little-endian */
#define GGUF_DEFAULT_ALIGN    32u
#define GGUF_MAX_ALIGN        (1u << 20)
#define GGUF_MAX_KEY_LEN      65535u /* the spec's limit */
#define GGUF_MAX_NAME_LEN     1024u  /* tensor names; ggml itself allows 63 */
#define GGUF_MAX_KV           (1u << 20)
#define GGUF_MAX_TENSORS      (1u << 20)
#define GGUF_MAX_ARRAY_DEPTH  4   /* arrays of arrays: bounded recursion */
#define GGUF_MIN_KV_BYTES     13u /* key len (8) + type (4) + one value byte */
#define GGUF_MIN_TENSOR_BYTES 24u /* name len (8) + n_dims (4) + type (4) + offset (8) */

typedef struct gguf_kv {
    const char *key; /* points into the file, not NUL-terminated */
    size_t key_len;
    uint32_t type;
    uint32_t elem_type; /* arrays */
    uint64_t n;         /* arrays: element count */
    size_t val;         /* offset of the value; arrays: of the first element */
    size_t *str_off;    /* string arrays: offset of each element's length prefix */
} gguf_kv;

struct ew_gguf {
    const uint8_t *data;
    size_t size;
    void *map; /* non-NULL when we own an mmap */
    uint32_t version;
    uint32_t alignment;
    size_t data_start;
    gguf_kv *kv;
    int n_kv;
    ew_gguf_tensor *tensors;
    int n_tensors;
    char *names;       /* all tensor names, NUL-terminated, back to back */
    int32_t *kv_index; /* open-addressing hash tables: index + 1, 0 = empty */
    uint32_t kv_mask;
    int32_t *tensor_index;
    uint32_t tensor_mask;
};

/* ---- tensor type geometry ------------------------------------------------------ */

typedef struct type_traits {
    const char *name;
    int block_elems;
    int block_bytes;
} type_traits;

/* Every type ggml has numbered; the gaps are types ggml has since removed. */
static const type_traits ggml_types[] = {
    [0] = {"F32", 1, 4},         [1] = {"F16", 1, 2},         [2] = {"Q4_0", 32, 18},
    [3] = {"Q4_1", 32, 20},      [6] = {"Q5_0", 32, 22},      [7] = {"Q5_1", 32, 24},
    [8] = {"Q8_0", 32, 34},      [9] = {"Q8_1", 32, 36},      [10] = {"Q2_K", 256, 84},
    [11] = {"Q3_K", 256, 110},   [12] = {"Q4_K", 256, 144},   [13] = {"Q5_K", 256, 176},
    [14] = {"Q6_K", 256, 210},   [15] = {"Q8_K", 256, 292},   [16] = {"IQ2_XXS", 256, 66},
    [17] = {"IQ2_XS", 256, 74},  [18] = {"IQ3_XXS", 256, 98}, [19] = {"IQ1_S", 256, 50},
    [20] = {"IQ4_NL", 32, 18},   [21] = {"IQ3_S", 256, 110},  [22] = {"IQ2_S", 256, 82},
    [23] = {"IQ4_XS", 256, 136}, [24] = {"I8", 1, 1},         [25] = {"I16", 1, 2},
    [26] = {"I32", 1, 4},        [27] = {"I64", 1, 8},        [28] = {"F64", 1, 8},
    [29] = {"IQ1_M", 256, 56},   [30] = {"BF16", 1, 2},       [34] = {"TQ1_0", 256, 54},
    [35] = {"TQ2_0", 256, 66},   [39] = {"MXFP4", 32, 17},
};

static const type_traits *type_get(uint32_t type)
{
    if (type >= sizeof ggml_types / sizeof ggml_types[0] || !ggml_types[type].name) return NULL;
    return &ggml_types[type];
}

const char *ew_ggml_type_name(uint32_t type)
{
    const type_traits *t = type_get(type);
    return t ? t->name : NULL;
}

int ew_ggml_block_elems(uint32_t type)
{
    const type_traits *t = type_get(type);
    return t ? t->block_elems : 0;
}

size_t ew_ggml_block_bytes(uint32_t type)
{
    const type_traits *t = type_get(type);
    return t ? (size_t)t->block_bytes : 0;
}

/* ---- bounds-checked cursor ------------------------------------------------------ */

typedef struct reader {
    const uint8_t *p;
    size_t size;
    size_t pos;
    const char *name; /* file name for errors */
    ew_error *err;
} reader;

static int rd_fail(reader *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int rd_fail(reader *r, int status, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ew__error_at(r->err, status, r->name, 0, 0, "GGUF: %s", msg);
}

static size_t rd_left(const reader *r)
{
    return r->size - r->pos;
}

static int rd_need(reader *r, size_t n, const char *what)
{
    if (n > rd_left(r))
        return rd_fail(r, EW_ERR_PARSE,
                       "truncated: %s needs %zu bytes at offset %zu but the file has %zu left",
                       what, n, r->pos, rd_left(r));
    return EW_OK;
}

static uint32_t load_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t load_u64(const uint8_t *p)
{
    return (uint64_t)load_u32(p) | (uint64_t)load_u32(p + 4) << 32;
}

static int rd_u32(reader *r, uint32_t *out, const char *what)
{
    int st = rd_need(r, 4, what);
    if (st) return st;
    *out = load_u32(r->p + r->pos);
    r->pos += 4;
    return EW_OK;
}

static int rd_u64(reader *r, uint64_t *out, const char *what)
{
    int st = rd_need(r, 8, what);
    if (st) return st;
    *out = load_u64(r->p + r->pos);
    r->pos += 8;
    return EW_OK;
}

/* A length-prefixed string; *s points into the file. */
static int rd_str(reader *r, const char **s, size_t *len, uint64_t max, const char *what)
{
    size_t at = r->pos;
    uint64_t n;
    int st = rd_u64(r, &n, what);
    if (st) return st;
    if (n > max)
        return rd_fail(r, EW_ERR_TOO_LARGE, "%s at offset %zu is %llu bytes, limit %llu", what, at,
                       (unsigned long long)n, (unsigned long long)max);
    if (n > rd_left(r))
        return rd_fail(r, EW_ERR_PARSE,
                       "truncated: %s at offset %zu is %llu bytes but the file has %zu left", what,
                       at, (unsigned long long)n, rd_left(r));
    *s = (const char *)r->p + r->pos;
    *len = (size_t)n;
    r->pos += (size_t)n;
    return EW_OK;
}

/* ---- metadata values ---------------------------------------------------------------- */

/* Bytes of one scalar value; 0 for strings, arrays and unknown types. */
size_t ew_gguf_type_size(uint32_t type)
{
    switch (type) {
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

static int skip_value(reader *r, uint32_t type, int depth, const char *what);

/* Walks an array's elements (type and count already read). For string
 * arrays, str_off (may be NULL) receives each element's offset. */
static int skip_array_elems(reader *r, uint32_t elem, uint64_t n, int depth, size_t *str_off,
                            const char *what)
{
    size_t at = r->pos;
    size_t esz = ew_gguf_type_size(elem);
    if (esz) {
        if (n > rd_left(r) / esz)
            return rd_fail(r, EW_ERR_PARSE,
                           "truncated: %s at offset %zu holds %llu elements of %zu bytes but the "
                           "file has %zu left",
                           what, at, (unsigned long long)n, esz, rd_left(r));
        r->pos += (size_t)n * esz;
        return EW_OK;
    }
    if (elem != EW_GGUF_STRING && elem != EW_GGUF_ARRAY)
        return rd_fail(r, EW_ERR_PARSE, "%s at offset %zu has unknown element type %u", what, at,
                       elem);
    /* Each string takes at least 8 bytes, each nested array at least 12. */
    size_t min = elem == EW_GGUF_STRING ? 8 : 12;
    if (n > rd_left(r) / min)
        return rd_fail(r, EW_ERR_PARSE,
                       "truncated: %s at offset %zu claims %llu elements, more than the %zu bytes "
                       "left can hold",
                       what, at, (unsigned long long)n, rd_left(r));
    for (uint64_t i = 0; i < n; i++) {
        if (str_off) str_off[i] = r->pos;
        int st = skip_value(r, elem, depth, what);
        if (st) return st;
    }
    return EW_OK;
}

static int skip_value(reader *r, uint32_t type, int depth, const char *what)
{
    size_t esz = ew_gguf_type_size(type);
    if (esz) {
        int st = rd_need(r, esz, what);
        if (!st) r->pos += esz;
        return st;
    }
    if (type == EW_GGUF_STRING) {
        const char *s;
        size_t len;
        return rd_str(r, &s, &len, UINT64_MAX, what);
    }
    if (type != EW_GGUF_ARRAY)
        return rd_fail(r, EW_ERR_PARSE, "%s at offset %zu has unknown value type %u", what, r->pos,
                       type);
    if (depth >= GGUF_MAX_ARRAY_DEPTH)
        return rd_fail(r, EW_ERR_TOO_LARGE, "%s at offset %zu nests arrays deeper than %d", what,
                       r->pos, GGUF_MAX_ARRAY_DEPTH);
    uint32_t elem;
    uint64_t n;
    int st = rd_u32(r, &elem, what);
    if (!st) st = rd_u64(r, &n, what);
    if (!st) st = skip_array_elems(r, elem, n, depth + 1, NULL, what);
    return st;
}

static int read_kv(reader *r, gguf_kv *kv)
{
    size_t at = r->pos;
    int st = rd_str(r, &kv->key, &kv->key_len, GGUF_MAX_KEY_LEN, "metadata key");
    if (!st) st = rd_u32(r, &kv->type, "metadata value type");
    if (st) return st;
    if (!kv->key_len) return rd_fail(r, EW_ERR_PARSE, "empty metadata key at offset %zu", at);
    if (kv->type != EW_GGUF_ARRAY) {
        kv->val = r->pos;
        return skip_value(r, kv->type, 0, "metadata value");
    }
    st = rd_u32(r, &kv->elem_type, "array element type");
    if (!st) st = rd_u64(r, &kv->n, "array length");
    if (st) return st;
    kv->val = r->pos;
    if (kv->elem_type == EW_GGUF_STRING && kv->n > 0 && kv->n <= rd_left(r) / 8) {
        /* Indexed so that the i-th vocab entry is O(1) to reach. */
        kv->str_off = malloc((size_t)kv->n * sizeof *kv->str_off);
        if (!kv->str_off)
            return rd_fail(r, EW_ERR_NOMEM, "no memory for %llu array entries",
                           (unsigned long long)kv->n);
    }
    return skip_array_elems(r, kv->elem_type, kv->n, 1, kv->str_off, "metadata array");
}

/* ---- name hash tables ------------------------------------------------------------- */

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

static name_ref kv_name(const ew_gguf *g, int i)
{
    return (name_ref){g->kv[i].key, g->kv[i].key_len};
}

static name_ref tensor_name(const ew_gguf *g, int i)
{
    return (name_ref){g->tensors[i].name, strlen(g->tensors[i].name)};
}

/* Open addressing with linear probing; returns the slot holding the name or
 * the empty slot where it would go. */
static uint32_t table_probe(const ew_gguf *g, const int32_t *tab, uint32_t mask,
                            name_ref (*name_of)(const ew_gguf *, int), const char *s, size_t n)
{
    uint32_t h = hash_bytes(s, n) & mask;
    for (;;) {
        int32_t v = tab[h];
        if (!v) return h;
        name_ref cand = name_of(g, v - 1);
        if (cand.len == n && !memcmp(cand.s, s, n)) return h;
        h = (h + 1) & mask;
    }
}

/* Builds a table over n names; returns the index of the first duplicate, -1
 * when all are distinct, or -2 on allocation failure. */
static int table_build(const ew_gguf *g, int n, name_ref (*name_of)(const ew_gguf *, int),
                       int32_t **tab, uint32_t *mask)
{
    uint32_t cap = 8;
    while (cap < (uint32_t)n * 2u)
        cap <<= 1;
    *tab = calloc(cap, sizeof **tab);
    if (!*tab) return -2;
    *mask = cap - 1;
    for (int i = 0; i < n; i++) {
        name_ref nm = name_of(g, i);
        uint32_t slot = table_probe(g, *tab, *mask, name_of, nm.s, nm.len);
        if ((*tab)[slot]) return i;
        (*tab)[slot] = i + 1;
    }
    return -1;
}

/* ---- tensors ----------------------------------------------------------------------- */

static int read_tensor_info(reader *r, ew_gguf_tensor *t, const char **name, size_t *name_len)
{
    size_t at = r->pos;
    uint32_t n_dims;
    int st = rd_str(r, name, name_len, GGUF_MAX_NAME_LEN, "tensor name");
    if (!st) st = rd_u32(r, &n_dims, "tensor dimension count");
    if (st) return st;
    if (!*name_len || memchr(*name, 0, *name_len))
        return rd_fail(r, EW_ERR_PARSE, "tensor at offset %zu has an empty name or one with NUL",
                       at);
    if (n_dims < 1 || n_dims > EW_GGUF_MAX_DIMS)
        return rd_fail(r, EW_ERR_PARSE, "tensor '%.*s' at offset %zu has %u dimensions (1..%d)",
                       (int)*name_len, *name, at, n_dims, EW_GGUF_MAX_DIMS);
    t->n_dims = (int)n_dims;
    for (int d = 0; d < EW_GGUF_MAX_DIMS; d++) {
        t->ne[d] = 1;
        if (d < t->n_dims && (st = rd_u64(r, &t->ne[d], "tensor shape"))) return st;
    }
    if (!(st = rd_u32(r, &t->type, "tensor type"))) st = rd_u64(r, &t->offset, "tensor offset");
    return st;
}

/* Byte size of a tensor's data from its shape and type, overflow-checked. */
static int tensor_nbytes(reader *r, ew_gguf_tensor *t, size_t at)
{
    const type_traits *tt = type_get(t->type);
    if (!tt)
        return rd_fail(r, EW_ERR_UNSUPPORTED,
                       "tensor '%s' (info at offset %zu) has unknown type %u", t->name, at,
                       t->type);
    if (t->ne[0] % (uint64_t)tt->block_elems)
        return rd_fail(r, EW_ERR_PARSE,
                       "tensor '%s' (info at offset %zu): row of %llu elements is not a multiple "
                       "of the %s block size %d",
                       t->name, at, (unsigned long long)t->ne[0], tt->name, tt->block_elems);
    /* Elements count checked against INT64_MAX as ggml indexes with int64. */
    uint64_t nel = 1;
    for (int d = 0; d < EW_GGUF_MAX_DIMS; d++) {
        if (t->ne[d] > (uint64_t)INT64_MAX || (t->ne[d] && nel > (uint64_t)INT64_MAX / t->ne[d]))
            return rd_fail(r, EW_ERR_PARSE,
                           "tensor '%s' (info at offset %zu): shape overflows the element count",
                           t->name, at);
        nel *= t->ne[d];
    }
    uint64_t blocks = nel / (uint64_t)tt->block_elems;
    if (blocks > UINT64_MAX / (uint64_t)tt->block_bytes)
        return rd_fail(r, EW_ERR_PARSE, "tensor '%s' (info at offset %zu): byte size overflows",
                       t->name, at);
    t->size = blocks * (uint64_t)tt->block_bytes;
    return EW_OK;
}

static int cmp_by_offset(const void *a, const void *b)
{
    const ew_gguf_tensor *x = *(ew_gguf_tensor *const *)a, *y = *(ew_gguf_tensor *const *)b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Places every tensor in the data section and rejects misaligned, out of
 * file or overlapping ones. */
static int place_tensors(reader *r, ew_gguf *g)
{
    for (int i = 0; i < g->n_tensors; i++) {
        ew_gguf_tensor *t = &g->tensors[i];
        if (t->offset % g->alignment)
            return rd_fail(r, EW_ERR_PARSE, "tensor '%s': data offset %llu is not aligned to %u",
                           t->name, (unsigned long long)t->offset, g->alignment);
        uint64_t room = g->size - g->data_start;
        if (t->offset > room || t->size > room - t->offset)
            return rd_fail(r, EW_ERR_PARSE,
                           "tensor '%s': data [%llu, +%llu) past the end of the file (data "
                           "section at %zu, file size %zu)",
                           t->name, (unsigned long long)t->offset, (unsigned long long)t->size,
                           g->data_start, g->size);
        t->offset += g->data_start;
        t->data = g->data + t->offset;
    }
    if (g->n_tensors < 2) return EW_OK;
    ew_gguf_tensor **by = malloc((size_t)g->n_tensors * sizeof *by);
    if (!by) return rd_fail(r, EW_ERR_NOMEM, "no memory to sort %d tensors", g->n_tensors);
    for (int i = 0; i < g->n_tensors; i++)
        by[i] = &g->tensors[i];
    qsort(by, (size_t)g->n_tensors, sizeof *by, cmp_by_offset);
    int st = EW_OK;
    for (int i = 1; i < g->n_tensors && !st; i++)
        if (by[i]->offset < by[i - 1]->offset + by[i - 1]->size)
            st = rd_fail(r, EW_ERR_PARSE, "tensors '%s' and '%s' overlap at file offset %llu",
                         by[i - 1]->name, by[i]->name, (unsigned long long)by[i]->offset);
    free(by);
    return st;
}

static int read_tensors(reader *r, ew_gguf *g, uint64_t n)
{
    size_t cnt = n ? (size_t)n : 1;
    g->tensors = calloc(cnt, sizeof *g->tensors);
    size_t *info_at = calloc(cnt, sizeof *info_at);
    size_t *name_len = calloc(cnt, sizeof *name_len);
    int st = EW_OK;
    if (!g->tensors || !info_at || !name_len)
        st = rd_fail(r, EW_ERR_NOMEM, "no memory for %llu tensors", (unsigned long long)n);
    /* First pass: names still point into the file (not NUL-terminated). */
    size_t names_total = 0;
    for (uint64_t i = 0; i < n && !st; i++) {
        info_at[i] = r->pos;
        st = read_tensor_info(r, &g->tensors[i], &g->tensors[i].name, &name_len[i]);
        names_total += name_len[i] + 1;
    }
    if (!st && !(g->names = malloc(names_total ? names_total : 1)))
        st = rd_fail(r, EW_ERR_NOMEM, "no memory for %llu tensor names", (unsigned long long)n);
    if (!st) {
        char *at = g->names;
        for (uint64_t i = 0; i < n; i++) {
            memcpy(at, g->tensors[i].name, name_len[i]);
            at[name_len[i]] = 0;
            g->tensors[i].name = at;
            at += name_len[i] + 1;
        }
        g->n_tensors = (int)n;
    }
    for (int i = 0; i < g->n_tensors && !st; i++)
        st = tensor_nbytes(r, &g->tensors[i], info_at[i]);
    free(info_at);
    free(name_len);
    return st;
}

/* ---- open ------------------------------------------------------------------------- */

static int read_header(reader *r, ew_gguf *g, uint64_t *n_tensors, uint64_t *n_kv)
{
    uint32_t magic;
    int st = rd_u32(r, &magic, "magic");
    if (st) return st;
    if (magic != GGUF_MAGIC)
        return rd_fail(r, EW_ERR_PARSE, "bad magic 0x%08x at offset 0 (not a GGUF file)", magic);
    if ((st = rd_u32(r, &g->version, "version"))) return st;
    if (g->version != 2 && g->version != 3)
        return rd_fail(r, EW_ERR_UNSUPPORTED, "version %u at offset 4 (supported: 2, 3)",
                       g->version);
    if ((st = rd_u64(r, n_tensors, "tensor count")) || (st = rd_u64(r, n_kv, "metadata count")))
        return st;
    if (*n_tensors > GGUF_MAX_TENSORS || *n_tensors > rd_left(r) / GGUF_MIN_TENSOR_BYTES)
        return rd_fail(r, EW_ERR_PARSE, "tensor count %llu at offset 8 is impossible for the file",
                       (unsigned long long)*n_tensors);
    if (*n_kv > GGUF_MAX_KV || *n_kv > rd_left(r) / GGUF_MIN_KV_BYTES)
        return rd_fail(r, EW_ERR_PARSE,
                       "metadata count %llu at offset 16 is impossible for the file",
                       (unsigned long long)*n_kv);
    return EW_OK;
}

static int read_alignment(reader *r, ew_gguf *g)
{
    g->alignment = GGUF_DEFAULT_ALIGN;
    int k = ew_gguf_find(g, "general.alignment");
    if (k < 0) return EW_OK;
    uint32_t a;
    if (ew_gguf_get_u32(g, "general.alignment", &a) < 0 || a == 0 || (a & (a - 1)) ||
        a > GGUF_MAX_ALIGN)
        return rd_fail(r, EW_ERR_PARSE,
                       "general.alignment (value at offset %zu) must be a power of two up to %u",
                       g->kv[k].val, GGUF_MAX_ALIGN);
    g->alignment = a;
    return EW_OK;
}

static int parse(reader *r, ew_gguf *g)
{
    uint64_t n_tensors, n_kv;
    int st = read_header(r, g, &n_tensors, &n_kv);
    if (st) return st;
    g->kv = calloc(n_kv ? (size_t)n_kv : 1, sizeof *g->kv);
    if (!g->kv)
        return rd_fail(r, EW_ERR_NOMEM, "no memory for %llu metadata entries",
                       (unsigned long long)n_kv);
    for (uint64_t i = 0; i < n_kv; i++) {
        g->n_kv = (int)i + 1;
        if ((st = read_kv(r, &g->kv[i]))) return st;
    }
    int dup = table_build(g, g->n_kv, kv_name, &g->kv_index, &g->kv_mask);
    if (dup == -2) return rd_fail(r, EW_ERR_NOMEM, "no memory for the metadata index");
    if (dup >= 0)
        return rd_fail(r, EW_ERR_PARSE, "duplicate metadata key '%.*s'",
                       (int)(g->kv[dup].key_len > 200 ? 200 : g->kv[dup].key_len), g->kv[dup].key);
    if ((st = read_alignment(r, g)) || (st = read_tensors(r, g, n_tensors))) return st;
    dup = table_build(g, g->n_tensors, tensor_name, &g->tensor_index, &g->tensor_mask);
    if (dup == -2) return rd_fail(r, EW_ERR_NOMEM, "no memory for the tensor index");
    if (dup >= 0)
        return rd_fail(r, EW_ERR_PARSE, "duplicate tensor name '%s'", g->tensors[dup].name);
    /* The data section starts at the next alignment boundary; a file with no
     * tensors may end right after its metadata. */
    size_t pad = (g->alignment - r->pos % g->alignment) % g->alignment;
    if (g->n_tensors && pad > rd_left(r))
        return rd_fail(r, EW_ERR_PARSE, "truncated: data section at offset %zu is past the end",
                       r->pos + pad);
    g->data_start = pad > rd_left(r) ? r->size : r->pos + pad;
    return place_tensors(r, g);
}

static int hex_nibble(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int check_sha256(const ew_gguf *g, const char *name, const char *expected, ew_error *err)
{
    uint8_t want[32], got[32];
    if (strlen(expected) != 64)
        return ew__error_at(err, EW_ERR_INVALID, name, 0, 0,
                            "expected sha256 must be 64 hex digits");
    for (int i = 0; i < 32; i++) {
        int hi = hex_nibble(expected[2 * i]), lo = hex_nibble(expected[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return ew__error_at(err, EW_ERR_INVALID, name, 0, 0,
                                "expected sha256 must be 64 hex digits");
        want[i] = (uint8_t)(hi << 4 | lo);
    }
    if (mbedtls_sha256_ret(g->data, g->size, got, 0))
        return ew__error_at(err, EW_ERR_INTERNAL, name, 0, 0, "sha256 failed");
    if (memcmp(want, got, 32)) {
        char hex[65];
        for (int i = 0; i < 32; i++)
            snprintf(hex + 2 * i, 3, "%02x", got[i]);
        return ew__error_at(err, EW_ERR_INTEGRITY, name, 0, 0,
                            "sha256 mismatch: file is %s, expected %s", hex, expected);
    }
    return EW_OK;
}

int ew_gguf_open_mem(const void *data, size_t size, const char *name, const char *expected_sha256,
                     ew_gguf **out, ew_error *err)
{
    *out = NULL;
    if (!name) name = "<memory>";
    ew_gguf *g = calloc(1, sizeof *g);
    if (!g) return ew__error_at(err, EW_ERR_NOMEM, name, 0, 0, "no memory");
    g->data = data;
    g->size = size;
    int st = EW_OK;
    if (expected_sha256) st = check_sha256(g, name, expected_sha256, err);
    if (!st) {
        reader r = {.p = data, .size = size, .name = name, .err = err};
        st = parse(&r, g);
    }
    if (st) {
        ew_gguf_close(g);
        return st;
    }
    *out = g;
    return EW_OK;
}

int ew_gguf_open(const char *path, const char *expected_sha256, ew_gguf **out, ew_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ew__error_at(err, EW_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) || !S_ISREG(sb.st_mode)) {
        close(fd);
        return ew__error_at(err, EW_ERR_IO, path, 0, 0, "not a regular file");
    }
    if ((uint64_t)sb.st_size > SIZE_MAX) {
        close(fd);
        return ew__error_at(err, EW_ERR_TOO_LARGE, path, 0, 0, "file too large to map");
    }
    size_t size = (size_t)sb.st_size;
    void *map = NULL;
    if (size) {
        map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            int e = errno;
            close(fd);
            return ew__error_at(err, EW_ERR_IO, path, 0, 0, "mmap: %s", strerror(e));
        }
    }
    close(fd);
    static const uint8_t empty[1];
    int st = ew_gguf_open_mem(map ? map : empty, size, path, expected_sha256, out, err);
    if (st) {
        if (map) munmap(map, size);
        return st;
    }
    (*out)->map = map;
    return EW_OK;
}

void ew_gguf_close(ew_gguf *g)
{
    if (!g) return;
    for (int i = 0; i < g->n_kv; i++)
        free(g->kv[i].str_off);
    free(g->kv);
    free(g->kv_index);
    free(g->tensors);
    free(g->tensor_index);
    free(g->names);
    if (g->map) munmap(g->map, g->size);
    free(g);
}

/* ---- accessors ----------------------------------------------------------------------- */

uint32_t ew_gguf_version(const ew_gguf *g)
{
    return g->version;
}

size_t ew_gguf_file_size(const ew_gguf *g)
{
    return g->size;
}

const void *ew_gguf_file_data(const ew_gguf *g)
{
    return g->data;
}

uint32_t ew_gguf_alignment(const ew_gguf *g)
{
    return g->alignment;
}

int ew_gguf_n_kv(const ew_gguf *g)
{
    return g->n_kv;
}

int ew_gguf_find(const ew_gguf *g, const char *key)
{
    if (!g->kv_index) return -1;
    size_t n = strlen(key);
    uint32_t slot = table_probe(g, g->kv_index, g->kv_mask, kv_name, key, n);
    return g->kv_index[slot] - 1;
}

const char *ew_gguf_key(const ew_gguf *g, int k, size_t *len)
{
    if (k < 0 || k >= g->n_kv) return NULL;
    if (len) *len = g->kv[k].key_len;
    return g->kv[k].key;
}

ew_gguf_type ew_gguf_kv_type(const ew_gguf *g, int k)
{
    if (k < 0 || k >= g->n_kv) return (ew_gguf_type)-1;
    return (ew_gguf_type)g->kv[k].type;
}

/* Reads an integer-typed value as int64 with a flag for values above
 * INT64_MAX. Returns EW_ERR_INVALID for non-integer types. */
static int kv_int(const ew_gguf *g, const gguf_kv *kv, int64_t *v, bool *big)
{
    const uint8_t *p = g->data + kv->val;
    uint64_t u = 0;
    *big = false;
    switch (kv->type) {
    case EW_GGUF_UINT8:
        *v = p[0];
        return EW_OK;
    case EW_GGUF_INT8:
        *v = (int8_t)p[0];
        return EW_OK;
    case EW_GGUF_UINT16:
        *v = (uint16_t)(p[0] | p[1] << 8);
        return EW_OK;
    case EW_GGUF_INT16:
        *v = (int16_t)(uint16_t)(p[0] | p[1] << 8);
        return EW_OK;
    case EW_GGUF_UINT32:
        *v = load_u32(p);
        return EW_OK;
    case EW_GGUF_INT32:
        *v = (int32_t)load_u32(p);
        return EW_OK;
    case EW_GGUF_INT64:
        *v = (int64_t)load_u64(p);
        return EW_OK;
    case EW_GGUF_UINT64:
        u = load_u64(p);
        *big = u > (uint64_t)INT64_MAX;
        *v = *big ? INT64_MAX : (int64_t)u;
        return EW_OK;
    default:
        return EW_ERR_INVALID;
    }
}

static const gguf_kv *kv_get(const ew_gguf *g, const char *key)
{
    int k = ew_gguf_find(g, key);
    return k < 0 ? NULL : &g->kv[k];
}

int ew_gguf_get_u32(const ew_gguf *g, const char *key, uint32_t *out)
{
    const gguf_kv *kv = kv_get(g, key);
    if (!kv) return EW_ERR_NOT_FOUND;
    int64_t v;
    bool big;
    if (kv_int(g, kv, &v, &big) || big || v < 0 || v > (int64_t)UINT32_MAX) return EW_ERR_INVALID;
    *out = (uint32_t)v;
    return EW_OK;
}

int ew_gguf_get_i64(const ew_gguf *g, const char *key, int64_t *out)
{
    const gguf_kv *kv = kv_get(g, key);
    if (!kv) return EW_ERR_NOT_FOUND;
    int64_t v;
    bool big;
    if (kv_int(g, kv, &v, &big) || big) return EW_ERR_INVALID;
    *out = v;
    return EW_OK;
}

int ew_gguf_get_f32(const ew_gguf *g, const char *key, float *out)
{
    const gguf_kv *kv = kv_get(g, key);
    if (!kv) return EW_ERR_NOT_FOUND;
    const uint8_t *p = g->data + kv->val;
    if (kv->type == EW_GGUF_FLOAT32) {
        uint32_t bits = load_u32(p);
        memcpy(out, &bits, 4);
        return EW_OK;
    }
    if (kv->type == EW_GGUF_FLOAT64) {
        uint64_t bits = load_u64(p);
        double d;
        memcpy(&d, &bits, 8);
        *out = (float)d;
        return EW_OK;
    }
    return EW_ERR_INVALID;
}

int ew_gguf_get_bool(const ew_gguf *g, const char *key, bool *out)
{
    const gguf_kv *kv = kv_get(g, key);
    if (!kv) return EW_ERR_NOT_FOUND;
    if (kv->type != EW_GGUF_BOOL) return EW_ERR_INVALID;
    *out = g->data[kv->val] != 0;
    return EW_OK;
}

/* A length-prefixed string at a checked offset. */
static void str_at(const ew_gguf *g, size_t off, const char **s, size_t *len)
{
    *len = (size_t)load_u64(g->data + off);
    *s = (const char *)g->data + off + 8;
}

int ew_gguf_get_str(const ew_gguf *g, const char *key, const char **s, size_t *len)
{
    const gguf_kv *kv = kv_get(g, key);
    if (!kv) return EW_ERR_NOT_FOUND;
    if (kv->type != EW_GGUF_STRING) return EW_ERR_INVALID;
    size_t n;
    str_at(g, kv->val, s, &n);
    if (len) *len = n;
    return EW_OK;
}

int ew_gguf_get_arr(const ew_gguf *g, const char *key, ew_gguf_type *elem_type, uint64_t *n,
                    const void **data)
{
    const gguf_kv *kv = kv_get(g, key);
    if (!kv) return EW_ERR_NOT_FOUND;
    if (kv->type != EW_GGUF_ARRAY) return EW_ERR_INVALID;
    if (elem_type) *elem_type = (ew_gguf_type)kv->elem_type;
    if (n) *n = kv->n;
    if (data) *data = g->data + kv->val;
    return EW_OK;
}

int ew_gguf_arr_str(const ew_gguf *g, const char *key, uint64_t i, const char **s, size_t *len)
{
    int k = ew_gguf_find(g, key);
    return k < 0 ? EW_ERR_NOT_FOUND : ew_gguf_arr_str_at(g, k, i, s, len);
}

int ew_gguf_arr_str_at(const ew_gguf *g, int k, uint64_t i, const char **s, size_t *len)
{
    if (k < 0 || k >= g->n_kv) return EW_ERR_NOT_FOUND;
    const gguf_kv *kv = &g->kv[k];
    if (kv->type != EW_GGUF_ARRAY || kv->elem_type != EW_GGUF_STRING || i >= kv->n)
        return EW_ERR_INVALID;
    size_t n, off = kv->val;
    if (kv->str_off) {
        off = kv->str_off[i];
    } else { /* released: walk the (validated) length-prefixed strings */
        for (uint64_t j = 0; j < i; j++)
            off += 8 + (size_t)load_u64(g->data + off);
    }
    str_at(g, off, s, &n);
    if (len) *len = n;
    return EW_OK;
}

void ew_gguf_release_header(ew_gguf *g)
{
    for (int i = 0; i < g->n_kv; i++) {
        free(g->kv[i].str_off);
        g->kv[i].str_off = NULL;
    }
    long page = sysconf(_SC_PAGESIZE);
    if (!g->map || page <= 0) return;
    /* whole pages before the first tensor's; a private mapping never written
     * to drops them and reads them from the file again on access */
    size_t head = g->data_start / (size_t)page * (size_t)page;
    if (head) madvise(g->map, head, MADV_DONTNEED);
}

int ew_gguf_n_tensors(const ew_gguf *g)
{
    return g->n_tensors;
}

const ew_gguf_tensor *ew_gguf_tensor_at(const ew_gguf *g, int i)
{
    return i >= 0 && i < g->n_tensors ? &g->tensors[i] : NULL;
}

const ew_gguf_tensor *ew_gguf_find_tensor(const ew_gguf *g, const char *name)
{
    if (!g->tensor_index) return NULL;
    uint32_t slot =
        table_probe(g, g->tensor_index, g->tensor_mask, tensor_name, name, strlen(name));
    int32_t v = g->tensor_index[slot];
    return v ? &g->tensors[v - 1] : NULL;
}
