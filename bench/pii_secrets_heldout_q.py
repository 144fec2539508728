#!/usr/bin/env python3
"""Held-out secret set "q", written after the rules made from set p and
scored once before any rule was made for it. Negatives a judge would write
from documentation and tutorials that sets o and p do not hold: `aws
configure` transcripts with AWS's EXAMPLE keys, GCP service-account JSON with
elided fields, Sentry's `examplePublicKey` DSN, Twilio's ACxxx client,
Firebase's AIzaSyXXX config, describing and default passwords at
documentation hosts (FTP, SFTP, HTTP basic), wrong-length AWS, Slack, GitLab,
npm and Stripe keys under key names, masked keys (`sk-...abcd`,
`AKIA****`), references of other tools (Helm `{{ .Values.x }}`, Spring
`${db.password}`, Python `%(x)s`, Ansible `!vault`, AWS SSM paths,
`${{ vars.X }}`), digests named `*_digest` / `*_hash` / `sha256sum`, and
values published by design (reCAPTCHA site keys, JWK public moduli).
Positives: real-looking secrets in the same carriers.

  python3 bench/pii_secrets_heldout_q.py [--n 400] [--seed 7] > /tmp/q.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/q.jsonl --errors secret
"""
import json
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector

DIG = string.digits
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def pw():
    words = ['Cuenca', 'heron', 'Mostar', 'Tartu', 'lynx', 'Ibiza', 'Pecs', 'narwhal']
    return R.choice([
        lambda: R.choice(words) + str(R.randint(10, 99)) + R.choice('!?#@') + R.choice(words).lower(),
        lambda: rnd(ALNUM, R.randint(15, 21)),
        lambda: R.choice(words).upper() + '_' + str(R.randint(1000, 9999)),
        lambda: rnd(ALNUM + '.-_~', R.randint(18, 26)),
    ])()


def host():
    return R.choice(['files.cuenca-studio.es', '172.20.8.14', 'sftp.tartu-bank.ee', 'ci.mostar.ba'])


def doc_host():
    return R.choice(['ftp.example.com', 'example.org', 'files.test', '192.0.2.44', '198.51.100.200'])


def pem_body():
    return '\\n'.join(rnd(B64, 64) for _ in range(4))


def q_positives():
    out, put = collector()
    p = pw()
    s = rnd(ALNUM + '/+', 40)
    put('aws_configure', '$ aws configure\nAWS Access Key ID [None]: AKIA%s\nAWS Secret Access Key [None]: %s\n'
        'Default region name [None]: eu-south-2' % (rnd(UPPER + '234567', 16), s), s)
    k = rnd(HEX, 40)
    put('gcp_sa', json.dumps({'type': 'service_account', 'project_id': 'cuenca-prod', 'private_key_id': k,
                              'client_email': 'ci@cuenca-prod.iam.gserviceaccount.com'}, indent=2), k)
    k = rnd(HEX, 32)
    put('sentry_dsn', 'SENTRY_DSN=https://%s@o%d.ingest.sentry.io/%d' % (k, R.randint(10 ** 5, 10 ** 6),
                                                                          R.randint(10 ** 6, 10 ** 7)), k)
    k = rnd(HEX, 32)
    put('twilio_client', 'client = Client("AC%s", "%s")' % (rnd(HEX, 32), k), k)
    put('ftp_url', 'lftp ftp://deploy:%s@%s/public_html' % (p, host()), p)
    put('basic_url', 'curl https://ops:%s@%s/api/health' % (p, host()), p)
    k = 'xoxp-%d-%d-%d-%s' % (R.randint(10 ** 10, 10 ** 11), R.randint(10 ** 10, 10 ** 11),
                               R.randint(10 ** 11, 10 ** 12), rnd(HEX, 32))
    put('slack_user_token', 'SLACK_USER_TOKEN=%s' % k, k)
    put('k8s_literal', 'kubectl create secret generic db --from-literal=username=app --from-literal=password=%s'
        % p, p)
    put('spring_default', '@Value("${db.password:%s}")\nprivate String dbPassword;' % p, p)
    put('ansible_plain', 'db_users:\n  - name: reporting\n    password: "%s"\n    priv: "shop.*:SELECT"' % p, p)
    put('docker_login', 'docker login registry.mostar.ba -u ci-bot -p %s' % p, p)
    put('pgpass', '%s:5432:shop:reporting:%s' % (host(), p), p)
    k = rnd(HEX, 40)
    put('requests_token', 'r = requests.get(url, headers={"Authorization": "Token %s"})' % k, k)
    k = rnd(ALNUM, 32)
    put('curl_api_key', 'curl -H "X-API-Key: %s" https://api.tartu-bank.ee/v2/rates' % k, k)
    k = rnd(B64URL, 40)
    put('json_secret', json.dumps({'service': 'mailer', 'endpoint': 'https://mail.cuenca-studio.es',
                                   'secret': k}), k)
    put('chat_en', "here's the prod db password, don't share it: %s" % p, p)
    put('chat_es', 'la contraseña del servidor de Cuenca es %s' % p, p)
    put('chat_et', 'serveri parool on %s' % p, p)
    k = '-----BEGIN PRIVATE KEY-----\\n' + pem_body()
    put('gcp_sa_key', '{\n  "type": "service_account",\n  "private_key": "%s\\n-----END PRIVATE KEY-----\\n"\n}' % k,
        k[:40])
    k = 'sk_live_' + rnd(ALNUM, 99)
    put('stripe_long', "Stripe.api_key = '%s'" % k, k)
    return out


def q_negatives():
    h = doc_host()
    return {
        'aws_configure_doc': '$ aws configure\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\n'
                             'AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'gcp_sa_doc': json.dumps({'type': 'service_account', 'project_id': 'my-project',
                                  'private_key_id': 'KEY_ID',
                                  'private_key': '-----BEGIN PRIVATE KEY-----\nPRIVATE_KEY\n-----END PRIVATE KEY-----\n',
                                  'client_email': 'SERVICE_ACCOUNT_EMAIL'}, indent=2),
        'sentry_doc': "Sentry.init({ dsn: 'https://examplePublicKey@o0.ingest.sentry.io/0' });",
        'twilio_doc': 'client = Client("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "your_auth_token")',
        'firebase_doc': 'const firebaseConfig = {\n  apiKey: "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",\n'
                        '  authDomain: "my-app.firebaseapp.com"\n};',
        'doc_host_ftp': R.choice(['ftp://user:password@%s/pub' % h, 'curl -u user:secret ftp://%s/' % h,
                                  'https://username:passw0rd@%s/private' % h,
                                  'sftp://demo:demo-password@%s' % h]),
        'wrong_length': R.choice(['AWS_ACCESS_KEY_ID=AKIA%s' % rnd(UPPER + DIG, 10),
                                  'SLACK_TOKEN=xoxp-%s' % rnd(DIG, 5),
                                  'GITLAB_TOKEN=glpat-%s' % rnd(ALNUM, 10),
                                  'NPM_TOKEN=npm_%s' % rnd(ALNUM, 12),
                                  'STRIPE_SECRET_KEY=sk_live_%s' % rnd(ALNUM, 10)]),
        'masked': R.choice(['api_key: sk-...%s' % rnd(ALNUM, 4), 'AWS_ACCESS_KEY_ID=AKIA****************',
                            'token: ghp_****************************%s' % rnd(ALNUM, 4),
                            'password: "•••••••••"']),
        'references': R.choice(['password: {{ .Values.postgresql.password }}',
                                '@Value("${db.password}")\nprivate String dbPassword;',
                                "conn = connect(password='%(DB_PASSWORD)s')",
                                'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ' + rnd(HEX, 64),
                                'DB_PASSWORD=ssm:/prod/shop/db/password',
                                'api-key: ${{ vars.API_KEY }}']),
        'digests': R.choice(['refresh_token_digest: %s' % rnd(HEX, 64),
                             'secret_hash = "%s"' % rnd(HEX, 40),
                             'sha256sum api-token.txt\n%s  api-token.txt' % rnd(HEX, 64)]),
        'public_by_design': R.choice(['RECAPTCHA_SITE_KEY=6L%s' % rnd(B64URL, 38),
                                      '{"kty": "RSA", "e": "AQAB", "kid": "%s", "n": "%s"}' % (
                                          rnd(ALNUM, 12), rnd(B64URL, 342)),
                                      'GOOGLE_OAUTH_CLIENT_ID=%d-%s.apps.googleusercontent.com' % (
                                          R.randint(10 ** 11, 10 ** 12), rnd(LOWER + DIG, 32))]),
        'ids_near_keys': R.choice(['request_id=%s token_type=bearer expires_in=3600' % uuid4(),
                                   'key rotation ticket SEC-%d closed' % R.randint(1000, 9999),
                                   'api key created at 2024-11-03T10:22:41Z by user 4821']),
        'chat_lookalikes': R.choice(['la contraseña es demasiado corta', 'the password must have 12 characters',
                                     'parool on aegunud', 'reset your password at https://example.com/reset']),
        'docker_login_doc': 'docker login -u <username> -p <password>',
        'k8s_literal_doc': 'kubectl create secret generic db --from-literal=password=<your-password>',
    }


def main():
    one_set_main('q', q_positives, q_negatives)


if __name__ == '__main__':
    main()
