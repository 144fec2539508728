/* The label a value stands under when no cue word is next to it: the header
 * of its table column ("| Name | Passport |\n|---|---|\n| ... | PA0978288 |",
 * "name,dob\n...,1984-07-19"), the column of an SQL INSERT ("(name, dob)
 * VALUES ('...', '1984-07-19')"), or a patient record line ("Patient: Stoica,
 * Ayesha   MRN 427   08/17/1952"). Only values that already have a shape
 * (a date, a passport number) ask, so the look-ups are rare. */
#include <string.h>
#include <strings.h>

#include "router/pii_internal.h"

/* Cue bits of the words of a label [a, b) ("Date of birth", "passport_no",
 * "DOB"): words split at anything but letters, looked up lowercased. */
static uint32_t label_cues(const unsigned char *s, size_t a, size_t b)
{
    uint32_t cues = 0;
    while (a < b) {
        while (a < b && !pii_is_alpha(s[a]))
            a++;
        char w[PII_WORD_MAX];
        size_t l = 0;
        while (a < b && pii_is_alpha(s[a])) {
            if (l < sizeof w) w[l] = (char)(s[a] | 32);
            l++, a++;
        }
        if (l && l < sizeof w) cues |= ew__pii_cue_lookup(w, l) & ((1u << CUE_COUNT) - 1);
    }
    return cues;
}

/* Start of the last "values" (any case) in [lo, i) outside quotes, or SIZE_MAX. */
static size_t values_before(const unsigned char *s, size_t lo, size_t i)
{
    for (size_t k = i; k >= lo + 6; k--)
        if ((s[k - 6] | 32) == 'v' && !strncasecmp((const char *)s + k - 6, "values", 6) &&
            (k - 6 == 0 || !pii_is_alnum(s[k - 7])) && (k == i || !pii_is_alnum(s[k])))
            return k - 6;
    return SIZE_MAX;
}

/* The SQL column of the value at i: "INSERT INTO t (a, b) VALUES ('x', 'y')"
 * gives b for 'y'. Bounded to 1 KiB back; [*ca, *cb) gets the column name. */
static bool sql_column(const pii_ctx *c, size_t i, size_t *ca, size_t *cb)
{
    const unsigned char *s = c->s;
    size_t lo = i > 1024 ? i - 1024 : 0;
    size_t v = values_before(s, lo, i);
    if (v == SIZE_MAX) return false;
    /* the value's position in its tuple */
    int depth = 0, col = 0;
    bool quoted = false;
    for (size_t k = v + 6; k < i; k++) {
        if (quoted) {
            quoted = s[k] != '\'';
            continue;
        }
        if (s[k] == '\'')
            quoted = true;
        else if (s[k] == '(')
            depth++, col = 0;
        else if (s[k] == ')')
            depth--;
        else if (s[k] == ',' && depth == 1)
            col++;
        else if (s[k] == ';')
            return false;
    }
    if (depth != 1) return false;
    /* the column list right before VALUES */
    size_t e = v;
    while (e > lo && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\r'))
        e--;
    if (e <= lo || s[e - 1] != ')') return false;
    size_t b = e - 1, a = b;
    while (a > lo && s[a - 1] != '(' && s[a - 1] != ')' && s[a - 1] != ';')
        a--;
    if (a <= lo || s[a - 1] != '(') return false;
    for (int k = 0; k < col && a < b; a++)
        k += s[a] == ',';
    size_t z = a;
    while (z < b && s[z] != ',')
        z++;
    if (a >= z) return false;
    *ca = a, *cb = z;
    return true;
}

uint32_t ew__pii_field_cues(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    if (i < 2 || i == c->line_start) return 0;
    unsigned p = s[i - 1];
    if (p == ' ' && s[i - 2] != '|' && s[i - 2] != ',') return 0; /* prose, not a cell */
    size_t a, b;
    unsigned char d;
    if ((p == ' ' || p == ',' || p == '\t' || p == ';' || p == '|' || p == '"') &&
        ew__pii_table_header(c, i, &a, &b, &d))
        return label_cues(s, a, b);
    if ((p == '\'' || p == ' ' || p == '(' || p == ',') && sql_column(c, i, &a, &b))
        return label_cues(s, a, b);
    return 0;
}

bool ew__pii_patient_date(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t ls = c->line_start;
    if (i < ls + 12 || i - ls > 160 || strncasecmp((const char *)s + ls, "patient", 7))
        return false;
    size_t k = ls + 7;
    if (k < i && (s[k] == ' ' || s[k] == '_') && !strncasecmp((const char *)s + k + 1, "name", 4))
        k += 5;
    if (k >= i || s[k] != ':') return false;
    /* only the name and record numbers before the date: no lowercase word
     * ("Patient: Anna Berg, seen on 03/04/2024" dates a visit) */
    for (size_t w = k + 1; w < i; w++) {
        if (!pii_is_lower(s[w]) || (s[w - 1] != ' ' && s[w - 1] != ',')) continue;
        size_t e = w;
        while (e < i && pii_is_lower(s[e]) && e - w < 8)
            e++;
        if (!(ew__pii_cue_lookup((const char *)s + w, e - w) & PII_KW_PARTICLE))
            return false; /* "van der Merwe" has particles */
    }
    return true;
}
