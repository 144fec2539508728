/* Feature extraction for the difficulty estimate: one pass over the prompt's
 * bytes produces hashed word uni/bigrams, character n-grams, question-type and
 * count-bucket features plus a few dense counts.
 *
 * The same code serves training (collect mode) and scoring (sum mode), so a
 * model always sees at run time exactly the features it was trained on. Any
 * change here must bump EW__DF_FEATURE_SET. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "router/difficulty.h"

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME  0x100000001b3ull

/* Seeds keep namespaces apart in the shared table. */
static const uint64_t ns_seed[EW__NS_COUNT] = {
    0x243f6a8885a308d3ull, 0x13198a2e03707344ull, 0xa4093822299f31d0ull,
    0x082efa98ec4e6c89ull, 0x452821e638d01377ull,
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

static uint64_t word_hash_str(const char *w)
{
    uint64_t h = FNV_OFFSET;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * FNV_PRIME;
    return h | 1; /* never 0: 0 marks an empty slot */
}

static void cue_add(ew__dcues *c, const char *word, unsigned char kind)
{
    uint64_t h = word_hash_str(word);
    size_t s = h & (EW__DF_CUE_SLOTS - 1);
    while (c->slot[s] && c->slot[s] != h)
        s = (s + 1) & (EW__DF_CUE_SLOTS - 1);
    c->slot[s] = h;
    c->kind[s] = kind;
}

void ew__dcues_init(ew__dcues *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < sizeof constraint_words / sizeof constraint_words[0]; i++)
        cue_add(c, constraint_words[i], EW__CUE_CONSTRAINT);
    for (size_t i = 0; i < sizeof quantity_words / sizeof quantity_words[0]; i++)
        cue_add(c, quantity_words[i], EW__CUE_QUANTITY);
}

/* The kind of cue a word hash is, or 0. */
static inline int cue_kind(const ew__dcues *c, uint64_t h)
{
    h |= 1;
    for (size_t s = h & (EW__DF_CUE_SLOTS - 1);; s = (s + 1) & (EW__DF_CUE_SLOTS - 1)) {
        if (c->slot[s] == h) return c->kind[s];
        if (!c->slot[s]) return 0;
    }
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

static inline int is_math(unsigned char b)
{
    return b == '+' || b == '*' || b == '/' || b == '=' || b == '^' || b == '<' || b == '>' ||
           b == '%' || b == '\\';
}

static inline int is_code(unsigned char b)
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

/* ---- pass 1: the text's shape (counts, lists, the question type) ------------------- */

enum { LS_START, LS_BULLET, LS_DIGITS, LS_LETTER, LS_REST };

typedef struct shape {
    uint32_t n_bytes, digits, upper, nonascii, math, code, fences, lines, list_items;
    uint32_t letter_items, qmarks, commas, currency, sentences, numbers, words, word_chars;
    uint32_t long_words;
    uint32_t word_len, backticks;
    int word_starts_digit, sentence_end, line_state, bullet_letter;
    unsigned char prev_byte, last_nonspace;
} shape;

static void shape_word_end(shape *h)
{
    if (!h->word_len) return;
    h->words++;
    h->word_chars += h->word_len;
    h->long_words += h->word_len >= 10;
    h->numbers += h->word_starts_digit;
    h->word_len = 0;
}

/* List items: a line starting with "- ", "* ", "+ ", "12. ", "3) ", "A. " or "b) ". */
static void line_track(shape *h, unsigned char b, int cls)
{
    switch (h->line_state) {
    case LS_START:
        if (cls == C_SPACE) return;
        h->bullet_letter = 0;
        if (b == '-' || b == '*' || b == '+')
            h->line_state = LS_BULLET;
        else if (cls == C_DIGIT)
            h->line_state = LS_DIGITS;
        else if (cls == C_WORD && b < 0x80)
            h->line_state = LS_LETTER;
        else
            h->line_state = LS_REST;
        return;
    case LS_BULLET:
        if (cls == C_SPACE) {
            h->list_items++;
            h->letter_items += h->bullet_letter;
        }
        h->line_state = LS_REST;
        return;
    case LS_DIGITS:
        if (cls == C_DIGIT) return;
        h->line_state = (b == '.' || b == ')') ? LS_BULLET : LS_REST;
        return;
    case LS_LETTER:
        h->bullet_letter = 1;
        h->line_state = (b == '.' || b == ')') ? LS_BULLET : LS_REST;
        return;
    default:
        return;
    }
}

static void shape_byte(shape *h, unsigned char b)
{
    int cls = byte_class(b);
    if (b != '`')
        h->backticks = 0;
    else if (++h->backticks == 3)
        h->fences++;
    if (b == '\n') {
        h->lines++;
        h->line_state = LS_START;
    } else if (h->line_state != LS_REST) {
        line_track(h, b, cls);
    }
    if (cls == C_SPACE) {
        shape_word_end(h);
        h->sentences += h->sentence_end;
        h->sentence_end = 0;
    } else {
        h->last_nonspace = b;
        h->sentence_end = b == '.' || b == '!' || b == '?';
        if (cls == C_PUNCT) {
            shape_word_end(h);
            h->math += is_math(b);
            h->code += is_code(b);
            h->qmarks += b == '?';
            h->commas += b == ',';
            h->currency += b == '$';
        } else {
            if (!h->word_len) h->word_starts_digit = cls == C_DIGIT;
            h->word_len++;
            h->digits += cls == C_DIGIT;
            h->upper += b >= 'A' && b <= 'Z';
            if (b >= 0x80) {
                h->nonascii++;
                /* euro (E2 82 AC) and pound (C2 A3) signs */
                h->currency +=
                    (h->prev_byte == 0x82 && b == 0xac) || (h->prev_byte == 0xc2 && b == 0xa3);
                /* U+2200..U+22FF mathematical operators: E2 88..8B xx */
                h->math += h->prev_byte == 0xe2 && b >= 0x88 && b <= 0x8b;
            }
        }
    }
    h->prev_byte = b;
}

static void shape_slice(void *ctx, const unsigned char *p, size_t n)
{
    shape *h = ctx;
    h->n_bytes += (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        if (is_lower(p[i]) && h->word_len && h->line_state == LS_REST) {
            /* inside a word: only the word's length and the last byte change */
            h->word_len++;
            h->backticks = 0;
            h->sentence_end = 0;
            h->last_nonspace = h->prev_byte = p[i];
            continue;
        }
        shape_byte(h, p[i]);
    }
}

static int question_type(const shape *h)
{
    uint32_t lines = h->lines + (h->n_bytes > 0);
    if (h->fences || h->code >= 8) return EW__QT_CODE;
    if (h->letter_items >= 2) return EW__QT_CHOICE;
    /* prose that juggles quantities: a word problem */
    if (h->numbers >= 1 && (h->numbers >= 2 || h->qmarks) && h->math <= 2 && lines <= 3 &&
        h->words >= 15)
        return EW__QT_WORD_PROBLEM;
    if (h->numbers >= 2 || h->math >= 2) return EW__QT_MATH;
    return EW__QT_OTHER;
}

/* ---- pass 2: hashed features --------------------------------------------------------- */

typedef struct feat {
    const ew__dcues *cues;
    ew__dacc *acc;
    const int16_t *table;         /* scoring: acc->table, kept here to save a load */
    int64_t sum[EW__NS_COUNT];    /* scoring: added to acc at the end */
    uint32_t count[EW__NS_COUNT]; /* added to acc at the end */
    uint64_t seed[EW__NS_COUNT];  /* per namespace, and per question type for text */
    uint64_t shift;               /* 64 - hash_bits */
    /* character stream: lowercased, digits as '0', whitespace collapsed */
    uint64_t window;
    uint32_t filled;
    unsigned char last_char;
    int n_sizes;                          /* n-gram lengths in use */
    uint32_t size[EW__DF_MAX_NGRAM];      /* (n_sizes) */
    uint64_t size_mask[EW__DF_MAX_NGRAM]; /* (n_sizes) low 8n bits */
    /* tokens */
    uint64_t word_h;
    uint32_t word_len;
    int word_digit_run; /* inside a run of digits (hashed as one '0') */
    int word_is_number;
    uint64_t prev_word; /* hash of the previous token, 0 at the start */
    uint64_t first_word;
    uint32_t n_tokens, constraints, quantities;
} feat;

static inline void emit_idx(feat *f, int ns, uint32_t idx, uint32_t neg)
{
    f->count[ns]++;
    if (f->table) {
        int32_t w = f->table[idx];
        f->sum[ns] += neg ? -w : w;
        return;
    }
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

static inline void emit(feat *f, int ns, uint64_t h)
{
    h = mix64(h ^ f->seed[ns]);
    emit_idx(f, ns, (uint32_t)(h >> f->shift), (uint32_t)h & 1u);
}

/* Character n-grams are the most numerous features: one multiply (Fibonacci
 * hashing, whose top bits depend on every bit of the n-gram) instead of mix64. */
static inline void emit_char(feat *f, uint64_t g)
{
    uint64_t h = (g ^ f->seed[EW__NS_CHAR]) * 0x9e3779b97f4a7c15ull;
    emit_idx(f, EW__NS_CHAR, (uint32_t)(h >> f->shift), (uint32_t)(h >> (f->shift - 1)) & 1u);
}

static inline void char_push(feat *f, unsigned char c)
{
    f->window = (f->window << 8) | c;
    f->filled++;
    f->last_char = c;
    for (int i = 0; i < f->n_sizes; i++)
        if (f->filled >= f->size[i])
            emit_char(f, (f->window & f->size_mask[i]) ^ ((uint64_t)f->size[i] << 56));
}

/* A finished token: its unigram, its bigram with the previous token, and
 * the question-type features of the first two. h is the token's FNV-1a hash;
 * emit() mixes it. */
static void token_done(feat *f, uint64_t h)
{
    emit(f, EW__NS_WORD, h);
    if (f->prev_word) emit(f, EW__NS_BIGRAM, f->prev_word * 0x9e3779b97f4a7c15ull ^ h);
    if (f->n_tokens == 0) {
        f->first_word = h;
        emit(f, EW__NS_QTYPE, h);
    } else if (f->n_tokens == 1) {
        emit(f, EW__NS_QTYPE, f->first_word * 0x9e3779b97f4a7c15ull ^ h);
    }
    f->prev_word = h;
    f->n_tokens++;
}

static void word_end(feat *f)
{
    if (!f->word_len) return;
    if (!f->word_is_number) {
        int kind = cue_kind(f->cues, f->word_h);
        f->constraints += kind == EW__CUE_CONSTRAINT;
        f->quantities += kind == EW__CUE_QUANTITY;
    }
    token_done(f, f->word_h);
    f->word_len = 0;
    f->word_digit_run = 0;
}

/* A run of lowercase letters, t[j] the first: most of any text. The hot
 * state lives in locals for the run; scoring sums the character n-grams'
 * weights here too. Same features as feat_byte() byte by byte. */
static size_t lower_run(feat *f, const unsigned char *t, size_t j, size_t n)
{
    uint64_t win = f->window, wh = f->word_len ? f->word_h : FNV_OFFSET;
    uint32_t filled = f->filled, start = (uint32_t)j;
    int64_t csum = 0;
    if (!f->word_len) f->word_is_number = 0;
    for (; j < n && is_lower(t[j]); j++) {
        unsigned char b = t[j];
        win = (win << 8) | b;
        filled++;
        wh = (wh ^ b) * FNV_PRIME;
        for (int i = 0; i < f->n_sizes; i++) {
            if (filled < f->size[i]) continue;
            uint64_t g = (win & f->size_mask[i]) ^ ((uint64_t)f->size[i] << 56);
            if (!f->table) {
                emit_char(f, g);
                continue;
            }
            uint64_t h = (g ^ f->seed[EW__NS_CHAR]) * 0x9e3779b97f4a7c15ull;
            int32_t w = f->table[h >> f->shift];
            csum += ((h >> (f->shift - 1)) & 1u) ? -w : w;
            f->count[EW__NS_CHAR]++;
        }
    }
    f->sum[EW__NS_CHAR] += csum;
    f->window = win;
    f->filled = filled;
    f->last_char = t[j - 1];
    f->word_h = wh;
    f->word_len += (uint32_t)j - start;
    f->word_digit_run = 0;
    return j;
}

/* Any byte: lowercase ASCII, digits as '0' (a run of digits hashes as one
 * '0' in a token), whitespace collapsed; punctuation is a token of its own. */
static void feat_byte(feat *f, unsigned char b)
{
    int cls = byte_class(b);
    if (cls == C_SPACE) {
        word_end(f);
        if (f->last_char != ' ') char_push(f, ' ');
        return;
    }
    unsigned char c = cls == C_DIGIT ? '0' : (b >= 'A' && b <= 'Z') ? (unsigned char)(b + 32) : b;
    char_push(f, c);
    if (cls == C_PUNCT) {
        word_end(f);
        token_done(f, (FNV_OFFSET ^ b) * FNV_PRIME);
        return;
    }
    if (!f->word_len) {
        f->word_h = FNV_OFFSET;
        f->word_is_number = cls == C_DIGIT;
    }
    if (cls == C_DIGIT && f->word_digit_run) return;
    f->word_digit_run = cls == C_DIGIT;
    f->word_h = (f->word_h ^ c) * FNV_PRIME;
    f->word_len++;
}

static void feat_slice(void *ctx, const unsigned char *t, size_t n)
{
    feat *f = ctx;
    for (size_t j = 0; j < n;)
        j = is_lower(t[j]) ? lower_run(f, t, j, n) : (feat_byte(f, t[j]), j + 1);
}

/* The gap between head and tail: no token or n-gram spans it. */
static void feat_break(feat *f)
{
    word_end(f);
    if (f->last_char != ' ') char_push(f, ' ');
    f->prev_word = 0;
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

/* Count buckets: a non-linear view of length, numbers, lines and so on. */
static void emit_buckets(feat *f, const shape *h, size_t total, int depth)
{
    uint32_t v[10] = {
        log2_bucket(total),          log2_bucket(h->words),
        cap_u32(h->numbers, 12),     log2_bucket(h->lines + (h->n_bytes > 0)),
        cap_u32(h->list_items, 10),  cap_u32(f->constraints, 10),
        cap_u32((uint32_t)depth, 5), log2_bucket(h->code),
        log2_bucket(h->math),        cap_u32(h->qmarks, 5),
    };
    for (uint32_t k = 0; k < 10; k++)
        emit(f, EW__NS_BUCKET, ((uint64_t)k << 32) | v[k]);
}

static void dense_features(const shape *h, const feat *f, size_t total, int depth, float *d)
{
    uint32_t lines = h->lines + (h->n_bytes > 0);
    double nb = h->n_bytes ? (double)h->n_bytes : 1.0;
    double nw = h->words ? (double)h->words : 1.0;
    d[EW__DF_BIAS] = 1.0f;
    d[EW__DF_LOG_BYTES] = (float)(log1p((double)total) / 8.0);
    d[EW__DF_LOG_WORDS] = (float)(log1p(h->words) / 6.0);
    d[EW__DF_DIGIT_FRAC] = (float)(h->digits / nb);
    d[EW__DF_LOG_NUMBERS] = (float)(log1p(h->numbers) / 4.0);
    d[EW__DF_LOG_MATH] = (float)(log1p(h->math) / 4.0);
    d[EW__DF_LOG_CODE] = (float)(log1p(h->code) / 5.0);
    d[EW__DF_FENCE] = h->fences ? 1.0f : 0.0f;
    d[EW__DF_LOG_LINES] = (float)(log1p(lines ? lines - 1 : 0) / 4.0);
    d[EW__DF_LOG_LIST] = (float)(log1p(h->list_items) / 3.0);
    d[EW__DF_LOG_CUES] = (float)(log1p(f->constraints) / 3.0);
    d[EW__DF_LOG_QMARKS] = (float)(log1p(h->qmarks) / 2.0);
    d[EW__DF_ENDS_QMARK] = h->last_nonspace == '?' ? 1.0f : 0.0f;
    d[EW__DF_AVG_WORD] = (float)(h->word_chars / nw / 8.0);
    d[EW__DF_LONG_WORDS] = (float)(h->long_words / nw);
    d[EW__DF_UPPER_FRAC] = (float)(h->upper / nb);
    d[EW__DF_NONASCII_FRAC] = (float)(h->nonascii / nb);
    d[EW__DF_LOG_DEPTH] = (float)log1p(depth - 1);
    d[EW__DF_LOG_QUANTITIES] = (float)(log1p(f->quantities) / 3.0);
    d[EW__DF_LOG_COMMAS] = (float)(log1p(h->commas) / 4.0);
    d[EW__DF_LOG_CURRENCY] = (float)(log1p(h->currency) / 2.0);
    d[EW__DF_LOG_SENTENCES] = (float)(log1p(h->sentences) / 4.0);
}

static void feat_init(feat *f, const ew__dcfg *cfg, const ew__dcues *cues, ew__dacc *acc, int type)
{
    memset(f, 0, sizeof *f);
    f->cues = cues;
    f->acc = acc;
    f->table = acc->table;
    f->shift = 64 - cfg->hash_bits;
    /* Hashed features are per question type: what a word or a length says
     * about difficulty in a multiple-choice exam is not what it says in a
     * chat. Only the dense features have a weight shared by all types. */
    for (int ns = 0; ns < EW__NS_COUNT; ns++)
        f->seed[ns] = ns_seed[ns] ^ (uint64_t)(type + 1) * 0x9e3779b97f4a7c15ull;
    for (uint32_t n = EW__DF_MIN_NGRAM; n <= EW__DF_MAX_NGRAM; n++) {
        if (!(cfg->char_ngrams & (1u << n))) continue;
        f->size[f->n_sizes] = n;
        f->size_mask[f->n_sizes++] = (1ull << (8 * n)) - 1;
    }
    f->last_char = ' '; /* the text starts at a word boundary */
    f->window = ' ';
    f->filled = 1;
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

    /* Pass 1: the shape, which decides the question type. */
    shape h;
    memset(&h, 0, sizeof h);
    h.line_state = LS_START;
    for_slices(parts, n_parts, 0, split ? head : total, shape_slice, &h);
    if (split) {
        shape_word_end(&h);
        for_slices(parts, n_parts, total - tail, total, shape_slice, &h);
    }
    shape_word_end(&h);
    h.sentences += h.sentence_end;
    int type = question_type(&h);

    /* Pass 2: hashed features, seeded by the type. */
    feat f;
    feat_init(&f, cfg, cues, acc, type);
    for_slices(parts, n_parts, 0, split ? head : total, feat_slice, &f);
    if (split) {
        feat_break(&f);
        for_slices(parts, n_parts, total - tail, total, feat_slice, &f);
    }
    feat_break(&f);
    emit_buckets(&f, &h, total, depth);
    dense_features(&h, &f, total, depth, dense);
    for (int ns = 0; ns < EW__NS_COUNT; ns++) {
        acc->sum[ns] += f.sum[ns];
        acc->count[ns] += f.count[ns];
    }
    return type;
}

double ew__dns_scale(int ns, uint32_t count)
{
    if (ns == EW__NS_QTYPE || ns == EW__NS_BUCKET || count == 0) return 1.0;
    return 1.0 / sqrt((double)count);
}
