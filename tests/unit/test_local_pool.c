/* Thread pool: every thread runs each job, barriers order the stages, and
 * jobs can be run back to back many times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "local/pool.h"

#include "edgeway/core.h"

enum { N = 4096, STAGES = 50 };

typedef struct job {
    ew__pool *pool;
    int data[N];
    _Atomic int calls;
    int bad;
} job;

/* Each stage adds 1 to the thread's slice, then (after a barrier) checks the
 * neighbour's slice saw the same number of stages. */
static void stages(void *ctx, int ith, int nth)
{
    job *j = ctx;
    atomic_fetch_add(&j->calls, 1);
    int lo, hi, olo, ohi;
    ew__split(N, 16, ith, nth, &lo, &hi);
    ew__split(N, 16, (ith + 1) % nth, nth, &olo, &ohi);
    for (int s = 0; s < STAGES; s++) {
        for (int i = lo; i < hi; i++)
            j->data[i]++;
        ew__pool_barrier(j->pool);
        for (int i = olo; i < ohi; i++)
            if (j->data[i] != s + 1) j->bad = 1;
        ew__pool_barrier(j->pool);
    }
}

static void run_with(int n_threads)
{
    static job j;
    memset(&j, 0, sizeof j);
    assert_int_equal(ew__pool_new(n_threads, &j.pool), EW_OK);
    assert_int_equal(ew__pool_size(j.pool), n_threads);
    for (int rep = 0; rep < 20; rep++) {
        memset(j.data, 0, sizeof j.data);
        ew__pool_run(j.pool, stages, &j);
        for (int i = 0; i < N; i++)
            assert_int_equal(j.data[i], STAGES);
    }
    assert_int_equal(atomic_load(&j.calls), 20 * n_threads);
    assert_false(j.bad);
    ew__pool_free(j.pool);
}

static void test_one_thread(void **state)
{
    (void)state;
    run_with(1);
}

static void test_several_threads(void **state)
{
    (void)state;
    run_with(2);
    run_with(3);
}

static void test_split_covers_range(void **state)
{
    (void)state;
    for (int nth = 1; nth <= 7; nth++) {
        int next = 0;
        for (int ith = 0; ith < nth; ith++) {
            int lo, hi;
            ew__split(1000, 16, ith, nth, &lo, &hi);
            assert_int_equal(lo, next);
            assert_true(lo % 16 == 0 || lo == 1000);
            next = hi;
        }
        assert_int_equal(next, 1000);
    }
    ew__pool *p;
    assert_int_equal(ew__pool_new(0, &p), EW_ERR_INVALID);
    ew__pool_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_thread),
        cmocka_unit_test(test_several_threads),
        cmocka_unit_test(test_split_covers_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
