#!/usr/bin/env python3
"""`edgeway tokenize` against llama.cpp: for every model with a reference in
$EW_SHARED/models/ref, the ids of every prompt equal tokens_special, and with
--no-special equal tokens_plain (the commands the engine oracle runs). Also
--info, -f, and clean failures on bad input."""
import glob
import json
import os
import subprocess
import sys
import tempfile

EW = os.environ['EW_BIN']
MODELS = os.path.join(os.environ.get('EW_SHARED', '../shared'), 'models')
failures = []


def run(args, stdin=None):
    return subprocess.run([EW, 'tokenize'] + args, input=stdin, capture_output=True,
                          timeout=120)


def ids(args):
    p = run(args)
    if p.returncode:
        failures.append('%s: exit %d: %s' % (args, p.returncode, p.stderr.decode()[-300:]))
        return None
    return json.loads(p.stdout)


n = 0
for ref_path in sorted(glob.glob(os.path.join(MODELS, 'ref', '*.json'))):
    ref = json.load(open(ref_path, encoding='utf-8'))
    model = os.path.join(MODELS, os.path.basename(ref['model_file']))
    for pr in ref['prompts']:
        tag = '%s %r' % (os.path.basename(model), pr['text'][:20])
        if ids(['-m', model, pr['text']]) != pr['tokens_special']:
            failures.append('tokens_special differ: ' + tag)
        if ids(['-m', model, '--no-special', pr['text']]) != pr['tokens_plain']:
            failures.append('tokens_plain differ: ' + tag)
        n += 1

# The same text from a file and from stdin.
spm = os.path.join(MODELS, 'stories260K.gguf')
with tempfile.NamedTemporaryFile('wb', suffix='.txt', delete=False) as f:
    f.write(b'Once upon a time')
if ids(['-m', spm, '-f', f.name]) != [1, 403, 407, 261, 378]:
    failures.append('-f FILE')
os.unlink(f.name)
p = run(['-m', spm, '-f', '-'], stdin=b'Once upon a time')
if p.returncode or json.loads(p.stdout) != [1, 403, 407, 261, 378]:
    failures.append('-f - (stdin)')

# Control-token text: parsed by default, plain with --no-parse-special.
got = ids(['-m', spm, '--no-special', '<s>Once'])
if not got or got[0] != 1:
    failures.append('<s> not parsed as BOS: %s' % got)
got = ids(['-m', spm, '--no-special', '--no-parse-special', '<s>Once'])
if not got or 1 in got:
    failures.append('<s> parsed despite --no-parse-special: %s' % got)

# A TEXT starting with '-': after '--', or as the last argument.
if ids(['-m', spm, '-5 degrees']) != ids(['-m', spm, '--', '-5 degrees']) or \
        ids(['-m', spm, '-5 degrees']) != [1] + ids(['-m', spm, '--no-special', '--', '-5 degrees']):
    failures.append("TEXT starting with '-'")

info = json.loads(run(['-m', spm, '--info']).stdout)
if info['model'] != 'llama' or info['n_vocab'] != 512 or len(info['fingerprint']) != 64:
    failures.append('--info: %s' % info)

# Errors: a message on stderr, a non-zero exit, never a crash.
for args, why in [(['-m', '/nonexistent.gguf', 'x'], 'missing file'),
                  (['-m', __file__, 'x'], 'not a GGUF'),
                  (['-m', spm], 'no text'),
                  (['-m', spm, '--bogus', 'x'], 'unknown option')]:
    p = run(args)
    if p.returncode == 0 or p.returncode < 0 or not p.stderr:
        failures.append('%s: exit %d' % (why, p.returncode))

for f in failures:
    print('FAIL', f)
print('%d passed, %d failed' % (n * 2 + 11 - len(failures), len(failures)))
sys.exit(1 if failures else 0)
