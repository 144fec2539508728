/* Names in the grammar of inflected languages. The gazetteer lists names in
 * their nominative ("Tomasz Wójcik", "Mikko Virtanen", "Nagy János"), but
 * text writes them in the case the sentence asks for: Polish "z Tomaszem
 * Wójcikiem", Czech "Lukášovi Černému", Lithuanian "Jonui Kazlauskui",
 * Latvian "Jānim Ozolam", Finnish "Mikko Virtaselle", Estonian "Jaan
 * Saarega", Hungarian "Nagy Jánosnak", "Kovács Évával", Russian and
 * Ukrainian "Алексеем Смирновым", "Тарасові Бондаренку" (looked up in their
 * Latin spelling, pii_translit.c), Greek "Γιώργου Παπαδόπουλου", Turkish
 * "Demir'e". A word no list has is stripped of a case ending of those
 * languages and the nominative endings put back in turn; the first listed
 * given name or surname found (no ordinary word, no place) gives the flags.
 * The endings are the languages' grammar (their declension tables), not
 * any set's words. */
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

/* A case ending and the nominative endings that may replace it, '|'
 * between them ("" is the bare stem). Folded ASCII: "ą" is "a", "ě" is "e". */
typedef struct infl_rule {
    const char *end;
    const char *reps;
} infl_rule;

static const infl_rule rules[] = {
    /* Finnish -nen surnames: genitive, allative, adessive, elative, illative,
     * essive, ablative ("Virtasen", "Virtaselle", "Koskisella") */
    {"selle", "nen"},
    {"sella", "nen"},
    {"sesta", "nen"},
    {"selta", "nen"},
    {"seen", "nen"},
    {"sena", "nen"},
    {"sen", "nen"},
    /* Finnish and Estonian local cases ("Heikkilälle", "Tammele", "Saarega") */
    {"lle", ""},
    {"lla", ""},
    {"lta", ""},
    {"ssa", ""},
    {"sta", ""},
    {"ele", ""},
    {"ega", ""},
    {"elt", ""},
    {"ga", ""},
    {"le", ""},
    /* Hungarian dative, instrumental, adessive, ablative, allative,
     * causal ("Jánosnak", "Évával", "Péterhez") */
    {"nak", ""},
    {"nek", ""},
    {"val", ""},
    {"vel", ""},
    {"nal", ""},
    {"nel", ""},
    {"tol", ""},
    {"hoz", ""},
    {"hez", ""},
    {"ert", ""},
    /* Slavic instrumental and dative, Russian and Ukrainian in Latin letters
     * ("Tomaszowi", "Dvořákovi", "Тарасові", "Алексеем", "Смирновым",
     * "Кузнецовой", "Оксаною", "Алексею") */
    {"owi", "|a"},
    {"ovi", "|a|o"},
    {"evi", ""},
    {"iem", "|y"},
    {"eem", "ey"},
    {"oyu", "a"},
    {"em", "|a|o"},
    {"om", "|a|o"},
    {"ym", "|y"},
    {"im", "i|is|"},
    {"oy", "a"},
    {"oj", "a"},
    {"yu", "y"},
    {"ya", "y"},
    /* Polish, Czech, Slovak adjectival surnames and feminine names
     * ("Kamińskiego", "Černého", "Kamińskiemu", "Zielińskiej", "Janou",
     * "Małgorzacie", "Agnieszce", "Piotrze") */
    {"ego", "i|y"},
    {"eho", "y|a"},
    {"emu", "i|y"},
    {"ej", "a"},
    {"ou", "a|os"},
    {"cie", "ta"},
    {"ce", "ka"},
    {"rze", "r"},
    {"ie", "a|"},
    /* Lithuanian and Latvian ("Jonui", "Rūtai", "Ilzei", "Rūtos", "Ilzes",
     * "Kalniņas", "Ozolam"); Greek feminine genitive ("Κατερίνας") */
    /* Ukrainian and Russian in their own letters, for the names the Latin
     * lists lack ("Тарасові", "Андрієм", "Оксаною", "Бондаренку", "Ольги") */
    {"\xd1\x94\xd0\xb2\xd1\x96", "\xd0\xb9"}, /* -єві: -й */
    {"\xd0\xbe\xd0\xb2\xd1\x96", ""},         /* -ові */
    {"\xd1\x94\xd0\xbc", "\xd0\xb9"},         /* -єм: -й */
    {"\xd0\xb5\xd0\xbc", "\xd0\xb9|"},        /* -ем: -й */
    {"\xd0\xbe\xd1\x8e", "\xd0\xb0"},         /* -ою: -а */
    {"\xd0\xbe\xd0\xb9", "\xd0\xb0"},         /* -ой: -а */
    {"\xd0\xbe\xd0\xbc", "|\xd0\xbe"},        /* -ом: -о */
    {"\xd1\x8b\xd0\xbc", ""},                 /* -ым */
    {"\xd1\x83", "|\xd0\xb0|\xd0\xbe"},       /* -у: -а, -о */
    {"\xd1\x96", "\xd0\xb0"},                 /* -і: -а */
    {"\xd0\xb8", "\xd0\xb0"},                 /* -и: -а */
    {"\xd0\xb5", "\xd0\xb0"},                 /* -е: -а */
    {"\xd0\xb0", ""},                         /* -а */
    {"ui", "as|us|is"},
    {"ai", "a"},
    {"ei", "e"},
    {"os", "a"},
    {"as", "a"},
    {"es", "e"},
    {"am", "s|a"},
    /* the one-letter endings of many of them (Polish, Czech, Croatian,
     * Lithuanian, Latvian, Russian genitive and dative, Greek accusative,
     * Hungarian accusative: "Petra", "Marku", "Jono", "Ozola", "Ольги",
     * "Γιώργο", "Gábort") */
    {"a", "|is|s|as"},
    {"u", "|a|o|as|us|s"},
    {"o", "as|os"},
    {"y", "a|"},
    {"i", "a|e|"},
    {"e", "a|"},
    {"n", ""},
    {"t", ""},
};

/* The flags of a listed name that is no place, else 0 (an English word may
 * be one: "Péternek" is Peter's). A name only the extended lists know
 * counts after a longer ending alone: a letter stripped from a word of
 * another language too often leaves one of their ~35,000 ("Metoda"). */
static unsigned name_flags(const char *w, size_t l, bool ext)
{
    if (l < 4) return 0;
    unsigned g = ew__gaz_lookup(w, l);
    if ((g & EW__GAZ_PLACE) || ((g & EW__GAZ_EXT) && !ext)) return 0;
    return g & (EW__GAZ_FIRST | EW__GAZ_LAST);
}

/* stem + rep; with a vowel put back before the last consonant when the
 * ending took it ("Marka" -> "Marek", "Pawła" -> "Paweł"). */
static unsigned try_stem(const char *f, size_t b, const char *rep, size_t rl, bool drop)
{
    bool ext = !drop;
    char w[EW__GAZ_MAX_WORD + 4];
    if (b + rl + 1 >= sizeof w) return 0;
    memcpy(w, f, b);
    memcpy(w + b, rep, rl);
    unsigned g = name_flags(w, b + rl, ext);
    if (g || !drop || rl || b < 3 || (unsigned char)f[b - 1] >= 0x80) return g;
    w[b - 1] = 'e';
    w[b] = f[b - 1];
    return name_flags(w, b + 1, ext);
}

/* Hungarian instrumental after a consonant doubles it: "Jánossal",
 * "Péterrel", "Katalinnal" -> "János", "Péter", "Katalin". */
static unsigned doubled(const char *f, size_t fl)
{
    if (fl < 7 || f[fl - 1] != 'l' || (f[fl - 2] != 'a' && f[fl - 2] != 'e')) return 0;
    char d = f[fl - 3];
    if (d != f[fl - 4] || d == 'a' || d == 'e' || d == 'i' || d == 'o' || d == 'u') return 0;
    return name_flags(f, fl - 3, true);
}

unsigned ew__pii_infl_gaz(const char *f, size_t fl)
{
    if (fl < 4 || fl >= EW__GAZ_MAX_WORD) return 0;
    /* Turkish writes the case after an apostrophe: "Demir'e", "Ayşe'nin" */
    const char *ap = memchr(f, '\'', fl);
    if (ap) {
        size_t b = (size_t)(ap - f);
        return b >= 3 && fl - b - 1 <= 4 ? name_flags(f, b, true) : 0;
    }
    unsigned g = doubled(f, fl);
    char last = f[fl - 1];
    for (size_t k = 0; !g && k < sizeof rules / sizeof rules[0]; k++) {
        const char *end = rules[k].end;
        size_t el = 1;
        while (end[el])
            el++;
        if (end[el - 1] != last || fl < el + 3 || memcmp(f + fl - el, end, el)) continue;
        size_t b = fl - el;
        for (const char *r = rules[k].reps; !g;) {
            const char *bar = strchr(r, '|');
            size_t rl = bar ? (size_t)(bar - r) : strlen(r);
            g = try_stem(f, b, r, rl, el <= 2);
            if (!bar) break;
            r = bar + 1;
        }
    }
    return g;
}
