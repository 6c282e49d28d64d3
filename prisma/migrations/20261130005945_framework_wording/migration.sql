-- AlterTable
ALTER TABLE "Freedom" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "RubricLevel" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Value" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "FrameworkWording" (
    "subject" TEXT NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "text" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FrameworkWording_pkey" PRIMARY KEY ("subject","fromYear")
);

-- year 0 holds the wording an edit replaced, for every year before the edit applies
ALTER TABLE "FrameworkWording" ADD CONSTRAINT "FrameworkWording_fromYear_check" CHECK ("fromYear" >= 0 AND "fromYear" <= 9999);
