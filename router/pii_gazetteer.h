/* Word lists for the PII scanner (the .txt files in router/data, compiled in by
 * router/data/gen_gazetteer.py) and the hash table built from them once. */
#ifndef EW_ROUTER_PII_GAZETTEER_H
#define EW_ROUTER_PII_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#define EW__GAZ_FIRST  1u  /* a given name */
#define EW__GAZ_LAST   2u  /* a surname */
#define EW__GAZ_COMMON 4u  /* an ordinary English word */
#define EW__GAZ_PLACE  8u  /* a country, region or city */
#define EW__GAZ_EXT    16u /* a name known only from the extended lists (names_*_faker.txt) */
/* a frequent word of another language (frequent_words.txt); set with COMMON */
#define EW__GAZ_WORD 32u
/* An ordinary English word (not only another language's) */
#define EW__GAZ_ENGLISH(g) (((g) & (EW__GAZ_COMMON | EW__GAZ_WORD)) == EW__GAZ_COMMON)

typedef struct ew__gaz_list {
    const char *words; /* folded words, each ended by '\n', then eight NUL bytes */
    size_t len;        /* without the NULs */
    unsigned flag;
} ew__gaz_list;

extern const ew__gaz_list ew__gaz_lists[];
extern const int ew__gaz_n_lists;
/* Folding of U+00C0..U+024F to an ASCII lowercase letter, 0 for none. */
extern const unsigned char ew__gaz_fold[0x250 - 0xC0];
/* Latin Extended Additional (U+1E00..U+1EFF: Vietnamese, Yoruba) folded the same way */
extern const unsigned char ew__gaz_fold_ext[0x100];
extern const uint32_t ew__gaz_cn_single[]; /* sorted code points */
extern const int ew__gaz_cn_single_n;
extern const uint32_t ew__gaz_cn_double[][2];
extern const int ew__gaz_cn_double_n;

#define EW__GAZ_MAX_WORD 32

/* Builds the table on first use (thread-safe, never fails: static storage). */
void ew__gaz_init(void);
/* Folds a UTF-8 word (ASCII lowercase, Latin diacritics to base letters) into
 * out[EW__GAZ_MAX_WORD]; returns the folded length, 0 when too long or empty. */
size_t ew__gaz_fold_word(const unsigned char *s, size_t n, char *out);
/* Flags of a folded word (0 when absent). ew__gaz_init must have run. */
unsigned ew__gaz_lookup(const char *folded, size_t n);
/* Hash of a folded word; for words shorter than PII_WORD_MAX it is the cue
 * table's pii_word_hash, so one hash serves both tables. */
uint32_t ew__gaz_hash(const char *folded, size_t n);
/* ew__gaz_lookup with the word's ew__gaz_hash already computed. */
unsigned ew__gaz_lookup_hash(const char *folded, size_t n, uint32_t hash);
/* The same for a word shorter than 24 bytes given zero-padded in q[3]. */
unsigned ew__gaz_lookup_padded(const uint64_t q[3], size_t n, uint32_t hash);
/* False when the word whose ew__gaz_hash is `hash` is surely no given name
 * or surname (true: look it up). */
#define EW__GAZ_NAME_BITS (1u << 20)
extern uint64_t ew__gaz_name_bits[EW__GAZ_NAME_BITS / 64];
static inline int ew__gaz_maybe_name(uint32_t hash)
{
    uint32_t b = (hash >> 1) & (EW__GAZ_NAME_BITS - 1);
    return (int)(ew__gaz_name_bits[b / 64] >> (b % 64)) & 1;
}
/* Chinese surnames: 1 for a single-character surname at cp, 2 when cp,next form
 * a two-character surname, 0 otherwise. */
int ew__gaz_cn_surname(uint32_t cp, uint32_t next);

#endif
