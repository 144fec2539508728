#!/bin/sh
# The memory a gateway request touches: distinct 64-byte cache lines and
# 4 KiB pages of code and data per request, by object (edgeway, libcurl,
# libc, libevent; heap, stack, static data), counted from valgrind lackey's
# trace of every instruction and access (bench/probe/footprint.c). At
# 5,000 req/s each request arrives alone and finds little of this in the
# L1 caches (the kernel's network path and the other processes ran in
# between), so these counts are what a cold request has to fetch.
#
#   bench/gateway_footprint.sh [BUILD_DIR] [whole|stream] [requests] [EDGEWAY]
#   (defaults: build, whole, 12, BUILD_DIR/edgeway)
#
# A canned upstream (python, answering as bench_gateway's does) and the
# gateway under lackey; one keep-alive client sends the bench's 1 KiB chat
# request, one at a time, 0.5 s apart. The first two requests are warm-up.
# Takes ~3 minutes (lackey runs ~300x slower). Needs valgrind, cc, python3.
# Function names in a stripped library are its nearest exported symbol; put
# a symbolized libcurl first on LD_LIBRARY_PATH for curl's own names.
set -eu
build=${1:-build}
mode=${2:-whole}
n=${3:-12}
bin=${4:-$(cd "$build" && pwd)/edgeway}
src=$(cd "$(dirname "$0")" && pwd)/probe/footprint.c
out=$(mktemp -d /tmp/ew_gw_fp_XXXXXX)
cc -O2 -o "$out/footprint" "$src"
mkfifo "$out/trace"
# valgrind loads a position-independent executable at 0x108000.
off=$(nm "$bin" | awk '$3 == "ew__ep_chat" { print $1 }')
mark=$(printf '%x' $((0x108000 + 0x$off)))
"$out/footprint" "$mark" "$out" <"$out/trace" >"$out/windows.txt" &
cat >"$out/edgeway" <<EOF
#!/bin/sh
echo \$\$ >"$out/pid"
exec valgrind --tool=lackey --trace-mem=yes --log-file="$out/trace" "$bin" "\$@"
EOF
chmod +x "$out/edgeway"
(while [ ! -s "$out/windows.txt" ]; do sleep 1; done
 cat "/proc/$(cat "$out/pid")/maps" >"$out/maps") &
python3 - "$out/edgeway" "$n" "$mode" <<'EOF'
import os, re, socket, subprocess, sys, tempfile, threading, time
binp, n, stream = sys.argv[1], int(sys.argv[2]), sys.argv[3] == 'stream'
whole = ('{"id":"chatcmpl-canned","object":"chat.completion","created":1700000000,'
         '"model":"canned","choices":[{"index":0,"message":{"role":"assistant",'
         '"content":"The quick brown fox jumps over the lazy dog."},"finish_reason":"stop"}],'
         '"usage":{"prompt_tokens":12,"completion_tokens":10,"total_tokens":22}}').encode()
head = ('{"id":"c","object":"chat.completion.chunk","created":1700000000,"model":"canned",'
        '"choices":[')
events = [head + '{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}',
          head + '{"index":0,"delta":{"content":"The quick brown fox "},"finish_reason":null}]}',
          head + '{"index":0,"delta":{"content":"jumps over the lazy dog."},'
                 '"finish_reason":null}]}',
          head + '{"index":0,"delta":{},"finish_reason":"stop"}]}',
          head + '],"usage":{"prompt_tokens":12,"completion_tokens":10,"total_tokens":22}}',
          '[DONE]']
sse = ''.join('data: %s\n\n' % e for e in events).encode()
def upstream(c):
    buf = b''
    while True:
        while b'\r\n\r\n' not in buf:
            d = c.recv(65536)
            if not d: return
            buf += d
        h, _, rest = buf.partition(b'\r\n\r\n')
        cl = int(re.search(rb'(?i)content-length:\s*(\d+)', h).group(1))
        while len(rest) < cl:
            rest += c.recv(65536)
        body, buf = rest[:cl], rest[cl:]
        if b'"stream":true' in body:
            c.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n'
                      b'Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n' % (len(sse), sse))
        else:
            c.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n'
                      b'Content-Length: %d\r\n\r\n%s' % (len(whole), whole))
ls = socket.create_server(('127.0.0.1', 0))
def accept():
    while True:
        c, _ = ls.accept()
        threading.Thread(target=upstream, args=(c,), daemon=True).start()
threading.Thread(target=accept, daemon=True).start()
cfg = os.path.join(tempfile.mkdtemp(prefix='ew_gw_fp_'), 'edgeway.yaml')
with open(cfg, 'w') as f:
    f.write('version: 1\nserver: {listen: [127.0.0.1:0]}\n'
            'log: {level: info, access_log: false}\nauth: {allow_anonymous_loopback: true}\n'
            "backends:\n  - {name: up, base_url: 'http://127.0.0.1:%d/v1', max_retries: 0}\n"
            'routing: {default: remote}\n' % ls.getsockname()[1])
gw = subprocess.Popen([binp, 'serve', '-c', cfg, '--listen', '127.0.0.1:0'],
                      stderr=subprocess.PIPE, text=True)
port = None
for line in gw.stderr:
    m = re.search(r'listening on 127\.0\.0\.1:(\d+)', line)
    if m:
        port = int(m.group(1))
        break
threading.Thread(target=lambda: [None for _ in gw.stderr], daemon=True).start()
pre = ('{"model":"auto","messages":[{"role":"system","content":"You are terse."},'
       '{"role":"user","content":"')
post = '"}],"temperature":0.2,"max_tokens":64,"stream":%s}' % (
    'true,"stream_options":{"include_usage":true}' if stream else 'false')
pad = 1024 - len(pre) - len(post)
body = pre + ''.join('lorem ipsum dolor sit amet '[i % 27] for i in range(pad)) + post
req = ('POST /v1/chat/completions HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\n'
       'Content-Length: %d\r\n\r\n%s' % (len(body), body)).encode()
s = socket.create_connection(('127.0.0.1', port))
ok = 0
for _ in range(n + 1):  # the last one only closes the last window
    s.sendall(req)
    r = b''
    while not (b'\r\n\r\n' in r and (r.endswith(b'0\r\n\r\n') or r.endswith(b'}'))):
        r += s.recv(65536)
    ok += r.startswith(b'HTTP/1.1 200')
    time.sleep(0.5)
print('%d of %d answered 200' % (ok, n + 1))
gw.terminate()
gw.wait()
EOF
wait
python3 - "$out" <<'EOF'
import bisect, collections, os, subprocess, sys
d = sys.argv[1]
rows = [l.split() for l in open(f'{d}/windows.txt')][2:]
if not rows:
    sys.exit('no complete request windows')
key = lambda r, k: int(r[r.index(k) + 1])
rows.sort(key=lambda r: key(r, 'code_lines'))
mid = rows[len(rows) // 2]
w = mid[0]
print(f'{len(rows)} requests; the median one (by code lines):')
for k in ('ins', 'acc', 'code_lines', 'code_pages', 'data_lines', 'written_lines', 'data_pages'):
    print(f'  {k:14s} {key(mid, k):8d}   (all: {min(key(r, k) for r in rows)}-{max(key(r, k) for r in rows)})')
maps = []
for l in open(f'{d}/maps'):
    p = l.split()
    a, b = (int(x, 16) for x in p[0].split('-'))
    maps.append((a, b, p[1], int(p[2], 16), p[5] if len(p) > 5 else ''))
maps.sort()
starts = [m[0] for m in maps]
def where(a):
    i = bisect.bisect_right(starts, a) - 1
    return maps[i] if i >= 0 and maps[i][0] <= a < maps[i][1] else None
def name(m):
    return os.path.basename(m[4]) if m and m[4] else '(anonymous)'
syms = {}
def symbol(m, a):
    if m[4] not in syms:
        out = []
        for opt in (['-n', '--defined-only'], ['-n', '-D', '--defined-only']):
            r = subprocess.run(['nm'] + opt + [m[4]], capture_output=True, text=True).stdout
            out = sorted((int(p[0], 16), p[2]) for p in (l.split() for l in r.splitlines())
                         if len(p) >= 3 and p[1] in 'tTwWiI')
            if out: break
        syms[m[4]] = ([x for x, _ in out], [y for _, y in out])
    xs, ys = syms[m[4]]
    i = bisect.bisect_right(xs, a - m[0] + m[3]) - 1
    return ys[i] if i >= 0 else '?'
code = [int(x.split()[0], 16) for x in open(f'{d}/w{w}.code')]
by_obj, pages, by_fn = collections.Counter(), collections.defaultdict(set), collections.Counter()
for a in code:
    m = where(a)
    by_obj[name(m)] += 1
    pages[name(m)].add(a >> 12)
    if m and m[4].startswith('/'): by_fn[(name(m), symbol(m, a))] += 1
print('code lines (pages) by object:')
for o, c in by_obj.most_common():
    print(f'  {c:6d} ({len(pages[o])}) {o}')
data, data_fn = collections.Counter(), collections.Counter()
for a, ip in ((int(p[0], 16), int(p[1], 16)) for p in (x.split() for x in open(f'{d}/w{w}.data'))):
    m = where(a)
    if m and m[4].startswith('/'):
        region = name(m) + (' read-only' if 'w' not in m[2] else ' data/bss')
    elif m and m[4] == '[stack]' or a >= 0x1000000000:
        region = 'stack'
    else:
        region = 'heap'
    data[region] += 1
    mi = where(ip)
    data_fn[(region, name(mi), symbol(mi, ip) if mi and mi[4].startswith('/') else '?')] += 1
print('data lines by region (stack: and valgrind-placed mappings):')
for o, c in data.most_common():
    print(f'  {c:6d} {o}')
print('data lines by region and the function that touched each first (top 30):')
for (r, o, f), c in data_fn.most_common(30):
    print(f'  {c:6d} {r:28s} {o:18s} {f}')
print('code lines by function (top 25):')
for (o, f), c in by_fn.most_common(25):
    print(f'  {c:6d} {o:18s} {f}')
EOF
echo "trace windows: $out"
