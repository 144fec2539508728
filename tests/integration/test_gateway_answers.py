#!/usr/bin/env python3
"""The remote route's answer side in the real daemon: an upstream answer in
every odd shape real upstreams send (tests/tools/fault_upstream.py, scenario
"odd": escapes, surrogate pairs, raw UTF-8, decoy "content" members nested
elsewhere, duplicate and escaped keys, events over several data: lines,
comments, pings, tool_calls, extra usage members) reaches the client intact,
streamed and whole, as our own chunks: our id, the upstream's model, the
text and tool_calls exactly, finish_reason and usage; the metrics and the
access log count the upstream's usage. Python standard library only.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from ewtest import check  # noqa: E402
from fault_upstream import ODD_STREAM, ODD_WHOLE  # noqa: E402
from test_gateway_routes import (metric, run_test, serve, sse_events,  # noqa: E402
                                 stop_upstreams, upstream)

USAGE = {"prompt_tokens": 11, "completion_tokens": 22, "total_tokens": 33}


def config(port):
    return f"""version: 1
server:
  listen: [127.0.0.1:0]
auth:
  allow_anonymous_loopback: true
backends:
  - {{name: odd, base_url: "http://127.0.0.1:{port}/s/odd/v1", max_retries: 0}}
routing:
  default: remote
"""


def upstream_chunks():
    """The upstream's completion chunks as Python reads them (the last of
    duplicate keys wins, as in our reader)."""
    out = []
    for ev in ODD_STREAM:
        if ev.startswith(":") or ev.startswith("event:"):
            continue
        data = "\n".join(line[5:].lstrip(" ") if line.startswith("data:") else line
                         for line in ev.strip("\n").split("\n"))
        if data != "[DONE]":
            out.append(json.loads(data))
    return out


def expected_stream():
    text, tools, finish = "", [], None
    for c in upstream_chunks():
        for ch in c["choices"][:1]:
            text += ch["delta"].get("content") or ""
            tools += ch["delta"].get("tool_calls") or []
            finish = ch.get("finish_reason") or finish
    return text, tools, finish


def check_head(doc, r, obj):
    rid = r.getheader("x-request-id")
    check(rid and doc["id"] == "chatcmpl-" + rid, f"id {doc['id']} for request {rid}")
    check(doc["object"] == obj and isinstance(doc["created"], int), doc)
    check(doc["model"] == "odd-model", f"model {doc['model']}")


def test_stream(gw):
    r, data = gw.request("POST", "/v1/chat/completions", key=None, body={
        "model": "auto", "stream": True, "stream_options": {"include_usage": True},
        "messages": [{"role": "user", "content": "Tell me something odd."}]})
    check(r.status == 200 and r.getheader("x-edgeway-route") == "remote", f"{r.status} {data!r}")
    check(r.getheader("x-edgeway-backend") == "odd", r.getheaders())
    ev = sse_events(data)
    check(ev[-1] == "[DONE]", f"no [DONE]: {ev[-2:]}")
    chunks = [json.loads(e) for e in ev[:-1]]
    text, tools, finish, usage = "", [], None, None
    for c in chunks:
        check_head(c, r, "chat.completion.chunk")
        if c.get("usage"):
            check(c["choices"] == [] and usage is None, f"one usage-only chunk: {c}")
            usage = c["usage"]
            continue
        ch = c["choices"][0]
        check(ch["index"] == 0 and "logprobs" in ch, ch)
        text += ch["delta"].get("content") or ""
        tools += ch["delta"].get("tool_calls") or []
        finish = ch["finish_reason"] or finish
    check(chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""},
          f"role chunk first: {chunks[0]}")
    want_text, want_tools, want_finish = expected_stream()
    check(text == want_text, f"text {text!r}, sent {want_text!r}")
    check(tools == want_tools, f"tool_calls {tools}, sent {want_tools}")
    check(finish == want_finish == "tool_calls", f"finish_reason {finish}")
    check(usage == USAGE, f"usage {usage}")


def test_whole(gw):
    r, data = gw.request("POST", "/v1/chat/completions", key=None, body={
        "model": "auto", "messages": [{"role": "user", "content": "Tell me something odd."}]})
    check(r.status == 200 and r.getheader("x-edgeway-route") == "remote", f"{r.status} {data!r}")
    doc = json.loads(data)
    check_head(doc, r, "chat.completion")
    sent = json.loads(ODD_WHOLE)["choices"][0]
    check(len(doc["choices"]) == 1, doc["choices"])
    ch = doc["choices"][0]
    check(ch["message"] == {"role": "assistant", "content": sent["message"]["content"],
                            "tool_calls": sent["message"]["tool_calls"]}, f"message {ch}")
    check(ch["finish_reason"] == "tool_calls" and doc["usage"] == USAGE, doc)


def test_counted(gw):
    r, data = gw.request("GET", "/metrics", key=None)
    t = data.decode()
    tin = metric(t, "edgeway_tokens_total", route="remote", direction="in")
    tout = metric(t, "edgeway_tokens_total", route="remote", direction="out")
    check(tin == 22 and tout == 44, f"tokens in {tin} out {tout}")
    lines = [ln for ln in gw.text().splitlines() if '"/v1/chat/completions"' in ln]
    check(len(lines) == 2, f"access log lines: {lines}")
    for ln in lines:
        check(re.search(r'"prompt_tokens":11,"completion_tokens":22', ln), ln)


def run_all(gw):
    test_stream(gw)
    test_whole(gw)
    test_counted(gw)


def run(tmp):
    up = upstream(tmp, "odd")
    try:
        serve(tmp, "edge", config(up.port), run_all)
    finally:
        stop_upstreams(up)


if __name__ == "__main__":
    sys.exit(run_test("gateway answers", run))
