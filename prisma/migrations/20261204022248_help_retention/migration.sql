-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "helpRetentionMonths" INTEGER NOT NULL DEFAULT 12;

-- The portal's associations are named on public pages (the wall's big screen shows the portal
-- once a network has one): their changes reach the public-page cache.
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Association" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
