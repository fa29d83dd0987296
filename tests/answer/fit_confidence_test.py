#!/usr/bin/env python3
"""Checks scripts/fit_confidence.py on two small synthetic tasks: a confidence that ranks every
right answer above every wrong one has AUC 1, one that ranks them the other way round AUC 0,
and the fitted model learns that coverage is the evidence."""
import json
import os
import subprocess
import sys
import tempfile

script = sys.argv[1]


def evidence(coverage):
    return {"found": True, "coverage": coverage, "concept_coverage": coverage,
            "title_coverage": coverage, "reverse_coverage": 0.5, "margin": 0.5,
            "unseen_share": 0.0, "names_concepts": True, "has_title": False, "passage": False,
            "disagree": False, "shared_best": 0, "strongest_claim": True}


def write_task(directory, name, inverted):
    items, gold = [], []
    for i in range(12):
        right = i % 2 == 0
        coverage = 0.2 + 0.6 * right + 0.01 * i
        confidence = (1 - coverage) if inverted else coverage
        items.append({"id": f"S!R{i}", "question": f"question number q{i:02d}",
                      "status": "answered" if confidence >= 0.5 else "needs_review",
                      "confidence": confidence, "evidence": evidence(coverage),
                      "sources": [{"question": f"entry e{i:02d}", "answer": "yes"}]})
        gold.append({"query": f"q{i:02d}", "accept": [f"e{i:02d}" if right else "elsewhere"]})
    run_path = os.path.join(directory, name + ".json")
    gold_path = os.path.join(directory, name + ".jsonl")
    json.dump({"items": items}, open(run_path, "w"))
    with open(gold_path, "w") as f:
        f.writelines(json.dumps(g) + "\n" for g in gold)
    return f"{run_path}={gold_path}"


with tempfile.TemporaryDirectory() as d:
    tasks = [write_task(d, "good", False), write_task(d, "inverted", True)]
    out = subprocess.run([sys.executable, script, *tasks], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("fit_confidence.py failed: " + out.stderr)
    lines = {l.split()[0]: l.split() for l in out.stdout.splitlines() if l.strip()}
    assert lines["good.json"][1] == "1.000", out.stdout
    assert lines["inverted.json"][1] == "0.000", out.stdout
    assert float(lines["coverage"][1]) > 0, out.stdout
print("ok")
