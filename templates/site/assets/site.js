// Hearth's site script: the frame guard, printing, prompt filters and search. Answers are
// journal.js's work. Neither script makes a network request of any kind.

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
  why.textContent = "This workbook has been opened inside another website. To keep what you write safe from tricks such as hidden "
    + "buttons laid over the fields, writing and saving are turned off here.";
  var open = document.createElement("a");
  open.href = window.location.href;
  open.target = "_top";
  open.textContent = "Open it on its own";
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
