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
#include "edgeway/certs.h"
#include "edgeway/core.h"
#include "edgeway/router.h"

/* ---- server: listeners and HTTP limits ------------------------------------- */
typedef struct ew_listener_cfg {
    const char *host;     /* "127.0.0.1", "::1", "0.0.0.0" */
    int port;             /* 0 = ephemeral */
    const char *tls_cert; /* NULL = plaintext; the rest of tls_* is certs/'s */
    const char *tls_key;
    const char *tls_client_ca;  /* mTLS: NULL = off */
    const char *tls_client_crl; /* CRL for client certificates; NULL = none */
    bool tls_client_optional;   /* client_auth: optional (default required) */
    ew_tls_keypair *tls_sni;    /* (n_tls_sni) more certificates, chosen by SNI */
    int n_tls_sni;
    ew_tls_tenant_rule *tls_tenants; /* (n_tls_tenants) client certificate -> tenant */
    int n_tls_tenants;
    int tls_handshake_timeout_ms; /* default 10000 */
    bool tls_session_tickets;     /* default true */
    int tls_session_lifetime_ms;  /* tickets and cached sessions; default 1h */
    int tls_session_cache;        /* sessions cached by ID; default 256, 0 = off */
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
    /* While a request waits for its answer, poll the loop without sleeping
     * for up to this long (gateway/loop.c); 0 = off. Default 100. */
    int busy_poll_us;
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
    double rps;            /* per-key requests/s; 0 = unlimited */
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
    bool signed_file;   /* `signed: true`: PATH.sig must verify with signing_key */
    int threads;        /* 0 = all cores */
    int ctx;            /* 0 = model's training context, capped by memory */
    bool kv_f32;        /* default false: F16 K/V cache */
    int workers;        /* concurrent sessions; default 1 */
    int queue;          /* bounded wait queue; default 16 */
    /* Instead of path: an OpenAI-compatible server on this device (Ollama,
     * llama-server), its base URL (loopback only) and the model name it
     * knows (NULL = name). */
    const char *url;
    const char *upstream_model;
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
    int priority;              /* lower first; default 0 */
    int weight;                /* among equal priorities; default 1 */
    int connect_timeout_ms;    /* default 5000 */
    int first_byte_timeout_ms; /* default 30000 */
    int idle_timeout_ms;       /* gap between stream chunks; default 30000 */
    int total_timeout_ms;      /* default 300000 */
    int max_retries;           /* default 2 */
    const char *ca_file;       /* NULL = system trust store */
    const char *pinned_pubkey; /* curl's "sha256//..." form; NULL = off */
    const char *client_cert;   /* mTLS to the cloud */
    const char *client_key;
    const char *proxy; /* NULL = curl's environment handling */
    const char *kind;  /* "openai" (default) or "edgeway" (offers verify) */
} ew_backend_cfg;

/* ---- verify (issue 10): the cloud side of speculative decoding ------------ */
typedef struct ew_verify_cfg {
    bool enabled;        /* /v1/edgeway/verify and /info serve the models; default true */
    int max_sessions;    /* sessions kept at once; default 64 */
    int64_t max_memory;  /* bytes of session buffers (KV caches included); default 1 GiB */
    int idle_timeout_ms; /* an unused session is dropped after this; default 60000 */
    int max_draft;       /* draft tokens one round may carry, 1..64; default 16 */
    int ctx;             /* positions per session; 0 = the model's ctx (default 4096 cap) */
    int threads;         /* threads per session's forward pass; 0 = the model's threads */
    int workers;         /* rounds evaluated at once; default 1 */
    int queue;           /* rounds waiting for a worker; default 64 */
} ew_verify_cfg;

/* ---- pii (issue 5): what the detector reports ------------------------------- */

/* The canonical PII type names, NULL-terminated: "email", "phone", ... */
const char *const *ew_config_pii_types(void);

typedef struct ew_pii_score_cfg {
    const char *type;
    double min_score; /* [0,1] */
} ew_pii_score_cfg;

typedef struct ew_pii_cfg {
    bool enabled;       /* default true; false: nothing is detected and nothing may name a type */
    const char **types; /* (n_types) types to detect; default every type */
    int n_types;
    double min_score;             /* spans scoring below are dropped; -1 (default) = the
                                     detector's own per-type thresholds */
    ew_pii_score_cfg *min_scores; /* (n_min_scores) per-type overrides */
    int n_min_scores;
    const char **allow_values; /* (n_allow_values) literal values that are never PII */
    int n_allow_values;
    const char **allow_domains; /* (n_allow_domains) email/URL domains that are never PII */
    int n_allow_domains;
    const char **deny_terms; /* (n_deny_terms) custom terms always reported (Aho-Corasick) */
    int n_deny_terms;
    const char **deny_regex; /* (n_deny_regex) POSIX extended regexes, checked at load */
    int n_deny_regex;
    const char *deny_type;  /* the type deny matches report as; default "custom" */
    int64_t max_scan_bytes; /* larger input counts as the strictest class; default 4 MiB */
} ew_pii_cfg;

/* ---- device state (issue 6): battery, charging, thermal, low power, metered ---- */

typedef enum ew_device_source {
    EW_DEVICE_SOURCE_PUSH = 0, /* ew_device_set() / PUT /v1/edgeway/device (default) */
    EW_DEVICE_SOURCE_SYSFS,    /* power_supply and thermal under sysfs_root, pushes laid over */
    EW_DEVICE_SOURCE_STATIC,   /* the values below */
    EW_DEVICE_SOURCE_HEADER,   /* only the per-request x-edgeway-device header */
} ew_device_source;

/* Thermal levels, in order (Android THERMAL_STATUS_*, iOS thermalState and
 * Linux trip points map onto these; docs/device.md has the table). */
#define EW_THERMAL_NOMINAL  0
#define EW_THERMAL_FAIR     1
#define EW_THERMAL_SERIOUS  2
#define EW_THERMAL_CRITICAL 3

/* Tri-states: -1 = unknown, 0 = no, 1 = yes. */
typedef struct ew_device_state_cfg {
    int battery_pct; /* 0..100; -1 unknown */
    int charging;
    int thermal; /* EW_THERMAL_*; -1 unknown */
    int low_power;
    int metered;
} ew_device_state_cfg;

typedef struct ew_device_cfg {
    ew_device_source source;
    const char *sysfs_root;      /* default "/sys/class" */
    int sysfs_cache_ms;          /* a sysfs read is reused this long; default 5000 */
    int max_age_ms;              /* older state counts as unknown; default 300000 (5 min) */
    bool header_override;        /* the request header's fields win over the source's; default
                                    false */
    ew_device_state_cfg fixed;   /* source static: the values; all unknown by default */
    int low_battery_pct;         /* sysfs: low_power below this while not charging; default 20,
                                    -1 = never derived */
    int battery_hysteresis_pct;  /* default 3 */
    double thermal_fair_c;       /* zone temperatures without trip points; default 45 */
    double thermal_serious_c;    /* default 60 */
    double thermal_critical_c;   /* default 80 */
    double thermal_hysteresis_c; /* default 2 */
} ew_device_cfg;

/* ---- difficulty (issue 6) --------------------------------------------------------- */

typedef struct ew_difficulty_cfg {
    bool enabled;        /* default true; false: difficulty is 0 and conditions on it never match */
    const char *weights; /* resolved path; NULL = the shipped weights built into the library */
    int weights_line;    /* where `weights` was written (1-based); 0 = not written */
    int weights_column;
    double threshold;    /* what counts as hard (the `hard: true` shorthand); default 0.5 */
} ew_difficulty_cfg;

/* ---- routing (issues 6, 8, 9, 10) ------------------------------------------------- */

/* A numeric condition: lo < x < hi with each end open or closed; unset ends are
 * infinite. Written {gt: a, lte: b} (or eq) in YAML. */
typedef struct ew_cmp_cfg {
    bool set;
    double lo, hi;
    bool lo_incl, hi_incl;
} ew_cmp_cfg;

typedef enum ew_split_mode {
    EW_SPLIT_PSEUDONYMIZE = 0,
    EW_SPLIT_LOCAL_PREFIX,
} ew_split_mode;

/* Deny messages are copied into decisions; this bounds them. */
#define EW_CONFIG_MAX_MESSAGE 480

/* What to do: a route and its target. */
typedef struct ew_action_cfg {
    ew_route route;
    const char *backend; /* remote, split, speculative, cascade: NULL = by priority */
    const char *model;   /* local model (local, cascade, speculative draft, split
                            local-prefix): NULL = the first model */
    const char *message; /* deny: shown to the client */
    int split_mode;      /* split: EW_SPLIT_*; -1 = routing.split.mode */
    int line, column;    /* where it was written */
} ew_action_cfg;

/* Every set condition must hold (AND). Tri-states: -1 = not set. */
typedef struct ew_cond_cfg {
    int pii;              /* 1: any PII at all, 0: none at all */
    const char **pii_any; /* (n_pii_any) at least one of these types ... */
    int n_pii_any;
    const char **pii_all; /* (n_pii_all) every one of these types ... */
    int n_pii_all;
    const char **pii_none; /* (n_pii_none) none of these types */
    int n_pii_none;
    int pii_min_count;     /* ... with at least this many spans each; default 1 */
    ew_cmp_cfg difficulty; /* [0,1] */
    int hard;              /* difficulty >= difficulty.threshold */
    ew_cmp_cfg battery;    /* percent; unknown battery never matches */
    int charging;
    unsigned thermal; /* bit per EW_THERMAL_* level, bit 4 = unknown; 0 = not set */
    int low_power;
    int metered;
    const char *backend; /* health of this backend; NULL = the action's (or the first) */
    int breaker_open;
    int backend_available;  /* a route to it would be tried now */
    ew_cmp_cfg rtt_ms;      /* EWMA round trip */
    ew_cmp_cfg local_queue; /* requests waiting for the local engine */
    const char **models;    /* (n_models) requested model or alias */
    int n_models;
    const char **tenants; /* (n_tenants) */
    int n_tenants;
    const char **keys; /* (n_keys) API key names */
    int n_keys;
    ew_cmp_cfg prompt_tokens;
    ew_cmp_cfg prompt_bytes;
    int stream;
} ew_cond_cfg;

#define EW_THERMAL_UNKNOWN_BIT (1u << 4)

typedef struct ew_rule_cfg {
    const char *name;        /* reported in x-edgeway-rule */
    const char *description; /* optional; added to the decision's reasons */
    ew_cond_cfg when;
    ew_action_cfg action;
    ew_action_cfg *fallbacks; /* (n_fallbacks) this rule's own; NULL = routing.fallbacks */
    int n_fallbacks;
    int line, column;
} ew_rule_cfg;

/* A model name clients may ask for that maps to an action, e.g. "smart". */
typedef struct ew_alias_cfg {
    const char *name;
    ew_action_cfg action;
} ew_alias_cfg;

typedef enum ew_cascade_metric {
    EW_CASCADE_MEAN_TOP1 = 0, /* mean probability of the chosen token */
    EW_CASCADE_MARGIN,        /* mean top-1 minus top-2 probability */
} ew_cascade_metric;

typedef struct ew_cascade_cfg {
    int probe_tokens; /* local tokens judged before deciding; default 16 */
    ew_cascade_metric metric;
    double min_confidence; /* below it the request escalates; default 0.5 */
} ew_cascade_cfg;

typedef struct ew_speculative_cfg {
    int k;                 /* initial draft length; default 4 */
    int k_max;             /* default 16 */
    bool adaptive;         /* k follows acceptance (EWMA) and RTT; default true */
    double p_min;          /* drafting stops when the draft's top prob falls below; default 0.3 */
    int early_exit_layers; /* draft = first L layers of the model; 0 = the whole draft model */
    double min_acceptance; /* below it fall back to plain remote streaming; default 0.3 */
} ew_speculative_cfg;

typedef struct ew_split_cfg {
    ew_split_mode mode; /* default pseudonymize */
    const char **types; /* (n_types) types replaced; default every detected type */
    int n_types;
    bool prefix_system;      /* local-prefix: the system message stays local; default true */
    int prefix_min_pii;      /* local-prefix: messages with this many spans stay local; default 1 */
    const char *instruction; /* local-prefix: condensing instruction; NULL = built-in */
    int max_context_tokens;  /* local-prefix: condensed context cap; default 256 */
    int max_conversations;   /* vaults kept (one per conversation); default 256 */
    int conversation_ttl_ms; /* an unused vault is wiped after this; default 1 h */
    int64_t vault_max_bytes; /* values one vault holds; default 64 KiB */
} ew_split_cfg;

typedef struct ew_routing_cfg {
    ew_rule_cfg *rules; /* (n_rules) in order; the first match decides */
    int n_rules;
    ew_action_cfg default_action; /* when no rule matches; default local */
    ew_action_cfg *fallbacks;     /* (n_fallbacks) tried in order when a route is unavailable */
    int n_fallbacks;
    const char **never_remote; /* (n_never_remote) PII types that never leave the device */
    int n_never_remote;
    ew_route never_remote_route;      /* local (default), split or deny */
    const char *never_remote_message; /* deny message */
    ew_alias_cfg *aliases;            /* (n_aliases) */
    int n_aliases;
    ew_cascade_cfg cascade;
    ew_speculative_cfg speculative;
    ew_split_cfg split;
} ew_routing_cfg;

typedef struct ew_config {
    _Atomic int refs;
    ew_arena arena;   /* owns everything below */
    const char *path; /* the file it came from, or "<string>" */
    const char *dir;  /* its directory, for relative paths */
    int version;      /* schema version; 1 */
    ew_server_cfg server;
    ew_log_cfg log;
    ew_auth_cfg auth;
    ew_model_cfg *models; /* (n_models) */
    int n_models;
    ew_backend_cfg *backends; /* (n_backends) */
    int n_backends;
    ew_verify_cfg verify;
    /* Always set: a section that is absent holds its defaults. */
    ew_pii_cfg *pii;
    ew_device_cfg *device;
    ew_difficulty_cfg *difficulty;
    ew_routing_cfg *routing;
    bool require_signed_config; /* the trust module checks the signature */
    /* ECDSA P-256 public key (path) that must have signed the next config
     * when require_signed_config is on, and models marked signed. */
    const char *signing_key;
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
/* File paths inside the config (models, TLS files, weights, ...) are already
 * resolved against the config file's directory at load. This resolves other
 * relative paths the same way into out; EW_ERR_TOO_LARGE if it does not fit. */
int ew_config_resolve_path(const ew_config *c, const char *path, char *out, size_t out_size);

#endif
