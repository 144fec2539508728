/* Credentials that are examples by general signs: a documentation host
 * (RFC 2606 names, RFC 5737 and RFC 3849 addresses) holding a password
 * spelt only from words that describe a password, and webhook URLs whose
 * random parts were typed by hand (one repeated character, or two ids that
 * are near copies of each other). */
#include <string.h>
#include <strings.h>

#include "router/pii_secret.h"

/* "example.com", "db.example.org", "server.test", "x.example", "y.invalid". */
static bool doc_name(const unsigned char *h, size_t n)
{
    static const char *const tails[] = {"example.com", "example.net", "example.org",
                                        "example",     "test",        "invalid"};
    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
        size_t l = strlen(tails[k]);
        if (n >= l && !strncasecmp((const char *)h + n - l, tails[k], l) &&
            (n == l || h[n - l - 1] == '.'))
            return true;
    }
    return false;
}

/* 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737); 2001:db8::/32
 * (RFC 3849), bracketed as URLs write it. */
static bool doc_address(const unsigned char *h, size_t n)
{
    static const char *const nets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
    for (size_t k = 0; k < sizeof nets / sizeof *nets; k++) {
        size_t l = strlen(nets[k]);
        if (n > l && !memcmp(h, nets[k], l)) return true;
    }
    if (n > 1 && h[0] == '[') h++, n--;
    return (n > 9 && !strncasecmp((const char *)h, "2001:db8:", 9)) ||
           (n > 10 && !strncasecmp((const char *)h, "2001:0db8:", 10));
}

bool ew__pii_doc_host(const unsigned char *s, size_t h, size_t e)
{
    bool any = false;
    while (h < e) { /* "h1:27017,h2:27017": every host must be one */
        size_t he = h, ne;
        if (s[h] == '[') {
            while (he < e && s[he] != ']')
                he++;
            ne = he += he < e;
        } else {
            while (he < e && s[he] != ':' && s[he] != ',')
                he++;
            ne = he;
        }
        if (!doc_name(s + h, ne - h) && !doc_address(s + h, ne - h)) return false;
        any = true;
        while (he < e && s[he] != ',')
            he++;
        h = he + 1;
    }
    return any;
}

/* Each '/'-separated part after a letter or none is one character repeated
 * ("T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"). */
static bool repeated_parts(const unsigned char *s, size_t a, size_t e)
{
    size_t parts = 0;
    while (a < e) {
        size_t b = a, pe = a;
        while (pe < e && s[pe] != '/')
            pe++;
        if (pe - b > 2 && pii_is_upper(s[b]) && s[b + 1] != s[b]) b++;
        for (size_t k = b; k < pe; k++)
            if (s[k] != s[b]) return false;
        parts += pe - b >= 4;
        a = pe + 1;
    }
    return parts >= 2;
}

/* The 32 hex digits of the id (8-4-4-4-12) at i in out, or false. */
static bool guid_digits(const unsigned char *s, size_t e, size_t i, unsigned char out[32])
{
    if (i + 36 > e || !ew__pii_is_uuid(s, i + 36, i)) return false;
    size_t m = 0;
    for (size_t k = i; k < i + 36; k++)
        if (s[k] != '-') out[m++] = (unsigned char)(s[k] | 32);
    return m == 32;
}

/* Two ids in [a, e) that agree in 24 or more of their 32 digits: random
 * ones agree in two on average, so one was copied from the other and edited
 * by hand. */
static bool near_copies(const unsigned char *s, size_t a, size_t e)
{
    unsigned char ids[4][32];
    size_t m = 0;
    for (size_t k = a; k + 36 <= e && m < 4; k++) {
        if ((k > a && pii_is_alnum(s[k - 1])) || !guid_digits(s, e, k, ids[m])) continue;
        m++;
        k += 35;
    }
    for (size_t x = 0; x < m; x++)
        for (size_t y = x + 1; y < m; y++) {
            size_t same = 0;
            for (size_t d = 0; d < 32; d++)
                same += ids[x][d] == ids[y][d];
            if (same >= 24) return true;
        }
    return false;
}

bool ew__pii_hook_made_up(const unsigned char *s, size_t a, size_t e)
{
    return repeated_parts(s, a, e) || near_copies(s, a, e);
}

bool ew__pii_line_doc_url(const unsigned char *s, size_t n, size_t k)
{
    size_t lim = k + 512 < n ? k + 512 : n;
    for (; k + 3 < lim && s[k] != '\n'; k++) {
        if (s[k] != ':' || s[k + 1] != '/' || s[k + 2] != '/') continue;
        size_t h = k + 3, e = h;
        while (e < lim && !pii_is_space(s[e]) && !strchr("/?#\"'`<>", s[e]))
            e++;
        const unsigned char *at = memchr(s + h, '@', e - h);
        if (at) h = (size_t)(at - s) + 1;
        return ew__pii_doc_host(s, h, e);
    }
    return false;
}
