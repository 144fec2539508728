/* What a key's name says about its value (ew__pii_key_kind): "password",
 * "AWS_SECRET_ACCESS_KEY", "apiKey", "ado_pat", "next_page_token".
 *
 * Every identifier before a '=' or ':' is asked, so in code and config text
 * this runs once per key of a JSON object or a YAML file. The words are
 * data (the lists below); the tables built from them once make a name cost
 * a few instructions per byte: words found anywhere inside the name are
 * filtered by their first three bytes in one pass over it, words that must
 * be a whole part of the name are found with one hash probe per part. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "router/pii_internal.h"

/* ---- the words ------------------------------------------------------------ */
/* Found anywhere in the name. Names that describe a secret rather than hold
 * one, and public keys ("publicKey", "stripe_publishable_key"): */
static const char *const sub_meta[] = {
    "public",    "publishable", "label",       "field",    "hint",     "policy",
    "reset",     "forgot",      "placeholder", "prompt",   "confirm",  "change",
    "algorithm", "algo",        "expir",       "rotation", "strength", "ttl",
    "tokeniz",   "fingerprint", "thumbprint",  "keygrip",  "checksum", "digest"};
static const char *const sub_password[] = {"password",
                                           "passwd",
                                           "passphrase",
                                           "passwort",
                                           "kennwort",
                                           "contrasena",
                                           "haslo",
                                           "motdepasse",
                                           "wachtwoord",
                                           "senha",
                                           "contrase\xc3\xb1"
                                           "a",
                                           "has\xc5\x82o",
                                           "salasana",
                                           "adgangskode"};
static const char *const sub_secret[] = {"secret", "token",     "credential", "private",
                                         "apikey", "signature", "unseal",     "authorization"};
/* a token that finds a place in a list (below) is no secret unless the
 * name says it opens something */
static const char *const sub_token[] = {"token"};
static const char *const sub_door[] = {"secret", "auth", "access", "refresh"};

/* Whole parts of the name, split at '_', '-', '.' and lower-to-upper case
 * changes ("db_pass", "apiKey"). */
/* "psk": WPA's pre-shared key, a passphrase (wpa_supplicant's psk="x") */
static const char *const part_password[] = {"pass", "pwd", "pw", "psk"};
static const char *const part_secret[] = {"auth", "cred", "creds", "pat", "sig", "bearer"};
/* providers whose keys have no telling prefix: "postmark: <uuid>" */
static const char *const part_key[] = {"key",     "keys",     "api",     "login",
                                       "license", "postmark", "heroku",  "mailgun",
                                       "algolia", "pusher",   "rollbar", "mapbox"};
/* keys that find a record rather than open a door: "idempotency_key",
 * "partition_key", "cache_key", "sort_key", "object_key" */
static const char *const part_lookup[] = {
    "idempotency", "partition", "cache",  "sort",  "primary", "foreign", "routing",
    "dedup",       "dedupe",    "lookup", "shard", "object",  "cursor",  "row",
    "index",       "unique",    "hash",   "range", "group",   "map",     "i18n",
    "translation", "recv",      "keyid",  "fpr"};
/* tokens that find a place in a list or a trace: "next_page_token",
 * "continuationToken", "syncToken", "X-Trace-Token" */
static const char *const part_place[] = {"page",  "next",       "continuation", "sync",
                                         "trace", "pagination", "resume",       "cursor"};

/* A word and its length. */
typedef struct {
    const char *w;
    size_t l;
} key_word;
#define W(x)                                                                                       \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }
/* Providers' documented secrets whose names say "id": Code Climate's test
 * reporter id is its coverage upload key. The whole name. */
static const key_word whole_key[] = {W("cc_test_reporter_id")};
/* "api_key_url", "token_type", "client_id", "credsStore": about a secret
 * or where it is kept, not one. The name's end. */
static const key_word end_meta[] = {W("length"), W("url"), W("path"), W("file"), W("name"),
                                    W("type"), W("size"), W("version"), W("id"), W("store"),
                                    W("helper"), W("provider"), W("backend"), W("manager"),
                                    W("mode"), W("method"),
                                    /* a CAPTCHA's site key is published in every page */
                                    W("site_key"), W("sitekey"), W("site-key")};
/* "password_hash", "api_key_sha256": a digest of the secret, which a
 * password's name does not make one again. The name's end. */
static const key_word end_digest[] = {W("hash"),   W("hashed"), W("sha1"),
                                      W("sha256"), W("sha512"), W("md5")};
/* A dotted setting whose last part says what it sets about the secret:
 * "user.password.encoder", "token.header", "password.min-length". */
static const key_word setting_last[] = {W("encoder"), W("encoding"), W("header"), W("length"),
                                        W("format"),  W("min"),      W("max"),    W("rounds")};
#undef W

enum {
    KN_META = 1,
    KN_PASSWORD = 2,
    KN_SECRET = 4,
    KN_KEY = 8,
    KN_LOOKUP = 16,
    KN_PLACE = 32,
    KN_TOKEN = 64,
    KN_DOOR = 128,
};

typedef struct {
    const char *const *w;
    size_t n;
    uint8_t flags;
} key_list;
#define LIST(a, f)                                                                                 \
    {                                                                                              \
        a, sizeof a / sizeof *a, f                                                                 \
    }
static const key_list sub_lists[] = {
    LIST(sub_meta, KN_META),   LIST(sub_password, KN_PASSWORD), LIST(sub_secret, KN_SECRET),
    LIST(sub_token, KN_TOKEN), LIST(sub_door, KN_DOOR),
};
static const key_list part_lists[] = {
    LIST(part_password, KN_PASSWORD), LIST(part_secret, KN_SECRET), LIST(part_key, KN_KEY),
    LIST(part_lookup, KN_LOOKUP),     LIST(part_place, KN_PLACE),
};
#undef LIST

/* ---- the tables --------------------------------------------------------- */
/* The words found anywhere, once each: a bit per word, and for each of the
 * first three byte positions the words that have byte b there (a shorter
 * word has every byte past its end), so one AND of three loads tells the
 * few words that can start at a position of the name. */
#define SUB_MAX 64
_Static_assert(sizeof sub_meta / sizeof *sub_meta + sizeof sub_password / sizeof *sub_password +
                       sizeof sub_secret / sizeof *sub_secret +
                       sizeof sub_token / sizeof *sub_token + sizeof sub_door / sizeof *sub_door <=
                   SUB_MAX,
               "one bit per word found anywhere in a key's name");
static struct {
    const char *w;
    size_t len;
    uint8_t flags;
} sub_words[SUB_MAX];
static int n_sub_words;
static uint64_t sub_at[3][256];

/* The whole-part words by hash, open addressing (a power of two, at least
 * twice the words). */
#define PART_SLOTS 256
static struct {
    const char *w; /* NULL: empty */
    size_t len;
    uint8_t flags;
} part_slots[PART_SLOTS];

static pthread_once_t key_once = PTHREAD_ONCE_INIT;

/* FNV-1a (parts are a few bytes), taken a byte at a time so the name's
 * reader hashes a part while it finds its end. */
#define PART_HASH_SEED 2166136261u
static inline uint32_t part_hash_step(uint32_t h, unsigned char b)
{
    return (h ^ b) * 16777619u;
}
static inline uint32_t part_hash_end(uint32_t h)
{
    return h ^ (h >> 15);
}
static uint32_t part_hash(const char *p, size_t n)
{
    uint32_t h = PART_HASH_SEED;
    for (size_t k = 0; k < n; k++)
        h = part_hash_step(h, (unsigned char)p[k]);
    return part_hash_end(h);
}

static void add_sub(const char *w, uint8_t flags)
{
    size_t len = strlen(w);
    for (int k = 0; k < n_sub_words; k++)
        if (sub_words[k].len == len && !memcmp(sub_words[k].w, w, len)) {
            sub_words[k].flags |= flags; /* "secret": a secret, and a door */
            return;
        }
    int k = n_sub_words++;
    sub_words[k].w = w;
    sub_words[k].len = len;
    sub_words[k].flags = flags;
    for (int at = 0; at < 3; at++)
        for (unsigned b = 0; b < 256; b++)
            if ((size_t)at >= len || (unsigned char)w[at] == b) sub_at[at][b] |= 1ull << k;
}

static void add_part(const char *w, uint8_t flags)
{
    size_t len = strlen(w);
    uint32_t i = part_hash(w, len) & (PART_SLOTS - 1);
    while (part_slots[i].w && !(part_slots[i].len == len && !memcmp(part_slots[i].w, w, len)))
        i = (i + 1) & (PART_SLOTS - 1);
    part_slots[i].w = w;
    part_slots[i].len = len;
    part_slots[i].flags |= flags; /* "cursor": a lookup and a place */
}

static void key_build(void)
{
    for (size_t l = 0; l < sizeof sub_lists / sizeof *sub_lists; l++)
        for (size_t k = 0; k < sub_lists[l].n; k++)
            add_sub(sub_lists[l].w[k], sub_lists[l].flags);
    for (size_t l = 0; l < sizeof part_lists / sizeof *part_lists; l++)
        for (size_t k = 0; k < part_lists[l].n; k++)
            add_part(part_lists[l].w[k], part_lists[l].flags);
}

void ew__pii_key_init(void)
{
    pthread_once(&key_once, key_build);
}

/* ---- a name --------------------------------------------------------------- */
/* v with its ASCII capitals made small, eight bytes at once: a lane is a
 * capital when its low seven bits are 'A'..'Z' and its high bit is clear;
 * its 0x20 bit is then set (the lane's high bit shifted down by two). */
static inline uint64_t fold_upper(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
    uint64_t y = v & ~high;
    uint64_t upper = (y + ones * (0x80 - 'A')) & ~(y + ones * (0x7F - 'Z')) & ~v & high;
    return v | upper >> 2;
}

/* Is the describing word at low[p, p + len) a part of the name orig? A name
 * in parts ("exchange_api_secret", "algoliaToken", "settlemintToken") has
 * the word at a part's start ("token_expires", "jwtAlgo", "passwordConfirm"),
 * and the abbreviations "algo" and "ttl" as a whole part, not inside another
 * word (exchange, algolia, settle). A name in one piece ("publickey",
 * "tokenttl") cannot show where its words meet: anywhere counts. */
static __attribute__((noinline)) bool meta_part(const unsigned char *orig, const char *low,
                                                size_t n, size_t p, size_t len)
{
    bool whole =
        (len == 4 && !memcmp(low + p, "algo", 4)) || (len == 3 && !memcmp(low + p, "ttl", 3));
    bool starts = p == 0 || !pii_is_alnum(orig[p - 1]) ||
                  (pii_is_upper(orig[p]) && pii_is_lower(orig[p - 1]));
    size_t e = p + len;
    bool ends =
        e == n || !pii_is_alnum(orig[e]) || (pii_is_upper(orig[e]) && pii_is_lower(orig[e - 1]));
    if (starts && (ends || !whole)) return true;
    for (size_t k = 1; k < n; k++) /* not at a part: a name in one piece? */
        if (!pii_is_alnum(orig[k]) || (pii_is_upper(orig[k]) && pii_is_lower(orig[k - 1])))
            return false;
    return true;
}

/* The flags of the words found anywhere in low[0, n) (zero-padded by two),
 * the lowercased copy of the name orig. */
static unsigned sub_flags(const unsigned char *orig, const char *low, size_t n)
{
    const unsigned char *u = (const unsigned char *)low;
    unsigned flags = 0;
    for (size_t p = 0; p < n; p++) {
        uint64_t m = sub_at[0][u[p]];
        if (!m) continue; /* no word starts with this byte */
        m &= sub_at[1][u[p + 1]] & sub_at[2][u[p + 2]];
        while (m) {
            int k = __builtin_ctzll(m);
            m &= m - 1;
            size_t len = sub_words[k].len;
            if (p + len > n || !pii_bytes_eq(low + p, sub_words[k].w, len)) continue;
            unsigned f = sub_words[k].flags;
            if ((f & KN_META) && !meta_part(orig, low, n, p, len)) f &= ~(unsigned)KN_META;
            flags |= f;
        }
    }
    return flags;
}

/* The flags of the part p[0, n) whose part_hash is h. */
static unsigned part_flags(const char *p, size_t n, uint32_t h)
{
    uint32_t i = h & (PART_SLOTS - 1);
    for (; part_slots[i].w; i = (i + 1) & (PART_SLOTS - 1))
        if (part_slots[i].len == n && pii_bytes_eq(p, part_slots[i].w, n))
            return part_slots[i].flags;
    return 0;
}

/* What a key is for, written glued to "key" ("accesskey", "STORAGEKEY"):
 * the qualifiers of a qualified key and the stores whose keys open them. */
static bool glued_key(const char *w, size_t n)
{
    static const char *const what[] = {"access",  "signing", "encryption",  "master", "storage",
                                       "account", "license", "licence",     "shared", "session",
                                       "webhook", "hmac",    "subscription"};
    for (size_t k = 0; k < sizeof what / sizeof *what; k++)
        if (strlen(what[k]) == n && !memcmp(w, what[k], n)) return true;
    return false;
}

static bool listed(const key_word *list, size_t count, const char *w, size_t n, bool at_end)
{
    for (size_t k = 0; k < count; k++) {
        size_t l = list[k].l;
        if (at_end ? n > l && pii_bytes_eq(w + n - l, list[k].w, l)
                   : n == l && pii_bytes_eq(w, list[k].w, l))
            return true;
    }
    return false;
}

int ew__pii_key_kind(const unsigned char *s, size_t i, size_t e)
{
    /* "checksum/secret" (Helm's annotations): the parts before a slash are
     * part of the name and may say the value is about the secret */
    if (i > 1 && s[i - 1] == '/' && pii_is_alnum(s[i - 2]))
        while (i > 0 && e - i < 64 && (pii_is_alnum(s[i - 1]) || s[i - 1] == '/'))
            i--;
    char low[64 + 2];
    size_t n = e - i < 64 ? e - i : 64, k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t v;
        memcpy(&v, s + i + k, 8);
        v = fold_upper(v);
        memcpy(low + k, &v, 8);
    }
    for (; k < n; k++)
        low[k] = (char)(pii_is_upper(s[i + k]) ? s[i + k] | 32 : s[i + k]);
    low[n] = low[n + 1] = 0;
    unsigned sub = sub_flags(s + i, low, n);
    if (sub & KN_META) return PII_KEY_NONE;
    if (listed(whole_key, sizeof whole_key / sizeof *whole_key, low, n, false)) return PII_KEY_KEY;
    const char *dot = memrchr(low, '.', n);
    if (dot && listed(setting_last, sizeof setting_last / sizeof *setting_last, dot + 1,
                      n - (size_t)(dot + 1 - low), false))
        return PII_KEY_NONE;
    if (sub & KN_PASSWORD)
        return listed(end_digest, sizeof end_digest / sizeof *end_digest, low, n, true)
                   ? PII_KEY_NONE
                   : PII_KEY_PASSWORD;
    int kind = sub & KN_SECRET ? PII_KEY_SECRET : PII_KEY_NONE;
    /* the parts: the first that says secret or key decides, a password part wins */
    unsigned parts = 0;
    for (size_t p = 0; p < n;) {
        size_t q = p + 1;
        uint32_t h = part_hash_step(PART_HASH_SEED, (unsigned char)low[p]);
        while (q < n && pii_is_alnum((unsigned char)low[q]) &&
               !(pii_is_upper(s[i + q]) && pii_is_lower(s[i + q - 1])))
            h = part_hash_step(h, (unsigned char)low[q++]);
        unsigned f = part_flags(low + p, q - p, part_hash_end(h));
        if (f & KN_PASSWORD) return PII_KEY_PASSWORD;
        if (!kind) kind = f & KN_SECRET ? PII_KEY_SECRET : f & KN_KEY ? PII_KEY_KEY : kind;
        if (!kind && q - p > 6 && !memcmp(low + q - 3, "key", 3) && glued_key(low + p, q - p - 3))
            kind = PII_KEY_KEY; /* "ACCESSKEY", "storagekey", "masterKey" in one part */
        parts |= f;
        p = q;
        while (p < n && !pii_is_alnum((unsigned char)low[p]))
            p++;
    }
    if (kind == PII_KEY_KEY && (parts & KN_LOOKUP)) return PII_KEY_NONE;
    if (kind == PII_KEY_SECRET && (parts & KN_PLACE) && (sub & KN_TOKEN) && !(sub & KN_DOOR))
        return PII_KEY_NONE;
    if (kind && (listed(end_meta, sizeof end_meta / sizeof *end_meta, low, n, true) ||
                 listed(end_digest, sizeof end_digest / sizeof *end_digest, low, n, true)))
        return PII_KEY_NONE;
    return kind;
}
