/* Model tools behind `edgeway synth` and `edgeway quantize`: random-weight
 * models of real architectures' shapes, and requantization of GGUF files
 * with llama-quantize's per-tensor recipes (no importance matrix). */
#ifndef EW_LOCAL_TOOLS_H
#define EW_LOCAL_TOOLS_H

#include <stdbool.h>
#include <stdint.h>

#include "edgeway/core.h"

/* File types (general.file_type), numbered as llama.cpp numbers them. */
typedef enum ew_ftype {
    EW_FTYPE_F32 = 0,
    EW_FTYPE_F16 = 1,
    EW_FTYPE_Q4_0 = 2,
    EW_FTYPE_Q4_1 = 3,
    EW_FTYPE_Q8_0 = 7,
    EW_FTYPE_Q5_0 = 8,
    EW_FTYPE_Q5_1 = 9,
    EW_FTYPE_Q4_K_M = 15,
    EW_FTYPE_Q5_K_M = 17,
    EW_FTYPE_Q6_K = 18,
    EW_FTYPE_BF16 = 32,
} ew_ftype;

/* "Q4_K_M" -> EW_FTYPE_Q4_K_M (case-insensitive); -1 if unknown. */
int ew__ftype_parse(const char *name);
const char *ew__ftype_name(int ftype);

/* What a tensor is, for choosing its type. */
typedef enum ew_tensor_role {
    EW_TROLE_OTHER, /* 1-D tensors (norms, biases) stay F32 */
    EW_TROLE_TOKEN_EMBD,
    EW_TROLE_OUTPUT, /* output.weight, or token_embd when tied */
    EW_TROLE_ATTN_Q,
    EW_TROLE_ATTN_K,
    EW_TROLE_ATTN_V,
    EW_TROLE_ATTN_O,
    EW_TROLE_FFN_GATE,
    EW_TROLE_FFN_UP,
    EW_TROLE_FFN_DOWN,
} ew_tensor_role;

/* Role of a tensor by name; tied says token_embd doubles as the output. */
ew_tensor_role ew__tensor_role(const char *name, int n_dims, bool tied);

/* The type llama-quantize picks for a tensor of this role in layer il (of
 * n_layer) with rows of ne0, for ftype: the mixture's bumps (attn_v and
 * ffn_down in Q4_K_M/Q5_K_M, Q6_K or Q8_0 for the output), then the fallback
 * when ne0 is not a multiple of the block size. */
uint32_t ew__tensor_type_for(int ftype, ew_tensor_role role, int il, int n_layer, int64_t ne0);

typedef struct ew_synth_params {
    const char *shape; /* e.g. "smollm2-135m", "qwen2.5-0.5b" */
    int ftype;         /* ew_ftype */
    uint64_t seed;
    const char *vocab_path; /* GGUF whose tokenizer to use; NULL: a byte-level BPE */
    const char *out_path;
} ew_synth_params;

/* Writes a random-weight model of a named shape. */
int ew__synth(const ew_synth_params *p, ew_error *err);
/* Names of the shapes, NULL-terminated. */
const char *const *ew__synth_shapes(void);

struct ew__gguf_writer;
/* Writes tokenizer.ggml.* metadata for the default byte-level BPE vocab of
 * n_vocab tokens (at least 289): 256 bytes, a few merges, <|endoftext|>, and
 * padding. Used by synth and by tests that build models. */
int ew__synth_byte_tokenizer(struct ew__gguf_writer *w, int n_vocab);

/* Requantizes in_path into out_path with ftype's recipe. */
int ew__quantize_file(const char *in_path, const char *out_path, int ftype, int n_threads,
                      ew_error *err);

#endif
