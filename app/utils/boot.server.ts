// Runs once when the server starts: open the database (migrating and seeding it) and tell the HTTP server
// (server.mjs) where to listen and whether it may. A failure prints one line and stops the process: a server
// that cannot reach its database must not look healthy.
import { countDemoPasswordAccounts } from "~/models/demo-seed.server";
import { getDb } from "~/utils/db.server";
import { isLoopback, readEnv, type Env } from "~/utils/env.server";
import { devOutboxEnabled } from "~/utils/mailer.server";
import { demoSignInLines } from "~/utils/seed-on-start.server";
import { sessionSecret } from "~/utils/session.server";
import { describeStartupError } from "~/utils/startup-error";

export type AppReady = {
  host: string;
  port: number;
  /** proxy hops whose X-Forwarded-For entries are believed */
  trustProxy: number;
  /** where the data lives, for the start-up line */
  database: string;
  /** lines to print after the start-up line (the demo sign-ins) */
  notes: string[];
};

/** Why the server must not listen where it was asked to, or null when it may. */
export function listenRefusal({ env, demoAccounts }: { env: Env; demoAccounts: number }) {
  if (!demoAccounts || isLoopback(env.HOST)) return null;
  const where = env.DATABASE_URL ? "the database (DATABASE_URL)" : `the embedded database in ${env.DATA_DIR}`;
  return [
    `North Star will not listen on ${env.HOST}: ${demoAccounts} demo account(s) in ${where} still sign in with the published demo password.`,
    "Start without demo data, either:",
    `  - on a new data folder: DATA_DIR=<new folder> SEED_DEMO=0 HOST=${env.HOST} npm start`,
    `  - or remove everything in this database, demo data included: SEED_DEMO=0 npm run db:reset, then start with SEED_DEMO=0 HOST=${env.HOST}`,
    "Or leave HOST unset to try the demo on this machine only (127.0.0.1).",
  ].join("\n");
}

/**
 * What to say at start when emails reach nobody: no mail server and no outbox on this machine. Invitations and
 * password resets are then written but never delivered, which an admin otherwise learns only from a lead who
 * waits for a link.
 */
export function mailNote(env: Env) {
  if (env.SMTP_URL || devOutboxEnabled(env)) return null;
  return "No mail server (SMTP_URL is not set): invitations, password resets and reminders reach nobody. Set SMTP_URL and MAIL_FROM to send them.";
}

const g = globalThis as unknown as { __northStarStarted?: Promise<AppReady> };

/**
 * Opens the database and decides where the server may listen. Once per process: dev rebuilds re-import the
 * server build and get the same answer. Exits with one line when the database cannot be opened or the demo
 * accounts would face a network.
 */
export function startApp(): Promise<AppReady> {
  return (g.__northStarStarted ??= ready().catch((e) => {
    console.error(`[north-star] ${describeStartupError(e)}`);
    process.exit(1);
  }));
}

async function ready(): Promise<AppReady> {
  const env = readEnv();
  sessionSecret(); // production on a server refuses to start without SESSION_SECRET
  const db = await getDb();
  const demoAccounts = await countDemoPasswordAccounts({ prisma: db.prisma });
  const refusal = listenRefusal({ env, demoAccounts });
  if (refusal) throw new Error(refusal);
  const notes = demoAccounts ? await demoSignInLines({ prisma: db.prisma }) : [];
  const mail = mailNote(env);
  if (mail) notes.push(mail);
  db.startSlowQueryLog();
  return {
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
    database: db.mode === "embedded" ? `embedded database in ${env.DATA_DIR}` : "PostgreSQL from DATABASE_URL",
    notes,
  };
}
