// Database commands (package.json "db:*"). DATABASE_URL set -> that server; unset -> the embedded
// database in $DATA_DIR/pglite, opened for the duration of the command.
//   migrate                 apply pending migrations
//   new-migration <name>    apply pending migrations, then write a migration for schema.prisma's changes
//   check                   exit 1 when schema.prisma and the migrations disagree
//   seed                    the framework, and demo data into a database without organizations
//                           (by default on the embedded database only; SEED_DEMO=0 or 1 decides)
//   reset                   drop everything, migrate, seed
//   rebuild-summaries       recompute the dashboard summary tables
import path from "node:path";
import { startEmbeddedDb } from "../app/utils/embedded-db.server.ts";
import { readEnv } from "../app/utils/env.server.ts";
import { describeStartupError } from "../app/utils/startup-error.ts";
import { PgMigrationFactory } from "./pg-migration-factory.ts";
import { diffMigrationsToSchema, migrateCreate } from "./wasm-engine.ts";

const SCHEMA = "prisma/schema.prisma";
const MIGRATIONS = "prisma/migrations";
const [cmd, arg] = process.argv.slice(2);
const commands = ["migrate", "new-migration", "check", "seed", "reset", "rebuild-summaries"];
if (!commands.includes(cmd)) {
  console.error(`usage: tsx scripts/db.ts ${commands.join(" | ")}`);
  process.exit(2);
}

async function main() {
  const env = readEnv();
  if (cmd === "check") {
    // Replays the migrations on a throw-away database and compares the result with schema.prisma.
    const shadow = await startEmbeddedDb({ maxConnections: 4 });
    try {
      const factory = new PgMigrationFactory(shadow.url, { shadow: () => startEmbeddedDb({ maxConnections: 2 }) });
      const r = await diffMigrationsToSchema(factory, SCHEMA, MIGRATIONS);
      const script = String(r.stdout ?? "").trim();
      if (r.exitCode === 2 || (script && !script.includes("This is an empty migration"))) {
        console.error(
          "schema.prisma and prisma/migrations disagree. Run `npm run db:new-migration -- <name>`. Missing SQL:\n" +
            script,
        );
        process.exitCode = 1;
      } else {
        console.log("db:check: schema.prisma and prisma/migrations agree");
      }
    } finally {
      await shadow.stop();
    }
    return;
  }

  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDb({ dataDir: path.join(env.DATA_DIR, "pglite"), maxConnections: 8 });
  const url = env.DATABASE_URL ?? embedded!.url;
  process.env.DATABASE_URL = url; // the app's db module opens this one instead of the folder again
  process.env.MIGRATE_ON_START = "0";
  process.env.SEED_ON_START = "0";
  const { applyMigrations } = await import("../app/utils/migrate.server.ts");
  try {
    if (cmd === "reset") {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      await client.end();
      console.log("db:reset: dropped every table");
    }
    const applied = await applyMigrations(url);
    console.log(`applied ${applied.length} migration(s)${applied.length ? ": " + applied.join(", ") : ""}`);
    if (cmd === "new-migration") {
      const factory = new PgMigrationFactory(
        url,
        embedded ? { shadow: () => startEmbeddedDb({ maxConnections: 2 }) } : {},
      );
      const created = await migrateCreate(factory, SCHEMA, MIGRATIONS, arg ?? "change");
      console.log(created ? `created prisma/migrations/${created}/migration.sql` : "no changes: no migration created");
    } else if (cmd === "seed" || cmd === "reset") {
      const { getPrisma } = await import("../app/utils/db.server.ts");
      const { seedFramework } = await import("../app/models/framework.server.ts");
      const prisma = await getPrisma();
      await seedFramework({ prisma });
      if (env.SEED_DEMO ? env.SEED_DEMO === "1" : !env.DATABASE_URL) {
        const { seedDemoOnFirstStart, demoSignInLines } = await import("../demo/start.ts");
        await seedDemoOnFirstStart({ prisma, log: console.log });
        for (const line of await demoSignInLines({ prisma })) console.log(line);
      }
    } else if (cmd === "rebuild-summaries") {
      const { getPrisma } = await import("../app/utils/db.server.ts");
      const { rebuildSummaries } = await import("../app/models/summary.server.ts");
      const counts = await rebuildSummaries({ prisma: await getPrisma() });
      console.log(`rebuilt summaries: ${JSON.stringify(counts)}`);
    }
  } finally {
    const { closeDb } = await import("../app/utils/db.server.ts");
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(describeStartupError(e));
  process.exit(1);
});
