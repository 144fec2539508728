/* Device state as text: "battery=18; charging=0; thermal=serious", the form
 * of the x-edgeway-device header and of `edgeway route --device`. */
#include <string.h>
#include <strings.h>

#include "core/error.h"
#include "edgeway/router.h"

void ew_route_device_init(ew_route_device *d)
{
    *d = (ew_route_device){-1, -1, -1, -1, -1};
}

static bool word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && !strncasecmp(s, w, n);
}

/* A tri-state value: 0/1, true/false, yes/no, on/off, unknown. */
static int parse_bool(const char *v, size_t n, int *out)
{
    static const char *const yes[] = {"1", "true", "yes", "on"};
    static const char *const no[] = {"0", "false", "no", "off"};
    for (int i = 0; i < 4; i++) {
        if (word_is(v, n, yes[i])) return *out = 1, 0;
        if (word_is(v, n, no[i])) return *out = 0, 0;
    }
    if (word_is(v, n, "unknown")) return *out = -1, 0;
    return -1;
}

static int parse_value(const char *k, size_t kn, const char *v, size_t vn, ew_route_device *d)
{
    static const char *const levels[] = {"nominal", "fair", "serious", "critical"};
    if (word_is(k, kn, "battery")) {
        if (word_is(v, vn, "unknown")) return d->battery_pct = -1, 0;
        int x = 0;
        if (!vn || vn > 3) return -1;
        for (size_t i = 0; i < vn; i++) {
            if (v[i] < '0' || v[i] > '9') return -1;
            x = x * 10 + (v[i] - '0');
        }
        return x <= 100 ? (d->battery_pct = x, 0) : -1;
    }
    if (word_is(k, kn, "thermal")) {
        for (int i = 0; i < 4; i++)
            if (word_is(v, vn, levels[i])) return d->thermal = i, 0;
        return word_is(v, vn, "unknown") ? (d->thermal = -1, 0) : -1;
    }
    if (word_is(k, kn, "charging")) return parse_bool(v, vn, &d->charging);
    if (word_is(k, kn, "low_power")) return parse_bool(v, vn, &d->low_power);
    if (word_is(k, kn, "metered")) return parse_bool(v, vn, &d->metered);
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

int ew_route_device_parse(const char *text, size_t len, ew_route_device *d, ew_error *err)
{
    ew_route_device tmp = *d;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *sep = p;
        while (sep < end && *sep != ';' && *sep != ',')
            sep++;
        const char *eq = memchr(p, '=', (size_t)(sep - p));
        size_t kn, vn;
        const char *k = trim(p, eq ? eq : sep, &kn);
        if (kn || eq) {
            const char *v = eq ? trim(eq + 1, sep, &vn) : NULL;
            if (!eq || parse_value(k, kn, v, vn, &tmp))
                return ew__error_set(err, EW_ERR_INVALID,
                                     "device state: bad item '%.*s' (want battery=0..100, "
                                     "charging, low_power, metered=0|1, "
                                     "thermal=nominal|fair|serious|critical)",
                                     (int)(sep - p > 64 ? 64 : sep - p), p);
        }
        p = sep + 1;
    }
    *d = tmp;
    return EW_OK;
}
