#!/usr/bin/env python3
"""Speculative decoding across two processes: a cloud `edgeway serve`
hosting every reference model, and the edge as `edgeway speculate`, which
drafts with the first L layers of the same file and verifies over HTTP.

For every reference model and every early-exit depth L, the greedy output
must equal `edgeway generate --temp 0` (the target alone) token for token,
and the verifier's forward passes per generated token must be at most
1 / (mean accepted length + 1). A draft with another tokenizer must be
refused (exit 3), and killing the cloud mid-generation must end the edge
with an error, never a hang. The cloud's stderr must hold no sanitizer
report.

Python standard library only. EW_BIN is the build under test.
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import EW_BIN, LogWatch  # noqa: E402

SHARED = os.environ.get("EW_SHARED", "../shared")
SLOW = 4.0 if os.environ.get("EW_SANITIZED") else 1.0
PROMPT = "Once upon a time"
N = 12

# file, layers (the shared models' README lists the shapes)
MODELS = [
    ("stories260K.gguf", 5),
    ("llama-2-tiny-random.gguf", 1),
    ("synth-A-llama-spm-Q4_K_M.gguf", 2),
    ("synth-A-llama-spm-Q8_0.gguf", 2),
    ("synth-B-llama-gpt2-Q4_0.gguf", 2),
    ("synth-C-qwen2-gpt2-Q4_K_M.gguf", 2),
    ("synth-C-qwen2-gpt2-Q8_0.gguf", 2),
]


def model_path(f):
    return os.path.abspath(os.path.join(SHARED, "models", f))


class Cloud(LogWatch):
    def __init__(self, tmp, name, ctx):
        models = "\n".join(
            f"  - {{name: m{i}, path: \"{model_path(f)}\", threads: 1, ctx: {ctx}}}"
            for i, (f, _) in enumerate(MODELS))
        cfg = os.path.join(tmp, f"{name}.yaml")
        with open(cfg, "w") as f:
            f.write(f"version: 1\nlog: {{level: info, access_log: false}}\n"
                    f"auth: {{allow_anonymous_loopback: true}}\n"
                    f"models:\n{models}\nverify: {{max_draft: 8}}\nrouting: {{default: local}}\n")
        self.log_path = os.path.join(tmp, f"{name}.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([EW_BIN, "serve", "-c", cfg, "--listen", "127.0.0.1:0"],
                                     stderr=self.log, stdout=subprocess.DEVNULL)
        self.port = None
        deadline = time.time() + 30 * SLOW
        while time.time() < deadline:
            text = self.text()
            m = re.search(r'"listening on 127\.0\.0\.1:(\d+)"', text)
            if m and "model(s) ready" in text:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"the cloud did not start:\n{self.text()}")

    def url(self):
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=30 * SLOW)
        self.log.close()
        text = self.text()
        assert "Sanitizer" not in text and "runtime error" not in text, text


def speculate(url, target, draft, layers, n=N, timeout=60):
    return subprocess.run(
        [EW_BIN, "speculate", "--url", url, "--target", target, "-m", model_path(draft),
         "--layers", str(layers), "-p", PROMPT, "-n", str(n), "-k", "4", "--k-max", "8"],
        capture_output=True, text=True, timeout=timeout * SLOW)


def reference(draft):
    out = subprocess.run([EW_BIN, "generate", "-m", model_path(draft), "-p", PROMPT, "-n", str(N),
                          "--temp", "0", "--json", "-t", "1"],
                         capture_output=True, text=True, timeout=60 * SLOW, check=True)
    return json.loads(out.stdout)["ids"]


def check_lossless(cloud):
    for i, (f, n_layer) in enumerate(MODELS):
        ref = reference(f)
        for L in range(1, n_layer + 1):
            r = speculate(cloud.url(), f"m{i}", f, L)
            assert r.returncode == 0, f"{f} L={L}: exit {r.returncode}: {r.stderr}"
            got = json.loads(r.stdout)
            st = got["stats"]
            print(f"{f:32s} L={L}/{n_layer}: {st['rounds']:2d} rounds, acceptance "
                  f"{st['acceptance']:.2f}, {st['target_passes_per_token']:.3f} passes/token")
            assert got["ids"] == ref, f"{f} L={L}: {got['ids']} != target-only {ref}"
            bound = 1.0 / (st["mean_accepted"] + 1)
            assert st["target_passes_per_token"] <= bound + 1e-9, (f, L, st)
            if L == n_layer:
                assert st["accepted"] == st["drafted"], (f, L, st)


def check_mismatch(cloud):
    # stories260K's 512-token vocab against synth-A's 32000-token one
    r = speculate(cloud.url(), "m2", "stories260K.gguf", 0)
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert "tokenizer_mismatch" in r.stderr, r.stderr


def check_cloud_killed(tmp):
    cloud = Cloud(tmp, "doomed", 4096)
    p = subprocess.Popen(
        [EW_BIN, "speculate", "--url", cloud.url(), "--target", "m0", "-m",
         model_path("stories260K.gguf"), "--layers", "1", "-p", PROMPT, "-n", "3000",
         "--ignore-eog", "--fixed-k", "-k", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3 * SLOW)
    cloud.stop(signal.SIGKILL)
    try:
        out, err = p.communicate(timeout=30 * SLOW)
    except subprocess.TimeoutExpired:
        p.kill()
        raise AssertionError("the edge hung after the cloud died")
    print(f"after the cloud died: exit {p.returncode}: {err.strip()[:160]}")
    assert p.returncode == 1, (p.returncode, err)
    assert "edgeway speculate:" in err, err


def main():
    if not EW_BIN:
        print("EW_BIN is not set", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cloud = Cloud(tmp, "cloud", 256)
        try:
            check_lossless(cloud)
            check_mismatch(cloud)
        finally:
            cloud.stop()
        check_cloud_killed(tmp)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
