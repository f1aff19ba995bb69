#!/usr/bin/env python3
"""The plain baseline for `bayan-bench throughput`: a naive but crash-safe translation daemon.

It does what a careful person would script in an afternoon: poll inbox/ every 10 ms, claim a
file by renaming it into work/ (then fsync both folders), and let N threads each take a
document, split it into sentences with a regular expression, send them to a LibreTranslate
endpoint (one request per document, or per 16 sentences of a longer one) over a keep-alive
connection, write an aligned TSV result (temporary file, fsync, rename, fsync of out/) and move
the original to done/ (fsync of done/ and work/). At start, whatever is left in work/ is queued
again, so kill -9 loses nothing. No batching across documents, no memory, no checks.

Usage: naive_daemon.py --spool DIR --url http://127.0.0.1:PORT [--connections 4] [--batch 16]
Prints "ready" once it polls.
"""
import argparse
import http.client
import json
import os
import queue
import re
import sys
import threading
import time
import urllib.parse

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def fsync_dir(path):
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path, data):
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, "." + name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(tmp, path)
    fsync_dir(folder)


class Engine:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.conn = None

    def translate(self, sentences):
        body = json.dumps({"q": sentences, "source": "ar", "target": "en", "format": "text"})
        for attempt in range(5):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.conn.request("POST", "/translate", body, {"Content-Type": "application/json"})
                response = self.conn.getresponse()
                payload = response.read()
                if response.status == 200:
                    return json.loads(payload)["translatedText"]
            except (OSError, http.client.HTTPException):
                self.conn = None
            time.sleep(0.1 * (attempt + 1))
        raise RuntimeError("the endpoint failed five times")


def worker(spool, url, batch, jobs):
    engine = Engine(url)
    while True:
        name = jobs.get()
        path = os.path.join(spool, "work", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        sentences = [s.strip() for line in text.splitlines() for s in SENTENCE_END.split(line) if s.strip()]
        english = []
        for start in range(0, len(sentences), batch):
            english += engine.translate(sentences[start:start + batch])
        rows = "".join(f"{i + 1}\t{ar}\t{en}\n" for i, (ar, en) in enumerate(zip(sentences, english)))
        stem = os.path.splitext(name)[0]
        write_atomic(os.path.join(spool, "out", stem + ".tsv"), rows.encode("utf-8"))
        os.rename(path, os.path.join(spool, "done", name))
        fsync_dir(os.path.join(spool, "done"))
        fsync_dir(os.path.join(spool, "work"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    for folder in ("inbox", "work", "out", "done"):
        os.makedirs(os.path.join(args.spool, folder), exist_ok=True)
    jobs = queue.Queue()
    for name in sorted(os.listdir(os.path.join(args.spool, "work"))):  # recovery after a crash
        jobs.put(name)
    for _ in range(args.connections):
        threading.Thread(target=worker, args=(args.spool, args.url, args.batch, jobs), daemon=True).start()
    inbox, work = os.path.join(args.spool, "inbox"), os.path.join(args.spool, "work")
    print("ready", flush=True)
    while True:
        names = sorted(n for n in os.listdir(inbox) if not n.startswith("."))
        for name in names:
            os.rename(os.path.join(inbox, name), os.path.join(work, name))
            fsync_dir(work)
            fsync_dir(inbox)
            jobs.put(name)
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
