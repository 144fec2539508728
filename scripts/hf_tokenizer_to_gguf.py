#!/usr/bin/env python3
"""Writes a vocab-only GGUF (v3) from a Hugging Face byte-level BPE
tokenizer.json, the way llama.cpp's converter lays out tokenizer.ggml.*.

  hf_tokenizer_to_gguf.py tokenizer.json out.gguf --pre NAME
      [--bos TOKEN] [--eos TOKEN] [--add-bos] [--template FILE]

Used by the tests to get vocabs that ship only as tokenizer.json (Llama 3,
Qwen) into the form the engine reads. Token types follow the converter:
added tokens marked special are control (3), other added tokens
user-defined (4), the rest normal (1).
"""
import argparse
import json
import struct


def w_str(f, s):
    b = s.encode('utf-8')
    f.write(struct.pack('<Q', len(b)))
    f.write(b)


def w_kv(f, key, vtype, value):
    w_str(f, key)
    f.write(struct.pack('<I', vtype))
    if vtype == 8:
        w_str(f, value)
    elif vtype == 4:
        f.write(struct.pack('<I', value))
    elif vtype == 7:
        f.write(struct.pack('<B', 1 if value else 0))
    elif vtype == 9:
        etype, items = value
        f.write(struct.pack('<IQ', etype, len(items)))
        for it in items:
            if etype == 8:
                w_str(f, it)
            elif etype == 5:
                f.write(struct.pack('<i', it))
            elif etype == 6:
                f.write(struct.pack('<f', it))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('tokenizer_json')
    ap.add_argument('out')
    ap.add_argument('--pre', required=True)
    ap.add_argument('--bos')
    ap.add_argument('--eos')
    ap.add_argument('--add-bos', action='store_true')
    ap.add_argument('--template')
    a = ap.parse_args()

    j = json.load(open(a.tokenizer_json, encoding='utf-8'))
    vocab = j['model']['vocab']
    added = {t['id']: t for t in j.get('added_tokens', [])}
    n = max(list(vocab.values()) + list(added.keys())) + 1
    tokens = ['[PAD%d]' % i for i in range(n)]
    types = [5] * n  # unused until filled
    for text, i in vocab.items():
        tokens[i] = text
        types[i] = 1
    for i, t in added.items():
        tokens[i] = t['content']
        types[i] = 3 if t.get('special') else 4
    merges = [m if isinstance(m, str) else ' '.join(m) for m in j['model']['merges']]
    ids = {t: i for i, t in enumerate(tokens)}

    kvs = [('general.architecture', 8, 'llama'),
           ('general.name', 8, 'vocab-' + a.pre),
           ('tokenizer.ggml.model', 8, 'gpt2'),
           ('tokenizer.ggml.pre', 8, a.pre),
           ('tokenizer.ggml.tokens', 9, (8, tokens)),
           ('tokenizer.ggml.token_type', 9, (5, types)),
           ('tokenizer.ggml.merges', 9, (8, merges))]
    if a.bos:
        kvs.append(('tokenizer.ggml.bos_token_id', 4, ids[a.bos]))
    if a.eos:
        kvs.append(('tokenizer.ggml.eos_token_id', 4, ids[a.eos]))
    kvs.append(('tokenizer.ggml.add_bos_token', 7, a.add_bos))
    if a.template:
        kvs.append(('tokenizer.chat_template', 8, open(a.template, encoding='utf-8').read()))
    with open(a.out, 'wb') as f:
        f.write(struct.pack('<IIQQ', 0x46554747, 3, 0, len(kvs)))
        for k, t, v in kvs:
            w_kv(f, k, t, v)


main()
