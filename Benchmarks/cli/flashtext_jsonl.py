#!/usr/bin/env python3
"""FlashText behind the same JSON Lines protocol as `bayan glossary match --jsonl`, for
`bayan-bench cli`: builds a KeywordProcessor from the glossary TSV (column "ar", Arabic letters
and marks added to non_word_boundaries, as in Benchmarks/matching/flashtext_bench.py), reads
{"id", "text"} lines, writes {"id", "matches": [{"start", "end", "ar", "en"}]} lines.
Prints on stderr the CPU seconds spent inside extract_keywords() alone (the in-process figure).
Requires: pip install flashtext
"""
import argparse
import json
import os
import sys
import time

from flashtext import KeywordProcessor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "matching"))
from flashtext_bench import load_rows  # noqa: E402  (one reader of the glossary TSV)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--glossary", required=True)
    args = parser.parse_args()
    processor = KeywordProcessor(case_sensitive=False)
    for c in range(0x0610, 0x06FF + 1):
        processor.non_word_boundaries.add(chr(c))
    for ar, en in load_rows(args.glossary):
        processor.add_keyword(ar, (ar, en))
    inside = 0.0
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        started = time.process_time()
        found = processor.extract_keywords(request["text"], span_info=True)
        inside += time.process_time() - started
        matches = [{"start": s, "end": e, "ar": k[0], "en": k[1]} for k, s, e in found]
        out.write(json.dumps({"id": request["id"], "matches": matches}, ensure_ascii=False) + "\n")
    out.flush()
    print(json.dumps({"match_seconds": inside}), file=sys.stderr)


if __name__ == "__main__":
    main()
