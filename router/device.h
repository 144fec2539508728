/* Internal parts of the device state: the sysfs reader and clock-injected
 * variants of the public calls, for tests. Public API: edgeway/device.h. */
#ifndef EW_ROUTER_DEVICE_H
#define EW_ROUTER_DEVICE_H

#include <stddef.h>
#include <stdint.h>

#include "edgeway/device.h"

/* Every sysfs value file is read with this cap; longer content is an error. */
#define EW__SYSFS_MAX_FILE 256
/* Entries looked at per class directory (power_supply/, thermal/). */
#define EW__SYSFS_MAX_ENTRIES 64
/* Trip points looked at per thermal zone. */
#define EW__SYSFS_MAX_TRIPS 16

/* One sysfs reading, before hysteresis. */
typedef struct ew__sysfs_reading {
    int battery_pct;  /* -1: no usable battery */
    int charging;     /* -1 unknown */
    int n_batteries;  /* system batteries used */
    int n_zones;      /* thermal zones used */
    int thermal_up;   /* level the hottest zone has reached; -1: no zones */
    int thermal_down; /* level it would have at temperature + hysteresis: a level
                         above this one may be left */
    int max_temp_mc;  /* hottest zone, millidegrees Celsius */
    int problems;     /* files skipped because they were unreadable or malformed */
} ew__sysfs_reading;

/* Reads root/power_supply and root/thermal. Files that are missing, too
 * large or malformed are skipped and counted; the first such problem is
 * returned (with err) after everything readable was used. */
int ew__sysfs_read(const char *root, const ew_device_opts *o, ew__sysfs_reading *r, ew_error *err);

/* Reads a small file whole: at most cap - 1 bytes plus a NUL, trailing
 * whitespace removed. EW_ERR_TOO_LARGE when longer, EW_ERR_IO when unreadable. */
int ew__sysfs_read_file(const char *path, char *buf, size_t cap, ew_error *err);
/* A whole decimal integer (after ew__sysfs_read_file) in [lo, hi]. */
int ew__sysfs_parse_int(const char *s, long lo, long hi, long *out);

/* The thermal level of a temperature against rising thresholds (millidegrees). */
int ew__thermal_level(int temp_mc, const int thr_mc[3]);

/* Carries the pushed state (and, for the same sysfs root, the cached
 * reading with its hysteresis) from a device about to be replaced into its
 * successor: a policy reload keeps what the app last pushed. */
void ew__device_adopt(ew_device *to, ew_device *from);

/* The public calls with an explicit monotonic time in milliseconds. */
int ew__device_set_at(ew_device *d, const ew_route_device *state, int64_t now_ms);
int ew__device_refresh_at(ew_device *d, int64_t now_ms, ew_error *err);
void ew__device_get_at(ew_device *d, int64_t now_ms, ew_route_device *out);

#endif
