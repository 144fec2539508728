/* Tokens without spaces: emails, URLs (credentials, keyed query values,
 * webhooks), IPv6, MAC, crypto addresses, IBAN, UK NINO, and the look-alikes
 * that must stay silent (UUIDs, hex digests, times), which are consumed whole
 * so nothing inside them triggers. */
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"
#include "router/pii_secret.h"

static bool email_local_ch(unsigned ch)
{
    return pii_is_alnum(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-' ||
           ch == '\'';
}

/* Letters of scripts without case that an internationalised address may
 * use (RFC 6531 local parts, IDNA labels): kana, Han, Hangul. */
static bool cjk_letter(uint32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

/* A letter of an internationalised address at k: 1 for ASCII letters,
 * digits and '-', 2 for a 2-byte UTF-8 letter (Latin, Greek, Cyrillic; not
 * U+0080-00BF, which holds the no-break space and quotes), 3 for a CJK
 * letter (*cjk set); 0 otherwise. */
static size_t idn_ch(const unsigned char *s, size_t n, size_t k, bool *cjk)
{
    *cjk = false;
    if (pii_is_alnum(s[k]) || s[k] == '-') return 1;
    if (s[k] >= 0xC3 && s[k] <= 0xDF && k + 1 < n && (s[k + 1] & 0xC0) == 0x80) return 2;
    if (s[k] >= 0xE3 && s[k] <= 0xED) {
        int len;
        uint32_t cp = ew__pii_decode(s, n, k, &len);
        if (len == 3 && cjk_letter(cp)) {
            *cjk = true;
            return 3;
        }
    }
    return 0;
}

/* Start of the local part ending at `at` (not before lo): ASCII, Latin
 * letters in UTF-8 ("søren", "josé.garcía"), or CJK letters alone ("用户");
 * a local part does not mix CJK with ASCII, so "发到wang.li@qq.com" starts
 * at "wang". */
static size_t email_local_start(const unsigned char *s, size_t n, size_t lo, size_t at)
{
    size_t ls = at;
    int script = 0; /* 1: ASCII or Latin, 2: CJK */
    while (ls > lo && at - ls < 64) {
        bool cjk;
        if (email_local_ch(s[ls - 1]) && script != 2) {
            ls--;
            script = 1;
        } else if (ls - lo >= 2 && idn_ch(s, n, ls - 2, &cjk) == 2 && script != 2) {
            ls -= 2;
            script = 1;
        } else if (ls - lo >= 3 && idn_ch(s, n, ls - 3, &cjk) == 3 && script != 1) {
            ls -= 3;
            script = 2;
        } else {
            break;
        }
    }
    return ls;
}

/* "Message-ID: <…@host>" and the headers that quote one: a message's
 * identifier in an address's shape, which names no mailbox. ls - 1 is '<'. */
static bool message_id_line(const unsigned char *s, size_t ls)
{
    size_t k = ls - 1;
    while (k > 0 && s[k - 1] == ' ' && ls - k < 4)
        k--;
    static const char *const heads[] = {
        "message-id:", "in-reply-to:", "references:", "content-id:"};
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        size_t l = strlen(heads[h]);
        if (k >= l && pii_icase_eq(s + k - l, heads[h], l)) return true;
    }
    return false;
}

/* local@domain.tld around the '@' at `at`; returns the end or 0. Labels may
 * be internationalised ("bücher.de", "例子.中国"); a label is ASCII and
 * Latin letters or CJK letters, so "wang@qq.com联系我" ends at ".com". */
static size_t scan_email(pii_ctx *c, size_t i, size_t at)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t ls = email_local_start(s, n, i, at);
    while (ls < at && (s[ls] == '.' || s[ls] == '\''))
        ls++;
    if (ls == at || s[at - 1] == '.') return 0;
    size_t k = at + 1, labels = 0, last = k;
    bool tld_alpha = false, ascii_label = false;
    while (k < n) {
        size_t l0 = k, step;
        bool cjk, label_cjk = false, alpha = true;
        while (k < n && k - l0 < 63 && (step = idn_ch(s, n, k, &cjk)) != 0) {
            if (k > l0 && cjk != label_cjk) break;
            label_cjk = cjk;
            alpha &= step > 1 || pii_is_alpha(s[k]);
            k += step;
        }
        if (k == l0) break;
        labels++;
        last = l0;
        tld_alpha = alpha;
        ascii_label |= !label_cjk;
        /* a CJK label after a Latin one is the next sentence: "….org.很好" */
        bool more = k + 1 < n && s[k] == '.' && idn_ch(s, n, k + 1, &cjk) && !(cjk && ascii_label);
        if (!more) break;
        k++;
    }
    if (labels < 2 || !tld_alpha || k - last < 2) return 0;
    size_t tl = k - last;
    /* "icon@2x.png" is a file, not an address */
    static const char *const files[] = {"png", "jpg", "jpeg", "gif", "svg", "webp", "js", "css"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++)
        if (tl == strlen(files[f]) && pii_icase_eq(s + last, files[f], tl) && labels == 2) return 0;
    if (ls > 0 && s[ls - 1] == '<' && message_id_line(s, ls)) return k;
    ew__pii_add(c, EW_PII_EMAIL, ls, k, 0.95f);
    return k;
}

size_t ew__pii_scan_email_at(pii_ctx *c, size_t at)
{
    return scan_email(c, at > 64 ? at - 64 : 0, at);
}

static bool placeholder_ch(unsigned ch)
{
    return ch == '$' || ch == '<' || ch == '{' || ch == '*' || ch == '%';
}

/* A template at v ('%' first): "%s", "%d", "%(pw)s", "%{x}", "%PASS%". */
static bool percent_template(const unsigned char *v, size_t n)
{
    if (n < 2 || v[1] == 's' || v[1] == 'd' || v[1] == '(' || v[1] == '{') return true;
    size_t k = 1;
    while (k < n && (pii_is_alnum(v[k]) || v[k] == '_'))
        k++;
    return k < n && v[k] == '%';
}

static bool keyish_param(const unsigned char *s, size_t a, size_t b)
{
    static const char *const keys[] = {"token",  "key",        "secret",      "password",
                                       "passwd", "pwd",        "auth",        "signature",
                                       "sig",    "credential", "access_token"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        size_t kl = strlen(keys[k]);
        for (size_t p = a; p + kl <= b; p++)
            if (pii_icase_eq(s + p, keys[k], kl)) return true;
    }
    return false;
}

static size_t hex_run(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && pii_is_hex(s[k]))
        k++;
    return k - i;
}

/* Does the query parameter name [a, b) name a person ("name", "first_name",
 * "lastName", "customer_name", "fname")? Names of things ("username",
 * "filename", "hostname", "app_name") do not. */
static bool person_param(const unsigned char *s, size_t a, size_t b)
{
    static const char *const heads[] = {
        "",        "full",      "first",  "last",       "given",     "family",
        "middle",  "sur",       "f",      "l",          "customer",  "contact",
        "patient", "display",   "holder", "cardholder", "recipient", "sender",
        "guest",   "passenger", "client", "member",     "owner",     NULL};
    char w[32];
    size_t l = 0;
    for (size_t k = a; k < b; k++) {
        if (s[k] == '_' || s[k] == '-' || s[k] == '.') continue;
        if (!pii_is_alpha(s[k]) || l + 1 >= sizeof w) return false;
        w[l++] = (char)(s[k] | 32);
    }
    if (l == 9 && !memcmp(w, "firstname", 9)) return true;
    if (l < 4 || memcmp(w + l - 4, "name", 4)) return l == 7 && !memcmp(w, "surname", 7);
    for (const char *const *h = heads; *h; h++)
        if (strlen(*h) == l - 4 && !memcmp(w, *h, l - 4)) return true;
    return false;
}

/* The value [v, ve) of a person parameter: one to four words of letters
 * joined by '+', "%20" or '-', at least one capitalised or a gazetteer name
 * ("John+Smith", "maria", not "build" or "report.pdf"). */
static bool person_value(const unsigned char *s, size_t v, size_t ve)
{
    size_t k = v, words = 0;
    bool named = false;
    while (k < ve && words < 5) {
        size_t w = k;
        while (k < ve &&
               (pii_is_alpha(s[k]) || s[k] >= 0xC2 || s[k] == '\'' || (s[k] == '-' && k > w)))
            k++;
        if (k == w || k - w > 30) return false;
        char f[EW__GAZ_MAX_WORD];
        size_t fl = ew__gaz_fold_word(s + w, k - w, f);
        unsigned g = fl ? ew__gaz_lookup(f, fl) : 0;
        named |=
            pii_is_upper(s[w]) || ((g & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(g & EW__GAZ_COMMON));
        words++;
        if (k == ve) break;
        if (s[k] == '+')
            k++;
        else if (k + 3 <= ve && s[k] == '%' && s[k + 1] == '2' && s[k + 2] == '0')
            k += 3;
        else
            return false;
    }
    return k == ve && words >= 1 && words <= 4 && named;
}

/* Person names in the query parameters of [a, e) ("?name=John+Smith",
 * "first_name=Maria&last_name=Lopez"). */
static void query_names(pii_ctx *c, size_t a, size_t e)
{
    const unsigned char *s = c->s;
    while (a < e) {
        size_t k = a;
        while (k < e && s[k] != '=' && s[k] != '&' && s[k] != ';')
            k++;
        size_t ve = k;
        while (ve < e && s[ve] != '&' && s[ve] != ';' && s[ve] != '#')
            ve++;
        if (k < e && s[k] == '=' && ve > k + 1 && person_param(s, a, k) &&
            person_value(s, k + 1, ve))
            ew__pii_add(c, EW_PII_PERSON, k + 1, ve, 0.8f);
        a = ve + 1;
    }
}

/* scheme://[user[:password]@]host[:port][/path][?query] */
static size_t scan_url(pii_ctx *c, size_t i, size_t e, size_t colon)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t auth = colon + 3, ae = auth;
    while (ae < e && s[ae] != '/' && s[ae] != '?' && s[ae] != '#')
        ae++;
    /* the last '@' of the authority ends the user info ("p@ss@host" keeps p@ss) */
    size_t at = 0;
    for (size_t k = auth; k < ae; k++)
        if (s[k] == '@') at = k;
    if (!at && ae < e && s[ae] != '/') {
        /* a password holding '?' or '#' as typed: "rediss://u:Falcon42?@host/" */
        const unsigned char *pc = memchr(s + auth, ':', ae - auth);
        size_t sl = ae, at2 = 0, digits = 0;
        while (sl < e && s[sl] != '/')
            sl++;
        for (size_t k = ae; k < sl; k++)
            if (s[k] == '@') at2 = k;
        for (const unsigned char *d = pc ? pc + 1 : NULL; d && d < s + ae && pii_is_digit(*d); d++)
            digits++;
        if (pc && at2 && at2 + 1 < e && pii_is_alnum(s[at2 + 1]) &&
            digits < (size_t)(s + ae - pc - 1)) { /* not "host:8080?q=a@b" */
            at = at2;
            ae = at2 + 1;
            while (ae < e && s[ae] != '/' && s[ae] != '?' && s[ae] != '#')
                ae++;
        }
    }
    if (!at && ae == e && e < n && s[e] == ',') {
        /* an LDAP DN as the user ("ldaps://cn=app,dc=corp:pw@host"): the
         * token stopped at the DN's first ',' */
        size_t q = e, at2 = 0;
        for (; q < n && q - e < 256 && !pii_is_space(s[q]) && !strchr("\"'`/<>", s[q]); q++)
            if (s[q] == '@') at2 = q;
        if (at2 && memchr(s + auth, '=', e - auth)) {
            at = at2;
            e = ae = q;
        }
    }
    size_t host = auth;
    if (at) {
        size_t pc = auth;
        while (pc < at && s[pc] != ':')
            pc++;
        size_t tok = ew__pii_secret_token(s, at, auth);
        /* "%23x" is percent-encoding, "%PASS%" or "%s" a template */
        bool pct = pc + 3 < at && s[pc + 1] == '%' &&
                   ((pii_is_hex(s[pc + 2]) && pii_is_hex(s[pc + 3])) ||
                    !percent_template(s + pc + 1, at - pc - 1));
        /* "ftp://anonymous:guest@host": anonymous FTP takes any password
         * (RFC 1635), as ew__pii_anonymous_login says */
        bool anonymous = pc - auth == 9 && pii_icase_eq(s + auth, "anonymous", 9);
        /* "key_1234...@host": an elided example */
        bool elided = at - pc > 4 &&
                      (!memcmp(s + at - 3, "...", 3) || !memcmp(s + at - 3, "\xe2\x80\xa6", 3));
        /* "user:secret@[2001:db8::1]": a documentation host holding a password
         * that only names one is an example */
        size_t he = at + 1; /* the token may end at '[' or ',': read the hosts on */
        while (he < c->n && he - at < 256 && !strchr("/?# \t\r\n\"'`<>", s[he]))
            he++;
        bool example = pc + 1 < at && ew__pii_describing_password(s + pc + 1, at - pc - 1) &&
                       ew__pii_doc_host(s, at + 1, he);
        if (!example && !anonymous && !elided && pc < at && pc + 1 < at &&
            (!placeholder_ch(s[pc + 1]) || pct))
            ew__pii_add(c, EW_PII_SECRET, auth, at, 0.95f);
        else if (tok && !example)
            ew__pii_add(c, EW_PII_SECRET, auth, tok, 0.95f);
        else if (pc == at && ew__pii_url_user_token(s + auth, at - auth))
            ew__pii_add(c, EW_PII_SECRET, auth, at, 0.85f); /* a Sentry DSN's key */
        host = at + 1;
    }
    /* an IPv4 host is an ip_address */
    size_t he = host;
    while (he < ae && (pii_is_digit(s[he]) || s[he] == '.'))
        he++;
    if (he > host && (he == ae || s[he] == ':')) {
        int dots = 0;
        uint32_t addr = 0, octet = 0;
        for (size_t k = host; k <= he; k++) {
            if (k < he && s[k] != '.') {
                octet = octet * 10 + (uint32_t)(s[k] - '0');
                continue;
            }
            dots += k < he;
            addr = addr << 8 | (octet & 0xFF);
            octet = 0;
        }
        if (dots == 3 && !ew__pii_ipv4_nobody(addr))
            ew__pii_add(c, EW_PII_IP_ADDRESS, host, he, 0.85f);
    }
    /* webhooks whose path is the secret */
    static const char *const hooks[] = {
        "hooks.slack.com/services/", "outlook.office.com/webhook/", "webhook.office.com/webhookb2/",
        "discord.com/api/webhooks/", "discordapp.com/api/webhooks/"};
    for (size_t h = 0; h < sizeof hooks / sizeof hooks[0]; h++) {
        size_t hl = strlen(hooks[h]);
        for (size_t p = host; p + hl <= e; p++)
            if ((s[p] | 32) == hooks[h][0] && pii_icase_eq(s + p, hooks[h], hl) &&
                e - (p + hl) >= 20) {
                if (!ew__pii_hook_made_up(s, p + hl, e))
                    ew__pii_add(c, EW_PII_SECRET, p + hl, e, 0.95f);
                return e;
            }
    }
    /* a random-looking path segment of an API ("/api/v1/<token>/telemetry") */
    for (size_t k = ae; k + 1 < e; k++) {
        if (s[k] != '/') continue;
        size_t g = k + 1, ge = g;
        while (ge < e && s[ge] != '/' && s[ge] != '?' && s[ge] != '#')
            ge++;
        size_t gl = ge - g, letters = 0, digits = 0;
        for (size_t q = g; q < ge; q++) {
            letters += pii_is_alpha(s[q]);
            digits += pii_is_digit(s[q]);
        }
        /* also a self-hosted chat's incoming hook ("/hooks/<26>", Mattermost) */
        bool api = pii_contains(s + ae, k - ae + 1, "/api/", 5) ||
                   pii_contains(s + ae, k - ae + 1, "/v1/", 4) ||
                   (k - ae >= 6 && pii_icase_eq(s + k - 6, "/hooks", 6));
        if (api && gl >= 20 && gl <= 64 && letters + digits == gl && letters >= 4 && digits >= 4 &&
            hex_run(s, n, g) < gl && ew__pii_entropy(s + g, gl) >= 3.5)
            ew__pii_add(c, EW_PII_SECRET, g, ge, 0.75f);
    }
    const unsigned char *q = memchr(s + ae, '?', e - ae);
    if (q) query_names(c, (size_t)(q - s) + 1, e);
    /* path segments and query values */
    for (size_t k = ae; k < e; k++) {
        if (s[k] == '/' || s[k] == '=' || s[k] == '?' || s[k] == '&') {
            size_t t = ew__pii_secret_token(s, e, k + 1);
            if (t) {
                ew__pii_add(c, EW_PII_SECRET, k + 1, t, 0.95f);
                k = t - 1;
                continue;
            }
        }
        if (s[k] == '=' && k > ae) {
            size_t ps = k;
            while (ps > ae && s[ps - 1] != '?' && s[ps - 1] != '&' && s[ps - 1] != ';')
                ps--;
            /* a password param's value goes on over '#' before a digit
             * ("&password=Trieste#3894"); an anchor is a word ("#top") */
            bool keyish = keyish_param(s, ps, k);
            bool pw = keyish && ew__pii_key_kind(s, ps, k) == PII_KEY_PASSWORD;
            size_t ve = k + 1;
            while (ve < e && s[ve] != '&' && s[ve] != ';' &&
                   (s[ve] != '#' || (pw && ve + 1 < e && pii_is_digit(s[ve + 1]))))
                ve++;
            if (keyish && ve - (k + 1) >= 8 && !placeholder_ch(s[k + 1]) &&
                !ew__pii_masked(s + k + 1, ve - k - 1) &&
                !ew__pii_placeholder(s + k + 1, ve - k - 1) &&
                !ew__pii_doc_fixture(s + k + 1, ve - k - 1))
                ew__pii_add(c, EW_PII_SECRET, k + 1, ve, 0.9f);
        }
    }
    return e;
}

/* 8-4-4-4-12 */
static inline bool is_uuid(const unsigned char *s, size_t n, size_t i)
{
    static const int parts[5] = {8, 4, 4, 4, 12};
    size_t k = i;
    for (int p = 0; p < 5; p++) {
        if (hex_run(s, n, k) != (size_t)parts[p]) return false;
        k += (size_t)parts[p];
        if (p < 4) {
            if (k >= n || s[k] != '-') return false;
            k++;
        }
    }
    return true;
}

bool ew__pii_is_uuid(const unsigned char *s, size_t n, size_t i)
{
    return is_uuid(s, n, i);
}

static size_t scan_colon_token(pii_ctx *c, size_t i, size_t e)
{
    const unsigned char *s = c->s;
    size_t k = i;
    while (k < e && (pii_is_hex(s[k]) || s[k] == ':' || s[k] == '.' || s[k] == '-'))
        k++;
    size_t r = k;
    /* MAC: six pairs joined by one kind of separator */
    if (r - i == 17) {
        char sep = (char)s[i + 2];
        bool mac = sep == ':' || sep == '-';
        for (int g = 0; g < 6 && mac; g++) {
            mac &= pii_is_hex(s[i + g * 3]) && pii_is_hex(s[i + g * 3 + 1]);
            if (g < 5) mac &= s[i + g * 3 + 2] == sep;
        }
        if (mac && (r >= c->n || !pii_is_alnum(s[r]))) {
            /* the broadcast and the null address are no device's */
            bool all_f = true, all_0 = true;
            for (size_t q = i; q < r; q++) {
                all_f &= s[q] == sep || (s[q] | 32) == 'f';
                all_0 &= s[q] == sep || s[q] == '0';
            }
            if (!all_f && !all_0) ew__pii_add(c, EW_PII_MAC_ADDRESS, i, r, 0.9f);
            return r;
        }
    }
    /* seven or more byte pairs joined by ':' are a fingerprint or a hex dump
     * ("SHA1 fingerprint: 11:99:D3:…:7B"), no address; consumed whole so no
     * eight of them read as IPv6 */
    size_t pairs = 0, p = i;
    while (p + 1 < r && pii_is_hex(s[p]) && pii_is_hex(s[p + 1]) &&
           (p + 2 == r || s[p + 2] == ':')) {
        pairs++;
        p += 3;
    }
    if (pairs >= 7 && p >= r) return r;
    size_t v = i;
    while (v < r && (pii_is_hex(s[v]) || s[v] == ':' || s[v] == '.'))
        v++;
    while (v > i && (s[v - 1] == '.' || (s[v - 1] == ':' && !(v - 2 > i && s[v - 2] == ':'))))
        v--;
    int colons = 0, letters = 0;
    bool dbl = false;
    for (size_t q = i; q < v; q++) {
        colons += s[q] == ':';
        letters += pii_is_alpha(s[q]);
        if (q + 1 < v && s[q] == ':' && s[q + 1] == ':') dbl = true;
    }
    /* "fe::ed", "a::b": two short groups around "::" are a C++ or Rust
     * scope; a host's address has a prefix of four digits ("fe80::1") */
    size_t first = i;
    while (first < v && s[first] != ':')
        first++;
    bool scope = dbl && colons == 2 && first - i <= 2;
    if (colons >= 2 && (dbl ? (v - i) > 4 : colons == 7) && !scope &&
        ew__pii_ipv6_valid((const char *)s + i, v - i)) {
        if (colons >= 3 || letters > 0) {
            ew__pii_add(c, EW_PII_IP_ADDRESS, i, v, 0.9f);
            return v;
        }
    }
    return 0;
}

/* A separator inside an IBAN at k (between two alphanumerics): ' ', '-',
 * '.', a no-break space, or one line break ("DE89 3704 0044\n0532 0130 00",
 * as a PDF or a narrow column wraps it; *wrapped records that it was used).
 * Its length, or 0. */
static size_t iban_sep(const unsigned char *s, size_t n, size_t k, bool *wrapped)
{
    size_t l = 0;
    if (s[k] == ' ' || s[k] == '-' || s[k] == '.') {
        l = 1;
    } else if (s[k] >= 0xC2) {
        l = ew__pii_nbsp(s, n, k); /* "DE89\u00A03704…" */
    } else if (!*wrapped && (s[k] == '\n' || (s[k] == '\r' && k + 1 < n && s[k + 1] == '\n'))) {
        l = s[k] == '\r' ? 2 : 1;
        *wrapped = true;
    }
    return l && k + l < n && pii_is_alnum(s[k + l]) ? l : 0;
}

/* IBAN, compact or in groups: "GB82 WEST 1234 5698 7654 32", "PL61-1090-...",
 * "GI41.QHRW.…", the country apart from its check digits ("GB 18 QHPM …"),
 * wrapped onto a second line. The country's length and mod-97 decide, so a
 * longer run after a valid IBAN cannot be taken for one. */
static inline __attribute__((always_inline)) size_t scan_iban(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t d = i + 2 < n && s[i + 2] == ' ' ? i + 3 : i + 2; /* the check digits */
    if (d + 13 > n || !pii_is_alpha(s[i]) || !pii_is_alpha(s[i + 1]) || !pii_is_digit(s[d]) ||
        !pii_is_digit(s[d + 1]))
        return 0;
    char buf[36];
    buf[0] = (char)s[i], buf[1] = (char)s[i + 1];
    size_t bl = 2, k = d, best = 0;
    bool wrapped = false;
    while (k < n && bl < 34) {
        if (pii_is_alnum(s[k])) {
            buf[bl++] = (char)s[k++];
            bool boundary = k >= n || !pii_is_alnum(s[k]);
            if (boundary && bl >= 15 && ew__pii_iban_valid(buf, bl)) best = k;
            continue;
        }
        size_t l = k > d ? iban_sep(s, n, k, &wrapped) : 0;
        if (!l) break;
        k += l;
    }
    if (!best) return 0;
    bool lower = pii_is_lower(s[i]);
    ew__pii_add(c, EW_PII_IBAN, i, best, lower ? 0.9f : 0.95f);
    return best;
}

size_t ew__pii_scan_iban(pii_ctx *c, size_t i)
{
    return scan_iban(c, i);
}

/* UK NINO: "AB123456C", "AB 12 34 56 C" or "AB-12-34-56-C"; in lower case
 * ("ab123456c") only after a NINO cue, as people type it in chat. */
size_t ew__pii_scan_nino(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    char buf[10];
    size_t bl = 0, k = i;
    bool lower = pii_is_lower(s[i]);
    unsigned sep = 0;
    while (k < n && bl < 9) {
        unsigned ch = s[k];
        bool want_letter = bl < 2 || bl == 8;
        if (want_letter ? (lower ? pii_is_lower(ch) : pii_is_upper(ch)) : pii_is_digit(ch)) {
            buf[bl++] = (char)(want_letter ? ch & ~32u : ch);
            k++;
        } else if ((ch == ' ' || ch == '-') && (!sep || ch == sep) && bl >= 2 && k + 1 < n &&
                   pii_is_alnum(s[k + 1])) {
            sep = ch;
            k++;
        } else {
            break;
        }
    }
    if (bl != 9 || (k < n && pii_is_alnum(s[k])) || !ew__pii_nino_valid(buf, 9)) return 0;
    bool cue = pii_cue_near(c, CUE_NINO, i, 48);
    /* in lower case after a cue, or as a field's whole value under a label
     * of any language ("Rhif Yswiriant Gwladol: bh438902c") */
    size_t b = i;
    while (b > 0 && i - b < 2 && s[b - 1] == ' ')
        b--;
    bool field = b > 0 && (s[b - 1] == ':' || s[b - 1] == '=') && !sep;
    if (lower && !cue && !field) return 0;
    ew__pii_add(c, EW_PII_UK_NINO, i, k, cue ? 0.95f : lower ? 0.7f : 0.85f);
    return k;
}

/* A German passport number: C, F, G, H, J or K, then 8 of the 26 characters
 * that cannot be misread (no vowels), so it may hold no digit at all. */
static bool de_passport(const unsigned char *s, size_t len)
{
    if (len != 9 || !strchr("CFGHJK", s[0])) return false;
    for (size_t j = 1; j < len; j++)
        if (!pii_is_digit(s[j]) && !strchr("CFGHJKLMNPRTVWXYZ", s[j])) return false;
    return true;
}

/* After a passport cue: 6-10 letters and digits (at least 5 digits, or one
 * when the letters are all capitals, as in "CPZP8VLFN"), with at most one
 * inner space or dash ("HX6 088035"). */
/* Passport words the word table cannot hold, in the 64 bytes before i:
 * phrases and scripts without spaces ("hộ chiếu", หนังสือเดินทาง, جواز
 * السفر, דרכון, Greek and Romanian inflections). */
bool ew__pii_passport_text(const unsigned char *s, size_t i)
{
    static const char *const cues[] = {
        "h\xE1\xBB\x99 chi\xE1\xBA\xBFu", /* hộ chiếu */
        "\xE0\xB8\xAB\xE0\xB8\x99\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\xAA\xE0\xB8\xB7\xE0"
        "\xB8\xAD\xE0\xB9\x80\xE0\xB8\x94\xE0\xB8\xB4\xE0\xB8\x99\xE0\xB8\x97\xE0\xB8\xB2"
        "\xE0\xB8\x87",                             /* หนังสือเดินทาง */
        "\xD8\xAC\xD9\x88\xD8\xA7\xD8\xB2",         /* جواز */
        "\xD7\x93\xD7\xA8\xD7\x9B\xD7\x95\xD7\x9F", /* דרכון */
        "\xCE\xB4\xCE\xB9\xCE\xB1\xCE\xB2\xCE\xB1\xCF\x84", /* διαβατ(ήριο) */
        "\xCE\x94\xCE\xB9\xCE\xB1\xCE\xB2\xCE\xB1\xCF\x84", /* Διαβατ(ήριο) */
        "pa\xC8\x99"
        "aport", /* pașaport */
        "Pa\xC8\x99"
        "aport",
        "\xEC\x97\xAC\xEA\xB6\x8C", /* 여권 */
        "\xE1\x83\x9E\xE1\x83\x90\xE1\x83\xA1\xE1\x83\x9E\xE1\x83\x9D\xE1\x83\xA0\xE1\x83"
        "\xA2",                                             /* პასპორტ */
        "\xD5\xA1\xD5\xB6\xD5\xB1\xD5\xB6\xD5\xA1\xD5\xA3", /* անձնագ */
        "\xE0\xA6\xAA\xE0\xA6\xBE\xE0\xA6\xB8\xE0\xA6\xAA\xE0\xA7\x8B\xE0\xA6\xB0\xE0\xA7"
        "\x8D\xE0\xA6\x9F", /* পাসপোর্ট */
        "\xE0\xAE\x95\xE0\xAE\x9F\xE0\xAE\xB5\xE0\xAF\x81\xE0\xAE\x9A\xE0\xAF\x8D\xE0\xAE"
        "\x9A\xE0\xAF\x80\xE0\xAE\x9F\xE0\xAF\x8D\xE0\xAE\x9F\xE0\xAF\x81", /* கடவுச்சீட்டு */
        "\xE0\xB0\xAA\xE0\xB0\xBE\xE0\xB0\xB8\xE0\xB1\x8D\xE0\xB0\xAA\xE0\xB1\x8B\xE0\xB0"
        "\xB0\xE0\xB1\x8D\xE0\xB0\x9F\xE0\xB1\x8D", /* పాస్పోర్ట్ */
        "\xE0\xA8\xAA\xE0\xA8\xBE\xE0\xA8\xB8\xE0\xA8\xAA\xE0\xA9\x8B\xE0\xA8\xB0\xE0\xA8"
        "\x9F", /* ਪਾਸਪੋਰਟ */
        "\xE0\xAA\xAA\xE0\xAA\xBE\xE0\xAA\xB8\xE0\xAA\xAA\xE0\xAB\x8B\xE0\xAA\xB0\xE0\xAB"
        "\x8D\xE0\xAA\x9F", /* પાસપોર્ટ */
        "\xE0\xA4\xB0\xE0\xA4\xBE\xE0\xA4\xB9\xE0\xA4\xA6\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA5"
        "\x80", /* राहदानी */
        "\xE0\xB6\x9C\xE0\xB6\xB8\xE0\xB6\xB1\xE0\xB7\x8A\x20\xE0\xB6\xB6\xE0\xB6\xBD\xE0"
        "\xB6\xB4\xE0\xB6\xAD\xE0\xB7\x8A", /* ගමන් බලපත් */
        "\xE1\x8D\x93\xE1\x88\xB5\xE1\x8D\x96\xE1\x88\xAD\xE1\x89\xB5",     /* ፓስፖርት */
        "\xD1\x82\xD3\xA9\xD0\xBB\xD2\x9B\xD2\xB1\xD0\xB6\xD0\xB0\xD1\x82", /* төлқұжат */
        "\xD0\xBF\xD0\xB0\xD1\x88\xD0\xBF\xD0\xB0\xD1\x80\xD1\x82",         /* пашпарт */
        "\xD0\xBF\xD0\xB0\xD1\x81\xD0\xBE\xD1\x88",                         /* пасош */
        "\xD0\x9F\xD0\xB0\xD1\x81\xD0\xBE\xD1\x88",                         /* Пасош */
        "\x76\x65\x67\x61\x62\x72\xC3\xA9\x66",                             /* vegabréf */
        "\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB8\xE0\xA4\xAA\xE0\xA5\x8B\xE0\xA4\xB0\xE0\xA5"
        "\x8D\xE0"
        "\xA4\x9F",                                                  /* पासपोर्ट */
        "\xDA\xAF\xD8\xB0\xD8\xB1\xD9\x86\xD8\xA7\xD9\x85\xD9\x87",  /* گذرنامه */
        "\xD9\xBE\xD8\xA7\xD8\xB3\xD9\xBE\xD9\x88\xD8\xB1\xD9\xB9"}; /* پاسپورٹ */
    /* the cue introduces the first number after it: no digit between */
    size_t b = i;
    bool wide = false;
    while (b > 0 && i - b < 64 && !pii_is_digit(s[b - 1])) {
        b--;
        wide |= s[b] >= 0x80;
    }
    for (size_t k = 0; k < sizeof cues / sizeof cues[0] && wide; k++)
        if (pii_contains(s + b, i - b, cues[k], strlen(cues[k]))) return true;
    return false;
}

size_t ew__pii_scan_passport(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    bool cue = pii_cue_near(c, CUE_PASSPORT, i, 40);
    /* without a cue word only a table or SQL cell ("| X", ",X", "'X") or a
     * cue the table cannot hold (ew__pii_passport_text) names one */
    bool cell =
        i >= 2 && (s[i - 1] == ',' || s[i - 1] == '\t' || s[i - 1] == '|' || s[i - 1] == ';' ||
                   s[i - 1] == '\'' || s[i - 1] == '"' || (s[i - 1] == ' ' && s[i - 2] == '|'));
    if (!cue && !(pii_is_upper(s[i]) || pii_is_digit(s[i]))) return 0;
    if (cue) {
        /* another label since the cue ("护照号码E123…\n订单号：SO0183…"): the
         * number is that label's */
        if (c->cue_at[CUE_NEG] != CUE_NONE && c->cue_at[CUE_NEG] > c->cue_at[CUE_PASSPORT])
            return 0;
        /* one cue, one number: a passport found after the cue uses it up
         * ("护照号码是E12345678。时间戳1694536036") */
        for (int k = c->res->n - 1; k >= 0 && k >= c->res->n - 4; k--)
            if (c->res->spans[k].type == EW_PII_PASSPORT &&
                c->res->spans[k].start >= c->cue_at[CUE_PASSPORT])
                return 0;
    }
    size_t k = i, an = 0, dg = 0, lower = 0, seps = 0;
    while (k < n && an < 12) {
        if (pii_is_alnum(s[k])) {
            an++;
            dg += pii_is_digit(s[k]);
            lower += s[k] >= 'a' && s[k] <= 'z';
            k++;
        } else if ((s[k] == ' ' || s[k] == '-') && seps == 0 && k + 1 < n &&
                   pii_is_digit(s[k + 1]) && an <= 4) {
            seps++;
            k++;
        } else {
            break;
        }
    }
    if (an < 6 || an > 10 || (k < n && pii_is_alnum(s[k]))) return 0;
    if (dg < (lower ? 5u : 1u) && !de_passport(s + i, k - i)) return 0;
    /* a label of any language: "Pase Nr.: X", "Broj pasoša: X", not "Visa No.: X" */
    if (!lower && !cue) cue = ew__pii_passport_label(c, i, k);
    if (!cue && !cell && (lower || !ew__pii_passport_text(s, i))) return 0;
    /* no cue word: a column labelled passport ("| Passport |") */
    if (!cue && cell && (lower || !(ew__pii_field_cues(c, i) & (1u << CUE_PASSPORT)))) return 0;
    ew__pii_add(c, EW_PII_PASSPORT, i, k, 0.85f);
    return k;
}

static size_t alnum_run(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && pii_is_alnum(s[k]))
        k++;
    return k - i;
}

/* Formats with a shape rather than a prefix: Twitch stream keys
 * "live_<id>_<30>", TrueNAS API keys "<n>-<64>", Salesforce session ids
 * "00D<15>!<80+>". */
static size_t special_token(const unsigned char *s, size_t n, size_t i, size_t e)
{
    (void)e;
    size_t k = i;
    if (i + 5 < n && !memcmp(s + i, "live_", 5)) {
        k = i + 5;
        size_t d = k;
        while (k < n && pii_is_digit(s[k]))
            k++;
        if (k - d >= 6 && k < n && s[k] == '_' && alnum_run(s, n, k + 1) == 30) return k + 31;
        return 0;
    }
    if (pii_is_digit(s[i])) {
        while (k < n && pii_is_digit(s[k]) && k - i < 4)
            k++;
        if (k < n && s[k] == '-' && alnum_run(s, n, k + 1) == 64) return k + 65;
        if (i + 3 < n && !memcmp(s + i, "00D", 3)) {
            size_t r = alnum_run(s, n, i);
            if (r >= 15 && r <= 18 && i + r < n && s[i + r] == '!') {
                size_t b = i + r + 1, q = b;
                while (q < n && (pii_is_alnum(s[q]) || s[q] == '.' || s[q] == '_'))
                    q++;
                if (q - b >= 80) return q;
            }
        }
    }
    return 0;
}

/* Cisco's MAC notation, "5c5e.8540.1edc": three dot-separated groups of four
 * hex digits, with a letter somewhere (all digits reads as a number). */
static size_t cisco_mac(const unsigned char *s, size_t n, size_t i)
{
    size_t e = i + 14;
    if (e > n || (e < n && pii_is_alnum(s[e])) ||
        (e + 1 < n && s[e] == '.' && pii_is_alnum(s[e + 1])))
        return 0;
    bool letter = false;
    for (size_t k = 0; k < 14; k++) {
        if (k % 5 == 4) {
            if (s[i + k] != '.') return 0;
        } else if (pii_is_digit(s[i + k])) {
        } else if ((s[i + k] | 32) >= 'a' && (s[i + k] | 32) <= 'f') {
            letter = true;
        } else {
            return 0;
        }
    }
    return letter ? e : 0;
}

/* Where a token's separators are, found in one pass (a token is asked
 * about each of them; a search each cost a libc call). SIZE_MAX: none. */
typedef struct {
    size_t eq, eq_last, question, colon, slash, at; /* first '=', last '=', first '?', ... */
} tok_marks;

static void tok_marks_read(const unsigned char *s, size_t i, size_t e, tok_marks *m)
{
    enum { M_EQ = 1, M_Q, M_COLON, M_SLASH, M_AT };
    static const uint8_t mark[256] = {
        ['='] = M_EQ, ['?'] = M_Q, [':'] = M_COLON, ['/'] = M_SLASH, ['@'] = M_AT};
    m->eq = m->eq_last = m->question = m->colon = m->slash = m->at = SIZE_MAX;
    for (size_t k = i; k < e; k++) {
        switch (mark[s[k]]) {
        case 0:
            break;
        case M_EQ:
            if (m->eq == SIZE_MAX) m->eq = k;
            m->eq_last = k;
            break;
        case M_Q:
            if (m->question == SIZE_MAX) m->question = k;
            break;
        case M_COLON:
            if (m->colon == SIZE_MAX) m->colon = k;
            break;
        case M_SLASH:
            if (m->slash == SIZE_MAX) m->slash = k;
            break;
        default:
            if (m->at == SIZE_MAX) m->at = k;
            break;
        }
    }
}

/* A crypto address filling the alphanumeric run [i, an); its end, or 0. */
static size_t crypto_at(pii_ctx *c, size_t i, size_t an)
{
    const char *s = (const char *)c->s;
    size_t al = an - i;
    float sc = 0;
    if (al == 42 && s[i] == '0' && (s[i + 1] | 32) == 'x' && ew__pii_eth_valid(s + i, al))
        sc = 0.9f;
    else if (al >= 14 && ((s[i] | 32) == 'b' || (s[i] | 32) == 't') &&
             ew__pii_bech32_valid(s + i, al))
        sc = 0.95f;
    else if (al >= 26 && al <= 35 && (s[i] == '1' || s[i] == '3') &&
             ew__pii_btc_base58_valid(s + i, al))
        sc = 0.95f;
    if (sc == 0) return 0;
    ew__pii_add(c, EW_PII_CRYPTO_ADDRESS, i, an, sc);
    return an;
}

/* A MAC written without separators, "3C5AB4A1F2E0", after the word MAC: twelve
 * hex digits with a letter (all digits read as a number). */
static size_t bare_mac(const unsigned char *s, size_t i, size_t al)
{
    if (al != 12 || i < 4) return 0;
    bool letter = false;
    for (size_t k = i; k < i + 12; k++) {
        if (!pii_is_hex(s[k])) return 0;
        letter |= pii_is_alpha(s[k]);
    }
    size_t b = i > 32 ? i - 32 : 0;
    return letter && (pii_contains(s + b, i - b, "MAC", 3) || pii_contains(s + b, i - b, "mac", 3))
               ? i + 12
               : 0;
}

size_t ew__pii_scan_token(pii_ctx *c, size_t i, size_t te)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t e = te;
    while (e > i && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ':' || s[e - 1] == '!' ||
                     s[e - 1] == '?'))
        e--;
    if (e <= i) return 0;
    /* "p.gomez(at)firma.fr", "x9_user at gmx dot de" */
    if (te + 6 < n && (s[te] == '(' || s[te] == '[' ||
                       (s[te] == ' ' &&
                        (((s[te + 1] | 32) == 'a' && (s[te + 2] | 32) == 't' && s[te + 3] == ' ') ||
                         s[te + 1] == '(' || s[te + 1] == '[')))) {
        size_t r = ew__pii_scan_email_obf(c, i, te);
        if (r) return r;
    }
    tok_marks tm;
    tok_marks_read(s, i, e, &tm);
    /* a payment URI (BIP 21, EIP 681): "bitcoin:<address>?amount=…" */
    if (tm.colon != SIZE_MAX && (tm.colon - i == 7 || tm.colon - i == 8) &&
        (pii_icase_eq(s + i, "bitcoin:", 8) || pii_icase_eq(s + i, "ethereum:", 9))) {
        size_t a = tm.colon + 1, an = a;
        while (an < e && pii_is_alnum(s[an]))
            an++;
        size_t r = crypto_at(c, a, an);
        if (r) return r;
    }
    if (i > 0 && (s[i - 1] == '?' || s[i - 1] == '&') && tm.eq != SIZE_MAX) {
        query_names(c, i, e); /* "?name=John+Smith&..." without a scheme */
    } else if (tm.question != SIZE_MAX && tm.eq_last != SIZE_MAX && tm.eq_last > tm.question &&
               !(tm.colon != SIZE_MAX && pii_contains(s + i, e - i, "://", 3))) {
        query_names(c, tm.question + 1, e); /* "/signup?name=..." */
    }
    size_t x = ew__pii_secret_token(s, n, i);
    if (x) {
        ew__pii_add(c, EW_PII_SECRET, i, x, 0.95f);
        return x;
    }
    if ((x = ew__pii_telegram_at(s, n, i)) != 0) {
        ew__pii_add(c, EW_PII_SECRET, i, x, 0.95f);
        return x;
    }
    /* "key:value" and "key=value" tokens: a provider token after the separator */
    size_t sep = tm.colon < tm.eq ? tm.colon : tm.eq; /* the first ':' or '=', or SIZE_MAX */
    for (size_t k = sep > i ? sep : i + 1; k < e - 1; k++)
        if ((s[k] == ':' || s[k] == '=') && (x = ew__pii_secret_token(s, n, k + 1)) != 0) {
            ew__pii_add(c, EW_PII_SECRET, k + 1, x, 0.95f);
            return x;
        }
    if ((tm.colon != SIZE_MAX || tm.slash != SIZE_MAX) &&
        (x = ew__pii_scan_user_pair(c, i, ew__pii_token_end(s, n, i))) != 0)
        return x; /* "user:password", "user/password@db" */
    if ((x = special_token(s, n, i, e)) != 0 && !ew__pii_doc_word(s + i, x - i)) {
        ew__pii_add(c, EW_PII_SECRET, i, x, 0.9f);
        return x;
    }
    /* Azure DevOps PAT: 84 characters with "AZDO" at 76 */
    if (e - i == 84 && !memcmp(s + i + 76, "AZDO", 4)) {
        ew__pii_add(c, EW_PII_SECRET, i, e, 0.9f);
        return e;
    }
    for (size_t k = tm.colon; tm.colon != SIZE_MAX && k + 3 <= e; k++) /* from the first ':' */
        if (s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/' && k > i) return scan_url(c, i, e, k);
    if (tm.at != SIZE_MAX) {
        size_t r = scan_email(c, i, tm.at);
        if (r) return r;
    }
    size_t an = i;
    while (an < e && pii_is_alnum(s[an]))
        an++;
    size_t al = an - i;
    if ((x = crypto_at(c, i, an)) != 0) return x;
    /* Chinese resident id ending in X */
    if (al == 18 && (s[i + 17] | 32) == 'x' && ew__pii_cn_id_valid((const char *)s + i)) {
        ew__pii_add(c, EW_PII_CN_RESIDENT_ID, i, an, 0.95f);
        return an;
    }
    if (is_uuid(s, n, i)) return i + 36;
    size_t hx = hex_run(s, n, i);
    if (hx >= 32 && (i + hx >= n || !pii_is_alnum(s[i + hx]))) return i + hx; /* a digest */
    bool colon = tm.colon != SIZE_MAX;
    /* an IPv6 address before a .pgpass line: "2606:4700::f1bf:8e93" has the
     * five fields of one */
    bool dash17 = e - i == 17 && s[i + 2] == '-';
    size_t r0 = colon || dash17 ? scan_colon_token(c, i, e) : 0;
    if (r0) return r0;
    size_t pg = colon ? ew__pii_scan_pgpass(c, i, e) : 0;
    if (pg) return pg;
    if (colon || dash17) {
        if (pii_is_digit(s[i])) {
            size_t q = ew__pii_scan_number(c, i); /* "10.0.0.1:8080" */
            return q ? q : e;
        }
    }
    size_t r = bare_mac(s, i, al);
    if (r && (r >= n || !pii_is_alnum(s[r]))) {
        ew__pii_add(c, EW_PII_MAC_ADDRESS, i, r, 0.85f);
        return r;
    }
    r = cisco_mac(s, n, i);
    if (r) {
        ew__pii_add(c, EW_PII_MAC_ADDRESS, i, r, 0.85f);
        return r;
    }
    if ((r = scan_iban(c, i)) != 0) return r;
    if ((r = ew__pii_scan_nino(c, i)) != 0) return r;
    if ((r = ew__pii_scan_passport(c, i)) != 0) return r;
    int y, m, d;
    if (pii_is_digit(s[i]) && (r = ew__pii_parse_date(s, n, i, &y, &m, &d)) != 0) {
        if (ew__pii_dob_cue(c, i, r)) ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, r, 0.9f);
        return e; /* with its time part */
    }
    return ew__pii_scan_chat_value(c, i); /* "lykilorðið er Hekla#4521" */
}
