import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import { failure, success, type Result } from "~/utils/result";

/**
 * Claims a form's submission key inside the creating transaction. Its value is the id of what an earlier
 * submission with the same key created, or null when this submission is the first.
 * NOTE: a key taken by another organization (or another kind of form) is a conflict, never answered with its entity.
 */
export async function claimSubmissionKey(
  tx: PrismaNamespace.TransactionClient,
  { key, organizationId, entityType }: { key: string; organizationId: string; entityType: string },
): Promise<Result<string | null, "conflict">> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "SubmissionKey" ("key", "organizationId", "entityType", "entityId")
    VALUES (${key}, ${organizationId}, ${entityType}, '') ON CONFLICT ("key") DO NOTHING`;
  if (inserted === 1) return success(null);
  return earlierSubmission(tx, { key, organizationId, entityType });
}

/** What an earlier submission with this key created, once the key turned out to be taken: its id, or a conflict. */
export async function earlierSubmission(
  tx: PrismaNamespace.TransactionClient,
  { key, organizationId, entityType }: { key: string; organizationId: string; entityType: string },
): Promise<Result<string, "conflict">> {
  const existing = await tx.submissionKey.findUnique({
    where: { key },
    select: { organizationId: true, entityType: true, entityId: true },
  });
  if (
    !existing ||
    existing.organizationId !== organizationId ||
    existing.entityType !== entityType ||
    !existing.entityId
  ) {
    return failure("conflict");
  }
  return success(existing.entityId);
}

export function recordSubmissionEntity(tx: PrismaNamespace.TransactionClient, key: string, entityId: string) {
  return tx.submissionKey.update({ where: { key }, data: { entityId }, select: { key: true } });
}
