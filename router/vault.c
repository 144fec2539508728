/* The pseudonymization vault: value <-> typed placeholder, per conversation.
 *
 * Placeholders read "[EMAIL_1]". Restoring accepts what a model tends to do
 * to them: change their case ("[Email_1]", "email_1"), drop the brackets
 * ("EMAIL_1"), or write a space or hyphen inside brackets ("[EMAIL 1]").
 * Without brackets a placeholder must stand alone as a word and use '_', so
 * ordinary text ("email 1") is never rewritten.
 *
 * The stream restorer holds back only a tail that could still become a
 * placeholder (at most EW_PII_PLACEHOLDER_MAX bytes), so text flows on while
 * a placeholder cut across chunks is restored whole.
 *
 * Values are never logged; everything is wiped with explicit_bzero on free. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "router/pii_internal.h"

#define VAULT_DEFAULT_MAX (1u << 20)
#define MAX_NUM           999999u

typedef struct entry {
    ew_pii_type type;
    uint32_t num;
    char *value; /* as first seen */
    size_t vlen;
    char *key; /* type byte + normalised value */
    size_t klen;
} entry;

struct ew_pii_vault {
    entry *e; /* (n) */
    int n, cap;
    int32_t *by_key; /* open addressing over keys, -1 = empty; (kcap) */
    size_t kcap;
    int32_t *by_num[EW_PII_TYPE_COUNT]; /* entry index of placeholder num-1 */
    uint32_t count[EW_PII_TYPE_COUNT];
    size_t bytes, max_bytes;
};

static void wipe_free(void *p, size_t n)
{
    if (p) {
        explicit_bzero(p, n);
        free(p);
    }
}

ew_pii_vault *ew_pii_vault_new(size_t max_bytes)
{
    ew_pii_vault *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->max_bytes = max_bytes ? max_bytes : VAULT_DEFAULT_MAX;
    return v;
}

void ew_pii_vault_free(ew_pii_vault *v)
{
    if (!v) return;
    for (int i = 0; i < v->n; i++) {
        wipe_free(v->e[i].value, v->e[i].vlen);
        wipe_free(v->e[i].key, v->e[i].klen);
    }
    wipe_free(v->e, (size_t)v->cap * sizeof *v->e);
    wipe_free(v->by_key, v->kcap * sizeof *v->by_key);
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++)
        wipe_free(v->by_num[t], v->count[t] * sizeof *v->by_num[t]);
    explicit_bzero(v, sizeof *v);
    free(v);
}

int ew_pii_vault_size(const ew_pii_vault *v)
{
    return v ? v->n : 0;
}

static bool numeric_type(ew_pii_type t)
{
    return t == EW_PII_PHONE || t == EW_PII_CREDIT_CARD || t == EW_PII_IBAN || t == EW_PII_US_SSN ||
           t == EW_PII_CN_RESIDENT_ID || t == EW_PII_UK_NINO || t == EW_PII_PASSPORT ||
           t == EW_PII_MAC_ADDRESS;
}

/* Same value, same placeholder: emails and names ignore case, numbers ignore
 * their separators. Other types (secrets) compare exactly. */
static size_t normalise(ew_pii_type t, const char *s, size_t n, char *out)
{
    size_t o = 0;
    out[o++] = (char)('A' + t);
    bool fold = t == EW_PII_EMAIL || t == EW_PII_PERSON || t == EW_PII_STREET_ADDRESS ||
                numeric_type(t) || t == EW_PII_IP_ADDRESS;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (numeric_type(t) && !pii_is_alnum(ch)) continue;
        out[o++] = (char)(fold && pii_is_upper(ch) ? ch | 32 : ch);
    }
    return o;
}

static uint64_t hash_key(const char *k, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    return h;
}

static int find_key(const ew_pii_vault *v, const char *k, size_t n)
{
    if (!v->kcap) return -1;
    size_t i = (size_t)hash_key(k, n) & (v->kcap - 1);
    while (v->by_key[i] >= 0) {
        const entry *e = &v->e[v->by_key[i]];
        if (e->klen == n && !memcmp(e->key, k, n)) return v->by_key[i];
        i = (i + 1) & (v->kcap - 1);
    }
    return -1;
}

static int grow_index(ew_pii_vault *v)
{
    size_t cap = v->kcap ? v->kcap * 2 : 64;
    int32_t *t = malloc(cap * sizeof *t);
    if (!t) return EW_ERR_NOMEM;
    memset(t, 0xFF, cap * sizeof *t);
    for (int j = 0; j < v->n; j++) {
        size_t i = (size_t)hash_key(v->e[j].key, v->e[j].klen) & (cap - 1);
        while (t[i] >= 0)
            i = (i + 1) & (cap - 1);
        t[i] = j;
    }
    wipe_free(v->by_key, v->kcap * sizeof *v->by_key);
    v->by_key = t;
    v->kcap = cap;
    return EW_OK;
}

static char *dup_bytes(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* Returns the entry index for this value, adding it if new. */
static int vault_intern(ew_pii_vault *v, ew_pii_type t, const char *s, size_t n)
{
    char stackkey[256];
    char *key = n + 2 <= sizeof stackkey ? stackkey : malloc(n + 2);
    if (!key) return EW_ERR_NOMEM;
    size_t kl = normalise(t, s, n, key);
    int found = find_key(v, key, kl);
    int rc = found;
    if (found >= 0) goto out;
    rc = EW_ERR_TOO_LARGE;
    if (v->bytes + n + kl > v->max_bytes || v->count[t] >= MAX_NUM || v->n >= INT32_MAX / 2)
        goto out;
    rc = EW_ERR_NOMEM;
    if (((size_t)v->n + 1) * 2 > v->kcap && grow_index(v)) goto out;
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 16;
        entry *ne = realloc(v->e, (size_t)cap * sizeof *ne);
        if (!ne) goto out;
        v->e = ne;
        v->cap = cap;
    }
    int32_t *bn = realloc(v->by_num[t], (v->count[t] + 1) * sizeof *bn);
    if (!bn) goto out;
    v->by_num[t] = bn;
    entry *e = &v->e[v->n];
    e->type = t;
    e->value = dup_bytes(s, n);
    e->key = dup_bytes(key, kl);
    if (!e->value || !e->key) {
        wipe_free(e->value, n);
        wipe_free(e->key, kl);
        goto out;
    }
    e->vlen = n;
    e->klen = kl;
    e->num = ++v->count[t];
    bn[e->num - 1] = v->n;
    size_t i = (size_t)hash_key(e->key, kl) & (v->kcap - 1);
    while (v->by_key[i] >= 0)
        i = (i + 1) & (v->kcap - 1);
    v->by_key[i] = v->n;
    v->bytes += n + kl;
    rc = v->n++;
out:
    explicit_bzero(key, kl < n + 2 ? n + 2 : kl);
    if (key != stackkey) free(key);
    return rc;
}

static size_t format_placeholder(const entry *e, char *out, size_t cap)
{
    int k = snprintf(out, cap, "[%s_%u]", ew_pii_type_label(e->type), (unsigned)e->num);
    return k > 0 && (size_t)k < cap ? (size_t)k : 0;
}

int ew_pii_vault_pseudonymize(ew_pii_vault *v, const char *text, size_t len,
                              const ew_pii_span *spans, int n_spans, ew_pii_write_fn write,
                              void *user)
{
    if (!v || (!text && len) || (n_spans && !spans) || !write) return EW_ERR_INVALID;
    size_t pos = 0;
    /* validate everything first so a bad list writes nothing */
    for (int i = 0; i < n_spans; i++) {
        const ew_pii_span *sp = &spans[i];
        if (sp->start < pos || sp->end <= sp->start || sp->end > len ||
            (unsigned)sp->type >= EW_PII_TYPE_COUNT)
            return EW_ERR_INVALID;
        pos = sp->end;
    }
    pos = 0;
    for (int i = 0; i < n_spans; i++) {
        const ew_pii_span *sp = &spans[i];
        int rc = sp->start > pos ? write(user, text + pos, sp->start - pos) : EW_OK;
        if (rc) return rc;
        int idx = vault_intern(v, sp->type, text + sp->start, sp->end - sp->start);
        if (idx < 0) return idx;
        char ph[EW_PII_PLACEHOLDER_MAX];
        size_t pl = format_placeholder(&v->e[idx], ph, sizeof ph);
        if (!pl) return EW_ERR_INTERNAL;
        if ((rc = write(user, ph, pl)) != 0) return rc;
        pos = sp->end;
    }
    return pos < len ? write(user, text + pos, len - pos) : EW_OK;
}

/* ---- recognising placeholders ------------------------------------------- */
enum { PH_NO = 0, PH_PARTIAL, PH_FULL };

/* Tries to read a placeholder at s[p..n). PH_FULL sets *end, *type, *num and
 * *bracketed; PH_PARTIAL means "could be one if more text comes" (only when
 * !final). Matching is case-insensitive. */
static int match_at(const char *s, size_t n, size_t p, bool final, size_t *end, ew_pii_type *type,
                    uint32_t *num, bool *bracketed)
{
    size_t q = p;
    bool br = s[q] == '[';
    if (br)
        q++;
    else if (p > 0 && (pii_is_alnum((unsigned char)s[p - 1]) || s[p - 1] == '_'))
        return PH_NO;
    if (q == n) return final ? PH_NO : PH_PARTIAL;
    bool partial = false;
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++) {
        const char *lab = ew_pii_type_label((ew_pii_type)t);
        size_t ll = strlen(lab), k = 0;
        while (k < ll && q + k < n && (s[q + k] | 32) == (lab[k] | 32))
            k++;
        if (q + k == n && k < ll) {
            partial = true; /* "[EMA" at the end */
            continue;
        }
        if (k < ll) continue;
        size_t r = q + ll;
        if (r == n) {
            partial = true;
            continue;
        }
        char sep = s[r];
        if (!(sep == '_' || (br && (sep == ' ' || sep == '-')))) continue;
        r++;
        size_t d0 = r;
        uint32_t v = 0;
        while (r < n && pii_is_digit((unsigned char)s[r]) && r - d0 < 7)
            v = v * 10 + (uint32_t)(s[r++] - '0');
        if (r == d0) {
            if (r == n) partial = true;
            continue;
        }
        if (r == n && !final) {
            partial = true; /* more digits or the ']' may follow */
            continue;
        }
        bool closed = r < n && s[r] == ']';
        if (!closed && r < n && (pii_is_alnum((unsigned char)s[r]) || s[r] == '_')) continue;
        *end = closed ? r + 1 : r;
        *type = (ew_pii_type)t;
        *num = v;
        *bracketed = br;
        return PH_FULL;
    }
    return partial && !final ? PH_PARTIAL : PH_NO;
}

static const entry *lookup(const ew_pii_vault *v, ew_pii_type t, uint32_t num)
{
    if (num == 0 || num > v->count[t]) return NULL;
    return &v->e[v->by_num[t][num - 1]];
}

/* Restores text[0..len); returns how many bytes were consumed (all when
 * final; otherwise it stops before a possible placeholder prefix). */
static int restore_run(const ew_pii_vault *v, const char *s, size_t n, bool final,
                       ew_pii_write_fn write, void *user, int *misses, size_t *consumed)
{
    size_t flushed = 0, i = 0;
    int rc = EW_OK;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '[' || pii_is_alpha(ch))) {
            i++;
            continue;
        }
        size_t end;
        ew_pii_type t;
        uint32_t num;
        bool br;
        int m = match_at(s, n, i, final, &end, &t, &num, &br);
        if (m == PH_PARTIAL) {
            n = i; /* hold back from here */
            break;
        }
        if (m == PH_FULL) {
            const entry *e = lookup(v, t, num);
            if (e) {
                if (i > flushed && (rc = write(user, s + flushed, i - flushed)) != 0) return rc;
                if ((rc = write(user, e->value, e->vlen)) != 0) return rc;
                flushed = i = end;
                continue;
            }
            if (br && misses) (*misses)++;
            i = end;
            continue;
        }
        /* skip the rest of this word: placeholders start words */
        i++;
        while (i < n && pii_is_alnum((unsigned char)s[i]))
            i++;
    }
    if (n > flushed && (rc = write(user, s + flushed, n - flushed)) != 0) return rc;
    *consumed = n;
    return EW_OK;
}

int ew_pii_vault_restore(const ew_pii_vault *v, const char *text, size_t len, ew_pii_write_fn write,
                         void *user, int *misses)
{
    if (!v || (!text && len) || !write) return EW_ERR_INVALID;
    size_t used;
    return restore_run(v, text, len, true, write, user, misses, &used);
}

/* ---- streaming ------------------------------------------------------------ */
struct ew_pii_stream {
    const ew_pii_vault *v;
    ew_buf held; /* a possible placeholder prefix, then the new chunk */
    int misses;
};

ew_pii_stream *ew_pii_stream_new(const ew_pii_vault *v)
{
    if (!v) return NULL;
    ew_pii_stream *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->v = v;
    ew_buf_init(&s->held, (size_t)64 << 20);
    return s;
}

void ew_pii_stream_free(ew_pii_stream *s)
{
    if (!s) return;
    if (s->held.data) explicit_bzero(s->held.data, s->held.cap);
    ew_buf_cleanup(&s->held);
    free(s);
}

int ew_pii_stream_misses(const ew_pii_stream *s)
{
    return s ? s->misses : 0;
}

int ew_pii_stream_push(ew_pii_stream *s, const char *chunk, size_t len, ew_pii_write_fn write,
                       void *user)
{
    if (!s || (!chunk && len) || !write) return EW_ERR_INVALID;
    int rc;
    if (s->held.len == 0) {
        /* common case: nothing held, restore straight from the chunk */
        size_t used;
        if ((rc = restore_run(s->v, chunk, len, false, write, user, &s->misses, &used)) != 0)
            return rc;
        /* (NULL, 0) is a valid chunk: no pointer arithmetic on it */
        return used < len ? ew_buf_append(&s->held, chunk + used, len - used) : EW_OK;
    }
    if ((rc = ew_buf_append(&s->held, chunk, len)) != 0) return rc;
    size_t used;
    rc = restore_run(s->v, s->held.data, s->held.len, false, write, user, &s->misses, &used);
    if (rc) return rc;
    explicit_bzero(s->held.data, used);
    ew_buf_consume(&s->held, used);
    return EW_OK;
}

int ew_pii_stream_finish(ew_pii_stream *s, ew_pii_write_fn write, void *user)
{
    if (!s || !write) return EW_ERR_INVALID;
    size_t used;
    int rc = restore_run(s->v, s->held.data ? s->held.data : "", s->held.len, true, write, user,
                         &s->misses, &used);
    if (s->held.data) explicit_bzero(s->held.data, s->held.len);
    ew_buf_reset(&s->held);
    return rc;
}
