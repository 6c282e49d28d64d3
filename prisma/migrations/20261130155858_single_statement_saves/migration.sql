-- A practice save is one statement: the organization's own rows give back their counts after their row
-- locks (RETURNING), so the movement rollups learn whether the organization starts or stops counting in a
-- cell without reading other rows from an older snapshot. For that an organization keeps its practices per
-- quarter on its year row and per freedom per year (the monthly freedom rows served only this).

-- AlterTable
ALTER TABLE "OrganizationYear" ADD COLUMN     "practiceQ1" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "practiceQ2" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "practiceQ3" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "practiceQ4" INTEGER NOT NULL DEFAULT 0;

-- Existing installations start from their monthly summaries, which are current.
UPDATE "OrganizationYear" y SET
  "practiceQ1" = COALESCE(q."q1", 0), "practiceQ2" = COALESCE(q."q2", 0),
  "practiceQ3" = COALESCE(q."q3", 0), "practiceQ4" = COALESCE(q."q4", 0)
FROM (
  SELECT "organizationId", extract(year FROM "month")::int AS "year",
    sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 1)::int AS "q1",
    sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 2)::int AS "q2",
    sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 3)::int AS "q3",
    sum("practiceCount") FILTER (WHERE extract(quarter FROM "month") = 4)::int AS "q4"
  FROM "PracticeMonthlySummary" GROUP BY 1, 2
) q
WHERE q."organizationId" = y."organizationId" AND q."year" = y."year";

ALTER TABLE "OrganizationYear" DROP CONSTRAINT "OrganizationYear_counts";
ALTER TABLE "OrganizationYear" ADD CONSTRAINT "OrganizationYear_counts" CHECK (
  "practiceCount" >= 0 AND "practiceQ1" >= 0 AND "practiceQ2" >= 0 AND "practiceQ3" >= 0 AND "practiceQ4" >= 0
);

-- CreateTable
CREATE TABLE "OrganizationFreedomYearSummary" (
    "organizationId" TEXT NOT NULL,
    "freedomId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrganizationFreedomYearSummary_pkey" PRIMARY KEY ("organizationId","freedomId","year")
);

-- CreateIndex
CREATE INDEX "OrganizationFreedomYearSummary_freedomId_idx" ON "OrganizationFreedomYearSummary"("freedomId");

-- AddForeignKey
ALTER TABLE "OrganizationFreedomYearSummary" ADD CONSTRAINT "OrganizationFreedomYearSummary_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationFreedomYearSummary" ADD CONSTRAINT "OrganizationFreedomYearSummary_freedomId_fkey" FOREIGN KEY ("freedomId") REFERENCES "Freedom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counts never go below zero: a drifted summary fails loudly instead of hiding.
ALTER TABLE "OrganizationFreedomYearSummary" ADD CONSTRAINT "OrganizationFreedomYearSummary_counts" CHECK ("practiceCount" >= 0);

INSERT INTO "OrganizationFreedomYearSummary" ("organizationId", "freedomId", "year", "practiceCount")
SELECT "organizationId", "freedomId", extract(year FROM "month")::int, sum("practiceCount")::int
FROM "PracticeFreedomMonthlySummary" GROUP BY 1, 2, 3;

-- DropTable
DROP TABLE "PracticeFreedomMonthlySummary";
