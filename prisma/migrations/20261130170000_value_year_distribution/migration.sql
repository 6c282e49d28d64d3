-- CreateTable
CREATE TABLE "MovementValueYearDistribution" (
    "year" INTEGER NOT NULL,
    "valueId" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "measure" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "organizations" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementValueYearDistribution_pkey" PRIMARY KEY ("year","valueId","sizeBand","measure","bucket","slot")
);

-- Counts never go below zero: a drifted summary fails loudly instead of hiding.
ALTER TABLE "MovementValueYearDistribution" ADD CONSTRAINT "MovementValueYearDistribution_counts" CHECK ("organizations" >= 0);
ALTER TABLE "MovementValueYearDistribution" ADD CONSTRAINT "MovementValueYearDistribution_measure" CHECK (
  ("measure" = 'practices' AND "bucket" >= 1) OR ("measure" = 'share' AND "bucket" BETWEEN 0 AND 100));

-- Existing installations start from the per-organization yearly summaries, which are current
-- (the same statement as rebuildMovementRollups).
INSERT INTO "MovementValueYearDistribution" ("year", "valueId", "sizeBand", "measure", "bucket", "slot", "organizations")
SELECT s."year", s."valueId", y."sizeBand", d."measure", d."bucket", ascii(right(s."organizationId", 1)) % 8, count(*)::int
FROM "OrganizationValueYearSummary" s
JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = s."year"
JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL
CROSS JOIN LATERAL (VALUES
  ('practices', s."practiceCount", s."practiceCount" > 0),
  ('share', ((200 * s."impactedParticipants"::bigint + s."participants") / NULLIF(2 * s."participants"::bigint, 0))::int, s."participants" > 0)
) d("measure", "bucket", "counted")
WHERE d."counted"
GROUP BY 1, 2, 3, 4, 5, 6;
