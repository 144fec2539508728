/* Per-request arena: see arena.h. Chunks form a list, newest first. A request
 * too big for the default chunk size gets a dedicated chunk that is linked
 * behind the head, so the head's free tail stays usable for small requests. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define ARENA_ALIGN         16
#define ARENA_DEFAULT_CHUNK (16 * 1024)

struct ew_arena_chunk {
    ew_arena_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    /* Keeps the data that follows the header 16-byte aligned. */
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

static size_t align_up(size_t n)
{
    return (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
}

void ew_arena_init(ew_arena *a, size_t chunk_size, size_t max)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? align_up(chunk_size) : ARENA_DEFAULT_CHUNK;
    a->used = 0;
    a->max = max;
}

void ew_arena_cleanup(ew_arena *a)
{
    ew_arena_chunk *c = a->head;
    while (c) {
        ew_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->used = 0;
}

void ew_arena_reset(ew_arena *a)
{
    ew_arena_chunk *keep = a->head;
    if (!keep) return;
    /* Keep the newest chunk only if it has the default size: a dedicated big
     * chunk would otherwise pin memory across requests. */
    if (keep->size > a->chunk_size) {
        ew_arena_cleanup(a);
        return;
    }
    ew_arena_chunk *c = keep->next;
    while (c) {
        ew_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    keep->next = NULL;
    keep->used = 0;
    a->head = keep;
    a->used = sizeof(ew_arena_chunk) + keep->size;
}

/* Allocates a chunk with at least `need` usable bytes, within the cap. */
static ew_arena_chunk *arena_new_chunk(ew_arena *a, size_t need)
{
    size_t hdr = sizeof(ew_arena_chunk);
    if (a->used > a->max || a->max - a->used < hdr || a->max - a->used - hdr < need) return NULL;
    size_t size = need > a->chunk_size ? need : a->chunk_size;
    /* Near the cap, take a smaller chunk rather than fail a request that fits. */
    if (size > a->max - a->used - hdr) size = a->max - a->used - hdr;
    ew_arena_chunk *c = malloc(hdr + size);
    if (!c) return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    a->used += hdr + size;
    return c;
}

void *ew_arena_alloc(ew_arena *a, size_t n)
{
    if (n > SIZE_MAX / 2) return NULL;
    n = align_up(n ? n : 1);
    ew_arena_chunk *h = a->head;
    if (h && h->size - h->used >= n) {
        void *p = h->data + h->used;
        h->used += n;
        return p;
    }
    ew_arena_chunk *c = arena_new_chunk(a, n);
    if (!c) return NULL;
    c->used = n;
    /* A big one-off goes behind the head when the head still has room. */
    if (h && n > a->chunk_size / 2 && h->size - h->used > c->size - c->used) {
        c->next = h->next;
        h->next = c;
    } else {
        c->next = h;
        a->head = c;
    }
    return c->data;
}

void *ew_arena_calloc(ew_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = ew_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *ew_arena_strndup(ew_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX) return NULL;
    char *p = ew_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ew_arena_strdup(ew_arena *a, const char *s)
{
    return ew_arena_strndup(a, s, strlen(s));
}
