-- CreateTable
CREATE TABLE "OrganizationValueYearSummary" (
    "organizationId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,
    "participants" INTEGER NOT NULL DEFAULT 0,
    "impactedParticipants" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrganizationValueYearSummary_pkey" PRIMARY KEY ("organizationId","valueId","year")
);

-- CreateIndex
CREATE INDEX "OrganizationValueYearSummary_year_valueId_idx" ON "OrganizationValueYearSummary"("year", "valueId");

-- AddForeignKey
ALTER TABLE "OrganizationValueYearSummary" ADD CONSTRAINT "OrganizationValueYearSummary_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationValueYearSummary" ADD CONSTRAINT "OrganizationValueYearSummary_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counts never go below zero: a drifted summary fails loudly instead of hiding.
ALTER TABLE "OrganizationValueYearSummary" ADD CONSTRAINT "OrganizationValueYearSummary_counts" CHECK ("practiceCount" >= 0 AND "participants" >= 0 AND "impactedParticipants" >= 0);

-- Existing installations start from their monthly summaries, which are current.
INSERT INTO "OrganizationValueYearSummary" ("organizationId", "valueId", "year", "practiceCount", "participants", "impactedParticipants")
SELECT "organizationId", "valueId", extract(year FROM "month")::int, sum("practiceCount")::int, sum("participants")::int, sum("impactedParticipants")::int
FROM "PracticeMonthlySummary" GROUP BY 1, 2, 3;
