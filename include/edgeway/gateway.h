/* edgeway public API: the OpenAI request parser and the OpenAI error object.
 *
 * The gateway uses these for every HTTP body; `edgeway route` and embedders
 * (an app that has an OpenAI-shaped request in hand) use them the same way, so
 * a request means the same thing wherever it enters.
 */
#ifndef EDGEWAY_GATEWAY_H
#define EDGEWAY_GATEWAY_H

#include <stddef.h>

#include "edgeway/core.h"
#include "edgeway/request.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An OpenAI-style error: {"error":{"message","type","param","code"}} sent
 * with http_status. type and code are static strings; code may be NULL and
 * param may be "" (both are then written as null). */
typedef struct ew_api_error {
    int http_status;
    const char *type; /* "invalid_request_error", "server_error", ... */
    const char *code; /* "invalid_type", "unsupported_value", ...; NULL = null */
    char param[96];   /* the offending parameter, e.g. "messages[2].content[0].type" */
    char message[384];
} ew_api_error;

/* Fills *e; the message is printf-formatted and truncated to fit. param may be NULL. */
void ew_api_error_set(ew_api_error *e, int http_status, const char *type, const char *code,
                      const char *param, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Writes the error object as JSON into out[0..size) with a NUL. Returns the
 * length it needs (without the NUL), like snprintf; the output is always valid
 * JSON when the return value is below size. */
size_t ew_api_error_format(const ew_api_error *e, char *out, size_t size);

typedef enum ew_request_kind {
    EW_REQUEST_CHAT = 0,       /* /v1/chat/completions: messages */
    EW_REQUEST_COMPLETION = 1, /* /v1/completions: prompt */
} ew_request_kind;

/* Parses and validates a whole OpenAI request body. On success *out is an
 * owned request (free with ew_request_free) whose strings live in its own
 * storage, independent of json. On failure *out is NULL, err holds the
 * OpenAI error to send (400; 413 when the request needs more memory than
 * the parser allows for its size) and the return value is EW_ERR_INVALID,
 * EW_ERR_PARSE, EW_ERR_UTF8, EW_ERR_TOO_LARGE or EW_ERR_NOMEM.
 *
 * Accepted: model, messages (content a string or an array of text parts;
 * other part types are refused), prompt (completions), stream,
 * stream_options.include_usage, max_tokens / max_completion_tokens,
 * temperature [0,2], top_p [0,1], frequency/presence_penalty [-2,2], seed,
 * stop (a string or up to 4 strings), user, n (must be 1), logprobs,
 * top_logprobs [0,20], logit_bias, tools, tool_choice, response_format,
 * parallel_tool_calls, and per message name, tool_call_id, tool_calls and
 * the extension "x_edgeway": {"local": true}. null means "not given".
 * Unknown parameters are ignored and dropped: they never reach an upstream,
 * since only parsed fields are forwarded (and scanned for PII). */
int ew_request_parse_json(const char *json, size_t len, ew_request_kind kind, ew_request **out,
                          ew_api_error *err);
/* NULL is a no-op. Only for requests from ew_request_parse_json. */
void ew_request_free(ew_request *req);

#ifdef __cplusplus
}
#endif
#endif
