/* router/estimate.c: the block-wise token estimate gives exactly what the
 * byte-by-byte definition gives, with every block classifier this machine
 * runs, on every short string over an alphabet of each byte class and on
 * long random texts whose runs cross 64-byte blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "router/estimate.h"
#include "router/router_internal.h"

/* The definition, one byte at a time (the estimate as it was first written). */
static int64_t estimate_ref(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    int64_t tokens = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t j = i + 1;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            while (j < len && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')
                j++;
            tokens += (int64_t)(j - i + 3) / 4;
        } else if (c >= '0' && c <= '9') {
            while (j < len && s[j] >= '0' && s[j] <= '9')
                j++;
            tokens += (int64_t)(j - i + 2) / 3;
        } else if (c >= 0x80) {
            while (j < len && (s[j] & 0xC0) == 0x80)
                j++;
            tokens++;
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            tokens++;
        }
        i = j;
    }
    return tokens;
}

/* The estimate with every classifier there is here, which must all agree
 * with the definition; the public entry point too. */
static void check(const char *s, size_t n)
{
    int64_t want = estimate_ref(s, n);
    if (ew__estimate_tokens(s, n) != want) fail_msg("%zu bytes: public entry point", n);
    for (int isa = 0; isa < EW__EST_ISAS; isa++) {
        int64_t got = ew__estimate_tokens_isa(s, n, (ew__est_isa)isa);
        if (got >= 0 && got != want)
            fail_msg("%zu bytes, classifier %d: %lld, want %lld", n, isa, (long long)got,
                     (long long)want);
    }
}

static void test_classifiers(void **state)
{
    (void)state;
    /* The portable one always; SSE2 and AVX2 where built and supported. */
    assert_true(ew__estimate_tokens_isa("ab", 2, EW__EST_PORTABLE) == 1);
#if defined(__SSE2__)
    assert_true(ew__estimate_tokens_isa("ab", 2, EW__EST_SSE2) == 1);
#endif
    assert_true(ew__estimate_tokens_isa("ab", 2, EW__EST_ISAS) == -1);
}

static void test_examples(void **state)
{
    (void)state;
    assert_int_equal(ew__estimate_tokens("", 0), 0);
    assert_int_equal(ew__estimate_tokens("hello world", 11), 4);
    assert_int_equal(ew__estimate_tokens("a, b.", 5), 4);
    assert_int_equal(ew__estimate_tokens("2024", 4), 2);
    assert_int_equal(ew__estimate_tokens("\xe4\xbd\xa0\xe5\xa5\xbd", 6), 2);
    /* 100 letters: 25 tokens, across the first block boundary. */
    char run[200];
    memset(run, 'x', 100);
    assert_int_equal(ew__estimate_tokens(run, 100), 25);
    check(run, 100);
    /* 130 digits: 44 tokens, across two boundaries. */
    memset(run, '7', 130);
    assert_int_equal(ew__estimate_tokens(run, 130), 44);
    check(run, 130);
    /* A continuation byte opening a block still joins the character before it. */
    memset(run, ' ', 63);
    memcpy(run + 63, "\xc3\xa9\x80", 3);
    assert_int_equal(ew__estimate_tokens(run, 66), 1);
    check(run, 66);
    /* Only the given length counts: the byte after it is no part of the run. */
    assert_int_equal(ew__estimate_tokens("abcdE", 4), 1);
    assert_int_equal(ew__estimate_tokens("a\0b", 3), 3);
}

/* Bytes of each class, the class edges included. */
static const unsigned char alphabet[] = {'a',  'Z',  '@',  '[',  '`',  '{',  '0',  '9',
                                         '/',  ':',  ' ',  '\n', '\t', '\r', '\v', 0,
                                         0x7f, 0x80, 0xbf, 0xc0, 0xe4, 0xff};
#define N_ALPHA (sizeof alphabet)

/* Every string of up to 4 bytes over the alphabet; those of up to 3 also
 * after 61 to 64 letters, digits, spaces or lead bytes, so that the first
 * block boundary falls before each of their bytes and after the last
 * (longer ones cross it in the random test). */
static void test_exhaustive_short(void **state)
{
    (void)state;
    static const char pads[] = {'q', '5', ' ', (char)0xc3};
    char buf[80];
    for (size_t n = 1; n <= 4; n++) {
        size_t total = 1;
        for (size_t k = 0; k < n; k++)
            total *= N_ALPHA;
        for (size_t code = 0; code < total; code++) {
            char s[4];
            size_t c = code;
            for (size_t k = 0; k < n; k++, c /= N_ALPHA)
                s[k] = (char)alphabet[c % N_ALPHA];
            check(s, n);
            for (size_t p = 0; n <= 3 && p < sizeof pads; p++) {
                for (size_t at = 61; at <= 64; at++) {
                    memset(buf, pads[p], at);
                    memcpy(buf + at, s, n);
                    check(buf, at + n);
                }
            }
        }
    }
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 32) % n;
}

/* Random texts made of runs of one class, of lengths 1 to 150, so runs end
 * anywhere in a block or span several; a run of high bytes mixes leads and
 * continuations, of ASCII symbols whatever is not a letter, digit or space. */
static size_t random_text(char *s, size_t cap)
{
    size_t n = 0, len = rnd((uint32_t)cap);
    while (n < len) {
        size_t run = 1 + rnd(rnd(4) ? 12 : 150);
        int cls = (int)rnd(6);
        for (size_t k = 0; k < run && n < len; k++) {
            unsigned char c;
            switch (cls) {
            case 0:
                c = (unsigned char)((rnd(2) ? 'a' : 'A') + rnd(26));
                break;
            case 1:
                c = (unsigned char)('0' + rnd(10));
                break;
            case 2:
                c = " \n\t\r"[rnd(4)];
                break;
            case 3:
                c = (unsigned char)(0x80 + rnd(128));
                break;
            case 4:
                c = (unsigned char)rnd(128);
                break;
            default:
                c = (unsigned char)rnd(256);
            }
            s[n++] = (char)c;
        }
    }
    return n;
}

static void test_random_equivalence(void **state)
{
    (void)state;
    enum { CAP = 1024 };
    char *s = malloc(CAP + 64);
    assert_non_null(s);
    for (int iter = 0; iter < 8000; iter++) {
        size_t n = random_text(s, CAP);
        /* Every alignment of the blocks against the text. */
        size_t off = (size_t)iter % 64;
        memmove(s + off, s, n);
        check(s + off, n);
        for (size_t cut = n > 70 ? n - 70 : 0; cut < n; cut += 1 + rnd(9))
            check(s + off, cut);
    }
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classifiers),
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_exhaustive_short),
        cmocka_unit_test(test_random_equivalence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
