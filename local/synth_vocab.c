/* A vocab file's tokenizer fitted to a synthetic model's vocab size: cut
 * (keeping the special tokens and the merges that still apply) or padded. */
#include "local/synth_vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

#define TOKENS_KEY        "tokenizer.ggml.tokens"
#define MERGES_KEY        "tokenizer.ggml.merges"
#define TOKEN_TYPE_UNUSED 5
#define PAD_SCORE         -1000.0f

typedef struct fit {
    const ew_gguf *g;
    int n_src, n_vocab;
    int32_t *new_to_old; /* -1: padding */
    int32_t *old_to_new; /* -1: cut */
    char pad[32];
    uint32_t *slot; /* set of the kept tokens' strings: new id + 1, 0 = empty */
    uint32_t mask;
    uint64_t *kept; /* indices of the merges that still apply */
    uint64_t n_kept;
} fit;

static void fit_cleanup(fit *f)
{
    free(f->new_to_old);
    free(f->old_to_new);
    free(f->slot);
    free(f->kept);
}

static const char *token_at(void *ctx, uint64_t i, size_t *len)
{
    fit *f = ctx;
    if (f->new_to_old[i] < 0) {
        *len = (size_t)snprintf(f->pad, sizeof f->pad, "[PAD%llu]", (unsigned long long)i);
        return f->pad;
    }
    const char *s = "";
    *len = 0;
    ew_gguf_arr_str(f->g, TOKENS_KEY, (uint64_t)f->new_to_old[i], &s, len);
    return s;
}

static const char *merge_at(void *ctx, uint64_t i, size_t *len)
{
    fit *f = ctx;
    const char *s = "";
    *len = 0;
    ew_gguf_arr_str(f->g, MERGES_KEY, f->kept[i], &s, len);
    return s;
}

static bool is_id_key(const char *key, size_t len)
{
    static const char pre[] = "tokenizer.ggml.", suf[] = "_token_id";
    return len >= sizeof pre + sizeof suf - 2 && !memcmp(key, pre, sizeof pre - 1) &&
           !memcmp(key + len - (sizeof suf - 1), suf, sizeof suf - 1);
}

/* The value of key k when it is a special-token id key, else -1. */
static int64_t special_id(const ew_gguf *g, int k)
{
    size_t len;
    const char *key = ew_gguf_key(g, k, &len);
    char kb[128];
    int64_t id;
    if (!is_id_key(key, len) || len >= sizeof kb || memchr(key, 0, len)) return -1;
    memcpy(kb, key, len);
    kb[len] = 0;
    return ew_gguf_get_i64(g, kb, &id) ? -1 : id;
}

/* Identity, except that special tokens beyond a cut take the last ids. */
static int build_map(fit *f, const char *name, ew_error *err)
{
    f->new_to_old = malloc((size_t)f->n_vocab * sizeof *f->new_to_old);
    f->old_to_new = malloc((size_t)f->n_src * sizeof *f->old_to_new);
    if (!f->new_to_old || !f->old_to_new) return ew__error_set(err, EW_ERR_NOMEM, "no memory");
    for (int i = 0; i < f->n_vocab; i++)
        f->new_to_old[i] = i < f->n_src ? i : -1;
    int moved = 0;
    for (int k = 0; k < ew_gguf_n_kv(f->g) && f->n_vocab < f->n_src; k++) {
        int64_t id = special_id(f->g, k);
        if (id < f->n_vocab || id >= f->n_src) continue;
        bool seen = false;
        for (int j = 0; j < moved; j++)
            seen |= f->new_to_old[f->n_vocab - 1 - j] == id;
        if (seen) continue;
        if (moved >= f->n_vocab / 2)
            return ew__error_set(err, EW_ERR_INVALID, "synth: %s: too many special tokens past %d",
                                 name, f->n_vocab);
        f->new_to_old[f->n_vocab - 1 - moved++] = (int32_t)id;
    }
    for (int i = 0; i < f->n_src; i++)
        f->old_to_new[i] = -1;
    for (int i = 0; i < f->n_vocab; i++)
        if (f->new_to_old[i] >= 0) f->old_to_new[f->new_to_old[i]] = i;
    return EW_OK;
}

static uint32_t probe(const fit *f, const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    for (h &= f->mask;; h = (h + 1) & f->mask) {
        uint32_t v = f->slot[h];
        if (!v) return h;
        const char *t;
        size_t len;
        ew_gguf_arr_str(f->g, TOKENS_KEY, (uint64_t)f->new_to_old[v - 1], &t, &len);
        if (len == n && !memcmp(t, s, n)) return h;
    }
}

static bool has_token(const fit *f, const char *s, size_t n)
{
    return f->slot[probe(f, s, n)] != 0;
}

/* Keeps the merges whose two parts and result are still tokens. */
static int filter_merges(fit *f, ew_error *err)
{
    uint32_t cap = 16;
    while (cap < (uint32_t)f->n_vocab * 2u)
        cap <<= 1;
    f->slot = calloc(cap, sizeof *f->slot);
    f->mask = cap - 1;
    uint64_t n = 0;
    ew_gguf_type et;
    if (ew_gguf_get_arr(f->g, MERGES_KEY, &et, &n, NULL) || et != EW_GGUF_STRING) n = 0;
    f->kept = malloc((size_t)(n ? n : 1) * sizeof *f->kept);
    size_t cat_cap = 256;
    char *cat = malloc(cat_cap);
    int st = f->slot && f->kept && cat ? EW_OK : ew__error_set(err, EW_ERR_NOMEM, "no memory");
    for (int i = 0; i < f->n_vocab && !st; i++) {
        const char *s;
        size_t len;
        ew_gguf_arr_str(f->g, TOKENS_KEY, (uint64_t)f->new_to_old[i], &s, &len);
        uint32_t h = probe(f, s, len);
        if (!f->slot[h]) f->slot[h] = (uint32_t)i + 1;
    }
    for (uint64_t i = 0; i < n && !st; i++) {
        const char *s, *sp;
        size_t len;
        ew_gguf_arr_str(f->g, MERGES_KEY, i, &s, &len);
        if (!(sp = memchr(s, ' ', len))) continue;
        if (len > cat_cap) {
            char *c = realloc(cat, len);
            if (!c) {
                st = ew__error_set(err, EW_ERR_NOMEM, "no memory");
                break;
            }
            cat = c;
            cat_cap = len;
        }
        size_t a = (size_t)(sp - s), b = len - a - 1;
        memcpy(cat, s, a);
        memcpy(cat + a, sp + 1, b);
        if (has_token(f, s, a) && has_token(f, sp + 1, b) && has_token(f, cat, a + b))
            f->kept[f->n_kept++] = i;
    }
    free(cat);
    return st;
}

/* A per-token FLOAT32 or INT32 array (scores, token types) in the new order. */
static int copy_per_token(ew__gguf_writer *w, fit *f, const char *key, const char *name,
                          ew_error *err)
{
    ew_gguf_type et;
    uint64_t n;
    const void *data;
    ew_gguf_get_arr(f->g, key, &et, &n, &data);
    if (n != (uint64_t)f->n_src || (et != EW_GGUF_FLOAT32 && et != EW_GGUF_INT32))
        return ew__error_set(err, EW_ERR_INVALID, "synth: %s: %s does not have %d 4-byte values",
                             name, key, f->n_src);
    uint32_t *v = malloc((size_t)f->n_vocab * 4), pad;
    if (!v) return ew__error_set(err, EW_ERR_NOMEM, "no memory");
    float score = PAD_SCORE;
    int32_t type = TOKEN_TYPE_UNUSED;
    memcpy(&pad, et == EW_GGUF_FLOAT32 ? (const void *)&score : (const void *)&type, 4);
    for (int i = 0; i < f->n_vocab; i++) {
        if (f->new_to_old[i] < 0)
            v[i] = pad;
        else
            memcpy(&v[i], (const uint8_t *)data + 4 * (size_t)f->new_to_old[i], 4);
    }
    ew__gw_arr(w, key, et, (uint64_t)f->n_vocab, v);
    free(v);
    return EW_OK;
}

static int copy_entry(ew__gguf_writer *w, fit *f, int k, const char *name, ew_error *err)
{
    size_t len;
    const char *key = ew_gguf_key(f->g, k, &len);
    char kb[128];
    if (len < 10 || memcmp(key, "tokenizer.", 10)) return EW_OK;
    if (len >= sizeof kb || memchr(key, 0, len)) {
        ew__gw_copy_kv(w, f->g, k);
        return EW_OK;
    }
    memcpy(kb, key, len);
    kb[len] = 0;
    int64_t id = special_id(f->g, k);
    if (!strcmp(kb, TOKENS_KEY)) {
        ew__gw_arr_str(w, kb, (uint64_t)f->n_vocab, token_at, f);
    } else if (!strcmp(kb, "tokenizer.ggml.scores") || !strcmp(kb, "tokenizer.ggml.token_type")) {
        return copy_per_token(w, f, kb, name, err);
    } else if (!strcmp(kb, MERGES_KEY) && f->slot) {
        ew__gw_arr_str(w, kb, f->n_kept, merge_at, f);
    } else if (is_id_key(kb, len) && id >= 0 && id < f->n_src) {
        if (f->old_to_new[id] >= 0) ew__gw_u32(w, kb, (uint32_t)f->old_to_new[id]);
    } else {
        ew__gw_copy_kv(w, f->g, k);
    }
    return EW_OK;
}

int ew__synth_fit_vocab(ew__gguf_writer *w, const ew_gguf *g, const char *name, int n_vocab,
                        ew_error *err)
{
    ew_gguf_type et;
    uint64_t n_src = 0;
    if (ew_gguf_get_arr(g, TOKENS_KEY, &et, &n_src, NULL) || et != EW_GGUF_STRING || !n_src ||
        n_src > EW_SYNTH_VOCAB_MAX)
        return ew__error_set(err, EW_ERR_INVALID,
                             "synth: %s has no " TOKENS_KEY " string array of 1..%d tokens", name,
                             EW_SYNTH_VOCAB_MAX);
    if (n_vocab < 1 || n_vocab > EW_SYNTH_VOCAB_MAX)
        return ew__error_set(err, EW_ERR_INVALID, "synth: a vocab of %d tokens", n_vocab);
    fit f = {.g = g, .n_src = (int)n_src, .n_vocab = n_vocab};
    int st = build_map(&f, name, err);
    if (!st && n_vocab < f.n_src) st = filter_merges(&f, err);
    for (int k = 0; k < ew_gguf_n_kv(g) && !st; k++)
        st = copy_entry(w, &f, k, name, err);
    if (!st && w->status)
        st = ew__error_set(err, w->status, "synth: cannot copy the tokenizer of %s", name);
    fit_cleanup(&f);
    return st;
}
