-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "bankBic" TEXT,
ADD COLUMN     "bankHolder" TEXT,
ADD COLUMN     "bankIban" TEXT;
