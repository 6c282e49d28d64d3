-- CreateTable
CREATE TABLE "SubmissionKey" (
    "key" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SubmissionKey_organizationId_idx" ON "SubmissionKey"("organizationId");

-- CreateIndex
CREATE INDEX "SubmissionKey_createdAt_idx" ON "SubmissionKey"("createdAt");

-- AddForeignKey
ALTER TABLE "SubmissionKey" ADD CONSTRAINT "SubmissionKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
