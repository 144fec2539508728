/* bench_pii: throughput of ew_pii_scan on one core.
 *
 *   sparse  mixed English and Chinese prose, about one PII value per 2 KiB
 *   dense   every sentence carries PII (names, emails, phones, cards, ...)
 *   1 KiB   p50 / p99 latency of one scan of a 1 KiB chat prompt
 *
 * The text is generated from a fixed seed, so runs compare. Throughput uses
 * the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), latency the wall clock
 * (a shared machine inflates p99). Usage:
 *   bench_pii [MiB of text, default 8] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "edgeway/pii.h"

static const char *const en[] = {
    "the quick review of our quarterly plan shows steady growth in most regions",
    "please summarise the attached notes and list the open questions for the team",
    "we moved the meeting to next week because several people are travelling",
    "could you explain how the new caching layer reduces latency for mobile users",
    "Thanks for the update. The deployment went fine and the dashboards look normal.",
    "In the last sprint we fixed twelve bugs and shipped the new onboarding flow",
    "Write a short poem about the sea, the wind and a lighthouse at night",
    "What are the main differences between a process and a thread in Linux?",
    "The Board approved the budget for the next fiscal year without changes.",
    "Our support team answers most tickets within four hours on weekdays.",
};
static const char *const zh[] = {
    "我们下周一开会讨论新产品的发布计划，请大家提前准备材料。",
    "这个功能主要是为了提高移动端用户的访问速度和稳定性。",
    "请帮我把这段文字翻译成英文，并且保持原来的语气。",
    "今天天气很好，我们决定去公园散步，然后一起吃午饭。",
    "系统升级以后，报表的生成时间从十分钟缩短到了两分钟。",
};
static const char *const pii[] = {
    "My name is Kristian Herzog and my email is kristian.herzog@example.com.",
    "Call me at +1 (415) 555-0132 or on my mobile 07700 900461.",
    "Card 4111 1111 1111 1111 expires 09/27.",
    "IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789.",
    "I live at 221B Baker Street, London NW1 6XE.",
    "我叫张伟，电话13812345678，身份证11010519491231002X。",
    "password=Hunter2Secret! and token ghp_XIxB7KMNdAr3zqWtQqhE94qglHqOzn1D1stg",
    "The server is at 10.20.30.40 and fe80::1ff:fe23:4567:890a.",
};

static uint64_t rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* Appends sentences until len bytes; one PII sentence every `every` sentences
 * (0 = never). */
static void make_text(ew_buf *b, size_t len, int every)
{
    int k = 0;
    while (b->len < len) {
        const char *s;
        if (every && ++k % every == 0)
            s = pii[rnd(sizeof pii / sizeof pii[0])];
        else if (rnd(3) == 0)
            s = zh[rnd(sizeof zh / sizeof zh[0])];
        else
            s = en[rnd(sizeof en / sizeof en[0])];
        ew_buf_append_str(b, s);
        ew_buf_append_str(b, rnd(8) == 0 ? "\n" : " ");
    }
}

/* CPU time of this thread: the machine may be shared, and the question is
 * what one core does, not how long the scheduler made us wait. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Scans text in 64 KiB pieces (as a gateway would scan messages) until at
 * least `min_s` seconds passed; returns MB/s and the spans found per MB. */
static double throughput(const ew_pii_scanner *sc, const ew_buf *t, double min_s, double *per_mb)
{
    ew_pii_result res;
    ew_pii_result_init(&res);
    size_t piece = 64 << 10, bytes = 0, spans = 0;
    double t0 = now(), t1;
    do {
        for (size_t off = 0; off < t->len; off += piece) {
            size_t n = t->len - off < piece ? t->len - off : piece;
            ew_pii_scan(sc, t->data + off, n, &res);
            bytes += n;
            spans += (size_t)res.n;
        }
        t1 = now();
    } while (t1 - t0 < min_s);
    ew_pii_result_cleanup(&res);
    *per_mb = (double)spans / ((double)bytes / 1e6);
    return (double)bytes / 1e6 / (t1 - t0);
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    size_t mib = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 8;
    if (mib == 0 || mib > 512) mib = 8;
    ew_pii_scanner *sc = ew_pii_scanner_new(NULL, NULL);
    if (!sc) {
        fprintf(stderr, "bench_pii: cannot build the scanner\n");
        return 1;
    }
    ew_buf sparse, dense, prompt;
    ew_buf_init(&sparse, mib << 21);
    ew_buf_init(&dense, mib << 21);
    ew_buf_init(&prompt, 4096);
    make_text(&sparse, mib << 20, 20);
    make_text(&dense, mib << 20, 2);
    make_text(&prompt, 1024, 6);
    prompt.len = 1024;
    while (prompt.len > 0 && (prompt.data[prompt.len] & 0xC0) == 0x80)
        prompt.len--; /* cut on a character boundary */

    double sp_mb, dn_mb, sp_rate, dn_rate;
    sp_rate = throughput(sc, &sparse, 2.0, &sp_mb);
    dn_rate = throughput(sc, &dense, 2.0, &dn_mb);

    enum { RUNS = 20000 };
    double *lat = malloc(RUNS * sizeof *lat);
    ew_pii_result res;
    ew_pii_result_init(&res);
    for (int i = 0; i < 200; i++)
        ew_pii_scan(sc, prompt.data, prompt.len, &res);
    for (int i = 0; i < RUNS; i++) {
        double t0 = wall();
        ew_pii_scan(sc, prompt.data, prompt.len, &res);
        lat[i] = (wall() - t0) * 1e6;
    }
    qsort(lat, RUNS, sizeof *lat, cmp_double);

    printf("edgeway PII scanner, one core, thread CPU time (%zu MiB of text per set)\n\n", mib);
    printf("%-34s %10s %14s\n", "workload", "MB/s", "spans per MB");
    printf("%-34s %10.1f %14.0f\n", "sparse: English+Chinese, 1 in 20", sp_rate, sp_mb);
    printf("%-34s %10.1f %14.0f\n", "dense: PII in every 2nd sentence", dn_rate, dn_mb);
    printf("\n%-34s %10s %10s %10s\n", "1 KiB prompt", "p50 us", "p99 us", "spans");
    printf("%-34s %10.2f %10.2f %10d\n", "scan latency", lat[RUNS / 2], lat[RUNS * 99 / 100],
           res.n);
    ew_pii_result_cleanup(&res);
    free(lat);
    ew_buf_cleanup(&sparse);
    ew_buf_cleanup(&dense);
    ew_buf_cleanup(&prompt);
    ew_pii_scanner_free(sc);
    return 0;
}
