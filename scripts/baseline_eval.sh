#!/usr/bin/env bash
# Scores the retrieval baselines (SQLite FTS5 trigram, Xapian CJK n-grams, and kotae's bare
# BM25F without the engine's concepts and decisions) on the dev tasks of ../shared/eval, next
# to the full engine (scripts/eval.sh). Needs ${KOTAE_BIN:-build/kotae} and ${KOTAE_BENCH_BIN:-build/bench/retrieval_bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${KOTAE_SHARED_DIR:-../shared}
out=${TMPDIR:-/tmp}/kotae-baselines
mkdir -p "$out"
seed() { ls "$shared"/corpus/seeds/"$1"_*.txt | head -1; }

# kotae parse --json → the bench's TSV inputs (escapes per bench/retrieval_bench.cc).
to_tsv() {  # kind out files...
  local kind=$1 dest=$2; shift 2
  : >"$dest"
  for f in "$@"; do ${KOTAE_BIN:-build/kotae} parse --json "$f"; done | python3 -c '
import json, sys
kind, dest = sys.argv[1], sys.argv[2]
esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
dec = json.JSONDecoder(); text = sys.stdin.read(); pos = 0
with open(dest, "a") as out:
    while pos < len(text):
        while pos < len(text) and text[pos].isspace(): pos += 1
        if pos >= len(text): break
        doc, pos = dec.raw_decode(text, pos)
        for it in doc["items"]:
            q = " ".join(it["sections"] + [it["question"]])
            if kind == "q":
                out.write(esc(it["id"]) + "\t" + esc(it["question"]) + "\n")
            else:
                a = " ".join(x for x in (it["choice"], it["answer"], it["remarks"]) if x)
                if a: out.write("\t".join(map(esc, (doc["path"], it["id"], q, a))) + "\n")
' "$kind" "$dest"
}

run_task() {  # name gold sheet library...
  local name=$1 gold=$2 sheet=$3; shift 3
  to_tsv q "$out/$name.q.tsv" "$sheet"
  to_tsv l "$out/$name.l.tsv" "$@"
  ${KOTAE_BENCH_BIN:-build/bench/retrieval_bench} --dev-eval "$out/$name" --questions "$out/$name.q.tsv" \
    --library "$out/$name.l.tsv" >/dev/null
  for run in "$out/$name"/*.json; do
    printf '%-22s %-14s ' "$name" "$(basename "$run" .json)"
    python3 "$shared/eval/score.py" "$run" "$shared/eval/dev/$name.jsonl"
  done
}

run_task meti_from_mic x "$(seed 001)" "$(seed 000)"
run_task english_from_monocone x "$shared/corpus/xlsx/english_questionnaire_blank.xlsx" \
  "$(seed 000)" "$(seed 001)"
