/* The sysfs source of the device state: Linux power_supply and thermal
 * classes under a configurable root (tests build fake trees).
 *
 *   power_supply/NAME/type      "Battery": capacity (or energy_/charge_now and
 *                               _full), status, present, scope ("Device" =
 *                               a peripheral's battery, ignored);
 *                               "Mains", "USB*", "Wireless", "BrickID": online
 *   thermal/thermal_zoneN/temp  millidegrees Celsius, with trip_point_K_type
 *                               (active|passive|hot|critical) and _temp
 *
 * Every value file is read whole with a small cap; a file that is too big or
 * does not parse is skipped and reported, never trusted. Files that do not
 * exist or cannot be read right now (drivers answer EIO/ENODATA while a device
 * sleeps) are simply absent. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/error.h"
#include "router/device.h"

#define PATH_CAP 512

int ew__sysfs_read_file(const char *path, char *buf, size_t cap, ew_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return ew__error_set(err, EW_ERR_IO, "%s: %s", path, strerror(errno));
    size_t n = 0;
    int st = EW_OK;
    /* Read one byte past the cap so that a longer file is detected. */
    while (n < cap) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            st = ew__error_set(err, EW_ERR_IO, "%s: %s", path, strerror(errno));
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (st) return st;
    if (n >= cap)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "%s: longer than %zu bytes", path, cap - 1);
    while (n > 0 &&
           (buf[n - 1] == '\n' || buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\r'))
        n--;
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) return ew__error_set(err, EW_ERR_PARSE, "%s: holds a NUL byte", path);
    return EW_OK;
}

int ew__sysfs_parse_int(const char *s, long lo, long hi, long *out)
{
    const char *p = s;
    int neg = 0;
    if (*p == '-' || *p == '+') neg = *p++ == '-';
    if (*p < '0' || *p > '9') return -1;
    long v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (hi > -lo ? hi : -lo) / 10 + 1)
            return -1; /* far out of range: stop before overflowing */
        v = v * 10 + (*p - '0');
    }
    if (*p) return -1;
    v = neg ? -v : v;
    if (v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

/* What one refresh accumulates while walking the tree. */
typedef struct walk {
    const ew_device_opts *o;
    ew__sysfs_reading *r;
    ew_error *err;
    int first; /* status of the first problem */
    /* batteries */
    long cap_sum;
    long long energy_now, energy_full;
    int n_cap, n_energy;
    int status_charging; /* from battery status: -1 unknown */
    int external_seen, external_online;
} walk;

/* Records a problem: the first one is the one reported. */
static void problem(walk *w, int st, const ew_error *e)
{
    w->r->problems++;
    if (!w->first) {
        w->first = st;
        if (w->err && e) *w->err = *e;
    }
}

/* Reads dir/name into buf. Returns 1 with content, 0 when absent or not
 * readable now, -1 when the content is bad (recorded as a problem). */
static int read_value(walk *w, const char *dir, const char *name, char *buf, size_t cap)
{
    char path[PATH_CAP];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) return 0;
    ew_error e = {0};
    int st = ew__sysfs_read_file(path, buf, cap, &e);
    if (st == EW_ERR_IO) return 0;
    if (st) {
        problem(w, st, &e);
        return -1;
    }
    return 1;
}

/* An integer file in [lo, hi]: 1 read, 0 absent, -1 bad. */
static int read_int(walk *w, const char *dir, const char *name, long lo, long hi, long *out)
{
    char buf[EW__SYSFS_MAX_FILE];
    int r = read_value(w, dir, name, buf, sizeof buf);
    if (r <= 0) return r;
    if (ew__sysfs_parse_int(buf, lo, hi, out) == 0) return 1;
    ew_error e = {0};
    ew__error_set(&e, EW_ERR_PARSE, "%s/%s: '%.40s' is not an integer in [%ld, %ld]", dir, name,
                  buf, lo, hi);
    problem(w, EW_ERR_PARSE, &e);
    return -1;
}

static int is_external_type(const char *t)
{
    return !strcmp(t, "Mains") || !strncmp(t, "USB", 3) || !strcmp(t, "Wireless") ||
           !strcmp(t, "BrickID");
}

static void battery(walk *w, const char *dir)
{
    char buf[EW__SYSFS_MAX_FILE];
    long v, now, full;
    if (read_value(w, dir, "scope", buf, sizeof buf) > 0 && !strcasecmp(buf, "Device"))
        return; /* a mouse's or headset's battery, not the system's */
    if (read_int(w, dir, "present", 0, 1, &v) > 0 && v == 0) return;
    int used = 0;
    if (read_int(w, dir, "capacity", 0, 100, &v) > 0) {
        w->cap_sum += v;
        w->n_cap++;
        used = 1;
    }
    /* Energy (µWh) or charge (µAh) weighs batteries of different sizes. */
    static const char *const pairs[][2] = {{"energy_now", "energy_full"},
                                           {"charge_now", "charge_full"}};
    for (int i = 0; i < 2; i++) {
        if (read_int(w, dir, pairs[i][0], 0, 1000000000L, &now) > 0 &&
            read_int(w, dir, pairs[i][1], 1, 1000000000L, &full) > 0) {
            w->energy_now += now < full ? now : full;
            w->energy_full += full;
            w->n_energy++;
            used = 1;
            break;
        }
    }
    if (!used) return;
    w->r->n_batteries++;
    if (read_value(w, dir, "status", buf, sizeof buf) > 0) {
        if (!strcasecmp(buf, "Charging") || !strcasecmp(buf, "Full"))
            w->status_charging = 1;
        else if ((!strcasecmp(buf, "Discharging") || !strcasecmp(buf, "Not charging")) &&
                 w->status_charging < 0)
            w->status_charging = 0;
    }
}

static void supply(walk *w, const char *dir)
{
    char type[EW__SYSFS_MAX_FILE];
    if (read_value(w, dir, "type", type, sizeof type) <= 0) return;
    if (!strcmp(type, "Battery")) {
        battery(w, dir);
    } else if (is_external_type(type)) {
        long online;
        if (read_int(w, dir, "online", 0, 2, &online) > 0) {
            w->external_seen = 1;
            w->external_online |= online > 0;
        }
    }
}

int ew__thermal_level(int temp_mc, const int thr_mc[3])
{
    int level = 0;
    while (level < 3 && temp_mc >= thr_mc[level])
        level++;
    return level;
}

/* Thresholds of one zone: its trip points where it has them (fair: the
 * lowest active trip, serious: the lowest passive one, critical: the lowest
 * hot or critical one), the configured ones elsewhere, made non-decreasing. */
static void zone_thresholds(walk *w, const char *dir, int thr[3])
{
    int trip[3] = {-1, -1, -1};
    for (int i = 0; i < EW__SYSFS_MAX_TRIPS; i++) {
        char name[48], type[EW__SYSFS_MAX_FILE];
        snprintf(name, sizeof name, "trip_point_%d_type", i);
        if (read_value(w, dir, name, type, sizeof type) <= 0) break;
        long t;
        snprintf(name, sizeof name, "trip_point_%d_temp", i);
        /* Drivers use 0 or huge values for disabled trips: only plausible ones count. */
        if (read_int(w, dir, name, -2147483647L, 2147483647L, &t) <= 0 || t <= 0 || t >= 250000)
            continue;
        int level = !strcmp(type, "active")                               ? 0
                    : !strcmp(type, "passive")                            ? 1
                    : (!strcmp(type, "hot") || !strcmp(type, "critical")) ? 2
                                                                          : -1;
        if (level >= 0 && (trip[level] < 0 || t < trip[level])) trip[level] = (int)t;
    }
    const double conf[3] = {w->o->thermal_fair_c, w->o->thermal_serious_c,
                            w->o->thermal_critical_c};
    for (int l = 0; l < 3; l++)
        thr[l] = trip[l] >= 0 ? trip[l] : (int)(conf[l] * 1000.0);
    for (int l = 1; l >= 0; l--)
        if (thr[l] > thr[l + 1]) thr[l] = thr[l + 1];
}

static void zone(walk *w, const char *dir)
{
    long temp;
    if (read_int(w, dir, "temp", -274000, 1000000, &temp) <= 0) return;
    if (temp < -100000 || temp > 250000) {
        ew_error e = {0};
        ew__error_set(&e, EW_ERR_PARSE, "%s/temp: %ld m°C is not a plausible temperature", dir,
                      temp);
        problem(w, EW_ERR_PARSE, &e);
        return;
    }
    int thr[3];
    zone_thresholds(w, dir, thr);
    int hyst = (int)(w->o->thermal_hysteresis_c * 1000.0);
    int up = ew__thermal_level((int)temp, thr);
    int down = ew__thermal_level((int)temp + hyst, thr);
    ew__sysfs_reading *r = w->r;
    if (up > r->thermal_up) r->thermal_up = up;
    if (down > r->thermal_down) r->thermal_down = down;
    if (!r->n_zones || temp > r->max_temp_mc) r->max_temp_mc = (int)temp;
    r->n_zones++;
}

/* Calls fn for each entry of root/cls whose name starts with prefix. */
static void each_entry(walk *w, const char *root, const char *cls, const char *prefix,
                       void (*fn)(walk *, const char *))
{
    char dir[PATH_CAP];
    if ((size_t)snprintf(dir, sizeof dir, "%s/%s", root, cls) >= sizeof dir) return;
    DIR *d = opendir(dir);
    if (!d) return;
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && seen < EW__SYSFS_MAX_ENTRIES) {
        if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, strlen(prefix))) continue;
        char sub[PATH_CAP];
        if ((size_t)snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name) >= sizeof sub) continue;
        seen++;
        fn(w, sub);
    }
    closedir(d);
}

int ew__sysfs_read(const char *root, const ew_device_opts *o, ew__sysfs_reading *r, ew_error *err)
{
    *r = (ew__sysfs_reading){
        .battery_pct = -1, .charging = -1, .thermal_up = -1, .thermal_down = -1};
    walk w = {.o = o, .r = r, .err = err, .status_charging = -1};
    each_entry(&w, root, "power_supply", "", supply);
    each_entry(&w, root, "thermal", "thermal_zone", zone);
    if (w.n_energy && w.n_energy == r->n_batteries && w.energy_full > 0)
        r->battery_pct = (int)((w.energy_now * 100 + w.energy_full / 2) / w.energy_full);
    else if (w.n_cap)
        r->battery_pct = (int)((w.cap_sum + w.n_cap / 2) / w.n_cap);
    else if (w.n_energy && w.energy_full > 0)
        r->battery_pct = (int)((w.energy_now * 100 + w.energy_full / 2) / w.energy_full);
    /* An external supply's online flag is the truth; battery status otherwise. */
    r->charging = w.external_seen ? w.external_online : w.status_charging;
    return w.first;
}
