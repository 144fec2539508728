/* bench_pii: throughput of ew_pii_scan on one core.
 *
 *   sparse  mixed English and Chinese prose, about one PII value per 2 KiB
 *   dense   every sentence carries PII (names, emails, phones, cards, ...)
 *   1 KiB   p50 / p99 latency of one scan of a 1 KiB chat prompt
 *   prose   text without PII as prompts are written, scanned in 1 KiB pieces:
 *           mixed-case English, the same lowercased, Chinese, and the
 *           gateway bench's lowercase lorem ipsum; MB/s and p50 per 1 KiB
 *
 * The text is generated from a fixed seed, so runs compare. Throughput uses
 * the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), latency the wall clock
 * (a shared machine inflates p99). Usage:
 *   bench_pii [MiB of text, default 8]
 *   bench_pii --dump DIR   writes 1 MiB of each text as `edgeway pii --jsonl`
 *                          records, cut as the bench scans them (sparse and
 *                          dense in 64 KiB pieces, the prose rows, 256 KiB
 *                          each, in 1 KiB), for counting instructions:
 *     valgrind --tool=callgrind --toggle-collect=ew_pii_scan \
 *         build/edgeway pii --jsonl < DIR/sparse.jsonl */
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

/* Prompts as people write them (no PII): the prose rows. */
static const char *const prose_en[] = {
    "Can you help me write a cover letter for a junior developer position at a small startup?",
    "Explain the difference between supervised and unsupervised learning with a simple example.",
    "I am planning a trip to Portugal in the spring. What should I see in Lisbon and Porto?",
    "Rewrite this paragraph so that it sounds more formal, but keep it short and clear.",
    "What are the pros and cons of using a relational database instead of a document store?",
    "Summarize the main arguments of the article below in three bullet points.",
    "My tomato plants have yellow leaves near the bottom. What could be causing this?",
    "Write a Python function that checks whether a string is a palindrome, and explain it.",
    "How do I politely tell my manager that I cannot take on another project right now?",
    "Give me a weekly meal plan for a vegetarian family of four on a modest budget.",
    "Why is the sky blue during the day and red at sunset? Keep the answer simple.",
    "Draft a friendly reminder email about the team offsite next Thursday afternoon.",
    "Compare the French Revolution and the American Revolution in a short essay.",
    "What is the best way to learn a new language as an adult with a busy schedule?",
    "Please proofread the following text and point out any grammar mistakes you find.",
    "Suggest five names for a coffee shop that also sells used books and vinyl records.",
};
static const char *const prose_zh[] = {
    "请帮我写一封求职信，应聘一家小型创业公司的初级开发岗位。",
    "用一个简单的例子解释监督学习和无监督学习的区别。",
    "我打算春天去葡萄牙旅行，在里斯本和波尔图有哪些值得看的地方？",
    "把这段话改写得更正式一些，但要保持简短清楚。",
    "使用关系型数据库而不是文档数据库有哪些优点和缺点？",
    "用三个要点总结下面这篇文章的主要观点。",
    "我的番茄叶子底部发黄了，可能是什么原因？",
    "写一个检查字符串是否是回文的函数，并解释它的原理。",
    "我该如何礼貌地告诉经理我现在无法再接手新的项目？",
    "为一个四口之家制定一份预算不高的素食周菜单。",
    "为什么白天天空是蓝色的，而日落时是红色的？请简单回答。",
    "比较法国大革命和美国独立战争，写一篇短文。",
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

enum { PROSE_MIXED, PROSE_LOWER, PROSE_ZH, PROSE_LOREM, PROSE_KINDS };
static const char *const prose_label[PROSE_KINDS] = {
    "English prose, mixed case",
    "English prose, lowercase",
    "Chinese prose",
    "lorem ipsum (bench_gateway's body)",
};

static void make_prose(ew_buf *b, size_t len, int kind)
{
    while (b->len < len) {
        const char *s = kind == PROSE_LOREM ? "lorem ipsum dolor sit amet "
                        : kind == PROSE_ZH  ? prose_zh[rnd(sizeof prose_zh / sizeof prose_zh[0])]
                                            : prose_en[rnd(sizeof prose_en / sizeof prose_en[0])];
        size_t at = b->len;
        ew_buf_append_str(b, s);
        if (kind == PROSE_LOWER)
            for (size_t k = at; k < b->len; k++)
                if (b->data[k] >= 'A' && b->data[k] <= 'Z') b->data[k] |= 0x20;
        if (kind != PROSE_LOREM) ew_buf_append_str(b, rnd(6) == 0 ? "\n" : " ");
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

/* Scans text in pieces of `piece` bytes (as a gateway would scan messages)
 * until at least `min_s` seconds passed; returns MB/s and the spans found
 * per MB. Pieces are cut on character boundaries. */
static double throughput(const ew_pii_scanner *sc, const ew_buf *t, size_t piece, double min_s,
                         double *per_mb)
{
    ew_pii_result res;
    ew_pii_result_init(&res);
    size_t bytes = 0, spans = 0;
    double t0 = now(), t1;
    do {
        for (size_t off = 0, n; off < t->len; off += n) {
            n = t->len - off < piece ? t->len - off : piece;
            while (off + n < t->len && n > 1 && (t->data[off + n] & 0xC0) == 0x80)
                n--;
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

/* Wall-clock time of `runs` scans of one prompt, sorted (µs). */
static void latency(const ew_pii_scanner *sc, const ew_buf *p, double *lat, int runs,
                    ew_pii_result *res)
{
    for (int i = 0; i < 200; i++)
        ew_pii_scan(sc, p->data, p->len, res);
    for (int i = 0; i < runs; i++) {
        double t0 = wall();
        ew_pii_scan(sc, p->data, p->len, res);
        lat[i] = (wall() - t0) * 1e6;
    }
    qsort(lat, (size_t)runs, sizeof *lat, cmp_double);
}

/* Writes t cut into pieces as bench_pii cuts them, one JSON record each. */
static int dump_pieces(const char *dir, const char *name, const ew_buf *t, size_t piece)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.jsonl", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    for (size_t off = 0, n; off < t->len; off += n) {
        n = t->len - off < piece ? t->len - off : piece;
        while (off + n < t->len && n > 1 && (t->data[off + n] & 0xC0) == 0x80)
            n--;
        fputs("{\"text\": \"", f);
        for (size_t k = off; k < off + n; k++) {
            unsigned char ch = (unsigned char)t->data[k];
            if (ch == '"' || ch == '\\')
                fprintf(f, "\\%c", ch);
            else if (ch < 0x20)
                fprintf(f, "\\u%04x", ch);
            else
                fputc(ch, f);
        }
        fputs("\"}\n", f);
    }
    return fclose(f) ? -1 : 0;
}

static int dump(const char *dir)
{
    static const char *const names[PROSE_KINDS] = {"mixed", "lower", "zh", "lorem"};
    ew_buf t;
    ew_buf_init(&t, 4 << 20);
    int rc = 0;
    make_text(&t, 1 << 20, 20);
    rc |= dump_pieces(dir, "sparse", &t, 64 << 10);
    t.len = 0;
    make_text(&t, 1 << 20, 2);
    rc |= dump_pieces(dir, "dense", &t, 64 << 10);
    for (int k = 0; k < PROSE_KINDS; k++) {
        t.len = 0;
        make_prose(&t, 256 << 10, k);
        rc |= dump_pieces(dir, names[k], &t, 1024);
    }
    ew_buf_cleanup(&t);
    if (rc) fprintf(stderr, "bench_pii: cannot write to %s\n", dir);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "--dump")) return dump(argv[2]);
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
    sp_rate = throughput(sc, &sparse, 64 << 10, 2.0, &sp_mb);
    dn_rate = throughput(sc, &dense, 64 << 10, 2.0, &dn_mb);

    enum { RUNS = 20000 };
    double *lat = malloc(RUNS * sizeof *lat);
    ew_pii_result res;
    ew_pii_result_init(&res);
    latency(sc, &prompt, lat, RUNS, &res);
    int spans_1k = res.n;

    double pr_rate[PROSE_KINDS], pr_mb[PROSE_KINDS], pr_p50[PROSE_KINDS];
    double *pl = malloc(RUNS * sizeof *pl);
    for (int k = 0; k < PROSE_KINDS; k++) {
        ew_buf t, one;
        ew_buf_init(&t, mib << 21);
        ew_buf_init(&one, 4096);
        make_prose(&t, mib << 20, k);
        pr_rate[k] = throughput(sc, &t, 1024, 1.0, &pr_mb[k]);
        make_prose(&one, 1024, k);
        one.len = 1024;
        while (one.len > 0 && (one.data[one.len] & 0xC0) == 0x80)
            one.len--;
        latency(sc, &one, pl, RUNS, &res);
        pr_p50[k] = pl[RUNS / 2];
        ew_buf_cleanup(&t);
        ew_buf_cleanup(&one);
    }
    free(pl);

    printf("edgeway PII scanner, one core, thread CPU time (%zu MiB of text per set)\n\n", mib);
    printf("%-34s %10s %14s\n", "workload", "MB/s", "spans per MB");
    printf("%-34s %10.1f %14.0f\n", "sparse: English+Chinese, 1 in 20", sp_rate, sp_mb);
    printf("%-34s %10.1f %14.0f\n", "dense: PII in every 2nd sentence", dn_rate, dn_mb);
    printf("\n%-34s %10s %10s %10s\n", "1 KiB prompt", "p50 us", "p99 us", "spans");
    printf("%-34s %10.2f %10.2f %10d\n", "scan latency", lat[RUNS / 2], lat[RUNS * 99 / 100],
           spans_1k);
    printf("\n%-34s %10s %14s %12s\n", "prose without PII, 1 KiB pieces", "MB/s", "spans per MB",
           "p50 us/KiB");
    for (int k = 0; k < PROSE_KINDS; k++)
        printf("%-34s %10.1f %14.0f %12.2f\n", prose_label[k], pr_rate[k], pr_mb[k], pr_p50[k]);
    ew_pii_result_cleanup(&res);
    free(lat);
    ew_buf_cleanup(&sparse);
    ew_buf_cleanup(&dense);
    ew_buf_cleanup(&prompt);
    ew_pii_scanner_free(sc);
    return 0;
}
