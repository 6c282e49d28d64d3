// The time zones the organization form offers first, and the zone a region's code implies (browser-safe: the
// form names the zone a region gives as soon as it is picked; the server applies the same table).

/** The United States and its territories, east to west: the form's first group. */
export const US_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "America/Adak",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Pacific/Guam",
  "Pacific/Pago_Pago",
] as const;

const EASTERN = ["CT", "ME", "MA", "NH", "RI", "VT", "NJ", "NY", "PA", "DE", "MD", "DC", "VA", "WV", "NC", "SC"];
const EASTERN_TOO = ["GA", "FL", "KY", "OH", "IN", "MI"];
const CENTRAL = ["TN", "AL", "MS", "AR", "LA", "IL", "WI", "MN", "IA", "MO", "ND", "SD", "NE", "KS", "TX", "OK"];
const MOUNTAIN = ["CO", "WY", "MT", "ID", "UT", "NM"];
const PACIFIC = ["CA", "NV", "OR", "WA"];

/**
 * The zone most of a region's people live in, by its code: US states and territories, and the countries with
 * one zone (or one most people keep). A state split between two zones gets its larger one; a region not here
 * (an admin's own, "another country") implies none.
 */
export const REGION_TIME_ZONES: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...EASTERN, ...EASTERN_TOO].map((code) => [code, "America/New_York"])),
  ...Object.fromEntries(CENTRAL.map((code) => [code, "America/Chicago"])),
  ...Object.fromEntries(MOUNTAIN.map((code) => [code, "America/Denver"])),
  ...Object.fromEntries(PACIFIC.map((code) => [code, "America/Los_Angeles"])),
  AZ: "America/Phoenix",
  AK: "America/Anchorage",
  HI: "Pacific/Honolulu",
  PR: "America/Puerto_Rico",
  VI: "America/Puerto_Rico",
  GU: "Pacific/Guam",
  MP: "Pacific/Guam",
  AS: "Pacific/Pago_Pago",
  "X-MX": "America/Mexico_City",
  "X-GT": "America/Guatemala",
  "X-HN": "America/Tegucigalpa",
  "X-SV": "America/El_Salvador",
};

/** The zone a region's code implies, or null when it implies none. */
export function regionTimeZone(code: string | null | undefined) {
  return (code && Object.hasOwn(REGION_TIME_ZONES, code) && REGION_TIME_ZONES[code]) || null;
}
