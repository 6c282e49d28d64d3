import type { ChartColumn } from "~/models/movement-chart-types";

/** What each colour (and dashed line) of a chart stands for, beside the drawing; the data table has it too. */
export function ChartLegend({ columns }: { columns: ChartColumn[] }) {
  if (columns.length < 2) return null;
  return (
    <ul className="chart-legend">
      {columns.map((c) => (
        <li key={c.key}>
          <svg width="24" height="12" aria-hidden="true" focusable="false">
            {c.dashed ? (
              <line x1="1" x2="23" y1="6" y2="6" stroke={c.color} strokeWidth="3" strokeDasharray="5 3" />
            ) : (
              <rect x="1" y="1" width="22" height="10" rx="2" fill={c.color} />
            )}
          </svg>
          {c.label}
        </li>
      ))}
    </ul>
  );
}
