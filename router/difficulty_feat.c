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
    cfg->hash_bits = 18;
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

/* ---- the scanner ------------------------------------------------------------------- */

enum { LS_START, LS_BULLET, LS_DIGITS, LS_LETTER, LS_REST };

typedef struct scan {
    const ew__dcfg *cfg;
    const ew__dcues *cues;
    ew__dacc *acc;
    uint64_t shift; /* 64 - hash_bits */
    /* character stream: lowercased, digits as '0', whitespace collapsed */
    uint64_t window;
    uint32_t filled;
    unsigned char last_char;
    /* words */
    uint64_t word_h;
    uint32_t word_len;
    int word_digit_run; /* inside a run of digits (collapsed to one '0') */
    int word_starts_digit;
    uint64_t prev_word; /* finished hash of the previous token, 0 at start */
    uint32_t n_tokens;
    uint64_t first_word;
    /* counts */
    uint32_t n_bytes, digits, upper, nonascii, math, code, fences, backticks;
    uint32_t lines, list_items, letter_items, qmarks, words, word_chars, long_words, numbers,
        cue_count;
    uint32_t quantities, commas, currency, sentences;
    int sentence_end; /* the last non-space byte ended a sentence */
    int line_state;
    int bullet_letter; /* the pending list marker is a letter: "A." */
    unsigned char prev_byte, last_nonspace;
} scan;

static inline void emit(scan *s, int ns, uint64_t h)
{
    h = mix64(h ^ ns_seed[ns]);
    uint32_t idx = (uint32_t)(h >> s->shift);
    uint32_t neg = (uint32_t)h & 1u;
    ew__dacc *a = s->acc;
    a->count[ns]++;
    if (a->table) {
        int32_t w = a->table[idx];
        a->sum[ns] += neg ? -w : w;
        return;
    }
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

static inline void char_push(scan *s, unsigned char c)
{
    s->window = (s->window << 8) | c;
    s->filled++;
    s->last_char = c;
    uint32_t mask = s->cfg->char_ngrams;
    for (uint32_t n = EW__DF_MIN_NGRAM; n <= EW__DF_MAX_NGRAM; n++) {
        if (!(mask & (1u << n)) || s->filled < n) continue;
        uint64_t g = s->window & ((1ull << (8 * n)) - 1);
        emit(s, EW__NS_CHAR, g ^ ((uint64_t)n << 56));
    }
}

static void token_done(scan *s, uint64_t h)
{
    h = mix64(h);
    emit(s, EW__NS_WORD, h);
    if (s->prev_word) emit(s, EW__NS_BIGRAM, s->prev_word * 0x9e3779b97f4a7c15ull + h);
    if (s->n_tokens == 0) {
        s->first_word = h;
        emit(s, EW__NS_QTYPE, h);
    } else if (s->n_tokens == 1) {
        emit(s, EW__NS_QTYPE, s->first_word * 0x9e3779b97f4a7c15ull + h);
    }
    s->prev_word = h;
    s->n_tokens++;
}

static void word_end(scan *s)
{
    if (!s->word_len) return;
    s->words++;
    s->word_chars += s->word_len;
    if (s->word_len >= 10) s->long_words++;
    if (s->word_starts_digit) {
        s->numbers++;
    } else {
        int kind = cue_kind(s->cues, s->word_h);
        s->cue_count += kind == EW__CUE_CONSTRAINT;
        s->quantities += kind == EW__CUE_QUANTITY;
    }
    token_done(s, s->word_h);
    s->word_len = 0;
    s->word_digit_run = 0;
}

static inline void line_track(scan *s, unsigned char b, int cls)
{
    switch (s->line_state) {
    case LS_START:
        if (cls == C_SPACE) return;
        s->bullet_letter = 0;
        if (b == '-' || b == '*' || b == '+')
            s->line_state = LS_BULLET;
        else if (cls == C_DIGIT)
            s->line_state = LS_DIGITS;
        else if (cls == C_WORD && b < 0x80)
            s->line_state = LS_LETTER;
        else
            s->line_state = LS_REST;
        return;
    case LS_BULLET:
        if (cls == C_SPACE) {
            s->list_items++;
            s->letter_items += s->bullet_letter;
        }
        s->line_state = LS_REST;
        return;
    case LS_DIGITS:
        if (cls == C_DIGIT) return;
        s->line_state = (b == '.' || b == ')') ? LS_BULLET : LS_REST;
        return;
    case LS_LETTER:
        s->bullet_letter = 1;
        s->line_state = (b == '.' || b == ')') ? LS_BULLET : LS_REST;
        return;
    default:
        return;
    }
}

static void feed(scan *s, unsigned char b)
{
    int cls = byte_class(b);
    s->n_bytes++;
    if (b != '`')
        s->backticks = 0;
    else if (++s->backticks == 3)
        s->fences++;
    if (b == '\n') {
        s->lines++;
        s->line_state = LS_START;
    } else {
        line_track(s, b, cls);
    }
    if (cls == C_SPACE) {
        word_end(s);
        s->sentences += s->sentence_end;
        s->sentence_end = 0;
        if (s->last_char != ' ') char_push(s, ' ');
        s->prev_byte = b;
        return;
    }
    s->last_nonspace = b;
    s->sentence_end = b == '.' || b == '!' || b == '?';
    unsigned char c = b;
    if (cls == C_DIGIT) {
        s->digits++;
        c = '0';
    } else if (b >= 'A' && b <= 'Z') {
        s->upper++;
        c = (unsigned char)(b + 32);
    } else if (b >= 0x80) {
        s->nonascii++;
        /* euro (E2 82 AC) and pound (C2 A3) signs */
        s->currency += (s->prev_byte == 0x82 && b == 0xac) || (s->prev_byte == 0xc2 && b == 0xa3);
        /* U+2200..U+22FF mathematical operators: E2 88..8B xx */
        if (s->prev_byte == 0xe2 && b >= 0x88 && b <= 0x8b) s->math++;
    }
    char_push(s, c);
    if (cls == C_PUNCT) {
        word_end(s);
        if (is_math(b)) s->math++;
        if (is_code(b)) s->code++;
        if (b == '?') s->qmarks++;
        s->commas += b == ',';
        s->currency += b == '$';
        token_done(s, (FNV_OFFSET ^ b) * FNV_PRIME);
        s->prev_byte = b;
        return;
    }
    if (cls == C_DIGIT) {
        if (!s->word_len) s->word_starts_digit = 1;
        if (s->word_digit_run) {
            s->prev_byte = b;
            return;
        }
        s->word_digit_run = 1;
    } else {
        if (!s->word_len) s->word_starts_digit = 0;
        s->word_digit_run = 0;
    }
    if (!s->word_len) s->word_h = FNV_OFFSET;
    s->word_h = (s->word_h ^ c) * FNV_PRIME;
    s->word_len++;
    s->prev_byte = b;
}

/* Feeds bytes [from, to) of the parts viewed as one text with one '\n'
 * between parts (the separator counts as a byte of the text). */
static void feed_range(scan *s, const ew_text_part *parts, int n_parts, size_t from, size_t to)
{
    size_t off = 0;
    for (int i = 0; i < n_parts && off < to; i++) {
        if (i > 0) {
            if (off >= from && off < to) feed(s, '\n');
            off++;
        }
        size_t len = parts[i].len;
        size_t lo = from > off ? from - off : 0;
        size_t hi = to - off < len ? to - off : len;
        for (size_t j = lo; j < hi; j++)
            feed(s, (unsigned char)parts[i].text[j]);
        off += len;
    }
}

static void emit_bucket(scan *s, uint32_t kind, uint32_t value)
{
    emit(s, EW__NS_BUCKET, ((uint64_t)kind << 32) | value);
}

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

static int question_type(const scan *s, uint32_t lines)
{
    if (s->fences || s->code >= 8) return EW__QT_CODE;
    if (s->letter_items >= 2) return EW__QT_CHOICE;
    /* prose that juggles quantities: a word problem */
    if (s->numbers + s->quantities >= 2 && s->math <= 2 && lines <= 3 && s->words >= 15)
        return EW__QT_WORD_PROBLEM;
    if (s->numbers >= 2 || s->math >= 2) return EW__QT_MATH;
    return EW__QT_OTHER;
}

/* Count buckets, each once alone and once crossed with the question type. */
static void emit_buckets(scan *s, size_t total, uint32_t lines, int depth, int type)
{
    uint32_t v[10] = {
        log2_bucket(total),          log2_bucket(s->words),      cap_u32(s->numbers, 12),
        log2_bucket(lines),          cap_u32(s->list_items, 10), cap_u32(s->cue_count, 10),
        cap_u32((uint32_t)depth, 5), log2_bucket(s->code),       log2_bucket(s->math),
        cap_u32(s->qmarks, 5),
    };
    for (uint32_t k = 0; k < 10; k++) {
        emit_bucket(s, k, v[k]);
        emit_bucket(s, k | (uint32_t)(1 + type) << 8, v[k]);
    }
}

static int finish(scan *s, size_t total, int depth, float *d)
{
    word_end(s);
    if (s->last_char != ' ') char_push(s, ' ');
    uint32_t lines = s->lines + (s->n_bytes > 0);
    s->sentences += s->sentence_end;
    int type = question_type(s, lines);
    emit_buckets(s, total, lines, depth, type);

    double nb = s->n_bytes ? (double)s->n_bytes : 1.0;
    double nw = s->words ? (double)s->words : 1.0;
    d[EW__DF_BIAS] = 1.0f;
    d[EW__DF_LOG_BYTES] = (float)(log1p((double)total) / 8.0);
    d[EW__DF_LOG_WORDS] = (float)(log1p(s->words) / 6.0);
    d[EW__DF_DIGIT_FRAC] = (float)(s->digits / nb);
    d[EW__DF_LOG_NUMBERS] = (float)(log1p(s->numbers) / 4.0);
    d[EW__DF_LOG_MATH] = (float)(log1p(s->math) / 4.0);
    d[EW__DF_LOG_CODE] = (float)(log1p(s->code) / 5.0);
    d[EW__DF_FENCE] = s->fences ? 1.0f : 0.0f;
    d[EW__DF_LOG_LINES] = (float)(log1p(lines ? lines - 1 : 0) / 4.0);
    d[EW__DF_LOG_LIST] = (float)(log1p(s->list_items) / 3.0);
    d[EW__DF_LOG_CUES] = (float)(log1p(s->cue_count) / 3.0);
    d[EW__DF_LOG_QMARKS] = (float)(log1p(s->qmarks) / 2.0);
    d[EW__DF_ENDS_QMARK] = s->last_nonspace == '?' ? 1.0f : 0.0f;
    d[EW__DF_AVG_WORD] = (float)(s->word_chars / nw / 8.0);
    d[EW__DF_LONG_WORDS] = (float)(s->long_words / nw);
    d[EW__DF_UPPER_FRAC] = (float)(s->upper / nb);
    d[EW__DF_NONASCII_FRAC] = (float)(s->nonascii / nb);
    d[EW__DF_LOG_DEPTH] = (float)log1p(depth - 1);
    d[EW__DF_LOG_QUANTITIES] = (float)(log1p(s->quantities) / 3.0);
    d[EW__DF_LOG_COMMAS] = (float)(log1p(s->commas) / 4.0);
    d[EW__DF_LOG_CURRENCY] = (float)(log1p(s->currency) / 2.0);
    d[EW__DF_LOG_SENTENCES] = (float)(log1p(s->sentences) / 4.0);
    return type;
}

int ew__dextract(const ew__dcfg *cfg, const ew__dcues *cues, const ew_text_part *parts, int n_parts,
                 int depth, ew__dacc *acc, float *dense)
{
    scan s;
    memset(&s, 0, sizeof s);
    s.cfg = cfg;
    s.cues = cues;
    s.acc = acc;
    s.shift = 64 - cfg->hash_bits;
    s.last_char = ' '; /* the text starts at a word boundary */
    s.window = ' ';
    s.filled = 1;
    if (depth < 1) depth = 1;

    size_t total = 0;
    for (int i = 0; i < n_parts; i++)
        total += parts[i].len + (i > 0);
    size_t head = cfg->scan_head, tail = cfg->scan_tail;
    if (total <= head + tail) {
        feed_range(&s, parts, n_parts, 0, total);
    } else {
        /* A break between head and tail so no n-gram spans the gap. */
        feed_range(&s, parts, n_parts, 0, head);
        word_end(&s);
        if (s.last_char != ' ') char_push(&s, ' ');
        s.prev_word = 0;
        feed_range(&s, parts, n_parts, total - tail, total);
    }
    return finish(&s, total, depth, dense);
}

double ew__dns_scale(int ns, uint32_t count)
{
    if (ns == EW__NS_QTYPE || ns == EW__NS_BUCKET || count == 0) return 1.0;
    return 1.0 / sqrt((double)count);
}
