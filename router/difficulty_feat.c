/* Feature extraction for the difficulty estimate: one pass over the prompt's
 * bytes produces character n-grams, word uni/bigrams, question-type and
 * count-bucket features plus a few dense counts.
 *
 * The pass is single and allocation-free when scoring. Character n-grams
 * (ending at every byte but ASCII letters) are shared by all question types
 * and summed on the spot. Word, bigram, first-words and bucket features are
 * per question type, which is known only at the end: the pass keeps their
 * 32-bit keys in a stack buffer and looks them up once the type is known
 * (a prompt with more keys than the buffer holds has the overflow summed
 * under every type, so the result is the same, only slower).
 *
 * The same code serves training (collect mode) and scoring (sum mode), so a
 * model always sees at run time exactly the features it was trained on. Any
 * change here must bump EW__DF_FEATURE_SET. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "router/difficulty.h"

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME  0x100000001b3ull
#define GOLDEN     0x9e3779b97f4a7c15ull

/* Seeds: the character n-grams' own, and one per question type for the
 * typed namespaces (a key carries its namespace in its top bits). */
#define CHAR_SEED 0x13198a2e03707344ull
static const uint64_t type_seed[EW__QT_COUNT] = {
    0x243f6a8885a308d3ull, 0xa4093822299f31d0ull, 0x082efa98ec4e6c89ull,
    0x452821e638d01377ull, 0xbe5466cf34e90c6cull,
};

static inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

uint64_t ew__fnv1a64(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

void ew__dcfg_default(ew__dcfg *cfg)
{
    cfg->feature_set = EW__DF_FEATURE_SET;
    cfg->hash_bits = 16;
    cfg->char_ngrams = 1u << 4;
    cfg->scan_head = 2048;
    cfg->scan_tail = 2048;
    for (int t = 0; t < EW__QT_COUNT; t++)
        cfg->type_gain[t] = 1.0f;
}

const char *ew__dtype_name(int type)
{
    static const char *const names[EW__QT_COUNT] = {"other", "choice", "word_problem", "math",
                                                    "code"};
    return type >= 0 && type < EW__QT_COUNT ? names[type] : NULL;
}

int ew__dcfg_check(const ew__dcfg *cfg, ew_error *err)
{
    if (cfg->feature_set != EW__DF_FEATURE_SET)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "feature set %u is not the supported %d (retrain the weights)",
                             cfg->feature_set, EW__DF_FEATURE_SET);
    if (cfg->hash_bits < EW__DF_MIN_BITS || cfg->hash_bits > EW__DF_MAX_BITS)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "hash_bits %u outside [%d, %d]",
                             cfg->hash_bits, EW__DF_MIN_BITS, EW__DF_MAX_BITS);
    uint32_t allowed = ((1u << (EW__DF_MAX_NGRAM + 1)) - 1) & ~((1u << EW__DF_MIN_NGRAM) - 1);
    if (cfg->char_ngrams & ~allowed)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "char n-gram mask 0x%x has lengths outside [%d, %d]", cfg->char_ngrams,
                             EW__DF_MIN_NGRAM, EW__DF_MAX_NGRAM);
    if (cfg->scan_head > EW__DF_MAX_SCAN || cfg->scan_tail > EW__DF_MAX_SCAN - cfg->scan_head)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "scan limits %u + %u exceed %u bytes",
                             cfg->scan_head, cfg->scan_tail, EW__DF_MAX_SCAN);
    if (cfg->scan_head + cfg->scan_tail == 0)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "scan limits are both zero");
    for (int t = 0; t < EW__QT_COUNT; t++)
        if (!(cfg->type_gain[t] >= 0.0f && cfg->type_gain[t] <= 16.0f))
            return ew__error_set(err, EW_ERR_UNSUPPORTED, "gain of type %s is not in [0, 16]",
                                 ew__dtype_name(t));
    return EW_OK;
}

/* ---- constraint cues -------------------------------------------------------------
 * A count feature only: how strongly each cue matters is learned from data. */
static const char *const constraint_words[] = {
    "must",     "should",    "exactly",      "least",      "most",        "only",    "without",
    "never",    "always",    "ensure",       "limit",      "maximum",     "minimum", "within",
    "avoid",    "include",   "including",    "using",      "each",        "every",   "require",
    "required", "requires",  "requirements", "constraint", "constraints", "format",  "no",
    "not",      "following", "given",        "assume",     "then",
};

/* Quantities written as words: how many numbers a word problem juggles. */
static const char *const quantity_words[] = {
    "one",   "two",    "three",  "four",   "five",   "six",     "seven",    "eight",
    "nine",  "ten",    "eleven", "twelve", "twenty", "hundred", "thousand", "million",
    "twice", "double", "triple", "half",   "third",  "quarter", "dozen",    "percent",
};

/* A token's hash from its characters: the last (up to) 8 in tok, earlier
 * groups of 8 folded into acc, and its length. One multiply per 8 bytes on
 * the way, one mix at the end. */
static inline uint64_t tok_hash(uint64_t acc, uint64_t tok, uint32_t len)
{
    uint64_t h = (acc ^ tok ^ ((uint64_t)len << 56)) * GOLDEN;
    return h ^ h >> 29;
}

static inline uint64_t tok_fold(uint64_t acc, uint64_t tok)
{
    return (acc ^ tok) * FNV_PRIME + GOLDEN;
}

static uint64_t word_hash_str(const char *w)
{
    uint64_t acc = 0, tok = 0;
    uint32_t len = 0;
    for (; *w; w++) {
        tok = tok << 8 | (unsigned char)*w;
        if (++len % 8 == 0) {
            acc = tok_fold(acc, tok);
            tok = 0;
        }
    }
    return tok_hash(acc, tok, len) | 1; /* never 0: 0 marks an empty slot */
}

/* Two candidate slots per word, looked at both at once: no probing loop on
 * the hot path. Returns -1 when both are taken. */
static inline size_t cue_slot(uint64_t h, int which)
{
    return (which ? h >> 20 : h) & (EW__DF_CUE_SLOTS - 1);
}

static int cue_add(ew__dcues *c, const char *word, unsigned char kind)
{
    uint64_t h = word_hash_str(word);
    for (int w = 0; w < 2; w++) {
        size_t s = cue_slot(h, w);
        if (!c->slot[s] || c->slot[s] == h) {
            c->slot[s] = h;
            c->kind[s] = kind;
            return 0;
        }
    }
    return -1;
}

int ew__dcues_init(ew__dcues *c)
{
    int lost = 0;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < sizeof constraint_words / sizeof constraint_words[0]; i++)
        lost -= cue_add(c, constraint_words[i], EW__CUE_CONSTRAINT);
    for (size_t i = 0; i < sizeof quantity_words / sizeof quantity_words[0]; i++)
        lost -= cue_add(c, quantity_words[i], EW__CUE_QUANTITY);
    return lost;
}

/* The kind of cue a word hash is, or 0. */
static inline int cue_kind(const ew__dcues *c, uint64_t h)
{
    h |= 1;
    size_t a = cue_slot(h, 0), b = cue_slot(h, 1);
    return (c->slot[a] == h ? c->kind[a] : 0) | (c->slot[b] == h ? c->kind[b] : 0);
}

/* ---- byte classes ------------------------------------------------------------------ */

enum { C_SPACE = 0, C_WORD = 1, C_DIGIT = 2, C_PUNCT = 3 };

static inline int byte_class(unsigned char b)
{
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80) return C_WORD;
    if (b >= '0' && b <= '9') return C_DIGIT;
    if (b > ' ' && b < 0x7f) return C_PUNCT;
    return C_SPACE; /* whitespace and control bytes */
}

static inline int is_lower(unsigned char b)
{
    return b >= 'a' && b <= 'z';
}

static int is_math(unsigned char b)
{
    return b == '+' || b == '*' || b == '/' || b == '=' || b == '^' || b == '<' || b == '>' ||
           b == '%' || b == '\\';
}

static int is_code(unsigned char b)
{
    return b == '{' || b == '}' || b == ';' || b == '`' || b == '_' || b == '#' || b == '[' ||
           b == ']' || b == '|';
}

/* The bytes [from, to) of the parts read as one text with one '\n' between
 * parts, handed over slice by slice. */
typedef void (*slice_fn)(void *ctx, const unsigned char *p, size_t n);

static void for_slices(const ew_text_part *parts, int n_parts, size_t from, size_t to, slice_fn fn,
                       void *ctx)
{
    size_t off = 0;
    for (int i = 0; i < n_parts && off < to; i++) {
        if (i > 0) {
            if (off >= from && off < to) fn(ctx, (const unsigned char *)"\n", 1);
            off++;
        }
        size_t len = parts[i].len;
        size_t lo = from > off ? from - off : 0;
        size_t hi = to - off < len ? to - off : len;
        if (hi > lo) fn(ctx, (const unsigned char *)parts[i].text + lo, hi - lo);
        off += len;
    }
}

/* ---- the pass's state ---------------------------------------------------------------- */

enum { LS_START, LS_BULLET, LS_DIGITS, LS_LETTER, LS_REST };

/* Typed keys waiting for the question type. The top 3 bits of a key are
 * its namespace. Scoring keeps them on the stack; when that fills up, the
 * overflow is summed under every type at once. */
#define KEYBUF    2048
#define KEY_NS(k) ((k) >> 29)

typedef struct feat {
    /* counts for the shape */
    uint32_t hist[256]; /* bytes seen by the slow path, by value (not lowercase letters
                           inside words, which no count needs) */
    uint32_t n_bytes, words, word_chars, long_words, numbers, list_items, letter_items;
    uint32_t fences, sentences, currency_mb, math_mb, decimals, max_digits, constraints, quantities;
    int line_state, bullet_letter;
    size_t pos;                  /* bytes seen so far, over every slice */
    size_t end_mark, tick_mark;  /* position after the last '.!?' / '`' */
    uint32_t ticks;              /* backticks in a row */
    unsigned char prev_nonascii; /* the previous byte when it was >= 0x80 */
    unsigned char last_nonspace;
    /* character n-grams: lowercased, digits as '0', whitespace collapsed */
    uint64_t window;
    uint32_t filled;
    unsigned char last_char;
    int n_sizes;
    uint32_t size[EW__DF_MAX_NGRAM];
    uint64_t size_mask[EW__DF_MAX_NGRAM];
    /* the token being read: a run of letters and digits (a digit run as one '0') */
    uint64_t tok, tok_acc;
    uint32_t tok_len, raw_len;
    int tok_digit, tok_number;
    int tok_digits, tok_dot; /* digits in the current number, a '.' right after one */
    uint64_t prev_word, first_word;
    uint32_t n_tokens;
    /* where features go */
    const ew__dcues *cues;
    ew__dacc *acc;
    const int16_t *table; /* scoring */
    uint64_t shift;
    int64_t char_sum;
    uint32_t count[EW__NS_COUNT];
    uint32_t *keys; /* (n_keys) of cap_keys */
    size_t n_keys, cap_keys;
    int64_t spill[EW__QT_COUNT][EW__NS_COUNT]; /* scoring: overflow, summed per type */
    uint32_t stack_keys[KEYBUF];
} feat;

static inline uint32_t feat_index(uint64_t h, uint64_t shift, uint32_t *neg)
{
    *neg = (uint32_t)(h >> (shift - 1)) & 1u;
    return (uint32_t)(h >> shift);
}

static void collect(feat *f, uint32_t idx, uint32_t neg, int ns)
{
    ew__dacc *a = f->acc;
    if (a->status) return;
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 1024;
        uint32_t *p = realloc(a->ents, cap * sizeof *p);
        if (!p) {
            a->status = EW_ERR_NOMEM;
            return;
        }
        a->ents = p;
        a->cap = cap;
    }
    a->ents[a->n++] = idx | (neg << 24) | ((uint32_t)ns << 25);
}

/* A typed key's table slot under one question type. */
static inline uint64_t typed_hash(uint32_t key, int type)
{
    return ((uint64_t)key ^ type_seed[type]) * GOLDEN;
}

static void spill_keys(feat *f)
{
    for (size_t i = 0; i < f->n_keys; i++) {
        uint32_t k = f->keys[i];
        for (int t = 0; t < EW__QT_COUNT; t++) {
            uint32_t neg, idx = feat_index(typed_hash(k, t), f->shift, &neg);
            int32_t w = f->table[idx];
            f->spill[t][KEY_NS(k)] += neg ? -w : w;
        }
    }
    f->n_keys = 0;
}

static void push_key(feat *f, int ns, uint64_t h)
{
    f->count[ns]++;
    if (f->n_keys == f->cap_keys) {
        if (f->table) {
            spill_keys(f);
        } else {
            size_t cap = f->cap_keys * 2;
            uint32_t *p = f->keys == f->stack_keys ? malloc(cap * sizeof *p)
                                                   : realloc(f->keys, cap * sizeof *p);
            if (!p) {
                f->acc->status = EW_ERR_NOMEM;
                f->n_keys = 0;
                return;
            }
            if (f->keys == f->stack_keys) memcpy(p, f->stack_keys, sizeof f->stack_keys);
            f->keys = p;
            f->cap_keys = cap;
        }
    }
    f->keys[f->n_keys++] = (uint32_t)(h >> 35) | ((uint32_t)ns << 29);
}

/* One character n-gram: shared by every type, summed (or collected) now. */
static inline void char_gram(feat *f, uint64_t g)
{
    f->count[EW__NS_CHAR]++;
    uint32_t neg, idx = feat_index((g ^ CHAR_SEED) * GOLDEN, f->shift, &neg);
    if (f->table) {
        int32_t w = f->table[idx];
        f->char_sum += neg ? -w : w;
    } else {
        collect(f, idx, neg, EW__NS_CHAR);
    }
}

/* The character stream's next byte, and the n-grams ending at it.
 * N-grams end at every byte but ASCII letters: at the space or punctuation
 * after a word (its suffix), at digits and at non-ASCII bytes. Letters only
 * shift the window, so the runs of lowercase letters that make most of a
 * text stay cheap: about one and a half n-grams per word instead of one per
 * byte, and text without spaces (CJK) keeps one per byte. */
static inline void char_push(feat *f, unsigned char c)
{
    f->window = (f->window << 8) | c;
    f->filled++;
    f->last_char = c;
    for (int i = 0; i < f->n_sizes; i++)
        if (f->filled >= f->size[i])
            char_gram(f, (f->window & f->size_mask[i]) ^ ((uint64_t)f->size[i] << 56));
}

/* ---- tokens ------------------------------------------------------------------------- */

/* A finished token: its unigram, its bigram with the previous token, and
 * the first two tokens. */
static void token_done(feat *f, uint64_t h)
{
    push_key(f, EW__NS_WORD, h);
    if (f->prev_word) push_key(f, EW__NS_BIGRAM, (f->prev_word * GOLDEN ^ h) * GOLDEN);
    if (f->n_tokens == 0) {
        f->first_word = h;
        push_key(f, EW__NS_QTYPE, h);
    } else if (f->n_tokens == 1) {
        push_key(f, EW__NS_QTYPE, (f->first_word * GOLDEN ^ h) * GOLDEN);
    }
    f->prev_word = h;
    f->n_tokens++;
}

static void word_end(feat *f)
{
    if (!f->tok_len) return;
    uint64_t h = tok_hash(f->tok_acc, f->tok, f->tok_len);
    if (!f->tok_number) {
        int kind = cue_kind(f->cues, h);
        f->constraints += kind == EW__CUE_CONSTRAINT;
        f->quantities += kind == EW__CUE_QUANTITY;
    }
    token_done(f, h);
    f->words++;
    f->word_chars += f->raw_len;
    f->long_words += f->raw_len >= 10;
    f->numbers += (uint32_t)f->tok_number;
    if (f->tok_digits > (int)f->max_digits) f->max_digits = (uint32_t)f->tok_digits;
    f->tok = f->tok_acc = 0;
    f->tok_len = f->raw_len = 0;
    f->tok_digit = f->tok_digits = f->tok_dot = 0;
}

static inline void tok_add(feat *f, unsigned char c)
{
    f->tok = f->tok << 8 | c;
    if (++f->tok_len % 8 == 0) {
        f->tok_acc = tok_fold(f->tok_acc, f->tok);
        f->tok = 0;
    }
}

/* ---- the slow path: anything but a lowercase letter inside a line ---------------------- */

/* List items: a line starting with "- ", "* ", "+ ", "12. ", "3) ", "A. " or "b) ". */
static void line_track(feat *f, unsigned char b, int cls)
{
    switch (f->line_state) {
    case LS_START:
        if (cls == C_SPACE) return;
        f->bullet_letter = 0;
        if (b == '-' || b == '*' || b == '+')
            f->line_state = LS_BULLET;
        else if (cls == C_DIGIT)
            f->line_state = LS_DIGITS;
        else if (cls == C_WORD && b < 0x80)
            f->line_state = LS_LETTER;
        else
            f->line_state = LS_REST;
        return;
    case LS_BULLET:
        if (cls == C_SPACE) {
            f->list_items++;
            f->letter_items += (uint32_t)f->bullet_letter;
        }
        f->line_state = LS_REST;
        return;
    case LS_DIGITS:
        if (cls == C_DIGIT) return;
        f->line_state = (b == '.' || b == ')') ? LS_BULLET : LS_REST;
        return;
    case LS_LETTER:
        f->bullet_letter = 1;
        f->line_state = (b == '.' || b == ')') ? LS_BULLET : LS_REST;
        return;
    default:
        return;
    }
}

static void punct_byte(feat *f, unsigned char b)
{
    /* "3.5": a '.' between digits keeps the number going for the counts */
    int dot_in_number = b == '.' && f->tok_number && f->tok_digit;
    word_end(f);
    f->tok_dot = dot_in_number;
    if (b == '.' || b == '!' || b == '?') f->end_mark = f->pos + 1;
    if (b == '`') {
        f->ticks = f->tick_mark == f->pos ? f->ticks + 1 : 1;
        f->tick_mark = f->pos + 1;
        f->fences += f->ticks == 3;
    }
    token_done(f, mix64((FNV_OFFSET ^ b) * FNV_PRIME));
}

/* A space inside a line: ends a word and maybe a sentence. */
static void space_byte(feat *f)
{
    word_end(f);
    f->tok_dot = 0;
    f->sentences += f->end_mark == f->pos;
    if (f->last_char != ' ') char_push(f, ' ');
}

static void slow_byte(feat *f, unsigned char b)
{
    int cls = byte_class(b);
    if (b == '\n')
        f->line_state = LS_START;
    else if (f->line_state != LS_REST)
        line_track(f, b, cls);
    if (cls == C_SPACE) {
        space_byte(f);
        return;
    }
    f->last_nonspace = b;
    unsigned char c = cls == C_DIGIT ? '0' : (b >= 'A' && b <= 'Z') ? (unsigned char)(b + 32) : b;
    if (cls == C_WORD && b < 0x80) {
        /* an ASCII letter, as in the fast path: no n-gram ends here */
        f->window = (f->window << 8) | c;
        f->filled++;
        f->last_char = c;
    } else {
        char_push(f, c);
    }
    if (cls == C_PUNCT) {
        punct_byte(f, b);
        return;
    }
    if (!f->tok_len) {
        f->tok_number = cls == C_DIGIT;
        f->decimals += f->tok_dot && cls == C_DIGIT;
    }
    f->raw_len++;
    if (b >= 0x80) {
        /* euro (E2 82 AC) and pound (C2 A3); U+2200..U+22FF operators (E2 88..8B xx) */
        f->currency_mb +=
            (f->prev_nonascii == 0x82 && b == 0xac) || (f->prev_nonascii == 0xc2 && b == 0xa3);
        f->math_mb += f->prev_nonascii == 0xe2 && b >= 0x88 && b <= 0x8b;
    }
    if (cls == C_DIGIT) {
        f->tok_digits++;
        if (f->tok_digit) return; /* a run of digits is one '0' in the token */
        f->tok_digit = 1;
    } else {
        f->tok_digit = 0;
    }
    tok_add(f, c);
}

/* ---- the pass ------------------------------------------------------------------------- */

static void feat_slice(void *ctx, const unsigned char *t, size_t n)
{
    feat *f = ctx;
    for (size_t j = 0; j < n;) {
        unsigned char b = t[j];
        if (f->line_state == LS_REST && b == ' ') {
            space_byte(f);
            f->prev_nonascii = 0;
            f->pos++;
            j++;
            continue;
        }
        if (!is_lower(b) || f->line_state != LS_REST) {
            /* lowercase letters and spaces count for no shape feature: only
             * these bytes go in the histogram */
            f->hist[b]++;
            slow_byte(f, b);
            f->prev_nonascii = b >= 0x80 ? b : 0;
            f->pos++;
            j++;
            continue;
        }
        size_t start = j;
        if (!f->tok_len) f->tok_number = 0;
        f->window = (f->window << 8) | b;
        /* A lowercase run, the bulk of any text: locals only, and no n-gram
         * ends here (see char_push). */
        uint64_t win = f->window, tok = f->tok, acc = f->tok_acc;
        uint32_t len = f->tok_len;
        for (;;) {
            tok = tok << 8 | b;
            if (++len % 8 == 0) {
                acc = tok_fold(acc, tok);
                tok = 0;
            }
            if (++j == n || !is_lower(b = t[j])) break;
            win = (win << 8) | b;
        }
        uint32_t run = (uint32_t)(j - start);
        f->window = win;
        f->filled += run;
        f->last_char = t[j - 1];
        f->last_nonspace = t[j - 1];
        f->tok = tok;
        f->tok_acc = acc;
        f->tok_len = len;
        f->raw_len += run;
        f->tok_digit = 0;
        f->prev_nonascii = 0;
        f->pos += run;
    }
}

/* The gap between head and tail: no token or n-gram spans it. */
static void feat_break(feat *f)
{
    word_end(f);
    if (f->last_char != ' ') char_push(f, ' ');
    f->prev_word = 0;
    f->line_state = LS_REST;
    f->pos++; /* nothing spans the gap: not a sentence end, not a fence */
}

/* ---- putting it together ------------------------------------------------------------ */

static uint32_t log2_bucket(uint64_t v)
{
    uint32_t b = 0;
    while (v) {
        b++;
        v >>= 1;
    }
    return b;
}

static uint32_t cap_u32(uint32_t v, uint32_t max)
{
    return v < max ? v : max;
}

/* Shape counts from the byte histogram and the pass's own counters. */
typedef struct shape {
    uint32_t n_bytes, digits, upper, nonascii, math, code, lines, qmarks, commas, currency, percent;
} shape;

static void shape_of(const feat *f, shape *h)
{
    memset(h, 0, sizeof *h);
    h->n_bytes = (uint32_t)f->pos;
    for (int b = '0'; b <= '9'; b++)
        h->digits += f->hist[b];
    for (int b = 'A'; b <= 'Z'; b++)
        h->upper += f->hist[b];
    for (int b = 0x80; b < 0x100; b++)
        h->nonascii += f->hist[b];
    for (int b = '!'; b < 0x7f; b++) {
        h->math += is_math((unsigned char)b) ? f->hist[b] : 0;
        h->code += is_code((unsigned char)b) ? f->hist[b] : 0;
    }
    h->math += f->math_mb;
    h->lines = f->hist['\n'];
    h->qmarks = f->hist['?'];
    h->commas = f->hist[','];
    h->currency = f->hist['$'] + f->currency_mb;
    h->percent = f->hist['%'];
}

static int question_type(const feat *f, const shape *h)
{
    uint32_t lines = h->lines + (h->n_bytes > 0);
    if (f->fences || h->code >= 8) return EW__QT_CODE;
    if (f->letter_items >= 2) return EW__QT_CHOICE;
    /* prose that juggles quantities: a word problem */
    if (f->numbers >= 1 && (f->numbers >= 2 || h->qmarks) && h->math <= 2 && lines <= 3 &&
        f->words >= 15)
        return EW__QT_WORD_PROBLEM;
    if (f->numbers >= 2 || h->math >= 2) return EW__QT_MATH;
    return EW__QT_OTHER;
}

/* Count buckets: a non-linear view of length, numbers, lines and so on. */
static void push_buckets(feat *f, const shape *h, size_t total, int depth)
{
    uint32_t v[10] = {
        log2_bucket(total),          log2_bucket(f->words),
        cap_u32(f->numbers, 12),     log2_bucket(h->lines + (h->n_bytes > 0)),
        cap_u32(f->list_items, 10),  cap_u32(f->constraints, 10),
        cap_u32((uint32_t)depth, 5), log2_bucket(h->code),
        log2_bucket(h->math),        cap_u32(h->qmarks, 5),
    };
    for (uint32_t k = 0; k < 10; k++)
        push_key(f, EW__NS_BUCKET, mix64(((uint64_t)k << 32) | v[k]));
}

static void dense_features(const feat *f, const shape *h, size_t total, int depth, float *d)
{
    uint32_t lines = h->lines + (h->n_bytes > 0);
    double nb = h->n_bytes ? (double)h->n_bytes : 1.0;
    double nw = f->words ? (double)f->words : 1.0;
    d[EW__DF_BIAS] = 1.0f;
    d[EW__DF_LOG_BYTES] = (float)(log1p((double)total) / 8.0);
    d[EW__DF_LOG_WORDS] = (float)(log1p(f->words) / 6.0);
    d[EW__DF_DIGIT_FRAC] = (float)(h->digits / nb);
    d[EW__DF_LOG_NUMBERS] = (float)(log1p(f->numbers) / 4.0);
    d[EW__DF_LOG_MATH] = (float)(log1p(h->math) / 4.0);
    d[EW__DF_LOG_CODE] = (float)(log1p(h->code) / 5.0);
    d[EW__DF_FENCE] = f->fences ? 1.0f : 0.0f;
    d[EW__DF_LOG_LINES] = (float)(log1p(lines ? lines - 1 : 0) / 4.0);
    d[EW__DF_LOG_LIST] = (float)(log1p(f->list_items) / 3.0);
    d[EW__DF_LOG_CUES] = (float)(log1p(f->constraints) / 3.0);
    d[EW__DF_LOG_QMARKS] = (float)(log1p(h->qmarks) / 2.0);
    d[EW__DF_ENDS_QMARK] = f->last_nonspace == '?' ? 1.0f : 0.0f;
    d[EW__DF_AVG_WORD] = (float)(f->word_chars / nw / 8.0);
    d[EW__DF_LONG_WORDS] = (float)(f->long_words / nw);
    d[EW__DF_UPPER_FRAC] = (float)(h->upper / nb);
    d[EW__DF_NONASCII_FRAC] = (float)(h->nonascii / nb);
    d[EW__DF_LOG_DEPTH] = (float)log1p(depth - 1);
    d[EW__DF_LOG_QUANTITIES] = (float)(log1p(f->quantities) / 3.0);
    d[EW__DF_LOG_COMMAS] = (float)(log1p(h->commas) / 4.0);
    d[EW__DF_LOG_CURRENCY] = (float)(log1p(h->currency) / 2.0);
    d[EW__DF_LOG_SENTENCES] = (float)(log1p(f->sentences) / 4.0);
    d[EW__DF_LOG_DECIMALS] = (float)(log1p(f->decimals) / 2.0);
    d[EW__DF_LOG_MAX_DIGITS] = (float)(log1p(f->max_digits) / 2.0);
    d[EW__DF_LOG_PERCENT] = (float)(log1p(h->percent) / 2.0);
}

static void feat_init(feat *f, const ew__dcfg *cfg, const ew__dcues *cues, ew__dacc *acc)
{
    memset(f, 0, offsetof(feat, stack_keys));
    f->cues = cues;
    f->acc = acc;
    f->table = acc->table;
    f->shift = 64 - cfg->hash_bits;
    f->keys = f->stack_keys;
    f->cap_keys = KEYBUF;
    for (uint32_t n = EW__DF_MIN_NGRAM; n <= EW__DF_MAX_NGRAM; n++) {
        if (!(cfg->char_ngrams & (1u << n))) continue;
        f->size[f->n_sizes] = n;
        f->size_mask[f->n_sizes++] = (1ull << (8 * n)) - 1;
    }
    f->line_state = LS_START;
    f->end_mark = f->tick_mark = (size_t)-1;
    f->last_char = ' '; /* the text starts at a word boundary */
    f->window = ' ';
    f->filled = 1;
}

/* The typed keys under the type now known: summed, or collected. */
static void flush_keys(feat *f, int type)
{
    int64_t sum[EW__NS_COUNT] = {0};
    for (size_t i = 0; i < f->n_keys; i++) {
        uint32_t k = f->keys[i], neg, idx = feat_index(typed_hash(k, type), f->shift, &neg);
        if (f->table) {
            int32_t w = f->table[idx];
            sum[KEY_NS(k)] += neg ? -w : w;
        } else {
            collect(f, idx, neg, (int)KEY_NS(k));
        }
    }
    ew__dacc *a = f->acc;
    for (int ns = 0; ns < EW__NS_COUNT; ns++) {
        a->sum[ns] += sum[ns] + f->spill[type][ns];
        a->count[ns] += f->count[ns];
    }
    a->sum[EW__NS_CHAR] += f->char_sum;
    if (f->keys != f->stack_keys) free(f->keys);
}

int ew__dextract(const ew__dcfg *cfg, const ew__dcues *cues, const ew_text_part *parts, int n_parts,
                 int depth, ew__dacc *acc, float *dense)
{
    if (depth < 1) depth = 1;
    size_t total = 0;
    for (int i = 0; i < n_parts; i++)
        total += parts[i].len + (i > 0);
    size_t head = cfg->scan_head, tail = cfg->scan_tail;
    int split = total > head + tail;

    feat f;
    feat_init(&f, cfg, cues, acc);
    for_slices(parts, n_parts, 0, split ? head : total, feat_slice, &f);
    if (split) {
        feat_break(&f);
        for_slices(parts, n_parts, total - tail, total, feat_slice, &f);
    }
    feat_break(&f);
    f.sentences += f.end_mark == f.pos - 1;
    shape h;
    shape_of(&f, &h);
    h.n_bytes -= 1 + (uint32_t)split; /* the breaks are not bytes */
    int type = question_type(&f, &h);
    push_buckets(&f, &h, total, depth);
    dense_features(&f, &h, total, depth, dense);
    flush_keys(&f, type);
    return type;
}

double ew__dns_scale(int ns, uint32_t count)
{
    if (ns == EW__NS_QTYPE || ns == EW__NS_BUCKET || count == 0) return 1.0;
    return 1.0 / sqrt((double)count);
}
