/* Internal logging: every library message goes through the embedder's sink
 * (ew_log_set_sink). Cheap when no sink is installed or the level is off. */
#ifndef EW_CORE_LOG_H
#define EW_CORE_LOG_H

#include "edgeway/core.h"

/* True when a message at this level would reach a sink. */
int ew__log_enabled(ew_log_level level);
/* Formats and delivers one message; request_id may be NULL. Messages longer
 * than 2 KiB are truncated. Never logs prompt text or secrets: callers' duty. */
void ew__log(ew_log_level level, const char *request_id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define ew__debug(rid, ...) ew__log(EW_LOG_DEBUG, rid, __VA_ARGS__)
#define ew__info(rid, ...) ew__log(EW_LOG_INFO, rid, __VA_ARGS__)
#define ew__warn(rid, ...) ew__log(EW_LOG_WARN, rid, __VA_ARGS__)
#define ew__error(rid, ...) ew__log(EW_LOG_ERROR, rid, __VA_ARGS__)

#endif
