/* edgeway serve -c FILE [--listen [http[s]://]HOST:PORT]: the daemon.
 *
 * Loads the config, binds the gateway on the libevent loop and logs one JSON
 * object per line on stderr: "listening on ADDR" per listener, one "access"
 * line per request (no prompt text), reloads and shutdown. SIGHUP reloads
 * the config atomically (a bad file leaves the running config in force);
 * SIGTERM or SIGINT drains in-flight requests within server.limits.
 * drain_timeout and exits 0; a second one exits at once.
 */
#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "certs/config_trust.h"
#include "core/error.h"
#include "core/log.h"
#include "gateway/commands.h"
#include "gateway/loop.h"
#include "gateway/server.h"
#include "policy/config.h"
#include "remote/remote.h"

/* A reload in progress. The file is read and checked, and new or changed
 * models loaded (and hashed), on a thread of its own: that takes seconds
 * for a real model, and the loop must keep serving meanwhile. The switch
 * itself happens back on the loop, woken by a byte on the pipe. */
typedef struct reloader {
    pthread_t thread;
    bool running;
    int pipe[2];
    struct event *ev;
    struct ew__engines_plan *plan;
    ew_config *next;
    int st;
    ew_error err;
    ew__reload_done_fn done;
    void *done_arg;
} reloader;

typedef struct serve {
    const char *path;
    const char *listen;
    const char *config_key; /* --config-key */
    ew__config_trust trust;
    struct event_base *base;
    ew_config *cfg;
    ew__gateway *gw;
    bool access_log;
    bool draining;
    reloader rl;
} serve;

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway serve -c FILE [--listen ADDR] [--config-key PUB]\n\n"
                "Serves the OpenAI API (/v1/chat/completions, /v1/completions, /v1/models),\n"
                "answered by the route the policy picks (local model, cloud backend, cascade\n"
                "or a refusal), plus /healthz, /readyz, /metrics, /v1/edgeway/route,\n"
                "/v1/edgeway/device and POST /admin/reload (admin key), on the listeners of\n"
                "FILE (docs/config.md).\n\n"
                "  -c, --config FILE    the YAML config\n"
                "  --listen ADDR        HOST:PORT to listen on instead ([::1]:PORT for IPv6;\n"
                "                       port 0 picks a free port, logged as \"listening on\n"
                "                       ADDR\"), with the TLS settings of the config's first\n"
                "                       TLS listener if it has one; http://HOST:PORT forces\n"
                "                       plaintext, https://HOST:PORT requires TLS\n"
                "  --config-key PUB     every config (at start and on SIGHUP) must carry a\n"
                "                       valid signature FILE.sig by this ECDSA P-256 key\n\n"
                "With require_signed_config: true the config must be signed by its\n"
                "signing_key, and so must every reload. Models pinned by sha256 or marked\n"
                "signed are verified before serving (a progress bar on a terminal).\n"
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

/* A member whose value may be missing; key is a name literal (EW_JW_KEY). */
#define OPT_STRING(w, key, v)                                                                      \
    do {                                                                                           \
        const char *v_ = (v);                                                                      \
        if (v_) {                                                                                  \
            EW_JW_KEY(w, key);                                                                     \
            ew_jw_string(w, v_);                                                                   \
        }                                                                                          \
    } while (0)

/* What the router decided and what answered: names, counts and timings,
 * never prompt text (PII appears as type counts). */
static void decision_fields(ew_jw *w, const ew__access_record *r)
{
    OPT_STRING(w, "route", r->route);
    OPT_STRING(w, "rule", r->rule);
    OPT_STRING(w, "backend", r->backend);
    OPT_STRING(w, "key", r->key);
    if (r->fell_back) {
        EW_JW_KEY(w, "fallback");
        ew_jw_bool(w, true);
    }
    if (r->has_ttft) {
        EW_JW_KEY(w, "ttft_us");
        ew_jw_uint(w, r->ttft_us);
    }
    if (r->usage_present) {
        EW_JW_KEY(w, "prompt_tokens");
        ew_jw_int(w, r->prompt_tokens);
        EW_JW_KEY(w, "completion_tokens");
        ew_jw_int(w, r->completion_tokens);
    }
    const ew_decision *d = r->decision;
    if (!d) return;
    EW_JW_KEY(w, "decision");
    ew_jw_object_begin(w);
    EW_JW_KEY(w, "route");
    ew_jw_string(w, ew_route_name(d->target.route));
    if (d->never_remote) {
        EW_JW_KEY(w, "never_remote");
        ew_jw_bool(w, true);
    }
    if (d->fell_back) {
        EW_JW_KEY(w, "fell_back");
        ew_jw_bool(w, true);
    }
    if (d->features.n_pii || d->features.pii_failed) {
        EW_JW_KEY(w, "pii");
        ew_jw_object_begin(w);
        for (int i = 0; i < d->features.n_pii; i++) {
            ew_jw_key(w, d->features.pii[i].type);
            ew_jw_uint(w, d->features.pii[i].count);
        }
        if (d->features.pii_failed) {
            EW_JW_KEY(w, "scan_failed");
            ew_jw_bool(w, true);
        }
        ew_jw_object_end(w);
    }
    EW_JW_KEY(w, "prompt_tokens_est");
    ew_jw_int(w, d->features.prompt_tokens);
    ew_jw_object_end(w);
}

static void access_fields(ew_jw *w, void *arg)
{
    const ew__access_record *r = arg;
    EW_JW_KEY(w, "method");
    ew_jw_string(w, r->method);
    EW_JW_KEY(w, "path");
    ew_jw_string(w, r->path);
    EW_JW_KEY(w, "status");
    ew_jw_int(w, r->status);
    EW_JW_KEY(w, "duration_us");
    ew_jw_uint(w, r->duration_us);
    EW_JW_KEY(w, "bytes_in");
    ew_jw_uint(w, r->bytes_in);
    EW_JW_KEY(w, "bytes_out");
    ew_jw_uint(w, r->bytes_out);
    EW_JW_KEY(w, "peer");
    ew_jw_string(w, r->peer);
    if (r->model) {
        EW_JW_KEY(w, "model");
        ew_jw_string(w, r->model);
    }
    if (r->error_type) {
        EW_JW_KEY(w, "error_type");
        ew_jw_string(w, r->error_type);
    }
    if (r->stream) {
        EW_JW_KEY(w, "stream");
        ew_jw_bool(w, true);
    }
    if (r->aborted) {
        EW_JW_KEY(w, "aborted");
        ew_jw_bool(w, true);
    }
    if (r->tls_client) {
        EW_JW_KEY(w, "tls_client");
        ew_jw_string(w, r->tls_client);
    }
    if (r->tenant) {
        EW_JW_KEY(w, "tenant");
        ew_jw_string(w, r->tenant);
    }
    if (r->split) {
        EW_JW_KEY(w, "split");
        ew_jw_string(w, r->split);
    }
    decision_fields(w, r);
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

/* Verifies the models of cfg that are new or changed since prev (all of them
 * when prev is NULL) against their sha256 pins and signatures. */
static int verify_models(const ew_config *cfg, const ew_config *prev)
{
    for (int i = 0; i < cfg->n_models; i++) {
        const ew_model_cfg *m = &cfg->models[i];
        if ((!m->sha256 && !m->signed_file) || !ew__model_changed(prev, cfg, m)) continue;
        ew_cli_progress bar;
        ew_cli_progress_init(&bar, m->name);
        ew_error err;
        ew_error_clear(&err);
        int st = ew__model_verify(cfg, m, ew_cli_progress_cb, &bar, &err);
        ew_cli_progress_end(&bar);
        if (st) {
            ew__error(NULL, "model '%s' refused: %s", m->name, err.message);
            return st;
        }
        ew__info(NULL, "model '%s' verified (%s%s%s)", m->name, m->sha256 ? "sha256" : "",
                 m->sha256 && m->signed_file ? ", " : "", m->signed_file ? "signature" : "");
    }
    return EW_OK;
}

/* Loads the config under the signing rules and verifies its models; on
 * success *out is in force once the caller installs it. */
static int load_config(serve *s, const ew_config *prev, ew_config **out)
{
    ew_config_errors errs;
    ew_sigkey *next_key = NULL;
    int st = ew__config_load_trusted(s->path, &s->trust, out, &next_key, &errs);
    if (st) {
        log_config_errors(&errs);
        return st;
    }
    st = verify_models(*out, prev);
    if (st) {
        ew_config_unref(*out);
        *out = NULL;
        ew_sigkey_free(next_key);
        return st;
    }
    ew__config_trust_commit(&s->trust, next_key);
    return EW_OK;
}

/* The reload thread: everything that may block. Models are hashed again
 * only when their entry changed. */
static void *reload_main(void *arg)
{
    serve *s = arg;
    reloader *rl = &s->rl;
    rl->st = load_config(s, s->cfg, &rl->next);
    if (rl->st)
        ew__error_set(&rl->err, rl->st, "%s was refused (the log says why)", s->path);
    else
        rl->st = ew__gateway_reload_load(rl->plan, rl->next, &rl->err);
    char one = 1;
    while (write(rl->pipe[1], &one, 1) < 0 && errno == EINTR) {
    }
    return NULL;
}

/* Back on the loop: switch to the new config, or keep the old one. */
static void on_reloaded(evutil_socket_t fd, short what, void *arg)
{
    (void)what;
    serve *s = arg;
    reloader *rl = &s->rl;
    char b[16];
    while (read(fd, b, sizeof b) > 0) {
    }
    if (!rl->running) return;
    pthread_join(rl->thread, NULL);
    rl->running = false;
    int st = rl->st;
    if (st)
        ew__gateway_reload_abort(s->gw, rl->plan);
    else
        st = ew__gateway_reload_commit(s->gw, rl->plan, rl->next, &rl->err);
    rl->plan = NULL;
    if (st) {
        ew_config_unref(rl->next);
        ew__error(NULL, "reload of %s failed; the running config stays in force%s%s", s->path,
                  rl->err.message[0] ? ": " : "", rl->err.message);
    } else {
        ew_config_unref(s->cfg);
        s->cfg = rl->next;
        apply_log_config(s);
        ew__info(NULL, "config reloaded from %s", s->path);
    }
    rl->next = NULL;
    if (rl->done) rl->done(rl->done_arg, st, &rl->err);
}

/* Starts a reload (SIGHUP, POST /admin/reload); done runs when it is over. */
static int reload(void *user, ew__reload_done_fn done, void *arg)
{
    serve *s = user;
    reloader *rl = &s->rl;
    if (rl->running) return EW_ERR_BUSY;
    rl->plan = ew__gateway_reload_begin(s->gw);
    if (!rl->plan) return EW_ERR_NOMEM;
    rl->next = NULL;
    rl->st = EW_OK;
    ew_error_clear(&rl->err);
    rl->done = done;
    rl->done_arg = arg;
    if (pthread_create(&rl->thread, NULL, reload_main, s)) {
        ew__gateway_reload_abort(s->gw, rl->plan);
        rl->plan = NULL;
        return EW_ERR_NOMEM;
    }
    rl->running = true;
    ew__info(NULL, "reloading %s", s->path);
    return EW_OK;
}

/* At exit: a reload still running finishes (it cannot be interrupted) and
 * is dropped. */
static void reload_cleanup(serve *s)
{
    reloader *rl = &s->rl;
    if (rl->running) {
        pthread_join(rl->thread, NULL);
        rl->running = false;
        ew__gateway_reload_abort(s->gw, rl->plan);
        ew_config_unref(rl->next);
    }
    if (rl->ev) event_free(rl->ev);
    if (rl->pipe[0] >= 0) close(rl->pipe[0]);
    if (rl->pipe[1] >= 0) close(rl->pipe[1]);
}

static int reload_setup(serve *s)
{
    reloader *rl = &s->rl;
    if (pipe2(rl->pipe, O_NONBLOCK | O_CLOEXEC)) return EW_ERR_IO;
    rl->ev = event_new(s->base, rl->pipe[0], EV_READ | EV_PERSIST, on_reloaded, s);
    return rl->ev && !event_add(rl->ev, NULL) ? EW_OK : EW_ERR_NOMEM;
}

static void on_hup(evutil_socket_t sig, short what, void *arg)
{
    (void)sig;
    (void)what;
    if (reload(arg, NULL, NULL) == EW_ERR_BUSY)
        ew__warn(NULL, "SIGHUP: a reload is already running; this one is ignored");
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
        } else if (!strcmp(a, "--config-key") && i + 1 < argc) {
            s->config_key = argv[++i];
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
    if (ew__gateway_run(s->gw) < 0) {
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
    s.rl.pipe[0] = s.rl.pipe[1] = -1;
    int rc = parse_args(&s, argc, argv);
    if (rc >= 0) return rc;
    ew_cli_log_to_stderr(EW_LOG_INFO);
    event_set_log_callback(libevent_log);
    /* Writes to a closed socket fail with EPIPE instead of killing us. */
    signal(SIGPIPE, SIG_IGN);
    /* This process's only libcurl user is the cloud client. */
    ew__remote_curl_freelists();
    rc = 1;
    ew_error err;
    ew_error_clear(&err);
    if (s.config_key && ew_sigkey_load(s.config_key, &s.trust.pinned, &err)) {
        ew__error(NULL, "cannot start: --config-key %s", err.message);
        goto out;
    }
    if (load_config(&s, NULL, &s.cfg)) {
        ew__error(NULL, "cannot start: %s was refused", s.path);
        goto out;
    }
    apply_log_config(&s);
    s.base = event_base_new();
    if (!s.base) {
        ew__error(NULL, "cannot create the event loop");
        goto out;
    }
    ew__gateway_opts o = {.base = s.base,
                          .config = s.cfg,
                          .listen = s.listen,
                          .access_log = on_access,
                          .access_user = &s,
                          .reload = reload,
                          .reload_user = &s};
    if (ew__gateway_new(&o, &s.gw, &err)) {
        ew__error(NULL, "cannot start: %s", err.message);
        goto out;
    }
    if (reload_setup(&s)) {
        ew__error(NULL, "cannot set up reloading");
        goto out;
    }
    rc = run(&s);
out:
    reload_cleanup(&s);
    ew__gateway_free(s.gw);
    if (s.base) event_base_free(s.base);
    ew_config_unref(s.cfg);
    ew__config_trust_cleanup(&s.trust);
    return rc;
}
