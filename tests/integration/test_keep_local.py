#!/usr/bin/env python3
"""Messages the client marks "x_edgeway": {"local": true} in the real daemon.

The mark is kept on every route, and refused only when it cannot be kept:
- on the device (the embedded model, or a url model served on loopback) the
  request runs as asked, the marked message included;
- a route that would send it off the device (remote, speculative) runs as
  split local-prefix: the cloud gets a condensed context instead;
- a cascade that escalates does the same;
- when the request cannot be made safe for the cloud (no PII detection), it
  is answered on the device;
- with no local model at all, 403 must_stay_on_device names the message and
  nothing reaches the cloud.
The cloud (tests/tools/fault_upstream.py --record) must never receive the
marked text. Python stdlib only.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import check_no_sanitizer_report  # noqa: E402
from test_gateway_routes import (EW_BIN, MODEL, Gateway, check, error_of,  # noqa: E402
                                 sse_events, upstream)
from test_split import Recording, last_body, post  # noqa: E402

SECRET = "Our family vault is opened with the words amber lantern over quiet harbour"
ASK = "Please write a short story about a cat."


def config(up_port, local_port, with_models=True, pii=True):
    models = f"""models:
  - {{name: stories, path: {MODEL}, workers: 1, queue: 4, threads: 1}}
  - {{name: ollama, url: "http://127.0.0.1:{local_port}/s/echo/v1", upstream_model: "llama3.2:1b"}}
""" if with_models else ""
    aliases = """  aliases:
    spec: {route: speculative, backend: echo, model: stories}
    casc: {route: cascade, backend: echo, model: stories}
""" if with_models else ""
    return f"""version: 1
server:
  listen: [127.0.0.1:0]
auth: {{allow_anonymous_loopback: true}}
{"" if pii else "pii: {enabled: false}"}
{models}backends:
  - {{name: echo, base_url: "http://127.0.0.1:{up_port}/s/echo/v1", kind: edgeway, max_retries: 0}}
routing:
  default: {"local" if with_models else "remote"}
{"  never_remote: [us_ssn]" if pii else ""}
  never_remote_action: {"local" if with_models else "deny"}
  split:
    local_prefix: {{system: false, min_pii: 5, max_context_tokens: 32}}
  cascade: {{probe_tokens: 4, min_confidence: 1.0}}
{aliases}"""


def marked(stream=False, model="cloud"):
    return {"model": model, "max_tokens": 8, "temperature": 0, "stream": stream,
            "messages": [{"role": "user", "content": SECRET, "x_edgeway": {"local": True}},
                         {"role": "assistant", "content": "Noted."},
                         {"role": "user", "content": ASK}]}


def text_of(r, data, stream):
    check(r.status == 200, f"{r.status}: {data[:400]!r}")
    if not stream:
        return json.loads(data)["choices"][0]["message"]["content"]
    ev = sse_events(data)
    check(ev and ev[-1] == "[DONE]", ev[-3:])
    out = ""
    for e in ev[:-1]:
        for c in json.loads(e).get("choices", []):
            out += c["delta"].get("content") or ""
    return out


def test_on_device(gw, local, rec):
    # The embedded model: the mark is kept by running here.
    rec.mark()
    r, data = post(gw, marked(model="stories"))
    text_of(r, data, False)
    check(r.getheader("x-edgeway-route") == "local", r.getheaders())
    # A url model on loopback is on the device too: it gets the marked message.
    for stream in (False, True):
        r, data = post(gw, marked(stream, model="ollama"))
        check(text_of(r, data, stream) == ASK, data[:300])
        check(r.getheader("x-edgeway-route") == "local", r.getheaders())
        check(r.getheader("x-edgeway-backend") == "ollama", r.getheaders())
        body = last_body(local)
        check(body["messages"][0]["content"] == SECRET, body)
        check("x_edgeway" not in json.dumps(body), "the mark itself is edgeway's")
    check(rec.since() == "", "nothing reached the cloud")


def test_remote_goes_split(gw, up, rec):
    for model in ("cloud", "spec"):
        for stream in (False, True):
            rec.mark()
            r, data = post(gw, marked(stream, model))
            check(text_of(r, data, stream) == ASK, data[:300])
            check(r.getheader("x-edgeway-route") == "split", (model, r.getheaders()))
            check(r.getheader("x-edgeway-split") == "local-prefix", r.getheaders())
            sent = rec.since()
            check("POST /s/echo" in sent, f"{model}: the cloud answered")
            check(SECRET not in sent and "amber lantern" not in sent,
                  f"{model}: the marked message reached the cloud:\n{sent[-1500:]}")
            body = last_body(up)
            check(body["messages"][0]["content"].startswith("Context from the earlier part"), body)
            check(body["messages"][-1]["content"] == ASK, body)


def test_cascade(gw, up, rec):
    for stream in (False, True):
        rec.mark()
        r, data = post(gw, marked(stream, "casc"))
        check(text_of(r, data, stream) == ASK, data[:300])
        check(r.getheader("x-edgeway-route") == "cascade", r.getheaders())
        check(r.getheader("x-edgeway-cascade") == "escalated", r.getheaders())
        check(r.getheader("x-edgeway-split") == "local-prefix", r.getheaders())
        sent = rec.since()
        check("POST /s/echo" in sent and SECRET not in sent, f"cascade sent:\n{sent[-1500:]}")
    # Unmarked, the cascade escalates to the cloud as it is.
    rec.mark()
    body = marked(model="casc")
    del body["messages"][0]["x_edgeway"]
    r, data = post(gw, body)
    text_of(r, data, False)
    check(r.getheader("x-edgeway-split") is None, r.getheaders())
    check(SECRET in rec.since(), "an unmarked message goes as it is")


def with_gateway(tmp, name, cfg_text, fn, *args):
    """Runs fn(gw, *args) on a gateway of its own; its log must be clean."""
    cfg = os.path.join(tmp, name + ".yaml")
    with open(cfg, "w") as f:
        f.write(cfg_text)
    gw = Gateway(cfg, os.path.join(tmp, name + ".log"))
    try:
        fn(gw, *args)
        gw.stop()
        check_no_sanitizer_report(gw.text())
        check(SECRET not in gw.text(), "the marked text in the log")
    except BaseException:
        print(gw.text()[-6000:], file=sys.stderr)
        raise
    finally:
        gw.stop()


def test_no_local_model(gw, up, rec):
    for model in ("cloud", "auto"):
        rec.mark()
        r, data = post(gw, marked(model=model))
        e = error_of(r, data, 403)
        check(e["code"] == "must_stay_on_device", e)
        check(e["param"] == "messages[0].x_edgeway.local", e)
        check("messages[0]" in e["message"] and "local model" in e["message"], e)
        check(rec.since() == "", "nothing reached the cloud")
    # Without a mark the same request goes to the cloud.
    body = marked()
    del body["messages"][0]["x_edgeway"]
    r, data = post(gw, body)
    check(text_of(r, data, False) == ASK, data[:300])


def test_cannot_sanitize(gw, rec):
    # No PII detection: a split cannot be made safe, so a marked request
    # headed for the cloud is answered here instead.
    rec.mark()
    r, data = post(gw, marked())
    text_of(r, data, False)
    check(r.getheader("x-edgeway-route") == "split", r.getheaders())
    check(r.getheader("x-edgeway-split") == "local", r.getheaders())
    check(r.getheader("x-edgeway-backend") == "stories", r.getheaders())
    check(rec.since() == "", "nothing reached the cloud")


def test_routes(gw, up, local, rec):
    test_on_device(gw, local, rec)
    test_remote_goes_split(gw, up, rec)
    test_cascade(gw, up, rec)


def main():
    if not EW_BIN:
        print("EW_BIN is not set", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        recorded = os.path.join(tmp, "cloud.bytes")
        up = upstream(tmp, "up", recorded)
        local = upstream(tmp, "local")
        rec = Recording(recorded)
        try:
            with_gateway(tmp, "edge", config(up.port, local.port), test_routes, up, local, rec)
            with_gateway(tmp, "nomodel", config(up.port, 1, with_models=False),
                         test_no_local_model, up, rec)
            with_gateway(tmp, "nopii", config(up.port, 1, pii=False), test_cannot_sanitize, rec)
        finally:
            for p in (up, local):
                p.proc.stdin.close()
                p.stop()
    print("keep local: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
