-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "unconfirmedHoldMinutes" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- Bookings made before confirmation existed keep the holds they were given.
UPDATE "Order" SET "confirmedAt" = "createdAt";
