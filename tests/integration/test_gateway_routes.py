#!/usr/bin/env python3
"""Route execution in the real daemon: auth, per-key limits, backpressure,
fallbacks, mid-stream failures, device state, metrics and never_remote.

One `edgeway serve` with the embedded stories260K model and cloud backends
served by tests/tools/fault_upstream.py (one scenario per backend: a good
one, one that resets mid-stream, one that stalls, one that is down), which
records every byte it receives: no value of a never_remote type may ever
appear there, whatever fell back to what.

No request may be lost: every one ends in a completion or an OpenAI error
(for a stream that had begun, one `data: {"error": ...}` event), also when a
backend dies mid-run. Python standard library only.
"""
import hashlib
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
from ewtest import (EW_BIN, EW_SRC, SLOW, LogWatch, check, check_no_sanitizer_report,  # noqa: E402
                    check_prom_format)

SHARED = os.environ.get("EW_SHARED", "../shared")
MODEL = os.path.join(SHARED, "models", "stories260K.gguf")
SSN = "536-22-8174"
# Long enough that eight requests sent at once overlap on one worker.
LONG = 60 if os.environ.get("EW_SANITIZED") else 300

KEYS = {"alice": "sk-alice-7c1d9e", "slow": "sk-slow-41aa02", "thrifty": "sk-thrifty-9e8d7c",
        "ops": "sk-ops-00ff11"}


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def config(up_port, down_port, local_port):
    base = f"http://127.0.0.1:{up_port}/s"
    return f"""version: 1
server:
  listen: [127.0.0.1:0]
  limits: {{max_concurrent_streams: 64, drain_timeout: 2s}}
auth:
  allow_anonymous_loopback: false
  keys:
    - {{name: alice, sha256: {sha(KEYS['alice'])}, tenant: eng}}
    - {{name: slow, sha256: {sha(KEYS['slow'])}, rps: 2}}
    - {{name: thrifty, sha256: {sha(KEYS['thrifty'])}, tokens_per_min: 60}}
    - {{name: ops, sha256: {sha(KEYS['ops'])}, admin: true}}
models:
  - {{name: stories, path: {MODEL}, workers: 1, queue: 1, threads: 1}}
  - {{name: ollama, url: "http://127.0.0.1:{local_port}/s/echo/v1", upstream_model: "llama3.2:1b"}}
backends:
  - {{name: ok, base_url: "{base}/ok/v1", max_retries: 0, models: {{cloud: gpt-x}}}}
  - {{name: midreset, base_url: "{base}/reset_mid/v1", max_retries: 0}}
  - {{name: stall, base_url: "{base}/stall_mid:30/v1", max_retries: 0, idle_timeout: 500ms}}
  - {{name: drip, base_url: "http://127.0.0.1:{down_port}/s/drip:40/v1", max_retries: 0,
      connect_timeout: 500ms}}
  - {{name: dead, base_url: "http://127.0.0.1:1/v1", max_retries: 0, connect_timeout: 500ms}}
device: {{source: push}}
routing:
  default: local
  never_remote: [us_ssn]
  fallbacks: [{{route: remote, backend: ok}}]
  aliases:
    cloud-mid: {{route: remote, backend: midreset}}
    cloud-stall: {{route: remote, backend: stall}}
    cloud-drip: {{route: remote, backend: drip}}
    cloud-dead: {{route: remote, backend: dead}}
    cloud-dead-only: {{route: remote, backend: dead}}
    local-only: {{route: local}}
  rules:
    - name: dead-has-no-fallback
      when: {{model: cloud-dead-only}}
      route: remote
      backend: dead
      fallbacks: [local]
    - name: low-battery
      when: {{battery: {{lt: 20}}, model: auto}}
      route: remote
      backend: ok
"""


class Proc(LogWatch):
    wait_timeout = 20.0

    def __init__(self, args, log_path, pattern):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=env)
        self.pattern = pattern

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10 * SLOW)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def upstream(tmp, name, record=None):
    args = [sys.executable, os.path.join(EW_SRC, "tests", "tools", "fault_upstream.py")]
    if record:
        args += ["--record", record]
    p = Proc(args, os.path.join(tmp, f"{name}.log"), None)
    line = p.proc.stdout.readline().decode()
    check(line.startswith("PORT "), f"upstream said {line!r}")
    p.port = int(line.split()[1])
    return p


def stop_upstreams(*procs):
    """Ends fault_upstream.py processes (they exit when stdin closes)."""
    for p in procs:
        p.proc.stdin.close()
        p.stop()


class Gateway(Proc):
    def __init__(self, cfg_path, log_path):
        super().__init__([EW_BIN, "serve", "-c", cfg_path, "--listen", "127.0.0.1:0"], log_path,
                         None)
        self.port = int(self.wait_log(r'"listening on 127\.0\.0\.1:(\d+)"').group(1))

    def request(self, method, path, body=None, key="alice", headers=None, timeout=30):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout * SLOW)
        h = {"Content-Type": "application/json"}
        if key:
            h["Authorization"] = f"Bearer {KEYS[key]}"
        h.update(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    def chat(self, model, content="Tell me a story.", key="alice", stream=False, max_tokens=16,
             **kw):
        body = {"model": model, "max_tokens": max_tokens, "temperature": 0, "stream": stream,
                "messages": [{"role": "user", "content": content}]}
        if stream:
            body["stream_options"] = {"include_usage": True}
        body.update(kw)
        return self.request("POST", "/v1/chat/completions", body, key=key)


def serve(tmp, name, cfg_text, fn, *args):
    """Runs fn(gw, *args) on a gateway of its own (config cfg_text, written
    to tmp/<name>.yaml), stops it and fails on a sanitizer report in its log.
    On a failure the end of the log (less /metrics lines) goes to stderr.
    Returns the stopped gateway, whose log stays readable."""
    cfg = os.path.join(tmp, name + ".yaml")
    with open(cfg, "w") as f:
        f.write(cfg_text)
    gw = Gateway(cfg, os.path.join(tmp, name + ".log"))
    try:
        fn(gw, *args)
        gw.stop()
        check_no_sanitizer_report(gw.text())
    except BaseException:
        log = [ln for ln in gw.text().splitlines() if '"/metrics"' not in ln]
        print("\n".join(log[-60:]), file=sys.stderr)
        raise
    finally:
        gw.stop()
    return gw


def error_of(r, data, status=None):
    check(status is None or r.status == status, f"expected {status}, got {r.status}: {data[:300]!r}")
    doc = json.loads(data)
    check(set(doc) == {"error"} and {"message", "type", "param", "code"} == set(doc["error"]),
          f"not an OpenAI error: {doc}")
    return doc["error"]


def sse_events(data):
    """The data: payloads of an SSE body, in order."""
    out = []
    for block in data.decode().split("\n\n"):
        for line in block.split("\n"):
            if line.startswith("data: "):
                out.append(line[6:])
    return out


def outcome(r, data, stream):
    """'ok' for a complete answer, 'error' for an OpenAI error (whole or as the
    stream's last event); anything else is a lost request."""
    if r.status != 200:
        error_of(r, data)
        return "error"
    if not stream:
        doc = json.loads(data)
        check(doc["choices"][0]["finish_reason"] in ("stop", "length"), doc)
        return "ok"
    ev = sse_events(data)
    if ev and ev[-1] == "[DONE]":
        return "ok"
    last = json.loads(ev[-1]) if ev else {}
    check("error" in last, f"a stream that ended without [DONE] or an error: {ev[-3:]}")
    return "error"


# ---- the tests ----------------------------------------------------------------------

def test_auth(gw):
    r, data = gw.chat("stories", key=None)
    check(error_of(r, data, 401)["code"] == "missing_api_key", "no key")
    check(r.getheader("www-authenticate") == "Bearer", "WWW-Authenticate")
    r, data = gw.request("POST", "/v1/chat/completions", {}, key=None,
                         headers={"Authorization": "Bearer sk-nobody"})
    check(error_of(r, data, 401)["code"] == "invalid_api_key", "unknown key")
    r, data = gw.request("GET", "/metrics", key=None)
    check(r.status == 401, "metrics need a caller too")
    r, data = gw.request("GET", "/healthz", key=None)
    check(r.status == 200, "health is open")
    r, data = gw.chat("stories", headers=None, key="alice")
    check(r.status == 200 and r.getheader("x-edgeway-route") == "local", f"alice {r.status}")
    r, data = gw.request("POST", "/admin/reload", key="alice")
    check(error_of(r, data, 403)["code"] == "permission_denied", "admin only")
    r, data = gw.request("PUT", "/v1/edgeway/device", {"battery": 50}, key="alice")
    check(r.status == 403, "device push is admin only")
    r, data = gw.request("POST", "/admin/reload", key="ops")
    check(r.status == 200 and json.loads(data) == {"status": "reloaded"}, f"reload {data!r}")


def test_rate_limits(gw):
    # rps 2: a burst of 6 gets some 429s with Retry-After, the rest answers.
    statuses = []
    for _ in range(6):
        r, data = gw.request("POST", "/v1/chat/completions", b"{", key="slow")
        statuses.append(r.status)
        if r.status == 429:
            e = error_of(r, data)
            check(e["code"] == "rate_limit_exceeded" and "requests" in e["message"], e)
            check(int(r.getheader("retry-after")) >= 1, "Retry-After")
    check(statuses.count(429) >= 3 and statuses.count(400) >= 1, f"rps statuses {statuses}")
    # 60 tokens a minute: the first answer spends them, the next is refused.
    r, data = gw.chat("stories", key="thrifty", max_tokens=64)
    check(r.status == 200, f"first thrifty {r.status} {data[:200]!r}")
    used = json.loads(data)["usage"]["total_tokens"]
    check(used > 60, f"usage {used}")
    r, data = gw.chat("stories", key="thrifty")
    e = error_of(r, data, 429)
    check("tokens" in e["message"] and int(r.getheader("retry-after")) >= 1, e)


def test_routes_and_fallbacks(gw, up):
    r, data = gw.chat("cloud")
    check(r.status == 200 and r.getheader("x-edgeway-route") == "remote", f"cloud {r.status}")
    check(r.getheader("x-edgeway-backend") == "ok", r.getheaders())
    doc = json.loads(data)
    check(doc["usage"]["total_tokens"] > 0 and doc["choices"][0]["message"]["content"], doc)
    # The policy's fallback answers when the chosen backend is down.
    r, data = gw.chat("cloud-dead")
    check(r.status == 200 and r.getheader("x-edgeway-fallback") == "true", f"{r.status} {data!r}")
    check(r.getheader("x-edgeway-backend") == "ok", r.getheaders())
    # ... or the rule's own (local here).
    r, data = gw.chat("cloud-dead-only", stream=True)
    check(r.status == 200 and r.getheader("x-edgeway-route") == "local", f"{r.status} {data!r}")
    check(outcome(r, data, True) == "ok", "local fallback streams")
    # Mid-stream reset: two chunks, then one error event; never a hang.
    r, data = gw.chat("cloud-mid", stream=True)
    check(r.status == 200, f"mid {r.status}")
    ev = sse_events(data)
    check(json.loads(ev[-1])["error"]["type"] == "server_error", ev[-2:])
    check(any('"content"' in e and '"content":""' not in e for e in ev[:-1]), "chunks came first")
    # The same whole (this scenario resets streams only): a whole answer.
    r, data = gw.chat("cloud-mid")
    check(outcome(r, data, False) == "ok", f"{r.status} {data!r}")
    # A stalled stream ends at the idle timeout with an error event.
    t0 = time.time()
    r, data = gw.chat("cloud-stall", stream=True)
    check(outcome(r, data, True) == "error", "stall ends in an error")
    check(time.time() - t0 < 10 * SLOW, "the stall did not hang")
    # A client that leaves mid-stream: the gateway logs it aborted and goes on.
    s = socket.create_connection(("127.0.0.1", gw.port), timeout=10 * SLOW)
    body = json.dumps({"model": "cloud-drip", "stream": True, "max_tokens": 50,
                       "messages": [{"role": "user", "content": "hi"}]}).encode()
    s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json"
              b"\r\nAuthorization: Bearer " + KEYS["alice"].encode() +
              b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    check(s.recv(4096).startswith(b"HTTP/1.1 200"), "drip started")
    s.close()
    gw.wait_log(r'"path":"/v1/chat/completions".*"aborted":true')
    # The same on the local route: the job is cancelled and the worker is free
    # again at once (one worker, one queue slot here).
    mark = len(gw.text())
    s = socket.create_connection(("127.0.0.1", gw.port), timeout=10 * SLOW)
    body = json.dumps({"model": "stories", "stream": True, "max_tokens": 1500,
                       "messages": [{"role": "user", "content": "hi"}]}).encode()
    s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json"
              b"\r\nAuthorization: Bearer " + KEYS["alice"].encode() +
              b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    check(s.recv(4096).startswith(b"HTTP/1.1 200"), "local stream started")
    s.close()
    gw.wait_log(r'"route":"local".*"aborted":true|"aborted":true.*"route":"local"', mark)
    for _ in range(2):
        r, data = gw.chat("stories", max_tokens=4)
        check(r.status == 200, f"the worker is free again: {r.status} {data[:200]!r}")


def test_local_http(gw, local):
    # A model served by an OpenAI-compatible server on this device is the
    # local route: a never_remote value may go there, under its own name.
    r, data = gw.chat("ollama", content=f"my ssn is {SSN}, repeat it")
    check(r.status == 200, f"ollama {r.status} {data[:300]!r}")
    check(r.getheader("x-edgeway-route") == "local", r.getheaders())
    check(r.getheader("x-edgeway-backend") == "ollama", r.getheaders())
    doc = json.loads(data)
    check(doc["model"] == "ollama" and SSN in doc["choices"][0]["message"]["content"], doc)
    c = http.client.HTTPConnection("127.0.0.1", local.port, timeout=10)
    c.request("GET", "/_last")
    last = json.loads(c.getresponse().read())
    c.close()
    check(json.loads(last["body"])["model"] == "llama3.2:1b", f"upstream model: {last}")
    r, data = gw.chat("ollama", stream=True)
    check(outcome(r, data, True) == "ok" and r.getheader("x-edgeway-route") == "local", data[-200:])


def test_device(gw):
    r, data = gw.request("PUT", "/v1/edgeway/device", {"battery": 15, "charging": False},
                         key="ops")
    check(r.status == 200, f"push {r.status} {data!r}")
    check(json.loads(data)["device"]["battery"] == 15, data)
    r, data = gw.request("PUT", "/v1/edgeway/device", {"battery": 150}, key="ops")
    check(error_of(r, data, 400)["code"] == "invalid_device_state", "bad battery")
    r, data = gw.chat("auto")
    check(r.getheader("x-edgeway-route") == "remote", "low battery goes to the cloud")
    check(r.getheader("x-edgeway-rule") == "low-battery", r.getheaders())
    r, data = gw.request("POST", "/v1/edgeway/route",
                         {"model": "auto", "messages": [{"role": "user", "content": "hi"}]})
    d = json.loads(data)
    check(r.status == 200 and d["route"] == "remote" and d["rule"] == "low-battery", d)
    # A secret stays home even on low battery.
    r, data = gw.chat("auto", content=f"my ssn is {SSN}")
    check(r.getheader("x-edgeway-route") == "local", "never_remote beats the battery rule")
    r, data = gw.request("PUT", "/v1/edgeway/device", "battery=80; charging=1",
                         key="ops", headers={"Content-Type": "text/plain"})
    check(r.status == 200, f"text push {r.status} {data!r}")
    r, data = gw.chat("auto")
    check(r.getheader("x-edgeway-route") == "local", "battery back: local")


def parallel(n, fn):
    results = [None] * n

    def run(i):
        try:
            results[i] = fn(i)
        except Exception as e:  # a lost request, reported below
            results[i] = e
    ts = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(120 * SLOW)
    return results


def test_backpressure(gw):
    # One worker, one queue slot, long answers: the rest spills to the cloud.
    def one(i):
        r, data = gw.chat("auto", content=f"Story number {i}.", max_tokens=LONG)
        return r.status, r.getheader("x-edgeway-route"), r.getheader("x-edgeway-backend"), \
            outcome(r, data, False)
    res = parallel(8, one)
    for x in res:
        check(not isinstance(x, Exception), f"lost request: {x!r}")
        check(x[3] == "ok", f"every one answered: {res}")
    routes = [x[1] for x in res]
    check("local" in routes and "remote" in routes, f"spill-over: {routes}")
    # With a never_remote value, the cloud is no way out: 429 instead.
    def secret(i):
        r, data = gw.chat("auto", content=f"ssn {SSN}, story {i}", max_tokens=LONG)
        if r.status == 429:
            check(error_of(r, data)["code"] == "local_queue_full", data)
            check(r.getheader("retry-after") == "1", "Retry-After on a full queue")
        return r.status, r.getheader("x-edgeway-route")
    res = parallel(8, secret)
    for x in res:
        check(not isinstance(x, Exception), f"lost request: {x!r}")
    check(all(x[1] != "remote" for x in res), f"a secret went out: {res}")
    check(any(x[0] == 429 for x in res) and any(x[0] == 200 for x in res), f"{res}")


def test_backend_dies(gw, down):
    # Streams through a dripping backend; it dies mid-run. Every request ends
    # in a completion or an OpenAI error, streams with an error event.
    def one(i):
        time.sleep(0.02 * i)
        r, data = gw.chat("cloud-drip", stream=bool(i % 2), max_tokens=20)
        return outcome(r, data, bool(i % 2))

    def killer():
        time.sleep(0.3 * SLOW)
        down.proc.kill()
    k = threading.Thread(target=killer)
    k.start()
    res = parallel(16, one)
    k.join()
    for x in res:
        check(not isinstance(x, Exception), f"lost request: {x!r}")
    check("error" in res or "ok" in res, res)
    # After it died: the policy's fallback (ok) answers the whole ones.
    r, data = gw.chat("cloud-drip")
    check(r.status == 200 and r.getheader("x-edgeway-backend") == "ok", f"{r.status} {data!r}")


def metric(text, name, **labels):
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        m = re.match(r"([a-z_]+)(\{(.*)\})? (\S+)$", line)
        if not m or m.group(1) != name:
            continue
        got = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3) or ""))
        if all(got.get(k) == v for k, v in labels.items()):
            return float(m.group(4))
    return None


def test_metrics(gw):
    r, data = gw.request("GET", "/metrics")
    check(r.status == 200 and r.getheader("content-type").startswith("text/plain"), r.status)
    t = data.decode()
    check_prom_format(t)
    check(metric(t, "edgeway_requests_total", route="local", backend="stories", status="200") >= 3,
          "local requests")
    check(metric(t, "edgeway_requests_total", route="remote", backend="ok", status="200") >= 2, t)
    check(metric(t, "edgeway_requests_total", route="none", status="401") >= 1, "auth refusals")
    check(metric(t, "edgeway_requests_total", route="none", status="429") >= 1, "rate limited")
    check(metric(t, "edgeway_request_duration_seconds_count", route="local") >= 3, "latency")
    check(metric(t, "edgeway_request_duration_seconds_bucket", route="local", le="+Inf") ==
          metric(t, "edgeway_request_duration_seconds_count", route="local"), "+Inf = count")
    check(metric(t, "edgeway_time_to_first_token_seconds_count", route="remote") >= 1, "ttft")
    check(metric(t, "edgeway_tokens_total", route="local", direction="out") > 0, "tokens")
    check(metric(t, "edgeway_pii_detections_total", type="us_ssn") >= 9, "pii by type")
    check(metric(t, "edgeway_backend_breaker_state", backend="ok") == 0, "breaker closed")
    check(metric(t, "edgeway_backend_breaker_state", backend="dead") is not None, "breakers")
    check(metric(t, "edgeway_local_queue_depth", model="stories") == 0, "queue depth")
    check(metric(t, "edgeway_local_queue_capacity", model="stories") == 1, "queue capacity")
    check(metric(t, "edgeway_device_state", field="battery_pct") == 80, "device gauge")
    check(metric(t, "edgeway_fallbacks_total", route="remote") >= 1, "fallbacks")
    check(metric(t, "edgeway_rate_limited_total", limit="tokens") >= 1, "token limit")
    check(SSN not in t, "no PII values in metrics")


def check_logs(gw, recorded):
    text = gw.text()
    check(SSN not in text, "a never_remote value in the log")
    with open(recorded, "rb") as f:
        sent = f.read()
    check(len(sent) > 1000, "the recording holds the cloud traffic")
    for form in (SSN, SSN.replace("-", ""), json.dumps(SSN)[1:-1]):
        check(form.encode() not in sent, f"{form} reached the cloud")
    access = [json.loads(l) for l in text.splitlines() if '"msg":"access"' in l]
    chat = [a for a in access if a.get("path") == "/v1/chat/completions" and a["status"] == 200]
    check(chat and all("route" in a and "decision" in a for a in chat), "decision in access")
    check(any(a.get("decision", {}).get("pii", {}).get("us_ssn") for a in access), "pii counts")


def run_test(name, body):
    """A test's main: body(tmp) in a fresh directory, then "<name>: ok".
    Exit status 2 without EW_BIN."""
    if not EW_BIN:
        print("EW_BIN is not set", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        body(tmp)
    print(f"{name}: ok")
    return 0


def run_all(gw, up, down, local):
    test_auth(gw)
    test_rate_limits(gw)
    test_routes_and_fallbacks(gw, up)
    test_local_http(gw, local)
    test_device(gw)
    test_backpressure(gw)
    test_backend_dies(gw, down)
    test_metrics(gw)


def run(tmp):
    recorded = os.path.join(tmp, "cloud.bytes")
    up = upstream(tmp, "up", recorded)
    down = upstream(tmp, "down")
    local = upstream(tmp, "local")
    try:
        gw = serve(tmp, "edge", config(up.port, down.port, local.port), run_all, up, down,
                   local)
        check_logs(gw, recorded)
    finally:
        stop_upstreams(up, down, local)


if __name__ == "__main__":
    sys.exit(run_test("gateway routes", run))
