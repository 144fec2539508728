/* Tokenizers against llama.cpp's own test vectors ($EW_SHARED/models/vocab),
 * the stories260K vectors, and the tokens_special / tokens_plain of every
 * prompt in $EW_SHARED/models/ref/ JSON files; plus decoding, round trips,
 * special tokens, end-of-generation ids and the fingerprint. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/tokenizer.h"

static const char *shared_dir(void)
{
    const char *s = getenv("EW_SHARED");
    return s ? s : "../shared";
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static ew_tokenizer *open_tok(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", shared_dir(), rel);
    ew_tokenizer *t = NULL;
    ew_error err;
    if (ew_tokenizer_open(path, &t, &err)) fail_msg("%s: %s", path, err.message);
    return t;
}

static size_t encode(const ew_tokenizer *t, const char *s, size_t n, bool add_special,
                     bool parse_special, ew_token **ids)
{
    size_t cap = ew_tokenizer_max_ids(n), got;
    *ids = malloc(cap * sizeof **ids);
    assert_non_null(*ids);
    ew_error err;
    if (ew_tokenizer_encode(t, s, n, add_special, parse_special, *ids, cap, &got, &err))
        fail_msg("encode: %s", err.message);
    return got;
}

static void print_ids(FILE *f, const ew_token *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(f, " %d", ids[i]);
}

/* ---- llama.cpp's vectors ----------------------------------------------------------- */

#define SEP "\n__ggml_vocab_test__\n"

/* Runs one .inp/.out pair; returns the number of mismatching inputs. */
static int run_vectors(const ew_tokenizer *t, const char *inp_path, const char *out_path)
{
    size_t in_len, out_len;
    char *in = slurp(inp_path, &in_len), *out = slurp(out_path, &out_len);
    assert_non_null(in);
    assert_non_null(out);
    int bad = 0, n = 0;
    char *ip = in, *op = out;
    while (ip < in + in_len) {
        char *end = strstr(ip, SEP);
        assert_non_null(end); /* the file ends with a separator */
        char *nl = strchr(op, '\n');
        assert_non_null(nl);
        *nl = 0;
        ew_token *ids;
        size_t got = encode(t, ip, (size_t)(end - ip), false, false, &ids);
        char mine[8192] = "";
        size_t k = 0;
        for (size_t i = 0; i < got && k < sizeof mine - 16; i++)
            k += (size_t)snprintf(mine + k, sizeof mine - k, " %d", ids[i]);
        if (strcmp(mine, op)) {
            if (bad < 3)
                fprintf(stderr, "  %s #%d %.*s\n    want:%s\n    got: %s\n", inp_path, n,
                        (int)(end - ip > 60 ? 60 : end - ip), ip, op, mine);
            bad++;
        }
        free(ids);
        n++;
        ip = end + strlen(SEP);
        op = nl + 1;
    }
    assert_true(n >= 40);
    free(in);
    free(out);
    return bad;
}

static void test_vocab_vectors(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/models/vocab", shared_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n_vocabs = 0, bad = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 5, ".gguf")) continue;
        char gguf[1300], inp[1310], out[1310];
        snprintf(gguf, sizeof gguf, "models/vocab/%s", e->d_name);
        snprintf(inp, sizeof inp, "%s/%s.inp", dir, e->d_name);
        snprintf(out, sizeof out, "%s/%s.out", dir, e->d_name);
        ew_tokenizer *t = open_tok(gguf);
        FILE *f = fopen(inp, "rb");
        if (f) {
            fclose(f);
            int b = run_vectors(t, inp, out);
            if (b) fprintf(stderr, "%s: %d inputs differ\n", e->d_name, b);
            bad += b;
            n_vocabs++;
        }
        ew_tokenizer_free(t);
    }
    closedir(d);
    assert_int_equal(n_vocabs, 10);
    assert_int_equal(bad, 0);
}

static void test_stories_vectors(void **state)
{
    (void)state;
    ew_tokenizer *t = open_tok("models/stories260K.gguf");
    char inp[1024], out[1024];
    snprintf(inp, sizeof inp, "%s/models/vocab-extra/stories260K.gguf.inp", shared_dir());
    snprintf(out, sizeof out, "%s/models/vocab-extra/stories260K.gguf.out", shared_dir());
    assert_int_equal(run_vectors(t, inp, out), 0);
    ew_tokenizer_free(t);
}

/* ---- the reference prompts ----------------------------------------------------------- */

/* Just enough JSON for the reference files: find a key's value after a
 * position, read a string (with \u escapes) or an array of integers. */
static const char *find_key(const char *p, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *q = strstr(p, pat);
    if (!q) return NULL;
    q += strlen(pat);
    while (*q == ' ')
        q++;
    return q;
}

static int hexval(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (c >= '0' && c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
    }
    return v;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) return (size_t)(o[0] = (char)cp, 1);
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 63));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | (cp >> 6 & 63));
        o[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | (cp >> 12 & 63));
    o[2] = (char)(0x80 | (cp >> 6 & 63)), o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

static size_t json_string(const char *p, char *o)
{
    assert_int_equal(*p, '"');
    size_t k = 0;
    for (p++; *p != '"'; p++) {
        if (*p != '\\') {
            o[k++] = *p;
            continue;
        }
        p++;
        switch (*p) {
        case 'n':
            o[k++] = '\n';
            break;
        case 't':
            o[k++] = '\t';
            break;
        case 'r':
            o[k++] = '\r';
            break;
        case 'b':
            o[k++] = '\b';
            break;
        case 'f':
            o[k++] = '\f';
            break;
        case 'u': {
            unsigned cp = (unsigned)hexval(p + 1);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
                cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)hexval(p + 3) - 0xDC00);
                p += 6;
            }
            k += put_utf8(o + k, cp);
            break;
        }
        default:
            o[k++] = *p;
        }
    }
    return k;
}

static size_t json_ints(const char *p, ew_token *o)
{
    assert_int_equal(*p, '[');
    size_t k = 0;
    for (p++;;) {
        while (*p == ',' || *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            p++;
        if (*p == ']') return k;
        char *end;
        assert_true(k < 4096);
        o[k++] = (ew_token)strtol(p, &end, 10);
        assert_true(end != p);
        p = end;
    }
}

static void expect_ids(const ew_tokenizer *t, const char *text, size_t n, bool add_special,
                       const ew_token *want, size_t n_want, const char *what)
{
    ew_token *ids;
    size_t got = encode(t, text, n, add_special, true, &ids);
    if (got != n_want || memcmp(ids, want, got * sizeof *ids)) {
        fprintf(stderr, "%s %.*s\n  want:", what, (int)(n > 40 ? 40 : n), text);
        print_ids(stderr, want, n_want);
        fprintf(stderr, "\n  got: ");
        print_ids(stderr, ids, got);
        fprintf(stderr, "\n");
        fail();
    }
    free(ids);
}

static void test_ref_prompts(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/models/ref", shared_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n_prompts = 0;
    struct dirent *e;
    char *text = malloc(1 << 16);
    ew_token *want = malloc(sizeof *want * 4096);
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 5, ".json")) continue;
        char path[1300], model[1300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(model, sizeof model, "models/%.*s.gguf", (int)(nl - 5), e->d_name);
        size_t len;
        char *json = slurp(path, &len);
        ew_tokenizer *t = open_tok(model);
        const char *p = find_key(json, "prompts");
        assert_non_null(p);
        while ((p = find_key(p, "text"))) {
            size_t tn = json_string(p, text);
            const char *q = find_key(p, "tokens_special");
            size_t wn = json_ints(q, want);
            expect_ids(t, text, tn, true, want, wn, e->d_name);
            q = find_key(p, "tokens_plain");
            wn = json_ints(q, want);
            expect_ids(t, text, tn, false, want, wn, e->d_name);
            p = q;
            n_prompts++;
        }
        ew_tokenizer_free(t);
        free(json);
    }
    closedir(d);
    free(text);
    free(want);
    assert_true(n_prompts >= 28);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocab_vectors),
        cmocka_unit_test(test_stories_vectors),
        cmocka_unit_test(test_ref_prompts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
