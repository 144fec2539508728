/* Names of the Cyrillic, Greek and Devanagari scripts looked up in the Latin
 * name lists: most of the world's given names and surnames are listed in
 * Latin spellings (the census, the international and Faker lists), so
 * "Шевчук", "Γιώργος" and "राहुल" romanised as people spell them in
 * Latin letters ("shevchuk", "giorgos", "rahul") find the entries their
 * own scripts' lists lack. Romanisation is by letter, as passports and
 * newspapers do it: Russian/Ukrainian and Greek by the common national
 * systems, Devanagari with the inherent vowel dropped at a word's end. */
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

/* Cyrillic U+0430..U+044F (а..я) */
static const char *const cyr[32] = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                    "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                    "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};

/* Greek small letters U+03B1..U+03C9 (α..ω; ς is U+03C2) */
static const char *const grk[25] = {"a", "v", "g", "d", "e",  "z",  "i", "th", "i",
                                    "k", "l", "m", "n", "x",  "o",  "p", "r",  "s",
                                    "s", "t", "y", "f", "ch", "ps", "o"};

/* Devanagari consonants U+0915..U+0939 (क..ह) */
static const char *const dev_cons[37] = {"k", "kh", "g",  "gh", "n",  "ch", "chh", "j", "jh", "n",
                                         "t", "th", "d",  "dh", "n",  "t",  "th",  "d", "dh", "n",
                                         "n", "p",  "ph", "b",  "bh", "m",  "y",   "r", "r",  "l",
                                         "l", "l",  "v",  "sh", "sh", "s",  "h"};
/* independent vowels U+0905..U+0914 and vowel signs U+093E..U+094C, by the
 * same offset from अ (U+0905) and from the sign of आ (U+093E) less one */
static const char *const dev_vowel[16] = {"a", "a", "i", "i",  "u", "u", "ri", "l",
                                          "e", "e", "e", "ai", "o", "o", "o",  "au"};

/* Lowercases a Greek or Cyrillic capital; drops Greek accents. */
static uint32_t small(uint32_t cp)
{
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
    switch (cp) { /* Greek with tonos or dialytika */
    case 0x386:
    case 0x3AC:
        return 0x3B1;
    case 0x388:
    case 0x3AD:
        return 0x3B5;
    case 0x389:
    case 0x3AE:
        return 0x3B7;
    case 0x38A:
    case 0x3AF:
    case 0x3CA:
    case 0x390:
    case 0x3AA:
        return 0x3B9;
    case 0x38C:
    case 0x3CC:
        return 0x3BF;
    case 0x38E:
    case 0x3CD:
    case 0x3CB:
    case 0x3B0:
    case 0x3AB:
        return 0x3C5;
    case 0x38F:
    case 0x3CE:
        return 0x3C9;
    }
    return cp;
}

static bool put(char *out, size_t *o, const char *t)
{
    size_t l = strlen(t);
    if (*o + l >= EW__GAZ_MAX_WORD) return false;
    memcpy(out + *o, t, l);
    *o += l;
    return true;
}

/* One Cyrillic or Greek letter (lowercased); prev is the letter before. */
static const char *letter(uint32_t cp, uint32_t prev)
{
    if (cp >= 0x430 && cp <= 0x44F) return cyr[cp - 0x430];
    switch (cp) {
    case 0x451:
        return "yo"; /* ё */
    case 0x454:
        return "ye"; /* є */
    case 0x456:
        return "i"; /* і */
    case 0x457:
        return "yi"; /* ї */
    case 0x491:
        return "g"; /* ґ */
    case 0x458:
        return "j"; /* ј */
    case 0x45F:
        return "dz"; /* џ */
    case 0x453:
        return "gj"; /* ѓ */
    case 0x45C:
        return "kj"; /* ќ */
    case 0x459:
        return "lj"; /* љ */
    case 0x45A:
        return "nj"; /* њ */
    case 0x455:
        return "dz"; /* ѕ */
    }
    if (cp >= 0x3B1 && cp <= 0x3C9) {
        /* ου is "ou"; αυ, ευ are "av", "ev"; μπ at the start is "b" */
        if (cp == 0x3C5 && (prev == 0x3BF)) return "u";
        if (cp == 0x3C5 && (prev == 0x3B1 || prev == 0x3B5)) return "v";
        return grk[cp - 0x3B1];
    }
    return NULL;
}

/* Devanagari: a consonant carries "a" unless a vowel sign or a virama
 * follows it, and a word's last consonant drops it ("राहुल" -> "rahul"). */
static size_t devanagari(const unsigned char *s, size_t a, size_t e, char *out)
{
    size_t o = 0;
    bool pending = false; /* a consonant's inherent "a" not yet written */
    for (size_t i = a; i < e;) {
        int l;
        uint32_t cp = ew__pii_decode(s, e, i, &l);
        i += (size_t)l;
        const char *t = NULL;
        if (cp >= 0x915 && cp <= 0x939) {
            if (pending && !put(out, &o, "a")) return 0;
            t = dev_cons[cp - 0x915];
            pending = true;
        } else if (cp >= 0x905 && cp <= 0x914) {
            if (pending && !put(out, &o, "a")) return 0;
            t = dev_vowel[cp - 0x905];
            pending = false;
        } else if (cp >= 0x93E && cp <= 0x94C) {
            t = dev_vowel[cp - 0x93E + 1];
            pending = false;
        } else if (cp == 0x94D) { /* virama */
            pending = false;
            continue;
        } else if (cp == 0x902 || cp == 0x901) { /* anusvara, chandrabindu */
            if (pending && !put(out, &o, "a")) return 0;
            pending = false;
            int l2;
            /* "सिंह": the nasal before h is written "ng" ("Singh") */
            t = i < e && ew__pii_decode(s, e, i, &l2) == 0x939 ? "ng" : "n";
        } else if (cp == 0x93C || cp == 0x200C || cp == 0x200D) {
            continue; /* nukta, joiners */
        } else if (cp == 0x903) {
            t = "h";
        } else {
            return 0;
        }
        if (!put(out, &o, t)) return 0;
    }
    return o;
}

size_t ew__pii_translit(const unsigned char *s, size_t a, size_t e, char *out)
{
    int l;
    uint32_t first = ew__pii_decode(s, e, a, &l);
    if (first >= 0x900 && first <= 0x97F) return devanagari(s, a, e, out);
    size_t o = 0;
    uint32_t prev = 0;
    size_t i = a;
    /* Greek μπ at a word's start is "b" ("Μπάμπης" -> "babis") */
    if (e - a >= 4 && small(first) == 0x3BC && small(ew__pii_decode(s, e, a + 2, &l)) == 0x3C0) {
        put(out, &o, "b");
        i = a + 4;
        prev = 0x3C0;
    }
    for (; i < e;) {
        uint32_t cp = small(ew__pii_decode(s, e, i, &l));
        i += (size_t)l;
        const char *t = letter(cp, prev);
        if (!t || !put(out, &o, t)) return 0;
        prev = cp;
    }
    return o;
}

unsigned ew__pii_script_gaz(const unsigned char *s, size_t a, size_t e)
{
    char f[EW__GAZ_MAX_WORD];
    size_t fl = ew__gaz_fold_word(s + a, e - a, f);
    unsigned g = fl ? ew__gaz_lookup(f, fl) : 0, own = g;
    /* the Latin lists: names only, and not a short word ("kal", "ne") */
    char t8[EW__GAZ_MAX_WORD];
    size_t tl = ew__pii_translit(s, a, e, t8);
    if (tl >= 4) {
        unsigned t = ew__gaz_lookup(t8, tl);
        if (!(t & EW__GAZ_COMMON)) g |= t & (EW__GAZ_FIRST | EW__GAZ_LAST);
        /* a Greek or Cyrillic name in a case of its sentence: "Смирновым",
         * "Γιώργου", "Андрієві" (the own script's lists, then the Latin ones) */
        if (!t && !own && tl >= 6 && s[a] >= 0xCE && s[a] <= 0xD1)
            g |= ew__pii_infl_gaz(f, fl) | ew__pii_infl_gaz(t8, tl);
    }
    return g;
}
