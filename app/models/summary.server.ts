// Dashboard summary tables: live practices per org × value × month (and × year), per org × freedom × year and
// per org × year (and quarter),
// and the movement rollups built on them (app/models/movement-rollup.server.ts). Writes keep them current in
// their own transaction; rebuildSummaries recomputes them from scratch (`npm run db:rebuild-summaries`, and
// after bulk loads such as the demo generator); compareSummaries checks every stored row against a fresh count.
import { z } from "zod";
import { Prisma as Sql, type Prisma as PrismaNamespace } from "~/generated/prisma/client";
import {
  DISTRIBUTION_KEPT,
  distributionEntries,
  distributionSlot,
  rebuildMovementRollups,
} from "~/models/movement-rollup.server";
import { PARTICIPATION_COLUMNS } from "~/models/movement-snapshot.server";
import type { Prisma } from "~/utils/db.server";

/** Live practices per quarter of their year, as `"practiceQ1"` … `"practiceQ4"` of a GROUP BY over "Practice". */
const QUARTER_COUNTS = Sql.raw(
  [1, 2, 3, 4]
    .map((q) => `count(*) FILTER (WHERE extract(quarter FROM "occurredOn") = ${q})::int AS "practiceQ${q}"`)
    .join(", "),
);

export async function rebuildSummaries({ prisma }: { prisma: Prisma }) {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM "PracticeMonthlySummary"`;
      const valueMonths = await tx.$executeRaw`
        INSERT INTO "PracticeMonthlySummary"
          ("organizationId", "valueId", "month", "practiceCount", "participants", "impactedParticipants")
        SELECT "organizationId", "valueId", date_trunc('month', "occurredOn")::date,
               count(*)::int, sum("participants")::int, sum("impactedParticipants")::int
        FROM "Practice" WHERE "deletedAt" IS NULL
        GROUP BY 1, 2, 3`;
      await tx.$executeRaw`DELETE FROM "OrganizationValueYearSummary"`;
      const valueYears = await tx.$executeRaw`
        INSERT INTO "OrganizationValueYearSummary"
          ("organizationId", "valueId", "year", "practiceCount", "participants", "impactedParticipants")
        SELECT "organizationId", "valueId", extract(year FROM "month")::int,
               sum("practiceCount")::int, sum("participants")::int, sum("impactedParticipants")::int
        FROM "PracticeMonthlySummary"
        GROUP BY 1, 2, 3`;
      await tx.$executeRaw`DELETE FROM "OrganizationFreedomYearSummary"`;
      const freedomYears = await tx.$executeRaw`
        INSERT INTO "OrganizationFreedomYearSummary" ("organizationId", "freedomId", "year", "practiceCount")
        SELECT p."organizationId", pf."freedomId", extract(year FROM p."occurredOn")::int, count(*)::int
        FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId"
        WHERE p."deletedAt" IS NULL
        GROUP BY 1, 2, 3`;
      const movement = await rebuildMovementRollups(tx);
      // every organization-year with practices has its row now: their counts and latest dates afresh
      await tx.$executeRaw`
        UPDATE "OrganizationYear" y SET "practiceCount" = COALESCE(a."n", 0), "lastPracticeOn" = a."last",
          "practiceQ1" = COALESCE(a."practiceQ1", 0), "practiceQ2" = COALESCE(a."practiceQ2", 0),
          "practiceQ3" = COALESCE(a."practiceQ3", 0), "practiceQ4" = COALESCE(a."practiceQ4", 0)
        FROM "OrganizationYear" k LEFT JOIN (
          SELECT "organizationId", extract(year FROM "occurredOn")::int AS "year", count(*)::int AS "n", max("occurredOn") AS "last",
            ${QUARTER_COUNTS}
          FROM "Practice" WHERE "deletedAt" IS NULL GROUP BY 1, 2
        ) a ON a."organizationId" = k."organizationId" AND a."year" = k."year"
        WHERE k."organizationId" = y."organizationId" AND k."year" = y."year"`;
      return { valueMonths, valueYears, freedomYears, ...movement };
    },
    // a rebuild over millions of practices takes longer than Prisma's default 5 s
    { timeout: 600_000, maxWait: 60_000 },
  );
}

// Each summary beside the same numbers counted afresh from the base tables. The FULL JOIN keeps every stored
// row, zeros and negatives included, and every fresh one: a stored row that drifted, a row missing on either
// side, or a leftover row whose fresh count is zero all show up as a difference.
type Spec = {
  table: string;
  stored?: PrismaNamespace.Sql;
  keys: [string, string][];
  counts: string[];
  fresh: PrismaNamespace.Sql;
};

const snapshotJoin = Sql.sql`JOIN "OrganizationYear" y ON y."organizationId" = p."organizationId" AND y."year" = extract(year FROM p."occurredOn")::int
  JOIN "Organization" o ON o."id" = p."organizationId" AND o."archivedAt" IS NULL`;
const cycleJoin = (alias: string) =>
  Sql.raw(`JOIN "Cycle" c ON c."id" = ${alias}."cycleId"
  JOIN "OrganizationYear" y ON y."organizationId" = ${alias}."organizationId" AND y."year" = c."year"
  JOIN "Organization" o ON o."id" = ${alias}."organizationId" AND o."archivedAt" IS NULL`);
const dimKeys: [string, string][] = [
  ["macroRegion", `"macroRegion"`],
  ["sizeBand", `"sizeBand"::text`],
  ["impactedLed", `"impactedLed"::text`],
];
const live = Sql.sql`FROM "Practice" p ${snapshotJoin} WHERE p."deletedAt" IS NULL`;

const SPECS: Record<string, Spec> = {
  values: {
    table: "PracticeMonthlySummary",
    keys: [
      ["organizationId", `"organizationId"`],
      ["valueId", `"valueId"`],
      ["month", `to_char("month", 'YYYY-MM')`],
    ],
    counts: ["practiceCount", "participants", "impactedParticipants"],
    fresh: Sql.sql`SELECT "organizationId", "valueId", to_char(date_trunc('month', "occurredOn"), 'YYYY-MM') AS "month",
      count(*)::int AS "practiceCount", sum("participants")::int AS "participants", sum("impactedParticipants")::int AS "impactedParticipants"
      FROM "Practice" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3`,
  },
  organizationValueYears: {
    table: "OrganizationValueYearSummary",
    keys: [
      ["organizationId", `"organizationId"`],
      ["valueId", `"valueId"`],
      ["year", `"year"::text`],
    ],
    counts: ["practiceCount", "participants", "impactedParticipants"],
    fresh: Sql.sql`SELECT "organizationId", "valueId", extract(year FROM "occurredOn")::int::text AS "year",
      count(*)::int AS "practiceCount", sum("participants")::int AS "participants", sum("impactedParticipants")::int AS "impactedParticipants"
      FROM "Practice" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3`,
  },
  freedoms: {
    table: "OrganizationFreedomYearSummary",
    keys: [
      ["organizationId", `"organizationId"`],
      ["freedomId", `"freedomId"`],
      ["year", `"year"::text`],
    ],
    counts: ["practiceCount"],
    fresh: Sql.sql`SELECT p."organizationId", pf."freedomId", extract(year FROM p."occurredOn")::int::text AS "year", count(*)::int AS "practiceCount"
      FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId" WHERE p."deletedAt" IS NULL GROUP BY 1, 2, 3`,
  },
  // the latest date compared as a day number (0: none), so a date left behind by a moved practice shows up
  organizationYears: {
    table: "OrganizationYear",
    stored: Sql.sql`(SELECT *, COALESCE("lastPracticeOn" - DATE '2000-01-01', 0) AS "lastPracticeDay" FROM "OrganizationYear") oy`,
    keys: [
      ["organizationId", `"organizationId"`],
      ["year", `"year"::text`],
    ],
    counts: ["practiceCount", "lastPracticeDay", "practiceQ1", "practiceQ2", "practiceQ3", "practiceQ4"],
    fresh: Sql.sql`SELECT "organizationId", extract(year FROM "occurredOn")::int::text AS "year", count(*)::int AS "practiceCount",
      (max("occurredOn") - DATE '2000-01-01')::int AS "lastPracticeDay", ${QUARTER_COUNTS}
      FROM "Practice" WHERE "deletedAt" IS NULL GROUP BY 1, 2`,
  },
  valueMonths: {
    table: "MovementValueMonthSummary",
    keys: [["month", `to_char("month", 'YYYY-MM')`], ["valueId", `"valueId"`], ...dimKeys],
    counts: ["practiceCount", "participants", "impactedParticipants", "organizationCount"],
    fresh: Sql.sql`SELECT to_char(date_trunc('month', p."occurredOn"), 'YYYY-MM') AS "month", p."valueId", y."macroRegion", y."sizeBand"::text AS "sizeBand", y."impactedLed"::text AS "impactedLed",
      count(*)::int AS "practiceCount", sum(p."participants")::int AS "participants", sum(p."impactedParticipants")::int AS "impactedParticipants",
      count(DISTINCT p."organizationId")::int AS "organizationCount" ${live} GROUP BY 1, 2, 3, 4, 5`,
  },
  valueYears: {
    table: "MovementValueYearSummary",
    keys: [["year", `"year"::text`], ["valueId", `"valueId"`], ...dimKeys],
    counts: [
      "practiceCount",
      "participants",
      "impactedParticipants",
      "organizationCount",
      "participantOrganizationCount",
    ],
    fresh: Sql.sql`SELECT y."year"::text AS "year", p."valueId", y."macroRegion", y."sizeBand"::text AS "sizeBand", y."impactedLed"::text AS "impactedLed",
      count(*)::int AS "practiceCount", sum(p."participants")::int AS "participants", sum(p."impactedParticipants")::int AS "impactedParticipants",
      count(DISTINCT p."organizationId")::int AS "organizationCount",
      count(DISTINCT p."organizationId") FILTER (WHERE p."participants" > 0)::int AS "participantOrganizationCount" ${live} GROUP BY 1, 2, 3, 4, 5`,
  },
  // the organization-value-years counted afresh, then the organizations at each of their buckets
  valueYearDistribution: {
    table: "MovementValueYearDistribution",
    keys: [
      ["year", `"year"::text`],
      ["valueId", `"valueId"`],
      ["sizeBand", `"sizeBand"::text`],
      ["measure", `"measure"`],
      ["bucket", `"bucket"::text`],
      ["slot", `"slot"::text`],
    ],
    counts: ["organizations"],
    fresh: Sql.sql`SELECT s."year"::text AS "year", s."valueId", s."sizeBand"::text AS "sizeBand", d."measure", d."bucket"::text AS "bucket",
        ${distributionSlot(Sql.raw(`s."organizationId"`))}::text AS "slot", sum(d."delta")::int AS "organizations"
      FROM (
        SELECT p."organizationId", y."year", p."valueId", y."sizeBand", count(*)::int AS "n", sum(p."participants")::int AS "p", sum(p."impactedParticipants")::int AS "i"
        ${live} GROUP BY 1, 2, 3, 4
      ) s, LATERAL (VALUES ${distributionEntries(Sql.raw(`s."n"`), Sql.raw(`s."p"`), Sql.raw(`s."i"`), 1)}) d("measure", "bucket", "delta")
      WHERE ${DISTRIBUTION_KEPT} GROUP BY 1, 2, 3, 4, 5, 6`,
  },
  freedomYears: {
    table: "MovementFreedomYearSummary",
    keys: [["year", `"year"::text`], ["freedomId", `"freedomId"`], ...dimKeys],
    counts: ["practiceCount", "organizationCount"],
    fresh: Sql.sql`SELECT y."year"::text AS "year", pf."freedomId", y."macroRegion", y."sizeBand"::text AS "sizeBand", y."impactedLed"::text AS "impactedLed",
      count(*)::int AS "practiceCount", count(DISTINCT p."organizationId")::int AS "organizationCount"
      FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId" ${snapshotJoin} WHERE p."deletedAt" IS NULL GROUP BY 1, 2, 3, 4, 5`,
  },
  rubric: {
    table: "MovementRubricSummary",
    keys: [["year", `"year"::text`], ["valueId", `"valueId"`], ["level", `"level"::text`], ...dimKeys],
    counts: ["organizationCount", "sharedCount"],
    fresh: Sql.sql`SELECT c."year"::text AS "year", r."valueId", r."rubricLevel"::text AS "level", y."macroRegion", y."sizeBand"::text AS "sizeBand", y."impactedLed"::text AS "impactedLed",
      count(DISTINCT r."organizationId")::int AS "organizationCount",
      count(DISTINCT r."organizationId") FILTER (WHERE r."visibility" IN ('COALITION', 'PUBLIC'))::int AS "sharedCount"
      FROM "Reflection" r ${cycleJoin("r")} WHERE r."status" = 'SUBMITTED' AND r."rubricLevel" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  },
  commitments: {
    table: "MovementCommitmentSummary",
    keys: [["year", `"year"::text`], ["valueId", `"valueId"`], ["status", `"status"::text`], ...dimKeys],
    counts: ["commitmentCount", "organizationCount"],
    fresh: Sql.sql`SELECT c."year"::text AS "year", m."valueId", m."status"::text AS "status", y."macroRegion", y."sizeBand"::text AS "sizeBand", y."impactedLed"::text AS "impactedLed",
      count(*)::int AS "commitmentCount", count(DISTINCT m."organizationId")::int AS "organizationCount"
      FROM "Commitment" m ${cycleJoin("m")} GROUP BY 1, 2, 3, 4, 5, 6`,
  },
  participation: {
    table: "MovementParticipationSummary",
    keys: [["year", `"year"::text`], ...dimKeys],
    counts: [...PARTICIPATION_COLUMNS],
    fresh: Sql.sql`SELECT y."year"::text AS "year", y."macroRegion", y."sizeBand"::text AS "sizeBand", y."impactedLed"::text AS "impactedLed",
      count(*)::int AS "organizations",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Practice" p WHERE p."organizationId" = y."organizationId" AND p."deletedAt" IS NULL AND extract(year FROM p."occurredOn") = y."year"))::int AS "practicedYear",
      ${Sql.join(
        [1, 2, 3, 4].map(
          (
            q,
          ) => Sql.sql`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Practice" p WHERE p."organizationId" = y."organizationId" AND p."deletedAt" IS NULL
            AND extract(year FROM p."occurredOn") = y."year" AND extract(quarter FROM p."occurredOn") = ${q}))::int AS ${Sql.raw(`"practicedQ${q}"`)}`,
        ),
      )},
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId" WHERE r."organizationId" = y."organizationId" AND c."year" = y."year")
        AND NOT EXISTS (SELECT 1 FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId" WHERE r."organizationId" = y."organizationId" AND c."year" = y."year" AND r."status" = 'SUBMITTED'))::int AS "reflectionsDrafted",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId" WHERE r."organizationId" = y."organizationId" AND c."year" = y."year" AND r."status" = 'SUBMITTED'))::int AS "reflectionsSubmitted"
      FROM "OrganizationYear" y JOIN "Organization" o ON o."id" = y."organizationId" AND o."archivedAt" IS NULL GROUP BY 1, 2, 3, 4`,
  },
};

export type SummaryName = keyof typeof SPECS;
const cell = z.union([z.string(), z.number(), z.null()]);
const rows = z.array(z.record(z.string(), cell));

async function compareOne(prisma: Prisma, spec: Spec) {
  const keyList = Sql.raw(spec.keys.map(([name]) => `"${name}"`).join(", "));
  const storedKeys = Sql.raw(spec.keys.map(([name, expr]) => `${expr} AS "${name}"`).join(", "));
  const storedCounts = Sql.raw(spec.counts.map((c) => `"${c}"::int AS "${c}"`).join(", "));
  const columns = Sql.raw(
    [
      ...spec.counts.map((c) => `s."${c}" AS "stored_${c}"`),
      ...spec.counts.map((c) => `COALESCE(f."${c}", 0)::int AS "fresh_${c}"`),
    ].join(", "),
  );
  const result = await prisma.$queryRaw`
    WITH s AS (SELECT ${storedKeys}, ${storedCounts} FROM ${spec.stored ?? Sql.raw(`"${spec.table}"`)}), f AS (${spec.fresh})
    SELECT ${keyList}, ${columns} FROM s FULL JOIN f USING (${keyList}) ORDER BY ${keyList}`;
  const parsed = rows.parse(result);
  const pick = (row: Record<string, unknown>, prefix: string) => ({
    ...Object.fromEntries(spec.keys.map(([name]) => [name, row[name]])),
    ...Object.fromEntries(spec.counts.map((c) => [c, row[`${prefix}_${c}`]])),
  });
  return { stored: parsed.map((r) => pick(r, "stored")), fresh: parsed.map((r) => pick(r, "fresh")) };
}

/**
 * Every summary as stored and as a fresh count from the base tables, row for row in the same order, so a
 * test (or an operator) can check that they agree: `expect(stored).toEqual(fresh)`.
 */
export async function compareSummaries({ prisma }: { prisma: Prisma }) {
  const names = Object.keys(SPECS) as SummaryName[];
  const results = await Promise.all(names.map((name) => compareOne(prisma, SPECS[name])));
  return {
    stored: Object.fromEntries(names.map((n, i) => [n, results[i].stored])) as Record<
      SummaryName,
      Record<string, unknown>[]
    >,
    fresh: Object.fromEntries(names.map((n, i) => [n, results[i].fresh])) as Record<
      SummaryName,
      Record<string, unknown>[]
    >,
  };
}
