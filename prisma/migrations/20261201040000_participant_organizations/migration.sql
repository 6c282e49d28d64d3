-- A value-year's participants and directly impacted figures are hidden by the organizations that counted
-- participants (participants above 0), not by every organization with a practice there: three organizations
-- with a practice, one of which counted participants, showed that one organization's numbers.
ALTER TABLE "MovementValueYearSummary" ADD COLUMN "participantOrganizationCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "MovementValueYearSummary" t SET "participantOrganizationCount" = c."n"
FROM (
  SELECT s."year", s."valueId", y."macroRegion", y."sizeBand", y."impactedLed", count(*)::int AS "n"
  FROM "OrganizationValueYearSummary" s
  JOIN "OrganizationYear" y ON y."organizationId" = s."organizationId" AND y."year" = s."year"
  JOIN "Organization" o ON o."id" = s."organizationId" AND o."archivedAt" IS NULL
  WHERE s."participants" > 0
  GROUP BY 1, 2, 3, 4, 5
) c
WHERE t."year" = c."year" AND t."valueId" = c."valueId" AND t."macroRegion" = c."macroRegion"
  AND t."sizeBand" = c."sizeBand" AND t."impactedLed" = c."impactedLed";

ALTER TABLE "MovementValueYearSummary" ADD CONSTRAINT "MovementValueYearSummary_participantOrganizationCount"
  CHECK ("participantOrganizationCount" >= 0);
