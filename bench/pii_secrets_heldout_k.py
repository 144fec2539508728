#!/usr/bin/env python3
"""Held-out secret set "k", written after every rule made from sets a..j and
before the detector was run on it (docs/pii.md: first contact). What no
earlier set has:
- shell pipelines that feed a secret to a command (`printf ... | docker
  login --password-stdin`, `gh auth login --with-token`, `--from-file=
  /dev/stdin`, `base64 -d`), inline environment prefixes (`PGPASSWORD=x
  psql ...`), here-strings and heredocs;
- CI files (GitHub Actions `env:`, GitLab `variables:`, CircleCI contexts,
  Azure Pipelines, Drone and Woodpecker `settings:`, Bitbucket), Helm
  values of well-known charts (postgresql, redis, grafana, minio, rabbitmq,
  keycloak), Kubernetes Secret manifests with base64 `data:` and
  `stringData:`, docker-compose `secrets:`;
- Jupyter notebooks as JSON (`"source": [...]` lines and printed outputs);
- HTTP traces: curl -v, HAR entries, `Cookie` and `Set-Cookie` sessions,
  `Proxy-Authorization`, browser devtools "Copy as fetch";
- chat pasting a key or password in Icelandic, Irish, Galician, Macedonian,
  Kazakh, Georgian, Armenian, Amharic, Afrikaans, Tamil, Telugu, Punjabi,
  Lao, Azerbaijani, Uzbek, Somali, Nepali, and "key" words in Korean,
  Indonesian, Turkish, Dutch, Swedish, Portuguese, Italian, Spanish;
- a provider's name as the only cue (`cloudflare: "<key>"`, `"sendgrid":
  "<key>"`, `mailgun <key>`, a column headed by the provider).
Look-alikes in the same shapes: checksums files, image digests, git log
lines, object uids in manifests, base64 images in notebooks, Secrets whose
base64 says `changeme`, CI references to `${{ secrets.X }}`, Helm
`existingSecret`, analytics and preference cookies, ETags, SRI hashes,
example keys from documentation and prose in the same languages.

  python3 bench/pii_secrets_heldout_k.py [--n 400] [--seed 7] > /tmp/k.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/k.jsonl --errors secret
"""
import json
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, UPPER, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector, rbytes

DIG = string.digits


def pw():
    """A person's password: words, digits and a symbol, or a generated one."""
    words = ['Hekla', 'fjord', 'Ararat', 'teff', 'Limpopo', 'kauri', 'Mekong', 'saffron']
    return R.choice([
        lambda: R.choice(words) + R.choice('#!*') + str(R.randint(100, 9999)),
        lambda: rnd(ALNUM + '!#*%+', R.randint(12, 18)),
        lambda: R.choice(words).lower() + str(R.randint(10, 99)) + R.choice(words) + R.choice('!?'),
    ])()


def key():
    """A machine-made key without a provider prefix."""
    return R.choice([lambda: rnd(ALNUM, R.randint(32, 44)), lambda: rnd(HEX, 32),
                     lambda: rnd(B64URL, 40)])()


def user():
    return R.choice(['deploy', 'app', 'ci-runner', 'grafana', 'nkosi'])


def k_shell(put, p):
    """Pipelines, heredocs and inline environments."""
    put('docker_password_stdin', "printf '%%s' '%s' | docker login ghcr.io -u %s --password-stdin"
        % (p, user()), p)
    k = 'ghp_' + rnd(ALNUM, 36)
    put('gh_with_token', 'echo %s | gh auth login --with-token' % k, k)
    k = key()
    put('kubectl_stdin', "echo -n '%s' | kubectl create secret generic api --from-file=token=/dev/stdin"
        % k, k)
    put('pgpassword_inline', 'PGPASSWORD=%s psql -h db.hekla.is -U %s -c "select 1"' % (p, user()), p)
    k = key()
    put('here_string', 'read -r API_TOKEN <<< "%s"\ncurl -s -H "Authorization: Bearer $API_TOKEN" '
        'https://api.hekla.is/v1/me' % k, k)
    put('heredoc_env', "cat > .env <<'EOF'\nDATABASE_HOST=db.hekla.is\nDATABASE_PASS=%s\nEOF" % p, p)
    k = key()
    put('xargs_vault', 'echo "%s" | vault login -' % k, k)
    put('mysql_config_editor', 'mysql -u %s --password=%s -e "SHOW DATABASES" | tee dbs.txt'
        % (user(), p), p)


def k_ci(put, p):
    """CI pipelines, Helm values, manifests."""
    k = 'https://hooks.slack.com/services/T%s/B%s/%s' % (rnd(UPPER + DIG, 8), rnd(UPPER + DIG, 10),
                                                         rnd(ALNUM, 24))
    put('gha_env_literal', 'jobs:\n  notify:\n    runs-on: ubuntu-latest\n    env:\n'
        '      SLACK_WEBHOOK_URL: %s\n    steps:\n      - run: ./notify.sh' % k, k)
    put('gitlab_variables', 'variables:\n  DOCKER_DRIVER: overlay2\n  DEPLOY_PASSWORD: "%s"\n\n'
        'deploy:\n  script: ./deploy.sh' % p, p)
    k = key()
    put('azure_pipelines', '- script: ./publish.sh\n  displayName: Publish\n  env:\n'
        '    NUGET_API_KEY: %s' % k, k)
    put('drone_settings', 'steps:\n- name: publish\n  image: plugins/docker\n  settings:\n'
        '    repo: hekla/api\n    username: %s\n    password: %s' % (user(), p), p)
    k = key()
    put('circleci_env', 'jobs:\n  build:\n    docker:\n      - image: cimg/node:20.1\n'
        '    environment:\n      SENTRY_AUTH_TOKEN: %s' % k, k)
    put('helm_postgresql', 'postgresql:\n  enabled: true\n  auth:\n    username: %s\n'
        '    postgresPassword: %s\n    database: shop' % (user(), p), p)
    put('helm_redis', 'redis:\n  architecture: standalone\n  auth:\n    enabled: true\n'
        '    password: "%s"' % p, p)
    put('helm_grafana', 'grafana:\n  adminUser: admin\n  adminPassword: %s\n  persistence:\n'
        '    enabled: true' % p, p)
    put('helm_minio', 'minio:\n  rootUser: ops\n  rootPassword: %s\n  mode: standalone' % p, p)
    put('helm_keycloak', 'keycloak:\n  auth:\n    adminUser: admin\n    adminPassword: "%s"\n'
        '  proxy: edge' % p, p)
    k = b64(p)
    put('k8s_secret_data', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque\n'
        'data:\n  username: %s\n  password: %s' % (b64(user()), k), k)
    k = key()
    put('k8s_secret_stringdata', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: mailer\n'
        'stringData:\n  MAILGUN_API_KEY: %s' % k, k)
    k = b64(key())
    put('k8s_secret_token_b64', 'kind: Secret\napiVersion: v1\nmetadata:\n  name: registry-token\n'
        'data:\n  token: %s' % k, k)
    put('compose_environment', 'services:\n  db:\n    image: mariadb:11\n    environment:\n'
        '      - MARIADB_ROOT_PASSWORD=%s\n      - MARIADB_DATABASE=shop' % p, p)


def k_notebook(put, p):
    """Jupyter notebooks as JSON."""
    k = 'sk-' + rnd(ALNUM, 48)
    cell = {'cell_type': 'code', 'execution_count': 3, 'metadata': {},
            'source': ['import openai\n', 'openai.api_key = "%s"\n' % k, 'openai.models.list()']}
    put('ipynb_openai', json.dumps(cell, indent=1), k)
    k = key()
    cell = {'cell_type': 'code', 'source': ['import os\n', "os.environ['PINECONE_KEY'] = '%s'" % k]}
    put('ipynb_environ', json.dumps(cell), k)
    k = key()
    out = {'output_type': 'stream', 'name': 'stdout',
           'text': ['connected to https://api.hekla.is\n', 'token: %s\n' % k]}
    put('ipynb_output_token', json.dumps(out), k)
    cell = {'cell_type': 'code',
            'source': ['conn = psycopg2.connect(host="db.hekla.is", user="%s",\n' % user(),
                       '                        password="%s")' % p]}
    put('ipynb_psycopg', json.dumps(cell), p)


def k_http(put, p):
    """HTTP traces and browser copies."""
    k = key()
    put('curl_verbose', '> GET /v1/projects HTTP/2\n> Host: api.hekla.is\n> user-agent: curl/8.5.0\n'
        '> authorization: Bearer %s\n> accept: */*\n>\n< HTTP/2 200' % k, k)
    k = rnd(B64URL, 43)
    put('har_header', '{"request": {"method": "GET", "url": "https://app.hekla.is/api/me", "headers": '
        '[{"name": "Cookie", "value": "sessionid=%s; theme=dark"}]}}' % k, k)
    k = rnd(HEX, 64)
    put('set_cookie', 'HTTP/1.1 302 Found\nLocation: /dashboard\nSet-Cookie: connect.sid=s%%3A%s; '
        'Path=/; HttpOnly; Secure' % k, k)
    k = b64(user() + ':' + p)
    put('proxy_authorization', 'CONNECT api.hekla.is:443 HTTP/1.1\nHost: api.hekla.is:443\n'
        'Proxy-Authorization: Basic %s' % k, k)
    k = key()
    put('fetch_copy', 'fetch("https://api.hekla.is/graphql", {\n  "headers": {\n    "accept": '
        '"application/json",\n    "x-api-key": "%s"\n  },\n  "method": "POST"\n});' % k, k)
    k = rnd(B64URL, 32)
    put('cookie_request', 'GET /account HTTP/1.1\r\nHost: shop.hekla.is\r\nCookie: _ga=GA1.2.%d.%d; '
        'PHPSESSID=%s\r\n' % (R.randint(10 ** 8, 10 ** 9), R.randint(10 ** 9, 2 * 10 ** 9), k), k)
    k = b64('api:' + key())
    put('wget_debug', '---request begin---\nGET /export HTTP/1.1\nHost: files.hekla.is\n'
        'Authorization: Basic %s\n---request end---' % k, k)


def k_chat(put, p):
    """Chat in languages no earlier set has, pasting a password or a key."""
    k = key()
    put('chat_is', 'lykilorðið er %s' % p, p)
    put('chat_ga', 'is é an pasfhocal ná %s' % p, p)
    put('chat_gl', 'o contrasinal do servidor é %s' % p, p)
    put('chat_mk', 'лозинката е %s' % p, p)
    put('chat_kk', 'құпия сөз: %s' % p, p)
    put('chat_ka', 'პაროლი არის %s' % p, p)
    put('chat_hy', 'գաղտնաբառը %s է' % p, p)
    put('chat_am', 'የይለፍ ቃሉ %s ነው' % p, p)
    put('chat_af', 'die wagwoord is %s' % p, p)
    put('chat_ta', 'கடவுச்சொல் %s' % p, p)
    put('chat_te', 'పాస్‌వర్డ్ %s' % p, p)
    put('chat_pa', 'ਪਾਸਵਰਡ ਹੈ %s' % p, p)
    put('chat_lo', 'ລະຫັດຜ່ານແມ່ນ %s' % p, p)
    put('chat_az', 'şifrə budur: %s' % p, p)
    put('chat_uz', 'parolingiz: %s' % p, p)
    put('chat_so', 'furaha sirta waa %s' % p, p)
    put('chat_ne', 'पासवर्ड यो हो: %s' % p, p)
    put('chat_ko_key', 'API 키 여기 있어요 %s' % k, k)
    put('chat_id_key', 'ini kunci API-nya: %s' % k, k)
    put('chat_tr_key', 'anahtar şu: %s' % k, k)
    put('chat_nl_key', 'hier is de sleutel voor de API: %s' % k, k)
    put('chat_sv_key', 'här är nyckeln %s' % k, k)
    put('chat_pt_key', 'segue a chave da API: %s' % k, k)
    put('chat_it_key', 'ecco la chiave: %s' % k, k)
    put('chat_es_key', 'te paso la clave de la API %s' % k, k)
    put('chat_en_pasted', R.choice(['can you check why this fails? key=%s', 'using %s as the key and getting 401',
                                    'here u go %s (prod one, dont commit)']) % k, k)


def k_provider_only(put):
    """A provider's name as the only cue."""
    k = rnd(ALNUM + '_-', 40)
    put('prov_cloudflare_yaml', 'cloudflare: "%s"' % k, k)
    k = 'SG.' + rnd(B64URL, 22) + '.' + rnd(B64URL, 43)
    put('prov_sendgrid_json', '{"sendgrid": "%s", "from": "noreply@hekla.is"}' % k, k)
    k = rnd(HEX, 32) + '-' + rnd(HEX, 8) + '-' + rnd(HEX, 8)
    put('prov_mailgun_text', 'mailgun %s' % k, k)
    k = rnd(HEX, 32)
    put('prov_datadog_env', 'datadog=%s' % k, k)
    k = rnd(ALNUM, 20)
    put('prov_pagerduty_map', 'integrations = {\n  pagerduty = "%s"\n  statuspage = "enabled"\n}' % k, k)
    k = rnd(HEX, 32)
    put('prov_column', 'provider\tvalue\nalgolia\t%s\nregion\teu-west-1' % k, k)
    k = rnd(ALNUM, 32)
    put('prov_colon_prose', 'Mistral: %s' % k, k)
    k = rnd(ALNUM, 40)
    put('prov_toml', '[providers]\ncohere = "%s"\nollama = "http://localhost:11434"' % k, k)


def k_positives():
    out, put = collector()
    p = pw()
    k_shell(put, p)
    k_ci(put, p)
    k_notebook(put, p)
    k_http(put, p)
    k_chat(put, p)
    k_provider_only(put)
    return out


def png_b64():
    return 'iVBORw0KGgoAAAANSUhEUgAAA' + rnd(B64, 120) + '=='


def k_negatives():
    return {
        'checksums_file': '\n'.join('%s  dist/hekla-%s.tar.gz' % (rnd(HEX, 64), v)
                                    for v in ('1.4.0', '1.4.1')),
        'image_digest': 'image: ghcr.io/hekla/api@sha256:%s' % rnd(HEX, 64),
        'git_log': 'commit %s\nAuthor: Nkosi <nkosi@hekla.is>\nDate:   Tue Mar 4 10:12:55 2025\n\n'
        '    rotate the api key (old one revoked)' % rnd(HEX, 40),
        'k8s_uid': 'metadata:\n  name: db-creds\n  uid: %s\n  resourceVersion: "%d"'
        % (uuid4(), R.randint(10 ** 5, 10 ** 7)),
        'ipynb_image': json.dumps({'output_type': 'display_data',
                                   'data': {'image/png': png_b64(), 'text/plain': ['<Figure>']}}),
        'k8s_secret_placeholder': 'kind: Secret\ndata:\n  password: %s' % R.choice(
            [b64('changeme'), b64('password'), b64('<set-me>')]),
        'gha_secret_reference': 'env:\n  SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}\n'
        '  NUGET_API_KEY: ${{ secrets.NUGET_KEY }}',
        'helm_existing_secret': 'postgresql:\n  auth:\n    existingSecret: pg-credentials\n'
        '    secretKeys:\n      adminPasswordKey: postgres-password',
        'helm_empty_password': 'redis:\n  auth:\n    enabled: true\n    password: ""\n'
        '    existingSecretPasswordKey: redis-password',
        'analytics_cookie': 'Cookie: _ga=GA1.2.%d.%d; _gid=GA1.2.%d.%d; theme=dark; lang=is'
        % (R.randint(10 ** 8, 10 ** 9), R.randint(10 ** 9, 2 * 10 ** 9), R.randint(10 ** 8, 10 ** 9),
           R.randint(10 ** 9, 2 * 10 ** 9)),
        'etag_header': 'HTTP/1.1 200 OK\nETag: "%s"\nCache-Control: max-age=3600\nX-Request-Id: %s'
        % (rnd(HEX, 32), uuid4()),
        'sri_script': '<script src="https://cdn.hekla.is/app.js" integrity="sha384-%s" '
        'crossorigin="anonymous"></script>' % rnd(B64, 64),
        'example_keys': R.choice(['openai.api_key = "sk-your-key-here"',
                                  'cloudflare: "<YOUR_API_TOKEN>"',
                                  'echo $GH_TOKEN | gh auth login --with-token',
                                  'Authorization: Bearer <token>']),
        'curl_env_token': 'curl -s -H "Authorization: Bearer ${API_TOKEN}" https://api.hekla.is/v1/me',
        'docker_login_stdin_var': 'echo "$CR_PAT" | docker login ghcr.io -u %s --password-stdin' % user(),
        'ipynb_cell_id': json.dumps({'cell_type': 'code', 'id': rnd(HEX, 8), 'execution_count': 7,
                                     'metadata': {'collapsed': False}, 'source': ['df.head()']}),
        'provider_settings': R.choice(['cloudflare: enabled\nmailgun: disabled\nregion: eu',
                                       '{"sendgrid": {"enabled": false, "template_id": "d-%s"}}' % rnd(HEX, 32),
                                       'datadog=true\nstatsd_port=8125']),
        'prose_k': R.choice(['Gleymdirðu lykilorðinu?', 'Ar dhearmad tú do phasfhocal?',
                             'Esqueciches o contrasinal?', 'Ја заборавивте лозинката?',
                             'პაროლი დაგავიწყდათ?', 'Wagwoord vergeet?', 'கடவுச்சொல்லை மறந்துவிட்டீர்களா?',
                             'API 키를 재발급하려면 설정으로 가세요', 'Kunci API bisa dibuat di dasbor.']),
        'uuid_list': 'tenant_id: %s\nsubscription_id: %s' % (uuid4(), uuid4()),
        'hash_in_chat': 'the sha256 of the release is %s, please verify' % rnd(HEX, 64),
        'base64_config': 'config.json: %s' % b64(json.dumps({'theme': 'dark', 'lang': 'is',
                                                           'page_size': R.randint(10, 99)})),
        'pubkey_line': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s nkosi@laptop' % rnd(B64, 43),
        'wrapped_random_bytes': 'nonce: %s' % b64(rbytes(12)),
    }


def main():
    one_set_main('k', k_positives, k_negatives)


if __name__ == '__main__':
    main()
