/* Signed configs and verified models, for the daemon (edgeway serve).
 * Internal to the library and its tool.
 *
 * The rules for a config:
 *  - a key pinned out of band (`edgeway serve --config-key PUB`) makes every
 *    config need a valid signature by it, at start and on every reload;
 *  - while the running config has require_signed_config, the next one must
 *    be signed by the running config's signing_key (loaded when that config
 *    was accepted, so replacing the key file on disk changes nothing). A
 *    signed successor may name a new key: that is how keys rotate;
 *  - a config that says require_signed_config must itself be signed by its
 *    signing_key, so the setting cannot be claimed by an unsigned file.
 * The file is read once and the signature is checked over exactly the bytes
 * that are parsed.
 */
#ifndef EW_CERTS_CONFIG_TRUST_H
#define EW_CERTS_CONFIG_TRUST_H

#include "edgeway/certs.h"
#include "policy/config.h"

/* What the daemon carries from one config to the next. Zero-initialise. */
typedef struct ew__config_trust {
    ew_sigkey *pinned; /* --config-key; owned; NULL = none */
    ew_sigkey *next;   /* the key the running config requires of its successor; owned */
} ew__config_trust;

/* Loads path under the rules above. On success *out has one reference and
 * *next_key is the key the new config requires of its successor (owned; NULL
 * when it requires none): hand it to ew__config_trust_commit once the config
 * is in force. On failure *out and *next_key are NULL and errs holds the
 * reasons: EW_ERR_NOT_FOUND (no FILE.sig), EW_ERR_INTEGRITY (bad signature),
 * EW_ERR_PARSE (malformed signature), EW_ERR_CONFIG, EW_ERR_IO,
 * EW_ERR_TOO_LARGE. */
int ew__config_load_trusted(const char *path, const ew__config_trust *t, ew_config **out,
                            ew_sigkey **next_key, ew_config_errors *errs);
/* The new config is in force: t takes next_key (replacing the old one). */
void ew__config_trust_commit(ew__config_trust *t, ew_sigkey *next_key);
void ew__config_trust_cleanup(ew__config_trust *t);

/* Checks a model file against its sha256 pin and, when it is marked signed,
 * its PATH.sig by cfg's signing_key, hashing the file once. progress may be
 * NULL. EW_OK when there is nothing to check. */
int ew__model_verify(const ew_config *cfg, const ew_model_cfg *m, ew_progress_fn progress,
                     void *user, ew_error *err);

/* Whether model m of cfg must be verified again after a reload from prev:
 * it is new, or its path, pin, signed flag or signing key changed. */
bool ew__model_changed(const ew_config *prev, const ew_config *cfg, const ew_model_cfg *m);

#endif
