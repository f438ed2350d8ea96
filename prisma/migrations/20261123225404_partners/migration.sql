-- CreateEnum
CREATE TYPE "PartnerTier" AS ENUM ('PRINCIPAL', 'GOLD', 'SOUTIEN', 'ASSOCIATIF');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "region" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "EventRole" ADD COLUMN     "partnerId" TEXT;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tier" "PartnerTier" NOT NULL,
    "url" TEXT NOT NULL DEFAULT '',
    "textFr" TEXT NOT NULL DEFAULT '',
    "textEn" TEXT NOT NULL DEFAULT '',
    "logo" BYTEA,
    "logoUpdatedAt" TIMESTAMP(3),
    "voucherTag" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Partner_eventId_tier_idx" ON "Partner"("eventId", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_eventId_name_key" ON "Partner"("eventId", "name");

-- AddForeignKey
ALTER TABLE "EventRole" ADD CONSTRAINT "EventRole_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
