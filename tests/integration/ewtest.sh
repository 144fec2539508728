# Sourced by the shell integration tests (not a test itself: ctest runs
# test_*.sh): EW_BIN as $bin, a scratch $tmp removed at exit, and fail /
# expect_rc that count failures in $fails.
bin=${EW_BIN:?EW_BIN must point at the edgeway binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

fail() {
    echo "FAIL: $*" >&2
    fails=$((fails + 1))
}

# expect_rc WANT DESCRIPTION -- runs the rest, keeps stdout/stderr in $tmp.
expect_rc() {
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [ "$rc" -eq "$want" ] || fail "$what: exit $rc, want $want (stderr: $(cat "$tmp/err"))"
}
