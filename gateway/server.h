/* The gateway: edgeway's HTTP front door. It binds the configured
 * listeners, serves the OpenAI endpoints and the health and model lists, and
 * reports one access record per request.
 *
 * Everything runs on the caller's libevent loop thread.
 */
#ifndef EW_GATEWAY_SERVER_H
#define EW_GATEWAY_SERVER_H

#include <stdbool.h>
#include <stdint.h>

#include "edgeway/core.h"
#include "edgeway/router.h"
#include "policy/config.h"

struct event_base;

/* One finished request, for the access log. No prompt text ever: only what
 * the HTTP layer and the decision know. Strings are borrowed for the call. */
typedef struct ew__access_record {
    const char *request_id;
    const char *method;
    const char *path;       /* without the query string; "-" when the head was unreadable */
    const char *peer;       /* "ip:port" */
    const char *model;      /* as asked, when the body was parsed; else NULL */
    const char *error_type; /* the OpenAI error type when status >= 400; else NULL */
    const char *tls_client; /* TLS listeners: the client certificate's CN; else NULL */
    const char *tenant;     /* the tenant its certificate maps to (client_tenants); else NULL */
    int status;
    bool stream;
    bool aborted; /* the client left before the response was complete */
    uint64_t bytes_in;
    uint64_t bytes_out;
    uint64_t duration_us;
    /* Chat and completion requests: what the router decided and what ran. */
    const char *route;   /* the route that answered (after fallbacks); NULL = none */
    const char *rule;    /* the rule that decided */
    const char *backend; /* the model or cloud backend that answered */
    const char *key;     /* the API key's name; NULL = anonymous */
    bool fell_back;      /* a fallback answered */
    const char *split;   /* the split mode that ran; NULL = none */
    bool has_ttft;
    uint64_t ttft_us; /* head to the first answer text */
    bool usage_present;
    int64_t prompt_tokens, completion_tokens;
    const struct ew_decision *decision; /* NULL when none was made */
} ew__access_record;

typedef void (*ew__access_fn)(void *user, const ew__access_record *rec);
/* How a reload ended: on the loop, once; err says why when st fails. */
typedef void (*ew__reload_done_fn)(void *arg, int st, const ew_error *err);

typedef struct ew__gateway_opts {
    struct event_base *base; /* borrowed */
    /* The gateway takes its own reference (a request that outlives a reload
     * keeps the config it began with by taking one too). */
    ew_config *config;
    /* "[http://|https://]HOST:PORT" replacing the config's listeners
     * (--listen), or NULL. Without a scheme it keeps the TLS settings of the
     * config's first TLS listener; http:// is plaintext, https:// needs one. */
    const char *listen;
    ew__access_fn access_log; /* may be NULL */
    void *access_user;
    /* POST /admin/reload: starts reloading the config the way SIGHUP does
     * (the daemon knows the file) off the loop, and calls done on the loop
     * when it is over. EW_ERR_BUSY, and no done, while another reload runs.
     * NULL = not offered. */
    int (*reload)(void *user, ew__reload_done_fn done, void *arg);
    void *reload_user;
} ew__gateway_opts;

typedef struct ew__gateway ew__gateway;

/* Binds every listener and logs "listening on ADDR" for each (with the real
 * port when port 0 was asked for). On failure nothing stays bound and err
 * says which listener failed. */
int ew__gateway_new(const ew__gateway_opts *opts, ew__gateway **out, ew_error *err);
/* Frees the gateway, closing every connection. NULL is a no-op. */
void ew__gateway_free(ew__gateway *gw);

int ew__gateway_n_addresses(const ew__gateway *gw);
/* The real bound address of listener i: "127.0.0.1:43121" or "[::1]:43121". */
int ew__gateway_address(const ew__gateway *gw, int i, char *out, size_t size);

/* TLS counters of configured listener i (handshakes, failures, resumptions,
 * reloads, open connections), for /metrics; EW_ERR_NOT_FOUND when it is
 * plaintext. */
int ew__gateway_tls_stats(const ew__gateway *gw, int i, ew_tls_stats *out);

/* Switches to a new config (a reload), taking a reference to it and
 * dropping the old one: models whose entry changed are loaded now (and the
 * old ones unloaded once their requests end), the policy and keys apply to
 * new requests, limits to new requests. In-flight requests finish with what
 * they began with. Listeners are not rebound; a changed listener list is
 * reported in the log and needs a restart. On failure (a model that does
 * not load) nothing changes and err says why. */
int ew__gateway_set_config(ew__gateway *gw, ew_config *config, ew_error *err);

/* The same in steps, so that loading models (which blocks) runs off the
 * loop: _begin on the loop, _load on any other thread while the loop keeps
 * serving, then _commit (the switch, as above) or _abort on the loop. */
struct ew__engines_plan;
struct ew__engines_plan *ew__gateway_reload_begin(ew__gateway *gw);
int ew__gateway_reload_load(struct ew__engines_plan *p, const ew_config *config, ew_error *err);
int ew__gateway_reload_commit(ew__gateway *gw, struct ew__engines_plan *p, ew_config *config,
                              ew_error *err);
void ew__gateway_reload_abort(ew__gateway *gw, struct ew__engines_plan *p);

/* Stops accepting, lets in-flight requests finish within the config's
 * drain_timeout_ms, then calls done (once, on the loop). /readyz answers 503
 * from now on. */
void ew__gateway_drain(ew__gateway *gw, void (*done)(void *arg), void *arg);

/* Splits "HOST:PORT" ("[::1]:8080" for IPv6, ":8080" for 0.0.0.0) into host and port. */
int ew__parse_hostport(const char *s, char *host, size_t host_size, int *port, ew_error *err);

#endif
