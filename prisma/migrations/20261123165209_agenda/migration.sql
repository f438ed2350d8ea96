-- CreateEnum
CREATE TYPE "SlotKind" AS ENUM ('TALK', 'BREAK', 'BLOCKER');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "scheduleStep" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "capacity" INTEGER,
    "accessibilityFr" TEXT NOT NULL DEFAULT '',
    "accessibilityEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "changelog" JSONB,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TalkSlot" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "submissionId" TEXT,
    "roomId" TEXT,
    "kind" "SlotKind" NOT NULL DEFAULT 'TALK',
    "titleFr" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TalkSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerAvailability" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpeakerAvailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarredTalk" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StarredTalk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Room_eventId_position_idx" ON "Room"("eventId", "position");

-- CreateIndex
CREATE INDEX "Schedule_publishedById_idx" ON "Schedule"("publishedById");

-- CreateIndex
CREATE UNIQUE INDEX "Schedule_eventId_number_key" ON "Schedule"("eventId", "number");

-- CreateIndex
CREATE INDEX "TalkSlot_submissionId_idx" ON "TalkSlot"("submissionId");

-- CreateIndex
CREATE INDEX "TalkSlot_roomId_idx" ON "TalkSlot"("roomId");

-- CreateIndex
CREATE UNIQUE INDEX "TalkSlot_scheduleId_submissionId_key" ON "TalkSlot"("scheduleId", "submissionId");

-- CreateIndex
CREATE INDEX "SpeakerAvailability_eventId_userId_idx" ON "SpeakerAvailability"("eventId", "userId");

-- CreateIndex
CREATE INDEX "SpeakerAvailability_userId_idx" ON "SpeakerAvailability"("userId");

-- CreateIndex
CREATE INDEX "StarredTalk_eventId_userId_idx" ON "StarredTalk"("eventId", "userId");

-- CreateIndex
CREATE INDEX "StarredTalk_submissionId_idx" ON "StarredTalk"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "StarredTalk_userId_submissionId_key" ON "StarredTalk"("userId", "submissionId");

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkSlot" ADD CONSTRAINT "TalkSlot_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkSlot" ADD CONSTRAINT "TalkSlot_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkSlot" ADD CONSTRAINT "TalkSlot_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerAvailability" ADD CONSTRAINT "SpeakerAvailability_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerAvailability" ADD CONSTRAINT "SpeakerAvailability_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarredTalk" ADD CONSTRAINT "StarredTalk_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarredTalk" ADD CONSTRAINT "StarredTalk_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarredTalk" ADD CONSTRAINT "StarredTalk_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
