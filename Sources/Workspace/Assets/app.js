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
