// Runs once when the server starts: open the database (migrating and seeding it) and say where the app is.
// A failure prints one line and stops the process: a server that cannot reach its database must not look
// healthy.
import { getDb } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import { sessionSecret } from "~/utils/session.server";
import { describeStartupError } from "~/utils/startup-error";

const g = globalThis as unknown as { __northStarStarted?: boolean };

export function startApp() {
  if (g.__northStarStarted) return;
  g.__northStarStarted = true;
  const env = readEnv();
  Promise.resolve()
    .then(() => {
      sessionSecret(); // production on a server refuses to start without SESSION_SECRET
      return getDb();
    })
    .then(
    (db) => {
      if (env.NODE_ENV === "test") return;
      const where = db.mode === "embedded" ? `the embedded database in ${env.DATA_DIR}` : "PostgreSQL (DATABASE_URL)";
      console.log(`[north-star] ready on ${where}; migrations applied at start: ${db.applied.length}`);
    },
    (e) => {
      console.error(`[north-star] ${describeStartupError(e)}`);
      if (env.NODE_ENV !== "test") process.exit(1);
    },
  );
}
