/* Per-tensor type choice for the quantize and synth tools, following
 * llama-quantize's rules for llama-family models without an importance
 * matrix, so files we write match the mixtures users know. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "local/quant.h"
#include "local/tools.h"

static const struct {
    int ftype;
    const char *name;
    uint32_t base; /* the mixture's default tensor type */
} ftypes[] = {
    {EW_FTYPE_F32, "F32", EW_GGML_F32},        {EW_FTYPE_F16, "F16", EW_GGML_F16},
    {EW_FTYPE_BF16, "BF16", EW_GGML_BF16},     {EW_FTYPE_Q8_0, "Q8_0", EW_GGML_Q8_0},
    {EW_FTYPE_Q4_0, "Q4_0", EW_GGML_Q4_0},     {EW_FTYPE_Q4_1, "Q4_1", EW_GGML_Q4_1},
    {EW_FTYPE_Q5_0, "Q5_0", EW_GGML_Q5_0},     {EW_FTYPE_Q5_1, "Q5_1", EW_GGML_Q5_1},
    {EW_FTYPE_Q4_K_M, "Q4_K_M", EW_GGML_Q4_K}, {EW_FTYPE_Q5_K_M, "Q5_K_M", EW_GGML_Q5_K},
    {EW_FTYPE_Q6_K, "Q6_K", EW_GGML_Q6_K},
};
#define N_FTYPES (int)(sizeof ftypes / sizeof ftypes[0])

int ew__ftype_parse(const char *name)
{
    for (int i = 0; i < N_FTYPES; i++)
        if (!strcasecmp(name, ftypes[i].name)) return ftypes[i].ftype;
    return -1;
}

const char *ew__ftype_name(int ftype)
{
    for (int i = 0; i < N_FTYPES; i++)
        if (ftypes[i].ftype == ftype) return ftypes[i].name;
    return NULL;
}

static uint32_t base_type(int ftype)
{
    for (int i = 0; i < N_FTYPES; i++)
        if (ftypes[i].ftype == ftype) return ftypes[i].base;
    return EW_GGML_F32;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

ew_tensor_role ew__tensor_role(const char *name, int n_dims, bool tied)
{
    if (n_dims < 2) return EW_TROLE_OTHER;
    if (!strcmp(name, "token_embd.weight")) return tied ? EW_TROLE_OUTPUT : EW_TROLE_TOKEN_EMBD;
    if (!strcmp(name, "output.weight")) return EW_TROLE_OUTPUT;
    static const struct {
        const char *suffix;
        ew_tensor_role role;
    } map[] = {
        {".attn_q.weight", EW_TROLE_ATTN_Q},     {".attn_k.weight", EW_TROLE_ATTN_K},
        {".attn_v.weight", EW_TROLE_ATTN_V},     {".attn_output.weight", EW_TROLE_ATTN_O},
        {".ffn_gate.weight", EW_TROLE_FFN_GATE}, {".ffn_up.weight", EW_TROLE_FFN_UP},
        {".ffn_down.weight", EW_TROLE_FFN_DOWN},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (ends_with(name, map[i].suffix)) return map[i].role;
    return EW_TROLE_OTHER;
}

/* llama-quantize gives a few layers more bits: the first and last eighth,
 * and every third one in between. */
static int use_more_bits(int il, int n)
{
    return il < n / 8 || il >= 7 * n / 8 || (il - n / 8) % 3 == 2;
}

static int is_quantized(uint32_t t)
{
    return t != EW_GGML_F32 && t != EW_GGML_F16 && t != EW_GGML_BF16;
}

/* A type whose blocks fit rows of ne0, as llama-quantize falls back. */
static uint32_t fallback(uint32_t t, int64_t ne0)
{
    const ew__qtype *qt = ew__qtype_get(t, EW_ISA_REF);
    if (ne0 % qt->blck == 0) return t;
    uint32_t f = t == EW_GGML_Q4_K   ? EW_GGML_Q5_0
                 : t == EW_GGML_Q5_K ? EW_GGML_Q5_1
                 : t == EW_GGML_Q6_K ? EW_GGML_Q8_0
                                     : EW_GGML_F16;
    return ne0 % ew__qtype_get(f, EW_ISA_REF)->blck == 0 ? f : EW_GGML_F16;
}

uint32_t ew__tensor_type_for(int ftype, ew_tensor_role role, int il, int n_layer, int64_t ne0)
{
    uint32_t t = base_type(ftype);
    if (role == EW_TROLE_OTHER) return EW_GGML_F32;
    if (!is_quantized(t)) return t;
    bool km = ftype == EW_FTYPE_Q4_K_M || ftype == EW_FTYPE_Q5_K_M;
    if (role == EW_TROLE_OUTPUT) {
        if (ne0 % ew__qtype_get(t, EW_ISA_REF)->blck)
            t = EW_GGML_Q8_0;
        else if (t != EW_GGML_Q8_0)
            t = EW_GGML_Q6_K;
    } else if ((role == EW_TROLE_ATTN_V || role == EW_TROLE_FFN_DOWN) && km &&
               use_more_bits(il, n_layer)) {
        t = EW_GGML_Q6_K;
    }
    return fallback(t, ne0);
}
