import { describe, expect, test } from "vitest";
import type { ChartTable } from "~/models/movement-chart-types";
import type { Cell } from "~/models/movement-suppression";
import { lead, movementTakeaways } from "~/models/movement-takeaways";

const table = (id: string, rows: Cell[][], columns = ["1", "2", "3", "4"]): ChartTable => ({
  id,
  columns: columns.map((key) => ({ key, label: key, color: "#000" })),
  rows: rows.map((cells, i) => ({ key: `v${i}`, label: `Value ${i}`, cells })),
});
const empty = table("x", []);
const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`;
const charts = {
  practices: empty,
  rubric: empty,
  freedoms: empty,
  participation: empty,
  participants: empty,
  commitments: table("c", [], ["ACHIEVED"]),
};
const takeaways = (
  change: Partial<typeof charts>,
  perValue: { name: string; practices: number | null; rounded?: boolean }[] = [],
  range = false,
  monthsHidden = false,
) =>
  movementTakeaways({
    charts: { ...charts, ...change },
    perValue,
    year: 2026,
    t,
    format: String,
    list: (names) => names.join(" + "),
    range,
    monthsHidden,
  });

describe("the leading row of a chart", () => {
  test("one row ahead of others, several tied, one alone, all zero, nothing shown", () => {
    expect(
      lead([
        { label: "A", value: 3 },
        { label: "B", value: 5 },
      ]),
    ).toMatchObject({ kind: "top", labels: ["B"] });
    expect(
      lead([
        { label: "A", value: 5 },
        { label: "B", value: 5 },
        { label: "C", value: 1 },
      ]),
    ).toMatchObject({ kind: "tie", labels: ["A", "B"], value: 5 });
    expect(lead([{ label: "A", value: 4 }])).toMatchObject({ kind: "single", labels: ["A"] });
    // a hidden row is no row to compare with
    expect(
      lead([
        { label: "A", value: 4 },
        { label: "B", value: null },
      ]),
    ).toMatchObject({ kind: "single" });
    expect(
      lead([
        { label: "A", value: 0 },
        { label: "B", value: 0 },
      ]),
    ).toEqual({ kind: "zero" });
    expect(lead([{ label: "A", value: null }])).toEqual({ kind: "none" });
  });
});

describe("the rubric chart's takeaway says what the chart shows", () => {
  const say = (rubric: Cell[][]) => takeaways({ rubric: table("rubric", rubric) }).rubric;
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
  test("levels 3 and 4 shown and empty: no organization placed a value there", () => {
    expect(
      say([
        [4, 3, 0, 0],
        [5, 3, 0, 0],
      ]),
    ).toBe('charts.rubric.takeawayZero {"year":2026}');
  });
  test("levels 3 and 4 empty where shown, another value's hidden: not 'no organization', but too few to show", () => {
    expect(
      say([
        [4, 3, 0, 0],
        [null, null, null, null],
      ]),
    ).toBe('charts.rubric.takeawayNoHigh {"year":2026}');
  });
  test("nothing shown at all", () => {
    expect(say([[null, null, null, null]])).toBe('charts.rubric.takeawayNone {"year":2026}');
  });
});

describe("the practices chart's takeaway", () => {
  const practices = (perValue: { name: string; practices: number | null; rounded?: boolean }[]) =>
    takeaways({}, perValue).practices;
  test("names the value with the most practices, and says 'about' when the count is rounded", () => {
    expect(
      practices([
        { name: "A", practices: 80 },
        { name: "B", practices: 102 },
      ]),
    ).toBe('charts.practices.takeaway {"year":2026,"value":"B","count":"102"}');
    expect(
      practices([
        { name: "A", practices: 80, rounded: true },
        { name: "B", practices: 100, rounded: true },
      ]),
    ).toBe('charts.practices.takeaway {"year":2026,"value":"B","count":"100","context":"about"}');
  });
  test("a view of one value does not call it the one with the most: it gives its count", () => {
    expect(practices([{ name: "Trust & Respect", practices: 41 }])).toBe(
      'charts.practices.takeaway {"year":2026,"value":"Trust & Respect","count":"41","context":"single"}',
    );
    expect(practices([{ name: "Trust & Respect", practices: 40, rounded: true }])).toContain(
      '"context":"single_about"',
    );
  });
  test("with a value hidden, the one named had the most of those shown, and the sentence says the hidden one was left out", () => {
    expect(
      practices([
        { name: "A", practices: 80 },
        { name: "B", practices: null },
        { name: "C", practices: 102 },
      ]),
    ).toBe('charts.practices.takeaway {"year":2026,"value":"C","count":"102"} charts.amongShown {}');
    // nothing hidden: no such words
    expect(
      practices([
        { name: "A", practices: 80 },
        { name: "C", practices: 102 },
      ]),
    ).not.toContain("amongShown");
  });
  test("a year with a hidden month names its busiest month shown, never a value's yearly total", () => {
    const months = table("practices", [
      [4, 0, null, 0],
      [9, 1, 3, 0],
    ]);
    months.columns = [
      { key: "a-2026", label: "A 2026", color: "#000" },
      { key: "a-2025", label: "A 2025", color: "#000", dashed: true },
      { key: "b-2026", label: "B 2026", color: "#000" },
      { key: "b-2025", label: "B 2025", color: "#000", dashed: true },
    ];
    const perValue = [
      { name: "A", practices: null },
      { name: "B", practices: null },
    ];
    expect(takeaways({ practices: months }, perValue, false, true).practices).toBe(
      'charts.practices.takeawayRange {"month":"charts.practices.monthOf {\\"value\\":\\"A 2026\\",\\"month\\":\\"Value 1\\"}","count":"9"}',
    );
    // nothing shown in any month: too few to compare, for the year
    const hidden = table("practices", [[null, 0, null, 0]]);
    hidden.columns = months.columns;
    expect(takeaways({ practices: hidden }, perValue, false, true).practices).toBe(
      'charts.practices.takeawayNone {"year":2026}',
    );
  });
  test("values tied for the most are all named", () => {
    expect(
      practices([
        { name: "A", practices: 12 },
        { name: "B", practices: 12 },
      ]),
    ).toBe('charts.practices.takeaway {"year":2026,"value":"A + B","count":"12","context":"tie"}');
  });
  test("no practices at all: says so, never that a value 'had the most' with 0", () => {
    expect(
      practices([
        { name: "A", practices: 0 },
        { name: "B", practices: 0 },
      ]),
    ).toBe('charts.practices.takeawayZero {"year":2026}');
  });
  test("a date range's busiest month; a range of zeros says none shows", () => {
    const months = (cells: Cell[][]) => takeaways({ practices: table("practices", cells, ["a"]) }, [], true).practices;
    expect(months([[3], [9]])).toBe(
      'charts.practices.takeawayRange {"month":"charts.practices.monthOf {\\"value\\":\\"a\\",\\"month\\":\\"Value 1\\"}","count":"9"}',
    );
    expect(months([[0], [0]])).toBe("charts.practices.takeawayRangeZero {}");
  });
});

describe("the commitments chart's takeaway", () => {
  const commitments = (achieved: Cell[]) =>
    takeaways({
      commitments: table(
        "commitments",
        achieved.map((a) => [a]),
        ["ACHIEVED"],
      ),
    }).commitments;
  test("no commitment achieved: says so, not '0 commitments were achieved'", () => {
    expect(commitments([0, 0, 0])).toBe('charts.commitments.takeawayZero {"year":2026}');
  });
  test("the value with the most achieved, or the one value of the view with its count", () => {
    expect(commitments([2, 5, 0])).toBe('charts.commitments.takeaway {"year":2026,"value":"Value 1","count":"5"}');
    expect(commitments([3])).toBe(
      'charts.commitments.takeaway {"year":2026,"value":"Value 0","count":"3","context":"single"}',
    );
  });
  test("a year without a cycle: says there is no cycle yet, not that no commitment of 'the cycle' is achieved", () => {
    const noCycle = (achieved: Cell[], when: "yet" | "past" = "yet") =>
      movementTakeaways({
        charts: {
          ...charts,
          commitments: table(
            "commitments",
            achieved.map((a) => [a]),
            ["ACHIEVED"],
          ),
        },
        perValue: [],
        year: 2026,
        t,
        format: String,
        list: (names) => names.join(" + "),
        noCycle: when,
      }).commitments;
    expect(noCycle([0, 0, 0])).toBe('charts.commitments.takeawayNoCycle {"year":2026}');
    expect(noCycle([null, null])).toBe('charts.commitments.takeawayNoCycle {"year":2026}');
    // an earlier year never had one: no "yet"
    expect(noCycle([0], "past")).toBe('charts.commitments.takeawayNoCycle {"year":2026,"context":"past"}');
  });
});

describe("the freedoms and participants charts' takeaways", () => {
  test("one freedom in view gives its count; none advanced says so", () => {
    const freedoms = (cells: Cell[]) =>
      takeaways({
        freedoms: table(
          "freedoms",
          cells.map((c) => [c]),
          ["practices"],
        ),
      }).freedoms;
    expect(freedoms([7])).toBe(
      'charts.freedoms.takeaway {"year":2026,"freedom":"Value 0","count":"7","context":"single"}',
    );
    expect(freedoms([0, 0])).toBe('charts.freedoms.takeawayZero {"year":2026}');
  });
  test("the largest share of directly impacted participants, as a share", () => {
    const participants = takeaways({
      participants: table(
        "participants",
        [
          [10, 5],
          [10, 8],
        ],
        ["participants", "impacted"],
      ),
    }).participants;
    expect(participants).toBe('charts.participants.takeaway {"year":2026,"value":"Value 1","share":"0.8"}');
  });
});
