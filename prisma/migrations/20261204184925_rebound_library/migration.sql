-- CreateEnum
CREATE TYPE "FailureKind" AS ENUM ('CASH', 'PARTNERS', 'MARKET', 'PROCEDURE', 'HEALTH', 'FUNDRAISING');

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "failureKinds" "FailureKind"[] DEFAULT ARRAY[]::"FailureKind"[],
ADD COLUMN     "libraryConsentAt" TIMESTAMP(3),
ADD COLUMN     "replayUrl" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "StoryArticle" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryArticle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoryArticle_submissionId_position_idx" ON "StoryArticle"("submissionId", "position");

-- AddForeignKey
ALTER TABLE "StoryArticle" ADD CONSTRAINT "StoryArticle_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The library pages are public: a change to an article refreshes their cached copies.
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "StoryArticle" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
