// Emails are written to the outbox in the same transaction as the change that causes them; a worker sends
// them (app/utils/mailer.server.ts). A rolled-back change therefore never sends an email.
import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";
import type { Delivery, EmailTemplate } from "~/utils/mailer.server";

export type { EmailTemplate };
/** transactional: invitations and resets; the cycle's emails can be told apart, counted and stopped. */
export type EmailKind = "transactional" | "cycle-announcement" | "cycle-reminder";

type NewEmail = {
  to: string;
  template: EmailTemplate;
  locale: string;
  payload: PrismaNamespace.InputJsonValue;
  kind?: EmailKind;
  /** at most one email is ever written per key: a second write with the same key writes nothing */
  dedupeKey?: string;
};

export function enqueueEmail(tx: PrismaNamespace.TransactionClient, email: NewEmail) {
  return tx.outboxEmail.create({ data: email, select: { id: true } });
}

/**
 * Writes many emails at once; those whose dedupeKey is already taken are skipped (ON CONFLICT DO NOTHING, so
 * two writers at once cannot both write one). Returns how many were written.
 */
export async function enqueueEmails(db: Prisma | PrismaNamespace.TransactionClient, emails: NewEmail[]) {
  if (!emails.length) return 0;
  const { count } = await db.outboxEmail.createMany({ data: emails, skipDuplicates: true });
  return count;
}

const MAX_ATTEMPTS = 5;
const LEASE_MINUTES = 5;

type DueEmail = { id: string; to: string; template: string; locale: string; payload: unknown; attempts: number };

/**
 * Sends what is due, oldest first. Each email is claimed with a short lease (FOR UPDATE SKIP LOCKED, then
 * sendAfter moved a few minutes ahead) and sent outside any transaction, so several app instances never
 * send the same email at once and a slow mail server holds no database lock. Each handled email takes the
 * status `send` answers: SENT, or KEPT where no mail server is set. Returns how many were handled.
 */
export async function sendDueEmails({
  prisma,
  send,
  limit = 20,
  keepSent = false,
}: {
  prisma: Prisma;
  send: (email: { id: string; to: string; template: string; locale: string; payload: unknown }) => Promise<Delivery>;
  limit?: number;
  /** keep a handled email's payload (its links) for the try-out's outbox page; otherwise it is emptied at once */
  keepSent?: boolean;
}) {
  let handled = 0;
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
      const status = await send(email);
      // a handled email's links are live sign-in and reset links: once out, the database keeps none of them.
      // sentAt is when it was handled, sent or kept: deleteOldSentEmails counts a day from it
      await prisma.outboxEmail.update({
        where: { id: email.id },
        data: { status, sentAt: new Date(), lastError: null, ...(keepSent ? {} : { payload: {} }) },
      });
      handled++;
    } catch (e) {
      const error = String((e as Error).message ?? e).slice(0, 500);
      const givesUp = email.attempts >= MAX_ATTEMPTS;
      // the admin who sent an invitation sees it pending: the server's log says why, with the mail server's own
      // words and the email's id (the app adds neither its address nor its link)
      console.warn(
        `[outbox] could not send email ${email.id} (${email.template}), attempt ${email.attempts} of ${MAX_ATTEMPTS}: ${error}${givesUp ? "; giving up" : "; trying again later"}`,
      );
      await prisma.outboxEmail.update({
        where: { id: email.id },
        data: {
          lastError: error,
          status: givesUp ? "FAILED" : "PENDING",
          // back off: 1, 2, 4, 8 minutes
          sendAfter: new Date(Date.now() + 60_000 * 2 ** (email.attempts - 1)),
        },
      });
    }
  }
  return handled;
}

/**
 * Sent and kept emails carry single-use links: they are deleted a day after being handled. An email with a
 * dedupeKey stays, emptied of its payload, so its key keeps the same email from being written again.
 */
export async function deleteOldSentEmails({
  prisma,
  olderThanHours = 24,
}: {
  prisma: Prisma;
  olderThanHours?: number;
}) {
  const sentAt = { lt: new Date(Date.now() - olderThanHours * 3_600_000) };
  const status = { in: ["SENT", "KEPT"] satisfies Delivery[] };
  const [deleted] = await Promise.all([
    prisma.outboxEmail.deleteMany({ where: { status, sentAt, dedupeKey: null } }),
    prisma.outboxEmail.updateMany({
      where: { status, sentAt, dedupeKey: { not: null }, NOT: { payload: { equals: {} } } },
      data: { payload: {} },
    }),
  ]);
  return deleted;
}

/** The latest emails, for the development outbox page only; `to`: only one recipient's. */
export function latestEmails({ prisma, to, take = 20 }: { prisma: Prisma; to?: string; take?: number }) {
  return prisma.outboxEmail.findMany({
    where: to ? { to: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, template: true, locale: true, payload: true, status: true, createdAt: true },
  });
}
