// Emails are written to the outbox in the same transaction as the change that causes them; a worker sends
// them (app/utils/mailer.server.ts). A rolled-back change therefore never sends an email.
import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

export type EmailTemplate = "invitation" | "password-reset";

export function enqueueEmail(
  tx: PrismaNamespace.TransactionClient,
  email: { to: string; template: EmailTemplate; locale: string; payload: PrismaNamespace.InputJsonValue },
) {
  return tx.outboxEmail.create({ data: email, select: { id: true } });
}

const MAX_ATTEMPTS = 5;
const LEASE_MINUTES = 5;

type DueEmail = { id: string; to: string; template: string; locale: string; payload: unknown; attempts: number };

/**
 * Sends what is due, oldest first. Each email is claimed with a short lease (FOR UPDATE SKIP LOCKED, then
 * sendAfter moved a few minutes ahead) and sent outside any transaction, so several app instances never
 * send the same email at once and a slow mail server holds no database lock.
 */
export async function sendDueEmails({
  prisma,
  send,
  limit = 20,
}: {
  prisma: Prisma;
  send: (email: { id: string; to: string; template: string; locale: string; payload: unknown }) => Promise<void>;
  limit?: number;
}) {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const claimed = await prisma.$queryRaw<DueEmail[]>`
      UPDATE "OutboxEmail" SET "sendAfter" = now() + make_interval(mins => ${LEASE_MINUTES}), "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "OutboxEmail" WHERE "status" = 'PENDING' AND "sendAfter" <= now()
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "to", "template", "locale", "payload", "attempts"`;
    const email = claimed[0];
    if (!email) break;
    try {
      await send(email);
      await prisma.outboxEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      sent++;
    } catch (e) {
      await prisma.outboxEmail.update({
        where: { id: email.id },
        data: {
          lastError: String((e as Error).message ?? e).slice(0, 500),
          status: email.attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
          // back off: 1, 2, 4, 8 minutes
          sendAfter: new Date(Date.now() + 60_000 * 2 ** (email.attempts - 1)),
        },
      });
    }
  }
  return sent;
}

/** Sent emails carry single-use links: they are deleted a day after sending. */
export function deleteOldSentEmails({ prisma, olderThanHours = 24 }: { prisma: Prisma; olderThanHours?: number }) {
  return prisma.outboxEmail.deleteMany({ where: { status: "SENT", sentAt: { lt: new Date(Date.now() - olderThanHours * 3_600_000) } } });
}

/** The latest emails, for the development outbox page only. */
export function latestEmails({ prisma, take = 20 }: { prisma: Prisma; take?: number }) {
  return prisma.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, template: true, locale: true, payload: true, status: true, createdAt: true },
  });
}
