#!/usr/bin/env bash
# docs/trust.md's "An admin's setup, in nine commands", run as written: the
# block is taken from that file, with D in a temporary directory, a free port
# instead of 8443, and a wait for the daemon before curl. It must hold at
# most nine commands, answer /v1/models over mTLS, and after the doc's
# revocation line refuse alice's certificate.
set -euo pipefail
: "${EW_BIN:?}" "${EW_SRC:?}"
cd "$EW_SRC"
block=$(awk '/^### An admin.s setup, in nine commands/ {s = 1} s && /^```sh$/ {b = 1; next}
             b && /^```$/ {exit} b {print}' docs/trust.md)
n=$(grep -c . <<<"$block")
[ "$n" -le 9 ] || { echo "the setup block has $n commands" >&2; exit 1; }
revoke=$(grep -o 'certs/dev-ca.sh revoke \$D/pki alice && kill -HUP \$!' docs/trust.md | head -1)
[ -n "$revoke" ] || { echo "docs/trust.md: no revocation line" >&2; exit 1; }
tmp=$(mktemp -d)
trap '[ -f "$tmp/edgeway/pid" ] && kill "$(cat "$tmp/edgeway/pid")" 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PATH="$(dirname "$EW_BIN"):$PATH"
# The daemon's pid goes to a file, so that the trap stops it whatever fails.
sed -e "s|^D=/etc/edgeway |D=$tmp/edgeway |" \
    -e "s|^\(cp certs/trust.yaml \$D/edgeway.yaml\)|\1 \&\& sed -i s/8443/$port/ \$D/edgeway.yaml|" \
    -e "s|^\(edgeway serve .*\) &$|\1 2>\$D/log \& echo \$! >\$D/pid\nfor _ in \$(seq 200); do grep -q 'listening on' \$D/log \&\& break; sleep 0.05; done|" \
    -e "s|^curl |curl -sS --fail -o \$D/models.json |; s|localhost:8443|localhost:$port|" \
    <<<"$block" >"$tmp/setup.sh"
cat >>"$tmp/setup.sh" <<SH
$revoke
for _ in \$(seq 200); do grep -q 'config reloaded' \$D/log && break; sleep 0.05; done
if curl -sS --cacert \$D/pki/ca.crt --cert \$D/pki/alice.crt --key \$D/pki/alice.key \\
        https://localhost:$port/v1/models 2>\$D/curl.err; then echo 'revoked alice got in'; exit 1; fi
grep 'certificate revoked' \$D/curl.err
# The daemon logs the refusal after its alert reached curl: wait for the line.
for _ in \$(seq 200); do grep -q 'certificate has been revoked' \$D/log && break; sleep 0.05; done
grep 'client certificate refused: The certificate has been revoked' \$D/log
SH
if ! bash -e "$tmp/setup.sh" >"$tmp/out" 2>&1; then
    cat "$tmp/setup.sh" "$tmp/out" "$tmp/edgeway/log" >&2
    exit 1
fi
grep -q '"object":"list"' "$tmp/edgeway/models.json" || { cat "$tmp/out" >&2; exit 1; }
echo "test_trust_setup: ok ($n commands)"
