// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) on a data folder, served over the ordinary wire
// protocol, so the app always talks to a postgres:// URL through @prisma/adapter-pg. PGlite asks no password,
// so it listens on a Unix socket in a folder only this account can enter (as PostgreSQL's own peer
// authentication would), never on a TCP port that any process or user of the machine could reach; its data
// folder is this account's alone too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; dataDir?: string; stop: () => Promise<void> };

const SOCKET_FOLDER = "north-star-db-";

/**
 * Whether a database URL is an embedded database's (this process's or another's that handed it over, as the
 * tests do): its host is the socket's folder. Its one PGlite session outlives the pool's connections.
 */
export function isEmbeddedUrl(url: string) {
  try {
    return path.basename(decodeURIComponent(new URL(url).hostname)).startsWith(SOCKET_FOLDER);
  } catch {
    return false;
  }
}

export class DataDirInUseError extends Error {
  constructor(
    public dataDir: string,
    public pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another process (pid ${pid}). ` +
        `Stop that process, or set DATA_DIR to another folder, or set DATABASE_URL.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// NOTE: PGlite takes no lock on its data folder; two processes opening it at once corrupt it. A lock file
// beside the folder (created with O_EXCL) keeps a second process out; a lock left by a dead process is stale.
export function lockDataDir(dir: string): () => void {
  const lock = `${path.resolve(dir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(lock, "utf8").trim());
      if (isAlive(pid)) throw new DataDirInUseError(dir, pid);
      fs.rmSync(lock, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}

export async function startEmbeddedDb(
  opts: {
    /** folder on disk; omit for an in-memory database */
    dataDir?: string;
    /** boot from a dumpDataDir() tarball (the migrated test template) */
    loadDataDir?: Blob;
    /** at least the pool size of every client: pglite-socket accepts one connection by default */
    maxConnections?: number;
  } = {},
): Promise<EmbeddedDb> {
  let unlock = () => {};
  let socketDir: string | undefined;
  if (opts.dataDir) {
    // PGlite creates only the last folder of its path
    fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
    unlock = lockDataDir(opts.dataDir);
  }
  try {
    if (opts.dataDir) fs.mkdirSync(path.resolve(opts.dataDir), { recursive: true, mode: 0o700 });
    const db = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
    // PGlite copies some of its files readable and writable by every account (the first WAL segment holds
    // password hashes and reset links): the folder is this account's alone, however it was made, so none of
    // its files can be reached by another (as PostgreSQL refuses a data directory others can enter)
    if (opts.dataDir) fs.chmodSync(path.resolve(opts.dataDir), 0o700);
    // mkdtemp makes the folder readable by this account only (0700): another user cannot reach the socket
    socketDir = fs.mkdtempSync(path.join(os.tmpdir(), SOCKET_FOLDER));
    const server = new PGLiteSocketServer({
      db,
      path: path.join(socketDir, ".s.PGSQL.5432"),
      maxConnections: opts.maxConnections ?? 10,
    });
    await server.start();
    const dir = socketDir;
    return {
      // the host is the socket's folder, percent-encoded as libpq and node-postgres read it
      url: `postgresql://postgres@${encodeURIComponent(dir)}/postgres`,
      dataDir: opts.dataDir,
      stop: async () => {
        try {
          await server.stop();
          await db.close();
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
          unlock();
        }
      },
    };
  } catch (e) {
    if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
    unlock();
    throw e;
  }
}
