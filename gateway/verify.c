/* The cloud side of speculative decoding: models, the session table and the
 * HTTP endpoints. See verify.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "gateway/verify_priv.h"

#define INFO_JSON_MAX  (256u << 10)
#define REPLY_JSON_MAX (64u << 10)

typedef enum verify_state { VERIFY_LOADING = 0, VERIFY_READY, VERIFY_FAILED } verify_state;

struct ew__verify {
    struct event_base *base;
    ew_verify_cfg cfg;
    verify_state state;
    ew__spec_job load_job;
    int load_status;
    ew_error load_err;
    vmodel *models; /* (n_models) */
    int n_models;
    ew__spec_worker *worker;
    struct event *sweep;
    vsession **buckets; /* (n_buckets) hash chains by id */
    int n_buckets;
    vsession *lru_head, *lru_tail;
    int n_sessions;
    size_t memory;
    ew_buf info_json;
    ew__verify_stats stats;
};

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void reply_error(ew__http_req *r, int status, const char *type, const char *code,
                        const char *message)
{
    ew_api_error e;
    ew_api_error_set(&e, status, type, code, NULL, "%s", message);
    ew__http_respond_error(r, &e);
}

/* ---- the session table ------------------------------------------------------------ */

static uint32_t hash_id(const char *id)
{
    uint32_t h = 2166136261u;
    for (; *id; id++)
        h = (h ^ (unsigned char)*id) * 16777619u;
    return h;
}

static vsession *find(ew__verify *v, const char *id)
{
    for (vsession *s = v->buckets[hash_id(id) % (uint32_t)v->n_buckets]; s; s = s->hash_next)
        if (!strcmp(s->id, id)) return s;
    return NULL;
}

static void lru_unlink(ew__verify *v, vsession *s)
{
    if (s->lru_prev)
        s->lru_prev->lru_next = s->lru_next;
    else
        v->lru_head = s->lru_next;
    if (s->lru_next)
        s->lru_next->lru_prev = s->lru_prev;
    else
        v->lru_tail = s->lru_prev;
    s->lru_prev = s->lru_next = NULL;
}

static void lru_front(ew__verify *v, vsession *s)
{
    s->lru_next = v->lru_head;
    s->lru_prev = NULL;
    if (v->lru_head) v->lru_head->lru_prev = s;
    v->lru_head = s;
    if (!v->lru_tail) v->lru_tail = s;
}

static void touch(ew__verify *v, vsession *s)
{
    s->last_used_ms = now_ms();
    lru_unlink(v, s);
    lru_front(v, s);
}

static void session_free(vsession *s)
{
    ew_session_free(s->s);
    ew_sampler_free(s->smp);
    free(s->tokens);
    free(s->p_ids);
    free(s->p_probs);
    free(s->dense);
    free(s);
}

/* Removes an idle session from the table and frees it. */
static void drop(ew__verify *v, vsession *s, const char *why)
{
    vsession **pp = &v->buckets[hash_id(s->id) % (uint32_t)v->n_buckets];
    while (*pp != s)
        pp = &(*pp)->hash_next;
    *pp = s->hash_next;
    lru_unlink(v, s);
    v->n_sessions--;
    v->memory -= s->bytes;
    ew__debug(NULL, "verify: session %.8s… of %s %s", s->id, s->vm->name, why);
    session_free(s);
}

/* Evicts least recently used idle sessions until one more session of
 * `need` bytes fits. False when busy sessions alone fill the caps. */
static bool make_room(ew__verify *v, size_t need)
{
    vsession *s = v->lru_tail;
    while (v->n_sessions >= v->cfg.max_sessions ||
           (int64_t)(v->memory + need) > v->cfg.max_memory) {
        while (s && s->busy)
            s = s->lru_prev;
        if (!s) return false;
        vsession *prev = s->lru_prev;
        drop(v, s, "evicted for room");
        v->stats.evicted++;
        s = prev;
    }
    return true;
}

static int new_id(char out[VERIFY_ID_LEN + 1])
{
    unsigned char raw[VERIFY_ID_LEN / 2];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) return EW_ERR_IO;
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(out + 2 * i, 3, "%02x", raw[i]);
    return EW_OK;
}

/* A new session of model vm; NULL with e set when it cannot be made. */
static vsession *open_session(ew__verify *v, vmodel *vm, const vround *r, ew_api_error *e)
{
    if (!make_room(v, vm->session_bytes)) {
        ew_api_error_set(e, 429, "rate_limit_error", "verify_busy", NULL,
                         "Every verification session is busy; try again shortly.");
        return NULL;
    }
    vsession *s = calloc(1, sizeof *s);
    ew_error err;
    if (!s || new_id(s->id) || !(s->tokens = malloc((size_t)vm->sp.n_ctx * sizeof *s->tokens)) ||
        ew_session_new(vm->m, &vm->sp, &s->s, &err)) {
        if (s) session_free(s);
        ew_api_error_set(e, 503, "server_error", "verify_unavailable", NULL,
                         "Cannot open a verification session now.");
        return NULL;
    }
    s->vm = vm;
    s->bytes = ew_session_memory(s->s, NULL) + (size_t)vm->sp.n_ctx * sizeof *s->tokens;
    vm->session_bytes = s->bytes;
    uint64_t seed = r->seed;
    if (!r->has_seed && getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed) seed = now_ms();
    ew_spec_rng_seed(&s->rng, seed);
    if (!make_room(v, s->bytes)) { /* the first of a model was not known in advance */
        session_free(s);
        ew_api_error_set(e, 429, "rate_limit_error", "verify_busy", NULL,
                         "Verification sessions use all the memory allowed; try again shortly.");
        return NULL;
    }
    uint32_t b = hash_id(s->id) % (uint32_t)v->n_buckets;
    s->hash_next = v->buckets[b];
    v->buckets[b] = s;
    lru_front(v, s);
    v->n_sessions++;
    v->memory += s->bytes;
    return s;
}

static void on_sweep(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    ew__verify *v = arg;
    uint64_t now = now_ms();
    vsession *s = v->lru_tail;
    while (s && now - s->last_used_ms >= (uint64_t)v->cfg.idle_timeout_ms) {
        vsession *prev = s->lru_prev;
        if (!s->busy) {
            drop(v, s, "idle");
            v->stats.evicted++;
        }
        s = prev;
    }
}

/* ---- endpoints ---------------------------------------------------------------------- */

/* False (after answering 503) until the models are loaded. */
static bool ready(ew__verify *v, ew__http_req *r)
{
    if (v->state == VERIFY_READY) return true;
    if (v->state == VERIFY_LOADING) ew__http_add_header(r, "Retry-After", "1");
    reply_error(r, 503, "server_error",
                v->state == VERIFY_LOADING ? "verify_loading" : "verify_unavailable",
                v->state == VERIFY_LOADING ? "The verification models are still loading."
                                           : "The verification models could not be loaded.");
    return false;
}

void ew__verify_info(ew__verify *v, ew__http_req *r)
{
    if (ready(v, r))
        ew__http_respond(r, 200, "application/json", v->info_json.data, v->info_json.len);
}

static vmodel *find_model(ew__verify *v, const char *name)
{
    for (int i = 0; i < v->n_models; i++)
        if (!strcmp(v->models[i].name, name)) return &v->models[i];
    return NULL;
}

static void round_free(vround *rd)
{
    free(rd->new_tokens);
    free(rd);
}

static void reply(vround *rd)
{
    vsession *s = rd->sess;
    ew_buf *b = ew__http_req_scratch(rd->req);
    ew_jw w;
    ew_jw_init(&w, b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "session");
    ew_jw_string(&w, s->id);
    ew_jw_key(&w, "accepted");
    ew_jw_int(&w, rd->verdict.accepted);
    ew_jw_key(&w, "next_token");
    ew_jw_int(&w, rd->verdict.next_token);
    ew_jw_key(&w, "n_past");
    ew_jw_int(&w, s->n_tokens);
    if (rd->want_logprobs) {
        ew_jw_key(&w, "logprobs");
        ew_jw_array_begin(&w);
        for (int i = 0; i <= rd->verdict.accepted; i++)
            ew_jw_double(&w, rd->logprobs[i]);
        ew_jw_array_end(&w);
    }
    ew_jw_key(&w, "passes");
    ew_jw_int(&w, rd->passes);
    ew_jw_key(&w, "evaluated");
    ew_jw_int(&w, rd->evaluated);
    ew_jw_key(&w, "eval_ms");
    ew_jw_double(&w, rd->eval_ms);
    ew_jw_key(&w, "target_passes");
    ew_jw_uint(&w, s->passes);
    ew_jw_key(&w, "rounds");
    ew_jw_uint(&w, s->rounds);
    ew_jw_object_end(&w);
    if (w.status)
        reply_error(rd->req, 500, "server_error", "internal_error", "cannot format");
    else
        ew__http_respond(rd->req, 200, "application/json", b->data, b->len);
}

static void round_done(void *arg, int status)
{
    vround *rd = arg;
    ew__verify *v = rd->v;
    vsession *s = rd->sess;
    s->busy = false;
    if (status == EW_ERR_CANCELLED) {
        reply_error(rd->req, 503, "server_error", "shutting_down", "The server is shutting down.");
        round_free(rd);
        return;
    }
    touch(v, s);
    if (rd->status) {
        /* the cache may not match the tokens any more: start over */
        ew__warn(rd->req->id, "verify: round failed: %s", rd->message);
        reply_error(rd->req, 500, "server_error", "verify_failed", rd->message);
        drop(v, s, "failed");
        round_free(rd);
        return;
    }
    /* commit: the accepted draft is already in place after the tokens */
    s->n_tokens += rd->verdict.accepted;
    s->tokens[s->n_tokens++] = rd->verdict.next_token;
    s->passes += (uint64_t)rd->passes;
    s->rounds++;
    v->stats.rounds++;
    v->stats.passes += (uint64_t)rd->passes;
    v->stats.drafted += (uint64_t)rd->n_draft;
    v->stats.accepted += (uint64_t)rd->verdict.accepted;
    reply(rd);
    round_free(rd);
}

/* Finds (or, for n_past 0, opens) the round's session; NULL with e set. */
static vsession *session_for(ew__verify *v, vmodel *vm, const char *id, int64_t n_past,
                             const vround *rd, ew_api_error *e)
{
    vsession *s = id[0] ? find(v, id) : NULL;
    if (s && s->busy) {
        ew_api_error_set(e, 409, "invalid_request_error", "session_busy", "session",
                         "The session is already verifying a round.");
        return NULL;
    }
    if (n_past == 0) {
        if (s && s->vm == vm) { /* start over in the same session */
            s->n_tokens = s->n_kv = 0;
            if (rd->has_seed) ew_spec_rng_seed(&s->rng, rd->seed);
            return s;
        }
        if (s) drop(v, s, "reopened for another model");
        return open_session(v, vm, rd, e);
    }
    if (!s || s->vm != vm || s->n_tokens != n_past) {
        v->stats.unknown++;
        ew_api_error_set(e, 409, "invalid_request_error", "session_unknown", "session",
                         "The verification session is unknown, expired or out of step; send the "
                         "whole prefix again with n_past 0.");
        return NULL;
    }
    return s;
}

static int check_room(const vsession *s, const vround *rd, ew_api_error *e)
{
    int64_t need = (int64_t)s->n_tokens + rd->n_new + rd->n_draft;
    if (s->n_tokens + rd->n_new < 1) {
        ew_api_error_set(e, 400, "invalid_request_error", "invalid_value", "tokens",
                         "A round needs at least one token of context.");
        return EW_ERR_INVALID;
    }
    if (need >= s->vm->sp.n_ctx) {
        ew_api_error_set(e, 400, "invalid_request_error", "context_length_exceeded", "tokens",
                         "The session holds %d positions; this round needs %lld.", s->vm->sp.n_ctx,
                         (long long)need + 1);
        return EW_ERR_TOO_LARGE;
    }
    return EW_OK;
}

void ew__verify_round(ew__verify *v, ew__http_req *r)
{
    if (!ready(v, r)) return;
    vround *rd = calloc(1, sizeof *rd);
    if (!rd) {
        reply_error(r, 500, "server_error", "internal_error", "out of memory");
        return;
    }
    rd->v = v;
    rd->req = r;
    char model[128], id[VERIFY_ID_LEN + 1];
    int64_t n_past;
    ew_api_error e;
    vmodel *vm = NULL;
    vsession *s = NULL;
    int st = ew__verify_parse(r->body, r->body_len, v->cfg.max_draft, rd, model, sizeof model, id,
                              sizeof id, &n_past, &e);
    if (!st && !(vm = find_model(v, model))) {
        ew_api_error_set(&e, 404, "invalid_request_error", "model_not_found", "model",
                         "The model '%s' is not served for verification here", model);
        st = EW_ERR_NOT_FOUND;
    }
    if (!st) st = ew__verify_check_vocab(rd, vm->info.n_vocab, &e);
    if (!st && !(s = session_for(v, vm, id, n_past, rd, &e))) st = EW_ERR_STATE;
    if (!st) st = check_room(s, rd, &e);
    if (st) {
        ew__http_respond_error(r, &e);
        round_free(rd);
        return;
    }
    r->log_model = vm->name;
    memcpy(s->tokens + s->n_tokens, rd->new_tokens, (size_t)rd->n_new * sizeof(int32_t));
    s->n_tokens += rd->n_new;
    memcpy(s->tokens + s->n_tokens, rd->draft, (size_t)rd->n_draft * sizeof(int32_t));
    rd->sess = s;
    s->busy = true;
    touch(v, s);
    if (ew__spec_worker_submit(v->worker, &rd->job, ew__verify_work, round_done, rd)) {
        s->busy = false;
        s->n_tokens -= rd->n_new; /* nothing happened */
        ew__http_add_header(r, "Retry-After", "1");
        reply_error(r, 429, "rate_limit_error", "verify_busy",
                    "Too many verification rounds are waiting; try again shortly.");
        round_free(rd);
    }
}

void ew__verify_delete(ew__verify *v, ew__http_req *r)
{
    if (!ready(v, r)) return;
    static const char prefix[] = "/v1/edgeway/sessions/";
    char id[VERIFY_ID_LEN + 1];
    size_t n = r->head.path_len - (sizeof prefix - 1);
    vsession *s = NULL;
    if (n < sizeof id) {
        memcpy(id, r->head.path + sizeof prefix - 1, n);
        id[n] = '\0';
        s = find(v, id);
    }
    if (!s) {
        reply_error(r, 404, "invalid_request_error", "session_unknown",
                    "No such verification session.");
        return;
    }
    if (s->busy) {
        reply_error(r, 409, "invalid_request_error", "session_busy",
                    "The session is verifying a round.");
        return;
    }
    drop(v, s, "closed by the client");
    ew__http_respond(r, 204, NULL, NULL, 0);
}

void ew__verify_stats_get(const ew__verify *v, ew__verify_stats *out)
{
    *out = v->stats;
    out->sessions = v->n_sessions;
    out->memory = v->memory;
    out->pending = ew__spec_worker_pending(v->worker);
}

/* ---- lifetime ------------------------------------------------------------------------ */

static void build_info(ew__verify *v)
{
    ew_jw w;
    ew_jw_init(&w, &v->info_json);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "object");
    ew_jw_string(&w, "edgeway.info");
    ew_jw_key(&w, "version");
    ew_jw_string(&w, ew_version());
    ew_jw_key(&w, "verify");
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "max_draft");
    ew_jw_int(&w, v->cfg.max_draft);
    ew_jw_key(&w, "max_draft_probs");
    ew_jw_int(&w, EW_SPEC_MAX_Q);
    ew_jw_object_end(&w);
    ew_jw_key(&w, "models");
    ew_jw_array_begin(&w);
    for (int i = 0; i < v->n_models; i++) {
        const vmodel *vm = &v->models[i];
        ew_jw_object_begin(&w);
        ew_jw_key(&w, "id");
        ew_jw_string(&w, vm->name);
        ew_jw_key(&w, "arch");
        ew_jw_string(&w, vm->info.arch);
        ew_jw_key(&w, "n_vocab");
        ew_jw_int(&w, vm->info.n_vocab);
        ew_jw_key(&w, "n_layer");
        ew_jw_int(&w, vm->info.n_layer);
        ew_jw_key(&w, "n_ctx");
        ew_jw_int(&w, vm->sp.n_ctx);
        ew_jw_key(&w, "bos_id");
        ew_jw_int(&w, vm->info.bos_id);
        ew_jw_key(&w, "eos_id");
        ew_jw_int(&w, vm->info.eos_id);
        ew_jw_key(&w, "tokenizer_fingerprint");
        ew_jw_string(&w, vm->info.tokenizer_fingerprint);
        ew_jw_object_end(&w);
    }
    ew_jw_array_end(&w);
    ew_jw_object_end(&w);
}

/* Copies what loading needs from the config, which may be reloaded (and
 * freed) while the models load. */
static int plan_models(ew__verify *v, const ew_config *cfg)
{
    v->models = calloc((size_t)cfg->n_models, sizeof *v->models);
    if (!v->models) return EW_ERR_NOMEM;
    for (int i = 0; i < cfg->n_models; i++) {
        const ew_model_cfg *mc = &cfg->models[i];
        if (!mc->path) continue; /* a model served over HTTP (models[].url) has no weights here */
        vmodel *vm = &v->models[v->n_models++];
        vm->name = strdup(mc->name);
        vm->path = strdup(mc->path);
        vm->sha256 = mc->sha256 ? strdup(mc->sha256) : NULL;
        vm->ctx = mc->ctx;
        vm->threads = mc->threads;
        vm->kv_f32 = mc->kv_f32;
        if (!vm->name || !vm->path || (mc->sha256 && !vm->sha256)) return EW_ERR_NOMEM;
    }
    return EW_OK;
}

/* On a worker: opens every model (hashing a big file takes seconds). */
static void load_work(void *arg)
{
    ew__verify *v = arg;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    ew_error_clear(&v->load_err);
    for (int i = 0; i < v->n_models; i++) {
        vmodel *vm = &v->models[i];
        v->load_status = ew_model_open(vm->path, vm->sha256, &vm->m, &v->load_err);
        if (v->load_status) return;
        ew_model_get_info(vm->m, &vm->info);
        ew_session_params_init(&vm->sp);
        int ctx = v->cfg.ctx ? v->cfg.ctx : vm->ctx;
        vm->sp.n_ctx = ctx ? ctx : vm->info.n_ctx_train < 4096 ? vm->info.n_ctx_train : 4096;
        vm->sp.n_batch = vm->sp.n_ctx < 512 ? vm->sp.n_ctx : 512;
        vm->sp.n_logits = v->cfg.max_draft + 1;
        int threads = v->cfg.threads ? v->cfg.threads : vm->threads;
        vm->sp.n_threads = threads ? threads : (int)(cores > 0 ? cores : 1);
        vm->sp.kv_type = vm->kv_f32 ? EW_KV_F32 : EW_KV_F16;
    }
}

static void load_done(void *arg, int status)
{
    ew__verify *v = arg;
    if (status == EW_ERR_CANCELLED) return;
    if (v->load_status) {
        v->state = VERIFY_FAILED;
        ew__error(NULL, "verify: cannot load the models: %s; verification is off",
                  v->load_err.message);
        return;
    }
    build_info(v);
    v->state = VERIFY_READY;
    ew__info(NULL, "verify: %d model(s) ready, up to %d sessions, %d-token drafts", v->n_models,
             v->cfg.max_sessions, v->cfg.max_draft);
}

int ew__verify_new(struct event_base *base, const ew_config *cfg, ew__verify **out, ew_error *err)
{
    *out = NULL;
    int embedded = 0;
    for (int i = 0; i < cfg->n_models; i++) embedded += cfg->models[i].path != NULL;
    if (!cfg->verify.enabled || embedded == 0)
        return ew__error_set(err, EW_ERR_NOT_FOUND, "verification is off or there is no model");
    ew__verify *v = calloc(1, sizeof *v);
    if (!v) return ew__error_set(err, EW_ERR_NOMEM, "verify: out of memory");
    v->base = base;
    v->cfg = cfg->verify;
    ew_buf_init(&v->info_json, INFO_JSON_MAX);
    v->n_buckets = v->cfg.max_sessions < 16 ? 16 : v->cfg.max_sessions;
    v->buckets = calloc((size_t)v->n_buckets, sizeof *v->buckets);
    int st = v->buckets && !plan_models(v, cfg)
                 ? EW_OK
                 : ew__error_set(err, EW_ERR_NOMEM, "verify: out of memory");
    if (!st) st = ew__spec_worker_new(base, v->cfg.workers, v->cfg.queue, &v->worker, err);
    if (!st && ew__spec_worker_submit(v->worker, &v->load_job, load_work, load_done, v))
        st = ew__error_set(err, EW_ERR_BUSY, "verify: cannot queue the model load");
    if (!st) {
        int period = v->cfg.idle_timeout_ms / 4 < 100 ? 100 : v->cfg.idle_timeout_ms / 4;
        struct timeval tv = {period / 1000, (period % 1000) * 1000};
        v->sweep = event_new(base, -1, EV_PERSIST, on_sweep, v);
        if (!v->sweep || event_add(v->sweep, &tv))
            st = ew__error_set(err, EW_ERR_NOMEM, "verify: out of memory");
    }
    if (st) {
        ew__verify_free(v);
        return st;
    }
    *out = v;
    return EW_OK;
}

void ew__verify_free(ew__verify *v)
{
    if (!v) return;
    ew__spec_worker_free(v->worker); /* pending rounds are answered 503 */
    while (v->lru_head)
        drop(v, v->lru_head, "closed at shutdown");
    if (v->sweep) event_free(v->sweep);
    for (int i = 0; v->models && i < v->n_models; i++) {
        vmodel *vm = &v->models[i];
        ew_model_close(vm->m);
        free(vm->name);
        free(vm->path);
        free(vm->sha256);
    }
    free(v->models);
    free(v->buckets);
    ew_buf_cleanup(&v->info_json);
    free(v);
}
