import type { Prisma } from "~/utils/db.server";

/** The organization's public-to-its-members summary for the workspace header. */
export function getOrganizationSummary({ prisma, organizationId }: { prisma: Prisma; organizationId: string }) {
  return prisma.organization.findFirstOrThrow({
    where: { id: organizationId, archivedAt: null },
    select: { id: true, slug: true, name: true, region: true, _count: { select: { memberships: true } } },
  });
}
