#!/usr/bin/env bash
# A short run of bench/tls_loop.c (the 10k-connection loop of the README):
# 400 connections against the gateway's TLS listener with mTLS, half resumed
# from tickets, each a handshake and GET /healthz. Fails on any failed
# connection, on RSS growth past the bound after the first 10%, and (in the
# sanitizer build) on any ASan/UBSan/LSan report.
set -euo pipefail
: "${EW_SRC:?}" "${EW_BUILD:?}"
bound=1024 # KiB
if [ -n "${EW_SANITIZED:-}" ]; then
    # ASan's quarantine keeps freed memory on purpose (256 MiB by default), so
    # the RSS would measure it; a 16 MiB one fills in the first connections.
    # LSan still reports leaks at exit.
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:quarantine_size_mb=16"
    bound=4096
fi
cd "$EW_SRC"
exec "$EW_BUILD/bench_tls_loop" 400 --resume --mtls --max-growth "$bound"
