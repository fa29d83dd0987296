#!/usr/bin/env python3
"""Checks kotae's security vocabulary file (data/vocabulary.tsv).

Usage: python3 scripts/check_vocabulary.py [data/vocabulary.tsv] [--min-concepts N]

Exits 0 when the file is well-formed, 1 with one line per problem otherwise.
The rules are those of data/README.md; the C++ loader (src/text/vocabulary.*)
enforces the same format at start-up, this script adds the editorial checks
(ISO control range, cycles, forms shared by two concepts).
"""
import re
import sys
import unicodedata

ID_RE = re.compile(r"^[a-z0-9_]+$")
ISO_RE = re.compile(r"^A\.([5-8])\.(\d+)$")
# ISO/IEC 27001:2022 Annex A: number of controls per clause.
ISO_COUNTS = {5: 37, 6: 8, 7: 14, 8: 34}
VERSION_RE = re.compile(r"^#\s*version:\s*(\S+)\s*$")


def fold(form):
    """The key a form is matched under: NFKC, then case folding."""
    return unicodedata.normalize("NFKC", form).casefold().strip()


def check(path, min_concepts):
    errors = []
    version = None
    concepts = {}  # id -> (line, broader list)
    form_owner = {}  # folded form -> (id, line)
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        errors.append(f"{path}:1: byte-order mark not allowed")
    for lineno, line in enumerate(raw.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = VERSION_RE.match(line)
            if m and version is None:
                version = m.group(1)
            continue
        where = f"{path}:{lineno}"
        fields = line.split("\t")
        if len(fields) != 5:
            errors.append(f"{where}: expected 5 tab-separated fields, got {len(fields)}")
            continue
        cid, iso, broader, ja, en = fields
        if not ID_RE.match(cid):
            errors.append(f"{where}: bad id {cid!r}")
        if cid in concepts:
            errors.append(f"{where}: duplicate id {cid!r} (first on line {concepts[cid][0]})")
        if iso:
            m = ISO_RE.match(iso)
            if not m:
                errors.append(f"{where}: bad ISO control {iso!r}")
            elif not 1 <= int(m.group(2)) <= ISO_COUNTS[int(m.group(1))]:
                errors.append(f"{where}: {iso} is not an ISO/IEC 27001:2022 Annex A control")
        parents = [b for b in broader.split(",")] if broader else []
        for b in parents:
            if not ID_RE.match(b):
                errors.append(f"{where}: bad broader id {b!r}")
            if b == cid:
                errors.append(f"{where}: {cid} is its own broader concept")
        concepts[cid] = (lineno, parents)
        for lang, field in (("ja", ja), ("en", en)):
            if not field:
                errors.append(f"{where}: {cid} has no {lang} forms")
                continue
            seen_here = set()
            for form in field.split("|"):
                if not form or form != form.strip():
                    errors.append(f"{where}: empty or space-padded {lang} form {form!r}")
                    continue
                key = fold(form)
                if key in seen_here:
                    continue
                seen_here.add(key)
                owner = form_owner.get(key)
                if owner and owner[0] != cid:
                    errors.append(f"{where}: form {form!r} of {cid} already belongs to "
                                  f"{owner[0]} (line {owner[1]})")
                else:
                    form_owner[key] = (cid, lineno)
        if ja and not any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", f) for f in ja.split("|")):
            errors.append(f"{where}: {cid} has no form in Japanese script")
    if version is None:
        errors.append(f"{path}: no '# version: …' comment line")
    for cid, (lineno, parents) in concepts.items():
        for b in parents:
            if b not in concepts:
                errors.append(f"{path}:{lineno}: broader id {b!r} of {cid} is not defined")
    # Cycle detection over the broader relation (depth-first, three colours).
    state = {}

    def visit(cid, stack):
        state[cid] = 1
        for b in concepts[cid][1]:
            if b not in concepts:
                continue
            if state.get(b) == 1:
                errors.append(f"{path}: cycle in broader: {' -> '.join(stack + [b])}")
            elif b not in state:
                visit(b, stack + [b])
        state[cid] = 2

    for cid in concepts:
        if cid not in state:
            visit(cid, [cid])
    if len(concepts) < min_concepts:
        errors.append(f"{path}: {len(concepts)} concepts, at least {min_concepts} expected")
    return version, len(concepts), len(form_owner), errors


def main(argv):
    path = "data/vocabulary.tsv"
    min_concepts = 320
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--min-concepts":
            min_concepts = int(args.pop(0))
        else:
            path = a
    version, n, forms, errors = check(path, min_concepts)
    for e in errors:
        print(e)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"{path}: version {version}, {n} concepts, {forms} distinct forms: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
