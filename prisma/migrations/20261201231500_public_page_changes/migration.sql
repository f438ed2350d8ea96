-- Public pages are cached per process for anonymous visitors (docs/decisions/017-performance.md).
-- Every row written to a table a public page may read announces its table on the channel
-- "rebond_public" when its transaction commits (one notification per table and transaction:
-- PostgreSQL folds identical ones), and every instance listening drops its cached pages.
-- The migration runner cuts scripts at every semicolon, so the function's body writes them \073.
CREATE FUNCTION rebond_public_changed() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(\'rebond_public\', TG_TABLE_NAME)\073 RETURN NULL\073 END';

CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Organisation" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Event" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "CallForStories" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "SessionFormat" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Track" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Submission" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "SpeakerRole" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "SpeakerProfile" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Question" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Room" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Schedule" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "TalkSlot" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "TicketType" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Quota" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "TicketTypeQuota" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Order" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "OrderPosition" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Voucher" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "VoucherTicketType" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "AttendeeQuestion" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "WallSettings" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "WallPost" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "WallBan" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Partner" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "Series" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
CREATE TRIGGER public_changed AFTER INSERT OR UPDATE OR DELETE ON "SeriesSession" FOR EACH ROW EXECUTE FUNCTION rebond_public_changed();
