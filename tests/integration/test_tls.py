#!/usr/bin/env python3
"""Trust on the real `edgeway serve`: TLS, mTLS, signed configs, pinned models.

Certificates come from certs/dev-ca.sh. Clients are the curl CLI and Python's
ssl module (the stack under the OpenAI Python SDK), both OpenSSL.

- https with the right CA works; an untrusted CA, plain HTTP to the TLS
  port, an expired server certificate, and missing, foreign, expired or
  revoked client certificates each fail cleanly (and the daemon lives on);
- mTLS maps the client certificate to its tenant (seen in the access log);
- TLS 1.0, 1.1 and 1.3 and CBC suites are refused with the matching alert
  (openssl s_client); TLS 1.2 negotiates an AEAD suite;
- session tickets resume (Python, and openssl s_client -sess_out/-sess_in),
  SNI picks the certificate of each of two names;
- SIGHUP re-reads rotated certificates while an open connection and a
  request in flight stay up;
- the handshake deadline closes a silent client and a slowloris handshake,
  the read timeout answers a slowloris request head with 408, and the daemon
  serves on;
- --listen HOST:PORT keeps the config's TLS and mTLS, http:// asks for
  plaintext, https:// without a TLS listener refuses to start;
- with require_signed_config an unsigned or tampered config is refused at
  start, on SIGHUP and on POST /admin/reload, the old one keeps serving, and
  a signed one applies; --config-key pins the key;
- a model with a wrong sha256 (at start and on reload), a signed model that
  was changed, signed by another key or with a garbage signature is refused;
- upstream trust: an edge `edgeway serve` reaches a TLS + mTLS cloud
  `edgeway serve` only with the backend's ca_file, pinned_pubkey and
  client certificate right, and the cloud maps that certificate to a tenant.

Python standard library only. EW_BIN is whichever build runs the test.
"""
import hashlib
import http.client
import os
import re
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import EW_BIN, EW_SRC, SLOW, LogWatch, check  # noqa: E402


class Daemon(LogWatch):
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


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


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
        for extra in (["server", pki, "server-b"], ["client", pki, "edge-gw", "DNS:edge-gw"]):
            subprocess.run([f"{EW_SRC}/certs/dev-ca.sh", *extra], check=True, capture_output=True)
        tls_listeners(tmp, pki)
        timeouts(tmp, pki)
        listen_override(tmp, pki)
        upstream_trust(tmp, pki)
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
    write(cfg, f"""version: 1
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
    write(bad, f"version: 1\nserver:\n  listen:\n    - address: 127.0.0.1:0\n"
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
    # SNI: alt.localhost is only in alt.crt; localhost gets the default one.
    rc, code, body, err = curl(*ca, "--resolve", f"alt.localhost:{tls}:127.0.0.1",
                               f"https://alt.localhost:{tls}/healthz")
    check(rc == 0 and code == 200, f"SNI: curl {rc} {err}")
    for name, cn in (("alt.localhost", "alt"), ("localhost", "server")):
        check(peer_cn(pki, tls, name) == cn, f"SNI {name}: got {peer_cn(pki, tls, name)}")
    protocols(pki, tls)

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

    # SIGHUP with rotated files: new connections get server-b; an open one and
    # a request in flight (half its head sent) live on.
    old = http.client.HTTPSConnection("localhost", tls, context=tls_ctx(pki), timeout=10 * SLOW)
    old.request("GET", "/healthz")
    check(old.getresponse().read() == b'{"status":"ok"}', "keep-alive connection")
    inflight = tls_ctx(pki).wrap_socket(socket_to(tls), server_hostname="localhost")
    inflight.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
    shutil.copy(f"{pki}/server-b.crt", f"{tmp}/live.crt")
    shutil.copy(f"{pki}/server-b.key", f"{tmp}/live.key")
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r'"config reloaded', mark)
    old.request("GET", "/healthz")
    check(old.getresponse().read() == b'{"status":"ok"}', "the open connection after SIGHUP")
    old.close()
    inflight.sendall(b"Connection: close\r\n\r\n")
    check(b"200 OK" in read_all(inflight), "the request in flight over SIGHUP")
    inflight.close()
    check(peer_cn(pki, tls, "localhost") == "server-b", "after SIGHUP the server is server-b")
    d.stop()


def peer_cn(pki, port, name, cert=None):
    """The subject CN of the certificate the server shows for this SNI name."""
    s = tls_ctx(pki, cert).wrap_socket(socket_to(port), server_hostname=name)
    subject = dict(x[0] for x in s.getpeercert()["subject"])
    s.close()
    return subject.get("commonName")


def s_client(pki, port, *args):
    """openssl s_client with one request; returns (exit code, everything it printed)."""
    req = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    p = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername",
                        "localhost", "-CAfile", f"{pki}/ca.crt", "-verify_return_error",
                        "-ign_eof", *args], input=req, capture_output=True, timeout=20 * SLOW)
    return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")


def protocols(pki, port):
    """TLS 1.2 with AEAD suites only (mbedTLS 2.28 has no TLS 1.3 server), and
    resumption from a saved session. The alerts prove the client offered what
    was asked and the server said no."""
    for args in (["-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"], ["-tls1", "-cipher",
                                                              "DEFAULT:@SECLEVEL=0"]):
        rc, out = s_client(pki, port, *args)
        check(rc != 0 and "alert protocol version" in out, f"{args[0]} accepted: {out}")
    cbc = "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256:" \
          "ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES128-SHA:AES128-SHA:AES128-GCM-SHA256"
    rc, out = s_client(pki, port, "-tls1_2", "-cipher", cbc)
    check(rc != 0 and "alert handshake failure" in out, f"CBC or non-ECDHE suites accepted: {out}")
    rc, out = s_client(pki, port, "-tls1_3")
    check(rc != 0 and "alert" in out, f"TLS 1.3 only: {out}")
    sess = f"{pki}/s_client.sess"
    rc, out = s_client(pki, port, "-tls1_2", "-sess_out", sess)
    check(rc == 0 and re.search(r"New, TLSv1\.2, Cipher is ECDHE-ECDSA-(AES\d+-GCM-SHA\d+|"
                                r"CHACHA20-POLY1305)", out) and "200 OK" in out,
          f"TLS 1.2 with an AEAD suite: {out}")
    p = subprocess.run(["openssl", "sess_id", "-in", sess, "-noout", "-text"],
                       capture_output=True, text=True)
    check("TLS session ticket:" in p.stdout, f"the server issued no ticket: {p.stdout}")
    rc, out = s_client(pki, port, "-tls1_2", "-sess_in", sess)
    check(rc == 0 and "Reused, TLSv1.2" in out and "200 OK" in out, f"session not resumed: {out}")


def timeouts(tmp, pki):
    """The handshake deadline and the read timeout against slow clients."""
    hs_ms, rd_ms = int(800 * SLOW), int(1000 * SLOW)
    cfg = f"{tmp}/timeouts.yaml"
    write(cfg, f"""version: 1
auth: {{allow_anonymous_loopback: true}}
server:
  listen:
    - address: 127.0.0.1:0
      tls: {{cert: {pki}/server.crt, key: {pki}/server.key, handshake_timeout: {hs_ms}ms}}
  limits: {{read_timeout: {rd_ms}ms}}
""")
    d = Daemon(cfg, f"{tmp}/timeouts.log")
    port = d.ports[0]
    # A client that connects and says nothing.
    s = socket_to(port)
    t0 = time.monotonic()
    check(read_all_or_reset(s) == b"", "a silent client got data")
    t = (time.monotonic() - t0) * 1000
    check(hs_ms * 0.8 <= t <= hs_ms + 5000 * SLOW, f"silent client closed after {t:.0f} ms")
    s.close()
    # A slowloris handshake: a real ClientHello, one byte every 50 ms.
    hello = client_hello(pki)
    s = socket_to(port)
    t0 = time.monotonic()
    sent = trickle(s, [hello[i:i + 1] for i in range(len(hello))], 0.05)
    t = (time.monotonic() - t0) * 1000
    check(sent < len(hello), "the slow handshake was not cut")
    check(hs_ms * 0.8 <= t <= hs_ms + 5000 * SLOW, f"slow handshake closed after {t:.0f} ms")
    s.close()
    # A slowloris request head: handshake done, a header line every 100 ms.
    s = tls_ctx(pki).wrap_socket(socket_to(port), server_hostname="localhost")
    t0 = time.monotonic()
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
    lines = [b"X-Slow-%d: 1\r\n" % i for i in range(1000)]
    sent = trickle(s, lines, 0.1)
    t = (time.monotonic() - t0) * 1000
    answer = read_all_or_reset(s)
    check(sent < len(lines) and b"408" in answer.split(b"\r\n", 1)[0],
          f"slow head: {answer[:200]!r}")
    check(rd_ms * 0.8 <= t <= rd_ms + 5000 * SLOW, f"slow head answered after {t:.0f} ms")
    s.close()
    rc, code, body, err = curl("--cacert", f"{pki}/ca.crt", f"https://localhost:{port}/healthz")
    check(rc == 0 and code == 200, f"serving after the slow clients: {rc} {err}")
    d.stop()


def client_hello(pki):
    """The first flight of a TLS client, as bytes."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = tls_ctx(pki).wrap_bio(incoming, outgoing, server_hostname="localhost")
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return outgoing.read()


def trickle(s, pieces, gap):
    """Sends pieces one by one, gap seconds apart, until the server answers or
    closes; returns how many were sent."""
    for i, piece in enumerate(pieces):
        try:
            s.sendall(piece)
        except OSError:
            return i
        if select.select([s], [], [], gap)[0]:
            return i + 1
    return len(pieces)


def read_all_or_reset(s):
    try:
        return read_all(s)
    except (ConnectionResetError, ssl.SSLError):
        return b""


def listen_override(tmp, pki):
    """--listen moves the listener and keeps its TLS and mTLS."""
    shutil.copy(f"{pki}/server.crt", f"{tmp}/over.crt")
    shutil.copy(f"{pki}/server.key", f"{tmp}/over.key")
    cfg = f"{tmp}/override.yaml"
    write(cfg, f"""version: 1
auth: {{allow_anonymous_loopback: false}}
server:
  listen:
    - address: 127.0.0.1:1
      tls:
        cert: over.crt
        key: over.key
        client_ca: {pki}/ca.crt
        client_tenants: [{{match: "email:alice@example.com", tenant: acme}}]
""")
    d = Daemon(cfg, f"{tmp}/override.log", ["--listen", "127.0.0.1:0"])
    port = d.ports[0]
    check("TLS with the settings of the config's listener 127.0.0.1:1" in d.text(), d.text())
    ca = ["--cacert", f"{pki}/ca.crt"]
    alice = ["--cert", f"{pki}/alice.crt", "--key", f"{pki}/alice.key"]
    # The SDKs always send a key: one the gateway does not know leaves the
    # certificate to say who calls.
    rc, code, body, err = curl(*ca, *alice, "-H", "Authorization: Bearer sk-not-a-key",
                               f"https://localhost:{port}/v1/models")
    check(rc == 0 and code == 200, f"--listen with mTLS: {rc} {code} {body} {err}")
    rc, code, body, err = curl(*ca, "-H", "Authorization: Bearer sk-not-a-key",
                               f"https://localhost:{port}/v1/models")
    check(rc != 0 and code == 0, f"--listen without a client certificate: {rc} {code}")
    rc, code, body, _ = curl(f"http://127.0.0.1:{port}/healthz")
    check(code == 400 and '"code":"tls_required"' in body, f"--listen plain HTTP: {code} {body}")
    shutil.copy(f"{pki}/server-b.crt", f"{tmp}/over.crt")
    shutil.copy(f"{pki}/server-b.key", f"{tmp}/over.key")
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r'"config reloaded', mark)
    check(peer_cn(pki, port, "localhost", "alice") == "server-b", "--listen: SIGHUP rotated the certificate")
    d.stop()

    d = Daemon(cfg, f"{tmp}/override-http.log", ["--listen", "http://127.0.0.1:0"])
    rc, code, body, _ = curl(f"http://127.0.0.1:{d.ports[0]}/healthz")
    check(rc == 0 and code == 200, f"--listen http://: {rc} {code} {body}")
    d.stop()

    plain = f"{tmp}/override-plain.yaml"
    write(plain, "version: 1\nserver:\n  listen: 127.0.0.1:0\n")
    d = Daemon(plain, f"{tmp}/override-https.log", ["--listen", "https://127.0.0.1:0"],
               expect_start=False)
    check(d.exit_code() == 1 and "the config has no TLS listener" in d.text(), d.text())


def spki_pin(cert):
    """curl's pin of a certificate's public key, with the README's command."""
    p = subprocess.run(f"openssl x509 -in '{cert}' -pubkey -noout | openssl pkey -pubin "
                       f"-outform DER | openssl dgst -sha256 -binary | base64", shell=True,
                       check=True, capture_output=True, text=True)
    return "sha256//" + p.stdout.strip()


def chat(port, model):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60 * SLOW)
    c.request("POST", "/v1/chat/completions", body=(
        '{"model":"%s","max_tokens":4,"temperature":0,'
        '"messages":[{"role":"user","content":"Once upon a time"}]}' % model).encode(),
        headers={"Content-Type": "application/json"})
    r = c.getresponse()
    body = r.read().decode()
    route = r.getheader("x-edgeway-route")
    c.close()
    return r.status, route, body


def upstream_trust(tmp, pki):
    """An edge gateway calls a TLS + mTLS cloud gateway through libcurl with
    the backend's ca_file, pinned_pubkey and client certificate."""
    d_ = f"{tmp}/upstream"
    os.mkdir(d_)
    model = f"{os.environ.get('EW_SHARED', '')}/models/stories260K.gguf"
    write(f"{d_}/cloud.yaml", f"""version: 1
auth: {{allow_anonymous_loopback: false}}
server:
  listen:
    - address: 127.0.0.1:0
      tls:
        cert: {pki}/server.crt
        key: {pki}/server.key
        client_ca: {pki}/ca.crt
        client_crl: {pki}/ca.crl
        client_tenants: [{{match: "dns:edge-gw", tenant: edge}}]
models:
  - {{name: big, path: {model}, workers: 1, threads: 1}}
routing:
  default: {{route: deny, message: "unknown tenant"}}
  rules: [{{name: edge-tenant, when: {{tenant: edge}}, route: local}}]
""")
    cloud = Daemon(f"{d_}/cloud.yaml", f"{d_}/cloud.log")
    pin = spki_pin(f"{pki}/server.crt")
    wrong_pin = spki_pin(f"{pki}/alt.crt")
    edge_cfg = f"{d_}/edge.yaml"

    def write_edge(**trust):
        lines = "".join(f"    {k}: {v}\n" for k, v in trust.items() if v)
        write(edge_cfg, f"""version: 1
auth: {{allow_anonymous_loopback: true}}
server: {{listen: 127.0.0.1:0}}
backends:
  - name: cloud
    base_url: https://localhost:{cloud.ports[0]}/v1
    models: {{cloud: big}}
    max_retries: 0
{lines}routing: {{default: remote}}
""")

    good = dict(ca_file=f"{pki}/ca.crt", pinned_pubkey=pin, client_cert=f"{pki}/edge-gw.crt",
                client_key=f"{pki}/edge-gw.key")
    write_edge(**good)
    edge = Daemon(edge_cfg, f"{d_}/edge.log")
    port = edge.ports[0]
    status, route, body = chat(port, "cloud")
    check(status == 200 and route == "remote" and '"content"' in body,
          f"edge -> cloud over mTLS: {status} {route} {body}")
    cloud.wait_log(r'"tls_client":"edge-gw","tenant":"edge"')
    eve = dict(good, client_cert=f"{pki}/other/eve.crt", client_key=f"{pki}/other/eve.key")
    # Each refusal with its reason, in the edge's log or the cloud's.
    cases = (("no ca_file (system store)", dict(good, ca_file=None), edge,
              r"TLS verification of https://localhost:\d+ failed: SSL certificate problem"),
             ("a pin of another key", dict(good, pinned_pubkey=wrong_pin), edge,
              r"public key does not match pinned public key"),
             ("no client certificate", dict(good, client_cert=None, client_key=None), cloud,
              r"handshake failed from 127\.0\.0\.1:\d+: no client certificate"),
             ("a client certificate of another CA", eve, cloud,
              r"client certificate refused: The certificate is not correctly signed"),
             ("all right again", good, None, None))
    for what, trust, logger, reason in cases:
        write_edge(**trust)
        mark = len(edge.text())
        mark_cloud = len(cloud.text())
        edge.proc.send_signal(signal.SIGHUP)
        edge.wait_log(r'"config reloaded', mark)
        status, route, body = chat(port, "cloud")
        if trust is good:
            check(status == 200, f"{what}: {status} {body}")
        else:
            check(status >= 500 and '"error"' in body, f"{what}: {status} {body}")
            logger.wait_log(reason, mark if logger is edge else mark_cloud)
    check(cloud.proc.poll() is None and edge.proc.poll() is None, "both gateways live on")
    edge.stop()
    cloud.stop()


def socket_to(port):
    return socket.create_connection(("127.0.0.1", port), timeout=10 * SLOW)


def read_all(s):
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk


ADMIN_KEY = "sk-tls-it-admin-0123456789"
SIGNED = """version: 1
auth:
  allow_anonymous_loopback: true
  keys: [{{name: ops, sha256: {admin_sha}, admin: true}}]
require_signed_config: true
signing_key: {key}
server:
  listen: 127.0.0.1:0
models:
  - {{name: {model}, path: m.gguf}}
"""


def admin_reload(port):
    """POST /admin/reload with the admin key: (status, body)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30 * SLOW)
    c.request("POST", "/admin/reload", headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    r = c.getresponse()
    body = r.read().decode()
    c.close()
    return r.status, body


def refused_both_ways(d, port, reason):
    """SIGHUP and POST /admin/reload both refuse the file on disk, for reason."""
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    check(reason in d.text()[mark:], f"SIGHUP: {d.text()[mark:]}")
    mark = len(d.text())
    status, body = admin_reload(port)
    check(status == 422 and '"code":"config_invalid"' in body, f"/admin/reload: {status} {body}")
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    check(reason in d.text()[mark:], f"/admin/reload: {d.text()[mark:]}")


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

    def write_signed(model, key="admin.pub"):
        write(cfg, SIGNED.format(key=key, model=model,
              admin_sha=hashlib.sha256(ADMIN_KEY.encode()).hexdigest()))

    # Unsigned: refused at start.
    write_signed("alpha")
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
    write_signed("beta")  # changed after signing: the old signature no longer matches
    refused_both_ways(d, port, "signature does not match")
    body = models_of(port)
    check('"alpha"' in body and '"beta"' not in body, f"the old config keeps serving: {body}")
    # Unsigned reload (signature removed): refused too.
    os.remove(cfg + ".sig")
    refused_both_ways(d, port, "no signature")
    # A config that drops the requirement, signed by the intruder: refused, since
    # the running config says who signs the next one.
    write(cfg, "version: 1\nauth: {allow_anonymous_loopback: true}\nserver:\n"
          "  listen: 127.0.0.1:0\nmodels:\n  - {name: gamma, path: m.gguf}\n")
    sign(f"{d_}/intruder.key", cfg)
    refused_both_ways(d, port, "signature does not match")
    check('"alpha"' in models_of(port), "still alpha")
    # Properly signed: applies, by SIGHUP and by /admin/reload.
    write_signed("delta")
    sign(f"{d_}/admin.key", cfg)
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r'"config reloaded', mark)
    check('"delta"' in models_of(port), "the signed reload applies")
    write_signed("epsilon")
    sign(f"{d_}/admin.key", cfg)
    status, body = admin_reload(port)
    check(status == 200 and '"epsilon"' in models_of(port), f"/admin/reload: {status} {body}")
    d.stop()

    # --config-key: even a config without require_signed_config must be signed.
    plain = f"{d_}/plain.yaml"
    write(plain, "version: 1\nserver:\n  listen: 127.0.0.1:0\n")
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
        write(cfg, f"version: 1\nsigning_key: admin.pub\nserver:\n  listen: 127.0.0.1:0\n"
              f"auth: {{allow_anonymous_loopback: true}}\n"
              f"models:\n  - {{name: m, path: m.gguf, sha256: {sha}, signed: {signed}}}\n")
        return Daemon(cfg, f"{d_}/run.log", expect_start=False)

    d = run("0" * 64, "false")
    check(d.exit_code() == 1 and "model 'm' refused" in d.text() and "sha256 is" in d.text(),
          f"wrong sha256: {d.text()}")
    d = run(good, "true")  # signed: true, but no m.gguf.sig yet
    check(d.exit_code() == 1 and "no signature" in d.text(), d.text())
    subprocess.run([EW_BIN, "sign", "--new-key", f"{d_}/intruder"], check=True,
                   capture_output=True)
    sign(f"{d_}/intruder.key", model)  # a valid signature, by another key
    d = run(good, "true")
    check(d.exit_code() == 1 and "model 'm' refused" in d.text() and
          "signature does not match" in d.text(), d.text())
    with open(model + ".sig", "wb") as f:
        f.write(b"\x30\x06garbage")
    d = run(good, "true")
    check(d.exit_code() == 1 and "model 'm' refused" in d.text(), d.text())
    sign(f"{d_}/admin.key", model)
    d = run(good, "true")
    d.wait_log(r"model 'm' verified \(sha256, signature\)")
    port = int(d.wait_log(r'"listening on 127\.0\.0\.1:(\d+)"').group(1))
    # A reload that pins another sha256 is refused; the model keeps serving.
    with open(cfg) as f:
        text = f.read()
    write(cfg, text.replace(good, "1" * 64))
    mark = len(d.text())
    d.proc.send_signal(signal.SIGHUP)
    d.wait_log(r"reload of .* failed; the running config stays in force", mark)
    check("model 'm' refused" in d.text()[mark:], d.text()[mark:])
    check('"m"' in models_of(port), "the pinned model keeps serving")
    d.stop()
    with open(model, "r+b") as f:  # one byte changed after signing
        f.write(b"\x00")
    d = run(good, "true")
    check(d.exit_code() == 1 and "model 'm' refused" in d.text(), d.text())


if __name__ == "__main__":
    sys.exit(main())
