/* Per-request arena: bump allocation from chunks, freed all at once when the
 * request ends. A hard cap bounds what one request can take. */
#ifndef EW_CORE_ARENA_H
#define EW_CORE_ARENA_H

#include <stddef.h>

typedef struct ew_arena_chunk ew_arena_chunk;

typedef struct ew_arena {
    ew_arena_chunk *head;
    size_t chunk_size; /* default size of a new chunk */
    size_t used;       /* bytes of all chunks, headers included, for the cap */
    size_t max;        /* hard cap on `used`; allocation past it returns NULL */
} ew_arena;

/* Caller-allocated; chunk_size 0 picks a default (16 KiB). Allocates lazily. */
void ew_arena_init(ew_arena *a, size_t chunk_size, size_t max);
/* Frees every chunk. */
void ew_arena_cleanup(ew_arena *a);
/* Frees all but the first chunk and rewinds it, for reuse across requests. */
void ew_arena_reset(ew_arena *a);
/* Returns 16-byte aligned memory or NULL when the cap or malloc says no. */
void *ew_arena_alloc(ew_arena *a, size_t n);
void *ew_arena_calloc(ew_arena *a, size_t count, size_t size);
/* Copies n bytes and adds a NUL. */
char *ew_arena_strndup(ew_arena *a, const char *s, size_t n);
char *ew_arena_strdup(ew_arena *a, const char *s);

#endif
