import { audit } from "~/models/audit.server";
import { hit, isLimited } from "~/models/rate-limit.server";
import { createSession, deleteSession, deleteUserSessions } from "~/models/session.server";
import type { Prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

/** Failed sign-ins (or reset requests) allowed per email and per address in one minute. */
export const ATTEMPTS_PER_MINUTE = 10;

let dummyHash: Promise<string> | undefined;
// An unknown email is checked against this hash, so it takes as long as a known one.
const timingHash = () => (dummyHash ??= hashPassword(`timing-${Math.random()}`));

export function rateKeys(kind: "sign-in" | "reset", email: string, address: string | null) {
  return [`${kind}:email:${email}`, ...(address ? [`${kind}:address:${address}`] : [])];
}

export function tooManyAttempts({ prisma, kind, email, address }: { prisma: Prisma; kind: "sign-in" | "reset"; email: string; address: string | null }) {
  return isLimited({ prisma, keys: rateKeys(kind, email, address), limit: ATTEMPTS_PER_MINUTE });
}

/**
 * Checks an email and password. On success a new session (a new id at every sign-in); on failure the
 * attempt counts against the email and the address. Unknown, disabled and wrong all look the same.
 */
export async function signIn({
  prisma,
  email,
  password,
  address,
  userAgent,
  maxDays,
}: {
  prisma: Prisma;
  email: string;
  password: string;
  address: string | null;
  userAgent: string | null;
  maxDays: number;
}) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, password: { select: { hash: true } } },
  });
  const valid = await verifyPassword(user?.password?.hash ?? (await timingHash()), password).catch(() => false);
  if (!user || !user.password || !valid || user.disabledAt) {
    await hit({ prisma, keys: rateKeys("sign-in", email, address) });
    await audit(prisma, { action: "auth.sign_in_failed", actorId: user?.id ?? null, metadata: user ? undefined : { unknownEmail: true } });
    return null;
  }
  const session = await createSession({ prisma, userId: user.id, maxDays, userAgent });
  await audit(prisma, { action: "auth.sign_in", actorId: user.id, entityType: "Session" });
  return session;
}

export async function signOut({ prisma, userId, sessionId, everywhere }: { prisma: Prisma; userId: string; sessionId: string; everywhere: boolean }) {
  if (everywhere) await deleteUserSessions({ prisma, userId });
  else await deleteSession({ prisma, sessionId });
  await audit(prisma, { action: everywhere ? "auth.sign_out_everywhere" : "auth.sign_out", actorId: userId });
}

/** Sets a password for a user (reset or invitation) and returns nothing of the hash. */
export async function setPassword({ prisma, userId, password }: { prisma: Prisma; userId: string; password: string }) {
  const hash = await hashPassword(password);
  await prisma.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
}

export function updateLocale({ prisma, userId, locale }: { prisma: Prisma; userId: string; locale: string }) {
  return prisma.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}
