// The annual reflection: one row per organization × value × cycle. Members draft each step; the lead
// submits the whole year, after which it is read-only until the lead reopens it while the cycle is open.
import { withCycleRollups } from "~/models/movement-rollup.server";
import { audit } from "~/models/audit.server";
import type { ReflectionStepInput } from "~/models/reflection-schema";
import { createVersioned, updateVersioned } from "~/models/versioned.server";
import type { Prisma } from "~/utils/db.server";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";
import { valueColor } from "~/utils/palette";
import { failure, success, type Result } from "~/utils/result";
import { loadFrameworkWording } from "~/models/framework-wording.server";

// a submitted year, or a cycle that is not open, refuses changes
const SUBMITTED = failure("conflict", { message: "reflection:errors.submitted" });
const CYCLE_NOT_OPEN = failure("conflict", { message: "reflection:errors.cycleClosed" });

/** Everything the reflection page shows for a year: the cycle, each value's step, last year's next steps. */
export async function getReflectionYear({
  prisma,
  organizationId,
  year,
  locale,
}: {
  prisma: Prisma;
  organizationId: string;
  year: number;
  locale: Locale;
}) {
  const cycle = await prisma.cycle.findUnique({
    where: { year },
    select: {
      id: true,
      year: true,
      status: true,
      opensOn: true,
      closesOn: true,
      prompts: { select: { valueId: true, prompt: true } },
    },
  });
  if (!cycle) return null;
  const [values, levels, reflections, previous, wording] = await Promise.all([
    prisma.value.findMany({
      // an archived value stays in the years that have an answer for it
      where: { OR: [{ archivedAt: null }, { reflections: { some: { organizationId, cycleId: cycle.id } } }] },
      orderBy: { position: "asc" },
      select: {
        id: true,
        slug: true,
        position: true,
        archivedAt: true,
        name: true,
        description: true,
        descriptors: { select: { level: true, descriptor: true } },
      },
    }),
    prisma.rubricLevel.findMany({ orderBy: { level: "asc" }, select: { level: true, name: true, description: true } }),
    prisma.reflection.findMany({
      where: { organizationId, cycleId: cycle.id },
      select: {
        id: true,
        valueId: true,
        rubricLevel: true,
        wentWell: true,
        challenges: true,
        nextSteps: true,
        visibility: true,
        consentToQuote: true,
        status: true,
        submittedAt: true,
        version: true,
        updatedAt: true,
      },
    }),
    prisma.reflection.findMany({
      where: { organizationId, cycle: { year: year - 1 } },
      select: { valueId: true, nextSteps: true },
    }),
    loadFrameworkWording({ prisma }),
  ]);
  const practices = await practicesByValue({ prisma, organizationId, year, valueIds: values.map((v) => v.id) });
  const byValue = new Map(reflections.map((r) => [r.valueId, r]));
  const lastYear = new Map(previous.map((r) => [r.valueId, r.nextSteps]));
  const prompts = new Map(cycle.prompts.map((p) => [p.valueId, pick(p.prompt, locale)]));
  const submitted = isYearSubmitted(reflections, values.filter((v) => !v.archivedAt).length);
  // the words this year's cycle was answered against
  const levelText = levels.map((l) => ({ level: l.level, ...wording.level(l, year) }));
  return {
    cycle: {
      year: cycle.year,
      status: cycle.status,
      opensOn: cycle.opensOn.toISOString().slice(0, 10),
      closesOn: cycle.closesOn.toISOString().slice(0, 10),
    },
    submitted,
    submittedAt: submitted
      ? (reflections
          .map((r) => r.submittedAt?.toISOString() ?? "")
          .sort()
          .pop() ?? null)
      : null,
    steps: values.map((v) => {
      const r = byValue.get(v.id);
      const text = wording.value(v, year);
      return {
        valueId: v.id,
        slug: v.slug,
        position: v.position,
        /** the value's colour, as on its other pages */
        color: valueColor(v.slug, v.position),
        archived: v.archivedAt !== null,
        name: text.name[locale],
        description: text.description[locale],
        prompt: prompts.get(v.id) ?? null,
        levels: levelText.map((l) => ({
          level: l.level,
          name: l.name[locale],
          descriptor: (text.descriptors[String(l.level)] ?? l.description)[locale],
        })),
        lastYearNextSteps: lastYear.get(v.id) || null,
        practices: practices.get(v.id) ?? { count: 0, recent: [] },
        reflection: r
          ? { ...r, submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString() }
          : null,
      };
    }),
  };
}

/**
 * The lead submits the whole year at once, so the year (not one step) is submitted: every value has a step and
 * every step is marked submitted. A step marked submitted in a year that is not is a draft like any other.
 */
export function isYearSubmitted(rows: { status: "DRAFT" | "SUBMITTED" }[], valueCount: number) {
  return rows.length > 0 && rows.length >= valueCount && rows.every((r) => r.status === "SUBMITTED");
}

const RECENT_PRACTICES = 3;

/** This calendar year's practices per value: how many, and the latest few titles, to reflect with them in view. */
async function practicesByValue({
  prisma,
  organizationId,
  year,
  valueIds,
}: {
  prisma: Prisma;
  organizationId: string;
  year: number;
  valueIds: string[];
}) {
  const occurredOn = { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
  const [counts, ...recent] = await Promise.all([
    prisma.practice.groupBy({
      by: ["valueId"],
      where: { organizationId, deletedAt: null, occurredOn },
      _count: { _all: true },
    }),
    ...valueIds.map((valueId) =>
      prisma.practice.findMany({
        where: { organizationId, valueId, deletedAt: null, occurredOn },
        orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
        take: RECENT_PRACTICES,
        select: { id: true, title: true, occurredOn: true },
      }),
    ),
  ]);
  const count = new Map(counts.map((c) => [c.valueId, c._count._all]));
  return new Map(
    valueIds.map((valueId, i) => [
      valueId,
      {
        count: count.get(valueId) ?? 0,
        recent: recent[i].map((p) => ({
          id: p.id,
          title: p.title,
          occurredOn: p.occurredOn.toISOString().slice(0, 10),
        })),
      },
    ]),
  );
}

/**
 * Saves one value's step as a draft. `version` 0 means "not written yet"; a version someone else moved on (a
 * first save included) is stale. A submitted year, or a cycle that is not open, is a conflict.
 */
export async function saveReflectionStep({
  prisma,
  organizationId,
  actorId,
  year,
  version,
  input,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  year: number;
  version: number;
  input: ReflectionStepInput;
}) {
  const fields = {
    rubricLevel: input.rubricLevel ?? null,
    wentWell: input.wentWell ?? "",
    challenges: input.challenges ?? "",
    nextSteps: input.nextSteps ?? "",
    visibility: input.visibility,
    // consent to be named only means something for what may be published
    consentToQuote: input.visibility === "PUBLIC" && input.consentToQuote,
  };
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async (): Promise<Result<null, "not-found" | "stale" | "conflict">> => {
      const [cycle, value] = await Promise.all([
        tx.cycle.findUnique({ where: { year }, select: { id: true, status: true } }),
        tx.value.findFirst({ where: { id: input.valueId, archivedAt: null }, select: { id: true } }),
      ]);
      if (!cycle || !value) return failure("not-found");
      if (cycle.status !== "OPEN") return CYCLE_NOT_OPEN;
      // a save waits for the lead's submit (and the other way round), so no step changes in a year being submitted
      await tx.$queryRaw`SELECT 1 FROM "Reflection" WHERE "organizationId" = ${organizationId} AND "cycleId" = ${cycle.id} FOR UPDATE`;
      const [rows, valueCount] = await Promise.all([
        tx.reflection.findMany({ where: { organizationId, cycleId: cycle.id }, select: { status: true } }),
        tx.value.count({ where: { archivedAt: null } }),
      ]);
      if (isYearSubmitted(rows, valueCount)) return SUBMITTED;
      const key = { organizationId, valueId: value.id, cycleId: cycle.id };
      const saved =
        version === 0
          ? await createVersioned(tx.reflection, { ...fields, ...key, updatedById: actorId })
          : await updateVersioned(tx.reflection, {
              where: key,
              version,
              data: { ...fields, status: "DRAFT" as const, submittedAt: null, updatedById: actorId },
            });
      if (!saved.ok) return saved;
      const { id } = await tx.reflection.findUniqueOrThrow({
        where: { organizationId_valueId_cycleId: key },
        select: { id: true },
      });
      await audit(tx, { action: "reflection.saved", actorId, organizationId, entityType: "Reflection", entityId: id });
      return success();
    }),
  );
}

/** The lead submits the year: every active value needs a step with a rubric level. */
export async function submitReflection({
  prisma,
  organizationId,
  actorId,
  year,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  year: number;
}) {
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async (): Promise<Result<null, "not-found" | "conflict" | "invalid">> => {
      const cycle = await tx.cycle.findUnique({ where: { year }, select: { id: true, status: true } });
      if (!cycle) return failure("not-found");
      if (cycle.status !== "OPEN") return CYCLE_NOT_OPEN;
      // a step saved while the lead submits waits, so a level cannot disappear between the check and the submit
      await tx.$queryRaw`SELECT 1 FROM "Reflection" WHERE "organizationId" = ${organizationId} AND "cycleId" = ${cycle.id} FOR UPDATE`;
      const [values, reflections] = await Promise.all([
        tx.value.findMany({ where: { archivedAt: null }, select: { id: true } }),
        tx.reflection.findMany({
          where: { organizationId, cycleId: cycle.id },
          select: { valueId: true, rubricLevel: true, status: true },
        }),
      ]);
      const ready = new Set(reflections.filter((r) => r.rubricLevel !== null).map((r) => r.valueId));
      const missing = values.filter((v) => !ready.has(v.id)).map((v) => v.id);
      if (missing.length) return failure("invalid", { message: "reflection:errors.incomplete", items: missing });
      if (reflections.every((r) => r.status === "SUBMITTED")) return success(); // a repeated click
      await tx.reflection.updateMany({
        where: { organizationId, cycleId: cycle.id, status: "DRAFT" },
        data: { status: "SUBMITTED", submittedAt: new Date(), version: { increment: 1 }, updatedById: actorId },
      });
      await audit(tx, {
        action: "reflection.submitted",
        actorId,
        organizationId,
        entityType: "Cycle",
        entityId: cycle.id,
      });
      return success();
    }),
  );
}

/** The lead reopens a submitted year while its cycle is open. */
export async function reopenReflection({
  prisma,
  organizationId,
  actorId,
  year,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  year: number;
}) {
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async (): Promise<Result<null, "not-found" | "conflict">> => {
      const cycle = await tx.cycle.findUnique({ where: { year }, select: { id: true, status: true } });
      if (!cycle) return failure("not-found");
      if (cycle.status !== "OPEN") return CYCLE_NOT_OPEN;
      const { count } = await tx.reflection.updateMany({
        where: { organizationId, cycleId: cycle.id, status: "SUBMITTED" },
        data: { status: "DRAFT", submittedAt: null, version: { increment: 1 }, updatedById: actorId },
      });
      if (count === 0) return success(); // a repeated click, or nothing was submitted
      await audit(tx, {
        action: "reflection.reopened",
        actorId,
        organizationId,
        entityType: "Cycle",
        entityId: cycle.id,
      });
      return success();
    }),
  );
}
