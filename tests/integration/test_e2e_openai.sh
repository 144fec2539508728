#!/usr/bin/env bash
# The end-to-end suite (tests/e2e): the official OpenAI Node SDK, pinned by
# tests/e2e/package-lock.json, against two real `edgeway serve` processes.
# The SDK is installed with `npm ci` into the build tree (once per lockfile),
# so the source tree stays clean and a fresh machine needs only npm's registry.
set -euo pipefail
: "${EW_BIN:?}" "${EW_SRC:?}" "${EW_BUILD:?}" "${EW_SHARED:?}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "test_e2e_openai: node and npm are required (scripts/deps.sh installs them)" >&2
    exit 1
fi
src="$EW_SRC/tests/e2e"
work="$EW_BUILD/e2e"
mkdir -p "$work"
cp "$src/package.json" "$src/package-lock.json" "$src"/*.test.mjs "$work/"
stamp="$work/node_modules/.edgeway-lock"
if ! cmp -s "$work/package-lock.json" "$stamp" 2>/dev/null; then
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$work/package-lock.json" "$stamp"
fi
exec node --test --test-reporter=spec "$work"/*.test.mjs
