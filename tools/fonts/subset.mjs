// One-off: makes the website's WOFF2 fonts from the theme's TTFs (the PDF keeps the full TTFs).
// Each face keeps Latin-1, General Punctuation and every other character found in content/ and in
// the site templates, so authors' own text in Western European languages still renders in the
// theme's fonts; anything else falls back to the system font named after it in site.css.
// Run from this folder: npm ci && node subset.mjs  (rerun after adding content in another script).
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "templates", "site", "assets", "fonts");

function walk(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { walk(path, found); }
    else if (/\.(md|ya?ml|ftlh|js)$/.test(name)) { found.push(path); }
  }
  return found;
}

const chars = new Set();
const range = (from, to) => { for (let c = from; c <= to; c++) { chars.add(String.fromCodePoint(c)); } };
range(0x20, 0x7e);     // ASCII
range(0xa0, 0xff);     // Latin-1 Supplement
range(0x2000, 0x206f); // General Punctuation: dashes, curly quotes, ellipsis, bullets
for (const c of ["\u0152", "\u0153", "\u0160", "\u0161", "\u0178", "\u017d", "\u017e", "\u0192", "\u02c6", "\u02dc", "\u20ac", "\u2122", "\u2212"]) {
  chars.add(c); // the rest of Windows-1252 (Œ œ Š š Ÿ Ž ž ƒ ˆ ˜ € ™) and the minus sign
}
for (const file of [...walk(join(root, "content")), ...walk(join(root, "templates", "site"))]) {
  for (const c of readFileSync(file, "utf8")) { if (c.codePointAt(0) >= 0x20) { chars.add(c); } }
}
const FEATURES = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"];
const text = [...chars].sort().join("");

mkdirSync(out, { recursive: true });
let total = 0;
for (const face of ["Yrsa-Regular", "Yrsa-Italic", "Yrsa-Bold", "Yrsa-BoldItalic", "Lato-Regular", "Lato-Bold"]) {
  const ttf = readFileSync(join(root, "templates", "fonts", face + ".ttf"));
  // Screens render without TrueType hinting instructions, and only the features running text uses
  // are kept: alternates (small caps, old-style figures, fractions…) would pull in glyphs no page shows.
  const woff2 = await subsetFont(ttf, text, { targetFormat: "woff2", noHinting: true, keepFeatures: FEATURES });
  writeFileSync(join(out, face + ".woff2"), woff2);
  total += woff2.length;
  console.log(`${face}.woff2  ${(woff2.length / 1024).toFixed(1)} KB  (TTF ${(ttf.length / 1024).toFixed(1)} KB)`);
}
console.log(`${chars.size} characters; ${(total / 1024).toFixed(1)} KB in all`);
