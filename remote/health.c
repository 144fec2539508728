/* Circuit breaker and health averages: see health.h. */
#include <stdio.h>
#include <string.h>

#include "remote/health.h"

#define EWMA_ALPHA         0.2
#define RETRY_AFTER_MAX_MS (5 * 60 * 1000)

const char *ew_breaker_state_name(ew_breaker_state s)
{
    switch (s) {
    case EW_BREAKER_CLOSED:
        return "closed";
    case EW_BREAKER_OPEN:
        return "open";
    case EW_BREAKER_HALF_OPEN:
        return "half_open";
    }
    return "unknown";
}

void ew__health_init(ew__health *h, const char *name, const ew__breaker_opts *opts)
{
    memset(h, 0, sizeof *h);
    pthread_mutex_init(&h->mu, NULL);
    snprintf(h->name, sizeof h->name, "%s", name ? name : "");
    ew__breaker_opts o = opts ? *opts : (ew__breaker_opts){0};
    h->opts.failure_threshold = o.failure_threshold > 0 ? o.failure_threshold : 5;
    h->opts.open_ms = o.open_ms > 0 ? o.open_ms : 5000;
    h->opts.max_open_ms = o.max_open_ms >= h->opts.open_ms ? o.max_open_ms : 60000;
    if (h->opts.max_open_ms < h->opts.open_ms) h->opts.max_open_ms = h->opts.open_ms;
    h->opts.probes = o.probes > 0 ? o.probes : 1;
    h->state = EW_BREAKER_CLOSED;
    h->cur_open_ms = h->opts.open_ms;
    h->rtt_ms = h->ttfb_ms = -1;
}

void ew__health_cleanup(ew__health *h)
{
    pthread_mutex_destroy(&h->mu);
}

/* An open breaker whose cool-down has passed lets probes through. Locked. */
static void tick(ew__health *h, uint64_t now_ms)
{
    if (h->state == EW_BREAKER_OPEN && now_ms >= h->open_until_ms) h->state = EW_BREAKER_HALF_OPEN;
}

static bool breaker_allows(const ew__health *h)
{
    return h->state == EW_BREAKER_CLOSED ||
           (h->state == EW_BREAKER_HALF_OPEN && h->probes_in_flight < h->opts.probes);
}

bool ew__health_available(ew__health *h, uint64_t now_ms)
{
    pthread_mutex_lock(&h->mu);
    tick(h, now_ms);
    bool ok = breaker_allows(h) && now_ms >= h->blocked_until_ms;
    pthread_mutex_unlock(&h->mu);
    return ok;
}

int64_t ew__health_blocked_ms(ew__health *h, uint64_t now_ms)
{
    pthread_mutex_lock(&h->mu);
    int64_t ms = h->blocked_until_ms > now_ms ? (int64_t)(h->blocked_until_ms - now_ms) : 0;
    pthread_mutex_unlock(&h->mu);
    return ms;
}

bool ew__health_acquire(ew__health *h, uint64_t now_ms, bool *probe)
{
    pthread_mutex_lock(&h->mu);
    tick(h, now_ms);
    bool ok = breaker_allows(h);
    *probe = ok && h->state == EW_BREAKER_HALF_OPEN;
    if (*probe) h->probes_in_flight++;
    if (ok) {
        h->in_flight++;
        h->attempts++;
    }
    pthread_mutex_unlock(&h->mu);
    return ok;
}

static void ewma(double *avg, double sample)
{
    *avg = *avg < 0 ? sample : *avg + EWMA_ALPHA * (sample - *avg);
}

static void open_breaker(ew__health *h, uint64_t now_ms)
{
    h->state = EW_BREAKER_OPEN;
    h->open_until_ms = now_ms + (uint64_t)h->cur_open_ms;
}

void ew__health_release(ew__health *h, uint64_t now_ms, bool probe, ew__outcome outcome)
{
    pthread_mutex_lock(&h->mu);
    if (h->in_flight > 0) h->in_flight--;
    if (probe && h->probes_in_flight > 0) h->probes_in_flight--;
    if (outcome == EW__OUTCOME_SUCCESS) {
        ewma(&h->error_rate, 0.0);
        h->consecutive_failures = 0;
        if (probe || h->state == EW_BREAKER_HALF_OPEN) {
            h->state = EW_BREAKER_CLOSED;
            h->cur_open_ms = h->opts.open_ms;
        }
    } else if (outcome == EW__OUTCOME_FAILURE) {
        ewma(&h->error_rate, 1.0);
        h->failures++;
        h->consecutive_failures++;
        if (probe) {
            /* A failed probe: back off longer before the next one. */
            int next = h->cur_open_ms * 2;
            h->cur_open_ms = next > h->opts.max_open_ms ? h->opts.max_open_ms : next;
            open_breaker(h, now_ms);
        } else if (h->state == EW_BREAKER_CLOSED &&
                   h->consecutive_failures >= h->opts.failure_threshold) {
            open_breaker(h, now_ms);
        }
    }
    pthread_mutex_unlock(&h->mu);
}

void ew__health_retry_after(ew__health *h, uint64_t now_ms, int64_t ms)
{
    if (ms <= 0) return;
    if (ms > RETRY_AFTER_MAX_MS) ms = RETRY_AFTER_MAX_MS;
    pthread_mutex_lock(&h->mu);
    uint64_t until = now_ms + (uint64_t)ms;
    if (until > h->blocked_until_ms) h->blocked_until_ms = until;
    pthread_mutex_unlock(&h->mu);
}

void ew__health_sample_rtt(ew__health *h, double ms)
{
    pthread_mutex_lock(&h->mu);
    ewma(&h->rtt_ms, ms);
    pthread_mutex_unlock(&h->mu);
}

void ew__health_sample_ttfb(ew__health *h, double ms)
{
    pthread_mutex_lock(&h->mu);
    ewma(&h->ttfb_ms, ms);
    pthread_mutex_unlock(&h->mu);
}

void ew__health_snapshot(ew__health *h, uint64_t now_ms, ew_backend_health *out)
{
    pthread_mutex_lock(&h->mu);
    tick(h, now_ms);
    memset(out, 0, sizeof *out);
    memcpy(out->name, h->name, sizeof out->name);
    out->breaker = h->state;
    out->available = breaker_allows(h) && now_ms >= h->blocked_until_ms;
    out->rtt_ms = h->rtt_ms;
    out->ttfb_ms = h->ttfb_ms;
    out->error_rate = h->error_rate;
    out->in_flight = h->in_flight;
    out->consecutive_failures = h->consecutive_failures;
    out->retry_after_ms =
        h->blocked_until_ms > now_ms ? (int64_t)(h->blocked_until_ms - now_ms) : 0;
    out->attempts = h->attempts;
    out->failures = h->failures;
    pthread_mutex_unlock(&h->mu);
}
