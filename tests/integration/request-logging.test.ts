// What a request leaves in the server's log: the app's handleError (app/entry.server.tsx) behind the HTTP server
// (server.mjs) and Remix's request handler, on a small build whose loaders redirect, answer 404 or fail. What
// anyone can ask for logs nothing, so it cannot fill the log; an error of the server itself is still logged.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { redirect } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi, type MockInstance } from "vitest";
import { handleError } from "~/entry.server";
import { applySecurityHeaders } from "~/utils/security.server";
import { createApp } from "../../server.mjs";
import { expectConsoleError } from "../setup/console";

const page = { default: () => null };
const build = {
  mode: "production",
  entry: {
    module: {
      default: (_request: Request, status: number) =>
        new Response("page", { status, headers: { "Content-Type": "text/html" } }),
      handleError,
    },
  },
  routes: {
    root: { id: "root", path: "", module: page },
    "routes/private": {
      id: "routes/private",
      parentId: "root",
      path: "private",
      module: {
        ...page,
        loader: () => {
          throw redirect("/login?redirectTo=%2Fprivate");
        },
      },
    },
    "routes/missing": {
      id: "routes/missing",
      parentId: "root",
      path: "missing",
      module: {
        ...page,
        loader: () => {
          throw new Response("Not found", { status: 404 });
        },
      },
    },
    "routes/broken": {
      id: "routes/broken",
      parentId: "root",
      path: "broken",
      module: {
        ...page,
        loader: () => {
          throw new Error("the database went away");
        },
      },
    },
  },
  assets: { entry: { imports: [], module: "/build/entry.js" }, routes: {}, url: "/build/manifest.js", version: "1" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: { v3_singleFetch: true },
  isSpaMode: false,
};

let server: Server;
let base: string;
beforeAll(async () => {
  const app = createApp({ getBuild: () => build, applySecurityHeaders, trustProxy: 0, mode: "production" });
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

// console.error fails any test that does not expect it (tests/setup/console.ts); the other ways out are watched here
let spies: MockInstance[] = [];
const quiet = () => (spies = [vi.spyOn(console, "warn"), vi.spyOn(console, "log"), vi.spyOn(console, "info")]);
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
  spies = [];
});

describe("what anyone can ask for logs nothing", () => {
  test("a signed-out request for a page's data, old (?_data) or new (.data): a redirect, and no log", async () => {
    quiet();
    const old = await fetch(`${base}/private?_data=routes%2Fprivate`, { redirect: "manual" });
    expect(old.status).toBe(204);
    expect(old.headers.get("X-Remix-Redirect")).toBe("/login?redirectTo=%2Fprivate");
    const current = await fetch(`${base}/private.data`, { redirect: "manual" });
    expect(current.status).toBe(202);
    const document = await fetch(`${base}/private`, { redirect: "manual" });
    expect(document.status).toBe(302);
    expect(console.error).not.toHaveBeenCalled();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  test("404s, a _data route that is not on the address, a post to a page without an action: answered, not logged", async () => {
    quiet();
    const answers = await Promise.all([
      fetch(`${base}/missing?_data=routes%2Fmissing`),
      fetch(`${base}/missing.data`),
      fetch(`${base}/missing`),
      fetch(`${base}/nowhere?_data=root`),
      fetch(`${base}/nowhere`),
      fetch(`${base}/private?_data=routes%2Fbroken`),
      fetch(`${base}/private?_data=no-such-route`),
      fetch(`${base}/?_data=root`),
      fetch(`${base}/missing`, { method: "POST", headers: { Origin: base } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 403, 403, 400, 405]);
    expect(console.error).not.toHaveBeenCalled();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("an error of the server itself", () => {
  test("a loader that fails is logged, whichever way its data is asked for", async () => {
    for (const path of ["/broken?_data=routes%2Fbroken", "/broken.data", "/broken"]) {
      const { result, logged } = await expectConsoleError(() => fetch(`${base}${path}`));
      expect(result.status, path).toBe(500);
      expect(logged.join("\n"), path).toContain("the database went away");
    }
  });
});
