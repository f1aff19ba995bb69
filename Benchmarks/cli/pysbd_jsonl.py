#!/usr/bin/env python3
"""pySBD behind the same JSON Lines protocol as `bayan segment --jsonl`, for `bayan-bench cli`:
reads {"doc_id", "text"} lines on stdin, writes {"doc_id", "sentences"} lines on stdout.
Prints on stderr the CPU seconds spent inside pySBD's segment() alone (the in-process figure).
Requires: pip install pysbd
"""
import pysbd

from jsonl_loop import serve


def main():
    segmenter = pysbd.Segmenter(language="ar", clean=False)
    serve(lambda r: segmenter.segment(r["text"]),
          lambda r, sentences: {"doc_id": r["doc_id"], "sentences": [s.strip() for s in sentences]},
          "segment_seconds")


if __name__ == "__main__":
    main()
