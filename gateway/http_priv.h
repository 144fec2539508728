/* Private to gateway/http*.c: the server and connection structs. */
#ifndef EW_GATEWAY_HTTP_PRIV_H
#define EW_GATEWAY_HTTP_PRIV_H

#include <event2/event.h>
#include <event2/listener.h>

#include "core/arena.h"
#include "gateway/http.h"

#define EW__HTTP_MAX_LISTENERS 16
/* After the last response of a closing connection, unread input is drained
 * for this long so the client sees the response rather than a reset. */
#define EW__HTTP_LINGER_MS 2000
/* Buffers grown past this by one large request are freed once it is done. */
#define EW__HTTP_KEEP_BUF 65536
/* A request's arena starts with this cap; a handler may raise it (bounded by
 * what it knows of the request, e.g. the body's size). */
#define EW__HTTP_ARENA_MAX (1u << 20)
/* The scratch buffer's cap: error objects and small JSON bodies. */
#define EW__HTTP_SCRATCH_MAX (1u << 20)
/* Output queued for one slow client, at most (streams and big responses). */
#define EW__HTTP_MAX_OUT (16u << 20)

typedef enum conn_state {
    ST_IDLE = 0, /* between requests, nothing buffered */
    ST_HEAD,     /* part of a head is buffered */
    ST_BODY,     /* head parsed, body arriving */
    ST_HANDLER,  /* the handler owns the request */
    ST_STREAM,   /* the handler is streaming the response */
    ST_FLUSH,    /* response complete, being written */
    ST_DONE,     /* response written; the request can be retired */
    ST_LINGER,   /* last response sent; discarding input until EOF */
} conn_state;

/* Which timeout the read event is armed with. */
typedef enum rd_mode {
    RD_OFF = 0,
    RD_KEEPALIVE,
    RD_READ,
    RD_WATCH, /* no timeout: only notices the client leaving */
    RD_LINGER,
} rd_mode;

struct ew__http_conn {
    ew__http_server *srv;
    ew__http_conn *prev, *next;
    evutil_socket_t fd; /* -1 once closed (a zombie waits for its handler) */
    struct event *rev, *wev;
    conn_state state;
    rd_mode rd;
    bool wr_armed;
    bool flush_queued; /* the write event was activated to send queued stream data */
    bool busy;   /* inside conn_advance: frees are deferred */
    bool again;  /* conn_advance should run another step */
    bool dead;   /* free when no longer busy */
    bool in_api; /* inside a handler's call: no abort callback */
    bool eof;    /* the client closed its side */
    bool close_after;
    bool dispatched; /* the handler has been called for the current request */
    bool peeked;     /* pipelined bytes wait in the socket: stop watching reads */
    ew_buf in;       /* raw input: head, then body (decoded in place), then pipelined bytes */
    ew_buf out;      /* output not yet written, from out_off */
    ew_arena arena;  /* the current request's; reset when it retires */
    size_t out_off;
    size_t scan;       /* head terminator search resumes here */
    uint64_t phase_ns; /* when the current head (or the linger) began */
    size_t head_len;
    const char *head_base; /* in.data when the head was parsed */
    size_t body_len;
    size_t req_end; /* input bytes the current request spans */
    char saved;     /* the byte overwritten by the body's NUL */
    ew__http_chunked chunked;
    ew_limits_cfg limits; /* snapshot taken when the request started */
    ew__http_req req;
    char peer[64];
    uint64_t served; /* requests answered on this connection */
    /* TLS listeners only (certs/): the connection, whether its handshake is
     * still running (its own deadline, from tls_hs_ns), whether a handshake
     * read waits for the socket to take a write, and the peer for requests. */
    ew_tls_conn *tls;
    bool tls_hs;
    int tls_hs_ms;
    uint64_t tls_hs_ns;
    bool tls_rd_wants_write;
    ew_tls_peer tls_peer;
};

struct ew__http_server {
    struct event_base *base;
    ew_limits_cfg limits;
    ew__http_handler_fn handler;
    ew__http_finish_fn on_finish;
    void *user;
    struct evconnlistener *listeners[EW__HTTP_MAX_LISTENERS];
    ew_tls_server *tls[EW__HTTP_MAX_LISTENERS]; /* borrowed; NULL = plaintext */
    int n_listeners;
    bool accepting;
    struct event *resume_timer; /* re-enables accepting after an accept error */
    ew__http_conn *conns;       /* every connection, zombies included */
    int n_open;                 /* connections with a socket */
    int n_total;                /* plus zombies */
    int n_active;
    int n_streams;
    uint64_t n_requests;
    bool draining;
    struct event *drain_timer;
    ew__http_drained_fn drained;
    void *drained_arg;
    ew_buf scratch;
    uint64_t id_seed;
    uint64_t id_counter;
    time_t date_sec;
    char date[40];
};

/* http.c, used by http_conn.c */
/* A connection's socket was closed (it may live on as a zombie). */
void ew__http_server_on_close(ew__http_server *srv);
/* A connection's struct was freed. */
void ew__http_server_on_free(ew__http_server *srv);
/* The loop's one scratch buffer, emptied: for a response body that is
 * copied out at once (so nothing is allocated per request). */
ew_buf *ew__http_server_scratch(ew__http_server *srv);
/* A fresh request id into out[EW__REQUEST_ID_MAX + 1]. */
void ew__http_server_next_id(ew__http_server *srv, char *out);
/* The Date header's value, formatted once a second. */
const char *ew__http_server_date(ew__http_server *srv);
uint64_t ew__http_now_ns(void);
/* "1.2.3.4:80" or "[::1]:80". */
void ew__http_format_addr(const struct sockaddr *sa, char *out, size_t size);

/* http_conn.c, used by http.c */
/* tls: the listener's TLS server, or NULL for plaintext. */
ew__http_conn *ew__http_conn_new(ew__http_server *srv, evutil_socket_t fd,
                                 const struct sockaddr *sa, int socklen, ew_tls_server *tls);
/* Drain: a connection with nothing in flight closes now; others close after
 * their current response. */
void ew__http_conn_drain(ew__http_conn *c);
/* Deadline: abort whatever is in flight and close. */
void ew__http_conn_kill(ew__http_conn *c);
void ew__http_conn_free(ew__http_conn *c);

#endif
