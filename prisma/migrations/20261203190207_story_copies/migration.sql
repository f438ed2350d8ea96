-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "originId" TEXT;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_originId_fkey" FOREIGN KEY ("originId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
