// "Your organization beside the movement": per value, this organization's practices this year and its
// directly-impacted share, beside the median and quartiles of the active organizations' own numbers (itself
// included). A quartile can fall on one organization's figure, which is then that figure, unnamed: the group
// statistics say where the group stands, never whose number is whose (decision 014).
// It reads the per-organization yearly summaries (kept current on write), never the practices themselves,
// and returns only the organization's own numbers and group statistics: no other organization's row, id or
// name leaves this module, and a group smaller than the threshold carries no statistic at all.
import { z } from "zod";
import { Prisma as Sql, type SizeBand } from "~/generated/prisma/client";
import { movementCached } from "~/models/movement-cache.server";
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
const groupRow = z.object({
  valueId: z.string(),
  /** null: every active organization */
  band: z.enum(SIZE_BANDS).nullable(),
  organizations: num,
  practices: quartiles,
  shareOrganizations: num,
  share: quartiles,
});
type Group = z.infer<typeof groupRow>;
const ownRow = z.object({
  valueId: z.string(),
  band: z.enum(SIZE_BANDS),
  practices: num,
  participants: num,
  impacted: num,
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
  // the organization's own numbers per active value (no row when it does not exist), and the groups' statistics,
  // the same for every organization of the movement and so read once per writes seen (movement-cache.server.ts)
  const [ownRows, groups] = await Promise.all([
    prisma.$queryRaw`
      SELECT v."id" AS "valueId", COALESCE(y."sizeBand", o."sizeBand")::text AS "band",
        COALESCE(s."practiceCount", 0)::int AS "practices", COALESCE(s."participants", 0)::int AS "participants",
        COALESCE(s."impactedParticipants", 0)::int AS "impacted"
      FROM "Organization" o
      LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}
      CROSS JOIN "Value" v
      LEFT JOIN "OrganizationValueYearSummary" s ON s."organizationId" = o."id" AND s."valueId" = v."id" AND s."year" = ${year}
      WHERE o."id" = ${organizationId} AND v."archivedAt" IS NULL
        ${valueIds ? Sql.sql`AND v."id" = ANY(${valueIds}::text[])` : Sql.empty}
      ORDER BY v."position", v."id"`,
    movementCached(`beside ${year}`, () => readGroups(prisma, year)),
  ]);
  const min = minGroupSize;
  return z
    .array(ownRow)
    .parse(ownRows)
    .map((r) => {
      const own = {
        practices: r.practices,
        participants: r.participants,
        impactedShare: r.participants > 0 ? r.impacted / r.participants : null,
      };
      const band = groups.get(`${r.valueId} ${r.band}`);
      const all = groups.get(`${r.valueId} `);
      const group: Group | undefined = band && band.organizations >= min ? band : all;
      const organizations = group?.organizations ?? 0;
      const shareOrganizations = group?.shareOrganizations ?? 0;
      return {
        valueId: r.valueId,
        own,
        group: group === band && band ? { kind: "band", band: r.band } : { kind: "all" },
        organizations,
        practices: spread(group?.practices ?? null, organizations, min, COUNT_STEP),
        shareOrganizations,
        impactedShare: spread(group?.share ?? null, shareOrganizations, min, SHARE_STEP),
      };
    });
}

/**
 * Per active value, the statistics of every size band and of the whole movement (band null) in a year: every
 * active organization counts, with zero for a value it logged nothing under; an archived one counts nowhere.
 * One statement, one pass: the grid of organizations × values is grouped once per band and once per value, and
 * each group's quartiles come from one sort (percentile_cont over an array of fractions, interpolating).
 */
async function readGroups(prisma: Prisma, year: number) {
  const rows = await prisma.$queryRaw`
    WITH grid AS (
      SELECT v."id" AS "valueId", COALESCE(y."sizeBand", o."sizeBand")::text AS "band", COALESCE(s."practiceCount", 0) AS "practices",
        CASE WHEN COALESCE(s."participants", 0) > 0 THEN s."impactedParticipants"::float8 / s."participants" END AS "share"
      FROM "Organization" o
      LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}
      CROSS JOIN "Value" v
      LEFT JOIN "OrganizationValueYearSummary" s ON s."organizationId" = o."id" AND s."valueId" = v."id" AND s."year" = ${year}
      WHERE o."archivedAt" IS NULL AND v."archivedAt" IS NULL
    )
    SELECT "valueId", "band", count(*)::int AS "organizations",
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY "practices") AS "practices",
      count("share")::int AS "shareOrganizations",
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY "share") AS "share"
    FROM grid GROUP BY GROUPING SETS (("valueId", "band"), ("valueId"))`;
  return new Map(
    z
      .array(groupRow)
      .parse(rows)
      .map((g) => [`${g.valueId} ${g.band ?? ""}`, g] as const),
  );
}
