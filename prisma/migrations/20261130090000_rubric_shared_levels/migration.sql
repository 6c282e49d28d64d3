-- The rubric rollup keeps how many of its ratings were shared with the coalition or made public: those
-- levels are on the shared page with the organization's name, so the dashboard suppresses the private
-- ratings left once they are taken away.
ALTER TABLE "MovementRubricSummary" ADD COLUMN "sharedCount" INTEGER NOT NULL DEFAULT 0;

-- Each organization's shared ratings, as withCycleRollups counts them from now on.
INSERT INTO "OrganizationCycleSummary" ("organizationId", "year", "kind", "valueId", "sub", "count")
SELECT r."organizationId", c."year", 'rubricShared', r."valueId", r."rubricLevel"::text, count(*)::int
FROM "Reflection" r JOIN "Cycle" c ON c."id" = r."cycleId"
WHERE r."status" = 'SUBMITTED' AND r."rubricLevel" IS NOT NULL AND r."visibility" IN ('COALITION', 'PUBLIC')
GROUP BY 1, 2, 3, 4, 5;

UPDATE "MovementRubricSummary" t SET "sharedCount" = x."n"
FROM (
  SELECT s."year", s."valueId", s."sub"::int AS "level", y."macroRegion", y."sizeBand", y."impactedLed", sum(s."count")::int AS "n"
  FROM "OrganizationCycleSummary" s
  JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = s."year"
  JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL
  WHERE s."kind" = 'rubricShared'
  GROUP BY 1, 2, 3, 4, 5, 6
) x
WHERE t."year" = x."year" AND t."valueId" = x."valueId" AND t."level" = x."level"
  AND t."macroRegion" = x."macroRegion" AND t."sizeBand" = x."sizeBand" AND t."impactedLed" = x."impactedLed";

-- Shared ratings are some of the ratings, never below zero nor above them.
ALTER TABLE "MovementRubricSummary" ADD CONSTRAINT "MovementRubricSummary_shared" CHECK ("sharedCount" >= 0 AND "sharedCount" <= "organizationCount");
