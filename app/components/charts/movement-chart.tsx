// One movement chart drawn by Recharts at a fixed size, so the server renders the whole SVG (see
// app/components/charts/render-chart.server.tsx); each mark carries its number in an SVG <title>.
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import type { ChartKind, ChartTable } from "~/models/movement-chart-types";

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 320;
/**
 * A phone's drawing: a 720-unit drawing shrunk to a phone's 330 pixels writes its labels 5 pixels tall; drawn
 * 400 units wide with the same type, they stay about 10 (the page shows one or the other by the screen's width).
 */
const NARROW = { width: 400, height: 280, categoryAxis: 140, labelCharacters: 18, monthLabels: 6 };
const WIDE = { width: CHART_WIDTH, height: CHART_HEIGHT, categoryAxis: 220, labelCharacters: 32, monthLabels: 12 };
export type ChartSize = "wide" | "narrow";

type Datum = Record<string, string | number | null>;

function toData(table: ChartTable): Datum[] {
  return table.rows.map((r) =>
    Object.fromEntries([["label", r.label], ...table.columns.map((c, i) => [c.key, r.cells[i]])]),
  );
}

/** A category name that fits the bar chart's axis: whole when short, cut at a word with "…" otherwise. */
export function shortLabel(label: string, characters = WIDE.labelCharacters) {
  if (label.length <= characters) return label;
  const cut = label.slice(0, characters - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > characters / 2 ? cut.slice(0, space) : cut).replace(/[\s,]+$/, "")}…`;
}

type BarShape = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: Datum;
  value?: unknown;
};

export function MovementChart({
  table,
  kind,
  barColors,
  size = "wide",
}: {
  table: ChartTable;
  kind: ChartKind;
  barColors?: Record<string, string>;
  size?: ChartSize;
}) {
  const data = toData(table);
  const box = size === "narrow" ? NARROW : WIDE;
  const common = {
    id: size === "narrow" ? `chart-${table.id}-narrow` : `chart-${table.id}`,
    width: box.width,
    height: box.height,
    data,
    margin: { top: 16, right: 16, bottom: 8, left: 8 },
  };
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="#d9dde3" />,
    // a date range's months: about twelve names on the axis, every point still titled and in the table
    <XAxis
      key="x"
      dataKey="label"
      interval={Math.ceil(data.length / box.monthLabels) - 1}
      tick={{ fontSize: 12, fill: "#333" }}
    />,
    <YAxis
      key="y"
      allowDecimals={false}
      domain={[0, (max: number) => Math.max(1, max)]}
      tick={{ fontSize: 12, fill: "#333" }}
      width={48}
    />,
  ];
  // one month alone has no line to draw: its values are bars, the year before lighter
  if (kind === "line" && data.length > 1) {
    return (
      <LineChart {...common}>
        {axes}
        {table.columns.map((c) => (
          <Line
            key={c.key}
            dataKey={c.key}
            stroke={c.color}
            strokeWidth={2}
            strokeDasharray={c.dashed ? "5 4" : undefined}
            isAnimationActive={false}
            connectNulls={false}
            dot={(props: { cx?: number; cy?: number; value?: unknown; payload?: Datum; index?: number }) =>
              typeof props.value === "number" && props.cx !== undefined && props.cy !== undefined ? (
                <circle key={`${c.key}-${props.index}`} cx={props.cx} cy={props.cy} r={3} fill={c.color}>
                  <title>{`${c.label}, ${props.payload?.label}: ${props.value}`}</title>
                </circle>
              ) : (
                <g key={`${c.key}-${props.index}`} />
              )
            }
          />
        ))}
      </LineChart>
    );
  }
  const stacked = kind === "stacked";
  // bars lie down so long names (values, freedoms) stay readable on the category axis
  return (
    <BarChart
      {...common}
      layout="vertical"
      height={Math.max(160, 56 + table.rows.length * (stacked ? 36 : 28 * table.columns.length + 12))}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
      {/* at least 0–1, so a chart of zeros still has a scale (an empty domain draws NaN-wide bars) */}
      <XAxis
        type="number"
        allowDecimals={false}
        domain={[0, (max: number) => Math.max(1, max)]}
        tick={{ fontSize: 12, fill: "#333" }}
      />
      {/* the axis is 220 px wide: a longer name is shortened here and whole in the data table and each bar's title */}
      <YAxis
        type="category"
        dataKey="label"
        interval={0}
        width={box.categoryAxis}
        tick={{ fontSize: 12, fill: "#333" }}
        tickFormatter={(label: string) => shortLabel(label, box.labelCharacters)}
      />
      {table.columns.map((c) => (
        <Bar
          key={c.key}
          dataKey={c.key}
          fill={c.color}
          stackId={stacked ? "stack" : undefined}
          isAnimationActive={false}
          shape={(props: BarShape) => {
            // a hidden (suppressed) or empty cell draws nothing rather than a bar of no size
            if (!Number.isFinite(props.width) || !Number.isFinite(props.height)) return <g />;
            const label = props.payload?.label;
            const fill = barColors?.[String(table.rows.find((r) => r.label === label)?.key)] ?? props.fill;
            return (
              <rect
                x={props.x}
                y={props.y}
                width={props.width}
                height={props.height}
                fill={fill}
                fillOpacity={c.dashed ? 0.45 : undefined}
              >
                <title>{`${label}, ${c.label}: ${props.payload?.[c.key]}`}</title>
              </rect>
            );
          }}
        />
      ))}
    </BarChart>
  );
}
