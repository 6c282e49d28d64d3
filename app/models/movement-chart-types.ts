// The shape every movement chart, its data table and its CSV are drawn from (browser-safe: types only).
import type { Cell } from "~/models/movement-suppression";

export type ChartKind = "line" | "bar" | "stacked" | "grouped";
export type ChartColumn = { key: string; label: string; color: string; dashed?: boolean };
export type ChartRow = { key: string; label: string; cells: Cell[] };
export type ChartTable = { id: string; columns: ChartColumn[]; rows: ChartRow[] };
