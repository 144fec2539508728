/* Secrets a shell line hands to a command on its standard input:
 *   echo -n "<v>" | vercel env add SUPABASE_SERVICE_KEY production
 *   printf '%s' '<v>' | docker login ghcr.io -u ci --password-stdin
 *   echo <v> | gh auth login --with-token
 *   vault login - <<< "<v>"        read -r API_TOKEN <<< "<v>"
 * The literal is a secret when the command that reads it names one (a word
 * or flag that a key's name would: password, token, secret, login, key) and
 * the literal is no variable, word of prose or placeholder; a password word
 * takes any such literal, the others a machine-made one. */
#include <string.h>

#include "router/pii_secret.h"

#define LINE_MAX_BACK 512

/* The strongest kind a word of [b, e) names ("--password-stdin", "--with-token",
 * "login", "SUPABASE_SERVICE_KEY"); words are runs of letters, digits, '_'
 * and inner '-'. */
static int command_kind(const unsigned char *s, size_t b, size_t e)
{
    int best = PII_KEY_NONE;
    for (size_t p = b; p < e;) {
        while (p < e && !pii_is_alnum(s[p]))
            p++;
        size_t q = p;
        while (q < e && (pii_is_alnum(s[q]) || s[q] == '_' || s[q] == '-'))
            q++;
        if (q > p && q - p <= 40) {
            int k = ew__pii_key_kind(s, p, q);
            if (k == PII_KEY_PASSWORD) return k;
            if (k > best) best = k;
        }
        p = q;
    }
    return best;
}

/* A literal the shell passes as it is: not "$VAR", "${x}", "$(cmd)" or a
 * backquoted command, and no word of prose. */
static bool plain_literal(const unsigned char *v, size_t n)
{
    if (n < 6 || memchr(v, '$', n) || memchr(v, '`', n) || memchr(v, ' ', n)) return false;
    return !ew__pii_prose_word(v, n);
}

/* The one argument of "echo" or "printf" in [b, e) after its options (and
 * printf's format): [*vs, *ve) without quotes. */
static bool echo_argument(const unsigned char *s, size_t b, size_t e, size_t *vs, size_t *ve,
                          bool *quoted)
{
    size_t p = b, args = 0;
    bool printf_cmd = false;
    /* the command word: at the line's start or after ';', '&&', '(' or a space */
    for (size_t k = b; k + 5 <= e; k++) {
        if (k > b && s[k - 1] != ' ' && s[k - 1] != ';' && s[k - 1] != '(' && s[k - 1] != '&')
            continue;
        if (!memcmp(s + k, "echo ", 5)) {
            p = k + 5, printf_cmd = false, args = 1;
        } else if (k + 7 <= e && !memcmp(s + k, "printf ", 7)) {
            p = k + 7, printf_cmd = true, args = 1;
        }
    }
    if (!args) return false;
    size_t found = 0;
    while (p < e) {
        while (p < e && s[p] == ' ')
            p++;
        if (p >= e) break;
        size_t a = p, z;
        bool q = s[p] == '"' || s[p] == '\'';
        if (q) {
            const unsigned char *close = memchr(s + p + 1, s[p], e - p - 1);
            if (!close) return false;
            z = (size_t)(close - s) + 1;
        } else {
            z = p;
            while (z < e && s[z] != ' ')
                z++;
        }
        bool option = !q && s[a] == '-' && z - a <= 3; /* -n, -e, -ne */
        bool format = printf_cmd && found == 0 && memchr(s + a, '%', z - a);
        if (!option && !format) {
            if (found++) return false; /* more than one: a sentence, not a value */
            *vs = a + q;
            *ve = z - q;
            *quoted = q;
        }
        p = z;
    }
    return found == 1;
}

/* "deploy:<password>", as chpasswd reads its lines: the start of the
 * password after a user's name, or vs when the value is no such pair. */
static size_t after_user(const unsigned char *s, size_t vs, size_t ve)
{
    size_t k = vs;
    while (k < ve && k - vs <= 32 &&
           (pii_is_alnum(s[k]) || s[k] == '.' || s[k] == '_' || s[k] == '-'))
        k++;
    return k > vs && k + 1 < ve && s[k] == ':' && pii_is_alpha(s[vs]) ? k + 1 : vs;
}

size_t ew__pii_scan_pipe(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b = pii_line_start(s, i, LINE_MAX_BACK), vs = 0, ve = 0;
    bool quoted = false; /* set when echo_argument succeeds; gcc cannot tell */
    if (!echo_argument(s, b, i, &vs, &ve, &quoted) || !plain_literal(s + vs, ve - vs)) return 0;
    const unsigned char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    int kind = command_kind(s, i + 1, e);
    if (kind == PII_KEY_NONE) return 0;
    if (kind == PII_KEY_PASSWORD) vs = after_user(s, vs, ve);
    /* a password command takes what a person typed; the others a key */
    if (kind != PII_KEY_PASSWORD && !ew__pii_random_looking(s + vs, ve - vs)) return 0;
    return ew__pii_add_secret_value(c, kind, vs, ve, quoted) ? i + 1 : 0;
}

size_t ew__pii_scan_here_string(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b = pii_line_start(s, i, LINE_MAX_BACK), k = i + 3;
    while (k < n && s[k] == ' ')
        k++;
    if (k >= n) return 0;
    bool quoted = s[k] == '"' || s[k] == '\'';
    size_t vs = k + quoted, ve = vs;
    while (ve < n && (quoted ? s[ve] != s[k] : s[ve] != ' ') && s[ve] != '\n' && ve - vs < 512)
        ve++;
    if (!plain_literal(s + vs, ve - vs)) return 0;
    /* "read [-rs] NAME <<<": the variable's name; else the command's words */
    int kind = command_kind(s, b, i);
    if (kind == PII_KEY_NONE) return 0;
    if (kind == PII_KEY_PASSWORD) vs = after_user(s, vs, ve); /* chpasswd <<< user:pw */
    if (kind != PII_KEY_PASSWORD && !ew__pii_random_looking(s + vs, ve - vs)) return 0;
    return ew__pii_add_secret_value(c, kind, vs, ve, quoted) ? ve : 0;
}
