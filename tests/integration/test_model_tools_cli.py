"""edgeway synth and edgeway quantize from the command line.

- synth writes each tiny shape; tokenize works on the result;
- quantize(synth F16) is byte-identical to synth of the type;
- quantize picks the same tensor types as llama-quantize did for the reference
  models in $EW_SHARED/models (requantizing each to its own file type);
- bad arguments give the right exit status and a message.
"""
import os
import struct
import subprocess
import sys
import tempfile

BIN = os.environ["EW_BIN"]
SHARED = os.environ.get("EW_SHARED", "")
TYPE_NAMES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0",
              12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 30: "BF16"}


def read_gguf(path):
    """(metadata dict, {tensor name: (type name, shape)}) with the stdlib only."""
    d = open(path, "rb").read()
    pos = [4]

    def take(fmt):
        v = struct.unpack_from("<" + fmt, d, pos[0])
        pos[0] += struct.calcsize(fmt)
        return v[0]

    def string():
        n = take("Q")
        v = d[pos[0]:pos[0] + n]
        pos[0] += n
        return v

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
    tensors = {}
    for _ in range(n_t):
        name = string().decode()
        nd = take("I")
        ne = [take("Q") for _ in range(nd)]
        t = take("I")
        take("Q")
        tensors[name] = (TYPE_NAMES.get(t, str(t)), ne)
    return kv, tensors


def run(*args, ok=True):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=300)
    if ok and p.returncode != 0:
        sys.exit(f"FAIL: edgeway {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)


def test_synth_and_quantize(tmp):
    shapes = run("synth", "--help").stdout
    for s in ("smollm2-135m", "qwen2.5-0.5b", "tiny-llama", "tiny-qwen2", "tiny-k"):
        check(s in shapes, f"--help lists {s}")
    for shape in ("tiny-llama", "tiny-qwen2", "tiny-k"):
        f16 = os.path.join(tmp, f"{shape}-F16.gguf")
        p = run("synth", "--shape", shape, "--type", "F16", "--seed", "3", "-o", f16)
        check("token_embd.weight" in p.stderr, "synth prints per-tensor lines")
        kv, tensors = read_gguf(f16)
        check(kv["general.file_type"] == 1, "file_type F16")
        out = run("tokenize", "-m", f16, "Hello world").stdout
        check(out.startswith("[") and len(out) > 3, f"tokenize on synth: {out!r}")
        # The unit tests cover every type; here one per shape, through the CLI.
        for t in {"tiny-llama": ("Q4_0",), "tiny-qwen2": ("Q5_K_M",), "tiny-k": ("Q4_K_M",)}[shape]:
            direct = os.path.join(tmp, f"{shape}-{t}.gguf")
            quant = os.path.join(tmp, f"{shape}-{t}-q.gguf")
            run("synth", "-q", "--shape", shape, "--type", t, "--seed", "3", "-t", "2",
                "-o", direct)
            p = run("quantize", "-t", "2", f16, quant, t.lower())
            check(f"({t})" in p.stderr, f"quantize summary names {t}: {p.stderr[-200:]}")
            check(open(direct, "rb").read() == open(quant, "rb").read(),
                  f"{shape} {t}: quantize(F16) != synth {t}")
    leftovers = [n for n in os.listdir(tmp) if ".tmp-" in n]
    check(not leftovers, f"temporary files left: {leftovers}")


def test_mixture_matches_llama_quantize(tmp):
    """The reference models were made by llama-quantize; requantizing one to
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
        if ftype in ("F16", "F32"):
            continue
        src = os.path.join(models, name)
        out = os.path.join(tmp, "re-" + name)
        run("quantize", "-t", "2", src, out, ftype)
        a, b = read_gguf(src)[1], read_gguf(out)[1]
        diff = {k: (a[k][0], b.get(k, ("missing",))[0]) for k in a if a[k] != b.get(k)}
        check(not diff, f"{name}: tensor types differ from llama-quantize's: {diff}")
        # Every tensor keeps its type, so its data is copied: the same file.
        check(open(src, "rb").read() == open(out, "rb").read(), f"{name}: not a lossless copy")
        if done == 0:
            p = run("quantize", src, out, "Q4_0")
            check("(requantized)" in p.stderr and "requantized\n" in p.stderr,
                  f"requantizing is reported: {p.stderr[-300:]}")
        os.unlink(out)
        done += 1
    check(done >= 3, f"only {done} reference models found")


def test_errors(tmp):
    p = run("quantize", ok=False)
    check(p.returncode == 2 and "usage" in p.stderr, "quantize without arguments")
    f = os.path.join(tmp, "x.gguf")
    run("synth", "-q", "--shape", "tiny-llama", "--type", "F16", "-o", f)
    p = run("quantize", f, f + ".out", "Q3_K_XL", ok=False)
    check(p.returncode == 1 and "unknown type 'Q3_K_XL'" in p.stderr, p.stderr)
    p = run("quantize", "/nonexistent.gguf", f + ".out", "Q8_0", ok=False)
    check(p.returncode == 1 and "/nonexistent.gguf" in p.stderr, p.stderr)
    p = run("synth", "--shape", "gpt-9", "--type", "F16", "-o", f, ok=False)
    check(p.returncode == 1 and "unknown shape 'gpt-9'" in p.stderr, p.stderr)
    p = run("synth", "--shape", "tiny-llama", "-o", f, ok=False)
    check(p.returncode == 1 and "required" in p.stderr, p.stderr)
    p = run("synth", "--shape", "tiny-llama", "--type", "F16", "--seed", "-1", "-o", f, ok=False)
    check(p.returncode == 1 and "--seed" in p.stderr, p.stderr)
    check(not os.path.exists(f + ".out"), "no output after a failure")


def main():
    with tempfile.TemporaryDirectory(prefix="ew-model-tools-") as tmp:
        test_synth_and_quantize(tmp)
        test_mixture_matches_llama_quantize(tmp)
        test_errors(tmp)
    print("ok")


if __name__ == "__main__":
    main()
