/* The library's only way to speak: the embedder's sink. The sink is process
 * state by design (like a signal handler): an embedder installs it once. It is
 * read with atomics so installing it never races with library threads. */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

#include "core/log.h"

typedef struct log_sink {
    ew_log_fn fn;
    void *user;
} log_sink;

static _Atomic(log_sink *) current_sink;
static _Atomic int current_min = EW_LOG_INFO;
/* Two slots so a new sink never overwrites the one a logging thread may be reading. */
static log_sink slots[2];
static _Atomic int slot_next;

void ew_log_set_sink(ew_log_fn fn, void *user, ew_log_level min_level)
{
    if (!fn) {
        atomic_store(&current_sink, NULL);
        return;
    }
    int i = atomic_fetch_add(&slot_next, 1) & 1;
    slots[i].fn = fn;
    slots[i].user = user;
    atomic_store(&current_min, (int)min_level);
    atomic_store(&current_sink, &slots[i]);
}

const char *ew_log_level_name(ew_log_level level)
{
    switch (level) {
    case EW_LOG_DEBUG:
        return "debug";
    case EW_LOG_INFO:
        return "info";
    case EW_LOG_WARN:
        return "warn";
    case EW_LOG_ERROR:
        return "error";
    }
    return "unknown";
}

int ew__log_enabled(ew_log_level level)
{
    return atomic_load(&current_sink) && (int)level >= atomic_load(&current_min);
}

void ew__log(ew_log_level level, const char *request_id, const char *fmt, ...)
{
    log_sink *s = atomic_load(&current_sink);
    if (!s || (int)level < atomic_load(&current_min))
        return;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    s->fn(s->user, level, request_id, msg);
}
