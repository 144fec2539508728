#!/usr/bin/env python3
"""Held-out secret set "n", written after every rule made from set m (the
word for "password" from software translations, name/value records in YAML,
JSON and plists, default and fallback literals, WiFi QR codes, Redis AUTH)
and scored once before any rule was made for it. What no earlier set has:
- carriers: Jenkinsfile environment blocks, GitHub Actions `with:` inputs,
  serverless.yml, Spring application.yml nesting, .NET appsettings.json
  connection strings, wp-config.php, Rails credentials in plain text, Go
  struct literals, Rust and Swift client constructors, SQL CREATE USER /
  ALTER ROLE, libpq conninfo strings, sqlcmd, .git-credentials, pip index
  URLs, .npmrc `_auth`, docker config.json, az login -p, firebase
  functions:config:set, heroku config:set;
- tokens of providers by shape: Braintree, Plaid, LaunchDarkly, Cloudinary
  URLs, Twitch `oauth:`, Perplexity, Heroku `HRKU-`, Terraform Cloud
  `.atlasv1.`, Google OAuth refresh tokens, Telnyx, Mux;
- chat in Catalan, Romanian, Hungarian, Croatian, Finnish, Tagalog,
  Esperanto, Occitan, Armenian, Azerbaijani (words the translations hold)
  and Yoruba, Wolof, Sundanese, Javanese, Tigrinya (words they do not).
Look-alikes: encrypted values (Pulumi `secure:`, SOPS `ENC[...]`, sealed
secrets), object ids of the same providers (Stripe `cus_`, Twilio `AC`
account ids, Plaid item ids), image digests, npm integrity hashes,
variables of the same carriers, hex colours and MAC addresses, ticket
numbers and "the password is too short" in the same languages.

  python3 bench/pii_secrets_heldout_n.py [--n 400] [--seed 7] > /tmp/n.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/n.jsonl --errors secret
"""
import json
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, UPPER, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector

DIG = string.digits
LOWER = string.ascii_lowercase


def pw():
    words = ['Girona', 'dacia', 'Szeged', 'Split', 'Oulu', 'Cebu', 'Sevan', 'Ganja', 'Ibadan', 'Bandung']
    return R.choice([
        lambda: R.choice(words) + str(R.randint(1960, 2030)),
        lambda: R.choice(words).lower() + R.choice('#!$') + str(R.randint(10, 9999)),
        lambda: rnd(ALNUM, R.randint(12, 18)),
        lambda: R.choice(words) + '_' + R.choice(words).lower() + str(R.randint(1, 99)),
        lambda: rnd(ALNUM + '@%+-', R.randint(14, 22)),
    ])()


def key():
    return R.choice([lambda: rnd(ALNUM, R.randint(32, 44)), lambda: rnd(HEX, R.choice([32, 40])),
                     lambda: rnd(B64URL, 40)])()


def user():
    return R.choice(['jenkins', 'webapp', 'ops', 'marta', 'etl_ro'])


def n_config(put, p):
    k = key()
    put('jenkinsfile', "pipeline {\n  agent any\n  environment {\n    SONAR_HOST = 'https://sonar.girona.cat'\n"
        "    SONAR_LOGIN = '%s'\n  }\n}" % k, k)
    k = key()
    put('gha_with', '- uses: some/deploy-action@v3\n  with:\n    region: eu-west-1\n    api-token: %s' % k, k)
    k = key()
    put('serverless', 'provider:\n  name: aws\n  environment:\n    STAGE: prod\n    MAILJET_SECRET: %s' % k, k)
    put('spring_nested', 'spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/app\n    username: %s\n'
        '    password: %s\n  jpa:\n    open-in-view: false' % (user(), p), p)
    put('appsettings', json.dumps({'ConnectionStrings': {
        'Default': 'Server=db.girona.cat;Database=shop;User Id=%s;Password=%s;' % (user(), p)},
        'Logging': {'LogLevel': {'Default': 'Warning'}}}, indent=2), p)
    put('wp_config', "define( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', '%s' );\n"
        "define( 'DB_PASSWORD', '%s' );" % (user(), p), p)
    k = rnd(HEX, 128)
    put('rails_credentials', 'aws:\n  access_key_id: AKIA%s\n  secret_access_key: %s\nsecret_key_base: %s'
        % (rnd(UPPER + '234567', 16), rnd(ALNUM + '/+', 40), k), k)
    put('go_struct', 'cfg := Config{\n\tHost:     "db.girona.cat",\n\tUser:     "%s",\n\tPassword: "%s",\n}'
        % (user(), p), p)
    k = key()
    put('rust_client', 'let client = ApiClient::new("https://api.szeged.hu", "%s");' % k, k)
    k = key()
    put('swift_client', 'let client = PaymentsClient(apiKey: "%s", environment: .production)' % k, k)


def n_db(put, p):
    put('sql_create_user', "CREATE USER %s WITH PASSWORD '%s';" % (user(), p), p)
    put('sql_alter_role', "ALTER ROLE %s WITH LOGIN PASSWORD '%s' VALID UNTIL '2026-01-01';" % (user(), p), p)
    put('libpq_conninfo', 'psql "host=db.girona.cat port=5432 dbname=shop user=%s password=%s sslmode=require"'
        % (user(), p), p)
    put('sqlcmd', 'sqlcmd -S tcp:db.girona.cat,1433 -U sa -P %s -Q "SELECT @@VERSION"' % p, p)
    put('mysqldump', 'mysqldump --user=%s --password=%s --single-transaction shop > shop.sql' % (user(), p), p)


def n_files(put, p):
    k = 'ghp_' + rnd(ALNUM, 36)
    put('git_credentials', 'https://%s:%s@github.com' % (user(), k), k)
    put('pip_index', 'pip install --index-url https://%s:%s@pypi.girona.cat/simple/ shoplib' % (user(), p), p)
    k = b64('%s:%s' % (user(), p))
    put('npmrc_auth', 'registry=https://npm.girona.cat/\n_auth=%s\nalways-auth=true' % k, k)
    k = b64('%s:%s' % (user(), p))
    put('docker_config', json.dumps({'auths': {'registry.girona.cat': {'auth': k}}}, indent=2), k)
    put('az_login', 'az login --service-principal -u %s -p %s --tenant %s' % (uuid4(), p, uuid4()), p)
    k = 'sk_live_' + rnd(ALNUM, 24)
    put('firebase_config', 'firebase functions:config:set stripe.secret="%s"' % k, k)
    k = key()
    put('heroku_config', 'heroku config:set MAILGUN_API_KEY=%s -a girona-shop' % k, k)


def n_providers(put):
    k = 'access_token$production$%s$%s' % (rnd(LOWER + DIG, 16), rnd(HEX, 32))
    put('braintree', 'BRAINTREE_TOKEN=%s' % k, k)
    k = 'access-production-' + uuid4()
    put('plaid', 'plaid_client.item_get(ItemGetRequest(access_token="%s"))' % k, k)
    k = 'sdk-' + uuid4()
    put('launchdarkly', 'ldclient.set_config(Config("%s"))' % k, k)
    k = 'cloudinary://%s:%s@girona' % (rnd(DIG, 15), rnd(B64URL, 27))
    put('cloudinary', 'CLOUDINARY_URL=%s' % k, k)
    k = 'oauth:' + rnd(LOWER + DIG, 30)
    put('twitch', 'PASS %s\nNICK girona_bot' % k, k)
    k = 'pplx-' + rnd(ALNUM, 48)
    put('perplexity', 'client = OpenAI(api_key="%s", base_url="https://api.perplexity.ai")' % k, k)
    k = 'HRKU-' + uuid4()
    put('heroku_new', 'export HEROKU_API_KEY=%s' % k, k)
    k = '%s.atlasv1.%s' % (rnd(ALNUM, 14), rnd(ALNUM, 67))
    put('tfc', 'credentials "app.terraform.io" {\n  token = "%s"\n}' % k, k)
    k = '1//0' + rnd(B64URL, 99)
    put('google_refresh', '{"refresh_token": "%s", "client_id": "%d-x.apps.googleusercontent.com"}'
        % (k, R.randint(10 ** 11, 10 ** 12)), k)
    k = 'KEY0' + rnd(HEX.upper(), 32) + '_' + rnd(ALNUM, 22)
    put('telnyx', 'telnyx.api_key = "%s"' % k, k)
    k = rnd(ALNUM + '/+', 75)
    put('mux', 'MUX_TOKEN_ID=%s\nMUX_TOKEN_SECRET=%s' % (uuid4(), k), k)


def n_chat(put, p):
    h = rnd(HEX, 40)
    put('chat_ca', 'la contrasenya nova és %s' % p, p)
    put('chat_ro', 'parola de la router este %s' % p, p)
    put('chat_hu', 'a wifi jelszó: %s' % p, p)
    put('chat_hr', 'lozinka za bazu je %s' % p, p)
    put('chat_fi', 'palvelimen salasana on %s' % p, p)
    put('chat_tl', 'ang password ng admin ay %s' % p, p)
    put('chat_eo', 'la pasvorto estas %s' % p, p)
    put('chat_oc', 'lo senhal es %s' % p, p)
    put('chat_hy', 'գաղտնաբառը %s է' % p, p)
    put('chat_az', 'şifrə: %s' % p, p)
    put('chat_yo', 'ọ̀rọ̀ aṣínà ni %s' % p, p)
    put('chat_wo', 'baatu jàll bi mooy %s' % p, p)
    put('chat_su', 'kecap konci na %s' % p, p)
    put('chat_jv', 'tembung sandhine %s' % p, p)
    put('chat_ti', 'ሕላገ ቃል %s እዩ' % p, p)
    put('chat_hex_token', 'új token a CI-hez: %s' % h, h)


def n_positives():
    out, put = collector()
    p = pw()
    n_config(put, p)
    n_db(put, p)
    n_files(put, p)
    n_providers(put)
    n_chat(put, p)
    return out


def n_negatives():
    return {
        'pulumi_secure': 'config:\n  shop:dbPassword:\n    secure: v1:%s:%s' % (rnd(B64, 16), rnd(B64, 60)),
        'sops': 'db_password: ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]' % (
            rnd(B64, 24), rnd(B64, 43) + '=', rnd(B64, 22) + '=='),
        'sealed_secret': 'kind: SealedSecret\nspec:\n  encryptedData:\n    password: Ag%s' % rnd(B64, 300),
        'jenkins_ref': "environment {\n    SONAR_LOGIN = credentials('sonar-token')\n}",
        'gha_with_ref': '- uses: some/deploy-action@v3\n  with:\n    api-token: ${{ secrets.DEPLOY_TOKEN }}',
        'spring_ref': 'spring:\n  datasource:\n    password: ${DB_PASSWORD:}\n    username: ${DB_USER:app}',
        'appsettings_ref': json.dumps({'ConnectionStrings': {
            'Default': 'Server=db;Database=shop;Integrated Security=true;'}}),
        'wp_salts_ref': "define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );",
        'stripe_ids': 'customer=cus_%s price=price_%s invoice=in_%s' % (rnd(ALNUM, 14), rnd(ALNUM, 24),
                                                                       rnd(ALNUM, 24)),
        'twilio_sid': 'TWILIO_ACCOUNT_SID=AC%s' % rnd(HEX, 32),
        'plaid_item': 'item_id: %s' % rnd(ALNUM, 37),
        'image_digest': 'image: registry.girona.cat/shop@sha256:%s' % rnd(HEX, 64),
        'npm_integrity': '"integrity": "sha512-%s=="' % rnd(B64, 86),
        'sql_ref': "ALTER ROLE app WITH LOGIN PASSWORD NULL;",
        'libpq_ref': 'psql "host=db.girona.cat dbname=shop user=app sslmode=require"',
        'az_ref': 'az login --service-principal -u $AZ_CLIENT_ID -p $AZ_CLIENT_SECRET --tenant $AZ_TENANT',
        'colours_macs': 'accent: #%s; border: #%s; mac %s' % (rnd(HEX, 6), rnd(HEX, 6),
                                                             ':'.join(rnd(HEX, 2) for _ in range(6))),
        'chat_lookalikes': R.choice([
            'la contrasenya és massa curta', 'parola este greșită', 'a jelszó túl rövid',
            'lozinka je istekla', 'salasana on vanhentunut', 'ang password ay mali',
            'la pasvorto estas tro mallonga', 'bileta numero: GIR-2024-5531', 'tiket SZE#88412 lezárva',
            'versio 4.12.7 julkaistu', 'commit %s merged' % rnd(HEX, 40)]),
    }


def main():
    one_set_main('n', n_positives, n_negatives)


if __name__ == '__main__':
    main()
