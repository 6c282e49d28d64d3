// npm run bench [-- --orgs N --years N --practices-per-org-year N | --quick]
// Generates a movement's history set-based in SQL in a database of its own (<database>_bench on the
// DATABASE_URL server), then measures the dashboard against the targets and writes the table to
// stdout and docs/performance.md. PostgreSQL only: the embedded database holds one connection and would
// measure the single-connection bridge rather than the queries.
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: args } = parseArgs({
  options: {
    orgs: { type: "string", default: "2000" },
    years: { type: "string", default: "10" },
    "practices-per-org-year": { type: "string", default: "500" },
    quick: { type: "boolean", default: false },
    runs: { type: "string", default: "40" },
  },
});
const ORGS = args.quick ? 200 : Number(args.orgs);
const YEARS = args.quick ? 5 : Number(args.years);
const PER = args.quick ? 100 : Number(args["practices-per-org-year"]);
const RUNS = Number(args.runs);

const base = process.env.DATABASE_URL;
if (!base) {
  console.error("bench: set DATABASE_URL to a PostgreSQL server (the bench creates and drops its own database there)");
  process.exit(1);
}
const url = new URL(base);
const benchDb = `${url.pathname.slice(1) || "postgres"}_bench`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${benchDb}"`);
const serverVersion = (await admin.query("SHOW server_version")).rows[0].server_version as string;
await admin.end();
url.pathname = `/${benchDb}`;
process.env.DATABASE_URL = url.toString();
process.env.SLOW_QUERY_MS = "100000";

const { applyMigrations } = await import("../app/utils/migrate.server.ts");
await applyMigrations(url.toString());
const { getPrisma, closeDb } = await import("../app/utils/db.server.ts");
const { seedFramework } = await import("../app/models/framework.server.ts");
const { rebuildSummaries } = await import("../app/models/summary.server.ts");
const { createPractice } = await import("../app/models/practice.server.ts");
const { createSession } = await import("../app/utils/session-store.server.ts");
const { commitSessionCookie } = await import("../app/utils/session.server.ts");
const { loader } = await import("../app/routes/movement._index.tsx");
const prisma = await getPrisma();
await seedFramework({ prisma });

const lastYear = new Date().getUTCFullYear();
const firstYear = lastYear - YEARS + 1;
const started = performance.now();
// organizations spread over regions, sizes and impacted-led; practices spread over values, months, freedoms
await prisma.$executeRawUnsafe(`
  INSERT INTO "Organization" ("id", "slug", "name", "region", "sizeBand", "impactedLed", "updatedAt")
  SELECT 'bench-org-' || i, 'bench-org-' || i, 'Bench organization ' || i,
         (SELECT "code" FROM "Region" ORDER BY "position" OFFSET (i * 7) % 60 LIMIT 1),
         (ARRAY['VOLUNTEER','SMALL','MEDIUM','LARGE'])[1 + i % 4]::"SizeBand", i % 3 = 0, now()
  FROM generate_series(1, ${ORGS}) AS i`);
await prisma.$executeRawUnsafe(`
  INSERT INTO "Practice" ("id", "organizationId", "valueId", "occurredOn", "title", "participants", "impactedParticipants", "updatedAt")
  SELECT 'bench-p-' || o || '-' || y || '-' || n, 'bench-org-' || o, v."ids"[1 + (o + n) % array_length(v."ids", 1)],
         make_date(y, 1 + n % 12, 1 + n % 28), 'Practice', 5 + n % 20, (5 + n % 20) / 2, now()
  FROM generate_series(1, ${ORGS}) AS o, generate_series(${firstYear}, ${lastYear}) AS y, generate_series(1, ${PER}) AS n,
       (SELECT array_agg("id" ORDER BY "position") AS "ids" FROM "Value") v`);
await prisma.$executeRawUnsafe(`
  INSERT INTO "PracticeFreedom" ("practiceId", "freedomId", "organizationId")
  SELECT p."id", f."ids"[1 + abs(hashtext(p."id")) % array_length(f."ids", 1)], p."organizationId"
  FROM "Practice" p, (SELECT array_agg("id" ORDER BY "position") AS "ids" FROM "Freedom") f
  WHERE abs(hashtext(p."id")) % 3 = 0`);
await rebuildSummaries({ prisma });
await prisma.$executeRawUnsafe(`ANALYZE`);
const practices = Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Practice"`))[0].n);
const generateSeconds = (performance.now() - started) / 1000;

const staff = await prisma.user.create({ data: { email: "bench-staff@example.org", name: "Bench", coalitionRole: "STAFF" } });
const session = await createSession({ prisma, userId: staff.id, maxDays: 1 });
const cookie = (await commitSessionCookie(session.token, session.expiresAt)).split(";")[0];

async function p95(run: () => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - t0); // the first runs warm caches and plans
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
}
const dashboard = (query: string) => () => loader({ request: new Request(`http://localhost/movement?${query}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
const unfiltered = await p95(dashboard(`year=${lastYear}`));
const filtered = await p95(dashboard(`year=${lastYear}&region=WEST&size=SMALL`));
// the line chart's numbers by a plain GROUP BY over the base tables, same filters
const plain = await p95(
  () => prisma.$queryRawUnsafe(`
    SELECT date_trunc('month', p."occurredOn") AS m, p."valueId", count(*), count(DISTINCT p."organizationId")
    FROM "Practice" p JOIN "Organization" o ON o."id" = p."organizationId" LEFT JOIN "Region" r ON r."code" = o."region"
    WHERE p."deletedAt" IS NULL AND p."occurredOn" >= make_date(${lastYear - 1}, 1, 1) AND p."occurredOn" < make_date(${lastYear + 1}, 1, 1)
      AND r."macroRegion" = 'WEST' AND o."sizeBand" = 'SMALL'
    GROUP BY 1, 2`),
  5,
);
const values = await prisma.value.findMany({ select: { id: true } });
const saves: number[] = [];
const savesStarted = performance.now();
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  await createPractice({
    prisma,
    organizationId: `bench-org-${1 + (i % ORGS)}`,
    actorId: staff.id,
    submissionKey: `bench-save-${i}`,
    input: { title: "Saved", occurredOn: `${lastYear}-0${1 + (i % 9)}-15`, valueId: values[i % values.length].id, participants: 8, impactedParticipants: 3, visibility: "PRIVATE", freedomIds: [] },
  });
  saves.push(performance.now() - t0);
}
const perSecond = 200 / ((performance.now() - savesStarted) / 1000);
saves.sort((a, b) => a - b);
const saveP95 = saves[189];
await closeDb();
const admin2 = new pg.Client({ connectionString: base });
await admin2.connect();
await admin2.query(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
await admin2.end();

const ms = (n: number) => `${n.toFixed(1)} ms`;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, PostgreSQL ${serverVersion}`;
const table = [
  `Data: ${ORGS} organizations × ${YEARS} years × ${PER} practices = ${practices.toLocaleString("en")} practices, generated in ${generateSeconds.toFixed(0)} s.`,
  `Machine and database: ${machine}; ${RUNS} runs each after 3 warm-up runs.`,
  "",
  "| measure | target | result |",
  "|---|---|---|",
  `| \`/movement\` loader p95, unfiltered | ≤ 20 ms | ${ms(unfiltered)} |`,
  `| \`/movement\` loader p95, region and size filters | ≤ 20 ms | ${ms(filtered)} |`,
  `| the line chart by a plain GROUP BY over the base tables, p95 of 5 | dashboard ≤ 1/100 of it | ${ms(plain)} (dashboard ÷ plain: ${(filtered / plain).toFixed(3)}) |`,
  `| save a practice with its summaries and audit event, p95 of 200 | ≤ 50 ms | ${ms(saveP95)} |`,
  `| saves per second, one after another | ≥ 300 | ${perSecond.toFixed(0)} |`,
].join("\n");
console.log(table);
const doc = `# Performance\n\nWritten by \`npm run bench${args.quick ? " -- --quick" : ""}\` (scripts/bench.ts); figures from a shared machine, compare within one run.\n\n${table}\n\nNot measured by this script yet: growth (run it at 100 k and at 10 M and divide), the organization home loader, HTTP requests per second against \`/\`.\n`;
fs.mkdirSync("docs", { recursive: true });
fs.writeFileSync("docs/performance.md", doc);
