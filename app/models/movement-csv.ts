// A chart's numbers as CSV: exactly the table beside it. A hidden cell carries the short word the drawing uses
// (as a spreadsheet cell should), and one line under the table says once why such cells are hidden.
import type { ChartTable } from "~/models/movement-chart-types";
import { toCsv } from "~/utils/csv";

export type HiddenWords = {
  /** the word in each hidden cell: "hidden" */
  mark: string;
  /** the one line after the table, when a cell is hidden: what the word means */
  note: string;
};

/**
 * `notes`: the lines the file ends with after the hidden cells' note, as its page says them: a filtered view's
 * numbers are rounded; a year without a cycle has no commitments to count.
 */
export function chartCsv(table: ChartTable, rowHeader: string, hidden: HiddenWords, notes: string[] = []) {
  const rows: (string | number)[][] = [
    [rowHeader, ...table.columns.map((c) => c.label)],
    ...table.rows.map((r) => [r.label, ...r.cells.map((c) => (c === null ? hidden.mark : c))]),
  ];
  // an empty line keeps the notes apart from the table's rows
  const said = [...(table.rows.some((r) => r.cells.includes(null)) ? [hidden.note] : []), ...notes];
  if (said.length) rows.push([], ...said.map((note) => [note]));
  return toCsv(rows);
}
