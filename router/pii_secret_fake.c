/* Values that look like secrets and are not: masked values, runs a person
 * types as a stand-in (alphabet or keyboard order), token bodies spelt from
 * words, the example credentials that providers and standards publish, and
 * credentials that grant nothing (anonymous FTP, revoked token formats).
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

size_t ew__pii_word_parts(const unsigned char *v, size_t n, bool upper, size_t max_len)
{
    size_t parts = 0, len = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || v[i] == '-' || v[i] == '_') {
            if (len == 0 || len > max_len) return 0;
            parts++;
            len = 0;
        } else if (upper ? pii_is_upper(v[i]) : pii_is_lower(v[i])) {
            len++;
        } else {
            return 0;
        }
    }
    return parts;
}

bool ew__pii_word_body(const unsigned char *v, size_t n)
{
    return ew__pii_word_parts(v, n, false, 10) >= 3;
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
        F("sk_test_BQokikJOvBiI2HlWgH4olfQ2"),            /* Stripe's older curl examples */
        F("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"), /* jwt.io's example token */
        F("key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),        /* Mailgun's API docs */
        F("JBSWY3DPEHPK3PXP"), /* the TOTP secret of Google Authenticator's key URI docs */
        /* the storage emulator's fixed account key (Azurite, Azure Storage Emulator) */
        F("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/"
          "KBHBeksoGMGw=="),
    };
#undef F
    if (n < 16) return false; /* the shortest */
    for (size_t k = 0; k < sizeof fixtures / sizeof fixtures[0]; k++)
        if (n >= fixtures[k].l && v[n - 1] == (unsigned char)fixtures[k].v[fixtures[k].l - 1] &&
            !memcmp(v + n - fixtures[k].l, fixtures[k].v, fixtures[k].l))
            return true;
    return false;
}

/* [*ks, ke) is the identifier that ends at ke, as code writes names
 * ("server->user", "ftp.login", "FTP_USER"); false when there is none. */
static bool name_before(const unsigned char *s, size_t lo, size_t ke, size_t *ks)
{
    size_t k = ke;
    while (k > lo && ke - k < 48 &&
           (pii_is_alnum(s[k - 1]) || s[k - 1] == '_' || s[k - 1] == '.' || s[k - 1] == '-' ||
            s[k - 1] == '>'))
        k--;
    *ks = k;
    return k < ke;
}

/* Where w first occurs in [a, b), or b. */
static size_t word_at(const unsigned char *s, size_t a, size_t b, const char *w)
{
    size_t wl = strlen(w);
    for (size_t p = a; p + wl <= b; p++)
        if (!strncasecmp((const char *)s + p, w, wl)) return p;
    return b;
}

static bool has_word(const unsigned char *s, size_t a, size_t b, const char *w)
{
    return word_at(s, a, b, w) < b;
}

/* "anonymous" at p is the value of a user-name assignment (user =
 * "anonymous", 'login': 'anonymous', FTP_USER=anonymous) whose name, up to
 * "user" or "login", is spelt [pre, pre + pre_n) ("FTP_", "cfg->", ""):
 * the user of the same record as a password named so. */
static bool anonymous_user_at(const unsigned char *s, size_t lo, size_t p, size_t pre, size_t pre_n)
{
    size_t k = p;
    while (k > lo && p - k < 8 && (s[k - 1] == '"' || s[k - 1] == '\'' || s[k - 1] == ' '))
        k--;
    if (k == lo || (s[k - 1] != '=' && s[k - 1] != ':' && s[k - 1] != '>')) return false;
    while (k > lo && p - k < 12 &&
           (s[k - 1] == '=' || s[k - 1] == ':' || s[k - 1] == '>' || s[k - 1] == ' ' ||
            s[k - 1] == '"' || s[k - 1] == '\''))
        k--;
    size_t ks;
    if (!name_before(s, lo, k, &ks) || has_word(s, ks, k, "pass")) return false;
    size_t u = word_at(s, ks, k, "user");
    if (u == k) u = word_at(s, ks, k, "login");
    return u < k && u - ks == pre_n &&
           !strncasecmp((const char *)s + ks, (const char *)s + pre, pre_n);
}

/* Anonymous FTP (RFC 1635): the server lets the user "anonymous" in with any
 * password, which by custom is the caller's e-mail address ("guest@",
 * BusyBox's "busybox@"). It identifies; it authenticates nothing, so it is no
 * secret. Both assignments sit together in a config or a struct, so the user
 * is looked for within three lines of the password, and only as the same
 * record's user: the names must agree up to "user"/"pass" (FTP_USER with
 * FTP_PASS, cfg->user with cfg->password), so an admin_password beside
 * ftp_user = anonymous still counts. */
bool ew__pii_anonymous_login(const unsigned char *s, size_t n, size_t i, size_t ke, size_t e)
{
    size_t lo = i > 512 ? i - 512 : 0, hi = e + 512 < n ? e + 512 : n, b = i, f = e;
    size_t pre;
    if (!name_before(s, lo, ke, &pre)) return false;
    size_t pw = word_at(s, pre, ke, "pass");
    if (pw == ke) pw = word_at(s, pre, ke, "pwd");
    if (pw == ke) return false;
    for (int l = 0; l < 4; l++) { /* back to the start of the line three above */
        const unsigned char *q = memrchr(s + lo, '\n', b - lo);
        if (!q) break;
        b = (size_t)(q - s);
        if (l == 3) lo = b + 1;
    }
    for (int l = 0; l < 4; l++) { /* on to the end of the line three below */
        const unsigned char *q = memchr(s + f, '\n', hi - f);
        if (!q) break;
        f = (size_t)(q - s);
        if (l == 3) hi = f;
        f++;
    }
    if (hi - lo < 9) return false;
    /* found by its 'y' (memchr is fast, and 'y' is rare in code) */
    for (int up = 0; up < 2; up++)
        for (size_t y = lo + 4; y + 5 <= hi;) {
            const unsigned char *q = memchr(s + y, up ? 'Y' : 'y', hi - 4 - y);
            if (!q) break;
            size_t p = (size_t)(q - s) - 4;
            y = (size_t)(q - s) + 1;
            if (strncasecmp((const char *)s + p, "anonymous", 9)) continue;
            bool alone =
                (p == 0 || !pii_is_alnum(s[p - 1])) && (p + 9 == n || !pii_is_alnum(s[p + 9]));
            if (alone && anonymous_user_at(s, lo, p, pre, pw - pre)) return true;
        }
    return false;
}

/* npm's classic tokens were UUIDs until 2021 (later ones start "npm_", as
 * its granular tokens do). npm revoked every classic token on 9 December
 * 2025; none can authenticate again, so a UUID held by an npm token's name
 * (NPM_TOKEN, npmAuthToken, .npmrc's "//registry.npmjs.org/:_authToken") is
 * a dead credential. Other registries' npm tokens carry a prefix
 * (Nexus's "NpmToken.<uuid>") and are not bare UUIDs. */
bool ew__pii_npm_revoked(const unsigned char *s, size_t i, size_t ke, const unsigned char *v,
                         size_t vn)
{
    if (vn != 36 || !ew__pii_is_uuid(v, vn, 0)) return false;
    if (has_word(s, i, ke, "npm")) return true;
    /* the registry's address before the key, on its line */
    return has_word(s, pii_line_start(s, i, 80), i, "registry.npmjs.org");
}
