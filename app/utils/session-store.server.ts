// Session rows: created at sign-in, looked up on every request by the cookie's token, deleted at sign-out.
// Part of the session mechanism beside session.server.ts (the cookie), so auth.server.ts reads it without
// reaching up into models/.
import { Prisma as Sql, type CoalitionRole, type MembershipRole } from "~/generated/prisma/client";
import { runPrepared, type Prisma } from "~/utils/db.server";
import { hashToken, newSessionToken } from "~/utils/session.server";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  coalitionRole: CoalitionRole;
  sessionId: string;
  memberships: { role: MembershipRole; organization: { id: string; slug: string; name: string } }[];
};

type SessionRow = {
  expiresAt: Date;
  lastSeenAt: Date;
  user: Omit<SessionUser, "sessionId"> & { disabledAt: string | null };
};

const TOUCH_AFTER_MS = 60_000; // lastSeenAt is written at most once a minute per session

/**
 * A new session for the user. `replacing` is the token of the session the browser held until now, whoever's
 * it was: that session ends here, so a browser never keeps two, and a session id never survives a sign-in.
 */
export async function createSession({
  prisma,
  userId,
  maxDays,
  userAgent,
  replacing,
}: {
  prisma: Prisma;
  userId: string;
  maxDays: number;
  userAgent?: string | null;
  replacing?: string | null;
}) {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + maxDays * 86_400_000);
  const data = { id: hashToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null };
  const [, session] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { id: replacing ? hashToken(replacing) : { in: [] } } }),
    prisma.session.create({ data, select: { id: true } }),
  ]);
  return { token, expiresAt, sessionId: session.id };
}

/**
 * The signed-in user behind a session token, or null when the session is unknown, past its absolute
 * lifetime, idle for too long, or its user is disabled. Such a session is deleted.
 */
export async function findSessionUser({
  prisma,
  token,
  idleMinutes,
  now = new Date(),
}: {
  prisma: Prisma;
  token: string;
  idleMinutes: number;
  now?: Date;
}): Promise<SessionUser | null> {
  const id = hashToken(token);
  // one round trip (a nested select is four): every signed-in request starts here
  const [session] = await runPrepared<SessionRow>(
    prisma,
    Sql.sql`
    SELECT s."expiresAt", s."lastSeenAt", json_build_object(
      'id', u."id", 'email', u."email", 'name', u."name", 'locale', u."locale", 'coalitionRole', u."coalitionRole", 'disabledAt', u."disabledAt",
      'memberships', COALESCE((
        SELECT json_agg(json_build_object('role', m."role", 'organization', json_build_object('id', o."id", 'slug', o."slug", 'name', o."name")) ORDER BY o."name")
        FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId" AND o."archivedAt" IS NULL
        WHERE m."userId" = u."id"
      ), '[]'::json)
    ) AS "user"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${id}`,
  );
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > idleMinutes * 60_000 || session.user.disabledAt) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (idleSince > TOUCH_AFTER_MS) await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  const { disabledAt: _disabled, ...user } = session.user;
  return { ...user, sessionId: id };
}

export function deleteSession({ prisma, sessionId }: { prisma: Prisma; sessionId: string }) {
  return prisma.session.deleteMany({ where: { id: sessionId } });
}

export function deleteUserSessions({ prisma, userId, except }: { prisma: Prisma; userId: string; except?: string }) {
  return prisma.session.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
}
