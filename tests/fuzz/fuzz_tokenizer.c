/* libFuzzer harness for the tokenizers on arbitrary bytes (local/tokenizer*.c;
 * see README.md in this folder). The vocabularies come from llama.cpp's test
 * GGUFs under $EW_SHARED/models (default /work/shared/models): SentencePiece,
 * byte-level BPE with several pre-tokenizers, and WordPiece. Byte 0 picks the
 * vocabulary and the flags; the rest is text. Ids must be in range and within
 * ew_tokenizer_max_ids, counting must agree with encoding, and byte-level BPE
 * must give valid UTF-8 back (GPT-2 up to the spaces its clean-up drops). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "edgeway/tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const vocab_files[] = {
    "vocab/ggml-vocab-gpt-2.gguf",
    "vocab/ggml-vocab-llama-spm.gguf",
    "vocab/ggml-vocab-bert-bge.gguf",
    "vocab/ggml-vocab-deepseek-coder.gguf",
    "vocab/ggml-vocab-falcon.gguf",
    "vocab/ggml-vocab-starcoder.gguf",
    "stories260K.gguf",
};
#define N_VOCABS (int)(sizeof vocab_files / sizeof vocab_files[0])
static ew_tokenizer *toks[N_VOCABS];
static int n_toks = -1;

static void load(void)
{
    const char *shared = getenv("EW_SHARED");
    char path[1024];
    n_toks = 0;
    for (int i = 0; i < N_VOCABS; i++) {
        snprintf(path, sizeof path, "%s/models/%s", shared ? shared : "/work/shared",
                 vocab_files[i]);
        ew_error err;
        if (ew_tokenizer_open(path, &toks[n_toks], &err) == EW_OK) n_toks++;
    }
}

static bool same_but_spaces(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && a[i] == ' ')
            i++;
        while (j < bn && b[j] == ' ')
            j++;
        if (i == an || j == bn) return i == an && j == bn;
        if (a[i++] != b[j++]) return false;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (n_toks < 0) load();
    if (size < 1 || n_toks == 0) return 0;
    int which = data[0] % 8 % n_toks;
    const ew_tokenizer *tok = toks[which];
    bool add_special = data[0] & 0x10, parse_special = data[0] & 0x20;
    size_t len = size - 1;
    char *text = malloc(len ? len : 1); /* exact size, so ASan sees a read past the end */
    memcpy(text, data + 1, len);

    size_t need = 0, n = 0, cap = ew_tokenizer_max_ids(len);
    ew_error err;
    int st = ew_tokenizer_encode(tok, text, len, add_special, parse_special, NULL, 0, &need, &err);
    if (st != EW_OK && st != EW_ERR_TOO_LARGE) abort();
    if (need > cap) abort();
    ew_token *ids = malloc((need ? need : 1) * sizeof *ids);
    if (ew_tokenizer_encode(tok, text, len, add_special, parse_special, ids, need, &n, &err) ||
        n != need)
        abort();
    int32_t n_vocab = ew_tokenizer_n_vocab(tok);
    for (size_t i = 0; i < n; i++) {
        const char *piece;
        size_t plen;
        if (ids[i] < 0 || ids[i] >= n_vocab ||
            ew_tokenizer_token_to_piece(tok, ids[i], true, &piece, &plen))
            abort();
    }
    size_t out_len = 0;
    st = ew_tokenizer_detokenize(tok, ids, n, false, false, NULL, 0, &out_len);
    if (st != EW_OK && st != EW_ERR_TOO_LARGE) abort();
    char *out = malloc(out_len + 1);
    size_t got = 0;
    if (ew_tokenizer_detokenize(tok, ids, n, false, false, out, out_len + 1, &got) ||
        got != out_len)
        abort();
    ew_tokenizer_info info;
    ew_tokenizer_get_info(tok, &info);
    /* Byte-level BPE loses nothing; GPT-2's detokenizer then drops spaces
     * before punctuation as llama.cpp's does, deepseek-coder's does not. */
    if (!strcmp(info.model, "gpt2") && !parse_special && ew_utf8_valid(text, len)) {
        if (!strcmp(info.pre, "deepseek-coder") && (got != len || memcmp(out, text, len))) abort();
        if (!strcmp(info.pre, "gpt-2") && !same_but_spaces(out, got, text, len)) abort();
    }
    free(out);
    free(ids);
    free(text);
    return 0;
}
