-- AlterTable
ALTER TABLE "WallPost" ADD COLUMN     "clientKey" TEXT;

-- CreateIndex
CREATE INDEX "WallPost_clientKey_createdAt_idx" ON "WallPost"("clientKey", "createdAt");
