import { Prisma as Sql, type Prisma as PrismaNamespace } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

/** The actions the audit log records. Metadata names records and roles, never the sensitive text itself. */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.sign_out_everywhere",
  "auth.password_reset_requested",
  "auth.password_reset",
  "invitation.sent",
  "invitation.accepted",
  "invitation.revoked",
  "member.removed",
  "member.role_changed",
  "user.coalition_role_changed",
  "user.disabled",
  "user.enabled",
  "organization.created",
  "organization.updated",
  "organization.archived",
  "organization.restored",
  "organization.region_unrecognized",
  "practice.created",
  "practice.updated",
  "practice.deleted",
  "practice.restored",
  "commitment.created",
  "commitment.updated",
  "commitment.copied_forward",
  "reflection.saved",
  "reflection.submitted",
  "reflection.reopened",
  "cycle.created",
  "cycle.updated",
  "cycle.opened",
  "cycle.closed",
  "cycle.reopened",
  "reminder.sent",
  "reminder.paused",
  "reminder.resumed",
  "reminder.preference_changed",
  "framework.value_created",
  "framework.value_updated",
  "framework.value_archived",
  "framework.value_restored",
  "framework.value_moved",
  "framework.freedom_updated",
  "framework.freedom_moved",
  "framework.level_updated",
  "region.created",
  "region.renamed",
  "region.moved",
  "region.archived",
  "region.restored",
  "account.name_changed",
  "account.locale_changed",
  "account.password_changed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Db = Prisma | PrismaNamespace.TransactionClient;

export function audit(
  db: Db,
  event: {
    action: AuditAction;
    actorId?: string | null;
    organizationId?: string | null;
    entityType?: string;
    entityId?: string;
    metadata?: PrismaNamespace.InputJsonValue;
  },
) {
  return db.auditEvent.create({ data: event, select: { id: true } });
}

/**
 * The same event as an INSERT to run inside a larger statement (a write that saves round trips), once for
 * each row of `from` (a FROM clause naming an earlier CTE): none when that CTE inserted nothing.
 */
export function auditInsert(
  event: {
    action: AuditAction;
    actorId: string | null;
    organizationId: string | null;
    entityType: string;
    entityId: string;
  },
  at: Date,
  from: PrismaNamespace.Sql,
) {
  return Sql.sql`INSERT INTO "AuditEvent" ("at", "actorId", "organizationId", "action", "entityType", "entityId")
    SELECT ${at}::timestamp(3), ${event.actorId}, ${event.organizationId}, ${event.action}, ${event.entityType}, ${event.entityId} ${from}`;
}

const PAGE_SIZE = 50;

/** Newest first, for coalition admins; `before` is the id of the last event of the previous page. */
export async function listAuditEvents({ prisma, before }: { prisma: Prisma; before?: bigint }) {
  const rows = await prisma.auditEvent.findMany({
    where: before ? { id: { lt: before } } : undefined,
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      metadata: true,
      actor: { select: { email: true, name: true } },
      organization: { select: { name: true, slug: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    events: page.map((e) => ({ ...e, id: e.id.toString(), at: e.at.toISOString() })),
    nextBefore: rows.length > PAGE_SIZE ? page[page.length - 1].id.toString() : null,
  };
}
