/* edgeway public API: chat templates.
 *
 * A GGUF model carries its chat template as Jinja source in
 * tokenizer.chat_template. edgeway does not run Jinja: it recognises the
 * common template families by signature substrings and renders messages
 * with a fixed formatter per family, producing what llama.cpp's built-in
 * (non-Jinja) templates produce. Two differences: Zephyr-style turns end
 * with the model's EOS text (so TinyLlama gets its "</s>"), and a template
 * with <|user|>, <|assistant|> and an EOS is taken as Zephyr.
 * A model without a template, or with one we do not recognise, uses
 * EW_CHAT_DEFAULT (ChatML); see the README.
 *
 * The rendered prompt is meant to be tokenized with add_special (the model
 * adds BOS itself when it wants one) and parse_special (so "<|im_start|>"
 * becomes its control token).
 */
#ifndef EDGEWAY_CHAT_H
#define EDGEWAY_CHAT_H

#include <stdbool.h>
#include <stddef.h>

#include "edgeway/core.h"
#include "edgeway/request.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ew_chat_format {
    EW_CHAT_UNKNOWN = 0,
    EW_CHAT_CHATML,           /* Qwen, SmolLM, Hermes, ...: <|im_start|>role\n...<|im_end|> */
    EW_CHAT_LLAMA2,           /* [INST] ... [/INST], no system block */
    EW_CHAT_LLAMA2_SYS,       /* with <<SYS>> ... <</SYS>> */
    EW_CHAT_LLAMA2_SYS_BOS,   /* and <s> before each later [INST] */
    EW_CHAT_LLAMA2_SYS_STRIP, /* and messages trimmed */
    EW_CHAT_MISTRAL_V1,       /* " [INST] ... [/INST]" */
    EW_CHAT_MISTRAL_V3,       /* "[INST] ...[/INST] answer</s>" */
    EW_CHAT_MISTRAL_V3_TEKKEN,
    EW_CHAT_MISTRAL_V7, /* [SYSTEM_PROMPT] ... [/SYSTEM_PROMPT][INST] ... [/INST] */
    EW_CHAT_LLAMA3,     /* <|start_header_id|>role<|end_header_id|>\n\n...<|eot_id|> */
    EW_CHAT_ZEPHYR,     /* Zephyr, TinyLlama, StableLM: <|role|>\n...EOS\n */
    EW_CHAT_PHI3,       /* <|role|>\n...<|end|>\n */
    EW_CHAT_PHI4,       /* <|im_start|>role<|im_sep|>...<|im_end|> */
    EW_CHAT_GEMMA,      /* <start_of_turn>user\n...<end_of_turn>\n, system merged into user */
} ew_chat_format;

#define EW_CHAT_DEFAULT EW_CHAT_CHATML

/* The family of a template (Jinja source, or a format name such as
 * "chatml" or "llama3"). EW_CHAT_UNKNOWN when tmpl is empty or unrecognised. */
ew_chat_format ew_chat_detect(const char *tmpl, size_t len);

/* The format to render with for a model: ew_chat_detect, or EW_CHAT_DEFAULT
 * when that finds nothing. */
ew_chat_format ew_chat_format_for_template(const char *tmpl, size_t len);

/* Short name ("chatml", "llama3", ...); "unknown" for EW_CHAT_UNKNOWN. */
const char *ew_chat_format_name(ew_chat_format f);

/* Renders messages[0..n) into out[0..cap) (NUL-terminated when there is
 * room). add_generation_prompt appends the opening of the assistant's turn.
 * eos is the text of the model's EOS token, which Zephyr-style turns end
 * with (NULL: "</s>"). Roles: developer renders as system; tool as "tool"
 * where the family names roles, else as user. On success *len is the length;
 * EW_ERR_TOO_LARGE with *len = bytes needed (without the NUL) when cap is
 * too small; EW_ERR_INVALID for EW_CHAT_UNKNOWN or a bad argument. */
int ew_chat_render(ew_chat_format f, const ew_message *messages, int n, bool add_generation_prompt,
                   const char *eos, char *out, size_t cap, size_t *len, ew_error *err);

#ifdef __cplusplus
}
#endif
#endif
