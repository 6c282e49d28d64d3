-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "OrganizationYear" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,

    CONSTRAINT "OrganizationYear_pkey" PRIMARY KEY ("organizationId","year")
);

-- CreateTable
CREATE TABLE "MovementValueMonthSummary" (
    "month" DATE NOT NULL,
    "valueId" TEXT NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,
    "participants" INTEGER NOT NULL DEFAULT 0,
    "impactedParticipants" INTEGER NOT NULL DEFAULT 0,
    "organizationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementValueMonthSummary_pkey" PRIMARY KEY ("month","valueId","macroRegion","sizeBand","impactedLed")
);

-- CreateTable
CREATE TABLE "MovementValueYearSummary" (
    "year" INTEGER NOT NULL,
    "valueId" TEXT NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,
    "participants" INTEGER NOT NULL DEFAULT 0,
    "impactedParticipants" INTEGER NOT NULL DEFAULT 0,
    "organizationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementValueYearSummary_pkey" PRIMARY KEY ("year","valueId","macroRegion","sizeBand","impactedLed")
);

-- CreateTable
CREATE TABLE "MovementFreedomYearSummary" (
    "year" INTEGER NOT NULL,
    "freedomId" TEXT NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,
    "organizationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementFreedomYearSummary_pkey" PRIMARY KEY ("year","freedomId","macroRegion","sizeBand","impactedLed")
);

-- CreateTable
CREATE TABLE "MovementRubricSummary" (
    "year" INTEGER NOT NULL,
    "valueId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,
    "organizationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementRubricSummary_pkey" PRIMARY KEY ("year","valueId","level","macroRegion","sizeBand","impactedLed")
);

-- CreateTable
CREATE TABLE "MovementCommitmentSummary" (
    "year" INTEGER NOT NULL,
    "valueId" TEXT NOT NULL,
    "status" "CommitmentStatus" NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,
    "commitmentCount" INTEGER NOT NULL DEFAULT 0,
    "organizationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementCommitmentSummary_pkey" PRIMARY KEY ("year","valueId","status","macroRegion","sizeBand","impactedLed")
);

-- CreateTable
CREATE TABLE "MovementParticipationSummary" (
    "year" INTEGER NOT NULL,
    "macroRegion" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL,
    "organizations" INTEGER NOT NULL DEFAULT 0,
    "practicedYear" INTEGER NOT NULL DEFAULT 0,
    "practicedQ1" INTEGER NOT NULL DEFAULT 0,
    "practicedQ2" INTEGER NOT NULL DEFAULT 0,
    "practicedQ3" INTEGER NOT NULL DEFAULT 0,
    "practicedQ4" INTEGER NOT NULL DEFAULT 0,
    "reflectionsDrafted" INTEGER NOT NULL DEFAULT 0,
    "reflectionsSubmitted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementParticipationSummary_pkey" PRIMARY KEY ("year","macroRegion","sizeBand","impactedLed")
);

-- CreateTable
CREATE TABLE "OrganizationCycleSummary" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "OrganizationCycleSummary_pkey" PRIMARY KEY ("organizationId","year","kind","valueId","sub")
);

-- CreateIndex
CREATE INDEX "Region_macroRegion_position_idx" ON "Region"("macroRegion", "position");

-- CreateIndex
CREATE INDEX "OrganizationYear_year_macroRegion_idx" ON "OrganizationYear"("year", "macroRegion");

-- AddForeignKey
ALTER TABLE "OrganizationYear" ADD CONSTRAINT "OrganizationYear_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Counts never go below zero: a drifted summary fails loudly instead of hiding.
ALTER TABLE "PracticeMonthlySummary" ADD CONSTRAINT "PracticeMonthlySummary_counts" CHECK ("practiceCount" >= 0 AND "participants" >= 0 AND "impactedParticipants" >= 0);
ALTER TABLE "PracticeFreedomMonthlySummary" ADD CONSTRAINT "PracticeFreedomMonthlySummary_counts" CHECK ("practiceCount" >= 0);
ALTER TABLE "MovementValueMonthSummary" ADD CONSTRAINT "MovementValueMonthSummary_counts" CHECK ("practiceCount" >= 0 AND "participants" >= 0 AND "impactedParticipants" >= 0 AND "organizationCount" >= 0);
ALTER TABLE "MovementValueMonthSummary" ADD CONSTRAINT "MovementValueMonthSummary_month_start" CHECK (date_trunc('month', "month") = "month");
ALTER TABLE "MovementValueYearSummary" ADD CONSTRAINT "MovementValueYearSummary_counts" CHECK ("practiceCount" >= 0 AND "participants" >= 0 AND "impactedParticipants" >= 0 AND "organizationCount" >= 0);
ALTER TABLE "MovementFreedomYearSummary" ADD CONSTRAINT "MovementFreedomYearSummary_counts" CHECK ("practiceCount" >= 0 AND "organizationCount" >= 0);
ALTER TABLE "MovementRubricSummary" ADD CONSTRAINT "MovementRubricSummary_counts" CHECK ("organizationCount" >= 0 AND "level" BETWEEN 1 AND 4);
ALTER TABLE "MovementCommitmentSummary" ADD CONSTRAINT "MovementCommitmentSummary_counts" CHECK ("commitmentCount" >= 0 AND "organizationCount" >= 0);
ALTER TABLE "MovementParticipationSummary" ADD CONSTRAINT "MovementParticipationSummary_counts" CHECK ("organizations" >= 0 AND "practicedYear" >= 0 AND "practicedQ1" >= 0 AND "practicedQ2" >= 0 AND "practicedQ3" >= 0 AND "practicedQ4" >= 0 AND "reflectionsDrafted" >= 0 AND "reflectionsSubmitted" >= 0 AND "reflectionsDrafted" + "reflectionsSubmitted" <= "organizations" AND "practicedYear" <= "organizations");

-- The reference list of regions; free-text regions that name one become its code.
INSERT INTO "Region" ("code", "name", "macroRegion", "position") VALUES
  ('CT', jsonb_build_object('en', 'Connecticut', 'es', 'Connecticut'), 'NORTHEAST', 0),
  ('ME', jsonb_build_object('en', 'Maine', 'es', 'Maine'), 'NORTHEAST', 1),
  ('MA', jsonb_build_object('en', 'Massachusetts', 'es', 'Massachusetts'), 'NORTHEAST', 2),
  ('NH', jsonb_build_object('en', 'New Hampshire', 'es', 'Nuevo Hampshire'), 'NORTHEAST', 3),
  ('RI', jsonb_build_object('en', 'Rhode Island', 'es', 'Rhode Island'), 'NORTHEAST', 4),
  ('VT', jsonb_build_object('en', 'Vermont', 'es', 'Vermont'), 'NORTHEAST', 5),
  ('NJ', jsonb_build_object('en', 'New Jersey', 'es', 'Nueva Jersey'), 'NORTHEAST', 6),
  ('NY', jsonb_build_object('en', 'New York', 'es', 'Nueva York'), 'NORTHEAST', 7),
  ('PA', jsonb_build_object('en', 'Pennsylvania', 'es', 'Pensilvania'), 'NORTHEAST', 8),
  ('DE', jsonb_build_object('en', 'Delaware', 'es', 'Delaware'), 'SOUTHEAST', 9),
  ('MD', jsonb_build_object('en', 'Maryland', 'es', 'Maryland'), 'SOUTHEAST', 10),
  ('DC', jsonb_build_object('en', 'District of Columbia', 'es', 'Distrito de Columbia'), 'SOUTHEAST', 11),
  ('VA', jsonb_build_object('en', 'Virginia', 'es', 'Virginia'), 'SOUTHEAST', 12),
  ('WV', jsonb_build_object('en', 'West Virginia', 'es', 'Virginia Occidental'), 'SOUTHEAST', 13),
  ('NC', jsonb_build_object('en', 'North Carolina', 'es', 'Carolina del Norte'), 'SOUTHEAST', 14),
  ('SC', jsonb_build_object('en', 'South Carolina', 'es', 'Carolina del Sur'), 'SOUTHEAST', 15),
  ('GA', jsonb_build_object('en', 'Georgia', 'es', 'Georgia'), 'SOUTHEAST', 16),
  ('FL', jsonb_build_object('en', 'Florida', 'es', 'Florida'), 'SOUTHEAST', 17),
  ('KY', jsonb_build_object('en', 'Kentucky', 'es', 'Kentucky'), 'SOUTHEAST', 18),
  ('TN', jsonb_build_object('en', 'Tennessee', 'es', 'Tennessee'), 'SOUTHEAST', 19),
  ('AL', jsonb_build_object('en', 'Alabama', 'es', 'Alabama'), 'SOUTHEAST', 20),
  ('MS', jsonb_build_object('en', 'Mississippi', 'es', 'Mississippi'), 'SOUTHEAST', 21),
  ('AR', jsonb_build_object('en', 'Arkansas', 'es', 'Arkansas'), 'SOUTHEAST', 22),
  ('LA', jsonb_build_object('en', 'Louisiana', 'es', 'Luisiana'), 'SOUTHEAST', 23),
  ('OH', jsonb_build_object('en', 'Ohio', 'es', 'Ohio'), 'MIDWEST', 24),
  ('IN', jsonb_build_object('en', 'Indiana', 'es', 'Indiana'), 'MIDWEST', 25),
  ('IL', jsonb_build_object('en', 'Illinois', 'es', 'Illinois'), 'MIDWEST', 26),
  ('MI', jsonb_build_object('en', 'Michigan', 'es', 'Míchigan'), 'MIDWEST', 27),
  ('WI', jsonb_build_object('en', 'Wisconsin', 'es', 'Wisconsin'), 'MIDWEST', 28),
  ('MN', jsonb_build_object('en', 'Minnesota', 'es', 'Minesota'), 'MIDWEST', 29),
  ('IA', jsonb_build_object('en', 'Iowa', 'es', 'Iowa'), 'MIDWEST', 30),
  ('MO', jsonb_build_object('en', 'Missouri', 'es', 'Missouri'), 'MIDWEST', 31),
  ('ND', jsonb_build_object('en', 'North Dakota', 'es', 'Dakota del Norte'), 'MIDWEST', 32),
  ('SD', jsonb_build_object('en', 'South Dakota', 'es', 'Dakota del Sur'), 'MIDWEST', 33),
  ('NE', jsonb_build_object('en', 'Nebraska', 'es', 'Nebraska'), 'MIDWEST', 34),
  ('KS', jsonb_build_object('en', 'Kansas', 'es', 'Kansas'), 'MIDWEST', 35),
  ('AZ', jsonb_build_object('en', 'Arizona', 'es', 'Arizona'), 'SOUTHWEST', 36),
  ('NM', jsonb_build_object('en', 'New Mexico', 'es', 'Nuevo México'), 'SOUTHWEST', 37),
  ('TX', jsonb_build_object('en', 'Texas', 'es', 'Texas'), 'SOUTHWEST', 38),
  ('OK', jsonb_build_object('en', 'Oklahoma', 'es', 'Oklahoma'), 'SOUTHWEST', 39),
  ('CO', jsonb_build_object('en', 'Colorado', 'es', 'Colorado'), 'WEST', 40),
  ('WY', jsonb_build_object('en', 'Wyoming', 'es', 'Wyoming'), 'WEST', 41),
  ('MT', jsonb_build_object('en', 'Montana', 'es', 'Montana'), 'WEST', 42),
  ('ID', jsonb_build_object('en', 'Idaho', 'es', 'Idaho'), 'WEST', 43),
  ('UT', jsonb_build_object('en', 'Utah', 'es', 'Utah'), 'WEST', 44),
  ('NV', jsonb_build_object('en', 'Nevada', 'es', 'Nevada'), 'WEST', 45),
  ('CA', jsonb_build_object('en', 'California', 'es', 'California'), 'WEST', 46),
  ('OR', jsonb_build_object('en', 'Oregon', 'es', 'Oregón'), 'WEST', 47),
  ('WA', jsonb_build_object('en', 'Washington', 'es', 'Washington'), 'WEST', 48),
  ('AK', jsonb_build_object('en', 'Alaska', 'es', 'Alaska'), 'WEST', 49),
  ('HI', jsonb_build_object('en', 'Hawaii', 'es', 'Hawái'), 'WEST', 50),
  ('PR', jsonb_build_object('en', 'Puerto Rico', 'es', 'Puerto Rico'), 'TERRITORIES', 51),
  ('GU', jsonb_build_object('en', 'Guam', 'es', 'Guam'), 'TERRITORIES', 52),
  ('VI', jsonb_build_object('en', 'U.S. Virgin Islands', 'es', 'Islas Vírgenes de EE. UU.'), 'TERRITORIES', 53),
  ('AS', jsonb_build_object('en', 'American Samoa', 'es', 'Samoa Americana'), 'TERRITORIES', 54),
  ('MP', jsonb_build_object('en', 'Northern Mariana Islands', 'es', 'Islas Marianas del Norte'), 'TERRITORIES', 55),
  ('X-MX', jsonb_build_object('en', 'Mexico', 'es', 'México'), 'OUTSIDE_US', 56),
  ('X-GT', jsonb_build_object('en', 'Guatemala', 'es', 'Guatemala'), 'OUTSIDE_US', 57),
  ('X-HN', jsonb_build_object('en', 'Honduras', 'es', 'Honduras'), 'OUTSIDE_US', 58),
  ('X-SV', jsonb_build_object('en', 'El Salvador', 'es', 'El Salvador'), 'OUTSIDE_US', 59),
  ('X-CA', jsonb_build_object('en', 'Canada', 'es', 'Canadá'), 'OUTSIDE_US', 60),
  ('X-OTHER', jsonb_build_object('en', 'Another country', 'es', 'Otro país'), 'OUTSIDE_US', 61);
UPDATE "Organization" o SET "region" = r."code"
FROM "Region" r
WHERE o."region" <> r."code" AND (upper(trim(o."region")) = r."code" OR lower(trim(o."region")) IN (lower(r."name"->>'en'), lower(r."name"->>'es')));

ALTER TABLE "OrganizationCycleSummary" ADD CONSTRAINT "OrganizationCycleSummary_counts" CHECK ("count" >= 0);
