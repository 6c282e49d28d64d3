// Accounts as coalition admins manage them: coalition roles and disabling. Nobody changes their own role or
// disables themself, so the coalition always keeps the admin who is acting.
import { Prisma as Sql, type CoalitionRole } from "~/generated/prisma/client";
import { audit } from "~/models/audit.server";
import { inOrder, pageOfIds, textMatches } from "~/models/search.server";
import type { Prisma } from "~/utils/db.server";
import { failure, success, type Result } from "~/utils/result";

const PAGE_SIZE = 50;

/** People, coalition admins and staff first, then by name; `q` matches a name or an email. */
export async function listPeople({ prisma, page = 1, q }: { prisma: Prisma; page?: number; q?: string }) {
  const { total, ids } = await pageOfIds({
    prisma,
    from: Sql.sql`FROM "User" u ${q ? Sql.sql`WHERE ${textMatches(q, [Sql.sql`u."name"`, Sql.sql`u."email"`])}` : Sql.empty}`,
    id: Sql.sql`u."id"`,
    orderBy: Sql.sql`u."coalitionRole" DESC, u."name" ASC, u."id" ASC`,
    take: PAGE_SIZE,
    skip: (page - 1) * PAGE_SIZE,
  });
  const found = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      email: true,
      coalitionRole: true,
      disabledAt: true,
      _count: { select: { memberships: true } },
    },
  });
  const rows = inOrder(found, ids);
  return {
    people: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      coalitionRole: u.coalitionRole,
      disabled: u.disabledAt !== null,
      organizations: u._count.memberships,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** `changed: false` when the person was already so (a repeated click). */
export type PeopleChange = Result<{ name: string; changed: boolean }, "not-found" | "invalid">;
const SELF = failure("invalid", { message: "admin:people.errors.self" });

/** Sets a person's coalition role; an admin cannot change their own. */
export async function changeCoalitionRole({
  prisma,
  actorId,
  userId,
  role,
}: {
  prisma: Prisma;
  actorId: string;
  userId: string;
  role: CoalitionRole;
}): Promise<PeopleChange> {
  if (userId === actorId) return SELF;
  return prisma.$transaction(async (tx): Promise<PeopleChange> => {
    // locked first: an invitation accepted at the same time waits, and is checked against the new role
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, coalitionRole: true, _count: { select: { memberships: true } } },
    });
    if (!user) return failure("not-found");
    if (user.coalitionRole === role) return success({ name: user.name, changed: false });
    // coalition staff and admins are not members of organizations, whose private entries are their members' alone
    if (role !== "NONE" && user._count.memberships > 0)
      return failure("invalid", { message: "admin:people.errors.hasMemberships" });
    await tx.user.update({ where: { id: userId }, data: { coalitionRole: role }, select: { id: true } });
    await audit(tx, {
      action: "user.coalition_role_changed",
      actorId,
      entityType: "User",
      entityId: userId,
      metadata: { from: user.coalitionRole, to: role },
    });
    return success({ name: user.name, changed: true });
  });
}

/**
 * Disables (or enables) an account. Disabling deletes its sessions in the same transaction, so the person is
 * signed out everywhere at once; nobody can disable themself.
 */
export async function setDisabled({
  prisma,
  actorId,
  userId,
  disabled,
}: {
  prisma: Prisma;
  actorId: string;
  userId: string;
  disabled: boolean;
}): Promise<PeopleChange> {
  if (userId === actorId) return SELF;
  return prisma.$transaction(async (tx): Promise<PeopleChange> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, disabledAt: true } });
    if (!user) return failure("not-found");
    if ((user.disabledAt !== null) === disabled) return success({ name: user.name, changed: false });
    await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null },
      select: { id: true },
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      action: disabled ? "user.disabled" : "user.enabled",
      actorId,
      entityType: "User",
      entityId: userId,
    });
    return success({ name: user.name, changed: true });
  });
}

/** Who a coalition admin is about to act on, to name them in the question before the change. */
export function findPerson({ prisma, userId }: { prisma: Prisma; userId: string }) {
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, disabledAt: true },
  });
}
