/* The generation loop: prompt (reusing the cached prefix), then sample, stream
 * and stop. Text is streamed through the caller's callback; the part that
 * could still turn into a stop string, or that ends in an incomplete UTF-8
 * sequence, is held back in the session's gen_buf until it is decided. */
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "local/model.h"
#include "local/stop_text.h"
#include "local/tokenizer.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Adds a token's piece, passes on what is decided, and reports whether a
 * stop string was hit or the callback asked to stop. */
static int push_piece(ew__stop_text *g, const ew_generate_params *p, int32_t tok, const char *piece,
                      size_t n, bool *stop_str)
{
    size_t emit = ew__stop_text_push(g, piece, n, stop_str);
    int stop = p->on_token ? p->on_token(p->user, tok, g->buf, emit) : 0;
    ew__stop_text_consume(g, emit);
    return stop;
}

static int check_params(const ew_session *s, int n_prompt, const ew_generate_params *p,
                        ew_error *err)
{
    if (n_prompt < 1 || n_prompt > s->n_ctx)
        return ew__error_set(err, EW_ERR_INVALID, "generate: prompt of %d tokens (1..%d)", n_prompt,
                             s->n_ctx);
    if (p->max_tokens < 0) return ew__error_set(err, EW_ERR_INVALID, "generate: max_tokens < 0");
    for (int i = 0; i < EW_MAX_STOP_STRINGS && p->stop[i]; i++) {
        size_t L = strlen(p->stop[i]);
        if (L == 0 || L > EW_MAX_STOP_LEN)
            return ew__error_set(err, EW_ERR_INVALID,
                                 "generate: stop strings must have 1..%d bytes", EW_MAX_STOP_LEN);
    }
    return EW_OK;
}

/* Evaluates the prompt after the longest prefix the cache already holds
 * (always at least its last token, which yields the first logits). */
static int eval_prompt(ew_session *s, const int32_t *prompt, int n_prompt, int *n_evaluated,
                       ew_error *err)
{
    int keep = 0;
    while (keep < s->n_past && keep < n_prompt - 1 && s->tokens[keep] == prompt[keep])
        keep++;
    ew_session_rewind(s, keep);
    for (int i = keep; i < n_prompt;) {
        int n = n_prompt - i < s->n_batch ? n_prompt - i : s->n_batch;
        int st = ew_session_eval(s, prompt + i, n, err);
        if (st) return st;
        i += n;
    }
    *n_evaluated = n_prompt - keep;
    return EW_OK;
}

int ew_generate(ew_session *s, ew_sampler *smp, const int32_t *prompt, int n_prompt,
                const ew_generate_params *p, ew_generate_result *res, ew_error *err)
{
    memset(res, 0, sizeof *res);
    int st = check_params(s, n_prompt, p, err);
    if (st) return st;
    const ew_tokenizer *tok = s->m->tok;
    double t0 = now_ms();
    if ((st = eval_prompt(s, prompt, n_prompt, &res->n_prompt, err))) return st;
    for (int i = 0; i < n_prompt; i++)
        ew_sampler_accept(smp, prompt[i]);
    double t1 = now_ms();
    res->prompt_ms = t1 - t0;

    ew__stop_text g = {s->gen_buf, 0, p->stop, EW_MAX_STOP_STRINGS};
    bool stop_str = false, stop_cb = false;
    res->stop = EW_STOP_LENGTH;
    while (res->n_generated < p->max_tokens) {
        int32_t t = ew_sampler_sample(smp, ew_session_logits(s, -1));
        ew_sampler_accept(smp, t);
        res->n_generated++;
        if (!p->ignore_eog && ew_tokenizer_is_eog(tok, t)) {
            if (p->on_token) stop_cb = p->on_token(p->user, t, "", 0) != 0;
            res->stop = EW_STOP_EOG;
            break;
        }
        const char *piece;
        size_t n;
        if (ew_tokenizer_token_to_piece(tok, t, false, &piece, &n)) n = 0;
        stop_cb = push_piece(&g, p, t, piece, n, &stop_str) != 0;
        if (stop_str || stop_cb) {
            res->stop = stop_str ? EW_STOP_STRING : EW_STOP_CALLBACK;
            break;
        }
        if (res->n_generated == p->max_tokens) break;
        if (s->n_past >= s->n_ctx) {
            res->stop = EW_STOP_CONTEXT;
            break;
        }
        if ((st = ew_session_eval(s, &t, 1, err))) return st;
    }
    /* What was held back is output after all, unless a stop string cut it. */
    if (!stop_str && !stop_cb && g.len && p->on_token) p->on_token(p->user, -1, g.buf, g.len);
    res->gen_ms = now_ms() - t1;
    return EW_OK;
}
