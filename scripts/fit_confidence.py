#!/usr/bin/env python3
"""How well kotae's confidence separates right answers from wrong ones, and whether a
logistic regression over the same evidence would separate them better.

  scripts/fit_confidence.py RUN.json=GOLD.jsonl [RUN.json=GOLD.jsonl ...] [--l2 1.0]
      [--precision 0.95] [--threshold T]

Each RUN.json is what `kotae answer ... --json` wrote (its items carry an "evidence" object);
each GOLD.jsonl is a gold file in the format of ../shared/eval (query / accept). A row is
positive when its item's first source is accepted, negative when it is not or when the library
has no answer for it.

For every task it prints the AUC of the engine's confidence (the chance that a right answer
scores above a wrong one) with its auto precision and coverage at the engine's answer threshold
(--answer-threshold, EngineOptions::answer_threshold by default), beside
the same figures for a logistic model fitted on the other tasks (leave one task out), then the
coefficients fitted on all tasks. The engine keeps its hand-set formula (EngineOptions) while
the fitted model does not separate better out of sample; this script is how that is checked
when features or dev tasks are added, and how a deployment with its own labelled sheets can
check it.

Pure Python (no numpy) on purpose: a few hundred rows and a dozen features need nothing more,
and the script runs wherever kotae builds.
"""
import argparse
import json
import math
import re
import sys
import unicodedata

FEATURES = [
    "coverage",          # share of the question's IDF mass in the best source
    "coverage_full",     # the same, saturated at half the mass (long requirement texts)
    "concept_coverage",  # of the question's concepts (= coverage when it names none)
    "no_concept",        # it names concepts and the source has none of them
    "title_gap",         # 1 - title coverage, for items with a title cell
    "reverse_coverage",  # share of the source's own question that the item covers
    "margin",            # lead over the next distinct answer, doubled and capped at 1
    "unseen",            # share of the question's mass that no library entry has
    "passage",           # the source is a prose passage
    "shared",            # other items have the same best source (capped at 3, over 3)
    "weaker_claim",      # ... and one of them matches it better
    "neighbour",         # support of a confident neighbour whose source is nearby
]


def features(e):
    cov = e["coverage"]
    names = e["names_concepts"]
    ccov = e["concept_coverage"] if names else cov
    return [
        cov,
        min(1.0, cov / 0.5),
        ccov,
        1.0 if names and e["concept_coverage"] == 0 else 0.0,
        1.0 - e["title_coverage"] if e["has_title"] else 0.0,
        e["reverse_coverage"],
        min(1.0, 2.0 * e["margin"]),
        e["unseen_share"],
        1.0 if e["passage"] else 0.0,
        min(e["shared_best"], 3) / 3.0,
        1.0 if e["shared_best"] > 0 and not e["strongest_claim"] else 0.0,
        e.get("neighbour_support", 0.0),
    ]


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "")).lower()


def load_task(run_path, gold_path):
    run = json.load(open(run_path, encoding="utf-8"))
    items = run["items"] if isinstance(run, dict) else run
    for it in items:
        it["_q"] = norm(it.get("question", ""))
    rows = []
    for line in open(gold_path, encoding="utf-8"):
        if not line.strip():
            continue
        g = json.loads(line)
        hits = [it for it in items if norm(g["query"]) in it["_q"]]
        if not hits:
            continue
        it = hits[0]
        ev = it.get("evidence")
        if not ev:
            rows.append((None, 0, bool(g["accept"]), it.get("confidence", 0.0)))
            continue
        acc = [norm(a) for a in g["accept"]]
        srcs = it.get("sources") or []
        right = bool(acc) and bool(srcs) and any(
            a in norm(srcs[0].get("question", "") + " " + srcs[0].get("answer", "")) for a in acc)
        rows.append((features(ev), 1 if right else 0, bool(g["accept"]), it.get("confidence", 0.0)))
    return rows


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -35 else 0.0


def solve(a, b):
    """Gaussian elimination with partial pivoting; a is n x n, b length n."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(rows, l2):
    """Newton's method on the L2-penalised log-likelihood (the bias is not penalised)."""
    data = [([1.0] + x, y) for x, y, _, _ in rows if x is not None]
    n = len(FEATURES) + 1
    w = [0.0] * n
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in data:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            for i in range(n):
                grad[i] += (p - y) * x[i]
                for j in range(n):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, n):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def predict(w, x):
    return sigmoid(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))) if x is not None else 0.0


def at_threshold(scored, t):
    """scored: (confidence, right, answerable). Returns (precision, coverage, answered)."""
    answered = [r for r in scored if r[0] >= t]
    ok = sum(1 for r in answered if r[1])
    n_ans = sum(1 for r in scored if r[2]) or 1
    return (ok / len(answered) if answered else 1.0), ok / n_ans, len(answered)


def auc(scored):
    """Chance that a right answer gets a higher confidence than a wrong one (ties count half)."""
    pos = [r[0] for r in scored if r[1]]
    neg = [r[0] for r in scored if not r[1]]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def pick_threshold(scored, precision):
    """The lowest threshold at which the pooled precision still reaches `precision`."""
    best = 1.0
    for t in sorted({round(r[0], 4) for r in scored}, reverse=True):
        p, _, _ = at_threshold(scored, t)
        if p >= precision:
            best = t
        else:
            break
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tasks", nargs="+", help="RUN.json=GOLD.jsonl")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--precision", type=float, default=0.95)
    ap.add_argument("--threshold", type=float, help="score every task at this threshold")
    ap.add_argument("--answer-threshold", type=float, default=0.5,
                    help="the engine's answer threshold (EngineOptions::answer_threshold)")
    a = ap.parse_args()
    tasks = {}
    for t in a.tasks:
        run, gold = t.split("=", 1)
        tasks[run] = load_task(run, gold)

    print("leave-one-task-out (fitted on the other tasks):")
    print("  %-24s %25s %25s" % ("task", "current auc ap @ ac", "fitted auc ap @ ac"))
    pooled_cur, pooled_fit = [], []
    for held in tasks:
        train = [r for k, rows in tasks.items() if k != held for r in rows]
        w = fit(train, a.l2)
        train_scored = [(predict(w, x), y, ans) for x, y, ans, _ in train]
        t = a.threshold if a.threshold is not None else pick_threshold(train_scored, a.precision)
        test = [(predict(w, x), y, ans) for x, y, ans, _ in tasks[held]]
        cur = [(c, y, ans) for x, y, ans, c in tasks[held]]
        pooled_cur += cur
        pooled_fit += test
        p0, c0, _ = at_threshold(cur, a.answer_threshold)
        p1, c1, _ = at_threshold(test, t)
        name = held.rsplit("/", 1)[-1][:24]
        print("  %-24s %.3f %7.3f @ %.3f %7.3f %7.3f @ %.3f  (t=%.3f)"
              % (name, auc(cur), p0, c0, auc(test), p1, c1, t))
    print("  %-24s %.3f %25.3f" % ("pooled", auc(pooled_cur), auc(pooled_fit)))

    rows = [r for rows in tasks.values() for r in rows]
    w = fit(rows, a.l2)
    scored = [(predict(w, x), y, ans) for x, y, ans, _ in rows]
    t = pick_threshold(scored, a.precision)
    print("all tasks: threshold %.3f for precision >= %.2f" % (t, a.precision))
    print("  %-18s %8.4f" % ("bias", w[0]))
    for name, wi in zip(FEATURES, w[1:]):
        print("  %-18s %8.4f" % (name, wi))


if __name__ == "__main__":
    main()
