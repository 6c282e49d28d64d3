-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "consentToQuote" BOOLEAN NOT NULL DEFAULT false;

-- Consent to be named only means something for what may be published.
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_consent_only_public" CHECK (NOT "consentToQuote" OR "visibility" = 'PUBLIC');
