"""Shared by the integration tests: the environment, check(), and reading the
log of a daemon started by a test. Not a test itself: ctest runs test_*.py.
Python standard library only."""
import os
import re
import time

EW_BIN = os.environ.get("EW_BIN")
EW_SRC = os.environ.get("EW_SRC", ".")
SLOW = 3.0 if os.environ.get("EW_SANITIZED") else 1.0


def check(cond, what):
    if not cond:
        raise AssertionError(what)


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
