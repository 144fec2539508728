/* edgeway sign: detached ECDSA P-256 signatures for config and model files,
 * and key pairs to make them with. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "edgeway/certs.h"
#include "gateway/commands.h"

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway sign --key KEY.pem [--out SIG] FILE...\n"
                "       edgeway sign --new-key NAME\n\n"
                "Writes FILE.sig next to each FILE: the DER ECDSA P-256 signature over the\n"
                "file's SHA-256, the same bytes as 'openssl dgst -sha256 -sign KEY.pem'.\n"
                "KEY.pem is an unencrypted EC P-256 private key (PEM or DER).\n"
                "--out names the signature file (one FILE only).\n"
                "--new-key writes a fresh key pair: NAME.key (private, mode 0600) and\n"
                "NAME.pub (public; give it to 'edgeway verify --pub' and to the gateway).\n");
}

/* Creates path exclusively with the given mode and writes s to it. */
static int write_new(const char *path, const char *s, int mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return ew_cli_fail("sign", "%s: %s", path, strerror(errno));
    size_t len = strlen(s);
    ssize_t w = write(fd, s, len);
    if (close(fd) != 0 || w != (ssize_t)len) {
        unlink(path);
        return ew_cli_fail("sign", "%s: write failed", path);
    }
    return 0;
}

static int new_key(const char *name)
{
    char priv_path[4096], pub_path[4096], pem[2048];
    if (snprintf(priv_path, sizeof priv_path, "%s.key", name) >= (int)sizeof priv_path ||
        snprintf(pub_path, sizeof pub_path, "%s.pub", name) >= (int)sizeof pub_path)
        return ew_cli_fail("sign", "%s: name too long", name);
    ew_error err;
    ew_error_clear(&err);
    ew_sigkey *k = NULL;
    if (ew_sigkey_generate(&k, &err)) return ew_cli_fail("sign", "%s", err.message);
    int rc = 1;
    if (ew_sigkey_write_pem(k, true, pem, sizeof pem, &err) == EW_OK &&
        write_new(priv_path, pem, 0600) == 0) {
        if (ew_sigkey_write_pem(k, false, pem, sizeof pem, &err) == EW_OK &&
            write_new(pub_path, pem, 0644) == 0) {
            char fp[72];
            ew_sigkey_fingerprint(k, fp);
            printf("wrote %s (keep it secret) and %s (%s)\n", priv_path, pub_path, fp);
            rc = 0;
        } else {
            unlink(priv_path);
        }
    }
    if (rc && err.message[0]) ew_cli_fail("sign", "%s", err.message);
    memset(pem, 0, sizeof pem);
    ew_sigkey_free(k);
    return rc;
}

int ew_cmd_sign(int argc, char **argv)
{
    const char *key_path = NULL, *out = NULL, *new_name = NULL;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--key") && i + 1 < argc) {
            key_path = argv[++i];
        } else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strcmp(argv[i], "--new-key") && i + 1 < argc) {
            new_name = argv[++i];
        } else if (argv[i][0] == '-' && strcmp(argv[i], "-")) {
            usage(stderr);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (new_name) {
        if (key_path || out || first < argc) {
            usage(stderr);
            return 2;
        }
        return new_key(new_name);
    }
    if (!key_path || first == argc || (out && argc - first != 1)) {
        usage(stderr);
        return 2;
    }
    ew_error err;
    ew_error_clear(&err);
    ew_sigkey *k = NULL;
    if (ew_sigkey_load(key_path, &k, &err)) return ew_cli_fail("sign", "%s", err.message);
    if (!ew_sigkey_has_private(k)) {
        ew_sigkey_free(k);
        return ew_cli_fail("sign", "%s: a public key cannot sign; give the private key", key_path);
    }
    char fp[72];
    ew_sigkey_fingerprint(k, fp);
    int rc = 0;
    for (int i = first; i < argc; i++) {
        ew_cli_progress bar;
        ew_cli_progress_init(&bar, argv[i]);
        int st = ew_sig_sign_file(k, argv[i], out, ew_cli_progress_cb, &bar, &err);
        ew_cli_progress_end(&bar);
        if (st) {
            rc = ew_cli_fail("sign", "%s", err.message);
            continue;
        }
        if (out)
            printf("signed %s -> %s (key %s)\n", argv[i], out, fp);
        else
            printf("signed %s -> %s.sig (key %s)\n", argv[i], argv[i], fp);
    }
    ew_sigkey_free(k);
    return rc;
}
