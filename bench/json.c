/* bench_json: the JSON reader on the gateway's request path, on one core.
 *
 *   parse     ew_json_parse of bench_gateway's chat request (1 KiB, 16 KiB)
 *   request   ew__request_parse of the same bodies (the parse, then the
 *             OpenAI fields read into an ew_request)
 *   pick      ew_json_pick_with of the canned upstream's whole answer and of
 *             one of its streamed chunks, for the members remote/openai.c
 *             reads (the table prepared once, as there)
 *
 * Prints ns per call (best of 5 runs: a shared machine only adds time). For
 * instruction counts, run one case under callgrind and divide the inclusive
 * cost of ew_json_parse / ew__request_parse / ew_json_pick_with by 5 x iterations:
 *   valgrind --tool=callgrind build/bench_json 200 "request 1 KiB"
 * Usage: bench_json [iterations, default 20000] [case: a substring of its name] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench/loadgen.h"
#include "core/arena.h"
#include "core/json.h"
#include "gateway/gateway_internal.h"

static const char whole[] =
    "{\"id\":\"chatcmpl-canned\",\"object\":\"chat.completion\",\"created\":1700000000,"
    "\"model\":\"canned\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
    "\"content\":\"The quick brown fox jumps over the lazy dog.\"},\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":10,\"total_tokens\":22}}";

static const char chunk[] =
    "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
    "\"canned\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The quick brown fox \"},"
    "\"finish_reason\":null}]}";

/* What remote/openai.c picks from an answer (its table, in short). */
static const ew_json_want picks[] = {{0, "error", 0},
                                     {0, "id", 0},
                                     {0, "model", 0},
                                     {0, "usage", 0},
                                     {4, "prompt_tokens", 0},
                                     {4, "completion_tokens", 0},
                                     {4, "total_tokens", 0},
                                     {0, "choices", 0},
                                     {8, NULL, 0},
                                     {9, "finish_reason", 0},
                                     {9, "text", 0},
                                     {9, "message", 0},
                                     {9, "delta", 0},
                                     {12, "content", 0},
                                     {13, "content", 0}};

typedef struct job {
    const char *body;
    size_t len;
    ew_arena *arena;
} job;

static int do_parse(const job *j)
{
    ew_json_doc d;
    int st = ew_json_parse(&d, j->body, j->len, NULL, NULL);
    ew_json_doc_cleanup(&d);
    return st;
}

static int do_request(const job *j)
{
    ew_request r;
    ew_api_error e;
    int st = ew__request_parse(j->body, j->len, EW_REQUEST_CHAT, j->arena, &r, &e);
    ew_arena_reset(j->arena);
    return st;
}

static ew_json_picks table; /* prepared once, as remote/openai.c does */

static int do_pick(const job *j)
{
    ew_json_doc d;
    int st = ew_json_pick_with(&d, j->body, j->len, &table, NULL, NULL);
    ew_json_doc_cleanup(&d);
    return st;
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static const char *only;

static void run(const char *name, int (*fn)(const job *), const job *j, int iters)
{
    if (only && !strstr(name, only)) return;
    double best = 0;
    for (int round = 0; round < 5; round++) {
        double t0 = now_ns();
        for (int i = 0; i < iters; i++)
            if (fn(j)) {
                fprintf(stderr, "%s: refused\n", name);
                exit(1);
            }
        double ns = (now_ns() - t0) / iters;
        if (round == 0 || ns < best) best = ns;
    }
    printf("%-22s %7zu bytes %9.0f ns/call  %7.2f ns/byte  (%d calls x 5)\n", name, j->len, best,
           best / (double)j->len, iters);
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 20000;
    if (iters < 1) iters = 1;
    only = argc > 2 ? argv[2] : NULL;
    ew_arena arena;
    for (int kib = 1; kib <= 16; kib *= 16) {
        char *req = lg_chat_request((size_t)kib << 10, false, "auto");
        const char *body = strstr(req, "\r\n\r\n") + 4;
        job j = {body, strlen(body), &arena};
        ew_arena_init(&arena, 0, ew__request_arena_cap(j.len));
        char name[32];
        snprintf(name, sizeof name, "parse %d KiB", kib);
        run(name, do_parse, &j, iters);
        snprintf(name, sizeof name, "request %d KiB", kib);
        run(name, do_request, &j, iters);
        ew_arena_cleanup(&arena);
        free(req);
    }
    if (ew_json_picks_init(&table, picks, (int)(sizeof picks / sizeof *picks), NULL)) return 1;
    job a = {whole, sizeof whole - 1, NULL}, c = {chunk, sizeof chunk - 1, NULL};
    run("pick whole answer", do_pick, &a, iters);
    run("pick stream chunk", do_pick, &c, iters);
    return 0;
}
