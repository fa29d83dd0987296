#!/usr/bin/env bash
# Scores kotae on the dev tasks of ../shared/eval, on the project's own dev tasks (eval/dev)
# and on its held-out tasks (eval/, see eval/README.md); needs a built build/kotae.
#   ./scripts/eval.sh [--misses]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${KOTAE_SHARED_DIR:-../shared}
bin=${KOTAE_BIN:-build/kotae}
out=${TMPDIR:-/tmp}/kotae-eval
mkdir -p "$out"
seed() { ls "$shared"/corpus/seeds/"$1"_*.txt | head -1; }

"$bin" answer --quiet "$(seed 001)" --library "$(seed 000)" --json "$out/meti_from_mic.json"
"$bin" answer --quiet "$shared/corpus/xlsx/english_questionnaire_blank.xlsx" \
  --library "$(seed 000)" --library "$(seed 001)" --json "$out/english_from_monocone.json"
"$bin" answer --quiet "$shared/corpus/xlsx/sla_checksheet_blank.xlsx" --library "$(seed 000)" \
  --json "$out/sla_from_mic.json"
"$bin" answer --quiet "$shared/corpus/xlsx/english_questionnaire_blank.xlsx" \
  --library "$(seed 002)" --json "$out/english_from_policy.json"
"$bin" answer --quiet "$(seed 001)" --library "$(seed 002)" --json "$out/meti_from_policy.json"
"$bin" answer --quiet "$(seed 004)" --library "$(seed 000)" \
  --json "$out/heldout_iso27017_from_mic.json"
"$bin" answer --quiet "$(seed 004)" --library "$(seed 002)" \
  --json "$out/heldout_iso27017_from_policy.json"
"$bin" answer --quiet eval/english_vendor_questionnaire.csv --library "$(seed 000)" \
  --json "$out/heldout_english_from_mic.json"
for task in meti_from_mic english_from_monocone; do
  echo "== $task"
  python3 "$shared/eval/score.py" "$out/$task.json" "$shared/eval/dev/$task.jsonl" "$@"
done
for task in sla_from_mic english_from_policy meti_from_policy; do
  echo "== $task (project dev task, eval/dev)"
  python3 "$shared/eval/score.py" "$out/$task.json" "eval/dev/$task.jsonl" "$@"
done
for task in heldout_iso27017_from_mic heldout_iso27017_from_policy heldout_english_from_mic; do
  echo "== $task (held out: never used for tuning)"
  python3 "$shared/eval/score.py" "$out/$task.json" "eval/$task.jsonl" "$@"
done
