#!/usr/bin/env python3
"""pySBD (language "ar") on the same corpus and gold set as `bayan-bench segment`.

Prints one JSON object: throughput on the corpus (documents in order until --seconds have
passed) and boundary scores on the gold set, computed exactly as Bayan's
SegmentationEvaluation does (end offsets in code points; punctuated / inside-line / standalone).
Requires: pip install pysbd
"""
import argparse
import json
import sys
import time

import pysbd

TERMINATORS = set(".!?\u061f\u06d4\u2026\u203c\u2047\u2048\u2049\uff01\uff0e\uff1f\ufe52\ufe56\ufe57")
CLOSING = set("\"')]}\u00bb\u00ab\u201d\u2019\u201c\u203a\u3009\u300b")


def is_format(ch):
    import unicodedata
    return unicodedata.category(ch) == "Cf"


def parse_gold(text):
    docs, lines, doc_id = [], [], ""

    def close():
        if not lines:
            return
        raw, spans, line_ends, offset = [], [], set(), 0
        for k, line in enumerate(lines):
            if k > 0:
                raw.append("\n")
                offset += 1
            for piece in line.split("<|>"):
                a, b = 0, len(piece)
                while a < b and piece[a].isspace():
                    a += 1
                while b > a and piece[b - 1].isspace():
                    b -= 1
                if a < b:
                    spans.append((offset + a, offset + b))
                raw.append(piece)
                offset += len(piece)
            line_ends.add(spans[-1][1] if spans else offset)
        docs.append({"id": doc_id, "text": "".join(raw), "spans": spans, "line_ends": line_ends})

    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith("=== "):
            close()
            lines, doc_id = [], line[4:]
        else:
            lines.append(line)
    close()
    return docs


def spans_of(text, sentences):
    out, pos = [], 0
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        at = text.find(s, pos)
        if at < 0:
            continue
        out.append((at, at + len(s)))
        pos = at + len(s)
    return out


def score(docs, segmenter):
    c = {k: [0, 0, 0] for k in ("all", "punctuated", "inside_lines")}
    standalone = [0, 0]
    for doc in docs:
        s = doc["text"]
        predicted = spans_of(s, segmenter.segment(s))
        gold = {b for _, b in doc["spans"]}
        ends = {b for _, b in predicted}

        def punctuated(end):
            k = end - 1
            while k >= 0 and (s[k] in CLOSING or is_format(s[k])):
                k -= 1
            return k >= 0 and s[k] in TERMINATORS

        for end in gold | ends:
            g, p = end in gold, end in ends
            idx = 0 if (g and p) else (1 if p else 2)
            c["all"][idx] += 1
            if punctuated(end):
                c["punctuated"][idx] += 1
            if end not in doc["line_ends"]:
                c["inside_lines"][idx] += 1
        pset = set(predicted)
        for a, b in doc["spans"]:
            if b in doc["line_ends"] and not punctuated(b) and (a == 0 or s[a - 1] == "\n"):
                standalone[1] += 1
                standalone[0] += (a, b) in pset

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    out = {k: prf(*v) for k, v in c.items()}
    out["standalone_recall"] = f"{standalone[0]}/{standalone[1]}"
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="JSON Lines file, one {\"text\": ...} per document")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    seg = pysbd.Segmenter(language="ar", clean=False)
    with open(args.gold, encoding="utf-8") as f:
        accuracy = score(parse_gold(f.read()), seg)
    done_bytes, sentences, docs = 0, 0, 0
    start = time.perf_counter()
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            sentences += len(seg.segment(text))
            done_bytes += len(text.encode("utf-8"))
            docs += 1
            if time.perf_counter() - start >= args.seconds:
                break
    elapsed = time.perf_counter() - start
    json.dump({"tool": "pysbd", "version": pysbd.__version__, "python": sys.version.split()[0], "bytes": done_bytes,
               "documents": docs, "sentences": sentences, "seconds": round(elapsed, 3),
               "mb_per_s": round(done_bytes / 1e6 / elapsed, 4), "accuracy": accuracy}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
