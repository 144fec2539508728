/* edgeway public API: trust. File pinning by SHA-256, detached ECDSA P-256
 * signatures for config and model files, and (below) TLS termination.
 *
 * A detached signature is the DER ECDSA-Sig-Value over SHA-256 of the file's
 * exact bytes, stored raw in FILE.sig. That is what
 *   openssl dgst -sha256 -sign KEY.pem -out FILE.sig FILE
 * writes, so signatures made by either tool verify with the other. Readers
 * also accept the same DER encoded in base64 (one line, surrounding
 * whitespace ignored), for signatures pasted through text-only channels.
 *
 * None of this prints or blocks; file reads are the caller's thread's time.
 */
#ifndef EDGEWAY_CERTS_H
#define EDGEWAY_CERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "edgeway/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- SHA-256 of files -------------------------------------------------------- */

/* Progress of a long file operation: `done` of `total` bytes. Called after
 * each 1 MiB block and once at the end. A nonzero return cancels the
 * operation, which then fails with EW_ERR_CANCELLED. */
typedef int (*ew_progress_fn)(void *user, uint64_t done, uint64_t total);

/* Hashes a whole file. progress may be NULL. EW_ERR_IO when it cannot be read. */
int ew_sha256_file(const char *path, uint8_t digest[32], ew_progress_fn progress, void *user,
                   ew_error *err);
/* Hashes a file and compares it with expected_hex (64 hex digits, any case).
 * EW_ERR_INTEGRITY on a mismatch (the message gives both values),
 * EW_ERR_INVALID when expected_hex is malformed. */
int ew_sha256_check_file(const char *path, const char *expected_hex, ew_progress_fn progress,
                         void *user, ew_error *err);
/* Lower-case hex of a digest into out[65] (NUL-terminated). */
void ew_sha256_to_hex(const uint8_t digest[32], char out[65]);
/* Parses exactly 64 hex digits; EW_ERR_INVALID otherwise. */
int ew_sha256_from_hex(const char *hex, uint8_t digest[32]);

/* ---- signing keys -------------------------------------------------------------- */

/* An ECDSA P-256 key: a public key, or a key pair. */
typedef struct ew_sigkey ew_sigkey;

/* Loads a key from PEM or DER: a public key ("BEGIN PUBLIC KEY"), or an
 * unencrypted private key (SEC1 "BEGIN EC PRIVATE KEY" or PKCS#8 "BEGIN
 * PRIVATE KEY"). Other key types and curves are EW_ERR_UNSUPPORTED; an
 * unreadable file EW_ERR_IO; a malformed one EW_ERR_PARSE. Returns owned. */
int ew_sigkey_load(const char *path, ew_sigkey **out, ew_error *err);
/* The same over bytes (borrowed); name labels errors (NULL: "<memory>"). */
int ew_sigkey_parse(const void *data, size_t len, const char *name, ew_sigkey **out, ew_error *err);
/* A fresh key pair from the system's entropy. Returns owned. */
int ew_sigkey_generate(ew_sigkey **out, ew_error *err);
void ew_sigkey_free(ew_sigkey *k);
bool ew_sigkey_has_private(const ew_sigkey *k);
/* PEM of the public key (private_part false) or of the private key (SEC1)
 * into out[size]; EW_ERR_TOO_LARGE when it does not fit, EW_ERR_INVALID when
 * the private part is asked of a public key. 1 KiB always suffices. */
int ew_sigkey_write_pem(const ew_sigkey *k, bool private_part, char *out, size_t size,
                        ew_error *err);
/* "sha256:" and the hex SHA-256 of the public key's DER encoding (the same
 * as `openssl pkey -pubin -outform DER | sha256sum`), into out[72]. Names a
 * key in logs and messages without printing it. */
void ew_sigkey_fingerprint(const ew_sigkey *k, char out[72]);

/* ---- detached signatures --------------------------------------------------------- */

/* The largest DER encoding of a P-256 ECDSA signature. */
#define EW_SIG_MAX_DER 72
/* Signature files larger than this are refused unread (base64 of the DER fits). */
#define EW_SIG_MAX_FILE 1024

/* Signs a SHA-256 digest with a key pair into sig[EW_SIG_MAX_DER]. */
int ew_sig_sign_digest(const ew_sigkey *k, const uint8_t digest[32], uint8_t *sig, size_t *sig_len,
                       ew_error *err);
/* Verifies sig (DER, or base64 of it) over a digest or over bytes. EW_OK when
 * it matches; EW_ERR_INTEGRITY when it does not (wrong key or changed data);
 * EW_ERR_PARSE when sig is not a well-formed signature. */
int ew_sig_verify_digest(const ew_sigkey *k, const uint8_t digest[32], const void *sig,
                         size_t sig_len, ew_error *err);
int ew_sig_verify(const ew_sigkey *k, const void *data, size_t len, const void *sig, size_t sig_len,
                  ew_error *err);

/* Hashes path and writes its signature to sig_path (NULL: path + ".sig"),
 * replacing it atomically (a temporary file, then rename). */
int ew_sig_sign_file(const ew_sigkey *k, const char *path, const char *sig_path,
                     ew_progress_fn progress, void *user, ew_error *err);
/* Hashes path and checks it against sig_path (NULL: path + ".sig"). A missing
 * signature file is EW_ERR_NOT_FOUND; otherwise as ew_sig_verify. */
int ew_sig_verify_file(const ew_sigkey *k, const char *path, const char *sig_path,
                       ew_progress_fn progress, void *user, ew_error *err);
/* Reads a whole file of at most max bytes and returns its bytes only when
 * its detached signature verifies over exactly them. The file is read once,
 * so it cannot change between the check and its use (config loading relies
 * on this). *out is owned by the caller (free()) and NUL-terminated; *len
 * excludes the NUL. Errors as ew_sig_verify_file, plus EW_ERR_TOO_LARGE. */
int ew_sig_read_verified(const ew_sigkey *k, const char *path, const char *sig_path, size_t max,
                         char **out, size_t *len, ew_error *err);

/* ---- TLS termination ------------------------------------------------------------- */
/*
 * Server-side TLS with mbedTLS 2.28: TLS 1.2 only (2.28 has no TLS 1.3
 * server), ECDHE key exchange with AES-GCM or ChaCha20-Poly1305, session
 * tickets, SNI over several certificates, and optional client certificates
 * (mTLS) whose subject CN or SAN maps to a tenant.
 *
 * A connection is a non-blocking state machine over a socket the embedder
 * owns and polls (the gateway drives it from its libevent loop): read and
 * write work like recv and send, and return EW_TLS_WANT_READ or
 * EW_TLS_WANT_WRITE when the socket must become readable or writable first.
 * The library arms no timers; the embedder closes a connection whose
 * handshake outlasts ew_tls_server_handshake_timeout_ms.
 *
 * Reload: ew_tls_server_reload reads every file again and later handshakes
 * use the new set; a connection keeps the set it started with (reference
 * counted) until it is freed, so nothing is dropped. Reload also starts new
 * session-ticket keys and an empty session cache, so a client resuming after
 * it goes through a full handshake against the new CA and CRL.
 */

/* Returned by the connection calls when the socket must become readable or
 * writable before the call can make progress. Distinct from every ew_status. */
#define EW_TLS_WANT_READ  (-100)
#define EW_TLS_WANT_WRITE (-101)

typedef struct ew_tls_keypair {
    const char *cert_file; /* PEM: the leaf first, then its intermediates */
    const char *key_file;  /* its unencrypted private key, PEM or DER */
} ew_tls_keypair;

/* Maps a verified client certificate to a tenant. match is "cn:VALUE" (the
 * subject's common name), "dns:VALUE", "email:VALUE" or "uri:VALUE" (a
 * subject alternative name of that kind). Values compare exactly, except
 * dns and email, which ignore ASCII case. Rules are tried in order. */
typedef struct ew_tls_tenant_rule {
    const char *match;
    const char *tenant;
} ew_tls_tenant_rule;

typedef struct ew_tls_options {
    ew_tls_keypair cert; /* the default certificate */
    /* (n_sni) more certificates, chosen when the client's SNI name matches
     * one of a certificate's DNS names (or its CN when it has none); a
     * leading "*." matches one label. No match: the default. */
    const ew_tls_keypair *sni;
    int n_sni;
    const char *client_ca_file;        /* PEM CA certificates for mTLS; NULL = no mTLS */
    const char *client_crl_file;       /* PEM or DER CRLs of that CA; NULL = none */
    bool client_optional;              /* ask for a certificate but accept none; a
                                          presented one must still verify */
    const ew_tls_tenant_rule *tenants; /* (n_tenants) */
    int n_tenants;
    int handshake_timeout_ms; /* the embedder's deadline; 0 = 10000 */
    bool no_session_tickets;  /* tickets are on unless this is set */
    int ticket_lifetime_s;    /* 0 = 3600; ticket keys rotate this often, and
                                 cached sessions expire after it */
    int session_cache_size;   /* sessions kept for resumption by session ID,
                                 for clients without tickets (curl); 0 = 256,
                                 negative = no cache */
} ew_tls_options;

typedef struct ew_tls_server ew_tls_server;

/* Loads every file of opt (copied; opt may go away) and checks each key
 * against its certificate. Errors name the file: EW_ERR_IO, EW_ERR_PARSE,
 * EW_ERR_CONFIG (key does not match the certificate, bad tenant rule),
 * EW_ERR_NOT_FOUND. An expired certificate only logs a warning: a device
 * without a real-time clock may boot with the wrong date. Returns owned. */
int ew_tls_server_new(const ew_tls_options *opt, ew_tls_server **out, ew_error *err);
/* Reads the files again (opt NULL: the same options; else new ones) and
 * switches later handshakes to them. On failure nothing changes. Safe to call
 * from any thread. */
int ew_tls_server_reload(ew_tls_server *s, const ew_tls_options *opt, ew_error *err);
/* Releases the caller's reference; open connections keep the server alive. */
void ew_tls_server_free(ew_tls_server *s);
int ew_tls_server_handshake_timeout_ms(const ew_tls_server *s);

typedef struct ew_tls_stats {
    uint64_t handshakes;     /* completed */
    uint64_t resumed;        /* of those, resumed (ticket or session cache) */
    uint64_t failed;         /* handshakes that failed, for any reason */
    uint64_t client_refused; /* of those: client certificate missing or invalid */
    uint64_t plaintext;      /* of those: plain HTTP sent to the TLS port */
    uint64_t reloads;        /* successful reloads */
    int64_t open;            /* connections alive */
    int64_t generations;     /* certificate sets alive: current + old ones in use */
    uint64_t generation;     /* id of the current set; 1 after new, +1 per reload */
} ew_tls_stats;
void ew_tls_server_stats(const ew_tls_server *s, ew_tls_stats *out);

typedef struct ew_tls_conn ew_tls_conn;

/* Starts TLS on an accepted non-blocking socket. fd is borrowed: the caller
 * closes it after ew_tls_conn_free. Returns owned. */
int ew_tls_conn_new(ew_tls_server *s, int fd, ew_tls_conn **out, ew_error *err);
/* Sends a close_notify if the socket takes it now (never blocks), then frees. */
void ew_tls_conn_free(ew_tls_conn *c);
/* Sends the close_notify now (best effort, never blocks), for a caller that
 * half-closes the socket after its last response. Idempotent. */
void ew_tls_conn_close_notify(ew_tls_conn *c);
/* Drives the handshake: EW_OK once established, EW_TLS_WANT_*, or a failure:
 * EW_ERR_AUTH (client certificate missing, untrusted, expired or revoked),
 * EW_ERR_PARSE (not TLS; a plain HTTP request got a 400 answer in clear),
 * EW_ERR_UNSUPPORTED (no common version or cipher), EW_ERR_IO (the peer went
 * away or sent something broken). A failed connection stays failed: free it
 * and close the socket. ew_tls_conn_error says what happened. */
int ew_tls_conn_handshake(ew_tls_conn *c);
bool ew_tls_conn_established(const ew_tls_conn *c);
/* Reads decrypted bytes: a count > 0; 0 when the peer closed (close_notify
 * or end of stream; HTTP framing catches truncation); EW_TLS_WANT_*; or a
 * failure as above. Drives the handshake first when needed. */
ssize_t ew_tls_conn_read(ew_tls_conn *c, void *buf, size_t len);
/* Decrypted bytes already held inside the connection. When a read filled the
 * caller's buffer, read again before waiting for the socket. */
size_t ew_tls_conn_pending(const ew_tls_conn *c);
/* Encrypts and sends from buf. Returns the bytes consumed (> 0) only once
 * they are in the kernel. EW_TLS_WANT_WRITE: part of a record is still held
 * inside; call again when writable with buf starting at the same byte (and
 * len no smaller). */
ssize_t ew_tls_conn_write(ew_tls_conn *c, const void *buf, size_t len);
/* Why the last call failed, for logs; "" when nothing failed. */
const char *ew_tls_conn_error(const ew_tls_conn *c);

/* Who is on the other end. Strings are valid while the connection lives. */
typedef struct ew_tls_peer {
    bool client_cert;       /* a client certificate was presented and verified */
    const char *subject_cn; /* its CN, non-printable bytes as '?'; NULL without one */
    const char *tenant;     /* from the first matching tenant rule; NULL if none */
    const char *rule;       /* that rule's match string; NULL if none */
    const char *sni;        /* the server name the client asked for; NULL if none */
    const char *version;    /* "TLSv1.2" */
    const char *cipher;     /* e.g. "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256" */
    bool resumed;           /* resumed from a ticket or the session cache */
    uint64_t generation;    /* the certificate set this connection uses */
} ew_tls_peer;
/* EW_ERR_STATE before the handshake is done. */
int ew_tls_conn_peer(const ew_tls_conn *c, ew_tls_peer *out);

#ifdef __cplusplus
}
#endif
#endif
