/* The serve loop, with an adaptive busy-poll (server.busy_poll_us).
 *
 * A request on the remote route wakes the loop twice: the client's request,
 * then the upstream's answer tens of microseconds later. Sleeping in between
 * costs a wake-up (on a VM an idle vCPU halts, and the answer's interrupt
 * has to bring it back; on a busy machine another task took the CPU). While
 * a request waits for its answer the loop can instead poll without sleeping
 * (epoll_wait with timeout 0) for a bounded time, so a fast upstream's answer
 * is handled as it lands.
 *
 * It adapts: a spin ends as soon as a request finishes; a spin that sees none
 * finish (a slow upstream, a local generation) is a miss, and after
 * SPIN_MISSES in a row spinning pauses for SPIN_PAUSE_US, so in front of
 * answers that take milliseconds it costs at most a few hundred microseconds
 * a second. It never spins while the device says it runs on battery or in
 * low-power mode. */
#include <event2/event.h>
#include <time.h>

#include "edgeway/router.h"
#include "gateway/gw.h"
#include "gateway/loop.h"
#include "gateway/metrics.h"

/* Misses in a row before spinning pauses, and for how long. */
#define SPIN_MISSES   4
#define SPIN_PAUSE_US 1000000u
/* The device state is read this often, at most. */
#define DEVICE_CHECK_US 100000u

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t ew__spin_budget(const ew__spin *s, int busy_poll_us, uint64_t now)
{
    if (busy_poll_us <= 0 || s->on_battery || now < s->pause_until) return 0;
    return (uint64_t)busy_poll_us;
}

void ew__spin_result(ew__spin *s, bool hit, uint64_t spun_us, uint64_t now)
{
    s->spun_us += spun_us;
    if (hit) {
        s->n_hit++;
        s->misses = 0;
        return;
    }
    s->n_miss++;
    if (++s->misses >= SPIN_MISSES) {
        s->misses = 0;
        s->pause_until = now + SPIN_PAUSE_US;
    }
}

void ew__spin_render(const ew__spin *s, ew_buf *out)
{
    ew__prom_help(out, "edgeway_busy_poll_total", "counter",
                  "Busy-poll spins (server.busy_poll_us) by result: hit = a request finished "
                  "during the spin, miss = none did.");
    ew__prom_value(out, "edgeway_busy_poll_total", "result", "hit", (double)s->n_hit);
    ew__prom_value(out, "edgeway_busy_poll_total", "result", "miss", (double)s->n_miss);
    ew__prom_help(out, "edgeway_busy_poll_seconds_total", "counter",
                  "Time the loop spent busy-polling.");
    ew__prom_value(out, "edgeway_busy_poll_seconds_total", NULL, NULL, (double)s->spun_us / 1e6);
}

/* Requests answered so far; *active: those still waiting for their answer. */
static uint64_t finished(const ew__gateway *gw, int *active)
{
    ew__http_stats st;
    ew__http_server_stats(gw->http, &st);
    *active = st.active_requests;
    return st.requests - (uint64_t)st.active_requests;
}

static bool stopped(struct event_base *base)
{
    return event_base_got_exit(base) || event_base_got_break(base);
}

static void check_device(ew__gateway *gw, uint64_t t)
{
    ew__spin *s = &gw->spin;
    if (s->device_at && t - s->device_at < DEVICE_CHECK_US) return;
    ew_route_device d;
    ew_router_get_device(gw->router, &d);
    s->on_battery = d.charging == 0 || d.low_power == 1;
    s->device_at = t;
}

/* Polls the loop without sleeping until a request finishes, none is left
 * waiting, or budget_us passes. -1: the loop was told to stop (or failed);
 * else whether a request finished. */
static int spin(ew__gateway *gw, uint64_t budget_us, uint64_t t0)
{
    int active;
    uint64_t done0 = finished(gw, &active);
    int hit = 0;
    uint64_t t;
    do {
        if (event_base_loop(gw->base, EVLOOP_NONBLOCK) < 0 || stopped(gw->base)) return -1;
        hit = finished(gw, &active) != done0;
        t = now_us();
    } while (!hit && active > 0 && t - t0 < budget_us);
    ew__spin_result(&gw->spin, hit, t - t0, t);
    return hit;
}

int ew__gateway_run(ew__gateway *gw)
{
    for (;;) {
        /* rc 1: nothing left to wait for, which ends event_base_dispatch too. */
        int rc = event_base_loop(gw->base, EVLOOP_ONCE);
        if (rc != 0 || stopped(gw->base)) return rc < 0 ? -1 : 0;
        /* Spin while requests wait, until one spin misses. */
        for (;;) {
            int active;
            finished(gw, &active);
            int busy_poll_us = gw->cfg->server.busy_poll_us;
            if (active == 0 || busy_poll_us <= 0) break;
            uint64_t t = now_us();
            check_device(gw, t);
            uint64_t budget = ew__spin_budget(&gw->spin, busy_poll_us, t);
            if (!budget) break;
            int hit = spin(gw, budget, t);
            if (hit < 0) return stopped(gw->base) ? 0 : -1;
            if (!hit) break;
        }
    }
}
