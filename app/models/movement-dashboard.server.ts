// The movement dashboard's numbers, read from the movement rollups only (a few thousand rows a year whatever
// the history) and suppressed before they leave this module: what it returns may go to the page as it is.
import { z } from "zod";
import { Prisma as Sql } from "~/generated/prisma/client";
import type { ChartTable } from "~/models/movement-chart-types";
import { monthsOf, yearBefore, type MovementFilters } from "~/models/movement-filters";
import { suppressCell, suppressGroup, type RawCell } from "~/models/movement-suppression";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";


const STATUSES = ["PLANNED", "IN_PROGRESS", "ACHIEVED", "PAUSED", "DROPPED"] as const;
const STATUS_COLORS = ["#5a6270", "#1d5a9e", "#2d6a3e", "#8f4a00", "#8b2f3a"];
const LEVEL_COLORS = ["#8fb3d9", "#4f86c0", "#1d5a9e", "#0b2e59"];

const num = z.coerce.number();
const sumRow = z.object({ key: z.string(), sub: z.string(), value: num, organizations: num, all: num, allOrganizations: num });

/** The dimension filters as SQL over a rollup's columns; true when none is set. */
function dimensionMatch(f: MovementFilters) {
  return Sql.sql`(${f.region ?? null}::text IS NULL OR "macroRegion" = ${f.region ?? null}::text)
    AND (${f.size ?? null}::text IS NULL OR "sizeBand"::text = ${f.size ?? null}::text)
    AND (${f.impacted ?? null}::boolean IS NULL OR "impactedLed" = ${f.impacted ?? null}::boolean)`;
}

/**
 * Sums a rollup's column per (key, sub), for the filtered organizations and for all of them, so each cell's
 * complement (what the filters left out) can be checked too.
 */
async function sums(prisma: Prisma, q: { table: string; key: string; sub: string; value: string; organizations: string; where: Sql.Sql; filters: MovementFilters }) {
  const match = dimensionMatch(q.filters);
  const raw = Sql.raw;
  const rows = await prisma.$queryRaw`
    SELECT ${raw(q.key)}::text AS "key", ${raw(q.sub)}::text AS "sub",
      COALESCE(sum(${raw(q.value)}) FILTER (WHERE ${match}), 0)::int AS "value",
      COALESCE(sum(${raw(q.organizations)}) FILTER (WHERE ${match}), 0)::int AS "organizations",
      sum(${raw(q.value)})::int AS "all", sum(${raw(q.organizations)})::int AS "allOrganizations"
    FROM ${raw(`"${q.table}"`)} WHERE ${q.where} GROUP BY 1, 2`;
  const map = new Map<string, RawCell>();
  for (const r of z.array(sumRow).parse(rows)) {
    map.set(`${r.key}|${r.sub}`, { value: r.value, organizations: r.organizations, complement: r.allOrganizations - r.organizations });
  }
  return (key: string, sub: string): RawCell => map.get(`${key}|${sub}`) ?? { value: 0, organizations: 0, complement: 0 };
}

async function framework(prisma: Prisma, locale: Locale) {
  const [values, freedoms, levels] = await Promise.all([
    prisma.value.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, position: true } }),
    prisma.freedom.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, position: true } }),
    prisma.rubricLevel.findMany({ orderBy: { level: "asc" }, select: { level: true, name: true } }),
  ]);
  const named = <T extends { name: unknown }>(list: T[]) => list.map((x) => ({ ...x, name: pick(x.name, locale) }));
  return { values: named(values), freedoms: named(freedoms), levels: named(levels) };
}

export type DashboardLabels = {
  /** January to December, for a year's months */
  months: string[];
  /** one month of a date range, with its year ("Mar 2025") */
  month: (month: string) => string;
  /** the dashed line of a date range: the same month a year before */
  yearBefore: string;
  statuses: Record<(typeof STATUSES)[number], string>;
  participants: string;
  impacted: string;
  practices: string;
  organizations: string;
  participation: { quarter: (q: number) => string; year: string; active: string; notStarted: string; drafted: string; submitted: string };
};

/** Every chart of the movement dashboard for these filters, suppressed, with the names in the user's language. */
export async function getMovementDashboard({
  prisma,
  filters,
  locale,
  minGroupSize,
  labels,
  valueColor,
  freedomColor,
}: {
  prisma: Prisma;
  filters: MovementFilters;
  locale: Locale;
  minGroupSize: number;
  labels: DashboardLabels;
  valueColor: (slug: string, position: number) => string;
  freedomColor: (slug: string, position: number) => string;
}) {
  const min = minGroupSize;
  const { year } = filters;
  const fw = await framework(prisma, locale);
  const values = filters.value ? fw.values.filter((v) => v.slug === filters.value) : fw.values;
  // a date range draws its months beside the same months a year before; otherwise the year beside the last
  const monthKeys = (y: number) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`);
  const shownMonths = filters.range ? monthsOf(filters.range) : monthKeys(year);
  const from = new Date(`${yearBefore(shownMonths[0])}-01T00:00:00Z`);
  const last = shownMonths[shownMonths.length - 1];
  const to = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1));
  const [monthly, valueYears, freedoms, rubric, commitments, participation] = await Promise.all([
    sums(prisma, { table: "MovementValueMonthSummary", key: `to_char("month", 'YYYY-MM')`, sub: `"valueId"`, value: `"practiceCount"`, organizations: `"organizationCount"`, where: Sql.sql`"month" >= ${from}::date AND "month" < ${to}::date`, filters }),
    Promise.all(
      (["practiceCount", "participants", "impactedParticipants"] as const).map((column) =>
        sums(prisma, { table: "MovementValueYearSummary", key: `"valueId"`, sub: `'${column}'`, value: `"${column}"`, organizations: `"organizationCount"`, where: Sql.sql`"year" = ${year}`, filters }),
      ),
    ),
    sums(prisma, { table: "MovementFreedomYearSummary", key: `"freedomId"`, sub: `''`, value: `"practiceCount"`, organizations: `"organizationCount"`, where: Sql.sql`"year" = ${year}`, filters }),
    sums(prisma, { table: "MovementRubricSummary", key: `"valueId"`, sub: `"level"`, value: `"organizationCount"`, organizations: `"organizationCount"`, where: Sql.sql`"year" = ${year}`, filters }),
    sums(prisma, { table: "MovementCommitmentSummary", key: `"valueId"`, sub: `"status"`, value: `"commitmentCount"`, organizations: `"organizationCount"`, where: Sql.sql`"year" = ${year}`, filters }),
    Promise.all(
      (["organizations", "practicedYear", "practicedQ1", "practicedQ2", "practicedQ3", "practicedQ4", "reflectionsDrafted", "reflectionsSubmitted"] as const).map((column) =>
        sums(prisma, { table: "MovementParticipationSummary", key: `''`, sub: `'${column}'`, value: `"${column}"`, organizations: `"${column}"`, where: Sql.sql`"year" = ${year}`, filters }),
      ),
    ),
  ]);

  // practices per value per month beside the same month a year before (each point alone: no totals shown)
  const practices: ChartTable = {
    id: "practices",
    columns: values.flatMap((v) => [
      { key: filters.range ? `${v.slug}-current` : `${v.slug}-${year}`, label: filters.range ? v.name : `${v.name} ${year}`, color: valueColor(v.slug, v.position) },
      { key: filters.range ? `${v.slug}-before` : `${v.slug}-${year - 1}`, label: filters.range ? `${v.name}, ${labels.yearBefore}` : `${v.name} ${year - 1}`, color: valueColor(v.slug, v.position), dashed: true },
    ]),
    rows: shownMonths.map((month) => ({
      key: month,
      label: filters.range ? labels.month(month) : labels.months[Number(month.slice(5, 7)) - 1],
      cells: values.flatMap((v) => [suppressCell(monthly(month, v.id), min), suppressCell(monthly(yearBefore(month), v.id), min)]),
    })),
  };

  // organizations at each rubric level per value; the row's total is in the table, so a lone hidden level hides another
  const rubricTable: ChartTable = {
    id: "rubric",
    columns: fw.levels.map((l, i) => ({ key: `level-${l.level}`, label: `${l.level} · ${l.name}`, color: LEVEL_COLORS[i % LEVEL_COLORS.length] })),
    rows: values.map((v) => {
      const cells = fw.levels.map((l) => rubric(v.id, String(l.level)));
      return { key: v.slug, label: v.name, cells: suppressGroup(cells, min, sumCells(cells)).cells };
    }),
  };

  const shownFreedoms = filters.freedom ? fw.freedoms.filter((f) => f.slug === filters.freedom) : fw.freedoms;
  const freedomTable: ChartTable = {
    id: "freedoms",
    columns: [{ key: "practices", label: labels.practices, color: "#1d5a9e" }],
    rows: shownFreedoms.map((f) => ({ key: f.slug, label: f.name, cells: [suppressCell(freedoms(f.id, ""), min)] })),
  };
  const freedomColors = Object.fromEntries(shownFreedoms.map((f) => [f.slug, freedomColor(f.slug, f.position)]));

  const [practiceYear, participantsYear, impactedYear] = valueYears;
  const participantsTable: ChartTable = {
    id: "participants",
    columns: [
      { key: "participants", label: labels.participants, color: "#34509a" },
      { key: "impacted", label: labels.impacted, color: "#a4481f" },
    ],
    rows: values.map((v) => {
      const all = participantsYear(v.id, "participants");
      const impacted = impactedYear(v.id, "impactedParticipants");
      // impacted is part of all: the two stand or fall together
      const shown = suppressCell(all, min) !== null && suppressCell(impacted, min) !== null;
      return { key: v.slug, label: v.name, cells: shown ? [all.value, impacted.value] : [null, null] };
    }),
  };

  const commitmentTable: ChartTable = {
    id: "commitments",
    columns: STATUSES.map((s, i) => ({ key: s, label: labels.statuses[s], color: STATUS_COLORS[i] })),
    rows: values.map((v) => {
      const cells = STATUSES.map((s) => commitments(v.id, s));
      const total: RawCell = { value: cells.reduce((a, c) => a + c.value, 0), organizations: Math.max(0, ...cells.map((c) => c.organizations)) };
      return { key: v.slug, label: v.name, cells: suppressGroup(cells, min, total).cells };
    }),
  };

  const part = Object.fromEntries(
    (["organizations", "practicedYear", "practicedQ1", "practicedQ2", "practicedQ3", "practicedQ4", "reflectionsDrafted", "reflectionsSubmitted"] as const).map((c, i) => [c, participation[i]("", c)]),
  ) as Record<string, RawCell>;
  const activeCell = part.organizations;
  // practiced and not practiced add up to the active organizations: each pair is a group
  const practicedRows = (["practicedQ1", "practicedQ2", "practicedQ3", "practicedQ4", "practicedYear"] as const).map((c, i) => {
    const did = part[c];
    const didNot: RawCell = { value: activeCell.value - did.value, organizations: activeCell.value - did.value, complement: (activeCell.complement ?? 0) - (did.complement ?? 0) };
    const { cells } = suppressGroup([did, didNot], min, activeCell);
    return { key: c, label: i < 4 ? labels.participation.quarter(i + 1) : labels.participation.year, cells: [cells[0]] };
  });
  const notStarted: RawCell = {
    value: activeCell.value - part.reflectionsDrafted.value - part.reflectionsSubmitted.value,
    organizations: activeCell.value - part.reflectionsDrafted.value - part.reflectionsSubmitted.value,
    complement: (activeCell.complement ?? 0) - (part.reflectionsDrafted.complement ?? 0) - (part.reflectionsSubmitted.complement ?? 0),
  };
  const reflectionCells = suppressGroup([notStarted, part.reflectionsDrafted, part.reflectionsSubmitted], min, activeCell);
  const participationTable: ChartTable = {
    id: "participation",
    columns: [{ key: "organizations", label: labels.organizations, color: "#0e6661" }],
    rows: [
      { key: "active", label: labels.participation.active, cells: [suppressCell(activeCell, min)] },
      ...practicedRows,
      { key: "notStarted", label: labels.participation.notStarted, cells: [reflectionCells.cells[0]] },
      { key: "drafted", label: labels.participation.drafted, cells: [reflectionCells.cells[1]] },
      { key: "submitted", label: labels.participation.submitted, cells: [reflectionCells.cells[2]] },
    ],
  };

  // the headline: practices per value this year (for the takeaway), each suppressed on its own
  const perValue = values.map((v) => ({ name: v.name, practices: suppressCell(practiceYear(v.id, "practiceCount"), min) }));

  return {
    charts: { practices, rubric: rubricTable, freedoms: freedomTable, participation: participationTable, participants: participantsTable, commitments: commitmentTable },
    freedomColors,
    perValue,
    options: {
      values: fw.values.map((v) => ({ slug: v.slug, name: v.name })),
      freedoms: fw.freedoms.map((f) => ({ slug: f.slug, name: f.name })),
    },
  };
}

function sumCells(cells: RawCell[]): RawCell {
  return {
    value: cells.reduce((a, c) => a + c.value, 0),
    organizations: cells.reduce((a, c) => a + c.organizations, 0),
    complement: cells.reduce((a, c) => a + (c.complement ?? 0), 0),
  };
}

/** The years a staff member can choose: from the first year with a snapshot to the current one. */
export async function listMovementYears({ prisma, currentYear }: { prisma: Prisma; currentYear: number }) {
  const first = await prisma.organizationYear.findFirst({ orderBy: { year: "asc" }, select: { year: true } });
  const start = Math.min(first?.year ?? currentYear, currentYear);
  return Array.from({ length: currentYear - start + 1 }, (_, i) => currentYear - i);
}

/**
 * Where a new installation stands, for the dashboard's first steps: whether any active organization, any
 * cycle and any practice exist yet (a practice from the rollups, never the practices themselves).
 */
export async function getMovementStart({ prisma }: { prisma: Prisma }) {
  const [organization, cycle, practice] = await Promise.all([
    prisma.organization.findFirst({ where: { archivedAt: null }, select: { id: true } }),
    prisma.cycle.findFirst({ select: { id: true } }),
    prisma.movementValueYearSummary.findFirst({ where: { practiceCount: { gt: 0 } }, select: { year: true } }),
  ]);
  return { hasOrganizations: organization !== null, hasCycle: cycle !== null, hasPractices: practice !== null };
}
