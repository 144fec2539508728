/* core/json_scan*.c: every form of ew__json_special (portable, SSE2, AVX2
 * where the CPU has it, and the dispatcher) finds the same byte as a plain
 * byte loop, exhaustively over short inputs and at random over long ones;
 * ew_utf8_valid (vectorised over ASCII) agrees with a sequence-by-sequence
 * loop.
 * Inputs sit in exactly-sized heap blocks, so the sanitizer build catches a
 * vector load past the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/json_priv.h"

typedef size_t (*special_fn)(const char *s, size_t i, size_t to);

typedef struct form {
    const char *name;
    special_fn fn;
} form;

/* The forms this machine runs; returns how many. */
static int forms(form out[4])
{
    int n = 0;
    out[n++] = (form){"portable", ew__json_special_portable};
#ifdef __SSE2__
    out[n++] = (form){"sse2", ew__json_special_sse2};
#endif
#if defined(__x86_64__) || defined(__i386__)
    if (__builtin_cpu_supports("avx2")) out[n++] = (form){"avx2", ew__json_special_avx2};
#endif
    out[n++] = (form){"dispatch", ew__json_special};
    return n;
}

static size_t reference(const char *s, size_t i, size_t to)
{
    for (; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return i;
    }
    return to;
}

static void check_all(const char *s, size_t i, size_t to)
{
    form f[4];
    int n = forms(f);
    size_t want = reference(s, i, to);
    for (int k = 0; k < n; k++) {
        size_t got = f[k].fn(s, i, to);
        if (got != want)
            fail_msg("%s(len %zu, from %zu): %zu, want %zu (byte 0x%02x)", f[k].name, to, i, got,
                     want, want < to ? (unsigned char)s[want] : 0);
    }
}

/* Plain printable ASCII around one byte of every value, at every position
 * of every length up to 130 (past two AVX2 steps of 64), from offsets 0 and 1. */
static void test_special_exhaustive(void **state)
{
    (void)state;
    for (size_t len = 0; len <= 130; len++) {
        char *s = malloc(len ? len : 1);
        assert_non_null(s);
        for (size_t k = 0; k < len; k++)
            s[k] = (char)(' ' + k % 95 + (k % 95 == 2 || k % 95 == 60)); /* skip '"', '\' */
        check_all(s, 0, len);
        for (size_t at = 0; at < len; at++) {
            char keep = s[at];
            for (int b = 0; b < 256; b++) {
                s[at] = (char)b;
                check_all(s, 0, len);
                if (len) check_all(s, 1 < len ? 1 : len, len);
            }
            s[at] = keep;
        }
        free(s);
    }
}

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

/* Long random texts with specials at a random density, scanned from random
 * offsets to random ends, and on from each byte found, as the reader does. */
static void test_special_random(void **state)
{
    (void)state;
    for (int round = 0; round < 3000; round++) {
        size_t len = 1 + rnd(2000);
        char *s = malloc(len);
        assert_non_null(s);
        uint32_t density = 1 + rnd(400);
        for (size_t k = 0; k < len; k++)
            s[k] = rnd(density) ? (char)('a' + rnd(26)) : (char)rnd(256);
        size_t to = len - rnd((uint32_t)(len < 40 ? len : 40));
        size_t i = rnd((uint32_t)to + 1);
        while (i < to) {
            check_all(s, i, to);
            i = reference(s, i, to) + 1;
        }
        free(s);
    }
}

static bool utf8_reference(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int n = ew_utf8_seq_len((const unsigned char *)s + i, len - i);
        if (!n) return false;
        i += (size_t)n;
    }
    return true;
}

/* ASCII runs of every length around valid and broken sequences. */
static void test_utf8_valid(void **state)
{
    (void)state;
    static const char *const seqs[] = {"\xC3\xA9",     "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                       "\xC3",         "\xE2\x82",     "\xC0\xAF",
                                       "\xED\xA0\x80", "\xFF",         "\x80"};
    for (int round = 0; round < 20000; round++) {
        size_t len = rnd(100);
        char *s = malloc(len ? len : 1);
        assert_non_null(s);
        size_t k = 0;
        while (k < len) {
            const char *q = seqs[rnd(sizeof seqs / sizeof *seqs)];
            size_t run = rnd(40), n = strlen(q);
            for (; run && k < len; run--)
                s[k++] = (char)(' ' + rnd(95));
            if (rnd(3) == 0)
                for (size_t j = 0; j < n && k < len; j++)
                    s[k++] = q[j];
        }
        if (utf8_reference(s, len) != ew_utf8_valid(s, len))
            fail_msg("ew_utf8_valid disagrees on %zu bytes", len);
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_special_exhaustive),
        cmocka_unit_test(test_special_random),
        cmocka_unit_test(test_utf8_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
