// `npm run dev`: Remix's dev server (the rebuilds' /ping and the live-reload websocket) and the app server both
// listen on loopback only, and an edited route still reaches a browser's live-reload connection.
// NOTE: `remix dev` rebuilds into build/ and empties public/build, where the built app the other tests use
// lives: it runs here on a copy of the project (its node_modules linked), never in the project itself.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { connects, otherAddress } from "./helpers";

const ROOT = process.cwd();
const COPIED = [
  "app",
  "demo",
  "prisma",
  "public",
  "scripts",
  "package.json",
  "prisma.config.ts",
  "remix.config.js",
  "remix.env.d.ts",
  "server.mjs",
  "tsconfig.json",
];

/** The sources `npm run dev` builds, in a folder of their own, with the project's installed packages. */
function copyProject(into: string) {
  for (const name of COPIED)
    fs.cpSync(path.join(ROOT, name), path.join(into, name), {
      recursive: true,
      filter: (from) => from !== path.join(ROOT, "public", "build"),
    });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(into, "node_modules"), "dir");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Processes of a process group. */
function groupPids(pgid: number) {
  const ps = spawnSync("ps", ["-eo", "pid=,pgid="], { encoding: "utf8" });
  return (ps.stdout ?? "")
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, group]) => pid && group === pgid)
    .map(([pid]) => pid);
}

/** The local addresses (address:port) these processes listen on for TCP, from `ss`; null without `ps` or `ss`. */
function listeningAddresses(pids: number[]) {
  const ss = spawnSync("ss", ["-ltnpH"], { encoding: "utf8" });
  if (!pids.length || ss.error || ss.status !== 0) return null;
  return ss.stdout
    .split("\n")
    .filter((line) => pids.some((pid) => line.includes(`pid=${pid},`)))
    .map((line) => line.trim().split(/\s+/)[3]);
}

/** A websocket to the dev server, opened by hand: what it sends arrives as text frames in `received()`. */
function liveReloadSocket(port: number) {
  let received = "";
  const socket = net.connect(port, "127.0.0.1");
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  socket.on("error", () => {});
  socket.once("connect", () =>
    socket.write(
      `GET /socket HTTP/1.1\r\nHost: localhost:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${Buffer.from("north-star-dev-1").toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    ),
  );
  return { received: () => received, close: () => socket.destroy() };
}

test.describe("npm run dev", () => {
  test.describe.configure({ timeout: 300_000 });

  test("the dev server and the app server listen on loopback only, and an edited route is announced for live reload", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-e2e-dev-"));
    copyProject(folder);
    const devPort = await freePort();
    let output = "";
    const dev = spawn("npm", ["run", "dev", "--", "--port", String(devPort)], {
      cwd: folder,
      // a process group of its own, so the end of the test stops npm, remix dev and the app server together
      detached: true,
      env: {
        ...process.env,
        PORT: "0",
        DATABASE_URL: "",
        DATA_DIR: path.join(folder, ".data"),
        SEED_DEMO: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    dev.stdout!.on("data", (c) => (output += c.toString()));
    dev.stderr!.on("data", (c) => (output += c.toString()));
    const exited = new Promise((resolve) => dev.on("exit", resolve));
    const socket = { close: () => {} };
    try {
      await expect
        .poll(() => output.includes("North Star is ready") || dev.exitCode !== null, {
          timeout: 200_000,
          intervals: [500],
        })
        .toBe(true);
      const port = Number(/North Star is ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
      expect(port, output).toBeGreaterThan(0);

      // every socket of npm run dev's processes is on loopback: the two servers, and nothing else
      const listening = listeningAddresses(groupPids(dev.pid!));
      if (listening) {
        expect(listening.sort()).toEqual([`127.0.0.1:${devPort}`, `127.0.0.1:${port}`].sort());
      } else
        test.info().annotations.push({ type: "note", description: "no `ps` or `ss` here: connections tried instead" });
      expect(await connects("127.0.0.1", devPort)).toBe(true);
      if (otherAddress) {
        expect(await connects(otherAddress, devPort), `dev server reachable on ${otherAddress}`).toBe(false);
        expect(await connects(otherAddress, port), `app server reachable on ${otherAddress}`).toBe(false);
      }

      // the app server tells the dev server it is ready (/ping) after a rebuild, and the websocket passes it on
      const live = liveReloadSocket(devPort);
      socket.close = live.close;
      await expect.poll(live.received, { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 101 /);
      const before = output.length;
      fs.appendFileSync(path.join(folder, "app", "routes", "_index.tsx"), "\n// edited\n");
      await expect
        .poll(() => output.slice(before), { timeout: 120_000, intervals: [500] })
        .toMatch(/app server ready[\s\S]*(hmr|live reload)/);
      expect(live.received()).toContain("file changed: app/routes/_index.tsx");
      expect(live.received()).toMatch(/"type":"(HMR|RELOAD)"/);
    } finally {
      socket.close();
      try {
        process.kill(-dev.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      try {
        process.kill(-dev.pid!, "SIGKILL");
      } catch {
        // every process of the group has stopped
      }
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
