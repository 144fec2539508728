/* The split route: the cloud answers without seeing the private part of the
 * request, and the device restores the answer (gateway/split.h does the
 * sanitizing and restoring; this file drives it on the executor).
 *
 *  - pseudonymize: every span of a replaced type (never_remote types always,
 *    routing.split.types or every type otherwise) becomes its placeholder in
 *    every string of the request; the cloud's answer is restored on its way
 *    out, streaming or whole.
 *  - local-prefix: the messages marked sensitive (the system message, those
 *    with routing.split.local_prefix.min_pii spans or more, and those the
 *    client marked "x_edgeway": {"local": true}) are condensed by the local
 *    model with the configured instruction; the cloud gets that context in
 *    their place plus the rest, all of it sanitized as above, so a
 *    never_remote value the model copied into the context is pseudonymized.
 *    When that cannot be done, the request is answered locally.
 *
 * One vault per conversation (split.h: the key is the x-edgeway-conversation
 * header or the first system and user message), so the history a client
 * sends back restored gets the same placeholders again. A request that
 * cannot be sanitized never leaves: the executor is told to keep it on the
 * device, so only local (or another split) fallbacks may follow.
 *
 * The response says what ran: x-edgeway-split: pseudonymize | local-prefix,
 * or local when a local-prefix request was answered on the device.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/log.h"
#include "gateway/gw.h"
#include "gateway/routes.h"
#include "gateway/split.h"
#include "router/router_internal.h"

#define CONDENSED_MAX (64u << 10)
#define TOOL_JSON_MAX (8u << 20)

static const char default_instruction[] =
    "Condense the conversation below into a short context for another assistant that will "
    "continue it. Keep the facts, requests and constraints it needs. Do not copy names, "
    "contact details, account or card numbers, addresses, IDs or secrets; describe them "
    "generically instead.";

static const char context_intro[] =
    "Context from the earlier part of this conversation, condensed on the user's device:\n";

typedef struct split_run {
    ew__exec *x;
    ew__gateway *gw;
    ew__split_state *ss;
    ew_route_target t;
    const ew_config *cfg; /* the router's, held with the scanner */
    void *scanner_hold;
    ew__split_opts opts;
    ew_pii_vault *vault; /* held in the store until the request ends */
    ew__split_restorer *rest;
    ew_request clean; /* what the cloud gets */
    ew__split_stats stats;
    ew_buf tool_json;
    /* local-prefix */
    bool *local; /* (n_messages) stays on the device */
    ew__engine *m;
    ew__runner_job *job;
    ew_request condense_req;
    ew_message condense_msgs[2];
    ew_buf condensed;
    bool condense_overflow;
} split_run;

static void run_end(void *arg)
{
    split_run *s = arg;
    if (s->vault) ew__vault_store_release(s->ss->store, s->vault);
    s->vault = NULL;
    ew__split_restorer_free(s->rest);
    s->rest = NULL;
    if (s->scanner_hold) ew__router_scanner_release(s->scanner_hold);
    s->scanner_hold = NULL;
    ew_buf_cleanup(&s->tool_json);
    ew_buf_cleanup(&s->condensed);
}

static void set_error(ew_api_error *e, int status, const char *why)
{
    if (status == EW_ERR_NOMEM)
        ew_api_error_set(e, 500, "server_error", "internal_error", NULL, "out of memory");
    else
        ew_api_error_set(e, 503, "server_error", "split_unavailable", NULL,
                         "The request could not be made safe for the cloud (%s), so it stays on "
                         "this device.",
                         why);
}

/* Sanitizing failed: nothing may leave unsanitized from here on. */
static int cannot_split(split_run *s, int status, const char *why, ew_api_error *e)
{
    ew__exec_keep_on_device(s->x);
    s->ss->kept_local++;
    set_error(e, status, why);
    ew__info(ew__exec_id(s->x), "split: kept on the device: %s", why);
    return status ? status : EW_ERR_DENIED;
}

/* A client-marked message that no local model here can keep on the device
 * (condense it, or answer the request): the request is refused rather
 * than sent. */
static int marked_unservable(ew__exec *x, int marked, ew_api_error *e)
{
    char param[48];
    snprintf(param, sizeof param, "messages[%d].x_edgeway.local", marked);
    ew_api_error_set(e, 403, "invalid_request_error", "must_stay_on_device", param,
                     "messages[%d] is marked x_edgeway.local, so it must stay on this device, "
                     "but its route would send it off the device and no local model is "
                     "configured to condense or answer it here.",
                     marked);
    ew__exec_keep_on_device(x);
    ew__info(ew__exec_id(x), "split: messages[%d] is marked local and no local model can keep it",
             marked);
    return EW_ERR_DENIED;
}

/* ---- restoring on the way out ---------------------------------------------------------- */

static int out_text(void *user, const char *data, size_t len)
{
    return ew__exec_text(user, data, len);
}

static int filter_text(void *arg, ew__exec *x, const char *text, size_t len)
{
    split_run *s = arg;
    return ew__split_restore_text(s->rest, text, len, out_text, x);
}

static int filter_tool_calls(void *arg, ew__exec *x, const char *json, size_t len)
{
    split_run *s = arg;
    int st = ew__split_restore_tool_calls(s->rest, json, len, ew__exec_request(x)->stream,
                                          &s->tool_json);
    /* Unparseable: what the cloud sent holds placeholders at most, never values. */
    if (st) return ew__exec_tool_calls(x, json, len);
    return ew__exec_tool_calls(x, s->tool_json.data, s->tool_json.len);
}

static int filter_flush(void *arg, ew__exec *x)
{
    split_run *s = arg;
    int st = ew__split_restore_finish(s->rest, out_text, x);
    if (!st) st = ew__split_restore_tool_tail(s->rest, &s->tool_json);
    if (!st && s->tool_json.len) st = ew__exec_tool_calls(x, s->tool_json.data, s->tool_json.len);
    int misses = ew__split_restore_misses(s->rest);
    s->ss->restore_misses += (uint64_t)misses;
    if (misses) ew__info(ew__exec_id(x), "split: %d placeholder(s) could not be restored", misses);
    return st;
}

static const ew__exec_filter restore_filter = {filter_text, filter_tool_calls, filter_flush};

/* From here on the routes see s->clean and the answer is restored. */
static int apply_clean(split_run *s, ew__split_mode_ran mode, ew_api_error *e)
{
    ew__exec *x = s->x;
    s->rest = ew__split_restorer_new(s->vault);
    if (!s->rest) return cannot_split(s, EW_ERR_NOMEM, "out of memory", e);
    /* A cloud failure may fall back, but never to a route that sends raw
     * what the split hid (never_remote types, and the ones it was asked to). */
    if (s->stats.replaced) ew__exec_keep_on_device(x);
    ew__exec_set_request(x, &s->clean);
    ew__exec_set_filter(x, &restore_filter, s);
    ew__exec_add_header(x, "x-edgeway-split",
                        mode == EW__SPLIT_RAN_PSEUDONYMIZE ? "pseudonymize" : "local-prefix");
    s->ss->requests[mode]++;
    ew__split_note_placeholders(s->ss, s->stats.placeholders);
    return EW_OK;
}

static int pseudonymize_only(split_run *s, ew_api_error *e)
{
    ew_error err;
    ew_error_clear(&err);
    int st = ew__split_sanitize(&s->opts, s->vault, ew__exec_request(s->x), ew__exec_arena(s->x),
                                &s->clean, &s->stats, &err);
    if (st) return cannot_split(s, st, err.message, e);
    return apply_clean(s, EW__SPLIT_RAN_PSEUDONYMIZE, e);
}

static int pseudonymize(split_run *s, ew_api_error *e)
{
    int st = pseudonymize_only(s, e);
    return st ? st : ew__cloud_start(s->x, s->t.backend, e);
}

/* ---- local-prefix ------------------------------------------------------------------------ */

/* A tool call and its results stay together (the cloud rejects a result
 * without its call): an assistant turn with tool_calls and the tool
 * messages after it are one group, local when any of them is. Returns how
 * many messages are local. */
static int keep_tool_turns(bool *local, const ew_request *req)
{
    int n = 0;
    for (int i = 0; i < req->n_messages; i++) {
        int end = i + 1;
        if (req->messages[i].role == EW_ROLE_ASSISTANT && req->messages[i].tool_calls_json)
            while (end < req->n_messages && req->messages[end].role == EW_ROLE_TOOL)
                end++;
        bool any = false;
        for (int k = i; k < end; k++)
            any |= local[k];
        for (int k = i; k < end; k++)
            local[k] = any;
        n += any ? end - i : 0;
        i = end - 1;
    }
    return n;
}

/* Which messages stay home; returns how many. A scan that fails keeps its
 * message home (fail closed). */
static int mark_local(split_run *s, const ew_request *req)
{
    const ew_split_cfg *sc = &s->cfg->routing->split;
    ew_pii_result res;
    ew_pii_result_init(&res);
    for (int i = 0; i < req->n_messages; i++) {
        const ew_message *m = &req->messages[i];
        bool local = m->keep_local || (sc->prefix_system &&
                                       (m->role == EW_ROLE_SYSTEM || m->role == EW_ROLE_DEVELOPER));
        if (!local && s->opts.scanner) {
            int st = ew_pii_scan(s->opts.scanner, m->content, m->content_len, &res);
            local = st || res.failed_closed || res.n >= sc->prefix_min_pii;
        }
        s->local[i] = local;
    }
    ew_pii_result_cleanup(&res);
    return keep_tool_turns(s->local, req);
}

/* "role: content" for each local message, for the condensing prompt. */
static int transcript(split_run *s, const ew_request *req, const char **out, size_t *len)
{
    ew_buf b;
    ew_buf_init(&b, (size_t)8 << 20);
    for (int i = 0; i < req->n_messages; i++) {
        if (!s->local[i]) continue;
        const ew_message *m = &req->messages[i];
        ew_buf_printf(&b, "%s: ", ew_role_name(m->role));
        ew_buf_append(&b, m->content, m->content_len);
        if (m->tool_calls_json) {
            ew_buf_append_str(&b, "(calls tools: ");
            ew_buf_append(&b, m->tool_calls_json, m->tool_calls_json_len);
            ew_buf_append_str(&b, ")");
        }
        ew_buf_append_str(&b, "\n\n");
    }
    int st = b.len && b.data ? EW_OK : EW_ERR_INVALID;
    if (!st && !(*out = ew_arena_strndup(ew__exec_arena(s->x), b.data, b.len))) st = EW_ERR_NOMEM;
    *len = b.len;
    ew_buf_cleanup(&b);
    return st;
}

/* Answers on the device: the cloud cannot get this request in a safe form. */
static void stay_local(split_run *s, const char *why)
{
    ew__exec *x = s->x;
    ew__info(ew__exec_id(x), "split: local-prefix answered locally: %s", why);
    ew__exec_keep_on_device(x);
    ew__exec_add_header(x, "x-edgeway-split", "local");
    ew_api_error e;
    int st = ew__local_start(x, s->t.model, NULL, &e);
    if (st) ew__exec_fail(x, st, &e, true);
}

/* The cloud's request: the context where the first local message was (a
 * system message when only system messages stayed home), then the rest. */
static int build_cloud_request(split_run *s, const ew_request *req, ew_request *out)
{
    ew_arena *a = ew__exec_arena(s->x);
    *out = *req;
    out->messages = ew_arena_calloc(a, (size_t)req->n_messages + 1, sizeof *out->messages);
    size_t n = sizeof context_intro - 1 + s->condensed.len;
    char *ctx = ew_arena_alloc(a, n + 1);
    ew_text_part *part = ew_arena_alloc(a, sizeof *part);
    if (!out->messages || !ctx || !part) return EW_ERR_NOMEM;
    memcpy(ctx, context_intro, sizeof context_intro - 1);
    if (s->condensed.len)
        memcpy(ctx + sizeof context_intro - 1, s->condensed.data, s->condensed.len);
    ctx[n] = '\0';
    *part = (ew_text_part){ctx, n};
    bool all_system = true;
    for (int i = 0; i < req->n_messages; i++)
        if (s->local[i] && req->messages[i].role != EW_ROLE_SYSTEM &&
            req->messages[i].role != EW_ROLE_DEVELOPER)
            all_system = false;
    int k = 0;
    bool placed = false;
    for (int i = 0; i < req->n_messages; i++) {
        if (!s->local[i]) {
            out->messages[k++] = req->messages[i];
            continue;
        }
        if (placed) continue;
        placed = true;
        out->messages[k++] = (ew_message){.role = all_system ? EW_ROLE_SYSTEM : EW_ROLE_USER,
                                          .parts = part,
                                          .n_parts = 1,
                                          .content = ctx,
                                          .content_len = n};
    }
    out->n_messages = k;
    return EW_OK;
}

/* The context is back: scan it again with the rest and send it, or stay local. */
static void prefix_send(split_run *s)
{
    ew__exec *x = s->x;
    ew_request cloud;
    ew_error err;
    ew_error_clear(&err);
    int st = build_cloud_request(s, ew__exec_request(x), &cloud);
    if (!st)
        st = ew__split_sanitize(&s->opts, s->vault, &cloud, ew__exec_arena(x), &s->clean, &s->stats,
                                &err);
    if (st) {
        s->ss->rescan_fallbacks++;
        stay_local(s, err.message[0] ? err.message : ew_strerror(st));
        return;
    }
    ew_api_error e;
    st = apply_clean(s, EW__SPLIT_RAN_LOCAL_PREFIX, &e);
    if (!st) st = ew__cloud_start(x, s->t.backend, &e);
    if (st) ew__exec_fail(x, st, &e, true);
}

static void condense_cancel(void *arg)
{
    split_run *s = arg;
    ew__runner_cancel(s->job); /* on_end follows with CANCELLED */
}

static void condense_text(void *user, const char *text, size_t len)
{
    split_run *s = user;
    if (s->condense_overflow) return;
    if (ew_buf_append(&s->condensed, text, len)) {
        s->condense_overflow = true;
        ew__runner_cancel(s->job);
    }
}

static void condense_end(void *user, int status, const char *message, const ew__runner_result *res)
{
    split_run *s = user;
    (void)res;
    ew__engine_release(s->gw->engines, s->m);
    ew__exec_set_cancel(s->x, NULL, NULL);
    if (ew__exec_aborted(s->x)) {
        ew__exec_fail(s->x, EW_ERR_CANCELLED, NULL, false);
        return;
    }
    if (status == EW_ERR_CANCELLED && s->condense_overflow) status = EW_OK; /* keep what fits */
    if (status) {
        stay_local(s, message && message[0] ? message : ew_strerror(status));
        return;
    }
    prefix_send(s);
}

static const ew__runner_events condense_events = {NULL, condense_text, condense_end};

static int local_prefix(split_run *s, ew_api_error *e)
{
    ew__exec *x = s->x;
    const ew_request *req = ew__exec_request(x);
    ew_arena *a = ew__exec_arena(x);
    s->local = ew_arena_calloc(a, (size_t)req->n_messages, sizeof *s->local);
    if (!s->local) return cannot_split(s, EW_ERR_NOMEM, "out of memory", e);
    if (!mark_local(s, req)) return pseudonymize(s, e); /* nothing to keep home */
    /* From here the marked messages may never leave raw, whatever happens. */
    ew__exec_keep_on_device(x);
    s->m = ew__engines_model(s->gw->engines, s->t.model);
    int marked = ew__split_first_marked(req);
    if (!s->m && marked >= 0) return marked_unservable(x, marked, e);
    if (!s->m || !s->m->runner) {
        ew__exec_add_header(x, "x-edgeway-split", "local");
        return ew__local_start(x, s->t.model, NULL, e); /* no embedded model to condense with */
    }
    const char *text;
    size_t len;
    int st = transcript(s, req, &text, &len);
    if (st) return cannot_split(s, st, "the prefix is empty", e);
    const char *instr = s->cfg->routing->split.instruction;
    if (!instr) instr = default_instruction;
    s->condense_msgs[0] =
        (ew_message){.role = EW_ROLE_SYSTEM, .content = instr, .content_len = strlen(instr)};
    s->condense_msgs[1] = (ew_message){.role = EW_ROLE_USER, .content = text, .content_len = len};
    s->condense_req = (ew_request){.is_chat = true,
                                   .messages = s->condense_msgs,
                                   .n_messages = 2,
                                   .max_tokens = s->cfg->routing->split.max_context_tokens,
                                   .temperature = 0,
                                   .top_p = NAN};
    ew__gen_input in = {.req = &s->condense_req,
                        .max_tokens = s->condense_req.max_tokens,
                        .temperature = 0,
                        .top_p = NAN};
    st = ew__runner_submit_gen(s->m->runner, &in, &condense_events, s, &s->job);
    if (st) {
        if (st == EW_ERR_BUSY) ew__exec_add_header(x, "Retry-After", "1");
        ew_api_error_set(e, st == EW_ERR_BUSY ? 429 : 500,
                         st == EW_ERR_BUSY ? "rate_limit_error" : "server_error",
                         st == EW_ERR_BUSY ? "local_queue_full" : "internal_error", NULL,
                         "The local model cannot condense the private part now (%s).",
                         ew_strerror(st));
        return st;
    }
    ew__engine_hold(s->m);
    ew__exec_set_backend(x, s->m->name);
    ew__exec_set_cancel(x, condense_cancel, s);
    return EW_OK;
}

/* ---- the route --------------------------------------------------------------------------- */

static int64_t now_ms(void)
{
    return (int64_t)(ew__http_now_ns() / 1000000);
}

/* The run's state, its scanner and its conversation's vault. */
static split_run *run_new(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    ew__gateway *gw = ew__exec_gw(x);
    if (!gw->split && !(gw->split = ew__split_state_new())) {
        set_error(e, EW_ERR_NOMEM, "");
        return NULL;
    }
    split_run *s = ew_arena_calloc(ew__exec_arena(x), 1, sizeof *s);
    if (!s || ew__exec_on_finish(x, run_end, s)) {
        set_error(e, EW_ERR_NOMEM, "");
        return NULL;
    }
    s->x = x;
    s->gw = gw;
    s->ss = gw->split;
    s->t = *t;
    ew_buf_init(&s->tool_json, TOOL_JSON_MAX);
    ew_buf_init(&s->condensed, CONDENSED_MAX);
    s->opts.scanner = ew__router_scanner_hold(gw->router, &s->cfg, &s->scanner_hold);
    ew__split_opts_from_config(s->cfg, &s->opts);
    ew__exec_info who;
    ew__exec_describe(x, &who);
    size_t clen = 0;
    const char *conv = ew__exec_header(x, "x-edgeway-conversation", &clen);
    uint8_t key[EW__SPLIT_KEY_LEN];
    ew__split_conversation_key(who.tenant, who.key, conv, clen, ew__exec_request(x), key);
    const ew_split_cfg *sc = &s->cfg->routing->split;
    ew__vault_store_limits lim = {sc->max_conversations, sc->conversation_ttl_ms,
                                  (size_t)sc->vault_max_bytes};
    s->vault = ew__vault_store_get(s->ss->store, &lim, key, now_ms());
    return s;
}

/* A run that can sanitize: its scanner and vault are there, and the arena
 * may take the sanitized copies. */
static int run_ready(ew__exec *x, const ew_route_target *t, split_run **out, ew_api_error *e)
{
    split_run *s = *out = run_new(x, t, e);
    if (!s) {
        ew__exec_keep_on_device(x);
        return EW_ERR_NOMEM;
    }
    if (!s->opts.scanner) return cannot_split(s, EW_ERR_UNAVAILABLE, "PII detection is off", e);
    if (!s->vault)
        return cannot_split(s, EW_ERR_BUSY,
                            "no conversation vault is free (split.max_conversations)", e);
    /* The sanitized copies may be as large again as the request, and more. */
    const ew_request *req = ew__exec_request(x);
    size_t body = req->prompt_len + req->tools_json_len;
    for (int i = 0; i < req->n_messages; i++)
        body += req->messages[i].content_len + req->messages[i].tool_calls_json_len;
    ew__exec_arena(x)->max += 4 * body + (1u << 20);
    return EW_OK;
}

int ew__split_pseudonymize(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    split_run *s;
    int st = run_ready(x, t, &s, e);
    return st ? st : pseudonymize_only(s, e);
}

int ew__split_first_marked(const ew_request *req)
{
    for (int i = 0; req->is_chat && i < req->n_messages; i++)
        if (req->messages[i].keep_local) return i;
    return -1;
}

/* A marked request that cannot be sanitized (no PII detection, no vault)
 * is answered on the device, which keeps the client's mark. */
static int marked_stays_home(ew__exec *x, const ew_route_target *t, int marked, ew_api_error *e)
{
    ew__engine *m = ew__engines_model(ew__exec_gw(x)->engines, t->model);
    if (!m) return marked_unservable(x, marked, e);
    ew__exec_add_header(x, "x-edgeway-split", "local");
    return ew__local_start(x, t->model, NULL, e);
}

static int start(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    int marked = ew__split_first_marked(ew__exec_request(x));
    split_run *s;
    int st = run_ready(x, t, &s, e);
    if (st && st != EW_ERR_NOMEM && marked >= 0) return marked_stays_home(x, t, marked, e);
    if (st) return st;
    /* A client's keep-local marks need local-prefix, whatever the policy's mode. */
    if (marked >= 0 || (ew__exec_request(x)->is_chat && t->split_mode == EW_SPLIT_LOCAL_PREFIX))
        return local_prefix(s, e);
    return pseudonymize(s, e);
}

int ew__split_keep_marked(ew__exec *x, const ew_route_target *t, ew_api_error *e)
{
    ew_route_target lp = *t;
    lp.route = EW_ROUTE_SPLIT;
    lp.split_mode = EW_SPLIT_LOCAL_PREFIX;
    return start(x, &lp, e);
}

const ew__route_ops ew__route_split = {EW_ROUTE_SPLIT, start};
