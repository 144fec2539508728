/* One TLS connection over a non-blocking socket: handshake, reads, writes,
 * client identity. mbedTLS reads and writes the socket itself (send/recv
 * callbacks below), so a byte count reported written is in the kernel. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/oid.h>
#include <mbedtls/ssl_internal.h>

#include "certs/tls_internal.h"
#include "core/error.h"
#include "core/log.h"

/* Bytes of a refused client's input read and dropped before closing, so the
 * client sees an answer or a clean close rather than a reset. */
#define PLAIN_DRAIN_MAX 8192

typedef enum conn_state {
    ST_SNIFF = 0, /* nothing read yet: TLS or plain HTTP? */
    ST_HANDSHAKE,
    ST_OPEN,
    ST_FAILED,
} conn_state;

struct ew_tls_conn {
    mbedtls_ssl_context ssl; /* first: the SNI callback finds the conn from it */
    ew_tls_server *srv;
    ew__tls_gen *gen;
    int fd;
    conn_state state;
    int fail_status;
    bool resumed;
    bool peer_closed;
    bool notified; /* close_notify sent */
    bool client_cert;
    size_t write_pending; /* plaintext bytes of a record mbedtls still holds */
    const ew__tls_rule *rule;
    char sni[256];
    char cn[128];
    char err[256];
};

/* ---- socket callbacks ----------------------------------------------------------- */

static int on_send(void *ctx, const unsigned char *buf, size_t len)
{
    ew_tls_conn *c = ctx;
    ssize_t n = send(c->fd, buf, len, MSG_NOSIGNAL);
    if (n >= 0) return (int)n;
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    return errno == EPIPE || errno == ECONNRESET ? MBEDTLS_ERR_NET_CONN_RESET
                                                 : MBEDTLS_ERR_NET_SEND_FAILED;
}

static int on_recv(void *ctx, unsigned char *buf, size_t len)
{
    ew_tls_conn *c = ctx;
    ssize_t n = recv(c->fd, buf, len, 0);
    if (n >= 0) return (int)n;
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return MBEDTLS_ERR_SSL_WANT_READ;
    return errno == ECONNRESET ? MBEDTLS_ERR_NET_CONN_RESET : MBEDTLS_ERR_NET_RECV_FAILED;
}

/* ---- lifetime ------------------------------------------------------------------- */

int ew_tls_conn_new(ew_tls_server *s, int fd, ew_tls_conn **out, ew_error *err)
{
    *out = NULL;
    if (!s || fd < 0) return ew__error_set(err, EW_ERR_INVALID, "no server or socket");
    ew_tls_conn *c = calloc(1, sizeof *c);
    if (!c) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    c->fd = fd;
    c->gen = ew__tls_server_acquire(s);
    mbedtls_ssl_init(&c->ssl);
    int rc = mbedtls_ssl_setup(&c->ssl, &c->gen->conf);
    if (rc) {
        mbedtls_ssl_free(&c->ssl);
        ew__tls_gen_unref(c->gen);
        free(c);
        return ew__error_set(err,
                             rc == MBEDTLS_ERR_SSL_ALLOC_FAILED ? EW_ERR_NOMEM : EW_ERR_INTERNAL,
                             "cannot set up a TLS connection");
    }
    mbedtls_ssl_set_bio(&c->ssl, c, on_send, on_recv, NULL);
    c->srv = s;
    ew__tls_server_ref(s);
    atomic_fetch_add(&s->open, 1);
    *out = c;
    return EW_OK;
}

void ew_tls_conn_free(ew_tls_conn *c)
{
    if (!c) return;
    ew_tls_conn_close_notify(c);
    mbedtls_ssl_free(&c->ssl);
    ew__tls_gen_unref(c->gen);
    atomic_fetch_sub(&c->srv->open, 1);
    ew__tls_server_unref(c->srv);
    free(c);
}

void ew_tls_conn_close_notify(ew_tls_conn *c)
{
    /* Also in answer to the peer's close_notify, which clients such as
     * OpenSSL wait for before they keep a session for resumption. Only
     * between records: a half-sent record would be cut by the alert. */
    if (c->state != ST_OPEN || c->notified || c->write_pending) return;
    c->notified = true;
    mbedtls_ssl_close_notify(&c->ssl);
}

bool ew_tls_conn_established(const ew_tls_conn *c)
{
    return c->state == ST_OPEN;
}

const char *ew_tls_conn_error(const ew_tls_conn *c)
{
    return c->err;
}

size_t ew_tls_conn_pending(const ew_tls_conn *c)
{
    return c->state == ST_OPEN ? mbedtls_ssl_get_bytes_avail(&c->ssl) : 0;
}

/* ---- failures ------------------------------------------------------------------- */

static void peer_name(int fd, char *out, size_t size)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    char host[64] = "?";
    int port = 0;
    if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0) {
        if (ss.ss_family == AF_INET) {
            struct sockaddr_in *a = (struct sockaddr_in *)&ss;
            inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
            port = ntohs(a->sin_port);
        } else if (ss.ss_family == AF_INET6) {
            struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
            inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
            port = ntohs(a->sin6_port);
        }
    }
    snprintf(out, size, ss.ss_family == AF_INET6 ? "[%s]:%d" : "%s:%d", host, port);
}

static int conn_fail(ew_tls_conn *c, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int conn_fail(ew_tls_conn *c, int status, const char *fmt, ...)
{
    bool in_handshake = c->state != ST_OPEN;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, sizeof c->err, fmt, ap);
    va_end(ap);
    c->state = ST_FAILED;
    c->fail_status = status;
    if (in_handshake) {
        atomic_fetch_add(&c->srv->failed, 1);
        if (status == EW_ERR_AUTH) atomic_fetch_add(&c->srv->client_refused, 1);
    }
    /* Refused client certificates matter to an admin; scanners and broken
     * clients do not, so those stay at debug. */
    ew_log_level level = status == EW_ERR_AUTH ? EW_LOG_INFO : EW_LOG_DEBUG;
    if (ew__log_enabled(level)) {
        char peer[80];
        peer_name(c->fd, peer, sizeof peer);
        ew__log(level, NULL, "tls: %s from %s: %s", in_handshake ? "handshake failed" : "error",
                peer, c->err);
    }
    return status;
}

/* Why a client certificate was refused, from mbedTLS's verification flags. */
static void verify_reason(uint32_t flags, char *out, size_t size)
{
    if (flags == (uint32_t)-1 || flags == 0 || (flags & MBEDTLS_X509_BADCERT_MISSING)) {
        snprintf(out, size, "no client certificate");
        return;
    }
    char info[160];
    int n = mbedtls_x509_crt_verify_info(info, sizeof info, "", flags);
    /* One line: mbedTLS separates reasons with newlines. */
    for (int i = 0; i < n && info[i]; i++)
        if (info[i] == '\n') info[i] = i == n - 1 ? '\0' : ';';
    snprintf(out, size, "client certificate refused: %s", n > 0 ? info : "verification failed");
}

static int handshake_failed(ew_tls_conn *c, int rc)
{
    char msg[160], why[224];
    switch (rc) {
    case MBEDTLS_ERR_X509_CERT_VERIFY_FAILED:
    case MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE:
    case MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE:
    case MBEDTLS_ERR_SSL_PEER_VERIFY_FAILED:
    case MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE_VERIFY:
        if (c->gen->has_ca) {
            verify_reason(mbedtls_ssl_get_verify_result(&c->ssl), why, sizeof why);
            return conn_fail(c, EW_ERR_AUTH, "%s", why);
        }
        break;
    case MBEDTLS_ERR_SSL_NO_CIPHER_CHOSEN:
    case MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE:
    case MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION:
        return conn_fail(c, EW_ERR_UNSUPPORTED,
                         "no common TLS version or cipher (this server speaks TLS 1.2 with "
                         "ECDHE and AES-GCM or ChaCha20-Poly1305)");
    case MBEDTLS_ERR_SSL_CONN_EOF:
    case MBEDTLS_ERR_NET_CONN_RESET:
        return conn_fail(c, EW_ERR_IO, "the client closed the connection during the handshake");
    case MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE:
        /* in_msg[1] is the alert's description. 48 (unknown_ca) and 42
         * (bad_certificate) mean the client does not trust our certificate. */
        return conn_fail(c, EW_ERR_IO, "the client aborted the handshake with alert %d%s",
                         c->ssl.in_msg ? c->ssl.in_msg[1] : -1,
                         c->ssl.in_msg && (c->ssl.in_msg[1] == 48 || c->ssl.in_msg[1] == 42)
                             ? " (it does not trust this server's certificate)"
                             : "");
    default:
        break;
    }
    return conn_fail(c, EW_ERR_IO, "%s", ew__mbedtls_strerror(rc, msg, sizeof msg));
}

/* ---- plain HTTP on the TLS port ------------------------------------------------------ */

/* Reads and drops what the client sent, so that closing the socket sends a
 * FIN rather than a reset. */
static void drain_input(ew_tls_conn *c)
{
    char sink[1024];
    size_t drained = 0;
    ssize_t got;
    while (drained < PLAIN_DRAIN_MAX && (got = recv(c->fd, sink, sizeof sink, 0)) > 0)
        drained += (size_t)got;
}

static void answer_plain_http(ew_tls_conn *c)
{
    static const char body[] =
        "{\"error\":{\"message\":\"This port speaks TLS: use https://\",\"type\":"
        "\"invalid_request_error\",\"param\":null,\"code\":\"tls_required\"}}\n";
    char resp[512];
    int n = snprintf(resp, sizeof resp,
                     "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                     sizeof body - 1, body);
    drain_input(c);
    /* Best effort and never blocking: the reply is small and the socket new. */
    if (send(c->fd, resp, (size_t)n, MSG_NOSIGNAL) == n) shutdown(c->fd, SHUT_WR);
}

/* Looks at the first byte without consuming it: a TLS handshake record
 * starts with 22; an HTTP method with an upper-case letter. */
static int sniff(ew_tls_conn *c)
{
    unsigned char b;
    ssize_t n = recv(c->fd, &b, 1, MSG_PEEK);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return EW_TLS_WANT_READ;
        return conn_fail(c, EW_ERR_IO, "cannot read: %s", strerror(errno));
    }
    if (n == 0)
        return conn_fail(c, EW_ERR_IO, "the client closed the connection before the handshake");
    if (b == 22) {
        c->state = ST_HANDSHAKE;
        return EW_OK;
    }
    if (b >= 'A' && b <= 'Z') {
        atomic_fetch_add(&c->srv->plaintext, 1);
        answer_plain_http(c);
        return conn_fail(c, EW_ERR_PARSE, "plain HTTP sent to a TLS port (answered 400)");
    }
    drain_input(c);
    return conn_fail(c, EW_ERR_PARSE, "not a TLS handshake (first byte 0x%02x)", b);
}

/* ---- identity ---------------------------------------------------------------------- */

int ew__tls_on_sni(void *p_sni, mbedtls_ssl_context *ssl, const unsigned char *name, size_t len)
{
    ew__tls_gen *g = p_sni;
    ew_tls_conn *c = (ew_tls_conn *)((char *)ssl - offsetof(ew_tls_conn, ssl));
    size_t n = len < sizeof c->sni - 1 ? len : sizeof c->sni - 1;
    for (size_t i = 0; i < n; i++)
        c->sni[i] = name[i] > ' ' && name[i] < 0x7f ? (char)name[i] : '?';
    c->sni[n] = '\0';
    for (int i = 1; i < g->n_certs; i++)
        for (int j = 0; j < g->certs[i].n_names; j++)
            if (ew__tls_name_matches(g->certs[i].names[j], (const char *)name, len))
                return mbedtls_ssl_set_hs_own_cert(ssl, &g->certs[i].chain, &g->certs[i].key);
    return 0; /* the default certificate */
}

static bool san_equals(const mbedtls_x509_buf *v, const ew__tls_rule *r)
{
    if (v->len != r->value_len) return false;
    if (r->kind == EW__RULE_URI) return !memcmp(v->p, r->value, v->len);
    return !strncasecmp((const char *)v->p, r->value, v->len);
}

static bool rule_matches(const ew__tls_rule *r, const mbedtls_x509_crt *crt,
                         const mbedtls_x509_buf *cn)
{
    if (r->kind == EW__RULE_CN)
        return cn && cn->len == r->value_len && !memcmp(cn->p, r->value, cn->len);
    int tag = r->kind == EW__RULE_DNS     ? MBEDTLS_X509_SAN_DNS_NAME
              : r->kind == EW__RULE_EMAIL ? MBEDTLS_X509_SAN_RFC822_NAME
                                          : MBEDTLS_X509_SAN_UNIFORM_RESOURCE_IDENTIFIER;
    for (const mbedtls_x509_sequence *s = &crt->subject_alt_names; s && s->buf.p; s = s->next)
        if (s->buf.tag == (MBEDTLS_ASN1_CONTEXT_SPECIFIC | tag) && san_equals(&s->buf, r))
            return true;
    return false;
}

/* After the handshake: who the verified client is, and its tenant. */
static void identify(ew_tls_conn *c, const mbedtls_x509_crt *crt)
{
    const mbedtls_x509_buf *cn = NULL;
    for (const mbedtls_x509_name *nm = &crt->subject; nm; nm = nm->next)
        if (nm->oid.p && !MBEDTLS_OID_CMP(MBEDTLS_OID_AT_CN, &nm->oid)) cn = &nm->val;
    if (cn) {
        size_t n = cn->len < sizeof c->cn - 1 ? cn->len : sizeof c->cn - 1;
        for (size_t i = 0; i < n; i++)
            c->cn[i] = cn->p[i] >= ' ' && cn->p[i] < 0x7f ? (char)cn->p[i] : '?';
        c->cn[n] = '\0';
    }
    c->client_cert = true;
    for (int i = 0; i < c->gen->n_rules && !c->rule; i++)
        if (rule_matches(&c->gen->rules[i], crt, cn)) c->rule = &c->gen->rules[i];
}

static int refuse_optional_cert(ew_tls_conn *c, uint32_t flags)
{
    unsigned char alert =
        flags & MBEDTLS_X509_BADCERT_EXPIRED       ? MBEDTLS_SSL_ALERT_MSG_CERT_EXPIRED
        : flags & MBEDTLS_X509_BADCERT_REVOKED     ? MBEDTLS_SSL_ALERT_MSG_CERT_REVOKED
        : flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED ? MBEDTLS_SSL_ALERT_MSG_UNKNOWN_CA
                                                   : MBEDTLS_SSL_ALERT_MSG_BAD_CERT;
    mbedtls_ssl_send_alert_message(&c->ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL, alert);
    char why[224];
    verify_reason(flags, why, sizeof why);
    return conn_fail(c, EW_ERR_AUTH, "%s", why);
}

/* ---- the handshake ------------------------------------------------------------------ */

int ew_tls_conn_handshake(ew_tls_conn *c)
{
    if (c->state == ST_OPEN) return EW_OK;
    if (c->state == ST_FAILED) return c->fail_status;
    if (c->state == ST_SNIFF) {
        int st = sniff(c);
        if (st) return st;
    }
    int rc = 0;
    /* mbedtls_ssl_handshake's loop, stepping by hand to see whether the
     * session was resumed before mbedTLS frees the handshake state. */
    while (c->ssl.state != MBEDTLS_SSL_HANDSHAKE_OVER) {
        rc = mbedtls_ssl_handshake_step(&c->ssl);
        if (c->ssl.handshake && c->ssl.handshake->resume) c->resumed = true;
        if (rc) break;
    }
    if (rc == MBEDTLS_ERR_SSL_WANT_READ) return EW_TLS_WANT_READ;
    if (rc == MBEDTLS_ERR_SSL_WANT_WRITE) return EW_TLS_WANT_WRITE;
    if (rc) return handshake_failed(c, rc);

    const mbedtls_x509_crt *peer = c->gen->has_ca ? mbedtls_ssl_get_peer_cert(&c->ssl) : NULL;
    if (peer) {
        /* VERIFY_OPTIONAL lets a bad certificate through; a presented
         * certificate must still be valid. */
        uint32_t flags = mbedtls_ssl_get_verify_result(&c->ssl);
        if (flags) return refuse_optional_cert(c, flags);
        identify(c, peer);
    }
    c->state = ST_OPEN;
    atomic_fetch_add(&c->srv->handshakes, 1);
    if (c->resumed) atomic_fetch_add(&c->srv->resumed, 1);
    return EW_OK;
}

/* ---- data --------------------------------------------------------------------------- */

ssize_t ew_tls_conn_read(ew_tls_conn *c, void *buf, size_t len)
{
    if (c->state != ST_OPEN) {
        int st = ew_tls_conn_handshake(c);
        if (st) return st;
    }
    if (c->peer_closed) return 0;
    size_t got = 0;
    while (got < len) {
        int rc = mbedtls_ssl_read(&c->ssl, (unsigned char *)buf + got, len - got);
        if (rc > 0) {
            got += (size_t)rc;
            continue;
        }
        if (rc == MBEDTLS_ERR_SSL_WANT_READ || rc == MBEDTLS_ERR_SSL_WANT_WRITE) {
            if (got) break;
            return rc == MBEDTLS_ERR_SSL_WANT_READ ? EW_TLS_WANT_READ : EW_TLS_WANT_WRITE;
        }
        if (rc == 0 || rc == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY || rc == MBEDTLS_ERR_SSL_CONN_EOF) {
            c->peer_closed = true;
            break;
        }
        if (got) break; /* report the bytes now; the error comes back next call */
        char msg[160];
        return conn_fail(c, EW_ERR_IO, "%s", ew__mbedtls_strerror(rc, msg, sizeof msg));
    }
    return (ssize_t)got;
}

ssize_t ew_tls_conn_write(ew_tls_conn *c, const void *buf, size_t len)
{
    if (c->state != ST_OPEN) {
        int st = ew_tls_conn_handshake(c);
        if (st) return st;
    }
    if (len < c->write_pending)
        return ew__error_set(NULL, EW_ERR_INVALID, "write retried with fewer bytes than held");
    size_t done = 0;
    while (done < len) {
        size_t n = c->write_pending;
        if (n == 0) {
            int max = mbedtls_ssl_get_max_out_record_payload(&c->ssl);
            n = max > 0 && (size_t)max < len - done ? (size_t)max : len - done;
        }
        /* A held record was made from these same leading bytes; mbedTLS
         * only flushes it and reports its length. */
        int rc = mbedtls_ssl_write(&c->ssl, (const unsigned char *)buf + done, n);
        if (rc > 0) {
            c->write_pending = 0;
            done += (size_t)rc;
            continue;
        }
        if (rc == MBEDTLS_ERR_SSL_WANT_WRITE || rc == MBEDTLS_ERR_SSL_WANT_READ) {
            c->write_pending = n;
            if (done) break;
            return rc == MBEDTLS_ERR_SSL_WANT_WRITE ? EW_TLS_WANT_WRITE : EW_TLS_WANT_READ;
        }
        if (done) break;
        char msg[160];
        return conn_fail(c, EW_ERR_IO, "%s", ew__mbedtls_strerror(rc, msg, sizeof msg));
    }
    return (ssize_t)done;
}

int ew_tls_conn_peer(const ew_tls_conn *c, ew_tls_peer *out)
{
    memset(out, 0, sizeof *out);
    if (c->state != ST_OPEN) return EW_ERR_STATE;
    out->client_cert = c->client_cert;
    out->subject_cn = c->client_cert && c->cn[0] ? c->cn : NULL;
    out->tenant = c->rule ? c->rule->tenant : NULL;
    out->rule = c->rule ? c->rule->match : NULL;
    out->sni = c->sni[0] ? c->sni : NULL;
    out->version = mbedtls_ssl_get_version(&c->ssl);
    out->cipher = mbedtls_ssl_get_ciphersuite(&c->ssl);
    out->resumed = c->resumed;
    out->generation = c->gen->id;
    return EW_OK;
}
