// The embedded database is this account's alone: PGlite asks no password and copies some of its files
// readable by every account, so its socket and its data folder are where no other account can reach.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "vitest";
import { isEmbeddedUrl, startEmbeddedDb } from "~/utils/embedded-db.server";

test("listens on a socket in a folder only this account enters, and keeps its data folder to itself", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-perm-"));
  const dataDir = path.join(root, "pglite");
  // a folder made open by someone else (or by an older version) is closed at start
  fs.mkdirSync(dataDir, { mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  const db = await startEmbeddedDb({ dataDir });
  try {
    // known as embedded by its URL alone, also in another process it is handed to (no statement is named there)
    expect(isEmbeddedUrl(db.url)).toBe(true);
    expect(isEmbeddedUrl("postgresql://postgres@127.0.0.1:5432/postgres")).toBe(false);
    const url = new URL(db.url);
    // the host is the socket's folder, never an address a TCP client could reach
    const socketDir = decodeURIComponent(url.hostname);
    expect(socketDir.startsWith("/")).toBe(true);
    expect(fs.statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await client.end();
    await db.stop();
    // the socket's folder goes with the server
    expect(fs.existsSync(socketDir)).toBe(false);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
