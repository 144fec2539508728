#!/usr/bin/env bash
# edgeway check: a typo'd key is named with its line and column; exit codes
# are 0 (valid), 1 (errors) and 2 (usage).
set -u
. "$(dirname "$0")/ewtest.sh"
src=${EW_SRC:-.}

cat >"$tmp/typo.yaml" <<'YAML'
version: 1
server:
  lisen:
    - 127.0.0.1:8080
log:
  level: loud
YAML
expect_rc 1 "typo'd key" "$bin" check -c "$tmp/typo.yaml"
grep -qxF "$tmp/typo.yaml:3:3: unknown key 'lisen' (did you mean 'listen'?)" "$tmp/err" ||
    fail "typo'd key not reported at 3:3: $(cat "$tmp/err")"
grep -qF "$tmp/typo.yaml:6:10: 'level': expected one of debug, info, warn, error; got 'loud'" \
    "$tmp/err" || fail "second error missing: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" -eq 2 ] || fail "want exactly 2 error lines: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "errors must go to stderr only"

expect_rc 0 "default config" "$bin" check -c "$src/conf/edgeway.yaml"
grep -q "ok: 1 listener, 1 model, 0 backends, 0 rules" "$tmp/out" ||
    fail "summary: $(cat "$tmp/out")"

printf 'version: 1\nbackends:\n  - {name: c, base_url: "https://x/v1", api_key: sk-1}\n' \
    >"$tmp/key.yaml"
expect_rc 1 "inline key" "$bin" check -c "$tmp/key.yaml"
grep -q "key.yaml:3:41: 'api_key': an inline API key is not allowed" "$tmp/err" ||
    fail "inline key: $(cat "$tmp/err")"
grep -q "sk-1" "$tmp/err" && fail "the key itself was echoed"

expect_rc 1 "missing file" "$bin" check -c "$tmp/nope.yaml"
grep -q "nope.yaml: cannot open the config" "$tmp/err" || fail "missing file: $(cat "$tmp/err")"
expect_rc 0 "--help" "$bin" check --help
grep -q "usage: edgeway check -c FILE" "$tmp/out" || fail "--help text"
expect_rc 2 "no -c" "$bin" check
expect_rc 2 "unknown flag" "$bin" check --bogus

[ "$fails" -eq 0 ] && echo "test_check: ok"
exit $((fails > 0))
