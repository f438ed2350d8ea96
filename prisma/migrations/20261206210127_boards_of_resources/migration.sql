-- CreateEnum
CREATE TYPE "BoardVisibility" AS ENUM ('PUBLIC', 'REGISTRANTS');

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('LINK', 'FILE', 'NOTE');

-- CreateEnum
CREATE TYPE "ResourceStatus" AS ENUM ('SUGGESTED', 'PUBLISHED', 'REJECTED');

-- AlterTable
ALTER TABLE "Series" ADD COLUMN     "boardVisibility" "BoardVisibility" NOT NULL DEFAULT 'REGISTRANTS';

-- AlterTable
ALTER TABLE "SeriesSession" ADD COLUMN     "followUpSentAt" TIMESTAMP(3),
ADD COLUMN     "guestToken" TEXT;

-- CreateTable
CREATE TABLE "Resource" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "sessionId" TEXT,
    "kind" "ResourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT,
    "fileType" TEXT,
    "file" BYTEA,
    "fileBytes" INTEGER,
    "status" "ResourceStatus" NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "authorName" TEXT NOT NULL,
    "authorUserId" TEXT,
    "registrationId" TEXT,
    "byGuest" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Resource_seriesId_status_idx" ON "Resource"("seriesId", "status");

-- CreateIndex
CREATE INDEX "Resource_sessionId_idx" ON "Resource"("sessionId");

-- CreateIndex
CREATE INDEX "Resource_registrationId_idx" ON "Resource"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesSession_guestToken_key" ON "SeriesSession"("guestToken");

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SeriesSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "SeriesRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A series' public board lists its published resources: a change refreshes its cached copies.
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Resource" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
