-- AlterTable
ALTER TABLE "ContactImport" ADD COLUMN     "failure" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3);
