-- AlterTable
ALTER TABLE "WallPost" ADD COLUMN     "deviceKey" TEXT;

-- CreateIndex
CREATE INDEX "WallPost_eventId_deviceKey_idx" ON "WallPost"("eventId", "deviceKey");
