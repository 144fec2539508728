/* The generation job: chat template, tokenization, limits, sampling, and the
 * cascade's confidence probe. Runs on a runner worker (see runner.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "edgeway/tokenizer.h"
#include "local/model.h"
#include "local/runner.h"
#include "local/runner_priv.h"

double ew__step_confidence(const float *logits, int n, ew__confidence_metric metric)
{
    if (!logits || n < 1) return NAN;
    float a = -INFINITY, b = -INFINITY; /* the two largest logits */
    for (int i = 0; i < n; i++) {
        float v = logits[i];
        if (v > a) {
            b = a;
            a = v;
        } else if (v > b) {
            b = v;
        }
    }
    double lse = ew_logsumexp(logits, n);
    double p1 = exp((double)a - lse);
    if (metric == EW__CONF_MEAN_TOP1) return p1;
    double p2 = n > 1 ? exp((double)b - lse) : 0.0;
    return p1 - p2;
}

/* The prompt as text: the model's chat template, or the raw completion prompt. */
static int render(ew__runner_ctx *ctx, const ew_request *req, const char **text, size_t *len,
                  ew_error *err)
{
    if (!req->is_chat) {
        *text = req->prompt ? req->prompt : "";
        *len = req->prompt_len;
        return EW_OK;
    }
    const ew_model *m = ew__runner_ctx_model(ctx);
    ew_buf *b = ew__runner_scratch(ctx);
    size_t need = 0;
    int st = ew_buf_reserve(b, 4096);
    if (!st)
        st = ew_model_apply_chat(m, req->messages, req->n_messages, true, b->data, b->cap, &need,
                                 err);
    if (st == EW_ERR_TOO_LARGE) {
        if (ew_buf_reserve(b, need + 1))
            return ew__error_set(err, EW_ERR_TOO_LARGE,
                                 "the rendered prompt (%zu bytes) exceeds the model's limit", need);
        st = ew_model_apply_chat(m, req->messages, req->n_messages, true, b->data, b->cap, &need,
                                 err);
    }
    if (st) return st;
    b->len = need;
    *text = b->data;
    *len = need;
    return EW_OK;
}

static int tokenize(ew__runner_ctx *ctx, const ew_request *req, int n_ctx, int *n_prompt,
                    ew_error *err)
{
    const char *text = NULL;
    size_t len = 0, n = 0;
    int st = render(ctx, req, &text, &len, err);
    if (st) return st;
    const ew_tokenizer *tok = ew_model_tokenizer(ew__runner_ctx_model(ctx));
    /* Chat prompts carry the template's control tokens; a completion prompt
     * is plain text. */
    st = ew_tokenizer_encode(tok, text, len, true, req->is_chat, ew__runner_ids(ctx), (size_t)n_ctx,
                             &n, err);
    if (st == EW_ERR_TOO_LARGE && n > (size_t)n_ctx)
        return ew__error_set(err, EW_ERR_TOO_LARGE,
                             "the prompt is %zu tokens, more than the model's context of %d", n,
                             n_ctx);
    if (st) return st;
    if (n == 0) return ew__error_set(err, EW_ERR_INVALID, "the prompt is empty");
    *n_prompt = (int)n;
    return EW_OK;
}

static void sampler_params(const ew__gen_input *in, ew_sampler_params *p)
{
    ew_sampler_params_init(p);
    /* OpenAI's semantics: temperature and top_p only, defaults 1. */
    p->temperature = isnan(in->temperature) ? 1.0f : (float)in->temperature;
    p->top_p = isnan(in->top_p) ? 1.0f : (float)in->top_p;
    p->top_k = 0;
    p->min_p = 0;
    p->seed = in->seed;
}

/* The per-token state of one generation. */
typedef struct gen {
    ew__runner_ctx *ctx;
    const ew__gen_input *in;
    ew_session *s;
    int n_vocab;
    int probed;
    double conf_sum;
    bool probing;  /* text is held until the probe decides */
    bool escalate; /* the probe failed: stop, emit nothing */
    int emit_st;   /* the first emit failure */
    ew_buf held;
} gen;

static void emit(gen *g, const char *text, size_t len)
{
    if (!g->emit_st && len) g->emit_st = ew__runner_emit(g->ctx, text, len);
}

/* After the probe's tokens (or the end of generation, if sooner). */
static void probe_decide(gen *g)
{
    g->probing = false;
    double mean = g->probed ? g->conf_sum / g->probed : NAN;
    g->escalate = !(mean >= g->in->min_confidence);
    ew__runner_note_probe(g->ctx, mean, g->escalate);
    if (!g->escalate) emit(g, g->held.data, g->held.len);
}

static int on_token(void *user, int32_t token, const char *text, size_t len)
{
    gen *g = user;
    if (g->probing) {
        if (token >= 0) {
            g->conf_sum +=
                ew__step_confidence(ew_session_logits(g->s, -1), g->n_vocab, g->in->metric);
            g->probed++;
        }
        if (len && ew_buf_append(&g->held, text, len)) g->emit_st = EW_ERR_TOO_LARGE;
        if (g->probed >= g->in->probe_tokens) probe_decide(g);
        if (g->escalate) return 1;
    } else {
        emit(g, text, len);
    }
    return g->emit_st || ew__runner_cancelled(g->ctx);
}

int ew__runner_gen_run(ew__runner_ctx *ctx, void *arg, ew__runner_result *res, ew_error *err)
{
    const ew__gen_input *in = arg;
    ew_session *s = ew__runner_session(ctx);
    const ew_model *m = ew__runner_ctx_model(ctx);
    ew_model_info info;
    ew_model_get_info(m, &info);
    int n_ctx = s->n_ctx; /* what the prompt and the answer share */
    int n_prompt = 0;
    int st = tokenize(ctx, in->req, n_ctx, &n_prompt, err);
    if (st) return st;
    res->prompt_tokens = n_prompt;
    int room = n_ctx - n_prompt;
    if (room < 1)
        return ew__error_set(err, EW_ERR_TOO_LARGE,
                             "the prompt is %d tokens and fills the model's context of %d",
                             n_prompt, n_ctx);
    ew_generate_params gp;
    memset(&gp, 0, sizeof gp);
    gp.max_tokens = in->max_tokens < 0 || in->max_tokens > room ? room : in->max_tokens;
    for (int i = 0; i < in->n_stop && i < EW_REQUEST_MAX_STOP; i++)
        gp.stop[i] = in->stop[i];
    ew_sampler_params sp;
    sampler_params(in, &sp);
    ew_sampler *smp = ew__runner_sampler(ctx);
    if ((st = ew__sampler_set_params(smp, &sp, err))) return st;
    gen g = {.ctx = ctx, .in = in, .s = s, .n_vocab = info.n_vocab};
    g.probing = in->probe_tokens > 0;
    ew_buf_init(&g.held, 1u << 20);
    gp.on_token = on_token;
    gp.user = &g;
    ew_generate_result gr;
    st = ew_generate(s, smp, ew__runner_ids(ctx), n_prompt, &gp, &gr, err);
    if (!st && g.probing) probe_decide(&g);
    ew_buf_cleanup(&g.held);
    if (st) return st;
    if (g.emit_st && g.emit_st != EW_ERR_CANCELLED)
        return ew__error_set(err, g.emit_st, "the client is not reading the answer");
    res->completion_tokens = gr.n_generated;
    /* A stop the generation loop did not know as such: the context. */
    res->stop = gr.stop == EW_STOP_LENGTH && gp.max_tokens == room && in->max_tokens != room
                    ? EW_STOP_CONTEXT
                    : gr.stop;
    res->probed = g.probed;
    res->confidence = g.probed ? g.conf_sum / g.probed : NAN;
    res->escalate = g.escalate;
    res->prompt_ms = gr.prompt_ms;
    res->gen_ms = gr.gen_ms;
    return EW_OK;
}
