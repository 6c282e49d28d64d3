-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/Los_Angeles';

-- An IANA name such as America/Los_Angeles; the app checks that the name is known.
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_time_zone_length" CHECK (char_length("timeZone") BETWEEN 1 AND 64);
