// An organization's practices as its list page shows them: filtered, newest first, a page at a time.
import type { Prisma as PrismaNamespace, Visibility } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

export const PAGE_SIZE = 20;

export type PracticeFilters = {
  valueId?: string;
  freedomId?: string;
  commitmentId?: string;
  from?: string;
  to?: string;
  visibility?: Visibility;
};

function where(organizationId: string, f: PracticeFilters): PrismaNamespace.PracticeWhereInput {
  return {
    organizationId,
    deletedAt: null,
    ...(f.valueId ? { valueId: f.valueId } : {}),
    ...(f.commitmentId ? { commitmentId: f.commitmentId } : {}),
    ...(f.visibility ? { visibility: f.visibility } : {}),
    ...(f.freedomId ? { freedoms: { some: { freedomId: f.freedomId } } } : {}),
    ...(f.from || f.to
      ? {
          occurredOn: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lte: new Date(`${f.to}T00:00:00Z`) } : {}),
          },
        }
      : {}),
  };
}

export async function listPractices({
  prisma,
  organizationId,
  filters,
  page,
}: {
  prisma: Prisma;
  organizationId: string;
  filters: PracticeFilters;
  page: number;
}) {
  const w = where(organizationId, filters);
  const [total, rows] = await Promise.all([
    prisma.practice.count({ where: w }),
    prisma.practice.findMany({
      where: w,
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        occurredOn: true,
        participants: true,
        impactedParticipants: true,
        visibility: true,
        consentToQuote: true,
        valueId: true,
        commitment: { select: { id: true, title: true } },
        freedoms: { select: { freedomId: true } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    practices: rows.map((p) => ({
      ...p,
      occurredOn: p.occurredOn.toISOString().slice(0, 10),
      freedomIds: p.freedoms.map((f) => f.freedomId),
    })),
  };
}
