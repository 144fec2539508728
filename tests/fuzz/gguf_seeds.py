#!/usr/bin/env python3
"""Writes the GGUF fuzzer's seeds: complete, loadable models small enough to
commit (an SPM llama and a byte-level BPE qwen2, F32, 4-wide, one layer).
Usage: gguf_seeds.py OUT_DIR"""
import struct
import sys

U32, I32, F32, BOOL, STR, ARR, U64 = 4, 5, 6, 7, 8, 9, 10


def s(x):
    b = x.encode()
    return struct.pack('<Q', len(b)) + b


def kv(key, typ, val):
    out = s(key) + struct.pack('<I', typ)
    if typ == STR:
        return out + s(val)
    if typ == ARR:
        et, items = val
        out += struct.pack('<IQ', et, len(items))
        for it in items:
            out += s(it) if et == STR else struct.pack({F32: '<f', I32: '<i'}[et], it)
        return out
    return out + struct.pack({U32: '<I', I32: '<i', F32: '<f', BOOL: '<?'}[typ], val)


def model(arch, tok_kv, n_vocab, biases):
    e, ff = 4, 4
    meta = [kv('general.architecture', STR, arch), kv('general.alignment', U32, 32),
            kv(arch + '.embedding_length', U32, e), kv(arch + '.block_count', U32, 1),
            kv(arch + '.feed_forward_length', U32, ff), kv(arch + '.attention.head_count', U32, 2),
            kv(arch + '.attention.head_count_kv', U32, 1), kv(arch + '.context_length', U32, 64),
            kv(arch + '.attention.layer_norm_rms_epsilon', F32, 1e-5)] + tok_kv
    tensors = [('token_embd.weight', [e, n_vocab]), ('output_norm.weight', [e]),
               ('blk.0.attn_norm.weight', [e]), ('blk.0.attn_q.weight', [e, e]),
               ('blk.0.attn_k.weight', [e, e // 2]), ('blk.0.attn_v.weight', [e, e // 2]),
               ('blk.0.attn_output.weight', [e, e]), ('blk.0.ffn_norm.weight', [e]),
               ('blk.0.ffn_gate.weight', [e, ff]), ('blk.0.ffn_up.weight', [e, ff]),
               ('blk.0.ffn_down.weight', [ff, e])]
    if biases:
        tensors += [('blk.0.attn_q.bias', [e]), ('blk.0.attn_k.bias', [e // 2]),
                    ('blk.0.attn_v.bias', [e // 2])]
    info, data = b'', b''
    for name, shape in tensors:
        n = 1
        for d in shape:
            n *= d
        info += s(name) + struct.pack('<I', len(shape)) + b''.join(struct.pack('<Q', d) for d in shape)
        info += struct.pack('<IQ', 0, len(data))  # F32
        data += struct.pack('<%df' % n, *[((i * 7) % 11 - 5) / 8 for i in range(n)])
        data += b'\0' * (-len(data) % 32)
    head = b'GGUF' + struct.pack('<IQQ', 3, len(tensors), len(meta)) + b''.join(meta) + info
    return head + b'\0' * (-len(head) % 32) + data


def main():
    out = sys.argv[1]
    spm_tokens = ['<unk>', '<s>', '</s>', '<0x0A>', '\u2581', 'a', 'b', '\u2581a', 'ab', '\u2581ab']
    spm = [kv('tokenizer.ggml.model', STR, 'llama'),
           kv('tokenizer.ggml.tokens', ARR, (STR, spm_tokens)),
           kv('tokenizer.ggml.scores', ARR, (F32, [0, 0, 0, 0, -1, -2, -2, -1.5, -1, -0.5])),
           kv('tokenizer.ggml.token_type', ARR, (I32, [2, 3, 3, 6, 1, 1, 1, 1, 1, 1])),
           kv('tokenizer.ggml.bos_token_id', U32, 1), kv('tokenizer.ggml.eos_token_id', U32, 2),
           kv('tokenizer.ggml.unknown_token_id', U32, 0)]
    bpe_tokens = ['a', 'b', '\u0120', '\u0120a', 'ab', '\u010a', '<|endoftext|>']
    bpe = [kv('tokenizer.ggml.model', STR, 'gpt2'), kv('tokenizer.ggml.pre', STR, 'qwen2'),
           kv('tokenizer.ggml.tokens', ARR, (STR, bpe_tokens)),
           kv('tokenizer.ggml.token_type', ARR, (I32, [1, 1, 1, 1, 1, 1, 3])),
           kv('tokenizer.ggml.merges', ARR, (STR, ['\u0120 a', 'a b'])),
           kv('tokenizer.ggml.eos_token_id', U32, 6),
           kv('tokenizer.chat_template', STR, '{% for m in messages %}{{ m.content }}{% endfor %}')]
    with open(out + '/llama-spm.gguf', 'wb') as f:
        f.write(model('llama', spm, len(spm_tokens), False))
    with open(out + '/qwen2-bpe.gguf', 'wb') as f:
        f.write(model('qwen2', bpe, len(bpe_tokens), True))


if __name__ == '__main__':
    main()
