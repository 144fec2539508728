/* What a key's name says about its value (ew__pii_key_kind, router/pii_key.c):
 * one case for each of its rules, so the tables it is read with (words found
 * anywhere filtered by their first three bytes, whole parts by a hash, the
 * name folded eight bytes at a time) answer as the rules say, in any case
 * and wherever the name sits in the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "router/pii_internal.h"

static const struct {
    const char *name;
    int kind;
} cases[] = {
    /* a password word anywhere, in several languages and scripts */
    {"password", PII_KEY_PASSWORD},
    {"DB_PASSWORD", PII_KEY_PASSWORD},
    {"userPassphrase", PII_KEY_PASSWORD},
    {"kennwort", PII_KEY_PASSWORD},
    {"contrase\xc3\xb1"
     "a",
     PII_KEY_PASSWORD},
    {"has\xc5\x82o_bazy", PII_KEY_PASSWORD},
    /* a password part: whole parts only */
    {"db_pass", PII_KEY_PASSWORD},
    {"smtpPwd", PII_KEY_PASSWORD},
    {"root.pw", PII_KEY_PASSWORD},
    {"passage", PII_KEY_NONE},
    {"compass_heading", PII_KEY_NONE},
    /* a secret word anywhere, a secret part */
    {"AWS_SECRET_ACCESS_KEY", PII_KEY_SECRET},
    {"githubToken", PII_KEY_SECRET},
    {"client.credentials", PII_KEY_SECRET},
    {"x-authorization", PII_KEY_SECRET},
    {"ado_pat", PII_KEY_SECRET},
    {"basic-auth", PII_KEY_SECRET},
    {"patch", PII_KEY_NONE},
    /* a key part, and providers whose keys have no prefix */
    {"api_key", PII_KEY_KEY},
    {"apiKey", PII_KEY_SECRET}, /* "apikey" is a secret word wherever it is */
    {"STRIPE_KEYS", PII_KEY_KEY},
    {"mailgun", PII_KEY_KEY},
    {"monkey", PII_KEY_NONE},
    {"keyboard_layout", PII_KEY_NONE},
    /* names that describe a secret, public keys */
    {"password_policy", PII_KEY_NONE},
    {"resetPasswordUrl", PII_KEY_NONE},
    {"publicKey", PII_KEY_NONE},
    {"stripe_publishable_key", PII_KEY_NONE},
    {"token_ttl", PII_KEY_NONE},
    {"tokenizer", PII_KEY_NONE},
    {"ssh_key_fingerprint", PII_KEY_NONE},
    /* a documented secret named "id" */
    {"CC_TEST_REPORTER_ID", PII_KEY_KEY},
    {"cc_test_reporter_ids", PII_KEY_NONE},
    /* keys that find a record */
    {"idempotency_key", PII_KEY_NONE},
    {"cacheKey", PII_KEY_NONE},
    {"partition-key", PII_KEY_NONE},
    {"cursor.key", PII_KEY_NONE},
    /* tokens that find a place, unless the name says they open something */
    {"next_page_token", PII_KEY_NONE},
    {"continuationToken", PII_KEY_NONE},
    {"X-Trace-Token", PII_KEY_NONE},
    {"next_access_token", PII_KEY_SECRET},
    {"page_refresh_token", PII_KEY_SECRET},
    {"syncAuthToken", PII_KEY_SECRET},
    /* about a secret, by the name's end */
    {"api_key_url", PII_KEY_NONE},
    {"token_type", PII_KEY_NONE},
    {"secretName", PII_KEY_NONE},
    {"apiKeyId", PII_KEY_NONE},
    {"password_id", PII_KEY_PASSWORD}, /* a password word wins before the end is read */
    /* names with nothing to say */
    {"timeout_ms", PII_KEY_NONE},
    {"created_at", PII_KEY_NONE},
    {"containerPort", PII_KEY_NONE},
    {"x", PII_KEY_NONE},
    /* only the first 64 bytes are read */
    {"a_very_long_configuration_name_for_the_service_that_runs_nightly_token", PII_KEY_NONE},
    {"a_very_long_configuration_name_for_the_token_service_that_runs_nightly", PII_KEY_SECRET},
};

static void test_cases(void **state)
{
    (void)state;
    ew__pii_key_init();
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const unsigned char *s = (const unsigned char *)cases[k].name;
        int got = ew__pii_key_kind(s, 0, strlen(cases[k].name));
        if (got != cases[k].kind) fail_msg("%s: %d, want %d", cases[k].name, got, cases[k].kind);
    }
}

/* The name inside a text, after 0 to 17 other bytes (the fold reads eight
 * bytes at a time from where the name starts), and in upper and lower case
 * where the rules ignore case (no camelCase split to lose). */
static void test_position_and_case(void **state)
{
    (void)state;
    ew__pii_key_init();
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *name = cases[k].name;
        size_t l = strlen(name);
        char buf[160];
        for (size_t lead = 0; lead < 18; lead++) {
            memset(buf, '=', lead);
            memcpy(buf + lead, name, l);
            buf[lead + l] = ':';
            int got = ew__pii_key_kind((const unsigned char *)buf, lead, lead + l);
            if (got != cases[k].kind)
                fail_msg("%s after %zu bytes: %d, want %d", name, lead, got, cases[k].kind);
        }
        bool camel = false;
        for (size_t p = 1; p < l; p++)
            camel |= name[p] >= 'A' && name[p] <= 'Z' && name[p - 1] >= 'a' && name[p - 1] <= 'z';
        if (camel) continue;
        for (size_t p = 0; p < l; p++)
            buf[p] = (char)(name[p] >= 'a' && name[p] <= 'z' ? name[p] - 32 : name[p]);
        int got = ew__pii_key_kind((const unsigned char *)buf, 0, l);
        if (got != cases[k].kind) fail_msg("%.*s: %d, want %d", (int)l, buf, got, cases[k].kind);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_position_and_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
