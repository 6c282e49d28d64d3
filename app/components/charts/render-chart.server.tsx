// Charts become SVG text on the server: the page shows them without JavaScript and no chart code ships.
// Drawing costs milliseconds per chart, so drawings are kept by their exact input: the same numbers (for
// any filters) are drawn once, and a write that changes a number changes the key.
import type { AppLoadContext } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { MovementChart, type HiddenWords } from "~/components/charts/movement-chart";
import { slim } from "~/components/charts/slim-svg";
import type { ChartKind, ChartTable } from "~/models/movement-chart-types";

const MAX_DRAWINGS = 300;
const drawings = new Map<string, string>();

// The same table object drawn again (the movement's figures kept in memory are frozen and shared by every
// request until a write: movement-cache.server.ts) finds its drawing without writing its key out again.
const byTable = new WeakMap<
  ChartTable,
  { kind: ChartKind; barColors?: Record<string, string>; svg: string; words: string }
>();

/** `hidden`: what a hidden cell says in the drawing, in the reader's language. */
export function renderChartSvg(
  table: ChartTable,
  kind: ChartKind,
  hidden: HiddenWords,
  barColors?: Record<string, string>,
) {
  const same = byTable.get(table);
  const words = `${hidden.mark}\n${hidden.title}`;
  if (same && same.kind === kind && same.barColors === barColors && same.words === words && Object.isFrozen(table))
    return same.svg;
  const svg = drawOrKept(table, kind, hidden, barColors);
  if (Object.isFrozen(table)) byTable.set(table, { kind, barColors, svg, words });
  return svg;
}

function drawOrKept(table: ChartTable, kind: ChartKind, hidden: HiddenWords, barColors?: Record<string, string>) {
  const key = JSON.stringify([kind, table, hidden, barColors ?? null]);
  const kept = drawings.get(key);
  if (kept !== undefined) {
    // least recently used goes first: move this one to the end
    drawings.delete(key);
    drawings.set(key, kept);
    return kept;
  }
  // a wide drawing and a phone's; the page's style shows the one that fits the screen
  const draw = (size: "wide" | "narrow") =>
    slim(
      renderToStaticMarkup(
        <MovementChart table={table} kind={kind} barColors={barColors} hidden={hidden} size={size} />,
      ),
    );
  const svg = `<div class="chart-wide">${draw("wide")}</div><div class="chart-narrow">${draw("narrow")}</div>`;
  drawings.set(key, svg);
  if (drawings.size > MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  return svg;
}

/**
 * A chart's drawing for the page's data. A document request's HTML already shows it (ChartFigure reads it from
 * the context the server's render provides, then from the page on hydration), so its data does not carry it a
 * second time; a navigation in the browser gets it as data.
 */
export function drawingForData(context: AppLoadContext, id: string, svg: string) {
  if (!context.documentDrawings) return svg;
  context.documentDrawings.set(id, svg);
  return null;
}
