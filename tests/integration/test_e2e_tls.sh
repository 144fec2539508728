#!/usr/bin/env bash
# The official OpenAI Node SDK over https and mTLS against `edgeway serve`
# (tests/e2e/tls.test.mjs), with the SDK install test_e2e_openai.sh uses.
# Node trusts the dev CA through NODE_EXTRA_CA_CERTS, as an admin would set it.
set -euo pipefail
: "${EW_BIN:?}" "${EW_SRC:?}" "${EW_BUILD:?}" "${EW_SHARED:?}"
work="$EW_BUILD/e2e"
bash "$EW_SRC/tests/e2e/install.sh" "$work"
cp "$EW_SRC/tests/e2e/tls.test.mjs" "$work/"
pki=$(mktemp -d)
trap 'rm -rf "$pki"' EXIT
"$EW_SRC/certs/dev-ca.sh" test "$pki"
"$EW_SRC/certs/dev-ca.sh" server "$pki/other" stranger >/dev/null
NODE_EXTRA_CA_CERTS="$pki/ca.crt" EW_PKI="$pki" \
    node --test --test-reporter=spec "$work/tls.test.mjs"
