// The movement dashboard's numbers, read from the movement rollups only (a few thousand rows a year whatever
// the history) and suppressed before they leave this module: what it returns may go to the page as it is.
import type { ChartTable } from "~/models/movement-chart-types";
import { monthsOf, yearBefore, type MovementFilters } from "~/models/movement-filters";
import {
  hideEmptyBesideHidden,
  hideEmptyInGrid,
  publishView,
  suppressCell,
  suppressGrid,
  suppressGroup,
  sumCells,
  type Cell,
  type RawCell,
} from "~/models/movement-suppression";
import { framework, PARTICIPATION_COLUMNS, readSnapshot, STATUSES } from "~/models/movement-snapshot.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";

const STATUS_COLORS = ["#5a6270", "#1d5a9e", "#2d6a3e", "#8f4a00", "#8b2f3a"];
const LEVEL_COLORS = ["#8fb3d9", "#4f86c0", "#1d5a9e", "#0b2e59"];

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
  participation: {
    quarter: (q: number) => string;
    year: string;
    active: string;
    notStarted: string;
    drafted: string;
    submitted: string;
  };
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
  now = new Date(),
}: {
  prisma: Prisma;
  filters: MovementFilters;
  locale: Locale;
  minGroupSize: number;
  labels: DashboardLabels;
  valueColor: (slug: string, position: number) => string;
  freedomColor: (slug: string, position: number) => string;
  now?: Date;
}) {
  const min = minGroupSize;
  const { year } = filters;
  // a date range draws its months beside the same months a year before; otherwise the year beside the last.
  // A month still to come is not drawn: its practices are not "none" yet.
  const monthKeys = (y: number) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`);
  const asked = filters.range ? monthsOf(filters.range) : monthKeys(year);
  const thisMonth = now.toISOString().slice(0, 7);
  const past = asked.filter((month) => month <= thisMonth);
  const shownMonths = past.length ? past : asked;
  // every month of each year drawn is read (the months' suppression is decided per whole year, below)
  const drawnYears = [...new Set(shownMonths.flatMap((m) => [Number(m.slice(0, 4)) - 1, Number(m.slice(0, 4))]))];
  const { data, lookup } = await readSnapshot(prisma, filters, {
    from: new Date(Date.UTC(Math.min(...drawnYears), 0, 1)),
    to: new Date(Date.UTC(Math.max(...drawnYears) + 1, 0, 1)),
  });
  const fw = framework(data, locale);
  const values = filters.value ? fw.values.filter((v) => v.slug === filters.value) : fw.values;
  const monthly = lookup("month");
  const valueYear = lookup("valueYear");
  const freedoms = lookup("freedom");
  const rubric = lookup("rubric");
  const rubricShared = lookup("rubricShared");
  const commitments = lookup("commitment");
  const participation = lookup("participation");

  // Each year's month cells, every value's, add up to the movement's practices that year, which the participation
  // tracker's per-organization counts give exactly: a year left with a single hidden month cell hides one more,
  // the same in every view of those months (a range, one value, the whole year).
  const alsoHidden = new Set<string>();
  for (const y of drawnYears) {
    const cells = fw.values.flatMap((v) =>
      monthKeys(y)
        .filter((m) => m <= thisMonth)
        .map((m) => ({
          key: `${m} ${v.id}`,
          raw: monthly(m, v.id),
          hidden: suppressCell(monthly(m, v.id), min) === null,
        })),
    );
    if (cells.filter((c) => c.hidden).length !== 1) continue;
    const pick = cells
      .filter((c) => !c.hidden)
      .sort(
        (a, b) => Number(a.raw.value === 0) - Number(b.raw.value === 0) || a.raw.organizations - b.raw.organizations,
      )[0];
    if (pick) alsoHidden.add(pick.key);
  }
  const monthBase = (month: string, valueId: string) =>
    alsoHidden.has(`${month} ${valueId}`) ? null : suppressCell(monthly(month, valueId), min);
  // a month's values are one slice: a value with none beside a hidden one is hidden too
  const monthSlices = new Map<string, Cell[]>();
  const monthCell = (month: string, valueId: string) => {
    let slice = monthSlices.get(month);
    if (!slice) {
      slice = hideEmptyBesideHidden(
        fw.values.map((v) => monthly(month, v.id)),
        fw.values.map((v) => monthBase(month, v.id)),
      );
      monthSlices.set(month, slice);
    }
    return slice[fw.values.findIndex((v) => v.id === valueId)];
  };

  // practices per value per month beside the same month a year before (each point alone: no totals shown)
  const practices: ChartTable = {
    id: "practices",
    columns: values.flatMap((v) => [
      {
        key: filters.range ? `${v.slug}-current` : `${v.slug}-${year}`,
        label: filters.range ? v.name : `${v.name} ${year}`,
        color: valueColor(v.slug, v.position),
      },
      {
        key: filters.range ? `${v.slug}-before` : `${v.slug}-${year - 1}`,
        label: filters.range ? `${v.name}, ${labels.yearBefore}` : `${v.name} ${year - 1}`,
        color: valueColor(v.slug, v.position),
        dashed: true,
      },
    ]),
    rows: shownMonths.map((month) => ({
      key: month,
      label: filters.range ? labels.month(month) : labels.months[Number(month.slice(5, 7)) - 1],
      cells: values.flatMap((v) => [monthCell(month, v.id), monthCell(yearBefore(month), v.id)]),
    })),
  };

  // organizations at each rubric level per value; the row's total is in the table, so a lone hidden level hides
  // another, and a row with every organization at one level is hidden whole (a level is theirs to share).
  // The shared page names the organizations that shared their rating and its level: the same rules hold for the
  // private ratings left once those are taken away, or a row minus the shared levels would give them back.
  // A value's levels are one slice too (a level with none beside a hidden one is hidden). Not a level's values:
  // a row hidden whole for its uniform ratings hides no small number, and no one is named per level and value.
  const rubricRow = (valueId: string, cells: RawCell[]) => {
    const unshared = cells.map((c, i): RawCell => {
      const shared = rubricShared(valueId, String(fw.levels[i].level));
      return { value: c.value - shared.value, organizations: c.organizations - shared.organizations };
    });
    const all = suppressGroup(cells, min, sumCells(cells), { hideUniform: true }).cells;
    const privately = suppressGroup(unshared, min, sumCells(unshared), { hideUniform: true }).cells;
    return hideEmptyBesideHidden(
      cells,
      all.map((c, i) => (privately[i] === null ? null : c)),
    );
  };
  const rubricTable: ChartTable = {
    id: "rubric",
    columns: fw.levels.map((l, i) => ({
      key: `level-${l.level}`,
      label: `${l.level} · ${l.name}`,
      color: LEVEL_COLORS[i % LEVEL_COLORS.length],
    })),
    rows: values.map((v) => ({
      key: v.slug,
      label: v.name,
      cells: rubricRow(
        v.id,
        fw.levels.map((l) => rubric(v.id, String(l.level))),
      ),
    })),
  };

  // the year's freedoms are one slice, whatever freedom the filters chose
  const freedomCells = hideEmptyBesideHidden(
    fw.freedoms.map((f) => freedoms(f.id, "")),
    fw.freedoms.map((f) => suppressCell(freedoms(f.id, ""), min)),
  );
  const shownFreedoms = filters.freedom ? fw.freedoms.filter((f) => f.slug === filters.freedom) : fw.freedoms;
  const freedomTable: ChartTable = {
    id: "freedoms",
    columns: [{ key: "practices", label: labels.practices, color: "#1d5a9e" }],
    rows: shownFreedoms.map((f) => ({ key: f.slug, label: f.name, cells: [freedomCells[fw.freedoms.indexOf(f)]] })),
  };
  const freedomColors = Object.fromEntries(shownFreedoms.map((f) => [f.slug, freedomColor(f.slug, f.position)]));

  // impacted is part of all: the two stand or fall together; every value's is one slice
  const participantsShown = hideEmptyBesideHidden(
    fw.values.map((v) => valueYear(v.id, "participants")),
    fw.values.map((v) =>
      suppressCell(valueYear(v.id, "participants"), min) !== null &&
      suppressCell(valueYear(v.id, "impactedParticipants"), min) !== null
        ? 1
        : null,
    ),
  );
  const participantsTable: ChartTable = {
    id: "participants",
    columns: [
      { key: "participants", label: labels.participants, color: "#34509a" },
      { key: "impacted", label: labels.impacted, color: "#a4481f" },
    ],
    rows: values.map((v) => {
      const shown = participantsShown[fw.values.indexOf(v)] !== null;
      const cells = [valueYear(v.id, "participants").value, valueYear(v.id, "impactedParticipants").value];
      return { key: v.slug, label: v.name, cells: shown ? cells : [null, null] };
    }),
  };

  // suppressed over every value, whatever value the filters chose: one page per value would give them all
  const commitmentRaw = fw.values.map((v) => STATUSES.map((s) => commitments(v.id, s)));
  const commitmentCells = hideEmptyInGrid(commitmentRaw, suppressGrid(commitmentRaw, min));
  const commitmentTable: ChartTable = {
    id: "commitments",
    columns: STATUSES.map((s, i) => ({ key: s, label: labels.statuses[s], color: STATUS_COLORS[i] })),
    rows: values.map((v) => ({ key: v.slug, label: v.name, cells: commitmentCells[fw.values.indexOf(v)] })),
  };

  const part = Object.fromEntries(PARTICIPATION_COLUMNS.map((c) => [c, participation("", c)])) as Record<
    string,
    RawCell
  >;
  const activeCell = part.organizations;
  // practiced and not practiced add up to the active organizations: each pair is a group
  const practiced = ["practicedQ1", "practicedQ2", "practicedQ3", "practicedQ4", "practicedYear"] as const;
  // the quarters and the year are one slice: a quarter nobody logged in beside a hidden one is hidden too
  const practicedCells = hideEmptyBesideHidden(
    practiced.map((c) => part[c]),
    practiced.map((c) => {
      const did = part[c];
      const didNot: RawCell = {
        value: activeCell.value - did.value,
        organizations: activeCell.value - did.value,
        complement: (activeCell.complement ?? 0) - (did.complement ?? 0),
      };
      return suppressGroup([did, didNot], min, activeCell).cells[0];
    }),
  );
  const practicedRows = practiced.map((c, i) => ({
    key: c,
    label: i < 4 ? labels.participation.quarter(i + 1) : labels.participation.year,
    cells: [practicedCells[i]],
  }));
  const notStarted: RawCell = {
    value: activeCell.value - part.reflectionsDrafted.value - part.reflectionsSubmitted.value,
    organizations: activeCell.value - part.reflectionsDrafted.value - part.reflectionsSubmitted.value,
    complement:
      (activeCell.complement ?? 0) -
      (part.reflectionsDrafted.complement ?? 0) -
      (part.reflectionsSubmitted.complement ?? 0),
  };
  const reflectionRaw = [notStarted, part.reflectionsDrafted, part.reflectionsSubmitted];
  const reflectionCells = {
    cells: hideEmptyBesideHidden(reflectionRaw, suppressGroup(reflectionRaw, min, activeCell).cells),
  };
  // fewer active organizations than the threshold: every row is a count of those few (a 0 that they logged
  // nothing too), so none is shown
  const activeShown = suppressCell(activeCell, min);
  const ofActive = (cell: Cell) => (activeShown === null ? null : cell);
  const participationTable: ChartTable = {
    id: "participation",
    columns: [{ key: "organizations", label: labels.organizations, color: "#0e6661" }],
    rows: [
      { key: "active", label: labels.participation.active, cells: [activeShown] },
      ...practicedRows.map((r) => ({ ...r, cells: r.cells.map(ofActive) })),
      { key: "notStarted", label: labels.participation.notStarted, cells: [ofActive(reflectionCells.cells[0])] },
      { key: "drafted", label: labels.participation.drafted, cells: [ofActive(reflectionCells.cells[1])] },
      { key: "submitted", label: labels.participation.submitted, cells: [ofActive(reflectionCells.cells[2])] },
    ],
  };

  // the headline: practices per value this year (for the takeaway), each suppressed on its own, and only while no
  // month of the year is hidden: a value's yearly total minus its shown months is its hidden months' sum, which
  // told (even rounded to 5) under which value one organization's hidden month was. With a hidden month the
  // takeaway names the busiest month shown instead, and no yearly total reaches the page.
  // Any value's: the tracker's yearly practices per organization add up to the movement's year, so the other
  // values' exact totals would give this one's back.
  // (every value's months, whatever value the filters chose: one page per value would give them all)
  const monthHidden = fw.values.some((v) => monthKeys(year).some((m) => m <= thisMonth && monthCell(m, v.id) === null));
  const yearTotals = hideEmptyBesideHidden(
    fw.values.map((v) => valueYear(v.id, "practiceCount")),
    fw.values.map((v) => suppressCell(valueYear(v.id, "practiceCount"), min)),
  );
  const perValue = values.map((v) => ({
    name: v.name,
    practices: monthHidden ? null : yearTotals[fw.values.indexOf(v)],
  }));

  const view = {
    partial: filters.region !== undefined || filters.size !== undefined || filters.impacted !== undefined,
    organizations: activeCell.value,
    min,
  };
  const publish = (table: ChartTable): ChartTable => ({
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => publishView(c, view)) })),
  });
  // Self-ratings by region, size or led-by-impacted, with the tracker's names and the shared reflections'
  // levels, were worked back to single organizations' private ratings: they are shown for the movement only.
  // And only once the year's cycle has closed: while it is open, the chart read before and after one
  // organization submits (the tracker names who did, and when) would show that organization's every rating.
  // A year without a cycle has no self-ratings at all, and says so rather than speak of its cycle.
  const rubricWithheld =
    data.cycleStatus === null
      ? ("noCycle" as const)
      : view.partial
        ? ("filtered" as const)
        : data.cycleStatus !== "CLOSED"
          ? ("open" as const)
          : null;
  return {
    charts: {
      practices: publish(practices),
      rubric: rubricWithheld
        ? { ...rubricTable, rows: rubricTable.rows.map((r) => ({ ...r, cells: r.cells.map(() => null) })) }
        : publish(rubricTable),
      freedoms: publish(freedomTable),
      participation: publish(participationTable),
      participants: publish(participantsTable),
      commitments: publish(commitmentTable),
    },
    // a filtered view says that its numbers are rounded, or that it has too few organizations to show any
    viewWithheld: !view.partial ? null : view.organizations < min ? ("few" as const) : ("rounded" as const),
    rubricWithheld,
    // the year has no cycle (commitments and self-ratings belong to one): "yet" this year and later, "past" before
    noCycle:
      data.cycleStatus !== null ? null : year < Number(thisMonth.slice(0, 4)) ? ("past" as const) : ("yet" as const),
    freedomColors,
    perValue: perValue.map((v) => ({
      ...v,
      practices: publishView(v.practices, view),
      rounded: view.partial,
    })),
    monthsHidden: monthHidden,
    firstYear: data.firstYear,
    start: data.start,
    options: {
      values: fw.values.map((v) => ({ slug: v.slug, name: v.name })),
      freedoms: fw.freedoms.map((f) => ({ slug: f.slug, name: f.name })),
    },
  };
}
