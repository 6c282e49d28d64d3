// The organization's home: this cycle at a glance, per value, read from the summary tables and small
// per-organization queries.
import { z } from "zod";
import { COMMITMENT_STATUSES } from "~/models/commitment-rules";
import { Prisma as Sql } from "~/generated/prisma/client";
import { runPrepared, type Prisma } from "~/utils/db.server";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";

export const STALE_AFTER_DAYS = 90;

const overviewRow = z.object({
  cycle: z.object({ year: z.number(), status: z.enum(["DRAFT", "OPEN", "CLOSED"]), closesOn: z.string() }).nullable(),
  values: z.array(z.object({ id: z.string(), slug: z.string(), name: z.unknown(), position: z.number() })),
  months: z.array(
    z.object({
      valueId: z.string(),
      month: z.string(),
      practiceCount: z.number(),
      participants: z.number(),
      impactedParticipants: z.number(),
    }),
  ),
  commitments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(COMMITMENT_STATUSES),
      progress: z.number(),
      valueId: z.string(),
      lastUpdateAt: z.number(),
    }),
  ),
  reflections: z.array(
    z.object({ valueId: z.string(), status: z.enum(["DRAFT", "SUBMITTED"]), rubricLevel: z.number().nullable() }),
  ),
});

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
  const yearStart = new Date(Date.UTC(year, 0, 1));
  const yearEnd = new Date(Date.UTC(year + 1, 0, 1));
  // one statement (each part as JSON): every signed-in member's first page, and each round trip costs the
  // server more client time than PostgreSQL spends on these few rows; times travel as epoch milliseconds;
  // prepared, as planning it cost PostgreSQL twice what running it does
  const [row] = await runPrepared<unknown>(
    prisma,
    Sql.sql`
    SELECT
      (SELECT json_build_object('year', c."year", 'status', c."status", 'closesOn', to_char(c."closesOn", 'YYYY-MM-DD'))
        FROM "Cycle" c WHERE c."year" = ${year}::int) AS "cycle",
      (SELECT COALESCE(json_agg(json_build_object('id', v."id", 'slug', v."slug", 'name', v."name", 'position', v."position")
          ORDER BY v."position"), '[]'::json)
        FROM "Value" v WHERE v."archivedAt" IS NULL) AS "values",
      (SELECT COALESCE(json_agg(json_build_object('valueId', s."valueId", 'month', to_char(s."month", 'YYYY-MM-DD'),
          'practiceCount', s."practiceCount", 'participants', s."participants", 'impactedParticipants', s."impactedParticipants")), '[]'::json)
        FROM "PracticeMonthlySummary" s
        WHERE s."organizationId" = ${organizationId} AND s."month" >= ${yearStart}::date AND s."month" < ${yearEnd}::date) AS "months",
      (SELECT COALESCE(json_agg(json_build_object('id', m."id", 'title', m."title", 'status', m."status", 'progress', m."progress",
          'valueId', m."valueId", 'lastUpdateAt', extract(epoch FROM COALESCE(
            (SELECT max(u."createdAt") FROM "CommitmentUpdate" u WHERE u."commitmentId" = m."id"), m."createdAt")) * 1000)
          ORDER BY m."createdAt"), '[]'::json)
        FROM "Commitment" m JOIN "Cycle" c ON c."id" = m."cycleId" AND c."year" = ${year}::int
        WHERE m."organizationId" = ${organizationId}) AS "commitments",
      (SELECT COALESCE(json_agg(json_build_object('valueId', r."valueId", 'status', r."status", 'rubricLevel', r."rubricLevel")), '[]'::json)
        FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId" AND c."year" = ${year}::int
        WHERE r."organizationId" = ${organizationId}) AS "reflections"`,
  );
  const { cycle, values, months, commitments, reflections } = overviewRow.parse(row);
  const perValue = values.map((v) => {
    const m = months.filter((row) => row.valueId === v.id);
    const sum = (rows: typeof m, key: "practiceCount" | "participants" | "impactedParticipants") =>
      rows.reduce((n, r) => n + r[key], 0);
    const quarter = m.filter((row) => new Date(`${row.month}T00:00:00Z`) >= quarterStart);
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
    .filter((c) => (c.status === "PLANNED" || c.status === "IN_PROGRESS") && c.lastUpdateAt < staleBefore.getTime())
    .map((c) => ({ id: c.id, title: c.title, lastUpdateAt: new Date(c.lastUpdateAt).toISOString() }));
  return {
    year,
    cycle: cycle ? { year: cycle.year, status: cycle.status, closesOn: cycle.closesOn } : null,
    values: perValue,
    attention: {
      staleCommitments,
      reflectionNotStarted: cycle?.status === "OPEN" && reflections.length === 0,
    },
  };
}
