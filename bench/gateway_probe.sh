#!/bin/sh
# Where a request's time goes inside the gateway, from an LD_PRELOAD probe
# on its recv/send/epoll_wait (bench/probe/gateway_probe.c), for one
# bench_gateway case:
#  - in the gateway: a client's request read to its response's send;
#  - answer side: an upstream read to the next client send;
#  - held back: client sends with another transfer's upstream traffic
#    between the upstream read before them and them;
#  - epoll_wait calls per request, and of them non-blocking (the spins').
#
#   bench/gateway_probe.sh [BUILD_DIR] [case] [rate] [seconds] [EDGEWAY]
#   (defaults: build, "stream 1 KiB", 5000 req/s, 2 s, BUILD_DIR/edgeway)
#
# Wall-clock times, which move with the machine's load: compare builds
# alternated in one sitting (EDGEWAY names the other build's binary).
# Needs cc and python3.
set -eu
build=${1:-build}
case=${2:-stream 1 KiB}
rate=${3:-5000}
secs=${4:-2}
bin=${5:-$(cd "$build" && pwd)/edgeway}
src=$(cd "$(dirname "$0")" && pwd)/probe/gateway_probe.c
out=$(mktemp -d /tmp/ew_gw_probe_XXXXXX)
cc -O2 -shared -fPIC -o "$out/probe.so" "$src" -ldl
cat >"$out/edgeway" <<EOF
#!/bin/sh
export LD_PRELOAD="$out/probe.so" PROBE_OUT="$out/events.bin"
exec "$bin" "\$@"
EOF
chmod +x "$out/edgeway"
"$build/bench_gateway" --bin "$out/edgeway" --nginx none --no-saturation --rounds 1 \
    "$rate" "$secs" "$case" | grep "KiB"
python3 - "$out/events.bin" <<'EOF'
import struct, sys
RECV_C, SEND_C, RECV_U, SEND_U, EPW, EPW_DONE = range(6)
ev = list(struct.iter_unpack('<Qiiq', open(sys.argv[1], 'rb').read()))
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * p))] if v else 0
inside, answer, held, polls, spins = [], [], 0, 0, 0
read_at = {}    # client fd -> when its request was read
last_up = None  # index of the last upstream read not yet answered
for i, (t, fd, kind, arg) in enumerate(ev):
    if kind == RECV_C and arg > 0:
        read_at.setdefault(fd, t)
    elif kind == RECV_U and arg > 0:
        last_up = i
    elif kind == SEND_C:
        if fd in read_at:
            inside.append((t - read_at.pop(fd)) / 1000)
        if last_up is not None:
            answer.append((t - ev[last_up][0]) / 1000)
            held += any(k in (SEND_U, RECV_U) for _, _, k, _ in ev[last_up + 1:i])
            last_up = None
    elif kind == EPW:
        polls += 1
        spins += arg == 0
n = len(inside) or 1
print(f'{len(inside)} requests')
for name, v in (('in the gateway', inside), ('answer side', answer)):
    print('%-15s p50 %6.1f  p90 %7.1f  p99 %7.1f us' % (name, pct(v, .5), pct(v, .9), pct(v, .99)))
print(f'held back       {held} client sends')
print(f'epoll_wait      {polls / n:.1f} per request, {spins / n:.1f} of them non-blocking')
EOF
rm -rf "$out"
