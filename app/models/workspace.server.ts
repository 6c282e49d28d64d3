// The organization's home: this cycle at a glance, per value, read from the summary tables and small
// per-organization queries.
import type { Prisma } from "~/utils/db.server";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";

export const STALE_AFTER_DAYS = 90;

export async function getWorkspaceOverview({
  prisma,
  organizationId,
  locale,
  now = new Date(),
}: {
  prisma: Prisma;
  organizationId: string;
  locale: Locale;
  now?: Date;
}) {
  const year = now.getUTCFullYear();
  const quarterStart = new Date(Date.UTC(year, Math.floor(now.getUTCMonth() / 3) * 3, 1));
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000);
  const [cycle, values, months, commitments, reflections] = await Promise.all([
    prisma.cycle.findUnique({ where: { year }, select: { id: true, year: true, status: true, closesOn: true } }),
    prisma.value.findMany({
      where: { archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, name: true, position: true },
    }),
    prisma.practiceMonthlySummary.findMany({
      where: { organizationId, month: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      select: { valueId: true, month: true, practiceCount: true, participants: true, impactedParticipants: true },
    }),
    prisma.commitment.findMany({
      where: { organizationId, cycle: { year } },
      select: {
        id: true,
        title: true,
        status: true,
        progress: true,
        valueId: true,
        createdAt: true,
        updates: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    prisma.reflection.findMany({
      where: { organizationId, cycle: { year } },
      select: { valueId: true, status: true, rubricLevel: true },
    }),
  ]);
  const perValue = values.map((v) => {
    const m = months.filter((row) => row.valueId === v.id);
    const sum = (rows: typeof m, key: "practiceCount" | "participants" | "impactedParticipants") =>
      rows.reduce((n, r) => n + r[key], 0);
    const quarter = m.filter((row) => row.month >= quarterStart);
    const own = commitments.filter((c) => c.valueId === v.id);
    const reflection = reflections.find((r) => r.valueId === v.id);
    return {
      id: v.id,
      slug: v.slug,
      position: v.position,
      name: pick(v.name, locale),
      practicesYear: sum(m, "practiceCount"),
      practicesQuarter: sum(quarter, "practiceCount"),
      participants: sum(m, "participants"),
      impactedParticipants: sum(m, "impactedParticipants"),
      commitments: own.map((c) => ({ id: c.id, title: c.title, status: c.status, progress: c.progress })),
      reflection: reflection ? { status: reflection.status, hasLevel: reflection.rubricLevel !== null } : null,
    };
  });
  const staleCommitments = commitments
    .filter(
      (c) =>
        (c.status === "PLANNED" || c.status === "IN_PROGRESS") &&
        (c.updates[0]?.createdAt ?? c.createdAt) < staleBefore,
    )
    .map((c) => ({ id: c.id, title: c.title, lastUpdateAt: (c.updates[0]?.createdAt ?? c.createdAt).toISOString() }));
  return {
    year,
    cycle: cycle
      ? { year: cycle.year, status: cycle.status, closesOn: cycle.closesOn.toISOString().slice(0, 10) }
      : null,
    values: perValue,
    attention: {
      staleCommitments,
      reflectionNotStarted: cycle?.status === "OPEN" && reflections.length === 0,
    },
  };
}
