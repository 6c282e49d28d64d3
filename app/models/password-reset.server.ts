// Password reset by email: a single-use link that works for 30 minutes. The PasswordReset row keeps only the
// token's sha256, so a copy of the table holds no usable link; the email goes through the outbox in the same
// transaction, so a rolled-back request never sends one.
import { audit } from "~/models/audit.server";
import { enqueueEmail } from "~/models/outbox.server";
import type { Prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken, newSessionToken } from "~/utils/session.server";
import { failure, success, type Result } from "~/utils/result";

export const RESET_MINUTES = 30;

/**
 * Starts a reset for an active account: a new link (older unused links stop working), the email in the
 * outbox, an audit event. An unknown or disabled email does nothing, and the function returns nothing, so
 * no caller can tell the two apart.
 */
export async function requestPasswordReset({
  prisma,
  email,
  appUrl,
  now = new Date(),
}: {
  prisma: Prisma;
  email: string;
  appUrl: string;
  now?: Date;
}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, locale: true, disabledAt: true },
    });
    if (!user || user.disabledAt) return;
    const token = newSessionToken();
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const reset = await tx.passwordReset.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
      },
      select: { id: true },
    });
    await enqueueEmail(tx, {
      to: user.email,
      template: "password-reset",
      locale: user.locale,
      payload: { url: `${appUrl.replace(/\/+$/, "")}/reset-password/${token}`, minutes: RESET_MINUTES },
    });
    await audit(tx, {
      action: "auth.password_reset_requested",
      actorId: user.id,
      entityType: "PasswordReset",
      entityId: reset.id,
    });
  });
}

// A link works while it is unused, unexpired and its account is not disabled.
const usable = (tokenHash: string, now: Date) => ({
  tokenHash,
  usedAt: null,
  expiresAt: { gt: now },
  user: { disabledAt: null },
});

/** The account a reset link is for, or null when the link is unknown, used or expired. */
export async function findUsableReset({
  prisma,
  token,
  now = new Date(),
}: {
  prisma: Prisma;
  token: string;
  now?: Date;
}) {
  const reset = await prisma.passwordReset.findFirst({
    where: usable(hashToken(token), now),
    select: { user: { select: { email: true } } },
  });
  return reset ? { email: reset.user.email } : null;
}

/**
 * Sets a new password through a reset link and signs the account out everywhere. Its value is the user's id;
 * gone when the link is not (or no longer) usable, and then nothing changes.
 */
export async function resetPassword({
  prisma,
  token,
  password,
  now = new Date(),
}: {
  prisma: Prisma;
  token: string;
  password: string;
  now?: Date;
}): Promise<Result<string, "gone">> {
  const tokenHash = hashToken(token);
  if (!(await prisma.passwordReset.count({ where: usable(tokenHash, now) }))) return failure("gone");
  // argon2 takes a while: hash before the transaction so it holds no locks meanwhile
  const hash = await hashPassword(password);
  return prisma.$transaction(async (tx): Promise<Result<string, "gone">> => {
    // NOTE: the conditional update is what makes the link single-use: of two concurrent resets, the second
    // waits for the first's row lock, re-reads usedAt and updates nothing.
    const claimed = await tx.passwordReset.updateMany({ where: usable(tokenHash, now), data: { usedAt: now } });
    if (claimed.count !== 1) return failure("gone");
    const { id, userId } = await tx.passwordReset.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, userId: true },
    });
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.passwordReset.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await audit(tx, { action: "auth.password_reset", actorId: userId, entityType: "PasswordReset", entityId: id });
    return success(userId);
  });
}
