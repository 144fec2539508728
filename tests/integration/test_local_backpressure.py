#!/usr/bin/env python3
"""Backpressure on the local (embedded engine) route, in the real daemon.

A stream whose client reads slowly pauses the generation (its worker waits)
once the gateway holds too much unsent output for it, and resumes when the
client catches up; the answer arrives whole, and the gateway's memory stays
bounded meanwhile. A client that stops reading cannot hold a worker past
server.limits.write_timeout: it is cut off, the worker is freed and a metric
says so. (A client that keeps reading but cannot drain its backlog within
that time gets a slow_client error: the runner's deadline, tested in
tests/unit/test_local_runner.c, since over loopback the window between
"too slow to drain" and "too slow for the socket's own timeout" is too
narrow to hit reliably.)

The model is synthesized for the test (`edgeway synth`, shape llama-tiny)
with a vocab of 8000-byte words, so one greedy completion is ~2 MB of text
whatever the chunking: well past what the kernels buffer plus the gateway's
pause mark. Python stdlib only.
"""
import json
import os
import random
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import SLOW, check  # noqa: E402
from test_gateway_routes import EW_BIN, metric, run_test, serve, sse_events  # noqa: E402

# The write timeout of the gateway that sees a client stop reading; long
# enough for the generation to reach the pause mark first, even under ASan
# on a busy machine (where 4 s once ran out before the pause).
STOP_TIMEOUT_S = int(4 * SLOW)
NAME = "long"
BODY = {"model": NAME, "stream": True, "temperature": 0, "prompt": "Tell me everything."}


def gguf_str(b):
    b = b.encode() if isinstance(b, str) else b
    return struct.pack("<Q", len(b)) + b


def gguf_kv(key, typ, payload):
    return gguf_str(key) + struct.pack("<I", typ) + payload


def gguf_arr(elem, items):
    return struct.pack("<IQ", elem, len(items)) + b"".join(items)


def write_long_vocab(path, n_vocab=512, word_len=8000):
    """A vocab-only GGUF (SPM): the specials, the 256 byte tokens, and words
    of word_len letters."""
    rng = random.Random(3)
    toks, types = ["<unk>", "<s>", "</s>"], [2, 3, 3]
    toks += ["<0x%02X>" % i for i in range(256)]
    types += [6] * 256
    while len(toks) < n_vocab:
        toks.append("\u2581" + "".join(rng.choice("abcdefghij") for _ in range(word_len)))
        types.append(1)
    scores = [0.0] * 259 + [-float(i) for i in range(n_vocab - 259)]
    kvs = [gguf_kv("general.architecture", 8, gguf_str("llama")),
           gguf_kv("tokenizer.ggml.model", 8, gguf_str("llama")),
           gguf_kv("tokenizer.ggml.tokens", 9, gguf_arr(8, [gguf_str(t) for t in toks])),
           gguf_kv("tokenizer.ggml.scores", 9,
                   gguf_arr(6, [struct.pack("<f", x) for x in scores])),
           gguf_kv("tokenizer.ggml.token_type", 9,
                   gguf_arr(5, [struct.pack("<i", x) for x in types])),
           gguf_kv("tokenizer.ggml.bos_token_id", 4, struct.pack("<I", 1)),
           gguf_kv("tokenizer.ggml.eos_token_id", 4, struct.pack("<I", 2)),
           gguf_kv("tokenizer.ggml.unknown_token_id", 4, struct.pack("<I", 0))]
    with open(path, "wb") as f:
        f.write(b"GGUF" + struct.pack("<IQQ", 3, 0, len(kvs)) + b"".join(kvs))


def make_model(tmp):
    vocab, model = os.path.join(tmp, "vocab.gguf"), os.path.join(tmp, "long.gguf")
    write_long_vocab(vocab)
    subprocess.run([EW_BIN, "synth", "--shape", "llama-tiny", "--type", "F32", "--vocab", vocab,
                    "-o", model], check=True, capture_output=True)
    return model


def config(model, write_timeout_s=30):
    return f"""version: 1
server:
  listen: [127.0.0.1:0]
  limits: {{write_timeout: {write_timeout_s}s}}
auth: {{allow_anonymous_loopback: true}}
models:
  - {{name: {NAME}, path: {model}, workers: 1, queue: 2, threads: 1}}
routing: {{default: local}}
"""


class Metrics:
    def __init__(self, gw):
        self.gw = gw

    def get(self, name):
        r, data = self.gw.request("GET", "/metrics", key=None)
        v = metric(data.decode(), name, model=NAME)
        return v or 0.0

    def wait(self, name, pred, what, timeout=30):
        deadline = time.monotonic() + timeout * SLOW
        while time.monotonic() < deadline:
            v = self.get(name)
            if pred(v):
                return v
            time.sleep(0.02)
        raise AssertionError(f"{what}: {name} = {self.get(name)}")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def open_stream(gw):
    """Sends the request over HTTP/1.0 (the SSE body then ends with the
    connection, no chunking), and reads nothing. A small receive buffer and
    segment size keep the kernels' buffers on both ends small (loopback's
    64 KiB segments would let the gateway's send buffer grow to ~4 MB, more
    than the whole answer), so what the client does not read stays in the
    gateway, as it would over a real network with a long answer."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 128)
    s.connect(("127.0.0.1", gw.port))
    body = json.dumps(BODY).encode()
    s.sendall(b"POST /v1/completions HTTP/1.0\r\nHost: t\r\n"
              b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    return s


def read_all(s, chunk=65536, pause=0.0):
    out = bytearray()
    s.settimeout(30 * SLOW)
    while True:
        try:
            b = s.recv(chunk)
        except ConnectionResetError:
            break
        if not b:
            break
        out += b
        if pause:
            time.sleep(pause)
    s.close()
    return bytes(out)


def content_of(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    check(head.startswith(b"HTTP/1.0 200") or head.startswith(b"HTTP/1.1 200"), head[:200])
    ev = sse_events(body)
    text = ""
    for e in ev:
        if e == "[DONE]":
            continue
        doc = json.loads(e)
        if "error" in doc:
            return text, ev, doc["error"]
        for c in doc.get("choices", []):
            text += c.get("text") or ""
    return text, ev, None


def test_slow_reader(gw, m):
    ref, ev, err = content_of(read_all(open_stream(gw)))
    check(err is None and ev[-1] == "[DONE]" and len(ref) > 1200000, f"reference: {len(ref)}")
    base_rss = rss_kb(gw.proc.pid)
    paused0 = m.get("edgeway_local_paused_total")
    s = open_stream(gw)
    m.wait("edgeway_local_paused_total", lambda v: v > paused0, "the generation never paused")
    # Paused, not finished: the worker holds the rest while the client lags.
    peak = base_rss
    t0 = time.monotonic()
    while time.monotonic() - t0 < 0.5:
        peak = max(peak, rss_kb(gw.proc.pid))
        time.sleep(0.05)
    check(m.get("edgeway_local_running") == 1, "the paused generation still holds its worker")
    # The gateway holds about the pause mark (256 KiB), not the ~2 MB answer.
    # (Under ASan, RSS counts its quarantine and shadow memory: not checked.)
    if not os.environ.get("EW_SANITIZED"):
        check(peak - base_rss < 1200, f"RSS grew {peak - base_rss} KiB while paused")
    # Now a slow but steady reader: the rest arrives whole and in order.
    text, ev, err = content_of(read_all(s, chunk=16384, pause=0.01))
    check(err is None and ev[-1] == "[DONE]", f"slow reader's end: {ev[-2:]}")
    check(text == ref, f"slow reader got {len(text)} chars, expected {len(ref)}")
    check(m.get("edgeway_local_running") == 0, "the worker is free")


def stall_ends(m):
    return m.get("edgeway_local_stall_disconnects_total") + \
        m.get("edgeway_local_stall_timeouts_total")


def test_reader_stops(gw, m):
    before = stall_ends(m)
    paused0 = m.get("edgeway_local_paused_total")
    s = open_stream(gw)
    m.wait("edgeway_local_paused_total", lambda v: v > paused0, "the generation never paused")
    # The client reads nothing: the socket's write timeout or the pause's
    # deadline (both server.limits.write_timeout) frees the worker.
    t0 = time.monotonic()
    m.wait("edgeway_local_running", lambda v: v == 0, "a client that never reads holds a worker",
           timeout=STOP_TIMEOUT_S + 10)
    held = time.monotonic() - t0
    check(held < STOP_TIMEOUT_S + 5 * SLOW, f"the worker was held {held:.1f} s")
    check(stall_ends(m) == before + 1, f"stall metrics {before} -> {stall_ends(m)}")
    check(b"data: [DONE]" not in read_all(s), "a cut-off stream does not end as complete")
    ref, ev, err = content_of(read_all(open_stream(gw)))
    check(err is None and ev[-1] == "[DONE]", "the next request is served")


def run(tmp):
    model = make_model(tmp)
    serve(tmp, "slow", config(model), lambda gw: test_slow_reader(gw, Metrics(gw)))
    serve(tmp, "stops", config(model, STOP_TIMEOUT_S),
          lambda gw: test_reader_stops(gw, Metrics(gw)))


if __name__ == "__main__":
    sys.exit(run_test("local backpressure", run))
