-- AlterTable
ALTER TABLE "OrganizationYear" ADD COLUMN     "lastPracticeOn" DATE,
ADD COLUMN     "practiceCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Practice_visibility_occurredOn_idx" ON "Practice"("visibility", "occurredOn");

-- Summary counts never go below zero
ALTER TABLE "OrganizationYear" ADD CONSTRAINT "OrganizationYear_counts" CHECK ("practiceCount" >= 0);

-- Existing years take their counts and latest dates from the live practices
UPDATE "OrganizationYear" y SET "practiceCount" = a."n", "lastPracticeOn" = a."last"
FROM (
  SELECT "organizationId", extract(year FROM "occurredOn")::int AS "year", count(*)::int AS "n", max("occurredOn") AS "last"
  FROM "Practice" WHERE "deletedAt" IS NULL GROUP BY 1, 2
) a
WHERE y."organizationId" = a."organizationId" AND y."year" = a."year";
