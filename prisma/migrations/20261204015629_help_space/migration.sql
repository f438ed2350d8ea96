-- CreateEnum
CREATE TYPE "HelpEventKind" AS ENUM ('TAKEN', 'CONTACTED', 'CLOSED', 'HANDED');

-- CreateEnum
CREATE TYPE "HelpOutcome" AS ENUM ('HELPED', 'REFERRED', 'NO_ANSWER', 'DECLINED');

-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "contactBy" TIMESTAMP(3),
ADD COLUMN     "contactedAt" TIMESTAMP(3),
ADD COLUMN     "outcome" "HelpOutcome",
ADD COLUMN     "remindedAt" TIMESTAMP(3),
ADD COLUMN     "routedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "HelpRequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "HelpEventKind" NOT NULL,
    "associationId" TEXT NOT NULL,
    "byUserId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequestReading" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpRequestReading_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HelpRequestEvent_requestId_createdAt_idx" ON "HelpRequestEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequestEvent_associationId_idx" ON "HelpRequestEvent"("associationId");

-- CreateIndex
CREATE INDEX "HelpRequestEvent_byUserId_idx" ON "HelpRequestEvent"("byUserId");

-- CreateIndex
CREATE INDEX "HelpRequestReading_requestId_createdAt_idx" ON "HelpRequestReading"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequestReading_userId_idx" ON "HelpRequestReading"("userId");

-- AddForeignKey
ALTER TABLE "HelpRequestEvent" ADD CONSTRAINT "HelpRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequestEvent" ADD CONSTRAINT "HelpRequestEvent_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequestEvent" ADD CONSTRAINT "HelpRequestEvent_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequestReading" ADD CONSTRAINT "HelpRequestReading_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequestReading" ADD CONSTRAINT "HelpRequestReading_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
