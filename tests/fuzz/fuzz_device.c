/* libFuzzer harness for the device state's outside inputs (router/
 * device_header.c, device_sysfs.c, device.c; see README.md in this folder).
 * Byte 0 even: the rest is an x-edgeway-device header value. Byte 0 odd: the
 * rest describes a sysfs tree, records of [file][length][bytes], which is
 * written under a temporary root and read as the device's sysfs source. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "router/device.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_state(const ew_route_device *d)
{
    if (d->battery_pct < -1 || d->battery_pct > 100 || d->charging < -1 || d->charging > 1 ||
        d->thermal < -1 || d->thermal > 3 || d->low_power < -1 || d->low_power > 1 ||
        d->metered < -1 || d->metered > 1)
        abort();
}

static void header(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1); /* exact size, so ASan sees a read past the end */
    memcpy(text, data, size);
    ew_route_device d;
    ew_route_device_init(&d);
    ew_error err;
    memset(&err, 0, sizeof err);
    int st = ew_device_parse(text, size, &d, &err);
    if (st) {
        ew_route_device none;
        ew_route_device_init(&none);
        if (memcmp(&d, &none, sizeof d) || !err.message[0]) abort(); /* nothing half-applied */
    }
    check_state(&d);
    free(text);
}

static const char *const dirs[] = {
    "power_supply/BAT0",     "power_supply/BAT1",     "power_supply/AC",        "power_supply/usb0",
    "thermal/thermal_zone0", "thermal/thermal_zone1", "thermal/cooling_device0"};
static const char *const supply_files[] = {"type",        "capacity",   "status",      "present",
                                           "scope",       "energy_now", "energy_full", "charge_now",
                                           "charge_full", "online"};
static const char *const zone_files[] = {"temp",
                                         "type",
                                         "trip_point_0_type",
                                         "trip_point_0_temp",
                                         "trip_point_1_type",
                                         "trip_point_1_temp",
                                         "trip_point_2_type",
                                         "trip_point_2_temp",
                                         "trip_point_15_type",
                                         "trip_point_15_temp"};
#define N_DIRS  (sizeof dirs / sizeof dirs[0])
#define N_FILES 10

static char root[64];

static void rm_tree(void)
{
    char path[256];
    for (size_t d = 0; d < N_DIRS; d++) {
        for (int f = 0; f < N_FILES; f++) {
            const char *name = d < 4 ? supply_files[f] : zone_files[f];
            snprintf(path, sizeof path, "%s/%s/%s", root, dirs[d], name);
            unlink(path);
        }
        snprintf(path, sizeof path, "%s/%s", root, dirs[d]);
        rmdir(path);
    }
}

static void cleanup(void)
{
    char path[256];
    rm_tree();
    snprintf(path, sizeof path, "%s/power_supply", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/thermal", root);
    rmdir(path);
    rmdir(root);
}

static void sysfs(const uint8_t *data, size_t size)
{
    if (!root[0]) {
        atexit(cleanup);
        snprintf(root, sizeof root, "/tmp/ew-fuzz-sysfs-%d", (int)getpid());
        char path[256];
        mkdir(root, 0700);
        snprintf(path, sizeof path, "%s/power_supply", root);
        mkdir(path, 0700);
        snprintf(path, sizeof path, "%s/thermal", root);
        mkdir(path, 0700);
    }
    rm_tree();
    ew_device_opts o;
    ew_device_opts_init(&o);
    o.sysfs_root = root;
    size_t i = 0;
    while (i + 2 <= size) {
        size_t d = data[i] % N_DIRS, f = data[i] / N_DIRS % N_FILES, n = data[i + 1];
        i += 2;
        /* A length byte of 255 repeats the content past the reader's cap. */
        size_t reps = n == 255 ? 3 : 1;
        if (n > size - i) n = size - i;
        char path[256];
        snprintf(path, sizeof path, "%s/%s", root, dirs[d]);
        mkdir(path, 0700);
        snprintf(path, sizeof path, "%s/%s/%s", root, dirs[d],
                 d < 4 ? supply_files[f] : zone_files[f]);
        FILE *fp = fopen(path, "wb");
        if (fp) {
            for (size_t r = 0; r < reps; r++)
                fwrite(data + i, 1, n, fp);
            fclose(fp);
        }
        i += n;
    }
    ew__sysfs_reading r;
    ew_error err;
    memset(&err, 0, sizeof err);
    int st = ew__sysfs_read(root, &o, &r, &err);
    if (st && (r.problems < 1 || !err.message[0])) abort();
    if (r.battery_pct < -1 || r.battery_pct > 100 || r.charging < -1 || r.charging > 1 ||
        r.thermal_up < -1 || r.thermal_up > 3 || r.thermal_down < r.thermal_up ||
        r.thermal_down > 3 || r.problems < 0)
        abort();
    /* the same tree through the public device, with its hysteresis */
    ew_device *dev = NULL;
    if (ew_device_new(&o, &dev, &err) != EW_OK) abort();
    ew_route_device s;
    (void)ew__device_refresh_at(dev, 1000, &err);
    ew__device_get_at(dev, 1000, &s);
    check_state(&s);
    ew_device_free(dev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    if (data[0] & 1)
        sysfs(data + 1, size - 1);
    else
        header(data + 1, size - 1);
    return 0;
}
