-- A ticket's door code (app/ticketing/codes.ts): eight characters of Crockford's base 32, drawn by
-- the database for every new ticket and for the tickets sold before.
CREATE FUNCTION rebond_door_code() RETURNS TEXT LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
  FROM generate_series(1, 8)
$$;

-- AlterTable
ALTER TABLE "OrderPosition" ADD COLUMN     "doorCode" TEXT NOT NULL DEFAULT rebond_door_code();

-- CreateIndex
CREATE INDEX "OrderPosition_doorCode_idx" ON "OrderPosition"("doorCode");
