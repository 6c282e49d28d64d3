import { isTimeZone, TIME_ZONE_COOKIE } from "~/utils/time-zone";

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
