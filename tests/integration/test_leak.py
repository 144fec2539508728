#!/usr/bin/env python3
"""The leak suite (tests/leak/run_leak.py) as a ctest: generated cases plus
the hand-written ones, through every route and fault scenario, zero leaks;
then the routes that leave the device again with never_remote_action: split,
so requests holding never_remote values go out pseudonymized instead of local.

EW_LEAK_CASES=N scales the generated part (default 120; 40 under the
sanitizers, whose gateway and embedded model are slower); EW_LEAK_CASE_FILE=FILE
adds a JSONL case file (a held-out set) to both runs.
"""
import os
import subprocess
import sys

SRC = os.environ.get("EW_SRC", ".")
LEAK = os.path.join(SRC, "tests", "leak")


def run(count, *extra):
    args = [sys.executable, os.path.join(LEAK, "run_leak.py"), "--count", str(count),
            "--cases", os.path.join(LEAK, "cases_handwritten.jsonl")]
    if os.environ.get("EW_LEAK_CASE_FILE"):
        args += ["--cases", os.environ["EW_LEAK_CASE_FILE"]]
    return subprocess.call(args + list(extra))


def main():
    if not os.environ.get("EW_BIN"):
        print("EW_BIN is not set", file=sys.stderr)
        return 2
    sanitized = bool(os.environ.get("EW_SANITIZED"))
    count = int(os.environ.get("EW_LEAK_CASES") or (40 if sanitized else 120))
    rc = run(count)
    if rc:
        return rc
    print("\n--- again with never_remote_action: split ---\n", flush=True)
    return run(max(count // 2, 1), "--never-remote-action", "split", "--seed", "10",
               "--routes", "auto,remote,cascade")


if __name__ == "__main__":
    sys.exit(main())
