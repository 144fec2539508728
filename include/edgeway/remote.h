/* edgeway public API: health of the cloud backends, as the router's rules and
 * the metrics see it. The cloud client itself is internal (remote/remote.h). */
#ifndef EDGEWAY_REMOTE_H
#define EDGEWAY_REMOTE_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Circuit breaker per backend: closed (normal), open (failing: no traffic
 * until a cool-down ends) and half-open (a few probe requests decide). */
typedef enum ew_breaker_state {
    EW_BREAKER_CLOSED = 0,
    EW_BREAKER_OPEN = 1,
    EW_BREAKER_HALF_OPEN = 2,
} ew_breaker_state;

const char *ew_breaker_state_name(ew_breaker_state s);

#define EW_BACKEND_NAME_MAX 64

/* A snapshot; averages are exponentially weighted (alpha 0.2). */
typedef struct ew_backend_health {
    char name[EW_BACKEND_NAME_MAX];
    ew_breaker_state breaker;
    bool available;    /* a new request would be sent there now */
    double rtt_ms;     /* network round trip (kernel TCP estimate); -1 = no sample yet */
    double ttfb_ms;    /* request start to first response byte; -1 = no sample yet */
    double error_rate; /* share of failed attempts, 0..1 */
    int in_flight;     /* attempts running now */
    int consecutive_failures;
    int64_t retry_after_ms; /* left of an upstream's Retry-After; 0 = none */
    uint64_t attempts;      /* totals since start */
    uint64_t failures;
} ew_backend_health;

#ifdef __cplusplus
}
#endif
#endif
