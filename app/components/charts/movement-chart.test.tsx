import { describe, expect, test } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { MovementChart } from "~/components/charts/movement-chart";
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
