/* Person names. A run of capitalised words (with initials "J." and particles
 * "van", "de", "bin" between them) is scored from the gazetteer (given name,
 * surname, ordinary word, place) and from context: a strong cue just before
 * ("my name is", "Dear", "Mr.", "Name:") or a name cue nearby. Ordinary words,
 * places, nationalities and organisation names ("... Inc") do not count. */
#include <string.h>
#include <strings.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

#define MAX_PARTS 5

typedef struct part {
    size_t s, e;
    unsigned gaz;
    bool initial;  /* "J." */
    bool particle; /* "van", "de" */
} part;

static bool cp_upper_at(const unsigned char *s, size_t n, size_t i)
{
    int l;
    uint32_t cp = ew__pii_decode(s, n, i, &l);
    if (cp < 0x80)
        return pii_is_upper(cp);
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) /* Latin Extended-A: mostly even = upper */
        return (cp >= 0x139 && cp <= 0x148) || cp >= 0x179 ? (cp & 1) : !(cp & 1);
    return false;
}

static size_t name_word_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned ch = s[i];
        if (pii_is_alpha(ch))
            i++;
        else if (ch >= 0xC2 && ch < 0xE0 && i + 1 < n)
            i += 2;
        else if ((ch == '\'' || ch == '-') && i + 1 < n && (pii_is_alpha(s[i + 1]) || s[i + 1] >= 0xC2))
            i++;
        else
            break;
    }
    return i;
}

static bool is_particle(const unsigned char *s, size_t i, size_t e)
{
    return ew__pii_cue_lookup((const char *)s + i, e - i) & PII_KW_PARTICLE;
}

static bool org_word(const char *w, size_t l)
{
    return l && (ew__pii_cue_lookup(w, l) & PII_KW_ORG);
}

static unsigned lookup_part(const unsigned char *s, size_t i, size_t e, char *fold, size_t *fl)
{
    *fl = ew__gaz_fold_word(s + i, e - i, fold);
    /* possessive "Smith's" looks up as "smith" */
    if (*fl > 2 && fold[*fl - 2] == '\'' && fold[*fl - 1] == 's')
        *fl -= 2;
    return *fl ? ew__gaz_lookup(fold, *fl) : 0;
}

/* Words that are capitalised for grammar, never names. */
static bool stop_word(const char *w, size_t l)
{
    return ew__pii_cue_lookup(w, l) & PII_KW_STOP;
}

static bool sentence_initial(const unsigned char *s, size_t i, size_t line_start)
{
    size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '"' || s[k - 1] == '\'' ||
                     s[k - 1] == '>' || s[k - 1] == '(' || s[k - 1] == '*' || s[k - 1] == '-'))
        k--;
    if (k == 0 || k <= line_start)
        return true;
    unsigned p = s[k - 1];
    return p == '.' || p == '!' || p == '?' || p == ':' || p == '\n';
}

static bool name_like(unsigned g)
{
    return (g & (EW__GAZ_FIRST | EW__GAZ_LAST)) || !(g & (EW__GAZ_COMMON | EW__GAZ_PLACE));
}

size_t ew__pii_scan_name(pii_ctx *c, size_t i, size_t we, unsigned gaz_flags)
{
    (void)gaz_flags;
    const unsigned char *s = c->s;
    size_t n = c->n;
    bool strong = c->name_next_at != CUE_NONE && i >= c->name_next_at && i - c->name_next_at <= 2;
    bool title = c->title_at != CUE_NONE && i >= c->title_at && i - c->title_at <= 2;
    part p[MAX_PARTS];
    int k = 0;
    size_t pos = i;
    char fold[EW__GAZ_MAX_WORD];
    size_t fl;
    bool lower_ok = strong; /* "my name is nina" */
    while (k < MAX_PARTS && pos < n) {
        size_t e = name_word_end(s, n, pos);
        if (e == pos)
            break;
        bool up = cp_upper_at(s, n, pos);
        part *q = &p[k];
        q->s = pos;
        q->e = e;
        q->initial = false;
        q->particle = false;
        q->gaz = 0;
        if (up && e - pos == 1 && e < n && s[e] == '.') { /* initial "J." */
            q->initial = true;
            q->e = e + 1;
        } else if (up && e - pos == 1 && k > 0 && e < n && s[e] == ' ') {
            q->initial = true; /* "Juliusz A Kwiatkowski" */
        } else if (!up && k > 0 && is_particle(s, pos, e)) {
            q->particle = true;
        } else if (up || (lower_ok && k == 0)) {
            q->gaz = lookup_part(s, pos, e, fold, &fl);
            if (k > 0 && (org_word(fold, fl)))
                return 0; /* "Acme Inc", "Baker Street" */
            if (fl && stop_word(fold, fl)) {
                if (k == 0)
                    return we;
                break;
            }
            /* an all-caps word of 2+ letters is an acronym or a shout */
            bool caps = e - pos >= 2;
            for (size_t q2 = pos; q2 < e && caps; q2++)
                caps = !pii_is_lower(s[q2]);
            if (caps)
                break;
            if (!up && !(q->gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)))
                break;
        } else {
            break;
        }
        k++;
        pos = q->e;
        if (pos + 1 < n && s[pos] == ' ' && s[pos + 1] != ' ')
            pos++;
        else
            break;
    }
    /* trailing particles and initials belong to nothing */
    while (k > 0 && (p[k - 1].particle || (p[k - 1].initial && k > 1 && !p[k - 1].gaz &&
                                           p[k - 1].e - p[k - 1].s == 1)))
        k--;
    if (k == 0)
        return 0;
    /* place phrases ("New York", "Czech Republic") */
    for (int a = 0; a + 1 < k; a++) {
        char phrase[EW__GAZ_MAX_WORD * 2 + 2];
        size_t l1 = ew__gaz_fold_word(s + p[a].s, p[a].e - p[a].s, phrase);
        if (!l1 || p[a + 1].particle || p[a + 1].initial)
            continue;
        phrase[l1] = ' ';
        size_t l2 = ew__gaz_fold_word(s + p[a + 1].s, p[a + 1].e - p[a + 1].s, phrase + l1 + 1);
        if (l2 && (ew__gaz_lookup(phrase, l1 + 1 + l2) & EW__GAZ_PLACE))
            return p[a + 1].e;
    }
    /* drop leading ordinary words ("Meet Kristian Herzog") */
    int first = 0;
    while (first < k - 1 && !p[first].initial && !(p[first].gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) &&
           (p[first].gaz & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
        first++;
    /* and trailing ones ("Kristian Herzog Consulting") */
    int last = k - 1;
    while (last > first && !(p[last].gaz & (EW__GAZ_FIRST | EW__GAZ_LAST)) &&
           (p[last].gaz & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
        last--;
    int words = 0, named = 0, places = 0, initials = 0;
    for (int a = first; a <= last; a++) {
        if (p[a].particle)
            continue;
        if (p[a].initial) {
            initials++;
            continue;
        }
        words++;
        named += name_like(p[a].gaz);
        places += (p[a].gaz & EW__GAZ_PLACE) && !(p[a].gaz & (EW__GAZ_FIRST | EW__GAZ_LAST));
    }
    size_t ss = p[first].s, se = p[last].e;
    if (words == 0)
        return p[k - 1].e;
    unsigned g0 = p[first].gaz, gl = p[last].gaz;
    float sc = 0;
    if (words == 1) {
        if ((g0 & EW__GAZ_FIRST) && !(g0 & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
            sc = 0.55f;
        else if ((g0 & EW__GAZ_LAST) && !(g0 & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
            sc = 0.5f;
        else if (g0 & (EW__GAZ_FIRST | EW__GAZ_LAST))
            sc = 0.25f;
        else if (!g0)
            sc = 0.35f;
        if (initials)
            sc += 0.2f;
    } else {
        if (places)
            sc = 0.1f;
        else if (named == words && (g0 & EW__GAZ_FIRST))
            sc = 0.85f;
        else if (named == words)
            sc = 0.7f;
        else if (named >= 1 && (g0 & EW__GAZ_FIRST) && (gl & EW__GAZ_LAST))
            sc = 0.75f;
        else if (named >= 1)
            sc = 0.4f;
        if (initials)
            sc += 0.15f;
    }
    bool initial_pos = sentence_initial(s, ss, c->line_start);
    if (words == 1 && initial_pos && (g0 & EW__GAZ_COMMON))
        sc -= 0.2f;
    if (strong && ss == i)
        sc += 0.4f;
    else if (title && ss == i)
        sc += 0.35f;
    else if (pii_cue_near(c, CUE_NAME, ss, 30))
        sc += 0.15f;
    /* "the Smith ..." reads as a thing */
    if (ss >= 4 && !strncasecmp((const char *)s + ss - 4, "the ", 4) && !strong)
        sc -= 0.3f;
    /* a name alone on its line (a signature or a letterhead) */
    if (words >= 2 && ss == c->line_start && (se >= n || s[se] == '\n'))
        sc += 0.1f;
    if (sc > 0.99f)
        sc = 0.99f;
    if (sc > 0)
        ew__pii_add(c, EW_PII_PERSON, ss, se, sc);
    return p[k - 1].e;
}
