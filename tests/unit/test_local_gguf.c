/* GGUF reader: the real files in $EW_SHARED/models parse, and hand-built
 * files that are truncated, corrupted or hostile in every way we could think
 * of get a clean error (this binary also runs under ASan/UBSan). Buffers are
 * malloc'd at their exact size so any overread is caught. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "local/gguf.h"

/* ---- a tiny GGUF writer that remembers where each field went -------------------- */

typedef struct wbuf {
    uint8_t *p;
    size_t len, cap;
} wbuf;

static void w_bytes(wbuf *w, const void *d, size_t n)
{
    if (w->len + n > w->cap) {
        w->cap = (w->len + n) * 2 + 64;
        w->p = realloc(w->p, w->cap);
        assert_non_null(w->p);
    }
    memcpy(w->p + w->len, d, n);
    w->len += n;
}
static void w_u8(wbuf *w, uint8_t v)
{
    w_bytes(w, &v, 1);
}
static void w_u16(wbuf *w, uint16_t v)
{
    w_bytes(w, &v, 2);
}
static void w_u32(wbuf *w, uint32_t v)
{
    w_bytes(w, &v, 4);
}
static void w_u64(wbuf *w, uint64_t v)
{
    w_bytes(w, &v, 8);
}
static void w_str(wbuf *w, const char *s)
{
    w_u64(w, strlen(s));
    w_bytes(w, s, strlen(s));
}
static void w_key(wbuf *w, const char *k, uint32_t type)
{
    w_str(w, k);
    w_u32(w, type);
}

/* Offsets of fields in the built file, for targeted corruption. */
typedef struct layout {
    size_t version, n_tensors, n_kv;
    size_t first_key_len; /* length prefix of the first key */
    size_t str_arr_count; /* count of the string array */
    size_t str_arr_elem1; /* length prefix of its second element */
    size_t nested_count;  /* count of the outer nested array */
    size_t align_value;   /* general.alignment's value */
    size_t t_ndims[3], t_ne0[3], t_ne1[3], t_type[3], t_off[3];
    size_t data_start;
} layout;

#define ALIGN 64

/* A valid v3 file: every scalar type, a string, a string array, a nested
 * array, general.alignment = 64, and three F32/Q8_0 tensors. */
static wbuf build(layout *L, uint32_t version)
{
    wbuf w = {0};
    w_u32(&w, 0x46554747u);
    L->version = w.len;
    w_u32(&w, version);
    L->n_tensors = w.len;
    w_u64(&w, 3);
    L->n_kv = w.len;
    w_u64(&w, 17);

    L->first_key_len = w.len;
    w_key(&w, "general.architecture", EW_GGUF_STRING);
    w_str(&w, "llama");
    L->align_value = 0;
    w_key(&w, "general.alignment", EW_GGUF_UINT32);
    L->align_value = w.len;
    w_u32(&w, ALIGN);
    w_key(&w, "t.u8", EW_GGUF_UINT8);
    w_u8(&w, 200);
    w_key(&w, "t.i8", EW_GGUF_INT8);
    w_u8(&w, (uint8_t)-5);
    w_key(&w, "t.u16", EW_GGUF_UINT16);
    w_u16(&w, 60000);
    w_key(&w, "t.i16", EW_GGUF_INT16);
    w_u16(&w, (uint16_t)-300);
    w_key(&w, "t.u32", EW_GGUF_UINT32);
    w_u32(&w, 4000000000u);
    w_key(&w, "t.i32", EW_GGUF_INT32);
    w_u32(&w, (uint32_t)-70000);
    w_key(&w, "t.u64", EW_GGUF_UINT64);
    w_u64(&w, UINT64_MAX);
    w_key(&w, "t.i64", EW_GGUF_INT64);
    w_u64(&w, (uint64_t)-5000000000LL);
    float f = 1.5f;
    w_key(&w, "t.f32", EW_GGUF_FLOAT32);
    w_bytes(&w, &f, 4);
    double d = 0.25;
    w_key(&w, "t.f64", EW_GGUF_FLOAT64);
    w_bytes(&w, &d, 8);
    w_key(&w, "t.bool", EW_GGUF_BOOL);
    w_u8(&w, 1);
    w_key(&w, "t.strs", EW_GGUF_ARRAY);
    w_u32(&w, EW_GGUF_STRING);
    L->str_arr_count = w.len;
    w_u64(&w, 3);
    w_str(&w, "a");
    L->str_arr_elem1 = w.len;
    w_str(&w, "");
    w_str(&w, "\xe2\x96\x81hello");
    w_key(&w, "t.ints", EW_GGUF_ARRAY);
    w_u32(&w, EW_GGUF_INT32);
    w_u64(&w, 2);
    w_u32(&w, 7);
    w_u32(&w, (uint32_t)-7);
    /* [[u16 x2], [str x1]] */
    w_key(&w, "t.nested", EW_GGUF_ARRAY);
    w_u32(&w, EW_GGUF_ARRAY);
    L->nested_count = w.len;
    w_u64(&w, 2);
    w_u32(&w, EW_GGUF_UINT16);
    w_u64(&w, 2);
    w_u16(&w, 1);
    w_u16(&w, 2);
    w_u32(&w, EW_GGUF_STRING);
    w_u64(&w, 1);
    w_str(&w, "x");
    w_key(&w, "t.empty", EW_GGUF_ARRAY);
    w_u32(&w, EW_GGUF_FLOAT32);
    w_u64(&w, 0);

    /* tensors: a (F32 4x2 = 32 B), b (Q8_0 64x1 = 68 B), c (F32 8 = 32 B) */
    static const char *names[3] = {"a", "blk.0.b", "c"};
    uint64_t ne0[3] = {4, 64, 8}, ne1[3] = {2, 1, 1}, off[3] = {0, 64, 192};
    uint32_t nd[3] = {2, 2, 1}, ty[3] = {EW_GGML_F32, EW_GGML_Q8_0, EW_GGML_F32};
    for (int i = 0; i < 3; i++) {
        w_str(&w, names[i]);
        L->t_ndims[i] = w.len;
        w_u32(&w, nd[i]);
        L->t_ne0[i] = w.len;
        w_u64(&w, ne0[i]);
        L->t_ne1[i] = nd[i] > 1 ? w.len : 0;
        if (nd[i] > 1) w_u64(&w, ne1[i]);
        L->t_type[i] = w.len;
        w_u32(&w, ty[i]);
        L->t_off[i] = w.len;
        w_u64(&w, off[i]);
    }
    while (w.len % ALIGN)
        w_u8(&w, 0);
    L->data_start = w.len;
    for (int i = 0; i < 224; i++)
        w_u8(&w, (uint8_t)i);
    return w;
}

static void patch_u32(wbuf *w, size_t at, uint32_t v)
{
    memcpy(w->p + at, &v, 4);
}
static void patch_u64(wbuf *w, size_t at, uint64_t v)
{
    memcpy(w->p + at, &v, 8);
}

/* Opens an exact-size copy of data[0..n). */
static int open_copy(const void *data, size_t n, ew_gguf **g, ew_error *err)
{
    void *copy = malloc(n ? n : 1);
    assert_non_null(copy);
    memcpy(copy, data, n);
    int st = ew_gguf_open_mem(copy, n, "t.gguf", NULL, g, err);
    if (st) {
        assert_null(*g);
        free(copy);
    }
    return st;
}

static void close_copy(ew_gguf *g)
{
    void *p = (void *)ew_gguf_file_data(g);
    ew_gguf_close(g);
    free(p);
}

/* The built file must fail with `want` and a message containing `needle`. */
static void expect_error(wbuf *w, int want, const char *needle)
{
    ew_gguf *g = NULL;
    ew_error err;
    ew_error_clear(&err);
    int st = open_copy(w->p, w->len, &g, &err);
    if (st != want || !strstr(err.message, needle))
        fail_msg("want %s containing '%s', got %s: %s", ew_status_name(want), needle,
                 ew_status_name(st), err.message);
    if (st == EW_OK)
        close_copy(g);
    else
        assert_string_equal(err.file, "t.gguf");
}

/* ---- valid files ------------------------------------------------------------------ */

static void test_built_file_parses(void **state)
{
    (void)state;
    for (uint32_t v = 2; v <= 3; v++) {
        layout L;
        wbuf w = build(&L, v);
        ew_gguf *g = NULL;
        ew_error err;
        assert_int_equal(open_copy(w.p, w.len, &g, &err), EW_OK);
        assert_int_equal(ew_gguf_version(g), v);
        assert_int_equal(ew_gguf_n_kv(g), 17);
        assert_int_equal(ew_gguf_alignment(g), ALIGN);

        const char *s;
        size_t n;
        assert_int_equal(ew_gguf_get_str(g, "general.architecture", &s, &n), EW_OK);
        assert_int_equal(n, 5);
        assert_memory_equal(s, "llama", 5);
        uint32_t u;
        int64_t i;
        float f;
        bool b;
        assert_int_equal(ew_gguf_get_u32(g, "t.u8", &u), EW_OK);
        assert_int_equal(u, 200);
        assert_int_equal(ew_gguf_get_u32(g, "t.u16", &u), EW_OK);
        assert_int_equal(u, 60000);
        assert_int_equal(ew_gguf_get_u32(g, "t.u32", &u), EW_OK);
        assert_int_equal(u, 4000000000u);
        assert_int_equal(ew_gguf_get_u32(g, "t.i8", &u), EW_ERR_INVALID); /* negative */
        assert_int_equal(ew_gguf_get_u32(g, "t.u64", &u), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_i64(g, "t.u64", &i), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_i64(g, "t.i8", &i), EW_OK);
        assert_int_equal(i, -5);
        assert_int_equal(ew_gguf_get_i64(g, "t.i16", &i), EW_OK);
        assert_int_equal(i, -300);
        assert_int_equal(ew_gguf_get_i64(g, "t.i32", &i), EW_OK);
        assert_int_equal(i, -70000);
        assert_int_equal(ew_gguf_get_i64(g, "t.i64", &i), EW_OK);
        assert_true(i == -5000000000LL);
        assert_int_equal(ew_gguf_get_f32(g, "t.f32", &f), EW_OK);
        assert_true(f == 1.5f);
        assert_int_equal(ew_gguf_get_f32(g, "t.f64", &f), EW_OK);
        assert_true(f == 0.25f);
        assert_int_equal(ew_gguf_get_f32(g, "t.u8", &f), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_bool(g, "t.bool", &b), EW_OK);
        assert_true(b);
        assert_int_equal(ew_gguf_get_bool(g, "t.u8", &b), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_str(g, "t.u8", &s, &n), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_u32(g, "nope", &u), EW_ERR_NOT_FOUND);
        assert_int_equal(ew_gguf_find(g, "t.strs"), 13);
        assert_int_equal(ew_gguf_kv_type(g, 13), EW_GGUF_ARRAY);
        assert_int_equal((int)ew_gguf_kv_type(g, 99), -1);
        assert_null(ew_gguf_key(g, 17, &n));
        assert_string_equal(ew_gguf_key(g, 2, &n), "t.u8"); /* next key's bytes follow */

        ew_gguf_type et;
        uint64_t cnt;
        const void *data;
        assert_int_equal(ew_gguf_get_arr(g, "t.strs", &et, &cnt, &data), EW_OK);
        assert_int_equal(et, EW_GGUF_STRING);
        assert_int_equal(cnt, 3);
        assert_int_equal(ew_gguf_arr_str(g, "t.strs", 1, &s, &n), EW_OK);
        assert_int_equal(n, 0);
        assert_int_equal(ew_gguf_arr_str(g, "t.strs", 2, &s, &n), EW_OK);
        assert_int_equal(n, 8);
        assert_memory_equal(s, "\xe2\x96\x81hello", 8);
        assert_int_equal(ew_gguf_arr_str(g, "t.strs", 3, &s, &n), EW_ERR_INVALID);
        const char *s2;
        assert_int_equal(ew_gguf_arr_str_at(g, ew_gguf_find(g, "t.strs"), 2, &s2, &n), EW_OK);
        assert_ptr_equal(s2, s);
        assert_int_equal(n, 8);
        assert_int_equal(ew_gguf_arr_str_at(g, -1, 0, &s2, &n), EW_ERR_NOT_FOUND);
        assert_int_equal(ew_gguf_arr_str_at(g, ew_gguf_find(g, "t.ints"), 0, &s2, &n),
                         EW_ERR_INVALID);
        assert_int_equal(ew_gguf_arr_str(g, "t.ints", 0, &s, &n), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_arr(g, "t.ints", &et, &cnt, &data), EW_OK);
        assert_int_equal(et, EW_GGUF_INT32);
        int32_t iv[2];
        memcpy(iv, data, 8);
        assert_int_equal(iv[0], 7);
        assert_int_equal(iv[1], -7);
        assert_int_equal(ew_gguf_get_arr(g, "t.nested", &et, &cnt, &data), EW_OK);
        assert_int_equal(et, EW_GGUF_ARRAY);
        assert_int_equal(cnt, 2);
        assert_int_equal(ew_gguf_get_arr(g, "t.empty", &et, &cnt, &data), EW_OK);
        assert_int_equal(cnt, 0);

        assert_int_equal(ew_gguf_n_tensors(g), 3);
        const ew_gguf_tensor *t = ew_gguf_find_tensor(g, "blk.0.b");
        assert_non_null(t);
        assert_int_equal(t->type, EW_GGML_Q8_0);
        assert_int_equal(t->size, 68);
        assert_int_equal(t->offset, L.data_start + 64);
        assert_int_equal(((const uint8_t *)t->data)[0], 64);
        t = ew_gguf_tensor_at(g, 0);
        assert_string_equal(t->name, "a");
        assert_int_equal(t->n_dims, 2);
        assert_int_equal(t->ne[0], 4);
        assert_int_equal(t->ne[1], 2);
        assert_int_equal(t->ne[2], 1);
        assert_int_equal(t->size, 32);
        assert_null(ew_gguf_find_tensor(g, "blk.0"));
        assert_null(ew_gguf_tensor_at(g, 3));
        close_copy(g);
        free(w.p);
    }
}

static void test_type_table(void **state)
{
    (void)state;
    assert_string_equal(ew_ggml_type_name(EW_GGML_Q4_K), "Q4_K");
    assert_int_equal(ew_ggml_block_elems(EW_GGML_Q4_K), 256);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q4_K), 144);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q5_K), 176);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q6_K), 210);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q4_0), 18);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q4_1), 20);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q5_0), 22);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q5_1), 24);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_Q8_0), 34);
    assert_int_equal(ew_ggml_block_bytes(EW_GGML_BF16), 2);
    assert_null(ew_ggml_type_name(4)); /* removed from ggml */
    assert_null(ew_ggml_type_name(1000));
    assert_int_equal(ew_ggml_block_elems(1000), 0);
    assert_int_equal(ew_ggml_block_bytes(31), 0);
}

/* ---- real files ------------------------------------------------------------------ */

static const char *shared_dir(void)
{
    const char *s = getenv("EW_SHARED");
    return s ? s : "../shared";
}

typedef struct real_file {
    const char *path;
    const char *arch; /* NULL for vocab-only files */
    int n_tensors;
    uint32_t n_vocab;
} real_file;

static const real_file real_files[] = {
    {"models/stories260K.gguf", "llama", 48, 512},
    {"models/llama-2-tiny-random.gguf", "llama", 12, 32000},
    {"models/synth-A-llama-spm-Q4_K_M.gguf", "llama", 21, 32000},
    {"models/synth-A-llama-spm-Q8_0.gguf", "llama", 21, 32000},
    {"models/synth-B-llama-gpt2-Q4_0.gguf", "llama", 20, 50257},
    {"models/synth-C-qwen2-gpt2-Q4_K_M.gguf", "qwen2", 26, 50257},
    {"models/synth-C-qwen2-gpt2-Q8_0.gguf", "qwen2", 26, 50257},
    {"models/vocab/ggml-vocab-llama-spm.gguf", NULL, 0, 32000},
    {"models/vocab/ggml-vocab-gpt-2.gguf", NULL, 0, 50257},
    {"models/vocab/ggml-vocab-deepseek-llm.gguf", NULL, 0, 102400},
};

static void test_real_files(void **state)
{
    (void)state;
    char path[1024];
    for (size_t i = 0; i < sizeof real_files / sizeof real_files[0]; i++) {
        const real_file *rf = &real_files[i];
        snprintf(path, sizeof path, "%s/%s", shared_dir(), rf->path);
        ew_gguf *g = NULL;
        ew_error err;
        int st = ew_gguf_open(path, NULL, &g, &err);
        if (st) fail_msg("%s: %s", path, err.message);
        const char *s;
        size_t n;
        if (rf->arch) {
            assert_int_equal(ew_gguf_get_str(g, "general.architecture", &s, &n), EW_OK);
            assert_int_equal(n, strlen(rf->arch));
            assert_memory_equal(s, rf->arch, n);
            assert_int_equal(ew_gguf_n_tensors(g), rf->n_tensors);
            assert_non_null(ew_gguf_find_tensor(g, "token_embd.weight"));
            const ew_gguf_tensor *t = ew_gguf_find_tensor(g, "blk.0.attn_norm.weight");
            assert_non_null(t);
            assert_int_equal(t->type, EW_GGML_F32);
            assert_int_equal(t->offset % ew_gguf_alignment(g), 0);
        }
        ew_gguf_type et;
        uint64_t cnt;
        assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.tokens", &et, &cnt, NULL), EW_OK);
        assert_int_equal(et, EW_GGUF_STRING);
        assert_int_equal(cnt, rf->n_vocab);
        assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", cnt - 1, &s, &n), EW_OK);
        /* after the header is released, everything reads the same (walked
         * string arrays, header pages read from the file again) */
        char last[256], mid[256];
        size_t n_last = n < sizeof last ? n : sizeof last, n_mid;
        memcpy(last, s, n_last);
        assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", cnt / 2, &s, &n_mid), EW_OK);
        n_mid = n_mid < sizeof mid ? n_mid : sizeof mid;
        memcpy(mid, s, n_mid);
        ew_gguf_release_header(g);
        assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", cnt - 1, &s, &n), EW_OK);
        assert_memory_equal(s, last, n_last);
        assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", cnt / 2, &s, &n), EW_OK);
        assert_memory_equal(s, mid, n_mid);
        assert_int_equal(ew_gguf_arr_str(g, "tokenizer.ggml.tokens", cnt, &s, &n), EW_ERR_INVALID);
        assert_int_equal(ew_gguf_get_arr(g, "tokenizer.ggml.tokens", &et, &cnt, NULL), EW_OK);
        assert_int_equal(cnt, rf->n_vocab);
        ew_gguf_close(g);
    }
}

static void test_sha256(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/models/stories260K.gguf", shared_dir());
    const char *good = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
    const char *upper = "270CBA1BD5109F42D03350F60406024560464DB173C0E387D91F0426D3BD256D";
    const char *bad = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256e";
    ew_gguf *g = NULL;
    ew_error err;
    assert_int_equal(ew_gguf_open(path, good, &g, &err), EW_OK);
    ew_gguf_close(g);
    assert_int_equal(ew_gguf_open(path, upper, &g, &err), EW_OK);
    ew_gguf_close(g);
    assert_int_equal(ew_gguf_open(path, bad, &g, &err), EW_ERR_INTEGRITY);
    assert_null(g);
    assert_non_null(strstr(err.message, "sha256 mismatch"));
    assert_int_equal(ew_gguf_open(path, "abc", &g, &err), EW_ERR_INVALID);
    assert_int_equal(ew_gguf_open("/nonexistent/x.gguf", NULL, &g, &err), EW_ERR_IO);
    assert_int_equal(ew_gguf_open("/tmp", NULL, &g, &err), EW_ERR_IO);
}

/* ---- corrupted files ------------------------------------------------------------- */

/* Every prefix of the built file fails cleanly (the full file is the only
 * one that parses: its tensors reach the last byte). */
static void test_truncated_everywhere(void **state)
{
    (void)state;
    layout L;
    wbuf w = build(&L, 3);
    for (size_t n = 0; n < w.len; n++) {
        ew_gguf *g = NULL;
        ew_error err;
        ew_error_clear(&err);
        int st = open_copy(w.p, n, &g, &err);
        if (st != EW_ERR_PARSE)
            fail_msg("truncated at %zu: %s (%s)", n, ew_status_name(st), err.message);
        assert_true(err.message[0] != 0);
    }
    free(w.p);
}

/* Prefixes of a real model: the header region densely, the data sparsely. */
static void test_truncated_real_file(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/models/stories260K.gguf", shared_dir());
    ew_gguf *full = NULL;
    ew_error err;
    assert_int_equal(ew_gguf_open(path, NULL, &full, &err), EW_OK);
    const uint8_t *data = ew_gguf_file_data(full);
    size_t size = ew_gguf_file_size(full);
    const ew_gguf_tensor *first = ew_gguf_tensor_at(full, 0);
    size_t header = first->offset;
    for (int i = 1; i < ew_gguf_n_tensors(full); i++)
        if (ew_gguf_tensor_at(full, i)->offset < header)
            header = ew_gguf_tensor_at(full, i)->offset;
    size_t step = header / 1500 + 1;
    int n_cuts = 0;
    for (size_t n = 0; n < size; n += n < header ? step : size / 64 + 1) {
        ew_gguf *g = NULL;
        int st = open_copy(data, n, &g, &err);
        if (st != EW_ERR_PARSE)
            fail_msg("cut at %zu of %zu: %s (%s)", n, size, ew_status_name(st), err.message);
        n_cuts++;
    }
    assert_true(n_cuts > 1000);
    ew_gguf_close(full);
}

static void test_bad_header(void **state)
{
    (void)state;
    layout L;
    wbuf w = build(&L, 3);
    w.p[0] = 'X';
    expect_error(&w, EW_ERR_PARSE, "bad magic");
    w.p[0] = 'G';
    patch_u32(&w, L.version, 1);
    expect_error(&w, EW_ERR_UNSUPPORTED, "version 1");
    patch_u32(&w, L.version, 4);
    expect_error(&w, EW_ERR_UNSUPPORTED, "version 4");
    patch_u32(&w, L.version, 3);
    patch_u64(&w, L.n_kv, UINT64_MAX);
    expect_error(&w, EW_ERR_PARSE, "metadata count");
    patch_u64(&w, L.n_kv, 1000);
    expect_error(&w, EW_ERR_PARSE, "metadata count");
    patch_u64(&w, L.n_kv, 17);
    patch_u64(&w, L.n_tensors, (uint64_t)1 << 62);
    expect_error(&w, EW_ERR_PARSE, "tensor count");
    patch_u64(&w, L.n_tensors, 3);
    expect_error(&w, EW_OK, "");
    free(w.p);
}

static void test_bad_metadata(void **state)
{
    (void)state;
    layout L;
    wbuf w = build(&L, 3);
    wbuf orig = {malloc(w.len), w.len, w.len};
    memcpy(orig.p, w.p, w.len);
#define RESET() memcpy(w.p, orig.p, w.len)

    patch_u64(&w, L.first_key_len, (uint64_t)1 << 40);
    expect_error(&w, EW_ERR_TOO_LARGE, "metadata key at offset 24");
    RESET();
    patch_u64(&w, L.first_key_len, 60000); /* under the key cap, past EOF */
    expect_error(&w, EW_ERR_PARSE, "truncated: metadata key at offset 24");
    RESET();
    patch_u64(&w, L.first_key_len, 0);
    expect_error(&w, EW_ERR_PARSE, "");
    RESET();
    patch_u32(&w, L.first_key_len + 8 + 20, 13); /* type of general.architecture */
    expect_error(&w, EW_ERR_PARSE, "unknown value type 13");
    RESET();
    patch_u64(&w, L.str_arr_count, UINT64_MAX);
    expect_error(&w, EW_ERR_PARSE, "claims");
    RESET();
    patch_u64(&w, L.str_arr_count, 1000);
    expect_error(&w, EW_ERR_PARSE, "");
    RESET();
    patch_u64(&w, L.str_arr_elem1, UINT64_MAX - 3);
    expect_error(&w, EW_ERR_PARSE, "truncated: metadata array");
    RESET();
    patch_u64(&w, L.str_arr_elem1, w.len);
    expect_error(&w, EW_ERR_PARSE, "truncated");
    RESET();
    patch_u64(&w, L.nested_count, 1u << 30);
    expect_error(&w, EW_ERR_PARSE, "claims");
    RESET();
    patch_u32(&w, L.nested_count + 8, 99); /* inner element type */
    expect_error(&w, EW_ERR_PARSE, "unknown element type 99");
    RESET();
    patch_u32(&w, L.align_value, 48);
    expect_error(&w, EW_ERR_PARSE, "general.alignment");
    RESET();
    patch_u32(&w, L.align_value, 0);
    expect_error(&w, EW_ERR_PARSE, "general.alignment");
    RESET();
    /* Rename t.u16 to t.u8: a duplicate key. */
    uint8_t *k = memmem(w.p, w.len, "t.u16", 5);
    assert_non_null(k);
    memcpy(k, "t.u8\0", 5);
    patch_u64(&w, (size_t)(k - w.p) - 8, 4);
    expect_error(&w, EW_ERR_PARSE, ""); /* the stray byte becomes the type */
    RESET();
#undef RESET
    free(orig.p);
    free(w.p);
}

/* Nested arrays deeper than the bound are refused, not recursed into. */
static void test_deep_nesting(void **state)
{
    (void)state;
    wbuf w = {0};
    w_u32(&w, 0x46554747u);
    w_u32(&w, 3);
    w_u64(&w, 0);
    w_u64(&w, 1);
    w_key(&w, "deep", EW_GGUF_ARRAY);
    for (int i = 0; i < 64; i++) {
        w_u32(&w, EW_GGUF_ARRAY);
        w_u64(&w, 1);
    }
    w_u32(&w, EW_GGUF_UINT8);
    w_u64(&w, 0);
    expect_error(&w, EW_ERR_TOO_LARGE, "nests arrays deeper");
    free(w.p);

    /* A duplicate key in an otherwise valid file. */
    w = (wbuf){0};
    w_u32(&w, 0x46554747u);
    w_u32(&w, 2);
    w_u64(&w, 0);
    w_u64(&w, 2);
    w_key(&w, "k", EW_GGUF_UINT8);
    w_u8(&w, 1);
    w_key(&w, "k", EW_GGUF_UINT8);
    w_u8(&w, 2);
    expect_error(&w, EW_ERR_PARSE, "duplicate metadata key 'k'");
    free(w.p);

    /* No tensors, no alignment padding at the end: valid. */
    w = (wbuf){0};
    w_u32(&w, 0x46554747u);
    w_u32(&w, 2);
    w_u64(&w, 0);
    w_u64(&w, 1);
    w_key(&w, "k", EW_GGUF_UINT8);
    w_u8(&w, 1);
    expect_error(&w, EW_OK, "");
    free(w.p);
}

static void test_bad_tensors(void **state)
{
    (void)state;
    layout L;
    wbuf w = build(&L, 3);
    wbuf orig = {malloc(w.len), w.len, w.len};
    memcpy(orig.p, w.p, w.len);
#define RESET() memcpy(w.p, orig.p, w.len)

    patch_u64(&w, L.t_off[2], 4096); /* past EOF */
    expect_error(&w, EW_ERR_PARSE, "tensor 'c': data [4096, +32) past the end");
    RESET();
    patch_u64(&w, L.t_off[2], UINT64_MAX - 63); /* aligned, and would wrap */
    expect_error(&w, EW_ERR_PARSE, "past the end");
    RESET();
    patch_u64(&w, L.t_off[1], 65);
    expect_error(&w, EW_ERR_PARSE, "not aligned to 64");
    RESET();
    patch_u64(&w, L.t_off[1], 0); /* overlaps a */
    expect_error(&w, EW_ERR_PARSE, "overlap");
    RESET();
    patch_u64(&w, L.t_off[2], 128); /* b spans [64, 132) */
    expect_error(&w, EW_ERR_PARSE, "'blk.0.b' and 'c' overlap");
    RESET();
    patch_u64(&w, L.t_ne1[1], (uint64_t)1 << 40); /* inside int64, far past EOF */
    expect_error(&w, EW_ERR_PARSE, "past the end");
    RESET();
    patch_u64(&w, L.t_ne0[0], (uint64_t)1 << 40);
    patch_u64(&w, L.t_ne1[0], (uint64_t)1 << 40); /* product overflows */
    expect_error(&w, EW_ERR_PARSE, "shape overflows");
    RESET();
    patch_u64(&w, L.t_ne0[0], UINT64_MAX);
    expect_error(&w, EW_ERR_PARSE, "shape overflows");
    RESET();
    patch_u64(&w, L.t_ne0[1], 48); /* not a multiple of 32 */
    expect_error(&w, EW_ERR_PARSE, "not a multiple of the Q8_0 block size 32");
    RESET();
    patch_u32(&w, L.t_type[0], 77);
    expect_error(&w, EW_ERR_UNSUPPORTED, "unknown type 77");
    RESET();
    patch_u32(&w, L.t_type[0], 4); /* a number ggml retired */
    expect_error(&w, EW_ERR_UNSUPPORTED, "unknown type 4");
    RESET();
    patch_u32(&w, L.t_ndims[0], 5);
    expect_error(&w, EW_ERR_PARSE, "tensor 'a' at offset");
    RESET();
    patch_u32(&w, L.t_ndims[0], 0);
    expect_error(&w, EW_ERR_PARSE, "0 dimensions");
    RESET();
    /* Rename c to a: a duplicate tensor name. */
    w.p[L.t_ndims[2] - 1] = 'a';
    expect_error(&w, EW_ERR_PARSE, "duplicate tensor name 'a'");
    RESET();
    w.p[L.t_ndims[2] - 1] = 0;
    expect_error(&w, EW_ERR_PARSE, "NUL");
    RESET();
    /* Shrink the name length so the rest of the info is misread. */
    patch_u64(&w, L.t_ndims[0] - 9, (uint64_t)1 << 20);
    expect_error(&w, EW_ERR_TOO_LARGE, "tensor name");
    RESET();
#undef RESET
    free(orig.p);
    free(w.p);
}

/* Deterministic random corruption: whatever happens, no crash and either a
 * clean success or an error with a message. */
static void test_random_corruption(void **state)
{
    (void)state;
    layout L;
    wbuf w = build(&L, 3);
    uint64_t rng = 0x9e3779b97f4a7c15ull;
    uint8_t *buf = malloc(w.len);
    int n_ok = 0, n_err = 0;
    for (int iter = 0; iter < 20000; iter++) {
        memcpy(buf, w.p, w.len);
        int flips = 1 + iter % 4;
        for (int f = 0; f < flips; f++) {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            size_t at = (size_t)(rng % L.data_start);
            buf[at] =
                iter & 1 ? (uint8_t)(rng >> 32) : (uint8_t)(buf[at] ^ (1u << (rng >> 40) % 8));
        }
        ew_gguf *g = NULL;
        ew_error err;
        ew_error_clear(&err);
        if (open_copy(buf, w.len, &g, &err) == EW_OK) {
            for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
                const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
                assert_true(t->offset + t->size <= w.len);
            }
            close_copy(g);
            n_ok++;
        } else {
            assert_true(err.message[0] != 0);
            n_err++;
        }
    }
    assert_true(n_err > 1000);
    free(buf);
    free(w.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_built_file_parses),    cmocka_unit_test(test_type_table),
        cmocka_unit_test(test_real_files),           cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_truncated_everywhere), cmocka_unit_test(test_truncated_real_file),
        cmocka_unit_test(test_bad_header),           cmocka_unit_test(test_bad_metadata),
        cmocka_unit_test(test_deep_nesting),         cmocka_unit_test(test_bad_tensors),
        cmocka_unit_test(test_random_corruption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
