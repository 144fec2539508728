/* Secrets in formats of their own that name no key: the WiFi QR code's
 * "WIFI:T:WPA;S:<ssid>;P:<password>;;" (fields in any order, values quoted
 * or escaped with '\'), and Redis's AUTH command and masterauth directive
 * ("> AUTH [user] <password>", "masterauth <password>"). */
#include <string.h>

#include "router/pii_secret.h"

/* The end of a WiFi QR field's value at k: the ';' that is not escaped. */
static size_t wifi_value_end(const unsigned char *s, size_t n, size_t k)
{
    while (k < n && s[k] != ';' && s[k] != '\n') {
        if (s[k] == '\\' && k + 1 < n) k++;
        k++;
    }
    return k;
}

size_t ew__pii_scan_wifi_qr(pii_ctx *c, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, found = 0;
    for (int f = 0; f < 8 && k + 2 < n && pii_is_upper(s[k]) && s[k + 1] == ':'; f++) {
        size_t vs = k + 2, ve = wifi_value_end(s, n, vs);
        bool quoted = ve - vs >= 2 && s[vs] == '"' && s[ve - 1] == '"';
        if (s[k] == 'P' && ve > vs + quoted * 2) {
            found = ew__pii_add_secret_value(c, PII_KEY_PASSWORD, vs + quoted, ve - quoted, true);
            if (found) found = ve;
        }
        if (ve >= n || s[ve] != ';') break;
        k = ve + 1;
    }
    return found;
}

/* The arguments after AUTH or masterauth at k, to the end of the line: one
 * (the password) or two (a user, then the password). */
size_t ew__pii_scan_redis_auth(pii_ctx *c, size_t i, size_t ie)
{
    const unsigned char *s = c->s;
    size_t n = c->n, b = i;
    size_t wl = ie - i;
    bool auth = wl == 4 && !memcmp(s + i, "AUTH", 4);
    if (!auth && !(wl == 10 && !memcmp(s + i, "masterauth", 10))) return 0;
    /* at a line's start, or after redis-cli's prompt ("127.0.0.1:6379> ") */
    while (b > 0 && s[b - 1] == ' ')
        b--;
    if (b > 0 && s[b - 1] != '\n' && !(auth && s[b - 1] == '>')) return 0;
    size_t a[3][2], na = 0, k = ie;
    while (k < n && s[k] != '\n' && na < 3) {
        while (k < n && s[k] == ' ')
            k++;
        size_t vs = k;
        while (k < n && s[k] > ' ')
            k++;
        if (k > vs) a[na][0] = vs, a[na][1] = k, na++;
    }
    if (na == 0 || na > (auth ? 2u : 1u) || (k < n && s[k] != '\n' && s[k] != '\r')) return 0;
    size_t vs = a[na - 1][0], ve = a[na - 1][1];
    bool quoted = ve - vs >= 2 && (s[vs] == '"' || s[vs] == '\'') && s[ve - 1] == s[vs];
    return ew__pii_add_secret_value(c, PII_KEY_PASSWORD, vs + quoted, ve - quoted, true);
}
