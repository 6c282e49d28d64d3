import { describe, expect, test } from "vitest";
import { canonicalTimeZone, dayIn, isTimeZone, knownTimeZones, timeZoneCookie, timeZoneHint } from "~/utils/time-zone";

describe("calendar days in a time zone", () => {
  test.each([
    ["2026-03-10T00:30:00Z", "America/Los_Angeles", "2026-03-09"],
    ["2026-03-10T00:30:00Z", "UTC", "2026-03-10"],
    ["2026-03-10T00:30:00Z", "Asia/Tokyo", "2026-03-10"],
    ["2026-03-09T23:30:00Z", "Pacific/Kiritimati", "2026-03-10"],
    ["2026-01-01T03:59:00Z", "America/Puerto_Rico", "2025-12-31"],
    // the night the clocks move forward in Los Angeles (2026-03-08, 02:00 → 03:00)
    ["2026-03-08T10:30:00Z", "America/Los_Angeles", "2026-03-08"],
    ["2026-03-08T07:59:00Z", "America/Los_Angeles", "2026-03-07"],
  ])("at %s in %s it is %s", (instant, zone, day) => {
    expect(dayIn(zone, new Date(instant))).toBe(day);
  });

  test("only zones the runtime knows are zones", () => {
    expect(isTimeZone("America/Los_Angeles")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["Mars/Olympus_Mons", "", "../etc", "America/Los Angeles", "x".repeat(80), 42, null])
      expect(isTimeZone(bad)).toBe(false);
  });

  test("a known zone is kept in the runtime's spelling; the list of zones is sorted and holds UTC", () => {
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    const zones = knownTimeZones();
    expect(zones).toEqual([...zones].sort());
    expect(zones).toEqual(expect.arrayContaining(["UTC", "America/Puerto_Rico", "Pacific/Guam", "Europe/Madrid"]));
    expect(new Set(zones).size).toBe(zones.length);
    for (const zone of zones) expect(canonicalTimeZone(zone), zone).toBe(zone);
  });

  test("the browser's cookie is read back as a hint, and anything else is none", () => {
    const request = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
    const set = timeZoneCookie("America/Argentina/Buenos_Aires", false).split(";")[0];
    expect(timeZoneHint(request(`other=1; ${set}`))).toBe("America/Argentina/Buenos_Aires");
    expect(timeZoneHint(request("tz=Mars%2FOlympus"))).toBeNull();
    expect(timeZoneHint(request("tz=%E0%A4%A"))).toBeNull();
    expect(timeZoneHint(new Request("http://localhost/"))).toBeNull();
  });
});
