-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('LINK', 'CHECK_IN');

-- CreateTable
CREATE TABLE "Series" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titleFr" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionFr" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "weekdays" INTEGER[],
    "startTimes" TEXT[],
    "durationMinutes" INTEGER NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "meetingUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesSession" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "themeFr" TEXT NOT NULL DEFAULT '',
    "themeEn" TEXT NOT NULL DEFAULT '',
    "guests" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeriesSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesRegistration" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeriesRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesAttendance" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "source" "AttendanceSource" NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeriesAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Series_slug_key" ON "Series"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesSession_seriesId_startsAt_key" ON "SeriesSession"("seriesId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesRegistration_token_key" ON "SeriesRegistration"("token");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesRegistration_seriesId_email_key" ON "SeriesRegistration"("seriesId", "email");

-- CreateIndex
CREATE INDEX "SeriesAttendance_registrationId_idx" ON "SeriesAttendance"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesAttendance_sessionId_registrationId_key" ON "SeriesAttendance"("sessionId", "registrationId");

-- AddForeignKey
ALTER TABLE "Series" ADD CONSTRAINT "Series_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesSession" ADD CONSTRAINT "SeriesSession_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesRegistration" ADD CONSTRAINT "SeriesRegistration_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesAttendance" ADD CONSTRAINT "SeriesAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SeriesSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesAttendance" ADD CONSTRAINT "SeriesAttendance_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "SeriesRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
