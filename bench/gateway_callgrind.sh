#!/bin/sh
# Instructions per request in the gateway process on the remote route,
# counted by callgrind (deterministic, unlike time on a shared machine).
#
#   bench/gateway_callgrind.sh [BUILD_DIR] [case] [rate] [seconds]
#   (defaults: build, "whole 1 KiB", 50 req/s, 3 s counted)
#
# bench_gateway runs one round of the case with the gateway under
# valgrind; once its gateway run is warm, the counters are zeroed, `seconds`
# of requests are counted and dumped, and the dump is divided by the number
# of chat requests it served (calls of ew__ep_chat). Prints the total per
# request and the inclusive cost of the main steps, then the top functions
# by self cost. Needs valgrind (callgrind_control, callgrind_annotate).
set -eu
build=${1:-build}
case=${2:-whole 1 KiB}
rate=${3:-50}
secs=${4:-3}
out=$(mktemp -d /tmp/ew_gw_cg_XXXXXX)
bin=$(cd "$build" && pwd)/edgeway
cat >"$out/edgeway" <<EOF
#!/bin/sh
echo \$\$ >"$out/pid"
exec valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$bin" "\$@"
EOF
chmod +x "$out/edgeway"

# One direct run (0.3 s warm-up + run), then the gateway run of as long:
# count in its middle.
run=$((secs + 3))
stdbuf -oL "$build/bench_gateway" --bin "$out/edgeway" --rounds 1 "$rate" "$run" "$case" \
    >"$out/bench.txt" 2>&1 &
bench=$!
while ! grep -q "p50 us" "$out/bench.txt" 2>/dev/null; do
    sleep 0.2
    kill -0 "$bench" 2>/dev/null || { cat "$out/bench.txt"; exit 1; }
done
pid=$(cat "$out/pid")
sleep $((run + 2))
callgrind_control -z "$pid" >/dev/null
sleep "$secs"
callgrind_control -d "$pid" >/dev/null
wait "$bench" || true
sleep 1
dump=$(ls "$out"/cg.out.* | head -n 1)
python3 - "$dump" <<'EOF'
import re, subprocess, sys
dump = sys.argv[1]
# Requests counted: calls of ew__ep_chat in the dump.
n = 0
fns = {}
cur = None
cfn = None
text = open(dump).read().splitlines()
for line in text:
    m = re.match(r'(c?fn)=\((\d+)\)(?: (.*))?', line)
    if m:
        key, num, name = m.groups()
        if name: fns[num] = name
        if key == 'fn': cur = fns[num]
        else: cfn = fns[num]
        continue
    m = re.match(r'calls=(\d+)', line)
    if m and cfn == 'ew__ep_chat':
        n += int(m.group(1))
ann = subprocess.run(['callgrind_annotate', '--inclusive=yes', '--threshold=100', dump],
                     capture_output=True, text=True).stdout
total = 0
incl = {}
for line in ann.splitlines():
    m = re.match(r'\s*([\d,]+) \([^)]*\)\s+(\S+)', line)
    if m:
        cost = int(m.group(1).replace(',', ''))
        name = m.group(2).split(':')[-1]
        incl.setdefault(name, cost)
    if 'PROGRAM TOTALS' in line:
        total = int(line.split()[0].replace(',', ''))
print(f'{n} chat requests, {total / max(n, 1) / 1000:.1f}k instructions each')
steps = [('PII scan', 'ew_pii_scan'), ('decision', 'ew_router_decide'),
         ('request parse', 'ew_request_parse_json'),
         ('upstream body', 'ew__openai_write_request'),
         ('answer parse (whole)', 'ew__openai_parse_response'),
         ('answer parse (chunks)', 'ew__openai_parse_chunk'),
         ('curl_multi_socket_action', 'curl_multi_socket_action'),
         ('event_base_loop', 'event_base_loop')]
for label, fn in steps:
    if fn in incl:
        print(f'  {label:26s} {incl[fn] / max(n, 1) / 1000:8.1f}k  ({fn}, inclusive)')
EOF
echo "per-request profile: python3 cgparse on the dump"
echo "dump: $dump"
