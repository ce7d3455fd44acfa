// Loads one page of a built site in headless Chromium, first visit (empty cache, fresh profile),
// on emulated fast 3G (1.6 Mbps down, 750 kbps up, 150 ms round trip), and reports what it
// transferred (every response's bytes on the wire, headers included, from CDP Network events) and
// when its text was readable (first contentful paint; with font-display: swap the text shows in a
// fallback font until the web fonts arrive) and when the last web font arrived. First paint also
// needs the CPU; on a busy machine it lags behind the network, so the time the page and its
// stylesheet (all that blocks rendering) had arrived is reported too.
// Usage: node measure.mjs SITE_DIR PAGE RUNS
import http from "node:http";
import { readFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { join, normalize, extname } from "node:path";
import { tmpdir } from "node:os";
import { spawn } from "node:child_process";
import CDP from "chrome-remote-interface";

const [siteDir, page = "acknowledge.html", runsArg = "5"] = process.argv.slice(2);
const runs = Number(runsArg);
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
  ".woff2": "font/woff2", ".ttf": "font/ttf", ".json": "application/json" };

// Served under a subpath, uncompressed (the worst case: many static hosts gzip HTML, CSS and JS).
const server = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/workbook\//, "");
  const file = normalize(join(siteDir, path));
  if (!file.startsWith(normalize(siteDir)) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  const body = readFileSync(file);
  res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream", "Content-Length": body.length });
  res.end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/workbook/${page}`;

function launch(profile) {
  return new Promise((ok, fail) => {
    const chrome = spawn("/usr/bin/chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
      `--user-data-dir=${profile}`, "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    chrome.stderr.on("data", (d) => {
      err += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) { ok({ chrome, port: Number(m[1]) }); }
    });
    chrome.on("exit", () => fail(new Error("chromium exited: " + err)));
  });
}

async function once() {
  const profile = mkdtempSync(join(tmpdir(), "hearth-weight-"));
  const { chrome, port } = await launch(profile);
  try {
    const client = await CDP({ port });
    const { Network, Page, Runtime, Emulation } = client;
    const bytes = new Map();
    const urls = new Map();
    Network.responseReceived((e) => urls.set(e.requestId, e.response.url));
    Network.loadingFinished((e) => bytes.set(e.requestId, e.encodedDataLength));
    await Network.enable();
    await Network.setCacheDisabled({ cacheDisabled: true });
    await Network.emulateNetworkConditions({ offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await Emulation.setDeviceMetricsOverride({ width: 390, height: 844, deviceScaleFactor: 1, mobile: true });
    await Page.enable();
    const loaded = Page.loadEventFired();
    await Page.navigate({ url });
    await loaded;
    const { result } = await Runtime.evaluate({ awaitPromise: true, returnByValue: true, expression: `
      document.fonts.ready.then(() => new Promise((ok) => setTimeout(ok, 300))).then(() => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const fonts = performance.getEntriesByType("resource").filter((r) => /\\.(woff2?|ttf)$/.test(r.name));
        const css = performance.getEntriesByType("resource").filter((r) => /\.css$/.test(r.name));
        return { fcp: fcp ? fcp.startTime : null, fonts: fonts.length ? Math.max(...fonts.map((r) => r.responseEnd)) : 0,
                 blocking: Math.max(performance.getEntriesByType("navigation")[0].responseEnd, ...css.map((r) => r.responseEnd)),
                 load: performance.getEntriesByType("navigation")[0].loadEventEnd,
                 timeline: performance.getEntriesByType("resource").map((r) => r.name.split("/").pop() + " " + Math.round(r.startTime) + "-" + Math.round(r.responseEnd)).concat(performance.getEntriesByType("paint").map((p) => p.name + " " + Math.round(p.startTime)), ["html " + Math.round(performance.getEntriesByType("navigation")[0].responseEnd), "dcl " + Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd)]) };
      })` });
    await client.close();
    let total = 0;
    const each = [];
    for (const [id, n] of bytes) { total += n; each.push([urls.get(id) || id, n]); }
    return { total, each, ...result.value };
  } finally {
    chrome.kill();
    await new Promise((ok) => chrome.on("exit", ok));
    try { rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); } catch (e) { /* a helper process still closing; /tmp is cleaned anyway */ }
  }
}

const results = [];
if (process.env.TIMELINE) { console.log((await once()).timeline.join("\n")); }
for (let i = 0; i < runs; i++) { results.push(await once()); }
server.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const last = results[results.length - 1];
console.log(`page: ${page}, first visit, fast 3G (1.6 Mbps, 150 ms RTT), ${runs} runs, medians`);
for (const [u, n] of last.each.sort((a, b) => b[1] - a[1])) {
  console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KB  ${u.replace(/^http:\/\/[^/]+\/workbook\//, "")}`);
}
console.log(`transferred:            ${(median(results.map((r) => r.total)) / 1024).toFixed(1)} KB (${results.map((r) => r.each.length)[0]} requests)`);
console.log(`page and CSS arrived:    ${(median(results.map((r) => r.blocking)) / 1000).toFixed(2)} s (the network's part of text readable)`);
console.log(`text readable (FCP):    ${(median(results.map((r) => r.fcp)) / 1000).toFixed(2)} s`);
console.log(`last web font arrived:  ${(median(results.map((r) => r.fonts)) / 1000).toFixed(2)} s`);
console.log(`load event:             ${(median(results.map((r) => r.load)) / 1000).toFixed(2)} s`);
