-- CreateTable
CREATE TABLE "StoryInvitation" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoryInvitation_eventId_idx" ON "StoryInvitation"("eventId");

-- CreateIndex
CREATE INDEX "StoryInvitation_invitedById_idx" ON "StoryInvitation"("invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "StoryInvitation_submissionId_eventId_key" ON "StoryInvitation"("submissionId", "eventId");

-- AddForeignKey
ALTER TABLE "StoryInvitation" ADD CONSTRAINT "StoryInvitation_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryInvitation" ADD CONSTRAINT "StoryInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryInvitation" ADD CONSTRAINT "StoryInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
