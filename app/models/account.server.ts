// A person's own account settings: name, language, password. Each change is audited (never the value of a
// password, and a name only as "changed").
import { audit } from "~/models/audit.server";
import { giveBack, take } from "~/models/rate-limit.server";
import { ATTEMPTS_PER_MINUTE } from "~/models/user.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export async function updateAccountName({ prisma, userId, name }: { prisma: Prisma; userId: string; name: string }) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name }, select: { id: true } });
    await audit(tx, { action: "account.name_changed", actorId: userId, entityType: "User", entityId: userId });
  });
}

/** The language of the person's emails, and of their pages where no language was chosen in the browser. */
export async function updateAccountLocale({
  prisma,
  userId,
  locale,
}: {
  prisma: Prisma;
  userId: string;
  locale: Locale;
}) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
    await audit(tx, {
      action: "account.locale_changed",
      actorId: userId,
      entityType: "User",
      entityId: userId,
      metadata: { locale },
    });
  });
}

/**
 * Changes the password when the current one is right, and ends every other session (a device someone
 * else holds stops working); the session making the change stays. Wrong current passwords count like failed
 * sign-ins, so a session left open cannot be used to guess the password.
 */
export async function changePassword({
  prisma,
  userId,
  sessionId,
  current,
  next,
}: {
  prisma: Prisma;
  userId: string;
  sessionId: string;
  current: string;
  next: string;
}): Promise<"ok" | "wrong" | "limited"> {
  // counted before the check, so simultaneous guesses cannot all reach it
  const key = `password-change:${userId}`;
  const now = new Date();
  if ((await take({ prisma, key, now })) > ATTEMPTS_PER_MINUTE) {
    await giveBack({ prisma, keys: [key], now });
    return "limited";
  }
  const stored = await prisma.password.findUnique({ where: { userId }, select: { hash: true } });
  if (!stored || !(await verifyPassword(stored.hash, current).catch(() => false))) return "wrong";
  await giveBack({ prisma, keys: [key], now });
  // argon2 takes a while: hash before the transaction so it holds no locks meanwhile
  const hash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash } });
    await tx.session.deleteMany({ where: { userId, id: { not: sessionId } } });
    await audit(tx, { action: "account.password_changed", actorId: userId, entityType: "User", entityId: userId });
  });
  return "ok";
}
