// An organization's time zone: the zone a new one starts in, and the choices the organization form offers.
import { DEFAULT_TIME_ZONE } from "~/models/organization-options";
import { US_TIME_ZONES, regionTimeZone } from "~/models/time-zone-options";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { isTimeZone, knownTimeZones, zoneName } from "~/utils/time-zone";

/** The zone most active organizations keep (ties: the first by name), or the default when there are none. */
export async function coalitionTimeZone(db: Pick<Prisma, "organization">) {
  const [top] = await db.organization.groupBy({
    by: ["timeZone"],
    where: { archivedAt: null },
    _count: { _all: true },
    orderBy: [{ _count: { timeZone: "desc" } }, { timeZone: "asc" }],
    take: 1,
  });
  return top && isTimeZone(top.timeZone) ? top.timeZone : DEFAULT_TIME_ZONE;
}

/** A new organization's zone when the admin leaves it to the region: the region's, else the coalition's usual one. */
export async function timeZoneForRegion(db: Pick<Prisma, "organization">, region: string) {
  return regionTimeZone(region) ?? (await coalitionTimeZone(db));
}

/** A zone the form names: its IANA name and what people call it in the reader's language ("Eastern Time"). */
export type TimeZoneChoice = { value: string; name: string };

/**
 * The organization form's zones: the United States and its territories by name in the reader's language, then
 * every other zone the server knows by its IANA name. Names are written here, on the server, so the browser
 * shows exactly what the server rendered whatever its own time zone data. `keep` (the organization's own zone)
 * stays offered even when this runtime no longer lists it.
 */
export function timeZoneChoices({ locale, keep }: { locale: Locale; keep?: string | null }) {
  const us: TimeZoneChoice[] = US_TIME_ZONES.map((zone) => ({ value: zone, name: zoneName(zone, locale) }));
  const first = new Set<string>(US_TIME_ZONES);
  const others = [...new Set([...knownTimeZones(), ...(keep ? [keep] : [])])].filter((zone) => !first.has(zone)).sort();
  return { us, others };
}
