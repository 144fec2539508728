#!/usr/bin/env bash
# A small certificate authority for local testing and small deployments, made
# with the openssl CLI. Keys are EC P-256.
#
#   dev-ca.sh ca DIR                  root CA (ca.crt) and an intermediate that
#                                     signs servers; an empty CRL (ca.crl)
#   dev-ca.sh server DIR NAME [HOST]  NAME.key, NAME.crt (leaf + intermediate);
#                                     HOSTs are DNS names or IPs (default:
#                                     localhost 127.0.0.1 ::1)
#   dev-ca.sh client DIR NAME [SAN]   NAME.key, NAME.crt with CN=NAME, signed by
#                                     the root; SANs in openssl form
#                                     (email:a@b, DNS:x, URI:spiffe://...);
#                                     default email:NAME@example.com
#   dev-ca.sh revoke DIR NAME         revokes NAME.crt and rewrites ca.crl
#   dev-ca.sh test DIR                everything the tests use (see below)
#
# Environment: DAYS (validity of new certificates, default 825), and
# EW_NOT_BEFORE / EW_NOT_AFTER (YYYYMMDDHHMMSSZ) to issue a certificate with
# fixed dates, e.g. an already expired one.
set -euo pipefail

die() {
    echo "dev-ca.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-2}"
}

command -v openssl >/dev/null || die "needs the openssl command"
# openssl.cnf reads the SAN from here; commands that issue nothing need a value too.
export EW_SAN=email:none@example.com

new_key() { # FILE
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null)
}

# The openssl ca database and config of one issuer: DIR/.db-ISSUER.
write_db() { # DIR ISSUER
    local db="$1/.db-$2"
    mkdir -p "$db/newcerts"
    [ -f "$db/index.txt" ] || : >"$db/index.txt"
    [ -f "$db/index.txt.attr" ] || echo "unique_subject = no" >"$db/index.txt.attr"
    [ -f "$db/serial" ] || openssl rand -hex 8 >"$db/serial"
    [ -f "$db/crlnumber" ] || echo 1000 >"$db/crlnumber"
    cat >"$db/openssl.cnf" <<EOF
[ ca ]
default_ca = edgeway_ca
[ edgeway_ca ]
dir              = $db
database         = \$dir/index.txt
new_certs_dir    = \$dir/newcerts
serial           = \$dir/serial
crlnumber        = \$dir/crlnumber
certificate      = $1/$2.crt
private_key      = $1/$2.key
default_md       = sha256
default_days     = 825
default_crl_days = 365
policy           = policy_any
unique_subject   = no
[ policy_any ]
commonName       = supplied
[ v3_intermediate ]
basicConstraints       = critical, CA:true, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid
[ v3_server ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth
subjectAltName         = \${ENV::EW_SAN}
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid
[ v3_client ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectAltName         = \${ENV::EW_SAN}
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid
EOF
}

# Issues DIR/NAME.crt for DIR/NAME.key from ISSUER with an extension section.
issue() { # DIR ISSUER NAME EXT
    local dir=$1 issuer=$2 name=$3 ext=$4 dates
    openssl req -new -key "$dir/$name.key" -subj "/CN=$name" -out "$dir/$name.csr"
    if [ -n "${EW_NOT_BEFORE:-}" ] || [ -n "${EW_NOT_AFTER:-}" ]; then
        dates=(-startdate "${EW_NOT_BEFORE:?set both EW_NOT_BEFORE and EW_NOT_AFTER}"
            -enddate "${EW_NOT_AFTER:?set both EW_NOT_BEFORE and EW_NOT_AFTER}")
    else
        dates=(-days "${DAYS:-825}")
    fi
    openssl ca -batch -notext \
        -config "$dir/.db-$issuer/openssl.cnf" -extensions "$ext" "${dates[@]}" \
        -in "$dir/$name.csr" -out "$dir/$name.crt" 2>"$dir/.last-error" ||
        die "openssl ca failed: $(cat "$dir/.last-error")"
    rm -f "$dir/$name.csr" "$dir/.last-error"
}

gen_crl() { # DIR
    openssl ca -gencrl -config "$1/.db-ca/openssl.cnf" -out "$1/ca.crl" 2>/dev/null ||
        die "cannot write $1/ca.crl"
}

cmd_ca() { # DIR [CN]
    local dir=$1 cn=${2:-edgeway dev CA}
    mkdir -p "$dir"
    [ -f "$dir/ca.key" ] && die "$dir/ca.key exists; use another directory"
    new_key "$dir/ca.key"
    openssl req -x509 -new -key "$dir/ca.key" -subj "/CN=$cn" -days 3650 -sha256 \
        -addext "basicConstraints=critical,CA:true" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$dir/ca.crt"
    write_db "$dir" ca
    new_key "$dir/intermediate.key"
    DAYS=${DAYS:-1825} issue "$dir" ca intermediate v3_intermediate
    write_db "$dir" intermediate
    gen_crl "$dir"
    echo "CA: $dir/ca.crt (trust this), intermediate: $dir/intermediate.crt, CRL: $dir/ca.crl"
}

cmd_server() { # DIR NAME [HOST...]
    local dir=$1 name=$2 san="" h
    shift 2
    [ -f "$dir/intermediate.key" ] || die "no CA in $dir; run: $0 ca $dir"
    [ $# -gt 0 ] || set -- localhost 127.0.0.1 ::1
    for h in "$@"; do
        if [[ $h =~ ^[0-9.]+$ || $h == *:* ]]; then san+="${san:+,}IP:$h"; else san+="${san:+,}DNS:$h"; fi
    done
    new_key "$dir/$name.key"
    EW_SAN=$san issue "$dir" intermediate "$name" v3_server
    cat "$dir/intermediate.crt" >>"$dir/$name.crt"
    echo "server: $dir/$name.crt (chain) and $dir/$name.key for $*"
}

cmd_client() { # DIR NAME [SAN...]
    local dir=$1 name=$2 san=""
    shift 2
    [ -f "$dir/ca.key" ] || die "no CA in $dir; run: $0 ca $dir"
    [ $# -gt 0 ] || set -- "email:$name@example.com"
    san=$(IFS=,; echo "$*")
    new_key "$dir/$name.key"
    EW_SAN=$san issue "$dir" ca "$name" v3_client
    echo "client: $dir/$name.crt and $dir/$name.key (CN=$name, $san)"
}

cmd_revoke() { # DIR NAME
    local dir=$1 name=$2
    [ -f "$dir/$name.crt" ] || die "$dir/$name.crt not found"
    openssl ca -config "$dir/.db-ca/openssl.cnf" -revoke "$dir/$name.crt" 2>/dev/null ||
        die "cannot revoke $dir/$name.crt"
    gen_crl "$dir"
    echo "revoked $name; CRL: $dir/ca.crl"
}

# The set the TLS tests use:
#   ca.crt, intermediate.crt, ca.crl      the CA (mallory revoked)
#   server.{crt,key}     localhost, 127.0.0.1, ::1 (leaf + intermediate)
#   alt.{crt,key}        alt.localhost: a second certificate for SNI
#   expired-server.*     localhost, expired in 2021
#   alice.*, bob.*       clients (alice: email SAN; bob: URI SAN)
#   carol-expired.*      a client certificate that expired in 2021
#   mallory.*            a revoked client
#   other/ca.crt, other/eve.*  a second, untrusted CA and its client
cmd_test() { # DIR
    local dir=$1
    cmd_ca "$dir"
    cmd_server "$dir" server
    cmd_server "$dir" alt alt.localhost
    EW_NOT_BEFORE=20200101000000Z EW_NOT_AFTER=20210101000000Z cmd_server "$dir" expired-server
    cmd_client "$dir" alice email:alice@example.com
    cmd_client "$dir" bob URI:spiffe://edgeway.test/bob
    EW_NOT_BEFORE=20200101000000Z EW_NOT_AFTER=20210101000000Z cmd_client "$dir" carol-expired
    cmd_client "$dir" mallory
    cmd_revoke "$dir" mallory
    cmd_ca "$dir/other" "another CA" >/dev/null
    cmd_client "$dir/other" eve
}

[ $# -ge 1 ] || usage
case "$1" in
ca) [ $# -ge 2 ] || usage; cmd_ca "$2" ;;
server) [ $# -ge 3 ] || usage; cmd_server "${@:2}" ;;
client) [ $# -ge 3 ] || usage; cmd_client "${@:2}" ;;
revoke) [ $# -eq 3 ] || usage; cmd_revoke "$2" "$3" ;;
test) [ $# -eq 2 ] || usage; cmd_test "$2" >/dev/null ;;
-h | --help | help) usage 0 ;;
*) usage ;;
esac
