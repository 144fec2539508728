/* Private to local/runner*.c. */
#ifndef EW_LOCAL_RUNNER_PRIV_H
#define EW_LOCAL_RUNNER_PRIV_H

#include "local/runner.h"

/* runner_gen.c: the generation job's function; arg is its ew__gen_input. */
int ew__runner_gen_run(ew__runner_ctx *ctx, void *arg, ew__runner_result *res, ew_error *err);

#endif
