// One movement chart drawn by Recharts at a fixed size, so the server renders the whole SVG (see
// app/components/charts/render-chart.server.tsx); each mark carries its number in an SVG <title>.
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { niceTicks, wrapLabel } from "~/components/charts/chart-scale";
import type { ChartKind, ChartTable } from "~/models/movement-chart-types";

/**
 * Two drawings of each chart; the page shows the one that fits the screen. A phone's is drawn 360 units wide
 * with 15-unit type, so shrunk to the 294 pixels a 360-pixel screen leaves it, its words stay 12 pixels tall
 * (a 720-unit drawing would write them 5 pixels tall). Labels wrap onto two lines of `labelCharacters`.
 */
const NARROW = { width: 360, height: 300, font: 15, categoryAxis: 160, labelCharacters: 19, intervals: 4 };
const WIDE = { width: 720, height: 320, font: 12, categoryAxis: 220, labelCharacters: 32, intervals: 5 };
export type ChartSize = "wide" | "narrow";

/** What a hidden (suppressed) cell says in the drawing: a short mark on its stand-in and its whole reason as its title. */
export type HiddenWords = { mark: string; title: string };

type Datum = Record<string, string | number | boolean | null>;
const HIDDEN = ":hidden";
const HIDDEN_STACK = ":hiddenStack";
const HIDDEN_NAMES = ":hiddenNames";
const X_AXIS_HEIGHT = 30;
const INK = "#333";

type BarShape = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: Datum;
};

/** The largest number the drawing must reach: a bar's end, a stack's total, a line's highest point. */
function largestShown(table: ChartTable, stacked: boolean, placeholder = 0) {
  // a stack's hidden cells are one stand-in at its end (toData)
  const each = table.rows.map((r) =>
    stacked
      ? r.cells.reduce<number>((sum, c) => sum + (c ?? 0), 0) + (r.cells.includes(null) ? placeholder : 0)
      : Math.max(0, ...r.cells.map((c) => c ?? placeholder)),
  );
  return Math.max(0, ...each);
}

/**
 * Ticks for the count axis, and how long a hidden bar is drawn (a stand-in, never a number). Lying along the
 * bottom of a bar chart, the ticks' numbers must fit side by side: a phone's narrow axis takes fewer of them.
 */
function scale(table: ChartTable, kind: ChartKind, box: typeof WIDE, bars: boolean, placeholders: boolean) {
  const stacked = kind === "stacked";
  const plot = box.width - box.categoryAxis - 40;
  const ticksFor = (max: number) => {
    const ticks = niceTicks(max, box.intervals);
    if (!bars) return ticks;
    const digits = String(ticks[ticks.length - 1]).length;
    const fit = Math.max(1, Math.floor(plot / (digits * box.font * 0.6 + box.font)));
    return fit < ticks.length - 1 ? niceTicks(max, fit) : ticks;
  };
  // a hidden bar is about as long as its short mark (six letters), whatever the scale
  const placeholderFor = (top: number) => ((box.font * 4) / plot) * top;
  let ticks = ticksFor(largestShown(table, stacked));
  if (!bars || !placeholders) return { ticks, placeholder: 0 };
  let placeholder = placeholderFor(ticks[ticks.length - 1]);
  ticks = ticksFor(largestShown(table, stacked, placeholder));
  placeholder = placeholderFor(ticks[ticks.length - 1]);
  return { ticks, placeholder };
}

/**
 * The chart's rows as Recharts reads them; a hidden cell is flagged (drawn as such) when `flag`. In a stack,
 * the hidden cells of a row are one stand-in of one length after its counted segments (HIDDEN_STACK,
 * HIDDEN_NAMES naming them): a stand-in in their midst would move every segment after it by a length that
 * is no count, and a length per hidden cell would say how many there are.
 */
function toData(table: ChartTable, placeholder: number, flag: boolean, stacked: boolean): Datum[] {
  return table.rows.map((r) => {
    const datum: Datum = { label: r.label };
    const hiddenNames: string[] = [];
    table.columns.forEach((c, i) => {
      const cell = r.cells[i];
      datum[c.key] = cell === null && placeholder > 0 && !stacked ? placeholder : cell;
      if (cell === null && flag) datum[c.key + HIDDEN] = true;
      if (cell === null) hiddenNames.push(c.label);
    });
    if (stacked && placeholder > 0 && hiddenNames.length) {
      datum[HIDDEN_STACK] = placeholder;
      datum[HIDDEN_NAMES] = hiddenNames.join(", ");
    }
    return datum;
  });
}

/** A category's name at the left of a bar chart, on up to two lines, centred on its bar. */
function CategoryTick({
  x,
  y,
  payload,
  box,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  box: typeof WIDE;
}) {
  const lines = wrapLabel(String(payload?.value ?? ""), box.labelCharacters);
  return (
    <text x={x} y={y} textAnchor="end" fontSize={box.font} fill={INK}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${0.35 - ((lines.length - 1) * 1.15) / 2}em` : "1.15em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function MovementChart({
  table,
  kind,
  barColors,
  hidden,
  size = "wide",
}: {
  table: ChartTable;
  kind: ChartKind;
  barColors?: Record<string, string>;
  hidden?: HiddenWords;
  size?: ChartSize;
}) {
  const box = size === "narrow" ? NARROW : WIDE;
  const line = kind === "line" && table.rows.length > 1;
  const { ticks, placeholder } = scale(table, kind, box, !line, hidden !== undefined);
  const data = toData(table, placeholder, hidden !== undefined && (line || placeholder > 0), kind === "stacked");
  const tick = { fontSize: box.font, fill: INK };
  const countAxis = { type: "number" as const, allowDecimals: false, ticks, domain: [0, ticks[ticks.length - 1]] };
  const common = {
    id: size === "narrow" ? `chart-${table.id}-narrow` : `chart-${table.id}`,
    width: box.width,
    height: box.height,
    data,
    // room at the right for the last tick's number, centred on the axis' end; on a line chart, for the last
    // month's name, centred on the last point ("Aug 2025" of a date range is longer than a number)
    margin: {
      top: 16,
      right: Math.round(
        Math.max(
          box.font * 1.6,
          line ? (Math.max(...table.rows.map((r) => r.label.length)) * box.font * 0.6) / 2 + 4 : 0,
        ),
      ),
      bottom: 8,
      left: 8,
    },
  };
  // one month alone has no line to draw: its values are bars, the year before lighter
  if (line) {
    // a date range's months: as many names on the axis as fit side by side, every point still titled and in the table
    const longest = Math.max(...table.rows.map((r) => r.label.length));
    const fit = Math.max(2, Math.floor((box.width - 80) / (longest * box.font * 0.6 + box.font)));
    // a hidden month is a dashed circle on the bottom axis (where 0 is): no height, so it never reads as a count
    const axisY = box.height - common.margin.bottom - X_AXIS_HEIGHT;
    return (
      <LineChart {...common}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
        <XAxis dataKey="label" height={X_AXIS_HEIGHT} interval={Math.ceil(data.length / fit) - 1} tick={tick} />
        <YAxis {...countAxis} tick={tick} width={box.font * 4} />
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
              ) : hidden && props.payload?.[c.key + HIDDEN] && props.cx !== undefined ? (
                <circle
                  key={`${c.key}-${props.index}`}
                  cx={props.cx}
                  cy={axisY}
                  r={4}
                  fill="#fff"
                  stroke={c.color}
                  strokeWidth={1.5}
                  strokeDasharray="2 2"
                >
                  <title>{`${c.label}, ${props.payload?.label}: ${hidden.title}`}</title>
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
  const rowHeight = stacked ? Math.max(36, box.font * 2.6) : 28 * table.columns.length + 12;
  // bars lie down so long names (values, freedoms) stay readable on the category axis
  return (
    <BarChart {...common} layout="vertical" height={Math.max(160, 56 + table.rows.length * rowHeight)}>
      <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
      <XAxis {...countAxis} tick={tick} />
      {/* a longer name wraps, and is cut only past two lines: whole in the data table and each bar's title */}
      <YAxis
        type="category"
        dataKey="label"
        interval={0}
        width={box.categoryAxis}
        tick={(props: { x?: number; y?: number; payload?: { value: string } }) => (
          <CategoryTick key={`${props.payload?.value}`} {...props} box={box} />
        )}
      />
      {table.columns.map((c) => (
        <Bar
          key={c.key}
          dataKey={c.key}
          fill={c.color}
          stackId={stacked ? "stack" : undefined}
          isAnimationActive={false}
          shape={(props: BarShape) => {
            // an empty cell draws nothing rather than a bar of no size; a stack's hidden cell is drawn at its end
            if (!Number.isFinite(props.width) || !Number.isFinite(props.height)) return <g />;
            const label = props.payload?.label;
            if (stacked && props.payload?.[c.key] === null) return <g />;
            if (hidden && props.payload?.[c.key + HIDDEN])
              return <HiddenBar {...props} hidden={hidden} box={box} name={`${label}, ${c.label}`} />;
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
      {stacked && hidden && data.some((d) => d[HIDDEN_STACK]) ? (
        <Bar
          dataKey={HIDDEN_STACK}
          stackId="stack"
          isAnimationActive={false}
          shape={(props: BarShape) =>
            Number.isFinite(props.width) && props.payload?.[HIDDEN_STACK] ? (
              <HiddenBar
                {...props}
                hidden={hidden}
                box={box}
                name={`${props.payload?.label}, ${props.payload?.[HIDDEN_NAMES]}`}
              />
            ) : (
              <g />
            )
          }
        />
      ) : null}
    </BarChart>
  );
}

/**
 * A hidden cell: a dashed outline with no fill, so it never reads as a count, its short mark inside when the
 * bar is tall enough for it, and the whole reason as its title.
 */
function HiddenBar({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
  hidden,
  box,
  name,
}: BarShape & { hidden: HiddenWords; box: typeof WIDE; name: string }) {
  const fontSize = Math.min(box.font, height - 4);
  return (
    <g>
      <title>{`${name}: ${hidden.title}`}</title>
      <rect
        x={x + 0.75}
        y={y + 0.75}
        width={Math.max(0, width - 1.5)}
        height={Math.max(0, height - 1.5)}
        fill="#ffffff"
        stroke={INK}
        strokeWidth={1.5}
        strokeDasharray="4 3"
      />
      {fontSize >= 10 ? (
        <text x={x + 4} y={y + height / 2} dy="0.35em" fontSize={fontSize} fill={INK} fontStyle="italic">
          {hidden.mark}
        </text>
      ) : null}
    </g>
  );
}
