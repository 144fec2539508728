/* Streamed text against stop strings: what could still turn into a stop
 * string, or ends inside an incomplete UTF-8 sequence, is held back until it
 * is decided. Shared by the generation loop (local/generate.c) and the
 * speculative route, which detokenizes on the loop thread. */
#ifndef EW_LOCAL_STOP_TEXT_H
#define EW_LOCAL_STOP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "edgeway/engine.h"

typedef struct ew__stop_text {
    char *buf; /* the caller's, ew__stop_text_size() bytes */
    size_t len;
    const char *const *stop; /* (n_stop) NUL-terminated, 1..EW_MAX_STOP_LEN bytes; a NULL ends */
    int n_stop;
} ew__stop_text;

/* The buffer a model's pieces need. */
size_t ew__stop_text_size(const ew_model *m);

/* Appends one token's piece; returns how many leading bytes of buf are
 * decided. *hit is set when a stop string begins right after them: the
 * rest is never output. Consume the decided bytes before the next push. */
size_t ew__stop_text_push(ew__stop_text *t, const char *piece, size_t n, bool *hit);
void ew__stop_text_consume(ew__stop_text *t, size_t n);

#endif
