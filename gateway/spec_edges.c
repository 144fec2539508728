/* Draft edges across reloads, and the speculative route's metrics (see
 * spec_edges.h). */
#include <event2/event.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "gateway/metrics.h"
#include "gateway/spec_edges.h"

/* Reasons a request fell back, each counted on its own. */
static const char *const reasons[] = {"no_verify_api",  "tokenizer_mismatch",  "low_acceptance",
                                      "no_draft_model", "unsupported_request", "draft_busy"};
#define N_REASONS (int)(sizeof reasons / sizeof reasons[0])

typedef struct spec_counts {
    uint64_t outcomes[EW__SPEC_OUT_COUNT];
    uint64_t fallbacks[N_REASONS];
    uint64_t rounds, drafted, accepted, generated, passes;
    uint64_t bytes_sent, bytes_received;
    double rtt_seconds; /* summed over rounds */
} spec_counts;

struct ew__spec_edges {
    struct event_base *base;
    ew__engines *engines;
    ew__spec_slot *slots;
    struct event *sweep;
    spec_counts c;
};

static void slot_free(ew__spec_edges *s, ew__spec_slot *slot)
{
    ew__spec_edge_free(slot->edge);
    ew__engine_release(s->engines, slot->m);
    ew__upstream_release(s->engines, slot->u);
    free(slot);
}

/* Frees retired edges nobody uses any more. */
static void on_sweep(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    ew__spec_edges *s = arg;
    for (ew__spec_slot **pp = &s->slots; *pp;) {
        ew__spec_slot *slot = *pp;
        if (slot->m->retired || slot->u->retired) slot->retired = true;
        if (slot->retired && slot->users == 0) {
            *pp = slot->next;
            slot_free(s, slot);
        } else {
            pp = &slot->next;
        }
    }
}

ew__spec_edges *ew__spec_edges_new(struct event_base *base, ew__engines *engines)
{
    ew__spec_edges *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->base = base;
    s->engines = engines;
    s->sweep = event_new(base, -1, 0, on_sweep, s);
    if (!s->sweep) {
        free(s);
        return NULL;
    }
    return s;
}

void ew__spec_edges_free(ew__spec_edges *s)
{
    if (!s) return;
    while (s->slots) {
        ew__spec_slot *slot = s->slots;
        s->slots = slot->next;
        slot_free(s, slot);
    }
    event_free(s->sweep);
    free(s);
}

static int slot_new(ew__spec_edges *s, ew__engine *m, ew__upstream *u, int layers,
                    ew__spec_slot **out, ew_error *err)
{
    ew__spec_slot *slot = calloc(1, sizeof *slot);
    if (!slot) return ew__error_set(err, EW_ERR_NOMEM, "speculative: out of memory");
    ew__spec_edge_opts o = {.base = s->base,
                            .remote = u->remote,
                            .model = ew__runner_model(m->runner),
                            .n_layer_exit = layers,
                            .n_ctx = ew__runner_n_ctx(m->runner),
                            .threads = m->threads > 0 ? m->threads : 1,
                            .workers = m->workers,
                            .queue = m->queue};
    int st = ew__spec_edge_new(&o, &slot->edge, err);
    if (st) {
        free(slot);
        return st;
    }
    ew__engine_hold(m);
    ew__upstream_hold(u);
    slot->m = m;
    slot->u = u;
    slot->layers = layers;
    slot->next = s->slots;
    s->slots = slot;
    *out = slot;
    return EW_OK;
}

int ew__spec_slot_get(ew__spec_edges *s, ew__engine *m, ew__upstream *u, int layers,
                      ew__spec_slot **out, ew_error *err)
{
    *out = NULL;
    ew__spec_slot *found = NULL;
    for (ew__spec_slot *slot = s->slots; slot; slot = slot->next) {
        if (slot->m->retired || slot->u->retired) {
            slot->retired = true;
            if (!slot->users) event_active(s->sweep, EV_TIMEOUT, 0);
        }
        if (!slot->retired && slot->m == m && slot->u == u && slot->layers == layers) found = slot;
    }
    if (!found) {
        int st = slot_new(s, m, u, layers, &found, err);
        if (st) return st;
    }
    found->users++;
    *out = found;
    return EW_OK;
}

void ew__spec_slot_release(ew__spec_edges *s, ew__spec_slot *slot)
{
    if (--slot->users == 0 && (slot->retired || slot->m->retired || slot->u->retired))
        event_active(s->sweep, EV_TIMEOUT, 0);
}

/* ---- metrics ------------------------------------------------------------------------- */

void ew__spec_edges_record(ew__spec_edges *s, ew__spec_outcome outcome, const char *reason,
                           const ew__spec_stats *st)
{
    spec_counts *c = &s->c;
    if ((int)outcome >= 0 && outcome < EW__SPEC_OUT_COUNT) c->outcomes[outcome]++;
    for (int i = 0; reason && i < N_REASONS; i++)
        if (!strcmp(reason, reasons[i])) c->fallbacks[i]++;
    if (!st) return;
    c->rounds += (uint64_t)st->rounds;
    c->drafted += (uint64_t)st->drafted;
    c->accepted += (uint64_t)st->accepted;
    c->generated += (uint64_t)st->generated;
    c->passes += st->target_passes;
    c->bytes_sent += st->bytes_sent;
    c->bytes_received += st->bytes_received;
    c->rtt_seconds += st->rtt_ms * st->rounds / 1000.0;
}

static double ratio(uint64_t a, uint64_t b)
{
    return b ? (double)a / (double)b : 0;
}

static void counter(ew_buf *out, const char *name, const char *help, double v)
{
    ew__prom_help(out, name, "counter", help);
    ew__prom_value(out, name, NULL, NULL, v);
}

static void gauge(ew_buf *out, const char *name, const char *help, double v)
{
    ew__prom_help(out, name, "gauge", help);
    ew__prom_value(out, name, NULL, NULL, v);
}

void ew__spec_edges_render(const ew__spec_edges *s, ew_buf *out)
{
    static const char *const outcome_names[EW__SPEC_OUT_COUNT] = {"speculated", "fallback",
                                                                  "error"};
    static const spec_counts none;
    const spec_counts *c = s ? &s->c : &none;
    ew__prom_help(out, "edgeway_speculative_requests_total", "counter",
                  "Speculative attempts: speculated, fell back to plain remote streaming, or "
                  "failed.");
    for (int i = 0; i < EW__SPEC_OUT_COUNT; i++)
        ew__prom_value(out, "edgeway_speculative_requests_total", "outcome", outcome_names[i],
                       (double)c->outcomes[i]);
    ew__prom_help(out, "edgeway_speculative_fallbacks_total", "counter",
                  "Speculative requests served by plain remote streaming, by reason.");
    for (int i = 0; i < N_REASONS; i++)
        ew__prom_value(out, "edgeway_speculative_fallbacks_total", "reason", reasons[i],
                       (double)c->fallbacks[i]);
    counter(out, "edgeway_speculative_rounds_total", "Verify rounds (one target pass each).",
            (double)c->rounds);
    counter(out, "edgeway_speculative_draft_tokens_total", "Draft tokens sent for verification.",
            (double)c->drafted);
    counter(out, "edgeway_speculative_accepted_tokens_total", "Draft tokens the target accepted.",
            (double)c->accepted);
    counter(out, "edgeway_speculative_generated_tokens_total",
            "Tokens delivered by speculative runs.", (double)c->generated);
    counter(out, "edgeway_speculative_target_passes_total",
            "Target forward passes, as the verifiers count them.", (double)c->passes);
    ew__prom_help(out, "edgeway_speculative_bytes_total", "counter",
                  "Verify request (sent) and answer (received) bytes.");
    ew__prom_value(out, "edgeway_speculative_bytes_total", "direction", "sent",
                   (double)c->bytes_sent);
    ew__prom_value(out, "edgeway_speculative_bytes_total", "direction", "received",
                   (double)c->bytes_received);
    ew__prom_help(out, "edgeway_speculative_rtt_seconds", "summary",
                  "Verify round time minus the verifier's own evaluation time, per round.");
    ew__prom_value(out, "edgeway_speculative_rtt_seconds_sum", NULL, NULL, c->rtt_seconds);
    ew__prom_value(out, "edgeway_speculative_rtt_seconds_count", NULL, NULL, (double)c->rounds);
    gauge(out, "edgeway_speculative_acceptance_rate", "Accepted / drafted tokens, since start.",
          ratio(c->accepted, c->drafted));
    gauge(out, "edgeway_speculative_mean_accepted_length",
          "Accepted draft tokens per round, since start.", ratio(c->accepted, c->rounds));
    gauge(out, "edgeway_speculative_rounds_per_token", "Rounds per generated token, since start.",
          ratio(c->rounds, c->generated));
    gauge(out, "edgeway_speculative_target_passes_per_token",
          "Target forward passes per generated token, since start.",
          ratio(c->passes, c->generated));
    gauge(out, "edgeway_speculative_bytes_per_round", "Bytes sent and received per round.",
          ratio(c->bytes_sent + c->bytes_received, c->rounds));
}
