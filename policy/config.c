/* The config: load, strict validation, reference counting. See config.h.
 *
 * A load parses the YAML into a temporary tree, decodes it into a brand-new
 * ew_config and hands that out only if not a single error was found, so a bad
 * file never half-applies. Sections are decoded in dependency order (routing
 * last, since it names models, backends and keys); errors are then sorted by
 * their place in the file.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/error.h"
#include "policy/config_decode.h"

#define CONFIG_MAX_BYTES (1u << 20)
#define CONFIG_ARENA_MAX ((size_t)32 << 20)
#define CONFIG_MAX_LIST  1024 /* listeners, keys, models, backends, rules */

/* Names a client may ask for that are not configured models. */
static const char *const reserved_models[] = {"auto", "local", "cloud", NULL};

const char *ew_route_name(ew_route route)
{
    static const char *const names[EW_ROUTE_COUNT] = {"local",       "remote",  "split",
                                                      "speculative", "cascade", "deny"};
    return (unsigned)route < EW_ROUTE_COUNT ? names[route] : "unknown";
}

/* ---- shared helpers ------------------------------------------------------------- */

bool ew__config_valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64) return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("_.:-", *s)) return false;
    return true;
}

int ew__config_find_model(const ew_config *cfg, const char *name)
{
    for (int i = 0; i < cfg->n_models; i++)
        if (cfg->models[i].name && !strcmp(cfg->models[i].name, name)) return i;
    return -1;
}

int ew__config_find_backend(const ew_config *cfg, const char *name)
{
    for (int i = 0; i < cfg->n_backends; i++)
        if (cfg->backends[i].name && !strcmp(cfg->backends[i].name, name)) return i;
    return -1;
}

static const char *join_path(ew_arena *a, const char *dir, const char *path)
{
    if (path[0] == '/' || !dir || !strcmp(dir, ".")) return ew_arena_strdup(a, path);
    size_t dl = strlen(dir), pl = strlen(path);
    char *s = ew_arena_alloc(a, dl + pl + 2);
    if (!s) return NULL;
    memcpy(s, dir, dl);
    s[dl] = '/';
    memcpy(s + dl + 1, path, pl + 1);
    return s;
}

int ew__config_get_file(ew_yaml_ctx *c, ew_config *cfg, const ew_yaml_node *map, const char *key,
                        unsigned flags, const char **out)
{
    const char *raw;
    int rc = ew_yaml_get_string(c, map, key, flags | EW_YAML_NONEMPTY, &raw);
    if (rc <= 0) return rc;
    const ew_yaml_node *v = ew_yaml_map_get(map, key);
    const char *full = join_path(c->arena, cfg->dir, raw);
    if (!full) {
        ew_yaml_error(c, v, "out of memory while loading the config");
        c->nomem = true;
        return -1;
    }
    struct stat st;
    if (stat(full, &st) != 0) {
        ew_yaml_error(c, v, "'%s': cannot open '%s': %s", key, full, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode) || access(full, R_OK) != 0) {
        ew_yaml_error(c, v, "'%s': '%s' is not a readable file", key, full);
        return -1;
    }
    *out = full;
    return 1;
}

/* 64 hex digits -> 32 bytes. */
static bool parse_sha256(const char *hex, uint8_t out[32])
{
    if (strlen(hex) != 64) return false;
    for (int i = 0; i < 32; i++) {
        int v = 0;
        for (int j = 0; j < 2; j++) {
            int ch = tolower((unsigned char)hex[2 * i + j]);
            int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + d;
        }
        out[i] = (uint8_t)v;
    }
    return true;
}

/* Checks a list node and allocates its decoded array; NULL (after reporting) on error. */
static void *alloc_list(ew_yaml_ctx *c, const ew_yaml_node *n, const char *what, size_t elem,
                        int *count)
{
    *count = 0;
    if (n->kind != EW_YAML_SEQ) {
        ew_yaml_error(c, n, "'%s' must be a list, got %s", what, ew_yaml_describe(n));
        return NULL;
    }
    if (n->n > CONFIG_MAX_LIST) {
        ew_yaml_error(c, n, "'%s' has more than %d entries", what, CONFIG_MAX_LIST);
        return NULL;
    }
    void *arr = ew_arena_calloc(c->arena, (size_t)n->n + 1, elem);
    if (!arr) {
        ew_yaml_error(c, n, "out of memory while loading the config");
        c->nomem = true;
        return NULL;
    }
    *count = n->n;
    return arr;
}

/* Reports a name that repeats an earlier entry of the same list. */
static void check_unique(ew_yaml_ctx *c, const ew_yaml_node *list, const char *what,
                         const char *name, int index, const char *(*name_of)(const void *, int),
                         const void *arr)
{
    for (int j = 0; j < index; j++) {
        const char *other = name_of(arr, j);
        if (other && !strcmp(other, name)) {
            const ew_yaml_node *at = ew_yaml_map_get(list->items[index], "name");
            ew_yaml_error(c, at, "duplicate %s name '%s'", what, name);
            return;
        }
    }
}

/* ---- version, log, top level ---------------------------------------------------- */

static void decode_version(ew_yaml_ctx *c, const ew_yaml_node *root, ew_config *cfg)
{
    const ew_yaml_node *v = ew_yaml_map_get(root, "version");
    if (!v) {
        ew_yaml_error(c, root, "missing required key 'version' (write 'version: 1')");
        return;
    }
    int64_t x;
    if (ew_yaml_to_int64(c, v, "version", INT32_MIN, INT32_MAX, &x) < 0) return;
    if (x != 1) {
        ew_yaml_error(c, v, "unsupported config version %lld (this edgeway reads version 1)",
                      (long long)x);
        return;
    }
    cfg->version = 1;
}

static void decode_log(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"level", "access_log", NULL};
    static const char *const levels[] = {"debug", "info", "warn", "error", NULL};
    cfg->log.level = EW_LOG_INFO;
    cfg->log.access_log = true;
    if (!n || !ew_yaml_expect_map(c, n, "log", keys)) return;
    int lvl;
    if (ew_yaml_get_enum(c, n, "level", 0, levels, &lvl) > 0) cfg->log.level = (ew_log_level)lvl;
    ew_yaml_get_bool(c, n, "access_log", 0, &cfg->log.access_log);
}

/* ---- server --------------------------------------------------------------------- */

/* "host:port", "[v6]:port" or ":port" (all interfaces). */
static bool split_address(ew_arena *a, const char *s, const char **host, int *port)
{
    const char *colon = strrchr(s, ':');
    if (!colon) return false;
    const char *h = s;
    size_t hl = (size_t)(colon - s);
    if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') {
        h++;
        hl -= 2;
    } else if (memchr(h, ':', hl)) {
        return false; /* a bare IPv6 address needs brackets */
    }
    for (size_t i = 0; i < hl; i++)
        if (!isalnum((unsigned char)h[i]) && !strchr(".-:%_", h[i])) return false;
    const char *p = colon + 1;
    if (!*p || strlen(p) > 5) return false;
    int v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        v = v * 10 + (*p - '0');
    }
    if (v > 65535) return false;
    *host = hl ? ew_arena_strndup(a, h, hl) : ew_arena_strdup(a, "0.0.0.0");
    *port = v;
    return *host != NULL;
}

/* tls.sni: a list of {cert, key}. */
static void decode_tls_sni(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg,
                           ew_listener_cfg *l)
{
    static const char *const keys[] = {"cert", "key", NULL};
    l->tls_sni = alloc_list(c, n, "sni", sizeof *l->tls_sni, &l->n_tls_sni);
    for (int i = 0; l->tls_sni && i < l->n_tls_sni; i++) {
        if (!ew_yaml_expect_map(c, n->items[i], "an sni entry", keys)) continue;
        ew__config_get_file(c, cfg, n->items[i], "cert", EW_YAML_REQUIRED,
                            &l->tls_sni[i].cert_file);
        ew__config_get_file(c, cfg, n->items[i], "key", EW_YAML_REQUIRED, &l->tls_sni[i].key_file);
    }
}

/* tls.client_tenants: a list of {match: "cn:|dns:|email:|uri:VALUE", tenant}. */
static void decode_tls_tenants(ew_yaml_ctx *c, const ew_yaml_node *n, ew_listener_cfg *l)
{
    static const char *const keys[] = {"match", "tenant", NULL};
    static const char *const kinds[] = {"cn:", "dns:", "email:", "uri:", NULL};
    l->tls_tenants = alloc_list(c, n, "client_tenants", sizeof *l->tls_tenants, &l->n_tls_tenants);
    for (int i = 0; l->tls_tenants && i < l->n_tls_tenants; i++) {
        const ew_yaml_node *e = n->items[i];
        ew_tls_tenant_rule *r = &l->tls_tenants[i];
        if (!ew_yaml_expect_map(c, e, "a client_tenants entry", keys)) continue;
        ew_yaml_get_string(c, e, "tenant", EW_YAML_REQUIRED, &r->tenant);
        if (ew_yaml_get_string(c, e, "match", EW_YAML_REQUIRED, &r->match) <= 0) continue;
        bool ok = false;
        for (int k = 0; kinds[k]; k++)
            ok = ok ||
                 (!strncmp(r->match, kinds[k], strlen(kinds[k])) && r->match[strlen(kinds[k])]);
        if (!ok)
            ew_yaml_error(c, ew_yaml_map_get(e, "match"),
                          "'match': expected cn:, dns:, email: or uri: and a value, got '%s'",
                          r->match);
    }
}

static void decode_listener_tls(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg,
                                ew_listener_cfg *l)
{
    static const char *const keys[] = {"cert",
                                       "key",
                                       "sni",
                                       "client_ca",
                                       "client_crl",
                                       "client_auth",
                                       "client_tenants",
                                       "handshake_timeout",
                                       "session_tickets",
                                       "session_lifetime",
                                       "session_cache",
                                       NULL};
    static const char *const auths[] = {"required", "optional", NULL};
    l->tls_handshake_timeout_ms = 10000;
    l->tls_session_tickets = true;
    l->tls_session_lifetime_ms = 3600000;
    l->tls_session_cache = 256;
    if (!ew_yaml_expect_map(c, n, "tls", keys)) return;
    ew__config_get_file(c, cfg, n, "cert", EW_YAML_REQUIRED, &l->tls_cert);
    ew__config_get_file(c, cfg, n, "key", EW_YAML_REQUIRED, &l->tls_key);
    const ew_yaml_node *sni = ew_yaml_map_get(n, "sni");
    if (sni) decode_tls_sni(c, sni, cfg, l);
    ew__config_get_file(c, cfg, n, "client_ca", 0, &l->tls_client_ca);
    ew__config_get_file(c, cfg, n, "client_crl", 0, &l->tls_client_crl);
    int auth;
    if (ew_yaml_get_enum(c, n, "client_auth", 0, auths, &auth) > 0) l->tls_client_optional = auth;
    const ew_yaml_node *tenants = ew_yaml_map_get(n, "client_tenants");
    if (tenants) decode_tls_tenants(c, tenants, l);
    static const char *const needs_ca[] = {"client_crl", "client_auth", "client_tenants", NULL};
    for (int i = 0; !l->tls_client_ca && needs_ca[i]; i++)
        if (ew_yaml_map_get(n, needs_ca[i]))
            ew_yaml_error(c, ew_yaml_map_key(n, needs_ca[i]), "'%s' needs 'client_ca' (mTLS)",
                          needs_ca[i]);
    ew_yaml_get_duration(c, n, "handshake_timeout", 0, 100, 300000, &l->tls_handshake_timeout_ms);
    ew_yaml_get_bool(c, n, "session_tickets", 0, &l->tls_session_tickets);
    ew_yaml_get_duration(c, n, "session_lifetime", 0, 1000, 7 * 86400000,
                         &l->tls_session_lifetime_ms);
    ew_yaml_get_int(c, n, "session_cache", 0, 0, 100000, &l->tls_session_cache);
}

static void decode_listener(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg,
                            ew_listener_cfg *l)
{
    static const char *const keys[] = {"address", "tls", NULL};
    const ew_yaml_node *addr = n;
    if (n->kind == EW_YAML_MAP) {
        ew_yaml_expect_map(c, n, "a listener", keys);
        addr = ew_yaml_map_get(n, "address");
        if (!addr) {
            ew_yaml_error(c, n, "missing required key 'address'");
            return;
        }
        const ew_yaml_node *tls = ew_yaml_map_get(n, "tls");
        if (tls) decode_listener_tls(c, tls, cfg, l);
    }
    const char *s;
    if (ew_yaml_to_string(c, addr, "address", EW_YAML_NONEMPTY, &s) < 0) return;
    if (!split_address(c->arena, s, &l->host, &l->port))
        ew_yaml_error(c, addr,
                      "'address': expected host:port such as 127.0.0.1:8080 or [::1]:8080, "
                      "got '%s'",
                      s);
}

static void decode_listeners(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    ew_server_cfg *s = &cfg->server;
    if (n->kind == EW_YAML_SCALAR) { /* one listener written as a string */
        s->listeners = ew_arena_calloc(c->arena, 1, sizeof *s->listeners);
        if (!s->listeners) return;
        s->n_listeners = 1;
        decode_listener(c, n, cfg, &s->listeners[0]);
        return;
    }
    s->listeners = alloc_list(c, n, "listen", sizeof *s->listeners, &s->n_listeners);
    if (!s->listeners) return;
    if (n->n == 0) ew_yaml_error(c, n, "'listen' needs at least one address");
    for (int i = 0; i < n->n; i++) {
        ew_listener_cfg *l = &s->listeners[i];
        decode_listener(c, n->items[i], cfg, l);
        for (int j = 0; j < i && l->host; j++)
            if (l->port && s->listeners[j].host && s->listeners[j].port == l->port &&
                !strcmp(s->listeners[j].host, l->host))
                ew_yaml_error(c, n->items[i], "listener %s:%d is given twice", l->host, l->port);
    }
}

static void decode_limits(ew_yaml_ctx *c, const ew_yaml_node *n, ew_limits_cfg *l)
{
    static const char *const keys[] = {
        "max_connections",        "max_body_size", "max_header_size",
        "read_timeout",           "write_timeout", "keepalive_timeout",
        "max_concurrent_streams", "drain_timeout", NULL};
    if (!ew_yaml_expect_map(c, n, "limits", keys)) return;
    int64_t v;
    ew_yaml_get_int(c, n, "max_connections", 0, 1, 1000000, &l->max_connections);
    ew_yaml_get_size(c, n, "max_body_size", 0, 1024, (int64_t)1 << 30, &l->max_body_bytes);
    if (ew_yaml_get_size(c, n, "max_header_size", 0, 1024, 1 << 20, &v) > 0)
        l->max_header_bytes = (int)v;
    ew_yaml_get_duration(c, n, "read_timeout", 0, 100, 3600000, &l->read_timeout_ms);
    ew_yaml_get_duration(c, n, "write_timeout", 0, 100, 3600000, &l->write_timeout_ms);
    ew_yaml_get_duration(c, n, "keepalive_timeout", 0, 0, 3600000, &l->keepalive_timeout_ms);
    ew_yaml_get_int(c, n, "max_concurrent_streams", 0, 1, 1000000, &l->max_concurrent_streams);
    ew_yaml_get_duration(c, n, "drain_timeout", 0, 0, 600000, &l->drain_timeout_ms);
}

static void decode_server(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"listen", "limits", "busy_poll_us", NULL};
    ew_server_cfg *s = &cfg->server;
    s->busy_poll_us = 100;
    s->limits = (ew_limits_cfg){
        .max_connections = 1024,
        .max_body_bytes = 4 << 20,
        .max_header_bytes = 16 << 10,
        .read_timeout_ms = 30000,
        .write_timeout_ms = 30000,
        .keepalive_timeout_ms = 60000,
        .max_concurrent_streams = 256,
        .drain_timeout_ms = 10000,
    };
    if (n && ew_yaml_expect_map(c, n, "server", keys)) {
        const ew_yaml_node *listen = ew_yaml_map_get(n, "listen");
        if (listen) decode_listeners(c, listen, cfg);
        const ew_yaml_node *limits = ew_yaml_map_get(n, "limits");
        if (limits) decode_limits(c, limits, &s->limits);
        ew_yaml_get_int(c, n, "busy_poll_us", 0, 0, 1000, &s->busy_poll_us);
    }
    if (!s->listeners) { /* the documented default */
        s->listeners = ew_arena_calloc(c->arena, 1, sizeof *s->listeners);
        if (s->listeners) {
            s->listeners[0].host = "127.0.0.1";
            s->listeners[0].port = 8080;
            s->n_listeners = 1;
        }
    }
}

/* ---- auth ------------------------------------------------------------------------ */

static const char *key_name_of(const void *arr, int i)
{
    return ((const ew_key_cfg *)arr)[i].name;
}

static void decode_key(ew_yaml_ctx *c, const ew_yaml_node *n, ew_key_cfg *k)
{
    static const char *const keys[] = {"name",           "sha256", "tenant",  "admin", "rps",
                                       "tokens_per_min", "key",    "api_key", NULL};
    if (!ew_yaml_expect_map(c, n, "an auth key", keys)) return;
    for (const char *const *inl = keys + 6; *inl; inl++) {
        const ew_yaml_node *bad = ew_yaml_map_key(n, *inl);
        if (bad)
            ew_yaml_error(c, bad,
                          "'%s': API keys are never stored in the config; give the SHA-256 of "
                          "the key as 'sha256' (e.g. printf %%s \"$KEY\" | sha256sum)",
                          *inl);
    }
    if (ew_yaml_get_string(c, n, "name", EW_YAML_REQUIRED, &k->name) > 0 &&
        !ew__config_valid_name(k->name))
        ew_yaml_error(c, ew_yaml_map_get(n, "name"),
                      "'name': '%s' may use only letters, digits and _.:- (1 to 64)", k->name);
    const char *hex;
    if (ew_yaml_get_string(c, n, "sha256", EW_YAML_REQUIRED, &hex) > 0 &&
        !parse_sha256(hex, k->sha256))
        ew_yaml_error(c, ew_yaml_map_get(n, "sha256"),
                      "'sha256': expected 64 hexadecimal digits (the SHA-256 of the key)");
    k->tenant = k->name;
    ew_yaml_get_string(c, n, "tenant", EW_YAML_NONEMPTY, &k->tenant);
    ew_yaml_get_bool(c, n, "admin", 0, &k->admin);
    ew_yaml_get_double(c, n, "rps", 0, 0, 1e6, &k->rps);
    ew_yaml_get_double(c, n, "tokens_per_min", 0, 0, 1e12, &k->tokens_per_min);
}

static void decode_auth(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    static const char *const keys[] = {"allow_anonymous_loopback", "keys", NULL};
    ew_auth_cfg *a = &cfg->auth;
    if (!n || !ew_yaml_expect_map(c, n, "auth", keys)) return;
    ew_yaml_get_bool(c, n, "allow_anonymous_loopback", 0, &a->allow_anonymous_loopback);
    const ew_yaml_node *list = ew_yaml_map_get(n, "keys");
    if (!list || !(a->keys = alloc_list(c, list, "keys", sizeof *a->keys, &a->n_keys))) return;
    for (int i = 0; i < a->n_keys; i++) {
        decode_key(c, list->items[i], &a->keys[i]);
        if (a->keys[i].name) check_unique(c, list, "key", a->keys[i].name, i, key_name_of, a->keys);
        for (int j = 0; j < i; j++)
            if (!memcmp(a->keys[i].sha256, a->keys[j].sha256, 32) &&
                ew_yaml_map_get(list->items[i], "sha256") && a->keys[j].name)
                ew_yaml_error(c, ew_yaml_map_get(list->items[i], "sha256"),
                              "this key hash is already used by key '%s'", a->keys[j].name);
    }
}

/* ---- models ------------------------------------------------------------------------ */

static const char *model_name_of(const void *arr, int i)
{
    return ((const ew_model_cfg *)arr)[i].name;
}

/* Whether an http(s) URL names this device: localhost, 127.0.0.0/8 or [::1]. */
static bool loopback_url(const char *url)
{
    const char *h = !strncmp(url, "http://", 7)    ? url + 7
                    : !strncmp(url, "https://", 8) ? url + 8
                                                   : NULL;
    if (!h) return false;
    size_t n = strcspn(h, ":/?#");
    if (h[0] == '[') return !strncmp(h, "[::1]", 5) && strchr(":/", h[5] ? h[5] : '/');
    if (n == 9 && !strncasecmp(h, "localhost", 9)) return true;
    if (n < 7 || strncmp(h, "127.", 4)) return false;
    for (size_t i = 4; i < n; i++)
        if (!strchr("0123456789.", h[i])) return false;
    return true;
}

/* A model is a GGUF file (path) or a local OpenAI-compatible server (url). */
static void decode_model_source(ew_yaml_ctx *c, ew_config *cfg, const ew_yaml_node *n,
                                ew_model_cfg *m)
{
    bool has_url = ew_yaml_map_get(n, "url") != NULL;
    if (!has_url) {
        ew__config_get_file(c, cfg, n, "path", EW_YAML_REQUIRED, &m->path);
        if (ew_yaml_map_get(n, "upstream_model"))
            ew_yaml_error(c, ew_yaml_map_get(n, "upstream_model"),
                          "'upstream_model' goes with 'url' (a model served over HTTP)");
        return;
    }
    const char *const file_only[] = {"path", "sha256", "signed", "threads", "ctx", "kv_type"};
    for (size_t i = 0; i < sizeof file_only / sizeof file_only[0]; i++)
        if (ew_yaml_map_get(n, file_only[i]))
            ew_yaml_error(c, ew_yaml_map_get(n, file_only[i]),
                          "'%s' is for a model file; this model is served at 'url'", file_only[i]);
    if (ew_yaml_get_string(c, n, "url", EW_YAML_NONEMPTY, &m->url) > 0 && !loopback_url(m->url))
        ew_yaml_error(c, ew_yaml_map_get(n, "url"),
                      "'url': a local model is served on this device (http://localhost, "
                      "127.0.0.1 or [::1]); a server elsewhere is a backend");
    ew_yaml_get_string(c, n, "upstream_model", EW_YAML_NONEMPTY, &m->upstream_model);
}

static void decode_model(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg, ew_model_cfg *m)
{
    static const char *const keys[] = {"name",    "path",    "url",     "upstream_model",
                                       "sha256",  "signed",  "threads", "ctx",
                                       "kv_type", "workers", "queue",   NULL};
    static const char *const kv_types[] = {"f16", "f32", NULL};
    m->workers = 1;
    m->queue = 16;
    if (!ew_yaml_expect_map(c, n, "a model", keys)) return;
    const ew_yaml_node *name = ew_yaml_map_get(n, "name");
    if (ew_yaml_get_string(c, n, "name", EW_YAML_REQUIRED, &m->name) > 0) {
        if (!ew__config_valid_name(m->name))
            ew_yaml_error(c, name, "'name': '%s' may use only letters, digits and _.:- (1 to 64)",
                          m->name);
        for (int i = 0; reserved_models[i]; i++)
            if (!strcmp(m->name, reserved_models[i]))
                ew_yaml_error(c, name,
                              "'name': '%s' is reserved (auto, local and cloud are what clients "
                              "ask for to let the policy choose)",
                              m->name);
    }
    decode_model_source(c, cfg, n, m);
    uint8_t digest[32];
    if (ew_yaml_get_string(c, n, "sha256", 0, &m->sha256) > 0 && !parse_sha256(m->sha256, digest))
        ew_yaml_error(c, ew_yaml_map_get(n, "sha256"),
                      "'sha256': expected 64 hexadecimal digits (the SHA-256 of the file)");
    ew_yaml_get_bool(c, n, "signed", 0, &m->signed_file);
    ew_yaml_get_int(c, n, "threads", 0, 0, 1024, &m->threads);
    ew_yaml_get_int(c, n, "ctx", 0, 0, 1 << 20, &m->ctx);
    int kv;
    if (ew_yaml_get_enum(c, n, "kv_type", 0, kv_types, &kv) > 0) m->kv_f32 = kv == 1;
    ew_yaml_get_int(c, n, "workers", 0, 1, 256, &m->workers);
    ew_yaml_get_int(c, n, "queue", 0, 0, 65536, &m->queue);
}

static void decode_models(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    if (!n || !(cfg->models = alloc_list(c, n, "models", sizeof *cfg->models, &cfg->n_models)))
        return;
    for (int i = 0; i < cfg->n_models; i++) {
        decode_model(c, n->items[i], cfg, &cfg->models[i]);
        if (cfg->models[i].name)
            check_unique(c, n, "model", cfg->models[i].name, i, model_name_of, cfg->models);
    }
}

/* ---- backends ---------------------------------------------------------------------- */

static const char *backend_name_of(const void *arr, int i)
{
    return ((const ew_backend_cfg *)arr)[i].name;
}

static bool is_env_name(const char *s)
{
    if (!*s || isdigit((unsigned char)*s)) return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_') return false;
    return true;
}

/* Header names that carry credentials: those belong in api_key_env/file. */
static bool is_credential_header(const char *name)
{
    static const char *const creds[] = {
        "authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", NULL};
    for (int i = 0; creds[i]; i++)
        if (!strcasecmp(name, creds[i])) return true;
    return false;
}

static void decode_headers(ew_yaml_ctx *c, const ew_yaml_node *n, ew_backend_cfg *b)
{
    if (n->kind != EW_YAML_MAP) {
        ew_yaml_error(c, n, "'headers' must be a map of header name to value, got %s",
                      ew_yaml_describe(n));
        return;
    }
    b->headers = ew_arena_calloc(c->arena, (size_t)n->n + 1, sizeof *b->headers);
    if (!b->headers) return;
    b->n_headers = n->n;
    for (int i = 0; i < n->n; i++) {
        ew_header_cfg *h = &b->headers[i];
        const ew_yaml_node *k = n->keys[i];
        h->name = ew_arena_strndup(c->arena, k->str, k->len);
        bool token = k->len > 0 && k->len <= 128;
        for (size_t j = 0; j < k->len && token; j++)
            token = isalnum((unsigned char)k->str[j]) || strchr("!#$%&'*+-.^_`|~", k->str[j]);
        if (!token)
            ew_yaml_error(c, k, "'%.64s' is not a valid HTTP header name", k->str);
        else if (is_credential_header(k->str))
            ew_yaml_error(c, k,
                          "header '%s' would put a credential in the config; use api_key_env or "
                          "api_key_file so the secret never sits in this file",
                          k->str);
        if (ew_yaml_to_string(c, n->items[i], h->name ? h->name : "header", 0, &h->value) > 0 &&
            strpbrk(h->value, "\r\n"))
            ew_yaml_error(c, n->items[i], "header '%s': the value must not contain line breaks",
                          h->name);
    }
}

static void decode_model_map(ew_yaml_ctx *c, const ew_yaml_node *n, ew_backend_cfg *b)
{
    if (n->kind != EW_YAML_MAP) {
        ew_yaml_error(c, n, "'models' must be a map of our name to the upstream's name, got %s",
                      ew_yaml_describe(n));
        return;
    }
    b->models = ew_arena_calloc(c->arena, (size_t)n->n + 1, sizeof *b->models);
    if (!b->models) return;
    b->n_models = n->n;
    for (int i = 0; i < n->n; i++) {
        b->models[i].from = ew_arena_strndup(c->arena, n->keys[i]->str, n->keys[i]->len);
        if (b->models[i].from && !ew__config_valid_name(b->models[i].from))
            ew_yaml_error(c, n->keys[i],
                          "model name '%.64s' may use only letters, digits and _.:- (1 to 64)",
                          n->keys[i]->str);
        ew_yaml_to_string(c, n->items[i], b->models[i].from ? b->models[i].from : "model",
                          EW_YAML_NONEMPTY, &b->models[i].to);
    }
}

static void decode_backend_url(ew_yaml_ctx *c, const ew_yaml_node *n, ew_backend_cfg *b)
{
    if (ew_yaml_get_string(c, n, "base_url", EW_YAML_REQUIRED | EW_YAML_NONEMPTY, &b->base_url) <=
        0)
        return;
    const char *u = b->base_url;
    bool ok = (!strncmp(u, "http://", 7) && u[7]) || (!strncmp(u, "https://", 8) && u[8]);
    for (const char *p = u; *p && ok; p++)
        ok = (unsigned char)*p > ' ' && *p != 0x7f;
    if (!ok)
        ew_yaml_error(c, ew_yaml_map_get(n, "base_url"),
                      "'base_url': expected an http:// or https:// URL without spaces, got '%s'",
                      u);
}

static void decode_backend_key(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg,
                               ew_backend_cfg *b)
{
    const ew_yaml_node *inl = ew_yaml_map_key(n, "api_key");
    if (inl)
        ew_yaml_error(c, inl,
                      "'api_key': an inline API key is not allowed: configs get copied, "
                      "committed and logged; put the key in an environment variable "
                      "(api_key_env) or a file readable only by edgeway (api_key_file)");
    if (ew_yaml_get_string(c, n, "api_key_env", EW_YAML_NONEMPTY, &b->api_key_env) > 0 &&
        !is_env_name(b->api_key_env))
        ew_yaml_error(c, ew_yaml_map_get(n, "api_key_env"),
                      "'api_key_env': '%s' is not an environment variable name", b->api_key_env);
    ew__config_get_file(c, cfg, n, "api_key_file", 0, &b->api_key_file);
    if (ew_yaml_map_get(n, "api_key_env") && ew_yaml_map_get(n, "api_key_file"))
        ew_yaml_error(c, ew_yaml_map_get(n, "api_key_file"),
                      "give either api_key_env or api_key_file, not both");
}

static void decode_backend_tls(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg,
                               ew_backend_cfg *b)
{
    ew__config_get_file(c, cfg, n, "ca_file", 0, &b->ca_file);
    if (ew_yaml_get_string(c, n, "pinned_pubkey", EW_YAML_NONEMPTY, &b->pinned_pubkey) > 0 &&
        strncmp(b->pinned_pubkey, "sha256//", 8))
        ew_yaml_error(c, ew_yaml_map_get(n, "pinned_pubkey"),
                      "'pinned_pubkey': expected curl's form sha256//<base64 of the key's hash>");
    ew__config_get_file(c, cfg, n, "client_cert", 0, &b->client_cert);
    ew__config_get_file(c, cfg, n, "client_key", 0, &b->client_key);
    const ew_yaml_node *cc = ew_yaml_map_get(n, "client_cert"),
                       *ck = ew_yaml_map_get(n, "client_key");
    if ((cc != NULL) != (ck != NULL))
        ew_yaml_error(c, cc ? cc : ck, "client_cert and client_key go together: give both");
}

static void decode_backend(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg, ew_backend_cfg *b)
{
    static const char *const keys[] = {"name",
                                       "base_url",
                                       "api_key_env",
                                       "api_key_file",
                                       "api_key",
                                       "headers",
                                       "models",
                                       "priority",
                                       "weight",
                                       "connect_timeout",
                                       "first_byte_timeout",
                                       "idle_timeout",
                                       "total_timeout",
                                       "max_retries",
                                       "ca_file",
                                       "pinned_pubkey",
                                       "client_cert",
                                       "client_key",
                                       "proxy",
                                       "kind",
                                       NULL};
    static const char *const kinds[] = {"openai", "edgeway", NULL};
    *b = (ew_backend_cfg){.weight = 1,
                          .connect_timeout_ms = 5000,
                          .first_byte_timeout_ms = 30000,
                          .idle_timeout_ms = 30000,
                          .total_timeout_ms = 300000,
                          .max_retries = 2,
                          .kind = "openai"};
    if (!ew_yaml_expect_map(c, n, "a backend", keys)) return;
    if (ew_yaml_get_string(c, n, "name", EW_YAML_REQUIRED, &b->name) > 0 &&
        !ew__config_valid_name(b->name))
        ew_yaml_error(c, ew_yaml_map_get(n, "name"),
                      "'name': '%s' may use only letters, digits and _.:- (1 to 64)", b->name);
    decode_backend_url(c, n, b);
    decode_backend_key(c, n, cfg, b);
    const ew_yaml_node *h = ew_yaml_map_get(n, "headers");
    if (h) decode_headers(c, h, b);
    const ew_yaml_node *mm = ew_yaml_map_get(n, "models");
    if (mm) decode_model_map(c, mm, b);
    ew_yaml_get_int(c, n, "priority", 0, 0, 1000, &b->priority);
    ew_yaml_get_int(c, n, "weight", 0, 1, 1000, &b->weight);
    ew_yaml_get_duration(c, n, "connect_timeout", 0, 1, 600000, &b->connect_timeout_ms);
    ew_yaml_get_duration(c, n, "first_byte_timeout", 0, 1, 3600000, &b->first_byte_timeout_ms);
    ew_yaml_get_duration(c, n, "idle_timeout", 0, 1, 3600000, &b->idle_timeout_ms);
    ew_yaml_get_duration(c, n, "total_timeout", 0, 1, 86400000, &b->total_timeout_ms);
    ew_yaml_get_int(c, n, "max_retries", 0, 0, 10, &b->max_retries);
    decode_backend_tls(c, n, cfg, b);
    ew_yaml_get_string(c, n, "proxy", EW_YAML_NONEMPTY, &b->proxy);
    int kind;
    if (ew_yaml_get_enum(c, n, "kind", 0, kinds, &kind) > 0) b->kind = kinds[kind];
}

static void decode_backends(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg)
{
    if (!n ||
        !(cfg->backends = alloc_list(c, n, "backends", sizeof *cfg->backends, &cfg->n_backends)))
        return;
    for (int i = 0; i < cfg->n_backends; i++) {
        decode_backend(c, n->items[i], cfg, &cfg->backends[i]);
        if (cfg->backends[i].name)
            check_unique(c, n, "backend", cfg->backends[i].name, i, backend_name_of, cfg->backends);
    }
}

/* ---- verify ------------------------------------------------------------------------- */

static void decode_verify(ew_yaml_ctx *c, const ew_yaml_node *n, ew_verify_cfg *v)
{
    static const char *const keys[] = {
        "enabled", "max_sessions", "max_memory", "idle_timeout", "max_draft",
        "ctx",     "threads",      "workers",    "queue",        NULL};
    *v = (ew_verify_cfg){
        .enabled = true,
        .max_sessions = 64,
        .max_memory = (int64_t)1 << 30,
        .idle_timeout_ms = 60000,
        .max_draft = 16,
        .workers = 1,
        .queue = 64,
    };
    if (!n || !ew_yaml_expect_map(c, n, "verify", keys)) return;
    ew_yaml_get_bool(c, n, "enabled", 0, &v->enabled);
    ew_yaml_get_int(c, n, "max_sessions", 0, 1, 100000, &v->max_sessions);
    ew_yaml_get_size(c, n, "max_memory", 0, 1 << 20, (int64_t)1 << 40, &v->max_memory);
    ew_yaml_get_duration(c, n, "idle_timeout", 0, 100, 86400000, &v->idle_timeout_ms);
    ew_yaml_get_int(c, n, "max_draft", 0, 1, 64, &v->max_draft);
    ew_yaml_get_int(c, n, "ctx", 0, 0, 1 << 20, &v->ctx);
    ew_yaml_get_int(c, n, "threads", 0, 0, 1024, &v->threads);
    ew_yaml_get_int(c, n, "workers", 0, 1, 256, &v->workers);
    ew_yaml_get_int(c, n, "queue", 0, 0, 65536, &v->queue);
}

/* ---- signing ------------------------------------------------------------------------- */

/* signing_key must be a P-256 public key; require_signed_config and signed
 * models need one. Checking the key here lets `edgeway check` catch it. */
static void decode_signing(ew_yaml_ctx *c, const ew_yaml_node *root, ew_config *cfg)
{
    if (ew__config_get_file(c, cfg, root, "signing_key", 0, &cfg->signing_key) > 0) {
        ew_sigkey *k = NULL;
        ew_error err;
        ew_error_clear(&err);
        if (ew_sigkey_load(cfg->signing_key, &k, &err))
            ew_yaml_error(c, ew_yaml_map_get(root, "signing_key"), "'signing_key': %s",
                          err.message);
        ew_sigkey_free(k);
    }
    if (cfg->signing_key) return;
    if (cfg->require_signed_config)
        ew_yaml_error(c, ew_yaml_map_key(root, "require_signed_config"),
                      "'require_signed_config' needs 'signing_key' (the public key that signs "
                      "the next config)");
    const ew_yaml_node *models = ew_yaml_map_get(root, "models");
    for (int i = 0; i < cfg->n_models; i++)
        if (cfg->models[i].signed_file)
            ew_yaml_error(c, ew_yaml_map_key(models->items[i], "signed"),
                          "model '%s' is 'signed' but the config has no 'signing_key'",
                          cfg->models[i].name ? cfg->models[i].name : "?");
}

/* ---- load --------------------------------------------------------------------------- */

static void decode_config(ew_yaml_ctx *c, const ew_yaml_node *root, ew_config *cfg)
{
    static const char *const keys[] = {"version",
                                       "server",
                                       "log",
                                       "auth",
                                       "models",
                                       "backends",
                                       "require_signed_config",
                                       "signing_key",
                                       "pii",
                                       "device",
                                       "difficulty",
                                       "routing",
                                       "verify",
                                       NULL};
    ew__config_default_pii(cfg->pii);
    ew__config_default_device(cfg->device);
    ew__config_default_difficulty(cfg->difficulty);
    ew__config_default_routing(cfg->routing);
    if (!root || ew_yaml_is_null(root)) {
        ew_yaml_error(c, root, "the config is empty; it needs at least 'version: 1'");
        return;
    }
    if (!ew_yaml_expect_map(c, root, "the config", keys)) return;
    decode_version(c, root, cfg);
    decode_server(c, ew_yaml_map_get(root, "server"), cfg);
    decode_log(c, ew_yaml_map_get(root, "log"), cfg);
    decode_auth(c, ew_yaml_map_get(root, "auth"), cfg);
    decode_models(c, ew_yaml_map_get(root, "models"), cfg);
    decode_backends(c, ew_yaml_map_get(root, "backends"), cfg);
    decode_verify(c, ew_yaml_map_get(root, "verify"), &cfg->verify);
    ew_yaml_get_bool(c, root, "require_signed_config", 0, &cfg->require_signed_config);
    decode_signing(c, root, cfg);
    ew__config_decode_pii(c, ew_yaml_map_get(root, "pii"), cfg);
    ew__config_decode_device(c, ew_yaml_map_get(root, "device"), cfg);
    ew__config_decode_difficulty(c, ew_yaml_map_get(root, "difficulty"), cfg);
    ew__config_decode_routing(c, ew_yaml_map_get(root, "routing"), cfg);
}

static void add_error(ew_config_errors *errs, const ew_error *e)
{
    if (errs->n < EW_CONFIG_MAX_ERRORS)
        errs->items[errs->n++] = *e;
    else
        errs->dropped++;
}

/* Stable insertion sort by place; places without a line come first. */
static void sort_errors(ew_config_errors *errs)
{
    for (int i = 1; i < errs->n; i++) {
        ew_error tmp = errs->items[i];
        int j = i;
        while (j > 0 &&
               (errs->items[j - 1].line > tmp.line ||
                (errs->items[j - 1].line == tmp.line && errs->items[j - 1].column > tmp.column))) {
            errs->items[j] = errs->items[j - 1];
            j--;
        }
        errs->items[j] = tmp;
    }
}

static ew_config *config_new(const char *name)
{
    ew_config *cfg = calloc(1, sizeof *cfg);
    if (!cfg) return NULL;
    atomic_init(&cfg->refs, 1);
    ew_arena_init(&cfg->arena, 0, CONFIG_ARENA_MAX);
    cfg->path = ew_arena_strdup(&cfg->arena, name);
    const char *slash = strrchr(name, '/');
    cfg->dir = !slash          ? "."
               : slash == name ? "/"
                               : ew_arena_strndup(&cfg->arena, name, (size_t)(slash - name));
    cfg->pii = ew_arena_calloc(&cfg->arena, 1, sizeof *cfg->pii);
    cfg->device = ew_arena_calloc(&cfg->arena, 1, sizeof *cfg->device);
    cfg->difficulty = ew_arena_calloc(&cfg->arena, 1, sizeof *cfg->difficulty);
    cfg->routing = ew_arena_calloc(&cfg->arena, 1, sizeof *cfg->routing);
    if (!cfg->path || !cfg->dir || !cfg->pii || !cfg->device || !cfg->difficulty || !cfg->routing) {
        ew_arena_cleanup(&cfg->arena);
        free(cfg);
        return NULL;
    }
    return cfg;
}

int ew_config_load_string(const char *yaml, size_t len, const char *name, ew_config **out,
                          ew_config_errors *errs)
{
    ew_config_errors local;
    if (!errs) errs = &local;
    memset(errs, 0, sizeof *errs);
    *out = NULL;
    if (!name) name = "<string>";
    ew_yaml_doc doc;
    ew_error perr;
    ew_error_clear(&perr);
    ew_yaml_limits lim = {.max_bytes = CONFIG_MAX_BYTES};
    int st = ew_yaml_parse(&doc, yaml, len, name, &lim, &perr);
    if (st) {
        perr.status = st;
        add_error(errs, &perr);
        return st == EW_ERR_NOMEM ? EW_ERR_NOMEM : EW_ERR_CONFIG;
    }
    ew_config *cfg = config_new(name);
    if (!cfg) {
        ew_yaml_doc_cleanup(&doc);
        ew__error_set(&perr, EW_ERR_NOMEM, "out of memory while loading the config");
        add_error(errs, &perr);
        return EW_ERR_NOMEM;
    }
    ew_yaml_ctx ctx = {.file = name, .errs = errs, .arena = &cfg->arena};
    decode_config(&ctx, doc.root, cfg);
    ew_yaml_doc_cleanup(&doc);
    if (errs->n || errs->dropped) {
        sort_errors(errs);
        ew_config_unref(cfg);
        return ctx.nomem ? EW_ERR_NOMEM : EW_ERR_CONFIG;
    }
    *out = cfg;
    return EW_OK;
}

int ew_config_load_file(const char *path, ew_config **out, ew_config_errors *errs)
{
    ew_config_errors local;
    if (!errs) errs = &local;
    memset(errs, 0, sizeof *errs);
    *out = NULL;
    ew_error err;
    ew_error_clear(&err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        ew__error_at(&err, EW_ERR_IO, path, 0, 0, "cannot open the config: %s", strerror(errno));
        add_error(errs, &err);
        return EW_ERR_IO;
    }
    ew_buf b;
    ew_buf_init(&b, CONFIG_MAX_BYTES);
    int st = EW_OK;
    char chunk[16384];
    size_t n;
    while (!st && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = ew_buf_append(&b, chunk, n);
    if (!st && ferror(f)) st = EW_ERR_IO;
    fclose(f);
    if (st) {
        ew__error_at(&err, st, path, 0, 0, "%s",
                     st == EW_ERR_TOO_LARGE ? "the config is larger than 1 MiB"
                     : st == EW_ERR_IO      ? "read error"
                                            : "out of memory reading the config");
        add_error(errs, &err);
        ew_buf_cleanup(&b);
        return st == EW_ERR_TOO_LARGE ? EW_ERR_CONFIG : st;
    }
    st = ew_config_load_string(b.data ? b.data : "", b.len, path, out, errs);
    ew_buf_cleanup(&b);
    return st;
}

int ew_config_resolve_path(const ew_config *c, const char *path, char *out, size_t out_size)
{
    bool joined = path[0] != '/' && c->dir && strcmp(c->dir, ".");
    int n = joined ? snprintf(out, out_size, "%s/%s", c->dir, path)
                   : snprintf(out, out_size, "%s", path);
    return n < 0 || (size_t)n >= out_size ? EW_ERR_TOO_LARGE : EW_OK;
}

ew_config *ew_config_ref(ew_config *c)
{
    if (c) atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    return c;
}

void ew_config_unref(ew_config *c)
{
    if (!c || atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1) return;
    ew_arena_cleanup(&c->arena);
    free(c);
}
