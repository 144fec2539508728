/* Internal helpers to fill an ew_error. Each returns `status` so that callers
 * can write `return ew__error_set(err, EW_ERR_PARSE, "...")`. err may be NULL. */
#ifndef EW_CORE_ERROR_H
#define EW_CORE_ERROR_H

#include "edgeway/core.h"

int ew__error_set(ew_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ew__error_at(ew_error *err, int status, const char *file, int line, int column,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
