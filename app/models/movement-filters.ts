// The dashboard's filters, read from the URL so a view can be bookmarked and shared. Shared by the server
// (parsing) and the page (the filter form and CSV links); no zod here, so nothing heavy reaches the browser.
import { SIZE_BANDS } from "~/models/organization-options";

type SizeBandName = (typeof SIZE_BANDS)[number];

export const MACRO_REGIONS = [
  "NORTHEAST",
  "SOUTHEAST",
  "MIDWEST",
  "SOUTHWEST",
  "WEST",
  "TERRITORIES",
  "OUTSIDE_US",
  "UNSPECIFIED",
] as const;
export type MacroRegion = (typeof MACRO_REGIONS)[number];
/** The macro-regions a region can belong to: "UNSPECIFIED" is only where no region is recorded. */
export const REGION_MACROS = [
  "NORTHEAST",
  "SOUTHEAST",
  "MIDWEST",
  "SOUTHWEST",
  "WEST",
  "TERRITORIES",
  "OUTSIDE_US",
] as const satisfies readonly MacroRegion[];

/** A span of whole months, "YYYY-MM" to "YYYY-MM" inclusive, for the charts drawn per month. */
export type MonthRange = { from: string; to: string };

export type MovementFilters = {
  year: number;
  range?: MonthRange;
  value?: string;
  freedom?: string;
  region?: MacroRegion;
  size?: SizeBandName;
  impacted?: boolean;
};

const slug = /^[a-z0-9-]{1,60}$/;

/** Unknown or malformed parameters are ignored (the default view), never an error page. */
export function parseMovementFilters(params: URLSearchParams, currentYear: number): MovementFilters {
  const yearText = params.get("year") ?? "";
  const year =
    /^\d{4}$/.test(yearText) && Number(yearText) >= 2000 && Number(yearText) <= currentYear + 1
      ? Number(yearText)
      : currentYear;
  const value = params.get("value") ?? "";
  const freedom = params.get("freedom") ?? "";
  const region = params.get("region") ?? "";
  const size = params.get("size") ?? "";
  const impacted = params.get("impacted");
  return {
    year,
    ...(slug.test(value) ? { value } : {}),
    ...(slug.test(freedom) ? { freedom } : {}),
    ...((MACRO_REGIONS as readonly string[]).includes(region) ? { region: region as MacroRegion } : {}),
    ...((SIZE_BANDS as readonly string[]).includes(size) ? { size: size as SizeBandName } : {}),
    ...(impacted === "yes" ? { impacted: true } : impacted === "no" ? { impacted: false } : {}),
  };
}

export function movementFilterParams(filters: MovementFilters) {
  const params = new URLSearchParams({ year: String(filters.year) });
  if (filters.range) {
    params.set("from", filters.range.from);
    params.set("to", filters.range.to);
  }
  if (filters.value) params.set("value", filters.value);
  if (filters.freedom) params.set("freedom", filters.freedom);
  if (filters.region) params.set("region", filters.region);
  if (filters.size) params.set("size", filters.size);
  if (filters.impacted !== undefined) params.set("impacted", filters.impacted ? "yes" : "no");
  return params;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The filters that narrow a movement view, named for a download's file name (csvFileName), in the reader's
 * language: region, size, led by directly impacted people. `t` reads the movement catalog, `ta` the admin one.
 */
export function movementFilterNames(filters: Omit<MovementFilters, "year">, t: Translate, ta: Translate) {
  return [
    filters.region ? t(`regions.${filters.region}`) : null,
    filters.size ? ta(`organizations.sizeBands.${filters.size}`) : null,
    filters.impacted === undefined ? null : t(filters.impacted ? "files.impacted" : "files.notImpacted"),
  ];
}

/** Every month of a range in order, as "YYYY-MM". */
export function monthsOf(range: MonthRange) {
  const [fy, fm] = range.from.split("-").map(Number);
  const [ty, tm] = range.to.split("-").map(Number);
  const months: string[] = [];
  for (let n = fy * 12 + fm - 1; n <= ty * 12 + tm - 1; n++)
    months.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`);
  return months;
}

/** The same month a year before: the dashed line beside each month of the practices chart. */
export function yearBefore(month: string) {
  return `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
}
