#!/usr/bin/env python3
"""Benchmarks of the review workspace (figures in docs/BENCHMARKS.md).

  page  A 300-sentence document page in headless Chromium: milliseconds from navigation start
        until the page's script has wired every pair (it answers keys), over N loads; baseline:
        the same document's static review.html opened from disk (DOMContentLoaded).
  save  Save latency on loopback (POST /api/documents/{id}/changes, one edit each), p50/p99,
        with the daemon idle (baseline) and while it translates a stream of releases.
  rss   Resident memory of `bayan run` after the same work with review.enabled false and true.

Usage: workspace_bench.py page|save|rss|all [--bin DIR] [--rounds N]
Use release binaries: --bin "$(swift build -c release --show-bin-path)".
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "Tests", "Browser"))
import workspace_e2e as e2e  # noqa: E402  (the stack and browser helpers)

PLACES = ["ميناء جبل علي", "مطار دبي الدولي", "ميناء راشد", "مركز جمارك حتا", "ميناء الحمرية", "مطار آل مكتوم"]
GOODS = ["البضائع المقلدة", "السجائر المهربة", "المواد المخدرة", "الأجهزة الإلكترونية", "قطع غيار السيارات", "الأدوية غير المسجلة"]


def long_release(sentences=300, per_paragraph=10):
    """A release of our own writing: numbered seizure reports, each sentence different."""
    lines = ["جمارك دبي تنشر حصيلة عمليات الضبط خلال العام", ""]
    paragraph = []
    for i in range(sentences - 1):
        place, goods = PLACES[i % len(PLACES)], GOODS[(i // len(PLACES)) % len(GOODS)]
        paragraph.append("وأعلنت الإدارة أن مفتشيها في %s ضبطوا %d شحنة من %s خلال الأسبوع %d من العام، بقيمة تقديرية تبلغ %d ألف درهم." % (
            place, 3 + i, goods, 1 + i % 52, 120 + 7 * i))
        if len(paragraph) == per_paragraph:
            lines.append(" ".join(paragraph))
            lines.append("")
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n".join(lines) + "\n"


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def bench_page(bindir, rounds):
    stack = e2e.Stack(bindir)
    d = None
    try:
        stack.drop("long.txt", long_release())
        e2e.wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "long", "result.json")), 120, "the long release")
        count = len(stack.result("long")["segments"])
        d = e2e.browser()
        d.get(stack.url + "/login")
        d.find_element(e2e.By.ID, "name").send_keys("Bench", e2e.Keys.ENTER)
        e2e.wait_for(lambda: d.current_url.rstrip("/") == stack.url, 10, "queue")
        served, static, first_byte = [], [], []
        html = "file://" + os.path.join(stack.spool, "out", "long", "review.html")
        for _ in range(rounds):
            d.get(stack.url + "/documents/long")
            ms = e2e.wait_for(lambda: d.find_element(e2e.By.TAG_NAME, "body").get_attribute("data-ready-ms"), 10, "ready")
            served.append(int(ms))
            first_byte.append(d.execute_script("const t = performance.getEntriesByType('navigation')[0]; return Math.round(t.responseEnd);"))
            d.get(html)
            static.append(d.execute_script("const t = performance.getEntriesByType('navigation')[0]; return Math.round(t.domContentLoadedEventEnd);"))
        print("page: %d sentences, %d loads" % (count, rounds))
        print("  workspace page interactive: median %d ms, p95 %d ms, max %d ms" % (statistics.median(served), percentile(served, 95), max(served)))
        print("  of which the HTML had arrived (responseEnd): median %d ms" % statistics.median(first_byte))
        print("  baseline review.html from disk, DOMContentLoaded: median %d ms, p95 %d ms" % (statistics.median(static), percentile(static, 95)))
    finally:
        if d:
            d.quit()
        stack.stop()


class Client:
    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.token = json.loads(self.opener.open(url + "/api/session").read())["csrf_token"]
        self.post("/api/session", {"name": "Bench"})

    def post(self, path, body):
        req = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST", headers={
            "Content-Type": "application/json", "X-CSRF-Token": self.token, "Origin": self.url})
        with self.opener.open(req, timeout=10) as r:
            return json.loads(r.read())


def timed_saves(client, doc, segments, n):
    times = []
    for i in range(n):
        seg = 1 + i % segments
        t = time.perf_counter()
        client.post("/api/documents/%s/changes" % doc, {"changes": [{"segment": seg, "en": "Edit number %d of sentence %d." % (i, seg)}]})
        times.append((time.perf_counter() - t) * 1000)
    return times


def bench_save(bindir, rounds):
    stack = e2e.Stack(bindir, engine_args=["--latency-ms", "20"])
    try:
        with open(e2e.SEED, encoding="utf-8") as f:
            seed = f.read()
        stack.drop("seed.txt", seed)
        e2e.wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "seed", "result.json")), 60, "seed")
        segments = len(stack.result("seed")["segments"])
        client = Client(stack.url)
        timed_saves(client, "seed", segments, 20)  # warm up
        idle = timed_saves(client, "seed", segments, rounds)
        # Keep the daemon busy: a stream of distinct releases (new text, so the engine is called).
        release = long_release(120)
        for k in range(12):
            stack.drop("busy-%02d.txt" % k, release.replace("الإدارة", "الإدارة %d" % k))
        time.sleep(0.5)
        busy = timed_saves(client, "seed", segments, rounds)
        published = len([n for n in os.listdir(os.path.join(stack.spool, "out")) if n.startswith("busy-")])
        inflight = len(os.listdir(os.path.join(stack.spool, "inbox"))) + len(os.listdir(os.path.join(stack.spool, ".state", "active")))
        print("save: %d saves each, one edit per save" % rounds)
        print("  baseline, daemon idle: p50 %.1f ms, p99 %.1f ms" % (percentile(idle, 50), percentile(idle, 99)))
        print("  while translating:     p50 %.1f ms, p99 %.1f ms (12 releases of 120 sentences dropped; %d published during the saves, %d still queued)" % (
            percentile(busy, 50), percentile(busy, 99), published, inflight))
    finally:
        stack.stop()


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def bench_rss(bindir, rounds):
    results = {}
    for enabled in (False, True):
        stack = e2e.Stack(bindir, review_enabled=enabled)
        try:
            with open(e2e.SEED, encoding="utf-8") as f:
                seed = f.read()
            for k in range(5):
                stack.drop("seed-%d.txt" % k, seed.replace("جمارك", "جمارك %d" % k, 1))
            e2e.wait_for(lambda: len(os.listdir(os.path.join(stack.spool, "out"))) >= 5, 120, "five releases")
            if enabled:
                client = Client(stack.url)
                for _ in range(rounds):
                    urllib.request.urlopen(stack.url + "/documents/seed-0", timeout=10).read()
                    urllib.request.urlopen(stack.url + "/", timeout=10).read()
                timed_saves(client, "seed-0", 8, 20)
            time.sleep(1)
            results[enabled] = rss_kib(stack.daemon.pid)
        finally:
            stack.stop()
    print("rss: bayan run after 5 releases%s" % (", %d page loads and 20 saves" % (2 * rounds)))
    print("  review.enabled false (baseline): %.1f MiB" % (results[False] / 1024))
    print("  review.enabled true:             %.1f MiB (+%.1f MiB)" % (results[True] / 1024, (results[True] - results[False]) / 1024))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["page", "save", "rss", "all"])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--rounds", type=int, default=0)
    args = ap.parse_args()
    bindir = args.bin or subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, text=True).strip()
    print("binaries: " + bindir)
    if args.what in ("page", "all"):
        bench_page(bindir, args.rounds or 20)
    if args.what in ("save", "all"):
        bench_save(bindir, args.rounds or 500)
    if args.what in ("rss", "all"):
        bench_rss(bindir, args.rounds or 20)


if __name__ == "__main__":
    main()
