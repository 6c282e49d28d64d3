// The dashboard's date range, "from" and "to" months in the URL (YYYY-MM, inclusive), checked with zod on the
// server. Like the other filters, a value that does not parse leaves the default view; unlike them, the page
// says so, since a range typed by hand is easy to get wrong.
import { z } from "zod";
import type { MonthRange } from "~/models/movement-filters";

/** The longest range drawn: five years of monthly points stay readable on a phone's table. */
export const MAX_RANGE_MONTHS = 60;

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

// a schema per current year, built once (a dashboard request parses its range with it)
const schemas = new Map<number, ReturnType<typeof buildRangeSchema>>();
function rangeSchema(currentYear: number) {
  let schema = schemas.get(currentYear);
  if (!schema) schemas.set(currentYear, (schema = buildRangeSchema(currentYear)));
  return schema;
}

function buildRangeSchema(currentYear: number) {
  const month = z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= currentYear + 1);
  const optional = z.preprocess((v) => (v === "" || v === null ? undefined : v), month.optional());
  return z
    .object({ from: optional, to: optional })
    .transform(({ from, to }) =>
      from || to ? { from: from ?? `${to!.slice(0, 4)}-01`, to: to ?? `${from!.slice(0, 4)}-12` } : undefined,
    )
    .refine((r) => !r || (index(r.from) <= index(r.to) && index(r.to) - index(r.from) < MAX_RANGE_MONTHS));
}

/**
 * The range asked for: both ends, or one end and the rest of its year (up to `thisMonth`, "YYYY-MM", when given:
 * a start alone in this year runs to this month, not to months still to come); `ignored` when something was
 * given and does not make a range (a malformed month, the end before the start, longer than MAX_RANGE_MONTHS).
 */
export function parseMonthRange(
  params: URLSearchParams,
  currentYear: number,
  thisMonth?: string,
): { range?: MonthRange; ignored: boolean } {
  const parsed = rangeSchema(currentYear).safeParse({ from: params.get("from"), to: params.get("to") });
  if (!parsed.success) return { ignored: true };
  const range = parsed.data;
  if (!range) return { ignored: false };
  if (thisMonth && !params.get("to") && range.from <= thisMonth && range.to > thisMonth)
    return { range: { ...range, to: thisMonth }, ignored: false };
  return { range, ignored: false };
}
