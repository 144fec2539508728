/* edgeway verify: checks a file against its detached signature or a pinned
 * sha256. Exit 0 when it matches, 1 when it does not, 2 on usage errors. */
#include <stdio.h>
#include <string.h>

#include "edgeway/certs.h"
#include "gateway/commands.h"

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway verify --pub PUB.pem [--sig FILE.sig] FILE\n"
                "       edgeway verify --sha256 HEX FILE\n\n"
                "Checks FILE against its detached signature (FILE.sig unless --sig says\n"
                "otherwise; DER or base64, as written by 'edgeway sign' or 'openssl dgst\n"
                "-sha256 -sign'), or against a pinned SHA-256. Exit 0 when it matches,\n"
                "1 when it does not or cannot be read, 2 on usage errors.\n");
}

static int check_signature(const char *pub, const char *sig, const char *file)
{
    ew_error err;
    ew_error_clear(&err);
    ew_sigkey *k = NULL;
    if (ew_sigkey_load(pub, &k, &err)) return ew_cli_fail("verify", "%s", err.message);
    char fp[72];
    ew_sigkey_fingerprint(k, fp);
    ew_cli_progress bar;
    ew_cli_progress_init(&bar, file);
    int st = ew_sig_verify_file(k, file, sig, ew_cli_progress_cb, &bar, &err);
    ew_cli_progress_end(&bar);
    ew_sigkey_free(k);
    if (st) return ew_cli_fail("verify", "%s", err.message);
    printf("%s: signature OK (key %s)\n", file, fp);
    return 0;
}

static int check_sha256(const char *hex, const char *file)
{
    ew_error err;
    ew_error_clear(&err);
    ew_cli_progress bar;
    ew_cli_progress_init(&bar, file);
    int st = ew_sha256_check_file(file, hex, ew_cli_progress_cb, &bar, &err);
    ew_cli_progress_end(&bar);
    if (st) return ew_cli_fail("verify", "%s", err.message);
    printf("%s: sha256 OK\n", file);
    return 0;
}

int ew_cmd_verify(int argc, char **argv)
{
    const char *pub = NULL, *sig = NULL, *sha = NULL, *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--pub") && i + 1 < argc) {
            pub = argv[++i];
        } else if (!strcmp(argv[i], "--sig") && i + 1 < argc) {
            sig = argv[++i];
        } else if (!strcmp(argv[i], "--sha256") && i + 1 < argc) {
            sha = argv[++i];
        } else if (argv[i][0] != '-' && !file) {
            file = argv[i];
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!file || !pub == !sha || (sig && !pub)) {
        usage(stderr);
        return 2;
    }
    return pub ? check_signature(pub, sig, file) : check_sha256(sha, file);
}
