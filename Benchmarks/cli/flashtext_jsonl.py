#!/usr/bin/env python3
"""FlashText behind the same JSON Lines protocol as `bayan glossary match --jsonl`, for
`bayan-bench cli`: builds a KeywordProcessor from the glossary TSV (column "ar", Arabic letters
and marks added to non_word_boundaries, as in Benchmarks/matching/flashtext_bench.py), reads
{"id", "text"} lines, writes {"id", "matches": [{"start", "end", "ar", "en"}]} lines.
Prints on stderr the seconds spent inside extract_keywords() alone (the in-process figure).
Requires: pip install flashtext
"""
import argparse
import json
import sys
import time

from flashtext import KeywordProcessor


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--glossary", required=True)
    args = parser.parse_args()
    processor = KeywordProcessor()
    for c in range(0x0600, 0x0700):
        processor.non_word_boundaries.add(chr(c))
    with open(args.glossary, encoding="utf-8-sig") as f:
        header = None
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            ar, en = cells[header.index("ar")], cells[header.index("en")]
            processor.add_keyword(ar, (ar, en))
    inside = 0.0
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        started = time.perf_counter()
        found = processor.extract_keywords(request["text"], span_info=True)
        inside += time.perf_counter() - started
        matches = [{"start": s, "end": e, "ar": k[0], "en": k[1]} for k, s, e in found]
        out.write(json.dumps({"id": request["id"], "matches": matches}, ensure_ascii=False) + "\n")
    out.flush()
    print(json.dumps({"match_seconds": inside}), file=sys.stderr)


if __name__ == "__main__":
    main()
