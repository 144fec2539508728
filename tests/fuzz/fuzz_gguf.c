/* libFuzzer harness for the GGUF reader and what is built from a GGUF header:
 * hyper-parameters, the tokenizer and the tensor table (local/gguf.c,
 * model.c, tokenizer_load.c; see README.md in this folder). Every accessor
 * must stay inside the buffer, and whatever opens must close cleanly. Seeds:
 * files from `edgeway synth`, cut down. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "local/gguf.h"
#include "local/model.h"
#include "local/tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t *lo, *hi;

static void in_file(const void *p, size_t n)
{
    const uint8_t *b = p;
    if (n && (!b || b < lo || b + n > hi)) abort();
}

static void walk_kv(const ew_gguf *g)
{
    for (int k = 0; k < ew_gguf_n_kv(g); k++) {
        size_t klen = 0;
        const char *key = ew_gguf_key(g, k, &klen);
        in_file(key, klen);
        char name[256];
        if (klen >= sizeof name || memchr(key, '\0', klen)) continue;
        memcpy(name, key, klen);
        name[klen] = '\0';
        if (ew_gguf_find(g, name) < 0) abort();
        uint32_t u32;
        int64_t i64;
        float f32;
        bool b;
        const char *s;
        size_t slen;
        (void)ew_gguf_get_u32(g, name, &u32);
        (void)ew_gguf_get_i64(g, name, &i64);
        (void)ew_gguf_get_f32(g, name, &f32);
        (void)ew_gguf_get_bool(g, name, &b);
        if (ew_gguf_get_str(g, name, &s, &slen) == EW_OK) in_file(s, slen);
        ew_gguf_type et;
        uint64_t n;
        const void *arr;
        if (ew_gguf_get_arr(g, name, &et, &n, &arr) != EW_OK) continue;
        size_t es = ew_gguf_type_size(et);
        if (es) in_file(arr, es * n);
        if (et == EW_GGUF_STRING && n) {
            if (ew_gguf_arr_str(g, name, 0, &s, &slen) == EW_OK) in_file(s, slen);
            if (ew_gguf_arr_str(g, name, n - 1, &s, &slen) == EW_OK) in_file(s, slen);
            if (ew_gguf_arr_str(g, name, n, &s, &slen) == EW_OK) abort();
        }
    }
}

static void walk_tensors(const ew_gguf *g)
{
    for (int i = 0; i < ew_gguf_n_tensors(g); i++) {
        const ew_gguf_tensor *t = ew_gguf_tensor_at(g, i);
        if (!t || !t->name || t->n_dims < 0 || t->n_dims > EW_GGUF_MAX_DIMS) abort();
        in_file(t->data, t->size);
        if (t->offset > (uint64_t)(hi - lo) || t->size > (uint64_t)(hi - lo) - t->offset) abort();
        if (!ew_gguf_find_tensor(g, t->name)) abort();
    }
}

/* What ew_model_open does after mapping the file, over the same reader. */
static void load_model(ew_gguf *g)
{
    ew_model *m = calloc(1, sizeof *m);
    ew_error err;
    memset(&err, 0, sizeof err);
    m->gguf = g;
    int st = ew__model_load_hparams(m, &err);
    if (!st) st = ew__tokenizer_from_gguf(g, &m->tok, &err);
    if (!st) {
        m->hp.n_vocab = ew_tokenizer_n_vocab(m->tok);
        if (m->hp.n_vocab > 0 && m->hp.n_vocab <= EW_MAX_VOCAB)
            st = ew__model_load_tensors(m, &err);
    }
    if (st && !err.message[0]) abort(); /* a refusal says why */
    ew_model_close(m);                  /* closes g too */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1); /* exact size, so ASan sees a read past the end */
    memcpy(copy, data, size);
    lo = copy;
    hi = copy + size;
    ew_gguf *g = NULL;
    ew_error err;
    memset(&err, 0, sizeof err);
    int st = ew_gguf_open_mem(copy, size, "fuzz.gguf", NULL, &g, &err);
    if (st == EW_OK) {
        if (ew_gguf_file_size(g) != size) abort();
        walk_kv(g);
        walk_tensors(g);
        ew_gguf_release_header(g);
        walk_kv(g);
        ew_gguf_close(g);
        /* again, for the loaders */
        if (ew_gguf_open_mem(copy, size, "fuzz.gguf", NULL, &g, &err) != EW_OK) abort();
        load_model(g);
    } else if (g || !err.message[0]) {
        abort();
    }
    free(copy);
    return 0;
}
