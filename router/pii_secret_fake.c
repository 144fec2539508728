/* Values that look like secrets and are not: masked values, runs a person
 * types as a stand-in (alphabet or keyboard order), token bodies spelt from
 * words, and the example credentials that providers and standards publish.
 * Each rule is about how a value was made, never about one data set's text:
 * a random key of 16 or more characters practically never holds any of these
 * (a run of eight ordered characters has odds below 1e-4 even in hex). */
#include <string.h>
#include <strings.h>

#include "router/pii_secret.h"

/* Bytes of the mask character at v, or 0: '*', '•', '●', '·', '∙'. */
static size_t mask_char(const unsigned char *v, size_t n)
{
    if (v[0] == '*') return 1;
    if (n >= 2 && v[0] == 0xC2 && v[1] == 0xB7) return 2;
    if (n >= 3 && v[0] == 0xE2 &&
        ((v[1] == 0x80 && v[2] == 0xA2) || (v[1] == 0x97 && v[2] == 0x8F) ||
         (v[1] == 0x88 && v[2] == 0x99)))
        return 3;
    return 0;
}

bool ew__pii_masked(const unsigned char *v, size_t n)
{
    size_t run = 0, xrun = 0;
    for (size_t i = 0; i < n;) {
        size_t l = mask_char(v + i, n - i);
        if (l) {
            xrun = 0;
            if (++run >= 4) return true;
            i += l;
            continue;
        }
        run = 0;
        xrun = (v[i] | 32) == 'x' ? xrun + 1 : 0;
        if (xrun >= 8) return true;
        i++;
    }
    return false;
}

/* Row and column of a character on a US keyboard, or -1. */
static int key_at(unsigned ch)
{
    static const char *const rows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    for (int r = 0; r < 4; r++) {
        const char *p = strchr(rows[r], (int)ch);
        if (ch && p) return r * 16 + (int)(p - rows[r]);
    }
    return -1;
}

/* b follows a in alphabet order (either way) or next to it on a keyboard
 * row; the end of a row leads to the start of the next ("...op" "as..."). */
static bool ordered_step(unsigned a, unsigned b)
{
    if (pii_is_digit(a) == pii_is_digit(b) && (a - b == 1 || b - a == 1)) return true;
    int ka = key_at(a), kb = key_at(b);
    if (ka < 0 || kb < 0) return false;
    if (ka / 16 == kb / 16) return ka - kb == 1 || kb - ka == 1;
    static const int row_len[] = {10, 10, 9, 7};
    return kb / 16 == ka / 16 + 1 && kb % 16 == 0 && ka % 16 == row_len[ka / 16] - 1;
}

bool ew__pii_made_up(const unsigned char *v, size_t n)
{
    size_t run = 0;
    unsigned prev = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = v[i];
        if (ch == '-' || ch == '_') continue; /* "ABCD-EFGH" is one run */
        if (!pii_is_alnum(ch)) {
            prev = 0;
            run = 0;
            continue;
        }
        ch = pii_is_upper(ch) ? ch | 32 : ch;
        run = prev && ordered_step(prev, ch) ? run + 1 : 1;
        if (run >= 8) return true;
        prev = ch;
    }
    return false;
}

bool ew__pii_word_body(const unsigned char *v, size_t n)
{
    size_t parts = 0, len = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || v[i] == '-' || v[i] == '_') {
            if (len == 0 || len > 10) return false;
            parts++;
            len = 0;
        } else if (pii_is_lower(v[i])) {
            len++;
        } else {
            return false;
        }
    }
    return parts >= 3;
}

/* Published examples: they grant nothing, and they are pasted everywhere.
 * A value is one, or ends with one (a JWT ends with its signature). */
bool ew__pii_doc_fixture(const unsigned char *v, size_t n)
{
#define F(x)                                                                                       \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }
    static const struct {
        const char *v;
        size_t l;
    } fixtures[] = {
        F("sk_test_4eC39HqLyjWDarjtT1zdp7dc"),            /* Stripe's API reference */
        F("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"), /* jwt.io's example token */
        F("key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),        /* Mailgun's API docs */
        F("JBSWY3DPEHPK3PXP"), /* the TOTP secret of Google Authenticator's key URI docs */
    };
#undef F
    if (n < 16) return false; /* the shortest */
    for (size_t k = 0; k < sizeof fixtures / sizeof fixtures[0]; k++)
        if (n >= fixtures[k].l && v[n - 1] == (unsigned char)fixtures[k].v[fixtures[k].l - 1] &&
            !memcmp(v + n - fixtures[k].l, fixtures[k].v, fixtures[k].l))
            return true;
    return false;
}
