#!/bin/sh
# Builds every libFuzzer harness in this folder with clang: the library once
# with coverage and ASan/UBSan (out/libedgeway.a), then each fuzz_<x>.c into
# out/fuzz_<x>. Usage: tests/fuzz/build.sh [out-dir] [harness...]
set -e
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$src/build-fuzz}
[ $# -gt 0 ] && shift
CC=clang cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="-O1 -g" \
    -DEW_SANITIZE=fuzzer-no-link,address,undefined >/dev/null
cmake --build "$out" -j2 --target edgeway_static
libs="$(pkg-config --libs libevent libevent_pthreads libcurl yaml-0.1) -lmbedtls -lmbedx509 -lmbedcrypto -lpthread -lm"
if [ $# -eq 0 ]; then set -- "$src"/tests/fuzz/fuzz_*.c; fi
for f in "$@"; do
    name=$(basename "$f" .c)
    clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
        -I"$src" -I"$src/include" "$src/tests/fuzz/$name.c" "$out/libedgeway.a" $libs -o "$out/$name"
    echo "built $out/$name"
done
