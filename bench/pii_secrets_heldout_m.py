#!/usr/bin/env python3
"""Held-out secret set "m", written after every rule made from set l and
before the detector was run on it (docs/pii.md: first contact). What no
earlier set has, or has only in one form:
- carriers: GitLab, Azure Pipelines and Bitbucket CI YAML with literal
  values, Terraform provider and resource blocks, Ansible inventories and
  group_vars without Vault, Postman collections and environments, curl with
  -u and custom -H headers, PowerShell (env, hashtables, PSCredential),
  JDBC/ODBC strings of more drivers, SMTP/LDAP/AMQP/Redis/NATS URIs,
  mobile app configs (Android strings.xml and gradle.properties, iOS
  Info.plist, Flutter/React Native env), XML, INI, TOML, .env, HCL,
  Dockerfile ARG/ENV;
- Redis AUTH and requirepass, WiFi QR strings with the fields in any
  order, Discord and Telegram bot tokens in code and config, connection
  strings of less common databases (ClickHouse, Neo4j, CockroachDB,
  Snowflake, Cassandra, Couchbase, InfluxDB, Firebird, DB2);
- base64 basic auth headers in several carriers, cloud signed URLs and SAS
  tokens (Azure blob and Service Bus, AWS presigned, Google signed,
  CloudFront, Alibaba OSS);
- provider tokens by their own shape, with the checksum where the
  provider defines one (GitHub, npm), for providers no earlier set named
  (Linear, PlanetScale, Postman, Doppler, Grafana service accounts, Notion,
  Supabase, Figma, Dynatrace, Flutterwave, Airtable, Pulumi, Mapbox
  secret tokens, age);
- chat in twelve languages no earlier set has, with passwords without
  symbols (`Tartu2024`), `word#digits`, and hex keys.
Look-alikes in the same carriers: ${VAR}, $(var), {{ var }} and #{var}#
references, placeholders, hashes of files (Cargo.lock, Terraform
source_code_hash, Ansible checksum, image digests, Get-FileHash), UUIDs
(tenant, subscription, request ids), public keys (WireGuard, ssh, Mapbox
pk., Stripe pk_), client ids (Google, GitHub apps, Azure), documentation
example keys, order/flight/room numbers in the same chat languages.

  python3 bench/pii_secrets_heldout_m.py [--n 400] [--seed 7] > /tmp/m.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/m.jsonl --errors secret
"""
import json
import string
import urllib.parse
import zlib

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, R, UPPER, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector, rbytes

DIG = string.digits
LOWER = string.ascii_lowercase
BASE62 = DIG + string.ascii_uppercase + LOWER


def pw():
    """A person's password: without any symbol, word#digits, generated."""
    words = ['Tartu', 'kalamaja', 'Durres', 'Bilbao', 'kano', 'Cebu', 'Maseru', 'harare', 'Vilnius',
             'Ljubljana', 'bratislava', 'Tallinn']
    return R.choice([
        lambda: R.choice(words) + str(R.randint(1950, 2030)),
        lambda: R.choice(words).lower() + str(R.randint(10, 99)) + R.choice(words).lower(),
        lambda: R.choice(words).lower() + '#' + str(R.randint(100, 99999)),
        lambda: rnd(ALNUM, R.randint(12, 20)),
        lambda: rnd(ALNUM + '!%+=.,', R.randint(14, 24)),
    ])()


def key():
    """A machine-made key without a provider prefix."""
    return R.choice([lambda: rnd(ALNUM, R.randint(30, 48)), lambda: rnd(HEX, R.choice([32, 40, 64])),
                     lambda: rnd(B64URL, 43)])()


def user():
    return R.choice(['svc-report', 'app', 'deployer', 'tomasz', 'ingest'])


def host():
    return R.choice(['db.tartu.ee', '10.40.2.17', 'cache.internal', 'mq-2.bilbao.eus'])


def crc_token(prefix, n=30):
    """A token whose last six characters are the CRC32 of its body in base62,
    as GitHub and npm define theirs."""
    body = rnd(ALNUM, n)
    c = zlib.crc32(body.encode())
    tail = ''
    while c:
        c, r = divmod(c, 62)
        tail = BASE62[r] + tail
    return prefix + body + tail.rjust(6, '0')


def m_ci(put, p):
    """CI files and infrastructure code with literal values."""
    k = 'squ_' + rnd(HEX, 40)
    put('gitlab_ci_vars', 'variables:\n  GIT_DEPTH: "10"\n  SONAR_TOKEN: "%s"\n\nsonar:\n  stage: test\n'
        '  script: sonar-scanner' % k, k)
    put('gitlab_ci_registry', 'build:\n  script:\n    - docker login -u %s -p %s registry.tartu.ee\n'
        '    - docker build -t app .' % (user(), p), p)
    put('azure_vars', 'variables:\n- name: buildConfiguration\n  value: Release\n- name: storagePassword\n'
        '  value: %s' % p, p)
    k = key()
    put('bitbucket_pipelines', 'pipelines:\n  default:\n    - step:\n        script:\n'
        '          - pipe: atlassian/aws-s3-deploy:1.1.0\n            variables:\n'
        '              AWS_SECRET_ACCESS_KEY: "%s"' % k, k)
    k = rnd(ALNUM + '/+', 40)
    put('terraform_provider', 'provider "aws" {\n  region     = "eu-north-1"\n  access_key = "AKIA%s"\n'
        '  secret_key = "%s"\n}' % (rnd(UPPER + '234567', 16), k), k)
    put('terraform_rds', 'resource "aws_db_instance" "main" {\n  engine         = "postgres"\n'
        '  username       = "%s"\n  password       = "%s"\n  instance_class = "db.t3.micro"\n}'
        % (user(), p), p)
    k = key()
    put('terraform_tfvars', 'region = "westeurope"\ndatadog_api_key = "%s"\nreplicas = 3' % k, k)
    put('ansible_group_vars', '---\nansible_user: %s\nansible_become_pass: %s\nmysql_port: 3306'
        % (user(), p), p)
    put('ansible_inventory', '[web]\nweb1.tartu.ee ansible_user=%s ansible_password=%s' % (user(), p), p)
    put('ansible_task', '- name: create db user\n  community.mysql.mysql_user:\n    name: shop\n'
        '    password: "%s"\n    priv: "shop.*:ALL"' % p, p)


def m_http(put, p):
    """Postman, curl, PowerShell and basic auth headers."""
    k = key()
    put('postman_env', json.dumps({'name': 'prod', 'values': [
        {'key': 'baseUrl', 'value': 'https://api.tartu.ee', 'enabled': True},
        {'key': 'apiKey', 'value': k, 'type': 'secret', 'enabled': True}]}, indent=2), k)
    k = key()
    put('postman_bearer', json.dumps({'auth': {'type': 'bearer', 'bearer': [
        {'key': 'token', 'value': k, 'type': 'string'}]}}), k)
    put('postman_basic', json.dumps({'auth': {'type': 'basic', 'basic': [
        {'key': 'password', 'value': p, 'type': 'string'},
        {'key': 'username', 'value': user(), 'type': 'string'}]}}), p)
    put('curl_u', 'curl -sS -u %s:%s https://nexus.tartu.ee/service/rest/v1/status' % (user(), p), p)
    k = key()
    put('curl_custom_header', "curl -X POST https://api.bilbao.eus/v2/events -H 'Content-Type: "
        "application/json' -H 'X-Api-Key: %s' -d @event.json" % k, k)
    k = key()
    put('curl_token_header', 'curl -H "Authorization: Token %s" https://api.tartu.ee/v1/reports' % k, k)
    k = key()
    put('ps_env', '$env:OPENWEATHER_KEY = "%s"\n.\\fetch.ps1' % k, k)
    k = key()
    put('ps_hashtable', '$headers = @{\n    "x-functions-key" = "%s"\n    "Accept" = "application/json"\n}\n'
        'Invoke-RestMethod -Uri $url -Headers $headers' % k, k)
    put('ps_pscredential', '$sec = ConvertTo-SecureString "%s" -AsPlainText -Force\n'
        '$cred = New-Object System.Management.Automation.PSCredential ("CORP\\%s", $sec)' % (p, user()), p)
    k = b64('%s:%s' % (user(), p))
    put('basic_nginx', 'location /api/ {\n    proxy_pass http://backend;\n'
        '    proxy_set_header Authorization "Basic %s";\n}' % k, k)
    k = b64('%s:%s' % (user(), p))
    put('basic_python', 'headers = {"Authorization": "Basic %s", "Accept": "text/csv"}' % k, k)
    k = b64('%s:%s' % (user(), key()))
    put('basic_log', '10.0.3.4 - - [12/Mar/2025:10:01:22 +0000] "GET /metrics HTTP/1.1" 200 - '
        'auth="Basic %s"' % k, k)
    k = b64('%s:%s' % (user(), p))
    put('basic_fetch', 'fetch("https://ci.tartu.ee/job/build/api/json", {\n  headers: { authorization: '
        '`Basic %s` }\n})' % k, k)


def m_uris(put, p):
    """Connection strings and URIs of more databases and protocols."""
    put('jdbc_sqlserver', 'spring.datasource.url=jdbc:sqlserver://%s:1433;databaseName=erp;user=sa;'
        'password=%s;encrypt=true' % (host(), p), p)
    put('jdbc_oracle_thin', 'jdbc:oracle:thin:%s/%s@//%s:1521/ORCLPDB1' % (user(), p, host()), p)
    put('jdbc_mysql_query', 'jdbc:mysql://%s:3306/shop?user=%s&password=%s&useSSL=true'
        % (host(), user(), p), p)
    put('odbc_dsn', 'Driver={ODBC Driver 18 for SQL Server};Server=tcp:%s,1433;Database=erp;Uid=%s;'
        'Pwd=%s;Encrypt=yes;' % (host(), user(), p), p)
    q = urllib.parse.quote(p, safe='')
    put('smtp_uri', 'EMAIL_URL=smtp+tls://%s:%s@smtp.tartu.ee:587' % (user(), q), q)
    put('ldap_bind', 'ldapmodify -H ldaps://ldap.tartu.ee -D "cn=admin,dc=tartu,dc=ee" -w %s -f u.ldif'
        % p, p)
    put('ldap_config', 'spring.ldap.urls=ldaps://ldap.tartu.ee:636\nspring.ldap.username=cn=reader,dc=tartu,'
        'dc=ee\nspring.ldap.password=%s' % p, p)
    put('amqp_uri', 'CELERY_BROKER_URL = "amqps://%s:%s@%s:5671/prod"' % (user(), q, host()), q)
    put('rediss_uri', 'cache:\n  url: rediss://default:%s@%s:6380/0' % (q, host()), q)
    put('nats_uri', 'nats sub orders -s nats://%s:%s@%s:4222' % (user(), q, host()), q)
    put('clickhouse', 'clickhouse-client --host %s --user %s --password %s --secure' % (host(), user(), p), p)
    put('clickhouse_uri', 'CLICKHOUSE_URL=clickhouse://%s:%s@%s:9440/analytics?secure=true'
        % (user(), q, host()), q)
    put('neo4j_uri', 'NEO4J_URI=neo4j+s://neo4j:%s@graph.tartu.ee:7687' % q, q)
    put('neo4j_driver', 'driver = GraphDatabase.driver("neo4j+s://graph.tartu.ee", auth=("neo4j", "%s"))'
        % p, p)
    put('cockroach_uri', 'cockroach sql --url "postgresql://%s:%s@crdb.tartu.ee:26257/bank?sslmode=verify-full"'
        % (user(), q), q)
    put('snowflake_uri', "engine = create_engine('snowflake://%s:%s@xy12345.eu-central-1/analytics/public')"
        % (user(), q), q)
    put('cassandra_cqlsh', 'cqlsh %s 9042 -u cassandra_admin -p %s' % (host(), p), p)
    put('couchbase', 'cluster = Cluster("couchbases://cb.tartu.ee", ClusterOptions(PasswordAuthenticator('
        '"%s", "%s")))' % (user(), p), p)
    k = rnd(B64URL, 86) + '=='
    put('influx_token', '[[outputs.influxdb_v2]]\n  urls = ["https://influx.tartu.ee:8086"]\n  token = "%s"\n'
        '  organization = "ops"' % k, k)
    put('firebird', 'isql-fb -user SYSDBA -password %s %s:/var/lib/firebird/erp.fdb' % (p, host()), p)
    put('db2', 'db2 connect to SAMPLE user db2inst1 using %s' % p, p)


def m_redis_wifi(put, p):
    """Redis AUTH, requirepass and WiFi QR strings."""
    put('redis_auth_user', '127.0.0.1:6379> AUTH %s %s\nOK\n127.0.0.1:6379> KEYS session:*' % (user(), p), p)
    put('redis_cli_a', 'redis-cli -h %s -p 6379 -a %s --no-auth-warning INFO memory' % (host(), p), p)
    put('redis_config_set', 'CONFIG SET requirepass "%s"' % p, p)
    put('redis_conf_masterauth', 'replicaof 10.40.2.17 6379\nmasterauth %s\nappendonly yes' % p, p)
    put('wifi_qr_order', 'WIFI:T:WPA;S:Kalamaja-5G;P:%s;H:false;;' % p, p)
    put('wifi_qr_quoted', 'Scan to join: WIFI:S:"Tartu Office";P:"%s";T:WPA2;;' % p, p)
    put('wifi_nmcli', 'nmcli dev wifi connect "Bilbao-Guest" password "%s"' % p, p)


def m_bots(put, p):
    """Discord and Telegram bot tokens in code and config."""
    did = b64(str(R.randint(10 ** 17, 10 ** 18))).rstrip('=')
    k = '%s.%s.%s' % (did, rnd(B64URL, 6), rnd(B64URL, 38))
    put('discord_env', 'DISCORD_TOKEN=%s\nGUILD_ID=%d' % (k, R.randint(10 ** 17, 10 ** 18)), k)
    did = b64(str(R.randint(10 ** 17, 10 ** 18))).rstrip('=')
    k = '%s.%s.%s' % (did, rnd(B64URL, 6), rnd(B64URL, 27))
    put('discord_js', "const client = new Client({ intents: [] });\nclient.login('%s');" % k, k)
    k = '%d:AA%s' % (R.randint(10 ** 8, 10 ** 10 - 1), rnd(B64URL, 33))
    put('telegram_yaml', 'telegram:\n  bot_token: "%s"\n  chat_id: -100%d' % (k, R.randint(10 ** 9, 10 ** 10)), k)
    k = '%d:AA%s' % (R.randint(10 ** 8, 10 ** 10 - 1), rnd(B64URL, 33))
    put('telegram_python', 'bot = telebot.TeleBot("%s")\nbot.infinity_polling()' % k, k)
    k = rnd(B64URL, 68)
    put('discord_webhook', 'WEBHOOK = "https://discord.com/api/webhooks/%d/%s"'
        % (R.randint(10 ** 17, 10 ** 18), k), k)


def m_files(put, p):
    """XML, INI, TOML, .env, HCL, Dockerfile and mobile app configs."""
    k = key()
    put('xml_element', '<configuration>\n  <service>\n    <endpoint>https://api.tartu.ee</endpoint>\n'
        '    <apiKey>%s</apiKey>\n  </service>\n</configuration>' % k, k)
    put('xml_property', '<bean id="ds" class="com.zaxxer.hikari.HikariDataSource">\n'
        '  <property name="username" value="%s"/>\n  <property name="password" value="%s"/>\n</bean>'
        % (user(), p), p)
    put('maven_settings', '<server>\n  <id>nexus</id>\n  <username>%s</username>\n  <password>%s</password>\n'
        '</server>' % (user(), p), p)
    k = key()
    put('ini_section', '[credentials]\nclient = reporting\nsecret = %s\nregion = eu' % k, k)
    put('ini_php', '[database]\ndb.host = %s\ndb.pass = "%s"' % (host(), p), p)
    k = key()
    put('toml_table', '[auth]\nissuer = "https://id.tartu.ee"\nsigning_secret = "%s"\nttl = "1h"' % k, k)
    k = 'whsec_' + rnd(B64, 32)
    put('env_webhook', 'STRIPE_WEBHOOK_SECRET=%s\nSTRIPE_PRICE_ID=price_%s' % (k, rnd(ALNUM, 24)), k)
    k = key()
    put('env_quoted_export', "export ALGOLIA_ADMIN_KEY='%s'" % k, k)
    put('hcl_variable', 'variable "db_password" {\n  type      = string\n  sensitive = true\n'
        '  default   = "%s"\n}' % p, p)
    k = rnd(B64, 43) + '='
    put('hcl_nomad', 'job "api" {\n  group "web" {\n    task "server" {\n      env {\n'
        '        SESSION_KEY = "%s"\n      }\n    }\n  }\n}' % k, k)
    k = crc_token('ghp_')
    put('dockerfile_arg', 'FROM golang:1.22 AS build\nARG GITHUB_TOKEN=%s\n'
        'RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"' % k, k)
    put('dockerfile_env_pw', 'FROM postgres:16\nENV POSTGRES_USER=%s\nENV POSTGRES_PASSWORD %s' % (user(), p), p)
    k = 'AIza' + rnd(B64URL, 35)
    put('android_strings', '<resources>\n    <string name="app_name">Tartu Bikes</string>\n'
        '    <string name="maps_api_key">%s</string>\n</resources>' % k, k)
    k = key()
    put('gradle_properties', 'org.gradle.jvmargs=-Xmx2g\nandroid.useAndroidX=true\nRELEASE_STORE_PASSWORD=%s\n'
        'RELEASE_KEY_ALIAS=upload' % p, p)
    put('ios_plist', '<key>CFBundleName</key>\n<string>Tartu Bikes</string>\n<key>RevenueCatAPIKey</key>\n'
        '<string>%s</string>' % k, k)
    k = key()
    put('flutter_env', 'const String kBackendSecret = String.fromEnvironment(\'BACKEND_SECRET\', '
        'defaultValue: \'%s\');' % k, k)
    k = key()
    put('rn_config', "export default {\n  apiUrl: 'https://api.tartu.ee',\n  segmentWriteKey: '%s',\n};" % k, k)


def m_signed(put, p):
    """Cloud signed URLs and SAS tokens."""
    sig = urllib.parse.quote(b64(rbytes(32)), safe='')
    put('azure_blob_sas', 'https://tartuexports.blob.core.windows.net/reports/q1.csv?sp=r&st=2025-03-01T08:00:00Z'
        '&se=2025-03-02T08:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=%s' % sig, sig)
    sig = urllib.parse.quote(b64(rbytes(32)), safe='')
    put('servicebus_sas', 'SharedAccessSignature sr=https%%3A%%2F%%2Ftartu.servicebus.windows.net%%2Forders'
        '&sig=%s&se=1767225600&skn=RootManageSharedAccessKey' % sig, sig)
    k = b64(rbytes(32))
    put('eventhub_conn', 'Endpoint=sb://tartu-events.servicebus.windows.net/;SharedAccessKeyName=send;'
        'SharedAccessKey=%s;EntityPath=clicks' % k, k)
    sig = rnd(HEX, 64)
    put('aws_presigned', 'https://tartu-backups.s3.eu-north-1.amazonaws.com/db/2025-03-01.sql.gz?'
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%s%%2F20250301%%2Feu-north-1%%2Fs3%%2F'
        'aws4_request&X-Amz-Date=20250301T080000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host'
        '&X-Amz-Signature=%s' % (rnd(UPPER + '234567', 16), sig), sig)
    sig = rnd(HEX, 512)
    put('gcs_signed', 'https://storage.googleapis.com/tartu-media/video.mp4?X-Goog-Algorithm='
        'GOOG4-RSA-SHA256&X-Goog-Credential=signer%%40tartu.iam.gserviceaccount.com%%2F20250301%%2F'
        'auto%%2Fstorage%%2Fgoog4_request&X-Goog-Date=20250301T080000Z&X-Goog-Expires=900'
        '&X-Goog-SignedHeaders=host&X-Goog-Signature=%s' % sig, sig)
    sig = rnd(ALNUM + '-_~', 172)
    put('cloudfront_signed', 'https://d111111abcdef8.cloudfront.net/course/intro.mp4?Expires=1767225600'
        '&Signature=%s&Key-Pair-Id=K%s' % (sig, rnd(UPPER + DIG, 13)), sig)
    sig = urllib.parse.quote(b64(rbytes(20)), safe='')
    put('oss_signed', 'https://tartu.oss-eu-central-1.aliyuncs.com/a.zip?OSSAccessKeyId=LTAI%s'
        '&Expires=1767225600&Signature=%s' % (rnd(ALNUM, 20), sig), sig)


def m_providers(put):
    """Tokens by their provider's shape, with checksums where defined."""
    k = crc_token('ghp_')
    put('github_classic_chat', 'use this one for the mirror job %s (expires Friday)' % k, k)
    k = crc_token('npm_')
    put('npm_npmrc', '//registry.npmjs.org/:_authToken=%s' % k, k)
    k = 'lin_api_' + rnd(ALNUM, 40)
    put('linear', 'LINEAR_KEY: %s' % k, k)
    k = 'pscale_tkn_' + rnd(ALNUM + '_-', 43)
    put('planetscale', 'pscale auth login --service-token %s --service-token-id %s' % (k, rnd(LOWER + DIG, 12)), k)
    k = 'PMAK-%s-%s' % (rnd(HEX, 24), rnd(HEX, 34))
    put('postman_api', 'newman run coll.json --postman-api-key %s' % k, k)
    k = 'dp.st.prd.' + rnd(ALNUM, 43)
    put('doppler', 'doppler run --token %s -- ./server' % k, k)
    k = 'glsa_' + rnd(ALNUM, 32) + '_' + rnd(HEX, 8)
    put('grafana_sa', 'grafana:\n  url: https://grafana.tartu.ee\n  sa: %s' % k, k)
    k = 'ntn_' + rnd(DIG, 11) + rnd(ALNUM, 35)
    put('notion', 'const notion = new Client({ auth: "%s" })' % k, k)
    k = 'sbp_' + rnd(HEX, 40)
    put('supabase_pat', 'supabase login --token %s' % k, k)
    k = 'figd_' + rnd(B64URL, 40)
    put('figma', 'X-Figma-Token: %s' % k, k)
    k = 'dt0c01.%s.%s' % (rnd(UPPER + DIG, 24), rnd(UPPER + DIG, 64))
    put('dynatrace', 'oneagent: %s' % k, k)
    k = 'FLWSECK-%s-X' % rnd(HEX, 32)
    put('flutterwave', 'FLW_SECRET = "%s"' % k, k)
    k = 'pat%s.%s' % (rnd(ALNUM, 14), rnd(HEX, 64))
    put('airtable', 'base = Api("%s").base("app%s")' % (k, rnd(ALNUM, 14)), k)
    k = 'pul-' + rnd(HEX, 40)
    put('pulumi', 'pulumi login --non-interactive  # PULUMI_ACCESS_TOKEN=%s' % k, k)
    k = 'sk.eyJ1Ijoi%s.%s' % (rnd(ALNUM, 40), rnd(B64URL, 22))
    put('mapbox_secret', 'mapbox://styles downloaded with %s' % k, k)
    k = 'AGE-SECRET-KEY-1' + rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.upper(), 58)
    put('age_key', '# created: 2025-03-01T08:00:00Z\n# public key: age1%s\n%s'
        % (rnd('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58), k), k)


def m_chat(put, p):
    """Chat in languages no earlier set has; passwords and hex keys."""
    h = rnd(HEX, R.choice([32, 40, 64]))
    put('chat_et', 'mu parool on %s, ära seda kellelegi ütle' % p, p)
    put('chat_lv', 'parole ir %s' % p, p)
    put('chat_sq', 'fjalëkalimi i ri është %s' % p, p)
    put('chat_eu', 'pasahitza %s da' % p, p)
    put('chat_ha', 'kalmar wucewa ita ce %s' % p, p)
    put('chat_ceb', 'ang password sa wifi kay %s' % p, p)
    put('chat_sn', 'pasiwedhi yedu ndi %s' % p, p)
    put('chat_st', 'phasewete ke %s' % p, p)
    put('chat_sl', 'geslo za strežnik je %s' % p, p)
    put('chat_sk', 'heslo k routeru je %s' % p, p)
    put('chat_gd', 'seo am facal-faire: %s' % p, p)
    put('chat_fy', 'it wachtwurd is %s' % p, p)
    put('chat_hex_en', 'here is the key for the staging bucket %s' % h, h)
    put('chat_hex_et', 'võti on %s' % h, h)
    k = key()
    put('chat_key_sl', 'API ključ: %s' % k, k)
    put('chat_value_first_lv', '%s — tā ir jaunā parole serverim' % p, p)


def m_positives():
    out, put = collector()
    p = pw()
    m_ci(put, p)
    m_http(put, p)
    m_uris(put, p)
    m_redis_wifi(put, p)
    m_bots(put, p)
    m_files(put, p)
    m_signed(put, p)
    m_providers(put)
    m_chat(put, p)
    return out


def m_negatives():
    sha = rnd(HEX, 64)
    return {
        'gitlab_ref': 'variables:\n  SONAR_TOKEN: $SONAR_TOKEN\n'
        '  DATABASE_URL: "postgres://app:${DB_PASS}@db:5432/app"',
        'azure_ref': 'variables:\n- group: prod-secrets\n- name: storagePassword\n  value: $(kv-storage-password)',
        'bitbucket_ref': '- pipe: atlassian/aws-s3-deploy:1.1.0\n  variables:\n'
        '    AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY\n    S3_BUCKET: tartu-site',
        'gha_ref': 'env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n  NODE_VERSION: "20"',
        'terraform_var': 'resource "aws_db_instance" "main" {\n  username = var.db_user\n'
        '  password = random_password.db.result\n}',
        'terraform_hash': 'resource "aws_lambda_function" "api" {\n  filename         = "api.zip"\n'
        '  source_code_hash = "%s="\n}' % rnd(B64, 43),
        'terraform_azure_ids': 'provider "azurerm" {\n  features {}\n  tenant_id       = "%s"\n'
        '  subscription_id = "%s"\n  client_id       = "%s"\n}' % (uuid4(), uuid4(), uuid4()),
        'ansible_ref': 'ansible_become_pass: "{{ vault_become_pass }}"\n'
        'mysql_root_password: "{{ lookup(\'env\', \'MYSQL_ROOT\') }}"',
        'ansible_checksum': '- get_url:\n    url: https://dl.tartu.ee/tool.tar.gz\n    dest: /opt/tool.tar.gz\n'
        '    checksum: "sha256:%s"' % sha,
        'postman_ref': json.dumps({'auth': {'type': 'bearer', 'bearer': [
            {'key': 'token', 'value': '{{accessToken}}', 'type': 'string'}]},
            'info': {'_postman_id': uuid4(), 'name': 'Tartu API'}}),
        'curl_ref': R.choice(['curl -u "$NEXUS_USER:$NEXUS_PASS" https://nexus.tartu.ee/',
                              'curl -H "X-Api-Key: ${API_KEY}" https://api.bilbao.eus/v2/events',
                              'curl -H "X-Request-Id: %s" https://api.tartu.ee/health' % uuid4()]),
        'curl_etag': 'curl -H \'If-None-Match: "%s"\' https://cdn.tartu.ee/app.js' % rnd(HEX, 32),
        'ps_ref': R.choice(['$cred = Get-Credential -UserName "CORP\\svc-report"',
                            '$env:OPENWEATHER_KEY = (Get-Secret -Name OpenWeather -AsPlainText)',
                            '$pw = Read-Host -AsSecureString "Password"']),
        'ps_filehash': 'Algorithm       Hash' + ' ' * 67 + 'Path\n'
        'SHA256          %s       C:\\dl\\setup.exe' % rnd(HEX.upper(), 64),
        'basic_placeholder': R.choice(['Authorization: Basic <base64(user:password)>',
                                       'proxy_set_header Authorization "Basic $http_auth_b64";',
                                       'Authorization: Basic %s' % b64('username:password')]),
        'jdbc_ref': R.choice(['jdbc:mysql://db.tartu.ee:3306/shop?user=app&password=${DB_PASSWORD}',
                              'Driver={ODBC Driver 18 for SQL Server};Server=tcp:db,1433;Uid=app;Pwd=<password>;',
                              'jdbc:oracle:thin:@//db.tartu.ee:1521/ORCLPDB1']),
        'uri_nocreds': R.choice(['CELERY_BROKER_URL = "amqps://mq-2.bilbao.eus:5671/prod"',
                                 'cache:\n  url: rediss://cache.internal:6380/0',
                                 'ldap://ldap.tartu.ee/dc=tartu,dc=ee?uid?sub?(objectClass=person)',
                                 'NEO4J_URI=neo4j+s://graph.tartu.ee:7687']),
        'redis_ref': R.choice(['127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) ""',
                               'redis-cli -h cache.internal -a "$REDIS_PASSWORD" PING',
                               '127.0.0.1:6379> AUTH\n'
                               '(error) ERR wrong number of arguments for \'auth\' command']),
        'wifi_ref': R.choice(['WIFI:T:nopass;S:Tartu-Library;;', 'WIFI:T:WPA;S:Office;P:${WIFI_PSK};;']),
        'discord_ids': 'guild_id: %d\nchannel_id: %d\napplication_id: %d' % (
            R.randint(10 ** 17, 10 ** 18), R.randint(10 ** 17, 10 ** 18), R.randint(10 ** 17, 10 ** 18)),
        'telegram_ids': 'telegram:\n  bot_username: tartu_alerts_bot\n  chat_id: -100%d'
        % R.randint(10 ** 9, 10 ** 10),
        'xml_ref': R.choice(['<password>${env.NEXUS_PASSWORD}</password>',
                             '<add key="ApiKey" value="#{ApiKey}#" />',
                             '<checksum type="sha1">%s</checksum>' % rnd(HEX, 40)]),
        'ini_ref': '[credentials]\nclient = reporting\nsecret = %(REPORTING_SECRET)s',
        'toml_lock': '[[package]]\nname = "serde"\nversion = "1.0.197"\nsource = "registry+https://github.com/'
        'rust-lang/crates.io-index"\nchecksum = "%s"' % sha,
        'toml_env_ref': '[registries.tartu]\nindex = "sparse+https://crates.tartu.ee/"\n'
        'token = { env = "TARTU_TOKEN" }',
        'env_empty': 'STRIPE_WEBHOOK_SECRET=\nSTRIPE_SECRET_KEY=your-stripe-secret-key\nSTRIPE_PRICE_ID=price_%s'
        % rnd(ALNUM, 24),
        'hcl_ref': 'variable "db_password" {\n  type      = string\n  sensitive = true\n}',
        'dockerfile_ref': 'FROM node@sha256:%s\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm_token '
        'NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci' % sha,
        'android_public': '<resources>\n    <string name="gcm_defaultSenderId">%d</string>\n'
        '    <string name="google_app_id">1:%d:android:%s</string>\n</resources>'
        % (R.randint(10 ** 11, 10 ** 12), R.randint(10 ** 11, 10 ** 12), rnd(HEX, 16)),
        'ios_client_id': '<key>REVERSED_CLIENT_ID</key>\n<string>com.googleusercontent.apps.%d-%s</string>'
        % (R.randint(10 ** 11, 10 ** 12), rnd(LOWER + DIG, 32)),
        'signed_placeholder': R.choice([
            'https://tartuexports.blob.core.windows.net/reports/q1.csv?sp=r&sv=2022-11-02&sr=b&sig=<signature>',
            'https://tartu-backups.s3.eu-north-1.amazonaws.com/db/2025-03-01.sql.gz?versionId=%s' % rnd(ALNUM, 32),
            'https://cdn.tartu.ee/app.%s.js?v=%s' % (rnd(HEX, 8), rnd(HEX, 10))]),
        'public_keys': R.choice([
            '[Peer]\nPublicKey = %s=\nAllowedIPs = 10.8.0.0/24' % rnd(B64, 43),
            'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s tomasz@tartu' % rnd(B64, 43),
            "mapboxgl.accessToken = 'pk.eyJ1Ijoi%s.%s';" % (rnd(ALNUM, 40), rnd(B64URL, 22)),
            'const stripe = Stripe("pk_live_%s");' % rnd(ALNUM, 99)]),
        'client_ids': R.choice([
            'GOOGLE_CLIENT_ID=%d-%s.apps.googleusercontent.com'
            % (R.randint(10 ** 11, 10 ** 12), rnd(LOWER + DIG, 32)),
            'GITHUB_APP_CLIENT_ID=Iv1.%s' % rnd(HEX, 16),
            'AZURE_CLIENT_ID=%s' % uuid4()]),
        'doc_examples': R.choice([
            'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'
            'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            'SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work',
            'TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX']),
        'sha_files': '%s  tool-1.4.2-linux-amd64.tar.gz\n%s  tool-1.4.2-darwin-arm64.tar.gz'
        % (rnd(HEX, 64), rnd(HEX, 64)),
        'chat_lookalikes': R.choice([
            'tellimuse number on ORD2024551', 'lennu number on LX1987', 'tuba on Tartu2024 hoone teisel korrusel',
            'parole ir jāmaina katru mēnesi', 'fjalëkalimi është shumë i shkurtër', 'pasahitza ahaztu dut',
            'geslo je napačno, poskusi znova', 'heslo k routeru je na nálepke',
            'commit %s is deployed' % rnd(HEX, 40),
            'ang order number kay CEB#44120', 'request id %s failed' % uuid4()]),
    }


def main():
    one_set_main('m', m_positives, m_negatives)


if __name__ == '__main__':
    main()
