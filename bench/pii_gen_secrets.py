#!/usr/bin/env python3
"""Generates fresh secret examples to check that the secret detector
generalises beyond the noseyparker examples: positives are real-looking
credentials with random values in many file formats; negatives are the
look-alikes that must stay silent (placeholders, documentation keys,
references to variables, digests, ids, settings that only name a secret).
Writes JSON lines {"id", "label": "positive"|"negative", "kind", "text"}.

  python3 bench/pii_gen_secrets.py [--n 300] [--seed 5] > /tmp/secrets.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/secrets.jsonl
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=300, help='examples of each label')
    ap.add_argument('--seed', type=int, default=5)
    args = ap.parse_args()
    random.seed(args.seed)
    out = []
    for label, make in (('positive', positives), ('negative', negatives)):
        kinds = sorted(make())
        for k in range(args.n):
            kind = kinds[k % len(kinds)]
            out.append({'id': len(out), 'label': label, 'kind': kind, 'text': make()[kind]})
    for rec in out:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
