// Hearth's journal, the My answers page's part: the list of answers, export as Markdown or
// encrypted, import with its preview, asking the browser to keep the answers, and the privacy
// lock's controls. journal.js, on every page, keeps the answers (storage, the status line, saving,
// other tabs, reading and writing under the lock); it runs first and hands over what this script
// needs as window.hearthJournal. Like it, this script makes no network request.
(function () {
  "use strict";
  var J = window.hearthJournal;
  // Inside another site's frame journal.js did not start, and it hands itself over on My answers only.
  if (!J) { return; }

  var WORKBOOK = J.WORKBOOK, TITLE = J.TITLE, NS = J.NS, LOCK = J.LOCK, SESSION_KEY = J.SESSION_KEY, FORMAT = J.FORMAT, ID = J.ID;
  var ITERATIONS = 310000;                  // PBKDF2-SHA-256, OWASP's 2023 figure
  var MAX_TEXT = 100000;                    // characters in one answer
  var MAX_FILE = 5 * 1024 * 1024;           // bytes in an import file
  var MAX_ANSWERS = 20000;
  var WORKBOOK_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/; // "--<lang>" for a language edition
  var CHECK_TEXT = "hearth-lock-check";

  var $ = J.$, $$ = J.$$, enc = J.enc, session = J.session, statusLine = J.statusLine;
  var fields = J.fields, labels = J.labels, mem = J.mem, locked = J.locked;
  var say = J.say, isQuota = J.isQuota, longDate = J.longDate, b64 = J.b64, unb64 = J.unb64, encrypt = J.encrypt, decrypt = J.decrypt;
  var encode = J.encode, rawGet = J.rawGet, rawSet = J.rawSet, rawRemove = J.rawRemove, ourKeys = J.ourKeys, loadAll = J.loadAll;
  var T = J.T, number = J.number;
  var kindOf = J.kindOf, sameValue = J.sameValue, written = J.written, download = J.download, exportJson = J.exportJson, invalid = J.invalid;

  // ---- Writing many answers at once --------------------------------------------------------------
  /**
   * Writes several raw values all or nothing: if one fails, every key written so far gets its old
   * value back. Returns the error, or null.
   */
  function writeAll(pairs) {
    var before = [];
    for (var i = 0; i < pairs.length; i++) {
      before.push([pairs[i][0], rawGet(pairs[i][0])]);
      var err = pairs[i][1] === null ? (rawRemove(pairs[i][0]), null) : rawSet(pairs[i][0], pairs[i][1]);
      if (err) {
        for (var j = before.length - 1; j >= 0; j--) {
          if (before[j][1] === null) { rawRemove(before[j][0]); } else { rawSet(before[j][0], before[j][1]); }
        }
        return err;
      }
    }
    return null;
  }

  // ---- Export -----------------------------------------------------------------------------------
  function shown(rec, id) {
    if (rec.v === true || (rec.v === "true" && kindOfLabel(id) === "box")) { return "✓ ticked"; }
    return String(rec.v);
  }

  function kindOfLabel(id) { return fields[id] ? kindOf(id) : /-\d+$/.test(id) && !/-\d+-\d+$/.test(id) ? "box" : "text"; }

  /**
   * An answer as Markdown text that shows as written: markup in it (an imported file's
   * <img onerror>, a line starting "#") is escaped, so a Markdown viewer renders no HTML of it.
   */
  function mdText(s) {
    return s.replace(/[\\`*_\[\]<>&|~]/g, "\\$&").replace(/^([ \t]*)([#+=-])/gm, "$1\\$2")
      .replace(/^([ \t]*\d+)([.)])/gm, "$1\\$2");
  }

  function exportMarkdown() {
    var md = "# " + T("js.mdTitle", TITLE) + "\n";
    var last = null;
    Object.keys(mem).sort().forEach(function (k) {
      if (!written(mem[k])) { return; }
      var label = labels[k] || { title: k, page: T("js.other") };
      if (label.page !== last) { md += "\n## " + (label.page || T("js.myPrompts")) + "\n"; last = label.page; }
      md += "\n**" + label.title + "**\n\n" + mdText(shown(mem[k], k)) + "\n";
    });
    download("my-answers.md", "text/markdown", md);
    say(T("js.exportedMd"), "info");
  }

  // ---- Import -----------------------------------------------------------------------------------
  function fail(msg) { throw new Error(msg); }

  function checkKeys(obj, allowed, where) {
    Object.keys(obj).forEach(function (k) {
      if (allowed.indexOf(k) < 0) { fail(T("js.errExtraField", where, k)); }
    });
  }

  function isDateText(s) { return typeof s === "string" && s.length <= 40 && !isNaN(Date.parse(s)); }

  /** A checked import: {workbook: {id, title}, answers: {id: {v, t, h}}, sealed}. Throws a plain message. */
  function validate(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) { fail(T("js.errNotExport")); }
    if (data.format === undefined && typeof data.workbook === "string" && data.answers && typeof data.answers === "object") {
      return legacy(data);
    }
    if (data.format !== FORMAT) { fail(T("js.errFormat", FORMAT)); }
    if (data.version !== 1) {
      fail(typeof data.version === "number" && data.version > 1
        ? T("js.errNewer", data.version)
        : T("js.errVersion"));
    }
    checkKeys(data, ["format", "version", "workbook", "exportedAt", "answers", "encryption", "sealed"], T("js.errTheFile"));
    var wb = data.workbook;
    if (!wb || typeof wb !== "object" || typeof wb.id !== "string" || !WORKBOOK_ID.test(wb.id) || wb.id.length > 200) {
      fail(T("js.errWorkbookId"));
    }
    checkKeys(wb, ["id", "title"], T("js.errItsWorkbook"));
    if (wb.title !== undefined && (typeof wb.title !== "string" || wb.title.length > 500)) { fail(T("js.errWorkbookTitle")); }
    if (!isDateText(data.exportedAt)) { fail(T("js.errExportedAt")); }
    var out = { workbook: { id: wb.id, title: wb.title || wb.id }, exportedAt: data.exportedAt, answers: null, sealed: null };
    if (data.sealed !== undefined) {
      var e = data.encryption;
      if (!e || e.kdf !== "PBKDF2-SHA-256" || e.cipher !== "AES-GCM-256" || typeof e.iterations !== "number" || e.iterations < 100000
          || e.iterations > 10000000 || typeof e.salt !== "string" || !data.sealed || typeof data.sealed.iv !== "string"
          || typeof data.sealed.data !== "string") {
        fail(T("js.errEncryption"));
      }
      out.sealed = { encryption: e, box: { iv: data.sealed.iv, c: data.sealed.data } };
      return out;
    }
    out.answers = answersOf(data.answers);
    return out;
  }

  function answersOf(answers) {
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) { fail(T("js.errNoAnswers")); }
    var ids = Object.keys(answers);
    if (ids.length > MAX_ANSWERS) { fail(T("js.errTooMany", ids.length, MAX_ANSWERS)); }
    var out = {};
    ids.forEach(function (id) {
      var a = answers[id];
      var where = T("js.errTheAnswer", id.length > 60 ? id.substring(0, 60) + "…" : id);
      if (!ID.test(id)) { fail(T("js.errAnswerId", where)); }
      if (!a || typeof a !== "object" || Array.isArray(a)) { fail(T("js.errNotRecord", where)); }
      checkKeys(a, ["value", "updatedAt", "history", "question", "page"], where);
      if (typeof a.value === "string") {
        if (a.value.length > MAX_TEXT) { fail(T("js.errTooLong", where, number(MAX_TEXT))); }
      } else if (typeof a.value !== "boolean") {
        fail(T("js.errValue", where));
      }
      if (!isDateText(a.updatedAt)) { fail(T("js.errUpdatedAt", where)); }
      var rec = { v: a.value, t: Date.parse(a.updatedAt) };
      if (a.history !== undefined) {
        if (!Array.isArray(a.history) || a.history.length > 1000) { fail(T("js.errHistory", where)); }
        rec.h = a.history.map(function (x) {
          if (!x || typeof x.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(x.date) || typeof x.value !== "string" || x.value.length > 100) {
            fail(T("js.errHistoryEntry", where));
          }
          return { d: x.date, v: x.value };
        });
      }
      out[id] = rec;
    });
    return out;
  }

  /** An export from before the format had a name: {workbook: title, exported, answers: {id: text}}. */
  function legacy(data) {
    var t = isDateText(data.exported) ? Date.parse(data.exported) : 0;
    var answers = {};
    Object.keys(data.answers).forEach(function (id) {
      var v = data.answers[id];
      if (!ID.test(id)) { fail(T("js.errLegacyId", id.substring(0, 60))); }
      if (typeof v !== "string" || v.length > MAX_TEXT) { fail(T("js.errLegacyText", id, number(MAX_TEXT))); }
      answers[id] = { v: v === "true" && kindOfLabel(id) === "box" ? true : v, t: t };
    });
    // Old files name the workbook by its title only.
    return { workbook: { id: data.workbook === TITLE ? WORKBOOK : data.workbook, title: data.workbook }, exportedAt: data.exported,
      answers: answers, sealed: null };
  }

  /** Sorts an import against what is saved: new, newer, older (yours kept), same, unknown. */
  function classify(answers) {
    var out = { fresh: [], newer: [], older: [], same: [], unknown: [] };
    Object.keys(answers).sort().forEach(function (id) {
      var rec = answers[id];
      var have = mem[id];
      if (Object.keys(labels).length && !labels[id]) { out.unknown.push(id); }
      else if (!written(have)) { (written(rec) ? out.fresh : out.same).push(id); }
      else if (sameValue(have.v, rec.v)) { out.same.push(id); }
      else if (rec.t > have.t) { out.newer.push(id); }
      else { out.older.push(id); }
    });
    return out;
  }

  // ---- The privacy lock -------------------------------------------------------------------------
  function derive(pass, salt, iterations) {
    return crypto.subtle.importKey("raw", enc.encode(pass), "PBKDF2", false, ["deriveKey"]).then(function (material) {
      return crypto.subtle.deriveKey({ name: "PBKDF2", salt: salt, iterations: iterations, hash: "SHA-256" }, material,
        { name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
    });
  }

  function rememberKey(k) {
    return crypto.subtle.exportKey("raw", k).then(function (raw) {
      if (session) { try { session.setItem(SESSION_KEY, b64(raw)); } catch (e) { /* this page only, then */ } }
    });
  }

  /** Rewrites every stored answer with {@code newKey} (null: plain), all or nothing. */
  function rewriteAll(newKey, lockValue) {
    var ids = Object.keys(mem);
    var old = J.key();
    J.setKey(newKey);
    return Promise.all(ids.map(function (id) { return encode(id, mem[id]); })).then(function (raws) {
      var pairs = ids.map(function (id, i) { return [NS + id, raws[i]]; });
      pairs.push([LOCK, lockValue]);
      var err = writeAll(pairs);
      if (err) { J.setKey(old); }
      return err;
    });
  }

  // ---- My answers page --------------------------------------------------------------------------
  var list = $("[data-answer-list]");

  function renderList() {
    if (!list) { return; }
    list.textContent = "";
    if (locked()) {
      var p = document.createElement("p");
      p.textContent = T("js.listLocked");
      list.appendChild(p);
      return;
    }
    var keys = Object.keys(mem).filter(function (k) { return written(mem[k]); }).sort();
    if (!keys.length) {
      var none = document.createElement("p");
      none.textContent = J.problem() === "blocked"
        ? T("js.listBlocked")
        : T("js.listEmpty");
      list.appendChild(none);
      return;
    }
    var groups = {};
    keys.forEach(function (k) {
      var label = labels[k] || { title: k, page: T("js.other"), url: "index.html" };
      (groups[label.page || T("js.myPrompts")] = groups[label.page || T("js.myPrompts")] || []).push({ key: k, label: label });
    });
    Object.keys(groups).forEach(function (page) {
      var section = document.createElement("section");
      section.className = "answer-group";
      var h = document.createElement("h2");
      h.textContent = page;
      section.appendChild(h);
      groups[page].forEach(function (a) {
        var div = document.createElement("div");
        div.className = "answer";
        var q = document.createElement("p");
        q.className = "answer-q";
        var link = document.createElement("a");
        link.href = a.label.url + "#" + a.key;
        link.textContent = a.label.title;
        q.appendChild(link);
        var ans = document.createElement("p");
        ans.className = "answer-a";
        ans.textContent = shown(mem[a.key], a.key);
        div.appendChild(q);
        div.appendChild(ans);
        if (mem[a.key].h && mem[a.key].h.length > 1) {
          var hist = document.createElement("p");
          hist.className = "answer-history";
          hist.textContent = T("js.earlier") + " " + mem[a.key].h.slice(0, -1).map(function (x) { return longDate(x.d) + ": " + x.v; }).join(" · ");
          div.appendChild(hist);
        }
        section.appendChild(div);
      });
      list.appendChild(section);
    });
  }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function preview(file, checked) {
    var box = $("[data-import-preview]");
    box.textContent = "";
    box.hidden = false;
    var c = classify(checked.answers);
    // An export of a language edition made before its key became "<id>--<lang>" names "<id>-<lang>".
    var foreign = checked.workbook.id !== WORKBOOK && checked.workbook.id !== WORKBOOK.replace("--", "-");
    box.appendChild(el("h2", T("js.beforeImport", file.name), { id: "import-title", tabindex: "-1" }));
    box.setAttribute("aria-labelledby", "import-title");
    if (foreign) {
      box.appendChild(el("p", T("js.foreignFile", checked.workbook.title, checked.workbook.id, TITLE), { class: "import-warning" }));
    }
    // One key per group and number ("js.group.fresh.one", "js.group.fresh.many"): languages agree differently.
    var rows = ["fresh", "newer", "older", "same", "unknown"];
    rows.forEach(function (r) {
      var ids = c[r];
      if (!ids.length) { return; }
      var d = el("details", "", { "data-import-group": r });
      d.appendChild(el("summary", T("js.group." + r + (ids.length === 1 ? ".one" : ".many"), ids.length)));
      var ul = el("ul");
      ids.forEach(function (id) { ul.appendChild(el("li", labels[id] ? labels[id].title : id)); });
      d.appendChild(ul);
      box.appendChild(d);
    });
    var take = c.fresh.concat(c.newer);
    var confirm = null;
    if (foreign) {
      var lab = el("label", "", { class: "import-confirm" });
      confirm = el("input", "", { type: "checkbox", "data-import-foreign": "" });
      lab.appendChild(confirm);
      lab.appendChild(document.createTextNode(" " + T("js.importForeign")));
      box.appendChild(lab);
    }
    var go = el("button", take.length ? T(take.length === 1 ? "js.importOne" : "js.importMany", take.length) : T("js.nothingToImport"),
      { type: "button", "data-import-apply": "" });
    go.disabled = !take.length || foreign;
    if (confirm) { confirm.addEventListener("change", function () { go.disabled = !take.length || !confirm.checked; }); }
    var cancel = el("button", T("js.cancel"), { type: "button", "data-import-cancel": "" });
    box.appendChild(go);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(cancel);
    cancel.addEventListener("click", function () {
      box.hidden = true;
      box.textContent = "";
      say(T("js.nothingImported"), "info");
      statusLine.focus(); // the preview that held the focus is gone: its result takes it
    });
    go.addEventListener("click", function () {
      go.disabled = true;
      var recs = take.map(function (id) { return checked.answers[id]; });
      Promise.all(take.map(function (id, i) { return encode(id, recs[i]); })).then(function (raws) {
        var err = writeAll(take.map(function (id, i) { return [NS + id, raws[i]]; }));
        if (err) {
          say(T("js.importNotStored", isQuota(err) ? T("js.storageFull") : T("js.storageRefused")), "error", true);
          return;
        }
        take.forEach(function (id, i) { mem[id] = recs[i]; });
        box.hidden = true;
        box.textContent = "";
        say(T(take.length === 1 ? "js.importedOne" : "js.importedMany", take.length)
          + (c.older.length ? T(c.older.length === 1 ? "js.importKeptOne" : "js.importKeptMany", c.older.length) : "")
          + (c.unknown.length ? T(c.unknown.length === 1 ? "js.importLeftOutOne" : "js.importLeftOutMany", c.unknown.length) : "")
          + ".", "saved");
        renderList();
        statusLine.focus();
      });
    });
    $("#import-title").focus();
  }

  function readImport(file) {
    if (file.size > MAX_FILE) {
      say(T("js.importTooBig", number(file.size / 1048576, 1), number(MAX_FILE / 1048576)), "error");
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () { say(T("js.unreadable"), "error"); };
    reader.onload = function () {
      var checked;
      try {
        var data;
        try { data = JSON.parse(reader.result); } catch (e) { fail(T("js.errJson", e.message)); }
        checked = validate(data);
      } catch (err) {
        say(T("js.importBad", err.message), "error");
        return;
      }
      if (!checked.sealed) { preview(file, checked); return; }
      var pass = $("[data-import-pass]");
      var row = $("[data-import-pass-row]");
      row.hidden = false;
      say(T("js.encryptedFile"), "info");
      pass.focus();
      $("[data-import-open]").onclick = function () {
        var e = checked.sealed.encryption;
        derive(pass.value, unb64(e.salt), e.iterations)
          .then(function (k) { return decrypt(k, checked.sealed.box, FORMAT + ":" + checked.workbook.id); })
          .then(function (text) {
            var inner;
            try { inner = answersOf(JSON.parse(text)); } catch (err) {
              say(T("js.importBadInside", err.message), "error");
              return;
            }
            row.hidden = true;
            pass.value = "";
            checked.answers = inner;
            preview(file, checked);
            invalid(pass, null);
          }, function () {
            say(T("js.wrongFilePass"), "error");
            invalid(pass, statusLine.id);
            pass.select();
          });
      };
    };
    reader.readAsText(file);
  }

  function setupAnswersPage() {
    var tools = $("[data-answer-tools]");
    if (!tools) { return; }
    tools.hidden = false;
    var note = $("[data-storage-note]");
    if (J.problem() === "blocked" && note) {
      note.hidden = false;
      note.textContent = T("js.blockedNote");
      // Export comes first when nothing can be kept.
      tools.insertBefore($("[data-export=json]"), tools.firstChild);
    }
    $$("[data-export]").forEach(function (b) {
      b.addEventListener("click", function () {
        var how = b.getAttribute("data-export");
        if (how === "md") { exportMarkdown(); } else { exportJson(how === "sealed"); }
      });
    });
    $("[data-import]").addEventListener("change", function (e) {
      var file = e.target.files[0];
      // The native "no file chosen" text is hidden with the input: the page's own line names the file
      // (read out through aria-live, and as the input's description when it has the focus).
      var name = $("[data-import-name]");
      if (name) { name.textContent = file ? T("js.fileChosen", file.name) : T("js.noFile"); }
      if (file) { readImport(file); }
      e.target.value = "";
    });
    $("[data-clear]").addEventListener("click", function () {
      if (!window.confirm(T("js.confirmClear"))) { return; }
      var err = writeAll(ourKeys().map(function (id) { return [NS + id, null]; }));
      J.forget();
      say(err ? T("js.clearFailed") : T("js.cleared"), err ? "error" : "info");
      renderList();
    });
    setupPersist();
    setupLock();
  }

  function setupPersist() {
    var box = $("[data-persist]");
    if (!box || !navigator.storage || !navigator.storage.persist || J.problem() === "blocked") { return; }
    box.hidden = false;
    var result = $("[data-persist-result]");
    var explain = function (yes) {
      result.textContent = yes
        ? T("js.persistYes")
        : T("js.persistNotYet");
    };
    navigator.storage.persisted().then(function (yes) { if (yes) { explain(true); } }).catch(function () {});
    $("[data-persist-ask]").addEventListener("click", function () {
      navigator.storage.persist().then(explain, function () { explain(false); });
    });
  }

  function lockSay(text) { var s = $("[data-lock-status]"); if (s) { s.textContent = text; } }

  /** Moves the focus to the lock's message, whose form may just have been hidden. */
  function focusLockStatus() { var s = $("[data-lock-status]"); if (s) { s.focus(); } }

  function showLockState() {
    var box = $("[data-lock]");
    if (!box) { return; }
    $("[data-lock-off]").hidden = !!J.lockInfo();
    $("[data-lock-locked]").hidden = !locked();
    $("[data-lock-open]").hidden = !J.lockInfo() || locked();
    var sealed = $("[data-export=sealed]");
    if (sealed) { sealed.hidden = !J.lockInfo() || locked(); }
    $$("[data-export=json], [data-export=md], [data-import], [data-clear]").forEach(function (b) { b.disabled = locked(); });
  }

  function setupLock() {
    var box = $("[data-lock]");
    if (!box) { return; }
    if (!window.crypto || !crypto.subtle || J.problem() === "blocked") {
      if (!window.crypto || !crypto.subtle) {
        box.hidden = false;
        $("[data-lock-off]").hidden = true;
        lockSay(T("js.lockInsecure"));
      }
      return;
    }
    box.hidden = false;
    showLockState();
    $("[data-lock-set]").addEventListener("submit", function (e) {
      e.preventDefault();
      var a = $("[data-lock-new]").value;
      var b = $("[data-lock-repeat]").value;
      var statusId = $("[data-lock-status]").id;
      invalid($("[data-lock-new]"), null);
      invalid($("[data-lock-repeat]"), null);
      if (a.length < 8) {
        lockSay(T("js.lockShort"));
        invalid($("[data-lock-new]"), statusId);
        $("[data-lock-new]").focus();
        return;
      }
      if (a !== b) {
        lockSay(T("js.lockMismatch"));
        invalid($("[data-lock-repeat]"), statusId);
        $("[data-lock-repeat]").focus();
        return;
      }
      lockSay(T("js.locking"));
      var salt = crypto.getRandomValues(new Uint8Array(16));
      derive(a, salt, ITERATIONS).then(function (k) {
        return encrypt(k, CHECK_TEXT, LOCK).then(function (check) {
          var info = { kdf: "PBKDF2-SHA-256", iterations: ITERATIONS, salt: b64(salt), check: check };
          return rewriteAll(k, JSON.stringify(info)).then(function (err) {
            if (err) { lockSay(T("js.lockFailed", isQuota(err) ? T("js.storageFull") : err.name)); return; }
            J.setLockInfo(info);
            $("[data-lock-new]").value = "";
            $("[data-lock-repeat]").value = "";
            return rememberKey(k).then(function () {
              showLockState();
              lockSay(T("js.lockedNow"));
              focusLockStatus();
            });
          });
        });
      }).catch(function (e2) { lockSay(T("js.lockFailed2", e2.name)); });
    });
    $("[data-lock-unlock]").addEventListener("submit", function (e) {
      e.preventDefault();
      var pass = $("[data-lock-pass]");
      lockSay(T("js.checking"));
      var lockInfo = J.lockInfo();
      derive(pass.value, unb64(lockInfo.salt), lockInfo.iterations).then(function (k) {
        return decrypt(k, lockInfo.check, LOCK).then(function () {
          J.setKey(k);
          pass.value = "";
          invalid(pass, null);
          return rememberKey(k).then(loadAll).then(function () {
            showLockState();
            renderList();
            lockSay(T("js.unlocked"));
            focusLockStatus();
          });
        }, function () {
          lockSay(T("js.wrongPass"));
          invalid(pass, $("[data-lock-status]").id);
          pass.select();
        });
      });
    });
    $("[data-lock-now]").addEventListener("click", function () {
      J.setKey(null);
      if (session) { try { session.removeItem(SESSION_KEY); } catch (e) { /* gone with the tab */ } }
      J.forget();
      showLockState();
      renderList();
      lockSay(T("js.lockedAgain"));
      $("[data-lock-pass]").focus(); // the button that was pressed is hidden now

    });
    $("[data-lock-remove]").addEventListener("click", function () {
      if (!window.confirm(T("js.confirmUnlock"))) { return; }
      rewriteAll(null, null).then(function (err) {
        if (err) { lockSay(T("js.unlockFailed", err.name)); return; }
        J.setLockInfo(null);
        if (session) { try { session.removeItem(SESSION_KEY); } catch (e) { /* ignore */ } }
        showLockState();
        lockSay(T("js.lockRemoved"));
        focusLockStatus();
      });
    });
  }


  J.attach({ setup: setupAnswersPage, renderList: renderList });
})();
