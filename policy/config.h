/* The typed configuration loaded from YAML (conf/edgeway.yaml).
 *
 * A config is immutable once loaded and shared by reference count, so a reload
 * swaps one pointer atomically and in-flight requests keep the one they began
 * with. All strings and arrays live in the config's own arena.
 *
 * Sections map one-to-one to YAML top-level keys; docs/config.md documents
 * each key. Modules that own a section (routing, pii, device, models, backends,
 * tls) decode it with the schema helpers in policy/yaml.h.
 */
#ifndef EW_POLICY_CONFIG_H
#define EW_POLICY_CONFIG_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "edgeway/core.h"

/* ---- server: listeners and HTTP limits ------------------------------------- */
typedef struct ew_listener_cfg {
    const char *host; /* "127.0.0.1", "::1", "0.0.0.0" */
    int port;         /* 0 = ephemeral */
    const char *tls_cert; /* NULL = plaintext (TLS is the trust issue's) */
    const char *tls_key;
    const char *tls_client_ca; /* mTLS: NULL = off */
} ew_listener_cfg;

typedef struct ew_limits_cfg {
    int max_connections;        /* default 1024 */
    int64_t max_body_bytes;     /* default 4 MiB */
    int max_header_bytes;       /* default 16 KiB */
    int read_timeout_ms;        /* default 30000 */
    int write_timeout_ms;       /* default 30000 */
    int keepalive_timeout_ms;   /* default 60000 */
    int max_concurrent_streams; /* default 256 */
    int drain_timeout_ms;       /* SIGTERM drain deadline; default 10000 */
} ew_limits_cfg;

typedef struct ew_server_cfg {
    ew_listener_cfg *listeners; /* (n_listeners) */
    int n_listeners;
    ew_limits_cfg limits;
} ew_server_cfg;

/* ---- log ------------------------------------------------------------------- */
typedef struct ew_log_cfg {
    ew_log_level level; /* default info */
    bool access_log;    /* one JSON line per request; default true */
} ew_log_cfg;

/* ---- auth: API keys as SHA-256 hex, mapped to tenants ---------------------- */
typedef struct ew_key_cfg {
    const char *name;
    uint8_t sha256[32];
    const char *tenant;
    bool admin;
    double rps;           /* per-key requests/s; 0 = unlimited */
    double tokens_per_min; /* 0 = unlimited */
} ew_key_cfg;

typedef struct ew_auth_cfg {
    bool allow_anonymous_loopback; /* default true in conf/edgeway.yaml */
    ew_key_cfg *keys;              /* (n_keys) */
    int n_keys;
} ew_auth_cfg;

/* ---- models: embedded GGUF engines ----------------------------------------- */
typedef struct ew_model_cfg {
    const char *name;   /* what clients ask for, e.g. "stories" */
    const char *path;   /* GGUF file; relative paths resolve against the config file */
    const char *sha256; /* optional 64 hex chars, checked at load */
    int threads;        /* 0 = all cores */
    int ctx;            /* 0 = model's training context, capped by memory */
    bool kv_f32;        /* default false: F16 K/V cache */
    int workers;        /* concurrent sessions; default 1 */
    int queue;          /* bounded wait queue; default 16 */
} ew_model_cfg;

/* ---- backends: OpenAI-compatible upstreams --------------------------------- */
typedef struct ew_header_cfg {
    const char *name;
    const char *value;
} ew_header_cfg;

typedef struct ew_model_map_cfg {
    const char *from; /* our name */
    const char *to;   /* the upstream's name */
} ew_model_map_cfg;

typedef struct ew_backend_cfg {
    const char *name;
    const char *base_url;     /* e.g. https://api.openai.com/v1 */
    const char *api_key_env;  /* the key comes from the environment ... */
    const char *api_key_file; /* ... or from a file; never inline */
    ew_header_cfg *headers;   /* (n_headers) */
    int n_headers;
    ew_model_map_cfg *models; /* (n_models) */
    int n_models;
    int priority;             /* lower first; default 0 */
    int weight;               /* among equal priorities; default 1 */
    int connect_timeout_ms;   /* default 5000 */
    int first_byte_timeout_ms; /* default 30000 */
    int idle_timeout_ms;      /* gap between stream chunks; default 30000 */
    int total_timeout_ms;     /* default 300000 */
    int max_retries;          /* default 2 */
    const char *ca_file;      /* NULL = system trust store */
    const char *pinned_pubkey; /* curl's "sha256//..." form; NULL = off */
    const char *client_cert;  /* mTLS to the cloud */
    const char *client_key;
    const char *proxy;        /* NULL = curl's environment handling */
    const char *kind;         /* "openai" (default) or "edgeway" (offers verify) */
} ew_backend_cfg;

/* Sections owned by other modules are opaque here; each module defines its
 * struct and decoder. NULL means the section is absent (module defaults). */
typedef struct ew_pii_cfg ew_pii_cfg;
typedef struct ew_device_cfg ew_device_cfg;
typedef struct ew_routing_cfg ew_routing_cfg;

typedef struct ew_config {
    _Atomic int refs;
    ew_arena arena;      /* owns everything below */
    const char *path;    /* the file it came from, or "<string>" */
    const char *dir;     /* its directory, for relative paths */
    int version;         /* schema version; 1 */
    ew_server_cfg server;
    ew_log_cfg log;
    ew_auth_cfg auth;
    ew_model_cfg *models; /* (n_models) */
    int n_models;
    ew_backend_cfg *backends; /* (n_backends) */
    int n_backends;
    ew_pii_cfg *pii;
    ew_device_cfg *device;
    ew_routing_cfg *routing;
    bool require_signed_config;
} ew_config;

/* Every error found in one load, in file order; bounded. */
#define EW_CONFIG_MAX_ERRORS 64
typedef struct ew_config_errors {
    ew_error items[EW_CONFIG_MAX_ERRORS];
    int n;       /* kept */
    int dropped; /* found past the bound */
} ew_config_errors;

/* Loads and strictly validates a file (or a string; name is used in messages).
 * On success *out has one reference. On failure *out is NULL, errs lists every
 * error as file:line:col and nothing is half-applied. Returns EW_OK or
 * EW_ERR_CONFIG / EW_ERR_IO / EW_ERR_NOMEM. */
int ew_config_load_file(const char *path, ew_config **out, ew_config_errors *errs);
int ew_config_load_string(const char *yaml, size_t len, const char *name, ew_config **out,
                          ew_config_errors *errs);
ew_config *ew_config_ref(ew_config *c);
void ew_config_unref(ew_config *c);
/* Resolves a path from the config against the config file's directory (arena). */
const char *ew_config_resolve_path(ew_config *c, const char *path);

#endif
