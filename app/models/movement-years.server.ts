// The years the movement pages offer: from the first year an organization has a snapshot to the current one.
import type { Prisma } from "~/utils/db.server";

/** The years a staff member can choose: from the first year with a snapshot to the current one. */
export function movementYears(firstYear: number | null, currentYear: number) {
  const start = Math.min(firstYear ?? currentYear, currentYear);
  return Array.from({ length: currentYear - start + 1 }, (_, i) => currentYear - i);
}

/** The same years read on their own, for pages without the dashboard's snapshot. */
export async function listMovementYears({ prisma, currentYear }: { prisma: Prisma; currentYear: number }) {
  const first = await prisma.organizationYear.findFirst({ orderBy: { year: "asc" }, select: { year: true } });
  return movementYears(first?.year ?? null, currentYear);
}
