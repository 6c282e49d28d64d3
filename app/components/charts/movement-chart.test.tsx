import { describe, expect, test } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { MovementChart } from "~/components/charts/movement-chart";
import { slim } from "~/components/charts/slim-svg";
import type { ChartKind, ChartTable } from "~/models/movement-chart-types";

function table(cells: (number | null)[]): ChartTable {
  return {
    id: `t-${cells.join("-")}`,
    columns: [
      { key: "a", label: "A", color: "#1b6" },
      { key: "b", label: "B", color: "#a16" },
    ],
    rows: [
      { key: "r1", label: "Row one", cells },
      { key: "r2", label: "Row two", cells },
    ],
  };
}

describe("a chart of nothing to show", () => {
  // a filter that leaves only zeros, or only hidden (too small) cells, must still draw a valid SVG
  for (const kind of ["line", "bar", "stacked", "grouped"] as ChartKind[]) {
    for (const [name, cells] of [
      ["zeros", [0, 0]],
      ["hidden cells", [null, null]],
    ] as const) {
      test(`${kind} with ${name}: an SVG with no NaN in it`, () => {
        const svg = renderToStaticMarkup(<MovementChart table={table([...cells])} kind={kind} />);
        expect(svg).toContain("<svg");
        expect(svg).not.toContain("NaN");
      });
    }
  }
});

describe("category names on the bar charts' axis", () => {
  test("a long name wraps onto two lines, cut at a word past them; the bar's title keeps it whole", () => {
    const long = "Leaderful Movement That Centers Directly Impacted People";
    const svg = renderToStaticMarkup(
      <MovementChart
        kind="bar"
        table={{
          id: "long",
          columns: [{ key: "a", label: "Practices", color: "#1b6" }],
          rows: [{ key: "v", label: long, cells: [12] }],
        }}
      />,
    );
    expect(svg).toMatch(
      /<tspan[^>]*>Leaderful Movement That Centers<\/tspan><tspan[^>]*>Directly Impacted People<\/tspan>/,
    );
    expect(svg).toContain(`${long}, Practices: 12`);
  });
});

describe("a drawing made smaller for the page", () => {
  const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;
  for (const kind of ["line", "bar", "stacked", "grouped"] as ChartKind[]) {
    test(`${kind}: every mark, title and label stays where it was; what no one sees goes`, () => {
      const full = renderToStaticMarkup(<MovementChart table={table([12, 7])} kind={kind} />);
      const slimmer = slim(full);
      for (const element of ["line", "rect", "path", "circle", "text", "tspan", "g", "svg"])
        expect(count(slimmer, new RegExp(`<${element}[ >]`, "g")), element).toBe(
          count(full, new RegExp(`<${element}[ >]`, "g")),
        );
      const titles = (svg: string) => [...svg.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1]);
      expect(titles(slimmer)).toEqual(titles(full));
      expect(titles(slimmer).length).toBeGreaterThan(0);
      // text keeps its position; only a line's meaningless box goes
      expect(count(slimmer, /<text [^>]*\by="/g)).toBe(count(full, /<text [^>]*\by="/g));
      expect(slimmer).not.toMatch(/class="recharts-(?!wrapper)/);
      expect(slimmer).not.toMatch(/<[^>]*\d\.\d{2,}[^>]*>/);
      expect(slimmer).toContain('class="recharts-wrapper"');
      expect(slimmer.length).toBeLessThan(full.length * 0.75);
    });
  }
});

describe("a monthly chart of one month", () => {
  test("draws its values as bars, the year before lighter, each titled: a line of one point would be a dot", () => {
    const oneMonth: ChartTable = {
      id: "practices",
      columns: [
        { key: "a-current", label: "A", color: "#1b6" },
        { key: "a-before", label: "A, a year before", color: "#1b6", dashed: true },
      ],
      rows: [{ key: "2026-03", label: "Mar 2026", cells: [9, 4] }],
    };
    const svg = renderToStaticMarkup(<MovementChart table={oneMonth} kind="line" />);
    expect(svg).not.toContain("<circle");
    expect(svg.match(/<rect [^>]*fill="#1b6"/g)).toHaveLength(2);
    expect(svg).toContain('fill-opacity="0.45"');
    expect(svg).toContain("<title>Mar 2026, A: 9</title>");
    expect(svg).toContain("<title>Mar 2026, A, a year before: 4</title>");
    // two months are a line again
    const twoMonths = { ...oneMonth, rows: [...oneMonth.rows, { key: "2026-04", label: "Apr 2026", cells: [5, 6] }] };
    expect(renderToStaticMarkup(<MovementChart table={twoMonths} kind="line" />)).toContain("<circle");
  });
});

describe("a phone's drawing", () => {
  test("is narrower with larger type, names its own id, and keeps every mark's title", () => {
    const t = table([3, 4]);
    const wide = renderToStaticMarkup(<MovementChart table={t} kind="grouped" />);
    const narrow = renderToStaticMarkup(<MovementChart table={t} kind="grouped" size="narrow" />);
    expect(wide).toMatch(/<svg[^>]* id="chart-t-3-4"[^>]* width="720"/);
    expect(narrow).toMatch(/<svg[^>]* id="chart-t-3-4-narrow"[^>]* width="360"/);
    // shrunk from 360 units to the 294 pixels a 360-pixel screen leaves, 15-unit type is 12 pixels tall
    expect(narrow).toContain('font-size="15"');
    expect(narrow).not.toMatch(/font-size="(?:1[0-4]|\d)"/);
    const titles = (svg: string) => [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]).sort();
    expect(titles(narrow)).toEqual(titles(wide));
    expect(titles(narrow).filter(Boolean)).toHaveLength(4);
  });
});

describe("a count axis", () => {
  test("has round, evenly spaced ticks: the largest value is not a tick of its own", () => {
    const svg = renderToStaticMarkup(<MovementChart table={{ ...table([17, 9]), id: "ticks" }} kind="grouped" />);
    const ticks = [...svg.matchAll(/<tspan[^>]*>(\d+)<\/tspan>/g)].map((m) => Number(m[1]));
    expect(ticks).toEqual([0, 5, 10, 15, 20]);
  });
});

describe("a phone's count axis", () => {
  test("takes as many round ticks as fit side by side", () => {
    const big = { ...table([3900, 2400]), id: "big" };
    const ticks = (svg: string) => [...svg.matchAll(/<tspan[^>]*>(\d+)<\/tspan>/g)].map((m) => Number(m[1]));
    expect(ticks(renderToStaticMarkup(<MovementChart table={big} kind="grouped" />))).toEqual([
      0, 1000, 2000, 3000, 4000,
    ]);
    expect(ticks(renderToStaticMarkup(<MovementChart table={big} kind="grouped" size="narrow" />))).toEqual([
      0, 2000, 4000,
    ]);
  });
});

describe("a hidden cell", () => {
  const hidden = { mark: "hidden", title: "hidden: fewer than 3 organizations" };
  for (const kind of ["bar", "stacked", "grouped"] as ChartKind[]) {
    test(`${kind}: is drawn as a dashed outline that says so, never as a count`, () => {
      const svg = renderToStaticMarkup(
        <MovementChart table={{ ...table([null, 6]), id: `h-${kind}` }} kind={kind} hidden={hidden} />,
      );
      expect(svg.match(/<rect[^>]*stroke-dasharray="4 3"/g)).toHaveLength(2);
      expect(svg.match(/<text[^>]*font-style="italic"[^>]*>hidden<\/text>/g)).toHaveLength(2);
      expect(svg).toContain("<title>Row one, A: hidden: fewer than 3 organizations</title>");
      expect(svg).toContain("<title>Row two, B: 6</title>");
      // the stand-in's length is no number of the chart's
      expect(svg).not.toMatch(/<title>[^<]*A: [\d.]+<\/title>/);
    });
  }
  test("stacked: counted segments start where the counts before them end; the hidden ones are one stand-in after them", () => {
    const three: ChartTable = {
      id: "stack-order",
      columns: ["A", "B", "C", "D"].map((label, i) => ({ key: label.toLowerCase(), label, color: `#00${i}` })),
      rows: [
        { key: "r1", label: "Row one", cells: [4, null, 6, null] },
        { key: "r2", label: "Row two", cells: [4, 3, 6, 2] },
      ],
    };
    const svg = renderToStaticMarkup(<MovementChart table={three} kind="stacked" hidden={hidden} />);
    const rect = (title: string) => {
      const m = svg.match(new RegExp(`<rect x="([\\d.]+)"[^>]*width="([\\d.]+)"[^>]*><title>${title}</title>`));
      if (!m) throw new Error(`no segment titled ${title}`);
      return { x: Number(m[1]), end: Number(m[1]) + Number(m[2]) };
    };
    // Row one's C begins at 4, where Row two's B does: nothing hidden stands between A and C
    expect(rect("Row one, C: 6").x).toBeCloseTo(rect("Row two, B: 3").x, 5);
    expect(rect("Row one, A: 4").end).toBeCloseTo(rect("Row one, C: 6").x, 5);
    // one stand-in for both hidden cells, after C, naming them
    const standIns = [...svg.matchAll(/<g><title>([^<]*)<\/title><rect x="([\d.]+)"/g)];
    expect(standIns.map((m) => m[1])).toEqual(["Row one, B, D: hidden: fewer than 3 organizations"]);
    expect(Number(standIns[0][2]) - 0.75).toBeCloseTo(rect("Row one, C: 6").end, 5);
    expect(svg).not.toMatch(/<title>Row one, [BD]: [\d.]+<\/title>/);
  });

  test("line: a hidden month is a dashed circle on the bottom axis, titled with why, never a point with a number", () => {
    const months: ChartTable = {
      id: "months",
      columns: [{ key: "a", label: "A", color: "#1b6" }],
      rows: [
        { key: "m1", label: "Jan", cells: [5] },
        { key: "m2", label: "Feb", cells: [null] },
        { key: "m3", label: "Mar", cells: [7] },
      ],
    };
    const svg = renderToStaticMarkup(<MovementChart table={months} kind="line" hidden={hidden} />);
    const marks = [...svg.matchAll(/<circle([^>]*)><title>([^<]*)<\/title>/g)];
    expect(marks.map((m) => m[2])).toEqual(["A, Jan: 5", "A, Feb: hidden: fewer than 3 organizations", "A, Mar: 7"]);
    const hiddenMark = marks[1][1];
    expect(hiddenMark).toContain('stroke-dasharray="2 2"');
    expect(hiddenMark).toContain('fill="#fff"');
    // on the axis' line: below both drawn points (y grows downwards), where 0 would be
    const y = (attrs: string) => Number(/cy="([\d.]+)"/.exec(attrs)![1]);
    expect(y(hiddenMark)).toBeGreaterThan(Math.max(y(marks[0][1]), y(marks[2][1])));
    expect(y(hiddenMark)).toBe(320 - 8 - 30);
    // without the words (a drawing not meant for people) nothing marks it
    expect(renderToStaticMarkup(<MovementChart table={months} kind="line" />)).not.toContain("hidden");
  });
  test("in Spanish, with the Spanish words", () => {
    const svg = renderToStaticMarkup(
      <MovementChart
        table={{ ...table([null, 2]), id: "es" }}
        kind="bar"
        hidden={{ mark: "oculto", title: "oculto: menos de 3 organizaciones" }}
        size="narrow"
      />,
    );
    expect(svg).toContain(">oculto</text>");
    expect(svg).toContain("<title>Row one, A: oculto: menos de 3 organizaciones</title>");
  });
});

test("a date range's last month name fits in the drawing, not cut at its edge", () => {
  const months = ["Mar", "Apr", "May", "Jun", "Jul", "Aug"].map((m) => `${m} 2025`);
  const svg = renderToStaticMarkup(
    <MovementChart
      table={{
        id: "range",
        columns: [{ key: "a", label: "A", color: "#1b6" }],
        rows: months.map((label, i) => ({ key: `r${i}`, label, cells: [i + 1] })),
      }}
      kind="line"
    />,
  );
  const last = svg.match(/<text[^>]*x="([\d.]+)"[^>]*text-anchor="middle"[^>]*>(?:<tspan[^>]*>)?Aug 2025/);
  expect(last).not.toBeNull();
  // 12-unit type, about 0.6 of it per letter, centred on its point
  expect(Number(last![1]) + ("Aug 2025".length * 12 * 0.6) / 2).toBeLessThanOrEqual(720);
});
