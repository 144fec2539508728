/* Payment cards in the layouts a form or a PDF prints them, which the
 * number parser (one separator between groups) does not join: groups two or
 * three spaces apart ("4111  1111  1111  1111", a form with one box per
 * group) and a number wrapped onto a second line ("4111 1111\n1111 1111").
 * Only a card's own grouping, its length, the issuer's range and Luhn make
 * one, so two numbers that happen to sit in such a layout do not.
 * And the look-alike of a card that passes Luhn: a 13-digit EAN barcode,
 * whose own GS1 check digit also holds. */
#include "router/pii_internal.h"

#define CARD_MAX 19

/* Is the grouping one a card is printed in: 4-4-4-4(-3), 4-6-5, 4-6-4? */
static bool card_grouping(const int *g, int ng, int nd)
{
    if (ng == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4)) return true;
    if (ng < 4 || (nd != 16 && nd != 19)) return false;
    for (int k = 0; k < ng - 1; k++)
        if (g[k] != 4) return false;
    return g[ng - 1] >= 3 && g[ng - 1] <= 4;
}

/* A card at i in one of these layouts; neg: a look-alike's label is nearer.
 * Its end, or 0. */
size_t ew__pii_scan_card_layout(pii_ctx *c, size_t i, bool neg)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = i, end = i;
    char d[CARD_MAX + 1];
    int g[6], ng = 0, nd = 0;
    int wide = 0;      /* the width of a run of spaces used between groups */
    bool wrap = false; /* one line break between two groups */
    for (;;) {
        size_t g0 = k;
        while (k < n && pii_is_digit(s[k]) && nd < CARD_MAX)
            d[nd++] = (char)s[k++];
        if (k == g0 || (k < n && pii_is_digit(s[k])) || ng == 6) return 0;
        g[ng++] = (int)(k - g0);
        end = k;
        size_t sp = k;
        while (sp < n && s[sp] == ' ' && sp - k < 4)
            sp++;
        size_t w = sp - k, nl = 0;
        if (sp < n && !wrap && (s[sp] == '\n' || s[sp] == '\r'))
            nl = s[sp] == '\r' && sp + 1 < n && s[sp + 1] == '\n' ? 2 : 1;
        if (nl && sp + nl < n && pii_is_digit(s[sp + nl])) {
            sp += nl;
            wrap = true;
        } else if (w >= 2 && w <= 3 && (wide == 0 || wide == (int)w)) {
            wide = (int)w;
        } else if (w != 1 || wide) {
            break;
        }
        if (sp >= n || !pii_is_digit(s[sp])) break;
        k = sp;
    }
    if ((!wide && !wrap) || nd < 14 || !card_grouping(g, ng, nd) || !ew__pii_luhn(d, (size_t)nd) ||
        !ew__pii_card_issuer(d, (size_t)nd))
        return 0;
    if (end < n && pii_is_alnum(s[end])) return 0;
    bool cue = pii_cue_near(c, CUE_CARD, i, 64);
    float sc = cue ? 0.98f : 0.9f;
    if (neg && (!cue || c->cue_at[CUE_NEG] > c->cue_at[CUE_CARD])) sc -= 0.45f;
    ew__pii_add(c, EW_PII_CREDIT_CARD, i, end, sc);
    return end;
}

/* GS1 check digit of an EAN-13: weights 1 and 3 from the left. */
bool ew__pii_ean13_valid(const char *d)
{
    unsigned sum = 0;
    for (int k = 0; k < 12; k++)
        sum += (unsigned)(d[k] - '0') * (k % 2 ? 3u : 1u);
    return (10 - sum % 10) % 10 == (unsigned)(d[12] - '0');
}
