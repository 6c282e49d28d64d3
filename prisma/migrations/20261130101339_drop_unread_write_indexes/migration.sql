-- Indexes that no query reads, maintained by every practice save (and every other audited write): the
-- audit log is paged by id, and submission keys are found by their key. An organization's and an actor's
-- events keep their indexes (foreign keys).
-- DropIndex
DROP INDEX "AuditEvent_at_idx";

-- DropIndex
DROP INDEX "SubmissionKey_createdAt_idx";
