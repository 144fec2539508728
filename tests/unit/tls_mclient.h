/* A blocking mbedTLS client for the TLS tests and bench/tls_loop.c: one
 * connection per call, session tickets on (no session-ID cache), so the
 * server's ticket path is what resumes it. */
#ifndef EW_TESTS_TLS_MCLIENT_H
#define EW_TESTS_TLS_MCLIENT_H

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>

typedef struct mclient {
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca, cert;
    mbedtls_pk_context key;
    mbedtls_ssl_session session;
    bool has_session;
    bool resume; /* offer the saved session */
} mclient;

/* cert/key may be NULL. Returns 0 or an mbedTLS error. */
static int mclient_init(mclient *m, const char *ca, const char *cert, const char *key)
{
    memset(m, 0, sizeof *m);
    mbedtls_entropy_init(&m->entropy);
    mbedtls_ctr_drbg_init(&m->drbg);
    mbedtls_ssl_config_init(&m->conf);
    mbedtls_x509_crt_init(&m->ca);
    mbedtls_x509_crt_init(&m->cert);
    mbedtls_pk_init(&m->key);
    mbedtls_ssl_session_init(&m->session);
    int rc = mbedtls_ctr_drbg_seed(&m->drbg, mbedtls_entropy_func, &m->entropy, NULL, 0);
    if (!rc)
        rc = mbedtls_ssl_config_defaults(&m->conf, MBEDTLS_SSL_IS_CLIENT,
                                         MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (!rc) rc = mbedtls_x509_crt_parse_file(&m->ca, ca);
    if (!rc && cert) rc = mbedtls_x509_crt_parse_file(&m->cert, cert);
    if (!rc && key) rc = mbedtls_pk_parse_keyfile(&m->key, key, NULL);
    if (!rc && cert) rc = mbedtls_ssl_conf_own_cert(&m->conf, &m->cert, &m->key);
    if (rc) return rc;
    mbedtls_ssl_conf_rng(&m->conf, mbedtls_ctr_drbg_random, &m->drbg);
    mbedtls_ssl_conf_ca_chain(&m->conf, &m->ca, NULL);
    mbedtls_ssl_conf_authmode(&m->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    m->resume = true;
    return 0;
}

static void mclient_cleanup(mclient *m)
{
    mbedtls_ssl_session_free(&m->session);
    mbedtls_pk_free(&m->key);
    mbedtls_x509_crt_free(&m->cert);
    mbedtls_x509_crt_free(&m->ca);
    mbedtls_ssl_config_free(&m->conf);
    mbedtls_ctr_drbg_free(&m->drbg);
    mbedtls_entropy_free(&m->entropy);
}

/* One connection: handshake (offering the saved session when m->resume),
 * GET path, the whole response into body[cap]; then close_notify. Saves the
 * session for next time. Returns 0 or an mbedTLS error. */
static int mclient_get(mclient *m, int port, const char *host, const char *path, char *body,
                       size_t cap)
{
    mbedtls_net_context net;
    mbedtls_ssl_context ssl;
    mbedtls_net_init(&net);
    mbedtls_ssl_init(&ssl);
    char portstr[8], req[256];
    snprintf(portstr, sizeof portstr, "%d", port);
    int rc = mbedtls_net_connect(&net, "127.0.0.1", portstr, MBEDTLS_NET_PROTO_TCP);
    int one = 1;
    if (!rc) setsockopt(net.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (!rc) rc = mbedtls_ssl_setup(&ssl, &m->conf);
    if (!rc) rc = mbedtls_ssl_set_hostname(&ssl, host);
    if (!rc && m->resume && m->has_session) rc = mbedtls_ssl_set_session(&ssl, &m->session);
    mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
    if (!rc) rc = mbedtls_ssl_handshake(&ssl);
    if (!rc) {
        mbedtls_ssl_session_free(&m->session);
        mbedtls_ssl_session_init(&m->session);
        m->has_session = mbedtls_ssl_get_session(&ssl, &m->session) == 0;
    }
    int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, host);
    for (int off = 0; !rc && off < n;) {
        int w = mbedtls_ssl_write(&ssl, (const unsigned char *)req + off, (size_t)(n - off));
        if (w < 0)
            rc = w;
        else
            off += w;
    }
    size_t len = 0;
    long long want = -1;
    while (!rc && (want < 0 || (long long)len < want) && len < cap - 1) {
        int r = mbedtls_ssl_read(&ssl, (unsigned char *)body + len, cap - 1 - len);
        if (r <= 0) {
            rc = r == 0 ? MBEDTLS_ERR_SSL_CONN_EOF : r;
            break;
        }
        len += (size_t)r;
        body[len] = '\0';
        char *end = strstr(body, "\r\n\r\n"), *cl = strstr(body, "Content-Length:");
        if (end && cl) want = (long long)(end + 4 - body) + strtoll(cl + 15, NULL, 10);
    }
    if (len < cap) body[len] = '\0';
    if (!rc) mbedtls_ssl_close_notify(&ssl);
    mbedtls_ssl_free(&ssl);
    mbedtls_net_free(&net);
    return rc;
}

#endif
