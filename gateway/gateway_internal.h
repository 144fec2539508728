/* Internal to the gateway module: helpers shared by its files. */
#ifndef EW_GATEWAY_INTERNAL_H
#define EW_GATEWAY_INTERNAL_H

#include "core/arena.h"
#include "core/buf.h"
#include "edgeway/gateway.h"

/* Appends the OpenAI error object for e to out. */
int ew__api_error_json(const ew_api_error *e, ew_buf *out);

/* ew_request_parse_json with the strings in a caller's arena (the gateway's
 * per-request one): *out borrows both the arena and nothing else. */
int ew__request_parse(const char *json, size_t len, ew_request_kind kind, ew_arena *a,
                      ew_request *out, ew_api_error *err);
/* The arena cap that lets any valid body of body_len bytes parse. */
size_t ew__request_arena_cap(size_t body_len);

#endif
