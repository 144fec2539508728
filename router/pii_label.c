/* What a label names: a birth date, a passport, another date or another
 * document's number, in any of the ~80 languages of router/data/id_labels.txt.
 *
 * Birth and passport words differ with every language, so they are data, not
 * per-language C lists: stems folded like the text (ASCII lowercase, Latin
 * diacritics dropped, Greek, Cyrillic and Armenian capitals lowercased, Greek
 * accents dropped), bucketed by their first two bytes. A value's own label
 * decides ("Datum izdaje: 18/5/2020" is no birth date even after "Datum
 * rojstva" on the line before); without one, the words right before it on its
 * line do. Only values that already have a shape (a date, a passport-like
 * number) ask, so the look-ups are rare. */
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

#define LABEL_MAX 96 /* bytes of label text read */

static inline bool word_byte(unsigned char b)
{
    return pii_is_alnum(b) || b >= 0x80;
}

/* The small letter a 2-byte code point folds to, 0 to drop it; cp itself
 * when it has no fold. Mirrors fold_label_char in gen_gazetteer.py. */
static unsigned fold_cp(unsigned cp)
{
    static const uint16_t greek[][2] = {
        {0x386, 0x3B1}, {0x388, 0x3B5}, {0x389, 0x3B7}, {0x38A, 0x3B9}, {0x38C, 0x3BF},
        {0x38E, 0x3C5}, {0x38F, 0x3C9}, {0x390, 0x3B9}, {0x3AA, 0x3B9}, {0x3AB, 0x3C5},
        {0x3AC, 0x3B1}, {0x3AD, 0x3B5}, {0x3AE, 0x3B7}, {0x3AF, 0x3B9}, {0x3B0, 0x3C5},
        {0x3CA, 0x3B9}, {0x3CB, 0x3C5}, {0x3CC, 0x3BF}, {0x3CD, 0x3C5}, {0x3CE, 0x3C9}};
    if (cp >= 0xC0 && cp < 0x250) return ew__gaz_fold[cp - 0xC0];
    if (cp >= 0x300 && cp <= 0x36F) return 0; /* a combining mark */
    if (cp >= 0x386 && cp <= 0x3CE) {
        for (size_t k = 0; k < sizeof greek / sizeof greek[0]; k++)
            if (greek[k][0] == cp) return greek[k][1];
        return cp >= 0x391 && cp <= 0x3A9 ? cp + 0x20 : cp;
    }
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    /* Cyrillic of Kazakh, Mongolian, Tatar, ...: capital, then its small letter */
    if ((cp >= 0x460 && cp <= 0x4BF && !(cp & 1)) || (cp >= 0x4C1 && cp <= 0x4CE && (cp & 1)) ||
        (cp >= 0x4D0 && cp <= 0x4FF && !(cp & 1)))
        return cp + 1;
    if (cp == 0x2BC) return '\''; /* modifier apostrophe */
    if (cp >= 0x531 && cp <= 0x556) return cp + 0x30;
    return cp;
}

/* Folds [a, b) into out (never longer than the input); its length. A
 * sequence cut at a or b is skipped. */
static size_t fold_text(const unsigned char *s, size_t a, size_t b, unsigned char *out)
{
    size_t o = 0, k = a;
    while (k < b && (s[k] & 0xC0) == 0x80)
        k++;
    while (k < b) {
        unsigned char ch = s[k];
        if (ch < 0x80) {
            /* "date_of_birth" reads as "date of birth" */
            out[o++] = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch | 0x20) : ch == '_' ? ' ' : ch;
            k++;
        } else if (ch == 0xE2 && k + 2 < b && s[k + 1] == 0x80 &&
                   (s[k + 2] == 0x98 || s[k + 2] == 0x99)) {
            out[o++] = '\''; /* typographic apostrophes: "y’amavuko", "Tug‘ilgan" */
            k += 3;
        } else if (ch >= 0xC2 && ch < 0xE0 && k + 1 < b) {
            unsigned f = fold_cp((unsigned)(ch & 0x1F) << 6 | (s[k + 1] & 0x3F));
            if (f && f < 0x80) {
                out[o++] = (unsigned char)f;
            } else if (f) {
                out[o++] = (unsigned char)(0xC0 | f >> 6);
                out[o++] = (unsigned char)(0x80 | (f & 0x3F));
            }
            k += 2;
        } else if (ch == 0xE1 && k + 2 < b && s[k + 1] == 0xB2 && s[k + 2] >= 0x90 &&
                   s[k + 2] <= 0xBF) {
            /* Georgian Mtavruli capitals (U+1C90..) as Mkhedruli (U+10D0..) */
            out[o++] = 0xE1, out[o++] = 0x83, out[o++] = s[k + 2];
            k += 3;
        } else if (ch == 0xE1 && k + 2 < b && s[k + 1] >= 0xB8 && s[k + 1] <= 0xBB) {
            /* Latin Extended Additional (Vietnamese, Yoruba): its base letter */
            unsigned char f = ew__gaz_fold_ext[((s[k + 1] - 0xB8) << 6) | (s[k + 2] & 0x3F)];
            if (f) out[o++] = f;
            k += 3;
        } else {
            size_t l = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 1;
            if (k + l > b) break;
            memcpy(out + o, s + k, l);
            o += l, k += l;
        }
    }
    return o;
}

static bool vowel(unsigned char b)
{
    return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u';
}

/* "Passport" as the world borrowed it, in Latin letters folded: pasaport,
 * paspoort, pasipoti, paaspoor, pasiporo, fasfo, baasaboor, passeport,
 * paszport, "ipaspoti": up to three letters of a prefix, p/f/b, "a" or "aa",
 * s (ss, sz, sh), at most one vowel, p/f/b, one to three vowels, then r, t
 * or the word's end. Covers languages no list names. */
static bool loan_passport(const unsigned char *w, size_t l)
{
    for (size_t p = 0; p <= 3 && p < l; p++) {
        size_t k = p, v = 0;
        if (w[k] != 'p' && w[k] != 'f' && w[k] != 'b') continue;
        if (k + 1 < l && w[k + 1] == 'h') k++; /* Tswana "phasepoto", Zulu "iphasipoti" */
        for (k++; k < l && w[k] == 'a' && v < 2; k++)
            v++;
        if (!v || k >= l || w[k] != 's') continue;
        for (v = 0; k < l && v < 2 && (w[k] == 's' || w[k] == 'z' || w[k] == 'h'); k++)
            v++;
        if (k < l && vowel(w[k])) k++;
        if (k >= l || (w[k] != 'p' && w[k] != 'f' && w[k] != 'b')) continue;
        for (k++, v = 0; k < l && v < 3 && vowel(w[k]); k++)
            v++;
        if (v && (k == l || w[k] == 'r' || w[k] == 't')) return true;
    }
    return false;
}

unsigned ew__pii_label_words(const unsigned char *s, size_t a, size_t b, bool prose, unsigned *last)
{
    unsigned char f[LABEL_MAX];
    if (b - a > LABEL_MAX) a = b - LABEL_MAX;
    size_t l = fold_text(s, a, b, f);
    unsigned kinds = 0;
    *last = 0;
    for (size_t k = 0; k + 2 < l; k++) {
        if (pii_is_lower(f[k]) && (k == 0 || !word_byte(f[k - 1]))) {
            size_t we = k;
            while (we < l && pii_is_lower(f[we]))
                we++;
            /* English "passport" in prose is the cue table's, with its guards */
            if ((we == l || !word_byte(f[we])) && loan_passport(f + k, we - k) &&
                !(prose && we - k >= 8 && !memcmp(f + k, "passport", 8))) {
                kinds |= PII_LBL_PASSPORT;
                *last = PII_LBL_PASSPORT;
            }
        }
        /* a stem starts a character; in a Latin word only the few
         * unanchored stems start inside it */
        if ((f[k] & 0xC0) == 0x80) continue;
        unsigned h = (unsigned)(f[k] * 961 + f[k + 1] * 31 + f[k + 2]) & 1023;
        if (k > 0 && f[k] < 0x80 && word_byte(f[k - 1]) &&
            !(ew__pii_lbl_inner[h >> 3] & (1u << (h & 7))))
            continue;
        for (unsigned j = ew__pii_lbl_bucket[h]; j < ew__pii_lbl_bucket[h + 1]; j++) {
            const ew__pii_lblword *w = &ew__pii_lbl_words[j];
            if (w->len > l - k || memcmp(f + k, w->w, w->len) ||
                ((w->flags & PII_LBLW_ANCHORED) && k > 0 && word_byte(f[k - 1])) ||
                ((w->flags & PII_LBLW_WORD_END) && k + w->len < l && word_byte(f[k + w->len])) ||
                (prose && (w->flags & PII_LBLW_LABEL_ONLY)))
                continue;
            kinds |= w->kind;
            *last = w->kind;
        }
    }
    return kinds;
}

/* Does a sentence end right before k (". ", "। ", "። ", "。")? */
static bool sentence_end(const unsigned char *s, size_t k)
{
    if (k >= 2 && s[k - 1] == ' ' && (s[k - 2] == '.' || s[k - 2] == '!' || s[k - 2] == '?'))
        return true;
    size_t j = k >= 1 && s[k - 1] == ' ' ? k - 1 : k;
    return j >= 3 && ((s[j - 3] == 0xE0 && s[j - 2] == 0xA5 && s[j - 1] == 0xA4) ||
                      (s[j - 3] == 0xE1 && s[j - 2] == 0x8D && s[j - 1] == 0xA2) ||
                      (s[j - 3] == 0xE3 && s[j - 2] == 0x80 && s[j - 1] == 0x82));
}

/* The label text [*a, *b) of an XML element whose start tag ends at gt:
 * its name="…" (label=, key=) attribute, else the tag's name. */
static bool xml_label(const unsigned char *s, size_t gt, size_t *a, size_t *b)
{
    size_t lt = gt;
    while (lt > 0 && gt - lt < 160 && s[lt - 1] != '<' && s[lt - 1] != '\n')
        lt--;
    if (lt == 0 || s[lt - 1] != '<' || lt == gt || s[lt] == '/') return false;
    static const char *const attrs[] = {"name=\"", "label=\"", "key=\""};
    for (size_t q = 0; q < sizeof attrs / sizeof attrs[0]; q++) {
        size_t l = strlen(attrs[q]);
        for (size_t k = lt; k + l < gt; k++)
            if ((k == lt || s[k - 1] == ' ') && !memcmp(s + k, attrs[q], l)) {
                size_t v = k + l, z = v;
                while (z < gt && s[z] != '"')
                    z++;
                *a = v, *b = z;
                return z > v;
            }
    }
    size_t z = lt;
    while (z < gt && s[z] != ' ' && s[z] != '/')
        z++;
    /* an HTML cell: the cell before it ("<td>Label</td><td>value") */
    if (z - lt == 2 && (!memcmp(s + lt, "td", 2) || !memcmp(s + lt, "dd", 2)) && lt >= 7 &&
        s[lt - 2] == '>' && !memcmp(s + lt - 6, "</", 2)) {
        size_t ce = lt - 6, cs = ce;
        while (cs > 0 && ce - cs < LABEL_MAX && s[cs - 1] != '>' && s[cs - 1] != '\n')
            cs--;
        *a = cs, *b = ce;
        return cs > 0 && s[cs - 1] == '>' && ce > cs;
    }
    *a = lt, *b = z;
    return z > lt;
}

/* The line before the one the value starts (nl its '\n') as its label, as
 * PDF forms print it ("Date of birth\n12.03.1985"): letters, no digit, no
 * table delimiter (a CSV header is read by its columns). */
static bool above_label(const unsigned char *s, size_t nl, size_t *a, size_t *b)
{
    size_t e = nl;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ':' || s[e - 1] == '\r'))
        e--;
    size_t st = e;
    bool letter = false;
    while (st > 0 && s[st - 1] != '\n') {
        unsigned char ch = s[st - 1];
        if (e - st >= LABEL_MAX || pii_is_digit(ch) || ch == ',' || ch == ';' || ch == '\t' ||
            ch == '|' || ch == '=')
            return false;
        letter |= pii_is_alpha(ch) || ch >= 0x80;
        st--;
    }
    *a = st, *b = e;
    return letter;
}

/* The label before the value at i on its line: "Label: value", "Label -
 * value", "Label\tvalue", "LABEL ...... value", label="value", "label":
 * "value", "Label：value", "| Label | value |", <field name="Label">value.
 * [*a, *b) gets it; it holds a letter and no digit. */
static bool line_label(const unsigned char *s, size_t i, size_t *a, size_t *b)
{
    size_t k = i;
    if (k > 0 && (s[k - 1] == '"' || s[k - 1] == '\'')) k--;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k == 0) return false;
    unsigned char sep = s[k - 1];
    size_t e;
    if (sep == '\n') return above_label(s, k - 1, a, b);
    if (sep == '>') return k < i ? false : xml_label(s, k - 1, a, b);
    if (sep == ':' || sep == '=' || sep == '\t' || sep == '|') {
        e = k - 1;
    } else if (sep == '-' && k >= 2 && s[k - 2] == ' ' && k < i) {
        e = k - 2;
    } else if (k >= 3 && s[k - 3] == 0xEF && s[k - 2] == 0xBC && s[k - 1] == 0x9A) {
        e = k - 3; /* a fullwidth colon */
    } else if (sep == '.' && k >= 3 && s[k - 2] == '.' && s[k - 3] == '.' && k < i) {
        e = k - 3; /* dotted leaders */
        while (e > 0 && s[e - 1] == '.')
            e--;
    } else {
        return false;
    }
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '"'))
        e--;
    size_t st = e;
    bool letter = false;
    /* "DOB (dd/mm/yyyy): …": a parenthesised hint is part of its label */
    bool hint = e > 0 && s[e - 1] == ')';
    while (st > 0 && e - st < LABEL_MAX) {
        unsigned char ch = s[st - 1];
        if (ch == '\n' || ch == '|' || ch == ';' || ch == '\t' || ch == '{' || ch == ',' ||
            ch == '"' || (ch == '(' && !hint) || ch == '[' || (sep == '=' && ch == ' ') ||
            (ch == 0xB7 && st >= 2 && s[st - 2] == 0xC2)) /* "·" */
            break;
        if (sentence_end(s, st)) break;
        /* two columns of a form run together: "Ngày sinh: 12/5/1984    Ngày cấp: …" */
        if (ch == ' ' && st >= 2 && s[st - 2] == ' ' && e - st > 0) break;
        if (pii_is_digit(ch)) return false;
        letter |= pii_is_alpha(ch) || ch >= 0x80;
        st--;
    }
    /* a table row's cell: the one before it is its label only in a key-value
     * table, whose row starts there ("| Label | value |") */
    if (sep == '|' && !(st >= 1 && s[st - 1] == '|' && (st == 1 || s[st - 2] == '\n')))
        return false;
    while (st < e && s[st] == ' ')
        st++;
    *a = st, *b = e;
    return letter;
}

unsigned ew__pii_value_label_at(const pii_ctx *c, size_t i, size_t *la)
{
    const unsigned char *s = c->s;
    size_t a, b;
    unsigned last, some = 0;
    *la = i;
    if (i < 2) return 0;
    unsigned p = s[i - 1];
    unsigned char d;
    if (i != c->line_start &&
        (p == ',' || p == '\t' || p == ';' || p == '|' || p == '"' ||
         (p == ' ' && (s[i - 2] == '|' || s[i - 2] == ','))) &&
        ew__pii_table_header(c, i, &a, &b, &d)) {
        unsigned k = ew__pii_label_words(s, a, b, false, &last);
        if (k) return k | PII_LBL_SOME;
        some = a < b ? PII_LBL_SOME : 0; /* a column of unknown words */
    }
    if (line_label(s, i, &a, &b)) {
        *la = a;
        return ew__pii_label_words(s, a, b, false, &last) | PII_LBL_SOME;
    }
    return some;
}

unsigned ew__pii_value_label(const pii_ctx *c, size_t i)
{
    size_t la;
    return ew__pii_value_label_at(c, i, &la);
}

unsigned ew__pii_label_paren(const unsigned char *s, size_t n, size_t e)
{
    size_t k = e < n && s[e] == ' ' ? e + 1 : e;
    if (k >= n || s[k] != '(') return 0;
    size_t z = k + 1;
    while (z < n && z - k <= LABEL_MAX && s[z] != ')' && s[z] != '\n' && s[z] != '(' &&
           !pii_is_digit(s[z]))
        z++;
    unsigned last;
    return z < n && s[z] == ')' && z > k + 1 ? ew__pii_label_words(s, k + 1, z, false, &last) : 0;
}

unsigned ew__pii_label_before(const unsigned char *s, size_t i, size_t max)
{
    size_t a = i;
    while (a > 0 && i - a < max && s[a - 1] != '\n' && !pii_is_digit(s[a - 1]) &&
           !sentence_end(s, a))
        a--;
    unsigned last;
    return a < i && ew__pii_label_words(s, a, i, true, &last) ? last : 0;
}

unsigned ew__pii_label_after(const unsigned char *s, size_t n, size_t e)
{
    size_t k = e;
    while (k < n && k - e < 48 && s[k] != '\n' && !pii_is_digit(s[k]) &&
           !(k > e + 1 && sentence_end(s, k))) {
        if (s[k] == ':' || s[k] == '=') return 0; /* a later field's label */
        k++;
    }
    unsigned last, kinds = k > e ? ew__pii_label_words(s, e, k, true, &last) : 0;
    return (kinds & (PII_LBL_BIRTH | PII_LBL_DATE)) == PII_LBL_BIRTH ? PII_LBL_BIRTH : 0;
}

bool ew__pii_passport_label(const pii_ctx *c, size_t i, size_t e)
{
    unsigned lbl = ew__pii_value_label(c, i) & ~PII_LBL_SOME;
    if (!lbl) lbl = ew__pii_label_paren(c->s, c->n, e); /* "FK727642 (nº do passaporte)" */
    if (lbl) return (lbl & (PII_LBL_PASSPORT | PII_LBL_ID | PII_LBL_DATE)) == PII_LBL_PASSPORT;
    return ew__pii_label_before(c->s, i, 64) == PII_LBL_PASSPORT;
}

/* The year of the date [i, e): its run of four ASCII digits, 0 for none. */
static int date_year(const unsigned char *s, size_t i, size_t e)
{
    for (size_t k = i; k < e; k++) {
        size_t r = k;
        while (r < e && pii_is_digit(s[r]))
            r++;
        if (r - k == 4)
            return (s[k] - '0') * 1000 + (s[k + 1] - '0') * 100 + (s[k + 2] - '0') * 10 +
                   (s[k + 3] - '0');
        k = r;
    }
    return 0;
}

void ew__pii_dob_maybe(pii_ctx *c, size_t i, size_t e)
{
    /* a living person's year; later years are mostly issue and booking dates */
    int y = date_year(c->s, i, e);
    if (y < 1920 || y > 2008 ||
        c->n_dob_maybe >= (int)(sizeof c->dob_maybe / sizeof c->dob_maybe[0]))
        return;
    c->dob_maybe[c->n_dob_maybe].start = (uint32_t)i;
    c->dob_maybe[c->n_dob_maybe++].end = (uint32_t)e;
}

/* The record around i: back and on to a blank line, at most 600 bytes. */
static void record_bounds(const unsigned char *s, size_t n, size_t i, size_t *a, size_t *b)
{
    size_t k = i;
    while (k > 0 && i - k < 600 && !(s[k - 1] == '\n' && k >= 2 && s[k - 2] == '\n'))
        k--;
    *a = k;
    k = i;
    while (k < n && k - i < 600 && !(s[k] == '\n' && k + 1 < n && s[k + 1] == '\n'))
        k++;
    *b = k;
}

void ew__pii_dob_records(pii_ctx *c)
{
    const uint32_t person = EW_PII_BIT(EW_PII_PERSON) | EW_PII_BIT(EW_PII_PASSPORT) |
                            EW_PII_BIT(EW_PII_PHONE) | EW_PII_BIT(EW_PII_EMAIL) |
                            EW_PII_BIT(EW_PII_US_SSN) | EW_PII_BIT(EW_PII_UK_NINO) |
                            EW_PII_BIT(EW_PII_CN_RESIDENT_ID) | EW_PII_BIT(EW_PII_IBAN);
    int found = c->res->n;
    for (int k = 0; k < c->n_dob_maybe; k++) {
        size_t i = c->dob_maybe[k].start, e = c->dob_maybe[k].end, a, b;
        record_bounds(c->s, c->n, i, &a, &b);
        uint32_t seen = 0;
        for (int j = 0; j < found; j++) {
            const ew_pii_span *sp = &c->res->spans[j];
            if (sp->start >= a && sp->end <= b && sp->score >= c->sc->min_score[sp->type])
                seen |= EW_PII_BIT(sp->type);
        }
        if ((seen & person) && !(seen & EW_PII_BIT(EW_PII_DATE_OF_BIRTH)))
            ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, e, 0.7f);
    }
}
