/* A vocab file's tokenizer fitted to a synthetic model's vocab size. */
#ifndef EW_LOCAL_SYNTH_VOCAB_H
#define EW_LOCAL_SYNTH_VOCAB_H

#include "edgeway/core.h"
#include "local/gguf.h"
#include "local/gguf_write.h"

#define EW_SYNTH_VOCAB_MAX (1 << 20)
#define EW_SYNTH_BPE_MIN   262 /* 256 byte tokens, three merges, three specials */

/* Copies every tokenizer.* entry of g into w with exactly n_vocab tokens.
 * - A larger vocab is cut: special tokens named by tokenizer.ggml.*_token_id
 *   that would fall off move into the last ids (the keys follow them), and
 *   merges whose parts or result fell off are dropped.
 * - A smaller one is padded with "[PAD<id>]" tokens of type UNUSED (score
 *   -1000), as llama.cpp's converters pad.
 * Errors name the file (`name`). */
int ew__synth_fit_vocab(ew__gguf_writer *w, const ew_gguf *g, const char *name, int n_vocab,
                        ew_error *err);

#endif
