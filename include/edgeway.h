/*
 * edgeway: hybrid edge-cloud LLM routing gateway.
 *
 * The one public header. It gathers the per-module headers in edgeway/ so that
 * an embedder includes only this file (as libuv does with uv.h and uv/).
 *
 * Conventions: public names start with ew_; failures are negative ew_status
 * values; handles are opaque, heap objects pair _new/_free and _free(NULL) is a
 * no-op. The library never prints, never exits and never blocks the caller's
 * event loop: it logs only through the sink installed with ew_log_set_sink().
 */
#ifndef EDGEWAY_H
#define EDGEWAY_H

#include "edgeway/core.h"
#include "edgeway/certs.h"
#include "edgeway/request.h"
#include "edgeway/speculative.h"
#include "edgeway/gateway.h"
#include "edgeway/pii.h"
#include "edgeway/tokenizer.h"
#include "edgeway/engine.h"
#include "edgeway/router.h"
#include "edgeway/remote.h"
#include "edgeway/difficulty.h"
#include "edgeway/device.h"

#endif
