/* Person names. A run of capitalised words (with initials "J." and particles
 * "van", "de", "bin" between them) is scored from the gazetteer (given name,
 * surname, ordinary word, place) and from context: a strong cue just before
 * ("my name is", "Dear", "Mr.", "Name:") or a name cue nearby. Ordinary words,
 * places, nationalities and organisation names ("... Inc") do not count. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

#define MAX_PARTS 5

typedef struct part {
    size_t s, e;
    unsigned gaz;
    uint32_t kw;    /* the word's classes and cues (ew__pii_cue_lookup) */
    bool initial;   /* "J." */
    bool particle;  /* "van", "de" */
    bool syllable;  /* "Ji-hoon" (syllable_given) */
    bool hyphened;  /* "Jean-Philippe" (hyphened_names) */
    bool inflected; /* "Gábornak" (ew__pii_infl_gaz) */
} part;

static bool cp_upper_beyond_ascii(const unsigned char *s, size_t n, size_t i)
{
    int l;
    uint32_t cp = ew__pii_decode(s, n, i, &l);
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) /* Latin Extended-A: mostly even = upper */
        return (cp >= 0x139 && cp <= 0x148) || cp >= 0x179 ? (cp & 1) : !(cp & 1);
    if (cp >= 0x1E00 && cp <= 0x1EFF) /* Latin Extended Additional: even = upper */
        return !(cp & 1) && (cp < 0x1E96 || cp > 0x1E9F);
    return cp >= 0x400 && cp <= 0x42F; /* Cyrillic */
}

static inline bool cp_upper_at(const unsigned char *s, size_t n, size_t i)
{
    return s[i] < 0x80 ? pii_is_upper(s[i]) : cp_upper_beyond_ascii(s, n, i);
}

static size_t name_word_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned ch = s[i];
        if (pii_is_alpha(ch))
            i++;
        else if (ch == 0xC2 && i + 1 < n && s[i + 1] != 0xAA && s[i + 1] != 0xB5 &&
                 s[i + 1] != 0xBA)
            break; /* U+0080..U+00BF are signs, not letters: "Verhoeven¹," */
        else if (ch >= 0xC2 && ch < 0xE0 && i + 1 < n)
            i += 2;
        else if (ch == 0xE1 && i + 2 < n && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB)
            i += 3; /* Latin Extended Additional: Vietnamese "Nguyễn", "Phạm" */
        else if ((ch == '\'' || ch == '-') && i + 1 < n &&
                 (pii_is_alpha(s[i + 1]) || s[i + 1] >= 0xC2))
            i++;
        else
            break;
    }
    return i;
}

/* Does [i, e) hold a letter of Latin Extended Additional (U+1E00..U+1EFF)? */
static bool latin_ext_in(const unsigned char *s, size_t i, size_t e)
{
    for (; i + 1 < e; i++)
        if (s[i] == 0xE1 && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB) return true;
    return false;
}

static bool is_particle(const unsigned char *s, size_t i, size_t e)
{
    return ew__pii_cue_lookup((const char *)s + i, e - i) & PII_KW_PARTICLE;
}

/* A surname with its particle glued on in small letters: "d'Arcy", "al-Otaibi",
 * "el-Sayed", "ul-Haq" (a capital right after the glue). */
static bool glued_surname(const unsigned char *s, size_t n, size_t i, size_t e)
{
    size_t g = 0;
    if (e - i > 3 && s[i] == 'd' && s[i + 1] == '\'')
        g = 2;
    else if (e - i > 4 && s[i + 2] == '-' &&
             ((s[i] == 'a' && s[i + 1] == 'l') || (s[i] == 'e' && s[i + 1] == 'l') ||
              (s[i] == 'u' && (s[i + 1] == 'l' || s[i + 1] == 'd'))))
        g = 3;
    return g && i + g < n && cp_upper_at(s, n, i + g);
}

/* Dutch "in 't Veld", "van 't Hek": a particle and "'t" before a capital; the
 * length of the two, or 0. */
static size_t dutch_t_particle(const unsigned char *s, size_t n, size_t i, size_t e)
{
    static const char *const heads[] = {"in", "van", "op", "uit"};
    if (e + 5 >= n || s[e] != ' ' || (s[e + 1] != '\'' && s[e + 1] != 0xE2)) return 0;
    size_t q = s[e + 1] == '\'' ? e + 2 : e + 4; /* ' or U+2019 */
    if (s[e + 1] == 0xE2 && (s[e + 2] != 0x80 || s[e + 3] != 0x99)) return 0;
    if (q + 2 >= n || s[q] != 't' || s[q + 1] != ' ' || !pii_is_upper(s[q + 2])) return 0;
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
        if (strlen(heads[h]) == e - i && !memcmp(s + i, heads[h], e - i)) return q + 1 - i;
    return 0;
}

static unsigned lookup_part(const unsigned char *s, size_t i, size_t e, char *fold, size_t *fl)
{
    *fl = ew__gaz_fold_word(s + i, e - i, fold);
    /* possessive "Smith's" looks up as "smith" */
    if (*fl > 2 && fold[*fl - 2] == '\'' && fold[*fl - 1] == 's') *fl -= 2;
    return *fl ? ew__gaz_lookup(fold, *fl) : 0;
}

static bool sentence_initial(const unsigned char *s, size_t i, size_t line_start)
{
    size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '"' || s[k - 1] == '\'' ||
                     s[k - 1] == '>' || s[k - 1] == '(' || s[k - 1] == '*' || s[k - 1] == '-'))
        k--;
    if (k == 0 || k <= line_start) return true;
    unsigned p = s[k - 1];
    return p == '.' || p == '!' || p == '?' || p == ':' || p == '\n';
}

static bool name_like(unsigned g)
{
    return (g & (EW__GAZ_FIRST | EW__GAZ_LAST)) || !(g & (EW__GAZ_COMMON | EW__GAZ_PLACE));
}

static bool only_common(unsigned g)
{
    return !(g & (EW__GAZ_FIRST | EW__GAZ_LAST)) && (g & (EW__GAZ_COMMON | EW__GAZ_PLACE));
}

typedef struct run {
    part p[MAX_PARTS];
    int k;
    size_t ss, se; /* the name's bytes */
    size_t next;   /* where the walk may continue */
    bool reject;   /* an organisation, a title, a place */
    bool street;   /* rejected for a street type ("Gran Vía", "King Blvd") */
    bool caps;     /* an all-capitals word was let in for its gazetteer entry */
} run;

static uint32_t kw_of(const char *f, size_t fl)
{
    return fl ? ew__pii_cue_lookup(f, fl) : 0;
}

/* Reads a run of name parts from i. */
/* A capital after two small letters inside the word ("KeyState", "getName")
 * with no name prefix before it ("McDonald", "MacArthur", "DeShawn", "LaToya",
 * "VanDyke", "DiMaggio"): a programming identifier. */
static bool camel_ident(const unsigned char *w, size_t n)
{
    static const char *const prefixes[] = {"Mc", "Mac", "De",  "Di", "Da", "La",
                                           "Le", "Van", "Von", "Du", "St", "Fitz"};
    for (size_t k = 2; k < n; k++) {
        if (!pii_is_upper(w[k]) || !pii_is_lower(w[k - 1]) || !pii_is_lower(w[k - 2])) continue;
        for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++)
            if (strlen(prefixes[p]) == k && !memcmp(w, prefixes[p], k)) return false;
        return true;
    }
    return false;
}

/* An all-capitals word [i, e) of four letters or more (or a known surname)
 * that the gazetteer knows as no ordinary word, followed by a capitalised given name: a surname
 * written the way passports and forms write it ("SAKAMOTO Sora"). */
static bool caps_surname(const pii_ctx *c, size_t i, size_t e, unsigned gaz)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if ((e - i < 4 && !(gaz & EW__GAZ_LAST)) || (gaz & (EW__GAZ_COMMON | EW__GAZ_PLACE)) ||
        e + 2 >= n || s[e] != ' ' || !pii_is_upper(s[e + 1]) || !pii_is_lower(s[e + 2]))
        return false;
    size_t ge = name_word_end(s, n, e + 1), fl;
    char fold[EW__GAZ_MAX_WORD];
    unsigned g = lookup_part(s, e + 1, ge, fold, &fl);
    return (g & EW__GAZ_FIRST) && !(g & EW__GAZ_COMMON);
}

static bool surname_shape(const char *f, size_t fl);
static bool inflected_name(const unsigned char *s, size_t i, size_t e);

/* Has the folded word [f, fl) a part after or before a hyphen that is an
 * ordinary word of four letters or more and no name ("billing-worker",
 * "db-credentials"; not "al-qahtani", "marie-claire", "jae-won")? */
/* A hyphened given name whose parts are all given names ("Jean-Philippe",
 * "Anne-Sophie", "Mohammad-Reza"): EW__GAZ_FIRST, else 0. (Two surnames
 * hyphened are as often a firm: "Ramsey-Johnson".) */
static unsigned hyphened_names(const char *f, size_t fl)
{
    size_t a = 0;
    int parts = 0;
    for (size_t k = 0; k <= fl; k++) {
        if (k < fl && f[k] != '-') continue;
        if (k - a < 2) return 0;
        unsigned g = ew__gaz_lookup(f + a, k - a);
        if ((g & (EW__GAZ_COMMON | EW__GAZ_PLACE)) || !(g & EW__GAZ_FIRST)) return 0;
        parts++;
        a = k + 1;
    }
    return parts >= 2 ? EW__GAZ_FIRST : 0;
}

static bool dashed_words(const char *f, size_t fl)
{
    size_t a = 0;
    bool dash = false;
    for (size_t k = 0; k <= fl; k++) {
        if (k < fl && f[k] != '-') continue;
        dash |= k < fl;
        if (k - a >= 4 && only_common(ew__gaz_lookup(f + a, k - a))) return dash || k < fl;
        a = k + 1;
    }
    return false;
}

/* A given name romanised syllable by syllable ("Ji-hoon", "Seo-yeon",
 * "Thi-Lan"): a capital, two short parts of letters joined by one hyphen,
 * the second in small letters, the first no ordinary word ("Self-service",
 * "Follow-up", "Pre-order" are words). [fold, fl) is the folded word. */
static bool syllable_given(const unsigned char *s, size_t i, const char *fold, size_t fl)
{
    const char *h = memchr(fold, '-', fl);
    if (!h || !pii_is_upper(s[i])) return false;
    size_t a = (size_t)(h - fold), b = fl - a - 1;
    if (a < 2 || a > 5 || b < 2 || b > 5 || memchr(h + 1, '-', b) || !pii_is_lower(s[i + a + 1]))
        return false;
    for (size_t k = 0; k < fl; k++)
        if (k != a && !pii_is_lower((unsigned char)fold[k])) return false;
    unsigned g1 = ew__gaz_lookup(fold, a), g2 = ew__gaz_lookup(h + 1, b);
    /* "Peux-tu", "Avez-vous", "Est-ce": a French verb and its pronoun */
    static const char *const pron[] = {"tu", "vous", "il",  "elle", "on", "nous", "ils", "je",
                                       "ce", "moi",  "toi", "le",   "la", "les",  "en"};
    for (size_t k = 0; k < sizeof pron / sizeof pron[0]; k++)
        if (strlen(pron[k]) == b && !memcmp(h + 1, pron[k], b)) return false;
    return !(g1 & (EW__GAZ_COMMON | EW__GAZ_PLACE)) && (b <= 2 || !(g2 & EW__GAZ_COMMON));
}

/* An all-capitals word that may be part of a name: a given name or surname
 * of the gazetteer that is no ordinary word or place, or a surname's shape
 * ("KAPANADZE", "PETROSYAN"). */
static bool caps_name(unsigned gaz, const char *fold, size_t fl)
{
    return ((gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(gaz & (EW__GAZ_COMMON | EW__GAZ_PLACE))) ||
           surname_shape(fold, fl);
}

/* A run with capitals-only words and no cue is a name when it has two words
 * or more, each a name by caps_name, and one of them a given name: "KWABENA
 * MENSAH" (not "GRAND HOTEL", "NEW YORK OFFICE"). */
static bool caps_run_ok(const pii_ctx *c, const run *r)
{
    int words = 0, given = 0;
    for (int a = 0; a < r->k; a++) {
        const part *q = &r->p[a];
        if (q->particle || q->initial) continue;
        char fold[EW__GAZ_MAX_WORD];
        size_t fl = ew__gaz_fold_word(c->s + q->s, q->e - q->s, fold);
        if (!caps_name(q->gaz & 0xF, fold, fl)) return false;
        words++;
        given += (q->gaz & EW__GAZ_FIRST) != 0;
    }
    return words >= 2 && given >= 1;
}

/* The first word of a run, looked up once (common_first_word, then
 * read_run): its end, gazetteer flags and folded form. */
typedef struct first_word {
    size_t e, fl;
    unsigned gaz;
    char fold[EW__GAZ_MAX_WORD];
} first_word;

/* A lowercase word after se that is no verb people do and no English
 * function word ("du ringa"; not "said", "and"): the sentence goes on in
 * the language of its first word. */
static bool sentence_goes_on(const unsigned char *s, size_t n, size_t se)
{
    if (se + 2 >= n || s[se] != ' ' || !(pii_is_lower(s[se + 1]) || s[se + 1] >= 0xC3) ||
        cp_upper_at(s, n, se + 1))
        return false;
    size_t e = name_word_end(s, n, se + 1);
    char w[EW__GAZ_MAX_WORD];
    size_t wl = ew__gaz_fold_word(s + se + 1, e - se - 1, w);
    return wl && !(kw_of(w, wl) & (PII_KW_VERB | PII_KW_FUNC));
}

static void read_run(pii_ctx *c, size_t i, bool lower_ok, bool strong, run *r, const first_word *fw)
{
    const unsigned char *s = c->s;
    size_t n = c->n, pos = i;
    char fold[EW__GAZ_MAX_WORD];
    size_t fl;
    memset(r, 0, sizeof *r);
    while (r->k < MAX_PARTS && pos < n) {
        size_t e = fw && pos == i && fw->e ? fw->e : name_word_end(s, n, pos);
        if (e == pos) break;
        /* "sha256", "user_name", "bob@": part of a token, not a name */
        if (e < n && (pii_is_digit(s[e]) || s[e] == '_' || s[e] == '@' || s[e] == '/' ||
                      s[e] == '=' || s[e] == '\\'))
            break;
        bool up = cp_upper_at(s, n, pos);
        part *q = &r->p[r->k];
        memset(q, 0, sizeof *q);
        q->s = pos;
        q->e = e;
        bool possessive = e - pos > 2 && s[e - 2] == '\'' && s[e - 1] == 's';
        if (up && e - pos == 1 && e < n && s[e] == '.') { /* initial "J." */
            if (r->k > 0 && e + 2 < n && pii_is_alpha(s[e + 1]) && s[e + 2] == '.') {
                r->reject = true; /* "Enea S.A.", "Fiat S.p.A.": a company */
                break;
            }
            q->initial = true;
            q->e = e + 1;
            /* "A.B. Kowalczyk", "C.H. Tesfaye": initials written together */
            if (e + 2 < n && pii_is_upper(s[e + 1]) && s[e + 2] == '.' && r->k + 1 < MAX_PARTS) {
                r->k++;
                pos = e + 1;
                continue;
            }
        } else if ((up || lower_ok) && e - pos == 1 && r->k > 0 && e < n && s[e] == ' ') {
            q->initial = true; /* "Juliusz A Kwiatkowski", "codey m ross" */
        } else if (!up && lower_ok && e - pos == 1 && r->k > 0 && e < n && s[e] == '.') {
            q->initial = true; /* "eric g. samoylova" */
            q->e = e + 1;
        } else if (!up && r->k > 0 && dutch_t_particle(s, n, pos, e)) {
            q->particle = true; /* "in 't" */
            q->e = pos + dutch_t_particle(s, n, pos, e);
        } else if (!up && r->k > 0 && is_particle(s, pos, e)) {
            q->particle = true;
        } else if (!up && r->k > 0 && glued_surname(s, n, pos, e)) {
            q->gaz = EW__GAZ_LAST; /* a surname by its shape */
        } else {
            if (fw && pos == i && fw->e == e) {
                q->gaz = fw->gaz;
                fl = fw->fl;
                memcpy(fold, fw->fold, fl);
            } else {
                q->gaz = lookup_part(s, pos, e, fold, &fl);
            }
            if (!q->gaz && syllable_given(s, pos, fold, fl)) {
                q->gaz = EW__GAZ_FIRST;
                q->syllable = true;
            } else if (!q->gaz) {
                q->gaz = hyphened_names(fold, fl);
                q->hyphened = q->gaz != 0;
            }
            uint32_t kw = kw_of(fold, fl);
            q->kw = kw;
            /* grammar words and context words ("Fax:", "Phone", "Order"), units
             * ("Suite 913") */
            /* another language's function word ends a run, unless it is a
             * capitalised name inside one ("Mohamed Abdi Nur Farah") */
            if ((kw & (PII_KW_STOP | PII_KW_UNIT)) || (kw & ((1u << CUE_COUNT) - 1)) ||
                ((kw & PII_KW_FOREIGN) && !(kw & PII_KW_PARTICLE) &&
                 !(r->k > 0 && up && (q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)))))
                break;
            /* (a street word after a particle is a surname: "van Dijk"; a
             * word after a syllable-romanised given name too: "Ji-hoon Park") */
            /* "Hoàng Văn An": a function word's spelling ending a name */
            bool func_end = (kw & PII_KW_FUNC) && r->k >= 2 && (r->p[0].gaz & EW__GAZ_LAST) &&
                            !(e + 1 < n && s[e] == ' ' && cp_upper_at(s, n, e + 1));
            if (r->k > 0 && up && !r->p[r->k - 1].syllable && !func_end &&
                ((kw & (PII_KW_ORG | PII_KW_FUNC)) ||
                 ((kw & PII_KW_STREET) && !(kw & ((1u << CUE_TITLE) | PII_KW_PARTICLE)) &&
                  !r->p[r->k - 1].particle))) {
                r->reject = true; /* "Acme Inc", "Carry Me Back", "King Blvd" */
                r->street = !(kw & (PII_KW_ORG | PII_KW_FUNC));
                break;
            }
            if (kw & PII_KW_NOTNAME) q->gaz |= EW__GAZ_PLACE << 4; /* marks "not a name" */
            /* after a given name (or a word no list has) or initials and a
             * particle an ordinary word is a surname: "Marloes de Wit", "K. van
             * Dam" (not "Rue des Martyrs") */
            if (up && r->k > 1 && r->p[r->k - 1].particle &&
                (r->p[0].initial || (r->p[0].gaz & EW__GAZ_FIRST) ||
                 (!r->p[0].gaz && !(r->p[0].kw & (PII_KW_STREET | PII_KW_NOTNAME)))) &&
                (q->gaz & (EW__GAZ_COMMON | EW__GAZ_PLACE)) == EW__GAZ_COMMON)
                q->gaz |= EW__GAZ_LAST;
            /* an all-caps word (two ASCII capitals, no small letter) is an acronym */
            int ups = 0;
            bool small = false;
            for (size_t k = pos; k < e; k++) {
                ups += pii_is_upper(s[k]);
                small |= pii_is_lower(s[k]) || (s[k] >= 0xC3 && s[k] < 0xE0 && k + 1 < e &&
                                                s[k + 1] >= 0x9F); /* Latin small letters */
            }
            /* ... unless a strong cue introduces it ("SHIP TO:\nELIF AYDIN") or a
             * given name follows it, as passports and forms write the surname
             * ("SAKAMOTO Sora") */
            bool caps = ups >= 2 && !small;
            if (caps && r->k > 0 && (kw & PII_KW_PARTICLE)) {
                q->particle = true; /* "WOUTER VAN DIJK" */
                q->gaz = 0;
            } else if (caps && !strong && !(r->k == 0 && caps_surname(c, pos, e, q->gaz))) {
                /* forms, signatures and passports write names in capitals:
                 * let in a word the gazetteer has as a name (or with a
                 * surname's shape); scan_name wants the whole run so */
                if (!caps_name(q->gaz, fold, fl)) break;
                r->caps = true;
            }
            if (ups >= 2 && camel_ident(s + pos, e - pos) &&
                !(q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)))
                break; /* "KeyState", "AccountId": an identifier, not "McDonald" */
            if (r->k == 0 &&
                (((kw & PII_KW_ORG) && !strong) ||
                 ((kw & PII_KW_STREET) && !(kw & (1u << CUE_TITLE)) && !strong &&
                  ((e < n && s[e] == '.') || !(q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)))) ||
                 /* "Str. Lipscani", "Rue Mohammed V" (but the surname "Wells") */
                 ((kw & PII_KW_NOTNAME) && !(q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)))))
                break; /* "Corp", "Day" alone */
            /* Vietnamese written in small letters: every syllable is some
             * name's ("tài khoản", "điện thoại"); only a cue or a name
             * before makes one */
            if (!up && !strong && r->k == 0 && latin_ext_in(s, pos, e)) break;
            if (!up) {
                unsigned g = q->gaz;
                bool named = (g & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(g & EW__GAZ_COMMON);
                /* after a strong cue a gazetteer name that is also a word is
                 * the name ("my name is maria lopez", "john smith") */
                if (strong && (g & (EW__GAZ_FIRST | EW__GAZ_LAST)) &&
                    (r->k == 0 || !cp_upper_at(s, n, r->p[0].s)))
                    named = true;
                /* "my name is vitoria": after a strong cue any word will do, but
                 * a name begun with a capital goes on with capitals ("Jmenuji se
                 * Sefa a bydlím") */
                /* "api-stream", "billing-worker": an identifier, not a name */
                bool ident = g == 0 && dashed_words(fold, fl);
                if (!lower_ok || !(named || ((r->k > 0 || strong) && g == 0 && !ident))) break;
                if (r->k > 0 && cp_upper_at(s, n, r->p[0].s)) break;
            }
        }
        r->k++;
        pos = q->e;
        if (possessive) break;
        if (pos + 1 < n && s[pos] == ' ' && s[pos + 1] != ' ')
            pos++;
        else
            break;
    }
    /* "Tomaszem Wójcikiem", "Mikko Virtaselle", "Horváth Gábornak": a word
     * no list has, capitalised, in a run of two words or more, may be a
     * listed name inflected (looked up only here: a lone word stays none) */
    int run_words = 0;
    for (int a = 0; a < r->k; a++)
        run_words += !r->p[a].particle && !r->p[a].initial;
    for (int a = 0; a < r->k && run_words >= 2; a++) {
        part *q = &r->p[a];
        if (q->gaz || q->particle || q->initial || q->e - q->s < 4 || s[q->s] >= 0xD0 ||
            !cp_upper_at(s, n, q->s) || camel_ident(s + q->s, q->e - q->s))
            continue;
        char f[EW__GAZ_MAX_WORD];
        q->gaz = ew__pii_infl_gaz(f, ew__gaz_fold_word(s + q->s, q->e - q->s, f));
        q->inflected = q->gaz != 0;
        if (q->gaz) q->gaz |= EW__GAZ_EXT;
    }
    /* "Köszönöm Horváth Gábornak", "Paldies Jānim Ozolam": a sentence's
     * first word that is only some language's everyday word is no part of
     * the name after it */
    if (!strong && r->k >= 3 && (r->p[0].gaz & EW__GAZ_WORD) &&
        !(r->p[0].gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) &&
        sentence_initial(s, r->p[0].s, c->line_start)) {
        bool name_after = true; /* every later word a name */
        for (int a = 1; a < r->k; a++)
            name_after &=
                r->p[a].particle || r->p[a].initial || r->p[a].inflected ||
                ((r->p[a].gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(r->p[a].gaz & EW__GAZ_COMMON));
        if (name_after) {
            memmove(r->p, r->p + 1, (size_t)(r->k - 1) * sizeof r->p[0]);
            r->k--;
        }
    }
    /* an inflected name is read beside another name or word no list has
     * ("Tóth Katalint", "Jānim Ozolam", "Liis Kasega"): alone, or beside
     * ordinary words, the endings would make names of too many words
     * ("Socrates", "Rennes", "Java Script") */
    int listed = 0, inflected = 0;
    for (int a = 0; a < r->k; a++) {
        inflected += r->p[a].inflected;
        listed += !r->p[a].inflected && !r->p[a].particle && !r->p[a].initial &&
                  name_like(r->p[a].gaz & 0xF) && r->p[a].e - r->p[a].s > 2 &&
                  !pii_is_upper(s[r->p[a].s + 1]); /* not "MC" */
    }
    for (int a = 0; a < r->k; a++) /* "Metoda de Plată": a phrase */
        if (r->p[a].inflected &&
            ((inflected == 1 && !listed) || (a + 1 < r->k && r->p[a + 1].particle)))
            r->p[a].gaz = 0;
    r->next = r->k ? r->p[0].e : i;
    /* another language's everyday word beside a name is a name's part
     * ("Edi Živković", "Vide A. Persson"), and alone it is read as any
     * capitalised word ("Sefa said"); only among themselves are such words
     * ordinary ("Neue Funktionen") */
    bool word = false, named = strong; /* after "my name is" any word is the name */
    int words = 0;
    for (int a = 0; a < r->k; a++) {
        word |= (r->p[a].gaz & EW__GAZ_WORD) != 0;
        words += !r->p[a].particle && !r->p[a].initial;
    }
    /* a lone word is read as any capitalised word ("Sefa said"), but not
     * one opening a sentence of its own language ("Kan du ringa", "Saatsin
     * arve", "Venlig hilsen") */
    named |= words <= 1 && !(word && r->k == 1 && sentence_initial(s, r->p[0].s, c->line_start) &&
                             sentence_goes_on(s, n, r->p[0].e));
    for (int a = 0; a < r->k && word && !named; a++) {
        const part *q = &r->p[a];
        named = ((q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(q->gaz & EW__GAZ_COMMON)) ||
                (q->initial && a > 0 && a + 1 < r->k); /* "Valida M. Ibragimov" */
        if (!named && !(q->gaz & ~(EW__GAZ_COMMON | EW__GAZ_WORD)) && !q->initial &&
            !q->particle) { /* "Živković", "Wniosek Marka Nowaka" (Marek's) */
            char f[EW__GAZ_MAX_WORD];
            (void)lookup_part(s, q->s, q->e, f, &fl);
            named = (!q->gaz && surname_shape(f, fl)) || inflected_name(s, q->s, q->e);
        }
    }
    for (int a = 0; a < r->k && named; a++)
        if (r->p[a].gaz & EW__GAZ_WORD) r->p[a].gaz &= ~(EW__GAZ_COMMON | EW__GAZ_WORD);
}

#define NOTNAME_BIT (EW__GAZ_PLACE << 4)

/* A sentence starts at i: a capitalised word then a lowercase one ("What a
 * wife"), not a value ("-100,00 PLN") or a name ("Marek Nowak"). */
static bool speech_at(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && (s[i] == '"' || s[i] == '\'')) i++; /* Quilla: "Who are you?" */
    if (i + 1 >= n || !pii_is_upper(s[i]) || !pii_is_lower(s[i + 1])) return false;
    size_t e = name_word_end(s, n, i);
    if (e < n && (s[e] == '?' || s[e] == '!' || s[e] == ',')) return true;
    return e + 1 < n && s[e] == ' ' && pii_is_lower(s[e + 1]);
}

/* Words around a name that tell what it names (registered in the cue table
 * with PII_KW_CTX, so most words are ruled out by one probe). Verbs done to
 * a person, before their object ("forward it to X"): */
static const char *const object_verbs[] = {
    "forward",       "forwarded",  "send",    "sent",    "give",      "gave",       "hand",
    "handed",        "pass",       "passed",  "ask",     "asked",     "tell",       "told",
    "remind",        "reminded",   "ping",    "pinged",  "email",     "emailed",    "text",
    "texted",        "message",    "thank",   "thanked", "introduce", "introduced", "cc",
    "assign",        "assigned",   "invite",  "invited", "notify",    "notified",   "congratulate",
    "congratulated", "forwarding", "sending", "asking",  "telling",   "loop",       "looping",
    "looped",        "thanks",     "thx",     "kudos",   "shoutout",  "congrats",   NULL};
/* Verbs aimed at a person, before "at" ("shouted at Gary"): */
static const char *const at_person[] = {
    "shouted", "shout",   "shouts", "yelled",  "yell",   "looked", "look",  "looks",
    "looking", "laughed", "laugh",  "smiled",  "smile",  "stared", "stare", "glanced",
    "pointed", "waved",   "winked", "grinned", "angry",  "mad",    "upset", "snapped",
    "aimed",   "nodded",  "swore",  "cursed",  "barked", NULL};
/* Verbs whose "for", "with", "by", "of" takes a firm ("works for", "bank
 * with", "employed by", "shares of"): */
static const char *const org_verbs[] = {"work",   "works",  "worked",   "working", "bank",
                                        "banks",  "banked", "banking",  "account", "accounts",
                                        "shares", "stock",  "employed", "insured", NULL};
/* Nouns after a business's name ("Krispy Kreme catering"), with or without
 * a possessive, and those a person's possessive also takes ("Anna's shop"): */
static const char *const biz_any[] = {
    "catering", "stock", "shares", "franchise", "franchises", "branch", "branches", "outlet",
    "outlets", "locations", "headquarters", "earnings", "brand", "subsidiary", "shareholders",
    "chain", "ipo",
    /* diseases, laws and tools named after people ("Hodgkin lymphoma",
     * "Parkinson's disease", "Petri dish") */
    "disease", "syndrome", "lymphoma", "palsy", "thyroiditis", "sarcoma", "dish", "burner", "boson",
    "effect", "transform", "law", "theorem", "equation", NULL};
/* Things about a figure of the past, before "of", "about", "to" ("statue
 * of", "exhibition about", "monument to"): */
static const char *const hist_nouns[] = {
    "statue",     "monument", "memorial",  "museum",   "exhibition", "biography",
    "portrait",   "tomb",     "mausoleum", "legacy",   "reign",      "era",
    "birthplace", "bust",     "paintings", "writings", NULL};
static const char *const biz_plain[] = {
    "jacket",     "jackets", "bag",          "bags",       "handbag",     "shoes",    "boots",
    "sneakers",   "perfume", "suit",         "watch",      "dress",       "jeans",    "shirt",
    "sunglasses", "store",   "stores",       "restaurant", "restaurants", "products", "customers",
    "employees",  "coffee",  "stockholders", "account",    "collection",  "boutique", NULL};
/* Labels whose value is a firm ("Employer: Wells Fargo", "CARRIER: ..."): */
static const char *const org_labels[] = {
    "employer",   "company",  "organisation", "organization", "firm",    "vendor",   "supplier",
    "insurer",    "bank",     "brand",        "manufacturer", "carrier", "agency",   "school",
    "university", "hospital", "merchant",     "lender",       "broker",  "retailer", NULL};
/* Kin and the people one lives and works with, before a name ("my sister
 * Arnel", "her husband Zhiqiang", "our neighbour Oksana"): */
static const char *const kin_nouns[] = {
    "sister",     "brother",     "husband",     "wife",     "son",           "daughter",
    "mother",     "father",      "mom",         "mum",      "dad",           "grandma",
    "grandpa",    "grandmother", "grandfather", "uncle",    "aunt",          "auntie",
    "cousin",     "niece",       "nephew",      "fiance",   "fiancee",       "girlfriend",
    "boyfriend",  "friend",      "colleague",   "coworker", "neighbour",     "neighbor",
    "roommate",   "flatmate",    "classmate",   "teammate", "stepson",       "stepdaughter",
    "stepmother", "stepfather",  "sibling",     "grandson", "granddaughter", NULL};
const char *const *const ew__pii_ctx_lists[] = {object_verbs, at_person, org_verbs,
                                                biz_any,      biz_plain, hist_nouns,
                                                org_labels,   kin_nouns, NULL};

/* Is the word [a, a + l) of s one of list (NULL-terminated)? One cue-table
 * probe first: only context words carry PII_KW_CTX. */
static bool word_in(const unsigned char *s, size_t a, size_t l, const char *const *list)
{
    char w[PII_WORD_MAX];
    if (l == 0 || l >= sizeof w) return false;
    for (size_t k = 0; k < l; k++)
        w[k] = (char)(s[a + k] | 32);
    if (!(ew__pii_cue_lookup(w, l) & PII_KW_CTX)) return false;
    for (; *list; list++)
        if ((*list)[0] == w[0] && strlen(*list) == l && !memcmp(w, *list, l)) return true;
    return false;
}

/* Verbs done to a person, before their object ("forward it to X", "asked
 * X", "cc X"), or kin before a name ("my sister X"); [ss, ...) is the
 * object. */
static bool person_object(const unsigned char *s, size_t ss)
{
    static const char *const skip[] = {"it",    "this", "that", "them", "these",
                                       "those", "to",   "in",   NULL};
    size_t e = ss;
    for (int hop = 0; hop < 3; hop++) {
        if (e < 3 || s[e - 1] != ' ') return false;
        size_t b = e - 1;
        while (b > 0 && pii_is_lower(s[b - 1]) && e - 1 - b < 16)
            b--;
        /* the verb may open the sentence: "Ask Tharindu", "Looping in X" */
        if (b > 0 && pii_is_upper(s[b - 1]) && (b == 1 || !pii_is_alpha(s[b - 2]))) b--;
        size_t l = e - 1 - b;
        if (!l || (b > 0 && pii_is_alpha(s[b - 1]))) return false;
        bool is_skip = false;
        for (const char *const *q = skip; *q && !is_skip; q++)
            is_skip = (*q)[0] == s[b] && strlen(*q) == l && !memcmp(s + b, *q, l);
        if (!is_skip) return word_in(s, b, l, object_verbs) || word_in(s, b, l, kin_nouns);
        e = b;
    }
    return false;
}

/* "Sorry, Sabbir here —", "Hi, Mei-ling here.": a name after a clause's
 * start and before "here" and a stop. */
static bool self_named(const unsigned char *s, size_t n, size_t ss, size_t se)
{
    if (se + 5 >= n || memcmp(s + se, " here", 5) || pii_is_alpha(s[se + 5])) return false;
    size_t k = ss;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    return k == 0 || s[k - 1] == ',' || s[k - 1] == '\n' || s[k - 1] == '!' || s[k - 1] == '.';
}

/* A run in Cyrillic: a name only with a patronymic's or a surname's ending
 * on one of two words or more ("Анна Сергеевна Кузнецова", "Иван Петров");
 * capitalised Cyrillic words alone are no evidence ("Москва", "Привет"). */
static bool cyrillic_name(const unsigned char *s, const run *r)
{
    static const char *const ends[] = {
        "\xd0\xb2\xd0\xb8\xd1\x87", "\xd0\xb2\xd0\xbd\xd0\xb0", "\xd1\x87\xd0\xbd\xd0\xb0",
        "\xd0\xbe\xd0\xb2", "\xd0\xb5\xd0\xb2", "\xd1\x91\xd0\xb2", "\xd0\xbe\xd0\xb2\xd0\xb0",
        "\xd0\xb5\xd0\xb2\xd0\xb0", "\xd1\x91\xd0\xb2\xd0\xb0", "\xd0\xb8\xd0\xbd",
        "\xd0\xb8\xd0\xbd\xd0\xb0", "\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9",
        "\xd1\x81\xd0\xba\xd0\xb0\xd1\x8f", "\xd1\x86\xd0\xba\xd0\xb8\xd0\xb9",
        "\xd1\x86\xd0\xba\xd0\xb0\xd1\x8f", "\xd0\xb5\xd0\xbd\xd0\xba\xd0\xbe", "\xd1\x83\xd0\xba",
        "\xd1\x8e\xd0\xba",
        /* the same in the cases of a sentence
         * ("Смирновым", "Бондаренку") */
        "\xd0\xbe\xd0\xb2\xd1\x83", "\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xbc",
        "\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xb9", "\xd0\xb5\xd0\xb2\xd1\x83",
        "\xd0\xb5\xd0\xb2\xd1\x8b\xd0\xbc", "\xd0\xb5\xd0\xb2\xd0\xbe\xd0\xb9",
        "\xd0\xb8\xd0\xbd\xd1\x83", "\xd0\xb8\xd0\xbd\xd1\x8b\xd0\xbc",
        "\xd0\xb8\xd0\xbd\xd0\xbe\xd0\xb9", "\xd1\x81\xd0\xba\xd0\xbe\xd0\xb3\xd0\xbe",
        "\xd1\x81\xd0\xba\xd0\xbe\xd0\xbc\xd1\x83", "\xd1\x81\xd0\xba\xd0\xb8\xd0\xbc",
        "\xd1\x81\xd0\xba\xd0\xbe\xd0\xb9", "\xd0\xb5\xd0\xbd\xd0\xba\xd0\xb0",
        "\xd0\xb5\xd0\xbd\xd0\xba\xd1\x83", "\xd0\xb5\xd0\xbd\xd0\xba\xd0\xbe\xd0\xbc",
        "\xd1\x83\xd0\xba\xd0\xb0", "\xd1\x83\xd0\xba\xd1\x83", "\xd1\x83\xd0\xba\xd0\xbe\xd0\xbc",
        "\xd1\x8e\xd0\xba\xd0\xb0", "\xd1\x8e\xd0\xba\xd1\x83", "\xd1\x8e\xd0\xba\xd0\xbe\xd0\xbc"};
    int words = 0, known = 0;
    bool shape = false;
    for (int a = 0; a < r->k; a++) {
        const part *q = &r->p[a];
        if (q->initial || q->particle) continue;
        words++;
        known += (ew__pii_script_gaz(s, q->s, q->e) & (EW__GAZ_FIRST | EW__GAZ_LAST)) != 0;
        for (size_t k = 0; k < sizeof ends / sizeof ends[0] && !shape; k++) {
            size_t l = strlen(ends[k]);
            shape = q->e - q->s > l + 2 && !memcmp(s + q->e - l, ends[k], l);
        }
    }
    /* a known name too: "Министерство Финансов" has a surname's ending */
    return words >= 2 && shape && known;
}

/* A word written after a name as an honorific: Turkish "Hanım", "Bey",
 * Urdu and Hindi "Sahib", "ji". */
static bool honorific_after(const unsigned char *s, size_t n, size_t se)
{
    /* the honorific without its first letter, which is compared folded */
    static const struct {
        char first, rest[6];
        unsigned char l;
    } h[] = {{'h', "an\xc4\xb1m", 5}, {'b', "ey", 2}, {'s', "ahib", 4}, {'j', "i", 1}};
    if (se + 3 >= n || s[se] != ' ') return false;
    size_t a = se + 2;
    for (size_t k = 0; k < sizeof h / sizeof h[0]; k++) {
        size_t l = h[k].l;
        if ((s[se + 1] | 32) == h[k].first && a + l <= n && !memcmp(s + a, h[k].rest, l))
            return a + l == n || !(pii_is_alnum(s[a + l]) || s[a + l] >= 0x80);
    }
    return false;
}

/* "@Tigran" in chat; "Aigerim Hanım", "Ravi ji": a mention or an honorific
 * after marks [ss, se) as a name. */
static bool marked_name(const unsigned char *s, size_t n, size_t ss, size_t se)
{
    return (ss >= 1 && s[ss - 1] == '@' && (ss == 1 || s[ss - 2] == ' ' || s[ss - 2] == '\n')) ||
           honorific_after(s, n, se);
}

/* A chat export's speaker at a line's start: "Priit  4:23 PM", "**Priit**:",
 * "Priit (10:32):". */
/* Words said, not a form's value: two words of letters ("lunch at 1?",
 * "sure, the usual"; not "2017/03/07", "Rp 70.064", "I99b03ac"). */
static bool speech_after(const unsigned char *s, size_t n, size_t a)
{
    for (int w = 0; w < 2; w++) {
        if (a >= n || !(pii_is_alpha(s[a]) || s[a] >= 0xC3)) return false;
        size_t e = name_word_end(s, n, a);
        if (e == a || (e < n && pii_is_digit(s[e]))) return false;
        if (w == 1) return true;
        if (e < n && (s[e] == ',' || s[e] == '!' || s[e] == '?')) e++;
        if (e + 1 >= n || s[e] != ' ') return false;
        a = e + 1;
    }
    return false;
}

/* Does a line start at a with one or two capitalised words, ": " and words
 * said? */
static bool turn_at(const unsigned char *s, size_t n, size_t a)
{
    for (int w = 0; w < 2 && a < n && cp_upper_at(s, n, a); w++) {
        size_t e = name_word_end(s, n, a);
        if (e == a || e + 1 >= n) return false;
        if (s[e] == '.') e++; /* "Ma. Theresa" */
        if (s[e] == ':') return e + 2 < n && s[e + 1] == ' ' && speech_after(s, n, e + 2);
        if (s[e] != ' ') return false;
        a = e + 1;
    }
    return false;
}

/* A turn of a dialogue: the line [ss, colon) has a speaker, ": " and words
 * said in small letters, and the line before or after it a turn too ("Meron: lunch at
 * 1?\nQuynh: sure"). */
static bool dialogue_turn(const unsigned char *s, size_t n, size_t ss, size_t colon)
{
    /* in small letters: a capital may start a form's value ("Reviewed-by: Zhou
     * Jing"), and a capitalised sentence is speech_at's */
    if (colon + 2 >= n || !pii_is_lower(s[colon + 2]) || !speech_after(s, n, colon + 2))
        return false;
    const unsigned char *nl = memchr(s + colon, '\n', n - colon);
    if (nl && turn_at(s, n, (size_t)(nl - s) + 1)) return true;
    if (ss < 2 || s[ss - 1] != '\n') return false;
    size_t b = ss - 1;
    while (b > 0 && s[b - 1] != '\n')
        b--;
    return turn_at(s, n, b);
}

static bool speaker_line(const unsigned char *s, size_t n, size_t line_start, size_t ss, size_t se)
{
    size_t b = ss, f = se;
    bool bold = b >= 2 && s[b - 1] == '*' && s[b - 2] == '*';
    if (bold) b -= 2;
    if (b != line_start && !(b > 0 && s[b - 1] == '\n')) return false;
    if (bold) return f + 2 < n && s[f] == '*' && s[f + 1] == '*' && s[f + 2] == ':';
    size_t k = f;
    if (k + 1 < n && s[k] == ' ' && s[k + 1] == '(')
        k += 2;
    else if (k + 2 < n && s[k] == ' ' && s[k + 1] == ' ')
        k += 2;
    else
        return false;
    size_t d = k;
    while (d < n && pii_is_digit(s[d]) && d - k < 3)
        d++;
    return d > k && d - k <= 2 && d + 2 < n && s[d] == ':' && pii_is_digit(s[d + 1]) &&
           pii_is_digit(s[d + 2]);
}

/* One small word and a colon after se ("Địa chỉ:", "Date received:"), the
 * second word of a label; not a verb ("Anna wrote:"). */
static bool label_after(const unsigned char *s, size_t n, size_t se)
{
    if (se + 3 >= n || s[se] != ' ' || !(pii_is_lower(s[se + 1]) || s[se + 1] >= 0x80))
        return false;
    char w[EW__GAZ_MAX_WORD];
    size_t e = se + 1, wl = 0;
    while (e < n && (pii_is_lower(s[e]) || s[e] >= 0x80) && wl < sizeof w - 1)
        w[wl++] = (char)s[e++];
    return e < n && s[e] == ':' && wl < sizeof w - 1 && !(kw_of(w, wl) & PII_KW_VERB);
}

/* A part with a surname's or a patronymic's ending ("Sergeyevna",
 * "Kovalenko") or an inflected given name ("Marka"), asked only of parts no
 * list has. */
static bool shaped_surname(const unsigned char *s, const part *q)
{
    if (q->gaz) return false;
    char f[EW__GAZ_MAX_WORD];
    size_t fl = ew__gaz_fold_word(s + q->s, q->e - q->s, f);
    return fl && (surname_shape(f, fl) || inflected_name(s, q->s, q->e));
}

/* Are the words of r up to last (in the lists' script) a title: three or
 * more, none a listed name, a surname's shape or an inflected given name,
 * or two of them ordinary words? A word of one or two letters ("Ó
 * Briain", "Ní") and a capitalised particle ("Van") do not count. */
static bool title_run(const unsigned char *s, const run *r, int last)
{
    int words = 0, listed = 0, common = 0;
    for (int a = 0; a <= last; a++) {
        const part *q = &r->p[a];
        size_t letters = 0;
        for (size_t b = q->s; b < q->e; b++)
            letters += (s[b] & 0xC0) != 0x80;
        if (q->particle || q->initial || letters <= 2 || (q->kw & PII_KW_PARTICLE)) continue;
        words++;
        listed += (q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) != 0 || shaped_surname(s, q);
        common += (q->gaz & EW__GAZ_COMMON) != 0;
    }
    return words >= 3 && (listed == 0 || common >= 2);
}

/* Score of the run's name-like core [first, last]; 0 when none. */
static float score_run(pii_ctx *c, run *r, bool strong, bool title, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    int k = r->k;
    while (k > 0 && (r->p[k - 1].particle ||
                     (r->p[k - 1].initial && k > 1 && r->p[k - 1].e - r->p[k - 1].s == 1)))
        k--;
    int last = k - 1;
    while (last > 0 && !r->p[last].initial && only_common(r->p[last].gaz & 0xF))
        last--;
    if (last < 0 || r->p[0].particle || (only_common(r->p[0].gaz & 0xF) && !r->p[0].initial))
        return 0;
    int words = 0, named = 0, places = 0, notname = 0, initials = 0, core = 0, particles = 0;
    for (int a = 0; a <= last; a++) {
        if (r->p[a].particle) {
            particles++;
            continue;
        }
        if (r->p[a].initial) {
            initials++;
            continue;
        }
        unsigned g = r->p[a].gaz & 0xF;
        words++;
        named += name_like(g);
        places += (g & EW__GAZ_PLACE) && !(g & (EW__GAZ_FIRST | EW__GAZ_LAST));
        notname += (r->p[a].gaz & NOTNAME_BIT) != 0;
        core += (g & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(r->p[a].gaz & EW__GAZ_EXT);
    }
    if (words == 0) return 0;
    /* three capitalised words or more, none a listed name or two of them
     * ordinary words, are a title ("Anamnesi Patologica Remota", "Earl Grey
     * Loose Leaf Tea"), not a name */
    if (!strong && !title && words >= 3 && s[r->p[0].s] <= 0xC9 && title_run(s, r, last)) {
        c->name_list_end = (uint32_t)r->p[last].e; /* its later words are none either */
        return 0;
    }
    r->ss = r->p[0].s;
    r->se = r->p[last].e;
    int w0 = 0; /* the first word, after any initials ("J. R. Smith") */
    while (w0 < last && (r->p[w0].initial || r->p[w0].particle))
        w0++;
    unsigned g0 = r->p[w0].gaz & 0xF, gl = r->p[last].gaz & 0xF;
    float sc = 0;
    /* two given names hyphened make a name with a cue or a surname; alone
     * they may name a street ("is Anne-Lotte and Aqqusinersuaq 99") */
    if (words == 1 && r->p[w0].hyphened && !strong && !title) g0 = 0;
    if (words == 1) {
        if ((g0 & EW__GAZ_FIRST) && !(g0 & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
            sc = 0.55f;
        else if ((g0 & EW__GAZ_LAST) && !(g0 & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
            sc = 0.5f;
        else if (g0 & (EW__GAZ_FIRST | EW__GAZ_LAST))
            sc = 0.25f;
        else if (!g0)
            sc = 0.35f;
        if (initials) sc += particles ? 0.35f : 0.2f; /* "K. van Dam" */
    } else {
        if (places)
            sc = 0.1f;
        else if (named == words && (g0 & EW__GAZ_FIRST))
            sc = 0.85f;
        else if (named == words)
            sc = 0.7f;
        else if ((g0 & EW__GAZ_FIRST) && (gl & EW__GAZ_LAST))
            sc = 0.75f;
        else if (named >= 1)
            sc = 0.4f;
        if (initials) sc += 0.15f;
    }
    if (notname) sc -= (g0 & EW__GAZ_FIRST) && words > 1 ? 0.25f : 0.5f;
    size_t ss = r->ss, se = r->se;
    bool at_line = ss == c->line_start || (ss > 0 && s[ss - 1] == '\n');
    if (words == 1 && !title && !strong && r->p[w0].e - r->p[w0].s <= 2)
        sc -= 0.3f; /* "Mi", "Li": too short to stand alone */
    if (words == 1 && w0 == 0 && !title && !strong && sentence_initial(s, ss, c->line_start) &&
        (g0 & EW__GAZ_COMMON))
        sc -= 0.2f;
    /* lowercased text: a single word must be a given name */
    if (!c->seen_upper && !strong && words == 1 && !(g0 & EW__GAZ_FIRST)) sc -= 0.3f;
    /* ... and a name of the core lists: the extended ones hold too many words
     * of other languages ("piga simu", "sinh ngày") */
    if (!c->seen_upper && !strong && core == 0) sc -= 0.3f;
    if (strong && ss == i)
        sc += 0.4f;
    else if (title && ss == i)
        sc += 0.35f;
    else if (pii_cue_near(c, CUE_NAME, ss, 30))
        sc += 0.15f;
    /* what follows: a verb people do, a speaker's colon, a house number */
    size_t f = se;
    if (f + 2 < n && s[f] == '\'' && s[f + 1] == 's') f += 2;
    if (f + 3 < n && s[f] == ':' && at_line && words <= 2 && s[f + 1] == ' ' &&
        (speech_at(s, n, f + 2) ||
         (!(g0 & (EW__GAZ_COMMON | EW__GAZ_PLACE)) && dialogue_turn(s, n, ss, f))) &&
        !ew__pii_form_text(c))
        sc += 0.3f; /* "Ubul: What a wife." (not "Website:\n", "Kwota: -100,00") */
    if (f + 1 < n && s[f] == ' ' && pii_is_digit(s[f + 1]))
        sc -= 0.3f; /* "Joaquin Suarez 2906" is a street */
    if (f + 1 < n && s[f] == ' ' && pii_is_lower(s[f + 1])) {
        char w[EW__GAZ_MAX_WORD];
        size_t e = f + 1, wl = 0;
        while (e < n && pii_is_lower(s[e]) && wl < sizeof w - 1)
            w[wl++] = (char)s[e++];
        if (kw_of(w, wl) & PII_KW_VERB) sc += words == 1 ? 0.2f : 0.1f;
    }
    if (words <= 2 && marked_name(s, n, ss, se)) sc += 0.35f;
    /* "says Hartvigsson" */
    if (ss >= 5 && (!strncmp((const char *)s + ss - 5, "says ", 5) ||
                    (ss >= 5 && !strncmp((const char *)s + ss - 5, "said ", 5))))
        sc += 0.2f;
    if (ss >= 4 && pii_icase_eq(s + ss - 4, "the ", 4) && !strong) {
        sc -= 0.3f;
    }
    if (words <= 2 && speaker_line(s, n, c->line_start, ss, se)) sc += 0.35f;
    if (words == 1 && at_line && !strong && label_after(s, n, se))
        sc -= 0.3f; /* "Địa chỉ:", "Ngày sinh:": a label of two words */
    /* "forward it to Răzvan", "ask Hafiz": the object of a verb that is done
     * to people; "Sorry, Sabbir here": a speaker naming themself */
    if (words <= 2 && sc < c->sc->min_score[EW_PII_PERSON] &&
        !(g0 & (EW__GAZ_COMMON | EW__GAZ_PLACE)) &&
        (person_object(s, ss) || self_named(s, n, ss, se)))
        sc += 0.35f;
    /* "in Springfield", "from Porto": a lone word after a place preposition */
    static const char *const preps[] = {" in ", " from ", " to ", " near ", " at ", " of "};
    for (size_t pk = 0; words == 1 && !strong && !title && !(g0 & EW__GAZ_FIRST) &&
                        pk < sizeof preps / sizeof preps[0];
         pk++) {
        size_t l = strlen(preps[pk]);
        if (ss >= l && !memcmp(s + ss - l, preps[pk], l)) {
            sc -= 0.15f;
            break;
        }
    }
    if (words >= 2 && at_line && (se >= n || s[se] == '\n')) sc += 0.1f;
    return sc > 0.99f ? 0.99f : sc;
}

/* "X, Y and Z": the separator after a run, or 0. */
static size_t list_sep(const unsigned char *s, size_t n, size_t e)
{
    static const char *const seps[] = {", and ", ", ", " and ", " & ", " or "};
    static const size_t lens[] = {6, 2, 5, 3, 4};
    if (e + 2 >= n || (s[e] != ',' && s[e] != ' ')) return 0;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t l = lens[k];
        if (e + l < n && !memcmp(s + e, seps[k], l) && pii_is_upper(s[e + l])) return e + l;
    }
    return 0;
}

/* Words before a list that make it a firm's name ("at Hawkins, Richardson
 * and Santana"). */
static bool org_context(const unsigned char *s, size_t ss, size_t line_start)
{
    static const char *const pre[] = {"at ", "from ", "for ", "of ",    "with ",
                                      "by ", "the ",  "The ", "joined "};
    for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
        size_t l = strlen(pre[k]);
        if (ss >= l && !memcmp(s + ss - l, pre[k], l)) return true;
    }
    return ss == line_start || (ss > 0 && (s[ss - 1] == '\n' || s[ss - 1] == '>'));
}

/* Surname endings of many languages ("Kowalskiej", "Brzezicka",
 * "Petrović", "Ivanova", "Andersson", "Papadopoulos", "Ionescu"). */
#define E(x)                                                                                       \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }
static bool surname_shape(const char *f, size_t fl)
{
    static const struct {
        char w[7];
        unsigned char l;
    } ends[] = {E("ski"),    E("ska"),   E("skiej"),  E("skiego"), E("skim"),  E("cki"),
                E("cka"),    E("ckiej"), E("ckiego"), E("dzki"),   E("dzka"),  E("wicz"),
                E("czyk"),   E("ovic"),  E("evic"),   E("enko"),   E("chuk"),  E("sson"),
                E("poulos"), E("akis"),  E("idis"),   E("escu"),   E("ova"),   E("eva"),
                E("ovna"),   E("evna"),  E("owski"),  E("ewski"),  E("owska"), E("ewska"),
                E("yan"),    E("ian"),   E("shvili"), E("adze"),   E("oglu"),  E("ovich")};
    if (fl < 5) return false;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t l = ends[k].l;
        if (fl > l + 1 && f[fl - 1] == ends[k].w[l - 1] && !memcmp(f + fl - l, ends[k].w, l))
            return true;
    }
    return false;
}

/* Is [s, e) a given name in an inflected form ("Anny" for Anna, "Marka"
 * for Marek, "Tomaszowi" for Tomasz)? Case endings are stripped, with "a"
 * put back for feminine names. */
static bool inflected_name(const unsigned char *s, size_t i, size_t e)
{
    static const struct {
        char w[4];
        unsigned char l;
    } endings[] = {E("owi"), E("em"), E("ie"), E("ej"), E("y"), E("a"), E("i"), E("u"), E("e")};
    char f[EW__GAZ_MAX_WORD + 1];
    size_t fl = ew__gaz_fold_word(s + i, e - i, f);
    if (fl < 4) return false;
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
        size_t l = endings[k].l;
        if (fl <= l + 2 || f[fl - 1] != endings[k].w[l - 1] || memcmp(f + fl - l, endings[k].w, l))
            continue;
        size_t b = fl - l;
        if (ew__gaz_lookup(f, b) & EW__GAZ_FIRST) return true;
        f[b] = 'a';
        if (ew__gaz_lookup(f, b + 1) & EW__GAZ_FIRST) return true;
        if (b >= 3) { /* "Marka" -> "Marek": a vowel dropped before the ending */
            char g[EW__GAZ_MAX_WORD + 1];
            memcpy(g, f, b - 1);
            g[b - 1] = 'e';
            g[b] = f[b - 1];
            if (ew__gaz_lookup(g, b + 1) & EW__GAZ_FIRST) return true;
        }
        memcpy(f + b, endings[k].w, l);
    }
    return false;
}
#undef E

/* Does the run hold a given name from the gazetteer? The costlier evidence
 * (surname shapes, inflected given names) is weighed only when the text turns
 * out not to be English (ew__pii_name_evidence). */
static bool run_has_name(const run *r)
{
    for (int a = 0; a < r->k; a++)
        if (!r->p[a].particle && !r->p[a].initial && (r->p[a].gaz & EW__GAZ_FIRST)) return true;
    return false;
}

/* A full name as a field holds one: a given name then more ("Wyatt
 * Kimball"), or a surname then a given name ("Kobayashi Daiki"), neither
 * also an ordinary word ("Rose Gold", "Forest Green" are colours). */
static bool field_name(const run *r)
{
    const unsigned name = EW__GAZ_FIRST | EW__GAZ_LAST;
    int first = -1, last = -1;
    for (int a = 0; a < r->k && r->p[a].e <= r->se; a++)
        if (!r->p[a].particle && !r->p[a].initial) {
            if (first < 0) first = a;
            last = a;
        }
    if (first < 0 || first == last) return false;
    unsigned g0 = r->p[first].gaz & 0xF, gl = r->p[last].gaz & 0xF;
    bool plain0 = !(g0 & EW__GAZ_COMMON) && (g0 & name),
         plainl = !(gl & EW__GAZ_COMMON) && (gl & name);
    return plain0 && ((g0 & EW__GAZ_FIRST) || (plainl && (gl & EW__GAZ_FIRST)));
}

/* A name in a title-cased line (ew__pii_title_line): two or three words, the
 * first a given name of three letters or more, the last a listed name and no
 * ordinary word ("Rhys Pritchard | Customer Support"; not "Victoria Falls",
 * "Tommy Hilfiger Crew Socks", "Thanh Toán"). */
static bool title_line_name(const unsigned char *s, const run *r)
{
    int w[MAX_PARTS], words = 0;
    for (int a = 0; a < r->k && r->p[a].e <= r->se; a++)
        if (!r->p[a].particle && !r->p[a].initial) w[words++] = a;
    if (words < 2 || words > 3) return false;
    unsigned g0 = r->p[w[0]].gaz & 0xF, gl = r->p[w[words - 1]].gaz & 0xF;
    if (!(g0 & EW__GAZ_FIRST) || (g0 & EW__GAZ_COMMON) || (gl & EW__GAZ_COMMON)) return false;
    /* the extended lists and two letters hold too many words of other
     * languages ("Ka Bax") */
    if ((r->p[w[0]].gaz & r->p[w[words - 1]].gaz & EW__GAZ_EXT) || r->p[w[0]].e - r->p[w[0]].s < 3)
        return false;
    /* Vietnamese syllables fold onto names ("Tìm Kiếm", "Trang Chủ"), and
     * Vietnamese names put the family name first */
    for (size_t b = r->p[w[0]].s; b + 2 < r->p[w[words - 1]].e; b++)
        if ((s[b] == 0xE1 && (s[b + 1] == 0xBA || s[b + 1] == 0xBB)) ||
            (s[b] == 0xC6 && (s[b + 1] == 0xA1 || s[b + 1] == 0xB0)) ||
            (s[b] == 0xC4 && (s[b + 1] == 0x83 || s[b + 1] == 0x91)))
            return false;
    return (gl & (EW__GAZ_FIRST | EW__GAZ_LAST)) != 0;
}

/* Does a feature of the land end the run or follow it ("Victoria Falls",
 * "Jackson Hole")? */
static bool place_named(const unsigned char *s, size_t n, const run *r)
{
    int last = r->k - 1;
    while (last > 0 && r->p[last].e > r->se)
        last--;
    if (last > 0 && ew__pii_place_word(s, r->p[last].s, r->p[last].e)) return true;
    size_t e = r->se + 1;
    if (e + 2 >= n || s[r->se] != ' ') return false;
    while (e < n && pii_is_alpha(s[e]) && e - r->se < 12)
        e++;
    return (e == n || !(pii_is_alnum(s[e]) || s[e] >= 0x80)) && ew__pii_place_word(s, r->se + 1, e);
}

/* Does the run open its line and end at a colon whose value has no word in
 * small letters of three or more ("Gönderim Yeri: Victoria")? */
static bool field_label_run(const pii_ctx *c, const run *r)
{
    const unsigned char *s = c->s;
    size_t n = c->n, ss = r->ss, se = r->se;
    if (ss != c->line_start && !(ss > 0 && s[ss - 1] == '\n')) return false;
    if (se + 1 >= n || s[se] != ':' || (s[se + 1] != ' ' && s[se + 1] != '\t')) return false;
    for (size_t k = se + 1; k < n && s[k] != '\n' && k - se < 256; k++)
        if (pii_is_lower(s[k]) && !pii_is_alnum(s[k - 1]) && k + 2 < n && pii_is_lower(s[k + 1]) &&
            pii_is_lower(s[k + 2]))
            return false;
    return true;
}

/* Does a list's separator end right before ss ("Molly M and Scott M")? */
static bool listed_after(const unsigned char *s, size_t ss)
{
    return (ss >= 2 && s[ss - 2] == ',' && s[ss - 1] == ' ') ||
           (ss >= 5 && !memcmp(s + ss - 5, " and ", 5));
}

/* Does the run fill a pair of square brackets after a log level on its
 * line, as logs name a component or a logger ("WARN  [Luna Scheduler] Job
 * ...")? A transcript's speaker ("[Siddharth] Could you ...") has none. */
static bool bracketed(const unsigned char *s, size_t n, size_t ss, size_t se, size_t ls)
{
    static const char *const levels[] = {"INFO",  "WARN",  "WARNING", "ERROR",  "DEBUG",
                                         "TRACE", "FATAL", "NOTICE",  "SEVERE", NULL};
    if (ss < 2 || s[ss - 1] != '[' || se >= n || s[se] != ']') return false;
    for (size_t k = ls; k + 4 < ss; k++) {
        if (!pii_is_upper(s[k]) || (k > ls && pii_is_alnum(s[k - 1]))) continue;
        size_t e = k;
        while (e < ss && pii_is_upper(s[e]))
            e++;
        for (int j = 0; levels[j]; j++)
            if (strlen(levels[j]) == e - k && !memcmp(s + k, levels[j], e - k)) return true;
        k = e;
    }
    return false;
}

/* One word of two letters or more, alone or after a one-letter word ("O
 * Jenkins caiu"); *at gets its start. */
static bool lone_word(const run *r, size_t *at)
{
    int words = 0;
    for (int a = 0; a < r->k && r->p[a].e <= r->se; a++)
        if (!r->p[a].particle && !r->p[a].initial && r->p[a].e - r->p[a].s > 1) {
            words++;
            *at = r->p[a].s;
        }
    return words == 1;
}

/* One word without initials, or only words that are also ordinary words
 * ("Rose Gold"); a word after initials is a surname ("J. R. Tolkien-Baines",
 * "K. van Dam"), and so is an ordinary word after a particle ("van Dam"). */
static bool lone_or_words(const run *r)
{
    int words = 0, common = 0, initials = 0;
    for (int a = 0; a < r->k && r->p[a].e <= r->se; a++)
        if (r->p[a].initial)
            initials++;
        else if (!r->p[a].particle) {
            words++;
            common += (r->p[a].gaz & EW__GAZ_COMMON) && !(a > 0 && r->p[a - 1].particle);
        }
    return !initials && (words <= 1 || common == words);
}

/* For a name found by capitalisation alone in text that is not English:
 * does any of its words have a surname's shape or inflect a given name? A
 * lone word does not count: in such text only a given name makes it a name.
 * The census surname list's long tail holds too many words of other
 * languages ("Der", "Consiglio", "Piano") to count here. */
bool ew__pii_name_evidence(const pii_ctx *c, size_t ss, size_t se)
{
    const unsigned char *s = c->s;
    size_t i = ss;
    int words = 0;
    bool found = false;
    while (i < se) {
        size_t e = name_word_end(s, se, i);
        if (e == i) {
            i++;
            continue;
        }
        if (e - i > 1 && !is_particle(s, i, e)) {
            words++;
            char f[EW__GAZ_MAX_WORD];
            size_t fl = ew__gaz_fold_word(s + i, e - i, f);
            found |= surname_shape(f, fl) || inflected_name(s, i, e);
        }
        i = e;
    }
    return words > 1 && found;
}

/* "Jr.", "III", "PhD" after a name belong to it; returns the new end. */
static size_t name_suffix_end(const unsigned char *s, size_t n, size_t se)
{
    static const char *const suf[] = {"Jr.", "Sr.", "Jr", "Sr",  "III", "II",
                                      "IV",  "PhD", "MD", "DDS", "DVM", "Esq."};
    size_t p = se;
    if (p < n && s[p] == ',') p++;
    if (p + 2 >= n || s[p] != ' ' || !pii_is_upper(s[p + 1])) return se;
    p++;
    for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
        if (s[p] != (unsigned char)suf[k][0]) continue;
        size_t l = strlen(suf[k]);
        if (p + l <= n && !memcmp(s + p, suf[k], l) &&
            (p + l == n || !(pii_is_alnum(s[p + l]) || s[p + l] >= 0x80)))
            return p + l;
    }
    return se;
}

/* Remembers the first and last words of a full name (not initials or
 * particles), without a possessive "'s". */
static void remember_name(pii_ctx *c, const run *r, bool weak)
{
    int first = -1, last = -1;
    for (int a = 0; a < r->k && r->p[a].e <= r->se; a++)
        if (!r->p[a].particle && !r->p[a].initial) {
            if (first < 0) first = a;
            last = a;
        }
    if (first < 0 || first == last) return;
    int pick[2] = {first, last};
    for (int k = 0; k < 2; k++) {
        const part *q = &r->p[pick[k]];
        size_t l = q->e - q->s;
        if (l > 2 && c->s[q->e - 2] == '\'' && c->s[q->e - 1] == 's') l -= 2;
        if (l < 3 || l > 40) continue;
        bool dup = false;
        for (int j = 0; j < c->n_known_name && !dup; j++)
            dup = c->known_name[j].len == l && !memcmp(c->s + c->known_name[j].at, c->s + q->s, l);
        if (dup) continue;
        int slot = c->n_known_name < 16 ? c->n_known_name++ : (int)(q->s % 16);
        c->known_name[slot].at = (uint32_t)q->s;
        c->known_name[slot].len = (uint8_t)l;
        c->known_name[slot].weak = weak;
    }
}

/* A word at i that repeats part of a full name seen before ("directed by
 * Joakim Westgård and starring Westgård"); its end, or 0. */
static size_t known_name_at(const pii_ctx *c, size_t i, bool *weak)
{
    const unsigned char *s = c->s;
    int j = 0;
    while (j < c->n_known_name && s[c->known_name[j].at] != s[i])
        j++;
    if (j == c->n_known_name) return 0; /* no name starts with this letter */
    size_t n = c->n, e = name_word_end(s, n, i), l = e - i;
    if (l > 2 && s[e - 2] == '\'' && s[e - 1] == 's') l -= 2;
    for (; j < c->n_known_name; j++) {
        if (c->known_name[j].len != l || c->known_name[j].at == i ||
            memcmp(s + c->known_name[j].at, s + i, l))
            continue;
        /* a word of a longer capitalised run is read as that run */
        if (e + 1 < n && s[e] == ' ' && cp_upper_at(s, n, e + 1)) return 0;
        if (e < n && (s[e] == '@' || s[e] == '_' || pii_is_digit(s[e]))) return 0;
        *weak = c->known_name[j].weak;
        return i + l;
    }
    return 0;
}

/* Adds a person span; one resting on capitalisation alone is remembered, to
 * be dropped if the text turns out not to be English. */
static void add_person(pii_ctx *c, size_t ss, size_t se, float sc, bool weak)
{
    int idx = c->res->n;
    ew__pii_add(c, EW_PII_PERSON, ss, se, sc);
    if (!weak || c->res->n != idx + 1) return;
    if (c->n_weak_person == c->cap_weak_person) {
        int cap = c->cap_weak_person ? c->cap_weak_person * 2 : 32;
        uint32_t *p = realloc(c->weak_person, (size_t)cap * sizeof *p);
        if (!p) {
            c->status = EW_ERR_NOMEM; /* fails the scan closed */
            return;
        }
        c->weak_person = p;
        c->cap_weak_person = cap;
    }
    c->weak_person[c->n_weak_person++] = (uint32_t)idx;
}

/* A first word the gazetteer knows only as an ordinary word or a place
 * ("Write", "Please", "London") starts no name: read_run would make it the
 * run's first part (or stop before it), and score_run rejects a run whose
 * first part is such a word, so the scan can stop before reading the run. */
static bool common_first_word(const pii_ctx *c, size_t i, first_word *fw)
{
    bool known = c->word.at == i; /* the driver's plain word: folded already */
    fw->e = known ? i + c->word.len : name_word_end(c->s, c->n, i);
    if (fw->e - i < 2) { /* an initial "J." is read differently */
        fw->e = 0;
        return false;
    }
    if (known) {
        fw->fl = c->word.len;
        memcpy(fw->fold, c->word.q, sizeof c->word.q);
        fw->gaz = ew__gaz_lookup_padded(c->word.q, c->word.len, c->word.hash);
    } else {
        fw->gaz = lookup_part(c->s, i, fw->e, fw->fold, &fw->fl);
    }
    return only_common(fw->gaz) && !(fw->gaz & EW__GAZ_WORD); /* see read_run */
}

/* A lowercase word alone in a data field: a JSON key or a CSV column
 * ("mac": ..., "device,mac,ip"), not a name written in lowercase. */
static bool data_field(const unsigned char *s, size_t n, size_t a, size_t e)
{
    if (!pii_is_lower(s[a]) || a == 0 || e >= n) return false;
    unsigned p = s[a - 1], q = s[e];
    bool key = (p == '"' || p == '\'') && q == p && e + 1 < n && s[e + 1] == ':';
    return key || ((p == ',' || p == '\n' || p == '\t') && (q == ',' || q == '\t'));
}

/* An author as reference lists write one, the surname [.., se) then its
 * initials: "Kōda, G. (2013)", "Rahman, E., & Gyatso, P. L. (2024)". The
 * initials' end, or 0. */
static size_t cited_author_end(const unsigned char *s, size_t n, size_t se)
{
    if (se + 4 >= n || s[se] != ',' || s[se + 1] != ' ') return 0;
    size_t k = se + 2;
    int inits = 0;
    while (k + 1 < n && pii_is_upper(s[k]) && s[k + 1] == '.' && inits < 3) {
        inits++;
        k += 2;
        if (k + 2 < n && s[k] == ' ' && pii_is_upper(s[k + 1]) && s[k + 2] == '.') k++;
    }
    if (!inits) return 0;
    bool year = k + 2 < n && s[k] == ' ' && s[k + 1] == '(' && pii_is_digit(s[k + 2]);
    bool next =
        k + 3 < n && s[k] == ',' && s[k + 1] == ' ' && (s[k + 2] == '&' || pii_is_upper(s[k + 2]));
    bool amp = k + 2 < n && s[k] == ' ' && s[k + 1] == '&';
    return year || next || amp ? k : 0;
}

/* [a, e) fills a CSV, TSV or pipe-table cell: a delimiter or a line's end
 * on both sides. */
static bool cell_at(const unsigned char *s, size_t n, size_t a, size_t e)
{
    unsigned p = a ? s[a - 1] : '\n', q = e < n ? s[e] : '\n';
    if (q == ' ' && !(e + 1 < n && s[e + 1] == '|')) return false; /* prose, mostly */
    bool left = p == ',' || p == ';' || p == '\t' || p == '\n' || p == '"' ||
                (p == ' ' && a >= 2 && s[a - 2] == '|');
    bool right = q == ',' || q == ';' || q == '\t' || q == '\n' || q == '\r' || q == '"' ||
                 (q == ' ' && e + 1 < n && s[e + 1] == '|');
    return left && right && (p != '\n' || q != '\n');
}

/* Capitalised words that make the next word a place or a storm, not a
 * person: "Lake Louise", "Port Elizabeth", "Santa Clara", "Isle of Skye",
 * "Hurricane Katrina", "Storm Ciarán". */
static bool place_prefix(const unsigned char *s, size_t i, size_t e)
{
    static const struct {
        char w[10];
        uint8_t l;
    } pre[] = {{"Lake", 4},   {"Mount", 5}, {"Mt", 2},         {"Santa", 5},   {"San", 3},
               {"Saint", 5},  {"St", 2},    {"Port", 4},       {"Fort", 4},    {"Cape", 4},
               {"Glen", 4},   {"Loch", 4},  {"Isle", 4},       {"Lago", 4},    {"Monte", 5},
               {"Puerto", 6}, {"Costa", 5}, {"Hurricane", 9},  {"Typhoon", 7}, {"Cyclone", 7},
               {"Rio", 3},    {"New", 3},   {"Storm", 5},      {"Santo", 5},   {"Sankt", 5},
               {"Sainte", 6}, {"Mont", 4},  {"S\xC3\xA3o", 4}, {"Cabo", 4},    {"Ciudad", 6}};
    size_t l = e - i;
    if (l < 2 || l > 9) return false;
    for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++)
        if (pre[k].l == l && pre[k].w[0] == (char)s[i] && !memcmp(s + i, pre[k].w, l)) return true;
    return false;
}

/* Is the word before i (over " ", ". " and an "of") a place prefix? */
static bool after_place_prefix(const unsigned char *s, size_t i)
{
    for (int hop = 0; hop < 2; hop++) {
        if (i < 3 || s[i - 1] != ' ') return false;
        size_t e = i - 1;
        if (s[e - 1] == '.') e--;
        size_t b = e;
        while (b > 0 && pii_is_alpha(s[b - 1]))
            b--;
        if (hop == 0 && e - b == 2 && s[b] == 'o' && s[b + 1] == 'f') {
            i = b; /* "Isle of Skye" */
            continue;
        }
        return place_prefix(s, b, e);
    }
    return false;
}

static bool hl7_pid_at(const pii_ctx *c, size_t i)
{
    return c->s[i] == 'P' && i + 4 < c->n && !memcmp(c->s + i, "PID|", 4) &&
           (i == 0 || c->s[i - 1] == '\n' || c->s[i - 1] == '\r');
}

/* An HL7 v2 PID segment at i (a line "PID|..."): field 5 is the patient's
 * name (family^given^middle), field 7 the date of birth (YYYYMMDD, a time
 * may follow) and field 11 the address, by the standard's field order; no
 * cue word is written. */
static void hl7_pid(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, a = i + 4;
    for (int f = 1; f <= 11 && a <= n; f++) {
        size_t e = a;
        while (e < n && s[e] != '|' && s[e] != '\n' && s[e] != '\r')
            e++;
        if (f == 5 && e > a && pii_is_alpha(s[a])) ew__pii_add(c, EW_PII_PERSON, a, e, 0.85f);
        if (f == 7 && e - a >= 8) {
            int v[8];
            size_t k = 0;
            while (k < 8 && pii_is_digit(s[a + k]))
                v[k] = s[a + k] - '0', k++;
            int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5],
                d = v[6] * 10 + v[7];
            if (k == 8 && y >= 1880 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
                ew__pii_add(c, EW_PII_DATE_OF_BIRTH, a, e, 0.85f);
        }
        if (f == 11 && e - a >= 6 && memchr(s + a, ' ', e - a)) {
            size_t d = a;
            while (d < e && !pii_is_digit(s[d]))
                d++;
            if (d < e) ew__pii_add(c, EW_PII_STREET_ADDRESS, a, e, 0.8f);
        }
        if (e >= n || s[e] != '|') return;
        a = e + 1;
    }
}

/* Do the word [a, e) and the lowercase word after it make a cue phrase
 * ("Kia ora", "Is mise")? */
static bool cue_phrase_at(const unsigned char *s, size_t n, size_t a, size_t e)
{
    char w[PII_WORD_MAX];
    size_t l = e - a, k = e + 1;
    if (l + 2 >= sizeof w || k >= n || s[e] != ' ' || !pii_is_lower(s[k])) return false;
    for (size_t j = 0; j < l; j++)
        w[j] = (char)(s[a + j] | 32);
    for (int words = 1; words < 3; words++) { /* "Kia ora", "Jina langu ni" */
        w[l++] = ' ';
        while (k < n && pii_is_lower(s[k]) && l < sizeof w - 1)
            w[l++] = (char)s[k++];
        uint32_t cues = ew__pii_cue_lookup(w, l);
        if (cues & ((1u << CUE_COUNT) - 1)) return true;
        if (!(cues & PII_CUE_PREFIX) || k + 1 >= n || s[k] != ' ' || !pii_is_lower(s[k + 1]) ||
            l + 2 >= sizeof w)
            return false;
        k++;
    }
    return false;
}

/* The word of ASCII letters that ends at e (before a space at e): its start, or e. */
static size_t word_before(const unsigned char *s, size_t e)
{
    size_t b = e;
    while (b > 0 && pii_is_alpha(s[b - 1]) && e - b < 16)
        b--;
    return b;
}

/* "In 1923, X": a year of the past opens the clause; its people are
 * historical figures, not anyone's personal data. */
static bool past_year_before(const unsigned char *s, size_t ss)
{
    if (ss < 9 || s[ss - 1] != ' ' || s[ss - 2] != ',') return false;
    size_t d = ss - 2;
    int year = 0;
    for (size_t k = d - 4; k < d; k++) {
        if (!pii_is_digit(s[k])) return false;
        year = year * 10 + (s[k] - '0');
    }
    return year < 1950 && s[d - 5] == ' ' && (s[d - 7] | 32) == 'i' && s[d - 6] == 'n';
}

/* Where a company, a shop or a bank stands, not a person: after "at" (but
 * "shouted at Gary", "look at Anna"), "works for", "employed by", "bank
 * with", "account with". [ss, ...) is the run, after any title ("at Dr.
 * Oetker"). */
static bool org_before(const unsigned char *s, size_t ss, bool title)
{
    if (ss < 4 || s[ss - 1] != ' ') return false;
    unsigned last = s[ss - 2]; /* "at", "for", "by", "with", "of", "about", "to"; "1923," */
    if (last != 't' && last != 'r' && last != 'y' && last != 'h' && last != 'f' && last != 'o' &&
        last != ',')
        return false;
    size_t pe = ss - 1, pb = word_before(s, pe);
    if (pb == pe) return past_year_before(s, ss); /* "In 1923, Mustafa Kemal ..." */
    if (pe - pb > 5) return false;
    size_t vb = pb >= 2 && s[pb - 1] == ' ' ? word_before(s, pb - 1) : pb;
    if (pe - pb == 2 && (s[pb] | 32) == 'a' && s[pb + 1] == 't')
        return !(vb < pb - 1 && word_in(s, vb, pb - 1 - vb, at_person));
    if ((pe - pb == 3 && !memcmp(s + pb, "for", 3)) || (pe - pb == 2 && !memcmp(s + pb, "by", 2)) ||
        (pe - pb == 4 && !memcmp(s + pb, "with", 4)) || (pe - pb == 2 && !memcmp(s + pb, "of", 2)))
        return !title && vb < pb - 1 &&
               (word_in(s, vb, pb - 1 - vb, org_verbs) ||
                word_in(s, vb, pb - 1 - vb, hist_nouns)); /* not "accounts with ms. Marcela" */
    if ((pe - pb == 5 && !memcmp(s + pb, "about", 5)) || (pe - pb == 2 && !memcmp(s + pb, "to", 2)))
        return !title && vb < pb - 1 && word_in(s, vb, pb - 1 - vb, hist_nouns);
    return false;
}

/* "Employer: Dow Jones", "COMPANY  Wells Fargo": a label that names a firm
 * before [ss, ...). */
static bool org_label_before(const unsigned char *s, size_t ss)
{
    size_t k = ss;
    while (k > 0 && s[k - 1] == ' ' && ss - k < 3)
        k--;
    if (k < 2 || s[k - 1] != ':') return false;
    size_t b = word_before(s, k - 1);
    return b < k - 1 && word_in(s, b, k - 1 - b, org_labels);
}

/* "John Smith's office": a possessive name and its noun (a person's, even
 * after "at"). */
static bool possessed(const unsigned char *s, size_t n, size_t se)
{
    if (se > 2 && s[se - 2] == '\'' && s[se - 1] == 's') se -= 2;
    return se + 3 < n && s[se] == '\'' && s[se + 1] == 's' && s[se + 2] == ' ' &&
           pii_is_lower(s[se + 3]);
}

/* A word after the run that makes it a business ("Krispy Kreme catering",
 * "Wells Fargo shares", "Tim Hortons locations"); a possessive with its
 * noun is a person's ("Anna's shop"), so shops only count without one. */
static bool org_after(const unsigned char *s, size_t n, size_t se)
{

    bool poss = se + 2 < n && s[se] == '\'' && s[se + 1] == 's';
    size_t a = se + (poss ? 2 : 0);
    poss |= se > 2 && s[se - 2] == '\'' && s[se - 1] == 's'; /* "Papa John's" */
    if (a + 1 >= n || s[a] != ' ' || !pii_is_lower(s[a + 1])) return false;
    size_t e = a + 1;
    while (e < n && pii_is_lower(s[e]) && e - a < 16)
        e++;
    return word_in(s, a + 1, e - a - 1, biz_any) ||
           (!poss && word_in(s, a + 1, e - a - 1, biz_plain));
}

/* A street type written before its name ("Str. Mihai Eminescu", "Calle
 * Benito Juárez", "ul. Jana Pawła"): capitalised or abbreviated with a dot,
 * and no title ("Dr." is also a Drive). */
static bool after_street_word(const unsigned char *s, size_t i)
{
    if (i < 3 || s[i - 1] != ' ') return false;
    size_t e = i - 1;
    bool dot = s[e - 1] == '.';
    if (dot) e--;
    size_t b = e;
    while (b > 0 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80) && e - b < 12)
        b--;
    if (b == e || (!dot && !pii_is_upper(s[b])) || (b > 0 && pii_is_alnum(s[b - 1]))) return false;
    char w[EW__GAZ_MAX_WORD];
    size_t l = ew__gaz_fold_word(s + b, e - b, w); /* "Phố Huế", "Calle", "Str." */
    uint32_t kw = l ? ew__pii_cue_lookup(w, l) : 0;
    return (kw & PII_KW_STREET) && !(kw & (1u << CUE_TITLE));
}

/* A street type right after the run: "Martin Luther King Jr Blvd" is a street. */
static bool street_after(const unsigned char *s, size_t n, size_t se)
{
    if (se + 2 >= n || s[se] != ' ' || !pii_is_upper(s[se + 1])) return false;
    size_t e = se + 1;
    while (e < n && pii_is_alpha(s[e]) && e - se < 12)
        e++;
    if (e < n && pii_is_alnum(s[e])) return false;
    char w[16];
    size_t l = e - se - 1;
    for (size_t k = 0; k < l; k++)
        w[k] = (char)(s[se + 1 + k] | 32);
    uint32_t kw = ew__pii_cue_lookup(w, l);
    return (kw & PII_KW_STREET) && !(kw & (1u << CUE_TITLE));
}

/* Vietnamese "tôi là X", "tên là X" (I am X, the name is X), composed or
 * in NFD: [i, we) is the "là". The driver reads "là" as an identifier's
 * tail, so the name reader looks back for it. */
static bool vi_copula(const unsigned char *s, size_t i, size_t we)
{
    char f[EW__GAZ_MAX_WORD];
    if (ew__gaz_fold_word(s + i, we - i, f) != 2 || memcmp(f, "la", 2) || i < 5 || s[i - 1] != ' ')
        return false;
    size_t b = i - 1;
    while (b > 0 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80) && i - b < 12)
        b--;
    size_t l = ew__gaz_fold_word(s + b, i - 1 - b, f);
    return l == 3 && (!memcmp(f, "toi", 3) || !memcmp(f, "ten", 3));
}

/* "name: billing-worker", "  - name: frontend": the YAML or config key
 * "name" in small letters opening its line, its colon at `at` - 1 (keys
 * such as "patient:" or "owner:" name people). */
static bool config_key_before(const unsigned char *s, size_t at)
{
    if (at < 5 || s[at - 1] != ':' || memcmp(s + at - 5, "name", 4)) return false;
    size_t b = at - 5;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '-'))
        b--;
    return b == 0 || s[b - 1] == '\n';
}

/* A lowercase word alone on its line under a config key is an identifier
 * ("name: frontend"), unless the gazetteer has it as a name and no ordinary
 * word ("patient: farhan"). */
static bool config_value(const pii_ctx *c, size_t i)
{
    if (!pii_is_lower(c->s[i]) || c->name_next_at > i || !config_key_before(c->s, c->name_next_at))
        return false;
    char fold[EW__GAZ_MAX_WORD];
    size_t fl, e = name_word_end(c->s, c->n, i);
    if (e < c->n && c->s[e] != '\n' && c->s[e] != '\r') return false;
    unsigned g = lookup_part(c->s, i, e, fold, &fl);
    return !(g & (EW__GAZ_FIRST | EW__GAZ_LAST)) || (g & EW__GAZ_COMMON);
}

size_t ew__pii_scan_name(pii_ctx *c, size_t i, size_t we, unsigned gaz_flags)
{
    (void)gaz_flags;
    (void)we;
    if (i < c->name_list_end) return 0; /* a member of a list already scored */
    /* Hebrew and Arabic have no capitals: pii_name_script.c reads them */
    if (c->s[i] >= 0xD6 && c->s[i] <= 0xDB && ew__pii_script_at(c->s, c->n, i)) return 0;
    if (hl7_pid_at(c, i)) hl7_pid(c, i);
    if (!c->seen_upper && c->s[i] >= 0xC0 && cp_upper_at(c->s, c->n, i))
        c->seen_upper = true; /* "Þórir will ...": capitals beyond ASCII count */
    bool strong = c->name_next_at != CUE_NONE && i >= c->name_next_at && i - c->name_next_at <= 2;
    if (strong && config_value(c, i)) return 0;
    bool title = c->title_at != CUE_NONE && i >= c->title_at && i - c->title_at <= 2;
    /* the commonest capitalised words ("The", "Please", "We") end here cheaply;
     * a capital and a full stop before a name is an initial ("A. Kowalczyk") */
    bool initial =
        i + 3 < c->n && c->s[i + 1] == '.' && pii_is_upper(c->s[i]) &&
        (pii_is_upper(c->s[i + 2]) || (c->s[i + 2] == ' ' && pii_is_wordch(c->s[i + 3])));
    if (initial) {
        /* read by read_run */
    } else if (c->word.at == i) { /* the driver's plain word, hashed already */
        size_t k = i + c->word.len;
        if ((k >= c->n || !pii_is_wordch(c->s[k])) && (c->word.cues & (PII_KW_FUNC | PII_KW_STOP)))
            return 0;
    } else {
        char low[PII_WORD_MAX] = {0};
        size_t k = i, l = 0;
        while (k < c->n && l < sizeof low - 1 && pii_is_alpha(c->s[k]))
            low[l++] = (char)(c->s[k++] | 32);
        /* the word must end here: "I" of "Iñaki" is no pronoun */
        if (l && l < sizeof low - 1 && (k >= c->n || !pii_is_wordch(c->s[k])) &&
            (ew__pii_cue_lookup_hash(low, l, pii_word_hash(low, l)) & (PII_KW_FUNC | PII_KW_STOP)))
            return 0;
    }
    if (c->n_known_name) {
        bool kweak = false;
        size_t ke = known_name_at(c, i, &kweak);
        if (ke) {
            add_person(c, i, ke, 0.7f, kweak);
            return 0;
        }
    }
    if (i >= 4 && c->s[i - 2] >= 0x80 && c->s[i - 1] == ' ' && !strong) {
        size_t b = i - 1; /* the word before: "là" */
        while (b > 0 && (pii_is_alpha(c->s[b - 1]) || c->s[b - 1] >= 0x80) && i - b < 8)
            b--;
        strong = (c->s[b] | 32) == 'l' && i - 1 - b <= 4 && vi_copula(c->s, b, i - 1);
    }
    bool lower_ok = strong || !c->seen_upper;
    /* "mevrouw van Dijk", "Herr de Vries": particles between the cue and the
     * capitalised surname belong to the name */
    size_t lead = i;
    if ((title || strong) && pii_is_lower(c->s[i])) {
        size_t j = i;
        for (int np = 0; np < 3; np++) {
            size_t e = name_word_end(c->s, c->n, j);
            if (e == j || e + 1 >= c->n || c->s[e] != ' ' || !is_particle(c->s, j, e)) break;
            j = e + 1;
        }
        if (j > i && cp_upper_at(c->s, c->n, j)) i = j;
    }
    first_word fw;
    if (lead == i && common_first_word(c, i, &fw)) return 0;
    run r;
    read_run(c, i, lower_ok, strong, &r, lead < i ? NULL : &fw);
    for (int a = 0; a < r.k && title; a++) /* "Prof. Killa Choque" (read_run) */
        if (r.p[a].gaz & EW__GAZ_WORD) r.p[a].gaz &= ~(EW__GAZ_COMMON | EW__GAZ_WORD);
    if (r.k == 0 || r.reject) return 0;
    /* "Marks & Spencer": the second word of a firm's pair; "Employer: Dow
     * Jones": the value of a label that names a firm */
    size_t r0 = r.p[0].s;
    if (!strong && !title && r0 >= 4 && c->s[r0 - 1] == ' ' && c->s[r0 - 2] == '&' &&
        c->s[r0 - 3] == ' ' && pii_is_alpha(c->s[r0 - 4]))
        return 0;
    if (!strong && org_label_before(c->s, r0)) {
        c->name_list_end = (uint32_t)r.p[r.k - 1].e; /* "Jones" of "Dow Jones" */
        return 0;
    }
    if (r.caps && !strong && !title && !caps_run_ok(c, &r)) return 0;
    if (!strong &&
        ((r.k > 1 && place_prefix(c->s, r.p[0].s, r.p[0].e)) || after_place_prefix(c->s, i)))
        return 0; /* "Santa Clara", "Lake Louise", "Isle of Skye" */
    /* "Kia ora": a greeting (a cue phrase), not the name Kia */
    if (r.k == 1 && (r.p[0].kw & PII_CUE_PREFIX) && cue_phrase_at(c->s, c->n, r.p[0].s, r.p[0].e))
        return 0;
    /* "Xin chào": Vietnamese for hello, not the given name Xin (also in NFD) */
    if (r.k == 1 && r.p[0].e + 6 <= c->n &&
        (!memcmp(c->s + r.p[0].e, " ch\xC3\xA0o", 6) ||
         (r.p[0].e + 7 <= c->n && !memcmp(c->s + r.p[0].e, " cha\xCC\x80o", 7))))
        return 0;
    /* a cell under a name column ("first_name,last_name\nKalani,Wongsawat") */
    if (!strong && !title && r.k <= 3 && cell_at(c->s, c->n, r.p[0].s, r.p[r.k - 1].e)) {
        int kind = ew__pii_column_kind(c, r.p[0].s);
        if (kind == 1 || (kind == 0 && ew__pii_role_column(c, r.p[0].s)))
            strong = true; /* also "| Service | Owner |": a role's column */
        else if (kind == 2) {
            c->name_list_end = (uint32_t)r.p[r.k - 1].e;
            return 0; /* "id;name;city\n7;Ana Lima;Chiang Mai" */
        }
    }
    if (!strong && !title && r.k == 1 && data_field(c->s, c->n, r.p[0].s, r.p[0].e)) {
        if (!ew__pii_name_column(c, r.p[0].s)) return 0;
        strong = true; /* "name,email\nkaveh,k@x.io" */
    }
    /* "Kōda, G. (2013)", "Norbu et al.": authors of a reference */
    size_t re = r.p[r.k - 1].e;
    if (r.k <= 2 && !r.caps && re + 7 <= c->n &&
        (c->s[re] == ',' || (c->s[re + 1] == 'e' && c->s[re] == ' '))) {
        size_t ae = cited_author_end(c->s, c->n, re);
        if (ae || !memcmp(c->s + re, " et al.", 7)) {
            size_t e = ae ? ae : re;
            add_person(c, r.p[0].s, e, 0.8f, false);
            c->name_list_end = (uint32_t)e;
            return 0;
        }
    }
    float sc = score_run(c, &r, strong, title, i);
    if (r.ss == i) r.ss = lead;
    bool cyr = c->s[r.p[0].s] == 0xD0 || c->s[r.p[0].s] == 0xD1;
    if (cyr && !strong && !title) {
        if (!cyrillic_name(c->s, &r)) return 0;
        if (sc < 0.8f) sc = 0.8f;
        /* "Вчера Олександр Шевчук": a sentence's first word, no name, before two */
        if (r.k >= 3 && r.ss == r.p[0].s && sentence_initial(c->s, r.ss, c->line_start) &&
            !(ew__pii_script_gaz(c->s, r.p[0].s, r.p[0].e) & (EW__GAZ_FIRST | EW__GAZ_LAST)))
            r.ss = r.p[1].s;
    }
    if (sc <= 0) return 0;
    r.se = name_suffix_end(c->s, c->n, r.se);
    /* what only lowers a score is read for a run that would be reported */
    bool reported = sc >= c->sc->min_score[EW_PII_PERSON] || list_sep(c->s, c->n, r.se);
    if (!strong && !title && reported && ew__pii_firm_at(c->s, c->n, r.ss, r.se)) {
        c->name_list_end = (uint32_t)r.se;
        return 0; /* "Wells Fargo", "Calvin Klein" */
    }
    /* a form's, an export's or an i18n file's field holds a full name when
     * it holds one: a lone word or a run without a given name there is a
     * status, a colour, a product or a UI string */
    if (!strong && !title && reported &&
        bracketed(c->s, c->n, r.ss, r.p[r.k - 1].e, c->line_start)) {
        c->name_list_end = (uint32_t)r.se;
        return 0; /* "[Luna Scheduler]", "[Pipeline]": a log's component */
    }
    size_t lone;
    if (!strong && !title && reported && lone_word(&r, &lone) &&
        !marked_name(c->s, c->n, r.ss, r.se) && ew__pii_tech_name(c, lone, r.se)) {
        c->name_list_end = (uint32_t)r.se;
        return 0; /* "Jenkins is down again", "the Hudson agent" */
    }
    int field =
        !strong && !title && reported && !field_name(&r) ? ew__pii_field_value(c, r.ss, r.se) : 0;
    /* "Tentative: Bianca" after "Accepted: Zuzana Dvořák": a label's lone word
     * is a name where the text has named people already */
    if (field == PII_FIELD_MACHINE ||
        (field == PII_FIELD_LABEL && lone_or_words(&r) && !c->n_known_name)) {
        c->name_list_end = (uint32_t)r.se;
        return 0;
    }
    if (!strong && !title && reported && !r.caps && !title_line_name(c->s, &r) &&
        !list_sep(c->s, c->n, r.se) && !listed_after(c->s, r.ss) &&
        (ew__pii_title_word_near(c->s, c->n, c->line_start, r.ss, r.se) ||
         ew__pii_title_line(c, r.ss, r.se))) {
        c->name_list_end = (uint32_t)r.se;
        return 0; /* "Hàng Mới Về | Thanh Toán", "Linzer Torte ..... 9,50" */
    }
    if (!strong && !title && reported && place_named(c->s, c->n, &r)) {
        c->name_list_end = (uint32_t)r.se;
        return 0; /* "Victoria Falls", "Alice Springs" */
    }
    /* "Gönderim Yeri: Victoria", "Suma Częściowa: 98,00": words no list
     * names, opening a line before a colon and a value, are a label (a chat
     * speaker says words in small letters) */
    if (!strong && !title && reported && !run_has_name(&r) && field_label_run(c, &r)) return 0;
    if (!strong && reported && (after_street_word(c->s, r.ss) || street_after(c->s, c->n, r.se))) {
        c->name_list_end = (uint32_t)r.se; /* its later words are no names either */
        return 0;                          /* "Str. Mihai Eminescu", "Martin Luther King Jr Blvd" */
    }
    /* a business named after a person: "stopped at Dr. Oetker", "bank with
     * Wells Fargo", "Krispy Kreme catering" (a title starts the run's context) */
    size_t tb = r.ss;
    if (title && r.ss == i) {
        tb = c->title_at;
        while (tb > 0 && (c->s[tb - 1] == '.' || c->s[tb - 1] == ' ') && r.ss - tb < 3)
            tb--;
        while (tb > 0 && pii_is_alpha(c->s[tb - 1]))
            tb--;
    }
    bool org_ctx =
        !strong && reported && org_before(c->s, tb, tb != r.ss) && !possessed(c->s, c->n, r.se);
    if (org_ctx || (!strong && reported && org_after(c->s, c->n, r.se))) {
        sc -= 0.45f;
        c->name_list_end = (uint32_t)r.se; /* "Stanley" of "Morgan Stanley" */
        for (size_t sep = list_sep(c->s, c->n, r.se); sep && org_ctx;) {
            run x; /* "at Jones, Mitchell and Williams": the firm's other names */
            read_run(c, sep, lower_ok, false, &x, NULL);
            if (x.k == 0) break;
            c->name_list_end = (uint32_t)x.p[x.k - 1].e;
            sep = list_sep(c->s, c->n, c->name_list_end);
        }
    }
    if (sc <= 0) return 0;
    bool cued = ((strong || title) && r.ss == i) || marked_name(c->s, c->n, r.ss, r.se);
    bool weak = !cued && !cyr && !run_has_name(&r);
    if (sc >= 0.5f) remember_name(c, &r, weak);
    /* a list of names: score the members together */
    size_t sep = list_sep(c->s, c->n, r.se);
    if (!sep) {
        add_person(c, r.ss, r.se, sc, weak);
        return 0;
    }
    enum { MAXM = 12 };
    size_t ms[MAXM], me[MAXM];
    float msc[MAXM];
    bool mweak[MAXM];
    int m = 0, single_surnames = 0, firsts = 0, singles = 0, given = 0;
    bool org_tail = false, prev_single = r.k == 1;
    mweak[m] = weak;
    ms[m] = r.ss, me[m] = r.se, msc[m] = sc, m++;
    single_surnames += r.k == 1 && !(r.p[0].gaz & EW__GAZ_FIRST);
    singles += r.k == 1;
    firsts += (r.p[0].gaz & EW__GAZ_FIRST) != 0;
    given += (r.p[0].gaz & EW__GAZ_FIRST) && !(r.p[0].gaz & EW__GAZ_COMMON);
    while (sep && m < MAXM) {
        run x;
        read_run(c, sep, lower_ok, false, &x, NULL);
        if (x.k == 0 || x.reject) {
            org_tail = x.reject && !x.street; /* "Davis, Reynolds and Williamson Orchestra" */
            break;
        }
        float xs = score_run(c, &x, false, false, sep);
        if (xs <= 0) break;
        if (ew__pii_firm_at(c->s, c->n, x.ss, x.se)) { /* "Ana Lima, Wells Fargo" */
            c->name_list_end = (uint32_t)x.se;
            break;
        }
        /* "..., Procter & Gamble; ...": two single words joined by '&' in a
         * longer list are a firm */
        if (m >= 2 && x.k == 1 && prev_single && me[m - 1] + 3 == sep && c->s[sep - 2] == '&') {
            m--;
            break;
        }
        prev_single = x.k == 1;
        x.se = name_suffix_end(c->s, c->n, x.se);
        mweak[m] = !run_has_name(&x);
        ms[m] = x.ss, me[m] = x.se, msc[m] = xs, m++;
        single_surnames += x.k == 1 && !(x.p[0].gaz & EW__GAZ_FIRST);
        singles += x.k == 1;
        firsts += (x.p[0].gaz & EW__GAZ_FIRST) != 0;
        given += (x.p[0].gaz & EW__GAZ_FIRST) && !(x.p[0].gaz & EW__GAZ_COMMON);
        sep = list_sep(c->s, c->n, x.se);
    }
    if (c->name_list_end < me[m - 1]) c->name_list_end = (uint32_t)me[m - 1];
    /* "In Paris, John said": two capitalised words around a comma are no list */
    bool joined = m >= 3 || (m == 2 && c->s[me[0]] != ',');
    /* "Johnson & Johnson", "Procter & Gamble", "Ben & Jerry's": two single
     * words joined by '&' name a firm unless both are given names alone */
    bool amp_firm =
        m == 2 && singles == 2 && c->s[me[0]] == ' ' && c->s[me[0] + 1] == '&' &&
        (given < 2 || (me[1] > 2 && c->s[me[1] - 2] == '\'') ||
         (me[0] - ms[0] == me[1] - ms[1] && !memcmp(c->s + ms[0], c->s + ms[1], me[0] - ms[0])));
    bool firm =
        (m >= 3 && single_surnames + 1 >= m && firsts <= 1 &&
         org_context(c->s, ms[0], c->line_start) && !pii_cue_near(c, CUE_NAME, ms[0], 30)) ||
        org_tail || org_ctx || amp_firm;
    float best = 0;
    for (int a = 0; a < m; a++)
        best = msc[a] > best ? msc[a] : best;
    for (int a = 0; a < m && !firm; a++) {
        float v = msc[a];
        if (joined && best >= 0.5f && v >= 0.25f && v < 0.6f)
            v = 0.6f; /* listed with a name: a name */
        add_person(c, ms[a], me[a], v, mweak[a]);
    }
    return 0;
}
