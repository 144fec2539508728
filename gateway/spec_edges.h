/* The speculative route's state in a gateway: one draft edge
 * (gateway/spec_edge.h) per draft model, cloud client and early-exit depth,
 * and the route's metrics.
 *
 * An edge borrows the draft model of an embedded engine and the cloud
 * client of the config in force; it holds both, so a reload that retires
 * either retires the edge too, which is freed once no request uses it
 * (by a deferred sweep, never inside its own callbacks). What an edge has
 * learned (tokenizer checks, acceptance, k) lives as long as it does.
 * Loop thread only.
 */
#ifndef EW_GATEWAY_SPEC_EDGES_H
#define EW_GATEWAY_SPEC_EDGES_H

#include "core/buf.h"
#include "gateway/engines.h"
#include "gateway/spec_edge.h"

struct event_base;

typedef struct ew__spec_edges ew__spec_edges;

typedef struct ew__spec_slot {
    ew__spec_edge *edge;
    ew__engine *m;   /* the draft's engine, held */
    ew__upstream *u; /* the cloud client, held */
    int layers;
    int users;
    bool retired;
    struct ew__spec_slot *next;
} ew__spec_slot;

ew__spec_edges *ew__spec_edges_new(struct event_base *base, ew__engines *engines);
/* Cancels every run (no callback follows) and frees; before the engines
 * are freed. NULL is a no-op. */
void ew__spec_edges_free(ew__spec_edges *s);

/* The edge drafting with model m's first `layers` layers (0 = all) and
 * verifying through client u; held until ew__spec_slot_release. */
int ew__spec_slot_get(ew__spec_edges *s, ew__engine *m, ew__upstream *u, int layers,
                      ew__spec_slot **out, ew_error *err);
void ew__spec_slot_release(ew__spec_edges *s, ew__spec_slot *slot);

/* How a speculative request went, for the metrics. */
typedef enum ew__spec_outcome {
    EW__SPEC_OUT_SPECULATED = 0, /* ended speculating (well, or by the client) */
    EW__SPEC_OUT_FALLBACK,       /* plain remote streaming instead (see the reason) */
    EW__SPEC_OUT_ERROR,          /* the run failed */
    EW__SPEC_OUT_COUNT,
} ew__spec_outcome;

/* One speculative attempt; reason is a fallback's (ew__spec_fallback_name,
 * or "no_draft_model"), else NULL. st may be NULL when nothing ran. */
void ew__spec_edges_record(ew__spec_edges *s, ew__spec_outcome outcome, const char *reason,
                           const ew__spec_stats *st);
/* Appends the edgeway_speculative_* series (Prometheus text; zeros when s
 * is NULL, before any speculative request). */
void ew__spec_edges_render(const ew__spec_edges *s, ew_buf *out);

#endif
