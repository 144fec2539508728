"""edgeway synth and edgeway quantize from the command line.

- synth writes the small shapes, with a generated vocab or a vocab file of
  another size, and `edgeway tokenize` and `edgeway generate` work on them;
- quantize picks the same type for every tensor as llama-quantize did for the
  reference models in $EW_SHARED/models (requantizing each to its own type),
  and warns when it requantizes;
- with EW_LLAMA_QUANTIZE naming a llama-quantize binary (a llama.cpp built
  outside this repository), our quantize writes the same tensor types and
  the same tensor bytes as llama-quantize for every file type;
- bad arguments fail with a message and leave no output.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

BIN = os.environ["EW_BIN"]
SHARED = os.environ.get("EW_SHARED", "")
TYPE_NAMES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0",
              12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 30: "BF16"}


def read_gguf(path, data=False):
    """(metadata, {tensor name: (type name, shape)}), with the stdlib only;
    with data, each tensor also gets its bytes (padding stripped)."""
    d = open(path, "rb").read()
    pos = [4]

    def take(fmt):
        v = struct.unpack_from("<" + fmt, d, pos[0])
        pos[0] += struct.calcsize(fmt)
        return v[0]

    def string():
        n = take("Q")
        pos[0] += n
        return d[pos[0] - n:pos[0]]

    scalar = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q",
              11: "q", 12: "d"}

    def value(t):
        if t == 8:
            return string()
        if t == 9:
            et, n = take("I"), take("Q")
            return [value(et) for _ in range(n)]
        return take(scalar[t])

    assert d[:4] == b"GGUF"
    take("I")
    n_t, n_kv = take("Q"), take("Q")
    kv = {}
    for _ in range(n_kv):
        k = string().decode()
        kv[k] = value(take("I"))
    tensors, offsets = {}, {}
    for _ in range(n_t):
        name = string().decode()
        ne = [take("Q") for _ in range(take("I"))]
        t = take("I")
        offsets[name] = take("Q")
        tensors[name] = (TYPE_NAMES.get(t, str(t)), ne)
    if data:
        align = kv.get("general.alignment", 32)
        start = (pos[0] + align - 1) // align * align
        ends = sorted(offsets.values()) + [len(d) - start]
        for name, off in offsets.items():
            end = min(e for e in ends if e > off)
            tensors[name] += (d[start + off:start + end].rstrip(b"\0"),)
    return kv, tensors


def run(*args, ok=True):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=300)
    if ok and p.returncode != 0:
        sys.exit(f"FAIL: edgeway {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)


def tiny_shapes():
    usage = run("synth", "--help").stdout
    check("smollm2-135m" in usage and "qwen2.5-0.5b" in usage, "the real shapes are listed")
    words = usage.replace(",", " ").replace(":", " ").split()
    shapes = sorted({w for w in words if "tiny" in w and not w.startswith("-")})
    check(len(shapes) >= 2, f"small shapes in --help: {shapes}")
    return shapes


def test_synth(tmp):
    vocab = os.path.join(SHARED, "models", "vocab", "ggml-vocab-gpt-2.gguf")
    for shape in tiny_shapes():
        out = os.path.join(tmp, shape + ".gguf")
        run("synth", "--shape", shape, "--type", "Q4_K_M", "--seed", "3", "-o", out)
        kv, tensors = read_gguf(out)
        arch = kv["general.architecture"].decode()
        n_vocab = kv[arch + ".vocab_size"]
        check(kv["general.file_type"] == 15, "file_type Q4_K_M")
        check(tensors["token_embd.weight"][1] == [kv[arch + ".embedding_length"], n_vocab],
              "token_embd matches the hyperparameters")
        check(len(kv["tokenizer.ggml.tokens"]) == n_vocab, "as many tokens as vocab_size")
        ids = run("tokenize", "-m", out, "Hello world").stdout
        check(ids.startswith("[") and len(ids) > 3, f"tokenize: {ids!r}")
        # The engine runs it: 8 greedy tokens, not all the same one.
        gen = json.loads(run("generate", "-m", out, "-p", "Once upon a time", "-n", "8",
                             "--temp", "0", "--json").stdout)
        check(len(gen["ids"]) == 8 and len(set(gen["ids"])) > 2, f"generate: {gen['ids']}")
        if os.path.exists(vocab):
            run("synth", "--shape", shape, "--type", "Q8_0", "--vocab", vocab, "-o", out)
            kv, _ = read_gguf(out)
            toks = kv["tokenizer.ggml.tokens"]
            check(len(toks) == n_vocab, "the vocab file is fitted to the shape")
            eos = kv["tokenizer.ggml.eos_token_id"]
            check(toks[eos] == b"<|endoftext|>", f"eos follows its token: {eos}")
            ids = run("tokenize", "-m", out, "Hello world").stdout
            check(ids.startswith("["), f"tokenize with a fitted vocab: {ids!r}")


def test_mixture_matches_llama_quantize(tmp):
    """The reference models were made by llama-quantize: requantizing one to
    its own file type must choose the same type for every tensor."""
    models = os.path.join(SHARED, "models")
    if not os.path.isdir(models):
        print("skip: no shared models")
        return
    done = 0
    for name in sorted(os.listdir(models)):
        if not name.startswith("synth-") or not name.endswith(".gguf"):
            continue
        ftype = name[:-5].rsplit("-", 1)[1]
        src = os.path.join(models, name)
        out = os.path.join(tmp, "re-" + name)
        run("quantize", "-t", "2", src, out, ftype)
        a, b = read_gguf(src)[1], read_gguf(out)[1]
        diff = {k: (a[k][0], b.get(k, ("missing",))[0]) for k in a if a[k] != b.get(k)}
        check(not diff, f"{name}: tensor types differ from llama-quantize's: {diff}")
        os.unlink(out)
        done += 1
    check(done >= 3, f"only {done} reference models found")
    p = run("quantize", os.path.join(models, "synth-C-qwen2-gpt2-Q8_0.gguf"), out, "Q4_0")
    check("dequantized first" in p.stderr, f"requantizing warns: {p.stderr}")


def test_same_bytes_as_llama_quantize(tmp):
    llama = os.environ.get("EW_LLAMA_QUANTIZE")
    if not llama:
        print("skip: EW_LLAMA_QUANTIZE is not set")
        return
    for shape in tiny_shapes():
        f16 = os.path.join(tmp, shape + "-F16.gguf")
        run("synth", "--shape", shape, "--type", "F16", "-o", f16)
        for t in ("Q8_0", "Q4_0", "Q4_K_M", "Q5_K_M", "Q6_K"):
            ours, theirs = os.path.join(tmp, "ours.gguf"), os.path.join(tmp, "theirs.gguf")
            run("quantize", f16, ours, t)
            p = subprocess.run([llama, f16, theirs, t], capture_output=True, text=True)
            check(p.returncode == 0, f"llama-quantize {t}: {p.stderr[-300:]}")
            a, b = read_gguf(ours, True)[1], read_gguf(theirs, True)[1]
            diff = [k for k in b if a.get(k) != b[k]]
            check(not diff, f"{shape} {t}: tensors differ from llama-quantize's: {diff}")


def test_errors(tmp):
    out = os.path.join(tmp, "x.gguf")
    p = run("quantize", ok=False)
    check(p.returncode != 0 and "usage" in p.stderr, "quantize without arguments")
    p = run("quantize", "/nonexistent.gguf", out, "Q8_0", ok=False)
    check(p.returncode == 1 and "/nonexistent.gguf" in p.stderr, p.stderr)
    p = run("quantize", "/nonexistent.gguf", out, "Q3_K_XL", ok=False)
    check(p.returncode == 1 and "Q3_K_XL" in p.stderr, p.stderr)
    p = run("synth", "--shape", "gpt-9", "--type", "F16", "-o", out, ok=False)
    check(p.returncode == 1 and "gpt-9" in p.stderr, p.stderr)
    p = run("synth", "--shape", tiny_shapes()[0], "-o", out, ok=False)
    check(p.returncode == 1 and "required" in p.stderr, p.stderr)
    check(not os.path.exists(out), "no output after a failure")


def main():
    with tempfile.TemporaryDirectory(prefix="ew-model-tools-") as tmp:
        test_synth(tmp)
        test_mixture_matches_llama_quantize(tmp)
        test_same_bytes_as_llama_quantize(tmp)
        test_errors(tmp)
    print("ok")


if __name__ == "__main__":
    main()
