#!/usr/bin/env python3
"""Held-out secret set "i" (session 6), written after every rule made from
sets a..h and before the detector was run on it (README: first contact).
What no earlier set has:
- chat in Turkish, Vietnamese, Thai, Polish, Ukrainian, Hebrew, Korean,
  Japanese keigo, Tagalog, Hausa, Romanian, Czech, Malay, Urdu, Swedish and
  Danish definite forms, Hungarian, Finnish and slang (mdp, 비번, pw), with
  the value set off by quotes, backticks, guillemets, emoji, Discord spoiler
  bars or markdown bold, and passwords with non-ASCII letters or spaces;
- secrets inside YAML anchors, TOML, INI, HCL, Java properties, dotenv,
  password-manager CSV exports, SQL INSERT/UPDATE rows, Markdown tables,
  raw HTTP requests, log lines, Python and Java stack traces, Spring XML
  beans, Go struct literals and Consul/Nomad blocks;
- look-alikes of the same shapes: placeholders, masked values, keys from
  documentation, key ids, digests, UUIDs, commit SHAs, base64 images,
  settings about passwords, filtered parameter dumps and prose in the same
  languages.

  python3 bench/pii_secrets_heldout_i.py [--n 400] [--seed 7] > /tmp/i.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/i.jsonl --errors secret
"""
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, UPPER, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector, rbytes

DIG = string.digits


def pw():
    """A person's password: words, digits and a symbol, a generated one, or
    one with letters beyond ASCII."""
    words = ['Kestane', 'lotus', 'Vistula', 'maple', 'Orzech', 'sakura', 'Dunav', 'pelican']
    return R.choice([
        lambda: R.choice(words) + str(R.randint(1900, 2031)) + R.choice('!$#*'),
        lambda: rnd(ALNUM + '!$#*%&', R.randint(12, 20)),
        lambda: R.choice(words).lower() + R.choice('_.') + R.choice(words) + str(R.randint(1, 99)),
        lambda: R.choice(['G\u00f6ky\u00fcz\u00fc', '\u017b\u00f3\u0142w', 'M\u00e4rchen', 'Ca\u00f1\u00f3n']) +
        str(R.randint(10, 999)) + R.choice('!#'),
    ])()


def user():
    return R.choice(['ops', 'app_rw', 'reporter', 'deploy-bot', 'kasia'])


def host():
    return R.choice(['db.orzech.net', 'mail.orzech.net', '10.8.0.12', 'cache-2.orzech.net'])


def key():
    """A machine-made key with no provider prefix."""
    return R.choice([lambda: rnd(ALNUM, R.randint(32, 48)), lambda: rnd(HEX, 40),
                     lambda: rnd(B64URL, 43)])()


def i_config(put, p, u):
    """Configuration formats."""
    put('yaml_anchor', 'x-db: &dbpass "%s"\nservices:\n  api:\n    environment:\n'
        '      DB_PASSWORD: *dbpass' % p, p)
    put('yaml_spring', 'spring:\n  datasource:\n    url: jdbc:postgresql://%s/shop\n    username: %s\n'
        '    password: %s\n  jpa:\n    open-in-view: false' % (host(), u, p), p)
    k = key()
    put('toml_table', '[tool.poetry.http-basic.internal]\nusername = "%s"\npassword = "%s"' % (u, k), k)
    put('toml_inline', 'database = { host = "%s", user = "%s", pass = "%s" }' % (host(), u, p), p)
    put('ini_smtp', '; outgoing mail\n[smtp]\nhost = %s\nport = 587\nuser = %s\npass = %s\n'
        % (host(), u, p), p)
    put('php_ini', '[MySQLi]\nmysqli.default_host = %s\nmysqli.default_user = %s\nmysqli.default_pw = %s'
        % (host(), u, p), p)
    put('hcl_rds', 'resource "aws_db_instance" "main" {\n  engine         = "postgres"\n'
        '  username       = "%s"\n  master_password = "%s"\n}' % (u, p), p)
    k = uuid4()
    put('hcl_consul_acl', 'acl {\n  enabled = true\n  tokens {\n    initial_management = "%s"\n  }\n}' % k, k)
    k = key()
    put('hcl_nomad_template', 'template {\n  data        = "API_TOKEN=%s"\n  destination = "secrets/app.env"\n'
        '  env         = true\n}' % k, k)
    put('properties_spaced', 'mail.smtp.host = %s\nmail.smtp.auth = true\nmail.smtp.password = %s'
        % (host(), p), p)
    k = key()
    put('properties_colon', 'jwt.issuer: orzech\njwt.signing-secret: %s\njwt.ttl: 3600' % k, k)
    k = 'whsec_' + rnd(B64, 32)
    put('dotenv_comment', 'STRIPE_WEBHOOK_SECRET=%s  # from the dashboard, prod\nLOG_LEVEL=info' % k, k)
    d = p + '$' + rnd(ALNUM, 4)
    put('dotenv_quoted_dollar', "DB_PASS='%s'" % d, d)
    put('spring_xml_bean', '<bean id="ds" class="com.zaxxer.hikari.HikariDataSource">\n'
        '  <property name="username" value="%s"/>\n  <property name="password" value="%s"/>\n</bean>'
        % (u, p), p)
    put('go_struct_literal', 'cfg := smtp.Config{Host: "%s", User: "%s", Pass: "%s"}' % (host(), u, p), p)
    k = key()
    put('json_nested_auth', '{"upstream": {"auth": {"type": "basic", "user": "%s", "secret": "%s"}}}'
        % (u, k), k)


def i_data(put, p, u):
    """Tables, rows, requests, logs and traces."""
    put('csv_password_export', 'name,url,username,password,note\nGrafana,https://%s,%s,%s,\n'
        'Jira,https://jira.orzech.net,%s,%s,' % (host(), u, p, u, pw()), p)
    k = 'key-' + rnd(HEX, 32)
    put('csv_service_keys', 'service,env,key\nmailgun,prod,%s\nsentry,prod,' % k, k)
    put('sql_insert_user', "INSERT INTO users (email, login, password) VALUES ('kasia@orzech.net', '%s', '%s');"
        % (u, p), p)
    k = key()
    put('sql_update_setting', "UPDATE settings SET value = '%s' WHERE name = 'payment_api_secret';" % k, k)
    put('sql_db_link', 'CREATE DATABASE LINK reports CONNECT TO %s IDENTIFIED BY %s USING \'ORCL\';'
        % (u, p), p)
    put('md_table_creds', '| Service | User | Password |\n|---|---|---|\n| Grafana | admin | %s |\n'
        '| Kibana | elastic | see vault |' % p, p)
    k = key()
    put('md_table_env', '| Variable | Value |\n| --- | --- |\n| `API_URL` | https://api.orzech.net |\n'
        '| `API_TOKEN` | `%s` |' % k, k)
    put('http_form_login', 'POST /oauth/token HTTP/1.1\r\nHost: auth.orzech.net\r\n'
        'Content-Type: application/x-www-form-urlencoded\r\n\r\n'
        'grant_type=password&username=%s&password=%s&client_id=web' % (u, p), p)
    k = key()
    put('http_query_key', 'GET /v2/reports?format=csv&api_key=%s HTTP/1.1\r\nHost: api.orzech.net' % k, k)
    k = key()
    put('http_custom_header', 'PUT /objects/a.png HTTP/1.1\r\nHost: cdn.orzech.net\r\nX-Auth-Token: %s\r\n'
        'Content-Length: 5120' % k, k)
    put('log_kv_line', '2025-03-02T10:22:01.337Z DEBUG auth.login attempt user=%s pass=%s ip=10.8.0.31'
        % (u, p), p)
    k = key()
    put('log_json_headers', '{"level":"debug","msg":"outgoing request","url":"https://api.orzech.net/v1",'
        '"headers":{"x-api-key":"%s","accept":"application/json"}}' % k, k)
    put('python_traceback', 'Traceback (most recent call last):\n  File "etl.py", line 41, in <module>\n'
        '    conn = pymysql.connect(host="%s", user="%s", passwd="%s", db="dw")\n'
        'pymysql.err.OperationalError: (2003, "Can\'t connect")' % (host(), u, p), p)
    k = key()
    put('java_trace_args', 'java.lang.IllegalStateException: upstream refused\n'
        '\tat net.orzech.pay.Gateway.<init>(Gateway.java:57) with Gateway("https://pay.orzech.net", "%s")\n'
        '\tat net.orzech.pay.Main.main(Main.java:12)' % k, k)
    put('rails_params_unfiltered', 'Started POST "/users/sign_in" for 10.8.0.4\n'
        'Parameters: {"user"=>{"email"=>"kasia@orzech.net", "password"=>"%s"}, "commit"=>"Log in"}' % p, p)
    put('psql_dsn_error', 'psql: error: connection to server failed: FATAL: password authentication failed\n'
        'DSN used: host=%s port=5432 user=%s password=%s dbname=shop' % (host(), u, p), p)


def i_providers(put):
    """Provider key shapes in places the earlier sets do not use them."""
    k = 'lin_api_' + rnd(ALNUM, 40)
    put('linear_key_md', 'Linear key for the sync job: `%s`' % k, k)
    k = 'shpat_' + rnd(HEX, 32)
    put('shopify_yaml', 'shopify:\n  shop: orzech.myshopify.com\n  access_token: %s' % k, k)
    k = 'r8_' + rnd(ALNUM, 37)
    put('replicate_ini', '[replicate]\ntoken=%s' % k, k)
    k = 'dop_v1_' + rnd(HEX, 64)
    put('digitalocean_hcl', 'provider "digitalocean" {\n  token = "%s"\n}' % k, k)
    k = 'gsk_' + rnd(ALNUM, 52)
    put('groq_csv', 'provider,key\ngroq,%s' % k, k)
    k = 'NRAK-' + rnd(UPPER + DIG, 27)
    put('newrelic_log', 'INFO newrelic.agent: using user key %s for region EU' % k, k)


def i_chat_languages(put, p):
    """Chat in languages and phrasings no earlier set has."""
    k = key()
    put('chat_tr', R.choice(['sunucunun şifresi %s, kimseyle paylaşma', 'Parolam %s, unutma lütfen']) % p, p)
    put('chat_tr_key', 'API anahtarı: %s' % k, k)
    put('chat_vi', 'mật khẩu wifi là %s nhé' % p, p)
    put('chat_vi_key', 'khóa API của anh đây %s' % k, k)
    put('chat_th', 'รหัสผ่านคือ %s นะครับ' % p, p)
    put('chat_pl', R.choice(['hasło do serwera to %s', 'HASŁO: %s']) % p, p)
    put('chat_uk', 'пароль від адмінки — %s' % p, p)
    put('chat_uk_key', 'ключ доступу до API: %s' % k, k)
    put('chat_he', 'הסיסמה לשרת היא %s' % p, p)
    put('chat_he_key', 'מפתח ה-API שלנו: %s' % k, k)
    put('chat_ko', R.choice(['서버 비밀번호는 %s 입니다', '비번 %s 임']) % p, p)
    put('chat_ja_keigo', R.choice(['パスワードは %s でございます。', '恐れ入りますが、パスワードは「%s」となります。'])
        % p, p)
    put('chat_ja_key', 'APIキーをお送りいたします：%s' % k, k)
    put('chat_tl', 'ito yung password ko: %s, wag mong ipagsabi' % p, p)
    put('chat_ha', R.choice(['kalmar sirri ita ce %s', 'kalmar wucewa: %s']) % p, p)
    put('chat_ro', 'parola de la router este %s' % p, p)
    put('chat_cs', 'heslo je %s, nikomu ho neříkej' % p, p)
    put('chat_ms', 'kata laluan pelayan: %s' % p, p)
    put('chat_ur', 'میرا پاس ورڈ %s ہے' % p, p)
    put('chat_sv_da', R.choice(['lösenordet är %s', 'adgangskoden er %s']) % p, p)
    put('chat_hu_fi', R.choice(['a jelszó: %s', 'salasana on %s']) % p, p)
    put('chat_slang', R.choice(["le mdp c'est %s", 'pw for the nas is %s', 'la contra es %s']) % p, p)


def i_chat_marks(put, p):
    """A value set off by marks around it."""
    k = key()
    put('chat_quotes_curly', 'the password is \u201c%s\u201d (no spaces)' % p, p)
    put('chat_guillemets', 'mot de passe : \u00ab %s \u00bb' % p, p)
    put('chat_backticks', 'new pw: `%s` - rotate it after the demo' % p, p)
    put('chat_emoji_around', 'password \U0001f449 %s \U0001f448 dont lose it \U0001f605' % p, p)
    put('chat_emoji_key', 'here you go \U0001f511 %s' % k, k)
    put('chat_discord_spoiler', 'admin pass is ||%s||' % p, p)
    put('chat_md_bold', '**Password:** %s' % p, p)
    put('chat_trailing_period', 'Sure, the root password is %s.' % p, p)
    phrase = ' '.join(R.sample(['purple', 'monkey', 'dishwasher', 'river', 'candle', 'orbit', 'velvet'], 4))
    put('chat_passphrase', 'wifi password: "%s"' % phrase, phrase)


def i_positives():
    """kind -> (text, the secret inside it)."""
    out, put = collector()
    p, u = pw(), user()
    i_config(put, p, u)
    i_data(put, p, u)
    i_providers(put)
    i_chat_languages(put, p)
    i_chat_marks(put, p)
    return out


def png_b64():
    return b64(b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' + rbytes(60))


def i_negatives():
    return {
        'placeholder_yaml': 'spring:\n  datasource:\n    username: ${DB_USER}\n    password: ${DB_PASSWORD}',
        'placeholder_toml': '[tool.poetry.http-basic.internal]\nusername = "__token__"\npassword = "<your-token>"',
        'placeholder_env': R.choice(['STRIPE_WEBHOOK_SECRET=whsec_...', 'API_TOKEN=YOUR_API_TOKEN_HERE',
                                     'DB_PASS=<password>', 'SMTP_PASSWORD=']),
        'masked_values': R.choice(['password: ********', '"api_key": "sk_live_****************%s"' % rnd(ALNUM, 4),
                                   'token=\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022',
                                   'AKIA************%s' % rnd(UPPER, 4)]),
        'filtered_params': 'Parameters: {"user"=>{"email"=>"kasia@orzech.net", "password"=>"[FILTERED]"}}',
        'log_masked': '2025-03-02T10:22:01Z WARN auth.login failed user=ops pass=*** ip=10.8.0.31',
        'java_trace_no_pw': "java.sql.SQLException: Access denied for user 'app'@'10.8.0.4' (using password: YES)",
        'docs_example_keys': R.choice([
            'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = '
            'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            'curl https://api.stripe.com/v1/charges -u sk_test_BQokikJOvBiI2HlWgH4olfQ2:',
            'SLACK_TOKEN=xoxb-not-a-real-token-this-will-not-work']),
        'key_ids': R.choice([
            'gpg: key %s: public key "Kasia <kasia@orzech.net>" imported' % rnd(HEX.upper(), 16),
            '{"kty": "RSA", "kid": "%s", "use": "sig", "alg": "RS256"}' % rnd(HEX, 16),
            'key_id = "projects/orzech/locations/global/keyRings/app/cryptoKeys/db"']),
        'azure_ids': 'client_id = "%s"\ntenant_id = "%s"\nsubscription_id = "%s"' % (uuid4(), uuid4(), uuid4()),
        'digests_i': R.choice([
            '%s  orzech-cli_2.3.1_linux_amd64.tar.gz' % rnd(HEX, 64),
            '"integrity": "sha512-%s=="' % rnd(B64, 86),
            'ETag: "%s"' % rnd(HEX, 32)]),
        'commit_shas': 'commit %s\nAuthor: Kasia Nowak <kasia@orzech.net>\nDate:   Sun Mar 2 10:22:01 2025\n\n'
        '    fix token refresh (revert %s)' % (rnd(HEX, 40), rnd(HEX, 12)),
        'uuids_i': 'request_id=%s trace_id=%s span_id=%s' % (uuid4(), rnd(HEX, 32), rnd(HEX, 16)),
        'base64_image': R.choice(['<img alt="logo" src="data:image/png;base64,%s">' % png_b64(),
                                  'background: url(data:image/png;base64,%s);' % png_b64()]),
        'password_settings': R.choice([
            '[security]\npassword_min_length = 12\npassword_expiry_days = 90\ntoken_ttl = 24h',
            'spring.security.user.password.encoder=bcrypt\nspring.security.token.header=X-Auth-Token',
            'variable "db_password" {\n  type      = string\n  sensitive = true\n}']),
        'csv_no_password': 'name,url,username,password,note\nGrafana,https://grafana.orzech.net,ops,,SSO only',
        'md_table_refs': '| Service | User | Password |\n|---|---|---|\n| Grafana | admin | in 1Password |\n'
        '| Kibana | elastic | `vault kv get secret/kibana` |',
        'sql_placeholders': R.choice(["INSERT INTO users (email, password) VALUES ($1, $2);",
                                      "UPDATE settings SET value = ? WHERE name = 'payment_api_secret';",
                                      "SELECT id FROM users WHERE login = :login AND password = :password"]),
        'http_placeholder_auth': 'POST /v1/orders HTTP/1.1\r\nHost: api.orzech.net\r\n'
        'Authorization: Bearer <ACCESS_TOKEN>\r\nContent-Type: application/json',
        'version_strings': 'VERSION=2.14.3-rc.1+build.%s\nGIT_SHA=%s\nBUILD_NUMBER=%d' % (
            rnd(DIG, 8), rnd(HEX, 7), R.randint(1000, 99999)),
        'ansible_vault_blob': 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  %s\n  %s' % (
            rnd(DIG + 'abcdef', 64), rnd(DIG + 'abcdef', 64)),
        'prose_i': R.choice([
            'Şifrenizi mi unuttunuz? Buraya tıklayın.', 'Quên mật khẩu? Đặt lại tại đây.',
            'ลืมรหัสผ่านใช่ไหม', 'Nie pamiętasz hasła? Zresetuj je.', 'Забули пароль? Відновіть його.',
            'שכחת את הסיסמה?', '비밀번호를 잊으셨나요?', 'パスワードをお忘れの場合は、こちらからお手続きください。',
            'Nakalimutan mo ba ang password mo?', 'Kun manta kalmar sirri?',
            'Parola trebuie să aibă cel puțin 12 caractere.', 'Heslo musí mít alespoň 8 znaků.']),
        'chat_about_passwords': R.choice([
            'the password is in the usual place', 'pw is the same as last time',
            'mật khẩu là ngày sinh của em', 'hasło to to samo co zawsze', 'パスワードは後ほどお電話でお伝えいたします。',
            '비번은 나중에 알려줄게']),
        'emoji_chat_no_secret': 'here you go \U0001f511 check your inbox for the invite link \U0001f605',
        'order_numbers': R.choice(['PIN reset: call 0800 123 456, option 3',
                                   'Order #%d shipped, tracking %s' % (R.randint(10 ** 5, 10 ** 6),
                                                                       rnd(UPPER + DIG, 18))]),
    }


def main():
    one_set_main('i', i_positives, i_negatives)


if __name__ == '__main__':
    main()
