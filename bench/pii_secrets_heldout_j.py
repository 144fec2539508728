#!/usr/bin/env python3
"""Held-out secret set "j" (session 6), written after every rule made from
set i and scored once before any rule was made for it (README: first
contact, 0.665 / 0.667 with FP 0.100 at seeds 7 / 8); its misses then became
general rules. Its templates are ones sets
a..i do not use: secrets handed to platform CLIs (fly, heroku, gh, vercel,
kubectl, az, setx, launchctl), environment assignments in PowerShell,
Python and Jupyter, .npmrc auth tokens, docker run -e, git clone URLs with
tokens, wget and sshpass passwords, app.config connection strings, Rails
database.yml URLs; chat in Greek, Serbian, Lithuanian, Latvian, Estonian,
Slovak, Bulgarian, Zulu, Yoruba, Cantonese, traditional Chinese, casual
Japanese, Korean with a glued copula and Thai transliteration. Look-alikes:
the same commands without a value (prompts, references, files), lock-file
and certificate digests, request ids and prose in the same languages.

  python3 bench/pii_secrets_heldout_j.py [--n 400] [--seed 7] > /tmp/j.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/j.jsonl --errors secret
"""

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector


def pw():
    words = ['Amstel', 'quokka', 'Tatra', 'juniper', 'Kaunas', 'ember', 'Vltava', 'moss']
    return R.choice([
        lambda: R.choice(words) + R.choice('-_.') + str(R.randint(100, 9999)) + R.choice('!?%@'),
        lambda: rnd(ALNUM + '!?%@^', R.randint(12, 20)),
        lambda: R.choice(words).capitalize() + R.choice(words) + str(R.randint(10, 99)),
    ])()


def key():
    return R.choice([lambda: rnd(ALNUM, R.randint(30, 44)), lambda: rnd(B64URL, 40),
                     lambda: rnd(HEX, 48)])()


def j_commands(put, p):
    """Platform CLIs and environment assignments."""
    k = key()
    put('fly_secrets', 'fly secrets set STRIPE_API_KEY=%s --app shop-eu' % k, k)
    k = key()
    put('heroku_config', 'heroku config:set MAILER_TOKEN=%s -a vltava-prod' % k, k)
    k = key()
    put('gh_secret_body', 'gh secret set DEPLOY_TOKEN --body "%s" --repo tatra/shop' % k, k)
    k = key()
    put('vercel_env_echo', 'echo -n "%s" | vercel env add SUPABASE_SERVICE_KEY production' % k, k)
    put('kubectl_literal', 'kubectl create secret generic db --from-literal=username=app '
        '--from-literal=password=%s' % p, p)
    put('az_login', 'az login -u ops@tatra.dev -p %s' % p, p)
    k = key()
    put('setx_env', 'setx OPENAI_API_KEY %s' % k, k)
    k = key()
    put('launchctl_env', 'launchctl setenv GITHUB_TOKEN %s' % k, k)
    k = key()
    put('ps_env_assign', '$env:ANTHROPIC_API_KEY = "%s"' % k, k)
    k = key()
    put('py_environ_assign', 'os.environ["HF_TOKEN"] = "%s"' % k, k)
    k = key()
    put('jupyter_env_magic', '%%env WANDB_API_KEY=%s' % k, k)
    k = 'npm_' + rnd(ALNUM, 36)
    put('npmrc_auth', '//registry.npmjs.org/:_authToken=%s\nalways-auth=true' % k, k)
    put('docker_run_env', 'docker run -d -e POSTGRES_PASSWORD=%s -p 5432:5432 postgres:16' % p, p)
    k = 'ghp_' + rnd(ALNUM, 36)
    put('git_clone_token', 'git clone https://oauth2:%s@git.tatra.dev/shop/api.git' % k, k)
    put('wget_password', 'wget --user=ops --password=%s https://files.tatra.dev/dump.sql.gz' % p, p)
    put('sshpass_p', "sshpass -p '%s' ssh ops@10.4.0.9 uptime" % p, p)
    put('app_config_connstr', '<add name="Shop" connectionString="Server=sql01;Database=shop;'
        'User Id=app;Password=%s;" providerName="System.Data.SqlClient" />' % p, p)
    put('rails_database_url', 'production:\n  url: postgres://app:%s@db.tatra.dev:5432/shop' % p, p)
    k = b64('ops:' + p)
    put('docker_config_auth', '{"auths": {"registry.tatra.dev": {"auth": "%s"}}}' % k, k)


def j_chat(put, p):
    k = key()
    put('chat_el', 'ο κωδικός του router είναι %s' % p, p)
    put('chat_sr', 'lozinka za wifi je %s' % p, p)
    put('chat_lt', 'slaptažodis yra %s' % p, p)
    put('chat_lv', 'parole ir %s' % p, p)
    put('chat_et', 'parool on %s' % p, p)
    put('chat_sk', 'heslo k serveru: %s' % p, p)
    put('chat_bg', 'паролата е %s' % p, p)
    put('chat_zu', 'iphasiwedi ithi %s' % p, p)
    put('chat_yo', 'ọ̀rọ̀ aṣínà ni %s' % p, p)
    put('chat_yue', '個password係 %s 呀' % p, p)
    put('chat_zh_hant', '密碼是%s，請勿外流' % p, p)
    put('chat_ja_casual', 'パスは %s だよ' % p, p)
    put('chat_ko_glued', '비밀번호: %s입니다' % p, p)
    put('chat_th_translit', 'พาสเวิร์ด %s' % p, p)
    put('chat_en_token_later', 'ok so the deploy token, keep it safe: %s' % k, k)


def j_positives():
    out, put = collector()
    p = pw()
    j_commands(put, p)
    j_chat(put, p)
    return out


def j_negatives():
    return {
        'cli_prompts': R.choice(['gh secret set DEPLOY_TOKEN --repo tatra/shop',
                                 'fly secrets list --app shop-eu', 'heroku config:get MAILER_TOKEN -a vltava-prod',
                                 'vercel env pull .env.local']),
        'env_references': R.choice(['$env:ANTHROPIC_API_KEY', 'os.environ.get("HF_TOKEN")',
                                    'setx PATH "%PATH%;C:\\tools"', 'export GITHUB_TOKEN=$(gh auth token)']),
        'secret_from_file': R.choice(['kubectl create secret generic db --from-file=password=./db.pw',
                                      'docker run -e POSTGRES_PASSWORD_FILE=/run/secrets/pg postgres:16',
                                      'sshpass -f ~/.pw ssh ops@10.4.0.9 uptime']),
        'git_clone_plain': 'git clone https://git.tatra.dev/shop/api.git && cd api && git checkout %s'
        % rnd(HEX, 40),
        'lock_digests': '"node_modules/moss": {"version": "1.2.3", "integrity": "sha512-%s=="}'
        % rnd(B64, 86),
        'cert_fingerprint': 'SHA256 Fingerprint=%s' % ':'.join(rnd('0123456789ABCDEF', 2) for _ in range(32)),
        'request_ids': 'X-Request-ID: %s\nX-Correlation-ID: %s' % (uuid4(), rnd(HEX, 32)),
        'placeholder_cli': R.choice(['az login -u <user> -p <password>', 'fly secrets set STRIPE_API_KEY=sk_live_xxx',
                                     'docker login -u ops -p $REGISTRY_PASSWORD registry.tatra.dev']),
        'prose_j': R.choice(['Ξεχάσατε τον κωδικό σας;', 'Zaboravili ste lozinku?', 'Pamiršote slaptažodį?',
                             'Aizmirsāt paroli?', 'Unustasid parooli?', 'Забравена парола?',
                             'Ukhohlwe iphasiwedi?', '忘記密碼？', 'パスワードを忘れた？']),
        'docker_config_helper': '{"credsStore": "desktop", "auths": {"registry.tatra.dev": {}}}',
    }


def main():
    one_set_main('j', j_positives, j_negatives)


if __name__ == '__main__':
    main()
