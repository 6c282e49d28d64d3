import { describe, expect, test } from "vitest";
import { REGION_TIME_ZONES, US_TIME_ZONES, regionTimeZone } from "~/models/time-zone-options";
import { canonicalTimeZone, knownTimeZones } from "~/utils/time-zone";

// the states and territories the regions list starts with (prisma/migrations/…_movement_rollups)
const US_REGIONS =
  "CT ME MA NH RI VT NJ NY PA DE MD DC VA WV NC SC GA FL KY TN AL MS AR LA OH IN IL MI WI MN IA MO ND SD NE KS AZ NM TX OK CO WY MT ID UT NV CA OR WA AK HI PR GU VI AS MP".split(
    " ",
  );

describe("the zone a region implies", () => {
  test("every US state and territory has one, a zone the runtime knows by that very name", () => {
    const known = new Set(knownTimeZones());
    for (const code of US_REGIONS) {
      const zone = regionTimeZone(code);
      expect(zone, code).not.toBeNull();
      expect(known.has(zone!), `${code}: ${zone}`).toBe(true);
      expect(US_TIME_ZONES as readonly string[], code).toContain(zone);
    }
    for (const zone of Object.values(REGION_TIME_ZONES)) expect(canonicalTimeZone(zone)).toBe(zone);
  });

  test.each([
    ["NY", "America/New_York"],
    ["PR", "America/Puerto_Rico"],
    ["VI", "America/Puerto_Rico"],
    ["TX", "America/Chicago"],
    ["AZ", "America/Phoenix"],
    ["CA", "America/Los_Angeles"],
    ["AS", "Pacific/Pago_Pago"],
    ["X-GT", "America/Guatemala"],
  ])("%s → %s", (code, zone) => {
    expect(regionTimeZone(code)).toBe(zone);
  });

  test("a region the table does not know, none, or an inherited name implies no zone", () => {
    for (const code of ["X-OTHER", "X-CA", "", null, undefined, "constructor", "toString"])
      expect(regionTimeZone(code)).toBeNull();
  });
});
