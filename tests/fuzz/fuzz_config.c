/* libFuzzer harness for the YAML config loader and the routing policy built
 * from it (policy/; see README.md in this folder). A refused config must say
 * why (at least one located error); an accepted one must compile into a
 * policy that decides a request. Seeds: the YAML files in conf/. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy/config.h"
#include "policy/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void decide(ew_config *cfg)
{
    ew_policy *p = ew__policy_new(cfg);
    if (!p) return;
    ew_rule_input in;
    memset(&in, 0, sizeof in);
    in.difficulty = 0.5;
    in.device = (ew_device_state_cfg){50, 0, 1, 0, 1};
    in.pii_counts[0] = 1;
    in.prompt_tokens = 100;
    in.prompt_bytes = 400;
    ew_decision d;
    ew__policy_decide(p, &in, &d);
    in.difficulty = NAN;
    in.model = "local";
    in.pii_failed = true;
    ew__policy_decide(p, &in, &d);
    ew__policy_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1); /* exact size, so ASan sees a read past the end */
    memcpy(text, data, size);
    ew_config *cfg = NULL;
    ew_config_errors *errs = calloc(1, sizeof *errs);
    int st = ew_config_load_string(text, size, "fuzz.yaml", &cfg, errs);
    if (st == EW_OK) {
        if (!cfg) abort();
        decide(cfg);
        ew_config_unref(cfg);
    } else {
        if (cfg || (errs->n < 1 && st != EW_ERR_NOMEM) || errs->n > EW_CONFIG_MAX_ERRORS) abort();
        for (int i = 0; i < errs->n; i++)
            if (!memchr(errs->items[i].message, '\0', sizeof errs->items[i].message) ||
                !errs->items[i].message[0])
                abort();
    }
    free(errs);
    free(text);
    return 0;
}
