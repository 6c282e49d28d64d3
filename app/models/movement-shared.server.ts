// What organizations chose to share (/movement/shared): practices and submitted reflections whose author
// picked "shared with the coalition" or "public", with the organization's name. The visibility condition is in
// every query, so a PRIVATE entry is never read, let alone sent to a page. Archived organizations are absent.
import { z } from "zod";
import { Prisma as Sql } from "~/generated/prisma/client";
import { MACRO_REGIONS, type MacroRegion } from "~/models/movement-filters";
import { countOf, inOrder, pageOfIds, textMatches } from "~/models/search.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";

export const SHARED_PAGE_SIZE = 20;
export const SHARED_KINDS = ["practices", "reflections"] as const;
// the visibilities shared with coalition staff, in every query below
const SHARED = Sql.raw(`('COALITION', 'PUBLIC')`);

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

// The region an entry counts in is its organization's in the entry's year (the OrganizationYear snapshot),
// so past years stay where they were when an organization moves; without a snapshot, its current region.
const regionJoin = (entry: Sql.Sql, year: Sql.Sql) => Sql.sql`
  LEFT JOIN "OrganizationYear" y ON y."organizationId" = ${entry}."organizationId" AND y."year" = ${year}
  LEFT JOIN "Region" r ON r."code" = o."region"`;
const regionIs = (region: MacroRegion) =>
  Sql.sql`AND COALESCE(y."macroRegion", r."macroRegion", 'UNSPECIFIED') = ${region}`;
const valueIs = (entry: Sql.Sql, slug: string) =>
  Sql.sql`AND ${entry}."valueId" IN (SELECT "id" FROM "Value" WHERE "slug" = ${slug})`;

/** FROM … WHERE of the shared practices the query selects (alias p). */
function sharedPractices(query: SharedQuery) {
  const p = Sql.raw("p");
  const year = Sql.raw(`extract(year FROM p."occurredOn")::int`);
  return Sql.sql`
    FROM "Practice" p JOIN "Organization" o ON o."id" = p."organizationId" AND o."archivedAt" IS NULL
    ${query.region ? regionJoin(p, year) : Sql.empty}
    WHERE p."deletedAt" IS NULL AND p."visibility" IN ${SHARED}
    ${query.year ? Sql.sql`AND p."occurredOn" >= make_date(${query.year}::int, 1, 1) AND p."occurredOn" < make_date(${query.year}::int + 1, 1, 1)` : Sql.empty}
    ${query.value ? valueIs(p, query.value) : Sql.empty}
    ${query.freedom ? Sql.sql`AND EXISTS (SELECT 1 FROM "PracticeFreedom" pf JOIN "Freedom" f ON f."id" = pf."freedomId" WHERE pf."practiceId" = p."id" AND f."slug" = ${query.freedom})` : Sql.empty}
    ${query.region ? regionIs(query.region) : Sql.empty}
    ${query.q ? Sql.sql`AND ${textMatches(query.q, [Sql.sql`p."title"`, Sql.sql`p."notes"`, Sql.sql`o."name"`])}` : Sql.empty}`;
}

/** FROM … WHERE of the submitted shared reflections the query selects (alias x); a reflection advances no
 * freedom of its own, so a freedom filter leaves none. */
function sharedReflections(query: SharedQuery) {
  const x = Sql.raw("x");
  return Sql.sql`
    FROM "Reflection" x JOIN "Organization" o ON o."id" = x."organizationId" AND o."archivedAt" IS NULL
    JOIN "Cycle" c ON c."id" = x."cycleId"
    ${query.region ? regionJoin(x, Sql.raw(`c."year"`)) : Sql.empty}
    WHERE x."status" = 'SUBMITTED' AND x."visibility" IN ${SHARED}
    ${query.freedom ? Sql.sql`AND false` : Sql.empty}
    ${query.year ? Sql.sql`AND c."year" = ${query.year}::int` : Sql.empty}
    ${query.value ? valueIs(x, query.value) : Sql.empty}
    ${query.region ? regionIs(query.region) : Sql.empty}
    ${query.q ? Sql.sql`AND ${textMatches(query.q, [Sql.sql`x."wentWell"`, Sql.sql`x."challenges"`, Sql.sql`x."nextSteps"`, Sql.sql`o."name"`])}` : Sql.empty}`;
}

export async function listSharedEntries({
  prisma,
  query,
  locale,
}: {
  prisma: Prisma;
  query: SharedQuery;
  locale: Locale;
}) {
  const practiceSql = sharedPractices(query);
  const reflectionSql = sharedReflections(query);
  // the filters and the search run in SQL (the search is a regular expression Prisma's filters cannot say);
  // the page's rows are then read by id
  const page = {
    prisma,
    take: SHARED_PAGE_SIZE,
    skip: (query.page - 1) * SHARED_PAGE_SIZE,
  };
  const [{ total, ids: pageIds }, otherCount] = await Promise.all([
    query.kind === "practices"
      ? pageOfIds({
          ...page,
          from: practiceSql,
          id: Sql.sql`p."id"`,
          orderBy: Sql.sql`p."occurredOn" DESC, p."createdAt" DESC, p."id" ASC`,
        })
      : pageOfIds({
          ...page,
          from: reflectionSql,
          id: Sql.sql`x."id"`,
          orderBy: Sql.sql`x."submittedAt" DESC, x."id" ASC`,
        }),
    countOf(prisma, query.kind === "practices" ? reflectionSql : practiceSql),
  ]);
  const [practiceCount, reflectionCount] = query.kind === "practices" ? [total, otherCount] : [otherCount, total];
  const name = (v: { name: unknown }) => pick(v.name, locale);

  const practices =
    query.kind === "practices" && pageIds.length
      ? inOrder(
          await prisma.practice.findMany({
            where: { id: { in: pageIds } },
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
          }),
          pageIds,
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
    query.kind === "reflections" && pageIds.length
      ? inOrder(
          await prisma.reflection.findMany({
            where: { id: { in: pageIds } },
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
          }),
          pageIds,
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
