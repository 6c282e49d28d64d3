// npm run bench [-- --orgs N --years N --practices-per-org-year N | --quick] [--clients N --saves N --http-seconds N] [--keep]
// Generates a movement's history set-based in SQL in a database of its own (<database>_bench on the
// DATABASE_URL server) and measures it against the issue's targets: first at about 100 k practices, then
// (unless --quick) at the size asked for, 2,000 × 10 × 500 = 10 million by default, so growth is one run's
// ratio. Writes the table to stdout and its own section of docs/performance.md. The HTTP measure starts the
// production server (`npm run build` first) on the bench database. PostgreSQL only: the embedded database
// holds one connection and would measure the single-connection bridge rather than the queries.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { benchSaveInput, concurrentSaves } from "./bench-save-input.ts";

const { values: args } = parseArgs({
  options: {
    orgs: { type: "string", default: "2000" },
    years: { type: "string", default: "10" },
    "practices-per-org-year": { type: "string", default: "500" },
    quick: { type: "boolean", default: false },
    // leave the bench database (the last size generated) in place, to look into it afterwards
    keep: { type: "boolean", default: false },
    runs: { type: "string", default: "40" },
    clients: { type: "string", default: "10" },
    saves: { type: "string", default: "400" },
    "http-seconds": { type: "string", default: "10" },
  },
});
type Size = { orgs: number; years: number; per: number };
const SMALL: Size = { orgs: 200, years: 5, per: 100 };
const LARGE: Size = { orgs: Number(args.orgs), years: Number(args.years), per: Number(args["practices-per-org-year"]) };
const SIZES = args.quick ? [SMALL] : [SMALL, LARGE];
const RUNS = Number(args.runs);
const CLIENTS = Number(args.clients);
const SAVES = Number(args.saves);
const WARM_SAVES = 10 * CLIENTS;
const HTTP_SECONDS = Number(args["http-seconds"]);
const HTTP_WARM_SECONDS = 5;

const base = process.env.DATABASE_URL;
if (!base) {
  console.error("bench: set DATABASE_URL to a PostgreSQL server (the bench creates and drops its own database there)");
  process.exit(1);
}
const url = new URL(base);
const benchDb = `${url.pathname.slice(1) || "postgres"}_bench`;
async function asAdmin(sql: string) {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}
await asAdmin(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
await asAdmin(`CREATE DATABASE "${benchDb}"`);
const serverVersion = (await asAdmin("SHOW server_version")).rows[0].server_version as string;
url.pathname = `/${benchDb}`;
const benchUrl = url.toString();
process.env.DATABASE_URL = benchUrl;
process.env.SLOW_QUERY_MS = "100000";
// the loaders' targets are measured reading afresh every time: the movement's figures kept in memory between
// writes (MOVEMENT_CACHE_SECONDS) are measured beside them, and the HTTP server keeps them as deployed
process.env.MOVEMENT_CACHE_SECONDS = "0";
// the bench signs its session cookies with the secret the server it starts uses
process.env.SESSION_SECRET ??= randomBytes(24).toString("hex");
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const { applyMigrations } = await import("../app/utils/migrate.server.ts");
await applyMigrations(benchUrl);
const { getPrisma, closeDb } = await import("../app/utils/db.server.ts");
const { seedFramework } = await import("../app/models/framework.server.ts");
const { rebuildSummaries } = await import("../app/models/summary.server.ts");
const { createPractice } = await import("../app/models/practice.server.ts");
const { forgetEnv } = await import("../app/utils/env.server.ts");
const { createSession } = await import("../app/utils/session-store.server.ts");
const { commitSessionCookie } = await import("../app/utils/session.server.ts");
const { readSnapshot } = await import("../app/models/movement-snapshot.server.ts");
const movement = await import("../app/routes/movement._index.tsx");
const orgHome = await import("../app/routes/o.$org._index.tsx");
const prisma = await getPrisma();
await seedFramework({ prisma });

const lastYear = new Date().getUTCFullYear();
const staff = await prisma.user.create({
  data: { email: "bench-staff@example.org", name: "Bench", coalitionRole: "STAFF" },
});
const member = await prisma.user.create({ data: { email: "bench-member@example.org", name: "Bench member" } });
async function cookieFor(userId: string) {
  const session = await createSession({ prisma, userId, maxDays: 1 });
  return (await commitSessionCookie(session.token, session.expiresAt)).split(";")[0];
}
const staffCookie = await cookieFor(staff.id);
const memberCookie = await cookieFor(member.id);

/**
 * A history of `size` practices, set-based: one INSERT … SELECT generate_series per table. Secondary indexes
 * are dropped first and built again after (one sort each instead of ten million index insertions) and the
 * foreign-key triggers are off for the load (the rows are consistent by construction); both come back as
 * the migrations made them.
 */
async function generate(size: Size) {
  const started = performance.now();
  const db = new pg.Client({ connectionString: benchUrl });
  await db.connect();
  try {
    await db.query(`DELETE FROM "Organization" WHERE "id" LIKE 'bench-org-%'`);
    await db.query(`SET maintenance_work_mem = '512MB'`);
    const fast = await db.query(`SET session_replication_role = replica`).then(
      () => true,
      () => false, // not a superuser: the load checks every foreign key, slower but the same data
    );
    const indexes = (
      await db.query<{ name: string; def: string }>(`
        SELECT i.indexname AS "name", i.indexdef AS "def" FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename IN ('Practice', 'PracticeFreedom')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
    ).rows;
    for (const i of indexes) await db.query(`DROP INDEX "${i.name}"`);
    const firstYear = lastYear - size.years + 1;
    // organizations spread over regions, sizes and impacted-led; practices spread over values, months, freedoms
    await db.query(`
      INSERT INTO "Organization" ("id", "slug", "name", "region", "sizeBand", "impactedLed", "updatedAt")
      SELECT 'bench-org-' || i, 'bench-org-' || i, 'Bench organization ' || i,
             (SELECT "code" FROM "Region" ORDER BY "position" OFFSET (i * 7) % 60 LIMIT 1),
             (ARRAY['VOLUNTEER','SMALL','MEDIUM','LARGE'])[1 + i % 4]::"SizeBand", i % 3 = 0, now()
      FROM generate_series(1, ${size.orgs}) AS i`);
    await db.query(`
      INSERT INTO "Practice" ("id", "organizationId", "valueId", "occurredOn", "title", "participants", "impactedParticipants", "updatedAt")
      SELECT 'bench-p-' || o || '-' || y || '-' || n, 'bench-org-' || o, v."ids"[1 + (o + n) % array_length(v."ids", 1)],
             make_date(y, 1 + n % 12, 1 + n % 28), 'Practice', 5 + n % 20, (5 + n % 20) / 2, now()
      FROM generate_series(1, ${size.orgs}) AS o, generate_series(${firstYear}, ${lastYear}) AS y, generate_series(1, ${size.per}) AS n,
           (SELECT array_agg("id" ORDER BY "position") AS "ids" FROM "Value") v`);
    await db.query(`
      INSERT INTO "PracticeFreedom" ("practiceId", "freedomId", "organizationId")
      SELECT p."id", f."ids"[1 + abs(hashtext(p."id")) % array_length(f."ids", 1)], p."organizationId"
      FROM "Practice" p, (SELECT array_agg("id" ORDER BY "position") AS "ids" FROM "Freedom") f
      WHERE abs(hashtext(p."id")) % 3 = 0`);
    if (fast) await db.query(`SET session_replication_role = DEFAULT`);
    for (const i of indexes) await db.query(i.def);
    await db.query(
      `INSERT INTO "Membership" ("id", "userId", "organizationId", "role") VALUES ('bench-lead', $1, 'bench-org-1', 'LEAD')`,
      [member.id],
    );
  } finally {
    await db.end();
  }
  await rebuildSummaries({ prisma });
  // as autovacuum would have left a database that grew over years: statistics, and the visibility map that
  // index-only scans need
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  // and with its pages long since written: without it the checkpointer is still flushing the load (and the
  // vacuum's hint bits) while the saves are measured, and each commit waits on the disk behind it
  await prisma
    .$executeRawUnsafe(`CHECKPOINT`)
    .catch(() => log("CHECKPOINT refused (not a superuser): saves may wait on the disk"));
  const practices = Number(
    (await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Practice"`))[0].n,
  );
  return { practices, seconds: (performance.now() - started) / 1000 };
}

function percentile95(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}
async function p95(run: () => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - t0); // the first runs warm caches and plans
  }
  return percentile95(times);
}

const FILTERED = { query: "region=WEST&size=SMALL", match: `r."macroRegion" = 'WEST' AND o."sizeBand" = 'SMALL'` };
const dashboard = (query: string) => () =>
  movement.loader({
    request: new Request(`http://localhost/movement?year=${lastYear}${query ? `&${query}` : ""}`, {
      headers: { Cookie: staffCookie },
    }),
    params: {},
    context: {},
  });
// the dashboard's numbers alone: its one statement over the summaries (the loader adds the session, the suppression,
// the words and the drawings), for the months the page reads
const numbers = (filters: { region?: string; size?: string }) => () =>
  readSnapshot(prisma, { year: lastYear, ...filters } as Parameters<typeof readSnapshot>[1], {
    from: new Date(Date.UTC(lastYear - 1, 0, 1)),
    to: new Date(Date.UTC(lastYear + 1, 0, 1)),
  });
const FILTERED_NUMBERS = { region: "WEST", size: "SMALL" };
// the dashboard's numbers by plain GROUP BYs over the base tables, with the same filters (the organization's
// current region and size): each chart's, one statement after another as a page without summaries would read
// them. `complements`: with each cell's organizations over the whole movement beside the filtered ones, as the
// dashboard's statement gives them (a filtered page hides a cell whose complement is too small, so it cannot be
// drawn without them); without, the filtered cells alone.
const plain =
  (match: string, complements = false) =>
  async () => {
    const where = match && !complements ? `AND ${match}` : "";
    const agg = (expr: string) => (complements ? `${expr} FILTER (WHERE ${match || "true"})` : expr);
    const orgs = (column: string) =>
      complements ? `${agg(`count(DISTINCT ${column})`)}, count(DISTINCT ${column})` : `count(DISTINCT ${column})`;
    const practices = `FROM "Practice" p JOIN "Organization" o ON o."id" = p."organizationId" LEFT JOIN "Region" r ON r."code" = o."region"
    WHERE p."deletedAt" IS NULL AND o."archivedAt" IS NULL ${where}`;
    const thisYear = `AND p."occurredOn" >= make_date(${lastYear}, 1, 1) AND p."occurredOn" < make_date(${lastYear + 1}, 1, 1)`;
    const cycle = (
      table: string,
    ) => `FROM "${table}" x JOIN "Cycle" c ON c."id" = x."cycleId" AND c."year" = ${lastYear}
    JOIN "Organization" o ON o."id" = x."organizationId" LEFT JOIN "Region" r ON r."code" = o."region"
    WHERE o."archivedAt" IS NULL ${where}`;
    const org = `p."organizationId"`;
    for (const sql of [
      // practices and organizations per value per month, this year and last
      `SELECT date_trunc('month', p."occurredOn") AS m, p."valueId", ${agg("count(*)")}, ${orgs(org)} ${practices}
      AND p."occurredOn" >= make_date(${lastYear - 1}, 1, 1) AND p."occurredOn" < make_date(${lastYear + 1}, 1, 1) GROUP BY 1, 2`,
      // practices and organizations per freedom advanced
      `SELECT pf."freedomId", ${agg("count(*)")}, ${orgs(org)} FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId"
      JOIN "Organization" o ON o."id" = p."organizationId" LEFT JOIN "Region" r ON r."code" = o."region"
      WHERE p."deletedAt" IS NULL AND o."archivedAt" IS NULL ${where} ${thisYear} GROUP BY 1`,
      // participants and directly impacted ones per value, with the organizations that counted participants
      `SELECT p."valueId", ${agg(`sum(p."participants")`)}, ${agg(`sum(p."impactedParticipants")`)}, ${orgs(org)},
        ${orgs(`CASE WHEN p."participants" > 0 THEN p."organizationId" END`)} ${practices} ${thisYear} GROUP BY 1`,
      // participation: organizations that logged a practice each quarter and in the year, of the active ones
      `SELECT extract(quarter FROM p."occurredOn") AS q, ${orgs(org)} ${practices} ${thisYear} GROUP BY ROLLUP (1)`,
      `SELECT ${agg("count(*)")}, count(*) FROM "Organization" o LEFT JOIN "Region" r ON r."code" = o."region" WHERE o."archivedAt" IS NULL ${where}`,
      // reflections per state, rubric levels per value, commitments per status per value, for the year's cycle
      `SELECT x."status", ${orgs(`x."organizationId"`)} ${cycle("Reflection")} GROUP BY 1`,
      `SELECT x."valueId", x."rubricLevel", ${orgs(`x."organizationId"`)} ${cycle("Reflection")} AND x."status" = 'SUBMITTED' GROUP BY 1, 2`,
      `SELECT x."valueId", x."status", ${agg("count(*)")}, ${orgs(`x."organizationId"`)} ${cycle("Commitment")} GROUP BY 1, 2`,
    ])
      await prisma.$queryRawUnsafe(sql);
  };
const home = () =>
  orgHome.loader({
    request: new Request("http://localhost/o/bench-org-1", { headers: { Cookie: memberCookie } }),
    params: { org: "bench-org-1" },
    context: {},
  });

/**
 * SAVES practices by CLIENTS concurrent clients, as a server's requests would come, each over any organization,
 * after WARM_SAVES untimed ones (as the loaders' warm-up runs: each of the pool's connections prepares the save's
 * statement on its first save and plans its first five runs afresh, as PostgreSQL does before it keeps a plan,
 * at about twice the database's CPU of a save; a running server has done that long before).
 */
async function saves(size: Size, label: string) {
  const values = await prisma.value.findMany({ select: { id: true } });
  const freedoms = await prisma.freedom.findMany({ select: { id: true } });
  const save = (i: number) =>
    createPractice({
      prisma,
      actorId: staff.id,
      submissionKey: `bench-save-${label}-${i}`,
      ...benchSaveInput(i, { orgs: size.orgs, year: lastYear, values, freedoms }),
    });
  const run = async (count: number, from: number) => {
    const started = performance.now();
    const times = await concurrentSaves(save, { clients: CLIENTS, from, count });
    return { p95: percentile95(times), perSecond: count / ((performance.now() - started) / 1000) };
  };
  await run(WARM_SAVES, 0);
  return run(SAVES, WARM_SAVES);
}

type Autocannon = (o: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<{
  requests: { average: number };
  non2xx: number;
  errors: number;
}>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Requests per second of `/movement` and of `/` on one production server over the bench database. */
async function http(cacheSeconds: number) {
  if (!fs.existsSync("build/index.js")) return null;
  const port = await freePort();
  const server = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: benchUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "0",
      MOVEMENT_CACHE_SECONDS: String(cacheSeconds),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const up = await fetch(`${origin}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 600 || server.exitCode !== null) throw new Error("bench: the server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const run = async (path: string, headers: Record<string, string> | undefined, duration: number) => {
      const r = await autocannon({ url: `${origin}${path}`, connections: 10, duration, headers });
      if (r.non2xx || r.errors)
        throw new Error(`bench: ${path} answered ${r.non2xx} non-2xx responses and ${r.errors} errors`);
      return r.requests.average;
    };
    // production names its session cookie for HTTPS only; the value and its signature are the same
    const movement = [
      `/movement?year=${lastYear}`,
      { cookie: staffCookie.replace(/^north-star-session=/, "__Host-north-star-session=") },
    ] as const;
    // A new process compiles and optimizes its code during its first seconds of requests: both pages are warmed
    // first, so neither rate carries the start-up (the page measured first would carry it alone).
    await run(...movement, HTTP_WARM_SECONDS);
    await run("/", undefined, HTTP_WARM_SECONDS);
    const movementRate = await run(...movement, HTTP_SECONDS);
    const landingRate = await run("/", undefined, HTTP_SECONDS);
    return { movementRate, landingRate };
  } finally {
    // the database is dropped next: the server lets go of it first
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
}

type Result = {
  size: Size;
  practices: number;
  generateSeconds: number;
  unfiltered: number;
  filtered: number;
  plainUnfiltered: number;
  plainFiltered: number;
  plainFilteredCells: number;
  numbersUnfiltered: number;
  numbersFiltered: number;
  home: number;
  keptUnfiltered: number;
  keptHome: number;
  saves: { p95: number; perSecond: number };
};
const results: Result[] = [];
for (const [n, size] of SIZES.entries()) {
  log(`generating ${size.orgs} × ${size.years} × ${size.per}`);
  const { practices, seconds } = await generate(size);
  log(`${practices} practices in ${seconds.toFixed(0)} s; measuring`);
  const unfiltered = await p95(dashboard(""));
  const filtered = await p95(dashboard(FILTERED.query));
  const numbersUnfiltered = await p95(numbers({}));
  const numbersFiltered = await p95(numbers(FILTERED_NUMBERS));
  const homeP95 = await p95(home);
  // the same with the movement's figures kept between writes, as a server answers them (no write meanwhile)
  process.env.MOVEMENT_CACHE_SECONDS = "30";
  forgetEnv();
  const keptUnfiltered = await p95(dashboard(""));
  const keptHome = await p95(home);
  process.env.MOVEMENT_CACHE_SECONDS = "0";
  forgetEnv();
  const plainUnfiltered = await p95(plain(""), 5);
  const plainFiltered = await p95(plain(FILTERED.match, true), 5);
  const plainFilteredCells = await p95(plain(FILTERED.match), 5);
  log("saving");
  const saved = await saves(size, String(n));
  results.push({
    size,
    practices,
    generateSeconds: seconds,
    unfiltered,
    filtered,
    plainUnfiltered,
    plainFiltered,
    plainFilteredCells,
    numbersUnfiltered,
    numbersFiltered,
    home: homeP95,
    keptUnfiltered,
    keptHome,
    saves: saved,
  });
}
log("HTTP");
// as deployed (the movement's figures kept between writes), and in a full run also read afresh on every request
const rates = await http(30);
const afresh = args.quick || !rates ? null : await http(0);
await closeDb();
if (args.keep) log(`kept the database ${benchDb}`);
else await asAdmin(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);

const ms = (n: number) => `${n.toFixed(1)} ms`;
const count = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(n % 1e6 ? 1 : 0)} M` : `${Math.round(n / 1e3)} k`);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0].toFixed(1)} at the end, Node ${process.versions.node}`;
const database = `PostgreSQL ${serverVersion} on ${url.hostname}`;
const small = results[0];
const large = results[results.length - 1];
const rows: string[] = [];
const row = (r: Result | null, measure: string, target: string, result: string) =>
  rows.push(`| ${measure} | ${target} | ${result} | ${r ? `${count(r.practices)} practices` : "—"} |`);
for (const r of results) {
  row(r, "`/movement` loader p95, unfiltered", "≤ 20 ms", ms(r.unfiltered));
  row(r, "`/movement` loader p95, region and size filters", "≤ 20 ms", ms(r.filtered));
  row(
    r,
    "the dashboard's numbers by plain GROUP BYs over the base tables (each chart's, one after another), unfiltered, p95 of 5",
    "dashboard ≤ 1/100 of it",
    `${ms(r.plainUnfiltered)} (loader ÷ plain: ${(r.unfiltered / r.plainUnfiltered).toFixed(3)}; the loader's numbers alone, ${ms(r.numbersUnfiltered)}, ÷ plain: ${(r.numbersUnfiltered / r.plainUnfiltered).toFixed(3)})`,
  );
  row(
    r,
    "the same with the region and size filters: the filtered cells and each cell's organizations over the whole movement (what hiding a cell whose complement is too small needs), as the dashboard's statement gives them, p95 of 5",
    "dashboard ≤ 1/100 of it",
    `${ms(r.plainFiltered)} (loader ÷ plain: ${(r.filtered / r.plainFiltered).toFixed(3)}; the loader's numbers alone, ${ms(r.numbersFiltered)}, ÷ plain: ${(r.numbersFiltered / r.plainFiltered).toFixed(3)})`,
  );
  row(
    r,
    "the filtered cells alone by plain GROUP BYs (the filters in their WHERE: fewer numbers than the page needs), p95 of 5",
    "—",
    `${ms(r.plainFilteredCells)} (loader ÷ plain: ${(r.filtered / r.plainFilteredCells).toFixed(3)}; the loader's numbers alone ÷ plain: ${(r.numbersFiltered / r.plainFilteredCells).toFixed(3)})`,
  );
  row(r, "organization home loader p95", "≤ 20 ms", ms(r.home));
  row(
    r,
    "the same two loaders p95 between writes (the movement's figures kept in memory, as a server answers): `/movement` unfiltered / organization home",
    "—",
    `${ms(r.keptUnfiltered)} / ${ms(r.keptHome)}`,
  );
  row(
    r,
    `save a practice with its summaries and audit event, p95 of ${SAVES} after ${WARM_SAVES} untimed, ${CLIENTS} clients at once`,
    "≤ 50 ms",
    ms(r.saves.p95),
  );
  row(r, `saves per second, ${CLIENTS} clients at once`, "≥ 300", r.saves.perSecond.toFixed(0));
}
if (results.length > 1) {
  row(
    large,
    `growth: \`/movement\` p95 at ${count(large.practices)} ÷ at ${count(small.practices)}, unfiltered / filtered`,
    "≤ 1.5",
    `${(large.unfiltered / small.unfiltered).toFixed(2)} / ${(large.filtered / small.filtered).toFixed(2)}`,
  );
}
if (rates) {
  row(
    large,
    `HTTP requests per second, autocannon, 10 connections, ${HTTP_SECONDS} s after ${HTTP_WARM_SECONDS} s of each: \`/movement\` ÷ \`/\``,
    "≥ 0.5",
    `${rates.movementRate.toFixed(0)} ÷ ${rates.landingRate.toFixed(0)} = ${(rates.movementRate / rates.landingRate).toFixed(2)}`,
  );
  if (afresh)
    row(
      large,
      "the same with `MOVEMENT_CACHE_SECONDS=0` (the dashboard's statement on every request)",
      "—",
      `${afresh.movementRate.toFixed(0)} ÷ ${afresh.landingRate.toFixed(0)} = ${(afresh.movementRate / afresh.landingRate).toFixed(2)}`,
    );
} else {
  row(null, "HTTP requests per second `/movement` ÷ `/`", "≥ 0.5", "not measured: no build (`npm run build` first)");
}
const section = [
  `Data: ${results.map((r) => `${r.size.orgs} organizations × ${r.size.years} years × ${r.size.per} practices = ${r.practices.toLocaleString("en")} practices, generated in ${r.generateSeconds.toFixed(0)} s`).join("; ")}.`,
  `Machine: ${machine}. Database: ${database}. Every figure below comes from this machine and database, in this run; loaders: ${RUNS} runs each after 3 warm-up runs.`,
  "",
  "| measure | target | result | data |",
  "|---|---|---|---|",
  ...rows,
].join("\n");
console.log(section);

// docs/performance.md keeps one section per kind of run, so a quick run does not replace the full one
const kind = args.quick ? "quick" : "full";
const title = args.quick
  ? "## Quick run (`npm run bench -- --quick`, what CI runs)"
  : `## Full run (\`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\`)`;
const docPath = "docs/performance.md";
const start = `<!-- bench:${kind} -->`;
const end = `<!-- /bench:${kind} -->`;
let doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, "utf8") : "";
if (!doc.includes("<!-- bench:"))
  doc =
    "# Performance\n\nWritten by `npm run bench` (scripts/bench.ts); figures from a shared machine, compare within one run.\n";
const block = `${start}\n${title}\n\n${section}\n${end}`;
doc = doc.includes(start)
  ? doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length)
  : `${doc.trimEnd()}\n\n${block}\n`;
fs.mkdirSync("docs", { recursive: true });
fs.writeFileSync(docPath, doc);
