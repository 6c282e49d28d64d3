// Movement rollups (docs/performance.md): counts per value/freedom × month/year × the dimensions an
// organization had that year (macro-region, size band, impacted-led), each with the number of organizations
// behind it so the dashboard can suppress small cells. Writes keep them current in their own transaction:
// - a practice adds or removes its deltas, its organization's own rows (year, month, value-year, freedom-year)
//   and the rollups in one statement (practiceRollupCtes: a new practice's whole save is that statement);
// - commitments and reflections remove the organization's whole cycle contribution, change, and add it back
//   (withCycleRollups), which stays exact whatever the change (status, value, cycle, submit, reopen);
// - archiving an organization or changing its dimensions rebuilds the rollups from the per-organization
//   summaries (rare, and seconds even at ten years of history).
// An organization's row in OrganizationYear is locked first, so concurrent writes of one organization queue.
import { Prisma as Sql, type Prisma as PrismaNamespace } from "~/generated/prisma/client";

type Tx = PrismaNamespace.TransactionClient;

/** The organization's dimensions for these years, taken from its current ones where a year has none yet. */
export async function ensureOrganizationYears(tx: Tx, organizationId: string, years: number[]) {
  if (!years.length) return;
  await tx.$executeRaw`
    WITH inserted AS (
      INSERT INTO "OrganizationYear" ("organizationId", "year", "regionCode", "macroRegion", "sizeBand", "impactedLed")
      SELECT o."id", yr, o."region", COALESCE(r."macroRegion", 'UNSPECIFIED'), o."sizeBand", o."impactedLed"
      FROM "Organization" o LEFT JOIN "Region" r ON r."code" = o."region", unnest(${years}::int[]) AS yr
      WHERE o."id" = ${organizationId}
      ON CONFLICT DO NOTHING
      RETURNING *
    )
    INSERT INTO "MovementParticipationSummary" ("year", "macroRegion", "sizeBand", "impactedLed", "organizations")
    SELECT i."year", i."macroRegion", i."sizeBand", i."impactedLed", count(*)::int
    FROM inserted i JOIN "Organization" o ON o."id" = i."organizationId" AND o."archivedAt" IS NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT ("year", "macroRegion", "sizeBand", "impactedLed") DO UPDATE SET
      "organizations" = "MovementParticipationSummary"."organizations" + EXCLUDED."organizations"`;
  await tx.$queryRaw`SELECT 1 FROM "OrganizationYear" WHERE "organizationId" = ${organizationId} AND "year" = ANY(${years}::int[]) ORDER BY "year" FOR UPDATE`;
}

/**
 * Adds the source rows' counts to a summary table's matching rows, inserting the rows that are missing.
 * NOTE: PostgreSQL checks CHECK constraints on INSERT … ON CONFLICT's proposed row before it finds the
 * conflict, so a decrement must be an UPDATE: only a row that does not exist yet is inserted.
 */
export async function bump(tx: Tx, table: string, keys: string[], counts: string[], source: PrismaNamespace.Sql) {
  const q = (c: string) => `"${c}"`;
  const match = (a: string, b: string) => keys.map((k) => `${a}.${q(k)} = ${b}.${q(k)}`).join(" AND ");
  await tx.$executeRaw`
    WITH src AS (${source}), upd AS (
      UPDATE ${Sql.raw(q(table))} t SET ${Sql.raw(counts.map((c) => `${q(c)} = t.${q(c)} + src.${q(c)}`).join(", "))}
      FROM src WHERE ${Sql.raw(match("t", "src"))}
      RETURNING ${Sql.raw(keys.map((k) => `t.${q(k)}`).join(", "))}
    )
    INSERT INTO ${Sql.raw(q(table))} AS t (${Sql.raw([...keys, ...counts].map(q).join(", "))})
    SELECT ${Sql.raw([...keys, ...counts].map((c) => `src.${q(c)}`).join(", "))} FROM src
    WHERE NOT EXISTS (SELECT 1 FROM upd WHERE ${Sql.raw(match("upd", "src"))})
    ON CONFLICT (${Sql.raw(keys.map(q).join(", "))}) DO UPDATE SET ${Sql.raw(counts.map((c) => `${q(c)} = t.${q(c)} + EXCLUDED.${q(c)}`).join(", "))}`;
}

export const DIMS = ["macroRegion", "sizeBand", "impactedLed"];

type SqlPart = PrismaNamespace.Sql;

/**
 * The whole percent of directly impacted participants, rounded half up in integers (no float on the way), or
 * null without participants: the bucket of MovementValueYearDistribution's "share" rows.
 */
const shareBucket = (impacted: SqlPart, participants: SqlPart) =>
  Sql.sql`((200 * (${impacted})::bigint + (${participants})) / NULLIF(2 * (${participants})::bigint, 0))::int`;

/**
 * The rows of MovementValueYearDistribution that an organization-value-year with these counts (SQL) stands in,
 * as VALUES ("measure", "bucket", "delta") with `delta` organizations; a row whose bucket is null (no
 * participants) or whose practice count is 0 stands nowhere, and DISTRIBUTION_KEPT (over `d`) drops it.
 */
export const distributionEntries = (practices: SqlPart, participants: SqlPart, impacted: SqlPart, delta: 1 | -1) =>
  Sql.sql`('practices', (${practices})::int, ${Sql.raw(String(delta))}), ('share', ${shareBucket(impacted, participants)}, ${Sql.raw(String(delta))})`;
/** The slot of MovementValueYearDistribution an organization counts in, from its id (SQL). */
export const distributionSlot = (organizationId: SqlPart) => Sql.sql`(ascii(right(${organizationId}, 1)) % 8)`;
export const DISTRIBUTION_KEPT = Sql.raw(`d."bucket" IS NOT NULL AND (d."measure" = 'share' OR d."bucket" > 0)`);

/** The cycle summary rows counted afresh from commitments and reflections: one organization's, or all. */
async function countCycleContribution(tx: Tx, organizationId: string | null) {
  const only = (alias: string) =>
    organizationId ? Sql.sql`AND ${Sql.raw(alias)}."organizationId" = ${organizationId}` : Sql.empty;
  await tx.$executeRaw`DELETE FROM "OrganizationCycleSummary" WHERE ${organizationId}::text IS NULL OR "organizationId" = ${organizationId}::text`;
  await tx.$executeRaw`
    INSERT INTO "OrganizationCycleSummary" ("organizationId", "year", "kind", "valueId", "sub", "count")
    SELECT r."organizationId", c."year", 'rubric', r."valueId", r."rubricLevel"::text, count(*)::int
    FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId"
    WHERE r."status" = 'SUBMITTED' AND r."rubricLevel" IS NOT NULL ${only("r")} GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT r."organizationId", c."year", 'rubricShared', r."valueId", r."rubricLevel"::text, count(*)::int
    FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId"
    WHERE r."status" = 'SUBMITTED' AND r."rubricLevel" IS NOT NULL AND r."visibility" IN ('COALITION', 'PUBLIC') ${only("r")}
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT m."organizationId", c."year", 'commitment', m."valueId", m."status"::text, count(*)::int
    FROM "Commitment" m JOIN "Cycle" c ON c."id" = m."cycleId" WHERE true ${only("m")} GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT r."organizationId", c."year", 'reflection', '', CASE WHEN bool_or(r."status" = 'SUBMITTED') THEN 'SUBMITTED' ELSE 'DRAFTED' END, 1
    FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId" WHERE true ${only("r")} GROUP BY 1, 2`;
}

/** A rubric rollup row's counts from cycle summary rows: every rating, and the shared or public ones of them. */
const RUBRIC_COUNTS = (sign: 1 | -1) => Sql.sql`
  ${sign} * sum(s."count") FILTER (WHERE s."kind" = 'rubric')::int AS "organizationCount",
  ${sign} * COALESCE(sum(s."count") FILTER (WHERE s."kind" = 'rubricShared'), 0)::int AS "sharedCount"`;

/** Adds (1) or removes (-1) what an organization's cycle summary rows say it contributes. */
async function applyCycleContribution(tx: Tx, organizationId: string, sign: 1 | -1) {
  const from = Sql.sql`FROM "OrganizationCycleSummary" s
    JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = s."year"
    JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL
    WHERE s."organizationId" = ${organizationId}`;
  await bump(
    tx,
    "MovementRubricSummary",
    ["year", "valueId", "level", ...DIMS],
    ["organizationCount", "sharedCount"],
    Sql.sql`
    SELECT s."year", s."valueId", s."sub"::int AS "level", y."macroRegion", y."sizeBand", y."impactedLed", ${RUBRIC_COUNTS(sign)}
    ${from} AND s."kind" IN ('rubric', 'rubricShared') GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  await bump(
    tx,
    "MovementCommitmentSummary",
    ["year", "valueId", "status", ...DIMS],
    ["commitmentCount", "organizationCount"],
    Sql.sql`
    SELECT s."year", s."valueId", s."sub"::"CommitmentStatus" AS "status", y."macroRegion", y."sizeBand", y."impactedLed",
           ${sign} * s."count" AS "commitmentCount", ${sign}::int AS "organizationCount"
    ${from} AND s."kind" = 'commitment'`,
  );
  await tx.$executeRaw`
    UPDATE "MovementParticipationSummary" t SET
      "reflectionsDrafted" = t."reflectionsDrafted" + CASE WHEN s."sub" = 'DRAFTED' THEN ${sign}::int ELSE 0 END,
      "reflectionsSubmitted" = t."reflectionsSubmitted" + CASE WHEN s."sub" = 'SUBMITTED' THEN ${sign}::int ELSE 0 END
    ${from} AND s."kind" = 'reflection'
      AND t."year" = s."year" AND t."macroRegion" = y."macroRegion" AND t."sizeBand" = y."sizeBand" AND t."impactedLed" = y."impactedLed"`;
}

/**
 * Runs a change to an organization's commitments or reflections with the rollups kept exact: what it was
 * last counted to contribute comes out, and after the change its fresh count goes in, in one transaction.
 */
export async function withCycleRollups<T>(tx: Tx, organizationId: string, change: () => Promise<T>): Promise<T> {
  // an organization's first commitment or reflection has no year row to lock yet: its own row queues writers
  await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR NO KEY UPDATE`;
  await applyCycleContribution(tx, organizationId, -1);
  const result = await change();
  await ensureOrganizationYears(tx, organizationId, await cycleYears(tx, organizationId));
  await countCycleContribution(tx, organizationId);
  await applyCycleContribution(tx, organizationId, 1);
  return result;
}

async function cycleYears(tx: Tx, organizationId: string) {
  const rows = await tx.$queryRaw<{ year: number }[]>`
    SELECT c."year" FROM "Cycle" c
    WHERE EXISTS (SELECT 1 FROM "Commitment" m WHERE m."cycleId" = c."id" AND m."organizationId" = ${organizationId})
       OR EXISTS (SELECT 1 FROM "Reflection" r WHERE r."cycleId" = c."id" AND r."organizationId" = ${organizationId})`;
  return rows.map((r) => Number(r.year));
}

/** Snapshots for every organization-year with activity and for every active organization this year. */
async function ensureAllOrganizationYears(tx: Tx, year: number) {
  await tx.$executeRaw`
    INSERT INTO "OrganizationYear" ("organizationId", "year", "regionCode", "macroRegion", "sizeBand", "impactedLed")
    SELECT o."id", a."year", o."region", COALESCE(r."macroRegion", 'UNSPECIFIED'), o."sizeBand", o."impactedLed"
    FROM (
      SELECT DISTINCT "organizationId", extract(year FROM "month")::int AS "year" FROM "PracticeMonthlySummary"
      UNION SELECT m."organizationId", c."year" FROM "Commitment" m JOIN "Cycle" c ON c."id" = m."cycleId"
      UNION SELECT x."organizationId", c."year" FROM "Reflection" x JOIN "Cycle" c ON c."id" = x."cycleId"
      UNION SELECT "id", ${year} FROM "Organization" WHERE "archivedAt" IS NULL
    ) a JOIN "Organization" o ON o."id" = a."organizationId" LEFT JOIN "Region" r ON r."code" = o."region"
    ON CONFLICT DO NOTHING`;
}

/** The rollups recomputed from the per-organization summaries, reflections and commitments. */
export async function rebuildMovementRollups(tx: Tx, now = new Date()) {
  await ensureAllOrganizationYears(tx, now.getUTCFullYear());
  await tx.$executeRaw`DELETE FROM "MovementValueMonthSummary"`;
  await tx.$executeRaw`DELETE FROM "MovementValueYearSummary"`;
  await tx.$executeRaw`DELETE FROM "MovementFreedomYearSummary"`;
  await tx.$executeRaw`DELETE FROM "MovementRubricSummary"`;
  await tx.$executeRaw`DELETE FROM "MovementCommitmentSummary"`;
  await tx.$executeRaw`DELETE FROM "MovementParticipationSummary"`;
  await tx.$executeRaw`DELETE FROM "MovementValueYearDistribution"`;
  const valueMonths = await tx.$executeRaw`
    INSERT INTO "MovementValueMonthSummary" ("month", "valueId", "macroRegion", "sizeBand", "impactedLed", "practiceCount", "participants", "impactedParticipants", "organizationCount")
    SELECT s."month", s."valueId", y."macroRegion", y."sizeBand", y."impactedLed", sum(s."practiceCount")::int, sum(s."participants")::int,
           sum(s."impactedParticipants")::int, count(*) FILTER (WHERE s."practiceCount" > 0)::int
    FROM "PracticeMonthlySummary" s
    JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = extract(year FROM s."month")::int
    JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL
    GROUP BY 1, 2, 3, 4, 5`;
  await tx.$executeRaw`
    INSERT INTO "MovementValueYearSummary" ("year", "valueId", "macroRegion", "sizeBand", "impactedLed", "practiceCount", "participants", "impactedParticipants", "organizationCount", "participantOrganizationCount")
    SELECT v."year", v."valueId", y."macroRegion", y."sizeBand", y."impactedLed", sum(v."n")::int, sum(v."p")::int, sum(v."i")::int, count(*) FILTER (WHERE v."n" > 0)::int,
      count(*) FILTER (WHERE v."p" > 0)::int
    FROM (
      SELECT "organizationId", "valueId", extract(year FROM "month")::int AS "year", sum("practiceCount") AS "n", sum("participants") AS "p", sum("impactedParticipants") AS "i"
      FROM "PracticeMonthlySummary" GROUP BY 1, 2, 3
    ) v
    JOIN "OrganizationYear" y ON y."organizationId" = v."organizationId" AND y."year" = v."year"
    JOIN "Organization" o ON o."id" = v."organizationId" AND o."archivedAt" IS NULL
    GROUP BY 1, 2, 3, 4, 5`;
  await tx.$executeRaw`
    INSERT INTO "MovementValueYearDistribution" ("year", "valueId", "sizeBand", "measure", "bucket", "slot", "organizations")
    SELECT s."year", s."valueId", y."sizeBand", d."measure", d."bucket", ${distributionSlot(Sql.raw(`s."organizationId"`))}, sum(d."delta")::int
    FROM "OrganizationValueYearSummary" s
    JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = s."year"
    JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL,
    LATERAL (VALUES ${distributionEntries(Sql.raw(`s."practiceCount"`), Sql.raw(`s."participants"`), Sql.raw(`s."impactedParticipants"`), 1)}) d("measure", "bucket", "delta")
    WHERE ${DISTRIBUTION_KEPT}
    GROUP BY 1, 2, 3, 4, 5, 6`;
  await tx.$executeRaw`
    INSERT INTO "MovementFreedomYearSummary" ("year", "freedomId", "macroRegion", "sizeBand", "impactedLed", "practiceCount", "organizationCount")
    SELECT v."year", v."freedomId", y."macroRegion", y."sizeBand", y."impactedLed", sum(v."n")::int, count(*) FILTER (WHERE v."n" > 0)::int
    FROM (SELECT "organizationId", "freedomId", "year", "practiceCount" AS "n" FROM "OrganizationFreedomYearSummary") v
    JOIN "OrganizationYear" y ON y."organizationId" = v."organizationId" AND y."year" = v."year"
    JOIN "Organization" o ON o."id" = v."organizationId" AND o."archivedAt" IS NULL
    GROUP BY 1, 2, 3, 4, 5`;
  await tx.$executeRaw`
    INSERT INTO "MovementParticipationSummary" ("year", "macroRegion", "sizeBand", "impactedLed", "organizations", "practicedYear", "practicedQ1", "practicedQ2", "practicedQ3", "practicedQ4", "reflectionsDrafted", "reflectionsSubmitted")
    SELECT y."year", y."macroRegion", y."sizeBand", y."impactedLed", count(*)::int,
           count(*) FILTER (WHERE a."total" > 0)::int, count(*) FILTER (WHERE a."q1" > 0)::int, count(*) FILTER (WHERE a."q2" > 0)::int,
           count(*) FILTER (WHERE a."q3" > 0)::int, count(*) FILTER (WHERE a."q4" > 0)::int,
           count(*) FILTER (WHERE r."submitted" = false)::int, count(*) FILTER (WHERE r."submitted")::int
    FROM "OrganizationYear" y
    JOIN "Organization" o ON o."id" = y."organizationId" AND o."archivedAt" IS NULL
    LEFT JOIN (
      SELECT "organizationId", extract(year FROM "month")::int AS "year", sum("practiceCount") AS "total",
             sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 1) AS "q1", sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 2) AS "q2",
             sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 3) AS "q3", sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 4) AS "q4"
      FROM "PracticeMonthlySummary" GROUP BY 1, 2
    ) a ON a."organizationId" = y."organizationId" AND a."year" = y."year"
    LEFT JOIN (
      SELECT x."organizationId", c."year", bool_or(x."status" = 'SUBMITTED') AS "submitted"
      FROM "Reflection" x JOIN "Cycle" c ON c."id" = x."cycleId" GROUP BY 1, 2
    ) r ON r."organizationId" = y."organizationId" AND r."year" = y."year"
    GROUP BY 1, 2, 3, 4`;
  // the cycle contributions, every organization at once
  await countCycleContribution(tx, null);
  const from = Sql.sql`FROM "OrganizationCycleSummary" s
    JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = s."year"
    JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL`;
  await tx.$executeRaw`
    INSERT INTO "MovementRubricSummary" ("year", "valueId", "level", "macroRegion", "sizeBand", "impactedLed", "organizationCount", "sharedCount")
    SELECT s."year", s."valueId", s."sub"::int, y."macroRegion", y."sizeBand", y."impactedLed", ${RUBRIC_COUNTS(1)}
    ${from} WHERE s."kind" IN ('rubric', 'rubricShared') GROUP BY 1, 2, 3, 4, 5, 6`;
  await tx.$executeRaw`
    INSERT INTO "MovementCommitmentSummary" ("year", "valueId", "status", "macroRegion", "sizeBand", "impactedLed", "commitmentCount", "organizationCount")
    SELECT s."year", s."valueId", s."sub"::"CommitmentStatus", y."macroRegion", y."sizeBand", y."impactedLed", sum(s."count")::int, count(*)::int
    ${from} WHERE s."kind" = 'commitment' GROUP BY 1, 2, 3, 4, 5, 6`;
  return { movementValueMonths: valueMonths };
}

/**
 * An organization's dimensions changed or it was archived: this year's snapshot follows it (past years keep
 * theirs) and the rollups are rebuilt, so archived organizations leave the dashboards.
 */
export async function refreshOrganizationRollups(tx: Tx, organizationId: string, now = new Date()) {
  await tx.$executeRaw`
    UPDATE "OrganizationYear" y SET "regionCode" = o."region", "macroRegion" = COALESCE(r."macroRegion", 'UNSPECIFIED'), "sizeBand" = o."sizeBand", "impactedLed" = o."impactedLed"
    FROM "Organization" o LEFT JOIN "Region" r ON r."code" = o."region"
    WHERE o."id" = ${organizationId} AND y."organizationId" = o."id" AND y."year" = ${now.getUTCFullYear()}`;
  await rebuildMovementRollups(tx, now);
}
