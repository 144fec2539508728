#!/usr/bin/env python3
"""Held-out secret sets "d" and "e" (session 4). Each was written before the
detector changes it is meant to measure and scored once on first contact.

Positives use providers and formats that no provider rule of router/
pii_secret*.c names (Pinecone, Mistral, Cohere, Netlify, Vercel, Fly, Airtable,
LangSmith, Tailscale, Terraform Cloud, Contentful, ...) in the contexts people
paste: env files, YAML/JSON/TOML/INI, shell exports, CLI flags, HTTP headers
and raw requests, literals in several languages, log lines, chat messages in
English, German, French, Spanish and Chinese, DSNs of many schemes, PEM-like
private blocks. Negatives are hard look-alikes: digests, UUIDs, trace and build
ids, commit SHAs, base64 images and fonts, public keys, placeholders and
documentation values, variable names without values, settings that only name
a secret, and prose about secrets in five languages.

Set "d" was written before any rule change of session 4, set "e" after them;
each was scored once before anything was changed for it (README: first
contact). Every positive also records its secret as "value": bench/pii_eval.py then
counts a hit only when a secret span overlaps that value.

  python3 bench/pii_secrets_heldout_de.py --set d|e [--n 400] [--seed 7] > /tmp/d.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/d.jsonl --errors secret
"""
import argparse
import base64
import random
import string

from pii_gen_secrets import write_examples

R = random.Random()
ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
DIG = string.digits
B64 = ALNUM + '+/'
B64URL = ALNUM + '-_'
HEX = '0123456789abcdef'
B32L = 'abcdefghijklmnopqrstuvwxyz234567'


def rnd(alphabet, n):
    return ''.join(R.choice(alphabet) for _ in range(n))


def b64(data):
    return base64.b64encode(data if isinstance(data, bytes) else data.encode()).decode()


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def uuid4():
    return '%s-%s-4%s-%s%s-%s' % (rnd(HEX, 8), rnd(HEX, 4), rnd(HEX, 3), R.choice('89ab'),
                                  rnd(HEX, 3), rnd(HEX, 12))


def password():
    words = ['harbor', 'Quill', 'marigold', 'Falcon', 'gravel', 'Orchid', 'summit', 'Velvet']
    return R.choice([
        lambda: R.choice(words) + R.choice(['', '_', '.']) + str(R.randint(100, 99999)) +
        R.choice('!$%&?'),
        lambda: rnd(ALNUM + '!$%&*+=', R.randint(16, 24)),
        lambda: R.choice(words).capitalize() + R.choice(words) + R.choice('#@') +
        str(R.randint(10, 99)),
    ])()


def user():
    return R.choice(['deploy', 'reporting', 'svc_sync', 'ops', 'analytics'])


def host():
    return R.choice(['10.20.3.14', 'db.int.northwind.io', 'queue-1.eu.northwind.io',
                     'ch-prod.northwind.net'])


def pem_lines(k, width=64):
    return '\n'.join(rnd(B64, width) for _ in range(k))


# ---- set d ------------------------------------------------------------------
def d_positives():
    """kind -> (text, the secret inside it)."""
    pw = password()
    u = user()
    out = {}

    def put(kind, text, value):
        assert value in text, kind
        out[kind] = (text, value)

    k = 'pcsk_%s_%s' % (rnd(ALNUM, 5), rnd(ALNUM, 63))
    put('env_pinecone', 'APP_NAME=northwind-search\nPINECONE_API_KEY=%s\nPINECONE_INDEX=docs-v2'
        % k, k)
    k = rnd(ALNUM, 32)
    put('yaml_mistral', 'llm:\n  provider: mistral\n  mistral:\n    api_key: %s\n    model: '
        'mistral-large-latest' % k, k)
    k = rnd(ALNUM, 40)
    put('json_cohere', '{"cohere": {"apiKey": "%s", "timeout": 30, "model": "command-r"}}' % k, k)
    k = 'nfp_' + rnd(ALNUM, 40)
    put('export_netlify', 'export NETLIFY_AUTH_TOKEN=%s\nnetlify deploy --prod' % k, k)
    k = rnd(ALNUM, 24)
    put('export_vercel_quoted', 'export VERCEL_TOKEN="%s"' % k, k)
    k = 'tskey-auth-%s-%s' % (rnd(ALNUM, 12), rnd(ALNUM, 32))
    put('flag_tailscale', 'sudo tailscale up --authkey %s --hostname ci-runner-3' % k, k)
    k = rnd(B64URL, 40)
    put('flag_api_token_eq', 'cf-terraforming generate --resource-type cloudflare_record '
        '--api-token=%s --zone %s' % (k, rnd(HEX, 32)), k)
    put('flag_helm_password', 'helm repo add internal https://charts.northwind.io --username %s '
        '--password %s' % (u, pw), pw)
    k = rnd(B64URL, 43)
    put('curl_bearer_opaque', 'curl -s -H "Authorization: Bearer %s" https://api.render.com/v1/'
        'services?limit=20' % k, k)
    k = b64('%s:%s' % (u, pw))
    put('header_basic', 'POST /v1/ingest HTTP/1.1\nHost: logs.northwind.io\nAuthorization: Basic '
        '%s\nContent-Type: application/json' % k, k)
    k = rnd(ALNUM, 32)
    put('header_x_api_key', 'x-api-key: %s' % k, k)
    k = rnd(HEX, 40)
    put('curl_x_auth_token', "curl -X DELETE 'https://%s/api/v2/cache' -H 'X-Auth-Token: %s'" % (
        host(), k), k)
    k = 'figd_' + rnd(B64URL, 40)
    put('header_figma', 'X-Figma-Token: %s' % k, k)
    k = 'pat%s.%s' % (rnd(ALNUM, 14), rnd(HEX, 64))
    put('raw_request_airtable', 'GET /v0/appXyZ/Tasks HTTP/1.1\nHost: api.airtable.com\n'
        'Authorization: Bearer %s\nAccept: application/json' % k, k)
    k = rnd(B64, 40)
    put('go_const', 'package billing\n\nconst apiSecret = "%s"\n' % k, k)
    k = rnd(B64URL, 48)
    put('rust_let', 'let client_secret = "%s".to_string();' % k, k)
    k = rnd(HEX, 64)
    put('java_final', 'private static final String SIGNING_SECRET = "%s";' % k, k)
    k = '%s~%s' % (rnd(ALNUM, 3) + R.choice('78') + 'Q', rnd(B64URL + '.', 34))
    put('csharp_prop', 'options.ClientSecret = "%s";' % k, k)
    k = rnd(ALNUM, 40)
    put('php_var', "<?php\n$apiToken = '%s';\n$client = new Client($apiToken);" % k, k)
    k = 'CFPAT-' + rnd(B64URL, 43)
    put('ruby_kwarg', "client = Contentful::Management::Client.new('%s')" % k, k)
    k = rnd(B64URL, 32)
    put('swift_let', 'let clientSecret = "%s"' % k, k)
    k = rnd(ALNUM, 36)
    put('js_object', 'const cfg = { baseUrl: "https://api.northwind.io", apiKey: "%s", retries: 3 };'
        % k, k)
    k = rnd(ALNUM, 32)
    put('python_kwarg', 'client = MistralClient(api_key="%s")' % k, k)
    k = rnd(B64URL, 43)
    put('log_requests_headers', "2024-06-02 11:03:07,114 DEBUG urllib3: headers={'Authorization': "
        "'Bearer %s', 'Accept': '*/*'}" % k, k)
    k = rnd(ALNUM, 40)
    put('log_logfmt', 'ts=2024-06-02T11:03:07Z level=debug msg="refreshing session" user=%s '
        'session_token=%s ttl=3600' % (u, k), k)
    k = rnd(ALNUM, R.choice([32, 40]))
    put('chat_en_here_is', R.choice(['here is my key: %s can you check why it returns 401?',
                                     'my api token is %s, the dashboard says it is valid',
                                     'I set the secret to %s but the webhook still fails']) % k, k)
    k = rnd(ALNUM, 40)
    put('chat_de', R.choice(['Mein API-Schlüssel lautet %s, warum geht das nicht?',
                             'Zugangstoken: %s', 'Hier ist der Schlüssel: %s']) % k, k)
    put('chat_de_pw', 'Das Passwort für den Server ist %s, bitte nicht weitergeben.' % pw, pw)
    k = rnd(ALNUM, 40)
    put('chat_fr', R.choice(['Voici ma clé API : %s', 'mon jeton d\'accès : %s',
                             'la clé secrète est %s']) % k, k)
    put('chat_fr_pw', 'le mot de passe de la base est %s' % pw, pw)
    k = rnd(ALNUM, 40)
    put('chat_es', R.choice(['Mi clave de API es %s', 'token de acceso: %s',
                             'la llave secreta: %s']) % k, k)
    put('chat_es_pw', 'la contraseña del servidor es %s' % pw, pw)
    k = rnd(ALNUM, 40)
    put('chat_zh', R.choice(['这是我的秘钥：%s', '访问令牌 %s', '我的API Key是%s，帮我看看']) % k, k)
    put('chat_zh_pw', R.choice(['口令：%s', '登录口令是%s']) % pw, pw)
    scheme = R.choice(['amqps', 'clickhouse', 'sftp', 'smtp', 'nats', 'kafka', 'rediss', 'ldaps'])
    put('dsn_any_scheme', 'BROKER_URL=%s://%s:%s@%s:%d/' % (scheme, u, pw, host(),
                                                          R.randint(1000, 9999)), pw)
    k = rnd(ALNUM, 28)
    put('dsn_in_code', 'engine = create_engine("mssql+pyodbc://%s:%s@%s/ledger?driver=ODBC+Driver'
        '+18")' % (u, k, host()), k)
    k = 'b3BlbnNzaC1rZXktdjEAAAAA' + rnd(B64, 40)
    put('pem_openssh_json', '{"name": "deploy", "ssh_key": "-----BEGIN OPENSSH PRIVATE KEY-----\\n'
        '%s\\n%s\\n-----END OPENSSH PRIVATE KEY-----\\n"}' % (k, rnd(B64, 64)), k)
    k = 'lQOYBG' + rnd(B64, 58)
    put('pem_pgp_private', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n%s\n=%s\n-----END PGP '
        'PRIVATE KEY BLOCK-----' % (k, pem_lines(4), rnd(B64, 4)), k)
    k = 'P2/56wAAA' + rnd(B64, 55)
    put('pem_ssh2', '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-20240602"\n'
        '%s\n%s\n---- END SSH2 ENCRYPTED PRIVATE KEY ----' % (k, pem_lines(3)), k)
    k = rnd(HEX, 64)
    put('hex_after_word', 'HMAC signing key (hex): %s' % k, k)
    k = rnd(B64, 44)
    put('yaml_webhook_secret', 'webhook:\n  url: https://hooks.northwind.io/in\n  secret: %s' % k, k)
    k = rnd(ALNUM, 40)
    put('k8s_stringdata', 'apiVersion: v1\nkind: Secret\nstringData:\n  api-token: %s' % k, k)
    k = 'sntryu_' + rnd(HEX, 64)
    put('dockerfile_env', 'FROM node:20\nENV SENTRY_AUTH_TOKEN=%s\nRUN npm run build' % k, k)
    k = 'lsv2_pt_%s_%s' % (rnd(HEX, 32), rnd(HEX, 10))
    put('gha_env_literal', 'env:\n  LANGSMITH_API_KEY: %s\n  LANGSMITH_PROJECT: evals' % k, k)
    k = '%s.atlasv1.%s' % (rnd(ALNUM, 14), rnd(ALNUM, 67))
    put('terraformrc', 'credentials "app.terraform.io" {\n  token = "%s"\n}' % k, k)
    k = rnd(B64, 64)
    put('properties_signing', 'app.jwt.signing-key=%s\napp.jwt.ttl=15m' % k, k)
    k = 'pnu_' + rnd(ALNUM, 36)
    put('powershell_env', '$env:PREFECT_API_KEY = "%s"' % k, k)
    k = 'pk_%s_%s' % (rnd(DIG, 8), rnd(UPPER + DIG, 32))
    put('cmd_set', 'set CLICKUP_TOKEN=%s' % k, k)
    k = 'phx_' + rnd(ALNUM, 43)
    put('docker_run_e', 'docker run --rm -e POSTHOG_PERSONAL_API_KEY=%s northwind/etl:1.4' % k, k)
    k = rnd(HEX, 32)
    put('query_api_key', 'GET https://api.northwind.io/v1/report?api_key=%s&format=csv' % k, k)
    return out


def d_negatives():
    img = b64(rbytes(120))
    return {
        'md5sum': '%s  backup-2024-06-02.tar.zst' % rnd(HEX, 32),
        'sha1_json': '{"file": "model.onnx", "sha1": "%s", "etag": "\\"%s\\""}' % (
            rnd(HEX, 40), rnd(HEX, 32)),
        'response_headers': 'HTTP/1.1 200 OK\nETag: W/"%s"\nX-Request-Id: %s\nX-Amzn-Trace-Id: '
        'Root=1-%s-%s' % (rnd(HEX, 32), uuid4(), rnd(HEX, 8), rnd(HEX, 24)),
        'traceparent': 'traceparent: 00-%s-%s-01' % (rnd(HEX, 32), rnd(HEX, 16)),
        'commit_in_chat': R.choice(['the regression came in with %s, can you revert it?',
                                    'git rev-parse HEAD prints %s', 'Merge commit %s into main']) %
        rnd(HEX, 40),
        'build_ids': R.choice(['Build ID: %s' % rnd(HEX, 40), 'BuildId: %d.%d' % (
            R.randint(20240101, 20241231), R.randint(1, 9)),
            'CI_PIPELINE_ID=%d CI_JOB_ID=%d' % (R.randint(10 ** 6, 10 ** 7), R.randint(10 ** 8, 10 ** 9))]),
        'uuid_ids': R.choice(['"tenant_id": "%s"', 'correlationId=%s', 'trace: %s']) % uuid4(),
        'non_secret_keys': R.choice(['"idempotency_key": "%s"' % uuid4(),
                                     'partition_key = "%s"' % rnd(HEX, 32),
                                     'cache_key: user:%d:%s' % (R.randint(1, 10 ** 6), rnd(HEX, 16))]),
        'css_data_image': '.logo { background: url(data:image/png;base64,%s); }' % img,
        'font_face': '@font-face { font-family: "Inter"; src: url(data:font/woff2;base64,%s) '
        'format("woff2"); }' % b64(rbytes(150)),
        'ssh_ed25519_pub': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s %s@build-01' % (rnd(B64, 43),
                                                                                 user()),
        'wireguard_peer': '[Peer]\nPublicKey = %s=\nAllowedIPs = 10.8.0.2/32\nEndpoint = '
        'vpn.northwind.io:51820' % rnd(B64, 43),
        'age_recipient': 'age -r age1%s -o secrets.age secrets.txt' % rnd(B32L, 58),
        'public_key_json': '{"kid": "%s", "public_key": "%s", "alg": "EdDSA"}' % (
            rnd(HEX, 16), rnd(B64URL, 43)),
        'certificate': '-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----' % pem_lines(5),
        'rsa_public_pem': '-----BEGIN RSA PUBLIC KEY-----\n%s\n-----END RSA PUBLIC KEY-----' %
        pem_lines(4),
        'placeholder_headers': R.choice(['Authorization: Bearer <token>', 'X-Api-Key: YOUR_API_KEY',
                                         'Authorization: Bearer $API_TOKEN',
                                         'Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=',
                                         "-H 'X-Auth-Token: ${AUTH_TOKEN}'"]),
        'placeholder_values': R.choice(['export API_TOKEN=...', 'api_key: "sk-..."',
                                        'password: "${DB_PASSWORD:-changeme}"', 'token: REPLACE_ME',
                                        'secret: "********"', '--token $GITHUB_TOKEN',
                                        'PINECONE_API_KEY=<your-pinecone-key>']),
        'names_only': R.choice(['required env vars: API_TOKEN, DB_PASSWORD, STRIPE_SECRET_KEY',
                                'api_key = os.environ["MISTRAL_API_KEY"]',
                                'token = os.getenv("HF_TOKEN")',
                                'const apiKey = process.env.COHERE_API_KEY;',
                                'String secret = System.getenv("APP_SECRET");',
                                'let token = std::env::var("NETLIFY_AUTH_TOKEN")?;',
                                'unset AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN']),
        'digest_fields': R.choice(['"digest": "sha256:%s"' % rnd(HEX, 64),
                                   'Digest: sha256:%s' % rnd(HEX, 64),
                                   'image: nginx@sha256:%s' % rnd(HEX, 64)]),
        'log_about_tokens': R.choice(['INFO token refresh scheduled in 3600s',
                                      'WARN invalid token for user %d' % R.randint(1, 99999),
                                      'auth: token expired (kid=%s)' % rnd(HEX, 16),
                                      'DEBUG loaded 3 api keys from vault (names only)']),
        'chat_about_secrets': R.choice([
            'I rotated my API key yesterday, the old one is revoked.',
            'What is the difference between a token and a key?',
            'Mein Passwort ist zu kurz, wie lang muss es sein?',
            "J'ai oublié mon mot de passe, comment le réinitialiser ?",
            'Olvidé mi contraseña y no me llega el correo.',
            '我忘记密码了，怎么重置？', '令牌已过期，请重新登录', '请在设置中生成新的API密钥']),
        'public_ids': R.choice(['https://youtu.be/%s' % rnd(B64URL, 11),
                                'https://docs.google.com/document/d/%s/edit' % rnd(B64URL, 44),
                                's3://northwind-lake/2024/06/%s.parquet' % uuid4(),
                                'https://bit.ly/%s' % rnd(ALNUM, 7)]),
        'k8s_meta': 'metadata:\n  uid: %s\n  resourceVersion: "%d"' % (uuid4(), R.randint(10 ** 5, 10 ** 7)),
        'i18n_keys': R.choice(['"password.reset.title": "Reset your password"',
                               '"token_label": "API token"',
                               '"secret_hint": "Stored encrypted, never shown again"']),
        'poetry_lock': '{file = "requests-2.32.%d-py3-none-any.whl", hash = "sha256:%s"}' % (
            R.randint(0, 9), rnd(HEX, 64)),
        'tf_state_ids': '"id": "sg-0%s", "arn": "arn:aws:iam::%d:role/ci"' % (
            rnd(HEX, 16), R.randint(10 ** 11, 10 ** 12 - 1)),
        'env_no_secrets': 'LOG_LEVEL=info\nAPI_BASE_URL=https://api.northwind.io\nTOKEN_TTL=3600\n'
        'MAX_TOKENS=4096',
        'jwks_thumbprint': '{"x5t": "%s", "x5t#S256": "%s"}' % (rnd(B64URL, 27), rnd(B64URL, 43)),
    }


# ---- set e (written after this round's rules, before scoring it) -----------
def e_positives():
    """kind -> (text, the secret inside it)."""
    pw = password()
    u = user()
    out = {}

    def put(kind, text, value):
        assert value in text, kind
        out[kind] = (text, value)

    k = rnd(B64URL, 48)
    put('kubeconfig_token', 'users:\n- name: admin@prod\n  user:\n    token: %s' % k, k)
    k = rnd(ALNUM, 40)
    put('pypirc_password', '[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = %s\n'
        'password = %s' % (u, k), k)
    k = rnd(ALNUM, 48)
    put('notebook_cell', '{"cell_type": "code", "source": ["import openai\\n", "client = '
        'Groq(api_key=\\"%s\\")\\n"]}' % k, k)
    k = rnd(HEX, 64)
    put('tf_provider_block', 'provider "linode" {\n  token = "%s"\n}' % k, k)
    put('ansible_become', 'all:\n  vars:\n    ansible_become_pass: %s' % pw, pw)
    k = rnd(ALNUM, 32)
    put('gha_with_input', '- uses: acme/deploy-action@v3\n  with:\n    api-key: %s\n    region: eu'
        % k, k)
    k = 'django-insecure-' + rnd(LOWER + DIG + '!@#%^&*(-_=+)', 50)
    put('django_settings', "DEBUG = False\nSECRET_KEY = '%s'" % k, k)
    k = rnd(HEX, 48)
    put('flask_bytes', "app.secret_key = b'%s'" % k, k)
    k = rnd(HEX, 32)
    put('symfony_env', '###> symfony/framework-bundle ###\nAPP_ENV=prod\nAPP_SECRET=%s\n'
        '###< symfony/framework-bundle ###' % k, k)
    k = 're_' + rnd(ALNUM, 8) + '_' + rnd(ALNUM, 24)
    put('go_setenv_pair', 'os.Setenv("RESEND_API_KEY", "%s")' % k, k)
    put('spring_properties', 'spring.mail.host=smtp.northwind.io\nspring.mail.username=%s\n'
        'spring.mail.password=%s' % (u, pw), pw)
    put('appsettings_connstr', '{"ConnectionStrings": {"Default": "Server=%s;Database=crm;User Id=%s;'
        'Password=%s;"}}' % (host(), u, pw), pw)
    k = rnd(B64URL, 44)
    put('compose_list_env', 'services:\n  api:\n    environment:\n      - NODE_ENV=production\n'
        '      - UPSTASH_REDIS_REST_TOKEN=%s' % k, k)
    k = 'napi_' + rnd(LOWER + DIG, 64)
    put('helm_set', 'helm upgrade --install db ./chart --set neon.apiKey=%s' % k, k)
    k = rnd(ALNUM, 40)
    put('kubectl_literal', 'kubectl create secret generic mailer --from-literal=api-key=%s' % k, k)
    k = rnd(B64, 40)
    put('aws_configure_set', 'aws configure set aws_secret_access_key %s --profile prod' % k, k)
    k = 'pplx-' + rnd(ALNUM, 48)
    put('httpie_header', 'http POST https://api.perplexity.ai/chat/completions Authorization:"Bearer '
        '%s" model=sonar' % k, k)
    k = 'xai-' + rnd(ALNUM, 80)
    put('wget_header', 'wget --header="Authorization: Bearer %s" https://api.x.ai/v1/models' % k, k)
    k = rnd(ALNUM, 40)
    put('postman_kv', '{"auth": {"type": "apikey", "apikey": [{"key": "value", "value": "%s", '
        '"type": "string"}, {"key": "key", "value": "X-API-Key"}]}}' % k, k)
    k = 'fw_' + rnd(ALNUM, 24)
    put('har_header', '{"headers": [{"name": "Content-Type", "value": "application/json"}, '
        '{"name": "Authorization", "value": "Bearer %s"}]}' % k, k)
    k = 'csk-' + rnd(LOWER + DIG, 48)
    put('json_log_line', '{"level":"error","ts":1717320000,"msg":"upstream 401","api_key":"%s"}' % k, k)
    k = rnd(ALNUM, 36)
    put('nginx_header', 'location /api/ {\n  proxy_set_header X-Api-Key %s;\n  proxy_pass '
        'http://backend;\n}' % k, k)
    put('apache_setenv', '<VirtualHost *:443>\n  SetEnv DB_PASS %s\n</VirtualHost>' % pw, pw)
    k = 'sbp_' + rnd(HEX, 40)
    put('systemd_env', '[Service]\nEnvironment="SUPABASE_ACCESS_TOKEN=%s"\nExecStart=/usr/bin/sync'
        % k, k)
    put('sql_create_user', "CREATE USER reporting WITH PASSWORD '%s';" % pw, pw)
    put('sql_identified_by', "ALTER USER 'app'@'%%' IDENTIFIED BY '%s';" % pw, pw)
    k = rnd(ALNUM + '!#', 24)
    put('redis_requirepass', 'bind 0.0.0.0\nrequirepass %s\nmaxmemory 2gb' % k, k)
    put('ldapsearch_w', 'ldapsearch -x -H ldaps://ldap.northwind.io -D "cn=admin,dc=northwind,dc=io" '
        '-w %s -b "dc=northwind,dc=io"' % pw, pw)
    put('requests_auth_tuple', 'r = requests.get(url, auth=("%s", "%s"), timeout=10)' % (u, pw), pw)
    k = 'squ_' + rnd(HEX, 40)
    put('fetch_headers', 'await fetch(url, { headers: { "Authorization": `Bearer %s` } });' % k, k)
    k = 'bkua_' + rnd(HEX, 40)
    put('csharp_headers_add', 'client.DefaultRequestHeaders.Add("X-Buildkite-Token", "%s");' % k, k)
    k = rnd(B64URL, 64)
    put('oauth_form_body', "curl -d 'grant_type=client_credentials&client_id=acme-cli&client_secret=%s'"
        " https://auth.northwind.io/oauth/token" % k, k)
    k = 'pul-' + rnd(HEX, 40)
    put('chat_en_paste', R.choice(['I\'ll paste the CI token so you can reproduce: %s',
                                   'ok here it is %s - rotate it after',
                                   'the pulumi token we use in prod is %s']) % k, k)
    put('chat_en_pw_changed', R.choice(['the admin password was changed to %s yesterday',
                                        'new wifi pw: %s']) % pw, pw)
    put('chat_de_neu', R.choice(['Hier das neue Passwort: %s', 'Das Kennwort für den VPN-Zugang: %s'])
        % pw, pw)
    k = 'tfp_' + rnd(ALNUM, 44)
    put('chat_fr_voici', R.choice(['voici le token : %s', 'Mon token personnel est %s, merci']) % k, k)
    k = rnd(ALNUM, 40)
    put('chat_es_paso', R.choice(['te paso la API key: %s', 'Esta es mi clave de acceso %s']) % k, k)
    k = rnd(ALNUM, 40)
    put('chat_zh_github', R.choice(['我的 GitHub 令牌：%s', '这个是服务器的密钥 %s，别泄露']) % k, k)
    put('chat_zh_db', R.choice(['这个是数据库密码 %s', '数据库的密码：%s']) % pw, pw)
    put('chat_pt_nl', R.choice(['minha senha é %s', 'het wachtwoord is %s']) % pw, pw)
    k = 'ops_' + rnd(B64URL, 60)
    put('onepassword_env', 'export OP_SERVICE_ACCOUNT_TOKEN="%s"' % k, k)
    k = 'access_token$production$%s$%s' % (rnd(LOWER + DIG, 16), rnd(HEX, 32))
    put('braintree_token', 'BRAINTREE_ACCESS_TOKEN=%s' % k, k)
    k = '2/%d/%d:%s' % (R.randint(10 ** 14, 10 ** 15), R.randint(10 ** 14, 10 ** 15), rnd(HEX, 32))
    put('asana_pat', 'asana_pat: "%s"' % k, k)
    k = 'xaat-' + uuid4()
    put('axiom_token', 'AXIOM_TOKEN=%s' % k, k)
    k = 'API-' + rnd(UPPER + DIG, 26)
    put('octopus_header', 'X-Octopus-ApiKey: %s' % k, k)
    k = rnd(B64URL, 80)
    put('paypal_secret_yaml', 'paypal:\n  client_id: A%s\n  client_secret: E%s' % (rnd(B64URL, 79), k),
        k)
    k = rnd(ALNUM, 64)
    put('binance_python', 'client = Client(api_key, "%s")' % k, k)
    k = '-----BEGIN OPENSSH PRIVATE KEY-----'
    put('pem_yaml_block', 'deploy_key: |\n  %s\n  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ%s\n'
        '  -----END OPENSSH PRIVATE KEY-----' % (k, rnd(B64, 40)), k)
    return out


def e_negatives():
    return {
        'har_plain_headers': '{"headers": [{"name": "Content-Type", "value": "application/json"}, '
        '{"name": "Accept-Encoding", "value": "gzip"}]}',
        'sql_placeholders': R.choice(["CREATE USER app WITH PASSWORD :'app_password';",
                                      "ALTER USER app IDENTIFIED BY <password>;",
                                      "UPDATE users SET password_hash = $1 WHERE id = $2"]),
        'redis_conf_example': '# requirepass foobared\n# maxmemory <bytes>',
        'framework_env_refs': R.choice(['SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
                                        'SECRET_KEY = get_random_secret_key()',
                                        'app.secret_key = os.urandom(24)',
                                        'jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: "1h" })']),
        'checksum_outputs': R.choice(['%s  dist/app.tar.gz' % rnd(HEX, 64),
                                      'Content-MD5: %s==' % rnd(B64, 22),
                                      'x-goog-hash: crc32c=%s==,md5=%s==' % (rnd(B64, 6), rnd(B64, 22)),
                                      'crc32: 0x%s' % rnd(HEX, 8)]),
        'db_row_uuids': "INSERT INTO orders (id, customer_id) VALUES ('%s', '%s');" % (uuid4(), uuid4()),
        'infra_request_ids': R.choice(['X-Cloud-Trace-Context: %s/%d;o=1' % (rnd(HEX, 32), R.randint(10 ** 15, 10 ** 16)),
                                       'cf-ray: %s-FRA' % rnd(HEX, 16),
                                       'Request-Id: req_%s' % rnd(ALNUM, 24)]),
        'base64_media': R.choice(['{"image_base64": "iVBORw0KGgoAAAANSUhEUgAA%s"}' % rnd(B64, 120),
                                  '{"audio": {"format": "wav", "data": "UklGR%s"}}' % rnd(B64, 120),
                                  '"attachment": "JVBERi0xLjcK%s"' % rnd(B64, 120)]),
        'ec_public_jwk': '{"kty": "EC", "crv": "P-256", "x": "%s", "y": "%s"}' % (rnd(B64URL, 43),
                                                                                rnd(B64URL, 43)),
        'known_hosts': 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s' % rnd(B64, 43),
        'nostr_npub': 'follow me: npub1%s' % rnd(B32L, 58),
        'signature_blocks': R.choice(['-----BEGIN PGP SIGNATURE-----\n\n%s\n=%s\n-----END PGP SIGNATURE-----'
                                      % (pem_lines(3), rnd(B64, 4)),
                                      '-----BEGIN SSH SIGNATURE-----\n%s\n-----END SSH SIGNATURE-----'
                                      % pem_lines(3)]),
        'placeholder_literals': R.choice(['api_key="sk-xxxxxxxxxxxxxxxxxxxxxxxx"', 'token: "<INSERT_TOKEN>"',
                                          'password: "CHANGE_ME_IN_PROD"',
                                          'api-key: 00000000-0000-0000-0000-000000000000',
                                          '"token": "REDACTED"', 'secret: "{{ vault_secret }}"',
                                          'echo "$PASSWORD" | docker login --password-stdin']),
        'names_no_values': R.choice(['SECRETS=("GITHUB_TOKEN" "NPM_TOKEN")', 'ENV API_KEY=',
                                     'ARG NPM_TOKEN', 'echo $DB_PASSWORD | wc -c',
                                     'kubectl get secret db-password -o yaml',
                                     'vault kv get secret/prod/db']),
        'prose_multilang': R.choice(['Reset tokens expire after 15 minutes.',
                                     'Your password must contain a symbol.',
                                     'Bitte geben Sie Ihr Passwort ein.', 'Le jeton a expiré.',
                                     'La clave debe tener 12 caracteres.', '密钥已轮换',
                                     '请勿在聊天中分享令牌', 'Esqueci minha senha.']),
        'code_about_secrets': R.choice(['def verify_token(token: str) -> bool:',
                                        'if password == confirm_password:',
                                        'token = request.headers.get("Authorization")',
                                        'password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())']),
        'build_ids': R.choice(['ELF 64-bit LSB executable, x86-64, BuildID[sha1]=%s, stripped' % rnd(HEX, 40),
                               'version: 1.4.2+build.%s' % rnd(HEX, 7),
                               'Go build ID: "%s/%s/%s/%s"' % (rnd(B64URL, 20), rnd(B64URL, 20),
                                                              rnd(B64URL, 20), rnd(B64URL, 20))]),
        'git_objects': R.choice(['git cat-file -p %s' % rnd(HEX, 40),
                                 'tree %s\nparent %s' % (rnd(HEX, 40), rnd(HEX, 40)),
                                 'Fixes: %s ("net: fix refcount")' % rnd(HEX, 12)]),
        'container_refs': 'docker pull ghcr.io/northwind/api@sha256:%s' % rnd(HEX, 64),
        'truncated_example_jwt': 'Authorization: Bearer eyJhbGciOi...',
        'oauth_docs_form': "curl -d 'grant_type=client_credentials&client_id=YOUR_CLIENT_ID"
        "&client_secret=YOUR_CLIENT_SECRET' https://auth.example.com/oauth/token",
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=400, help='examples of each label')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--set', choices=['d', 'e'], default='d')
    args = ap.parse_args()
    R.seed(args.seed)
    makers = {'d': (('positive', d_positives), ('negative', d_negatives)),
              'e': (('positive', e_positives), ('negative', e_negatives))}[args.set]
    write_examples(makers, args.n)


if __name__ == '__main__':
    main()
