-- AlterTable
ALTER TABLE "User" ADD COLUMN     "feedGeneration" INTEGER NOT NULL DEFAULT 0;
