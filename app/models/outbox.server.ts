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

/**
 * Sends what is due, oldest first. Rows are claimed with FOR UPDATE SKIP LOCKED so several app instances
 * never send the same email twice.
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
    const done = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; to: string; template: string; locale: string; payload: unknown; attempts: number }[]>`
        SELECT "id", "to", "template", "locale", "payload", "attempts" FROM "OutboxEmail"
        WHERE "status" = 'PENDING' AND "sendAfter" <= now()
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      const email = rows[0];
      if (!email) return false;
      try {
        await send(email);
        await tx.outboxEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
        sent++;
      } catch (e) {
        const attempts = email.attempts + 1;
        await tx.outboxEmail.update({
          where: { id: email.id },
          data: {
            attempts,
            lastError: String((e as Error).message ?? e).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
            // back off: 1, 2, 4, 8 minutes
            sendAfter: new Date(Date.now() + 60_000 * 2 ** (attempts - 1)),
          },
        });
      }
      return true;
    });
    if (!done) break;
  }
  return sent;
}

/** The latest emails, for the development outbox page only. */
export function latestEmails({ prisma, take = 20 }: { prisma: Prisma; take?: number }) {
  return prisma.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, template: true, locale: true, payload: true, status: true, createdAt: true },
  });
}
