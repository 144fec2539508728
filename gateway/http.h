/* A small, bounded HTTP/1.1 server on the libevent loop.
 *
 * Why not evhttp: libevent 2.1's evhttp answers an oversized or malformed
 * request with its own HTML page (the error callback arrived in 2.2), has no
 * connection limit, and allocates per header. Every error here must be an
 * OpenAI error object, and the gateway's latency budget leaves no room for
 * per-request mallocs, so connections own two bounded buffers (in and out)
 * that are reused across requests; the head and a Content-Length body are
 * parsed in place.
 *
 * One request per connection at a time. Pipelined requests wait in the input
 * buffer until the current response is written. A handler receives each
 * complete request and must finish it exactly once, synchronously or later:
 * with ew__http_respond (or _respond_error), or ew__http_stream_begin ...
 * ew__http_stream_end. A request stays valid until it is finished, even if
 * its client has gone away (the abort callback says so).
 */
#ifndef EW_GATEWAY_HTTP_H
#define EW_GATEWAY_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "edgeway/certs.h"
#include "edgeway/core.h"
#include "edgeway/gateway.h"
#include "policy/config.h"

struct event_base;

/* ---- parsing (gateway/http_parse.c): pure functions over bytes -------------- */

#define EW__HTTP_MAX_HEADERS      64
#define EW__HTTP_MAX_RESP_HEADERS 12
#define EW__REQUEST_ID_MAX        64

typedef enum ew__http_method {
    EW__HTTP_OTHER = 0,
    EW__HTTP_GET,
    EW__HTTP_HEAD,
    EW__HTTP_POST,
    EW__HTTP_PUT,
    EW__HTTP_DELETE,
    EW__HTTP_OPTIONS,
} ew__http_method;

typedef struct ew__http_header {
    const char *name; /* not NUL-terminated */
    size_t name_len;
    const char *value; /* trimmed of surrounding whitespace; not NUL-terminated */
    size_t value_len;
} ew__http_header;

typedef struct ew__http_head {
    ew__http_method method;
    const char *method_str;
    size_t method_len;
    const char *path; /* the target without the query; starts with '/' */
    size_t path_len;
    const char *query; /* after '?', or NULL */
    size_t query_len;
    int minor; /* HTTP/1.<minor>: 0 or 1 */
    ew__http_header headers[EW__HTTP_MAX_HEADERS];
    int n_headers;
    /* Derived from the headers. */
    int64_t content_length; /* -1 = none */
    bool chunked;
    bool keep_alive; /* the version's default adjusted by Connection */
    bool expect_continue;
} ew__http_head;

/* An error found while parsing: the HTTP status to answer with and why. */
typedef struct ew__http_fault {
    int status;          /* 400, 413, 431, 501, 505 */
    const char *message; /* static */
} ew__http_fault;

/* Finds the end of a head ("\r\n\r\n") in buf[from..len); returns the head's
 * length including the blank line, or 0 if not there yet. `from` lets a
 * caller resume a scan without rereading bytes. */
size_t ew__http_head_end(const char *buf, size_t len, size_t from);
/* Parses a complete head buf[0..len) (as found by ew__http_head_end). The
 * head borrows buf. Returns 0, or -1 with *fault set. max_body turns a larger
 * Content-Length into a 413 here, before any body is read. */
int ew__http_parse_head(const char *buf, size_t len, int64_t max_body, ew__http_head *h,
                        ew__http_fault *fault);
/* Case-insensitive header lookup; returns the first match or NULL. */
const ew__http_header *ew__http_find_header(const ew__http_head *h, const char *name);
/* True if `value` is a media type equal to `type` (case-insensitive),
 * optionally followed by parameters ("application/json; charset=utf-8"). */
bool ew__http_media_type_is(const char *value, size_t len, const char *type);

/* Incremental chunked-body decoder. It decodes in place: data moves down to
 * buf[*body_len], which never passes the raw read position, so the decoded
 * body ends up contiguous at the start of the region. */
typedef struct ew__http_chunked {
    int state;
    uint64_t remaining; /* bytes left in the current chunk */
    size_t line_len;    /* length of the size or trailer line so far (bounded) */
    size_t trailer_bytes;
} ew__http_chunked;

void ew__http_chunked_init(ew__http_chunked *c);
/* Decodes raw bytes buf[*pos..len), writing data to buf[*body_len..]; both
 * indices advance. Returns 1 when the last chunk and trailers are complete
 * (then *pos is just past them), 0 when more input is needed, -1 with *fault
 * set on malformed input, and a 413 fault past max_body. */
int ew__http_chunked_feed(ew__http_chunked *c, char *buf, size_t len, size_t *pos, size_t *body_len,
                          int64_t max_body, size_t max_trailer, ew__http_fault *fault);

/* A client's x-request-id is kept if it is 1..64 characters of
 * [A-Za-z0-9._:-]; anything else gets a fresh one, so ids are safe to log. */
bool ew__request_id_ok(const char *s, size_t len);

const char *ew__http_reason(int status);
/* The monotonic clock the server stamps requests with (start_ns, end_ns). */
uint64_t ew__http_now_ns(void);

/* ---- the server (gateway/http.c) --------------------------------------------- */

typedef struct ew__http_server ew__http_server;
typedef struct ew__http_conn ew__http_conn;
typedef struct ew__http_req ew__http_req;

typedef void (*ew__http_handler_fn)(void *user, ew__http_req *req);
/* Called once per finished request, after the response (or the abort). */
typedef void (*ew__http_finish_fn)(void *user, ew__http_req *req);
typedef void (*ew__http_abort_fn)(void *arg, ew__http_req *req);
typedef void (*ew__http_drained_fn)(void *arg);
typedef void (*ew__http_writable_fn)(void *arg, ew__http_req *req);

struct ew__http_req {
    ew__http_conn *conn;
    ew__http_head head;
    const char *body; /* (body_len) bytes, NUL-terminated; valid until finished */
    size_t body_len;
    char id[EW__REQUEST_ID_MAX + 1]; /* x-request-id, echoed on the response */
    char peer[64];                   /* "ip:port" of the client */
    /* On a TLS listener: the client's certificate identity and the tenant it
     * maps to (certs/), for auth; NULL on plaintext. */
    const ew_tls_peer *tls;
    uint64_t start_ns; /* monotonic, when the head was complete */
    /* Response state, read by the finish callback. */
    int status;
    bool streaming;
    bool aborted; /* the client went away or the server is shutting down */
    uint64_t bytes_in;
    uint64_t bytes_out;
    uint64_t end_ns;
    /* What the handler wants in the access log; borrowed until finish. */
    const char *log_model;
    const char *log_error_type;
    /* Internal. */
    ew__http_header resp_headers[EW__HTTP_MAX_RESP_HEADERS];
    int n_resp_headers;
    ew__http_abort_fn on_abort;
    void *abort_arg;
    ew__http_writable_fn on_writable;
    void *writable_arg;
    size_t writable_below;
    void *handler_data; /* free for the handler */
};

typedef struct ew__http_server_opts {
    struct event_base *base; /* borrowed */
    ew_limits_cfg limits;
    ew__http_handler_fn handler;
    ew__http_finish_fn on_finish; /* may be NULL */
    void *user;
} ew__http_server_opts;

int ew__http_server_new(const ew__http_server_opts *opts, ew__http_server **out);
/* Frees everything, closing connections without calling handlers. Call it
 * after the handler has dropped every request it still held. NULL is a no-op. */
void ew__http_server_free(ew__http_server *srv);
/* Binds and listens on host:port (port 0 = ephemeral). Host is a numeric
 * IPv4/IPv6 address or a name resolved once, here. */
int ew__http_server_listen(ew__http_server *srv, const char *host, int port, ew_error *err);
/* The same with TLS (tls borrowed: it must outlive the server's connections,
 * which hold references of their own). */
int ew__http_server_listen_tls(ew__http_server *srv, const char *host, int port, ew_tls_server *tls,
                               ew_error *err);
int ew__http_server_n_listeners(const ew__http_server *srv);
/* "127.0.0.1:43121" or "[::1]:43121": the real bound address of listener i. */
int ew__http_server_address(const ew__http_server *srv, int i, char *out, size_t size);
/* New limits apply to new connections and to requests that start later. */
void ew__http_server_set_limits(ew__http_server *srv, const ew_limits_cfg *limits);
/* Stops accepting, closes idle connections and lets in-flight requests
 * finish; at the deadline the rest are aborted and closed. `done` runs once,
 * on the loop, when no connection is left or the deadline passed. */
void ew__http_server_drain(ew__http_server *srv, int deadline_ms, ew__http_drained_fn done,
                           void *arg);
bool ew__http_server_draining(const ew__http_server *srv);

typedef struct ew__http_stats {
    int connections;
    int active_requests;
    int streams;
    uint64_t requests;
} ew__http_stats;
void ew__http_server_stats(const ew__http_server *srv, ew__http_stats *out);

/* Adds a response header (name and value borrowed until the response starts).
 * EW_ERR_TOO_LARGE past EW__HTTP_MAX_RESP_HEADERS. */
int ew__http_add_header(ew__http_req *req, const char *name, const char *value);
/* A whole response. content_type may be NULL when len is 0. Finishes req. */
void ew__http_respond(ew__http_req *req, int status, const char *content_type, const void *body,
                      size_t len);
/* An OpenAI error object with e->http_status. Finishes req. */
void ew__http_respond_error(ew__http_req *req, const ew_api_error *e);
/* Starts a streamed (chunked) response. EW_ERR_BUSY when the server already
 * has max_concurrent_streams streams; the request is then still the
 * handler's to answer some other way. */
int ew__http_stream_begin(ew__http_req *req, int status, const char *content_type);
/* Queues one piece; EW_ERR_TOO_LARGE when the client reads too slowly and the
 * output buffer is full, EW_ERR_CANCELLED after an abort. */
int ew__http_stream_write(ew__http_req *req, const void *data, size_t len);
/* Ends the stream and finishes req. */
void ew__http_stream_end(ew__http_req *req);
/* The request's arena: memory that lives until the request is finished.
 * Its cap starts at 1 MiB; the handler may raise a->max within its own bound. */
ew_arena *ew__http_req_arena(ew__http_req *req);
/* A scratch buffer, emptied, for composing a body that is passed to
 * ew__http_respond at once; the next call on any request reuses it. */
ew_buf *ew__http_req_scratch(ew__http_req *req);
/* Bytes queued but not yet accepted by the kernel, for producers to pace. */
size_t ew__http_out_pending(const ew__http_req *req);
/* fn runs once (on the loop, never inside this call) when the client has
 * taken enough that at most `below` bytes are still queued: a producer that
 * paused above a high-water mark resumes there. Not after req is finished. */
void ew__http_on_writable(ew__http_req *req, size_t below, ew__http_writable_fn fn, void *arg);
/* fn runs (once, on the loop) if the client goes away or the server drains
 * past its deadline before req is finished. req must still be finished. */
void ew__http_set_abort(ew__http_req *req, ew__http_abort_fn fn, void *arg);

#endif
