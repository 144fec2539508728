#!/usr/bin/env bash
# Installs the OpenAI Node SDK pinned by tests/e2e/package-lock.json into
# DIR/node_modules with `npm ci`, once per lockfile, for every test that
# drives the SDK (test_e2e_openai.sh, test_e2e_tls.sh). The lock keeps two
# tests that ctest runs in parallel from installing over each other.
#   tests/e2e/install.sh DIR
set -euo pipefail
work=${1:?usage: install.sh DIR}
src=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "tests/e2e/install.sh: node and npm are required (scripts/deps.sh installs them)" >&2
    exit 1
fi
mkdir -p "$work"
exec 9>"$work/.install.lock"
flock 9
cp "$src/package.json" "$src/package-lock.json" "$work/"
stamp="$work/node_modules/.edgeway-lock"
if ! cmp -s "$work/package-lock.json" "$stamp" 2>/dev/null; then
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$work/package-lock.json" "$stamp"
fi
