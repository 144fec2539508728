/* The gazetteer hash table: one open-addressing table over every list, word ->
 * flags, built once from the compiled-in lists. Static storage, so building it
 * cannot fail; pthread_once makes it safe to call from any thread.
 *
 * The hash is the cue table's word hash (pii_word_hash3 over the zero-padded
 * word), so the driver, which hashes every word of prose once for the cue
 * lookup, probes this table with the same number (ew__gaz_lookup_hash). Each
 * slot keeps 16 bits of the hash, so a probe that meets another word is
 * rejected without reading the word. */
#include <pthread.h>
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

#define SLOTS_LOG2 18
#define SLOTS      (1u << SLOTS_LOG2)

/* ref: index into the list (bits 0..23) and list number (24..31); len 0 = empty. */
typedef struct slot {
    uint32_t ref;
    uint16_t tag; /* the hash's low bits */
    uint8_t len;
    uint8_t flags;
} slot;
static slot slots[SLOTS];
/* One bit per hash of every given name and surname (1 MiB bits, about 4 %
 * of other words share a bit): most words of prose need no probe to show
 * that they are no name. */
uint64_t ew__gaz_name_bits[EW__GAZ_NAME_BITS / 64];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The word zero-padded into q[4] (n < EW__GAZ_MAX_WORD). */
static void pad_word(const char *w, size_t n, uint64_t q[4])
{
    q[0] = q[1] = q[2] = q[3] = 0;
    memcpy(q, w, n);
}

static uint32_t hash_padded(const uint64_t q[4], size_t n)
{
    uint32_t h = pii_word_hash3(q[0], q[1], q[2], n);
    if (n >= PII_WORD_MAX) /* longer than any cue word: the fourth word too */
        h = (uint32_t)((h ^ q[3]) * 0xff51afd7ed558ccdull >> 32) | 1u;
    return h;
}

uint32_t ew__gaz_hash(const char *w, size_t n)
{
    uint64_t q[4];
    pad_word(w, n < EW__GAZ_MAX_WORD ? n : EW__GAZ_MAX_WORD, q);
    return hash_padded(q, n);
}

/* Does the slot's word equal the zero-padded q (same length n)? Eight bytes
 * at a time: a list ends in eight NUL bytes, so the reads stay inside it. */
static inline bool same(uint32_t ref, const uint64_t *q, size_t n)
{
    const char *w = ew__gaz_lists[ref >> 24].words + (ref & 0xFFFFFF);
    for (size_t k = 0; k < n; k += 8) {
        uint64_t v;
        memcpy(&v, w + k, 8);
        if (n - k < 8) v &= (1ull << ((n - k) * 8)) - 1;
        if (v != q[k / 8]) return false;
    }
    return true;
}

static void insert(int list, size_t off, size_t n, unsigned flag)
{
    uint64_t q[4];
    pad_word(ew__gaz_lists[list].words + off, n, q);
    uint32_t h = hash_padded(q, n), i = h >> (32 - SLOTS_LOG2);
    if (flag & (EW__GAZ_FIRST | EW__GAZ_LAST)) {
        uint32_t b = (h >> 1) & (EW__GAZ_NAME_BITS - 1);
        ew__gaz_name_bits[b / 64] |= 1ull << (b % 64);
    }
    for (;;) {
        slot *sl = &slots[i];
        if (!sl->len) {
            *sl = (slot){((uint32_t)list << 24) | (uint32_t)off, (uint16_t)h, (uint8_t)n,
                         (uint8_t)flag};
            return;
        }
        if (sl->tag == (uint16_t)h && sl->len == n && same(sl->ref, q, n)) {
            sl->flags |= (uint8_t)flag;
            return;
        }
        i = (i + 1) & (SLOTS - 1);
    }
}

static void build(void)
{
    for (int l = 0; l < ew__gaz_n_lists; l++) {
        /* memchr finds the line ends: a byte loop over the ~760 KB of lists
         * was a third of the start-up */
        const char *p = ew__gaz_lists[l].words, *end = p + ew__gaz_lists[l].len;
        for (const char *w = p, *nl; w < end && (nl = memchr(w, '\n', (size_t)(end - w)));
             w = nl + 1) {
            size_t n = (size_t)(nl - w);
            if (n > 0 && n < EW__GAZ_MAX_WORD) insert(l, (size_t)(w - p), n, ew__gaz_lists[l].flag);
        }
    }
}

void ew__gaz_init(void)
{
    pthread_once(&once, build);
}

static inline unsigned probe(const uint64_t q[4], size_t n, uint32_t h)
{
    uint32_t i = h >> (32 - SLOTS_LOG2);
    for (;;) {
        const slot *sl = &slots[i];
        if (!sl->len) return 0;
        if (sl->tag == (uint16_t)h && sl->len == n && same(sl->ref, q, n)) return sl->flags;
        i = (i + 1) & (SLOTS - 1);
    }
}

unsigned ew__gaz_lookup_hash(const char *w, size_t n, uint32_t h)
{
    if (n == 0 || n >= EW__GAZ_MAX_WORD) return 0;
    uint64_t q[4];
    pad_word(w, n, q);
    return probe(q, n, h);
}

unsigned ew__gaz_lookup(const char *w, size_t n)
{
    if (n == 0 || n >= EW__GAZ_MAX_WORD) return 0;
    uint64_t q[4];
    pad_word(w, n, q);
    return probe(q, n, hash_padded(q, n));
}

unsigned ew__gaz_lookup_padded(const uint64_t q[3], size_t n, uint32_t h)
{
    if (n == 0 || n >= PII_WORD_MAX) return 0;
    const uint64_t q4[4] = {q[0], q[1], q[2], 0};
    return probe(q4, n, h);
}

/* ASCII to lowercase (A-Z only; the rest as it is). */
static const unsigned char ascii_fold[128] = {
#define R8(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7
    R8(0), R8(8),  R8(16),  R8(24),  R8(32),  R8(40),  R8(48),  R8(56),
    64,    R8(97), R8(105), R8(113), 121,     122,     91,      92,
    93,    94,     95,      R8(96),  R8(104), R8(112), R8(120),
#undef R8
};

size_t ew__gaz_fold_word(const unsigned char *s, size_t n, char *out)
{
    size_t o = 0, i = 0;
    /* the commonest word, plain ASCII, one table read a byte */
    if (n < EW__GAZ_MAX_WORD) {
        while (i < n && s[i] < 0x80) {
            out[i] = (char)ascii_fold[s[i]];
            i++;
        }
        if (i == n) return n;
        o = i;
    }
    for (; i < n; i++) {
        unsigned c = s[i];
        if (o + 1 >= EW__GAZ_MAX_WORD) return 0;
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c >= 0xC3 && c <= 0xC9 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            uint32_t cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            if (cp >= 0x250) {
                out[o++] = (char)c; /* not folded: both bytes kept */
                continue;
            }
            i++;
            if (ew__gaz_fold[cp - 0xC0]) out[o++] = (char)ew__gaz_fold[cp - 0xC0];
        } else if ((c == 0xCC || (c == 0xCD && s[i + 1] < 0xB0)) && i + 1 < n) {
            i++; /* a combining mark U+0300..U+036F (NFD text): dropped as an accent is */
        } else if (c == 0xE1 && i + 2 < n && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB) {
            unsigned char f = ew__gaz_fold_ext[((s[i + 1] - 0xB8) << 6) | (s[i + 2] & 0x3F)];
            i += 2;
            if (f) out[o++] = (char)f; /* "Ọlátúndé", "Nguyễn" */
        } else {
            out[o++] = (char)c; /* other scripts: kept byte for byte */
        }
    }
    return o;
}
int ew__gaz_cn_surname(uint32_t cp, uint32_t next)
{
    for (int i = 0; i < ew__gaz_cn_double_n; i++)
        if (ew__gaz_cn_double[i][0] == cp && ew__gaz_cn_double[i][1] == next) return 2;
    int lo = 0, hi = ew__gaz_cn_single_n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ew__gaz_cn_single[mid] == cp) return 1;
        if (ew__gaz_cn_single[mid] < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}
