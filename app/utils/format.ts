// Dates and numbers written for people, in the page's language: every page, CSV and email formats through
// here. Dates are shown in UTC: a calendar day (YYYY-MM-DD) is the day it names wherever the reader is, and
// an instant (an ISO timestamp) reads the same in the server's render and the browser's hydration.

type DateStyle = "full" | "long" | "medium" | "short";

export type Formatters = ReturnType<typeof makeFormatters>;

const cache = new Map<string, Formatters>();

/** The formatters for one language, made once per language (Intl objects are costly to build). */
export function formatters(locale: string): Formatters {
  let found = cache.get(locale);
  if (!found) cache.set(locale, (found = makeFormatters(locale)));
  return found;
}

// a calendar day at noon UTC, so no offset can move it to the day before or after
const toDate = (value: string) => new Date(value.length === 10 ? `${value}T12:00:00Z` : value);

function makeFormatters(locale: string) {
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const dates = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (options: Intl.DateTimeFormatOptions) => {
    const key = JSON.stringify(options);
    let found = dates.get(key);
    if (!found) dates.set(key, (found = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })));
    return found;
  };
  return {
    /** 1,234 / 1.234 */
    number: (n: number) => numberFormat.format(n),
    /** a share from 0 to 1 as a whole percentage: 0.42 → "42%" / "42 %" */
    percent: (n: number) => percentFormat.format(n),
    /** a calendar day or an instant's day: "Mar 9, 2026" (medium), "March 9, 2026" (long), "Monday, March 9, 2026" (full) */
    date: (value: string, style: DateStyle = "medium") => dateFormat({ dateStyle: style }).format(toDate(value)),
    /** an instant with its time of day (UTC) */
    dateTime: (value: string, timeStyle: "short" | "medium" = "short") => dateFormat({ dateStyle: "medium", timeStyle }).format(toDate(value)),
    /** a month's short name, 0 = January */
    month: (month: number) => dateFormat({ month: "short" }).format(new Date(Date.UTC(2000, month, 1))),
  };
}
