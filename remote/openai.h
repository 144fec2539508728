/* The OpenAI wire format as an upstream speaks it: an ew_request serialized
 * for /chat/completions or /completions, and the responses parsed back, whole
 * or one stream chunk at a time, into one shape (ew__openai_delta). */
#ifndef EW_REMOTE_OPENAI_H
#define EW_REMOTE_OPENAI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "edgeway/core.h"
#include "edgeway/request.h"

typedef struct ew__usage {
    bool present;
    int64_t prompt_tokens;
    int64_t completion_tokens;
    int64_t total_tokens;
} ew__usage;

/* One stream chunk, or a whole response. Strings are unescaped into the arena
 * given to the parser and NUL-terminated; NULL means absent. (The upstream's
 * id is not read: the gateway answers with its own.) */
typedef struct ew__openai_delta {
    const char *model;
    bool has_choice; /* choices[0] exists (a usage-only chunk has none) */
    const char *role;
    const char *content; /* may hold NULs: use content_len */
    size_t content_len;
    const char *finish_reason; /* NULL also when JSON null */
    const char *tool_calls;    /* raw JSON of tool_calls, still escaped: pass-through */
    size_t tool_calls_len;
    ew__usage usage;
} ew__openai_delta;

typedef struct ew__openai_write_opts {
    const char *model; /* the upstream's model name (after mapping) */
    bool stream;
    /* Ask a stream for a final usage chunk even when our client did not, so
     * usage is always counted; the gateway decides what to forward. */
    bool stream_usage;
    /* The upstream runs on this device (a url model on loopback), so
     * messages marked keep_local may be written for it. */
    bool on_device;
} ew__openai_write_opts;

/* Appends the upstream request body for req. Fails with EW_ERR_DENIED if a
 * message is marked keep_local and the upstream is not on_device (it must
 * never leave the device: the executor sends such requests through the
 * split route's local-prefix mode, so this is the last safety net),
 * EW_ERR_INVALID on a request that cannot be expressed, or the buffer's error. */
int ew__openai_write_request(ew_buf *out, const ew_request *req, const ew__openai_write_opts *o,
                             ew_error *err);
/* The path below the base URL: "/chat/completions" or "/completions". */
const char *ew__openai_path(const ew_request *req);

/* Parses one stream chunk (chat.completion.chunk or text_completion).
 * EW_ERR_PARSE / EW_ERR_UTF8 on malformed input; EW_ERR_UPSTREAM when the
 * chunk is an error object (err holds its message). memo (from
 * ew__openai_chunk_memo_new, one per stream; NULL = none) lets a chunk that
 * repeats the previous one's bytes up to its delta skip them (the result is
 * the same). */
int ew__openai_parse_chunk(const char *json, size_t len, ew_json_pick_memo *memo, ew_arena *a,
                           ew__openai_delta *d, ew_error *err);
/* NULL when out of memory; free with ew_json_pick_memo_free. */
ew_json_pick_memo *ew__openai_chunk_memo_new(void);
/* Parses a whole non-stream response into the same shape. */
int ew__openai_parse_response(const char *json, size_t len, ew_arena *a, ew__openai_delta *d,
                              ew_error *err);
/* The message of an upstream error body ({"error":{"message":...}} or
 * {"message":...}); otherwise a printable excerpt of the body. Always
 * NUL-terminates out (size > 0). */
void ew__openai_error_message(const char *body, size_t len, char *out, size_t size);

#endif
