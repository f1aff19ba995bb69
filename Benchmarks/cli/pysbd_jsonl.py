#!/usr/bin/env python3
"""pySBD behind the same JSON Lines protocol as `bayan segment --jsonl`, for `bayan-bench cli`:
reads {"doc_id", "text"} lines on stdin, writes {"doc_id", "sentences"} lines on stdout.
Prints on stderr the CPU seconds spent inside pySBD's segment() alone (the in-process figure).
Requires: pip install pysbd
"""
import json
import sys
import time

import pysbd


def main():
    segmenter = pysbd.Segmenter(language="ar", clean=False)
    inside = 0.0
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        started = time.process_time()
        sentences = segmenter.segment(request["text"])
        inside += time.process_time() - started
        out.write(json.dumps({"doc_id": request["doc_id"], "sentences": [s.strip() for s in sentences]}, ensure_ascii=False) + "\n")
    out.flush()
    print(json.dumps({"segment_seconds": inside}), file=sys.stderr)


if __name__ == "__main__":
    main()
