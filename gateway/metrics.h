/* The gateway's counters and histograms, rendered in the Prometheus text
 * format (GET /metrics). Loop thread only: no locks, no atomics. Label sets
 * are bounded (a fixed table of series; past it, counts go to one overflow
 * series), so no client can grow memory through labels.
 */
#ifndef EW_GATEWAY_METRICS_H
#define EW_GATEWAY_METRICS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "edgeway/router.h"

typedef struct ew__metrics ew__metrics;

/* A route index for requests that never reached a decision (auth, parse). */
#define EW__METRICS_NO_ROUTE EW_ROUTE_COUNT

ew__metrics *ew__metrics_new(void);
void ew__metrics_free(ew__metrics *m);

typedef struct ew__metrics_request {
    int route;           /* ew_route, or EW__METRICS_NO_ROUTE */
    const char *backend; /* what served it ("" = none) */
    int status;          /* HTTP status */
    uint64_t duration_us;
    uint64_t ttft_us; /* 0 = no token was sent */
    int64_t tokens_in, tokens_out;
} ew__metrics_request;

/* One finished chat/completion request. */
void ew__metrics_request_done(ew__metrics *m, const ew__metrics_request *r);
/* What the router saw: PII types with counts (never values). */
void ew__metrics_pii(ew__metrics *m, const ew_decision_features *f);
/* A fallback taken at execution time, to route `to`. */
void ew__metrics_fallback(ew__metrics *m, ew_route to);
/* A cascade's outcome. */
void ew__metrics_cascade(ew__metrics *m, bool escalated);
/* A request refused by a rate limit: "requests" or "tokens". */
void ew__metrics_rate_limited(ew__metrics *m, const char *limit);
void ew__metrics_auth_failure(ew__metrics *m);

/* Appends every counter and histogram. */
int ew__metrics_render(const ew__metrics *m, ew_buf *out);

/* Helpers for gauges the caller knows: `name{labels} value\n`, with a HELP
 * and TYPE line when help is given. labels may be NULL; label values are
 * escaped. */
void ew__prom_help(ew_buf *out, const char *name, const char *type, const char *help);
void ew__prom_value(ew_buf *out, const char *name, const char *label, const char *label_value,
                    double v);

#endif
