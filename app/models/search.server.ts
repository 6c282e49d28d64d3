// The lists' text search in SQL: every list that is searched (the tracker, shared entries, the admin lists)
// matches through here, so each ignores case and accents alike (app/utils/search.ts).
import { Prisma as Sql } from "~/generated/prisma/client";
import { z } from "zod";
import type { Prisma } from "~/utils/db.server";
import { searchPattern } from "~/utils/search";

/** SQL: true when any of the text expressions contains the search, whatever its accents and case. */
export function textMatches(q: string, columns: Sql.Sql[]): Sql.Sql {
  const pattern = searchPattern(q);
  return Sql.sql`(${Sql.join(
    columns.map((column) => Sql.sql`${column} ~* ${pattern}`),
    " OR ",
  )})`;
}

const countRows = z.array(z.object({ n: z.number() })).transform((rows) => rows[0]?.n ?? 0);
const idRows = z.array(z.object({ id: z.string() })).transform((rows) => rows.map((r) => r.id));

/** How many rows a `FROM … WHERE` selects. */
export async function countOf(prisma: Prisma, from: Sql.Sql) {
  return countRows.parse(await prisma.$queryRaw`SELECT count(*)::int AS "n" ${from}`);
}

/**
 * A list page found in SQL: how many rows `from` selects and the ids of one page of them in `orderBy`, for
 * the page's fields to be read by id (`inOrder`). `id` is the row's id column, `from` a `FROM … WHERE`.
 */
export async function pageOfIds({
  prisma,
  from,
  id,
  orderBy,
  take,
  skip,
}: {
  prisma: Prisma;
  from: Sql.Sql;
  id: Sql.Sql;
  orderBy: Sql.Sql;
  take: number;
  skip: number;
}) {
  const [total, ids] = await Promise.all([
    countOf(prisma, from),
    prisma.$queryRaw`SELECT ${id} AS "id" ${from} ORDER BY ${orderBy} LIMIT ${take} OFFSET ${skip}`.then((r) =>
      idRows.parse(r),
    ),
  ]);
  return { total, ids };
}

/** Rows read by id, in the order of the ids (the order the SQL that found them chose). */
export function inOrder<T extends { id: string }>(rows: T[], ids: string[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}
