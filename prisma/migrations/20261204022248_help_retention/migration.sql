-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "helpRetentionMonths" INTEGER NOT NULL DEFAULT 12;
