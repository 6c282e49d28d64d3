// What a person sees when start-up goes wrong: one clear line, exit code 1, and a database left as it was.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { startEmbeddedDb } from "~/utils/embedded-db.server";
import { applyMigrations, listMigrations, MigrationError } from "~/utils/migrate.server";

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-startup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function dbCommand(args: string[], env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/db.ts", ...args], { env: childEnv, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("start-up faults", () => {
  test("an unreachable DATABASE_URL: one line naming host and database, exit 1, no stack", async () => {
    const r = await dbCommand(["migrate"], {
      DATABASE_URL: "postgresql://northstar:secret@127.0.0.1:9/northstar_prod",
    });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot reach database "northstar_prod" on 127\.0\.0\.1:9 \(ECONNREFUSED\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain("secret");
  });

  test.runIf(process.env.TEST_DB_MODE === "postgres")(
    "a database that does not exist on the server: one clear line, exit 1",
    async () => {
      const url = new URL(process.env.TEST_BASE_DATABASE_URL!);
      url.pathname = "/no_such_database_north_star";
      const r = await dbCommand(["migrate"], { DATABASE_URL: url.toString() });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/database "no_such_database_north_star" on .* does not exist/);
    },
  );

  test("a data folder held by another process: says which, exit 1, and the folder still opens afterwards", async () => {
    const dataDir = path.join(tmp, "held");
    const holder = await startEmbeddedDb({ dataDir: path.join(dataDir, "pglite") });
    let released = false;
    try {
      const r = await dbCommand(["migrate"], { DATABASE_URL: undefined, DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`is in use by another process (pid ${process.pid})`);
      await holder.stop();
      released = true;
      const again = await dbCommand(["migrate"], { DATABASE_URL: undefined, DATA_DIR: dataDir });
      expect(again.stderr).toBe("");
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/applied \d+ migration/);
    } finally {
      if (!released) await holder.stop();
    }
    // two child processes, each starting tsx and a fresh embedded database: minutes on a busy machine
  }, 240_000);
});

describe("migrations", () => {
  test("a failing migration leaves the database exactly as it was and names the migration", async () => {
    const dir = path.join(tmp, "migrations");
    fs.cpSync("prisma/migrations", dir, { recursive: true });
    const broken = "29991231000000_broken";
    fs.mkdirSync(path.join(dir, broken));
    fs.writeFileSync(
      path.join(dir, broken, "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" INTEGER);\nALTER TABLE "Practice" ADD COLUMN "extra" TEXT;\nTHIS IS NOT SQL;\n`,
    );
    const url = process.env.DATABASE_URL!;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await applyMigrations(url); // the current ones, so only the broken one is pending
      const before = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
      const error = await applyMigrations(url, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/^Migration 29991231000000_broken failed: syntax error/);
      const tables = await client.query(`SELECT to_regclass('"HalfDone"') AS t`);
      expect(tables.rows[0].t).toBeNull();
      const cols = await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Practice' AND column_name = 'extra'`,
      );
      expect(cols.rowCount).toBe(0);
      const after = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
      expect(after.rows).toEqual(before.rows);

      // once fixed, it applies and is recorded like Prisma's own runner records it
      fs.writeFileSync(path.join(dir, broken, "migration.sql"), `CREATE TABLE "HalfDone" ("id" INTEGER);\n`);
      expect(await applyMigrations(url, dir)).toEqual([broken]);
      const row = await client.query(
        `SELECT checksum, finished_at, applied_steps_count FROM "_prisma_migrations" WHERE migration_name = $1`,
        [broken],
      );
      expect(row.rows[0].finished_at).not.toBeNull();
      expect(row.rows[0].applied_steps_count).toBe(1);
      expect(row.rows[0].checksum).toBe(listMigrations(dir).find((m) => m.name === broken)!.checksum);
      expect(await applyMigrations(url, dir)).toEqual([]);
    } finally {
      await client.query(
        `DROP TABLE IF EXISTS "HalfDone"; DELETE FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
      );
      await client.end();
    }
  });
});
