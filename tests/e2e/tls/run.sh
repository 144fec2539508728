#!/usr/bin/env bash
# The OpenAI Node SDK over https and mTLS against `edgeway serve`.
#   tests/e2e/tls/run.sh [path/to/edgeway]      (default build/edgeway)
# Needs node and npm; installs the SDK (package.json) into this folder once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../.." && pwd)
bin=${1:-${EW_BIN:-$src/build/edgeway}}
command -v node >/dev/null && command -v npm >/dev/null || { echo "run.sh: needs node and npm" >&2; exit 1; }
[ -d "$here/node_modules/openai" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$src/certs/dev-ca.sh" test "$tmp/pki"
printf 'x' >"$tmp/tiny.gguf"
cat >"$tmp/edgeway.yaml" <<YAML
version: 1
server:
  listen:
    - address: 127.0.0.1:0
      tls: {cert: pki/server.crt, key: pki/server.key}
    - address: 127.0.0.1:0
      tls: {cert: pki/server.crt, key: pki/server.key, client_ca: pki/ca.crt, client_crl: pki/ca.crl}
models:
  - {name: tiny, path: tiny.gguf}
YAML
"$bin" serve -c "$tmp/edgeway.yaml" 2>"$tmp/log" &
pid=$!
for _ in $(seq 100); do
    [ "$(grep -c 'listening on' "$tmp/log")" -ge 2 ] && break
    sleep 0.1
done
ports=($(grep -o 'listening on 127.0.0.1:[0-9]*' "$tmp/log" | cut -d: -f2))
[ ${#ports[@]} -eq 2 ] || { cat "$tmp/log" >&2; exit 1; }
node "$here/sdk_tls.mjs" "${ports[0]}" "${ports[1]}" "$tmp/pki"
