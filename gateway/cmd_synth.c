/* edgeway synth: write a random-weight model of a real architecture's shape
 * (for benchmarks and tests). */
#include <stdio.h>
#include <string.h>

#include "gateway/commands.h"
#include "gateway/engine_cli.h"
#include "local/tools.h"

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway synth --shape NAME --type TYPE -o FILE [--seed S] [--vocab GGUF]\n"
                "Writes a random-weight GGUF model with the exact shape of a real one.\n"
                "  --shape NAME   one of:");
    for (const char *const *s = ew__synth_shapes(); *s; s++)
        fprintf(to, " %s", *s);
    fprintf(
        to,
        "\n  --type TYPE    F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K_M, Q5_K_M, Q6_K\n"
        "  -o FILE        output path\n"
        "  --seed S       weight seed (default 1)\n"
        "  --vocab GGUF   take the tokenizer from this file, cut or padded to the shape's\n"
        "                 vocab size; default: a byte-level BPE tokenizer\n");
}

int ew_cmd_synth(int argc, char **argv)
{
    ew_synth_params p = {0};
    const char *type = NULL;
    p.seed = 1;
    p.ftype = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!v) {
            usage(stderr);
            return ew_cli_fail("synth", "unexpected or incomplete argument '%s'", a);
        }
        if (!strcmp(a, "--shape"))
            p.shape = v;
        else if (!strcmp(a, "--type"))
            type = v;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            p.out_path = v;
        else if (!strcmp(a, "--vocab"))
            p.vocab_path = v;
        else if (!strcmp(a, "--seed")) {
            if (!ew_cli_u64(v, &p.seed))
                return ew_cli_fail("synth", "--seed takes an unsigned integer");
        } else {
            usage(stderr);
            return ew_cli_fail("synth", "unexpected argument '%s'", a);
        }
        i++;
    }
    if (!p.shape || !type || !p.out_path) {
        usage(stderr);
        return ew_cli_fail("synth", "--shape, --type and -o are required");
    }
    if ((p.ftype = ew__ftype_parse(type)) < 0)
        return ew_cli_fail("synth", "unknown type '%s'", type);
    ew_error err;
    ew_error_clear(&err);
    if (ew__synth(&p, &err)) {
        char msg[1024];
        return ew_cli_fail("synth", "%s", ew_error_format(&err, msg, sizeof msg));
    }
    return 0;
}
