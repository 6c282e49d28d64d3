import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";

/**
 * Claims a form's submission key inside the creating transaction. Returns the id of what an earlier
 * submission with the same key created, or null when this submission is the first.
 * NOTE: a key taken by another organization is treated as unknown and never answered with its entity.
 */
export async function claimSubmissionKey(
  tx: PrismaNamespace.TransactionClient,
  { key, organizationId, entityType, entityId = "" }: { key: string; organizationId: string; entityType: string; entityId?: string },
) {
  // with the new entity's id known up front the key names it at once: no second statement to record it
  const inserted = await tx.$executeRaw`
    INSERT INTO "SubmissionKey" ("key", "organizationId", "entityType", "entityId")
    VALUES (${key}, ${organizationId}, ${entityType}, ${entityId}) ON CONFLICT ("key") DO NOTHING`;
  if (inserted === 1) return null;
  const existing = await tx.submissionKey.findUnique({ where: { key }, select: { organizationId: true, entityType: true, entityId: true } });
  if (!existing || existing.organizationId !== organizationId || existing.entityType !== entityType || !existing.entityId) {
    throw new Response("Conflict", { status: 409 });
  }
  return existing.entityId;
}

export function recordSubmissionEntity(tx: PrismaNamespace.TransactionClient, key: string, entityId: string) {
  return tx.submissionKey.update({ where: { key }, data: { entityId }, select: { key: true } });
}
