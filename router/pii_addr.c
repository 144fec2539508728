/* Street addresses. Three shapes start one:
 *   number first:  "6750 Koskikatu 25", "2450 Crown St", "12 rue de la Paix"
 *   street first:  "Vesterskovvej 79", "Via Roma 131", "ul. Grochowa 80"
 *   military/box:  "PSC 1437, Box 3833", "Unit 8524 Box 0979", "USS Lorenzen"
 * then the address runs on over units ("Apt. 425"), cities, state codes,
 * postal codes and countries, on the same line after commas or on the next
 * lines, so a letterhead block becomes one span. A street needs a street word
 * (Street, vej, straße, rue, katu, ...), a unit or postal line after it, or an
 * address cue before it; a number and a capitalised word alone are not enough. */
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

/* Does a word of l >= 6 bytes end in a compound street name's ending
 * ("Vesterskovvej", "Koskikatu", "Parijsstraat") with at least three bytes
 * before it? The endings are listed under their last letter, so a word tries
 * the few that end like it. */
static bool street_ending(const char *w, size_t l)
{
#define E(x) (l > sizeof x + 1 && !memcmp(w + l - (sizeof x - 1), x, sizeof x - 1))
    switch (w[l - 1]) {
    case 'a':
        return E("gata") || E("kuja") || E("utca") || E("ulica");
    case 'd':
        return E("pfad") || E("grand") || E("road");
    case 'e':
        return E("strasse") || E("strase") || E("gasse") || E("allee") || E("kade") || E("gade") ||
               E("tie") || E("straede") || E("avenue");
    case 'g':
        return E("weg") || E("stieg") || E("steig") || E("veg") || E("-dong");
    case 'i':
        return E("vei") || E("caddesi");
    case 'j':
        return E("vej");
    case 'k':
        return E("dijk") || E("sokak");
    case 'l':
        return E("singel") || E("-gil");
    case 'm':
        return E("damm");
    case 'n':
        return E("laan") || E("plein") || E("gatan") || E("vagen") || E("veien") || E("vegen") ||
               E("brinken") || E("backen") || E("ringen") || E("stigen") || E("vejen") ||
               E("gaden");
    case 'o':
        return E("-ro") || E("-daero"); /* Korean: "Teheran-ro", "Banpo-daero" */
    case 'r':
        return E("str") || E("ufer");
    case 't':
        return E("straat") || E("gracht") || E("torget") || E("street");
    case 'u':
        return E("katu") || E("polku");
    case 'v':
        return E("torv");
    case 'z':
        return E("platz");
    default:
        return false;
    }
#undef E
}

typedef pii_aword word;
_Static_assert(PII_AW_MAX == EW__GAZ_MAX_WORD, "a word's folded form fits the gazetteer's");

/* What the tables say about a word is asked once per word and scan: the
 * answer goes into the word and into its cache slot. */
static void remember(const pii_ctx *c, const word *x)
{
    size_t h = x->s % PII_AW_SLOTS;
    word *m = &c->awords->w[h];
    if (c->awords->at[h] != x->s + 1) return;
    m->known = x->known;
    m->street = x->street;
    m->gaz = x->gaz;
    m->kw = x->kw;
}

/* The cue table's and the gazetteer's flags, with one hash of the folded
 * word (zero-padded by read_word). */
static void word_tables(const pii_ctx *c, word *x)
{
    uint64_t q[3];
    memcpy(q, x->f, sizeof q);
    if (x->fl && x->fl < PII_WORD_MAX) {
        uint32_t h = pii_word_hash3(q[0], q[1], q[2], x->fl);
        x->kw = ew__pii_cue_lookup3(q[0], q[1], q[2], x->fl, h);
        x->gaz = ew__gaz_lookup_padded(q, x->fl, h);
    } else { /* no cue is that long */
        x->kw = 0;
        x->gaz = ew__gaz_lookup(x->f, x->fl);
    }
    x->known |= PII_AW_TABLES;
    remember(c, x);
}

static uint32_t word_kw(const pii_ctx *c, word *x)
{
    if (!(x->known & PII_AW_TABLES)) word_tables(c, x);
    return x->kw;
}

static unsigned word_gaz(const pii_ctx *c, word *x)
{
    if (!(x->known & PII_AW_TABLES)) word_tables(c, x);
    return x->gaz;
}

/* Thai writes no space between a street's or an area's word and its name
 * ("ถนนสุขุมวิท", "แขวงคลองเตย"): does the word at [a, e) start with one of
 * the list's words? */
static bool thai_prefix(const unsigned char *a, size_t l, const char *const *list, size_t k)
{
    if (l < 9 || a[0] != 0xE0) return false;
    while (k-- > 0) {
        size_t pl = strlen(list[k]);
        if (l > pl && !memcmp(a, list[k], pl)) return true;
    }
    return false;
}

static const char *const thai_streets[] = {"\xE0\xB8\x96\xE0\xB8\x99\xE0\xB8\x99", /* ถนน road */
                                           "\xE0\xB8\x8B\xE0\xB8\xAD\xE0\xB8\xA2"}; /* ซอย soi */
static const char *const thai_areas[] = {
    "\xE0\xB9\x81\xE0\xB8\x82\xE0\xB8\xA7\xE0\xB8\x87",             /* แขวง */
    "\xE0\xB9\x80\xE0\xB8\x82\xE0\xB8\x95",                         /* เขต */
    "\xE0\xB8\x95\xE0\xB8\xB3\xE0\xB8\x9A\xE0\xB8\xA5",             /* ตำบล */
    "\xE0\xB8\xAD\xE0\xB8\xB3\xE0\xB9\x80\xE0\xB8\xA0\xE0\xB8\xAD", /* อำเภอ */
    "\xE0\xB8\x88\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\xAB\xE0\xB8\xA7\xE0\xB8\xB1\xE0"
    "\xB8\x94"}; /* จังหวัด
                  */

static bool thai_area(const unsigned char *s, const word *w)
{
    return thai_prefix(s + w->s, w->e - w->s, thai_areas, sizeof thai_areas / sizeof thai_areas[0]);
}

static bool street_word(const pii_ctx *c, word *x)
{
    if (x->known & PII_AW_STREET) return x->street;
    const char *w = x->f;
    size_t l = x->fl;
    bool sw = l && ((word_kw(c, x) & PII_KW_STREET) || (l >= 6 && street_ending(w, l)) ||
                    thai_prefix(c->s + x->s, x->e - x->s, thai_streets, 2));
    x->street = sw;
    x->known |= PII_AW_STREET;
    remember(c, x);
    return sw;
}

/* Before its full stop: Hungarian "u." (utca), the two-letter abbreviations
 * of libpostal's languages ("Gedimino pr. 9", "al. Jerozolimskie 12"). */
static bool dotted_street(const word *x)
{
    if (x->fl == 1) return x->f[0] == 'u';
    if (x->fl != 2) return false;
    for (const char *const *d = ew__pii_street_dotted; *d; d++)
        if ((*d)[0] == x->f[0] && (*d)[1] == x->f[1]) return true;
    return false;
}

static bool weak_street_word(const pii_ctx *c, word *x)
{
    return word_kw(c, x) & PII_KW_STREET_WEAK;
}

static bool particle(const pii_ctx *c, word *x)
{
    return word_kw(c, x) & PII_KW_PARTICLE;
}

static bool unit_word(const pii_ctx *c, word *x)
{
    return word_kw(c, x) & PII_KW_UNIT;
}

/* A unit word, or Turkish "D: 28" (daire, the flat). */
static bool unit_at(const pii_ctx *c, word *x)
{
    const unsigned char *s = c->s;
    return unit_word(c, x) ||
           (x->e == x->s + 1 && (s[x->s] | 32) == 'd' && x->e + 1 < c->n && s[x->e] == ':') ||
           /* Spanish "of. 1462" (oficina): "of" with its full stop only */
           (x->fl == 2 && !memcmp(x->f, "of", 2) && x->e + 2 < c->n && s[x->e] == '.' &&
            s[x->e + 1] == ' ' && pii_is_digit(s[x->e + 2]));
}

/* The "word" at i: letters (any script) or digits, with inner '.', '-',
 * '\'', '/'. */
static bool read_word(const unsigned char *s, size_t n, size_t i, word *w)
{
    size_t k = i;
    bool dg = false, lt = false;
    while (k < n) {
        unsigned ch = s[k];
        if (pii_is_digit(ch))
            dg = true, k++;
        else if (pii_is_alpha(ch))
            lt = true, k++;
        else if (ch == 0xD8 && k + 1 < n && (s[k + 1] == 0x8C || s[k + 1] == 0x9B))
            break; /* the Arabic comma and semicolon */
        else if ((ch >= 0xC2 && ch < 0xE0) || ch == 0xE1 ||
                 (ch == 0xE2 && k + 1 < n && s[k + 1] > 0x81) ||
                 (ch == 0xE0 && k + 1 < n && (s[k + 1] >= 0xA4 && s[k + 1] <= 0xB9))) {
            /* Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic letters, Georgian,
             * Vietnamese ones, the Indic scripts and Thai (U+0900-0E7F), look-alike
             * symbols ("∆"); dashes and quotes (U+2000-207F), CJK text and its
             * punctuation ("，地址是") end a word: CJK has its own scanner */
            int l;
            ew__pii_decode(s, n, k, &l);
            lt = true;
            k += (size_t)l;
        } else if ((ch == '-' || ch == '\'' || ch == '/') && k > i && k + 1 < n &&
                   (pii_is_alnum(s[k + 1]) || (s[k + 1] >= 0xC2 && s[k + 1] < 0xE0)))
            k++;
        else
            break;
    }
    if (k == i) return false;
    w->s = i;
    w->e = k;
    w->digits = dg;
    w->letters = lt;
    w->known = 0; /* street, gaz, kw: not asked yet */
    w->street = false;
    w->gaz = 0;
    w->kw = 0;
    memset(w->f, 0, sizeof w->f); /* zero-padded for the tables */
    w->fl = ew__gaz_fold_word(s + i, k - i, w->f);
    int l;
    uint32_t cp = ew__pii_decode(s, n, i, &l);
    /* Armenian capitals; Hebrew, Arabic, the Indic scripts, Thai and Georgian
     * have none: every word may be a name */
    w->cap = cp < 0x80 ? pii_is_upper(cp)
                       : (cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x386 && cp <= 0x42F) ||
                             (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) ||
                             (cp >= 0x200 && cp <= 0x233 && !(cp & 1)) || /* "Ștefan" */
                             (cp >= 0x531 && cp <= 0x556) || (cp >= 0x5D0 && cp <= 0x6FF) ||
                             (cp >= 0x900 && cp <= 0xE7F) || (cp >= 0x10D0 && cp <= 0x10FF);
    /* "d'Ouchy", "l'Église", Maltese and Arabic articles "il-Kbira", "al-Nasr"
     * read as capitalised */
    if (!w->cap && k - i > 3 && s[i + 1] == '\'' && pii_is_lower(s[i]))
        w->cap = pii_is_upper(s[i + 2]) || s[i + 2] >= 0xC3;
    if (!w->cap && k - i > 4 && pii_is_lower(s[i]) && pii_is_lower(s[i + 1]) &&
        (s[i + 2] == '-' || (pii_is_lower(s[i + 2]) && s[i + 3] == '-'))) {
        size_t h = s[i + 2] == '-' ? i + 3 : i + 4;
        w->cap = h < k && pii_is_upper(s[h]);
    }
    return true;
}

/* next_word's miss: reads the word at i into w and its cache slot h. */
static __attribute__((noinline)) bool next_word_read(const pii_ctx *c, size_t i, size_t h, word *w)
{
    if (!read_word(c->s, c->n, i, w)) return false;
    c->awords->at[h] = i + 1;
    c->awords->w[h] = *w;
    return true;
}

/* The next word at i on the same line (spaces skipped, not newlines), from
 * the scan's cache when it was read before. Inline: the address reader asks
 * again for words it has read, and a hit is a compare and a copy. */
static inline bool next_word(const pii_ctx *c, size_t i, word *w)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= n) return false;
    const pii_awords *m = c->awords;
    size_t h = i % PII_AW_SLOTS;
    if (m->at[h] == i + 1) {
        *w = m->w[h];
        return true;
    }
    return next_word_read(c, i, h, w);
}

static bool all_digits(const word *w, const unsigned char *s)
{
    for (size_t k = w->s; k < w->e; k++)
        if (!pii_is_digit(s[k])) return false;
    return w->e > w->s;
}

/* Wisconsin and Illinois grid numbers: "W6858", "N6W23001" (a direction
 * and at least four digits). */
static bool grid_number(const word *w, const unsigned char *s)
{
    size_t k = w->s, d = 0;
    for (int part = 0; part < 2 && k < w->e; part++) {
        if (s[k] != 'N' && s[k] != 'S' && s[k] != 'E' && s[k] != 'W') return false;
        k++;
        size_t b = k;
        while (k < w->e && pii_is_digit(s[k]))
            k++;
        if (k == b) return false;
        d += k - b;
    }
    return k == w->e && d >= 4;
}

/* Quito's house numbers: the zone's letter, the block, a dash, the house
 * ("N22-16", "E10-25", "Oe3-45"). */
static bool quito_number(const word *w, const unsigned char *s)
{
    size_t k = w->s + 1 + (w->e > w->s + 1 && s[w->s + 1] == 'e'), b = k;
    while (k < w->e && pii_is_digit(s[k]) && k - b < 3)
        k++;
    if (k == b || k + 1 >= w->e || s[k] != '-') return false;
    b = ++k;
    while (k < w->e && pii_is_digit(s[k]) && k - b < 3)
        k++;
    return k > b && k == w->e;
}

/* A house number: digits, optionally one letter ("12B") or a range ("12-14"). */
static bool house_number(const word *w, const unsigned char *s)
{
    size_t k = w->s, d = 0;
    while (k < w->e && pii_is_digit(s[k]))
        k++, d++;
    if (d == 0)
        return (w->e - w->s == 3 && (s[k] | 32) == 's' && s[k + 1] == '/' &&
                (s[k + 2] | 32) == 'n') || /* Spanish "s/n", sin número: a place without one */
               ((s[k] == 'N' || s[k] == 'S' || s[k] == 'E' || s[k] == 'W') && grid_number(w, s)) ||
               ((s[k] == 'N' || s[k] == 'S' || s[k] == 'E' || s[k] == 'O') && quito_number(w, s));
    if (d > 6) return false;
    if (k == w->e) return true;
    if (k + 1 == w->e && pii_is_alpha(s[k])) return true;
    if (k + 2 == w->e && s[k] == '/' && pii_is_upper(s[k + 1])) return true; /* Italian "15/A" */
    /* Dutch floors "401-II", "7-III" */
    if (s[k] == '-' && k + 1 < w->e) {
        size_t r = k + 1;
        while (r < w->e && (s[r] == 'I' || s[r] == 'V'))
            r++;
        if (r == w->e && r - k <= 4) return true;
    }
    /* a range "12-14", "12/3", a Japanese block-lot-house "1-10-6" (whose
     * block has at most three digits: "2024-03-12" is a date), an Austrian
     * stair and door "45/3/12" (short groups: "12/03/2024" is a date) */
    char sep = 0;
    for (int g = 0; g < 2 && k < w->e && (s[k] == '-' || s[k] == '/'); g++) {
        if (g == 1 && (d > 3 || (s[k] == '/' && sep != '/'))) return false;
        size_t r = k + 1;
        while (r < w->e && pii_is_digit(s[r]) && r - k <= 4)
            r++;
        if (r == k + 1 || (g == 1 && s[k] == '/' && r - k > 3)) break;
        sep = (char)s[k];
        k = r;
    }
    /* Austrian "6/Top", "12/Stiege": the door's number follows (door_number) */
    if (k + 1 < w->e && s[k] == '/' && pii_is_alpha(s[k + 1])) {
        static const char *const doors[] = {"top", "stiege", "stg", "tür", "whg"};
        for (size_t q = 0; q < sizeof doors / sizeof doors[0]; q++)
            if (strlen(doors[q]) == w->e - k - 1 && pii_icase_eq(s + k + 1, doors[q], w->e - k - 1))
                return true;
    }
    return k == w->e;
}

/* After a house number that ends in a door's word ("6/Top"), its number. */
static size_t door_number(const unsigned char *s, size_t n, size_t e)
{
    if (e < 2 || !pii_is_alpha(s[e - 1]) || e + 1 >= n || s[e] != ' ' || !pii_is_digit(s[e + 1]))
        return e;
    size_t k = e + 1;
    while (k < n && pii_is_digit(s[k]) && k - e <= 4)
        k++;
    return k < n && pii_is_alnum(s[k]) ? e : k;
}

/* "4th", "12th", "2nd": an ordinal names a road ("4th Cross", "12th Main Road"). */
static bool ordinal_word(const word *w, const unsigned char *s)
{
    size_t k = w->s;
    while (k < w->e && pii_is_digit(s[k]))
        k++;
    if (k > w->s && k - w->s <= 3 && w->e - k == 4 && pii_icase_eq(s + k, "-gil", 4))
        return true; /* Korean "Teheran-ro 86-gil" */
    if (k == w->s || k - w->s > 3 || w->e - k != 2) return false;
    char a = (char)(s[k] | 32), b = (char)(s[k + 1] | 32);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
           (a == 't' && b == 'h');
}

/* A date at i ("17 Dec 1978", "May 4, 2005", "9-20-14") is no street. */
static bool date_at(const unsigned char *s, size_t n, size_t i)
{
    int y, m, d;
    return ew__pii_parse_date(s, n, i, &y, &m, &d) != 0;
}

/* A number followed by ".digit" is a decimal or a version ("Firmware 11.3"). */
static bool decimal_after(const unsigned char *s, size_t n, size_t e)
{
    return e + 1 < n && s[e] == '.' && pii_is_digit(s[e + 1]);
}

/* The number at i opens a phone's run of digit groups ("al 667 872 802",
 * "730/613-2715"): three or more groups with nine or more digits, or two
 * with ten or more. House numbers, ranges, postcodes and block-lot numbers
 * ("1-10-6") are shorter. */
static bool phone_run(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i, digits = 0, groups = 0;
    while (k < n && pii_is_digit(s[k])) {
        while (k < n && pii_is_digit(s[k]))
            k++, digits++;
        groups++;
        if (k + 1 < n && (s[k] == ' ' || s[k] == '-' || s[k] == '/' || s[k] == '.') &&
            pii_is_digit(s[k + 1]))
            k++;
        else
            break;
    }
    return (groups >= 3 && digits >= 9) || (groups == 2 && digits >= 10);
}

/* "Hauptstraße 33 c,": a house number's letter written apart. */
static size_t letter_suffix(const unsigned char *s, size_t n, size_t e)
{
    if (e + 3 <= n && s[e] == ' ' && s[e + 1] == 'h' && s[e + 2] == 's' &&
        (e + 3 == n || s[e + 3] == ',' || s[e + 3] == '\n'))
        return e + 3; /* Dutch "225 hs" (huis, the ground floor) */
    if (e + 2 <= n && s[e] == ' ' && pii_is_alpha(s[e + 1]) &&
        (e + 2 == n || s[e + 2] == ',' || s[e + 2] == '\n' || s[e + 2] == '"'))
        return e + 2;
    return e;
}

/* A postcode after its country's letters: "L-1611", "MD-2001", "LT-01103",
 * "CH-8001", "FL-9490", Azerbaijan's "AZ1000", Brunei's "BE1280", Haiti's
 * "HT6110", Barbados' "BB11000". The letters are the
 * countries' that write them (their postal services' guides), so "RK-1704"
 * and "ISO-9001" are no postcodes. a, d and dash count w's capitals, digits
 * and dashes. */
static bool country_postcode(const word *w, const unsigned char *s, size_t a, size_t d, size_t dash)
{
    static const char prefixes[][3] = {
        "A",  "B",  "D",  "F",  "I",  "L",  "AD", "AI", "AZ", "BB", "BE", "BG", "CH", "CY",
        "CZ", "DK", "EE", "FI", "FL", "FO", "GL", "GR", "HR", "HT", "HU", "IS", "LI", "LT",
        "LV", "MC", "MD", "NL", "NO", "PL", "RO", "SE", "SI", "SK", "SM", "VA", "VG"};
    size_t p = w->s;
    while (p < w->e && pii_is_upper(s[p]) && p - w->s < 3)
        p++;
    size_t l = p - w->s;
    if (!l || l > 2 || a != l || d < 3 || d > 6 || p >= w->e || dash != (s[p] == '-') ||
        d != w->e - p - dash)
        return false;
    for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++)
        if (strlen(prefixes[k]) == l && !memcmp(s + w->s, prefixes[k], l)) return true;
    return false;
}

/* A postal code: 3-6 digits ("75008", "340 12" handled by caller), "3610-114",
 * UK/CA letter-digit forms ("B0J 2H0", "SW1A 1AA"). */
static bool postal_code(const word *w, const unsigned char *s)
{
    size_t l = w->e - w->s;
    if (all_digits(w, s)) return l >= 3 && l <= 6;
    size_t d = 0, a = 0, dash = 0;
    for (size_t k = w->s; k < w->e; k++) {
        d += pii_is_digit(s[k]);
        a += pii_is_upper(s[k]);
        dash += s[k] == '-';
    }
    if (dash == 1 && a == 0 && d >= 5 && d <= 9) return true; /* 3610-114, 12345-6789 */
    if (l == 8 && a == 4 && d == 4 && pii_is_upper(s[w->s]) && pii_is_digit(s[w->s + 1]) &&
        pii_is_digit(s[w->s + 4]))
        return true; /* Argentina's CPA "C1059ABP" */
    if (country_postcode(w, s, a, d, dash)) return true;
    return a >= 1 && d >= 1 && a + d == l && l >= 2 && l <= 4; /* half of "B0J 2H0" */
}

static bool is_state_code(const word *w, const unsigned char *s)
{
    return w->e - w->s == 2 && pii_is_upper(s[w->s]) && pii_is_upper(s[w->s + 1]);
}

/* A lowercase word that can be part of a name: not an English function or
 * common word ("rue des lieutenants Thomazo", not "Main Street shops"). */
static bool lower_name(const pii_ctx *c, word *x)
{
    return x->fl >= 3 && !(word_kw(c, x) & (PII_KW_FUNC | PII_KW_STOP)) &&
           !EW__GAZ_ENGLISH(word_gaz(c, x));
}

/* Is the next word on the line (after e) a street word? Lowercase words
 * written before a street type are part of its name ("Merineitsi põik"). */
static bool before_street_word(const pii_ctx *c, word *x)
{
    word y;
    if (!lower_name(c, x)) return false; /* "in ÖVERTURINGEN 840": prose before a street */
    return x->e < c->n && c->s[x->e] == ' ' && next_word(c, x->e, &y) && street_word(c, &y);
}

/* A unit of time or measure after a number: the number is not a house's. */
static bool time_or_measure(const char *f, size_t fl)
{
#define U(x)                                                                                       \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }
    static const struct {
        char w[9];
        unsigned char l;
    } units[] = {U("uhr"),     U("h"),        U("hr"),     U("hrs"),     U("hour"),    U("hours"),
                 U("min"),     U("mins"),     U("minute"), U("minutes"), U("minuten"), U("heure"),
                 U("heures"),  U("hora"),     U("horas"),  U("ore"),     U("godz"),    U("sec"),
                 U("seconds"), U("sekunden"), U("day"),    U("days"),    U("tage"),    U("jours"),
                 U("dias"),    U("week"),     U("weeks"),  U("wochen"),  U("month"),   U("months"),
                 U("monate"),  U("year"),     U("years"),  U("jahre"),   U("km"),      U("kg"),
                 U("ms"),      U("mb"),       U("gb"),     U("percent"), U("prozent"), U("cuadras"),
                 U("blocks"),  U("metros"),   U("meters"), U("metres")};
#undef U
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (units[k].l == fl && !memcmp(units[k].w, f, fl)) return true;
    return false;
}

/* "nº ", "n° ", "no. ", "Nr. ", "n. " at i: where the number starts, else dflt. */
static size_t number_sign_end(const unsigned char *s, size_t n, size_t i, size_t dflt)
{
    static const char *const signs[] = {
        "n\xC2\xBA ",
        "n\xC2\xB0 ",
        "N\xC2\xBA ",
        "no. ",
        "No. ",
        "nr. ",
        "Nr. ",
        "n. ",
        "No: ",
        "no: ", /* Turkish "Atatürk Cad. No: 45",
                   "Bağdat Cad. No:366" */
        "No:",
        "no:",
        "S\xE1\xBB\x91 ",
        "s\xE1\xBB\x91 ", /* Vietnamese "Số 12" */
        "d. ",
        "\xD0\xB4. ", /* Russian "ul. Arbat, d. 7", "ул. Арбат, д. 7" */
        "n.\xC2\xBA ",
        "N.\xC2\xBA ", /* Portuguese "n.º 134" */
        "br. ",
        "\xD0\xB1\xD1\x80. ",                    /* broj: "Ilica br. 12", "бр. 119" */
        "\xE0\xA4\xA8\xE0\xA4\x82. ",            /* Hindi नं. */
        "\xE0\xAE\x8E\xE0\xAE\xA3\xE0\xAF\x8D ", /* Tamil எண் */
        "\xD9\x86\xD9\x85\xD8\xA8\xD8\xB1 "};    /* Urdu نمبر */
    unsigned f = i < n ? s[i] : 0;               /* most words start with no sign's letter */
    if (f != 'n' && f != 'N' && f != 'S' && f != 's' && f != 'd' && f != 'b' && f != 0xD0 &&
        f != 0xE0 && f != 0xD9)
        return dflt;
    for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++) {
        if (s[i] != (unsigned char)signs[k][0]) continue;
        size_t l = strlen(signs[k]);
        if (i + l < n && !memcmp(s + i, signs[k], l) && pii_is_digit(s[i + l])) return i + l - 1;
    }
    return dflt;
}

/* Does the comma part from i hold a street word among its first four words
 * ("12, rue de la Paix", "443, 4th Cross")? */
static bool street_in_part(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    word x;
    size_t p = i;
    for (int k = 0; k < 4 && next_word(c, p, &x) && (k == 0 || x.s == p + 1); k++) {
        if (street_word(c, &x)) return true;
        p = x.e;
        if (p >= n || s[p] != ' ') break;
    }
    return false;
}

/* Words a street name has before its house number ("Calle de la Paz 7"). */
#define STREET_WORDS 5

/* High bit set in each byte lane of v that is a blank (' ' or '\t'); exact
 * per lane (no carry crosses a lane). */
static inline uint64_t blank_lanes(uint64_t v)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, high = 0x8080808080808080ull;
    uint64_t sp = v ^ 0x2020202020202020ull, tab = v ^ 0x0909090909090909ull;
    return (~(((sp & low7) + low7) | sp) | ~(((tab & low7) + low7) | tab)) & high;
}

/* The number of byte lanes of v with the high bit set (v has no other bits):
 * the lanes summed into the top byte by one multiply; __builtin_popcountll
 * is a library call on the baseline x86-64 this builds for. */
static inline int lane_count(uint64_t v)
{
    return (int)(((v >> 7) * 0x0101010101010101ull) >> 56);
}

/* A cheap bound for street_at at i, given d, the first digit at or after i
 * (ew__pii_scan_address has just asked ew__pii_digit_ahead). A word that
 * starts with no digit starts a street only name first: at most
 * STREET_WORDS words, then a number sign ("nº", "No.") and the house number,
 * which starts at d. Each of those is one run of bytes between blanks, so
 * with more runs than that in [i, d) no street starts at i. */
static bool number_in_reach(const unsigned char *s, size_t n, size_t i, size_t d)
{
    if (d == SIZE_MAX || d < i) return true; /* not known: no bound */
    if (d >= n) return false;                /* no digit, no house number */
    const uint64_t high = 0x8080808080808080ull;
    int runs = 0;
    bool blank = true; /* a run that starts at i counts */
    size_t k = i;
    for (; k + 8 <= d; k += 8) {
        uint64_t v, b;
        memcpy(&v, s + k, 8);
        b = blank_lanes(v);
        runs += lane_count(~b & ((b << 8) | (blank ? 0x80u : 0)) & high);
        if (runs > STREET_WORDS + 1) return false;
        blank = b >> 63;
    }
    for (; k < d; k++) {
        bool bl = s[k] == ' ' || s[k] == '\t';
        runs += !bl && blank;
        blank = bl;
    }
    return runs <= STREET_WORDS + 1;
}

/* Japanese romanised "5-chome" (the district's block): a street's word. */
static bool chome_word(const word *w, const unsigned char *s)
{
    return w->e - w->s >= 7 && pii_is_digit(s[w->s]) && pii_icase_eq(s + w->e - 6, "-chome", 6);
}

/* A house number spelled out in a building's name: "One Financial Center",
 * "Two International Finance Centre", "Three Bentall Centre". */
static bool spelled_number(const word *w, const unsigned char *s)
{
    static const struct {
        char w[8];
        unsigned char l;
    } nums[] = {{"one", 3},  {"two", 3}, {"three", 5},  {"four", 4},
                {"five", 4}, {"six", 3}, {"seven", 5},  {"eight", 5},
                {"nine", 4}, {"ten", 3}, {"eleven", 6}, {"twelve", 6}};
    if (w->fl < 3 || w->fl > 6 || !pii_is_upper(s[w->s])) return false;
    for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++)
        if (nums[k].l == w->fl && nums[k].w[0] == w->f[0] && !memcmp(w->f, nums[k].w, w->fl))
            return true;
    return false;
}

/* Does a building, unit or floor word and its name or number start at i
 * ("Edif. Parque Cristal", "House No. 21", "Piso 10")? */
static bool unit_part(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    word w, x;
    if (!next_word(c, i, &w) || w.s != i || !unit_word(c, &w)) return false;
    size_t p = w.e + (w.e < n && s[w.e] == '.');
    if (p + 1 < n && s[p] == ' ' && number_sign_end(s, n, p + 1, 0)) return w.cap;
    /* "Edif. Parque Cristal", "casa 402" */
    return next_word(c, p, &x) && x.s == p + 1 && ((w.cap && x.cap) || all_digits(&x, s));
}

/* A month's name: English (and its abbreviations), Spanish, Portuguese. */
static bool month_word(const word *m)
{
    static const char *const months[] = {
        "january",   "february",  "march",   "april",     "may",        "june",      "july",
        "august",    "september", "october", "november",  "december",   "jan",       "feb",
        "mar",       "apr",       "jun",     "jul",       "aug",        "sep",       "sept",
        "oct",       "nov",       "dec",     "enero",     "febrero",    "marzo",     "abril",
        "mayo",      "junio",     "julio",   "agosto",    "septiembre", "setiembre", "octubre",
        "noviembre", "diciembre", "janeiro", "fevereiro", "marco",      "maio",      "junho",
        "julho",     "setembro",  "outubro", "novembro",  "dezembro"};
    for (size_t k = 0; k < sizeof months / sizeof months[0]; k++)
        if (strlen(months[k]) == m->fl && !memcmp(m->f, months[k], m->fl)) return true;
    return false;
}

/* A day and a Spanish or Portuguese month ("18 de Julio", "7 de Setembro")
 * in a street's name: their end, or 0. */
static size_t date_name_end(const pii_ctx *c, const word *d)
{
    const unsigned char *s = c->s;
    word de, m;
    if (d->e - d->s > 2 || !all_digits(d, s) || !next_word(c, d->e, &de) || de.fl != 2 ||
        memcmp(de.f, "de", 2) || !next_word(c, de.e, &m) || !m.cap || !month_word(&m))
        return 0;
    return m.e;
}

/* A postal code at p, then a town's capitalised name that is no English
 * word ("75001 Paris"; not "2024 Report"). */
static bool postcode_town(const pii_ctx *c, size_t p)
{
    word pc, town;
    if (!next_word(c, p, &pc) || pc.s != p || !postal_code(&pc, c->s) || !all_digits(&pc, c->s) ||
        !next_word(c, pc.e, &town) || town.s != pc.e + 1 || !town.cap || town.digits)
        return false;
    return !EW__GAZ_ENGLISH(word_gaz(c, &town));
}

/* Parses the street part from i. Returns its end, or 0. *strength tells how
 * sure the shape is without context. */
static size_t street_at(const pii_ctx *c, size_t i, float *strength)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    word w;
    if (!number_in_reach(s, n, i, c->next_digit) || !next_word(c, i, &w)) return 0;
    size_t pos = w.e;
    bool spelled = spelled_number(&w, s);
    bool num_first = house_number(&w, s) || spelled;
    if (num_first && (decimal_after(s, n, w.e) || phone_run(s, n, w.s))) return 0;
    /* "Sludevej 13 St.": 13 ends a street; it does not start one */
    if (num_first && i >= 2 && s[i - 1] == ' ' && (pii_is_alpha(s[i - 2]) || s[i - 2] >= 0x80)) {
        size_t b = i - 1;
        while (b > 0 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80))
            b--;
        word pw;
        if (next_word(c, b, &pw) && pw.cap && pw.e == i - 1 && !unit_word(c, &pw) &&
            number_sign_end(s, n, b, 0) != i - 1) /* "Số 174 ..." is a number */
            return 0;
    }
    int names = 0, unknown = 0, streetw = 0;
    size_t end = 0;
    if (num_first) {
        word w2;
        /* "1987 74 Diakou Street": a second number */
        if (next_word(c, pos, &w2) && house_number(&w2, s) && s[w.e] == ' ') pos = w2.e;
        /* "12 bis rue ...", "12, rue ...": French house numbers */
        if (next_word(c, pos, &w2) && s[pos] == ' ' &&
            ((w2.fl == 3 && (!memcmp(w2.f, "bis", 3) || !memcmp(w2.f, "ter", 3))) ||
             (w2.fl == 6 && !memcmp(w2.f, "quater", 6))))
            pos = w2.e;
        if (pos + 2 < n && s[pos] == ',' && s[pos + 1] == ' ' && street_in_part(c, pos + 1)) pos++;
        /* an envelope's house number alone on its line: "9\nTriq il-Kbira\nMosta" */
        if (pos + 1 < n && s[pos] == '\n' && (w.s == 0 || s[w.s - 1] == '\n') &&
            street_in_part(c, pos + 1))
            pos++;
        if (next_word(c, pos, &w2) && s[pos] == ' ' && time_or_measure(w2.f, w2.fl))
            return 0; /* "um 10 Uhr im Raum 3", "after 3 hours on Elm Street" */
        bool weak_last = false, after_particle = false;
        for (int k = 0; k < 5; k++) {
            if (pos < n && (s[pos] == ',' || s[pos] == '\n')) break;
            word x;
            if (!next_word(c, pos, &x) || !x.letters) break;
            bool chome = x.digits && chome_word(&x, s);
            if (x.digits && !ordinal_word(&x, s) && !chome) break;
            x.cap |= x.digits; /* "4th Cross" */
            bool real_cap = x.cap;
            x.cap |= !c->seen_upper;
            bool dot = x.e < n && s[x.e] == '.';
            bool sw = street_word(c, &x) || (dot && dotted_street(&x)) || chome;
            unsigned g = word_gaz(c, &x);
            uint32_t kw = word_kw(c, &x);
            if ((kw & PII_KW_FUNC) && !(kw & PII_KW_PARTICLE) && !sw) break; /* "8080 and" */
            /* "rue de la Paix", "Jiřího z Poděbrad", "Árpád fejedelem útja",
             * "rue des lieutenants Thomazo" */
            if (!x.cap && !sw && !(k > 0 && particle(c, &x)) &&
                !(k > 0 && before_street_word(c, &x)) &&
                !(k > 1 && after_particle && lower_name(c, &x)))
                break;
            after_particle = particle(c, &x);
            if (unit_word(c, &x) && k > 0) break;
            names++;
            streetw += sw;
            weak_last = k > 0 && real_cap && weak_street_word(c, &x);
            unknown += !EW__GAZ_ENGLISH(g);
            pos = x.e + (dot ? 1 : 0);
            end = pos;
            if (dot && x.e - x.s > 3 && !(sw && x.e - x.s == 4))
                break; /* "455 Reykjavík. Viewings" ends there; "boul." goes on */
        }
        if (!names) return 0;
        streetw += weak_last; /* "176 Pinto Hill" */
        word t;
        /* "Koskikatu 25", "Via Roma 131" */
        if (next_word(c, end, &t) && house_number(&t, s) && s[end] == ' ') {
            end = t.e;
            if (end < n && s[end] == '.' && (end + 1 >= n || !pii_is_digit(s[end + 1])))
                end++; /* "Kálmán Imre u. 12." */
        }
        /* without a street word, "6750 Koskikatu 25" (a second number) still
         * reads as an address; "70s You're Supposed" does not */
        bool second_num = end > 0 && pii_is_digit(s[end - 1]);
        /* "17 Dec 1978" (checked last: costly), "drops on 9 May. Tickets" */
        if (second_num && date_at(s, n, w.s)) return 0;
        word m;
        if (!streetw && next_word(c, w.e, &m) && month_word(&m)) return 0;
        *strength = streetw ? 0.85f : unknown && second_num ? 0.55f : unknown ? 0.45f : 0.3f;
        /* a spelled number and a name need a postcode or a cue after them
         * ("One Financial Center, Boston, MA 02111"; not "Two Rivers Park") */
        if (spelled) *strength = streetw && !second_num ? 0.3f : 0;
        return *strength > 0 ? end : 0;
    }
    /* "12th Main Road": an ordinal road named without a house number */
    if (ordinal_word(&w, s)) {
        for (int k = 0; k < 4; k++) {
            word x;
            if (!next_word(c, pos, &x) || x.s != pos + 1 || x.digits || !x.cap) return 0;
            pos = x.e;
            if (street_word(c, &x)) {
                word y; /* "the 4th Street Festival": an event named after it */
                if (pos + 1 < n && s[pos] == ' ' && next_word(c, pos, &y) && y.cap && !y.digits)
                    return 0;
                *strength = 0.6f;
                return pos;
            }
        }
        return 0;
    }
    /* street first: words then a number */
    pos = w.s;
    bool type_first = false;
    int named = 0; /* words besides street types and articles: "Gate 12" has none */
    bool type_seen = false, last_sw = false; /* the one street type is the last word */
    unsigned listed = 0;       /* a word the gazetteer knows: a name, a place, an English word */
    bool dotted_first = false; /* "al. Jerozolimskie 12" needs its name; "et al. 2020" */
    char last_f[EW__GAZ_MAX_WORD];
    size_t last_fl = 0, last_s = w.s;
    for (int k = 0; k < STREET_WORDS; k++) {
        word x;
        if (k > 0 && pos + 1 < n && s[pos] == ' ' && number_sign_end(s, n, pos + 1, 0)) {
            pos = number_sign_end(s, n, pos + 1, 0); /* "Str. Lipscani nr. 38", "бр. 119" */
            if (s[pos] == ':') pos++;                /* Turkish "Cad. No:366" */
            break;
        }
        if (!next_word(c, pos, &x)) break;
        if (k > 0 && !x.digits && house_number(&x, s)) break; /* "Pza. de España s/n" */
        if (x.digits) { /* "Av. 18 de Julio 1917": a street named after a date */
            size_t de = k > 0 ? date_name_end(c, &x) : 0;
            if (!de) break;
            names += 2;
            named++;
            pos = de;
            continue;
        }
        if (k > 0 && (s[pos] == ',' || s[pos] == '\n')) break;
        bool real_cap = x.cap;
        x.cap |= !c->seen_upper;
        /* an abbreviation's full stop, or Hebrew's geresh ("רח' הרצל 15") */
        bool dot =
            (x.e < n && s[x.e] == '.') || (x.e + 1 < n && s[x.e] == '\'' && s[x.e + 1] == ' ');
        bool sw = street_word(c, &x);
        if (!sw && dot && dotted_street(&x)) { /* "pr." */
            sw = true;
            dotted_first |= k == 0;
        }
        if (k == 0 && x.fl == 1 && x.f[0] == 'c' && x.e + 1 < n && s[x.e] == '/' &&
            s[x.e + 1] == ' ') { /* Spanish "C/ Mayor" */
            sw = true;
            x.e++;
        }
        type_first |= k == 0 && sw;
        memcpy(last_f, x.f, sizeof last_f); /* a fixed size: no call */
        last_fl = x.fl;
        last_s = x.s;
        unsigned g = word_gaz(c, &x);
        /* "бул. Партизански одреди бр. 119": a lowercase word inside a name
         * that a street type starts */
        if (!x.cap && !sw && !(k > 0 && particle(c, &x)) && !before_street_word(c, &x) &&
            !(k > 1 && type_first && lower_name(c, &x)))
            return 0;
        names++;
        streetw += sw;
        last_sw = sw;
        unknown += !EW__GAZ_ENGLISH(g);
        listed |= g & (EW__GAZ_FIRST | EW__GAZ_LAST | EW__GAZ_COMMON | EW__GAZ_PLACE);
        /* the first street type is no name ("Gate 12", "The Crescent 12"); a
         * compound ("Vesterskovvej") and a later type ("Rúa do Paseo") are */
        uint32_t xkw = word_kw(c, &x);
        if (xkw & (1u << CUE_NEG)) return 0; /* "Model Plaza 5X", "Order Street 12" */
        /* in lowercase text a grammar word is no name: "new place is Na Příkopě 4" */
        if (!real_cap && !sw && (xkw & PII_KW_FUNC) && !(xkw & PII_KW_PARTICLE)) return 0;
        bool type = sw && (xkw & PII_KW_STREET) && !type_seen;
        type_seen |= type;
        named += !type && !(xkw & (PII_KW_FUNC | PII_KW_PARTICLE));
        pos = x.e + (dot ? 1 : 0);
    }
    if (dotted_first && !named) return 0;
    /* an English street type ends a street's name: "Street Fighter 2", "Road
     * Warrior 3" are titles */
    if (type_first && ((w.fl == 6 && !memcmp(w.f, "street", 6)) ||
                       (w.fl == 4 && (!memcmp(w.f, "road", 4) || !memcmp(w.f, "lane", 4)))))
        return 0;
    word t;
    /* "Calle de la Paz, 156": after a leading street type a comma may come first */
    if (type_first && names > 1 && pos + 2 < n && s[pos] == ',' && s[pos + 1] == ' ' &&
        pii_is_digit(s[pos + 2]))
        pos++;
    else if ((type_first || (streetw == 1 && last_sw)) && names > 1 && pos + 2 < n &&
             s[pos] == ',' && s[pos + 1] == ' ')   /* "Невский пр., д. 18" */
        pos = number_sign_end(s, n, pos + 2, pos); /* "Avenida de Alcalá, nº 81" */
    if (type_first && names > 1 && pos + 2 < n && s[pos] == ',' && s[pos + 1] == ' ' &&
        c->seen_upper && unit_part(c, pos + 2)) {
        *strength = 0.5f; /* "Av. Francisco de Miranda, Edif. Parque Cristal, Piso 10" */
        return pos;
    }
    /* a street named without a house number, then its postcode and town:
     * "Rue de Rivoli, 75001 Paris", "Hauptstraße, 10115 Berlin" (a compound
     * street name alone) */
    if (((type_first && names > 1) || (names == 1 && streetw == 1 && named == 1)) && named &&
        pos + 2 < n && s[pos] == ',' && s[pos + 1] == ' ' && postcode_town(c, pos + 2)) {
        *strength = 0.5f;
        return pos;
    }
    if (pos + 2 < n && s[pos] == ' ' && s[pos + 1] == '#' && pii_is_digit(s[pos + 2]))
        pos += 2; /* "Calle 5 de Mayo #208" */
    if (!names || !next_word(c, pos, &t) || !house_number(&t, s) || s[pos] == '\n' ||
        phone_run(s, n, t.s))
        return 0;
    if (!c->seen_upper && !streetw) return 0; /* lowercased text: every word looks like a name */
    /* "Highway 101", "Route 66", "exit 42": a road's number, not a house's;
     * "Level 3" is a floor; "March 1, 2021" a date */
    static const struct {
        char w[14];
        unsigned char l;
    } routes[] = {{"highway", 7},
                  {"hwy", 3},
                  {"route", 5},
                  {"rte", 3},
                  {"interstate", 10},
                  {"motorway", 8},
                  {"autobahn", 8},
                  {"exit", 4},
                  {"junction", 8},
                  {"statale", 7}, /* Italian "Strada Statale 16" */
                  /* German federal and state roads, named alone ("Bundesstraße 96";
                   * "Brucker Bundesstrasse 31" is a street) */
                  {"bundesstrasse", 13},
                  {"bundesstrase", 12},
                  {"staatsstrasse", 13},
                  {"staatsstrase", 12}};
    for (size_t r = 0; r < sizeof routes / sizeof routes[0]; r++)
        if (last_fl == routes[r].l && !memcmp(last_f, routes[r].w, last_fl) &&
            (r < 10 || last_s == w.s))
            return 0;
    if (unit_word(c, &w) || decimal_after(s, n, t.e) || date_at(s, n, w.s) ||
        (last_s != w.s && date_at(s, n, last_s)))
        return 0;
    word u; /* "la Calle Mayor 2 cuadras": a distance along the street */
    if (t.e + 1 < n && s[t.e] == ' ' && next_word(c, t.e, &u) && time_or_measure(u.f, u.fl))
        return 0;
    end = door_number(s, n, letter_suffix(s, n, t.e));
    if (end < n && s[end] == '.' && (end + 1 >= n || !pii_is_digit(s[end + 1])))
        end++; /* "Rákóczi út 13." */
    /* a numbered street, then the house's number: "Calle 23 No. 530" */
    size_t ns = end + 1 < n && s[end] == ' ' ? number_sign_end(s, n, end + 1, 0) : 0;
    if (ns) { /* and Colombia's plate "Carrera 65 No. 61-11" */
        end = ns + 1;
        while (end < n &&
               (pii_is_digit(s[end]) || (s[end] == '-' && end + 1 < n && pii_is_digit(s[end + 1]))))
            end++;
        named++;
    }
    /* a street type and a number alone ("Gate 282", "Plaza 300 sofa", "The
     * Crescent 12") name no street without more: a unit, a postcode, a cue */
    /* 0.4: one word a list knows, a street type, a word, a name or a place
     * ("Apollo 11", "Studio 54", "Gate 12", "Halle 18"): the shape of a
     * numbered thing */
    bool bare = names == 1 && (!named || listed) && !number_sign_end(s, n, w.s, 0); /* "No. 88" */
    *strength = streetw && named ? 0.8f : bare ? 0.4f : 0.45f;
    (void)unknown;
    return end;
}

/* After "Tungata 11" or "P.O. Box 149", on the same line: more name words
 * ending in a street type ("Rott Crossroad", "Monika Union"), or a second
 * number before a unit ("Strada Provinciale 65 22 Suite 455"). Returns the
 * new end, or `end`. */
static size_t street_continue(const pii_ctx *c, size_t end)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (end == 0 || end >= n || s[end] != ' ' || !pii_is_digit(s[end - 1])) return end;
    word x;
    if (!next_word(c, end, &x)) return end;
    if (house_number(&x, s)) {
        word u;
        return next_word(c, x.e, &u) && unit_word(c, &u) ? x.e : end;
    }
    size_t pos = end;
    for (int k = 0; k < 4; k++) {
        /* "Calle 5 de Mayo #319": a street named after a date, then the number */
        if (k > 0 && pos + 2 < n && s[pos] == ' ' && s[pos + 1] == '#' &&
            pii_is_digit(s[pos + 2])) {
            pos += 2;
            while (pos < n && pii_is_alnum(s[pos]))
                pos++;
            return pos;
        }
        if (!next_word(c, pos, &x) || x.digits || x.s != pos + 1) return end;
        bool sw = street_word(c, &x) || weak_street_word(c, &x);
        if (!(x.cap || particle(c, &x) || (k > 0 && sw))) return end;
        if (unit_word(c, &x)) return end;
        pos = x.e;
        if (sw && k > 0) return pos < n && s[pos] == '.' ? pos + 1 : pos;
        if (pos >= n || s[pos] != ' ') return end;
    }
    return end;
}

/* After a house number, the cross streets that place it: "Av. Amazonas
 * N22-16 y Av. Patria", Cuba's "Calle 23 No. 530 e/ L y M", Senegal's "Rue 10
 * x 13". The words of libpostal's cross_streets.txt (Spanish, Portuguese,
 * French) that take names; the names run to the next comma. Returns the
 * new end, or e. */
static size_t cross_streets(const pii_ctx *c, size_t e)
{
    static const char *const joins[] = {" y ",       " e/ ", " entre ", " esq. ",
                                        " esquina ", " x ",  " e ",     " et "};
    const unsigned char *s = c->s;
    size_t n = c->n, p = 0;
    if (e == 0 || e + 3 >= n || s[e] != ' ' || !pii_is_digit(s[e - 1])) return e;
    for (size_t k = 0; !p && k < sizeof joins / sizeof joins[0]; k++) {
        size_t l = strlen(joins[k]);
        if (e + l < n && !memcmp(s + e, joins[k], l)) p = e + l - 1;
    }
    if (!p) return e;
    size_t end = e;
    word x;
    for (int k = 0; k < 6 && next_word(c, p, &x) && x.s == p + 1; k++) {
        bool join = (x.fl == 1 && (x.f[0] == 'y' || x.f[0] == 'x' || x.f[0] == 'e')) ||
                    (x.fl == 2 && !memcmp(x.f, "et", 2));
        if (!(x.cap || x.digits || join || street_word(c, &x) || particle(c, &x))) break;
        p = x.e + (x.e < n && s[x.e] == '.');
        if (!join) end = p;
        if (p >= n || s[p] != ' ') break;
    }
    return end;
}

/* Does the word that ends at e give a way, not a place ("turn left on Main
 * Street", "head north on Avenida Paulista", "traffic on Oxford Street")? */
static bool direction_before(const unsigned char *s, size_t e)
{
    static const char *const ways[] = {"left",  "right", "turn",     "north",    "south",
                                       "east",  "west",  "straight", "continue", "traffic",
                                       "drive", "walk",  "queue",    "parade"};
    if (e == 0 || e == SIZE_MAX || s[e] != ' ') return false;
    size_t b = e;
    while (b > 0 && pii_is_alpha(s[b - 1]) && e - b < 9)
        b--;
    if (b == e || (b > 0 && pii_is_alpha(s[b - 1]))) return false;
    for (size_t k = 0; k < sizeof ways / sizeof ways[0]; k++)
        if (strlen(ways[k]) == e - b && pii_icase_eq(s + b, ways[k], e - b)) return true;
    return false;
}

/* Is the word that ends at e capitalised inside a sentence (after a label's
 * colon too: "Tonight: Nightmare on ..."), so that "on" after it joins a title's words ("Nightmare
 * on Elm Street", "Murder on Main Street"), not a verb's place ("lives on Elm Street")? */
static bool title_word_before(const unsigned char *s, size_t e)
{
    if (e == 0 || e == SIZE_MAX) return false; /* "on" starts the text */
    size_t a = e;
    while (a > 0 && pii_is_alpha(s[a - 1]))
        a--;
    if (a == e || !pii_is_upper(s[a])) return false;
    size_t k = a;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k == 0 || k == a) return false;
    unsigned char p = s[k - 1]; /* a sentence's first word is capitalised anyway */
    return p != '.' && p != '!' && p != '?' && p != '\n' && p != '"' && p != '(';
}

/* "lives on Elm Street", "shows on Marina Fort Street": a street named
 * without a number, after "on" or "at", ending in an unambiguous type. */
static size_t named_street_at(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (i < 3 || s[i - 1] != ' ' || (i > 3 && pii_is_alpha(s[i - 4]))) return 0;
    unsigned a = s[i - 3] | 32, b = s[i - 2] | 32;
    if (!((a == 'o' && b == 'n') || (a == 'a' && b == 't'))) return 0;
    if (i > 3 && direction_before(s, i - 4)) return 0;  /* "turn left on Main Street" */
    if (i > 3 && title_word_before(s, i - 4)) return 0; /* "Nightmare on Elm Street" */
    static const struct {
        char w[10];
        unsigned char l;
    } types[] = {{"street", 6}, {"st", 2},        {"road", 4},    {"rd", 2},   {"avenue", 6},
                 {"ave", 3},    {"boulevard", 9}, {"blvd", 4},    {"lane", 4}, {"ln", 2},
                 {"drive", 5},  {"terrace", 7},   {"crescent", 8}};
    size_t pos = i;
    for (int k = 0; k < 4; k++) {
        word x;
        if (!next_word(c, pos, &x) || x.digits || x.s != pos + (k > 0)) return 0;
        bool type = false;
        for (size_t t = 0; t < sizeof types / sizeof types[0] && k > 0; t++)
            type |= x.fl == types[t].l && !memcmp(x.f, types[t].w, x.fl);
        if (!x.cap) return 0;
        pos = x.e;
        if (type) {
            word y; /* "at Apple Street Market": a shop named after a street;
                     * "at Elm Street 139" has a number, read by street_at */
            if (pos + 1 < n && s[pos] == ' ' && next_word(c, pos, &y) &&
                ((y.cap && !y.digits) || house_number(&y, s)))
                return 0;
            return pos < n && s[pos] == '.' && x.fl <= 4 ? pos + 1 : pos;
        }
        if (pos >= n || s[pos] != ' ') return 0;
    }
    return 0;
}

/* The end of a post box's number from e: German groups ("Postfach 10 12
 * 34"), a Kenyan postal code after a dash ("P.O. Box 4238-00100"), a
 * Canadian station ("PO Box 5000 Stn Main", "CP 6128 Succ. Centre-ville"). */
static size_t box_number_end(const unsigned char *s, size_t n, size_t e)
{
    for (int g = 0; g < 2 && e + 3 <= n && s[e] == ' ' && pii_is_digit(s[e + 1]) &&
                    pii_is_digit(s[e + 2]) && (e + 3 == n || !pii_is_alnum(s[e + 3]));
         g++)
        e += 3;
    size_t d = e + 1;
    while (e < n && s[e] == '-' && d < n && pii_is_digit(s[d]) && d - e <= 6)
        d++;
    if (d - e >= 4 && (d == n || !pii_is_alnum(s[d]))) e = d;
    static const char *const stations[] = {" Stn ", " STN ", " Station ", " Succ. ",
                                           " Succursale "};
    for (size_t k = 0; k < sizeof stations / sizeof stations[0]; k++) {
        size_t l = strlen(stations[k]), q = e + l;
        if (e + l < n && !memcmp(s + e, stations[k], l) && pii_is_alnum(s[q])) {
            while (q < n && (pii_is_alnum(s[q]) || s[q] == '-'))
                q++;
            return q;
        }
    }
    return e;
}

/* The post box b named at i ("P.O. Box 149", "Τ.Θ. 1234", South African
 * "Private Bag X9"): the end of its number, or 0. */
static size_t box_named_at(const pii_ctx *c, size_t i, const pii_post_box *b)
{
    const unsigned char *s = c->s;
    size_t n = c->n, l = b->l;
    if ((s[i] | 32) != ((unsigned char)b->w[0] | 32) || i + l + 1 >= n ||
        !pii_icase_eq(s + i, b->w, l))
        return 0;
    size_t e = i + l;
    if (!b->shrt && pii_is_upper(s[e]) && pii_is_digit(s[e + 1])) e++;
    if (!pii_is_digit(s[e])) return 0;
    while (e < n && pii_is_digit(s[e]) && e - i - l < 8)
        e++;
    if (e < n && (pii_is_alnum(s[e]) || s[e] == '/')) return 0; /* "BP 120/80" */
    if (b->shrt) { /* a postcode next: "BP 123, 13001 Marseille" */
        size_t q = e + (e < n && s[e] == ',');
        while (q < n && (s[q] == ' ' || s[q] == '\n'))
            q++;
        if (q == e || q >= n || !pii_is_digit(s[q])) return 0;
    }
    return box_number_end(s, n, e);
}

/* Military and box addresses: "PSC 1437, Box 3833", "Unit 8524 Box 0979",
 * "USNS Vincent", rural routes "RR 2 Box 45", post boxes. Returns the end
 * of the first line or of the box's number. */
static size_t box_at(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    static const char *const ships[] = {"USNS ", "USNV ", "USS ", "USCGC "};
    unsigned f = s[i] | 32;
    for (size_t k = 0; f == 'u' && k < 4; k++) {
        size_t l = strlen(ships[k]);
        if (i + l < n && pii_icase_eq(s + i, ships[k], l) && pii_is_alpha(s[i + l])) {
            size_t e = i + l;
            while (e < n && s[e] != '\n' && e - i < 40)
                e++;
            return e;
        }
    }
    /* a box's number follows its name (router/data/post_boxes*.txt), the
     * longest of 23 bytes: the next digit (ew__pii_scan_address has cached
     * it) must be that near */
    bool near = c->next_digit == SIZE_MAX || c->next_digit < i || c->next_digit - i <= 24;
    unsigned key = pii_is_upper(s[i]) ? s[i] | 32u : s[i];
    for (unsigned k = ew__pii_post_box_index[key]; near && k < ew__pii_post_box_index[key + 1];
         k++) {
        size_t e = box_named_at(c, i, &ew__pii_post_boxes[k]);
        if (e) return e;
    }
    if (f != 'p' && f != 'u' && f != 'r' && f != 'h') return 0;
    if (i + 4 < n && (pii_icase_eq(s + i, "PSC ", 4) || pii_icase_eq(s + i, "Unit ", 5) ||
                      pii_icase_eq(s + i, "RR ", 3) || pii_icase_eq(s + i, "R.R. ", 5) ||
                      pii_icase_eq(s + i, "HC ", 3))) {
        size_t e = i;
        while (e < n && s[e] != '\n' && e - i < 40)
            e++;
        for (size_t k = i; k + 4 <= e; k++)
            if (pii_icase_eq(s + k, "Box ", 4)) return e;
    }
    return 0;
}

/* Mail held at a post office for collection, which has no number: Canada's
 * "General Delivery", "Poste restante", Spain's "Lista de Correos". Its end
 * when a comma or line follows, else 0; the caller wants a postcode after. */
static size_t held_mail_at(const pii_ctx *c, size_t i)
{
    static const char *const names[] = {"General Delivery", "Poste restante", "Lista de Correos",
                                        "Posta restante"};
    const unsigned char *s = c->s;
    unsigned f = s[i] | 32;
    if (f != 'g' && f != 'p' && f != 'l') return 0;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t l = strlen(names[k]);
        if (i + l + 1 < c->n && (s[i] | 32) == (names[k][0] | 32) &&
            pii_icase_eq(s + i, names[k], l) && (s[i + l] == ',' || s[i + l] == '\n'))
            return i + l;
    }
    return 0;
}

/* "APO AE 09012": APO/FPO/DPO, an armed-forces code, a ZIP code. */
static bool military_line(const unsigned char *s, size_t n, size_t i)
{
    if (i + 12 > n || !(pii_icase_eq(s + i, "APO ", 4) || pii_icase_eq(s + i, "FPO ", 4) ||
                        pii_icase_eq(s + i, "DPO ", 4)))
        return false;
    if (!pii_is_alpha(s[i + 4]) || !pii_is_alpha(s[i + 5]) || s[i + 6] != ' ') return false;
    for (size_t k = i + 7; k < i + 12; k++)
        if (!pii_is_digit(s[k])) return false;
    return i + 12 == n || !pii_is_alnum(s[i + 12]);
}

/* Does a floor's side or level word start at k ("izda.", "Dto", "th.",
 * "OG", "planta")? Its end (after a full stop), or 0. */
static size_t floor_word(const unsigned char *s, size_t n, size_t k)
{
    static const char *const sides[] = {
        "izq", "izqda",   "izda",  "dcha",  "dcho",   "der",  "drcha", "esq",
        "dto", "dta",     "dt",    "fte",   "planta", "piso", "andar", /* Iberian: left, right,
                                                                          front, floor */
        "th",  "tv",      "mf",                    /* Danish: til højre, til venstre, midt for */
        "og",  "eg",      "etage", "stock", "stg", /* German: Obergeschoss, Erdgeschoss */
        "tr",  "trappor",                          /* Swedish: the floor (stairs up) */
        "em",  "emelet"};                          /* Hungarian: "II. em. 3." */
    size_t e = k;
    while (e < n && pii_is_alpha(s[e]) && e - k < 7)
        e++;
    if (e == k || (e < n && (pii_is_alnum(s[e]) || s[e] >= 0x80))) return 0;
    for (size_t q = 0; q < sizeof sides / sizeof sides[0]; q++)
        if (strlen(sides[q]) == e - k && pii_icase_eq(s + k, sides[q], e - k))
            return e < n && s[e] == '.' ? e + 1 : e;
    return 0;
}

/* After a floor's word, its door's number: Hungarian "II. em. 3.". */
static size_t door_after_floor(const unsigned char *s, size_t n, size_t e)
{
    size_t k = e + 1;
    if (k >= n || s[e] != ' ' || !pii_is_digit(s[k])) return e;
    while (k < n && pii_is_digit(s[k]) && k - e <= 3)
        k++;
    if (k < n && s[k] == '.') k++;
    return k < n && pii_is_alnum(s[k]) ? e : k;
}

/* A floor and door: "3º B", "1ºA", "2ª", "4.º izda.", "6ª planta", Danish
 * "2. th.", "st. tv.", German "3. OG". Its end, or 0. */
static size_t floor_at(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i, fw;
    while (k < n && pii_is_digit(s[k]) && k - i < 3)
        k++;
    if (k == i) /* a floor in Roman numerals: Hungarian "II. em. 3." */
        while (k < n && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X') && k - i < 4)
            k++;
    if (k == i) { /* Danish "st. tv." (stuen, the ground floor) */
        return i + 4 < n && pii_icase_eq(s + i, "st. ", 4) ? floor_word(s, n, i + 4) : 0;
    }
    if (k + 3 < n && s[k] == '.' && s[k + 1] == ' ' && (fw = floor_word(s, n, k + 2)) != 0)
        return door_after_floor(s, n, fw); /* "2. th.", "3. OG", "II. em. 3." */
    if (!pii_is_digit(s[i])) return 0;
    if (k + 2 < n && s[k] == ' ' && (fw = floor_word(s, n, k + 1)) != 0 &&
        (pii_icase_eq(s + k + 1, "tr", 2) || pii_icase_eq(s + k + 1, "og", 2) ||
         pii_icase_eq(s + k + 1, "etage", 5)))
        return fw;                                         /* Swedish "5 tr" (trappor), "3 OG" */
    if (k + 1 < n && s[k] == '.' && s[k + 1] == 0xC2) k++; /* "4.º" */
    if (k + 1 >= n || s[k] != 0xC2 || (s[k + 1] != 0xBA && s[k + 1] != 0xAA && s[k + 1] != 0xB0))
        return 0; /* º ª, or the degree sign written for them ("5° B") */
    k += 2;
    size_t door = k + 1; /* Spanish floor and door "2º 1ª" */
    while (door < n && pii_is_digit(s[door]) && door - k <= 2)
        door++;
    if (door > k + 1 && door + 1 < n && s[k] == ' ' && s[door] == 0xC2 &&
        (s[door + 1] == 0xBA || s[door + 1] == 0xAA))
        return door + 2;
    if (k + 1 < n && s[k] == ' ' && (fw = floor_word(s, n, k + 1)) != 0)
        k = fw; /* "6º izq.", "2ª planta", "1.º Dto" */
    else if (k + 1 < n && s[k] == ' ' && pii_is_upper(s[k + 1]) &&
             (k + 2 >= n || !pii_is_alpha(s[k + 2])))
        k += 2;
    else if (k < n && pii_is_upper(s[k]) && (k + 1 >= n || !pii_is_alpha(s[k + 1])))
        k++;
    return k;
}

/* A unit written with a number sign at i (spaces before it skipped): "#401",
 * Singapore's floor and unit "#05-67", Colombian plate numbers "# 11-26",
 * "No. 71-21" (the cross street and the distance). Its end, or 0. */
static size_t hash_unit(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    size_t k, ns = i + 1 < n && s[i] == 'N' ? number_sign_end(s, n, i, 0) : 0;
    if (ns)
        k = ns + 1;
    else if (i + 1 < n && s[i] == '#')
        k = i + 1 + (s[i + 1] == ' ');
    else
        return 0;
    if (k >= n || !pii_is_digit(s[k])) return 0;
    size_t d = k;
    while (k < n && (pii_is_alnum(s[k]) || (s[k] == '-' && k + 1 < n && pii_is_digit(s[k + 1]))))
        k++;
    if (ns && !memchr(s + d, '-', k - d)) return 0; /* "No. 5" alone is a house number */
    return k;
}

/* A word that names an administrative area before its name or number: the
 * ward, district, province or city of Vietnam (phường, quận, huyện, xã, tỉnh,
 * thành phố and their "P.", "Q.", "TP."), Indonesia (Kel., Kec., Kab.,
 * Kota), Thailand (Khet, Khwaeng, Amphoe, Tambon), Mexico (Col.), India
 * (Dist.). Compared folded, as the word tables hold them. */
static bool admin_word(const unsigned char *s, size_t n, const word *w)
{
    static const char *const areas[] = {"phuong", "quan", "huyen", "xa",     "tinh",    "kel",
                                        "kec",    "kab",  "kota",  "khet",   "khwaeng", "amphoe",
                                        "tambon", "col",  "dist",  "tehsil", "taluk"};
    static const char *const dotted[] = {"p", "q", "tp"}; /* only with a full stop */
    bool dot = w->e < n && s[w->e] == '.';
    for (size_t k = 0; dot && k < sizeof dotted / sizeof dotted[0]; k++)
        if (strlen(dotted[k]) == w->fl && !memcmp(w->f, dotted[k], w->fl)) return true;
    for (size_t k = 0; k < sizeof areas / sizeof areas[0]; k++)
        if (strlen(areas[k]) == w->fl && !memcmp(w->f, areas[k], w->fl)) return true;
    return thai_area(s, w); /* "แขวงคลองเตย" */
}

/* A word without a vowel is an abbreviation ("Brgy.", "Blvd.", "Bldg."): its
 * full stop ends no sentence. */
static bool abbreviation(const word *x)
{
    for (size_t k = 0; k < x->fl; k++)
        if (x->f[k] < 'a' || x->f[k] > 'z' || strchr("aeiou", x->f[k])) return false;
    return x->fl > 1;
}

/* Is [i, e) (one line or comma part) a continuation of an address? Returns
 * 2 for a strong part (unit, postal code, country), 1 for a weak one (city,
 * state), 0 for none; *pe gets the end of the address-like words, so
 * "IL 62704 tomorrow" keeps "IL 62704". */
static int tail_part(const pii_ctx *c, size_t i, size_t e, bool lower, size_t *pe)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    word w;
    size_t he = hash_unit(s, n, i);
    if (he && he <= e) { /* "#05-67" */
        *pe = he;
        return 2;
    }
    if (!next_word(c, i, &w) || w.s >= e) return 0;
    if (military_line(s, n, w.s)) {
        *pe = w.s + 12;
        return 2;
    }
    size_t be = box_at(c, w.s); /* "Plot 77, Kampala Road, P.O. Box 9215, Kampala" */
    if (be && be <= e) {
        *pe = be;
        return 2;
    }
    if (unit_at(c, &w)) {
        word x;
        size_t p = w.e + (w.e < n && (s[w.e] == '.' || s[w.e] == ':'));
        if (next_word(c, p, &x) && x.s < e &&
            (x.digits || (x.e == x.s + 1 && pii_is_upper(s[x.s])))) {
            *pe = x.e; /* "Apt 4", "Bloco C", "Bât. C" */
            return 2;
        }
        /* "Edif. Parque Cristal": a building's name is read as the part's words */
        if (!admin_word(s, n, &w) && !(next_word(c, p, &x) && x.s < e && x.cap)) return 0;
    }
    if (admin_word(s, n, &w)) { /* "phường Phan Chu Trinh", "Q. 3", "Kec. Menteng" */
        size_t p = w.e + (w.e < n && s[w.e] == '.'), last = 0;
        word x;
        for (int k = 0; k < 4 && next_word(c, p, &x) && x.s < e && (x.cap || x.digits || lower);
             k++)
            last = p = x.e;
        if (!last) return 0;
        *pe = last;
        return 2;
    }
    size_t fe = floor_at(s, n, w.s);
    if (fe && fe <= e) { /* "3º B" */
        *pe = fe;
        return 2;
    }
    int words = 0, postal = 0, place = 0, digits = 0;
    size_t p = w.s, last = 0;
    while (p < e) {
        word x;
        while (p < e && (s[p] == ' ' || s[p] == '(')) /* "ΑΓΛΑΝΤΖΙΑ (ΑΓΛΑΓΓΙΑ)" */
            p++;
        if (!next_word(c, p, &x) || x.s >= e) break;
        unsigned g = word_gaz(c, &x);
        bool ok = true;
        /* "Card:" labels what follows; a line that starts with a label
         * ("Fecha de nacimiento:") is no part of the address */
        if (x.e < e && s[x.e] == ':') {
            if (words == 0 || (w.s > 0 && s[w.s - 1] == '\n')) return 0;
            break;
        }
        /* Israel's seven digits after the town ("Tel Aviv-Yafo 6688218") */
        bool is_postal =
            (postal_code(&x, s) || (words > 0 && x.e - x.s == 7 && all_digits(&x, s))) &&
            postal < 2;
        if (is_postal) {
            postal++;
            word y2; /* "289 28", "110 00": a postcode in two groups */
            if (x.e - x.s == 3 && all_digits(&x, s) && x.e + 3 <= e && s[x.e] == ' ' &&
                next_word(c, x.e, &y2) && y2.e - y2.s == 2 && all_digits(&y2, s))
                x.e = y2.e;
        } else if (!x.letters) {
            /* "Praha 2", "Dublin 6": a district's number ends the part */
            size_t q = x.e;
            while (q < e && s[q] == ' ')
                q++;
            ok = words > 0 && x.e - x.s <= 2 && all_digits(&x, s) &&
                 (q >= e || (s[q] == '.' && (q + 1 >= n || !pii_is_digit(s[q + 1]))));
            if (ok) e = x.e; /* and the part ends with it */
        } else if (x.cap || lower || is_state_code(&x, s))
            ;
        else if (ordinal_word(&x, s)) {
            word y; /* "4th Cross" names a road; "12th floor reception" is no part */
            ok = !(next_word(c, x.e, &y) && y.s < e && !y.cap && !y.digits);
        } else if (!strncmp(x.f, "nan", 3) && x.fl == 3)
            ;                                     /* a missing field printed by a generator */
        else if (!(particle(c, &x) && words > 0)) /* "Caxias do Sul" */
            ok = false;
        /* a Brazilian CEP "01426-001" or a ZIP+4 "12345-6789" counts as one code */
        bool dashed = is_postal && x.e - x.s >= 9 && s[x.s + 5] == '-';
        for (size_t k = x.s; k < x.e && !dashed; k++)
            digits += pii_is_digit(s[k]);
        /* digit groups past a postal code make a phone number, not an address */
        if (digits > 7 || (!ok && !x.letters)) return 0;
        if (!ok || words == 5) break;
        words++;
        place += (g & EW__GAZ_PLACE) != 0;
        last = x.e;
        p = x.e;
        if (p < e && (s[p] == ':' || s[p] == '@' || s[p] == '?' || s[p] == '!' || s[p] == ';'))
            break;
        if (p + 1 < e && s[p] == '.' && s[p + 1] == ' ' && x.e - x.s > 3 && !abbreviation(&x) &&
            !unit_word(c, &x))
            break; /* a full stop after a word (not "St.", "Brgy.", "Edif.") ends the address */
        while (p < e && (s[p] == ',' || s[p] == '(' || s[p] == ')' || s[p] == '.'))
            p++;
    }
    if (words == 0) return 0;
    *pe = last;
    if (last < n && s[last] == ')') *pe = last + 1; /* "Cyprus (Greek)" */
    return postal || place ? 2 : 1;
}

static size_t line_end(const unsigned char *s, size_t n, size_t i)
{
    const unsigned char *nl = memchr(s + i, '\n', n - i);
    return nl ? (size_t)(nl - s) : n;
}

/* " - " between the parts of a Brazilian address ("Av. Paulista, 1578 -
 * Bela Vista, São Paulo - SP, 01310-200") separates like a comma. */
static bool dash_sep(const unsigned char *s, size_t n, size_t p)
{
    return p + 2 < n && s[p] == ' ' && s[p + 1] == '-' && s[p + 2] == ' ';
}

/* Extends an address over same-line ", part" pieces and following lines. */
static size_t extend(const pii_ctx *c, size_t end, int *strong)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    int weak_run = 0;
    size_t best = end;
    bool after_unit = false; /* "Apt. 934 OULU NO": a city may follow a unit */
    int dashes = 0;          /* " - " parts: "Jardins, São Paulo - SP, 01426-001" */
    for (int guard = 0; guard < 12; guard++) {
        size_t p = end, q;
        if (p + 1 < n && s[p] == '.' && s[p + 1] == ',') p++; /* "Xinyi Dist., Taipei" */
        while (p < n && (s[p] == ' ' || s[p] == '\t'))
            p++;
        if (p < n && s[p] == ',') {
            p++;
        } else if (p + 1 < n && s[p] == 0xD8 && s[p + 1] == 0x8C) {
            p += 2; /* the Arabic comma */
        } else if (dash_sep(s, n, end)) {
            p = end + 2;
            dashes++;
        } else if (p == end && p + 1 < n && s[p] == ';' &&
                   (pii_is_alnum(s[p + 1]) || s[p + 1] >= 0xC2)) {
            p++; /* vCard ADR fields: "1004 Main St;Springfield;IL;62701" */
        } else if (p < n && s[p] == '\n') {
            p++;
            if (p < n && s[p] == '\n') break; /* a blank line ends the block */
            while (p < n &&
                   (s[p] == ' ' || s[p] == '>' || s[p] == '?' || s[p] == ',' || s[p] == '\t'))
                p++;
        } else if (p == end + 1 && (q = hash_unit(s, n, p)) != 0) {
            /* "Lincoln St #401", Colombian "Calle 93 # 11-26" */
            *strong += 1;
            best = end = q;
            after_unit = true;
            continue;
        } else if (p < n && p == end + 1 && (pii_is_alnum(s[p]) || s[p] >= 0xC2)) {
            /* same line, space separated: a unit or a postal code right after */
            word w;
            if (!next_word(c, p, &w)) break;
            if (!(unit_at(c, &w) || military_line(s, n, p) || floor_at(s, n, p) ||
                  thai_area(s, &w) || thai_prefix(s + w.s, w.e - w.s, thai_streets, 2) ||
                  (after_unit && (w.cap || postal_code(&w, s)))))
                break; /* "Apt 4", "APO AE 09012", Argentine "5° B", Thai "ชั้น 21 ถนน..." */
        } else {
            break;
        }
        /* the part runs to the next comma or line end */
        size_t le = line_end(s, n, p), pe = p;
        while (pe < le && s[pe] != ',' && s[pe] != ';' && !dash_sep(s, n, pe))
            pe++;
        size_t te = p;
        int t = tail_part(c, p, pe, !c->seen_upper, &te);
        if (!t) break;
        word first;
        after_unit = (next_word(c, p, &first) && unit_word(c, &first)) || hash_unit(s, n, p);
        if (t == 2) {
            *strong += 1;
            weak_run = 0;
            best = te;
        } else {
            weak_run++;
            if (weak_run > 2 + (dashes > 0)) break;
            best = te;
        }
        end = te;
    }
    return best;
}

/* Cheap filter: an address needs a digit soon, on the same line. The next
 * digit's position is cached, so the text is searched once, not per word. */
bool ew__pii_digit_ahead(pii_ctx *c, size_t i, size_t window)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (c->next_digit == SIZE_MAX || c->next_digit < i) c->next_digit = ew__pii_next_digit(s, n, i);
    size_t d = c->next_digit;
    if (d >= n || d - i > window) return false;
    return !memchr(s + i, '\n', d - i);
}

static bool preceded_by(const unsigned char *s, size_t i, const char *what)
{
    size_t l = strlen(what);
    return i >= l && pii_icase_eq(s + i - l, what, l);
}

/* "the corner of Beiteveien 2 and Sieda Radial": two streets make a place. */
static size_t corner_at(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (!preceded_by(s, i, "corner of ")) return 0;
    /* first street: up to " and " on the same line, at most 60 bytes */
    size_t k = i, lim = i + 60 < n ? i + 60 : n;
    while (k + 5 <= lim && s[k] != '\n' && strncmp((const char *)s + k, " and ", 5))
        k++;
    if (k + 5 > lim || s[k] != ' ' || k == i) return 0;
    size_t b = k + 5, e = b;
    int words = 0;
    word w;
    while (words < 5 && next_word(c, e, &w) && w.s == e + (words ? 1 : 0) &&
           (w.cap || w.digits || particle(c, &w) || street_word(c, &w))) {
        e = w.e + (w.e < n && s[w.e] == '.' ? 1 : 0);
        words++;
        if (e >= n || s[e] != ' ') break;
    }
    if (!words) return 0;
    /* a trailing abbreviation "St." belongs to the street */
    return e;
}

/* "Suite 541 6343 Skogstien 106": a unit written before the street. Returns
 * where the unit starts, or i. */
static size_t unit_before(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    if (i < 4 || s[i - 1] != ' ' || !pii_is_digit(s[i])) return i;
    size_t u = i - 1, k;
    bool comma = s[u - 1] == ','; /* "Room 891, 6-3 Tenjin", "Apt 4B, 120 West 42nd St" */
    if (comma) u--;
    k = u;                                    /* "Suite 541 6343 ..." or "Suite 913 0547 ..." */
    if (comma && pii_is_upper(s[k - 1])) k--; /* "4B" */
    while (k > 0 && pii_is_digit(s[k - 1]))
        k--;
    if (comma && (k == u || !pii_is_digit(s[k]))) return i;
    if (k < u && k >= 2 && s[k - 1] == ' ') u = k - 1;
    if (s[u - 1] == '.') u--;
    size_t b = u;
    while (b > 0 && pii_is_alpha(s[b - 1]))
        b--;
    word w;
    if (b == u || (b > 0 && pii_is_alnum(s[b - 1])) || !next_word(c, b, &w) || !unit_word(c, &w))
        return i;
    return b;
}

/* An address that starts with a flat, plot or villa and a building's or
 * an estate's name before the street, as Indian and Gulf addresses do:
 * "Flat 3B, Sunshine Apartments, 12 MG Road, Bengaluru 560001", "B-193,
 * Shanti Kunj, Station Road, ...", "Villa 23, Street 14, Al Barsha 2, Dubai".
 * Returns the end of the part holding the street word, or 0. */
static size_t unit_first_at(const pii_ctx *c, size_t i, bool *closed)
{
    const unsigned char *s = c->s;
    size_t n = c->n, p, k = i;
    /* cheap filter first: a word, then " 3B", " No. 45", ". 12", "-193" or
     * a letter ("Flat C,") */
    while (k < n && pii_is_alpha(s[k]) && k - i < 10)
        k++;
    if (k == i || k + 2 >= n ||
        !((s[k] == '-' && k == i + 1 && pii_is_digit(s[k + 1])) ||
          ((s[k] == ' ' || s[k] == '.') &&
           (pii_is_digit(s[k + 1]) || s[k + 1] == 'N' || s[k + 1] == 'n' ||
            (s[k + 1] == ' ' && pii_is_digit(s[k + 2])) ||
            (k + 3 < n && pii_is_upper(s[k + 1]) && s[k + 2] == ',')))))
        return 0;
    word w, x;
    if (!next_word(c, i, &w) || w.s != i) return 0;
    if (unit_word(c, &w) || (w.fl == 5 && !memcmp(w.f, "villa", 5)) ||
        (w.fl == 4 && !memcmp(w.f, "plot", 4)) || (w.fl == 5 && !memcmp(w.f, "house", 5)) ||
        (w.fl == 5 && !memcmp(w.f, "block", 5)) || (w.fl == 6 && !memcmp(w.f, "office", 6))) {
        p = w.e + (w.e < n && s[w.e] == '.');
        p = p < n && s[p] == ' ' ? number_sign_end(s, n, p + 1, p) : p; /* "Plot No. 45" */
        if (!next_word(c, p, &x) || x.e - x.s > 6 ||
            !(pii_is_digit(s[x.s]) || (x.e == x.s + 1 && pii_is_upper(s[x.s]))))
            return 0; /* "Flat 3B", Hong Kong's "Flat C" */
        p = x.e;
    } else if (w.e - w.s >= 3 && w.e - w.s <= 6 && pii_is_upper(s[i]) && s[i + 1] == '-' &&
               pii_is_digit(s[i + 2])) {
        p = w.e; /* "B-193" */
    } else {
        return 0;
    }
    bool floor_part = false, postcode = false;
    for (int part = 0; part < 3; part++) {
        /* "Building 12, Norzin Lam, Thimphu 11001": no street word, but two
         * parts and a postcode closing the line */
        if (p + 2 >= n || s[p] != ',' || s[p + 1] != ' ') {
            *closed = postcode && part >= 2;
            return floor_part || *closed ? p : 0;
        }
        p += 1;
        bool sw = false;
        int words = 0;
        postcode = false;
        while (words < 5 && next_word(c, p, &x) && x.s == p + 1 &&
               (x.cap || x.digits || particle(c, &x))) {
            sw |= street_word(c, &x); /* "Lake View Towers" is a building */
            p = x.e + (x.e < n && s[x.e] == '.');
            words++;
            postcode = words > 1 && x.e - x.s >= 4 && x.e - x.s <= 6 && all_digits(&x, s);
            if (p >= n || s[p] != ' ') break;
        }
        if (!words) return 0;
        if (sw) return p;
        /* Hong Kong's floor "12/F" makes a flat in an estate an address
         * without a street: "Flat C, 12/F, Block 3, Kornhill" */
        floor_part |= part == 0 && p >= 2 && s[p - 1] == 'F' && s[p - 2] == '/';
        if (floor_part && part == 2) return p;
    }
    *closed = postcode;
    return floor_part || postcode ? p : 0;
}

/* A British postcode ("OX20 1AB", "SW1A 2AA") or an Irish Eircode ("D02
 * X285") at i: its end, or 0. */
static size_t isles_postcode(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && k - i < 2 && pii_is_upper(s[k]))
        k++;
    size_t letters = k - i;
    if (!letters || k >= n || !pii_is_digit(s[k])) return 0;
    k++;
    bool two_digits = k < n && pii_is_digit(s[k]);
    if (k < n && (two_digits || pii_is_upper(s[k]))) k++;
    if (k + 4 > n || s[k] != ' ') return 0;
    k++;
    if (pii_is_digit(s[k]) && pii_is_upper(s[k + 1]) && pii_is_upper(s[k + 2]))
        k += 3;
    else if (letters == 1 && two_digits && k + 4 <= n && pii_is_alnum(s[k]) &&
             pii_is_alnum(s[k + 1]) && pii_is_alnum(s[k + 2]) && pii_is_alnum(s[k + 3]) &&
             !pii_is_lower(s[k]) && !pii_is_lower(s[k + 3]))
        k += 4; /* Eircode: a routing key and four characters */
    else
        return 0;
    return k == n || !(pii_is_alnum(s[k]) || s[k] >= 0x80) ? k : 0;
}

/* Does a person span already found, with more than capitalisation for it,
 * hold byte p? */
static bool in_person(const pii_ctx *c, size_t p)
{
    for (int k = c->res->n - 1; k >= 0 && k >= c->res->n - 8; k--) {
        const ew_pii_span *sp = &c->res->spans[k];
        if (sp->type == EW_PII_PERSON && sp->score >= 0.7f && sp->start <= p && p < sp->end)
            return true;
    }
    return false;
}

/* Is the line before the one that ends at nl (its '\n') one word after a
 * label line ("Shipping to:\nKalani\n108 Station Gardens")? The word is
 * the addressee, not a house name, unless the label names an address. */
static bool label_line_before(const pii_ctx *c, size_t nl)
{
    const unsigned char *s = c->s;
    size_t b = nl;
    while (b > 0 && s[b - 1] != '\n') {
        if (s[b - 1] == ' ' || pii_is_digit(s[b - 1])) return false;
        b--;
    }
    /* "Address:\nAshgrove\n...": after an address label it is the house */
    return b >= 2 && (s[b - 2] == ':' || (b >= 3 && s[b - 2] == '\r' && s[b - 3] == ':')) &&
           !pii_cue_near(c, CUE_ADDRESS, b, 3);
}

/* Where a British or Irish address ends by the postcode at pc starts: back
 * over up to four lines or comma parts of capitalised words and numbers
 * ("The Old Rectory, The Green, York, YO1 7HH", "Glebe House\nKinsale, Co.
 * Cork\nP17 X285"); a lowercase word, other punctuation or a name stops it. */
static size_t isles_address_start(const pii_ctx *c, size_t pc)
{
    const unsigned char *s = c->s;
    static const char *const joins[] = {"of", "upon", "on", "le", "na", "under"};
    static const char *const house[] = {"House",   "Cottage",  "Farm",    "Lodge", "Barn",
                                        "Rectory", "Vicarage", "Manor",   "Mill",  "End",
                                        "Grange",  "Croft",    "Granary", "Villa", "Bank"};
    size_t b = pc, start = pc;
    int words = 0, lines = 0;
    bool house_part = false; /* "Glebe House" may have been read as a name */
    while (b > 0 && words < 16) {
        size_t p = b;
        while (p > 0 && s[p - 1] == ' ')
            p--;
        if (p > 0 && s[p - 1] == ',') house_part = false;
        while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == ','))
            p--;
        if (p > 0 && s[p - 1] == '\n') {
            house_part = false;
            if (++lines > 4 || label_line_before(c, p - 1)) break;
            p--;
            while (p > 0 && (s[p - 1] == '\r' || s[p - 1] == ' ' || s[p - 1] == ','))
                p--;
        }
        size_t we = p > 1 && s[p - 1] == '.' ? p - 1 : p; /* "St.", "Co." */
        size_t ws = we;
        while (ws > 0 && (pii_is_alnum(s[ws - 1]) || s[ws - 1] == '\'' || s[ws - 1] == '-' ||
                          s[ws - 1] >= 0x80))
            ws--;
        for (size_t k = 0; !house_part && k < sizeof house / sizeof house[0]; k++)
            house_part = strlen(house[k]) == we - ws && !memcmp(s + ws, house[k], we - ws);
        if (ws == we || (!house_part && in_person(c, ws))) break;
        bool cap = pii_is_upper(s[ws]) || pii_is_digit(s[ws]) || s[ws] >= 0xC3;
        bool join = false;
        for (size_t k = 0; !cap && !join && k < sizeof joins / sizeof joins[0]; k++)
            join = strlen(joins[k]) == we - ws && !memcmp(s + ws, joins[k], we - ws);
        if (!cap && !join) break;
        words++;
        b = ws;
        if (cap) start = ws;
    }
    return words >= 2 ? start : pc;
}

/* The word at i (a town) followed by a British or Irish postcode: the
 * address from its house name or number to the postcode. The caller has
 * seen a digit within 40 bytes. */
static void isles_address(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, p = i;
    if (!pii_is_upper(s[i])) return;
    while (p < n && (pii_is_alpha(s[p]) || s[p] >= 0x80))
        p++;
    for (int k = 0; k < 3 && p < n && (s[p] == ',' || s[p] == ' ' || s[p] == '\n'); k++)
        p++;
    size_t pe;
    if (p == i || p >= n || !pii_is_upper(s[p]) || !(pe = isles_postcode(s, n, p))) return;
    size_t st = isles_address_start(c, p);
    if (st < i) ew__pii_add(c, EW_PII_STREET_ADDRESS, st, pe, 0.8f);
}

/* Hebrew writes "to", "in", "from", "the", "and" as a letter before the word
 * ("שלחו לרחוב יפו 78"): where a street word after such a letter at i
 * starts, else i. */
static size_t hebrew_prefix(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    if (i + 4 > c->n || s[i] != 0xD7 || s[i + 2] != 0xD7) return i;
    unsigned b = s[i + 1]; /* ב ה ו כ ל מ ש */
    if (b != 0x91 && b != 0x94 && b != 0x95 && b != 0x9B && b != 0x9C && b != 0x9E && b != 0xA9)
        return i;
    word w;
    return next_word(c, i + 2, &w) && w.s == i + 2 && street_word(c, &w) ? i + 2 : i;
}

size_t ew__pii_scan_address(pii_ctx *c, size_t i)
{
    /* fast exit: no digit ahead, no "US..." box, and no "corner of", "on" or
     * "at" right before (which corner_at and named_street_at need) */
    const unsigned char *s = c->s;
    /* also caches the next digit; a letter of another script takes two or
     * three bytes, so its street's words reach twice as far */
    bool digit = ew__pii_digit_ahead(c, i, s[i] < 0x80 ? 48 : 96);
    if (c->next_digit < c->n && c->next_digit - i <= 40)
        isles_address(c, i); /* its postcode may be on the next line */
    unsigned p2 = i >= 3 && s[i - 1] == ' ' ? s[i - 2] | 32 : 0;
    if (p2 != 'f' && p2 != 'n' && p2 != 't' && !((s[i] | 32) == 'u' && i + 3 < c->n) && !digit)
        return 0;
    float strength = 0;
    size_t ce = corner_at(c, i);
    if (ce) {
        ew__pii_add(c, EW_PII_STREET_ADDRESS, i, ce, 0.85f);
        return ce;
    }
    if ((ce = named_street_at(c, i)) != 0) {
        bool cue = pii_cue_near(c, CUE_ADDRESS, i, 40);
        word y; /* "Wall Street analysts", "Main Street shops": a street as a modifier */
        if (!cue && ce + 1 < c->n && s[ce] == ' ' && next_word(c, ce, &y) && !y.cap && !y.digits &&
            !(word_kw(c, &y) & (PII_KW_FUNC | PII_KW_VERB)))
            return ce;
        ew__pii_add(c, EW_PII_STREET_ADDRESS, i, ce, cue ? 0.85f : 0.6f);
        return ce;
    }
    if (!digit && !((c->s[i] | 32) == 'u' && i + 3 < c->n && (c->s[i + 1] | 32) == 's')) return 0;
    size_t e = box_at(c, i);
    int strong = 0;
    bool closed = false; /* a unit-first address ended by its postcode */
    if (!e && (e = held_mail_at(c, i)) != 0) {
        size_t full = extend(c, e, &strong);
        if (!strong) return 0;
        ew__pii_add(c, EW_PII_STREET_ADDRESS, i, full, 0.9f);
        return full;
    }
    if (e) {
        strength = 0.9f;
    } else if ((e = unit_first_at(c, i, &closed)) != 0) {
        size_t full = extend(c, e, &strong);
        strong += closed;
        if (strong || full > e) { /* a postal code, a unit or a town after it */
            ew__pii_add(c, EW_PII_STREET_ADDRESS, i, full, strong ? 0.9f : 0.75f);
            return full;
        }
        e = 0;
    }
    if (!e) i = hebrew_prefix(c, i);
    if (!e) { /* after a number sign ("No. 12 Gana Street", "Số 174 đường ...") from its number */
        size_t ns = c->next_digit - i <= 6 ? number_sign_end(s, c->n, i, 0) : 0;
        e = ns ? street_at(c, ns + 1, &strength) : 0;
        if (!e) e = street_at(c, i, &strength);
        if (!e) return 0;
    }
    i = unit_before(c, i);
    size_t more = street_continue(c, cross_streets(c, e));
    if (more > e && strength < 0.8f) strength = 0.8f;
    e = more;
    strong = 0;
    size_t full = extend(c, e, &strong);
    float sc = strength;
    if (strong) sc += 0.25f;
    /* a known word and a number, nothing after ("Meet me at Apollo 11",
     * "Studio 54", "Gate 12"): the shape of a numbered thing, which a cue in
     * prose does not make a street (a field's label does) */
    if (pii_cue_near(c, CUE_ADDRESS, i, 40) && !(strength < 0.42f && full == e)) sc += 0.25f;
    if (pii_cue_near(c, CUE_NEG, i, 16)) sc -= 0.3f;
    if (sc > 0.99f) sc = 0.99f;
    if (sc < 0.5f) return 0;
    ew__pii_add(c, EW_PII_STREET_ADDRESS, i, full, sc);
    return full;
}
