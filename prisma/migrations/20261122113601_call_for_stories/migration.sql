-- CreateEnum
CREATE TYPE "SubmissionState" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN', 'CANCELED');

-- CreateEnum
CREATE TYPE "ReviewVisibility" AS ENUM ('NEVER', 'AFTER_OWN', 'ALWAYS');

-- CreateTable
CREATE TABLE "CallForStories" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "introFr" TEXT NOT NULL DEFAULT '',
    "introEn" TEXT NOT NULL DEFAULT '',
    "anonymisedReview" BOOLEAN NOT NULL DEFAULT true,
    "maxPerSpeaker" INTEGER NOT NULL DEFAULT 2,
    "reviewVisibility" "ReviewVisibility" NOT NULL DEFAULT 'AFTER_OWN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallForStories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionFormat" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3),
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionFormat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Track" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Track_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "formatId" TEXT NOT NULL,
    "trackId" TEXT,
    "state" "SubmissionState" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "company" TEXT NOT NULL DEFAULT '',
    "sector" TEXT NOT NULL DEFAULT '',
    "companyYears" TEXT NOT NULL DEFAULT '',
    "whatHappened" TEXT NOT NULL,
    "turningPoint" TEXT NOT NULL DEFAULT '',
    "lessons" TEXT NOT NULL,
    "nowDoing" TEXT NOT NULL DEFAULT '',
    "language" "Locale" NOT NULL DEFAULT 'fr',
    "consentRecording" BOOLEAN NOT NULL DEFAULT false,
    "consentPublish" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerRole" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpeakerRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionStateChange" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "fromState" "SubmissionState",
    "toState" "SubmissionState" NOT NULL,
    "byUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionStateChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallForStories_eventId_key" ON "CallForStories"("eventId");

-- CreateIndex
CREATE INDEX "SessionFormat_eventId_position_idx" ON "SessionFormat"("eventId", "position");

-- CreateIndex
CREATE INDEX "Track_eventId_position_idx" ON "Track"("eventId", "position");

-- CreateIndex
CREATE INDEX "Submission_eventId_state_idx" ON "Submission"("eventId", "state");

-- CreateIndex
CREATE INDEX "Submission_formatId_idx" ON "Submission"("formatId");

-- CreateIndex
CREATE INDEX "Submission_trackId_idx" ON "Submission"("trackId");

-- CreateIndex
CREATE INDEX "SpeakerRole_userId_idx" ON "SpeakerRole"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerRole_submissionId_userId_key" ON "SpeakerRole"("submissionId", "userId");

-- CreateIndex
CREATE INDEX "SubmissionStateChange_submissionId_createdAt_idx" ON "SubmissionStateChange"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionStateChange_byUserId_idx" ON "SubmissionStateChange"("byUserId");

-- AddForeignKey
ALTER TABLE "CallForStories" ADD CONSTRAINT "CallForStories_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFormat" ADD CONSTRAINT "SessionFormat_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Track" ADD CONSTRAINT "Track_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_formatId_fkey" FOREIGN KEY ("formatId") REFERENCES "SessionFormat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRole" ADD CONSTRAINT "SpeakerRole_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRole" ADD CONSTRAINT "SpeakerRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionStateChange" ADD CONSTRAINT "SubmissionStateChange_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionStateChange" ADD CONSTRAINT "SubmissionStateChange_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
