/* TLS server: loading certificate sets (generations), the mbedTLS
 * configuration, reload, and statistics. Connections are in tls_conn.c. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <mbedtls/oid.h>
#include <mbedtls/ssl_ciphersuites.h>

#include "certs/tls_internal.h"
#include "core/error.h"
#include "core/log.h"

#define DEFAULT_HANDSHAKE_TIMEOUT_MS 10000
#define DEFAULT_TICKET_LIFETIME_S    3600
#define DEFAULT_SESSION_CACHE        256
#define MAX_SESSION_CACHE            100000
#define MAX_SNI_CERTS                64
#define MAX_TENANT_RULES             4096
#define GEN_ARENA_MAX                (4u << 20)

/* TLS 1.2 with forward secrecy and AEAD only; ECDSA certificates first. */
static const int ciphersuites[] = {
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    MBEDTLS_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    0,
};

static const mbedtls_ecp_group_id curves[] = {
    MBEDTLS_ECP_DP_CURVE25519,
    MBEDTLS_ECP_DP_SECP256R1,
    MBEDTLS_ECP_DP_SECP384R1,
    MBEDTLS_ECP_DP_NONE,
};

static const int sig_hashes[] = {
    MBEDTLS_MD_SHA256,
    MBEDTLS_MD_SHA384,
    MBEDTLS_MD_SHA512,
    MBEDTLS_MD_NONE,
};

/* ---- names ---------------------------------------------------------------------- */

bool ew__tls_name_matches(const char *pattern, const char *host, size_t host_len)
{
    if (pattern[0] == '*' && pattern[1] == '.') {
        /* "*.example.com" matches "a.example.com", not "example.com" or "a.b.example.com". */
        const char *dot = memchr(host, '.', host_len);
        if (!dot || dot == host) return false;
        size_t rest = host_len - (size_t)(dot - host);
        return strlen(pattern + 1) == rest && !strncasecmp(pattern + 1, dot, rest);
    }
    return strlen(pattern) == host_len && !strncasecmp(pattern, host, host_len);
}

/* A lower-case arena copy of n bytes, or NULL if they are not a plausible
 * host name (printable ASCII without spaces). */
static const char *host_copy(ew_arena *a, const unsigned char *p, size_t n)
{
    if (n == 0 || n > 253) return NULL;
    char *s = ew_arena_alloc(a, n + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (p[i] <= ' ' || p[i] >= 0x7f) return NULL;
        s[i] = (char)tolower(p[i]);
    }
    s[n] = '\0';
    return s;
}

/* The DNS names of a certificate, or its CN when it has none. */
static int collect_names(ew_arena *a, ew__tls_cert *c)
{
    const mbedtls_x509_crt *crt = &c->chain;
    int n = 0;
    for (const mbedtls_x509_sequence *s = &crt->subject_alt_names; s && s->buf.p; s = s->next)
        n++;
    c->names = ew_arena_calloc(a, (size_t)n + 1, sizeof *c->names);
    if (!c->names) return EW_ERR_NOMEM;
    for (const mbedtls_x509_sequence *s = &crt->subject_alt_names; s && s->buf.p; s = s->next) {
        if (s->buf.tag != (MBEDTLS_ASN1_CONTEXT_SPECIFIC | MBEDTLS_X509_SAN_DNS_NAME)) continue;
        const char *name = host_copy(a, s->buf.p, s->buf.len);
        if (name) c->names[c->n_names++] = name;
    }
    if (c->n_names > 0) return EW_OK;
    for (const mbedtls_x509_name *nm = &crt->subject; nm; nm = nm->next) {
        if (nm->oid.p && !MBEDTLS_OID_CMP(MBEDTLS_OID_AT_CN, &nm->oid)) {
            const char *name = host_copy(a, nm->val.p, nm->val.len);
            if (name) c->names[c->n_names++] = name;
            break;
        }
    }
    return EW_OK;
}

/* ---- loading ---------------------------------------------------------------------- */

static int file_error(ew_error *err, const char *what, const char *path, int rc)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return ew__error_set(err, errno == ENOENT ? EW_ERR_NOT_FOUND : EW_ERR_IO, "%s %s: %s", what,
                             path, strerror(errno));
    char msg[160];
    return ew__error_set(err, EW_ERR_PARSE, "%s %s: cannot parse: %s", what, path,
                         ew__mbedtls_strerror(rc, msg, sizeof msg));
}

static void warn_validity(const mbedtls_x509_crt *crt, const char *path)
{
    if (mbedtls_x509_time_is_past(&crt->valid_to))
        ew__warn(NULL, "tls: certificate %s expired on %04d-%02d-%02d; clients will refuse it",
                 path, crt->valid_to.year, crt->valid_to.mon, crt->valid_to.day);
    else if (mbedtls_x509_time_is_future(&crt->valid_from))
        ew__warn(NULL,
                 "tls: certificate %s is valid only from %04d-%02d-%02d (is the clock right?)",
                 path, crt->valid_from.year, crt->valid_from.mon, crt->valid_from.day);
}

static int load_cert(ew__tls_gen *g, ew__tls_cert *c, const ew_tls_keypair *kp, ew_error *err)
{
    mbedtls_x509_crt_init(&c->chain);
    mbedtls_pk_init(&c->key);
    if (!kp->cert_file || !kp->key_file)
        return ew__error_set(err, EW_ERR_CONFIG, "a TLS certificate needs both cert and key files");
    int rc = mbedtls_x509_crt_parse_file(&c->chain, kp->cert_file);
    if (rc < 0) return file_error(err, "certificate", kp->cert_file, rc);
    if (rc > 0)
        return ew__error_set(err, EW_ERR_PARSE,
                             "certificate %s: %d certificate(s) cannot be parsed", kp->cert_file,
                             rc);
    rc = mbedtls_pk_parse_keyfile(&c->key, kp->key_file, NULL);
    if (rc == MBEDTLS_ERR_PK_PASSWORD_REQUIRED)
        return ew__error_set(err, EW_ERR_UNSUPPORTED,
                             "key %s is encrypted; use an unencrypted key readable only by edgeway",
                             kp->key_file);
    if (rc) return file_error(err, "key", kp->key_file, rc);
    if (mbedtls_pk_check_pair(&c->chain.pk, &c->key))
        return ew__error_set(err, EW_ERR_CONFIG, "key %s does not belong to certificate %s",
                             kp->key_file, kp->cert_file);
    warn_validity(&c->chain, kp->cert_file);
    return collect_names(&g->arena, c) ? ew__error_set(err, EW_ERR_NOMEM, "out of memory") : EW_OK;
}

static int load_client_ca(ew__tls_gen *g, ew_error *err)
{
    const ew_tls_options *o = &g->opt;
    if (o->client_crl_file && !o->client_ca_file)
        return ew__error_set(err, EW_ERR_CONFIG, "a client CRL needs a client CA");
    if (!o->client_ca_file) return EW_OK;
    mbedtls_x509_crt_init(&g->ca);
    g->has_ca = true;
    int rc = mbedtls_x509_crt_parse_file(&g->ca, o->client_ca_file);
    if (rc < 0) return file_error(err, "client CA", o->client_ca_file, rc);
    if (rc > 0)
        return ew__error_set(err, EW_ERR_PARSE, "client CA %s: %d certificate(s) cannot be parsed",
                             o->client_ca_file, rc);
    if (!o->client_crl_file) return EW_OK;
    mbedtls_x509_crl_init(&g->crl);
    g->has_crl = true;
    rc = mbedtls_x509_crl_parse_file(&g->crl, o->client_crl_file);
    if (rc) return file_error(err, "client CRL", o->client_crl_file, rc);
    if (mbedtls_x509_time_is_past(&g->crl.next_update))
        ew__warn(NULL,
                 "tls: CRL %s is past its next update; client certificates will be refused "
                 "until it is refreshed",
                 o->client_crl_file);
    return EW_OK;
}

static int parse_rules(ew__tls_gen *g, ew_error *err)
{
    static const char *const kinds[] = {"cn:", "dns:", "email:", "uri:"};
    const ew_tls_options *o = &g->opt;
    if (o->n_tenants > 0 && !o->client_ca_file)
        return ew__error_set(err, EW_ERR_CONFIG, "tenant rules need a client CA (mTLS)");
    g->rules = ew_arena_calloc(&g->arena, (size_t)o->n_tenants + 1, sizeof *g->rules);
    if (!g->rules) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    for (int i = 0; i < o->n_tenants; i++) {
        const ew_tls_tenant_rule *r = &o->tenants[i];
        ew__tls_rule *out = &g->rules[i];
        int k = -1;
        for (int j = 0; j < 4 && r->match; j++)
            if (!strncmp(r->match, kinds[j], strlen(kinds[j]))) k = j;
        if (k < 0 || !r->match[strlen(kinds[k])] || !r->tenant || !r->tenant[0])
            return ew__error_set(err, EW_ERR_CONFIG,
                                 "tenant rule %d: want {match: cn:|dns:|email:|uri:VALUE, tenant: "
                                 "NAME}, got match '%s'",
                                 i + 1, r->match ? r->match : "");
        out->kind = (ew__tls_rule_kind)k;
        out->value = r->match + strlen(kinds[k]);
        out->value_len = strlen(out->value);
        out->match = r->match;
        out->tenant = r->tenant;
    }
    g->n_rules = o->n_tenants;
    return EW_OK;
}

/* Deep copy of the options into the generation's arena. */
static int copy_options(ew__tls_gen *g, const ew_tls_options *src)
{
    ew_arena *a = &g->arena;
    ew_tls_options *o = &g->opt;
    *o = *src;
#define DUP(field)                                                                                 \
    (o->field = src->field ? ew_arena_strdup(a, src->field) : NULL, !src->field || o->field)
    if (!DUP(cert.cert_file) || !DUP(cert.key_file) || !DUP(client_ca_file) ||
        !DUP(client_crl_file))
        return EW_ERR_NOMEM;
#undef DUP
    ew_tls_keypair *sni = ew_arena_calloc(a, (size_t)src->n_sni + 1, sizeof *sni);
    ew_tls_tenant_rule *rules = ew_arena_calloc(a, (size_t)src->n_tenants + 1, sizeof *rules);
    if (!sni || !rules) return EW_ERR_NOMEM;
    for (int i = 0; i < src->n_sni; i++) {
        const ew_tls_keypair *s = &src->sni[i];
        sni[i].cert_file = s->cert_file ? ew_arena_strdup(a, s->cert_file) : NULL;
        sni[i].key_file = s->key_file ? ew_arena_strdup(a, s->key_file) : NULL;
        if ((s->cert_file && !sni[i].cert_file) || (s->key_file && !sni[i].key_file))
            return EW_ERR_NOMEM;
    }
    for (int i = 0; i < src->n_tenants; i++) {
        const ew_tls_tenant_rule *r = &src->tenants[i];
        rules[i].match = r->match ? ew_arena_strdup(a, r->match) : NULL;
        rules[i].tenant = r->tenant ? ew_arena_strdup(a, r->tenant) : NULL;
        if ((r->match && !rules[i].match) || (r->tenant && !rules[i].tenant)) return EW_ERR_NOMEM;
    }
    o->sni = sni;
    o->tenants = rules;
    if (o->handshake_timeout_ms <= 0) o->handshake_timeout_ms = DEFAULT_HANDSHAKE_TIMEOUT_MS;
    if (o->ticket_lifetime_s <= 0) o->ticket_lifetime_s = DEFAULT_TICKET_LIFETIME_S;
    if (o->session_cache_size == 0) o->session_cache_size = DEFAULT_SESSION_CACHE;
    if (o->session_cache_size > MAX_SESSION_CACHE) o->session_cache_size = MAX_SESSION_CACHE;
    return EW_OK;
}

static int setup_conf(ew__tls_gen *g, ew_error *err)
{
    mbedtls_ssl_config *conf = &g->conf;
    char msg[160];
    int rc = mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_SERVER, MBEDTLS_SSL_TRANSPORT_STREAM,
                                         MBEDTLS_SSL_PRESET_DEFAULT);
    if (rc) goto fail;
    mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_ciphersuites(conf, ciphersuites);
    mbedtls_ssl_conf_curves(conf, curves);
    mbedtls_ssl_conf_sig_hashes(conf, sig_hashes);
    mbedtls_ssl_conf_rng(conf, EW__RNG_FN, &g->rng.drbg);
    mbedtls_ssl_conf_renegotiation(conf, MBEDTLS_SSL_RENEGOTIATION_DISABLED);
    rc = mbedtls_ssl_conf_own_cert(conf, &g->certs[0].chain, &g->certs[0].key);
    if (rc) goto fail;
    mbedtls_ssl_conf_sni(conf, ew__tls_on_sni, g);
    if (g->has_ca) {
        mbedtls_ssl_conf_ca_chain(conf, &g->ca, g->has_crl ? &g->crl : NULL);
        mbedtls_ssl_conf_authmode(conf, g->opt.client_optional ? MBEDTLS_SSL_VERIFY_OPTIONAL
                                                               : MBEDTLS_SSL_VERIFY_REQUIRED);
    } else {
        mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_NONE);
    }
    if (!g->opt.no_session_tickets) {
        mbedtls_ssl_ticket_init(&g->ticket);
        g->has_ticket = true;
        rc = mbedtls_ssl_ticket_setup(&g->ticket, EW__RNG_FN, &g->rng.drbg,
                                      MBEDTLS_CIPHER_AES_256_GCM,
                                      (uint32_t)g->opt.ticket_lifetime_s);
        if (rc) goto fail;
        mbedtls_ssl_conf_session_tickets_cb(conf, mbedtls_ssl_ticket_write,
                                            mbedtls_ssl_ticket_parse, &g->ticket);
    } else {
        mbedtls_ssl_conf_session_tickets(conf, MBEDTLS_SSL_SESSION_TICKETS_DISABLED);
    }
    if (g->opt.session_cache_size > 0) {
        mbedtls_ssl_cache_init(&g->cache);
        g->has_cache = true;
        mbedtls_ssl_cache_set_max_entries(&g->cache, g->opt.session_cache_size);
        mbedtls_ssl_cache_set_timeout(&g->cache, g->opt.ticket_lifetime_s);
        mbedtls_ssl_conf_session_cache(conf, &g->cache, mbedtls_ssl_cache_get,
                                       mbedtls_ssl_cache_set);
    }
    return EW_OK;
fail:
    return ew__error_set(err, EW_ERR_INTERNAL, "TLS setup failed: %s",
                         ew__mbedtls_strerror(rc, msg, sizeof msg));
}

static void gen_free(ew__tls_gen *g)
{
    mbedtls_ssl_config_free(&g->conf);
    if (g->has_ticket) mbedtls_ssl_ticket_free(&g->ticket);
    if (g->has_cache) mbedtls_ssl_cache_free(&g->cache);
    for (int i = 0; i < g->n_certs; i++) {
        mbedtls_x509_crt_free(&g->certs[i].chain);
        mbedtls_pk_free(&g->certs[i].key);
    }
    free(g->certs);
    if (g->has_ca) mbedtls_x509_crt_free(&g->ca);
    if (g->has_crl) mbedtls_x509_crl_free(&g->crl);
    ew__rng_cleanup(&g->rng);
    ew_arena_cleanup(&g->arena);
    free(g);
}

static int gen_build(ew_tls_server *s, const ew_tls_options *src, uint64_t id, ew__tls_gen **out,
                     ew_error *err)
{
    *out = NULL;
    if (src->n_sni < 0 || src->n_sni > MAX_SNI_CERTS || src->n_tenants < 0 ||
        src->n_tenants > MAX_TENANT_RULES || (src->n_sni && !src->sni) ||
        (src->n_tenants && !src->tenants))
        return ew__error_set(err, EW_ERR_CONFIG, "at most %d SNI certificates and %d tenant rules",
                             MAX_SNI_CERTS, MAX_TENANT_RULES);
    ew__tls_gen *g = calloc(1, sizeof *g);
    if (!g) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    atomic_init(&g->refs, 1);
    g->id = id;
    g->srv = s;
    ew_arena_init(&g->arena, 0, GEN_ARENA_MAX);
    mbedtls_ssl_config_init(&g->conf);
    int st = ew__rng_init(&g->rng, "edgeway tls", err);
    if (st) {
        ew_arena_cleanup(&g->arena);
        free(g);
        return st;
    }
    if (copy_options(g, src)) st = ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    if (!st) {
        g->certs = calloc((size_t)src->n_sni + 1, sizeof *g->certs);
        if (!g->certs) st = ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    }
    for (int i = 0; !st && i <= g->opt.n_sni; i++) {
        g->n_certs = i + 1;
        st = load_cert(g, &g->certs[i], i == 0 ? &g->opt.cert : &g->opt.sni[i - 1], err);
    }
    if (!st) st = load_client_ca(g, err);
    if (!st) st = parse_rules(g, err);
    if (!st) st = setup_conf(g, err);
    if (st) {
        gen_free(g);
        return st;
    }
    *out = g;
    return EW_OK;
}

void ew__tls_gen_unref(ew__tls_gen *g)
{
    if (!g || atomic_fetch_sub(&g->refs, 1) != 1) return;
    atomic_fetch_sub(&g->srv->generations, 1);
    gen_free(g);
}

/* ---- the server ------------------------------------------------------------------- */

int ew_tls_server_new(const ew_tls_options *opt, ew_tls_server **out, ew_error *err)
{
    *out = NULL;
    if (!opt) return ew__error_set(err, EW_ERR_INVALID, "no TLS options");
    ew_tls_server *s = calloc(1, sizeof *s);
    if (!s) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    atomic_init(&s->refs, 1);
    if (pthread_mutex_init(&s->lock, NULL)) {
        free(s);
        return ew__error_set(err, EW_ERR_INTERNAL, "cannot create a mutex");
    }
    int st = gen_build(s, opt, 1, &s->current, err);
    if (st) {
        pthread_mutex_destroy(&s->lock);
        free(s);
        return st;
    }
    s->next_id = 2;
    atomic_store(&s->generations, 1);
    atomic_store(&s->generation, 1);
    atomic_store(&s->handshake_timeout_ms, s->current->opt.handshake_timeout_ms);
    *out = s;
    return EW_OK;
}

int ew_tls_server_reload(ew_tls_server *s, const ew_tls_options *opt, ew_error *err)
{
    /* Build outside the lock: reading files must not stall new connections.
     * The options come from the current generation, which we hold a
     * reference to while building. */
    pthread_mutex_lock(&s->lock);
    ew__tls_gen *cur = s->current;
    atomic_fetch_add(&cur->refs, 1);
    uint64_t id = s->next_id++;
    pthread_mutex_unlock(&s->lock);

    ew__tls_gen *g = NULL;
    int st = gen_build(s, opt ? opt : &cur->opt, id, &g, err);
    ew__tls_gen_unref(cur);
    if (st) {
        ew__warn(NULL, "tls: reload failed, still serving certificate set %llu: %s",
                 (unsigned long long)atomic_load(&s->generation), err ? err->message : "");
        return st;
    }
    atomic_fetch_add(&s->generations, 1);
    pthread_mutex_lock(&s->lock);
    ew__tls_gen *old = s->current;
    s->current = g;
    pthread_mutex_unlock(&s->lock);
    atomic_store(&s->generation, id);
    atomic_store(&s->handshake_timeout_ms, g->opt.handshake_timeout_ms);
    atomic_fetch_add(&s->reloads, 1);
    ew__info(NULL, "tls: reloaded certificates (set %llu)", (unsigned long long)id);
    ew__tls_gen_unref(old);
    return EW_OK;
}

ew__tls_gen *ew__tls_server_acquire(ew_tls_server *s)
{
    pthread_mutex_lock(&s->lock);
    ew__tls_gen *g = s->current;
    atomic_fetch_add(&g->refs, 1);
    pthread_mutex_unlock(&s->lock);
    return g;
}

void ew__tls_server_ref(ew_tls_server *s)
{
    atomic_fetch_add(&s->refs, 1);
}

void ew__tls_server_unref(ew_tls_server *s)
{
    if (atomic_fetch_sub(&s->refs, 1) != 1) return;
    ew__tls_gen_unref(s->current);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

void ew_tls_server_free(ew_tls_server *s)
{
    if (s) ew__tls_server_unref(s);
}

int ew_tls_server_handshake_timeout_ms(const ew_tls_server *s)
{
    return atomic_load(&((ew_tls_server *)s)->handshake_timeout_ms);
}

void ew_tls_server_stats(const ew_tls_server *cs, ew_tls_stats *out)
{
    ew_tls_server *s = (ew_tls_server *)cs;
    out->handshakes = atomic_load(&s->handshakes);
    out->resumed = atomic_load(&s->resumed);
    out->failed = atomic_load(&s->failed);
    out->client_refused = atomic_load(&s->client_refused);
    out->plaintext = atomic_load(&s->plaintext);
    out->reloads = atomic_load(&s->reloads);
    out->open = atomic_load(&s->open);
    out->generations = atomic_load(&s->generations);
    out->generation = atomic_load(&s->generation);
}
