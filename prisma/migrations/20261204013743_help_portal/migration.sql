-- CreateEnum
CREATE TYPE "HelpStage" AS ENUM ('PREVENTION', 'PROCEDURE', 'AFTER', 'SUPPORT');

-- CreateEnum
CREATE TYPE "HelpProcedure" AS ENUM ('NONE', 'AMICABLE', 'SAUVEGARDE', 'REDRESSEMENT', 'LIQUIDATION');

-- CreateEnum
CREATE TYPE "HelpSince" AS ENUM ('UNDER_3_MONTHS', 'UNDER_6_MONTHS', 'UNDER_12_MONTHS', 'OVER_12_MONTHS');

-- CreateEnum
CREATE TYPE "HelpNeed" AS ENUM ('CASH', 'LEGAL', 'MORAL', 'PEER', 'WORK', 'PROJECT');

-- CreateEnum
CREATE TYPE "HelpCompanySize" AS ENUM ('SOLO', 'UNDER_10', 'UNDER_50', 'OVER_50');

-- CreateEnum
CREATE TYPE "HelpContactWay" AS ENUM ('PHONE', 'EMAIL', 'VIDEO');

-- CreateEnum
CREATE TYPE "HelpRequestStatus" AS ENUM ('NEW', 'TAKEN', 'CONTACTED', 'CLOSED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Association" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summaryFr" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "departments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "stages" "HelpStage"[],
    "languages" "Locale"[] DEFAULT ARRAY['fr']::"Locale"[],
    "weeklyCapacity" INTEGER NOT NULL DEFAULT 10,
    "website" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Association_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssociationMember" (
    "id" TEXT NOT NULL,
    "associationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssociationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "reasonFr" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,
    "procedures" "HelpProcedure"[] DEFAULT ARRAY[]::"HelpProcedure"[],
    "needs" "HelpNeed"[] DEFAULT ARRAY[]::"HelpNeed"[],
    "companyActive" BOOLEAN,
    "withinMonths" INTEGER,
    "associationIds" TEXT[],
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "associationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" "HelpRequestStatus" NOT NULL DEFAULT 'NEW',
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "companyActive" BOOLEAN NOT NULL,
    "procedure" "HelpProcedure" NOT NULL,
    "since" "HelpSince",
    "needs" "HelpNeed"[],
    "department" TEXT NOT NULL,
    "companySize" "HelpCompanySize",
    "sector" TEXT NOT NULL DEFAULT '',
    "firstName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "contactWay" "HelpContactWay" NOT NULL,
    "contactWhen" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "reasonFr" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,
    "volunteerId" TEXT,
    "takenAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "consentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Association_slug_key" ON "Association"("slug");

-- CreateIndex
CREATE INDEX "Association_organisationId_idx" ON "Association"("organisationId");

-- CreateIndex
CREATE INDEX "AssociationMember_userId_idx" ON "AssociationMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AssociationMember_associationId_userId_key" ON "AssociationMember"("associationId", "userId");

-- CreateIndex
CREATE INDEX "RoutingRule_organisationId_position_idx" ON "RoutingRule"("organisationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "HelpRequest_tokenHash_key" ON "HelpRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "HelpRequest_associationId_status_idx" ON "HelpRequest"("associationId", "status");

-- CreateIndex
CREATE INDEX "HelpRequest_organisationId_idx" ON "HelpRequest"("organisationId");

-- CreateIndex
CREATE INDEX "HelpRequest_volunteerId_idx" ON "HelpRequest"("volunteerId");

-- AddForeignKey
ALTER TABLE "Association" ADD CONSTRAINT "Association_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssociationMember" ADD CONSTRAINT "AssociationMember_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssociationMember" ADD CONSTRAINT "AssociationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
