-- Organization.region becomes a foreign key to Region (docs/decisions/013-regions-as-data.md).

-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "region" DROP NOT NULL;

-- AlterTable
ALTER TABLE "OrganizationYear" ALTER COLUMN "regionCode" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Free text that names a region, by its code or its English or Spanish name in any case, becomes its code;
-- a code match wins over a name match.
CREATE TEMPORARY TABLE "region_match" ON COMMIT DROP AS
SELECT DISTINCT ON (t."text") t."text", r."code"
FROM (SELECT "region" AS "text" FROM "Organization" UNION SELECT "regionCode" FROM "OrganizationYear") t
JOIN "Region" r ON upper(trim(t."text")) = upper(r."code")
  OR lower(trim(t."text")) IN (lower(r."name"->>'en'), lower(r."name"->>'es'))
WHERE t."text" IS NOT NULL
ORDER BY t."text", (upper(trim(t."text")) = upper(r."code")) DESC, r."position";

-- Text that names no region is kept in the audit log, so an admin can still read what was written; blank
-- text said nothing and leaves no event.
INSERT INTO "AuditEvent" ("action", "organizationId", "entityType", "entityId", "metadata")
SELECT 'organization.region_unrecognized', o."id", 'Organization', o."id", jsonb_build_object('region', o."region")
FROM "Organization" o
WHERE trim(o."region") <> '' AND NOT EXISTS (SELECT 1 FROM "region_match" m WHERE m."text" = o."region");

UPDATE "Organization" o SET "region" = (SELECT m."code" FROM "region_match" m WHERE m."text" = o."region")
WHERE o."region" IS NOT NULL;

-- A snapshot keeps the macro-region it was counted under, so the rollups still agree with it.
UPDATE "OrganizationYear" y SET "regionCode" = (SELECT m."code" FROM "region_match" m WHERE m."text" = y."regionCode")
WHERE y."regionCode" IS NOT NULL;

-- CreateIndex
CREATE INDEX "OrganizationYear_regionCode_idx" ON "OrganizationYear"("regionCode");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_region_fkey" FOREIGN KEY ("region") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationYear" ADD CONSTRAINT "OrganizationYear_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
