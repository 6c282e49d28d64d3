// The annual reflection cycle, run by coalition admins: DRAFT → OPEN → CLOSED, and CLOSED → OPEN again with a
// reason. At most one cycle is open (a partial unique index backs the check below). Opening announces the
// cycle to every lead through the outbox, in the same transaction; closing locks the year's reflections
// (reflection.server.ts refuses writes into a cycle that is not open), and drafts stay drafts.
import { Prisma as Sql, type CycleStatus, type Prisma as PrismaNamespace } from "~/generated/prisma/client";
import { audit } from "~/models/audit.server";
import { getSubmissionTracker } from "~/models/cycle-tracker.server";
import { enqueueEmails } from "~/models/outbox.server";
import { recipientsOf } from "~/models/reminder-recipients.server";
import { runPrepared, type Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import * as z from "zod/mini";
import { cycleYear } from "~/models/cycle-schema";
import { localizedText, pick } from "~/utils/localized.server";
import { updateVersioned } from "~/models/versioned.server";
import { failure, fieldFailure, success, type Failure } from "~/utils/result";

export type CycleInput = {
  opensOn: string;
  closesOn: string;
  reminderIntervalDays: number;
  prompts: { valueId: string; en: string; es: string }[];
};

const STALE = failure("stale", { message: "cycle:errors.stale" });
const NOT_DRAFT = failure("conflict", { message: "cycle:errors.notDraft" });
const ANOTHER_OPEN = failure("conflict", { message: "cycle:errors.anotherOpen" });

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Every cycle, newest first, with how many organizations have submitted. */
export async function listCycles({ prisma }: { prisma: Prisma }) {
  const [cycles, submitted] = await Promise.all([
    prisma.cycle.findMany({
      orderBy: { year: "desc" },
      select: { id: true, year: true, status: true, opensOn: true, closesOn: true },
    }),
    prisma.reflection.groupBy({ by: ["cycleId", "organizationId"], where: { status: "SUBMITTED" } }),
  ]);
  const perCycle = new Map<string, number>();
  for (const row of submitted) perCycle.set(row.cycleId, (perCycle.get(row.cycleId) ?? 0) + 1);
  return cycles.map((c) => ({
    year: c.year,
    status: c.status,
    opensOn: iso(c.opensOn),
    closesOn: iso(c.closesOn),
    submitted: perCycle.get(c.id) ?? 0,
  }));
}

/** The active values with a cycle's prompts in both languages; for a new cycle, the latest earlier cycle's prompts. */
export async function getCyclePrompts({ prisma, year, locale }: { prisma: Prisma; year: number; locale: Locale }) {
  const [values, source] = await Promise.all([
    prisma.value.findMany({
      where: { archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, name: true },
    }),
    prisma.cycle.findFirst({
      where: { year: { lte: year } },
      orderBy: { year: "desc" },
      select: { prompts: { select: { valueId: true, prompt: true } } },
    }),
  ]);
  const prompts = new Map((source?.prompts ?? []).map((p) => [p.valueId, localizedText.parse(p.prompt)]));
  return values.map((v) => ({
    valueId: v.id,
    slug: v.slug,
    name: pick(v.name, locale),
    en: prompts.get(v.id)?.en ?? "",
    es: prompts.get(v.id)?.es ?? "",
  }));
}

/** One cycle for its page, or null. */
export async function getCycle({ prisma, year }: { prisma: Prisma; year: number }) {
  const c = await prisma.cycle.findUnique({
    where: { year },
    select: {
      id: true,
      year: true,
      status: true,
      opensOn: true,
      closesOn: true,
      reminderIntervalDays: true,
      version: true,
    },
  });
  return c ? { ...c, opensOn: iso(c.opensOn), closesOn: iso(c.closesOn) } : null;
}

/** The cycle a URL's year names; null for a malformed or unknown year. */
export async function getCycleByParam({ prisma, param }: { prisma: Prisma; param: string | undefined }) {
  const year = z.safeParse(cycleYear(), param);
  return year.success ? getCycle({ prisma, year: year.data }) : null;
}

/** The default dates of a new cycle: the same days as last year's, one year on. */
export async function suggestNextCycle({ prisma, now = new Date() }: { prisma: Prisma; now?: Date }) {
  const last = await prisma.cycle.findFirst({
    orderBy: { year: "desc" },
    select: { year: true, opensOn: true, closesOn: true, reminderIntervalDays: true },
  });
  const year = last ? Math.max(last.year + 1, now.getUTCFullYear()) : now.getUTCFullYear();
  const shift = (d: Date) => `${year + d.getUTCFullYear() - last!.year}${iso(d).slice(4)}`.replace("-02-29", "-02-28");
  return last
    ? {
        year,
        opensOn: shift(last.opensOn),
        closesOn: shift(last.closesOn),
        reminderIntervalDays: last.reminderIntervalDays,
      }
    : { year, opensOn: `${year}-01-15`, closesOn: `${year}-12-15`, reminderIntervalDays: 7 };
}

function checkInput(input: CycleInput, activeValueIds: string[]): Failure<"invalid"> | null {
  if (day(input.closesOn) <= day(input.opensOn)) return fieldFailure("closesOn", "cycle:errors.closeBeforeOpen");
  const given = new Set(input.prompts.map((p) => p.valueId));
  if (activeValueIds.some((id) => !given.has(id)) || input.prompts.some((p) => !activeValueIds.includes(p.valueId))) {
    return failure("invalid", { message: "cycle:errors.promptsChanged" });
  }
  return null;
}

const promptRows = (cycleId: string, input: CycleInput) =>
  input.prompts.map((p) => ({ cycleId, valueId: p.valueId, prompt: { en: p.en, es: p.es } }));

const activeValueIds = async (db: Prisma | PrismaNamespace.TransactionClient) =>
  (await db.value.findMany({ where: { archivedAt: null }, select: { id: true } })).map((v) => v.id);

/** A new DRAFT cycle for a year; a year has one cycle. */
export async function createCycle({
  prisma,
  actorId,
  year,
  input,
}: {
  prisma: Prisma;
  actorId: string;
  year: number;
  input: CycleInput;
}) {
  const refused = checkInput(input, await activeValueIds(prisma));
  if (refused) return refused;
  return prisma
    .$transaction(async (tx) => {
      const cycle = await tx.cycle.create({
        data: {
          year,
          opensOn: day(input.opensOn),
          closesOn: day(input.closesOn),
          reminderIntervalDays: input.reminderIntervalDays,
        },
        select: { id: true },
      });
      await tx.cyclePrompt.createMany({ data: promptRows(cycle.id, input) });
      await audit(tx, {
        action: "cycle.created",
        actorId,
        entityType: "Cycle",
        entityId: cycle.id,
        metadata: { year },
      });
      return success();
    })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === "P2002") return fieldFailure("year", "cycle:errors.yearTaken");
      throw e;
    });
}

/** Edits a cycle while it is a DRAFT; `version` is the one the admin saw. */
export async function updateCycle({
  prisma,
  actorId,
  year,
  version,
  input,
}: {
  prisma: Prisma;
  actorId: string;
  year: number;
  version: number;
  input: CycleInput;
}) {
  const refused = checkInput(input, await activeValueIds(prisma));
  if (refused) return refused;
  return prisma.$transaction(async (tx) => {
    const current = await tx.cycle.findUnique({ where: { year }, select: { id: true, status: true } });
    if (!current) return failure("not-found");
    if (current.status !== "DRAFT") return NOT_DRAFT;
    const saved = await updateVersioned(tx.cycle, {
      // the status in the WHERE: a cycle opened since the check above is not edited
      where: { id: current.id, status: "DRAFT" },
      version,
      data: {
        opensOn: day(input.opensOn),
        closesOn: day(input.closesOn),
        reminderIntervalDays: input.reminderIntervalDays,
      },
    });
    if (!saved.ok) return saved.error === "stale" ? STALE : NOT_DRAFT;
    await tx.cyclePrompt.deleteMany({ where: { cycleId: current.id } });
    await tx.cyclePrompt.createMany({ data: promptRows(current.id, input) });
    await audit(tx, {
      action: "cycle.updated",
      actorId,
      entityType: "Cycle",
      entityId: current.id,
      metadata: { year },
    });
    return success();
  });
}

export type Transition = "open" | "close" | "reopen";

/** The moves the state machine allows, from each state. */
export const TRANSITIONS: Record<CycleStatus, Transition[]> = { DRAFT: ["open"], OPEN: ["close"], CLOSED: ["reopen"] };
const TARGET: Record<Transition, CycleStatus> = { open: "OPEN", close: "CLOSED", reopen: "OPEN" };
const ACTION = { open: "cycle.opened", close: "cycle.closed", reopen: "cycle.reopened" } as const;

/**
 * Moves a cycle along the state machine. A move the current state does not allow, or a second open cycle,
 * is refused and changes nothing. Opening from DRAFT announces the cycle to every lead of an active
 * organization (once per lead and cycle, whatever happens later).
 */
export async function transitionCycle({
  prisma,
  actorId,
  year,
  transition,
  reason,
  appUrl,
  now = new Date(),
}: {
  prisma: Prisma;
  actorId: string;
  year: number;
  transition: Transition;
  reason?: string;
  appUrl: string;
  now?: Date;
}) {
  return prisma
    .$transaction(async (tx) => {
      const cycle = await tx.cycle.findUnique({ where: { year }, select: { id: true, status: true, closesOn: true } });
      if (!cycle) return failure("not-found");
      const refused = await moveRefused(tx, cycle.status, transition);
      if (refused) return refused;
      if (transition === "reopen" && !reason?.trim()) return fieldFailure("reason", "cycle:errors.reasonRequired");
      const to = TARGET[transition];
      // the status in the WHERE makes two admins' clicks at once move the cycle only once
      const { count } = await tx.cycle.updateMany({
        where: { id: cycle.id, status: cycle.status },
        data: { status: to, version: { increment: 1 } },
      });
      if (count === 0) return STALE;
      await audit(tx, {
        action: ACTION[transition],
        actorId,
        entityType: "Cycle",
        entityId: cycle.id,
        metadata: { year, from: cycle.status, to, ...(reason ? { reason: reason.trim() } : {}) },
      });
      if (transition === "open")
        await announceCycle(tx, { cycleId: cycle.id, year, closesOn: cycle.closesOn, appUrl, now });
      return success();
    })
    .catch((e: unknown) => {
      // the partial unique index: another admin opened a cycle at the same moment
      if ((e as { code?: string }).code === "P2002") return ANOTHER_OPEN;
      throw e;
    });
}

/** Why a cycle in `status` cannot make this move now (the state machine, one open cycle at a time), or null. */
async function moveRefused(
  db: Prisma | PrismaNamespace.TransactionClient,
  status: CycleStatus,
  transition: Transition,
): Promise<Failure | null> {
  if (!TRANSITIONS[status].includes(transition))
    return failure("conflict", { message: `cycle:errors.transition.${status}` });
  if (
    TARGET[transition] === "OPEN" &&
    (await db.cycle.findFirst({ where: { status: "OPEN" }, select: { year: true } }))
  )
    return ANOTHER_OPEN;
  return null;
}

/**
 * What opening or closing a cycle would do, for the admin to confirm first; it changes nothing. Opening emails
 * every lead of an active organization (the same people announceCycle writes to); closing freezes submitted
 * reflections, and drafts count as not submitted (the tracker's states). A move transitionCycle would refuse
 * is refused here the same way.
 */
export async function previewTransition({
  prisma,
  year,
  transition,
  locale,
  now = new Date(),
}: {
  prisma: Prisma;
  year: number;
  transition: "open" | "close";
  locale: Locale;
  now?: Date;
}) {
  const cycle = await prisma.cycle.findUnique({ where: { year }, select: { id: true, status: true } });
  if (!cycle) return failure("not-found");
  const refused = await moveRefused(prisma, cycle.status, transition);
  if (refused) return refused;
  if (transition === "open") {
    const leads = await recipientsOf(prisma, { roles: ["LEAD"], now });
    return success({ transition, leads: leads.length });
  }
  const { counts } = await getSubmissionTracker({ prisma, cycleId: cycle.id, locale, now });
  return success({ transition, submitted: counts.SUBMITTED, drafts: counts.DRAFT, notStarted: counts.NOT_STARTED });
}

async function announceCycle(
  tx: PrismaNamespace.TransactionClient,
  {
    cycleId,
    year,
    closesOn,
    appUrl,
    now,
  }: { cycleId: string; year: number; closesOn: Date; appUrl: string; now: Date },
) {
  const leads = await recipientsOf(tx, { roles: ["LEAD"], now });
  await enqueueEmails(
    tx,
    leads.map((r) => ({
      to: r.email,
      template: "cycle-opened",
      kind: "cycle-announcement",
      dedupeKey: `cycle-opened:${cycleId}:${r.userId}`,
      locale: r.locale,
      payload: {
        organization: r.organizationName,
        year,
        closesOn: iso(closesOn),
        url: `${appUrl}/o/${r.organizationSlug}/reflections/${year}`,
      },
    })),
  );
}

/** What the open cycle asks, for an organization's home: its dates and prompts in one language. */
const openCycleRows = z.array(z.object({ id: z.string(), year: z.number(), opensOn: z.date(), closesOn: z.date() }));

export async function getOpenCycleSummary({ prisma, locale }: { prisma: Prisma; locale: Locale }) {
  // the prompts are read only when a cycle is open: a nested select sends its relation queries even when
  // there is no cycle, and every organization's home asks this
  // prepared: planning the lookup cost PostgreSQL ten times what running it does
  const [cycle] = openCycleRows.parse(
    await runPrepared(
      prisma,
      Sql.sql` SELECT "id", "year", "opensOn", "closesOn" FROM "Cycle" WHERE "status" = 'OPEN' LIMIT 1`,
    ),
  );
  if (!cycle) return null;
  const prompts = await prisma.cyclePrompt.findMany({
    where: { cycleId: cycle.id },
    select: { prompt: true, value: { select: { name: true, position: true, archivedAt: true } } },
  });
  return {
    year: cycle.year,
    opensOn: iso(cycle.opensOn),
    closesOn: iso(cycle.closesOn),
    prompts: prompts
      .filter((p) => p.value.archivedAt === null)
      .sort((a, b) => a.value.position - b.value.position)
      .map((p) => ({ value: pick(p.value.name, locale), prompt: pick(p.prompt, locale) })),
  };
}
