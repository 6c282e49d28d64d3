-- An email written where no mail server is set is kept (logged, and on the try-out shown at /dev/outbox), never
-- sent: its status says so. Rows marked SENT before this stay as they are: which of them really went out is
-- not recorded.

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'KEPT';
