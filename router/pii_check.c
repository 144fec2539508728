/* Validators that confirm PII candidates: checksums (Luhn, mod-97, ISO 7064,
 * base58check, bech32, EIP-55) and the published ranges of each format. A
 * candidate that fails its validator is not reported, which is what keeps
 * random numbers and look-alikes out. */
#include <math.h>
#include <string.h>

#include <mbedtls/sha256.h>

#include "router/pii_internal.h"

bool ew__pii_luhn(const char *d, size_t n)
{
    unsigned sum = 0;
    bool dbl = false;
    for (size_t i = n; i-- > 0;) {
        unsigned v = (unsigned)(d[i] - '0');
        if (dbl) {
            v *= 2;
            if (v > 9) v -= 9;
        }
        sum += v;
        dbl = !dbl;
    }
    return n > 0 && sum % 10 == 0;
}

static unsigned prefix_num(const char *d, int k)
{
    unsigned v = 0;
    for (int i = 0; i < k; i++)
        v = v * 10 + (unsigned)(d[i] - '0');
    return v;
}

/* Issuer identification ranges and the lengths each network issues. */
bool ew__pii_card_issuer(const char *d, size_t n)
{
    if (n < 12 || n > 19) return false;
    unsigned p1 = prefix_num(d, 1), p2 = prefix_num(d, 2), p3 = prefix_num(d, 3);
    unsigned p4 = prefix_num(d, 4), p6 = prefix_num(d, 6);
    if (p1 == 4) /* Visa */
        return n == 13 || n == 16 || n == 19;
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) /* Mastercard */
        return n == 16;
    if (p2 == 34 || p2 == 37) /* American Express */
        return n == 15;
    if (p4 >= 2200 && p4 <= 2204) /* Mir */
        return n >= 16;
    if (p3 >= 300 && p3 <= 305) /* Diners Club */
        return n >= 14;
    if (p2 == 36 || p2 == 38 || p2 == 39) return n >= 14;
    if (p4 >= 3528 && p4 <= 3589) /* JCB */
        return n >= 16;
    if ((p4 == 1800 || p4 == 2131) && n == 15) /* JCB (old) */
        return true;
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 ||
        (p6 >= 622126 && p6 <= 622925)) /* Discover */
        return n >= 16;
    if (p2 == 62 || p2 == 81) /* UnionPay */
        return n >= 16;
    /* Maestro issues 12 to 19 digits. */
    if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 ||
        (p4 >= 6761 && p4 <= 6763) || p4 == 604 || p4 == 6390 || (p2 >= 56 && p2 <= 58) ||
        p2 == 60 || p3 == 508)
        return true;
    /* national schemes: Dankort, Elo, Verve, Troy, RuPay, UzCard, Humo */
    if (p4 == 5019 || p6 == 504175 || p3 == 509 || (p6 >= 506099 && p6 <= 506778) || p6 == 636297 ||
        p6 == 636368 || p4 == 9792 || p2 == 82 || p4 == 8600 || p4 == 9860)
        return n >= 16;
    return false;
}

/* IBAN length by country (ISO 13616 registry). */
static const struct {
    char cc[3];
    unsigned char len;
} iban_len[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
};

/* compact: letters and digits only, any case. */
bool ew__pii_iban_valid(const char *s, size_t n)
{
    if (n < 15 || n > 34) return false;
    char cc[2] = {(char)(s[0] & ~32), (char)(s[1] & ~32)};
    size_t want = 0;
    for (size_t i = 0; i < sizeof iban_len / sizeof iban_len[0]; i++)
        if (iban_len[i].cc[0] == cc[0] && iban_len[i].cc[1] == cc[1]) want = iban_len[i].len;
    if (want != n || !pii_is_digit((unsigned char)s[2]) || !pii_is_digit((unsigned char)s[3]))
        return false;
    /* mod 97 of the rearranged number, letters as 10..35, computed piecewise. */
    unsigned rem = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)s[(k + 4) % n];
        if (pii_is_digit(ch)) {
            rem = (rem * 10 + (ch - '0')) % 97;
        } else if (pii_is_alpha(ch)) {
            unsigned v = (unsigned)((ch | 32) - 'a') + 10;
            rem = (rem * 100 + v) % 97;
        } else {
            return false;
        }
    }
    return rem == 1;
}

/* SSA rules: area 001-899 but not 666, group 01-99, serial 0001-9999; and the
 * numbers the SSA published as examples (never issued). */
bool ew__pii_ssn_valid(const char *d)
{
    unsigned area = prefix_num(d, 3), group = prefix_num(d + 3, 2), serial = prefix_num(d + 5, 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
    if (!memcmp(d, "078051120", 9) || !memcmp(d, "219099999", 9)) return false;
    return true;
}

/* HMRC: two prefix letters (D F I Q U V never; O never second; BG GB KN NK NT
 * TN ZZ never), six digits, suffix A-D. compact is upper case. */
bool ew__pii_nino_valid(const char *s, size_t n)
{
    if (n != 9) return false;
    char a = s[0], b = s[1];
    if (!pii_is_upper((unsigned char)a) || !pii_is_upper((unsigned char)b)) return false;
    if (strchr("DFIQUV", a) || strchr("DFIOQUV", b)) return false;
    static const char *const bad[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (a == bad[i][0] && b == bad[i][1]) return false;
    for (int i = 2; i < 8; i++)
        if (!pii_is_digit((unsigned char)s[i])) return false;
    return s[8] >= 'A' && s[8] <= 'D';
}

static bool valid_ymd(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
    return true;
}

/* GB 11643-1999: area code, birth date, sequence, ISO 7064 MOD 11-2 check. */
bool ew__pii_cn_id_valid(const char *id)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char check[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        if (!pii_is_digit((unsigned char)id[i])) return false;
        sum += (id[i] - '0') * w[i];
    }
    char c = (char)(id[17] == 'x' ? 'X' : id[17]);
    if (c != check[sum % 11]) return false;
    /* the province of GB 11643's region code (GB/T 2260); 81-83 are the
     * residence permits of Hong Kong, Macao and Taiwan, 91 foreigners' */
    unsigned pv = prefix_num(id, 2);
    if (!((pv >= 11 && pv <= 15) || (pv >= 21 && pv <= 23) || (pv >= 31 && pv <= 37) ||
          (pv >= 41 && pv <= 46) || (pv >= 50 && pv <= 54) || (pv >= 61 && pv <= 65) || pv == 71 ||
          (pv >= 81 && pv <= 83) || pv == 91))
        return false;
    int y = (int)prefix_num(id + 6, 4), m = (int)prefix_num(id + 10, 2),
        d = (int)prefix_num(id + 12, 2);
    return y >= 1900 && y <= 2100 && valid_ymd(y, m, d);
}

bool ew__pii_date_valid(int y, int m, int d)
{
    return valid_ymd(y, m, d);
}

/* ---- bitcoin ------------------------------------------------------------- */
static const char b58[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/* Legacy addresses: base58 of version(1) + hash(20) + checksum(4), where the
 * checksum is the first 4 bytes of SHA-256(SHA-256(version + hash)). */
bool ew__pii_btc_base58_valid(const char *s, size_t n)
{
    if (n < 26 || n > 35) return false;
    unsigned char out[25] = {0};
    for (size_t i = 0; i < n; i++) {
        const char *p = strchr(b58, s[i]);
        if (!p || !s[i]) return false;
        unsigned carry = (unsigned)(p - b58);
        for (int k = 24; k >= 0; k--) {
            carry += 58u * out[k];
            out[k] = (unsigned char)(carry & 0xFF);
            carry >>= 8;
        }
        if (carry) return false; /* more than 25 bytes */
    }
    if (out[0] != 0x00 && out[0] != 0x05 && out[0] != 0x6F && out[0] != 0xC4) return false;
    unsigned char h1[32], h2[32];
    if (mbedtls_sha256_ret(out, 21, h1, 0) || mbedtls_sha256_ret(h1, 32, h2, 0)) return false;
    return !memcmp(h2, out + 21, 4);
}

static uint32_t bech32_polymod(const unsigned char *v, size_t n)
{
    static const uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    uint32_t chk = 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v[i];
        for (int k = 0; k < 5; k++)
            if ((top >> k) & 1) chk ^= gen[k];
    }
    return chk;
}

/* Segwit addresses (BIP-173 bech32 and BIP-350 bech32m), hrp bc or tb. */
bool ew__pii_bech32_valid(const char *s, size_t n)
{
    static const char cs[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    if (n < 14 || n > 90) return false;
    bool lower = false, upper = false;
    for (size_t i = 0; i < n; i++) {
        lower |= pii_is_lower((unsigned char)s[i]);
        upper |= pii_is_upper((unsigned char)s[i]);
    }
    if (lower && upper) return false;
    size_t sep = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '1') sep = i;
    if (sep != 2 || n - sep - 1 < 6) return false;
    char h0 = (char)(s[0] | 32), h1 = (char)(s[1] | 32);
    if (!((h0 == 'b' && h1 == 'c') || (h0 == 't' && h1 == 'b'))) return false;
    unsigned char v[128];
    size_t k = 0;
    v[k++] = (unsigned char)(h0 >> 5);
    v[k++] = (unsigned char)(h1 >> 5);
    v[k++] = 0;
    v[k++] = (unsigned char)(h0 & 31);
    v[k++] = (unsigned char)(h1 & 31);
    for (size_t i = sep + 1; i < n; i++) {
        const char *p = strchr(cs, s[i] | 32);
        if (!p || !s[i]) return false;
        v[k++] = (unsigned char)(p - cs);
    }
    uint32_t pm = bech32_polymod(v, k);
    return pm == 1 || pm == 0x2bc830a3;
}

/* ---- ethereum: EIP-55 mixed-case checksum over Keccak-256 -------------------- */
static uint64_t rotl64(uint64_t x, int r)
{
    return r ? (x << r) | (x >> (64 - r)) : x;
}

static void keccak_f(uint64_t st[25])
{
    static const uint64_t rc[24] = {
        0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
        0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
        0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
        0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
        0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
        0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};
    static const int rot[25] = {0,  1,  62, 28, 27, 36, 44, 6,  55, 20, 3,  10, 43,
                                25, 39, 41, 45, 15, 21, 8,  18, 2,  61, 56, 14};
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], b[25];
        for (int x = 0; x < 5; x++)
            c[x] = st[x] ^ st[x + 5] ^ st[x + 10] ^ st[x + 15] ^ st[x + 20];
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                st[y + x] ^= d;
        }
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(st[x + 5 * y], rot[x + 5 * y]);
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                st[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
        st[0] ^= rc[round];
    }
}

/* Keccak-256 (the pre-SHA-3 padding Ethereum uses) of a message < 136 bytes. */
static void keccak256_short(const unsigned char *msg, size_t n, unsigned char out[32])
{
    uint64_t st[25] = {0};
    unsigned char block[136] = {0};
    memcpy(block, msg, n);
    block[n] ^= 0x01;
    block[135] ^= 0x80;
    for (int i = 0; i < 17; i++) {
        uint64_t w = 0;
        for (int k = 0; k < 8; k++)
            w |= (uint64_t)block[i * 8 + k] << (8 * k);
        st[i] ^= w;
    }
    keccak_f(st);
    for (int i = 0; i < 4; i++)
        for (int k = 0; k < 8; k++)
            out[i * 8 + k] = (unsigned char)(st[i] >> (8 * k));
}

/* "0x" + 40 hex digits; mixed case must carry a valid EIP-55 checksum. */
bool ew__pii_eth_valid(const char *s, size_t n)
{
    if (n != 42 || s[0] != '0' || (s[1] | 32) != 'x') return false;
    bool lower = false, upper = false;
    unsigned char low[40];
    for (int i = 0; i < 40; i++) {
        unsigned char ch = (unsigned char)s[2 + i];
        if (!pii_is_hex(ch)) return false;
        lower |= ch >= 'a' && ch <= 'f';
        upper |= ch >= 'A' && ch <= 'F';
        low[i] = (unsigned char)(pii_is_alpha(ch) ? (ch | 32) : ch);
    }
    if (!(lower && upper)) return true; /* single-case addresses carry no checksum */
    unsigned char h[32];
    keccak256_short(low, 40, h);
    for (int i = 0; i < 40; i++) {
        unsigned char ch = (unsigned char)s[2 + i];
        if (!pii_is_alpha(ch)) continue;
        int nib = (h[i / 2] >> (i % 2 ? 0 : 4)) & 0xF;
        if ((nib >= 8) != pii_is_upper(ch)) return false;
    }
    return true;
}

/* An IPv4 address that is no host's, so no one's: 0.0.0.0/8 ("this
 * network": a bind to every interface, a route to anywhere), loopback
 * 127/8 (every machine's own), the limited broadcast 255.255.255.255 and
 * netmasks (255.255.255.0: ones, then zeros). Private addresses (10/8,
 * 192.168/16) are a host's and stay reported. */
bool ew__pii_ipv4_nobody(uint32_t addr)
{
    uint32_t top = addr >> 24, inv = ~addr;
    if (top == 0 || top == 127) return true;
    return top == 255 && (inv & (inv + 1)) == 0;
}

/* IPv6 text form (RFC 4291 section 2.2), with an optional trailing IPv4. */
bool ew__pii_ipv6_valid(const char *s, size_t n)
{
    int groups = 0, dbl = 0;
    size_t i = 0;
    if (n < 2 || n > 45) return false;
    if (s[0] == ':') {
        if (s[1] != ':') return false;
        dbl = 1;
        i = 2;
    }
    while (i < n) {
        size_t k = i;
        while (k < n && pii_is_hex((unsigned char)s[k]) && k - i < 5)
            k++;
        if (k < n && s[k] == '.') { /* embedded IPv4: count as two groups */
            int parts = 0;
            size_t j = i;
            while (j < n) {
                unsigned v = 0;
                size_t d0 = j;
                while (j < n && pii_is_digit((unsigned char)s[j]) && j - d0 < 4)
                    v = v * 10 + (unsigned)(s[j++] - '0');
                if (j == d0 || v > 255) return false;
                parts++;
                if (j < n && s[j] == '.')
                    j++;
                else
                    break;
            }
            if (parts != 4 || j != n) return false;
            groups += 2;
            i = n;
            break;
        }
        if (k == i || k - i > 4) return false;
        groups++;
        i = k;
        if (i == n) break;
        if (s[i] != ':') return false;
        i++;
        if (i < n && s[i] == ':') {
            if (dbl) return false;
            dbl = 1;
            i++;
        } else if (i == n) {
            return false;
        }
    }
    return dbl ? groups < 8 : groups == 8;
}

double ew__pii_entropy(const unsigned char *s, size_t n)
{
    unsigned counts[256] = {0};
    for (size_t i = 0; i < n; i++)
        counts[s[i]]++;
    double h = 0;
    for (int i = 0; i < 256; i++) {
        if (!counts[i]) continue;
        double p = (double)counts[i] / (double)n;
        h -= p * log2(p);
    }
    return h;
}
