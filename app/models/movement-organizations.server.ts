// The participation tracker (/movement/organizations): each active organization with its region, its latest
// practice's date, its practices and commitments by status in the chosen year, and its reflection state for
// the open cycle. Names and counts only, read from the per-organization summaries (OrganizationYear,
// OrganizationCycleSummary): never a practice's, commitment's or reflection's content, never the base tables.
import { z } from "zod";
import { Prisma as Sql } from "~/generated/prisma/client";
import { TRACKER_STATES } from "~/models/cycle-schema";
import { type TrackerState } from "~/models/cycle-tracker.server";
import { parseMovementFilters, type MovementFilters } from "~/models/movement-filters";
import { COMMITMENT_STATUSES } from "~/models/commitment-rules";
import { textMatches } from "~/models/search.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";

export const PARTICIPATION_SORTS = ["name", "region", "last", "practices", "reflection"] as const;
export type ParticipationSort = (typeof PARTICIPATION_SORTS)[number];
export const PARTICIPATION_PAGE_SIZE = 50;

export type ParticipationQuery = Pick<MovementFilters, "year" | "region" | "size" | "impacted"> & {
  state?: TrackerState;
  q?: string;
  sort: ParticipationSort;
  dir: "asc" | "desc";
  /** a page of PARTICIPATION_PAGE_SIZE rows, or every row (the CSV) */
  page: number | "all";
};

// the reflection state sorts in its own order: not started, then a draft, then submitted
const ORDER: Record<ParticipationSort, string> = {
  name: `lower("name")`,
  region: `lower("regionName")`,
  last: `"lastPracticeOn"`,
  practices: `"practices"`,
  reflection: `CASE "reflection" WHEN 'NOT_STARTED' THEN 0 WHEN 'DRAFT' THEN 1 WHEN 'SUBMITTED' THEN 2 END`,
};

const row = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  /** null when the organization gave no region: its macro-region then reads "Region not given" */
  regionName: z.string().nullable(),
  macroRegion: z.string(),
  sizeBand: z.string(),
  impactedLed: z.boolean(),
  practices: z.number(),
  lastPracticeOn: z.string().nullable(),
  reflection: z.enum(TRACKER_STATES).nullable(),
  total: z.number(),
});

const search = z.object({
  state: z.enum(TRACKER_STATES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(PARTICIPATION_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The tracker's view from the URL; anything malformed falls back to the default view, never an error page. */
export function parseParticipationQuery(params: URLSearchParams, currentYear: number): ParticipationQuery {
  const { year, region, size, impacted } = parseMovementFilters(params, currentYear);
  const rest = search.parse({
    state: params.get("state") || undefined,
    q: params.get("q") || undefined,
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") ?? undefined,
    page: params.get("page") ?? 1,
  });
  return { year, region, size, impacted, ...rest, q: rest.q || undefined };
}

/** The query as URL parameters, defaults left out: links keep the view, a CSV takes the same rows. */
export function participationParams(query: ParticipationQuery, change: Partial<ParticipationQuery> = {}) {
  const v = { ...query, ...change };
  const params = new URLSearchParams({ year: String(v.year) });
  if (v.region) params.set("region", v.region);
  if (v.size) params.set("size", v.size);
  if (v.impacted !== undefined) params.set("impacted", v.impacted ? "yes" : "no");
  if (v.state) params.set("state", v.state);
  if (v.q) params.set("q", v.q);
  if (v.sort !== "name") params.set("sort", v.sort);
  if (v.dir !== "asc") params.set("dir", v.dir);
  if (v.page !== 1 && v.page !== "all") params.set("page", String(v.page));
  return params.toString();
}

export async function getParticipationTracker({
  prisma,
  query,
  locale,
}: {
  prisma: Prisma;
  query: ParticipationQuery;
  locale: Locale;
}) {
  const cycle = await prisma.cycle.findFirst({
    where: { status: "OPEN" },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  const cycleYear = cycle?.year ?? null;
  const { year } = query;
  const where = [
    query.region ? Sql.sql`"macroRegion" = ${query.region}` : null,
    query.size ? Sql.sql`"sizeBand" = ${query.size}` : null,
    query.impacted === undefined ? null : Sql.sql`"impactedLed" = ${query.impacted}`,
    query.state && cycleYear !== null ? Sql.sql`"reflection" = ${query.state}` : null,
    query.q ? textMatches(query.q, [Sql.sql`"name"`]) : null,
  ].filter((w) => w !== null);
  const order = Sql.raw(
    `${ORDER[query.sort]} ${query.dir === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST"}, lower("name") ASC, "id" ASC`,
  );
  const limit =
    query.page === "all"
      ? Sql.empty
      : Sql.sql`LIMIT ${PARTICIPATION_PAGE_SIZE} OFFSET ${(query.page - 1) * PARTICIPATION_PAGE_SIZE}`;
  // a past year's organizations are those that took part in it, as the dashboard counts them (a snapshot of
  // the year: activity then, or active in it); this year, every active organization, and one with no activity
  // yet has no snapshot: its current dimensions stand in
  const thisYear = new Date().getUTCFullYear();
  const raw = await prisma.$queryRaw`
    WITH base AS (
      SELECT o."id", o."name", COALESCE(y."regionCode", o."region") AS "regionCode",
        COALESCE(r."name" ->> ${locale}, r."name" ->> 'en') AS "regionName",
        COALESCE(y."macroRegion", r."macroRegion", 'UNSPECIFIED') AS "macroRegion",
        COALESCE(y."sizeBand", o."sizeBand")::text AS "sizeBand", COALESCE(y."impactedLed", o."impactedLed") AS "impactedLed",
        COALESCE(y."practiceCount", 0)::int AS "practices",
        (SELECT to_char(max(h."lastPracticeOn"), 'YYYY-MM-DD') FROM "OrganizationYear" h WHERE h."organizationId" = o."id" AND h."year" <= ${year}::int) AS "lastPracticeOn",
        CASE WHEN ${cycleYear}::int IS NULL THEN NULL ELSE COALESCE(
          (SELECT CASE s."sub" WHEN 'SUBMITTED' THEN 'SUBMITTED' ELSE 'DRAFT' END FROM "OrganizationCycleSummary" s
           WHERE s."organizationId" = o."id" AND s."year" = ${cycleYear}::int AND s."kind" = 'reflection' AND s."valueId" = '' LIMIT 1),
          'NOT_STARTED') END AS "reflection"
      FROM "Organization" o
      LEFT JOIN "OrganizationYear" y ON y."organizationId" = o."id" AND y."year" = ${year}::int
      LEFT JOIN "Region" r ON r."code" = COALESCE(y."regionCode", o."region")
      WHERE o."archivedAt" IS NULL AND (y."organizationId" IS NOT NULL OR ${year}::int >= ${thisYear}::int)
    )
    SELECT *, count(*) OVER ()::int AS "total" FROM base
    ${where.length ? Sql.sql`WHERE ${Sql.join(where, " AND ")}` : Sql.empty}
    ORDER BY ${order} ${limit}`;
  const rows = z.array(row).parse(raw);
  const total: number =
    rows[0]?.total ?? (query.page === "all" || query.page === 1 ? 0 : await countOnly(prisma, query, locale));
  const commitments = rows.length
    ? await prisma.organizationCycleSummary.groupBy({
        by: ["organizationId", "sub"],
        where: { kind: "commitment", year, organizationId: { in: rows.map((r) => r.id) } },
        _sum: { count: true },
      })
    : [];
  const byOrg = new Map<string, Record<string, number>>();
  for (const c of commitments)
    byOrg.set(c.organizationId, { ...byOrg.get(c.organizationId), [c.sub]: c._sum.count ?? 0 });
  return {
    cycleYear,
    total,
    pages: Math.max(1, Math.ceil(total / PARTICIPATION_PAGE_SIZE)),
    rows: rows.map(({ total: _total, ...r }) => ({
      ...r,
      commitments: Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, byOrg.get(r.id)?.[s] ?? 0])) as Record<
        (typeof COMMITMENT_STATUSES)[number],
        number
      >,
    })),
  };
}

/** A page past the end has no row to carry the total: the count alone. */
async function countOnly(prisma: Prisma, query: ParticipationQuery, locale: Locale): Promise<number> {
  const all = await getParticipationTracker({ prisma, query: { ...query, page: 1 }, locale });
  return all.total;
}
