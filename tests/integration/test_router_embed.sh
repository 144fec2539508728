#!/usr/bin/env bash
# examples/router_embed.c: the library as a phone app embeds it (push device
# state, decide, refuse a broken policy, replace it) runs and decides as its
# policy (conf/phone.yaml) says.
set -u
build=${EW_BUILD:?EW_BUILD must point at the build directory}
src=${EW_SRC:-.}
out=$(cd "$src" && "$build/example_router_embed" conf/phone.yaml 2>&1)
rc=$?
fails=0
fail() {
    echo "FAIL: $*" >&2
    fails=$((fails + 1))
}
[ "$rc" -eq 0 ] || fail "exit status $rc"
expect() {
    grep -qF -- "$1" <<<"$out" || fail "missing: $1"
}
# Charging and cool: the poem stays on the device.
expect "route: local on stories  (rule default, difficulty"
# Low power: the cloud, except for the IBAN, which never leaves the device.
expect "route: remote via cloud  (rule battery-saver"
expect "never_remote iban=1: remote via 'cloud' would send it off the device"
# Policy replacement: a typo is refused with its place, the new policy applies.
expect "[policy] refused: pushed.yaml:2:20:"
expect "[policy] replaced"
expect "route: local  (rule poems-ok"
expect "shown to the user: cloud use is paused by IT"
# The card number is counted, never printed back in a reason.
if grep -q "4111" <<<"$(grep 'why:' <<<"$out")"; then fail "a reason quotes the card number"; fi
if [ "$fails" -ne 0 ]; then
    echo "$out" >&2
    exit 1
fi
echo "ok"
