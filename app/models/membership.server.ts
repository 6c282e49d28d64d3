// Who belongs to an organization, and in which role. Every query names the organization, so an id from
// another organization finds nothing. Access is read from the memberships on every request
// (findSessionUser), so a removed member loses access on their next request.
import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import { audit } from "~/models/audit.server";
import type { Prisma } from "~/utils/db.server";
import { failure, success, type Result } from "~/utils/result";

/** The organization's members, leads first, then by name. */
export function listMembers({ prisma, organizationId }: { prisma: Prisma; organizationId: string }) {
  return prisma.membership.findMany({
    where: { organizationId },
    orderBy: [{ role: "desc" }, { user: { name: "asc" } }, { id: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

// NOTE: locking the organization's lead rows serializes concurrent removals and hand-overs, so two leads
// removing each other at the same moment cannot leave the organization without one.
function lockLeads(tx: PrismaNamespace.TransactionClient, organizationId: string) {
  return tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Membership" WHERE "organizationId" = ${organizationId} AND "role" = 'LEAD' FOR UPDATE`;
}

/** Removes a membership of this organization; the last lead cannot be removed. */
export async function removeMember({
  prisma,
  organizationId,
  membershipId,
  actorId,
}: {
  prisma: Prisma;
  organizationId: string;
  membershipId: string;
  actorId: string;
}): Promise<Result<{ userId: string; name: string }, "not-found" | "conflict">> {
  return prisma.$transaction(async (tx) => {
    const leads = await lockLeads(tx, organizationId);
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organizationId },
      select: { id: true, role: true, userId: true, user: { select: { name: true } } },
    });
    if (!membership) return failure("not-found");
    if (membership.role === "LEAD" && leads.length <= 1)
      return failure("conflict", { message: "org:members.errors.lastLead" });
    await tx.membership.deleteMany({ where: { id: membership.id, organizationId } });
    await audit(tx, {
      action: "member.removed",
      actorId,
      organizationId,
      entityType: "Membership",
      entityId: membership.id,
      metadata: { role: membership.role, userId: membership.userId },
    });
    return success({ userId: membership.userId, name: membership.user.name });
  });
}

/** The chosen member becomes LEAD and the acting lead becomes MEMBER, together or not at all. */
export async function handOverLead({
  prisma,
  organizationId,
  toMembershipId,
  actorId,
}: {
  prisma: Prisma;
  organizationId: string;
  toMembershipId: string;
  actorId: string;
}): Promise<Result<{ name: string }, "not-found" | "invalid" | "conflict">> {
  return prisma.$transaction(async (tx) => {
    await lockLeads(tx, organizationId);
    const actor = await tx.membership.findFirst({
      where: { organizationId, userId: actorId, role: "LEAD" },
      select: { id: true },
    });
    const target = await tx.membership.findFirst({
      where: { id: toMembershipId, organizationId },
      select: { id: true, role: true, user: { select: { name: true } } },
    });
    if (!actor || !target) return failure("not-found");
    if (target.id === actor.id) return failure("invalid", { message: "org:members.errors.handOverSelf" });
    if (target.role === "LEAD") return failure("conflict", { message: "org:members.errors.alreadyLead" });
    await tx.membership.update({ where: { id: target.id }, data: { role: "LEAD" }, select: { id: true } });
    await tx.membership.update({ where: { id: actor.id }, data: { role: "MEMBER" }, select: { id: true } });
    for (const [entityId, from, to] of [
      [target.id, "MEMBER", "LEAD"],
      [actor.id, "LEAD", "MEMBER"],
    ] as const) {
      await audit(tx, {
        action: "member.role_changed",
        actorId,
        organizationId,
        entityType: "Membership",
        entityId,
        metadata: { from, to },
      });
    }
    return success({ name: target.user.name });
  });
}
