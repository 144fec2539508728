/* Chat templates: family detection by signature substrings and one fixed
 * formatter per family. The formats follow the models' published Jinja
 * templates in the common cases (and llama.cpp's built-in renderings of
 * them); anything the families do not define, such as tool messages in a
 * Llama-2 prompt, is mapped to the nearest role they do define. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "edgeway/chat.h"

static const struct {
    const char *name;
    ew_chat_format f;
} names[] = {
    {"chatml", EW_CHAT_CHATML},
    {"llama2", EW_CHAT_LLAMA2},
    {"llama2-sys", EW_CHAT_LLAMA2_SYS},
    {"llama2-sys-bos", EW_CHAT_LLAMA2_SYS_BOS},
    {"llama2-sys-strip", EW_CHAT_LLAMA2_SYS_STRIP},
    {"mistral-v1", EW_CHAT_MISTRAL_V1},
    {"mistral-v3", EW_CHAT_MISTRAL_V3},
    {"mistral-v3-tekken", EW_CHAT_MISTRAL_V3_TEKKEN},
    {"mistral-v7", EW_CHAT_MISTRAL_V7},
    {"llama3", EW_CHAT_LLAMA3},
    {"zephyr", EW_CHAT_ZEPHYR},
    {"phi3", EW_CHAT_PHI3},
    {"phi4", EW_CHAT_PHI4},
    {"gemma", EW_CHAT_GEMMA},
};

const char *ew_chat_format_name(ew_chat_format f)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].f == f) return names[i].name;
    return "unknown";
}

typedef struct tmpl_text {
    const char *s;
    size_t n;
} tmpl_text;

static bool has(tmpl_text t, const char *needle)
{
    return memmem(t.s, t.n, needle, strlen(needle)) != NULL;
}

static ew_chat_format detect_llama2_family(tmpl_text t)
{
    if (has(t, "[SYSTEM_PROMPT]")) return EW_CHAT_MISTRAL_V7;
    /* Mistral's official v1/v3 templates. */
    if (has(t, "' [INST] ' + system_message") || has(t, "[AVAILABLE_TOOLS]")) {
        if (has(t, " [INST]")) return EW_CHAT_MISTRAL_V1;
        if (has(t, "\"[INST]\"")) return EW_CHAT_MISTRAL_V3_TEKKEN;
        return EW_CHAT_MISTRAL_V3;
    }
    if (has(t, "content.strip()")) return EW_CHAT_LLAMA2_SYS_STRIP;
    if (has(t, "bos_token + '[INST]")) return EW_CHAT_LLAMA2_SYS_BOS;
    if (has(t, "<<SYS>>")) return EW_CHAT_LLAMA2_SYS;
    return EW_CHAT_LLAMA2;
}

/* Order matters: earlier signatures are more specific. */
ew_chat_format ew_chat_detect(const char *tmpl, size_t len)
{
    if (!tmpl || !len) return EW_CHAT_UNKNOWN;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (len == strlen(names[i].name) && !memcmp(tmpl, names[i].name, len)) return names[i].f;
    tmpl_text t = {tmpl, len};
    if (has(t, "<|im_start|>")) {
        if (has(t, "<|im_sep|>")) return EW_CHAT_PHI4;
        /* SmolVLM uses <|im_start|> as its BOS and is not ChatML. */
        return has(t, "<end_of_utterance>") ? EW_CHAT_UNKNOWN : EW_CHAT_CHATML;
    }
    if ((len >= 7 && !memcmp(tmpl, "mistral", 7)) || has(t, "[INST]"))
        return detect_llama2_family(t);
    if (has(t, "<|assistant|>") && has(t, "<|end|>")) return EW_CHAT_PHI3;
    if (has(t, "<|user|>") && has(t, "<|assistant|>") &&
        (has(t, "eos_token") || has(t, "<|endoftext|>") || has(t, "</s>")))
        return EW_CHAT_ZEPHYR;
    if (has(t, "<start_of_turn>")) return EW_CHAT_GEMMA;
    if (has(t, "<|start_header_id|>") && has(t, "<|end_header_id|>")) return EW_CHAT_LLAMA3;
    return EW_CHAT_UNKNOWN;
}

ew_chat_format ew_chat_format_for_template(const char *tmpl, size_t len)
{
    ew_chat_format f = ew_chat_detect(tmpl, len);
    return f == EW_CHAT_UNKNOWN ? EW_CHAT_DEFAULT : f;
}

/* ---- rendering -------------------------------------------------------------------- */

typedef enum role_kind { R_SYSTEM, R_USER, R_ASSISTANT, R_TOOL } role_kind;

static role_kind role_of(const ew_message *m)
{
    switch (m->role) {
    case EW_ROLE_SYSTEM:
    case EW_ROLE_DEVELOPER:
        return R_SYSTEM;
    case EW_ROLE_ASSISTANT:
        return R_ASSISTANT;
    case EW_ROLE_TOOL:
        return R_TOOL;
    default:
        return R_USER;
    }
}

/* Role names for families that spell them out. */
static const char *role_name(role_kind r)
{
    static const char *const n[] = {"system", "user", "assistant", "tool"};
    return n[r];
}

typedef struct text {
    const char *s;
    size_t n;
} text;

static text content_of(const ew_message *m)
{
    return (text){m->content ? m->content : "", m->content ? m->content_len : 0};
}

static bool c_isspace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static text trim(text t)
{
    while (t.n && c_isspace(t.s[0]))
        t.s++, t.n--;
    while (t.n && c_isspace(t.s[t.n - 1]))
        t.n--;
    return t;
}

/* Output with a sticky error, so formatters need not check each append. */
typedef struct rbuf {
    ew_buf b;
    int st;
} rbuf;

static void put_text(rbuf *r, text t)
{
    if (!r->st && t.n) r->st = ew_buf_append(&r->b, t.s, t.n);
}

static void put(rbuf *r, const char *s)
{
    put_text(r, (text){s, strlen(s)});
}

/* <|im_start|>role\n...<|im_end|>\n, and Phi-4's <|im_sep|> variant. */
static void render_chatml(rbuf *b, const ew_message *m, int n, bool gen, bool phi4)
{
    const char *sep = phi4 ? "<|im_sep|>" : "\n", *end = phi4 ? "<|im_end|>" : "<|im_end|>\n";
    for (int i = 0; i < n; i++) {
        put(b, "<|im_start|>");
        put(b, role_name(role_of(&m[i])));
        put(b, sep);
        put_text(b, content_of(&m[i]));
        put(b, end);
    }
    if (gen) {
        put(b, "<|im_start|>assistant");
        put(b, sep);
    }
}

static void render_llama2(rbuf *b, ew_chat_format f, const ew_message *m, int n)
{
    bool sys = f != EW_CHAT_LLAMA2, bos_inside = f == EW_CHAT_LLAMA2_SYS_BOS;
    bool strip = f == EW_CHAT_LLAMA2_SYS_STRIP, inside = true;
    put(b, "[INST] "); /* the tokenizer adds the first <s> */
    for (int i = 0; i < n; i++) {
        text c = strip ? trim(content_of(&m[i])) : content_of(&m[i]);
        role_kind r = role_of(&m[i]);
        if (!inside) {
            inside = true;
            put(b, bos_inside ? "<s>[INST] " : "[INST] ");
        }
        if (r == R_SYSTEM) {
            put(b, sys ? "<<SYS>>\n" : "");
            put_text(b, c);
            put(b, sys ? "\n<</SYS>>\n\n" : "\n");
        } else if (r == R_ASSISTANT) {
            put_text(b, c);
            put(b, "</s>");
            inside = false;
        } else {
            put_text(b, c);
            put(b, " [/INST]");
        }
    }
}

static void render_mistral(rbuf *b, ew_chat_format f, const ew_message *m, int n)
{
    const char *lead = f == EW_CHAT_MISTRAL_V1 ? " " : "";
    const char *trail = f == EW_CHAT_MISTRAL_V3_TEKKEN ? "" : " ";
    bool inside = false;
    for (int i = 0; i < n; i++) {
        role_kind r = role_of(&m[i]);
        text c = content_of(&m[i]);
        if (!inside) {
            put(b, lead);
            put(b, "[INST]");
            put(b, trail);
            inside = true;
        }
        if (r == R_SYSTEM) {
            put_text(b, c);
            put(b, "\n\n");
        } else if (r == R_ASSISTANT) {
            put(b, trail);
            put_text(b, f == EW_CHAT_MISTRAL_V3 ? trim(c) : c);
            put(b, "</s>");
            inside = false;
        } else {
            put_text(b, c);
            put(b, lead);
            put(b, "[/INST]");
        }
    }
}

static void render_mistral_v7(rbuf *b, const ew_message *m, int n)
{
    for (int i = 0; i < n; i++) {
        role_kind r = role_of(&m[i]);
        put(b, r == R_SYSTEM ? "[SYSTEM_PROMPT] " : r == R_ASSISTANT ? " " : "[INST] ");
        put_text(b, content_of(&m[i]));
        put(b, r == R_SYSTEM ? "[/SYSTEM_PROMPT]" : r == R_ASSISTANT ? "</s>" : "[/INST]");
    }
}

static void render_llama3(rbuf *b, const ew_message *m, int n, bool gen)
{
    for (int i = 0; i < n; i++) {
        put(b, "<|start_header_id|>");
        put(b, role_name(role_of(&m[i])));
        put(b, "<|end_header_id|>\n\n");
        put_text(b, trim(content_of(&m[i])));
        put(b, "<|eot_id|>");
    }
    if (gen) put(b, "<|start_header_id|>assistant<|end_header_id|>\n\n");
}

/* Zephyr (turns end with EOS) and Phi-3 (turns end with <|end|>). */
static void render_tagged(rbuf *b, const ew_message *m, int n, bool gen, const char *end)
{
    for (int i = 0; i < n; i++) {
        put(b, "<|");
        put(b, role_name(role_of(&m[i])));
        put(b, "|>\n");
        put_text(b, content_of(&m[i]));
        put(b, end);
        put(b, "\n");
    }
    if (gen) put(b, "<|assistant|>\n");
}

/* Gemma has no system turn: system text opens the next user turn. */
static void render_gemma(rbuf *b, const ew_message *m, int n, bool gen)
{
    rbuf sys = {.st = EW_OK};
    ew_buf_init(&sys.b, b->b.max);
    for (int i = 0; i < n; i++) {
        role_kind r = role_of(&m[i]);
        if (r == R_SYSTEM) {
            put_text(&sys, trim(content_of(&m[i])));
            continue;
        }
        put(b, r == R_ASSISTANT ? "<start_of_turn>model\n" : "<start_of_turn>user\n");
        if (sys.b.len && r != R_ASSISTANT) {
            put_text(b, (text){sys.b.data, sys.b.len});
            put(b, "\n\n");
            ew_buf_reset(&sys.b);
        }
        put_text(b, trim(content_of(&m[i])));
        put(b, "<end_of_turn>\n");
    }
    if (sys.st && !b->st) b->st = sys.st;
    ew_buf_cleanup(&sys.b);
    if (gen) put(b, "<start_of_turn>model\n");
}

int ew_chat_render(ew_chat_format f, const ew_message *messages, int n, bool add_generation_prompt,
                   const char *eos, char *out, size_t cap, size_t *len, ew_error *err)
{
    *len = 0;
    if (f == EW_CHAT_UNKNOWN || n < 0 || (n && !messages))
        return ew__error_set(err, EW_ERR_INVALID, "chat template: %s",
                             f == EW_CHAT_UNKNOWN ? "unknown format" : "bad message list");
    /* Every format adds at most a fixed overhead per message. */
    size_t eos_n = eos ? strlen(eos) : 0, bound = 512 + eos_n;
    for (int i = 0; i < n; i++)
        bound += content_of(&messages[i]).n + 128 + eos_n;
    rbuf b = {.st = EW_OK};
    ew_buf_init(&b.b, bound);
    bool gen = add_generation_prompt;
    switch (f) {
    case EW_CHAT_CHATML:
        render_chatml(&b, messages, n, gen, false);
        break;
    case EW_CHAT_PHI4:
        render_chatml(&b, messages, n, gen, true);
        break;
    case EW_CHAT_LLAMA2:
    case EW_CHAT_LLAMA2_SYS:
    case EW_CHAT_LLAMA2_SYS_BOS:
    case EW_CHAT_LLAMA2_SYS_STRIP:
        render_llama2(&b, f, messages, n);
        break;
    case EW_CHAT_MISTRAL_V1:
    case EW_CHAT_MISTRAL_V3:
    case EW_CHAT_MISTRAL_V3_TEKKEN:
        render_mistral(&b, f, messages, n);
        break;
    case EW_CHAT_MISTRAL_V7:
        render_mistral_v7(&b, messages, n);
        break;
    case EW_CHAT_LLAMA3:
        render_llama3(&b, messages, n, gen);
        break;
    case EW_CHAT_ZEPHYR:
        render_tagged(&b, messages, n, gen, eos ? eos : "</s>");
        break;
    case EW_CHAT_PHI3:
        render_tagged(&b, messages, n, gen, "<|end|>");
        break;
    case EW_CHAT_GEMMA:
        render_gemma(&b, messages, n, gen);
        break;
    case EW_CHAT_UNKNOWN:
        break;
    }
    int st = b.st;
    if (st) {
        ew__error_set(err, st, "chat template: rendering failed (%s)", ew_strerror(st));
    } else if ((*len = b.b.len) + 1 > cap) {
        st = ew__error_set(err, EW_ERR_TOO_LARGE, "chat template: %zu bytes, room for %zu", b.b.len,
                           cap ? cap - 1 : 0);
    } else {
        if (b.b.len) memcpy(out, b.b.data, b.b.len);
        out[b.b.len] = 0;
    }
    ew_buf_cleanup(&b.b);
    return st;
}
