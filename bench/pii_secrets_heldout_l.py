#!/usr/bin/env python3
"""Held-out secret set "l", written after every rule made from set k (a
provider's name as cue, literals piped into commands, credentials by shape
in chat of any language) and scored once before any rule was made for it:
the honest measure of what those rules generalise to. What no earlier set
has:
- secrets set from code in more languages: Go os.Setenv, Rust
  env::set_var, Node process.env, Java System.setProperty, C#
  SetEnvironmentVariable, R Sys.setenv, Julia ENV[], Elixir config, Lua
  locals, Clojure maps, Kotlin/Swift constants;
- tools that take a secret as an argument or in their own syntax: keytool
  -storepass, openssl -passout pass:, gpg --passphrase, zip -P, ssh-keygen
  -N, redis-cli AUTH, MongoDB db.auth, aws configure set, helm repo add
  --password, kubectl --token, vault write, WiFi QR codes, wpa_supplicant
  psk=, systemd Environment=, Dockerfile ENV and --build-arg, Makefile
  exports, crontab lines, .pypirc;
- chat in Welsh, Luxembourgish, Faroese, Breton, Maltese, Kyrgyz, Tajik,
  Tatar, Pashto, Kurdish, Burmese, Khmer, Malayalam, Kannada, Gujarati,
  Sinhala, Xhosa, Igbo, Kinyarwanda, Malagasy, Samoan, Quechua, with the
  value in several places of the sentence;
- providers named only by their name that no list holds (resend, posthog,
  upstash, clerk, ably, novu, lemonsqueezy).
Look-alikes: Ansible Vault blobs, content-hashed file names, image ids,
host key fingerprints, ULIDs, nanoid links, AWS account ids, client ids,
publishable keys, promo codes and room numbers in chat, password-policy
examples, variables in the same syntaxes.

  python3 bench/pii_secrets_heldout_l.py [--n 400] [--seed 7] > /tmp/l.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/l.jsonl --errors secret
"""
import string

from pii_secrets_heldout import ALNUM, B64, HEX, R, UPPER, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector

DIG = string.digits
CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'


def pw():
    """A person's password or a generated one."""
    words = ['Snowdon', 'cwtch', 'Tórshavn', 'kite', 'Kigali', 'baobab', 'Titicaca', 'quinoa']
    return R.choice([
        lambda: R.choice(words).replace('ó', 'o') + str(R.randint(10, 999)) + R.choice('$@&^'),
        lambda: rnd(ALNUM + '@&^$~', R.randint(10, 20)),
        lambda: R.choice(words).replace('ó', 'o').capitalize() + R.choice('-_') + rnd(DIG, 4),
    ])()


def key():
    return R.choice([lambda: rnd(ALNUM, R.randint(28, 48)), lambda: rnd(HEX, 40),
                     lambda: rnd(ALNUM + '_-', 36)])()


def l_code(put, p):
    """Secrets set from code."""
    k = key()
    put('go_setenv', 'os.Setenv("PAYMENTS_API_KEY", "%s")' % k, k)
    k = key()
    put('rust_set_var', 'std::env::set_var("SERVICE_TOKEN", "%s");' % k, k)
    k = key()
    put('node_process_env', "process.env.MAPS_KEY = '%s';" % k, k)
    put('java_set_property', 'System.setProperty("db.password", "%s");' % p, p)
    k = key()
    put('csharp_set_env', 'Environment.SetEnvironmentVariable("STORAGE_SECRET", "%s");' % k, k)
    k = 'sk-' + rnd(ALNUM, 48)
    put('r_sys_setenv', 'Sys.setenv(OPENAI_API_KEY = "%s")' % k, k)
    k = key()
    put('julia_env', 'ENV["GITLAB_TOKEN"] = "%s"' % k, k)
    k = key()
    put('elixir_config', 'config :shop, Shop.Mailer,\n  adapter: Swoosh.Adapters.Mailgun,\n'
        '  api_key: "%s"' % k, k)
    put('lua_local', 'local db_password = "%s"\nlocal db_host = "10.2.0.8"' % p, p)
    put('clojure_map', '(def db {:dbtype "postgresql" :user "app" :password "%s"})' % p, p)
    k = key()
    put('kotlin_const', 'const val API_SECRET: String = "%s"' % k, k)
    k = key()
    put('swift_let', 'let apiToken = "%s"' % k, k)


def l_tools(put, p):
    """Tools that take a secret."""
    put('keytool', 'keytool -importcert -alias ca -file ca.pem -keystore app.jks -storepass %s -noprompt'
        % p, p)
    put('openssl_passout', 'openssl pkcs12 -export -in cert.pem -inkey key.pem -out app.p12 -passout pass:%s'
        % p, p)
    put('gpg_passphrase', 'gpg --batch --pinentry-mode loopback --passphrase "%s" -d backup.tar.gpg' % p, p)
    put('zip_P', 'zip -r -P %s backup.zip ./exports' % p, p)
    put('ssh_keygen_N', 'ssh-keygen -t ed25519 -f deploy_key -N "%s"' % p, p)
    put('redis_auth', 'redis-cli -h cache.kigali.io\n> AUTH %s\nOK' % p, p)
    put('mongo_db_auth', 'use admin\ndb.auth("ops", "%s")' % p, p)
    k = rnd(B64, 40)
    put('aws_configure_set', 'aws configure set aws_secret_access_key %s --profile prod' % k, k)
    put('helm_repo_add', 'helm repo add internal https://charts.kigali.io --username ci --password %s' % p, p)
    k = 'eyJhbGciOiJSUzI1NiIsImtpZCI6I' + rnd(ALNUM, 20) + '.' + rnd(ALNUM + '-_', 120) + '.' + \
        rnd(ALNUM + '-_', 86)
    put('kubectl_token', 'kubectl --server https://10.0.0.1:6443 --token=%s get pods' % k, k)
    put('vault_write', 'vault write database/roles/app db_name=shop password=%s' % p, p)
    put('wifi_qr', 'WIFI:S:Kigali-Guest;T:WPA;P:%s;;' % p, p)
    put('wpa_supplicant', 'network={\n    ssid="baobab"\n    psk="%s"\n}' % p, p)
    k = key()
    put('systemd_env', '[Service]\nEnvironment=NODE_ENV=production\nEnvironment=API_KEY=%s\n'
        'ExecStart=/usr/bin/node server.js' % k, k)
    k = key()
    put('dockerfile_env', 'FROM node:20\nENV SENTRY_DSN_TOKEN=%s\nRUN npm ci' % k, k)
    k = 'npm_' + rnd(ALNUM, 36)
    put('docker_build_arg', 'docker build --build-arg NPM_TOKEN=%s -t web .' % k, k)
    k = key()
    put('makefile_export', 'export DEPLOY_KEY := %s\n\ndeploy:\n\t./deploy.sh' % k, k)
    put('crontab_curl', '0 3 * * * curl -s -u backup:%s https://files.kigali.io/nightly > /dev/null' % p, p)
    k = 'pypi-' + rnd(ALNUM + '-_', 150)
    put('pypirc', '[pypi]\nusername = __token__\npassword = %s' % k, k)


def l_chat(put, p):
    """Chat in languages no earlier set has."""
    k = key()
    put('chat_cy', 'y cyfrinair yw %s' % p, p)
    put('chat_lb', "d'Passwuert ass %s" % p, p)
    put('chat_fo', 'loyniorðið er %s' % p, p)
    put('chat_br', 'ar ger-tremen eo %s' % p, p)
    put('chat_mt', 'il-password hija %s' % p, p)
    put('chat_ky', 'сырсөз: %s' % p, p)
    put('chat_tg', 'рамз ин аст: %s' % p, p)
    put('chat_tt', 'серсүз %s' % p, p)
    put('chat_ps', 'پټنوم دا دی %s' % p, p)
    put('chat_ku', 'şîfre ev e: %s' % p, p)
    put('chat_my', 'စကားဝှက်က %s ပါ' % p, p)
    put('chat_km', 'ពាក្យសម្ងាត់គឺ %s' % p, p)
    put('chat_ml', 'പാസ്‌വേഡ് %s ആണ്' % p, p)
    put('chat_kn', 'ಪಾಸ್‌ವರ್ಡ್ %s' % p, p)
    put('chat_gu', 'પાસવર્ડ છે %s' % p, p)
    put('chat_si', 'මුරපදය %s' % p, p)
    put('chat_xh', 'igama lokugqitha ngu %s' % p, p)
    put('chat_ig', 'okwuntughe bụ %s' % p, p)
    put('chat_rw', "ijambo ry'ibanga ni %s" % p, p)
    put('chat_mg', 'ny tenimiafina dia %s' % p, p)
    put('chat_sm', "o le upu faalilo o %s" % p, p)
    put('chat_qu', 'pakasqa simiqa %s' % p, p)
    put('chat_key_cy', 'dyma’r allwedd API: %s' % k, k)
    put('chat_key_mt', 'hawn hu l-api key tiegħek %s' % k, k)
    put('chat_value_first', '%s — хэн нэгэнд битгий хэлээрэй, энэ бол нууц үг' % p, p)


def l_providers(put):
    k = 're_' + rnd(ALNUM, 32)
    put('prov_resend', 'resend: %s' % k, k)
    k = 'phc_' + rnd(ALNUM, 43)
    put('prov_posthog', '{"posthog": "%s"}' % k, k)
    k = rnd(ALNUM, 44)
    put('prov_upstash', 'upstash = "%s"' % k, k)
    k = 'sk_live_' + rnd(ALNUM, 40)
    put('prov_clerk', 'clerk %s' % k, k)
    k = rnd(ALNUM, 8) + '.' + rnd(ALNUM, 6) + ':' + rnd(ALNUM + '-_', 43)
    put('prov_ably', 'ably: %s' % k, k)
    k = rnd(HEX, 32)
    put('prov_novu', 'NOVU=%s' % k, k)
    k = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.' + rnd(ALNUM, 80) + '.' + rnd(ALNUM + '-_', 120)
    put('prov_lemonsqueezy', 'lemonsqueezy:\n  %s' % k, k)


def l_positives():
    out, put = collector()
    p = pw()
    l_code(put, p)
    l_tools(put, p)
    l_chat(put, p)
    l_providers(put)
    return out


def l_negatives():
    vault_lines = '\n'.join(rnd(HEX, 80) for _ in range(4))
    return {
        'ansible_vault': 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ' +
        vault_lines.replace('\n', '\n  '),
        'hashed_assets': '<script src="/static/js/main.%s.js"></script>\n<link href="/static/css/'
        'main.%s.css" rel="stylesheet">' % (rnd(HEX, 8), rnd(HEX, 8)),
        'image_ids': 'REPOSITORY   TAG     IMAGE ID       CREATED\nkigali/web   1.9.2   %s   2 days ago'
        % rnd(HEX, 12),
        'host_key': 'ED25519 key fingerprint is SHA256:%s.' % rnd(B64, 43),
        'ulid_log': 'order=%s status=shipped carrier=dhl' % ''.join(R.choice(CROCKFORD) for _ in range(26)),
        'nanoid_link': 'Shared doc: https://docs.kigali.io/d/%s/edit' % rnd(ALNUM + '_-', 21),
        'aws_account': 'arn:aws:iam::%s:role/deploy' % rnd(DIG, 12),
        'client_ids': R.choice(['client_id: %s.apps.googleusercontent.com' % (rnd(DIG, 12) + '-' +
                                                                           rnd('abcdefghijklmnopqrstuvwxyz0123456789', 32)),
                                'NEXT_PUBLIC_POSTHOG_HOST=https://eu.posthog.com']),
        'publishable': R.choice(['stripe.publishableKey = "pk_live_%s"' % rnd(ALNUM, 24),
                                 'const supabaseAnonKeyName = "SUPABASE_ANON_KEY"']),
        'promo_chat': R.choice(['Defnyddiwch y cod SUMMER2024! wrth dalu', 'Kommt an de Raum#214 muer',
                                'промокод: WINTER25! до пятницы', 'Python3.12! ишлейт']),
        'policy_example': R.choice(['Password must be 8+ characters with a symbol, for example: Xy7#...',
                                    'Rhaid i’r cyfrinair gynnwys symbol, e.e. <your-password>']),
        'code_variables': R.choice(['os.Setenv("PAYMENTS_API_KEY", os.Getenv("VAULT_KEY"))',
                                    'System.setProperty("db.password", System.getenv("DB_PASSWORD"));',
                                    'keytool -list -keystore app.jks -storepass:env STORE_PASS',
                                    'zip -r -e backup.zip ./exports']),
        'wifi_public': 'WIFI:S:Kigali-Guest;T:nopass;;',
        'vault_read': 'vault read -field=password database/creds/app',
        'chat_question_l': R.choice(['Beth yw’r cyfrinair?', "Wéi ass d'Passwuert?", 'сырсөздү унуттум',
                                     'ពាក្យសម្ងាត់ភ្លេច', 'Nimesahau nenosiri']),
        'uuid_request': 'x-request-id: %s' % uuid4(),
        'commit_prose': 'fixed in %s, see the PR' % rnd(HEX, 40),
        'upper_ids': 'Tracking: %s · Ref %s' % (rnd(UPPER + DIG, 18), rnd(UPPER + DIG, 10)),
    }


def main():
    one_set_main('l', l_positives, l_negatives)


if __name__ == '__main__':
    main()
