// The app's one database entry point: one Prisma client per process.
//   DATABASE_URL set   -> that PostgreSQL server
//   DATABASE_URL unset -> embedded PGlite in $DATA_DIR/pglite, served on a Unix socket only this account reaches
// Before the client is handed out, pending migrations are applied, so no query meets an old schema. Seeding is
// start-up's (app/boot/boot.server.ts) and the commands' (scripts/), not this module's.
import { createHash } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma as Sql, PrismaClient } from "~/generated/prisma/client";
import { isEmbeddedUrl, startEmbeddedDb, type EmbeddedDb } from "~/utils/embedded-db.server";
import { getEnv } from "~/utils/env.server";
import { applyMigrations } from "~/utils/migrate.server";
import { changesFigures, countingWrites, noteWrite } from "~/utils/write-count.server";

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
const PREPARED = Sql.raw(PREPARED_MARK);

const statementNames = new Map<string, string>();
/** The adapter's statement name for a query: a prepared one's (runPrepared), or "" (pg's unnamed statement) for the rest. */
function statementName({ sql }: { sql: string }) {
  if (!sql.startsWith(PREPARED_MARK)) return "";
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `p_${createHash("sha256").update(sql).digest("hex").slice(0, 40)}`));
  return name;
}

type Statement = { query: string; params: () => string; duration: number };
// globalThis: dev rebuilds re-import the server build in the same process, and PGlite must never be
// opened twice; the client opened first keeps its pool, listeners and slow-query log.
const g = globalThis as unknown as {
  __northStarDb?: Promise<Db>;
  __northStarStopsOnSignal?: boolean;
  __northStarSlowLog?: () => void;
  __northStarListeners?: Set<(statement: Statement) => void>;
  __northStarPools?: WeakMap<object, { pool: pg.Pool; named: boolean }>;
};

const listeners = (g.__northStarListeners ??= new Set());
/** Every statement the app's client sends, after it answered (the slow-query log; the benchmark's counts). */
export function onStatement(listener: (statement: Statement) => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
const heard = (query: string, params: () => string, duration: number) => {
  for (const listener of listeners) listener({ query, params, duration });
};

// What $queryRaw gives for a column, so runPrepared's rows are the same whichever way they came: dates and
// timestamps without a zone are UTC (pg would read them in the process's zone), bigint is a BigInt and numeric
// a Decimal (pg gives both as strings); json, arrays, booleans and the other numbers pg reads as Prisma does.
const PARSERS: Record<number, (text: string) => unknown> = {
  1082: (text) => new Date(`${text}T00:00:00Z`),
  1114: (text) => new Date(`${text.replace(" ", "T")}Z`),
  20: (text) => BigInt(text),
  1700: (text) => new Sql.Decimal(text),
};
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    (format ?? "text") === "text" && PARSERS[oid]
      ? PARSERS[oid]
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};
const param = (value: unknown): unknown =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === "bigint"
      ? value.toString()
      : Array.isArray(value)
        ? value.map(param)
        : value;

/** The app's client's pool and whether its statements may be named (not on the embedded database). */
const pools = (g.__northStarPools ??= new WeakMap());

/**
 * Runs a statement that a page runs on every request, or every save runs, prepared: each connection prepares
 * it once under a name made from its text, and PostgreSQL then parses and plans it no more on every request
 * (and the text, kilobytes for the dashboard, is not sent again). Its text must not depend on the request
 * (values go in as parameters), or each variant is kept. Outside a transaction it goes straight to the pool
 * Prisma's adapter uses (decision 025): Prisma's own work for a raw statement (its query plan, parameters and
 * result rows, about 1 ms of the server's CPU a save) was as much as PostgreSQL's. The rows are those
 * `$queryRaw` would give; a write to what the movement's figures read empties the figures kept, as the
 * adapter's statements do. In a transaction (`db` is its client) it runs there through Prisma, also prepared
 * under a name made from its text.
 */
export async function runPrepared<T>(db: Prisma | Sql.TransactionClient, statement: Sql.Sql): Promise<T[]> {
  const direct = pools.get(db);
  if (!direct) return db.$queryRaw<T[]>`${PREPARED}${statement}`;
  const text = PREPARED_MARK + statement.text;
  const values = statement.values.map(param);
  const started = performance.now();
  const result = await direct.pool.query({
    name: direct.named ? statementName({ sql: PREPARED_MARK + statement.sql }) : undefined,
    text,
    values,
    types,
  });
  if (changesFigures(text)) noteWrite();
  heard(text, () => JSON.stringify(values), performance.now() - started);
  return result.rows as T[];
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
    // NOTE: PGlite's sessions outlive the pool's connections (one session for all), so a statement a closed
    // connection prepared would already exist for the next one: there, every statement stays unnamed.
    const named = !(embedded || isEmbeddedUrl(url));
    const pool = new pg.Pool({ connectionString: url, max });
    const prisma = new PrismaClient({
      // each committed write to what the movement's figures read empties the figures kept in memory
      adapter: countingWrites(
        new PrismaPg(pool, {
          ...(named ? { statementNameGenerator: statementName } : {}),
          disposeExternalPool: true,
        }),
      ),
      log: [{ emit: "event", level: "query" }],
      // a burst of writes (thirty password resets at once, on the embedded database's one connection) queues for
      // a connection instead of failing after Prisma's default 2 s
      transactionOptions: { maxWait: 10_000 },
    });
    pools.set(prisma, { pool, named });
    prisma.$on("query", (e) => heard(e.query, () => e.params, e.duration));
    // Seeding writes thousands of rows in large statements that are slow by design: the slow-query log starts
    // once the app is ready (startSlowQueryLog), so a normal first start prints nothing that reads as a problem.
    const startSlowQueryLog = () => {
      g.__northStarSlowLog ??= onStatement((e) => {
        if (e.duration >= getEnv().SLOW_QUERY_MS)
          console.warn(`[db] slow query ${Math.round(e.duration)} ms: ${e.query.slice(0, 300)}`);
      });
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
