/* edgeway check -c FILE: validates a config and prints every error as
 * file:line:col: message, or a one-line summary. */
#include <stdio.h>
#include <string.h>

#include "certs/tls_listener.h"
#include "gateway/commands.h"
#include "policy/config.h"
#include "router/router_internal.h"

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway check -c FILE\n\n"
                "Loads FILE with the same strict validation as 'edgeway serve' and prints\n"
                "every error as file:line:col: message (exit 1), or a one-line summary\n"
                "(exit 0). docs/config.md describes every key.\n");
}

static void print_errors(const ew_config_errors *errs)
{
    for (int i = 0; i < errs->n; i++) {
        char line[1024];
        fprintf(stderr, "%s\n", ew_error_format(&errs->items[i], line, sizeof line));
    }
    if (errs->dropped)
        fprintf(stderr, "... and %d more error%s\n", errs->dropped, errs->dropped == 1 ? "" : "s");
}

static const char *plural(int n)
{
    return n == 1 ? "" : "s";
}

int ew_cmd_check(int argc, char **argv)
{
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        }
        if ((!strcmp(argv[i], "-c") || !strcmp(argv[i], "--config")) && i + 1 < argc) {
            path = argv[++i];
            continue;
        }
        usage(stderr);
        return 2;
    }
    if (!path) {
        usage(stderr);
        return 2;
    }
    ew_config_errors errs;
    ew_config *cfg = NULL;
    if (ew_config_load_file(path, &cfg, &errs)) {
        print_errors(&errs);
        return 1;
    }
    /* TLS files are parsed as serve would: a key that does not match its
     * certificate, or a CA that does not parse, is found here. */
    int bad = 0;
    for (int i = 0; i < cfg->server.n_listeners; i++) {
        ew_tls_server *tls = NULL;
        ew_error err;
        if (cfg->server.listeners[i].tls_cert &&
            ew__tls_listener_apply(&cfg->server.listeners[i], &tls, &err)) {
            fprintf(stderr, "%s: %s\n", path, err.message);
            bad++;
        }
        ew_tls_server_free(tls);
    }
    /* The router is built as serve would: the PII scanner and the difficulty
     * weights the config names must load. */
    ew_router *router = NULL;
    ew_error rerr;
    if (!bad && ew__router_new_config(cfg, &router, &rerr)) {
        char line[1024];
        fprintf(stderr, "%s\n", ew_error_format(&rerr, line, sizeof line));
        bad++;
    }
    ew_router_free(router);
    if (bad) {
        ew_config_unref(cfg);
        return 1;
    }
    int nl = cfg->server.n_listeners, nm = cfg->n_models, nb = cfg->n_backends,
        nr = cfg->routing->n_rules;
    printf("%s: ok: %d listener%s, %d model%s, %d backend%s, %d rule%s, default route %s\n", path,
           nl, plural(nl), nm, plural(nm), nb, plural(nb), nr, plural(nr),
           ew_route_name(cfg->routing->default_action.route));
    ew_config_unref(cfg);
    return 0;
}
