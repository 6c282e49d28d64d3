// Scheduled jobs, for a cron: `npm run jobs -- reminders` writes the cycle reminders due today (the server
// also runs it every few minutes; running both, or twice, writes nothing twice).
// DATABASE_URL set -> that server; unset -> the embedded database in $DATA_DIR/pglite, opened for the command.
import { readEnv } from "../app/utils/env.server.ts";
import { describeStartupError } from "../app/utils/startup-error.ts";
import { withAppDatabase } from "./app-database.ts";

const JOBS = ["reminders"] as const;
const usage = `usage: npm run jobs -- ${JOBS.join(" | ")}`;

async function main() {
  const job = process.argv[2];
  if (!JOBS.includes(job as (typeof JOBS)[number])) {
    console.error(usage);
    process.exit(2);
  }
  const env = readEnv();
  await withAppDatabase(async () => {
    const { getPrisma } = await import("../app/utils/db.server.ts");
    const { runReminders } = await import("../app/models/reminder.server.ts");
    const { sessionSecret } = await import("../app/utils/session.server.ts");
    const written = await runReminders({ prisma: await getPrisma(), appUrl: env.APP_URL, secret: sessionSecret() });
    console.log(`reminders: ${written} email(s) written to the outbox`);
  });
}

main().catch((e) => {
  console.error(describeStartupError(e));
  process.exit(1);
});
