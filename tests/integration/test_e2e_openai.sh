#!/usr/bin/env bash
# The end-to-end suite (tests/e2e): the official OpenAI Node SDK, pinned by
# tests/e2e/package-lock.json, against two real `edgeway serve` processes.
# The SDK is installed with `npm ci` into the build tree (once per lockfile),
# so the source tree stays clean and a fresh machine needs only npm's registry.
set -euo pipefail
: "${EW_BIN:?}" "${EW_SRC:?}" "${EW_BUILD:?}" "${EW_SHARED:?}"
work="$EW_BUILD/e2e"
bash "$EW_SRC/tests/e2e/install.sh" "$work"
# Every suite that needs only the two plain-HTTP gateways; tls.test.mjs has
# its own runner (test_e2e_tls.sh) because it needs the dev CA.
suites=()
for f in "$EW_SRC"/tests/e2e/*.test.mjs; do
    [ "$(basename "$f")" = tls.test.mjs ] && continue
    cp "$f" "$work/"
    suites+=("$work/$(basename "$f")")
done
exec node --test --test-reporter=spec "${suites[@]}"
