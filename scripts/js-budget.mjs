// The JavaScript a browser downloads for each page (gzip), from the build's manifest: the entry, then the
// root and every route module on the way to the page, with their imports. Fails when a page exceeds the
// budget. Run after `npm run build`.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = Number(process.env.JS_BUDGET_KB ?? 120);
const dir = "public/build";
const manifestFile = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) {
  console.error("js-budget: no build found; run `npm run build` first");
  process.exit(1);
}
const source = fs.readFileSync(path.join(dir, manifestFile), "utf8");
const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));
const gzip = new Map();
const sizeOf = (url) => {
  if (!gzip.has(url)) gzip.set(url, zlib.gzipSync(fs.readFileSync(path.join("public", url))).length);
  return gzip.get(url);
};

const rows = [];
for (const route of Object.values(manifest.routes)) {
  const chain = [];
  for (let r = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) chain.unshift(r);
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const r of chain) {
    files.add(r.module);
    for (const i of r.imports ?? []) files.add(i);
  }
  const kb = [...files].reduce((n, f) => n + sizeOf(f), 0) / 1024;
  rows.push({ route: route.id, kb });
}
rows.sort((a, b) => b.kb - a.kb);
for (const r of rows)
  console.log(`${r.kb.toFixed(1).padStart(7)} KB  ${r.route}${r.kb > BUDGET_KB ? "   over budget" : ""}`);
const over = rows.filter((r) => r.kb > BUDGET_KB);
console.log(
  `js-budget: ${rows.length} pages, largest ${rows[0].kb.toFixed(1)} KB gzip, budget ${BUDGET_KB} KB: ${over.length ? `${over.length} over` : "all within"}`,
);
process.exit(over.length ? 1 : 0);
