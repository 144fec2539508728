/* edgeway tokenize: the token ids of a text for a model, as a JSON array.
 * By default BOS/EOS are added as the model asks and text that spells a
 * control token becomes that token, which is what llama-server's /tokenize
 * with add_special gives (and what a completion evaluates). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "edgeway.h"
#include "gateway/commands.h"

static void usage(FILE *to)
{
    fprintf(to,
            "usage: edgeway tokenize -m MODEL [options] TEXT\n"
            "       edgeway tokenize -m MODEL [options] -f FILE   (FILE '-' is stdin)\n"
            "       edgeway tokenize -m MODEL --info\n"
            "\n"
            "Prints the token ids of TEXT for the tokenizer of a GGUF model as a JSON array.\n"
            "\n"
            "  -m, --model FILE     GGUF model (only its tokenizer metadata is read)\n"
            "  --no-special         do not add BOS/EOS (llama-server /tokenize add_special=false)\n"
            "  --no-parse-special   tokenize control-token text such as <|im_end|> as plain text\n"
            "  -f, --file FILE      read the text from FILE instead of the command line\n"
            "  --info               print the tokenizer's description and fingerprint as JSON\n"
            "\n"
            "A TEXT that starts with '-' goes after '--' (or last, if it is no option).\n");
}

static int print_info(const ew_tokenizer *tok)
{
    ew_tokenizer_info in;
    ew_tokenizer_get_info(tok, &in);
    ew_buf b;
    ew_buf_init(&b, 4096);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "model");
    ew_jw_string(&w, in.model);
    ew_jw_key(&w, "pre");
    ew_jw_string(&w, in.pre);
    ew_jw_key(&w, "n_vocab");
    ew_jw_int(&w, in.n_vocab);
    const char *names[] = {"bos", "eos", "eot", "eom", "unk", "sep", "pad"};
    ew_token ids[] = {in.bos, in.eos, in.eot, in.eom, in.unk, in.sep, in.pad};
    for (int i = 0; i < 7; i++) {
        ew_jw_key(&w, names[i]);
        if (ids[i] == EW_TOKEN_NULL)
            ew_jw_null(&w);
        else
            ew_jw_int(&w, ids[i]);
    }
    ew_jw_key(&w, "add_bos");
    ew_jw_bool(&w, in.add_bos);
    ew_jw_key(&w, "add_eos");
    ew_jw_bool(&w, in.add_eos);
    ew_jw_key(&w, "fingerprint");
    ew_jw_string(&w, in.fingerprint);
    ew_jw_object_end(&w);
    int rc = w.status ? ew_cli_fail("tokenize", "output too large") : 0;
    if (!rc) printf("%s\n", b.data);
    ew_buf_cleanup(&b);
    return rc;
}

static int print_ids(const ew_tokenizer *tok, const char *text, size_t len, bool add_special,
                     bool parse_special)
{
    size_t cap = ew_tokenizer_max_ids(len), n;
    ew_token *ids = malloc(cap * sizeof *ids);
    if (!ids) return ew_cli_fail("tokenize", "out of memory");
    ew_error err;
    ew_error_clear(&err);
    int st = ew_tokenizer_encode(tok, text, len, add_special, parse_special, ids, cap, &n, &err);
    if (st) {
        free(ids);
        return ew_cli_fail("tokenize", "%s", err.message);
    }
    ew_buf b;
    ew_buf_init(&b, 64 + 12 * n);
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_array_begin(&w);
    for (size_t i = 0; i < n; i++)
        ew_jw_int(&w, ids[i]);
    ew_jw_array_end(&w);
    int rc = w.status ? ew_cli_fail("tokenize", "output too large") : 0;
    if (!rc) printf("%s\n", b.data);
    ew_buf_cleanup(&b);
    free(ids);
    return rc;
}

/* A last argument that looks like an option but is none is the TEXT, so
 * `edgeway tokenize -m M "-5 degrees"` works without "--". */
static bool known_option(const char *a)
{
    static const char *const opts[] = {"-h",     "--help", "-m",           "--model",
                                       "-f",     "--file", "--no-special", "--no-parse-special",
                                       "--info", "--"};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        if (!strcmp(a, opts[i])) return true;
    return false;
}

int ew_cmd_tokenize(int argc, char **argv)
{
    const char *model = NULL, *file = NULL, *text = NULL;
    bool add_special = true, parse_special = true, info = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if ((!strcmp(a, "-m") || !strcmp(a, "--model")) && i + 1 < argc) {
            model = argv[++i];
        } else if ((!strcmp(a, "-f") || !strcmp(a, "--file")) && i + 1 < argc) {
            file = argv[++i];
        } else if (!strcmp(a, "--no-special")) {
            add_special = false;
        } else if (!strcmp(a, "--no-parse-special")) {
            parse_special = false;
        } else if (!strcmp(a, "--info")) {
            info = true;
        } else if (!strcmp(a, "--")) {
            if (i + 1 < argc && !text) text = argv[++i];
        } else if (a[0] == '-' && a[1] && !(i == argc - 1 && !text && !known_option(a))) {
            usage(stderr);
            return ew_cli_fail("tokenize", "unknown or incomplete option '%s'", a);
        } else if (!text) {
            text = a;
        } else {
            usage(stderr);
            return ew_cli_fail("tokenize", "more than one TEXT given");
        }
    }
    if (!model || (!info && !text == !file)) {
        usage(stderr);
        return 2;
    }
    ew_tokenizer *tok = NULL;
    ew_error err;
    ew_error_clear(&err);
    if (ew_tokenizer_open(model, &tok, &err)) {
        char msg[1024];
        return ew_cli_fail("tokenize", "%s", ew_error_format(&err, msg, sizeof msg));
    }
    int rc;
    if (info) {
        rc = print_info(tok);
    } else if (file) {
        ew_buf in;
        ew_buf_init(&in, EW_TOKENIZER_MAX_TEXT);
        if (ew_cli_read_file(file, &in, &err))
            rc = ew_cli_fail("tokenize", "%s", err.message);
        else
            rc = print_ids(tok, in.data ? in.data : "", in.len, add_special, parse_special);
        ew_buf_cleanup(&in);
    } else {
        rc = print_ids(tok, text, strlen(text), add_special, parse_special);
    }
    ew_tokenizer_free(tok);
    return rc;
}
