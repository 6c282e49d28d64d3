// Calendar days in a time zone, for the server and the browser alike. A practice is dated in the calendar
// of the person logging it, not the server's UTC day: at 16:00 in Los Angeles it is already tomorrow in UTC.

/** The cookie the browser sets with its own zone (a hint: the server checks it is a zone it knows). */
export const TIME_ZONE_COOKIE = "tz";

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** True for an IANA zone name this runtime knows, such as "America/Los_Angeles" or "UTC". */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== "string" || !ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The runtime's own spelling of a zone it knows ("america/new_york" → "America/New_York", "Etc/UTC" → "UTC"),
 * so a stored zone matches the list the forms offer; null for a name it does not know.
 */
export function canonicalTimeZone(name: unknown): string | null {
  if (!isTimeZone(name)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}

/** Every zone this runtime knows by its canonical name, in alphabetical order, UTC among them. */
export function knownTimeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
}

/** The calendar day (YYYY-MM-DD) it is in `timeZone` at the instant `now`. */
export function dayIn(timeZone: string, now: Date = new Date()) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The browser's own zone, when it names one this runtime knows. */
export function browserTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : null;
}

/** A `document.cookie` assignment that remembers the browser's zone for a year, for the server to read. */
export function timeZoneCookie(zone: string, secure: boolean) {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The zone as people say it, in their language ("Pacific Time", "hora del Pacífico"); the IANA name otherwise. */
export function zoneName(timeZone: string, locale: string, now: Date = new Date()) {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" }).formatToParts(now);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/**
 * The zone the browser said it is in (set by the page's script), when it is one this runtime knows.
 * Only a hint: it moves "today" by a day at most, and a page without JavaScript falls back to the
 * organization's zone.
 */
export function timeZoneHint(request: Request): string | null {
  for (const pair of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name !== TIME_ZONE_COOKIE) continue;
    let value: string;
    try {
      value = decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
    return isTimeZone(value) ? value : null;
  }
  return null;
}
