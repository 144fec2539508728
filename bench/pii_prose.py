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
prompts with a Chinese sentence after every third one.
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


if __name__ == '__main__':
    main()
