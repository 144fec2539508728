/* edgeway public API: the OpenAI error object the gateway answers with. */
#ifndef EDGEWAY_GATEWAY_H
#define EDGEWAY_GATEWAY_H

#include <stddef.h>

#include "edgeway/core.h"

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

#ifdef __cplusplus
}
#endif
#endif
