#!/usr/bin/env bash
# The engine benchmark in one command:
#   bench/engine.sh [bench_engine options]
#   EW_LLAMA_BENCH=/path/to/llama-bench bench/engine.sh   # llama.cpp side by side
#
# Builds edgeway (Release) in $EW_BENCH_BUILD (default build-bench/), then runs
# bench_engine: models of the real shapes are synthesized and quantized into a
# cache outside the source tree on first use, and each is measured with our
# engine and, when EW_LLAMA_BENCH names a llama-bench binary (a llama.cpp built
# by whoever runs this, outside the repository), with llama.cpp in the same run.
# Prints one markdown table, preceded by what it ran on.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=${EW_BENCH_BUILD:-$src/build-bench}

cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j 2 --target bench_engine >/dev/null

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "edgeway ${commit}; ${cpu:-unknown CPU}, $(nproc) logical cores;" \
     "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
if [[ -n "${EW_LLAMA_BENCH:-}" ]]; then
    echo "llama.cpp: ${EW_LLAMA_BENCH}"
fi
echo
"$build/bench_engine" "$@"
echo
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
