import type { Prisma } from "~/utils/db.server";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";
import { COALITION, FREEDOMS, RUBRIC_LEVELS, VALUES } from "~/models/framework-content";

/**
 * Writes the framework a fresh install gets. Idempotent: rows that already exist (possibly edited by an admin)
 * are left alone, so it is safe at every start.
 */
export async function seedFramework({ prisma }: { prisma: Prisma }) {
  await prisma.$transaction([
    prisma.coalition.createMany({ data: [{ id: 1, ...COALITION }], skipDuplicates: true }),
    prisma.freedom.createMany({
      data: FREEDOMS.map((f, i) => ({ ...f, position: i + 1 })),
      skipDuplicates: true,
    }),
    prisma.value.createMany({
      data: VALUES.map((v, i) => ({ ...v, position: i + 1 })),
      skipDuplicates: true,
    }),
    prisma.rubricLevel.createMany({ data: RUBRIC_LEVELS, skipDuplicates: true }),
  ]);
}

/** The landing page's content: the vision and the active freedoms and values, in one language. */
export async function getPublicFramework({ prisma, locale }: { prisma: Prisma; locale: Locale }) {
  const active = { archivedAt: null };
  const select = { slug: true, name: true, description: true } as const;
  const [coalition, freedoms, values] = await Promise.all([
    prisma.coalition.findUnique({ where: { id: 1 }, select: { name: true, vision: true } }),
    prisma.freedom.findMany({ where: active, orderBy: { position: "asc" }, select }),
    prisma.value.findMany({ where: active, orderBy: { position: "asc" }, select }),
  ]);
  const localize = (row: { slug: string; name: unknown; description: unknown }) => ({
    slug: row.slug,
    name: pick(row.name, locale),
    description: pick(row.description, locale),
  });
  return {
    name: coalition ? pick(coalition.name, locale) : null,
    vision: coalition ? pick(coalition.vision, locale) : null,
    freedoms: freedoms.map(localize),
    values: values.map(localize),
  };
}
