// Dates and numbers written for people, in the page's language: every page, CSV and email formats through
// here (components through useFormat, which binds the page's language). Dates are shown in UTC: a calendar
// day (YYYY-MM-DD) is the day it names wherever the reader is, and an instant (an ISO timestamp) reads the
// same in the server's render and the browser's hydration.

export type DateStyle = "full" | "long" | "medium" | "short";

// a calendar day at noon UTC, so no offset can move it to the day before or after
const toDate = (value: string) => new Date(value.length === 10 ? `${value}T12:00:00Z` : value);

// Building a formatter costs far more than using one (a dashboard formats hundreds of numbers): each language
// and set of options is built once. Options come from the code and languages from the two the app speaks.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  Format: new (locale: string, options?: object) => F,
  locale: string,
  options?: object,
) {
  const key = `${Format.name}${locale}${JSON.stringify(options)}`;
  let kept = formatters.get(key) as F | undefined;
  if (!kept) formatters.set(key, (kept = new Format(locale, options)));
  return kept;
}

/**
 * A calendar day or an instant: "Mar 9, 2026" (medium), "March 9, 2026" (long), "Monday, March 9, 2026" (full),
 * or Intl's own options for anything else (a time of day, a month's name).
 */
export const formatDate = (locale: string, value: string, style: DateStyle | Intl.DateTimeFormatOptions = "medium") =>
  formatter(Intl.DateTimeFormat, locale, {
    ...(typeof style === "string" ? { dateStyle: style } : style),
    timeZone: "UTC",
  }).format(toDate(value));

/** 1,234 / 1.234 (Intl's options for anything else, such as one decimal) */
export const formatNumber = (locale: string, n: number, options?: Intl.NumberFormatOptions) =>
  formatter(Intl.NumberFormat, locale, options).format(n);

/** A share from 0 to 1 as a whole percentage: 0.42 → "42%" / "42 %". */
export const formatPercent = (locale: string, n: number) =>
  formatNumber(locale, n, { style: "percent", maximumFractionDigits: 0 });

/** Names joined as the language joins them: "A, B and C" / "A, B y C". */
export const formatList = (locale: string, names: string[]) =>
  formatter(Intl.ListFormat, locale, { type: "conjunction" }).format(names);
