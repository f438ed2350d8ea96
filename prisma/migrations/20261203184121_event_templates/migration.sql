-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "templateName" TEXT;
