/* Secrets: provider key formats (fixed prefixes with a length and alphabet),
 * JWTs, PEM private keys, password hashes, and values assigned to key-like
 * names (password=, "api_key": ..., AccountKey=...). A value is a secret when
 * it is not a placeholder ($VAR, <your key>, xxxx, env.X) and, for generic
 * names, when it looks random enough. */
#include <string.h>
#include <strings.h>

#include "router/pii_internal.h"

/* Characters of a key body. */
enum { AL_ALNUM = 1, AL_B64URL, AL_B64, AL_HEX, AL_ANY };

static bool in_alphabet(unsigned ch, int al)
{
    switch (al) {
    case AL_ALNUM:
        return pii_is_alnum(ch);
    case AL_B64URL:
        return pii_is_alnum(ch) || ch == '-' || ch == '_';
    case AL_B64:
        return pii_is_alnum(ch) || ch == '+' || ch == '/' || ch == '=';
    case AL_HEX:
        return pii_is_hex(ch);
    default:
        return pii_is_alnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '=' || ch == '+' ||
               ch == '/' || ch == '!';
    }
}

/* Well-known token formats. min/max count the body after the prefix. */
#define P(pre, mn, mx, al) {pre, sizeof pre - 1, mn, mx, al}
static const struct {
    const char *prefix;
    unsigned char len; /* of the prefix */
    unsigned char min, max;
    unsigned char al;
} providers[] = {
    P("AKIA", 16, 16, AL_ALNUM),
    P("ASIA", 16, 16, AL_ALNUM),
    P("AGPA", 16, 16, AL_ALNUM),
    P("AIDA", 16, 16, AL_ALNUM),
    P("AROA", 16, 16, AL_ALNUM),
    P("AIPA", 16, 16, AL_ALNUM),
    P("ANPA", 16, 16, AL_ALNUM),
    P("ANVA", 16, 16, AL_ALNUM),
    P("A3T", 17, 17, AL_ALNUM),
    P("ghp_", 30, 255, AL_ALNUM),
    P("gho_", 30, 255, AL_ALNUM),
    P("ghu_", 30, 255, AL_ALNUM),
    P("ghs_", 30, 255, AL_ALNUM),
    P("ghr_", 30, 255, AL_ALNUM),
    P("github_pat_", 22, 255, AL_B64URL),
    P("glpat-", 20, 255, AL_B64URL),
    P("glptt-", 20, 255, AL_B64URL),
    P("gldt-", 20, 255, AL_B64URL),
    P("glrt-", 20, 255, AL_B64URL),
    P("GR1348941", 20, 255, AL_B64URL),
    P("xoxb-", 20, 255, AL_B64URL),
    P("xoxp-", 20, 255, AL_B64URL),
    P("xoxa-", 20, 255, AL_B64URL),
    P("xoxr-", 20, 255, AL_B64URL),
    P("xoxs-", 20, 255, AL_B64URL),
    P("xoxe-", 20, 255, AL_B64URL),
    P("xapp-", 20, 255, AL_ANY),
    P("sk_live_", 16, 255, AL_ALNUM),
    P("sk_test_", 16, 255, AL_ALNUM),
    P("rk_live_", 16, 255, AL_ALNUM),
    P("rk_test_", 16, 255, AL_ALNUM),
    P("whsec_", 24, 255, AL_ALNUM),
    P("sk-ant-", 32, 255, AL_B64URL),
    P("sk-proj-", 32, 255, AL_B64URL),
    P("sk-svcacct-", 32, 255, AL_B64URL),
    P("sk-", 32, 255, AL_B64URL),
    P("AIza", 35, 35, AL_B64URL),
    P("ya29.", 20, 255, AL_B64URL),
    P("GOCSPX-", 24, 40, AL_B64URL),
    P("hf_", 30, 255, AL_ALNUM),
    P("npm_", 36, 36, AL_ALNUM),
    P("pypi-AgE", 50, 255, AL_B64URL),
    P("dckr_pat_", 20, 255, AL_B64URL),
    P("glc_", 32, 255, AL_B64),
    P("glsa_", 32, 255, AL_B64URL),
    P("gsk_", 40, 255, AL_ALNUM),
    P("tvly-", 24, 255, AL_ALNUM),
    P("dop_v1_", 64, 64, AL_HEX),
    P("doo_v1_", 64, 64, AL_HEX),
    P("dor_v1_", 64, 64, AL_HEX),
    P("shpat_", 32, 32, AL_HEX),
    P("shpss_", 32, 32, AL_HEX),
    P("shpca_", 32, 32, AL_HEX),
    P("shppa_", 32, 32, AL_HEX),
    P("SG.", 60, 80, AL_ANY),
    P("sq0atp-", 22, 60, AL_B64URL),
    P("sq0csp-", 40, 60, AL_B64URL),
    P("EAAA", 60, 255, AL_ALNUM),
    P("EAAC", 60, 255, AL_ALNUM),
    P("dapi", 32, 36, AL_B64URL),
    P("odt_", 32, 64, AL_ALNUM),
    P("dp.pt.", 40, 50, AL_ALNUM),
    P("dp.st.", 40, 60, AL_ANY),
    P("dp.ct.", 40, 50, AL_ALNUM),
    P("dp.sa.", 40, 50, AL_ALNUM),
    P("dp.scim.", 40, 50, AL_ALNUM),
    P("dp.audit.", 40, 50, AL_ALNUM),
    P("AGE-SECRET-KEY-1", 58, 58, AL_ALNUM),
    P("hvs.", 24, 255, AL_B64URL),
    P("hvb.", 24, 255, AL_B64URL),
    P("hvr.", 24, 255, AL_B64URL),
    P("PMAK-", 50, 70, AL_B64URL),
    P("NRAK-", 27, 27, AL_ALNUM),
    P("NRII-", 32, 32, AL_B64URL),
    P("NRJS-", 19, 19, AL_HEX),
    P("aio_", 28, 28, AL_ALNUM),
    P("ATATT3", 50, 255, AL_ANY),
    P("ATBB", 28, 40, AL_ALNUM),
    P("key-", 32, 32, AL_HEX),
    P("fc-", 32, 32, AL_HEX),
    P("jina_", 50, 80, AL_ALNUM),
    P("rubygems_", 48, 48, AL_HEX),
    P("sgp_", 40, 80, AL_B64URL),
    P("sk.eyJ", 50, 255, AL_ANY),
    P("pk.eyJ", 50, 255, AL_ANY),
    P("tk.eyJ", 50, 255, AL_ANY),
    P("hawk.", 30, 50, AL_ANY),
    P("da2-", 26, 26, AL_ALNUM),
    P("xkeysib-", 64, 90, AL_B64URL),
    P("glsoat-", 20, 255, AL_B64URL),
    P("sl.", 100, 255, AL_ANY),
    P("lin_api_", 40, 40, AL_ALNUM),
    P("pat-na1-", 36, 36, AL_B64URL),
    P("secret_", 43, 43, AL_ALNUM),
    P("ntn_", 40, 60, AL_ALNUM),
    P("r8_", 37, 40, AL_ALNUM),
    P("sntrys_", 60, 255, AL_ANY),
    P("oa2-", 30, 255, AL_ANY),
};
#undef P

static bool word_boundary_before(const unsigned char *s, size_t i)
{
    return i == 0 || !(pii_is_alnum(s[i - 1]) || s[i - 1] == '_');
}

/* A provider token starting exactly at i; returns its end or 0. */
static size_t provider_at(const unsigned char *s, size_t n, size_t i)
{
    for (size_t p = 0; p < sizeof providers / sizeof providers[0]; p++) {
        const char *pre = providers[p].prefix;
        size_t pl = providers[p].len;
        if (pre[0] != (char)s[i] || i + pl > n || memcmp(s + i, pre, pl))
            continue;
        size_t k = i + pl;
        while (k < n && k - i - pl < providers[p].max && in_alphabet(s[k], providers[p].al))
            k++;
        /* "_"-separated tails ("..._55e2f8be") belong to the token too */
        while (k < n && (in_alphabet(s[k], AL_B64URL)) && providers[p].al != AL_HEX &&
               k - i - pl < 255)
            k++;
        size_t body = k - i - pl;
        if (body < providers[p].min || body > providers[p].max)
            continue;
        if (providers[p].min == providers[p].max && k < n && in_alphabet(s[k], AL_ALNUM))
            continue;
        /* a body of one repeated character is an example, not a key */
        size_t same = 0;
        for (size_t q = i + pl; q < k; q++)
            same += s[q] == s[i + pl];
        if (same == body && body > 4 && s[i + pl] != 'x')
            continue;
        return k;
    }
    return 0;
}

/* header.payload.signature, base64url, header starting with '{"' (eyJ). */
static size_t jwt_at(const unsigned char *s, size_t n, size_t i)
{
    if (i + 20 > n || memcmp(s + i, "eyJ", 3))
        return 0;
    size_t k = i, dots = 0, part = 0;
    while (k < n && (in_alphabet(s[k], AL_B64URL) || s[k] == '.')) {
        if (s[k] == '.') {
            if (part < 4)
                return 0;
            dots++;
            part = 0;
        } else {
            part++;
        }
        k++;
    }
    return dots == 2 && part >= 8 ? k : 0;
}

/* A self-identifying secret at i: provider format or JWT. */
size_t ew__pii_secret_token(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n || !word_boundary_before(s, i))
        return 0;
    size_t e = jwt_at(s, n, i);
    if (e)
        return e;
    return provider_at(s, n, i);
}

/* Telegram bot tokens: "<bot id>:AA<33 chars>". */
size_t ew__pii_telegram_at(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i;
    if (i >= n)
        return 0;
    while (k < n && pii_is_digit(s[k]))
        k++;
    if (k - i < 8 || k - i > 10 || k + 3 >= n || s[k] != ':' || s[k + 1] != 'A' || s[k + 2] != 'A')
        return 0;
    size_t b = k + 1, e = b;
    while (e < n && in_alphabet(s[e], AL_B64URL))
        e++;
    return e - b >= 33 && e - b <= 36 ? e : 0;
}

/* ---- values ---------------------------------------------------------------- */
/* Placeholders and references are not secrets: "$VAR", "${x}", "<key>",
 * "{{x}}", "%s", "xxxx", "****", "env.X", "process.env...", "os.getenv(". */
static bool placeholder(const unsigned char *v, size_t n)
{
    if (n == 0)
        return true;
    unsigned c0 = v[0];
    if (c0 == '$' || c0 == '<' || c0 == '{' || c0 == '%' || c0 == '[' || c0 == '&')
        return true;
    if (c0 == '#') { /* "#add-password" is a CSS selector; "#gets0m3" a password */
        size_t k = 1;
        while (k < n && (pii_is_lower(v[k]) || v[k] == '-' || v[k] == '_'))
            k++;
        if (k == n)
            return true;
    }
    size_t same = 0, stars = 0, x = 0;
    for (size_t i = 0; i < n; i++) {
        same += v[i] == v[0];
        stars += v[i] == '*' || v[i] == '#' || v[i] == '.' || v[i] == '-';
        x += (v[i] | 32) == 'x';
    }
    if (same == n || stars == n || (x == n && n > 2))
        return true;
    static const char *const prefixes[] = {"env.",    "process.env", "os.getenv", "os.environ",
                                           "getenv",  "env(",        "config.",   "settings.",
                                           "secrets.", "this.",      "self.",     "request.",
                                           "your_",   "your-",       "<your"};
    for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
        size_t kl = strlen(prefixes[k]);
        if (n >= kl && !strncasecmp((const char *)v, prefixes[k], kl))
            return true;
    }
    static const char *const words[] = {"none", "null", "true", "false", "undefined", "nil",
                                         "changeme", "redacted", "hidden"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && !strncasecmp((const char *)v, words[k], n))
            return true;
    /* a dotted or called reference: word.word or name(...) */
    bool ident = true, dot = false, paren = false;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = v[i];
        if (ch == '.')
            dot = true;
        else if (ch == '(')
            paren = true;
        else if (!(pii_is_alnum(ch) || ch == '_' || ch == ')'))
            ident = false;
    }
    if (ident && paren)
        return true;
    if (ident && dot && pii_is_alpha(v[0]) && v[n - 1] != '.') {
        /* "env.PASSWORD", "os.Getenv": dotted identifiers; keys rarely look so */
        size_t digits = 0;
        for (size_t i = 0; i < n; i++)
            digits += pii_is_digit(v[i]);
        if (digits == 0)
            return true;
    }
    return false;
}

/* Does a value read like a machine-made secret (not a word or a setting)? */
static bool random_looking(const unsigned char *v, size_t n)
{
    if (n < 16)
        return false;
    size_t up = 0, lo = 0, dg = 0;
    for (size_t i = 0; i < n; i++) {
        up += pii_is_upper(v[i]);
        lo += pii_is_lower(v[i]);
        dg += pii_is_digit(v[i]);
    }
    int classes = (up > 0) + (lo > 0) + (dg > 0);
    double h = ew__pii_entropy(v, n);
    return classes >= 2 && h >= 3.0;
}

/* Reads the value after a key at [k...): skips spaces, quotes, '=', ':', '=>',
 * ':='; vs and ve get the value (without quotes). Returns false if none. */
static bool read_value(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve,
                       bool *quoted)
{
    size_t lim = k + 40 < n ? k + 40 : n;
    bool sep = false;
    while (k < lim && (s[k] == ' ' || s[k] == '\t' || s[k] == '"' || s[k] == '\'' ||
                       s[k] == '=' || s[k] == ':' || s[k] == '>' || s[k] == '\\')) {
        sep |= s[k] == '=' || s[k] == ':';
        k++;
    }
    if (!sep || k >= n)
        return false;
    *quoted = k > 0 && (s[k - 1] == '"' || s[k - 1] == '\'');
    size_t e = k;
    if (*quoted) {
        unsigned q = s[k - 1];
        while (e < n && s[e] != q && s[e] != '\n' && e - k < 512)
            e++;
        if (e >= n || s[e] != q)
            return false;
    } else {
        while (e < n && !pii_is_space(s[e]) && s[e] != ';' && s[e] != ',' && s[e] != '"' &&
               s[e] != '\'' && s[e] != '&' && s[e] != '<' && s[e] != ')' && s[e] != '}' &&
               e - k < 512)
            e++;
    }
    *vs = k;
    *ve = e;
    return e > k;
}

static bool name_has(const unsigned char *s, size_t i, size_t e, const char *what)
{
    size_t wl = strlen(what);
    for (size_t p = i; p + wl <= e; p++)
        if (!strncasecmp((const char *)s + p, what, wl))
            return true;
    return false;
}

size_t ew__pii_scan_assignment(pii_ctx *c, size_t i, size_t ke)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs, ve;
    bool quoted;
    if (!read_value(s, n, ke, &vs, &ve, &quoted))
        return 0;
    const unsigned char *v = s + vs;
    size_t vn = ve - vs;
    /* the value may be a self-identifying token */
    size_t te = ew__pii_secret_token(s, n, vs);
    if (te) {
        ew__pii_add(c, EW_PII_SECRET, vs, te, 0.97f);
        return te;
    }
    if (placeholder(v, vn))
        return 0;
    /* names that say "password" accept short human passwords */
    bool pw = name_has(s, i, ke, "pass") || name_has(s, i, ke, "pwd") ||
              name_has(s, i, ke, "haslo");
    bool named_secret = name_has(s, i, ke, "secret") || name_has(s, i, ke, "token") ||
                        name_has(s, i, ke, "private") || name_has(s, i, ke, "cred");
    /* names like "passwordLabel", "password_field" describe, not hold */
    if (name_has(s, i, ke, "label") || name_has(s, i, ke, "field") || name_has(s, i, ke, "hint") ||
        name_has(s, i, ke, "policy") || name_has(s, i, ke, "reset") || name_has(s, i, ke, "forgot"))
        return 0;
    float sc = 0;
    if (pw && vn >= 4 && (quoted || vn >= 6))
        sc = 0.9f;
    else if (pw && vn >= 4)
        sc = 0.7f;
    else if (named_secret && vn >= 8 && (random_looking(v, vn) || vn >= 16))
        sc = 0.9f;
    else if (random_looking(v, vn) && vn >= 16)
        sc = 0.85f; /* api_key, AccountKey, apikey... */
    else if (vn >= 20 && ew__pii_entropy(v, vn) >= 3.5)
        sc = 0.7f;
    if (sc == 0)
        return 0;
    ew__pii_add(c, EW_PII_SECRET, vs, ve, sc);
    return ve;
}

size_t ew__pii_scan_pem(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t k = i + 10, lim = i + 80 < n ? i + 80 : n;
    while (k < lim && s[k] != '\n' && s[k] != '-')
        k++;
    size_t label_end = k;
    if (!name_has(s, i, label_end, "PRIVATE KEY") && !name_has(s, i, label_end, "PRIVATE"))
        return 0;
    /* up to "-----END ... -----", or the end of the base64 body when cut */
    size_t e = label_end;
    while (e < n && s[e] == '-')
        e++;
    size_t body = e;
    for (; e + 8 <= n && e - body < 65536; e++) {
        if (s[e] == '-' && !memcmp(s + e, "-----END", 8)) {
            size_t f = e + 8;
            while (f < n && f - e < 80 && s[f] != '\n') {
                if (f + 5 <= n && !memcmp(s + f, "-----", 5)) {
                    f += 5;
                    break;
                }
                f++;
            }
            ew__pii_add(c, EW_PII_SECRET, i, f, 1.0f);
            return f;
        }
        if (!(in_alphabet(s[e], AL_B64) || pii_is_space(s[e]) || s[e] == ':' || s[e] == '-' ||
              s[e] == ',' || s[e] == '\\'))
            break;
    }
    if (e - body >= 64) {
        ew__pii_add(c, EW_PII_SECRET, i, e, 0.95f);
        return e;
    }
    return 0;
}

/* Unix crypt hashes ($1$, $2a$, $5$, $6$, $8$, $y$) and Kerberos AS-REP. */
size_t ew__pii_scan_pwhash(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    static const char *const ids[] = {"$1$", "$2a$", "$2b$", "$2y$", "$5$", "$6$", "$8$", "$y$",
                                      "$krb5asrep$", "$krb5tgs$", "$argon2"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        size_t il = strlen(ids[k]);
        if (i + il > n || memcmp(s + i, ids[k], il))
            continue;
        size_t e = i + il;
        while (e < n && (in_alphabet(s[e], AL_B64) || s[e] == '$' || s[e] == '.' || s[e] == '@' ||
                         s[e] == ':' || s[e] == ',' || s[e] == '-' || s[e] == '_') &&
               e - i < 1024)
            e++;
        if (e - i < 20)
            return 0;
        ew__pii_add(c, EW_PII_SECRET, i, e, 0.95f);
        return e;
    }
    return 0;
}
