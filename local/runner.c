/* The runner: worker threads, the bounded job queue and the loop-side
 * delivery of what jobs emit (see runner.h).
 *
 * One mutex guards the queue, the ready list and every job's shared fields;
 * it is held only to move pointers and copy emitted text, never across
 * model work. Workers wake the loop by writing one byte to a pipe when the
 * ready list goes from empty to non-empty; the loop drains the pipe before
 * taking the list, so no wake-up is lost. A worker whose job is paused,
 * or that has AHEAD_MAX of text the loop has not taken, waits on the
 * `resume` condition, which releases the mutex while it sleeps.
 */
#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/log.h"
#include "local/model.h"
#include "local/runner.h"
#include "local/runner_priv.h"

/* A worker waits once this much of its text is waiting for the loop, so it
 * never runs far ahead of the loop and a pause takes effect at once. One
 * emitted piece may go past it, up to PENDING_MAX. */
#define AHEAD_MAX      (64u << 10)
#define PENDING_MAX    (4u << 20)
#define PROMPT_MAX_DEF (8u << 20)
/* A worker's scratch buffer shrinks back after a request this much larger. */
#define SCRATCH_KEEP (256u << 10)

typedef enum job_state { JOB_QUEUED = 0, JOB_RUNNING, JOB_ENDED } job_state;

struct ew__runner_job {
    ew__runner *r;
    ew__runner_job *next;       /* in the queue */
    ew__runner_job *ready_next; /* in the ready list */
    bool in_ready;
    job_state state;
    atomic_bool cancelled;
    bool paused;      /* the loop asked the worker to wait (mu) */
    int pause_max_ms; /* how long it may wait */
    ew__runner_fn fn;
    void *arg;
    ew__runner_events ev;
    void *user;
    ew_buf pending; /* emitted, not yet taken by the loop */
    bool probe_posted, probe_delivered;
    double probe_conf;
    bool probe_escalate;
    /* Set by the worker when the function returns. */
    int status;
    char message[sizeof(((ew_error *)0)->message)];
    ew__runner_result res;
    double t_submit;
    /* Generation jobs keep their input here (arg points at it). */
    ew__gen_input gen;
};

typedef struct worker {
    ew__runner *r;
    pthread_t thread;
    bool started;
    ew_session *session;
    ew_sampler *sampler;
    ew_buf scratch;
    int32_t *ids; /* (n_ctx) */
} worker;

struct ew__runner_ctx {
    worker *w;
    ew__runner_job *job;
};

struct ew__runner {
    struct event_base *base;
    char name[64];
    ew_model *model;
    int n_ctx;
    int capacity;
    size_t max_prompt;
    worker *workers; /* (n_workers) */
    int n_workers;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    /* A paused job was resumed or cancelled (monotonic clock). */
    pthread_cond_t resume;
    ew__runner_job *q_head, *q_tail; /* waiting jobs, FIFO */
    atomic_int n_waiting;
    atomic_int n_running;
    ew__runner_job *ready; /* jobs with something for the loop (LIFO; order is per job) */
    atomic_bool stop;
    int pipe_rd, pipe_wr;
    struct event *ev;
    ew_buf take; /* the loop's copy of a job's text */
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- worker side ---------------------------------------------------------------------- */

/* Puts a job on the ready list (mu held); true when the loop must be woken. */
static bool mark_ready(ew__runner *r, ew__runner_job *j)
{
    if (j->in_ready) return false;
    j->in_ready = true;
    bool was_empty = r->ready == NULL;
    j->ready_next = r->ready;
    r->ready = j;
    return was_empty;
}

static void wake(ew__runner *r)
{
    char c = 1;
    while (write(r->pipe_wr, &c, 1) < 0 && errno == EINTR) {
    }
    /* EAGAIN: the pipe is full, so the loop is already due to wake. */
}

static void deadline_in(struct timespec *t, int ms)
{
    clock_gettime(CLOCK_MONOTONIC, t);
    t->tv_sec += ms / 1000;
    t->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

/* Waits while the loop keeps j paused, or has not taken AHEAD_MAX of its
 * text yet (mu held; the waits release it). Only a pause has a deadline. */
static int wait_turn(ew__runner *r, ew__runner_job *j)
{
    struct timespec until;
    bool timed = false;
    for (;;) {
        if (atomic_load(&j->cancelled) || atomic_load(&r->stop)) return EW_ERR_CANCELLED;
        if (!j->paused && j->pending.len <= AHEAD_MAX) return EW_OK;
        if (!j->paused) {
            timed = false;
            pthread_cond_wait(&r->resume, &r->mu);
            continue;
        }
        if (!timed) deadline_in(&until, j->pause_max_ms);
        timed = true;
        if (pthread_cond_timedwait(&r->resume, &r->mu, &until) == ETIMEDOUT && j->paused)
            return EW_ERR_TIMEOUT;
    }
}

int ew__runner_emit(ew__runner_ctx *ctx, const char *text, size_t len)
{
    ew__runner_job *j = ctx->job;
    ew__runner *r = j->r;
    if (atomic_load_explicit(&j->cancelled, memory_order_relaxed)) return EW_ERR_CANCELLED;
    if (!len) return EW_OK;
    pthread_mutex_lock(&r->mu);
    int st = ew_buf_append(&j->pending, text, len);
    if (!st && j->res.first_ms < 0) j->res.first_ms = now_ms() - j->t_submit;
    bool w = !st && mark_ready(r, j);
    if (w) wake(r); /* a non-blocking write */
    if (!st && (j->paused || j->pending.len > AHEAD_MAX)) st = wait_turn(r, j);
    pthread_mutex_unlock(&r->mu);
    return st;
}

void ew__runner_note_probe(ew__runner_ctx *ctx, double confidence, bool escalate)
{
    ew__runner_job *j = ctx->job;
    ew__runner *r = j->r;
    pthread_mutex_lock(&r->mu);
    j->probe_posted = true;
    j->probe_conf = confidence;
    j->probe_escalate = escalate;
    bool w = mark_ready(r, j);
    pthread_mutex_unlock(&r->mu);
    if (w) wake(r);
}

static void run_job(worker *w, ew__runner_job *j)
{
    ew__runner *r = w->r;
    ew__runner_ctx ctx = {w, j};
    ew_error err;
    ew_error_clear(&err);
    j->res.queue_ms = now_ms() - j->t_submit;
    int st = atomic_load(&j->cancelled) ? EW_ERR_CANCELLED : j->fn(&ctx, j->arg, &j->res, &err);
    if (atomic_load(&j->cancelled)) st = EW_ERR_CANCELLED;
    if (w->scratch.cap > SCRATCH_KEEP) {
        ew_buf_cleanup(&w->scratch);
        ew_buf_init(&w->scratch, r->max_prompt);
    }
    pthread_mutex_lock(&r->mu);
    j->status = st;
    if (st && st != EW_ERR_CANCELLED)
        snprintf(j->message, sizeof j->message, "%s",
                 err.message[0] ? err.message : ew_strerror(st));
    j->state = JOB_ENDED;
    bool wk = mark_ready(r, j);
    pthread_mutex_unlock(&r->mu);
    if (wk) wake(r);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    ew__runner *r = w->r;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (!r->q_head && !atomic_load(&r->stop))
            pthread_cond_wait(&r->cv, &r->mu);
        if (atomic_load(&r->stop)) break;
        ew__runner_job *j = r->q_head;
        r->q_head = j->next;
        if (!r->q_head) r->q_tail = NULL;
        atomic_fetch_sub(&r->n_waiting, 1);
        atomic_fetch_add(&r->n_running, 1);
        j->state = JOB_RUNNING;
        pthread_mutex_unlock(&r->mu);
        run_job(w, j);
        atomic_fetch_sub(&r->n_running, 1);
        pthread_mutex_lock(&r->mu);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* ---- loop side ------------------------------------------------------------------------- */

static void job_free(ew__runner_job *j)
{
    ew_buf_cleanup(&j->pending);
    free(j);
}

/* Delivers what one job has for the loop; frees it after its end. */
static void deliver(ew__runner *r, ew__runner_job *j)
{
    pthread_mutex_lock(&r->mu);
    j->in_ready = false;
    /* Swap buffers: the worker keeps appending to a fresh one. */
    ew_buf t = r->take;
    r->take = j->pending;
    j->pending = t;
    ew_buf_reset(&j->pending);
    if (r->take.len > AHEAD_MAX) pthread_cond_broadcast(&r->resume); /* the worker may go on */
    bool ended = j->state == JOB_ENDED;
    bool probe = j->probe_posted && !j->probe_delivered;
    j->probe_delivered = j->probe_delivered || probe;
    pthread_mutex_unlock(&r->mu);
    bool cancelled = atomic_load(&j->cancelled);
    if (probe && !cancelled && j->ev.on_probe)
        j->ev.on_probe(j->user, j->probe_conf, j->probe_escalate);
    if (r->take.len && !cancelled && j->ev.on_text)
        j->ev.on_text(j->user, r->take.data, r->take.len);
    ew_buf_reset(&r->take);
    if (!ended) return;
    int st = cancelled ? EW_ERR_CANCELLED : j->status;
    j->ev.on_end(j->user, st, st ? (j->message[0] ? j->message : ew_strerror(st)) : "", &j->res);
    job_free(j);
}

static void on_wake(evutil_socket_t fd, short what, void *arg)
{
    (void)what;
    ew__runner *r = arg;
    char sink[256];
    while (read(fd, sink, sizeof sink) > 0) {
    }
    pthread_mutex_lock(&r->mu);
    ew__runner_job *list = r->ready;
    r->ready = NULL;
    pthread_mutex_unlock(&r->mu);
    /* A job's in_ready flag is cleared in deliver, under the lock, so a job
     * that posts again meanwhile lands on the new list and is seen next time. */
    while (list) {
        ew__runner_job *j = list;
        list = j->ready_next;
        deliver(r, j);
    }
}

static int submit(ew__runner *r, ew__runner_fn fn, void *arg, const ew__gen_input *gen,
                  const ew__runner_events *ev, void *user, ew__runner_job **out)
{
    *out = NULL;
    ew__runner_job *j = calloc(1, sizeof *j);
    if (!j) return EW_ERR_NOMEM;
    j->r = r;
    j->fn = fn;
    j->arg = arg;
    if (gen) {
        j->gen = *gen;
        j->arg = &j->gen;
    }
    j->ev = *ev;
    j->user = user;
    j->res.first_ms = -1;
    j->res.confidence = NAN;
    j->t_submit = now_ms();
    atomic_init(&j->cancelled, false);
    ew_buf_init(&j->pending, PENDING_MAX);
    pthread_mutex_lock(&r->mu);
    int busy = atomic_load(&r->n_running) + atomic_load(&r->n_waiting);
    if (atomic_load(&r->stop) || busy >= r->n_workers + r->capacity) {
        pthread_mutex_unlock(&r->mu);
        job_free(j);
        return EW_ERR_BUSY;
    }
    if (r->q_tail)
        r->q_tail->next = j;
    else
        r->q_head = j;
    r->q_tail = j;
    atomic_fetch_add(&r->n_waiting, 1);
    pthread_cond_signal(&r->cv);
    pthread_mutex_unlock(&r->mu);
    *out = j;
    return EW_OK;
}

int ew__runner_submit(ew__runner *r, ew__runner_fn fn, void *arg, const ew__runner_events *ev,
                      void *user, ew__runner_job **out)
{
    return submit(r, fn, arg, NULL, ev, user, out);
}

int ew__runner_submit_gen(ew__runner *r, const ew__gen_input *in, const ew__runner_events *ev,
                          void *user, ew__runner_job **out)
{
    return submit(r, ew__runner_gen_run, NULL, in, ev, user, out);
}

void ew__runner_cancel(ew__runner_job *j)
{
    if (!j) return;
    ew__runner *r = j->r;
    pthread_mutex_lock(&r->mu);
    if (atomic_exchange(&j->cancelled, true)) {
        pthread_mutex_unlock(&r->mu);
        return;
    }
    bool wk = false;
    pthread_cond_broadcast(&r->resume); /* a paused worker lets go at once */
    if (j->state == JOB_QUEUED) {
        /* Never reached a worker: unlink it and end it from the loop. */
        ew__runner_job **pp = &r->q_head, *prev = NULL;
        while (*pp && *pp != j) {
            prev = *pp;
            pp = &(*pp)->next;
        }
        if (*pp) {
            *pp = j->next;
            if (r->q_tail == j) r->q_tail = prev;
            atomic_fetch_sub(&r->n_waiting, 1);
        }
        j->state = JOB_ENDED;
        j->status = EW_ERR_CANCELLED;
        wk = mark_ready(r, j);
    }
    pthread_mutex_unlock(&r->mu);
    if (wk) wake(r);
}

void ew__runner_pause(ew__runner_job *j, bool pause, int max_ms)
{
    if (!j) return;
    ew__runner *r = j->r;
    pthread_mutex_lock(&r->mu);
    j->paused = pause;
    j->pause_max_ms = max_ms > 0 ? max_ms : 1;
    if (!pause) pthread_cond_broadcast(&r->resume);
    pthread_mutex_unlock(&r->mu);
}

/* ---- lifetime ------------------------------------------------------------------------------ */

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n < 1024 ? (int)n : 1;
}

static int worker_init(ew__runner *r, worker *w, const ew__runner_opts *o, ew_error *err)
{
    w->r = r;
    ew_session_params sp;
    ew_session_params_init(&sp);
    sp.n_ctx = o->n_ctx;
    sp.n_threads =
        o->threads > 0 ? o->threads : (cores() / o->workers > 0 ? cores() / o->workers : 1);
    sp.kv_type = o->kv_f32 ? EW_KV_F32 : EW_KV_F16;
    int st = ew_session_new(r->model, &sp, &w->session, err);
    if (!st) st = ew_sampler_new(NULL, ew_model_n_vocab(r->model), &w->sampler, err);
    if (st) return st;
    ew_buf_init(&w->scratch, r->max_prompt);
    r->n_ctx = w->session->n_ctx;
    w->ids = malloc((size_t)r->n_ctx * sizeof *w->ids);
    if (!w->ids) return ew__error_set(err, EW_ERR_NOMEM, "%s: out of memory", r->name);
    return EW_OK;
}

static int start(ew__runner *r, const ew__runner_opts *o, ew_error *err)
{
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC))
        return ew__error_set(err, EW_ERR_IO, "%s: pipe: %s", r->name, strerror(errno));
    r->pipe_rd = fds[0];
    r->pipe_wr = fds[1];
    int st = o->base ? ew__runner_attach(r, o->base, err) : EW_OK;
    if (!st) st = ew_model_open(o->path, o->sha256, &r->model, err);
    if (st) return st;
    r->workers = calloc((size_t)o->workers, sizeof *r->workers);
    if (!r->workers) return ew__error_set(err, EW_ERR_NOMEM, "%s: out of memory", r->name);
    r->n_workers = o->workers;
    for (int i = 0; i < r->n_workers; i++)
        if ((st = worker_init(r, &r->workers[i], o, err))) return st;
    for (int i = 0; i < r->n_workers; i++) {
        if (pthread_create(&r->workers[i].thread, NULL, worker_main, &r->workers[i]))
            return ew__error_set(err, EW_ERR_NOMEM, "%s: cannot start a worker thread", r->name);
        r->workers[i].started = true;
    }
    return EW_OK;
}

int ew__runner_new(const ew__runner_opts *o, ew__runner **out, ew_error *err)
{
    *out = NULL;
    if (!o || !o->path || o->workers < 1 || o->queue < 0)
        return ew__error_set(err, EW_ERR_INVALID, "runner: needs a loop, a model and workers");
    ew__runner *r = calloc(1, sizeof *r);
    if (!r) return ew__error_set(err, EW_ERR_NOMEM, "runner: out of memory");
    r->base = o->base;
    snprintf(r->name, sizeof r->name, "%s", o->name ? o->name : "model");
    r->capacity = o->queue;
    r->max_prompt = o->max_prompt_bytes ? o->max_prompt_bytes : PROMPT_MAX_DEF;
    r->pipe_rd = r->pipe_wr = -1;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&r->resume, &ca);
    pthread_condattr_destroy(&ca);
    atomic_init(&r->n_waiting, 0);
    atomic_init(&r->n_running, 0);
    atomic_init(&r->stop, false);
    ew_buf_init(&r->take, PENDING_MAX);
    int st = start(r, o, err);
    if (st) {
        ew__runner_free(r);
        return st;
    }
    ew__info(NULL, "model %s: %d worker(s), queue %d, context %d", r->name, r->n_workers,
             r->capacity, r->n_ctx);
    *out = r;
    return EW_OK;
}

int ew__runner_attach(ew__runner *r, struct event_base *base, ew_error *err)
{
    r->base = base;
    r->ev = event_new(base, r->pipe_rd, EV_READ | EV_PERSIST, on_wake, r);
    if (!r->ev || event_add(r->ev, NULL))
        return ew__error_set(err, EW_ERR_NOMEM, "%s: cannot watch the pipe", r->name);
    return EW_OK;
}

void ew__runner_free(ew__runner *r)
{
    if (!r) return;
    pthread_mutex_lock(&r->mu);
    atomic_store(&r->stop, true);
    /* Running jobs see this through their cancelled flag and return soon. */
    for (ew__runner_job *j = r->q_head; j; j = j->next)
        atomic_store(&j->cancelled, true);
    pthread_cond_broadcast(&r->cv);
    pthread_cond_broadcast(&r->resume);
    pthread_mutex_unlock(&r->mu);
    for (int i = 0; i < r->n_workers; i++)
        if (r->workers[i].started) pthread_join(r->workers[i].thread, NULL);
    /* Nothing runs now: free what was queued or waiting for the loop (a
     * queued job is never on the ready list: cancelling unlinks it). */
    while (r->q_head) {
        ew__runner_job *j = r->q_head;
        r->q_head = j->next;
        job_free(j);
    }
    while (r->ready) {
        ew__runner_job *j = r->ready;
        r->ready = j->ready_next;
        job_free(j);
    }
    for (int i = 0; i < r->n_workers; i++) {
        worker *w = &r->workers[i];
        ew_session_free(w->session);
        ew_sampler_free(w->sampler);
        ew_buf_cleanup(&w->scratch);
        free(w->ids);
    }
    free(r->workers);
    ew_model_close(r->model);
    if (r->ev) event_free(r->ev);
    if (r->pipe_rd >= 0) close(r->pipe_rd);
    if (r->pipe_wr >= 0) close(r->pipe_wr);
    ew_buf_cleanup(&r->take);
    pthread_cond_destroy(&r->cv);
    pthread_cond_destroy(&r->resume);
    pthread_mutex_destroy(&r->mu);
    free(r);
}

/* ---- accessors --------------------------------------------------------------------------------
 */

const ew_model *ew__runner_model(const ew__runner *r)
{
    return r->model;
}

int ew__runner_n_ctx(const ew__runner *r)
{
    return r->n_ctx;
}

int ew__runner_waiting(const ew__runner *r)
{
    return atomic_load(&((ew__runner *)r)->n_waiting);
}

int ew__runner_capacity(const ew__runner *r)
{
    return r->capacity;
}

int ew__runner_running(const ew__runner *r)
{
    return atomic_load(&((ew__runner *)r)->n_running);
}

ew_session *ew__runner_session(ew__runner_ctx *ctx)
{
    return ctx->w->session;
}

ew_sampler *ew__runner_sampler(ew__runner_ctx *ctx)
{
    return ctx->w->sampler;
}

const ew_model *ew__runner_ctx_model(ew__runner_ctx *ctx)
{
    return ctx->w->r->model;
}

ew_buf *ew__runner_scratch(ew__runner_ctx *ctx)
{
    ew_buf_reset(&ctx->w->scratch);
    return &ctx->w->scratch;
}

int32_t *ew__runner_ids(ew__runner_ctx *ctx)
{
    return ctx->w->ids;
}

bool ew__runner_cancelled(const ew__runner_ctx *ctx)
{
    return atomic_load_explicit(&ctx->job->cancelled, memory_order_relaxed) ||
           atomic_load_explicit(&ctx->w->r->stop, memory_order_relaxed);
}
