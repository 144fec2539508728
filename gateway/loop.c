/* The serve loop, with an adaptive busy-poll (server.busy_poll_us).
 *
 * A request on the remote route wakes the loop twice: the client's request,
 * then the upstream's answer tens of microseconds later. Sleeping in between
 * costs a wake-up (on a VM an idle vCPU halts, and the answer's interrupt
 * has to bring it back; on a busy machine another task took the CPU). While
 * an answer is due the loop can instead poll without sleeping (epoll_wait
 * with timeout 0) for a bounded time, so a fast upstream's answer is handled
 * as it lands.
 *
 * It spins only for answers that are due: an upstream attempt waiting for
 * its first byte from a backend whose recent answers came within twice the
 * budget (ew__remote_answer_due). A slow cloud model, a local server
 * generating, a local engine's stream or a stream's later chunks are never
 * spun for, whatever else runs next to them. A spin ends when no answer is
 * due any more or the budget is spent; one that saw no due answer arrive is
 * a miss, and after SPIN_MISSES in a row spinning pauses for SPIN_PAUSE_US
 * (a fast backend turned slow, or a machine too busy to answer in time). It
 * never spins while the device says it runs on battery or in low-power
 * mode.
 *
 * A spin polls with a system call each time round. Before a due answer can
 * be expected (3/4 of its backend's quickest recent first byte, learnt per
 * backend in remote/client.c) it polls only every QUIET_POLL_US and waits
 * in between without one, so other clients' events still wait at most
 * that long; from then on it polls without a break. A fast upstream's
 * answer takes tens of microseconds, so this keeps most of a spin's
 * epoll_wait calls out (bench/gateway_kernel.sh counts them). */
#include <event2/event.h>
#include <time.h>

#include "edgeway/router.h"
#include "gateway/engines.h"
#include "gateway/gw.h"
#include "gateway/loop.h"
#include "gateway/metrics.h"

/* Misses in a row before spinning pauses, and for how long. */
#define SPIN_MISSES   4
#define SPIN_PAUSE_US 1000000u
/* The device state is read this often, at most. */
#define DEVICE_CHECK_US 100000u
/* Poll this often while no due answer is expected yet. */
#define QUIET_POLL_US 5u

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
                  "Busy-poll spins (server.busy_poll_us) by result: hit = an upstream answer "
                  "that was due arrived during the spin, miss = none did.");
    ew__prom_value(out, "edgeway_busy_poll_total", "result", "hit", (double)s->n_hit);
    ew__prom_value(out, "edgeway_busy_poll_total", "result", "miss", (double)s->n_miss);
    ew__prom_help(out, "edgeway_busy_poll_seconds_total", "counter",
                  "Time the loop spent busy-polling.");
    ew__prom_value(out, "edgeway_busy_poll_seconds_total", NULL, NULL, (double)s->spun_us / 1e6);
    ew__prom_help(out, "edgeway_busy_poll_polls_total", "counter",
                  "Non-blocking polls (epoll_wait calls) the spins made.");
    ew__prom_value(out, "edgeway_busy_poll_polls_total", NULL, NULL, (double)s->polls);
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

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* Waits until `until` without a system call where the clock is the vDSO's;
 * where it is not, the clock is read only every 16 pauses (~0.5 us). */
static uint64_t wait_until(uint64_t t, uint64_t until)
{
    while (t < until) {
        for (int i = 0; i < 16; i++)
            cpu_relax();
        t = now_us();
    }
    return t;
}

/* Polls the loop without sleeping until no answer is due or budget_us
 * passes; until expect_us, only every QUIET_POLL_US. -1: the loop was told
 * to stop (or failed); else whether a due answer arrived. */
static int spin(ew__gateway *gw, uint64_t budget_us, uint64_t t0, uint64_t answers0,
                uint64_t expect_us)
{
    uint64_t answers = answers0, t = t0, end = t0 + budget_us;
    for (;;) {
        if (t < expect_us) {
            uint64_t until = t + QUIET_POLL_US;
            if (until > expect_us) until = expect_us;
            t = wait_until(t, until < end ? until : end);
        }
        if (event_base_loop(gw->base, EVLOOP_NONBLOCK) < 0 || stopped(gw->base)) return -1;
        gw->spin.polls++;
        t = now_us();
        if (!ew__engines_answer_due(gw->engines, t, &answers, &expect_us) || t >= end) break;
    }
    bool hit = answers != answers0;
    ew__spin_result(&gw->spin, hit, t - t0, t);
    return hit;
}

int ew__gateway_run(ew__gateway *gw)
{
    for (;;) {
        /* rc 1: nothing left to wait for, which ends event_base_dispatch too. */
        int rc = event_base_loop(gw->base, EVLOOP_ONCE);
        if (rc != 0 || stopped(gw->base)) return rc < 0 ? -1 : 0;
        /* Spin while answers are due, until one spin misses. */
        for (;;) {
            int busy_poll_us = gw->cfg->server.busy_poll_us;
            if (busy_poll_us <= 0) break;
            uint64_t t = now_us(), answers, expect_us;
            if (!ew__engines_answer_due(gw->engines, t, &answers, &expect_us)) break;
            check_device(gw, t);
            uint64_t budget = ew__spin_budget(&gw->spin, busy_poll_us, t);
            if (!budget) break;
            int hit = spin(gw, budget, t, answers, expect_us);
            if (hit < 0) return stopped(gw->base) ? 0 : -1;
            if (!hit) break;
        }
    }
}
