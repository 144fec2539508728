#!/usr/bin/env python3
"""The leak suite (tests/leak/run_leak.py) as a ctest: generated cases plus
the hand-written ones, through every route and fault scenario, zero leaks.

EW_LEAK_CASES=N scales the generated part (default 120; 40 under the
sanitizers, whose gateway is slower); EW_LEAK_CASE_FILE=FILE adds a JSONL
case file (a held-out set) to the same run.
"""
import os
import subprocess
import sys

SRC = os.environ.get("EW_SRC", ".")
LEAK = os.path.join(SRC, "tests", "leak")


def main():
    if not os.environ.get("EW_BIN"):
        print("EW_BIN is not set", file=sys.stderr)
        return 2
    count = os.environ.get("EW_LEAK_CASES") or ("40" if os.environ.get("EW_SANITIZED") else "120")
    args = [sys.executable, os.path.join(LEAK, "run_leak.py"), "--count", count,
            "--cases", os.path.join(LEAK, "cases_handwritten.jsonl")]
    if os.environ.get("EW_LEAK_CASE_FILE"):
        args += ["--cases", os.environ["EW_LEAK_CASE_FILE"]]
    return subprocess.call(args)


if __name__ == "__main__":
    sys.exit(main())
