#!/usr/bin/env bash
# edgeway route: an OpenAI request on stdin -> the decision as JSON, with the
# enterprise example policy; PII shows up as counts, never as values.
set -u
. "$(dirname "$0")/ewtest.sh"
src=${EW_SRC:-.}
conf="$src/conf/enterprise.yaml"

# check NAME JSON-REQUEST PYTHON-ASSERTION [route flags...]
check() {
    local name=$1 body=$2 expr=$3
    shift 3
    if ! printf '%s' "$body" | "$bin" route -c "$conf" "$@" >"$tmp/out" 2>"$tmp/err"; then
        fail "$name: exit $? ($(cat "$tmp/err"))"
        return
    fi
    python3 - "$tmp/out" "$expr" <<'PY' || fail "$name: $(cat "$tmp/out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert eval(sys.argv[2]), sys.argv[2]
PY
}

chat() { printf '{"model":"auto","messages":[{"role":"user","content":"%s"}]}' "$1"; }

check "plain question stays local" "$(chat 'Tell me a story about a cat.')" \
    'd["route"] == "local" and d["rule"] == "default" and d["model"] == "stories"'
check "a secret stays home" "$(chat 'My key is AKIAZ7QWERTYUIOP1234, is it valid?')" \
    'd["route"] == "local" and d["rule"] == "secrets-and-ids-stay-home" and d["features"]["pii"] == {"secret": 1} and "AKIA" not in json.dumps(d)'
check "low battery goes out" "$(chat 'hi')" \
    'd["route"] == "remote" and d["backend"] == "openai" and d["rule"] == "save-battery" and d["features"]["battery"] == 15' \
    --device battery=15,charging=0
check "hot device" "$(chat 'hi')" \
    'd["route"] == "remote" and d["rule"] == "cool-a-hot-device" and d["features"]["thermal"] == "critical"' \
    --device "thermal=critical"
check "breaker open: fallback" "$(chat 'hi')" \
    'd["route"] == "remote" and d["backend"] == "backup" and d["fell_back"] and any("fallback 1" in r for r in d["reasons"])' \
    --device battery=15,charging=0 --down openai
check "hot but holding an SSN-like secret stays home" \
    "$(chat 'password=hunter2hunter2 please check')" \
    'd["route"] == "local" and "hunter2" not in json.dumps(d)' --device thermal=critical
check "queue backed up" "$(chat 'hi')" 'd["route"] == "remote" and d["rule"] == "spill-over"' \
    --queue 20/32
# The shipped weights (built into the library; enterprise.yaml names no
# weights file) score a code request as hard.
hard_q='make me a javascript code to find an object by its name deep inside a given object, make sure that this code does not use recursion and can return the path used to reach the object'
check "personal data meets a hard question: split" \
    "$(chat "Maria Lopez (maria.lopez@example.com) asked me: $hard_q")" \
    'd["route"] == "split" and d["backend"] == "openai" and d["rule"] == "personal-data-hard-question" and d["features"]["pii"].get("email") == 1 and d["features"]["difficulty"] >= 0.6 and "maria" not in json.dumps(d).lower()'
check "a hard question without personal data: the big model" "$(chat "$hard_q")" \
    'd["route"] == "remote" and d["rule"] == "hard-question" and d["backend"] == "openai"'
check "the request header wins over nothing pushed" "$(chat 'hi')" \
    'd["features"]["battery"] == 55 and d["features"]["thermal"] == "serious" and d["rule"] == "cool-a-hot-device"' \
    --device "battery=55%; thermal=moderate"
"$bin" check -c "$conf" >"$tmp/check" 2>&1 || fail "edgeway check enterprise.yaml: $(cat "$tmp/check")"
check "completions request" '{"model":"auto","prompt":"Once upon a time"}' \
    'd["route"] == "local" and d["features"]["prompt_bytes"] == 16'

# Difficulty: a tiny model trained here (long math-heavy prompts are hard,
# short chat is easy) steers the enterprise policy's hard-question rule.
shared=${EW_SHARED:-$src/../shared}
{
    echo prompt
    for i in 1 2 3 4 5 6 7 8; do
        echo "\"Prove that the sum of the first $i$i odd numbers is a square; then solve x^2 + ${i}x - 7 = 0 and integrate (x+$i)/(x^2+1) from 0 to $i. Show every step.\""
    done
} >"$tmp/hard.csv"
{
    echo prompt
    for w in hello thanks hi "good morning" "tell me a joke" "how are you" "nice day" "see you"; do
        echo "\"$w\""
    done
} >"$tmp/easy.csv"
if "$bin" difficulty train -o "$tmp/tiny.weights" --pos "$tmp/hard.csv" --neg "$tmp/easy.csv" \
    --bits 10 --iters 50 >"$tmp/train" 2>&1; then
    sed -e "s#path: .*stories260K.gguf#path: $shared/models/stories260K.gguf#" \
        -e "s#^  threshold: 0.6 .*#  threshold: 0.6\n  weights: tiny.weights#" "$conf" >"$tmp/hard.yaml"
    conf_saved=$conf
    conf="$tmp/hard.yaml"
    check "an easy question stays local, with its difficulty" "$(chat 'hi there')" \
        'd["route"] == "local" and d["features"]["difficulty"] < 0.5'
    check "a hard question goes out, and says why" \
        "$(chat 'Prove that the sum of the first 9 odd numbers is a square; then solve x^2 + 3x - 7 = 0 and integrate (x+2)/(x^2+1) from 0 to 5. Show every step.')" \
        'd["route"] == "remote" and d["rule"] == "hard-question" and d["features"]["difficulty"] >= 0.6 and any("threshold 0.60" in r for r in d["reasons"])'
    printf 'bad\n' >"$tmp/bad.weights"
    sed -e "s#weights: tiny.weights#weights: bad.weights#" "$tmp/hard.yaml" >"$tmp/badw.yaml"
    chat hi | "$bin" route -c "$tmp/badw.yaml" >/dev/null 2>"$tmp/err" && fail "bad weights accepted"
    grep -q "badw.yaml:[0-9]*:12: 'weights'" "$tmp/err" || fail "bad weights message: $(cat "$tmp/err")"
    "$bin" check -c "$tmp/badw.yaml" >/dev/null 2>"$tmp/err" && fail "check: bad weights accepted"
    grep -q "badw.yaml:[0-9]*:12: 'weights'" "$tmp/err" || fail "check: bad weights: $(cat "$tmp/err")"
    "$bin" check -c "$tmp/hard.yaml" >/dev/null 2>"$tmp/err" || fail "check: good weights: $(cat "$tmp/err")"
    conf=$conf_saved
else
    fail "difficulty train: $(cat "$tmp/train")"
fi

# Errors: a bad request body, a bad device string, a broken config.
printf '{"messages": 3}' | "$bin" route -c "$conf" >/dev/null 2>"$tmp/err" &&
    fail "bad request accepted"
grep -q "bad request" "$tmp/err" || fail "bad request message: $(cat "$tmp/err")"
chat hi | "$bin" route -c "$conf" --device battery=200 >/dev/null 2>"$tmp/err" &&
    fail "bad --device accepted"
grep -q "battery=200" "$tmp/err" || fail "bad device message: $(cat "$tmp/err")"
printf 'version: 1\nroutng: {}\n' >"$tmp/bad.yaml"
chat hi | "$bin" route -c "$tmp/bad.yaml" >/dev/null 2>"$tmp/err" && fail "bad config accepted"
grep -q "bad.yaml:2:1: unknown key 'routng' (did you mean 'routing'?)" "$tmp/err" ||
    fail "bad config message: $(cat "$tmp/err")"
"$bin" route --help | grep -q "usage: edgeway route" || fail "--help"

# Without --weights the difficulty commands use the shipped weights built in,
# from any directory: the same scores as the file itself.
prompt="Prove that sqrt(2) is irrational."
builtin=$(cd "$tmp" && echo "$prompt" | "$bin" difficulty score) || fail "score without --weights"
file=$(echo "$prompt" | "$bin" difficulty score --weights "$src/conf/difficulty.weights")
[ -n "$builtin" ] && [ "$builtin" = "$file" ] || fail "built-in weights: '$builtin' vs file '$file'"

# The embedding example runs end to end (as a phone app would use the library).
example="${EW_BUILD:-build}/example_router_embed"
if [ -x "$example" ]; then
    (cd "$src" && "$example") >"$tmp/ex" 2>&1 || fail "example_router_embed: $(cat "$tmp/ex")"
    grep -q "never_remote iban=1" "$tmp/ex" || fail "example: no never_remote decision"
    grep -q "\[policy\] refused: pushed.yaml:2:20" "$tmp/ex" || fail "example: broken policy"
    grep -q "shown to the user: cloud use is paused by IT" "$tmp/ex" || fail "example: deny"
    grep -q "route: remote via cloud  (rule battery-saver" "$tmp/ex" || fail "example: pushed state"
    grep -q "route: local on stories  (rule default, difficulty 0\.[0-9][0-9])" "$tmp/ex" ||
        fail "example: difficulty"
    grep "why:" "$tmp/ex" | grep -q "4111" && fail "example: a reason quotes the card number"
else
    fail "example_router_embed not built at $example"
fi

[ "$fails" -eq 0 ] && echo "test_route: ok"
exit $((fails > 0))
