#!/usr/bin/env python3
"""The leak suite: no protected value reaches the cloud, on any route, in any
failure, in any encoding.

    run_leak.py [--bin EDGEWAY] [--cases FILE]... [--count N] [--seed S]
                [--conf tests/leak/leak.yaml] [--jobs J] [--keep DIR] [-v]

It starts tests/tools/fault_upstream.py with --record (every byte every
connection sends it, retries included), and `edgeway serve` with the leak
policy (tests/leak/leak.yaml: never_remote and split types, one cloud backend
per fault scenario). Every case is sent through every route the config lets a
client force -- auto (the policy decides), local, remote, cascade, split
(pseudonymize) and split-prefix (local-prefix) -- each time through one of
that route's fault scenarios (errors, 429s, resets before the first byte,
timeouts, deaths mid-stream) in turn, streamed or whole in turn. Then it
scans every recorded byte for every protected value in every form the
gateway's JSON writer (or a JSON-in-JSON field such as tool arguments) could
give it: raw UTF-8, JSON-escaped, \\uXXXX-escaped in either case (surrogate
pairs beyond the BMP), with an escaped solidus, escaped twice, without
separators for numbers, and prefixes/suffixes of three quarters of a long
value (a span cut short still leaks). The gateway's own log is scanned too:
it must never hold prompt text.

Protected on every route: values of the policy's never_remote types. Also
protected when the request was sent to a split route: values of split types.
A self-check proves the scanner sees what goes out: values of unprotected
types sent through the remote route must be found in the recording.

Cases come from gen_cases.py (EW_LEAK_CASES or --count of them, seeded) or
from --cases FILE (JSONL, format in tests/leak/README.md), or both. Exit 0
when there is no leak, 1 on a leak (each listed with case, route, scenario
and encoding), 2 on a harness error. Python standard library only.
"""
import argparse
import collections
import concurrent.futures
import http.client
import json
import os
import random
import re
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_cases  # noqa: E402

SLOW = 3.0 if os.environ.get("EW_SANITIZED") else 1.0

# Every route a client can force, with the fault scenarios it goes through
# (the config maps "<route>:<scenario>" model names onto them). Cases cycle
# through a route's scenarios so each one sees a share of every type.
ROUTES = [
    ("auto", ["policy"]),
    ("local", ["device", "stories"]),  # the on-device model server, the embedded model
    ("remote", ["ok", "500", "429", "503", "reset_before", "stall", "reset_mid", "close_mid",
                "error_event", "bad_json"]),
    ("cascade", ["ok", "500", "reset_before", "reset_mid"]),
    ("split", ["ok", "500", "reset_before", "stall", "reset_mid"]),
    ("split-prefix", ["ok", "500", "reset_mid"]),
]
SPLIT_ROUTES = ("split", "split-prefix")

TYPES = ["email", "phone", "credit_card", "iban", "us_ssn", "uk_nino", "cn_resident_id",
         "passport", "ip_address", "mac_address", "crypto_address", "secret", "person",
         "street_address", "date_of_birth", "custom"]
TYPE_ALIASES = {"ssn": "us_ssn", "card": "credit_card", "creditcard": "credit_card",
                "ip": "ip_address", "mac": "mac_address", "name": "person",
                "address": "street_address", "dob": "date_of_birth", "nino": "uk_nino",
                "api_key": "secret", "password": "secret", "crypto": "crypto_address",
                "cn_id": "cn_resident_id"}
# Types whose values are numbers people write with separators: the bare digit
# string is the same value.
NUMERIC = {"phone", "credit_card", "iban", "us_ssn", "uk_nino", "cn_resident_id", "passport"}
# Types whose long values are random enough that three quarters of one are
# that value (names, emails and addresses share words with other values).
FRAGMENTS = {"secret", "crypto_address", "iban", "credit_card", "cn_resident_id"}


class HarnessError(Exception):
    pass


# ---- cases --------------------------------------------------------------------------

def norm_type(t):
    t = str(t).strip().lower()
    t = TYPE_ALIASES.get(t, t)
    if t not in TYPES:
        raise HarnessError(f"unknown PII type {t!r} (known: {', '.join(TYPES)})")
    return t


def case_from_shorthand(c):
    """{"text": ..., "position": ...}: the text placed in one position."""
    pos = c.get("position", "user")
    if pos not in gen_cases.POSITIONS or pos == "multi":
        raise HarnessError(f"case {c.get('id')}: unknown position {pos!r}")
    # name, tool_call_id and user_field hold the text itself
    return gen_cases.build_request(random.Random(0), pos, c["text"], c["text"], "en")


def load_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                c = json.loads(line)
            except ValueError as e:
                raise HarnessError(f"{path}:{n}: not JSON: {e}")
            if not isinstance(c, dict):
                raise HarnessError(f"{path}:{n}: a case is a JSON object")
            c.setdefault("id", f"{os.path.basename(path)}:{n}")
            if "protect" not in c and "value" in c:
                c["protect"] = [{"type": c.get("type", "secret"), "value": c["value"]}]
            if not c.get("protect"):
                raise HarnessError(f"{path}:{n}: no 'protect' list")
            for p in c["protect"]:
                if not isinstance(p, dict) or not isinstance(p.get("value"), str) or \
                        not p["value"]:
                    raise HarnessError(f"{path}:{n}: protect entries are {{type, value}}")
                p["type"] = norm_type(p.get("type", "secret"))
                if p.setdefault("scope", "policy") not in ("policy", "all"):
                    raise HarnessError(f"{path}:{n}: scope is 'policy' or 'all'")
            if "request" not in c:
                if "text" not in c:
                    raise HarnessError(f"{path}:{n}: a case needs 'request' or 'text'")
                c["request"] = case_from_shorthand(c)
            req = c["request"]
            if not isinstance(req, dict) or not ("messages" in req or "prompt" in req):
                raise HarnessError(f"{path}:{n}: 'request' needs messages or prompt")
            c.setdefault("encoding", "utf8")
            if c["encoding"] not in ("utf8", "ascii", "ascii_solidus"):
                raise HarnessError(f"{path}:{n}: encoding is utf8, ascii or ascii_solidus")
            cases.append(c)
    return cases


# ---- the forms a value can take on the wire -----------------------------------------

def _escapes(s):
    """label -> the JSON string body a writer may produce for s."""
    raw = json.dumps(s, ensure_ascii=False)[1:-1]
    asc = json.dumps(s)[1:-1]
    upper = re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), asc)
    out = {"json": raw, "json-\\u": asc, "json-\\U": upper}
    for k in list(out):
        out[k + "-\\/"] = out[k].replace("/", "\\/")
    return out


def _nested(s):
    """label -> s as it stands, escaped once (a JSON string) and twice (JSON
    inside a JSON string, as tool arguments are)."""
    once = _escapes(s)
    out = {"utf8": s, **once}
    for k, e in once.items():
        for k2, e2 in _escapes(e).items():
            out[f"{k} in {k2}"] = e2
    return out


def forms(value, typ):
    """name -> bytes (lower-cased) of every encoding of value worth looking for."""
    found = {}

    def add(name, s):
        seen = set(found.values())
        for label, e in _nested(s).items():
            b = e.encode("utf-8").lower()
            if len(b) >= 4 and b not in seen:
                seen.add(b)
                found[f"{name} {label}"] = b

    add("value", value)
    if typ in NUMERIC:
        compact = re.sub(r"[\s\-./()]", "", value)
        if len(compact) >= 8 and compact != value:
            add("no-separators", compact)
            if compact.startswith("+"):
                add("no-separators-no-plus", compact[1:])
    # A span cut short still leaks the rest: long values are also looked for
    # by three quarters from either end, and by each long line or word.
    if len(value) >= 16 and typ in FRAGMENTS:
        n = (3 * len(value) + 3) // 4
        add("prefix", value[:n])
        add("suffix", value[-n:])
        for k, piece in enumerate(value.split()):
            if len(piece) >= 16 and piece != value:
                add(f"piece{k}", piece)
    return found


def encode_body(body, encoding):
    if encoding == "utf8":
        return json.dumps(body, ensure_ascii=False).encode()
    text = json.dumps(body)
    if encoding == "ascii_solidus":
        text = text.replace("/", "\\/")  # "/" only ever occurs inside strings
    return text.encode()


# ---- processes ----------------------------------------------------------------------

class Proc:
    def __init__(self, args, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=env)

    def text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def wait_log(self, pattern, timeout=30.0):
        end = time.time() + timeout * SLOW
        while time.time() < end:
            m = re.search(pattern, self.text())
            if m:
                return m
            if self.proc.poll() is not None:
                raise HarnessError(f"exited ({self.proc.returncode}):\n{self.text()[-3000:]}")
            time.sleep(0.02)
        raise HarnessError(f"no {pattern!r} in the log:\n{self.text()[-3000:]}")

    def stop(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15 * SLOW)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def start_upstream(tmp, name, record=None):
    args = [sys.executable, os.path.join(SRC, "tests", "tools", "fault_upstream.py")]
    p = Proc(args + (["--record", record] if record else []), os.path.join(tmp, name + ".log"))
    line = p.proc.stdout.readline().decode()
    if not line.startswith("PORT "):
        raise HarnessError(f"the fault upstream said {line!r}: {p.text()[-2000:]}")
    p.port = int(line.split()[1])
    return p


def start_gateway(binary, cfg, tmp):
    p = Proc([binary, "serve", "-c", cfg, "--listen", "127.0.0.1:0"],
             os.path.join(tmp, "gateway.log"))
    p.port = int(p.wait_log(r'"listening on 127\.0\.0\.1:(\d+)"').group(1))
    return p


def read_policy_types(conf_text):
    """never_remote and split.types as the config file lists them."""
    def flow_list(key):
        m = re.search(r"^\s*" + key + r":\s*\[([^\]]*)\]", conf_text, re.M)
        if not m:
            raise HarnessError(f"the config has no '{key}: [...]' list")
        return {norm_type(x) for x in m.group(1).replace("\n", " ").split(",") if x.strip()}
    return flow_list("never_remote"), flow_list("types")


# ---- requests -----------------------------------------------------------------------

# Sent with every request: the caller's own key (loopback callers are
# anonymous here, so any key is accepted) and a custom header. Neither may
# ever reach an upstream, which has its own credentials.
CANARY_KEY = "sk-client-canary-7Qm2Zr9Xw4Lp8Tn3"
CANARY_HEADER = ("X-Customer-Email", "canary.customer-5Hk8@example.org")


def post(port, path, body_bytes, timeout):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("POST", path, body=body_bytes,
                  headers={"Content-Type": "application/json",
                           "Authorization": "Bearer " + CANARY_KEY,
                           CANARY_HEADER[0]: CANARY_HEADER[1]})
        r = c.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        c.close()


def model_name(route, scenario):
    if route == "auto":
        return route
    if route == "local":
        return scenario  # a configured model's name: the local route
    return f"{route}:{scenario}"


def send_case(port, case, route, scenario, stream):
    body = dict(case["request"])
    body["model"] = model_name(route, scenario)
    body["stream"] = stream
    body.setdefault("max_tokens", 6)
    body.setdefault("temperature", 0)
    path = "/v1/completions" if "prompt" in body and "messages" not in body else \
        "/v1/chat/completions"
    try:
        status, headers, data = post(port, path, encode_body(body, case["encoding"]), 60 * SLOW)
    except (OSError, http.client.HTTPException) as e:
        return {"status": "lost", "error": repr(e)}
    out = {"status": status, "route": headers.get("x-edgeway-route", "-"),
           "fallback": headers.get("x-edgeway-fallback") == "true"}
    if status == 200 and stream and b"data: [DONE]" not in data and b'"error"' not in data:
        out["status"] = "truncated"
    if status >= 400:
        try:
            out["code"] = json.loads(data)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            out["code"] = "?"
    return out


def probe_split(port):
    """Which split modes the gateway has: a clean request to a split model
    without fallbacks answers 501 route_unavailable when the route is unbuilt."""
    built = {}
    body = {"model": None, "max_tokens": 4, "temperature": 0,
            "messages": [{"role": "user", "content": "Tell me a story about a cat."}]}
    for route in SPLIT_ROUTES:
        body["model"] = model_name(route, "probe")
        status, headers, data = post(port, "/v1/chat/completions", json.dumps(body).encode(),
                                     60 * SLOW)
        code = None
        if status >= 400:
            try:
                code = json.loads(data)["error"]["code"]
            except (ValueError, KeyError, TypeError):
                pass
        if status == 501 and code == "route_unavailable":
            built[route] = False
        elif status == 200 and headers.get("x-edgeway-route") == "split":
            built[route] = True
        else:
            raise HarnessError(f"the {route} probe answered {status} "
                               f"route={headers.get('x-edgeway-route')}: {data[:300]!r}")
    return built


def run_groups(port, cases, routes, jobs, record, verbose):
    """Sends the cases; returns the groups with their slice of the recording."""
    plan = collections.OrderedDict()
    for i, case in enumerate(cases):
        for r_i, (route, scenarios) in enumerate(routes):
            k = i + r_i
            # Scenarios in turn; streaming flips each time round, so every
            # scenario sees both shapes.
            stream = (k // len(scenarios) + k) % 2 == 1 if len(scenarios) % 2 == 0 else k % 2 == 1
            plan.setdefault((route, scenarios[k % len(scenarios)]), []).append((case, stream))
    groups = []
    start = os.path.getsize(record)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for (route, scen), items in plan.items():
            t0 = time.time()
            futs = [pool.submit(send_case, port, c, route, scen, s) for c, s in items]
            results = [f.result() for f in futs]
            end = os.path.getsize(record)
            groups.append({"route": route, "scenario": scen, "items": items,
                           "results": results, "span": (start, end),
                           "seconds": time.time() - t0})
            start = end
            if verbose:
                print(f"  {route:>12} {scen:<12} {len(items):4} requests "
                      f"{time.time() - t0:6.2f}s", file=sys.stderr)
    return groups


# ---- the scan -----------------------------------------------------------------------

def case_needles(cases):
    """(case, protect entry, forms) for every value. A form that another
    case's request holds anyway says nothing about this one (two generated
    emails may share a suffix): it is dropped."""
    texts = {}
    for c in cases:
        body = c.get("request", {})
        texts[id(c)] = "\n".join(encode_body(body, enc).decode("ascii", "replace")
                                 if enc != "utf8" else encode_body(body, enc).decode()
                                 for enc in ("utf8", "ascii")).encode().lower()
    every = b"\0".join(texts.values())
    out = []
    for c in cases:
        own = texts[id(c)]
        for p in c["protect"]:
            fm = {k: v for k, v in forms(p["value"], p["type"]).items()
                  if every.count(v) <= own.count(v)}
            out.append((c, p, fm))
    return out


def scan(groups, cases, never_remote, split_types, recording, log_text):
    leaks = []
    per_case = case_needles(cases)
    hay = recording.lower()
    for g in groups:
        seg = hay[g["span"][0]:g["span"][1]]
        g["upstream_requests"] = len(re.findall(rb"post /s/[^ ]*/v1/", seg))
        g["bytes"] = len(seg)
        g["leaks"] = 0
        protected = never_remote | (split_types if g["route"] in SPLIT_ROUTES else set())
        for c, p, fm in per_case:
            if p["type"] not in protected and p.get("scope") != "all":
                continue
            for name, needle in fm.items():
                if needle in seg:
                    leaks.append({"case": c["id"], "type": p["type"], "value": p["value"],
                                  "route": g["route"], "scenario": g["scenario"],
                                  "encoding": name, "where": "upstream"})
                    g["leaks"] += 1
                    break
    log = log_text.encode("utf-8", "replace").lower()
    for c, p, fm in per_case:
        for name, needle in fm.items():
            if not name.startswith(("value", "no-sep")):
                continue
            if needle in log:
                leaks.append({"case": c["id"], "type": p["type"], "value": p["value"],
                              "route": "-", "scenario": "-", "encoding": name,
                              "where": "gateway log"})
                break
    return leaks


def self_check(groups, never_remote, recording):
    """Values the policy lets out, sent through the remote route and answered
    there, must be in the recording: otherwise the scan proves nothing."""
    hay = recording.lower()
    sent = found = 0
    missing = []
    for g in groups:
        if g["route"] != "remote":
            continue
        seg = hay[g["span"][0]:g["span"][1]]
        for (case, _), res in zip(g["items"], g["results"]):
            if res.get("status") != 200 or res.get("route") != "remote":
                continue
            for p in case["protect"]:
                if p["type"] in never_remote or p.get("scope") == "all":
                    continue
                sent += 1
                fm = forms(p["value"], p["type"])
                if any(n in seg for k, n in fm.items() if k.startswith(("value", "no-sep"))):
                    found += 1
                else:
                    missing.append((case["id"], p["value"]))
    return sent, found, missing


def table(groups, built):
    rows = [("route", "scenario", "cases", "stream", "status", "answered by", "upstream req",
             "leaks")]
    for g in groups:
        st = collections.Counter(str(r["status"]) + ("/" + r["code"] if "code" in r else "")
                                 for r in g["results"])
        by = collections.Counter(r.get("route", "-") + ("*" if r.get("fallback") else "")
                                 for r in g["results"])
        rows.append((g["route"], g["scenario"], str(len(g["items"])),
                     str(sum(1 for _, s in g["items"] if s)),
                     " ".join(f"{k}:{v}" for k, v in sorted(st.items())),
                     " ".join(f"{k}:{v}" for k, v in sorted(by.items())),
                     str(g["upstream_requests"]), str(g["leaks"])))
    w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w[i]) for i, c in enumerate(r)) for r in rows]
    lines.insert(1, "  ".join("-" * x for x in w))
    for route, ok in built.items():
        if not ok:
            lines.append(f"!! route {route}: NOT BUILT (the probe answered 501 "
                         f"route_unavailable) -- skipped")
    return "\n".join(lines)


def self_test():
    """The scan finds a value in every form a writer could give it, and only
    there: run before the suite so a scanner bug cannot pass as zero leaks."""
    group = {"route": "split", "scenario": "t", "span": None}
    samples = [
        ("person", "张伟", [b'"\\u5f20\\u4f1f"', b'"\\u5F20\\u4F1F"', "张伟".encode(),
                           b'\\\\u5f20\\\\u4f1f']),
        ("secret", "Tr0ub4dor&x\U0001F511", [b"Tr0ub4dor&x\\ud83d\\udd11",
                                            b"tr0ub4dor&x\\uD83D\\uDD11",
                                            "Tr0ub4dor&x\U0001F511".encode()]),
        ("secret", "postgres://a:b@h/x", [b"postgres:\\/\\/a:b@h\\/x",
                                          b"postgres:\\\\/\\\\/a:b@h"]),
        ("credit_card", "4111 1111 1111 1111", [b"4111111111111111", b"4111 1111 1111 1111"]),
        ("secret", "line1\nline2-of-a-longer-key", [b"line1\\nline2-of-a-longer-key",
                                                   b"{line2-of-a-longer-key}"]),
    ]
    failures = 0
    for typ, value, hits in samples:
        case = {"id": "t", "protect": [{"type": typ, "value": value}]}
        for hit in hits:
            rec = b"POST /s/ok/v1/chat/completions HTTP/1.1\r\n\r\n{" + hit + b"}"
            group["span"] = (0, len(rec))
            if not scan([group], [case], {typ}, set(), rec, ""):
                print(f"self-test: {value!r} not found in {hit!r}")
                failures += 1
        group["span"] = (0, 40)
        if scan([group], [case], {typ}, set(), b"x" * 40, ""):
            print(f"self-test: {value!r} found where it is not")
            failures += 1
    return failures


# ---- main ---------------------------------------------------------------------------

def run(args):
    binary = args.bin or os.environ.get("EW_BIN")
    if not binary:
        raise HarnessError("no edgeway binary: --bin or EW_BIN")
    shared = os.environ.get("EW_SHARED", os.path.join(os.path.dirname(SRC), "shared"))
    model = os.path.join(shared, "models", "stories260K.gguf")
    cases = []
    for path in args.cases or []:
        cases += load_cases(path)
    count = args.count if args.count is not None else \
        int(os.environ.get("EW_LEAK_CASES", "0" if args.cases else "120"))
    if count:
        cases += gen_cases.generate(count, args.seed)
    if not cases:
        raise HarnessError("no cases")
    if self_test():
        raise HarnessError("the scanner's self-test failed")
    with open(args.conf, encoding="utf-8") as f:
        conf_text = f.read()
    if args.never_remote_action:
        conf_text, n = re.subn(r"^(\s*never_remote_action:)\s*\S+", r"\g<1> " +
                               args.never_remote_action, conf_text, flags=re.M)
        if n != 1:
            raise HarnessError(f"{args.conf} has no 'never_remote_action:' line to replace")
    never_remote, split_types = read_policy_types(conf_text)
    tmp = args.keep or tempfile.mkdtemp(prefix="ew-leak-")
    os.makedirs(tmp, exist_ok=True)
    record = os.path.join(tmp, "cloud.bytes")
    open(record, "wb").close()
    up = start_upstream(tmp, "cloud", record)
    device = start_upstream(tmp, "device")
    gw = None
    try:
        cfg = os.path.join(tmp, "leak.yaml")
        with open(cfg, "w", encoding="utf-8") as f:
            f.write(string.Template(conf_text).safe_substitute(
                UP=f"http://127.0.0.1:{up.port}", DEVICE=f"http://127.0.0.1:{device.port}",
                MODEL=model))
        gw = start_gateway(binary, cfg, tmp)
        built = probe_split(gw.port)
        routes = [(r, s) for r, s in ROUTES if built.get(r, True)]
        if args.routes:
            routes = [(r, s) for r, s in routes if r in args.routes.split(",")]
        t0 = time.time()
        groups = run_groups(gw.port, cases, routes, args.jobs, record, args.verbose)
        elapsed = time.time() - t0
        gw.stop()
        log_text = gw.text()
        with open(record, "rb") as f:
            recording = f.read()
    finally:
        if gw:
            gw.stop()
        up.stop()
        device.stop()
    leaks = scan(groups, cases, never_remote, split_types, recording, log_text)
    sent, found, missing = self_check(groups, never_remote, recording)
    n_req = sum(len(g["items"]) for g in groups)
    print(table(groups, built))
    n_values = sum(len(c["protect"]) for c in cases)
    action = re.search(r"^\s*never_remote_action:\s*(\S+)", conf_text, re.M)
    print(f"\nnever_remote_action: {action.group(1) if action else 'local'}")
    print(f"{len(cases)} cases ({n_values} values), {n_req} requests in {elapsed:.1f}s, "
          f"{len(recording)} bytes recorded; never_remote: {', '.join(sorted(never_remote))}; "
          f"split types: {', '.join(sorted(split_types))}")
    print(f"self-check: {found}/{sent} unprotected values sent through the remote route "
          f"were found in the recording")
    problems = 0
    lost = [(g["route"], g["scenario"], c["id"], r) for g in groups
            for (c, _), r in zip(g["items"], g["results"]) if r["status"] in ("lost",
                                                                              "truncated")]
    for route, scen, cid, r in lost:
        print(f"LOST {cid} via {route}:{scen}: {r}")
        problems += 1
    ran_remote = any(g["route"] == "remote" for g in groups)
    if (ran_remote and sent == 0) or missing:
        for cid, v in missing[:20]:
            print(f"SELF-CHECK: {cid}: {v!r} went to the cloud but the scan cannot see it")
        print("SELF-CHECK FAILED: the recording does not show what the remote route sent")
        problems += 1
    for canary in (CANARY_KEY, CANARY_HEADER[1]):
        if canary.lower().encode() in recording.lower():
            print(f"LEAK the client's {canary!r} (a request header) reached the upstream")
            leaks.append({"case": "-", "type": "header", "value": canary, "route": "-",
                          "scenario": "-", "encoding": "header", "where": "upstream"})
    sanitizer = re.findall(r"(AddressSanitizer|LeakSanitizer|runtime error:).*", log_text)
    if sanitizer:
        print(f"SANITIZER: {sanitizer[:3]}\n{log_text[-4000:]}")
        problems += 1
    for lk in leaks:
        print(f"LEAK {lk['case']} {lk['type']} {lk['value']!r} via {lk['route']}:"
              f"{lk['scenario']} ({lk['where']}, encoding {lk['encoding']})")
    if args.keep:
        print(f"kept: {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    if leaks:
        print(f"\nFAIL: {len(leaks)} leak(s)")
        return 1
    if problems:
        print("\nFAIL: harness checks")
        return 1
    print("\nzero leaks")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", help="the edgeway binary (default $EW_BIN)")
    ap.add_argument("--cases", action="append", help="a JSONL case file (repeatable)")
    ap.add_argument("--count", type=int, help="generated cases (default $EW_LEAK_CASES or "
                    "120; 0 with --cases)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--conf", default=os.path.join(HERE, "leak.yaml"))
    ap.add_argument("--jobs", type=int, default=6, help="requests in flight")
    ap.add_argument("--routes", help="only these routes, comma-separated")
    ap.add_argument("--never-remote-action", choices=["local", "split", "deny"],
                    help="override the config's never_remote_action")
    ap.add_argument("--keep", help="keep the recording, configs and logs in this directory")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    try:
        return run(args)
    except HarnessError as e:
        print(f"leak harness error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
