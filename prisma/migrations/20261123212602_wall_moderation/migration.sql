-- CreateEnum
CREATE TYPE "WallModerationMode" AS ENUM ('PRE', 'POST');

-- AlterTable
ALTER TABLE "WallPost" ADD COLUMN     "pinnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WallSettings" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "moderation" "WallModerationMode" NOT NULL DEFAULT 'PRE',
    "blockedWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WallSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WallBan" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "authorHandle" TEXT NOT NULL,
    "byUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WallBan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WallAction" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "postId" TEXT,
    "action" TEXT NOT NULL,
    "byUserId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WallAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WallSettings_eventId_key" ON "WallSettings"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "WallBan_eventId_authorHandle_key" ON "WallBan"("eventId", "authorHandle");

-- CreateIndex
CREATE INDEX "WallAction_eventId_createdAt_idx" ON "WallAction"("eventId", "createdAt");

-- CreateIndex
CREATE INDEX "WallAction_postId_idx" ON "WallAction"("postId");

-- AddForeignKey
ALTER TABLE "WallSettings" ADD CONSTRAINT "WallSettings_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WallBan" ADD CONSTRAINT "WallBan_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WallAction" ADD CONSTRAINT "WallAction_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WallAction" ADD CONSTRAINT "WallAction_postId_fkey" FOREIGN KEY ("postId") REFERENCES "WallPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;
