/* The device's own state: pushed values and cached sysfs readings, merged,
 * aged out after max_age, with hysteresis on the levels derived from sysfs
 * (thermal from temperatures, low_power from the battery level).
 *
 * One mutex guards the state; it is held only to copy values, never during
 * I/O. A sysfs re-read happens outside the lock by one caller at a time
 * (the `reading` flag); concurrent callers meanwhile use the cached values. */
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/log.h"
#include "router/device.h"

struct ew_device {
    ew_device_opts o;
    char *sysfs_root; /* owned copy; NULL = no sysfs source */
    pthread_mutex_t mu;
    /* push */
    ew_route_device pushed;
    int64_t pushed_ms; /* 0 = never */
    /* sysfs */
    ew_route_device sysfs; /* after hysteresis */
    int64_t sysfs_ms;      /* last reading that produced state; 0 = never */
    int64_t attempt_ms;    /* last reading attempt; 0 = never */
    int reading;           /* a caller is reading sysfs now */
    int last_problem;      /* status of the last reading, to log changes only */
};

void ew_device_opts_init(ew_device_opts *o)
{
    *o = (ew_device_opts){
        .sysfs_root = NULL,
        .sysfs_cache_ms = 5000,
        .max_age_ms = 300000,
        .low_battery_pct = 20,
        .battery_hysteresis_pct = 3,
        .thermal_fair_c = 45,
        .thermal_serious_c = 60,
        .thermal_critical_c = 80,
        .thermal_hysteresis_c = 2,
        .refresh_on_get = 1,
    };
}

static int check_opts(const ew_device_opts *o, ew_error *err)
{
    if (o->sysfs_cache_ms < 0 || o->max_age_ms < 0)
        return ew__error_set(err, EW_ERR_INVALID, "device: sysfs_cache and max_age must be >= 0");
    if (o->low_battery_pct < -1 || o->low_battery_pct > 100)
        return ew__error_set(err, EW_ERR_INVALID, "device: low_battery must be 0..100 or -1");
    if (o->battery_hysteresis_pct < 0 || o->battery_hysteresis_pct > 50)
        return ew__error_set(err, EW_ERR_INVALID, "device: battery_hysteresis must be 0..50");
    if (!isfinite(o->thermal_fair_c) || !isfinite(o->thermal_critical_c) ||
        !(o->thermal_fair_c < o->thermal_serious_c && o->thermal_serious_c < o->thermal_critical_c))
        return ew__error_set(err, EW_ERR_INVALID,
                             "device: thermal thresholds must rise: fair (%g) < serious (%g) < "
                             "critical (%g)",
                             o->thermal_fair_c, o->thermal_serious_c, o->thermal_critical_c);
    if (o->thermal_fair_c < -50 || o->thermal_critical_c > 200)
        return ew__error_set(err, EW_ERR_INVALID, "device: thermal thresholds outside -50..200 C");
    if (!(o->thermal_hysteresis_c >= 0 && o->thermal_hysteresis_c <= 50))
        return ew__error_set(err, EW_ERR_INVALID, "device: thermal_hysteresis must be 0..50 C");
    return EW_OK;
}

int ew_device_new(const ew_device_opts *o, ew_device **out, ew_error *err)
{
    *out = NULL;
    ew_device_opts def;
    if (!o) {
        ew_device_opts_init(&def);
        o = &def;
    }
    int st = check_opts(o, err);
    if (st) return st;
    ew_device *d = calloc(1, sizeof *d);
    if (!d) return ew__error_set(err, EW_ERR_NOMEM, "device: out of memory");
    d->o = *o;
    if (o->sysfs_root && !(d->sysfs_root = strdup(o->sysfs_root))) {
        free(d);
        return ew__error_set(err, EW_ERR_NOMEM, "device: out of memory");
    }
    d->o.sysfs_root = d->sysfs_root;
    if (pthread_mutex_init(&d->mu, NULL)) {
        free(d->sysfs_root);
        free(d);
        return ew__error_set(err, EW_ERR_NOMEM, "device: cannot create a mutex");
    }
    ew_route_device_init(&d->pushed);
    ew_route_device_init(&d->sysfs);
    *out = d;
    return EW_OK;
}

void ew_device_free(ew_device *d)
{
    if (!d) return;
    pthread_mutex_destroy(&d->mu);
    free(d->sysfs_root);
    free(d);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    /* +1 so that a real time is never 0, which means "never" here. */
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + 1;
}

static int tri_ok(int v)
{
    return v >= -1 && v <= 1;
}

int ew__device_set_at(ew_device *d, const ew_route_device *s, int64_t now)
{
    if (!d || !s || s->battery_pct < -1 || s->battery_pct > 100 || s->thermal < -1 ||
        s->thermal > 3 || !tri_ok(s->charging) || !tri_ok(s->low_power) || !tri_ok(s->metered))
        return EW_ERR_INVALID;
    pthread_mutex_lock(&d->mu);
    d->pushed = *s;
    d->pushed_ms = now;
    pthread_mutex_unlock(&d->mu);
    return EW_OK;
}

void ew__device_adopt(ew_device *to, ew_device *from)
{
    pthread_mutex_lock(&from->mu);
    ew_route_device pushed = from->pushed, sysfs = from->sysfs;
    int64_t pushed_ms = from->pushed_ms, sysfs_ms = from->sysfs_ms, attempt_ms = from->attempt_ms;
    pthread_mutex_unlock(&from->mu);
    bool same_root =
        to->sysfs_root && from->sysfs_root && !strcmp(to->sysfs_root, from->sysfs_root);
    pthread_mutex_lock(&to->mu);
    to->pushed = pushed;
    to->pushed_ms = pushed_ms;
    if (same_root) {
        to->sysfs = sysfs;
        to->sysfs_ms = sysfs_ms;
        to->attempt_ms = attempt_ms;
    }
    pthread_mutex_unlock(&to->mu);
}

int ew_device_set(ew_device *d, const ew_route_device *s)
{
    return ew__device_set_at(d, s, now_ms());
}

/* Hysteresis on the levels a reading implies, against the previous state:
 * thermal rises at once and falls only when the zones are below a threshold
 * by the hysteresis; low_power (battery below low_battery_pct, not charging)
 * clears only battery_hysteresis_pct above it or when charging starts. */
static void apply_reading(ew_device *d, const ew__sysfs_reading *r, ew_route_device *next)
{
    const ew_route_device *prev = &d->sysfs;
    ew_route_device_init(next);
    next->battery_pct = r->battery_pct;
    next->charging = r->charging;
    if (r->thermal_up >= 0) {
        int hold = prev->thermal < r->thermal_down ? prev->thermal : r->thermal_down;
        next->thermal = r->thermal_up > hold ? r->thermal_up : hold;
    }
    int low = d->o.low_battery_pct;
    if (low >= 0 && r->battery_pct >= 0) {
        int on_power = r->charging == 1;
        if (prev->low_power == 1)
            next->low_power = !on_power && r->battery_pct < low + d->o.battery_hysteresis_pct;
        else
            next->low_power = !on_power && r->battery_pct < low;
    }
}

int ew__device_refresh_at(ew_device *d, int64_t now, ew_error *err)
{
    if (!d->sysfs_root)
        return ew__error_set(err, EW_ERR_STATE, "device: no sysfs source configured");
    ew__sysfs_reading r;
    int st = ew__sysfs_read(d->sysfs_root, &d->o, &r, err);
    pthread_mutex_lock(&d->mu);
    d->attempt_ms = now;
    /* A reading that found nothing keeps the last state, which then ages out. */
    if (r.battery_pct >= 0 || r.charging >= 0 || r.thermal_up >= 0) {
        ew_route_device next;
        apply_reading(d, &r, &next);
        d->sysfs = next;
        d->sysfs_ms = now;
    }
    int changed = st != d->last_problem;
    d->last_problem = st;
    pthread_mutex_unlock(&d->mu);
    if (changed && st)
        ew__warn(NULL, "device: sysfs: %d file(s) skipped: %s", r.problems,
                 err ? err->message : ew_strerror(st));
    return st;
}

int ew_device_refresh(ew_device *d, ew_error *err)
{
    return ew__device_refresh_at(d, now_ms(), err);
}

static int fresh(const ew_device *d, int64_t stamp, int64_t now)
{
    return stamp && (d->o.max_age_ms == 0 || now - stamp <= d->o.max_age_ms);
}

void ew__device_get_at(ew_device *d, int64_t now, ew_route_device *out)
{
    pthread_mutex_lock(&d->mu);
    int expired = !d->attempt_ms || now - d->attempt_ms >= d->o.sysfs_cache_ms;
    int read_now = d->sysfs_root && d->o.refresh_on_get && expired && !d->reading;
    if (read_now) d->reading = 1;
    pthread_mutex_unlock(&d->mu);
    if (read_now) {
        ew__device_refresh_at(d, now, NULL);
        pthread_mutex_lock(&d->mu);
        d->reading = 0;
        pthread_mutex_unlock(&d->mu);
    }
    pthread_mutex_lock(&d->mu);
    ew_route_device_init(out);
    if (fresh(d, d->sysfs_ms, now)) *out = d->sysfs;
    if (fresh(d, d->pushed_ms, now)) ew_device_overlay(out, &d->pushed);
    pthread_mutex_unlock(&d->mu);
}

void ew_device_get(ew_device *d, ew_route_device *out)
{
    ew__device_get_at(d, now_ms(), out);
}
