#!/usr/bin/env python3
"""Held-out secret set "h" (session 5), written after every rule made from
sets f and g and run against the detector once (README: first contact). Its
templates are ones sets a..g do not use: Terraform variable defaults and
TF_VAR_ exports, Ansible group_vars, Helm image credentials, Vagrantfile
providers, Procfile and supervisord environments, crontab lines, PowerShell
NetworkCredential and piped SecureString, Windows `net use`, JDBC MySQL
query strings, Java Properties, CIFS fstab and mount -o, restic and rclone
environment variables, object-store SDK constructors in Go, Java and C#,
PlanetScale, Cloudinary, Doppler, Pulumi, Postman, Sentry auth tokens,
Railway's bare UUID tokens; chat in European Portuguese, Vietnamese,
Indonesian, Swahili, Ukrainian, Persian, Bengali and Tagalog. Negatives
have the same shapes without a secret: BSD checksum files, Yarn berry and
pnpm lock checksums, Terraform lock hashes, docker pull digests, build and
trace ids, cloud request ids, kubeconfig CA data, documentation example
keys, variable names, secret references (Azure DevOps, Terraform, Helm,
Ansible, secretKeyRef), Vault paths, KMS and Secrets Manager ARNs, Key Vault
secret URIs, SSH fingerprints and prose in the same languages.

  python3 bench/pii_secrets_heldout_h.py [--n 400] [--seed 7] > /tmp/h.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/h.jsonl --errors secret
"""
import string

from pii_secrets_heldout import ALNUM, B64, B64URL, HEX, LOWER, R, UPPER, b64, one_set_main, rnd, uuid4
from pii_secrets_heldout_de import collector

DIG = string.digits


def pw():
    """A person's password: words, digits and a symbol, or random printable."""
    words = ['harbor', 'Quill', 'saffron', 'Marble', 'thistle', 'Ember', 'walnut', 'Osprey']
    return R.choice([
        lambda: R.choice(words) + R.choice(words).capitalize() + str(R.randint(10, 9999)) +
        R.choice('!%*+@'),
        lambda: rnd(ALNUM + '%*+-!@', R.randint(14, 22)),
        lambda: R.choice(words).capitalize() + R.choice('.-_') + str(R.randint(1000, 99999)) +
        R.choice('!@'),
    ])()


def who():
    return R.choice(['deploy', 'svc_reports', 'backup-agent', 'ops', 'ingest'])


def site():
    return R.choice(['db.kestrel.works', 'files.kestrel.works', 'mq.kestrel.works', '10.20.3.7'])


def akid():
    return 'AKIA' + rnd(UPPER + DIG, 16)


def h_config(put, p, u):
    """Infrastructure and process configuration files."""
    put('tf_variable_default', 'variable "admin_password" {\n  type      = string\n  sensitive = true\n'
        '  default   = "%s"\n}' % p, p)
    k = rnd(B64URL, 40)
    put('tf_var_env', 'TF_VAR_cloudflare_api_token=%s terraform apply -auto-approve' % k, k)
    put('ansible_group_vars', '---\nmysql_root_password: "%s"\nmysql_databases:\n  - name: shop' % p, p)
    k = rnd(ALNUM, 32)
    put('helm_image_credentials', 'global:\n  imageCredentials:\n    registry: quay.io\n    username: %s\n'
        '    password: %s' % (u, k), k)
    put('vagrantfile_provider', 'config.vm.provider "vsphere" do |vs|\n  vs.host = "%s"\n  vs.user = "%s"\n'
        '  vs.password = "%s"\nend' % (site(), u, p), p)
    k = rnd(HEX, 128)
    put('procfile_env', 'web: SECRET_KEY_BASE=%s bundle exec puma -C config/puma.rb' % k, k)
    k = rnd(ALNUM, 32)
    put('supervisord_env', '[program:worker]\ncommand=/srv/app/bin/worker\n'
        'environment=WORKER_AUTH_SECRET="%s",LOG_LEVEL="info"' % k, k)
    put('crontab_mysql', '30 2 * * * /usr/bin/mysql --user=%s --password=%s -e "CALL purge_old()"'
        % (u, p), p)
    k = rnd(ALNUM, 16)
    put('jdbc_mysql_query', 'spring.datasource.url=jdbc:mysql://%s:3306/shop?user=%s&password=%s'
        '&useSSL=true' % (site(), u, k), k)
    put('java_properties_set', 'Properties props = new Properties();\nprops.setProperty("user", "%s");\n'
        'props.setProperty("password", "%s");' % (u, p), p)
    put('cifs_fstab', '//nas01/backup /mnt/backup cifs username=%s,password=%s,uid=1000,vers=3.0 0 0'
        % (u, p), p)
    put('mount_cifs_cli', 'sudo mount -t cifs //nas01/media /mnt/media -o user=%s,pass=%s' % (u, p), p)
    put('restic_env', 'export RESTIC_REPOSITORY=s3:s3.amazonaws.com/kestrel-backups\n'
        'export RESTIC_PASSWORD=%s\nrestic backup /srv' % p, p)
    k = rnd(B64, 40)
    put('rclone_env', 'RCLONE_CONFIG_MYS3_SECRET_ACCESS_KEY=%s rclone sync ./out mys3:reports' % k, k)


def h_windows_and_sdks(put, p, u):
    """Windows command lines and object-store SDK constructors."""
    put('ps_network_credential', '$cred = New-Object System.Net.NetworkCredential("%s", "%s", "CORP")'
        % (u, p), p)
    put('ps_piped_securestring', '$sec = "%s" | ConvertTo-SecureString -AsPlainText -Force' % p, p)
    put('net_use', 'net use Z: \\\\fs02\\finance %s /user:CORP\\%s /persistent:no' % (p, u), p)
    k = rnd(B64, 40)
    put('go_s3_static_creds', 'creds := credentials.NewStaticCredentialsProvider("%s", "%s", "")'
        % (akid(), k), k)
    k = rnd(B64, 40)
    put('java_aws_basic', 'AwsBasicCredentials creds = AwsBasicCredentials.create("%s", "%s");'
        % (akid(), k), k)
    k = rnd(B64, 86) + '=='
    put('csharp_blob_shared_key', 'var client = new BlobServiceClient(new Uri("https://kestrelstore.blob.'
        'core.windows.net"), new StorageSharedKeyCredential("kestrelstore", "%s"));' % k, k)
    k = rnd(ALNUM, 40)
    put('java_minio_builder', 'MinioClient.builder().endpoint("https://minio.kestrel.works")'
        '.credentials("%s", "%s").build();' % (rnd(UPPER + DIG, 20), k), k)
    put('csharp_sqlconn_builder', 'var cs = new SqlConnectionStringBuilder { DataSource = "sql01", '
        'UserID = "%s", Password = "%s" };' % (u, p), p)
    k = 'AIza' + rnd(B64URL, 35)
    put('go_gcs_api_key', 'client, err := storage.NewClient(ctx, option.WithAPIKey("%s"))' % k, k)


def h_providers(put):
    """Providers and token shapes no rule names."""
    k = 'pscale_pw_' + rnd(B64URL, 43)
    put('planetscale_url', 'DATABASE_URL=mysql://%s:%s@aws.connect.psdb.cloud/shop?sslaccept=strict'
        % (rnd(LOWER + DIG, 12), k), k)
    k = rnd(B64URL, 27)
    put('cloudinary_url', 'CLOUDINARY_URL=cloudinary://%s:%s@kestrel' % (rnd(DIG, 15), k), k)
    k = 'dp.st.prd.' + rnd(ALNUM, 43)
    put('doppler_token', 'DOPPLER_TOKEN=%s doppler run -- ./server' % k, k)
    k = 'pul-' + rnd(HEX, 40)
    put('pulumi_token', 'export PULUMI_ACCESS_TOKEN=%s' % k, k)
    k = 'PMAK-%s-%s' % (rnd(HEX, 24), rnd(HEX, 34))
    put('postman_key', 'curl https://api.getpostman.com/collections -H "X-Api-Key: %s"' % k, k)
    k = 'sntrys_' + rnd(B64URL, 60)
    put('sentry_auth_token', 'SENTRY_AUTH_TOKEN=%s sentry-cli releases new 1.4.2' % k, k)
    k = uuid4()
    put('railway_uuid_token', 'RAILWAY_TOKEN=%s railway up --detach' % k, k)


def h_chat(put, p):
    """Chat in languages and phrasings the earlier sets lack."""
    k = rnd(ALNUM, 40)
    put('chat_pt_pt', 'a palavra-passe do servidor é %s' % p, p)
    put('chat_vi_api', 'anh gửi em mã API nhé: %s' % k, k)
    put('chat_id', R.choice(['ini kata sandi wifi kantor: %s', 'kata sandinya %s ya, jangan disebar']) % p, p)
    put('chat_sw', 'nenosiri la seva ni %s' % p, p)
    put('chat_uk_token', 'ось новий токен для деплою %s, не світи його' % k, k)
    put('chat_fa', 'رمز عبور سرور %s است' % p, p)
    put('chat_bn', 'আমার পাসওয়ার্ড হল %s' % p, p)
    put('chat_tl', 'ang password ng admin ay %s' % p, p)


def h_positives():
    """kind -> (text, the secret inside it)."""
    out, put = collector()
    p, u = pw(), who()
    h_config(put, p, u)
    h_windows_and_sdks(put, p, u)
    h_providers(put)
    h_chat(put, p)
    return out


def h_negatives():
    return {
        'bsd_checksums': 'SHA256 (kestrel-2.1.0-linux-amd64.tar.gz) = %s\nSHA256 (kestrel-2.1.0-darwin-'
        'arm64.tar.gz) = %s' % (rnd(HEX, 64), rnd(HEX, 64)),
        'yarn_berry_checksum': '"lodash@npm:^4.17.21":\n  version: 4.17.21\n  resolution: '
        '"lodash@npm:4.17.21"\n  checksum: %s' % rnd(HEX, 128),
        'pnpm_lock_integrity': '  /ms@2.1.3:\n    resolution: {integrity: sha512-%s==}\n    dev: false'
        % rnd(B64, 86),
        'terraform_lock_hashes': 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.31.0"\n'
        '  hashes = [\n    "h1:%s=",\n    "zh:%s",\n  ]\n}' % (rnd(B64, 43), rnd(HEX, 64)),
        'docker_pull_digest': 'Digest: sha256:%s\nStatus: Downloaded newer image for nginx:1.27'
        % rnd(HEX, 64),
        'ci_build_ids': 'BUILD_ID=%s\nCI_PIPELINE_ID=%d\nGIT_COMMIT=%s' % (
            rnd(LOWER + DIG, 20), R.randint(10 ** 6, 10 ** 8), rnd(HEX, 40)),
        'amzn_trace_id': 'X-Amzn-Trace-Id: Root=1-%s-%s;Parent=%s;Sampled=1' % (
            rnd(HEX, 8), rnd(HEX, 24), rnd(HEX, 16)),
        'cloud_request_ids': 'x-ms-request-id: %s\nx-amz-request-id: %s\nx-amz-id-2: %s' % (
            uuid4(), rnd(UPPER + DIG, 16), rnd(B64, 76)),
        'kubeconfig_ca_data': 'clusters:\n- cluster:\n    certificate-authority-data: %s\n'
        '    server: https://10.0.0.1:6443' % rnd(B64, 240),
        'docs_example_keys': R.choice([
            'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            'export PULUMI_ACCESS_TOKEN=pul-<your-token>',
            'RESTIC_PASSWORD=<choose a strong passphrase>',
            'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>']),
        'variable_names_only': 'export PULUMI_ACCESS_TOKEN\nexport RESTIC_PASSWORD_FILE=/run/secrets/restic\n'
        'unset AWS_SECRET_ACCESS_KEY',
        'secret_refs_h': R.choice([
            'docker login -u $(registryUser) -p $(registryPassword)',
            'password = var.db_password',
            'password: {{ .Values.auth.password | b64enc | quote }}',
            'mysql_root_password: "{{ vault_mysql_root_password }}"',
            'valueFrom:\n  secretKeyRef:\n    name: db-creds\n    key: password']),
        'vault_paths': 'vault kv get -mount=secret -field=password apps/shop/%s\n'
        'path "secret/data/apps/shop/*" { capabilities = ["read"] }' % R.choice(['prod', 'staging']),
        'kms_arns': 'kms_key_id = "arn:aws:kms:eu-west-1:%d:key/%s"\nsecret_arn = "arn:aws:secretsmanager:'
        'eu-west-1:%d:secret:prod/db-%s"' % (R.randint(10 ** 11, 10 ** 12 - 1), uuid4(),
                                             R.randint(10 ** 11, 10 ** 12 - 1), rnd(ALNUM, 6)),
        'keyvault_secret_uri': '@Microsoft.KeyVault(SecretUri=https://kestrel-kv.vault.azure.net/secrets/'
        'sql-admin/%s)' % rnd(HEX, 32),
        'gcp_secret_name': 'projects/kestrel-prod/secrets/db-password/versions/%d' % R.randint(1, 40),
        'ssh_fingerprint': 'ED25519 key fingerprint is SHA256:%s.' % rnd(B64, 43),
        'supervisord_plain': '[program:web]\ncommand=gunicorn app:wsgi\nautorestart=true\n'
        'environment=PYTHONUNBUFFERED="1",DJANGO_SETTINGS_MODULE="shop.settings"',
        'crontab_password_file': '0 4 * * * /usr/local/bin/restic forget --keep-daily 7 '
        '--password-file /root/.restic-pw',
        'fstab_credentials_file': '//nas01/backup /mnt/backup cifs credentials=/etc/samba/creds,uid=1000 0 0',
        'sdk_default_credentials': R.choice([
            'cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))',
            'var client = new BlobServiceClient(new Uri("https://kestrelstore.blob.core.windows.net"), '
            'new DefaultAzureCredential());',
            'S3Client s3 = S3Client.builder().credentialsProvider(DefaultCredentialsProvider.create()).build();']),
        'prose_languages_h': R.choice([
            'Esqueceu-se da palavra-passe? Clique aqui.', 'Quên mật khẩu? Nhấn vào đây.',
            'Lupa kata sandi? Klik di sini.', 'Umesahau nenosiri lako?', 'Забули пароль? Натисніть тут.',
            'رمز عبور خود را فراموش کرده‌اید؟', 'পাসওয়ার্ড ভুলে গেছেন?', 'Nakalimutan ang password?']),
    }


def main():
    one_set_main('h', h_positives, h_negatives)


if __name__ == '__main__':
    main()
