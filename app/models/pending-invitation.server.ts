// Invitations still waiting for their person: listed on the three pages that invite, and withdrawn there.
import { audit } from "~/models/audit.server";
import type { Prisma } from "~/utils/db.server";
import { failure, type Result, success } from "~/utils/result";

/** An invitation that can still be accepted: not accepted, not withdrawn, not expired. */
export const openWhere = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/**
 * Withdraws an open invitation of the organization (or, with organizationId null, of the coalition team).
 * Not found when there is no such open invitation in that scope.
 */
export async function revokeInvitation({
  prisma,
  invitationId,
  organizationId,
  actorId,
}: {
  prisma: Prisma;
  invitationId: string;
  organizationId: string | null;
  actorId: string;
}) {
  return prisma.$transaction(async (tx): Promise<Result<null, "not-found">> => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, organizationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) return failure("not-found");
    await audit(tx, {
      action: "invitation.revoked",
      actorId,
      organizationId,
      entityType: "Invitation",
      entityId: invitationId,
    });
    return success();
  });
}

const pendingSelect = {
  id: true,
  email: true,
  membershipRole: true,
  coalitionRole: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

/** Open invitations of an organization, newest first. */
export function listOrganizationInvitations({
  prisma,
  organizationId,
  now = new Date(),
}: {
  prisma: Prisma;
  organizationId: string;
  now?: Date;
}) {
  return prisma.invitation.findMany({
    where: { organizationId, ...openWhere(now) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: pendingSelect,
  });
}

/** Open invitations to the coalition team, newest first. */
export function listCoalitionInvitations({ prisma, now = new Date() }: { prisma: Prisma; now?: Date }) {
  return prisma.invitation.findMany({
    where: { organizationId: null, ...openWhere(now) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: pendingSelect,
  });
}
