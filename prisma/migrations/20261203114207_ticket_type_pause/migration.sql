-- AlterTable
ALTER TABLE "TicketType" ADD COLUMN     "pausedAt" TIMESTAMP(3);
