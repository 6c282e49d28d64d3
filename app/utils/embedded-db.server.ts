// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) on a data folder, served on 127.0.0.1 over the
// ordinary wire protocol, so the app always talks to a postgres:// URL through @prisma/adapter-pg.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; dataDir?: string; stop: () => Promise<void> };

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
  if (opts.dataDir) {
    // PGlite creates only the last folder of its path
    fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
    unlock = lockDataDir(opts.dataDir);
  }
  try {
    const db = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: 0,
      maxConnections: opts.maxConnections ?? 10,
    });
    await server.start();
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres`,
      dataDir: opts.dataDir,
      stop: async () => {
        try {
          await server.stop();
          await db.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
