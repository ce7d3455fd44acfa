// Saves answers in this browser's localStorage as the reader types. Nothing is ever sent anywhere.
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (e) { return; }
  var ns = "hearth:" + (document.body.getAttribute("data-workbook") || "workbook") + ":";

  function key(el) { return ns + el.getAttribute("data-answer"); }

  function load(el) {
    var v = store.getItem(key(el));
    if (v === null) { return; }
    if (el.type === "checkbox") { el.checked = v === "true"; }
    else if (el.type === "radio") { el.checked = el.value === v; }
    else { el.value = v; }
  }

  function save(el) {
    var v = el.type === "checkbox" ? String(el.checked) : el.value;
    if (el.type === "radio" && !el.checked) { return; }
    if (v === "" || v === "false") { store.removeItem(key(el)); } else { store.setItem(key(el), v); }
  }

  var fields = document.querySelectorAll("[data-answer]");
  Array.prototype.forEach.call(fields, function (el) {
    load(el);
    el.addEventListener(el.tagName === "TEXTAREA" || el.type === "number" ? "input" : "change", function () { save(el); });
  });
})();
