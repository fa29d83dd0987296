#!/usr/bin/env bash
# Runs every kotae test the way CI does: installs what is missing, builds with
# -Wall -Wextra -Werror and runs the test suite, then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the suite once more, then runs each libFuzzer target for a
# bounded time (KOTAE_FUZZ_SECONDS, default 60) under ASan+UBSan.
#
#   ./scripts/test.sh            # everything
#   KOTAE_SKIP_ASAN=1 ./scripts/test.sh   # only the -Werror build (quick local run)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)

./scripts/setup.sh

echo "== build (-Werror) and test"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOTAE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

if [ "${KOTAE_SKIP_ASAN:-0}" != 1 ]; then
  echo "== build with ASan+UBSan and test"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKOTAE_WERROR=ON -DKOTAE_SANITIZE=ON \
    -DKOTAE_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  # MeCab and ICU keep process-lifetime caches; leaks are not what this run looks for.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi

if [ "${KOTAE_SKIP_FUZZ:-0}" != 1 ] && [ -f fuzz/CMakeLists.txt ]; then
  echo "== fuzz (bounded, ASan+UBSan)"
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DKOTAE_FUZZ=ON \
    -DKOTAE_SANITIZE=ON -DKOTAE_BENCH=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs" --target kotae_fuzzers
  "$root/fuzz/run.sh" "$root/build-fuzz" "${KOTAE_FUZZ_SECONDS:-60}"
fi
echo "== all tests passed"
