// One sentence under each movement chart, written only from the numbers the chart shows (never a hidden one).
import type { ChartTable } from "~/models/movement-chart-types";

type T = (key: string, options?: Record<string, unknown>) => string;

function largest<Row extends { value: number | null }>(rows: Row[]) {
  return rows.filter((r): r is Row & { value: number } => r.value !== null).sort((a, b) => b.value - a.value)[0];
}

export function movementTakeaways(
  charts: Record<"practices" | "rubric" | "freedoms" | "participation" | "participants" | "commitments", ChartTable>,
  perValue: { name: string; practices: number | null; rounded?: boolean }[],
  year: number,
  t: T,
  format: (n: number, style?: "percent") => string,
  range = false,
) {
  const say = (id: string, found: Record<string, unknown> | undefined) =>
    found ? t(`charts.${id}.takeaway`, { year, ...found }) : t(`charts.${id}.takeawayNone`, { year });
  const top = largest(perValue.map((v) => ({ label: v.name, value: v.practices, rounded: v.rounded })));
  // a date range's chart shows months, not the year: its busiest shown month (each value's first column)
  const busiestCell = largest(
    charts.practices.rows.flatMap((r) =>
      charts.practices.columns.flatMap((c, i) =>
        c.dashed ? [] : [{ value: r.cells[i], column: c.label, month: r.label }],
      ),
    ),
  );
  const busiest = busiestCell && {
    label: t("charts.practices.monthOf", { value: busiestCell.column, month: busiestCell.month }),
    value: busiestCell.value,
  };
  const rubric = largest(
    charts.rubric.rows.map((r) => ({
      label: r.label,
      value: r.cells[2] !== null && r.cells[3] !== null ? (r.cells[2] ?? 0) + (r.cells[3] ?? 0) : null,
    })),
  );
  const freedom = largest(charts.freedoms.rows.map((r) => ({ label: r.label, value: r.cells[0] })));
  const byKey = Object.fromEntries(charts.participation.rows.map((r) => [r.key, r.cells[0]]));
  const participants = largest(
    charts.participants.rows.map((r) => ({
      label: r.label,
      value: r.cells[0] && r.cells[1] !== null ? (r.cells[1] ?? 0) / r.cells[0] : null,
    })),
  );
  const achieved = charts.commitments.columns.findIndex((c) => c.key === "ACHIEVED");
  const commitments = largest(charts.commitments.rows.map((r) => ({ label: r.label, value: r.cells[achieved] })));
  return {
    practices: range
      ? busiest
        ? t("charts.practices.takeawayRange", { month: busiest.label, count: format(busiest.value) })
        : t("charts.practices.takeawayRangeNone")
      : // a rounded count says so ("about 100")
        say(
          "practices",
          top && { value: top.label, count: format(top.value), context: top.rounded ? "about" : undefined },
        ),
    // levels 1 and 2 may show while 3 and 4 are too small to: then the takeaway says so, not that nothing shows
    rubric:
      rubric || !charts.rubric.rows.some((r) => r.cells.some((c) => c !== null && c > 0))
        ? say("rubric", rubric && { value: rubric.label, count: format(rubric.value) })
        : t("charts.rubric.takeawayNoHigh", { year }),
    freedoms: say("freedoms", freedom && { freedom: freedom.label, count: format(freedom.value) }),
    participation: say(
      "participation",
      byKey.active != null && byKey.practicedYear != null
        ? { count: format(byKey.practicedYear), total: format(byKey.active) }
        : undefined,
    ),
    participants: say(
      "participants",
      participants && { value: participants.label, share: format(participants.value, "percent") },
    ),
    commitments: say("commitments", commitments && { value: commitments.label, count: format(commitments.value) }),
  };
}
