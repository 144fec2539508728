/* edgeway quantize: rewrite a GGUF model with another quantization mixture
 * (llama-quantize's recipes, without an importance matrix). */
#include <stdio.h>
#include <string.h>

#include "gateway/commands.h"
#include "gateway/engine_cli.h"
#include "local/tools.h"

static const char usage[] =
    "usage: edgeway quantize [-t THREADS] IN.gguf OUT.gguf TYPE\n"
    "TYPE: F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K_M, Q5_K_M, Q6_K\n";

int ew_cmd_quantize(int argc, char **argv)
{
    const char *pos[3];
    int n_pos = 0;
    long threads = 2;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "-t") && i + 1 < argc) {
            if (!ew_cli_int(argv[++i], 1, 256, &threads))
                return ew_cli_fail("quantize", "-t takes 1..256");
        } else if (n_pos < 3) {
            pos[n_pos++] = argv[i];
        } else {
            fputs(usage, stderr);
            return ew_cli_fail("quantize", "unexpected argument '%s'", argv[i]);
        }
    }
    if (n_pos != 3) {
        fputs(usage, stderr);
        return ew_cli_fail("quantize", "IN, OUT and TYPE are required");
    }
    int ftype = ew__ftype_parse(pos[2]);
    if (ftype < 0) return ew_cli_fail("quantize", "unknown type '%s'", pos[2]);
    ew_cli_log_to_stderr(EW_LOG_WARN); /* the requantizing warning */
    ew_error err;
    ew_error_clear(&err);
    if (ew__quantize_file(pos[0], pos[1], ftype, (int)threads, &err)) {
        char msg[1024];
        return ew_cli_fail("quantize", "%s", ew_error_format(&err, msg, sizeof msg));
    }
    return 0;
}
