// The movement rollups as the dashboard reads them: one statement for every chart's cells, the framework's
// names and where a new installation stands. Nothing here is suppressed yet (movement-dashboard.server.ts).
import { z } from "zod";
import { Prisma as Sql } from "~/generated/prisma/client";
import type { MovementFilters } from "~/models/movement-filters";
import { movementCached } from "~/models/movement-cache.server";
import type { RawCell } from "~/models/movement-suppression";
import { runPrepared, type Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";

export const STATUSES = ["PLANNED", "IN_PROGRESS", "ACHIEVED", "PAUSED", "DROPPED"] as const;

const num = z.coerce.number();
const named = z.array(z.object({ id: z.string(), slug: z.string(), name: z.unknown(), position: num }));
const snapshot = z.object({
  values: named,
  freedoms: named,
  levels: z.array(z.object({ level: num, name: z.unknown() })),
  firstYear: num.nullable(),
  // the status of the year's cycle, if it has one: its self-ratings are shown once it is closed
  cycleStatus: z.string().nullable(),
  start: z.object({ hasOrganizations: z.boolean(), hasCycle: z.boolean(), hasPractices: z.boolean() }),
  // [part, key, sub, value, organizations, allOrganizations]: the filtered organizations' figures and how many
  // organizations the cell has over the whole movement (its complement is the difference)
  sums: z.array(z.tuple([z.string(), z.string(), z.string(), num, num, num])),
});

/**
 * The dimension filters as SQL over a rollup's columns; true when none is set. The size band is compared as the
 * enum (the parameter cast once), not each row's band written out as text.
 */
function dimensionMatch(f: SnapshotFilters) {
  return Sql.sql`(${f.region}::text IS NULL OR "macroRegion" = ${f.region}::text)
    AND (${f.size}::text IS NULL OR "sizeBand" = ${f.size}::text::"SizeBand")
    AND (${f.impacted}::boolean IS NULL OR "impactedLed" = ${f.impacted}::boolean)`;
}

type Part = {
  part: string;
  table: string;
  /** the column (or expression) the cells are grouped by, and how the grouped value is written as the key */
  key: string;
  keyText?: (grouped: string) => string;
  sub: string;
  value: string;
  organizations: string;
  where: Sql.Sql;
  unpivot?: readonly string[];
};

/**
 * One rollup's column summed per (key, sub) for the filtered organizations, with the cell's organizations over
 * all of them, so each cell's complement (what the filters left out) can be checked too. `unpivot` turns several columns of one
 * row into rows of their own (sub = the column's name), so one scan serves them all.
 */
function partSql(q: Part, match: Sql.Sql) {
  const raw = Sql.raw;
  const from = q.unpivot
    ? raw(
        `"${q.table}" CROSS JOIN LATERAL (VALUES ${q.unpivot.map((c) => `('${c}', "${c}")`).join(", ")}) AS c("column", "amount")`,
      )
    : raw(`"${q.table}"`);
  // grouped by the columns themselves, the key written out once per cell (not once per row read)
  return Sql.sql`
    SELECT ${q.part}::text AS "part", ${raw(q.keyText ? q.keyText("g.k") : "g.k")}::text AS "key", g.s::text AS "sub",
      g."value", g."organizations", g."allOrganizations"
    FROM (SELECT ${raw(q.key)} AS k, ${raw(q.sub)} AS s,
      COALESCE(sum(${raw(q.value)}) FILTER (WHERE ${match}), 0)::int AS "value",
      COALESCE(sum(${raw(q.organizations)}) FILTER (WHERE ${match}), 0)::int AS "organizations",
      sum(${raw(q.organizations)})::int AS "allOrganizations"
    FROM ${from} WHERE ${q.where} GROUP BY 1, 2) g`;
}

const VALUE_YEAR_COLUMNS = ["practiceCount", "participants", "impactedParticipants"] as const;
export const PARTICIPATION_COLUMNS = [
  "organizations",
  "practicedYear",
  "practicedQ1",
  "practicedQ2",
  "practicedQ3",
  "practicedQ4",
  "reflectionsDrafted",
  "reflectionsSubmitted",
] as const;

// where a new installation stands (getMovementStart): a practice is read from the rollups, never the practices
const START = Sql.sql`json_build_object(
  'hasOrganizations', EXISTS (SELECT 1 FROM "Organization" WHERE "archivedAt" IS NULL),
  'hasCycle', EXISTS (SELECT 1 FROM "Cycle"),
  'hasPractices', EXISTS (SELECT 1 FROM "MovementValueYearSummary" WHERE "practiceCount" > 0))`;

/**
 * The framework, the first year with a snapshot, where the installation stands and every chart's sums in one statement: one round trip
 * whatever the number of charts, over rollups of a few thousand rows a year. The month chart reads the months
 * from `from` up to `to` (exclusive): the shown months and the year before them.
 */
/**
 * Every chart's raw cells for the filters' year, dimensions and months from `from` to `to`, read once per
 * writes seen (movement-cache.server.ts): the key below is everything the statement reads.
 */
export async function readSnapshot(prisma: Prisma, filters: MovementFilters, { from, to }: { from: Date; to: Date }) {
  const asked: SnapshotFilters = {
    year: filters.year,
    region: filters.region ?? null,
    size: filters.size ?? null,
    impacted: filters.impacted ?? null,
  };
  return movementCached(`snapshot ${JSON.stringify([asked, from.toISOString(), to.toISOString()])}`, () =>
    querySnapshot(prisma, asked, { from, to }),
  );
}

type SnapshotFilters = {
  year: number;
  region: string | null;
  size: MovementFilters["size"] | null;
  impacted: boolean | null;
};

async function querySnapshot(prisma: Prisma, filters: SnapshotFilters, { from, to }: { from: Date; to: Date }) {
  const { year } = filters;
  const inYear = Sql.sql`"year" = ${year}`;
  const parts: Part[] = [
    {
      part: "month",
      table: "MovementValueMonthSummary",
      key: `"month"`,
      keyText: (month) => `to_char(${month}, 'YYYY-MM')`,
      sub: `"valueId"`,
      value: `"practiceCount"`,
      organizations: `"organizationCount"`,
      where: Sql.sql`"month" >= ${from}::date AND "month" < ${to}::date`,
    },
    {
      part: "valueYear",
      table: "MovementValueYearSummary",
      key: `"valueId"`,
      sub: `c."column"`,
      value: `c."amount"`,
      // the participants' figures come from the organizations that counted participants
      organizations: `CASE WHEN c."column" = 'practiceCount' THEN "organizationCount" ELSE "participantOrganizationCount" END`,
      where: inYear,
      unpivot: VALUE_YEAR_COLUMNS,
    },
    {
      part: "freedom",
      table: "MovementFreedomYearSummary",
      key: `"freedomId"`,
      sub: `''`,
      value: `"practiceCount"`,
      organizations: `"organizationCount"`,
      where: inYear,
    },
    {
      part: "rubric",
      table: "MovementRubricSummary",
      key: `"valueId"`,
      sub: `"level"`,
      value: `"organizationCount"`,
      organizations: `"organizationCount"`,
      where: inYear,
    },
    {
      // the ratings of each level shared with the coalition or public: the shared page names them
      part: "rubricShared",
      table: "MovementRubricSummary",
      key: `"valueId"`,
      sub: `"level"`,
      value: `"sharedCount"`,
      organizations: `"sharedCount"`,
      where: inYear,
    },
    {
      part: "commitment",
      table: "MovementCommitmentSummary",
      key: `"valueId"`,
      sub: `"status"`,
      value: `"commitmentCount"`,
      organizations: `"organizationCount"`,
      where: inYear,
    },
    {
      part: "participation",
      table: "MovementParticipationSummary",
      key: `''`,
      sub: `c."column"`,
      value: `c."amount"`,
      organizations: `c."amount"`,
      where: inYear,
      unpivot: PARTICIPATION_COLUMNS,
    },
  ];
  const match = dimensionMatch(filters);
  const framework = (table: string) =>
    Sql.sql`(SELECT COALESCE(json_agg(json_build_object('id', "id", 'slug', "slug", 'name', "name", 'position', "position") ORDER BY "position"), '[]')
      FROM ${Sql.raw(`"${table}"`)} WHERE "archivedAt" IS NULL)`;
  const [row] = await runPrepared<unknown>(
    prisma,
    Sql.sql`
    SELECT ${framework("Value")} AS "values", ${framework("Freedom")} AS "freedoms",
      (SELECT COALESCE(json_agg(json_build_object('level', "level", 'name', "name") ORDER BY "level"), '[]') FROM "RubricLevel") AS "levels",
      (SELECT min("year") FROM "OrganizationYear") AS "firstYear", ${START} AS "start",
      (SELECT "status"::text FROM "Cycle" WHERE "year" = ${year}) AS "cycleStatus",
      (SELECT COALESCE(json_agg(json_build_array(s."part", s."key", s."sub", s."value", s."organizations", s."allOrganizations")), '[]')
       FROM (${Sql.join(
         parts.map((q) => partSql(q, match)),
         " UNION ALL ",
       )}) s) AS "sums"`,
  );
  const data = snapshot.parse(row);
  const byPart = new Map<string, Map<string, RawCell>>();
  for (const [part, key, sub, value, organizations, allOrganizations] of data.sums) {
    if (!byPart.has(part)) byPart.set(part, new Map());
    byPart.get(part)!.set(`${key}|${sub}`, { value, organizations, complement: allOrganizations - organizations });
  }
  const lookup =
    (part: string) =>
    (key: string, sub: string): RawCell =>
      byPart.get(part)?.get(`${key}|${sub}`) ?? { value: 0, organizations: 0, complement: 0 };
  return { data, lookup };
}

export function framework(data: z.infer<typeof snapshot>, locale: Locale) {
  const named = <T extends { name: unknown }>(list: T[]) => list.map((x) => ({ ...x, name: pick(x.name, locale) }));
  return { values: named(data.values), freedoms: named(data.freedoms), levels: named(data.levels) };
}
