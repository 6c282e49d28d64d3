import { describe, expect, test } from "vitest";
import type { ChartTable } from "~/models/movement-chart-types";
import type { Cell } from "~/models/movement-suppression";
import { movementTakeaways } from "~/models/movement-takeaways";

const table = (id: string, rows: Cell[][], columns = ["1", "2", "3", "4"]): ChartTable => ({
  id,
  columns: columns.map((key) => ({ key, label: key, color: "#000" })),
  rows: rows.map((cells, i) => ({ key: `v${i}`, label: `Value ${i}`, cells })),
});
const empty = table("x", []);
const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`;
const say = (rubric: Cell[][]) =>
  movementTakeaways(
    {
      practices: empty,
      rubric: table("rubric", rubric),
      freedoms: empty,
      participation: empty,
      participants: empty,
      commitments: table("c", [], ["ACHIEVED"]),
    },
    [],
    2026,
    t,
    String,
  ).rubric;

describe("the rubric chart's takeaway says what the chart shows", () => {
  test("the value with the most organizations at levels 3 and 4", () => {
    expect(
      say([
        [0, 3, 3, 4],
        [3, 0, 4, 0],
      ]),
    ).toBe('charts.rubric.takeaway {"year":2026,"value":"Value 0","count":"7"}');
  });
  test("levels 1 and 2 shown, 3 and 4 too small: it says the high levels are too few, not that nothing shows", () => {
    expect(say([[4, 3, null, null]])).toBe('charts.rubric.takeawayNoHigh {"year":2026}');
  });
  test("nothing shown at all", () => {
    expect(say([[null, null, null, null]])).toBe('charts.rubric.takeawayNone {"year":2026}');
  });
});

describe("the practices chart's takeaway", () => {
  const practices = (perValue: { name: string; practices: number | null; rounded?: boolean }[]) =>
    movementTakeaways(
      {
        practices: empty,
        rubric: empty,
        freedoms: empty,
        participation: empty,
        participants: empty,
        commitments: table("c", [], ["ACHIEVED"]),
      },
      perValue,
      2026,
      t,
      String,
    ).practices;
  test("names the value with the most practices, and says 'about' when the count is rounded", () => {
    expect(
      practices([
        { name: "A", practices: 80 },
        { name: "B", practices: 102 },
      ]),
    ).toBe('charts.practices.takeaway {"year":2026,"value":"B","count":"102"}');
    expect(practices([{ name: "B", practices: 100, rounded: true }])).toBe(
      'charts.practices.takeaway {"year":2026,"value":"B","count":"100","context":"about"}',
    );
  });
});
