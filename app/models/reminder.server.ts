// Cycle reminders. While a cycle is open, the people of organizations that have not submitted get a
// reminder every `reminderIntervalDays` (a "period" counted from the opening day), and one a week before the
// close date; none after submitting, after the close or while paused. Every reminder has a dedupe key
// (cycle, organization, person, kind and period) that the outbox holds unique, so the job can run on every
// instance every few minutes, twice or at once, and each reminder is still written once.
import { audit } from "~/models/audit.server";
import { enqueueEmails } from "~/models/outbox.server";
import { recipientsOf, type Recipient } from "~/models/reminder-recipients.server";
import { stopRemindersToken } from "~/models/reminder-token.server";
import type { Prisma } from "~/utils/db.server";
import { emailDelivery } from "~/utils/mailer.server";
import { failure, success, type Result } from "~/utils/result";

const DAY = 86_400_000;
/** The last reminder goes out this many days before the close date. */
export const CLOSING_REMINDER_DAYS = 7;

type Links = { appUrl: string; secret: string };
type Kind = "periodic" | "closing" | "manual";
type OpenCycle = { id: string; year: number; opensOn: Date; closesOn: Date; reminderIntervalDays: number };

const startOfDay = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/**
 * Which reminder is due on `now`'s day, if any: "closing" from a week before the close date; otherwise the
 * period's reminder, from the end of the first period, unless the closing one comes sooner than a period later.
 */
export function dueReminder(cycle: OpenCycle, now: Date): { kind: "periodic" | "closing"; period: number } | null {
  const today = startOfDay(now);
  const opens = cycle.opensOn.getTime();
  const closes = cycle.closesOn.getTime();
  if (today < opens || today >= closes) return null;
  const closing = closes - CLOSING_REMINDER_DAYS * DAY;
  if (today >= closing) return { kind: "closing", period: 0 };
  const interval = cycle.reminderIntervalDays * DAY;
  const period = Math.floor((today - opens) / interval);
  if (period < 1 || opens + (period + 1) * interval > closing) return null;
  return { kind: "periodic", period };
}

const keyPrefix = (cycleId: string, r: Pick<Recipient, "organizationId" | "userId">) =>
  `cycle-reminder:${cycleId}:${r.organizationId}:${r.userId}:`;

function reminderEmails(
  cycle: OpenCycle,
  recipients: Recipient[],
  kind: Kind,
  period: string,
  links: Links,
  now: Date,
) {
  return recipients.map((r) => ({
    createdAt: now,
    to: r.email,
    template: "cycle-reminder" as const,
    kind: "cycle-reminder" as const,
    dedupeKey: `${keyPrefix(cycle.id, r)}${kind}:${period}`,
    locale: r.locale,
    payload: {
      organization: r.organizationName,
      year: cycle.year,
      closesOn: cycle.closesOn.toISOString().slice(0, 10),
      reminder: kind,
      url: `${links.appUrl}/o/${r.organizationSlug}/reflections/${cycle.year}`,
      stopUrl: `${links.appUrl}/reminders/stop/${stopRemindersToken({ secret: links.secret, userId: r.userId })}`,
    },
  }));
}

const openCycle = (prisma: Prisma) =>
  prisma.cycle.findFirst({
    where: { status: "OPEN" },
    select: { id: true, year: true, opensOn: true, closesOn: true, reminderIntervalDays: true },
  });

/** The scheduled job: writes the reminders due on `now`'s day. Returns how many emails it wrote. */
export async function runReminders({ prisma, now = new Date(), ...links }: { prisma: Prisma; now?: Date } & Links) {
  const cycle = await openCycle(prisma);
  const due = cycle && dueReminder(cycle, now);
  if (!cycle || !due) return 0;
  let recipients = await recipientsOf(prisma, { roles: ["LEAD", "MEMBER"], now, reminders: { cycleId: cycle.id } });
  if (due.kind === "periodic") {
    // a period's reminder that comes late (after a pause, say) still leaves a full interval before the next
    const recent = await prisma.outboxEmail.findMany({
      where: {
        kind: "cycle-reminder",
        dedupeKey: { startsWith: `cycle-reminder:${cycle.id}:` },
        createdAt: { gt: new Date(now.getTime() - cycle.reminderIntervalDays * DAY) },
      },
      select: { dedupeKey: true },
    });
    const reminded = recent.map((e) => e.dedupeKey ?? "");
    recipients = recipients.filter((r) => !reminded.some((key) => key.startsWith(keyPrefix(cycle.id, r))));
  }
  return enqueueEmails(prisma, reminderEmails(cycle, recipients, due.kind, String(due.period), links, now));
}

/**
 * Staff remind one organization, or every one that has not submitted, now. At most one such reminder per
 * person and day: a repeated click writes nothing more. Paused organizations are left out.
 */
export async function sendRemindersNow({
  prisma,
  actorId,
  year,
  organizationId,
  now = new Date(),
  ...links
}: { prisma: Prisma; actorId: string; year: number; organizationId?: string; now?: Date } & Links) {
  const cycle = await openCycle(prisma);
  if (!cycle || cycle.year !== year) return failure("conflict", { message: "cycle:errors.remindClosed" });
  // an organization that does not exist is a 404 (the audit row would name it)
  if (
    organizationId &&
    !(await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))
  )
    return failure("not-found");
  const recipients = await recipientsOf(prisma, {
    roles: ["LEAD", "MEMBER"],
    now,
    reminders: { cycleId: cycle.id },
    ...(organizationId ? { organizationIds: [organizationId] } : {}),
  });
  const sent = await enqueueEmails(
    prisma,
    reminderEmails(cycle, recipients, "manual", new Date(startOfDay(now)).toISOString().slice(0, 10), links, now),
  );
  await audit(prisma, {
    action: "reminder.sent",
    actorId,
    organizationId: organizationId ?? null,
    entityType: "Cycle",
    entityId: cycle.id,
    // sent, or kept for want of a mail server: the audit log words the event by it
    metadata: { emails: sent, delivery: emailDelivery() },
  });
  return success({ sent });
}

/**
 * What "remind all" would send, before it does: the emails and the organizations they go to. The same
 * recipients as sendRemindersNow (leads and members who receive reminders, of organizations not paused and
 * not yet submitted).
 */
export async function previewReminders({
  prisma,
  year,
  now = new Date(),
}: {
  prisma: Prisma;
  year: number;
  now?: Date;
}) {
  const cycle = await openCycle(prisma);
  if (!cycle || cycle.year !== year) return failure("conflict", { message: "cycle:errors.remindClosed" });
  const everyone = await recipientsOf(prisma, { roles: ["LEAD", "MEMBER"], now, reminders: { cycleId: cycle.id } });
  // a person reminded by hand today is not reminded again today (the email's key says so)
  const period = new Date(startOfDay(now)).toISOString().slice(0, 10);
  const keys = everyone.map((r) => `${keyPrefix(cycle.id, r)}manual:${period}`);
  const sent = new Set(
    (await prisma.outboxEmail.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map(
      (e) => e.dedupeKey,
    ),
  );
  const recipients = everyone.filter((_, i) => !sent.has(keys[i]));
  return success({ emails: recipients.length, organizations: new Set(recipients.map((r) => r.organizationId)).size });
}

/** Staff pause an organization's reminders (an organization in crisis), until a day or until resumed. */
export async function pauseReminders({
  prisma,
  actorId,
  organizationId,
  until,
}: {
  prisma: Prisma;
  actorId: string;
  organizationId: string;
  until: string | null;
}) {
  const data = { until: until ? new Date(`${until}T00:00:00Z`) : null, pausedById: actorId };
  return prisma.$transaction(async (tx): Promise<Result<{ id: string; name: string }, "not-found">> => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
    if (!org) return failure("not-found");
    await tx.reminderPause.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data });
    await audit(tx, {
      action: "reminder.paused",
      actorId,
      organizationId,
      entityType: "Organization",
      entityId: organizationId,
      metadata: { until },
    });
    return success(org);
  });
}

export async function resumeReminders({
  prisma,
  actorId,
  organizationId,
}: {
  prisma: Prisma;
  actorId: string;
  organizationId: string;
}) {
  return prisma.$transaction(async (tx): Promise<Result<{ id: string; name: string }, "not-found">> => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
    if (!org) return failure("not-found");
    const { count } = await tx.reminderPause.deleteMany({ where: { organizationId } });
    if (count)
      await audit(tx, {
        action: "reminder.resumed",
        actorId,
        organizationId,
        entityType: "Organization",
        entityId: organizationId,
      });
    return success(org);
  });
}

/** Whether a person gets the cycle's reminders: their own choice, else their role's default (leads do). */
export async function getReminderPreference({ prisma, userId }: { prisma: Prisma; userId: string }) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { cycleReminders: true, memberships: { select: { role: true } } },
  });
  const isLead = user.memberships.some((m) => m.role === "LEAD");
  return {
    receives: user.cycleReminders ?? isLead,
    chosen: user.cycleReminders !== null,
    hasOrganization: user.memberships.length > 0,
  };
}

/** Sets a person's choice; false when there is no such person. */
export async function setReminderPreference({
  prisma,
  userId,
  receives,
}: {
  prisma: Prisma;
  userId: string;
  receives: boolean;
}) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { cycleReminders: receives } });
    if (count)
      await audit(tx, {
        action: "reminder.preference_changed",
        actorId: userId,
        entityType: "User",
        entityId: userId,
        metadata: { receives },
      });
    return count > 0;
  });
}
