#!/usr/bin/env python3
"""Writes prose without PII as `edgeway pii --jsonl` records of 1 KiB, for
counting the scanner's instructions per byte on ordinary prompts:

  python3 bench/pii_prose.py /tmp/prose
  for f in lorem lower mixed zh; do
    valgrind --tool=callgrind --toggle-collect=ew_pii_scan \
        --callgrind-out-file=/tmp/prose/cg.$f build/edgeway pii --jsonl < /tmp/prose/$f.jsonl
  done     # Ir of each run / the bytes printed here = instructions per byte

mixed: the prompts of ../shared/data/difficulty that are mostly letters and
spaces (natural prose, no code), shuffled; lower: the same lowercased; zh:
Chinese prompt sentences; lorem: bench_gateway's lowercase body; code: the
other prompts of that set (code, math, tables, lists); enzh: the English
prompts with a Chinese sentence after every third one; dev: machine text a
coding assistant is sent (JSON payloads, YAML and INI configs, log lines,
stack traces, source code), made from templates with a fixed seed.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIFF = os.path.join(HERE, '..', '..', 'shared', 'data', 'difficulty')
sys.path.insert(0, HERE)
from pii_spans import CHINESE  # noqa: E402


def prompts(prose=True):
    out = []
    for name in sorted(os.listdir(DIFF)):
        if not name.endswith('.jsonl'):
            continue
        for line in open(os.path.join(DIFF, name), encoding='utf-8'):
            r = json.loads(line)
            for k in ('prompt', 'turns', 'instruction'):
                v = r.get(k)
                out += [v] if isinstance(v, str) else [x for x in v or [] if isinstance(x, str)]
    return [p for p in out if (sum(c.isalpha() or c == ' ' for c in p) > 0.9 * len(p)) == prose]


def dump(path, text, size=1024):
    with open(path, 'w', encoding='utf-8') as f:
        for k, i in enumerate(range(0, len(text), size)):
            f.write(json.dumps({'id': k, 'text': text[i:i + size]}, ensure_ascii=False) + '\n')
    print('%s: %d bytes' % (path, len(text.encode())))


# ---- dev: machine text, from templates ------------------------------------
WORDS = ('cache build worker queue item order user session token request job '
         'report metric event batch shard index record stream upload export').split()
SVCS = ['api', 'billing', 'search', 'ingest', 'auth', 'render', 'scheduler']


def dev_json(rng):
    w = rng.choice(WORDS)
    items = ', '.join('{"sku": "%s-%04d", "qty": %d, "price": %d.%02d}' % (
        rng.choice(WORDS), rng.randrange(10000), rng.randrange(1, 9), rng.randrange(200),
        rng.randrange(100)) for _ in range(rng.randrange(1, 4)))
    return ('{"id": %d, "name": "%s-%s", "status": "%s", "created_at": "2024-%02d-%02dT%02d:%02d:%02dZ", '
            '"items": [%s], "config": {"timeout_ms": %d, "retries": %d, "region": "eu-west-%d", '
            '"enabled": %s, "max_batch_size": %d}, "next_page_token": null}' % (
                rng.randrange(100000), w, rng.choice(SVCS), rng.choice(['ok', 'pending', 'failed']),
                rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24), rng.randrange(60),
                rng.randrange(60), items, rng.choice([500, 1000, 3000]), rng.randrange(1, 6),
                rng.randrange(1, 4), rng.choice(['true', 'false']), rng.choice([64, 128, 256])))


def dev_yaml(rng):
    svc = rng.choice(SVCS)
    return '\n'.join([
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: %s-%s' % (svc, rng.choice(WORDS)),
        '  labels:', '    app: %s' % svc, 'spec:', '  replicas: %d' % rng.randrange(1, 6),
        '  template:', '    spec:', '      containers:', '        - name: %s' % svc,
        '          image: registry.local/%s:%d.%d.%d' % (svc, rng.randrange(4), rng.randrange(20),
                                                        rng.randrange(10)),
        '          ports:', '            - containerPort: %d' % rng.choice([8080, 9000, 3000]),
        '          resources:', '            limits: {cpu: "%dm", memory: "%dMi"}' % (
            rng.choice([250, 500, 1000]), rng.choice([256, 512, 1024])),
        '          env:', '            - name: LOG_LEVEL', '              value: %s' % rng.choice(
            ['info', 'debug', 'warn']), ''])


def dev_ini(rng):
    return '\n'.join([
        '[server]', 'host = 0.0.0.0', 'port = %d' % rng.choice([8080, 8443, 5000]),
        'workers = %d' % rng.randrange(1, 17), 'read_timeout = %ds' % rng.randrange(5, 60), '',
        '[database]', 'driver = postgres', 'pool_size = %d' % rng.randrange(4, 33),
        'max_idle_conns = %d' % rng.randrange(1, 9), 'statement_cache = true', '',
        '[cache]', 'backend = redis', 'ttl_seconds = %d' % rng.choice([60, 300, 3600]),
        'key_prefix = %s:' % rng.choice(SVCS), ''])


def dev_log(rng):
    lines = []
    for _ in range(rng.randrange(3, 8)):
        lines.append('2024-%02d-%02d %02d:%02d:%02d.%03d %-5s [%s-%d] %s %s path=/api/v%d/%ss/%d '
                     'status=%d duration_ms=%d' % (
                         rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24),
                         rng.randrange(60), rng.randrange(60), rng.randrange(1000),
                         rng.choice(['INFO', 'WARN', 'DEBUG', 'ERROR']), rng.choice(SVCS),
                         rng.randrange(8), rng.choice(WORDS), rng.choice(['completed', 'retried',
                                                                           'queued', 'failed']),
                         rng.randrange(1, 3), rng.choice(WORDS), rng.randrange(10000),
                         rng.choice([200, 201, 404, 500, 503]), rng.randrange(1, 900)))
    return '\n'.join(lines) + '\n'


def dev_trace(rng):
    w = rng.choice(WORDS)
    return ('Traceback (most recent call last):\n'
            '  File "/app/%s/handlers.py", line %d, in handle_%s\n'
            '    result = self.%s_service.process(batch, timeout=%d)\n'
            '  File "/app/%s/service.py", line %d, in process\n'
            '    raise %sError(f"{len(batch)} items exceeded the limit")\n'
            '%sError: %d items exceeded the limit\n' % (
                rng.choice(SVCS), rng.randrange(20, 400), w, w, rng.randrange(1, 30),
                rng.choice(SVCS), rng.randrange(20, 400), w.capitalize(), w.capitalize(),
                rng.randrange(100, 5000)))


def dev_code(rng):
    w, v = rng.choice(WORDS), rng.choice(WORDS)
    return rng.choice([
        'def load_%s(path, max_items=%d):\n    with open(path) as f:\n        rows = [json.loads(l) '
        'for l in f]\n    return [r for r in rows if r.get("%s_id")][:max_items]\n' % (w, rng.randrange(
            10, 1000), v),
        'static int %s_%s(struct %s *s, size_t n)\n{\n    for (size_t i = 0; i < n; i++)\n        '
        'if (s->%ss[i].len > MAX_%s) return -1;\n    return 0;\n}\n' % (w, v, w, v, v.upper()),
        'export async function fetch%s(id) {\n  const res = await fetch(`/api/%ss/${id}`);\n  if (!res.ok) '
        'throw new Error(`status ${res.status}`);\n  return res.json();\n}\n' % (w.capitalize(), w),
    ])


def dev_text(rng, size):
    kinds = [dev_json, dev_yaml, dev_ini, dev_log, dev_trace, dev_code]
    out = ''
    while len(out) < size:
        out += rng.choice(kinds)(rng) + '\n'
    return out[:size]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else '/tmp/prose'
    os.makedirs(out, exist_ok=True)
    rng = random.Random(1)
    dump(os.path.join(out, 'lorem.jsonl'), ''.join(
        'lorem ipsum dolor sit amet '[i % 27] for i in range(64 * 1024)))
    p = prompts()
    rng.shuffle(p)
    mixed = ' '.join(p)[:256 * 1024]
    dump(os.path.join(out, 'mixed.jsonl'), mixed)
    dump(os.path.join(out, 'lower.jsonl'), mixed.lower())
    zh = CHINESE[:5] + CHINESE[7:9]  # the sentences without PII
    t = ''
    while len(t.encode()) < 64 * 1024:
        t += rng.choice(zh)
    dump(os.path.join(out, 'zh.jsonl'), t)
    code = prompts(prose=False)
    rng.shuffle(code)
    dump(os.path.join(out, 'code.jsonl'), '\n'.join(code)[:256 * 1024])
    enzh = ' '.join(s + (rng.choice(zh) if k % 3 == 2 else '') for k, s in enumerate(p))
    dump(os.path.join(out, 'enzh.jsonl'), enzh[:128 * 1024])
    dump(os.path.join(out, 'dev.jsonl'), dev_text(random.Random(7), 128 * 1024))


if __name__ == '__main__':
    main()
