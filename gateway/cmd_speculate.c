/* edgeway speculate: the edge side of speculative decoding as a command.
 *
 * Drafts with a local model (optionally its first L layers) and has a
 * cloud `edgeway serve` verify, then prints one JSON object: the token
 * ids, the text, and the round statistics. It is the speculative route
 * without the HTTP front door, for scripts, tests and measurements.
 */
#include <event2/event.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/log.h"
#include "edgeway/tokenizer.h"
#include "gateway/commands.h"
#include "gateway/spec_edge.h"

#define MAX_IDS 4096

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway speculate --url URL --target NAME -m DRAFT -p PROMPT [-n N]\n"
                "                         [--layers L] [--temp T] [--seed S] [-k K] [--k-max K]\n"
                "                         [--p-min P] [--fixed-k] [--ignore-eog]\n"
                "Generates with speculative decoding: DRAFT proposes, the edgeway at URL\n"
                "(e.g. http://127.0.0.1:8081/v1) verifies with its model NAME. Prints one JSON\n"
                "object: {ids, text, stats}. Exit 1 on failure, 3 when the backend cannot\n"
                "verify (no verify API, or another tokenizer).\n\n"
                "  --layers L     draft with the first L layers of DRAFT (default: all)\n"
                "  --temp T       0 = greedy (default), else sampling with the rejection rule\n"
                "  -n N           tokens to generate (default 32)\n");
}

typedef struct cli {
    struct event_base *base;
    const ew_tokenizer *tok;
    int32_t ids[MAX_IDS];
    int n;
    int status;
    char message[512];
    ew__spec_stats st;
} cli;

static bool on_tokens(void *user, const int32_t *t, int n)
{
    cli *c = user;
    for (int i = 0; i < n && c->n < MAX_IDS; i++)
        c->ids[c->n++] = t[i];
    return false;
}

static void on_end(void *user, int status, const char *message, const ew__spec_stats *st)
{
    cli *c = user;
    c->status = status;
    snprintf(c->message, sizeof c->message, "%s", message);
    c->st = *st;
    event_base_loopbreak(c->base);
}

static void print_result(cli *c)
{
    ew_buf b;
    ew_buf_init(&b, 1 << 20);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "ids");
    ew_jw_array_begin(&w);
    for (int i = 0; i < c->n; i++)
        ew_jw_int(&w, c->ids[i]);
    ew_jw_array_end(&w);
    char text[1 << 16];
    size_t len = 0;
    if (ew_tokenizer_detokenize(c->tok, (const ew_token *)c->ids, (size_t)c->n, false, false, text,
                                sizeof text, &len))
        len = 0;
    ew_jw_key(&w, "text");
    ew_jw_stringn(&w, text, len);
    const ew__spec_stats *s = &c->st;
    ew_jw_key(&w, "stats");
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "rounds");
    ew_jw_int(&w, s->rounds);
    ew_jw_key(&w, "drafted");
    ew_jw_int(&w, s->drafted);
    ew_jw_key(&w, "accepted");
    ew_jw_int(&w, s->accepted);
    ew_jw_key(&w, "acceptance");
    ew_jw_double(&w, s->drafted ? (double)s->accepted / s->drafted : 0);
    ew_jw_key(&w, "mean_accepted");
    ew_jw_double(&w, s->rounds ? (double)s->accepted / s->rounds : 0);
    ew_jw_key(&w, "target_passes");
    ew_jw_uint(&w, s->target_passes);
    ew_jw_key(&w, "target_passes_per_token");
    ew_jw_double(&w, c->n ? (double)s->target_passes / c->n : 0);
    ew_jw_key(&w, "restarts");
    ew_jw_int(&w, s->restarts);
    ew_jw_key(&w, "bytes_per_round");
    ew_jw_double(&w, s->rounds ? (double)(s->bytes_sent + s->bytes_received) / s->rounds : 0);
    ew_jw_key(&w, "rtt_ms");
    ew_jw_double(&w, s->rtt_ms);
    ew_jw_key(&w, "k_last");
    ew_jw_int(&w, s->k_last);
    ew_jw_key(&w, "fallback");
    ew_jw_string(&w, ew__spec_fallback_name(s->fallback));
    ew_jw_object_end(&w);
    ew_jw_object_end(&w);
    if (!w.status) printf("%.*s\n", (int)b.len, b.data);
    ew_buf_cleanup(&b);
}

typedef struct opts {
    const char *url, *target, *draft, *prompt;
    int n, layers, k, k_max;
    double temp, p_min;
    uint64_t seed;
    bool fixed_k, ignore_eog;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    *o = (opts){.n = 32, .k = 4, .k_max = 16, .seed = 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--fixed-k"))
            o->fixed_k = true;
        else if (!strcmp(a, "--ignore-eog"))
            o->ignore_eog = true;
        else if (!v)
            return ew_cli_fail("speculate", "%s needs a value", a);
        else if (!strcmp(a, "--url"))
            o->url = v;
        else if (!strcmp(a, "--target"))
            o->target = v;
        else if (!strcmp(a, "-m") || !strcmp(a, "--model"))
            o->draft = v;
        else if (!strcmp(a, "-p") || !strcmp(a, "--prompt"))
            o->prompt = v;
        else if (!strcmp(a, "-n"))
            o->n = (int)strtol(v, NULL, 10);
        else if (!strcmp(a, "--layers"))
            o->layers = (int)strtol(v, NULL, 10);
        else if (!strcmp(a, "-k"))
            o->k = (int)strtol(v, NULL, 10);
        else if (!strcmp(a, "--k-max"))
            o->k_max = (int)strtol(v, NULL, 10);
        else if (!strcmp(a, "--temp"))
            o->temp = strtod(v, NULL);
        else if (!strcmp(a, "--p-min"))
            o->p_min = strtod(v, NULL);
        else if (!strcmp(a, "--seed"))
            o->seed = strtoull(v, NULL, 10);
        else
            return ew_cli_fail("speculate", "unknown option %s (see --help)", a);
        if (strcmp(a, "--fixed-k") && strcmp(a, "--ignore-eog")) i++;
    }
    if (!o->url || !o->target || !o->draft || !o->prompt) {
        usage(stderr);
        return 1;
    }
    if (o->n < 1 || o->n > MAX_IDS || o->k < 1 || o->k > o->k_max || o->k_max > EW_SPEC_MAX_DRAFT ||
        !(o->temp >= 0 && o->temp <= 2))
        return ew_cli_fail("speculate", "-n 1..%d, 1 <= k <= k-max <= %d, temp 0..2", MAX_IDS,
                           EW_SPEC_MAX_DRAFT);
    return -1;
}

static int run(const opts *o, cli *c, ew__spec_edge *edge, const ew_token *ids, size_t n_ids)
{
    ew__spec_params p = {
        .backend = "cloud",
        .target_model = o->target,
        .prompt = (const int32_t *)ids,
        .n_prompt = (int)n_ids,
        .max_tokens = o->n,
        .has_seed = true,
        .ignore_eog = o->ignore_eog,
        .cfg = {.k = o->k, .k_max = o->k_max, .adaptive = !o->fixed_k, .p_min = o->p_min},
    };
    ew_sampler_params_init(&p.sampling);
    p.sampling.temperature = (float)o->temp;
    p.sampling.top_k = 0;
    p.sampling.top_p = 1.0f;
    p.sampling.min_p = 0;
    p.sampling.seed = o->seed;
    static const ew__spec_events ev = {on_tokens, on_end};
    ew__spec_run *r;
    ew_error err;
    if (ew__spec_start(edge, &p, &ev, c, &r, &err))
        return ew_cli_fail("speculate", "%s", err.message);
    event_base_dispatch(c->base);
    if (c->status == EW_ERR_UNSUPPORTED) {
        fprintf(stderr, "edgeway speculate: the backend cannot verify for this draft (%s)\n",
                c->message);
        return 3;
    }
    print_result(c);
    if (c->status) return ew_cli_fail("speculate", "%s", c->message);
    return 0;
}

int ew_cmd_speculate(int argc, char **argv)
{
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc >= 0) return rc;
    ew_cli_log_to_stderr(EW_LOG_WARN);
    static cli c; /* the id buffer is large */
    c.base = event_base_new();
    ew_backend_cfg b = {.name = "cloud",
                        .base_url = o.url,
                        .weight = 1,
                        .connect_timeout_ms = 5000,
                        .first_byte_timeout_ms = 30000,
                        .idle_timeout_ms = 30000,
                        .total_timeout_ms = 60000,
                        .max_retries = 2,
                        .kind = "edgeway"};
    ew__remote_opts ro = {.base = c.base, .backends = &b, .n_backends = 1};
    ew__remote *remote = NULL;
    ew__spec_edge *edge = NULL;
    ew_error err;
    ew__spec_edge_opts eo = {.base = c.base, .draft_path = o.draft, .n_layer_exit = o.layers};
    rc = 1;
    if (ew__remote_new(&ro, &remote, &err) || (eo.remote = remote, 0) ||
        ew__spec_edge_new(&eo, &edge, &err)) {
        ew_cli_fail("speculate", "%s", err.message);
    } else {
        c.tok = ew_model_tokenizer(ew__spec_edge_draft_model(edge));
        static ew_token ids[MAX_IDS];
        size_t n_ids = 0;
        if (ew_tokenizer_encode(c.tok, o.prompt, strlen(o.prompt), true, false, ids, MAX_IDS,
                                &n_ids, &err))
            ew_cli_fail("speculate", "%s", err.message);
        else
            rc = run(&o, &c, edge, ids, n_ids);
    }
    ew__spec_edge_free(edge);
    ew__remote_free(remote);
    event_base_free(c.base);
    return rc;
}
