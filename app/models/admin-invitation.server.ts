// The first coalition admin of a new installation, made by `npm run create-admin` on the server itself:
// nobody can sign in yet to invite anyone. The person gets the admin role at once and a one-time invitation
// link with which they choose their password in the browser; no password ever passes the command line.
import { audit } from "~/models/audit.server";
import { INVITATION_DAYS } from "~/models/invitation.server";
import type { Prisma } from "~/utils/db.server";
import { hashToken, newSessionToken } from "~/utils/session.server";

export type AdminGrant =
  /** a link to follow: the account has no password yet */
  | {
      status: "invited";
      userId: string;
      created: boolean;
      wasAdmin: boolean;
      link: string;
      expiresAt: Date;
      revoked: number;
    }
  /** the account already has a password: it signs in as usual, now as an admin */
  | { status: "signs-in"; userId: string; created: false; wasAdmin: boolean; from: string | null }
  /** the account belongs to an organization: coalition admins are not members of organizations */
  | { status: "member"; organizations: number };

/**
 * Makes `email` a coalition admin, creating the account (without a password) when there is none and
 * re-enabling a disabled one. Idempotent: the same email never makes a second account, and each run
 * withdraws the unused links of earlier runs before it writes a new one.
 */
export async function grantAdminByCommand({
  prisma,
  email: rawEmail,
  name,
  appUrl,
  now = new Date(),
}: {
  prisma: Prisma;
  email: string;
  name?: string;
  appUrl: string;
  now?: Date;
}): Promise<AdminGrant> {
  const email = rawEmail.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: {
        id: true,
        coalitionRole: true,
        disabledAt: true,
        password: { select: { userId: true } },
        _count: { select: { memberships: true } },
      },
    });
    if (existing?._count.memberships) return { status: "member" as const, organizations: existing._count.memberships };
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { coalitionRole: "ADMIN", disabledAt: null, ...(name ? { name } : {}) },
          select: { id: true },
        })
      : await tx.user.create({
          data: { email, name: name ?? email.split("@")[0], coalitionRole: "ADMIN" },
          select: { id: true },
        });
    if (existing?.coalitionRole !== "ADMIN") {
      await audit(tx, {
        action: "user.coalition_role_changed",
        entityType: "User",
        entityId: user.id,
        metadata: { from: existing?.coalitionRole ?? null, to: "ADMIN", by: "create-admin" },
      });
    }
    if (existing?.disabledAt)
      await audit(tx, {
        action: "user.enabled",
        entityType: "User",
        entityId: user.id,
        metadata: { by: "create-admin" },
      });

    // earlier links to the coalition team for this email stop working, used or not needed any more
    const revoked = await tx.invitation.updateMany({
      where: { email, organizationId: null, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (existing?.password)
      return {
        status: "signs-in" as const,
        userId: user.id,
        created: false as const,
        wasAdmin: existing.coalitionRole === "ADMIN",
        from: existing.coalitionRole,
      };

    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const invitation = await tx.invitation.create({
      data: { tokenHash: hashToken(token), email, coalitionRole: "ADMIN", invitedById: null, expiresAt },
      select: { id: true },
    });
    await audit(tx, {
      action: "invitation.sent",
      organizationId: null,
      entityType: "Invitation",
      entityId: invitation.id,
      // no email: create-admin prints the link
      metadata: {
        role: "ADMIN",
        by: "create-admin",
        ...(revoked.count ? { replaced: revoked.count } : {}),
        delivery: "PRINTED",
      },
    });
    return {
      status: "invited" as const,
      userId: user.id,
      created: !existing,
      wasAdmin: existing?.coalitionRole === "ADMIN",
      link: `${appUrl.replace(/\/+$/, "")}/invite/${token}`,
      expiresAt,
      revoked: revoked.count,
    };
  });
}
