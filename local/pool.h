/* A persistent thread pool for the forward pass. ew__pool_run hands one job
 * to every thread (the caller is thread 0) and returns when all are done;
 * inside a job, ew__pool_barrier separates the stages. Waiting spins briefly
 * (stages are microseconds apart) and then sleeps on a condition variable, so
 * idle pools cost nothing. */
#ifndef EW_LOCAL_POOL_H
#define EW_LOCAL_POOL_H

typedef struct ew__pool ew__pool;

typedef void (*ew__pool_fn)(void *ctx, int ith, int nth);

/* n_threads counts the caller; 1 means no worker threads. */
int ew__pool_new(int n_threads, ew__pool **out);
void ew__pool_free(ew__pool *p);
int ew__pool_size(const ew__pool *p);
/* Runs fn(ctx, ith, nth) on every thread. Not reentrant; one caller at a time. */
void ew__pool_run(ew__pool *p, ew__pool_fn fn, void *ctx);
/* Inside a job: returns once every thread of the pool has reached it. */
void ew__pool_barrier(ew__pool *p);

/* Splits [0, n) into nth near-equal parts aligned to `align`; part ith. */
static inline void ew__split(int n, int align, int ith, int nth, int *lo, int *hi)
{
    int units = (n + align - 1) / align;
    int a = (int)((long long)units * ith / nth) * align;
    int b = (int)((long long)units * (ith + 1) / nth) * align;
    *lo = a < n ? a : n;
    *hi = b < n ? b : n;
}

#endif
