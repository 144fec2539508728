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
# request and the inclusive cost of its main steps ("libcurl": what our code
# spends inside libcurl, its memory functions included, less our callbacks
# it runs). Needs valgrind
# (callgrind_control) and python3.
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
# Parses the dump itself (callgrind_annotate cannot after a zeroing): self
# cost per function, and the inclusive cost of each call edge.
import collections, re, sys
names, obs = {}, {}
selfc, edge, calls, obj = collections.Counter(), collections.Counter(), collections.Counter(), {}
cur = cfn = ob = None
pending = False
def ident(tab, s):
    m = re.match(r'\((\d+)\)(?: (.*))?', s)
    if not m: return s
    if m.group(2): tab[m.group(1)] = m.group(2)
    return tab.get(m.group(1), '?')
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line: continue
    if line[0].isdigit() or line[0] in '+-*':
        parts = line.split()
        if len(parts) < 2: continue
        if pending:
            edge[(cur, cfn)] += int(parts[1])
            pending = False
        else:
            selfc[cur] += int(parts[1])
            obj[cur] = ob
        continue
    k, _, v = line.partition('=')
    if k == 'ob': ob = ident(obs, v)
    elif k == 'cob': ident(obs, v)
    elif k == 'fn': cur = ident(names, v)
    elif k == 'cfn': cfn = ident(names, v)
    elif k == 'calls':
        calls[cfn] += int(v.split()[0])
        pending = True
n = calls['ew__ep_chat'] or 1
total = sum(selfc.values())
def incl(f):
    return selfc[f] + sum(c for (a, b), c in edge.items() if a == f and b != f)
def in_curl(f):
    return 'libcurl' in (obj.get(f) or '')
def ours(f):
    return 'edgeway' in (obj.get(f) or '')
# libcurl: what our code spends inside it, less our callbacks it calls
# (curl's memory functions, remote/curl_alloc.c, count as curl's).
def callback(f):
    return ours(f) and not f.startswith('ew__curl_')
into = sum(c for (a, b), c in edge.items() if ours(a) and in_curl(b))
back = sum(c for (a, b), c in edge.items() if in_curl(a) and callback(b))
rows = [('PII scan', incl('ew_pii_scan')),
        ('decision (rest)', incl('ew_router_decide') - incl('ew_pii_scan')),
        ('request parse', incl('ew__request_parse')),
        ('upstream body', incl('ew__openai_write_request')),
        ('answer parse', incl('ew__openai_parse_response') + incl('ew__openai_parse_chunk')),
        ('answer written', incl('ew__exec_done') + incl('ew__exec_text')),
        ('libcurl', into - back)]
print(f'{n} chat requests, {total / n / 1000:.1f}k instructions each')
rest = total
for label, c in rows:
    print(f'  {label:18s} {c / n / 1000:8.1f}k')
    rest -= c
print(f'  {"the rest":18s} {rest / n / 1000:8.1f}k')
EOF
echo "dump: $dump"
