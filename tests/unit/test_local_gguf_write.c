/* GGUF writer: files it writes read back through the reader with every value,
 * tensor info and data byte intact; copying a real model entry by entry gives
 * the same file; misuse and limits give clean errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "local/gguf.h"
#include "local/gguf_write.h"

/* An in-memory output stream; the caller frees .data. */
typedef struct mem_out {
    FILE *f;
    char *data;
    size_t size;
} mem_out;

static void mem_open(mem_out *m)
{
    m->data = NULL;
    m->size = 0;
    m->f = open_memstream(&m->data, &m->size);
    assert_non_null(m->f);
}

static void mem_close(mem_out *m)
{
    assert_int_equal(fclose(m->f), 0);
    m->f = NULL;
}

static ew_gguf *reopen(const mem_out *m)
{
    ew_gguf *g = NULL;
    ew_error err;
    int st = ew_gguf_open_mem(m->data, m->size, "written", NULL, &g, &err);
    if (st) fail_msg("reader rejected the written file: %s", err.message);
    return g;
}

static void fill(uint8_t *p, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        p[i] = (uint8_t)(seed >> 24);
    }
}

static void check_str(const ew_gguf *g, const char *key, const char *want, size_t want_len)
{
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_get_str(g, key, &s, &len), EW_OK);
    assert_int_equal(len, want_len);
    assert_memory_equal(s, want, want_len);
}

/* Every scalar type, strings with odd bytes, numeric and string arrays. */
static void add_all_types(ew_gguf_writer *w)
{
    uint8_t u8 = 200;
    int8_t i8 = -100;
    uint16_t u16 = 60000;
    int16_t i16 = -30000;
    int64_t i64 = -5000000000LL;
    uint64_t u64 = 18000000000000000000ULL;
    double f64 = 3.141592653589793;
    assert_int_equal(ew_gguf_writer_set(w, "t.u8", EW_GGUF_UINT8, &u8), EW_OK);
    assert_int_equal(ew_gguf_writer_set(w, "t.i8", EW_GGUF_INT8, &i8), EW_OK);
    assert_int_equal(ew_gguf_writer_set(w, "t.u16", EW_GGUF_UINT16, &u16), EW_OK);
    assert_int_equal(ew_gguf_writer_set(w, "t.i16", EW_GGUF_INT16, &i16), EW_OK);
    assert_int_equal(ew_gguf_writer_set_u32(w, "t.u32", 4000000000u), EW_OK);
    assert_int_equal(ew_gguf_writer_set_i32(w, "t.i32", -2000000000), EW_OK);
    assert_int_equal(ew_gguf_writer_set(w, "t.i64", EW_GGUF_INT64, &i64), EW_OK);
    assert_int_equal(ew_gguf_writer_set(w, "t.u64", EW_GGUF_UINT64, &u64), EW_OK);
    assert_int_equal(ew_gguf_writer_set_f32(w, "t.f32", 1.5e-5f), EW_OK);
    assert_int_equal(ew_gguf_writer_set(w, "t.f64", EW_GGUF_FLOAT64, &f64), EW_OK);
    assert_int_equal(ew_gguf_writer_set_bool(w, "t.bool", true), EW_OK);
    assert_int_equal(ew_gguf_writer_set_str(w, "t.str", "a\0b\xff", 4), EW_OK);
    assert_int_equal(ew_gguf_writer_set_cstr(w, "t.empty", ""), EW_OK);
    int32_t ia[5] = {1, -2, 3, -4, 5};
    float fa[3] = {0.25f, -1.0f, 1e30f};
    assert_int_equal(ew_gguf_writer_set_arr(w, "t.arr_i32", EW_GGUF_INT32, 5, ia), EW_OK);
    assert_int_equal(ew_gguf_writer_set_arr(w, "t.arr_f32", EW_GGUF_FLOAT32, 3, fa), EW_OK);
    assert_int_equal(ew_gguf_writer_set_arr(w, "t.arr_empty", EW_GGUF_UINT8, 0, NULL), EW_OK);
    const char *strs[] = {"hello", "", "\xe2\x96\x81world", "x\0y"};
    size_t lens[] = {5, 0, 8, 3};
    assert_int_equal(ew_gguf_writer_set_arr_str(w, "t.arr_str", 4, strs, lens), EW_OK);
}

static void check_all_types(const ew_gguf *g)
{
    int64_t v;
    uint32_t u;
    float f;
    bool b;
    assert_int_equal(ew_gguf_get_i64(g, "t.u8", &v), EW_OK);
    assert_int_equal(v, 200);
    assert_int_equal(ew_gguf_get_i64(g, "t.i8", &v), EW_OK);
    assert_int_equal(v, -100);
    assert_int_equal(ew_gguf_get_i64(g, "t.u16", &v), EW_OK);
    assert_int_equal(v, 60000);
    assert_int_equal(ew_gguf_get_i64(g, "t.i16", &v), EW_OK);
    assert_int_equal(v, -30000);
    assert_int_equal(ew_gguf_get_u32(g, "t.u32", &u), EW_OK);
    assert_int_equal(u, 4000000000u);
    assert_int_equal(ew_gguf_get_i64(g, "t.i32", &v), EW_OK);
    assert_int_equal(v, -2000000000);
    assert_int_equal(ew_gguf_get_i64(g, "t.i64", &v), EW_OK);
    assert_int_equal(v, -5000000000LL);
    assert_int_equal(ew_gguf_kv_type(g, ew_gguf_find(g, "t.u64")), EW_GGUF_UINT64);
    assert_int_equal(ew_gguf_get_i64(g, "t.u64", &v), EW_ERR_INVALID); /* above INT64_MAX */
    assert_int_equal(ew_gguf_get_f32(g, "t.f32", &f), EW_OK);
    assert_true(f == 1.5e-5f);
    assert_int_equal(ew_gguf_kv_type(g, ew_gguf_find(g, "t.f64")), EW_GGUF_FLOAT64);
    assert_int_equal(ew_gguf_get_bool(g, "t.bool", &b), EW_OK);
    assert_true(b);
    check_str(g, "t.str", "a\0b\xff", 4);
    check_str(g, "t.empty", "", 0);

    ew_gguf_type et;
    uint64_t n;
    const void *data;
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_i32", &et, &n, &data), EW_OK);
    assert_int_equal(et, EW_GGUF_INT32);
    assert_int_equal(n, 5);
    int32_t ia[5] = {1, -2, 3, -4, 5};
    assert_memory_equal(data, ia, sizeof ia);
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_f32", &et, &n, &data), EW_OK);
    assert_int_equal(et, EW_GGUF_FLOAT32);
    assert_int_equal(n, 3);
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_empty", &et, &n, &data), EW_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_str", &et, &n, &data), EW_OK);
    assert_int_equal(et, EW_GGUF_STRING);
    assert_int_equal(n, 4);
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_arr_str(g, "t.arr_str", 2, &s, &len), EW_OK);
    assert_int_equal(len, 8);
    assert_memory_equal(s, "\xe2\x96\x81world", 8);
    assert_int_equal(ew_gguf_arr_str(g, "t.arr_str", 3, &s, &len), EW_OK);
    assert_int_equal(len, 3);
    assert_memory_equal(s, "x\0y", 3);
    assert_int_equal(ew_gguf_arr_str(g, "t.arr_str", 1, &s, &len), EW_OK);
    assert_int_equal(len, 0);
}

typedef struct tdesc {
    const char *name;
    uint32_t type;
    int n_dims;
    uint64_t ne[4];
} tdesc;

static const tdesc tensors[] = {
    {"norm.weight", EW_GGML_F32, 1, {7}},
    {"blk.0.attn_q.weight", EW_GGML_Q8_0, 2, {64, 3}},
    {"blk.0.ffn_up.weight", EW_GGML_Q4_K, 2, {256, 2}},
    {"blk.0.ffn_down.weight", EW_GGML_F16, 3, {5, 2, 3}},
};
#define N_TENSORS (int)(sizeof tensors / sizeof tensors[0])

static void test_round_trip(void **state)
{
    (void)state;
    ew_gguf_writer *w = ew_gguf_writer_new();
    assert_non_null(w);
    add_all_types(w);
    assert_int_equal(ew_gguf_writer_set_alignment(w, 64), EW_OK);
    for (int i = 0; i < N_TENSORS; i++)
        assert_int_equal(ew_gguf_writer_add_tensor(w, tensors[i].name, tensors[i].type,
                                                   tensors[i].n_dims, tensors[i].ne),
                         EW_OK);
    assert_int_equal(ew_gguf_writer_tensor_size(w, 0), 28);
    assert_int_equal(ew_gguf_writer_tensor_size(w, 1), 2 * 34 * 3);
    assert_int_equal(ew_gguf_writer_tensor_size(w, 2), 144 * 2);
    assert_int_equal(ew_gguf_writer_tensor_size(w, 3), 2 * 30);

    mem_out m;
    mem_open(&m);
    ew_error err;
    assert_int_equal(ew_gguf_writer_begin(w, m.f, &err), EW_OK);
    uint8_t *blobs[N_TENSORS];
    for (int i = 0; i < N_TENSORS; i++) {
        size_t sz = (size_t)ew_gguf_writer_tensor_size(w, i);
        blobs[i] = malloc(sz);
        assert_non_null(blobs[i]);
        fill(blobs[i], sz, (uint32_t)i + 1);
        /* In two pieces: a write may stop mid-tensor. */
        assert_int_equal(ew_gguf_writer_current(w), i);
        assert_int_equal(ew_gguf_writer_write(w, blobs[i], sz / 2, &err), EW_OK);
        assert_int_equal(ew_gguf_writer_write(w, blobs[i] + sz / 2, sz - sz / 2, &err), EW_OK);
    }
    assert_int_equal(ew_gguf_writer_finish(w, &err), EW_OK);
    uint64_t predicted = ew_gguf_writer_file_size(w);
    mem_close(&m);
    assert_int_equal(m.size, predicted);
    assert_int_equal(m.size % 64, 0);

    ew_gguf *g = reopen(&m);
    assert_int_equal(ew_gguf_version(g), 3);
    assert_int_equal(ew_gguf_alignment(g), 64);
    check_all_types(g);
    assert_int_equal(ew_gguf_n_tensors(g), N_TENSORS);
    for (int i = 0; i < N_TENSORS; i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        assert_string_equal(t->name, tensors[i].name);
        assert_int_equal(t->type, tensors[i].type);
        assert_int_equal(t->n_dims, tensors[i].n_dims);
        for (int d = 0; d < tensors[i].n_dims; d++)
            assert_int_equal(t->ne[d], tensors[i].ne[d]);
        assert_int_equal(t->offset % 64, 0);
        assert_int_equal(t->size, ew_gguf_writer_tensor_size(w, i));
        assert_memory_equal(t->data, blobs[i], t->size);
        free(blobs[i]);
    }
    ew_gguf_close(g);
    ew_gguf_writer_free(w);
    free(m.data);
}

/* Replacing keeps the key's position; removed keys are not written. */
static void test_replace_and_remove(void **state)
{
    (void)state;
    ew_gguf_writer *w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set_cstr(w, "a", "first"), EW_OK);
    assert_int_equal(ew_gguf_writer_set_u32(w, "b", 1), EW_OK);
    assert_int_equal(ew_gguf_writer_set_u32(w, "c", 2), EW_OK);
    assert_int_equal(ew_gguf_writer_set_f32(w, "a", 2.5f), EW_OK); /* new type too */
    ew_gguf_writer_remove(w, "b");
    ew_gguf_writer_remove(w, "absent");
    assert_false(ew_gguf_writer_has(w, "b"));
    assert_true(ew_gguf_writer_has(w, "c"));
    mem_out m;
    mem_open(&m);
    ew_error err;
    assert_int_equal(ew_gguf_writer_begin(w, m.f, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_finish(w, &err), EW_OK);
    mem_close(&m);
    ew_gguf *g = reopen(&m);
    assert_int_equal(ew_gguf_n_kv(g), 2);
    size_t len;
    assert_memory_equal(ew_gguf_key(g, 0, &len), "a", 1);
    assert_memory_equal(ew_gguf_key(g, 1, &len), "c", 1);
    float f;
    assert_int_equal(ew_gguf_get_f32(g, "a", &f), EW_OK);
    assert_true(f == 2.5f);
    assert_int_equal(ew_gguf_find(g, "b"), -1);
    assert_int_equal(ew_gguf_alignment(g), 32);
    assert_int_equal(ew_gguf_n_tensors(g), 0);
    ew_gguf_close(g);
    ew_gguf_writer_free(w);
    free(m.data);
}

/* A file with a nested array (which the writer's setters cannot make),
 * written by hand; copy_kv must carry it over byte for byte. */
static void test_copy_nested(void **state)
{
    (void)state;
    uint8_t buf[256];
    size_t n = 0;
#define PUT(v, sz)                                                                                 \
    do {                                                                                           \
        uint64_t tmp_ = (v);                                                                       \
        memcpy(buf + n, &tmp_, sz);                                                                \
        n += sz;                                                                                   \
    } while (0)
    PUT(0x46554747u, 4);
    PUT(3, 4);
    PUT(0, 8); /* tensors */
    PUT(1, 8); /* kv */
    PUT(6, 8);
    memcpy(buf + n, "nested", 6);
    n += 6;
    PUT(EW_GGUF_ARRAY, 4);
    PUT(EW_GGUF_ARRAY, 4); /* array of 2 arrays */
    PUT(2, 8);
    PUT(EW_GGUF_UINT16, 4);
    PUT(2, 8);
    PUT(7, 2);
    PUT(9, 2);
    size_t inner2 = n;
    PUT(EW_GGUF_STRING, 4);
    PUT(1, 8);
    PUT(2, 8);
    memcpy(buf + n, "hi", 2);
    n += 2;
    size_t value_end = n;
#undef PUT
    ew_gguf *src = NULL;
    ew_error err;
    assert_int_equal(ew_gguf_open_mem(buf, n, "nested", NULL, &src, &err), EW_OK);
    ew_gguf_writer *w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_copy_kv(w, src, 0), EW_OK);
    mem_out m;
    mem_open(&m);
    assert_int_equal(ew_gguf_writer_begin(w, m.f, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_finish(w, &err), EW_OK);
    mem_close(&m);
    /* Same header and entry; then only the padding to 32 bytes. */
    assert_true(m.size >= value_end);
    assert_memory_equal(m.data, buf, value_end);
    assert_true(inner2 < value_end);
    for (size_t i = value_end; i < m.size; i++)
        assert_int_equal(m.data[i], 0);
    ew_gguf *g = reopen(&m);
    assert_int_equal(ew_gguf_kv_type(g, 0), EW_GGUF_ARRAY);
    ew_gguf_close(g);
    ew_gguf_close(src);
    ew_gguf_writer_free(w);
    free(m.data);
}

/* Copying every entry and tensor of a real model reproduces it: the same
 * metadata, tensor infos and data, and (both being written by ggml's rules)
 * the same bytes. */
static void test_copy_real_model(void **state)
{
    (void)state;
    const char *shared = getenv("EW_SHARED");
    if (!shared) skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/models/stories260K.gguf", shared);
    ew_gguf *src = NULL;
    ew_error err;
    if (ew_gguf_open(path, NULL, &src, &err)) skip();
    ew_gguf_writer *w = ew_gguf_writer_new();
    for (int k = 0; k < ew_gguf_n_kv(src); k++)
        assert_int_equal(ew_gguf_writer_copy_kv(w, src, k), EW_OK);
    for (int i = 0; i < ew_gguf_n_tensors(src); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(src, i);
        assert_int_equal(ew_gguf_writer_add_tensor(w, t->name, t->type, t->n_dims, t->ne), EW_OK);
    }
    mem_out m;
    mem_open(&m);
    assert_int_equal(ew_gguf_writer_begin(w, m.f, &err), EW_OK);
    for (int i = 0; i < ew_gguf_n_tensors(src); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(src, i);
        assert_int_equal(ew_gguf_writer_write(w, t->data, t->size, &err), EW_OK);
    }
    assert_int_equal(ew_gguf_writer_finish(w, &err), EW_OK);
    mem_close(&m);
    ew_gguf *g = reopen(&m);
    assert_int_equal(ew_gguf_n_kv(g), ew_gguf_n_kv(src));
    assert_int_equal(ew_gguf_n_tensors(g), ew_gguf_n_tensors(src));
    for (int i = 0; i < ew_gguf_n_tensors(src); i++) {
        const ew_gguf_tensor *a = ew_gguf_tensor_at(src, i), *b = ew_gguf_tensor_at(g, i);
        assert_string_equal(a->name, b->name);
        assert_int_equal(a->offset, b->offset);
        assert_memory_equal(a->data, b->data, a->size);
    }
    assert_int_equal(m.size, ew_gguf_file_size(src));
    assert_memory_equal(m.data, ew_gguf_file_data(src), m.size);
    ew_gguf_close(g);
    ew_gguf_close(src);
    ew_gguf_writer_free(w);
    free(m.data);
}

static void expect_sticky(ew_gguf_writer *w, int status, const char *needle)
{
    ew_error err;
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(ew_gguf_writer_begin(w, f, &err), status);
    if (!strstr(err.message, needle)) fail_msg("'%s' lacks '%s'", err.message, needle);
    /* Later calls keep failing the same way. */
    assert_int_equal(ew_gguf_writer_set_u32(w, "later", 1), status);
    fclose(f);
    ew_gguf_writer_free(w);
}

static void test_errors(void **state)
{
    (void)state;
    uint64_t ne[2] = {64, 2};
    ew_gguf_writer *w = ew_gguf_writer_new();
    char longname[80];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    assert_int_equal(ew_gguf_writer_add_tensor(w, longname, EW_GGML_F32, 2, ne), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "tensor name");

    w = ew_gguf_writer_new();
    uint64_t odd[2] = {48, 2};
    assert_int_equal(ew_gguf_writer_add_tensor(w, "t", EW_GGML_Q4_K, 2, odd), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "not a multiple of Q4_K");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "t", EW_GGML_F32, 2, ne), EW_OK);
    assert_int_equal(ew_gguf_writer_add_tensor(w, "t", EW_GGML_F32, 2, ne), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "duplicate");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "t", 99, 2, ne), EW_ERR_UNSUPPORTED);
    expect_sticky(w, EW_ERR_UNSUPPORTED, "unknown type");

    w = ew_gguf_writer_new();
    uint64_t zero[2] = {0, 2};
    assert_int_equal(ew_gguf_writer_add_tensor(w, "t", EW_GGML_F32, 2, zero), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "dimension 0");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "t", EW_GGML_F32, 5, ne), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "dimensions");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set_alignment(w, 48), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "power of two");

    /* A general.alignment of the wrong type, e.g. copied from a file. */
    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set_i32(w, "general.alignment", 64), EW_OK);
    expect_sticky(w, EW_ERR_INVALID, "general.alignment");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set_cstr(w, "", "x"), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "metadata key");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set(w, "k", EW_GGUF_STRING, "x"), EW_ERR_INVALID);
    expect_sticky(w, EW_ERR_INVALID, "not a scalar");

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set_arr(w, "k", EW_GGUF_UINT64, UINT64_MAX / 4, ""),
                     EW_ERR_TOO_LARGE);
    expect_sticky(w, EW_ERR_TOO_LARGE, "array");
}

static void test_stream_misuse(void **state)
{
    (void)state;
    uint64_t ne[1] = {4};
    ew_error err;
    float data[5] = {1, 2, 3, 4, 5};

    /* Data before the header, then too much data for the tensor. */
    ew_gguf_writer *w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "a", EW_GGML_F32, 1, ne), EW_OK);
    assert_int_equal(ew_gguf_writer_write(w, data, 16, &err), EW_ERR_STATE);
    ew_gguf_writer_free(w);

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "a", EW_GGML_F32, 1, ne), EW_OK);
    FILE *f = tmpfile();
    assert_int_equal(ew_gguf_writer_begin(w, f, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_set_u32(w, "late", 1), EW_ERR_STATE);
    fclose(f);
    ew_gguf_writer_free(w);

    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "a", EW_GGML_F32, 1, ne), EW_OK);
    f = tmpfile();
    assert_int_equal(ew_gguf_writer_begin(w, f, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_write(w, data, 20, &err), EW_ERR_INVALID);
    assert_non_null(strstr(err.message, "do not fit"));
    fclose(f);
    ew_gguf_writer_free(w);

    /* Finishing with a tensor short of bytes. */
    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_add_tensor(w, "a", EW_GGML_F32, 1, ne), EW_OK);
    f = tmpfile();
    assert_int_equal(ew_gguf_writer_begin(w, f, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_write(w, data, 8, &err), EW_OK);
    assert_int_equal(ew_gguf_writer_finish(w, &err), EW_ERR_STATE);
    assert_non_null(strstr(err.message, "got 8 of its 16 bytes"));
    fclose(f);
    ew_gguf_writer_free(w);

    /* An I/O failure is reported: a stream opened read-only. */
    w = ew_gguf_writer_new();
    assert_int_equal(ew_gguf_writer_set_u32(w, "k", 1), EW_OK);
    f = fopen("/dev/null", "rb");
    assert_non_null(f);
    int st = ew_gguf_writer_begin(w, f, &err);
    if (!st) st = ew_gguf_writer_finish(w, &err);
    assert_int_equal(st, EW_ERR_IO);
    fclose(f);
    ew_gguf_writer_free(w);
    ew_gguf_writer_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),  cmocka_unit_test(test_replace_and_remove),
        cmocka_unit_test(test_copy_nested), cmocka_unit_test(test_copy_real_model),
        cmocka_unit_test(test_errors),      cmocka_unit_test(test_stream_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
