import type { Prisma } from "~/utils/db.server";

/** Movement-wide counts for coalition staff: organizations and people, never anyone's content. */
export async function getMovementOverview({ prisma }: { prisma: Prisma }) {
  const [organizations, archived, people, leads, openCycle] = await Promise.all([
    prisma.organization.count({ where: { archivedAt: null } }),
    prisma.organization.count({ where: { archivedAt: { not: null } } }),
    prisma.user.count({ where: { disabledAt: null, memberships: { some: {} } } }),
    prisma.membership.count({ where: { role: "LEAD", organization: { archivedAt: null } } }),
    prisma.cycle.findFirst({
      where: { status: "OPEN" },
      orderBy: { year: "desc" },
      select: { year: true, closesOn: true },
    }),
  ]);
  return {
    organizations,
    archived,
    people,
    leads,
    openCycle: openCycle ? { year: openCycle.year, closesOn: openCycle.closesOn.toISOString().slice(0, 10) } : null,
  };
}
