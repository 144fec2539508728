/* E-mail addresses written so that harvesters miss them, as imprints,
 * forums and signatures do: "name(at)firma.de", "name[at]example.com",
 * "name [at] example [dot] com", "name (at) example (dot) co (dot) uk" and,
 * for a local part no word has (a dot, a digit, '_', '-' or '+' in it),
 * "first.last at example dot com". The marker is "at" in brackets or
 * spelled out, the dots "." or "dot" in the same style; the top-level label
 * is two to 24 letters. A word "at" between two words is prose. */
#include "router/pii_internal.h"

/* A marker word at k: "(at)", "[at]", "{at}" (bracketed) or "at"/"dot"
 * spelled out between spaces; w is "at" or "dot". Its length, or 0. */
static size_t marker(const unsigned char *s, size_t n, size_t k, const char *w, bool *bracket)
{
    size_t wl = w[1] == 't' ? 2 : 3, open = k < n && (s[k] == '(' || s[k] == '[' || s[k] == '{');
    if (k + open + wl + open > n || !pii_icase_eq(s + k + open, w, wl)) return 0;
    if (open) {
        unsigned close = s[k] == '(' ? ')' : s[k] == '[' ? ']' : '}';
        if (s[k + 1 + wl] != close) return 0;
        *bracket = true;
        return wl + 2;
    }
    *bracket = false;
    return k + wl < n && s[k + wl] == ' ' ? wl : 0;
}

/* One domain label at k (letters, digits, '-', UTF-8 letters); its end. */
static size_t label_end(const unsigned char *s, size_t n, size_t k)
{
    while (k < n && (pii_is_alnum(s[k]) || s[k] == '-' || (s[k] >= 0xC3 && s[k] <= 0xDF)))
        k += s[k] >= 0xC3 ? (k + 1 < n ? 2 : 1) : 1;
    return k;
}

/* The address whose local part is [ls, le), the marker after it; its end,
 * or 0. The span covers the whole written form. */
size_t ew__pii_scan_email_obf(pii_ctx *c, size_t ls, size_t le)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (le <= ls || le - ls > 64 || le + 6 > n) return 0;
    size_t k = le + (s[le] == ' ');
    bool bracket, spelled = false;
    size_t ml = marker(s, n, k, "at", &bracket);
    if (!ml || (!bracket && k == le)) return 0;
    bool plain_local = true; /* a local part any word could be */
    for (size_t p = ls; p < le; p++) {
        if (!pii_is_alnum(s[p]) && s[p] != '.' && s[p] != '_' && s[p] != '-' && s[p] != '+' &&
            s[p] < 0x80)
            return 0;
        plain_local &= pii_is_alpha(s[p]) || s[p] >= 0x80;
    }
    if (!bracket && plain_local) return 0;
    k += ml;
    if (k < n && s[k] == ' ') k++;
    size_t labels = 0, last = k, end = 0;
    for (;;) {
        size_t l0 = k;
        k = label_end(s, n, k);
        if (k == l0 || k - l0 > 63) break;
        labels++;
        last = l0;
        if (labels >= 2) end = k;
        /* the next dot: ".", "(dot)", "[dot]", " dot ", " [dot] " */
        size_t d = k + (k < n && s[k] == ' ');
        bool db = false;
        size_t dl = d < n && s[d] == '.' ? 1 : marker(s, n, d, "dot", &db);
        if (!dl) break;
        if (dl == 1 && d != k) break; /* "x . y" is no address */
        spelled |= dl == 3 && !db;    /* "dot" between spaces */
        d += dl;
        if (d < n && s[d] == ' ' && dl > 1) d++;
        if (d >= n || !(pii_is_alnum(s[d]) || s[d] >= 0xC3)) break;
        k = d;
    }
    if (labels < 2 || !end) return 0;
    /* the top-level label: letters only, 2 to 24 */
    size_t tl = end - last;
    if (tl < 2 || tl > 24) return 0;
    for (size_t p = last; p < end; p++)
        if (!pii_is_alpha(s[p])) return 0;
    if (!bracket && !spelled) return 0; /* "x at example.com" is prose about a site */
    ew__pii_add(c, EW_PII_EMAIL, ls, end, 0.85f);
    return end;
}

/* The same with the bracketed marker at m, the local part before it (and
 * one space): the walk reaches the '(' or '[' after a plain word. */
size_t ew__pii_scan_email_obf_at(pii_ctx *c, size_t m)
{
    const unsigned char *s = c->s;
    size_t le = m > 0 && s[m - 1] == ' ' ? m - 1 : m, ls = le;
    while (ls > 0 && le - ls < 64 &&
           (pii_is_alnum(s[ls - 1]) || s[ls - 1] == '.' || s[ls - 1] == '_' || s[ls - 1] == '-' ||
            s[ls - 1] == '+' || s[ls - 1] >= 0x80))
        ls--;
    while (ls < le && !pii_is_alnum(s[ls]) && s[ls] < 0x80)
        ls++;
    return ew__pii_scan_email_obf(c, ls, le);
}
