#!/usr/bin/env bash
# Sets kotae up and runs it on the bundled example: a fictional vendor's answered sheet and
# security policy (examples/library/) answer a customer's blank check sheet
# (examples/incoming/check_sheet.xlsx). Writes to out/: the answer run (JSON), the customer's
# workbook with the answers filled in, and the HTML review report.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target kotae

mkdir -p out
build/kotae answer examples/incoming/check_sheet.xlsx \
  --library examples/library/answered_sheet.csv \
  --library examples/library/security_policy.md \
  --json out/example-run.json -o out/check_sheet_filled.xlsx --report out/example-report.html
echo "wrote out/example-run.json, out/check_sheet_filled.xlsx, out/example-report.html"
