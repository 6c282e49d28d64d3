// One sentence under each movement chart, written only from the numbers the chart shows (never a hidden one),
// and only what is true of the view: "the most" needs two rows or more to compare and names every row that
// ties for it, and says that rows too small to show were left out of the comparison; a largest number of 0
// says that nothing shown has any.
import type { ChartTable } from "~/models/movement-chart-types";

type T = (key: string, options?: Record<string, unknown>) => string;
type Row = { label: string; value: number | null; rounded?: boolean };

/**
 * What the rows shown say about their largest: nothing shown, all zero, one row alone (nothing to compare it
 * with), one row ahead of the rest, or several rows tied.
 */
export type Lead =
  | { kind: "none" }
  | { kind: "zero" }
  | { kind: "single" | "top" | "tie"; labels: string[]; value: number; rounded: boolean; partial: boolean };

export function lead(rows: Row[]): Lead {
  const shown = rows.filter((r): r is Row & { value: number } => r.value !== null);
  if (shown.length === 0) return { kind: "none" };
  const value = Math.max(...shown.map((r) => r.value));
  // nothing shown has any, but a hidden row may: not "none has any"
  if (value === 0) return shown.length < rows.length ? { kind: "none" } : { kind: "zero" };
  const first = shown.filter((r) => r.value === value);
  return {
    kind: shown.length === 1 ? "single" : first.length > 1 ? "tie" : "top",
    labels: first.map((r) => r.label),
    value,
    rounded: first.some((r) => r.rounded),
    // some rows are hidden: "the most" compares only the rows shown
    partial: shown.length < rows.length,
  };
}

const RUBRIC_WITHHELD = {
  noCycle: "dashboard.rubricNoCycle",
  filtered: "dashboard.rubricWholeOnly",
  open: "dashboard.rubricWhenClosed",
} as const;

/** Why the self-ratings chart shows no number, in the words of its takeaway and its CSV's last line. */
export function rubricWithheldWhy({
  withheld,
  noCycle,
  year,
  t,
}: {
  withheld: keyof typeof RUBRIC_WITHHELD;
  noCycle: "yet" | "past" | null;
  year: number;
  t: T;
}) {
  return t(RUBRIC_WITHHELD[withheld], { year, ...(noCycle === "past" ? { context: "past" } : {}) });
}

/** A year without a cycle has no commitments to count: the commitments chart's takeaway and its CSV's last line. */
export function commitmentsNoCycle({ noCycle, year, t }: { noCycle: "yet" | "past"; year: number; t: T }) {
  return t("charts.commitments.takeawayNoCycle", { year, ...(noCycle === "past" ? { context: "past" } : {}) });
}

type Charts = Record<
  "practices" | "rubric" | "freedoms" | "participation" | "participants" | "commitments",
  ChartTable
>;

export function movementTakeaways({
  charts,
  perValue,
  year,
  t,
  format,
  list,
  range = false,
  monthsHidden = false,
  noCycle = null,
}: {
  charts: Charts;
  perValue: { name: string; practices: number | null; rounded?: boolean }[];
  year: number;
  t: T;
  format: (n: number, style?: "percent") => string;
  /** names joined as the reader's language joins them ("A and B") */
  list: (names: string[]) => string;
  range?: boolean;
  /** a month of the year is hidden: no value's yearly total is given */
  monthsHidden?: boolean;
  /** the coalition has no cycle for the year ("yet": this year or later; "past": an earlier one): no commitments */
  noCycle?: "yet" | "past" | null;
}) {
  /**
   * A chart's sentence about its leading row: `takeaway` with the context "single", "tie" or none (and
   * "about" for a rounded number), `takeawayZero` or `takeawayNone`.
   */
  const say = (id: string, found: Lead, name: string, value: (n: number) => string = format, number = "count") => {
    if (found.kind === "none") return t(`charts.${id}.takeawayNone`, { year });
    if (found.kind === "zero") return t(`charts.${id}.takeawayZero`, { year });
    const context = [found.kind === "top" ? "" : found.kind, found.rounded ? "about" : ""].filter(Boolean).join("_");
    const sentence = t(`charts.${id}.takeaway`, {
      year,
      [name]: list(found.labels),
      [number]: value(found.value),
      ...(context ? { context } : {}),
    });
    // a hidden row may hold more than the one named: the sentence says the comparison left it out
    return found.kind !== "single" && found.partial ? `${sentence} ${t("charts.amongShown")}` : sentence;
  };
  const practices = charts.practices;
  // a date range's chart shows months, not the year: its busiest shown month (each value's first column)
  const busiest = lead(
    practices.rows.flatMap((r) =>
      practices.columns.flatMap((c, i) =>
        c.dashed
          ? []
          : [{ value: r.cells[i], label: t("charts.practices.monthOf", { value: c.label, month: r.label }) }],
      ),
    ),
  );
  const rubric = lead(
    charts.rubric.rows.map((r) => ({
      label: r.label,
      value: r.cells[2] !== null && r.cells[3] !== null ? (r.cells[2] ?? 0) + (r.cells[3] ?? 0) : null,
    })),
  );
  const byKey = Object.fromEntries(charts.participation.rows.map((r) => [r.key, r.cells[0]]));
  const achieved = charts.commitments.columns.findIndex((c) => c.key === "ACHIEVED");
  /**
   * A date range's chart shows months, not the year; a year with a hidden month gives no yearly totals
   * (movement-dashboard.server.ts): both name their busiest month shown. Otherwise the value with the most.
   */
  const practicesTakeaway = () => {
    if (!range && !monthsHidden)
      return say(
        "practices",
        lead(perValue.map((v) => ({ label: v.name, value: v.practices, rounded: v.rounded }))),
        "value",
      );
    if (busiest.kind === "none" || busiest.kind === "zero")
      return range
        ? t(busiest.kind === "none" ? "charts.practices.takeawayRangeNone" : "charts.practices.takeawayRangeZero")
        : t("charts.practices.takeawayNone", { year });
    return t("charts.practices.takeawayRange", {
      month: list(busiest.labels),
      count: format(busiest.value),
      ...(busiest.labels.length > 1 ? { context: "tie" } : {}),
    });
  };
  return {
    practices: practicesTakeaway(),
    // levels 1 and 2 may show while 3 and 4 are too small to: then the takeaway says so, not that nothing shows
    rubric:
      rubric.kind === "none" && charts.rubric.rows.some((r) => r.cells.some((c) => c !== null && c > 0))
        ? t("charts.rubric.takeawayNoHigh", { year })
        : say("rubric", rubric, "value"),
    freedoms: say(
      "freedoms",
      lead(charts.freedoms.rows.map((r) => ({ label: r.label, value: r.cells[0] }))),
      "freedom",
    ),
    participation:
      byKey.active != null && byKey.practicedYear != null
        ? t("charts.participation.takeaway", {
            year,
            count: format(byKey.practicedYear),
            total: format(byKey.active),
          })
        : t("charts.participation.takeawayNone", { year }),
    participants: say(
      "participants",
      lead(
        charts.participants.rows.map((r) => ({
          label: r.label,
          value: r.cells[0] && r.cells[1] !== null ? (r.cells[1] ?? 0) / r.cells[0] : null,
        })),
      ),
      "value",
      (share) => format(share, "percent"),
      "share",
    ),
    commitments: noCycle
      ? commitmentsNoCycle({ noCycle, year, t })
      : say(
          "commitments",
          lead(charts.commitments.rows.map((r) => ({ label: r.label, value: r.cells[achieved] }))),
          "value",
        ),
  };
}
