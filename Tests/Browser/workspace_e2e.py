#!/usr/bin/env python3
"""Browser test of the review workspace, run by .ci/run after `swift test`.

Starts the loopback mock engine and `bayan run` over a fresh spool, drops the sample release,
and drives headless Chromium through Selenium as a reviewer would: name, queue, document, edit one
sentence, approve every pair with the keyboard, a stale save from a second window (conflict), then
a second release repeating the reviewed Arabic, translated from the memory with zero engine
requests. Then fuzzes the API from docs/openapi.yaml with schemathesis against the same server.

Usage: workspace_e2e.py [--bin DIR] [--screenshots DIR] [--skip-schemathesis]
Prints one line per step and a final "browser: N passed, M failed".
"""
import argparse
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(REPO, "seeds", "000_62ba54d9c0d0bfaf.txt")
EDITED = "Dubai Customs presented a working paper on best practices in communication at the conference."

passed, failed = 0, 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print("  ok   " + what, flush=True)
    else:
        failed += 1
        print("  FAIL " + what, flush=True)
    return condition


def wait_for(condition, timeout=30.0, what="condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = condition()
            if last:
                return last
        except Exception as e:  # the page or file may not be there yet
            last = e
        time.sleep(0.05)
    raise TimeoutError("timed out waiting for " + what + " (last: " + repr(last)[:200] + ")")


def read_line(proc, pattern, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                raise RuntimeError("process exited: " + str(proc.returncode))
            continue
        m = re.search(pattern, line)
        if m:
            return m
    raise TimeoutError("no line matching " + pattern)


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


class Stack:
    """Mock engine + bayan run over a temporary spool."""

    def __init__(self, bindir, engine_args=(), review_enabled=True):
        self.dir = tempfile.mkdtemp(prefix="bayan-browser-")
        self.spool = os.path.join(self.dir, "spool")
        self.engine = subprocess.Popen([os.path.join(bindir, "bayan-mock-engine"), "--port", "0"] + list(engine_args),
                                       stdout=subprocess.PIPE, text=True)
        self.engine_url = read_line(self.engine, r"(http://127\.0\.0\.1:\d+)").group(1)
        config = self.config = os.path.join(self.dir, "bayan.yaml")
        with open(config, "w") as f:
            f.write("spool:\n  root: %s\n  settle: 0.2\n  rescan_interval: 1\n" % self.spool)
            f.write("engine:\n  kind: libretranslate\n  url: %s\n" % self.engine_url)
            # A copy: the glossary page's tests (and schemathesis) may write to it.
            self.glossary = os.path.join(self.dir, "customs.tsv")
            shutil.copyfile(os.path.join(REPO, "Glossary", "customs.tsv"), self.glossary)
            f.write("glossary:\n  files: [%s]\n" % self.glossary)
            f.write("review:\n  enabled: %s\n  listen: 127.0.0.1:0\n" % ("true" if review_enabled else "false"))
        self.bindir = bindir
        self.review_enabled = review_enabled
        self.start_daemon()

    def start_daemon(self):
        self.daemon = subprocess.Popen([os.path.join(self.bindir, "bayan"), "run", "--config", self.config],
                                       stdout=subprocess.PIPE, stderr=open(os.path.join(self.dir, "daemon.log"), "a"),
                                       text=True)
        self.url = None
        if self.review_enabled:
            self.url = read_line(self.daemon, r"review workspace at (http://\S+/)").group(1).rstrip("/")
        wait_for(lambda: os.path.isdir(os.path.join(self.spool, "inbox")), 30, "the spool")

    def kill9_and_restart(self):
        self.daemon.send_signal(signal.SIGKILL)
        self.daemon.wait(10)
        self.start_daemon()

    def engine_requests(self):
        return get_json(self.engine_url + "/_mock/requests")["requests"]

    def drop(self, name, text):
        staging = os.path.join(self.dir, name + ".part")
        with open(staging, "w", encoding="utf-8") as f:
            f.write(text)
        os.rename(staging, os.path.join(self.spool, "inbox", name))

    def out(self, stem, name):
        with open(os.path.join(self.spool, "out", stem, name), encoding="utf-8") as f:
            return f.read()

    def result(self, stem):
        return json.loads(self.out(stem, "result.json"))

    def stop(self):
        for p in (self.daemon, self.engine):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(a)
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)


def pair(d, seg):
    return d.find_element(By.ID, "s%d" % seg)


def review_scenario(stack, d, shots):
    stem = "seed"
    with open(SEED, encoding="utf-8") as f:
        seed_text = f.read()
    stack.drop("seed.txt", seed_text)
    wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", stem, "result.json")), 60, "the seed to be published")
    before = stack.result(stem)
    total = len(before["segments"])
    check(total >= 5, "seed published with %d sentences" % total)
    check(all(s["origin"] == "engine" for s in before["segments"]), "first run: every sentence from the engine")
    mt2 = before["segments"][1]["en"]

    # Name once, then the queue.
    d.get(stack.url + "/login")
    box = d.find_element(By.ID, "name")
    box.clear()
    box.send_keys("Selenium Reviewer")
    box.send_keys(Keys.ENTER)
    wait_for(lambda: d.current_url.rstrip("/") == stack.url, 10, "redirect to the queue")
    check("Selenium Reviewer" in d.find_element(By.CSS_SELECTOR, "nav.top").text, "queue shows the reviewer's name")
    link = d.find_element(By.CSS_SELECTOR, 'a[href="/documents/%s"]' % stem)
    check(link.get_attribute("dir") == "rtl", "queue title is the Arabic heading, right to left")

    # A second window opens the document now: its view goes stale below.
    d.switch_to.new_window("window")
    stale = d.current_window_handle
    d.get(stack.url + "/documents/" + stem)
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", 10, "second window ready")
    first = d.window_handles[0]
    d.switch_to.window(first)

    link = d.find_element(By.CSS_SELECTOR, 'a[href="/documents/%s"]' % stem)
    link.click()
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", 10, "document page ready")
    check(pair(d, 2).find_element(By.CSS_SELECTOR, ".ar").value_of_css_property("direction") == "rtl", "Arabic is right to left")
    check("engine" in pair(d, 2).find_element(By.CSS_SELECTOR, ".origin").text, "origin shown: engine")

    # Edit sentence 2 in place, then Ctrl+Enter (save, approve, next) through every pair.
    en1 = pair(d, 1).find_element(By.CSS_SELECTOR, ".en")
    en1.click()
    en1.send_keys(Keys.ALT, Keys.ARROW_DOWN)
    active = d.switch_to.active_element
    check(active.find_element(By.XPATH, "./ancestor::div[contains(@class,'pair')]").get_attribute("id") == "s2", "Alt+Down moves to the next pair")
    active.send_keys(Keys.CONTROL, "a")
    active.send_keys(EDITED)
    active.send_keys(Keys.ALT, Keys.ARROW_UP)
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-saves") == "1", 10, "leaving the edited pair saves it")
    check(d.find_element(By.TAG_NAME, "body").get_attribute("data-last-save") == "ok", "edit saved on leaving the pair")
    for step in range(total):
        if step == 3 and shots:
            d.execute_script("document.getElementById('s2').scrollIntoView({block: 'start'}); window.scrollBy(0, -70);")
            d.save_screenshot(os.path.join(shots, "review-document.png"))
        saves = int(d.find_element(By.TAG_NAME, "body").get_attribute("data-saves") or 0)
        d.switch_to.active_element.send_keys(Keys.CONTROL, Keys.ENTER)
        wait_for(lambda: int(d.find_element(By.TAG_NAME, "body").get_attribute("data-saves") or 0) > saves, 10, "save %d" % step)
        if d.find_element(By.ID, "approved-count").text == str(total):
            break
    check(d.find_element(By.ID, "approved-count").text == str(total), "every pair approved by keyboard")
    check(d.find_element(By.ID, "review-state").text == "approved", "document state: approved")
    check("approved by Selenium Reviewer" in pair(d, 2).find_element(By.CSS_SELECTOR, ".origin").text, "origin shown: approved by the reviewer")

    after = wait_for(lambda: (lambda r: r if all(s.get("approved") for s in r["segments"]) else None)(stack.result(stem)), 10, "republished result.json")
    s2 = after["segments"][1]
    check(s2["en"] == EDITED, "result.json: edited English published")
    check(s2["mt"] == mt2, "result.json: machine English kept as mt")
    check(s2["origin"] == "reviewed" and s2["reviewed_by"] == "Selenium Reviewer" and s2.get("reviewed_at"), "result.json: origin, reviewed_by, reviewed_at")
    # The page marks glossary terms inside the English (<mark>), so compare its text, not its markup.
    review_text = html.unescape(re.sub(r"<[^>]+>", "", stack.out(stem, "review.html")))
    check(EDITED in review_text, "review.html changed")
    check(EDITED in stack.out(stem, stem + ".tmx"), "TMX changed")
    xliff = stack.out(stem, stem + ".xlf")
    check(xliff.count('state="final"') == total, "XLIFF: every segment final")

    # The stale window saves sentence 2: a conflict showing both texts, nothing overwritten.
    d.switch_to.window(stale)
    en2 = pair(d, 2).find_element(By.CSS_SELECTOR, ".en")
    en2.click()
    en2.send_keys(Keys.CONTROL, "a")
    en2.send_keys("A stale edit from the second window.")
    en2.send_keys(Keys.CONTROL, Keys.ENTER)
    box = wait_for(lambda: (lambda b: b if b.is_displayed() else None)(pair(d, 2).find_element(By.CSS_SELECTOR, ".conflict")), 10, "conflict box")
    check(EDITED in box.find_element(By.CSS_SELECTOR, "q.theirs").text, "conflict shows the saved text")
    check("A stale edit" in box.find_element(By.CSS_SELECTOR, "q.mine").text, "conflict shows the stale text")
    check(stack.result(stem)["segments"][1]["en"] == EDITED, "the stale save overwrote nothing")
    if shots:
        d.execute_script("document.querySelector('#s2 .conflict').scrollIntoView({block: 'center'});")
        d.save_screenshot(os.path.join(shots, "review-conflict.png"))
    d.close()
    d.switch_to.window(first)

    # A second release repeating reviewed Arabic: the reviewed English, zero engine requests.
    ar = [s["ar"] for s in after["segments"][1:3]]
    requests_before = stack.engine_requests()
    stack.drop("again.txt", ar[0] + "\n\n" + ar[1] + "\n")
    wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "again", "result.json")), 60, "the second release")
    again = stack.result("again")
    check(stack.engine_requests() == requests_before, "second release: zero engine requests (%d before and after)" % requests_before)
    check(again["segments"][0]["en"] == EDITED and again["segments"][0]["origin"] == "reviewed", "second release: reviewed English, origin reviewed")
    d.get(stack.url + "/documents/again")
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", 10, "second document ready")
    check("reviewed" in pair(d, 1).find_element(By.CSS_SELECTOR, ".origin").text, "the page says the English is reviewed")
    d.find_element(By.ID, "approve-all").click()
    wait_for(lambda: d.find_element(By.ID, "review-state").text == "approved", 10, "approve all remaining")
    check(all(s.get("approved") for s in wait_for(lambda: (lambda r: r if r["segments"][-1].get("approved") else None)(stack.result("again")), 10, "published")["segments"]),
          "Approve all remaining approves and publishes the rest")

    # Upload through the queue page's file field: a sentence one word away from the reviewed one
    # is translated by the engine, and the reviewed English is offered beside it (Alt+M takes it).
    close = ar[0].replace("الداخلية", "المحلية")
    upload = os.path.join(stack.dir, "close-one.txt")
    with open(upload, "w", encoding="utf-8") as f:
        f.write(close + "\n")
    d.get(stack.url + "/")
    d.find_element(By.ID, "upload-file").send_keys(upload)
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-uploaded") == "close-one.txt", 10, "upload answered")
    wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "close-one", "result.json")), 60, "the uploaded release")
    check(stack.result("close-one")["segments"][0]["origin"] == "engine", "uploaded through the page, translated by the engine")
    d.get(stack.url + "/documents/close-one")
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", 10, "uploaded document ready")
    suggestion = pair(d, 1).find_elements(By.CSS_SELECTOR, ".suggestion")
    check(len(suggestion) == 1 and EDITED in suggestion[0].text, "the close reviewed English is suggested")
    box = pair(d, 1).find_element(By.CSS_SELECTOR, ".en")
    box.click()
    box.send_keys(Keys.ALT, "m")
    check(box.text.strip() == EDITED, "Alt+M takes the suggestion")
    saves = int(d.find_element(By.TAG_NAME, "body").get_attribute("data-saves") or 0)
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_for(lambda: int(d.find_element(By.TAG_NAME, "body").get_attribute("data-saves") or 0) > saves, 10, "save of the suggestion")
    published = wait_for(lambda: (lambda r: r if r["segments"][0].get("approved") else None)(stack.result("close-one")), 10, "published")
    check(published["segments"][0]["en"] == EDITED, "the accepted suggestion is published")

    # Escaping in a real browser: a release holding <script> shows it as text.
    d.get(stack.url + "/")
    stack.drop("hostile.txt", "قال المدير <script>document.title='owned'</script> اليوم.\n")
    wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "hostile", "result.json")), 60, "the hostile release")
    # The open queue page follows the spool by itself.
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, 'a[href="/documents/hostile"]'), 15, "the queue to show the new release")
    check(True, "the open queue shows a newly published release without a manual reload")
    d.get(stack.url + "/documents/hostile")
    wait_for(lambda: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", 10, "hostile page ready")
    check(d.title != "owned" and "<script>" in pair(d, 1).find_element(By.CSS_SELECTOR, ".ar").text, "<script> in a release shows as text")
    if shots:
        d.get(stack.url + "/")
        d.save_screenshot(os.path.join(shots, "review-queue.png"))


def kill9_scenario(stack, rounds=3):
    """Saves stream in while the daemon is killed with SIGKILL: after each restart every save
    that was answered 200 is there, and out/seed/ is whole and matches the review."""
    import threading
    stem = "seed"
    for r in range(rounds):
        client = SessionClient(stack.url)
        answered = {}
        sent = {}
        stop = threading.Event()

        def writer():
            n = 0
            while not stop.is_set():
                seg = 1 + n % 4
                text = "Kill test round %d, save %d." % (r, n)
                sent.setdefault(seg, []).append(text)
                try:
                    status, _ = client.post("/api/documents/%s/changes" % stem, {"changes": [{"segment": seg, "en": text}]})
                except Exception:
                    return
                if status == 200:
                    answered[seg] = text
                n += 1

        t = threading.Thread(target=writer)
        t.start()
        wait_for(lambda: len(answered) >= 2 + r, 30, "saves to be answered")
        time.sleep(0.05 * r)
        stack.kill9_and_restart()
        stop.set()
        t.join(15)
        doc = get_json(stack.url + "/api/documents/" + stem)
        ok = True
        for seg, text in answered.items():
            current = doc["segments"][seg - 1]["en"]
            later = sent[seg][sent[seg].index(text):]
            if current not in later:
                ok = False
                print("    segment %d: answered %r, now %r" % (seg, text, current))
        check(ok and len(answered) > 0, "kill -9 round %d: all %d answered saves survived (%d sent)" % (r + 1, len(answered), sum(len(v) for v in sent.values())))
        result = wait_for(lambda: (lambda j: j if [s["en"] for s in j["segments"]] == [s["en"] for s in doc["segments"]] else None)(stack.result(stem)), 15, "republish at start")
        check(bool(result) and "review.html" in os.listdir(os.path.join(stack.spool, "out", stem)), "kill -9 round %d: out/seed/ whole and republished from the review" % (r + 1))


class SessionClient:
    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.token = json.loads(self.opener.open(url + "/api/session", timeout=10).read())["csrf_token"]
        self.post("/api/session", {"name": "kill test"})

    def post(self, path, body):
        req = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST", headers={
            "Content-Type": "application/json", "X-CSRF-Token": self.token, "Origin": self.url})
        try:
            with self.opener.open(req, timeout=10) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, None


def schemathesis(stack):
    py = os.environ.get("BAYAN_PY") or os.path.join(REPO, ".build-py", "bin")
    exe = os.path.join(py, "schemathesis")
    jar = urllib.request.HTTPCookieProcessor()
    opener = urllib.request.build_opener(jar)
    with opener.open(stack.url + "/api/session", timeout=10) as r:
        token = json.loads(r.read())["csrf_token"]
    cookie = "; ".join("%s=%s" % (c.name, c.value) for c in jar.cookiejar)
    # A name, so changes are accepted.
    req = urllib.request.Request(stack.url + "/api/session", data=b'{"name":"schemathesis"}', method="POST",
                                 headers={"Content-Type": "application/json", "X-CSRF-Token": token, "Origin": stack.url, "Cookie": cookie})
    urllib.request.urlopen(req, timeout=10).read()
    out = os.path.join(REPO, ".build", "schemathesis")
    os.makedirs(out, exist_ok=True)
    cmd = [exe, "run", os.path.join(REPO, "docs", "openapi.yaml"), "--url", stack.url,
           "--checks", "not_a_server_error,response_schema_conformance", "--max-examples", "25", "--seed", "1",
           "-H", "X-CSRF-Token: " + token, "-H", "Cookie: " + cookie, "-H", "Origin: " + stack.url,
           "--report", "junit", "--report-dir", out]
    print("$ " + " ".join(cmd[:8]) + " ...", flush=True)
    rc = subprocess.call(cmd, timeout=600)
    check(rc == 0, "schemathesis: no 5xx and every response matches docs/openapi.yaml")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=None)
    ap.add_argument("--screenshots", default=None)
    ap.add_argument("--skip-schemathesis", action="store_true")
    args = ap.parse_args()
    bindir = args.bin or subprocess.check_output(["swift", "build", "--show-bin-path"], cwd=REPO, text=True).strip()
    def scenarios(stack, d):
        review_scenario(stack, d, args.screenshots)
        kill9_scenario(stack)
        if not args.skip_schemathesis:
            schemathesis(stack)

    run(bindir, scenarios, "browser")


def run(bindir, scenarios, label):
    """Starts the stack and the browser, runs scenarios(stack, driver), tears down (keeping the
    spool when something failed) and exits with the result."""
    stack = Stack(bindir)
    print("workspace at " + stack.url, flush=True)
    d = None
    try:
        d = browser()
        scenarios(stack, d)
    except Exception as e:
        check(False, "scenario stopped: %s: %s" % (type(e).__name__, e))
    finally:
        if d is not None:
            d.quit()
        stack.stop()
        if failed == 0:
            shutil.rmtree(stack.dir, ignore_errors=True)
        else:
            print("kept " + stack.dir + " (daemon.log inside)", flush=True)
    print("%s: %d passed, %d failed" % (label, passed, failed), flush=True)
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
