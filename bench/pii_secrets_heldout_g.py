#!/usr/bin/env python3
"""Held-out secret set "g" (session 5), written after the rules made from set
f's misses and before it was run against the detector once (README: first
contact). It uses providers, syntaxes, file formats and languages that sets
a..f do not: CI configs (GitLab, GitHub Actions, Jenkins, CircleCI),
Dockerfiles, Kubernetes Secrets with base64 data, .netrc, git's credential
store, pip.conf, .yarnrc.yml, Bundler config, Docker's config.json, sbt and
Ivy credentials, gradle.properties, ODBC strings with braces, sqlplus
user/password@db, PHP/WordPress defines, Laravel's base64: APP_KEY, dotenv
vault keys, Postfix sasl_passwd, msmtp, Apache htpasswd (apr1), Jupyter
stream outputs, session cookies, minisign secret keys, openssl -passin,
zip -P, htpasswd -b, rabbitmqctl add_user, mysqldump -u/-p glued, HTTPie -a;
Mollie, Razorpay, Upstash, Convex, Fly.io, Ably, Sanity, PagerDuty,
Infisical, Honeycomb, Vault's legacy s. tokens, Jenkins encrypted secrets;
chat in Russian, Ukrainian, Arabic, Hebrew, Hindi (Devanagari), Greek,
Thai, Brazilian Portuguese, Turkish, Japanese and Chinese phrasings the
earlier sets do not use. Negatives have the same shapes without a secret:
S3 version ids, OAuth state and PKCE challenges, Colab cell ids, git LFS
pointers, hashed known_hosts, image digests, minisign public keys, GPG
signing key ids and keyring paths, ConfigMaps, Jenkins/Actions secret
references, prose about passwords in the same languages.

  python3 bench/pii_secrets_heldout_g.py [--n 400] [--seed 7] > /tmp/g.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/g.jsonl --errors secret
"""
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, LOWER, R, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector, pem_lines

DIG = string.digits
B32 = 'abcdefghijklmnopqrstuvwxyz234567'


def pw():
    """A person's password: words, digits and a symbol, or random printable."""
    words = ['lantern', 'Copper', 'meadow', 'Tundra', 'biscuit', 'Sable', 'cobalt', 'Juniper']
    return R.choice([
        lambda: R.choice(words) + R.choice(words).capitalize() + str(R.randint(10, 9999)) +
        R.choice('!#%*+?'),
        lambda: rnd(ALNUM + '#%*+-!?', R.randint(14, 22)),
        lambda: R.choice(words).capitalize() + R.choice('.-_') + str(R.randint(1000, 99999)) +
        R.choice('!#?'),
    ])()


def who():
    return R.choice(['buildbot', 'etl_ro', 'mailer', 'svc-backup', 'grafana'])


def site():
    return R.choice(['nexus.tarragon.dev', 'git.tarragon.dev', 'mq.tarragon.dev', '172.31.9.40'])


def g_positives():
    """kind -> (text, the secret inside it)."""
    p = pw()
    u = who()
    out, put = collector()
    # ---- CI configs and containers
    k = rnd(ALNUM, 40)
    put('gitlab_ci_variables', 'stages: [deploy]\nvariables:\n  GIT_DEPTH: "1"\n  RELEASE_API_TOKEN: "%s"'
        '\ndeploy:\n  script: ./release.sh' % k, k)
    put('gh_actions_with', '- uses: docker/login-action@v3\n  with:\n    registry: %s\n    username: %s\n'
        '    password: %s' % (site(), u, p), p)
    k = rnd(B64URL, 36)
    put('circleci_env', 'jobs:\n  build:\n    docker:\n      - image: cimg/node:20.1\n    environment:\n'
        '      CODECOV_UPLOAD_TOKEN: %s' % k, k)
    put('dockerfile_env_space', 'FROM python:3.12-slim\nENV SMTP_PASSWORD %s\nRUN pip install -r '
        'requirements.txt' % p, p)
    k = rnd(ALNUM, 36)
    put('dockerfile_arg', 'ARG PRIVATE_REGISTRY_TOKEN=%s\nRUN npm ci' % k, k)
    k = b64(p)
    put('k8s_secret_data', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n'
        '  username: %s\n  password: %s' % (b64(u), k), k)
    k = rnd(ALNUM, 32)
    put('k8s_string_data', 'kind: Secret\nstringData:\n  api-token: %s\n  endpoint: https://%s' % (k, site()), k)
    k = '{AQAAABAAAAAQ%s=}' % rnd(B64, 42)
    put('jenkins_credentials_xml', '<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n'
        '  <id>nexus</id>\n  <username>%s</username>\n  <password>%s</password>' % (u, k), k)
    # ---- credential files
    k = rnd(ALNUM, 40)
    put('netrc', 'machine api.%s\n  login %s\n  password %s' % (site(), u, k), k)
    k = rnd(ALNUM, 40)
    put('git_credential_store', 'https://x-access-token:%s@%s' % (k, site()), k)
    k = rnd(B64URL, 32)
    put('pip_conf', '[global]\nindex-url = https://__token__:%s@%s/simple\ntimeout = 60' % (k, site()), k)
    k = rnd(ALNUM, 40)
    put('yarnrc_yml', 'npmScopes:\n  tarragon:\n    npmRegistryServer: "https://%s"\n    npmAuthToken: "%s"'
        % (site(), k), k)
    put('bundler_config', '---\nBUNDLE_GEMS__TARRAGON__DEV: "%s:%s"' % (u, p), p)
    k = b64('%s:%s' % (u, p))
    put('docker_config_json', '{"auths": {"%s": {"auth": "%s"}}}' % (site(), k), k)
    put('sbt_credentials', 'credentials += Credentials("Sonatype Nexus", "%s", "%s", "%s")' % (site(), u, p), p)
    put('gradle_properties', 'org.gradle.jvmargs=-Xmx2g\nnexusUsername=%s\nnexusPassword=%s' % (u, p), p)
    put('odbc_braces', 'Driver={ODBC Driver 18 for SQL Server};Server=tcp:%s,1433;Uid=%s;Pwd={%s};'
        'Encrypt=yes;' % (site(), u, p), p)
    put('sqlplus_connect', 'sqlplus %s/%s@//%s:1521/ORCLPDB1' % (u, p, site()), p)
    k = rnd(ALNUM + '!#%*+-=?@^', 64)
    put('wp_config_define', "define( 'SECURE_AUTH_KEY',  '%s' );" % k, k)
    k = 'base64:' + b64(bytes(R.getrandbits(8) for _ in range(32)))
    put('laravel_app_key', 'APP_NAME=Tarragon\nAPP_ENV=production\nAPP_KEY=%s' % k, k)
    k = 'key_' + rnd(HEX, 64)
    put('dotenv_vault_key', 'DOTENV_KEY="dotenv://:%s@dotenv.org/vault/.env.vault?environment=production"'
        % k, k)
    put('postfix_sasl_passwd', '[smtp.%s]:587 %s@tarragon.dev:%s' % ('mail.tarragon.dev', u, p), p)
    put('msmtprc', 'account default\nhost smtp.tarragon.dev\nport 587\nauth on\nuser %s\npassword %s'
        % (u, p), p)
    k = '$apr1$%s$%s' % (rnd(ALNUM, 8), rnd(ALNUM + './', 22))
    put('htpasswd_apr1', '%s:%s' % (u, k), k)
    # ---- command lines
    put('openssl_passin', 'openssl pkcs12 -in client.p12 -out client.pem -nodes -passin pass:%s' % p, p)
    put('zip_password', 'zip -r -P %s backup.zip ./exports' % p, p)
    put('htpasswd_batch', 'htpasswd -b /etc/nginx/.htpasswd %s %s' % (u, p), p)
    put('rabbitmqctl_add_user', 'rabbitmqctl add_user %s %s' % (u, p), p)
    put('mysqldump_glued', 'mysqldump -u%s -p%s --single-transaction shop > shop.sql' % (u, p), p)
    put('httpie_auth', 'http -a %s:%s POST https://%s/api/jobs name=nightly' % (u, p, site()), p)
    # ---- outputs, headers
    k = rnd(ALNUM, 48)
    put('jupyter_stream', '{"name": "stdout", "output_type": "stream", "text": ["connected with key %s\\n"]}'
        % k, k)
    k = rnd(LOWER + DIG, 32)
    put('cookie_session', 'GET /admin/ HTTP/1.1\nHost: %s\nCookie: csrftoken=%s; sessionid=%s' % (
        site(), rnd(ALNUM, 32), k), k)
    k = 'RWRTY0Iy' + rnd(B64, 150)
    put('minisign_secret', 'untrusted comment: minisign encrypted secret key\n%s' % k, k)
    # ---- providers no rule names
    k = 'live_' + rnd(ALNUM, 30)
    put('mollie_key', 'MOLLIE_API_KEY=%s' % k, k)
    k = rnd(ALNUM, 24)
    put('razorpay_pair', "razorpay.Client(auth=('rzp_live_%s', '%s'))" % (rnd(ALNUM, 14), k), k)
    k = 'A' + rnd(B64URL, 59)
    put('upstash_token', 'UPSTASH_REDIS_REST_URL="https://eu1-gentle-owl-3.upstash.io"\n'
        'UPSTASH_REDIS_REST_TOKEN="%s"' % k, k)
    k = 'prod:tarragon-fox-123|' + rnd(B64URL, 72)
    put('convex_deploy_key', 'CONVEX_DEPLOY_KEY=%s npx convex deploy' % k, k)
    k = 'FlyV1 fm2_' + rnd(B64URL, 120)
    put('fly_auth_header', 'curl -H "Authorization: %s" https://api.machines.dev/v1/apps' % k, k[6:])
    k = '%s.%s:%s' % (rnd(ALNUM, 6), rnd(ALNUM, 6), rnd(B64URL, 43))
    put('ably_key', "const ably = new Ably.Realtime('%s');" % k, k)
    k = 'sk' + rnd(ALNUM, 180)
    put('sanity_token', 'SANITY_API_WRITE_TOKEN=%s' % k, k)
    k = 'u+' + rnd(B64URL, 18)
    put('pagerduty_token', 'curl -H "Authorization: Token token=%s" https://api.pagerduty.com/incidents'
        % k, k)
    k = 'st.%s.%s.%s' % (uuid4(), rnd(HEX, 32), rnd(HEX, 32))
    put('infisical_token', 'INFISICAL_TOKEN=%s infisical run -- npm start' % k, k)
    k = 'hcaik_01' + rnd(LOWER + DIG, 56)
    put('honeycomb_key', 'export HONEYCOMB_API_KEY=%s' % k, k)
    k = 's.' + rnd(ALNUM, 24)
    put('vault_legacy', 'export VAULT_ADDR=https://vault.tarragon.dev:8200\nexport VAULT_TOKEN=%s' % k, k)
    # ---- chat in languages and phrasings the earlier sets lack
    k = rnd(ALNUM, 40)
    put('chat_ru', R.choice(['вот мой токен доступа: %s', 'держи ключ от API %s, только никому']) % k, k)
    put('chat_uk', 'мій пароль від пошти %s' % p, p)
    put('chat_ar', R.choice(['كلمة المرور الخاصة بي هي %s', 'كلمة السر: %s']) % p, p)
    put('chat_he', 'הסיסמה שלי היא %s' % p, p)
    put('chat_hi', R.choice(['मेरा पासवर्ड %s है', 'पासवर्ड: %s']) % p, p)
    put('chat_el', 'ο κωδικός μου είναι %s' % p, p)
    put('chat_th', 'รหัสผ่านคือ %s นะครับ' % p, p)
    k = R.choice([rnd(ALNUM, 40), p])
    put('chat_pt_br', (R.choice(['segue a chave da API %s', 'a chave de acesso nova: %s']) if len(k) == 40
                       else 'minha senha do banco é %s') % k, k)
    put('chat_tr', 'veritabanı şifresi %s olarak ayarlandı' % p, p)
    k = rnd(ALNUM, 40)
    put('chat_ja_paste', 'APIキーを貼っておきます %s' % k, k)
    put('chat_zh_changed', '数据库密码改成了%s，记得更新配置' % p, p)
    k = rnd(ALNUM, 40)
    put('chat_en_here', R.choice(['here is the service account token, do not share: %s',
                                  'use this one for prod => %s (api key)']) % k, k)
    return out


def g_negatives():
    return {
        's3_version_id': '{"ETag": "\\"%s\\"", "VersionId": "%s"}' % (rnd(HEX, 32), rnd(B64URL + '.', 32)),
        'oauth_state_pkce': 'https://auth.tarragon.dev/authorize?response_type=code&client_id=%s&state=%s'
        '&code_challenge=%s&code_challenge_method=S256' % (rnd(ALNUM, 20), rnd(ALNUM, 32), rnd(B64URL, 43)),
        'colab_cell_ids': '{"cell_type": "code", "metadata": {"id": "%s", "outputId": "%s"}, '
        '"execution_count": 4}' % (rnd(ALNUM, 12), uuid4()),
        'git_lfs_pointer': 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %d' % (
            rnd(HEX, 64), R.randint(1000, 10 ** 8)),
        'known_hosts_hashed': '|1|%s=|%s= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s' % (
            rnd(B64, 27), rnd(B64, 27), rnd(B64, 43)),
        'image_digest': 'image: registry.tarragon.dev/api@sha256:%s\nimagePullPolicy: IfNotPresent'
        % rnd(HEX, 64),
        'minisign_public': 'untrusted comment: minisign public key %s\nRWQ%s' % (
            rnd(HEX.upper(), 16), rnd(B64, 53)),
        'gradle_signing_ids': 'signing.keyId=%s\nsigning.secretKeyRingFile=/home/%s/.gnupg/secring.gpg'
        % (rnd(HEX.upper(), 8), who()),
        'configmap_data': 'kind: ConfigMap\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "%s"\n  '
        'BUILD_SHA: %s' % (','.join(rnd(LOWER, 6) for _ in range(3)), rnd(HEX, 40)),
        'secret_references': R.choice(['password: ${{ secrets.REGISTRY_PASSWORD }}',
                                       "withCredentials([string(credentialsId: 'npm-token', variable: 'NPM_TOKEN')])",
                                       'token: $(vault kv get -field=token secret/ci)',
                                       'password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256',
                                       'DB_PASSWORD=${DB_PASSWORD:?must be set}']),
        'dockerfile_plain': 'FROM node:20-alpine\nENV NODE_ENV production\nARG GIT_SHA=%s\n'
        'LABEL org.opencontainers.image.revision=%s' % (rnd(HEX, 40), rnd(HEX, 40)),
        'pip_conf_plain': '[global]\nindex-url = https://%s/simple\ntrusted-host = %s' % (site(), site()),
        'odbc_trusted': 'Driver={ODBC Driver 18 for SQL Server};Server=tcp:%s,1433;Database=sales;'
        'Trusted_Connection=yes;' % site(),
        'postfix_main_cf': 'relayhost = [smtp.tarragon.dev]:587\nsmtp_sasl_auth_enable = yes\n'
        'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\nsmtp_tls_security_level = encrypt',
        'npm_tarball_url': 'https://registry.npmjs.org/@tarragon/ui/-/ui-%d.%d.%d.tgz#%s' % (
            R.randint(1, 9), R.randint(0, 20), R.randint(0, 20), rnd(HEX, 40)),
        'medium_url': 'https://medium.com/@%s/why-we-moved-to-postgres-%s' % (who(), rnd(HEX, 12)),
        'sentry_event': '{"event_id": "%s", "release": "api@%s", "trace_id": "%s"}' % (
            rnd(HEX, 32), rnd(HEX, 12), rnd(HEX, 32)),
        'jupyter_png': '{"output_type": "display_data", "data": {"image/jpeg": "/9j/4AAQSkZJRgABAQ%s"}}'
        % rnd(B64, 200),
        'curl_no_password': 'curl -u %s https://%s/api/status -H "X-Request-Id: %s"' % (who(), site(), uuid4()),
        'prose_languages': R.choice(['Забыли пароль? Нажмите «Восстановить».', 'نسيت كلمة المرور؟',
                                     'पासवर्ड भूल गए? यहाँ क्लिक करें', 'שכחתי את הסיסמה שלי',
                                     'Ο κωδικός πρόσβασης πρέπει να έχει 12 χαρακτήρες.',
                                     'รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร', 'Esqueci minha senha do banco.',
                                     '请输入您的密码后再继续', 'API キーは管理画面で発行できます',
                                     'Şifrenizi kimseyle paylaşmayın.']),
        'code_about_secrets': R.choice([
            'if not os.environ.get("API_TOKEN"):\n    raise SystemExit("API_TOKEN is not set")',
            '@Value("${app.jwt.secret}")\nprivate String jwtSecret;',
            'hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())',
            'const token = req.headers.authorization?.split(" ")[1];']),
        'placeholders_g': R.choice(['password: <REDACTED>', 'DOTENV_KEY="dotenv://:key_1234...@dotenv.org/vault"',
                                    'nexusPassword=changeit', 'MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
                                    'Cookie: sessionid=<your session id>']),
        'onion_address': 'http://%s.onion/' % rnd(B32, 56),
        'sha512sum_line': '%s  tarragon-%d.%d.tar.gz' % (rnd(HEX, 128), R.randint(1, 3), R.randint(0, 9)),
        'pgp_armor_message': '-----BEGIN PGP MESSAGE-----\n\n%s\n=%s\n-----END PGP MESSAGE-----' % (
            pem_lines(3), rnd(B64, 4)),
        'htpasswd_usage': 'Usage: htpasswd -b[cmBdpsDv] [-C cost] passwordfile username password',
        'ably_channel': "const channel = ably.channels.get('orders:%s');" % rnd(LOWER + DIG, 12),
        'razorpay_ids': '{"id": "order_%s", "entity": "order", "receipt": "rcpt_%s"}' % (
            rnd(ALNUM, 14), rnd(DIG, 8)),
    }


def main():
    one_set_main('g', g_positives, g_negatives)


if __name__ == '__main__':
    main()
