/* A streaming GGUF v3 writer for the model tools (synth, quantize) and tests:
 * metadata and tensor descriptions are collected first, then the header is
 * written and tensor data follows one tensor at a time, so a model never has
 * to sit in memory whole. */
#ifndef EW_LOCAL_GGUF_WRITE_H
#define EW_LOCAL_GGUF_WRITE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "local/gguf.h"

typedef struct ew__gw_tensor {
    char name[64];
    uint32_t type;
    int n_dims;
    uint64_t ne[EW_GGUF_MAX_DIMS];
    uint64_t offset; /* from the start of the data section */
    uint64_t size;
} ew__gw_tensor_desc;

typedef struct ew__gguf_writer {
    ew_buf kv; /* serialized key/value entries */
    uint64_t n_kv;
    ew__gw_tensor_desc *tensors;
    int n_tensors, cap_tensors;
    uint64_t data_size;
    uint32_t alignment;
    int next;   /* next tensor whose data is due */
    int status; /* first failure sticks */
} ew__gguf_writer;

void ew__gw_init(ew__gguf_writer *w);
void ew__gw_cleanup(ew__gguf_writer *w);

/* Metadata. Failures stick in w->status (checked by ew__gw_write_header). */
void ew__gw_u32(ew__gguf_writer *w, const char *key, uint32_t v);
void ew__gw_i32(ew__gguf_writer *w, const char *key, int32_t v);
void ew__gw_f32(ew__gguf_writer *w, const char *key, float v);
void ew__gw_bool(ew__gguf_writer *w, const char *key, bool v);
void ew__gw_str(ew__gguf_writer *w, const char *key, const char *s);
void ew__gw_strn(ew__gguf_writer *w, const char *key, const char *s, size_t n);
/* A numeric array: elem_type is a scalar ew_gguf_type, data holds n packed
 * little-endian elements. */
void ew__gw_arr(ew__gguf_writer *w, const char *key, ew_gguf_type elem_type, uint64_t n,
                const void *data);
/* A string array: strings i = 0..n-1 come from get(ctx, i, &len). */
void ew__gw_arr_str(ew__gguf_writer *w, const char *key, uint64_t n,
                    const char *(*get)(void *ctx, uint64_t i, size_t *len), void *ctx);
/* Copies metadata entry k of an open file, byte for byte (every type,
 * nested arrays included). */
void ew__gw_copy_kv(ew__gguf_writer *w, const ew_gguf *g, int k);

/* Declares a tensor (data comes later, in declaration order). */
void ew__gw_tensor(ew__gguf_writer *w, const char *name, uint32_t type, int n_dims,
                   const uint64_t *ne);

/* Writes magic, counts, metadata and tensor descriptions, padded to the
 * alignment. Returns w->status or EW_ERR_IO. */
int ew__gw_write_header(ew__gguf_writer *w, FILE *f);
/* Writes the next tensor's data (exactly its size) and the padding after it. */
int ew__gw_write_data(ew__gguf_writer *w, FILE *f, const void *data, uint64_t size);

#endif
