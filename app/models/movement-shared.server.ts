// What organizations chose to share (/movement/shared): practices and submitted reflections whose author
// picked "shared with the coalition" or "public", with the organization's name. The visibility condition is in
// every query, so a PRIVATE entry is never read, let alone sent to a page. Archived organizations are absent.
import { z } from "zod";
import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import { MACRO_REGIONS, type MacroRegion } from "~/models/movement-filters";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";

export const SHARED_PAGE_SIZE = 20;
export const SHARED_KINDS = ["practices", "reflections"] as const;
const SHARED = ["COALITION", "PUBLIC"] as const;

export type SharedQuery = {
  kind: (typeof SHARED_KINDS)[number];
  year?: number;
  value?: string;
  freedom?: string;
  region?: MacroRegion;
  q?: string;
  page: number;
};

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const search = (currentYear: number) =>
  z.object({
    kind: z.enum(SHARED_KINDS).catch("practices"),
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(currentYear + 1)
      .optional()
      .catch(undefined),
    value: slug.optional().catch(undefined),
    freedom: slug.optional().catch(undefined),
    region: z.enum(MACRO_REGIONS).optional().catch(undefined),
    q: z.string().trim().max(100).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  });

/** The view from the URL; anything malformed falls back to the default, never an error page. */
export function parseSharedQuery(params: URLSearchParams, currentYear: number): SharedQuery {
  const get = (name: string) => params.get(name) || undefined;
  const parsed = search(currentYear).parse({
    kind: get("kind"),
    year: get("year"),
    value: get("value"),
    freedom: get("freedom"),
    region: get("region"),
    q: get("q"),
    page: get("page") ?? 1,
  });
  return { ...parsed, q: parsed.q || undefined };
}

/** The organizations whose current region lies in the macro-region ("not given": no region). */
async function regionWhere(
  prisma: Prisma,
  region: MacroRegion | undefined,
): Promise<PrismaNamespace.OrganizationWhereInput> {
  if (!region) return {};
  if (region === "UNSPECIFIED") return { region: null };
  const codes = await prisma.region.findMany({ where: { macroRegion: region }, select: { code: true } });
  return { region: { in: codes.map((c) => c.code) } };
}

const yearRange = (year: number) => ({ gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) });

export async function listSharedEntries({
  prisma,
  query,
  locale,
}: {
  prisma: Prisma;
  query: SharedQuery;
  locale: Locale;
}) {
  const organization = { archivedAt: null, ...(await regionWhere(prisma, query.region)) };
  // Prisma passes `contains` to LIKE as is: `%` and `_` in a search are letters, not wildcards
  const contains = (q: string) => ({ contains: q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" as const });
  const skip = (query.page - 1) * SHARED_PAGE_SIZE;

  const practiceWhere: PrismaNamespace.PracticeWhereInput = {
    deletedAt: null,
    visibility: { in: [...SHARED] },
    organization,
    ...(query.year ? { occurredOn: yearRange(query.year) } : {}),
    ...(query.value ? { value: { slug: query.value } } : {}),
    ...(query.freedom ? { freedoms: { some: { freedom: { slug: query.freedom } } } } : {}),
    ...(query.q
      ? {
          OR: [
            { title: contains(query.q) },
            { notes: contains(query.q) },
            { organization: { name: contains(query.q) } },
          ],
        }
      : {}),
  };
  // a reflection advances no freedom of its own: a freedom filter leaves none
  const reflectionWhere: PrismaNamespace.ReflectionWhereInput = {
    status: "SUBMITTED",
    visibility: { in: [...SHARED] },
    organization,
    ...(query.freedom ? { id: { in: [] } } : {}),
    ...(query.year ? { cycle: { year: query.year } } : {}),
    ...(query.value ? { value: { slug: query.value } } : {}),
    ...(query.q
      ? {
          OR: [
            { wentWell: contains(query.q) },
            { challenges: contains(query.q) },
            { nextSteps: contains(query.q) },
            { organization: { name: contains(query.q) } },
          ],
        }
      : {}),
  };

  const [practiceCount, reflectionCount] = await Promise.all([
    prisma.practice.count({ where: practiceWhere }),
    prisma.reflection.count({ where: reflectionWhere }),
  ]);
  const total = query.kind === "practices" ? practiceCount : reflectionCount;
  const name = (v: { name: unknown }) => pick(v.name, locale);

  const practices =
    query.kind === "practices"
      ? (
          await prisma.practice.findMany({
            where: practiceWhere,
            orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
            skip,
            take: SHARED_PAGE_SIZE,
            select: {
              id: true,
              title: true,
              notes: true,
              occurredOn: true,
              participants: true,
              impactedParticipants: true,
              visibility: true,
              organization: { select: { name: true } },
              value: { select: { name: true } },
              freedoms: { select: { freedom: { select: { name: true, position: true } } } },
            },
          })
        ).map((p) => ({
          id: p.id,
          title: p.title,
          notes: p.notes,
          date: p.occurredOn.toISOString().slice(0, 10),
          participants: p.participants,
          impactedParticipants: p.impactedParticipants,
          visibility: p.visibility,
          organization: p.organization.name,
          value: name(p.value),
          freedoms: p.freedoms.sort((a, b) => a.freedom.position - b.freedom.position).map((f) => name(f.freedom)),
        }))
      : [];

  const reflections =
    query.kind === "reflections"
      ? (
          await prisma.reflection.findMany({
            where: reflectionWhere,
            orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
            skip,
            take: SHARED_PAGE_SIZE,
            select: {
              id: true,
              rubricLevel: true,
              wentWell: true,
              challenges: true,
              nextSteps: true,
              visibility: true,
              submittedAt: true,
              updatedAt: true,
              cycle: { select: { year: true } },
              organization: { select: { name: true } },
              value: { select: { name: true } },
            },
          })
        ).map((r) => ({
          id: r.id,
          year: r.cycle.year,
          rubricLevel: r.rubricLevel,
          wentWell: r.wentWell,
          challenges: r.challenges,
          nextSteps: r.nextSteps,
          visibility: r.visibility,
          date: (r.submittedAt ?? r.updatedAt).toISOString().slice(0, 10),
          organization: r.organization.name,
          value: name(r.value),
        }))
      : [];

  return {
    counts: { practices: practiceCount, reflections: reflectionCount },
    total,
    pages: Math.max(1, Math.ceil(total / SHARED_PAGE_SIZE)),
    practices,
    reflections,
  };
}

/** The filter choices: values and freedoms in the framework's order, in the reader's language. */
export async function listSharedOptions({ prisma, locale }: { prisma: Prisma; locale: Locale }) {
  const [values, freedoms] = await Promise.all([
    prisma.value.findMany({
      where: { archivedAt: null },
      orderBy: { position: "asc" },
      select: { slug: true, name: true },
    }),
    prisma.freedom.findMany({
      where: { archivedAt: null },
      orderBy: { position: "asc" },
      select: { slug: true, name: true },
    }),
  ]);
  return {
    values: values.map((v) => ({ slug: v.slug, name: pick(v.name, locale) })),
    freedoms: freedoms.map((f) => ({ slug: f.slug, name: pick(f.name, locale) })),
  };
}
