/* Secrets: provider key formats (fixed prefixes with a length and alphabet),
 * JWTs, PEM private keys, password hashes, and values assigned to key-like
 * names (password=, "api_key": ..., AccountKey=...). A value is a secret when
 * it is not a placeholder ($VAR, <your key>, xxxx, env.X) and, for generic
 * names, when it looks random enough. */
#include <pthread.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "router/pii_secret.h"

/* Characters of a key body. */
enum { AL_ALNUM = 1, AL_B64URL, AL_B64, AL_HEX, AL_UPDIGIT, AL_LOWDIGIT, AL_HEXDASH, AL_ANY };

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
    case AL_UPDIGIT:
        return pii_is_upper(ch) || pii_is_digit(ch);
    case AL_LOWDIGIT:
        return pii_is_lower(ch) || pii_is_digit(ch);
    case AL_HEXDASH:
        return pii_is_hex(ch) || ch == '-';
    default:
        return pii_is_alnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '=' || ch == '+' ||
               ch == '/' || ch == '!';
    }
}

/* Well-known token formats. min/max count the body after the prefix. */
#define P(pre, mn, mx, al)                                                                         \
    {                                                                                              \
        pre, sizeof pre - 1, mn, mx, al                                                            \
    }
static const struct {
    const char *prefix;
    unsigned char len; /* of the prefix */
    unsigned char min, max;
    unsigned char al;
} providers[] = {
    P("AKIA", 16, 16, AL_UPDIGIT),
    P("ASIA", 16, 16, AL_UPDIGIT),
    P("AGPA", 16, 16, AL_UPDIGIT),
    P("AIDA", 16, 16, AL_UPDIGIT),
    P("AROA", 16, 16, AL_UPDIGIT),
    P("AIPA", 16, 16, AL_UPDIGIT),
    P("ANPA", 16, 16, AL_UPDIGIT),
    P("ANVA", 16, 16, AL_UPDIGIT),
    P("A3T", 17, 17, AL_UPDIGIT),
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
    P("NRAA-", 27, 27, AL_HEX),
    P("NRIQ-", 32, 32, AL_B64URL),
    P("SK", 32, 32, AL_HEX),
    P("oy2", 43, 43, AL_LOWDIGIT),
    P("LS0tLS1CRUdJTi", 40, 255, AL_B64),
    P("eyJrIjoi", 40, 255, AL_B64),
    P("SG.", 60, 80, AL_ANY),
    P("pscale_tkn_", 40, 60, AL_B64URL),
    P("pscale_pw_", 40, 60, AL_B64URL),
    P("shpat_", 32, 32, AL_HEX),
    P("AccountKey=", 40, 100, AL_B64),
    /* documented formats found missing on gitleaks' rule examples: AWS STS
     * bearer and context credential ids, Hugging Face organisation tokens,
     * EasyPost live and test keys, 1Password service account tokens,
     * OpenShift OAuth tokens, 42 intra user and app secrets, Adobe OAuth
     * client secrets, Meta (Facebook) access tokens, Cloudflare Origin CA
     * keys */
    P("ABIA", 16, 16, AL_UPDIGIT),
    P("ACCA", 16, 16, AL_UPDIGIT),
    P("api_org_", 34, 34, AL_ALNUM),
    P("EZAK", 54, 54, AL_ALNUM),
    P("EZTK", 54, 54, AL_ALNUM),
    P("ops_eyJ", 250, 255, AL_B64),
    P("sha256~", 43, 43, AL_B64URL),
    P("s-s4t2ud-", 64, 64, AL_HEX),
    P("s-s4t2af-", 64, 64, AL_HEX),
    P("p8e-", 32, 32, AL_B64URL),
    P("EAA", 100, 255, AL_ALNUM),
    P("v1.0-", 171, 171, AL_HEXDASH),
    /* Dynatrace API tokens (dt0c01.<24>.<64>), Airtable personal access
     * tokens (pat<14>.<64 hex>) */
    P("dt0c01.", 89, 89, AL_ANY),
    P("pat", 79, 79, AL_ANY),
};
#undef P

/* Words that documentation writes into made-up keys: AWS's own examples
 * are AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY. */
bool ew__pii_doc_word(const unsigned char *v, size_t n)
{
    static const char *const words[] = {"example", "dummy", "sample", "placeholder", "redacted"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t wl = strlen(words[w]);
        for (size_t p = 0; p + wl <= n; p++)
            if ((v[p] | 32) == (unsigned char)words[w][0] &&
                !strncasecmp((const char *)v + p, words[w], wl))
                return true;
    }
    return false;
}

static bool word_boundary_before(const unsigned char *s, size_t i)
{
    return i == 0 || !(pii_is_alnum(s[i - 1]) || s[i - 1] == '_');
}

/* Providers by the first byte of their prefix, in table order (earlier
 * entries win: "sk-ant-" before "sk-"), so a token is tried against the few
 * that can match. Built once by ew__pii_secret_init. */
enum { N_PROVIDERS = sizeof providers / sizeof providers[0] };
static uint8_t by_first[256][24];
static uint8_t n_by_first[256];
/* The second bytes of the prefixes under each first byte (every byte for a
 * one-byte prefix): a word starting "st", "se", "sc" is turned away by one
 * bit before the 18 prefixes starting 's' are compared. */
static uint64_t by_second[256][4];
static pthread_once_t by_first_once = PTHREAD_ONCE_INIT;

static void by_first_build(void)
{
    for (size_t p = 0; p < N_PROVIDERS; p++) {
        unsigned ch = (unsigned char)providers[p].prefix[0];
        if (n_by_first[ch] >= sizeof by_first[ch]) continue;
        by_first[ch][n_by_first[ch]++] = (uint8_t)p;
        for (unsigned b = 0; b < 256; b++)
            if (providers[p].len < 2 || (unsigned char)providers[p].prefix[1] == b)
                by_second[ch][b / 64] |= 1ull << (b % 64);
    }
}

/* Can a provider's prefix start at i (by its first two bytes)? */
static inline bool provider_may_start(const unsigned char *s, size_t n, size_t i)
{
    unsigned b = i + 1 < n ? s[i + 1] : 0; /* past the end: no prefix of two */
    return n_by_first[s[i]] && (by_second[s[i]][b / 64] >> (b % 64) & 1);
}

void ew__pii_secret_init(void)
{
    pthread_once(&by_first_once, by_first_build);
}

/* A provider token starting exactly at i; returns its end or 0. */
static bool b64_not_secret(const unsigned char *v, size_t n, int depth);
static bool armour_label_secret(const unsigned char *s, size_t b, size_t e, bool *weak);
static long b64_decode(const unsigned char *v, size_t n, unsigned char *out, size_t cap);
static bool placeholder(const unsigned char *v, size_t n);
static bool strong_password(const unsigned char *v, size_t n);
static bool positional_key(const unsigned char *v, size_t n);

/* *stand_in is set when a provider's prefix and shape match but the body is
 * a stand-in, so callers can tell "xoxb-not-a-real-token" from a word. */
static size_t provider_match(const unsigned char *s, size_t n, size_t i, bool *stand_in)
{
    for (size_t b = 0; b < n_by_first[s[i]]; b++) {
        size_t p = by_first[s[i]][b];
        const char *pre = providers[p].prefix;
        size_t pl = providers[p].len;
        if (i + pl > n || !pii_bytes_eq(s + i, pre, pl)) continue;
        size_t k = i + pl;
        while (k < n && k - i - pl < providers[p].max && in_alphabet(s[k], providers[p].al))
            k++;
        /* "_"-separated tails ("..._55e2f8be") belong to the token too */
        while (k < n && in_alphabet(s[k], AL_B64URL) &&
               (providers[p].al == AL_B64URL || providers[p].al == AL_ANY ||
                providers[p].al == AL_ALNUM) &&
               k - i - pl < 255)
            k++;
        size_t body = k - i - pl;
        if (body < providers[p].min || body > providers[p].max) continue;
        if (providers[p].min == providers[p].max && k < n && in_alphabet(s[k], AL_ALNUM)) continue;
        /* a body of one repeated character ("xxxx", "XXXX-XXXX"), "EXAMPLE",
         * words or a published key: documentation. Bodies merely ordered or
         * partly masked still count; a prefix of this shape marks where a
         * real key goes, and redacting a stand-in costs little. */
        size_t same = 0, alnum = 0;
        for (size_t q = i + pl; q < k; q++) {
            alnum += pii_is_alnum(s[q]);
            same += s[q] == s[i + pl];
        }
        if ((same == alnum && alnum > 4) || ew__pii_doc_word(s + i + pl, body) ||
            ew__pii_word_body(s + i + pl, body) || ew__pii_doc_fixture(s + i, k - i)) {
            *stand_in = true;
            continue;
        }
        /* base64 of "-----BEGIN": a private key, unless it is a certificate */
        if (pre[0] == 'L' && pl >= 10 && b64_not_secret(s + i, k - i, 1)) continue;
        return k;
    }
    return 0;
}

static size_t provider_at(const unsigned char *s, size_t n, size_t i)
{
    if (!provider_may_start(s, n, i)) return 0; /* most tokens: no prefix starts so */
    bool stand_in = false;
    return provider_match(s, n, i, &stand_in);
}

/* A provider's prefix on a stand-in body: "xoxb-not-a-real-token". */
static bool provider_stand_in(const unsigned char *v, size_t n)
{
    bool stand_in = false;
    return n && !provider_match(v, n, 0, &stand_in) && stand_in;
}

/* A provider's prefix on a body of its alphabet that is too short or too
 * long for it ("ghp_" and 20 characters): cut off or made up, not the key.
 * Only distinctive prefixes: four or more bytes ending in '_' or '-' (a
 * dotted one, "dt0c01.", may start a key of another shape). */
static bool provider_misfit(const unsigned char *v, size_t n)
{
    if (n < 5 || !provider_may_start(v, n, 0)) return false;
    for (size_t b = 0; b < n_by_first[v[0]]; b++) {
        size_t q = by_first[v[0]][b], pl = providers[q].len;
        char last = providers[q].prefix[pl - 1];
        if (pl < 4 || pl >= n || (last != '_' && last != '-') ||
            !pii_bytes_eq(v, providers[q].prefix, pl))
            continue;
        for (size_t k = pl; k < n; k++)
            if (!in_alphabet(v[k], providers[q].al)) return false;
        bool stand_in = false;
        return (n - pl < providers[q].min || n - pl > providers[q].max) &&
               !provider_match(v, n, 0, &stand_in);
    }
    return false;
}

/* header.payload.signature, base64url, header starting with '{"' (eyJ). */
static size_t jwt_at(const unsigned char *s, size_t n, size_t i)
{
    if (i + 20 > n || !pii_bytes_eq(s + i, "eyJ", 3)) return 0;
    size_t k = i, dots = 0, part = 0;
    while (k < n && (in_alphabet(s[k], AL_B64URL) || s[k] == '.')) {
        if (s[k] == '.') {
            if (part < 4) return 0;
            dots++;
            part = 0;
        } else {
            part++;
        }
        k++;
    }
    return dots == 2 && part >= 8 ? k : 0;
}

/* Discord bot tokens: base64 of the bot's numeric id, '.', 6 characters of
 * timestamp, '.', 27 to 38 of HMAC. */
static size_t discord_at(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] != 'M' && s[i] != 'N' && s[i] != 'O') return 0;
    size_t a = i;
    while (a < n && a - i <= 28 && in_alphabet(s[a], AL_B64URL))
        a++;
    if (a - i < 23 || a - i > 28 || a >= n || s[a] != '.') return 0;
    unsigned char id[24];
    long il = b64_decode(s + i, a - i, id, sizeof id);
    if (il < 17 || il > 20) return 0;
    for (long k = 0; k < il; k++)
        if (!pii_is_digit(id[k])) return 0;
    size_t b = a + 1;
    while (b < n && b - a <= 7 && in_alphabet(s[b], AL_B64URL))
        b++;
    if (b - a - 1 != 6 || b >= n || s[b] != '.') return 0;
    size_t e = b + 1;
    while (e < n && e - b <= 40 && in_alphabet(s[e], AL_B64URL))
        e++;
    return e - b - 1 >= 27 && e - b - 1 <= 38 ? e : 0;
}

/* Base64 of JSON that holds a credential: a Docker config ("auths": {"auth":
 * base64 of user:password}) in a Kubernetes secret, a service-account file.
 * The JSON starts '{"' (eyJ); one that is a JWT's part is read as a JWT. */
static size_t b64_json_at(const unsigned char *s, size_t n, size_t i)
{
    size_t e = i;
    while (e < n && e - i < 4096 && in_alphabet(s[e], AL_B64))
        e++;
    if (e - i < 40 || (e < n && s[e] == '.')) return 0;
    unsigned char plain[3072];
    long pl = b64_decode(s + i, (e - i) & ~(size_t)3, plain, sizeof plain);
    if (pl < 20) return 0;
    static const char *const keys[] = {"\"auth\"",          "\"password\"", "\"private_key\"",
                                       "\"client_secret\"", "\"token\"",    "\"secret\""};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        size_t kl = strlen(keys[k]);
        for (long p = 0; p + (long)kl < pl; p++) {
            if (memcmp(plain + p, keys[k], kl)) continue;
            size_t q = (size_t)p + kl;
            while (q < (size_t)pl && (plain[q] == ':' || plain[q] == ' '))
                q++;
            size_t vs = q + 1, ve = vs;
            if (q >= (size_t)pl || plain[q] != '"') continue;
            while (ve < (size_t)pl && plain[ve] != '"')
                ve++;
            if (ve - vs >= 8 && !placeholder(plain + vs, ve - vs)) return e;
        }
    }
    return 0;
}

/* A key of a provider no rule names: a prefix of one to three short parts in
 * one case ("pcsk_", "tskey-auth-", "CFPAT-", "lsv2_pt_"), then a random body
 * of 30 or more URL-safe characters holding capitals, small letters and
 * digits. Ids with such prefixes are shorter (chatcmpl-, req_, cus_, msg_);
 * publishable keys and digests say what they are (pk_, pub_, sha512-); base64
 * that goes on with '+', '/' or '=' is an encoded blob, not a key. */
static size_t prefixed_random_at(const unsigned char *s, size_t n, size_t i)
{
    static const char *const public_parts[] = {"pk",     "pub",    "sha1", "sha256",
                                               "sha384", "sha512", "md5",  "nonce"};
    /* inside a longer base64url run ("...Xd-abc_...") no prefix can start */
    if (i > 0 && (s[i - 1] == '-' || s[i - 1] == '_')) return 0;
    size_t k = i, body = 0, parts = 0;
    while (parts < 3 && k < n && pii_is_alpha(s[k])) {
        size_t a = k, letters;
        bool up = false, lo = false;
        while (k < n && k - a <= 10 && pii_is_alpha(s[k])) {
            up |= pii_is_upper(s[k]);
            lo |= pii_is_lower(s[k]);
            k++;
        }
        letters = k - a;
        while (k < n && k - a <= 10 && pii_is_digit(s[k])) /* "lsv2_" */
            k++;
        /* the first part is a word of three letters or more in one case: a
         * random base64url value starts so about once in 250 */
        if (letters < (parts ? 2u : 3u) || k - a > 10 || (up && lo) || k >= n ||
            (s[k] != '_' && s[k] != '-'))
            break;
        body = ++k;
        parts++;
    }
    if (!parts) return 0;
    size_t e = body, up = 0, lo = 0, dg = 0, lorun = 0, maxrun = 0;
    while (e < n && e - body < 256 && in_alphabet(s[e], AL_B64URL)) {
        up += pii_is_upper(s[e]);
        dg += pii_is_digit(s[e]);
        lorun = pii_is_lower(s[e]) ? lorun + 1 : 0;
        lo += lorun > 0;
        maxrun = lorun > maxrun ? lorun : maxrun;
        e++;
    }
    size_t bl = e - body, fl = 0;
    /* "<CAF_x...@mail.gmail.com>": the local part of an address (a Message-ID) */
    if (bl < 30 ||
        (e < n && (s[e] == '+' || s[e] == '/' || s[e] == '=' || s[e] == '@' || pii_is_alnum(s[e]))))
        return 0;
    while (pii_is_alnum(s[i + fl]))
        fl++; /* the first part */
    for (size_t w = 0; w < sizeof public_parts / sizeof *public_parts; w++)
        if (strlen(public_parts[w]) == fl && !strncasecmp((const char *)s + i, public_parts[w], fl))
            return 0;
    /* random: every class, no long word, a rich alphabet, not typed by hand */
    if (up < 2 || lo < 2 || dg < 2 || maxrun > 12 || ew__pii_entropy(s + body, bl) < 3.8 ||
        ew__pii_doc_word(s + body, bl) || ew__pii_made_up(s + body, bl) ||
        ew__pii_word_body(s + body, bl))
        return 0;
    return e;
}

/* A prefix that a provider's own rule judges (its table entry, or Twitch's
 * "live_" in pii_token.c): a body that rule rejects ("live_<id>_" and 25
 * characters, not 30) is not taken by the shape rule either. */
static bool owned_prefix(const unsigned char *s, size_t n, size_t i)
{
    size_t cands = provider_may_start(s, n, i) ? n_by_first[s[i]] : 0;
    for (size_t b = 0; b < cands; b++) {
        size_t p = by_first[s[i]][b];
        if (i + providers[p].len <= n && pii_bytes_eq(s + i, providers[p].prefix, providers[p].len))
            return true;
    }
    return i + 5 <= n && pii_bytes_eq(s + i, "live_", 5);
}

/* A 1Password account Secret Key: "A3-", the six-character account part,
 * then groups of 11, 5, 5, 5 (or 6, 5, 5, 5, 5) capitals and digits. */
static __attribute__((noinline)) size_t onepassword_key_at(const unsigned char *s, size_t n,
                                                           size_t i)
{
    static const unsigned char shapes[2][6] = {{6, 11, 5, 5, 5, 0}, {6, 6, 5, 5, 5, 5}};
    if (i + 39 > n || memcmp(s + i, "A3-", 3)) return 0;
    unsigned char len[7];
    size_t k = i + 3, groups = 0;
    for (;;) {
        size_t g = k;
        while (k < n && k - g < 12 && (pii_is_upper(s[k]) || pii_is_digit(s[k])))
            k++;
        if (k == g || groups == 6) return 0;
        len[groups++] = (unsigned char)(k - g);
        if (k + 1 < n && s[k] == '-' && pii_is_alnum(s[k + 1])) {
            k++;
            continue;
        }
        break;
    }
    if (k < n && (pii_is_alnum(s[k]) || s[k] == '-' || s[k] == '_')) return 0;
    if (ew__pii_masked(s + i + 3, k - i - 3)) return 0; /* "A3-XXXXXX-XXXXXXXXXXX-..." */
    for (size_t v = 0; v < 2; v++) {
        size_t want = shapes[v][5] ? 6 : 5;
        if (groups == want && !memcmp(len, shapes[v], want)) return k;
    }
    return 0;
}

/* An Entra ID (Azure AD) client secret: three characters, a digit, "Q~",
 * then 31 to 34 of letters, digits and "_~.-" (Microsoft's format since
 * 2022). The first character may be '~', '.' or '_': i may be one past it. */
static __attribute__((noinline)) size_t entra_secret_at(const unsigned char *s, size_t n, size_t i)
{
    if (i > 0 && (s[i - 1] == '~' || s[i - 1] == '.' || s[i - 1] == '_')) i--;
    if (i + 37 > n || s[i + 4] != 'Q' || s[i + 5] != '~' || !pii_is_digit(s[i + 3])) return 0;
    for (size_t k = i; k < i + 3; k++)
        if (!pii_is_alnum(s[k]) && s[k] != '_' && s[k] != '~' && s[k] != '.') return 0;
    size_t e = i + 6, up = 0, lo = 0, dg = 0;
    while (e < n && e - i < 42 &&
           (pii_is_alnum(s[e]) || s[e] == '_' || s[e] == '~' || s[e] == '.' || s[e] == '-')) {
        up += pii_is_upper(s[e]);
        lo += pii_is_lower(s[e]);
        dg += pii_is_digit(s[e]);
        e++;
    }
    while (e > i + 6 && s[e - 1] == '.') /* a sentence's full stop */
        e--;
    size_t body = e - i - 6;
    return body >= 31 && body <= 34 && up && lo && dg ? e : 0;
}

/* A self-identifying secret at i: provider format, JWT, Discord or
 * Telegram bot token ("bot<id>:AA..." as Telegram's URLs write it), or
 * base64 JSON holding a credential. */
static bool interleaved_count(const unsigned char *v, size_t n);

/* Mailchimp API keys: 32 small hex digits, "-us" and the data centre's
 * number ("…c31db76aa-us30"). */
static size_t mailchimp_at(const unsigned char *s, size_t n, size_t i)
{
    if (i + 35 > n || s[i + 32] != '-' || s[i + 33] != 'u' || s[i + 34] != 's') return 0;
    for (size_t k = i; k < i + 32; k++)
        if (!pii_is_digit(s[k]) && (s[k] < 'a' || s[k] > 'f')) return 0;
    size_t e = i + 35;
    while (e < n && pii_is_digit(s[e]) && e - i < 37)
        e++;
    if (e == i + 35 || (e < n && pii_is_alnum(s[e]))) return 0;
    return ew__pii_made_up(s + i, 32) || interleaved_count(s + i, 32) ? 0 : e;
}

size_t ew__pii_secret_token(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n || !word_boundary_before(s, i)) return 0;
    size_t e = jwt_at(s, n, i);
    if (e) return ew__pii_doc_fixture(s + i, e - i) ? 0 : e;
    if (s[i] == 'e' && i + 3 < n && s[i + 1] == 'y' && s[i + 2] == 'J' &&
        (e = b64_json_at(s, n, i)) != 0)
        return e;
    if ((e = discord_at(s, n, i)) != 0) return e;
    if (s[i] == 'b' && i + 3 < n && pii_bytes_eq(s + i, "bot", 3) && pii_is_digit(s[i + 3]) &&
        (e = ew__pii_telegram_at(s, n, i + 3)) != 0)
        return e;
    if ((e = provider_at(s, n, i)) != 0) return e;
    if ((e = mailchimp_at(s, n, i)) != 0) return e;
    if (s[i] == 'A' && (e = onepassword_key_at(s, n, i)) != 0) return e;
    if (i + 6 < n && (s[i + 5] == '~' || s[i + 4] == '~') && (e = entra_secret_at(s, n, i)) != 0)
        return e;
    return pii_is_alpha(s[i]) && !owned_prefix(s, n, i) ? prefixed_random_at(s, n, i) : 0;
}

/* Telegram bot tokens: "<bot id>:AA<33 chars>". */
size_t ew__pii_telegram_at(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i;
    if (i >= n) return 0;
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
/* Letters and digits that count in step, interleaved ("a1b2c3d4e5f6",
 * "px-dep-d4c3b2a1-f6e5"): how people type a made-up key. In a random key
 * each alphanumeric has about a 6% (hex: 11%) chance of being one more or
 * less than the one two places before it; here most are. */
static bool interleaved_count(const unsigned char *v, size_t n)
{
    unsigned char p[64];
    size_t m = 0;
    for (size_t i = 0; i < n && m < sizeof p; i++)
        if (pii_is_alnum(v[i])) p[m++] = (unsigned char)(pii_is_upper(v[i]) ? v[i] | 32 : v[i]);
    if (m < 12) return false;
    size_t steps = 0;
    for (size_t j = 0; j + 2 < m; j++) {
        int d = (int)p[j + 2] - (int)p[j];
        steps += (d == 1 || d == -1) && pii_is_digit(p[j]) == pii_is_digit(p[j + 2]);
    }
    return steps * 100 >= (m - 2) * 45;
}

/* Alphanumerics that mostly step by one or repeat ("abcdefghijklmnop",
 * "1234567890abcdef", "abc123def456ghi789"): typed by a person as a stand-in.
 * In a random key about 5% of neighbours do so (hex: 19%); here at least
 * half. Only for names of machine-made keys: a person's password may be
 * "abc123" and is still a password. */
static bool made_up_run(const unsigned char *v, size_t n)
{
    size_t pairs = 0, steps = 0;
    unsigned prev = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = v[i];
        if (!pii_is_alnum(ch)) {
            prev = 0;
            continue;
        }
        ch = pii_is_upper(ch) ? ch | 32 : ch;
        if (prev) {
            int d = (int)ch - (int)prev;
            pairs++;
            steps += (d >= -1 && d <= 1) && pii_is_digit(ch) == pii_is_digit(prev);
        }
        prev = ch;
    }
    return pairs >= 11 && steps * 2 >= pairs;
}

/* Words of which template and test values are made: "test-token",
 * "YOUR_API_KEY_HERE", "insert-token-here", "fake-api-key", "testsecret". */
static const char *const vocab_stand_in[] = {
    "test", "fake",   "mock",  "dummy",   "sample", "example",    "demo",
    "your", "insert", "enter", "replace", "here",   "changeme",   "changeit",
    "todo", "tbd",    "foo",   "bar",     "baz",    "placeholder"};
static const char *const vocab_noun[] = {
    "secret", "password", "passwd", "pass",    "pwd",        "token",       "key",  "api",
    "access", "auth",     "client", "private", "credential", "credentials", "user", "username",
    "value",  "string",   "app",    "me",      "the",        "a",           "my",   "pw"};

/* Length of the vocabulary word at v (longest first), or 0; *stand_in tells
 * whether it is one of the stand-in words. */
static size_t vocab_word(const unsigned char *v, size_t n, bool *stand_in)
{
    size_t best = 0;
    for (int list = 0; list < 2; list++) {
        const char *const *w = list ? vocab_noun : vocab_stand_in;
        size_t count = list ? sizeof vocab_noun / sizeof *vocab_noun
                            : sizeof vocab_stand_in / sizeof *vocab_stand_in;
        for (size_t k = 0; k < count; k++) {
            size_t l = strlen(w[k]);
            if (l > best && l <= n && !strncasecmp((const char *)v, w[k], l)) {
                best = l;
                *stand_in = list == 0;
            }
        }
    }
    return best;
}

/* A value spelt only from stand-in words and the nouns that name secrets,
 * with at least one stand-in word, and no digits. */
static bool stand_in_words(const unsigned char *v, size_t n)
{
    bool any = false;
    size_t i = 0;
    while (i < n) {
        if (v[i] == '-' || v[i] == '_' || v[i] == '.' || v[i] == ' ') {
            i++;
            continue;
        }
        if (!pii_is_alpha(v[i])) return false;
        bool stand_in = false;
        size_t l = vocab_word(v + i, n - i, &stand_in);
        if (!l) return false;
        any |= stand_in;
        i += l;
    }
    return any;
}

/* Letters written as digits or symbols ("passw0rd", "$ecret", "p@ss"). */
static unsigned char unleet(unsigned char ch)
{
    static const char from[] = "013457@$", to[] = "oieastas";
    const char *f = ch ? strchr(from, ch) : NULL;
    return f ? (unsigned char)to[f - from] : (unsigned char)(pii_is_upper(ch) ? ch | 32 : ch);
}

/* What a made-up password says of itself ("SuperSecretPassword"). Not
 * "difficult": noseyparker's examples count MongoDB's documented
 * "D1fficultP%40ssw0rd" at example.com hosts as secrets. */
static const char *const vocab_quality[] = {"super", "strong", "secure", "very"};

bool ew__pii_describing_password(const unsigned char *v, size_t n)
{
    unsigned char w[64];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = v[i];
        if (ch == '%' && i + 2 < n && pii_is_hex(v[i + 1]) && pii_is_hex(v[i + 2])) {
            ch = 0;
            for (int d = 1; d <= 2; d++)
                ch = ch * 16 +
                     (pii_is_digit(v[i + d]) ? v[i + d] - '0' : (v[i + d] | 32) - 'a' + 10);
            i += 2;
        }
        if (m == sizeof w) return false;
        w[m++] = unleet((unsigned char)ch);
    }
    size_t i = 0, words = 0;
    while (i < m) {
        if (w[i] == '-' || w[i] == '_' || w[i] == '.' || w[i] == ' ') {
            i++;
            continue;
        }
        bool stand_in = false;
        size_t l = pii_is_alpha(w[i]) ? vocab_word(w + i, m - i, &stand_in) : 0;
        for (size_t q = 0; !l && q < sizeof vocab_quality / sizeof *vocab_quality; q++) {
            size_t ql = strlen(vocab_quality[q]);
            if (ql <= m - i && !memcmp(w + i, vocab_quality[q], ql)) l = ql;
        }
        if (!l) return false;
        words++;
        i += l;
    }
    return words > 0;
}

/* Decodes standard or URL-safe base64 (padding optional); returns the
 * length written, or -1 when v is not base64 or out is too small. */
static long b64_decode(const unsigned char *v, size_t n, unsigned char *out, size_t cap)
{
    while (n && v[n - 1] == '=')
        n--;
    if (n % 4 == 1) return -1;
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = v[i], x;
        if (pii_is_upper(ch))
            x = ch - 'A';
        else if (pii_is_lower(ch))
            x = ch - 'a' + 26;
        else if (pii_is_digit(ch))
            x = ch - '0' + 52;
        else if (ch == '+' || ch == '-')
            x = 62;
        else if (ch == '/' || ch == '_')
            x = 63;
        else
            return -1;
        acc = (acc << 6) | x;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o == cap) return -1;
            out[o++] = (unsigned char)(acc >> bits);
        }
    }
    return (long)o;
}

static bool placeholder_depth(const unsigned char *v, size_t n, int depth);

/* A word that names a secret ("password", "TOKEN"), or small words joined
 * by '-' that do ("postgres-password"): Kubernetes writes the names of its
 * Secrets and their keys so (a Helm chart's "existingSecretPasswordKey:
 * redis-password"). Such a value names a secret; it is none. A value in
 * snake case ("smtp_password") is left to the placeholder rules. */
static bool secret_name(const unsigned char *v, size_t n, bool joined)
{
    if (n > 40 || (joined && memchr(v, '_', n))) return false;
    size_t parts = ew__pii_word_parts(v, n, false, 16);
    if (!joined && !parts) parts = ew__pii_word_parts(v, n, true, 16);
    return (joined ? parts >= 2 : parts == 1) && ew__pii_key_kind(v, 0, n) != PII_KEY_NONE;
}

/* Base64 whose plain text is no secret: a certificate or public key block
 * ("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"), or a placeholder that was
 * encoded (a Kubernetes manifest with "CHANGEME" in it). */
static bool b64_not_secret(const unsigned char *v, size_t n, int depth)
{
    unsigned char plain[96];
    if (n < 8) return false;
    size_t take = n <= 128 ? n : 128 - 128 % 4;
    long pl = b64_decode(v, take, plain, sizeof plain);
    if (pl <= 0) return false;
    for (long k = 0; k < pl; k++)
        if ((plain[k] < 0x20 || plain[k] > 0x7E) && plain[k] != '\n') return false;
    if (pl >= 11 && !memcmp(plain, "-----BEGIN ", 11)) {
        const unsigned char *eol = memchr(plain, '\n', (size_t)pl);
        size_t hl = eol ? (size_t)(eol - plain) : (size_t)pl;
        bool weak;
        return !armour_label_secret(plain, 11, hl, &weak) && (eol || hl > 30);
    }
    return n <= 128 && (placeholder_depth(plain, (size_t)pl, depth + 1) ||
                        secret_name(plain, (size_t)pl, false));
}

static size_t alnum_run(const unsigned char *v, size_t n)
{
    size_t k = 0;
    while (k < n && pii_is_alnum(v[k]))
        k++;
    return k;
}

/* Ten or more letters and digits with capitals, small letters and at least
 * two digits: machine-made or a strong password, not a variable's name. */
static bool mixed_alnum(const unsigned char *v, size_t n)
{
    size_t up = 0, lo = 0, dg = 0;
    for (size_t i = 0; i < n; i++) {
        if (!pii_is_alnum(v[i])) return false;
        up += pii_is_upper(v[i]);
        lo += pii_is_lower(v[i]);
        dg += pii_is_digit(v[i]);
    }
    return n >= 10 && up && lo && dg >= 2;
}

/* Twenty or more base64 characters with capitals, small letters and digits
 * and a rich alphabet: an encoded key, not a path ("/var/lib/token"). */
static bool b64_random(const unsigned char *v, size_t n)
{
    size_t up = 0, lo = 0, dg = 0;
    if (n < 20) return false;
    for (size_t i = 0; i < n; i++) {
        if (!in_alphabet(v[i], AL_B64)) return false;
        up += pii_is_upper(v[i]);
        lo += pii_is_lower(v[i]);
        dg += pii_is_digit(v[i]);
    }
    return up >= 2 && lo >= 2 && dg >= 2 && ew__pii_entropy(v, n) >= 4.0;
}

/* Capital words joined by '_' that ask for a value ("CHANGE_ME_IN_PROD",
 * "REPLACE_WITH_TOKEN", "SET_IN_VAULT"). */
static bool screaming_words(const unsigned char *v, size_t n)
{
    static const char *const ask[] = {"CHANGE", "REPLACE", "INSERT", "ENTER", "SET", "FILL", "PUT"};
    if (ew__pii_word_parts(v, n, true, n) < 2) return false;
    for (size_t k = 0; k < sizeof ask / sizeof *ask; k++) {
        size_t l = strlen(ask[k]);
        if (n > l && !memcmp(v, ask[k], l) && (v[l] == '_' || v[l] == '-')) return true;
    }
    return false;
}

/* A path whose last part names a secret ("hash:/etc/postfix/sasl_passwd",
 * "/run/secrets/db_token"): where the secret is kept, not the secret. */
static bool path_to_secret(const unsigned char *v, size_t n)
{
    const unsigned char *sl = memrchr(v, '/', n);
    if (!sl || sl == v + n - 1 || memchr(v, ' ', n)) return false;
    size_t b = (size_t)(sl - v) + 1;
    return n - b <= 40 && ew__pii_key_kind(v, b, n) != PII_KEY_NONE;
}

/* A path of words ("apps/shop/staging", "secret/data/apps/shop/x"): two or
 * more parts of at most 20 small letters, '-' and '_', or '*', and two
 * digits at most in all. It names where a secret is kept (a Vault path),
 * not the secret. */
static bool word_path(const unsigned char *v, size_t n)
{
    size_t parts = 0, letters = 0, digits = 0, len = 0;
    for (size_t k = 0; k <= n; k++) {
        if (k == n || v[k] == '/') {
            if (len == 0 || len > 20 || (!letters && !(len == 1 && v[k - 1] == '*'))) return false;
            parts++;
            len = letters = 0;
            continue;
        }
        len++;
        if (pii_is_lower(v[k]))
            letters++;
        else if (pii_is_digit(v[k]))
            digits++;
        else if (v[k] != '-' && v[k] != '_' && v[k] != '*')
            return false;
    }
    return parts >= 2 && digits <= 2;
}

/* Placeholders and references are not secrets: "$VAR", "${x}", "<key>",
 * "{{x}}", "%s", "xxxx", "****", "env.X", "process.env...", "os.getenv(". */
static bool placeholder(const unsigned char *v, size_t n)
{
    return placeholder_depth(v, n, 0);
}

static bool placeholder_depth(const unsigned char *v, size_t n, int depth)
{
    while (n && (v[0] == ' ' || v[0] == '\t'))
        v++, n--;
    if (n == 0) return true;
    unsigned c0 = v[0];
    if (c0 == '\'' || c0 == '"') return true; /* a quote inside quotes: string building */
    if (c0 == '%') { /* "%s", "%(pw)s", "%{x}", "%PASSWORD%"; not "%c4dFPw..." */
        if (n == 1 || v[1] == 's' || v[1] == 'd' || v[1] == '(' || v[1] == '{') return true;
        size_t k = 1;
        while (k < n && (pii_is_alnum(v[k]) || v[k] == '_'))
            k++;
        if (k < n && v[k] == '%') return true;
    }
    /* "$VAR", "${x}", "$(cmd)"; not "$4783ct5j..." nor "$y1r4BWw2w1Oy" (a key or a
     * password that starts with '$': capitals, small letters and digits mixed) */
    if (c0 == '$' && (n == 1 || pii_is_alpha(v[1]) || v[1] == '_' || v[1] == '{' || v[1] == '(') &&
        !mixed_alnum(v + 1, alnum_run(v + 1, n - 1)))
        return true;
    /* "&password", "&&", "&(x)" are code; "&+vNip..." is a password */
    if (c0 == '&' &&
        (n == 1 || pii_is_alpha(v[1]) || v[1] == '_' || v[1] == '&' || v[1] == '(' ||
         v[1] == '*') &&
        !strong_password(v, n))
        return true;
    /* a YAML alias: "*dbpass" refers to the anchor "&dbpass" */
    if (c0 == '*' && n > 2 && pii_is_lower(v[1])) {
        size_t k = 2;
        while (k < n && (pii_is_lower(v[k]) || pii_is_digit(v[k]) || v[k] == '_' || v[k] == '-'))
            k++;
        if (k == n) return true;
    }
    /* psql's ":'name'" and ":name" are variables */
    if (c0 == ':' && n > 1 && (v[1] == '\'' || v[1] == '"' || pii_is_alpha(v[1]))) return true;
    /* base64 starts with '+' or '/' once in 32: "/LdMly/DhJM2MMOh+w5/..." */
    if ((c0 == '+' || c0 == '/') && !b64_random(v, n) && !(c0 == '+' && strong_password(v, n)))
        return true;
    if (c0 == '-' && n > 1) { /* "-Identity", "--force": the next flag, not a value */
        size_t k = 1 + (v[1] == '-');
        while (k < n && (pii_is_alpha(v[k]) || (v[k] == '-' && k > 1)))
            k++;
        if (k == n && pii_is_alpha(v[n - 1])) return true;
    }
    if (c0 == '<' || c0 == '{' || c0 == '[' || c0 == ',' || c0 == ')' || c0 == ';' || c0 == '.' ||
        c0 == '(' || c0 == '}')
        return true; /* a variable, a template ("}}{{ end"), code or a path */
    /* elided: "eyJhbGciOi...", "sk-abc…" */
    if ((n > 3 && !memcmp(v + n - 3, "...", 3)) || (n > 3 && !memcmp(v + n - 3, "\xe2\x80\xa6", 3)))
        return true;
    if (screaming_words(v, n)) return true; /* "CHANGE_ME_IN_PROD", "REPLACE_WITH_TOKEN" */
    /* an authorization scheme before a stand-in: "Basic $http_auth", "Bearer {{token}}" */
    static const char *const schemes[] = {"basic ", "bearer ", "token "};
    for (size_t k = 0; k < sizeof schemes / sizeof *schemes && depth < 2; k++) {
        size_t kl = strlen(schemes[k]);
        if (n > kl && !strncasecmp((const char *)v, schemes[k], kl) &&
            placeholder_depth(v + kl, n - kl, depth + 1))
            return true;
    }
    if (n >= 2 && c0 == '#' && v[1] == '{') return true; /* Ruby "#{password}" */
    if ((memchr(v, '/', n) || memchr(v, '#', n)) && pii_contains(v, n, "password", 8))
        return true;                       /* a route or an anchor named after the field */
    if (path_to_secret(v, n)) return true; /* "hash:/etc/postfix/sasl_passwd" */
    if (word_path(v, n)) return true;      /* vault kv get -field=password apps/shop/prod */
    if (c0 == '#') { /* "#add-password" is a CSS selector; "#gets0m3" a password */
        size_t k = 1;
        while (k < n && (pii_is_lower(v[k]) || v[k] == '-' || v[k] == '_'))
            k++;
        if (k == n) return true;
    }
    size_t same = 0, stars = 0, x = 0;
    for (size_t i = 0; i < n; i++) {
        same += v[i] == v[0];
        stars += v[i] == '*' || v[i] == '#' || v[i] == '.' || v[i] == '-';
        x += (v[i] | 32) == 'x';
    }
    if (same * 10 >= n * 9 || stars == n || (x == n && n > 2)) return true;
    if (interleaved_count(v, n) || ew__pii_doc_word(v, n) || stand_in_words(v, n) ||
        ew__pii_masked(v, n) || ew__pii_doc_fixture(v, n) || provider_stand_in(v, n))
        return true;
    if (depth == 0 && b64_not_secret(v, n, depth)) return true;
    static const char *const prefixes[] = {
        "arn:",      "http://",    "https://", "file:", "jdbc:",   "env.",      "process.env",
        "os.getenv", "os.environ", "getenv",   "env(",  "config.", "settings.", "secrets.",
        "this.",     "self.",      "request.", "your_", "your-",   "<your"};
    for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
        size_t kl = strlen(prefixes[k]);
        if (n >= kl && !strncasecmp((const char *)v, prefixes[k], kl)) return true;
    }
    static const char *const words[] = {"none", "null",     "true",     "false", "undefined",
                                        "nil",  "changeme", "redacted", "hidden"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && !strncasecmp((const char *)v, words[k], n)) return true;
    /* a dotted or called reference: word.word or name(...), also with a
     * subscript at the end (Terraform's data.x.y.data["app_key"]) */
    bool ident = true, dot = false, paren = false;
    bool subscript = v[n - 1] == ']' || v[n - 1] == '['; /* "x.data[" when a quote ends it */
    for (size_t i = 0; i < n; i++) {
        unsigned ch = v[i];
        if (ch == '.')
            dot = true;
        else if (ch == '(')
            paren = true;
        else if (!(pii_is_alnum(ch) || ch == '_' || ch == ')' ||
                   (ch == '?' && i + 1 < n && v[i + 1] == '.') ||
                   (ch == '!' && i + 1 < n && v[i + 1] == '(') || /* fetch_env!("X") */
                   (subscript && (ch == '[' || ch == ']' || ch == '"' || ch == '\''))))
            ident = false; /* "a?.b(": optional chaining */
    }
    if (ident && paren) return true;
    if (ident && n > 1 && v[n - 1] == '[' && pii_is_alpha(v[0])) return true; /* ENV["X"] */
    if (ident && dot && pii_is_alpha(v[0]) && v[n - 1] != '.') {
        /* "env.PASSWORD", "os.Getenv": dotted identifiers; keys rarely look so */
        size_t digits = 0;
        for (size_t i = 0; i < n; i++)
            digits += pii_is_digit(v[i]);
        if (digits == 0) return true;
    }
    return false;
}

/* Does a value read like a machine-made secret (not a word or a setting)? */
static bool random_looking(const unsigned char *v, size_t n)
{
    if (n < 16) return false;
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

/* Reads the value after a key ending at k: the key's closing quote, then a
 * separator ('=', ':', "=>", ":=", "==", "!="), then a quoted or bare value.
 * vs and ve get the value without quotes. Returns false if there is none. */
/* "user=x" at k: the next parameter of a query string, so a '&' before it
 * ends a value; any other '&' is part of the value ("Tr0ub4dor&3"). */
static bool query_param_at(const unsigned char *s, size_t n, size_t k)
{
    size_t e = k;
    while (e < n && e - k < 40 &&
           (pii_is_alnum(s[e]) || s[e] == '_' || s[e] == '-' || s[e] == '.' || s[e] == '[' ||
            s[e] == ']'))
        e++;
    return e > k && e < n && s[e] == '=';
}

/* The value at k is a query string's or a form body's: a '?' or '&' comes
 * before it on its line ("?a=1&secret=x"); an env line's value may hold '&'
 * and '=' ("PASSWORD=r4M&4HhGl=Eq"). */
static bool in_query(const unsigned char *s, size_t k)
{
    for (size_t b = k; b > 0 && k - b < 300 && s[b - 1] != '\n'; b--)
        if (s[b - 1] == '?' || s[b - 1] == '&') return true;
    return false;
}

size_t ew__pii_skip_note(const unsigned char *s, size_t n, size_t k)
{
    if (k >= n || (s[k] != '(' && s[k] != '[') || k == 0 || s[k - 1] != ' ') return k;
    unsigned close = s[k] == '(' ? ')' : ']';
    size_t e = k + 1;
    while (e < n && e - k <= 24 &&
           (pii_is_alnum(s[e]) || s[e] == ' ' || s[e] == '-' || s[e] == '_' || s[e] == ','))
        e++;
    if (e >= n || s[e] != close || e == k + 1) return k;
    e++;
    while (e < n && (s[e] == ' ' || s[e] == '\t'))
        e++;
    return e < n && (s[e] == ':' || s[e] == '=') ? e : k;
}

size_t ew__pii_skip_to_assign_at(const unsigned char *s, size_t n, size_t k)
{
    static const char *const types[] = {"string", "[]byte", "*string"};
    size_t t = k;
    if (k < n && (s[k] == 's' || s[k] == '[' || s[k] == '*')) {
        for (size_t j = 0; j < sizeof types / sizeof *types && t == k; j++) {
            size_t tl = strlen(types[j]);
            if (k + tl < n && !memcmp(s + k, types[j], tl) && s[k + tl] == ' ') t = k + tl;
        }
        if (t == k) return k;
        while (t < n && s[t] == ' ')
            t++;
    } else {
        while (t < n && t - k < 2 && (s[t] == '?' || s[t] == '.' || s[t] == '+' || s[t] == '|'))
            t++;
        if (t == k) return k;
    }
    return t + 1 < n && s[t] == '=' && s[t + 1] != '=' && s[t + 1] != '>' ? t : k;
}

/* After "name:" at k: a declared type ("api_key: &str = x", "token: string
 * = x", "API_KEY: str = x") or a YAML block scalar ("token: >-" and the value
 * indented on the next line). Returns where the value starts. */
static size_t typed_value(const unsigned char *s, size_t n, size_t k)
{
    size_t t = k, lim = k + 40 < n ? k + 40 : n;
    if (k < n && (s[k] == '|' || s[k] == '>')) {
        t = k + 1;
        while (t < lim && (s[t] == '-' || s[t] == '+' || pii_is_digit(s[t])))
            t++;
        while (t < lim && (s[t] == ' ' || s[t] == '\r'))
            t++;
        if (t >= lim || s[t] != '\n') return k;
        t++;
        size_t v = t;
        while (v < lim && (s[v] == ' ' || s[v] == '\t'))
            v++;
        return v > t && v < n && !pii_is_space(s[v]) ? v : k; /* indented */
    }
    while (t < lim && (pii_is_alnum(s[t]) || s[t] == '_' || s[t] == '&' || s[t] == '<' ||
                       s[t] == '>' || s[t] == '[' || s[t] == ']' || s[t] == '?' || s[t] == '.'))
        t++;
    size_t u = t;
    while (u < lim && s[u] == ' ')
        u++;
    if (t == k || u + 1 >= n || s[u] != '=' || s[u + 1] == '=' || s[u + 1] == '>') return k;
    u++;
    while (u < lim && s[u] == ' ')
        u++;
    return u < n ? u : k;
}

static size_t prose_quote(const unsigned char *s, size_t n, size_t k, const char **close);
static size_t skip_marks(const unsigned char *s, size_t n, size_t k);
static bool next_value(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve,
                       bool *quoted);

static bool read_value(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve,
                       bool *quoted)
{
    if (k < n && (s[k] == '"' || s[k] == '\'')) k++;          /* "password": closes the key */
    if (k + 1 < n && s[k] == '\\' && s[k + 1] == '"') k += 2; /* \"password\": in a string */
    if (k < n && s[k] == ']' && (s[k - 1] == '"' || s[k - 1] == '\'')) k++; /* env["KEY"] = */
    size_t lim = k + 40 < n ? k + 40 : n;
    while (k < lim && (s[k] == ' ' || s[k] == '\t'))
        k++;
    k = ew__pii_skip_note(s, n, k); /* "key (hex): x" */
    lim = k + 40 < n ? k + 40 : n;
    /* "Unseal Key 2: x", "token #1 = x": an ordinal before the separator */
    size_t d = k < lim && s[k] == '#' ? k + 1 : k, d0 = d;
    while (d < lim && pii_is_digit(s[d]) && d - d0 < 3)
        d++;
    if (d > d0 && d < lim && (s[d] == ':' || s[d] == '=')) k = d;
    k = ew__pii_skip_to_assign(s, n, k);
    bool sep = false, colon_only = true;
    size_t s0 = k;
    if (ew__pii_dash_separator(s, n, k)) { /* "token - 'x'" */
        k++;
        sep = true;
        colon_only = false;
    }
    while (k < lim && (s[k] == '=' || s[k] == ':' || s[k] == '>' || s[k] == '!' ||
                       ew__pii_wide_colon(s, n, k))) {
        if (s[k] == 0xEF) k += 2; /* "Token：x", as Chinese keyboards type it */
        sep |= s[k] == '=' || s[k] == ':' || s[k] == 0x9A;
        colon_only &= s[k] == ':' || s[k] == 0x9A;
        k++;
    }
    /* "password == confirm": a comparison, whose literal would be quoted */
    bool compare = (k - s0 == 2 || (k - s0 == 3 && s[s0 + 2] == '=')) && s0 > 0 &&
                   s[s0 - 1] == ' ' && (s[s0] == '=' || s[s0] == '!') && s[s0 + 1] == '=';
    /* SQL's "PASSWORD :'name'": a psql variable */
    bool psql = k - s0 == 1 && s[s0] == ':' && s0 > 0 && s[s0 - 1] == ' ' && k < n &&
                (s[k] == '\'' || s[k] == '"');
    while (k < lim && (s[k] == ' ' || s[k] == '\t' || s[k] == '\\'))
        k++;
    if (sep && k + 1 < n && s[k - 1] == ' ' && s[k] == '!') { /* a YAML tag: "!!str", "!vault" */
        size_t t = k + 1 + (s[k + 1] == '!');
        while (t < lim && pii_is_alpha(s[t]))
            t++;
        if (t < lim && s[t] == ' ') k = t + 1;
    }
    if (!sep || k >= n || psql) return false;
    if (colon_only) k = typed_value(s, n, k);
    /* "**Password:** x": the emphasis that closes a Markdown label (a masked
     * value, "pass=*** ip=...", has more stars and no colon) */
    if (k + 3 < n && (s[k] == '*' || s[k] == '_') && s[k - 1] == ':' && s[k + 1] == s[k]) {
        size_t m = k + 2;
        if (s[m] == ' ') {
            k = m;
            while (k < n && s[k] == ' ')
                k++;
        }
    }
    if (prose_quote(s, n, k, &(const char *){NULL}) || skip_marks(s, n, k) > k)
        return next_value(s, n, k, vs, ve, quoted); /* "« x »", "👉 x" */
    /* a string literal's prefix: Python's b'x', r'x', f'x', C#'s @"x", C's L"x" */
    if (k + 2 < n && (s[k + 1] == '"' || s[k + 1] == '\'') && strchr("bBrRuUfF@L", s[k]) &&
        s[k] != 0)
        k++;
    *quoted = s[k] == '"' || s[k] == '\'' || s[k] == '`';
    if (compare && !*quoted) return false;
    size_t e = k;
    if (*quoted) {
        bool escaped = s[k - 1] == '\\';
        unsigned q = s[k++];
        e = k;
        while (e < n && s[e] != q && s[e] != '\n' && e - k < 512)
            e++;
        /* a text cut inside a long quoted value (a pasted snippet) still holds it */
        if (e < n ? s[e] != q : e - k < 8) return false;
        /* \'value\' inside a string literal: the backslash escapes the quote */
        while (escaped && e > k && s[e - 1] == '\\')
            e--;
    } else {
        /* CJK text or full-width punctuation (3-byte UTF-8) ends a bare
         * value: "API Key：请在控制台生成", "密钥是x，请保存" */
        while (e < n && !pii_is_space(s[e]) && s[e] != ';' && s[e] != ',' && s[e] != '"' &&
               s[e] != '\'' && !(s[e] == '&' && query_param_at(s, n, e + 1) && in_query(s, k)) &&
               s[e] != '<' && s[e] != ')' && s[e] != '}' && s[e] < 0xE0 && e - k < 512)
            e++;
    }
    *vs = k;
    *ve = e;
    return e > k;
}

/* Does [i, e) hold `what`, in any case? Run for every name before a '(' or
 * '=': positions whose first byte cannot match are passed over with one
 * compare (a byte that equals what[0] ignoring case has the same bits
 * apart from 0x20). */
static bool name_has_n(const unsigned char *s, size_t i, size_t e, const char *what, size_t wl)
{
    const unsigned first = (unsigned char)what[0] | 32;
    for (size_t p = i; p + wl <= e; p++)
        if ((s[p] | 32u) == first && pii_icase_eq(s + p, what, wl)) return true;
    return false;
}
/* strlen of a literal is a constant */
#define name_has(s, i, e, what) name_has_n(s, i, e, what, strlen(what))

/* A word that ends in "pass" glued to what it opens ("requirepass",
 * "rootpass", "smtppass"); not the words that merely end so. */
static bool glued_pass(const char *w, size_t n)
{
    static const char *const words[] = {"bypass",   "compass", "encompass", "overpass", "underpass",
                                        "trespass", "surpass", "multipass", "firstpass"};
    /* glued to a letter: "htpasswd", "smbpasswd", "requirepass" (not "db_pass") */
    if (n > 6 && !memcmp(w + n - 6, "passwd", 6)) return pii_is_lower((unsigned char)w[n - 7]);
    if (n == 6 && !memcmp(w, "rootpw", 6)) return true; /* OpenLDAP's slapd.conf */
    if (n <= 4 || memcmp(w + n - 4, "pass", 4) || !pii_is_lower((unsigned char)w[n - 5]))
        return false;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && !memcmp(w, words[k], n)) return false;
    return true;
}

bool ew__pii_glued_pass(const unsigned char *s, size_t i, size_t e)
{
    char low[24];
    if (e - i > sizeof low) return false;
    for (size_t k = i; k < e; k++)
        low[k - i] = (char)(s[k] | 32);
    return glued_pass(low, e - i);
}

static bool all_hex(const unsigned char *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!pii_is_hex(v[i])) return false;
    return true;
}

static size_t words_in(const unsigned char *v, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += pii_is_alpha(v[i]) && (i == 0 || v[i - 1] == ' ');
    return w;
}

/* Score of a value held by a key of this kind; 0 when it is not a secret. */
/* A path to a file: a '/' and a short extension at the end
 * ("uploads/2024/05/<uuid>.png"); base64 never holds a '.'. */
static bool file_path(const unsigned char *v, size_t n)
{
    size_t x = n;
    while (x > 0 && pii_is_alpha(v[x - 1]) && n - x <= 5)
        x--;
    return x > 1 && x < n && n - x <= 5 && v[x - 1] == '.' && memchr(v, '/', x);
}

/* A key's fingerprint, "MD5:ea:18:…:93", "F8:5A:…:A9": eight or more hex
 * byte pairs joined by ':' (after an optional "MD5:"/"SHA1:" label). It is
 * the hash of a public key, published to be compared, not a secret. */
static bool hex_pairs(const unsigned char *v, size_t vn)
{
    if (vn && (v[vn - 1] == '.' || v[vn - 1] == ',' || v[vn - 1] == ';')) vn--;
    size_t k = 0;
    while (k < vn && k < 7 && pii_is_alnum(v[k]))
        k++;
    if (k < vn && v[k] == ':' && k >= 3 && !(k == 2 && pii_is_hex(v[0]) && pii_is_hex(v[1])))
        k++; /* a label such as MD5: or SHA256: */
    else
        k = 0;
    size_t pairs = 0;
    for (; k + 1 < vn; k += 3) {
        if (!pii_is_hex(v[k]) || !pii_is_hex(v[k + 1]) || (k + 2 < vn && v[k + 2] != ':'))
            return false;
        pairs++;
    }
    return k == vn + 1 && pairs >= 8;
}

static bool digest_label(const unsigned char *v, size_t n);

/* "SHA256:<base64>", "md5:<hex>": a digest under its algorithm's label (how
 * OpenSSH prints a key's fingerprint), not a secret, whatever names it. */
static bool labelled_digest(const unsigned char *v, size_t vn)
{
    const unsigned char *col = memchr(v, ':', vn < 10 ? vn : 10);
    return col && col > v && digest_label(v, (size_t)(col - v)) && (size_t)(col - v) + 16 < vn;
}

/* A host name: lowercase labels joined by at least two dots, the last of
 * letters only ("sm02915.int.contoso.com", "db-1.prod.internal"). Keys'
 * dotted values (JWTs, "dt0c01.<id>.<secret>") mix case or end in digits. */
static bool host_name(const unsigned char *v, size_t n)
{
    size_t dots = 0, last = 0;
    for (size_t k = 0; k < n; k++) {
        if (v[k] == '.') {
            if (k == last) return false; /* an empty label */
            dots++;
            last = k + 1;
        } else if (!pii_is_lower(v[k]) && !pii_is_digit(v[k]) && v[k] != '-') {
            return false;
        }
    }
    if (dots < 2 || n - last < 2 || n - last > 10) return false;
    for (size_t k = last; k < n; k++)
        if (!pii_is_lower(v[k])) return false;
    return true;
}

/* A key's id or fingerprint as GnuPG prints them: 8, 16 or 40 hex digits
 * in capitals, maybe with the ':' of "gpg: key <id>: public key ...". */
static bool gpg_key_id(const unsigned char *v, size_t n)
{
    if (n && v[n - 1] == ':') n--;
    if (n != 8 && n != 16 && n != 40) return false;
    for (size_t k = 0; k < n; k++)
        if (!pii_is_digit(v[k]) && !(v[k] >= 'A' && v[k] <= 'F')) return false;
    return true;
}

/* Words joined in camel case, maybe after an acronym and before a version
 * ("APIOrganizationExist", "MySecretManagerKey", "SalesResults-1.2",
 * "requiredCharacteristicTypes"): a name in code, not a key. Letters
 * drawn at random make parts of one or two letters, and digits. */
static bool camel_words(const unsigned char *v, size_t n)
{
    size_t e = n; /* a version suffix: "-1.2", "_v2", "3" */
    while (e > 0 && (pii_is_digit(v[e - 1]) || v[e - 1] == '.'))
        e--;
    if (e < n && e > 0 && (v[e - 1] == '-' || v[e - 1] == '_' || v[e - 1] == 'v')) e--;
    size_t parts = 0, k = 0;
    while (k < e && pii_is_upper(v[k]) && k + 1 < e && pii_is_upper(v[k + 1]))
        k++; /* an acronym: "API" of "APIOrganization" */
    if (k) parts++;
    while (k < e) {
        size_t b = k;
        if (pii_is_upper(v[k])) k++;
        while (k < e && pii_is_lower(v[k]))
            k++;
        if (k - b < 3 || (k < e && !pii_is_upper(v[k]))) return false;
        parts++;
    }
    return parts >= 3;
}

/* A version: three dotted numbers of up to four digits ("0.11.2", "1.7.8"). */
static bool has_version(const unsigned char *v, size_t n)
{
    for (size_t k = 0; k + 5 <= n; k++) {
        if (!pii_is_digit(v[k]) || (k > 0 && pii_is_digit(v[k - 1]))) continue;
        size_t p = k, groups = 0;
        for (;;) {
            size_t d = p;
            while (p < n && pii_is_digit(v[p]) && p - d < 5)
                p++;
            if (p == d || p - d > 4) break;
            groups++;
            if (p + 1 < n && v[p] == '.' && pii_is_digit(v[p + 1])) {
                p++;
                continue;
            }
            break;
        }
        if (groups >= 3) return true;
    }
    return false;
}

/* A value's score before the names in code and hosts are ruled out. */
static float value_score(int kind, const unsigned char *v, size_t vn, bool quoted)
{
    /* a URL is read as one: its user part holds the credential, if any */
    if (pii_contains(v, vn, "://", 3) || labelled_digest(v, vn) || secret_name(v, vn, true))
        return 0;
    if (placeholder(v, vn) || (kind != PII_KEY_PASSWORD && file_path(v, vn)) ||
        (kind != PII_KEY_PASSWORD && provider_misfit(v, vn)) ||
        (kind != PII_KEY_PASSWORD && (hex_pairs(v, vn) || gpg_key_id(v, vn))) ||
        (kind != PII_KEY_PASSWORD && (made_up_run(v, vn) || ew__pii_made_up(v, vn))))
        return 0;
    bool space = memchr(v, ' ', vn) != NULL;
    switch (kind) {
    case PII_KEY_PASSWORD:
        if (vn >= 4 && (quoted || vn >= 6)) return 0.9f;
        if (vn >= 4 && quoted) return 0.7f;
        return vn >= 4 ? 0.7f : 0;
    case PII_KEY_SECRET:
        if (vn >= 8 && !space &&
            (random_looking(v, vn) || (vn >= 16 && ew__pii_entropy(v, vn) >= 2.5)))
            return 0.9f;
        /* a quoted value; not a sentence ("token_expired": "Your session has expired") */
        if (quoted && vn >= 5 && words_in(v, vn) < 3) return 0.75f;
        break;
    case PII_KEY_KEY:
        /* no key's alphabet has '?' (a query, a template, a mistyped key) */
        if (memchr(v, '?', vn)) return 0;
        if (!space && ((random_looking(v, vn) && vn >= 16) || (vn >= 32 && all_hex(v, vn))))
            return 0.85f;
        break;
    default:
        break;
    }
    if (vn >= 20 && !space && ew__pii_entropy(v, vn) >= 3.5) return 0.7f;
    return 0;
}

float ew__pii_value_score(int kind, const unsigned char *v, size_t vn, bool quoted)
{
    float sc = ew__pii_code_value(kind, v, vn, quoted) ? 0 : value_score(kind, v, vn, quoted);
    /* asked only of values that would count: a host, words in camel case, a version */
    if (sc > 0 && kind != PII_KEY_PASSWORD &&
        (host_name(v, vn) || camel_words(v, vn) || has_version(v, vn)))
        return 0;
    return sc;
}

static bool next_value(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve,
                       bool *quoted);

/* Is vs inside an Amazon Resource Name ("arn:aws:secretsmanager:<region>:
 * <account>:secret:<name>")? Its parts name a resource; none is a key's
 * value, though "secret" and ':' alternate in it. */
static bool in_arn(const unsigned char *s, size_t vs)
{
    size_t b = vs;
    while (b > 0 && vs - b < 256 && !pii_is_space(s[b - 1]) && s[b - 1] != '"' &&
           s[b - 1] != '\'' && s[b - 1] != '=' && s[b - 1] != '(' && s[b - 1] != ',')
        b--;
    return vs - b >= 4 && !memcmp(s + b, "arn:", 4);
}

static bool basic_stand_in(const unsigned char *v, size_t n);

/* A value of a few words whose last is a random token: a label or a scheme
 * before it ("{beamer AQAAABAAA <token>}", "FlyV1 fm2_<token>"). Adds the
 * token; returns its end, or 0. */
static size_t last_word_token(pii_ctx *c, int kind, size_t vs, size_t ve)
{
    const unsigned char *s = c->s;
    if (kind < PII_KEY_KEY || ve - vs > 512 || !memchr(s + vs, ' ', ve - vs)) return 0;
    size_t e = ve;
    while (e > vs && (s[e - 1] == '}' || s[e - 1] == ')' || s[e - 1] == ']'))
        e--;
    size_t b = e, words = 1;
    while (b > vs && s[b - 1] != ' ')
        b--;
    for (size_t k = vs, w = vs; k <= b; k++) { /* the words before: labels, not keys */
        if (k < b && s[k] != ' ') continue;
        if (k > w && k - w >= 16 && random_looking(s + w, k - w)) return 0;
        words += k < b;
        w = k + 1;
    }
    if (words > 4 || e - b < 20 || !random_looking(s + b, e - b) || placeholder(s + b, e - b) ||
        basic_stand_in(s + b, e - b))
        return 0;
    ew__pii_add(c, EW_PII_SECRET, b, e, 0.8f);
    return e;
}

/* A value at [vs, ve) held by a key of this kind: adds it when secret. */
/* A key its provider publishes by design, whose prefix says so: Stripe's
 * publishable keys (pk_live_, pk_test_), Mapbox's public tokens (pk.eyJ). */
static bool public_by_prefix(const unsigned char *v, size_t n)
{
    return n > 8 && v[0] == 'p' && v[1] == 'k' &&
           (!memcmp(v + 2, "_live_", 6) || !memcmp(v + 2, "_test_", 6) ||
            !memcmp(v + 2, ".eyJ", 4));
}

/* A value encrypted at rest, which only its tool's key opens: SOPS's
 * "ENC[AES256_GCM,data:...]", Pulumi's "v1:<nonce>:<ciphertext>", a
 * SealedSecret's entries under "encryptedData:", a Windows DPAPI blob (its
 * fixed header, version 1 and the provider's GUID, in base64: NuGet's and
 * PowerShell's stored passwords, which only the same Windows user opens). */
static bool encrypted_value(const unsigned char *s, size_t vs, size_t ve)
{
    const unsigned char *v = s + vs;
    size_t n = ve - vs;
    if (n > 8 && (!memcmp(v, "ENC[", 4) || (!memcmp(v, "v1:", 3) && memchr(v + 4, ':', n - 4))))
        return true;
    if (n > 40 && !memcmp(v, "AQAAANCMnd8BFdERjHoAwE/Cl+sB", 28)) return true;
    size_t b = vs > 200 ? vs - 200 : 0;
    return pii_contains(s + b, vs - b, "encryptedData:", 14);
}

static size_t add_value(pii_ctx *c, int kind, size_t vs, size_t ve, bool quoted)
{
    if (in_arn(c->s, vs) || public_by_prefix(c->s + vs, ve - vs) || encrypted_value(c->s, vs, ve))
        return 0;
    /* "Pwd={x};" (ODBC quotes a value in braces), "{AQAAAB...=}" (Jenkins'
     * encrypted secrets): a password or key inside; "{name}", "{{x}}" are
     * templates and stay placeholders */
    if (ve - vs >= 3 && c->s[vs] == '{' &&
        (c->s[ve - 1] == '}' || (ve < c->n && c->s[ve] == '}'))) {
        size_t is = vs + 1, ie = ve - (c->s[ve - 1] == '}');
        const unsigned char *v = c->s + is;
        size_t vn = ie - is;
        if (vn && !memchr(v, '{', vn) && !memchr(v, '}', vn) && !memchr(v, ' ', vn) &&
            (strong_password(v, vn) || positional_key(v, vn) || b64_random(v, vn))) {
            ew__pii_add(c, EW_PII_SECRET, is, ie, 0.9f);
            return ie;
        }
    }
    size_t te = ew__pii_secret_token(c->s, ve, vs);
    if (te) {
        ew__pii_add(c, EW_PII_SECRET, vs, te, 0.97f);
        return te;
    }
    float sc = ew__pii_value_score(kind, c->s + vs, ve - vs, quoted);
    if (sc <= 0) return last_word_token(c, kind, vs, ve);
    ew__pii_add(c, EW_PII_SECRET, vs, ve, sc);
    return ve;
}

size_t ew__pii_add_secret_value(pii_ctx *c, int kind, size_t vs, size_t ve, bool quoted)
{
    return add_value(c, kind, vs, ve, quoted);
}

/* Names that say which provider's key they hold: the value must have that
 * provider's documented shape, else it is something else (a digest, an id,
 * a made-up example). AWS secret access keys are 40 base64 characters;
 * Twitch stream keys start with "live_". */
static bool shape_mismatch(const unsigned char *s, size_t i, size_t ke, const unsigned char *v,
                           size_t vn)
{
    if (name_has(s, i, ke, "aws") && name_has(s, i, ke, "secret")) {
        if (vn != 40) return true;
        for (size_t k = 0; k < vn; k++)
            if (!in_alphabet(v[k], AL_B64) || v[k] == '=') return true;
        return false;
    }
    if (name_has(s, i, ke, "twitch") && name_has(s, i, ke, "stream"))
        return vn < 5 || memcmp(v, "live_", 5) != 0;
    return false;
}

/* Azure App Configuration's connection string: "Endpoint=https://<store>
 * .azconfig.io;Id=<key id>;Secret=<key>", the key being base64 of 256 bits
 * (43 characters and '='). In that shape it is the provider's key even when
 * its body looks partly typed by a person: as with a provider's prefix, the
 * shape marks where a real key goes, and a real key with a few characters
 * edited still holds most of its bits. [i, ke) is the key's name. */
static bool azconfig_secret(const unsigned char *s, size_t i, size_t ke, const unsigned char *v,
                            size_t vn)
{
    if (ke - i != 6 || i == 0 || s[i - 1] != ';' || strncasecmp((const char *)s + i, "secret", 6))
        return false;
    if (vn != 44 || v[43] != '=') return false;
    for (size_t k = 0; k < 43; k++)
        if (!in_alphabet(v[k], AL_B64) || v[k] == '=') return false;
    size_t b = i; /* the string's start: its quote, a space or the line's start */
    while (b > 0 && i - b < 300 && !pii_is_space(s[b - 1]) && s[b - 1] != '"' && s[b - 1] != '\'')
        b--;
    return name_has(s, b, i, ".azconfig.io;") && name_has(s, b, i, ";id=");
}

/* Terraform: `variable "db_password" { default = "x" }`: the default takes
 * the variable's name. Returns that name's kind, or PII_KEY_NONE. */
int ew__pii_hcl_default_kind(const unsigned char *s, size_t i)
{
    size_t b = i > 200 ? i - 200 : 0;
    for (size_t k = i; k > b; k--) {
        if (s[k - 1] == '}') return PII_KEY_NONE;
        if (k - 1 + 10 <= i && !memcmp(s + k - 1, "variable \"", 10)) {
            size_t ns = k + 9, ne = ns;
            while (ne < i && s[ne] != '"' && s[ne] != '\n')
                ne++;
            return ne < i && s[ne] == '"' ? ew__pii_key_kind(s, ns, ne) : PII_KEY_NONE;
        }
    }
    return PII_KEY_NONE;
}

size_t ew__pii_scan_block_entry(pii_ctx *c, size_t i, size_t k)
{
    const unsigned char *s = c->s;
    size_t vs, ve, lim = i > 200 ? i - 200 : 0, b = i;
    bool quoted;
    if (!read_value(s, c->n, k, &vs, &ve, &quoted) || !quoted || !positional_key(s + vs, ve - vs))
        return 0;
    for (int depth = 0; b > lim;) { /* the '{' of the block that holds it */
        b--;
        if (s[b] == '}') depth++;
        if (s[b] == '{' && depth-- == 0) break;
    }
    size_t ne = b;
    while (ne > lim && s[ne - 1] == ' ')
        ne--;
    size_t nb = ne;
    while (nb > lim && (pii_is_alnum(s[nb - 1]) || s[nb - 1] == '_' || s[nb - 1] == '-'))
        nb--;
    if (b == lim || s[b] != '{' || nb == ne || !ew__pii_key_kind(s, nb, ne)) return 0;
    return add_value(c, PII_KEY_SECRET, vs, ve, true);
}

size_t ew__pii_scan_yaml_anchor(pii_ctx *c, size_t i, size_t ie)
{
    const unsigned char *s = c->s;
    size_t p = i - 2, vs, ve;
    bool quoted;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    if (p == 0 || (s[p - 1] != ':' && s[p - 1] != '-')) return 0;
    int kind = ew__pii_key_kind(s, i, ie);
    if (!kind && ew__pii_glued_pass(s, i, ie)) kind = PII_KEY_PASSWORD; /* &dbpass */
    if (!kind || !next_value(s, c->n, ie, &vs, &ve, &quoted)) return 0;
    return add_value(c, kind, vs, ve, quoted);
}

size_t ew__pii_scan_assignment(pii_ctx *c, size_t i, size_t ke)
{
    return ew__pii_scan_assignment_as(c, i, ke, ew__pii_key_kind(c->s, i, ke));
}

/* <add key="SmtpPassword" value="x" />, <property name="db.password"
 * value="x"/>: the first attribute names the secret, "value" holds it.
 * [vs, ve) is the first attribute's value. Returns the end of the pair, or 0
 * when it is not one. */
/* The name of the JSON list or object that holds the entry whose first
 * value starts at vs ("apikey": [{"key": ...): its kind, or PII_KEY_NONE. */
static int container_kind(const unsigned char *s, size_t vs)
{
    size_t b = vs, lim = vs > 80 ? vs - 80 : 0;
    while (b > lim && s[b - 1] != '{')
        b--;
    if (b == lim) return PII_KEY_NONE;
    b--; /* the entry's '{' */
    while (b > lim && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '['))
        b--;
    while (b > lim && s[b - 1] == ' ')
        b--;
    if (b <= lim + 2 || s[b - 1] != ':') return PII_KEY_NONE;
    b--;
    while (b > lim && s[b - 1] == ' ')
        b--;
    if (b <= lim + 2 || s[b - 1] != '"') return PII_KEY_NONE;
    size_t ne = --b;
    while (b > lim && s[b - 1] != '"' && ne - b < 40)
        b--;
    return b > lim && s[b - 1] == '"' && ne > b ? ew__pii_key_kind(s, b, ne) : PII_KEY_NONE;
}

static size_t attr_pair(pii_ctx *c, size_t vs, size_t ve, bool yaml)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = ve + !yaml, xs, xe;
    bool quoted;
    /* XML's key="x" value="y"; JSON's "name": "x", "value": "y", also on the
     * next line of pretty-printed JSON (a Postman environment); YAML's "-
     * name: x" with "value: y" on the next line (Azure Pipelines) */
    while (
        k < n && k - ve < 48 &&
        (s[k] == ' ' || s[k] == '\t' || s[k] == ',' || s[k] == '"' || s[k] == '\n' || s[k] == '\r'))
        k++;
    if (k + 6 > n || strncasecmp((const char *)s + k, "value", 5)) return 0;
    size_t sep = k + 5 + (s[k + 5] == '"');
    if (sep >= n || (s[sep] != '=' && s[sep] != ':')) return 0;
    if (!read_value(s, n, sep, &xs, &xe, &quoted) || (!quoted && !yaml)) return 0;
    int kind = ew__pii_key_kind(s, vs, ve);
    /* Postman's "apikey": [{"key": "value", "value": "<key>"}]: an entry
     * with no telling name takes its list's name, for a machine-made value */
    if (!kind && container_kind(s, vs) && positional_key(s + xs, xe - xs)) kind = PII_KEY_SECRET;
    if (!kind) return ve + 1; /* not a secret's name; the value is read as text */
    add_value(c, kind, xs, xe, true);
    return xe;
}

size_t ew__pii_scan_attr_pair(pii_ctx *c, size_t ke)
{
    const unsigned char *s = c->s;
    size_t vs, ve, n = c->n;
    bool quoted;
    if (!read_value(s, n, ke, &vs, &ve, &quoted)) return 0;
    if (quoted) return attr_pair(c, vs, ve, false);
    /* YAML: a bare name alone on its line, the value's key on the next */
    size_t e = ve;
    while (e < n && (s[e] == ' ' || s[e] == '\r'))
        e++;
    return e < n && s[e] == '\n' && ve > vs ? attr_pair(c, vs, ve, true) : 0;
}

/* The value repeats its key's name, or the name's last part: `password =
 * "password"`, `"secret": "secret"`, `AUTH_TOKEN=token`; a template default. */
static bool names_itself(const unsigned char *s, size_t i, size_t ke, const unsigned char *v,
                         size_t vn)
{
    bool screaming = vn >= 4;
    for (size_t k = 0; k < vn && screaming; k++)
        screaming = pii_is_upper(v[k]) || v[k] == '_';
    for (size_t from = i; from < ke; from++) {
        if (from > i && pii_is_alnum(s[from - 1]) &&
            !(pii_is_upper(s[from]) && pii_is_lower(s[from - 1])))
            continue; /* parts start after '_', '-', '.' or at a capital */
        size_t a = from, b = 0;
        while (a < ke && b < vn) {
            if (!pii_is_alnum(s[a])) {
                a++;
                continue;
            }
            if (!pii_is_alnum(v[b])) {
                b++;
                continue;
            }
            if ((s[a] | 32) != (v[b] | 32)) break;
            a++, b++;
        }
        while (b < vn && !pii_is_alnum(v[b])) /* "telegram_api_token = " */
            b++;
        if (b == vn && a == ke) return true;
        /* a part of it as a variable's name: passwordVariable: 'PASSWORD' */
        if (b == vn && screaming && (!pii_is_alnum(s[a]) || pii_is_upper(s[a]))) return true;
    }
    /* "BlindKeySignatures = Ed25519.BlindKeySignatures": a member of that name */
    const unsigned char *dot = vn > 1 ? memrchr(v, '.', vn - 1) : NULL;
    return dot && names_itself(s, i, ke, dot + 1, (size_t)(v + vn - dot - 1));
}

/* An authorization scheme's name: letters, digits and '-', a letter first. */
static bool scheme_word(const unsigned char *s, size_t vs, size_t ve)
{
    if (ve - vs < 2 || ve - vs > 32 || !pii_is_alpha(s[vs])) return false;
    for (size_t k = vs; k < ve; k++)
        if (!pii_is_alnum(s[k]) && s[k] != '-') return false;
    return true;
}

/* Basic credentials whose base64 says "username:password" or holds a
 * placeholder ("user:<token>"): documentation, not a login. */
static bool basic_stand_in(const unsigned char *v, size_t n)
{
    unsigned char plain[192];
    long pl = n <= 256 ? b64_decode(v, n, plain, sizeof plain) : -1;
    const unsigned char *col = pl > 0 ? memchr(plain, ':', (size_t)pl) : NULL;
    if (!col) return false;
    size_t ul = (size_t)(col - plain), wl = (size_t)pl - ul - 1;
    const unsigned char *pw = col + 1;
    return placeholder(pw, wl) || (wl <= 32 && ew__pii_key_kind(pw, 0, wl) != PII_KEY_NONE) ||
           (ul && placeholder(plain, ul) && wl < 4);
}

/* The word before a bare "key" at i says it opens something: "signing key",
 * "API key", "encryption key" (not "cache key", "sort key"). */
static bool qualified_key(const unsigned char *s, size_t i)
{
    static const char *const what[] = {
        "signing", "secret", "private", "api",    "hmac",    "encryption", "decryption", "master",
        "aes",     "access", "session", "shared", "webhook", "license",    "licence",    "auth"};
    size_t e = i;
    while (e > 0 && i - e < 2 && (s[e - 1] == ' ' || s[e - 1] == '-' || s[e - 1] == '_'))
        e--;
    size_t b = e;
    while (b > 0 && e - b < 12 && pii_is_alpha(s[b - 1]))
        b--;
    if (b == e || e == i || (b > 0 && pii_is_alnum(s[b - 1]))) return false;
    for (size_t k = 0; k < sizeof what / sizeof *what; k++)
        if (strlen(what[k]) == e - b && !strncasecmp((const char *)s + b, what[k], e - b))
            return true;
    return false;
}

static bool value_on_next_line(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve);
static bool prose_word(const unsigned char *v, size_t n);
static bool public_before(const unsigned char *s, size_t i);

/* "Password:" ending its line and the value alone on a line below. */
static size_t value_below(pii_ctx *c, size_t ke, int kind)
{
    size_t vs, ve;
    if (!value_on_next_line(c->s, c->n, ke, &vs, &ve)) return 0;
    const unsigned char *v = c->s + vs;
    size_t vn = ve - vs;
    bool word = prose_word(v, vn) || (pii_is_upper(v[0]) && prose_word(v + 1, vn - 1));
    if (kind == PII_KEY_PASSWORD ? vn >= 6 && !word : vn >= 16 && random_looking(v, vn))
        return add_value(c, kind, vs, ve, false);
    return 0;
}

static size_t credential_pair(pii_ctx *c, size_t k);

/* A PowerShell command ("ConvertTo-SecureString", "Read-Host"): capitalised
 * words of letters joined by '-', then its arguments on the line. */
static bool cmdlet_call(const unsigned char *s, size_t n, size_t vs, size_t ve)
{
    size_t parts = 0;
    for (size_t k = vs; k < ve; k++) {
        if (k == vs || s[k - 1] == '-') {
            if (!pii_is_upper(s[k])) return false;
            parts++;
        } else if (!pii_is_alpha(s[k]) && s[k] != '-') {
            return false;
        }
    }
    return parts >= 2 && s[ve - 1] != '-' && ve + 1 < n && s[ve] == ' ' && s[ve + 1] != '\n';
}

size_t ew__pii_scan_assignment_as(pii_ctx *c, size_t i, size_t ke, int kind)
{
    size_t vs, ve;
    bool quoted;
    /* "${DB_PASSWORD:?must be set}": a shell expansion, not an assignment */
    if (i >= 2 && c->s[i - 1] == '{' && c->s[i - 2] == '$') return 0;
    if (!read_value(c->s, c->n, ke, &vs, &ve, &quoted)) return value_below(c, ke, kind);
    /* auth=("user", "password"), credentials: ["user", "password"] */
    if (!quoted && kind >= PII_KEY_SECRET && (c->s[vs] == '(' || c->s[vs] == '['))
        return credential_pair(c, vs);
    if (names_itself(c->s, i, ke, c->s + vs, ve - vs)) return 0;
    if (!quoted && cmdlet_call(c->s, c->n, vs, ve)) return 0; /* $pw = ConvertTo-SecureString "x" */
    /* a bare "key" holding hex or a UUID is a digest, a cache key or a
     * message's key ("cache hit key=af71b5...", a Kafka record's
     * "key=<uuid>"); a named one (api_key, license_key) is a secret */
    if (ke - i == 3 && !strncasecmp((const char *)c->s + i, "key", 3) &&
        (all_hex(c->s + vs, ve - vs) || (ve - vs == 36 && ew__pii_is_uuid(c->s, ve, vs))) &&
        !ew__pii_secret_token(c->s, ve, vs) && !qualified_key(c->s, i))
        return 0;
    if (!ew__pii_secret_token(c->s, ve, vs) && shape_mismatch(c->s, i, ke, c->s + vs, ve - vs))
        return 0;
    if (ew__pii_npm_revoked(c->s, i, ke, c->s + vs, ve - vs) ||
        (kind == PII_KEY_PASSWORD && ew__pii_anonymous_login(c->s, c->n, i, ke, ve)))
        return 0;
    if (azconfig_secret(c->s, i, ke, c->s + vs, ve - vs)) {
        ew__pii_add(c, EW_PII_SECRET, vs, ve, 0.95f);
        return ve;
    }
    /* "Authorization: Bearer <token>", "Basic <base64>", "SSWS <token>", and
     * under an Authorization name any scheme ("SharedKey", "GenieKey", "Bot") */
    static const char *const schemes[] = {"bearer", "basic", "ssws", "token", "digest"};
    const char *v = (const char *)c->s + vs;
    size_t vn = ve - vs;
    bool scheme = !quoted && name_has(c->s, i, ke, "authorization") && scheme_word(c->s, vs, ve);
    for (size_t k = 0; k < sizeof schemes / sizeof schemes[0] && !scheme; k++)
        scheme = vn == strlen(schemes[k]) && !strncasecmp(v, schemes[k], vn);
    bool basic = vn == 5 && !strncasecmp(v, "basic", 5);
    if (scheme && ve < c->n && c->s[ve] == ' ' && next_value(c->s, c->n, ve, &vs, &ve, &quoted)) {
        if (basic && basic_stand_in(c->s + vs, ve - vs)) return 0;
        if (ve - vs < 8 || placeholder(c->s + vs, ve - vs)) return 0;
        ew__pii_add(c, EW_PII_SECRET, vs, ve, 0.9f);
        return ve;
    }
    return add_value(c, kind, vs, ve, quoted);
}

/* The token or quoted string at k (after spaces on the same line). */
/* A mark set around a value in chat at k: an emoji (U+1F000 and up) or an
 * arrow, dingbat or other symbol (U+2190..U+2BFF) and the spaces after it;
 * its end, or k. */
static size_t skip_marks(const unsigned char *s, size_t n, size_t k)
{
    size_t p = k;
    for (;;) {
        if (p + 3 < n && s[p] == 0xF0 && s[p + 1] == 0x9F)
            p += 4;
        else if (p + 2 < n && s[p] == 0xE2 && s[p + 1] >= 0x86 && s[p + 1] <= 0xAF)
            p += 3;
        else if (p + 2 < n && s[p] == 0xEF && s[p + 1] == 0xB8 && s[p + 2] == 0x8F)
            p += 3; /* the emoji presentation selector */
        else
            break;
    }
    if (p == k || p >= n || s[p] != ' ') return k;
    while (p < n && s[p] == ' ')
        p++;
    return p;
}

/* Quotes of prose around a value: « », “ ”, ‘ ’. The length of
 * the opening one at k and its closing one in *close, or 0. */
static size_t prose_quote(const unsigned char *s, size_t n, size_t k, const char **close)
{
    if (k + 1 < n && s[k] == 0xC2 && s[k + 1] == 0xAB) {
        *close = "\xc2\xbb";
        return 2;
    }
    if (k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x80 && (s[k + 2] == 0x9C || s[k + 2] == 0x98)) {
        *close = s[k + 2] == 0x9C ? "\xe2\x80\x9d" : "\xe2\x80\x99";
        return 3;
    }
    return 0;
}

static bool next_value(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve,
                       bool *quoted)
{
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    k = skip_marks(s, n, k); /* "password 👉 x 👈" */
    if (k >= n) return false;
    const char *close;
    size_t ql = prose_quote(s, n, k, &close); /* "« x »", "“x”" */
    if (ql) {
        size_t b = k + ql, cl = strlen(close);
        while (b < n && s[b] == ' ')
            b++;
        size_t e = b;
        while (e < n && !pii_is_space(s[e]) && e - b < 256 &&
               (e + cl > n || memcmp(s + e, close, cl)))
            e++;
        *quoted = true;
        *vs = b;
        *ve = e;
        return e > b;
    }
    *quoted = s[k] == '"' || s[k] == '\'';
    size_t e;
    if (*quoted) {
        unsigned q = s[k++];
        e = k;
        while (e < n && s[e] != q && s[e] != '\n' && e - k < 256)
            e++;
        if (e < n ? s[e] != q : e - k < 8) return false; /* a long value cut by the end */
    } else {
        e = k;
        while (e < n && !pii_is_space(s[e]) && s[e] != '"' && s[e] != '\'' && s[e] != ')' &&
               s[e] != ',' && s[e] != ';' && e - k < 256)
            e++;
    }
    *vs = k;
    *ve = e;
    return e > k;
}

/* Space-separated forms: "password pass123" (netrc), "password 'x'",
 * "the password is 'Secret123'", "unseal <key>", "Bearer <token>". */
/* A short identifier that names a secret ("password secret", "token
 * api_key"): a name, not a value. Long values (a token) are not names, and
 * reading them as one would cost a pass per listed word. */
static bool names_a_secret(const unsigned char *s, size_t vs, size_t ve)
{
    for (size_t k = vs; k < ve; k++)
        if (s[k] == ':' || s[k] == '=') { /* "secret key:x": the name before it */
            ve = k;
            break;
        }
    return ve > vs && ve - vs <= 32 && ew__pii_key_kind(s, vs, ve) != PII_KEY_NONE;
}

/* A word of prose: small letters (any Latin script), maybe followed by
 * sentence punctuation ("vergessen?", "für", "expired."). */
static bool prose_word(const unsigned char *v, size_t n)
{
    while (n && (v[n - 1] == '.' || v[n - 1] == ',' || v[n - 1] == '?' || v[n - 1] == '!' ||
                 v[n - 1] == ':' || v[n - 1] == ';'))
        n--;
    if (n == 0) return true;
    for (size_t k = 0; k < n; k++) {
        if (pii_is_lower(v[k])) continue;
        if (v[k] >= 0xC3 && v[k] <= 0xC5 && k + 1 < n && (v[k + 1] & 0xC0) == 0x80) {
            k++; /* a Latin letter with a diacritic; "Ä" too, rare inside a word */
            continue;
        }
        /* a letter of another script (Greek, Cyrillic, Hebrew, Arabic,
         * Devanagari, Thai, CJK): passwords are typed in ASCII */
        size_t l = v[k] >= 0xCE && v[k] < 0xE0 ? 2 : v[k] >= 0xE0 && v[k] < 0xF0 ? 3 : 0;
        if (l && k + l <= n && (v[k + 1] & 0xC0) == 0x80 && (l == 2 || (v[k + 2] & 0xC0) == 0x80) &&
            !(v[k] == 0xE3 && v[k + 1] == 0x80) && !(v[k] == 0xEF && v[k + 1] >= 0xBC)) {
            k += l - 1;
            continue;
        }
        return false;
    }
    return true;
}

/* " is ", " es ", " lautet: " ... at k (a space): the end of the copula and
 * its optional ':', or 0. */
static size_t copula_end(const unsigned char *s, size_t lim, size_t k)
{
    static const char *const copulas[] = {
        "is", "es", "est", "ist", "lautet", "was", "era", "jest", "\xc3\xa8", "\xc3\xa9",
        "\xc3\xa4r", "er", "sont", "are", "to", "->", "=>", "\xe2\x86\x92",
        /* Hindi and Urdu in Latin letters, Indonesian and Malay, Romanian,
         * Vietnamese (là), Russian (это) */
        "hai", "hain", "adalah", "ialah", "yaitu", "este", "l\xc3\xa0", "\xd1\x8d\xd1\x82\xd0\xbe",
        /* Swahili, Tagalog, Hausa, French "c'est", dashes, Czech and Finnish,
         * Latvian and Lithuanian, Zulu ("says"), Bulgarian */
        "je", "on", "ni", "ay", "ir", "yra", "ithi", "\xd0\xb5", "ce", "c'est",
        "c\xe2\x80\x99"
        "est",
        "\xe2\x80\x94", "\xe2\x80\x93",
        /* Hebrew היא/הוא, Greek είναι, Arabic هي/هو */
        "\xd7\x94\xd7\x99\xd7\x90", "\xd7\x94\xd7\x95\xd7\x90",
        "\xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9", "\xd9\x87\xd9\x8a", "\xd9\x87\xd9\x88"};
    /* a colon ends the label: "token de acceso: x", "jeton d'accès : x" */
    size_t p = s[k] == ' ' && k + 1 < lim && s[k + 1] == ':' ? k + 1 : k;
    if (s[p] == ':' && p + 1 < lim && s[p + 1] == ' ') return p + 2;
    if (s[k] != ' ' || k + 1 >= lim) return 0;
    for (size_t w = 0; w < sizeof copulas / sizeof copulas[0]; w++) {
        if (s[k + 1] != (unsigned char)copulas[w][0]) continue;
        size_t l = strlen(copulas[w]), e = k + 1 + l;
        if (e >= lim || memcmp(s + k + 1, copulas[w], l)) continue;
        if (s[e] == ':') e++;
        if (e < lim && s[e] == ' ') return e;
    }
    return 0;
}

/* The rest of the line from k ends with ':'; the next line that is not
 * blank (at most two blank lines apart) holds one token: [*vs, *ve). */
static bool value_on_next_line(const unsigned char *s, size_t n, size_t k, size_t *vs, size_t *ve)
{
    size_t lim = k + 100 < n ? k + 100 : n, e = k;
    while (e < lim && s[e] != '\n')
        e++;
    if (e >= lim) return false;
    size_t b = e;
    while (b > k && (s[b - 1] == ' ' || s[b - 1] == '\r' || s[b - 1] == '\t'))
        b--;
    if (b == k || s[b - 1] != ':') return false;
    int blank = 0;
    size_t p = e + 1;
    for (;;) {
        while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r'))
            p++;
        if (p >= n || s[p] != '\n') break;
        if (++blank > 2) return false;
        p++;
    }
    size_t q = p;
    while (q < n && !pii_is_space(s[q]) && q - p < 256)
        q++;
    size_t r = q;
    while (r < n && (s[r] == ' ' || s[r] == '\t' || s[r] == '\r'))
        r++;
    if (q == p || (r < n && s[r] != '\n')) return false; /* one token, then the line ends */
    *vs = p;
    *ve = q;
    return true;
}

static bool ident_like(const unsigned char *v, size_t n);

/* Only the characters of keys: letters, digits and "-_+/=.~" (no link, no
 * markup: "Plugin](https://wiki...)" is text). */
static bool key_chars(const unsigned char *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!pii_is_alnum(v[i]) && !strchr("-_+/=.~", v[i])) return false;
    return !pii_contains(v, n, "//", 2);
}

/* A value only a password looks like: 8 to 64 characters with a letter, a
 * digit and a symbol of those passwords take ("Orchid81038%", "Quill@97");
 * not an address ("root@10.0.0.1", "a@b.io"), a path or a version. */
static bool strong_password(const unsigned char *v, size_t n)
{
    bool letter = false, digit = false, symbol = false;
    if (n < 8 || n > 64 || v[0] == '/') return false;
    const unsigned char *at = memchr(v, '@', n);
    if (at && memchr(at, '.', n - (size_t)(at - v))) return false;
    for (size_t k = 0; k < n; k++) {
        if (pii_is_alpha(v[k]))
            letter = true;
        else if (pii_is_digit(v[k]))
            digit = true;
        else if (v[k] >= 0xC3 && v[k] <= 0xC5 && k + 1 < n && (v[k + 1] & 0xC0) == 0x80)
            letter = true, k++; /* a Latin letter with a diacritic: "Gökyüzü#77" */
        else if (strchr("!#$%&*+=?@^~", v[k]))
            symbol = true;
        else if (!strchr("-_.", v[k]))
            return false;
    }
    return letter && digit && symbol;
}

/* "session=<uuid>": a value with its own name, which decides what it is;
 * '=' only at the end pads base64. */
static bool named_value(const unsigned char *v, size_t n)
{
    while (n && v[n - 1] == '=')
        n--;
    return n > 1 && memchr(v + 1, '=', n - 1) != NULL;
}

/* A short word of any script ("for", "від", "пошти", "của"): at most 8 ASCII
 * letters (and '_'), or at most 16 bytes of a word with letters beyond ASCII. */
static bool short_word(const unsigned char *v, size_t n)
{
    if (n <= 8 && ident_like(v, n)) return true;
    bool beyond_ascii = false; /* "від", "của": another script, or Latin with diacritics */
    for (size_t k = 0; k < n && !beyond_ascii; k++)
        beyond_ascii = v[k] >= 0x80;
    return n >= 2 && n <= 16 && beyond_ascii && prose_word(v, n);
}

/* A copula that ends its clause after the value, as Persian and Urdu put it
 * ("رمز عبور سرور x است"), at k: a space, the word, then the end of the
 * clause. */
static bool final_copula(const unsigned char *s, size_t n, size_t k)
{
    /* Persian است and هست, Urdu ہے */
    static const char *const words[] = {"\xd8\xa7\xd8\xb3\xd8\xaa", "\xd9\x87\xd8\xb3\xd8\xaa",
                                        "\xdb\x81\xdb\x92"};
    if (k + 1 >= n || s[k] != ' ') return false;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t l = strlen(words[w]), e = k + 1 + l;
        if (e <= n && !memcmp(s + k + 1, words[w], l) && (e == n || s[e] < 0x80)) return true;
    }
    return false;
}

/* Letters and digits both, as most passwords people choose have them. */
static bool letters_and_digits(const unsigned char *v, size_t n)
{
    bool letter = false, digit = false;
    for (size_t k = 0; k < n; k++) {
        letter |= pii_is_alpha(v[k]) || v[k] >= 0x80;
        digit |= pii_is_digit(v[k]);
    }
    return letter && digit;
}

/* The message or line ends at k: spaces, maybe one '.' or '!', then the end
 * or a line break. */
static bool ends_line(const unsigned char *s, size_t n, size_t k)
{
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (k < n && (s[k] == '.' || s[k] == '!')) k++;
    return k >= n || s[k] == '\n' || s[k] == '\r';
}

/* A machine-made value, or for a password cue a password, after up to three
 * short words that follow a cue ("clave de acceso <key>", "token for the
 * staging api <key>", "mera password hai <password>"); for a password also
 * one that a final copula follows ("رمز عبور سرور x است"), or one of letters
 * and digits that ends the message after words that are not English ("la
 * pasvorto estas Cebu2007": a copula no list holds; "password reset for
 * user123" names a user). */
static size_t key_after_words(pii_ctx *c, size_t k, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs, ve, k0 = k;
    bool quoted;
    for (int w = 0; w < 4 && next_value(s, n, k, &vs, &ve, &quoted) && !quoted; w++) {
        size_t vn = ve - vs;
        if (vn >= 16 && key_chars(s + vs, vn) && random_looking(s + vs, vn) &&
            !named_value(s + vs, vn))
            return add_value(c, PII_KEY_SECRET, vs, ve, false);
        if (kind == PII_KEY_PASSWORD &&
            (strong_password(s + vs, vn) ||
             (vn >= 6 && !prose_word(s + vs, vn) && !ident_like(s + vs, vn) &&
              (final_copula(s, n, ve) || (letters_and_digits(s + vs, vn) && ends_line(s, n, ve) &&
                                          !ew__pii_english_words(s, k0, vs))))))
            return add_value(c, kind, vs, ve, false);
        if (!short_word(s + vs, vn) || w == 3) break; /* not a short word */
        k = ve;
    }
    return 0;
}

/* "changed", "set", "reset": the password was given a new value */
static bool setting_word(const unsigned char *v, size_t n)
{
    static const char *const w[] = {"changed", "set", "reset", "updated", "rotated", "now"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (strlen(w[k]) == n && !strncasecmp((const char *)v, w[k], n)) return true;
    return false;
}

/* "was changed to": the link after a participle that follows the copula */
static bool link_copula(const unsigned char *s, size_t k)
{
    return s[k] == ':' || s[k + 1] == ':' ||
           (s[k + 1] == 't' && s[k + 2] == 'o' && (s[k + 3] == ' ' || s[k + 3] == ':')) ||
           (s[k + 1] == '-' && s[k + 2] == '>') || s[k + 1] == 0xE2;
}

size_t ew__pii_scan_phrase(pii_ctx *c, size_t i, size_t we, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs, ve;
    bool quoted;
    if (public_before(s, i)) return 0; /* "public key <x>": a key that may be shown */
    if (we >= n || s[we] != ' ' || !next_value(s, n, we, &vs, &ve, &quoted)) return 0;
    if (quoted) return add_value(c, kind, vs, ve, true);
    /* "password is 'x'", "password for the user "pyne-user" is "pyne"", "la
     * contraseña del correo es x", "das Passwort lautet: x": the value after a
     * copula, quoted, or for a password any token that is not a word of prose */
    size_t lim = we + 60 < n ? we + 60 : n;
    bool chained = false; /* a participle came after the copula: "was changed to x" */
    for (size_t k = we; k + 4 < lim && s[k] != '\n'; k++) {
        if (s[k] == '.' && s[k + 1] == ' ') break; /* the sentence ended */
        size_t ce = copula_end(s, lim, k);
        if (!ce || (chained && !link_copula(s, k))) continue;
        if (!next_value(s, n, ce, &vs, &ve, &quoted)) break;
        if (quoted) return add_value(c, kind == PII_KEY_NONE ? PII_KEY_SECRET : kind, vs, ve, true);
        /* after a bare colon a password needs more than letters ("password
         * reset for user: JSmith") */
        bool colon = s[ce - 2] == ':';
        /* "was sent to alice@x.io": an address, not the password */
        bool address = chained && (memchr(s + vs, '@', ve - vs) || memchr(s + vs, '/', ve - vs));
        if (kind == PII_KEY_PASSWORD && ve - vs >= 4 && !prose_word(s + vs, ve - vs) &&
            !names_a_secret(s, vs, ve) && !(colon && ident_like(s + vs, ve - vs)) && !address)
            return add_value(c, kind, vs, ve, false);
        if (kind != PII_KEY_PASSWORD && ve - vs >= 16 && random_looking(s + vs, ve - vs))
            return add_value(c, kind, vs, ve, false); /* "the secret is <key>" */
        if (!chained && setting_word(s + vs, ve - vs)) {
            chained = true;
            k = ve - 1;
            continue;
        }
        /* Czech "je" and Finnish "on" are also words of other languages
         * ("password on the server is x"): the sentence may go on */
        if (ce - k == 3 && (!memcmp(s + k + 1, "je", 2) || !memcmp(s + k + 1, "on", 2))) {
            k = ce - 1;
            continue;
        }
        break; /* "the password is incorrect": the sentence said what it is */
    }
    /* "use the following password to log in:\n\n<value>": a label that ends
     * its line, and one token alone on the next line that is not empty */
    if (value_on_next_line(s, n, we, &vs, &ve)) {
        size_t vn = ve - vs;
        /* a word on its own line is more often a heading than a password */
        bool word =
            prose_word(s + vs, vn) || (pii_is_upper(s[vs]) && prose_word(s + vs + 1, vn - 1));
        if (kind == PII_KEY_PASSWORD && vn >= 6 && !word) return add_value(c, kind, vs, ve, false);
        if (kind != PII_KEY_PASSWORD && vn >= 16 && random_looking(s + vs, vn))
            return add_value(c, PII_KEY_SECRET, vs, ve, false);
    }
    if (!next_value(s, n, we, &vs, &ve, &quoted)) return 0;
    size_t vn = ve - vs;
    if (names_a_secret(s, vs, ve)) return 0; /* "password secret": a name, not a value */
    if (kind == PII_KEY_PASSWORD && vn >= 4) {
        /* an ordinary word after "password" is prose ("Passwort vergessen?") */
        if (prose_word(s + vs, vn)) return key_after_words(c, vs, kind);
        return add_value(c, kind, vs, ve, false);
    }
    bool scheme = (we - i == 6 && !strncasecmp((const char *)s + i, "bearer", 6)) ||
                  (we - i == 4 && !strncasecmp((const char *)s + i, "ssws", 4));
    if (scheme && vn >= 8 && !placeholder(s + vs, vn) &&
        !named_value(s + vs, vn)) { /* "token_type=bearer expires_in=3600" */
        ew__pii_add(c, EW_PII_SECRET, vs, ve, 0.9f);
        return ve;
    }
    if (vn >= 16 && random_looking(s + vs, vn) && !named_value(s + vs, vn))
        return add_value(c, PII_KEY_SECRET, vs, ve, false);
    return key_after_words(c, vs, kind);
}

static size_t digits_in(const unsigned char *v, size_t n)
{
    size_t d = 0;
    for (size_t k = 0; k < n; k++)
        d += pii_is_digit(v[k]);
    return d;
}

/* The value named after it: "<key> as the bearer token", "<x> is my
 * password", "<key> was the api key". [i, we) is the cue word; up to three
 * short words and "as", "is" or "was" come before it, and the value before
 * those. Their words and the cue together name the secret ("the cache key"
 * names none). */
size_t ew__pii_scan_value_before(pii_ctx *c, size_t i, size_t we)
{
    const unsigned char *s = c->s;
    size_t p = i, words = we;
    for (int w = 0; w < 4; w++) {
        size_t link = 0; /* where the value ends: before "as", "is", "was" or "(" */
        size_t b = p;
        if (p >= 3 && s[p - 1] == '(' && s[p - 2] == ' ') { /* "<key> (api key)" */
            link = p - 2;
        } else {
            if (p < 2 || s[p - 1] != ' ') return 0;
            b = p - 1;
            while (b > 0 && p - 1 - b < 12 && pii_is_alpha(s[b - 1]))
                b--;
            size_t l = p - 1 - b;
            if (l == 0 || (b > 0 && !pii_is_space(s[b - 1]) && s[b - 1] != '(')) return 0;
            if ((l == 2 && (!memcmp(s + b, "as", 2) || !memcmp(s + b, "is", 2))) ||
                (l == 3 && !memcmp(s + b, "was", 3)))
                link = b >= 2 ? b - 1 : 0;
        }
        if (link) {
            int kind = ew__pii_key_kind(s, p, words);
            if (kind == PII_KEY_NONE) return 0;
            size_t ve = link, vs = ve;
            while (vs > 0 && !pii_is_space(s[vs - 1]) && ve - vs < 256)
                vs--;
            size_t vn = ve - vs;
            if (!(vn >= 16 && key_chars(s + vs, vn) && random_looking(s + vs, vn) &&
                  digits_in(s + vs, vn) >= 2) &&
                !(kind == PII_KEY_PASSWORD && strong_password(s + vs, vn)))
                return 0;
            return add_value(c, kind, vs, ve, false) ? we : 0;
        }
        p = b;
    }
    return 0;
}

size_t ew__pii_scan_compared(pii_ctx *c, size_t i, size_t ie)
{
    const unsigned char *s = c->s;
    size_t b = i; /* the whole name: "my_super_password", "cfg.password" */
    while (b > 0 && i - b < 64 && (pii_is_alnum(s[b - 1]) || s[b - 1] == '_' || s[b - 1] == '.'))
        b--;
    if (b < 6 || s[b - 1] != ' ') return 0;
    size_t o = b - 1; /* the operator [o, b - 1): "==", "!=", "===", "!==" */
    while (o > 0 && b - 1 - o < 4 && (s[o - 1] == '=' || s[o - 1] == '!'))
        o--;
    size_t ol = b - 1 - o;
    static const char *const ops[] = {"==", "!=", "===", "!=="};
    bool op = false;
    for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
        op |= strlen(ops[k]) == ol && !memcmp(s + o, ops[k], ol);
    if (!op) return 0;
    if (o < 4 || s[o - 1] != ' ' || (s[o - 2] != '"' && s[o - 2] != '\'')) return 0;
    unsigned q = s[o - 2];
    size_t ve = o - 2, vs = ve;
    while (vs > 0 && s[vs - 1] != q && s[vs - 1] != '\n' && ve - vs < 256)
        vs--;
    if (vs == 0 || s[vs - 1] != q || vs == ve || secret_name(s + vs, ve - vs, false)) return 0;
    int kind = ew__pii_key_kind(s, b, ie);
    if (kind == PII_KEY_NONE) return 0;
    return add_value(c, kind, vs, ve, true);
}

/* A session cookie in a Cookie or Set-Cookie header ("Cookie: a=1;
 * sessionid=<x>", a HAR's {"name": "Cookie", "value": "sessionid=<x>"}, a
 * headers dict's 'Cookie': '...'): [i, e) is the cookie's name. A session id
 * is a bearer credential there; elsewhere (a log's "session=<uuid>") an id. */
bool ew__pii_cookie_session(const unsigned char *s, size_t i, size_t e)
{
    if (!(name_has(s, i, e, "sess") || (e - i == 3 && !strncasecmp((const char *)s + i, "sid", 3))))
        return false;
    size_t b = i > 300 ? i - 300 : 0;
    const unsigned char *nl = memrchr(s + b, '\n', i - b);
    if (nl) b = (size_t)(nl - s) + 1;
    while (b < i && (s[b] == ' ' || s[b] == '\t' || s[b] == '-' || s[b] == '"' || s[b] == '\''))
        b++; /* curl -H 'Cookie: ...' */
    if (i - b >= 7 && !strncasecmp((const char *)s + b, "cookie:", 7)) return true;
    if (i - b >= 11 && !strncasecmp((const char *)s + b, "set-cookie:", 11)) return true;
    static const char *const header[] = {"Cookie: ", "cookie: ", "Cookie\"",
                                         "cookie\"", "Cookie'",  "cookie'"};
    for (size_t k = 0; k < sizeof header / sizeof *header; k++)
        if (pii_contains(s + b, i - b, header[k], strlen(header[k]))) return true;
    return false;
}

/* "public key", "publishable key": the word before the cue at i says the
 * key may be shown. */
static bool public_before(const unsigned char *s, size_t i)
{
    if (i >= 12 && s[i - 1] == ' ' && !strncasecmp((const char *)s + i - 12, "publishable", 11))
        return true;
    return i >= 7 && s[i - 1] == ' ' && !strncasecmp((const char *)s + i - 7, "public", 6);
}

/* A line that ends with a cue word ("untrusted comment: minisign encrypted
 * secret key") and one key alone on the next line. [i, e) is the cue word. */
size_t ew__pii_scan_value_line(pii_ctx *c, size_t i, size_t e)
{
    const unsigned char *s = c->s;
    size_t n = c->n, p = e;
    if (public_before(s, i)) return 0;
    while (p < n && (s[p] == '\r' || s[p] == ' '))
        p++;
    if (p >= n || s[p] != '\n') return 0;
    size_t vs = ++p;
    while (p < n && !pii_is_space(s[p]) && p - vs < 1024)
        p++;
    size_t vn = p - vs;
    if ((p < n && s[p] != '\n' && s[p] != '\r') || vn < 32 ||
        !(b64_random(s + vs, vn) || positional_key(s + vs, vn)))
        return 0;
    ew__pii_add(c, EW_PII_SECRET, vs, p, 0.9f);
    return p;
}

/* A cue, a comma and a few words before a colon ("the service token, do not
 * share: <key>", "password, the new one: <x>"): the value after the colon,
 * machine-made or for a password a strong one. k is the comma. */
size_t ew__pii_scan_after_clause(pii_ctx *c, size_t k, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, lim = k + 48 < n ? k + 48 : n, vs, ve;
    bool quoted;
    for (size_t p = k + 1; p + 1 < lim && s[p] != '\n' && s[p] != '.'; p++) {
        if (s[p] != ':' || s[p + 1] != ' ') continue;
        if (!next_value(s, n, p + 1, &vs, &ve, &quoted)) return 0;
        size_t vn = ve - vs;
        if (positional_key(s + vs, vn) || b64_random(s + vs, vn) ||
            (vn >= 32 && all_hex(s + vs, vn)) || /* a hex token: 32 or more digits */
            (kind == PII_KEY_PASSWORD &&
             (strong_password(s + vs, vn) || random_looking(s + vs, vn))))
            return add_value(c, kind, vs, ve, quoted);
        return 0;
    }
    return 0;
}

/* A user name or an address before a password: letters, digits and
 * ". _ - @ +", a letter or digit first. */
static bool user_part(const unsigned char *v, size_t n)
{
    if (n == 0 || n > 64 || !pii_is_alnum(v[0])) return false;
    for (size_t k = 0; k < n; k++)
        if (!pii_is_alnum(v[k]) && !strchr("._-@+", v[k])) return false;
    return true;
}

/* A digest's label before its value: "h1:<base64>" (go.sum), "SHA256:<base64>"
 * (a key fingerprint), "sha512:<hex>". */
static bool digest_label(const unsigned char *v, size_t n)
{
    static const char *const algos[] = {"h1",     "md5",    "sha1",    "sha224",  "sha256",
                                        "sha384", "sha512", "sha3",    "blake2b", "blake3",
                                        "xxh64",  "crc32",  "sha-256", "sha-512"};
    for (size_t k = 0; k < sizeof algos / sizeof *algos; k++)
        if (strlen(algos[k]) == n && !strncasecmp((const char *)v, algos[k], n)) return true;
    return false;
}

/* A tag that starts with a version ("2.2.2+build.81150", "v1.25.4-alpine"):
 * an image or a package at that version ("registry/api:<tag>"). */
static bool version_tag(const unsigned char *v, size_t n)
{
    size_t k = n && (v[0] == 'v' || v[0] == 'V');
    size_t e = k;
    while (e < n && (pii_is_digit(v[e]) || v[e] == '.'))
        e++;
    return e > k && pii_is_digit(v[k]) && has_version(v + k, e - k);
}

/* A password, a key or a crypt hash held by a credential pair. */
static bool pair_secret(const unsigned char *v, size_t n)
{
    if (version_tag(v, n)) return false;
    return strong_password(v, n) || positional_key(v, n) || mixed_alnum(v, n) ||
           (n > 6 && v[0] == '$' && memchr(v + 1, '$', n - 1) && !memchr(v, '/', 3));
}

/* A credential pair as one token, without a URL around it: "user:password"
 * (Bundler's config, Postfix's sasl_passwd, chpasswd, HTTPie's -a),
 * "<key id>:<secret>" (Ably), "user/password@db" (Oracle's EZConnect). The
 * token is [i, e); the secret's end or 0. */
size_t ew__pii_scan_user_pair(pii_ctx *c, size_t i, size_t e)
{
    const unsigned char *s = c->s;
    /* a pair starts a token: not "l2-s0:x" inside "Xy7q-l2-s0:x", nor the
     * tail of Pulumi's "v1:<nonce>:<ciphertext>" */
    if (i > 0 && (pii_is_alnum(s[i - 1]) || strchr("._-@+/", s[i - 1]))) return 0;
    /* SOPS's "ENC[AES256_GCM,data:<x>,iv:<x>,tag:<x>]": fields of a value
     * encrypted at rest, each after a ',' */
    if (i > 0 && s[i - 1] == ',') {
        size_t ls = pii_line_start(s, i, 256);
        if (pii_contains(s + ls, i - ls, "ENC[", 4)) return 0;
    }
    /* "Id=<id>:<part>": the value of a name that says id is an id */
    if (i >= 3 && (s[i - 1] == '=' || s[i - 1] == ':') && (s[i - 2] | 32) == 'd' &&
        (s[i - 3] | 32) == 'i' && (i == 3 || !pii_is_alpha(s[i - 4]) || pii_is_lower(s[i - 4])))
        return 0;
    const unsigned char *col = memchr(s + i, ':', e - i);
    if (col) {
        size_t cs = (size_t)(col - s) + 1;
        if (cs < e && !memchr(s + cs, ':', e - cs) && !memchr(s + cs, '/', e - cs) &&
            user_part(s + i, cs - 1 - i) && !digest_label(s + i, cs - 1 - i) &&
            pair_secret(s + cs, e - cs)) {
            if (s[cs] == '$' && ew__pii_scan_pwhash(c, cs)) return e; /* htpasswd, shadow */
            return add_value(c, PII_KEY_PASSWORD, cs, e, false) ? e : 0;
        }
    }
    const unsigned char *sl = memchr(s + i, '/', e - i);
    if (!sl) return 0;
    size_t ps = (size_t)(sl - s) + 1, at = ps;
    while (at < e && s[at] != '@' && s[at] != '/')
        at++;
    if (at >= e || s[at] != '@' || !user_part(s + i, ps - 1 - i) || !pair_secret(s + ps, at - ps))
        return 0;
    return add_value(c, PII_KEY_PASSWORD, ps, at, false) ? e : 0;
}

/* A command that logs in ("login", "auth", "authorize-account",
 * "authenticate") at [i, we): the word's first part says so. */
bool ew__pii_auth_verb(const unsigned char *s, size_t i, size_t we)
{
    static const char *const verbs[] = {"login",     "signin",       "logon",    "auth",
                                        "authorize", "authenticate", "authorise"};
    size_t e = i;
    while (e < we && pii_is_alpha(s[e]))
        e++;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (pii_word_is(s + i, e - i, verbs[k])) return true;
    return false;
}

/* A key in an argument list or on a command line: 16 or more key
 * characters, random, with digits; no path, host or address ('/', '.'), no
 * "name=value" (its name decides), no digest (hex only). */
static bool positional_key(const unsigned char *v, size_t n)
{
    size_t body = n;
    while (body > 0 && v[body - 1] == '=')
        body--;
    return n >= 16 && key_chars(v, n) && (!memchr(v, '/', n) || b64_random(v, n)) &&
           !memchr(v, '.', n) && !memchr(v, '=', body) && !all_hex(v, n) && random_looking(v, n) &&
           digits_in(v, n) >= 2;
}

/* A command that sets a user's password ("add_user", "create-user",
 * "set_user_password") at [i, e): "user" and a verb that makes or changes. */
bool ew__pii_user_command(const unsigned char *s, size_t i, size_t e)
{
    static const char *const verbs[] = {"add", "create", "set", "change", "new", "update"};
    if (e - i > 32 || !name_has(s, i, e, "user")) return false;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (name_has(s, i, e, verbs[k])) return true;
    return false;
}

/* Nothing but blanks after k up to the end of its line. */
static bool sole_argument(const unsigned char *s, size_t n, size_t k)
{
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
        k++;
    return k == n || s[k] == '\n';
}

/* A password as people type one that a directive takes as its only
 * argument ("requirepass marmot-kestrel-87", "requirepass Pq#xWmYJ!%iVz"):
 * six or more printable characters with a digit or a symbol, not a
 * stand-in. */
static bool typed_password(const unsigned char *v, size_t n)
{
    size_t marks = 0;
    if (n < 6 || n > 64) return false;
    for (size_t k = 0; k < n; k++) {
        if (v[k] <= ' ' || v[k] >= 0x7F) return false;
        marks += !pii_is_alpha(v[k]) && v[k] != '-' && v[k] != '_';
    }
    return marks && !placeholder(v, n);
}

/* Credentials given by position after a login command or a password
 * directive ("b2 authorize-account <key id> <key>", "login <token>",
 * "requirepass <password>"): of the next three arguments on the line (flags
 * skipped), each that is a key or, for a password, a strong password.
 * Returns the end of the last. */
size_t ew__pii_scan_positional(pii_ctx *c, size_t k, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs, ve, last = 0;
    bool quoted;
    for (int w = 0; w < 3 && next_value(s, n, k, &vs, &ve, &quoted); w++, k = ve + quoted) {
        if (s[vs] == '-') continue;
        size_t vn = ve - vs;
        bool password =
            kind == PII_KEY_PASSWORD &&
            (strong_password(s + vs, vn) ||
             (vn >= 16 && key_chars(s + vs, vn) && random_looking(s + vs, vn)) ||
             (w == 0 && sole_argument(s, n, ve + quoted) && typed_password(s + vs, vn)));
        if ((password || positional_key(s + vs, vn)) && add_value(c, kind, vs, ve, quoted))
            last = ve + quoted;
    }
    return last;
}

/* Printable ASCII other than quotes and brackets: a bare password. */
static bool key_chars_or_symbols(const unsigned char *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (v[k] <= ' ' || v[k] >= 0x7F || strchr("\"'`()<>[]{}", v[k])) return false;
    return true;
}

size_t ew__pii_scan_quoted_password(pii_ctx *c, size_t k)
{
    size_t vs, ve;
    bool quoted;
    if (!next_value(c->s, c->n, k, &vs, &ve, &quoted)) return 0;
    /* Oracle takes it bare ("IDENTIFIED BY kaW1TN8#1G1vy"); a bare word is
     * a keyword or a name ("IDENTIFIED BY VALUES '...'", ":pw") */
    const unsigned char *v = c->s + vs;
    size_t vn = ve - vs;
    if (!quoted &&
        (vn < 6 || prose_word(v, vn) || ident_like(v, vn) || !key_chars_or_symbols(v, vn)))
        return 0;
    return add_value(c, PII_KEY_PASSWORD, vs, ve, quoted);
}

/* A key at k after the key emoji (🔑, 🔐, 🗝): "here you go 🔑 <key>", a
 * password or a machine-made key after up to three short words. */
size_t ew__pii_scan_key_emoji(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    if (i + 4 >= c->n || s[i] != 0xF0 || s[i + 1] != 0x9F ||
        !((s[i + 2] == 0x94 && (s[i + 3] == 0x91 || s[i + 3] == 0x90)) ||
          (s[i + 2] == 0x97 && s[i + 3] == 0x9D)))
        return 0;
    size_t k = i + 4;
    if (k + 2 < c->n && s[k] == 0xEF && s[k + 1] == 0xB8 && s[k + 2] == 0x8F) k += 3;
    if (k >= c->n || (s[k] != ' ' && s[k] != ':')) return 0;
    return key_after_words(c, k + (s[k] == ':'), PII_KEY_PASSWORD);
}

/* A plain identifier ("first_name", "userEmail"): letters and '_' only. */
static bool ident_like(const unsigned char *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!pii_is_alpha(v[k]) && v[k] != '_') return false;
    return true;
}

/* A quoted key name as one argument and its value as the next:
 * buildConfigField('String', 'API_KEY', '"x"'), setProperty("sonar.login", "x").
 * Argument lists also hold plain field names ('password', 'email'), so the
 * value must look machine-made. [i, ke) is the name; the ',' is at k. */
/* A named argument's label at k ("defaultValue: ", "default="): where its
 * value starts, or k. */
static size_t named_arg(const unsigned char *s, size_t n, size_t k)
{
    size_t a = k;
    while (a < n && a - k < 4 && s[a] == ' ')
        a++;
    size_t l = a;
    while (l < n && l - a < 24 && (pii_is_alnum(s[l]) || s[l] == '_'))
        l++;
    if (l == a || !pii_is_alpha(s[a]) || l + 1 >= n) return k;
    if ((s[l] == ':' && s[l + 1] == ' ') || (s[l] == '=' && s[l + 1] != '=')) return l + 1;
    return k;
}

size_t ew__pii_scan_pair(pii_ctx *c, size_t i, size_t ke, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs, ve, a;
    bool quoted;
    if (k + 1 >= n) return 0;
    if (s[k] == ',')
        a = named_arg(s, n, k + 1); /* fromEnvironment('API_SECRET', defaultValue: 'x') */
    else if (s[k] == ' ')
        a = k + 1; /* setx "API_SECRET" "x": a quoted name, then its quoted value */
    else if ((s[k] == '|' || s[k] == '?') && s[k + 1] == s[k])
        a = k + 2; /* process.env.API_KEY || 'x': the fallback literal */
    else
        return 0;
    if (!next_value(s, n, a, &vs, &ve, &quoted) || !quoted) return 0;
    if (ve - vs >= 2 && (s[vs] == '"' || s[vs] == '\'') && s[ve - 1] == s[vs]) {
        vs++; /* '"x"': a string literal written inside a string */
        ve--;
    }
    int kind = ew__pii_key_kind(s, i, ke);
    size_t vn = ve - vs;
    if (!kind || placeholder(s + vs, vn)) return 0;
    size_t te = ew__pii_secret_token(s, ve, vs);
    if (te) {
        ew__pii_add(c, EW_PII_SECRET, vs, te, 0.97f);
        return te;
    }
    /* a password is a person's: any token that is not a plain word will do
     * (define('DB_PASSWORD', 'zephyr9253!')); other keys must look machine-made */
    bool person =
        kind == PII_KEY_PASSWORD && vn >= 6 && !prose_word(s + vs, vn) && !ident_like(s + vs, vn);
    /* a fallback ("|| 'not-set'") is mostly a stand-in: a strong password only */
    if (s[k] != ',' && s[k] != ' ')
        person = kind == PII_KEY_PASSWORD && strong_password(s + vs, vn);
    if (memchr(s + vs, ' ', vn) ||
        !(person || (vn >= 16 && random_looking(s + vs, vn)) || (vn >= 32 && all_hex(s + vs, vn))))
        return 0;
    ew__pii_add(c, EW_PII_SECRET, vs, ve, 0.85f);
    return ve;
}

/* A verb whose argument names a secret rather than holds one
 * ("get_secret('db')", "loadToken('ci')", "deleteKey('old')"); with making,
 * also the verbs that make one ("create_secret('db')", "newToken('ci')"). */
static bool lookup_verb_as(const unsigned char *s, size_t i, size_t ie, bool making)
{
    static const char *const verbs[] = {
        "get", "read",     "load",   "fetch",    "find",    "lookup",
        "has", "is",       "del",    "delete",   "remove",  "list",
        "env", "rotate",   "revoke", "describe", "require", /* the making verbs last */ "create",
        "new", "generate", "gen"};
    size_t nv = sizeof verbs / sizeof *verbs - (making ? 0 : 4);
    while (i < ie && (s[i] == '.' || s[i] == '_'))
        i++;
    size_t e = i;
    while (e < ie && pii_is_alpha(s[e]) && (e == i || !pii_is_upper(s[e])))
        e++;
    for (size_t k = 0; k < nv; k++)
        if (pii_word_is(s + i, e - i, verbs[k])) return true;
    return false;
}

/* A call that makes or takes credentials: "NetworkCredential(",
 * "AwsBasicCredentials.create(", "credentials.NewStaticCredentialsProvider(",
 * ".credentials(", "DirectoryEntry(", "HTTPBasicAuth(". */
static bool credential_call(const unsigned char *s, size_t i, size_t ie)
{
    return name_has(s, i, ie, "credential") || name_has(s, i, ie, "directoryentry") ||
           name_has(s, i, ie, "basicauth") || name_has(s, i, ie, "digestauth");
}

size_t ew__pii_scan_init(pii_ctx *c, size_t i, size_t ie, size_t k, int kind)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs, ve;
    bool quoted;
    /* "SheetsApi('<document id>')": a call's "api" says nothing of its argument */
    if (s[k] == '(' && kind == PII_KEY_KEY && !name_has(s, i, ie, "key")) return 0;
    /* a credential's constructor takes several: ew__pii_scan_call_at reads them */
    if (s[k] == '(' && credential_call(s, i, ie)) return 0;
    if (kind == PII_KEY_NONE || lookup_verb_as(s, i, ie, true) ||
        !next_value(s, n, k + 1, &vs, &ve, &quoted) || !quoted)
        return 0;
    size_t after = ve + 1;
    while (after < n && s[after] == ' ')
        after++;
    if (after >= n || (s[after] != ')' && s[after] != '}' && s[after] != ',')) return 0;
    const unsigned char *v = s + vs;
    size_t vn = ve - vs;
    if (ew__pii_secret_token(s, ve, vs)) return add_value(c, kind, vs, ve, true);
    bool person = kind == PII_KEY_PASSWORD && vn >= 6 && !prose_word(v, vn) && !ident_like(v, vn) &&
                  !names_a_secret(s, vs, ve);
    if (memchr(v, ' ', vn) || !(person || (vn >= 16 && key_chars(v, vn) && random_looking(v, vn)) ||
                                (vn >= 32 && all_hex(v, vn))))
        return 0;
    return add_value(c, kind, vs, ve, true);
}

/* The quoted arguments of the list opening at k ('(' or '['): how many, and
 * the last one in [*ls, *le). */
static int last_quoted_arg(const unsigned char *s, size_t n, size_t k, size_t *ls, size_t *le)
{
    size_t lim = k + 300 < n ? k + 300 : n;
    int args = 0;
    if (k >= n || (s[k] != '(' && s[k] != '[')) return 0;
    unsigned close = s[k] == '(' ? ')' : ']';
    for (size_t p = k + 1; p < lim && s[p] != close; p++) {
        if (s[p] == '"' || s[p] == '\'') {
            size_t vs, ve;
            bool quoted;
            if (!next_value(s, n, p, &vs, &ve, &quoted)) return 0;
            args++;
            *ls = vs;
            *le = ve;
            p = ve;
        }
    }
    return args;
}

/* auth=("user", "password"), credentials: ["user", "password"]: a pair whose
 * second member is neither a word ("read", "write") nor a name
 * (SECRETS=("GITHUB_TOKEN" "NPM_TOKEN")). */
static size_t credential_pair(pii_ctx *c, size_t k)
{
    size_t ls = 0, le = 0;
    if (last_quoted_arg(c->s, c->n, k, &ls, &le) != 2 || prose_word(c->s + ls, le - ls) ||
        names_a_secret(c->s, ls, le))
        return 0;
    return add_value(c, PII_KEY_PASSWORD, ls, le, true);
}

/* Twilio's client takes the account SID ("AC" and 32 hex) and then the auth
 * token (32 hex): Client("AC...", "..."). The '(' is at k. */
static size_t twilio_call(pii_ctx *c, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, p = k + 1;
    while (p < n && s[p] == ' ')
        p++;
    if (p + 36 >= n || (s[p] != '"' && s[p] != '\'') || s[p + 1] != 'A' || s[p + 2] != 'C')
        return 0;
    unsigned q = s[p];
    for (size_t h = p + 3; h < p + 35; h++)
        if (!pii_is_hex(s[h])) return 0;
    p += 35;
    if (s[p] != q) return 0;
    p++;
    while (p < n && (s[p] == ' ' || s[p] == ','))
        p++;
    if (p + 33 >= n || s[p] != q || s[p + 33] != q) return 0;
    for (size_t h = p + 1; h < p + 33; h++)
        if (!pii_is_hex(s[h])) return 0;
    ew__pii_add(c, EW_PII_SECRET, p + 1, p + 33, 0.9f);
    return p + 34;
}

/* A key passed by position to a client or a login ("Client(api_key,
 * '<64>')", "B2Api('<id>', '<key>')", "connect(host, '<key>')"): each quoted
 * argument of the list opening at k that is machine-made (no path, no
 * address: those have '/' or '.'). Returns the end of the last one. */
static size_t client_args(pii_ctx *c, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, lim = k + 400 < n ? k + 400 : n, last = 0;
    for (size_t p = k + 1; p < lim && s[p] != ')' && s[p] != '\n'; p++) {
        if (s[p] != '"' && s[p] != '\'') continue;
        size_t vs, ve;
        bool quoted;
        if (!next_value(s, n, p, &vs, &ve, &quoted)) return last;
        size_t vn = ve - vs;
        if (vn >= 24 && positional_key(s + vs, vn) && add_value(c, PII_KEY_SECRET, vs, ve, true))
            last = ve + 1;
        p = ve;
    }
    return last;
}

/* The closing quote of the string literal opening at p, on its line, or lim. */
static size_t literal_end(const unsigned char *s, size_t p, size_t lim)
{
    unsigned q = s[p++];
    while (p < lim && s[p] != q && s[p] != '\n')
        p += s[p] == '\\' ? 2 : 1;
    return p < lim ? p : lim;
}

int ew__pii_call_args(const unsigned char *s, size_t n, size_t k, pii_call_arg *a, int cap)
{
    size_t lim = k + 400 < n ? k + 400 : n, p = k + 1;
    int na = 0;
    while (na < cap) {
        while (p < lim && pii_is_space(s[p]))
            p++;
        if (p >= lim || s[p] == ')') break;
        pii_call_arg *g = &a[na++];
        *g = (pii_call_arg){.vs = p, .ve = p};
        size_t q = p;
        while (q < lim && (pii_is_alnum(s[q]) || s[q] == '_'))
            q++;
        if (q > p && q + 1 < lim && (s[q] == '=' || s[q] == ':') && s[q + 1] != '=' &&
            s[q + 1] != ':') {
            g->named = true; /* password="x", tenant_id: 'x' */
            p = q + 1;
            while (p < lim && s[p] == ' ')
                p++;
        }
        if (p < lim && (s[p] == '"' || s[p] == '\'')) {
            size_t e = literal_end(s, p, lim);
            if (e >= lim) return na - 1;
            g->quoted = true;
            g->vs = p + 1;
            g->ve = e;
            p = e + 1;
        }
        for (int depth = 0; p < lim; p++) { /* on to the ',' or ')' that ends it */
            unsigned ch = s[p];
            if (ch == '"' || ch == '\'')
                p = literal_end(s, p, lim);
            else if (ch == '(' || ch == '[' || ch == '{')
                depth++;
            else if ((ch == ')' || ch == ']' || ch == '}') && depth-- == 0)
                return na;
            else if (ch == ',' && depth == 0)
                break;
        }
        p++;
    }
    return na;
}

/* A Windows domain ("CORP", "CONTOSO-EU": capitals, at most NetBIOS's 15)
 * or a DNS one ("corp.example.com"), as NetworkCredential(user, password,
 * domain) ends. */
static bool domain_like(const unsigned char *v, size_t n)
{
    bool caps = n >= 2 && n <= 15, dns = n >= 4 && memchr(v, '.', n) != NULL;
    for (size_t k = 0; k < n; k++) {
        caps &= pii_is_upper(v[k]) || v[k] == '-';
        dns &= pii_is_lower(v[k]) || pii_is_digit(v[k]) || v[k] == '.' || v[k] == '-';
    }
    return caps || dns;
}

/* An argument that follows a password in a call: a variable, "", a domain
 * or an id (a tenant's UUID). */
static bool beside_password(const unsigned char *s, const pii_call_arg *g)
{
    return !g->quoted || g->ve == g->vs || ew__pii_is_uuid(s, g->ve, g->vs) ||
           domain_like(s + g->vs, g->ve - g->vs);
}

/* The arguments of a credential's constructor or of a login, by position:
 * the user, a key id, the key or the password, a domain or a session token,
 * in each SDK's order (NetworkCredential("u", "p", "CORP"),
 * NewStaticCredentialsProvider("AKIA...", "<key>", ""), MinIO's
 * .credentials("<id>", "<key>"), login("u", "p")). Every key-shaped one of
 * min_key or more characters is a secret, and the password is the last one
 * after the first that is not beside_password: any value for a credential,
 * for a login one that is not a word (login("user", "hunter") is prose).
 * Named arguments are left to their names. Returns the end of the last. */
static size_t credential_args(pii_ctx *c, size_t k, size_t min_key, bool login)
{
    const unsigned char *s = c->s;
    pii_call_arg a[8];
    int na = ew__pii_call_args(s, c->n, k, a, 8), pw = na - 1;
    size_t last = 0;
    bool keyed[8] = {false};
    for (int j = 0; j < na; j++) {
        size_t vn = a[j].ve - a[j].vs;
        if (a[j].quoted && !a[j].named && vn >= min_key && positional_key(s + a[j].vs, vn) &&
            !ew__pii_is_uuid(s, a[j].ve, a[j].vs) &&
            add_value(c, PII_KEY_SECRET, a[j].vs, a[j].ve, true))
            keyed[j] = true, last = a[j].ve + 1;
    }
    while (pw >= 1 && beside_password(s, &a[pw]))
        pw--;
    if (pw < 1 || a[pw].named || keyed[pw]) return last;
    const unsigned char *v = s + a[pw].vs;
    size_t vn = a[pw].ve - a[pw].vs;
    /* withCredentials([string(credentialsId: 'x', variable: 'NPM_TOKEN')]) */
    bool name = names_a_secret(s, a[pw].vs, a[pw].ve);
    if ((name && memchr(v, '_', vn)) || (login && (name || prose_word(v, vn) || ident_like(v, vn))))
        return last;
    if (add_value(c, PII_KEY_PASSWORD, a[pw].vs, a[pw].ve, true)) last = a[pw].ve + 1;
    return last;
}

size_t ew__pii_scan_call_at(pii_ctx *c, size_t i, size_t ie, size_t k)
{
    const unsigned char *s = c->s;
    size_t lp = ie; /* the last part of a dotted name: "Credentials.create" */
    while (lp > i && s[lp - 1] != '.')
        lp--;
    /* "credentials.get('prod', 'default')": a lookup names what it finds */
    if (lookup_verb_as(s, i, ie, false) || lookup_verb_as(s, lp, ie, false)) return 0;
    if (credential_call(s, i, ie)) return credential_args(c, k, 16, false);
    size_t e = twilio_call(c, k);
    /* and a call named "auth" or "authenticate": db.auth("ops", "<password>") */
    if (!e && (name_has(s, i, ie, "login") || name_has(s, i, ie, "logon") ||
               name_has(s, i, ie, "signin") || pii_word_is(s + lp, ie - lp, "auth") ||
               pii_word_is(s + lp, ie - lp, "authenticate")))
        e = credential_args(c, k, 24, true);
    if (!e && (name_has(s, i, ie, "client") || name_has(s, i, ie, "connect")))
        e = client_args(c, k);
    /* Gateway("https://pay.example.com", "<key>"): a service's address and
     * then its key, whatever the call's name */
    pii_call_arg a[2];
    if (!e && ew__pii_call_args(s, c->n, k, a, 2) == 2 && a[0].quoted && !a[0].named &&
        pii_contains(s + a[0].vs, a[0].ve - a[0].vs, "://", 3))
        e = client_args(c, k);
    return e;
}

/* A port or a port mapping: "5432", "8080:80", "127.0.0.1:80:80". */
static bool port_like(const unsigned char *v, size_t n)
{
    if (n == 0 || n > 32 || !pii_is_digit(v[0])) return false;
    size_t run = 0;
    for (size_t k = 0; k < n; k++) {
        if (pii_is_digit(v[k])) {
            if (++run > 5) return false;
        } else if (v[k] == ':' || v[k] == '.') {
            run = 0;
        } else {
            return false;
        }
    }
    return true;
}

/* Does "-p" on the line [b, i) take a password? Next to "-u user" (docker,
 * psexec), or for the tools whose -p is always the password (the mysql and
 * mariadb clients, sshpass, the mongo shells, the archivers zip, 7z and rar);
 * for ssh and psql it is a port. */
static bool p_takes_password(const unsigned char *s, size_t b, size_t i)
{
    static const char *const tools[] = {"mysql", "mariadb", "sshpass", "mongo",
                                        "zip",   "7z",      "rar",     "ssh-keygen"};
    if (pii_contains(s + b, i - b, "-u ", 3) || pii_contains(s + b, i - b, "-U ", 3)) return true;
    for (size_t k = 0; k < sizeof tools / sizeof tools[0]; k++)
        if (name_has(s, b, i, tools[k])) return true;
    return false;
}

/* The start of the line holding i, at most 120 bytes back. */
static size_t line_back(const unsigned char *s, size_t i)
{
    size_t b = i > 120 ? i - 120 : 0;
    const unsigned char *nl_at = memrchr(s + b, '\n', i - b);
    return nl_at ? (size_t)(nl_at - s) + 1 : b;
}

/* A user or group name: small letters, digits, '-', '_' and '.', letters
 * first, at most two digits ("www-data", "svc_sync", "deploy2"). */
static bool user_name_like(const unsigned char *v, size_t n)
{
    size_t digits = 0;
    if (!n || !pii_is_lower(v[0])) return false;
    for (size_t k = 0; k < n; k++) {
        if (pii_is_digit(v[k]))
            digits++;
        else if (!pii_is_lower(v[k]) && v[k] != '-' && v[k] != '_' && v[k] != '.')
            return false;
    }
    return digits <= 2;
}

/* The string PowerShell's -AsPlainText flag at i (its name ending at k)
 * turns into a SecureString: the literal of its command given before it
 * ('"x" | ConvertTo-SecureString -AsPlainText', 'ConvertTo-SecureString
 * -String "x" -AsPlainText') unless a variable comes after that literal,
 * else the first one after it. A command starts after ';', '=', '(' or '{'
 * and ends at those, ')' or '|'; a pipe carries a literal on. */
static size_t plain_text_literal(pii_ctx *c, size_t i, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, ls = 0, le = 0;
    for (size_t p = line_back(s, i); p < i; p++) {
        if (s[p] == '"' || s[p] == '\'') {
            size_t e = literal_end(s, p, i);
            if (e >= i) return 0;
            ls = p + 1, le = e, p = e;
        } else if (s[p] == ';' || s[p] == '=' || s[p] == '(' || s[p] == '{' || s[p] == '$') {
            ls = le = 0; /* a new command, or a variable is the input */
        }
    }
    for (size_t p = k; !le && p < n && p - k < 200; p++) {
        if (s[p] == '"' || s[p] == '\'') {
            size_t e = literal_end(s, p, n);
            if (e >= n) return 0;
            ls = p + 1, le = e;
        } else if (strchr(";=(){}|$\n", s[p])) {
            return 0;
        }
    }
    return le > ls && add_value(c, PII_KEY_PASSWORD, ls, le, true) ? k : 0;
}

/* Command-line flags: "-p pass" (after "-u user"), "--password x",
 * "-Password x", "--api-key x", "--token=x", "-u user:pass". */
size_t ew__pii_scan_flag(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = i;
    while (k < n && s[k] == '-' && k - i < 2)
        k++;
    size_t ns = k;
    while (k < n && (pii_is_alpha(s[k]) || s[k] == '-' || s[k] == '_'))
        k++;
    if (ns == i + 1 && s[ns] == 'p' && ns + 1 < n && !pii_is_space(s[ns + 1]) && s[ns + 1] != '=') {
        /* mysql's "-pSECRET" or "-p'SECRET'" (no space) */
        size_t vs = i + 2, ve;
        bool quoted = s[vs] == '"' || s[vs] == '\'';
        vs += quoted;
        ve = vs;
        while (ve < n && !pii_is_space(s[ve]) && s[ve] != '"' && s[ve] != '\'')
            ve++;
        if (ve - vs < 4 || prose_word(s + vs, ve - vs) || port_like(s + vs, ve - vs) ||
            !p_takes_password(s, line_back(s, i), i))
            return 0;
        return add_value(c, PII_KEY_PASSWORD, vs, ve, quoted);
    }
    if (k - ns == 11 && pii_icase_eq(s + ns, "asplaintext", 11))
        return plain_text_literal(c, i, k); /* ConvertTo-SecureString "x" -AsPlainText */
    if (k == ns || k >= n || (s[k] != ' ' && s[k] != '=')) return 0;
    size_t nl = k - ns;
    int kind = ew__pii_key_kind(s, ns, k);
    /* curl -u user:pass, curl --user user:pass; smbclient -U user%pass */
    bool user = (nl == 1 && (s[ns] == 'u' || s[ns] == 'U')) ||
                (nl == 4 && !memcmp(s + ns, "user", 4) && ns == i + 2);
    if (nl == 1 && (s[ns] == 'a' || s[ns] == 'w')) {
        /* redis-cli -a password; ldapsearch, ldapmodify ... -w password */
        size_t b = line_back(s, i);
        if (!pii_contains(s + b, i - b, s[ns] == 'a' ? "redis-cli" : "ldap", s[ns] == 'a' ? 9 : 4))
            return 0;
        kind = PII_KEY_PASSWORD;
    }
    if (nl == 1 && (s[ns] == 'p' || s[ns] == 'P')) {
        if (!p_takes_password(s, line_back(s, i), i)) return 0;
        kind = PII_KEY_PASSWORD;
    }
    if (nl == 1 && s[ns] == 'N') { /* ssh-keygen -N <new passphrase> */
        size_t b = line_back(s, i);
        if (!pii_contains(s + b, i - b, "ssh-keygen", 10)) return 0;
        kind = PII_KEY_PASSWORD;
    }
    if (kind == PII_KEY_NONE && ((nl == 4 && pii_icase_eq(s + ns, "body", 4)) ||
                                 (nl == 5 && pii_icase_eq(s + ns, "value", 5)))) {
        /* "gh secret set X --body v": the value of a command that sets a secret */
        size_t b = line_back(s, i);
        if (pii_contains(s + b, i - b, "secret", 6)) kind = PII_KEY_SECRET;
    }
    if (kind == PII_KEY_NONE && !user) return 0;
    size_t vs, ve;
    bool quoted;
    if (!next_value(s, n, k + 1, &vs, &ve, &quoted)) return 0;
    if (nl == 1 && (s[ns] == 'p' || s[ns] == 'P') && port_like(s + vs, ve - vs))
        return 0; /* psql -U app -p 5432: a port */
    if (user) {
        /* the user, then the password after ':' (curl), '%' (smbclient) or ','
         * (lftp, ncftp); after ',' a list of users ("ps -u root,www-data")
         * must not read as one, so the password must not be a plain name */
        while (!quoted && ve < n && !pii_is_space(s[ve]) && ve - vs < 256)
            ve++; /* next_value stops at ',' */
        size_t col = vs;
        while (col < ve && s[col] != ':' && s[col] != '%' && s[col] != ',')
            col++;
        if (col == vs || col + 1 >= ve) return 0;
        if (s[col] == ',' && (ve - col - 1 < 6 || prose_word(s + col + 1, ve - col - 1) ||
                              user_name_like(s + col + 1, ve - col - 1)))
            return 0;
        /* "curl -u user:secret ftp://ftp.example.com/": an example, as in a URL */
        if (ew__pii_describing_password(s + col + 1, ve - col - 1) &&
            ew__pii_line_doc_url(s, n, ve))
            return 0;
        return add_value(c, PII_KEY_PASSWORD, col + 1, ve, quoted);
    }
    return add_value(c, kind, vs, ve, quoted);
}

/* "net use" or "net user" (any case) as a command on the line [b, i): the
 * end of its words, or 0; *user says which. */
static size_t net_command(const unsigned char *s, size_t b, size_t i, bool *user)
{
    for (size_t p = b; p + 8 <= i; p++) {
        if ((p > b && !pii_is_space(s[p - 1])) || !pii_icase_eq(s + p, "net use", 7)) continue;
        size_t e = p + 7;
        *user = (s[e] | 32) == 'r';
        e += *user;
        if (e < i && s[e] == ' ') return e;
    }
    return 0;
}

/* The password a Windows "net" command takes by position, read at the '/'
 * of a flag after it: "net use [Z:] \\host\share <password> /user:x",
 * "net use ... /user:x <password>", "net user <name> <password> /add". '*'
 * asks for it instead. */
size_t ew__pii_scan_net_user(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b = line_back(s, i), ts[6], te[6], e = 0, vs, ve;
    bool user, quoted;
    size_t p = net_command(s, b, i, &user);
    if (!p) return 0;
    int nt = 0; /* the arguments before this flag */
    for (; nt < 6; nt++) {
        while (p < i && s[p] == ' ')
            p++;
        if (p >= i) break;
        ts[nt] = p;
        while (p < i && !pii_is_space(s[p]))
            p++;
        te[nt] = p;
    }
    bool share = nt >= 2 && s[ts[nt - 2]] == '\\' && s[ts[nt - 2] + 1] == '\\';
    if (nt < 6 && (user ? nt == 2 : share) &&
        next_value(s, te[nt - 1], ts[nt - 1], &vs, &ve, &quoted) && s[vs] != '/' &&
        !(ve - vs == 1 && s[vs] == '*'))
        e = add_value(c, PII_KEY_PASSWORD, vs, ve, quoted) ? i + 1 : 0; /* the walk goes on */
    if (user || i + 6 >= n || strncasecmp((const char *)s + i, "/user:", 6)) return e;
    size_t k = i + 6;
    while (k < n && !pii_is_space(s[k]))
        k++; /* the user */
    if (k >= n || s[k] != ' ' || !next_value(s, n, k, &vs, &ve, &quoted) || s[vs] == '/') return e;
    size_t r = add_value(c, PII_KEY_PASSWORD, vs, ve, quoted);
    return r ? r : e;
}

size_t ew__pii_scan_pgpass(pii_ctx *c, size_t i, size_t e)
{
    const unsigned char *s = c->s;
    size_t f[6], nf = 0;
    f[nf++] = i;
    for (size_t k = i; k < e && nf < 6; k++)
        if (s[k] == ':') f[nf++] = k + 1;
    if (nf != 5 || memchr(s + f[4], ':', e - f[4])) return 0;
    size_t pl = f[2] - 1 - f[1]; /* the port: digits, or '*' */
    bool port = pl == 1 && s[f[1]] == '*';
    for (size_t k = f[1]; k < f[2] - 1 && pl <= 5; k++)
        port = pii_is_digit(s[k]);
    if (!port || pl > 5 || f[1] - 1 == i || f[4] - 1 == f[3] || e - f[4] < 4) return 0;
    return add_value(c, PII_KEY_PASSWORD, f[4], e, false) ? e : 0;
}

/* A block armour line at i: three to five dashes, maybe a space, then the
 * word (BEGIN or END) and a space. Returns the end of the word's space, or 0.
 * PEM writes "-----BEGIN X-----", SSH2 (RFC 4716) "---- BEGIN X ----". */
static size_t armour_at(const unsigned char *s, size_t n, size_t i, const char *word)
{
    size_t k = i, wl = strlen(word);
    while (k < n && s[k] == '-' && k - i < 5)
        k++;
    if (k - i < 3) return 0;
    if (k < n && s[k] == ' ') k++;
    if (k + wl + 1 > n || memcmp(s + k, word, wl) || s[k + wl] != ' ') return 0;
    return k + wl + 1;
}

size_t ew__pii_armour_begin(const unsigned char *s, size_t n, size_t i)
{
    return armour_at(s, n, i, "BEGIN");
}

/* A block body of 64 or more base64 or hex characters (spaces apart) that
 * looks random: key material, not text that was put between armour lines. */
static bool random_body(const unsigned char *v, size_t n)
{
    unsigned char buf[256];
    size_t m = 0;
    for (size_t k = 0; k < n && m < sizeof buf; k++) {
        if (v[k] == '\n' || v[k] == '\r') continue;
        if (!in_alphabet(v[k], AL_B64)) return false; /* words and spaces: text */
        buf[m++] = v[k];
    }
    return m >= 64 && ew__pii_entropy(buf, m) >= 3.5;
}

/* An armour label [b, e) that names key material: PRIVATE of any kind, or a
 * KEY, KEYS, KEYSET or SECRET word that is not PUBLIC ("OpenVPN Static key V1",
 * "TINK KEYSET"); certificates, signatures, messages and parameters hold no
 * key. *weak is set when the label does not say PRIVATE: its body must then
 * look random. */
static bool armour_label_secret(const unsigned char *s, size_t b, size_t e, bool *weak)
{
    *weak = false;
    if (name_has(s, b, e, "PRIVATE")) return true;
    static const char *const not_key[] = {"PUBLIC",     "CERTIFICATE", "SIGNATURE", "MESSAGE",
                                          "PARAMETERS", "REQUEST",     "CRL"};
    for (size_t k = 0; k < sizeof not_key / sizeof *not_key; k++)
        if (name_has(s, b, e, not_key[k])) return false;
    for (size_t p = b; p < e; p++) {
        if (p > b && pii_is_alpha(s[p - 1])) continue;
        size_t q = p;
        while (q < e && pii_is_alpha(s[q]))
            q++;
        size_t l = q - p;
        if ((l == 3 && !strncasecmp((const char *)s + p, "key", 3)) ||
            (l == 4 && !strncasecmp((const char *)s + p, "keys", 4)) ||
            (l == 6 && (!strncasecmp((const char *)s + p, "keyset", 6) ||
                        !strncasecmp((const char *)s + p, "secret", 6)))) {
            *weak = true;
            return true;
        }
    }
    return false;
}

/* A block whose armour names key material (armour_label_secret: RSA, OPENSSH,
 * PGP, SSH2 ENCRYPTED private keys, OpenVPN static keys, ...), from its
 * BEGIN line to its END line or, when the text is cut, to the end of its
 * body. */
size_t ew__pii_scan_pem(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t k = armour_at(s, n, i, "BEGIN"), lim = i + 80 < n ? i + 80 : n;
    if (!k) return 0;
    size_t label = k;
    while (k < lim && s[k] != '\n' && s[k] != '-')
        k++;
    size_t label_end = k;
    bool weak;
    if (!armour_label_secret(s, label, label_end, &weak)) return 0;
    /* up to "-----END ... -----", or the end of the base64 body when cut */
    size_t e = label_end;
    while (e < n && s[e] == '-')
        e++;
    size_t body = e;
    for (; e + 8 <= n && e - body < 65536; e++) {
        size_t end_word = s[e] == '-' ? armour_at(s, n, e, "END") : 0;
        if (end_word && weak && !random_body(s + body, e - body)) return 0;
        if (end_word) {
            size_t f = end_word;
            while (f < n && f - e < 80 && s[f] != '\n') {
                if (f + 4 <= n && !memcmp(s + f, "----", 4)) {
                    while (f < n && s[f] == '-' && f - e < 90)
                        f++;
                    break;
                }
                f++;
            }
            ew__pii_add(c, EW_PII_SECRET, i, f, 1.0f);
            return f;
        }
        if (!(in_alphabet(s[e], AL_B64) || pii_is_space(s[e]) || s[e] == ':' || s[e] == '-' ||
              s[e] == ',' || s[e] == '\\' || s[e] == '"' || s[e] == '\''))
            break;
    }
    if (e - body >= 64 && (!weak || random_body(s + body, e - body))) {
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
    static const char *const ids[] = {"$1$",    "$2a$",        "$2b$",      "$2y$",    "$5$",
                                      "$6$",    "$8$",         "$y$",       "$apr1$",  "$md5$",
                                      "$sha1$", "$krb5asrep$", "$krb5tgs$", "$argon2", "$pbkdf2"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        size_t il = strlen(ids[k]);
        if (i + il > n || memcmp(s + i, ids[k], il)) continue;
        size_t e = i + il;
        while (e < n &&
               (in_alphabet(s[e], AL_B64) || s[e] == '$' || s[e] == '.' || s[e] == '@' ||
                s[e] == ':' || s[e] == ',' || s[e] == '-' || s[e] == '_') &&
               e - i < 1024)
            e++;
        if (e - i < 20) return 0;
        ew__pii_add(c, EW_PII_SECRET, i, e, 0.95f);
        return e;
    }
    return 0;
}

/* <key>NAME</key> <string>VALUE</string> of a property list (an iOS
 * Info.plist), NAME at k. */
static size_t plist_entry(pii_ctx *c, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, ne = k;
    while (ne < n && ne - k < 64 && s[ne] != '<' && s[ne] != '\n')
        ne++;
    if (ne + 6 > n || memcmp(s + ne, "</key>", 6) || ne == k) return 0;
    int kind = ew__pii_key_kind(s, k, ne);
    if (!kind) return 0;
    size_t vs = ne + 6;
    while (vs < n && vs - ne < 48 && pii_is_space(s[vs]))
        vs++;
    if (vs + 8 > n || memcmp(s + vs, "<string>", 8)) return 0;
    vs += 8;
    size_t ve = vs;
    while (ve < n && ve - vs < 512 && s[ve] != '<' && s[ve] != '\n')
        ve++;
    if (ve + 9 > n || memcmp(s + ve, "</string>", 9) || ve == vs) return 0;
    return add_value(c, kind, vs, ve, true);
}

size_t ew__pii_scan_xml_element(pii_ctx *c, size_t i, size_t ie)
{
    const unsigned char *s = c->s;
    size_t n = c->n, vs = ie + 1, ve = vs;
    /* a property list's <key> names a setting: <key>CFBundleIdentifier</key>,
     * and a secret's name there puts the secret in the <string> after it */
    if (ie - i == 3 && !strncasecmp((const char *)s + i, "key", 3)) return plist_entry(c, ie + 1);
    int kind = ew__pii_key_kind(s, i, ie);
    if (!kind) return 0;
    /* the value alone on an indented line: "<token>\n    x\n</token>" */
    size_t in = vs + (vs < n && s[vs] == '\r');
    bool below = in + 1 < n && s[in] == '\n' && (s[in + 1] == ' ' || s[in + 1] == '\t');
    if (below) {
        vs = in + 1;
        while (vs < n && vs - in < 32 && (s[vs] == ' ' || s[vs] == '\t'))
            vs++;
        ve = vs;
    }
    while (ve < n && s[ve] != '<' && s[ve] != '\n' && ve - vs < 256)
        ve++;
    size_t close = ve;
    if (below) { /* the closing tag on the next line, indented or not */
        if (close < n && s[close] == '\n') close++;
        while (close < n && close - ve < 32 && (s[close] == ' ' || s[close] == '\t'))
            close++;
        while (ve > vs && s[ve - 1] == '\r')
            ve--;
    }
    if (close + 1 >= n || s[close] != '<' || s[close + 1] != '/') return 0; /* the closing tag */
    while (vs < ve && s[vs] == ' ')
        vs++;
    while (ve > vs && s[ve - 1] == ' ')
        ve--;
    return vs < ve ? add_value(c, kind, vs, ve, true) : 0;
}

bool ew__pii_url_user_token(const unsigned char *u, size_t n)
{
    return (n >= 32 && all_hex(u, n)) || (n >= 20 && random_looking(u, n));
}

bool ew__pii_random_looking(const unsigned char *v, size_t n)
{
    return random_looking(v, n);
}

bool ew__pii_prose_word(const unsigned char *v, size_t n)
{
    return prose_word(v, n);
}

bool ew__pii_placeholder(const unsigned char *v, size_t n)
{
    return placeholder(v, n);
}

bool ew__pii_strong_password(const unsigned char *v, size_t n)
{
    return strong_password(v, n);
}
