// A chart's data table, the keyboard and screen-reader alternative to its drawing: folded under "Data table",
// with a hidden cell saying why it carries no number.
import { useFormat } from "~/components/use-format";
import type { ChartTable } from "~/models/movement-chart-types";

export function ChartDataTable({
  table,
  title,
  rowHeader,
  summary,
  hidden,
}: {
  table: ChartTable;
  title: string;
  rowHeader: string;
  /** the fold's label ("Data table") */
  summary: string;
  /** what a hidden cell says */
  hidden: string;
}) {
  const format = useFormat();
  return (
    <details>
      <summary>{summary}</summary>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${summary}: ${title}`}>
        <table className="data">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {table.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) => (
                  <td key={table.columns[i].key} className={c === null ? "muted" : "numeric"}>
                    {c === null ? hidden : format.number(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
