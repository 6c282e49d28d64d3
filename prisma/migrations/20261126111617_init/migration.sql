-- CreateEnum
CREATE TYPE "CoalitionRole" AS ENUM ('NONE', 'STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'LEAD');

-- CreateEnum
CREATE TYPE "SizeBand" AS ENUM ('VOLUNTEER', 'SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'ACHIEVED', 'PAUSED', 'DROPPED');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PRIVATE', 'COALITION', 'PUBLIC');

-- CreateEnum
CREATE TYPE "ReflectionStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Coalition" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" JSONB NOT NULL,
    "vision" JSONB NOT NULL,
    "publicSummaryPublished" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coalition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Freedom" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Freedom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Value" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricLevel" (
    "level" INTEGER NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,

    CONSTRAINT "RubricLevel_pkey" PRIMARY KEY ("level")
);

-- CreateTable
CREATE TABLE "RubricDescriptor" (
    "valueId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "descriptor" JSONB NOT NULL,

    CONSTRAINT "RubricDescriptor_pkey" PRIMARY KEY ("valueId","level")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "coalitionRole" "CoalitionRole" NOT NULL DEFAULT 'NONE',
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Password" (
    "userId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Password_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organizationId" TEXT,
    "membershipRole" "MembershipRole",
    "coalitionRole" "CoalitionRole",
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "impactedLed" BOOLEAN NOT NULL DEFAULT false,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "joinedAt" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationFreedom" (
    "organizationId" TEXT NOT NULL,
    "freedomId" TEXT NOT NULL,

    CONSTRAINT "OrganizationFreedom_pkey" PRIMARY KEY ("organizationId","freedomId")
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CyclePrompt" (
    "cycleId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "prompt" JSONB NOT NULL,

    CONSTRAINT "CyclePrompt_pkey" PRIMARY KEY ("cycleId","valueId")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "indicator" TEXT,
    "target" TEXT,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'PLANNED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "copiedFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentUpdate" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "status" "CommitmentStatus" NOT NULL,
    "progress" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "commitmentId" TEXT,
    "occurredOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "participants" INTEGER NOT NULL DEFAULT 0,
    "impactedParticipants" INTEGER NOT NULL DEFAULT 0,
    "visibility" "Visibility" NOT NULL DEFAULT 'PRIVATE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeFreedom" (
    "practiceId" TEXT NOT NULL,
    "freedomId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    CONSTRAINT "PracticeFreedom_pkey" PRIMARY KEY ("practiceId","freedomId")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "rubricLevel" INTEGER,
    "wentWell" TEXT NOT NULL DEFAULT '',
    "challenges" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "visibility" "Visibility" NOT NULL DEFAULT 'PRIVATE',
    "consentToQuote" BOOLEAN NOT NULL DEFAULT false,
    "status" "ReflectionStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "organizationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "metadata" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sendAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeMonthlySummary" (
    "organizationId" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,
    "participants" INTEGER NOT NULL DEFAULT 0,
    "impactedParticipants" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PracticeMonthlySummary_pkey" PRIMARY KEY ("organizationId","valueId","month")
);

-- CreateTable
CREATE TABLE "PracticeFreedomMonthlySummary" (
    "organizationId" TEXT NOT NULL,
    "freedomId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "practiceCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PracticeFreedomMonthlySummary_pkey" PRIMARY KEY ("organizationId","freedomId","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "Freedom_slug_key" ON "Freedom"("slug");

-- CreateIndex
CREATE INDEX "Freedom_position_idx" ON "Freedom"("position");

-- CreateIndex
CREATE UNIQUE INDEX "Value_slug_key" ON "Value"("slug");

-- CreateIndex
CREATE INDEX "Value_position_idx" ON "Value"("position");

-- CreateIndex
CREATE INDEX "RubricDescriptor_level_idx" ON "RubricDescriptor"("level");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Membership_organizationId_role_idx" ON "Membership"("organizationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organizationId_key" ON "Membership"("userId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_createdAt_idx" ON "Invitation"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "Invitation_invitedById_idx" ON "Invitation"("invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_region_idx" ON "Organization"("region");

-- CreateIndex
CREATE INDEX "Organization_archivedAt_idx" ON "Organization"("archivedAt");

-- CreateIndex
CREATE INDEX "OrganizationFreedom_freedomId_idx" ON "OrganizationFreedom"("freedomId");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_year_key" ON "Cycle"("year");

-- CreateIndex
CREATE INDEX "CyclePrompt_valueId_idx" ON "CyclePrompt"("valueId");

-- CreateIndex
CREATE INDEX "Commitment_organizationId_cycleId_valueId_idx" ON "Commitment"("organizationId", "cycleId", "valueId");

-- CreateIndex
CREATE INDEX "Commitment_organizationId_valueId_idx" ON "Commitment"("organizationId", "valueId");

-- CreateIndex
CREATE INDEX "Commitment_valueId_idx" ON "Commitment"("valueId");

-- CreateIndex
CREATE INDEX "Commitment_cycleId_idx" ON "Commitment"("cycleId");

-- CreateIndex
CREATE INDEX "Commitment_copiedFromId_idx" ON "Commitment"("copiedFromId");

-- CreateIndex
CREATE INDEX "CommitmentUpdate_commitmentId_createdAt_idx" ON "CommitmentUpdate"("commitmentId", "createdAt");

-- CreateIndex
CREATE INDEX "CommitmentUpdate_organizationId_createdAt_idx" ON "CommitmentUpdate"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "CommitmentUpdate_authorId_idx" ON "CommitmentUpdate"("authorId");

-- CreateIndex
CREATE INDEX "Practice_organizationId_occurredOn_idx" ON "Practice"("organizationId", "occurredOn");

-- CreateIndex
CREATE INDEX "Practice_organizationId_valueId_occurredOn_idx" ON "Practice"("organizationId", "valueId", "occurredOn");

-- CreateIndex
CREATE INDEX "Practice_organizationId_visibility_idx" ON "Practice"("organizationId", "visibility");

-- CreateIndex
CREATE INDEX "Practice_valueId_idx" ON "Practice"("valueId");

-- CreateIndex
CREATE INDEX "Practice_commitmentId_idx" ON "Practice"("commitmentId");

-- CreateIndex
CREATE INDEX "Practice_createdById_idx" ON "Practice"("createdById");

-- CreateIndex
CREATE INDEX "PracticeFreedom_freedomId_idx" ON "PracticeFreedom"("freedomId");

-- CreateIndex
CREATE INDEX "PracticeFreedom_organizationId_idx" ON "PracticeFreedom"("organizationId");

-- CreateIndex
CREATE INDEX "Reflection_cycleId_valueId_status_idx" ON "Reflection"("cycleId", "valueId", "status");

-- CreateIndex
CREATE INDEX "Reflection_valueId_idx" ON "Reflection"("valueId");

-- CreateIndex
CREATE INDEX "Reflection_updatedById_idx" ON "Reflection"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_organizationId_valueId_cycleId_key" ON "Reflection"("organizationId", "valueId", "cycleId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_at_idx" ON "AuditEvent"("organizationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_sendAfter_idx" ON "OutboxEmail"("status", "sendAfter");

-- CreateIndex
CREATE INDEX "PracticeMonthlySummary_valueId_month_idx" ON "PracticeMonthlySummary"("valueId", "month");

-- CreateIndex
CREATE INDEX "PracticeMonthlySummary_month_idx" ON "PracticeMonthlySummary"("month");

-- CreateIndex
CREATE INDEX "PracticeFreedomMonthlySummary_freedomId_month_idx" ON "PracticeFreedomMonthlySummary"("freedomId", "month");

-- CreateIndex
CREATE INDEX "PracticeFreedomMonthlySummary_month_idx" ON "PracticeFreedomMonthlySummary"("month");

-- AddForeignKey
ALTER TABLE "RubricDescriptor" ADD CONSTRAINT "RubricDescriptor_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricDescriptor" ADD CONSTRAINT "RubricDescriptor_level_fkey" FOREIGN KEY ("level") REFERENCES "RubricLevel"("level") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Password" ADD CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationFreedom" ADD CONSTRAINT "OrganizationFreedom_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationFreedom" ADD CONSTRAINT "OrganizationFreedom_freedomId_fkey" FOREIGN KEY ("freedomId") REFERENCES "Freedom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CyclePrompt" ADD CONSTRAINT "CyclePrompt_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CyclePrompt" ADD CONSTRAINT "CyclePrompt_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Commitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentUpdate" ADD CONSTRAINT "CommitmentUpdate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentUpdate" ADD CONSTRAINT "CommitmentUpdate_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentUpdate" ADD CONSTRAINT "CommitmentUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeFreedom" ADD CONSTRAINT "PracticeFreedom_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeFreedom" ADD CONSTRAINT "PracticeFreedom_freedomId_fkey" FOREIGN KEY ("freedomId") REFERENCES "Freedom"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeFreedom" ADD CONSTRAINT "PracticeFreedom_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeMonthlySummary" ADD CONSTRAINT "PracticeMonthlySummary_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeMonthlySummary" ADD CONSTRAINT "PracticeMonthlySummary_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "Value"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeFreedomMonthlySummary" ADD CONSTRAINT "PracticeFreedomMonthlySummary_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeFreedomMonthlySummary" ADD CONSTRAINT "PracticeFreedomMonthlySummary_freedomId_fkey" FOREIGN KEY ("freedomId") REFERENCES "Freedom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express: the database protects the data whatever writes it.
ALTER TABLE "Coalition" ADD CONSTRAINT "Coalition_singleton" CHECK ("id" = 1);
ALTER TABLE "User" ADD CONSTRAINT "User_email_lower" CHECK ("email" = lower("email"));
ALTER TABLE "RubricLevel" ADD CONSTRAINT "RubricLevel_level_range" CHECK ("level" BETWEEN 1 AND 4);
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_dates" CHECK ("closesOn" >= "opensOn");
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_year_range" CHECK ("year" BETWEEN 2000 AND 2200);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_version_positive" CHECK ("version" >= 1);
ALTER TABLE "CommitmentUpdate" ADD CONSTRAINT "CommitmentUpdate_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_participants_range" CHECK ("participants" BETWEEN 0 AND 100000);
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_impacted_participants" CHECK ("impactedParticipants" >= 0 AND "impactedParticipants" <= "participants");
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_rubric_level_range" CHECK ("rubricLevel" IS NULL OR "rubricLevel" BETWEEN 1 AND 4);
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_submitted_at" CHECK (("status" = 'SUBMITTED') = ("submittedAt" IS NOT NULL));
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_version_positive" CHECK ("version" >= 1);
ALTER TABLE "RubricDescriptor" ADD CONSTRAINT "RubricDescriptor_level_range" CHECK ("level" BETWEEN 1 AND 4);
ALTER TABLE "PracticeMonthlySummary" ADD CONSTRAINT "PracticeMonthlySummary_month_start" CHECK (date_trunc('month', "month") = "month");
ALTER TABLE "PracticeFreedomMonthlySummary" ADD CONSTRAINT "PracticeFreedomMonthlySummary_month_start" CHECK (date_trunc('month', "month") = "month");
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_target" CHECK (
  ("organizationId" IS NOT NULL AND "membershipRole" IS NOT NULL AND "coalitionRole" IS NULL)
  OR ("organizationId" IS NULL AND "membershipRole" IS NULL AND "coalitionRole" IS NOT NULL)
);

-- The audit log is append-only: rows are never changed. (Deleting an organization's data removes its rows.)
CREATE FUNCTION "audit_event_no_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_no_update"();
