/* Device state as text, the x-edgeway-device header's form:
 * "battery=18; charging=0; thermal=serious". Also the thermal vocabularies of
 * Android, iOS and ours (docs/device.md has the table). */
#include <string.h>
#include <strings.h>

#include "core/error.h"
#include "edgeway/device.h"

static const char *const level_names[4] = {"nominal", "fair", "serious", "critical"};

const char *ew_thermal_name(int level)
{
    return level >= 0 && level < 4 ? level_names[level] : "unknown";
}

int ew_thermal_from_android(int status)
{
    /* NONE, LIGHT, MODERATE, SEVERE, CRITICAL, EMERGENCY, SHUTDOWN */
    static const int map[7] = {0, 1, 2, 3, 3, 3, 3};
    return status >= 0 && status < 7 ? map[status] : -1;
}

int ew_thermal_from_ios(int state)
{
    return state >= 0 && state < 4 ? state : -1;
}

static int word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && !strncasecmp(s, w, n);
}

int ew_thermal_parse(const char *name, size_t len)
{
    static const struct {
        const char *name;
        int level;
    } words[] = {
        {"nominal", 0},   {"fair", 1},     {"serious", 2},  {"critical", 3},
        {"none", 0},      {"light", 1},    {"moderate", 2}, {"severe", 3},
        {"emergency", 3}, {"shutdown", 3}, {"unknown", -1},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (word_is(name, len, words[i].name)) return words[i].level;
    return -2;
}

/* A tri-state: 1/0, true/false, yes/no, on/off, unknown. -2 if none. */
static int parse_flag(const char *v, size_t n)
{
    static const char *const yes[] = {"1", "true", "yes", "on"};
    static const char *const no[] = {"0", "false", "no", "off"};
    for (int i = 0; i < 4; i++) {
        if (word_is(v, n, yes[i])) return 1;
        if (word_is(v, n, no[i])) return 0;
    }
    return word_is(v, n, "unknown") ? -1 : -2;
}

/* 0..100 with an optional '%', or unknown (-1). -2 if neither. */
static int parse_battery(const char *v, size_t n)
{
    if (word_is(v, n, "unknown")) return -1;
    if (n && v[n - 1] == '%') n--;
    if (!n || n > 3) return -2;
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9') return -2;
        x = x * 10 + (v[i] - '0');
    }
    return x <= 100 ? x : -2;
}

enum { K_BATTERY, K_CHARGING, K_THERMAL, K_LOW_POWER, K_METERED, K_COUNT };

static int key_index(const char *k, size_t n)
{
    static const char *const keys[K_COUNT] = {"battery", "charging", "thermal", "low_power",
                                              "metered"};
    for (int i = 0; i < K_COUNT; i++)
        if (word_is(k, n, keys[i])) return i;
    return -1;
}

static const char *trim(const char *s, const char *end, size_t *n)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    *n = (size_t)(end - s);
    return s;
}

static int bad_item(ew_error *err, const char *p, size_t n, const char *why)
{
    return ew__error_set(err, EW_ERR_INVALID, "device state: item '%.*s': %s",
                         (int)(n > 48 ? 48 : n), p, why);
}

/* Applies one "key=value" item to d; seen tracks repeated keys. */
static int parse_item(const char *p, size_t n, ew_route_device *d, unsigned *seen, ew_error *err)
{
    const char *end = p + n;
    const char *eq = memchr(p, '=', n);
    if (!eq) return bad_item(err, p, n, "want key=value");
    size_t kn, vn;
    const char *k = trim(p, eq, &kn);
    const char *v = trim(eq + 1, end, &vn);
    int key = key_index(k, kn);
    if (key < 0)
        return bad_item(err, p, n, "unknown key (battery, charging, thermal, low_power, metered)");
    if (*seen & (1u << key)) return bad_item(err, p, n, "key given twice");
    *seen |= 1u << key;
    int x;
    switch (key) {
    case K_BATTERY:
        if ((x = parse_battery(v, vn)) < -1)
            return bad_item(err, p, n, "battery wants 0..100 or unknown");
        d->battery_pct = x;
        return EW_OK;
    case K_THERMAL:
        if ((x = ew_thermal_parse(v, vn)) < -1)
            return bad_item(err, p, n,
                            "thermal wants nominal|fair|serious|critical (or an Android "
                            "status name: none|light|moderate|severe|emergency|shutdown)");
        d->thermal = x;
        return EW_OK;
    default:
        if ((x = parse_flag(v, vn)) < -1)
            return bad_item(err, p, n, "wants 1|0, true|false, yes|no, on|off or unknown");
        if (key == K_CHARGING)
            d->charging = x;
        else if (key == K_LOW_POWER)
            d->low_power = x;
        else
            d->metered = x;
        return EW_OK;
    }
}

int ew_device_parse(const char *text, size_t len, ew_route_device *d, ew_error *err)
{
    if (len > EW_DEVICE_HEADER_MAX)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "device state: longer than %d bytes",
                             EW_DEVICE_HEADER_MAX);
    int items = 0;
    for (size_t i = 0; i <= len; i++)
        items += i == len || text[i] == ';' || text[i] == ',';
    if (items > EW_DEVICE_HEADER_MAX_ITEMS)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "device state: more than %d items",
                             EW_DEVICE_HEADER_MAX_ITEMS);
    ew_route_device tmp = *d;
    unsigned seen = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *sep = p;
        while (sep < end && *sep != ';' && *sep != ',')
            sep++;
        size_t n;
        const char *item = trim(p, sep, &n);
        if (n) { /* empty items ("a=1;;b=0", a trailing ';') are allowed */
            int st = parse_item(item, n, &tmp, &seen, err);
            if (st) return st;
        }
        p = sep + 1;
    }
    *d = tmp;
    return EW_OK;
}

void ew_device_overlay(ew_route_device *base, const ew_route_device *over)
{
    if (over->battery_pct >= 0) base->battery_pct = over->battery_pct;
    if (over->charging >= 0) base->charging = over->charging;
    if (over->thermal >= 0) base->thermal = over->thermal;
    if (over->low_power >= 0) base->low_power = over->low_power;
    if (over->metered >= 0) base->metered = over->metered;
}

void ew_route_device_init(ew_route_device *d)
{
    *d = (ew_route_device){-1, -1, -1, -1, -1};
}
