// A practice added to or removed from every summary in one statement (decision 022): the organization's own
// rows, read back after their row locks, and the movement rollups (app/models/movement-rollup.server.ts).
import { Prisma as Sql, type Prisma as PrismaNamespace } from "~/generated/prisma/client";
import {
  DIMS,
  DISTRIBUTION_KEPT,
  distributionEntries,
  distributionSlot,
  ensureOrganizationYears,
} from "~/models/movement-rollup.server";
import { runPrepared } from "~/utils/db.server";

type Tx = PrismaNamespace.TransactionClient;
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
  // the quarter's columns chosen by a parameter, not written into the text: one statement for every date, so
  // each connection plans it as one prepared statement (its first five runs are planned afresh, at about as
  // much of PostgreSQL's CPU as the save itself), not one per quarter
  const QUARTERS = [1, 2, 3, 4];
  const inQuarter = (q: number, then: PrismaNamespace.Sql) =>
    Sql.sql`CASE WHEN ${quarter}::int = ${Sql.raw(String(q))} THEN ${then} ELSE 0 END`;
  const practiceQs = Sql.join(
    QUARTERS.map(
      (q) =>
        Sql.sql`${Sql.raw(`"practiceQ${q}"`)} = y.${Sql.raw(`"practiceQ${q}"`)} + ${inQuarter(q, Sql.sql`${sign}::int`)}`,
    ),
  );
  const practiceQBefore = Sql.sql`CASE ${quarter}::int ${Sql.join(
    QUARTERS.map((q) => Sql.sql`WHEN ${Sql.raw(String(q))} THEN y.${Sql.raw(`"practiceQ${q}"`)}`),
    " ",
  )} END - ${sign}::int`;
  const practicedQs = Sql.join(
    QUARTERS.map(
      (q) =>
        Sql.sql`${Sql.raw(`"practicedQ${q}"`)} = t.${Sql.raw(`"practicedQ${q}"`)} + ${inQuarter(q, Sql.raw(`d."quarterDelta"`))}`,
    ),
  );
  const latest =
    sign > 0
      ? Sql.sql`GREATEST(y."lastPracticeOn", ${p.occurredOn}::date)`
      : Sql.sql`(SELECT max("occurredOn") FROM "Practice" WHERE "organizationId" = ${org} AND "deletedAt" IS NULL
          AND "occurredOn" >= ${new Date(Date.UTC(year, 0, 1))}::date AND "occurredOn" < ${new Date(Date.UTC(year + 1, 0, 1))}::date)`;
  const before = (name: string, key = Sql.empty) =>
    Sql.sql`(SELECT ${key} a."practiceCount" - ${sign}::int AS "before" FROM ${Sql.raw(name)}_after a)`;
  return Sql.sql`oy AS (
      UPDATE "OrganizationYear" y SET "practiceCount" = y."practiceCount" + ${sign}::int, ${practiceQs},
        "lastPracticeOn" = ${latest}
      WHERE y."organizationId" = ${org} AND y."year" = ${year}::int AND ${gate}
      RETURNING y."macroRegion", y."sizeBand", y."impactedLed", y."practiceCount" - ${sign}::int AS "year", ${practiceQBefore} AS "quarter"
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
      [...counts, "participantOrganizationCount"],
      // the organization counts for the participants' figures once its own participants there go above 0
      Sql.sql`
      SELECT ${year}::int AS "year", ${p.valueId}::text AS "valueId", ${dims}, ${amounts}, ${starts(`b."before"`, sign)} AS "organizationCount",
        (b."participantsAfter" > 0)::int - (b."participantsAfter" - ${sign * p.participants}::int > 0)::int AS "participantOrganizationCount"
      FROM st, (SELECT a."practiceCount" - ${sign}::int AS "before", a."participants" AS "participantsAfter" FROM ovy_after a) b`,
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
      SET "practicedYear" = t."practicedYear" + d."yearDelta", ${practicedQs}
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
  await runPrepared(tx, Sql.sql` WITH ${practiceRollupCtes(p, sign)} SELECT 1`);
}
