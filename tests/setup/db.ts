// Before every test file: a private database with the framework in it, handed to the app through DATABASE_URL.
//   embedded (default): a PGlite booted from the migrated template
//   DATABASE_URL set:   a throw-away database on that server, migrated by the app on first use, dropped after
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { startEmbeddedDb } from "~/utils/embedded-db.server";
import { seedFramework } from "~/models/framework.server";
import { closeDb, getPrisma } from "~/utils/db.server";

const base = (process.env.TEST_BASE_DATABASE_URL ??= process.env.DATABASE_URL ?? "");
process.env.SLOW_QUERY_MS ??= "5000";

if (!base) {
  const template = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const embedded = await startEmbeddedDb({ loadDataDir: template, maxConnections: 12 });
  process.env.DATABASE_URL = embedded.url;
  process.env.TEST_DB_MODE = "embedded";
  // one connection, as the app uses on the embedded database (see app/utils/db.server.ts)
  process.env.DB_POOL_MAX = "1";
  afterAll(async () => {
    await closeDb();
    await embedded.stop();
  });
} else {
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.TEST_DB_MODE = "postgres";
  afterAll(async () => {
    await closeDb();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
}

// the framework every page expects, written as start-up writes it (app/boot/boot.server.ts)
await seedFramework({ prisma: await getPrisma() });
