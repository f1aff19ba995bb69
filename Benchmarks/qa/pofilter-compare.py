#!/usr/bin/env python3
"""Runs translate-toolkit's pofilter on the pairs `bayan-bench qa --export FILE` wrote, so that
pofilter and Bayan's QA are measured on the same pairs (correct ones for false positives, seeded
errors for recall), in both digit systems.

    .build/release/bayan-bench qa --export /tmp/qa-pairs.tsv
    .build-py/bin/python Benchmarks/qa/pofilter-compare.py /tmp/qa-pairs.tsv

Each pair becomes one PO unit (msgid Arabic, msgstr English, msgctxt the pair id); pofilter runs
with --language=en and the tests comparable to Bayan's checks (below). A correct pair flagged by
any of them is a false positive; a seeded error counts as caught when a test mapped to the check
the error was seeded for fires.
"""
import collections
import os
import subprocess
import sys
import tempfile

# pofilter test -> the Bayan check it is compared with.
TESTS = {
    "numbers": "numbers", "brackets": "brackets", "doublequoting": "brackets", "endpunc": "endpunc",
    "unchanged": "untranslated", "untranslated": "empty", "blank": "empty", "urls": "urls", "emails": "emails",
    "long": "length", "short": "length",
}


def po_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def main(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 7:
            rows.append(parts)
    pofilter = os.path.join(os.path.dirname(sys.executable), "pofilter")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "pairs.po"), os.path.join(tmp, "failed.po")
        with open(src, "w", encoding="utf-8") as f:
            f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n')
            for r in rows:
                # An empty msgstr would read as untranslated; the blank-target error keeps one space.
                f.write('msgctxt "%s"\nmsgid "%s"\nmsgstr "%s"\n\n' % (po_escape(r[0]), po_escape(r[5]), po_escape(r[6] or " ")))
        cmd = [pofilter, "--language=en", "--nofuzzy", "--progress=none", "--errorlevel=none"]
        for t in TESTS:
            cmd += ["-t", t]
        subprocess.run(cmd + [src, out], check=True)
        flagged = collections.defaultdict(set)
        ctx, notes = None, []
        for line in open(out, encoding="utf-8") if os.path.exists(out) else []:
            if line.startswith("# (pofilter) "):
                notes.append(line[len("# (pofilter) "):].split(":")[0].strip())
            elif line.startswith("msgctxt "):
                ctx = line[len('msgctxt "'):-2].replace('\\"', '"').replace("\\\\", "\\")
            elif line.startswith("msgid ") and ctx is not None:
                flagged[ctx].update(notes)
                ctx, notes = None, []
            elif line.strip() == "":
                notes = notes if ctx is None else notes
    fp = collections.defaultdict(lambda: [0, collections.Counter()])
    recall = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        ident, label, digits, kind, check = r[0], r[1], r[2], r[3], r[4]
        checks = {TESTS.get(t, t) for t in flagged.get(ident, set())}
        if kind == "correct":
            entry = fp[(label, digits)]
            entry[0] += 1
            if checks:
                entry[1]["any check"] += 1
            for c in checks:
                entry[1][c] += 1
        else:
            entry = recall[(label, kind, digits)]
            entry[0] += 1
            if check in checks:
                entry[1] += 1
    print("pofilter (translate-toolkit) on the same pairs; tests: " + ", ".join(TESTS))
    print("\nFalse positives (% of correct pairs flagged)")
    for (label, digits), (n, counts) in fp.items():
        per = ", ".join("%s %.2f" % (c, 100 * counts[c] / n) for c in sorted(set(TESTS.values())))
        print("  [%s, %s] %d pairs; any check %d (%.2f%%)\n    %s" % (label, digits, n, counts["any check"], 100 * counts["any check"] / n, per))
    print("\nSeeded errors caught by the matching test")
    for (label, kind, digits), (n, caught) in recall.items():
        print("  [%s] %-36s %-12s %4d/%4d %6.1f%%" % (label, kind, digits, caught, n, 100 * caught / max(1, n)))


if __name__ == "__main__":
    main(sys.argv[1])
