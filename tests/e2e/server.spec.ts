// The built app behind its own HTTP server (server.mjs): headers on every kind of response, odd methods, where
// it listens, what it prints at start, and its refusal to put demo accounts on a network.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { rawRequest } from "../raw-http";
import { connects, otherAddress } from "./helpers";

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toBe("same-origin");
  expect(h["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(h["strict-transport-security"], what).toMatch(/max-age=\d+/);
  expect(h["x-powered-by"], what).toBeUndefined();
}

/** Whether a process is still there. */
function processState(pid: number) {
  try {
    process.kill(pid, 0);
    return "running";
  } catch {
    return "gone";
  }
}

/** Ends what a test started, whatever state it was left in. */
function killAll(...pids: (number | undefined)[]) {
  for (const pid of pids)
    try {
      if (pid) process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
}

test.describe("every response", () => {
  test("resource routes, redirects, 404s, 405s and static files carry the security headers", async ({ request }) => {
    const health = await request.get("/healthz");
    expect(health.status()).toBe(200);
    expectSecurityHeaders(health, "/healthz");
    const catalog = await request.get("/locales/en");
    expect(catalog.status()).toBe(200);
    expectSecurityHeaders(catalog, "/locales/en");
    const redirect = await request.get("/movement", { maxRedirects: 0 });
    expect(redirect.status()).toBe(302);
    expectSecurityHeaders(redirect, "redirect");
    const missing = await request.get("/no-such-page");
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing, "404");
    const icon = await request.get("/favicon.svg");
    expect(icon.status()).toBe(200);
    expectSecurityHeaders(icon, "favicon");
    const script = /"(\/build\/[^"]+\.js)"/.exec(await (await request.get("/")).text())?.[1];
    expect(script).toBeTruthy();
    const asset = await request.get(script!);
    expect(asset.status()).toBe(200);
    expectSecurityHeaders(asset, "build asset");
    expect(asset.headers()["cache-control"]).toContain("immutable");
  });

  test("TRACE, TRACK, CONNECT and other odd methods answer 405, not 500", async ({ request, baseURL }) => {
    for (const method of ["TRACE", "PROPFIND"]) {
      const res = await request.fetch("/", { method });
      expect(res.status(), method).toBe(405);
      expectSecurityHeaders(res, method);
    }
    expect(await rawRequest(baseURL!, "TRACK / HTTP/1.1\r\nHost: localhost\r\n\r\n")).toMatch(/^HTTP\/1\.1 405 /);
    expect(await rawRequest(baseURL!, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n")).toMatch(
      /^HTTP\/1\.1 405 /,
    );
  });

  test("the try-out's outbox answers this machine", async ({ request }) => {
    const res = await request.get("/dev/outbox");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-security-policy"]).toContain("'nonce-");
  });
});

// ---- servers of this test's own, on free ports and fresh data folders ----

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startServer(env: Record<string, string>, unset: string[] = []): Started {
  let output = "";
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "",
    PORT: "0",
    DEV_OUTBOX: "1",
    ...env,
  };
  for (const name of unset) delete base[name];
  const child = spawn(process.execPath, ["server.mjs"], {
    env: base,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c) => (output += c.toString()));
  child.stderr!.on("data", (c) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function readyAddress(server: Started) {
  await expect
    .poll(() => server.output().includes("North Star is ready") || server.child.exitCode !== null, {
      timeout: 170_000,
      intervals: [500],
    })
    .toBe(true);
  const match = /North Star is ready at (http:\/\/\S+:(\d+))/.exec(server.output());
  expect(match, server.output()).not.toBeNull();
  return { url: match![1], port: Number(match![2]) };
}

async function stop(server: Started) {
  server.child.kill("SIGTERM");
  await server.exited;
}

test.describe("a server of its own", () => {
  test.describe.configure({ timeout: 400_000 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-e2e-server-"));
  test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test("started like npm start: one ready line after the database, loopback only, then no demo accounts on a network", async () => {
    // a first start on a new folder, with the demo data npm start writes
    const first = startServer({ DATA_DIR: dataDir });
    let port: number;
    try {
      ({ port } = await readyAddress(first));
      const out = first.output();
      expect(out.match(/North Star is ready/g)).toHaveLength(1);
      expect(out).toContain(`North Star is ready at http://127.0.0.1:${port} (embedded database in ${dataDir})`);
      // the ready line comes after the seeding, and nothing reads as a problem
      expect(out.indexOf("demo data written")).toBeLessThan(out.indexOf("North Star is ready"));
      expect(out).not.toMatch(/slow query|error|warn|listening/i);

      // what anyone can ask for writes nothing to the log: signed-out requests for page data, old style
      // (?_data) and new (.data), an organization's page, an address no route matches, a post without an action
      const base = `http://127.0.0.1:${port}`;
      const asked = [
        "/movement?_data=routes%2Fmovement._index",
        "/o/comite-de-trabajadores-del-valle?_data=routes%2Fo.%24org._index",
        "/o/comite-de-trabajadores-del-valle?_data=root",
        "/movement?_data=no-such-route",
        "/movement.data",
        "/o/comite-de-trabajadores-del-valle",
        "/no-such-page",
      ];
      for (const path of asked)
        expect((await fetch(`${base}${path}`, { redirect: "manual" })).status, path).toBeLessThan(500);
      expect((await fetch(`${base}/`, { method: "POST", headers: { Origin: base } })).status).toBe(405);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(first.output().slice(out.length), "the log after those requests").toBe("");

      // links in emails name the port the server got (PORT=0): a reset link, as the outbox shows it
      const reset = await fetch(`${base}/forgot-password`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=admin%40northstar.example",
      });
      expect(reset.status).toBe(302);
      const outbox = await (await fetch(`${base}/dev/outbox?to=admin%40northstar.example`)).text();
      expect(outbox).toMatch(new RegExp(`href="http://127\\.0\\.0\\.1:${port}/reset-password/[A-Za-z0-9_-]{43}"`));

      expect(await connects("127.0.0.1", port)).toBe(true);
      if (otherAddress) expect(await connects(otherAddress, port), `reachable on ${otherAddress}`).toBe(false);
      else
        test
          .info()
          .annotations.push({ type: "note", description: "this machine has no non-loopback IPv4 address to try" });
    } finally {
      await stop(first);
    }

    // the same folder, now asked to listen on every interface: refused, with the way out
    const exposed = startServer({ DATA_DIR: dataDir, HOST: "0.0.0.0" });
    try {
      expect(await exposed.exited).toBe(1);
      expect(exposed.output()).toContain("North Star will not listen on 0.0.0.0");
      expect(exposed.output()).toContain("SEED_DEMO=0");
      expect(exposed.output()).not.toContain("North Star is ready");
    } finally {
      exposed.child.kill("SIGTERM");
    }
  });

  test("npm start, then SIGTERM to npm: the request under way is answered, the database closes, nothing keeps running", async () => {
    let output = "";
    // npm runs the script through a shell: the signal reaches npm, never the server directly
    const npm = spawn("npm", ["start"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", PORT: "0", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    npm.stdout!.on("data", (c) => (output += c.toString()));
    npm.stderr!.on("data", (c) => (output += c.toString()));
    const npmExited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
    let serverPid = 0;
    try {
      const { port } = await readyAddress({ child: npm, output: () => output, exited: npmExited });
      // the embedded database's lock file names the server's process
      const lock = `${path.join(dataDir, "pglite")}.lock`;
      serverPid = Number(fs.readFileSync(lock, "utf8"));
      expect(serverPid).toBeGreaterThan(0);
      expect(serverPid).not.toBe(npm.pid);

      // a sign-in whose form is still arriving when the signal comes
      const body = "email=nobody%40example.org&password=not-the-password";
      const socket = net.connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (c) => (answer += c.toString()));
      const ended = new Promise((resolve) => socket.on("close", resolve));
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(
        `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stoppedAt = Date.now();
      npm.kill("SIGTERM");
      // no new connection is taken while the request finishes
      await expect.poll(() => connects("127.0.0.1", port), { timeout: 3_000, intervals: [100] }).toBe(false);
      expect(answer).toBe("");
      socket.write(body.slice(10));
      await ended;
      expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);

      // npm, the start script and the server are gone, the data folder's lock with them, within a few seconds
      await npmExited;
      await expect.poll(() => processState(serverPid), { timeout: 5_000, intervals: [100] }).toBe("gone");
      expect(fs.existsSync(lock)).toBe(false);
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      expect(output).not.toMatch(/error/i);
    } finally {
      // a failed run leaves nothing behind either
      killAll(npm.pid, serverPid);
    }
  });

  test("npm run serve, then SIGTERM to npm: the server stops with it", async () => {
    let output = "";
    const folder = path.join(dataDir, "serve-stop");
    const npm = spawn("npm", ["run", "serve"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: "",
        PORT: "0",
        DATA_DIR: folder,
        SEED_DEMO: "0",
        SESSION_SECRET: "a session secret for this test only and long enough",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    npm.stdout!.on("data", (c) => (output += c.toString()));
    npm.stderr!.on("data", (c) => (output += c.toString()));
    const npmExited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
    let serverPid = 0;
    try {
      const { port } = await readyAddress({ child: npm, output: () => output, exited: npmExited });
      const lock = `${path.join(folder, "pglite")}.lock`;
      serverPid = Number(fs.readFileSync(lock, "utf8"));
      expect(serverPid).toBeGreaterThan(0);
      npm.kill("SIGTERM");
      await npmExited;
      await expect.poll(() => processState(serverPid), { timeout: 5_000, intervals: [100] }).toBe("gone");
      expect(await connects("127.0.0.1", port)).toBe(false);
      expect(fs.existsSync(lock)).toBe(false);
    } finally {
      killAll(npm.pid, serverPid);
    }
  });

  test("HOST=0.0.0.0 on a new folder: no demo data, reachable from the network", async () => {
    test.skip(!otherAddress, "this machine has no non-loopback IPv4 address");
    const server = startServer({ DATA_DIR: path.join(dataDir, "network"), HOST: "0.0.0.0" });
    try {
      const { port } = await readyAddress(server);
      expect(server.output()).toContain(`North Star is ready at http://0.0.0.0:${port}`);
      expect(server.output()).not.toContain("demo sign-ins");
      // no proxy it trusts: visited over plain http:// from the network, nobody could stay signed in
      expect(server.output()).toContain("Signing in needs HTTPS");
      const res = await fetch(`http://${otherAddress}:${port}/healthz`);
      expect(res.status).toBe(200);
      // the outbox does not face the network, even to this machine
      expect((await fetch(`http://127.0.0.1:${port}/dev/outbox`)).status).toBe(404);
    } finally {
      await stop(server);
    }
  });

  test("started like npm run serve, without NODE_ENV: production, so the outbox is off", async () => {
    const server = startServer({ DATA_DIR: path.join(dataDir, "serve"), SEED_DEMO: "0" }, ["NODE_ENV", "DEV_OUTBOX"]);
    try {
      const { port } = await readyAddress(server);
      expect((await fetch(`http://127.0.0.1:${port}/dev/outbox`)).status).toBe(404);
    } finally {
      await stop(server);
    }
  });
});
