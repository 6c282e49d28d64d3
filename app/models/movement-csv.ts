// A chart's numbers as CSV: exactly the table beside it, suppressed cells as the same words the page shows.
import type { ChartTable } from "~/models/movement-chart-types";

/** A spreadsheet must not run a cell as a formula: text that begins like one gets a leading apostrophe. */
export function csvCell(text: string) {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: ChartTable, rowHeader: string, suppressed: string) {
  const lines = [
    [rowHeader, ...table.columns.map((c) => c.label)],
    ...table.rows.map((r) => [r.label, ...r.cells.map((c) => (c === null ? suppressed : String(c)))]),
  ];
  // the byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents)
  return "\uFEFF" + lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
