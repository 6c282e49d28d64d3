// "Your organization beside the movement": per value, this organization's practices this year and its
// directly-impacted share, beside the median and quartiles of the active organizations' own numbers (itself
// included). A quartile can fall on one organization's figure, which is then that figure, unnamed: the group
// statistics say where the group stands, never whose number is whose (decision 014).
// It reads the per-organization yearly summaries (kept current on write), never the practices themselves,
// and returns only the organization's own numbers and group statistics: no other organization's row, id or
// name leaves this module, and a group smaller than the threshold carries no statistic at all.
import { z } from "zod";
import type { SizeBand } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

export type Spread = { q1: number; median: number; q3: number };

export type BesideValue = {
  valueId: string;
  own: { practices: number; participants: number; impactedShare: number | null };
  /** the organizations compared with: the same size band when it has enough, else all of them */
  group: { kind: "band"; band: SizeBand } | { kind: "all" };
  /** how many organizations the group holds; its numbers are null when fewer than the threshold */
  organizations: number;
  practices: Spread | null;
  /** organizations in the group that counted participants: the impacted share is only theirs */
  shareOrganizations: number;
  impactedShare: Spread | null;
};

const num = z.coerce.number();
const maybe = num.nullable();
const row = z.object({
  valueId: z.string(),
  ownPractices: num,
  ownParticipants: num,
  ownImpacted: num,
  bandOrgs: num,
  bandQ1: maybe,
  bandMedian: maybe,
  bandQ3: maybe,
  bandShareOrgs: num,
  bandShareQ1: maybe,
  bandShareMedian: maybe,
  bandShareQ3: maybe,
  allOrgs: num,
  allQ1: maybe,
  allMedian: maybe,
  allQ3: maybe,
  allShareOrgs: num,
  allShareQ1: maybe,
  allShareMedian: maybe,
  allShareQ3: maybe,
});

/**
 * The smallest group whose median and quartiles are shown: twice MIN_GROUP_SIZE. Interpolated quartiles of a
 * group of exactly MIN_GROUP_SIZE organizations let one of them, knowing its own count, work out the others';
 * with twice as many they no longer pin anyone down.
 */
export const besideGroupMinimum = (minGroupSize: number) => 2 * minGroupSize;

/**
 * A group's statistics as shown: practice counts to the whole number and shares to the nearest 5 %. A
 * quartile that falls on one organization's own figure is that figure (a count, unnamed, as any median of a
 * small group is); an exact share (89 of 128) would also give away its participants, so shares are rounded.
 */
function spread(
  q1: number | null,
  median: number | null,
  q3: number | null,
  organizations: number,
  min: number,
  step: number,
): Spread | null {
  if (organizations < min || q1 === null || median === null || q3 === null) return null;
  const round = (n: number) => Number((Math.round(n / step) * step).toFixed(4));
  return { q1: round(q1), median: round(median), q3: round(q3) };
}

const COUNT_STEP = 1;
const SHARE_STEP = 0.05;

/**
 * The comparison for each value (all active values, or the ones asked for) in a calendar year. Every active
 * organization counts, with zero for a value it logged nothing under; an archived one counts nowhere. The size
 * band is the one the organization had that year (its yearly snapshot), or its current one without a snapshot.
 */
export async function getOrganizationBeside({
  prisma,
  organizationId,
  year,
  minGroupSize,
  valueIds,
}: {
  prisma: Prisma;
  organizationId: string;
  year: number;
  minGroupSize: number;
  valueIds?: string[];
}): Promise<BesideValue[]> {
  const [[me], values] = await Promise.all([
    prisma.$queryRaw<{ band: SizeBand }[]>`
      SELECT COALESCE(y."sizeBand", o."sizeBand")::text AS "band"
      FROM "Organization" o LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}
      WHERE o."id" = ${organizationId}`,
    prisma.value.findMany({
      where: { archivedAt: null, ...(valueIds ? { id: { in: valueIds } } : {}) },
      orderBy: { position: "asc" },
      select: { id: true },
    }),
  ]);
  if (!me) return [];
  if (!values.length) return [];
  const ids = values.map((v) => v.id);
  // one row per active organization × value, zeros included; quartiles interpolate (percentile_cont)
  const rows = await prisma.$queryRaw`
    WITH orgs AS (
      SELECT o."id", COALESCE(y."sizeBand", o."sizeBand")::text AS "band"
      FROM "Organization" o LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}
      WHERE o."archivedAt" IS NULL
    ), sums AS (
      SELECT "organizationId", "valueId", "practiceCount" AS "practices", "participants", "impactedParticipants" AS "impacted"
      FROM "OrganizationValueYearSummary"
      WHERE "year" = ${year} AND "valueId" = ANY(${ids}::text[])
    ), grid AS (
      SELECT orgs."id", orgs."band", v."valueId", COALESCE(s."practices", 0) AS "practices",
        COALESCE(s."participants", 0) AS "participants", COALESCE(s."impacted", 0) AS "impacted",
        CASE WHEN COALESCE(s."participants", 0) > 0 THEN s."impacted"::float8 / s."participants" END AS "share"
      FROM orgs CROSS JOIN unnest(${ids}::text[]) AS v("valueId")
      LEFT JOIN sums s ON s."organizationId" = orgs."id" AND s."valueId" = v."valueId"
    )
    SELECT v."valueId",
      COALESCE(own."practices", 0)::int AS "ownPractices", COALESCE(own."participants", 0)::int AS "ownParticipants",
      COALESCE(own."impacted", 0)::int AS "ownImpacted", g.*
    FROM unnest(${ids}::text[]) AS v("valueId")
    LEFT JOIN sums own ON own."organizationId" = ${organizationId} AND own."valueId" = v."valueId"
    LEFT JOIN LATERAL (SELECT
      count(*) FILTER (WHERE "band" = ${me.band})::int AS "bandOrgs",
      percentile_cont(0.25) WITHIN GROUP (ORDER BY "practices") FILTER (WHERE "band" = ${me.band}) AS "bandQ1",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "practices") FILTER (WHERE "band" = ${me.band}) AS "bandMedian",
      percentile_cont(0.75) WITHIN GROUP (ORDER BY "practices") FILTER (WHERE "band" = ${me.band}) AS "bandQ3",
      count("share") FILTER (WHERE "band" = ${me.band})::int AS "bandShareOrgs",
      percentile_cont(0.25) WITHIN GROUP (ORDER BY "share") FILTER (WHERE "band" = ${me.band}) AS "bandShareQ1",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "share") FILTER (WHERE "band" = ${me.band}) AS "bandShareMedian",
      percentile_cont(0.75) WITHIN GROUP (ORDER BY "share") FILTER (WHERE "band" = ${me.band}) AS "bandShareQ3",
      count(*)::int AS "allOrgs",
      percentile_cont(0.25) WITHIN GROUP (ORDER BY "practices") AS "allQ1",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "practices") AS "allMedian",
      percentile_cont(0.75) WITHIN GROUP (ORDER BY "practices") AS "allQ3",
      count("share")::int AS "allShareOrgs",
      percentile_cont(0.25) WITHIN GROUP (ORDER BY "share") AS "allShareQ1",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "share") AS "allShareMedian",
      percentile_cont(0.75) WITHIN GROUP (ORDER BY "share") AS "allShareQ3"
      FROM grid WHERE grid."valueId" = v."valueId") g ON true`;
  const byValue = new Map(
    z
      .array(row)
      .parse(rows)
      .map((r) => [r.valueId, r]),
  );
  const min = minGroupSize;
  return ids.map((valueId) => {
    const r = byValue.get(valueId);
    if (!r) throw new Error(`no comparison row for value ${valueId}`);
    const band = r.bandOrgs >= min;
    const own = {
      practices: r.ownPractices,
      participants: r.ownParticipants,
      impactedShare: r.ownParticipants > 0 ? r.ownImpacted / r.ownParticipants : null,
    };
    return band
      ? {
          valueId,
          own,
          group: { kind: "band", band: me.band },
          organizations: r.bandOrgs,
          practices: spread(r.bandQ1, r.bandMedian, r.bandQ3, r.bandOrgs, min, COUNT_STEP),
          shareOrganizations: r.bandShareOrgs,
          impactedShare: spread(r.bandShareQ1, r.bandShareMedian, r.bandShareQ3, r.bandShareOrgs, min, SHARE_STEP),
        }
      : {
          valueId,
          own,
          group: { kind: "all" },
          organizations: r.allOrgs,
          practices: spread(r.allQ1, r.allMedian, r.allQ3, r.allOrgs, min, COUNT_STEP),
          shareOrganizations: r.allShareOrgs,
          impactedShare: spread(r.allShareQ1, r.allShareMedian, r.allShareQ3, r.allShareOrgs, min, SHARE_STEP),
        };
  });
}
