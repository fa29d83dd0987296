#!/usr/bin/env bash
# Runs every built kotae fuzzer for a bounded time:
#   fuzz/run.sh BUILD_DIR SECONDS [NAME...]
# BUILD_DIR is a build configured with -DKOTAE_FUZZ=ON (fuzzers in BUILD_DIR/fuzz/*_fuzz);
# SECONDS is the fuzzing time per fuzzer; NAMEs (xlsx, csv, prose, vocabulary, …) restrict the run.
# Seeds come from fuzz/corpus/<name>/ and are copied into a temporary directory, so the
# repository is never modified; fuzz/corpus/<name>.dict is passed as -dict when present.
# Exits 1 and prints the path of each crash input (kept under BUILD_DIR/fuzz-crashes/) when a
# fuzzer crashes, times out or runs out of memory; exits 2 on bad usage or no fuzzer built.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: fuzz/run.sh BUILD_DIR SECONDS [NAME...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=${2:-60}
shift $(($# >= 2 ? 2 : 1))
case "$seconds" in '' | *[!0-9]*) echo "fuzz/run.sh: SECONDS must be a number" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kotae-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for bin in "$build"/fuzz/*_fuzz; do
    [ -x "$bin" ] && names+=("$(basename "$bin" _fuzz)")
  done
fi
if [ ${#names[@]} -eq 0 ]; then
  echo "fuzz/run.sh: no fuzzers in $build/fuzz (build the kotae_fuzzers target first)" >&2
  exit 2
fi

status=0
for name in "${names[@]}"; do
  bin="$build/fuzz/${name}_fuzz"
  if [ ! -x "$bin" ]; then
    echo "fuzz/run.sh: $bin is not built" >&2
    status=1
    continue
  fi
  mkdir -p "$work/$name/corpus" "$work/$name/crash"
  if [ -d "$here/corpus/$name" ]; then cp -r "$here/corpus/$name/." "$work/$name/corpus/"; fi
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
        -artifact_prefix="$work/$name/crash/")
  if [ -f "$here/corpus/$name.dict" ]; then args+=(-dict="$here/corpus/$name.dict"); fi
  echo "fuzz: $name for ${seconds}s"
  # libFuzzer stops itself after max_total_time; the outer timeout only catches a fuzzer that
  # stops responding altogether (counted as a failure).
  rc=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    timeout --signal=KILL $((seconds + 300)) \
    "$bin" "${args[@]}" "$work/$name/corpus" >"$work/$name/log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    echo "fuzz: $name FAILED (exit $rc)"
    grep -E "ERROR: |SUMMARY: |runtime error|#[0-9]+ 0x" "$work/$name/log" | head -40 || true
    mkdir -p "$build/fuzz-crashes"
    cp "$work/$name/log" "$build/fuzz-crashes/$name.log"
    for f in "$work/$name/crash"/*; do
      [ -e "$f" ] || continue
      cp "$f" "$build/fuzz-crashes/$name-$(basename "$f")"
      echo "fuzz: crash input: $build/fuzz-crashes/$name-$(basename "$f")"
    done
    echo "fuzz: full log: $build/fuzz-crashes/$name.log"
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs" "$work/$name/log" | tail -1 || true
  fi
done
exit $status
