/* A vocab file's tokenizer fitted to a synthetic model's vocab size: cut
 * (keeping the special tokens and the merges that still apply) or padded. */
#include "local/synth_vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "local/tokenizer.h"
#include "local/tools.h"

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

/* ---- the default tokenizer: a generated byte-level BPE vocab --------------------------- */

#define BYTE_TOKENS  256
#define N_SPECIALS   3
#define MERGE_SEED   0x6564676577617931ull /* fixed: the vocab depends only on its size */
#define MAX_MERGED   12                    /* bytes of a merged token */
#define TOKEN_NORMAL 1
#define TOKEN_CTRL   3

static const char *const specials[N_SPECIALS] = {"<|endoftext|>", "<|im_start|>", "<|im_end|>"};
/* Letters by English frequency: the first merges join the common ones. */
static const char letters[] = "etaoinshrdlcumwfgypbvkjxqz";
/* Frequent English words, whole tokens after a space as in real BPE vocabs. */
static const char *const common_words[] = {
    "the",   "of",    "and",   "to",     "in",    "is",    "you",   "that",   "it",    "he",
    "was",   "for",   "on",    "are",    "as",    "with",  "his",   "they",   "at",    "be",
    "this",  "have",  "from",  "or",     "one",   "had",   "by",    "word",   "but",   "not",
    "what",  "all",   "were",  "we",     "when",  "your",  "can",   "said",   "there", "use",
    "an",    "each",  "which", "she",    "do",    "how",   "their", "if",     "will",  "up",
    "other", "about", "out",   "many",   "then",  "them",  "these", "so",     "some",  "her",
    "would", "make",  "like",  "him",    "into",  "time",  "has",   "look",   "two",   "more",
    "write", "go",    "see",   "number", "no",    "way",   "could", "people", "my",    "than",
    "first", "water", "been",  "call",   "who",   "oil",   "its",   "now",    "find",  "long",
    "down",  "day",   "did",   "get",    "come",  "made",  "may",   "part",   "over",  "new",
    "sound", "take",  "only",  "little", "work",  "know",  "place", "year",   "live",  "me",
    "back",  "give",  "most",  "very",   "after", "thing", "our",   "just",   "name",  "good",
};
#define N_COMMON (int)(sizeof common_words / sizeof common_words[0])
static const char chatml[] =
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] "
    "+ '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' "
    "}}{% endif %}";

/* Strings in one pool with a hash set over them. */
typedef struct strtab {
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *off, *len;
    uint32_t n, cap;
    uint32_t *slot; /* index + 1; 0 = empty */
    uint32_t mask;
} strtab;

static int strtab_init(strtab *t, uint32_t cap)
{
    memset(t, 0, sizeof *t);
    uint32_t slots = 16;
    while (slots < cap * 2u)
        slots <<= 1;
    t->cap = cap;
    t->mask = slots - 1;
    t->off = malloc((size_t)cap * sizeof *t->off);
    t->len = malloc((size_t)cap * sizeof *t->len);
    t->slot = calloc(slots, sizeof *t->slot);
    return t->off && t->len && t->slot ? EW_OK : EW_ERR_NOMEM;
}

static void strtab_cleanup(strtab *t)
{
    free(t->pool);
    free(t->off);
    free(t->len);
    free(t->slot);
}

static const char *strtab_str(const strtab *t, uint32_t i)
{
    return t->pool + t->off[i];
}

static uint32_t strtab_probe(const strtab *t, const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    for (h &= t->mask;; h = (h + 1) & t->mask) {
        uint32_t v = t->slot[h];
        if (!v || (t->len[v - 1] == n && !memcmp(strtab_str(t, v - 1), s, n))) return h;
    }
}

static int strtab_add(strtab *t, const char *s, size_t n)
{
    if (t->n == t->cap) return EW_ERR_TOO_LARGE;
    if (t->pool_len + n + 1 > t->pool_cap) {
        size_t cap = t->pool_cap ? t->pool_cap * 2 : 65536;
        while (cap < t->pool_len + n + 1)
            cap *= 2;
        char *p = realloc(t->pool, cap);
        if (!p) return EW_ERR_NOMEM;
        t->pool = p;
        t->pool_cap = cap;
    }
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = 0;
    t->off[t->n] = (uint32_t)t->pool_len;
    t->len[t->n] = (uint32_t)n;
    t->pool_len += n + 1;
    uint32_t h = strtab_probe(t, s, n);
    if (!t->slot[h]) t->slot[h] = t->n + 1;
    t->n++;
    return EW_OK;
}

static const char *strtab_get(void *ctx, uint64_t i, size_t *len)
{
    const strtab *t = ctx;
    *len = t->len[i];
    return strtab_str(t, (uint32_t)i);
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull); /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* An index in [0, n) that favours small values: short, early tokens. */
static uint32_t pick_low(uint64_t *s, uint32_t n)
{
    double u = (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0);
    uint32_t i = (uint32_t)(u * u * u * n);
    return i < n ? i : n - 1;
}

typedef struct bpe_gen {
    strtab toks;     /* every token so far */
    strtab merges;   /* "left right" */
    uint32_t *tails; /* letters and merged tokens without a leading space */
    uint32_t n_tails;
} bpe_gen;

/* Adds the merge left+right unless the result exists or is too long. */
static int add_merge(bpe_gen *b, uint32_t left, uint32_t right)
{
    const strtab *t = &b->toks;
    size_t la = t->len[left], lb = t->len[right];
    char buf[2 * MAX_MERGED + 2];
    if (la + lb > MAX_MERGED) return EW_OK;
    memcpy(buf, strtab_str(t, left), la);
    memcpy(buf + la, strtab_str(t, right), lb);
    if (t->slot[strtab_probe(t, buf, la + lb)]) return EW_OK;
    bool tail = memcmp(buf, "\xc4\xa0", 2) != 0; /* no leading 'Ġ' (a space) */
    int st = strtab_add(&b->toks, buf, la + lb);
    if (st) return st;
    if (tail) b->tails[b->n_tails++] = b->toks.n - 1;
    buf[la] = ' ';
    memcpy(buf + la + 1, strtab_str(t, right), lb);
    return strtab_add(&b->merges, buf, la + lb + 1);
}

/* Merges that build " word" left to right: " w", " wo", " wor", ... */
static int add_word(bpe_gen *b, const char *word, uint32_t n_merges)
{
    char buf[MAX_MERGED + 2] = "\xc4\xa0"; /* 'Ġ', the byte-level space */
    size_t len = 2;
    uint32_t cur = ' '; /* byte tokens' ids are their bytes */
    for (const char *c = word; *c && len < MAX_MERGED && b->merges.n < n_merges; c++) {
        int st = add_merge(b, cur, (uint8_t)*c);
        if (st) return st;
        buf[len++] = *c; /* ASCII letters stand for themselves */
        uint32_t v = b->toks.slot[strtab_probe(&b->toks, buf, len)];
        if (!v) break;
        cur = v - 1;
    }
    return EW_OK;
}

/* Space+letter, frequent words, letter pairs, then random joins of a merged
 * token with a tail, biased to short ones: tokens like English pieces. */
static int gen_merges(bpe_gen *b, uint32_t n_merges)
{
    uint64_t rng = MERGE_SEED;
    int st = EW_OK;
    for (int i = 0; letters[i] && b->merges.n < n_merges && !st; i++)
        st = add_merge(b, ' ', (uint8_t)letters[i]);
    for (int i = 0; i < N_COMMON && !st; i++)
        st = add_word(b, common_words[i], n_merges);
    for (int i = 0; letters[i] && !st; i++)
        for (int j = 0; letters[j] && b->merges.n < n_merges && !st; j++)
            st = add_merge(b, (uint8_t)letters[i], (uint8_t)letters[j]);
    uint64_t tries = 0, max_tries = 64ull * n_merges + 100000;
    while (b->merges.n < n_merges && !st && tries++ < max_tries) {
        uint32_t left = BYTE_TOKENS + pick_low(&rng, b->toks.n - BYTE_TOKENS);
        st = add_merge(b, left, b->tails[pick_low(&rng, b->n_tails)]);
    }
    return st ? st : b->merges.n < n_merges ? EW_ERR_INTERNAL : EW_OK;
}

static size_t byte_text(uint8_t b, char *out)
{
    uint32_t cp = ew__tok_byte_to_cp(b);
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
}

static void write_bpe(ew__gguf_writer *w, bpe_gen *b, int n_vocab, int32_t *types)
{
    for (int i = 0; i < n_vocab; i++)
        types[i] = i >= n_vocab - N_SPECIALS ? TOKEN_CTRL : TOKEN_NORMAL;
    ew__gw_str(w, "tokenizer.ggml.model", "gpt2");
    ew__gw_str(w, "tokenizer.ggml.pre", "default");
    ew__gw_arr_str(w, "tokenizer.ggml.tokens", (uint64_t)n_vocab, strtab_get, &b->toks);
    ew__gw_arr(w, "tokenizer.ggml.token_type", EW_GGUF_INT32, (uint64_t)n_vocab, types);
    ew__gw_arr_str(w, "tokenizer.ggml.merges", b->merges.n, strtab_get, &b->merges);
    ew__gw_u32(w, "tokenizer.ggml.bos_token_id", (uint32_t)(n_vocab - 3));
    ew__gw_u32(w, "tokenizer.ggml.eos_token_id", (uint32_t)(n_vocab - 1));
    ew__gw_u32(w, "tokenizer.ggml.padding_token_id", (uint32_t)(n_vocab - 3));
    ew__gw_bool(w, "tokenizer.ggml.add_bos_token", false);
    ew__gw_bool(w, "tokenizer.ggml.add_eos_token", false);
    ew__gw_str(w, "tokenizer.chat_template", chatml);
}

int ew__synth_byte_tokenizer(ew__gguf_writer *w, int n_vocab)
{
    if (n_vocab < EW_SYNTH_BPE_MIN || n_vocab > EW_SYNTH_VOCAB_MAX) return EW_ERR_INVALID;
    uint32_t n_merges = (uint32_t)(n_vocab - BYTE_TOKENS - N_SPECIALS);
    bpe_gen b = {0};
    int32_t *types = malloc((size_t)n_vocab * sizeof *types);
    b.tails = malloc((size_t)n_vocab * sizeof *b.tails);
    int st = strtab_init(&b.toks, (uint32_t)n_vocab);
    if (!st) st = strtab_init(&b.merges, n_merges);
    if (!types || !b.tails) st = EW_ERR_NOMEM;
    for (int i = 0; i < BYTE_TOKENS && !st; i++) {
        char s[2];
        st = strtab_add(&b.toks, s, byte_text((uint8_t)i, s));
        if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')) b.tails[b.n_tails++] = (uint32_t)i;
    }
    if (!st) st = gen_merges(&b, n_merges);
    for (int i = 0; i < N_SPECIALS && !st; i++)
        st = strtab_add(&b.toks, specials[i], strlen(specials[i]));
    if (!st) write_bpe(w, &b, n_vocab, types);
    strtab_cleanup(&b.toks);
    strtab_cleanup(&b.merges);
    free(b.tails);
    free(types);
    return st ? st : w->status;
}
