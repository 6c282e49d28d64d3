// Scheduled jobs, for a cron: `npm run jobs -- reminders` writes the cycle reminders due today (the server
// also runs it every few minutes; running both, or twice, writes nothing twice).
// DATABASE_URL set -> that server; unset -> the embedded database in $DATA_DIR/pglite, opened for the command.
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "../app/utils/embedded-db.server.ts";
import { readEnv } from "../app/utils/env.server.ts";
import { describeStartupError } from "../app/utils/startup-error.ts";

const JOBS = ["reminders"] as const;
const usage = `usage: npm run jobs -- ${JOBS.join(" | ")}`;

async function main() {
  const job = process.argv[2];
  if (!JOBS.includes(job as (typeof JOBS)[number])) {
    console.error(usage);
    process.exit(2);
  }
  const env = readEnv();
  let embedded: EmbeddedDb | undefined;
  try {
    if (!env.DATABASE_URL) {
      embedded = await startEmbeddedDb({ dataDir: path.join(env.DATA_DIR, "pglite"), maxConnections: env.DB_POOL_MAX + 2 });
      process.env.DATABASE_URL = embedded.url; // the app's db module opens this one instead of the folder again
    }
    // imported only now, so the db module sees the URL
    const { getPrisma } = await import("../app/utils/db.server.ts");
    const { runReminders } = await import("../app/models/reminder.server.ts");
    const { sessionSecret } = await import("../app/utils/session.server.ts");
    const written = await runReminders({ prisma: await getPrisma(), appUrl: env.APP_URL, secret: sessionSecret() });
    console.log(`reminders: ${written} email(s) written to the outbox`);
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
