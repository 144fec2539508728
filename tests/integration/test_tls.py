#!/usr/bin/env python3
"""Trust on the real `edgeway serve`: TLS, mTLS, signed configs, pinned models.

Certificates come from certs/dev-ca.sh. Clients are the curl CLI and Python's
ssl module (the stack under the OpenAI Python SDK), both OpenSSL.

- https with the right CA works; an untrusted CA, plain HTTP to the TLS
  port, an expired server certificate, and missing, foreign, expired or
  revoked client certificates each fail cleanly (and the daemon lives on);
- mTLS maps the client certificate to its tenant (seen in the access log);
- session tickets resume (Python), SNI picks the second certificate;
- SIGHUP re-reads rotated certificates while an open connection stays up;
- with require_signed_config an unsigned or tampered config is refused at
  start and on reload, the old one keeps serving, and a signed one applies;
  --config-key pins the key;
- a model with a wrong sha256, or a signed model that was changed, is refused.

Python standard library only. EW_BIN is whichever build runs the test.
"""
import hashlib
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

EW_BIN = os.environ.get("EW_BIN")
EW_SRC = os.environ.get("EW_SRC", ".")
SLOW = 3.0 if os.environ.get("EW_SANITIZED") else 1.0


def check(cond, what):
    if not cond:
        raise AssertionError(what)


class Daemon:
    def __init__(self, config, log_path, extra=(), expect_start=True):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        self.proc = subprocess.Popen([EW_BIN, "serve", "-c", config, *extra],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        self.ports = []
        if expect_start:
            self.wait_log(r'"listening on 127\.0\.0\.1:(\d+)"')
            time.sleep(0.05)
            self.ports = [int(p) for p in re.findall(r'"listening on 127\.0\.0\.1:(\d+)"',
                                                     self.text())]

    def text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def wait_log(self, pattern, start=0, timeout=15.0):
        deadline = time.monotonic() + timeout * SLOW
        rx = re.compile(pattern)
        while time.monotonic() < deadline:
            m = rx.search(self.text(), start)
            if m:
                return m
            if self.proc.poll() is not None:
                raise AssertionError(f"daemon exited ({self.proc.returncode}):\n{self.text()}")
            time.sleep(0.02)
        raise AssertionError(f"no log line matching {pattern!r}:\n{self.text()}")

    def exit_code(self, timeout=15.0):
        return self.proc.wait(timeout=timeout * SLOW)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            rc = self.proc.wait(timeout=20 * SLOW)
            check(rc == 0, f"daemon exit {rc}:\n{self.text()}")
        self.log.close()
        text = self.text()
        check("ERROR: AddressSanitizer" not in text and "runtime error" not in text,
              f"sanitizer report:\n{text}")


def curl(*args):
    """Runs curl; returns (exit code, HTTP status, body)."""
    p = subprocess.run(["curl", "-sS", "--max-time", str(10 * SLOW), "-o", "-",
                        "-w", "\n%{http_code}", *args], capture_output=True, text=True)
    body, _, code = p.stdout.rpartition("\n")
    return p.returncode, int(code or 0), body, p.stderr


def tls_ctx(pki, cert=None):
    ctx = ssl.create_default_context(cafile=f"{pki}/ca.crt")
    if cert:
        ctx.load_cert_chain(f"{pki}/{cert}.crt", f"{pki}/{cert}.key")
    return ctx


def sign(key, path):
    subprocess.run([EW_BIN, "sign", "--key", key, path], check=True, capture_output=True)


def main():
    if not EW_BIN or not shutil.which("curl"):
        print("test_tls: needs EW_BIN and curl", file=sys.stderr)
        return 1
    tmp = tempfile.mkdtemp(prefix="ew_tls_it_")
    try:
        pki = f"{tmp}/pki"
        subprocess.run([f"{EW_SRC}/certs/dev-ca.sh", "test", pki], check=True)
        subprocess.run([f"{EW_SRC}/certs/dev-ca.sh", "server", pki, "server-b"], check=True,
                       capture_output=True)
        tls_listeners(tmp, pki)
        signed_configs(tmp, pki)
        pinned_models(tmp, pki)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("test_tls: ok")
    return 0


def tls_listeners(tmp, pki):
    shutil.copy(f"{pki}/server.crt", f"{tmp}/live.crt")
    shutil.copy(f"{pki}/server.key", f"{tmp}/live.key")
    cfg = f"{tmp}/tls.yaml"
    with open(cfg, "w") as f:
        f.write(f"""version: 1
server:
  listen:
    - address: 127.0.0.1:0
      tls:
        cert: live.crt
        key: live.key
        sni: [{{cert: {pki}/alt.crt, key: {pki}/alt.key}}]
    - address: 127.0.0.1:0
      tls:
        cert: {pki}/server.crt
        key: {pki}/server.key
        client_ca: {pki}/ca.crt
        client_crl: {pki}/ca.crl
        client_tenants:
          - {{match: "email:alice@example.com", tenant: acme}}
          - {{match: "uri:spiffe://edgeway.test/bob", tenant: beta}}
    - address: 127.0.0.1:0
      tls: {{cert: {pki}/expired-server.crt, key: {pki}/expired-server.key}}
log:
  access_log: true
""")
    # `edgeway check` parses the TLS files too: a key of another certificate is caught.
    bad = f"{tmp}/bad.yaml"
    with open(bad, "w") as f:
        f.write(f"version: 1\nserver:\n  listen:\n    - address: 127.0.0.1:0\n"
                f"      tls: {{cert: {pki}/server.crt, key: {pki}/alt.key}}\n")
    p = subprocess.run([EW_BIN, "check", "-c", bad], capture_output=True, text=True)
    check(p.returncode == 1 and "does not belong to certificate" in p.stderr,
          f"check: {p.returncode} {p.stderr}")
    p = subprocess.run([EW_BIN, "check", "-c", cfg], capture_output=True, text=True)
    check(p.returncode == 0, f"check of the good config: {p.stderr}")

    d = Daemon(cfg, f"{tmp}/tls.log")
    check(len(d.ports) == 3, f"three listeners: {d.ports}")
    tls, mtls, expired = d.ports
    ca = ["--cacert", f"{pki}/ca.crt"]

    rc, code, body, _ = curl(*ca, f"https://localhost:{tls}/healthz")
    check(rc == 0 and code == 200 and body == '{"status":"ok"}', f"https: {rc} {code} {body}")
    rc, code, body, err = curl("--cacert", f"{pki}/other/ca.crt", f"https://localhost:{tls}/healthz")
    check(rc == 60, f"untrusted CA: curl {rc} {err}")
    rc, code, body, _ = curl(f"http://127.0.0.1:{tls}/healthz")
    check(rc == 0 and code == 400 and '"code":"tls_required"' in body,
          f"plain HTTP: {rc} {code} {body}")
    rc, code, body, err = curl(*ca, f"https://localhost:{expired}/healthz")
    check(rc == 60 and "expired" in err, f"expired server certificate: curl {rc} {err}")
    # SNI: alt.localhost is only in alt.crt.
    rc, code, body, err = curl(*ca, "--resolve", f"alt.localhost:{tls}:127.0.0.1",
                               f"https://alt.localhost:{tls}/healthz")
    check(rc == 0 and code == 200, f"SNI: curl {rc} {err}")

    # mTLS: the right tenant for each certificate; the others are refused.
    for name, tenant in (("alice", "acme"), ("bob", "beta")):
        mark = len(d.text())
        rc, code, body, err = curl(*ca, "--cert", f"{pki}/{name}.crt", "--key",
                                   f"{pki}/{name}.key", f"https://localhost:{mtls}/healthz")
        check(rc == 0 and code == 200, f"mTLS {name}: curl {rc} {err}")
        d.wait_log(rf'"tls_client":"{name}","tenant":"{tenant}"', mark)
    for name in (None, "other/eve", "carol-expired", "mallory"):
        args = ["--cert", f"{pki}/{name}.crt", "--key", f"{pki}/{name}.key"] if name else []
        rc, code, body, err = curl(*ca, *args, f"https://localhost:{mtls}/healthz")
        check(rc != 0 and code == 0, f"mTLS {name or 'without a certificate'} accepted: {rc}")
    check(d.proc.poll() is None, "the daemon survived the refusals")

    # Session tickets, with the ssl module (what the OpenAI SDK's httpx uses).
    ctx = tls_ctx(pki, "alice")
    s1 = ctx.wrap_socket(socket_to(mtls), server_hostname="localhost")
    s1.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    check(b"200 OK" in read_all(s1), "first TLS request")
    sess = s1.session
    s1.close()
    s2 = ctx.wrap_socket(socket_to(mtls), server_hostname="localhost", session=sess)
    s2.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    check(b"200 OK" in read_all(s2), "resumed TLS request")
    check(s2.session_reused, "the session ticket was not accepted")
    s2.close()

    # SIGHUP with rotated files: new connections get server-b, an open one lives on.
    old = http.client.HTTPSConnection("localhost", tls, context=tls_ctx(pki), timeout=10 * SLOW)
    old.request("GET", "/healthz")
    check(old.getresponse().read() == b'{"status":"ok"}', "keep-alive connection")
    shutil.copy(f"{pki}/server-b.crt", f"{tmp}/live.crt")
    shutil.copy(f"{pki}/server-b.key", f"{tmp}/live.key")
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r'"config reloaded', mark)
    old.request("GET", "/healthz")
    check(old.getresponse().read() == b'{"status":"ok"}', "the open connection after SIGHUP")
    old.close()
    s3 = tls_ctx(pki).wrap_socket(socket_to(tls), server_hostname="localhost")
    subject = dict(x[0] for x in s3.getpeercert()["subject"])
    check(subject.get("commonName") == "server-b", f"after SIGHUP the server is {subject}")
    s3.close()
    d.stop()


def socket_to(port):
    return socket.create_connection(("127.0.0.1", port), timeout=10 * SLOW)


def read_all(s):
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk


SIGNED = """version: 1
auth: {{allow_anonymous_loopback: true}}
require_signed_config: true
signing_key: {key}
server:
  listen: 127.0.0.1:0
models:
  - {{name: {model}, path: m.gguf}}
"""


def models_of(port):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10 * SLOW)
    c.request("GET", "/v1/models")
    body = c.getresponse().read().decode()
    c.close()
    return body


def signed_configs(tmp, pki):
    d_ = f"{tmp}/signed"
    os.mkdir(d_)
    subprocess.run([EW_BIN, "sign", "--new-key", f"{d_}/admin"], check=True, capture_output=True)
    subprocess.run([EW_BIN, "sign", "--new-key", f"{d_}/intruder"], check=True,
                   capture_output=True)
    open(f"{d_}/m.gguf", "wb").write(real_model())
    cfg = f"{d_}/edgeway.yaml"

    def write(model, key="admin.pub"):
        with open(cfg, "w") as f:
            f.write(SIGNED.format(key=key, model=model))

    # Unsigned: refused at start.
    write("alpha")
    d = Daemon(cfg, f"{d_}/unsigned.log", expect_start=False)
    check(d.exit_code() == 1, "an unsigned config must not start")
    check("no signature" in d.text(), f"reason: {d.text()}")
    # Signed by someone else: refused.
    sign(f"{d_}/intruder.key", cfg)
    d = Daemon(cfg, f"{d_}/intruder.log", expect_start=False)
    check(d.exit_code() == 1 and "signature does not match" in d.text(), d.text())

    # Signed: serves. Then a tampered reload is refused and alpha stays.
    sign(f"{d_}/admin.key", cfg)
    d = Daemon(cfg, f"{d_}/serve.log")
    port = d.ports[0]
    check('"alpha"' in models_of(port), "signed config serves")
    write("beta")  # changed after signing: the old signature no longer matches
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    check("signature does not match" in d.text()[mark:], d.text()[mark:])
    body = models_of(port)
    check('"alpha"' in body and '"beta"' not in body, f"the old config keeps serving: {body}")
    # Unsigned reload (signature removed): refused too.
    os.remove(cfg + ".sig")
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    # A config that drops the requirement, signed by the intruder: refused, since
    # the running config says who signs the next one.
    with open(cfg, "w") as f:
        f.write("version: 1\nauth: {allow_anonymous_loopback: true}\nserver:\n"
                "  listen: 127.0.0.1:0\nmodels:\n  - {name: gamma, path: m.gguf}\n")
    sign(f"{d_}/intruder.key", cfg)
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    check('"alpha"' in models_of(port), "still alpha")
    # Properly signed: applies.
    write("delta")
    sign(f"{d_}/admin.key", cfg)
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r'"config reloaded', mark)
    check('"delta"' in models_of(port), "the signed reload applies")
    d.stop()

    # --config-key: even a config without require_signed_config must be signed.
    plain = f"{d_}/plain.yaml"
    with open(plain, "w") as f:
        f.write("version: 1\nserver:\n  listen: 127.0.0.1:0\n")
    d = Daemon(plain, f"{d_}/pin1.log", ["--config-key", f"{d_}/admin.pub"], expect_start=False)
    check(d.exit_code() == 1 and "no signature" in d.text(), d.text())
    sign(f"{d_}/admin.key", plain)
    d = Daemon(plain, f"{d_}/pin2.log", ["--config-key", f"{d_}/admin.pub"])
    d.stop()


def real_model():
    """A model the daemon can load: it loads every configured model at start."""
    shared = os.environ.get("EW_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
    with open(os.path.join(shared, "models", "stories260K.gguf"), "rb") as f:
        return f.read()


def pinned_models(tmp, pki):
    d_ = f"{tmp}/models"
    os.mkdir(d_)
    subprocess.run([EW_BIN, "sign", "--new-key", f"{d_}/admin"], check=True, capture_output=True)
    model = f"{d_}/m.gguf"
    open(model, "wb").write(real_model())
    good = hashlib.sha256(open(model, "rb").read()).hexdigest()
    cfg = f"{d_}/edgeway.yaml"

    def run(sha, signed):
        with open(cfg, "w") as f:
            f.write(f"version: 1\nsigning_key: admin.pub\nserver:\n  listen: 127.0.0.1:0\n"
                    f"models:\n  - {{name: m, path: m.gguf, sha256: {sha}, signed: {signed}}}\n")
        return Daemon(cfg, f"{d_}/run.log", expect_start=False)

    d = run("0" * 64, "false")
    check(d.exit_code() == 1 and "model 'm' refused" in d.text() and "sha256 is" in d.text(),
          f"wrong sha256: {d.text()}")
    d = run(good, "true")  # signed: true, but no m.gguf.sig yet
    check(d.exit_code() == 1 and "no signature" in d.text(), d.text())
    sign(f"{d_}/admin.key", model)
    d = run(good, "true")
    d.wait_log(r"model 'm' verified \(sha256, signature\)")
    d.wait_log(r'"listening on')
    d.stop()
    with open(model, "r+b") as f:  # one byte changed after signing
        f.write(b"\x00")
    d = run(good, "true")
    check(d.exit_code() == 1 and "model 'm' refused" in d.text(), d.text())


if __name__ == "__main__":
    sys.exit(main())
