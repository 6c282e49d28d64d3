// Runs once when the server starts: read the environment, open the database (db.server.ts migrates it), seed
// it, and tell the HTTP server (server.mjs) where to listen and whether it may. A failure prints one line and
// stops the process: a server that cannot reach its database must not look healthy.
// Start-up sits on the top floor beside entry.server.tsx: it may use models and utils, and nothing imports it
// but the entry.
import { countDemoPasswordAccounts } from "~/models/demo-accounts.server";
import { seedFramework } from "~/models/framework.server";
import { stopOutboxWorker } from "~/boot/outbox-worker.server";
import { closeDb, getDb, stopDbOnSignalElsewhere, type Prisma } from "~/utils/db.server";
import { getEnv, isLoopback, serverListensOn, type Env } from "~/utils/env.server";
import { deliversEmail, noteDemoAccountsAtStart } from "~/utils/mailer.server";
import { sessionSecret } from "~/utils/session.server";
import { describeStartupError } from "~/utils/startup-error";

/**
 * The demo coalition's part of the start (demo/start.ts). It is outside app/ so that the production build
 * carries neither the demo password nor its names; server.mjs hands over a loader for it.
 */
export type DemoStart = {
  seedDemoOnFirstStart: (args: { prisma: Prisma; log: (line: string) => void }) => Promise<void>;
  demoSignInLines: (args: { prisma: Prisma }) => Promise<string[]>;
};

export type StartOptions = {
  /** loads demo/start.ts; absent or failing where the demo folder or the development packages are missing */
  loadDemo?: () => Promise<DemoStart>;
  /** the caller stops the app on SIGINT/SIGTERM with stopApp (server.mjs, once its requests have finished) */
  stopsOnSignal?: boolean;
};

export type AppReady = {
  host: string;
  port: number;
  /** proxy hops whose X-Forwarded-For entries are believed */
  trustProxy: number;
  /** where the data lives, for the start-up line */
  database: string;
  /** lines to print after the start-up line (the demo sign-ins) */
  notes: string[];
  /** server.mjs says which port it listens on once it does: PORT=0 picks one, and links name it (APP_URL) */
  listening: (port: number) => void;
};

/** A value as one word of a shell command (quoted when it holds anything but letters, digits and . _ / -). */
function shellWord(value: string) {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Why the server must not listen where it was asked to, or null when it may. */
export function listenRefusal({ env, demoAccounts }: { env: Env; demoAccounts: number }) {
  if (!demoAccounts || isLoopback(env.HOST)) return null;
  const where = env.DATABASE_URL ? "the database (DATABASE_URL)" : `the embedded database in ${env.DATA_DIR}`;
  // the reset names the same database as this start, or it would empty another (the default folder)
  const same = env.DATABASE_URL ? "with the same DATABASE_URL, " : `DATA_DIR=${shellWord(env.DATA_DIR)} `;
  return [
    `North Star will not listen on ${env.HOST}: ${demoAccounts} demo account(s) in ${where} still sign in with the published demo password.`,
    "Start without demo data, either:",
    `  - on a new data folder: DATA_DIR=<new folder> SEED_DEMO=0 HOST=${env.HOST} npm start`,
    `  - or remove everything in this database, demo data included: ${same}SEED_DEMO=0 npm run db:reset, then start with ${same}SEED_DEMO=0 HOST=${env.HOST}`,
    "Or leave HOST unset to try the demo on this machine only (127.0.0.1).",
  ].join("\n");
}

/**
 * What to say at start when emails reach nobody: no mail server and no outbox on this machine. Password resets
 * and reminders are then written but never delivered, which an admin otherwise learns only from someone who
 * waits for a link; an invitation's link is shown to whoever sends it.
 */
export function mailNote(env: Env) {
  if (deliversEmail(env)) return null;
  return "No mail server (SMTP_URL is not set): password resets and reminders reach nobody, and an invitation's link is shown to whoever sends it, to pass on. Set SMTP_URL and MAIL_FROM to send them.";
}

/**
 * A production server reached from a network without a proxy it trusts is being visited over plain HTTP: its
 * session cookie is sent over HTTPS only, so a browser signs in and is sent back to the sign-in page with no
 * word of why. Said at start-up, with what to do.
 */
export function httpsNote(env: Env) {
  if (env.NODE_ENV !== "production" || isLoopback(env.HOST) || env.TRUST_PROXY > 0) return null;
  return "Signing in needs HTTPS: browsers keep this server's session cookie over HTTPS only. Put a TLS proxy in front of it and set TRUST_PROXY=1 (README: Production); over plain http:// nobody stays signed in.";
}

const g = globalThis as unknown as { __northStarStarted?: Promise<AppReady> };

/**
 * Opens the database and decides where the server may listen. Once per process: dev rebuilds re-import the
 * server build and get the same answer. Exits with one line when the database cannot be opened or the demo
 * accounts would face a network.
 */
export function startApp(options: StartOptions = {}): Promise<AppReady> {
  if (options.stopsOnSignal) stopDbOnSignalElsewhere();
  return (g.__northStarStarted ??= ready(options).catch((e) => {
    console.error(`[north-star] ${describeStartupError(e)}`);
    process.exit(1);
  }));
}

/** Stops what the server started: the outbox worker (after its round under way), then the database. */
export async function stopApp() {
  await stopOutboxWorker();
  await closeDb();
}

/**
 * Demo data goes into a fresh database when SEED_DEMO says so; unset, only into the embedded database of a
 * server that listens on loopback: the demo accounts share a published password.
 */
export function seedsDemo(env: Env, embedded: boolean) {
  return env.SEED_DEMO ? env.SEED_DEMO === "1" : embedded && isLoopback(env.HOST);
}

/**
 * Seeds a database at start: the framework where it is missing, and the demo coalition into a fresh database
 * when seedsDemo says so. Safe at every start: a second one adds no row.
 */
export async function seedAtStart({
  prisma,
  env,
  embedded,
  loadDemo,
  log,
}: {
  prisma: Prisma;
  env: Env;
  embedded: boolean;
  loadDemo?: () => Promise<DemoStart>;
  log: (line: string) => void;
}) {
  await seedFramework({ prisma });
  if (!seedsDemo(env, embedded)) return;
  const demo = await loadDemo?.().catch(() => undefined);
  if (!demo)
    throw new Error(
      "Demo data was asked for (SEED_DEMO), but the demo generator is not here: it needs the demo/ folder and the development packages (npm install). Start with SEED_DEMO=0 to go without.",
    );
  await demo.seedDemoOnFirstStart({ prisma, log });
}

async function ready({ loadDemo }: StartOptions): Promise<AppReady> {
  const env = getEnv();
  sessionSecret(); // production on a server refuses to start without SESSION_SECRET
  const db = await getDb();
  const log = env.NODE_ENV === "test" ? () => {} : (line: string) => console.log(`[north-star] ${line}`);
  if (env.SEED_ON_START === "1")
    await seedAtStart({ prisma: db.prisma, env, embedded: db.mode === "embedded", loadDemo, log });
  const demoAccounts = await countDemoPasswordAccounts({ prisma: db.prisma });
  noteDemoAccountsAtStart(demoAccounts);
  const refusal = listenRefusal({ env, demoAccounts });
  if (refusal) throw new Error(refusal);
  const notes = demoAccounts ? await demoNotes({ prisma: db.prisma, demoAccounts, loadDemo }) : [];
  for (const note of [mailNote(env), httpsNote(env)]) if (note) notes.push(note);
  db.startSlowQueryLog();
  return {
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
    database: db.mode === "embedded" ? `embedded database in ${env.DATA_DIR}` : "PostgreSQL from DATABASE_URL",
    notes,
    listening: serverListensOn,
  };
}

/** The demo sign-ins to print; without the demo module, a line that says demo accounts exist. */
async function demoNotes({
  prisma,
  demoAccounts,
  loadDemo,
}: {
  prisma: Prisma;
  demoAccounts: number;
  loadDemo?: () => Promise<DemoStart>;
}) {
  const demo = await loadDemo?.().catch(() => undefined);
  if (demo) return demo.demoSignInLines({ prisma });
  return [`${demoAccounts} demo account(s) still sign in with the published demo password.`];
}
