-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "reminderIntervalDays" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'transactional';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "cycleReminders" BOOLEAN;

-- CreateTable
CREATE TABLE "ReminderPause" (
    "organizationId" TEXT NOT NULL,
    "until" DATE,
    "pausedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderPause_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "ReminderPause_pausedById_idx" ON "ReminderPause"("pausedById");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

-- AddForeignKey
ALTER TABLE "ReminderPause" ADD CONSTRAINT "ReminderPause_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPause" ADD CONSTRAINT "ReminderPause_pausedById_fkey" FOREIGN KEY ("pausedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express.
-- At most one cycle is open at a time, whatever writes it.
CREATE UNIQUE INDEX "Cycle_one_open" ON "Cycle" ((true)) WHERE "status" = 'OPEN';
ALTER TABLE "Cycle" DROP CONSTRAINT "Cycle_dates";
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_dates" CHECK ("closesOn" > "opensOn");
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_reminder_interval" CHECK ("reminderIntervalDays" BETWEEN 1 AND 60);
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_kind" CHECK ("kind" IN ('transactional', 'cycle-announcement', 'cycle-reminder'));
