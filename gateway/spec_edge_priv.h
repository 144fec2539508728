/* Private to gateway/spec_edge*.c. */
#ifndef EW_GATEWAY_SPEC_EDGE_PRIV_H
#define EW_GATEWAY_SPEC_EDGE_PRIV_H

struct event;

#include "core/buf.h"
#include "gateway/spec_edge.h"
#include "gateway/spec_worker.h"

typedef enum peer_state {
    PEER_UNCHECKED = 0,
    PEER_CHECKING,
    PEER_READY,
    PEER_NO_VERIFY,
    PEER_MISMATCH,
} peer_state;

/* What one backend/model pair taught us; lives as long as the edge. */
typedef struct spec_peer {
    struct ew__spec_edge *e;
    char backend[EW_BACKEND_NAME_MAX];
    char model[128];
    peer_state state;
    uint64_t checked_ms; /* when NO_VERIFY was learned, to ask again later */
    int max_draft;       /* the verifier's bound */
    ew_spec_adapt adapt; /* shared by the pair's runs: k and alpha carry over */
    uint64_t runs;       /* started, for the occasional probe while not paying */
    ew__remote_call *check;
    struct ew__spec_run *waiting; /* runs waiting for the check, linked by next_waiting */
    struct spec_peer *next;
} spec_peer;

struct ew__spec_edge {
    struct event_base *base;
    ew__remote *remote;
    const ew_model *model;
    ew_model *owned; /* model, when the edge opened it */
    ew_model_info info;
    ew_session_params sp;
    ew__spec_worker *worker;
    spec_peer *peers;
    struct ew__spec_run *runs; /* not yet ended or cancelled */
};

typedef enum run_phase {
    RUN_WAIT_PEER = 0,
    RUN_TOKENIZING,
    RUN_DRAFTING,
    RUN_VERIFYING,
    RUN_DONE,
} run_phase;

struct ew__spec_run {
    ew__spec_edge *e;
    struct ew__spec_run *prev_run, *next_run; /* in e->runs until it ends */
    spec_peer *peer;
    ew__spec_params p; /* strings below are copies */
    char backend[EW_BACKEND_NAME_MAX];
    char target[128];
    char rid[72];
    ew__spec_events ev;
    void *user;
    run_phase phase;
    bool cancelled, in_callback;
    struct ew__spec_run *next_waiting;
    struct event *resume; /* resumes a run whose pair was already known */

    int32_t *seq; /* (n_ctx) prompt, then the tokens generated so far */
    int n_seq, n_ctx;
    char *text; /* prompt text not yet tokenized (a worker owns it while job_running) */
    size_t text_len;
    /* the verifier's view */
    char session[64];
    int t_past; /* tokens of seq the verifier holds */
    int restarts_in_row;
    /* the draft (a worker owns these while job_running) */
    ew__spec_job job;
    bool job_running;
    ew_session *ds;
    ew_sampler *dsmp;
    int32_t *scratch_ids;
    float *scratch_probs;
    ew_spec_rng rng;
    int d_kv; /* prefix of seq in the draft's cache */
    int k_want;
    ew_spec_draft_out draft;
    int draft_status;
    char draft_err[512];
    double draft_ms;
    /* the round in flight */
    ew__remote_call *call;
    uint64_t call_start_us;
    ew_buf body;
    ew__spec_stats st;
    double rtt_sum, draft_ms_sum, verify_ms_sum;
    int draft_rounds;
};

/* spec_edge_peer.c: the once-per-backend check. */
spec_peer *ew__spec_peer_get(ew__spec_edge *e, const char *backend, const char *model);
/* When the pair is not known yet, starts its check (once) and makes the run
 * wait for it (*waits); otherwise the caller goes on by itself. */
int ew__spec_peer_check(ew__spec_edge *e, spec_peer *p, ew__spec_run *run, bool *waits,
                        ew_error *err);
void ew__spec_peer_forget(spec_peer *p, ew__spec_run *run);
void ew__spec_peers_free(ew__spec_edge *e);
/* spec_edge.c: a run resumes once its peer is known. */
void ew__spec_run_peer_ready(ew__spec_run *run, int status, const char *message);

#endif
