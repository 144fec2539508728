#!/usr/bin/env python3
"""A fault-injecting OpenAI-compatible upstream for tests (Python stdlib only).

Start it, read the first line of its stdout ("PORT <n>"), point a backend's
base_url at http://127.0.0.1:<n>/s/<scenario>/v1 and POST chat completions.
It exits when its stdin closes (so a test that dies takes it along) or on a
signal.

Scenarios (one path segment, arguments after colons):
  ok                 a valid answer, streamed (SSE) or whole, as the request asks
  echo               like ok, answering with the last user message
  500 502 504        that status with an OpenAI error body
  503[:S] 429[:S]    that status with Retry-After: S seconds (default 1)
  400 404            that status with an error body
  401                an auth error whose message quotes the presented key (tests redaction)
  auth               ok if Authorization is "Bearer <--expect-key>", else like 401
  reset_before       a TCP reset before any response byte
  reset_mid          headers and two chunks, then a TCP reset
  close_mid          headers and two chunks, then a clean close without [DONE]
  stall[:S]          no response byte for S seconds (default 30)
  stall_mid[:S]      headers and two chunks, then nothing for S seconds
  drip[:MS]          a valid stream with MS ms between chunks (default 100)
  slow_head[:MS]     like ok, its first byte MS ms after the request (default 20)
  late_end[:MS]      a valid stream whose chunked terminator comes MS ms after its
                     [DONE] (default 300), as from a server that writes it separately
  bad_json           200 with malformed JSON (a data: line with it when streaming)
  bad_sse            200 text/event-stream carrying an HTML page
  bad_sse_mid        two good chunks, then garbage
  huge_line          a stream whose first data: line is 4 MiB without a newline
  huge_body          a whole 200 body of 12 MiB
  no_done            a stream that ends cleanly without [DONE] or a finish_reason
  reset_end          a stream reset right after its finish_reason (no usage, no [DONE])
  error_event        two chunks, then an in-band {"error": ...} event
  flaky:N:<inner>    the first N requests of this exact scenario get <inner>, then ok
  idle_close[:S]     a valid whole answer on a kept-alive connection, which the server
                     closes S seconds later (default 0.2) while the client holds it idle
  long:MIB           a valid stream of MIB MiB of content in 4 KiB pieces, as fast as the
                     client takes it (STATS["long_bytes"] counts what was written)
  odd                a valid answer in the shapes real upstreams use and a parser may trip on
                     (ODD_STREAM / ODD_WHOLE below: escapes, surrogate pairs, raw UTF-8, decoy
                     "content" members, duplicate and escaped keys, events split over several
                     data: lines, comments, pings, tool_calls, extra usage members)

Control endpoints: GET /_stats (request counts per scenario, proxied count),
GET /_last (path, headers and body of the last request), POST /_reset.
A request with an absolute URI (sent through a proxy) is served the same way
and counted as proxied.

--record FILE appends every byte received on every connection to FILE, which
is what the leak tests grep for sensitive values. Bytes are taken from the
socket before any parsing (request lines, headers, bodies, retries, bytes no
parser read) and written one request at a time, so a value is never cut by
another connection's bytes.
"""
import argparse
import io
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATS = {"requests": {}, "proxied": 0, "connections": 0}
LAST = {}
RECORD = {"file": None}
EXPECT_KEY = {"key": None}
ANSWER = "Hello from the fault upstream. This answer is streamed in small pieces."


# The "odd" scenario, written by hand (not json.dumps) so that every shape
# stays exactly as here. Each chunk names the model, as real upstreams do.
_H = '"id":"chatcmpl-odd","object":"chat.completion.chunk","created":1,"model":"odd-model"'
ODD_STREAM = [
    ': a comment line\n',
    'data: {' + _H + ',"system_fingerprint":"fp_0dd","choices":[{"index":0,"delta":{"role":'
    '"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}\n\n',
    'data: {' + _H + ',"choices":[{"index":0,"delta":{"content":"Tab\\there \\"quoted\\" '
    'back\\\\slash \\/ solidus"},"finish_reason":null}]}\n\n',
    'event: ping\ndata: {"type":"ping"}\n\n',
    'data: {' + _H + ',"choices":[{"index":0,"delta":{"content":" caf\\u00e9 \\ud83d\\ude00 '
    '\u65e5\u672c \u00fcn\u00efc\u00f6d\u00e9"},"finish_reason":null}]}\n\n',
    'data: {"x":{"content":"DECOY","choices":[{"delta":{"content":"DECOY"}}]},' + _H +
    ',"choices":[{"index":0,"delta":{"content":" [after decoys]"},"finish_reason":null,'
    '"logprobs":{"content":[{"token":"DECOY","logprob":-0.25,"bytes":[68,69]}]}}]}\n\n',
    'data: {' + _H + ',"choices":[{"index":0,"delta":{"\\u0063ontent":" escaped-key"}}]}\n\n',
    'data: {\ndata:   ' + _H + ',\ndata:   "choices": [ {"index": 0,\n'
    'data:     "delta": { "content" : " multi-line\\u0001\\r\\n" } } ]\ndata: }\n\n',
    'data: {' + _H + ',"choices":[{"index":0,"delta":{"content":"DECOY"}}],'
    '"choices":[{"index":0,"delta":{"content":" last-duplicate"}}]}\n\n',
    'data: {' + _H + ',"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1",'
    '"type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":'
    '\\"Z\\u00fcrich\\"}"}}]},"finish_reason":null}]}\n\n',
    'data: {' + _H + ',"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n',
    'data: {' + _H + ',"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":22,'
    '"total_tokens":33,"completion_tokens_details":{"reasoning_tokens":0}}}\n\n',
    'data: [DONE]\n\n',
]
ODD_WHOLE = ('{\n  "id": "chatcmpl-odd", "object": "chat.completion", "created": 1,\n'
             '  "model": "odd-model", "system_fingerprint": null,\n'
             '  "x": {"message": {"content": "DECOY"}},\n'
             '  "choices": [ {\n    "index": 0,\n    "message": {\n'
             '      "role": "assistant", "refusal": null, "annotations": [],\n'
             '      "content": "Tab\\there \\"quoted\\" caf\\u00e9 \\ud83d\\ude00 \u65e5\u672c\\n",\n'
             '      "tool_calls": [{"id": "call_1", "type": "function", "function":\n'
             '        {"name": "get_weather", "arguments": "{\\"city\\": \\"Z\\u00fcrich\\"}"}}]\n'
             '    },\n    "logprobs": null, "finish_reason": "tool_calls"\n  },\n'
             '  {"index": 1, "message": {"role": "assistant", "content": "DECOY"}} ],\n'
             '  "usage": {"prompt_tokens": 11, "completion_tokens": 22, "total_tokens": 33,\n'
             '            "prompt_tokens_details": {"cached_tokens": 0}}\n}\n')


class RecordingRaw(io.RawIOBase):
    """The connection's raw reader: every byte that arrives from the socket is
    kept in the handler's pending buffer (written to the record file a request
    at a time, so concurrent connections never interleave inside a body),
    whatever the HTTP parser later does with it."""

    def __init__(self, sock, pending):
        super().__init__()
        self.sock = sock
        self.pending = pending

    def readable(self):
        return True

    def readinto(self, b):
        n = self.sock.recv_into(b)
        if RECORD["file"] is not None and n:
            self.pending += bytes(memoryview(b)[:n])
        return n


def record_flush(pending):
    f = RECORD["file"]
    if f is not None and pending:
        with LOCK:
            f.write(pending)
            f.flush()
    del pending[:]


def chunk_obj(model, content=None, role=None, finish=None, usage=None, choices=True):
    delta = {}
    if role:
        delta["role"] = role
    if content is not None:
        delta["content"] = content
    obj = {"id": "chatcmpl-fault", "object": "chat.completion.chunk", "created": 1,
           "model": model}
    obj["choices"] = [{"index": 0, "delta": delta, "finish_reason": finish}] if choices else []
    if usage is not None:
        obj["usage"] = usage
    return obj


def pieces(text, n=8):
    return [text[i:i + n] for i in range(0, len(text), n)] or [""]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault-upstream"

    def setup(self):
        super().setup()
        self.pending = bytearray()
        self.rfile.close()  # the socket's own reader: ours reads the same socket
        self.rfile = io.BufferedReader(RecordingRaw(self.connection, self.pending))
        with LOCK:
            STATS["connections"] += 1

    def log_message(self, fmt, *args):
        pass

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass
        self.drain()
        record_flush(self.pending)

    def drain(self):
        """Records what the peer sent that no parser read (a body longer than
        its Content-Length, bytes after an error): every byte received counts."""
        if RECORD["file"] is None or self.connection.fileno() < 0:
            return
        try:
            self.connection.settimeout(0.05)
            while len(self.pending) < (64 << 20):
                data = self.connection.recv(65536)
                if not data:
                    break
                self.pending += data
        except (OSError, ValueError):
            pass

    # ---- plumbing -------------------------------------------------------------------
    def send_json(self, status, obj, headers=None):
        self.send_body(status, json.dumps(obj).encode(), headers)

    def send_body(self, status, body, headers=None):
        """body (bytes, JSON or not) as application/json, exactly as given."""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def send_error_obj(self, status, message, headers=None):
        self.send_json(status, {"error": {"message": message, "type": "fault", "param": None,
                                          "code": str(status)}}, headers)

    def start_stream(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def write_chunk(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def event(self, obj):
        self.write_chunk("data: " + json.dumps(obj) + "\n\n")

    def end_stream(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def reset(self):
        """Closes with a TCP RST (SO_LINGER 0)."""
        try:
            self.wfile.flush()
        except OSError:
            pass
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    # ---- requests ---------------------------------------------------------------------
    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return body
                body += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def route(self):
        path = self.path
        proxied = path.startswith("http://") or path.startswith("https://")
        if proxied:
            path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
        return path, proxied

    def do_GET(self):
        record_flush(self.pending)
        path, _ = self.route()
        if path == "/_stats":
            with LOCK:
                self.send_json(200, STATS)
        elif path == "/_last":
            with LOCK:
                self.send_json(200, LAST)
        else:
            self.send_error_obj(404, "no such endpoint")

    def do_POST(self):
        body = self.read_body()
        record_flush(self.pending)
        path, proxied = self.route()
        if path == "/_reset":
            with LOCK:
                STATS["requests"].clear()
                STATS["proxied"] = 0
                LAST.clear()
            self.send_json(200, {"ok": True})
            return
        parts = path.split("/")
        if len(parts) < 4 or parts[1] != "s":
            self.send_error_obj(404, "use /s/<scenario>/v1/...")
            return
        scenario = parts[2]
        with LOCK:
            count = STATS["requests"].get(scenario, 0) + 1
            STATS["requests"][scenario] = count
            STATS["proxied"] += int(proxied)
            LAST.clear()
            LAST.update({"path": path, "proxied": proxied,
                         "headers": {k.lower(): v for k, v in self.headers.items()},
                         "body": body.decode("utf-8", "replace")})
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            self.send_error_obj(400, "request body is not JSON")
            return
        name, _, arg = scenario.partition(":")
        if name == "flaky":
            n, _, inner = arg.partition(":")
            name, _, arg = (inner if count <= int(n) else "ok").partition(":")
        self.serve(name, arg, req)

    def serve(self, name, arg, req):
        stream = bool(req.get("stream"))
        model = req.get("model") or "none"
        if name == "slow_head":
            time.sleep(float(arg or 20) / 1000)
        if name in ("500", "502", "504", "400", "404"):
            self.send_error_obj(int(name), "injected HTTP %s" % name)
        elif name in ("429", "503"):
            self.send_error_obj(int(name), "injected HTTP %s" % name, {"Retry-After": arg or "1"})
        elif name == "401" or (name == "auth" and
                               self.headers.get("Authorization") != "Bearer %s" % EXPECT_KEY["key"]):
            presented = (self.headers.get("Authorization") or "").replace("Bearer ", "")
            self.send_error_obj(401, "Incorrect API key provided: %s" % presented)
        elif name == "reset_before":
            self.reset()
        elif name == "stall":
            time.sleep(float(arg or 30))
            self.reset()
        elif name == "bad_json":
            self.bad_json(stream)
        elif name == "bad_sse":
            self.start_stream()
            self.write_chunk("<html><body>502 Bad Gateway</body></html>\n\n")
            self.end_stream()
        elif name == "huge_line":
            self.start_stream()
            blob = "data: {\"x\":\"" + "a" * (4 << 20)
            for i in range(0, len(blob), 65536):
                self.write_chunk(blob[i:i + 65536])
            self.end_stream()
        elif name == "huge_body":
            self.huge_body()
        elif name == "idle_close" and not stream:
            self.whole(name, req, model)
            self.wfile.flush()
            time.sleep(float(arg or 0.2))
            self.close_connection = True
        elif name == "long" and stream:
            self.long_stream(float(arg or 32), model)
        elif name == "odd":
            self.odd(stream)
        elif stream:
            self.stream(name, arg, req, model)
        else:
            self.whole(name, req, model)

    def answer(self, name, req):
        if name == "echo":
            for m in reversed(req.get("messages") or []):
                if m.get("role") == "user":
                    return m.get("content") or ""
            return req.get("prompt") or ""
        return ANSWER

    def usage(self, req, text):
        prompt = sum(len(str(m.get("content") or "")) for m in req.get("messages") or [])
        return {"prompt_tokens": prompt // 4 + 1, "completion_tokens": len(text) // 4 + 1,
                "total_tokens": prompt // 4 + len(text) // 4 + 2}

    def whole(self, name, req, model):
        text = self.answer(name, req)
        self.send_json(200, {"id": "chatcmpl-fault", "object": "chat.completion", "created": 1,
                             "model": model,
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": text}}],
                             "usage": self.usage(req, text)})

    def bad_json(self, stream):
        if not stream:
            self.send_body(200, b'{"id": "x", "choices": [{"message": {"content": "unterminated')
            return
        self.start_stream()
        self.write_chunk('data: {"choices": [{"delta": {"content": "x"}\n\n')
        self.end_stream()

    def huge_body(self):
        size = 12 << 20
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        block = b" " * 65536
        for _ in range(size // len(block)):
            self.wfile.write(block)

    def odd(self, stream):
        if not stream:
            self.send_body(200, ODD_WHOLE.encode())
            return
        self.start_stream()
        for ev in ODD_STREAM:
            self.write_chunk(ev)
        self.end_stream()

    def long_stream(self, mib, model):
        self.start_stream()
        piece = ("0123456789abcdef" * 256)[:4096]
        for _ in range(int(mib * 256)):
            self.event(chunk_obj(model, content=piece))
            with LOCK:
                STATS["long_bytes"] = STATS.get("long_bytes", 0) + len(piece)
        self.event(chunk_obj(model, finish="stop"))
        self.write_chunk("data: [DONE]\n\n")
        self.end_stream()

    def stream(self, name, arg, req, model):
        text = self.answer(name, req)
        self.start_stream()
        self.event(chunk_obj(model, content="", role="assistant"))
        delay = float(arg or 100) / 1000 if name == "drip" else 0
        for i, p in enumerate(pieces(text)):
            if i == 2 and name in ("reset_mid", "close_mid", "stall_mid", "bad_sse_mid",
                                   "error_event"):
                return self.fail_mid(name, arg)
            if delay:
                time.sleep(delay)
            self.event(chunk_obj(model, content=p))
        if name == "no_done":
            self.end_stream()
            return
        self.event(chunk_obj(model, finish="stop"))
        if name == "reset_end":
            time.sleep(0.05)
            return self.reset()
        opts = req.get("stream_options") or {}
        if opts.get("include_usage"):
            self.event(chunk_obj(model, usage=self.usage(req, text), choices=False))
        self.write_chunk("data: [DONE]\n\n")
        if name == "late_end":
            time.sleep(float(arg or 300) / 1000)
        self.end_stream()

    def fail_mid(self, name, arg):
        if name == "reset_mid":
            time.sleep(0.05)  # let the two chunks arrive before the reset
            self.reset()
        elif name == "close_mid":
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        elif name == "stall_mid":
            time.sleep(float(arg or 30))
            self.reset()
        elif name == "bad_sse_mid":
            self.write_chunk("this is not an event stream\n\n")
            self.end_stream()
        elif name == "error_event":
            self.event({"error": {"message": "injected mid-stream error", "type": "fault"}})
            self.end_stream()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        # Clients hanging up mid-answer is what the fault tests do; stay quiet.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--record", help="append every received byte to this file")
    ap.add_argument("--expect-key", help="the key the 'auth' scenario accepts")
    ap.add_argument("--tls-cert", help="serve HTTPS with this certificate chain (PEM)")
    ap.add_argument("--tls-key", help="and this private key (PEM)")
    ap.add_argument("--tls-client-ca", help="require client certificates signed by this CA")
    args = ap.parse_args()
    EXPECT_KEY["key"] = args.expect_key
    if args.record:
        RECORD["file"] = open(args.record, "ab")
    srv = Server((args.host, args.port), Handler)
    if args.tls_cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        if args.tls_client_ca:
            ctx.load_verify_locations(args.tls_client_ca)
            ctx.verify_mode = ssl.CERT_REQUIRED
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print("PORT %d" % srv.server_address[1], flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
