#!/usr/bin/env bash
# Runs every built fuzzer for a bounded time: fuzz/run.sh BUILD_DIR SECONDS
# Seeds come from fuzz/corpus/<name>/ (copied, so the repository is never modified). Exits
# non-zero and names the crash file when a fuzzer finds one.
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for bin in "$build"/fuzz/*_fuzz; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin" _fuzz)
  mkdir -p "$work/$name" "$work/$name-crash"
  if [ -d "$here/corpus/$name" ]; then cp -r "$here/corpus/$name/." "$work/$name/"; fi
  echo "fuzz: $name for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=0 "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -timeout=10 -artifact_prefix="$work/$name-crash/" "$work/$name" >"$work/$name.log" 2>&1; then
    echo "fuzz: $name FAILED"; tail -40 "$work/$name.log"
    for f in "$work/$name-crash"/*; do
      [ -e "$f" ] || continue
      mkdir -p "$build/fuzz-crashes" && cp "$f" "$build/fuzz-crashes/"
      echo "fuzz: crash input kept at $build/fuzz-crashes/$(basename "$f")"
    done
    status=1
  else
    grep -E "^Done|#[0-9]+.*DONE" "$work/$name.log" | tail -1 || true
  fi
done
exit $status
