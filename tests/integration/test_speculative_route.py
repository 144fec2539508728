#!/usr/bin/env python3
"""The speculative route through the front door: two `edgeway serve`
processes, the cloud hosting the targets (and the verify API) and the edge
with a speculative policy, driven over /v1/chat/completions and
/v1/completions, streaming and not.

- Greedy output through the route equals the cloud model's own greedy
  answer (text, usage and finish_reason), with a whole-model draft and with
  an early-exit draft; stop strings and max_tokens apply.
- The verifier's forward passes per generated token stay at or below
  1 / (mean accepted length + 1), from the edge's /metrics.
- Plain remote streaming takes over (x-edgeway-speculative says why) for a
  backend without the verify API, for another tokenizer (logged once), and
  for a pair whose acceptance is known to be too low.
- The cloud killed mid-generation: a stream ends with an error event, a
  whole answer falls back to the local model as the policy says; nothing
  hangs.

Python standard library only. EW_BIN is the build under test.
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import EW_BIN, EW_SRC, LogWatch, check, check_prom_format  # noqa: E402

SHARED = os.environ.get("EW_SHARED", "../shared")
SLOW = 4.0 if os.environ.get("EW_SANITIZED") else 1.0
STORIES = os.path.abspath(os.path.join(SHARED, "models", "stories260K.gguf"))
QWEN = os.path.abspath(os.path.join(SHARED, "models", "synth-C-qwen2-gpt2-Q8_0.gguf"))
USER = [{"role": "user", "content": "Once upon a time"}]
# every reference model with its depth (the shared models' README lists the shapes)
MODELS = [("stories260K.gguf", 5), ("llama-2-tiny-random.gguf", 1),
          ("synth-A-llama-spm-Q4_K_M.gguf", 2), ("synth-A-llama-spm-Q8_0.gguf", 2),
          ("synth-B-llama-gpt2-Q4_0.gguf", 2), ("synth-C-qwen2-gpt2-Q4_K_M.gguf", 2),
          ("synth-C-qwen2-gpt2-Q8_0.gguf", 2)]


class Serve(LogWatch):
    """One `edgeway serve` on an ephemeral port (or a helper process)."""

    def __init__(self, tmp, name, yaml_text=None, args=None):
        self.log_path = os.path.join(tmp, f"{name}.log")
        self.log = open(self.log_path, "wb")
        if yaml_text is not None:
            cfg = os.path.join(tmp, f"{name}.yaml")
            with open(cfg, "w") as f:
                f.write(yaml_text)
            args = [EW_BIN, "serve", "-c", cfg, "--listen", "127.0.0.1:0"]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log)
        self.port = None
        if yaml_text is None:
            line = self.proc.stdout.readline().decode()
            check(line.startswith("PORT "), f"{name} said {line!r}")
            self.port = int(line.split()[1])
            return
        deadline = time.time() + 30 * SLOW
        while time.time() < deadline and self.port is None:
            m = re.search(r'"listening on 127\.0\.0\.1:(\d+)"', self.text())
            if m and "model(s) ready" in self.text():
                self.port = int(m.group(1))
            check(self.proc.poll() is None, f"{name} exited:\n{self.text()}")
            time.sleep(0.05)
        check(self.port, f"{name} did not start:\n{self.text()}")

    def request(self, method, path, body=None, timeout=30):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout * SLOW)
        c.request(method, path, body=json.dumps(body) if body is not None else None,
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    def answer(self, model, stream=False, path="/v1/chat/completions", **kw):
        body = {"model": model, "temperature": 0, **kw}
        if path.endswith("chat/completions"):
            body["messages"] = USER
        else:
            body["prompt"] = "Once upon a time"
        if stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        r, data = self.request("POST", path, body)
        check(r.status == 200, f"{model}: {r.status} {data[:300]!r}")
        return r, outcome(data, stream)

    def metrics(self):
        r, data = self.request("GET", "/metrics")
        check_prom_format(data.decode())
        out = {}
        for line in data.decode().splitlines():
            m = re.match(r"(edgeway_speculative_\w+(?:\{[^}]*\})?) (\S+)$", line)
            if m:
                out[m.group(1)] = float(m.group(2))
        return out

    def reload(self):
        n = self.text().count("config reloaded")
        self.proc.send_signal(signal.SIGHUP)
        deadline = time.time() + 20 * SLOW
        while self.text().count("config reloaded") == n:
            check(time.time() < deadline, f"no reload:\n{self.text()[-2000:]}")
            time.sleep(0.05)

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=15 * SLOW)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("a server did not stop")
        self.log.close()
        text = self.text()
        check("Sanitizer" not in text and "runtime error" not in text, text[-3000:])


def read_rest(r):
    """What is left of a (streamed) response, as it arrives."""
    out = b""
    while True:
        piece = r.read1(65536)
        if not piece:
            return out
        out += piece


def sse_events(data):
    events = []
    for block in data.decode().split("\n\n"):
        if block.startswith("data: "):
            payload = block[6:]
            events.append(payload if payload == "[DONE]" else json.loads(payload))
    return events


def outcome(data, stream):
    """(text, finish_reason, usage, chunks) of an answer."""
    if not stream:
        d = json.loads(data)
        c = d["choices"][0]
        text = c["message"]["content"] if "message" in c else c["text"]
        return text, c["finish_reason"], d.get("usage"), 1
    events = sse_events(data)
    check(events and events[-1] == "[DONE]", f"no [DONE]: {data[-300:]!r}")
    text, finish, usage, chunks = "", None, None, 0
    for e in events[:-1]:
        check("error" not in e, f"error event: {e}")
        if e.get("usage"):
            usage = e["usage"]
        for c in e["choices"]:
            piece = c.get("delta", {}).get("content") if "delta" in c else c.get("text")
            if piece:
                text += piece
                chunks += 1
            finish = c.get("finish_reason") or finish
    return text, finish, usage, chunks


def cloud_yaml():
    return f"""version: 1
log: {{level: info, access_log: false}}
auth: {{allow_anonymous_loopback: true}}
models:
  - {{name: m0, path: "{STORIES}", threads: 1, ctx: 512}}
  - {{name: m1, path: "{QWEN}", threads: 1, ctx: 512}}
verify: {{max_draft: 8}}
routing: {{default: local}}
"""


def edge_yaml(cloud_port, up_port, rec_port):
    cloud = f"http://127.0.0.1:{cloud_port}/v1"
    return f"""version: 1
log: {{level: info, access_log: false}}
auth: {{allow_anonymous_loopback: true}}
models:
  - {{name: stories, path: "{STORIES}", threads: 1, ctx: 512}}
  - {{name: qwen, path: "{QWEN}", threads: 1, ctx: 512}}
  - {{name: qwen1, path: "{QWEN}", threads: 1, ctx: 512, workers: 1, queue: 0}}
  - {{name: viahttp, url: "http://127.0.0.1:{up_port}/s/echo/v1"}}
backends:
  - {{name: cloud, base_url: "{cloud}", kind: edgeway, max_retries: 0,
      models: {{spec-stories: m0, spec-mismatch: m1}}}}
  - {{name: cloudq, base_url: "{cloud}", kind: edgeway, max_retries: 0, models: {{spec-qwen: m1}}}}
  - {{name: plain, base_url: "http://127.0.0.1:{up_port}/s/ok/v1", kind: edgeway, max_retries: 0}}
  - {{name: rec, base_url: "http://127.0.0.1:{rec_port}/v1", kind: edgeway, max_retries: 0,
      models: {{spec-rec: m1}}}}
routing:
  default: local
  fallbacks: [local]
  never_remote: [us_ssn]
  speculative: {{early_exit_layers: 3, p_min: 0, min_acceptance: 0.5}}
  aliases:
    spec-stories: {{route: speculative, backend: cloud, model: stories}}
    spec-qwen: {{route: speculative, backend: cloudq, model: qwen}}
    spec-mismatch: {{route: speculative, backend: cloud, model: stories}}
    spec-plain: {{route: speculative, backend: plain, model: stories}}
    spec-http: {{route: speculative, backend: cloudq, model: viahttp}}
    spec-one: {{route: speculative, backend: cloudq, model: qwen1}}
    spec-rec: {{route: speculative, backend: rec, model: qwen}}
"""


def model_path(f):
    return os.path.abspath(os.path.join(SHARED, "models", f))


def all_cloud_yaml():
    models = "\n".join(f'  - {{name: m{i}, path: "{model_path(f)}", threads: 1, ctx: 256}}'
                       for i, (f, _) in enumerate(MODELS))
    return (f"version: 1\nlog: {{level: info, access_log: false}}\n"
            f"auth: {{allow_anonymous_loopback: true}}\nmodels:\n{models}\n"
            f"verify: {{max_draft: 8}}\nrouting: {{default: local}}\n")


def all_edge_yaml(cloud_port, layers):
    models = "\n".join(f'  - {{name: d{i}, path: "{model_path(f)}", threads: 1, ctx: 256}}'
                       for i, (f, _) in enumerate(MODELS))
    mapping = ", ".join(f"s{i}: m{i}" for i in range(len(MODELS)))
    aliases = "\n".join(f"    s{i}: {{route: speculative, backend: cloud, model: d{i}}}"
                        for i in range(len(MODELS)))
    return f"""version: 1
log: {{level: info, access_log: false}}
auth: {{allow_anonymous_loopback: true}}
models:
{models}
backends:
  - {{name: cloud, base_url: "http://127.0.0.1:{cloud_port}/v1", kind: edgeway, max_retries: 0,
      models: {{{mapping}}}}}
routing:
  default: local
  speculative: {{early_exit_layers: {layers}, p_min: 0, min_acceptance: 0, k: 4, k_max: 8}}
  aliases:
{aliases}
"""


def same(got, ref, what):
    check(got[0] == ref[0], f"{what}: {got[0]!r}\n  != target-only {ref[0]!r}")
    check(got[1] == ref[1], f"{what}: finish {got[1]} != {ref[1]}")
    check(got[2] == ref[2], f"{what}: usage {got[2]} != {ref[2]}")


def spec_header(r, want, what):
    got = r.getheader("x-edgeway-speculative")
    check(r.getheader("x-edgeway-route") == "speculative", f"{what}: route header")
    check(got == want, f"{what}: x-edgeway-speculative {got!r}, want {want!r}")


def test_lossless(edge, cloud):
    # qwen: the whole model drafts (early_exit_layers 3 > its 2 layers)
    ref = cloud.answer("m1", max_tokens=40)[1]
    before = edge.metrics()
    r, got = edge.answer("spec-qwen", max_tokens=40)
    spec_header(r, "on", "qwen")
    check(r.getheader("x-edgeway-backend") == "cloudq", "backend header")
    same(got, ref, "qwen, whole")
    after = edge.metrics()
    d = {k: after[k] - before.get(k, 0) for k in after if "{" not in k}
    rounds, acc = d["edgeway_speculative_rounds_total"], d["edgeway_speculative_accepted_tokens_total"]
    passes, gen = d["edgeway_speculative_target_passes_total"], d["edgeway_speculative_generated_tokens_total"]
    check(gen == 40 and rounds > 0, f"metrics deltas {d}")
    bound = 1.0 / (acc / rounds + 1)
    drafted = d["edgeway_speculative_draft_tokens_total"]
    print(f"qwen whole draft: {rounds:.0f} rounds, {acc:.0f}/{drafted:.0f} accepted, "
          f"{passes / gen:.3f} passes/token (bound {bound:.3f})")
    check(passes / gen <= bound + 1e-9, f"passes per token {passes / gen} > {bound}")
    r, got = edge.answer("spec-qwen", stream=True, max_tokens=40)
    spec_header(r, "on", "qwen stream")
    same(got[:3], ref, "qwen, stream")
    check(got[3] < 40, f"accepted tokens should arrive a round at a time ({got[3]} chunks)")
    # the completions endpoint: the raw prompt, no template
    ref = cloud.answer("m1", path="/v1/completions", max_tokens=16)[1]
    r, got = edge.answer("spec-qwen", path="/v1/completions", max_tokens=16)
    same(got, ref, "qwen, completions")
    # stories: an early-exit draft (3 of 5 layers), streamed first so it speculates
    ref = cloud.answer("m0", max_tokens=48)[1]
    r, got = edge.answer("spec-stories", stream=True, max_tokens=48)
    spec_header(r, "on", "stories stream")
    same(got[:3], ref, "stories, early exit, stream")
    return ref


def test_limits(edge, cloud):
    ref = cloud.answer("m1", max_tokens=40)[1][0]
    words = ref.split()
    stop = words[len(words) // 2]
    for stream in (False, True):
        want = cloud.answer("m1", max_tokens=40, stop=[stop])[1]
        check(want[1] == "stop" and len(want[0]) < len(ref), f"reference with stop: {want}")
        r, got = edge.answer("spec-qwen", stream=stream, max_tokens=40, stop=[stop])
        same(got[:3], want, f"stop string, stream={stream}")
        r, got = edge.answer("spec-qwen", stream=stream, max_tokens=5)
        check(got[1] == "length" and got[2]["completion_tokens"] == 5, f"max_tokens: {got}")
        # the answer ends in what could still have become a stop string: it is text after all
        last = got[0].split()[-1]
        want = cloud.answer("m1", max_tokens=5, stop=[last + "zzz"])[1]
        r, got = edge.answer("spec-qwen", stream=stream, max_tokens=5, stop=[last + "zzz"])
        same(got[:3], want, f"held back at the end, stream={stream}")
        check(got[0].endswith(last), f"the held-back end is missing: {got[0]!r}")


def test_fallbacks(edge, cloud, stories_ref):
    # the stories pair's acceptance (early exit at 3 of 5) is below 0.5 now
    r, got = edge.answer("spec-stories", max_tokens=48)
    spec_header(r, "low_acceptance", "known low acceptance")
    same(got, stories_ref, "stories through plain remote")
    for _ in range(2):
        r, got = edge.answer("spec-mismatch", max_tokens=12)
        spec_header(r, "tokenizer_mismatch", "mismatch")
        same(got, cloud.answer("m1", max_tokens=12)[1], "mismatch through plain remote")
    n = edge.text().count("tokenizes differently from the draft model")
    check(n == 1, f"the mismatch should be logged once, not {n} times")
    for stream in (False, True):
        r, got = edge.answer("spec-plain", stream=stream, max_tokens=12)
        spec_header(r, "no_verify_api", "no verify API")
        check(got[0].startswith("Hello from the fault upstream"), f"plain remote: {got}")
    # a draft served over HTTP has no logits to draft with; logit_bias is the target's alone
    want = cloud.answer("m1", max_tokens=12)[1]
    r, got = edge.answer("spec-http", max_tokens=12)
    spec_header(r, "no_draft_model", "url model")
    same(got, want, "url model through plain remote")
    r, got = edge.answer("spec-qwen", max_tokens=12, logit_bias={"5": 1})
    spec_header(r, "unsupported_request", "logit_bias")
    same(got, want, "logit_bias through plain remote")
    m = edge.metrics()
    for reason in ("low_acceptance", "tokenizer_mismatch", "no_verify_api", "no_draft_model",
                   "unsupported_request"):
        key = f'edgeway_speculative_fallbacks_total{{reason="{reason}"}}'
        check(m.get(key, 0) >= 1, f"{key} in {m}")
    for name in ("acceptance_rate", "mean_accepted_length", "rounds_per_token",
                 "target_passes_per_token", "bytes_per_round", "rtt_seconds_sum"):
        check(f"edgeway_speculative_{name}" in m, f"edgeway_speculative_{name} missing")
    check(m.get('edgeway_speculative_rtt_seconds_bucket{le="+Inf"}', -1) ==
          m["edgeway_speculative_rtt_seconds_count"] > 0, "the RTT histogram counts every round")
    for name in ("k", "acceptance", "rtt_seconds", "draft_seconds_per_token", "plain",
                 "expected_tokens_per_second"):
        pair = [k for k in m if k.startswith(f"edgeway_speculative_pair_{name}{{")
                and 'backend="cloudq"' in k]
        check(pair, f"edgeway_speculative_pair_{name} for cloudq")
    ks = [v for k, v in m.items() if k.startswith("edgeway_speculative_pair_k{")]
    check(all(1 <= v <= 16 for v in ks), f"pair k in [1, k_max]: {ks}")


def test_draft_busy(edge, cloud):
    # qwen1 drafts one request at a time (workers 1, queue 0): a second one
    # while the first streams is served plainly
    c = http.client.HTTPConnection("127.0.0.1", edge.port, timeout=30 * SLOW)
    c.request("POST", "/v1/chat/completions", headers={"Content-Type": "application/json"},
              body=json.dumps({"model": "spec-one", "temperature": 0, "max_tokens": 300,
                               "messages": USER, "stream": True}))
    first = c.getresponse()
    check(first.getheader("x-edgeway-speculative") == "on", "the first one speculates")
    seen = first.read1(65536)
    r, got = edge.answer("spec-one", max_tokens=12)
    spec_header(r, "draft_busy", "the second one")
    same(got, cloud.answer("m1", max_tokens=12)[1], "draft_busy through plain remote")
    # the first one's client leaves mid-stream: its run is cancelled and the
    # draft is free again
    check(b"data: " in seen and b"[DONE]" not in seen, "the first one is still streaming")
    c.close()
    deadline = time.time() + 10 * SLOW
    while True:
        r, got = edge.answer("spec-one", max_tokens=4)
        if r.getheader("x-edgeway-speculative") == "on":
            break
        check(time.time() < deadline, "the draft stayed busy after its client left")
        time.sleep(0.05)


def test_reload(edge, cloud):
    # a reload retires the cloud client, so the draft edge bound to it goes too
    # once idle; the next request builds a new one and speculates again
    edge.reload()
    ref = cloud.answer("m1", max_tokens=16)[1]
    r, got = edge.answer("spec-qwen", stream=True, max_tokens=16)
    spec_header(r, "on", "after a reload")
    same(got[:3], ref, "after a reload")


def test_never_remote(edge):
    # speculative sends the prompt to the verifier: a never_remote type keeps it home
    body = {"model": "spec-qwen", "temperature": 0, "max_tokens": 4,
            "messages": [{"role": "user", "content": "My SSN is 536-22-8174."}]}
    r, data = edge.request("POST", "/v1/chat/completions", body)
    check(r.status == 200 and r.getheader("x-edgeway-route") == "local" and
          r.getheader("x-edgeway-rule") == "never_remote",
          f"never_remote: {r.status} {r.getheader('x-edgeway-route')} {data[:200]!r}")


class Recorder:
    """A TCP relay that keeps every byte the edge sends the cloud."""

    def __init__(self, port):
        self.port_to = port
        self.seen = bytearray()
        self.lock = threading.Lock()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                a, _ = self.sock.accept()
            except OSError:
                return
            b = socket.create_connection(("127.0.0.1", self.port_to))
            threading.Thread(target=self.pipe, args=(a, b, True), daemon=True).start()
            threading.Thread(target=self.pipe, args=(b, a, False), daemon=True).start()

    def pipe(self, src, dst, record):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if record:
                    with self.lock:
                        self.seen += data
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def test_with_split(edge, cloud, rec):
    """Speculative on a request holding an e-mail address: the draft and the
    verifier work on the pseudonymized text, the answer comes back restored."""
    email = "alice.smith@example.com"
    raw = f"Write to {email} about the story."
    clean = "Write to [EMAIL_1] about the story."
    body = {"temperature": 0, "max_tokens": 16}
    r, data = cloud.request("POST", "/v1/chat/completions", {
        **body, "model": "m1", "messages": [{"role": "user", "content": clean}]})
    ref = outcome(data, False)
    ref = (ref[0].replace("[EMAIL_1]", email),) + ref[1:]
    for stream in (False, True):
        r, data = edge.request("POST", "/v1/chat/completions", {
            **body, "model": "spec-rec", "stream": stream,
            "stream_options": {"include_usage": True} if stream else None,
            "messages": [{"role": "user", "content": raw}]})
        check(r.status == 200, f"split+speculative: {r.status} {data[:200]!r}")
        spec_header(r, "on", "split+speculative")
        check(r.getheader("x-edgeway-split") == "pseudonymize", "x-edgeway-split")
        same(outcome(data, stream)[:3], ref, f"split+speculative, stream={stream}")
    with rec.lock:
        seen = bytes(rec.seen)
    check(b"/edgeway/verify" in seen, "the verify rounds went through the recorder")
    check(email.encode() not in seen and b"alice" not in seen, "the address left the device")


def test_cloud_killed(edge, cloud):
    """A stream and a whole answer in flight; the cloud dies after the
    stream's first text."""
    body = {"model": "spec-qwen", "temperature": 0, "max_tokens": 460, "messages": USER}
    whole = {}

    def whole_answer():
        try:
            whole["r"], whole["data"] = edge.request("POST", "/v1/chat/completions", body, 60)
        except Exception as e:  # reported below
            whole["error"] = e

    t = threading.Thread(target=whole_answer)
    c = http.client.HTTPConnection("127.0.0.1", edge.port, timeout=30 * SLOW)
    c.request("POST", "/v1/chat/completions", body=json.dumps({**body, "stream": True}),
              headers={"Content-Type": "application/json"})
    t.start()
    r = c.getresponse()
    check(r.status == 200, f"stream: {r.status}")
    seen = b""
    while b'"content":"' not in seen.replace(b'"content":""', b""):
        piece = r.read1(65536)
        check(piece, "the stream ended before any text")
        seen += piece
    t0 = time.time()
    cloud.stop(signal.SIGKILL)
    rest = read_rest(r)
    c.close()
    events = sse_events(seen + rest)
    print(f"stream after the cloud died: ended in {time.time() - t0:.2f}s, last event "
          f"{json.dumps(events[-1])[:120]}")
    check(events[-1] != "[DONE]" and "error" in events[-1], f"the stream should end in error")
    t.join(30 * SLOW)
    check(not t.is_alive(), "the whole answer hung after the cloud died")
    check("error" not in whole, f"whole answer: {whole.get('error')}")
    wr, data = whole["r"], whole["data"]
    if wr.status == 200:
        check(wr.getheader("x-edgeway-fallback") == "true" and
              wr.getheader("x-edgeway-route") == "local", "the whole answer fell back to local")
    else:
        check("error" in json.loads(data), f"whole answer {wr.status}: {data[:200]!r}")
    print(f"whole answer after the cloud died: {wr.status} route {wr.getheader('x-edgeway-route')}")
    # the cloud stays dead: a new request falls back before any text
    r, got = edge.answer("spec-qwen", stream=True, max_tokens=8)
    check(r.getheader("x-edgeway-route") == "local", "after the cloud died: local fallback")


def test_every_model_and_depth(tmp):
    """Greedy through the route equals the target alone for every reference
    model at every early-exit depth; the depth changes by reloading the edge."""
    cloud = Serve(tmp, "cloud-all", all_cloud_yaml())
    edge_cfg = os.path.join(tmp, "edge-all.yaml")
    edge = Serve(tmp, "edge-all", all_edge_yaml(cloud.port, 1))
    try:
        refs = [cloud.answer(f"m{i}", path="/v1/completions", max_tokens=16)[1]
                for i in range(len(MODELS))]
        for layers in range(1, max(n for _, n in MODELS) + 1):
            if layers > 1:
                with open(edge_cfg, "w") as f:
                    f.write(all_edge_yaml(cloud.port, layers))
                edge.reload()
            for i, (f, n_layer) in enumerate(MODELS):
                if layers > n_layer:
                    continue
                before = edge.metrics()
                r, got = edge.answer(f"s{i}", stream=layers % 2 == 0, path="/v1/completions",
                                     max_tokens=16)
                spec_header(r, "on", f"{f} L={layers}")
                same(got[:3], refs[i], f"{f} L={layers}")
                after = edge.metrics()
                d = {k: after[k] - before.get(k, 0) for k in after if "{" not in k}
                rounds = d["edgeway_speculative_rounds_total"]
                acc = d["edgeway_speculative_accepted_tokens_total"]
                ppt = d["edgeway_speculative_target_passes_total"] / 16
                print(f"{f:32s} L={layers}/{n_layer}: {rounds:3.0f} rounds, "
                      f"{acc:3.0f} accepted, {ppt:.3f} passes/token")
                check(ppt <= 1.0 / (acc / rounds + 1) + 1e-9, f"{f} L={layers}: {d}")
    finally:
        edge.stop()
        cloud.stop()


def timed(fn, *args):
    t0 = time.time()
    out = fn(*args)
    print(f"{fn.__name__}: {time.time() - t0:.1f}s")
    return out


def main():
    if not EW_BIN:
        print("EW_BIN is not set", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        timed(test_every_model_and_depth, tmp)
        up = Serve(tmp, "upstream",
                   args=[sys.executable, os.path.join(EW_SRC, "tests", "tools",
                                                      "fault_upstream.py")])
        cloud = Serve(tmp, "cloud", cloud_yaml())
        rec = Recorder(cloud.port)
        edge = Serve(tmp, "edge", edge_yaml(cloud.port, up.port, rec.port))
        try:
            stories_ref = timed(test_lossless, edge, cloud)
            timed(test_limits, edge, cloud)
            timed(test_fallbacks, edge, cloud, stories_ref)
            timed(test_draft_busy, edge, cloud)
            timed(test_reload, edge, cloud)
            timed(test_never_remote, edge)
            timed(test_with_split, edge, cloud, rec)
            timed(test_cloud_killed, edge, cloud)
        finally:
            for p in (edge, cloud):
                p.stop()
            up.proc.stdin.close()
            up.proc.wait(timeout=10)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
