/* A credential pasted into a message in a language no cue list holds:
 * "lykilorðið er Hekla#4521", "პაროლი არის aB3#kd9!xQ2m", "parolingiz:
 * Mekong!4410". Every language has its own word for "password"; what they
 * share is the value's shape and its place, so this reads those:
 *  - the token looks like nothing but a credential: a password (8 to 64
 *    characters with a letter, a digit and one of !#$%&*?@^~; '+' and '='
 *    alone are base64's), or a key (20 or more letters and digits with
 *    capitals, small letters and digits, random-looking);
 *  - it stands where a message puts a value: after a word of text on a
 *    short line (at most 200 bytes), last on it or before at most three
 *    words;
 *  - the line is not English (English cue words are read elsewhere, and
 *    English text is where order and room numbers like "Invoice#2024" sit):
 *    a letter beyond ASCII comes before the token, or the line is
 *    "<word>: <password>" alone or has none of the words English can hardly
 *    do without; on an ASCII line the password is in both cases or has two
 *    symbols.
 * Code and fields (an '=', '(', '|' or quote before the token) are left to
 * the other rules, and a line with a cue word the scanner knows to the cue rules. */
#include <string.h>
#include <strings.h>

#include "router/pii_secret.h"

#define CHAT_LINE_MAX 200

static bool mixed_case(const unsigned char *v, size_t n)
{
    bool up = false, lo = false;
    for (size_t k = 0; k < n; k++)
        up |= pii_is_upper(v[k]), lo |= pii_is_lower(v[k]);
    return up && lo;
}

/* How many of the symbols in set v holds. */
static size_t symbols_of(const unsigned char *v, size_t n, const char *set)
{
    size_t kinds = 0;
    for (const char *p = set; *p; p++)
        kinds += memchr(v, *p, n) != NULL;
    return kinds;
}

/* Shapes that hold a symbol and are no password: "Room#204" (letters, '#'
 * and a number: a numbered thing), and a code or version that ends a
 * sentence ("RABAT2024!", "Python3.11!"): its only symbols are the closing
 * '!' or '?', with no small letter or with a dotted number before them. */
static bool numbered_or_exclaimed(const unsigned char *v, size_t n)
{
    size_t k = 0;
    while (k < n && pii_is_alpha(v[k]))
        k++;
    if (k > 0 && k + 1 < n && v[k] == '#') {
        size_t d = k + 1;
        while (d < n && pii_is_digit(v[d]))
            d++;
        if (d == n) return true;
    }
    size_t body = n;
    while (body > 0 && (v[body - 1] == '!' || v[body - 1] == '?'))
        body--;
    if (body == n || symbols_of(v, body, "!#$%&*+=?@^~")) return false;
    bool lower = false, dotted = false;
    for (size_t j = 0; j < body; j++) {
        lower |= pii_is_lower(v[j]);
        dotted |= v[j] == '.' && j > 0 && j + 1 < body && pii_is_digit(v[j - 1]) &&
                  pii_is_digit(v[j + 1]);
    }
    return !lower || dotted;
}

/* A key: letters and digits (and '-', '_') with all three classes. */
static bool chat_key(const unsigned char *v, size_t n)
{
    size_t up = 0, lo = 0, dg = 0;
    if (n < 20 || n > 128) return false;
    for (size_t k = 0; k < n; k++) {
        if (pii_is_upper(v[k]))
            up++;
        else if (pii_is_lower(v[k]))
            lo++;
        else if (pii_is_digit(v[k]))
            dg++;
        else if (v[k] != '-' && v[k] != '_')
            return false;
    }
    return up >= 2 && lo >= 2 && dg >= 2 && ew__pii_random_looking(v, n);
}

/* After the token: the line ends, or at most three words do (with their
 * punctuation). */
static bool ends_message(const unsigned char *s, size_t n, size_t e)
{
    size_t words = 0, k = e;
    while (k < n && s[k] != '\n') {
        while (k < n && s[k] == ' ')
            k++;
        if (k >= n || s[k] == '\n') break;
        size_t w = k;
        while (k < n && s[k] != ' ' && s[k] != '\n')
            k++;
        if (k - w > 1 || pii_is_alnum(s[w])) words++; /* not a lone mark */
        if (words > 3 || k - e > CHAT_LINE_MAX) return false;
    }
    return true;
}

/* Does [b, e) hold a word English text can hardly do without (or one that
 * names what a code in English prose is: "room", "order", "promo")? A line
 * of ASCII words without any is another language's ("y cyfrinair yw x"). */
bool ew__pii_english_words(const unsigned char *s, size_t b, size_t e)
{
    static const char *const words[] = {
        "the",     "a",     "an",     "is",    "are",    "was",  "were",  "be",      "to",
        "of",      "and",   "or",     "in",    "on",     "at",   "for",   "with",    "my",
        "your",    "our",   "his",    "her",   "it",     "its",  "this",  "that",    "i",
        "you",     "we",    "he",     "she",   "they",   "me",   "as",    "by",      "from",
        "here",    "there", "use",    "using", "please", "pls",  "u",     "go",      "so",
        "ok",      "hi",    "hey",    "new",   "code",   "room", "order", "invoice", "ticket",
        "version", "promo", "coupon", "see",   "try",    "get",  "got",   "just",    "now"};
    for (size_t k = b; k < e;) {
        while (k < e && !pii_is_alpha(s[k]))
            k++;
        size_t w = k;
        while (k < e && pii_is_alpha(s[k]))
            k++;
        for (size_t j = 0; k > w && j < sizeof words / sizeof *words; j++)
            if (strlen(words[j]) == k - w && !strncasecmp((const char *)s + w, words[j], k - w))
                return true;
    }
    return false;
}

size_t ew__pii_scan_chat_value(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, e = ew__pii_token_end(s, n, i);
    while (e > i && (s[e - 1] == '.' || s[e - 1] == ',')) /* the sentence's end */
        e--;
    size_t vn = e - i;
    const unsigned char *v = s + i;
    if (vn < 8 || i < 2 || s[i - 1] != ' ') return 0;
    const unsigned char *eq = memchr(v, '=', vn);
    if (eq && eq < v + vn - 2) return 0; /* "PGPASSWORD=x": an assignment */
    size_t lead = 0; /* "zusammenfassen?1057": a question glued to what follows */
    while (lead < vn && pii_is_lower(v[lead]))
        lead++;
    if (lead >= 4 && lead + 1 < vn && v[lead] == '?') return 0;
    /* '+' and '=' alone are base64's ("nonce: Ug+aufJB11MDm53D") */
    bool password = ew__pii_strong_password(v, vn) && symbols_of(v, vn, "!#$%&*?@^~") &&
                    !numbered_or_exclaimed(v, vn);
    if (!password && !chat_key(v, vn)) return 0;
    size_t b = pii_line_start(s, i, CHAT_LINE_MAX);
    if (b > 0 && s[b - 1] != '\n') return 0;
    bool foreign = false, text = false;
    for (size_t k = b; k < i; k++) {
        unsigned ch = s[k];
        /* an apostrophe between letters is prose ("d'Passwuert") */
        if (ch == '\'' && k > b && pii_is_alpha(s[k - 1]) && pii_is_alpha(s[k + 1])) continue;
        if (ch == '=' || ch == '(' || ch == '"' || ch == '\'' || ch == '`' || ch == '{' ||
            ch == '<' || ch == '|')
            return 0; /* code, markup or fields: other rules read them */
        foreign |= ch >= 0xC2;
        text |= pii_is_alpha(ch) || ch >= 0xC2;
    }
    if (!text || !ends_message(s, n, e)) return 0;
    /* a cue word read on this line ("Ldap password ---- x"): its rules decided */
    if (c->cue_at[CUE_SECRET] != CUE_NONE && c->cue_at[CUE_SECRET] > b) return 0;
    if (!foreign) { /* an ASCII line: "<word>: <token>" alone, or no English word in it */
        size_t w = b;
        while (w < i && pii_is_alpha(s[w]))
            w++;
        bool label = w > b && w + 2 == i && s[w] == ':' && (e == n || s[e] == '\n');
        if (!password || !(mixed_case(v, vn) || symbols_of(v, vn, "!#$%&*+=?@^~") >= 2) ||
            (!label && ew__pii_english_words(s, b, i)))
            return 0;
    }
    if (ew__pii_placeholder(v, vn)) return 0;
    ew__pii_add(c, EW_PII_SECRET, i, e, password ? 0.75f : 0.8f);
    return e;
}
