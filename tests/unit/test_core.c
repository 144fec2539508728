/* core/: JSON reader and writer, bounded buffer, arena, status strings, log sink.
 * Inputs under test are copied into exactly-sized heap blocks so that the
 * sanitizer build catches any read past the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/json.h"
#include "core/json_priv.h"
#include "core/log.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Parses a copy of bytes[0..len) that ends exactly at the allocation's end.
 * Returns the status; the doc and the copy are released. */
static int parse_bytes(const char *bytes, size_t len, const ew_json_limits *lim, ew_error *err)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    if (len) memcpy(copy, bytes, len);
    ew_json_doc doc;
    int st = ew_json_parse(&doc, copy, len, lim, err);
    if (st == EW_OK)
        assert_true(doc.n > 0);
    else
        assert_int_equal(doc.n, 0);
    ew_json_doc_cleanup(&doc);
    /* The one-pass picker judges every document the same way. */
    ew_error perr;
    int pst = ew_json_pick(&doc, copy, len, NULL, 0, lim, &perr);
    if (pst != st)
        fail_msg("pick(%.*s) = %s (%s), parse %s", (int)(len > 80 ? 80 : len), copy,
                 ew_status_name(pst), pst ? perr.message : "", ew_status_name(st));
    assert_int_equal(doc.n, pst ? 0 : 1);
    ew_json_doc_cleanup(&doc);
    free(copy);
    return st;
}

static int parse_str(const char *s, ew_error *err)
{
    return parse_bytes(s, strlen(s), NULL, err);
}

static void expect_status(const char *s, int want)
{
    ew_error err;
    ew_error_clear(&err);
    int st = parse_str(s, &err);
    if (st != want)
        fail_msg("parse(%s) = %s (%s), want %s", s, ew_status_name(st), err.message,
                 ew_status_name(want));
    if (want != EW_OK) assert_non_null(strstr(err.message, "JSON"));
}

static void check_accepted(const char *text, size_t len);

/* Parses s (kept alive by the caller) and asserts success. */
static void must_parse(ew_json_doc *doc, const char *s)
{
    ew_error err;
    int st = ew_json_parse(doc, s, strlen(s), NULL, &err);
    if (st) fail_msg("parse(%s): %s", s, err.message);
}

/* ---- reader: structure and navigation ----------------------------------------------- */

static void test_json_navigation(void **state)
{
    (void)state;
    const char *s = "{\"a\":{\"b\":[10,\"x\",{\"c\":true}]},\"n\":null,\"e\":[],\"o\":{}}";
    ew_json_doc doc;
    must_parse(&doc, s);
    assert_int_equal(ew_json_type_of(&doc, 0), EW_JSON_OBJECT);
    assert_int_equal(ew_json_count(&doc, 0), 4);
    int a = ew_json_get(&doc, 0, "a");
    assert_int_equal(ew_json_type_of(&doc, a), EW_JSON_OBJECT);
    int b = ew_json_get(&doc, a, "b");
    assert_int_equal(ew_json_type_of(&doc, b), EW_JSON_ARRAY);
    assert_int_equal(ew_json_count(&doc, b), 3);
    int64_t i64 = 0;
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, b, 0), &i64), EW_OK);
    assert_int_equal(i64, 10);
    assert_true(ew_json_string_eq(&doc, ew_json_at(&doc, b, 1), "x"));
    assert_int_equal(ew_json_at(&doc, b, 3), -1);
    assert_int_equal(ew_json_at(&doc, b, -1), -1);
    assert_int_equal(ew_json_at(&doc, a, 0), -1); /* not an array */

    int c = ew_json_path(&doc, 0, "a.b[2].c");
    bool bv = false;
    assert_int_equal(ew_json_bool(&doc, c, &bv), EW_OK);
    assert_true(bv);
    assert_int_equal(ew_json_type_of(&doc, ew_json_get(&doc, 0, "n")), EW_JSON_NULL);
    assert_int_equal(ew_json_count(&doc, ew_json_get(&doc, 0, "e")), 0);
    assert_int_equal(ew_json_first(&doc, ew_json_get(&doc, 0, "e")), -1);
    assert_int_equal(ew_json_get(&doc, 0, "missing"), -1);
    assert_int_equal(ew_json_get(&doc, b, "a"), -1); /* not an object */

    /* Iteration over keys, values through member_value; order is document order. */
    const char *keys[] = {"a", "n", "e", "o"};
    int k = ew_json_first(&doc, 0), i = 0;
    for (; k >= 0; k = ew_json_next(&doc, k), i++) {
        assert_true(i < 4);
        assert_true(ew_json_string_eq(&doc, k, keys[i]));
        assert_int_equal(ew_json_member_value(&doc, k), ew_json_get(&doc, 0, keys[i]));
    }
    assert_int_equal(i, 4);
    /* A member value has no sibling of its own; values are reached from keys. */
    assert_int_equal(ew_json_next(&doc, a), -1);
    assert_int_equal(ew_json_member_value(&doc, a), -1);
    assert_int_equal(ew_json_member_value(&doc, -1), -1);
    /* Array siblings. */
    int e0 = ew_json_first(&doc, b);
    assert_int_equal(ew_json_next(&doc, e0), ew_json_at(&doc, b, 1));
    assert_int_equal(ew_json_next(&doc, ew_json_at(&doc, b, 2)), -1);

    size_t rl = 0;
    const char *raw = ew_json_raw(&doc, a, &rl);
    assert_int_equal(rl, strlen("{\"b\":[10,\"x\",{\"c\":true}]}"));
    assert_memory_equal(raw, "{\"b\":", 5);
    assert_null(ew_json_raw(&doc, 999, &rl));
    assert_int_equal(rl, 0);
    assert_int_equal(ew_json_type_of(&doc, -1), EW_JSON_NONE);
    assert_int_equal(ew_json_type_of(&doc, doc.n), EW_JSON_NONE);
    assert_string_equal(ew_json_type_name(EW_JSON_OBJECT), "object");
    assert_string_equal(ew_json_type_name(EW_JSON_NONE), "none");
    ew_json_doc_cleanup(&doc);
    ew_json_doc_cleanup(&doc); /* idempotent */
    ew_json_doc_cleanup(NULL);
}

static void test_json_paths(void **state)
{
    (void)state;
    const char *s = "[{\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"k.d\":1,\"\":2}]";
    ew_json_doc doc;
    must_parse(&doc, s);
    assert_true(
        ew_json_string_eq(&doc, ew_json_path(&doc, 0, "[0].choices[0].delta.content"), "hi"));
    int o = ew_json_path(&doc, 0, "[0]");
    assert_int_equal(ew_json_type_of(&doc, o), EW_JSON_OBJECT);
    assert_int_equal(ew_json_path(&doc, 0, ""), 0);
    assert_int_equal(ew_json_path(&doc, o, "choices[1]"), -1);
    assert_int_equal(ew_json_path(&doc, o, "choices[0].delta.missing"), -1);
    /* Keys with dots or empty keys are not addressable by path, but by ew_json_get. */
    assert_int_equal(ew_json_path(&doc, o, "k.d"), -1);
    assert_true(ew_json_get(&doc, o, "k.d") >= 0);
    assert_true(ew_json_get(&doc, o, "") >= 0);
    const char *bad[] = {"choices..delta",       "choices.",    ".choices",  "choices[x]",
                         "choices[0]x",          "choices[",    "choices[]", "choices[0",
                         "choices[99999999999]", "choices[-1]", "[0]."};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int v = ew_json_path(&doc, o, bad[i]);
        if (v != -1) fail_msg("path %s found %d", bad[i], v);
    }
    assert_int_equal(ew_json_path(&doc, 0, NULL), -1);
    assert_int_equal(ew_json_path(&doc, -1, "a"), -1);
    ew_json_doc_cleanup(&doc);
}

static void test_json_duplicate_keys(void **state)
{
    (void)state;
    ew_json_doc doc;
    /* The last duplicate wins (as JavaScript and Python read it); all are iterable. */
    must_parse(&doc, "{\"a\":1,\"b\":0,\"a\":2,\"\\u0061\":3}");
    int64_t v = 0;
    assert_int_equal(ew_json_int64(&doc, ew_json_get(&doc, 0, "a"), &v), EW_OK);
    assert_int_equal(v, 3);
    assert_int_equal(ew_json_count(&doc, 0), 4);
    ew_json_doc_cleanup(&doc);
}

/* ew_json_get_many finds what ew_json_get finds, key by key, in one pass. */
static void test_json_get_many(void **state)
{
    (void)state;
    ew_json_doc doc;
    int64_t v0 = 0;
    must_parse(&doc, "{\"id\":\"x\",\"a\":1,\"b\":0,\"a\":2,\"\\u0061\":3,\"c\\\"d\":4,\"ab\":5,"
                     "\"\":6,\"i\":7}");
    /* Keys that are prefixes of others, and the empty key, match only themselves. */
    static const char *const keys[] = {"a", "b", "missing", "c\"d", "ab", "id", "", "idx", "i"};
    int out[9];
    ew_json_get_many(&doc, 0, keys, 9, out);
    for (int i = 0; i < 9; i++)
        assert_int_equal(out[i], ew_json_get(&doc, 0, keys[i]));
    assert_int_equal(out[7], -1);
    assert_int_equal(ew_json_int64(&doc, out[6], &v0), EW_OK);
    assert_int_equal(v0, 6);
    assert_int_equal(ew_json_int64(&doc, out[8], &v0), EW_OK);
    assert_int_equal(v0, 7);
    int64_t v = 0;
    assert_int_equal(ew_json_int64(&doc, out[0], &v), EW_OK);
    assert_int_equal(v, 3); /* the last duplicate, written escaped */
    assert_int_equal(out[2], -1);
    assert_int_equal(ew_json_int64(&doc, out[3], &v), EW_OK);
    assert_int_equal(v, 4);
    ew_json_get_many(&doc, 1, keys, 2, out); /* not an object */
    assert_int_equal(out[0], -1);
    assert_int_equal(out[1], -1);
    ew_json_doc_cleanup(&doc);
}

/* ---- reader: strings ------------------------------------------------------------------- */

/* Unescapes the single string in json and compares with want[0..wlen). */
static void expect_unescaped(const char *json, const char *want, size_t wlen)
{
    ew_json_doc doc;
    must_parse(&doc, json);
    ew_arena a;
    ew_arena_init(&a, 0, 1 << 20);
    size_t len = 0;
    char *s = ew_json_string(&doc, 0, &a, &len);
    assert_non_null(s);
    assert_int_equal(len, wlen);
    assert_memory_equal(s, want, wlen);
    assert_int_equal(s[len], '\0');
    ew_buf b;
    ew_buf_init(&b, 1024);
    assert_int_equal(ew_json_string_buf(&doc, 0, &b), EW_OK);
    assert_int_equal(b.len, wlen);
    assert_memory_equal(b.data, want, wlen);
    ew_buf_cleanup(&b);
    if (!memchr(want, '\0', wlen)) assert_true(ew_json_string_eq(&doc, 0, want));
    ew_arena_cleanup(&a);
    ew_json_doc_cleanup(&doc);
}

static void test_json_escapes(void **state)
{
    (void)state;
    expect_unescaped("\"plain\"", "plain", 5);
    expect_unescaped("\"\"", "", 0);
    expect_unescaped("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t", 8);
    expect_unescaped("\"\\u0041\\u00e9\\u20AC\"", "A\xC3\xA9\xE2\x82\xAC", 6);
    expect_unescaped("\"\\uD83D\\uDE00\"", "\xF0\x9F\x98\x80", 4); /* U+1F600 */
    expect_unescaped("\"\\udbff\\udfff\"", "\xF4\x8F\xBF\xBF", 4); /* U+10FFFF */
    expect_unescaped("\"a\\u0000b\"", "a\0b", 3);                  /* embedded NUL */
    expect_unescaped("\"\xE6\x97\xA5\xF0\x9F\x98\x80\"", "\xE6\x97\xA5\xF0\x9F\x98\x80", 7);
    expect_unescaped("\"\\u007f\\u0080\\u07ff\\u0800\\uffff\"",
                     "\x7f\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF", 11);

    ew_json_doc doc;
    must_parse(&doc, "[\"k\\u00e9y\",1]");
    assert_true(ew_json_string_eq(&doc, 1, "k\xC3\xA9y"));
    assert_false(ew_json_string_eq(&doc, 1, "k\xC3\xA9"));
    assert_false(ew_json_string_eq(&doc, 1, "k\xC3\xA9yy"));
    assert_false(ew_json_string_eq(&doc, 2, "1")); /* a number is no string */
    assert_false(ew_json_string_eq(&doc, 1, NULL));
    ew_arena a;
    ew_arena_init(&a, 0, 1 << 20);
    assert_null(ew_json_string(&doc, 2, &a, NULL));
    ew_buf b;
    ew_buf_init(&b, 3); /* the unescaped value (4 bytes) does not fit */
    assert_int_equal(ew_json_string_buf(&doc, 1, &b), EW_ERR_TOO_LARGE);
    assert_int_equal(b.len, 0);
    assert_int_equal(ew_json_string_buf(&doc, 2, &b), EW_ERR_INVALID);
    ew_buf_cleanup(&b);
    ew_arena_cleanup(&a);
    ew_json_doc_cleanup(&doc);
}

/* The error for `json` has status `st` and names byte offset `at`. */
static void expect_error_at(const char *json, size_t len, int st, size_t at)
{
    ew_error err;
    ew_error_clear(&err);
    int got = parse_bytes(json, len, NULL, &err);
    char want[32];
    snprintf(want, sizeof want, "byte %zu", at);
    if (got != st || !strstr(err.message, want))
        fail_msg("parse(%.*s) = %s \"%s\", want %s at %s", (int)len, json, ew_status_name(got),
                 err.message, ew_status_name(st), want);
}

static void test_json_bad_strings(void **state)
{
    (void)state;
    /* Lone surrogates. */
    expect_error_at("\"\\uD800\"", 8, EW_ERR_UTF8, 1);
    expect_error_at("[\"ab\\uDC00\"]", 12, EW_ERR_UTF8, 4);
    expect_error_at("\"\\uD800\\u0041\"", 14, EW_ERR_UTF8, 1);
    expect_error_at("\"\\uD800x\"", 9, EW_ERR_UTF8, 1);
    expect_error_at("\"\\uDBFF\\uDBFF\"", 14, EW_ERR_UTF8, 1);
    expect_error_at("{\"\\uDFFF\":1}", 12, EW_ERR_UTF8, 2);
    /* Invalid UTF-8: truncated, overlong, encoded surrogate, past U+10FFFF, stray bytes. */
    expect_error_at("\"ab\xC3\"", 5, EW_ERR_UTF8, 3);
    expect_error_at("\"\xC0\xAF\"", 4, EW_ERR_UTF8, 1);
    expect_error_at("\"\xE0\x80\xAF\"", 5, EW_ERR_UTF8, 1);
    expect_error_at("\"x\xED\xA0\x80\"", 6, EW_ERR_UTF8, 2);
    expect_error_at("\"\xF4\x90\x80\x80\"", 6, EW_ERR_UTF8, 1);
    expect_error_at("\"\xF5\x80\x80\x80\"", 6, EW_ERR_UTF8, 1);
    expect_error_at("\"\xFF\"", 3, EW_ERR_UTF8, 1);
    expect_error_at("[1,\"\x80\"]", 7, EW_ERR_UTF8, 4);
    /* Control characters must be escaped; bad escapes. */
    expect_error_at("\"a\nb\"", 5, EW_ERR_PARSE, 2);
    expect_error_at("\"a\x01\"", 4, EW_ERR_PARSE, 2);
    expect_error_at("[\"\\x\"]", 6, EW_ERR_PARSE, 2);
    expect_error_at("\"\\u12G4\"", 8, EW_ERR_PARSE, 1);
    expect_error_at("\"\\u12\"", 6, EW_ERR_PARSE, 1);
    expect_error_at("\"\\'\"", 4, EW_ERR_PARSE, 1);
    /* A NUL byte is never valid JSON, in or out of strings. */
    expect_error_at("\"a\0b\"", 5, EW_ERR_PARSE, 2);
    expect_error_at("{}\0", 3, EW_ERR_PARSE, 2);
    expect_error_at("[1,\0]", 5, EW_ERR_PARSE, 3);
    /* Bytes outside strings. */
    expect_error_at("[\xC3\xA9]", 4, EW_ERR_PARSE, 1);
}

/* ---- reader: picking values in one pass ------------------------------------------------ */

static void test_json_pick(void **state)
{
    (void)state;
    static const ew_json_want w[] = {{0, "id", 0},
                                     {0, "choices", 0},
                                     {2, NULL, 0},
                                     {3, "delta", 0},
                                     {4, "content", 0},
                                     {4, "tool_calls", 0},
                                     {3, "finish_reason", 0},
                                     {0, "usage", 0},
                                     {8, "total_tokens", 0}};
    int n = (int)(sizeof w / sizeof *w);
    const char *c =
        " { \"id\" : \"c\\u0031\" ,\"x\":{\"content\":\"no\",\"id\":[1]},\"choices\": [ "
        "{\"index\":0,\"delta\":{\"\\u0063ontent\":\"caf\u00e9 \\ud83d\\ude00\\n\","
        "\"tool_calls\":[{\"a\":[1,{}]}]},\"finish_reason\":null},{\"delta\":{}}],"
        "\"usage\":{\"total_tokens\":22} } ";
    ew_json_doc d;
    ew_error err;
    assert_int_equal(ew_json_pick(&d, c, strlen(c), w, n, NULL, &err), EW_OK);
    ew_arena a;
    ew_arena_init(&a, 0, 1 << 16);
    size_t len;
    assert_int_equal(ew_json_type_of(&d, 0), EW_JSON_OBJECT);
    assert_string_equal(ew_json_string(&d, 1, &a, &len), "c1");
    assert_int_equal(ew_json_type_of(&d, 2), EW_JSON_ARRAY);
    assert_int_equal(ew_json_count(&d, 2), 0); /* picked containers are not navigable */
    assert_int_equal(ew_json_first(&d, 2), -1);
    assert_int_equal(ew_json_at(&d, 2, 0), -1);
    assert_int_equal(ew_json_type_of(&d, 3), EW_JSON_OBJECT);
    const char *text = ew_json_string(&d, 5, &a, &len);
    assert_int_equal(len, 11);
    assert_memory_equal(text, "caf\u00e9 \xF0\x9F\x98\x80\n", 11);
    const char *raw = ew_json_raw(&d, 6, &len);
    assert_int_equal(len, strlen("[{\"a\":[1,{}]}]"));
    assert_memory_equal(raw, "[{\"a\":[1,{}]}]", len);
    assert_int_equal(ew_json_type_of(&d, 7), EW_JSON_NULL);
    int64_t v = 0;
    assert_int_equal(ew_json_int64(&d, 9, &v), EW_OK);
    assert_int_equal(v, 22);
    /* Out of range values and absent ones read as -1 would. */
    assert_int_equal(ew_json_type_of(&d, n + 1), EW_JSON_NONE);
    assert_null(ew_json_raw(&d, n + 1, &len));
    ew_json_doc_cleanup(&d);

    /* Duplicates: the last wins, and nothing of an earlier one survives. */
    const char *dup =
        "{\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"usage\":{\"total_tokens\":1},"
        "\"choices\":[{\"finish_reason\":\"stop\"}],\"usage\":7}";
    assert_int_equal(ew_json_pick(&d, dup, strlen(dup), w, n, NULL, &err), EW_OK);
    assert_int_equal(ew_json_type_of(&d, 4), EW_JSON_NONE);
    assert_int_equal(ew_json_type_of(&d, 5), EW_JSON_NONE);
    assert_true(ew_json_string_eq(&d, 7, "stop"));
    assert_int_equal(ew_json_type_of(&d, 8), EW_JSON_NUMBER);
    assert_int_equal(ew_json_type_of(&d, 9), EW_JSON_NONE);
    ew_json_doc_cleanup(&d);

    /* Wrong shapes pick nothing below them; a bare value is a document too. */
    const char *shapes[] = {"{\"choices\":{\"0\":{\"delta\":1}}}", "[{\"id\":\"x\"}]", "\"id\"",
                            "7"};
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        assert_int_equal(ew_json_pick(&d, shapes[i], strlen(shapes[i]), w, n, NULL, &err), EW_OK);
        for (int j = 1; j <= n; j++)
            if (j != 2) assert_int_equal(ew_json_type_of(&d, j), EW_JSON_NONE);
        ew_json_doc_cleanup(&d);
    }

    /* Bad tables; failures leave an empty doc. */
    static const ew_json_want later[] = {{2, "a", 0}, {0, "b", 0}};
    static const ew_json_want neg[] = {{0, NULL, -1}};
    assert_int_equal(ew_json_pick(&d, "{}", 2, later, 2, NULL, &err), EW_ERR_INVALID);
    assert_int_equal(ew_json_pick(&d, "{}", 2, neg, 1, NULL, &err), EW_ERR_INVALID);
    assert_int_equal(ew_json_pick(&d, "{}", 2, w, EW_JSON_PICK_MAX + 1, NULL, &err),
                     EW_ERR_INVALID);
    assert_int_equal(ew_json_pick(&d, "{\"id\":1,}", 9, w, n, NULL, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "byte 8"));
    assert_int_equal(d.n, 0);
    assert_null(d.toks);
    assert_int_equal(ew_json_pick(&d, NULL, 0, w, n, NULL, &err), EW_ERR_PARSE);
    /* A table prepared once reads as the table does, document after document. */
    ew_json_picks t;
    assert_int_equal(ew_json_picks_init(&t, later, 2, &err), EW_ERR_INVALID);
    assert_int_equal(ew_json_picks_init(&t, w, EW_JSON_PICK_MAX + 1, &err), EW_ERR_INVALID);
    assert_int_equal(ew_json_picks_init(&t, w, n, &err), EW_OK);
    const char *docs[] = {c, "{\"id\":\"x\",\"choices\":[]}", "{\"id\":1,}", "[1]"};
    for (int k = 0; k < 4; k++) {
        ew_json_doc d1, d2;
        size_t dl = strlen(docs[k]);
        int st1 = ew_json_pick(&d1, docs[k], dl, w, n, NULL, NULL);
        int st2 = ew_json_pick_with(&d2, docs[k], dl, &t, NULL, NULL);
        assert_int_equal(st1, st2);
        assert_int_equal(d1.n, d2.n);
        for (int x = 0; x < d1.n; x++) {
            size_t l1 = 0, l2 = 0;
            assert_int_equal(ew_json_type_of(&d1, x), ew_json_type_of(&d2, x));
            assert_ptr_equal(ew_json_raw(&d1, x, &l1), ew_json_raw(&d2, x, &l2));
            assert_int_equal(l1, l2);
        }
        ew_json_doc_cleanup(&d1);
        ew_json_doc_cleanup(&d2);
    }
    ew_arena_cleanup(&a);
}

/* The same verdict, values and error from a memo's resume as from a fresh walk. */
static void expect_resume_same(const ew_json_picks *t, const ew_json_limits *lim,
                               ew_json_pick_memo *m, const char *text)
{
    ew_json_doc d1, d2;
    ew_error e1, e2;
    size_t len = strlen(text);
    int st1 = ew_json_pick_with(&d1, text, len, t, lim, &e1);
    int st2 = ew_json_pick_resume(&d2, text, len, t, lim, m, &e2);
    if (st1 != st2) fail_msg("%s: fresh %d, resumed %d", text, st1, st2);
    if (st1) assert_string_equal(e1.message, e2.message);
    assert_int_equal(d1.n, d2.n);
    for (int x = 0; x < d1.n; x++) {
        size_t l1 = 0, l2 = 0;
        assert_int_equal(ew_json_type_of(&d1, x), ew_json_type_of(&d2, x));
        assert_ptr_equal(ew_json_raw(&d1, x, &l1), ew_json_raw(&d2, x, &l2));
        assert_int_equal(l1, l2);
    }
    ew_json_doc_cleanup(&d1);
    ew_json_doc_cleanup(&d2);
}

static void test_json_pick_resume(void **state)
{
    (void)state;
    static const ew_json_want w[] = {
        {0, "id", 0},      {0, "choices", 0},       {2, NULL, 0},    {3, "delta", 0},
        {4, "content", 0}, {3, "finish_reason", 0}, {0, "usage", 0}, {7, "total_tokens", 0}};
    ew_json_picks t;
    assert_int_equal(ew_json_picks_init(&t, w, (int)(sizeof w / sizeof *w), NULL), EW_OK);
    /* Kept where "delta"'s value (4) starts. */
    ew_json_pick_memo *m = ew_json_pick_memo_new(4);
    assert_non_null(m);
#define PFX "{\"id\":\"c\",\"usage\":{\"total_tokens\":5},\"choices\":[{\"index\":0,\"delta\":"
    const char *docs[] = {
        PFX "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
        PFX "{\"content\":\"Hi \\u00e9\"},\"finish_reason\":null}]}", /* resumes */
        PFX "{\"content\":\"x\"},}]}",                                /* fails after it */
        PFX "{\"content\":\"x\"}}],\"usage\":7}", /* a duplicate drops the kept usage */
        PFX,                                      /* ends where the value should be */
        PFX "{",                                  /* ends inside it */
        PFX "\"text\"}]}",                        /* another first byte: walked again */
        "{\"id\":\"d\",\"usage\":{\"total_tokens\":5},\"choices\":[{\"index\":0,\"delta\":{}}]}",
        PFX "{\"content\":\"\x01\"}}]}", /* a control byte in the new part */
        PFX "{}}]}  ",
        "[" PFX "{}}]}]", /* the same bytes elsewhere are not the prefix */
    };
#undef PFX
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < sizeof docs / sizeof *docs; k++) {
            expect_resume_same(&t, NULL, m, docs[k]);
            /* Each again right after itself: the second always resumes. */
            expect_resume_same(&t, NULL, m, docs[k]);
        }
    /* Limits are part of what is kept: a token cap met exactly (14 values)
     * and crossed by one (15) after the kept point. */
    ew_json_limits few = {.max_tokens = 14, .max_depth = 8};
    const char *seed = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}";
    const char *at_cap =
        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"b\":1}}]}";
    const char *past_cap =
        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"b\":[1]}}]}";
    const char *more =
        "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"b\":[1,2,3]}}]}";
    expect_resume_same(&t, &few, m, seed);
    expect_resume_same(&t, &few, m, at_cap);
    expect_resume_same(&t, &few, m, past_cap);
    expect_resume_same(&t, &few, m, more);
    expect_resume_same(&t, NULL, m, more);
    ew_json_limits shallow = {.max_depth = 3};
    expect_resume_same(&t, &shallow, m, more);
    /* A memo for a value the table does not have reads from the start. */
    ew_json_pick_memo *none = ew_json_pick_memo_new(99);
    expect_resume_same(&t, NULL, none, seed);
    expect_resume_same(&t, NULL, NULL, seed);
    ew_json_pick_memo_free(none);
    ew_json_pick_memo_free(m);
    ew_json_pick_memo_free(NULL);
}

/* ---- reader: numbers and literals -------------------------------------------------------- */

static void test_json_number_grammar(void **state)
{
    (void)state;
    const char *good[] = {"0",      "-0",        "1",    "-1",
                          "10",     "1.5",       "-0.0", "0.5e1",
                          "1e10",   "1E+2",      "1e-2", "123456789012345678901234567890",
                          "1.0E-0", "[0,-0,1e1]"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        expect_status(good[i], EW_OK);
    const char *bad[] = {
        "01",    "-01",   "00",   "+1",    ".5",         "1.",       "-",           "--1",
        "1e",    "1e+",   "1.e3", "0x10",  "NaN",        "Infinity", "-Infinity",   "1.2.3",
        "1e1.5", "- 1",   "[01]", "[1.]",  "{\"a\":+1}", "[.5]",     "[0x1F]",      "[nan]",
        "1 2",   "[1 2]", "tru",  "nulll", "True",       "NULL",     "[truefalse]", "[t]"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        expect_status(bad[i], EW_ERR_PARSE);
    expect_status(" true ", EW_OK);
    expect_status("\tnull\n", EW_OK);
    expect_status("\"top\"", EW_OK);
    expect_error_at("{\"a\":01}", 8, EW_ERR_PARSE, 5);
}

/* Short decimals take a fast path (one division); it must read every such
 * number exactly as strtod does, sign, zeros and fraction lengths included. */
static void test_json_short_decimals(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull;
    char num[40], json[48];
    for (int iter = 0; iter < 200000; iter++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int digits = 1 + (int)(x % 16), point = (int)((x >> 8) % (uint64_t)(digits + 1));
        int n = 0;
        if ((x >> 16) & 1) num[n++] = '-';
        uint64_t r = x >> 20;
        for (int d = 0; d < digits; d++, r = r * 6364136223846793005ull + 1) {
            if (d == point && d > 0) num[n++] = '.';
            /* JSON: no leading zero before other integer digits. */
            bool lead = d == 0 && (point > 1 || (point == 0 && digits > 1));
            num[n++] = (char)((lead ? '1' : '0') + (r >> 40) % (lead ? 9 : 10));
        }
        num[n] = '\0';
        snprintf(json, sizeof json, "[%s]", num);
        ew_json_doc doc;
        must_parse(&doc, json);
        double d = 0;
        assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, 0, 0), &d), EW_OK);
        double want = strtod(num, NULL);
        if (memcmp(&d, &want, sizeof d)) fail_msg("%s: %.17g, strtod %.17g", num, d, want);
        ew_json_doc_cleanup(&doc);
    }
}

static void test_json_number_values(void **state)
{
    (void)state;
    ew_json_doc doc;
    const char *s = "[9223372036854775807,-9223372036854775808,9223372036854775808,"
                    "-9223372036854775809,1e400,-1e400,1e-400,1.5,1e3,0,-0,\"1\",true,"
                    "99999999999999999999999]";
    must_parse(&doc, s);
    int64_t v = 0;
    double d = 0;
    int arr = 0;
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 0), &v), EW_OK);
    assert_true(v == INT64_MAX);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 1), &v), EW_OK);
    assert_true(v == INT64_MIN);
    v = 7;
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 2), &v), EW_ERR_INVALID);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 3), &v), EW_ERR_INVALID);
    assert_int_equal(v, 7); /* untouched on failure */
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 4), &d), EW_ERR_INVALID);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 5), &d), EW_ERR_INVALID);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 6), &d), EW_OK);
    assert_true(d == 0.0);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 7), &d), EW_OK);
    assert_true(d == 1.5);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 7), &v), EW_ERR_INVALID);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 8), &v), EW_ERR_INVALID);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 8), &d), EW_OK);
    assert_true(d == 1000.0);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 10), &v), EW_OK);
    assert_int_equal(v, 0);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 11), &d), EW_ERR_INVALID);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 11), &v), EW_ERR_INVALID);
    bool b = false;
    assert_int_equal(ew_json_bool(&doc, ew_json_at(&doc, arr, 12), &b), EW_OK);
    assert_true(b);
    assert_int_equal(ew_json_bool(&doc, ew_json_at(&doc, arr, 9), &b), EW_ERR_INVALID);
    assert_int_equal(ew_json_int64(&doc, ew_json_at(&doc, arr, 13), &v), EW_ERR_INVALID);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, arr, 13), &d), EW_OK);
    assert_true(d == 1e23);
    assert_int_equal(ew_json_double(&doc, 99, &d), EW_ERR_INVALID);
    ew_json_doc_cleanup(&doc);

    /* Numbers longer than any stack copy: 1000 digits overflow, a long fraction is fine. */
    ew_buf big;
    ew_buf_init(&big, 1 << 16);
    assert_int_equal(ew_buf_append_str(&big, "[1"), EW_OK);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(ew_buf_append_char(&big, '0'), EW_OK);
    assert_int_equal(ew_buf_append_str(&big, ",0."), EW_OK);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(ew_buf_append_char(&big, i == 999 ? '7' : '0'), EW_OK);
    assert_int_equal(ew_buf_append_str(&big, ",0.25000000000000000000000000000000000000000000000"
                                             "000000000000000000000000000000000]"),
                     EW_OK);
    must_parse(&doc, big.data);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, 0, 0), &d), EW_ERR_INVALID);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, 0, 1), &d), EW_OK);
    assert_true(d >= 0.0 && d < 1e-300);
    assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, 0, 2), &d), EW_OK);
    assert_true(d == 0.25);
    ew_json_doc_cleanup(&doc);
    ew_buf_cleanup(&big);
}

/* ---- reader: structure errors, caps, truncation ------------------------------------------ */

static void test_json_structure_errors(void **state)
{
    (void)state;
    /* Each of these tokenizes with jsmn in strict mode; the reader must still refuse. */
    const char *bad[] = {"",
                         "   ",
                         "[",
                         "]",
                         "{",
                         "}",
                         "[1,]",
                         "[,1]",
                         "[,]",
                         "[1,,2]",
                         "{,}",
                         "{\"a\" \"b\"}",
                         "{\"a\"}",
                         "{\"a\":}",
                         "{\"a\":1,}",
                         "[\"a\":1]",
                         "{1:2}",
                         "{\"a\":1}}",
                         "[]]",
                         "{} {}",
                         "[1]x",
                         "\"a\" \"b\"",
                         "{\"a\":1 \"b\":2}",
                         "[1:2]",
                         "{\"a\"::1}",
                         "{\"a\":1:2}",
                         "[}",
                         "{]",
                         "{\"a\":[}]",
                         "{[]:1}",
                         "{{}:1}",
                         "[\"a\",]",
                         "{\"a\",1}",
                         "[{\"a\":1,\"b\"}]",
                         "[1]]",
                         "[[1]",
                         "'a'",
                         "[\"unterminated]",
                         "{\"a\":1}x",
                         "/*c*/1",
                         "[1,2}",
                         "{\"a\":\"b\":\"c\"}",
                         "[\"a\" \"b\"]",
                         "\"\\\""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ew_error err;
        ew_error_clear(&err);
        int st = parse_str(bad[i], &err);
        if (st != EW_ERR_PARSE)
            fail_msg("parse(%s) = %s, want ERR_PARSE", bad[i], ew_status_name(st));
        assert_non_null(strstr(err.message, "byte") ? err.message : NULL);
    }
    /* Errors say what was expected and where. */
    ew_error err;
    parse_str("[1 2]", &err);
    assert_non_null(strstr(err.message, "expected ',' or ']'"));
    assert_non_null(strstr(err.message, "byte 3"));
    parse_str("{\"a\" \"b\"}", &err);
    assert_non_null(strstr(err.message, "':'"));
    parse_str("{\"a\":1", &err);
    assert_non_null(strstr(err.message, "truncated"));
    assert_int_equal(parse_bytes(NULL, 0, NULL, &err), EW_ERR_PARSE);
    /* The error pointer is optional. */
    assert_int_equal(parse_str("[1,]", NULL), EW_ERR_PARSE);
}

/* Builds n nested arrays around a 1. */
static char *nested(int n)
{
    char *s = malloc((size_t)n * 2 + 2);
    assert_non_null(s);
    memset(s, '[', (size_t)n);
    s[n] = '1';
    memset(s + n + 1, ']', (size_t)n);
    s[2 * n + 1] = '\0';
    return s;
}

static void test_json_caps(void **state)
{
    (void)state;
    ew_error err;
    char *s = nested(64);
    assert_int_equal(parse_str(s, &err), EW_OK);
    free(s);
    s = nested(65);
    assert_int_equal(parse_str(s, &err), EW_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "nesting"));
    free(s);
    /* Deep input of objects too, and depth counted through member values. */
    assert_int_equal(parse_str("{\"a\":{\"b\":{\"c\":[1]}}}", &err), EW_OK);
    ew_json_limits lim = {.max_tokens = 0, .max_depth = 3};
    const char *d4 = "{\"a\":{\"b\":{\"c\":[1]}}}";
    assert_int_equal(parse_bytes(d4, strlen(d4), &lim, &err), EW_ERR_TOO_LARGE);
    lim.max_depth = 4;
    assert_int_equal(parse_bytes(d4, strlen(d4), &lim, &err), EW_OK);

    /* Very deep input is refused up front, in linear time, whatever the token cap. */
    s = nested(200000);
    assert_int_equal(parse_str(s, &err), EW_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "nesting deeper than 64 at byte 64"));
    lim = (ew_json_limits){.max_tokens = 300000, .max_depth = 0};
    assert_int_equal(parse_bytes(s, strlen(s), &lim, &err), EW_ERR_TOO_LARGE);
    free(s);
    /* Brackets inside strings do not count; a raised depth cap is honoured. */
    assert_int_equal(
        parse_str("[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]",
                  &err),
        EW_OK);
    s = nested(3000);
    lim = (ew_json_limits){.max_tokens = 0, .max_depth = 3000};
    assert_int_equal(parse_bytes(s, strlen(s), &lim, &err), EW_OK);
    free(s);
    /* Past the token cap: 3000 arrays and the 1 are 3001 values. */
    s = nested(3000);
    lim = (ew_json_limits){.max_tokens = 3000, .max_depth = 3000};
    assert_int_equal(parse_bytes(s, strlen(s), &lim, &err), EW_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "values"));
    free(s);

    /* Token cap: [1,2,...,99] has 100 tokens. */
    ew_buf b;
    ew_buf_init(&b, 4096);
    ew_buf_append_char(&b, '[');
    for (int i = 1; i < 100; i++)
        ew_buf_printf(&b, i > 1 ? ",%d" : "%d", i);
    ew_buf_append_char(&b, ']');
    lim = (ew_json_limits){.max_tokens = 100};
    assert_int_equal(parse_bytes(b.data, b.len, &lim, &err), EW_OK);
    lim.max_tokens = 99;
    assert_int_equal(parse_bytes(b.data, b.len, &lim, &err), EW_ERR_TOO_LARGE);
    ew_buf_cleanup(&b);
}

static const char sample_doc[] =
    "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":"
    "\"Be \\\"brief\\\".\\n\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
    "\"caf\\u00e9 \\ud83d\\ude00 \xE6\x97\xA5\"}]}],\"temperature\":0.7,\"max_tokens\":128,"
    "\"stop\":[\"\\n\\n\",\"END\"],\"seed\":-42,\"top_p\":1e0,\"user\":null,\"n\":1,"
    "\"tools\":[],\"meta\":{}}";

static void test_json_truncated_everywhere(void **state)
{
    (void)state;
    size_t len = strlen(sample_doc);
    assert_int_equal(parse_bytes(sample_doc, len, NULL, NULL), EW_OK);
    for (size_t cut = 0; cut < len; cut++) {
        ew_error err;
        int st = parse_bytes(sample_doc, cut, NULL, &err);
        if (st != EW_ERR_PARSE && st != EW_ERR_UTF8)
            fail_msg("prefix of %zu bytes: %s", cut, ew_status_name(st));
    }
    /* Each single byte dropped: never a crash, and what is still accepted
     * (e.g. a letter dropped from a string) navigates and round-trips. */
    char *copy = malloc(len);
    assert_non_null(copy);
    for (size_t drop = 0; drop < len; drop++) {
        memcpy(copy, sample_doc, drop);
        memcpy(copy + drop, sample_doc + drop + 1, len - drop - 1);
        if (parse_bytes(copy, len - 1, NULL, NULL) == EW_OK) check_accepted(copy, len - 1);
    }
    free(copy);
    /* Dropping a bracket, colon or quote always breaks these documents. */
    const char *structural[] = {"{\"a\":[1,2]}", "[{},{}]", "{\"a\":{\"b\":1}}"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(structural[i]);
        for (size_t drop = 0; drop < n; drop++) {
            char tmp[32];
            memcpy(tmp, structural[i], drop);
            memcpy(tmp + drop, structural[i] + drop + 1, n - drop - 1);
            if (strchr("{}[]:\"", structural[i][drop]))
                assert_int_not_equal(parse_bytes(tmp, n - 1, NULL, NULL), EW_OK);
        }
    }
}

static void test_json_sample_values(void **state)
{
    (void)state;
    ew_json_doc doc;
    must_parse(&doc, sample_doc);
    ew_arena a;
    ew_arena_init(&a, 256, 1 << 16);
    size_t len;
    char *text =
        ew_json_string(&doc, ew_json_path(&doc, 0, "messages[1].content[0].text"), &a, &len);
    assert_non_null(text);
    assert_string_equal(text, "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE6\x97\xA5");
    char *sys = ew_json_string(&doc, ew_json_path(&doc, 0, "messages[0].content"), &a, &len);
    assert_string_equal(sys, "Be \"brief\".\n");
    double t = 0;
    assert_int_equal(ew_json_double(&doc, ew_json_get(&doc, 0, "temperature"), &t), EW_OK);
    assert_true(t == 0.7);
    int64_t seed = 0;
    assert_int_equal(ew_json_int64(&doc, ew_json_get(&doc, 0, "seed"), &seed), EW_OK);
    assert_int_equal(seed, -42);
    assert_true(ew_json_string_eq(&doc, ew_json_path(&doc, 0, "stop[1]"), "END"));
    ew_arena_cleanup(&a);
    ew_json_doc_cleanup(&doc);
}

/* ---- writer ------------------------------------------------------------------------------- */

static void test_jw_structure(void **state)
{
    (void)state;
    ew_buf b;
    ew_buf_init(&b, 4096);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "a");
    ew_jw_int(&w, 1);
    ew_jw_key(&w, "b");
    ew_jw_array_begin(&w);
    ew_jw_string(&w, "x\"y");
    ew_jw_null(&w);
    ew_jw_bool(&w, true);
    ew_jw_double(&w, 0.5);
    ew_jw_array_begin(&w);
    ew_jw_array_end(&w);
    ew_jw_uint(&w, UINT64_MAX);
    ew_jw_int(&w, INT64_MIN);
    ew_jw_array_end(&w);
    ew_jw_key(&w, "c");
    ew_jw_object_begin(&w);
    ew_jw_object_end(&w);
    ew_jw_keyn(&w, "raw!", 3);
    ew_jw_raw(&w, "[1,2]", 5);
    ew_jw_key(&w, "s");
    ew_jw_string(&w, NULL);
    ew_jw_object_end(&w);
    assert_int_equal(w.status, EW_OK);
    assert_string_equal(b.data, "{\"a\":1,\"b\":[\"x\\\"y\",null,true,0.5,[],18446744073709551615,"
                                "-9223372036854775808],\"c\":{},\"raw\":[1,2],\"s\":\"\"}");
    assert_int_equal(parse_bytes(b.data, b.len, NULL, NULL), EW_OK);

    /* Literal keys and pre-escaped string bodies take the same separators. */
    ew_buf_reset(&b);
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    EW_JW_KEY(&w, "role");
    ew_jw_string_json(&w, "a\\u00e9\\n", 9);
    EW_JW_KEY(&w, "parts");
    ew_jw_array_begin(&w);
    ew_jw_string_json(&w, "", 0);
    ew_jw_string_json(&w, "x", 1);
    ew_jw_object_begin(&w);
    EW_JW_KEY(&w, "max_tokens");
    ew_jw_int(&w, 3);
    ew_jw_object_end(&w);
    ew_jw_array_end(&w);
    ew_jw_object_end(&w);
    assert_int_equal(w.status, EW_OK);
    assert_string_equal(b.data,
                        "{\"role\":\"a\\u00e9\\n\",\"parts\":[\"\",\"x\",{\"max_tokens\":3}]}");
    assert_int_equal(parse_bytes(b.data, b.len, NULL, NULL), EW_OK);
    ew_buf_cleanup(&b);
}

/* Writes one string value and compares the whole output. */
static void expect_jw_string(const char *in, size_t len, const char *want)
{
    ew_buf b;
    ew_buf_init(&b, 4096);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_stringn(&w, in, len);
    assert_int_equal(w.status, EW_OK);
    assert_string_equal(b.data, want);
    assert_true(ew_utf8_valid(b.data, b.len));
    assert_int_equal(parse_bytes(b.data, b.len, NULL, NULL), EW_OK);
    ew_buf_cleanup(&b);
}

static void test_jw_escaping(void **state)
{
    (void)state;
    expect_jw_string("a\"b\\c/d", 7, "\"a\\\"b\\\\c/d\"");
    expect_jw_string("\n\r\t\b\f", 5, "\"\\n\\r\\t\\b\\f\"");
    expect_jw_string("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\x7f\"");
    expect_jw_string("a\0b", 3, "\"a\\u0000b\"");
    expect_jw_string("caf\xC3\xA9 \xF0\x9F\x98\x80", 10, "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
    /* Invalid UTF-8 becomes U+FFFD, one per bad byte. */
    expect_jw_string("a\xFF"
                     "b",
                     3,
                     "\"a\xEF\xBF\xBD"
                     "b\"");
    expect_jw_string("\xC3", 1, "\"\xEF\xBF\xBD\"");
    expect_jw_string("\xC0\xAF", 2, "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    expect_jw_string("\xED\xA0\x80", 3, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    expect_jw_string("x\xF4\x90\x80\x80", 5,
                     "\"x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    /* Keys are escaped the same way. */
    ew_buf b;
    ew_buf_init(&b, 64);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    ew_jw_keyn(&w, "k\"\xFF", 3);
    ew_jw_int(&w, 1);
    ew_jw_object_end(&w);
    assert_string_equal(b.data, "{\"k\\\"\xEF\xBF\xBD\":1}");
    ew_buf_cleanup(&b);
}

static void test_jw_doubles(void **state)
{
    (void)state;
    const double vals[] = {
        0.0,     -0.0,    0.1,           1.0 / 3, 2.0 / 3, 1e300,      -2.5e-300,          5e-324,
        DBL_MAX, DBL_MIN, 123456789.123, 1e21,    1e-7,    -1234.5678, 9007199254740993.0, 0.7};
    size_t n = sizeof vals / sizeof *vals;
    ew_buf b;
    ew_buf_init(&b, 4096);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_array_begin(&w);
    for (size_t i = 0; i < n; i++)
        ew_jw_double(&w, vals[i]);
    ew_jw_double(&w, NAN);
    ew_jw_double(&w, INFINITY);
    ew_jw_double(&w, -INFINITY);
    ew_jw_array_end(&w);
    assert_int_equal(w.status, EW_OK);
    ew_json_doc doc;
    must_parse(&doc, b.data);
    assert_int_equal(ew_json_count(&doc, 0), (int)n + 3);
    for (size_t i = 0; i < n; i++) {
        double d = -1;
        assert_int_equal(ew_json_double(&doc, ew_json_at(&doc, 0, (int)i), &d), EW_OK);
        if (memcmp(&d, &vals[i], sizeof d))
            fail_msg("double %zu: wrote %.17g, read %.17g", i, vals[i], d);
    }
    for (int i = 0; i < 3; i++)
        assert_int_equal(ew_json_type_of(&doc, ew_json_at(&doc, 0, (int)n + i)), EW_JSON_NULL);
    ew_json_doc_cleanup(&doc);
    ew_buf_cleanup(&b);
}

/* Numbers ignore the thread's locale. Only testable where a locale with a
 * decimal comma is installed; the C locale itself is checked everywhere. */
static void test_json_numbers_locale(void **state)
{
    (void)state;
    assert_non_null(ew__json_c_locale());
    locale_t de = newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", (locale_t)0);
    if (!de) {
        print_message("no de_DE.UTF-8 locale: decimal-comma check skipped\n");
        skip();
    }
    locale_t old = uselocale(de);
    ew_buf b;
    ew_buf_init(&b, 64);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_double(&w, 0.5);
    ew_json_doc doc;
    double d = 0;
    int st = ew_json_parse(&doc, "1.25", 4, NULL, NULL);
    if (!st) st = ew_json_double(&doc, 0, &d);
    ew_json_doc_cleanup(&doc);
    uselocale(old);
    freelocale(de);
    assert_string_equal(b.data, "0.5");
    assert_int_equal(st, EW_OK);
    assert_true(d == 1.25);
    ew_buf_cleanup(&b);
}

static void test_jw_limits(void **state)
{
    (void)state;
    /* Depth past EW_JW_MAX_DEPTH sticks as TOO_LARGE. */
    ew_buf b;
    ew_buf_init(&b, 4096);
    ew_jw w;
    ew_jw_init(&w, &b);
    for (int i = 0; i < EW_JW_MAX_DEPTH; i++)
        ew_jw_array_begin(&w);
    assert_int_equal(w.status, EW_OK);
    ew_jw_array_begin(&w);
    assert_int_equal(w.status, EW_ERR_TOO_LARGE);
    ew_buf_cleanup(&b);

    /* The buffer's cap: the first failure sticks and nothing after it is written. */
    ew_buf_init(&b, 10);
    ew_jw_init(&w, &b);
    ew_jw_array_begin(&w);
    ew_jw_string(&w, "12345");
    assert_int_equal(w.status, EW_OK);
    ew_jw_string(&w, "123456789");
    assert_int_equal(w.status, EW_ERR_TOO_LARGE);
    size_t len = b.len;
    ew_jw_int(&w, 1);
    ew_jw_array_end(&w);
    assert_int_equal(b.len, len);
    assert_int_equal(w.status, EW_ERR_TOO_LARGE);
    ew_buf_cleanup(&b);
}

/* ---- buffer -------------------------------------------------------------------------------- */

static void test_buf_caps(void **state)
{
    (void)state;
    ew_buf b;
    ew_buf_init(&b, 8);
    assert_null(b.data);
    assert_int_equal(ew_buf_append(&b, "12345678", 8), EW_OK); /* exactly max */
    assert_string_equal(b.data, "12345678");
    assert_int_equal(ew_buf_append(&b, "9", 1), EW_ERR_TOO_LARGE);
    assert_int_equal(ew_buf_append_char(&b, '9'), EW_ERR_TOO_LARGE);
    assert_int_equal(ew_buf_printf(&b, "%d", 9), EW_ERR_TOO_LARGE);
    assert_int_equal(ew_buf_reserve(&b, 1), EW_ERR_TOO_LARGE);
    assert_int_equal(ew_buf_reserve(&b, SIZE_MAX), EW_ERR_TOO_LARGE);
    assert_int_equal(b.len, 8);
    assert_string_equal(b.data, "12345678");
    assert_true(b.cap <= b.max + 1);
    ew_buf_consume(&b, 3);
    assert_string_equal(b.data, "45678");
    assert_int_equal(ew_buf_printf(&b, "%s", "abcd"), EW_ERR_TOO_LARGE); /* 9 > 8 */
    assert_string_equal(b.data, "45678");
    assert_int_equal(ew_buf_printf(&b, "%c%d", 'x', 12), EW_OK);
    assert_string_equal(b.data, "45678x12");
    ew_buf_consume(&b, 100);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    ew_buf_cleanup(&b);

    /* printf longer than its small stack buffer, exactly at the cap and one past it. */
    ew_buf_init(&b, 300);
    char fill[301];
    memset(fill, 'z', 300);
    fill[300] = '\0';
    assert_int_equal(ew_buf_printf(&b, "%s", fill), EW_OK);
    assert_int_equal(b.len, 300);
    ew_buf_reset(&b);
    assert_int_equal(ew_buf_printf(&b, "%s!", fill), EW_ERR_TOO_LARGE);
    assert_int_equal(b.len, 0);
    assert_int_equal(ew_buf_append_str(&b, "abc"), EW_OK);
    size_t n = 0;
    char *p = ew_buf_steal(&b, &n);
    assert_int_equal(n, 3);
    assert_string_equal(p, "abc");
    free(p);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(ew_buf_append(&b, "", 0), EW_OK); /* usable after steal */
    ew_buf_cleanup(&b);
    ew_buf_cleanup(&b);
}

/* ---- arena ----------------------------------------------------------------------------------- */

static void test_arena(void **state)
{
    (void)state;
    ew_arena a;
    ew_arena_init(&a, 1024, 64 * 1024);
    assert_null(a.head);
    char *prev = NULL;
    for (int i = 0; i < 100; i++) {
        size_t n = (size_t)(i % 37) + 1;
        char *p = ew_arena_alloc(&a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, i, n);
        assert_true(p != prev);
        prev = p;
    }
    assert_true(a.used <= a.max);
    int *z = ew_arena_calloc(&a, 100, sizeof(int));
    assert_non_null(z);
    for (int i = 0; i < 100; i++)
        assert_int_equal(z[i], 0);
    assert_null(ew_arena_calloc(&a, SIZE_MAX / 2, 4)); /* overflow */
    assert_non_null(ew_arena_alloc(&a, 0));
    char *s = ew_arena_strdup(&a, "hello");
    assert_string_equal(s, "hello");
    s = ew_arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    /* A big block gets its own chunk; small ones keep using the current chunk. */
    char *big = ew_arena_alloc(&a, 10000);
    assert_non_null(big);
    memset(big, 1, 10000);
    assert_non_null(ew_arena_alloc(&a, 16));
    /* The cap: allocations stop before `used` passes `max`. */
    int count = 0;
    while (ew_arena_alloc(&a, 512))
        count++;
    assert_true(count > 10);
    assert_true(a.used <= a.max);
    assert_null(ew_arena_alloc(&a, 64 * 1024));
    assert_null(ew_arena_alloc(&a, SIZE_MAX));
    /* Reset keeps one default-size chunk and makes room again. */
    ew_arena_reset(&a);
    assert_true(a.used <= 1024 + 64);
    assert_non_null(ew_arena_alloc(&a, 512));
    ew_arena_cleanup(&a);
    assert_int_equal(a.used, 0);
    assert_non_null(ew_arena_alloc(&a, 8)); /* usable after cleanup */
    ew_arena_cleanup(&a);

    /* A cap smaller than one chunk still allows what fits, then refuses. */
    ew_arena_init(&a, 0, 200);
    assert_non_null(ew_arena_alloc(&a, 100));
    assert_null(ew_arena_alloc(&a, 100));
    assert_true(a.used <= 200);
    ew_arena_reset(&a);
    ew_arena_cleanup(&a);
    ew_arena_init(&a, 0, 8); /* not even a header fits */
    assert_null(ew_arena_alloc(&a, 1));
    ew_arena_cleanup(&a);
}

/* ---- status and log ---------------------------------------------------------------------------
 */

static void test_status_strings(void **state)
{
    (void)state;
    assert_string_equal(ew_strerror(EW_OK), "success");
    assert_string_equal(ew_strerror(EW_ERR_PARSE), "malformed input");
    assert_string_equal(ew_strerror(EW_ERR_TOO_LARGE), "input exceeds a configured limit");
    assert_string_equal(ew_strerror(12345), "unknown status");
    assert_string_equal(ew_status_name(EW_ERR_UTF8), "ERR_UTF8");
    assert_string_equal(ew_status_name(-999), "UNKNOWN");
    assert_true(EW_ERR_INTERNAL < 0);
    ew_error err;
    char out[600];
    ew_error_clear(&err);
    assert_int_equal(ew__error_at(&err, EW_ERR_CONFIG, "x.yaml", 3, 7, "bad key '%s'", "k"),
                     EW_ERR_CONFIG);
    assert_string_equal(ew_error_format(&err, out, sizeof out), "x.yaml:3:7: bad key 'k'");
    assert_int_equal(ew__error_set(&err, EW_ERR_IO, "no file"), EW_ERR_IO);
    assert_string_equal(ew_error_format(&err, out, sizeof out), "no file");
    assert_int_equal(ew__error_set(NULL, EW_ERR_IO, "x"), EW_ERR_IO);
    ew_error_clear(&err);
    err.status = EW_ERR_TIMEOUT;
    assert_string_equal(ew_error_format(&err, out, sizeof out), "timed out");
    assert_string_equal(ew_error_format(NULL, out, sizeof out), "no error");
    assert_non_null(ew_version());
}

typedef struct captured {
    int calls;
    ew_log_level level;
    char rid[64];
    char msg[4096];
} captured;

static void capture_sink(void *user, ew_log_level level, const char *rid, const char *msg)
{
    captured *c = user;
    c->calls++;
    c->level = level;
    snprintf(c->rid, sizeof c->rid, "%s", rid ? rid : "(none)");
    snprintf(c->msg, sizeof c->msg, "%s", msg);
}

static void test_log_sink(void **state)
{
    (void)state;
    captured c = {0};
    ew__info("r1", "before any sink"); /* silent, no crash */
    ew_log_set_sink(capture_sink, &c, EW_LOG_INFO);
    assert_true(ew__log_enabled(EW_LOG_WARN));
    assert_false(ew__log_enabled(EW_LOG_DEBUG));
    ew__debug("r1", "filtered %d", 1);
    assert_int_equal(c.calls, 0);
    ew__info("r1", "hello %s %d", "world", 7);
    assert_int_equal(c.calls, 1);
    assert_int_equal(c.level, EW_LOG_INFO);
    assert_string_equal(c.rid, "r1");
    assert_string_equal(c.msg, "hello world 7");
    ew__error(NULL, "no request");
    assert_int_equal(c.level, EW_LOG_ERROR);
    assert_string_equal(c.rid, "(none)");
    /* Long messages are truncated, not overflowed. */
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ew__warn("r2", "%s", big);
    assert_true(strlen(c.msg) < 2048);
    assert_true(strlen(c.msg) > 1000);
    ew_log_set_sink(capture_sink, &c, EW_LOG_DEBUG);
    ew__debug("r3", "now on");
    assert_string_equal(c.msg, "now on");
    ew_log_set_sink(NULL, NULL, EW_LOG_DEBUG);
    int calls = c.calls;
    ew__error("r4", "silenced");
    assert_int_equal(c.calls, calls);
    assert_false(ew__log_enabled(EW_LOG_ERROR));
    assert_string_equal(ew_log_level_name(EW_LOG_WARN), "warn");
}

/* ---- fuzz-style: random and mutated documents against a reference validator ---------------- */

/* A deliberately simple recursive-descent validator, written independently of
 * the reader (its own UTF-8 table, its own grammar), used as the oracle. */
typedef struct ref {
    const unsigned char *s;
    size_t n, i;
    int depth, max_depth_seen;
    long toks;
} ref;

static void ref_ws(ref *r)
{
    while (r->i < r->n &&
           (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' || r->s[r->i] == '\r'))
        r->i++;
}

static bool ref_in(ref *r, size_t at, unsigned lo, unsigned hi)
{
    return at < r->n && r->s[at] >= lo && r->s[at] <= hi;
}

/* RFC 3629 table: returns the length of the sequence at i, or 0. */
static int ref_utf8(ref *r, size_t i)
{
    unsigned c = r->s[i];
    if (c >= 0xC2 && c <= 0xDF) return ref_in(r, i + 1, 0x80, 0xBF) ? 2 : 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        return ref_in(r, i + 1, lo, hi) && ref_in(r, i + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
        return ref_in(r, i + 1, lo, hi) && ref_in(r, i + 2, 0x80, 0xBF) &&
                       ref_in(r, i + 3, 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0;
}

static long ref_hex4(ref *r, size_t i)
{
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        if (i + k >= r->n) return -1;
        char ch = (char)r->s[i + k];
        const char *digits = "0123456789abcdef";
        const char *p = ch ? strchr(digits, ch >= 'A' && ch <= 'F' ? ch + 32 : ch) : NULL;
        if (!p) return -1;
        v = v * 16 + (p - digits);
    }
    return v;
}

static bool ref_string(ref *r)
{
    r->i++;
    r->toks++;
    while (r->i < r->n) {
        unsigned c = r->s[r->i];
        if (c == '"') {
            r->i++;
            return true;
        }
        if (c < 0x20) return false;
        if (c == '\\') {
            if (r->i + 1 >= r->n) return false;
            char e = (char)r->s[r->i + 1];
            if (e != 'u') {
                if (!e || !strchr("\"\\/bfnrt", e)) return false;
                r->i += 2;
                continue;
            }
            long cp = ref_hex4(r, r->i + 2);
            r->i += 6;
            if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (r->i + 1 >= r->n || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u') return false;
                long lo = ref_hex4(r, r->i + 2);
                if (lo < 0xDC00 || lo > 0xDFFF) return false;
                r->i += 6;
            }
            continue;
        }
        if (c < 0x80) {
            r->i++;
            continue;
        }
        int len = ref_utf8(r, r->i);
        if (!len) return false;
        r->i += (size_t)len;
    }
    return false;
}

static bool ref_digits(ref *r)
{
    size_t st = r->i;
    while (ref_in(r, r->i, '0', '9'))
        r->i++;
    return r->i > st;
}

static bool ref_number(ref *r)
{
    r->toks++;
    if (ref_in(r, r->i, '-', '-')) r->i++;
    if (ref_in(r, r->i, '0', '0'))
        r->i++;
    else if (!ref_in(r, r->i, '1', '9') || !ref_digits(r))
        return false;
    if (ref_in(r, r->i, '.', '.')) {
        r->i++;
        if (!ref_digits(r)) return false;
    }
    if (ref_in(r, r->i, 'e', 'e') || ref_in(r, r->i, 'E', 'E')) {
        r->i++;
        if (ref_in(r, r->i, '+', '+') || ref_in(r, r->i, '-', '-')) r->i++;
        if (!ref_digits(r)) return false;
    }
    return true;
}

static bool ref_value(ref *r);

static bool ref_container(ref *r, char close, bool obj)
{
    r->i++;
    r->toks++;
    if (++r->depth > r->max_depth_seen) r->max_depth_seen = r->depth;
    ref_ws(r);
    if (r->i < r->n && r->s[r->i] == (unsigned char)close) {
        r->i++;
        r->depth--;
        return true;
    }
    for (;;) {
        ref_ws(r);
        if (obj) {
            if (r->i >= r->n || r->s[r->i] != '"' || !ref_string(r)) return false;
            ref_ws(r);
            if (r->i >= r->n || r->s[r->i] != ':') return false;
            r->i++;
        }
        if (!ref_value(r)) return false;
        ref_ws(r);
        if (r->i >= r->n) return false;
        if (r->s[r->i] == (unsigned char)close) {
            r->i++;
            r->depth--;
            return true;
        }
        if (r->s[r->i] != ',') return false;
        r->i++;
    }
}

static bool ref_value(ref *r)
{
    ref_ws(r);
    if (r->i >= r->n) return false;
    const char *rest = (const char *)r->s + r->i;
    size_t left = r->n - r->i;
    switch (r->s[r->i]) {
    case '{':
        return ref_container(r, '}', true);
    case '[':
        return ref_container(r, ']', false);
    case '"':
        return ref_string(r);
    case 't':
    case 'n':
        r->toks++;
        if (left < 4 || memcmp(rest, r->s[r->i] == 't' ? "true" : "null", 4)) return false;
        r->i += 4;
        return true;
    case 'f':
        r->toks++;
        if (left < 5 || memcmp(rest, "false", 5)) return false;
        r->i += 5;
        return true;
    default:
        return ref_number(r);
    }
}

static bool ref_valid(const char *s, size_t n, int *depth, long *toks)
{
    ref r = {.s = (const unsigned char *)s, .n = n};
    bool ok = ref_value(&r);
    ref_ws(&r);
    *depth = r.max_depth_seen;
    *toks = r.toks;
    return ok && r.i == n;
}

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static void gen_value(ew_buf *b, int depth);

static void gen_string(ew_buf *b)
{
    static const char *pieces[] = {"a",
                                   "hello",
                                   " ",
                                   "\\n",
                                   "\\\"",
                                   "\\\\",
                                   "\\/",
                                   "\\u00e9",
                                   "\\uD83D\\uDE00",
                                   "\xC3\xA9",
                                   "\xE6\x97\xA5",
                                   "\xF0\x9F\x98\x80",
                                   "\\u0000",
                                   "\\uD800",
                                   "\\uDC00",
                                   "\xFF",
                                   "\\x",
                                   "\x01",
                                   "\\u12",
                                   "k"};
    ew_buf_append_char(b, '"');
    int n = (int)rnd(4);
    for (int i = 0; i < n; i++) {
        /* Mostly valid pieces; the invalid ones (index >= 13) are rarer. */
        uint32_t k = rnd(100) < 90 ? rnd(13) : rnd(20);
        ew_buf_append_str(b, pieces[k]);
    }
    ew_buf_append_char(b, '"');
}

static void gen_value(ew_buf *b, int depth)
{
    static const char *prims[] = {
        "0",  "-1", "3.25", "1e5", "-0.5E-3", "true", "false", "null", "123456789012345678901",
        "01", "1.", ".5",   "+1",  "tru"};
    uint32_t kind = rnd(depth > 6 ? 3 : 5);
    if (kind == 0) {
        ew_buf_append_str(b, prims[rnd(100) < 93 ? rnd(9) : rnd(14)]);
    } else if (kind <= 2) {
        gen_string(b);
    } else {
        bool obj = kind == 4;
        ew_buf_append_char(b, obj ? '{' : '[');
        int n = (int)rnd(4);
        for (int i = 0; i < n; i++) {
            if (i) ew_buf_append_str(b, rnd(8) ? "," : " , ");
            if (obj) {
                gen_string(b);
                ew_buf_append_char(b, ':');
            }
            gen_value(b, depth + 1);
        }
        ew_buf_append_char(b, obj ? '}' : ']');
    }
}

static void mutate(ew_buf *b)
{
    static const char noise[] = "{}[]\",:0123456789-+.eEtrufalsn \\\n\x00\x80\xC3\xFF";
    int rounds = 1 + (int)rnd(3);
    for (int r = 0; r < rounds && b->len; r++) {
        size_t at = rnd((uint32_t)b->len);
        switch (rnd(4)) {
        case 0:
            b->data[at] = noise[rnd(sizeof noise - 1)];
            break;
        case 1:
            memmove(b->data + at, b->data + at + 1, b->len - at - 1);
            b->len--;
            break;
        case 2:
            if (ew_buf_append_char(b, 0) == EW_OK) {
                memmove(b->data + at + 1, b->data + at, b->len - at - 1);
                b->data[at] = noise[rnd(sizeof noise - 1)];
            }
            break;
        default:
            b->len = at;
            break;
        }
    }
}

/* Re-emits a parsed value through the writer (depth is bounded by the parse). */
static void reemit(ew_jw *w, const ew_json_doc *doc, int v, ew_arena *a)
{
    size_t len = 0;
    const char *raw;
    switch (ew_json_type_of(doc, v)) {
    case EW_JSON_OBJECT:
        ew_jw_object_begin(w);
        for (int k = ew_json_first(doc, v); k >= 0; k = ew_json_next(doc, k)) {
            char *key = ew_json_string(doc, k, a, &len);
            assert_non_null(key);
            ew_jw_keyn(w, key, len);
            reemit(w, doc, ew_json_member_value(doc, k), a);
        }
        ew_jw_object_end(w);
        break;
    case EW_JSON_ARRAY:
        ew_jw_array_begin(w);
        for (int i = 0; i < ew_json_count(doc, v); i++)
            reemit(w, doc, ew_json_at(doc, v, i), a);
        ew_jw_array_end(w);
        break;
    case EW_JSON_STRING: {
        char *s = ew_json_string(doc, v, a, &len);
        assert_non_null(s);
        assert_true(ew_utf8_valid(s, len));
        ew_jw_stringn(w, s, len);
        break;
    }
    default:
        raw = ew_json_raw(doc, v, &len);
        ew_jw_raw(w, raw, len);
        break;
    }
}

/* Picks members the generator writes (keys "a", "k", "hello", "é", "") at a
 * few depths and checks each against the parsed doc's ew_json_get / _at. */
static void check_picks(const ew_json_doc *doc, ew_arena *a)
{
    static const ew_json_want w[] = {
        {0, "a", 0},  {0, "k", 0},  {0, NULL, 0},    {0, NULL, 1},       {3, "a", 0},
        {1, "k", 0},  {1, NULL, 0}, {7, "hello", 0}, {0, "\xC3\xA9", 0}, {0, "", 0},
        {4, NULL, 2}, {11, "k", 0}, {2, "", 0},      {0, "hello", 0}};
    int n = (int)(sizeof w / sizeof *w);
    ew_json_doc pd;
    assert_int_equal(ew_json_pick(&pd, doc->text, doc->len, w, n, NULL, NULL), EW_OK);
    assert_int_equal(ew_json_type_of(&pd, 0), ew_json_type_of(doc, 0));
    int at[EW_JSON_PICK_MAX + 1] = {0};
    for (int j = 0; j < n; j++) {
        int in = at[w[j].parent];
        at[j + 1] = w[j].key ? ew_json_get(doc, in, w[j].key) : ew_json_at(doc, in, w[j].index);
        ew_json_type t = ew_json_type_of(doc, at[j + 1]);
        assert_int_equal(ew_json_type_of(&pd, j + 1), t);
        size_t l1 = 0, l2 = 0;
        const char *r1 = ew_json_raw(doc, at[j + 1], &l1), *r2 = ew_json_raw(&pd, j + 1, &l2);
        assert_true(r1 == r2 && l1 == l2);
        if (t == EW_JSON_STRING) {
            const char *s1 = ew_json_string(doc, at[j + 1], a, &l1);
            const char *s2 = ew_json_string(&pd, j + 1, a, &l2);
            assert_true(s1 && s2 && l1 == l2 && !memcmp(s1, s2, l1));
        }
    }
    ew_json_doc_cleanup(&pd);
}

/* Checks one accepted document: navigation agrees, picks agree and it round-trips. */
static void check_accepted(const char *text, size_t len)
{
    ew_json_doc doc;
    assert_int_equal(ew_json_parse(&doc, text, len, NULL, NULL), EW_OK);
    for (int v = 0; v < doc.n; v++) {
        int c = ew_json_count(&doc, v), seen = 0;
        for (int k = ew_json_first(&doc, v); k >= 0; k = ew_json_next(&doc, k), seen++) {
            if (ew_json_type_of(&doc, v) == EW_JSON_ARRAY)
                assert_int_equal(ew_json_at(&doc, v, seen), k);
            else
                assert_true(ew_json_member_value(&doc, k) > k);
        }
        assert_int_equal(seen, c);
        double d;
        if (ew_json_type_of(&doc, v) == EW_JSON_NUMBER) {
            int st = ew_json_double(&doc, v, &d);
            assert_true(st == EW_OK || st == EW_ERR_INVALID);
        }
    }
    ew_arena a;
    ew_arena_init(&a, 0, 1 << 20);
    check_picks(&doc, &a);
    ew_buf out1, out2;
    ew_buf_init(&out1, 1 << 20);
    ew_buf_init(&out2, 1 << 20);
    ew_jw w;
    ew_jw_init(&w, &out1);
    reemit(&w, &doc, 0, &a);
    assert_int_equal(w.status, EW_OK);
    ew_json_doc doc2;
    assert_int_equal(ew_json_parse(&doc2, out1.data, out1.len, NULL, NULL), EW_OK);
    ew_jw_init(&w, &out2);
    reemit(&w, &doc2, 0, &a);
    assert_int_equal(out1.len, out2.len);
    assert_memory_equal(out1.data, out2.data, out1.len);
    ew_json_doc_cleanup(&doc2);
    ew_json_doc_cleanup(&doc);
    ew_buf_cleanup(&out1);
    ew_buf_cleanup(&out2);
    ew_arena_cleanup(&a);
}

/* Our verdict on one input must match the oracle's. */
static bool check_against_oracle(const char *bytes, size_t len)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, bytes, len);
    int depth = 0;
    long toks = 0;
    bool valid = ref_valid(copy, len, &depth, &toks);
    ew_json_limits lim = {.max_tokens = 40, .max_depth = 5};
    ew_error err;
    ew_error_clear(&err);
    ew_json_doc doc;
    int st = ew_json_parse(&doc, copy, len, &lim, &err);
    ew_json_doc_cleanup(&doc);
    int want = !valid ? -1 : (depth > 5 || toks > 40) ? EW_ERR_TOO_LARGE : EW_OK;
    if ((want == -1 && st == EW_OK) || (want != -1 && st != want))
        fail_msg("input %.*s: reader %s (%s), oracle %s", (int)len, copy, ew_status_name(st),
                 err.message, valid ? ew_status_name(want) : "invalid");
    /* The picker too (on doubly bad input it may name another fault first). */
    int pst = ew_json_pick(&doc, copy, len, NULL, 0, &lim, &err);
    ew_json_doc_cleanup(&doc);
    if ((want == -1 && pst == EW_OK) || (want != -1 && pst != want))
        fail_msg("input %.*s: picker %s (%s), oracle %s", (int)len, copy, ew_status_name(pst),
                 err.message, valid ? ew_status_name(want) : "invalid");
    if (st == EW_OK) check_accepted(copy, len);
    free(copy);
    return st == EW_OK;
}

static void test_json_fuzz(void **state)
{
    (void)state;
    rng_state = 0x9E3779B97F4A7C15ull;
    int accepted = 0, total = 0;
    ew_buf b;
    ew_buf_init(&b, 1 << 16);
    /* Raw noise over a JSON-ish alphabet. */
    static const char alpha[] = "{}[]\",:0123456789-+.eEtrufalsn \\u\n\x01\x80\xC3\xA9\xFF";
    for (int i = 0; i < 5000; i++, total++) {
        ew_buf_reset(&b);
        int n = (int)rnd(24);
        for (int k = 0; k < n; k++)
            ew_buf_append_char(&b, alpha[rnd(sizeof alpha - 1)]);
        accepted += check_against_oracle(b.data, b.len);
    }
    /* Generated documents, then the same ones mutated. */
    for (int i = 0; i < 5000; i++, total += 2) {
        ew_buf_reset(&b);
        gen_value(&b, 0);
        accepted += check_against_oracle(b.data, b.len);
        mutate(&b);
        accepted += check_against_oracle(b.data, b.len);
    }
    ew_buf_cleanup(&b);
    print_message("fuzz: %d of %d accepted\n", accepted, total);
    /* The run must exercise both verdicts substantially. */
    assert_true(accepted > total / 10);
    assert_true(accepted < total * 9 / 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_navigation),
        cmocka_unit_test(test_json_paths),
        cmocka_unit_test(test_json_duplicate_keys),
        cmocka_unit_test(test_json_get_many),
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_json_bad_strings),
        cmocka_unit_test(test_json_pick),
        cmocka_unit_test(test_json_pick_resume),
        cmocka_unit_test(test_json_number_grammar),
        cmocka_unit_test(test_json_number_values),
        cmocka_unit_test(test_json_short_decimals),
        cmocka_unit_test(test_json_structure_errors),
        cmocka_unit_test(test_json_caps),
        cmocka_unit_test(test_json_truncated_everywhere),
        cmocka_unit_test(test_json_sample_values),
        cmocka_unit_test(test_jw_structure),
        cmocka_unit_test(test_jw_escaping),
        cmocka_unit_test(test_jw_doubles),
        cmocka_unit_test(test_jw_limits),
        cmocka_unit_test(test_json_numbers_locale),
        cmocka_unit_test(test_buf_caps),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_status_strings),
        cmocka_unit_test(test_log_sink),
        cmocka_unit_test(test_json_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
