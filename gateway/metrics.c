/* Counters and histograms in the Prometheus text format (see metrics.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgeway/pii.h"
#include "gateway/metrics.h"

#define N_ROUTES    (EW_ROUTE_COUNT + 1)
#define MAX_SERIES  256
#define N_BUCKETS   16
#define BACKEND_MAX 65

/* Upper bounds in seconds; +Inf is implicit. */
static const double buckets[N_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,   0.5,   1,      2.5,   5,    10,    30,   60};

typedef struct hist {
    uint64_t counts[N_BUCKETS + 1]; /* per bucket (not cumulative); last = above all */
    double sum;
    uint64_t n;
} hist;

typedef struct series {
    int route;
    int status;
    char backend[BACKEND_MAX];
    uint64_t count;
} series;

struct ew__metrics {
    series req[MAX_SERIES];
    int n_req;
    uint64_t req_overflow;
    hist latency[N_ROUTES];
    hist ttft[N_ROUTES];
    uint64_t tokens_in[N_ROUTES], tokens_out[N_ROUTES];
    uint64_t pii[EW_PII_TYPE_COUNT];
    uint64_t pii_failed;
    uint64_t fallbacks[N_ROUTES];
    uint64_t cascade_local, cascade_escalated;
    uint64_t limited_requests, limited_tokens;
    uint64_t auth_failures;
};

ew__metrics *ew__metrics_new(void)
{
    return calloc(1, sizeof(ew__metrics));
}

void ew__metrics_free(ew__metrics *m)
{
    free(m);
}

static const char *route_label(int r)
{
    return r >= 0 && r < EW_ROUTE_COUNT ? ew_route_name((ew_route)r) : "none";
}

static void observe(hist *h, double seconds)
{
    int b = 0;
    while (b < N_BUCKETS && seconds > buckets[b])
        b++;
    h->counts[b]++;
    h->sum += seconds;
    h->n++;
}

void ew__metrics_request_done(ew__metrics *m, const ew__metrics_request *r)
{
    int route = r->route >= 0 && r->route < N_ROUTES ? r->route : EW__METRICS_NO_ROUTE;
    const char *be = r->backend ? r->backend : "";
    series *s = NULL;
    for (int i = 0; i < m->n_req && !s; i++)
        if (m->req[i].route == route && m->req[i].status == r->status &&
            !strcmp(m->req[i].backend, be))
            s = &m->req[i];
    if (!s && m->n_req < MAX_SERIES) {
        s = &m->req[m->n_req++];
        s->route = route;
        s->status = r->status;
        snprintf(s->backend, sizeof s->backend, "%s", be);
    }
    if (s)
        s->count++;
    else
        m->req_overflow++;
    observe(&m->latency[route], (double)r->duration_us / 1e6);
    if (r->ttft_us) observe(&m->ttft[route], (double)r->ttft_us / 1e6);
    if (r->tokens_in > 0) m->tokens_in[route] += (uint64_t)r->tokens_in;
    if (r->tokens_out > 0) m->tokens_out[route] += (uint64_t)r->tokens_out;
}

void ew__metrics_pii(ew__metrics *m, const ew_decision_features *f)
{
    if (f->pii_failed) m->pii_failed++;
    for (int i = 0; i < f->n_pii && i < EW_DECISION_MAX_PII; i++) {
        int t = f->pii[i].type ? ew_pii_type_from_name(f->pii[i].type, strlen(f->pii[i].type)) : -1;
        if (t >= 0) m->pii[t] += f->pii[i].count;
    }
}

void ew__metrics_fallback(ew__metrics *m, ew_route to)
{
    if ((int)to >= 0 && (int)to < EW_ROUTE_COUNT) m->fallbacks[to]++;
}

void ew__metrics_cascade(ew__metrics *m, bool escalated)
{
    if (escalated)
        m->cascade_escalated++;
    else
        m->cascade_local++;
}

void ew__metrics_rate_limited(ew__metrics *m, const char *limit)
{
    if (!strcmp(limit, "tokens"))
        m->limited_tokens++;
    else
        m->limited_requests++;
}

void ew__metrics_auth_failure(ew__metrics *m)
{
    m->auth_failures++;
}

/* ---- rendering ------------------------------------------------------------------------ */

void ew__prom_help(ew_buf *out, const char *name, const char *type, const char *help)
{
    ew_buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* Label values are ours (routes, config names, PII types), but escape anyway. */
static void label_value(ew_buf *out, const char *v)
{
    for (; *v; v++) {
        if (*v == '\\' || *v == '"')
            ew_buf_append_char(out, '\\');
        else if (*v == '\n') {
            ew_buf_append_str(out, "\\n");
            continue;
        }
        ew_buf_append_char(out, *v);
    }
}

static void number(ew_buf *out, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        ew_buf_printf(out, "%.0f", v);
    else
        ew_buf_printf(out, "%.9g", v);
}

void ew__prom_value(ew_buf *out, const char *name, const char *label, const char *lv, double v)
{
    ew_buf_append_str(out, name);
    if (label) {
        ew_buf_printf(out, "{%s=\"", label);
        label_value(out, lv);
        ew_buf_append_str(out, "\"}");
    }
    ew_buf_append_char(out, ' ');
    number(out, v);
    ew_buf_append_char(out, '\n');
}

static void render_hist(ew_buf *out, const char *name, const hist *h, int n_routes)
{
    for (int r = 0; r < n_routes; r++) {
        if (!h[r].n) continue;
        uint64_t cum = 0;
        for (int b = 0; b <= N_BUCKETS; b++) {
            cum += h[r].counts[b];
            ew_buf_printf(out, "%s_bucket{route=\"%s\",le=\"", name, route_label(r));
            if (b < N_BUCKETS)
                number(out, buckets[b]);
            else
                ew_buf_append_str(out, "+Inf");
            ew_buf_printf(out, "\"} %llu\n", (unsigned long long)cum);
        }
        ew_buf_printf(out, "%s_sum{route=\"%s\"} ", name, route_label(r));
        number(out, h[r].sum);
        ew_buf_printf(out, "\n%s_count{route=\"%s\"} %llu\n", name, route_label(r),
                      (unsigned long long)h[r].n);
    }
}

static void render_requests(const ew__metrics *m, ew_buf *out)
{
    ew__prom_help(out, "edgeway_requests_total", "counter",
                  "Chat and completion requests by route, backend and HTTP status.");
    for (int i = 0; i < m->n_req; i++) {
        const series *s = &m->req[i];
        ew_buf_printf(out, "edgeway_requests_total{route=\"%s\",backend=\"", route_label(s->route));
        label_value(out, s->backend);
        ew_buf_printf(out, "\",status=\"%d\"} %llu\n", s->status, (unsigned long long)s->count);
    }
    if (m->req_overflow)
        ew_buf_printf(out,
                      "edgeway_requests_total{route=\"other\",backend=\"other\",status=\"other\"} "
                      "%llu\n",
                      (unsigned long long)m->req_overflow);
}

int ew__metrics_render(const ew__metrics *m, ew_buf *out)
{
    render_requests(m, out);
    ew__prom_help(out, "edgeway_request_duration_seconds", "histogram",
                  "Time from the request head to the end of the response, by route.");
    render_hist(out, "edgeway_request_duration_seconds", m->latency, N_ROUTES);
    ew__prom_help(out, "edgeway_time_to_first_token_seconds", "histogram",
                  "Time from the request head to the first answer text sent, by route.");
    render_hist(out, "edgeway_time_to_first_token_seconds", m->ttft, N_ROUTES);
    ew__prom_help(out, "edgeway_tokens_total", "counter",
                  "Prompt (in) and completion (out) tokens by route, as reported in usage.");
    for (int r = 0; r < N_ROUTES; r++) {
        if (m->tokens_in[r] || m->tokens_out[r]) {
            ew_buf_printf(out, "edgeway_tokens_total{route=\"%s\",direction=\"in\"} %llu\n",
                          route_label(r), (unsigned long long)m->tokens_in[r]);
            ew_buf_printf(out, "edgeway_tokens_total{route=\"%s\",direction=\"out\"} %llu\n",
                          route_label(r), (unsigned long long)m->tokens_out[r]);
        }
    }
    ew__prom_help(out, "edgeway_pii_detections_total", "counter",
                  "PII spans found in requests, by type (counts only, never values).");
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++)
        ew__prom_value(out, "edgeway_pii_detections_total", "type",
                       ew_pii_type_name((ew_pii_type)t), (double)m->pii[t]);
    ew__prom_help(out, "edgeway_pii_scan_failures_total", "counter",
                  "Scans that failed closed (counted as every type present).");
    ew__prom_value(out, "edgeway_pii_scan_failures_total", NULL, NULL, (double)m->pii_failed);
    ew__prom_help(out, "edgeway_fallbacks_total", "counter",
                  "Fallbacks taken while executing a request, by the route fallen back to.");
    for (int r = 0; r < EW_ROUTE_COUNT; r++)
        if (m->fallbacks[r])
            ew__prom_value(out, "edgeway_fallbacks_total", "route", route_label(r),
                           (double)m->fallbacks[r]);
    ew__prom_help(out, "edgeway_cascade_total", "counter",
                  "Cascade requests answered locally or escalated to the cloud.");
    ew__prom_value(out, "edgeway_cascade_total", "outcome", "local", (double)m->cascade_local);
    ew__prom_value(out, "edgeway_cascade_total", "outcome", "escalated",
                   (double)m->cascade_escalated);
    ew__prom_help(out, "edgeway_rate_limited_total", "counter",
                  "Requests refused with 429 by a per-key limit.");
    ew__prom_value(out, "edgeway_rate_limited_total", "limit", "requests",
                   (double)m->limited_requests);
    ew__prom_value(out, "edgeway_rate_limited_total", "limit", "tokens", (double)m->limited_tokens);
    ew__prom_help(out, "edgeway_auth_failures_total", "counter",
                  "Requests refused for a missing or unknown API key.");
    ew__prom_value(out, "edgeway_auth_failures_total", NULL, NULL, (double)m->auth_failures);
    return EW_OK;
}
