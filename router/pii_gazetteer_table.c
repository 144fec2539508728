/* The gazetteer hash table: one open-addressing table over every list, word ->
 * flags, built once from the compiled-in lists. Static storage, so building it
 * cannot fail; pthread_once makes it safe to call from any thread. */
#include <pthread.h>
#include <string.h>

#include "router/pii_gazetteer.h"

#define SLOTS_LOG2 17
#define SLOTS      (1u << SLOTS_LOG2)

/* ref: index into the list (bits 0..23) and list number (24..31); len 0 = empty. */
static uint32_t slot_ref[SLOTS];
static uint8_t slot_len[SLOTS];
static uint8_t slot_flags[SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static const char *slot_word(uint32_t ref)
{
    return ew__gaz_lists[ref >> 24].words + (ref & 0xFFFFFF);
}

static void insert(int list, size_t off, size_t n, unsigned flag)
{
    const char *w = ew__gaz_lists[list].words + off;
    uint32_t i = hash_bytes(w, n) & (SLOTS - 1);
    for (;;) {
        if (!slot_len[i]) {
            slot_ref[i] = ((uint32_t)list << 24) | (uint32_t)off;
            slot_len[i] = (uint8_t)n;
            slot_flags[i] = (uint8_t)flag;
            return;
        }
        if (slot_len[i] == n && !memcmp(slot_word(slot_ref[i]), w, n)) {
            slot_flags[i] |= (uint8_t)flag;
            return;
        }
        i = (i + 1) & (SLOTS - 1);
    }
}

static void build(void)
{
    for (int l = 0; l < ew__gaz_n_lists; l++) {
        const char *p = ew__gaz_lists[l].words;
        size_t len = ew__gaz_lists[l].len, start = 0;
        for (size_t i = 0; i < len; i++) {
            if (p[i] != '\n') continue;
            size_t n = i - start;
            if (n > 0 && n < EW__GAZ_MAX_WORD) insert(l, start, n, ew__gaz_lists[l].flag);
            start = i + 1;
        }
    }
}

void ew__gaz_init(void)
{
    pthread_once(&once, build);
}

unsigned ew__gaz_lookup(const char *w, size_t n)
{
    if (n == 0 || n >= EW__GAZ_MAX_WORD) return 0;
    uint32_t i = hash_bytes(w, n) & (SLOTS - 1);
    while (slot_len[i]) {
        if (slot_len[i] == n && !memcmp(slot_word(slot_ref[i]), w, n)) return slot_flags[i];
        i = (i + 1) & (SLOTS - 1);
    }
    return 0;
}

size_t ew__gaz_fold_word(const unsigned char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
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
