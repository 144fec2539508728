/* The cloud client: see remote.h. The curl side follows curl's
 * docs/examples/multi-event.c: curl says which sockets to watch (socket
 * callback) and when to call it back (timer callback); libevent says when a
 * socket is ready. User callbacks run either inside curl's write callback
 * (stream deltas) or after curl_multi_socket_action returned (completions),
 * never while the multi handle is in a state that forbids changes, because
 * every change a callback asks for (cancel, start) is deferred when needed. */
#include <event2/event.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"
#include "core/json.h"
#include "core/log.h"
#include "remote/remote_priv.h"
#include "remote/sse.h"

#define EASY_POOL_MAX     64
#define ERR_BODY_MAX      16384
#define MSG_MAX           320
#define DEFAULT_RESP_MAX  (8u << 20)
#define DEFAULT_IDLE_CONN 64
/* Finished calls kept for reuse, at most; and the buffer capacity a kept
 * call may hold on to (one large answer must not pin its memory). */
#define SPARE_MAX  64
#define SPARE_KEEP 65536
/* The kernel's RTT estimate is read this often per backend, at most. */
#define RTT_SAMPLE_US 1000000u

struct ew__remote {
    struct event_base *base;
    CURLM *multi;
    struct event *curl_timer;
    ew_arena arena; /* the backends' strings */
    ew__backend *backends;
    int n_backends;
    ew__remote_opts opts;
    ew__remote_call *calls; /* every unfinished call */
    /* Idle easy handles; each keeps the options of the backend it last
     * served (pool_b; NULL once reset), so the next call to that backend
     * sets only its own few. */
    CURL *pool[EASY_POOL_MAX];
    const ew__backend *pool_b[EASY_POOL_MAX];
    int n_pool;
    ew__remote_call *spare; /* finished calls kept for reuse (linked by next) */
    struct watch *parked;   /* events of idle connections' sockets (curl_socket_cb) */
    int n_spare;
    uint64_t rng;
    int in_curl;         /* > 0 while curl_multi_socket_action runs */
    uint64_t action_seq; /* curl_multi_socket_action calls so far */
    ew__remote_stats stats;
    /* Attempts whose answer is due soon (ew__remote_answer_due), oldest
     * first: they join when they start, so the list is in deadline order. */
    ew__remote_call *due_head, *due_tail;
};

/* A failure of one attempt, and what it allows. */
typedef struct failure {
    int st;
    int http;
    int64_t retry_after_ms;
    bool retry;    /* worth another try on the same backend */
    bool fallback; /* worth trying the next backend */
    ew__outcome outcome;
    char msg[MSG_MAX];
} failure;

typedef enum call_phase { PHASE_WAIT = 0, PHASE_RUN } call_phase;

struct ew__remote_call {
    ew__remote *r;
    /* Kept when a finished call is recycled for the next one (call_recycle):
     * its events, buffers and arenas, so a call costs no allocation once
     * the client is warm. */
    struct event *timer;    /* PHASE_WAIT: backoff; PHASE_RUN: first-byte or idle timeout */
    struct event *deadline; /* the total timeout */
    struct event *ctl;      /* applies a pause asked for where curl cannot be touched */
    ew_buf tail;            /* what to send: the request body after its model (or a raw body) */
    ew_buf out;             /* the body curl sends; must live as long as the transfer */
    ew_buf resp;
    ew__sse sse;
    ew_arena scratch; /* strings of the delta being delivered */
    ew_arena names;   /* the call's own strings and its backend order */
    /* The stream's chunk prefix (ew__openai_parse_chunk), made at the first
     * chunk; what it keeps is checked byte for byte, so it needs no reset. */
    ew_json_pick_memo *chunk_memo;
    /* Everything from here on is zeroed for each call (CALL_STATE). */
    ew__remote_call *prev, *next;
    ew__remote_call *due_prev, *due_next; /* in r's due list while `due` */
    bool due;
    uint64_t expect_us; /* while due: its answer is not expected before this */
    ew__remote_callbacks cb;
    void *user;
    char rid[EW_BACKEND_NAME_MAX + 1];
    bool raw, raw_get, stream;
    const char *path;
    const char *req_model;
    const char *model_override;
    const char *body_model; /* the model `out` was written for */
    size_t rest_off;        /* where `out` goes on after {"model":"...", */
    bool no_fallback;
    /* Candidate backends, in the order they are tried. */
    int *order;
    int n_order, pos, tries_here, attempts;
    uint64_t t0_us, deadline_us;
    int total_ms;
    /* The current attempt. */
    call_phase phase;
    ew__backend *b;
    bool probe, acquired;
    CURL *easy;
    bool easy_clean; /* the transfer ended normally: its handle keeps its options */
    bool paused_once;
    /* Request headers: our own lines chained in front of the backend's
     * list, which curl only reads, so nothing is allocated per attempt. */
    struct curl_slist *hdrs;
    struct curl_slist hdr_rid, hdr_accept;
    char rid_line[EW_BACKEND_NAME_MAX + 20];
    const char *model;
    uint64_t t_attempt_us;
    uint64_t idle_armed_seq; /* r->action_seq when the idle timer was last armed */
    int http_status, http_version;
    int64_t whole_len; /* Content-Length of a whole 2xx answer; -1 if none */
    bool head_seen, is_sse, done_marker, finish_seen, err_body_full;
    failure fail; /* noted inside a curl callback or a timer */
    bool failed;
    char curl_err[CURL_ERROR_SIZE];
    /* Across attempts. */
    bool delivered;
    char role[16];
    char finish_reason[32];
    ew__usage usage;
    uint64_t ttfb_us;
    failure last;
    char last_backend[EW_BACKEND_NAME_MAX];
    bool want_paused, is_paused;
    bool cancelled;
    bool answered; /* on_done ran before curl ended the transfer */
    int cb_depth;  /* inside one of this call's callbacks */
};

#define CALL_STATE offsetof(ew__remote_call, prev)

static void on_ctl(evutil_socket_t fd, short kind, void *arg);
static void on_call_timer(evutil_socket_t fd, short kind, void *arg);
static void on_deadline(evutil_socket_t fd, short kind, void *arg);

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint64_t rnd(ew__remote *r)
{
    r->rng ^= r->rng << 13;
    r->rng ^= r->rng >> 7;
    r->rng ^= r->rng << 17;
    return r->rng;
}

static struct timeval ms_tv(int64_t ms)
{
    if (ms < 0) ms = 0;
    return (struct timeval){.tv_sec = (time_t)(ms / 1000),
                            .tv_usec = (suseconds_t)(ms % 1000) * 1000};
}

/* Formats a message and removes every backend's key from it. */
static void redact_all(const ew__remote *r, char *msg, size_t size)
{
    for (int i = 0; i < r->n_backends; i++)
        ew__redact(msg, size, r->backends[i].key);
}

static void call_log(ew__remote_call *c, ew_log_level lvl, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void call_log(ew__remote_call *c, ew_log_level lvl, const char *fmt, ...)
{
    if (!ew__log_enabled(lvl)) return;
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    redact_all(c->r, msg, sizeof msg);
    ew__log(lvl, c->rid[0] ? c->rid : NULL, "%s", msg);
}

static void set_failure(failure *f, int st, bool retry, bool fallback, ew__outcome o,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void set_failure(failure *f, int st, bool retry, bool fallback, ew__outcome o,
                        const char *fmt, ...)
{
    f->st = st;
    f->retry = retry;
    f->fallback = fallback;
    f->outcome = o;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
}

/* Notes a failure found inside a curl callback; the transfer is aborted and
 * the failure handled when curl reports it done. */
static void note_failure(ew__remote_call *c, int st, const char *what)
{
    if (c->failed) return;
    c->failed = true;
    set_failure(&c->fail, st, !c->delivered, !c->delivered, EW__OUTCOME_FAILURE, "%s: %s",
                c->b->name, what);
}

/* ---- the multi handle on the event loop --------------------------------------------- */

static void check_multi_info(ew__remote *r);

static void socket_action(ew__remote *r, curl_socket_t fd, int flags)
{
    int running = 0;
    r->in_curl++;
    r->action_seq++;
    curl_multi_socket_action(r->multi, fd, flags, &running);
    r->in_curl--;
    check_multi_info(r);
}

/* A socket curl asked us to watch. When curl stops watching the socket of
 * a connection that goes back to its cache (CURL_POLL_REMOVE), the event
 * stays registered, "parked", so the next transfer on that connection costs
 * no epoll_ctl ADD and DEL. That is safe because curl closes such a socket
 * only through curl_close_cb, which drops its parked event before the fd
 * can be reused; sockets that may be closed otherwise (connect attempts,
 * the resolver's pipe) are never parked: only a transfer's socket after its
 * response began is. A parked event that fires means the idle peer spoke
 * or closed: the event goes, and curl finds the connection dead when it
 * next checks it. */
typedef struct watch {
    ew__remote *r;
    struct event *ev;
    curl_socket_t fd;
    short kind; /* what ev is registered for */
    bool parked;
    struct watch *next; /* in r->parked */
} watch;

static void watch_free(watch *w)
{
    event_free(w->ev);
    free(w);
}

/* The parked watch of fd, taken off the list; NULL if there is none. */
static watch *unpark(ew__remote *r, curl_socket_t fd)
{
    for (watch **p = &r->parked; *p; p = &(*p)->next) {
        watch *w = *p;
        if (w->fd != fd) continue;
        *p = w->next;
        w->next = NULL;
        w->parked = false;
        return w;
    }
    return NULL;
}

static void watch_set(watch *w, short kind);

static void on_socket_event(evutil_socket_t fd, short kind, void *arg)
{
    watch *w = arg;
    if (w->parked) {
        watch_free(unpark(w->r, fd));
        return;
    }
    int flags =
        ((kind & EV_READ) ? CURL_CSELECT_IN : 0) | ((kind & EV_WRITE) ? CURL_CSELECT_OUT : 0);
    socket_action(w->r, fd, flags);
}

static void watch_set(watch *w, short kind)
{
    if (w->kind == kind) return;
    event_del(w->ev);
    event_assign(w->ev, w->r->base, w->fd, kind, on_socket_event, w);
    event_add(w->ev, NULL);
    w->kind = kind;
}

static watch *watch_new(ew__remote *r, curl_socket_t fd, short kind)
{
    watch *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    *w = (watch){.r = r, .fd = fd, .kind = kind};
    w->ev = event_new(r->base, fd, kind, on_socket_event, w);
    if (!w->ev || event_add(w->ev, NULL)) {
        if (w->ev) event_free(w->ev);
        free(w);
        return NULL;
    }
    return w;
}

/* True when fd is the socket of e's connection, which curl keeps open until
 * curl_close_cb (see struct watch). */
static bool can_park(CURL *e)
{
    ew__remote_call *c = NULL;
    return e && curl_easy_getinfo(e, CURLINFO_PRIVATE, &c) == CURLE_OK && c && c->head_seen;
}

/* CURLMOPT_SOCKETFUNCTION: watch fd for what curl wants. */
static int curl_socket_cb(CURL *e, curl_socket_t fd, int what, void *userp, void *socketp)
{
    ew__remote *r = userp;
    watch *w = socketp;
    if (what == CURL_POLL_REMOVE) {
        if (!w) return 0;
        if (!can_park(e)) {
            watch_free(w);
            return 0;
        }
        watch_set(w, EV_PERSIST | EV_READ);
        w->parked = true;
        w->next = r->parked;
        r->parked = w;
        return 0;
    }
    short kind = EV_PERSIST | ((what & CURL_POLL_IN) ? EV_READ : 0) |
                 ((what & CURL_POLL_OUT) ? EV_WRITE : 0);
    if (!w) {
        w = unpark(r, fd);
        if (!w && !(w = watch_new(r, fd, kind))) return -1;
        curl_multi_assign(r->multi, fd, w);
    }
    watch_set(w, kind);
    return 0;
}

/* CURLOPT_CLOSESOCKETFUNCTION: a parked event goes before its fd. */
static int curl_close_cb(void *clientp, curl_socket_t fd)
{
    watch *w = unpark(clientp, fd);
    if (w) watch_free(w);
    return close(fd);
}

static void on_curl_timer(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    socket_action(arg, CURL_SOCKET_TIMEOUT, 0);
}

/* CURLMOPT_TIMERFUNCTION: call curl back after timeout_ms (-1: never). */
static int curl_timer_cb(CURLM *m, long timeout_ms, void *userp)
{
    (void)m;
    ew__remote *r = userp;
    if (timeout_ms <= 0) {
        /* 0 = at once: in this pass of the loop, not after another epoll_wait. */
        evtimer_del(r->curl_timer);
        if (timeout_ms == 0) event_active(r->curl_timer, EV_TIMEOUT, 0);
    } else {
        struct timeval tv = ms_tv(timeout_ms);
        evtimer_add(r->curl_timer, &tv);
    }
    return 0;
}

/* An idle handle for backend b, preferring one still set up for it
 * (*ready), else a reset or new one. */
static CURL *easy_get(ew__remote *r, const ew__backend *b, bool *ready)
{
    *ready = false;
    if (!r->n_pool) return curl_easy_init();
    int top = r->n_pool - 1;
    for (int i = top; i >= 0; i--) {
        if (r->pool_b[i] != b) continue;
        CURL *e = r->pool[i];
        r->pool[i] = r->pool[top];
        r->pool_b[i] = r->pool_b[top];
        r->pool[top] = e;
        r->pool_b[top] = b;
        break;
    }
    CURL *e = r->pool[--r->n_pool];
    *ready = r->pool_b[r->n_pool] == b;
    if (!*ready && r->pool_b[r->n_pool]) curl_easy_reset(e);
    return e;
}

/* Pools e, keeping its options when they are b's (b NULL: reset them). The
 * options that point into the finished call are cleared either way. */
static void easy_put(ew__remote *r, CURL *e, const ew__backend *b)
{
    if (r->n_pool == EASY_POOL_MAX) {
        curl_easy_cleanup(e);
        return;
    }
    if (b) {
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, NULL);
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
        curl_easy_setopt(e, CURLOPT_PRIVATE, NULL);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, NULL);
    } else {
        curl_easy_reset(e);
    }
    r->pool[r->n_pool] = e;
    r->pool_b[r->n_pool++] = b;
}

/* ---- answers due soon (the serve loop's busy-poll) ------------------------------------ */

/* An answer is due this long after its attempt started, and a backend's
 * answer counts as fast when it came within that time. Twice the loop's
 * budget: an answer the loop slept for also carries the wake-up. */
static uint64_t due_window_us(const ew__remote *r)
{
    return 2u * (uint64_t)r->opts.busy_poll_us;
}

static void due_remove(ew__remote_call *c)
{
    ew__remote *r = c->r;
    if (!c->due) return;
    if (c->due_prev)
        c->due_prev->due_next = c->due_next;
    else
        r->due_head = c->due_next;
    if (c->due_next)
        c->due_next->due_prev = c->due_prev;
    else
        r->due_tail = c->due_prev;
    c->due_prev = c->due_next = NULL;
    c->due = false;
}

/* The attempt just started: due if its backend answered fast lately. */
static void due_add(ew__remote_call *c)
{
    ew__remote *r = c->r;
    if (r->opts.busy_poll_us <= 0 || __builtin_popcount(c->b->fast_answers) < 6) return;
    c->due = true;
    c->expect_us = c->t_attempt_us + c->b->quiet_us;
    c->due_prev = r->due_tail;
    if (r->due_tail)
        r->due_tail->due_next = c;
    else
        r->due_head = c;
    r->due_tail = c;
}

/* A fast answer's first byte came ttfb_us after its attempt began: the
 * backend's quiet time is 3/4 of the least of its last 8 such. One answer
 * sooner than that lowers it at once; it rises only when 8 in a row were
 * slower. */
static void note_fast_ttfb(ew__backend *b, uint64_t ttfb_us)
{
    b->fast_ttfb_us[b->fast_ttfb_at] = (uint32_t)ttfb_us;
    b->fast_ttfb_at = (uint8_t)((b->fast_ttfb_at + 1) % 8);
    if (b->n_fast_ttfb < 8) b->n_fast_ttfb++;
    uint32_t least = UINT32_MAX;
    for (int i = 0; i < b->n_fast_ttfb; i++)
        if (b->fast_ttfb_us[i] < least) least = b->fast_ttfb_us[i];
    b->quiet_us = b->n_fast_ttfb == 8 ? least / 4 * 3 : 0;
}

/* The first byte of the attempt's answer came at now. */
static void due_answered(ew__remote_call *c, uint64_t now)
{
    ew__remote *r = c->r;
    if (r->opts.busy_poll_us <= 0) return;
    bool fast = now - c->t_attempt_us <= due_window_us(r);
    c->b->fast_answers = (uint8_t)(c->b->fast_answers << 1 | fast);
    if (fast) note_fast_ttfb(c->b, now - c->t_attempt_us);
    if (c->due) r->stats.due_answers++;
    due_remove(c);
}

bool ew__remote_answer_due(ew__remote *r, uint64_t now_us, uint64_t *answers, uint64_t *expect_us)
{
    /* The oldest are the first to be overdue: they stop being due. */
    while (r->due_head && now_us >= r->due_head->t_attempt_us + due_window_us(r))
        due_remove(r->due_head);
    *answers = r->stats.due_answers;
    *expect_us = UINT64_MAX;
    for (const ew__remote_call *c = r->due_head; c; c = c->due_next)
        if (c->expect_us < *expect_us) *expect_us = c->expect_us;
    return r->due_head != NULL;
}

/* ---- call lifetime -------------------------------------------------------------------- */

/* Removes the current transfer from curl (aborting it if running). */
static void detach(ew__remote_call *c)
{
    ew__remote *r = c->r;
    due_remove(c);
    if (c->easy) {
        long conns = 0;
        if (curl_easy_getinfo(c->easy, CURLINFO_NUM_CONNECTS, &conns) == CURLE_OK && conns > 0)
            r->stats.connections += (uint64_t)conns;
        curl_multi_remove_handle(r->multi, c->easy);
        easy_put(r, c->easy, c->easy_clean && !c->paused_once ? c->b : NULL);
        c->easy = NULL;
        r->stats.transfers--;
    }
    c->hdrs = NULL;
    if (c->timer) evtimer_del(c->timer);
}

/* now: the caller's clock reading (now_us), or 0 to read it here if needed. */
static void release_backend(ew__remote_call *c, ew__outcome o, uint64_t now)
{
    if (c->acquired) {
        ew__health_release(&c->b->health, (now ? now : now_us()) / 1000, c->probe, o);
        c->acquired = false;
    }
}

/* Frees a call's kept resources (the call itself too). */
static void call_free(ew__remote_call *c)
{
    if (c->timer) event_free(c->timer);
    if (c->deadline) event_free(c->deadline);
    if (c->ctl) event_free(c->ctl);
    ew_buf_cleanup(&c->tail);
    ew_buf_cleanup(&c->out);
    ew_buf_cleanup(&c->resp);
    ew__sse_cleanup(&c->sse);
    ew_arena_cleanup(&c->scratch);
    ew_arena_cleanup(&c->names);
    ew_json_pick_memo_free(c->chunk_memo);
    free(c);
}

static void buf_shrink(ew_buf *b)
{
    if (b->cap > SPARE_KEEP)
        ew_buf_cleanup(b);
    else
        ew_buf_reset(b);
}

/* Keeps a finished call for the next one, or frees it. Its events are
 * deleted first: a pending one would otherwise fire on the next call. */
static void call_recycle(ew__remote_call *c)
{
    ew__remote *r = c->r;
    if (r->n_spare >= SPARE_MAX) {
        call_free(c);
        return;
    }
    event_del(c->timer);
    event_del(c->deadline);
    event_del(c->ctl);
    buf_shrink(&c->tail);
    buf_shrink(&c->out);
    buf_shrink(&c->resp);
    ew__sse_reset(&c->sse);
    ew_arena_reset(&c->scratch);
    ew_arena_reset(&c->names);
    memset((char *)c + CALL_STATE, 0, sizeof *c - CALL_STATE);
    c->next = r->spare;
    r->spare = c;
    r->n_spare++;
}

/* A fresh call: a kept one, or a new one with its events and buffers. */
static ew__remote_call *call_get(ew__remote *r)
{
    ew__remote_call *c = r->spare;
    if (c) {
        r->spare = c->next;
        r->n_spare--;
        c->next = NULL;
        return c;
    }
    c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->r = r;
    ew_buf_init(&c->tail, r->opts.max_response_bytes * 2 + 1024); /* swaps with out */
    ew_buf_init(&c->out, r->opts.max_response_bytes * 2 + 1024);
    ew_buf_init(&c->resp, r->opts.max_response_bytes);
    ew__sse_init(&c->sse, r->opts.max_sse_line, r->opts.max_response_bytes);
    ew_arena_init(&c->scratch, 4096, r->opts.max_response_bytes * 2 + 65536);
    ew_arena_init(&c->names, 1024, 1u << 20);
    c->timer = evtimer_new(r->base, on_call_timer, c);
    c->deadline = evtimer_new(r->base, on_deadline, c);
    c->ctl = event_new(r->base, -1, 0, on_ctl, c);
    if (!c->timer || !c->deadline || !c->ctl) {
        call_free(c);
        return NULL;
    }
    return c;
}

static void destroy(ew__remote_call *c)
{
    ew__remote *r = c->r;
    detach(c);
    release_backend(c, EW__OUTCOME_NEUTRAL, 0);
    if (c->prev)
        c->prev->next = c->next;
    else
        r->calls = c->next;
    if (c->next) c->next->prev = c->prev;
    r->stats.calls--;
    call_recycle(c);
}

static void finish_error(ew__remote_call *c, const failure *f)
{
    char msg[MSG_MAX];
    snprintf(msg, sizeof msg, "%s", f->msg);
    redact_all(c->r, msg, sizeof msg);
    ew__remote_failure out = {
        .status = f->st,
        .http_status = f->http,
        .delivered = c->delivered,
        .retry_after_ms = f->retry_after_ms,
        .backend = c->last_backend[0] ? c->last_backend : NULL,
        .message = msg,
        .attempts = c->attempts,
    };
    call_log(c, EW_LOG_WARN, "remote: failed after %d attempt(s)%s: %s", c->attempts,
             c->delivered ? " mid-stream" : "", msg);
    c->cb_depth++;
    if (c->cb.on_error && !c->cancelled) c->cb.on_error(c->user, &out);
    destroy(c);
}

static void start_info(ew__remote_call *c)
{
    ew__remote_start_info info = {
        .backend = c->b->name,
        .model = c->model,
        .http_status = c->http_status,
        .http_version = c->http_version,
        .attempts = c->attempts,
        .ttfb_us = c->ttfb_us,
    };
    c->delivered = true;
    c->cb_depth++;
    if (c->cb.on_start) c->cb.on_start(c->user, &info);
    c->cb_depth--;
}

/* Hands the result to the user (on_done), unless the user cancelled first;
 * the caller destroys the call. */
static void report_done(ew__remote_call *c, uint64_t now)
{
    if (!c->delivered) start_info(c);
    if (c->cancelled) return;
    ew__remote_result res = {
        .backend = c->b->name,
        .model = c->model,
        .finish_reason = c->finish_reason[0] ? c->finish_reason : NULL,
        .usage = c->usage,
        .attempts = c->attempts,
        .ttfb_us = c->ttfb_us,
        .total_us = now - c->t0_us,
        .body = c->raw ? (c->resp.data ? c->resp.data : "") : NULL,
        .body_len = c->raw ? c->resp.len : 0,
    };
    call_log(c, EW_LOG_DEBUG, "remote: done via %s in %d attempt(s), %llu us", c->b->name,
             c->attempts, (unsigned long long)res.total_us);
    c->cb_depth++;
    if (c->cb.on_done) c->cb.on_done(c->user, &res);
}

static void finish_done(ew__remote_call *c, uint64_t now)
{
    report_done(c, now);
    destroy(c);
}

/* ---- delivering deltas ---------------------------------------------------------------- */

/* Hands one delta to the user. Empty deltas before the first real one (the
 * role-only opening chunk) are held back, so that nothing counts as delivered
 * (and fallback stays possible) until there is content. */
static void deliver(ew__remote_call *c, ew__openai_delta *d)
{
    if (d->usage.present) c->usage = d->usage;
    if (d->finish_reason) {
        ew__str_copy(c->finish_reason, sizeof c->finish_reason, d->finish_reason);
        c->finish_seen = true;
    }
    if (!d->has_choice) return;
    bool real = d->content_len > 0 || d->finish_reason || d->tool_calls;
    if (!c->delivered && !real) {
        if (d->role) ew__str_copy(c->role, sizeof c->role, d->role);
        return;
    }
    if (!c->delivered) {
        if (!d->role && c->role[0]) d->role = c->role;
        start_info(c);
        if (c->cancelled) return;
    }
    c->cb_depth++;
    if (c->cb.on_delta) c->cb.on_delta(c->user, d);
    c->cb_depth--;
}

static bool data_is(const ew__sse_event *ev, const char *s)
{
    return ev->data_len == strlen(s) && !memcmp(ev->data, s, ev->data_len);
}

static void answered(ew__remote_call *c, uint64_t now);

static int on_event(void *user, const ew__sse_event *ev)
{
    ew__remote_call *c = user;
    if (c->done_marker) return EW_OK;
    bool is_error = ev->type_len == 5 && !memcmp(ev->type, "error", 5);
    if (ev->type_len && !is_error && !(ev->type_len == 7 && !memcmp(ev->type, "message", 7)))
        return EW_OK; /* other named events (pings) carry no completion data */
    if (data_is(ev, "[DONE]")) {
        c->done_marker = true;
        answered(c, 0);
        return EW_OK;
    }
    ew_arena_reset(&c->scratch);
    ew__openai_delta d;
    ew_error err;
    if (!c->chunk_memo) c->chunk_memo = ew__openai_chunk_memo_new(); /* NULL: read it all */
    int st = ew__openai_parse_chunk(ev->data, ev->data_len, c->chunk_memo, &c->scratch, &d, &err);
    if (!st && is_error) st = ew__error_set(&err, EW_ERR_UPSTREAM, "upstream error event");
    if (st) {
        note_failure(c, st == EW_ERR_UPSTREAM ? st : EW_ERR_UPSTREAM, err.message);
        return st;
    }
    deliver(c, &d);
    return c->cancelled ? EW_ERR_CANCELLED : EW_OK;
}

/* ---- curl callbacks ------------------------------------------------------------------- */

/* The kernel's smoothed RTT of the connection. curl names the socket only
 * once a transfer is done (the connection then waits in its cache), so this
 * runs at the end of a successful transfer, once a second per backend at
 * most (the estimate moves slowly; a syscall per request is not worth it). */
static void sample_rtt(ew__remote_call *c, uint64_t now)
{
    if (c->b->rtt_sampled_us && now - c->b->rtt_sampled_us < RTT_SAMPLE_US) return;
    c->b->rtt_sampled_us = now;
    curl_socket_t fd = CURL_SOCKET_BAD;
    if (curl_easy_getinfo(c->easy, CURLINFO_ACTIVESOCKET, &fd) != CURLE_OK || fd == CURL_SOCKET_BAD)
        return;
    struct tcp_info ti;
    socklen_t len = sizeof ti;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 && ti.tcpi_rtt > 0)
        ew__health_sample_rtt(&c->b->health, ti.tcpi_rtt / 1000.0);
}

static bool status_ok(int s)
{
    return s >= 200 && s < 300;
}

/* The first body byte: status, content type, TTFB and RTT samples. Returns
 * its clock reading (0 for an error status). */
static uint64_t on_head(ew__remote_call *c)
{
    long code = 0;
    char *ct = NULL;
    curl_easy_getinfo(c->easy, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_getinfo(c->easy, CURLINFO_CONTENT_TYPE, &ct);
    c->http_status = (int)code;
    long ver = 0;
    curl_easy_getinfo(c->easy, CURLINFO_HTTP_VERSION, &ver);
    c->http_version = ver == CURL_HTTP_VERSION_1_0   ? 10
                      : ver == CURL_HTTP_VERSION_1_1 ? 11
                      : ver == CURL_HTTP_VERSION_2_0 ? 20
                      : ver == CURL_HTTP_VERSION_3   ? 30
                                                     : 0;
    c->is_sse = !c->raw && ct && !strncasecmp(ct, "text/event-stream", 17);
    c->head_seen = true;
    curl_off_t cl = -1;
    if (status_ok(c->http_status) && !c->is_sse && !c->raw &&
        curl_easy_getinfo(c->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl) == CURLE_OK)
        c->whole_len = (int64_t)cl;
    uint64_t now = now_us();
    due_answered(c, now);
    if (!status_ok(c->http_status)) return 0;
    c->ttfb_us = now - c->t_attempt_us;
    ew__health_sample_ttfb(&c->b->health, c->ttfb_us / 1000.0);
    return now;
}

static void arm_timer(ew__remote_call *c, int ms)
{
    struct timeval tv = ms_tv(ms);
    evtimer_add(c->timer, &tv);
}

static bool deliver_whole(ew__remote_call *c, failure *f);

/* The answer is complete: the user gets its end now, from inside curl's
 * write callback, rather than after curl has read the rest of the response
 * (a stream's chunked terminator may come in a later read, a later pass of
 * the loop) and wound the transfer down (~7k instructions more on the way
 * to the client). The call then counts as cancelled and answered: whatever
 * else the upstream sends is read and dropped, and curl's report of the end
 * only drops the call (attempt_end). */
static void answered(ew__remote_call *c, uint64_t now)
{
    if (c->cancelled) return;
    if (!now) now = now_us();
    release_backend(c, EW__OUTCOME_SUCCESS, now);
    report_done(c, now);
    c->cancelled = c->answered = true;
}

/* The last byte of a whole answer (by its Content-Length) is in. An answer
 * that does not parse is left to attempt_end, which parses it again and
 * retries as before. */
static void answer_early(ew__remote_call *c, uint64_t now)
{
    failure f;
    if (deliver_whole(c, &f)) answered(c, now);
}

static size_t on_write(char *ptr, size_t size, size_t nmemb, void *ud)
{
    ew__remote_call *c = ud;
    size_t n = size * nmemb;
    if (c->cancelled || c->failed) return c->answered ? n : 0;
    uint64_t now = c->head_seen ? 0 : on_head(c); /* the clock, if on_head read it */
    /* No idle timer for the last piece of a whole answer: the call ends here.
     * Curl hands over each chunk of a chunked response apart (a stream's
     * events, mostly): the pieces of one read arrive in one call of curl,
     * and the timer is armed once for them. */
    bool last =
        !c->is_sse && status_ok(c->http_status) && (int64_t)(c->resp.len + n) == c->whole_len;
    if (!last && c->idle_armed_seq != c->r->action_seq) {
        arm_timer(c, c->b->idle_ms);
        c->idle_armed_seq = c->r->action_seq;
    }
    if (!status_ok(c->http_status)) {
        /* An error body: keep enough for its message, then stop reading. */
        size_t room = ERR_BODY_MAX > c->resp.len ? ERR_BODY_MAX - c->resp.len : 0;
        ew_buf_append(&c->resp, ptr, n < room ? n : room);
        c->err_body_full = n >= room;
        return c->err_body_full ? 0 : n;
    }
    if (!c->is_sse) {
        if (ew_buf_append(&c->resp, ptr, n) == EW_OK) {
            if ((int64_t)c->resp.len == c->whole_len) answer_early(c, now);
            return n;
        }
        note_failure(c, EW_ERR_TOO_LARGE, "response body over the configured maximum");
        c->fail.retry = false;
        return 0;
    }
    ew_error err;
    int st = ew__sse_feed(&c->sse, ptr, n, on_event, c, &err);
    if (st && st != EW_ERR_CANCELLED)
        note_failure(c, st == EW_ERR_TOO_LARGE ? st : EW_ERR_UPSTREAM, err.message);
    return st ? 0 : n;
}

/* ---- attempts --------------------------------------------------------------------------- */

static void attempt_begin(ew__remote_call *c);

/* "Now" is an activation, which runs in this pass of the loop; a 0 ms
 * timer would cost the loop another round (another epoll_wait). */
static void schedule(ew__remote_call *c, int64_t delay_ms)
{
    c->phase = PHASE_WAIT;
    if (delay_ms > 0) {
        arm_timer(c, (int)delay_ms);
        return;
    }
    evtimer_del(c->timer);
    event_active(c->timer, EV_TIMEOUT, 0);
}

/* The body for backend b. It was written once, for the first backend's
 * model (write_body); only a backend that maps the model to another name
 * gets a new copy: {"model":"<mapped>", then the same rest. */
static int compose_body(ew__remote_call *c)
{
    if (c->raw) return EW_OK;
    c->model = c->model_override ? c->model_override : ew__backend_model(c->b, c->req_model);
    if (!c->model || !*c->model) return EW_ERR_INVALID;
    if (c->body_model && !strcmp(c->model, c->body_model)) return EW_OK;
    ew_buf_reset(&c->tail);
    int st = ew_buf_append_str(&c->tail, "{\"model\":\"");
    if (!st) st = ew_json_escape(&c->tail, c->model, strlen(c->model));
    if (!st) st = ew_buf_append(&c->tail, "\",", 2);
    size_t head = c->tail.len;
    if (!st) st = ew_buf_append(&c->tail, c->out.data + c->rest_off, c->out.len - c->rest_off);
    if (st) return st;
    ew_buf t = c->out;
    c->out = c->tail;
    c->tail = t;
    c->rest_off = head;
    c->body_model = c->model;
    return EW_OK;
}

static void build_headers(ew__remote_call *c)
{
    c->hdrs = c->b->headers;
    /* A whole answer needs no Accept line (the backend's list has a blank
     * one so that curl adds none either: curl formats every header byte
     * through its printf, ~100 instructions a byte). */
    if (!c->raw && c->stream) {
        /* curl_slist's data is not const, but curl only reads header lists. */
        c->hdr_accept.data = (char *)"Accept: text/event-stream";
        c->hdr_accept.next = c->hdrs;
        c->hdrs = &c->hdr_accept;
    }
    if (c->rid[0]) {
        size_t n = ew__str_copy(c->rid_line, sizeof c->rid_line, "x-request-id: ");
        ew__str_copy(c->rid_line + n, sizeof c->rid_line - n, c->rid);
        c->hdr_rid.data = c->rid_line;
        c->hdr_rid.next = c->hdrs;
        c->hdrs = &c->hdr_rid;
    }
}

static void set_tls(CURL *e, const ew__backend *b)
{
    /* Without TLS anywhere on the way, curl's default CA paths would only be
     * copied into (and compared for) every connection it looks up. */
    if (!strncmp(b->base_url, "http:", 5) && strncmp(b->proxy, "https:", 6)) {
        curl_easy_setopt(e, CURLOPT_CAINFO, NULL);
        curl_easy_setopt(e, CURLOPT_CAPATH, NULL);
        curl_easy_setopt(e, CURLOPT_PROXY_CAINFO, NULL);
        curl_easy_setopt(e, CURLOPT_PROXY_CAPATH, NULL);
    }
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
    if (b->ca_file) curl_easy_setopt(e, CURLOPT_CAINFO, b->ca_file);
    if (b->pinned_pubkey) curl_easy_setopt(e, CURLOPT_PINNEDPUBLICKEY, b->pinned_pubkey);
    if (b->client_cert) curl_easy_setopt(e, CURLOPT_SSLCERT, b->client_cert);
    if (b->client_key) curl_easy_setopt(e, CURLOPT_SSLKEY, b->client_key);
    curl_easy_setopt(e, CURLOPT_PROXY, b->proxy);
    curl_easy_setopt(e, CURLOPT_NOPROXY, b->no_proxy);
}

/* b's URL for path, parsed once and kept; NULL when it cannot be kept
 * (the string is then given to curl as it is). */
static CURLU *backend_url(ew__backend *b, const char *path, const char *url)
{
    for (int i = 0; i < EW__BACKEND_URLS; i++) {
        if (b->urls[i].url) {
            if (!strcmp(b->urls[i].path, path)) return b->urls[i].url;
            continue;
        }
        if (strlen(path) >= sizeof b->urls[i].path) return NULL;
        CURLU *u = curl_url();
        if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
            curl_url_cleanup(u);
            return NULL;
        }
        ew__str_copy(b->urls[i].path, sizeof b->urls[i].path, path);
        b->urls[i].url = u;
        return u;
    }
    return NULL;
}

/* What depends only on the backend: kept on a pooled handle. */
static void set_backend_options(ew__remote *r, CURL *e, const ew__backend *b)
{
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, curl_close_cb);
    curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, r);
    if (!b->agent_header) curl_easy_setopt(e, CURLOPT_USERAGENT, EW__USER_AGENT);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    /* Over TLS, wait for a connection being set up rather than open another:
     * if ALPN says h2, both streams share it. Plain http is HTTP/1.1 here. */
    if (!strncmp(b->base_url, "https:", 6)) curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)b->connect_ms);
    /* An address cannot move: its entry in curl's DNS cache needs no expiry,
     * and curl then skips pruning the cache after every transfer (~0.9k
     * instructions). A proxy's name is what curl resolves otherwise. */
    if (b->host_is_ip && !*b->proxy) curl_easy_setopt(e, CURLOPT_DNS_CACHE_TIMEOUT, -1L);
    set_tls(e, b);
}

/* What each call sets; `ready`: e already holds c->b's backend options. */
static void set_options(ew__remote_call *c, CURL *e, bool ready, const char *url,
                        int64_t remaining_ms)
{
    ew__backend *b = c->b;
    if (!ready) set_backend_options(c->r, e, b);
    CURLU *u = backend_url(b, c->path, url);
    /* A handle's CURLU would win over a URL string: clear it for one. */
    curl_easy_setopt(e, CURLOPT_CURLU, u);
    if (!u) curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_PRIVATE, c);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, c);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, c->curl_err);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->hdrs);
    /* A backstop only: our own timers enforce first-byte, idle and total. */
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(remaining_ms + 1000));
    if (c->raw_get) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, c->out.data ? c->out.data : "");
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)c->out.len);
    }
}

static void reset_attempt(ew__remote_call *c)
{
    c->http_status = c->http_version = 0;
    c->whole_len = -1;
    c->head_seen = c->is_sse = c->done_marker = c->finish_seen = c->err_body_full = false;
    c->failed = false;
    c->is_paused = false;
    c->easy_clean = c->paused_once = false;
    c->idle_armed_seq = 0;
    c->curl_err[0] = '\0';
    ew_buf_reset(&c->resp);
    ew__sse_reset(&c->sse);
}

/* Starts a transfer to c->b; returns non-zero if it could not. */
static int attempt_launch(ew__remote_call *c, int64_t remaining_ms, uint64_t now)
{
    ew__remote *r = c->r;
    reset_attempt(c);
    int st = compose_body(c);
    build_headers(c);
    char url[2048];
    size_t bl = strlen(c->b->base_url), pl = strlen(c->path);
    if (!st && bl + pl >= sizeof url) st = EW_ERR_TOO_LARGE;
    if (!st) {
        memcpy(url, c->b->base_url, bl);
        memcpy(url + bl, c->path, pl + 1);
    }
    bool ready = false;
    if (!st && !(c->easy = easy_get(r, c->b, &ready))) st = EW_ERR_NOMEM;
    if (st) return st;
    set_options(c, c->easy, ready, url, remaining_ms);
    c->t_attempt_us = now;
    if (curl_multi_add_handle(r->multi, c->easy) != CURLM_OK) {
        easy_put(r, c->easy, NULL);
        c->easy = NULL;
        return EW_ERR_INTERNAL;
    }
    r->stats.transfers++;
    c->phase = PHASE_RUN;
    c->attempts++;
    due_add(c);
    arm_timer(c, c->b->first_byte_ms);
    call_log(c, EW_LOG_DEBUG, "remote: attempt %d to %s (%s)", c->attempts, c->b->name,
             c->b->log_url);
    if (c->want_paused) event_active(c->ctl, EV_TIMEOUT, 0);
    return EW_OK;
}

/* Starts the next attempt at c->pos, skipping backends that cannot take it. */
static void attempt_begin(ew__remote_call *c)
{
    uint64_t now = now_us();
    int64_t remaining_ms = c->deadline_us > now ? (int64_t)((c->deadline_us - now) / 1000) : 0;
    while (c->pos < c->n_order) {
        c->b = &c->r->backends[c->order[c->pos]];
        ew__str_copy(c->last_backend, sizeof c->last_backend, c->b->name);
        int64_t blocked = ew__health_blocked_ms(&c->b->health, now / 1000);
        bool last = c->pos + 1 >= c->n_order || c->no_fallback;
        if (blocked > 0 && last && blocked < remaining_ms) {
            schedule(c, blocked); /* the only way left: wait as the upstream asked */
            return;
        }
        /* Skips are reported only when no attempt failed for a better reason. */
        failure *skip = c->attempts ? &(failure){0} : &c->last;
        if (blocked > 0) {
            set_failure(skip, EW_ERR_RATE_LIMIT, false, true, EW__OUTCOME_NEUTRAL,
                        "%s: asked to retry after %lld ms", c->b->name, (long long)blocked);
            skip->retry_after_ms = blocked;
        } else if (!ew__health_acquire(&c->b->health, now / 1000, &c->probe)) {
            set_failure(skip, EW_ERR_UNAVAILABLE, false, true, EW__OUTCOME_NEUTRAL,
                        "%s: circuit breaker open", c->b->name);
        } else {
            c->acquired = true;
            int st = attempt_launch(c, remaining_ms, now);
            if (!st) return;
            release_backend(c, EW__OUTCOME_NEUTRAL, now);
            set_failure(&c->last, st, false, false, EW__OUTCOME_NEUTRAL,
                        "%s: cannot start the request: %s", c->b->name, ew_strerror(st));
            break;
        }
        if (last) break;
        c->pos++;
        c->tries_here = 0;
    }
    finish_error(c, &c->last);
}

/* ---- attempt outcomes -------------------------------------------------------------------- */

static void classify_curl(ew__remote_call *c, CURLcode rc, failure *f)
{
    const char *what = c->curl_err[0] ? c->curl_err : curl_easy_strerror(rc);
    const char *name = c->b->name;
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        set_failure(f, EW_ERR_UNAVAILABLE, true, true, EW__OUTCOME_FAILURE,
                    "%s: cannot connect to %s: %s", name, c->b->log_url, what);
        break;
    case CURLE_OPERATION_TIMEDOUT:
        set_failure(f, EW_ERR_TIMEOUT, !c->delivered, true, EW__OUTCOME_FAILURE, "%s: %s", name,
                    what);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
        set_failure(f, EW_ERR_INTEGRITY, false, true, EW__OUTCOME_FAILURE,
                    "%s: TLS verification of %s failed: %s", name, c->b->log_url, what);
        break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_SSL_CONNECT_ERROR:
        set_failure(f, EW_ERR_UPSTREAM, true, true, EW__OUTCOME_FAILURE,
                    "%s: connection to %s failed: %s", name, c->b->log_url, what);
        break;
    default:
        set_failure(f, EW_ERR_UPSTREAM, false, true, EW__OUTCOME_FAILURE, "%s: %s", name, what);
    }
}

static void classify_http(ew__remote_call *c, failure *f)
{
    int s = c->http_status;
    const char *name = c->b->name;
    char up[200];
    ew__openai_error_message(c->resp.data, c->resp.len, up, sizeof up);
    if (s == 401 || s == 403) {
        /* Never echo the upstream's text here: it may quote the key. */
        set_failure(f, EW_ERR_AUTH, false, true, EW__OUTCOME_FAILURE,
                    "%s: upstream rejected our credentials (HTTP %d)", name, s);
    } else if (s == 429) {
        set_failure(f, EW_ERR_RATE_LIMIT, true, true, EW__OUTCOME_FAILURE,
                    "%s: rate limited (HTTP 429): %s", name, up);
    } else if (s == 503) {
        set_failure(f, EW_ERR_UNAVAILABLE, true, true, EW__OUTCOME_FAILURE,
                    "%s: unavailable (HTTP 503): %s", name, up);
    } else if (s >= 500 || s == 408) {
        set_failure(f, EW_ERR_UPSTREAM, true, true, EW__OUTCOME_FAILURE,
                    "%s: upstream error (HTTP %d): %s", name, s, up);
    } else if (s == 404) {
        set_failure(f, EW_ERR_NOT_FOUND, false, true, EW__OUTCOME_NEUTRAL,
                    "%s: not found (HTTP 404): %s", name, up);
    } else if (s >= 400) {
        set_failure(f, EW_ERR_INVALID, false, false, EW__OUTCOME_NEUTRAL,
                    "%s: upstream refused the request (HTTP %d): %s", name, s, up);
    } else {
        set_failure(f, EW_ERR_UPSTREAM, false, true, EW__OUTCOME_FAILURE,
                    "%s: unexpected HTTP status %d", name, s);
    }
    f->http = s;
    curl_off_t ra = 0;
    if ((s == 429 || s == 503) &&
        curl_easy_getinfo(c->easy, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
        f->retry_after_ms = (int64_t)ra * 1000;
}

/* Decides how the finished transfer went; true on success. */
static bool classify(ew__remote_call *c, CURLcode rc, failure *f)
{
    memset(f, 0, sizeof *f);
    if (!c->head_seen && c->easy) {
        long code = 0;
        curl_easy_getinfo(c->easy, CURLINFO_RESPONSE_CODE, &code);
        c->http_status = (int)code;
    }
    if (c->failed) {
        *f = c->fail;
        return false;
    }
    if (c->http_status && !status_ok(c->http_status) && (rc == CURLE_OK || c->err_body_full)) {
        classify_http(c, f);
        return false;
    }
    /* A finish_reason means the answer is complete: losing the trailer
     * (usage, [DONE]) to a reset is not worth an error. */
    if (rc != CURLE_OK && c->is_sse && c->finish_seen && status_ok(c->http_status)) {
        call_log(c, EW_LOG_DEBUG, "remote: %s: stream cut after its finish_reason", c->b->name);
        return true;
    }
    if (rc != CURLE_OK) {
        classify_curl(c, rc, f);
        return false;
    }
    if (c->is_sse && !c->done_marker && !c->finish_seen) {
        set_failure(f, EW_ERR_UPSTREAM, !c->delivered, !c->delivered, EW__OUTCOME_FAILURE,
                    "%s: the stream ended before [DONE]%s", c->b->name,
                    ew__sse_pending(&c->sse) ? ", inside an event" : "");
        return false;
    }
    return true;
}

/* A whole (non-SSE) 2xx body: parse and deliver it. */
static bool deliver_whole(ew__remote_call *c, failure *f)
{
    if (c->raw) return true;
    ew_arena_reset(&c->scratch);
    ew__openai_delta d;
    ew_error err;
    int st = ew__openai_parse_response(c->resp.data ? c->resp.data : "", c->resp.len, &c->scratch,
                                       &d, &err);
    if (st) {
        memset(f, 0, sizeof *f);
        set_failure(f, EW_ERR_UPSTREAM, true, true, EW__OUTCOME_FAILURE, "%s: %s", c->b->name,
                    err.message);
        return false;
    }
    deliver(c, &d);
    return true;
}

static int64_t backoff_ms(ew__remote_call *c)
{
    const ew__remote_opts *o = &c->r->opts;
    int64_t d = o->retry_base_ms;
    for (int i = 0; i < c->tries_here && d < o->retry_max_ms; i++)
        d *= 2;
    if (d > o->retry_max_ms) d = o->retry_max_ms;
    /* Jitter in [d/2, d], so clients that failed together retry apart. */
    return d / 2 + (int64_t)(rnd(c->r) % (uint64_t)(d / 2 + 1));
}

static void handle_failure(ew__remote_call *c, const failure *f, uint64_t now)
{
    c->last = *f;
    call_log(c, EW_LOG_WARN, "remote: attempt %d failed: %s", c->attempts, f->msg);
    if (f->retry_after_ms > 0) ew__health_retry_after(&c->b->health, now / 1000, f->retry_after_ms);
    int64_t remaining = c->deadline_us > now ? (int64_t)((c->deadline_us - now) / 1000) : 0;
    if (c->delivered || remaining <= 0) {
        finish_error(c, f);
        return;
    }
    bool can_fall = f->fallback && !c->no_fallback && c->pos + 1 < c->n_order;
    int64_t delay = backoff_ms(c);
    /* A long Retry-After is better spent on another backend. */
    bool wait_long = f->retry_after_ms > delay && can_fall;
    if (f->retry && !wait_long && c->tries_here < c->b->max_retries) {
        if (f->retry_after_ms > delay)
            delay = f->retry_after_ms + 5; /* past the block, not a hair before */
        if (delay < remaining) {
            c->tries_here++;
            c->r->stats.retries++;
            schedule(c, delay);
            return;
        }
    }
    if (can_fall) {
        c->pos++;
        c->tries_here = 0;
        c->r->stats.fallbacks++;
        schedule(c, 0);
        return;
    }
    finish_error(c, f);
}

/* The current transfer ended (curl finished it, or a timer aborted it). A
 * good answer reaches the user before the transfer leaves curl (destroy,
 * after on_done), so the client's bytes go out first; a failed one leaves
 * curl before the next attempt can take a handle. */
static void attempt_end(ew__remote_call *c, CURLcode rc)
{
    uint64_t now = now_us();
    failure f;
    bool ok = classify(c, rc, &f);
    if (ok && c->easy) sample_rtt(c, now);
    c->easy_clean = ok && rc == CURLE_OK;
    if (c->cancelled) {
        destroy(c);
        return;
    }
    if (ok && !c->is_sse) ok = deliver_whole(c, &f);
    release_backend(c, ok ? EW__OUTCOME_SUCCESS : f.outcome, now);
    if (c->cancelled) {
        destroy(c);
        return;
    }
    if (ok) {
        finish_done(c, now);
        return;
    }
    detach(c);
    handle_failure(c, &f, now);
}

static void check_multi_info(ew__remote *r)
{
    CURLMsg *m;
    int left;
    while ((m = curl_multi_info_read(r->multi, &left))) {
        if (m->msg != CURLMSG_DONE) continue;
        ew__remote_call *c = NULL;
        CURLcode rc = m->data.result;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &c);
        if (c) attempt_end(c, rc);
    }
}

/* PHASE_WAIT: start the next attempt. PHASE_RUN: first-byte or idle timeout. */
static void on_call_timer(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    ew__remote_call *c = arg;
    if (c->cancelled) {
        destroy(c);
        return;
    }
    if (c->phase == PHASE_WAIT) {
        attempt_begin(c);
        return;
    }
    if (c->done_marker || c->finish_seen) {
        /* The answer is complete but the upstream keeps the response open. */
        attempt_end(c, CURLE_OK);
        return;
    }
    if (!c->failed) {
        c->failed = true;
        bool first = !c->head_seen;
        set_failure(&c->fail, EW_ERR_TIMEOUT, !c->delivered, !c->delivered, EW__OUTCOME_FAILURE,
                    "%s: %s after %d ms", c->b->name,
                    first ? "no response (first-byte timeout)" : "no data (idle timeout)",
                    first ? c->b->first_byte_ms : c->b->idle_ms);
    }
    attempt_end(c, CURLE_OPERATION_TIMEDOUT);
}

static void on_deadline(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    ew__remote_call *c = arg;
    if (c->cancelled) {
        destroy(c);
        return;
    }
    failure f = {0};
    set_failure(&f, EW_ERR_TIMEOUT, false, false, EW__OUTCOME_FAILURE,
                "no complete answer within %d ms (total timeout)", c->total_ms);
    if (c->phase == PHASE_RUN && c->easy) {
        detach(c);
        release_backend(c, EW__OUTCOME_FAILURE, 0);
    }
    c->last = f;
    finish_error(c, &f);
}

/* ---- candidate order ---------------------------------------------------------------------- */

/* Priority ascending; inside a priority, a weighted random permutation. */
static void order_backends(ew__remote *r, int *order, int n)
{
    for (int i = 1; i < n; i++) {
        int v = order[i], j = i - 1;
        while (j >= 0 && r->backends[order[j]].priority > r->backends[v].priority) {
            order[j + 1] = order[j];
            j--;
        }
        order[j + 1] = v;
    }
    for (int g = 0; g < n;) {
        int end = g;
        long total = 0;
        while (end < n && r->backends[order[end]].priority == r->backends[order[g]].priority)
            total += r->backends[order[end++]].weight;
        for (int i = g; i < end - 1; i++) {
            long pick = (long)(rnd(r) % (uint64_t)total), acc = 0;
            int k = i;
            for (; k < end - 1; k++) {
                acc += r->backends[order[k]].weight;
                if (pick < acc) break;
            }
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
            total -= r->backends[order[i]].weight;
        }
        g = end;
    }
}

/* Fills c->order. Fails when no backend could take a request now; open
 * breakers met later on are skipped by attempt_begin. */
static int plan(ew__remote_call *c, const char *only, uint64_t now_ms, ew_error *err)
{
    ew__remote *r = c->r;
    c->order = ew_arena_calloc(&c->names, (size_t)r->n_backends + 1, sizeof *c->order);
    if (!c->order) return EW_ERR_NOMEM;
    int n = 0, any = 0;
    for (int i = 0; i < r->n_backends; i++) {
        if (only && strcmp(only, r->backends[i].name)) continue;
        any++;
        c->order[n++] = i;
    }
    if (!any)
        return ew__error_set(err, EW_ERR_NOT_FOUND, "no backend named '%s'", only ? only : "");
    order_backends(r, c->order, n);
    int avail = 0;
    for (int i = 0; i < n; i++)
        avail += ew__health_available(&r->backends[c->order[i]].health, now_ms) ||
                 ew__health_blocked_ms(&r->backends[c->order[i]].health, now_ms) > 0;
    if (!avail)
        return ew__error_set(err, EW_ERR_UNAVAILABLE, "every backend's circuit breaker is open");
    c->n_order = n;
    return EW_OK;
}

/* ---- public ---------------------------------------------------------------------------------- */

static bool rid_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > EW_BACKEND_NAME_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        bool ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                  (ch >= 'A' && ch <= 'Z') || ch == '.' || ch == '_' || ch == ':' || ch == '-';
        if (!ok) return false;
    }
    return true;
}

/* Copies what the call needs of the request: the path and model names. */
static int prepare_call(ew__remote_call *c, const ew__remote_call_opts *o)
{
    if (!o->req) {
        c->raw = true;
        c->raw_get = !o->body;
        c->path = ew_arena_strdup(&c->names, o->path);
        if (!c->path) return EW_ERR_NOMEM;
        return o->body ? ew_buf_append(&c->out, o->body, o->body_len) : EW_OK;
    }
    c->stream = o->req->stream;
    c->path = ew__openai_path(o->req); /* a static string */
    c->req_model = o->req->model ? ew_arena_strdup(&c->names, o->req->model) : NULL;
    c->model_override = o->model ? ew_arena_strdup(&c->names, o->model) : NULL;
    if ((o->req->model && !c->req_model) || (o->model && !c->model_override)) return EW_ERR_NOMEM;
    return EW_OK;
}

/* Serializes the request once, with the model the first backend wants (or
 * a placeholder when none is planned): the backends differ only in it. */
static int write_body(ew__remote_call *c, const ew__remote_call_opts *o, ew_error *err)
{
    if (c->raw) return EW_OK;
    const char *m = c->model_override;
    if (!m && c->n_order) m = ew__backend_model(&c->r->backends[c->order[0]], c->req_model);
    if (!m || !*m) m = "-";
    ew__openai_write_opts wo = {
        .model = m, .stream = c->stream, .stream_usage = true, .on_device = c->r->opts.on_device};
    int st = ew__openai_write_request(&c->out, o->req, &wo, err);
    if (st) return st;
    /* Where the rest starts: after {"model":"<m>", (checked, not assumed). */
    ew_buf_reset(&c->tail);
    st = ew_buf_append_str(&c->tail, "{\"model\":\"");
    if (!st) st = ew_json_escape(&c->tail, m, strlen(m));
    if (!st) st = ew_buf_append(&c->tail, "\",", 2);
    if (st) return st;
    if (c->out.len <= c->tail.len || memcmp(c->out.data, c->tail.data, c->tail.len))
        return ew__error_set(err, EW_ERR_INTERNAL, "unexpected request serialization");
    c->rest_off = c->tail.len;
    c->body_model = m;
    return EW_OK;
}

int ew__remote_start(ew__remote *r, const ew__remote_call_opts *o, const ew__remote_callbacks *cb,
                     void *user, ew__remote_call **out, ew_error *err)
{
    if (out) *out = NULL;
    if (!r || !o || !cb || (!o->req && !o->path))
        return ew__error_set(err, EW_ERR_INVALID, "remote call needs a request or a path");
    ew__remote_call *c = call_get(r);
    if (!c) return EW_ERR_NOMEM;
    c->cb = *cb;
    c->user = user;
    c->no_fallback = o->no_fallback || o->backend != NULL;
    if (o->request_id && rid_ok(o->request_id)) ew__str_copy(c->rid, sizeof c->rid, o->request_id);
    /* Linked first, so destroy() can undo everything below. */
    c->next = r->calls;
    if (r->calls) r->calls->prev = c;
    r->calls = c;
    r->stats.calls++;
    /* A request that may not leave (EW_ERR_DENIED) says so before any
     * complaint about the backends. */
    ew_error plan_err;
    ew_error_clear(&plan_err);
    c->t0_us = now_us();
    int st = prepare_call(c, o);
    int planned = st ? st : plan(c, o->backend, c->t0_us / 1000, &plan_err);
    if (!st) st = write_body(c, o, err);
    if (!st && planned) {
        st = planned;
        if (err) *err = plan_err;
    }
    if (st) {
        if (err && !err->message[0]) ew__error_set(err, st, "remote call: %s", ew_strerror(st));
        destroy(c);
        return st;
    }
    c->total_ms = o->total_timeout_ms > 0 ? o->total_timeout_ms : r->backends[c->order[0]].total_ms;
    c->deadline_us = c->t0_us + (uint64_t)c->total_ms * 1000;
    struct timeval tv = ms_tv(c->total_ms);
    evtimer_add(c->deadline, &tv);
    r->stats.started++;
    /* Always from the loop: start may be called from inside a curl callback. */
    schedule(c, 0);
    if (out) *out = c;
    return EW_OK;
}

/* Brings curl's pause state to what the user asked for. Never runs inside
 * curl: resuming may deliver buffered data (on_delta) before it returns. */
static void apply_pause(ew__remote_call *c)
{
    ew__remote *r = c->r;
    if (c->cancelled || c->phase != PHASE_RUN || !c->easy || c->want_paused == c->is_paused) return;
    c->is_paused = c->want_paused;
    if (c->is_paused) {
        /* A paused stream is the client's doing, not an idle upstream. */
        evtimer_del(c->timer);
        c->paused_once = true;
        curl_easy_pause(c->easy, CURLPAUSE_RECV);
        return;
    }
    arm_timer(c, c->head_seen ? c->b->idle_ms : c->b->first_byte_ms);
    r->in_curl++;
    curl_easy_pause(c->easy, CURLPAUSE_CONT);
    r->in_curl--;
    check_multi_info(r);
}

static void on_ctl(evutil_socket_t fd, short kind, void *arg)
{
    (void)fd;
    (void)kind;
    ew__remote_call *c = arg;
    if (c->cancelled && c->cb_depth == 0) {
        destroy(c);
        return;
    }
    apply_pause(c);
}

void ew__remote_pause(ew__remote_call *c, bool pause)
{
    if (!c || c->cancelled) return;
    c->want_paused = pause;
    if (c->r->in_curl > 0 || c->cb_depth > 0)
        event_active(c->ctl, EV_TIMEOUT, 0);
    else
        apply_pause(c);
}

void ew__remote_cancel(ew__remote_call *c)
{
    if (!c || c->cancelled) return;
    c->cancelled = true;
    /* Inside its own callback the caller of that callback cleans up. */
    if (c->cb_depth > 0) return;
    /* curl's handles cannot be removed from inside curl: defer to the loop. */
    if (c->r->in_curl > 0) {
        event_active(c->timer, EV_TIMEOUT, 0);
        return;
    }
    destroy(c);
}

static int load_backends(ew__remote *r, const ew__remote_opts *o, ew_error *err)
{
    r->backends = ew_arena_calloc(&r->arena, (size_t)o->n_backends + 1, sizeof *r->backends);
    if (!r->backends) return EW_ERR_NOMEM;
    for (int i = 0; i < o->n_backends; i++) {
        for (int j = 0; j < i; j++)
            if (o->backends[i].name && !strcmp(o->backends[i].name, o->backends[j].name))
                return ew__error_set(err, EW_ERR_CONFIG, "two backends are named '%s'",
                                     o->backends[i].name);
        int st = ew__backend_load(&r->arena, &o->backends[i], o->config_dir, &o->breaker,
                                  &r->backends[i], err);
        if (st) return st;
        r->n_backends++;
    }
    return EW_OK;
}

static int multi_setup(ew__remote *r)
{
    r->multi = curl_multi_init();
    r->curl_timer = evtimer_new(r->base, on_curl_timer, r);
    if (!r->multi || !r->curl_timer) return EW_ERR_NOMEM;
    curl_multi_setopt(r->multi, CURLMOPT_SOCKETFUNCTION, curl_socket_cb);
    curl_multi_setopt(r->multi, CURLMOPT_SOCKETDATA, r);
    curl_multi_setopt(r->multi, CURLMOPT_TIMERFUNCTION, curl_timer_cb);
    curl_multi_setopt(r->multi, CURLMOPT_TIMERDATA, r);
    curl_multi_setopt(r->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
    curl_multi_setopt(r->multi, CURLMOPT_MAXCONNECTS, r->opts.max_idle_connections);
    if (r->opts.max_host_connections > 0)
        curl_multi_setopt(r->multi, CURLMOPT_MAX_HOST_CONNECTIONS, r->opts.max_host_connections);
    return EW_OK;
}

int ew__remote_new(const ew__remote_opts *o, ew__remote **out, ew_error *err)
{
    *out = NULL;
    if (!o || !o->base || o->n_backends < 0 || (o->n_backends && !o->backends))
        return ew__error_set(err, EW_ERR_INVALID, "remote client needs an event base");
    if (ew__curl_init() != CURLE_OK)
        return ew__error_set(err, EW_ERR_INTERNAL, "libcurl failed to initialise");
    ew__remote *r = calloc(1, sizeof *r);
    if (!r) return EW_ERR_NOMEM;
    r->base = o->base;
    r->opts = *o;
    r->opts.backends = NULL;
    r->opts.config_dir = NULL;
    if (r->opts.retry_base_ms <= 0) r->opts.retry_base_ms = 100;
    if (r->opts.retry_max_ms < r->opts.retry_base_ms)
        r->opts.retry_max_ms = r->opts.retry_base_ms > 2000 ? r->opts.retry_base_ms : 2000;
    if (!r->opts.max_response_bytes) r->opts.max_response_bytes = DEFAULT_RESP_MAX;
    if (r->opts.max_idle_connections <= 0) r->opts.max_idle_connections = DEFAULT_IDLE_CONN;
    r->rng = now_us() ^ (uint64_t)(uintptr_t)r ^ 0x9E3779B97F4A7C15ull;
    ew_arena_init(&r->arena, 4096, 4u << 20);
    int st = load_backends(r, o, err);
    if (!st) st = multi_setup(r);
    if (st) {
        ew__remote_free(r);
        return st;
    }
    *out = r;
    return EW_OK;
}

void ew__remote_free(ew__remote *r)
{
    if (!r) return;
    while (r->calls)
        destroy(r->calls);
    while (r->spare) {
        ew__remote_call *c = r->spare;
        r->spare = c->next;
        call_free(c);
    }
    if (r->multi) curl_multi_cleanup(r->multi);
    while (r->parked)
        watch_free(unpark(r, r->parked->fd));
    for (int i = 0; i < r->n_pool; i++)
        curl_easy_cleanup(r->pool[i]);
    if (r->curl_timer) event_free(r->curl_timer);
    for (int i = 0; i < r->n_backends; i++) {
        ew__health_cleanup(&r->backends[i].health);
        ew__backend_cleanup(&r->backends[i]);
    }
    ew_arena_cleanup(&r->arena);
    free(r);
}

int ew__remote_health(ew__remote *r, ew_backend_health *out, int max)
{
    int n = 0;
    uint64_t now_ms = now_us() / 1000;
    for (int i = 0; r && i < r->n_backends && n < max; i++)
        ew__health_snapshot(&r->backends[i].health, now_ms, &out[n++]);
    return n;
}

const char *ew__remote_model_for(const ew__remote *r, const char *backend, const char *requested)
{
    for (int i = 0; i < r->n_backends; i++)
        if (!strcmp(r->backends[i].name, backend))
            return ew__backend_model(&r->backends[i], requested);
    return NULL;
}

void ew__remote_stats_get(const ew__remote *r, ew__remote_stats *out)
{
    *out = r->stats;
}
