/* Names in title-cased lines. Headlines, tables of contents, menus, product
 * rows, CSV rows, navigation bars and UI labels capitalise every word
 * ("Renault Présente La Nouvelle Clio", "Chăm Sóc Khách Hàng | Hàng Mới
 * Về", "Linzer Torte ..... 9,50", "Serves 4 · Prep Time 20 Min"), in any
 * language, so a capital there says nothing: a run is a name only as a full
 * name (pii_name.c asks). A line is title-cased when three words or more
 * besides the run start with a capital and a small letter (not "FN",
 * "UTF-8": keys and acronyms) and none starts with a small letter
 * but words of two letters, function words ("of", "de", "und") and
 * identifiers ("nav.home", "customer_service"); a script without capitals
 * (Han, Arabic, Thai) on the line is prose. */
#include <stdint.h>
#include <string.h>

#include "router/pii_internal.h"

enum { CASE_NONE = 0, CASE_UPPER = 1, CASE_LOWER = 2, CASE_CASELESS = 3 };

/* The case of the letter at s[i]: Latin (with Latin-1, Extended-A and
 * Extended Additional), Greek and Cyrillic; other scripts have none. */
static int letter_case(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] < 0x80) return pii_is_upper(s[i]) ? CASE_UPPER : pii_is_lower(s[i]) ? CASE_LOWER : 0;
    int l;
    uint32_t cp = ew__pii_decode(s, n, i, &l);
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
        return cp <= 0xDE ? CASE_UPPER : CASE_LOWER;
    if (cp >= 0x100 && cp <= 0x17F) { /* mostly even = upper */
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
        return (cp & 1) == odd_upper ? CASE_UPPER : CASE_LOWER;
    }
    if (cp >= 0x1E00 && cp <= 0x1EFF) return cp & 1 ? CASE_LOWER : CASE_UPPER;
    if (cp >= 0x391 && cp <= 0x3A9) return CASE_UPPER;
    if (cp >= 0x3AC && cp <= 0x3CE) return CASE_LOWER;
    if (cp >= 0x400 && cp <= 0x42F) return CASE_UPPER;
    if (cp >= 0x430 && cp <= 0x45F) return CASE_LOWER;
    /* letters of scripts without capitals: Hebrew to Myanmar, Han, kana, Hangul */
    if ((cp >= 0x5D0 && cp <= 0x109F) || (cp >= 0x3040 && cp <= 0x9FFF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF))
        return CASE_CASELESS;
    return CASE_NONE;
}

static inline bool word_byte(unsigned ch)
{
    return pii_is_alnum(ch) || ch >= 0x80 || ch == '\'' || ch == '-';
}

/* Is the small word [a, e) part of an identifier or an address rather than
 * prose ("nav.home", "customer_service", "/orders", "rhys@x.io")? */
static bool glued(const unsigned char *s, size_t n, size_t a, size_t e)
{
    static const char marks[] = "_./@=<>{}[]#:\\";
    for (const char *m = marks; *m; m++)
        if ((a > 0 && s[a - 1] == (unsigned char)*m) ||
            (e < n && s[e] == (unsigned char)*m && *m != ':' && *m != '.'))
            return true;
    return e + 1 < n && s[e] == '.' && pii_is_alnum(s[e + 1]);
}

/* A small word that title case leaves small: one or two letters ("of",
 * "de", "la") and function words ("and", "with", "von", "del"). */
static bool small_word_ok(const unsigned char *s, size_t a, size_t e)
{
    if (e - a <= 2) return true;
    if (e - a >= PII_WORD_MAX) return false;
    char w[PII_WORD_MAX];
    size_t l = 0;
    for (size_t k = a; k < e; k++) {
        if (s[k] >= 0x80) return false;
        w[l++] = (char)s[k];
    }
    return (ew__pii_cue_lookup(w, l) & (PII_KW_FUNC | PII_KW_PARTICLE | PII_KW_FOREIGN)) != 0;
}

/* Title-case words in [from, to) (a part of a line), or -1 when a small word or
 * a script without capitals makes it prose. */
static int line_caps(const pii_ctx *c, size_t from, size_t to)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    int caps = 0;
    for (size_t k = from; k < to;) {
        if (!word_byte(s[k]) || s[k] == '\'' || s[k] == '-') {
            k++;
            continue;
        }
        size_t a = k;
        while (k < to && word_byte(s[k]))
            k++;
        int cs = letter_case(s, n, a);
        if (cs == CASE_UPPER) { /* "Torte", not "FN", "UTF-8": keys and acronyms */
            size_t b = a + 1;
            while (b < k && (s[b] & 0xC0) == 0x80)
                b++;
            caps += b < k && letter_case(s, n, b) == CASE_LOWER;
        } else if (cs == CASE_CASELESS ||
                   (cs == CASE_LOWER && !small_word_ok(s, a, k) && !glued(s, n, a, k))) {
            return -1; /* prose: small words, or a script without capitals */
        }
    }
    return caps;
}

/* Is the run [ss, se) on the line [ls, le) where a block or a record puts a
 * person: before a role in brackets, alone on its line (an address block's or a signature's first
 * line, "Shipping to:\nKalani"), heading the block below ("Delivery for Avi
 * Peretz:"), quoted ("VALUES ('Dimitris Georgiou', ...") or the whole value of a label ("Nom :
 * Vázquez", "FN:Itzel Cruz", "N:Smirnov;Alexei", "CN=Eilidh Fraser:mailto:") or an e-mail's display
 * name ("To: Azlan Osman <...>")? The other rules read those. */
static bool record_slot(const unsigned char *s, size_t ls, size_t le, size_t ss, size_t se)
{
    if (ss > ls && se < le && (s[ss - 1] == '\'' || s[ss - 1] == '"') && s[se] == s[ss - 1])
        return true; /* a quoted value: SQL, JSON and CSV fields are read as such */
    bool label = false;
    int before = 0; /* letters before the run, but one short word ("Nur Izzati") */
    for (size_t k = ls; k < ss; k++) {
        label |= s[k] == ':' || s[k] == '=';
        before += pii_is_alnum(s[k]) || s[k] >= 0x80;
    }
    if (before <= 3 && ss >= ls + 2 && s[ss - 1] == ' ' && pii_is_alpha(s[ss - 2])) before = 0;
    size_t k = se;
    while (k < le && (s[k] == ' ' || s[k] == '"' || s[k] == '.' || s[k] == ',' || s[k] == '\r'))
        k++;
    if (k == le) return label || !before;
    if (s[k] == '<') return true;
    /* "Aoife McGuinness (Principal Engineer)", "Between X (Appellant)": a
     * person's role in brackets after the name */
    if (s[k] == '(' && k + 2 < le && pii_is_upper(s[k + 1]) && pii_is_lower(s[k + 2])) return true;
    if (s[k] == ':' && k + 1 >= le) return true;
    return label && (s[k] == ':' || s[k] == ';' || s[k] == ',');
}

bool ew__pii_title_line(const pii_ctx *c, size_t ss, size_t se)
{
    const unsigned char *s = c->s;
    size_t n = c->n, room = n - se < 512 ? n - se : 512;
    /* the words after the run first: in prose the next one or two are small */
    const unsigned char *nl = memchr(s + se, '\n', room);
    if (!nl && room == 512) return false;
    size_t le = nl ? (size_t)(nl - s) : n, ls = ss;
    int caps = line_caps(c, se, le);
    if (caps < 0) return false;
    while (ls > 0 && s[ls - 1] != '\n')
        if (ss - --ls > 512) return false;
    int before = line_caps(c, ls, ss);
    if (before < 0 || record_slot(s, ls, le, ss, se)) return false;
    caps += before;
    /* a short line among others like it: a menu, a price list, a table of
     * contents ("Linzer Torte ..... 9,50" under "Primi Piatti") */
    size_t up = ls, down = le;
    for (int k = 0; k < 2 && caps < 3 && up > 0; k++) {
        size_t e = up - 1, b = e;
        while (b > 0 && s[b - 1] != '\n' && e - b < 512)
            b--;
        int more = b < e ? line_caps(c, b, e) : -1;
        if (more < 0) break;
        caps += more, up = b;
    }
    for (int k = 0; k < 2 && caps < 3 && down < n; k++) {
        size_t b = down + 1, e = b;
        while (e < n && s[e] != '\n' && e - b < 512)
            e++;
        int more = b < e ? line_caps(c, b, e) : -1;
        if (more < 0) break;
        caps += more, down = e;
    }
    return caps >= 3;
}

/* The word [a, e) lowercased into w (ASCII letters only); its length or 0. */
static size_t ascii_word(const unsigned char *s, size_t a, size_t e, char *w, size_t cap)
{
    if (e <= a || e - a >= cap) return 0;
    for (size_t k = a; k < e; k++) {
        if (!pii_is_alpha(s[k])) return 0;
        w[k - a] = (char)(s[k] | 32);
    }
    return e - a;
}

bool ew__pii_place_word(const unsigned char *s, size_t a, size_t e)
{
    /* a feature of the land ending a name makes it a place ("Victoria
     * Falls", "Alice Springs", "Jackson Hole", "Elizabeth Bay") */
    static const char *const feats[] = {
        "basin",   "bay",     "beach",     "canyon", "county",  "creek",   "desert", "falls",
        "fjord",   "glacier", "gorge",     "harbor", "harbour", "heights", "hole",   "island",
        "islands", "lagoon",  "peninsula", "rapids", "reef",    "springs", "valley", NULL};
    char w[16];
    size_t l = pii_is_upper(s[a]) ? ascii_word(s, a, e, w, sizeof w) : 0;
    for (int k = 0; l && feats[k]; k++)
        if (strlen(feats[k]) == l && !memcmp(feats[k], w, l)) return true;
    return false;
}

bool ew__pii_title_word_near(const unsigned char *s, size_t n, size_t ls, size_t ss, size_t se)
{
    /* a function word written with a capital next to the run makes it part
     * of a title ("A Survey Of Federated Optimisation", "Prognose Für Das
     * Jahr"); particles are parts of names ("Maria De Souza") */
    const uint32_t func = PII_KW_FUNC | PII_KW_FOREIGN;
    char w[PII_WORD_MAX];
    size_t e = se + 1, l;
    if (se + 2 < n && s[se] == ' ' && pii_is_upper(s[se + 1])) {
        while (e < n && pii_is_alpha(s[e]) && e - se < 8)
            e++;
        l = e == n || !(pii_is_alnum(s[e]) || s[e] >= 0x80) ? ascii_word(s, se + 1, e, w, sizeof w)
                                                            : 0;
        uint32_t kw = l ? ew__pii_cue_lookup(w, l) : 0;
        if ((kw & func) && !(kw & PII_KW_PARTICLE)) return true;
    }
    /* the word before, not at a sentence's start ("The Smith family") */
    if (ss < ls + 4 || s[ss - 1] != ' ') return false;
    size_t b = ss - 1;
    while (b > ls && pii_is_alpha(s[b - 1]) && ss - b < 8)
        b--;
    /* ... after a capitalised word ("Survey Of X"; not "by Elle Sandström") */
    if (b == ls || s[b - 1] != ' ' || !pii_is_upper(s[b]) || !pii_is_alpha(s[b - 2])) return false;
    size_t pb = b - 1;
    while (pb > ls && pii_is_alpha(s[pb - 1]))
        pb--;
    if (!pii_is_upper(s[pb])) return false;
    l = ascii_word(s, b, ss - 1, w, sizeof w);
    if (!l) return false;
    uint32_t kw = ew__pii_cue_lookup(w, l);
    return (kw & func) && !(kw & PII_KW_PARTICLE);
}
