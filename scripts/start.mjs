// `npm start`: build when the build is missing or older than the sources, then serve it with server.mjs.
// Without DATABASE_URL the app opens the embedded database in DATA_DIR (default .data), migrates it and, on
// first start, seeds the framework and demo data; it prints the demo sign-ins.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const BUILD = "build/index.js";
const SOURCES = ["app", "public", "remix.config.js", "package.json", "prisma/schema.prisma"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (p === "public" && entry === "build") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const builtAt = fs.existsSync(BUILD) ? fs.statSync(BUILD).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestMtime));
// `npm run dev` leaves a development build behind, which fails on every page in production mode
const devBuild = builtAt > 0 && /\bmode = "development"/.test(fs.readFileSync(BUILD, "utf8"));
if (builtAt < changedAt || devBuild) {
  console.log(
    !builtAt
      ? "[north-star] first start: building…"
      : devBuild
        ? "[north-star] replacing the development build…"
        : "[north-star] sources changed: building…",
  );
  const build = spawnSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// APP_URL unset: links in emails name the address and port the server listens on (app/utils/env.server.ts)
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? "production",
  // the local try-out on the embedded database shows written emails at /dev/outbox to this machine, so
  // invitation and reset links can be followed without a mail server (mailer.server.ts has the whole rule)
  DEV_OUTBOX: process.env.DEV_OUTBOX ?? (process.env.DATABASE_URL ? "0" : "1"),
};
const server = spawn(process.execPath, ["server.mjs"], { stdio: "inherit", env });
// A signal to this process goes on to the server, which lets its requests finish and closes the database; this
// process then exits with the server's code.
const stopServer = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopServer(signal));
// NOTE: `npm start` runs this through `sh -c`, and npm passes its SIGTERM only to that shell, which dies without
// passing it on: this process and the server would live on under init. So under npm, once that shell is gone,
// the server is stopped as on SIGTERM. (Started otherwise, say with nohup, this process may outlive its parent.)
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const watchParent = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watchParent);
    stopServer("SIGTERM");
  }, 200);
  watchParent.unref();
}
server.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
