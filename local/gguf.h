/* GGUF reader (v2 and v3): the file is mmapped read-only and every offset,
 * size, count and shape is checked against the file before use, so a
 * truncated or hostile file gets an ew_error, never an out-of-bounds read.
 *
 * Strings in GGUF are length-prefixed and not NUL-terminated: accessors hand
 * out (pointer, length) pairs that point into the mapping.
 */
#ifndef EW_LOCAL_GGUF_H
#define EW_LOCAL_GGUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edgeway/core.h"

/* Metadata value types, numbered as in the GGUF spec. */
typedef enum ew_gguf_type {
    EW_GGUF_UINT8 = 0,
    EW_GGUF_INT8 = 1,
    EW_GGUF_UINT16 = 2,
    EW_GGUF_INT16 = 3,
    EW_GGUF_UINT32 = 4,
    EW_GGUF_INT32 = 5,
    EW_GGUF_FLOAT32 = 6,
    EW_GGUF_BOOL = 7,
    EW_GGUF_STRING = 8,
    EW_GGUF_ARRAY = 9,
    EW_GGUF_UINT64 = 10,
    EW_GGUF_INT64 = 11,
    EW_GGUF_FLOAT64 = 12,
} ew_gguf_type;

/* Tensor data types, numbered as ggml numbers them (only those we support
 * are named; others are reported by number in errors). */
typedef enum ew_ggml_type {
    EW_GGML_F32 = 0,
    EW_GGML_F16 = 1,
    EW_GGML_Q4_0 = 2,
    EW_GGML_Q4_1 = 3,
    EW_GGML_Q5_0 = 6,
    EW_GGML_Q5_1 = 7,
    EW_GGML_Q8_0 = 8,
    EW_GGML_Q8_1 = 9,
    EW_GGML_Q2_K = 10,
    EW_GGML_Q3_K = 11,
    EW_GGML_Q4_K = 12,
    EW_GGML_Q5_K = 13,
    EW_GGML_Q6_K = 14,
    EW_GGML_Q8_K = 15,
    EW_GGML_BF16 = 30,
} ew_ggml_type;

#define EW_GGUF_MAX_DIMS 4

typedef struct ew_gguf_tensor {
    const char *name; /* NUL-terminated copy owned by the ew_gguf */
    int n_dims;
    uint64_t ne[EW_GGUF_MAX_DIMS]; /* ne[0] is the contiguous (row) dimension */
    uint32_t type;                 /* ew_ggml_type */
    uint64_t offset;               /* absolute offset in the file, checked */
    uint64_t size;                 /* bytes, checked to lie inside the file */
    const void *data;              /* points into the mapping */
} ew_gguf_tensor;

typedef struct ew_gguf ew_gguf;

/* Opens and validates a file. expected_sha256 (64 hex chars) may be NULL; when
 * given, the whole file is hashed and a mismatch is EW_ERR_INTEGRITY. Errors:
 * EW_ERR_IO, EW_ERR_PARSE (with the offset in the message), EW_ERR_UNSUPPORTED
 * (version, type), EW_ERR_TOO_LARGE, EW_ERR_INTEGRITY, EW_ERR_NOMEM. */
int ew_gguf_open(const char *path, const char *expected_sha256, ew_gguf **out, ew_error *err);
/* The same over a buffer the caller keeps alive (borrowed) while the ew_gguf
 * lives; name labels errors (NULL: "<memory>"). Used by tests and fuzzers, and
 * by callers that already hold the bytes. */
int ew_gguf_open_mem(const void *data, size_t size, const char *name, const char *expected_sha256,
                     ew_gguf **out, ew_error *err);
void ew_gguf_close(ew_gguf *g);

uint32_t ew_gguf_version(const ew_gguf *g);
size_t ew_gguf_file_size(const ew_gguf *g);
const void *ew_gguf_file_data(const ew_gguf *g);
/* general.alignment, or 32 when absent. */
uint32_t ew_gguf_alignment(const ew_gguf *g);

/* Bytes of one scalar metadata value of this type; 0 for strings, arrays and unknown types. */
size_t ew_gguf_type_size(uint32_t type);

/* ---- metadata ---------------------------------------------------------------- */
int ew_gguf_n_kv(const ew_gguf *g);
/* Index of a key, or -1. */
int ew_gguf_find(const ew_gguf *g, const char *key);
const char *ew_gguf_key(const ew_gguf *g, int k, size_t *len);
/* Type of entry k; (ew_gguf_type)-1 when k is out of range. */
ew_gguf_type ew_gguf_kv_type(const ew_gguf *g, int k);

/* Typed getters return EW_ERR_NOT_FOUND when the key is absent and
 * EW_ERR_INVALID on a type that cannot be converted without loss. Integer
 * getters accept any integer type whose value fits. */
int ew_gguf_get_u32(const ew_gguf *g, const char *key, uint32_t *out);
int ew_gguf_get_i64(const ew_gguf *g, const char *key, int64_t *out);
int ew_gguf_get_f32(const ew_gguf *g, const char *key, float *out);
int ew_gguf_get_bool(const ew_gguf *g, const char *key, bool *out);
int ew_gguf_get_str(const ew_gguf *g, const char *key, const char **s, size_t *len);

/* Arrays: element type and count. For numeric element types *data points at
 * the packed little-endian elements; for strings use ew_gguf_arr_str. */
int ew_gguf_get_arr(const ew_gguf *g, const char *key, ew_gguf_type *elem_type, uint64_t *n,
                    const void **data);
/* The i-th string of a string array (O(1): offsets are indexed at open;
 * O(i) after ew_gguf_release_header). */
int ew_gguf_arr_str(const ew_gguf *g, const char *key, uint64_t i, const char **s, size_t *len);
/* The same by key index (ew_gguf_find), for loops over a whole array: the
 * key is not looked up again for every element. */
int ew_gguf_arr_str_at(const ew_gguf *g, int k, uint64_t i, const char **s, size_t *len);
/* For a caller that has copied what it needs out of the metadata (a loaded
 * model): frees the string-array indexes and gives the header's resident
 * pages back to the kernel. Everything stays readable: a touched page is read
 * from the file again, and string arrays are walked instead of indexed. For a
 * vocabulary of 150k tokens this is about 8 MiB of RSS. */
void ew_gguf_release_header(ew_gguf *g);

/* ---- tensors ------------------------------------------------------------------ */
int ew_gguf_n_tensors(const ew_gguf *g);
const ew_gguf_tensor *ew_gguf_tensor_at(const ew_gguf *g, int i);
/* By name, or NULL. */
const ew_gguf_tensor *ew_gguf_find_tensor(const ew_gguf *g, const char *name);

/* Name of a tensor type ("Q4_K"), or NULL if unknown. */
const char *ew_ggml_type_name(uint32_t type);
/* Block geometry: elements per block and bytes per block; 0 if unknown. */
int ew_ggml_block_elems(uint32_t type);
size_t ew_ggml_block_bytes(uint32_t type);

#endif
