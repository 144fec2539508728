/* edgeway public API: the device's state (battery, charging, thermal, low
 * power, metered network) as routing policies see it.
 *
 * Three sources feed it:
 *   - push: the app (or PUT /v1/edgeway/device) calls ew_device_set();
 *   - sysfs: Linux power_supply and thermal zones under a configurable root,
 *     read with size caps and cached, so asking for the state does no I/O
 *     except an optional cached re-read when the cache has expired;
 *   - a per-request header, "battery=18; charging=0; thermal=serious",
 *     parsed by ew_device_parse() and laid over the rest with
 *     ew_device_overlay().
 * Pushed values win over sysfs ones; state older than max_age counts as
 * unknown. docs/device.md has the thermal mapping from Android, iOS and Linux.
 *
 * States are ew_route_device values (edgeway/router.h): battery_pct 0..100,
 * tri-states -1 unknown / 0 / 1, thermal 0 nominal, 1 fair, 2 serious,
 * 3 critical, -1 unknown.
 */
#ifndef EDGEWAY_DEVICE_H
#define EDGEWAY_DEVICE_H

#include <stddef.h>

#include "edgeway/core.h"
#include "edgeway/router.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- thermal levels ----------------------------------------------------------- */

/* "nominal", "fair", "serious", "critical", or "unknown" for anything else. */
const char *ew_thermal_name(int level);
/* Android PowerManager THERMAL_STATUS_* (0 NONE .. 6 SHUTDOWN) to a level:
 * NONE nominal; LIGHT fair; MODERATE serious; SEVERE, CRITICAL, EMERGENCY,
 * SHUTDOWN critical. -1 for values outside 0..6. */
int ew_thermal_from_android(int status);
/* iOS ProcessInfo.ThermalState (0 nominal .. 3 critical) to a level: the
 * same four names. -1 outside 0..3. */
int ew_thermal_from_ios(int state);
/* A level from a name of either vocabulary, any case: nominal, fair,
 * serious, critical (ours and iOS) or none, light, moderate, severe,
 * emergency, shutdown (Android); "unknown" gives -1. Returns -2 for
 * anything else. */
int ew_thermal_parse(const char *name, size_t len);

/* ---- the per-request header ------------------------------------------------------ */

#define EW_DEVICE_HEADER_MAX       512 /* bytes */
#define EW_DEVICE_HEADER_MAX_ITEMS 16  /* ';' or ',' separated, empty ones included */

/* Parses "battery=18; charging=0; thermal=serious" (items split by ';' or
 * ','; spaces around keys and values ignored) into d, changing only the keys
 * given. Keys: battery (0..100, an optional '%'), charging, low_power,
 * metered (1/0, true/false, yes/no, on/off), thermal (ew_thermal_parse);
 * every value may be "unknown". Unknown keys, repeated keys, more than
 * EW_DEVICE_HEADER_MAX bytes or EW_DEVICE_HEADER_MAX_ITEMS items are errors.
 * Returns EW_OK, or EW_ERR_INVALID / EW_ERR_TOO_LARGE with d unchanged and
 * err naming the item. */
int ew_device_parse(const char *text, size_t len, ew_route_device *d, ew_error *err);
/* Lays over's known fields (not -1) over base. */
void ew_device_overlay(ew_route_device *base, const ew_route_device *over);

/* ---- the device's own state ---------------------------------------------------- */

typedef struct ew_device ew_device;

/* Options; the `device:` config section fills them (docs/config.md). */
typedef struct ew_device_opts {
    const char *sysfs_root;      /* NULL: no sysfs source; else e.g. "/sys/class", which holds
                                    power_supply/ and thermal/ (borrowed during ew_device_new) */
    int sysfs_cache_ms;          /* a sysfs reading is reused this long; default 5000 */
    int max_age_ms;              /* older state counts as unknown; default 300000; 0 = never */
    int low_battery_pct;         /* sysfs: low_power is 1 below this while not charging; default
                                    20; -1 = never derived */
    int battery_hysteresis_pct;  /* low_power clears only this far above; default 3 */
    double thermal_fair_c;       /* zones without trip points; default 45 */
    double thermal_serious_c;    /* default 60 */
    double thermal_critical_c;   /* default 80 */
    double thermal_hysteresis_c; /* a level drops only this far below its threshold; default 2 */
    int refresh_on_get;          /* ew_device_get re-reads an expired cache; default 1. 0: only
                                    ew_device_refresh reads (call it from a timer) */
} ew_device_opts;

void ew_device_opts_init(ew_device_opts *o);

/* Checks the options (thresholds must rise, ranges) and returns an owned
 * device. Does not read sysfs yet. EW_ERR_INVALID with err on bad options. */
int ew_device_new(const ew_device_opts *o, ew_device **out, ew_error *err);
/* NULL is a no-op. */
void ew_device_free(ew_device *d);

/* Pushes the device's state, replacing the last push; -1 fields are unknown.
 * EW_ERR_INVALID for values out of range (nothing changes). Thread-safe. */
int ew_device_set(ew_device *d, const ew_route_device *state);
/* Reads sysfs now (bounded reads) and caches the result. Returns EW_OK, or
 * the first problem found (EW_ERR_IO, EW_ERR_PARSE, EW_ERR_TOO_LARGE) with err
 * naming the file; whatever was readable is still used. EW_ERR_STATE when
 * there is no sysfs source. */
int ew_device_refresh(ew_device *d, ew_error *err);
/* The current state: pushed fields, else sysfs ones, each only while younger
 * than max_age. With refresh_on_get, an expired sysfs cache is re-read first
 * by one caller while others use the cached values. Thread-safe. */
void ew_device_get(ew_device *d, ew_route_device *out);

#ifdef __cplusplus
}
#endif
#endif
