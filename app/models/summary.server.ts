// Dashboard summary tables (DESIGN §3): live practices per org × value × month and per org × freedom × month.
// Writes keep them current in their own transaction; rebuildSummaries recomputes them from scratch
// (`npm run db:rebuild-summaries`, and after bulk loads such as the demo generator).
import { z } from "zod";
import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

export type SummarizedPractice = {
  organizationId: string;
  valueId: string;
  occurredOn: Date;
  participants: number;
  impactedParticipants: number;
  freedomIds: string[];
};

/**
 * Adds (sign 1) or removes (sign -1) one live practice from the summaries, inside the write's transaction.
 * An edit is a removal of the old state and an addition of the new one.
 */
export async function adjustPracticeSummaries(tx: PrismaNamespace.TransactionClient, practice: SummarizedPractice, sign: 1 | -1) {
  const month = new Date(Date.UTC(practice.occurredOn.getUTCFullYear(), practice.occurredOn.getUTCMonth(), 1));
  const participants = sign * practice.participants;
  const impacted = sign * practice.impactedParticipants;
  await tx.$executeRaw`
    INSERT INTO "PracticeMonthlySummary" ("organizationId", "valueId", "month", "practiceCount", "participants", "impactedParticipants")
    VALUES (${practice.organizationId}, ${practice.valueId}, ${month}::date, ${sign}, ${participants}, ${impacted})
    ON CONFLICT ("organizationId", "valueId", "month") DO UPDATE SET
      "practiceCount" = "PracticeMonthlySummary"."practiceCount" + EXCLUDED."practiceCount",
      "participants" = "PracticeMonthlySummary"."participants" + EXCLUDED."participants",
      "impactedParticipants" = "PracticeMonthlySummary"."impactedParticipants" + EXCLUDED."impactedParticipants"`;
  for (const freedomId of practice.freedomIds) {
    await tx.$executeRaw`
      INSERT INTO "PracticeFreedomMonthlySummary" ("organizationId", "freedomId", "month", "practiceCount")
      VALUES (${practice.organizationId}, ${freedomId}, ${month}::date, ${sign})
      ON CONFLICT ("organizationId", "freedomId", "month") DO UPDATE SET
        "practiceCount" = "PracticeFreedomMonthlySummary"."practiceCount" + EXCLUDED."practiceCount"`;
  }
}

export async function rebuildSummaries({ prisma }: { prisma: Prisma }) {
  const [, valueRows, , freedomRows] = await prisma.$transaction([
    prisma.$executeRaw`DELETE FROM "PracticeMonthlySummary"`,
    prisma.$executeRaw`
      INSERT INTO "PracticeMonthlySummary"
        ("organizationId", "valueId", "month", "practiceCount", "participants", "impactedParticipants")
      SELECT "organizationId", "valueId", date_trunc('month', "occurredOn")::date,
             count(*)::int, sum("participants")::int, sum("impactedParticipants")::int
      FROM "Practice" WHERE "deletedAt" IS NULL
      GROUP BY 1, 2, 3`,
    prisma.$executeRaw`DELETE FROM "PracticeFreedomMonthlySummary"`,
    prisma.$executeRaw`
      INSERT INTO "PracticeFreedomMonthlySummary" ("organizationId", "freedomId", "month", "practiceCount")
      SELECT p."organizationId", pf."freedomId", date_trunc('month', p."occurredOn")::date, count(*)::int
      FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId"
      WHERE p."deletedAt" IS NULL
      GROUP BY 1, 2, 3`,
    // a rebuild over millions of practices takes longer than Prisma's default 5 s
  ], { timeout: 600_000, maxWait: 60_000 });
  return { valueMonths: valueRows, freedomMonths: freedomRows };
}

const valueRow = z.object({
  organizationId: z.string(),
  valueId: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  practiceCount: z.number().int(),
  participants: z.number().int(),
  impactedParticipants: z.number().int(),
});
const freedomRow = z.object({
  organizationId: z.string(),
  freedomId: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  practiceCount: z.number().int(),
});

/**
 * The summaries as stored and as a fresh count from the practices, in the same shape and order, so a test
 * (or an operator) can check that they agree.
 */
export async function compareSummaries({ prisma }: { prisma: Prisma }) {
  const [storedValues, freshValues, storedFreedoms, freshFreedoms] = await Promise.all([
    prisma.$queryRaw`
      SELECT "organizationId", "valueId", to_char("month", 'YYYY-MM') AS "month",
             "practiceCount", "participants", "impactedParticipants"
      FROM "PracticeMonthlySummary" WHERE "practiceCount" > 0 ORDER BY 1, 2, 3`,
    prisma.$queryRaw`
      SELECT "organizationId", "valueId", to_char(date_trunc('month', "occurredOn"), 'YYYY-MM') AS "month",
             count(*)::int AS "practiceCount", sum("participants")::int AS "participants",
             sum("impactedParticipants")::int AS "impactedParticipants"
      FROM "Practice" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    prisma.$queryRaw`
      SELECT "organizationId", "freedomId", to_char("month", 'YYYY-MM') AS "month", "practiceCount"
      FROM "PracticeFreedomMonthlySummary" WHERE "practiceCount" > 0 ORDER BY 1, 2, 3`,
    prisma.$queryRaw`
      SELECT p."organizationId", pf."freedomId", to_char(date_trunc('month', p."occurredOn"), 'YYYY-MM') AS "month",
             count(*)::int AS "practiceCount"
      FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId"
      WHERE p."deletedAt" IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ]);
  return {
    stored: { values: z.array(valueRow).parse(storedValues), freedoms: z.array(freedomRow).parse(storedFreedoms) },
    fresh: { values: z.array(valueRow).parse(freshValues), freedoms: z.array(freedomRow).parse(freshFreedoms) },
  };
}
