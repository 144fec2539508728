/* Tokenizer internals shared by local/tokenizer*.c. The public API is
 * include/edgeway/tokenizer.h; the engine builds its tokenizer from the GGUF
 * it already has open with ew__tokenizer_from_gguf. */
#ifndef EW_LOCAL_TOKENIZER_H
#define EW_LOCAL_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/tokenizer.h"
#include "local/gguf.h"

/* Copies all it needs out of g: g may be closed afterwards. */
int ew__tokenizer_from_gguf(const ew_gguf *g, ew_tokenizer **out, ew_error *err);

typedef enum tok_kind {
    TOK_SPM, /* "llama" */
    TOK_BPE, /* "gpt2" */
    TOK_WPM, /* "bert" */
} tok_kind;

/* Pre-tokenizers for byte-level BPE, named by tokenizer.ggml.pre. */
typedef enum tok_pre {
    PRE_DEFAULT,
    PRE_GPT2, /* gpt-2, mpt, olmo, phi-2, ... */
    PRE_LLAMA3,
    PRE_QWEN2,
    PRE_DEEPSEEK_LLM,
    PRE_DEEPSEEK_CODER,
    PRE_FALCON,
    PRE_STARCODER, /* starcoder, refact, smollm, command-r, ... */
} tok_pre;

/* Token attributes (llama.cpp's llama_token_attr bits). */
enum {
    TA_UNKNOWN = 1 << 0,
    TA_UNUSED = 1 << 1,
    TA_NORMAL = 1 << 2,
    TA_CONTROL = 1 << 3,
    TA_USER_DEFINED = 1 << 4,
    TA_BYTE = 1 << 5,
    TA_LSTRIP = 1 << 7,
    TA_RSTRIP = 1 << 8,
};

/* string -> index open-addressing table over (pool offset, length) keys. */
typedef struct tok_table {
    uint32_t *slots; /* index + 1; 0 = empty */
    uint32_t mask;
} tok_table;

struct ew_tokenizer {
    tok_kind kind;
    tok_pre pre;
    char model[32];
    char pre_name[64];

    int32_t n_vocab;
    char *pool;          /* token texts, back to back */
    uint32_t *off, *len; /* (n_vocab) */
    float *score;        /* (n_vocab) */
    uint16_t *attr;      /* (n_vocab) TA_* bits */
    tok_table by_text;
    int max_token_len;

    /* BPE merges: "left right" strings; split = length of left. */
    int32_t n_merges;
    char *merge_pool;
    uint32_t *merge_off, *merge_len, *merge_split;
    tok_table by_merge;

    /* Pieces for decoding (special = true form), back to back. */
    char *piece_pool;
    uint32_t *piece_off, *piece_len;

    /* Tokens matched in raw text before the model runs, by priority
     * (longest text first): control/unknown/user-defined. */
    int32_t *specials;
    int32_t n_specials;

    uint8_t *eog; /* (n_vocab) 1 = end of generation */

    ew_token bos, eos, eot, eom, unk, sep, pad;
    bool add_bos, add_eos, add_sep;
    bool add_space_prefix; /* SPM: a space before the text */
    bool clean_spaces;     /* detokenize: " ." -> "." etc. */
    bool ignore_merges;    /* BPE: a word that is a token is not merged */
    bool wpm_lowercase, wpm_strip_accents;

    ew_chat_format chat_format; /* from tokenizer.chat_template, or EW_CHAT_UNKNOWN */

    char fingerprint[65];
};

/* FNV-1a over s[0..n) continuing from h (2166136261 to start). */
uint32_t ew__tok_hash(const char *s, size_t n, uint32_t h);
/* Token id by exact text, or -1. */
int32_t ew__tok_find(const ew_tokenizer *t, const char *s, size_t n);
/* BPE merge rank of (left, right), or -1. */
int32_t ew__tok_merge_rank(const ew_tokenizer *t, const char *l, size_t ln, const char *r,
                           size_t rn);

/* A bounded growable id vector for one encode call. */
typedef struct tok_ids {
    ew_token *v;
    size_t n, cap, max;
} tok_ids;

int ew__tok_ids_push(tok_ids *ids, ew_token id);

/* Per-call scratch, grown as needed and freed at the end of the call. */
typedef struct tok_scratch {
    uint32_t *cps; /* code points of a fragment */
    size_t cps_cap;
    uint32_t *bounds; /* word boundaries (code point indices) */
    size_t bounds_cap;
    uint32_t *bounds2;
    size_t bounds2_cap;
    char *bytes; /* a word in bytes */
    size_t bytes_cap;
    void *sym; /* merge symbols */
    size_t sym_cap;
    void *heap; /* merge candidates */
    size_t heap_cap;
    char *text; /* a fragment prepared for the model */
    size_t text_cap;
} tok_scratch;

void ew__tok_scratch_free(tok_scratch *s);
/* Ensures *p holds at least n elements of size elem; EW_ERR_NOMEM. */
int ew__tok_grow(void **p, size_t *cap, size_t n, size_t elem);

/* The models: each appends the ids of one raw text fragment. */
int ew__tok_spm(const ew_tokenizer *t, const char *text, size_t n, tok_scratch *s, tok_ids *out);
int ew__tok_bpe(const ew_tokenizer *t, const char *text, size_t n, tok_scratch *s, tok_ids *out);
int ew__tok_wpm(const ew_tokenizer *t, const char *text, size_t n, tok_scratch *s, tok_ids *out);

/* Splits cps[0..n) into words with t's pre-tokenizer: on return
 * (*bounds)[0..*n_words] are the word starts plus n. */
int ew__tok_pretokenize(const ew_tokenizer *t, tok_scratch *s, size_t n, uint32_t **bounds,
                        size_t *n_words);

/* The 256 code points byte-level BPE spells bytes with (GPT-2's map). */
uint32_t ew__tok_byte_to_cp(uint8_t b);
/* Inverse; -1 for a code point outside the map. */
int ew__tok_cp_to_byte(uint32_t cp);

#endif
