/* Internal: the router for the gateway, which loads (and reloads) its config
 * itself and hands the same ew_config to the router. */
#ifndef EW_ROUTER_ROUTER_INTERNAL_H
#define EW_ROUTER_ROUTER_INTERNAL_H

#include <stdint.h>

#include "edgeway/router.h"
#include "policy/config.h"

/* Build from / switch to a loaded config (the router takes its own reference). */
int ew__router_new_config(ew_config *cfg, ew_router **out, ew_error *err);
int ew__router_set_config(ew_router *r, ew_config *cfg, ew_error *err);
/* The config in force now, as a new reference (ew_config_unref it). */
ew_config *ew__router_config(ew_router *r);

/* The PII scanner in force (NULL: detection is off) and its config (cfg may
 * be NULL), for routes that scan again the way the router did; valid until
 * ew__router_scanner_release. */
struct ew_pii_scanner;
const struct ew_pii_scanner *ew__router_scanner_hold(ew_router *r, const ew_config **cfg,
                                                     void **hold);
void ew__router_scanner_release(void *hold);

/* Prompt tokens estimated without a tokenizer, near what BPE vocabularies of
 * 32k-150k entries give: a run of letters is about one token per 4 bytes, a
 * run of digits one per 3, other ASCII symbols one each (spaces join the next
 * word), and every non-ASCII character about one (router/estimate.c). */
int64_t ew__estimate_tokens(const char *text, size_t len);

#endif
