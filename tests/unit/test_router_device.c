/* Device state: sysfs readings from fake trees of many shapes (no battery,
 * several batteries, peripheral batteries, garbage, huge files, trip points
 * present and missing), hysteresis, max age, push over sysfs, the cache, the
 * header parser and the thermal vocabularies. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "edgeway/device.h"
#include "router/device.h"
#include "scratch_dir.h"

/* ---- fake sysfs trees ------------------------------------------------------------ */

static char root[256];

static void mkdirs(const char *path)
{
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(tmp, 0700);
            *p = '/';
        }
    }
    mkdir(tmp, 0700);
}

/* Writes root/rel with content (len bytes), creating directories. */
static void put_n(const char *rel, const char *content, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char dir[512];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    mkdirs(dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, len, f), len);
    fclose(f);
}

static void put(const char *rel, const char *content)
{
    put_n(rel, content, strlen(content));
}

static int setup(void **state)
{
    (void)state;
    scratch_dir_make(root, sizeof root, "ew_sysfs");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    scratch_dir_remove(root);
    return 0;
}

static void battery(const char *name, const char *capacity, const char *status)
{
    char rel[128];
    snprintf(rel, sizeof rel, "power_supply/%s/type", name);
    put(rel, "Battery\n");
    if (capacity) {
        snprintf(rel, sizeof rel, "power_supply/%s/capacity", name);
        put(rel, capacity);
    }
    if (status) {
        snprintf(rel, sizeof rel, "power_supply/%s/status", name);
        put(rel, status);
    }
}

static void mains(const char *name, const char *type, const char *online)
{
    char rel[128];
    snprintf(rel, sizeof rel, "power_supply/%s/type", name);
    put(rel, type);
    snprintf(rel, sizeof rel, "power_supply/%s/online", name);
    put(rel, online);
}

static void zone(int n, const char *temp)
{
    char rel[128];
    snprintf(rel, sizeof rel, "thermal/thermal_zone%d/temp", n);
    put(rel, temp);
}

static void trip(int zone_n, int k, const char *type, const char *temp)
{
    char rel[128];
    snprintf(rel, sizeof rel, "thermal/thermal_zone%d/trip_point_%d_type", zone_n, k);
    put(rel, type);
    if (temp) {
        snprintf(rel, sizeof rel, "thermal/thermal_zone%d/trip_point_%d_temp", zone_n, k);
        put(rel, temp);
    }
}

static ew__sysfs_reading read_tree(int expect_status)
{
    ew_device_opts o;
    ew_device_opts_init(&o);
    ew__sysfs_reading r;
    ew_error err = {0};
    int st = ew__sysfs_read(root, &o, &r, &err);
    if (st != expect_status)
        fail_msg("status %d (%s), expected %d", st, err.message, expect_status);
    return r;
}

/* ---- sysfs shapes ------------------------------------------------------------------ */

static void test_empty_tree(void **state)
{
    (void)state;
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, -1);
    assert_int_equal(r.charging, -1);
    assert_int_equal(r.thermal_up, -1);
    /* An absent root too. */
    ew_device_opts o;
    ew_device_opts_init(&o);
    assert_int_equal(ew__sysfs_read("/nonexistent/ew", &o, &r, NULL), EW_OK);
    assert_int_equal(r.battery_pct, -1);
}

static void test_desktop_mains_only(void **state)
{
    (void)state;
    mains("AC", "Mains\n", "1\n");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, -1);
    assert_int_equal(r.charging, 1);
    assert_int_equal(r.n_batteries, 0);
}

static void test_laptop_battery(void **state)
{
    (void)state;
    battery("BAT0", "57\n", "Discharging\n");
    mains("AC", "Mains\n", "0\n");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, 57);
    assert_int_equal(r.charging, 0);
    mains("AC", "Mains\n", "1\n");
    r = read_tree(EW_OK);
    assert_int_equal(r.charging, 1);
    /* USB-C power counts as well; any one online supply is enough. */
    mains("AC", "Mains\n", "0\n");
    mains("ucsi-source-psy-USBC000:001", "USB\n", "1\n");
    r = read_tree(EW_OK);
    assert_int_equal(r.charging, 1);
}

static void test_status_without_external_supply(void **state)
{
    (void)state;
    battery("battery", "80", "Charging");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, 80);
    assert_int_equal(r.charging, 1);
    battery("battery", "80", "Discharging");
    r = read_tree(EW_OK);
    assert_int_equal(r.charging, 0);
    battery("battery", "80", "Unknown");
    r = read_tree(EW_OK);
    assert_int_equal(r.charging, -1);
}

static void test_several_batteries(void **state)
{
    (void)state;
    /* Capacities only: the mean. */
    battery("BAT0", "40", "Discharging");
    battery("BAT1", "81", "Discharging");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.n_batteries, 2);
    assert_int_equal(r.battery_pct, 61);
    /* Energies on both: weighted by size (a small full one, a big empty one). */
    put("power_supply/BAT0/energy_now", "20000000");
    put("power_supply/BAT0/energy_full", "20000000");
    put("power_supply/BAT1/energy_now", "0");
    put("power_supply/BAT1/energy_full", "60000000");
    r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, 25);
    /* A battery without capacity but with charge_* is used too. */
    scratch_dir_remove(root);
    mkdirs(root);
    battery("BAT2", NULL, "Discharging");
    put("power_supply/BAT2/charge_now", "1500000");
    put("power_supply/BAT2/charge_full", "3000000");
    r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, 50);
}

static void test_peripheral_and_absent_batteries(void **state)
{
    (void)state;
    battery("hid-00:11:22-battery", "5", "Discharging");
    put("power_supply/hid-00:11:22-battery/scope", "Device\n");
    battery("BAT1", "90", "Discharging");
    put("power_supply/BAT1/present", "0");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.battery_pct, -1);
    assert_int_equal(r.n_batteries, 0);
}

static void test_garbage_files(void **state)
{
    (void)state;
    battery("BAT0", "full of beans\n", "Discharging");
    battery("BAT1", "70", "Discharging");
    ew_device_opts o;
    ew_device_opts_init(&o);
    ew__sysfs_reading r;
    ew_error err = {0};
    assert_int_equal(ew__sysfs_read(root, &o, &r, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "BAT0/capacity"));
    assert_non_null(strstr(err.message, "not an integer"));
    assert_int_equal(r.battery_pct, 70); /* the good battery still counts */
    assert_int_equal(r.problems, 1);

    /* Out of range, signs, trailing junk, overflow, a NUL byte. */
    const char *bad[] = {"101", "-1", "50%", "99999999999999999999999", " 5 5", "+"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        put("power_supply/BAT1/capacity", bad[i]);
        assert_int_equal(ew__sysfs_read(root, &o, &r, NULL), EW_ERR_PARSE);
        assert_int_equal(r.battery_pct, -1);
    }
    put("power_supply/BAT0/capacity", "10");
    put_n("power_supply/BAT1/capacity",
          "5\0"
          "0",
          3);
    assert_int_equal(ew__sysfs_read(root, &o, &r, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "NUL"));
}

static void test_huge_files(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, '7', n);
    battery("BAT0", NULL, "Discharging");
    put_n("power_supply/BAT0/capacity", big, n);
    put_n("power_supply/AC/type", big, n);
    zone(0, "40000");
    put_n("thermal/thermal_zone0/trip_point_0_type", big, 300);
    free(big);
    ew_device_opts o;
    ew_device_opts_init(&o);
    ew__sysfs_reading r;
    ew_error err = {0};
    assert_int_equal(ew__sysfs_read(root, &o, &r, &err), EW_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "longer than"));
    assert_int_equal(r.battery_pct, -1);
    assert_int_equal(r.thermal_up, 0); /* the zone itself was fine */
    assert_true(r.problems >= 3);
    /* A file exactly at the cap is fine. */
    char exact[EW__SYSFS_MAX_FILE];
    memset(exact, ' ', sizeof exact - 1);
    exact[0] = '4';
    exact[1] = '2';
    put_n("power_supply/BAT0/capacity", exact, sizeof exact - 1);
    put("power_supply/AC/type", "Mains");
    put("power_supply/AC/online", "0");
    put("thermal/thermal_zone0/trip_point_0_type", "passive");
    assert_int_equal(ew__sysfs_read(root, &o, &r, &err), EW_OK);
    assert_int_equal(r.battery_pct, 42);
}

static void test_many_entries_are_bounded(void **state)
{
    (void)state;
    for (int i = 0; i < EW__SYSFS_MAX_ENTRIES + 20; i++) {
        char name[32];
        snprintf(name, sizeof name, "USB%d", i);
        mains(name, "USB", "0");
    }
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.charging, 0);
}

static void test_thermal_without_trips(void **state)
{
    (void)state;
    /* Defaults: fair 45, serious 60, critical 80 (°C). */
    zone(0, "30000");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 0);
    assert_int_equal(r.max_temp_mc, 30000);
    zone(1, "50000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 1); /* the hottest zone decides */
    assert_int_equal(r.n_zones, 2);
    zone(1, "85000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 3);
    /* Implausible temperatures are reported and ignored. */
    zone(1, "900000");
    ew_device_opts o;
    ew_device_opts_init(&o);
    ew_error err = {0};
    assert_int_equal(ew__sysfs_read(root, &o, &r, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "plausible"));
    assert_int_equal(r.thermal_up, 0);
    /* An empty temp file is bad content too. */
    zone(1, "");
    r = read_tree(EW_ERR_PARSE);
    assert_int_equal(r.n_zones, 1);
}

static void test_thermal_trip_points(void **state)
{
    (void)state;
    zone(0, "72000");
    trip(0, 0, "active", "55000");
    trip(0, 1, "passive", "70000");
    trip(0, 2, "critical", "95000");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 2); /* past passive: serious */
    zone(0, "56000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 1); /* past active: fair */
    zone(0, "96000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 3);
    zone(0, "50000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 0); /* below the active trip, though above fair's 45 */
}

static void test_thermal_missing_and_odd_trips(void **state)
{
    (void)state;
    /* Only a critical trip (an ACPI zone): the configured thresholds fill in. */
    zone(0, "62000");
    trip(0, 0, "critical", "105000");
    ew__sysfs_reading r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 2);
    /* A trip whose temp is missing, disabled (0) or absurd is ignored. */
    scratch_dir_remove(root);
    mkdirs(root);
    zone(0, "62000");
    trip(0, 0, "passive", NULL);
    trip(0, 1, "hot", "0");
    trip(0, 2, "critical", "2147483647");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 2);
    /* A passive trip below the configured fair one pulls fair down too. */
    trip(0, 3, "passive", "40000");
    zone(0, "41000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 2);
    /* Unknown trip types are ignored; bad trip temps are reported. */
    trip(0, 3, "fanciful", "30000");
    r = read_tree(EW_OK);
    assert_int_equal(r.thermal_up, 0);
    trip(0, 3, "passive", "warm");
    r = read_tree(EW_ERR_PARSE);
}

static void test_levels(void **state)
{
    (void)state;
    const int thr[3] = {45000, 60000, 80000};
    assert_int_equal(ew__thermal_level(-5000, thr), 0);
    assert_int_equal(ew__thermal_level(44999, thr), 0);
    assert_int_equal(ew__thermal_level(45000, thr), 1);
    assert_int_equal(ew__thermal_level(60000, thr), 2);
    assert_int_equal(ew__thermal_level(80000, thr), 3);
    long v;
    assert_int_equal(ew__sysfs_parse_int("-42", -100, 100, &v), 0);
    assert_int_equal(v, -42);
    assert_int_equal(ew__sysfs_parse_int("", 0, 1, &v), -1);
    assert_int_equal(ew__sysfs_parse_int("1x", 0, 9, &v), -1);
}

/* ---- the device object ------------------------------------------------------------- */

static ew_device *new_device(int with_sysfs)
{
    ew_device_opts o;
    ew_device_opts_init(&o);
    o.sysfs_root = with_sysfs ? root : NULL;
    o.max_age_ms = 10000;
    o.sysfs_cache_ms = 1000;
    ew_device *d = NULL;
    assert_int_equal(ew_device_new(&o, &d, NULL), EW_OK);
    return d;
}

static void test_thermal_hysteresis(void **state)
{
    (void)state;
    ew_device *d = new_device(1);
    ew_route_device s;
    zone(0, "61000");
    assert_int_equal(ew__device_refresh_at(d, 1000, NULL), EW_OK);
    ew__device_get_at(d, 1000, &s);
    assert_int_equal(s.thermal, 2);
    zone(0, "59000"); /* below serious (60) but within 2 °C: stays serious */
    ew__device_refresh_at(d, 2000, NULL);
    ew__device_get_at(d, 2000, &s);
    assert_int_equal(s.thermal, 2);
    zone(0, "57000"); /* clear of the band: fair */
    ew__device_refresh_at(d, 3000, NULL);
    ew__device_get_at(d, 3000, &s);
    assert_int_equal(s.thermal, 1);
    zone(0, "90000"); /* rising is immediate, several levels at once */
    ew__device_refresh_at(d, 4000, NULL);
    ew__device_get_at(d, 4000, &s);
    assert_int_equal(s.thermal, 3);
    zone(0, "20000"); /* and falling far is too */
    ew__device_refresh_at(d, 5000, NULL);
    ew__device_get_at(d, 5000, &s);
    assert_int_equal(s.thermal, 0);
    ew_device_free(d);
}

static void test_low_power_hysteresis(void **state)
{
    (void)state;
    ew_device *d = new_device(1);
    ew_route_device s;
    battery("BAT0", "25", "Discharging");
    mains("AC", "Mains", "0");
    int64_t t = 1000;
    const struct {
        const char *cap, *online;
        int low;
    } steps[] = {
        {"25", "0", 0}, {"19", "0", 1}, {"21", "0", 1}, {"22", "0", 1}, {"23", "0", 0},
        {"21", "0", 0}, {"18", "0", 1}, {"18", "1", 0}, {"18", "0", 1},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++, t += 1000) {
        put("power_supply/BAT0/capacity", steps[i].cap);
        put("power_supply/AC/online", steps[i].online);
        assert_int_equal(ew__device_refresh_at(d, t, NULL), EW_OK);
        ew__device_get_at(d, t, &s);
        if (s.low_power != steps[i].low)
            fail_msg("step %zu: battery %s online %s: low_power %d, want %d", i, steps[i].cap,
                     steps[i].online, s.low_power, steps[i].low);
    }
    ew_device_free(d);
}

static void test_push_overrides_and_ages(void **state)
{
    (void)state;
    ew_device *d = new_device(1);
    battery("BAT0", "64", "Discharging");
    zone(0, "30000");
    ew_route_device s, p = {-1, 1, 3, -1, 1};
    assert_int_equal(ew__device_set_at(d, &p, 1000), EW_OK);
    ew__device_get_at(d, 1000, &s);      /* reads sysfs: the cache is empty */
    assert_int_equal(s.battery_pct, 64); /* not pushed: from sysfs */
    assert_int_equal(s.charging, 1);     /* pushed */
    assert_int_equal(s.thermal, 3);      /* pushed wins over sysfs's nominal */
    assert_int_equal(s.metered, 1);
    assert_int_equal(s.low_power, 0); /* derived from the battery */
    /* The push ages out after max_age (10 s); sysfs was re-read meanwhile. */
    ew__device_get_at(d, 10500, &s);
    assert_int_equal(s.thermal, 3);
    ew__device_get_at(d, 11001, &s);
    assert_int_equal(s.thermal, 0);
    assert_int_equal(s.metered, -1);
    assert_int_equal(s.battery_pct, 64);
    /* Without re-reads sysfs state ages out too. */
    scratch_dir_remove(root);
    mkdirs(root);
    ew__device_get_at(d, 12500, &s); /* a read that finds nothing keeps the last state */
    assert_int_equal(s.battery_pct, 64);
    ew__device_get_at(d, 20500, &s); /* the last reading with state was at 10500 */
    assert_int_equal(s.battery_pct, 64);
    ew__device_get_at(d, 20501, &s);
    assert_int_equal(s.battery_pct, -1);
    /* Bad pushes change nothing. */
    ew_route_device bad = {101, -1, -1, -1, -1};
    assert_int_equal(ew__device_set_at(d, &bad, 22000), EW_ERR_INVALID);
    bad = (ew_route_device){-1, 2, -1, -1, -1};
    assert_int_equal(ew_device_set(d, &bad), EW_ERR_INVALID);
    bad = (ew_route_device){-1, -1, 4, -1, -1};
    assert_int_equal(ew_device_set(d, &bad), EW_ERR_INVALID);
    ew_device_free(d);
}

static void test_cache(void **state)
{
    (void)state;
    ew_device *d = new_device(1);
    ew_route_device s;
    battery("BAT0", "50", "Discharging");
    ew__device_get_at(d, 1000, &s);
    assert_int_equal(s.battery_pct, 50);
    put("power_supply/BAT0/capacity", "49");
    ew__device_get_at(d, 1999, &s); /* within sysfs_cache (1 s): no I/O */
    assert_int_equal(s.battery_pct, 50);
    ew__device_get_at(d, 2000, &s);
    assert_int_equal(s.battery_pct, 49);
    ew_device_free(d);

    /* refresh_on_get = 0: only ew_device_refresh reads. */
    ew_device_opts o;
    ew_device_opts_init(&o);
    o.sysfs_root = root;
    o.refresh_on_get = 0;
    assert_int_equal(ew_device_new(&o, &d, NULL), EW_OK);
    ew_device_get(d, &s);
    assert_int_equal(s.battery_pct, -1);
    assert_int_equal(ew_device_refresh(d, NULL), EW_OK);
    ew_device_get(d, &s);
    assert_int_equal(s.battery_pct, 49);
    ew_device_free(d);

    /* No sysfs source: refresh says so, get is push only. */
    d = new_device(0);
    ew_error err = {0};
    assert_int_equal(ew_device_refresh(d, &err), EW_ERR_STATE);
    ew_device_get(d, &s);
    assert_int_equal(s.battery_pct, -1);
    ew_device_free(d);
    ew_device_free(NULL);
}

static void test_bad_options(void **state)
{
    (void)state;
    ew_device_opts o;
    ew_device *d = NULL;
    ew_error err = {0};
    ew_device_opts_init(&o);
    o.thermal_serious_c = 90;
    assert_int_equal(ew_device_new(&o, &d, &err), EW_ERR_INVALID);
    assert_null(d);
    assert_non_null(strstr(err.message, "rise"));
    ew_device_opts_init(&o);
    o.low_battery_pct = 101;
    assert_int_equal(ew_device_new(&o, &d, &err), EW_ERR_INVALID);
    ew_device_opts_init(&o);
    o.max_age_ms = -1;
    assert_int_equal(ew_device_new(&o, &d, &err), EW_ERR_INVALID);
    ew_device_opts_init(&o);
    o.thermal_hysteresis_c = -1;
    assert_int_equal(ew_device_new(&o, &d, &err), EW_ERR_INVALID);
    assert_int_equal(ew_device_new(NULL, &d, &err), EW_OK); /* defaults */
    ew_device_free(d);
}

typedef struct hammer {
    ew_device *d;
    int id;
} hammer;

static void *hammer_run(void *arg)
{
    hammer *h = arg;
    for (int i = 0; i < 2000; i++) {
        ew_route_device s = {(h->id * 7 + i) % 101, i & 1, i % 4, -1, 0};
        if (h->id % 2) ew_device_set(h->d, &s);
        ew_device_get(h->d, &s);
        if (s.battery_pct < -1 || s.battery_pct > 100 || s.thermal < -1 || s.thermal > 3)
            return (void *)1;
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    battery("BAT0", "33", "Discharging");
    zone(0, "50000");
    ew_device_opts o;
    ew_device_opts_init(&o);
    o.sysfs_root = root;
    o.sysfs_cache_ms = 0; /* every get wants a re-read: the single-reader path is exercised */
    ew_device *d;
    assert_int_equal(ew_device_new(&o, &d, NULL), EW_OK);
    pthread_t t[4];
    hammer h[4];
    for (int i = 0; i < 4; i++) {
        h[i] = (hammer){d, i};
        assert_int_equal(pthread_create(&t[i], NULL, hammer_run, &h[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        assert_null(ret);
    }
    ew_device_free(d);
}

/* ---- the header and the vocabularies ------------------------------------------------ */

static void test_header_parse(void **state)
{
    (void)state;
    ew_route_device d = {-1, -1, -1, -1, -1};
    const char *h = "battery=18; charging=0; thermal=serious";
    assert_int_equal(ew_device_parse(h, strlen(h), &d, NULL), EW_OK);
    assert_int_equal(d.battery_pct, 18);
    assert_int_equal(d.charging, 0);
    assert_int_equal(d.thermal, 2);
    assert_int_equal(d.low_power, -1);
    /* Only given keys change; ',' separates too; spaces, case, '%', empty items. */
    h = " low_power = YES ,metered=off;; battery=100% ;";
    assert_int_equal(ew_device_parse(h, strlen(h), &d, NULL), EW_OK);
    assert_int_equal(d.low_power, 1);
    assert_int_equal(d.metered, 0);
    assert_int_equal(d.battery_pct, 100);
    assert_int_equal(d.thermal, 2);
    h = "thermal=moderate, charging=unknown, battery=unknown";
    assert_int_equal(ew_device_parse(h, strlen(h), &d, NULL), EW_OK);
    assert_int_equal(d.thermal, 2);
    assert_int_equal(d.charging, -1);
    assert_int_equal(d.battery_pct, -1);
    assert_int_equal(ew_device_parse("", 0, &d, NULL), EW_OK);
}

static void expect_bad(const char *h, int status, const char *needle)
{
    ew_route_device d = {50, 1, 1, 0, 0}, before = d;
    ew_error err = {0};
    int st = ew_device_parse(h, strlen(h), &d, &err);
    if (st != status) fail_msg("'%.60s': status %d, want %d", h, st, status);
    assert_memory_equal(&d, &before, sizeof d); /* unchanged on error */
    if (!strstr(err.message, needle))
        fail_msg("'%.60s': message '%s' lacks '%s'", h, err.message, needle);
}

static void test_header_errors(void **state)
{
    (void)state;
    expect_bad("battery=101", EW_ERR_INVALID, "0..100");
    expect_bad("battery=-1", EW_ERR_INVALID, "0..100");
    expect_bad("battery=1000", EW_ERR_INVALID, "battery=1000");
    expect_bad("battery=", EW_ERR_INVALID, "0..100");
    expect_bad("charging=2", EW_ERR_INVALID, "1|0");
    expect_bad("thermal=toasty", EW_ERR_INVALID, "nominal|fair");
    expect_bad("battery=5; voltage=3", EW_ERR_INVALID, "unknown key");
    expect_bad("charging=1; charging=0", EW_ERR_INVALID, "twice");
    expect_bad("battery 18", EW_ERR_INVALID, "key=value");
    expect_bad("thermal=fair; battery=x", EW_ERR_INVALID, "battery=x"); /* all or nothing */
    char big[EW_DEVICE_HEADER_MAX + 2];
    memset(big, ' ', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    expect_bad(big, EW_ERR_TOO_LARGE, "longer than");
    char many[400] = "";
    for (int i = 0; i < EW_DEVICE_HEADER_MAX_ITEMS + 1; i++)
        strcat(many, "metered=1;");
    expect_bad(many, EW_ERR_TOO_LARGE, "items");
    /* A long item is quoted shortened in the message. */
    char longv[300] = "thermal=";
    memset(longv + 8, 'x', 200);
    expect_bad(longv, EW_ERR_INVALID, "thermal=xxx");
}

/* docs/device.md's thermal table is the one statement of the mapping: every
 * row's iOS and Android values (written "NAME (N)") map to the row's level,
 * by number and by name. */
static void test_thermal_table_matches_docs(void **state)
{
    (void)state;
    FILE *f = fopen("docs/device.md", "r");
    assert_non_null(f);
    char line[1024];
    int rows = 0, android_seen = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "| `", 3)) continue;
        /* | `fair` (1) | `.fair` (1) | `LIGHT` (1) | linux text | */
        char *cell[4];
        int n = 0;
        for (char *p = line + 1; n < 4 && (p = strchr(p, '|')); p++)
            cell[n++] = p;
        if (n < 4) continue;
        int level = -1;
        if (sscanf(line + 3, "%*[a-z]` (%d)", &level) != 1 || level < 0) continue;
        const char *name = ew_thermal_name(level);
        assert_true(!strncmp(line + 3, name, strlen(name)));
        /* iOS: ".name" (N) */
        int ios = -1;
        assert_int_equal(sscanf(cell[0] + 1, " `.%*[a-z]` (%d)", &ios), 1);
        assert_int_equal(ew_thermal_from_ios(ios), level);
        /* Android: one or more "`NAME` (N)" */
        for (char *p = cell[1]; p < cell[2]; p++) {
            char word[32];
            int num;
            if (*p != '`' || sscanf(p, "`%31[A-Z]` (%d)", word, &num) != 2) continue;
            assert_int_equal(ew_thermal_from_android(num), level);
            assert_int_equal(ew_thermal_parse(word, strlen(word)), level);
            android_seen |= 1 << num;
            p = strchr(p + 1, '`');
        }
        rows++;
    }
    fclose(f);
    assert_int_equal(rows, 4);
    assert_int_equal(android_seen, 0x7f); /* every THERMAL_STATUS_* 0..6 is in the table */
}

static void test_vocabularies(void **state)
{
    (void)state;
    const int android[] = {0, 1, 2, 3, 3, 3, 3};
    for (int i = 0; i < 7; i++)
        assert_int_equal(ew_thermal_from_android(i), android[i]);
    assert_int_equal(ew_thermal_from_android(-1), -1);
    assert_int_equal(ew_thermal_from_android(7), -1);
    for (int i = 0; i < 4; i++)
        assert_int_equal(ew_thermal_from_ios(i), i);
    assert_int_equal(ew_thermal_from_ios(4), -1);
    const char *names[] = {"nominal", "fair", "serious", "critical"};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(ew_thermal_name(i), names[i]);
        assert_int_equal(ew_thermal_parse(names[i], strlen(names[i])), i);
    }
    assert_string_equal(ew_thermal_name(-1), "unknown");
    assert_int_equal(ew_thermal_parse("SEVERE", 6), 3);
    assert_int_equal(ew_thermal_parse("light", 5), 1);
    assert_int_equal(ew_thermal_parse("shutdown", 8), 3);
    assert_int_equal(ew_thermal_parse("unknown", 7), -1);
    assert_int_equal(ew_thermal_parse("lukewarm", 8), -2);
    ew_route_device base = {10, 0, 0, 0, 0}, over = {-1, 1, -1, -1, 1};
    ew_device_overlay(&base, &over);
    assert_int_equal(base.battery_pct, 10);
    assert_int_equal(base.charging, 1);
    assert_int_equal(base.metered, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_empty_tree),
        T(test_desktop_mains_only),
        T(test_laptop_battery),
        T(test_status_without_external_supply),
        T(test_several_batteries),
        T(test_peripheral_and_absent_batteries),
        T(test_garbage_files),
        T(test_huge_files),
        T(test_many_entries_are_bounded),
        T(test_thermal_without_trips),
        T(test_thermal_trip_points),
        T(test_thermal_missing_and_odd_trips),
        cmocka_unit_test(test_levels),
        T(test_thermal_hysteresis),
        T(test_low_power_hysteresis),
        T(test_push_overrides_and_ages),
        T(test_cache),
        cmocka_unit_test(test_bad_options),
        T(test_threads),
        cmocka_unit_test(test_header_parse),
        cmocka_unit_test(test_header_errors),
        cmocka_unit_test(test_vocabularies),
        cmocka_unit_test(test_thermal_table_matches_docs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
