/* Thread pool with a spinning-then-sleeping barrier. See pool.h. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "local/pool.h"

#include "edgeway/core.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define cpu_relax() _mm_pause()
#elif defined(__aarch64__)
#define cpu_relax() __asm__ __volatile__("yield")
#else
#define cpu_relax() ((void)0)
#endif

/* Spin this long before sleeping: stages inside a job are microseconds
 * apart, the gap between two tokens (sampling) is well under a millisecond. */
#define SPIN_NS 200000

typedef struct {
    _Atomic unsigned gen; /* bumped when a wait is over */
    _Atomic int count;
    _Atomic int sleepers;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} waitpoint;

struct ew__pool {
    int n;
    pthread_t *threads;
    waitpoint job;     /* gen bumps when a job (or shutdown) is posted */
    waitpoint barrier; /* gen bumps when all n threads arrived */
    ew__pool_fn fn;
    void *ctx;
    _Atomic int quit;
};

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Waits until w->gen differs from seen. */
static void wait_change(waitpoint *w, unsigned seen)
{
    long long deadline = 0;
    for (unsigned i = 0;; i++) {
        if (atomic_load_explicit(&w->gen, memory_order_acquire) != seen) return;
        cpu_relax();
        if ((i & 255) == 255) {
            long long t = now_ns();
            if (!deadline)
                deadline = t + SPIN_NS;
            else if (t > deadline)
                break;
        }
    }
    pthread_mutex_lock(&w->mu);
    atomic_fetch_add(&w->sleepers, 1);
    while (atomic_load(&w->gen) == seen)
        pthread_cond_wait(&w->cv, &w->mu);
    atomic_fetch_sub(&w->sleepers, 1);
    pthread_mutex_unlock(&w->mu);
}

/* Ends a wait: bumps gen (release) and wakes sleepers. The seq_cst pair
 * (gen store here, sleepers increment in wait_change) guarantees that a
 * sleeper either sees the new gen or is seen and woken. */
static void signal_change(waitpoint *w)
{
    atomic_fetch_add(&w->gen, 1);
    if (atomic_load(&w->sleepers)) {
        pthread_mutex_lock(&w->mu);
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
    }
}

void ew__pool_barrier(ew__pool *p)
{
    if (p->n == 1) return;
    waitpoint *w = &p->barrier;
    unsigned g = atomic_load(&w->gen);
    if (atomic_fetch_add(&w->count, 1) == p->n - 1) {
        atomic_store(&w->count, 0);
        signal_change(w);
        return;
    }
    wait_change(w, g);
}

typedef struct {
    ew__pool *p;
    int ith;
} worker_arg;

static void *worker_main(void *varg)
{
    worker_arg *a = varg;
    ew__pool *p = a->p;
    int ith = a->ith;
    free(a);
    unsigned seen = 0;
    for (;;) {
        wait_change(&p->job, seen);
        seen = atomic_load(&p->job.gen);
        if (atomic_load(&p->quit)) return NULL;
        p->fn(p->ctx, ith, p->n);
        ew__pool_barrier(p);
    }
}

static int waitpoint_init(waitpoint *w)
{
    atomic_init(&w->gen, 0);
    atomic_init(&w->count, 0);
    atomic_init(&w->sleepers, 0);
    if (pthread_mutex_init(&w->mu, NULL)) return -1;
    if (pthread_cond_init(&w->cv, NULL)) {
        pthread_mutex_destroy(&w->mu);
        return -1;
    }
    return 0;
}

static void waitpoint_cleanup(waitpoint *w)
{
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
}

int ew__pool_new(int n_threads, ew__pool **out)
{
    *out = NULL;
    if (n_threads < 1 || n_threads > 256) return EW_ERR_INVALID;
    ew__pool *p = calloc(1, sizeof *p);
    if (!p) return EW_ERR_NOMEM;
    p->n = 1;
    atomic_init(&p->quit, 0);
    if (waitpoint_init(&p->job)) {
        free(p);
        return EW_ERR_NOMEM;
    }
    if (waitpoint_init(&p->barrier)) {
        waitpoint_cleanup(&p->job);
        free(p);
        return EW_ERR_NOMEM;
    }
    p->threads = calloc((size_t)n_threads, sizeof *p->threads);
    if (!p->threads) {
        ew__pool_free(p);
        return EW_ERR_NOMEM;
    }
    /* p->n grows only as workers start, so a failure here frees cleanly. The
     * barrier is not used until the first job, when n is final. */
    for (int i = 1; i < n_threads; i++) {
        worker_arg *a = malloc(sizeof *a);
        if (!a) {
            ew__pool_free(p);
            return EW_ERR_NOMEM;
        }
        a->p = p;
        a->ith = i;
        if (pthread_create(&p->threads[i], NULL, worker_main, a)) {
            free(a);
            ew__pool_free(p);
            return EW_ERR_NOMEM;
        }
        p->n++;
    }
    *out = p;
    return EW_OK;
}

void ew__pool_free(ew__pool *p)
{
    if (!p) return;
    if (p->n > 1) {
        atomic_store(&p->quit, 1);
        signal_change(&p->job);
        for (int i = 1; i < p->n; i++)
            pthread_join(p->threads[i], NULL);
    }
    waitpoint_cleanup(&p->job);
    waitpoint_cleanup(&p->barrier);
    free(p->threads);
    free(p);
}

int ew__pool_size(const ew__pool *p)
{
    return p->n;
}

void ew__pool_run(ew__pool *p, ew__pool_fn fn, void *ctx)
{
    if (p->n == 1) {
        fn(ctx, 0, 1);
        return;
    }
    p->fn = fn;
    p->ctx = ctx;
    signal_change(&p->job);
    fn(ctx, 0, p->n);
    ew__pool_barrier(p);
}
