/* edgeway logits: evaluate a token sequence (teacher forcing) and print, for
 * every position, the top-K logits of the next-token distribution and its
 * log-sum-exp. This is what speculative verification and the llama.cpp
 * oracle comparison need. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/json.h"
#include "gateway/commands.h"
#include "gateway/engine_cli.h"

#define MAX_IDS 65535
#define MAX_TOP 1000
#define CHUNK   512

static const char usage[] =
    "usage: edgeway logits -m MODEL --ids '[1,2,3]' [--top K] [-t THREADS] [--kv f16|f32]\n"
    "Evaluates the ids as one sequence and prints a JSON array with one object per\n"
    "position: {\"top\":[[id,logit] x K],\"logsumexp\":x}, describing the distribution\n"
    "of the token that follows that position.\n\n" EW_ENGINE_OPTS_HELP
    "  --ids JSON          token ids (a JSON array of integers)\n"
    "  --top K             logits to list per position (default 10)\n";

/* Parses a non-empty JSON array of token ids into a malloc'd array. */
static int parse_ids(const char *text, int32_t **out, int *n, ew_error *err)
{
    ew_json_doc doc;
    ew_json_limits lim = {MAX_IDS + 1, 4};
    int st = ew_json_parse(&doc, text, strlen(text), &lim, err);
    if (st) return st;
    int count = ew_json_count(&doc, 0);
    int32_t *ids = NULL;
    if (ew_json_type_of(&doc, 0) != EW_JSON_ARRAY || count == 0) {
        st = EW_ERR_INVALID;
    } else if (!(ids = malloc((size_t)count * sizeof *ids))) {
        st = EW_ERR_NOMEM;
    } else {
        int i = 0;
        for (int v = ew_json_first(&doc, 0); v >= 0 && !st; v = ew_json_next(&doc, v)) {
            int64_t x;
            if (ew_json_int64(&doc, v, &x) || x < 0 || x > INT32_MAX)
                st = EW_ERR_INVALID;
            else
                ids[i++] = (int32_t)x;
        }
        *n = i;
    }
    ew_json_doc_cleanup(&doc);
    if (st) {
        free(ids);
        return ew__error_set(err, st, "--ids must be a non-empty JSON array of token ids");
    }
    *out = ids;
    return EW_OK;
}

static void write_position(ew_jw *w, const float *logits, int n_vocab, int k, int32_t *ids,
                           float *vals)
{
    int m = ew_top_k(logits, n_vocab, k, ids, vals, NULL);
    ew_jw_object_begin(w);
    ew_jw_key(w, "top");
    ew_jw_array_begin(w);
    for (int j = 0; j < m; j++) {
        ew_jw_array_begin(w);
        ew_jw_int(w, ids[j]);
        ew_jw_double(w, vals[j]);
        ew_jw_array_end(w);
    }
    ew_jw_array_end(w);
    ew_jw_key(w, "logsumexp");
    ew_jw_double(w, ew_logsumexp(logits, n_vocab));
    ew_jw_object_end(w);
}

/* Evaluates ids in chunks and streams one JSON object per position. */
static int run(const ew_engine_opts *o, const int32_t *ids, int n, int k, ew_error *err)
{
    ew_model *m = NULL;
    ew_session *s = NULL;
    int32_t *top_ids = malloc((size_t)k * sizeof *top_ids);
    float *top_vals = malloc((size_t)k * sizeof *top_vals);
    ew_buf b;
    ew_buf_init(&b, (size_t)1 << 30);
    int st = top_ids && top_vals ? EW_OK : EW_ERR_NOMEM;
    if (!st) st = ew_model_open(o->model, o->sha256, &m, err);
    if (!st) {
        ew_session_params sp = o->sp;
        sp.logits_all = true;
        if (sp.n_ctx < n) sp.n_ctx = n;
        if (sp.n_batch <= 0 || sp.n_batch > CHUNK) sp.n_batch = CHUNK;
        st = ew_session_new(m, &sp, &s, err);
    }
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_array_begin(&w);
    int nv = m ? ew_model_n_vocab(m) : 0;
    for (int i = 0; !st && i < n;) {
        int len = n - i < CHUNK ? n - i : CHUNK;
        st = ew_session_eval(s, ids + i, len, err);
        for (int j = 0; !st && j < len; j++)
            write_position(&w, ew_session_logits(s, j), nv, k, top_ids, top_vals);
        i += len;
    }
    ew_jw_array_end(&w);
    if (!st && w.status) st = ew__error_set(err, w.status, "output too large");
    if (!st) {
        fwrite(b.data, 1, b.len, stdout);
        fputc('\n', stdout);
    }
    ew_buf_cleanup(&b);
    ew_session_free(s);
    ew_model_close(m);
    free(top_ids);
    free(top_vals);
    return st;
}

int ew_cmd_logits(int argc, char **argv)
{
    ew_engine_opts o;
    ew_engine_opts_init(&o);
    const char *ids_text = NULL, *why = NULL;
    long k = 10;
    for (int i = 1; i < argc; i++) {
        int r = ew_engine_opt(&o, argc, argv, &i, &why);
        if (r < 0) return ew_cli_fail("logits", "%s", why);
        if (r) continue;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--ids") && i + 1 < argc) {
            ids_text = argv[++i];
        } else if (!strcmp(argv[i], "--top") && i + 1 < argc) {
            if (!ew_cli_int(argv[++i], 1, MAX_TOP, &k))
                return ew_cli_fail("logits", "--top takes 1..%d", MAX_TOP);
        } else {
            fputs(usage, stderr);
            return ew_cli_fail("logits", "unexpected argument '%s'", argv[i]);
        }
    }
    if (!o.model || !ids_text) {
        fputs(usage, stderr);
        return ew_cli_fail("logits", "-m and --ids are required");
    }
    ew_error err;
    ew_error_clear(&err);
    int32_t *ids = NULL;
    int n = 0;
    int st = parse_ids(ids_text, &ids, &n, &err);
    if (!st) st = run(&o, ids, n, (int)k, &err);
    free(ids);
    if (st) {
        char msg[1024];
        return ew_cli_fail("logits", "%s", ew_error_format(&err, msg, sizeof msg));
    }
    return 0;
}
