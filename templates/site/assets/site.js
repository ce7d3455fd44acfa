// Hearth's site script: printing, prompt filters and search. Answers are journal.js's work. Neither
// script makes a network request of any kind.
(function () {
  "use strict";

  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  // ---- Print this page ------------------------------------------------------------------------
  $$("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
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
  var box = $("[data-search]");
  if (box && window.HEARTH_INDEX) {
    var results = $("[data-search-results]");
    var count = $("[data-search-count]");
    var run = function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      results.textContent = "";
      if (!words.length) { count.textContent = ""; return; }
      var hits = window.HEARTH_INDEX.filter(function (item) {
        var hay = (item.title + " " + item.summary + " " + item.text).toLowerCase();
        return words.every(function (w) { return hay.indexOf(w) >= 0; });
      });
      hits.sort(function (a, b) { return (b.title.toLowerCase().indexOf(words[0]) >= 0) - (a.title.toLowerCase().indexOf(words[0]) >= 0); });
      count.textContent = hits.length + (hits.length === 1 ? " result" : " results");
      hits.slice(0, 50).forEach(function (item) {
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
    run();
  }

})();
