// Charts become SVG text on the server: the page shows them without JavaScript and no chart code ships.
import { renderToStaticMarkup } from "react-dom/server";
import { MovementChart } from "~/components/charts/movement-chart";
import type { ChartKind, ChartTable } from "~/models/movement-chart-types";

export function renderChartSvg(table: ChartTable, kind: ChartKind, barColors?: Record<string, string>) {
  return renderToStaticMarkup(<MovementChart table={table} kind={kind} barColors={barColors} />);
}
