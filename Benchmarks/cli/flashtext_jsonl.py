#!/usr/bin/env python3
"""FlashText behind the same JSON Lines protocol as `bayan glossary match --jsonl`, for
`bayan-bench cli`: builds a KeywordProcessor from the glossary TSV (column "ar", Arabic letters
and marks added to non_word_boundaries, as in Benchmarks/matching/flashtext_bench.py), reads
{"id", "text"} lines, writes {"id", "matches": [{"start", "end", "ar", "en"}]} lines.
Prints on stderr the CPU seconds spent inside extract_keywords() alone (the in-process figure).
Requires: pip install flashtext
"""
import argparse
import os
import sys

from flashtext import KeywordProcessor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "matching"))
from flashtext_bench import load_rows  # noqa: E402  (one reader of the glossary TSV)
from jsonl_loop import serve  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--glossary", required=True)
    args = parser.parse_args()
    processor = KeywordProcessor(case_sensitive=False)
    for c in range(0x0610, 0x06FF + 1):
        processor.non_word_boundaries.add(chr(c))
    for ar, en in load_rows(args.glossary):
        processor.add_keyword(ar, (ar, en))
    serve(lambda r: processor.extract_keywords(r["text"], span_info=True),
          lambda r, found: {"id": r["id"], "matches": [{"start": s, "end": e, "ar": k[0], "en": k[1]} for k, s, e in found]},
          "match_seconds")


if __name__ == "__main__":
    main()
