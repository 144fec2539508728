/* Building a tokenizer from tokenizer.ggml.* metadata, with llama.cpp's
 * defaults for absent keys and its text-based detection of end-of-generation
 * and control tokens, so that ids and pieces match it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/sha256.h>

#include "core/error.h"
#include "core/json.h"
#include "local/tokenizer.h"
#include "local/unicode_data.h"

#define MAX_VOCAB  (1 << 22)
#define MAX_MERGES (1 << 22)

static bool str_is(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && !memcmp(s, lit, n);
}

static int fail(ew_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(ew_error *err, int status, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ew__error_set(err, status, "tokenizer: %s", msg);
}

/* ---- model and pre-tokenizer ------------------------------------------------------- */

enum { PF_NO_CLEAN = 1, PF_IGNORE_MERGES = 2, PF_ADD_BOS = 4, PF_NO_BOS = 8, PF_ADD_SEP = 16 };

/* tokenizer.ggml.pre names llama.cpp knows, for the regex families we
 * implement, with the flags it sets for each. */
static const struct pre_name {
    const char *name;
    tok_pre pre;
    int flags;
} pre_names[] = {
    {"default", PRE_DEFAULT, 0},
    {"llama3", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"llama-v3", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"llama-bpe", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"falcon3", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"falcon-h1", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"pixtral", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"midm-2.0", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"lfm2", PRE_LLAMA3, PF_IGNORE_MERGES | PF_ADD_BOS},
    {"dbrx", PRE_LLAMA3, 0},
    {"smaug-bpe", PRE_LLAMA3, 0},
    {"glm4", PRE_LLAMA3, PF_NO_BOS},
    {"chatglm-bpe", PRE_LLAMA3, PF_NO_BOS},
    {"deepseek-llm", PRE_DEEPSEEK_LLM, PF_NO_CLEAN},
    {"deepseek-coder", PRE_DEEPSEEK_CODER, PF_NO_CLEAN},
    {"falcon", PRE_FALCON, 0},
    {"gpt-2", PRE_GPT2, 0},
    {"gpt-neox", PRE_GPT2, 0}, /* not a llama.cpp name: GPT-NeoX's HF tokenizer is GPT-2's */
    {"mpt", PRE_GPT2, 0},
    {"olmo", PRE_GPT2, 0},
    {"phi-2", PRE_GPT2, 0},
    {"jais", PRE_GPT2, 0},
    {"exaone4", PRE_GPT2, 0},
    {"gigachat", PRE_GPT2, 0},
    {"a.x-4.0", PRE_GPT2, 0},
    {"mellum", PRE_GPT2, 0},
    {"modern-bert", PRE_GPT2, 0},
    {"jina-es", PRE_GPT2, 0},
    {"jina-de", PRE_GPT2, 0},
    {"jina-v2-es", PRE_GPT2, 0},
    {"jina-v2-de", PRE_GPT2, 0},
    {"jina-v1-en", PRE_GPT2, PF_ADD_SEP},
    {"jina-v2-code", PRE_GPT2, PF_ADD_SEP},
    {"roberta-bpe", PRE_GPT2, PF_ADD_SEP},
    {"trillion", PRE_GPT2, PF_NO_CLEAN},
    {"granite-docling", PRE_GPT2, PF_NO_CLEAN},
    {"starcoder", PRE_STARCODER, 0},
    {"refact", PRE_STARCODER, 0},
    {"codeshell", PRE_STARCODER, 0},
    {"exaone", PRE_STARCODER, 0},
    {"minerva-7b", PRE_STARCODER, 0},
    {"mellum2", PRE_STARCODER, 0},
    {"command-r", PRE_STARCODER, PF_NO_CLEAN},
    {"smollm", PRE_STARCODER, PF_NO_CLEAN},
    {"qwen2", PRE_QWEN2, PF_NO_CLEAN},
    {"deepseek-r1-qwen", PRE_QWEN2, PF_NO_CLEAN},
    {"kormo", PRE_QWEN2, PF_NO_CLEAN},
    {"f2llmv2", PRE_QWEN2, PF_NO_CLEAN},
    {"hunyuan", PRE_QWEN2, PF_NO_CLEAN},
    {"solar-open", PRE_QWEN2, PF_NO_CLEAN},
    {"grok-2", PRE_QWEN2, PF_NO_CLEAN},
    {"megrez", PRE_QWEN2, 0},
    {"stablelm2", PRE_QWEN2, 0},
};

static int load_kind(const ew_gguf *g, ew_tokenizer *t, ew_error *err)
{
    const char *s;
    size_t n;
    if (ew_gguf_get_str(g, "tokenizer.ggml.model", &s, &n))
        return fail(err, EW_ERR_PARSE, "tokenizer.ggml.model is missing or not a string");
    snprintf(t->model, sizeof t->model, "%.*s", (int)(n < 31 ? n : 31), s);
    t->bos = t->eos = t->eot = t->eom = t->unk = t->sep = t->pad = EW_TOKEN_NULL;
    if (str_is(s, n, "llama")) {
        t->kind = TOK_SPM;
        t->bos = 1, t->eos = 2, t->unk = 0;
        t->add_space_prefix = true;
        t->add_bos = true;
    } else if (str_is(s, n, "gpt2")) {
        t->kind = TOK_BPE;
        t->bos = 11, t->eos = 11;
        t->clean_spaces = true;
    } else if (str_is(s, n, "bert")) {
        t->kind = TOK_WPM;
        t->bos = 101, t->unk = 100, t->sep = 102, t->pad = 0;
        t->clean_spaces = true;
        t->add_bos = true;
        t->add_sep = true;
    } else {
        return fail(err, EW_ERR_UNSUPPORTED, "tokenizer model '%.*s' is not supported",
                    (int)(n < 64 ? n : 64), s);
    }
    t->pre = PRE_DEFAULT;
    snprintf(t->pre_name, sizeof t->pre_name, "default");
    if (t->kind == TOK_BPE && !ew_gguf_get_str(g, "tokenizer.ggml.pre", &s, &n)) {
        size_t i = 0, np = sizeof pre_names / sizeof pre_names[0];
        while (i < np && !str_is(s, n, pre_names[i].name))
            i++;
        if (i == np)
            return fail(err, EW_ERR_UNSUPPORTED, "pre-tokenizer '%.*s' is not supported",
                        (int)(n < 64 ? n : 64), s);
        int f = pre_names[i].flags;
        t->pre = pre_names[i].pre;
        snprintf(t->pre_name, sizeof t->pre_name, "%s", pre_names[i].name);
        t->clean_spaces = !(f & PF_NO_CLEAN);
        t->ignore_merges = f & PF_IGNORE_MERGES;
        t->add_bos = f & PF_ADD_BOS;
        t->add_sep = f & PF_ADD_SEP;
        if (f & PF_NO_BOS) t->bos = EW_TOKEN_NULL;
    }
    bool b;
    if (!ew_gguf_get_bool(g, "tokenizer.ggml.add_space_prefix", &b)) t->add_space_prefix = b;
    return EW_OK;
}

/* ---- vocab ----------------------------------------------------------------------- */

static int get_arr(const ew_gguf *g, const char *key, ew_gguf_type want, uint64_t min_n,
                   const void **data, bool required, ew_error *err)
{
    ew_gguf_type et;
    uint64_t n;
    int st = ew_gguf_get_arr(g, key, &et, &n, data);
    if (st == EW_ERR_NOT_FOUND && !required) {
        *data = NULL;
        return EW_OK;
    }
    if (st) return fail(err, EW_ERR_PARSE, "%s is missing or not an array", key);
    if (et != want)
        return fail(err, EW_ERR_PARSE, "%s has element type %d, expected %d", key, (int)et,
                    (int)want);
    if (n < min_n)
        return fail(err, EW_ERR_PARSE, "%s has %llu entries, fewer than the %llu tokens", key,
                    (unsigned long long)n, (unsigned long long)min_n);
    return EW_OK;
}

static float load_f32(const uint8_t *p)
{
    uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static int32_t load_i32(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                     (uint32_t)p[3] << 24);
}

static uint16_t attr_of_type(int32_t type)
{
    switch (type) {
    case 1:
        return TA_NORMAL;
    case 2:
        return TA_UNKNOWN;
    case 3:
        return TA_CONTROL;
    case 4:
        return TA_USER_DEFINED;
    case 5:
        return TA_UNUSED;
    case 6:
        return TA_BYTE;
    default:
        return 0; /* undefined */
    }
}

static int table_init(tok_table *tab, uint32_t n)
{
    uint32_t cap = 16;
    while (cap < 2 * n)
        cap <<= 1;
    tab->slots = calloc(cap, sizeof *tab->slots);
    tab->mask = cap - 1;
    return tab->slots ? EW_OK : EW_ERR_NOMEM;
}

/* Text -> id; a string that two ids spell maps to the last, as in llama.cpp. */
static int index_tokens(ew_tokenizer *t, ew_error *err)
{
    if (table_init(&t->by_text, (uint32_t)t->n_vocab))
        return fail(err, EW_ERR_NOMEM, "no memory for the vocab index");
    for (int32_t i = 0; i < t->n_vocab; i++) {
        const char *s = t->pool + t->off[i];
        uint32_t h = ew__tok_hash(s, t->len[i], 2166136261u) & t->by_text.mask;
        for (;; h = (h + 1) & t->by_text.mask) {
            uint32_t v = t->by_text.slots[h];
            if (!v ||
                (t->len[v - 1] == t->len[i] && !memcmp(t->pool + t->off[v - 1], s, t->len[i])))
                break;
        }
        t->by_text.slots[h] = (uint32_t)i + 1;
    }
    return EW_OK;
}

/* Copies the token strings (an empty one becomes "[EMPTY_<id>]", as in
 * llama.cpp), scores and types, and indexes the strings. */
static int load_tokens(const ew_gguf *g, ew_tokenizer *t, const uint8_t **scores,
                       const uint8_t **types, bool *int_scores, ew_error *err)
{
    const char *key = "tokenizer.ggml.tokens";
    ew_gguf_type et;
    uint64_t n;
    const void *unused;
    int st = get_arr(g, key, EW_GGUF_STRING, 1, &unused, true, err);
    if (st) return st;
    ew_gguf_get_arr(g, key, &et, &n, NULL);
    int k = ew_gguf_find(g, key);
    if (n > MAX_VOCAB)
        return fail(err, EW_ERR_TOO_LARGE, "%llu tokens, limit %d", (unsigned long long)n,
                    MAX_VOCAB);
    t->n_vocab = (int32_t)n;
    size_t total = 0;
    for (uint64_t i = 0; i < n; i++) {
        const char *s;
        size_t len;
        ew_gguf_arr_str_at(g, k, i, &s, &len);
        total += len ? len : 24;
    }
    if (total > UINT32_MAX)
        return fail(err, EW_ERR_TOO_LARGE, "token strings total %zu bytes", total);
    t->pool = malloc(total + 1);
    t->off = malloc(n * sizeof *t->off);
    t->len = malloc(n * sizeof *t->len);
    t->score = calloc(n, sizeof *t->score);
    t->attr = malloc(n * sizeof *t->attr);
    t->eog = calloc(n, 1);
    if (!t->pool || !t->off || !t->len || !t->score || !t->attr || !t->eog)
        return fail(err, EW_ERR_NOMEM, "no memory for %llu tokens", (unsigned long long)n);

    const void *sc = NULL, *ty = NULL;
    ew_gguf_type sct = EW_GGUF_FLOAT32;
    if (!ew_gguf_get_arr(g, "tokenizer.ggml.scores", &sct, NULL, NULL))
        st = get_arr(g, "tokenizer.ggml.scores", sct == EW_GGUF_INT32 ? sct : EW_GGUF_FLOAT32, n,
                     &sc, false, err);
    if (!st) st = get_arr(g, "tokenizer.ggml.token_type", EW_GGUF_INT32, n, &ty, false, err);
    if (st) return st;
    *scores = sc;
    *types = ty;
    *int_scores = sct == EW_GGUF_INT32;

    size_t at = 0;
    for (uint64_t i = 0; i < n; i++) {
        const char *s;
        size_t len;
        ew_gguf_arr_str_at(g, k, i, &s, &len);
        t->off[i] = (uint32_t)at;
        if (len) {
            memcpy(t->pool + at, s, len);
        } else {
            len = (size_t)snprintf(t->pool + at, 25, "[EMPTY_%llu]", (unsigned long long)i);
        }
        t->len[i] = (uint32_t)len;
        at += len;
        if ((int)len > t->max_token_len) t->max_token_len = (int)len;
        const uint8_t *p = *scores ? *scores + 4 * i : NULL;
        t->score[i] = !p ? 0.0f : *int_scores ? (float)load_i32(p) : load_f32(p);
        t->attr[i] = *types ? attr_of_type(load_i32(*types + 4 * i)) : TA_NORMAL;
    }
    return index_tokens(t, err);
}

/* Merges "left right": left ends at the first space after its first byte.
 * A repeated merge keeps its first (lowest) rank. */
static int load_merges(const ew_gguf *g, ew_tokenizer *t, ew_error *err)
{
    const char *key = "tokenizer.ggml.merges";
    const void *unused;
    int st = get_arr(g, key, EW_GGUF_STRING, 0, &unused, true, err);
    if (st) return st;
    ew_gguf_type et;
    uint64_t n;
    ew_gguf_get_arr(g, key, &et, &n, NULL);
    int k = ew_gguf_find(g, key);
    if (n > MAX_MERGES)
        return fail(err, EW_ERR_TOO_LARGE, "%llu merges, limit %d", (unsigned long long)n,
                    MAX_MERGES);
    size_t total = 0;
    for (uint64_t i = 0; i < n; i++) {
        const char *s;
        size_t len;
        ew_gguf_arr_str_at(g, k, i, &s, &len);
        total += len;
    }
    if (total > UINT32_MAX)
        return fail(err, EW_ERR_TOO_LARGE, "merge strings total %zu bytes", total);
    t->n_merges = (int32_t)n;
    t->merge_pool = malloc(total + 1);
    t->merge_off = malloc((n ? n : 1) * sizeof *t->merge_off);
    t->merge_len = malloc((n ? n : 1) * sizeof *t->merge_len);
    t->merge_split = malloc((n ? n : 1) * sizeof *t->merge_split);
    if (!t->merge_pool || !t->merge_off || !t->merge_len || !t->merge_split ||
        table_init(&t->by_merge, (uint32_t)n))
        return fail(err, EW_ERR_NOMEM, "no memory for %llu merges", (unsigned long long)n);
    size_t at = 0;
    for (uint64_t i = 0; i < n; i++) {
        const char *s;
        size_t len;
        ew_gguf_arr_str_at(g, k, i, &s, &len);
        memcpy(t->merge_pool + at, s, len);
        t->merge_off[i] = (uint32_t)at;
        t->merge_len[i] = (uint32_t)len;
        const char *sp = len > 1 ? memchr(s + 1, ' ', len - 1) : NULL;
        /* Without a separator the merge can never apply. */
        t->merge_split[i] = sp ? (uint32_t)(sp - s) : UINT32_MAX;
        at += len;
        if (!sp) continue;
        uint32_t h = ew__tok_hash(s, len, 2166136261u) & t->by_merge.mask;
        bool dup = false;
        for (uint32_t v; (v = t->by_merge.slots[h]); h = (h + 1) & t->by_merge.mask) {
            if (t->merge_len[v - 1] == len &&
                !memcmp(t->merge_pool + t->merge_off[v - 1], s, len)) {
                dup = true;
                break;
            }
        }
        if (!dup) t->by_merge.slots[h] = (uint32_t)i + 1;
    }
    return EW_OK;
}

/* ---- special tokens -------------------------------------------------------------- */

static void load_special_ids(const ew_gguf *g, ew_tokenizer *t)
{
    struct {
        const char *key;
        ew_token *id;
    } keys[] = {
        {"tokenizer.ggml.bos_token_id", &t->bos},
        {"tokenizer.ggml.eos_token_id", &t->eos},
        {"tokenizer.ggml.eot_token_id", &t->eot},
        {"tokenizer.ggml.eom_token_id", &t->eom},
        {"tokenizer.ggml.unknown_token_id", &t->unk},
        {"tokenizer.ggml.seperator_token_id", &t->sep},
        {"tokenizer.ggml.padding_token_id", &t->pad},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        ew_token *id = keys[i].id;
        if (*id >= t->n_vocab) /* a default the vocab is too small for */
            *id = EW_TOKEN_NULL;
        uint32_t v;
        if (!ew_gguf_get_u32(g, keys[i].key, &v) && v < (uint32_t)t->n_vocab) *id = (ew_token)v;
    }
    bool b;
    if (!ew_gguf_get_bool(g, "tokenizer.ggml.add_bos_token", &b)) t->add_bos = b;
    if (!ew_gguf_get_bool(g, "tokenizer.ggml.add_eos_token", &b)) t->add_eos = b;
    if (!ew_gguf_get_bool(g, "tokenizer.ggml.add_sep_token", &b)) t->add_sep = b;
    t->wpm_lowercase = true;
    if (!ew_gguf_get_bool(g, "tokenizer.ggml.normalizer.lowercase", &b)) t->wpm_lowercase = b;
    t->wpm_strip_accents = t->wpm_lowercase;
    if (!ew_gguf_get_bool(g, "tokenizer.ggml.normalizer.strip_accents", &b))
        t->wpm_strip_accents = b;
}

static const char *const eot_texts[] = {"<|eot_id|>",
                                        "<|im_end|>",
                                        "<|end|>",
                                        "<end_of_turn>",
                                        "<|endoftext|>",
                                        "<|end_of_text|>",
                                        "<EOT>",
                                        "_<EOT>",
                                        "[EOT]",
                                        "<\xef\xbd\x9c"
                                        "end\xe2\x96\x81of\xe2\x96\x81sentence\xef\xbd\x9c>",
                                        "<end_of_utterance>",
                                        NULL};
static const char *const eom_texts[] = {"<|eom_id|>", NULL};
static const char *const fim_pre_texts[] = {"<|fim_prefix|>",
                                            "<fim-prefix>",
                                            "<fim_prefix>",
                                            "<\xef\xbd\x9c"
                                            "fim\xe2\x96\x81"
                                            "begin\xef\xbd\x9c>",
                                            "<PRE>",
                                            "\xe2\x96\x81<PRE>",
                                            "<|code_prefix|>",
                                            "<|prefix|>",
                                            NULL};
static const char *const fim_suf_texts[] = {"<|fim_suffix|>",
                                            "<fim-suffix>",
                                            "<fim_suffix>",
                                            "<\xef\xbd\x9c"
                                            "fim\xe2\x96\x81hole\xef\xbd\x9c>",
                                            "<SUF>",
                                            "\xe2\x96\x81<SUF>",
                                            "<|code_suffix|>",
                                            "<|suffix|>",
                                            NULL};
static const char *const fim_mid_texts[] = {"<|fim_middle|>",
                                            "<fim-middle>",
                                            "<fim_middle>",
                                            "<\xef\xbd\x9c"
                                            "fim\xe2\x96\x81"
                                            "end\xef\xbd\x9c>",
                                            "<MID>",
                                            "\xe2\x96\x81<MID>",
                                            "<|code_middle|>",
                                            "<|middle|>",
                                            NULL};
static const char *const fim_pad_texts[] = {"<|fim_pad|>", "<fim-pad>", "<fim_pad>",
                                            "<PAD>",       "[PAD]",     NULL};
static const char *const fim_rep_texts[] = {"<|fim_repo|>", "<|repo_name|>", "<fim-repo>",
                                            "<REPO>",       "<reponame>",    NULL};
static const char *const fim_sep_texts[] = {"<|file_sep|>", NULL};
static const char *const eog_texts[] = {"<|eot_id|>",
                                        "<|im_end|>",
                                        "<|end|>",
                                        "<|return|>",
                                        "<|call|>",
                                        "<|flush|>",
                                        "<|calls|>",
                                        "<end_of_turn>",
                                        "<|endoftext|>",
                                        "</s>",
                                        "<|eom_id|>",
                                        "<EOT>",
                                        "_<EOT>",
                                        "[EOT]",
                                        "[EOS]",
                                        "<|end_of_text|>",
                                        "<end_of_utterance>",
                                        "<eos>",
                                        "<turn|>",
                                        "<|tool_response>",
                                        "<\xef\xbd\x9c"
                                        "end\xe2\x96\x81of\xe2\x96\x81sentence\xef\xbd\x9c>",
                                        "[e~[",
                                        NULL};

static ew_token find_text(const ew_tokenizer *t, const char *s)
{
    return ew__tok_find(t, s, strlen(s));
}

/* The token of the first text in list the vocab has, unless *id is already
 * set. llama.cpp takes whichever its hash map yields first; the list order
 * is the better preference ("<|im_end|>" over "<|endoftext|>"). A token
 * found this way is a control token whatever its type says. */
static ew_token detect(ew_tokenizer *t, ew_token *id, const char *const *list)
{
    if (*id != EW_TOKEN_NULL) return *id;
    for (; *list; list++) {
        int32_t i = ew__tok_find(t, *list, strlen(*list));
        if (i >= 0) {
            t->attr[i] |= TA_CONTROL;
            return *id = i;
        }
    }
    return EW_TOKEN_NULL;
}

/* llama.cpp's end-of-generation set: detected FIM tokens, tokens with a
 * known end-of-turn text, EOS/EOT/EOM; then its two model workarounds. */
static void detect_eog(const ew_gguf *g, ew_tokenizer *t)
{
    ew_token fim[6] = {EW_TOKEN_NULL, EW_TOKEN_NULL, EW_TOKEN_NULL,
                       EW_TOKEN_NULL, EW_TOKEN_NULL, EW_TOKEN_NULL};
    static const char *const fim_keys[6] = {
        "tokenizer.ggml.fim_pre_token_id", "tokenizer.ggml.fim_suf_token_id",
        "tokenizer.ggml.fim_mid_token_id", "tokenizer.ggml.fim_pad_token_id",
        "tokenizer.ggml.fim_rep_token_id", "tokenizer.ggml.fim_sep_token_id"};
    static const char *const old_keys[3] = {"tokenizer.ggml.prefix_token_id",
                                            "tokenizer.ggml.suffix_token_id",
                                            "tokenizer.ggml.middle_token_id"};
    for (int i = 0; i < 6; i++) {
        uint32_t v;
        if (!ew_gguf_get_u32(g, fim_keys[i], &v) && v < (uint32_t)t->n_vocab) fim[i] = (ew_token)v;
        if (i < 3 && !ew_gguf_get_u32(g, old_keys[i], &v) && v < (uint32_t)t->n_vocab)
            fim[i] = (ew_token)v;
    }
    detect(t, &t->eot, eot_texts);
    detect(t, &t->eom, eom_texts);
    const char *const *fim_lists[6] = {fim_pre_texts, fim_suf_texts, fim_mid_texts,
                                       fim_pad_texts, fim_rep_texts, fim_sep_texts};
    for (int i = 0; i < 6; i++)
        detect(t, &fim[i], fim_lists[i]);
    for (int i = 3; i < 6; i++)
        if (fim[i] >= 0) t->eog[fim[i]] = 1;
    /* By lookup, so a text spelled by two ids counts once, by its last id,
     * as in llama.cpp's text-to-id map. */
    for (const char *const *e = eog_texts; *e; e++) {
        ew_token i = find_text(t, *e);
        if (i >= 0) {
            t->eog[i] = 1;
            t->attr[i] |= TA_CONTROL;
        }
    }
    /* gpt-oss: these render as text. */
    static const char *const oss[] = {"<|channel|>", "<|message|>", "<|start|>", "<|constrain|>"};
    for (int i = 0; i < 4; i++) {
        ew_token id = find_text(t, oss[i]);
        if (id >= 0) t->attr[id] = TA_USER_DEFINED;
    }
    ew_token ids[3] = {t->eos, t->eot, t->eom};
    for (int i = 0; i < 3; i++)
        if (ids[i] >= 0) t->eog[ids[i]] = 1;
    /* harmony / solar-open: "<|end|>" ends a message, not the generation. */
    ew_token end = find_text(t, "<|end|>");
    ew_token ret = find_text(t, "<|return|>"), call = find_text(t, "<|call|>");
    ew_token calls = find_text(t, "<|calls|>"), flush = find_text(t, "<|flush|>");
    bool has_call = (call >= 0 && t->eog[call]) || (calls >= 0 && t->eog[calls]);
    if (end >= 0 && t->eog[end] && has_call &&
        ((ret >= 0 && t->eog[ret]) || (flush >= 0 && t->eog[flush]))) {
        t->eog[end] = 0;
        t->attr[end] = TA_USER_DEFINED;
    }
    /* gemma4: "</s>" is text there. */
    ew_token tool = find_text(t, "<|tool_response>"), s_end = find_text(t, "</s>");
    if (tool >= 0 && t->eog[tool] && s_end >= 0 && t->eog[s_end]) {
        t->eog[s_end] = 0;
        t->attr[s_end] = TA_NORMAL;
    }
}

/* Tokens matched in raw text before the model runs: longest first, then by id. */
static int cmp_special(const void *a, const void *b, void *ctx)
{
    const ew_tokenizer *t = ctx;
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    if (t->len[x] != t->len[y]) return t->len[x] > t->len[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int build_specials(const ew_gguf *g, ew_tokenizer *t)
{
    int32_t n = 0;
    for (int32_t i = 0; i < t->n_vocab; i++)
        n += (t->attr[i] & (TA_CONTROL | TA_USER_DEFINED | TA_UNKNOWN)) != 0;
    t->specials = malloc((n ? (size_t)n : 1) * sizeof *t->specials);
    if (!t->specials) return EW_ERR_NOMEM;
    for (int32_t i = 0; i < t->n_vocab; i++)
        if (t->attr[i] & (TA_CONTROL | TA_USER_DEFINED | TA_UNKNOWN))
            t->specials[t->n_specials++] = i;
    qsort_r(t->specials, (size_t)n, sizeof *t->specials, cmp_special, t);

    /* Phi-3 (by general.name, as llama.cpp decides): special tokens swallow
     * the white space after them. */
    const char *name;
    size_t nl;
    if (ew_gguf_get_str(g, "general.name", &name, &nl)) return EW_OK;
    char low[256];
    size_t k = nl < sizeof low - 1 ? nl : sizeof low - 1;
    for (size_t i = 0; i < k; i++)
        low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    low[k] = 0;
    if (!strstr(low, "phi-3") && !strstr(low, "phi3")) return EW_OK;
    for (int32_t i = 0; i < t->n_specials; i++)
        t->attr[t->specials[i]] |= TA_RSTRIP;
    ew_token id = find_text(t, "</s>");
    if (id >= 0) t->attr[id] |= TA_RSTRIP;
    static const char *const keep[] = {"<unk>", "<s>", "<|endoftext|>"};
    for (int i = 0; i < 3; i++)
        if ((id = find_text(t, keep[i])) >= 0) t->attr[id] &= (uint16_t)~TA_RSTRIP;
    return EW_OK;
}

/* ---- pieces ------------------------------------------------------------------------ */

#define MAX_PIECES_BYTES ((size_t)1 << 28)

/* A byte token's value: the two hex digits of "<0xNN>" (strtol semantics on
 * what is there, so a malformed name gives what llama.cpp gives). */
static char byte_of(const char *s, size_t n)
{
    unsigned v = 0;
    for (size_t i = 3; i < 5 && i < n; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) break;
        v = v * 16 + (unsigned)d;
    }
    return (char)v;
}

/* Writes the piece of token i into out (NULL: just measures); returns its size. */
static size_t make_piece(const ew_tokenizer *t, int32_t i, char *out)
{
    const char *s = t->pool + t->off[i];
    size_t n = t->len[i], k = 0;
    uint16_t a = t->attr[i];
    if (a & (TA_UNKNOWN | TA_CONTROL | TA_USER_DEFINED)) {
        if (out) memcpy(out, s, n);
        return n;
    }
    if (a & TA_BYTE) {
        if (out) out[0] = byte_of(s, n);
        return 1;
    }
    if (!(a & TA_NORMAL)) return 0;
    if (t->kind != TOK_BPE) { /* U+2581 reads as a space */
        for (size_t j = 0; j < n; k++) {
            bool sp = n - j >= 3 && !memcmp(s + j, "\xe2\x96\x81", 3);
            if (out) out[k] = sp ? ' ' : s[j];
            j += sp ? 3 : 1;
        }
        return k;
    }
    /* Byte-level BPE: each code point spells one byte. */
    for (size_t j = 0; j < n;) {
        size_t l;
        uint32_t cp = ew__utf8_decode((const unsigned char *)s + j, n - j, &l);
        j += l;
        int b = ew__tok_cp_to_byte(cp);
        if (b >= 0) {
            if (out) out[k] = (char)b;
            k++;
            continue;
        }
        /* What llama.cpp writes for a code point outside the byte map. */
        char u[4], tmp[16];
        int ul = ew_utf8_encode(cp, u);
        size_t m = (size_t)snprintf(tmp, sizeof tmp, "[UNK_BYTE_0x");
        if (out) memcpy(out + k, tmp, m);
        k += m;
        for (int q = 0; q < ul; q++) {
            if (out) snprintf(out + k, 3, "%02x", (unsigned char)u[q]);
            k += 2;
        }
        if (out) {
            memcpy(out + k, s, n);
            out[k + n] = ']';
        }
        k += n + 1;
    }
    return k;
}

static int build_pieces(ew_tokenizer *t, ew_error *err)
{
    size_t total = 0;
    for (int32_t i = 0; i < t->n_vocab; i++) {
        total += make_piece(t, i, NULL);
        if (total > MAX_PIECES_BYTES)
            return fail(err, EW_ERR_TOO_LARGE, "decoded token pieces exceed %zu bytes",
                        MAX_PIECES_BYTES);
    }
    /* snprintf writes a NUL past the two hex digits: one byte of slack. */
    t->piece_pool = malloc(total + 1);
    t->piece_off = malloc((size_t)t->n_vocab * sizeof *t->piece_off);
    t->piece_len = malloc((size_t)t->n_vocab * sizeof *t->piece_len);
    if (!t->piece_pool || !t->piece_off || !t->piece_len)
        return fail(err, EW_ERR_NOMEM, "no memory for token pieces");
    size_t at = 0;
    for (int32_t i = 0; i < t->n_vocab; i++) {
        size_t n = make_piece(t, i, t->piece_pool + at);
        t->piece_off[i] = (uint32_t)at;
        t->piece_len[i] = (uint32_t)n;
        at += n;
    }
    return EW_OK;
}

/* ---- fingerprint --------------------------------------------------------------------- */

static void h_u32(mbedtls_sha256_context *c, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    mbedtls_sha256_update_ret(c, b, 4);
}

static void h_str(mbedtls_sha256_context *c, const char *s, size_t n)
{
    h_u32(c, (uint32_t)n);
    mbedtls_sha256_update_ret(c, (const unsigned char *)s, n);
}

/* See ew_tokenizer_fingerprint for the layout: the vocab as stored in the
 * file, and the settings as resolved (so two files that spell the same
 * behaviour differently, e.g. an absent key and its default, agree). */
static void fingerprint(const ew_gguf *g, ew_tokenizer *t, const uint8_t *scores, bool int_scores,
                        const uint8_t *types)
{
    mbedtls_sha256_context c;
    mbedtls_sha256_init(&c);
    mbedtls_sha256_starts_ret(&c, 0);
    h_str(&c, "edgeway-tokenizer-v1", 20);
    h_str(&c, t->model, strlen(t->model));
    h_u32(&c, t->kind == TOK_BPE ? (uint32_t)t->pre + 1 : 0);
    h_u32(&c, (uint32_t)t->n_vocab);
    int k = ew_gguf_find(g, "tokenizer.ggml.tokens");
    for (int32_t i = 0; i < t->n_vocab; i++) {
        const char *s;
        size_t n;
        ew_gguf_arr_str_at(g, k, (uint64_t)i, &s, &n);
        h_str(&c, s, n);
        h_u32(&c, types ? (uint32_t)load_i32(types + 4 * i) : 1u);
        float f = !scores      ? 0.0f
                  : int_scores ? (float)load_i32(scores + 4 * i)
                               : load_f32(scores + 4 * i);
        uint32_t bits;
        memcpy(&bits, &f, 4);
        h_u32(&c, bits);
    }
    h_u32(&c, (uint32_t)t->n_merges);
    for (int32_t i = 0; i < t->n_merges; i++)
        h_str(&c, t->merge_pool + t->merge_off[i], t->merge_len[i]);
    ew_token ids[7] = {t->bos, t->eos, t->eot, t->eom, t->unk, t->sep, t->pad};
    for (int i = 0; i < 7; i++)
        h_u32(&c, (uint32_t)ids[i]);
    uint8_t flags[7] = {t->add_bos,      t->add_eos,       t->add_space_prefix, t->ignore_merges,
                        t->clean_spaces, t->wpm_lowercase, t->wpm_strip_accents};
    mbedtls_sha256_update_ret(&c, flags, 7);
    uint8_t d[32];
    mbedtls_sha256_finish_ret(&c, d);
    mbedtls_sha256_free(&c);
    for (int i = 0; i < 32; i++)
        snprintf(t->fingerprint + 2 * i, 3, "%02x", d[i]);
}

/* ---- construction -------------------------------------------------------------------- */

int ew__tokenizer_from_gguf(const ew_gguf *g, ew_tokenizer **out, ew_error *err)
{
    *out = NULL;
    ew_tokenizer *t = calloc(1, sizeof *t);
    if (!t) return fail(err, EW_ERR_NOMEM, "no memory");
    const uint8_t *scores = NULL, *types = NULL;
    bool int_scores = false;
    int st = load_kind(g, t, err);
    if (!st) st = load_tokens(g, t, &scores, &types, &int_scores, err);
    if (!st && t->kind == TOK_BPE) st = load_merges(g, t, err);
    if (!st) {
        load_special_ids(g, t);
        detect_eog(g, t);
        if ((st = build_specials(g, t))) fail(err, st, "no memory for special tokens");
    }
    if (!st) st = build_pieces(t, err);
    if (st) {
        ew_tokenizer_free(t);
        return st;
    }
    fingerprint(g, t, scores, int_scores, types);
    const char *tmpl;
    size_t tn;
    t->chat_format = EW_CHAT_UNKNOWN;
    if (!ew_gguf_get_str(g, "tokenizer.chat_template", &tmpl, &tn))
        t->chat_format = ew_chat_detect(tmpl, tn);
    *out = t;
    return EW_OK;
}

int ew_tokenizer_open(const char *gguf_path, ew_tokenizer **out, ew_error *err)
{
    *out = NULL;
    ew_gguf *g;
    int st = ew_gguf_open(gguf_path, NULL, &g, err);
    if (st) return st;
    st = ew__tokenizer_from_gguf(g, out, err);
    ew_gguf_close(g);
    return st;
}

void ew_tokenizer_free(ew_tokenizer *t)
{
    if (!t) return;
    free(t->pool);
    free(t->off);
    free(t->len);
    free(t->score);
    free(t->attr);
    free(t->eog);
    free(t->by_text.slots);
    free(t->merge_pool);
    free(t->merge_off);
    free(t->merge_len);
    free(t->merge_split);
    free(t->by_merge.slots);
    free(t->piece_pool);
    free(t->piece_off);
    free(t->piece_len);
    free(t->specials);
    free(t);
}
