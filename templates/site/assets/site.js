// Hearth's site script: the frame guard, printing, prompt filters and search. Answers are
// journal.js's work. Neither script makes a network request of any kind.

// Interface strings in the page's language: the catalogue's js.* keys, put in each page by
// layout.ftlh in the body's data-strings (templates/messages/<lang>.properties); {0}, {1} are filled in literally.
var hearthStrings = (function () {
  try { return JSON.parse(document.body.getAttribute("data-strings") || "{}"); } catch (e) { return {}; }
}());
function hearthT(key) {
  var s = Object.prototype.hasOwnProperty.call(hearthStrings, key) ? hearthStrings[key] : key;
  for (var i = 1; i < arguments.length; i++) { s = s.split("{" + (i - 1) + "}").join(String(arguments[i])); }
  return s;
}

// Another site could show this workbook inside a frame of its own and trick a person into typing
// or clicking there. Hosts that send the header file's frame-ancestors 'none' block that outright;
// for hosts that cannot send headers (GitHub Pages) the script refuses instead: inside a frame it
// removes every field and button, says why and links to the page on its own, and the journal does
// not start. The text stays readable, so help such as the safety page's numbers is never hidden.
var hearthFramed = (function () {
  var framed;
  try { framed = window.top !== window.self; } catch (e) { framed = true; }
  if (!framed) { return false; }
  document.documentElement.setAttribute("data-framed", "");
  var main = document.getElementById("main") || document.body;
  var note = document.createElement("div");
  note.className = "callout";
  note.setAttribute("role", "alert");
  note.setAttribute("data-framed-note", "");
  var why = document.createElement("p");
  why.textContent = hearthT("js.framed");
  var open = document.createElement("a");
  open.href = window.location.href;
  open.target = "_top";
  open.textContent = hearthT("js.openAlone");
  var p = document.createElement("p");
  p.appendChild(open);
  note.appendChild(why);
  note.appendChild(p);
  Array.prototype.forEach.call(document.querySelectorAll("input, textarea, select, button"), function (el) { el.remove(); });
  main.insertBefore(note, main.firstChild);
  return true;
})();

(function () {
  "use strict";
  if (hearthFramed) { return; }

  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

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
      $("[data-filter-count]").textContent = hearthT(shown === 1 ? "js.promptCount.one" : "js.promptCount.many", shown);
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
    // Accents are folded too (a reader types "emocion" or "nino" as often as "emoción", "niño"), and
    // lunr's stemmer is English: other languages match word beginnings unstemmed.
    var english = /^en\b/i.test(document.documentElement.lang || "en");
    var fold = function (s) {
      return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[\u0027\u0060\u00b4\u2018\u2019\u201b\u02bc\u2032]/g, "")
        .replace(/[\u0022\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u00bf\u00a1]/g, " ");
    };
    var stem = function (t) { return english ? window.lunr.stemmer(t) : t; };
    var lunrIndex = null;
    var searchIndex = function () {
      if (lunrIndex || !window.lunr) { return lunrIndex; }
      lunrIndex = window.lunr(function () {
        // No stop-word filter: a search for "can't" or "not" must not come back empty.
        this.pipeline.reset();
        this.pipeline.add(window.lunr.trimmer);
        if (english) { this.pipeline.add(window.lunr.stemmer); }
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
        return stem(window.lunr.trimmer(t)).toString();
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
      count.textContent = hits.length > LIMIT
        ? hearthT("js.showing", LIMIT, hits.length)
        : hearthT(hits.length === 1 ? "js.result" : "js.results", hits.length);
      hits.slice(0, LIMIT).forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = item.type === "prompt" ? " " + hearthT("js.promptIn", hearthT("js.kind." + item.kind), item.summary) : "";
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

})();
