import { audit } from "~/models/audit.server";
import { addressKey, giveBack, secondsLeft, take } from "~/models/rate-limit.server";
import { deleteSession, deleteUserSessions } from "~/utils/session-store.server";
import type { Prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

/** Password checks (or reset requests) allowed per email and per client address in one minute. */
export const ATTEMPTS_PER_MINUTE = 10;

let dummyHash: Promise<string> | undefined;
// An unknown email is checked against this hash, so it takes as long as a known one.
const timingHash = () => (dummyHash ??= hashPassword(`timing-${Math.random()}`));

export type AttemptKind = "sign-in" | "reset";

/** An attempt that holds its places in the limits, to give back if it turns out to be a success. */
export type Attempt = { keys: string[]; at: Date };

export type Refusal = { status: "limited" | "busy"; retryAfter: number };

/**
 * Counts an attempt against its email, its client address and the whole site BEFORE anything is checked,
 * so that simultaneous attempts cannot all slip under a limit. Refused: "limited" when the email or the
 * address has used its ATTEMPTS_PER_MINUTE, "busy" when the site has seen `ceiling` of them this minute
 * (only a browser that signed in to this email before, `knownDevice`, still gets through then). A refused
 * attempt gives its places back, so the counts are of attempts that were really checked.
 */
export async function startAttempt({
  prisma,
  kind,
  email,
  address,
  ceiling,
  knownDevice = false,
  now = new Date(),
}: {
  prisma: Prisma;
  kind: AttemptKind;
  email: string;
  address: string | null;
  ceiling: number;
  knownDevice?: boolean;
  now?: Date;
}): Promise<{ status: "started"; attempt: Attempt } | Refusal> {
  const keys = [`${kind}:email:${email}`, ...(address ? [`${kind}:address:${addressKey(address)}`] : [])];
  const counts = await Promise.all(keys.map((key) => take({ prisma, key, now })));
  const refuse = async (status: Refusal["status"], taken: string[]) => {
    await giveBack({ prisma, keys: taken, now });
    return { status, retryAfter: secondsLeft(now) };
  };
  if (counts.some((count) => count > ATTEMPTS_PER_MINUTE)) return refuse("limited", keys);
  const site = `${kind}:site`;
  if ((await take({ prisma, key: site, now })) > ceiling && !knownDevice) return refuse("busy", [...keys, site]);
  return { status: "started", attempt: { keys: [...keys, site], at: now } };
}

/** A successful sign-in gives its places back: only failures use up the limits. */
export function succeeded({ prisma, attempt }: { prisma: Prisma; attempt: Attempt }) {
  return giveBack({ prisma, keys: attempt.keys, now: attempt.at });
}

/**
 * Checks an email and password once the attempt is counted (see startAttempt). On success the user's id, for
 * startSession (auth.server.ts); unknown, disabled and wrong all look the same.
 */
export async function signIn({
  prisma,
  email,
  password,
  address,
  ceiling,
  knownDevice,
}: {
  prisma: Prisma;
  email: string;
  password: string;
  address: string | null;
  ceiling: number;
  knownDevice: boolean;
}) {
  const started = await startAttempt({ prisma, kind: "sign-in", email, address, ceiling, knownDevice });
  if (started.status !== "started") return started;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, password: { select: { hash: true } } },
  });
  const valid = await verifyPassword(user?.password?.hash ?? (await timingHash()), password).catch(() => false);
  if (!user || !user.password || !valid || user.disabledAt) {
    await audit(prisma, {
      action: "auth.sign_in_failed",
      actorId: user?.id ?? null,
      metadata: user ? undefined : { unknownEmail: true },
    });
    return { status: "failed" as const };
  }
  await succeeded({ prisma, attempt: started.attempt });
  await audit(prisma, { action: "auth.sign_in", actorId: user.id, entityType: "Session" });
  return { status: "signedIn" as const, userId: user.id };
}

export async function signOut({
  prisma,
  userId,
  sessionId,
  everywhere,
}: {
  prisma: Prisma;
  userId: string;
  sessionId: string;
  everywhere: boolean;
}) {
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
