#!/usr/bin/env bash
# edgeway sign / verify: exit 0 on a good signature, 1 with a clear message on
# a tampered file, a wrong key or a bad signature, 2 on usage errors; and
# signatures interoperate with `openssl dgst -sha256`.
set -u
. "$(dirname "$0")/ewtest.sh"

expect_err() {
    grep -qF "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"
}

cd "$tmp" || exit 1
printf 'version: 1\nrequire_signed_config: true\n' >cfg.yaml

expect_rc 0 "new key" "$bin" sign --new-key admin
[ "$(stat -c %a admin.key)" = 600 ] || fail "private key mode is $(stat -c %a admin.key)"
expect_rc 1 "new key over an existing one" "$bin" sign --new-key admin
expect_rc 0 "sign" "$bin" sign --key admin.key cfg.yaml
grep -qF "signed cfg.yaml -> cfg.yaml.sig" out || fail "sign output: $(cat out)"
expect_rc 0 "verify good" "$bin" verify --pub admin.pub cfg.yaml
grep -qF "cfg.yaml: signature OK (key sha256:" out || fail "verify output: $(cat out)"
openssl dgst -sha256 -verify admin.pub -signature cfg.yaml.sig cfg.yaml >/dev/null ||
    fail "openssl does not accept our signature"

cp cfg.yaml tampered.yaml && cp cfg.yaml.sig tampered.yaml.sig
sed -i 's/true/false/' tampered.yaml
expect_rc 1 "tampered file" "$bin" verify --pub admin.pub tampered.yaml
expect_err "tampered.yaml.sig: signature does not match"

"$bin" sign --new-key other >/dev/null
expect_rc 1 "wrong key" "$bin" verify --pub other.pub cfg.yaml
expect_err "signature does not match"

head -c 20 cfg.yaml.sig >short.sig
expect_rc 1 "truncated signature" "$bin" verify --pub admin.pub --sig short.sig cfg.yaml
expect_err "not an ECDSA P-256 signature"

expect_rc 1 "missing signature" "$bin" verify --pub admin.pub admin.pub
expect_err "no signature"

openssl dgst -sha256 -sign admin.key cfg.yaml | base64 -w0 >cfg.b64
expect_rc 0 "openssl signature in base64" "$bin" verify --pub admin.pub --sig cfg.b64 cfg.yaml

expect_rc 1 "public key cannot sign" "$bin" sign --key admin.pub cfg.yaml
expect_err "a public key cannot sign"

sum=$(sha256sum cfg.yaml | cut -c1-64)
expect_rc 0 "sha256 pin" "$bin" verify --sha256 "$sum" cfg.yaml
expect_rc 1 "sha256 mismatch" "$bin" verify --sha256 "$sum" tampered.yaml
expect_err "sha256 is"

expect_rc 2 "verify without a key" "$bin" verify cfg.yaml
expect_rc 2 "sign without a key" "$bin" sign cfg.yaml
expect_rc 0 "help" "$bin" verify --help

[ "$fails" -eq 0 ] || exit 1
echo "test_sign: ok"
