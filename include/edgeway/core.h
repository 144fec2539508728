/* edgeway public API: status codes, error details, logging. */
#ifndef EDGEWAY_CORE_H
#define EDGEWAY_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One list gives every status: name, value, message. EW_OK is 0 and every
 * failure is negative, so `if (st < 0)` catches them all. */
#define EW_STATUS_MAP(X)                                                                           \
    X(OK, 0, "success")                                                                            \
    X(ERR_NOMEM, -1, "out of memory")                                                              \
    X(ERR_INVALID, -2, "invalid argument")                                                         \
    X(ERR_TOO_LARGE, -3, "input exceeds a configured limit")                                       \
    X(ERR_PARSE, -4, "malformed input")                                                            \
    X(ERR_UTF8, -5, "invalid UTF-8")                                                               \
    X(ERR_IO, -6, "I/O error")                                                                     \
    X(ERR_NOT_FOUND, -7, "not found")                                                              \
    X(ERR_UNSUPPORTED, -8, "unsupported")                                                          \
    X(ERR_CONFIG, -9, "invalid configuration")                                                     \
    X(ERR_TIMEOUT, -10, "timed out")                                                               \
    X(ERR_BUSY, -11, "busy, try again later")                                                      \
    X(ERR_UNAVAILABLE, -12, "backend unavailable")                                                 \
    X(ERR_DENIED, -13, "denied by policy")                                                         \
    X(ERR_CANCELLED, -14, "cancelled")                                                             \
    X(ERR_INTEGRITY, -15, "integrity check failed")                                                \
    X(ERR_UPSTREAM, -16, "upstream error")                                                         \
    X(ERR_AUTH, -17, "authentication failed")                                                      \
    X(ERR_RATE_LIMIT, -18, "rate limit exceeded")                                                  \
    X(ERR_STATE, -19, "operation not valid in the current state")                                  \
    X(ERR_INTERNAL, -20, "internal error")

typedef enum ew_status {
#define EW__STATUS_ENUM(name, value, msg) EW_##name = value,
    EW_STATUS_MAP(EW__STATUS_ENUM)
#undef EW__STATUS_ENUM
} ew_status;

/* Returns a static, human-readable message; never NULL (unknown codes included). */
const char *ew_strerror(int status);
/* Returns the symbolic name without the prefix, e.g. "ERR_PARSE"; never NULL. */
const char *ew_status_name(int status);

/* Details of a failure a user can act on. Callers pass one in (or NULL);
 * file/line/column are set when the failure has a place in an input file. */
typedef struct ew_error {
    int status;
    int line;   /* 1-based; 0 when not applicable */
    int column; /* 1-based; 0 when not applicable */
    char file[256];
    char message[512];
} ew_error;

/* Clears *err (no-op when err is NULL). */
void ew_error_clear(ew_error *err);
/* Formats "file:line:col: message" (or just the message) into out; returns out. */
const char *ew_error_format(const ew_error *err, char *out, size_t out_size);

/* ---- logging --------------------------------------------------------------- */

typedef enum ew_log_level {
    EW_LOG_DEBUG = 0,
    EW_LOG_INFO = 1,
    EW_LOG_WARN = 2,
    EW_LOG_ERROR = 3,
} ew_log_level;

/* A log sink receives one finished message. request_id is NULL outside a
 * request. The sink may be called from any library thread concurrently. */
typedef void (*ew_log_fn)(void *user, ew_log_level level, const char *request_id,
                          const char *message);

/* Installs the process-wide sink (NULL silences the library) and the lowest
 * level passed to it. Without a sink the library is silent. */
void ew_log_set_sink(ew_log_fn fn, void *user, ew_log_level min_level);

const char *ew_log_level_name(ew_log_level level);

/* The library's version string, e.g. "0.1.0". */
const char *ew_version(void);

#ifdef __cplusplus
}
#endif
#endif
