#!/usr/bin/env python3
"""Generates fresh secret examples to check that the secret detector
generalises beyond the noseyparker examples: positives are real-looking
credentials with random values in many file formats; negatives are the
look-alikes that must stay silent (placeholders, documentation keys,
references to variables, digests, ids, settings that only name a secret).
Writes JSON lines {"id", "label": "positive"|"negative", "kind", "text"}.

  python3 bench/pii_gen_secrets.py [--n 300] [--seed 5] [--set own|heldout] > /tmp/s.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/s.jsonl

--set heldout uses other templates, file formats, languages and look-alikes
(base64 of placeholders and certificates, public keys, CI and template
references, test fixtures, made-up runs, masked values, id-named UUIDs). It
was written before the third round of rules, whose misses it then showed, so
it is a regression guard now. --set heldout2 was written after those rules,
scored once, and then its misses became rules too; --set heldout3 was written
last, scored once and left alone: the honest check of generalisation.
"""
import argparse
import base64
import json
import random
import string
import sys
import urllib.parse

ALNUM = string.ascii_letters + string.digits
UPDIG = string.ascii_uppercase + '234567'
B64 = ALNUM + '+/'
B64URL = ALNUM + '-_'
HEX = '0123456789abcdef'


def rnd(alphabet, n):
    return ''.join(random.choice(alphabet) for _ in range(n))


def password():
    """A password a person might choose: words, digits and a symbol."""
    words = ['harbor', 'Violet', 'tango', 'Quartz', 'maple', 'Nimbus', 'falcon', 'Orchid', 'zephyr']
    return random.choice([
        lambda: random.choice(words) + str(random.randint(10, 9999)) + random.choice('!#$%&*?'),
        lambda: rnd(ALNUM + '!#%*', random.randint(12, 20)),
        lambda: random.choice(words) + random.choice('-_.') + random.choice(words) +
        str(random.randint(1, 99)),
    ])()


def jwt():
    def enc(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip('=')
    head = enc({'alg': random.choice(['HS256', 'RS256']), 'typ': 'JWT'})
    body = enc({'sub': str(random.randint(1000, 99999)), 'iat': random.randint(1.6e9, 1.8e9)})
    return '%s.%s.%s' % (head, body, rnd(B64URL, 43))


def pem():
    body = '\n'.join(rnd(B64, 64) for _ in range(random.randint(4, 8)))
    kind = random.choice(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY',
                          'OPENSSH PRIVATE KEY'])
    return '-----BEGIN %s-----\n%s\n-----END %s-----' % (kind, body, kind)


# kind -> function returning a positive text
def positives():
    host = random.choice(['db.internal', '10.20.3.4', 'pg-prod.acme.io', 'mongo-1.cluster.local'])
    user = random.choice(['app', 'svc_orders', 'admin', 'deploy', 'reporting'])
    pw = password()
    aws_id = 'AKIA' + rnd(UPDIG, 16)
    aws_secret = rnd(B64, 40)
    return {
        'aws_env': 'export AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s' % (aws_id,
                                                                                   aws_secret),
        'aws_ini': '[default]\naws_access_key_id = %s\naws_secret_access_key = %s' % (aws_id,
                                                                                      aws_secret),
        'github': random.choice(['GITHUB_TOKEN=%s', 'token: %s', 'git clone https://%s@github.com/o/r'])
        % ('ghp_' + rnd(ALNUM, 36)),
        'github_pat': 'GH_PAT="github_pat_%s_%s"' % (rnd(ALNUM, 22), rnd(ALNUM, 59)),
        'gitlab': 'CI_JOB_TOKEN: glpat-%s' % rnd(B64URL, 20),
        'slack': 'SLACK_BOT_TOKEN=xoxb-%d-%d-%s' % (random.randint(10 ** 10, 10 ** 12),
                                                   random.randint(10 ** 10, 10 ** 12), rnd(ALNUM, 24)),
        'stripe': 'stripe.api_key = "sk_live_%s"' % rnd(ALNUM, 24),
        'openai': 'OPENAI_API_KEY=sk-proj-%s' % rnd(B64URL, 64),
        'anthropic': 'client = Anthropic(api_key="sk-ant-api03-%s-%sAA")' % (rnd(B64URL, 80),
                                                                            rnd(B64URL, 10)),
        'google': 'const MAPS_KEY = "AIza%s";' % rnd(B64URL, 35),
        'jwt': 'Authorization: Bearer %s' % jwt(),
        'pem': 'key.pem:\n' + pem(),
        'password_yaml': 'database:\n  user: %s\n  password: "%s"' % (user, pw),
        'password_json': '{"username": "%s", "password": "%s"}' % (user, pw),
        'password_env': 'DB_PASSWORD=%s' % pw,
        'password_xml': '<add key="SmtpPassword" value="%s" />' % pw,
        'url_creds': random.choice(['postgres', 'mysql', 'mongodb', 'redis', 'amqp']) +
        '://%s:%s@%s:5432/app' % (user, urllib.parse.quote(pw, safe=''), host),
        'generic_hex': 'api_key = "%s"' % rnd(HEX, 32),
        'generic_b64': '"client_secret": "%s"' % rnd(B64URL, 40),
        'bearer': 'curl -H "Authorization: Bearer %s" https://api.example.com/v1/items' %
        rnd(ALNUM, 40),
        'hcl': 'variable "db_password" {\n  default = "%s"\n}' % pw,
        'docker_login': 'docker login -u %s -p %s registry.acme.io' % (user, rnd(ALNUM, 24)),
        'connection_string': 'Server=%s;Database=app;User Id=%s;Password=%s;' % (host, user, pw),
        'npm': '//registry.npmjs.org/:_authToken=npm_%s' % rnd(ALNUM, 36),
        'hf': 'HF_TOKEN=hf_%s' % rnd(ALNUM, 34),
    }


def negatives():
    return {
        'placeholder_angle': random.choice(['api_key = "<YOUR_API_KEY>"', 'token: <your-token-here>',
                                            'password: <password>']),
        'placeholder_var': random.choice(['password = os.environ["DB_PASSWORD"]',
                                          'token: ${GITHUB_TOKEN}', 'API_KEY=$API_KEY',
                                          'const key = process.env.STRIPE_KEY;',
                                          'password: "{{ vault_db_password }}"']),
        'placeholder_mask': random.choice(['password: ********', 'secret = "xxxxxxxxxxxxxxxx"',
                                           'api_key: "REDACTED"', 'token = "changeme"']),
        'doc_aws': random.choice(['aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
                                  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']),
        'doc_example': 'api_key = "example-key-%s"' % rnd(HEX, 8),
        'git_sha': 'Merge commit %s into main' % rnd(HEX, 40),
        'docker_digest': 'image: nginx@sha256:%s' % rnd(HEX, 64),
        'npm_integrity': '"integrity": "sha512-%s=="' % rnd(B64, 86),
        'uuid_id': 'request_id: %s-%s-4%s-a%s-%s' % (rnd(HEX, 8), rnd(HEX, 4), rnd(HEX, 3),
                                                      rnd(HEX, 3), rnd(HEX, 12)),
        'checksum': 'md5sum: %s  release.tar.gz' % rnd(HEX, 32),
        'settings': random.choice(['password_min_length: 12', '"token_type": "Bearer"',
                                   'api_key_header: X-API-Key', 'secret_name: db-credentials',
                                   'PASSWORD_RESET_TIMEOUT = 3600', 'auth_method: oauth2']),
        'i18n': '"password_label": "Password", "token_expired": "Your session has expired"',
        'url_plain': 'See https://docs.example.com/auth/api-keys#rotate for key rotation.',
        'ssh_target': 'ssh deploy@%d.%d.%d.%d -p 2222' % tuple(random.randint(1, 254) for _ in range(4)),
        'data_uri': 'background: url(data:image/png;base64,%s)' % rnd(B64, 120),
        'prose': random.choice(['Rotate your API key every 90 days and never commit it.',
                                'The password must contain a digit and a symbol.',
                                'Tokens expire after one hour; request a new one with the refresh token.']),
        'version': 'version: %d.%d.%d, build %s' % (random.randint(0, 9), random.randint(0, 40),
                                                   random.randint(0, 99), rnd(HEX, 7)),
    }


def b64(text):
    return base64.b64encode(text.encode()).decode()


# The held-out set: templates and look-alikes not used while writing the rules.
def heldout_positives():
    pw = password()
    user = random.choice(['svc', 'etl_job', 'root', 'grafana', 'ops'])
    django = rnd(string.ascii_lowercase + string.digits + '!@#$%^&*(-_=+)', 50)
    return {
        'django_settings': "SECRET_KEY = '%s'" % django,
        'go_const': 'const apiToken = "%s"' % rnd(ALNUM, 40),
        'java_properties': 'spring.datasource.username=%s\nspring.datasource.password=%s' % (user,
                                                                                            pw),
        'k8s_secret': 'apiVersion: v1\nkind: Secret\ndata:\n  username: %s\n  password: %s' % (
            b64(user), b64(pw)),
        'pypirc': '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc%s' % rnd(B64URL, 60),
        'chinese_prompt': random.choice(['我的数据库密码是 %s ，帮我看看连接为什么失败',
                                         '数据库密码：%s', '服务器登录密码: %s']) % pw,
        'german_prompt': 'Das Passwort für den Server lautet: %s' % pw,
        'french_prompt': 'Mot de passe : %s' % pw,
        'spanish_prompt': 'La contraseña del correo es %s' % pw,
        'json_nested': '{"auth": {"type": "token", "token": "%s"}}' % rnd(B64URL, 40),
        'curl_user': 'curl -u %s:%s https://api.acme.io/v2/export' % (user, pw),
        'twilio': 'TWILIO_AUTH_TOKEN=%s' % rnd(HEX, 32),
        'sendgrid': 'sg_key = "SG.%s.%s"' % (rnd(B64URL, 22), rnd(B64URL, 43)),
        'slack_webhook': 'url: https://hooks.slack.com/services/T%s/B%s/%s' % (
            rnd(UPDIG, 8), rnd(UPDIG, 10), rnd(ALNUM, 24)),
        'azure_storage': 'DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=%s==;'
        'EndpointSuffix=core.windows.net' % rnd(B64, 86),
        'basic_header': 'Authorization: Basic %s' % b64('%s:%s' % (user, pw)),
        'gcp_service_account': '{"type": "service_account", "private_key": "-----BEGIN PRIVATE '
        'KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n"}' % rnd(B64, 120),
        'prompt_openai': 'here is my key sk-proj-%s can you tell me why the request fails?' %
        rnd(B64URL, 64),
        'webhook_secret': 'webhook_secret: %s' % rnd(ALNUM, 32),
        'mysql_cli': 'mysql -h db.acme.io -u %s -p%s orders' % (user, rnd(ALNUM, 16)),
    }


def heldout_negatives():
    uuid = '%s-%s-4%s-%s%s-%s' % (rnd(HEX, 8), rnd(HEX, 4), rnd(HEX, 3), random.choice('89ab'),
                                  rnd(HEX, 3), rnd(HEX, 12))
    return {
        'b64_placeholder': random.choice(['api_key: "%s"', 'token: %s', 'password: %s']) % b64(
            random.choice(['your-api-key-here', 'CHANGEME', 'replace-me', 'changeit'])),
        'b64_certificate': '"ca.crt": "%s"' % b64('-----BEGIN CERTIFICATE-----\n' + rnd(B64, 60)),
        'ssh_public_key': 'public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s deploy@build' %
        rnd(B64, 43),
        'hash_labelled': random.choice(['sha1: %s' % rnd(HEX, 40), '"etag": "%s"' % rnd(HEX, 32),
                                        'commit_sha = "%s"' % rnd(HEX, 40),
                                        'checksum: sha256:%s' % rnd(HEX, 64)]),
        'uuid_named': random.choice(['"trace_id": "%s"', 'correlation-id: %s', 'tenant_id = "%s"',
                                     'client_id: %s']) % uuid,
        'ci_reference': random.choice(['password: ${{ secrets.DB_PASSWORD }}',
                                       'apiKey: {{ .Values.apiKey }}', 'token = ENV["API_TOKEN"]',
                                       'secret: !env SECRET', '"apiKey": "$(API_KEY)"',
                                       '$env:API_KEY', 'password: %(DB_PASS)s']),
        'placeholder_words': random.choice(['api_key = "YOUR_API_KEY_HERE"',
                                            'token: "insert-token-here"', 'secret: "TODO"',
                                            'SECRET_KEY=replace-me', 'password = "<redacted>"']),
        'provider_masked': random.choice(['OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx',
                                          'GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
                                          'stripe_key: sk_live_...', 'api_key: sk-...%s' % rnd(HEX, 4),
                                          'token: ****%s' % rnd(HEX, 4)]),
        'test_fixture': random.choice(['password = "test"', 'token: "test-token"',
                                       'api_key="fake-api-key"', 'secret = "testsecret"',
                                       'MOCK_TOKEN = "mock-token-value"']),
        'made_up_run': random.choice(['secret: abcdefghijklmnop', 'api_key = "1234567890abcdef"',
                                      'token = "0000000000000000"',
                                      'key: "aaaaaaaaaaaaaaaaaaaa"',
                                      'client_secret = "abc123def456ghi789"']),
        'key_not_secret': random.choice(['primary_key: id', 'sort_key: created_at',
                                         'foreign_key: user_id', 'keyboard: qwerty',
                                         'key: value']),
        'chinese_ui': random.choice(['密码长度至少8位，必须包含数字', '请输入您的API密钥',
                                     '忘记密码？点击这里重置']),
        'other_ui': random.choice(['Passwort vergessen? Hier zurücksetzen.',
                                   'Mot de passe oublié ?', 'Introduce tu contraseña']),
        'password_is_name': random.choice(['String password = "password";', 'token: token',
                                           '"secret": "secret"', 'api_key = "api_key"']),
    }


def heldout2_positives():
    pw = password()
    user = random.choice(['billing', 'sa', 'analytics', 'jenkins', 'web'])
    return {
        'toml': '[database]\nhost = "db.acme.io"\npassword = "%s"' % pw,
        'dotenv_provider': 'STRIPE_SECRET=sk_live_%s' % rnd(ALNUM, 24),
        'yaml_nested': 'credentials:\n  api_token: %s\n  region: eu-west-1' % rnd(B64URL, 48),
        'csharp_conn': 'var conn = new SqlConnection("Server=sql01;Uid=%s;Pwd=%s;");' % (user, pw),
        'php_define': "define('DB_PASSWORD', '%s');" % pw,
        'rails_secret': 'config.secret_key_base = "%s"' % rnd(HEX, 128),
        'italian_prompt': 'la mia password \u00e8 %s, puoi controllare?' % pw,
        'portuguese_prompt': 'minha senha \u00e9 %s' % pw,
        'dutch_prompt': 'het wachtwoord is %s' % pw,
        'url_query': 'GET https://api.acme.io/v1/report?api_key=%s&format=json' % rnd(HEX, 32),
        'docker_env': 'docker run -e POSTGRES_PASSWORD=%s -d postgres:16' % pw,
        'netrc': 'machine api.acme.io login %s password %s' % (user, pw),
        'git_url_token': 'git remote add origin https://%s:ghp_%s@github.com/acme/app.git' % (
            user, rnd(ALNUM, 36)),
        'aws_json': '{"AccessKeyId": "AKIA%s", "SecretAccessKey": "%s"}' % (rnd(UPDIG, 16),
                                                                           rnd(B64, 40)),
        'openssh_yaml': 'deploy_key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  %s\n  %s\n'
        '  -----END OPENSSH PRIVATE KEY-----' % (rnd(B64, 70), rnd(B64, 70)),
    }


def heldout2_negatives():
    return {
        'ansible_lookup': "password: \"{{ lookup('env', 'DB_PW') }}\"",
        'settings_ref': random.choice(['api_key = settings.API_KEY', 'token = config["token"]',
                                       "token: <%= ENV['TOKEN'] %>"]),
        'empty_or_null': random.choice(['"password": ""', 'password: null', "api_key = ''",
                                        'token: ~']),
        'code_call': random.choice(['secret_key = os.urandom(32)', 'token = generate_token()',
                                    'password = getpass.getpass()']),
        'digest_named': random.choice(['sha256sum: %s' % rnd(HEX, 64),
                                       '"commit": "%s"' % rnd(HEX, 40)]),
        'session_uuid': '"session_id": "%s-%s-4%s-a%s-%s"' % (rnd(HEX, 8), rnd(HEX, 4), rnd(HEX, 3),
                                                              rnd(HEX, 3), rnd(HEX, 12)),
        'algorithm_setting': random.choice(['password_hash_algorithm: argon2', 'key_id: 7',
                                            'keyId: "k1"', 'token_ttl: 3600']),
        'ui_text': random.choice(['Password dimenticata?', 'Esqueceu a senha?',
                                  'Wachtwoord vergeten?', 'Your token expires in 30 minutes.',
                                  'The API key must be kept secret.']),
        'doc_placeholder': random.choice(['api_key="<insert key>"', 'token = "..."',
                                          'PASSWORD=********',
                                          'Authorization: Bearer YOUR_ACCESS_TOKEN',
                                          'Authorization: Bearer <token>']),
    }


def heldout3_positives():
    pw = password()
    user = random.choice(['svc', 'deploy', 'acme\\ops', 'mailer'])
    return {
        'js_object': 'const firebaseConfig = { apiKey: "AIza%s", projectId: "acme" };' % rnd(B64URL, 35),
        'pgpass': 'db.acme.io:5432:orders:%s:%s' % (user, pw),
        'net_use': 'net use \\\\files01\\share /user:%s %s' % (user, pw),
        'api_key_header': 'X-API-Key: %s' % rnd(ALNUM, 32),
        'ruby_hash': "{ :user => '%s', :password => '%s' }" % (user, pw),
        'dockerfile_env': 'ENV DB_PASS=%s' % pw,
        'prompt_github': 'can you debug this? my token is ghp_%s and it says 401' % rnd(ALNUM, 36),
        'russian_prompt': '\u043f\u0430\u0440\u043e\u043b\u044c: %s' % pw,
        'kotlin_val': 'val clientSecret = "%s"' % rnd(ALNUM, 32),
        'redis_cli': 'redis-cli -h cache.acme.io -a %s ping' % rnd(ALNUM, 20),
        'smtp_url': 'SMTP_URL=smtp://%s:%s@mail.acme.io:587' % ('mailer', urllib.parse.quote(pw, safe='')),
    }


def heldout3_negatives():
    return {
        'env_js': '"apiKey": process.env.API_KEY,',
        'template_str': random.choice(['password: !!str "{{PASSWORD}}"', 'X-API-Key: {{api_key}}']),
        'todo_comment': '# TODO: rotate the token before launch',
        'endpoint': 'token_endpoint: https://auth.acme.io/oauth/token',
        'policy': 'password_policy: {min_length: 12, require_digit: true}',
        'usage_counts': '"usage": {"prompt_tokens": %d, "completion_tokens": %d}' % (
            random.randint(10, 4000), random.randint(10, 4000)),
        'max_tokens': 'max_tokens=%d, temperature=0.2' % random.choice([256, 512, 1024]),
        'i18n_key': random.choice(['key: "en-US"', 'locale_key: "settings.title"']),
        'cache_key': 'cache_key = f"user:{user_id}:profile"',
        'fingerprint': 'host key fingerprint SHA256:%s' % rnd(B64, 43),
    }


def write_examples(makers, n):
    """n examples of each (label, maker), cycling through the maker's kinds,
    as JSON lines on stdout (a maker builds one fresh text of every kind). A
    maker may give (text, secret) pairs: the secret is written as "value", and
    pii_eval.py then counts only a span over it as found."""
    out = []
    for label, make in makers:
        kinds = sorted(make())
        for k in range(n):
            kind = kinds[k % len(kinds)]
            got = make()[kind]
            rec = {'id': len(out), 'label': label, 'kind': kind}
            if isinstance(got, tuple):
                rec['text'], rec['value'] = got
            else:
                rec['text'] = got
            out.append(rec)
    for rec in out:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=300, help='examples of each label')
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--set', choices=['own', 'heldout', 'heldout2', 'heldout3'], default='own')
    args = ap.parse_args()
    random.seed(args.seed)
    makers = {'own': (('positive', positives), ('negative', negatives)),
              'heldout': (('positive', heldout_positives), ('negative', heldout_negatives)),
              'heldout2': (('positive', heldout2_positives), ('negative', heldout2_negatives)),
              'heldout3': (('positive', heldout3_positives), ('negative', heldout3_negatives)),
              }[args.set]
    write_examples(makers, args.n)


if __name__ == '__main__':
    main()
