#!/usr/bin/env python3
"""Held-out secret set "p", written after the rules made from set o
(documentation hosts holding a describing password, hand-typed webhook ids,
digest names, wrong-length provider bodies, placeholders in query strings)
and scored once before any rule was made for it. Other carriers and
providers than o: Discord, Mattermost and Zapier webhooks, Redis, MySQL,
AMQP, LDAP and SMTP URIs at documentation hosts (example.org, *.test,
*.invalid, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::), README tables,
Helm values, Terraform tfvars, .NET user secrets, Go and Rust clients,
HTTP client files (.http), Postman-like JSON; look-alikes: wrong-length
GitLab, Slack, Hugging Face and Doppler tokens, ellipses, digests named
*_sha1 / *_md5 / *_hashed, describing passwords ("mypassword",
"SuperSecretPassword", "passw0rd", "your-password") at documentation hosts.
Positives: the same carriers at real hosts with real-looking values.

  python3 bench/pii_secrets_heldout_p.py [--n 400] [--seed 7] > /tmp/p.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/p.jsonl --errors secret
"""
import json
import string

from pii_secrets_heldout import ALNUM, B64URL, HEX, R, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector

DIG = string.digits
LOWER = string.ascii_lowercase


def pw():
    words = ['Harstad', 'oriole', 'Kisumu', 'Trieste', 'wombat', 'Gdynia', 'Zwolle', 'ibex']
    return R.choice([
        lambda: R.choice(words) + R.choice('.!#') + str(R.randint(100, 9999)),
        lambda: rnd(ALNUM, R.randint(16, 22)),
        lambda: R.choice(words).lower() + str(R.randint(10, 99)) + R.choice(words),
        lambda: rnd(ALNUM + '!$%*', R.randint(14, 20)),
    ])()


def user():
    return R.choice(['billing', 'ingest', 'kisumu_ro', 'svc-mail', 'grafana'])


def host():
    return R.choice(['mq.harstad-logistics.no', '10.12.0.45', 'ldap.gdynia-port.pl', 'smtp.oriole-mail.net'])


def doc_host():
    return R.choice(['example.org', 'mail.example.net', 'broker.test', 'ldap.invalid', '198.51.100.23',
                     '203.0.113.9', '[2001:db8:85a3::8a2e:370:7334]'])


def p_positives():
    out, put = collector()
    p = pw()
    k = 'https://discord.com/api/webhooks/%d/%s' % (R.randint(10 ** 17, 10 ** 18), rnd(B64URL, 68))
    put('discord_hook', 'DISCORD_WEBHOOK=%s' % k, k)
    k = 'https://hooks.slack.com/services/T%s/B%s/%s' % (rnd('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10),
                                                       rnd('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10), rnd(ALNUM, 24))
    put('slack_hook_yaml', 'notifications:\n  slack:\n    url: %s' % k, k)
    put('redis_uri', 'REDIS_URL=redis://default:%s@%s:6379/0' % (p, host()), p)
    put('mysql_uri', 'spring.datasource.url=jdbc:mysql://%s:3306/shop?user=%s&password=%s' % (host(), user(), p), p)
    put('amqp_uri', 'CELERY_BROKER_URL=amqp://%s:%s@%s:5672//' % (user(), p, host()), p)
    put('ldap_uri', 'ldap_uri = "ldaps://cn=%s,dc=gdynia,dc=pl:%s@%s:636"' % (user(), p, host()), p)
    put('smtp_uri', 'MAILER_DSN=smtp://%s:%s@%s:587' % (user(), p, host()), p)
    k = 'glpat-' + rnd(ALNUM + '_-', 20)
    put('readme_table', '| Variable | Value |\n|---|---|\n| `GITLAB_TOKEN` | `%s` |' % k, k)
    put('helm_values', 'postgresql:\n  auth:\n    username: %s\n    password: "%s"\n    database: shop'
        % (user(), p), p)
    k = rnd(ALNUM, 40)
    put('tfvars', 'datadog_api_key = "%s"\nregion = "eu-north-1"' % rnd(HEX, 32) + '\napp_key = "%s"' % k, k)
    k = rnd(B64URL, 43)
    put('dotnet_user_secrets', 'dotnet user-secrets set "Payments:ApiSecret" "%s"' % k, k)
    k = rnd(ALNUM, 36)
    put('go_client', 'client := shipping.NewClient(shipping.WithAPIKey("%s"))' % k, k)
    k = 'xoxb-%d-%d-%s' % (R.randint(10 ** 11, 10 ** 12), R.randint(10 ** 12, 10 ** 13), rnd(ALNUM, 24))
    put('rust_client', 'let slack = SlackClient::new("%s");' % k, k)
    k = rnd(B64URL, 48)
    put('http_file', '### Get orders\nGET https://api.harstad-logistics.no/v1/orders\nX-Api-Key: %s' % k, k)
    k = 'hf_' + rnd(ALNUM, 34)
    put('hf_env', 'HUGGING_FACE_HUB_TOKEN=%s' % k, k)
    k = 'dp.st.prd.' + rnd(ALNUM, 43)
    put('doppler', 'doppler run --token %s -- npm start' % k, k)
    k = uuid4()
    put('zapier_hook', 'ZAPIER_CATCH_HOOK=https://hooks.zapier.com/hooks/catch/%d/%s/'
        % (R.randint(10 ** 6, 10 ** 7), rnd(LOWER + DIG, 7)) + '\nZAPIER_SECRET=%s' % k, k)
    k = rnd(LOWER + DIG, 26)
    put('mattermost_hook', 'MATTERMOST_WEBHOOK=https://chat.oriole-mail.net/hooks/%s' % k, k)
    put('postman_json', json.dumps({'auth': {'type': 'basic', 'basic': [
        {'key': 'username', 'value': user()}, {'key': 'password', 'value': p}]}}), p)
    put('real_host_describing', 'DATABASE_URL=postgres://app:%s@%s:5432/shop' % (p, host()), p)
    return out


def p_negatives():
    h = doc_host()
    describing = R.choice(['mypassword', 'SuperSecretPassword', 'passw0rd', 'your-password',
                           'secretpassword', 'P%40ssw0rd'])
    return {
        'doc_redis': 'redis://default:%s@%s:6379/0' % (describing, h),
        'doc_amqp': 'amqp://user:%s@%s:5672/vhost' % (describing, h),
        'doc_smtp': 'MAILER_DSN=smtp://user:%s@%s:25' % (describing, h),
        'doc_mysql': 'mysql://root:%s@%s:3306/app' % (describing, h),
        'doc_ldap': 'ldap://cn=admin:%s@%s' % (describing, h),
        'slack_hook_zeros': 'url: https://hooks.slack.com/services/T00000000/B00000000/' + 'X' * 24,
        'discord_hook_doc': 'https://discord.com/api/webhooks/000000000000000000/' + 'x' * 68,
        'teams_hook_doc': 'https://example.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/'
                          '<id>/<owner>',
        'wrong_len_gitlab': 'GITLAB_TOKEN=glpat-%s' % rnd(ALNUM, 8),
        'wrong_len_slack': 'token: xoxb-%s' % rnd(DIG, 6),
        'wrong_len_hf': 'HF_TOKEN=hf_%s' % rnd(ALNUM, 10),
        'wrong_len_npm': 'NPM_TOKEN=npm_%s' % rnd(ALNUM, 20),
        'ellipsis': R.choice(['api_key: "sk-proj-%s..."' % rnd(ALNUM, 6),
                              'token = "ghp_%s…"' % rnd(ALNUM, 5),
                              'HF_TOKEN=hf_%s...' % rnd(ALNUM, 4)]),
        'digest_names': R.choice(['client_secret_sha1: %s' % rnd(HEX, 40),
                                  'api_token_md5 = "%s"' % rnd(HEX, 32),
                                  'password_hashed: %s' % rnd(HEX, 64),
                                  'secret_key_sha512: %s' % rnd(HEX, 128)]),
        'query_placeholder': R.choice([
            'https://api.openweathermap.org/data/2.5/weather?q=Oslo&appid=YOUR_API_KEY',
            'https://newsapi.org/v2/top-headlines?country=no&apiKey=<your-api-key>',
            'curl "https://api.example.org/v1/items?access_token=${ACCESS_TOKEN}"']),
        'helm_ref': 'postgresql:\n  auth:\n    existingSecret: shop-db\n    secretKeys:\n      adminPasswordKey: '
                    'postgres-password',
        'tfvars_ref': 'datadog_api_key = var.datadog_api_key\napp_key = data.vault_generic_secret.dd.data["app_key"]',
        'dotnet_ref': 'dotnet user-secrets set "Payments:ApiSecret" "$PAYMENTS_SECRET"',
        'http_file_ref': '### Get orders\nGET {{baseUrl}}/v1/orders\nX-Api-Key: {{apiKey}}',
        'readme_placeholder': '| Variable | Value |\n|---|---|\n| `GITLAB_TOKEN` | `<your token>` |',
        'public_ids': R.choice(['DISCORD_APPLICATION_ID=%d' % R.randint(10 ** 17, 10 ** 18),
                                'SLACK_CLIENT_ID=%d.%d' % (R.randint(10 ** 11, 10 ** 12), R.randint(10 ** 12, 10 ** 13)),
                                'GOOGLE_CLIENT_ID=%d-%s.apps.googleusercontent.com' % (
                                    R.randint(10 ** 11, 10 ** 12), rnd(LOWER + DIG, 32))]),
    }


def main():
    one_set_main('p', p_positives, p_negatives)


if __name__ == '__main__':
    main()
