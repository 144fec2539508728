/* bench_split: what the split route adds on the device, on one core.
 *
 *   sanitize  p50 / p99 of ew__split_sanitize on a chat request of about
 *             1 KiB and 16 KiB (a system message, history and a user turn,
 *             one PII value every few sentences), into a warm vault: the
 *             scan of every string, the pseudonymization and the copies
 *   restore   MB/s of the streaming restorer over a cloud answer holding a
 *             placeholder every ~200 bytes, pushed in 8-byte and 4 KiB deltas
 *
 * Fixed text, so runs compare; wall clock (a shared machine inflates p99).
 * Usage: bench_split [iterations, default 2000] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "edgeway/gateway.h"
#include "gateway/gateway_internal.h"
#include "gateway/split.h"

static const char *const plain[] = {
    "Please summarise the attached notes and list the open questions for the team. ",
    "We moved the meeting to next week because several people are travelling. ",
    "Could you explain how the new caching layer reduces latency for mobile users? ",
    "In the last sprint we fixed twelve bugs and shipped the new onboarding flow. ",
};
static const char *const pii[] = {
    "My name is Kristian Herzog, email kristian.herzog@example.com. ",
    "Call me at +1 (415) 555-0132. ",
    "Card 4111 1111 1111 1111 expires soon. ",
    "My SSN is 536-22-8174. ",
};

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Text of about len bytes, a PII sentence every third one. */
static void prose(ew_buf *b, size_t len)
{
    for (int i = 0; b->len < len; i++)
        ew_buf_append_str(b, i % 3 == 2 ? pii[i / 3 % 4] : plain[i % 4]);
}

/* A chat body of about size bytes: system, user/assistant history, user. */
static void chat_body(ew_buf *out, size_t size)
{
    ew_buf t;
    ew_buf_init(&t, size * 2);
    ew_buf_append_str(out, "{\"model\":\"auto\",\"messages\":[");
    const char *roles[] = {"system", "user", "assistant", "user"};
    for (int m = 0; m < 4; m++) {
        ew_buf_reset(&t);
        prose(&t, size / 4);
        ew_buf_printf(out, "%s{\"role\":\"%s\",\"content\":\"", m ? "," : "", roles[m]);
        ew_json_escape(out, t.data, t.len);
        ew_buf_append_str(out, "\"}");
    }
    ew_buf_append_str(out, "]}");
    ew_buf_cleanup(&t);
}

static void bench_sanitize(const ew_pii_scanner *sc, size_t size, int iters)
{
    ew_buf body;
    ew_buf_init(&body, size * 4);
    chat_body(&body, size);
    ew_arena parse_arena, a;
    ew_arena_init(&parse_arena, 0, 64u << 20);
    ew_arena_init(&a, 0, 64u << 20);
    ew_request req;
    ew_api_error e;
    if (ew__request_parse(body.data, body.len, EW_REQUEST_CHAT, &parse_arena, &req, &e)) {
        fprintf(stderr, "parse: %s\n", e.message);
        exit(1);
    }
    ew__split_opts o = {.scanner = sc, .replace = EW_PII_ALL};
    ew_pii_vault *v = ew_pii_vault_new(0);
    uint64_t *t = calloc((size_t)iters, sizeof *t);
    int placeholders = 0;
    for (int i = 0; i < iters; i++) {
        ew_request clean;
        ew__split_stats st = {0};
        ew_error err;
        uint64_t t0 = now_ns();
        if (ew__split_sanitize(&o, v, &req, &a, &clean, &st, &err)) {
            fprintf(stderr, "sanitize: %s\n", err.message);
            exit(1);
        }
        t[i] = now_ns() - t0;
        placeholders = st.placeholders;
        ew_arena_reset(&a);
    }
    qsort(t, (size_t)iters, sizeof *t, cmp_u64);
    printf("sanitize %6zu B request, %3d placeholders   p50 %7.1f us   p99 %7.1f us\n", body.len,
           placeholders, t[iters / 2] / 1e3, t[iters * 99 / 100] / 1e3);
    free(t);
    ew_pii_vault_free(v);
    ew_arena_cleanup(&a);
    ew_arena_cleanup(&parse_arena);
    ew_buf_cleanup(&body);
}

static int discard(void *user, const char *data, size_t len)
{
    (void)data;
    *(size_t *)user += len;
    return EW_OK;
}

static void bench_restore(const ew_pii_scanner *sc)
{
    /* A vault with the values, then an answer full of their placeholders. */
    ew_pii_vault *v = ew_pii_vault_new(0);
    ew_arena a;
    ew_arena_init(&a, 0, 64u << 20);
    ew__split_opts o = {.scanner = sc, .replace = EW_PII_ALL};
    ew__split_stats st = {0};
    ew_error err;
    const char *seed =
        "My name is Kristian Herzog, email kristian.herzog@example.com, call +1 (415) "
        "555-0132, card 4111 1111 1111 1111, my SSN is 536-22-8174.";
    const char *out;
    size_t n;
    if (ew__split_sanitize_text(&o, v, seed, strlen(seed), &a, &out, &n, &st, &err) ||
        ew_pii_vault_size(v) != 5) {
        fprintf(stderr, "seed: %s\n", out);
        exit(1);
    }
    ew_buf ans;
    ew_buf_init(&ans, 8u << 20);
    const char *ph[] = {"[PERSON_1]", "[EMAIL_1]", "[PHONE_1]", "[CREDIT_CARD_1]", "[US_SSN_1]"};
    for (int i = 0; ans.len < (4u << 20); i++) {
        ew_buf_append_str(&ans, plain[i % 4]);
        ew_buf_append_str(&ans, plain[(i + 1) % 4]);
        ew_buf_append_str(&ans, ph[i % 5]);
        ew_buf_append_str(&ans, " ");
    }
    const size_t deltas[] = {8, 4096};
    for (int d = 0; d < 2; d++) {
        ew__split_restorer *r = ew__split_restorer_new(v);
        size_t written = 0, step = deltas[d];
        uint64_t t0 = now_ns();
        for (size_t off = 0; off < ans.len; off += step)
            ew__split_restore_text(r, ans.data + off, ans.len - off < step ? ans.len - off : step,
                                   discard, &written);
        ew__split_restore_finish(r, discard, &written);
        double s = (now_ns() - t0) / 1e9;
        printf("restore  %.1f MiB answer in %4zu-byte deltas        %7.1f MB/s   (%d misses)\n",
               ans.len / 1048576.0, step, ans.len / s / 1e6, ew__split_restore_misses(r));
        ew__split_restorer_free(r);
    }
    ew_buf_cleanup(&ans);
    ew_arena_cleanup(&a);
    ew_pii_vault_free(v);
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 2000;
    if (iters < 10) iters = 10;
    ew_error err;
    ew_pii_scanner *sc = ew_pii_scanner_new(NULL, &err);
    if (!sc) {
        fprintf(stderr, "scanner: %s\n", err.message);
        return 1;
    }
    bench_sanitize(sc, 1024, iters);
    bench_sanitize(sc, 16384, iters / 4 > 10 ? iters / 4 : 10);
    bench_restore(sc);
    ew_pii_scanner_free(sc);
    return 0;
}
