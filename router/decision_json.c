/* A decision as JSON: what `edgeway route` prints and POST /v1/edgeway/route
 * answers. PII appears as type counts only. */
#include <math.h>
#include <string.h>

#include "core/json.h"
#include "router/decision_json.h"

static void str_or_null(ew_jw *w, const char *key, const char *s)
{
    ew_jw_key(w, key);
    if (s && *s)
        ew_jw_string(w, s);
    else
        ew_jw_null(w);
}

static void tristate(ew_jw *w, const char *key, int v)
{
    ew_jw_key(w, key);
    if (v < 0)
        ew_jw_null(w);
    else
        ew_jw_bool(w, v != 0);
}

static const char *split_mode_name(int m)
{
    return m == 0 ? "pseudonymize" : m == 1 ? "local_prefix" : NULL;
}

static void write_target(ew_jw *w, const ew_route_target *t)
{
    ew_jw_key(w, "route");
    ew_jw_string(w, ew_route_name(t->route));
    str_or_null(w, "backend", t->backend);
    str_or_null(w, "model", t->model);
    str_or_null(w, "split_mode", split_mode_name(t->split_mode));
}

static void write_features(ew_jw *w, const ew_decision_features *f)
{
    static const char *const thermal[] = {"nominal", "fair", "serious", "critical"};
    ew_jw_object_begin(w);
    ew_jw_key(w, "pii");
    ew_jw_object_begin(w);
    for (int i = 0; i < f->n_pii; i++) {
        ew_jw_key(w, f->pii[i].type);
        ew_jw_uint(w, f->pii[i].count);
    }
    ew_jw_object_end(w);
    ew_jw_key(w, "pii_failed");
    ew_jw_bool(w, f->pii_failed);
    ew_jw_key(w, "difficulty");
    if (isnan(f->difficulty))
        ew_jw_null(w);
    else
        ew_jw_double(w, f->difficulty);
    ew_jw_key(w, "battery");
    if (f->battery_pct < 0)
        ew_jw_null(w);
    else
        ew_jw_int(w, f->battery_pct);
    tristate(w, "charging", f->charging);
    str_or_null(w, "thermal", f->thermal >= 0 && f->thermal < 4 ? thermal[f->thermal] : NULL);
    tristate(w, "low_power", f->low_power);
    tristate(w, "metered", f->metered);
    ew_jw_key(w, "local_queue");
    ew_jw_int(w, f->local_queue);
    ew_jw_key(w, "prompt_tokens");
    ew_jw_int(w, f->prompt_tokens);
    ew_jw_key(w, "prompt_bytes");
    ew_jw_int(w, f->prompt_bytes);
    ew_jw_key(w, "stream");
    ew_jw_bool(w, f->stream);
    str_or_null(w, "model", f->model);
    str_or_null(w, "tenant", f->tenant);
    ew_jw_object_end(w);
}

void ew__decision_write(ew_jw *w, const ew_decision *d)
{
    ew_jw_object_begin(w);
    write_target(w, &d->target);
    str_or_null(w, "rule", d->rule);
    str_or_null(w, "matched_rule", d->matched_rule);
    ew_jw_key(w, "never_remote");
    ew_jw_bool(w, d->never_remote);
    ew_jw_key(w, "fell_back");
    ew_jw_bool(w, d->fell_back);
    str_or_null(w, "message", d->message);
    ew_jw_key(w, "fallbacks");
    ew_jw_array_begin(w);
    for (int i = 0; i < d->n_fallbacks; i++) {
        ew_jw_object_begin(w);
        write_target(w, &d->fallbacks[i]);
        ew_jw_object_end(w);
    }
    ew_jw_array_end(w);
    ew_jw_key(w, "reasons");
    ew_jw_array_begin(w);
    for (int i = 0; i < d->n_reasons; i++)
        ew_jw_string(w, d->reasons[i]);
    ew_jw_array_end(w);
    ew_jw_key(w, "features");
    write_features(w, &d->features);
    ew_jw_object_end(w);
}

int ew_decision_to_json(const ew_decision *d, char *out, size_t size, size_t *len)
{
    if (!size) return EW_ERR_TOO_LARGE;
    ew_buf b;
    ew_buf_init(&b, size - 1);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew__decision_write(&w, d);
    int st = w.status;
    if (!st) {
        memcpy(out, b.data, b.len + 1);
        if (len) *len = b.len;
    } else {
        out[0] = '\0';
        if (len) *len = 0;
    }
    ew_buf_cleanup(&b);
    return st;
}
