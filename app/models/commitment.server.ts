// Commitments: what an organization commits to for a value in a cycle, and their dated updates, which form
// a timeline (status, progress, note). Versioned like every record a person edits.
import type { CommitmentStatus } from "~/generated/prisma/client";
import { withCycleRollups } from "~/models/movement-rollup.server";
import { audit } from "~/models/audit.server";
import type { CommitmentInput, CommitmentUpdateInput } from "~/models/commitment-schema";
import { UNFINISHED_STATUSES } from "~/models/commitment-rules";
import { claimSubmissionKey, recordSubmissionEntity } from "~/models/submission-key.server";
import { updateVersioned } from "~/models/versioned.server";
import type { Prisma } from "~/utils/db.server";

import { failure, success, type Result } from "~/utils/result";

/** Field errors when the value is not active or the cycle is unknown or closed. */
export async function checkCommitmentReferences({ prisma, input }: { prisma: Prisma; input: CommitmentInput }) {
  const [value, cycle] = await Promise.all([
    prisma.value.findFirst({ where: { id: input.valueId, archivedAt: null }, select: { id: true } }),
    prisma.cycle.findUnique({ where: { year: input.year }, select: { id: true, status: true } }),
  ]);
  const errors: Record<string, string[]> = {};
  if (!value) errors.valueId = ["validation.invalidChoice"];
  if (!cycle || cycle.status === "CLOSED") errors.year = ["commitment:errors.cycleClosed"];
  return { errors: Object.keys(errors).length ? errors : null, cycleId: cycle?.id ?? null };
}

function fields(input: CommitmentInput) {
  return {
    title: input.title,
    description: input.description ?? "",
    indicator: input.indicator || null,
    target: input.target || null,
    valueId: input.valueId,
  };
}

export async function createCommitment({
  prisma,
  organizationId,
  actorId,
  cycleId,
  submissionKey,
  input,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  cycleId: string;
  submissionKey: string;
  input: CommitmentInput;
}) {
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async (): Promise<Result<{ id: string; created: boolean }, "conflict">> => {
      const earlier = await claimSubmissionKey(tx, { key: submissionKey, organizationId, entityType: "Commitment" });
      if (!earlier.ok) return earlier;
      if (earlier.value) return success({ id: earlier.value, created: false });
      const c = await tx.commitment.create({
        data: { ...fields(input), organizationId, cycleId },
        select: { id: true },
      });
      await recordSubmissionEntity(tx, submissionKey, c.id);
      await audit(tx, {
        action: "commitment.created",
        actorId,
        organizationId,
        entityType: "Commitment",
        entityId: c.id,
      });
      return success({ id: c.id, created: true });
    }),
  );
}

export async function updateCommitment({
  prisma,
  organizationId,
  actorId,
  id,
  version,
  input,
  cycleId,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  id: string;
  version: number;
  input: CommitmentInput;
  cycleId: string;
}): Promise<Result<null, "not-found" | "stale">> {
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async () => {
      const saved = await updateVersioned(tx.commitment, {
        where: { id, organizationId },
        version,
        data: { ...fields(input), cycleId },
      });
      if (!saved.ok) return saved;
      await audit(tx, {
        action: "commitment.updated",
        actorId,
        organizationId,
        entityType: "Commitment",
        entityId: id,
      });
      return success();
    }),
  );
}

/** A dated update on the timeline; the commitment takes its status and progress. */
export async function addCommitmentUpdate({
  prisma,
  organizationId,
  actorId,
  commitmentId,
  version,
  submissionKey,
  input,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  commitmentId: string;
  version: number;
  submissionKey: string;
  input: CommitmentUpdateInput;
}): Promise<Result<null, "not-found" | "stale" | "conflict">> {
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async () => {
      const earlier = await claimSubmissionKey(tx, {
        key: submissionKey,
        organizationId,
        entityType: "CommitmentUpdate",
      });
      if (!earlier.ok) return earlier;
      if (earlier.value) return success();
      const progress = input.status === "ACHIEVED" ? 100 : input.progress;
      const saved = await updateVersioned(tx.commitment, {
        where: { id: commitmentId, organizationId },
        version,
        data: { status: input.status as CommitmentStatus, progress },
      });
      if (!saved.ok) {
        // the submission key goes with the rolled-back transaction only on a thrown error: release it here
        await tx.submissionKey.delete({ where: { key: submissionKey } });
        return saved;
      }
      const update = await tx.commitmentUpdate.create({
        data: {
          organizationId,
          commitmentId,
          status: input.status as CommitmentStatus,
          progress,
          note: input.note ?? "",
          authorId: actorId,
        },
        select: { id: true },
      });
      await recordSubmissionEntity(tx, submissionKey, update.id);
      await audit(tx, {
        action: "commitment.updated",
        actorId,
        organizationId,
        entityType: "CommitmentUpdate",
        entityId: update.id,
      });
      return success();
    }),
  );
}

export async function listCommitments({
  prisma,
  organizationId,
  year,
  valueId,
}: {
  prisma: Prisma;
  organizationId: string;
  year?: number;
  valueId?: string;
}) {
  const rows = await prisma.commitment.findMany({
    where: { organizationId, ...(year ? { cycle: { year } } : {}), ...(valueId ? { valueId } : {}) },
    orderBy: [{ cycle: { year: "desc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      progress: true,
      valueId: true,
      indicator: true,
      target: true,
      updatedAt: true,
      cycle: { select: { year: true } },
      updates: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return rows.map(({ updates, cycle, updatedAt, ...c }) => ({
    ...c,
    year: cycle.year,
    lastUpdateAt: (updates[0]?.createdAt ?? updatedAt).toISOString(),
  }));
}

/** The cycle a commitment belongs to, to refuse writes into a closed one; null when it is not this organization's. */
export function findCommitmentCycle({
  prisma,
  organizationId,
  id,
}: {
  prisma: Prisma;
  organizationId: string;
  id: string;
}) {
  return prisma.commitment.findFirst({
    where: { id, organizationId },
    select: { id: true, cycle: { select: { year: true, status: true } } },
  });
}

/** One commitment with its timeline, newest first; null when it is not this organization's. */
export async function getCommitment({
  prisma,
  organizationId,
  id,
}: {
  prisma: Prisma;
  organizationId: string;
  id: string;
}) {
  const c = await prisma.commitment.findFirst({
    where: { id, organizationId },
    select: {
      id: true,
      title: true,
      description: true,
      indicator: true,
      target: true,
      status: true,
      progress: true,
      version: true,
      valueId: true,
      createdAt: true,
      cycle: { select: { year: true, status: true } },
      updates: {
        // ids break ties between updates written in the same millisecond
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          status: true,
          progress: true,
          note: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  if (!c) return null;
  return {
    ...c,
    createdAt: c.createdAt.toISOString(),
    updates: c.updates.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), author: u.author?.name ?? null })),
  };
}

/**
 * Copies last cycle's unfinished commitments into this one (status PLANNED, progress kept). Safe to repeat:
 * a commitment already copied into the target cycle is not copied again.
 */
export async function copyCommitmentsForward({
  prisma,
  organizationId,
  actorId,
  toYear,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  toYear: number;
}) {
  return prisma.$transaction(async (tx) =>
    withCycleRollups(tx, organizationId, async (): Promise<Result<{ copied: number }, "conflict">> => {
      const target = await tx.cycle.findUnique({ where: { year: toYear }, select: { id: true, status: true } });
      if (!target || target.status === "CLOSED")
        return failure("conflict", { message: "commitment:errors.cycleClosed" });
      // NOTE: two copies at once (a double click) would both see nothing copied yet: locking the sources makes
      // the second wait, and its query below then sees the first one's copies
      await tx.$queryRaw`
      SELECT c."id" FROM "Commitment" c JOIN "Cycle" y ON y."id" = c."cycleId"
      WHERE c."organizationId" = ${organizationId} AND y."year" = ${toYear - 1} FOR UPDATE OF c`;
      const sources = await tx.commitment.findMany({
        where: {
          organizationId,
          cycle: { year: toYear - 1 },
          status: { in: [...UNFINISHED_STATUSES] },
          copies: { none: { cycleId: target.id } },
        },
        select: {
          id: true,
          title: true,
          description: true,
          indicator: true,
          target: true,
          valueId: true,
          progress: true,
        },
      });
      if (sources.length) {
        await tx.commitment.createMany({
          data: sources.map(({ id, ...s }) => ({
            ...s,
            organizationId,
            cycleId: target.id,
            status: "PLANNED" as const,
            copiedFromId: id,
          })),
        });
        await audit(tx, {
          action: "commitment.copied_forward",
          actorId,
          organizationId,
          entityType: "Cycle",
          entityId: target.id,
          metadata: { count: sources.length },
        });
      }
      return success({ copied: sources.length });
    }),
  );
}

/** How many of last year's commitments are unfinished and not yet copied into this year. */
export function countCopyable({
  prisma,
  organizationId,
  toYear,
}: {
  prisma: Prisma;
  organizationId: string;
  toYear: number;
}) {
  return prisma.commitment.count({
    where: {
      organizationId,
      cycle: { year: toYear - 1 },
      status: { in: [...UNFINISHED_STATUSES] },
      copies: { none: { cycle: { year: toYear } } },
    },
  });
}
