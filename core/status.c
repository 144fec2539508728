/* Status codes and error details (the list lives in edgeway/core.h). */
#include <stdio.h>
#include <string.h>

#include "core/error.h"

const char *ew_strerror(int status)
{
    switch (status) {
#define EW__STATUS_MSG(name, value, msg)                                                           \
    case value:                                                                                    \
        return msg;
        EW_STATUS_MAP(EW__STATUS_MSG)
#undef EW__STATUS_MSG
    }
    return "unknown status";
}

const char *ew_status_name(int status)
{
    switch (status) {
#define EW__STATUS_NAME(name, value, msg)                                                          \
    case value:                                                                                    \
        return #name;
        EW_STATUS_MAP(EW__STATUS_NAME)
#undef EW__STATUS_NAME
    }
    return "UNKNOWN";
}

const char *ew_version(void)
{
    return EW_VERSION;
}

void ew_error_clear(ew_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

static void error_vset(ew_error *err, int status, const char *file, int line, int column,
                       const char *fmt, va_list ap)
{
    err->status = status;
    err->line = line;
    err->column = column;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

int ew__error_set(ew_error *err, int status, const char *fmt, ...)
{
    if (!err)
        return status;
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, status, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return status;
}

int ew__error_at(ew_error *err, int status, const char *file, int line, int column,
                 const char *fmt, ...)
{
    if (!err)
        return status;
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, status, file, line, column, fmt, ap);
    va_end(ap);
    return status;
}

const char *ew_error_format(const ew_error *err, char *out, size_t out_size)
{
    if (!out_size)
        return out;
    if (!err) {
        snprintf(out, out_size, "no error");
    } else if (err->file[0] && err->line > 0) {
        snprintf(out, out_size, "%s:%d:%d: %s", err->file, err->line, err->column,
                 err->message[0] ? err->message : ew_strerror(err->status));
    } else if (err->file[0]) {
        snprintf(out, out_size, "%s: %s", err->file,
                 err->message[0] ? err->message : ew_strerror(err->status));
    } else {
        snprintf(out, out_size, "%s", err->message[0] ? err->message : ew_strerror(err->status));
    }
    return out;
}
