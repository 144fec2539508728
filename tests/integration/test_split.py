#!/usr/bin/env python3
"""The split route in the real daemon, against tests/tools/fault_upstream.py
recording every byte it receives.

Both modes, streaming and whole: the recorded cloud traffic holds only
placeholders (no value in any form a JSON writer could give it: raw, \\u
escaped, digits only), and the client's answer (the echo upstream repeats the
last user message) holds the real values. Also: one vault per conversation
(restored history comes back with the same placeholders; the
x-edgeway-conversation header), a cloud failure whose fallbacks may not send
raw text, restore misses, the metrics and the access log. Python stdlib only.
"""
import json
import os
import re
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import check_prom_format  # noqa: E402
from test_gateway_routes import (MODEL, check, metric, run_test, serve,  # noqa: E402
                                 sse_events, stop_upstreams, upstream)

EMAIL = "ana.lopez@example.org"
CARD = "4111 1111 1111 1111"
SSN = "536-22-8174"
NAME = "Ana Lopez"
ESCAPED_EMAIL = "jose.garcia@example.com"
VALUES = [EMAIL, CARD, SSN, NAME, ESCAPED_EMAIL, "José García"]


def config(port):
    base = f"http://127.0.0.1:{port}/s"
    return f"""version: 1
server:
  listen: [127.0.0.1:0]
auth: {{allow_anonymous_loopback: true}}
models:
  - {{name: stories, path: {MODEL}, workers: 1, queue: 4, threads: 1}}
backends:
  - {{name: echo, base_url: "{base}/echo/v1", max_retries: 0}}
  - {{name: broken, base_url: "{base}/500/v1", max_retries: 0}}
  - {{name: ok, base_url: "{base}/ok/v1", max_retries: 0}}
  - {{name: mid, base_url: "{base}/reset_mid/v1", max_retries: 0}}
  - {{name: drip, base_url: "{base}/drip:200/v1", max_retries: 0}}
routing:
  default: local
  never_remote: [credit_card, email, us_ssn]
  never_remote_action: split
  split:
    mode: pseudonymize
    local_prefix: {{min_pii: 3, max_context_tokens: 48}}
    max_conversations: 8
  fallbacks: [{{route: remote, backend: ok}}, local]
  aliases:
    split-p: {{route: split, backend: echo}}
    split-lp: {{route: split, backend: echo, mode: local_prefix}}
    broken: {{route: split, backend: broken}}
    split-mid: {{route: split, backend: mid}}
    split-drip: {{route: split, backend: drip}}
"""


def forms(value):
    """Every way the value could travel: raw, JSON-escaped (ASCII or not), digits only."""
    out = {value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 9:
        out.add(digits)
    return out


class Recording:
    def __init__(self, path):
        self.path = path
        self.start = 0

    def mark(self):
        self.start = os.path.getsize(self.path) if os.path.exists(self.path) else 0

    def since(self):
        with open(self.path, "rb") as f:
            f.seek(self.start)
            return f.read().decode("utf-8", "replace")

    def check_clean(self, what):
        sent = self.since()
        check("POST /s/" in sent, f"{what}: nothing reached the cloud")
        for v in VALUES:
            for form in forms(v):
                check(form not in sent, f"{what}: {form!r} reached the cloud:\n{sent[-1500:]}")
        return sent


def messages():
    """Every position: system, user (text parts cutting a value), assistant
    history with a tool call whose arguments escape their value, tool text."""
    args = json.dumps({"to": ESCAPED_EMAIL, "name": "José García"}, ensure_ascii=True)
    return [
        {"role": "system", "content": f"You assist {NAME} (SSN {SSN})."},
        {"role": "user", "content": [{"type": "text", "text": "My card is 4111 1111 "},
                                     {"type": "text", "text": "1111 1111, thanks."}]},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_1", "type": "function",
             "function": {"name": "send_mail", "arguments": args}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": f"sent to {ESCAPED_EMAIL}"},
        {"role": "user", "content": f"Write to {EMAIL} for {NAME}, card {CARD}."},
    ]


def answer(r, data, stream):
    check(r.status == 200, f"{r.status}: {data[:400]!r}")
    if not stream:
        doc = json.loads(data)
        return doc["choices"][0]["message"]["content"], doc.get("usage")
    text, usage = "", None
    ev = sse_events(data)
    check(ev[-1] == "[DONE]", ev[-3:])
    for e in ev[:-1]:
        doc = json.loads(e)
        if doc.get("usage"):
            usage = doc["usage"]
        for c in doc.get("choices") or []:
            text += c.get("delta", {}).get("content") or ""
    return text, usage


def post(gw, body, headers=None):
    return gw.request("POST", "/v1/chat/completions", body, key=None, headers=headers)


def test_pseudonymize(gw, rec):
    for stream in (False, True):
        rec.mark()
        body = {"model": "split-p", "messages": messages(), "stream": stream}
        if stream:
            body["stream_options"] = {"include_usage": True}
        r, data = post(gw, body)
        text, usage = answer(r, data, stream)
        check(r.getheader("x-edgeway-route") == "split", r.getheaders())
        check(r.getheader("x-edgeway-split") == "pseudonymize", r.getheaders())
        check(text == f"Write to {EMAIL} for {NAME}, card {CARD}.", f"restored {text!r}")
        check(usage and usage["total_tokens"] > 0, f"usage {usage}")
        sent = rec.check_clean(f"pseudonymize stream={stream}")
        for ph in ("[EMAIL_1]", "[PERSON_1]", "[CREDIT_CARD_1]", "[US_SSN_1]", "[EMAIL_2]"):
            check(ph in sent, f"{ph} not in the cloud request:\n{sent[-1500:]}")


def last_body(gw_up):
    import http.client
    c = http.client.HTTPConnection("127.0.0.1", gw_up.port, timeout=10)
    c.request("GET", "/_last")
    doc = json.loads(c.getresponse().read())
    c.close()
    return json.loads(doc["body"])


def test_conversation(gw, up, rec):
    # Turn 1, then turn 2 with the restored answer in the history.
    first = [{"role": "user", "content": f"I am {NAME}, mail {EMAIL}."}]
    r, data = post(gw, {"model": "split-p", "messages": first})
    text, _ = answer(r, data, False)
    check(text == first[0]["content"], text)
    rec.mark()
    second = first + [{"role": "assistant", "content": text},
                      {"role": "user", "content": f"Also card {CARD}, and [EMAIL_9] is no one."}]
    r, data = post(gw, {"model": "split-p", "messages": second, "stream": True})
    text, _ = answer(r, data, True)
    check(text == f"Also card {CARD}, and [EMAIL_9] is no one.", text)
    rec.check_clean("history")
    msgs = last_body(up)["messages"]
    check(msgs[0]["content"] == "I am [PERSON_1], mail [EMAIL_1].", msgs)
    check(msgs[1]["content"] == msgs[0]["content"], f"history re-pseudonymized: {msgs}")
    check(msgs[2]["content"].startswith("Also card [CREDIT_CARD_1]"), msgs)
    # The header names the conversation: other first messages, same vault.
    h = {"x-edgeway-conversation": "conv-42"}
    r, data = post(gw, {"model": "split-p",
                        "messages": [{"role": "user", "content": f"mail {EMAIL}"}]}, h)
    answer(r, data, False)
    r, data = post(gw, {"model": "split-p",
                        "messages": [{"role": "user", "content": f"now {ESCAPED_EMAIL}, {EMAIL}"}]},
                   h)
    text, _ = answer(r, data, False)
    check(text == f"now {ESCAPED_EMAIL}, {EMAIL}", text)
    check(last_body(up)["messages"][0]["content"] == "now [EMAIL_2], [EMAIL_1]", last_body(up))


def test_local_prefix(gw, up, rec):
    for stream in (False, True):
        rec.mark()
        msgs = [
            {"role": "system", "content": f"The user is {NAME}, SSN {SSN}."},
            {"role": "user", "content": f"My card is {CARD} and my mail {ESCAPED_EMAIL}.",
             "x_edgeway": {"local": True}},
            {"role": "assistant", "content": "Noted."},
            {"role": "user", "content": f"Reply to {EMAIL} please."},
        ]
        r, data = post(gw, {"model": "split-lp", "messages": msgs, "stream": stream})
        text, _ = answer(r, data, stream)
        check(r.getheader("x-edgeway-split") == "local-prefix", r.getheaders())
        check(text == f"Reply to {EMAIL} please.", f"restored {text!r}")
        sent = rec.check_clean(f"local-prefix stream={stream}")
        body = last_body(up)
        roles = [m["role"] for m in body["messages"]]
        check(roles == ["user", "assistant", "user"], f"cloud messages {roles}")
        check(body["messages"][0]["content"].startswith("Context from the earlier part"), body)
        check(body["messages"][2]["content"] == "Reply to [EMAIL_1] please.", body)
        check("x_edgeway" not in sent, "the extension field stays home")
    # A tool result kept home takes its call along (the cloud rejects one without the other).
    rec.mark()
    args = json.dumps({"to": ESCAPED_EMAIL})
    msgs = [{"role": "user", "content": "Mail my landlord."},
            {"role": "assistant", "content": None, "tool_calls": [
                {"id": "c9", "type": "function", "function": {"name": "mail", "arguments": args}}]},
            {"role": "tool", "tool_call_id": "c9", "content": "sent", "x_edgeway": {"local": True}},
            {"role": "user", "content": "Did it work?"}]
    r, data = post(gw, {"model": "split-lp", "messages": msgs})
    text, _ = answer(r, data, False)
    check(text == "Did it work?", text)
    rec.check_clean("local-prefix tool turn")
    roles = [m["role"] for m in last_body(up)["messages"]]
    check(roles == ["user", "user", "user"], f"cloud messages {roles}")


def test_fallback_stays_home(gw, up, rec):
    # The router sees no never_remote type here (the email is escaped inside
    # the tool call's arguments); the split route decodes it, so when the
    # cloud fails, the remote fallback is skipped and the local model answers.
    rec.mark()
    args = json.dumps({"to": "ana\u0040example.org"}).replace("@", "\\u0040")
    msgs = [{"role": "user", "content": "Mail them."},
            {"role": "assistant", "content": None, "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "mail", "arguments": args}}]},
            {"role": "tool", "tool_call_id": "c1", "content": "done"},
            {"role": "user", "content": "Tell me a story."}]
    r, data = post(gw, {"model": "broken", "messages": msgs, "max_tokens": 8})
    check(r.status == 200, f"{r.status} {data[:300]!r}")
    check(r.getheader("x-edgeway-route") == "local", r.getheaders())
    check(r.getheader("x-edgeway-fallback") == "true", r.getheaders())
    sent = rec.since()
    check("/s/500/" in sent and "/s/ok/" not in sent, f"what reached the cloud:\n{sent[-800:]}")
    check("ana@example.org" not in sent and "ana\\u0040example.org" not in sent, sent[-800:])


def test_cut_short(gw, rec):
    # The cloud resets mid-stream: one error event ends the stream.
    rec.mark()
    body = {"model": "split-mid", "stream": True,
            "messages": [{"role": "user", "content": f"Mail {EMAIL} about a long story please."}]}
    r, data = post(gw, body)
    ev = sse_events(data)
    check(r.status == 200 and ev and "error" in json.loads(ev[-1]), f"{r.status} {ev[-2:]}")
    rec.check_clean("reset mid-stream")
    # The client leaves while the restorer holds a placeholder's first bytes.
    s = socket.create_connection(("127.0.0.1", gw.port))
    payload = json.dumps(dict(body, model="split-drip")).encode()
    s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
              b"\r\nContent-Length: %d\r\n\r\n%s" % (len(payload), payload))
    check(s.recv(4096).startswith(b"HTTP/1.1 200"), "stream began")
    s.close()
    r, data = post(gw, {"model": "split-p", "messages": [{"role": "user", "content": "still up?"}]})
    check(r.status == 200, "the gateway still answers")


def test_metrics(gw):
    r, data = gw.request("GET", "/metrics", key=None)
    t = data.decode()
    check_prom_format(t)
    check(metric(t, "edgeway_split_requests_total", mode="pseudonymize") >= 6, t)
    check(metric(t, "edgeway_split_requests_total", mode="local-prefix") >= 2, "local-prefix")
    check(metric(t, "edgeway_split_placeholders_count") >= 8, "placeholders count")
    check(metric(t, "edgeway_split_placeholders_sum") >= 30, "placeholders sum")
    check(metric(t, "edgeway_split_placeholders_bucket", le="+Inf") ==
          metric(t, "edgeway_split_placeholders_count"), "+Inf = count")
    check(metric(t, "edgeway_split_restore_misses_total") >= 1, "[EMAIL_9] is a miss")
    check(metric(t, "edgeway_split_rescan_fallbacks_total") == 0, "no rescan fallback")
    check(metric(t, "edgeway_split_conversations") >= 2, "vaults held")
    for v in VALUES:
        check(v not in t, "no values in metrics")


def check_log(gw):
    log = gw.text()
    access = [json.loads(l) for l in log.splitlines() if '"msg":"access"' in l]
    modes = {a.get("split") for a in access}
    check({"pseudonymize", "local-prefix"} <= modes, f"split modes in the access log: {modes}")
    for v in VALUES:
        check(v not in log, f"{v} in the log")


def run_all(gw, up, rec):
    test_pseudonymize(gw, rec)
    test_conversation(gw, up, rec)
    test_local_prefix(gw, up, rec)
    test_fallback_stays_home(gw, up, rec)
    test_cut_short(gw, rec)
    test_metrics(gw)


def run(tmp):
    recorded = os.path.join(tmp, "cloud.bytes")
    up = upstream(tmp, "up", recorded)
    try:
        check_log(serve(tmp, "edge", config(up.port), run_all, up, Recording(recorded)))
    finally:
        stop_upstreams(up)


if __name__ == "__main__":
    sys.exit(run_test("split", run))
