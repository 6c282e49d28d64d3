// DATABASE_URL=<a database kept by `npm run bench -- --keep`> npx tsx scripts/bench-writes.ts [--runs N] [--clients N] [--saves N] [--warm N] [--only home|saves] [--explain] [--checkpoint]
// The organization home and the practice saves of scripts/bench.ts, measured again on a database it left in
// place, so a change can be compared before and after on the same data without generating it again. Saves add
// practices to that database. Besides wall times it gives the client's CPU time per request (which the
// machine's load moves far less), the statements each request sends and, during the saves, what the
// database connections were doing (sampled from pg_stat_activity). Nothing here writes docs/performance.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { benchSaveInput, concurrentSaves } from "./bench-save-input.ts";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "40" },
    clients: { type: "string", default: "10" },
    saves: { type: "string", default: "400" },
    warm: { type: "string", default: "100" },
    only: { type: "string" },
    explain: { type: "boolean", default: false },
    checkpoint: { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const CLIENTS = Number(args.clients);
const SAVES = Number(args.saves);
const WARM_SAVES = Number(args.warm);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench-writes: set DATABASE_URL to a database kept by `npm run bench -- --keep`");
  process.exit(1);
}
process.env.SLOW_QUERY_MS = "100000";
process.env.SESSION_SECRET ??= randomBytes(24).toString("hex");
process.env.MIGRATE_ON_START = "0";
// the organization home's statements every time, as the bench's target row measures them
process.env.MOVEMENT_CACHE_SECONDS ??= "0";

const { getPrisma, closeDb, onStatement } = await import("../app/utils/db.server.ts");
const { createPractice } = await import("../app/models/practice.server.ts");
const { createSession } = await import("../app/utils/session-store.server.ts");
const { commitSessionCookie } = await import("../app/utils/session.server.ts");
const orgHome = await import("../app/routes/o.$org._index.tsx");
const prisma = await getPrisma();

const statements: { query: string; params: string; ms: number }[] = [];
onStatement((e) => statements.push({ query: e.query, params: e.params(), ms: e.duration }));

const staff = await prisma.user.findUniqueOrThrow({
  where: { email: "bench-staff@example.org" },
  select: { id: true },
});
const member = await prisma.user.findUniqueOrThrow({
  where: { email: "bench-member@example.org" },
  select: { id: true },
});
const session = await createSession({ prisma, userId: member.id, maxDays: 1 });
const memberCookie = (await commitSessionCookie(session.token, session.expiresAt)).split(";")[0];
const orgs = await prisma.organization.count({ where: { id: { startsWith: "bench-org-" } } });
const practices = (
  await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'Practice'`,
  )
)[0].n;
console.log(
  `database: ${new URL(url).pathname.slice(1)}, ${orgs} organizations, about ${Math.round(practices).toLocaleString("en")} practices; load ${(
    await import("node:os")
  )
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (n: number) => n.toFixed(1);

const home = () =>
  orgHome.loader({
    request: new Request("http://localhost/o/bench-org-1", { headers: { Cookie: memberCookie } }),
    params: { org: "bench-org-1" },
    context: {},
  });

async function measureHome() {
  for (let i = 0; i < 3; i++) await home();
  const times: number[] = [];
  statements.length = 0;
  const cpu0 = cpuMs();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await home();
    times.push(performance.now() - t0);
  }
  const cpu = (cpuMs() - cpu0) / RUNS;
  const perStatement = new Map<string, number[]>();
  for (const s of statements) {
    const key = s.query.replace(/\s+/g, " ").slice(0, 110);
    perStatement.set(key, [...(perStatement.get(key) ?? []), s.ms]);
  }
  console.log(
    `home: p50 ${fmt(percentile(times, 0.5))} ms, p95 ${fmt(percentile(times, 0.95))} ms over ${RUNS}; Node CPU ${fmt(cpu)} ms per request; ${statements.length / RUNS} statements per request`,
  );
  for (const [q, ms] of perStatement)
    console.log(`  ${fmt(percentile(ms, 0.5))} / ${fmt(percentile(ms, 0.95))} ms (p50/p95 as Prisma sees it)  ${q}`);
  if (args.explain) await explain(statements.slice(-statements.length / RUNS));
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement one request sent, with its parameters, in a rolled-back transaction. */
async function explain(sent: typeof statements) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const s of sent) {
      if (!/^\s*(SELECT|WITH)/i.test(s.query)) continue;
      const params = JSON.parse(s.params) as unknown[];
      await db.query("BEGIN");
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS, SETTINGS) ${s.query}`, params);
      await db.query("ROLLBACK");
      console.log(`\n${s.query.replace(/\s+/g, " ").slice(0, 200)}`);
      for (const r of plan.rows) console.log(`  ${r["QUERY PLAN"]}`);
    }
  } finally {
    await db.end();
  }
}

/** The CPU time so far of every backend of the pool, on this machine (0 for one elsewhere). */
async function backendCpuMs(sampler: pg.Client) {
  const pids = (
    await sampler.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    )
  ).rows.map((r) => r.pid);
  return pids.reduce((sum, pid) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return sum + (Number(f[11]) + Number(f[12])) * (1000 / 100);
    } catch {
      return sum; // not on this machine, or gone
    }
  }, 0);
}

async function measureSaves() {
  const values = await prisma.value.findMany({ select: { id: true } });
  const freedoms = await prisma.freedom.findMany({ select: { id: true } });
  const year = new Date().getUTCFullYear();
  const label = randomBytes(4).toString("hex");
  // what the other connections are doing, every 5 ms while the saves run
  const sampler = new pg.Client({ connectionString: url });
  await sampler.connect();
  const seen = new Map<string, number>();
  let samples = 0;
  let sampling = true;
  const sampling$ = (async () => {
    while (sampling) {
      const { rows } = await sampler.query<{ what: string; n: number }>(`
        SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') || ' ' || state AS "what", count(*)::int AS "n"
        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
          AND state <> 'idle' GROUP BY 1`);
      samples++;
      for (const r of rows) seen.set(r.what, (seen.get(r.what) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const save = (i: number) =>
    createPractice({
      prisma,
      actorId: staff.id,
      submissionKey: `bench-writes-${label}-${i}`,
      ...benchSaveInput(i, { orgs: orgs, year: year, values, freedoms }),
    });
  // untimed first, as scripts/bench.ts does: each connection plans its first runs of the save afresh
  await concurrentSaves(save, { clients: CLIENTS, from: 0, count: WARM_SAVES });
  // as scripts/bench.ts measures them: each save then writes whole images of the pages it is the first to change
  if (args.checkpoint) await sampler.query("CHECKPOINT");
  statements.length = 0;
  seen.clear();
  samples = 0;
  const cpu0 = cpuMs();
  const backendCpu0 = await backendCpuMs(sampler);
  const started = performance.now();
  const times = await concurrentSaves(save, { clients: CLIENTS, from: WARM_SAVES, count: SAVES });
  const seconds = (performance.now() - started) / 1000;
  const backendCpu = (await backendCpuMs(sampler)) - backendCpu0;
  const cpu = (cpuMs() - cpu0) / SAVES;
  sampling = false;
  await sampling$;
  await sampler.end();
  const perStatement = new Map<string, number[]>();
  for (const s of statements) {
    const key = s.query.replace(/\s+/g, " ").slice(0, 90);
    perStatement.set(key, [...(perStatement.get(key) ?? []), s.ms]);
  }
  console.log(
    `saves: ${fmt(SAVES / seconds)}/s, p50 ${fmt(percentile(times, 0.5))} ms, p95 ${fmt(percentile(times, 0.95))} ms, ${CLIENTS} clients, ${SAVES} saves; Node CPU ${fmt(cpu)} ms per save, database backends ${fmt(backendCpu / SAVES)} ms; ${statements.length / SAVES} statements per save`,
  );
  for (const [q, ms] of perStatement)
    console.log(`  ${fmt(percentile(ms, 0.5))} / ${fmt(percentile(ms, 0.95))} ms  ${q}`);
  console.log(`  connections busy, average over ${samples} samples:`);
  for (const [what, n] of [...seen].sort((a, b) => b[1] - a[1]))
    console.log(`    ${(n / samples).toFixed(2)}  ${what}`);
  if (args.explain) {
    // one save's pair: its claim, then the summary statement naming the same organization
    const claims = statements.filter((s) => s.query.includes("WITH claim"));
    const claim = claims[claims.length - 1];
    const org = (JSON.parse(claim.params) as unknown[])[1];
    const rest = statements.slice(statements.indexOf(claim));
    const summary = rest.find((s) => s.query.includes("WITH st") && (JSON.parse(s.params) as unknown[]).includes(org));
    await explainSave(summary ? [claim, summary] : [claim]);
  }
}

/**
 * The last save's two statements again, under a new id and submission key, with EXPLAIN (ANALYZE, BUFFERS, WAL)
 * in a transaction that is rolled back: the pages each statement touched and the WAL (and full-page images) it wrote.
 */
async function explainSave(sent: typeof statements) {
  const first = JSON.parse(sent[0].params) as unknown[];
  const [claim, , id] = first;
  const fresh = `c${randomBytes(12).toString("hex").slice(0, 24)}`;
  const swap = (v: unknown) => (v === id ? fresh : v === claim ? `${String(claim)}-explain` : v);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("BEGIN");
    for (const s of sent) {
      const params = (JSON.parse(s.params) as unknown[]).map(swap);
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${s.query}`, params);
      console.log(`\n${s.query.replace(/\s+/g, " ").slice(0, 120)}`);
      for (const r of plan.rows) console.log(`  ${r["QUERY PLAN"]}`);
    }
  } finally {
    await db.query("ROLLBACK");
    await db.end();
  }
}

if (args.only !== "saves") await measureHome();
if (args.only !== "home") await measureSaves();
await prisma.session.delete({ where: { id: session.sessionId } });
await closeDb();
