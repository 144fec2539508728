/* The serve loop: libevent's, plus an adaptive busy-poll while an upstream
 * answer is due (gateway/loop.c, server.busy_poll_us). */
#ifndef EW_GATEWAY_LOOP_H
#define EW_GATEWAY_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"

typedef struct ew__gateway ew__gateway;

/* Runs the gateway's event_base until event_base_loopexit or loopbreak, or
 * until nothing is left to wait for (as event_base_dispatch does). 0, or -1
 * when the loop failed. */
int ew__gateway_run(ew__gateway *gw);

/* When to spin, and what spinning did (the gateway's, on its loop thread).
 * A spin that sees no due answer arrive is a miss; a run of misses pauses
 * spinning for a while. */
typedef struct ew__spin {
    int misses;           /* in a row */
    uint64_t pause_until; /* microseconds, CLOCK_MONOTONIC */
    bool on_battery;      /* the device said so when last asked */
    uint64_t device_at;   /* when that was */
    uint64_t n_hit, n_miss, spun_us;
    uint64_t polls; /* non-blocking passes of the loop, over all spins */
} ew__spin;

/* How long to spin now, in microseconds; 0 = sleep instead. */
uint64_t ew__spin_budget(const ew__spin *s, int busy_poll_us, uint64_t now_us);
/* hit: a due answer arrived during the spin, which took spun_us. */
void ew__spin_result(ew__spin *s, bool hit, uint64_t spun_us, uint64_t now_us);
/* The Prometheus families edgeway_busy_poll_total,
 * edgeway_busy_poll_seconds_total and edgeway_busy_poll_polls_total. */
void ew__spin_render(const ew__spin *s, ew_buf *out);

#endif
