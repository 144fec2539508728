/* Identity records: birth dates whose month is a word no list holds, and the
 * machine-readable zone of a passport.
 *
 * A birth label says a date follows, so under one the date needs no month
 * list: a day, a word and a year in any order a language writes them ("27.
 * новембар 1975.", "ግንቦት 6 1975", "1994 m. spalio 20 d.", "2015. gada 22.
 * februāris", "7.III.1961") is read by its shape. The word is not checked, so
 * the reader runs only where a birth cue or label is (ew__pii_dob_cue).
 *
 * ICAO 9303's TD3 zone (the two 44-character lines at the foot of a
 * passport's data page) is read by its check digits: the document number,
 * the birth date (YYMMDD), the expiry and the composite digit must all
 * check, so no other line of capitals and digits passes. */
#include <string.h>

#include "router/pii_internal.h"

#define WD_MAX_TOKENS 6
#define WD_WORD_MAX   36 /* bytes of a month word ("септембар", "ጥቅምት") */

typedef struct {
    size_t a, b; /* [a, b) without a trailing '.' or ',' */
    int digits;  /* its digits, 0 for a word */
    int value;
    bool roman; /* I..XII */
} wd_tok;

/* A case ending glued to a number of nd digits ending at e (Basque "1944eko",
 * "23a"): a year's up to three letters, a day's starting with a vowel, not a
 * time's "am". Where it ends (e when none). */
static size_t case_ending(const unsigned char *s, size_t n, size_t e, size_t nd)
{
    size_t g = e;
    while (g < n && g - e < 4 && pii_is_lower(s[g]))
        g++;
    if (g == e || g - e > 3 || (nd != 4 && nd > 2)) return e;
    unsigned a = s[e];
    if (nd <= 2 && (!(a == 'a' || a == 'e' || a == 'i' || a == 'o' || a == 'u') ||
                    (g - e == 2 && a == 'a' && s[e + 1] == 'm')))
        return e;
    return g;
}

/* The value of the digit of any script at k (its length in *len), or -1. */
static int any_digit(const unsigned char *s, size_t n, size_t k, int *len)
{
    if (k < n && pii_is_digit(s[k])) {
        *len = 1;
        return s[k] - '0';
    }
    return ew__pii_uni_digit(s, n, k, len);
}

/* An English ordinal's letters at e ("12th", "3rd", "21st") before a
 * non-letter: 2, else 0. */
static size_t ordinal_len(const unsigned char *s, size_t n, size_t e)
{
    if (e + 2 > n || (e + 2 < n && pii_is_alnum(s[e + 2]))) return 0;
    unsigned a = s[e] | 32, b = s[e + 1] | 32;
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                   (a == 't' && b == 'h') || (a == 'e' && b == 'r' && e > 0 && s[e - 1] == '1')
               ? 2 /* "21st", "3rd", French "1er" */
               : 0;
}

static int roman_month(const unsigned char *s, size_t l)
{
    static const char *const r[] = {"I",   "II",   "III", "IV", "V",  "VI",
                                    "VII", "VIII", "IX",  "X",  "XI", "XII"};
    for (int k = 0; k < 12; k++)
        if (strlen(r[k]) == l && !memcmp(s, r[k], l)) return k + 1;
    return 0;
}

/* The length of a sentence mark at e ("։" "।" "።" "។" "။" "。" "،"), or 0. */
static size_t mark_len(const unsigned char *s, size_t n, size_t e)
{
    static const char *const marks[] = {"\xD6\x89",     "\xD8\x8C",     "\xE0\xA5\xA4",
                                        "\xE1\x8D\xA2", "\xE1\x9F\x94", "\xE1\x81\x8B",
                                        "\xE3\x80\x82"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t l = strlen(marks[k]);
        if (e + l <= n && !memcmp(s + e, marks[k], l)) return l;
    }
    return 0;
}

/* The token at k: digits, or a word of letters of any script (no digit, no
 * punctuation but a final '.' or ','). Its end (past its punctuation) or 0. */
static size_t wd_token(const unsigned char *s, size_t n, size_t k, wd_tok *t)
{
    size_t e = k;
    int dl;
    t->a = k, t->digits = 0, t->value = 0, t->roman = false;
    if (k + 3 <= n && s[k] == '\'' && pii_is_digit(s[k + 1]) && pii_is_digit(s[k + 2]) &&
        (k + 3 == n || !pii_is_alnum(s[k + 3]))) { /* a year's last two digits: "'85" */
        t->value = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
        t->digits = 2;
        e = k + 3;
    } else if (any_digit(s, n, k, &dl) >= 0) { /* "๑๔ มิถุนายน ๒๔๗๙": any script's digits */
        int dv;
        while (t->digits < 5 && (dv = any_digit(s, n, e, &dl)) >= 0) {
            t->value = t->value * 10 + dv;
            t->digits++;
            e += (size_t)dl;
        }
        if (t->digits <= 2) e += ordinal_len(s, n, e); /* "10th" */
        size_t g = case_ending(s, n, e, t->digits);
        if (g == n || !pii_is_alnum(s[g])) e = g;
    } else {
        while (e < n && e - k <= WD_WORD_MAX &&
               (pii_is_alpha(s[e]) || s[e] >= 0x80 || s[e] == '\''))
            e++;
        if (e == k || e - k > WD_WORD_MAX) return 0;
        t->roman = roman_month(s + k, e - k) != 0;
        if (t->roman) t->value = roman_month(s + k, e - k);
    }
    t->b = e;
    size_t m = e < n && s[e] >= 0x80 ? mark_len(s, n, e) : 0;
    if (m) return e + m; /* "2021։", "1983।" */
    /* "2-р сарын": a number with a short suffix is a word */
    if (t->digits && e + 1 < n && s[e] == '-' && !pii_is_digit(s[e + 1])) {
        size_t w = e + 1, chars = 0;
        while (w < n && w - e <= 5 && (pii_is_alpha(s[w]) || s[w] >= 0x80))
            chars += (s[w++] & 0xC0) != 0x80;
        if (chars <= 2 && (w == n || s[w] == ' ')) { /* two letters of any script */
            /* a year keeps its ordinal suffix: Azerbaijani "1966-cı il" */
            if (t->digits != 4) t->digits = 0, t->roman = false;
            t->b = w;
            return w;
        }
    }
    if (e < n && (pii_is_alnum(s[e]) || (t->digits && s[e] >= 0x80))) return 0;
    if (e < n && (s[e] == '.' || s[e] == ',')) e++;
    return e;
}

/* Reads up to WD_MAX_TOKENS tokens from k, one space (or, around a Roman
 * month, '.', '-' or '/') apart. Their count. */
static int wd_tokens(const unsigned char *s, size_t n, size_t k, wd_tok *t)
{
    int nt = 0;
    while (nt < WD_MAX_TOKENS) {
        size_t e = wd_token(s, n, k, &t[nt]);
        if (!e) break;
        nt++;
        if (e >= n) break;
        bool punct = e > t[nt - 1].b;
        if (s[e] == ' ' && e + 1 < n && s[e + 1] != ' ') {
            k = e + 1;
            continue;
        }
        /* "23-II-1982", "7.III.1961": a Roman month between '.', '-' or '/';
         * Uzbek "15-fevral 2012": a day, '-', its month */
        size_t p = punct && s[e - 1] == '.' ? e : e + 1;
        if (p >= n || (!punct && s[e] != '.' && s[e] != '-' && s[e] != '/') ||
            (punct && s[e - 1] != '.'))
            break;
        /* "1941-Sep-16", "08/Jul/1948": a month's word between numbers, '-'
         * or '/' apart */
        bool ymd = nt >= 2 && !t[nt - 1].digits && t[nt - 2].digits && !punct &&
                   (s[e] == '-' || s[e] == '/') && s[t[nt - 1].a - 1] == s[e] && pii_is_digit(s[p]);
        bool dmy = t[nt - 1].digits && !punct && s[e] == '/' && pii_is_alpha(s[p]);
        if (!(t[nt - 1].roman && pii_is_digit(s[p])) &&
            !(t[nt - 1].digits && (s[p] == 'I' || s[p] == 'V' || s[p] == 'X')) &&
            !(t[nt - 1].digits && !punct && s[e] == '-' && (pii_is_alpha(s[p]) || s[p] >= 0x80)) &&
            !ymd && !dmy)
            break;
        k = p;
    }
    return nt;
}

static bool wd_year(const wd_tok *t)
{
    return t->digits == 4 && t->value >= 1300 && t->value <= 2600;
}

static bool wd_day(const wd_tok *t)
{
    return t->digits >= 1 && t->digits <= 2 && t->value >= 1 && t->value <= 31;
}

/* A day, a year and one to three words between or around them, from the
 * tokens t[0..nt): the number of tokens the date takes, or 0. */
static int wd_shape(const wd_tok *t, int nt)
{
    if (nt >= 3 && wd_day(&t[0]) && !t[1].digits && wd_year(&t[2])) return 3; /* D W Y */
    /* "04 Jul 96", "10th Apr '46", "Apr 12 '80": a two-digit year ends the date */
    if (nt == 3 && wd_day(&t[0]) && !t[1].digits && t[1].b - t[1].a <= 10 && t[2].digits == 2)
        return 3;
    if (nt >= 3 && !t[0].digits && t[0].b - t[0].a <= 10 && wd_day(&t[1]) && t[2].digits == 2 &&
        t[2].b - t[2].a == 3) /* its apostrophe */
        return 3;
    /* "06 05 1950": under a birth label, a day and a month in digits */
    if (nt >= 3 && t[0].digits == 2 && wd_day(&t[0]) && t[1].digits == 2 && t[1].value >= 1 &&
        t[1].value <= 12 && wd_year(&t[2]))
        return 3;
    if (nt >= 4 && wd_day(&t[0]) && !t[1].digits && !t[2].digits && wd_year(&t[3]))
        return 4; /* Irish "15 Meán Fómhair 1954" */
    if (nt >= 3 && !t[0].digits && wd_day(&t[1]) && wd_year(&t[2])) return 3; /* W D Y */
    if (!wd_year(&t[0])) return 0;
    /* Y W D, Y W W D ("1994 m. spalio 20"), Y W W W D ("1961 оны 2-р сарын
     * 16"), then maybe one word ("d.", "februāris") */
    for (int d = 2; d <= 4 && d < nt; d++) {
        bool words = true;
        for (int k = 1; k < d; k++)
            words &= !t[k].digits;
        if (!words || !wd_day(&t[d])) continue;
        /* "1953. gada 22. jūlijs", "1994 m. spalio 20 d." */
        bool tail = d + 1 < nt && !t[d + 1].digits && (d == 2 || t[d + 1].b - t[d + 1].a <= 3);
        return tail ? d + 2 : d + 1;
    }
    return 0;
}

size_t ew__pii_scan_word_date(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = i;
    size_t nd = 0;
    int dl;
    while (nd < 5 && any_digit(s, n, k, &dl) >= 0)
        k += (size_t)dl, nd++;
    if (nd == 0 || (nd != 4 && nd > 2) || k + 2 >= n) return 0;
    if (nd <= 2) k += ordinal_len(s, n, k); /* "April the 20th, 1934" */
    size_t g = case_ending(s, n, k, nd);
    if (g < n && s[g] == ' ') k = g;
    /* the digits, then a space, '.', ',' or a Roman month's separator */
    if (s[k] != ' ' && s[k] != '.' && s[k] != ',' && s[k] != '-' && s[k] != '/') return 0;
    /* cheap exits first: a word after the number, or a year right after a day */
    size_t p = k + (s[k] == '.' || s[k] == ',');
    bool word_next = p + 1 < n && (s[p] == ' ' || s[p] == '-' || s[p] == '.' || s[p] == '/') &&
                     (pii_is_alpha(s[p + 1]) || s[p + 1] >= 0x80);
    /* a year after the day: "12 1985", "12 '85" */
    bool year_next =
        nd <= 2 && p + 2 < n && s[p] == ' ' &&
        (any_digit(s, n, p + 1, &dl) >= 0 || (s[p + 1] == '\'' && pii_is_digit(s[p + 2])));
    if (!word_next && !year_next && !(p < n && (pii_is_alpha(s[p]) || s[p] >= 0x80))) return 0;
    wd_tok t[WD_MAX_TOKENS + 1];
    size_t start = i;
    int nt, took = 0;
    /* "ግንቦት 6 1975", "Pebrero 11, 1962": the word before the day */
    if (year_next && i >= 2 && s[i - 1] == ' ' && (pii_is_alpha(s[i - 2]) || s[i - 2] >= 0x80)) {
        size_t w = i - 1;
        while (w > 0 && i - 1 - w <= WD_WORD_MAX && (pii_is_alpha(s[w - 1]) || s[w - 1] >= 0x80))
            w--;
        if (i - 1 - w <= WD_WORD_MAX && (w == 0 || !pii_is_digit(s[w - 1]))) {
            nt = wd_tokens(s, n, w, t);
            if (nt >= 3 && !t[0].digits && t[0].b == i - 1 && wd_shape(t, nt) == 3 && wd_day(&t[1]))
                start = w, took = 3;
            /* "April the 20th": a month's word, then a short lowercase one */
            size_t mw = w > 1 && s[w - 1] == ' ' ? w - 1 : w;
            while (took && mw < w && mw > 0 && w - mw <= WD_WORD_MAX && pii_is_alpha(s[mw - 1]))
                mw--;
            if (took && mw < w - 1 && t[0].b - t[0].a <= 3 && pii_is_lower(s[w]) &&
                pii_is_upper(s[mw]) && (mw == 0 || !pii_is_alnum(s[mw - 1])))
                start = mw;
        }
    }
    if (!took) {
        nt = wd_tokens(s, n, i, t);
        took = nt >= 3 ? wd_shape(t, nt) : 0;
        /* a year right after a day: only a day and a month in digits ("06 05 1950") */
        if (!took || (year_next && !t[1].digits)) return 0;
    }
    size_t e = t[took - 1].b;
    if (!ew__pii_dob_cue(c, start, e)) return 0;
    ew__pii_add(c, EW_PII_DATE_OF_BIRTH, start, e, 0.9f);
    return e;
}

/* ICAO 9303 check digit of [s, s + l): weights 7 3 1, '<' 0, A-Z 10-35. */
static int mrz_check(const unsigned char *s, size_t l)
{
    int v = 0;
    for (size_t k = 0; k < l; k++) {
        int x = pii_is_digit(s[k]) ? s[k] - '0' : s[k] == '<' ? 0 : s[k] - 'A' + 10;
        v += x * (k % 3 == 0 ? 7 : k % 3 == 1 ? 3 : 1);
    }
    return v % 10;
}

static bool mrz_char(unsigned char b)
{
    return pii_is_digit(b) || (b >= 'A' && b <= 'Z') || b == '<';
}

size_t ew__pii_scan_mrz(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (i + 44 > n || (i + 44 < n && s[i + 44] != '\n' && s[i + 44] != '\r')) return 0;
    for (size_t k = 0; k < 44; k++)
        if (!mrz_char(s[i + k])) return 0;
    const unsigned char *l = s + i;
    /* number 0-8 + check 9, nationality 10-12, birth 13-18 + 19, sex 20,
     * expiry 21-26 + 27, personal number 28-41 + 42, composite 43 */
    for (int k = 13; k < 20; k++)
        if (!pii_is_digit(l[k])) return 0;
    if (!pii_is_digit(l[9]) || !pii_is_digit(l[27]) || !pii_is_digit(l[43]) ||
        mrz_check(l, 9) != l[9] - '0' || mrz_check(l + 13, 6) != l[19] - '0' ||
        mrz_check(l + 21, 6) != l[27] - '0')
        return 0;
    unsigned char comp[39];
    memcpy(comp, l, 10);
    memcpy(comp + 10, l + 13, 7);
    memcpy(comp + 17, l + 21, 22);
    if (mrz_check(comp, 39) != l[43] - '0') return 0;
    int y = (l[13] - '0') * 10 + (l[14] - '0'), m = (l[15] - '0') * 10 + (l[16] - '0'),
        d = (l[17] - '0') * 10 + (l[18] - '0');
    size_t ne = 9;
    while (ne > 0 && l[ne - 1] == '<')
        ne--;
    if (ne < 5) return 0;
    ew__pii_add(c, EW_PII_PASSPORT, i, i + ne, 0.95f);
    if (ew__pii_date_valid(2000 + y, m, d))
        ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i + 13, i + 19, 0.9f);
    return i + 44;
}
