/* Tensor block layouts and the kernels that read them.
 *
 * Weights stay in the GGUF file's block formats (the same bit layouts as ggml,
 * pinned below with static_assert). Before a dot product the activations are
 * converted to the weight type's "activation type" the way ggml does it:
 * Q8_0 for Q4_0/Q5_0/Q8_0, Q8_1 for Q4_1/Q5_1, Q8_K for the k-quants, F16 for
 * F16, BF16 for BF16 and F32 for F32. Following that scheme (not a plain F32
 * dot against dequantized weights) is what makes our logits land within a
 * rounding step of llama.cpp's on quantized files.
 *
 * Every type has scalar `_ref` kernels (quant_ref.c). SIMD variants live in
 * quant_avx2.c / quant_avx512.c / quant_neon.c and are picked at run time
 * through ew__kernels(); tests compare them with the reference.
 */
#ifndef EW_LOCAL_QUANT_H
#define EW_LOCAL_QUANT_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "local/gguf.h"

#define EW_QK           32  /* elements per block of the legacy quants */
#define EW_QK_K         256 /* elements per super-block of the k-quants */
#define EW_K_SCALE_SIZE 12

typedef uint16_t ew_f16;  /* IEEE half, stored as bits */
typedef uint16_t ew_bf16; /* bfloat16, stored as bits */

typedef struct {
    ew_f16 d;
    uint8_t qs[EW_QK / 2]; /* low nibbles: elements 0..15, high nibbles: 16..31 */
} ew_block_q4_0;
static_assert(sizeof(ew_block_q4_0) == 18, "q4_0 block layout");

typedef struct {
    ew_f16 d, m;
    uint8_t qs[EW_QK / 2];
} ew_block_q4_1;
static_assert(sizeof(ew_block_q4_1) == 20, "q4_1 block layout");

typedef struct {
    ew_f16 d;
    uint8_t qh[4]; /* fifth bit of each element, little-endian bit i = element i */
    uint8_t qs[EW_QK / 2];
} ew_block_q5_0;
static_assert(sizeof(ew_block_q5_0) == 22, "q5_0 block layout");

typedef struct {
    ew_f16 d, m;
    uint8_t qh[4];
    uint8_t qs[EW_QK / 2];
} ew_block_q5_1;
static_assert(sizeof(ew_block_q5_1) == 24, "q5_1 block layout");

typedef struct {
    ew_f16 d;
    int8_t qs[EW_QK];
} ew_block_q8_0;
static_assert(sizeof(ew_block_q8_0) == 34, "q8_0 block layout");

typedef struct {
    ew_f16 d;
    ew_f16 s; /* d * sum(qs) */
    int8_t qs[EW_QK];
} ew_block_q8_1;
static_assert(sizeof(ew_block_q8_1) == 36, "q8_1 block layout");

/* 8 sub-blocks of 32 with 6-bit scales and mins packed in `scales`. */
typedef struct {
    ew_f16 d;    /* super-block scale of the scales */
    ew_f16 dmin; /* super-block scale of the mins */
    uint8_t scales[EW_K_SCALE_SIZE];
    uint8_t qs[EW_QK_K / 2];
} ew_block_q4_K;
static_assert(sizeof(ew_block_q4_K) == 144, "q4_K block layout");

typedef struct {
    ew_f16 d;
    ew_f16 dmin;
    uint8_t scales[EW_K_SCALE_SIZE];
    uint8_t qh[EW_QK_K / 8];
    uint8_t qs[EW_QK_K / 2];
} ew_block_q5_K;
static_assert(sizeof(ew_block_q5_K) == 176, "q5_K block layout");

/* 16 sub-blocks of 16 with signed 8-bit scales; 6-bit quants split 4+2. */
typedef struct {
    uint8_t ql[EW_QK_K / 2];
    uint8_t qh[EW_QK_K / 4];
    int8_t scales[EW_QK_K / 16];
    ew_f16 d;
} ew_block_q6_K;
static_assert(sizeof(ew_block_q6_K) == 210, "q6_K block layout");

/* Activations only: float scale, and sums of 16-element groups for the mins. */
typedef struct {
    float d;
    int8_t qs[EW_QK_K];
    int16_t bsums[EW_QK_K / 16];
} ew_block_q8_K;
static_assert(sizeof(ew_block_q8_K) == 292, "q8_K block layout");

/* Q8_0 activations in the layout the VNNI legacy-quant kernels read: the
 * same quantized values and f16-rounded scale as Q8_0, with the scale widened
 * to float and the sum of the quants stored, so the kernels can make the
 * weights unsigned (w + offset) and take offset * sum back off exactly. It
 * is an activation type only (no GGUF file holds it). */
#define EW__ACT_Q8_0X 0x10000u
typedef struct {
    float d;
    int32_t sum;
    int8_t qs[EW_QK];
} ew_block_q8_0x;
static_assert(sizeof(ew_block_q8_0x) == 40, "q8_0x block layout");

/* ---- scalar conversions ---------------------------------------------------- */

static inline float ew__f16_to_f32(ew_f16 h)
{
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f;
    uint32_t man = h & 0x3ff;
    uint32_t bits;
    if (exp == 0x1f) {
        bits = sign | 0x7f800000u | (man << 13);
    } else if (exp != 0) {
        bits = sign | ((exp + 112) << 23) | (man << 13);
    } else if (man == 0) {
        bits = sign;
    } else {
        /* subnormal: value = man * 2^-24, exact in float */
        float f = (float)man * (1.0f / 16777216.0f);
        memcpy(&bits, &f, 4);
        bits |= sign;
    }
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

/* Round to nearest even, as the F16C instruction and ggml do. */
static inline ew_f16 ew__f32_to_f16(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000;
    uint32_t ax = x & 0x7fffffffu;
    if (ax >= 0x7f800000u) /* inf or nan */
        return (ew_f16)(sign | 0x7c00 | (ax > 0x7f800000u ? 0x200 | ((ax >> 13) & 0x3ff) : 0));
    if (ax >= 0x477ff000u) /* rounds to >= 65536: overflow to inf */
        return (ew_f16)(sign | 0x7c00);
    if (ax < 0x38800000u) { /* below the smallest normal half: subnormal or zero */
        if (ax < 0x33000000u) return (ew_f16)sign;
        uint32_t e = ax >> 23;
        uint32_t m = (ax & 0x7fffff) | 0x800000;
        uint32_t shift = 126 - e; /* 14..24 */
        uint32_t q = m >> shift;
        uint32_t rem = m & ((1u << shift) - 1);
        uint32_t half = 1u << (shift - 1);
        if (rem > half || (rem == half && (q & 1))) q++;
        return (ew_f16)(sign | q);
    }
    uint32_t q = ((ax >> 13) - (112u << 10));
    uint32_t rem = ax & 0x1fff;
    if (rem > 0x1000 || (rem == 0x1000 && (q & 1))) q++;
    return (ew_f16)(sign | q);
}

static inline float ew__bf16_to_f32(ew_bf16 h)
{
    uint32_t bits = (uint32_t)h << 16;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

/* Round to nearest even; NaN stays NaN (quiet). */
static inline ew_bf16 ew__f32_to_bf16(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    if ((x & 0x7fffffffu) > 0x7f800000u) return (ew_bf16)((x >> 16) | 64);
    return (ew_bf16)((x + (0x7fff + ((x >> 16) & 1))) >> 16);
}

/* Round half to even, for |f| < 2^22 (the range quantizers feed it). */
static inline int ew__nearest_int(float f)
{
    float v = f + 12582912.f;
    int32_t i;
    memcpy(&i, &v, 4);
    return (i & 0x007fffff) - 0x00400000;
}

/* ---- kernels ------------------------------------------------------------------ */

/* Dequantizes n elements (a multiple of the block size) of one row. */
typedef void (*ew__dequant_fn)(const void *x, float *y, int64_t n);
/* Converts n floats to an activation type (Q8_0, Q8_1, Q8_K, F16, BF16, F32). */
typedef void (*ew__quant_fn)(const float *x, void *y, int64_t n);
/* Dot product of one weight row with one activation row of n elements. */
typedef float (*ew__dot_fn)(int n, const void *w, const void *a);
/* Matrix kernel: out[c * out_stride + r] = dot(w row r, act row c) for
 * r < nr, c < nc. Rows are w_stride / a_stride bytes apart. SIMD versions
 * reuse each weight block across several activation rows. */
typedef void (*ew__gemm_fn)(int n, const void *w, size_t w_stride, int nr, const void *a,
                            size_t a_stride, int nc, float *out, size_t out_stride);

typedef struct ew__qtype {
    uint32_t type; /* ew_ggml_type */
    const char *name;
    int blck;     /* elements per block */
    size_t bytes; /* bytes per block */
    uint32_t act; /* activation type for dot products (an ew_ggml_type) */
    ew__dequant_fn dequant;
    ew__quant_fn quant_act; /* set for types that serve as activation types */
    ew__dot_fn dot;         /* weight of this type x activation of type `act` */
    ew__gemm_fn gemm;
    /* Attention over KV cache rows of this type (F32, F16), rows `stride`
     * bytes apart: out[j] = dot(row j, q) for j < nr, q of this type; and
     * y[0..n) += sum_j a[j] * row j, accumulated in row order per element. */
    void (*dot_rows)(int n, const void *x, size_t stride, int nr, const void *q, float *out);
    void (*axpy_rows)(int n, const float *a, const void *x, size_t stride, int nr, float *y);
} ew__qtype;

/* Instruction sets a kernel table can be built for. */
typedef enum ew__isa {
    EW_ISA_REF = 0,
    EW_ISA_AVX2,        /* AVX2 + FMA + F16C */
    EW_ISA_AVX512,      /* AVX-512 F/BW/DQ/VL */
    EW_ISA_AVX512_VNNI, /* plus VNNI int8 dot products */
    EW_ISA_NEON,
    EW_ISA_COUNT
} ew__isa;

/* Best ISA this CPU supports (detected once). The EW_ISA environment variable
 * (ref, avx2, avx512, avx512vnni) can lower it, for tests and benchmarks. */
ew__isa ew__isa_best(void);
const char *ew__isa_name(ew__isa isa);
/* Kernel traits of a tensor type for the given ISA, or NULL if the type is not
 * supported. Entries fall back to the reference where an ISA lacks a kernel. */
const ew__qtype *ew__qtype_get(uint32_t type, ew__isa isa);
/* Same, for the best ISA. */
const ew__qtype *ew__qtype_of(uint32_t type);
/* Bytes of a row of n elements of type (n must be a block multiple), or 0. */
size_t ew__row_bytes(uint32_t type, int64_t n);

/* ---- reference kernels (quant_ref.c), shared so SIMD files can fall back -- */
extern const ew__qtype ew__qtypes_ref[];
extern const int ew__n_qtypes_ref;

void ew__quant_q8_0_ref(const float *x, void *y, int64_t n);
void ew__quant_q8_0x_ref(const float *x, void *y, int64_t n);
void ew__quant_q8_1_ref(const float *x, void *y, int64_t n);
void ew__quant_q8_K_ref(const float *x, void *y, int64_t n);
void ew__quant_f16_ref(const float *x, void *y, int64_t n);
void ew__quant_bf16_ref(const float *x, void *y, int64_t n);
void ew__quant_f32_ref(const float *x, void *y, int64_t n);

/* Overlay an ISA's kernels on a copy of the reference table (n entries). */
void ew__quant_patch_avx2(ew__qtype *t, int n);
void ew__quant_patch_avx512(ew__qtype *t, int n, int vnni);
/* The VNNI legacy-quant kernels (quant_legacy_avx512.c); switches those
 * types' activations to Q8_0X. */
void ew__quant_patch_legacy_vnni(ew__qtype *t, int n);
/* The VNNI k-quant kernels (quant_k_avx512.c), bit-identical to the reference. */
void ew__quant_patch_k_vnni(ew__qtype *t, int n);
void ew__quant_patch_neon(ew__qtype *t, int n);
/* True if isa's kernels were compiled in and the CPU runs them. */
int ew__isa_available(ew__isa isa);

/* Reference gemm built on a dot kernel (loops over rows and columns). */
void ew__gemm_by_dot(ew__dot_fn dot, int n, const void *w, size_t w_stride, int nr, const void *a,
                     size_t a_stride, int nc, float *out, size_t out_stride);

/* Unpacks the 6-bit scale and min j (0..7) of a q4_K/q5_K block. */
static inline void ew__k4_scale_min(int j, const uint8_t *q, uint8_t *sc, uint8_t *m)
{
    if (j < 4) {
        *sc = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *sc = (uint8_t)((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        *m = (uint8_t)((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

/* ---- weight quantization (for `edgeway quantize` and synthetic models) ------ */

/* Quantizes n floats (one row, block multiple) into type; the reference
 * schemes of the GGUF formats. Returns EW_ERR_UNSUPPORTED for a type it
 * cannot produce. */
int ew__quantize_row(uint32_t type, const float *x, void *y, int64_t n);

#endif
