// Bayan review workspace. Plain JavaScript, no build step, served from the binary.
// Every change goes through the JSON API (/api/...) with the session's CSRF token; all text
// from documents is put into the page with textContent, never as HTML.
"use strict";

(function () {
  const csrfMeta = document.querySelector('meta[name="bayan-csrf"]');
  const csrf = csrfMeta ? csrfMeta.content : "";
  const flashBox = document.getElementById("flash");
  let flashTimer = null;

  function flash(message, isError) {
    if (!flashBox) return;
    flashBox.textContent = message;
    flashBox.classList.toggle("error", !!isError);
    flashBox.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { flashBox.hidden = true; }, isError ? 9000 : 2500);
  }

  async function api(method, url, body, contentType) {
    const headers = { "X-CSRF-Token": csrf, "Accept": "application/json" };
    let payload;
    if (body !== undefined) {
      headers["Content-Type"] = contentType || "application/json";
      payload = contentType ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, { method: method, headers: headers, body: payload, credentials: "same-origin" });
    } catch (e) {
      return { status: 0, json: { error: { message: "the workspace cannot be reached (" + e.message + "); your text is still on this page, try again" } } };
    }
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    return { status: response.status, json: json };
  }

  function errorText(result) {
    return (result.json && result.json.error && result.json.error.message) || ("request failed (HTTP " + result.status + ")");
  }

  // ---------------------------------------------------------------- login / name

  const login = document.getElementById("login");
  if (login) {
    login.addEventListener("submit", async function (event) {
      event.preventDefault();
      const token = document.getElementById("token");
      const name = document.getElementById("name");
      const result = token
        ? await api("POST", "/api/login", { token: token.value })
        : await api("POST", "/api/session", { name: name.value });
      if (result.status === 200) {
        const next = new URLSearchParams(location.search).get("next");
        location.assign(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
      } else {
        flash(errorText(result), true);
      }
    });
  }

  // ---------------------------------------------------------------- queue

  const search = document.getElementById("search");
  if (search) {
    search.addEventListener("input", function () {
      const q = search.value.trim().toLowerCase();
      document.querySelectorAll("tr.doc").forEach(function (row) {
        row.hidden = q !== "" && !(row.dataset.title || "").toLowerCase().includes(q) &&
          !row.querySelector(".file").textContent.toLowerCase().includes(q);
      });
    });
  }

  // Names the inbox accepts: letters, digits, . _ - (other characters become _).
  function safeName(name) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 ? name.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, "") : "txt";
    let base = (dot > 0 ? name.slice(0, dot) : name).replace(/[^A-Za-z0-9._-]/g, "_").replace(/\.\.+/g, "_").replace(/^[^A-Za-z0-9]+/, "");
    if (base.replace(/_/g, "") === "") base = "upload-" + new Date().toISOString().replace(/[^0-9]/g, "").slice(0, 14);
    return (base.slice(0, 100) + "." + ext);
  }

  async function upload(file) {
    const drop = document.getElementById("drop");
    const max = drop ? Number(drop.dataset.max) : 0;
    if (max && file.size > max) { flash(file.name + " is larger than the " + max + "-byte limit (spool.max_input_bytes)", true); return; }
    const name = safeName(file.name);
    flash("uploading " + name + "…");
    const result = await api("PUT", "/api/inbox/" + encodeURIComponent(name), file, "application/octet-stream");
    if (result.status === 201) {
      flash(name + " is in the inbox; it appears below once translated");
      document.body.dataset.uploaded = name;
      setTimeout(function () { location.reload(); }, 800);
    } else {
      flash(errorText(result), true);
    }
  }

  const fileInput = document.getElementById("upload-file");
  if (fileInput) fileInput.addEventListener("change", function () { if (fileInput.files[0]) upload(fileInput.files[0]); });
  const dropZone = document.getElementById("drop");
  if (dropZone) {
    ["dragenter", "dragover"].forEach(function (t) {
      dropZone.addEventListener(t, function (e) { e.preventDefault(); dropZone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      dropZone.addEventListener(t, function (e) { e.preventDefault(); dropZone.classList.remove("over"); });
    });
    dropZone.addEventListener("drop", function (e) { if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]); });
  }

  // The queue follows the spool: when a document arrives or changes state, the page reloads
  // (not while someone types in the search box).
  const queueTable = document.getElementById("queue");
  if (queueTable) {
    let signature = null;
    const poll = async function () {
      try {
        const response = await fetch("/api/documents" + location.search, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
        if (response.ok) {
          const list = (await response.json()).documents.map(function (d) { return d.name + ":" + d.state + ":" + d.approved; }).join("|");
          if (signature !== null && list !== signature && document.activeElement !== search) { location.reload(); return; }
          signature = list;
        }
      } catch (e) { /* the daemon may be restarting; try again */ }
      setTimeout(poll, 3000);
    };
    poll();
  }

  document.querySelectorAll("button.retry").forEach(function (button) {
    button.addEventListener("click", async function () {
      const result = await api("POST", "/api/failed/" + encodeURIComponent(button.dataset.name) + "/retry");
      if (result.status === 200) { flash(button.dataset.name + " is back in the inbox"); setTimeout(function () { location.reload(); }, 600); }
      else flash(errorText(result), true);
    });
  });

  // ---------------------------------------------------------------- document

  const bar = document.getElementById("review-bar");
  if (!bar) return;
  const docID = bar.dataset.doc;
  const pairs = Array.from(document.querySelectorAll(".pair[data-seg]"));
  let saves = 0;

  function en(pair) { return pair.querySelector(".en"); }
  function text(pair) { return en(pair).textContent.replace(/\s+/g, " ").trim(); }
  pairs.forEach(function (pair) { pair.dataset.saved = text(pair); });

  function isDirty(pair) { return text(pair) !== pair.dataset.saved; }
  function isApproved(pair) { return pair.classList.contains("approved"); }

  function setCurrent(pair) {
    pairs.forEach(function (p) { p.classList.toggle("current", p === pair); });
  }

  function focusPair(pair) {
    if (!pair) return;
    const box = en(pair);
    box.focus();
    const range = document.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    pair.scrollIntoView({ block: "center" });
  }

  function renderRuns(box, runs) {
    box.textContent = "";
    runs.forEach(function (run) {
      if (run.term) {
        const mark = document.createElement("mark");
        mark.className = "term " + run.term;
        if (run.title) mark.title = run.title;
        mark.textContent = run.text;
        box.appendChild(mark);
      } else {
        box.appendChild(document.createTextNode(run.text));
      }
    });
  }

  function renderIssues(pair, qa) {
    let list = pair.querySelector("ul.issues");
    pair.classList.toggle("flagged", qa.length > 0);
    if (qa.length === 0) { if (list) list.remove(); return; }
    if (!list) { list = document.createElement("ul"); list.className = "issues"; pair.appendChild(list); }
    list.textContent = "";
    qa.forEach(function (issue) {
      const li = document.createElement("li");
      const check = document.createElement("span");
      check.className = "check";
      check.textContent = issue.check;
      li.appendChild(check);
      li.appendChild(document.createTextNode(issue.message));
      list.appendChild(li);
    });
  }

  function applySegment(segment) {
    const pair = document.getElementById("s" + segment.id);
    if (!pair) return;
    renderRuns(en(pair), segment.en_runs);
    pair.dataset.saved = text(pair);
    pair.dataset.revision = String(segment.revision);
    pair.classList.toggle("approved", segment.approved);
    pair.classList.remove("dirty");
    const button = pair.querySelector("button.approve");
    button.textContent = segment.approved ? "Approved ✓" : "Approve";
    button.setAttribute("aria-pressed", segment.approved ? "true" : "false");
    const origin = pair.querySelector(".origin");
    origin.textContent = segment.origin_label;
    origin.title = segment.origin_label;
    origin.className = "origin origin-" + segment.origin;
    const suggestion = pair.querySelector(".suggestion");
    if (suggestion && segment.approved) suggestion.remove();
    const conflict = pair.querySelector(".conflict");
    conflict.hidden = true;
    conflict.textContent = "";
    renderIssues(pair, segment.qa);
  }

  function applyOutcome(outcome) {
    outcome.segments.forEach(applySegment);
    document.getElementById("approved-count").textContent = String(outcome.approved);
    const state = document.getElementById("review-state");
    state.textContent = outcome.state;
    state.className = "state state-" + outcome.state.replace(/ /g, "-");
    bar.dataset.revision = String(outcome.revision);
  }

  function showConflicts(conflicts) {
    conflicts.forEach(function (c) {
      const pair = document.getElementById("s" + c.segment);
      if (!pair) return;
      const box = pair.querySelector(".conflict");
      box.textContent = "";
      const head = document.createElement("p");
      head.textContent = "Someone else changed this sentence" + (c.current_by ? " (" + c.current_by + (c.current_at ? ", " + c.current_at : "") + ")" : "") + " after you opened it. Nothing was overwritten.";
      const saved = document.createElement("p");
      saved.appendChild(document.createTextNode("Saved: "));
      const q1 = document.createElement("q"); q1.className = "theirs"; q1.textContent = c.current_en; saved.appendChild(q1);
      if (c.current_approved) saved.appendChild(document.createTextNode(" (approved)"));
      const mine = document.createElement("p");
      mine.appendChild(document.createTextNode("Yours: "));
      const q2 = document.createElement("q"); q2.className = "mine"; q2.textContent = c.proposed_en !== undefined && c.proposed_en !== null ? c.proposed_en : text(pair); mine.appendChild(q2);
      const keep = document.createElement("button"); keep.type = "button"; keep.className = "keep-theirs"; keep.textContent = "Keep saved";
      const use = document.createElement("button"); use.type = "button"; use.className = "use-mine"; use.textContent = "Use mine";
      keep.addEventListener("click", function () {
        en(pair).textContent = c.current_en;
        pair.dataset.saved = c.current_en;
        pair.dataset.revision = String(c.revision);
        pair.classList.toggle("approved", c.current_approved);
        pair.classList.remove("dirty");
        box.hidden = true;
      });
      use.addEventListener("click", function () {
        pair.dataset.revision = String(c.revision);
        box.hidden = true;
        save([pair], { approve: c.proposed_approve === undefined ? null : c.proposed_approve, force: true });
      });
      box.appendChild(head); box.appendChild(saved); box.appendChild(mine); box.appendChild(keep); box.appendChild(use);
      box.hidden = false;
      pair.classList.add("dirty");
    });
  }

  // Saves the pairs (their edited English, and the approval if given). Returns true when saved.
  // Saves run one after another, so each is built on the revisions the previous one returned.
  let chain = Promise.resolve(true);
  function save(list, options) {
    const run = chain.then(function () { return saveNow(list, options); });
    chain = run.catch(function () { return false; });
    return run;
  }

  async function saveNow(list, options) {
    const changes = [];
    list.forEach(function (pair) {
      const change = { segment: Number(pair.dataset.seg), revision: Number(pair.dataset.revision || 0) };
      if (isDirty(pair) || options.force) change.en = text(pair);
      if (options.approve !== null && options.approve !== undefined) change.approve = options.approve;
      if (change.en !== undefined || change.approve !== undefined) changes.push(change);
    });
    if (changes.length === 0) return true;
    list.forEach(function (p) { p.dataset.saving = "1"; });
    const result = await api("POST", "/api/documents/" + encodeURIComponent(docID) + "/changes", { changes: changes });
    list.forEach(function (p) { delete p.dataset.saving; });
    saves += 1;
    document.body.dataset.saves = String(saves);
    if (result.status === 200) {
      applyOutcome(result.json);
      document.body.dataset.lastSave = "ok";
      if (result.json.published) flash("All approved: out/" + docID + "/ was published");
      return true;
    }
    if (result.status === 409 && result.json && result.json.conflicts) {
      document.body.dataset.lastSave = "conflict";
      showConflicts(result.json.conflicts);
      flash("Changed elsewhere since you opened the page: compare the texts on the sentence and keep the saved one or use yours", true);
      return false;
    }
    document.body.dataset.lastSave = "error";
    flash(errorText(result), true);
    return false;
  }

  function nextPair(from, step, onlyOpen) {
    let i = pairs.indexOf(from);
    for (;;) {
      i += step;
      if (i < 0 || i >= pairs.length) return null;
      if (!onlyOpen || !isApproved(pairs[i])) return pairs[i];
    }
  }

  pairs.forEach(function (pair) {
    const box = en(pair);
    box.addEventListener("focus", function () { setCurrent(pair); });
    box.addEventListener("input", function () { pair.classList.toggle("dirty", isDirty(pair)); });
    box.addEventListener("blur", function () {
      // Leaving an edited sentence saves it (without approving), as CAT tools do.
      if (isDirty(pair) && !pair.dataset.saving && pair.querySelector(".conflict").hidden) save([pair], { approve: null });
    });
    box.addEventListener("keydown", async function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        const ok = await save([pair], { approve: true });
        if (ok) focusPair(nextPair(pair, 1, true) || nextPair(pair, 1, false));
      } else if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        focusPair(nextPair(pair, e.key === "ArrowDown" ? 1 : -1, false));
      } else if (e.altKey && (e.key === "m" || e.key === "M")) {
        e.preventDefault();
        takeSuggestion(pair);
      } else if (e.key === "Escape") {
        e.preventDefault();
        box.textContent = pair.dataset.saved;
        pair.classList.remove("dirty");
      } else if (e.key === "Enter") {
        e.preventDefault(); // one sentence, one line
      }
    });
    pair.querySelector("button.approve").addEventListener("click", function () {
      save([pair], { approve: !isApproved(pair) });
    });
    const use = pair.querySelector("button.use-suggestion");
    if (use) use.addEventListener("click", function () { takeSuggestion(pair); focusPair(pair); });
  });

  function takeSuggestion(pair) {
    const suggestion = pair.querySelector(".suggestion");
    if (!suggestion) { flash("no memory suggestion for this sentence"); return; }
    en(pair).textContent = suggestion.dataset.en;
    pair.classList.toggle("dirty", isDirty(pair));
  }

  document.getElementById("approve-all").addEventListener("click", async function () {
    const open = pairs.filter(function (p) { return !isApproved(p); });
    if (open.length === 0) { flash("every pair is approved already"); return; }
    await save(open, { approve: true });
  });

  document.getElementById("publish").addEventListener("click", async function () {
    const result = await api("POST", "/api/documents/" + encodeURIComponent(docID) + "/publish");
    if (result.status === 200) flash("out/" + docID + "/ was published (revision " + result.json.revision + ")");
    else flash(errorText(result), true);
  });

  const firstOpen = pairs.find(function (p) { return !isApproved(p); });
  if (firstOpen && location.hash === "") setCurrent(firstOpen);
  document.body.dataset.ready = "1";
  // Milliseconds from navigation start until the page answers keys (read by the benchmark).
  document.body.dataset.readyMs = String(Math.round(performance.now()));
})();

// ------------------------------------------------------------------ glossary (issue 14)
// The glossary page (/glossary) and "Add term" on the document page. Every change goes through
// POST /api/glossary/entries: the server validates with the file loader's validator and answers
// with the problems per field (422), both versions on a conflict (409), or the result and where
// the term now occurs.
(function () {
  const csrfMeta = document.querySelector('meta[name="bayan-csrf"]');
  const csrf = csrfMeta ? csrfMeta.content : "";
  const flashBox = document.getElementById("flash");
  const hasGlossary = !!document.querySelector(".nav-glossary");

  function flash(message, isError) {
    if (!flashBox) return;
    flashBox.textContent = message;
    flashBox.classList.toggle("error", !!isError);
    flashBox.hidden = false;
    setTimeout(function () { flashBox.hidden = true; }, isError ? 9000 : 3000);
  }

  async function api(method, url, body) {
    const headers = { "X-CSRF-Token": csrf, "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      const r = await fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
      let json = null;
      try { json = await r.json(); } catch (e) { json = null; }
      return { status: r.status, json: json };
    } catch (e) {
      return { status: 0, json: { error: { message: "the workspace cannot be reached (" + e.message + "); try again" } } };
    }
  }

  function message(result) {
    return (result.json && result.json.error && result.json.error.message) || ("request failed (HTTP " + result.status + ")");
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function summary(entry) {
    if (!entry) return "(no entry)";
    let s = entry.ar + " → " + entry.en;
    if (entry.note) s += " · note: " + entry.note;
    if (entry.avoid && entry.avoid.length) s += " · avoid: " + entry.avoid.join("; ");
    return s;
  }

  // Where the saved term occurs now, with "Reprocess" for the published documents whose
  // English does not use it yet (bayan reprocess: the original goes back into the inbox).
  function showOccurrences(box, occurrences) {
    box.textContent = "";
    box.hidden = false;
    if (!occurrences.length) { box.appendChild(el("p", "The term occurs in no queued or published document yet.", "meta")); return; }
    box.appendChild(el("h3", "Where else it occurs (" + occurrences.length + ")"));
    const list = el("ul");
    const stale = new Set();
    occurrences.forEach(function (o) {
      const li = el("li", null, "occurrence " + o.place);
      const where = o.place === "published" ? el("a", o.document + " · s" + o.segment) : el("span", "inbox/" + o.document + " · s" + o.segment);
      if (o.place === "published") where.href = "/documents/" + encodeURIComponent(o.document) + "#s" + o.segment;
      li.appendChild(where);
      li.appendChild(el("span", " " + o.place + (o.place === "published" && o.englishHasTerm === false ? " · English does not use the term yet" : "") + " "));
      const ar = el("span", o.ar, "ar");
      ar.dir = "rtl"; ar.lang = "ar";
      li.appendChild(ar);
      list.appendChild(li);
      if (o.place === "published" && o.englishHasTerm === false) stale.add(o.document);
    });
    box.appendChild(list);
    if (stale.size) {
      const button = el("button", "Reprocess " + stale.size + " published document" + (stale.size === 1 ? "" : "s"), "g-reprocess");
      button.type = "button";
      button.addEventListener("click", async function () {
        button.disabled = true;
        const r = await api("POST", "/api/glossary/reprocess", { documents: Array.from(stale) });
        if (r.status === 200) {
          const problems = r.json.problems.map(function (p) { return p.message; });
          flash("Queued again: " + (r.json.queued.join(", ") || "none") + (problems.length ? " · " + problems.join(" · ") : ""), problems.length > 0);
        } else {
          button.disabled = false;
          flash(message(r), true);
        }
      });
      box.appendChild(button);
    }
  }

  // One form for add and edit: fields by id prefix, errors beside each field.
  function entryForm(prefix) {
    const f = function (name) { return document.getElementById(prefix + name); };
    return {
      clearErrors: function () {
        ["ar", "en", "note", "avoid", "match", "row"].forEach(function (k) { const e = f("err-" + k); if (e) e.textContent = ""; });
        const c = f("conflict"); if (c) { c.hidden = true; c.textContent = ""; }
      },
      entry: function () {
        return {
          ar: f("ar").value.trim(), en: f("en").value.trim(), note: f("note") ? f("note").value.trim() : "",
          avoid: f("avoid") ? f("avoid").value.split("|").map(function (s) { return s.trim(); }).filter(Boolean) : [],
          exact: f("match") ? f("match").value === "exact" : false,
        };
      },
      fileSelect: function () { return f("file"); },
      // Shows a refusal; returns true when it was one the form can show.
      refusal: function (r) {
        const e = r.json && r.json.error;
        if (!e) return false;
        if (e.error === "invalid") {
          (e.problems || []).forEach(function (p) {
            if (p.severity && p.severity !== "error") return;
            const box = f("err-" + (p.field || "row")) || f("err-row");
            box.textContent = (box.textContent ? box.textContent + " " : "") + p.message;
          });
          return true;
        }
        if (e.error === "conflict") {
          const c = f("conflict");
          c.textContent = "";
          c.appendChild(el("p", "The file changed on disk since this page read it; nothing was written."));
          c.appendChild(el("p", "Yours: " + summary(e.yours), "yours"));
          c.appendChild(el("p", "On disk now: " + (e.on_disk ? summary(e.on_disk) + " (line " + e.on_disk.line + ")" : "no such entry now"), "on-disk"));
          c.appendChild(el("p", "Reload the page to see the current file, then make your change again.", "meta"));
          c.hidden = false;
          return true;
        }
        f("err-row").textContent = e.message || message(r);
        return true;
      },
    };
  }

  function revisionOf(select) {
    const option = select.options[select.selectedIndex];
    return option ? option.dataset.revision : "";
  }

  // ---------------------------------------------------------------- the glossary page

  const gForm = document.getElementById("g-form");
  if (gForm) {
    const form = entryForm("g-");
    const line = document.getElementById("g-line");
    const title = document.getElementById("g-form-title");
    const file = document.getElementById("g-file");
    const fields = ["ar", "en", "note", "avoid"];

    // Set while the form holds a suggestion being edited: saving accepts it with the edits.
    let suggestionKey = null;

    function reset() {
      suggestionKey = null;
      line.value = "";
      title.textContent = "Add an entry";
      fields.forEach(function (k) { document.getElementById("g-" + k).value = ""; });
      document.getElementById("g-match").value = "clitics";
      file.disabled = false;
      form.clearErrors();
    }

    document.querySelectorAll("#g-table .g-edit").forEach(function (button) {
      button.addEventListener("click", function () {
        const row = button.closest("tr");
        form.clearErrors();
        line.value = row.dataset.line;
        file.value = row.dataset.file;
        file.disabled = true;
        title.textContent = "Edit line " + row.dataset.line + " of " + row.dataset.file;
        fields.forEach(function (k) { document.getElementById("g-" + k).value = row.dataset[k] || ""; });
        document.getElementById("g-match").value = row.dataset.match;
        document.getElementById("g-ar").focus();
      });
    });
    document.querySelectorAll("#g-table .g-delete").forEach(function (button) {
      button.addEventListener("click", async function () {
        const row = button.closest("tr");
        if (!confirm("Delete " + row.dataset.ar + " → " + row.dataset.en + " from " + row.dataset.file + "?")) return;
        const option = Array.from(file.options).find(function (o) { return o.value === row.dataset.file; });
        const r = await api("POST", "/api/glossary/entries", { file: row.dataset.file, revision: option ? option.dataset.revision : "", action: "delete", line: Number(row.dataset.line) });
        if (r.status === 200) { location.reload(); } else { form.clearErrors(); form.refusal(r) || flash(message(r), true); }
      });
    });

    gForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      form.clearErrors();
      const editing = line.value !== "";
      let r;
      if (suggestionKey) {
        r = await api("POST", "/api/glossary/suggestions/" + encodeURIComponent(suggestionKey) + "/accept", { file: file.value, revision: revisionOf(file), entry: form.entry() });
        if (r.status === 200) { const li = list.querySelector('li[data-id="' + CSS.escape(suggestionKey) + '"]'); if (li) li.remove(); suggestionKey = null; }
      } else {
        const body = { file: file.value, revision: revisionOf(file), action: editing ? "edit" : "add", entry: form.entry() };
        if (editing) body.line = Number(line.value);
        r = await api("POST", "/api/glossary/entries", body);
      }
      document.body.dataset.lastGlossarySave = String(r.status);
      if (r.status === 200) {
        // The file's new revision, for the next change made without reloading.
        file.options[file.selectedIndex].dataset.revision = r.json.result.revision;
        flash("Saved to " + r.json.result.file + (r.json.result.reload === "rejected" ? "; the file has other errors, so the running glossary is unchanged" : "; in use for the next document"), r.json.result.reload === "rejected");
        showOccurrences(document.getElementById("g-occurrences"), r.json.occurrences || []);
        const done = el("button", "Reload the list", "g-reload");
        done.type = "button";
        done.addEventListener("click", function () { location.reload(); });
        document.getElementById("g-occurrences").appendChild(done);
      } else if (!form.refusal(r)) {
        flash(message(r), true);
      }
    });
    document.getElementById("g-cancel").addEventListener("click", reset);
    gForm.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); gForm.requestSubmit(); }
      else if (e.key === "Escape") { e.preventDefault(); reset(); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement === document.body) { e.preventDefault(); document.getElementById("g-q").focus(); }
    });

    // Suggestions learned from reviews: accept (into the chosen file), edit in the form, reject.
    const list = document.getElementById("g-suggestion-list");
    const status = document.getElementById("g-suggestions-status");
    (async function () {
      const r = await api("GET", "/api/glossary/suggestions");
      if (r.status !== 200) { status.textContent = message(r); return; }
      const items = r.json.suggestions || [];
      status.textContent = items.length ? items.length + " proposed from reviewers' corrections (seen in at least 2 reviewed sentences)." : "Nothing proposed: no Arabic has been corrected the same way in 2 reviewed sentences.";
      items.forEach(function (s) {
        const li = el("li", null, "suggestion");
        li.dataset.id = s.key;
        const ar = el("b", s.ar); ar.dir = "rtl"; ar.lang = "ar";
        li.appendChild(ar);
        li.appendChild(el("span", " → " + s.en + (s.avoid.length ? " (instead of " + s.avoid.join(", ") + ")" : "") + (s.replaces ? " · corrects " + s.replaces.file + ":" + s.replaces.line : "") + " · "));
        s.evidence.forEach(function (ev) {
          ev.segments.forEach(function (n) {
            const a = el("a", ev.document + " s" + n);
            a.href = "/documents/" + encodeURIComponent(ev.document) + "#s" + n;
            li.appendChild(a);
            li.appendChild(document.createTextNode(" "));
          });
        });
        const accept = el("button", "Accept", "g-accept"); accept.type = "button";
        const edit = el("button", "Edit", "g-sedit"); edit.type = "button";
        const reject = el("button", "Reject", "g-reject"); reject.type = "button";
        accept.addEventListener("click", async function () {
          const r2 = await api("POST", "/api/glossary/suggestions/" + encodeURIComponent(s.key) + "/accept", { file: file.value, revision: revisionOf(file) });
          if (r2.status === 200) { flash("Added to " + r2.json.result.file); li.remove(); file.options[file.selectedIndex].dataset.revision = r2.json.result.revision; }
          else { flash(message(r2), true); }
        });
        edit.addEventListener("click", function () {
          reset();
          const e = s.fields;
          document.getElementById("g-ar").value = e.ar; document.getElementById("g-en").value = e.en;
          document.getElementById("g-note").value = e.note; document.getElementById("g-avoid").value = e.avoid.join(" | ");
          suggestionKey = s.key;
          title.textContent = "Edit the suggestion, then save to accept it";
          document.getElementById("g-en").focus();
        });
        reject.addEventListener("click", async function () {
          const r2 = await api("POST", "/api/glossary/suggestions/" + encodeURIComponent(s.key) + "/reject", {});
          if (r2.status === 200) { li.remove(); flash("Rejected; it will not be proposed again"); } else { flash(message(r2), true); }
        });
        li.append(accept, " ", edit, " ", reject);
        list.appendChild(li);
      });
    })();
  }

  // ---------------------------------------------------------------- "Add term" on the document page

  if (document.body.classList.contains("document-page") && hasGlossary) {
    let lastArabic = "";
    let lastEnglish = "";
    document.addEventListener("selectionchange", function () {
      const sel = window.getSelection();
      const text = sel ? sel.toString().trim() : "";
      if (!text || !sel.anchorNode) return;
      const node = sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentElement;
      if (node && node.closest('[lang="ar"]')) lastArabic = text;
      else if (node && node.closest('[lang="en"]')) lastEnglish = text;
    });

    const panel = el("form", null, "add-term");
    panel.id = "t-form";
    panel.hidden = true;
    panel.noValidate = true;
    panel.setAttribute("aria-label", "Add a glossary term");
    panel.appendChild(el("h2", "Add term"));
    function field(name, label, attrs) {
      const l = el("label", label + " ");
      const i = document.createElement(name === "file" ? "select" : "input");
      i.id = "t-" + name;
      Object.keys(attrs || {}).forEach(function (k) { i.setAttribute(k, attrs[k]); });
      l.appendChild(i);
      panel.appendChild(l);
      const err = el("p", "", "field-error"); err.id = "t-err-" + name; err.setAttribute("role", "alert");
      panel.appendChild(err);
      return i;
    }
    const fileSelect = field("file", "File");
    const arInput = field("ar", "Arabic", { dir: "rtl", lang: "ar", autocomplete: "off" });
    const enInput = field("en", "English", { autocomplete: "off" });
    const noteInput = field("note", "Note", { autocomplete: "off" });
    const rowErr = el("p", "", "field-error"); rowErr.id = "t-err-row"; panel.appendChild(rowErr);
    const conflict = el("div", "", "conflict"); conflict.id = "t-conflict"; conflict.hidden = true; panel.appendChild(conflict);
    const actions = el("p", null, "actions");
    const save = el("button", "Save term"); save.type = "submit"; save.id = "t-save";
    const close = el("button", "Close"); close.type = "button";
    actions.append(save, " ", close, el("span", " Ctrl+Enter saves · Esc closes", "hint"));
    panel.appendChild(actions);
    const found = el("div", "", "occurrences"); found.id = "t-occurrences"; found.hidden = true; panel.appendChild(found);
    document.body.appendChild(panel);
    const form = entryForm("t-");

    const bar = document.getElementById("review-bar");
    const open = el("button", "Add term (Alt+T)"); open.type = "button"; open.id = "add-term";
    // Keep the reader's selection when the button is pressed.
    open.addEventListener("mousedown", function (e) { e.preventDefault(); });
    if (bar) bar.insertBefore(open, bar.querySelector(".keys"));

    async function openForm() {
      form.clearErrors();
      found.hidden = true;
      const sel = window.getSelection();
      const current = sel ? sel.toString().trim() : "";
      const arabic = /[\u0600-\u06FF]/.test(current) ? current : lastArabic;
      const english = current && !/[\u0600-\u06FF]/.test(current) ? current : lastEnglish;
      const g = await api("GET", "/api/glossary");
      if (g.status !== 200) { flash(message(g), true); return; }
      fileSelect.textContent = "";
      g.json.files.filter(function (f) { return f.editable; }).forEach(function (f) {
        const o = el("option", f.path); o.value = f.path; o.dataset.revision = f.revision; fileSelect.appendChild(o);
      });
      if (!fileSelect.options.length) { flash("No glossary file can be edited here (TBX files are read-only; list a TSV or CSV file in glossary.files)", true); return; }
      arInput.value = "";
      if (arabic) {
        const c = await api("GET", "/api/glossary/citation?text=" + encodeURIComponent(arabic));
        arInput.value = c.status === 200 ? c.json.ar : arabic;
      }
      enInput.value = english || "";
      noteInput.value = "";
      panel.hidden = false;
      (arInput.value ? enInput : arInput).focus();
    }

    open.addEventListener("click", openForm);
    close.addEventListener("click", function () { panel.hidden = true; });
    document.addEventListener("keydown", function (e) {
      if (e.altKey && (e.key === "t" || e.key === "T")) { e.preventDefault(); openForm(); }
    });
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); panel.requestSubmit(); }
      else if (e.key === "Escape") { e.preventDefault(); panel.hidden = true; }
    });
    panel.addEventListener("submit", async function (event) {
      event.preventDefault();
      form.clearErrors();
      const r = await api("POST", "/api/glossary/entries", { file: fileSelect.value, revision: revisionOf(fileSelect), action: "add", entry: form.entry() });
      document.body.dataset.lastGlossarySave = String(r.status);
      if (r.status === 200) {
        fileSelect.options[fileSelect.selectedIndex].dataset.revision = r.json.result.revision;
        flash("Term saved to " + r.json.result.file + "; in use for the next document");
        showOccurrences(found, r.json.occurrences || []);
      } else if (!form.refusal(r)) {
        flash(message(r), true);
      }
    });
  }
})();
