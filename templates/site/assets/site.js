// Hearth's site script. Answers are saved in this browser's localStorage as the reader types and
// never leave the device: this script makes no network request of any kind.
(function () {
  "use strict";

  var store = null;
  try { store = window.localStorage; store.getItem("hearth-test"); } catch (e) { store = null; }
  var ns = "hearth:" + (document.body.getAttribute("data-workbook") || "workbook") + ":";
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  // ---- Saving answers -------------------------------------------------------------------------
  function keyOf(el) { return ns + el.getAttribute("data-answer"); }

  function load(el) {
    var v = store.getItem(keyOf(el));
    if (v === null) { return; }
    if (el.type === "checkbox") { el.checked = v === "true"; }
    else if (el.type === "radio") { el.checked = el.value === v; }
    else { el.value = v; }
  }

  function save(el) {
    if (el.type === "radio" && !el.checked) { return; }
    var v = el.type === "checkbox" ? String(el.checked) : el.value;
    if (v === "" || v === "false") { store.removeItem(keyOf(el)); } else { store.setItem(keyOf(el), v); }
  }

  if (store) {
    $$("[data-answer]").forEach(function (el) {
      load(el);
      var typing = el.tagName === "TEXTAREA" || el.type === "number" || el.type === "text";
      el.addEventListener(typing ? "input" : "change", function () { save(el); updateTrackers(); });
    });
  }

  // ---- Self-check: how each line changed from the first dated column to the last ---------------
  function updateTrackers() {
    $$("[data-tracker]").forEach(function (t) {
      $$("[data-change]", t).forEach(function (cell) {
        var row = cell.getAttribute("data-change");
        var values = $$("input[data-row='" + row + "']", t).map(function (i) { return i.value; }).filter(function (v) { return v !== ""; });
        if (values.length < 2) { cell.textContent = ""; return; }
        var diff = Number(values[values.length - 1]) - Number(values[0]);
        cell.textContent = diff > 0 ? "+" + diff : diff === 0 ? "same" : String(diff);
      });
    });
  }
  updateTrackers();

  // ---- Page chrome and print ------------------------------------------------------------------
  // Controls that need this script are hidden by site.css until it runs (the CSP allows no inline script).
  document.documentElement.classList.add("js");
  $$("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // A printed textarea shows only what fits in its box, so each answer gets a print-only copy of its
  // full text (site.css shows it, or the ruled lines when it is empty). The copy is refreshed as the
  // reader types and again just before printing, whatever set the value.
  var printCopies = $$("textarea[data-answer]").map(function (t) {
    var copy = document.createElement("div");
    copy.className = "print-copy";
    copy.setAttribute("aria-hidden", "true");
    t.parentNode.insertBefore(copy, t.nextSibling);
    var sync = function () { if (copy.textContent !== t.value) { copy.textContent = t.value; } };
    t.addEventListener("input", sync);
    t.addEventListener("change", sync);
    sync();
    return sync;
  });
  var syncPrintCopies = function () { printCopies.forEach(function (sync) { sync(); }); };
  window.addEventListener("beforeprint", syncPrintCopies);
  if (window.matchMedia) {
    var printing = window.matchMedia("print");
    if (printing.addEventListener) { printing.addEventListener("change", syncPrintCopies); }
  }
  $$("textarea[rows]").forEach(function (t) { t.style.setProperty("--lines", t.getAttribute("rows")); });

  // ---- Prompt library filters -----------------------------------------------------------------
  var filters = $("[data-filters]");
  if (filters) {
    filters.hidden = false;
    var apply = function () {
      var want = {};
      $$("[data-filter]", filters).forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
      var shown = 0;
      $$(".library-item").forEach(function (item) {
        var ok = (!want.tag || (" " + item.getAttribute("data-tags") + " ").indexOf(" " + want.tag + " ") >= 0)
          && (!want.kind || item.getAttribute("data-kind") === want.kind)
          && (!want.intensity || item.getAttribute("data-intensity") === want.intensity);
        item.hidden = !ok;
        if (ok) { shown++; }
      });
      $$("[data-group]").forEach(function (g) { g.hidden = $$(".library-item:not([hidden])", g).length === 0; });
      $("[data-filter-count]").textContent = shown + (shown === 1 ? " prompt" : " prompts");
    };
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // ---- Search ---------------------------------------------------------------------------------
  // lunr (assets/lunr.min.js, loaded by search.html) stems English words, so "triggered" finds
  // "triggers"; both the pages and the query are folded first so that straight and curly
  // apostrophes ("can't", "can’t") are the same word. The query lives in the address (?q=), so
  // Back and shared links show the same results. Without lunr it falls back to plain matching.
  var box = $("[data-search]");
  if (box && window.HEARTH_INDEX) {
    var results = $("[data-search-results]");
    var count = $("[data-search-count]");
    var LIMIT = 50;
    var fold = function (s) {
      return String(s).toLowerCase().replace(/[\u0027\u0060\u00b4\u2018\u2019\u201b\u02bc\u2032]/g, "")
        .replace(/[\u0022\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033]/g, " ");
    };
    var lunrIndex = null;
    var searchIndex = function () {
      if (lunrIndex || !window.lunr) { return lunrIndex; }
      lunrIndex = window.lunr(function () {
        // No stop-word filter: a search for "can't" or "not" must not come back empty.
        this.pipeline.reset();
        this.pipeline.add(window.lunr.trimmer, window.lunr.stemmer);
        this.searchPipeline.reset();
        this.ref("i");
        this.field("title", { boost: 4 });
        this.field("summary", { boost: 2 });
        this.field("text");
        window.HEARTH_INDEX.forEach(function (item, i) {
          this.add({ i: String(i), title: fold(item.title), summary: fold(item.summary), text: fold(item.text) });
        }, this);
      });
      return lunrIndex;
    };
    var find = function (query) {
      var index = searchIndex();
      if (!index) {
        var words = fold(query).split(/\s+/).filter(Boolean);
        return window.HEARTH_INDEX.filter(function (item) {
          var hay = fold(item.title + " " + item.summary + " " + item.text);
          return words.every(function (w) { return hay.indexOf(w) >= 0; });
        });
      }
      // Each word is required, stemmed, and may still be being typed ("mirr" finds "mirror").
      var terms = window.lunr.tokenizer(fold(query)).map(function (t) {
        return window.lunr.stemmer(window.lunr.trimmer(t)).toString();
      }).filter(function (t) { return t.length > 0; });
      if (!terms.length) { return []; }
      return index.query(function (q) {
        terms.forEach(function (t) {
          q.term(t, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING, presence: window.lunr.Query.presence.REQUIRED });
        });
      }).map(function (hit) { return window.HEARTH_INDEX[Number(hit.ref)]; });
    };
    var keepInAddress = function (query) {
      try {
        history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname.split("/").pop());
      } catch (e) { /* some browsers refuse for file:// pages; the search still works */ }
    };
    var run = function () {
      var query = box.value.trim();
      keepInAddress(query);
      results.textContent = "";
      if (!query) { count.textContent = ""; return; }
      var hits = find(query);
      var noun = hits.length === 1 ? " result" : " results";
      count.textContent = hits.length > LIMIT
        ? "Showing " + LIMIT + " of " + hits.length + noun + ". Add a word to narrow them down."
        : hits.length + noun;
      hits.slice(0, LIMIT).forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = item.type === "prompt" ? " · prompt (" + item.kind + ") in " + item.summary : "";
        var p = document.createElement("p");
        p.textContent = item.type === "prompt" ? "" : item.summary;
        li.appendChild(a); li.appendChild(kind); li.appendChild(p);
        results.appendChild(li);
      });
    };
    var q = new URLSearchParams(location.search).get("q");
    if (q) { box.value = q; }
    box.addEventListener("input", run);
    box.form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    // Back to a page kept whole in memory: show what the address says.
    window.addEventListener("pageshow", function (e) { if (e.persisted) { run(); } });
    run();
  }

  // ---- My answers -----------------------------------------------------------------------------
  var list = $("[data-answer-list]");
  if (list && store) {
    var tools = $("[data-answer-tools]");
    var status = $("[data-answer-status]");
    tools.hidden = false;
    var labels = window.HEARTH_LABELS || {};
    var answers = function () {
      var all = {};
      for (var i = 0; i < store.length; i++) {
        var k = store.key(i);
        if (k.indexOf(ns) === 0) { all[k.substring(ns.length)] = store.getItem(k); }
      }
      return all;
    };
    var render = function () {
      var all = answers();
      var keys = Object.keys(all).sort();
      list.textContent = "";
      if (!keys.length) {
        var none = document.createElement("p");
        none.textContent = "Nothing written yet. Answers you type on any page appear here.";
        list.appendChild(none);
        return;
      }
      var groups = {};
      keys.forEach(function (k) {
        var label = labels[k] || { title: k, page: "Other", url: "index.html" };
        (groups[label.page || "My prompts"] = groups[label.page || "My prompts"] || []).push({ key: k, label: label });
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
          ans.textContent = all[a.key] === "true" ? "✓ ticked" : all[a.key];
          div.appendChild(q); div.appendChild(ans);
          section.appendChild(div);
        });
        list.appendChild(section);
      });
    };
    var download = function (name, type, text) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], { type: type }));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    };
    var title = document.body.getAttribute("data-workbook") || "workbook";
    $$("[data-export]").forEach(function (b) {
      b.addEventListener("click", function () {
        var all = answers();
        if (b.getAttribute("data-export") === "json") {
          download("my-answers.json", "application/json",
            JSON.stringify({ workbook: title, exported: new Date().toISOString(), answers: all }, null, 2));
        } else {
          var md = "# My answers: " + title + "\n";
          var last = null;
          Object.keys(all).sort().forEach(function (k) {
            var label = labels[k] || { title: k, page: "Other" };
            if (label.page !== last) { md += "\n## " + (label.page || "My prompts") + "\n"; last = label.page; }
            md += "\n**" + label.title + "**\n\n" + (all[k] === "true" ? "✓ ticked" : all[k]) + "\n";
          });
          download("my-answers.md", "text/markdown", md);
        }
        status.textContent = "Exported.";
      });
    });
    $("[data-import]").addEventListener("change", function (e) {
      var file = e.target.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var data = JSON.parse(reader.result);
          var incoming = data && data.answers;
          if (!incoming || typeof incoming !== "object") { throw new Error("no answers in this file"); }
          var n = 0;
          Object.keys(incoming).forEach(function (k) {
            if (typeof incoming[k] === "string") { store.setItem(ns + k, incoming[k]); n++; }
          });
          status.textContent = "Imported " + n + (n === 1 ? " answer." : " answers.");
          render();
        } catch (err) {
          status.textContent = "That file could not be imported: " + err.message + ". Choose a JSON file exported from this page.";
        }
      };
      reader.readAsText(file);
    });
    $("[data-clear]").addEventListener("click", function () {
      if (!window.confirm("Delete every answer saved in this browser for this workbook? This cannot be undone. Export first if you want a copy.")) { return; }
      Object.keys(answers()).forEach(function (k) { store.removeItem(ns + k); });
      status.textContent = "All answers were cleared.";
      render();
    });
    render();
  }
})();
