/* edgeway generate: run a prompt through a local GGUF model and print the
 * continuation (streamed), or with --json the ids, text, per-step top-5
 * probabilities and timings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/json.h"
#include "gateway/commands.h"
#include "edgeway/tokenizer.h"
#include "gateway/engine_cli.h"

#define TOP_N 5

static const char usage[] =
    "usage: edgeway generate -m MODEL -p PROMPT [-n N] [--temp T] [--top-k K] [--top-p P]\n"
    "                        [--seed S] [-t THREADS] [--chat] [--json]\n"
    "Generates a continuation of PROMPT with a local GGUF model.\n\n" EW_ENGINE_OPTS_HELP
    "  -p, --prompt TEXT   prompt text (required)\n"
    "  -n N                tokens to generate at most (default 128)\n"
    "  --temp T            temperature; 0 = greedy (default 0.8)\n"
    "  --top-k K           top-k (default 40; 0 = off)\n"
    "  --top-p P           top-p (default 0.95; 1 = off)\n"
    "  --min-p P           min-p (default 0.05; 0 = off)\n"
    "  --repeat-penalty R  repetition penalty (default 1.0 = off)\n"
    "  --seed S            random seed (default 0)\n"
    "  --stop TEXT         stop when TEXT appears (up to 8 times)\n"
    "  --chat              wrap the prompt in the model's chat template as a user turn\n"
    "  --json              print {prompt_ids, ids, text, top, timings} instead of streaming\n";

typedef struct gen_opts {
    ew_engine_opts eng;
    const char *prompt;
    long n_predict;
    ew_sampler_params sp;
    const char *stop[EW_MAX_STOP_STRINGS];
    int n_stop;
    bool chat, json;
} gen_opts;

/* Sampling flags; 1 consumed, 0 not ours, -1 bad value. */
static int sampling_opt(gen_opts *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    long n;
    bool ok = v != NULL;
    if (!strcmp(a, "-n") || !strcmp(a, "--n-predict"))
        ok = ok && ew_cli_int(v, 0, 1 << 20, &o->n_predict);
    else if (!strcmp(a, "--temp"))
        ok = ok && ew_cli_float(v, 0, 100, &o->sp.temperature);
    else if (!strcmp(a, "--top-k") && (ok = ok && ew_cli_int(v, 0, 1 << 22, &n)))
        o->sp.top_k = (int)n;
    else if (!strcmp(a, "--top-p"))
        ok = ok && ew_cli_float(v, 0, 1, &o->sp.top_p);
    else if (!strcmp(a, "--min-p"))
        ok = ok && ew_cli_float(v, 0, 1, &o->sp.min_p);
    else if (!strcmp(a, "--repeat-penalty"))
        ok = ok && ew_cli_float(v, 0.01, 100, &o->sp.repeat_penalty);
    else if (!strcmp(a, "--seed"))
        ok = ok && ew_cli_u64(v, &o->sp.seed);
    else if (!strcmp(a, "-p") || !strcmp(a, "--prompt"))
        o->prompt = v;
    else if (!strcmp(a, "--stop") && (ok = ok && o->n_stop < EW_MAX_STOP_STRINGS))
        o->stop[o->n_stop++] = v;
    else
        return 0;
    if (!ok) return -1;
    (*i)++;
    return 1;
}

static int parse_args(gen_opts *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    ew_engine_opts_init(&o->eng);
    ew_sampler_params_init(&o->sp);
    o->n_predict = 128;
    for (int i = 1; i < argc; i++) {
        const char *why = NULL;
        int r = ew_engine_opt(&o->eng, argc, argv, &i, &why);
        if (r < 0) return ew_cli_fail("generate", "%s", why);
        if (r) continue;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return -1;
        }
        if (!strcmp(argv[i], "--chat")) {
            o->chat = true;
        } else if (!strcmp(argv[i], "--json")) {
            o->json = true;
        } else if ((r = sampling_opt(o, argc, argv, &i)) < 0) {
            return ew_cli_fail("generate", "bad or missing value for %s", argv[i]);
        } else if (!r) {
            fputs(usage, stderr);
            return ew_cli_fail("generate", "unexpected argument '%s'", argv[i]);
        }
    }
    if (!o->eng.model || !o->prompt) {
        fputs(usage, stderr);
        return ew_cli_fail("generate", "-m and -p are required");
    }
    return 0;
}

/* What the streaming callback collects for --json. */
typedef struct collect {
    const gen_opts *o;
    ew_session *s;
    int n_vocab;
    int32_t *ids; /* (n_predict) */
    float *top_p; /* (n_predict, TOP_N) */
    int32_t *top_id;
    int *top_n;
    int n;
    ew_buf text;
} collect;

static int on_token(void *user, int32_t token, const char *text, size_t len)
{
    collect *c = user;
    if (len && c->o->json)
        ew_buf_append(&c->text, text, len);
    else if (len) {
        fwrite(text, 1, len, stdout);
        fflush(stdout);
    }
    if (token < 0 || c->n >= c->o->n_predict) return 0;
    /* the logits that produced this token are still the session's last */
    float vals[TOP_N];
    c->top_n[c->n] =
        ew_top_k(ew_session_logits(c->s, -1), c->n_vocab, TOP_N, c->top_id + (size_t)c->n * TOP_N,
                 vals, c->top_p + (size_t)c->n * TOP_N);
    c->ids[c->n++] = token;
    return 0;
}

static void write_json(const collect *c, const int32_t *prompt, int n_prompt,
                       const ew_generate_result *r)
{
    ew_buf b;
    ew_buf_init(&b, (size_t)64 << 20);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "prompt_ids");
    ew_jw_array_begin(&w);
    for (int i = 0; i < n_prompt; i++)
        ew_jw_int(&w, prompt[i]);
    ew_jw_array_end(&w);
    ew_jw_key(&w, "ids");
    ew_jw_array_begin(&w);
    for (int i = 0; i < c->n; i++)
        ew_jw_int(&w, c->ids[i]);
    ew_jw_array_end(&w);
    ew_jw_key(&w, "text");
    ew_jw_stringn(&w, c->text.data ? c->text.data : "", c->text.len);
    ew_jw_key(&w, "top");
    ew_jw_array_begin(&w);
    for (int i = 0; i < c->n; i++) {
        ew_jw_array_begin(&w);
        for (int j = 0; j < c->top_n[i]; j++) {
            ew_jw_array_begin(&w);
            ew_jw_int(&w, c->top_id[(size_t)i * TOP_N + j]);
            ew_jw_double(&w, c->top_p[(size_t)i * TOP_N + j]);
            ew_jw_array_end(&w);
        }
        ew_jw_array_end(&w);
    }
    ew_jw_array_end(&w);
    static const char *const reasons[] = {"length", "eog", "stop", "callback", "context"};
    ew_jw_key(&w, "stop");
    ew_jw_string(&w, reasons[r->stop]);
    ew_jw_key(&w, "timings");
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "n_prompt");
    ew_jw_int(&w, r->n_prompt);
    ew_jw_key(&w, "prompt_ms");
    ew_jw_double(&w, r->prompt_ms);
    ew_jw_key(&w, "prompt_tok_s");
    ew_jw_double(&w, r->prompt_ms > 0 ? r->n_prompt * 1e3 / r->prompt_ms : 0);
    ew_jw_key(&w, "n_gen");
    ew_jw_int(&w, r->n_generated);
    ew_jw_key(&w, "gen_ms");
    ew_jw_double(&w, r->gen_ms);
    ew_jw_key(&w, "gen_tok_s");
    ew_jw_double(&w, r->gen_ms > 0 ? r->n_generated * 1e3 / r->gen_ms : 0);
    ew_jw_object_end(&w);
    ew_jw_object_end(&w);
    if (!w.status) {
        fwrite(b.data, 1, b.len, stdout);
        fputc('\n', stdout);
    }
    ew_buf_cleanup(&b);
}

/* The prompt as the user turn of a chat, rendered with the model's template
 * and ending with the opening of the assistant's turn. *out is malloc'd. */
static int chat_prompt(const ew_model *m, const char *text, char **out, size_t *len, ew_error *err)
{
    ew_text_part part = {text, strlen(text)};
    ew_message msg;
    memset(&msg, 0, sizeof msg);
    msg.role = EW_ROLE_USER;
    msg.parts = &part;
    msg.n_parts = 1;
    msg.content = text;
    msg.content_len = part.len;
    size_t need = 0;
    int st = ew_model_apply_chat(m, &msg, 1, true, NULL, 0, &need, err);
    if (st && st != EW_ERR_TOO_LARGE) return st;
    if (!(*out = malloc(need + 1))) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    return ew_model_apply_chat(m, &msg, 1, true, *out, need + 1, len, err);
}

/* Tokenizes the prompt (as a chat user turn with --chat) with special tokens
 * added and parsed, as llama.cpp's server does. */
static int tokenize_prompt(const gen_opts *o, const ew_model *m, int32_t **ids, int *n,
                           ew_error *err)
{
    const ew_tokenizer *tok = ew_model_tokenizer(m);
    char *rendered = NULL;
    const char *text = o->prompt;
    size_t len = strlen(text);
    int st = EW_OK;
    if (o->chat && !(st = chat_prompt(m, o->prompt, &rendered, &len, err))) text = rendered;
    size_t cap = ew_tokenizer_max_ids(len), got = 0;
    if (!st && !(*ids = malloc((cap ? cap : 1) * sizeof **ids)))
        st = ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    if (!st) st = ew_tokenizer_encode(tok, text, len, true, true, *ids, cap, &got, err);
    if (!st && got == 0) st = ew__error_set(err, EW_ERR_INVALID, "the prompt has no tokens");
    *n = (int)got;
    free(rendered);
    return st;
}

static int run(const gen_opts *o, ew_error *err)
{
    ew_model *m = NULL;
    ew_session *s = NULL;
    ew_sampler *smp = NULL;
    int32_t *prompt = NULL;
    int n_prompt = 0;
    collect c;
    memset(&c, 0, sizeof c);
    ew_buf_init(&c.text, (size_t)16 << 20);
    int st = ew_model_open(o->eng.model, o->eng.sha256, &m, err);
    if (!st) st = tokenize_prompt(o, m, &prompt, &n_prompt, err);
    if (!st) st = ew_session_new(m, &o->eng.sp, &s, err);
    if (!st) st = ew_sampler_new(&o->sp, ew_model_n_vocab(m), &smp, err);
    size_t np = (size_t)o->n_predict + 1;
    c.o = o;
    c.s = s;
    c.n_vocab = m ? ew_model_n_vocab(m) : 0;
    c.ids = malloc(np * sizeof *c.ids);
    c.top_p = malloc(np * TOP_N * sizeof *c.top_p);
    c.top_id = malloc(np * TOP_N * sizeof *c.top_id);
    c.top_n = malloc(np * sizeof *c.top_n);
    if (!st && (!c.ids || !c.top_p || !c.top_id || !c.top_n))
        st = ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    ew_generate_params gp;
    memset(&gp, 0, sizeof gp);
    gp.max_tokens = (int)o->n_predict;
    for (int i = 0; i < o->n_stop; i++)
        gp.stop[i] = o->stop[i];
    gp.on_token = on_token;
    gp.user = &c;
    ew_generate_result r;
    if (!st) st = ew_generate(s, smp, prompt, n_prompt, &gp, &r, err);
    if (!st && o->json) {
        write_json(&c, prompt, n_prompt, &r);
    } else if (!st) {
        fputc('\n', stdout);
        fprintf(stderr,
                "prompt: %d tokens in %.1f ms; generated %d tokens in %.1f ms (%.1f tok/s)\n",
                r.n_prompt, r.prompt_ms, r.n_generated, r.gen_ms,
                r.gen_ms > 0 ? r.n_generated * 1e3 / r.gen_ms : 0.0);
    }
    free(c.ids);
    free(c.top_p);
    free(c.top_id);
    free(c.top_n);
    ew_buf_cleanup(&c.text);
    free(prompt);
    ew_sampler_free(smp);
    ew_session_free(s);
    ew_model_close(m);
    return st;
}

int ew_cmd_generate(int argc, char **argv)
{
    gen_opts o;
    int r = parse_args(&o, argc, argv);
    if (r) return r < 0 ? 0 : r;
    ew_error err;
    ew_error_clear(&err);
    if (run(&o, &err)) {
        char msg[1024];
        return ew_cli_fail("generate", "%s", ew_error_format(&err, msg, sizeof msg));
    }
    return 0;
}
