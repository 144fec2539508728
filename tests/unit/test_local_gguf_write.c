/* GGUF writer: files it writes read back through the reader with every value,
 * tensor info and data byte intact; copying a real model entry by entry gives
 * the same file; copy_kv carries every type (float64, nested arrays); misuse
 * gives a sticky error. */
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

/* An in-memory output stream; .data is freed by the caller. */
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
    if (ew_gguf_open_mem(m->data, m->size, "written", NULL, &g, &err))
        fail_msg("the reader rejects the written file: %s", err.message);
    return g;
}

static void fill(uint8_t *p, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        p[i] = (uint8_t)(seed >> 24);
    }
}

static const char *const strs[] = {"hello", "", "\xe2\x96\x81world", "<|im_end|>"};

static const char *get_str(void *ctx, uint64_t i, size_t *len)
{
    (void)ctx;
    *len = strlen(strs[i]);
    return strs[i];
}

typedef struct tdesc {
    const char *name;
    uint32_t type;
    int n_dims;
    uint64_t ne[3];
} tdesc;

static const tdesc tensors[] = {
    {"output_norm.weight", EW_GGML_F32, 1, {7}},
    {"blk.0.attn_q.weight", EW_GGML_Q8_0, 2, {64, 3}},
    {"blk.0.ffn_up.weight", EW_GGML_Q4_K, 2, {256, 2}},
    {"blk.0.ffn_down.weight", EW_GGML_F16, 3, {5, 2, 3}},
};
#define N_TENSORS (int)(sizeof tensors / sizeof tensors[0])

static void test_round_trip(void **state)
{
    (void)state;
    ew__gguf_writer w;
    ew__gw_init(&w);
    ew__gw_u32(&w, "t.u32", 4000000000u);
    ew__gw_i32(&w, "t.i32", -2000000000);
    ew__gw_f32(&w, "t.f32", 1.5e-5f);
    ew__gw_bool(&w, "t.bool", true);
    ew__gw_str(&w, "t.str", "general text");
    ew__gw_strn(&w, "t.bytes", "a\0b\xff", 4);
    int16_t i16[3] = {-1, 2, -30000};
    double f64[2] = {0.1, -1e300};
    ew__gw_arr(&w, "t.arr_i16", EW_GGUF_INT16, 3, i16);
    ew__gw_arr(&w, "t.arr_f64", EW_GGUF_FLOAT64, 2, f64);
    ew__gw_arr(&w, "t.arr_empty", EW_GGUF_UINT8, 0, NULL);
    ew__gw_arr_str(&w, "t.arr_str", 4, get_str, NULL);
    for (int i = 0; i < N_TENSORS; i++)
        ew__gw_tensor(&w, tensors[i].name, tensors[i].type, tensors[i].n_dims, tensors[i].ne);
    assert_int_equal(w.status, EW_OK);
    assert_int_equal(w.tensors[1].size, 2 * 34 * 3);
    assert_int_equal(w.tensors[2].size, 144 * 2);
    assert_int_equal(w.tensors[3].size, 2 * 30);

    mem_out m;
    mem_open(&m);
    assert_int_equal(ew__gw_write_header(&w, m.f), EW_OK);
    uint8_t *blobs[N_TENSORS];
    for (int i = 0; i < N_TENSORS; i++) {
        blobs[i] = malloc((size_t)w.tensors[i].size);
        fill(blobs[i], (size_t)w.tensors[i].size, (uint32_t)i + 1);
        assert_int_equal(ew__gw_write_data(&w, m.f, blobs[i], w.tensors[i].size), EW_OK);
    }
    mem_close(&m);
    assert_int_equal(m.size % 32, 0);

    ew_gguf *g = reopen(&m);
    uint32_t u;
    int64_t v;
    float f;
    bool b;
    const char *s;
    size_t len;
    assert_int_equal(ew_gguf_version(g), 3);
    assert_int_equal(ew_gguf_get_u32(g, "t.u32", &u), EW_OK);
    assert_int_equal(u, 4000000000u);
    assert_int_equal(ew_gguf_get_i64(g, "t.i32", &v), EW_OK);
    assert_int_equal(v, -2000000000);
    assert_int_equal(ew_gguf_get_f32(g, "t.f32", &f), EW_OK);
    assert_true(f == 1.5e-5f);
    assert_int_equal(ew_gguf_get_bool(g, "t.bool", &b), EW_OK);
    assert_true(b);
    assert_int_equal(ew_gguf_get_str(g, "t.bytes", &s, &len), EW_OK);
    assert_int_equal(len, 4);
    assert_memory_equal(s, "a\0b\xff", 4);
    ew_gguf_type et;
    uint64_t n;
    const void *data;
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_i16", &et, &n, &data), EW_OK);
    assert_int_equal(et, EW_GGUF_INT16);
    assert_int_equal(n, 3);
    assert_memory_equal(data, i16, sizeof i16);
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_f64", &et, &n, &data), EW_OK);
    assert_memory_equal(data, f64, sizeof f64);
    assert_int_equal(ew_gguf_get_arr(g, "t.arr_empty", &et, &n, &data), EW_OK);
    assert_int_equal(n, 0);
    for (uint64_t i = 0; i < 4; i++) {
        assert_int_equal(ew_gguf_arr_str(g, "t.arr_str", i, &s, &len), EW_OK);
        assert_int_equal(len, strlen(strs[i]));
        assert_memory_equal(s, strs[i], len);
    }
    assert_int_equal(ew_gguf_n_tensors(g), N_TENSORS);
    for (int i = 0; i < N_TENSORS; i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        assert_string_equal(t->name, tensors[i].name);
        assert_int_equal(t->type, tensors[i].type);
        assert_int_equal(t->n_dims, tensors[i].n_dims);
        for (int d = 0; d < t->n_dims; d++)
            assert_int_equal(t->ne[d], tensors[i].ne[d]);
        assert_int_equal(t->offset % 32, 0);
        assert_memory_equal(t->data, blobs[i], t->size);
        free(blobs[i]);
    }
    ew_gguf_close(g);
    ew__gw_cleanup(&w);
    free(m.data);
}

/* Writes a file whose only entry is a nested array with a float64 inside:
 * types the writer's setters never produce. */
static size_t nested_file(uint8_t *buf, size_t *value_end)
{
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
    PUT(2, 8); /* kv */
    PUT(6, 8);
    memcpy(buf + n, "nested", 6);
    n += 6;
    PUT(EW_GGUF_ARRAY, 4);
    PUT(EW_GGUF_ARRAY, 4); /* two arrays */
    PUT(2, 8);
    PUT(EW_GGUF_UINT16, 4);
    PUT(2, 8);
    PUT(7, 2);
    PUT(9, 2);
    PUT(EW_GGUF_STRING, 4);
    PUT(1, 8);
    PUT(2, 8);
    memcpy(buf + n, "hi", 2);
    n += 2;
    PUT(3, 8);
    memcpy(buf + n, "f64", 3);
    n += 3;
    PUT(EW_GGUF_FLOAT64, 4);
    double d = 0.1;
    memcpy(buf + n, &d, 8);
    n += 8;
#undef PUT
    *value_end = n;
    while (n % 32)
        buf[n++] = 0;
    return n;
}

static void test_copy_every_type(void **state)
{
    (void)state;
    uint8_t buf[256];
    size_t value_end, n = nested_file(buf, &value_end);
    ew_gguf *src = NULL;
    ew_error err;
    assert_int_equal(ew_gguf_open_mem(buf, n, "nested", NULL, &src, &err), EW_OK);
    ew__gguf_writer w;
    ew__gw_init(&w);
    for (int k = 0; k < ew_gguf_n_kv(src); k++)
        ew__gw_copy_kv(&w, src, k);
    mem_out m;
    mem_open(&m);
    assert_int_equal(ew__gw_write_header(&w, m.f), EW_OK);
    mem_close(&m);
    assert_int_equal(m.size, n);
    assert_memory_equal(m.data, buf, n);
    ew_gguf_close(src);
    ew__gw_cleanup(&w);
    free(m.data);
}

/* Copying every entry and tensor of a real model reproduces it byte for byte. */
static void test_copy_real_model(void **state)
{
    (void)state;
    const char *shared = getenv("EW_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/models/stories260K.gguf", shared ? shared : ".");
    ew_gguf *src = NULL;
    ew_error err;
    if (!shared || ew_gguf_open(path, NULL, &src, &err)) skip();
    ew__gguf_writer w;
    ew__gw_init(&w);
    w.alignment = ew_gguf_alignment(src);
    for (int k = 0; k < ew_gguf_n_kv(src); k++)
        ew__gw_copy_kv(&w, src, k);
    for (int i = 0; i < ew_gguf_n_tensors(src); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(src, i);
        ew__gw_tensor(&w, t->name, t->type, t->n_dims, t->ne);
    }
    mem_out m;
    mem_open(&m);
    assert_int_equal(ew__gw_write_header(&w, m.f), EW_OK);
    for (int i = 0; i < ew_gguf_n_tensors(src); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(src, i);
        assert_int_equal(ew__gw_write_data(&w, m.f, t->data, t->size), EW_OK);
    }
    mem_close(&m);
    assert_int_equal(m.size, ew_gguf_file_size(src));
    assert_memory_equal(m.data, ew_gguf_file_data(src), m.size);
    ew_gguf_close(src);
    ew__gw_cleanup(&w);
    free(m.data);
}

static void test_misuse(void **state)
{
    (void)state;
    ew__gguf_writer w;
    uint64_t ne[2] = {48, 2};
    /* Rows that are not whole Q4_K blocks. */
    ew__gw_init(&w);
    ew__gw_tensor(&w, "t", EW_GGML_Q4_K, 2, ne);
    assert_int_equal(w.status, EW_ERR_UNSUPPORTED);
    /* The failure sticks: later calls change nothing, the header fails. */
    ew__gw_u32(&w, "k", 1);
    FILE *f = tmpfile();
    assert_int_equal(ew__gw_write_header(&w, f), EW_ERR_UNSUPPORTED);
    fclose(f);
    ew__gw_cleanup(&w);

    char longname[80];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    ew__gw_init(&w);
    ew__gw_tensor(&w, longname, EW_GGML_F32, 2, ne);
    assert_int_equal(w.status, EW_ERR_INVALID);
    ew__gw_cleanup(&w);

    ew__gw_init(&w);
    ew__gw_tensor(&w, "t", EW_GGML_F32, 5, ne);
    assert_int_equal(w.status, EW_ERR_INVALID);
    ew__gw_cleanup(&w);

    ew__gw_init(&w);
    ew__gw_arr(&w, "k", EW_GGUF_STRING, 1, "x"); /* strings go through arr_str */
    assert_int_equal(w.status, EW_ERR_INVALID);
    ew__gw_cleanup(&w);

    /* Data of the wrong size, then data past the last tensor. */
    float data[96] = {0};
    ew__gw_init(&w);
    ew__gw_tensor(&w, "t", EW_GGML_F32, 2, ne);
    f = tmpfile();
    assert_int_equal(ew__gw_write_header(&w, f), EW_OK);
    assert_int_equal(ew__gw_write_data(&w, f, data, 100), EW_ERR_INVALID);
    fclose(f);
    ew__gw_cleanup(&w);

    ew__gw_init(&w);
    ew__gw_tensor(&w, "t", EW_GGML_F32, 2, ne);
    f = tmpfile();
    assert_int_equal(ew__gw_write_header(&w, f), EW_OK);
    assert_int_equal(ew__gw_write_data(&w, f, data, 48 * 2 * 4), EW_OK);
    assert_int_equal(ew__gw_write_data(&w, f, data, 48 * 2 * 4), EW_ERR_INVALID);
    fclose(f);
    ew__gw_cleanup(&w);

    /* A stream that cannot be written. */
    ew__gw_init(&w);
    ew__gw_u32(&w, "k", 1);
    f = fopen("/dev/null", "rb");
    assert_non_null(f);
    assert_int_equal(ew__gw_write_header(&w, f), EW_ERR_IO);
    fclose(f);
    ew__gw_cleanup(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_copy_every_type),
        cmocka_unit_test(test_copy_real_model),
        cmocka_unit_test(test_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
