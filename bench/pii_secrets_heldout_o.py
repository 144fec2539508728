#!/usr/bin/env python3
"""Held-out secret set "o", written after every rule made from set n and
scored once before any rule was made for it. It is aimed at the NEGATIVES a
judge would write in noseyparker's style:
- documentation snippets of providers and tools with their published example
  values: AWS's EXAMPLE keys, Stripe's test key, GitHub's token-format example,
  Slack's T00000000 webhook, Twilio's ACXXX sid, the Azurite storage emulator's
  well-known account key, RFC 7617 (Aladdin), RFC 6749/6750 (s6BhdRkqt3,
  mF_9.B5f-4.1JqM), RFC 2617 (Mufasa), RFC 5849, jwt.io, kubeadm's
  abcdef.0123456789abcdef, the official Docker images' tutorial passwords
  (my-secret-pw, mysecretpassword, example), libpq's and MongoDB's URIs at
  documentation hosts (example.com, 192.0.2.0/24, 2001:db8::/32), redis.conf's
  foobared, MySQL's IDENTIFIED BY 'password';
- truncated, elided and malformed tokens, wrong-length keys of known prefixes;
- references: $VAR, ${{ secrets.X }}, ERB/Jinja, secretKeyRef, vault paths,
  Azure Key Vault and AWS Secrets Manager ARNs, op:// URIs;
- hashes, fingerprints, public keys and client ids next to key words; masked
  and redacted values.
Positives: real-looking secrets in the same kinds of files (README snippets,
tutorials with a real key pasted in, the same connection strings at real
hosts, the same docker run lines with real passwords).

  python3 bench/pii_secrets_heldout_o.py [--n 400] [--seed 7] > /tmp/o.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/o.jsonl --errors secret
"""
import hashlib
import json
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector

DIG = string.digits
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def pw():
    words = ['Tromso', 'kestrel', 'Aveiro', 'Nakuru', 'marmot', 'Palermo', 'quokka', 'Lublin']
    return R.choice([
        lambda: R.choice(words) + str(R.randint(1970, 2031)) + R.choice('!#%'),
        lambda: rnd(ALNUM, R.randint(14, 20)),
        lambda: R.choice(words).lower() + '-' + R.choice(words).lower() + '-' + str(R.randint(10, 99)),
        lambda: rnd(ALNUM + '!@#%^*', R.randint(16, 24)),
    ])()


def user():
    return R.choice(['svc_orders', 'reporting', 'appuser', 'deploy', 'aveiro_rw'])


def real_host():
    return R.choice(['db1.kestrel-pay.io', '10.40.2.17', 'pg-main.lublin.internal', 'mongo.nakuru-health.org'])


def doc_host():
    return R.choice(['example.com', 'db.example.com', 'mongodb0.example.net', 'host.example.org',
                     '192.0.2.10', '198.51.100.7', '203.0.113.25', '[2001:db8::1]', 'server.test',
                     'db.example'])


def md(lang, body):
    """A README's fenced block."""
    return '## Configuration\n\nSet your credentials:\n\n```%s\n%s\n```\n' % (lang, body)


def o_docs(put, p):
    k = 'AKIA' + rnd(UPPER + '234567', 16)
    s = rnd(ALNUM + '/+', 40)
    put('aws_readme', md('ini', '[default]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = eu-west-1'
                         % (k, s)), s)
    k = 'sk_live_' + rnd(ALNUM, 24)
    put('stripe_curl', 'curl https://api.stripe.com/v1/charges \\\n  -u %s: \\\n  -d amount=2000 -d currency=eur' % k, k)
    k = 'ghp_' + rnd(ALNUM, 36)
    put('github_curl', 'curl -H "Authorization: Bearer %s" https://api.github.com/user/repos' % k, k)
    k = 'https://hooks.slack.com/services/T%s/B%s/%s' % (rnd(UPPER + DIG, 10), rnd(UPPER + DIG, 10), rnd(ALNUM, 24))
    put('slack_webhook_doc', md('bash', "curl -X POST -H 'Content-type: application/json' \\\n"
                                "  --data '{\"text\":\"Hello\"}' %s" % k), k)
    k = rnd(HEX, 32)
    put('twilio_env', "TWILIO_ACCOUNT_SID=AC%s\nTWILIO_AUTH_TOKEN=%s\nTWILIO_FROM=+351912345678" % (rnd(HEX, 32), k), k)
    k = rnd(B64, 86) + '=='
    put('azure_storage', 'DefaultEndpointsProtocol=https;AccountName=kestrelfiles;AccountKey=%s;'
        'EndpointSuffix=core.windows.net' % k, k)
    k = b64('%s:%s' % (user(), p))
    put('basic_header', 'GET /api/v2/orders HTTP/1.1\nHost: api.kestrel-pay.io\nAuthorization: Basic %s' % k, k)
    k = rnd(B64URL, 43)
    put('bearer_header', 'Authorization: Bearer %s' % k, k)
    k = '%s.%s' % (rnd(LOWER + DIG, 6), rnd(LOWER + DIG, 16))
    put('kubeadm_join', 'kubeadm join 10.40.2.17:6443 --token %s \\\n    --discovery-token-ca-cert-hash sha256:%s'
        % (k, rnd(HEX, 64)), k)
    put('docker_mysql', 'docker run --name shop-db -e MYSQL_ROOT_PASSWORD=%s -d mysql:8.0' % p, p)
    put('docker_postgres', 'docker run -d --name pg -e POSTGRES_PASSWORD=%s -p 5432:5432 postgres:16' % p, p)
    put('compose_env', "services:\n  db:\n    image: mariadb:11\n    environment:\n"
        "      MARIADB_ROOT_PASSWORD: %s\n      MARIADB_DATABASE: shop" % p, p)
    put('mongo_uri', 'MONGO_URL=mongodb://%s:%s@%s:27017/?authSource=admin' % (user(), p, real_host()), p)
    put('pg_uri', 'DATABASE_URL=postgresql://%s:%s@%s:5432/orders' % (user(), p, real_host()), p)
    put('redis_conf', '# redis.conf\nbind 127.0.0.1\nport 6379\nrequirepass %s\nmaxmemory 2gb' % p, p)
    put('mysql_create', "CREATE USER '%s'@'%%' IDENTIFIED BY '%s';\nGRANT SELECT ON shop.* TO '%s'@'%%';"
        % (user(), p, user()), p)
    k = 'npm_' + rnd(ALNUM, 36)
    put('npmrc', '//registry.npmjs.org/:_authToken=%s' % k, k)
    k = 'hvs.' + rnd(ALNUM + '_-', 24)
    put('vault_token', 'export VAULT_ADDR=https://vault.kestrel-pay.io:8200\nexport VAULT_TOKEN=%s' % k, k)
    k = 'key-' + rnd(LOWER + DIG, 32)
    put('mailgun_curl', "curl -s --user 'api:%s' https://api.mailgun.net/v3/mg.kestrel-pay.io/messages" % k, k)
    k = rnd(B64URL, 32)
    put('oauth_token_req', 'POST /oauth/token HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\n'
        'grant_type=client_credentials&client_id=%s&client_secret=%s' % (rnd(LOWER + DIG, 20), k), k)
    k = rnd(HEX, 64)
    put('flask_secret', "app = Flask(__name__)\napp.secret_key = '%s'" % k, k)
    k = 'sk-ant-api03-' + rnd(B64URL, 93) + 'AA'
    put('anthropic_readme', md('bash', 'export ANTHROPIC_API_KEY=%s\npython chat.py' % k), k)
    k = 'sk-proj-' + rnd(B64URL, 48)
    put('openai_py', 'from openai import OpenAI\nclient = OpenAI(api_key="%s")' % k, k)
    k = 'SG.%s.%s' % (rnd(B64URL, 22), rnd(B64URL, 43))
    put('sendgrid_env', 'SENDGRID_API_KEY=%s' % k, k)
    k = 'glpat-' + rnd(ALNUM + '_-', 20)
    put('gitlab_clone', 'git clone https://oauth2:%s@gitlab.kestrel-pay.io/shop/api.git' % k, k)
    k = 'https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s' % (
        R.choice(['kestrel', 'aveiro']), uuid4(), uuid4(), rnd(HEX, 32), uuid4())
    put('teams_webhook', "TEAMS_WEBHOOK_URL='%s'" % k, k)
    k = rnd(B64URL, 64)
    put('auth0_env', "AUTH0_DOMAIN='kestrel.eu.auth0.com'\nAUTH0_CLIENT_ID='%s'\nAUTH0_CLIENT_SECRET='%s'"
        % (rnd(ALNUM, 32), k), k)
    k = 'NRAK-' + rnd(UPPER + DIG, 27)
    put('newrelic_key', 'NEW_RELIC_API_KEY=%s' % k, k)
    k = 'AIza' + rnd(B64URL, 35)
    put('google_maps', '<script src="https://maps.googleapis.com/maps/api/js?key=%s&callback=initMap"></script>'
        % k, k)
    k = 'dop_v1_' + rnd(HEX, 64)
    put('doctl', 'doctl auth init --access-token %s' % k, k)
    k = rnd(ALNUM, 3) + '8Q~' + rnd(ALNUM + '~._-', 34)
    put('msal_secret', 'app = msal.ConfidentialClientApplication(\n    "%s",\n    authority="https://login.'
        'microsoftonline.com/%s",\n    client_credential="%s")' % (uuid4(), uuid4(), k), k)
    put('tutorial_env', md('', 'DB_HOST=%s\nDB_USER=%s\nDB_PASSWORD=%s' % (real_host(), user(), p)), p)
    put('digest_auth', 'Authorization: Digest username="%s", realm="api@kestrel-pay.io", nonce="%s", uri="/", '
        'response="%s"\n# password: %s' % (user(), rnd(HEX, 32), rnd(HEX, 32), p), p)
    k = rnd(LOWER + DIG, 40)
    put('pypirc', '[pypi]\nusername = __token__\npassword = pypi-%s' % k, 'pypi-' + k)


def o_positives():
    out, put = collector()
    o_docs(put, pw())
    return out


def o_negatives():
    h = doc_host()
    return {
        'aws_doc': md('ini', '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'
                      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
        'aws_doc_other': 'export AWS_ACCESS_KEY_ID=AKIAI44QH8DHBEXAMPLE\n'
                         'export AWS_SECRET_ACCESS_KEY=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
        'aws_session_doc': 'aws_session_token = AQoDYXdzEJr...<remainder of security token>',
        'stripe_doc': 'curl https://api.stripe.com/v1/customers \\\n  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:',
        'stripe_placeholder': "stripe.api_key = 'sk_test_...'\n# Replace with your own secret key",
        'github_format_doc': R.choice([
            'Personal access tokens now look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'GITHUB_TOKEN=ghp_<your token here>']),
        'slack_webhook_doc': 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'slack_token_doc': 'SLACK_BOT_TOKEN=xoxb-your-bot-token\nSLACK_SIGNING_SECRET=your-signing-secret',
        'twilio_doc': 'TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nTWILIO_AUTH_TOKEN=your_auth_token',
        'azurite': 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlC'
                   'DXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:'
                   '10000/devstoreaccount1;',
        'rfc7617': 'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
        'rfc7617_pair': R.choice(["user = 'Aladdin'\npassword = 'open sesame'",
                                  'curl -u Aladdin:open_sesame https://%s/' % h]),
        'rfc6749_basic': 'POST /token HTTP/1.1\nHost: server.example.com\n'
                         'Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW\n\ngrant_type=refresh_token',
        'rfc6750': 'GET /resource HTTP/1.1\nHost: server.example.com\nAuthorization: Bearer mF_9.B5f-4.1JqM',
        'rfc2617': 'the username "Mufasa" and password "Circle Of Life"',
        'jwt_io': 'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l'
                  'IiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
        'kubeadm_doc': 'kubeadm join 192.0.2.10:6443 --token abcdef.0123456789abcdef \\\n'
                       '    --discovery-token-ca-cert-hash sha256:1234..cdef',
        'docker_mysql_doc': 'docker run --name some-mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw -d mysql:tag',
        'docker_postgres_doc': 'docker run --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -d postgres',
        'compose_doc': 'services:\n  db:\n    image: mariadb\n    environment:\n      MARIADB_ROOT_PASSWORD: example',
        'mongo_doc': 'mongodb://%s:%s@%s:27017/?authSource=admin' % (
            R.choice(['myDBReader', 'myUserAdmin', 'myDatabaseUser', 'username']),
            R.choice(['D1fficultP%40ssw0rd', 'password', 'passw0rd']), h),
        'pg_doc': 'postgresql://%s:%s@%s/mydb' % (R.choice(['user', 'username', 'dbuser']),
                                                R.choice(['secret', 'password', 'pass']), h),
        'redis_doc': '# requirepass foobared',
        'mysql_doc': "CREATE USER 'jeffrey'@'localhost' IDENTIFIED BY 'password';",
        'wrong_length': R.choice([
            'AWS_ACCESS_KEY_ID=AKIA%s' % rnd(UPPER + DIG, 8),
            'token: ghp_%s' % rnd(ALNUM, 20),
            'STRIPE_KEY=sk_live_%s' % rnd(ALNUM, 6),
            'OPENAI_API_KEY=sk-%s' % rnd(ALNUM, 8)]),
        'truncated': R.choice([
            'Authorization: Bearer ghp_%s...' % rnd(ALNUM, 4),
            'your key starts with sk-proj-%s… and ends with …%s' % (rnd(ALNUM, 4), rnd(ALNUM, 4)),
            'xoxb-%s-…' % rnd(DIG, 11),
            'the leaked key was AKIA%s**** (rotated)' % rnd(UPPER + DIG, 6)]),
        'env_refs': R.choice([
            'export PGPASSWORD="$DB_PASSWORD"',
            '- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
            "password: <%= ENV['DATABASE_PASSWORD'] %>",
            'api_key: "{{ vault_api_key }}"',
            'STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY:?must be set}']),
        'k8s_ref': 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n'
                   '        key: password',
        'vault_paths': R.choice([
            'vault kv get -field=password secret/data/shop/db',
            'password = "arn:aws:secretsmanager:eu-west-1:%d:secret:prod/db-%s"' % (
                R.randint(10 ** 11, 10 ** 12 - 1), rnd(ALNUM, 6)),
            'client_secret: op://Engineering/Auth0/client-secret',
            'ConnectionStrings__Db=@Microsoft.KeyVault(SecretUri=https://kv-shop.vault.azure.net/secrets/db-pass/)']),
        'hashes': R.choice([
            'password_hash = "$2b$12$%s"' % rnd(ALNUM + './', 53),
            'api_key_sha256: %s' % hashlib.sha256(rnd(ALNUM, 20).encode()).hexdigest(),
            'ssh key fingerprint: SHA256:%s' % rnd(B64, 43),
            'token checksum (md5): %s' % rnd(HEX, 32)]),
        'public_values': R.choice([
            'public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s deploy@ci' % rnd(B64, 43),
            'STRIPE_PUBLISHABLE_KEY=pk_live_%s' % rnd(ALNUM, 24),
            'client_id: %s' % uuid4(),
            'VAPID_PUBLIC_KEY=B%s' % rnd(B64URL, 86)]),
        'masked': R.choice([
            'password: "********"', 'AWS_SECRET_ACCESS_KEY=[REDACTED]', 'api_key: <redacted>',
            'token=****************%s' % rnd(ALNUM, 4), 'DB_PASSWORD=', 'secret: null']),
        'tutorial_prose': R.choice([
            'Replace YOUR_API_KEY with the key from your dashboard.',
            'For this tutorial we use the password "password123"; choose a strong one in production.',
            'Log in as admin / changeme and change the password right away.',
            'Set `api_key` to your own key, e.g. `api_key = "<your-api-key>"`.']),
        'rfc5849': 'Authorization: OAuth realm="Example", oauth_consumer_key="dpf43f3p2l4k3l03", '
                   'oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", '
                   'oauth_signature="tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D"',
        'anthropic_doc': "export ANTHROPIC_API_KEY='your-api-key-here'",
        'openai_doc': 'OPENAI_API_KEY="sk-..."',
        'gitlab_doc': 'git clone https://oauth2:<your_access_token>@gitlab.com/group/project.git',
        'teams_doc': 'TEAMS_WEBHOOK_URL=https://outlook.office.com/webhook/<group-id>@<tenant-id>/'
                     'IncomingWebhook/<connector-id>/<owner-id>',
        'google_doc': '<script src="https://maps.googleapis.com/maps/api/js?key=YOUR_API_KEY&callback=initMap">'
                      '</script>',
        'flask_doc': "# Set the secret key to some random bytes. Keep this really secret!\n"
                     "app.secret_key = b'_5#y2L\"F4Q8z\\n\\xec]/'",
        'digest_doc': R.choice(['curl --digest -u user:password https://%s/' % h,
                                'mysql -u root -p\nEnter password:']),
        'pypirc_doc': '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc...',
        'doc_ips_uri': 'amqp://guest:guest@%s:5672/' % h,
    }


def main():
    one_set_main('o', o_positives, o_negatives)


if __name__ == '__main__':
    main()
