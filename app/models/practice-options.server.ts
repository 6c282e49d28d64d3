// The choices the practice pages offer: the framework's values and freedoms in the page's language, the
// organization's commitments a practice can count toward, and the list's filters as read from its address.
import { z } from "zod";
import { VISIBILITIES } from "~/models/practice-schema";
import type { Prisma } from "~/utils/db.server";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";
import { freedomColor, valueColor } from "~/utils/palette";
import { isRealDate } from "~/utils/form-rules";

export type FrameworkOption = { id: string; slug: string; name: string; color: string; archived: boolean };
export type CommitmentOption = { id: string; title: string; valueId: string; year: number };

/**
 * Values and freedoms in position order, with their stable colours. The forms offer only active ones; the
 * list also needs archived ones, so that an older practice still shows the names it was logged with.
 */
export async function getFrameworkOptions({
  prisma,
  locale,
  includeArchived = false,
}: {
  prisma: Prisma;
  locale: Locale;
  includeArchived?: boolean;
}) {
  const where = includeArchived ? {} : { archivedAt: null };
  const select = { id: true, slug: true, name: true, position: true, archivedAt: true } as const;
  const [values, freedoms] = await Promise.all([
    prisma.value.findMany({ where, orderBy: { position: "asc" }, select }),
    prisma.freedom.findMany({ where, orderBy: { position: "asc" }, select }),
  ]);
  const option =
    (color: (slug: string, position: number) => string) =>
    (row: (typeof values)[number]): FrameworkOption => ({
      id: row.id,
      slug: row.slug,
      name: pick(row.name, locale),
      color: color(row.slug, row.position),
      archived: row.archivedAt !== null,
    });
  return { values: values.map(option(valueColor)), freedoms: freedoms.map(option(freedomColor)) };
}

/** The organization's commitments, in the given cycle years (all years when none are given), newest first. */
export async function getCommitmentOptions({
  prisma,
  organizationId,
  years,
}: {
  prisma: Prisma;
  organizationId: string;
  years?: number[];
}): Promise<CommitmentOption[]> {
  const rows = await prisma.commitment.findMany({
    where: { organizationId, ...(years ? { cycle: { year: { in: years } } } : {}) },
    orderBy: [{ cycle: { year: "desc" } }, { createdAt: "asc" }],
    select: { id: true, title: true, valueId: true, cycle: { select: { year: true } } },
  });
  return rows.map((c) => ({ id: c.id, title: c.title, valueId: c.valueId, year: c.cycle.year }));
}

// year 0 is a date to JavaScript that PostgreSQL refuses
const isoDate = z.string().refine((v) => isRealDate(v) && v >= "0001-01-01");
const text = z.string().trim().min(1).max(100);

// every field falls back on its own: one malformed filter is ignored, the others still apply
const searchSchema = z.object({
  value: text.optional().catch(undefined),
  freedom: text.optional().catch(undefined),
  commitment: text.optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  visibility: z.enum(VISIBILITIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * The practice list's filters and page from its address (`?value=<slug>&freedom=<slug>&commitment=<id>&from=
 * &to=&visibility=&page=`). Anything malformed is ignored rather than an error; slugs and ids are matched
 * against the organization's options by the caller.
 */
export function parsePracticeSearch(params: URLSearchParams) {
  return searchSchema.parse(Object.fromEntries(params));
}
