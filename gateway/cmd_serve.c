/* edgeway serve -c FILE [--listen HOST:PORT]: the daemon.
 *
 * Loads the config, binds the gateway on the libevent loop and logs one JSON
 * object per line on stderr: "listening on ADDR" per listener, one "access"
 * line per request (no prompt text), reloads and shutdown. SIGHUP reloads
 * the config atomically (a bad file leaves the running config in force);
 * SIGTERM or SIGINT drains in-flight requests within server.limits.
 * drain_timeout and exits 0; a second one exits at once.
 */
#include <event2/event.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "gateway/commands.h"
#include "gateway/server.h"
#include "policy/config.h"

typedef struct serve {
    const char *path;
    const char *listen;
    struct event_base *base;
    ew_config *cfg;
    ew__gateway *gw;
    bool access_log;
    bool draining;
} serve;

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway serve -c FILE [--listen HOST:PORT]\n\n"
                "Serves the OpenAI API (/v1/chat/completions, /v1/completions, /v1/models)\n"
                "and /healthz, /readyz on the listeners of FILE (docs/config.md).\n\n"
                "  -c, --config FILE    the YAML config\n"
                "  --listen HOST:PORT   listen here instead ([::1]:PORT for IPv6; port 0 picks\n"
                "                       a free port, logged as \"listening on ADDR\")\n\n"
                "Logs are JSON lines on stderr. SIGHUP reloads FILE (a bad file is logged and\n"
                "the running config stays); SIGTERM/SIGINT drain in-flight requests, then exit.\n");
}

static void log_config_errors(const ew_config_errors *errs)
{
    for (int i = 0; i < errs->n; i++) {
        char line[1024];
        ew__error(NULL, "%s", ew_error_format(&errs->items[i], line, sizeof line));
    }
    if (errs->dropped) ew__error(NULL, "... and %d more error(s)", errs->dropped);
}

static void access_fields(ew_jw *w, void *arg)
{
    const ew__access_record *r = arg;
    ew_jw_key(w, "method");
    ew_jw_string(w, r->method);
    ew_jw_key(w, "path");
    ew_jw_string(w, r->path);
    ew_jw_key(w, "status");
    ew_jw_int(w, r->status);
    ew_jw_key(w, "duration_us");
    ew_jw_uint(w, r->duration_us);
    ew_jw_key(w, "bytes_in");
    ew_jw_uint(w, r->bytes_in);
    ew_jw_key(w, "bytes_out");
    ew_jw_uint(w, r->bytes_out);
    ew_jw_key(w, "peer");
    ew_jw_string(w, r->peer);
    if (r->model) {
        ew_jw_key(w, "model");
        ew_jw_string(w, r->model);
    }
    if (r->error_type) {
        ew_jw_key(w, "error_type");
        ew_jw_string(w, r->error_type);
    }
    if (r->stream) {
        ew_jw_key(w, "stream");
        ew_jw_bool(w, true);
    }
    if (r->aborted) {
        ew_jw_key(w, "aborted");
        ew_jw_bool(w, true);
    }
}

static void on_access(void *user, const ew__access_record *rec)
{
    serve *s = user;
    if (s->access_log)
        ew_cli_log_json(EW_LOG_INFO, rec->request_id, "access", access_fields, (void *)rec);
}

/* libevent's own warnings join our log instead of raw stderr lines. */
static void libevent_log(int severity, const char *msg)
{
    ew_log_level l = severity >= EVENT_LOG_ERR    ? EW_LOG_ERROR
                     : severity == EVENT_LOG_WARN ? EW_LOG_WARN
                     : severity == EVENT_LOG_MSG  ? EW_LOG_INFO
                                                  : EW_LOG_DEBUG;
    ew__log(l, NULL, "libevent: %s", msg);
}

static void apply_log_config(serve *s)
{
    ew_cli_log_to_stderr(s->cfg->log.level);
    s->access_log = s->cfg->log.access_log;
}

static void on_hup(evutil_socket_t sig, short what, void *arg)
{
    serve *s = arg;
    (void)sig;
    (void)what;
    ew_config *next = NULL;
    ew_config_errors errs;
    /* A small file read on the loop: reloads are rare and an admin's act. */
    if (ew_config_load_file(s->path, &next, &errs)) {
        log_config_errors(&errs);
        ew__error(NULL, "reload of %s failed; the running config stays in force", s->path);
        return;
    }
    ew__gateway_set_config(s->gw, next);
    ew_config_unref(s->cfg);
    s->cfg = next;
    apply_log_config(s);
    ew__info(NULL, "config reloaded from %s", s->path);
}

static void on_drained(void *arg)
{
    serve *s = arg;
    ew__info(NULL, "drained; exiting");
    event_base_loopexit(s->base, NULL);
}

static void on_term(evutil_socket_t sig, short what, void *arg)
{
    serve *s = arg;
    (void)what;
    if (s->draining) {
        ew__warn(NULL, "signal %d while draining: exiting now", (int)sig);
        event_base_loopexit(s->base, NULL);
        return;
    }
    s->draining = true;
    ew__info(NULL, "signal %d: draining in-flight requests (deadline %d ms)", (int)sig,
             s->cfg->server.limits.drain_timeout_ms);
    ew__gateway_drain(s->gw, on_drained, s);
}

static int parse_args(serve *s, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if ((!strcmp(a, "-c") || !strcmp(a, "--config")) && i + 1 < argc) {
            s->path = argv[++i];
        } else if (!strcmp(a, "--listen") && i + 1 < argc) {
            s->listen = argv[++i];
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!s->path) {
        usage(stderr);
        return 2;
    }
    return -1;
}

/* Runs the loop until a drain finishes; the gateway is bound. */
static int run(serve *s)
{
    static const int sigs[] = {SIGHUP, SIGTERM, SIGINT};
    struct event *evs[3] = {NULL, NULL, NULL};
    int rc = 0;
    for (int i = 0; i < 3; i++) {
        evs[i] = evsignal_new(s->base, sigs[i], sigs[i] == SIGHUP ? on_hup : on_term, s);
        if (!evs[i] || evsignal_add(evs[i], NULL)) {
            ew__error(NULL, "cannot install signal handlers");
            rc = 1;
            goto out;
        }
    }
    if (event_base_dispatch(s->base) < 0) {
        ew__error(NULL, "the event loop failed");
        rc = 1;
    }
out:
    for (int i = 0; i < 3; i++)
        if (evs[i]) event_free(evs[i]);
    return rc;
}

int ew_cmd_serve(int argc, char **argv)
{
    serve s = {0};
    int rc = parse_args(&s, argc, argv);
    if (rc >= 0) return rc;
    ew_cli_log_to_stderr(EW_LOG_INFO);
    event_set_log_callback(libevent_log);
    /* Writes to a closed socket fail with EPIPE instead of killing us. */
    signal(SIGPIPE, SIG_IGN);
    ew_config_errors errs;
    if (ew_config_load_file(s.path, &s.cfg, &errs)) {
        log_config_errors(&errs);
        ew__error(NULL, "cannot start: %s is not a valid config", s.path);
        return 1;
    }
    apply_log_config(&s);
    rc = 1;
    s.base = event_base_new();
    if (!s.base) {
        ew__error(NULL, "cannot create the event loop");
        goto out;
    }
    ew__gateway_opts o = {s.base, s.cfg, s.listen, on_access, &s};
    ew_error err;
    ew_error_clear(&err);
    if (ew__gateway_new(&o, &s.gw, &err)) {
        ew__error(NULL, "cannot start: %s", err.message);
        goto out;
    }
    rc = run(&s);
out:
    ew__gateway_free(s.gw);
    if (s.base) event_base_free(s.base);
    ew_config_unref(s.cfg);
    return rc;
}
