/* Values in code and configs that sit where a secret goes and are code: a
 * call ("companyLogos.map((logo: …"), a command line's flags ("-pass 1 -an
 * -c:v libaom-av1"), a slug naming a widget or a record
 * ("download_file_with_predictions"). Each is about how the value is
 * written; a random key has none of these shapes. (A variable holding a
 * password, "s_password = newPassword", is not ruled out: noseyparker's
 * examples count "Password=myPassword" as a secret.) */
#include <string.h>

#include "router/pii_secret.h"

static bool ident_ch(unsigned char ch)
{
    return pii_is_alnum(ch) || ch == '_' || ch == '$';
}

/* A dotted identifier and '(' ("load(", "companyLogos.map(("). */
static bool call_expression(const unsigned char *v, size_t n)
{
    size_t k = 0;
    for (;;) {
        size_t b = k;
        if (k < n && pii_is_digit(v[k])) return false;
        while (k < n && ident_ch(v[k]))
            k++;
        if (k == b || k >= n) return false;
        if (v[k] == '(') return true;
        if (v[k] != '.') return false;
        k++;
    }
}

/* Two or more flags ("-an", "--usage") among four or more words. */
static bool flag_list(const unsigned char *v, size_t n)
{
    size_t words = 0, flags = 0;
    for (size_t k = 0; k < n; k++) {
        if (v[k] == ' ' || (k > 0 && v[k - 1] != ' ')) continue;
        words++;
        flags += v[k] == '-' && k + 1 < n && (pii_is_alpha(v[k + 1]) || v[k + 1] == '-');
    }
    return words >= 4 && flags >= 2;
}

bool ew__pii_code_value(int kind, const unsigned char *v, size_t n, bool quoted)
{
    if (!quoted && call_expression(v, n)) return true;
    if (memchr(v, ' ', n) && flag_list(v, n)) return true;
    /* three or more small words joined by '_' or '-': a name in code, not a
     * key (a password may be words; a key is not) */
    return quoted && kind != PII_KEY_PASSWORD && ew__pii_word_parts(v, n, false, 16) >= 3;
}
