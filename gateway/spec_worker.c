/* Worker threads with a bounded FIFO and completions posted back to the
 * event loop through a pipe. See spec_worker.h. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "core/error.h"
#include "gateway/spec_worker.h"

struct ew__spec_worker {
    struct event_base *base;
    pthread_t *threads;
    int n_threads, n_started;
    int queue_cap;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    ew__spec_job *q_head, *q_tail; /* waiting */
    int queued, running;
    ew__spec_job *d_head, *d_tail; /* done, not yet reported on the loop */
    bool quit;
    int pipe_rd, pipe_wr;
    struct event *ev;
};

static void push(ew__spec_job **head, ew__spec_job **tail, ew__spec_job *j)
{
    j->next = NULL;
    if (*tail)
        (*tail)->next = j;
    else
        *head = j;
    *tail = j;
}

static void *worker_main(void *arg)
{
    ew__spec_worker *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->quit && !w->q_head)
            pthread_cond_wait(&w->cv, &w->mu);
        if (w->quit) break;
        ew__spec_job *j = w->q_head;
        w->q_head = j->next;
        if (!w->q_head) w->q_tail = NULL;
        w->queued--;
        w->running++;
        pthread_mutex_unlock(&w->mu);
        j->work(j->arg);
        pthread_mutex_lock(&w->mu);
        w->running--;
        bool wake = !w->d_head;
        push(&w->d_head, &w->d_tail, j);
        if (wake) {
            /* A full pipe already holds a wake-up; nothing else can fail here. */
            char c = 1;
            ssize_t n = write(w->pipe_wr, &c, 1);
            (void)n;
        }
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* Takes every finished job under the lock, then reports them unlocked, so a
 * done callback may submit again. */
static void deliver(ew__spec_worker *w, int status)
{
    pthread_mutex_lock(&w->mu);
    ew__spec_job *j = w->d_head;
    w->d_head = w->d_tail = NULL;
    pthread_mutex_unlock(&w->mu);
    while (j) {
        ew__spec_job *next = j->next;
        j->done(j->arg, status);
        j = next;
    }
}

static void on_wake(evutil_socket_t fd, short what, void *arg)
{
    (void)what;
    char buf[64];
    while (read(fd, buf, sizeof buf) > 0)
        ;
    deliver(arg, EW_OK);
}

int ew__spec_worker_new(struct event_base *base, int threads, int queue, ew__spec_worker **out,
                        ew_error *err)
{
    *out = NULL;
    if (threads < 1 || queue < 0)
        return ew__error_set(err, EW_ERR_INVALID, "worker: threads >= 1 and queue >= 0");
    ew__spec_worker *w = calloc(1, sizeof *w);
    if (!w) return ew__error_set(err, EW_ERR_NOMEM, "worker: out of memory");
    w->base = base;
    w->n_threads = threads;
    w->queue_cap = queue;
    w->pipe_rd = w->pipe_wr = -1;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
        ew__spec_worker_free(w);
        return ew__error_set(err, EW_ERR_IO, "worker: pipe: %s", strerror(errno));
    }
    w->pipe_rd = fds[0];
    w->pipe_wr = fds[1];
    w->ev = event_new(base, w->pipe_rd, EV_READ | EV_PERSIST, on_wake, w);
    w->threads = calloc((size_t)threads, sizeof *w->threads);
    if (!w->ev || !w->threads || event_add(w->ev, NULL) != 0) {
        ew__spec_worker_free(w);
        return ew__error_set(err, EW_ERR_NOMEM, "worker: out of memory");
    }
    for (; w->n_started < threads; w->n_started++)
        if (pthread_create(&w->threads[w->n_started], NULL, worker_main, w) != 0) {
            ew__spec_worker_free(w);
            return ew__error_set(err, EW_ERR_NOMEM, "worker: cannot start a thread");
        }
    *out = w;
    return EW_OK;
}

void ew__spec_worker_free(ew__spec_worker *w)
{
    if (!w) return;
    pthread_mutex_lock(&w->mu);
    w->quit = true;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    for (int i = 0; i < w->n_started; i++)
        pthread_join(w->threads[i], NULL);
    /* Finished jobs are reported as cancelled too: the owner is going away
     * and only needs to release what the job held. */
    pthread_mutex_lock(&w->mu);
    if (w->q_head) {
        if (w->d_tail)
            w->d_tail->next = w->q_head;
        else
            w->d_head = w->q_head;
        w->d_tail = w->q_tail;
        w->q_head = w->q_tail = NULL;
    }
    pthread_mutex_unlock(&w->mu);
    deliver(w, EW_ERR_CANCELLED);
    if (w->ev) event_free(w->ev);
    if (w->pipe_rd >= 0) close(w->pipe_rd);
    if (w->pipe_wr >= 0) close(w->pipe_wr);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w->threads);
    free(w);
}

int ew__spec_worker_submit(ew__spec_worker *w, ew__spec_job *job, ew__spec_work_fn work,
                           ew__spec_done_fn done, void *arg)
{
    pthread_mutex_lock(&w->mu);
    if (w->quit || w->queued + w->running >= w->n_threads + w->queue_cap) {
        pthread_mutex_unlock(&w->mu);
        return EW_ERR_BUSY;
    }
    job->work = work;
    job->done = done;
    job->arg = arg;
    push(&w->q_head, &w->q_tail, job);
    w->queued++;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    return EW_OK;
}

int ew__spec_worker_pending(const ew__spec_worker *w)
{
    ew__spec_worker *m = (ew__spec_worker *)w;
    pthread_mutex_lock(&m->mu);
    int n = m->queued + m->running;
    pthread_mutex_unlock(&m->mu);
    return n;
}
