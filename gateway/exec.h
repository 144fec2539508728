/* Route execution: one request, its decision, and the route modules that
 * serve it.
 *
 * An ew__exec is one chat/completion request after parsing, auth and the
 * router's decision. It tries the decision's target and then, while nothing
 * has reached the client, its fallbacks in order (the policy already removed
 * every fallback that would break never_remote). A route module serves one
 * target and reports back through the emitter calls below; it never writes
 * HTTP itself, so every route streams the same OpenAI chunks, counts usage
 * the same way and ends the same way.
 *
 * A new route is one more module: a `ew__route_ops` with a start function
 * (gateway/route_<name>.c), listed in exec.c's table. Routes compose by
 * calling each other's start functions (cascade runs local, then remote).
 *
 * Rules for a route:
 *  - start either fails at once (no callback, the exec moves on to the next
 *    fallback) or reports later with ew__exec_text... and exactly one of
 *    ew__exec_done / ew__exec_fail;
 *  - while it works it keeps a cancel hook set (ew__exec_set_cancel); the
 *    hook stops the work, and the route still ends with ew__exec_fail
 *    (status EW_ERR_CANCELLED), at once or later;
 *  - the first ew__exec_text commits the response: headers go out (for a
 *    stream, the SSE begins). Before that, a failure may fall back.
 *
 * Everything runs on the loop thread.
 */
#ifndef EW_GATEWAY_EXEC_H
#define EW_GATEWAY_EXEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "edgeway/gateway.h"
#include "edgeway/router.h"
#include "remote/openai.h"

typedef struct ew__exec ew__exec;
typedef struct ew__gateway ew__gateway; /* its state is in gateway/gw.h */
typedef struct ew__caller ew__caller;
struct ew__http_req;
struct ew_arena;

typedef struct ew__route_ops {
    ew_route route;
    /* Begins serving x with target t. On failure returns the status and
     * fills e (the client's error if no fallback is left). */
    int (*start)(ew__exec *x, const ew_route_target *t, ew_api_error *e);
} ew__route_ops;

/* The route modules. */
extern const ew__route_ops ew__route_local;
extern const ew__route_ops ew__route_remote;
extern const ew__route_ops ew__route_cascade;
extern const ew__route_ops ew__route_speculative;
extern const ew__route_ops ew__route_split;

/* Runs the decision for a parsed request; the exec finishes req. req and
 * the decision are borrowed from the request's arena, where the exec lives
 * too (returned, valid until the request retires; NULL when out of memory,
 * after answering 500). */
ew__exec *ew__exec_run(ew__gateway *gw, struct ew__http_req *hr, const ew_request *req,
                       const ew_decision *d, const ew__caller *caller);

/* ---- for route modules ---------------------------------------------------------- */

ew__gateway *ew__exec_gw(ew__exec *x);
const ew_request *ew__exec_request(ew__exec *x);
const char *ew__exec_id(ew__exec *x);
/* The request's arena: lives until the request is finished. */
struct ew_arena *ew__exec_arena(ew__exec *x);

/* Names what serves the request (x-edgeway-backend); before the first text. */
void ew__exec_set_backend(ew__exec *x, const char *backend);
/* The model name the response reports. */
void ew__exec_set_model(ew__exec *x, const char *model);
/* An extra x-edgeway-* header (name and value copied); before the first text. */
void ew__exec_add_header(ew__exec *x, const char *name, const char *value);
/* The hook that stops the route's current work; NULL when nothing runs. */
void ew__exec_set_cancel(ew__exec *x, void (*fn)(void *arg), void *arg);
/* Backpressure: fn(arg, true) asks the route to stop producing while the
 * client's unsent output is over a high-water mark, fn(arg, false) to go on
 * once it is under the low one. NULL when the route cannot pause; a stream
 * whose client falls too far behind then ends with a slow_client error. */
void ew__exec_set_pause(ew__exec *x, void (*fn)(void *arg, bool pause), void *arg);
/* True once the client is gone (or the server is shutting down). */
bool ew__exec_aborted(const ew__exec *x);
bool ew__exec_committed(const ew__exec *x);

/* Answer text. The first call commits the response. Returns EW_OK, or a
 * failure when the client cannot take more (the route should stop; the
 * exec ends the request). */
int ew__exec_text(ew__exec *x, const char *text, size_t len);
/* Raw JSON of a tool_calls array (a stream delta's, or a whole message's). */
int ew__exec_tool_calls(ew__exec *x, const char *json, size_t len);

/* The end of a successful answer. finish_reason NULL = "stop". usage may be
 * NULL (then nothing is reported as counted). */
void ew__exec_done(ew__exec *x, const char *finish_reason, const ew__usage *usage);
/* The end of a failed attempt. Before the commit, and when fallback is
 * true, the next fallback starts; otherwise the client gets e (a stream:
 * as an SSE error event). e may be NULL for EW_ERR_CANCELLED. */
void ew__exec_fail(ew__exec *x, int status, const ew_api_error *e, bool fallback);

/* A request header's value (not NUL-terminated), or NULL. */
const char *ew__exec_header(ew__exec *x, const char *name, size_t *len);

/* What the routes started after this call see as the request (the split
 * route's sanitized copy, borrowed until the request ends); each attempt
 * starts again from the client's own. */
void ew__exec_set_request(ew__exec *x, const ew_request *req);

/* Rewrites the answer on its way out (split: restores placeholders). The
 * hooks write with ew__exec_text / ew__exec_tool_calls, which then go
 * straight out; flush runs at ew__exec_done, before the end. Cleared when
 * an attempt starts. */
typedef struct ew__exec_filter {
    int (*text)(void *arg, ew__exec *x, const char *text, size_t len);
    int (*tool_calls)(void *arg, ew__exec *x, const char *json, size_t len);
    int (*flush)(void *arg, ew__exec *x);
} ew__exec_filter;
void ew__exec_set_filter(ew__exec *x, const ew__exec_filter *f, void *arg);

/* fn(arg) runs once when the request ends, however it ends (a route's
 * cleanup that must outlive its attempt). EW_ERR_BUSY past four. */
int ew__exec_on_finish(ew__exec *x, void (*fn)(void *arg), void *arg);

/* From now on no fallback may send the request off the device unsanitized
 * (remote, cascade, speculative): a route found content the policy keeps
 * home, or could not tell. */
void ew__exec_keep_on_device(ew__exec *x);

/* Microseconds since the request's head arrived. */
uint64_t ew__exec_elapsed_us(const ew__exec *x);

/* ---- for the access log and metrics --------------------------------------------- */

typedef struct ew__exec_info {
    const char *route; /* what ran last (after fallbacks); NULL = none */
    int route_id;      /* its ew_route, or -1 */
    const char *rule;
    const char *backend;
    const char *key;
    const char *tenant;
    bool fell_back;
    const char *split; /* split mode that ran (x-edgeway-split), or NULL */
    bool has_ttft;
    uint64_t ttft_us;
    ew__usage usage;
    const ew_decision *decision;
} ew__exec_info;

/* Strings are borrowed until the request is retired. */
void ew__exec_describe(const ew__exec *x, ew__exec_info *out);

#endif
