// "Your organization beside the movement": per value, this organization's practices this year and its
// directly-impacted share, beside the median and quartiles of the active organizations' own numbers (itself
// included). A quartile can fall on one organization's figure, which is then that figure, unnamed: the group
// statistics say where the group stands, never whose number is whose (decision 014).
// It reads the per-organization yearly summaries (kept current on write), never the practices themselves,
// and returns only the organization's own numbers and group statistics: no other organization's row, id or
// name leaves this module, and a group smaller than the threshold carries no statistic at all.
import { z } from "zod";
import { Prisma as Sql, type SizeBand } from "~/generated/prisma/client";
import { SIZE_BANDS } from "~/models/organization-options";
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
// percentile_cont over [0.25, 0.5, 0.75]: one sort gives all three quartiles; null when the group is empty
const quartiles = z.tuple([num, num, num]).nullable();
const row = z.object({
  valueId: z.string(),
  band: z.enum(SIZE_BANDS),
  ownPractices: num,
  ownParticipants: num,
  ownImpacted: num,
  bandOrgs: num,
  bandPractices: quartiles,
  bandShareOrgs: num,
  bandShare: quartiles,
  allOrgs: num,
  allPractices: quartiles,
  allShareOrgs: num,
  allShare: quartiles,
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
  quartiles: [number, number, number] | null,
  organizations: number,
  min: number,
  step: number,
): Spread | null {
  if (organizations < min || quartiles === null) return null;
  const round = (n: number) => Number((Math.round(n / step) * step).toFixed(4));
  const [q1, median, q3] = quartiles;
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
  // One statement, one pass: every active organization × value (zeros included) is grouped by value once,
  // and each group's quartiles come from one sort (percentile_cont over an array of fractions, interpolating).
  // No row when the organization does not exist or no value is asked for.
  const rows = await prisma.$queryRaw`
    WITH me AS (
      SELECT COALESCE(y."sizeBand", o."sizeBand")::text AS "band"
      FROM "Organization" o LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}
      WHERE o."id" = ${organizationId}
    ), vals AS (
      SELECT "id", "position" FROM "Value"
      WHERE "archivedAt" IS NULL ${valueIds ? Sql.sql`AND "id" = ANY(${valueIds}::text[])` : Sql.empty}
    ), grid AS (
      SELECT v."id" AS "valueId", COALESCE(y."sizeBand", o."sizeBand")::text AS "band", COALESCE(s."practiceCount", 0) AS "practices",
        CASE WHEN COALESCE(s."participants", 0) > 0 THEN s."impactedParticipants"::float8 / s."participants" END AS "share"
      FROM "Organization" o
      LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}
      CROSS JOIN vals v
      LEFT JOIN "OrganizationValueYearSummary" s ON s."organizationId" = o."id" AND s."valueId" = v."id" AND s."year" = ${year}
      WHERE o."archivedAt" IS NULL
    )
    SELECT v."id" AS "valueId", me."band",
      COALESCE(own."practiceCount", 0)::int AS "ownPractices", COALESCE(own."participants", 0)::int AS "ownParticipants",
      COALESCE(own."impactedParticipants", 0)::int AS "ownImpacted",
      count(g."valueId") FILTER (WHERE g."band" = me."band")::int AS "bandOrgs",
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY g."practices") FILTER (WHERE g."band" = me."band") AS "bandPractices",
      count(g."share") FILTER (WHERE g."band" = me."band")::int AS "bandShareOrgs",
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY g."share") FILTER (WHERE g."band" = me."band") AS "bandShare",
      count(g."valueId")::int AS "allOrgs",
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY g."practices") AS "allPractices",
      count(g."share")::int AS "allShareOrgs",
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY g."share") AS "allShare"
    FROM vals v CROSS JOIN me
    LEFT JOIN "OrganizationValueYearSummary" own ON own."organizationId" = ${organizationId} AND own."valueId" = v."id" AND own."year" = ${year}
    LEFT JOIN grid g ON g."valueId" = v."id"
    GROUP BY v."id", v."position", me."band", own."practiceCount", own."participants", own."impactedParticipants"
    ORDER BY v."position", v."id"`;
  const min = minGroupSize;
  return z
    .array(row)
    .parse(rows)
    .map((r) => {
      const own = {
        practices: r.ownPractices,
        participants: r.ownParticipants,
        impactedShare: r.ownParticipants > 0 ? r.ownImpacted / r.ownParticipants : null,
      };
      return r.bandOrgs >= min
        ? {
            valueId: r.valueId,
            own,
            group: { kind: "band", band: r.band },
            organizations: r.bandOrgs,
            practices: spread(r.bandPractices, r.bandOrgs, min, COUNT_STEP),
            shareOrganizations: r.bandShareOrgs,
            impactedShare: spread(r.bandShare, r.bandShareOrgs, min, SHARE_STEP),
          }
        : {
            valueId: r.valueId,
            own,
            group: { kind: "all" },
            organizations: r.allOrgs,
            practices: spread(r.allPractices, r.allOrgs, min, COUNT_STEP),
            shareOrganizations: r.allShareOrgs,
            impactedShare: spread(r.allShare, r.allShareOrgs, min, SHARE_STEP),
          };
    });
}
