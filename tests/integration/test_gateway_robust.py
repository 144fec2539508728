#!/usr/bin/env python3
"""The gateway under stress: slow clients and dying backends.

1. Model reload off the loop: while a reload is under way (its config file
   is a FIFO nobody has written yet, so reading it blocks; then a changed
   model loads), health checks, local and cloud requests keep being
   answered, a second reload is refused with 409, and the new model serves
   once it is over.
2. Backpressure: a client that stops reading a long stream pauses the
   upstream transfer (the fault upstream stops being able to write) instead
   of the gateway buffering the answer; when the client reads again the whole
   stream arrives, and the gateway's memory never held it.
3. No request lost: many clients send whole and streamed requests while one
   upstream resets streams mid-way and another is killed mid-run. Every
   request must end in a completion or an OpenAI error (a stream that had
   begun: one `data: {"error": ...}` event); no hang, no connection closed
   without an answer. The gateway's own request counter agrees.

Python standard library only; a few seconds (well under a minute with ASan).
"""
import http.client
import json
import os
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_gateway_routes import (EW_BIN, MODEL, SLOW, Proc, check, metric,  # noqa: E402
                                 outcome, sha, sse_events, upstream)

LONG_MIB = 64


ADMIN = "sk-admin-5a5a5a"
JSON = {"Content-Type": "application/json"}


def config(a_port, b_port, ctx=256):
    a = f"http://127.0.0.1:{a_port}/s"
    b = f"http://127.0.0.1:{b_port}/s"
    return f"""version: 1
server:
  listen: [127.0.0.1:0]
  limits: {{max_concurrent_streams: 256, drain_timeout: 2s}}
auth:
  allow_anonymous_loopback: true
  keys: [{{name: ops, sha256: {sha(ADMIN)}, admin: true}}]
models:
  - {{name: stories, path: {MODEL}, workers: 1, queue: 8, threads: 1, ctx: {ctx}}}
backends:
  - {{name: dying, base_url: "{a}/drip:15/v1", max_retries: 0, connect_timeout: 300ms,
      priority: 1}}
  - {{name: dying-slow, base_url: "{a}/stall:0.3/v1", max_retries: 0, connect_timeout: 300ms,
      priority: 5}}
  - {{name: good, base_url: "{b}/ok/v1", max_retries: 0, priority: 2}}
  - {{name: resets, base_url: "{b}/reset_mid/v1", max_retries: 0, priority: 5}}
  - {{name: long, base_url: "{b}/long:{LONG_MIB}/v1", max_retries: 0, idle_timeout: 30s,
      total_timeout: 120s, priority: 9}}
routing:
  default: remote
  fallbacks: [{{route: remote, backend: good}}]
  aliases:
    cloud-dying: {{route: remote, backend: dying}}
    cloud-slow: {{route: remote, backend: dying-slow}}
    cloud-resets: {{route: remote, backend: resets}}
    cloud-long: {{route: remote, backend: long}}
    local-only: {{route: local}}
"""


class Gateway(Proc):
    def __init__(self, cfg_path, log_path):
        super().__init__([EW_BIN, "serve", "-c", cfg_path, "--listen", "127.0.0.1:0"], log_path,
                         None)
        self.port = int(self.wait_log(r'"listening on 127\.0\.0\.1:(\d+)"').group(1))

    def status_kib(self, field):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def get(self, path):
        return self.call("GET", path)

    def call(self, method, path, body=None, headers=None, timeout=10):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout * SLOW)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r, r.read()


def chat_body(model, stream, content="Tell me a story."):
    body = {"model": model, "max_tokens": 32, "stream": stream,
            "messages": [{"role": "user", "content": content}]}
    if stream:
        body["stream_options"] = {"include_usage": True}
    return json.dumps(body)


def up_stats(up):
    c = http.client.HTTPConnection("127.0.0.1", up.port, timeout=10)
    c.request("GET", "/_stats")
    return json.loads(c.getresponse().read())


def test_reload_off_loop(gw, cfg_path, new_config):
    """The config path becomes a FIFO: the reload thread blocks reading it."""
    os.rename(cfg_path, cfg_path + ".saved")
    os.mkfifo(cfg_path)
    admin = {"Authorization": f"Bearer {ADMIN}"}
    done = {}

    def reload():
        done["r"] = gw.call("POST", "/admin/reload", headers=admin, timeout=60)
    t = threading.Thread(target=reload)
    mark = len(gw.text())
    t.start()
    try:
        gw.wait_log(r'"reloading ', mark)
        # The loop serves while the reload waits: each answer well within 5 s.
        for i in range(6):
            t0 = time.time()
            r, _ = gw.get("/healthz")
            check(r.status == 200, "healthz during a reload")
            for model in ("local-only", "auto"):
                r, data = gw.call("POST", "/v1/chat/completions",
                                  chat_body(model, bool(i % 2), "Once upon a time"), JSON, 5)
                check(outcome(r, data, bool(i % 2)) == "ok", f"{model} during a reload: {data!r}")
            check(time.time() - t0 < 5 * SLOW, "answers during a reload were slow")
        r, data = gw.call("POST", "/admin/reload", headers=admin)
        check(r.status == 409 and b"reload_in_progress" in data, f"second reload: {r.status}")
        check(t.is_alive(), "the reload finished without its file")
        # Now the file: the changed model loads (still off the loop), then the switch.
        fd = None
        end = time.time() + 10 * SLOW
        while fd is None and time.time() < end:
            try:
                fd = os.open(cfg_path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.02)
        check(fd is not None, "nobody reads the FIFO")
        os.set_blocking(fd, True)
        os.write(fd, new_config.encode())
        os.close(fd)
        t.join(60 * SLOW)
    finally:
        if t.is_alive():  # unblock the reader before failing
            with open(cfg_path, "w") as f:
                f.write("not: [a config")
            t.join(10)
        os.unlink(cfg_path)
        os.rename(cfg_path + ".saved", cfg_path)
    r, data = done["r"]
    check(r.status == 200 and json.loads(data) == {"status": "reloaded"}, f"reload: {data!r}")
    check("context 128" in gw.text()[mark:], "the changed model was loaded")
    r, data = gw.call("POST", "/v1/chat/completions", chat_body("local-only", False), JSON)
    check(r.status == 200 and r.getheader("x-edgeway-backend") == "stories", f"{data!r}")
    print("reload off the loop: served during it, 409 for a second one, new model after")


def test_slow_client(gw, b):
    rss0 = gw.status_kib("VmRSS")
    # A small receive buffer, so what waits for this client is in the gateway
    # (or the kernel's send buffer), not in our socket.
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    s.settimeout(60 * SLOW)
    s.connect(("127.0.0.1", gw.port))
    c = http.client.HTTPConnection("127.0.0.1", gw.port)
    c.sock = s
    c.request("POST", "/v1/chat/completions", body=chat_body("cloud-long", True),
              headers={"Content-Type": "application/json"})
    r = c.getresponse()
    check(r.status == 200 and r.getheader("x-edgeway-backend") == "long", r.status)
    # Not reading: the upstream must stall well before the end of the stream.
    total = LONG_MIB << 20
    deadline = time.time() + 20 * SLOW
    prev, stalled = -1, False
    while time.time() < deadline:
        time.sleep(0.5)
        sent = up_stats(b).get("long_bytes", 0)
        if sent == prev and 0 < sent < total:
            stalled = True
            break
        prev = sent
    check(stalled, f"the upstream was not paused: it wrote {prev} of {total} bytes")
    grew = gw.status_kib("VmHWM") - rss0
    # (A sanitizer keeps freed memory in quarantine: RSS says nothing there.)
    check(SLOW > 1 or grew < 12 * 1024, f"the gateway buffered the stream: RSS grew by {grew} KiB")
    data = r.read()
    c.close()
    ev = sse_events(data)
    check(ev and ev[-1] == "[DONE]", f"the stream did not end well: {ev[-2:]}")
    got = sum(len(json.loads(e)["choices"][0]["delta"].get("content") or "")
              for e in ev[:-1] if json.loads(e)["choices"])
    check(got == total, f"content: {got} of {total} bytes")
    print(f"slow client: upstream paused at {prev >> 20} MiB of {LONG_MIB}, "
          f"gateway RSS +{grew} KiB, all {total >> 20} MiB delivered after")


def one_request(port, model, stream):
    """'ok' or 'error' (an OpenAI error); raises on anything else."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30 * SLOW)
    try:
        c.request("POST", "/v1/chat/completions", body=chat_body(model, stream),
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        data = r.read()
        return outcome(r, data, stream)
    finally:
        c.close()


def test_no_request_lost(gw, a):
    models = ["auto", "cloud-dying", "cloud-slow", "cloud-resets"]
    n_threads, per_thread = 16, 16
    results, lock = [], threading.Lock()

    def client(t):
        for i in range(per_thread):
            model = models[(t + i) % len(models)]
            stream = (t + i) % 3 != 0
            try:
                res = one_request(gw.port, model, stream)
            except Exception as e:  # a hang, a dropped connection, a malformed answer
                res = f"LOST {model} stream={stream}: {e!r}"
            with lock:
                results.append((model, stream, res))

    def killer():
        time.sleep(0.4 * SLOW)
        a.proc.kill()  # the upstream dies with requests in flight

    _, before = gw.get("/metrics")
    ts = [threading.Thread(target=client, args=(t,)) for t in range(n_threads)]
    k = threading.Thread(target=killer)
    t0 = time.time()
    for t in ts + [k]:
        t.start()
    for t in ts + [k]:
        t.join(120 * SLOW)
    check(not any(t.is_alive() for t in ts), "clients still waiting: a request hangs")
    lost = [r for r in results if not r[2] in ("ok", "error")]
    check(not lost, f"{len(lost)} lost: {lost[:5]}")
    check(len(results) == n_threads * per_thread, f"{len(results)} results")
    counts = {}
    for m, s, r in results:
        key = f"{m}/{'stream' if s else 'whole'}/{r}"
        counts[key] = counts.get(key, 0) + 1
    # Which way a reset stream ends (an error event, or a fallback when the
    # reset beat its first chunk) depends on timing; that it ends is the point.
    check(counts.get("auto/whole/ok", 0) + counts.get("auto/stream/ok", 0) > 0, counts)
    # The gateway counted every one of them.
    _, after = gw.get("/metrics")

    def total(text):
        n = 0.0
        for line in text.decode().splitlines():
            if line.startswith("edgeway_requests_total{"):
                n += float(line.rsplit(" ", 1)[1])
        return n
    check(total(after) - total(before) == len(results),
          f"metrics counted {total(after) - total(before)} of {len(results)}")
    check(metric(after.decode(), "edgeway_backend_breaker_state", backend="dying") is not None,
          "breaker gauge")
    r, _ = gw.get("/healthz")
    check(r.status == 200, "alive after the run")
    print(f"no request lost: {len(results)} requests in {time.time() - t0:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def main():
    if not EW_BIN:
        print("EW_BIN is not set", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        a = upstream(tmp, "a")
        b = upstream(tmp, "b")
        cfg = os.path.join(tmp, "gw.yaml")
        with open(cfg, "w") as f:
            f.write(config(a.port, b.port))
        gw = Gateway(cfg, os.path.join(tmp, "gw.log"))
        try:
            test_reload_off_loop(gw, cfg, config(a.port, b.port, ctx=128))
            test_slow_client(gw, b)
            test_no_request_lost(gw, a)
            gw.stop()
            check(gw.proc.returncode == 0, f"exit status {gw.proc.returncode}")
            text = gw.text()
            check("AddressSanitizer" not in text and "runtime error:" not in text,
                  f"sanitizer report:\n{text[-4000:]}")
        except BaseException:
            print(gw.text()[-6000:], file=sys.stderr)
            raise
        finally:
            gw.stop()
            for p in (a, b):
                p.proc.stdin.close()
                p.stop()
    print("gateway robustness: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
