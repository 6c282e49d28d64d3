// Invitations replace open sign-up: a link that works once, for INVITATION_DAYS, to join an organization
// (as MEMBER or LEAD) or the coalition team (STAFF or ADMIN). Only the token's hash is stored; the link itself
// exists only in the outbox email, or, where this server sends no email, in the answer to the inviter.
import type { CoalitionRole, MembershipRole } from "~/generated/prisma/client";
import { audit } from "~/models/audit.server";
import { enqueueEmail } from "~/models/outbox.server";
import { emailDelivery } from "~/utils/mailer.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { hashToken, newSessionToken } from "~/utils/session.server";
import { tokenParam } from "~/utils/form-fields";
import { failure, fieldFailure, type Result, success } from "~/utils/result";

import { INVITATION_DAYS } from "~/models/invitation-schema";
import { openWhere } from "~/models/pending-invitation.server";

// one module for the pages that invite (each server module a page imports costs its script a chunk)
export {
  listCoalitionInvitations,
  listOrganizationInvitations,
  revokeInvitation,
} from "~/models/pending-invitation.server";

export { INVITATION_DAYS };

export type InvitationTarget = { organizationId: string; role: MembershipRole } | { coalitionRole: "STAFF" | "ADMIN" };
export type InvitedRole = MembershipRole | "STAFF" | "ADMIN";

const COALITION_RANK: Record<CoalitionRole, number> = { NONE: 0, STAFF: 1, ADMIN: 2 };

/**
 * Sends an invitation: earlier open invitations of the same email to the same organization (or to the
 * coalition team) are revoked, and the invitation, its email and its audit event are written in one
 * transaction. Not found when the organization does not exist or is archived; invalid (on the email field)
 * when the person already belongs where the invitation leads. The link goes back to the inviter only where
 * this server delivers no email (replyInvitationSent). The email is written in the invitee's own language when
 * they already have an account (one they have signed in with), else in the language of the page the inviter
 * invites from (`locale`).
 */
export async function createInvitation({
  prisma,
  inviterId,
  email: rawEmail,
  target,
  appUrl,
  locale,
}: {
  prisma: Prisma;
  inviterId: string;
  email: string;
  target: InvitationTarget;
  appUrl: string;
  locale: Locale;
}): Promise<Result<{ invitationId: string; url: string; days: number }, "not-found" | "invalid">> {
  const email = rawEmail.trim().toLowerCase();
  const now = new Date();
  const role: InvitedRole = "organizationId" in target ? target.role : target.coalitionRole;
  return prisma.$transaction(async (tx) => {
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: inviterId }, select: { name: true } });
    const organization =
      "organizationId" in target
        ? await tx.organization.findFirst({
            where: { id: target.organizationId, archivedAt: null },
            select: { id: true, name: true },
          })
        : null;
    if ("organizationId" in target && !organization) return failure("not-found");
    const invitee = await tx.user.findUnique({
      where: { email },
      select: {
        id: true,
        locale: true,
        password: { select: { userId: true } },
        coalitionRole: true,
        _count: { select: { memberships: true } },
      },
    });
    // coalition staff and admins are not members of organizations (an organization's private entries are its
    // members' alone), so neither kind of account is invited to be the other
    const crossing = invitee && separationRefusal(invitee, organization !== null);
    if (crossing) return fieldFailure("email", crossing);
    if (invitee && organization) {
      const member = await tx.membership.count({ where: { userId: invitee.id, organizationId: organization.id } });
      if (member) return fieldFailure("email", "invite:errors.alreadyMember");
    }
    if (invitee && !organization && invitee.coalitionRole !== "NONE")
      return fieldFailure("email", "invite:errors.alreadyCoalition");

    const replaced = await tx.invitation.updateMany({
      where: {
        email,
        acceptedAt: null,
        revokedAt: null,
        ...(organization ? { organizationId: organization.id } : { organizationId: null }),
      },
      data: { revokedAt: now },
    });
    const token = newSessionToken();
    const url = `${appUrl.replace(/\/+$/, "")}/invite/${token}`;
    const invitation = await tx.invitation.create({
      data: {
        tokenHash: hashToken(token),
        email,
        organizationId: organization?.id ?? null,
        membershipRole: "organizationId" in target ? target.role : null,
        coalitionRole: "coalitionRole" in target ? target.coalitionRole : null,
        invitedById: inviterId,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
      select: { id: true },
    });
    await enqueueEmail(tx, {
      to: email,
      template: "invitation",
      // an account that signs in has chosen its language; anyone else reads the inviter's page's language
      locale: invitee?.password ? invitee.locale : locale,
      payload: {
        url,
        organization: organization?.name ?? null,
        role,
        inviter: inviter.name,
        days: INVITATION_DAYS,
      },
    });
    // the invitee's address stays out of the audit log: the invitation's id leads to it. What became of the
    // email (sent, or kept for want of a mail server) words the event
    await audit(tx, {
      action: "invitation.sent",
      actorId: inviterId,
      organizationId: organization?.id ?? null,
      entityType: "Invitation",
      entityId: invitation.id,
      metadata: { role, ...(replaced.count ? { replaced: replaced.count } : {}), delivery: emailDelivery() },
    });
    return success({ invitationId: invitation.id, url, days: INVITATION_DAYS });
  });
}

const invitationSelect = {
  id: true,
  email: true,
  organizationId: true,
  membershipRole: true,
  coalitionRole: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  invitedBy: { select: { name: true } },
  organization: { select: { name: true, archivedAt: true } },
} as const;

async function findByToken(prisma: Prisma, token: string) {
  if (!tokenParam().safeParse(token).success) return null;
  return prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
}

function isOpen(
  invitation: {
    acceptedAt: Date | null;
    revokedAt: Date | null;
    expiresAt: Date;
    organization: { archivedAt: Date | null } | null;
  },
  now: Date,
) {
  return (
    !invitation.acceptedAt &&
    !invitation.revokedAt &&
    invitation.expiresAt > now &&
    !invitation.organization?.archivedAt
  );
}

/**
 * What the invitation page shows. Not found for a malformed or unknown token; gone for one that was
 * accepted, revoked, has expired, or whose organization was archived.
 */
export async function findOpenInvitation({
  prisma,
  token,
  now = new Date(),
}: {
  prisma: Prisma;
  token: string;
  now?: Date;
}) {
  const found = await findByToken(prisma, token);
  if (!found) return failure("not-found");
  if (!isOpen(found, now)) return failure("gone");
  const account = await prisma.user.findUnique({
    where: { email: found.email },
    select: { id: true, name: true, password: { select: { userId: true } } },
  });
  return success({
    email: found.email,
    role: (found.membershipRole ?? found.coalitionRole) as InvitedRole,
    organization: found.organization ? found.organization.name : null,
    inviter: found.invitedBy?.name ?? null,
    expiresAt: found.expiresAt,
    // an account without a password (the first admin, made by `npm run create-admin`) is completed like a
    // new one: the person chooses their name and password here
    accountId: account?.password ? account.id : null,
    name: account && !account.password ? account.name : null,
  });
}

export type AcceptResult = Result<{ userId: string }, "not-found" | "gone" | "invalid">;

/**
 * Why this account may not take an invitation of this kind, if it may not: a coalition account does not join
 * an organization, and a member of an organization does not join the coalition team.
 */
function separationRefusal(
  account: { coalitionRole: CoalitionRole; _count: { memberships: number } },
  toOrganization: boolean,
) {
  if (toOrganization && account.coalitionRole !== "NONE") return "invite:errors.coalitionAccount";
  if (!toOrganization && account._count.memberships > 0) return "invite:errors.organizationAccount";
  return null;
}

/**
 * Accepts an invitation once. A new person becomes a user with the name and password given; an existing
 * account proves itself with its current password (unless `signedInUserId` is already that account) and
 * gains the membership or coalition role. An accepted LEAD invitation to an organization that has a lead
 * makes two leads; an invitation never lowers a role the person already has. A coalition account never joins an
 * organization, nor a member of one the coalition team.
 */
export async function acceptInvitation({
  prisma,
  token,
  name,
  password,
  locale = "en",
  signedInUserId,
  now = new Date(),
}: {
  prisma: Prisma;
  token: string;
  name?: string;
  password?: string;
  locale?: string;
  signedInUserId?: string | null;
  now?: Date;
}): Promise<AcceptResult> {
  const found = await findByToken(prisma, token);
  if (!found) return failure("not-found");
  if (!isOpen(found, now)) return failure("gone");
  const existing = await prisma.user.findUnique({
    where: { email: found.email },
    select: {
      id: true,
      coalitionRole: true,
      disabledAt: true,
      password: { select: { hash: true } },
      _count: { select: { memberships: true } },
    },
  });
  // the account may have changed since the invitation was sent
  const crossing = existing && separationRefusal(existing, found.organizationId !== null);
  if (crossing) return failure("invalid", { message: crossing });

  // who accepts: the existing account, proven, or a new one (or one without a password yet) with its password
  // hashed before the transaction
  let account:
    | { kind: "existing"; id: string; coalitionRole: CoalitionRole }
    | { kind: "new"; name: string; hash: string }
    | { kind: "unclaimed"; id: string; coalitionRole: CoalitionRole; name: string; hash: string };
  if (existing && !existing.password) {
    if (existing.disabledAt) return failure("invalid", { message: "invite:errors.accountDisabled" });
    if (!name || !password) return failure("invalid", { message: "invite:errors.accountMissing" });
    account = {
      kind: "unclaimed",
      id: existing.id,
      coalitionRole: existing.coalitionRole,
      name,
      hash: await hashPassword(password),
    };
  } else if (existing) {
    if (existing.disabledAt) return failure("invalid", { message: "invite:errors.accountDisabled" });
    if (signedInUserId !== existing.id) {
      const valid = Boolean(
        password && existing.password && (await verifyPassword(existing.password.hash, password).catch(() => false)),
      );
      // the caller counts this check against the sign-in limits before it happens
      if (!valid) return fieldFailure("password", "invite:errors.wrongPassword");
    }
    account = { kind: "existing", id: existing.id, coalitionRole: existing.coalitionRole };
  } else {
    if (!name || !password) return failure("invalid", { message: "invite:errors.accountMissing" });
    account = { kind: "new", name, hash: await hashPassword(password) };
  }

  const role = (found.membershipRole ?? found.coalitionRole) as InvitedRole;
  const coalitionRole = found.coalitionRole && found.coalitionRole !== "NONE" ? found.coalitionRole : null;
  try {
    return await prisma.$transaction(async (tx): Promise<AcceptResult> => {
      // the account's row is locked before it is checked again: two invitations accepted at once (one to the
      // coalition team, one to an organization), or a role change beside one, queue here and the second sees
      // what the first made of the account
      if (account.kind !== "new") {
        await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${account.id} FOR UPDATE`;
        const current = await tx.user.findUniqueOrThrow({
          where: { id: account.id },
          select: { coalitionRole: true, _count: { select: { memberships: true } } },
        });
        const refusal = separationRefusal(current, found.organizationId !== null);
        if (refusal) return failure("invalid", { message: refusal });
      }
      // single use: only one request can move acceptedAt from null
      const claimed = await tx.invitation.updateMany({
        where: {
          id: found.id,
          ...openWhere(now),
          OR: [{ organizationId: null }, { organization: { archivedAt: null } }],
        },
        data: { acceptedAt: now },
      });
      if (claimed.count === 0) return failure("gone");
      let userId: string;
      if (account.kind !== "new") {
        userId = account.id;
        const raise =
          coalitionRole && COALITION_RANK[coalitionRole] > COALITION_RANK[account.coalitionRole]
            ? { coalitionRole }
            : {};
        const claim =
          account.kind === "unclaimed"
            ? { name: account.name, locale, password: { create: { hash: account.hash } } }
            : {};
        if (Object.keys(raise).length || account.kind === "unclaimed") {
          await tx.user.update({ where: { id: userId }, data: { ...raise, ...claim }, select: { id: true } });
        }
      } else {
        const created = await tx.user.create({
          data: {
            email: found.email,
            name: account.name,
            locale,
            coalitionRole: coalitionRole ?? "NONE",
            password: { create: { hash: account.hash } },
          },
          select: { id: true },
        });
        userId = created.id;
      }
      if (found.organizationId && found.membershipRole) {
        await tx.membership.upsert({
          where: { userId_organizationId: { userId, organizationId: found.organizationId } },
          create: { userId, organizationId: found.organizationId, role: found.membershipRole },
          update: found.membershipRole === "LEAD" ? { role: "LEAD" } : {},
          select: { id: true },
        });
      }
      await audit(tx, {
        action: "invitation.accepted",
        actorId: userId,
        organizationId: found.organizationId,
        entityType: "Invitation",
        entityId: found.id,
        metadata: { role, newAccount: account.kind !== "existing" },
      });
      return success({ userId });
    });
  } catch (e) {
    // another request created an account with this email in the meantime
    if (isUniqueViolation(e)) return failure("invalid", { message: "invite:errors.accountExists" });
    throw e;
  }
}

function isUniqueViolation(e: unknown) {
  return typeof e === "object" && e !== null && "code" in e && e.code === "P2002";
}
