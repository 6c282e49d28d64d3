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
import { runPrepared, type Prisma } from "~/utils/db.server";
import { type Bin, percentiles } from "~/utils/histogram";

const QUARTILES = [0.25, 0.5, 0.75];

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
type Quartiles = [number, number, number];
type Group = {
  organizations: number;
  practices: Quartiles | null;
  shareOrganizations: number;
  /** in whole percents */
  sharePercent: Quartiles | null;
};
/** a bucket of the year's distribution, or (measure "organizations", no value) how many organizations a band has */
const distributionRow = z.object({
  valueId: z.string().nullable(),
  band: z.enum(SIZE_BANDS).nullable(),
  measure: z.enum(["practices", "share", "organizations"]).nullable(),
  bucket: num.nullable(),
  organizations: num.nullable(),
});
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
  quartiles: Quartiles | null,
  organizations: number,
  min: number,
  step: number,
  unit = 1,
): Spread | null {
  if (organizations < min || quartiles === null) return null;
  const round = (n: number) => Number(((Math.round(n / step) * step) / unit).toFixed(4));
  const [q1, median, q3] = quartiles;
  return { q1: round(q1), median: round(median), q3: round(q3) };
}

const COUNT_STEP = 1;
/** shares are kept in whole percents and shown to the nearest 5 % */
const SHARE_STEP = 5;
const PERCENT = 100;

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
    runPrepared(
      prisma,
      Sql.sql`
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
    ),
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
      const all = groups.get(`${r.valueId} all`);
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
        impactedShare: spread(group?.sharePercent ?? null, shareOrganizations, min, SHARE_STEP, PERCENT),
      };
    });
}

/**
 * Per active value, the statistics of every size band and of the whole movement ("all") in a year, from the
 * year's distribution (MovementValueYearDistribution, kept current on write: how many organizations stand at
 * each practice count and each whole percent of impacted share, summed over its slots) and each band's number
 * of active organizations (MovementParticipationSummary, plus organizations without a snapshot for the year,
 * by their current band: counted only when the summary has fewer than the active organizations). Those without
 * a practice under a value are the band's organizations that no practice bucket holds. One statement of a few
 * hundred rows, where reading every organization's row took thousands spread over the whole table.
 */
async function readGroups(prisma: Prisma, year: number) {
  const rows = await runPrepared(
    prisma,
    Sql.sql`
    WITH snap AS (
      SELECT "sizeBand", sum("organizations")::int AS "n" FROM "MovementParticipationSummary" WHERE "year" = ${year} GROUP BY 1
    ), missing AS (
      SELECT o."sizeBand", count(*)::int AS "n" FROM "Organization" o
      WHERE o."archivedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "OrganizationYear" y WHERE y."organizationId" = o."id" AND y."year" = ${year})
        AND (SELECT count(*) FROM "Organization" WHERE "archivedAt" IS NULL) > (SELECT COALESCE(sum("n"), 0) FROM snap)
      GROUP BY 1
    )
    SELECT v."id" AS "valueId", d."sizeBand"::text AS "band", d."measure", d."bucket", sum(d."organizations")::int AS "organizations"
    FROM "Value" v
    LEFT JOIN "MovementValueYearDistribution" d ON d."valueId" = v."id" AND d."year" = ${year} AND d."organizations" > 0
    WHERE v."archivedAt" IS NULL
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT NULL, b."sizeBand"::text, 'organizations', NULL, sum(b."n")::int
    FROM (SELECT * FROM snap UNION ALL SELECT * FROM missing) b GROUP BY b."sizeBand"`,
  );
  const parsed = z.array(distributionRow).parse(rows);
  const bandSize = new Map<string | null, number>();
  const valueIds = new Set<string>();
  const bins = new Map<string, { practices: Bin[]; share: Bin[] }>();
  for (const r of parsed) {
    if (r.measure === "organizations") bandSize.set(r.band, r.organizations ?? 0);
    if (r.valueId !== null) valueIds.add(r.valueId);
    // an active value without a bucket this year comes as one row of nulls
    if (r.valueId === null || r.band === null || r.bucket === null || r.organizations === null) continue;
    if (r.measure !== "practices" && r.measure !== "share") continue;
    for (const key of [`${r.valueId} ${r.band}`, `${r.valueId} all`]) {
      const found = bins.get(key) ?? { practices: [], share: [] };
      found[r.measure].push({ value: r.bucket, count: r.organizations });
      bins.set(key, found);
    }
  }
  const groups = new Map<string, Group>();
  for (const valueId of valueIds) {
    for (const band of [...SIZE_BANDS, null]) {
      const key = `${valueId} ${band ?? "all"}`;
      const organizations = band ? (bandSize.get(band) ?? 0) : [...bandSize.values()].reduce((a, b) => a + b, 0);
      const { practices, share } = bins.get(key) ?? { practices: [], share: [] };
      // organizations no practice bucket holds logged nothing under the value: they stand at zero
      const practicing = practices.reduce((total, b) => total + b.count, 0);
      const zeros = { value: 0, count: Math.max(0, organizations - practicing) };
      groups.set(key, {
        organizations,
        practices: percentiles([zeros, ...practices], QUARTILES) as Quartiles | null,
        shareOrganizations: share.reduce((total, b) => total + b.count, 0),
        sharePercent: percentiles(share, QUARTILES) as Quartiles | null,
      });
    }
  }
  return groups;
}
