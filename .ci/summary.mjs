// Sums the JSON reports of Vitest and Playwright into one closing line, "N passed, N failed".
// A step that failed without a report (typecheck, lint, db:check, build, a crashed runner) counts as one failure.
import fs from "node:fs";
import path from "node:path";

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const read = (f) => (fs.existsSync(path.join(dir, f)) ? JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) : null);

for (const f of ["vitest-embedded.json", "vitest-postgres.json"]) {
  const r = read(f);
  if (!r) continue;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  console.log(`${f}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
const e2e = read("e2e.json");
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
  console.log(`e2e.json: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.skipped} skipped`);
}
const reports = {
  "tests (embedded database)": "vitest-embedded.json",
  "tests (PostgreSQL server)": "vitest-postgres.json",
  "end-to-end tests": "e2e.json",
};
const failuresIn = (r) => (r ? (r.numFailedTests ?? 0) + (r.stats?.unexpected ?? 0) : 0);
for (const step of failedSteps) {
  console.log(`step failed: ${step}`);
  // a runner that failed without a failing test in its report (a crash, a setup error) still counts once
  if (failuresIn(reports[step] ? read(reports[step]) : null) === 0) failed += 1;
}
if (passed === 0) {
  console.log("no test ran");
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
