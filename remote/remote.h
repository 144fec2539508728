/* The cloud client: OpenAI-compatible upstreams over libcurl's multi-socket
 * API, driven by the caller's libevent loop (curl's multi-event pattern). No
 * call blocks and there is no thread per request; connections are reused and
 * HTTP/2 is used where the upstream offers it over TLS.
 *
 * A client is bound to one event_base and one backend list (from the config;
 * a reload builds a new client). Everything runs on the loop thread, except
 * ew__remote_health, which any thread may call.
 *
 * One call = one logical request, which may make several attempts:
 *  - backends are tried in priority order (lower first), weighted at random
 *    among equal priorities, skipping open breakers;
 *  - before anything is delivered, a retriable failure (connect error, reset,
 *    timeout, 5xx, 429, malformed response) is retried on the same backend
 *    with exponential backoff and jitter, honouring Retry-After, and then
 *    falls back to the next backend;
 *  - once the first delta was delivered there is no retry: a later failure is
 *    reported with delivered = true and the gateway ends its stream with an
 *    error event.
 *
 * Callbacks: on_delta (zero or more, the first one preceded by on_start), then
 * exactly one of on_done or on_error, after which the call is gone. Every
 * pointer a callback receives is valid during that callback only. If
 * ew__remote_start fails, no callback is ever called. ew__remote_cancel stops a
 * call silently (no callback) and aborts its transfer; it may be called from
 * inside any of the call's callbacks. Secrets never appear in messages: API
 * keys are redacted from every log line and error, upstream text included.
 */
#ifndef EW_REMOTE_REMOTE_H
#define EW_REMOTE_REMOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/core.h"
#include "edgeway/remote.h"
#include "edgeway/request.h"
#include "policy/config.h"
#include "remote/health.h"
#include "remote/openai.h"

struct event_base;

typedef struct ew__remote ew__remote;
typedef struct ew__remote_call ew__remote_call;

typedef struct ew__remote_opts {
    struct event_base *base;        /* borrowed; must outlive the client */
    const ew_backend_cfg *backends; /* (n_backends) copied at creation */
    int n_backends;
    const char *config_dir; /* relative key/CA/cert paths resolve here; NULL = as given */
    ew__breaker_opts breaker;
    int retry_base_ms;         /* first backoff; default 100 */
    int retry_max_ms;          /* backoff cap; default 2000 */
    size_t max_response_bytes; /* whole (non-stream) bodies; default 8 MiB */
    size_t max_sse_line;       /* default 1 MiB */
    long max_host_connections; /* per upstream host; 0 = no limit */
    long max_idle_connections; /* curl's connection cache; default 64 */
    /* Every backend runs on this device (the url models, loopback only):
     * messages marked keep_local may be sent to them. */
    bool on_device;
    /* The serve loop's server.busy_poll_us (0: never report an answer as
     * due; see ew__remote_answer_due). */
    int busy_poll_us;
} ew__remote_opts;

/* What the first response carried: sent once, before the first delta. */
typedef struct ew__remote_start_info {
    const char *backend;
    const char *model; /* the upstream model name we asked for */
    int http_status;
    int http_version; /* 11 for HTTP/1.1, 20 for HTTP/2; 0 if unknown */
    int attempts;     /* 1 + retries + fallbacks so far */
    uint64_t ttfb_us;
} ew__remote_start_info;

typedef struct ew__remote_result {
    const char *backend;
    const char *model;
    const char *finish_reason; /* the last one seen; NULL if none */
    ew__usage usage;
    int attempts;
    uint64_t ttfb_us;
    uint64_t total_us;
    /* Raw calls only (opts.path set): the whole response body. */
    const char *body;
    size_t body_len;
} ew__remote_result;

typedef struct ew__remote_failure {
    int status; /* EW_ERR_TIMEOUT, _UNAVAILABLE, _UPSTREAM, _RATE_LIMIT, _AUTH, _INVALID, ... */
    int http_status;        /* the upstream's, 0 when there was none */
    bool delivered;         /* deltas were already delivered: no fallback is possible */
    int64_t retry_after_ms; /* from the upstream, 0 = none */
    const char *backend;    /* the last backend tried, or NULL */
    const char *message;    /* redacted, printable */
    int attempts;
} ew__remote_failure;

typedef struct ew__remote_callbacks {
    void (*on_start)(void *user, const ew__remote_start_info *info);
    void (*on_delta)(void *user, const ew__openai_delta *d);
    void (*on_done)(void *user, const ew__remote_result *r);
    void (*on_error)(void *user, const ew__remote_failure *f);
} ew__remote_callbacks;

typedef struct ew__remote_call_opts {
    /* Either a request to serialize for each backend (model names mapped)... */
    const ew_request *req;
    /* ...or a raw call: POST body (GET when NULL) to base_url + path, e.g.
     * "/edgeway/verify"; the whole response comes in on_done. */
    const char *path;
    const char *body;
    size_t body_len;
    const char *backend;    /* only this backend (by name); NULL = all, in order */
    const char *request_id; /* for logs and the upstream's x-request-id; may be NULL */
    const char *model;      /* upstream model override; NULL = mapping (see below) */
    int total_timeout_ms;   /* 0 = the first backend's total_timeout_ms */
    bool no_fallback;       /* retry on the first backend only */
} ew__remote_call_opts;

/* Asks for libcurl's memory to come from per-thread free lists (about fifty
 * blocks per transfer at ~15 instructions each instead of malloc's 60-170).
 * curl_global_init_mem is process-wide, so this is the program's choice
 * (edgeway serve makes it), not the library's: call it before the first
 * ew__remote_new. True if curl now uses the lists; false when curl was
 * already initialised, and in sanitizer builds (they must see its memory). */
bool ew__remote_curl_freelists(void);

/* Creates a client. Loads API keys (env var or file) now; a backend whose key
 * cannot be loaded, or whose URL, headers or paths are invalid, fails the
 * creation with EW_ERR_CONFIG and err naming the backend (never the key). */
int ew__remote_new(const ew__remote_opts *opts, ew__remote **out, ew_error *err);
/* Cancels every call without callbacks, then frees. NULL is a no-op. Not
 * from inside a callback. */
void ew__remote_free(ew__remote *r);

/* Starts a call. The request (and raw body) is serialized before this
 * returns, so req need not outlive it. Fails with EW_ERR_UNAVAILABLE when no
 * backend can take a request now (all breakers open), EW_ERR_NOT_FOUND for an
 * unknown opts->backend, EW_ERR_DENIED for keep_local messages (unless on_device). Model names:
 * opts->model, else the backend's mapping of req->model (exact "from"), else
 * the first mapping's "to" when the backend has mappings, else req->model. */
int ew__remote_start(ew__remote *r, const ew__remote_call_opts *opts,
                     const ew__remote_callbacks *cb, void *user, ew__remote_call **out,
                     ew_error *err);
/* Stops a call and aborts its transfer; no callback follows. */
void ew__remote_cancel(ew__remote_call *call);
/* Backpressure: stops reading the upstream (true) while our own client is
 * slow, or resumes (false). The idle timeout does not run while paused; the
 * total timeout does. Asked from inside a callback it takes effect once the
 * callback returns, so a few more deltas may still arrive. Resuming from
 * outside a callback may deliver buffered deltas before it returns. */
void ew__remote_pause(ew__remote_call *call, bool pause);

/* The model name a call to backend would ask for, given the requested one
 * (the mapping rule of ew__remote_start); NULL for an unknown backend. */
const char *ew__remote_model_for(const ew__remote *r, const char *backend, const char *requested);

/* Health of every backend, in config order; returns how many were written. */
int ew__remote_health(ew__remote *r, ew_backend_health *out, int max);

typedef struct ew__remote_stats {
    int calls;        /* calls not yet finished */
    int transfers;    /* transfers attached to curl right now */
    uint64_t started; /* totals */
    uint64_t retries;
    uint64_t fallbacks;
    uint64_t connections; /* new connections curl opened */
    uint64_t due_answers; /* attempts answered while due (ew__remote_answer_due) */
} ew__remote_stats;
void ew__remote_stats_get(const ew__remote *r, ew__remote_stats *out);

/* For the serve loop's busy-poll: whether an answer is due soon, i.e. an
 * attempt waits for its first byte from a backend whose recent answers came
 * fast (at least 6 of its last 8 within 2 * busy_poll_us of the attempt's
 * start; a new backend counts as fast), and has waited less than that
 * itself. Slow backends (a cloud model, a local server generating) are never
 * due, so the loop does not spin for them. *answers: how many due attempts
 * got their first byte so far (a spin that saw it grow was worth it).
 * *expect_us: the soonest a due answer is expected (3/4 of its backend's
 * quickest recent first byte after its attempt began; the attempt's start
 * until a backend has 8 fast answers), UINT64_MAX when none is due. */
bool ew__remote_answer_due(ew__remote *r, uint64_t now_us, uint64_t *answers, uint64_t *expect_us);

/* Replaces every occurrence of secret (4 bytes or longer) in the string buf
 * with "[REDACTED]", in place within size bytes, truncating if need be. */
void ew__redact(char *buf, size_t size, const char *secret);

#endif
