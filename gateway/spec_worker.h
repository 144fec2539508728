/* Worker threads for speculative decoding's model work (drafting on the
 * edge, verification on the cloud side), so the event loop never waits for
 * a forward pass.
 *
 * A job's work function runs on a worker; its done function then runs on
 * the loop thread, woken through a pipe the loop watches. Jobs wait in a
 * bounded FIFO. The job record is the caller's (embedded in its own state),
 * so submitting allocates nothing.
 */
#ifndef EW_GATEWAY_SPEC_WORKER_H
#define EW_GATEWAY_SPEC_WORKER_H

#include <stdbool.h>

#include "edgeway/core.h"

struct event_base;

typedef struct ew__spec_worker ew__spec_worker;

/* Runs on a worker thread. */
typedef void (*ew__spec_work_fn)(void *arg);
/* Runs on the loop thread: status EW_OK after the work ran, or
 * EW_ERR_CANCELLED when the worker was freed before it could run it. */
typedef void (*ew__spec_done_fn)(void *arg, int status);

typedef struct ew__spec_job {
    ew__spec_work_fn work;
    ew__spec_done_fn done;
    void *arg;
    struct ew__spec_job *next;
} ew__spec_job;

/* threads >= 1 workers, queue >= 0 jobs waiting beyond them. */
int ew__spec_worker_new(struct event_base *base, int threads, int queue, ew__spec_worker **out,
                        ew_error *err);
/* Lets running jobs finish, then calls done(EW_ERR_CANCELLED) for every job
 * not yet reported (queued ones never run), on the calling (loop) thread.
 * NULL is a no-op. */
void ew__spec_worker_free(ew__spec_worker *w);
/* Queues a job. EW_ERR_BUSY when every worker is busy and the queue is
 * full; then no callback is ever called. */
int ew__spec_worker_submit(ew__spec_worker *w, ew__spec_job *job, ew__spec_work_fn work,
                           ew__spec_done_fn done, void *arg);
/* Jobs queued or running, for metrics. Loop thread. */
int ew__spec_worker_pending(const ew__spec_worker *w);

#endif
