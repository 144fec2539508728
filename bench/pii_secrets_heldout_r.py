#!/usr/bin/env python3
"""Held-out secret set "r", written after the rules made from set q and
scored once before any rule was made for it. Carriers no earlier set holds:
Vagrantfiles, Packer HCL, Pulumi YAML config, Nomad jobs, systemd
`Environment=`, supervisord, PHP arrays, Laravel `.env`, Symfony
`parameters.yml`, Django `DATABASES`, Rails `database.yml` with ERB
defaults, Elixir `System.get_env` defaults, Gradle properties, Maven
`settings.xml`, NuGet.config, pip.conf, composer `auth.json`, `.boto`,
rclone config, restic/borg repository passwords, mutt/msmtp, fetchmail,
OpenLDAP `rootpw`, PgBouncer userlist, ProFTPD, Asterisk `secret=`,
WireGuard preshared keys; look-alikes in the same carriers: their
documentation placeholders, `{SSHA}` hashes, `md5<hex>` userlist entries,
references, empty values, public keys.

  python3 bench/pii_secrets_heldout_r.py [--n 400] [--seed 7] > /tmp/r.jsonl
  python3 bench/pii_eval.py --only secrets --secrets /tmp/r.jsonl --errors secret
"""
import json
import string

from pii_secrets_heldout import ALNUM, B64, HEX, R, b64, one_set_main, rnd
from pii_secrets_heldout_de import collector

DIG = string.digits


def pw():
    words = ['Bergen', 'puffin', 'Sintra', 'Olomouc', 'gecko', 'Tromso', 'Ohrid', 'kiwi']
    return R.choice([
        lambda: R.choice(words) + R.choice('-_.') + str(R.randint(100, 999)) + R.choice('!%&'),
        lambda: rnd(ALNUM, R.randint(14, 20)),
        lambda: R.choice(words).lower() + R.choice(words) + str(R.randint(1, 99)),
        lambda: rnd(ALNUM + '#%+=', R.randint(16, 22)),
    ])()


def user():
    return R.choice(['vagrant_ci', 'backup', 'mailer', 'sintra', 'svc_ldap'])


def r_positives():
    out, put = collector()
    p = pw()
    put('vagrantfile', 'config.vm.provider "vsphere" do |v|\n  v.user = "%s"\n  v.password = "%s"\nend' % (user(), p), p)
    put('packer', 'source "proxmox-iso" "debian" {\n  username = "%s"\n  password = "%s"\n}' % (user(), p), p)
    put('pulumi_plain', 'config:\n  shop:dbPassword: %s\n  aws:region: eu-west-1' % p, p)
    put('nomad', 'task "api" {\n  env {\n    DB_PASSWORD = "%s"\n  }\n}' % p, p)
    put('systemd', '[Service]\nEnvironment="SMTP_PASSWORD=%s"\nExecStart=/usr/bin/mailer' % p, p)
    put('supervisord', '[program:worker]\ncommand=/srv/worker\nenvironment=DB_USER="%s",DB_PASS="%s"' % (user(), p), p)
    put('php_array', "return [\n    'host' => 'db.bergen.no',\n    'username' => '%s',\n    'password' => '%s',\n];" % (user(), p), p)
    put('laravel_env', 'DB_CONNECTION=mysql\nDB_USERNAME=%s\nDB_PASSWORD=%s' % (user(), p), p)
    put('symfony', 'parameters:\n    database_user: %s\n    database_password: %s' % (user(), p), p)
    put('django', "DATABASES = {\n    'default': {\n        'USER': '%s',\n        'PASSWORD': '%s',\n    }\n}" % (user(), p), p)
    put('rails_erb', 'production:\n  password: <%%= ENV.fetch("DB_PASSWORD") { "%s" } %%>' % p, p)
    put('elixir', 'password: System.get_env("DB_PASSWORD", "%s"),' % p, p)
    put('gradle', 'artifactoryUser=%s\nartifactoryPassword=%s' % (user(), p), p)
    put('maven', '<server>\n  <id>releases</id>\n  <username>%s</username>\n  <password>%s</password>\n</server>' % (user(), p), p)
    put('nuget', '<packageSourceCredentials>\n  <Feed>\n    <add key="Username" value="%s" />\n'
        '    <add key="ClearTextPassword" value="%s" />\n  </Feed>\n</packageSourceCredentials>' % (user(), p), p)
    put('pip_conf', '[global]\nindex-url = https://%s:%s@pypi.bergen.no/simple' % (user(), p), p)
    k = rnd(HEX, 40)
    put('composer_auth', json.dumps({'github-oauth': {'github.com': k}}, indent=4), k)
    k = rnd(ALNUM + '/+', 40)
    put('boto', '[Credentials]\naws_access_key_id = AKIA%s\naws_secret_access_key = %s' % (rnd('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16), k), k)
    put('rclone', '[backup]\ntype = sftp\nhost = nas.sintra.pt\nuser = %s\npass = %s' % (user(), p), p)
    put('restic', 'export RESTIC_PASSWORD=%s\nrestic -r s3:s3.amazonaws.com/bergen-backup backup /srv' % p, p)
    put('msmtp', 'account default\nhost smtp.bergen.no\nuser %s\npassword %s' % (user(), p), p)
    put('fetchmail', 'poll mail.bergen.no protocol IMAP user "%s" password "%s"' % (user(), p), p)
    put('openldap', 'database mdb\nsuffix "dc=bergen,dc=no"\nrootdn "cn=admin,dc=bergen,dc=no"\nrootpw %s' % p, p)
    put('pgbouncer', '"%s" "%s"' % (user(), p), p)
    put('asterisk', '[6001]\ntype=friend\nsecret=%s\nhost=dynamic' % p, p)
    k = b64(bytes(R.getrandbits(8) for _ in range(32)))
    put('wireguard_psk', '[Peer]\nPublicKey = %s\nPresharedKey = %s\nAllowedIPs = 10.8.0.2/32'
        % (b64(bytes(R.getrandbits(8) for _ in range(32))), k), k)
    return out


def r_negatives():
    return {
        'vagrant_doc': 'config.vm.provider "vsphere" do |v|\n  v.user = "administrator@vsphere.local"\n'
                       '  v.password = ENV["VSPHERE_PASSWORD"]\nend',
        'packer_ref': 'source "proxmox-iso" "debian" {\n  username = var.proxmox_user\n  password = var.proxmox_password\n}',
        'pulumi_secure': 'config:\n  shop:dbPassword:\n    secure: AAABAJ%s' % rnd(B64, 40),
        'nomad_template': 'template {\n  data = "DB_PASSWORD={{ with secret \\"kv/db\\" }}{{ .Data.password }}{{ end }}"\n}',
        'systemd_ref': '[Service]\nEnvironmentFile=/etc/mailer/secrets.env\nExecStart=/usr/bin/mailer',
        'php_env': "'password' => env('DB_PASSWORD', ''),",
        'laravel_doc': 'DB_USERNAME=root\nDB_PASSWORD=',
        'django_doc': "'PASSWORD': os.environ['DB_PASSWORD'],",
        'rails_doc': 'production:\n  password: <%= ENV["DB_PASSWORD"] %>',
        'elixir_ref': 'password: System.fetch_env!("DB_PASSWORD"),',
        'maven_encrypted': '<password>{COQLCE6DU6GtcS5P=}</password>',
        'nuget_encrypted': '<add key="Password" value="%s" />' % ('AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA' + rnd(B64, 60)),
        'composer_doc': json.dumps({'github-oauth': {'github.com': 'your-github-token'}}),
        'rclone_obscured_doc': '[remote]\ntype = sftp\nhost = example.com\nuser = username\npass = *** ENCRYPTED ***',
        'restic_ref': 'export RESTIC_PASSWORD_FILE=/etc/restic/password',
        'openldap_hash': 'rootpw {SSHA}%s' % rnd(B64, 32),
        'pgbouncer_md5': '"%s" "md5%s"' % (user(), rnd(HEX, 32)),
        'asterisk_doc': '[6001]\ntype=friend\nsecret=<your-sip-password>\nhost=dynamic',
        'wireguard_public': '[Peer]\nPublicKey = %s\nAllowedIPs = 10.8.0.2/32\nEndpoint = vpn.bergen.no:51820'
                            % b64(bytes(R.getrandbits(8) for _ in range(32))),
        'msmtp_cmd': 'account default\nhost smtp.bergen.no\nuser mailer\npasswordeval "pass show mail/smtp"',
    }


def main():
    one_set_main('r', r_positives, r_negatives)


if __name__ == '__main__':
    main()
