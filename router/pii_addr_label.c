/* A street address by its field: the value under an address label of any
 * language ("Address:", "Anschrift:", "Суроға:", "ঠিকানা:", "<deliveryAddress>",
 * a CSV column "address") is an address when it has the shape of one: words
 * and a number in any script's digits, and nothing that is another kind of
 * address (an IP's, a MAC's, a mailbox's, a wallet's). The label words are
 * data (router/data/id_labels.txt, kind A), so a language no street rule
 * knows ("ផ្ទះលេខ ១២ ផ្លូវ ២៧១ ...", "кӯчаи Рӯдакӣ 117, ...") is still read
 * whole, from its field's start to its end. */
#include <string.h>
#include <strings.h>

#include "router/pii_internal.h"

#define VALUE_MAX 240 /* bytes of a field's value read */

/* Words in a label that make its address another thing's ("IP address",
 * "E-Mail-Adresse", "wallet address", "MAC-Adresse"). */
static bool other_address(const unsigned char *s, size_t a, size_t b)
{
    static const char *const words[] = {
        "ip",      "ipv4",   "ipv6", "mac",     "mail",     "email",   "web",         "url",
        "wallet",  "server", "host", "bitcoin", "btc",      "eth",     "memory",      "proxy",
        "gateway", "dns",    "node", "token",   "contract", "network", "mailing list"};
    for (size_t k = a; k < b; k++) {
        if (!pii_is_alpha(s[k]) || (k > a && pii_is_alnum(s[k - 1]))) continue;
        size_t e = k;
        while (e < b && pii_is_alnum(s[e]))
            e++;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (strlen(words[w]) == e - k && !strncasecmp((const char *)s + k, words[w], e - k))
                return true;
        k = e;
    }
    return false;
}

/* "<br>", "<br/>", "<br />" at k: its end, else 0. */
static size_t html_break(const unsigned char *s, size_t n, size_t k)
{
    if (k + 4 > n || s[k] != '<' || (s[k + 1] | 32) != 'b' || (s[k + 2] | 32) != 'r') return 0;
    size_t e = k + 3;
    while (e < n && e - k < 6 && (s[e] == ' ' || s[e] == '/'))
        e++;
    return e < n && s[e] == '>' ? e + 1 : 0;
}

/* Does a sentence end at the full stop at k: after a word of four letters
 * or more with a vowel ("Kraków. Anna ..."), not an abbreviation ("ul.",
 * "Apt.", "Blvd.")? */
static bool sentence_stop(const unsigned char *s, size_t v, size_t k)
{
    size_t a = k, chars = 0;
    bool vowel = false;
    while (a > v && (pii_is_alpha(s[a - 1]) || s[a - 1] >= 0x80)) {
        unsigned char ch = s[a - 1] | 32;
        vowel |= ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch >= 0x80;
        chars += (s[a - 1] & 0xC0) != 0x80; /* characters, not bytes */
        a--;
    }
    return chars >= 4 && vowel;
}

/* The end of the field's value from v: its closing quote when quoted (q),
 * an element's end tag, a table cell's bar, the next field's label on the
 * same line (", Phone: ..."), a list's "; " or a sentence's end, else the
 * line's end. */
static size_t value_end(const unsigned char *s, size_t n, size_t v, unsigned char q)
{
    size_t k = v, part = v; /* part: after the last ',' */
    while (k < n && k - v < VALUE_MAX && s[k] != '\n' && s[k] != '\r') {
        unsigned char ch = s[k];
        if (q && ch == q) break;
        if (ch == '<') {
            size_t br = html_break(s, n, k);
            if (!br) break;
            k = br;
            continue;
        }
        if (ch == '|' || ch == '\t' || (ch == ' ' && k + 1 < n && s[k + 1] == ' ')) break;
        if ((ch == ';' || ch == '.') && k + 1 < n && s[k + 1] == ' ' &&
            (ch == ';' || sentence_stop(s, v, k)))
            break;
        if (ch == ':' && k > v && pii_is_alpha(s[k - 1]) && (k + 1 == n || s[k + 1] == ' ')) {
            k = part > v ? part - 1 : v; /* the next field's label starts its part */
            break;
        }
        if (ch == ',') part = k + 1;
        k++;
    }
    if (k - v >= VALUE_MAX) return 0;
    while (k > v && (s[k - 1] == ' ' || s[k - 1] == ',' || s[k - 1] == ';' || s[k - 1] == '.' ||
                     s[k - 1] == '"' || s[k - 1] == '}' || s[k - 1] == ']'))
        k--;
    return k;
}

/* Has [a, b) an address's shape: two words or more, a word of three letters
 * (or of another script), a digit of any script, no mailbox, link, IP or
 * version (three numbers with dots between) and no MAC (hex pairs with
 * colons)? */
static bool address_shape(const unsigned char *s, size_t n, size_t a, size_t b)
{
    bool digit = false, word = false, space = false;
    size_t letters = 0, dots = 0, colons = 0;
    for (size_t k = a; k < b; k++) {
        unsigned char ch = s[k];
        int dl;
        if (ch == '@' || (ch == '/' && k + 1 < b && s[k + 1] == '/')) return false;
        if (ch == '0' && k + 2 < b && (s[k + 1] | 32) == 'x' && pii_is_hex(s[k + 2]) &&
            (k == a || s[k - 1] == ' '))
            return false; /* a memory address, "0x7ffd5e8c" */
        if (pii_is_digit(ch)) {
            digit = true;
            if (k + 2 < b && s[k + 1] == '.' && pii_is_digit(s[k + 2]) && ++dots >= 2) return false;
            if (k + 2 < b && s[k + 1] == ':' && pii_is_hex(s[k + 2]) && ++colons >= 2) return false;
        } else if (ch >= 0xD8 && ch < 0xF0 && ew__pii_uni_digit(s, n, k, &dl) >= 0) {
            digit = true;
        }
        if (pii_is_alpha(ch)) {
            if (++letters >= 3) word = true;
        } else if (ch >= 0xC0) {
            word = true; /* a letter of another script (its digits were counted above) */
        } else if (ch < 0x80) {
            letters = 0;
        }
        if (ch == ' ' && k > a) space = true;
    }
    return digit && word && space;
}

/* Leading lines of a value with no digit (a name, a firm before the street
 * in "<address>Name<br>12 Queen Street<br>...", "SHIP TO:\nNAME\n12 ...") are
 * the addressee's. */
static size_t skip_addressee(const unsigned char *s, size_t n, size_t v, size_t e)
{
    size_t k = v, line = v;
    while (k < e) {
        size_t br = s[k] == '\n' ? k + 1 : html_break(s, n, k);
        if (br) {
            line = br;
            k = br;
            continue;
        }
        int dl;
        if (pii_is_digit(s[k]) || (s[k] >= 0xD8 && ew__pii_uni_digit(s, n, k, &dl) >= 0)) break;
        k++;
    }
    while (line < e && s[line] == ' ')
        line++;
    return line;
}

void ew__pii_scan_label_address(pii_ctx *c, size_t sep)
{
    const unsigned char *s = c->s;
    size_t n = c->n, v = sep + 1;
    while (v < n && s[v] == ' ')
        v++;
    unsigned char q = 0;
    if (v < n && (s[v] == '"' || s[v] == '\'')) q = s[v++];
    if (v + 8 > n) return;
    size_t la;
    if (!(ew__pii_value_label_at(c, v, &la) & PII_LBL_ADDRESS) || other_address(s, la, sep)) return;
    size_t e = value_end(s, n, v, q);
    if (!e) return;
    v = skip_addressee(s, n, v, e);
    if (e <= v || e - v < 8 || !address_shape(s, n, v, e)) return;
    ew__pii_add(c, EW_PII_STREET_ADDRESS, v, e, 0.85f);
}

/* Does the line [a, b) hold a label of its own ("Phone: …", "City: …"):
 * a colon after a letter, then a space? */
static bool line_has_label(const unsigned char *s, size_t a, size_t b)
{
    for (size_t k = a + 1; k + 1 < b; k++)
        if (s[k] == ':' && s[k + 1] == ' ' && pii_is_alpha(s[k - 1])) return true;
    return false;
}

void ew__pii_scan_label_block(pii_ctx *c, size_t nl)
{
    const unsigned char *s = c->s;
    size_t n = c->n, le = nl;
    while (le > 0 && (s[le - 1] == ' ' || s[le - 1] == '\r'))
        le--;
    if (le >= 3 && s[le - 1] == '|' && s[le - 2] == ' ' && s[le - 3] == ':')
        le -= 2; /* YAML's block scalar: "address: |" */
    while (le > 0 && (s[le - 1] == ' ' || s[le - 1] == ':'))
        le--;
    size_t a = le;
    while (a > 0 && s[a - 1] != '\n' && le - a <= 48)
        a--;
    while (a < le && (s[a] == ' ' || s[a] == '>' || s[a] == '-' || s[a] == '*'))
        a++; /* indentation, a quote's '>', a list's mark */
    if (le - a > 48 || le == a) return;
    bool co = le - a >= 5 && (s[a] | 32) == 'c' && s[a + 1] == '/' && (s[a + 2] | 32) == 'o' &&
              s[a + 3] == ' '; /* "c/o Name": the addressee's line */
    if (!co) {
        /* the label alone: no value after a colon on its line ("Home address:
         * Hawthorn Cottage" is read by its colon) */
        for (size_t k = a; k < le; k++)
            if (pii_is_digit(s[k]) || s[k] == '=' || s[k] == ';' || s[k] == '(' || s[k] == '{' ||
                s[k] == '"' || s[k] == ',' || s[k] == ':' || s[k] == '|')
                return;
        unsigned last;
        if (!(ew__pii_label_words(s, a, le, false, &last) & PII_LBL_ADDRESS) ||
            other_address(s, a, le))
            return;
    }
    /* the value: the lines after it, to a blank line, a line with a label of
     * its own or a long line, six at the most */
    size_t v = nl + 1;
    while (v < n && (s[v] == ' ' || s[v] == '>'))
        v++;
    size_t e = v, end = v;
    for (int lines = 0; lines < 6 && e < n; lines++) {
        size_t l = e;
        while (l < n && s[l] != '\n' && l - e <= 80)
            l++;
        if (l == e || l - e > 80 || line_has_label(s, e, l)) break;
        end = l;
        e = l + 1;
        while (e < n && (s[e] == ' ' || s[e] == '>'))
            e++;
    }
    while (end > v &&
           (s[end - 1] == ' ' || s[end - 1] == '\r' || s[end - 1] == ',' || s[end - 1] == '.'))
        end--;
    if (!co) v = skip_addressee(s, n, v, end); /* after c/o, the addressee was on its line */
    if (end <= v || end - v < 8 || !address_shape(s, n, v, end)) return;
    ew__pii_add(c, EW_PII_STREET_ADDRESS, v, end, 0.8f);
}
