/* edgeway public API: the tokenizer of a GGUF model.
 *
 * Driven entirely by the file's tokenizer.ggml.* metadata and built to give
 * the same ids as llama.cpp: SentencePiece-style vocabs ("llama"), byte-level
 * BPE ("gpt2") with the pre-tokenizer named by tokenizer.ggml.pre, and
 * WordPiece ("bert"). A tokenizer is immutable once opened, so one handle can
 * be used from several threads at once. Chat templates are in
 * edgeway/chat.h, included here.
 */
#ifndef EDGEWAY_TOKENIZER_H
#define EDGEWAY_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/chat.h"
#include "edgeway/core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t ew_token;
#define EW_TOKEN_NULL ((ew_token)-1)

typedef struct ew_tokenizer ew_tokenizer;

/* Reads the tokenizer of a GGUF file (metadata only; the file is closed
 * before this returns). Errors: those of the GGUF reader, EW_ERR_UNSUPPORTED
 * for an unknown tokenizer model or pre-tokenizer (named in err), EW_ERR_PARSE
 * for inconsistent tokenizer metadata. */
int ew_tokenizer_open(const char *gguf_path, ew_tokenizer **out, ew_error *err);
void ew_tokenizer_free(ew_tokenizer *tok);

/* Longest input ew_tokenizer_encode accepts (EW_ERR_TOO_LARGE beyond): far
 * more than any context holds. Working memory is linear in the input, at
 * most about 100 bytes per input byte. */
#define EW_TOKENIZER_MAX_TEXT ((size_t)4 << 20)

/* An id count that is always enough for a text of text_len bytes. */
size_t ew_tokenizer_max_ids(size_t text_len);

/* Tokenizes text[0..len) into ids[0..cap).
 * add_special: add BOS/EOS as the model's metadata asks (llama.cpp's rules
 * and defaults). parse_special: text that spells a control token ("<s>",
 * "<|im_end|>") becomes that token; otherwise it is tokenized as plain text
 * (user-defined tokens are always matched, as in llama.cpp).
 * On success *n_ids is the count. When cap is too small the result is
 * EW_ERR_TOO_LARGE and *n_ids holds the count needed (ids may be NULL with
 * cap 0 to ask). Invalid UTF-8 is accepted and tokenized as llama.cpp does. */
int ew_tokenizer_encode(const ew_tokenizer *tok, const char *text, size_t len, bool add_special,
                        bool parse_special, ew_token *ids, size_t cap, size_t *n_ids,
                        ew_error *err);

/* The bytes a token stands for (borrowed from the tokenizer, not
 * NUL-terminated; may be empty). With special false, control and unknown
 * tokens are empty, as when streaming generated text. EW_ERR_INVALID for an
 * id out of range. */
int ew_tokenizer_token_to_piece(const ew_tokenizer *tok, ew_token id, bool special,
                                const char **piece, size_t *len);

/* Detokenizes ids into out[0..cap) (NUL-terminated when there is room),
 * following llama.cpp's llama_detokenize: remove_special drops a leading BOS
 * and trailing EOS the model adds, unparse_special renders control tokens,
 * and the first piece loses the leading space SentencePiece adds. *len gets
 * the byte count; EW_ERR_TOO_LARGE (with *len = bytes needed) when cap is
 * too small. */
int ew_tokenizer_detokenize(const ew_tokenizer *tok, const ew_token *ids, size_t n,
                            bool remove_special, bool unparse_special, char *out, size_t cap,
                            size_t *len);

typedef struct ew_tokenizer_info {
    const char *model; /* tokenizer.ggml.model: "llama", "gpt2", "bert" */
    const char *pre;   /* pre-tokenizer in effect, e.g. "gpt-2", "llama3", "default" */
    int32_t n_vocab;
    ew_token bos, eos, eot, eom, unk, sep, pad; /* EW_TOKEN_NULL when absent */
    bool add_bos, add_eos;
    /* SHA-256 (lowercase hex) of everything that decides tokenization: see
     * ew_tokenizer_fingerprint for the exact byte layout. */
    char fingerprint[65];
} ew_tokenizer_info;

/* Fills *info; the strings are borrowed from the tokenizer. */
void ew_tokenizer_get_info(const ew_tokenizer *tok, ew_tokenizer_info *info);

/* The fingerprint: lowercase hex SHA-256 of, in order (integers little-endian,
 * strings as u32 length then bytes):
 *   "edgeway-tokenizer-v1", model, u32 pre-tokenizer family (0 unless BPE),
 *   u32 n_vocab, then per token: string, i32 token type, f32 score bits,
 *   u32 n_merges, then each merge string,
 *   i32 bos, eos, eot, eom, unk, sep, pad as resolved,
 *   u8 add_bos, add_eos, add_space_prefix, ignore_merges, clean_spaces,
 *   WordPiece lowercase, WordPiece strip_accents (all as resolved).
 * Two machines whose fingerprints match tokenize and detokenize alike. */
const char *ew_tokenizer_fingerprint(const ew_tokenizer *tok);

int32_t ew_tokenizer_n_vocab(const ew_tokenizer *tok);
/* End of generation: EOS, EOT, EOM and the tokens llama.cpp treats as such
 * ("<|im_end|>", "<|eot_id|>", "<end_of_turn>", ...). */
bool ew_tokenizer_is_eog(const ew_tokenizer *tok, ew_token id);
/* Control tokens (BOS, EOS, chat markers): not text. */
bool ew_tokenizer_is_control(const ew_tokenizer *tok, ew_token id);
/* The raw vocab string of a token (borrowed), or NULL when out of range. */
const char *ew_tokenizer_token_text(const ew_tokenizer *tok, ew_token id, size_t *len);
/* The id of a token whose vocab string is exactly s[0..len), or EW_TOKEN_NULL. */
ew_token ew_tokenizer_find(const ew_tokenizer *tok, const char *s, size_t len);

/* The chat format of the model: the family of its tokenizer.chat_template,
 * or EW_CHAT_DEFAULT (ChatML) when the file has none or an unrecognised one;
 * *detected (may be NULL) tells which. */
ew_chat_format ew_tokenizer_chat_format(const ew_tokenizer *tok, bool *detected);

/* Renders messages with the model's chat format (ew_chat_render, with the
 * model's EOS text), ready for ew_tokenizer_encode(..., add_special = true,
 * parse_special = true, ...). Same buffer contract as ew_chat_render. */
int ew_tokenizer_apply_chat(const ew_tokenizer *tok, const ew_message *messages, int n,
                            bool add_generation_prompt, char *out, size_t cap, size_t *len,
                            ew_error *err);

#ifdef __cplusplus
}
#endif
#endif
