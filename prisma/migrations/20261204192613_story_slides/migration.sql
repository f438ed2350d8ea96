-- CreateTable
CREATE TABLE "StorySlides" (
    "submissionId" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pages" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorySlides_pkey" PRIMARY KEY ("submissionId")
);

-- AddForeignKey
ALTER TABLE "StorySlides" ADD CONSTRAINT "StorySlides_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A story page links its slides: a change refreshes its cached copies.
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "StorySlides" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
