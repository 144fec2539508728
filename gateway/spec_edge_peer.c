/* The once-per-backend check of the speculative route: does the backend
 * verify this model, and with the draft's tokenizer? See spec_edge.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "gateway/spec_edge_priv.h"

/* A backend without the verify API is asked again after this long. */
#define RECHECK_MS 60000

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

spec_peer *ew__spec_peer_get(ew__spec_edge *e, const char *backend, const char *model)
{
    for (spec_peer *p = e->peers; p; p = p->next)
        if (!strcmp(p->backend, backend) && !strcmp(p->model, model)) return p;
    if (strlen(backend) >= sizeof e->peers->backend || strlen(model) >= sizeof e->peers->model)
        return NULL;
    spec_peer *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    snprintf(p->backend, sizeof p->backend, "%s", backend);
    snprintf(p->model, sizeof p->model, "%s", model);
    p->e = e;
    p->next = e->peers;
    e->peers = p;
    return p;
}

/* Wakes every waiting run; each may end (and free itself) at once. */
static void wake_all(spec_peer *p, int status, const char *message)
{
    ew__spec_run *r = p->waiting;
    p->waiting = NULL;
    while (r) {
        ew__spec_run *next = r->next_waiting;
        r->next_waiting = NULL;
        ew__spec_run_peer_ready(r, status, message);
        r = next;
    }
}

/* Reads the model's entry of an /edgeway/info answer into the peer's state. */
static void judge_info(ew__spec_edge *e, spec_peer *p, const char *body, size_t len)
{
    ew_json_doc d;
    ew_json_limits lim = {.max_tokens = 1 << 16, .max_depth = 16};
    int models = -1;
    if (ew_json_parse(&d, body, len, &lim, NULL) == EW_OK) models = ew_json_get(&d, 0, "models");
    int found = -1;
    for (int m = models >= 0 ? ew_json_first(&d, models) : -1; m >= 0; m = ew_json_next(&d, m))
        if (ew_json_string_eq(&d, ew_json_get(&d, m, "id"), p->model)) found = m;
    if (found < 0) {
        ew__warn(NULL,
                 "speculative: backend %s does not verify model %s (not in its /edgeway/info); "
                 "plain remote streaming is used instead",
                 p->backend, p->model);
        p->state = PEER_NO_VERIFY;
        p->checked_ms = now_ms();
    } else if (!ew_json_string_eq(&d, ew_json_get(&d, found, "tokenizer_fingerprint"),
                                  e->info.tokenizer_fingerprint)) {
        ew__warn(NULL,
                 "speculative: backend %s model %s tokenizes differently from the draft model "
                 "(fingerprint %.16s...); the speculative route is disabled for it",
                 p->backend, p->model, e->info.tokenizer_fingerprint);
        p->state = PEER_MISMATCH;
    } else {
        int64_t md = 0;
        int v = ew_json_path(&d, 0, "verify.max_draft");
        p->max_draft = v >= 0 && !ew_json_int64(&d, v, &md) && md >= 1 && md <= EW_SPEC_MAX_DRAFT
                           ? (int)md
                           : 1;
        p->state = PEER_READY;
        ew__info(NULL,
                 "speculative: backend %s verifies %s with the draft's tokenizer (drafts of up "
                 "to %d tokens)",
                 p->backend, p->model, p->max_draft);
    }
    ew_json_doc_cleanup(&d);
}

static void check_done(void *user, const ew__remote_result *r)
{
    spec_peer *p = user;
    p->check = NULL;
    judge_info(p->e, p, r->body, r->body_len);
    wake_all(p, EW_OK, NULL);
}

static void check_error(void *user, const ew__remote_failure *f)
{
    spec_peer *p = user;
    p->check = NULL;
    if (f->http_status == 404) {
        ew__warn(NULL,
                 "speculative: backend %s has no verify API (/edgeway/info: 404); plain remote "
                 "streaming is used instead",
                 p->backend);
        p->state = PEER_NO_VERIFY;
        p->checked_ms = now_ms();
        wake_all(p, EW_OK, NULL);
        return;
    }
    p->state = PEER_UNCHECKED; /* a transient failure: ask again next time */
    wake_all(p, f->status, f->message);
}

int ew__spec_peer_check(ew__spec_edge *e, spec_peer *p, ew__spec_run *run, bool *waits,
                        ew_error *err)
{
    *waits = false;
    if (p->state == PEER_NO_VERIFY && now_ms() - p->checked_ms > RECHECK_MS)
        p->state = PEER_UNCHECKED;
    if (p->state == PEER_UNCHECKED) {
        ew__remote_call_opts o = {
            .path = "/edgeway/info",
            .backend = p->backend,
            .request_id = run->rid[0] ? run->rid : NULL,
            .no_fallback = true,
        };
        static const ew__remote_callbacks cb = {NULL, NULL, check_done, check_error};
        int st = ew__remote_start(e->remote, &o, &cb, p, &p->check, err);
        if (st) return st;
        p->state = PEER_CHECKING;
    }
    if (p->state != PEER_CHECKING) return EW_OK;
    run->next_waiting = p->waiting;
    p->waiting = run;
    *waits = true;
    return EW_OK;
}

void ew__spec_peer_forget(spec_peer *p, ew__spec_run *run)
{
    for (ew__spec_run **pp = &p->waiting; *pp; pp = &(*pp)->next_waiting)
        if (*pp == run) {
            *pp = run->next_waiting;
            return;
        }
}

void ew__spec_peers_free(ew__spec_edge *e)
{
    while (e->peers) {
        spec_peer *p = e->peers;
        e->peers = p->next;
        if (p->check) ew__remote_cancel(p->check);
        free(p);
    }
}
