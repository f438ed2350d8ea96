-- CreateEnum
CREATE TYPE "WallSourceKind" AS ENUM ('MASTODON', 'BLUESKY');

-- CreateEnum
CREATE TYPE "WallPostStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "WallSource" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" "WallSourceKind" NOT NULL,
    "hashtag" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "accessToken" TEXT,
    "identifier" TEXT,
    "appPassword" TEXT,
    "accessJwt" TEXT,
    "refreshJwt" TEXT,
    "cursor" TEXT,
    "intervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPolledAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WallSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WallPost" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sourceId" TEXT,
    "origin" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "authorHandle" TEXT NOT NULL,
    "authorAvatar" TEXT,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "media" JSONB NOT NULL DEFAULT '[]',
    "link" TEXT,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "status" "WallPostStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WallPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WallSource_nextPollAt_idx" ON "WallSource"("nextPollAt");

-- CreateIndex
CREATE INDEX "WallSource_eventId_idx" ON "WallSource"("eventId");

-- CreateIndex
CREATE INDEX "WallPost_eventId_status_postedAt_idx" ON "WallPost"("eventId", "status", "postedAt");

-- CreateIndex
CREATE INDEX "WallPost_sourceId_idx" ON "WallPost"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "WallPost_eventId_origin_externalId_key" ON "WallPost"("eventId", "origin", "externalId");

-- AddForeignKey
ALTER TABLE "WallSource" ADD CONSTRAINT "WallSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WallPost" ADD CONSTRAINT "WallPost_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WallPost" ADD CONSTRAINT "WallPost_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "WallSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;
