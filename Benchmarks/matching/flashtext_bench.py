#!/usr/bin/env python3
"""FlashText side of `bayan-bench match`: the same glossary, text and evaluation set.

FlashText's word boundaries are ASCII only; Arabic letters and marks are added to
`non_word_boundaries` so that it does not match inside Arabic words (the fair setup).
Prints one JSON object on stdout. With --serve it prints the build figures, then times one pass
over the text for every "run" line read on stdin (one JSON object per line), so that the Swift
side can alternate its passes with these and both see the same machine.
"""
import argparse
import json
import sys
import time

from flashtext import KeywordProcessor


def load_rows(path):
    """(ar, en) of each entry of a glossary TSV (also used by Benchmarks/cli/flashtext_jsonl.py)."""
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        header = None
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append((cells[header.index("ar")], cells[header.index("en")]))
    return rows


def load_terms(path):
    return [ar for ar, _ in load_rows(path)]


def parse_eval(path):
    """Sentences with [[surface|ar]] marks -> (text, [(start, end, ar)]), offsets in code points."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            text, gold, i = [], [], 0
            while i < len(line):
                if line.startswith("[[", i):
                    j = line.index("]]", i)
                    surface, ar = line[i + 2:j].split("|", 1)
                    start = len(text)
                    text.extend(surface)
                    gold.append((start, len(text), ar))
                    i = j + 2
                else:
                    text.append(line[i])
                    i += 1
            out.append(("".join(text), gold))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--glossary", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--eval")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--serve", action="store_true")
    a = p.parse_args()

    t0 = time.thread_time()
    kp = KeywordProcessor(case_sensitive=False)
    for c in range(0x0610, 0x06FF + 1):
        kp.non_word_boundaries.add(chr(c))
    for term in load_terms(a.glossary):
        kp.add_keyword(term, term)
    build = time.thread_time() - t0

    with open(a.text, encoding="utf-8") as f:
        lines = f.read().split("\n")
    size = sum(len(l.encode("utf-8")) + 1 for l in lines)

    def one_pass():
        t0 = time.thread_time()
        n = 0
        for line in lines:
            n += len(kp.extract_keywords(line, span_info=True))
        return time.thread_time() - t0, n

    if a.serve:
        print(json.dumps({"build_s": build, "bytes": size}), flush=True)
        for command in sys.stdin:
            if command.strip() != "run":
                break
            dt, n = one_pass()
            print(json.dumps({"seconds": dt, "hits": n}), flush=True)
        return
    # CPU time of this thread, not wall time: the machine is shared, and Bayan's side measures the same way.
    best, hits = None, 0
    for _ in range(a.runs):
        dt, n = one_pass()
        best = dt if best is None else min(best, dt)
        hits = n
    result = {"build_s": build, "seconds": best, "bytes": size, "mb_per_s": size / best / 1e6, "hits": hits}

    if a.eval:
        gold_total = strict = lenient = 0
        for text, gold in parse_eval(a.eval):
            found = kp.extract_keywords(text, span_info=True)
            for (s, e, ar) in gold:
                gold_total += 1
                if any(h[0] == ar and h[1] == s and h[2] == e for h in found):
                    strict += 1
                if any(h[0] == ar and h[1] < e and s < h[2] for h in found):
                    lenient += 1
        result.update({"gold": gold_total, "strict": strict, "lenient": lenient})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
