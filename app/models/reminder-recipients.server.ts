// Who receives the cycle's emails: people of active organizations, enabled accounts. Reminders go to leads
// unless they said no and to members who said yes, of organizations that have not submitted the cycle's
// reflection and whose reminders are not paused.
import type { MembershipRole, Prisma as PrismaNamespace } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

export type Recipient = {
  userId: string;
  email: string;
  locale: string;
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
};

/** A date column holds a day: the pause is over once its last day has passed. */
const today = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Organizations whose reminders are not paused on `now`'s day. */
export const notPaused = (now: Date): PrismaNamespace.OrganizationWhereInput => ({
  OR: [{ reminderPause: { is: null } }, { reminderPause: { until: { lt: today(now) } } }],
});

export async function recipientsOf(
  db: Prisma | PrismaNamespace.TransactionClient,
  {
    roles,
    now,
    reminders,
    organizationIds,
  }: {
    roles: MembershipRole[];
    now: Date;
    /** the cycle whose reminders these are: applies the person's choice, the pause and "not submitted yet" */
    reminders?: { cycleId: string };
    organizationIds?: string[];
  },
): Promise<Recipient[]> {
  const rows = await db.membership.findMany({
    where: {
      role: { in: roles },
      user: { disabledAt: null },
      organization: {
        archivedAt: null,
        ...(organizationIds ? { id: { in: organizationIds } } : {}),
        ...(reminders
          ? { reflections: { none: { cycleId: reminders.cycleId, status: "SUBMITTED" } }, ...notPaused(now) }
          : {}),
      },
      // NOTE: `not: false` would leave out NULL (SQL's three-valued logic): the role's default is spelled out
      ...(reminders
        ? {
            OR: [
              { role: "LEAD", user: { OR: [{ cycleReminders: null }, { cycleReminders: true }] } },
              { role: "MEMBER", user: { cycleReminders: true } },
            ],
          }
        : {}),
    },
    orderBy: [{ organizationId: "asc" }, { userId: "asc" }],
    select: {
      user: { select: { id: true, email: true, locale: true } },
      organization: { select: { id: true, slug: true, name: true } },
    },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    email: r.user.email,
    locale: r.user.locale,
    organizationId: r.organization.id,
    organizationSlug: r.organization.slug,
    organizationName: r.organization.name,
  }));
}
