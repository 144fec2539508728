#!/usr/bin/env python3
"""A held-out secret set with provider formats, file formats, languages and
look-alikes that neither the noseyparker examples nor bench/pii_gen_secrets.py
use. Labelled by construction: every positive text holds a credential made of
fresh random characters in the provider's documented shape; every negative
holds something that looks like one and is not (digests, ids, integrity
hashes, images, public keys, documentation fixtures, references, prose).

  python3 bench/pii_secrets_heldout.py [--n 400] [--seed 7] [--set a|b] > /tmp/h.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/h.jsonl --errors secret

Same JSON lines as pii_gen_secrets.py: {"id", "label", "kind", "text"}.
Both sets were written before any rule of the fourth round. Set "a" was
scored first (README: its first-contact numbers) and its misses then guided
general rules, so it is a regression guard now; set "b" was not run until
those rules were done, then scored once; its few misses then became rules too.
Set "c" was written after all of this round's rules and scored once, and its
misses were left alone: the honest held-out number.
"""
import argparse
import base64
import json
import random
import string
import urllib.parse

from pii_gen_secrets import write_examples

R = random.Random()
ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
B64 = ALNUM + '+/'
B64URL = ALNUM + '-_'
HEX = '0123456789abcdef'


def rnd(alphabet, n):
    return ''.join(R.choice(alphabet) for _ in range(n))


def b64(data):
    return base64.b64encode(data if isinstance(data, bytes) else data.encode()).decode()


def b64url_nopad(data):
    return base64.urlsafe_b64encode(data).decode().rstrip('=')


def password():
    """What people type: a word, digits and a symbol; or a generated one."""
    words = ['lantern', 'Borealis', 'cobalt', 'Saffron', 'tundra', 'Meridian', 'pebble', 'Juniper']
    return R.choice([
        lambda: R.choice(words) + str(R.randint(10, 9999)) + R.choice('!#%*?@'),
        lambda: rnd(ALNUM + '!#%*^', R.randint(14, 22)),
        lambda: R.choice(words).capitalize() + R.choice('.-_') + R.choice(words).lower() +
        str(R.randint(1, 99)) + R.choice('!?'),
    ])()


def uuid4():
    return '%s-%s-4%s-%s%s-%s' % (rnd(HEX, 8), rnd(HEX, 4), rnd(HEX, 3), R.choice('89ab'),
                                  rnd(HEX, 3), rnd(HEX, 12))


def host():
    return R.choice(['db-02.corp.lan', '172.19.4.21', 'mq.prod.acme-pay.com', 'cache-eu.internal'])


def user():
    return R.choice(['etl', 'payments', 'backup', 'svc-ci', 'kiosk'])


# ---- set a ------------------------------------------------------------------
def a_positives():
    pw = password()
    u = user()
    sas_sig = urllib.parse.quote(b64(bytes(R.getrandbits(8) for _ in range(32))), safe='')
    discord_id = b64url_nopad(str(R.randint(10 ** 17, 10 ** 18)).encode())
    sa_key = '\\n'.join(rnd(B64, 64) for _ in range(6))
    dockercfg = b64(json.dumps({'auths': {'registry.acme.io': {'auth': b64('%s:%s' % (u, pw))}}}))
    return {
        'azure_storage_cli': 'az storage blob upload --account-name acmelogs --account-key %s== '
        '-f out.tgz -c backups' % rnd(B64, 86),
        'azure_sas_url': 'https://acmelogs.blob.core.windows.net/exports/r.csv?sv=2022-11-02&ss=b'
        '&srt=o&sp=r&se=2025-03-01T00:00:00Z&spr=https&sig=%s' % sas_sig,
        'twilio_client': 'client = Client("AC%s", "%s")' % (rnd(HEX, 32), rnd(HEX, 32)),
        'mailgun_new': 'MAILGUN_API_KEY=%s-%s-%s' % (rnd(HEX, 32), rnd(HEX, 8), rnd(HEX, 8)),
        'npm_actions': 'env:\n  NODE_AUTH_TOKEN: npm_%s' % rnd(ALNUM, 36),
        'twine_env': 'TWINE_USERNAME=__token__ TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc%s twine upload '
        'dist/*' % rnd(B64URL, 70),
        'dockerhub_stdin': 'echo dckr_pat_%s | docker login -u %s --password-stdin' % (
            rnd(B64URL, 27), u),
        'heroku_uuid': 'HEROKU_API_KEY=%s' % uuid4(),
        'shopify_header': 'X-Shopify-Access-Token: shpat_%s' % rnd(HEX, 32),
        'doctl': 'doctl auth init --access-token dop_v1_%s' % rnd(HEX, 64),
        'hf_cli': 'huggingface-cli login --token hf_%s' % rnd(string.ascii_letters, 34),
        'databrickscfg': '[DEFAULT]\nhost = https://adb-%d.7.azuredatabricks.net\ntoken = dapi%s'
        % (R.randint(10 ** 14, 10 ** 15), rnd(HEX, 32)),
        'atlassian_curl': 'curl -u me@acme.io:ATATT3xFfGF0%s=%s https://acme.atlassian.net/rest/api/3/'
        'myself' % (rnd(B64URL, 170), rnd(HEX.upper(), 8)),
        'discord_bot': "client.run('%s.%s.%s')" % (discord_id, rnd(B64URL, 6), rnd(B64URL, 38)),
        'telegram_url': 'https://api.telegram.org/bot%d:AA%s/sendMessage?chat_id=42' % (
            R.randint(10 ** 8, 10 ** 10 - 1), rnd(B64URL, 33)),
        'okta_env': 'OKTA_API_TOKEN=00%s' % rnd(B64URL, 40),
        'datadog_header': 'DD-API-KEY: %s' % rnd(HEX, 32),
        'newrelic_license': 'NEW_RELIC_LICENSE_KEY=%sNRAL' % rnd(HEX, 36),
        'gcp_sa_pretty': '{\n  "type": "service_account",\n  "project_id": "acme-prod",\n'
        '  "private_key_id": "%s",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n%s\\n'
        '-----END PRIVATE KEY-----\\n",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}'
        % (rnd(HEX, 40), sa_key),
        'pem_dsa': '-----BEGIN DSA PRIVATE KEY-----\n%s\n-----END DSA PRIVATE KEY-----' % '\n'.join(
            rnd(B64, 64) for _ in range(5)),
        'pem_encrypted': '-----BEGIN ENCRYPTED PRIVATE KEY-----\n%s\n-----END ENCRYPTED PRIVATE '
        'KEY-----' % '\n'.join(rnd(B64, 64) for _ in range(6)),
        'putty_ppk': 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\n'
        'Public-Lines: 2\n%s\n%s\nPrivate-Lines: 1\n%s\nPrivate-MAC: %s' % (
            rnd(B64, 64), rnd(B64, 20), rnd(B64, 44), rnd(HEX, 64)),
        'dotenv_block': 'APP_ENV=production\nAPP_DEBUG=false\nAPP_KEY=base64:%s=\nLOG_LEVEL=warn' %
        rnd(B64, 43),
        'toml_token': '[registry]\nurl = "https://crates.acme.io"\ntoken = "%s"' % rnd(ALNUM, 32),
        'ini_smtp': '[smtp]\nhost = smtp.acme.io\nuser = %s\npass = %s' % (u, pw),
        'compose_env': 'services:\n  db:\n    image: mariadb:11\n    environment:\n'
        '      MYSQL_ROOT_PASSWORD: %s' % pw,
        'k8s_data_b64': 'kind: Secret\ntype: Opaque\ndata:\n  DB_PASSWORD: %s' % b64(pw),
        'k8s_dockerconfig': 'type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: %s' %
        dockercfg,
        'mysql_p_only': '$ mysql -p%s -h %s shop' % (rnd(ALNUM, 14), host()),
        'sshpass': "sshpass -p '%s' ssh %s@%s" % (pw, u, host()),
        'pgpassword_env': 'PGPASSWORD=%s psql -h %s -U %s' % (pw, host(), u),
        'smbclient': 'smbclient //fs01/share -U %s%%%s' % (u, rnd(ALNUM, 12)),
        'wget_password': 'wget --user=%s --password=%s https://%s/dump.sql' % (u, pw, host()),
        'openssl_pass': 'openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:%s' % pw,
        'redis_url_nouser': 'REDIS_URL=redis://:%s@%s:6379/0' % (rnd(ALNUM, 24), host()),
        'ftp_url': 'ftp://%s:%s@files.acme.io/incoming/' % (u, urllib.parse.quote(pw, safe='')),
        'gitlab_letters_dash': 'git push https://oauth2:glpat-%s@gitlab.com/acme/app.git' % (
            rnd(string.ascii_letters + '-', 20)),
        'eth_private_key': 'PRIVATE_KEY=0x%s' % rnd(HEX, 64),
        'chinese_wei': R.choice(['数据库密码为%s', '服务器的登录密码是：%s，别外传',
                                 'API密钥：%s']) % R.choice([pw, rnd(ALNUM, 32)]),
        'chinese_token': '我的访问令牌是 %s' % rnd(ALNUM, 40),
        'japanese_password': R.choice(['パスワード：%s', 'パスワードは %s です',
                                       '本番DBのパスワードは「%s」です']) % pw,
        'japanese_apikey': R.choice(['APIキー: %s', 'アクセスキーは %s']) % rnd(ALNUM, 32),
        'korean_password': '비밀번호: %s' % pw,
    }


def a_negatives():
    img = b64(bytes(R.getrandbits(8) for _ in range(90)))
    return {
        'git_log': 'commit %s\nAuthor: Build Bot <ci@acme.io>\n\n    Fix flaky test' % rnd(HEX, 40),
        'git_short': 'Cherry-picked %s onto release/%d.%d' % (rnd(HEX, R.choice([7, 10, 12])),
                                                          R.randint(1, 9), R.randint(0, 20)),
        'sha256_file': 'SHA256 (edgeway-%d.%d.tar.gz) = %s' % (R.randint(0, 3), R.randint(0, 30),
                                                              rnd(HEX, 64)),
        'sha256_json': '{"name": "model.gguf", "sha256": "%s", "size": %d}' % (
            rnd(HEX, 64), R.randint(10 ** 6, 10 ** 10)),
        'uuid_json': '{"id": "%s", "created": "2024-0%d-1%dT10:00:00Z"}' % (
            uuid4(), R.randint(1, 9), R.randint(0, 9)),
        'guid_braces': 'ProjectGuid = "{%s}"' % uuid4().upper(),
        'yarn_integrity': '"@babel/core@^7.%d.0":\n  version "7.%d.3"\n  integrity sha512-%s==' % (
            R.randint(1, 24), R.randint(1, 24), rnd(B64, 86)),
        'pkglock_integrity': '"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",'
        '\n"integrity": "sha512-%s=="' % rnd(B64, 86),
        'cargo_checksum': '[[package]]\nname = "serde"\nversion = "1.0.%d"\nchecksum = "%s"' % (
            R.randint(100, 220), rnd(HEX, 64)),
        'gosum': 'golang.org/x/net v0.%d.0 h1:%s=' % (R.randint(1, 30), rnd(B64, 43)),
        'data_image': '<img alt="logo" src="data:image/png;base64,%s">' % img,
        'minified_js': 'var %s=function(e,t){return e.%s(t)};' % (rnd(LOWER, 2), rnd(
            string.ascii_letters, 18)),
        'webpack_asset': '<script src="/static/js/main.%s.chunk.js"></script>' % rnd(HEX, 20),
        'stripe_doc_key': R.choice(['stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"',
                                    "Stripe.apiKey = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';"]),
        'jwt_io_example': 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0'
        'NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV'
        '_adQssw5c',
        'slack_doc_token': R.choice(['SLACK_TOKEN=xoxb-not-a-real-token-this-will-not-work',
                                     'token: xoxp-XXXXXXXXXXXX-XXXXXXXXXXXX-XXXXXXXXXXXXXXXX']),
        'masked_bullets': R.choice(['password: "••••••••"', 'api_key: sk-proj-••••••••%s' %
                                    rnd(ALNUM, 4), 'Token: ●●●●●●●●%s' % rnd(HEX, 4)]),
        'eth_tx_hash': 'Transaction hash: 0x%s (block %d)' % (rnd(HEX, 64), R.randint(10 ** 7, 10 ** 8)),
        'css_colours': ':root { --primary: #%s; --accent: #%s; }' % (rnd(HEX, 6), rnd(HEX.upper(), 6)),
        'tracking_url': 'https://shop.acme.io/p/%d?utm_source=newsletter&utm_medium=email'
        '&utm_campaign=spring&gclid=%s&fbclid=IwAR%s' % (R.randint(100, 999), rnd(B64URL, 40),
                                                         rnd(B64URL, 52)),
        'jwks_public': '{"kty": "RSA", "kid": "%s", "use": "sig", "alg": "RS256", "e": "AQAB", '
        '"n": "%s"}' % (rnd(B64URL, 43), rnd(B64URL, 342)),
        'ssh_rsa_pub': 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ%s %s@laptop' % (rnd(B64, 300), user()),
        'public_key_pem': '-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----' % '\n'.join(
            rnd(B64, 64) for _ in range(4)),
        'k8s_secret_ref': 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n'
        '        name: db-credentials\n        key: password',
        'settings_named': R.choice(['TOKEN_EXPIRY_SECONDS=3600', 'api_version: 2024-02-15-preview',
                                    'secretName: web-tls', 'password_min_length = 14',
                                    '"max_tokens": 4096']),
        'sequential_fake': R.choice(['api_key = "abcd1234abcd1234abcd"',
                                     'token: 0123456789abcdef0123456789abcdef',
                                     'AWS_SECRET_ACCESS_KEY=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd',
                                     'client_secret: "qwertyuiopasdfghjklzxcvbnm"']),
        'fake_provider': R.choice(['AKIAXXXXXXXXXXXXXXXX', 'ghp_000000000000000000000000000000000000',
                                   'OPENAI_API_KEY=sk-your-key-here']),
        'chinese_ui': R.choice(['请输入密码', '密码错误，请重试', '密码长度不能少于8位']),
        'japanese_ui': R.choice(['パスワードを忘れた場合はこちら', 'パスワードは8文字以上で入力してください',
                                 'APIキーを再発行しました']),
        'prose_secret_words': R.choice(['Never paste your token into a chat window.',
                                        'The key rotation job runs nightly at 02:00 UTC.',
                                        'Ask the on-call engineer for the staging password.']),
    }


# ---- set b (not run until the fourth round's rules were done) --------------
def b_positives():
    pw = password()
    u = user()
    return {
        'cloudflare_api_token': 'CLOUDFLARE_API_TOKEN=%s' % rnd(B64URL, 40),
        'linear_ci': 'LINEAR_API_KEY: lin_api_%s' % rnd(ALNUM, 40),
        'gitlab_runner': 'gitlab-runner register --url https://gitlab.acme.io --token glrt-%s' %
        rnd(B64URL, 20),
        'powershell_secure': '$pw = ConvertTo-SecureString "%s" -AsPlainText -Force' % pw,
        'jdbc_props': 'jdbc:sqlserver://%s:1433;databaseName=ledger;user=%s;password=%s;' % (
            host(), u, pw),
        'ansible_inventory': 'web01 ansible_host=10.4.0.12 ansible_user=%s ansible_password=%s' % (
            u, pw),
        'git_credentials': 'https://%s:%s@git.acme.io' % (u, rnd(ALNUM, 32)),
        'htpasswd_cli': 'curl --user %s:%s -X POST https://%s/hooks/deploy' % (u, pw, host()),
        'vault_login': 'vault login hvs.%s' % rnd(B64URL, 90),
        'anthropic_prompt': 'why does this fail? ANTHROPIC_API_KEY=sk-ant-api03-%s-%sAA' % (
            rnd(B64URL, 80), rnd(B64URL, 10)),
        'chinese_mima_colon_space': '管理员账号：%s 密码： %s' % (u, pw),
        'japanese_himitsu': 'シークレット: %s' % rnd(ALNUM, 40),
        'spanish_clave': 'la clave del wifi es %s' % pw,
        'sendgrid_yaml': 'mail:\n  provider: sendgrid\n  api_key: SG.%s.%s' % (rnd(B64URL, 22),
                                                                            rnd(B64URL, 43)),
        'slack_webhook_env': 'SLACK_WEBHOOK=https://hooks.slack.com/services/T%s/B%s/%s' % (
            rnd(UPPER + '0123456789', 10), rnd(UPPER + '0123456789', 10), rnd(ALNUM, 24)),
    }


def b_negatives():
    return {
        'docker_image_id': 'IMAGE ID: sha256:%s' % rnd(HEX, 64),
        'sri_script': '<script src="https://cdn.acme.io/lib.js" integrity="sha384-%s" '
        'crossorigin="anonymous"></script>' % rnd(B64, 64),
        'nonce_csp': "Content-Security-Policy: script-src 'nonce-%s'" % rnd(B64, 24),
        'object_id': 'ObjectId("%s")' % rnd(HEX, 24),
        'ipfs_cid': 'ipfs://bafybei%s' % rnd('abcdefghijklmnopqrstuvwxyz234567', 52),
        'placeholder_env': R.choice(['CLOUDFLARE_API_TOKEN=<paste token>', 'api_key: ${{ secrets.KEY }}',
                                     'password = "%(password)s"', 'token: "{{ .Token }}"']),
        'chinese_prose': R.choice(['请妥善保管您的密钥，不要分享给他人', '如何修改密码？']),
        'japanese_prose': 'トークンの有効期限は24時間です',
        'hash_in_log': 'INFO cache hit key=%s ttl=300' % rnd(HEX, 40),
        'btc_tx': 'txid %s confirmed' % rnd(HEX, 64),
    }


# ---- set c (written after the fourth round's rules, scored once, not tuned) --
B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'


def c_positives():
    pw = password()
    u = user()
    return {
        'maven_settings': '<server>\n  <id>nexus</id>\n  <username>%s</username>\n  <password>%s'
        '</password>\n</server>' % (u, pw),
        'gradle_properties': 'nexusUsername=%s\nnexusPassword=%s' % (u, pw),
        'spring_yaml': 'spring:\n  datasource:\n    url: jdbc:postgresql://%s/app\n    username: %s'
        '\n    password: %s' % (host(), u, pw),
        'tfvars': 'db_password = "%s"' % pw,
        'helm_values': 'postgresql:\n  auth:\n    postgresPassword: %s' % pw,
        'servicebus': 'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root'
        'ManageSharedAccessKey;SharedAccessKey=%s=' % rnd(B64, 43),
        'aws_session_token': 'aws_session_token = IQoJb3JpZ2luX2VjE%s' % rnd(B64, 300),
        'fcm_server_key': 'FCM_SERVER_KEY=AAAA%s:APA91b%s' % (rnd(B64URL, 7), rnd(B64URL, 134)),
        'sentry_dsn': 'SENTRY_DSN=https://%s@o%d.ingest.sentry.io/%d' % (
            rnd(HEX, 32), R.randint(10 ** 5, 10 ** 6), R.randint(10 ** 6, 10 ** 7)),
        'totp_uri': 'otpauth://totp/Acme:%s?secret=%s&issuer=Acme' % (u, rnd(B32, 32)),
        'cmdkey': 'cmdkey /generic:%s /user:%s /pass:%s' % (host(), u, pw),
        'mysql_pwd_env': 'MYSQL_PWD=%s mysql -h %s -u %s' % (pw, host(), u),
        'npmrc_auth': '//npm.acme.io/:_auth=%s' % b64('%s:%s' % (u, pw)),
        'pip_index_url': 'index-url = https://%s:%s@pypi.acme.io/simple' % (u, rnd(ALNUM, 32)),
        'chinese_email_pw': '我的邮箱密码是%s，帮我写封邮件' % pw,
        'japanese_token': 'トークンは %s です' % rnd(ALNUM, 40),
        'turkish_sifre': '\u015fifre: %s' % pw,
        'vietnamese': 'm\u1eadt kh\u1ea9u: %s' % pw,
        'italian_password': 'la password del router \u00e8 %s' % pw,
        'russian_mail': '\u043f\u0430\u0440\u043e\u043b\u044c \u043e\u0442 \u043f\u043e\u0447\u0442'
        '\u044b: %s' % pw,
        'docker_login_long': 'docker login --username %s --password %s ghcr.io' % (u, rnd(ALNUM, 36)),
    }


def c_negatives():
    return {
        'gha_secret_ref': 'with:\n  username: ${{ github.actor }}\n  password: ${{ secrets.GITHUB_TOKEN }}',
        'maven_env_ref': '<password>${env.NEXUS_PASSWORD}</password>',
        'totp_doc_example': 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
        'ca_bundle': 'caBundle: %s' % b64('-----BEGIN CERTIFICATE-----\n' + rnd(B64, 64) + '\n'),
        'vapid_public': '"publicKey": "B%s"' % rnd(B64URL, 86),
        'stripe_publishable': "const stripe = Stripe('pk_live_%s');" % rnd(ALNUM, 99),
        'stripe_object_ids': 'customer cus_%s paid with %s' % (rnd(ALNUM, 14), 'pi_' + rnd(ALNUM, 24)),
        'openai_ids': 'x-request-id: req_%s, id: chatcmpl-%s' % (rnd(HEX, 32), rnd(ALNUM, 29)),
        'ec2_ids': 'instance i-0%s in subnet-0%s' % (rnd(HEX, 16), rnd(HEX, 16)),
        'pgp_public': '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n-----END PGP PUBLIC KEY BLOCK-----'
        % '\n'.join(rnd(B64, 64) for _ in range(4)),
        'xxd_dump': '00000010: %s  ................' % ' '.join(rnd(HEX, 4) for _ in range(8)),
        'analytics_ids': "gtag('config', 'G-%s'); ga('create', 'UA-%d-1');" % (
            rnd(UPPER + '0123456789', 10), R.randint(10 ** 7, 10 ** 8)),
        'password_prose_cjk': R.choice(['\u5bc6\u7801\u5df2\u91cd\u7f6e\uff0c\u8bf7\u67e5\u6536\u90ae\u4ef6',
                                        '\u30d1\u30b9\u30ef\u30fc\u30c9\u3092\u5909\u66f4\u3057\u307e\u3057\u305f']),
        'empty_tfvars': 'db_password = ""  # set via TF_VAR_db_password',
    }


def one_set_main(name, positives, negatives):
    """The command line of a generator file that holds one set (g, h, ...):
    --n examples of each label, --seed, JSON lines on stdout."""
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=400, help='examples of each label')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--set', choices=[name], default=name, help='the one set of this file')
    args = ap.parse_args()
    R.seed(args.seed)
    write_examples((('positive', positives), ('negative', negatives)), args.n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=400, help='examples of each label')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--set', choices=['a', 'b', 'c'], default='a')
    args = ap.parse_args()
    R.seed(args.seed)
    makers = {'a': (('positive', a_positives), ('negative', a_negatives)),
              'b': (('positive', b_positives), ('negative', b_negatives)),
              'c': (('positive', c_positives), ('negative', c_negatives))}[args.set]
    write_examples(makers, args.n)


if __name__ == '__main__':
    main()
