#!/usr/bin/env python3
"""The real `edgeway serve` on loopback, driven like a client would.

Starts the daemon with --listen 127.0.0.1:0, reads the port from its JSON
log, and checks health, the model list, OpenAI error objects (400, 413, 415,
431), a seeded fuzz-style stream of broken bodies (always a 4xx, never a
crash), keep-alive, SIGHUP reloads (a broken file keeps the old config, a
good one applies) and a SIGTERM drain that finishes the request in flight
and exits 0. The daemon's stderr must hold only JSON log lines: no sanitizer
report, and no prompt text.

Python standard library only. EW_BIN is whichever build runs the test
(release or ASan+UBSan).
"""
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import EW_BIN, SLOW, LogWatch, check  # noqa: E402
SECRET = "SECRET-PROMPT-TEXT-7f3a"

CONFIG = """version: 1
server:
  listen:
    - 127.0.0.1:8080
  limits:
    max_body_size: 64KiB
    max_header_size: 4KiB
    read_timeout: 5s
    keepalive_timeout: 10s
    drain_timeout: 5s
log:
  level: info
  access_log: true
auth:
  allow_anonymous_loopback: true
models:
{models}
backends:
  - name: cloud
    base_url: http://127.0.0.1:9/v1
    api_key_env: EW_TEST_CLOUD_KEY
    models:
{mappings}
routing:
  default: local
"""


MODEL = os.path.join(os.environ.get("EW_SHARED", "../shared"), "models", "stories260K.gguf")


def write_config(path, models, mappings):
    m = "\n".join(f"  - name: {n}\n    path: {MODEL}" for n in models)
    b = "\n".join(f"      {k}: {v}" for k, v in mappings.items())
    with open(path, "w") as f:
        f.write(CONFIG.format(models=m, mappings=b))


class Daemon(LogWatch):
    def __init__(self, config, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        env["EW_TEST_CLOUD_KEY"] = "sk-test-not-used"
        self.proc = subprocess.Popen(
            [EW_BIN, "serve", "-c", config, "--listen", "127.0.0.1:0"],
            stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        m = self.wait_log(r'"listening on 127\.0\.0\.1:(\d+)"')
        self.port = int(m.group(1))

    def conn(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10 * SLOW)

    def request(self, method, path, body=None, headers=None, conn=None):
        c = conn or self.conn()
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        if conn is None:
            c.close()
        return r, data

    def alive(self):
        return self.proc.poll() is None


def error_object(r, data, status):
    check(r.status == status, f"expected {status}, got {r.status}: {data[:300]!r}")
    check(r.getheader("content-type") == "application/json", "error content type")
    check(r.getheader("x-request-id"), "x-request-id on an error")
    doc = json.loads(data)
    e = doc["error"]
    check(set(doc) == {"error"}, f"extra members: {doc}")
    check(set(e) == {"message", "type", "param", "code"}, f"error members: {e}")
    check(isinstance(e["message"], str) and e["message"], "error message")
    check(isinstance(e["type"], str), "error type")
    return e


JSON_HDR = {"Content-Type": "application/json"}
VALID = {"model": "auto", "max_tokens": 8,
         "messages": [{"role": "user", "content": "hello " + SECRET}]}


def test_basics(d):
    r, data = d.request("GET", "/healthz")
    check(r.status == 200 and json.loads(data) == {"status": "ok"}, f"healthz {r.status} {data!r}")
    rid = r.getheader("x-request-id")
    check(rid and re.fullmatch(r"[A-Za-z0-9._:-]{1,64}", rid), f"request id {rid!r}")
    r, data = d.request("GET", "/healthz", headers={"X-Request-Id": "client-id-1"})
    check(r.getheader("x-request-id") == "client-id-1", "client request id echoed")
    r, data = d.request("GET", "/readyz")
    check(r.status == 200, "readyz")

    # A valid request: the policy's default (local) answers with the embedded model.
    r, data = d.request("POST", "/v1/chat/completions", json.dumps(VALID), JSON_HDR)
    check(r.status == 200, f"chat {r.status} {data[:300]!r}")
    check(r.getheader("x-edgeway-route") == "local", "route header")
    doc = json.loads(data)
    check(doc["usage"]["completion_tokens"] <= 8, doc)

    r, data = d.request("POST", "/v1/chat/completions", b'{"model": "auto", "messages": [',
                        JSON_HDR)
    e = error_object(r, data, 400)
    check(e["type"] == "invalid_request_error", e)
    bad_n = dict(VALID, n=2)
    r, data = d.request("POST", "/v1/chat/completions", json.dumps(bad_n), JSON_HDR)
    check(error_object(r, data, 400)["param"] == "n", "n is named")

    r, data = d.request("POST", "/v1/chat/completions", json.dumps(VALID),
                        {"Content-Type": "text/plain"})
    check(error_object(r, data, 415)["code"] == "unsupported_media_type", "415 code")

    r, data = d.request("POST", "/v1/chat/completions", b"x" * (70 * 1024), JSON_HDR)
    check(error_object(r, data, 413)["code"] == "request_too_large", "413 code")

    r, data = d.request("GET", "/v1/nothing")
    check(error_object(r, data, 404)["code"] == "unknown_url", "404 code")
    r, data = d.request("DELETE", "/v1/models")
    error_object(r, data, 405)
    check(r.getheader("allow") == "GET, HEAD", "Allow header")


def test_models(d, expected):
    r, data = d.request("GET", "/v1/models")
    check(r.status == 200, f"models {r.status}")
    doc = json.loads(data)
    check(doc["object"] == "list", doc)
    ids = [m["id"] for m in doc["data"]]
    check(ids == expected, f"model ids {ids} != {expected}")
    for m in doc["data"]:
        check(m["object"] == "model" and isinstance(m["created"], int) and m["owned_by"], m)


def raw_exchange(port, payload, read_timeout=10.0):
    """Sends raw bytes, returns everything the server sends until it closes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=read_timeout * SLOW)
    try:
        s.sendall(payload)
        # Half-close: a head that never completes ends now, not at the read timeout.
        s.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return out
            out += chunk
    finally:
        s.close()


def test_http_limits(d):
    big = b"X-Big: " + b"a" * 8000 + b"\r\n"
    out = raw_exchange(d.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n" + big + b"\r\n")
    check(out.startswith(b"HTTP/1.1 431 "), f"header too large: {out[:80]!r}")
    check(b'"error"' in out, "431 is an error object")
    out = raw_exchange(d.port, b"NOT HTTP AT ALL\r\n\r\n")
    check(out.startswith(b"HTTP/1.1 400 "), f"garbage request line: {out[:80]!r}")
    # A chunked body past the cap is cut off with 413 too.
    body = b"".join(b"%x\r\n%s\r\n" % (8192, b"y" * 8192) for _ in range(10)) + b"0\r\n\r\n"
    out = raw_exchange(d.port, b"POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\n"
                       b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
    check(out.startswith(b"HTTP/1.1 413 "), f"chunked too large: {out[:80]!r}")


def test_keepalive(d):
    c = d.conn()
    for i in range(5):
        r, data = d.request("GET", "/healthz", conn=c)
        check(r.status == 200, "keep-alive request")
        check(not r.will_close, "the server keeps the connection")
        if i == 0:
            sock = c.sock
        check(c.sock is sock, "same socket reused")
    r, data = d.request("POST", "/v1/chat/completions", json.dumps(VALID), JSON_HDR, conn=c)
    check(r.status == 200 and c.sock is sock, "POST on the same connection")
    c.close()


# Values that make a request invalid whatever else it holds.
BAD_VALUES = {
    "model": [None, 3, True, [], {}, ""],
    "messages": [None, [], {}, "s", 3, [3], [{}], [{"role": "user"}],
                 [{"role": "x", "content": "c"}], [{"role": "user", "content": 5}]],
    "temperature": [-1, 2.5, "s", True, [], {}],
    "top_p": [1.5, -0.1, "s", False],
    "max_tokens": [0, -1, 2.5, "s", 2 ** 31],
    "n": [0, 2, 3, "1", 1.5],
    "stop": [3, {}, ["a", "b", "c", "d", "e"], [""], "", [1]],
    "stream": [1, "true", [], {}],
    "seed": [1.5, "s", {}, 2 ** 70],
    "tools": [{}, "s", 3],
    "user": [3, {}, []],
    "stream_options": [{"include_usage": True}, 3, "s"],
    "top_logprobs": [21, -1, 2],
    "frequency_penalty": [3, -3, "s"],
}


def fuzz_bodies(rng, n):
    """Bodies that can never be a valid request, so every answer must be 4xx."""
    valid = [
        json.dumps(VALID),
        json.dumps({"model": "m", "messages": [{"role": "system", "content": "s"},
                    {"role": "user", "content": [{"type": "text", "text": "a\u00e9\U0001F600"}]}],
                    "temperature": 0.5, "stop": ["x", "y"], "stream": False}),
        json.dumps({"model": "m", "messages": [{"role": "user", "content": "q"}],
                    "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]}),
    ]
    out = []
    for i in range(n):
        kind = i % 6
        base = valid[i % len(valid)].encode()
        if kind == 0:  # truncated: a proper prefix of an object is never complete
            out.append(base[: rng.randrange(0, len(base))])
        elif kind == 1:  # random bytes, invalid UTF-8 included
            out.append(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 600))))
        elif kind == 2:  # a byte changed, kept only if it broke the JSON
            b = bytearray(base)
            b[rng.randrange(len(b))] = rng.choice(b'{}[]",:\\\x00\x01\xff\xc3 tfn0-.e')
            try:
                json.loads(bytes(b))
            except ValueError:
                out.append(bytes(b))
            else:
                out.append(bytes(b) + b"}")
        elif kind == 3:  # valid JSON, wrong schema: a known key with a bad value
            doc = json.loads(base)
            key = rng.choice(sorted(BAD_VALUES))
            doc[key] = rng.choice(BAD_VALUES[key])
            if key == "stream_options":
                doc["stream"] = False
            out.append(json.dumps(doc).encode())
        elif kind == 4:  # deep nesting or many values
            depth = rng.randrange(60, 400)
            out.append(b'{"model":"m","messages":' + b"[" * depth + b"]" * depth + b"}")
        else:  # structurally odd but valid JSON
            out.append(rng.choice([b"[]", b"null", b"0", b'""', b"{}", b'{"messages":[]}',
                                   b'{"model":"m","messages":[{"role":"user"}]}',
                                   b'{"model":"m","messages":[{"role":"user","content":'
                                   b'[{"type":"image_url","image_url":{"url":"x"}}]}]}',
                                   b'{"model":"m","messages":[{"role":"user","content":"\\ud800"}]}',
                                   b" " * rng.randrange(1, 100)]))
    return out


def test_fuzz(d, seed=20261121, n=360):
    rng = random.Random(seed)
    c = d.conn()
    statuses = {}
    for i, body in enumerate(fuzz_bodies(rng, n)):
        path = "/v1/chat/completions" if i % 4 else "/v1/completions"
        try:
            r, data = d.request("POST", path, body, JSON_HDR, conn=c)
        except (http.client.HTTPException, OSError):
            c.close()
            c = d.conn()
            r, data = d.request("POST", path, body, JSON_HDR, conn=c)
        check(400 <= r.status < 500, f"body #{i} {body[:120]!r} got {r.status} {data[:200]!r}")
        error_object(r, data, r.status)
        statuses[r.status] = statuses.get(r.status, 0) + 1
        if r.will_close:
            c.close()
            c = d.conn()
    c.close()
    check(d.alive(), "the daemon survived the fuzz stream")
    # Raw protocol noise on fresh connections: never a crash, never a 5xx.
    for i in range(40):
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        if i % 2:
            junk = b"POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\n" + junk + b"\r\n\r\n"
        out = raw_exchange(d.port, junk, read_timeout=15)
        if out:
            check(re.match(rb"HTTP/1\.1 4\d\d ", out), f"noise #{i} answered {out[:60]!r}")
    check(d.alive(), "the daemon survived protocol noise")
    return statuses


def test_reload(d, config, tmp):
    mark = len(d.text())
    with open(config, "w") as f:
        f.write("version: 1\nserver:\n  listen: [127.0.0.1:8080]\n  bogus_key: 1\n")
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    check("bogus_key" in d.text()[mark:], "the reload error names the bad key")
    test_models(d, ["auto", "alpha", "beta", "gpt-4o", "local", "cloud"])
    r, _ = d.request("GET", "/healthz")
    check(r.status == 200, "still serving after a broken reload")

    mark = len(d.text())
    write_config(config, ["gamma"], {"claude": "claude-3-5"})
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"config reloaded from", mark)
    test_models(d, ["auto", "gamma", "claude", "local", "cloud"])


def test_drain(d):
    # In flight: the head is in, the body is not.
    body = json.dumps(VALID).encode()
    inflight = socket.create_connection(("127.0.0.1", d.port), timeout=10 * SLOW)
    inflight.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\n"
                     b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body))
    idle = d.conn()
    r, _ = d.request("GET", "/healthz", conn=idle)
    check(r.status == 200, "idle connection warmed")
    time.sleep(0.1 * SLOW)
    mark = len(d.text())
    d.proc.send_signal(signal.SIGTERM)
    d.wait_log(r"draining in-flight requests", mark)
    check(d.alive(), "the daemon waits for the request in flight")
    inflight.sendall(body)
    out = b""
    while True:
        chunk = inflight.recv(65536)
        if not chunk:
            break
        out += chunk
    inflight.close()
    check(out.startswith(b"HTTP/1.1 200 "), f"in-flight request answered: {out[:80]!r}")
    check(b"Connection: close" in out, "told the connection closes")
    rc = d.proc.wait(timeout=20 * SLOW)
    check(rc == 0, f"exit status {rc}")
    d.wait_log(r"drained; exiting", mark)
    idle.close()


def check_log(text):
    sanitizer = re.search(r"(AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
                          r"runtime error:)", text)
    check(not sanitizer, f"sanitizer report in the daemon's stderr:\n{text[-4000:]}")
    check(SECRET not in text, "prompt text leaked into the log")
    access = 0
    for line in text.splitlines():
        doc = json.loads(line)  # every line is one JSON object
        check({"time", "level", "msg"} <= set(doc), f"log line fields: {line}")
        if doc["msg"] == "access":
            access += 1
            check({"request_id", "method", "path", "status", "duration_us"} <= set(doc), line)
    check(access > 300, f"access lines: {access}")


def main():
    if not EW_BIN:
        print("EW_BIN is not set", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "edgeway.yaml")
        write_config(config, ["alpha", "beta"], {"gpt-4o": "gpt-4o-2024-08-06", "alpha": "x"})
        d = Daemon(config, os.path.join(tmp, "stderr.log"))
        try:
            test_basics(d)
            test_models(d, ["auto", "alpha", "beta", "gpt-4o", "local", "cloud"])
            test_http_limits(d)
            test_keepalive(d)
            statuses = test_fuzz(d)
            test_reload(d, config, tmp)
            test_drain(d)
            check_log(d.text())
        except BaseException:
            print(d.text()[-6000:], file=sys.stderr)
            raise
        finally:
            if d.alive():
                d.proc.kill()
                d.proc.wait()
            d.log.close()
    print(f"gateway integration: ok (fuzz statuses {sorted(statuses.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
