/* Firms, brands and houses named after people ("Wells Fargo", "Calvin Klein",
 * "Marks & Spencer"): a run of a person's words that spells one is no
 * person. The list is written for edgeway from general knowledge (CC0;
 * router/data/README.md): large companies, fashion houses, law firms and
 * brands whose names are a given name and a surname, or two surnames. */
#include <stdlib.h>
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

/* folded, words joined by one space, '&' and '-' dropped; sorted (strcmp) */
static const char *const firms[] = {
    "alexander mcqueen", "allen overy", "anne klein", "aston martin", "baker hughes",
    "baker mckenzie", "ben sherman", "bobbi brown", "booz allen", "bristol myers",
    "bristol myers squibb", "burt bees", "calvin klein", "carl zeiss", "carolina herrera",
    "charles schwab", "charles tyrwhitt", "christian dior", "christian louboutin",
    "clifford chance", "colgate palmolive", "dolce gabbana", "donna karan", "dow jones",
    "eli lilly", "elizabeth arden", "emerson electric", "ernst young", "estee lauder",
    "fred perry", "georg jensen", "giorgio armani", "goldman sachs", "guy laroche",
    "harley davidson", "harvey nichols", "henry schein", "herbert smith", "hewlett packard",
    "hugo boss", "jack daniel", "jack daniels", "jack wolfskin", "jean paul gaultier", "jil sander", "jim beam",
    "jimmy choo", "john deere", "john lewis", "johnnie walker", "johnson controls", "jones day",
    "karl lagerfeld", "kate spade", "kenneth cole", "kirkland ellis", "latham watkins",
    "levi strauss", "lockheed martin", "louis vuitton", "marc jacobs", "marks spencer", "mary kay",
    "merrill lynch", "michael kors", "morgan stanley", "northrop grumman", "oscar de la renta",
    "paul smith", "philip morris", "pratt whitney", "procter gamble", "ralph lauren", "ray ban",
    "robert bosch", "rolls royce", "ropes gray", "salvatore ferragamo", "sherwin williams",
    "simpson thacher", "stella mccartney", "steve madden", "sullivan cromwell", "ted baker",
    "thomas cook", "thomson reuters", "tim hortons", "tommy bahama", "tommy hilfiger",
    "tory burch", "vera wang", "vivienne westwood", "walt disney", "warner bros", "wells fargo",
    "white case", "yves saint laurent",
};

static int cmp_firm(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* the first two letters of the firms above: bit (second - 'a') of row (first - 'a') */
static const uint32_t firm_initials[26] = {0x42800, 0x124011, 0x4881, 0x4000, 0x61800, 0x20000, 0x104110, 0x100011, 0x0, 0x4111, 0x111, 0x4011, 0x4111, 0x4000, 0x40000, 0x20081, 0x0, 0x4001, 0x180181, 0x4190, 0x0, 0x110, 0x91, 0x0, 0x200000, 0x0};

bool ew__pii_firm_at(const unsigned char *s, size_t n, size_t ss, size_t se)
{
    unsigned f0 = (s[ss] | 32) - 'a', f1 = ss + 1 < n ? (s[ss + 1] | 32) - 'a' : 26;
    if (f0 >= 26 || f1 >= 26 || !((firm_initials[f0] >> f1) & 1)) return false;
    char buf[64];
    size_t bl = 0, i = ss;
    for (int words = 0; words < 4 && i < n;) {
        size_t e = i;
        while (e < n && (pii_is_alpha(s[e]) || s[e] >= 0x80 || s[e] == '\''))
            e++;
        if (e == i) break;
        char f[EW__GAZ_MAX_WORD];
        size_t fl = 0;
        while (i + fl < e && s[i + fl] < 0x80 && fl < sizeof f) { /* ASCII: lowercased here */
            f[fl] = (char)(s[i + fl] | 32);
            fl++;
        }
        if (i + fl < e) fl = ew__gaz_fold_word(s + i, e - i, f); /* "Estée" */
        if (fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's') fl -= 2; /* "Ben & Jerry's" */
        if (!fl || bl + fl + 2 > sizeof buf) break;
        if (bl) buf[bl++] = ' ';
        memcpy(buf + bl, f, fl);
        bl += fl;
        buf[bl] = 0;
        words++;
        if (words >= 2 && e >= se &&
            bsearch(buf, firms, sizeof firms / sizeof firms[0], sizeof firms[0], cmp_firm))
            return true;
        /* the next word: after one space inside the run (or a second word), "-" or " & " */
        if (e < n && s[e] == '-')
            i = e + 1;
        else if (e + 1 < n && s[e] == ' ' && s[e + 1] != '&' && (e < se || words < 2))
            i = e + 1;
        else if (e + 3 < n && s[e] == ' ' && s[e + 1] == '&' && s[e + 2] == ' ')
            i = e + 3;
        else
            break;
    }
    return false;
}
