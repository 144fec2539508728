/* edgeway quantize: convert a GGUF model to another file type, like
 * llama-quantize. The work is ew_model_quantize; this prints progress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgeway.h"
#include "gateway/commands.h"

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway quantize [options] IN.gguf OUT.gguf TYPE\n"
                "\n"
                "Writes OUT.gguf with the tensors of IN.gguf converted to TYPE:\n"
                "  F16, BF16, F32, Q8_0, Q4_0, Q4_K_M, Q5_K_M, Q6_K\n"
                "The _M types mix tensor types as llama.cpp does (output and some attn_v and\n"
                "ffn_down layers at Q6_K; rows that are not a multiple of 256 fall back to\n"
                "Q5_0/Q5_1/Q8_0). Norms and biases stay F32. Already quantized inputs are\n"
                "dequantized first, with a warning.\n"
                "\n"
                "  -t, --threads N   threads to convert with (default 1)\n"
                "  -q, --quiet       no per-tensor lines\n");
}

static void on_tensor(void *user, const ew_tensor_report *r)
{
    (void)user;
    fprintf(stderr, "[%4d/%4d] %-36s %-5s -> %-5s %10.2f KiB%s%s\n", r->index + 1, r->count,
            r->name, r->from, r->to, (double)r->bytes / 1024.0,
            r->fallback ? "  (fallback: row length)" : "", r->requantized ? "  (requantized)" : "");
}

static bool parse_threads(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end != 0 || v < 1 || v > 256) return false;
    *out = (int)v;
    return true;
}

int ew_cmd_quantize(int argc, char **argv)
{
    ew_quantize_params p;
    ew_quantize_params_init(&p);
    p.on_tensor = on_tensor;
    const char *pos[3];
    int n_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            p.on_tensor = NULL;
        } else if (!strcmp(a, "-t") || !strcmp(a, "--threads")) {
            if (i + 1 >= argc || !parse_threads(argv[++i], &p.n_threads))
                return ew_cli_fail("quantize", "-t needs a thread count from 1 to 256");
        } else if (a[0] == '-' && a[1]) {
            usage(stderr);
            return ew_cli_fail("quantize", "unknown option %s", a);
        } else if (n_pos < 3) {
            pos[n_pos++] = a;
        } else {
            usage(stderr);
            return ew_cli_fail("quantize", "too many arguments");
        }
    }
    if (n_pos != 3) {
        usage(stderr);
        return 2;
    }
    if (ew_ftype_parse(pos[2], &p.ftype))
        return ew_cli_fail("quantize", "unknown type '%s' (see --help)", pos[2]);
    ew_cli_log_to_stderr(EW_LOG_WARN);
    ew_error err;
    char msg[1024];
    ew_error_clear(&err);
    ew_quantize_stats s;
    if (ew_model_quantize(pos[0], pos[1], &p, &s, &err))
        return ew_cli_fail("quantize", "%s", ew_error_format(&err, msg, sizeof msg));
    fprintf(stderr, "%s: %d tensors, %.2f MiB -> %.2f MiB (%s)", pos[1], s.n_tensors,
            (double)s.bytes_in / 1048576.0, (double)s.bytes_out / 1048576.0,
            ew_ftype_name(p.ftype));
    if (s.n_fallback) fprintf(stderr, ", %d by row-length fallback", s.n_fallback);
    if (s.n_requantized) fprintf(stderr, ", %d requantized", s.n_requantized);
    fputc('\n', stderr);
    return 0;
}
