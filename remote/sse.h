/* Incremental Server-Sent Events parser (WHATWG "event stream" format) for
 * upstream streams. Bytes arrive cut anywhere; complete events are handed to a
 * callback. Lines end in CRLF, LF or CR (a CR at the end of one chunk and an
 * LF at the start of the next are one line end). Every line has a hard cap.
 *
 * Stricter than the spec on purpose: a stream from an OpenAI-compatible
 * upstream only carries the fields data, event, id and retry, and comments;
 * any other line (an HTML error page, a proxy's banner, binary junk) is
 * garbage and stops the parse with EW_ERR_PARSE and its byte offset, instead
 * of being silently ignored. Invalid UTF-8 is EW_ERR_UTF8.
 */
#ifndef EW_REMOTE_SSE_H
#define EW_REMOTE_SSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "edgeway/core.h"

typedef struct ew__sse_event {
    const char *type; /* the event: field, "" when absent */
    size_t type_len;
    const char *data; /* data: lines joined with '\n' (no trailing newline) */
    size_t data_len;
    const char *id; /* the last event id seen so far, "" when none */
    size_t id_len;
} ew__sse_event;

/* Receives one event; its strings are valid during the call only. Returning
 * anything but EW_OK stops the feed, which returns that value. */
typedef int (*ew__sse_event_fn)(void *user, const ew__sse_event *ev);

#define EW__SSE_DEFAULT_MAX_LINE  (1u << 20)
#define EW__SSE_DEFAULT_MAX_EVENT (4u << 20)

typedef struct ew__sse {
    ew_buf line; /* a line cut by a chunk boundary (bounded by max_line) */
    ew_buf data; /* the current event's data (bounded by max_event) */
    ew_buf type;
    ew_buf id;
    bool has_data;   /* a data: field was seen in the current event */
    bool after_cr;   /* the last chunk ended with CR; a leading LF pairs with it */
    bool first_line; /* a UTF-8 BOM may precede it */
    int status;      /* sticky: after a failure every feed returns it */
    uint64_t offset; /* bytes consumed so far, for error positions */
    uint64_t events;
    uint64_t comments; /* keep-alives included */
    long retry_ms;     /* the last retry: field, -1 when none */
} ew__sse;

/* 0 for either cap picks its default. */
void ew__sse_init(ew__sse *p, size_t max_line, size_t max_event);
void ew__sse_cleanup(ew__sse *p);
/* Back to the start of a stream; keeps the allocations. */
void ew__sse_reset(ew__sse *p);
/* Parses data[0..len) and calls fn for each complete event. Returns EW_OK, the
 * first non-OK value fn returned, EW_ERR_PARSE / EW_ERR_UTF8 on garbage or
 * EW_ERR_TOO_LARGE past a cap (err says what and at which byte). */
int ew__sse_feed(ew__sse *p, const char *data, size_t len, ew__sse_event_fn fn, void *user,
                 ew_error *err);
/* True when the stream stopped inside a line or an event: a stream cut short. */
bool ew__sse_pending(const ew__sse *p);

#endif
