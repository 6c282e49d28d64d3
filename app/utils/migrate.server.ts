// Applies prisma/migrations/*/migration.sql at start with plain `pg`, recording rows in Prisma's
// `_prisma_migrations` table (same DDL, sha256 checksum, advisory lock key), so `prisma migrate deploy` and
// this runner accept each other's work.
// Each migration runs in ONE explicit transaction together with its bookkeeping row: a failing migration
// leaves the database exactly as it was (no half-applied DDL, no failed row) and the error names it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const PRISMA_ADVISORY_LOCK = 72707369; // Prisma Migrate's key: the two runners exclude each other

const DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR ?? "prisma/migrations");

export class MigrationError extends Error {
  constructor(
    public migration: string,
    cause: unknown,
  ) {
    super(
      `Migration ${migration} failed: ${(cause as Error).message ?? String(cause)}. The database was left as it was before it.`,
    );
    this.name = "MigrationError";
  }
}

export type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

// NOTE: PGlite serves every socket connection from one backend session, so pg_advisory_lock never blocks
// there. Runs inside one process are chained; the data-folder lock keeps other processes out.
const g = globalThis as unknown as { __northStarMigrations?: Promise<unknown> };

/** Applies pending migrations and returns the names it applied. */
export function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const next = (g.__northStarMigrations ?? Promise.resolve()).catch(() => {}).then(() => applyLocked(url, dir));
  g.__northStarMigrations = next;
  return next;
}

async function applyLocked(url: string, dir: string): Promise<string[]> {
  const migrations = listMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
    await client.query(DDL);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
    const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at);
    if (failed.length) {
      // Prisma's rule (P3009): a migration that failed under Prisma's own runner blocks until resolved by hand
      throw new MigrationError(
        failed[0].migration_name,
        new Error("it is recorded as failed in _prisma_migrations; resolve it first"),
      );
    }
    const applied = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const prev = applied.get(m.name);
      if (prev) {
        if (prev !== m.checksum)
          console.warn(`[migrate] ${m.name} was changed after it was applied (checksum differs)`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [crypto.randomUUID(), m.checksum, m.name],
        );
        // no parameters: the simple query protocol runs the whole multi-statement script
        await client.query(m.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE migration_name = $1 AND finished_at IS NULL`,
          [m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(m.name, e);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`).catch(() => {});
    await client.end();
  }
}
