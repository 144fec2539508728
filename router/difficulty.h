/* Internal parts of the difficulty estimate shared by the scorer, the weights
 * file code, the trainer and the data loaders. The public API is
 * include/edgeway/difficulty.h. */
#ifndef EW_ROUTER_DIFFICULTY_H
#define EW_ROUTER_DIFFICULTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "edgeway/difficulty.h"

/* ---- feature configuration (recorded in every weights file) ----------------- */

/* Bump when extraction changes in any way, so old weights are refused. */
#define EW__DF_FEATURE_SET 3

#define EW__DF_MIN_BITS  10
#define EW__DF_MAX_BITS  24
#define EW__DF_MIN_NGRAM 2
#define EW__DF_MAX_NGRAM 7
#define EW__DF_MAX_SCAN  (1u << 20) /* head + tail bytes */

/* Question types, from the prompt's structure. Dense features get a shared
 * weight plus one per type, so e.g. length can matter differently for a
 * multiple-choice question than for a word problem. */
enum {
    EW__QT_OTHER = 0,
    EW__QT_CHOICE,       /* lettered options: "A. ...", "B) ..." */
    EW__QT_WORD_PROBLEM, /* prose juggling several quantities */
    EW__QT_MATH,         /* several numbers or math symbols */
    EW__QT_CODE,         /* code fences or many code characters */
    EW__QT_COUNT
};
/* Dense weights: (1 + EW__QT_COUNT, EW__DF_N_DENSE), the shared row first. */
#define EW__DF_N_DW (EW__DF_N_DENSE * (1 + EW__QT_COUNT))

typedef struct ew__dcfg {
    uint32_t feature_set; /* EW__DF_FEATURE_SET */
    uint32_t hash_bits;   /* sparse table has 1 << hash_bits buckets */
    uint32_t char_ngrams; /* bit n set: character n-grams of length n */
    uint32_t scan_head;   /* bytes read from the start of the prompt */
    uint32_t scan_tail;   /* bytes read from its end when longer than head + tail */
    /* How much the hashed features count for each question type, in [0, 16]:
     * 0 makes a type's score rest on its dense features alone, for types
     * whose vocabulary says little about difficulty (word problems). */
    float type_gain[EW__QT_COUNT];
} ew__dcfg;

/* "other", "choice", "word_problem", "math", "code"; NULL when out of range. */
const char *ew__dtype_name(int type);

/* The defaults `difficulty train` uses. */
void ew__dcfg_default(ew__dcfg *cfg);
/* EW_OK or EW_ERR_UNSUPPORTED with a message naming the bad field. */
int ew__dcfg_check(const ew__dcfg *cfg, ew_error *err);

/* Dense features: fixed transforms of counts (see difficulty_feat.c). */
enum {
    EW__DF_BIAS = 0,
    EW__DF_LOG_BYTES,
    EW__DF_LOG_WORDS,
    EW__DF_DIGIT_FRAC,
    EW__DF_LOG_NUMBERS,
    EW__DF_LOG_MATH,
    EW__DF_LOG_CODE,
    EW__DF_FENCE,
    EW__DF_LOG_LINES,
    EW__DF_LOG_LIST,
    EW__DF_LOG_CUES,
    EW__DF_LOG_QMARKS,
    EW__DF_ENDS_QMARK,
    EW__DF_AVG_WORD,
    EW__DF_LONG_WORDS,
    EW__DF_UPPER_FRAC,
    EW__DF_NONASCII_FRAC,
    EW__DF_LOG_DEPTH,
    EW__DF_LOG_QUANTITIES,
    EW__DF_LOG_COMMAS,
    EW__DF_LOG_CURRENCY,
    EW__DF_LOG_SENTENCES,
    EW__DF_LOG_DECIMALS,   /* numbers with a decimal point: 3.5 */
    EW__DF_LOG_MAX_DIGITS, /* digits of the longest number */
    EW__DF_LOG_PERCENT,    /* '%' signs */
    EW__DF_N_DENSE
};

/* Namespaces of hashed features; each gets its own hash seed and scale. */
enum {
    EW__NS_WORD = 0, /* word unigrams, scaled by 1/sqrt(count) */
    EW__NS_BIGRAM,   /* word bigrams, 1/sqrt(count) */
    EW__NS_CHAR,     /* character n-grams, 1/sqrt(count); the only namespace shared by
                        every question type */
    EW__NS_QTYPE,    /* the first word and first two words: question type */
    EW__NS_BUCKET,   /* one-hot buckets of counts (length, numbers, lines...) */
    EW__NS_COUNT
};

/* A hashed feature: bucket index (low 24 bits), sign (bit 24), namespace (bits 25..27). */
#define EW__DF_IDX(e) ((e)&0xffffffu)
#define EW__DF_NEG(e) (((e) >> 24) & 1u)
#define EW__DF_NS(e)  ((e) >> 25)

/* Cue words by word hash: constraints ("must", "exactly", "without"...) and
 * quantities written as words ("twice", "half", "three"...). */
#define EW__DF_CUE_SLOTS 512
enum { EW__CUE_CONSTRAINT = 1, EW__CUE_QUANTITY = 2 };
typedef struct ew__dcues {
    uint64_t slot[EW__DF_CUE_SLOTS]; /* 0 = empty */
    unsigned char kind[EW__DF_CUE_SLOTS];
} ew__dcues;
/* Returns how many cue words found no slot: 0 (a unit test holds it to that). */
int ew__dcues_init(ew__dcues *c);

/* Where extraction puts hashed features. Scoring mode (table != NULL) sums
 * weights as it goes and allocates nothing; collect mode appends entries. */
typedef struct ew__dacc {
    const int16_t *table;         /* scoring: the weights table */
    int64_t sum[EW__NS_COUNT];    /* scoring: signed weight sums */
    uint32_t count[EW__NS_COUNT]; /* features seen per namespace */
    uint32_t *ents;               /* collect: (n) entries, owned by the caller */
    size_t n, cap;
    int status; /* EW_ERR_NOMEM when collecting failed */
} ew__dacc;

/* Extracts features of the parts read as one text (a newline between parts),
 * honouring the scan limits. dense receives EW__DF_N_DENSE values; the
 * return value is the question type. */
int ew__dextract(const ew__dcfg *cfg, const ew__dcues *cues, const ew_text_part *parts, int n_parts,
                 int depth, ew__dacc *acc, float *dense);
/* The per-namespace scale applied to the sum of a namespace's features. */
double ew__dns_scale(int ns, uint32_t count);

/* ---- the model ---------------------------------------------------------------- */

struct ew_difficulty {
    ew__dcfg cfg;
    float dense[EW__DF_N_DW]; /* dense weights; [EW__DF_BIAS] is the bias */
    float scale;              /* table value = int16 * scale */
    int16_t *table;           /* (1 << cfg.hash_bits) quantized sparse weights */
    ew__dcues cues;
};

/* Float weights as the trainer produces them; quantized on save. */
typedef struct ew__dweights {
    ew__dcfg cfg;
    double dense[EW__DF_N_DW];
    double *sparse; /* (1 << cfg.hash_bits) */
} ew__dweights;

/* Quantizes w into a model in memory (for scoring what was just trained). */
int ew__difficulty_from_weights(const ew__dweights *w, ew_difficulty **out, ew_error *err);
/* Writes the weights file format. */
int ew__difficulty_save(const ew_difficulty *m, const char *path, ew_error *err);
/* Raw logit before the sigmoid; the score is its logistic. */
double ew__difficulty_logit(const ew_difficulty *m, const ew_text_part *parts, int n_parts,
                            int depth);

/* Reads a whole file into out (reset first by the caller), at most max bytes. */
int ew__dread_file(const char *path, size_t max, ew_buf *out, ew_error *err);

/* FNV-1a 64 of a byte string: the held-out split hashes prompts with it. */
uint64_t ew__fnv1a64(const void *data, size_t len);

#endif
