-- AlterTable
ALTER TABLE "WallPost" ADD COLUMN     "photo" BYTEA;

-- AlterTable
ALTER TABLE "WallSettings" ADD COLUMN     "open" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "WallChange" (
    "id" SERIAL NOT NULL,
    "eventId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WallChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WallChange_eventId_id_idx" ON "WallChange"("eventId", "id");

-- AddForeignKey
ALTER TABLE "WallChange" ADD CONSTRAINT "WallChange_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
