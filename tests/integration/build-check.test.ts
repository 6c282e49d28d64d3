// The production build carries nothing of the demo coalition: `npm run build` ends with scripts/check-build.ts,
// which fails the build when the demo password or a demo organization's name is in build/ or public/build/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { demoMarkers, demoTraces } from "../../scripts/check-build";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-build-check-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the demo stays out of the build", () => {
  test("the check finds the demo password and an organization's name wherever they are in a build", () => {
    fs.mkdirSync(path.join(tmp, "server", "assets"), { recursive: true });
    fs.writeFileSync(path.join(tmp, "server", "index.js"), 'const DEMO_PASSWORD = "north-star-demo";');
    fs.writeFileSync(path.join(tmp, "server", "assets", "names.js"), '["Voces Campesinas","Neighbors United"]');
    fs.writeFileSync(path.join(tmp, "server", "clean.js"), "export const ok = 1;");
    const traces = demoTraces([path.join(tmp, "server"), path.join(tmp, "absent")]);
    expect(traces.map((t) => path.relative(tmp, t.file)).sort()).toEqual([
      path.join("server", "assets", "names.js"),
      path.join("server", "index.js"),
    ]);
    expect(traces.flatMap((t) => t.markers)).toEqual(
      expect.arrayContaining(["north-star-demo", "Voces Campesinas", "Neighbors United"]),
    );
    expect(demoMarkers()).toContain("Comité de Trabajadores del Valle");
  });

  // after `npm run build`: the server bundle, the create-admin command and the browser assets as built
  test.runIf(fs.existsSync("build/index.js"))("the current build holds none of it", () => {
    expect(demoTraces(["build", "public/build"])).toEqual([]);
  });
});
