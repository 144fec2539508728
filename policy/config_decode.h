/* Internal: the section decoders of the config, shared by config.c and
 * config_routing.c. Each decoder fills its part of the config and reports
 * every problem through the yaml context; none stops at the first error. */
#ifndef EW_POLICY_CONFIG_DECODE_H
#define EW_POLICY_CONFIG_DECODE_H

#include "policy/config.h"
#include "policy/yaml.h"

/* Defaults of the sections that later issues fill in. */
void ew__config_default_pii(ew_pii_cfg *p);
void ew__config_default_device(ew_device_cfg *d);
void ew__config_default_difficulty(ew_difficulty_cfg *d);
void ew__config_default_routing(ew_routing_cfg *r);

/* n may be NULL (section absent): then nothing is reported. Routing is
 * decoded last because it refers to models, backends, keys and PII types. */
void ew__config_decode_pii(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg);
void ew__config_decode_device(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg);
void ew__config_decode_difficulty(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg);
void ew__config_decode_routing(ew_yaml_ctx *c, const ew_yaml_node *n, ew_config *cfg);

/* Reads a file path at map[key], resolves it against the config's directory
 * and reports it when it does not name a readable regular file.
 * Returns like the ew_yaml_get_* functions. */
int ew__config_get_file(ew_yaml_ctx *c, ew_config *cfg, const ew_yaml_node *map, const char *key,
                        unsigned flags, const char **out);

/* Lookups by name; -1 when absent. */
int ew__config_find_model(const ew_config *cfg, const char *name);
int ew__config_find_backend(const ew_config *cfg, const char *name);
bool ew__config_is_pii_type(const char *name);
/* Names used in rules and headers: [A-Za-z0-9_.:-], 1..64 characters. */
bool ew__config_valid_name(const char *s);

#endif
