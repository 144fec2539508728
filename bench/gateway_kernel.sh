#!/bin/sh
# What the kernel does per request for the gateway (or nginx), for one
# bench_gateway case at a fixed rate:
#  - system calls per request, in all and by call (perf stat on
#    raw_syscalls:sys_enter and syscalls:sys_enter_<call> for the socket,
#    epoll and memory calls);
#  - TCP segments per request on each hop, data and pure ACKs, from the
#    proxy's sockets' own counters (ss -ti: segs_in/out, data_segs_in/out;
#    "client" = sockets on the proxy's listening port, "upstream" = the
#    rest), and the namespace's nstat deltas (delayed ACKs, ...);
#  - the proxy's CPU per request, user and system (/proc/PID/stat), and the
#    system part split by the system call it ran under and by kernel
#    function (perf record -e cpu-clock -g; other = interrupts/softirq
#    that landed on the process outside a system call).
#
#   bench/gateway_kernel.sh [BUILD_DIR] [case] [rate] [seconds] [EDGEWAY|nginx] [BUSY_POLL_US]
#   (defaults: build, "whole 1 KiB", 5000 req/s, 6 s, BUILD_DIR/edgeway;
#   EW_KERNEL_KEEP=1 keeps the raw data in /tmp/ew_gw_kernel_*)
#
# It runs in a new network namespace (unshare -n, needs root) so that the
# segment counters see the bench's traffic only, and measures in three
# windows of the proxy's run, each (seconds - 0.7) / 3 long (see below).
# Counts are not noisy; the times move with the machine's load.
set -eu
if [ "${EW_KERNEL_NS:-}" != 1 ]; then
    EW_KERNEL_NS=1 exec unshare -n "$0" "$@"
fi
ip link set lo up
build=${1:-build}
case=${2:-whole 1 KiB}
rate=${3:-5000}
secs=${4:-6}
bin=${5:-$(cd "$build" && pwd)/edgeway}
poll=${6:-}
out=$(mktemp -d /tmp/ew_gw_kernel_XXXXXX)
if [ "$bin" = nginx ]; then
    who=nginx
    set -- --bin "$(cd "$build" && pwd)/edgeway"
else
    who=edgeway
    set -- --bin "$bin" --nginx none
fi
[ -n "$poll" ] && set -- "$@" --busy-poll "$poll"
"$build/bench_gateway" "$@" --no-saturation --rounds 1 "$rate" "$secs" "$case" >"$out/bench.txt" &
bench=$!
# The proxy: the bench's child named edgeway or nginx.
pid=
while [ -z "$pid" ]; do
    sleep 0.05
    for p in $(pgrep -P $bench); do
        [ "$(cat /proc/$p/comm)" = "$who" ] && pid=$p
    done
done
calls=
for c in recvfrom sendto recvmsg sendmsg read write readv writev poll ppoll epoll_wait epoll_pwait \
    epoll_ctl accept4 close socket connect getsockopt setsockopt ioctl brk mmap munmap futex; do
    calls="$calls${calls:+,}syscalls:sys_enter_$c"
done
# Counting from now on, in 200 ms intervals (setting up the tracepoints
# takes seconds on a busy machine); the busy intervals are picked below.
perf stat -I 200 -x, -e "$calls,raw_syscalls:sys_enter" -p "$pid" -o "$out/stat.txt" 2>/dev/null &
counting=$!
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
# Its run starts when its CPU time climbs steadily (the direct run comes
# first; with nginx, the gateway's run too).
busy=0
c0=$(cpu)
while [ $busy -lt 3 ]; do
    sleep 0.1
    c1=$(cpu)
    if [ $((c1 - c0)) -ge 2 ]; then busy=$((busy + 1)); else busy=0; fi
    c0=$c1
done
win=$(python3 -c "print(max(0.3, ($secs - 0.7) / 3))")
port=$(ss -tlnpH | grep "pid=$pid," | head -1 | awk '{print $4}' | sed 's/.*://')
snap() { ss -tinpH | awk -v p="pid=$pid," 'index($0, p) { s = $4 " " $5; getline; print s, $0 }'; }
# Three windows: segments and CPU time with nothing else attached, then
# the system calls counted, then the profile (each would disturb the others).
snap >"$out/ss0"
export NSTAT_HISTORY="$out/nstat.hist"
nstat -n
awk '{print $14, $15}' /proc/$pid/stat >"$out/cpu0"
sleep "$win"
awk '{print $14, $15}' /proc/$pid/stat >"$out/cpu1"
nstat -z >"$out/nstat.txt"
snap >"$out/ss1"
sleep "$win"
kill -INT $counting
perf record -q -e cpu-clock -F 20000 -g -p "$pid" -o "$out/perf.data" -- sleep "$win" 2>/dev/null
perf script -i "$out/perf.data" -F comm,tid,ip,sym 2>/dev/null >"$out/script.txt"
wait $bench
cat "$out/bench.txt"
python3 - "$out" "$port" "$who" "$(getconf CLK_TCK)" "$rate" "$win" <<'EOF'
import collections, re, sys
out, port, who, tck = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rate, win = float(sys.argv[5]), float(sys.argv[6])
def sockets(name):
    socks = {}
    for line in open(f'{out}/{name}'):
        local, rest = line.split(' ', 1)
        m = dict(re.findall(r'\b(segs_out|segs_in|data_segs_out|data_segs_in|bytes_sent|bytes_received):(\d+)', rest))
        peer, rest = rest.split(' ', 1)
        s = {k: int(v) for k, v in m.items()}
        s['client'] = local.endswith(':' + port)
        socks[local + ' ' + peer] = s
    return socks
# Each hop's counters summed over the sockets open at both ends of the
# window. Requests in it: the client side's data segments in (one each,
# checked by the bytes per segment printed below).
a, b = sockets('ss0'), sockets('ss1')
d = {True: collections.Counter(), False: collections.Counter()}
for k in a.keys() & b.keys():
    d[a[k]['client']].update({f: b[k][f] - a[k].get(f, 0) for f in b[k] if f != 'client'})
n = d[True].get('data_segs_in', 0) or 1
print(f'\n{who}: {n} requests in the window (client data segments in)')
for c, name in ((True, 'client hop'), (False, 'upstream hop')):
    x = d[c]
    g = lambda k: x.get(k, 0) / n
    print('%-13s per request: in %.2f segments (%.2f data, %.2f pure ACKs), out %.2f (%.2f data, %.2f pure ACKs); %.0f bytes in, %.0f out'
          % (name, g('segs_in'), g('data_segs_in'), g('segs_in') - g('data_segs_in'), g('segs_out'),
             g('data_segs_out'), g('segs_out') - g('data_segs_out'), g('bytes_received'), g('bytes_sent')))
ns = {}
for line in open(f'{out}/nstat.txt'):
    f = line.split()
    if len(f) >= 2 and f[0][0].isalpha(): ns[f[0]] = int(f[1])
print('namespace per request: ' + ', '.join('%s %.3f' % (k, ns.get(k, 0) / n) for k in
      ('TcpInSegs', 'TcpOutSegs', 'TcpExtDelayedACKs', 'TcpExtTCPPureAcks', 'TcpExtTCPHPAcks',
       'TcpExtTCPHPHits', 'TcpExtTCPAutoCorking', 'TcpRetransSegs')))
u0, s0 = map(int, open(f'{out}/cpu0').read().split())
u1, s1 = map(int, open(f'{out}/cpu1').read().split())
us = 1e6 / tck
print('CPU per request: user %.1f us, system %.1f us' % ((u1 - u0) * us / n, (s1 - s0) * us / n))
# perf stat's 200 ms intervals: those of the proxy's run, less its first
# and last (the run starts and ends in them); the requests in them are the
# offered rate times their length (an open loop below saturation).
iv = collections.defaultdict(collections.Counter)
for line in open(f'{out}/stat.txt'):
    f = line.strip().split(',')
    if len(f) > 3 and 'sys_enter' in f[3]:
        try: iv[float(f[0])][f[3].split(':')[1].replace('sys_enter_', '')] += float(f[1])
        except ValueError: pass
ts = sorted(iv)
top = max((iv[t]['sys_enter'] for t in ts), default=0)
run = [t for t in ts if iv[t]['sys_enter'] >= top / 2][1:-1]
calls = collections.Counter()
for t in run: calls.update(iv[t])
req = rate * 0.2 * len(run) or 1
print('system calls per request (%d intervals of 200 ms): ' % len(run) + ', '.join(
    '%s %.2f' % (k.replace('sys_enter', 'all'), v / req) for k, v in calls.most_common() if v / req >= 0.005))
# perf record over the window. Kernel samples by the system call they ran
# under and by leaf function.
samples = kern = 0
by_call, by_leaf, by_kind = collections.Counter(), collections.Counter(), collections.Counter()
stack = []
def flush():
    global samples, kern
    if not stack: return
    samples += 1
    leaf = stack[0]
    if leaf[0] >= 0xffff000000000000:
        kern += 1
        by_leaf[leaf[1]] += 1
        # The system call: the frame do_syscall_64 called (its name less
        # the __x64_sys_/__do_sys_/do_ prefix).
        call = 'other (irq/softirq/fault)'
        syms = [sym for ip, sym in stack]
        if 'do_syscall_64' in syms and syms.index('do_syscall_64') > 0:
            call = re.sub(r'^(__x64_sys_|__do_sys_|__se_sys_|__sys_|do_)', '', syms[syms.index('do_syscall_64') - 1])
        by_call[call] += 1
        # What the time went to, by the first of these on the stack.
        for name, marks in (('waking the peer (sock_def_readable)', ('sock_def_readable',)),
                            ('being switched out and back in (__schedule)', ('__schedule',)),
                            ("the receiver's TCP (tcp_v4_rcv, in the sender's call)", ('tcp_v4_rcv',)),
                            ('copying to/from user space', ('_copy_to_iter', '_copy_from_iter',
                                                             'copy_user_generic', '__check_object_size'))):
            if any(m in syms for m in marks):
                by_kind[name] += 1
                break
        else:
            by_kind['the rest'] += 1
    stack.clear()
for line in open(f'{out}/script.txt'):
    if not line.strip():
        flush(); continue
    if not line.startswith(('\t', ' ')):
        flush(); continue
    f = line.split(None, 1)
    try: ip = int(f[0], 16)
    except ValueError: continue
    sym = f[1].split('+')[0].strip() if len(f) > 1 else '?'
    stack.append((ip, sym))
flush()
if samples:
    # Shares of the profile's kernel samples, and the same shares of the
    # system time per request measured with nothing attached (perf's own
    # sampling makes the profiled window's CPU time larger).
    sys_us = (s1 - s0) * us / n
    share = lambda v: '%.0f %% (%.1f us)' % (100 * v / kern, sys_us * v / kern)
    print('perf: %d samples, %.0f %% of them in the kernel; its share of the %.1f us of system time a request:'
          % (samples, 100 * kern / samples, sys_us))
    print('  by system call: ' + ', '.join('%s %s' % (k, share(v)) for k, v in by_call.most_common(6)))
    print('  by what: ' + ', '.join('%s %s' % (k, share(v)) for k, v in by_kind.most_common()))
    print('  by kernel function:')
    for k, v in by_leaf.most_common(15):
        print('    %s  %s' % (share(v), k))
EOF
[ -n "${EW_KERNEL_KEEP:-}" ] || rm -rf "$out"
