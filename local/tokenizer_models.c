/* The three tokenizer models, each over one raw text fragment:
 *  - SPM: merge adjacent symbols, best vocab score first; bytes with no
 *    token fall back to <0xNN> tokens;
 *  - BPE: per pre-tokenized word, merge adjacent symbols, lowest merge rank
 *    first, over the GPT-2 byte-to-code-point spelling of the word;
 *  - WPM: lowercase, strip accents, split on spaces and punctuation, then
 *    greedy longest-prefix WordPiece.
 * Ties are broken by position, leftmost first, as llama.cpp breaks them, so
 * the ids match it exactly. */
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "local/tokenizer.h"
#include "local/unicode_data.h"

int ew__tok_grow(void **p, size_t *cap, size_t n, size_t elem)
{
    if (n <= *cap) return EW_OK;
    size_t want = *cap ? *cap : 64;
    while (want < n)
        want *= 2;
    void *q = realloc(*p, want * elem);
    if (!q) return EW_ERR_NOMEM;
    *p = q;
    *cap = want;
    return EW_OK;
}

void ew__tok_scratch_free(tok_scratch *s)
{
    free(s->cps);
    free(s->bounds);
    free(s->bounds2);
    free(s->bytes);
    free(s->sym);
    free(s->heap);
    free(s->text);
    memset(s, 0, sizeof *s);
}

int ew__tok_ids_push(tok_ids *ids, ew_token id)
{
    if (ids->n >= ids->max) return EW_ERR_INTERNAL; /* the documented bound was wrong */
    int st = ew__tok_grow((void **)&ids->v, &ids->cap, ids->n + 1, sizeof *ids->v);
    if (st) return st;
    ids->v[ids->n++] = id;
    return EW_OK;
}

/* ---- the merge loop shared by SPM and BPE ----------------------------------------- */

typedef struct sym {
    uint32_t start, n; /* bytes of the symbol in the word; n = 0 once merged away */
    int32_t prev, next;
} sym;

typedef struct cand {
    double key; /* SPM: score (higher first); BPE: rank (lower first), negated */
    int32_t left, right;
    uint32_t size; /* bytes of the merged text, to detect stale entries */
} cand;

typedef struct merger {
    const char *text;
    sym *sym;
    cand *heap;
    size_t n_heap, heap_cap;
    tok_scratch *s;
} merger;

/* Higher key first, then leftmost. */
static bool cand_before(const cand *a, const cand *b)
{
    return a->key > b->key || (a->key == b->key && a->left < b->left);
}

static int heap_push(merger *m, cand c)
{
    if (ew__tok_grow(&m->s->heap, &m->s->heap_cap, m->n_heap + 1, sizeof(cand)))
        return EW_ERR_NOMEM;
    m->heap = m->s->heap;
    size_t i = m->n_heap++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!cand_before(&c, &m->heap[parent])) break;
        m->heap[i] = m->heap[parent];
        i = parent;
    }
    m->heap[i] = c;
    return EW_OK;
}

static cand heap_pop(merger *m)
{
    cand top = m->heap[0], last = m->heap[--m->n_heap];
    size_t i = 0, n = m->n_heap;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && cand_before(&m->heap[c + 1], &m->heap[c])) c++;
        if (!cand_before(&m->heap[c], &last)) break;
        m->heap[i] = m->heap[c];
        i = c;
    }
    if (n) m->heap[i] = last;
    return top;
}

/* Splits text[0..n) into UTF-8 characters (by lead byte, like llama.cpp). */
static int merger_init(merger *m, const char *text, size_t n, tok_scratch *s, size_t *n_sym)
{
    if (ew__tok_grow(&s->sym, &s->sym_cap, n, sizeof(sym))) return EW_ERR_NOMEM;
    m->text = text;
    m->sym = s->sym;
    m->heap = s->heap;
    m->n_heap = 0;
    m->s = s;
    size_t k = 0;
    for (size_t off = 0; off < n; k++) {
        size_t cl = (size_t)ew__utf8_lead_len((unsigned char)text[off]);
        if (cl > n - off) cl = n - off;
        m->sym[k] = (sym){(uint32_t)off, (uint32_t)cl, (int32_t)k - 1, -1};
        off += cl;
        if (off < n) m->sym[k].next = (int32_t)k + 1;
    }
    *n_sym = k;
    return EW_OK;
}

typedef int (*pair_fn)(const ew_tokenizer *t, merger *m, int32_t l, int32_t r);

/* Runs merges until no candidate is left. */
static int merger_run(const ew_tokenizer *t, merger *m, size_t n_sym, pair_fn try_pair)
{
    int st = EW_OK;
    for (size_t i = 1; i < n_sym && !st; i++)
        st = try_pair(t, m, (int32_t)i - 1, (int32_t)i);
    while (m->n_heap && !st) {
        cand c = heap_pop(m);
        sym *l = &m->sym[c.left], *r = &m->sym[c.right];
        if (!l->n || !r->n || l->n + r->n != c.size)
            continue; /* one side changed since this candidate was queued */
        l->n += r->n;
        r->n = 0;
        l->next = r->next;
        if (r->next >= 0) m->sym[r->next].prev = c.left;
        if (l->prev >= 0) st = try_pair(t, m, l->prev, c.left);
        if (!st && l->next >= 0) st = try_pair(t, m, c.left, l->next);
    }
    return st;
}

/* ---- SPM ---------------------------------------------------------------------------- */

static int spm_pair(const ew_tokenizer *t, merger *m, int32_t l, int32_t r)
{
    const sym *a = &m->sym[l], *b = &m->sym[r];
    int32_t id = ew__tok_find(t, m->text + a->start, a->n + b->n);
    if (id < 0) return EW_OK;
    return heap_push(m, (cand){t->score[id], l, r, a->n + b->n});
}

/* A byte with no token of its own: <0xNN>, else the byte as text. */
static ew_token spm_byte_token(const ew_tokenizer *t, uint8_t b)
{
    static const char hex[] = "0123456789ABCDEF";
    char buf[6] = {'<', '0', 'x', hex[b >> 4], hex[b & 15], '>'};
    int32_t id = ew__tok_find(t, buf, 6);
    if (id < 0) id = ew__tok_find(t, (const char *)&b, 1);
    return id >= 0 ? id : t->unk;
}

int ew__tok_spm(const ew_tokenizer *t, const char *text, size_t n, tok_scratch *s, tok_ids *out)
{
    merger m;
    size_t n_sym;
    int st = merger_init(&m, text, n, s, &n_sym);
    if (!st) st = merger_run(t, &m, n_sym, spm_pair);
    for (int32_t i = n_sym ? 0 : -1; i >= 0 && !st; i = m.sym[i].next) {
        const sym *y = &m.sym[i];
        int32_t id = ew__tok_find(t, text + y->start, y->n);
        if (id >= 0) {
            st = ew__tok_ids_push(out, id);
            continue;
        }
        for (uint32_t j = 0; j < y->n && !st; j++) {
            ew_token b = spm_byte_token(t, (uint8_t)text[y->start + j]);
            if (b >= 0) st = ew__tok_ids_push(out, b);
        }
    }
    return st;
}

/* ---- BPE ---------------------------------------------------------------------------- */

static int bpe_pair(const ew_tokenizer *t, merger *m, int32_t l, int32_t r)
{
    const sym *a = &m->sym[l], *b = &m->sym[r];
    int32_t rank = ew__tok_merge_rank(t, m->text + a->start, a->n, m->text + b->start, b->n);
    if (rank < 0) return EW_OK;
    return heap_push(m, (cand){-(double)rank, l, r, a->n + b->n});
}

/* Spells a word: the UTF-8 of each code point, each byte of it mapped to its
 * GPT-2 code point. */
static int bpe_spell(const ew_tokenizer *t, const uint32_t *cps, size_t n, tok_scratch *s,
                     size_t *len)
{
    if (ew__tok_grow((void **)&s->bytes, &s->bytes_cap, n * 8 + 1, 1)) return EW_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char u[4];
        int ul = ew_utf8_encode(cps[i], u);
        for (int j = 0; j < ul; j++)
            k += (size_t)ew_utf8_encode(ew__tok_byte_to_cp((uint8_t)u[j]), s->bytes + k);
    }
    *len = k;
    return EW_OK;
}

static int bpe_word(const ew_tokenizer *t, const char *w, size_t n, tok_scratch *s, tok_ids *out)
{
    if (t->ignore_merges) {
        int32_t id = ew__tok_find(t, w, n);
        if (id >= 0) return ew__tok_ids_push(out, id);
    }
    merger m;
    size_t n_sym;
    int st = merger_init(&m, w, n, s, &n_sym);
    if (!st) st = merger_run(t, &m, n_sym, bpe_pair);
    for (int32_t i = n_sym ? 0 : -1; i >= 0 && !st; i = m.sym[i].next) {
        const sym *y = &m.sym[i];
        int32_t id = ew__tok_find(t, w + y->start, y->n);
        if (id >= 0) {
            st = ew__tok_ids_push(out, id);
            continue;
        }
        /* No token for the symbol: each of its bytes on its own, if any. */
        for (uint32_t j = 0; j < y->n && !st; j++) {
            int32_t b = ew__tok_find(t, w + y->start + j, 1);
            if (b >= 0) st = ew__tok_ids_push(out, b);
        }
    }
    return st;
}

static int decode_cps(const char *text, size_t n, tok_scratch *s, size_t *n_cps)
{
    if (ew__tok_grow((void **)&s->cps, &s->cps_cap, n + 1, sizeof *s->cps)) return EW_ERR_NOMEM;
    size_t k = 0;
    for (size_t off = 0; off < n;) {
        size_t l;
        s->cps[k++] = ew__utf8_decode((const unsigned char *)text + off, n - off, &l);
        off += l;
    }
    *n_cps = k;
    return EW_OK;
}

int ew__tok_bpe(const ew_tokenizer *t, const char *text, size_t n, tok_scratch *s, tok_ids *out)
{
    size_t n_cps, n_words;
    uint32_t *bounds;
    int st = decode_cps(text, n, s, &n_cps);
    if (!st) st = ew__tok_pretokenize(t, s, n_cps, &bounds, &n_words);
    for (size_t w = 0; w < n_words && !st; w++) {
        size_t len;
        st = bpe_spell(t, s->cps + bounds[w], bounds[w + 1] - bounds[w], s, &len);
        if (!st) st = bpe_word(t, s->bytes, len, s, out);
    }
    return st;
}

/* ---- WPM ---------------------------------------------------------------------------- */

static bool wpm_is_chinese(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

/* Greedy longest match over "\u2581" + word, byte by byte as llama.cpp
 * does; a word with an unmatchable position is <unk>. */
static int wpm_word(const ew_tokenizer *t, const char *w, size_t n, tok_ids *out)
{
    size_t mark = out->n;
    for (size_t i = 0; i < n;) {
        size_t j = n - i > (size_t)t->max_token_len + 1 ? i + (size_t)t->max_token_len + 1 : n;
        int32_t id = -1;
        while (j > i && (id = ew__tok_find(t, w + i, j - i)) < 0)
            j--;
        if (id < 0) {
            out->n = mark;
            break;
        }
        int st = ew__tok_ids_push(out, id);
        if (st) return st;
        i = j;
    }
    if (out->n == mark && t->unk >= 0) return ew__tok_ids_push(out, t->unk);
    return EW_OK;
}

/* BERT's normalizer and splitter, one code point at a time. Each word is
 * built in s->bytes behind the three bytes of U+2581 and tokenized as soon as
 * it ends. */
int ew__tok_wpm(const ew_tokenizer *t, const char *text, size_t n, tok_scratch *s, tok_ids *out)
{
    /* A word grows by at most 4 bytes per input byte (lowercasing may widen). */
    if (ew__tok_grow((void **)&s->bytes, &s->bytes_cap, 4 * n + 8, 1)) return EW_ERR_NOMEM;
    char *w = s->bytes;
    memcpy(w, "\xe2\x96\x81", 3);
    size_t len = 3;
    int st = EW_OK;
    for (size_t off = 0; off < n && !st;) {
        size_t l;
        uint32_t c = ew__utf8_decode((const unsigned char *)text + off, n - off, &l);
        off += l;
        if (t->wpm_strip_accents) c = ew__uc_nfd_first(c);
        unsigned f = ew__uc_flags(c);
        if (f & EW_UC_WS) {
            if (len > 3) st = wpm_word(t, w, len, out);
            len = 3;
            continue;
        }
        if (c == 0 || c == 0xFFFD || (f & EW_UC_C) || (t->wpm_strip_accents && (f & EW_UC_M)))
            continue;
        bool alone = (f & EW_UC_P) || (c < 0x7F && (f & EW_UC_S)) || wpm_is_chinese(c);
        if (t->wpm_lowercase) c = ew__uc_tolower(c);
        if (alone && len > 3) {
            st = wpm_word(t, w, len, out);
            len = 3;
        }
        len += (size_t)ew_utf8_encode(c, w + len);
        if (alone && !st) {
            st = wpm_word(t, w, len, out);
            len = 3;
        }
    }
    if (!st && len > 3) st = wpm_word(t, w, len, out);
    return st;
}
