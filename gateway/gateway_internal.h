/* Internal to the gateway module: helpers shared by its files. */
#ifndef EW_GATEWAY_INTERNAL_H
#define EW_GATEWAY_INTERNAL_H

#include "core/buf.h"
#include "edgeway/gateway.h"

/* Appends the OpenAI error object for e to out. */
int ew__api_error_json(const ew_api_error *e, ew_buf *out);

#endif
