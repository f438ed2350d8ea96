-- AlterTable
ALTER TABLE "CallForStories" ADD COLUMN     "confirmReminderDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "SpeakerRole" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "invited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pendingState" "SubmissionState";

-- CreateTable
CREATE TABLE "DecisionMessage" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "decision" "SubmissionState" NOT NULL,
    "bodyFr" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DecisionMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DecisionMessage_eventId_decision_key" ON "DecisionMessage"("eventId", "decision");

-- AddForeignKey
ALTER TABLE "DecisionMessage" ADD CONSTRAINT "DecisionMessage_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
