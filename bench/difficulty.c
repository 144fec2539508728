/* bench_difficulty: the cost of one difficulty score with the shipped
 * weights, for prompts of several sizes (median and p99 of single calls on
 * one core). The router's full decision (PII scan included) is bench_route. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edgeway.h"

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* English-like text of exactly len bytes. */
static char *prompt(size_t len)
{
    static const char words[] = "Please explain how the quicksort algorithm partitions an "
                                "array, then prove its expected running time is O(n log n) "
                                "and give 3 examples in Python; keep it under 200 words. ";
    char *p = malloc(len + 1);
    for (size_t i = 0; i < len; i++)
        p[i] = words[i % (sizeof words - 1)];
    p[len] = '\0';
    return p;
}

int main(void)
{
    ew_difficulty *m = NULL;
    ew_error err = {0};
    if (ew_difficulty_default(&m, &err)) {
        fprintf(stderr, "bench_difficulty: %s\n", err.message);
        return 1;
    }
    enum { RUNS = 20000 };
    static double t[RUNS];
    const size_t sizes[] = {128, 1024, 4096, 65536};
    printf("%-10s %10s %10s %10s\n", "prompt", "p50_us", "p99_us", "MB/s");
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        char *p = prompt(sizes[k]);
        volatile double sink = 0;
        for (int i = 0; i < 200; i++) /* warm the caches */
            sink += ew_difficulty_score(m, p, sizes[k], 1);
        for (int i = 0; i < RUNS; i++) {
            double a = now_ns();
            sink += ew_difficulty_score(m, p, sizes[k], 1);
            t[i] = now_ns() - a;
        }
        qsort(t, RUNS, sizeof t[0], cmp);
        double p50 = t[RUNS / 2] / 1e3, p99 = t[RUNS * 99 / 100] / 1e3;
        printf("%-10zu %10.2f %10.2f %10.1f\n", sizes[k], p50, p99, (double)sizes[k] / p50);
        free(p);
        (void)sink;
    }
    ew_difficulty_free(m);
    return 0;
}
