/* Private to certs/tls*.c: the server, its certificate sets (generations)
 * and what a connection needs from them. */
#ifndef EW_CERTS_TLS_INTERNAL_H
#define EW_CERTS_TLS_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/ssl_cache.h>
#include <mbedtls/ssl_ticket.h>
#include <mbedtls/x509_crl.h>
#include <mbedtls/x509_crt.h>

#include "certs/certs_internal.h"
#include "core/arena.h"
#include "edgeway/certs.h"

/* One certificate with its key and the DNS names SNI matches it by. */
typedef struct ew__tls_cert {
    mbedtls_x509_crt chain;
    mbedtls_pk_context key;
    const char **names; /* (n_names) lower case; "*.x" wildcards kept as is */
    int n_names;
} ew__tls_cert;

typedef enum ew__tls_rule_kind {
    EW__RULE_CN = 0,
    EW__RULE_DNS,
    EW__RULE_EMAIL,
    EW__RULE_URI,
} ew__tls_rule_kind;

typedef struct ew__tls_rule {
    ew__tls_rule_kind kind;
    const char *value;
    size_t value_len;
    const char *match; /* the rule as written, for ew_tls_peer.rule */
    const char *tenant;
} ew__tls_rule;

/* Everything loaded from one reading of the files. Immutable once built;
 * shared by the server (while current) and by every connection that started
 * on it. */
typedef struct ew__tls_gen {
    _Atomic int refs;
    uint64_t id;
    ew_tls_server *srv; /* for stats; the server outlives its generations */
    ew_arena arena;     /* the options copy, names, rules */
    ew_tls_options opt; /* deep copy: strings live in arena */
    ew__rng rng;
    mbedtls_ssl_config conf;
    ew__tls_cert *certs; /* (n_certs) [0] is the default */
    int n_certs;
    mbedtls_x509_crt ca;
    mbedtls_x509_crl crl;
    bool has_ca, has_crl, has_ticket, has_cache;
    mbedtls_ssl_ticket_context ticket;
    mbedtls_ssl_cache_context cache;
    ew__tls_rule *rules; /* (n_rules) */
    int n_rules;
} ew__tls_gen;

struct ew_tls_server {
    _Atomic int refs; /* the creator's, plus one per open connection */
    pthread_mutex_t lock;
    ew__tls_gen *current; /* guarded by lock */
    uint64_t next_id;     /* guarded by lock */
    _Atomic int handshake_timeout_ms;
    _Atomic uint64_t handshakes, resumed, failed, client_refused, plaintext, reloads;
    _Atomic int64_t open, generations;
    _Atomic uint64_t generation;
};

/* The current generation with a reference taken, for a new connection. */
ew__tls_gen *ew__tls_server_acquire(ew_tls_server *s);
void ew__tls_gen_unref(ew__tls_gen *g);
void ew__tls_server_ref(ew_tls_server *s);
void ew__tls_server_unref(ew_tls_server *s);

/* mbedTLS's SNI callback (tls_conn.c): picks the certificate and records
 * the name on the connection. p_sni is the generation. */
int ew__tls_on_sni(void *p_sni, mbedtls_ssl_context *ssl, const unsigned char *name, size_t len);

/* Case-insensitive host name match; pattern may start with "*." (one label). */
bool ew__tls_name_matches(const char *pattern, const char *host, size_t host_len);

#endif
