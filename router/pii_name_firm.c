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

/* the first letters of the firms above, a bit per letter a..z */
#define FIRM_INITIALS 0x16EFEFFU

bool ew__pii_firm_at(const unsigned char *s, size_t n, size_t ss, size_t se)
{
    unsigned f0 = (s[ss] | 32) - 'a';
    if (f0 >= 26 || !((FIRM_INITIALS >> f0) & 1)) return false;
    char buf[64];
    size_t bl = 0, i = ss;
    for (int words = 0; words < 4 && i < n;) {
        size_t e = i;
        while (e < n && (pii_is_alpha(s[e]) || s[e] >= 0x80 || s[e] == '\''))
            e++;
        if (e == i) break;
        char f[EW__GAZ_MAX_WORD];
        size_t fl = ew__gaz_fold_word(s + i, e - i, f);
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
        /* the next word: after one space inside the run, "-" or " & " */
        if (e < n && s[e] == '-')
            i = e + 1;
        else if (e + 1 < n && s[e] == ' ' && s[e + 1] != '&' && e < se)
            i = e + 1;
        else if (e + 3 < n && s[e] == ' ' && s[e + 1] == '&' && s[e + 2] == ' ')
            i = e + 3;
        else
            break;
    }
    return false;
}
