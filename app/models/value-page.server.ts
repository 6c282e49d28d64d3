// One value, as one organization lives it: its commitments, a practice timeline and every year's reflection.
import type { Prisma } from "~/utils/db.server";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";
import { loadFrameworkWording } from "~/models/framework-wording.server";

const TIMELINE = 30;

export async function getValueForOrganization({
  prisma,
  organizationId,
  slug,
  locale,
}: {
  prisma: Prisma;
  organizationId: string;
  slug: string;
  locale: Locale;
}) {
  const value = await prisma.value.findUnique({
    where: { slug },
    select: { id: true, slug: true, position: true, name: true, description: true, archivedAt: true },
  });
  if (!value) return null;
  const [commitments, practices, practiceCount, reflections, levels, wording] = await Promise.all([
    prisma.commitment.findMany({
      where: { organizationId, valueId: value.id },
      orderBy: [{ cycle: { year: "desc" } }, { createdAt: "asc" }],
      select: { id: true, title: true, status: true, progress: true, cycle: { select: { year: true } } },
    }),
    prisma.practice.findMany({
      where: { organizationId, valueId: value.id, deletedAt: null },
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      take: TIMELINE,
      select: {
        id: true,
        title: true,
        occurredOn: true,
        participants: true,
        impactedParticipants: true,
        visibility: true,
      },
    }),
    prisma.practice.count({ where: { organizationId, valueId: value.id, deletedAt: null } }),
    prisma.reflection.findMany({
      where: { organizationId, valueId: value.id },
      orderBy: { cycle: { year: "desc" } },
      select: {
        rubricLevel: true,
        wentWell: true,
        challenges: true,
        nextSteps: true,
        visibility: true,
        status: true,
        cycle: { select: { year: true } },
      },
    }),
    prisma.rubricLevel.findMany({ orderBy: { level: "asc" }, select: { level: true, name: true, description: true } }),
    loadFrameworkWording({ prisma }),
  ]);
  // each year's reflection names its level in the words of that year
  const levelName = (level: number, year: number) => {
    const row = levels.find((l) => l.level === level);
    return row ? wording.level(row, year).name[locale] : null;
  };
  return {
    value: {
      id: value.id,
      slug: value.slug,
      position: value.position,
      name: pick(value.name, locale),
      description: pick(value.description, locale),
      archived: value.archivedAt !== null,
    },
    commitments: commitments.map(({ cycle, ...c }) => ({ ...c, year: cycle.year })),
    practices: practices.map((p) => ({ ...p, occurredOn: p.occurredOn.toISOString().slice(0, 10) })),
    practiceCount,
    reflections: reflections.map(({ cycle, ...r }) => ({
      ...r,
      year: cycle.year,
      levelName: r.rubricLevel ? levelName(r.rubricLevel, cycle.year) : null,
    })),
  };
}
