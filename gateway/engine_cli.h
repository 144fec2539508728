/* Option parsing shared by the engine subcommands (generate, logits, bench
 * tools): strict numbers and the common model/session flags. */
#ifndef EW_GATEWAY_ENGINE_CLI_H
#define EW_GATEWAY_ENGINE_CLI_H

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "edgeway.h"

/* A whole-string integer in [lo, hi]. */
static inline bool ew_cli_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

static inline bool ew_cli_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (*s == '-') return false;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end) return false;
    *out = v;
    return true;
}

/* A whole-string finite float in [lo, hi]. */
static inline bool ew_cli_float(const char *s, double lo, double hi, float *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v) || v < lo || v > hi) return false;
    *out = (float)v;
    return true;
}

/* Flags every engine command takes. */
typedef struct ew_engine_opts {
    const char *model;
    const char *sha256;
    ew_session_params sp;
} ew_engine_opts;

static inline void ew_engine_opts_init(ew_engine_opts *o)
{
    memset(o, 0, sizeof *o);
    ew_session_params_init(&o->sp);
    o->sp.n_threads = 2;
}

/* Consumes argv[*i] (and its value) if it is a common engine flag. Returns
 * 1 when consumed, 0 when not one of them, -1 on a bad value (message in
 * *why). */
static inline int ew_engine_opt(ew_engine_opts *o, int argc, char **argv, int *i, const char **why)
{
    const char *a = argv[*i];
    const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    long n;
    if (!strcmp(a, "-m") || !strcmp(a, "--model")) {
        if (!v) return *why = "-m needs a model path", -1;
        o->model = v;
    } else if (!strcmp(a, "--sha256")) {
        if (!v) return *why = "--sha256 needs 64 hex digits", -1;
        o->sha256 = v;
    } else if (!strcmp(a, "-t") || !strcmp(a, "--threads")) {
        if (!v || !ew_cli_int(v, 1, 256, &n)) return *why = "-t needs a thread count 1..256", -1;
        o->sp.n_threads = (int)n;
    } else if (!strcmp(a, "-c") || !strcmp(a, "--ctx")) {
        if (!v || !ew_cli_int(v, 1, 1 << 20, &n)) return *why = "--ctx needs a context size", -1;
        o->sp.n_ctx = (int)n;
    } else if (!strcmp(a, "-b") || !strcmp(a, "--batch")) {
        if (!v || !ew_cli_int(v, 1, 8192, &n))
            return *why = "--batch needs a batch size 1..8192", -1;
        o->sp.n_batch = (int)n;
    } else if (!strcmp(a, "--kv")) {
        if (!v || (strcmp(v, "f16") && strcmp(v, "f32"))) return *why = "--kv takes f16 or f32", -1;
        o->sp.kv_type = !strcmp(v, "f32") ? EW_KV_F32 : EW_KV_F16;
    } else {
        return 0;
    }
    (*i)++;
    return 1;
}

#define EW_ENGINE_OPTS_HELP                                                                        \
    "  -m, --model FILE    GGUF model (required)\n"                                                \
    "  --sha256 HEX        refuse the model unless its SHA-256 matches\n"                          \
    "  -t, --threads N     threads (default 2)\n"                                                  \
    "  -c, --ctx N         context size (default min(training context, 4096))\n"                   \
    "  -b, --batch N       tokens per forward pass (default 256)\n"                                \
    "  --kv f16|f32        KV cache type (default f16)\n"

#endif
