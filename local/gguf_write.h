/* GGUF v3 writer: metadata of every type, tensor infos, alignment and padding.
 *
 * A file is described first (metadata and tensor infos, in the order they
 * will appear), then streamed: ew_gguf_writer_begin writes the header, and
 * the tensor data follows in tensor order through ew_gguf_writer_write, so a
 * model never has to sit in memory whole. Every size is bounded: keys by the
 * spec's 65535 bytes, tensor names by ggml's 63, counts by the reader's
 * limits, and all metadata together by EW_GGUF_WRITE_MAX_META bytes.
 *
 * Setters record the first failure and make later calls fail the same way
 * (like a stream's error flag); begin and finish report it through ew_error.
 * The host must be little-endian, as GGUF is (checked at compile time).
 */
#ifndef EW_LOCAL_GGUF_WRITE_H
#define EW_LOCAL_GGUF_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "edgeway/core.h"
#include "local/gguf.h"

#define EW_GGUF_WRITE_MAX_META    ((size_t)1 << 30) /* all metadata values together */
#define EW_GGUF_WRITE_MAX_KV      (1 << 20)
#define EW_GGUF_WRITE_MAX_TENSORS (1 << 20)
#define EW_GGUF_WRITE_MAX_KEY     65535u
#define EW_GGUF_WRITE_MAX_NAME    63u /* ggml's GGML_MAX_NAME - 1 */

typedef struct ew_gguf_writer ew_gguf_writer;

/* Returns owned; NULL when out of memory. */
ew_gguf_writer *ew_gguf_writer_new(void);
void ew_gguf_writer_free(ew_gguf_writer *w);
/* The first failure so far (EW_OK if none), copied into err when given. */
int ew_gguf_writer_status(const ew_gguf_writer *w, ew_error *err);

/* ---- metadata: setting an existing key replaces its value in place ---------- */

/* A scalar of type t (not STRING or ARRAY); value points at a C value of the
 * matching width (uint8_t ... double; bool is one byte, 0 or 1). */
int ew_gguf_writer_set(ew_gguf_writer *w, const char *key, ew_gguf_type t, const void *value);
int ew_gguf_writer_set_u32(ew_gguf_writer *w, const char *key, uint32_t v);
int ew_gguf_writer_set_i32(ew_gguf_writer *w, const char *key, int32_t v);
int ew_gguf_writer_set_f32(ew_gguf_writer *w, const char *key, float v);
int ew_gguf_writer_set_bool(ew_gguf_writer *w, const char *key, bool v);
/* s need not be NUL-terminated (len bytes); _set_cstr takes a C string. */
int ew_gguf_writer_set_str(ew_gguf_writer *w, const char *key, const char *s, size_t len);
int ew_gguf_writer_set_cstr(ew_gguf_writer *w, const char *key, const char *s);
/* An array of n scalars of type elem (packed host values). */
int ew_gguf_writer_set_arr(ew_gguf_writer *w, const char *key, ew_gguf_type elem, uint64_t n,
                           const void *data);
/* An array of n strings; lens may be NULL when every s[i] is a C string. */
int ew_gguf_writer_set_arr_str(ew_gguf_writer *w, const char *key, uint64_t n, const char *const *s,
                               const size_t *lens);
/* Copies entry k of an open file (any type, nested arrays included). */
int ew_gguf_writer_copy_kv(ew_gguf_writer *w, const ew_gguf *g, int k);
/* Drops a key if present. */
void ew_gguf_writer_remove(ew_gguf_writer *w, const char *key);
bool ew_gguf_writer_has(const ew_gguf_writer *w, const char *key);
/* Sets general.alignment (a power of two, 8 .. 1 MiB); the default is 32. */
int ew_gguf_writer_set_alignment(ew_gguf_writer *w, uint32_t alignment);

/* ---- tensors ---------------------------------------------------------------- */

/* Declares the next tensor: ne[0] is the row length and must be a multiple of
 * the type's block size. Its data offset follows the previous tensor's,
 * aligned. */
int ew_gguf_writer_add_tensor(ew_gguf_writer *w, const char *name, uint32_t type, int n_dims,
                              const uint64_t *ne);
int ew_gguf_writer_n_tensors(const ew_gguf_writer *w);
/* Bytes of tensor i's data (0 if out of range). */
uint64_t ew_gguf_writer_tensor_size(const ew_gguf_writer *w, int i);
/* Total file size once every tensor is written (after the infos are final). */
uint64_t ew_gguf_writer_file_size(const ew_gguf_writer *w);

/* ---- output ------------------------------------------------------------------- */

/* Writes the header, metadata and tensor infos to f (borrowed; positioned at
 * the start). Afterwards metadata and tensors can no longer change. */
int ew_gguf_writer_begin(ew_gguf_writer *w, FILE *f, ew_error *err);
/* Appends n bytes of tensor data; a call never crosses from one tensor into
 * the next (EW_ERR_INVALID), and the padding between tensors is written when
 * a tensor is complete. */
int ew_gguf_writer_write(ew_gguf_writer *w, const void *data, size_t n, ew_error *err);
/* Index of the tensor the next write goes to (n_tensors when all are done). */
int ew_gguf_writer_current(const ew_gguf_writer *w);
/* Checks that every tensor got all its bytes and flushes f. */
int ew_gguf_writer_finish(ew_gguf_writer *w, ew_error *err);

#endif
