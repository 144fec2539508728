/* The difficulty estimate: feature extraction, scores, the weights file and
 * its validation, the CSV reader, the data loaders, AUC, calibration, and
 * training on a small synthetic set. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "edgeway/difficulty.h"
#include "router/difficulty.h"
#include "router/difficulty_data.h"
#include "scratch_dir.h"

/* ---- helpers ---------------------------------------------------------------------- */

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    scratch_dir_make(tmpdir, sizeof tmpdir, "ew_diff");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    scratch_dir_remove(tmpdir);
    return 0;
}

static const char *tmp_file(const char *name, const char *content, size_t len)
{
    static char path[400];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, len, f), len);
    fclose(f);
    return path;
}

/* A small model with deterministic pseudo-random weights. */
static ew_difficulty *small_model(uint32_t bits)
{
    ew__dweights w;
    memset(&w, 0, sizeof w);
    ew__dcfg_default(&w.cfg);
    w.cfg.hash_bits = bits;
    w.sparse = calloc((size_t)1 << bits, sizeof *w.sparse);
    assert_non_null(w.sparse);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < (size_t)1 << bits; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        w.sparse[i] = ((double)(x % 2001) - 1000.0) / 400.0;
    }
    for (int i = 0; i < EW__DF_N_DW; i++)
        w.dense[i] = (i % 7 - 3) * 0.25;
    ew_difficulty *m = NULL;
    assert_int_equal(ew__difficulty_from_weights(&w, &m, NULL), EW_OK);
    free(w.sparse);
    return m;
}

/* Collects one text's features. */
static int extract(const ew__dcfg *cfg, const ew_text_part *parts, int n, int depth, ew__dacc *acc,
                   float *dense)
{
    ew__dcues cues;
    assert_int_equal(ew__dcues_init(&cues), 0); /* every cue word has a slot */
    memset(acc, 0, sizeof *acc);
    return ew__dextract(cfg, &cues, parts, n, depth, acc, dense);
}

/* ---- features and scores ------------------------------------------------------------ */

static void test_features_deterministic(void **state)
{
    (void)state;
    ew__dcfg cfg;
    ew__dcfg_default(&cfg);
    const char *text = "Prove that every finite group of order p^2 is abelian. Use at most "
                       "3 lemmas; do not cite Sylow.";
    ew_text_part part = {text, strlen(text)};
    ew__dacc a, b;
    float da[EW__DF_N_DENSE], db[EW__DF_N_DENSE];
    int ta = extract(&cfg, &part, 1, 1, &a, da);
    int tb = extract(&cfg, &part, 1, 1, &b, db);
    assert_int_equal(ta, tb);
    assert_int_equal(a.n, b.n);
    assert_true(a.n > 50);
    assert_memory_equal(a.ents, b.ents, a.n * sizeof *a.ents);
    assert_memory_equal(da, db, sizeof da);
    assert_memory_equal(a.count, b.count, sizeof a.count);
    for (size_t i = 0; i < a.n; i++)
        assert_true(EW__DF_IDX(a.ents[i]) < (1u << cfg.hash_bits));
    /* Case and digit values do not matter; words do. */
    const char *upper = "PROVE THAT EVERY FINITE GROUP OF ORDER P^2 IS ABELIAN. USE AT MOST "
                        "7 LEMMAS; DO NOT CITE SYLOW.";
    ew_text_part up = {upper, strlen(upper)};
    free(b.ents); /* extract starts a fresh accumulator */
    extract(&cfg, &up, 1, 1, &b, db);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.ents, b.ents, a.n * sizeof *a.ents);
    assert_true(db[EW__DF_UPPER_FRAC] > da[EW__DF_UPPER_FRAC]);
    free(b.ents);
    /* Parts read as one text with '\n' between them. */
    const char *joined = "first turn\nsecond turn";
    ew_text_part two[2] = {{"first turn", 10}, {"second turn", 11}};
    ew_text_part one = {joined, strlen(joined)};
    extract(&cfg, two, 2, 2, &b, db);
    ew__dacc c;
    float dc[EW__DF_N_DENSE];
    extract(&cfg, &one, 1, 2, &c, dc);
    assert_int_equal(b.n, c.n);
    assert_memory_equal(b.ents, c.ents, b.n * sizeof *b.ents);
    assert_memory_equal(db, dc, sizeof db);
    free(a.ents);
    free(b.ents);
    free(c.ents);
}

static void test_feature_counts(void **state)
{
    (void)state;
    ew__dcfg cfg;
    ew__dcfg_default(&cfg);
    ew__dacc a;
    float d[EW__DF_N_DENSE];
    const char *mc = "Which is prime?\nA. 4\nB. 6\nC. 7\nD. 9\nAnswer:";
    ew_text_part p = {mc, strlen(mc)};
    assert_int_equal(extract(&cfg, &p, 1, 1, &a, d), EW__QT_CHOICE);
    free(a.ents);
    const char *code = "Fix this:\n```c\nint main(void) { return 0; }\n```";
    p = (ew_text_part){code, strlen(code)};
    assert_int_equal(extract(&cfg, &p, 1, 1, &a, d), EW__QT_CODE);
    assert_float_equal(d[EW__DF_FENCE], 1.0f, 0);
    free(a.ents);
    const char *wp = "Janet has 16 eggs and eats three of them every morning. How many eggs "
                     "are left for her to sell at the market each day?";
    p = (ew_text_part){wp, strlen(wp)};
    assert_int_equal(extract(&cfg, &p, 1, 1, &a, d), EW__QT_WORD_PROBLEM);
    assert_float_equal(d[EW__DF_ENDS_QMARK], 1.0f, 0);
    assert_true(d[EW__DF_LOG_QUANTITIES] > 0);
    free(a.ents);
    const char *plain = "hello there";
    p = (ew_text_part){plain, strlen(plain)};
    assert_int_equal(extract(&cfg, &p, 1, 3, &a, d), EW__QT_OTHER);
    assert_float_equal(d[EW__DF_BIAS], 1.0f, 0);
    assert_float_equal(d[EW__DF_LOG_DEPTH], (float)log1p(2), 1e-6);
    free(a.ents);
}

static void test_scan_limits(void **state)
{
    (void)state;
    ew__dcfg cfg;
    ew__dcfg_default(&cfg);
    /* A long text is read as head + tail: its feature count is bounded. */
    size_t n = 1 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = "abc de fghij, klm. "[i % 19];
    ew_text_part p = {big, n};
    ew__dacc a;
    float d[EW__DF_N_DENSE];
    extract(&cfg, &p, 1, 1, &a, d);
    assert_true(a.n < (cfg.scan_head + cfg.scan_tail + 2) * 3);
    assert_float_equal(d[EW__DF_LOG_BYTES], (float)(log1p((double)n) / 8.0), 1e-6);
    free(a.ents);
    /* Its middle does not matter. */
    ew_difficulty *m = small_model(12);
    double s1 = ew__difficulty_logit(m, &p, 1, 1);
    memset(big + n / 2 - 1000, 'Z', 2000);
    double s2 = ew__difficulty_logit(m, &p, 1, 1);
    assert_true(s1 == s2);
    big[5] = 'Q';
    assert_true(ew__difficulty_logit(m, &p, 1, 1) != s1);
    free(big);
    ew_difficulty_free(m);
}

/* Scoring sums features as it goes (and, past the stack buffer, sums the
 * typed overflow under every type); training collects them. Both must see
 * the same features: the logit from the collected entries equals the
 * scorer's, for short, long, spilling, CJK and mixed texts. */
static void test_score_matches_collected(void **state)
{
    (void)state;
    ew_difficulty *m = small_model(12);
    size_t n = 6000;
    char *punct = malloc(n + 1), *prose = malloc(n + 1);
    assert_non_null(punct);
    assert_non_null(prose);
    for (size_t i = 0; i < n; i++) {
        punct[i] = "a,b;c.(d)!e?f:[g]{h}"[i % 20]; /* a token every byte: spills */
        prose[i] = "The Quick brown fox, 3.5 times as fast as 12 dogs, jumps.\n- item "[i % 64];
    }
    punct[n] = prose[n] = '\0';
    const char *cjk = "\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c\xef\xbc\x8c"
                      "\xe8\xaf\xb7\xe8\xa7\xa3\xe9\x87\x8a 3 + 4 = 7 \xe2\x82\xac 5";
    const ew_text_part texts[] = {
        {"hi", 2},     {"", 0},    {prose, 1024},      {prose, n},
        {punct, 3000}, {punct, n}, {cjk, strlen(cjk)},
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        ew__dacc acc;
        float d[EW__DF_N_DENSE];
        int type = extract(&m->cfg, &texts[t], 1, 2, &acc, d);
        assert_int_equal(acc.status, EW_OK);
        int64_t sum[EW__NS_COUNT] = {0};
        for (size_t i = 0; i < acc.n; i++) {
            int32_t w = m->table[EW__DF_IDX(acc.ents[i])];
            sum[EW__DF_NS(acc.ents[i])] += EW__DF_NEG(acc.ents[i]) ? -w : w;
        }
        double z = 0, sparse = 0;
        for (int i = 0; i < EW__DF_N_DENSE; i++)
            z += ((double)m->dense[i] + m->dense[EW__DF_N_DENSE * (1 + type) + i]) * d[i];
        for (int ns = 0; ns < EW__NS_COUNT; ns++)
            sparse += ew__dns_scale(ns, acc.count[ns]) * (double)sum[ns];
        double want = z + m->scale * m->cfg.type_gain[type] * sparse;
        double got = ew__difficulty_logit(m, &texts[t], 1, 2);
        if (fabs(want - got) > 1e-9)
            fail_msg("text %zu: collected %.12f, scored %.12f", t, want, got);
        free(acc.ents);
    }
    free(punct);
    free(prose);
    ew_difficulty_free(m);
}

static void test_score_range(void **state)
{
    (void)state;
    ew_difficulty *m = small_model(12);
    uint64_t x = 12345;
    char buf[3000];
    for (int round = 0; round < 200; round++) {
        size_t len = (size_t)(x % sizeof buf);
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buf[i] = (char)(x & 0xff); /* NULs, invalid UTF-8, control bytes */
        }
        double s = ew_difficulty_score(m, buf, len, (int)(x % 5) - 1);
        assert_true(s >= 0.0 && s <= 1.0 && isfinite(s));
    }
    double e = ew_difficulty_score(m, "", 0, 1);
    assert_true(e >= 0.0 && e <= 1.0);
    assert_true(ew_difficulty_score(m, NULL, 5, 1) == e);
    ew_difficulty_free(m);
}

static void test_score_request(void **state)
{
    (void)state;
    ew_difficulty *m = small_model(12);
    ew_message msgs[4];
    memset(msgs, 0, sizeof msgs);
    msgs[0] = (ew_message){.role = EW_ROLE_SYSTEM, .content = "You are terse.", .content_len = 14};
    msgs[1] = (ew_message){.role = EW_ROLE_USER, .content = "Sort a list", .content_len = 11};
    msgs[2] = (ew_message){.role = EW_ROLE_ASSISTANT, .content = "sorted()", .content_len = 8};
    msgs[3] = (ew_message){.role = EW_ROLE_USER, .content = "in C please", .content_len = 11};
    ew_request req;
    memset(&req, 0, sizeof req);
    req.is_chat = true;
    req.messages = msgs;
    req.n_messages = 4;
    const char *joined = "Sort a list\nin C please";
    assert_true(ew_difficulty_score_request(m, &req) ==
                ew_difficulty_score(m, joined, strlen(joined), 2));
    req.is_chat = false;
    req.prompt = "Sort a list";
    req.prompt_len = 11;
    assert_true(ew_difficulty_score_request(m, &req) ==
                ew_difficulty_score(m, "Sort a list", 11, 1));
    ew_difficulty_free(m);
}

/* ---- the weights file ------------------------------------------------------------------ */

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc(*len + 16);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, *len, f), *len);
    fclose(f);
    return p;
}

/* Re-seals a mutated file so only the intended field is wrong. */
static void reseal(unsigned char *p, size_t len)
{
    memset(p + 48, 0, 8);
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    for (int i = 0; i < 8; i++)
        p[48 + i] = (unsigned char)(h >> (8 * i));
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void expect_load_error(const unsigned char *p, size_t len, int status, const char *needle)
{
    ew_difficulty *m = (ew_difficulty *)1;
    ew_error err = {0};
    int st = ew_difficulty_load_mem(p, len, &m, &err);
    if (st != status) fail_msg("status %d (%s), want %d", st, err.message, status);
    assert_null(m);
    if (!strstr(err.message, needle)) fail_msg("message '%s' lacks '%s'", err.message, needle);
}

static void test_weights_roundtrip_and_errors(void **state)
{
    (void)state;
    ew_difficulty *m = small_model(10);
    char path[400];
    snprintf(path, sizeof path, "%s/w.bin", tmpdir);
    assert_int_equal(ew__difficulty_save(m, path, NULL), EW_OK);
    ew_difficulty *back = NULL;
    assert_int_equal(ew_difficulty_load(path, &back, NULL), EW_OK);
    const char *t = "Write a lock-free queue in C11 and prove it linearizable.";
    assert_true(ew_difficulty_score(m, t, strlen(t), 1) ==
                ew_difficulty_score(back, t, strlen(t), 1));
    ew_difficulty_free(back);
    ew_difficulty_opts o = {path};
    assert_int_equal(ew_difficulty_open(&o, &back, NULL), EW_OK);
    ew_difficulty_free(back);

    size_t len;
    unsigned char *p = read_all(path, &len);
    unsigned char *q = malloc(len + 16);
    assert_non_null(q);
#define MUTATE(stmt, status, needle)                                                               \
    do {                                                                                           \
        memcpy(q, p, len);                                                                         \
        size_t qlen = len;                                                                         \
        stmt;                                                                                      \
        expect_load_error(q, qlen, status, needle);                                                \
    } while (0)
    MUTATE(q[0] = 'X', EW_ERR_PARSE, "magic");
    MUTATE(qlen = 10, EW_ERR_PARSE, "shorter than the header");
    MUTATE(qlen = 0, EW_ERR_PARSE, "shorter than the header");
    MUTATE((put32(q + 8, 2), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "format version 2");
    MUTATE((put32(q + 16, 99), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "feature set 99");
    MUTATE((put32(q + 20, 30), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "hash_bits 30");
    MUTATE((put32(q + 24, 1u << 12), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "n-gram");
    MUTATE((put32(q + 28, 0), put32(q + 32, 0), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "zero");
    MUTATE((put32(q + 36, 3), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "dense weights");
    MUTATE((put32(q + 40, 5), reseal(q, qlen)), EW_ERR_PARSE, "table size");
    MUTATE((put32(q + 44, 0x7fc00000u), reseal(q, qlen)), EW_ERR_PARSE, "scale");
    MUTATE((put32(q + 44, 0xbf800000u), reseal(q, qlen)), EW_ERR_PARSE, "scale");
    MUTATE((put32(q + 56, 4), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "question types");
    MUTATE((put32(q + 64, 0x7f800000u), reseal(q, qlen)), EW_ERR_UNSUPPORTED, "gain");
    MUTATE((q[90] = 1, reseal(q, qlen)), EW_ERR_PARSE, "reserved");
    MUTATE((put32(q + 96, 0x7fc00000u), reseal(q, qlen)), EW_ERR_PARSE, "dense weight 0");
    MUTATE(q[len - 1] ^= 1, EW_ERR_INTEGRITY, "checksum");
    MUTATE((q[len] = 0, qlen = len + 1, reseal(q, qlen)), EW_ERR_PARSE, "header implies");
    MUTATE((qlen = len - 2, reseal(q, qlen)), EW_ERR_PARSE, "header implies");
#undef MUTATE
    expect_load_error(p, (size_t)EW_DIFFICULTY_MAX_FILE_BYTES + 1, EW_ERR_TOO_LARGE, "limit");

    ew_error err = {0};
    assert_int_equal(ew_difficulty_load("/nonexistent/w.bin", &back, &err), EW_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/w.bin"));
    const char *bad = tmp_file("bad.bin", "EWDIFF\r\nxx", 10);
    assert_int_equal(ew_difficulty_load(bad, &back, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "bad.bin: weights:"));
    o.weights_path = "";
    assert_int_equal(ew_difficulty_open(&o, &back, &err), EW_ERR_INVALID);
    free(p);
    free(q);
    ew_difficulty_free(m);
    ew_difficulty_free(NULL);
}

/* AUC of the model on the labeled rows of the given files. */
static double dev_auc(const ew_difficulty *m, const char *const *files, int n)
{
    ew__dset set;
    ew__dset_init(&set);
    ew__dload_opts o;
    ew__dload_opts_init(&o);
    for (int i = 0; i < n; i++) {
        ew_error err = {0};
        if (ew__dset_load(&set, files[i], &o, &err)) fail_msg("%s", err.message);
    }
    double *s = malloc(set.n * sizeof *s);
    int *y = malloc(set.n * sizeof *y);
    assert_non_null(s);
    assert_non_null(y);
    for (size_t i = 0; i < set.n; i++) {
        s[i] = ew_difficulty_score(m, set.items[i].text, set.items[i].len, set.items[i].depth);
        y[i] = set.items[i].label;
    }
    double auc = ew__dauc(s, y, set.n);
    free(s);
    free(y);
    ew__dset_cleanup(&set);
    return auc;
}

/* The shipped weights: built in, the same as conf/difficulty.weights, and
 * they still separate the development sets they were trained on (a guard
 * against shipping a stale or broken file; held-out numbers are in
 * docs/difficulty.md). */
static void test_default_weights(void **state)
{
    (void)state;
    ew_difficulty *def = NULL, *file = NULL;
    assert_int_equal(ew_difficulty_default(&def, NULL), EW_OK);
    assert_int_equal(ew_difficulty_open(NULL, &file, NULL), EW_OK);
    ew_difficulty_free(file);
    ew_error err = {0};
    if (ew_difficulty_load("conf/difficulty.weights", &file, &err))
        fail_msg("%s (the test runs from the source root)", err.message);
    const char *t = "Implement a lock-free queue in C11 atomics and prove it linearizable.";
    assert_true(ew_difficulty_score(def, t, strlen(t), 1) ==
                ew_difficulty_score(file, t, strlen(t), 1));
    ew_difficulty_free(file);

    const char *shared = getenv("EW_SHARED");
    char dir[512], f[4][600];
    snprintf(dir, sizeof dir, "%s/data/difficulty", shared ? shared : "../shared");
    snprintf(f[0], sizeof f[0], "%s/arena_hard_v0.1_question.jsonl", dir);
    snprintf(f[1], sizeof f[1], "%s/selfinstruct_user_oriented_instructions.jsonl", dir);
    snprintf(f[2], sizeof f[2], "%s/routellm_mmlu_responses.csv", dir);
    snprintf(f[3], sizeof f[3], "%s/routellm_gsm8k_responses.csv", dir);
    if (access(f[0], R_OK)) {
        ew_difficulty_free(def);
        skip(); /* no development data here */
    }
    const char *bench[] = {f[0], f[1]}, *mmlu[] = {f[2]}, *gsm8k[] = {f[3]};
    double a = dev_auc(def, bench, 2), b = dev_auc(def, mmlu, 1), c = dev_auc(def, gsm8k, 1);
    if (a < 0.85 || b < 0.65 || c < 0.60)
        fail_msg("AUC arena-hard vs self-instruct %.3f, MMLU %.3f, GSM8K %.3f", a, b, c);
    ew_difficulty_free(def);
}

/* ---- CSV ------------------------------------------------------------------------------- */

/* Reads every row of text; returns the rows as "a|b|c" lines in out. */
static int csv_rows(const char *text, size_t len, const ew__csv_limits *lim, char *out, size_t cap,
                    ew_error *err)
{
    ew__csv c;
    ew__csv_init(&c, text, len, "t.csv", lim);
    out[0] = '\0';
    int st;
    size_t o = 0;
    while ((st = ew__csv_next(&c, err)) > 0) {
        for (int i = 0; i < c.n_fields; i++) {
            size_t flen;
            const char *f = ew__csv_field(&c, i, &flen);
            o += (size_t)snprintf(out + o, cap - o, "%s%.*s", i ? "|" : "", (int)flen, f);
        }
        o += (size_t)snprintf(out + o, cap - o, "@%d;", c.row_line);
    }
    assert_null(ew__csv_field(&c, -1, NULL));
    ew__csv_cleanup(&c);
    return st;
}

static void expect_csv(const char *text, const char *want)
{
    char out[1024];
    ew_error err = {0};
    int st = csv_rows(text, strlen(text), NULL, out, sizeof out, &err);
    if (st != 0) fail_msg("'%s': status %d (%s)", text, st, err.message);
    if (strcmp(out, want)) fail_msg("'%s': got '%s', want '%s'", text, out, want);
}

static void expect_csv_error(const char *text, const ew__csv_limits *lim, int status,
                             const char *needle, int line)
{
    char out[1024];
    ew_error err = {0};
    int st = csv_rows(text, strlen(text), lim, out, sizeof out, &err);
    if (st != status) fail_msg("'%s': status %d, want %d", text, st, status);
    if (!strstr(err.message, needle) || err.line != line)
        fail_msg("'%s': '%s' at line %d, want '%s' at %d", text, err.message, err.line, needle,
                 line);
    assert_string_equal(err.file, "t.csv");
}

static void test_csv(void **state)
{
    (void)state;
    expect_csv("a,b\n1,2\n", "a|b@1;1|2@2;");
    expect_csv("a,b\r\n1,2\r\n", "a|b@1;1|2@2;");
    expect_csv("a,b\r1,2", "a|b@1;1|2@2;"); /* lone CR, no final newline */
    expect_csv("\xEF\xBB\xBFh\nx\n", "h@1;x@2;");
    expect_csv("\"a,b\",\"say \"\"hi\"\"\"\n", "a,b|say \"hi\"@1;");
    expect_csv("\"line1\nline2\",x\nnext,y\n", "line1\nline2|x@1;next|y@3;");
    expect_csv("\"crlf\r\ninside\",x\r\n", "crlf\r\ninside|x@1;");
    expect_csv("a,,c,\n", "a||c|@1;");
    expect_csv("\"\",x\n", "|x@1;");
    expect_csv("\n\na\n\n\nb\n", "a@3;b@6;");
    expect_csv("a,b\"c\n", "a|b\"c@1;"); /* a quote inside a plain field is kept */
    expect_csv("", "");
    expect_csv("x,", "x|@1;");

    expect_csv_error("a,\"open\nnever closed\n", NULL, EW_ERR_PARSE, "never closed", 1);
    expect_csv_error("ok\n\"q\"x,y\n", NULL, EW_ERR_PARSE, "after a closing quote", 2);
    ew__csv_limits lim = {.max_field_bytes = 4, .max_row_bytes = 64, .max_fields = 3};
    expect_csv_error("abcd,abcde\n", &lim, EW_ERR_TOO_LARGE, "field longer than 4", 1);
    expect_csv_error("x\n\"ab\ncde\"\n", &lim, EW_ERR_TOO_LARGE, "field longer", 3);
    expect_csv_error("a,b,c,d\n", &lim, EW_ERR_TOO_LARGE, "more than 3 fields", 1);
    lim = (ew__csv_limits){.max_field_bytes = 100, .max_row_bytes = 8, .max_fields = 10};
    expect_csv_error("abc,def,ghi\n", &lim, EW_ERR_TOO_LARGE, "row longer than 8", 1);
}

/* ---- data sets --------------------------------------------------------------------------- */

static void test_load_csv_labels(void **state)
{
    (void)state;
    const char *csv = "subject,prompt,mixtral_8x7b_correct,gpt4_1106_correct\n"
                      "alg,\"Find x.\nA. 1\",True,True\n"
                      "alg,Prove it,False,True\n"
                      "bio,Name a cell,False,False\n"
                      "bio,,False,True\n";
    const char *path = tmp_file("mmlu.csv", csv, strlen(csv));
    ew__dset s;
    ew__dset_init(&s);
    ew__dload_opts o;
    ew__dload_opts_init(&o);
    o.category_col = "subject";
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.skipped[0], 1);
    assert_int_equal(s.items[0].label, 0);
    assert_int_equal(s.items[1].label, 1); /* small wrong, big right */
    assert_int_equal(s.items[2].label, 0);
    assert_string_equal(s.items[0].text, "Find x.\nA. 1");
    assert_true(s.items[0].category == s.items[1].category);
    assert_true(s.items[0].category != s.items[2].category);

    /* The RouteLLM GSM8K shape: model names as columns, responses ignored. */
    const char *gsm = "prompt,mistralai/Mixtral-8x7B-Instruct-v0.1,gpt-4-1106-preview,"
                      "mistralai/Mixtral-8x7B-Instruct-v0.1_response,gpt-4-1106-preview_response\n"
                      "2+2?,False,True,\"5\",\"4\"\n";
    path = tmp_file("gsm.csv", gsm, strlen(gsm));
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.items[3].label, 1);
    assert_int_equal(s.items[3].group, 1);

    /* A label column, a depth column, and a bad cell. */
    const char *lab = "text,label,depth\nhi,yes,2\nbye,0,1\n";
    path = tmp_file("lab.csv", lab, strlen(lab));
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.items[4].label, 1);
    assert_int_equal(s.items[4].depth, 2);
    const char *badcell = "text,label\nhi,maybe\n";
    path = tmp_file("bad.csv", badcell, strlen(badcell));
    ew_error err = {0};
    assert_int_equal(ew__dset_load(&s, path, &o, &err), EW_ERR_PARSE);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "maybe"));
    const char *ragged = "text,label\nhi,1,extra\n";
    path = tmp_file("ragged.csv", ragged, strlen(ragged));
    assert_int_equal(ew__dset_load(&s, path, &o, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "3 fields"));
    const char *notext = "a,b\n1,2\n";
    path = tmp_file("notext.csv", notext, strlen(notext));
    assert_int_equal(ew__dset_load(&s, path, &o, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "no text column"));
    ew__dset_cleanup(&s);
}

static void test_load_jsonl(void **state)
{
    (void)state;
    const char *jl =
        "{\"prompt\":\"Explain monads\"}\n"
        "\n"
        "{\"turns\":[\"Write a poem\",\"Now shorter\"]}\r\n"
        "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"},"
        "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"user\",\"content\":\"again\"}]}\n"
        "{\"instruction\":\"Fix grammar\",\"instances\":[{\"input\":\"me go\"}]}\n"
        "{\"prompt\":\"labeled\",\"label\":true}\n"
        "{\"prompt\":\"pair\",\"small_correct\":false,\"big_correct\":true}";
    const char *path = tmp_file("arena_hard_mine.jsonl", jl, strlen(jl));
    ew__dset s;
    ew__dset_init(&s);
    ew__dload_opts o;
    ew__dload_opts_init(&o);
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.n, 6);
    assert_string_equal(s.items[0].text, "Explain monads");
    assert_int_equal(s.items[0].label, 1); /* the file name says arena-hard */
    assert_string_equal(s.items[1].text, "Write a poem\nNow shorter");
    assert_int_equal(s.items[1].depth, 2);
    assert_string_equal(s.items[2].text, "hi\nagain");
    assert_int_equal(s.items[2].depth, 2);
    assert_string_equal(s.items[3].text, "Fix grammar\n\nme go");
    assert_int_equal(s.items[4].label, 1);
    assert_int_equal(s.items[5].label, 1);

    path = tmp_file("vicuna_q.jsonl", jl, strlen(jl));
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.items[6].label, 0);
    path = tmp_file("traffic.jsonl", jl, strlen(jl));
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.items[12].label, -1); /* nothing says */
    o.force_label = 0;
    assert_int_equal(ew__dset_load(&s, path, &o, NULL), EW_OK);
    assert_int_equal(s.items[s.n - 1].label, 0); /* --neg beats the data */

    ew_error err = {0};
    const char *bad = "{\"prompt\":\"a\"}\n{\"prompt\":\n";
    path = tmp_file("bad.jsonl", bad, strlen(bad));
    assert_int_equal(ew__dset_load(&s, path, &o, &err), EW_ERR_PARSE);
    assert_int_equal(err.line, 2);
    const char *arr = "[1,2]\n";
    path = tmp_file("arr.jsonl", arr, strlen(arr));
    assert_int_equal(ew__dset_load(&s, path, &o, &err), EW_ERR_PARSE);
    assert_non_null(strstr(err.message, "JSON object"));
    o.force_label = -1;
    const char *badlab = "{\"prompt\":\"a\",\"label\":\"perhaps\"}\n";
    path = tmp_file("badlab.jsonl", badlab, strlen(badlab));
    assert_int_equal(ew__dset_load(&s, path, &o, &err), EW_ERR_PARSE);
    assert_int_equal(ew__dset_load(&s, "/nonexistent.jsonl", &o, &err), EW_ERR_IO);
    ew__dset_cleanup(&s);
}

static void test_bools_and_split(void **state)
{
    (void)state;
    assert_int_equal(ew__dparse_bool("True", 4), 1);
    assert_int_equal(ew__dparse_bool(" false ", 7), 0);
    assert_int_equal(ew__dparse_bool("1", 1), 1);
    assert_int_equal(ew__dparse_bool("NO", 2), 0);
    assert_int_equal(ew__dparse_bool("", 0), -1);
    assert_int_equal(ew__dparse_bool("2", 1), -1);
    int held = 0;
    for (uint64_t i = 0; i < 10000; i++) {
        uint64_t h = ew__fnv1a64(&i, sizeof i);
        bool a = ew__dheldout(h, 0, 20);
        assert_true(a == ew__dheldout(h, 0, 20));
        held += a;
    }
    assert_in_range(held, 1800, 2200);
    assert_false(ew__dheldout(123, 0, 0));
}

/* ---- metrics ------------------------------------------------------------------------------ */

static void test_auc(void **state)
{
    (void)state;
    double s[] = {0.1, 0.4, 0.35, 0.8};
    int y[] = {0, 0, 1, 1};
    assert_float_equal(ew__dauc(s, y, 4), 0.75, 1e-12);
    int perfect[] = {0, 1, 1, 1};
    double sp[] = {0.1, 0.5, 0.6, 0.7};
    assert_float_equal(ew__dauc(sp, perfect, 4), 1.0, 1e-12);
    int inverted[] = {1, 0, 0, 0};
    assert_float_equal(ew__dauc(sp, inverted, 4), 0.0, 1e-12);
    double ties[] = {0.5, 0.5, 0.5, 0.5};
    assert_float_equal(ew__dauc(ties, y, 4), 0.5, 1e-12);
    /* One tie across classes counts half: pairs (p,n) = 4, wins 3 + 0.5. */
    double st[] = {0.2, 0.6, 0.6, 0.9};
    assert_float_equal(ew__dauc(st, y, 4), 0.875, 1e-12);
    int other[] = {0, -1, 1, 7};
    assert_float_equal(ew__dauc(s, other, 4), 1.0, 1e-12); /* only labels 0/1 count */
    int one_class[] = {1, 1, 1, 1};
    assert_true(isnan(ew__dauc(s, one_class, 4)));
    assert_true(isnan(ew__dauc(s, y, 0)));
    /* Against a brute-force count on random data. */
    double r[300];
    int ry[300];
    uint64_t x = 7;
    for (int i = 0; i < 300; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        r[i] = (double)(x % 50) / 50.0;
        ry[i] = (x >> 20) & 1;
    }
    double wins = 0, pairs = 0;
    for (int i = 0; i < 300; i++)
        for (int j = 0; j < 300; j++)
            if (ry[i] == 1 && ry[j] == 0) {
                pairs++;
                wins += r[i] > r[j] ? 1 : r[i] == r[j] ? 0.5 : 0;
            }
    assert_float_equal(ew__dauc(r, ry, 300), wins / pairs, 1e-12);
}

static void test_calibrate(void **state)
{
    (void)state;
    double s[100];
    for (int i = 0; i < 100; i++)
        s[(i * 37) % 100] = i / 100.0;
    double t, got;
    assert_int_equal(ew__dcalibrate(s, 100, 0.3, &t, &got), EW_OK);
    assert_true(t > 0.69 && t < 0.70);
    assert_float_equal(got, 0.3, 1e-12);
    assert_int_equal(ew__dcalibrate(s, 100, 0.0, &t, &got), EW_OK);
    assert_float_equal(got, 0.0, 1e-12);
    assert_int_equal(ew__dcalibrate(s, 100, 1.0, &t, &got), EW_OK);
    assert_float_equal(got, 0.99, 1e-12); /* a score of exactly 0 can never exceed t */
    assert_int_equal(ew__dcalibrate(s, 100, 1.5, &t, &got), EW_ERR_INVALID);
    assert_int_equal(ew__dcalibrate(s, 0, 0.5, &t, &got), EW_ERR_INVALID);
}

/* ---- training ------------------------------------------------------------------------------ */

static const char *const hard_words[] = {"eigenvalue", "homomorphism", "integral", "lemma",
                                         "asymptotic", "theorem",      "manifold", "derivation"};
static const char *const easy_words[] = {"hello",    "weather", "thanks", "recipe",
                                         "birthday", "movie",   "coffee", "weekend"};

/* n examples, half hard (mostly hard words), half easy, written into s. */
static void synthetic(ew__dset *s, int n, uint64_t seed)
{
    uint64_t x = seed;
    s->groups[0] = strdup("synthetic");
    s->weight[0] = 1.0;
    s->n_groups = 1;
    for (int i = 0; i < n; i++) {
        int hard = i & 1;
        char text[256] = "";
        for (int w = 0; w < 8; w++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            int from_hard = (x % 10) < (hard ? 8u : 2u);
            const char *word = (from_hard ? hard_words : easy_words)[(x >> 8) % 8];
            strcat(text, word);
            strcat(text, " ");
        }
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 64;
            s->items = realloc(s->items, s->cap * sizeof *s->items);
            assert_non_null(s->items);
        }
        size_t len = strlen(text);
        s->items[s->n++] = (ew__dexample){strdup(text), len, 1, hard, 0, ew__fnv1a64(text, len), 0};
    }
}

static void test_train_synthetic(void **state)
{
    (void)state;
    ew__dset train, test;
    ew__dset_init(&train);
    ew__dset_init(&test);
    synthetic(&train, 300, 1);
    synthetic(&test, 200, 99);
    ew__dtrain_opts o;
    ew__dtrain_opts_init(&o);
    o.cfg.hash_bits = 14;
    o.max_iter = 60;
    ew__dweights w;
    assert_int_equal(ew__dtrain(&train, NULL, &o, &w, NULL), EW_OK);
    ew_difficulty *m = NULL;
    assert_int_equal(ew__difficulty_from_weights(&w, &m, NULL), EW_OK);
    double scores[200];
    int labels[200];
    for (size_t i = 0; i < test.n; i++) {
        scores[i] = ew_difficulty_score(m, test.items[i].text, test.items[i].len, 1);
        labels[i] = test.items[i].label;
    }
    double auc = ew__dauc(scores, labels, test.n);
    if (auc < 0.95) fail_msg("held-out AUC %.3f on a separable set", auc);
    /* Training is deterministic. */
    ew__dweights w2;
    assert_int_equal(ew__dtrain(&train, NULL, &o, &w2, NULL), EW_OK);
    assert_memory_equal(w.sparse, w2.sparse, ((size_t)1 << 14) * sizeof *w.sparse);
    assert_memory_equal(w.dense, w2.dense, sizeof w.dense);
    free(w2.sparse); /* w2 is reused by the failing calls below */
    w2.sparse = NULL;
    /* Bad options and no labels are errors. */
    ew_error err = {0};
    o.l2 = 0;
    assert_int_equal(ew__dtrain(&train, NULL, &o, &w2, &err), EW_ERR_INVALID);
    ew__dtrain_opts_init(&o);
    o.cfg.hash_bits = 40;
    assert_int_equal(ew__dtrain(&train, NULL, &o, &w2, &err), EW_ERR_UNSUPPORTED);
    ew__dtrain_opts_init(&o);
    bool none[300] = {false};
    assert_int_equal(ew__dtrain(&train, none, &o, &w2, &err), EW_ERR_INVALID);
    free(w.sparse);
    ew_difficulty_free(m);
    ew__dset_cleanup(&train);
    ew__dset_cleanup(&test);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_features_deterministic),
        cmocka_unit_test(test_feature_counts),
        cmocka_unit_test(test_scan_limits),
        cmocka_unit_test(test_score_range),
        cmocka_unit_test(test_score_matches_collected),
        cmocka_unit_test(test_score_request),
        T(test_weights_roundtrip_and_errors),
        cmocka_unit_test(test_default_weights),
        cmocka_unit_test(test_csv),
        T(test_load_csv_labels),
        T(test_load_jsonl),
        cmocka_unit_test(test_bools_and_split),
        cmocka_unit_test(test_auc),
        cmocka_unit_test(test_calibrate),
        cmocka_unit_test(test_train_synthetic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
