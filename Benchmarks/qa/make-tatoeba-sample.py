#!/usr/bin/env python3
"""Makes Benchmarks/qa/tatoeba-ar-en.tsv from the Tatoeba Arabic–English export (the
manythings.org `ara.txt` layout: English<TAB>Arabic<TAB>attribution; CC-BY 2.0 France,
https://tatoeba.org). The copy used was `ara.txt` in the public GitHub repository ObadaZay/nmt
(commit e03a55a), 12,176 pairs.

Kept: every pair with a number (digits, or an English number word) and a fixed random sample of
the rest, up to 1,000 pairs. Every third kept pair (in file order) is marked `heldout`: it was not
looked at while the checks were changed, and its figures are reported separately.

    python3 Benchmarks/qa/make-tatoeba-sample.py ara.txt > Benchmarks/qa/tatoeba-ar-en.tsv
"""
import random
import re
import sys

NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|half|first|second|third|dozen|twice|o'clock|"
    r"percent|hours?|minutes?|days?|weeks?|months?|years?|century|[0-9]+)\b", re.I)
DIGITS = re.compile(r"[0-9\u0660-\u0669]")


def main(path):
    pairs = []
    seen = set()
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        en, ar, attribution = parts[0].strip(), parts[1].strip(), parts[2].strip()
        if not en or not ar or (ar, en) in seen:
            continue
        seen.add((ar, en))
        ids = re.findall(r"#(\d+)", attribution)
        pairs.append((ar, en, "tatoeba " + "/".join(ids)))
    numeric = [p for p in pairs if DIGITS.search(p[0] + p[1]) or NUMBER_WORDS.search(p[1])]
    rest = [p for p in pairs if p not in set(numeric)]
    rng = random.Random(20261204)
    keep = set(numeric[:600]) | set(rng.sample(rest, 1000 - min(600, len(numeric))))
    print("# Arabic–English pairs from Tatoeba (https://tatoeba.org), CC-BY 2.0 France; attribution: the")
    print("# Tatoeba sentence ids (English/Arabic) in the third column. Made by make-tatoeba-sample.py.")
    print("# split<TAB>arabic<TAB>english<TAB>attribution; split is dev (looked at) or heldout (not).")
    k = 0
    for p in pairs:
        if p in keep:
            split = "heldout" if k % 3 == 2 else "dev"
            k += 1
            print("\t".join([split, p[0], p[1], p[2]]))


if __name__ == "__main__":
    main(sys.argv[1])
