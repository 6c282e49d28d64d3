// Run at the end of `npm run build`: the server build and the browser assets must carry nothing of the demo
// coalition, neither its published password nor its organizations' names (docs/decisions/018-start-up.md).
// The demo lives in demo/, which nothing in app/ imports; this catches an import that slips past the lint rule.
import fs from "node:fs";
import path from "node:path";
import { ORG_NAMES } from "../demo/content.ts";
import { FEATURED_ORGS } from "../demo/data.ts";
import { DEMO_PASSWORD } from "../demo/seed.ts";

/** What would betray the demo in a build: the password, and every demo organization's name and slug. */
export function demoMarkers() {
  return [DEMO_PASSWORD, ...FEATURED_ORGS.flatMap((o) => [o.name, o.slug]), ...ORG_NAMES.map(([name]) => name)];
}

function* filesUnder(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** Each file under the folders that holds a demo marker, with the markers it holds. */
export function demoTraces(dirs: string[], markers = demoMarkers()) {
  const found: { file: string; markers: string[] }[] = [];
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const text = fs.readFileSync(file, "utf8");
      const hits = markers.filter((m) => text.includes(m));
      if (hits.length) found.push({ file, markers: hits });
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const traces = demoTraces(["build", "public/build"]);
  if (traces.length) {
    console.error("The build carries demo data (app/ must not import demo/):");
    for (const t of traces) console.error(`  ${t.file}: ${t.markers.slice(0, 5).join(", ")}`);
    process.exit(1);
  }
}
