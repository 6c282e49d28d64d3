// The app's one database entry point: one Prisma client per process.
//   DATABASE_URL set   -> that PostgreSQL server
//   DATABASE_URL unset -> embedded PGlite in $DATA_DIR/pglite, served on a Unix socket only this account reaches
// Before the client is handed out, pending migrations are applied, so no query meets an old schema. Seeding is
// start-up's (app/boot/boot.server.ts) and the commands' (scripts/), not this module's.
import { createHash } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma as Sql, PrismaClient } from "~/generated/prisma/client";
import { isEmbeddedUrl, startEmbeddedDb, type EmbeddedDb } from "~/utils/embedded-db.server";
import { getEnv } from "~/utils/env.server";
import { applyMigrations } from "~/utils/migrate.server";
import { countingWrites } from "~/utils/write-count.server";

export type Db = {
  prisma: PrismaClient;
  mode: "embedded" | "postgres";
  url: string;
  applied: string[];
  embedded?: EmbeddedDb;
  /** from here on, queries slower than SLOW_QUERY_MS are logged */
  startSlowQueryLog: () => void;
};

export type Prisma = PrismaClient;

const PREPARED_MARK = "/* prepared */ ";

/**
 * Starts a raw statement that a page runs on every request, or every save runs (`` prisma.$queryRaw`${PREPARED}SELECT …` ``): each
 * connection prepares it once under a name made from its text, and PostgreSQL then parses and plans it no more
 * on every request (and the text, kilobytes for the dashboard, is not sent again). Only marked statements are
 * named, so what a connection keeps is bounded by the code; a marked statement's text must not depend on the
 * request (values go in as parameters), or each variant is kept.
 */
export const PREPARED = Sql.raw(PREPARED_MARK);

const statementNames = new Map<string, string>();
/** The adapter's statement name for a query: a marked statement's, or "" (pg's unnamed statement) for the rest. */
function statementName({ sql }: { sql: string }) {
  if (!sql.startsWith(PREPARED_MARK)) return "";
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `p_${createHash("sha256").update(sql).digest("hex").slice(0, 40)}`));
  return name;
}

async function init(): Promise<Db> {
  const env = getEnv();
  let url = env.DATABASE_URL;
  let max = env.DB_POOL_MAX;
  let embedded: EmbeddedDb | undefined;
  if (!url) {
    // NOTE: pglite-socket runs every connection in PGlite's one session and interleaves their protocol
    // messages: two connections' unnamed statements clash ("portal does not exist") and the socket's queue
    // then stalls for good. One connection keeps the embedded database correct; it runs one query at a time anyway.
    max = 1;
    embedded = await startEmbeddedDb({ dataDir: path.join(env.DATA_DIR, "pglite"), maxConnections: 4 });
    url = embedded.url;
  }
  try {
    const applied = env.MIGRATE_ON_START === "1" ? await applyMigrations(url) : [];
    const prisma = new PrismaClient({
      // NOTE: PGlite's sessions outlive the pool's connections (one session for all), so a statement a closed
      // connection prepared would already exist for the next one: there, every statement stays unnamed.
      // each committed write to what the movement's figures read empties the figures kept in memory
      adapter: countingWrites(
        new PrismaPg(
          { connectionString: url, max },
          embedded || isEmbeddedUrl(url) ? {} : { statementNameGenerator: statementName },
        ),
      ),
      log: [{ emit: "event", level: "query" }],
      // a burst of writes (thirty password resets at once, on the embedded database's one connection) queues for
      // a connection instead of failing after Prisma's default 2 s
      transactionOptions: { maxWait: 10_000 },
    });
    // Seeding writes thousands of rows in large statements that are slow by design: the slow-query log starts
    // once the app is ready (startSlowQueryLog), so a normal first start prints nothing that reads as a problem.
    let logSlowQueries = false;
    prisma.$on("query", (e) => {
      if (logSlowQueries && e.duration >= env.SLOW_QUERY_MS)
        console.warn(`[db] slow query ${e.duration} ms: ${e.query.slice(0, 300)}`);
    });
    const startSlowQueryLog = () => {
      logSlowQueries = true;
    };
    if (env.NODE_ENV !== "test" && !g.__northStarStopsOnSignal) releaseOnSignal(prisma, embedded);
    return { prisma, mode: embedded ? "embedded" : "postgres", url, applied, embedded, startSlowQueryLog };
  } catch (e) {
    await embedded?.stop().catch(() => {});
    throw e;
  }
}

// On SIGINT/SIGTERM: close the pool (idle connections would keep the process alive past a container's
// grace period) and release the embedded data folder, unless the process closes the database itself
// (stopDbOnSignalElsewhere). NOTE: `remix dev` sends SIGTERM twice on Ctrl-C; the flag makes the release
// happen once, and the folder's lock goes even when PGlite's close fails.
function releaseOnSignal(prisma: PrismaClient, embedded?: EmbeddedDb) {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void prisma
      .$disconnect()
      .catch(() => {})
      .then(() => embedded?.stop())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// globalThis: dev rebuilds re-import the server build in the same process, and PGlite must never be
// opened twice.
const g = globalThis as unknown as { __northStarDb?: Promise<Db>; __northStarStopsOnSignal?: boolean };

/**
 * Leaves SIGINT/SIGTERM to the caller, which calls closeDb() itself: the HTTP server (server.mjs) first lets the
 * requests under way finish, which the handler here would cut short. Called before the database is opened.
 */
export function stopDbOnSignalElsewhere() {
  g.__northStarStopsOnSignal = true;
}

export function getDb(): Promise<Db> {
  return (g.__northStarDb ??= init().catch((e) => {
    g.__northStarDb = undefined;
    throw e;
  }));
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDb()).prisma;
}

export async function closeDb() {
  const p = g.__northStarDb;
  g.__northStarDb = undefined;
  if (!p) return;
  const db = await p.catch(() => undefined);
  if (!db) return;
  await db.prisma.$disconnect();
  await db.embedded?.stop();
}
