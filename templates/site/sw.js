// Hearth's service worker (the two lines above are written by the build). It keeps exactly this
// build's files in one cache named after the build, so a reader can open the workbook offline and
// an update is never half old, half new: a new build's worker fills its own cache completely
// before it takes over (only once every tab of the old one is closed), then deletes the old cache.
// It never sees what readers type: answers stay in the page's localStorage.
"use strict";

var PREFIX = "hearth:" + self.registration.scope + ":";
var CACHE = PREFIX + HEARTH_BUILD;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // cache: "reload" skips the HTTP cache, so no file of an older build slips in.
    return cache.addAll(HEARTH_FILES.map(function (f) { return new Request(f, { cache: "reload" }); }));
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(self.registration.scope) !== 0) { return; }
  var url = new URL(request.url);
  url.search = "";
  url.hash = "";
  var path = url.href.charAt(url.href.length - 1) === "/" ? url.href + "index.html" : url.href;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(path).then(function (hit) {
      if (hit) { return hit; }
      return fetch(request).catch(function () {
        return cache.match(new URL("404.html", self.registration.scope).href).then(function (page) {
          return page || Response.error();
        });
      });
    });
  }));
});
