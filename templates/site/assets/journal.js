// Hearth's journal: the answers a reader types, kept in this browser's localStorage and nowhere
// else (this script makes no network request). Every write is checked and the page says what
// happened; each answer carries the time it was written so tabs and imports never put an older
// text over a newer one; an optional passphrase encrypts the stored answers (README, "The website").
// This is the part every page needs: storage, the status line, saving, tabs, the self-check, and
// reading and writing answers under the lock. My answers also loads journal-answers.js (its list,
// export as Markdown or encrypted, import, the lock's controls), which it hands window.hearthJournal.
(function () {
  "use strict";

  // Interface strings in the page's language: the catalogue's js.* keys, put in each page by
  // layout.ftlh in the body's data-strings (templates/messages/<lang>.properties); {0}, {1} are filled in literally.
  var STRINGS = (function () {
    try { return JSON.parse(document.body.getAttribute("data-strings") || "{}"); } catch (e) { return {}; }
  }());
  function T(key) {
    var s = Object.prototype.hasOwnProperty.call(STRINGS, key) ? STRINGS[key] : key;
    for (var i = 1; i < arguments.length; i++) { s = s.split("{" + (i - 1) + "}").join(String(arguments[i])); }
    return s;
  }
  // A number as the page's language writes it ("5.2" in English, "5,2" in Spanish), with `digits` decimals.
  function number(n, digits) {
    var d = digits || 0;
    try {
      return n.toLocaleString(document.documentElement.lang || "en", { minimumFractionDigits: d, maximumFractionDigits: d });
    } catch (e) { return n.toFixed(d); }
  }
  // Inside another site's frame site.js has removed the fields and said why: no journal there.
  if (window.hearthFramed) { return; }

  var body = document.body;
  var WORKBOOK = body.getAttribute("data-workbook-id") || "workbook";
  var TITLE = body.getAttribute("data-workbook") || "";
  var NS = "hearth.v1:" + WORKBOOK + ":";   // one key per answer: NS + answer id
  var LEGACY = "hearth:" + TITLE + ":";     // before ids: keyed by the title, raw text values
  var LOCK = NS + "~lock";                  // the privacy lock's salt, iterations and check value
  // A language edition was keyed "<id>-<lang>", which a person's own site ("<id>-<name>") could be
  // too (a person called "Es"); it is now "<id>--<lang>", which no book or person id can be. Its
  // answers under the former key are copied over once (README, "Where answers live").
  var FORMER = WORKBOOK.indexOf("--") > 0 ? "hearth.v1:" + WORKBOOK.replace("--", "-") + ":" : null;
  var MOVED = "hearth.v1.copied:" + WORKBOOK;
  var SESSION_KEY = "hearth.v1.key:" + WORKBOOK;
  var FORMAT = "hearth-answers";
  var ID = /^[a-z0-9][a-z0-9-]{0,199}$/;

  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var enc = new TextEncoder();
  var dec = new TextDecoder();

  // ---- Where answers can be kept ----------------------------------------------------------------
  var store = null;
  try { store = window.localStorage; store.getItem(LOCK); } catch (e) { store = null; }
  var session = null;
  try { session = window.sessionStorage; session.getItem(SESSION_KEY); } catch (e) { session = null; }

  // Maps keyed by answer id have no prototype: an id from an import file may be "constructor",
  // which a plain {} already answers (with Object), so it passed as an answer this workbook has.
  var mem = Object.create(null);   // answer id → {v: text or true/false, t: ms written, h: [{d, v}] for ratings}
  var base = Object.create(null);  // answer id → t of the record the fields on this page show
  var chain = Object.create(null); // answer id → the promise of its last write, so writes of one answer run in order
  var seq = Object.create(null);   // answer id → number of the newest write, so an older encryption never lands last
  var key = null;     // the lock's AES-GCM key while unlocked
  var lockInfo = null;
  var problem = store ? null : "blocked";
  var fields = Object.create(null); // answer id → its elements on this page
  var labels = Object.assign(Object.create(null), window.HEARTH_LABELS || {});

  function isQuota(e) {
    return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22 || e.code === 1014);
  }

  function clock(t) {
    try { return new Date(t).toLocaleTimeString(document.documentElement.lang || undefined, { hour: "2-digit", minute: "2-digit" }); }
    catch (e) { return new Date(t).toTimeString().substring(0, 5); }
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function longDate(ymd) {
    var p = ymd.split("-");
    try {
      return new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2])).toLocaleDateString(document.documentElement.lang || undefined,
        { day: "numeric", month: "short", year: "numeric" });
    } catch (e) { return ymd; }
  }

  // ---- The status line --------------------------------------------------------------------------
  var statusLine = $("[data-journal-status]");
  if (!statusLine && $("[data-answer]")) {
    statusLine = document.createElement("div");
    statusLine.className = "journal-status";
    statusLine.setAttribute("role", "status");
    statusLine.setAttribute("aria-live", "polite");
    statusLine.setAttribute("data-journal-status", "");
    ($("main") || body).appendChild(statusLine);
  }
  if (statusLine) {
    statusLine.id = statusLine.id || "journal-status";
    statusLine.setAttribute("tabindex", "-1"); // focus goes to it after an action whose result it says
  }
  var QUIET_MS = 1500;  // a pause in typing this long, and only then, is a save announced
  var quietTimer = null;
  var shownNow = "";

  /**
   * Says that an answer was saved once the typing pauses: the status line is a live region, and a
   * screen reader would otherwise read it out after every keystroke. Anything else said cancels it.
   */
  function sayWhenQuiet(text, kind) {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(function () { quietTimer = null; write(text, kind, false); }, QUIET_MS);
  }

  /** Says one thing calmly; a failure also offers the way out (export what is on the page now). */
  function say(text, kind, offerExport) {
    clearTimeout(quietTimer);
    quietTimer = null;
    write(text, kind, offerExport);
  }

  function write(text, kind, offerExport) {
    if (!statusLine) { return; }
    // The same words again would be announced again: leave the line as it is.
    var now = (kind || "info") + "|" + text + "|" + !!offerExport;
    if (now === shownNow) { return; }
    shownNow = now;
    statusLine.textContent = "";
    statusLine.setAttribute("data-state", kind || "info");
    var span = document.createElement("span");
    span.textContent = text;
    statusLine.appendChild(span);
    if (offerExport) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = T("js.exportNow");
      b.setAttribute("data-export-now", "");
      b.addEventListener("click", function () { exportJson(false); });
      statusLine.appendChild(document.createTextNode(" "));
      statusLine.appendChild(b);
    }
    if (kind === "locked") {
      var a = document.createElement("a");
      a.href = "answers.html#lock";
      a.textContent = T("js.unlockOnAnswers");
      statusLine.appendChild(document.createTextNode(" "));
      statusLine.appendChild(a);
    }
  }

  function sayFailure(e) {
    if (problem === "blocked") {
      say(T("js.notSavedBlocked"), "error", true);
    } else if (isQuota(e)) {
      say(T("js.notSavedFull"), "error", true);
    } else {
      say(T("js.notSavedRefused", e && e.name || T("js.unknownError")), "error", true);
    }
  }

  // ---- Reading and writing records --------------------------------------------------------------
  function b64(bytes) {
    var s = "";
    var a = new Uint8Array(bytes);
    for (var i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); }
    return btoa(s);
  }

  function unb64(s) {
    var bin = atob(s);
    var a = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { a[i] = bin.charCodeAt(i); }
    return a;
  }

  function encrypt(k, text, context) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return crypto.subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: enc.encode(context) }, k, enc.encode(text))
      .then(function (c) { return { iv: b64(iv), c: b64(c) }; });
  }

  function decrypt(k, box, context) {
    var open = function (c) {
      return crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(box.iv), additionalData: enc.encode(c) }, k, unb64(box.c))
        .then(function (p) { return dec.decode(p); });
    };
    // Sealed under the former key (copied over by copyFormer), its additional data names that key.
    if (FORMER && context.indexOf(NS) === 0) {
      return open(context).catch(function () { return open(FORMER + context.substring(NS.length)); });
    }
    return open(context);
  }

  /** The stored string for {@code id} as a record, decrypted if sealed; null if absent or unreadable. */
  function decode(id, raw) {
    if (raw === null || raw === undefined) { return Promise.resolve(null); }
    var r;
    try { r = JSON.parse(raw); } catch (e) { return Promise.resolve(null); }
    if (!r || typeof r !== "object" || typeof r.t !== "number") { return Promise.resolve(null); }
    if (r.c === undefined) { return Promise.resolve(r); }
    if (!key) { return Promise.resolve(null); }
    return decrypt(key, r, NS + id).then(function (text) {
      var inner = JSON.parse(text);
      return { v: inner.v, t: r.t, h: inner.h };
    }, function () { return null; });
  }

  /** The string to store for a record: plain JSON, or its text sealed with the lock's key. */
  function encode(id, rec) {
    if (!key) { return Promise.resolve(JSON.stringify(rec)); }
    var inner = { v: rec.v };
    if (rec.h) { inner.h = rec.h; }
    return encrypt(key, JSON.stringify(inner), NS + id).then(function (box) {
      return JSON.stringify({ t: rec.t, iv: box.iv, c: box.c });
    });
  }

  function rawGet(k) {
    if (!store) { return null; }
    try { return store.getItem(k); } catch (e) { return null; }
  }

  /** Writes one key; returns the error instead of throwing it. */
  function rawSet(k, value) {
    if (!store) { return { name: "SecurityError" }; }
    try { store.setItem(k, value); return null; } catch (e) { return e || { name: "Error" }; }
  }

  function rawRemove(k) {
    if (!store) { return; }
    try { store.removeItem(k); } catch (e) { /* nothing to undo */ }
  }

  function ourKeys() {
    var out = [];
    if (!store) { return out; }
    try {
      for (var i = 0; i < store.length; i++) {
        var k = store.key(i);
        if (k && k.indexOf(NS) === 0 && k !== LOCK) { out.push(k.substring(NS.length)); }
      }
    } catch (e) { /* treat as empty */ }
    return out;
  }

  function persist(id, rec) {
    var mine = seq[id] = (seq[id] || 0) + 1;
    return encode(id, rec).then(function (raw) {
      if (seq[id] !== mine) { return true; } // a newer write of this answer follows
      var err = problem === "blocked" ? { name: "SecurityError" } : rawSet(NS + id, raw);
      if (err) { sayFailure(err); return false; }
      if (problem !== "blocked") { problem = null; }
      askToPersistOnce();
      return true;
    });
  }

  // ---- Old answers: keyed by the title, raw strings --------------------------------------------
  function migrate() {
    if (!store || LEGACY === NS) { return; }
    var old = [];
    try {
      for (var i = 0; i < store.length; i++) {
        var k = store.key(i);
        if (k && k.indexOf(LEGACY) === 0) { old.push(k); }
      }
    } catch (e) { return; }
    var now = Date.now();
    old.forEach(function (k) {
      var id = k.substring(LEGACY.length);
      var v = rawGet(k);
      if (v === null || !ID.test(id)) { return; }
      if (rawGet(NS + id) === null) {
        // Before records had types, a ticked box was stored as the text "true".
        var el = fields[id] && fields[id][0];
        var box = el ? el.type === "checkbox" : /-\d+$/.test(id) && !/-\d+-\d+$/.test(id);
        var rec = { v: v === "true" && box ? true : v, t: now };
        if (rawSet(NS + id, JSON.stringify(rec))) { mem[id] = rec; return; } // full: keep the old key, show it anyway
      }
      rawRemove(k);
    });
  }

  /**
   * Copies the answers stored under the former language key once. Copied, not moved: that key may
   * also be a person's own site's, whose answers must stay where that site reads them.
   */
  function copyFormer() {
    if (!store || !FORMER || rawGet(MOVED) !== null) { return; }
    var old = [];
    try {
      for (var i = 0; i < store.length; i++) {
        var k = store.key(i);
        if (k && k.indexOf(FORMER) === 0) { old.push(k.substring(FORMER.length)); }
      }
    } catch (e) { return; }
    var full = false;
    old.forEach(function (id) {
      var v = rawGet(FORMER + id);
      if (v !== null && rawGet(NS + id) === null && rawSet(NS + id, v)) { full = true; }
    });
    if (!full) { rawSet(MOVED, String(Date.now())); } // full: try again next time
  }

  // ---- Fields on this page ----------------------------------------------------------------------
  $$("[data-answer]").forEach(function (el) {
    var id = el.getAttribute("data-answer");
    (fields[id] = fields[id] || []).push(el);
  });

  function kindOf(id) {
    var el = fields[id] && fields[id][0];
    return el ? (el.type === "checkbox" ? "box" : el.type === "radio" ? "rating" : el.type === "number" ? "number"
      : el.type === "date" ? "date" : "text") : "text";
  }

  function valueOf(id) {
    var els = fields[id];
    var first = els[0];
    if (first.type === "checkbox") { return first.checked; }
    if (first.type === "radio") {
      var on = els.filter(function (e) { return e.checked; })[0];
      return on ? on.value : "";
    }
    return first.value;
  }

  function show(id, rec) {
    (fields[id] || []).forEach(function (el) {
      var v = rec ? rec.v : "";
      if (el.type === "checkbox") { el.checked = v === true || v === "true"; }
      else if (el.type === "radio") { el.checked = String(v) === el.value; }
      else if (el.value !== String(v === undefined || v === null ? "" : v)) { el.value = String(v === undefined || v === null ? "" : v); }
    });
    if (kindOf(id) === "rating") { showHistory(id); }
  }

  function sameValue(a, b) { return String(a === undefined || a === null ? "" : a) === String(b === undefined || b === null ? "" : b); }

  /**
   * Saves the value on the page. If another tab wrote this answer after this page last saw it, the
   * two texts are both kept (this tab's first) and the status line says so.
   */
  function edit(id, forced) {
    chain[id] = (chain[id] || Promise.resolve()).then(function () {
      return latest(id).then(function (stored) {
        var mine = forced === undefined ? valueOf(id) : forced;
        var now = Date.now();
        var rec = { v: mine, t: Math.max(now, stored ? stored.t + 1 : 0, mem[id] ? mem[id].t + 1 : 0) };
        var merged = false;
        if (stored && stored.t > (base[id] || 0) && !sameValue(stored.v, mine) && !sameValue(stored.v, mem[id] && mem[id].v)
            && kindOf(id) === "text" && typeof stored.v === "string" && stored.v.trim() !== "" && mine.indexOf(stored.v) < 0) {
          rec.v = mine + (mine.trim() === "" ? "" : "\n\n") + T("js.alsoWritten", clock(stored.t)) + "\n" + stored.v;
          merged = true;
        }
        if (kindOf(id) === "rating") {
          var h = ((stored && stored.h) || (mem[id] && mem[id].h) || []).filter(function (x) { return x.d !== today(); });
          if (mine !== "") { h.push({ d: today(), v: mine }); }
          rec.h = h;
        }
        mem[id] = rec;
        base[id] = rec.t;
        if (merged) { show(id, rec); }
        if (rec.h) { showHistory(id); }
        return persist(id, rec).then(function (ok) {
          if (!ok) { return; }
          if (merged) {
            say(T("js.conflict", clock(rec.t)), "conflict");
          } else {
            sayWhenQuiet(T("js.saved", clock(rec.t)), "saved");
          }
          renderList();
        });
      });
    }).catch(function (e) { sayFailure(e); });
    return chain[id];
  }

  /** What storage holds for {@code id} now (another tab may have written since), or memory. */
  function latest(id) {
    if (!store || problem === "blocked") { return Promise.resolve(mem[id] || null); }
    return decode(id, rawGet(NS + id)).then(function (r) {
      if (r && (!mem[id] || r.t > mem[id].t)) { return r; }
      return mem[id] || r;
    });
  }

  // ---- Self-check and ratings ---------------------------------------------------------------------
  function trackerOf(el) { return el.closest ? el.closest("[data-tracker]") : null; }

  /** Null when {@code el}'s value is empty or a whole number on its tracker's scale, else a message. */
  function outOfScale(el) {
    var t = trackerOf(el);
    if (!t || el.type !== "number") { return null; }
    var min = Number(t.getAttribute("data-min"));
    var max = Number(t.getAttribute("data-max"));
    var v = el.value.trim();
    if (v === "" && !(el.validity && el.validity.badInput)) { return null; }
    var n = Number(v);
    if (v !== "" && /^\d+$/.test(v) && n >= min && n <= max) { return null; }
    return v ? T("js.notOnScale", v, min, max) : T("js.notOnScaleBad", min, max);
  }

  function trackerMessage(t, text) {
    var m = $("[data-tracker-message]", t);
    if (!m) {
      m = document.createElement("p");
      m.className = "tracker-message";
      m.setAttribute("role", "status");
      m.setAttribute("aria-live", "polite");
      m.setAttribute("data-tracker-message", "");
      m.id = "m-" + t.getAttribute("data-tracker");
      var table = $(".table-scroll", t) || $("table", t);
      if (table) { t.insertBefore(m, table); } else { t.appendChild(m); }
    }
    m.textContent = text;
  }

  function updateTrackers() {
    $$("[data-tracker]").forEach(function (t) {
      $$("[data-change]", t).forEach(function (cell) {
        var row = cell.getAttribute("data-change");
        var values = $$("input[data-row='" + row + "']", t).filter(function (i) { return i.value !== "" && !outOfScale(i); })
          .map(function (i) { return Number(i.value); });
        if (values.length < 2) { cell.textContent = ""; return; }
        var diff = values[values.length - 1] - values[0];
        cell.textContent = diff > 0 ? "+" + diff : diff === 0 ? "same" : String(diff);
      });
    });
  }

  /** Under a rating: every earlier dated answer, so a repeated check keeps its history. */
  function showHistory(id) {
    var first = fields[id] && fields[id][0];
    var set = first && first.closest ? first.closest("fieldset") : null;
    if (!set) { return; }
    var p = $("[data-rating-history]", set.parentNode);
    var h = (mem[id] && mem[id].h) || [];
    if (!h.length) { if (p) { p.textContent = ""; } return; }
    if (!p) {
      p = document.createElement("p");
      p.className = "rating-history";
      p.setAttribute("data-rating-history", id);
      set.parentNode.insertBefore(p, set.nextSibling);
    }
    p.textContent = T("js.soFar") + " " + h.map(function (x) { return longDate(x.d) + ": " + x.v; }).join(" · ");
  }

  function onInput(id, el) {
    if (locked()) { show(id, mem[id]); say(T("js.lockedNotSaved"), "locked"); return; }
    var t = trackerOf(el);
    if (t && el.type === "number") {
      var bad = outOfScale(el);
      trackerMessage(t, bad || "");
      invalid(el, bad ? "m-" + t.getAttribute("data-tracker") : null);
      updateTrackers();
      var col = el.getAttribute("data-answer").split("-").pop();
      var dateId = t.getAttribute("data-tracker") + "-date-" + col;
      if (bad) {
        // Nothing off the scale is kept, not even the keystroke before it ("1" of "1e3"), nor the
        // date that keystroke filled in.
        if (mem[id] && written(mem[id])) { edit(id, ""); }
        undate(t, col, dateId);
        return;
      }
      if (el.value === "") {
        undate(t, col, dateId);
      } else if (fields[dateId] && fields[dateId][0].value === "") {
        // The first valid score in a column dates that check today; the date stays editable.
        fields[dateId].forEach(function (d) { d.value = today(); });
        autoDated[dateId] = true;
        edit(dateId);
      }
    }
    if (fields[id].length > 1 && el.type !== "radio") {
      fields[id].forEach(function (other) { if (other !== el) { other.value = el.value; } });
    }
    edit(id);
  }

  var autoDated = Object.create(null); // date answer id → true while the date shown is one this visit filled in

  /** Takes back a date this visit filled in, once its column holds no valid score any more. */
  function undate(t, col, dateId) {
    if (!autoDated[dateId] || !fields[dateId] || fields[dateId][0].value !== today()) { return; }
    var scored = $$("input[data-row]", t).some(function (i) {
      return i.getAttribute("data-answer").split("-").pop() === col && i.value !== "" && !outOfScale(i);
    });
    if (scored) { return; }
    delete autoDated[dateId];
    fields[dateId].forEach(function (d) { d.value = ""; });
    edit(dateId);
  }

  // ---- The field being typed in stays in sight -------------------------------------------------
  // The status line sticks to the bottom of the screen; on a small phone (or with the keyboard
  // open) it can be several lines tall and cover the field under the finger. Focusing or typing
  // scrolls the field clear of it, and scroll-padding (site.css) follows its height for Tab.
  function keepInSight(el) {
    if (!statusLine || !el || !el.getBoundingClientRect || !statusLine.getClientRects().length) { return; }
    var s = statusLine.getBoundingClientRect();
    var view = window.visualViewport ? window.visualViewport.height : window.innerHeight;
    if (s.bottom < Math.min(view, window.innerHeight) - 2) { return; } // in its place, not stuck over the page
    var f = el.getBoundingClientRect();
    if (f.bottom <= s.top - 8 || f.top >= s.bottom) { return; }
    var delta = f.height <= s.top - 16 ? f.bottom - (s.top - 8) : f.top - 8;
    if (delta > 0) { window.scrollBy(0, delta); }
  }

  // Only fields one types in: scrolling under a finger that is pressing a box or a radio button
  // would move the page before the press ends, and the tap would be lost.
  function typedIn(el) {
    return !!el && el.hasAttribute && el.hasAttribute("data-answer") && (el.tagName === "TEXTAREA" || /^(text|number|date)$/.test(el.type));
  }

  if (statusLine) {
    document.addEventListener("focusin", function (e) { if (typedIn(e.target)) { keepInSight(e.target); } });
    document.addEventListener("input", function (e) { if (typedIn(e.target)) { keepInSight(e.target); } });
    if (window.visualViewport) {
      window.visualViewport.addEventListener("resize", function () { if (typedIn(document.activeElement)) { keepInSight(document.activeElement); } });
    }
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        document.documentElement.style.setProperty("--journal-status-height", statusLine.offsetHeight + "px");
      }).observe(statusLine);
    }
  }

  function bindFields() {
    Object.keys(fields).forEach(function (id) {
      fields[id].forEach(function (el) {
        var typing = el.tagName === "TEXTAREA" || el.type === "number" || el.type === "text";
        el.addEventListener(typing ? "input" : "change", function () { onInput(id, el); });
      });
    });
  }

  function showAll() {
    Object.keys(fields).forEach(function (id) {
      show(id, mem[id]);
      base[id] = mem[id] ? mem[id].t : 0;
    });
    updateTrackers();
  }

  function locked() { return !!lockInfo && !key; }

  function setDisabled(off) {
    Object.keys(fields).forEach(function (id) { fields[id].forEach(function (el) { el.disabled = off; }); });
  }

  // ---- Other tabs -------------------------------------------------------------------------------
  window.addEventListener("storage", function (e) {
    if (e.storageArea !== store) { return; }
    if (e.key === null || e.key === LOCK) { location.reload(); return; }
    if (e.key.indexOf(NS) !== 0) { return; }
    var id = e.key.substring(NS.length);
    decode(id, e.newValue).then(function (rec) {
      if (!rec) {
        if (e.newValue === null) { delete mem[id]; show(id, null); base[id] = 0; updateTrackers(); renderList(); }
        return;
      }
      if (mem[id] && mem[id].t >= rec.t) { return; }
      var el = fields[id] && fields[id][0];
      // A keystroke here not yet saved: leave the box alone; its save will keep both texts.
      if (el && document.activeElement === el && !sameValue(valueOf(id), mem[id] && mem[id].v)) { return; }
      mem[id] = rec;
      if (fields[id]) {
        show(id, rec);
        base[id] = rec.t;
        updateTrackers();
        sayWhenQuiet(T("js.synced", clock(rec.t)), "synced");
      }
      renderList();
    });
  });

  // ---- Persistent storage -----------------------------------------------------------------------
  var askedPersist = false;
  function askToPersistOnce() {
    if (askedPersist || !navigator.storage || !navigator.storage.persist) { return; }
    askedPersist = true;
    navigator.storage.persisted().then(function (yes) { return yes || navigator.storage.persist(); }).catch(function () { return false; });
  }

  // ---- Export -----------------------------------------------------------------------------------
  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function written(rec) { return rec && rec.v !== "" && rec.v !== false && rec.v !== null && rec.v !== undefined; }

  /** The answers as format "hearth-answers" version 1 (README, "Export format"). */
  function exportObject() {
    var answers = {};
    Object.keys(mem).sort().forEach(function (id) {
      var rec = mem[id];
      if (!written(rec)) { return; }
      var a = { value: rec.v, updatedAt: new Date(rec.t).toISOString() };
      if (rec.h && rec.h.length) { a.history = rec.h.map(function (x) { return { date: x.d, value: String(x.v) }; }); }
      if (labels[id]) { a.question = labels[id].title; a.page = labels[id].page || ""; }
      answers[id] = a;
    });
    return { format: FORMAT, version: 1, workbook: { id: WORKBOOK, title: TITLE }, exportedAt: new Date().toISOString(), answers: answers };
  }

  function exportJson(sealed) {
    var data = exportObject();
    if (!sealed) {
      download("my-answers.json", "application/json", JSON.stringify(data, null, 2));
      say(T("js.exported", Object.keys(data.answers).length), "info");
      return Promise.resolve();
    }
    return encrypt(key, JSON.stringify(data.answers), FORMAT + ":" + WORKBOOK).then(function (box) {
      var out = { format: FORMAT, version: 1, workbook: data.workbook, exportedAt: data.exportedAt,
        encryption: { cipher: "AES-GCM-256", kdf: "PBKDF2-SHA-256", iterations: lockInfo.iterations, salt: lockInfo.salt },
        sealed: { iv: box.iv, data: box.c } };
      download("my-answers-encrypted.json", "application/json", JSON.stringify(out, null, 2));
      say(T("js.exportedSealed", Object.keys(data.answers).length), "info");
    });
  }

  // ---- The privacy lock -------------------------------------------------------------------------
  function readLock() {
    var raw = rawGet(LOCK);
    if (!raw) { return null; }
    try {
      var l = JSON.parse(raw);
      return l && typeof l.salt === "string" && typeof l.iterations === "number" && l.check ? l : null;
    } catch (e) { return null; }
  }

  function restoreKey() {
    var raw = null;
    if (session) { try { raw = session.getItem(SESSION_KEY); } catch (e) { raw = null; } }
    if (!raw || !window.crypto || !crypto.subtle) { return Promise.resolve(null); }
    return crypto.subtle.importKey("raw", unb64(raw), { name: "AES-GCM" }, true, ["encrypt", "decrypt"])
      .then(function (k) { return decrypt(k, lockInfo.check, LOCK).then(function () { return k; }); })
      .catch(function () { return null; });
  }

  /** Every stored answer of this workbook, decrypted with the current key where sealed. */
  function loadAll() {
    var ids = ourKeys();
    return Promise.all(ids.map(function (id) {
      return decode(id, rawGet(NS + id)).then(function (rec) {
        if (rec && (!mem[id] || rec.t > mem[id].t)) { mem[id] = rec; }
      });
    }));
  }

  /** Ties {@code field} to the message that says what is wrong with it (or, with null, unties it). */
  function invalid(field, messageId) {
    if (!field) { return; }
    var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== messageId; });
    var mine = field.getAttribute("data-error-for");
    if (mine) { ids = ids.filter(function (x) { return x !== mine; }); }
    if (messageId) {
      ids.push(messageId);
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("data-error-for", messageId);
    } else {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("data-error-for");
    }
    if (ids.length) { field.setAttribute("aria-describedby", ids.join(" ")); } else { field.removeAttribute("aria-describedby"); }
  }

  // ---- My answers page ---------------------------------------------------------------------------
  // journal-answers.js runs after this script (both deferred, in document order) and hands over its
  // part through attach; start waits for it on My answers, so the page is ready only when whole.
  var answersPage = null;   // {setup, renderList} from journal-answers.js, on My answers only
  var attach = null;
  var answersArrived = !$("[data-answer-list]") && !$("[data-answer-tools]") ? Promise.resolve(null) : new Promise(function (ok) {
    attach = ok;
    // Every deferred script has run by the load event: if that one never came, go on without it.
    window.addEventListener("load", function () { delete window.hearthJournal; ok(null); });
  });

  function renderList() { if (answersPage) { answersPage.renderList(); } }

  /**
   * What journal-answers.js works with: this script's state and helpers. Only My answers gets it,
   * and only until that script has taken it: no page leaves the journal's insides (the lock's key
   * among them) on the window for longer.
   */
  if (attach) {
    window.hearthJournal = {
      attach: function (page) { delete window.hearthJournal; attach(page); },
      WORKBOOK: WORKBOOK, TITLE: TITLE, NS: NS, LOCK: LOCK, SESSION_KEY: SESSION_KEY, FORMAT: FORMAT, ID: ID,
      T: T, number: number, $: $, $$: $$, enc: enc, session: session, statusLine: statusLine, fields: fields, labels: labels, mem: mem,
      key: function () { return key; },
      setKey: function (k) { key = k; },
      lockInfo: function () { return lockInfo; },
      setLockInfo: function (l) { lockInfo = l; },
      problem: function () { return problem; },
      locked: locked,
      /** Empties the answers in memory (after Clear or Lock now); the object itself stays, shared with journal-answers.js. */
      forget: function () { Object.keys(mem).forEach(function (id) { delete mem[id]; }); },
      say: say, isQuota: isQuota, longDate: longDate, b64: b64, unb64: unb64, encrypt: encrypt, decrypt: decrypt, encode: encode,
      rawGet: rawGet, rawSet: rawSet, rawRemove: rawRemove, ourKeys: ourKeys, loadAll: loadAll, kindOf: kindOf,
      sameValue: sameValue, written: written, download: download, exportJson: exportJson, invalid: invalid
    };
  }

  // ---- Offline reading --------------------------------------------------------------------------
  // Only over http(s): from file:// the browser refuses both, and the site works without them.
  if (/^https?:$/.test(location.protocol)) {
    var manifest = document.createElement("link");
    manifest.rel = "manifest";
    manifest.href = "manifest.webmanifest";
    document.head.appendChild(manifest);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("sw.js").catch(function () { /* the site works without it */ });
    }
  }

  // ---- Start ------------------------------------------------------------------------------------
  function start() {
    migrate();
    copyFormer();
    lockInfo = readLock();
    var ready = lockInfo ? restoreKey().then(function (k) { key = k; }) : Promise.resolve();
    return ready.then(function () {
      if (locked()) { return; }
      return loadAll();
    }).then(function () {
      showAll();
      bindFields();
      if (locked()) {
        setDisabled(Object.keys(fields).length > 0);
        if (Object.keys(fields).length) { say(T("js.lockedPage"), "locked"); }
      } else if (problem === "blocked" && Object.keys(fields).length) {
        sayFailure(null);
      } else if (Object.keys(fields).length) {
        say(T("js.ready"), "info");
      }
      return answersArrived;
    }).then(function (page) {
      answersPage = page;
      if (page) { page.setup(); }
      renderList();
      body.setAttribute("data-journal-ready", "");
    });
  }

  start().catch(function (e) {
    say(T("js.loadFailed", e && e.name), "error");
    body.setAttribute("data-journal-ready", "");
  });
})();
