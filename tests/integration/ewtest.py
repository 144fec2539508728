"""Shared by the integration tests: the environment, check(), and reading the
log of a daemon started by a test. Not a test itself: ctest runs test_*.py.
Python standard library only."""
import json
import os
import re
import subprocess
import sys
import time

EW_BIN = os.environ.get("EW_BIN")
EW_SRC = os.environ.get("EW_SRC", ".")
SLOW = 3.0 if os.environ.get("EW_SANITIZED") else 1.0


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def pii_generate(script, *args):
    """The JSON a seeded bench/ generator (pii_gen_world.py, ...) prints."""
    return subprocess.run([sys.executable, os.path.join(EW_SRC, "bench", script)] +
                          [str(a) for a in args], capture_output=True, timeout=120,
                          check=True).stdout


def pii_score(data, name, *eval_args, show=True):
    """Scores a generated set with bench/pii_eval.py (span IoU >= 0.5): per
    type {P, R, F2, ...}. The set is kept as EW_BUILD/name.json to look at."""
    path = os.path.join(os.environ.get("EW_BUILD", "/tmp"), name + ".json")
    with open(path, "wb") as f:
        f.write(data)
    r = subprocess.run([sys.executable, os.path.join(EW_SRC, "bench", "pii_eval.py"), "--bin",
                        EW_BIN or "build/edgeway", "--only", "generated", "--generated", path,
                        "--json"] + list(eval_args), capture_output=True, timeout=300, check=True)
    out = r.stdout.decode()
    if show:
        print(out[:out.index("\n{")])
    return json.loads(out[out.index("\n{") + 1:])["generated"]


def pii_score_secrets(data, name):
    """Scores a generated secret set (bench/pii_secrets_heldout*.py) with
    bench/pii_eval.py --only secrets: (recall on the positives, false hits
    on the look-alikes, the misses and false hits as text). The set is kept
    as EW_BUILD/name.jsonl to look at."""
    path = os.path.join(os.environ.get("EW_BUILD", "/tmp"), name + ".jsonl")
    with open(path, "wb") as f:
        f.write(data)
    r = subprocess.run([sys.executable, os.path.join(EW_SRC, "bench", "pii_eval.py"), "--bin",
                        EW_BIN or "build/edgeway", "--only", "secrets", "--secrets", path,
                        "--errors", "secret", "--json"], capture_output=True, timeout=300,
                       check=True)
    out = r.stdout.decode()
    got = json.loads(out[out.index("\n{") + 1:])["secrets"]
    return got["recall"], got["fp_rate"], out[:out.index("\n{")]


class LogWatch:
    """For a child process (self.proc) whose stderr goes to self.log_path."""

    wait_timeout = 15.0  # seconds, times SLOW

    def text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def wait_log(self, pattern, start=0, timeout=None):
        """The first match of pattern in the log from offset start; fails if the
        process exits or the timeout passes first."""
        deadline = time.monotonic() + (timeout or self.wait_timeout) * SLOW
        rx = re.compile(pattern)
        while time.monotonic() < deadline:
            m = rx.search(self.text(), start)
            if m:
                return m
            if self.proc.poll() is not None:
                raise AssertionError(f"exited ({self.proc.returncode}):\n{self.text()[-3000:]}")
            time.sleep(0.02)
        raise AssertionError(f"no log line matching {pattern!r}:\n{self.text()[-3000:]}")


SANITIZER_REPORT = re.compile(
    r"AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:")


def check_no_sanitizer_report(text):
    """Fails with the report's start when a sanitizer wrote to a daemon's log."""
    m = SANITIZER_REPORT.search(text)
    check(not m, f"sanitizer report:\n{text[m.start():m.start() + 4000] if m else ''}")


def check_prom_format(t):
    """The text format's grouping: one HELP and TYPE per family, before its
    samples, and a family's samples in one block (strict parsers reject the rest)."""
    typed, done, current = {}, set(), None
    for line in t.splitlines():
        if line.startswith("# TYPE "):
            name, kind = line.split()[2:4]
            check(name not in typed, f"second TYPE line for {name}")
            typed[name] = kind
            continue
        if not line or line.startswith("#"):
            continue
        name = re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", line).group(0)
        family = name
        if name not in typed:
            family = re.sub(r"_(bucket|sum|count)$", "", name)
        check(family in typed, f"sample before its TYPE line: {line}")
        if family != current:
            check(family not in done, f"{family}'s samples are split into two groups")
            if current:
                done.add(current)
            current = family
