#!/usr/bin/env python3
"""Writes FOLDER/out/<document>/result.json from FOLDER/segments.tsv: the fields the suggestion
miner reads (segments with origin "reviewed", mt = machine English, en = reviewed English), as the
review workspace publishes them. Usage: python3 make-results.py suggestion-set"""
import json, os, sys, collections
os.chdir(sys.argv[1])
docs = collections.OrderedDict()
for line in open("segments.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    doc, sid, ar, mt, en = line.rstrip("\n").split("\t")
    docs.setdefault(doc, []).append({
        "id": int(sid), "ar": ar, "mt": mt, "en": en, "origin": "reviewed",
        "reviewed_by": "benchmark", "reviewed_at": "2026-12-04T12:00:00Z",
        "paragraph": int(sid), "start": 0, "end": len(ar), "terms": [], "qa": [],
    })
for doc, segments in docs.items():
    os.makedirs(f"out/{doc}", exist_ok=True)
    record = {"source": {"file": doc + ".txt", "sha256": "", "encoding": "utf-8", "format": "text"},
              "segments": segments}
    with open(f"out/{doc}/result.json", "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
