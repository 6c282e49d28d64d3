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
import { PREPARED } from "~/utils/db.server";

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

const DIMS = ["macroRegion", "sizeBand", "impactedLed"];

/**
 * bump() as CTEs of a larger statement (`<name>_src`, `<name>_upd`, `<name>_ins` and `<name>_after`, the rows
 * as they are after this change: their keys and counts, read back after their row locks), so several
 * summaries move in one round trip. Each table appears in one bump only: a statement changes a row once.
 */
function bumpCtes(name: string, table: string, keys: string[], counts: string[], source: PrismaNamespace.Sql) {
  const q = (c: string) => `"${c}"`;
  const match = (a: string, b: string) => keys.map((k) => `${a}.${q(k)} = ${b}.${q(k)}`).join(" AND ");
  const all = [...keys, ...counts];
  const returning = Sql.raw(all.map((c) => `t.${q(c)}`).join(", "));
  return Sql.sql`${Sql.raw(name)}_src AS (${source}),
    ${Sql.raw(name)}_upd AS (
      UPDATE ${Sql.raw(q(table))} t SET ${Sql.raw(counts.map((c) => `${q(c)} = t.${q(c)} + src.${q(c)}`).join(", "))}
      FROM ${Sql.raw(name)}_src src WHERE ${Sql.raw(match("t", "src"))}
      RETURNING ${returning}
    ),
    ${Sql.raw(name)}_ins AS (
      INSERT INTO ${Sql.raw(q(table))} AS t (${Sql.raw(all.map(q).join(", "))})
      SELECT ${Sql.raw(all.map((c) => `src.${q(c)}`).join(", "))} FROM ${Sql.raw(name)}_src src
      WHERE NOT EXISTS (SELECT 1 FROM ${Sql.raw(name)}_upd upd WHERE ${Sql.raw(match("upd", "src"))})
      ON CONFLICT (${Sql.raw(keys.map(q).join(", "))}) DO UPDATE SET ${Sql.raw(counts.map((c) => `${q(c)} = t.${q(c)} + EXCLUDED.${q(c)}`).join(", "))}
      RETURNING ${returning}
    ),
    ${Sql.raw(name)}_after AS (SELECT * FROM ${Sql.raw(name)}_upd UNION ALL SELECT * FROM ${Sql.raw(name)}_ins)`;
}

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

/** 1 when a count going from `before` to `before + sign` starts (or, negative, stops) being positive. */
const starts = (before: string, sign: number) => Sql.raw(`((${before} + (${sign}) > 0)::int - (${before} > 0)::int)`);

export type RolledUpPractice = {
  organizationId: string;
  valueId: string;
  occurredOn: Date;
  participants: number;
  impactedParticipants: number;
  /** distinct; in one order for every save (sorted), so concurrent saves lock the movement's rows in one order */
  freedomIds: string[];
};

/**
 * The CTEs of a statement that adds (1) or removes (-1) one live practice: the organization's year row (its
 * practice count, per quarter too, and latest date), its monthly, value-year and freedom-year rows, and every
 * movement rollup. The organization's counts before the change come from its own rows as the statement leaves
 * them (RETURNING, after their row locks), never from the statement's snapshot: a save of the same
 * organization that committed while this one waited for a lock is counted, so an organization counts in a
 * movement cell exactly when its own count there goes from zero to positive (or back). Nothing moves unless
 * the year row does: `gate` is what that update also needs (a new practice: its submission key claimed), and
 * an organization without a row for the year is the caller's (ensureOrganizationYears). An archived
 * organization's own rows follow, the movement's do not. The movement-wide rows, which every organization's
 * saves share, are locked last in a fixed order.
 * NOTE: for a removal, the year's latest date is read from the practices in the statement's snapshot: the
 * caller holds the year row's lock from before the statement (adjustPracticeRollups), so that snapshot is current.
 */
export function practiceRollupCtes(p: RolledUpPractice, sign: 1 | -1, gate: PrismaNamespace.Sql = Sql.sql`true`) {
  const year = p.occurredOn.getUTCFullYear();
  const quarter = Math.floor(p.occurredOn.getUTCMonth() / 3) + 1;
  const month = new Date(Date.UTC(year, p.occurredOn.getUTCMonth(), 1));
  const org = p.organizationId;
  const amounts = Sql.sql`${sign}::int AS "practiceCount", ${sign * p.participants}::int AS "participants", ${sign * p.impactedParticipants}::int AS "impactedParticipants"`;
  const dims = Sql.raw(`st."macroRegion", st."sizeBand", st."impactedLed"`);
  const valueCounts = ["practiceCount", "participants", "impactedParticipants"];
  const counts = [...valueCounts, "organizationCount"];
  const practicedQ = Sql.raw(`"practicedQ${quarter}"`);
  const practiceQ = Sql.raw(`"practiceQ${quarter}"`);
  const latest =
    sign > 0
      ? Sql.sql`GREATEST(y."lastPracticeOn", ${p.occurredOn}::date)`
      : Sql.sql`(SELECT max("occurredOn") FROM "Practice" WHERE "organizationId" = ${org} AND "deletedAt" IS NULL
          AND "occurredOn" >= ${new Date(Date.UTC(year, 0, 1))}::date AND "occurredOn" < ${new Date(Date.UTC(year + 1, 0, 1))}::date)`;
  const before = (name: string, key = Sql.empty) =>
    Sql.sql`(SELECT ${key} a."practiceCount" - ${sign}::int AS "before" FROM ${Sql.raw(name)}_after a)`;
  return Sql.sql`oy AS (
      UPDATE "OrganizationYear" y SET "practiceCount" = y."practiceCount" + ${sign}::int, ${practiceQ} = y.${practiceQ} + ${sign}::int,
        "lastPracticeOn" = ${latest}
      WHERE y."organizationId" = ${org} AND y."year" = ${year}::int AND ${gate}
      RETURNING y."macroRegion", y."sizeBand", y."impactedLed", y."practiceCount" - ${sign}::int AS "year", y.${practiceQ} - ${sign}::int AS "quarter"
    ),
    st AS (
      -- the organization's dimensions this year and its counts before this change; none when it is archived
      SELECT oy.* FROM oy WHERE EXISTS (SELECT 1 FROM "Organization" o WHERE o."id" = ${org} AND o."archivedAt" IS NULL)
    ),
    ${bumpCtes(
      "pms",
      "PracticeMonthlySummary",
      ["organizationId", "valueId", "month"],
      valueCounts,
      Sql.sql`
      SELECT ${org}::text AS "organizationId", ${p.valueId}::text AS "valueId", ${month}::date AS "month", ${amounts} FROM oy`,
    )},
    ${bumpCtes(
      "ovy",
      "OrganizationValueYearSummary",
      ["organizationId", "valueId", "year"],
      valueCounts,
      Sql.sql`
      SELECT ${org}::text AS "organizationId", ${p.valueId}::text AS "valueId", ${year}::int AS "year", ${amounts} FROM oy`,
    )},
    ${bumpCtes(
      "ofy",
      "OrganizationFreedomYearSummary",
      ["organizationId", "freedomId", "year"],
      ["practiceCount"],
      Sql.sql`
      SELECT ${org}::text AS "organizationId", f AS "freedomId", ${year}::int AS "year", ${sign}::int AS "practiceCount"
      FROM oy, unnest(${p.freedomIds}::text[]) AS f`,
    )},
    ${bumpCtes(
      "mvm",
      "MovementValueMonthSummary",
      ["month", "valueId", ...DIMS],
      counts,
      Sql.sql`
      SELECT ${month}::date AS "month", ${p.valueId}::text AS "valueId", ${dims}, ${amounts}, ${starts(`b."before"`, sign)} AS "organizationCount"
      FROM st, ${before("pms")} b`,
    )},
    ${bumpCtes(
      "mvy",
      "MovementValueYearSummary",
      ["year", "valueId", ...DIMS],
      counts,
      Sql.sql`
      SELECT ${year}::int AS "year", ${p.valueId}::text AS "valueId", ${dims}, ${amounts}, ${starts(`b."before"`, sign)} AS "organizationCount"
      FROM st, ${before("ovy")} b`,
    )},
    mvd_src AS (
      -- the organization leaves the buckets of its counts before this change and joins those of its counts after
      SELECT ${year}::int AS "year", ${p.valueId}::text AS "valueId", st."sizeBand", d."measure", d."bucket",
        ${distributionSlot(Sql.sql`${org}::text`)} AS "slot", sum(d."delta")::int AS "delta"
      FROM st, ovy_after a, LATERAL (VALUES ${distributionEntries(
        Sql.sql`a."practiceCount" - ${sign}::int`,
        Sql.sql`a."participants" - ${sign * p.participants}::int`,
        Sql.sql`a."impactedParticipants" - ${sign * p.impactedParticipants}::int`,
        -1,
      )}, ${distributionEntries(Sql.raw(`a."practiceCount"`), Sql.raw(`a."participants"`), Sql.raw(`a."impactedParticipants"`), 1)}) d("measure", "bucket", "delta")
      WHERE ${DISTRIBUTION_KEPT}
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d."delta") <> 0
    ),
    mvd AS (
      -- NOTE: not bumpCtes: a concurrent save of the same organization can make the bucket it leaves after this
      -- statement's snapshot, where an UPDATE does not find it, while ON CONFLICT does. The delta is 1 or -1 (one
      -- organization, its two buckets of a measure netted), proposed as 1 or 0 to pass the CHECK and applied as
      -- 2 × proposed - 1; the rows go in one order (keys sorted) so concurrent saves lock them in that order.
      INSERT INTO "MovementValueYearDistribution" AS t ("year", "valueId", "sizeBand", "measure", "bucket", "slot", "organizations")
      SELECT "year", "valueId", "sizeBand", "measure", "bucket", "slot", GREATEST("delta", 0) FROM mvd_src ORDER BY "measure", "bucket"
      ON CONFLICT ("year", "valueId", "sizeBand", "measure", "bucket", "slot") DO UPDATE SET "organizations" = t."organizations" + 2 * EXCLUDED."organizations" - 1
      RETURNING 1
    ),
    ${bumpCtes(
      "mfy",
      "MovementFreedomYearSummary",
      ["year", "freedomId", ...DIMS],
      ["practiceCount", "organizationCount"],
      Sql.sql`
      SELECT ${year}::int AS "year", b."freedomId", ${dims}, ${sign}::int AS "practiceCount", ${starts(`b."before"`, sign)} AS "organizationCount"
      FROM st, ${before("ofy", Sql.raw(`a."freedomId",`))} b ORDER BY b."freedomId"`,
    )},
    mps AS (
      UPDATE "MovementParticipationSummary" t
      SET "practicedYear" = t."practicedYear" + d."yearDelta", ${practicedQ} = t.${practicedQ} + d."quarterDelta"
      FROM (SELECT st.*, ${starts(`st."year"`, sign)} AS "yearDelta", ${starts(`st."quarter"`, sign)} AS "quarterDelta" FROM st) d
      WHERE t."year" = ${year}::int AND t."macroRegion" = d."macroRegion" AND t."sizeBand" = d."sizeBand" AND t."impactedLed" = d."impactedLed"
        AND (d."yearDelta" <> 0 OR d."quarterDelta" <> 0)
      RETURNING 1
    )`;
}

/**
 * One practice added (1) or removed (-1) inside a write's transaction (an edit is a removal of the old state,
 * after the practice row changed, and an addition of the new one): the organization's year row is locked
 * first (made when the organization has none for that year), then practiceRollupCtes moves every row in one
 * statement. The movement-wide rows are locked by that last statement, so a caller runs it last, just before
 * its commit.
 */
export async function adjustPracticeRollups(tx: Tx, p: RolledUpPractice, sign: 1 | -1) {
  const year = p.occurredOn.getUTCFullYear();
  const locked = await tx.$queryRaw<
    unknown[]
  >`SELECT 1 FROM "OrganizationYear" WHERE "organizationId" = ${p.organizationId} AND "year" = ${year} FOR UPDATE`;
  if (!locked.length) await ensureOrganizationYears(tx, p.organizationId, [year]);
  // prepared per connection (a few variants: the sign and the quarter's column): planning this statement cost
  // PostgreSQL more CPU than running it
  await tx.$executeRaw`${PREPARED} WITH ${practiceRollupCtes(p, sign)} SELECT 1`;
}

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
    INSERT INTO "MovementValueYearSummary" ("year", "valueId", "macroRegion", "sizeBand", "impactedLed", "practiceCount", "participants", "impactedParticipants", "organizationCount")
    SELECT v."year", v."valueId", y."macroRegion", y."sizeBand", y."impactedLed", sum(v."n")::int, sum(v."p")::int, sum(v."i")::int, count(*) FILTER (WHERE v."n" > 0)::int
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
