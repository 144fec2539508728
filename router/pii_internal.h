/* Internals of the PII scanner shared by router/pii*.c.
 *
 * One pass: the driver (pii.c) walks the text with a byte-class table, skips
 * plain lowercase prose cheaply, and hands each token that starts with a
 * trigger (digit, capital, '@' inside, '+', '(', '-', '$', a cue word, a CJK
 * cue) to the detectors. Detectors append candidate spans; the driver then
 * resolves overlaps, applies thresholds and the allow-list.
 */
#ifndef EW_ROUTER_PII_INTERNAL_H
#define EW_ROUTER_PII_INTERNAL_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "edgeway/pii.h"

/* ---- byte classes ---------------------------------------------------------- */
enum {
    PC_OTHER = 0, /* ASCII punctuation not listed below */
    PC_SPACE,
    PC_LOWER,
    PC_UPPER,
    PC_DIGIT,
    PC_U2,   /* lead byte of a 2-byte UTF-8 sequence (Latin, Greek, Cyrillic) */
    PC_U3,   /* lead byte of a 3-byte sequence (CJK among others) */
    PC_U4,   /* lead byte of a 4-byte sequence */
    PC_CONT, /* continuation or invalid byte */
};
extern const uint8_t ew__pii_class[256];
/* Bytes that may appear inside a token (see pii.c). */
extern const uint8_t ew__pii_tokch[256];

static inline bool pii_is_digit(unsigned c)
{
    return c - '0' < 10u;
}
static inline bool pii_is_alpha(unsigned c)
{
    return (c | 32u) - 'a' < 26u;
}
static inline bool pii_is_alnum(unsigned c)
{
    return pii_is_digit(c) || pii_is_alpha(c);
}
static inline bool pii_is_upper(unsigned c)
{
    return c - 'A' < 26u;
}
static inline bool pii_is_lower(unsigned c)
{
    return c - 'a' < 26u;
}
static inline bool pii_is_hex(unsigned c)
{
    return pii_is_digit(c) || (c | 32u) - 'a' < 6u;
}
static inline bool pii_is_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/* The start of the line holding i, looking back at most max bytes: callers
 * that need a whole line check whether s[b - 1] is '\n' (or b is 0). */
static inline size_t pii_line_start(const unsigned char *s, size_t i, size_t max)
{
    size_t b = i;
    while (b > 0 && s[b - 1] != '\n' && i - b < max)
        b--;
    return b;
}
/* Short-needle search (libc memmem's setup costs more than these scans). */
static inline bool pii_contains(const void *hay, size_t n, const char *needle, size_t nl)
{
    const unsigned char *h = hay;
    if (nl < 2 || nl > n) return nl == 0 || (nl == 1 && memchr(h, needle[0], n));
    const unsigned char a = (unsigned char)needle[0], b = (unsigned char)needle[1];
    for (size_t i = 0; i + nl <= n; i++) /* two bytes inline: memcmp is called rarely */
        if (h[i] == a && h[i + 1] == b && !memcmp(h + i + 2, needle + 2, nl - 2)) return true;
    return false;
}

/* strncasecmp(p, lit, l) == 0 for an ASCII literal of at least l bytes,
 * inline: most calls fail in the first bytes, cheaper than the call. */
static inline bool pii_icase_eq(const void *p, const char *lit, size_t l)
{
    const unsigned char *h = p;
    for (size_t k = 0; k < l; k++) {
        unsigned a = h[k], b = (unsigned char)lit[k];
        if (a != b && !(pii_is_alpha(b) && (a | 32) == (b | 32))) return false;
    }
    return true;
}

/* Is w[0, n) the NUL-terminated ASCII literal lit, in any case? For lists of
 * words: no strlen, the literal ends where the word does, and most entries
 * differ at the first byte. */
static inline bool pii_word_is(const void *w, size_t n, const char *lit)
{
    const unsigned char *h = w;
    for (size_t k = 0; k < n; k++) {
        unsigned b = (unsigned char)lit[k];
        if (!b || (h[k] != b && !(pii_is_alpha(b) && (h[k] | 32) == (b | 32)))) return false;
    }
    return lit[n] == 0;
}

/* memcmp(p, lit, l) == 0, inline: most calls fail at the first or second
 * byte (a provider's prefix against a token), cheaper than the call. */
static inline bool pii_bytes_eq(const void *p, const char *lit, size_t l)
{
    const unsigned char *h = p;
    for (size_t k = 0; k < l; k++)
        if (h[k] != (unsigned char)lit[k]) return false;
    return true;
}

/* End of the run of ASCII letters starting at i, eight bytes at a time: a
 * byte b is a letter when (b | 0x20) - 'a' < 26, tested in every byte lane at
 * once with carries kept inside the lane (SWAR, portable C). Prose words end
 * after a few bytes, so this replaces a data-dependent branch per byte. */
static inline uint64_t pii_letters_stop(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
    uint64_t y = (v | ones * 0x20) & ~high;  /* folded, seven bits per lane */
    uint64_t ge_a = y + ones * (0x80 - 'a'); /* high bit: y >= 'a' */
    uint64_t gt_z = y + ones * (0x7F - 'z'); /* high bit: y > 'z' */
    return ~(ge_a & ~gt_z & ~v) & high;      /* high bit: not a letter */
}

static inline size_t pii_letters_end(const unsigned char *s, size_t n, size_t i)
{
    while (i + 8 <= n) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        uint64_t stop = pii_letters_stop(v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        if (stop) return i + ((size_t)__builtin_clzll(stop) >> 3);
#else
        if (stop) return i + ((size_t)__builtin_ctzll(stop) >> 3);
#endif
        i += 8;
    }
    while (i < n && pii_is_alpha(s[i]))
        i++;
    return i;
}

/* A letter of any script (ASCII letter or any multi-byte UTF-8 lead). */
static inline bool pii_is_wordch(unsigned c)
{
    return pii_is_alpha(c) || c >= 0xC0;
}

/* ---- context cues -------------------------------------------------------- */
/* Classes of context words; the driver remembers where each was last seen. */
enum {
    CUE_NAME,      /* "name", "called", 姓名 */
    CUE_NAME_NEXT, /* "my name is", "call me", "Name:", 我叫: the next word is a name */
    CUE_TITLE,     /* "Dear", "Mr.", "Hi": the next word is a name if capitalised */
    CUE_PHONE,     /* phone, tel, mobile, fax, call, 电话 */
    CUE_CARD,      /* card, credit, visa, 信用卡 */
    CUE_SSN,       /* ssn, social security */
    CUE_NINO,      /* national insurance, nino */
    CUE_PASSPORT,  /* passport, 护照 */
    CUE_DOB,       /* born, birth, dob, birthday, 出生 */
    CUE_ADDRESS,   /* address, live, located, 地址 */
    CUE_SECRET,    /* password, secret, token, key, api, 密码 */
    CUE_ID,        /* id, identity, 身份证 */
    CUE_IBAN,      /* iban, account, bank */
    CUE_IP,        /* ip, host, server */
    CUE_NEG,       /* order, invoice, ref, tracking, serial, isbn, version, sku */
    CUE_PRICE,     /* price, cost, total, amount, $, € */
    CUE_COUNT
};

#define CUE_NONE UINT32_MAX

/* ---- the compiled scanner ---------------------------------------------- */
typedef struct pii_ac pii_ac; /* Aho-Corasick automaton (pii_deny.c) */

typedef struct pii_allow {
    char *value; /* lowercased literal, or the domain for is_domain */
    size_t len;
    bool is_domain;
} pii_allow;

struct ew_pii_scanner {
    uint32_t enabled;
    float min_score[EW_PII_TYPE_COUNT];
    pii_allow *allow; /* (n_allow) */
    int n_allow;
    pii_ac *ac;     /* literal deny terms, or NULL */
    regex_t *regex; /* (n_regex) compiled once */
    ew_pii_type *regex_type;
    /* (n_regex) an ASCII literal every match of the regex contains,
     * lowercase, or "" when none is known: text without it is not searched */
    char (*regex_lit)[16];
    int n_regex;
    size_t max_input;
    int max_spans;
};

/* ---- one scan --------------------------------------------------------------- */
/* A word as the address reader (pii_addr.c) reads it: letters (any script)
 * or digits with inner '.', '-', '\'', '/', folded for the tables, and what
 * the tables said about it once asked (`known` tells which). */
#define PII_AW_MAX 32 /* = EW__GAZ_MAX_WORD */
typedef struct pii_aword {
    size_t s, e;
    char f[PII_AW_MAX];
    size_t fl;
    bool cap, digits, letters;
    uint8_t known; /* PII_AW_TABLES, PII_AW_STREET */
    bool street;   /* a street word ("Street", "vej", "...straße") */
    unsigned gaz;  /* gazetteer flags */
    uint32_t kw;   /* cue table flags */
} pii_aword;
#define PII_AW_TABLES 1u /* kw and gaz */
#define PII_AW_STREET 2u

/* The words read at each start, direct-mapped by position: the address
 * reader starts at consecutive words and re-reads the same following ones. */
#define PII_AW_SLOTS 32
typedef struct pii_awords {
    size_t at[PII_AW_SLOTS]; /* start + 1 of the word in each slot, 0: empty */
    pii_aword w[PII_AW_SLOTS];
} pii_awords;

typedef struct pii_ctx {
    const ew_pii_scanner *sc;
    const unsigned char *s;
    size_t n;
    ew_pii_result *res;
    int status;                 /* first failure; fails the scan closed */
    uint32_t cue_at[CUE_COUNT]; /* end offset of the last cue of each class */
    uint32_t name_next_at;      /* where a name is expected ("my name is" ...) */
    uint32_t title_at;          /* where a capitalised name is expected ("Dear") */
    bool seen_upper;            /* any capital letter so far (else: lowercased text) */
    int8_t software;            /* the text is about software: 1, not: -1, unknown: 0 */
    int8_t form;                /* the text is a form (ew__pii_form_text): 1, -1, 0 */
    uint32_t name_list_end;     /* end of the last list of names scored together */
    size_t next_digit;          /* first digit at or after the last query (a cache) */
    uint32_t line_start;        /* offset of the current line */
    /* Is the text English? Counts of English function words ("the", "of",
     * "is") in the low half, and of other languages' ("und", "les", "del")
     * and lowercase words with Latin diacritics in the high half: the
     * capitalisation rules for names hold only in English. */
    uint64_t lang;
    uint32_t lower_words; /* words starting with a small letter */
    /* Person candidates resting on capitalisation alone (no gazetteer name,
     * no cue): dropped when the text is not English. Indices into res. */
    uint32_t *weak_person; /* (n_weak_person) heap, freed after the scan */
    int n_weak_person, cap_weak_person;
    /* Dates under a label of no known language's words, in a record
     * (pii_label.c): birth dates when the record is a person's. */
    struct {
        uint32_t start, end;
    } dob_maybe[8];
    int n_dob_maybe;
    /* Parts of full names found so far ("Westgård" of "Joakim Westgård"):
     * a later mention of one alone is the same person. */
    struct {
        uint32_t at;
        uint8_t len;
        bool weak; /* the full name rested on capitalisation alone */
    } known_name[16];
    int n_known_name;
    pii_awords *awords; /* the address reader's word cache (this scan's) */
    /* The driver's answers for plain words of up to seven letters already
     * seen in this scan (pii.c: plain_run), [0] for text with capitals, [1]
     * for text without; bit k of memo_ready: memo[k] is cleared. */
    struct pii_memo *memo;
    uint8_t memo_ready;
    /* The word the driver is reading (on_word), when it is plain ASCII
     * letters (no ' or - inside or after, shorter than 23 bytes): lowercased
     * and zero-padded in q, with its pii_word_hash3 and its cue table
     * answer (ew__pii_cue_lookup3), so the name reader needs no second fold,
     * hash or look-up. Valid for the word at `at` only. */
    struct {
        size_t at;
        size_t len;
        uint64_t q[3];
        uint32_t hash;
        uint32_t cues;
    } word;
} pii_ctx;

/* True when other languages' words outnumber English function words, or
 * when enough lowercase words were seen and few were English. */
static inline bool pii_not_english(const pii_ctx *c)
{
    uint64_t english = c->lang & 0xFFFFFFFFu, other = c->lang >> 32;
    return (other >= 2 && other > english) ||
           (c->lower_words >= 12 && english * 100 < (uint64_t)c->lower_words * 8);
}

/* Appends a candidate span. Never fails the caller: on overflow it records
 * the failure in ctx->status (the scan then fails closed). */
void ew__pii_add(pii_ctx *c, ew_pii_type t, size_t start, size_t end, float score);

/* True when a cue of class k ended at most `window` bytes before pos. */
static inline bool pii_cue_near(const pii_ctx *c, int k, size_t pos, size_t window)
{
    uint32_t at = c->cue_at[k];
    return at != CUE_NONE && pos >= at && pos - at <= window;
}
/* Cue words right after `end` (within window bytes), e.g. "(mobile)". */
bool ew__pii_cue_after(const pii_ctx *c, size_t end, int k, size_t window);

#define PII_CUE_PREFIX (1u << 31) /* the word or phrase begins a longer phrase */
#define PII_CUE_FOUND  (1u << 30) /* the word or phrase is in the table */
/* Word classes (same table): street types, units, organisation words,
 * name particles, words capitalised for grammar. */
#define PII_KW_STREET      (1u << 20)
#define PII_KW_UNIT        (1u << 21)
#define PII_KW_ORG         (1u << 22)
#define PII_KW_PARTICLE    (1u << 23)
#define PII_KW_STOP        (1u << 24)
#define PII_KW_NOTNAME     (1u << 25) /* "Southern", "Day", "Royal": not a person's run */
#define PII_KW_FUNC        (1u << 26) /* "to", "of", "the": title case inside a run */
#define PII_KW_VERB        (1u << 27) /* "said", "lives": a person did it */
#define PII_KW_STREET_WEAK (1u << 28) /* "Hill", "Point": a street suffix after a number */
#define PII_KW_FOREIGN     (1u << 29) /* "und", "les", "del": another language's function word */
#define PII_KW_PASSWORD    (1u << 19) /* "mot de passe", "contraseña": names a password */
#define PII_KW_KEY         (1u << 18) /* "Schlüssel", "clé", "jeton": names a key or token */
#define PII_KW_QUOTED      (1u << 17) /* SQL's "identified by": a quoted password follows */
#define PII_KW_CTX         (1u << 16) /* a word of ew__pii_ctx_lists */
/* Words around a name that tell what it names (pii_name.c): NULL-terminated
 * lists, in a NULL-terminated array; the cue table marks them PII_KW_CTX. */
extern const char *const *const ew__pii_ctx_lists[];
/* Street types, weak street types ("Hill") and unit words, folded and
 * NULL-terminated: generated from router/data into router/pii_addr_words.c. */
extern const char *const ew__pii_kw_street[];
extern const char *const ew__pii_kw_street_weak[];
extern const char *const ew__pii_kw_unit[];
/* Two-letter street abbreviations, a street type before a full stop only
 * ("Gedimino pr. 9"), NULL-terminated (router/pii_addr_words.c). */
extern const char *const ew__pii_street_dotted[];
/* Post box names as written with a space after ("P.O. Box ", "Postfach ",
 * "Τ.Θ. "), compared with ASCII case folded; a short one ("BP ", "Box ") is a
 * box only before a postcode. Generated into router/pii_addr_words.c by first
 * byte (ASCII lowercased): the names that start with byte b are
 * [ew__pii_post_box_index[b], ew__pii_post_box_index[b + 1]). */
typedef struct pii_post_box {
    const char *w;
    unsigned char l;
    bool shrt;
} pii_post_box;
extern const pii_post_box ew__pii_post_boxes[];
extern const unsigned char ew__pii_post_box_index[257];
/* Services whose keys have no telling prefix (pii_provider.c), NULL-terminated:
 * the cue table marks them PII_KW_KEY without the secret class. */
extern const char *const ew__pii_provider_names[];
/* The word for "password" in ~90 languages (router/pii_secret_words.c, made by
 * router/data/gen_secret_words.py from software translations), NULL-terminated:
 * forms under PII_WORD_MAX bytes for the cue table, longer ones as written. */
extern const char *const ew__pii_password_words[];
extern const char *const ew__pii_password_words_long[];
size_t ew__pii_password_word_at(const unsigned char *s, size_t n, size_t i);
/* Cues of a provider's name: it names whose key follows, not that one does. */
static inline bool pii_provider_cue(uint32_t cues)
{
    return (cues & PII_KW_KEY) && !(cues & (1u << CUE_SECRET));
}
void ew__pii_cue_init(void);
/* Cue bits (1 << CUE_x) of a lowercase ASCII word or phrase, with the flags above. */
uint32_t ew__pii_cue_lookup(const char *w, size_t n);
/* The cues of the word [i, we) written with Latin-1 accents ("téléphone",
 * "heiße", "contraseña"), looked up in its ASCII spelling and noted in c as
 * an ASCII word's are. Returns them (0 for other scripts). */
uint32_t ew__pii_folded_cues(pii_ctx *c, size_t i, size_t we);
/* The same with the word's hash already computed (ew__pii_word_hash). */
uint32_t ew__pii_cue_lookup_hash(const char *w, size_t n, uint32_t hash);
#define PII_WORD_MAX 24 /* longest cue word or phrase + 1 */
/* The same for a word given as three zero-padded 64-bit words. */
uint32_t ew__pii_cue_lookup3(uint64_t w0, uint64_t w1, uint64_t w2, size_t n, uint32_t hash);
/* The cue table (pii_cue.c): open addressing, the hashes apart from the
 * entries so a miss (most words) reads 4 bytes. */
#define PII_CUE_SLOTS 16384
typedef struct pii_cue_entry {
    union {
        char w[PII_WORD_MAX]; /* zero-padded */
        uint64_t q[3];
    } u;
    uint8_t len;
    uint32_t cues;
} pii_cue_entry;
extern uint32_t ew__pii_cue_hashes[PII_CUE_SLOTS]; /* hash | 1; 0 = empty */
extern pii_cue_entry ew__pii_cue_table[PII_CUE_SLOTS];
/* ew__pii_cue_lookup3 inline, for the driver's loop over plain words. */
static inline uint32_t pii_cue_probe(uint64_t w0, uint64_t w1, uint64_t w2, size_t n, uint32_t hash)
{
    uint32_t i = hash & (PII_CUE_SLOTS - 1);
    while (ew__pii_cue_hashes[i]) {
        const pii_cue_entry *e = &ew__pii_cue_table[i];
        if (ew__pii_cue_hashes[i] == hash && e->len == n && e->u.q[0] == w0 && e->u.q[1] == w1 &&
            e->u.q[2] == w2)
            return e->cues | PII_CUE_FOUND;
        i = (i + 1) & (PII_CUE_SLOTS - 1);
    }
    return 0;
}
/* Hash of a lowercase word in a zero-padded buffer of PII_WORD_MAX bytes
 * (n < PII_WORD_MAX); inline because it runs once per word of prose. */
static inline uint32_t pii_word_hash3(uint64_t w0, uint64_t w1, uint64_t w2, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull;
    h = (h ^ w0) * 0xff51afd7ed558ccdull;
    if (n > 8) {
        h = (h ^ (h >> 29) ^ w1) * 0xff51afd7ed558ccdull;
        if (n > 16) h = (h ^ (h >> 29) ^ w2) * 0xff51afd7ed558ccdull;
    }
    return (uint32_t)(h ^ (h >> 32)) | 1u;
}

static inline uint32_t pii_word_hash(const char *padded, size_t n)
{
    uint64_t w[3];
    memcpy(w, padded, sizeof w);
    return pii_word_hash3(w[0], w[1], w[2], n);
}

/* ---- detectors: each returns the end offset it consumed, or 0 -------------- */
/* Starting at a digit, '+' or '(': phones, cards, SSN, CN id, IPv4, dates. */
size_t ew__pii_scan_number(pii_ctx *c, size_t i);
/* "（0571）": a fullwidth-parenthesised area code at i. */
bool ew__pii_fw_area_code(const unsigned char *s, size_t n, size_t i);
size_t ew__pii_nbsp(const unsigned char *s, size_t n, size_t i);
bool ew__pii_passport_text(const unsigned char *s, size_t i);
/* A birth cue around the date at [i, e): a cue word before it, "geboren"
 * right after it, or an accented cue the ASCII cue table cannot hold
 * ("né le", "Nací el"). */
bool ew__pii_dob_cue(pii_ctx *c, size_t i, size_t e);
/* Birth dates in a Japanese era's letter ("S60.3.12") and in Chinese
 * numerals ("一九七四年四月十三日") at i: their end when one is added, else 0. */
size_t ew__pii_scan_era_letter(pii_ctx *c, size_t i);
size_t ew__pii_scan_han_date(pii_ctx *c, size_t i);
size_t ew__pii_scan_indic_date(pii_ctx *c, size_t i); /* "١٣/٠٩/٢٠٠٠" */
/* The value of another script's decimal digit at k (its UTF-8 length in
 * *len), or -1. */
int ew__pii_uni_digit(const unsigned char *s, size_t n, size_t k, int *len);
/* ---- what a label names (pii_label.c, words in router/data/id_labels.txt) -- */
#define PII_LBL_BIRTH    1u /* "Date of birth", "Sünniaeg", "Kaarawan", "जन्म तिथि" */
#define PII_LBL_PASSPORT 2u  /* "Passport No.", "Pase Nr.", "የፓስፖርት ቁጥር" */
#define PII_LBL_DATE     4u  /* another date: issue, expiry, invoice, appointment, ... */
#define PII_LBL_ID       8u  /* another number: visa, ticket, booking, identity card, ... */
#define PII_LBL_SOME     16u /* a label stands there, whatever its words */
#define PII_LBL_ADDRESS                                                                            \
    32u /* "Address", "Anschrift", "Суроға", "ठेगाना": a value's own label only */
typedef struct {
    const char *w; /* folded */
    uint8_t len, kind;
    uint8_t flags; /* PII_LBLW_* */
} ew__pii_lblword;
#define PII_LBLW_ANCHORED   1u /* only at the start of a word */
#define PII_LBLW_LABEL_ONLY 2u /* only in a value's own label, not in prose before it */
#define PII_LBLW_WORD_END   4u /* only at the end of a word */
extern const ew__pii_lblword ew__pii_lbl_words[];
extern const uint16_t ew__pii_lbl_bucket[1025];
/* a bit per bucket: it holds an ASCII stem that may start inside a word */
extern const uint8_t ew__pii_lbl_inner[128];
/* The kinds of the label words in [a, b) (prose: without the label-only
 * words); *last gets the kind of the one nearest b (0 for none). */
unsigned ew__pii_label_words(const unsigned char *s, size_t a, size_t b, bool prose,
                             unsigned *last);
/* The kinds of the label the value at i stands under: its table column's
 * header, or "Label: value", "Label - value", "Label\tvalue", label="value",
 * "label": "value" on its line. 0 when there is none or its words are unknown. */
unsigned ew__pii_value_label(const pii_ctx *c, size_t i);
/* The same; *la gets where a label on the value's line starts (i if none). */
unsigned ew__pii_value_label_at(const pii_ctx *c, size_t i, size_t *la);
/* A birth or passport word in the words right before i on its line (no digit
 * between), the nearest deciding: PII_LBL_* of it, or 0. */
unsigned ew__pii_label_before(const unsigned char *s, size_t i, size_t max);
/* A date [i, e) under a label whose words no list knows: kept as a
 * candidate; after the walk, ew__pii_dob_records makes it a birth date when
 * its year is a living person's and its record (the lines between blank
 * lines) holds a person's other findings but no birth date. */
void ew__pii_dob_maybe(pii_ctx *c, size_t i, size_t e);
/* The value of the field whose label ends at sep (its ':', a start tag's '>',
 * a CSV cell's ';' or ','): a street address when the label is an address's
 * and the value has one's shape (router/pii_addr_label.c). */
void ew__pii_scan_label_address(pii_ctx *c, size_t sep);
/* The lines after a line that is an address label alone ("Address", "address: |") or
 * a "c/o" line, nl its '\n': a street address when they have one's shape. */
void ew__pii_scan_label_block(pii_ctx *c, size_t nl);
void ew__pii_dob_records(pii_ctx *c);
/* A birth word right after the date ending at e on its line ("1986 születtem",
 * "1960 அன்று பிறந்தேன்"), not a later field's label: PII_LBL_BIRTH or 0. */
unsigned ew__pii_label_after(const unsigned char *s, size_t n, size_t e);
/* Does a passport label or word of any language name the number [i, e) (its
 * own label, one in parentheses after it, else the words right before it),
 * and no visa's or ticket's? */
bool ew__pii_passport_label(const pii_ctx *c, size_t i, size_t e);
/* The kinds of a label in parentheses right after a value ending at e
 * ("1981-10-19 (data de nascimento)"); 0 for none or unknown words. */
unsigned ew__pii_label_paren(const unsigned char *s, size_t n, size_t e);
/* Identity records (pii_idrec.c): a birth date under a birth cue whose month
 * is a word no list holds ("ግንቦት 6 1975", "1994 m. spalio 20 d."), and a
 * passport's TD3 machine-readable line at i (ICAO 9303, check digits): their
 * end when spans were added, else 0. */
size_t ew__pii_scan_word_date(pii_ctx *c, size_t i);
size_t ew__pii_scan_mrz(pii_ctx *c, size_t i);
/* A token [i, te) with letters and digits: IBAN, NINO, passport, secrets,
 * crypto addresses, JWT, UUID/hash look-alikes, IPv6, MAC, email, URL. */
size_t ew__pii_scan_token(pii_ctx *c, size_t i, size_t te);
size_t ew__pii_scan_iban(pii_ctx *c, size_t i);
size_t ew__pii_scan_email_obf(pii_ctx *c, size_t ls, size_t le);
size_t ew__pii_scan_email_obf_at(pii_ctx *c, size_t m);
/* Key-like word at [i, we) (password, api_key, ...): the value after it. */
size_t ew__pii_scan_assignment(pii_ctx *c, size_t i, size_t we);
/* The same with the key's kind given (a Terraform default, see below). */
size_t ew__pii_scan_assignment_as(pii_ctx *c, size_t i, size_t we, int kind);
/* `variable "x_token" { default = ...`: the kind of the variable's name. */
int ew__pii_hcl_default_kind(const unsigned char *s, size_t i);
/* key="SmtpPassword" value="x": the key ends at ke; the pair's end or 0. */
size_t ew__pii_scan_attr_pair(pii_ctx *c, size_t ke);
/* 'API_KEY', 'value' as arguments, or "API_KEY" "value" on a command line:
 * [i, we) is the quoted name, k its ',' (or the space before the value). */
size_t ew__pii_scan_pair(pii_ctx *c, size_t i, size_t we, size_t k);
/* An e-mail address around the '@' at `at` (reached from punctuation, as
 * after a CJK local part "用户@例子.中国"); its end or 0. */
size_t ew__pii_scan_email_at(pii_ctx *c, size_t at);
/* UK National Insurance number at i ("AB 12 34 56 C"). */
size_t ew__pii_scan_nino(pii_ctx *c, size_t i);
/* After a passport cue: a passport number at i. */
size_t ew__pii_scan_passport(pii_ctx *c, size_t i);
/* Builds the provider index (once; ew_pii_scanner_new calls it). */
void ew__pii_secret_init(void);
/* A provider key or JWT starting at i (self-identifying secrets); its end or 0. */
size_t ew__pii_secret_token(const unsigned char *s, size_t n, size_t i);
size_t ew__pii_telegram_at(const unsigned char *s, size_t n, size_t i);
/* "example", "dummy", "sample" ... inside a value: a documentation key. */
bool ew__pii_doc_word(const unsigned char *v, size_t n);
/* What a key name says about its value (password=, api_key: ...). */
enum { PII_KEY_NONE = 0, PII_KEY_KEY, PII_KEY_SECRET, PII_KEY_PASSWORD };
int ew__pii_key_kind(const unsigned char *s, size_t i, size_t e);
/* Builds its word tables (once; ew_pii_scanner_new calls it). */
void ew__pii_key_init(void);
/* The letters [i, e) end in "pass" glued to a word: "requirepass", "dbpass". */
bool ew__pii_glued_pass(const unsigned char *s, size_t i, size_t e);
float ew__pii_value_score(int kind, const unsigned char *v, size_t vn, bool quoted);
/* "password pass123", "the password is 'x'", "Bearer <token>" at the word [i, we). */
size_t ew__pii_scan_phrase(pii_ctx *c, size_t i, size_t we, int kind);
/* client_secret{"x"}, password("x"), .token("x"): a name of this kind whose
 * one quoted argument, after the '(' or '{' at k, holds the secret. */
size_t ew__pii_scan_init(pii_ctx *c, size_t i, size_t ie, size_t k, int kind);
/* "<key> as the bearer token": the cue word at [i, we) names a value before it. */
size_t ew__pii_scan_value_before(pii_ctx *c, size_t i, size_t we);
/* "user:password", "<id>:<key>", "user/password@db" as the token [i, e). */
size_t ew__pii_scan_user_pair(pii_ctx *c, size_t i, size_t e);
/* The cookie named [i, e) is a session's, in a Cookie header. */
bool ew__pii_cookie_session(const unsigned char *s, size_t i, size_t e);
/* A line ending with the cue word [i, e) and a key alone on the next line. */
size_t ew__pii_scan_value_line(pii_ctx *c, size_t i, size_t e);
/* "the token, do not share: <key>": the comma after a cue at k. */
size_t ew__pii_scan_after_clause(pii_ctx *c, size_t k, int kind);
/* A login command at [i, we) ("login", "auth", "authorize-account"), and the
 * machine-made arguments after it (from k). */
bool ew__pii_auth_verb(const unsigned char *s, size_t i, size_t we);
size_t ew__pii_scan_positional(pii_ctx *c, size_t k, int kind);
/* A command that sets a user's password ("add_user", "create-user") at [i, e). */
bool ew__pii_user_command(const unsigned char *s, size_t i, size_t e);
/* A command-line flag at i ("--password x", "-p x" after "-u user"). */
size_t ew__pii_scan_flag(pii_ctx *c, size_t i);
/* Windows "net use <share> [password] /user:name [password]", "net user
 * <name> <password> /add": at the '/' of a flag of the command at i. */
size_t ew__pii_scan_net_user(pii_ctx *c, size_t i);
/* A .pgpass line "host:port:database:user:password" in the token [i, e). */
size_t ew__pii_scan_pgpass(pii_ctx *c, size_t i, size_t e);
/* "-----BEGIN ... PRIVATE KEY-----" blocks. */
size_t ew__pii_scan_pem(pii_ctx *c, size_t i);
/* "$2a$..." password hashes. */
size_t ew__pii_scan_pwhash(pii_ctx *c, size_t i);
/* Capitalised word at i (or any word after a name cue): person names. */
size_t ew__pii_scan_name(pii_ctx *c, size_t i, size_t we, unsigned gaz_flags);
/* A word at i in a script without capitals or with its own cue words
 * (Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Lao, Burmese,
 * Khmer, Ethiopic, Georgian; pii_name_script.c): a name after a cue; returns its end, 0 for none.
 */
size_t ew__pii_scan_script_name(pii_ctx *c, size_t i);
/* That script of the letter at i, 0 for any other. */
int ew__pii_script_at(const unsigned char *s, size_t n, size_t i);
/* The Cyrillic, Greek or Devanagari word [a, e) in Latin letters, lowercase,
 * into out[EW__GAZ_MAX_WORD]; its length, 0 for another script or too long
 * (pii_translit.c). */
size_t ew__pii_translit(const unsigned char *s, size_t a, size_t e, char *out);
/* The gazetteer flags of a word of those scripts: its own spelling's, and
 * the given-name and surname flags of its Latin spelling (or of its
 * nominative, ew__pii_infl_gaz). */
unsigned ew__pii_script_gaz(const unsigned char *s, size_t a, size_t e);
/* A folded word no list has, read as an inflected name ("tomaszem",
 * "virtaselle", "janosnak", "smirnovym"): EW__GAZ_FIRST / EW__GAZ_LAST of the
 * listed nominative found by stripping a case ending, 0 for none
 * (pii_name_infl.c). */
unsigned ew__pii_infl_gaz(const char *f, size_t fl);
/* A weak person span [ss, se) in text that is not English: does a word of
 * it look like a surname or an inflected given name? */
bool ew__pii_name_evidence(const pii_ctx *c, size_t ss, size_t se);
/* The first digit at or after i, or n (router/pii_bytes.c: SSE2 where
 * built for it; the portable twin gives the same answer). */
size_t ew__pii_next_digit(const unsigned char *s, size_t n, size_t i);
size_t ew__pii_next_digit_portable(const unsigned char *s, size_t n, size_t i);
/* Is there a digit in [i, i + window)? (cached per scan) */
bool ew__pii_digit_ahead(pii_ctx *c, size_t i, size_t window);
/* Street addresses starting at a building number or a street keyword. */
size_t ew__pii_scan_address(pii_ctx *c, size_t i);
/* A CJK character at i: Chinese cues, names and addresses. */
void ew__pii_cjk_init(void);
size_t ew__pii_scan_cjk(pii_ctx *c, size_t i);
/* Whether the walk (pii.c: scan_walk) hands the character at i straight to
 * ew__pii_scan_cjk: a three-byte character that no other reader may start
 * with (E0 and E1: Indic, Thai and other scripts, Latin Extended
 * Additional; EF: full-width forms, a parenthesised area code; 一 and 二: a
 * year in Chinese numerals). ew__pii_scan_cjk goes on by itself over such. */
static inline bool pii_walk_to_cjk(const unsigned char *s, size_t n, size_t i)
{
    unsigned ch = s[i];
    if (ch < 0xE2 || ch > 0xEE) return false;
    return ch != 0xE4 || i + 3 >= n ||
           !((s[i + 1] == 0xB8 && s[i + 2] == 0x80) || (s[i + 1] == 0xBA && s[i + 2] == 0x8C));
}
/* Is i a cell of a table column that holds names ("name,email\n<i>...")? */
bool ew__pii_name_column(const pii_ctx *c, size_t i);
/* The header of the cell at i: 1 names people ("name", "last_name"), 2
 * places or firms ("city", "company"), 0 anything else or no table. */
int ew__pii_column_kind(const pii_ctx *c, size_t i);
/* Does the run from ss (to se at least) spell a firm named after people
 * ("Wells Fargo", "Marks & Spencer")? (router/pii_name_firm.c) */
bool ew__pii_firm_at(const unsigned char *s, size_t n, size_t ss, size_t se);
/* The header cell [*ha, *hb) of the table column of the cell at i and the
 * table's delimiter; false when i is in no table (pii_cjk.c). */
bool ew__pii_table_header(const pii_ctx *c, size_t i, size_t *ha, size_t *hb, unsigned char *delim);
/* Cue bits (1 << CUE_x) of the label a value at i stands under: its table
 * column's header or its SQL INSERT column (pii_field.c); 0 for none. */
uint32_t ew__pii_field_cues(const pii_ctx *c, size_t i);
/* Is [ss, se) the whole value of a labelled field whose label names no
 * person (pii_name_field.c)? 0 when not; PII_FIELD_MACHINE under a key
 * written for machines ("color": "Forest Green", msgstr "Neue Funktionen"),
 * PII_FIELD_LABEL under one written for people (Prioridad: Alta). */
enum { PII_FIELD_MACHINE = 1, PII_FIELD_LABEL = 2 };
/* Is the lone word [ss, se) the name of software ("Jenkins", "Hudson")? It is
 * written inside an identifier elsewhere in the text, or it is a listed tool
 * and the text is about software (pii_name_tech.c). */
bool ew__pii_tech_name(pii_ctx *c, size_t ss, size_t se);
int ew__pii_field_value(const pii_ctx *c, size_t ss, size_t se);
/* Does the table column of the cell at i name a person's role ("Owner",
 * "assignee")? (pii_name_field.c) */
bool ew__pii_role_column(const pii_ctx *c, size_t i);
/* Is the line of [ss, se) title-cased: three capitalised words or more
 * besides the run and no small word but function words and identifiers
 * (headlines, menus, product and CSV rows, navigation)? (pii_name_title.c) */
bool ew__pii_title_line(const pii_ctx *c, size_t ss, size_t se);
/* Is the capitalised word [a, e) a feature of the land ("Falls", "Springs",
 * "Bay")? A name it ends or follows is a place. */
bool ew__pii_place_word(const unsigned char *s, size_t a, size_t e);
/* Is the word right after [ss, se), or the one before it (not at a line's
 * start), a function word written with a capital ("Survey Of X", "X For
 * Das")? Then the run is part of a title. */
bool ew__pii_title_word_near(const unsigned char *s, size_t n, size_t ls, size_t ss, size_t se);
/* Is the text a form: three lines or more that open with a label and a
 * colon, no label twice ("Resumen: ...\nPrioridad: ...")? A chat repeats
 * its speakers. Cached in c->form (pii_name_field.c). */
bool ew__pii_form_text(pii_ctx *c);
/* Is the date at i on a patient record line after the name and record
 * numbers ("Patient: Stoica, Ayesha   MRN 427   08/17/1952")? */
bool ew__pii_patient_date(const pii_ctx *c, size_t i);
/* Custom deny terms and regexes over the whole text. */
void ew__pii_scan_deny(pii_ctx *c);

/* ---- full-width forms (pii_fold.c) ---------------------------------------- */
/* A copy of the text with full-width forms (ＡＢＣ１２３＋－＠) folded to ASCII;
 * map[k] is the original offset of the copy's byte k (map[n] = the length). */
typedef struct pii_fold {
    unsigned char *s;
    uint32_t *map;
    size_t n;
} pii_fold;
/* Does the text hold a full-width digit or letter (then it is scanned folded)? */
bool ew__pii_fold_needed(const unsigned char *s, size_t n);
int ew__pii_fold(const unsigned char *s, size_t n, pii_fold *f);
/* Maps the spans' offsets in the copy back to the original's. */
void ew__pii_fold_spans(const pii_fold *f, ew_pii_result *res);
void ew__pii_fold_free(pii_fold *f);

/* ---- shared helpers --------------------------------------------------- */
/* End of the token starting at i (bytes in ew__pii_tokch). */
size_t ew__pii_token_end(const unsigned char *s, size_t n, size_t i);
/* Decodes the UTF-8 sequence at s[i]; *len gets its length (1 on error). */
uint32_t ew__pii_decode(const unsigned char *s, size_t n, size_t i, int *len);
/* Parses a date at i (numeric forms and "12 March 1985"); returns its end or
 * 0, and fills year/month/day. */
size_t ew__pii_parse_date(const unsigned char *s, size_t n, size_t i, int *y, int *m, int *d);
/* Shannon entropy in bits per byte. */
double ew__pii_entropy(const unsigned char *s, size_t n);

/* ---- validators (pii_check.c) ------------------------------------------ */
bool ew__pii_luhn(const char *digits, size_t n);
bool ew__pii_card_issuer(const char *digits, size_t n);
bool ew__pii_ean13_valid(const char *d);
size_t ew__pii_scan_card_layout(pii_ctx *c, size_t i, bool neg);
bool ew__pii_iban_valid(const char *compact, size_t n);
bool ew__pii_ssn_valid(const char *digits9);
bool ew__pii_nino_valid(const char *compact, size_t n);
bool ew__pii_cn_id_valid(const char *id18);
bool ew__pii_btc_base58_valid(const char *s, size_t n);
bool ew__pii_bech32_valid(const char *s, size_t n);
bool ew__pii_eth_valid(const char *s, size_t n);
bool ew__pii_ipv6_valid(const char *s, size_t n);
bool ew__pii_ipv4_nobody(uint32_t addr);
bool ew__pii_date_valid(int y, int m, int d);

#endif
